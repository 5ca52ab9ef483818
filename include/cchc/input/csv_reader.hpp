#pragma once
// UTF-8 text → records as text, for the rows read before the delimiter is
// known (header detection) and for small inputs such as the catalog. The
// text reader (text_reader.hpp) finds each record, with the physical line it
// starts on; here it becomes a checked UTF-8 string, and `split_record`
// splits it into cells by the hot path's rule (cell_text.hpp): a delimiter
// inside quotes is text, spaces around a cell are trimmed, then the quotes
// around it removed and each doubled quote inside made one.

#include <cchc/input/encoding.hpp>
#include <cchc/input/text_reader.hpp>

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
    RecordReader(std::string file_name, std::unique_ptr<DecodingSource> source, Lang lang);

    /// The next record, or false at the end of the input. Throws InputError
    /// for an unterminated quote, a record over the size limit or bytes
    /// that are not UTF-8.
    bool next(RawRecord &record);

private:
    std::string m_file;
    Lang m_lang;
    std::unique_ptr<DecodingSource> m_source;
    TextReader m_text;
    RecordSpan m_span;
};

/// Splits a record at `delimiter` (one of , ; \t |) outside quotes, removes
/// the quotes and doubled quotes of each cell, trims spaces, and normalises
/// each cell to NFC. Throws InputError (with `file` and `line`) when the
/// quoting is broken.
void split_record(const RawRecord &record, char delimiter, const std::string &file, std::vector<std::string> &cells,
                  Lang lang);

/// How many times `delimiter` occurs outside quotes.
std::size_t count_delimiters(const std::string &text, char delimiter);

} // namespace cchc
