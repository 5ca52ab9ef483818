#pragma once
// UTF-8 text → records. fast-cpp-csv-parser's LineReader cuts the decoded
// text into physical lines; this stage joins the lines of a record whose
// quoted cell holds line breaks (Excel's Alt+Enter), remembers the physical
// line each record starts on, and splits it into cells with the parser's
// double-quote policy. The delimiter is chosen later, by header detection,
// so a record is kept as raw text until `split` is called.

#include <cchc/encoding.hpp>

#include <memory>
#include <string>
#include <vector>

namespace cchc {

struct RawRecord {
    long line = 0;      ///< physical line the record starts on (1-based)
    long last_line = 0; ///< physical line it ends on
    std::string text;   ///< the record, inner line breaks kept as '\n'
};

class RecordReader {
public:
    /// The largest record accepted, the same bound as the parser's lines.
    static constexpr std::size_t k_max_record_bytes = 1 << 24;
    /// The most cells a record may have: far more than any sheet, few
    /// enough that a line of a million delimiters stops with a message.
    static constexpr std::size_t k_max_cells = 2000;

    RecordReader(std::string file_name, std::unique_ptr<DecodingSource> source, Lang lang = Lang::en);

    /// The next record, or false at the end of the input. Throws InputError
    /// for an unterminated quote or a record over the size limit.
    bool next(RawRecord &record);

    const DecodingSource &source() const { return *m_source; }

private:
    std::string m_file;
    Lang m_lang;
    DecodingSource *m_source; // owned by m_lines
    std::unique_ptr<io::LineReader> m_lines;
};

/// Splits a record at `delimiter` (one of , ; \t |) outside quotes, removes
/// the quotes and doubled quotes of each cell, trims spaces, and normalises
/// each cell to NFC. Throws InputError (with `file` and `line`) when the
/// quoting is broken.
void split_record(const RawRecord &record, char delimiter, const std::string &file, std::vector<std::string> &cells,
                  Lang lang = Lang::en);

/// How many times `delimiter` occurs outside quotes.
std::size_t count_delimiters(const std::string &text, char delimiter);

} // namespace cchc
