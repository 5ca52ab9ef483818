#pragma once
// The shared libraries only a workbook needs — libxlsxwriter to write one,
// libzip to read one, and OpenSSL's libcrypto that both bring — are opened
// the first time one of their functions is called, not when cchc starts:
// loading and relocating them took about 1.3 ms of CPU of a 3 ms run on one
// small CSV sheet (see docs/performance.md). A library's functions are
// declared with CCHC_LIBRARY_FUNCTION in a namespace of their own and
// called through it (`lxw::workbook_close(…)`); a call left unqualified
// reaches the real function, which is not linked, and fails to link.
// On Windows (one static cchc.exe) and where CMake found no soname, the
// libraries are linked in and these are the functions themselves.

#include <cchc/base/lang.hpp>

#if defined(CCHC_LAZY_LIBRARIES) && !defined(_WIN32)

namespace cchc::platform {

/// Opens the shared library `soname` once (later calls return at once);
/// throws Error saying, in `lang`, what it is needed for (`purpose`) and
/// which Debian package to install.
void open_library(const char *soname, const char *package, Lang lang, const char *purpose_vi, const char *purpose_en);

/// The function `symbol` of the library `soname`, which open_library (or
/// this, in Vietnamese) has opened; throws Error when it is missing.
void *library_function(const char *soname, const char *package, const char *symbol);

} // namespace cchc::platform

/// `name` of the library (soname, package) behind a stub that looks it up
/// on its first call.
#define CCHC_LIBRARY_FUNCTION(soname, package, name)                                                                   \
    template <typename... Args>                                                                                        \
    inline auto name(Args... args) {                                                                                   \
        static const auto function =                                                                                   \
            reinterpret_cast<decltype(&::name)>(::cchc::platform::library_function(soname, package, #name));           \
        return function(args...);                                                                                      \
    }

#else

namespace cchc::platform {
/// Linked in: nothing to open.
inline void open_library(const char *, const char *, Lang, const char *, const char *) {}
} // namespace cchc::platform

#define CCHC_LIBRARY_FUNCTION(soname, package, name) using ::name;

#endif
