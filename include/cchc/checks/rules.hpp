#pragma once
// The rules: each finding names one. A rule has a stable id (what every
// output shows, e.g. "score-above-max"), a default severity and a section
// in docs/rules.md; the table of them is in src/checks/rules.cpp, the only
// place the ids are written.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace cchc {

enum class Severity { info, warning, error };

std::string_view severity_name(Severity severity);

enum class Rule : std::uint8_t {
    // About the file as a whole, from the loader's facts (src/checks/file_checks.cpp).
    missing_column,
    duplicate_column,
    encoding_assumed,
    code_column,
    worksheet_skipped,
    number_code,
    // About a sheet's rows (src/checks/checks.cpp).
    bad_number,
    too_precise,
    score_negative,
    score_above_max,
    self_above_max,
    lost_mismatch,
    parent_sum_mismatch,
    total_mismatch,
    duplicate_code,
    bad_code,
    no_criteria,
    not_scored,
    not_appraised,
    owner_filled_down,
    catalog_max_mismatch,
    unknown_code,
    note_fraction_invalid,
    note_percent_mismatch,
    score_fraction_mismatch,
    // About a run (src/checks/file_checks.cpp; too-many-findings from the budget, src/checks/budget.cpp).
    too_many_findings,
    mixed_scales, // the last one: k_rule_count below names it
};

inline constexpr std::size_t k_rule_count = static_cast<std::size_t>(Rule::mixed_scales) + 1;

struct RuleInfo {
    Rule rule;
    std::string_view id;      ///< stable, e.g. "score-above-max"
    Severity severity;        ///< the severity its findings have (too-many-findings: the worst it stands for)
    std::string_view heading; ///< its section heading in docs/rules.md
};

/// Every rule, in the order of the enum.
std::span<const RuleInfo> all_rules();
const RuleInfo &rule_info(Rule rule);
inline std::string_view rule_id(Rule rule) {
    return rule_info(rule).id;
}
inline Severity default_severity(Rule rule) {
    return rule_info(rule).severity;
}
/// The rule whose id is `id`, if any.
std::optional<Rule> find_rule(std::string_view id);

} // namespace cchc
