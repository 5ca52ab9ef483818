// A run's report and the findings budget of a file (see pipeline/report.hpp).
#include <cchc/checks/file_checks.hpp>
#include <cchc/pipeline/report.hpp>

#include <algorithm>

namespace cchc {

std::vector<Finding> FileReport::all_findings() const {
    std::vector<Finding> out = findings;
    for (const SheetSummary &s : sheets)
        out.insert(out.end(), s.findings.begin(), s.findings.end());
    return out;
}

std::vector<Finding> Report::all_findings() const {
    std::vector<Finding> out;
    for (const FileReport &file : files) {
        std::vector<Finding> f = file.all_findings();
        out.insert(out.end(), f.begin(), f.end());
    }
    return out;
}

void DroppedFindings::add(const Finding &finding) {
    if (count++ == 0) first_line = finding.line;
    worst = std::max(worst, finding.severity);
}

void FindingsBudget::take(std::vector<Finding> &findings) {
    const std::size_t room = m_limit - std::min(m_kept, m_limit);
    for (std::size_t i = room; i < findings.size(); ++i)
        m_dropped.add(findings[i]);
    if (findings.size() > room) findings.resize(room);
    m_kept += findings.size();
}

void FindingsBudget::count(const DroppedFindings &dropped) {
    if (dropped.count == 0) return;
    if (m_dropped.count == 0) m_dropped.first_line = dropped.first_line;
    m_dropped.count += dropped.count;
    m_dropped.worst = std::max(m_dropped.worst, dropped.worst);
}

void FindingsBudget::close(std::vector<Finding> &last, const std::string &file, Lang lang) const {
    if (m_dropped.count == 0) return;
    // It points at the first finding not shown.
    last.push_back(too_many_findings(file, m_dropped.first_line, m_dropped.worst, m_dropped.count, m_limit, lang));
}

void apply_budget(FileReport &file, Lang lang) {
    FindingsBudget budget;
    budget.take(file.findings);
    for (SheetSummary &s : file.sheets)
        budget.take(s.findings);
    budget.close(file.sheets.empty() ? file.findings : file.sheets.back().findings, file.loaded.file, lang);
}

} // namespace cchc
