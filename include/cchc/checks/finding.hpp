#pragma once
// A finding: one thing wrong (or worth knowing) about a sheet, tied to a
// file, a physical line (and the row a spreadsheet shows, and the cell)
// and usually a criterion code. Findings are values:
// stages collect them and go on; only the exit status depends on them.
// Every rule, with its id, severity and fix, is listed in checks/rules.hpp
// and docs/rules.md. Findings are made in src/checks only.

#include <cchc/checks/rules.hpp>

#include <string>
#include <vector>

namespace cchc {

struct Finding {
    std::string file;
    long line = 0;                    ///< physical line, 0 when the finding is about the whole file
    std::string code;                 ///< criterion code, empty when none
    Rule rule = Rule::missing_column; ///< its id for output: rule_id(rule)
    Severity severity = Severity::error;
    std::string message; ///< in the output language
    /// The row a spreadsheet shows: for a CSV the 1-based record number
    /// (title rows and blank records counted, a quoted line break not), for
    /// a workbook the worksheet's row. 0 when not about a row.
    long row = 0;
    std::string cell{};  ///< the cell's address ("E6") when the finding is about one cell, else empty
    std::string sheet{}; ///< the worksheet of a workbook, empty for a CSV
};

/// A finding of `rule` with the rule's default severity.
Finding make_finding(Rule rule, std::string file, long line, std::string code, std::string message);
/// The same with another severity (too-many-findings takes the worst of those it stands for).
Finding make_finding(Rule rule, Severity severity, std::string file, long line, std::string code, std::string message);

/// True when any finding has `severity`.
bool has_severity(const std::vector<Finding> &findings, Severity severity);

} // namespace cchc
