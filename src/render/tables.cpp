// Summaries → labelled tables of text cells (see render/tables.hpp). Every text
// format lays out these same tables, so labels and number formats are
// decided here once.
#include <cchc/render/tables.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <utility>

namespace cchc {

namespace {

/// Writes numbers and sums in the style the options ask for.
class CellWriter {
public:
    explicit CellWriter(const RenderOptions &options) : m_options(options) {}

    std::string score(Decimal d) const { return d.format(2, m_options.numbers.score_separator); }
    std::string score(const Score &s) const { return s.given() ? score(s.number.value) : ""; }

    std::string percent(const std::optional<WideInt> &hundredths) const {
        if (!hundredths) return m_options.numbers.percent_sign ? "—" : "";
        char sep = m_options.numbers.percent_separator != 0 ? m_options.numbers.percent_separator
                                                            : percent_separator(m_options.lang);
        return format_percent(*hundredths, sep) + (m_options.numbers.percent_sign ? " %" : "");
    }

    /// Count, max, self, appraised, lost and achievement, appended to `row`.
    void append_sums(std::vector<std::string> &row, const Sums &s) const {
        row.push_back(std::to_string(s.count));
        row.push_back(score(s.max));
        row.push_back(s.self_count > 0 ? score(s.self) : "");
        row.push_back(s.appraised_count == 0 && s.self_count > 0 ? "" : score(s.appraised)); // not appraised yet
        row.push_back(score(s.lost));
        row.push_back(percent(s.achievement()));
    }

    std::vector<std::string> sums_headers() const {
        const Lang lang = m_options.lang;
        return {std::string(pick(lang, "Số tiêu chí", "Criteria")), std::string(pick(lang, "Tối đa", "Max")),
                std::string(pick(lang, "Tự đánh giá", "Self")),     std::string(pick(lang, "Thẩm định", "Appraised")),
                std::string(pick(lang, "Bị trừ", "Lost")),          std::string(pick(lang, "Tỷ lệ đạt", "Achieved"))};
    }

    Table groups(const std::vector<Group> &groups, std::string_view title, std::string_view first,
                 std::string_view empty_name) const {
        Table t;
        t.title = title;
        t.headers = {std::string(first)};
        for (auto &h : sums_headers())
            t.headers.push_back(h);
        t.numeric = {false, true, true, true, true, true, true};
        t.percent = {false, false, false, false, false, false, true};
        t.rows.reserve(groups.size());
        for (const Group &g : groups) {
            std::vector<std::string> &row = t.rows.emplace_back();
            row.reserve(7);
            row.push_back(g.name.empty() ? std::string(empty_name) : g.name);
            append_sums(row, g.sums);
        }
        return t;
    }

    /// "+9.18", "-0.50", "0.00": a change with its sign.
    std::string signed_score(Decimal d) const { return (d.units() > 0 ? "+" : "") + score(d); }

private:
    const RenderOptions &m_options;
};

/// The rating cell of a sheet whose scores are not all readable.
std::string incomplete_label(Lang lang) {
    return std::string(pick(lang, "chưa đủ điểm", "incomplete"));
}

/// What a period is called in headings: its period, else its unit.
std::string period_name(const SheetSummary &s) {
    return s.sheet->period.empty() ? s.sheet->unit : s.sheet->period;
}

} // namespace

std::string sheet_heading(const SheetSummary &summary) {
    const Sheet &sheet = *summary.sheet;
    std::string heading = sheet.unit;
    if (!sheet.period.empty()) heading += " · " + sheet.period;
    return heading + " (" + sheet.file + ")";
}

std::string finding_line(const Finding &f, Lang lang) {
    std::string place = f.line > 0 ? fmt::format("{}:{}", f.file, f.line) : f.file;
    // The row a clerk clicks on, when a quoted line break moved the line.
    if (f.row > 0 && f.row != f.line) place += fmt::format(fmt::runtime(pick(lang, " (hàng {})", " (row {})")), f.row);
    return fmt::format("{}: {}[{}]: {}", place, severity_label(f.severity, lang), rule_id(f.rule), f.message);
}

std::string_view findings_title(Lang lang) {
    return pick(lang, "Kết quả kiểm tra", "Findings");
}

Table findings_table(const std::vector<const Finding *> &findings, Lang lang) {
    Table t;
    t.kind = TableKind::findings;
    t.title = findings_title(lang);
    t.headers = {std::string(pick(lang, "Tệp", "File")),        std::string(pick(lang, "Dòng", "Line")),
                 std::string(pick(lang, "Hàng", "Row")),        std::string(pick(lang, "Mục", "Code")),
                 std::string(pick(lang, "Mức", "Severity")),    std::string(pick(lang, "Quy tắc", "Rule")),
                 std::string(pick(lang, "Nội dung", "Message"))};
    t.numeric = {false, true, true, false, false, false, false};
    t.rows.reserve(findings.size());
    for (const Finding *f : findings)
        t.rows.push_back({f->file, f->line > 0 ? std::to_string(f->line) : "", f->row > 0 ? std::to_string(f->row) : "",
                          f->code, std::string(severity_label(f->severity, lang)), std::string(rule_id(f->rule)),
                          f->message});
    return t;
}

std::string_view severity_label(Severity severity, Lang lang) {
    switch (severity) {
    case Severity::info: return pick(lang, "thông tin", "info");
    case Severity::warning: return pick(lang, "cảnh báo", "warning");
    case Severity::error: return pick(lang, "lỗi", "error");
    }
    return pick(lang, "lỗi", "error");
}

Table appendix_table(const SheetSummary &summary, const RenderOptions &options) {
    const Lang lang = options.lang;
    const CellWriter cells(options);
    Table t;
    t.kind = TableKind::appendix;
    t.title = pick(lang, "Tổng hợp các nội dung theo tiêu chí", "The criteria, as in the report's appendix");
    t.headers = {std::string(pick(lang, "Mục", "Code")),
                 std::string(pick(lang, "Nội dung", "Content")),
                 std::string(pick(lang, "Điểm tối đa", "Max")),
                 std::string(pick(lang, "Điểm tự đánh giá", "Self-assessed")),
                 std::string(pick(lang, "Điểm thẩm định", "Appraised")),
                 std::string(pick(lang, "Số điểm bị trừ", "Points lost")),
                 std::string(pick(lang, "Ghi chú (Lý do giảm điểm)", "Note (why points were lost)")),
                 std::string(pick(lang, "Trách nhiệm bộ phận phụ trách", "Owner responsible"))};
    t.numeric = {false, false, true, true, true, true, false, false};
    for (const CriterionResult &c : summary.criteria) {
        const Row &r = *c.row;
        t.rows.push_back({r.code, r.content.value_or(""), cells.score(r.max), cells.score(r.self),
                          cells.score(r.appraised), cells.score(c.lost), r.note.value_or(""), r.owner});
    }
    const Sums &s = summary.totals;
    t.rows.push_back({std::string(pick(lang, "Tổng cộng", "Total")), "", cells.score(s.max),
                      s.self_count > 0 ? cells.score(s.self) : "",
                      s.appraised_count == 0 && s.self_count > 0 ? "" : cells.score(s.appraised), cells.score(s.lost),
                      "", ""});
    t.total_row = true;
    return t;
}

Table owner_tasks_table(const SheetSummary &summary, const RenderOptions &options) {
    const Lang lang = options.lang;
    const CellWriter cells(options);
    Table t;
    t.kind = TableKind::owner_tasks;
    t.title = pick(lang, "Nhiệm vụ cụ thể đối với các bộ phận phụ trách", "What each owner must fix");
    t.headers = {std::string(pick(lang, "Bộ phận phụ trách", "Owner")), std::string(pick(lang, "Mục", "Code")),
                 std::string(pick(lang, "Nội dung", "Content")),
                 std::string(pick(lang, "Số điểm bị trừ", "Points lost")),
                 std::string(pick(lang, "Ghi chú (Lý do giảm điểm)", "Note (why points were lost)"))};
    t.numeric = {false, false, false, true, false};
    // Most points lost first; ties keep the sheet's order.
    std::vector<const Group *> owners;
    for (const Group &g : summary.owners)
        if (g.sums.lost.units() > 0) owners.push_back(&g);
    std::stable_sort(owners.begin(), owners.end(),
                     [](const Group *a, const Group *b) { return a->sums.lost > b->sums.lost; });
    for (const Group *g : owners) {
        const std::string name = g->name.empty() ? std::string(pick(lang, "(không ghi)", "(none)")) : g->name;
        std::vector<const CriterionResult *> lost;
        for (const CriterionResult &c : summary.criteria)
            if (c.row->owner == g->name && c.lost.units() > 0) lost.push_back(&c);
        std::stable_sort(lost.begin(), lost.end(),
                         [](const CriterionResult *a, const CriterionResult *b) { return a->lost > b->lost; });
        for (const CriterionResult *c : lost)
            t.rows.push_back(
                {name, c->row->code, c->row->content.value_or(""), cells.score(c->lost), c->row->note.value_or("")});
        t.rows.push_back({name, "", std::string(pick(lang, "Cộng", "Total")), cells.score(g->sums.lost), ""});
        t.subtotal_rows.push_back(t.rows.size() - 1);
    }
    return t;
}

namespace {

Bar percent_bar(std::string label, const std::optional<WideInt> &hundredths, const CellWriter &cells) {
    // Hundredths of a percent are tens of a Decimal's thousandths.
    Decimal value = hundredths ? Decimal::from_units(static_cast<std::int64_t>(*hundredths) * 10) : Decimal{};
    return {std::move(label), value, cells.percent(hundredths)};
}

} // namespace

std::vector<Chart> sheet_charts(const SheetSummary &summary, const RenderOptions &options) {
    const Lang lang = options.lang;
    const CellWriter cells(options);
    std::vector<Chart> charts;
    {
        Chart &c = charts.emplace_back();
        c.kind = TableKind::domain;
        c.title = pick(lang, "Điểm bị trừ theo lĩnh vực", "Points lost by domain");
        for (const Group &g : summary.domains)
            c.bars.push_back({fmt::format(fmt::runtime(pick(lang, "Lĩnh vực {}", "Domain {}")), g.name), g.sums.lost,
                              cells.score(g.sums.lost)});
    }
    {
        Chart &c = charts.emplace_back();
        c.kind = TableKind::owner;
        c.title = pick(lang, "Điểm bị trừ theo bộ phận phụ trách", "Points lost by owner");
        for (const Group &g : summary.owners)
            c.bars.push_back({g.name.empty() ? std::string(pick(lang, "(không ghi)", "(none)")) : g.name, g.sums.lost,
                              cells.score(g.sums.lost)});
    }
    if (!summary.criteria.empty()) {
        Chart &c = charts.emplace_back();
        c.kind = TableKind::criterion;
        c.title = pick(lang, "Tỷ lệ đạt theo tiêu chí", "Achievement by criterion");
        c.full = Decimal::from_int(100);
        for (const CriterionResult &r : summary.criteria)
            c.bars.push_back(percent_bar(r.row->code, r.achievement, cells));
    }
    return charts;
}

std::vector<std::string> ranking_labels(const std::vector<RankedSheet> &ranking) {
    std::map<std::pair<std::string_view, std::string_view>, std::size_t> seen;
    for (const RankedSheet &r : ranking)
        ++seen[{r.sheet->sheet->unit, r.sheet->sheet->period}];
    std::vector<std::string> labels;
    labels.reserve(ranking.size());
    for (const RankedSheet &r : ranking) {
        const Sheet &sheet = *r.sheet->sheet;
        std::string label = sheet.period.empty() ? sheet.unit : sheet.unit + " · " + sheet.period;
        if (seen[{sheet.unit, sheet.period}] > 1) label += " (" + sheet.file + ")";
        labels.push_back(std::move(label));
    }
    return labels;
}

std::vector<Chart> comparison_charts(const Comparison &comparison, const RenderOptions &options) {
    const Lang lang = options.lang;
    const CellWriter cells(options);
    std::vector<Chart> charts;
    if (!comparison.periods) {
        Chart &c = charts.emplace_back();
        c.kind = TableKind::ranking;
        c.title = pick(lang, "Chỉ số của các đơn vị, theo thứ hạng", "Index of each unit, by rank");
        std::vector<std::string> labels = ranking_labels(comparison.ranking);
        for (std::size_t i = 0; i < comparison.ranking.size(); ++i) {
            const SheetSummary &s = *comparison.ranking[i].sheet;
            c.bars.push_back({std::move(labels[i]), s.index, cells.score(s.index)});
        }
        return charts;
    }
    Chart &c = charts.emplace_back();
    c.kind = TableKind::period_owners;
    c.title =
        fmt::format(fmt::runtime(pick(lang, "Điểm bị trừ theo bộ phận phụ trách, {}", "Points lost by owner, {}")),
                    period_name(*comparison.periods->after));
    for (const OwnerChange &o : comparison.periods->owners)
        c.bars.push_back({o.owner.empty() ? std::string(pick(lang, "(không ghi)", "(none)")) : o.owner, o.lost_after,
                          cells.score(o.lost_after)});
    return charts;
}

std::vector<Table> sheet_tables(const SheetSummary &summary, const RenderOptions &options) {
    const Lang lang = options.lang;
    const CellWriter cells(options);
    std::vector<Table> tables;
    static const std::vector<TableKind> all = {TableKind::sheet, TableKind::domain, TableKind::owner,
                                               TableKind::criterion};
    for (TableKind kind : options.tables.empty() ? all : options.tables) {
        switch (kind) {
        case TableKind::top: break; // follows the others when --top is given
        case TableKind::ranking:
        case TableKind::period_total:
        case TableKind::period_criteria:
        case TableKind::period_owners: break; // comparison_tables
        case TableKind::findings: break;      // findings_table
        case TableKind::explain: break;       // explain_tables
        case TableKind::appendix: tables.push_back(appendix_table(summary, options)); break;
        case TableKind::owner_tasks: tables.push_back(owner_tasks_table(summary, options)); break;
        case TableKind::sheet: {
            Table t;
            t.title = pick(lang, "Tổng hợp", "Summary");
            t.headers = {std::string(pick(lang, "Đơn vị", "Unit"))};
            for (auto &h : cells.sums_headers())
                t.headers.push_back(h);
            // Bonus and penalty: their own columns, on sheets that have them.
            const bool bonus = summary.bonus.count > 0, penalty = summary.penalty.count > 0;
            if (bonus) t.headers.push_back(std::string(pick(lang, "Điểm thưởng", "Bonus")));
            if (penalty) t.headers.push_back(std::string(pick(lang, "Điểm trừ", "Penalty")));
            t.headers.push_back(std::string(pick(lang, "Chỉ số", "Index")));
            t.headers.push_back(std::string(pick(lang, "Thang điểm", "Out of")));
            t.headers.push_back(std::string(pick(lang, "Xếp loại", "Rating")));
            t.numeric.assign(t.headers.size(), true);
            t.numeric.front() = false;
            t.numeric.back() = false;
            t.percent.assign(t.headers.size(), false);
            t.percent[6] = true; // after the unit and the sums' five other columns
            std::vector<std::string> row = {summary.sheet->unit};
            cells.append_sums(row, summary.totals);
            if (bonus) row.push_back("+" + cells.score(summary.bonus.scored));
            if (penalty) row.push_back("-" + cells.score(summary.penalty.scored));
            row.push_back(cells.score(summary.index));
            row.push_back(cells.score(summary.base));
            row.push_back(summary.incomplete ? incomplete_label(lang) : summary.rating);
            t.rows.push_back(std::move(row));
            tables.push_back(std::move(t));
            break;
        }
        case TableKind::domain:
            tables.push_back(cells.groups(summary.domains, pick(lang, "Theo lĩnh vực", "By domain"),
                                          pick(lang, "Lĩnh vực", "Domain"), ""));
            tables.back().kind = TableKind::domain;
            break;
        case TableKind::owner:
            tables.push_back(cells.groups(summary.owners, pick(lang, "Theo bộ phận phụ trách", "By owner"),
                                          pick(lang, "Bộ phận phụ trách", "Owner"),
                                          pick(lang, "(không ghi)", "(none)")));
            tables.back().kind = TableKind::owner;
            break;
        case TableKind::criterion: {
            Table t;
            t.kind = TableKind::criterion;
            t.title = pick(lang, "Theo tiêu chí", "By criterion");
            t.headers = {std::string(pick(lang, "Mục", "Code")),
                         std::string(pick(lang, "Dòng", "Line")),
                         std::string(pick(lang, "Nội dung", "Content")),
                         std::string(pick(lang, "Tối đa", "Max")),
                         std::string(pick(lang, "Tự đánh giá", "Self")),
                         std::string(pick(lang, "Thẩm định", "Appraised")),
                         std::string(pick(lang, "Bị trừ", "Lost")),
                         std::string(pick(lang, "Tỷ lệ đạt", "Achieved")),
                         std::string(pick(lang, "Bộ phận phụ trách", "Owner")),
                         std::string(pick(lang, "Ghi chú", "Note"))};
            t.numeric = {false, true, false, true, true, true, true, true, false, false};
            t.percent = {false, false, false, false, false, false, false, true, false, false};
            for (const CriterionResult &c : summary.criteria) {
                const Row &r = *c.row;
                t.rows.push_back({r.code, std::to_string(r.line), r.content.value(), cells.score(r.max),
                                  cells.score(r.self), cells.score(r.appraised), cells.score(c.lost),
                                  cells.percent(c.achievement), r.owner, r.note.value()});
            }
            if (options.criterion_total) {
                const Sums &s = summary.totals;
                t.rows.push_back({std::string(pick(lang, "Tổng cộng", "Total")), "", "", cells.score(s.max),
                                  s.self_count > 0 ? cells.score(s.self) : "",
                                  s.appraised_count == 0 && s.self_count > 0 ? "" : cells.score(s.appraised),
                                  cells.score(s.lost), cells.percent(s.achievement()), "", ""});
                t.total_row = true;
            }
            tables.push_back(std::move(t));
            break;
        }
        }
    }
    if (options.top > 0) {
        Table t;
        t.kind = TableKind::top;
        t.title = fmt::format(fmt::runtime(pick(lang, "{} tiêu chí bị trừ nhiều điểm nhất", "Top {} points lost")),
                              options.top);
        t.headers = {std::string(pick(lang, "Mục", "Code")),
                     std::string(pick(lang, "Nội dung", "Content")),
                     std::string(pick(lang, "Tối đa", "Max")),
                     std::string(pick(lang, "Thẩm định", "Appraised")),
                     std::string(pick(lang, "Bị trừ", "Lost")),
                     std::string(pick(lang, "Tỷ lệ đạt", "Achieved")),
                     std::string(pick(lang, "Bộ phận phụ trách", "Owner"))};
        t.numeric = {false, false, true, true, true, true, false};
        t.percent = {false, false, false, false, false, true, false};
        for (const CriterionResult &c : summary.top) {
            const Row &r = *c.row;
            t.rows.push_back({r.code, r.content.value(), cells.score(r.max), cells.score(r.appraised),
                              cells.score(c.lost), cells.percent(c.achievement), r.owner});
        }
        tables.push_back(std::move(t));
    }
    return tables;
}

} // namespace cchc

namespace cchc {

namespace {

/// The change between two periods, as its effect on the index: fewer
/// points lost is "+", so "+0.41" cannot be read as 0.41 more points lost.
std::string change_label(Lang lang) {
    return std::string(pick(lang, "Chỉ số tăng (+) / giảm (-)", "Index up (+) / down (-)"));
}

} // namespace

std::vector<Table> comparison_tables(const Comparison &comparison, const RenderOptions &options) {
    const Lang lang = options.lang;
    const CellWriter cells(options);
    std::vector<Table> tables;
    if (!comparison.periods) {
        Table t;
        t.kind = TableKind::ranking;
        t.title = pick(lang, "Xếp hạng theo chỉ số", "Ranking by index");
        const bool two = options.rank_as_numbers;
        t.headers = {std::string(pick(lang, "Hạng", "Rank"))};
        if (two) t.headers.emplace_back(pick(lang, "Trong số", "Of"));
        for (std::string_view h :
             {pick(lang, "Đơn vị", "Unit"), pick(lang, "Kỳ", "Period"), pick(lang, "Số tiêu chí", "Criteria"),
              pick(lang, "Bị trừ", "Lost"), pick(lang, "Chỉ số", "Index"), pick(lang, "Thang điểm", "Out of"),
              pick(lang, "Xếp loại", "Rating"), pick(lang, "Tệp", "File")})
            t.headers.emplace_back(h);
        t.numeric = {true, false, false, true, true, true, true, false, false};
        if (two) t.numeric.insert(t.numeric.begin(), true);
        for (const RankedSheet &r : comparison.ranking) {
            const SheetSummary &s = *r.sheet;
            // "3/5": 3rd of the 5 ranked, as a district's report writes it.
            std::vector<std::string> row;
            if (two) {
                row = {r.rank > 0 ? std::to_string(r.rank) : "—", std::to_string(r.of)};
            } else {
                row = {r.rank > 0 ? fmt::format("{}/{}", r.rank, r.of) : "—"};
            }
            for (std::string cell : {s.sheet->unit, s.sheet->period, std::to_string(s.totals.count),
                                     cells.score(s.totals.lost), cells.score(s.index), cells.score(s.base),
                                     s.incomplete ? std::string(incomplete_label(lang)) : s.rating, s.sheet->file})
                row.push_back(std::move(cell));
            t.rows.push_back(std::move(row));
        }
        tables.push_back(std::move(t));
        return tables;
    }
    const PeriodComparison &p = *comparison.periods;
    const std::string before = period_name(*p.before);
    const std::string after = period_name(*p.after);
    {
        Table t;
        t.kind = TableKind::period_total;
        t.title = fmt::format(fmt::runtime(pick(lang, "So sánh {} với {}", "{} compared with {}")), after, before);
        t.headers = {std::string(pick(lang, "Đơn vị", "Unit")),
                     fmt::format(fmt::runtime(pick(lang, "Chỉ số {}", "Index {}")), before),
                     fmt::format(fmt::runtime(pick(lang, "Chỉ số {}", "Index {}")), after), change_label(lang),
                     std::string(pick(lang, "Nhận xét", "Remark"))};
        t.numeric = {false, true, true, true, false};
        Decimal change = p.index_change();
        std::string amount = (change.is_negative() ? -change : change).format(2, percent_separator(lang));
        std::string remark = change.is_zero() ? std::string(pick(lang, "không đổi", "unchanged"))
                             : change.is_negative()
                                 ? fmt::format(fmt::runtime(pick(lang, "giảm {} điểm", "down {} points")), amount)
                                 : fmt::format(fmt::runtime(pick(lang, "tăng {} điểm", "up {} points")), amount);
        t.rows.push_back({p.after->sheet->unit, cells.score(p.before->index), cells.score(p.after->index),
                          cells.signed_score(change), remark});
        tables.push_back(std::move(t));
    }
    {
        Table t;
        t.kind = TableKind::period_criteria;
        t.title = pick(lang, "Điểm bị trừ theo tiêu chí", "Points lost by criterion");
        t.headers = {std::string(pick(lang, "Mục", "Code")),
                     std::string(pick(lang, "Nội dung", "Content")),
                     fmt::format(fmt::runtime(pick(lang, "Bị trừ {}", "Lost {}")), before),
                     fmt::format(fmt::runtime(pick(lang, "Bị trừ {}", "Lost {}")), after),
                     change_label(lang),
                     std::string(pick(lang, "Trạng thái", "Status"))};
        t.numeric = {false, false, true, true, true, false};
        for (const CriterionChange &c : p.criteria) {
            std::string status =
                c.status == ChangeStatus::appeared      ? std::string(pick(lang, "mới bị trừ", "newly lost"))
                : c.status == ChangeStatus::disappeared ? std::string(pick(lang, "hết bị trừ", "no longer lost"))
                                                        : std::string();
            t.rows.push_back({c.code, c.content, cells.score(c.lost_before), cells.score(c.lost_after),
                              cells.signed_score(c.change()), status});
        }
        tables.push_back(std::move(t));
    }
    {
        Table t;
        t.kind = TableKind::period_owners;
        t.title = pick(lang, "Điểm bị trừ theo bộ phận phụ trách", "Points lost by owner");
        t.headers = {std::string(pick(lang, "Bộ phận phụ trách", "Owner")),
                     fmt::format(fmt::runtime(pick(lang, "Bị trừ {}", "Lost {}")), before),
                     fmt::format(fmt::runtime(pick(lang, "Bị trừ {}", "Lost {}")), after), change_label(lang)};
        t.numeric = {false, true, true, true};
        for (const OwnerChange &o : p.owners)
            t.rows.push_back({o.owner.empty() ? std::string(pick(lang, "(không ghi)", "(none)")) : o.owner,
                              cells.score(o.lost_before), cells.score(o.lost_after), cells.signed_score(o.change())});
        tables.push_back(std::move(t));
    }
    return tables;
}

} // namespace cchc
