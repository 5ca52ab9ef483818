#pragma once
// Sheet → findings. Every rule of SPEC section 5 that looks at a sheet's
// numbers and codes lives here (those about a whole file or run in
// file_checks.hpp); each check collects its findings and goes on, so one
// pass reports everything. Checks never print.

#include <cchc/base/lang.hpp>
#include <cchc/checks/budget.hpp>
#include <cchc/checks/file_checks.hpp>
#include <cchc/checks/finding.hpp>
#include <cchc/model/catalog.hpp>
#include <cchc/model/sheet.hpp>

#include <vector>

namespace cchc {

struct CheckOptions {
    Lang lang = Lang::vi;
    const Catalog *catalog = nullptr; ///< --criteria, when given
    /// False: info findings are not made (cchc check without --verbose).
    bool info = true;
    /// Findings a file keeps with their messages; the rest are only
    /// counted. 0 for an output with no place for findings (csv, tsv).
    std::size_t kept = k_max_findings_per_file;
};

/// Every finding of the sheet, in print order.
std::vector<Finding> check_sheet(const Sheet &sheet, const CheckOptions &options);
/// The findings of the sheet that fit in `budget`, in print order; the
/// others are only counted in it (their messages are never written).
std::vector<Finding> check_sheet(const Sheet &sheet, const CheckOptions &options, FindingsBudget &budget);

} // namespace cchc
