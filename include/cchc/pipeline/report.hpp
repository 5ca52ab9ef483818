#pragma once
// What the pipeline hands to the documents: the summaries of every sheet of
// every file, in the order the files were named, and the findings that
// belong to no sheet (a file whose header could not be found).

#include <cchc/base/lang.hpp>
#include <cchc/layout/loader.hpp>
#include <cchc/summary/summary.hpp>

#include <string>
#include <vector>

namespace cchc {

/// Findings left out of a file's report before it was complete (while its
/// sheets were streamed), to be counted in its `too-many-findings`.
struct DroppedFindings {
    std::size_t count = 0;
    Severity worst = Severity::info;
    long first_line = 0; ///< of the first one left out

    void add(const Finding &finding);
};

struct FileReport {
    LoadedFile loaded; ///< owns the sheets the summaries point into
    std::vector<SheetSummary> sheets;
    std::vector<Finding> findings; ///< about the file, not one sheet

    /// Every finding of the file: its own, then each sheet's.
    std::vector<Finding> all_findings() const;
};

/// The most findings printed for one file; a sheet of garbage could have
/// millions.
inline constexpr std::size_t k_max_findings_per_file = 1000;

/// The findings a file shows: the first `limit` in the order they print;
/// the rest are only counted, and named at the end by one
/// `too-many-findings` finding with the worst severity among them, so the
/// exit status stays the same. Fed in print order: lists it trims, and
/// counts another budget already left out at that point.
class FindingsBudget {
public:
    explicit FindingsBudget(std::size_t limit = k_max_findings_per_file) : m_limit(limit) {}

    /// Keeps what fits of `findings`, counts and removes the rest.
    void take(std::vector<Finding> &findings);
    /// Findings left out elsewhere, which come here in print order.
    void count(const DroppedFindings &dropped);
    const DroppedFindings &dropped() const { return m_dropped; }
    /// Adds the `too-many-findings` finding to `last` when any was left out.
    void close(std::vector<Finding> &last, const std::string &file, Lang lang) const;

private:
    std::size_t m_limit;
    std::size_t m_kept = 0;
    DroppedFindings m_dropped;
};

/// Holds a whole file's findings to one budget: its own first, then each
/// sheet's; the `too-many-findings` finding goes last.
void apply_budget(FileReport &file, Lang lang);

struct Report {
    std::vector<FileReport> files;

    /// Every finding of every file, in file order.
    std::vector<Finding> all_findings() const;
};

} // namespace cchc
