// Text → records → cells (see csv_reader.hpp).
#include <cchc/csv_reader.hpp>
#include <cchc/error.hpp>
#include <cchc/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cchc {

namespace {

std::size_t count_quotes(const char *line) {
    std::size_t n = 0;
    for (const char *p = line; *p != '\0'; ++p)
        if (*p == '"') ++n;
    return n;
}

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
    : m_file(std::move(file_name)), m_lang(lang), m_source(source.get()) {
    try {
        m_lines = std::make_unique<io::LineReader>(m_file, std::move(source));
    } catch (const io::error::base &e) {
        throw InputError(m_file, 1, e.what());
    }
}

bool RecordReader::next(RawRecord &record) {
    record.text.clear();
    std::size_t quotes = 0;
    bool started = false;
    for (;;) {
        char *line = nullptr;
        try {
            line = m_lines->next_line();
        } catch (const io::error::line_length_limit_exceeded &) {
            throw InputError(m_file, static_cast<long>(m_lines->get_file_line()),
                             fmt::format(fmt::runtime(pick(m_lang,
                                                           "dòng dài quá {} MiB; cchc chỉ đọc dòng đến cỡ đó: hãy "
                                                           "kiểm tra đây có phải bảng điểm CSV không",
                                                           "line is longer than {} MiB; cchc reads lines up to that "
                                                           "size: check that this is a CSV sheet")),
                                         k_max_record_bytes >> 20));
        } catch (const io::error::base &e) {
            throw InputError(m_file, static_cast<long>(m_lines->get_file_line()), e.what());
        }
        long number = static_cast<long>(m_lines->get_file_line());
        if (line == nullptr) {
            if (!started) return false;
            throw InputError(m_file, record.line,
                             std::string(pick(m_lang,
                                              "dấu ngoặc kép mở ở dòng này không được đóng; hãy đóng ô trong ngoặc kép "
                                              "(dấu ngoặc kép trong ô được viết hai lần: \"\")",
                                              "a quote opened in this record is never closed; close the quoted cell "
                                              "(a quote inside a cell is written twice: \"\")")));
        }
        if (!started) {
            record.line = number;
            started = true;
        } else {
            record.text += '\n';
        }
        record.last_line = number;
        record.text += line;
        if (record.text.size() > k_max_record_bytes)
            throw InputError(m_file, record.line,
                             fmt::format(fmt::runtime(pick(m_lang,
                                                           "bản ghi dài quá {} MiB (thiếu dấu ngoặc kép đóng?); cchc "
                                                           "chỉ đọc bản ghi đến cỡ đó",
                                                           "record is longer than {} MiB (an unclosed quote?); cchc "
                                                           "reads records up to that size")),
                                         k_max_record_bytes >> 20));
        quotes += count_quotes(line);
        if (quotes % 2 == 0) return true;
    }
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
