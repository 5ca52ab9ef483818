#pragma once
// The one exception type of cchc: a failure that stops a file or the run
// (no such file, unreadable bytes, bad option). Bad data inside a readable
// sheet is not an error but a finding (see checks/finding.hpp). `main` maps this to
// exit status 2.

#include <stdexcept>
#include <string>

namespace cchc {

class Error : public std::runtime_error {
public:
    explicit Error(const std::string &message) : std::runtime_error(message) {}
};

/// An error tied to a place in an input file: printed as
/// "file:line: error: message".
class InputError : public Error {
public:
    InputError(std::string file, long line, const std::string &message)
        : Error(message), m_file(std::move(file)), m_line(line) {}
    const std::string &file() const { return m_file; }
    long line() const { return m_line; }

private:
    std::string m_file;
    long m_line;
};

} // namespace cchc
