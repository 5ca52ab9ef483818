// The findings budget (see checks/budget.hpp).
#include <cchc/checks/budget.hpp>
#include <cchc/checks/file_checks.hpp>

#include <algorithm>

namespace cchc {

void FindingCounts::add(Rule rule, Severity severity, long line) {
    if (m_total++ == 0) m_first_line = line;
    ++m_counts[static_cast<std::size_t>(rule)][static_cast<std::size_t>(severity)];
}

void FindingCounts::add_unordered(Rule rule, Severity severity, long line) {
    if (m_total == 0 || line < m_first_line) m_first_line = line;
    ++m_total;
    ++m_counts[static_cast<std::size_t>(rule)][static_cast<std::size_t>(severity)];
}

void FindingCounts::add(const FindingCounts &later) {
    if (later.m_total == 0) return;
    if (m_total == 0) m_first_line = later.m_first_line;
    m_total += later.m_total;
    for (std::size_t r = 0; r < k_rule_count; ++r)
        for (std::size_t s = 0; s < k_severities; ++s)
            m_counts[r][s] += later.m_counts[r][s];
}

bool FindingCounts::any(Severity severity) const {
    return std::any_of(m_counts.begin(), m_counts.end(),
                       [&](const auto &by_severity) { return by_severity[static_cast<std::size_t>(severity)] > 0; });
}

Severity FindingCounts::worst() const {
    for (Severity s : {Severity::error, Severity::warning})
        if (any(s)) return s;
    return Severity::info;
}

void FindingsBudget::take(std::vector<Finding> &findings) {
    const std::size_t keep = std::min(room(), findings.size());
    for (std::size_t i = keep; i < findings.size(); ++i)
        m_dropped.add(findings[i]);
    findings.resize(keep);
    m_kept += keep;
}

void FindingsBudget::close(std::vector<Finding> &last, const std::string &file, Lang lang) const {
    if (m_dropped.total() > 0) last.push_back(too_many_findings(file, m_dropped, m_limit, lang));
}

} // namespace cchc
