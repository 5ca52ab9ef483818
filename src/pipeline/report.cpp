// A run's report and the findings budget of a file (see pipeline/report.hpp).
#include <cchc/checks/file_checks.hpp>
#include <cchc/pipeline/report.hpp>

#include <fmt/format.h>

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

void FileReport::limit_findings(std::size_t max, Lang lang, const DroppedFindings &earlier) {
    std::size_t kept = 0;
    std::size_t dropped = 0;
    long first_dropped_line = 0;
    Severity worst = Severity::info;
    auto trim = [&](std::vector<Finding> &list) {
        std::size_t keep = std::min(list.size(), max - kept);
        if (keep < list.size() && first_dropped_line == 0) first_dropped_line = list[keep].line;
        for (std::size_t i = keep; i < list.size(); ++i)
            worst = std::max(worst, list[i].severity);
        dropped += list.size() - keep;
        list.resize(keep);
        kept += keep;
    };
    trim(findings);
    for (SheetSummary &s : sheets)
        trim(s.findings);
    if (earlier.count > 0) {
        if (first_dropped_line == 0) first_dropped_line = earlier.first_line;
        worst = std::max(worst, earlier.worst);
        dropped += earlier.count;
    }
    if (dropped == 0) return;
    std::vector<Finding> &last = sheets.empty() ? findings : sheets.back().findings;
    // It points at the first finding not shown.
    last.push_back(too_many_findings(loaded.file, first_dropped_line, worst, dropped, max, lang));
}

} // namespace cchc
