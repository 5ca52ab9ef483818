// The platform layer (platform/platform.hpp): a file found in a folder is
// named as the user wrote the folder; a file's name without its folders;
// --output replaced whole, and on Windows one another program holds open.
#include <cchc/platform/platform.hpp>

#include <doctest/doctest.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#ifndef _WIN32
#include <unistd.h>
#endif

#ifdef _WIN32
#include <io.h>
#include <windows.h>
#endif

using cchc::platform::join_found;

namespace {

std::string text_of(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::size_t entries_in(const std::string &folder) {
    return static_cast<std::size_t>(
        std::distance(std::filesystem::directory_iterator(folder), std::filesystem::directory_iterator()));
}

/// All of `text` onto `fd` (the C runtime's write on Windows).
bool write_to(int fd, std::string_view text) {
    while (!text.empty()) {
#ifdef _WIN32
        const int n = _write(fd, text.data(), static_cast<unsigned>(text.size()));
#else
        const auto n = ::write(fd, text.data(), text.size());
#endif
        if (n <= 0) return false;
        text.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

} // namespace

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
    const std::string folder = cchc::platform::make_temp_folder("cchc-held-open");
    REQUIRE(!folder.empty());
    const std::string path = folder + "\\bang-diem.xlsx";
    std::ofstream(path) << "old";
    HANDLE held = CreateFileA(path.c_str(), GENERIC_READ, 0, nullptr, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, nullptr);
    REQUIRE(held != INVALID_HANDLE_VALUE);
    std::string opened, message;
    {
        cchc::platform::OutputFile file;
        opened = file.open(path, cchc::Lang::vi);
        if (opened.empty() && write_to(file.fd(), "new")) message = file.commit();
    }
    CloseHandle(held);
    CHECK(opened.empty());
    CHECK(message.find("đóng tệp trong Excel rồi chạy lại") != std::string::npos);
    // It was not changed, and nothing is left beside it.
    CHECK(text_of(path) == "old");
    CHECK(entries_in(folder) == 1);
    std::filesystem::remove_all(folder);
}
#endif

TEST_CASE("--output replaces a file whole, and leaves it as it was when the output is not committed") {
    const std::string folder = cchc::platform::make_temp_folder("cchc-output");
    REQUIRE(!folder.empty());
    const std::string path = folder + "/out.txt";
    auto write = [&](std::string_view text, bool commit) {
        cchc::platform::OutputFile file;
        REQUIRE(file.open(path, cchc::Lang::en).empty());
        REQUIRE(write_to(file.fd(), text));
        if (commit) CHECK(file.commit().empty());
    };
    write("first\n", true);
    CHECK(text_of(path) == "first\n");
    write("second, not committed\n", false); // as when the output's making throws
    CHECK(text_of(path) == "first\n");
    write("third\n", true);
    CHECK(text_of(path) == "third\n");
    // Nothing is left beside it.
    CHECK(cchc::platform::status(folder).directory);
    CHECK(entries_in(folder) == 1);
    CHECK(cchc::platform::remove_file(path));
    std::filesystem::remove(folder);
}
