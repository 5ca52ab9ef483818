// Finding helpers (see checks/finding.hpp).
#include <cchc/checks/finding.hpp>

#include <algorithm>

namespace cchc {

std::string_view severity_name(Severity severity) {
    switch (severity) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
    }
    return "error";
}

bool has_severity(const std::vector<Finding> &findings, Severity severity) {
    return std::any_of(findings.begin(), findings.end(), [&](const Finding &f) { return f.severity == severity; });
}

} // namespace cchc
