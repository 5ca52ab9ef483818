// Shared libraries opened on first use (platform/library.hpp).
#include <cchc/base/error.hpp>
#include <cchc/platform/library.hpp>

#include <doctest/doctest.h>

#include <cstring>

#if defined(CCHC_LAZY_LIBRARIES) && !defined(_WIN32)

using cchc::Lang;

TEST_CASE("a library that cannot be opened names itself, what it is for and the package to install") {
    CHECK_THROWS_WITH_AS(cchc::platform::open_library("libcchc-missing.so.9", "libcchc-missing9", Lang::en,
                                                      "đọc sổ tính", "read a workbook"),
                         doctest::Contains("cannot open the library libcchc-missing.so.9 to read a workbook ("),
                         cchc::Error);
    CHECK_THROWS_WITH_AS(cchc::platform::open_library("libcchc-missing.so.9", "libcchc-missing9", Lang::en,
                                                      "đọc sổ tính", "read a workbook"),
                         doctest::Contains("install the package libcchc-missing9: apt-get install libcchc-missing9"),
                         cchc::Error);
    CHECK_THROWS_WITH_AS(cchc::platform::open_library("libcchc-missing.so.9", "libcchc-missing9", Lang::vi,
                                                      "đọc sổ tính", "read a workbook"),
                         doctest::Contains("không mở được thư viện libcchc-missing.so.9 để đọc sổ tính"), cchc::Error);
}

TEST_CASE("a library's function is found once the library is open, and a missing one is an error") {
    cchc::platform::open_library("libc.so.6", "libc6", Lang::en, "", "");
    auto *length =
        reinterpret_cast<decltype(&std::strlen)>(cchc::platform::library_function("libc.so.6", "libc6", "strlen"));
    REQUIRE(reinterpret_cast<void *>(length) != nullptr);
    CHECK(length("cchc") == 4);
    CHECK_THROWS_WITH_AS(cchc::platform::library_function("libc.so.6", "libc6", "cchc_no_such_function"),
                         doctest::Contains("has no function cchc_no_such_function; reinstall the package libc6"),
                         cchc::Error);
}

#endif
