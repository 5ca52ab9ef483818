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

    /// Sections are apart by a blank line, and so are the heading, each
    /// table and the findings within a section. A bare section's findings
    /// are a table without a title, even an empty one.
    void print(const Document &document, std::ostream &out) const override {
        bool first = true;
        for (const Section &section : document.sections) {
            if (!first) out << '\n';
            first = false;
            if (section.bare()) {
                write_table(findings_table(section.findings, m_options.lang), out);
                continue;
            }
            bool block = false; // something of this section is written
            if (!section.heading.empty()) {
                out << "## " << escape_cell(section.heading) << "\n";
                block = true;
            }
            if (section.tables)
                for (const Table &table : section.tables(m_options)) {
                    out << (block ? "\n" : "") << "### " << table.title << "\n\n";
                    block = true;
                    write_table(table, out);
                }
            if (!section.findings.empty()) {
                const Table findings = findings_table(section.findings, m_options.lang);
                out << (block ? "\n" : "") << "### " << findings.title << "\n\n";
                write_table(findings, out);
            }
        }
    }

private:
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
