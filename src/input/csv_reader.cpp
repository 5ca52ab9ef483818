// Text → records → cells (see csv_reader.hpp).
#include <cchc/base/error.hpp>
#include <cchc/input/csv_reader.hpp>
#include <cchc/text/unicode.hpp>

#include <fmt/format.h>

#include <algorithm>

#include <libfccp/csv.h>

namespace cchc {

namespace {

template <char Sep>
void split_with(char *line, std::vector<std::string> &cells, const RawRecord &record, const std::string &file,
                Lang lang) {
    using Quote = io::double_quote_escape<Sep, '"'>;
    using Trim = io::trim_chars<' '>;
    while (line != nullptr) {
        char *begin = nullptr;
        char *end = nullptr;
        io::detail::chop_next_column<Quote>(line, begin, end);
        Trim::trim(begin, end);
        Quote::unescape(begin, end);
        cells.emplace_back(begin, end);
        if (cells.size() > RecordReader::k_max_cells)
            throw InputError(file, record.line,
                             fmt::format(fmt::runtime(pick(lang,
                                                           "hơn {} ô trong một dòng; hãy kiểm tra dấu phân cách "
                                                           "(--delimiter) hoặc tệp",
                                                           "more than {} cells in one row; check the delimiter "
                                                           "(--delimiter) or the file")),
                                         RecordReader::k_max_cells));
    }
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
    std::string buffer = record.text;
    try {
        switch (delimiter) {
        case ',': split_with<','>(buffer.data(), cells, record, file, lang); break;
        case ';': split_with<';'>(buffer.data(), cells, record, file, lang); break;
        case '\t': split_with<'\t'>(buffer.data(), cells, record, file, lang); break;
        case '|': split_with<'|'>(buffer.data(), cells, record, file, lang); break;
        default: throw InputError(file, record.line, fmt::format("unsupported delimiter '{}'", delimiter));
        }
    } catch (const io::error::base &e) {
        throw InputError(
            file, record.line,
            fmt::format(fmt::runtime(pick(lang, "dấu ngoặc kép sai: {}", "broken quoting: {}")), e.what()));
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
