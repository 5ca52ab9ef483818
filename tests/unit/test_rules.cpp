// The rule registry (checks/rules.hpp) against docs/rules.md: every rule
// has its section there, with its severity, and every section named like a
// rule id is a rule of the registry.
#include <cchc/checks/finding.hpp>
#include <cchc/checks/rules.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <map>
#include <set>
#include <string>

namespace {

struct Section {
    std::string heading;  ///< the whole line, e.g. "## bad-number"
    std::string severity; ///< the text after "**Severity:** ", empty when none
};

/// The sections of docs/rules.md by title (the heading without its #s).
std::map<std::string, Section> rules_md_sections() {
    std::ifstream in(std::string(CCHC_SOURCE_DIR) + "/docs/rules.md");
    REQUIRE(in);
    std::map<std::string, Section> out;
    Section *current = nullptr;
    bool fenced = false;
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("```", 0) == 0) fenced = !fenced;
        if (fenced) continue;
        if (line.rfind('#', 0) == 0) {
            std::string title = line.substr(line.find_first_not_of('#'));
            title.erase(0, title.find_first_not_of(' '));
            current = &out[title];
            current->heading = line;
            continue;
        }
        const std::string severity = "**Severity:** ";
        if (current != nullptr && current->severity.empty() && line.rfind(severity, 0) == 0)
            current->severity = line.substr(severity.size());
    }
    return out;
}

/// A title that is spelt like a rule id: lower-case words joined by hyphens.
bool looks_like_id(const std::string &title) {
    if (title.empty() || title.front() == '-' || title.back() == '-') return false;
    bool hyphen = false;
    for (char c : title) {
        if (c == '-')
            hyphen = true;
        else if (c < 'a' || c > 'z')
            return false;
    }
    return hyphen;
}

} // namespace

TEST_CASE("the registry lists each rule once, in the order of the enum") {
    REQUIRE(cchc::all_rules().size() == cchc::k_rule_count);
    std::set<std::string_view> ids;
    for (std::size_t i = 0; i < cchc::all_rules().size(); ++i) {
        const cchc::RuleInfo &info = cchc::all_rules()[i];
        CAPTURE(info.id);
        CHECK(static_cast<std::size_t>(info.rule) == i);
        CHECK(&cchc::rule_info(info.rule) == &info);
        CHECK(looks_like_id(std::string(info.id)));
        CHECK(ids.insert(info.id).second);
        CHECK(cchc::find_rule(info.id) == info.rule);
    }
    CHECK_FALSE(cchc::find_rule("no-such-rule").has_value());
}

TEST_CASE("every rule has its section in docs/rules.md, with its severity") {
    const std::map<std::string, Section> sections = rules_md_sections();
    for (const cchc::RuleInfo &info : cchc::all_rules()) {
        CAPTURE(info.id);
        auto it = sections.find(std::string(info.id));
        if (it == sections.end()) {
            FAIL_CHECK("docs/rules.md has no section for this rule");
            continue;
        }
        CHECK(it->second.heading == info.heading);
        const std::string &severity = it->second.severity;
        std::string first_word = severity.substr(0, severity.find_first_of(" ."));
        if (info.rule == cchc::Rule::too_many_findings)
            CHECK(severity.rfind("the most severe", 0) == 0); // it takes the worst it stands for
        else
            CHECK(first_word == cchc::severity_name(info.severity));
    }
}

TEST_CASE("every section of docs/rules.md named like a rule id is a rule of the registry") {
    for (const auto &[title, section] : rules_md_sections()) {
        if (!looks_like_id(title)) continue;
        CAPTURE(section.heading);
        CHECK_MESSAGE(cchc::find_rule(title).has_value(), "docs/rules.md documents a rule the registry does not have");
    }
}

TEST_CASE("make_finding gives the rule's severity unless told another") {
    cchc::Finding f = cchc::make_finding(cchc::Rule::duplicate_column, "f.csv", 1, "", "m");
    CHECK(f.rule == cchc::Rule::duplicate_column);
    CHECK(f.severity == cchc::Severity::warning);
    CHECK(cchc::rule_id(f.rule) == "duplicate-column");
    cchc::Finding g = cchc::make_finding(cchc::Rule::too_many_findings, cchc::Severity::info, "f.csv", 9, "", "m");
    CHECK(g.severity == cchc::Severity::info);
    CHECK(g.line == 9);
}
