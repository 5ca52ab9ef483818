// Codes (sheet.hpp): normalising codes, their shapes, Roman domains and
// code order.
#include <cchc/model/sheet.hpp>

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using cchc::code_key;
using cchc::code_less;
using cchc::normalise_code;
using cchc::Row;
using cchc::RowKind;
using cchc::Sheet;
using cchc::test::key_of;
using cchc::test::make_row;
using cchc::test::sheet_of;

namespace {

bool well_formed(const std::string &code) {
    bool ok = false;
    code_key(code, ok);
    return ok;
}

} // namespace

TEST_CASE("normalise_code trims and drops a trailing dot") {
    CHECK(normalise_code("1.5.") == "1.5");
    CHECK(normalise_code(" 1.5 ") == "1.5");
    CHECK(normalise_code("\t3.11.1\n") == "3.11.1");
    CHECK(normalise_code("II.") == "II");
    CHECK(normalise_code("3.10") == "3.10");
    CHECK(normalise_code("1.1.3") == "1.1.3");
    CHECK(normalise_code("").empty());
    CHECK(normalise_code("   ").empty());
}

TEST_CASE("Roman numerals I to X are the domains 1 to 10") {
    const std::vector<std::string> romans = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
    for (std::size_t i = 0; i < romans.size(); ++i) {
        CAPTURE(romans[i]);
        CHECK(key_of(romans[i]) == std::to_string(i + 1));
        CHECK(well_formed(romans[i]));
    }
    SUBCASE("a Roman row's domain is its number") {
        Row row = make_row("IV");
        CHECK(row.domain() == "4");
    }
    SUBCASE("beyond X is not a domain") {
        CHECK_FALSE(well_formed("XI"));
    }
}

TEST_CASE("code_key keeps dotted codes as text and tells bad codes") {
    SUBCASE("dotted numbers") {
        CHECK(key_of("1.1.3") == "1.1.3");
        CHECK(well_formed("1.1.3"));
        CHECK(well_formed("3.10"));
        CHECK(well_formed("7"));
    }
    SUBCASE("3.10 is not 3.1") {
        CHECK(key_of("3.10") == "3.10");
        CHECK(key_of("3.10") != key_of("3.1"));
    }
    SUBCASE("malformed codes") {
        for (std::string code : {"1..2", "1.2a", "ab", "1.", ".1", "1,2", "1 2", "Tổng cộng", "a))", "()", "--"}) {
            CAPTURE(code);
            CHECK_FALSE(well_formed(code));
        }
    }
    SUBCASE("the domain is the first segment") {
        CHECK(make_row("3.11.1").domain() == "3");
        CHECK(make_row("10.2").domain() == "10");
        CHECK(make_row("7").domain() == "7");
    }
}

TEST_CASE("code_less orders codes segment by segment as numbers") {
    SUBCASE("3.2 before 3.10") {
        CHECK(code_less("3.2", "3.10"));
        CHECK_FALSE(code_less("3.10", "3.2"));
    }
    SUBCASE("3.1 before 3.10 and they are not equal") {
        CHECK(code_less("3.1", "3.10"));
        CHECK_FALSE(code_less("3.10", "3.1"));
    }
    SUBCASE("a parent before its children") {
        CHECK(code_less("1", "1.1"));
        CHECK_FALSE(code_less("1.1", "1"));
        CHECK(code_less("1.5", "1.5.3"));
    }
    SUBCASE("irreflexive") {
        CHECK_FALSE(code_less("3.1", "3.1"));
        CHECK_FALSE(code_less("", ""));
    }
    SUBCASE("sorting") {
        std::vector<std::string> codes = {"10", "3.10", "2", "3.2", "1.10", "3.1", "1.2", "3.11.1", "3.9"};
        std::sort(codes.begin(), codes.end(), code_less);
        CHECK(codes == std::vector<std::string>{"1.2", "1.10", "2", "3.1", "3.2", "3.9", "3.10", "3.11.1", "10"});
    }
}

TEST_CASE("normalise_code trims no-break spaces as parse_number does") {
    // Score cells with U+00A0 around the number are read (decimal.cpp trims
    // it); a code cell pasted the same way must not become a bad code.
    REQUIRE(cchc::parse_number("\xC2\xA0"
                               "2\xC2\xA0")
                .status == cchc::ParsedNumber::Status::ok);
    CHECK(normalise_code("1.1\xC2\xA0") == "1.1");
    CHECK(normalise_code("\xC2\xA0"
                         "1.2") == "1.2");
    CHECK(normalise_code("\xC2\xA0"
                         "II.\xC2\xA0") == "II");
}

TEST_CASE("set_dotted_code is normalise_code and code_key in one pass for dotted numbers") {
    for (std::string cell : {"1", "1.2.3", "3.10", "1.2.3.4.5.6.7.8", "1.2.3.4.5.6.7.8.9", "01.2", "1.", " 1.2", "1..2",
                             "III", "", "1.2a", "Tổng cộng"}) {
        CAPTURE(cell);
        Row row;
        bool dotted = cchc::set_dotted_code(cell, row);
        std::string code = normalise_code(cell);
        bool expected_well_formed = false;
        std::string key = code_key(code, expected_well_formed);
        bool is_dotted = !cell.empty() && cell.find_first_not_of("0123456789.") == std::string::npos &&
                         cell.front() != '.' && cell.back() != '.' && cell.find("..") == std::string::npos;
        CHECK(dotted == is_dotted);
        if (!dotted) continue;
        CHECK(row.code == code);
        CHECK(row.key == key);
        CHECK(row.code_well_formed == expected_well_formed);
    }
}

TEST_CASE("ColumnBound leaves out a score that would take its column's sum past 10^12 points") {
    using Status = cchc::ParsedNumber::Status;
    auto scored = [](const std::string &code, std::int64_t max, std::int64_t appraised,
                     RowKind kind = RowKind::criterion) {
        Row row = make_row(code, kind);
        row.max.number = cchc::parse_number(std::to_string(max));
        row.appraised.number = cchc::parse_number(std::to_string(appraised));
        return row;
    };
    const std::int64_t most = 1'000'000'000'000; // points
    auto bound = [](Sheet &sheet) {
        cchc::ColumnBound columns;
        for (Row &row : sheet.rows)
            columns.take(row);
    };
    SUBCASE("the first score that passes is marked; the others stay") {
        Sheet sheet = sheet_of({scored("1.1", most - 1, 0), scored("1.2", 1, 0), scored("1.3", 1, 0)});
        bound(sheet);
        CHECK(sheet.rows[0].max.given());
        CHECK(sheet.rows[1].max.given()); // exactly 10^12 in all
        CHECK(sheet.rows[2].max.number.status == Status::sum_too_large);
        CHECK_FALSE(sheet.rows[2].max.given());
        CHECK(sheet.rows[2].appraised.given()); // columns are bounded apart
    }
    SUBCASE("magnitudes count, so a negative score cannot make room") {
        Sheet sheet = sheet_of({scored("1.1", most, 0), scored("1.2", -most, 0), scored("1.3", 0, 0)});
        bound(sheet);
        CHECK(sheet.rows[0].max.given());
        CHECK(sheet.rows[1].max.number.status == Status::sum_too_large);
        CHECK(sheet.rows[2].max.given()); // zero adds nothing
    }
    SUBCASE("parents and totals are not summed, so they are not counted") {
        Row total = scored("", most, most, RowKind::total);
        Sheet sheet = sheet_of({scored("1", most, most, RowKind::parent), scored("1.1", most, most), total});
        bound(sheet);
        for (const Row &row : sheet.rows) {
            CHECK(row.max.given());
            CHECK(row.appraised.given());
        }
    }
}

TEST_CASE("is_total_label reads the total rows clerks write, and not words that only start like them") {
    for (std::string label :
         {"Tổng cộng", "TỔNG CỘNG:", "Tổng điểm", "Tổng số điểm", "Cộng điểm", "Tổng cộng điểm", "TỔNG ĐIỂM ĐẠT ĐƯỢC",
          "TỔNG CỘNG (A+B)", "Cộng", "Tổng", "Tổng số", "Total", "Grand total", "Total score", "tổng cộng."}) {
        CAPTURE(label);
        CHECK(cchc::is_total_label(label));
    }
    for (std::string text : {"Cộng đồng", "Tổng kết", "Cộng A", "Tổng hợp kết quả", "Grand", "Điểm", "1.1",
                             "Tổng cộng các tiêu chí đã hoàn thành trong năm 2023 của phường"}) {
        CAPTURE(text);
        CHECK_FALSE(cchc::is_total_label(text));
    }
}
