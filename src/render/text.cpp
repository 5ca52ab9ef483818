// Plain-text tables for a terminal or a file: columns aligned by display
// width (accents take no column, wide characters two), numbers right-aligned,
// long text cut with "…" to fit the width, colour only when asked.
#include <cchc/render/formats.hpp>
#include <cchc/text/unicode.hpp>

#include <algorithm>
#include <numeric>

namespace cchc {

namespace {

constexpr std::size_t k_gap = 2;
constexpr std::size_t k_min_text_width = 8;

std::string one_line(std::string_view cell) {
    return collapse_space(cell);
}

std::string fit(const std::string &cell, std::size_t width) {
    if (display_width(cell) <= width) return cell;
    if (width == 0) return {};
    return std::string(cut_to_width(cell, width - 1)) + "…";
}

std::string pad(const std::string &cell, std::size_t width, bool right) {
    std::size_t w = display_width(cell);
    std::string spaces(w < width ? width - w : 0, ' ');
    return right ? spaces + cell : cell + spaces;
}

class TextRenderer : public Renderer {
public:
    explicit TextRenderer(const RenderOptions &options) : m_options(options) {}

    /// Sections with a heading are apart by a blank line, and so are the
    /// heading, each table and the findings within a section. A bare
    /// section's findings run on without a title.
    void print(const Document &document, std::ostream &out) const override {
        bool headed = false;
        for (const Section &section : document.sections) {
            if (section.bare()) {
                for (const Finding *f : section.findings)
                    out << (section.plain_findings ? finding_line(*f) : colored_finding(*f)) << '\n';
                continue;
            }
            bool block = false; // something of this section is written
            if (!section.heading.empty()) {
                if (headed) out << '\n';
                headed = true;
                out << style("1", "== " + section.heading + " ==") << "\n";
                block = true;
            }
            if (section.tables)
                for (const Table &table : section.tables(m_options)) {
                    if (block) out << '\n';
                    block = true;
                    write_table(table, out);
                }
            if (!section.findings.empty()) {
                if (block) out << '\n';
                out << style("1", std::string(findings_title(m_options.lang))) << '\n';
                for (const Finding *f : section.findings)
                    out << colored_finding(*f) << '\n';
            }
        }
    }

private:
    std::string style(std::string_view code, const std::string &text) const {
        if (!m_options.color) return text;
        return "\x1b[" + std::string(code) + "m" + text + "\x1b[0m";
    }

    std::string colored_finding(const Finding &f) const {
        std::string line = finding_line(f);
        if (!m_options.color) return line;
        std::string_view code = f.severity == Severity::error ? "31" : f.severity == Severity::warning ? "33" : "36";
        return style(code, line);
    }

    void write_table(const Table &table, std::ostream &out) const {
        const std::size_t n = table.headers.size();
        std::vector<std::vector<std::string>> cells;
        cells.push_back(table.headers);
        for (const auto &row : table.rows) {
            std::vector<std::string> line;
            for (std::size_t i = 0; i < n; ++i)
                line.push_back(i < row.size() ? one_line(row[i]) : "");
            cells.push_back(std::move(line));
        }
        std::vector<std::size_t> widths(n, 0);
        for (const auto &line : cells)
            for (std::size_t i = 0; i < n; ++i)
                widths[i] = std::max(widths[i], display_width(line[i]));
        shrink_to_fit(widths, table);

        out << style("1", table.title) << '\n';
        for (std::size_t r = 0; r < cells.size(); ++r) {
            std::string line;
            for (std::size_t i = 0; i < n; ++i) {
                if (i > 0) line += std::string(k_gap, ' ');
                bool last = i + 1 == n;
                std::string cell = fit(cells[r][i], widths[i]);
                line += (last && !table.numeric[i]) ? cell : pad(cell, widths[i], table.numeric[i]);
            }
            while (!line.empty() && line.back() == ' ')
                line.pop_back();
            out << line << '\n';
            if (r == 0) {
                std::size_t total = std::accumulate(widths.begin(), widths.end(), std::size_t{0}) + k_gap * (n - 1);
                std::string rule;
                for (std::size_t i = 0; i < total; ++i)
                    rule += "─";
                out << rule << '\n';
            }
        }
    }

    /// Narrows the widest text columns until the table fits the width.
    void shrink_to_fit(std::vector<std::size_t> &widths, const Table &table) const {
        if (m_options.width == 0) return;
        auto total = [&] {
            return std::accumulate(widths.begin(), widths.end(), std::size_t{0}) + k_gap * (widths.size() - 1);
        };
        while (total() > m_options.width) {
            std::size_t widest = widths.size();
            for (std::size_t i = 0; i < widths.size(); ++i)
                if (!table.numeric[i] && widths[i] > k_min_text_width &&
                    (widest == widths.size() || widths[i] > widths[widest]))
                    widest = i;
            if (widest == widths.size()) return; // numbers are never cut
            std::size_t excess = total() - m_options.width;
            widths[widest] = std::max(k_min_text_width, widths[widest] - std::min(excess, widths[widest] / 2 + 1));
        }
    }

    RenderOptions m_options;
};

} // namespace

std::unique_ptr<Renderer> make_text_renderer(const RenderOptions &options) {
    return std::make_unique<TextRenderer>(options);
}

} // namespace cchc
