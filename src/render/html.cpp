// One self-contained HTML page a clerk opens in a browser, prints on A4 or
// pastes into Word: no external asset and no script; the tables as they
// are, the criteria in the layout of a ward report's appendix (printed on a
// landscape page), findings with their severity in words, and bar charts as
// inline SVG. Every text is escaped.
#include <cchc/render/formats.hpp>
#include <cchc/text/unicode.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace cchc {

namespace {

std::string escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&#39;"; break;
        case '\r': break;
        default: out += c;
        }
    }
    return out;
}

/// Escaped. A line break in a cell is mostly where a spreadsheet wrapped
/// the text (Alt+Enter), so it is a space; one before a "- " or "+ " item
/// starts a line of its own.
std::string escape_lines(std::string_view text) {
    std::string out;
    std::size_t start = 0;
    while (true) {
        std::size_t end = text.find('\n', start);
        out += escape(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) return out;
        start = end + 1;
        std::string_view next = text.substr(start);
        bool item = next.size() >= 2 && (next[0] == '-' || next[0] == '+') && next[1] == ' ';
        if (item)
            out += "<br>";
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
}

std::string_view kind_name(TableKind kind) {
    switch (kind) {
    case TableKind::sheet: return "sheet";
    case TableKind::domain: return "domain";
    case TableKind::owner: return "owner";
    case TableKind::criterion: return "criterion";
    case TableKind::top: return "top";
    case TableKind::ranking: return "ranking";
    case TableKind::period_total: return "period-total";
    case TableKind::period_criteria: return "period-criteria";
    case TableKind::period_owners: return "period-owners";
    case TableKind::findings: return "findings";
    case TableKind::explain: return "explain";
    case TableKind::appendix: return "appendix";
    case TableKind::owner_tasks: return "owner-tasks";
    }
    return "table";
}

// Times New Roman first, as official documents use; then serif faces with
// every Vietnamese glyph. Numbers never break inside ("55,00 %").
constexpr std::string_view k_style = R"(
@page { size: A4 portrait; margin: 15mm 15mm 15mm 20mm; }
@page landscape { size: A4 landscape; margin: 15mm; }
body { font-family: "Times New Roman", Times, "Liberation Serif", "DejaVu Serif", "Noto Serif", serif;
  font-size: 13pt; line-height: 1.3; margin: 1em auto; max-width: 60em; color: #000; }
h1 { font-size: 16pt; text-align: center; text-transform: uppercase; }
h2 { font-size: 14pt; margin-top: 1.5em; }
h3 { font-size: 13pt; }
table { border-collapse: collapse; margin: 0.5em 0 1em; font-size: 12pt; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: top; }
th { background: #eee; text-align: center; }
td.num { text-align: right; white-space: nowrap; }
th.num { text-align: right; }
tr.total td { font-weight: bold; }
.landscape { page: landscape; }
.landscape table { width: 100%; table-layout: fixed; }
.landscape col.code { width: 6%; } .landscape col.content { width: 25%; } .landscape col.num { width: 7.5%; }
.landscape col.note { width: 25%; } .landscape col.owner { width: 14%; }
figure { margin: 0.5em 0 1em; break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 0.3em; }
svg text { font-family: inherit; font-size: 11px; }
svg rect.bar { fill: #b03a2e; }
svg.achievement rect.bar { fill: #2e6fb0; }
.error { color: #a00; font-weight: bold; }
.warning { color: #a60; }
td.error, td.warning, td.info { white-space: nowrap; }
@media print { body { max-width: none; margin: 0; } h2 { break-after: avoid; } tr { break-inside: avoid; } }
)";

class HtmlRenderer : public Renderer {
public:
    explicit HtmlRenderer(const RenderOptions &options) : m_options(options) {}

    void print(const Document &document, std::ostream &out) const override {
        const Lang lang = m_options.lang;
        std::string title(pick(lang, "Kết quả Chỉ số cải cách hành chính", "Administrative reform index results"));
        // A part after the first (Document::continues) goes on in the same body.
        if (!document.continues)
            out << "<!DOCTYPE html>\n<html lang=\"" << pick(lang, "vi", "en")
                << "\">\n<head>\n<meta charset=\"utf-8\">\n"
                << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" << escape(title)
                << "</title>\n<style>" << k_style << "</style>\n</head>\n<body>\n<h1>" << escape(title) << "</h1>\n";
        if (document.findings_only) {
            findings_in_parts(document, out);
            if (!document.continued) out << "</body>\n</html>\n";
            return;
        }
        for (const Section &section : document.sections) {
            out << "<section>\n";
            if (!section.heading.empty()) out << "<h2>" << escape(section.heading) << "</h2>\n";
            if (section.tables) {
                bool tasks = false;
                for (const Table &table : section.tables(m_options)) {
                    write_table(section, table, out);
                    tasks = tasks || table.kind == TableKind::owner_tasks;
                }
                // The skeleton of the report's "tasks of each part" section, unless --by chose the tables.
                if (section.sheet != nullptr && !tasks && m_options.tables.empty())
                    write_plain_table(owner_tasks_table(*section.sheet, m_options), out);
                std::vector<Chart> charts;
                if (section.sheet != nullptr)
                    charts = sheet_charts(*section.sheet, m_options);
                else if (document.comparison != nullptr)
                    charts = comparison_charts(*document.comparison, m_options);
                for (const Chart &chart : charts)
                    if (section.sheet == nullptr || shown(chart.kind)) write_chart(chart, out);
            }
            if (!section.findings.empty() || section.bare()) write_findings(section.findings, out);
            out << "</section>\n";
        }
        if (!document.continued) out << "</body>\n</html>\n";
    }

private:
    /// A sheet's chart goes with its table: all of them, unless --by chose.
    bool shown(TableKind kind) const {
        return m_options.tables.empty() ||
               std::find(m_options.tables.begin(), m_options.tables.end(), kind) != m_options.tables.end();
    }

    void write_table(const Section &section, const Table &table, std::ostream &out) const {
        // The criteria go in the appendix layout, which a sheet's summary gives.
        if (table.kind == TableKind::criterion && section.sheet != nullptr) {
            out << "<div class=\"landscape\">\n";
            // The appendix's proportions: contents and notes wide, numbers narrow.
            write_plain_table(appendix_table(*section.sheet, m_options), out,
                              "<colgroup><col class=\"code\"><col class=\"content\"><col class=\"num\"><col "
                              "class=\"num\"><col class=\"num\"><col class=\"num\"><col class=\"note\"><col "
                              "class=\"owner\"></colgroup>");
            out << "</div>\n";
            return;
        }
        write_plain_table(table, out);
    }

    static void write_plain_table(const Table &table, std::ostream &out, std::string_view columns = {}) {
        out << "<h3>" << escape(table.title) << "</h3>\n<table data-kind=\"" << kind_name(table.kind) << "\">\n"
            << columns << "<thead><tr>";
        auto numeric = [&](std::size_t i) { return i < table.numeric.size() && table.numeric[i]; };
        for (std::size_t i = 0; i < table.headers.size(); ++i)
            out << (numeric(i) ? "<th class=\"num\">" : "<th>") << escape(table.headers[i]) << "</th>";
        out << "</tr></thead>\n<tbody>\n";
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            const bool total =
                (table.total_row && r + 1 == table.rows.size()) ||
                std::find(table.subtotal_rows.begin(), table.subtotal_rows.end(), r) != table.subtotal_rows.end();
            out << (total ? "<tr class=\"total\">" : "<tr>");
            const auto &row = table.rows[r];
            for (std::size_t i = 0; i < table.headers.size(); ++i)
                out << (numeric(i) ? "<td class=\"num\">" : "<td>") << (i < row.size() ? escape_lines(row[i]) : "")
                    << "</td>";
            out << "</tr>\n";
        }
        out << "</tbody>\n</table>\n";
    }

    /// `cchc check` a part of the files at a time: one section, one table
    /// of every part's findings, as when printed whole.
    void findings_in_parts(const Document &document, std::ostream &out) const {
        if (!document.continues) {
            out << "<section>\n<h3>" << escape(findings_title(m_options.lang)) << "</h3>\n";
            m_findings_open = false;
        }
        const std::vector<const Finding *> findings = document.findings();
        if (!findings.empty() && !m_findings_open) {
            write_findings_head(out);
            m_findings_open = true;
        }
        write_findings_rows(findings, out);
        if (document.continued) return;
        if (m_findings_open)
            out << "</tbody>\n</table>\n";
        else
            write_no_findings(out);
        out << "</section>\n";
    }

    void write_findings(const std::vector<const Finding *> &findings, std::ostream &out) const {
        out << "<h3>" << escape(findings_title(m_options.lang)) << "</h3>\n";
        if (findings.empty()) {
            write_no_findings(out);
            return;
        }
        write_findings_head(out);
        write_findings_rows(findings, out);
        out << "</tbody>\n</table>\n";
    }

    void write_no_findings(std::ostream &out) const {
        out << "<p>" << escape(pick(m_options.lang, "Không thấy lỗi, cảnh báo hay thông tin nào.", "No findings."))
            << "</p>\n";
    }

    void write_findings_head(std::ostream &out) const {
        const Lang lang = m_options.lang;
        out << "<table data-kind=\"findings\">\n<thead><tr><th>" << escape(pick(lang, "Tệp", "File"))
            << "</th><th class=\"num\">" << escape(pick(lang, "Dòng", "Line")) << "</th><th class=\"num\">"
            << escape(pick(lang, "Hàng", "Row")) << "</th><th>" << escape(pick(lang, "Mục", "Code")) << "</th><th>"
            << escape(pick(lang, "Mức", "Severity")) << "</th><th>" << escape(pick(lang, "Quy tắc", "Rule"))
            << "</th><th>" << escape(pick(lang, "Nội dung", "Message")) << "</th></tr></thead>\n<tbody>\n";
    }

    void write_findings_rows(const std::vector<const Finding *> &findings, std::ostream &out) const {
        const Lang lang = m_options.lang;
        for (const Finding *f : findings)
            out << "<tr><td>" << escape(f->file) << "</td><td class=\"num\">"
                << (f->line > 0 ? std::to_string(f->line) : "") << "</td><td class=\"num\">"
                << (f->row > 0 ? std::to_string(f->row) : "") << "</td><td>" << escape(f->code) << "</td><td class=\""
                << severity_name(f->severity) << "\">" << escape(severity_label(f->severity, lang)) << "</td><td>"
                << escape(rule_id(f->rule)) << "</td><td>" << escape_lines(f->message) << "</td></tr>\n";
    }

    /// Horizontal bars, the label on the left (cut to fit, whole in its
    /// tooltip), the value as the tables write it on the right.
    static void write_chart(const Chart &chart, std::ostream &out) {
        constexpr int label_width = 260, bar_width = 360, value_width = 80, row_height = 18, top = 4;
        constexpr std::size_t label_columns = 44;
        Decimal full = chart.full;
        if (full.is_zero())
            for (const Bar &bar : chart.bars)
                full = std::max(full, bar.value);
        const int height = top * 2 + row_height * static_cast<int>(std::max<std::size_t>(chart.bars.size(), 1));
        const int width = label_width + bar_width + value_width;
        const bool achievement = chart.kind == TableKind::criterion;
        out << "<figure data-kind=\"" << kind_name(chart.kind) << "\">\n<figcaption>" << escape(chart.title)
            << "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\""
            << (achievement ? " class=\"achievement\"" : "") << " width=\"" << width << "\" height=\"" << height
            << "\" viewBox=\"0 0 " << width << ' ' << height << "\" role=\"img\" aria-label=\"" << escape(chart.title)
            << "\">\n";
        int y = top;
        for (const Bar &bar : chart.bars) {
            // Chart geometry only: the exact value is printed beside it.
            double length = 0;
            if (full.units() > 0 && bar.value.units() > 0)
                length = static_cast<double>(bar.value.units()) / static_cast<double>(full.units()) * bar_width;
            std::string label = collapse_space(bar.label);
            if (display_width(label) > label_columns) label = std::string(cut_to_width(label, label_columns - 1)) + "…";
            out << fmt::format("<g><title>{}: {}</title>", escape(bar.label), escape(bar.text))
                << fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>", label_width - 6,
                               y + row_height - 5, escape(label))
                << fmt::format(
                       "<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{:.2f}\" height=\"{}\" data-value=\"{}\"/>",
                       label_width, y + 2, length, row_height - 4, bar.value.format(2))
                << fmt::format("<text x=\"{:.2f}\" y=\"{}\" class=\"value\">{}</text></g>\n", label_width + length + 4,
                               y + row_height - 5, escape(bar.text));
            y += row_height;
        }
        if (chart.bars.empty())
            out << fmt::format("<text x=\"{}\" y=\"{}\">{}</text>\n", label_width, top + row_height - 5, "—");
        out << "</svg>\n</figure>\n";
    }

    RenderOptions m_options;
    mutable bool m_findings_open = false; ///< findings_in_parts: the table is begun
};

} // namespace

std::unique_ptr<Renderer> make_html_renderer(const RenderOptions &options) {
    return std::make_unique<HtmlRenderer>(options);
}

} // namespace cchc
