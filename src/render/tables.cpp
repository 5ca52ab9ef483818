// Summaries → labelled tables of text cells (see report.hpp). Every text
// format lays out these same tables, so labels and number formats are
// decided here once.
#include <cchc/report.hpp>

#include <fmt/format.h>

namespace cchc {

namespace {

std::string score(Decimal d) { return d.format(2); }

std::string percent(const std::optional<std::int64_t>& hundredths, Lang lang) {
    if (!hundredths) return "—";
    return format_percent(*hundredths, percent_separator(lang)) + " %";
}

std::string self_sum(const Sums& s) { return s.self_count > 0 ? score(s.self) : ""; }

std::vector<std::string> sums_cells(const Sums& s, Lang lang) {
    return {std::to_string(s.count), score(s.max), self_sum(s), score(s.appraised), score(s.lost),
            percent(s.achievement(), lang)};
}

std::vector<std::string> sums_headers(Lang lang) {
    return {std::string(pick(lang, "Số tiêu chí", "Criteria")), std::string(pick(lang, "Tối đa", "Max")),
            std::string(pick(lang, "Tự đánh giá", "Self")),    std::string(pick(lang, "Thẩm định", "Appraised")),
            std::string(pick(lang, "Bị trừ", "Lost")),         std::string(pick(lang, "Tỷ lệ đạt", "Achieved"))};
}

Table group_table(const std::vector<Group>& groups, std::string title, std::string first, Lang lang,
                  std::string_view empty_name) {
    Table t;
    t.title = std::move(title);
    t.headers = {std::move(first)};
    for (auto& h : sums_headers(lang)) t.headers.push_back(h);
    t.numeric = {false, true, true, true, true, true, true};
    for (const Group& g : groups) {
        std::vector<std::string> row = {g.name.empty() ? std::string(empty_name) : g.name};
        for (auto& c : sums_cells(g.sums, lang)) row.push_back(c);
        t.rows.push_back(std::move(row));
    }
    return t;
}

std::string optional_score(const Score& s) { return s.given() ? score(s.number.value) : ""; }

} // namespace

std::vector<Finding> FileReport::all_findings() const {
    std::vector<Finding> out = findings;
    for (const SheetSummary& s : sheets) out.insert(out.end(), s.findings.begin(), s.findings.end());
    return out;
}

std::string sheet_heading(const SheetSummary& summary) {
    const Sheet& sheet = *summary.sheet;
    std::string heading = sheet.unit;
    if (!sheet.period.empty()) heading += " · " + sheet.period;
    return heading + " (" + sheet.file + ")";
}

std::string finding_line(const Finding& f) {
    std::string place = f.line > 0 ? fmt::format("{}:{}", f.file, f.line) : f.file;
    return fmt::format("{}: {}[{}]: {}", place, severity_name(f.severity), f.rule, f.message);
}

std::vector<Table> sheet_tables(const SheetSummary& summary, const RenderOptions& options) {
    const Lang lang = options.lang;
    std::vector<Table> tables;
    for (TableKind kind : options.tables) {
        switch (kind) {
        case TableKind::sheet: {
            Table t;
            t.title = pick(lang, "Tổng hợp", "Summary");
            t.headers = {std::string(pick(lang, "Đơn vị", "Unit"))};
            for (auto& h : sums_headers(lang)) t.headers.push_back(h);
            t.headers.push_back(std::string(pick(lang, "Chỉ số", "Index")));
            t.headers.push_back(std::string(pick(lang, "Thang điểm", "Out of")));
            t.headers.push_back(std::string(pick(lang, "Xếp loại", "Rating")));
            t.numeric = {false, true, true, true, true, true, true, true, true, false};
            std::vector<std::string> row = {summary.sheet->unit};
            for (auto& c : sums_cells(summary.totals, lang)) row.push_back(c);
            row.push_back(score(summary.index));
            row.push_back(score(summary.base));
            row.push_back(summary.rating);
            t.rows.push_back(std::move(row));
            tables.push_back(std::move(t));
            break;
        }
        case TableKind::domain:
            tables.push_back(group_table(summary.domains, std::string(pick(lang, "Theo lĩnh vực", "By domain")),
                                         std::string(pick(lang, "Lĩnh vực", "Domain")), lang, ""));
            break;
        case TableKind::owner:
            tables.push_back(group_table(summary.owners,
                                         std::string(pick(lang, "Theo bộ phận phụ trách", "By owner")),
                                         std::string(pick(lang, "Bộ phận phụ trách", "Owner")), lang,
                                         pick(lang, "(không ghi)", "(none)")));
            break;
        case TableKind::criterion: {
            Table t;
            t.title = pick(lang, "Theo tiêu chí", "By criterion");
            t.headers = {std::string(pick(lang, "Mục", "Code")),        std::string(pick(lang, "Dòng", "Line")),
                         std::string(pick(lang, "Nội dung", "Content")), std::string(pick(lang, "Tối đa", "Max")),
                         std::string(pick(lang, "Tự đánh giá", "Self")), std::string(pick(lang, "Thẩm định", "Appraised")),
                         std::string(pick(lang, "Bị trừ", "Lost")),      std::string(pick(lang, "Tỷ lệ đạt", "Achieved")),
                         std::string(pick(lang, "Bộ phận phụ trách", "Owner")), std::string(pick(lang, "Ghi chú", "Note"))};
            t.numeric = {false, true, false, true, true, true, true, true, false, false};
            for (const CriterionResult& c : summary.criteria) {
                const Row& r = *c.row;
                t.rows.push_back({r.code, std::to_string(r.line), r.content, optional_score(r.max),
                                  optional_score(r.self), optional_score(r.appraised), score(c.lost),
                                  percent(c.achievement, lang), r.owner, r.note});
            }
            tables.push_back(std::move(t));
            break;
        }
        }
    }
    if (options.top > 0) {
        Table t;
        t.title = fmt::format(fmt::runtime(pick(lang, "{} tiêu chí bị trừ nhiều điểm nhất", "Top {} points lost")),
                              options.top);
        t.headers = {std::string(pick(lang, "Mục", "Code")), std::string(pick(lang, "Nội dung", "Content")),
                     std::string(pick(lang, "Tối đa", "Max")), std::string(pick(lang, "Thẩm định", "Appraised")),
                     std::string(pick(lang, "Bị trừ", "Lost")), std::string(pick(lang, "Tỷ lệ đạt", "Achieved")),
                     std::string(pick(lang, "Bộ phận phụ trách", "Owner"))};
        t.numeric = {false, false, true, true, true, true, false};
        for (const CriterionResult& c : summary.top) {
            const Row& r = *c.row;
            t.rows.push_back({r.code, r.content, optional_score(r.max), optional_score(r.appraised), score(c.lost),
                              percent(c.achievement, lang), r.owner});
        }
        tables.push_back(std::move(t));
    }
    return tables;
}

} // namespace cchc
