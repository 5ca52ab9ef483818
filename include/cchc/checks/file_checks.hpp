#pragma once
// Loaded file → the findings about the file as a whole: missing-column,
// duplicate-column, encoding-assumed, made from the facts the loader
// records (`FileFacts`); and the findings about a run: too-many-findings,
// mixed-scales. Like every finding, their messages are written here, in
// src/checks.

#include <cchc/base/lang.hpp>
#include <cchc/checks/budget.hpp>
#include <cchc/checks/finding.hpp>
#include <cchc/layout/loader.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace cchc {

/// The findings about `file` as a whole, in this order: encoding-assumed,
/// then missing-column (the file was not read) or duplicate-column.
std::vector<Finding> check_file(const LoadedFile &file, Lang lang);

/// too-many-findings: the findings not shown after the first `shown`, with
/// their counts per severity and rule; at the first one's line, with the
/// worst severity among them.
Finding too_many_findings(const std::string &file, const FindingCounts &dropped, std::size_t shown, Lang lang);

/// mixed-scales: two indexes out of different scales (`first` and `other`,
/// as shown) are ranked together; `file` holds the sheet with `other`.
Finding mixed_scales(const std::string &file, const std::string &first, const std::string &other, Lang lang);

} // namespace cchc
