// CSV and TSV for spreadsheets: one table (the first --by) with the file
// and unit in front of every row, RFC 4180 quoting, UTF-8 (with a BOM on
// request, for Excel), numbers as plain numbers (',' decimals and ';'
// between cells with --decimal-comma, for a Vietnamese-locale spreadsheet),
// and text cells that a spreadsheet would run as a formula neutralised.
#include <cchc/render/formats.hpp>

#include <algorithm>
#include <exception>
#include <thread>

namespace cchc {

namespace {

/// One cell as write_delimited_row writes it, appended to `line`.
void append_delimited_cell(std::string &line, const std::string &cell, bool numeric, char delimiter) {
    // A spreadsheet runs a text cell that starts with = + - @ (or a tab or
    // CR) as a formula: a leading apostrophe makes it plain text. RFC 4180
    // quotes a cell holding a quote, a line break or the delimiter.
    bool formula =
        !numeric && !cell.empty() &&
        (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' || cell[0] == '\t' || cell[0] == '\r');
    bool quoted = std::any_of(cell.begin(), cell.end(),
                              [&](char c) { return c == '"' || c == '\r' || c == '\n' || c == delimiter; });
    if (quoted) line += '"';
    if (formula) line += '\'';
    if (quoted) {
        for (char c : cell) {
            if (c == '"') line += '"';
            line += c;
        }
        line += '"';
    } else {
        line += cell;
    }
}

/// One record as write_delimited_row writes it, CRLF included, appended to `line`.
void append_delimited_row(std::string &line, const std::vector<std::string> &cells, const std::vector<bool> &numeric,
                          char delimiter) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) line += delimiter;
        append_delimited_cell(line, cells[i], i < numeric.size() && numeric[i], delimiter);
    }
    line += "\r\n";
}

class DelimitedRenderer : public Renderer {
public:
    DelimitedRenderer(const RenderOptions &options, char delimiter) : m_options(options), m_delimiter(delimiter) {
        m_options.numbers = NumberStyle{options.decimal_comma ? ',' : '.', options.decimal_comma ? ',' : '.', false};
        if (options.decimal_comma && delimiter == ',') m_delimiter = ';';
        m_options.rank_as_numbers = true; // a spreadsheet would read "3/5" as a date
        // One table of a sheet: the first --by; without --by, the top losses or the summary.
        if (m_options.tables.size() > 1) m_options.tables.erase(m_options.tables.begin() + 1, m_options.tables.end());
        if (!m_options.tables.empty())
            m_options.top = 0;
        else
            m_options.tables = {m_options.top == 0 ? TableKind::sheet : TableKind::top};
    }

    /// One table: the findings of a document of findings; otherwise each
    /// section's main table, under the header of the first.
    void print(const Document &document, std::ostream &out) const override {
        if (m_options.bom && !document.continues) out << "\xEF\xBB\xBF";
        if (document.findings_only) {
            const Table table = findings_table(document.findings(), m_options.lang);
            if (!document.continues) write_row(table.headers, {}, out);
            for (const auto &row : table.rows)
                write_row(row, table.numeric, out);
            return;
        }
        std::vector<const Section *> sections;
        for (const Section &section : document.sections)
            if (section.tables) sections.push_back(&section);
        // A province's tens of thousands of sheets: the second half is
        // written on another core meanwhile, and follows the first.
        std::size_t half = sections.size() >= k_sections_for_two_threads ? sections.size() / 2 : sections.size();
        std::string second;
        std::exception_ptr second_failed; // e.g. out of memory: rethrown here, not std::terminate
        std::jthread other;               // joined on the way out, also when the first half throws
        if (half < sections.size())
            other = std::jthread([&] {
                try {
                    bool no_header = true;
                    write_sections(sections.data() + half, sections.data() + sections.size(), second, nullptr,
                                   no_header);
                } catch (...) {
                    second_failed = std::current_exception();
                }
            });
        std::string lines;
        bool header_written = document.continues && m_header_written;
        write_sections(sections.data(), sections.data() + half, lines, &out, header_written);
        m_header_written = header_written;
        flush(lines, out);
        if (other.joinable()) other.join();
        if (second_failed) std::rethrow_exception(second_failed);
        flush(second, out);
    }

private:
    mutable bool m_header_written = false; ///< by a part printed so far (Document::continues)

    static constexpr std::size_t k_flush_bytes = 1 << 16;
    static constexpr std::size_t k_sections_for_two_threads = 2000;

    /// The rows of these sections' main tables, appended to `lines`. With
    /// `out` (the first half): the header row first unless `header_written`,
    /// and `lines` written to `out` a block at a time.
    void write_sections(const Section *const *begin, const Section *const *end, std::string &lines, std::ostream *out,
                        bool &header_written) const {
        for (const Section *const *it = begin; it != end; ++it) {
            const Section &section = **it;
            std::vector<Table> tables = section.tables(m_options);
            Table &table = tables.at(section.main_table);
            const Sheet *sheet = section.sheet != nullptr ? section.sheet->sheet : nullptr;
            // The summary table starts with the unit, which every row already carries.
            if (sheet != nullptr && table.kind == TableKind::sheet) drop_first_column(table);
            if (!header_written) {
                std::vector<std::string> header_row;
                if (sheet != nullptr)
                    header_row = {std::string(pick(m_options.lang, "Tệp", "File")),
                                  std::string(pick(m_options.lang, "Đơn vị", "Unit")),
                                  std::string(pick(m_options.lang, "Kỳ", "Period"))};
                header_row.insert(header_row.end(), table.headers.begin(), table.headers.end());
                write_row(header_row, {}, *out);
                header_written = true;
            }
            // File, unit and period once per table, then each row's own cells.
            std::string prefix;
            if (sheet != nullptr)
                for (const std::string *cell : {&sheet->file, &sheet->unit, &sheet->period}) {
                    append_delimited_cell(prefix, *cell, false, m_delimiter);
                    prefix += m_delimiter;
                }
            for (const auto &row : table.rows) {
                lines += prefix;
                append_delimited_row(lines, row, table.numeric, m_delimiter);
                if (out != nullptr && lines.size() >= k_flush_bytes) flush(lines, *out);
            }
        }
    }

    static void flush(std::string &lines, std::ostream &out) {
        out.write(lines.data(), static_cast<std::streamsize>(lines.size()));
        lines.clear();
    }

    static void drop_first_column(Table &table) {
        table.headers.erase(table.headers.begin());
        table.numeric.erase(table.numeric.begin());
        for (auto &row : table.rows)
            row.erase(row.begin());
    }

    void write_row(const std::vector<std::string> &cells, const std::vector<bool> &numeric, std::ostream &out) const {
        write_delimited_row(out, cells, numeric, m_delimiter);
    }

    RenderOptions m_options;
    char m_delimiter;
};

} // namespace

void write_delimited_row(std::ostream &out, const std::vector<std::string> &cells, const std::vector<bool> &numeric,
                         char delimiter) {
    std::string line;
    append_delimited_row(line, cells, numeric, delimiter);
    out << line;
}

std::unique_ptr<Renderer> make_csv_renderer(const RenderOptions &options) {
    return std::make_unique<DelimitedRenderer>(options, ',');
}

/// The preset for a Vietnamese Excel: ';' between cells, decimal commas, a BOM.
std::unique_ptr<Renderer> make_csv_vn_renderer(const RenderOptions &options) {
    RenderOptions vn = options;
    vn.bom = true;
    vn.decimal_comma = true;
    return std::make_unique<DelimitedRenderer>(vn, ',');
}

std::unique_ptr<Renderer> make_tsv_renderer(const RenderOptions &options) {
    return std::make_unique<DelimitedRenderer>(options, '\t');
}

} // namespace cchc
