#pragma once
// Shared by the fuzz targets: untrusted bytes as a RawInput, a small JSON
// syntax check, and a failed property that stops the fuzzer with a message.

#include <cchc/input/encoding.hpp>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace cchc::fuzz {

[[noreturn]] inline void violated(const char *what, std::string_view detail = {}) {
    std::fprintf(stderr, "property violated: %s\n%.*s\n", what, static_cast<int>(detail.size()), detail.data());
    std::abort();
}

#define FUZZ_REQUIRE(cond, detail)                                                                                     \
    do {                                                                                                               \
        if (!(cond)) ::cchc::fuzz::violated(#cond, detail);                                                            \
    } while (0)

/// True when `text` is one JSON value (RFC 8259 syntax), nothing after it.
class JsonChecker {
public:
    explicit JsonChecker(std::string_view text) : m_s(text) {}
    bool valid() {
        skip();
        if (!value()) return false;
        skip();
        return m_i == m_s.size();
    }

private:
    void skip() {
        while (m_i < m_s.size() && (m_s[m_i] == ' ' || m_s[m_i] == '\n' || m_s[m_i] == '\r' || m_s[m_i] == '\t'))
            ++m_i;
    }
    bool literal(std::string_view word) {
        if (m_s.substr(m_i, word.size()) != word) return false;
        m_i += word.size();
        return true;
    }
    bool string() {
        if (m_i >= m_s.size() || m_s[m_i] != '"') return false;
        for (++m_i; m_i < m_s.size(); ++m_i) {
            unsigned char c = static_cast<unsigned char>(m_s[m_i]);
            if (c == '"') {
                ++m_i;
                return true;
            }
            if (c < 0x20) return false;
            if (c == '\\') {
                if (++m_i >= m_s.size()) return false;
                char e = m_s[m_i];
                if (e == 'u') {
                    for (int k = 0; k < 4; ++k)
                        if (++m_i >= m_s.size() || !std::isxdigit(static_cast<unsigned char>(m_s[m_i]))) return false;
                } else if (std::strchr("\"\\/bfnrt", e) == nullptr || e == '\0') {
                    return false;
                }
            }
        }
        return false;
    }
    bool number() {
        std::size_t start = m_i;
        if (m_i < m_s.size() && m_s[m_i] == '-') ++m_i;
        if (m_i >= m_s.size() || !std::isdigit(static_cast<unsigned char>(m_s[m_i]))) return false;
        if (m_s[m_i] == '0' && m_i + 1 < m_s.size() && std::isdigit(static_cast<unsigned char>(m_s[m_i + 1])))
            return false;
        while (m_i < m_s.size() && std::isdigit(static_cast<unsigned char>(m_s[m_i])))
            ++m_i;
        if (m_i < m_s.size() && m_s[m_i] == '.') {
            ++m_i;
            if (m_i >= m_s.size() || !std::isdigit(static_cast<unsigned char>(m_s[m_i]))) return false;
            while (m_i < m_s.size() && std::isdigit(static_cast<unsigned char>(m_s[m_i])))
                ++m_i;
        }
        return m_i > start;
    }
    bool value() {
        if (++m_depth > 64) return false;
        skip();
        if (m_i >= m_s.size()) return false;
        bool ok = false;
        char c = m_s[m_i];
        if (c == '{')
            ok = members('}', true);
        else if (c == '[')
            ok = members(']', false);
        else if (c == '"')
            ok = string();
        else if (c == 't')
            ok = literal("true");
        else if (c == 'f')
            ok = literal("false");
        else if (c == 'n')
            ok = literal("null");
        else
            ok = number();
        --m_depth;
        return ok;
    }
    bool members(char close, bool object) {
        ++m_i;
        skip();
        if (m_i < m_s.size() && m_s[m_i] == close) {
            ++m_i;
            return true;
        }
        for (;;) {
            skip();
            if (object) {
                if (!string()) return false;
                skip();
                if (m_i >= m_s.size() || m_s[m_i++] != ':') return false;
            }
            if (!value()) return false;
            skip();
            if (m_i >= m_s.size()) return false;
            char c = m_s[m_i++];
            if (c == close) return true;
            if (c != ',') return false;
        }
    }

    std::string_view m_s;
    std::size_t m_i = 0;
    int m_depth = 0;
};

} // namespace cchc::fuzz
