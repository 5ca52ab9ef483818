// Sheet → findings (checks.hpp): for each rule one sheet that triggers it
// and one near miss that must not, with the whole English message.
#include "test_support.hpp"

#include <cchc/checks/checks.hpp>
#include <cchc/layout/loader.hpp>

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>

#include <string>
#include <vector>

using cchc::Finding;
using cchc::Severity;

template <>
struct doctest::StringMaker<cchc::Rule> {
    static doctest::String convert(cchc::Rule rule) {
        std::string_view id = cchc::rule_id(rule);
        return doctest::String(id.data(), static_cast<doctest::String::size_type>(id.size()));
    }
};

namespace {

const std::string k_header = "Mục,Nội dung,Điểm tối đa,Điểm tự đánh giá,Điểm thẩm định,Số điểm bị trừ\n";

struct Checked {
    cchc::LoadedFile loaded;
    std::vector<Finding> findings;
};

/// Loads `csv` (one sheet) and checks it with English messages.
Checked check_csv(const std::string &csv, cchc::Lang lang = cchc::Lang::en, const std::string &unit = {}) {
    cchc::LoadOptions load;
    load.lang = lang;
    load.unit = unit;
    Checked out;
    out.loaded = cchc::test::load_text(csv, load);
    REQUIRE(cchc::check_file(out.loaded, lang).empty());
    REQUIRE(out.loaded.sheets.size() == 1);
    cchc::CheckOptions options;
    options.lang = lang;
    out.findings = cchc::check_sheet(out.loaded.sheets.front(), options);
    return out;
}

std::string describe(const std::vector<Finding> &findings) {
    std::string out;
    for (const Finding &f : findings)
        out += std::to_string(f.line) + " [" + std::string(cchc::rule_id(f.rule)) + "] " + f.code + ": " + f.message +
               "\n";
    return out;
}

/// The sheet gives exactly one finding, and it is this one.
void expect_only(const Checked &checked, cchc::Rule rule, Severity severity, long line, const std::string &code,
                 const std::string &message) {
    INFO("findings:\n" << describe(checked.findings));
    REQUIRE(checked.findings.size() == 1);
    const Finding &f = checked.findings.front();
    CHECK(f.file == checked.loaded.file);
    CHECK(f.rule == rule);
    CHECK(f.severity == severity);
    CHECK(f.line == line);
    CHECK(f.code == code);
    CHECK(f.message == message);
}

void expect_none(const Checked &checked) {
    INFO("findings:\n" << describe(checked.findings));
    CHECK(checked.findings.empty());
}

} // namespace

TEST_CASE("bad-number: a score cell that is not a number") {
    SUBCASE("text") {
        expect_only(check_csv(k_header + "1.1,A,2,2,abc,\n"), cchc::Rule::bad_number, Severity::error, 2, "1.1",
                    "E2: 1.1: the appraised score \"abc\" is not a number; write a number such as 1.5 or 1,5");
    }
    SUBCASE("an exponent in the max") {
        expect_only(check_csv(k_header + "1.1,A,2,2,2,0\n1.2,B,1e0,1,1,\n"), cchc::Rule::bad_number, Severity::error, 3,
                    "1.2", "C3: 1.2: the max \"1e0\" is not a number; write a number such as 1.5 or 1,5");
    }
    SUBCASE("an empty appraised score") {
        expect_only(check_csv(k_header + "1.1,A,2,2,,\n1.2,B,1,1,1,\n"), cchc::Rule::bad_number, Severity::error, 2,
                    "1.1", "E2: 1.1: the appraised score is empty; write a number (0 when nothing was scored)");
    }
    SUBCASE("near miss: no appraised score on any row is a sheet before appraisal, not an error") {
        expect_only(check_csv(k_header + "1.1,A,2,2,,\n"), cchc::Rule::not_appraised, Severity::info, 2, "",
                    "the sheet of sheet has no appraised scores yet: the index and rating are those of the "
                    "self-assessment");
    }
    SUBCASE("a forgotten score in a sheet that has scores") {
        std::vector<Finding> f = check_csv(k_header + "1.1,A,2,,1.5,\n1.2,B,1,,,\n").findings;
        REQUIRE(f.size() == 1);
        CHECK(f[0].rule == cchc::Rule::bad_number);
        CHECK(f[0].line == 3);
        CHECK(f[0].message == "E3: 1.2: the appraised score is empty; write a number (0 when nothing was scored)");
    }
    SUBCASE("an empty max") {
        expect_only(check_csv(k_header + "1.1,A,,2,1,\n"), cchc::Rule::bad_number, Severity::error, 2, "1.1",
                    "C2: 1.1: the max is empty; write the criterion's maximum points");
    }
    SUBCASE("a number too large") {
        expect_only(check_csv(k_header + "1.1,A,99999999999999999999,,1,\n"), cchc::Rule::bad_number, Severity::error,
                    2, "1.1", "C2: 1.1: the max \"99999999999999999999\" is too large to be a score; check the cell");
    }
    SUBCASE("near miss: decimal commas and optional cells left out") {
        expect_none(check_csv(k_header + "1.1,A,2,\"1,5\",\"1,5\",\"0,5\"\n1.2,B,1,-,1,\n"));
    }
}

TEST_CASE("score-negative: a score below zero") {
    SUBCASE("appraised") {
        expect_only(check_csv(k_header + "1.1,A,2,2,-0.5,\n"), cchc::Rule::score_negative, Severity::error, 2, "1.1",
                    "E2: 1.1: the appraised score \"-0.5\" is below 0; a score cannot be negative");
    }
    SUBCASE("self") {
        expect_only(check_csv(k_header + "1.1,A,2,-1,1,1\n"), cchc::Rule::score_negative, Severity::error, 2, "1.1",
                    "D2: 1.1: the self score \"-1\" is below 0; a score cannot be negative");
    }
    SUBCASE("near miss: zero") {
        expect_none(check_csv(k_header + "1.1,A,2,0,0,2\n"));
    }
}

TEST_CASE("score-above-max: the appraised score above the max") {
    SUBCASE("above") {
        expect_only(check_csv(k_header + "1.1,A,2,2,2.5,\n"), cchc::Rule::score_above_max, Severity::error, 2, "1.1",
                    "E2: 1.1: the appraised score 2.5 is above the max 2; correct one of the two cells");
    }
    SUBCASE("in Vietnamese") {
        Checked checked = check_csv(k_header + "1.1,A,2,2,2.5,\n", cchc::Lang::vi);
        REQUIRE(checked.findings.size() == 1);
        CHECK(checked.findings.front().message ==
              "E2: 1.1: điểm thẩm định 2.5 lớn hơn điểm tối đa 2; hãy sửa một trong hai ô");
    }
    SUBCASE("by a thousandth") {
        expect_only(check_csv(k_header + "1.1,A,2,,2.001,\n"), cchc::Rule::score_above_max, Severity::error, 2, "1.1",
                    "E2: 1.1: the appraised score 2.001 is above the max 2; correct one of the two cells");
    }
    SUBCASE("near miss: equal to the max") {
        expect_none(check_csv(k_header + "1.1,A,2,2,\"2,000\",0\n"));
    }
}

TEST_CASE("self-above-max: the self score above the max") {
    SUBCASE("above") {
        expect_only(check_csv(k_header + "1.1,A,1,1.5,1,0\n"), cchc::Rule::self_above_max, Severity::error, 2, "1.1",
                    "D2: 1.1: the self score 1.5 is above the max 1; correct one of the two cells");
    }
    SUBCASE("near miss: equal to the max") {
        expect_none(check_csv(k_header + "1.1,A,1,1,1,0\n"));
    }
}

TEST_CASE("lost-mismatch: the lost column is not max minus appraised") {
    SUBCASE("wrong") {
        expect_only(check_csv(k_header + "1.1.3,A,2,2,1.91,0.1\n"), cchc::Rule::lost_mismatch, Severity::error, 2,
                    "1.1.3",
                    "F2: 1.1.3: the number of points lost is 0.1, but 2 − 1.91 = 0.09; correct the points-lost cell");
    }
    SUBCASE("near miss: right, in either spelling") {
        expect_none(check_csv(k_header + "1.1.3,A,2,2,1.91,0.09\n1.2,B,1,1,0.32,\"0,680\"\n"));
    }
}

TEST_CASE("total-mismatch: the total row is not the sum of the criteria") {
    const std::string rows = "1.1,A,2,2,1.5,0.5\n1.2,B,1,1,1,0\n";
    SUBCASE("label in the content column") {
        expect_only(check_csv(k_header + rows + ",Tổng cộng,3,3,2,0.5\n"), cchc::Rule::total_mismatch, Severity::error,
                    4, "", "E4: total row: the appraised score is 2, but the criteria add up to 2.5");
    }
    SUBCASE("label in the code column as in the reference sheet: the label is no code") {
        expect_only(check_csv(k_header + rows + "Tổng cộng,,3,2.5,2.5,0.5\n"), cchc::Rule::total_mismatch,
                    Severity::error, 4, "", "D4: total row: the self score is 2.5, but the criteria add up to 3");
    }
    SUBCASE("every column that is off") {
        Checked checked = check_csv(k_header + rows + "Tổng,,4,3,2.5,1\n");
        INFO("findings:\n" << describe(checked.findings));
        REQUIRE(checked.findings.size() == 2);
        CHECK(checked.findings[0].rule == cchc::Rule::total_mismatch);
        CHECK(checked.findings[1].rule == cchc::Rule::total_mismatch);
        CHECK(checked.findings[0].message.find("the max is 4, but the criteria add up to 3") != std::string::npos);
        const std::string &lost = checked.findings[1].message;
        bool names_lost =
            lost.find("the number of points lost is 1, but the criteria add up to 0.5") != std::string::npos;
        CHECK(names_lost);
    }
    SUBCASE("near miss: right, with a parent row not counted twice") {
        expect_none(check_csv(k_header + "1,Lĩnh vực,3,3,2.5,0.5\n" + rows + "Tổng cộng,,3,3,2.5,0.5\n"));
    }
    SUBCASE("near miss: a total row without numbers") {
        expect_none(check_csv(k_header + rows + "Cộng,,-,,,\n"));
    }
}

TEST_CASE("parent-sum-mismatch: a parent row is not the sum of its children") {
    SUBCASE("a dotted parent") {
        expect_only(check_csv(k_header + "1.5,Kiểm tra,3,3,2,1\n1.5.1,A,2,2,1.5,0.5\n1.5.2,B,1,1,1,0\n"),
                    cchc::Rule::parent_sum_mismatch, Severity::error, 2, "1.5",
                    "E2: 1.5: the appraised score is 2, but its children add up to 2.5");
    }
    SUBCASE("a Roman domain") {
        expect_only(check_csv(k_header + "II,Xây dựng thể chế,2,,1,\n2.1,A,2,,1.5,\n"), cchc::Rule::parent_sum_mismatch,
                    Severity::error, 2, "II", "E2: II: the appraised score is 1, but its children add up to 1.5");
    }
    SUBCASE("grandchildren count once") {
        expect_only(check_csv(k_header + "1,Lĩnh vực,4,,3,\n1.5,Kiểm tra,3,,2.5,\n1.5.1,A,2,,1.5,\n1.5.2,B,1,,1,\n"
                                         "1.6,C,1,,1,\n"),
                    cchc::Rule::parent_sum_mismatch, Severity::error, 2, "1",
                    "E2: 1: the appraised score is 3, but its children add up to 3.5");
    }
    SUBCASE("near miss: sums right") {
        expect_none(check_csv(k_header + "1.5,Kiểm tra,3,3,2.5,0.5\n1.5.1,A,2,2,1.5,0.5\n1.5.2,B,1,1,1,0\n"));
    }
    SUBCASE("near miss: a domain title without numbers") {
        expect_none(check_csv(k_header + "I,CÔNG TÁC CHỈ ĐẠO,,,,\n1.1,A,2,2,1.5,0.5\n"));
    }
}

TEST_CASE("duplicate-code: a code listed twice") {
    SUBCASE("3.1 twice hints at 3.10") {
        expect_only(
            check_csv(k_header + "3.1,A,1,1,1,0\n3.1,B,1,1,0.5,0.5\n"), cchc::Rule::duplicate_code, Severity::error, 3,
            "3.1",
            "A3: 3.1: the code 3.1 already appears on line 2; if one of them is 3.10, a spreadsheet turned it into "
            "a number: format the code column as Text and type it again");
    }
    SUBCASE("a deeper code twice") {
        expect_only(check_csv(k_header + "1.1.3,A,1,1,1,0\n1.2,B,1,1,1,0\n1.1.3,C,1,1,1,0\n"),
                    cchc::Rule::duplicate_code, Severity::error, 4, "1.1.3",
                    "A4: 1.1.3: the code 1.1.3 already appears on line 2; list each criterion once");
    }
    SUBCASE("near miss: 3.1 and 3.10") {
        expect_none(check_csv(k_header + "3.1,A,1,1,1,0\n3.10,B,1,1,0.5,0.5\n"));
    }
}

TEST_CASE("bad-code: a code that is neither dotted numbers nor Roman") {
    SUBCASE("letters in a code") {
        expect_only(
            check_csv(k_header + "1.a,A,1,1,1,0\n"), cchc::Rule::bad_code, Severity::warning, 2, "1.a",
            "A2: 1.a: the code \"1.a\" is none of 1.2.3, a Roman numeral I–X, a part A, a sub-item a) or -; the row is "
            "still counted as a criterion");
    }
    SUBCASE("scores without a code") {
        expect_only(check_csv(k_header + "1.1,A,1,1,1,0\n,B,1,1,1,0\n"), cchc::Rule::bad_code, Severity::warning, 3, "",
                    "A3: the row has scores but no code; it is not counted: write its criterion code");
    }
    SUBCASE("near miss: Roman numerals and long segments") {
        expect_none(check_csv(k_header + "IX,Lĩnh vực,,,,\n3.10,A,1,1,1,0\n9.1.12,B,1,1,1,0\n"));
    }
}

TEST_CASE("no-criteria: a sheet without criterion rows") {
    SUBCASE("only a domain title") {
        expect_only(check_csv("Mục,Nội dung,Điểm tối đa,Điểm thẩm định\nI,Lĩnh vực,,\n", cchc::Lang::en, "Phường 1"),
                    cchc::Rule::no_criteria, Severity::warning, 2, "",
                    "the sheet of Phường 1 has no criterion rows with scores");
    }
    SUBCASE("only a header below a title") {
        expect_only(check_csv("PHỤ LỤC\nMục,Nội dung,Điểm tối đa,Điểm thẩm định\n", cchc::Lang::en, "Xã A"),
                    cchc::Rule::no_criteria, Severity::warning, 2, "",
                    "the sheet of Xã A has no criterion rows with scores");
    }
    SUBCASE("near miss: one criterion") {
        expect_none(check_csv("Mục,Nội dung,Điểm tối đa,Điểm thẩm định\nI,Lĩnh vực,,\n1.1,A,1,0\n"));
    }
}

TEST_CASE("too-precise: more than three decimals") {
    SUBCASE("four decimals") {
        expect_only(check_csv(k_header + "1.1,A,2,,1.2345,\n"), cchc::Rule::too_precise, Severity::warning, 2, "1.1",
                    "E2: 1.1: the appraised score \"1.2345\" has more than 3 decimals; rounded to 1.235");
    }
    SUBCASE("near miss: three decimals") {
        expect_none(check_csv(k_header + "1.1,A,2,,1.234,0.766\n"));
    }
}

TEST_CASE("findings come in line order and each rule is reported") {
    Checked checked = check_csv(k_header + "1.1,A,2,3,2.5,0\n1.1,B,x,1,1,\n");
    INFO("findings:\n" << describe(checked.findings));
    std::vector<std::pair<long, cchc::Rule>> got;
    for (const Finding &f : checked.findings)
        got.emplace_back(f.line, f.rule);
    CHECK(got == std::vector<std::pair<long, cchc::Rule>>{{2, cchc::Rule::score_above_max},
                                                          {2, cchc::Rule::self_above_max},
                                                          {2, cchc::Rule::lost_mismatch},
                                                          {3, cchc::Rule::bad_number},
                                                          {3, cchc::Rule::duplicate_code}});
}

TEST_CASE("the reference sheet has no error findings") {
    cchc::LoadedFile loaded = cchc::load_file(cchc::test::reference_sheet_path(), {});
    REQUIRE(loaded.sheets.size() == 1);
    std::vector<Finding> findings = cchc::check_sheet(loaded.sheets.front(), {});
    INFO("findings:\n" << describe(findings));
    CHECK_FALSE(cchc::has_severity(findings, Severity::error));
    for (const Finding &f : findings) {
        CHECK(f.rule != cchc::Rule::total_mismatch);
        CHECK(f.rule != cchc::Rule::lost_mismatch);
        CHECK(f.rule != cchc::Rule::bad_number);
    }
}

TEST_CASE("note-percent-mismatch: the percentage in a note is not its fraction") {
    SUBCASE("the slip of the reference sheet") {
        expect_only(check_csv(k_header.substr(0, k_header.size() - 1) + ",Ghi chú\n" +
                              "1.1.3,A,2,2,1.91,0.09,\"Hoàn thành 44/46\nnhiệm vụ, đạt 95,68%\"\n"),
                    cchc::Rule::note_percent_mismatch, Severity::warning, 2, "1.1.3",
                    "G2: 1.1.3: 44/46 = 95,65 %, but the note says 95,68 %");
    }
    SUBCASE("near miss: rounded or truncated, with either separator") {
        expect_none(check_csv("Mục,Điểm tối đa,Điểm thẩm định,Ghi chú\n"
                              "3.11.1,1,0.96,\"870/901 hồ sơ, đạt 96,56%\"\n"
                              "3.11.2,1,0.96,\"870/901 hồ sơ, đạt 96,55%\"\n"
                              "3.13.3,1,0.87,\"782/903, đạt tỷ lệ 86.6%\"\n"));
    }
}

TEST_CASE("note-fraction-invalid: more done than there were or nothing to divide by") {
    SUBCASE("numerator above denominator") {
        expect_only(check_csv("Mục,Điểm tối đa,Điểm thẩm định,Ghi chú\n1.1,1,1,5/3 hồ sơ\n"),
                    cchc::Rule::note_fraction_invalid, Severity::warning, 2, "1.1",
                    "D2: 1.1: the note has the fraction 5/3: more done than there were; check the counts");
    }
    SUBCASE("zero denominator") {
        expect_only(check_csv("Mục,Điểm tối đa,Điểm thẩm định,Ghi chú\n1.1,1,0,0/0 hồ sơ\n"),
                    cchc::Rule::note_fraction_invalid, Severity::warning, 2, "1.1",
                    "D2: 1.1: the note has the fraction 0/0 with a zero denominator; write the right counts");
    }
    SUBCASE("near miss: all done") {
        expect_none(check_csv("Mục,Điểm tối đa,Điểm thẩm định,Ghi chú\n1.1,1,1,5/5 hồ sơ\n"));
    }
}

TEST_CASE("score-fraction-mismatch: the appraised score is not max times the fraction") {
    SUBCASE("a target rule") {
        expect_only(check_csv("Mục,Điểm tối đa,Điểm thẩm định,Ghi chú\n3.12.2,1,0.32,73/757 hồ sơ có thanh toán\n"),
                    cchc::Rule::score_fraction_mismatch, Severity::info, 2, "3.12.2",
                    "C2: 3.12.2: the appraised score is 0.32, while 1 × 73/757 = 0.10 (a target rule may apply)");
    }
    SUBCASE("near miss: rounded or truncated at 2 decimals") {
        expect_none(check_csv("Mục,Điểm tối đa,Điểm thẩm định,Ghi chú\n"
                              "1.1.3,2,1.91,44/46 nhiệm vụ\n"
                              "3.13.2,1,0.94,18/19 hồ sơ\n"
                              "3.13.3,1,0.95,18/19 hồ sơ lần hai\n"
                              "3.12.1,1,0.1,\"3 TTHC phát sinh giao dịch/30TTHC\"\n"));
    }
}

TEST_CASE("not-scored: rows with a max but no score yet") {
    SUBCASE("a template being filled in") {
        expect_only(check_csv("Mục,Nội dung,Điểm tối đa,Điểm thẩm định\n1.1,A,2,\n1.2,B,1,\n"), cchc::Rule::not_scored,
                    Severity::info, 2, "",
                    "2 criteria have a max but no score yet and are not counted; fill in the appraised scores");
    }
    SUBCASE("near miss: every row scored") {
        expect_none(check_csv("Mục,Nội dung,Điểm tối đa,Điểm thẩm định\n1.1,A,2,0\n1.2,B,1,1\n"));
    }
}

namespace {

/// Checks `csv` against the catalog `catalog_csv`; returns the findings.
Checked check_with_catalog(const std::string &csv, const std::string &catalog_csv, std::string &catalog_path) {
    cchc::test::TempDir dir;
    catalog_path = dir.write("catalog.csv", catalog_csv);
    cchc::Catalog catalog = cchc::load_catalog(catalog_path, {});
    Checked out;
    out.loaded = cchc::test::load_text(csv);
    REQUIRE(out.loaded.sheets.size() == 1);
    cchc::CheckOptions options;
    options.lang = cchc::Lang::en;
    options.catalog = &catalog;
    out.findings = cchc::check_sheet(out.loaded.sheets.front(), options);
    return out;
}

} // namespace

TEST_CASE("catalog rules: unknown-code and catalog-max-mismatch") {
    const std::string catalog = "code,name,max\n1.1,A,2\n1.2,B,1\n3.10,C,1\n";
    std::string path;
    SUBCASE("unknown-code") {
        Checked checked = check_with_catalog("Mục,Điểm tối đa,Điểm thẩm định\n1.1,2,1\n3.1,1,1\n", catalog, path);
        expect_only(checked, cchc::Rule::unknown_code, Severity::warning, 3, "3.1",
                    "A3: 3.1: the code 3.1 is not in the catalog " + path + "; check the code");
    }
    SUBCASE("catalog-max-mismatch") {
        Checked checked = check_with_catalog("Mục,Điểm tối đa,Điểm thẩm định\n1.1,2,1\n1.2,1.5,1\n", catalog, path);
        expect_only(checked, cchc::Rule::catalog_max_mismatch, Severity::error, 3, "1.2",
                    "B3: 1.2: the max 1.5 differs from the catalog's 1 (" + path + " line 3); use the catalog's max");
    }
    SUBCASE("near miss: known codes and the same max however written") {
        expect_none(check_with_catalog("Mục,Điểm tối đa,Điểm thẩm định\n1.1,\"2,0\",1\n3.10,1.000,1\n", catalog, path));
    }
}

TEST_CASE("the only warning of the reference sheet is the 44/46 slip") {
    cchc::LoadedFile loaded = cchc::load_file(cchc::test::reference_sheet_path(), {});
    REQUIRE(loaded.sheets.size() == 1);
    cchc::CheckOptions options;
    options.lang = cchc::Lang::en;
    std::vector<Finding> findings = cchc::check_sheet(loaded.sheets.front(), options);
    INFO("findings:\n" << describe(findings));
    std::vector<Finding> warnings;
    for (const Finding &f : findings)
        if (f.severity != Severity::info) warnings.push_back(f);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].rule == cchc::Rule::note_percent_mismatch);
    CHECK(warnings[0].line == 11);
    CHECK(warnings[0].code == "1.1.3");
    CHECK(warnings[0].message == "G2: 1.1.3: 44/46 = 95,65 %, but the note says 95,68 %");
}

TEST_CASE("within a budget, a sheet keeps the first findings of the whole check and counts the rest per rule") {
    // A dirty sheet: parents whose sums are off (made by the parent pass,
    // after the row pass), notes that disagree, scores above the max and
    // duplicate codes, so the findings of several passes interleave by line.
    std::string csv = "Mục,Nội dung,Điểm tối đa,Điểm thẩm định,Ghi chú\n";
    for (int p = 1; p <= 30; ++p) {
        csv += fmt::format("{},Nhóm {},{},{},\n", p, p, p % 3 == 0 ? 5 : 4, 3);
        for (int c = 1; c <= 4; ++c)
            csv += fmt::format("{}.{},Tiêu chí,1,{},{}\n", p, c, c == 2 ? 2 : 1, c == 3 ? "đạt 1/2 = 40%" : "");
        if (p % 7 == 0) csv += fmt::format("{}.1,Trùng,1,1,\n", p);
    }
    cchc::LoadedFile loaded = cchc::test::load_text(csv, {});
    REQUIRE(loaded.sheets.size() == 1);
    const cchc::Sheet &sheet = loaded.sheets.front();
    const std::vector<Finding> all = cchc::check_sheet(sheet, {});
    REQUIRE(all.size() > 100);
    for (std::size_t room : {std::size_t(0), std::size_t(1), std::size_t(2), std::size_t(7), std::size_t(40),
                             std::size_t(63), all.size() - 1, all.size(), all.size() + 5}) {
        CAPTURE(room);
        cchc::FindingsBudget budget(room);
        std::vector<Finding> kept = cchc::check_sheet(sheet, {}, budget);
        const std::size_t n = std::min(room, all.size());
        REQUIRE(kept.size() == n);
        for (std::size_t i = 0; i < n; ++i) {
            CHECK(kept[i].line == all[i].line);
            CHECK(kept[i].rule == all[i].rule);
            CHECK(kept[i].message == all[i].message);
        }
        // The rest, counted exactly, rule by rule; the first one left out named.
        cchc::FindingCounts expected;
        for (std::size_t i = n; i < all.size(); ++i)
            expected.add(all[i]);
        const cchc::FindingCounts &dropped = budget.dropped();
        CHECK(dropped.total() == expected.total());
        if (expected.total() > 0) CHECK(dropped.first_line() == expected.first_line());
        for (const cchc::RuleInfo &rule : cchc::all_rules())
            for (Severity s : {Severity::info, Severity::warning, Severity::error})
                CHECK(dropped.count(rule.rule, s) == expected.count(rule.rule, s));
    }
}

TEST_CASE("info findings are not made when they are not wanted") {
    // 1 × 1/2 = 0.50, but the score is 0.8: a score-fraction-mismatch (info).
    cchc::LoadedFile loaded =
        cchc::test::load_text("Mục,Nội dung,Điểm tối đa,Điểm thẩm định,Ghi chú\n1.1,A,1,0.8,đạt 1/2\n", {});
    REQUIRE(loaded.sheets.size() == 1);
    cchc::CheckOptions options;
    std::vector<Finding> with_info = cchc::check_sheet(loaded.sheets.front(), options);
    REQUIRE(with_info.size() == 1);
    CHECK(with_info.front().rule == cchc::Rule::score_fraction_mismatch);
    options.info = false;
    CHECK(cchc::check_sheet(loaded.sheets.front(), options).empty());
}
