// GitHub-flavoured Markdown: a heading per sheet and table, `|` escaped,
// line breaks inside cells as <br>, numbers right-aligned, so a clerk can
// paste the result into a report.
#include <cchc/render/formats.hpp>

namespace cchc {

namespace {

std::string escape_cell(std::string_view cell) {
    std::string out;
    for (std::size_t i = 0; i < cell.size(); ++i) {
        char c = cell[i];
        if (c == '|')
            out += "\\|";
        else if (c == '\n')
            out += "<br>";
        else if (c == '\r')
            continue;
        else
            out += c;
    }
    return out;
}

class MarkdownRenderer : public Renderer {
public:
    explicit MarkdownRenderer(const RenderOptions &options) : m_options(options) {}

    void report(const Report &report, std::ostream &out) const override {
        bool first = true;
        for (const FileReport &file : report.files) {
            if (!file.findings.empty()) {
                if (!first) out << '\n';
                first = false;
                write_findings(file.findings, out);
            }
            for (const SheetSummary &sheet : file.sheets) {
                if (!first) out << '\n';
                first = false;
                out << "## " << escape_cell(sheet_heading(sheet)) << "\n";
                for (const Table &table : sheet_tables(sheet, m_options)) {
                    out << "\n### " << table.title << "\n\n";
                    write_table(table, out);
                }
                if (!sheet.findings.empty()) {
                    out << "\n### " << pick(m_options.lang, "Phát hiện", "Findings") << "\n\n";
                    write_findings(sheet.findings, out);
                }
            }
        }
    }

    void findings(const Report &report, std::ostream &out) const override {
        const std::vector<Finding> all = report.all_findings();
        write_findings(all, out);
    }

    void compare(const Comparison &comparison, const Report &report, std::ostream &out) const override {
        bool first = true;
        for (const Table &table : comparison_tables(comparison, m_options)) {
            out << (first ? "" : "\n") << "### " << table.title << "\n\n";
            first = false;
            write_table(table, out);
        }
        const std::vector<Finding> all = report.all_findings();
        if (all.empty()) return;
        out << "\n### " << pick(m_options.lang, "Phát hiện", "Findings") << "\n\n";
        write_findings(all, out);
    }

private:
    void write_findings(const std::vector<Finding> &findings, std::ostream &out) const {
        const Lang lang = m_options.lang;
        out << "| " << pick(lang, "Tệp", "File") << " | " << pick(lang, "Dòng", "Line") << " | "
            << pick(lang, "Mục", "Code") << " | " << pick(lang, "Mức", "Severity") << " | "
            << pick(lang, "Quy tắc", "Rule") << " | " << pick(lang, "Nội dung", "Message") << " |\n";
        out << "| --- | ---: | --- | --- | --- | --- |\n";
        for (const Finding &f : findings)
            out << "| " << escape_cell(f.file) << " | " << (f.line > 0 ? std::to_string(f.line) : "") << " | "
                << escape_cell(f.code) << " | " << severity_name(f.severity) << " | " << rule_id(f.rule) << " | "
                << escape_cell(f.message) << " |\n";
    }

    static void write_table(const Table &table, std::ostream &out) {
        out << '|';
        for (const std::string &h : table.headers)
            out << ' ' << escape_cell(h) << " |";
        out << "\n|";
        for (bool numeric : table.numeric)
            out << (numeric ? " ---: |" : " --- |");
        out << '\n';
        for (const auto &row : table.rows) {
            out << '|';
            for (std::size_t i = 0; i < table.headers.size(); ++i)
                out << ' ' << (i < row.size() ? escape_cell(row[i]) : "") << " |";
            out << '\n';
        }
    }

    RenderOptions m_options;
};

} // namespace

std::unique_ptr<Renderer> make_markdown_renderer(const RenderOptions &options) {
    return std::make_unique<MarkdownRenderer>(options);
}

} // namespace cchc
