// The table of rules (see checks/rules.hpp). Adding a rule: an enumerator
// in rules.hpp, a row here (in the same place), a section in docs/rules.md.
#include <cchc/checks/rules.hpp>

#include <array>

namespace cchc {

namespace {

using S = Severity;

constexpr std::array k_rules = {
    RuleInfo{Rule::missing_column, "missing-column", S::error, "## missing-column"},
    RuleInfo{Rule::duplicate_column, "duplicate-column", S::warning, "## duplicate-column"},
    RuleInfo{Rule::encoding_assumed, "encoding-assumed", S::info, "## encoding-assumed"},
    RuleInfo{Rule::code_column, "code-column", S::info, "## code-column"},
    RuleInfo{Rule::worksheet_skipped, "worksheet-skipped", S::info, "## worksheet-skipped"},
    RuleInfo{Rule::number_code, "number-code", S::warning, "## number-code"},
    RuleInfo{Rule::bad_number, "bad-number", S::error, "## bad-number"},
    RuleInfo{Rule::too_precise, "too-precise", S::warning, "## too-precise"},
    RuleInfo{Rule::score_negative, "score-negative", S::error, "## score-negative"},
    RuleInfo{Rule::score_above_max, "score-above-max", S::error, "## score-above-max"},
    RuleInfo{Rule::self_above_max, "self-above-max", S::error, "## self-above-max"},
    RuleInfo{Rule::lost_mismatch, "lost-mismatch", S::error, "## lost-mismatch"},
    RuleInfo{Rule::parent_sum_mismatch, "parent-sum-mismatch", S::error, "## parent-sum-mismatch"},
    RuleInfo{Rule::total_mismatch, "total-mismatch", S::error, "## total-mismatch"},
    RuleInfo{Rule::duplicate_code, "duplicate-code", S::error, "## duplicate-code"},
    RuleInfo{Rule::bad_code, "bad-code", S::warning, "## bad-code"},
    RuleInfo{Rule::no_criteria, "no-criteria", S::warning, "## no-criteria"},
    RuleInfo{Rule::not_scored, "not-scored", S::info, "## not-scored"},
    RuleInfo{Rule::not_appraised, "not-appraised", S::info, "## not-appraised"},
    RuleInfo{Rule::owner_filled_down, "owner-filled-down", S::info, "## owner-filled-down"},
    RuleInfo{Rule::catalog_max_mismatch, "catalog-max-mismatch", S::error, "## catalog-max-mismatch"},
    RuleInfo{Rule::unknown_code, "unknown-code", S::warning, "## unknown-code"},
    RuleInfo{Rule::note_fraction_invalid, "note-fraction-invalid", S::warning, "### note-fraction-invalid"},
    RuleInfo{Rule::note_percent_mismatch, "note-percent-mismatch", S::warning, "### note-percent-mismatch"},
    RuleInfo{Rule::score_fraction_mismatch, "score-fraction-mismatch", S::info, "### score-fraction-mismatch"},
    RuleInfo{Rule::too_many_findings, "too-many-findings", S::error, "## too-many-findings"},
    RuleInfo{Rule::mixed_scales, "mixed-scales", S::warning, "## mixed-scales"},
};

constexpr bool in_enum_order() {
    for (std::size_t i = 0; i < k_rules.size(); ++i)
        if (static_cast<std::size_t>(k_rules[i].rule) != i) return false;
    return true;
}
static_assert(in_enum_order(), "k_rules lists the rules in the order of enum class Rule");
static_assert(k_rules.size() == k_rule_count, "every rule has a row in k_rules");

} // namespace

std::string_view severity_name(Severity severity) {
    switch (severity) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
    }
    return "error";
}

std::span<const RuleInfo> all_rules() {
    return k_rules;
}

const RuleInfo &rule_info(Rule rule) {
    return k_rules[static_cast<std::size_t>(rule)];
}

std::optional<Rule> find_rule(std::string_view id) {
    for (const RuleInfo &info : k_rules)
        if (info.id == id) return info.rule;
    return std::nullopt;
}

} // namespace cchc
