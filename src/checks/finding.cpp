// Finding helpers (see checks/finding.hpp).
#include <cchc/checks/finding.hpp>

#include <algorithm>
#include <utility>

namespace cchc {

Finding make_finding(Rule rule, std::string file, long line, std::string code, std::string message) {
    return make_finding(rule, default_severity(rule), std::move(file), line, std::move(code), std::move(message));
}

Finding make_finding(Rule rule, Severity severity, std::string file, long line, std::string code, std::string message) {
    return Finding{std::move(file), line, std::move(code), rule, severity, std::move(message)};
}

bool has_severity(const std::vector<Finding> &findings, Severity severity) {
    return std::any_of(findings.begin(), findings.end(), [&](const Finding &f) { return f.severity == severity; });
}

} // namespace cchc
