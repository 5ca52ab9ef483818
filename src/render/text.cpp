// Plain-text tables for a terminal or a file: columns aligned by display
// width (accents take no column, wide characters two), numbers right-aligned,
// colour only when asked. A table wider than the terminal wraps its text
// cells inside their columns (nothing is cut, so two owners never read the
// same); when even its numbers and headers leave no room, it is printed one
// record per block, as psql's expanded mode does.
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

/// The longest word of a text, in columns: the narrowest it wraps to.
std::size_t longest_word(std::string_view text) {
    std::size_t longest = 0, start = 0;
    while (start <= text.size()) {
        std::size_t end = std::min(text.find(' ', start), text.size());
        longest = std::max(longest, display_width(text.substr(start, end - start)));
        start = end + 1;
    }
    return longest;
}

/// `cell` in lines of at most `width` columns, broken at spaces; a word
/// longer than a line is broken between its characters.
std::vector<std::string> wrap(const std::string &cell, std::size_t width) {
    if (width == 0 || display_width(cell) <= width) return {cell};
    std::vector<std::string> lines;
    std::string line;
    std::size_t line_width = 0;
    std::size_t start = 0;
    while (start <= cell.size()) {
        std::size_t end = std::min(cell.find(' ', start), cell.size());
        std::string_view word = std::string_view(cell).substr(start, end - start);
        start = end + 1;
        std::size_t w = display_width(word);
        if (line_width > 0 && line_width + 1 + w <= width) {
            line += ' ';
            line += word;
            line_width += 1 + w;
            continue;
        }
        if (line_width > 0) lines.push_back(std::move(line));
        line.clear();
        line_width = 0;
        while (w > width) {
            std::string_view piece = cut_to_width(word, width);
            if (piece.empty()) piece = word.substr(0, 1); // a character wider than the column
            lines.emplace_back(piece);
            word.remove_prefix(piece.size());
            w = display_width(word);
        }
        line = std::string(word);
        line_width = w;
    }
    if (line_width > 0 || lines.empty()) lines.push_back(std::move(line));
    return lines;
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
        bool headed = document.continues && m_headed;
        for (const Section &section : document.sections) {
            if (section.bare()) {
                for (const Finding *f : section.findings)
                    out << (section.plain_findings ? finding_line(*f, m_options.lang) : colored_finding(*f)) << '\n';
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
        m_headed = headed;
    }

private:
    mutable bool m_headed = false; ///< a part printed so far had a heading (Document::continues)

    std::string style(std::string_view code, const std::string &text) const {
        if (!m_options.color) return text;
        return "\x1b[" + std::string(code) + "m" + text + "\x1b[0m";
    }

    std::string colored_finding(const Finding &f) const {
        std::string line = finding_line(f, m_options.lang);
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

        out << style("1", table.title) << '\n';
        if (!shrink_to_fit(widths, cells, table)) {
            write_records(cells, out);
            return;
        }
        for (std::size_t r = 0; r < cells.size(); ++r) {
            std::vector<std::vector<std::string>> parts(n);
            std::size_t height = 1;
            for (std::size_t i = 0; i < n; ++i) {
                parts[i] = table.numeric[i] ? std::vector<std::string>{cells[r][i]} : wrap(cells[r][i], widths[i]);
                height = std::max(height, parts[i].size());
            }
            for (std::size_t k = 0; k < height; ++k) {
                std::string line;
                for (std::size_t i = 0; i < n; ++i) {
                    if (i > 0) line += std::string(k_gap, ' ');
                    bool last = i + 1 == n;
                    std::string cell = k < parts[i].size() ? parts[i][k] : std::string();
                    line += (last && !table.numeric[i]) ? cell : pad(cell, widths[i], table.numeric[i]);
                }
                while (!line.empty() && line.back() == ' ')
                    line.pop_back();
                out << line << '\n';
            }
            if (r == 0) {
                std::size_t total = std::accumulate(widths.begin(), widths.end(), std::size_t{0}) + k_gap * (n - 1);
                std::string rule;
                for (std::size_t i = 0; i < total; ++i)
                    rule += "─";
                out << rule << '\n';
            }
        }
    }

    /// One block per record: a rule with its number, then each header
    /// beside its value, the value wrapped to what the width leaves.
    void write_records(const std::vector<std::vector<std::string>> &cells, std::ostream &out) const {
        const std::vector<std::string> &headers = cells.front();
        std::size_t label = 0;
        for (const std::string &h : headers)
            label = std::max(label, display_width(h));
        const std::size_t room =
            m_options.width > label + 3 + k_min_text_width ? m_options.width - label - 3 : k_min_text_width;
        for (std::size_t r = 1; r < cells.size(); ++r) {
            std::string rule = "─[ " + std::to_string(r) + " ]";
            std::size_t rule_width = display_width(rule);
            for (std::size_t i = rule_width; i < std::min<std::size_t>(m_options.width, label + 3 + room); ++i)
                rule += "─";
            out << rule << '\n';
            for (std::size_t i = 0; i < headers.size(); ++i) {
                std::vector<std::string> lines = wrap(cells[r][i], room);
                for (std::size_t k = 0; k < lines.size(); ++k) {
                    std::string line = pad(k == 0 ? headers[i] : std::string(), label, false) + " │ " + lines[k];
                    while (!line.empty() && line.back() == ' ')
                        line.pop_back();
                    out << line << '\n';
                }
            }
        }
    }

    /// Narrows the widest text columns until the table fits the width, a
    /// column never below its header's longest word nor its cells' longest
    /// (up to k_min_text_width). False: numbers and headers alone do not fit.
    bool shrink_to_fit(std::vector<std::size_t> &widths, const std::vector<std::vector<std::string>> &cells,
                       const Table &table) const {
        if (m_options.width == 0) return true;
        auto total = [&] {
            return std::accumulate(widths.begin(), widths.end(), std::size_t{0}) + k_gap * (widths.size() - 1);
        };
        if (total() <= m_options.width) return true;
        std::vector<std::size_t> least(widths.size());
        for (std::size_t i = 0; i < widths.size(); ++i) {
            if (table.numeric[i]) {
                least[i] = widths[i];
                continue;
            }
            std::size_t words = 0;
            for (std::size_t r = 1; r < cells.size(); ++r)
                words = std::max(words, longest_word(cells[r][i]));
            least[i] = std::min(widths[i], std::max(longest_word(cells[0][i]), std::min(words, k_min_text_width)));
        }
        while (total() > m_options.width) {
            std::size_t widest = widths.size();
            for (std::size_t i = 0; i < widths.size(); ++i)
                if (widths[i] > least[i] && (widest == widths.size() || widths[i] > widths[widest])) widest = i;
            if (widest == widths.size()) return false;
            std::size_t excess = total() - m_options.width;
            widths[widest] = std::max(least[widest], widths[widest] - std::min(excess, widths[widest] / 2 + 1));
        }
        return true;
    }

    RenderOptions m_options;
};

} // namespace

std::unique_ptr<Renderer> make_text_renderer(const RenderOptions &options) {
    return std::make_unique<TextRenderer>(options);
}

} // namespace cchc
