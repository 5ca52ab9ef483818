// The platform layer (platform/platform.hpp): a file found in a folder is
// named as the user wrote the folder; a file's name without its folders;
// on Windows, an output another program holds open.
#include <cchc/platform/platform.hpp>

#include <doctest/doctest.h>

#ifdef _WIN32
#include <cchc/base/lang.hpp>

#include <fstream>
#include <iterator>
#include <string>
#include <windows.h>
#endif

using cchc::platform::join_found;

TEST_CASE("a file found in a folder keeps the folder as it was written") {
    CHECK(join_found("samples/", "a.csv") == "samples/a.csv");
    CHECK(join_found("samples/wards", "/sub/a.csv") == "samples/wards/sub/a.csv");
#ifdef _WIN32
    // What std::filesystem gives on Windows: '\' before each name found.
    CHECK(join_found("samples/wards", "\\sub\\a.csv") == "samples/wards/sub/a.csv");
    CHECK(join_found("samples\\", "a.csv") == "samples\\a.csv");
    CHECK(join_found("C:\\x", "\\sub\\a.csv") == "C:\\x\\sub\\a.csv");
    CHECK(join_found("wards", "\\a.csv") == "wards\\a.csv");
    CHECK(join_found("C:", "a.csv") == "C:a.csv");
#else
    CHECK(join_found("samples", "/a.csv") == "samples/a.csv");
    // A backslash is a letter of a POSIX file name.
    CHECK(join_found("a\\b", "/c\\d.csv") == "a\\b/c\\d.csv");
#endif
}

TEST_CASE("a file's name is what follows its last folder") {
    using cchc::platform::file_name;
    CHECK(file_name("samples/wards/phuong-1-2022.csv") == "phuong-1-2022.csv");
    CHECK(file_name("sheet.csv") == "sheet.csv");
#ifdef _WIN32
    CHECK(file_name("C:\\Users\\van-thu\\bang-diem.csv") == "bang-diem.csv");
    CHECK(file_name("C:bang-diem.csv") == "bang-diem.csv");
#else
    CHECK(file_name("a\\b.csv") == "a\\b.csv");
#endif
}

#ifdef _WIN32
TEST_CASE("--output onto a file another program holds open (Excel) says to close it there") {
    // Excel opens a workbook without sharing it: the file cannot be replaced.
    const std::string path = cchc::platform::temp_folder() + "\\cchc-held-open.xlsx";
    std::ofstream(path) << "old";
    HANDLE held = CreateFileA(path.c_str(), GENERIC_READ, 0, nullptr, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    REQUIRE(held != INVALID_HANDLE_VALUE);
    const std::string message = cchc::platform::write_file(path, "new", cchc::Lang::vi);
    CloseHandle(held);
    CHECK(message.find("đóng tệp trong Excel rồi chạy lại") != std::string::npos);
    // Nothing is left beside it, and it was not changed.
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    CHECK(text == "old");
    DeleteFileA(path.c_str());
}
#endif
