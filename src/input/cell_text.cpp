// Cell span → cell text (see cell_text.hpp).
#include "messages.hpp"

#include <cchc/base/error.hpp>
#include <cchc/input/cell_text.hpp>
#include <cchc/input/encoding.hpp>
#include <cchc/text/unicode.hpp>

#include <algorithm>

namespace cchc {

namespace {

bool has_high_bytes(std::string_view text) {
    return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

} // namespace

std::string_view CellDecoder::unquote(std::string_view cell, bool unquote, std::string &scratch) {
    if (unquote) cell = cell.substr(1, cell.size() - 2);
    scratch.clear();
    for (std::size_t k = 0; k < cell.size(); ++k) {
        char c = cell[k];
        if (unquote && c == '"' && k + 1 < cell.size() && cell[k + 1] == '"') {
            ++k; // a doubled quote is one quote
        } else if (c == '\r') {
            c = '\n';
            if (k + 1 < cell.size() && cell[k + 1] == '\n') ++k;
        }
        scratch += c;
    }
    return scratch;
}

void CellDecoder::validate(const RecordSpan &record, std::size_t i) const {
    // The cell's own bytes: its quotes and spaces are ASCII, so they are
    // valid when its text is, and offsets and lines are the file's.
    const CellSpan &span = record.cells[i];
    std::string_view bytes = record.text.substr(span.begin, span.end - span.begin);
    std::size_t valid = valid_utf8_prefix(bytes);
    if (valid == bytes.size()) return;
    if (record.offset + span.begin + valid < m_guessed_until) throw WrongGuess();
    long line = record.line + count_line_ends(record.text.substr(0, span.begin + valid));
    throw InputError(m_file, line, not_utf8_message(static_cast<unsigned char>(bytes[valid]), m_lang));
}

void CellDecoder::check(const RecordSpan &record, std::size_t i, std::string_view raw) const {
    if (has_high_bytes(raw)) validate(record, i);
}

std::string_view CellDecoder::text(const RecordSpan &record, std::size_t i, std::string_view raw,
                                   std::string &scratch) const {
    if (!has_high_bytes(raw)) return raw;
    // `raw` differs from the cell's bytes only by ASCII quotes, spaces and
    // CRs: it is valid UTF-8 exactly when they are.
    Utf8Kind kind = classify_utf8(raw);
    if (kind == Utf8Kind::invalid) validate(record, i); // throws, naming the byte's line
    if (kind == Utf8Kind::plain_latin) return raw;
    scratch = to_nfc(raw); // `raw` may be a view of `scratch`: to_nfc copies first
    return scratch;
}

bool is_blank_cell(std::string_view cell) {
    return std::all_of(cell.begin(), cell.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
}

} // namespace cchc
