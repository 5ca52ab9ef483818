// A file read in two parts at once (loader.hpp, stream_file): cut at every
// byte, it must give exactly the sheets of one pass — rows, lines, skipped
// text rows, errors — including when the cut falls inside a quoted cell
// that holds line breaks, or before rows whose unit cell is blank.
#include "test_support.hpp"

#include <cchc/base/error.hpp>
#include <cchc/checks/file_checks.hpp>
#include <cchc/input/text_reader.hpp>
#include <cchc/layout/loader.hpp>
#include <cchc/platform/platform.hpp>

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using cchc::LoadedFile;
using cchc::LoadOptions;
using cchc::Sheet;

/// Everything a sheet holds that a report can show, as one string.
std::string describe(const Sheet &sheet) {
    std::string out = fmt::format("sheet {}|{}|{}|header {} row {}|skipped {}\n", sheet.file, sheet.unit, sheet.period,
                                  sheet.header_line, sheet.header_row, sheet.skipped_rows);
    for (const cchc::Row &r : sheet.rows)
        out += fmt::format("  {} row {} {}-{} {}|{}|{}|{}|{}|{}|{}|{}|{}\n", r.line, r.record, static_cast<int>(r.kind),
                           r.key, r.code, r.content.value_or("(absent)"), r.note.value_or("(absent)"), r.owner,
                           r.max.text, r.self.text, r.appraised.text, r.lost.text, r.note_facts.fractions.size());
    return out;
}

class CollectingSink : public cchc::SheetSink {
public:
    void sheet(Sheet &sheet, int part) override { m_parts[part] += describe(sheet); }
    void discard_part(int part) override {
        m_parts[part].clear();
        ++discarded;
    }
    std::string text() const { return m_parts[0] + m_parts[1]; }
    int discarded = 0;

private:
    std::string m_parts[2];
};

/// One pass, or the error it stops with.
std::string one_pass(const std::string &path) {
    try {
        LoadedFile file = cchc::load_file(path, {});
        std::string out;
        for (const Sheet &sheet : file.sheets)
            out += describe(sheet);
        return out;
    } catch (const cchc::InputError &e) {
        return fmt::format("{}:{}: {}", e.file(), e.line(), e.what());
    }
}

struct Streamed {
    std::string text;
    int discarded = 0;
};

Streamed cut_at(const std::string &path, std::int64_t at) {
    LoadOptions options;
    options.split_at = at;
    CollectingSink sink;
    try {
        cchc::stream_file(path, options, sink, true);
        return {sink.text(), sink.discarded};
    } catch (const cchc::InputError &e) {
        return {fmt::format("{}:{}: {}", e.file(), e.line(), e.what()), sink.discarded};
    }
}

/// Forty rows of three units after a title row and the header, with a
/// quoted note over three lines, CRLF line ends, blank unit cells (merged
/// cells) and a text row between two units.
std::string sample_sheet(const std::string &eol) {
    std::string text = "Bảng điểm CCHC\r\n"
                       "Đơn vị,Mục,Nội dung,Điểm tối đa,Điểm thẩm định,Ghi chú,Trách nhiệm\r\n";
    const char *units[] = {"Phường 1", "Phường 2", "Xã Hải Lệ"};
    for (int u = 0; u < 3; ++u) {
        for (int i = 1; i <= 14; ++i) {
            std::string unit = i % 4 == 2 ? "" : units[u]; // merged cells leave blanks
            std::string note = i % 5 == 0 ? "\"Hoàn thành 44/46\r\nnhiệm vụ, đạt 95,65%\r\n- ghi \"\"thêm\"\"\"" : "ok";
            text +=
                fmt::format("{},{}.{},Nội dung {},1,0.{},{},\"Văn phòng, CCHC\"\r\n", unit, u + 1, i, i, i % 10, note);
        }
        if (u == 0) text += "Người lập biểu,,,,,,\r\n";
    }
    text += ",Tổng cộng,,42,,,\r\n";
    // LF only goes through the reader's 64-byte blocks; a block with a CR
    // goes byte by byte.
    if (eol == "\n") text.erase(std::remove(text.begin(), text.end(), '\r'), text.end());
    return text;
}

} // namespace

TEST_CASE("a file cut at any byte reads as in one pass") {
    cchc::test::TempDir dir;
    std::vector<std::string> one_pass_texts;
    for (const std::string eol : {"\r\n", "\n"}) {
        const std::string bytes = sample_sheet(eol);
        const std::string path = dir.write("units.csv", bytes);
        const std::string expected = one_pass(path);
        one_pass_texts.push_back(expected);
        REQUIRE(expected.find("Xã Hải Lệ") != std::string::npos);
        int fell_back = 0;
        for (std::size_t at = 1; at < bytes.size(); ++at) {
            Streamed got = cut_at(path, static_cast<std::int64_t>(at));
            INFO("line ends " << (eol == "\n" ? "LF" : "CRLF") << ", cut from byte " << at);
            REQUIRE(got.text == expected);
            fell_back += got.discarded;
        }
        // Cuts inside the quoted notes and before blank unit cells were read
        // again in one pass; the others really were read in two parts
        // (Windows reads in one pass: platform::threads_read_files).
        if (!cchc::platform::threads_read_files()) continue;
        CHECK(fell_back > 0);
        CHECK(fell_back < static_cast<int>(bytes.size()) / 2);
    }
    // Byte by byte (CRLF) and 64 bytes at a time (LF) read the same rows.
    CHECK(one_pass_texts[0] == one_pass_texts[1]);
}

TEST_CASE("a quoted cell with line breaks across the cut is read whole") {
    cchc::test::TempDir dir;
    std::string text = "Mục,Điểm tối đa,Điểm thẩm định,Ghi chú\n";
    for (int i = 1; i <= 40; ++i)
        text += fmt::format("1.{},1,1,{}\n", i, i == 35 ? "\"dòng một\n2,2,2,giả\ndòng ba\"" : "ok");
    const std::string path = dir.write("quoted.csv", text);
    std::size_t inside = text.find("2,2,2,giả");
    Streamed got = cut_at(path, static_cast<std::int64_t>(inside - 3));
    if (cchc::platform::threads_read_files()) // Windows: one pass, nothing to discard
        CHECK(got.discarded == 1);            // the line that looked like a row was inside the quotes
    CHECK(got.text == one_pass(path));
    CHECK(got.text.find("dòng một\ndòng ba") == std::string::npos);
    CHECK(got.text.find("dòng một\n2,2,2,giả\ndòng ba") != std::string::npos);
}

TEST_CASE("an error in the second part is the error of one pass") {
    cchc::test::TempDir dir;
    std::string text = "Mục,Điểm tối đa,Điểm thẩm định\n";
    for (int i = 1; i <= 60; ++i)
        text += fmt::format("1.{},1,{}\n", i, i == 50 ? std::string("1\0", 2) : std::string("1"));
    const std::string path = dir.write("broken.csv", text);
    const std::string expected = one_pass(path);
    REQUIRE(expected.find(":51: có byte NUL") != std::string::npos);
    for (std::size_t at = text.find("1.31,"); at < text.size(); at += 7)
        CHECK(cut_at(path, static_cast<std::int64_t>(at)).text == expected);
}

TEST_CASE("units that come back after another unit are read in one pass") {
    cchc::test::TempDir dir;
    std::string text = "Đơn vị,Mục,Điểm tối đa,Điểm thẩm định\n";
    for (int i = 1; i <= 60; ++i)
        text += fmt::format("{},1.{},1,1\n", i % 20 < 10 ? "A" : "B", i);
    const std::string path = dir.write("interleaved.csv", text);
    CollectingSink sink;
    CHECK_THROWS_AS(cchc::stream_file(path, {}, sink, true), cchc::NotContiguous);
    LoadOptions options;
    options.split_at = static_cast<std::int64_t>(text.size() / 2);
    CHECK_THROWS_AS(cchc::stream_file(path, options, sink, true), cchc::NotContiguous);
}

TEST_CASE("a file streamed as UTF-8 on a guess reads as when its encoding is checked first, or asks to be read so") {
    // Guessing, stream_file takes a file without a BOM for UTF-8 and checks
    // each cell as it is used; a byte of the first 64 KiB that is not UTF-8
    // throws WrongGuess (the pipeline then streams it without guessing).
    // load_file and stream_file without the guess check those bytes first.
    cchc::test::TempDir dir;
    auto sheet_with_byte_at = [](std::size_t at) {
        std::string text = "Mục,Nội dung,Điểm tối đa,Điểm thẩm định\n";
        for (int i = 1; text.size() < at + 2000; ++i)
            text += fmt::format("1.{},Tỷ lệ hồ sơ {},1,1\n", i, i);
        std::size_t line_start = text.rfind('\n', at) + 1;
        std::size_t comma = text.find(',', line_start) + 1;
        text[comma] = '\xC0'; // a byte that is never UTF-8, in a content cell
        return text;
    };
    for (std::size_t at : {std::size_t(200), std::size_t(65000), std::size_t(66000), std::size_t(70000)}) {
        INFO("byte not UTF-8 near " << at);
        const std::string path = dir.write("guess-" + std::to_string(at) + ".csv", sheet_with_byte_at(at));
        std::string expected;
        std::string encoding;
        try {
            LoadedFile file = cchc::load_file(path, {});
            encoding = file.encoding;
            for (const Sheet &sheet : file.sheets)
                expected += describe(sheet);
        } catch (const cchc::InputError &e) {
            expected = fmt::format("{}:{}: {}", e.file(), e.line(), e.what());
        }
        auto streamed = [&](bool guess) {
            CollectingSink sink;
            try {
                LoadedFile file = cchc::stream_file(path, {}, sink, guess);
                CHECK(file.encoding == encoding);
                return sink.text();
            } catch (const cchc::InputError &e) {
                return fmt::format("{}:{}: {}", e.file(), e.line(), e.what());
            }
        };
        CHECK(streamed(false) == expected);
        if (at < 65536) {
            CHECK_THROWS_AS(streamed(true), cchc::WrongGuess);
            // Early: Windows-1258 is assumed (and this UTF-8 text then fails
            // as Windows-1258 at "Điểm").
            CHECK(expected.find("WINDOWS-1258 (0x90)") != std::string::npos);
        } else {
            CHECK(streamed(true) == expected); // late: the byte is named
            CHECK(expected.find("0xC0") != std::string::npos);
        }
    }
}

TEST_CASE("a file without a header row is read with its encoding chosen first") {
    // The guess is only settled by checking cells; with no header no cell
    // is read, so the encoding must be chosen as load_file does.
    cchc::test::TempDir dir;
    std::string text;
    for (int i = 1; i <= 31; ++i)
        text += fmt::format("Bảng điểm,dòng {}\n", i);
    text += "x\xff,y\n";
    const std::string path = dir.write("no-header.csv", text);
    LoadedFile one = cchc::load_file(path, {});
    CollectingSink sink;
    CHECK_THROWS_AS(cchc::stream_file(path, {}, sink, true), cchc::WrongGuess);
    LoadedFile streamed = cchc::stream_file(path, {}, sink, false);
    CHECK(one.encoding == "WINDOWS-1258");
    CHECK(streamed.encoding == one.encoding);
    const std::vector<cchc::Finding> expected = cchc::check_file(one, cchc::Lang::vi);
    const std::vector<cchc::Finding> got = cchc::check_file(streamed, cchc::Lang::vi);
    REQUIRE(got.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        CHECK(got[i].message == expected[i].message);
}

TEST_CASE("rows streamed to a sink that keeps no rows have no content or note text, not an empty one") {
    class TextlessSink : public CollectingSink {
    public:
        bool keeps_rows() const override { return false; }
    };
    cchc::test::TempDir dir;
    const std::string path = dir.write("sheet.csv", sample_sheet("\n"));
    TextlessSink textless;
    cchc::stream_file(path, {}, textless, true);
    CHECK(textless.text().find("(absent)|(absent)") != std::string::npos);
    CollectingSink keeping;
    cchc::stream_file(path, {}, keeping, true);
    CHECK(keeping.text().find("(absent)") == std::string::npos);
    CHECK(keeping.text().find("Nội dung 1|ok|") != std::string::npos);
}

TEST_CASE("count_lfs_without_cr counts LFs in long text and gives up at a CR") {
    // Past 255 blocks of 16 bytes the lane counters are summed: 10,000 bytes
    // with a LF every 7 bytes, at every length around the block edges.
    std::string text;
    for (int i = 0; i < 10000; ++i)
        text += i % 7 == 6 ? '\n' : 'x';
    for (std::size_t length : {0, 1, 15, 16, 17, 63, 64, 65, 4079, 4080, 4081, 4096, 8000, 10000}) {
        std::string_view part(text.data(), length);
        CAPTURE(length);
        CHECK(cchc::count_lfs_without_cr(part) == static_cast<long>(std::count(part.begin(), part.end(), '\n')));
        CHECK(cchc::count_line_ends(part) == static_cast<long>(std::count(part.begin(), part.end(), '\n')));
    }
    std::string with_cr = text;
    with_cr[9000] = '\r';
    CHECK(cchc::count_lfs_without_cr(with_cr) == -1);
    with_cr[9000] = 'x';
    with_cr[9999] = '\r'; // in the bytes after the last full block
    CHECK(cchc::count_lfs_without_cr(with_cr) == -1);
    CHECK(cchc::count_line_ends("a\r\nb\rc\n") == 3);
}

TEST_CASE("count_line_ends in two pieces counts a CR LF split between them once") {
    const std::string text = "a\r\nb\rc\n\r\n\n\rd\r";
    const long whole = cchc::count_line_ends(text);
    CHECK(whole == 7);
    for (std::size_t cut = 0; cut <= text.size(); ++cut) {
        CAPTURE(cut);
        long n = 0;
        bool after_cr = false;
        cchc::count_line_ends(std::string_view(text).substr(0, cut), n, after_cr);
        cchc::count_line_ends(std::string_view(text).substr(cut), n, after_cr);
        CHECK(n == whole);
    }
    long n = 0;
    bool after_cr = true; // the piece before ended in a CR
    cchc::count_line_ends("\nx\n", n, after_cr);
    CHECK(n == 1);
    CHECK_FALSE(after_cr);
}

TEST_CASE("a header on two rows, its column numbers and a code chosen by content read the same cut anywhere") {
    cchc::test::TempDir dir;
    std::string text = "PHỤ LỤC\r\n"
                       "STT,Đơn vị,Mục,Nội dung,Điểm,,Ghi chú\r\n"
                       ",,,,Tối đa,Thẩm định,\r\n"
                       "(1),(2),(3),(4),(5),(6),(7)\r\n";
    for (int u = 1; u <= 3; ++u)
        for (int i = 1; i <= 6; ++i)
            text += fmt::format("{},Xã {},1.{},Nội dung {},1,0.5,\"ghi\r\nchú\"\r\n", i == 1 ? std::to_string(u) : "",
                                u, i, i);
    text += "Người lập biểu,,,,,,\r\n";
    const std::string path = dir.write("two-row.csv", text);
    LoadedFile file = cchc::load_file(path, {});
    CHECK(file.facts.header_line == 2);
    CHECK(file.facts.header_last_line == 3);
    CHECK(file.facts.column_numbers_line == 4);
    REQUIRE(file.facts.code_candidates.size() == 2);
    CHECK(file.facts.code_candidates[0].name == "Mục");
    CHECK(file.facts.code_by_content);
    CHECK(file.facts.code_candidates[1].running_number);
    REQUIRE(file.sheets.size() == 3);
    CHECK(file.sheets[0].rows.size() == 6);
    CHECK(file.sheets[0].rows[0].code == "1.1");
    CHECK(file.sheets[0].rows[0].line == 5);
    const std::string expected = one_pass(path);
    for (std::size_t at = 1; at < text.size(); ++at) {
        INFO("cut from byte " << at);
        REQUIRE(cut_at(path, static_cast<std::int64_t>(at)).text == expected);
    }
}
