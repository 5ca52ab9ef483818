// A run's report and a file's findings budget (see pipeline/report.hpp).
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

bool FileReport::has(Severity severity) const {
    auto is = [severity](const Finding &f) { return f.severity == severity; };
    // (too-many-findings has the worst severity of those it counts)
    return std::any_of(findings.begin(), findings.end(), is) ||
           std::any_of(sheets.begin(), sheets.end(),
                       [&](const SheetSummary &s) { return std::any_of(s.findings.begin(), s.findings.end(), is); });
}

std::size_t FileReport::count(Severity severity) const {
    auto in = [severity](const std::vector<Finding> &list) {
        return static_cast<std::size_t>(std::count_if(list.begin(), list.end(), [&](const Finding &f) {
            return f.severity == severity && f.rule != Rule::too_many_findings;
        }));
    };
    std::size_t n = in(findings);
    for (const SheetSummary &s : sheets)
        n += in(s.findings);
    if (dropped)
        for (const RuleInfo &rule : all_rules())
            n += dropped->count(rule.rule, severity);
    return n;
}

void FileReport::close_budget(const FindingsBudget &budget, Lang lang) {
    if (budget.dropped().total() == 0) return;
    dropped = std::make_unique<FindingCounts>(budget.dropped());
    budget.close(sheets.empty() ? findings : sheets.back().findings, loaded.file, lang);
}

void add_first_finding(FileReport &file, Finding finding, Lang lang) {
    file.findings.insert(file.findings.begin(), std::move(finding));
    if (!file.dropped) return;
    // The list that ends with too-many-findings; the last shown one is
    // before it (in that list, or in an earlier one when it is alone).
    std::vector<Finding> *last = file.sheets.empty() ? &file.findings : &file.sheets.back().findings;
    last->pop_back();
    std::vector<Finding> *shown = last;
    for (std::size_t i = file.sheets.size(); shown->empty() && i > 0; --i)
        shown = i >= 2 ? &file.sheets[i - 2].findings : &file.findings;
    FindingCounts dropped;
    dropped.add(shown->back()); // it now comes first among those not shown
    dropped.add(*file.dropped);
    shown->pop_back();
    *file.dropped = dropped;
    last->push_back(too_many_findings(file.loaded.file, dropped, k_max_findings_per_file, lang));
}

std::vector<Finding> Report::all_findings() const {
    std::vector<Finding> out;
    for (const FileReport &file : files) {
        std::vector<Finding> f = file.all_findings();
        out.insert(out.end(), f.begin(), f.end());
    }
    return out;
}

} // namespace cchc
