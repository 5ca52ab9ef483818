#pragma once
// A finding: one thing wrong (or worth knowing) about a sheet, tied to a
// file, a physical line and usually a criterion code. Findings are values:
// stages collect them and go on; only the exit status depends on them.
// Every rule id is listed, with its severity and fix, in docs/rules.md.

#include <string>
#include <vector>

namespace cchc {

enum class Severity { info, warning, error };

std::string_view severity_name(Severity severity);

struct Finding {
    std::string file;
    long line = 0;    ///< physical line, 0 when the finding is about the whole file
    std::string code; ///< criterion code, empty when none
    std::string rule; ///< stable id, e.g. "score-above-max"
    Severity severity = Severity::error;
    std::string message; ///< in the output language
};

/// True when any finding has `severity`.
bool has_severity(const std::vector<Finding> &findings, Severity severity);

} // namespace cchc
