#pragma once
// UTF-8 text → records → cell spans, in one pass over a buffer. A record
// ends at a line break (LF, CRLF or a lone CR) outside quotes, so a quoted
// cell may hold line breaks (Excel's Alt+Enter); cells end at the delimiter
// outside quotes, the rule of fast-cpp-csv-parser's double_quote_escape.
// Nothing is copied here: a record is a view into the reader's buffer,
// valid until the next call, and its cells are offsets into that view.
// Checking the bytes are UTF-8 and normalising is left to whoever uses a
// cell (see cell_text.hpp), so cells nobody reads cost nothing more.

#include <cchc/base/lang.hpp>
#include <cchc/input/encoding.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cchc {

/// One cell: [begin, end) of the record's text, before trimming and
/// unquoting.
struct CellSpan {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    bool quoted = false; ///< holds a '"'
};

struct RecordSpan {
    long line = 0;               ///< physical line the record starts on (1-based)
    long last_line = 0;          ///< physical line it ends on
    std::string_view text;       ///< the record without its final line break; inner ones as in the file
    bool has_cr = false;         ///< an inner line break is CR or CRLF
    std::uint64_t offset = 0;    ///< of text[0]: bytes read before it, plus the reader's first_offset
    std::vector<CellSpan> cells; ///< when a delimiter is set
};

class TextReader {
public:
    /// The longest line, and record, accepted.
    static constexpr std::size_t k_max_record_bytes = 1 << 24;
    /// The most cells a record may have: far more than any sheet, few
    /// enough that a line of a million delimiters stops with a message.
    static constexpr std::size_t k_max_cells = 2000;

    /// Reads `input` from its current position; `first_line` is the
    /// physical line number of its first byte. `size_hint`: the input's
    /// size when known, so a small file gets a small buffer.
    TextReader(std::string file_name, RawInput &input, Lang lang, long first_line = 1, std::size_t size_hint = 0,
               std::uint64_t first_offset = 0);

    /// From now on, records are also cut into cells at `delimiter`.
    void set_delimiter(char delimiter) {
        m_delimiter = delimiter;
        m_block_pos = k_no_block; // classified for another delimiter
    }

    /// The next record, or false at the end of the input. Throws InputError
    /// for a NUL byte, an unterminated quote, a line or record over the size
    /// limit, or too many cells.
    bool next(RecordSpan &record);

    /// Bytes of the input consumed by the records returned so far.
    std::uint64_t consumed() const { return m_consumed; }
    /// The physical line the next record starts on.
    long line() const { return m_line; }

private:
    /// Where the bytes that matter are in 64 bytes of text: one bit per byte.
    struct BlockMasks {
        std::uint64_t quote = 0, delimiter = 0, lf = 0, cr = 0, nul = 0;
    };

    bool refill(std::size_t &pos);
    /// refill(), or the message for a line or record over the size limit;
    /// returns `pos` moved with the bytes.
    std::size_t more(std::size_t pos, long line, long first_line, std::size_t line_start);
    [[noreturn]] void fail(long line, const std::string &message) const;
    [[noreturn]] void fail_too_many_cells(long line) const;

    std::string m_file;
    RawInput &m_input;
    Lang m_lang;
    char m_delimiter = 0;
    std::unique_ptr<char[]> m_buffer;
    std::size_t m_capacity = 0;
    std::size_t m_initial_capacity;
    std::size_t m_begin = 0; // first byte not yet returned
    std::size_t m_end = 0;   // end of the bytes read
    bool m_eof = false;
    long m_line;
    std::uint64_t m_consumed = 0;
    std::uint64_t m_first_offset = 0;
    // The 64-byte block the last record ended in, classified: the next
    // record starts there (see next()). Offsets move when refill() does.
    static constexpr std::size_t k_no_block = ~std::size_t(0) >> 1;
    std::size_t m_block_pos = k_no_block;
    BlockMasks m_block;
    std::uint64_t m_block_inside = 0;
};

/// A record as text with every inner line break written '\n', after
/// checking it is valid UTF-8 (InputError naming the line otherwise;
/// WrongGuess for a byte before `guessed_until`).
std::string record_text(const RecordSpan &record, const std::string &file, Lang lang, std::uint64_t guessed_until = 0);

/// Counts the line ends (LF, CRLF, lone CR) in `text`.
long count_line_ends(std::string_view text);
/// The same for text read in pieces: adds this piece's line ends to `n`;
/// `after_cr` says the byte before it was a CR (a LF right after it ends
/// no new line), and is set for the next piece.
void count_line_ends(std::string_view text, long &n, bool &after_cr);
/// The LFs in `text` when it holds no CR (the usual file), else -1.
long count_lfs_without_cr(std::string_view text);

} // namespace cchc
