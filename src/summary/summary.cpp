// HOT: every row of every sheet is summed here; guarded by the W2 and W3 workloads of bench/.
// Sheet → numbers (see summary.hpp).
#include <cchc/base/error.hpp>
#include <cchc/summary/summary.hpp>
#include <cchc/text/unicode.hpp>
#include <cchc/text/view_map.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

namespace cchc {

std::optional<WideInt> Sums::achievement() const {
    if (max.units() <= 0) return std::nullopt;
    return percent_hundredths(scored.units(), max.units());
}

const std::vector<RatingBand> &default_rating_bands() {
    static const std::vector<RatingBand> bands = {
        {"Tốt", Decimal::from_int(90)},
        {"Khá", Decimal::from_int(80)},
        {"Trung bình", Decimal::from_int(70)},
        {"Yếu", std::nullopt},
    };
    return bands;
}

std::vector<RatingBand> parse_rating_bands(const std::string &text, Lang lang) {
    std::vector<RatingBand> bands;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(',', start);
        if (end == std::string::npos) end = text.size();
        std::string item = collapse_space(std::string_view(text).substr(start, end - start));
        start = end + 1;
        if (item.empty()) continue;
        std::size_t eq = item.find('=');
        RatingBand band;
        band.name = to_nfc(collapse_space(item.substr(0, eq)));
        if (eq != std::string::npos) {
            ParsedNumber n = parse_number(item.substr(eq + 1));
            if (n.status != ParsedNumber::Status::ok || n.value.is_negative())
                throw Error(fmt::format(
                    fmt::runtime(pick(lang, "--rating: \"{}\" cần một số ngưỡng sau '=', ví dụ \"Tốt=90\"",
                                      "--rating: \"{}\" needs a threshold number after '=', e.g. \"Tốt=90\"")),
                    item));
            band.threshold = n.value;
        }
        if (band.name.empty())
            throw Error(fmt::format(fmt::runtime(pick(lang, "--rating: \"{}\" thiếu tên mức trước '='",
                                                      "--rating: \"{}\" has no name before '='")),
                                    item));
        bands.push_back(band);
    }
    if (bands.empty())
        throw Error(std::string(pick(lang, "--rating: hãy ghi các mức như \"Tốt=90,Khá=80,Trung bình=70,Yếu\"",
                                     "--rating: give bands like \"Tốt=90,Khá=80,Trung bình=70,Yếu\"")));
    // Highest threshold first; a band without one catches the rest.
    std::stable_sort(bands.begin(), bands.end(), [](const RatingBand &a, const RatingBand &b) {
        if (a.threshold.has_value() != b.threshold.has_value()) return a.threshold.has_value();
        return a.threshold.has_value() && *a.threshold > *b.threshold;
    });
    return bands;
}

std::string rate(Decimal index, Decimal base, const std::vector<RatingBand> &bands) {
    if (base.units() <= 0) return {};
    for (const RatingBand &band : bands) {
        if (!band.threshold) return band.name;
        // index / base × 100 ≥ threshold, compared exactly.
        WideInt lhs = static_cast<WideInt>(index.units()) * 100 * Decimal::k_scale;
        WideInt rhs = static_cast<WideInt>(band.threshold->units()) * base.units();
        if (lhs >= rhs) return band.name;
    }
    return {};
}

SheetSummary summarise(const Sheet &sheet, const SummaryOptions &options) {
    SheetSummary out;
    out.sheet = &sheet;
    std::map<std::string, Group, bool (*)(const std::string &, const std::string &)> domains(&code_less);
    static thread_local ViewMap<std::size_t> owner_index; // views of the rows' owners
    owner_index.clear(16);
    Group *last_domain = nullptr;
    const bool self_basis = sheet.self_assessment;
    for (const Row &row : sheet.rows) {
        if (row.kind != RowKind::criterion) continue;
        if (row.extra != Extra::none) {
            // Outside the scale: a penalty counts by its size, written -1 or 1.
            Row magnitude;
            const Row *counted = &row;
            if (row.extra == Extra::penalty &&
                (row.appraised.value_or_zero().is_negative() || row.self.value_or_zero().is_negative())) {
                magnitude.max = row.max;
                magnitude.self = row.self;
                magnitude.appraised = row.appraised;
                for (Score *s : {&magnitude.self, &magnitude.appraised})
                    if (s->given() && s->number.value.is_negative()) s->number.value = Decimal() - s->number.value;
                counted = &magnitude;
            }
            (row.extra == Extra::bonus ? out.bonus : out.penalty).add(*counted, self_basis);
            continue;
        }
        out.totals.add(row, self_basis);
        const Score &basis = self_basis ? row.self : row.appraised;
        if (!row.max.given() || !basis.given()) out.incomplete = true;
        // Rows of one domain usually follow each other: try the last one first.
        std::string_view name = row.domain();
        if (last_domain == nullptr || last_domain->name != name) {
            last_domain = &domains[std::string(name)];
            last_domain->name = name;
        }
        last_domain->sums.add(row, self_basis);
        // Owners group on their NFC, space-collapsed spelling (done by the loader).
        bool added = false;
        std::size_t &owner = owner_index.get(row.owner, added);
        if (added) {
            owner = out.owners.size();
            out.owners.push_back(Group{row.owner, {}});
        }
        out.owners[owner].sums.add(row, self_basis);
        if (!options.criteria) continue;

        CriterionResult result;
        result.row = &row;
        Decimal max = row.max.value_or_zero();
        const Decimal scored = basis.value_or_zero();
        result.lost = max - scored;
        if (max.units() > 0) result.achievement = percent_hundredths(scored.units(), max.units());
        if (row.self.given() && !self_basis) result.over_estimation = row.self.number.value - scored;
        out.criteria.push_back(result);
    }
    for (auto &[name, group] : domains)
        out.domains.push_back(std::move(group));

    out.base = options.out_of ? *options.out_of : out.totals.max;
    out.index = options.out_of ? *options.out_of - out.totals.lost : out.totals.scored;
    out.index = out.index + out.bonus.scored - out.penalty.scored;
    // A blank template has an index but nothing has been rated yet.
    bool template_only = out.totals.count == 0 && std::any_of(sheet.rows.begin(), sheet.rows.end(),
                                                              [](const Row &r) { return r.kind == RowKind::unscored; });
    out.rating = template_only || out.incomplete ? std::string() : rate(out.index, out.base, options.bands);

    if (options.top > 0 && options.criteria) {
        out.top = out.criteria;
        std::stable_sort(out.top.begin(), out.top.end(), [](const CriterionResult &a, const CriterionResult &b) {
            if (a.lost != b.lost) return a.lost > b.lost;
            return code_less(a.row->code, b.row->code);
        });
        if (out.top.size() > options.top) out.top.resize(options.top);
    }
    return out;
}

} // namespace cchc
