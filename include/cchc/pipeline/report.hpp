#pragma once
// What the pipeline hands to the documents: the summaries of every sheet of
// every file, in the order the files were named, and the findings that
// belong to no sheet (a file whose header could not be found).

#include <cchc/base/lang.hpp>
#include <cchc/checks/budget.hpp>
#include <cchc/layout/loader.hpp>
#include <cchc/summary/summary.hpp>

#include <memory>
#include <string>
#include <vector>

namespace cchc {

struct FileReport {
    LoadedFile loaded; ///< owns the sheets the summaries point into
    std::vector<SheetSummary> sheets;
    std::vector<Finding> findings; ///< about the file, not one sheet
    /// Findings left out by its budget (the last finding shown,
    /// too-many-findings, counts them); null when none was.
    std::unique_ptr<FindingCounts> dropped;

    /// Every finding of the file: its own, then each sheet's.
    std::vector<Finding> all_findings() const;
    /// True when any finding of the file, shown or counted, has `severity`.
    bool has(Severity severity) const;
    /// How many findings of the file have `severity`, shown or counted
    /// (too-many-findings itself is not one of them).
    std::size_t count(Severity severity) const;
    /// Adds the too-many-findings finding after the last one, when `budget`
    /// left any out, and keeps its counts.
    void close_budget(const FindingsBudget &budget, Lang lang);
};

/// Puts `finding` before the file's other findings, within its budget:
/// when the file already shows all it may, its last shown one is counted
/// in too-many-findings instead.
void add_first_finding(FileReport &file, Finding finding, Lang lang);

struct Report {
    std::vector<FileReport> files;

    /// Every finding of every file, in file order.
    std::vector<Finding> all_findings() const;
};

} // namespace cchc
