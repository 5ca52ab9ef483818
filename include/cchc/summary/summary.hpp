#pragma once
// Sheet → numbers. Sums per domain, per owner and per sheet from leaf rows
// only; the index (N − Σlost with --out-of N, else Σappraised); the rating
// from bands; and the criteria that lost most. No text is made here: the
// renderers turn these numbers into tables.

#include <cchc/base/lang.hpp>
#include <cchc/checks/finding.hpp>
#include <cchc/model/decimal.hpp>
#include <cchc/model/sheet.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cchc {

struct Sums {
    std::size_t count = 0;
    Decimal max, self, appraised, lost;
    Decimal scored;                  ///< Σ of the scores the index is made of: appraised, or self before appraisal
    std::size_t self_count = 0;      ///< rows whose self score was given
    std::size_t appraised_count = 0; ///< rows whose appraised score was given

    /// `self_basis`: the sheet is not appraised yet; its self scores count.
    /// Inline: it runs for every leaf, three times.
    void add(const Row &leaf, bool self_basis = false) {
        ++count;
        Decimal m = leaf.max.value_or_zero();
        Decimal a = leaf.appraised.value_or_zero();
        Decimal s = self_basis ? leaf.self.value_or_zero() : a;
        max += m;
        appraised += a;
        scored += s;
        lost += m - s;
        if (leaf.appraised.given()) ++appraised_count;
        if (leaf.self.given()) {
            self += leaf.self.number.value;
            ++self_count;
        }
    }
    /// scored / max in hundredths of a percent; none when max is 0.
    std::optional<WideInt> achievement() const;
};

struct Group {
    std::string name; ///< domain number, or owner name as first written ("" for none)
    Sums sums;
};

struct CriterionResult {
    const Row *row = nullptr;
    Decimal lost;                           ///< max − appraised
    std::optional<WideInt> achievement;     ///< hundredths of a percent
    std::optional<Decimal> over_estimation; ///< self − appraised, when self is given
};

struct RatingBand {
    std::string name;
    std::optional<Decimal> threshold; ///< none: every index below the others
};

/// Parses "Xuất sắc=95,Tốt=90,Khá=80,Trung bình=70,Yếu". Throws Error.
std::vector<RatingBand> parse_rating_bands(const std::string &text, Lang lang);
const std::vector<RatingBand> &default_rating_bands();

struct SummaryOptions {
    std::optional<Decimal> out_of;
    std::vector<RatingBand> bands = default_rating_bands();
    std::size_t top = 0;
    /// False: no per-criterion results (`criteria` and `top` stay empty),
    /// for callers that only show totals, domains and owners.
    bool criteria = true;
};

struct SheetSummary {
    const Sheet *sheet = nullptr;
    Sums totals; ///< the rows of the scale
    /// Rows outside the scale (Row::extra): their scores are added to (bonus)
    /// or, as magnitudes, taken off (penalty) the index.
    Sums bonus, penalty;
    Decimal index;      ///< base + bonus − penalty
    Decimal base;       ///< what the index is out of: N, or Σmax
    std::string rating; ///< empty when incomplete
    /// A criterion's max or score cannot be read or is missing: the index is
    /// not the sheet's, so it is neither rated nor ranked.
    bool incomplete = false;
    std::vector<Group> domains;            ///< in code order
    std::vector<Group> owners;             ///< in order of first appearance
    std::vector<CriterionResult> criteria; ///< leaves, in sheet order
    std::vector<CriterionResult> top;      ///< by points lost, then code
    std::vector<Finding> findings;
};

SheetSummary summarise(const Sheet &sheet, const SummaryOptions &options);

/// The rating of `index` out of `base` (bands are percentages of the base).
std::string rate(Decimal index, Decimal base, const std::vector<RatingBand> &bands);

} // namespace cchc
