// GitHub-flavoured Markdown: a heading per sheet and table, `|` escaped,
// numbers right-aligned, so a clerk can paste the result into a report or
// convert it with pandoc to Word. A line break inside a cell is " <br>":
// GitHub breaks the line, and pandoc, which drops the <br> on the way to
// Word, keeps the space. A percentage's sign is held to its number by a
// no-break space. The separator's dashes are as long as the column's widest
// cell (up to 40), so pandoc sizes the columns in proportion.
#include <cchc/render/formats.hpp>
#include <cchc/text/unicode.hpp>

#include <algorithm>

namespace cchc {

namespace {

constexpr std::size_t k_max_dashes = 40;

std::string escape_cell(std::string_view cell) {
    std::string out;
    for (std::size_t i = 0; i < cell.size(); ++i) {
        char c = cell[i];
        if (c == '|')
            out += "\\|";
        else if (c == '\n')
            out += out.empty() || out.back() == ' ' ? "<br>" : " <br>";
        else if (c == ' ' && i + 1 < cell.size() && cell[i + 1] == '%')
            out += "\u00A0"; // "55,00 %" never breaks before its sign
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
        bool first = !(document.continues && m_printed);
        m_printed = !first || !document.sections.empty();
        for (const Section &section : document.sections) {
            // `cchc check` in parts: one table, its header in the first part
            // (its dashes then follow that part's widths).
            if (section.bare() && document.findings_only && document.continues && m_findings_headed) {
                write_table(findings_table(section.findings, m_options.lang), out, false);
                continue;
            }
            if (!first) out << '\n';
            first = false;
            if (section.bare()) {
                write_table(findings_table(section.findings, m_options.lang), out);
                m_findings_headed = document.findings_only;
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
    mutable bool m_printed = false;         ///< a part printed so far had a section (Document::continues)
    mutable bool m_findings_headed = false; ///< the findings table's header is written (Document::continues)

    static void write_table(const Table &table, std::ostream &out, bool header = true) {
        const std::size_t n = table.headers.size();
        std::vector<std::size_t> widths(n, 3);
        auto widen = [&](std::size_t i, const std::string &cell) {
            // A cell's longest line: what a reader sees of its width.
            std::size_t start = 0;
            while (start <= cell.size()) {
                std::size_t end = std::min(cell.find('\n', start), cell.size());
                widths[i] = std::max(widths[i], display_width(std::string_view(cell).substr(start, end - start)));
                start = end + 1;
            }
        };
        for (std::size_t i = 0; i < n; ++i)
            widen(i, table.headers[i]);
        for (const auto &row : table.rows)
            for (std::size_t i = 0; i < n && i < row.size(); ++i)
                widen(i, row[i]);
        if (header) {
            out << '|';
            for (const std::string &h : table.headers)
                out << ' ' << escape_cell(h) << " |";
            out << "\n|";
            for (std::size_t i = 0; i < n; ++i) {
                const bool numeric = i < table.numeric.size() && table.numeric[i];
                // Past 40 a long text would take the page from the others: it wraps.
                const std::size_t dashes = std::min(widths[i], k_max_dashes);
                out << ' ' << std::string(dashes - (numeric ? 1 : 0), '-') << (numeric ? ":" : "") << " |";
            }
            out << '\n';
        }
        for (const auto &row : table.rows) {
            out << '|';
            for (std::size_t i = 0; i < n; ++i)
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
