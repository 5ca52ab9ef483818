#pragma once
// Summaries of several sheets → a ranking, or the change between two
// periods of one unit. Ranking is by index, highest first; equal indexes
// share a rank and the next rank skips ("1, 2, 3, 3, 5"), as a district
// announces "thứ 3 trong số 05". A period comparison matches criteria by
// code: a criterion listed in one period only lost nothing in the other
// (a deduction sheet lists only what lost points).

#include <cchc/summary/summary.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cchc {

struct RankedSheet {
    const SheetSummary *sheet = nullptr;
    std::size_t rank = 0; ///< 0: not ranked (the sheet is incomplete)
    std::size_t of = 0;   ///< how many sheets of the same period are ranked
};

/// Ranks within each period (units are ranked against the same year, not
/// against their own past): periods in order, highest index first; ties
/// share a rank and keep the order given.
std::vector<RankedSheet> rank_sheets(const std::vector<const SheetSummary *> &sheets);

enum class ChangeStatus { both, appeared, disappeared };

struct CriterionChange {
    std::string code;
    std::string content;
    Decimal lost_before; ///< 0 when the criterion is not listed before
    Decimal lost_after;  ///< 0 when it is not listed after
    ChangeStatus status = ChangeStatus::both;
    /// Points gained: lost_before − lost_after (negative: more lost).
    Decimal change() const { return lost_before - lost_after; }
};

struct OwnerChange {
    std::string owner;
    Decimal lost_before, lost_after;
    Decimal change() const { return lost_before - lost_after; }
};

struct PeriodComparison {
    const SheetSummary *before = nullptr;
    const SheetSummary *after = nullptr;
    std::vector<CriterionChange> criteria; ///< in code order
    std::vector<OwnerChange> owners;       ///< in order of first appearance, before then after
    Decimal index_change() const { return after->index - before->index; }
};

PeriodComparison compare_periods(const SheetSummary &before, const SheetSummary &after);

/// What `cchc compare` shows: a ranking, or a comparison of two periods.
struct Comparison {
    std::vector<RankedSheet> ranking;
    std::optional<PeriodComparison> periods;
};

} // namespace cchc
