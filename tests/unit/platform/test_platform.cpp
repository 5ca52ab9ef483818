// The platform layer (platform/platform.hpp): a file found in a folder is
// named as the user wrote the folder; a file's name without its folders;
// --output replaced whole, and on Windows one another program holds open.
#include <cchc/platform/platform.hpp>

#include <doctest/doctest.h>

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
        if (opened.empty() && _write(file.fd(), "new", 3) == 3) message = file.commit();
    }
    CloseHandle(held);
    CHECK(opened.empty());
    CHECK(message.find("đóng tệp trong Excel rồi chạy lại") != std::string::npos);
    // It was not changed, and nothing is left beside it.
    std::ifstream in(path);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    in.close();
    CHECK(text == "old");
    std::size_t files = 0;
    for (const auto &entry : std::filesystem::directory_iterator(folder)) {
        (void)entry;
        ++files;
    }
    CHECK(files == 1);
    std::filesystem::remove_all(folder);
}
#endif

TEST_CASE("--output replaces a file whole, and leaves it as it was when the output is not committed") {
    const std::string folder = cchc::platform::make_temp_folder("cchc-output");
    REQUIRE(!folder.empty());
    const std::string path = folder + "/out.txt";
    auto read = [&] {
        std::ifstream in(path, std::ios::binary);
        return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    };
    auto write = [&](std::string_view text, bool commit) {
        cchc::platform::OutputFile file;
        REQUIRE(file.open(path, cchc::Lang::en).empty());
        std::size_t done = 0;
        while (done < text.size()) {
#ifdef _WIN32
            const int n = _write(file.fd(), text.data() + done, static_cast<unsigned>(text.size() - done));
#else
            const auto n = ::write(file.fd(), text.data() + done, text.size() - done);
#endif
            REQUIRE(n > 0);
            done += static_cast<std::size_t>(n);
        }
        if (commit) CHECK(file.commit().empty());
    };
    write("first\n", true);
    CHECK(read() == "first\n");
    write("second, not committed\n", false); // as when the output's making throws
    CHECK(read() == "first\n");
    write("third\n", true);
    CHECK(read() == "third\n");
    // Nothing is left beside it.
    CHECK(cchc::platform::remove_file(path));
    CHECK(cchc::platform::status(folder).directory);
    std::size_t left = 0;
    for (const auto &entry : std::filesystem::directory_iterator(folder)) {
        (void)entry;
        ++left;
    }
    CHECK(left == 0);
    std::filesystem::remove(folder);
}
