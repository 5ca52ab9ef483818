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
        // One table: the first --by; without --by, the top losses or the summary.
        if (m_options.tables.size() > 1) m_options.tables.erase(m_options.tables.begin() + 1, m_options.tables.end());
        if (!m_options.tables.empty())
            m_options.top = 0;
        else if (m_options.top == 0)
            m_options.tables = {TableKind::sheet};
    }

    void report(const Report &report, std::ostream &out) const override {
        if (m_options.bom) out << "\xEF\xBB\xBF";
        std::vector<const SheetSummary *> sheets;
        for (const FileReport &file : report.files)
            for (const SheetSummary &sheet : file.sheets)
                sheets.push_back(&sheet);
        // A province's tens of thousands of sheets: the second half is
        // written on another core meanwhile, and follows the first.
        std::size_t half = sheets.size() >= k_sheets_for_two_threads ? sheets.size() / 2 : sheets.size();
        std::string second;
        std::exception_ptr second_failed; // e.g. out of memory: rethrown here, not std::terminate
        std::jthread other;               // joined on the way out, also when the first half throws
        if (half < sheets.size())
            other = std::jthread([&] {
                try {
                    write_sheets(sheets.data() + half, sheets.data() + sheets.size(), second, nullptr);
                } catch (...) {
                    second_failed = std::current_exception();
                }
            });
        std::string lines;
        write_sheets(sheets.data(), sheets.data() + half, lines, &out);
        flush(lines, out);
        if (other.joinable()) other.join();
        if (second_failed) std::rethrow_exception(second_failed);
        flush(second, out);
    }

    void findings(const Report &report, std::ostream &out) const override {
        if (m_options.bom) out << "\xEF\xBB\xBF";
        const Lang lang = m_options.lang;
        write_row({std::string(pick(lang, "Tệp", "File")), std::string(pick(lang, "Dòng", "Line")),
                   std::string(pick(lang, "Mục", "Code")), std::string(pick(lang, "Mức", "Severity")),
                   std::string(pick(lang, "Quy tắc", "Rule")), std::string(pick(lang, "Nội dung", "Message"))},
                  {}, out);
        const std::vector<bool> numeric = {false, true, false, false, false, false};
        for (const FileReport &file : report.files)
            for (const Finding &f : file.all_findings())
                write_row({f.file, f.line > 0 ? std::to_string(f.line) : "", f.code,
                           std::string(severity_name(f.severity)), std::string(rule_id(f.rule)), f.message},
                          numeric, out);
    }

    /// The ranking, or for two periods the criteria side by side.
    void compare(const Comparison &comparison, const Report &, std::ostream &out) const override {
        if (m_options.bom) out << "\xEF\xBB\xBF";
        std::vector<Table> tables = comparison_tables(comparison, m_options);
        const Table &table = comparison.periods ? tables.at(1) : tables.front();
        write_row(table.headers, {}, out);
        for (const auto &row : table.rows)
            write_row(row, table.numeric, out);
    }

private:
    static constexpr std::size_t k_flush_bytes = 1 << 16;
    static constexpr std::size_t k_sheets_for_two_threads = 2000;

    /// The rows of these sheets' tables, appended to `lines`. With `out`
    /// (the first part): the header row first, and `lines` written to
    /// `out` a block at a time.
    void write_sheets(const SheetSummary *const *begin, const SheetSummary *const *end, std::string &lines,
                      std::ostream *out) const {
        bool header_written = out == nullptr;
        for (const SheetSummary *const *it = begin; it != end; ++it) {
            const SheetSummary &sheet = **it;
            std::vector<Table> tables = sheet_tables(sheet, m_options);
            if (!m_options.tables.empty())
                tables.resize(1);
            else
                tables.erase(tables.begin(), tables.end() - 1); // the top losses
            for (Table &table : tables) {
                // The summary table starts with the unit, which every row already carries.
                if (table.kind == TableKind::sheet) drop_first_column(table);
                if (!header_written) {
                    std::vector<std::string> header_row = {std::string(pick(m_options.lang, "Tệp", "File")),
                                                           std::string(pick(m_options.lang, "Đơn vị", "Unit")),
                                                           std::string(pick(m_options.lang, "Kỳ", "Period"))};
                    header_row.insert(header_row.end(), table.headers.begin(), table.headers.end());
                    write_row(header_row, {}, *out);
                    header_written = true;
                }
                // File, unit and period once per table, then each row's own cells.
                std::string prefix;
                for (const std::string *cell : {&sheet.sheet->file, &sheet.sheet->unit, &sheet.sheet->period}) {
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

std::unique_ptr<Renderer> make_tsv_renderer(const RenderOptions &options) {
    return std::make_unique<DelimitedRenderer>(options, '\t');
}

} // namespace cchc
