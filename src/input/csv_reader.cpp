// Text → records → cells (see csv_reader.hpp).
#include "messages.hpp"

#include <cchc/base/error.hpp>
#include <cchc/input/csv_reader.hpp>
#include <cchc/text/unicode.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cchc {

namespace {

/// A cell as the hot path reads it (cell_text.hpp): spaces trimmed, then,
/// when it starts and ends with a quote, those quotes removed and each
/// doubled quote inside made one.
std::string cell_text(std::string_view cell) {
    while (!cell.empty() && cell.front() == ' ')
        cell.remove_prefix(1);
    while (!cell.empty() && cell.back() == ' ')
        cell.remove_suffix(1);
    if (cell.size() < 2 || cell.front() != '"' || cell.back() != '"') return std::string(cell);
    cell = cell.substr(1, cell.size() - 2);
    std::string out;
    out.reserve(cell.size());
    for (std::size_t i = 0; i < cell.size(); ++i) {
        if (cell[i] == '"' && i + 1 < cell.size() && cell[i + 1] == '"') ++i;
        out += cell[i];
    }
    return out;
}

} // namespace

RecordReader::RecordReader(std::string file_name, std::unique_ptr<DecodingSource> source, Lang lang)
    : m_file(std::move(file_name)), m_lang(lang), m_source(std::move(source)), m_text(m_file, *m_source, lang) {}

bool RecordReader::next(RawRecord &record) {
    if (!m_text.next(m_span)) return false;
    record.line = m_span.line;
    record.last_line = m_span.last_line;
    record.text = record_text(m_span, m_file, m_lang);
    return true;
}

void split_record(const RawRecord &record, char delimiter, const std::string &file, std::vector<std::string> &cells,
                  Lang lang) {
    cells.clear();
    if (delimiter != ',' && delimiter != ';' && delimiter != '\t' && delimiter != '|')
        throw InputError(file, record.line, fmt::format("unsupported delimiter '{}'", delimiter));
    // A cell ends at the delimiter outside quotes; each quote opens or
    // closes, so a doubled quote inside a quoted cell changes nothing.
    const std::string_view text = record.text;
    std::size_t begin = 0;
    bool quoted = false;
    for (std::size_t i = 0;; ++i) {
        if (i < text.size() && (text[i] != delimiter || quoted)) {
            if (text[i] == '"') quoted = !quoted;
            continue;
        }
        if (quoted)
            throw InputError(file, record.line,
                             fmt::format(fmt::runtime(pick(lang, "dấu ngoặc kép sai: {}", "broken quoting: {}")),
                                         "Escaped string was not closed in line -1 in file \"\"."));
        cells.push_back(cell_text(text.substr(begin, i - begin)));
        if (cells.size() > TextReader::k_max_cells) throw InputError(file, record.line, too_many_cells_message(lang));
        if (i == text.size()) break;
        begin = i + 1;
    }
    for (std::string &cell : cells)
        if (std::any_of(cell.begin(), cell.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
            cell = to_nfc(cell);
}

std::size_t count_delimiters(const std::string &text, char delimiter) {
    std::size_t n = 0;
    bool quoted = false;
    for (char c : text) {
        if (c == '"')
            quoted = !quoted;
        else if (c == delimiter && !quoted)
            ++n;
    }
    return n;
}

} // namespace cchc
