#pragma once
// What the pipeline hands to the documents: the summaries of every sheet of
// every file, in the order the files were named, and the findings that
// belong to no sheet (a file whose header could not be found).

#include <cchc/base/lang.hpp>
#include <cchc/model/loader.hpp>
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

    /// Keeps the first `max` findings of the file and replaces the rest by
    /// one `too-many-findings` finding that counts them and has the worst
    /// severity among them, so the exit status stays the same.
    /// `earlier`: findings already left out, which came after all of these.
    void limit_findings(std::size_t max, Lang lang, const DroppedFindings &earlier = {});
};

/// The most findings printed for one file; a sheet of garbage could have
/// millions.
inline constexpr std::size_t k_max_findings_per_file = 1000;

struct Report {
    std::vector<FileReport> files;

    /// Every finding of every file, in file order.
    std::vector<Finding> all_findings() const;
};

} // namespace cchc
