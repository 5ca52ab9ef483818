// Ranking and period comparison (see compare.hpp).
#include <cchc/summary/compare.hpp>

#include <algorithm>
#include <map>
#include <unordered_map>

namespace cchc {

std::vector<RankedSheet> rank_sheets(const std::vector<const SheetSummary *> &sheets) {
    std::vector<RankedSheet> out;
    for (const SheetSummary *s : sheets)
        out.push_back({s, 0, 0});
    auto period = [](const RankedSheet &r) -> const std::string & { return r.sheet->sheet->period; };
    // A sheet whose index is not whole (SheetSummary::incomplete) comes
    // after the others of its period, with no rank.
    std::stable_sort(out.begin(), out.end(), [&](const RankedSheet &a, const RankedSheet &b) {
        if (period(a) != period(b)) return code_less(period(a), period(b));
        if (a.sheet->incomplete != b.sheet->incomplete) return b.sheet->incomplete;
        return a.sheet->index > b.sheet->index;
    });
    for (std::size_t start = 0; start < out.size();) {
        std::size_t end = start;
        std::size_t ranked = 0;
        while (end < out.size() && period(out[end]) == period(out[start]))
            ranked += out[end++].sheet->incomplete ? 0 : 1;
        for (std::size_t i = start; i < end; ++i) {
            out[i].of = ranked;
            if (out[i].sheet->incomplete) continue; // rank 0: not ranked
            bool tie = i > start && out[i].sheet->index == out[i - 1].sheet->index;
            out[i].rank = tie ? out[i - 1].rank : i - start + 1;
        }
        start = end;
    }
    return out;
}

PeriodComparison compare_periods(const SheetSummary &before, const SheetSummary &after) {
    PeriodComparison out;
    out.before = &before;
    out.after = &after;

    std::map<std::string, CriterionChange, bool (*)(const std::string &, const std::string &)> by_key(&code_less);
    for (const CriterionResult &c : before.criteria) {
        CriterionChange &change = by_key[c.row->key];
        change.code = c.row->code;
        change.content = c.row->content.value();
        change.lost_before += c.lost;
        change.status = ChangeStatus::disappeared;
    }
    for (const CriterionResult &c : after.criteria) {
        auto [it, inserted] = by_key.try_emplace(c.row->key);
        CriterionChange &change = it->second;
        if (inserted) {
            change.code = c.row->code;
            change.content = c.row->content.value();
            change.status = ChangeStatus::appeared;
        } else {
            change.status = ChangeStatus::both;
            if (change.content.empty()) change.content = c.row->content.value();
        }
        change.lost_after += c.lost;
    }
    for (auto &[key, change] : by_key)
        out.criteria.push_back(std::move(change));

    std::unordered_map<std::string, std::size_t> owner_index;
    auto owner = [&](const std::string &name) -> OwnerChange & {
        auto [it, inserted] = owner_index.emplace(name, out.owners.size());
        if (inserted) out.owners.push_back(OwnerChange{name, {}, {}});
        return out.owners[it->second];
    };
    for (const Group &g : before.owners)
        owner(g.name).lost_before += g.sums.lost;
    for (const Group &g : after.owners)
        owner(g.name).lost_after += g.sums.lost;
    return out;
}

} // namespace cchc
