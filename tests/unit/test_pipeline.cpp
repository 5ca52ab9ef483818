// The pipeline (pipeline/run.hpp, pipeline/report.hpp): the ways a file is
// read give the same report, the findings budget holds in the whole-file
// and the streamed paths alike, and a run keeps the order files were named in.
#include "test_support.hpp"

#include <cchc/pipeline/run.hpp>
#include <cchc/platform/platform.hpp>
#include <cchc/render/tables.hpp>

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <atomic>
#include <string>
#include <vector>

namespace {

using cchc::FileReport;
using cchc::Finding;
using cchc::RunOptions;
using cchc::Severity;

/// `units` units of `rows` rows each, every row appraised above its max
/// (one score-above-max error per row), after a header with a repeated
/// column (one duplicate-column warning for the file).
std::string sheet_of_errors(int units, int rows) {
    std::string text = "Đơn vị,Mục,Nội dung,Điểm tối đa,Điểm thẩm định,Điểm tối đa\n";
    for (int u = 1; u <= units; ++u)
        for (int i = 1; i <= rows; ++i)
            text += fmt::format("Xã {},1.{},Nội dung {},1,2,1\n", u, i, i);
    return text;
}

std::vector<Finding> shown(const FileReport &file) {
    return file.all_findings();
}

/// The findings as they print, one line each.
std::string lines(const std::vector<Finding> &findings) {
    std::string out;
    for (const Finding &f : findings)
        out += cchc::finding_line(f, cchc::Lang::en) + "\n";
    return out;
}

} // namespace

TEST_CASE("the findings budget keeps the first 1,000 findings and counts the rest, whole or streamed") {
    cchc::test::TempDir dir;
    // 3 × 600 rows: 1,800 errors after the file's warning.
    const std::string text = sheet_of_errors(3, 600);
    const std::string path = dir.write("errors.csv", text);
    RunOptions options;
    FileReport whole = cchc::process_input(std::make_unique<cchc::test::BytesInput>(text), path, options);
    std::vector<Finding> all = shown(whole);
    REQUIRE(all.size() == cchc::k_max_findings_per_file + 1);
    CHECK(all.front().rule == cchc::Rule::duplicate_column);
    const Finding &last = all.back();
    CHECK(last.rule == cchc::Rule::too_many_findings);
    CHECK(last.severity == cchc::Severity::error);
    CHECK(last.message == "còn 801 phát hiện nữa không in ra (chỉ in 1000 phát hiện đầu): lỗi: score-above-max 801");
    // The file's warning and 999 errors are shown: the first left out is
    // the 1,000th data row, on line 1 + 1000.
    CHECK(last.line == 1001);
    CHECK(all[all.size() - 2].line == 1000);

    // Streamed in one part, and in two parts cut at every kind of place:
    // inside the first unit, exactly where the budget runs out, in the last unit.
    const std::string expected = lines(all);
    for (std::int64_t cut :
         {std::int64_t(0), std::int64_t(2000), std::int64_t(text.size() / 2),
          static_cast<std::int64_t>(text.find("Xã 2,1.400,")), static_cast<std::int64_t>(text.find("Xã 3,1.1,"))}) {
        CAPTURE(cut);
        RunOptions split = options;
        split.load.split_at = cut;
        for (bool keep_rows : {true, false}) {
            split.keep_rows = keep_rows;
            FileReport streamed = cchc::process_file(path, split);
            CHECK(lines(shown(streamed)) == expected);
        }
    }
}

TEST_CASE("a budget with no room (a csv or tsv report) builds no finding and keeps every count") {
    cchc::test::TempDir dir;
    const std::string text = sheet_of_errors(3, 600); // 1,800 errors after the file's warning
    const std::string path = dir.write("errors.csv", text);
    RunOptions options;
    options.check.kept = 0;
    auto counted_only = [](const FileReport &file) {
        CHECK(file.count(Severity::error) == 1800);
        CHECK(file.count(Severity::warning) == 1);
        CHECK(file.has(Severity::error));
        std::vector<Finding> all = shown(file);
        REQUIRE(all.size() == 1); // too-many-findings alone, with the counts
        CHECK(all.front().rule == cchc::Rule::too_many_findings);
    };
    counted_only(cchc::process_input(std::make_unique<cchc::test::BytesInput>(text), path, options));
    for (std::int64_t cut : {std::int64_t(0), static_cast<std::int64_t>(text.find("Xã 2,1.400,"))}) {
        CAPTURE(cut);
        RunOptions split = options;
        split.load.split_at = cut;
        split.keep_rows = false;
        counted_only(cchc::process_file(path, split));
    }
}

TEST_CASE("the findings budget counts what parts left out in the order they print") {
    // Part 0 fills the budget by itself and leaves some out; part 1's
    // findings come after those, so the first one not shown is part 0's.
    cchc::test::TempDir dir;
    const std::string text = sheet_of_errors(2, 1200);
    const std::string path = dir.write("errors.csv", text);
    RunOptions options;
    options.load.split_at = static_cast<std::int64_t>(text.find("Xã 2,1.1,"));
    FileReport streamed = cchc::process_file(path, options);
    std::vector<Finding> all = shown(streamed);
    REQUIRE(all.size() == cchc::k_max_findings_per_file + 1);
    CHECK(all.back().line == 1001);
    CHECK(all.back().message ==
          "còn 1401 phát hiện nữa không in ra (chỉ in 1000 phát hiện đầu): lỗi: score-above-max 1401");
}

TEST_CASE("a file streamed as UTF-8 on a guess that proves wrong reads as when its encoding is checked first") {
    // The first 64 KiB decide the encoding; a byte that is not UTF-8 among
    // them sends the pipeline back to read the file with the encoding chosen.
    cchc::test::TempDir dir;
    std::string text = "Muc,Noi dung,Diem toi da,Diem tham dinh\n"; // ASCII: UTF-8 and Windows-1258 alike
    for (int i = 1; text.size() < 2000; ++i)
        text += fmt::format("1.{},Ho so {},1,1\n", i, i);
    text += "1.999,Tr\xECnh,1,1\n"; // "Tŕnh" in Windows-1258 (0xEC: U+0301), not UTF-8
    const std::string path = dir.write("cp1258.csv", text);
    RunOptions options;
    FileReport streamed = cchc::process_file(path, options);
    FileReport whole = cchc::process_input(cchc::RawInput::open(path, cchc::Lang::vi), path, options);
    CHECK(streamed.loaded.encoding == "WINDOWS-1258");
    CHECK(streamed.loaded.encoding == whole.loaded.encoding);
    CHECK(lines(shown(streamed)) == lines(shown(whole)));
    REQUIRE(streamed.loaded.sheets.size() == 1);
    CHECK(streamed.loaded.sheets.front().rows.back().content == "T\u0155nh"); // r + U+0301 in NFC
}

TEST_CASE("a file whose units come back is read whole, with the same report") {
    cchc::test::TempDir dir;
    std::string text = "Đơn vị,Mục,Điểm tối đa,Điểm thẩm định\n";
    for (int i = 1; i <= 40; ++i)
        text += fmt::format("{},1.{},1,{}\n", i % 20 < 10 ? "A" : "B", i, i % 3 == 0 ? "2" : "1");
    const std::string path = dir.write("interleaved.csv", text);
    RunOptions options;
    FileReport report = cchc::process_file(path, options);
    REQUIRE(report.sheets.size() == 2);
    CHECK(report.sheets[0].sheet->unit == "A");
    CHECK(report.sheets[0].totals.count == 20);
    CHECK(report.sheets[1].totals.count == 20);
}

TEST_CASE("a run keeps the order the files were named in and names each file it could not read") {
    cchc::test::TempDir dir;
    std::vector<std::string> files;
    for (int i = 0; i < 7; ++i) {
        if (i == 3) {
            files.push_back((dir.path() / "missing.csv").string());
            continue;
        }
        files.push_back(
            dir.write(fmt::format("xa-{}.csv", i), fmt::format("Mục,Điểm tối đa,Điểm thẩm định\n1.1,{},0\n", i + 1)));
    }
    RunOptions options;
    options.files = files;
    options.threads = 3;
    std::atomic<std::size_t> calls{0};
    options.progress = [&](std::size_t done, std::size_t total) {
        CHECK(done <= total);
        CHECK(total == files.size());
        ++calls;
    };
    cchc::RunResult result = cchc::run(options);
    CHECK(calls == files.size());
    REQUIRE(result.failures.size() == 1);
    CHECK(result.failures.front().find("missing.csv") != std::string::npos);
    REQUIRE(result.report.files.size() == 6);
    int expected_max = 1;
    for (const FileReport &file : result.report.files) {
        if (expected_max == 4) ++expected_max; // the missing file
        REQUIRE(file.sheets.size() == 1);
        CHECK(file.sheets.front().totals.max == cchc::Decimal::from_int(expected_max));
        ++expected_max;
    }
}

TEST_CASE("list_inputs replaces a folder by its sheets in name order and says when it holds none") {
    cchc::test::TempDir dir;
    std::filesystem::create_directories(dir.path() / "huyen" / "b");
    std::filesystem::create_directories(dir.path() / "trong");
    dir.write("huyen/b/xa-2.CSV", "x");
    dir.write("huyen/xa-1.tsv", "x");
    dir.write("huyen/ghi-chu.docx", "x");
    std::vector<std::string> problems;
    std::string huyen = (dir.path() / "huyen").string();
    std::string trong = (dir.path() / "trong").string();
    std::vector<std::string> files = cchc::list_inputs({"-", huyen, trong, "khong-co.csv"}, problems, cchc::Lang::en);
    REQUIRE(files.size() == 4);
    CHECK(files[0] == "-");
    // Joined with the separator the folder's name uses: '\\' in a Windows temp folder's.
    CHECK(files[1] == cchc::platform::join_found(huyen, "/b/xa-2.CSV"));
    CHECK(files[2] == cchc::platform::join_found(huyen, "/xa-1.tsv"));
#ifndef _WIN32
    CHECK(files[1] == huyen + "/b/xa-2.CSV");
#endif
    CHECK(files[3] == "khong-co.csv");
    REQUIRE(problems.size() == 1);
    CHECK(problems.front() ==
          fmt::format("cchc: {}: no sheets in this folder (.csv, .tsv, .txt, .xlsx, .xlsm, .ods, .xls)\n", trong));
    problems.clear();
    cchc::list_inputs({trong}, problems, cchc::Lang::vi);
    REQUIRE(problems.size() == 1);
    CHECK(
        problems.front() ==
        fmt::format("cchc: {}: thư mục không có bảng điểm nào (.csv, .tsv, .txt, .xlsx, .xlsm, .ods, .xls)\n", trong));
}

TEST_CASE("too-many-findings counts each rule and severity it stands for") {
    // 1,200 rows above their max (an error each); each of the last 300 has a
    // note whose percentage is not its fraction (a warning) and a score
    // that is not max × the fraction (info). The first 1,000 shown are the
    // 900 rows and 100 of rows 901–934: 266 errors, 267 warnings, 267 info
    // left out.
    std::string text = "Mục,Nội dung,Điểm tối đa,Điểm thẩm định,Ghi chú\n";
    for (int i = 1; i <= 1200; ++i)
        text += fmt::format("1.{},Nội dung,1,2,{}\n", i, i > 900 ? "đạt 1/2 = 40%" : "");
    cchc::test::TempDir dir;
    const std::string path = dir.write("dirty.csv", text);
    RunOptions options;
    options.check.lang = cchc::Lang::en;
    std::vector<FileReport> streamed_and_whole;
    streamed_and_whole.push_back(cchc::process_file(path, options));
    streamed_and_whole.push_back(cchc::process_input(std::make_unique<cchc::test::BytesInput>(text), path, options));
    for (const FileReport &file : streamed_and_whole) {
        std::vector<Finding> all = shown(file);
        REQUIRE(all.size() == cchc::k_max_findings_per_file + 1);
        CHECK(all.back().message == "800 more findings not shown (only the first 1000 are): errors: score-above-max "
                                    "266; warnings: note-percent-mismatch 267; info: score-fraction-mismatch 267");
        REQUIRE(file.dropped != nullptr);
        CHECK(file.dropped->total() == 800);
        CHECK(all.back().line == 1 + 934);
        CHECK(file.has(Severity::info));
    }
}

TEST_CASE("a finding put first stays within the budget: the last shown one is counted instead") {
    cchc::test::TempDir dir;
    const std::string path = dir.write("errors.csv", sheet_of_errors(2, 700));
    RunOptions options;
    FileReport file = cchc::process_file(path, options);
    const std::vector<Finding> before = shown(file);
    REQUIRE(before.size() == cchc::k_max_findings_per_file + 1);
    cchc::add_first_finding(file, cchc::make_finding(cchc::Rule::mixed_scales, path, 0, "", "m"), cchc::Lang::vi);
    const std::vector<Finding> after = shown(file);
    REQUIRE(after.size() == cchc::k_max_findings_per_file + 1);
    CHECK(after.front().rule == cchc::Rule::mixed_scales);
    // The one it pushed out is the first one not shown.
    CHECK(after.back().line == before[before.size() - 2].line);
    CHECK(after.back().message ==
          "còn 402 phát hiện nữa không in ra (chỉ in 1000 phát hiện đầu): lỗi: score-above-max 402");
    CHECK(file.dropped->total() == 402);
}
