#pragma once
// The findings budget: a file shows its first 1000 findings, in the order
// they print; the rest are counted per rule and severity, never written
// out, and named at the end by one too-many-findings finding. The checks
// take the budget as they go, so a sheet of garbage with millions of
// findings costs a count each past the first thousand, not a message.

#include <cchc/base/lang.hpp>
#include <cchc/checks/finding.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace cchc {

/// The most findings printed for one file; a sheet of garbage could have
/// millions.
inline constexpr std::size_t k_max_findings_per_file = 1000;

/// Findings left out, counted exactly per rule and severity.
class FindingCounts {
public:
    /// Counts one more finding, which comes after those counted in print order.
    void add(Rule rule, Severity severity, long line);
    void add(const Finding &finding) { add(finding.rule, finding.severity, finding.line); }
    /// Counts one more finding of a sheet whose checks run pass by pass
    /// (each pass in line order): the first in print order is the lowest line.
    void add_unordered(Rule rule, Severity severity, long line);
    /// Counts of findings that come after these ones in print order.
    void add(const FindingCounts &later);

    std::size_t total() const { return m_total; }
    std::size_t count(Rule rule, Severity severity) const {
        return m_counts[static_cast<std::size_t>(rule)][static_cast<std::size_t>(severity)];
    }
    bool any(Severity severity) const;
    Severity worst() const;
    /// The line of the first one in print order.
    long first_line() const { return m_first_line; }

private:
    static constexpr std::size_t k_severities = 3;
    std::array<std::array<std::size_t, k_severities>, k_rule_count> m_counts{};
    std::size_t m_total = 0;
    long m_first_line = 0;
};

/// A file's budget, fed in print order: the file's own findings, then each
/// sheet's (the checks keep at most room() of theirs and count the rest).
class FindingsBudget {
public:
    explicit FindingsBudget(std::size_t limit = k_max_findings_per_file) : m_limit(limit) {}

    /// How many more findings can be shown.
    std::size_t room() const { return m_kept < m_limit ? m_limit - m_kept : 0; }
    /// Keeps what fits of `findings`, counts and removes the rest.
    void take(std::vector<Finding> &findings);
    /// Findings left out before they reached here (by the checks, or by
    /// another budget), which come next in print order.
    void count(const FindingCounts &later) { m_dropped.add(later); }
    const FindingCounts &dropped() const { return m_dropped; }
    /// Adds the too-many-findings finding to `last` when any was left out.
    void close(std::vector<Finding> &last, const std::string &file, Lang lang) const;

private:
    std::size_t m_limit;
    std::size_t m_kept = 0;
    FindingCounts m_dropped;
};

} // namespace cchc
