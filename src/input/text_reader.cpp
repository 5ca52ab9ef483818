// UTF-8 text → records → cell spans (see text_reader.hpp).
#include "messages.hpp"

#include <cchc/base/error.hpp>
#include <cchc/input/text_reader.hpp>
#include <cchc/text/unicode.hpp>

#include <fmt/format.h>

#include <cstring>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

namespace cchc {

namespace {

constexpr std::size_t k_read_size = 1 << 20; // bytes asked from the input at a time

// classify and skip_plain take TextReader's private BlockMasks as `Masks`.
template <typename Masks>
inline Masks classify(const char *p, char delimiter) {
    Masks m;
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i delim = _mm_set1_epi8(delimiter);
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr = _mm_set1_epi8('\r');
    const __m128i nul = _mm_setzero_si128();
    for (int k = 0; k < 4; ++k) {
        __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 16 * k));
        auto bits = [&](__m128i c) {
            return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, c))))
                   << (16 * k);
        };
        m.quote |= bits(quote);
        m.delimiter |= bits(delim);
        m.lf |= bits(lf);
        m.cr |= bits(cr);
        m.nul |= bits(nul);
    }
#else
    for (int k = 0; k < 64; ++k) {
        std::uint64_t bit = std::uint64_t(1) << k;
        char c = p[k];
        if (c == '"') m.quote |= bit;
        if (c == delimiter) m.delimiter |= bit;
        if (c == '\n') m.lf |= bit;
        if (c == '\r') m.cr |= bit;
        if (c == '\0') m.nul |= bit;
    }
#endif
    return m;
}

/// The first byte at or after `pos` that can end a cell or a record, or
/// change the quoting: '"', the delimiter, LF, CR, NUL. Sixty-four bytes at
/// a time while they fit.
template <typename Masks>
inline std::size_t skip_plain(const char *buffer, std::size_t pos, std::size_t end, char delimiter) {
    for (; pos + 64 <= end; pos += 64) {
        Masks m = classify<Masks>(buffer + pos, delimiter);
        std::uint64_t hit = m.quote | m.delimiter | m.lf | m.cr | m.nul;
        if (hit != 0) return pos + static_cast<std::size_t>(__builtin_ctzll(hit));
    }
    for (; pos < end; ++pos) {
        char c = buffer[pos];
        if (c == '"' || c == delimiter || c == '\n' || c == '\r' || c == '\0') return pos;
    }
    return end;
}

/// Bit i set when bits 0..i hold an odd number of set bits: inside quotes.
inline std::uint64_t prefix_xor(std::uint64_t x) {
    x ^= x << 1;
    x ^= x << 2;
    x ^= x << 4;
    x ^= x << 8;
    x ^= x << 16;
    x ^= x << 32;
    return x;
}

} // namespace

std::string too_many_cells_message(Lang lang) {
    return fmt::format(
        fmt::runtime(pick(lang, "hơn {} ô trong một dòng; hãy kiểm tra dấu phân cách (--delimiter) hoặc tệp",
                          "more than {} cells in one row; check the delimiter (--delimiter) or the "
                          "file")),
        TextReader::k_max_cells);
}

TextReader::TextReader(std::string file_name, RawInput &input, Lang lang, long first_line, std::size_t size_hint,
                       std::uint64_t first_offset)
    : m_file(std::move(file_name)), m_input(input), m_lang(lang),
      m_initial_capacity(size_hint > 0 && size_hint < k_read_size ? size_hint + 4096 : k_read_size), m_line(first_line),
      m_first_offset(first_offset) {}

void TextReader::fail(long line, const std::string &message) const {
    throw InputError(m_file, line, message);
}

void TextReader::fail_too_many_cells(long line) const {
    fail(line, too_many_cells_message(m_lang));
}

bool TextReader::refill(std::size_t &pos) {
    // Keep the record being read: move it to the front, or grow the buffer
    // when it fills most of it.
    std::size_t kept = m_end - m_begin;
    if (kept >= k_max_record_bytes) {
        return false; // the caller names the limit
    }
    m_block_pos = k_no_block; // its offset moves with the bytes
    if (m_begin > 0) {
        std::memmove(m_buffer.get(), m_buffer.get() + m_begin, kept);
        pos -= m_begin;
        m_end = kept;
        m_begin = 0;
    }
    if (m_end == m_capacity) {
        std::size_t capacity = std::max(m_capacity * 2, m_initial_capacity);
        std::unique_ptr<char[]> bigger(new char[capacity]); // not zeroed: read() fills it
        if (kept > 0) std::memcpy(bigger.get(), m_buffer.get(), kept);
        m_buffer = std::move(bigger);
        m_capacity = capacity;
    }
    std::size_t n = m_input.read(m_buffer.get() + m_end, m_capacity - m_end);
    if (n == 0) m_eof = true;
    m_end += n;
    return true;
}

std::size_t TextReader::more(std::size_t pos, long line, long first_line, std::size_t line_start) {
    if (refill(pos)) return pos;
    if (pos - m_begin - line_start >= k_max_record_bytes)
        fail(line, fmt::format(fmt::runtime(pick(m_lang,
                                                 "dòng dài quá {} MiB; cchc chỉ đọc dòng đến cỡ đó: hãy "
                                                 "kiểm tra đây có phải bảng điểm CSV không",
                                                 "line is longer than {} MiB; cchc reads lines up to that "
                                                 "size: check that this is a CSV sheet")),
                               k_max_record_bytes >> 20));
    fail(first_line, fmt::format(fmt::runtime(pick(m_lang,
                                                   "bản ghi dài quá {} MiB (thiếu dấu ngoặc kép đóng?); cchc "
                                                   "chỉ đọc bản ghi đến cỡ đó",
                                                   "record is longer than {} MiB (an unclosed quote?); cchc "
                                                   "reads records up to that size")),
                                 k_max_record_bytes >> 20));
}

bool TextReader::next(RecordSpan &record) {
    record.cells.clear();
    record.has_cr = false;
    const bool split = m_delimiter != 0;
    const char delimiter = split ? m_delimiter : '\n';
    std::size_t pos = m_begin;
    // Positions of the record are kept relative to m_begin, which a refill moves.
    std::size_t line_start = 0;
    std::size_t cell_begin = 0;
    bool quoted_cell = false;
    bool in_quotes = false;
    const long first_line = m_line;
    long line = m_line;
    auto push_cell = [&](std::size_t end) {
        record.cells.push_back(
            CellSpan{static_cast<std::uint32_t>(cell_begin), static_cast<std::uint32_t>(end - m_begin), quoted_cell});
        if (record.cells.size() > k_max_cells) fail_too_many_cells(first_line);
    };
    for (;;) {
        // Sixty-four bytes at a time while they hold no CR nor NUL: which
        // delimiters and line breaks are inside quotes is worked out for the
        // whole block at once. Blocks with a CR or a NUL go byte by byte.
        while (split && pos + 64 <= m_end) {
            BlockMasks m;
            std::uint64_t inside;
            std::uint64_t live = ~std::uint64_t(0); // bits of this record
            if (pos == m_begin && m_block_pos <= m_begin && m_begin < m_block_pos + 64 && m_block_pos + 64 <= m_end) {
                // The block where the last record ended: classified already.
                m = m_block;
                inside = m_block_inside;
                live <<= m_begin - m_block_pos;
                pos = m_block_pos;
            } else {
                m = classify<BlockMasks>(m_buffer.get() + pos, delimiter);
                if ((m.cr | m.nul) != 0) break;
                inside = prefix_xor(m.quote) ^ (in_quotes ? ~std::uint64_t(0) : 0);
            }
            std::uint64_t structural = (m.delimiter | m.lf) & ~inside & live;
            std::uint64_t quotes = m.quote & live;
            std::uint64_t inner_lf = m.lf & inside & live;
            auto count_inner_lines = [&](std::uint64_t lfs) {
                if (lfs == 0) return;
                line += __builtin_popcountll(lfs);
                line_start = pos + static_cast<std::size_t>(64 - __builtin_clzll(lfs)) - m_begin;
            };
            while (structural != 0) {
                const int b = __builtin_ctzll(structural);
                const std::uint64_t bit = std::uint64_t(1) << b;
                const std::uint64_t below = bit - 1;
                structural &= structural - 1;
                if (quotes != 0) { // most cells have none
                    if ((quotes & below) != 0) quoted_cell = true;
                    quotes &= ~below;
                }
                if (inner_lf != 0) {
                    count_inner_lines(inner_lf & below);
                    inner_lf &= ~below;
                }
                std::size_t at = pos + static_cast<std::size_t>(b);
                push_cell(at);
                if ((m.delimiter & bit) != 0) {
                    cell_begin = at + 1 - m_begin;
                    quoted_cell = false;
                    continue;
                }
                // A LF outside quotes ends the record; the next one starts in this block.
                m_block = m;
                m_block_inside = inside;
                m_block_pos = pos;
                record.text = std::string_view(m_buffer.get() + m_begin, at - m_begin);
                record.line = first_line;
                record.last_line = line;
                record.offset = m_first_offset + m_consumed;
                m_consumed += at + 1 - m_begin;
                m_begin = at + 1;
                m_line = line + 1;
                return true;
            }
            if (quotes != 0) quoted_cell = true;
            count_inner_lines(inner_lf);
            in_quotes = (inside >> 63) != 0;
            pos += 64;
        }
        pos = skip_plain<BlockMasks>(m_buffer.get(), pos, m_end, delimiter);
        if (pos == m_end) {
            if (!m_eof) {
                pos = more(pos, line, first_line, line_start);
                continue;
            }
            if (pos == m_begin) return false;
            if (in_quotes)
                fail(first_line,
                     std::string(pick(m_lang,
                                      "dấu ngoặc kép mở ở dòng này không được đóng; hãy đóng ô trong ngoặc kép (dấu "
                                      "ngoặc kép trong ô được viết hai lần: \"\")",
                                      "a quote opened in this record is never closed; close the quoted cell (a quote "
                                      "inside a cell is written twice: \"\")")));
            // The last line has no line break.
            if (split) push_cell(pos);
            record.text = std::string_view(m_buffer.get() + m_begin, pos - m_begin);
            record.line = first_line;
            record.last_line = line;
            record.offset = m_first_offset + m_consumed;
            m_consumed += pos - m_begin;
            m_begin = pos;
            m_line = line + 1;
            return true;
        }
        char c = m_buffer[pos];
        if (c == '"') {
            in_quotes = !in_quotes;
            quoted_cell = true;
            ++pos;
            continue;
        }
        if (split && c == delimiter) {
            if (!in_quotes) {
                push_cell(pos);
                cell_begin = pos + 1 - m_begin;
                quoted_cell = false;
            }
            ++pos;
            continue;
        }
        if (c == '\0') fail(line, nul_byte_message(m_lang));
        // A line break: LF, CR LF, or a lone CR.
        std::size_t length = 1;
        if (c == '\r') {
            if (pos + 1 == m_end && !m_eof) {
                pos = more(pos, line, first_line, line_start); // is a LF next?
                continue;
            }
            if (pos + 1 < m_end && m_buffer[pos + 1] == '\n') length = 2;
        }
        if (!in_quotes) {
            if (split) push_cell(pos);
            record.text = std::string_view(m_buffer.get() + m_begin, pos - m_begin);
            record.line = first_line;
            record.last_line = line;
            record.offset = m_first_offset + m_consumed;
            m_consumed += pos + length - m_begin;
            m_begin = pos + length;
            m_line = line + 1;
            return true;
        }
        if (c == '\r') record.has_cr = true;
        ++line;
        pos += length;
        line_start = pos - m_begin;
    }
}

long count_lfs_without_cr(std::string_view text) {
    const char *p = text.data();
    const char *end = p + text.size();
    long n = 0;
    bool cr = false;
#ifdef __SSE2__
    // Each LF adds 1 to its byte lane (cmpeq gives -1); the lanes are summed
    // before they can overflow.
    const __m128i lf = _mm_set1_epi8('\n');
    const __m128i cr_byte = _mm_set1_epi8('\r');
    const __m128i zero = _mm_setzero_si128();
    __m128i crs = zero;
    auto sum_lanes = [&](__m128i counts) {
        __m128i sums = _mm_sad_epu8(counts, zero);
        return static_cast<long>(_mm_cvtsi128_si32(sums)) + _mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums));
    };
    while (p + 16 <= end) {
        __m128i counts = zero;
        for (int k = 0; k < 255 && p + 16 <= end; ++k, p += 16) {
            __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            counts = _mm_sub_epi8(counts, _mm_cmpeq_epi8(v, lf));
            crs = _mm_or_si128(crs, _mm_cmpeq_epi8(v, cr_byte));
        }
        n += sum_lanes(counts);
    }
    cr = _mm_movemask_epi8(crs) != 0;
#endif
    for (; p < end; ++p) {
        n += *p == '\n';
        cr = cr || *p == '\r';
    }
    return cr ? -1 : n;
}

void count_line_ends(std::string_view text, long &n, bool &after_cr) {
    if (text.empty()) return;
    if (long lfs = count_lfs_without_cr(text); lfs >= 0) {
        n += lfs; // LF only, the usual case
        if (after_cr && text.front() == '\n') --n;
        after_cr = false;
        return;
    }
    for (char c : text) {
        if (c == '\n') {
            if (!after_cr) ++n;
            after_cr = false;
        } else {
            after_cr = c == '\r';
            if (after_cr) ++n;
        }
    }
}

long count_line_ends(std::string_view text) {
    long n = 0;
    bool after_cr = false;
    count_line_ends(text, n, after_cr);
    return n;
}

std::string record_text(const RecordSpan &record, const std::string &file, Lang lang, std::uint64_t guessed_until) {
    if (std::size_t valid = valid_utf8_prefix(record.text); valid != record.text.size()) {
        if (record.offset + valid < guessed_until) throw WrongGuess();
        long line = record.line + count_line_ends(record.text.substr(0, valid));
        throw InputError(file, line, not_utf8_message(static_cast<unsigned char>(record.text[valid]), lang));
    }
    std::string text;
    if (record.has_cr) {
        text.reserve(record.text.size());
        for (std::size_t i = 0; i < record.text.size(); ++i) {
            char c = record.text[i];
            if (c == '\r') {
                text += '\n';
                if (i + 1 < record.text.size() && record.text[i + 1] == '\n') ++i;
            } else {
                text += c;
            }
        }
    } else {
        text.assign(record.text);
    }
    return text;
}

} // namespace cchc
