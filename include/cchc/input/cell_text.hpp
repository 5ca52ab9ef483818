#pragma once
// Cell span → cell text: spaces trimmed, surrounding quotes and doubled
// quotes removed (fast-cpp-csv-parser's trim and double_quote_escape
// rules), inner line breaks written '\n', checked to be UTF-8 and put in
// NFC. Split in two steps so that a caller can look the raw text up in a
// cache before paying for the check and the normalisation.

#include <cchc/base/lang.hpp>
#include <cchc/input/text_reader.hpp>

#include <string>
#include <string_view>

namespace cchc {

class CellDecoder {
public:
    CellDecoder(const std::string &file, Lang lang) : m_file(file), m_lang(lang) {}

    /// Cell `i` of `record` trimmed and unquoted, not yet checked: a view of
    /// the record, or of `scratch` when quotes or CRs had to be removed.
    std::string_view raw(const RecordSpan &record, std::size_t i, std::string &scratch) const {
        const CellSpan &span = record.cells[i];
        std::size_t begin = span.begin;
        std::size_t end = span.end;
        while (begin != end && record.text[begin] == ' ')
            ++begin;
        while (begin != end && record.text[end - 1] == ' ')
            --end;
        std::string_view cell = record.text.substr(begin, end - begin);
        if (!span.quoted && !record.has_cr) return cell; // the usual case
        bool unquoted = span.quoted && cell.size() >= 2 && cell.front() == '"' && cell.back() == '"';
        bool has_cr = record.has_cr && cell.find('\r') != std::string_view::npos;
        if (!unquoted && !has_cr) return cell;
        if (unquoted && !has_cr) {
            // Most quoted cells only hold a delimiter: no doubled quote inside.
            std::string_view inner = cell.substr(1, cell.size() - 2);
            if (inner.find('"') == std::string_view::npos) return inner;
        }
        return unquote(cell, unquoted, scratch); // quotes removed, CRs become LFs
    }

    /// `raw` (from cell `i` of `record`) checked to be UTF-8 and in NFC: `raw`
    /// itself when it already is, else a view of `scratch`. Throws InputError
    /// naming the line of the first byte that is not UTF-8.
    std::string_view text(const RecordSpan &record, std::size_t i, std::string_view raw, std::string &scratch) const;

    /// Only checks: throws like `text` for a cell that is not UTF-8.
    void check(const RecordSpan &record, std::size_t i, std::string_view raw) const;

    /// The encoding was guessed for the bytes before this offset: a byte
    /// there that is not UTF-8 throws WrongGuess instead.
    void set_guessed_until(std::uint64_t offset) { m_guessed_until = offset; }

private:
    static std::string_view unquote(std::string_view cell, bool unquote, std::string &scratch);
    void validate(const RecordSpan &record, std::size_t i) const;

    const std::string &m_file;
    Lang m_lang;
    std::uint64_t m_guessed_until = 0;
};

/// True when a cell holds only spaces, tabs and line breaks.
bool is_blank_cell(std::string_view cell);

} // namespace cchc
