// A workbook's number cell as the clerk sees it: 15 significant digits,
// then the cell's decimals, on the digits (input/workbook/number_text.hpp).
#include <cchc/input/workbook/number_text.hpp>

#include <doctest/doctest.h>

using namespace cchc;

TEST_CASE("number_text: 15 significant digits undo the binary error of a stored double") {
    CHECK(displayed_number("1.9099999999999999", -1) == "1.91");
    CHECK(displayed_number("0.30000000000000004", -1) == "0.3");
    CHECK(displayed_number("2.6749999999999998", -1) == "2.675");
    CHECK(displayed_number("0.1", -1) == "0.1");
    CHECK(displayed_number("3", -1) == "3");
    CHECK(displayed_number("100", -1) == "100");
    CHECK(displayed_number("0", -1) == "0");
    CHECK(displayed_number("-0", -1) == "0");
}

TEST_CASE("number_text: then the decimals the cell shows, half away from zero") {
    CHECK(displayed_number("2.6749999999999998", 2) == "2.68"); // as Excel shows it, not 2.67
    CHECK(displayed_number("1.9099999999999999", 2) == "1.91");
    CHECK(displayed_number("1.9099999999999999", 1) == "1.9");
    CHECK(displayed_number("3", 2) == "3.00");
    CHECK(displayed_number("0.125", 2) == "0.13");
    CHECK(displayed_number("0.5", 0) == "1");
    CHECK(displayed_number("0.4", 0) == "0");
    CHECK(displayed_number("9.995", 2) == "10.00");
    CHECK(displayed_number("0.004", 2) == "0.00");
    CHECK(displayed_number("0.005", 2) == "0.01");
}

TEST_CASE("number_text: exponents, negatives, large and small numbers") {
    CHECK(displayed_number("1E-7", -1) == "0.0000001");
    CHECK(displayed_number("1e-7", 2) == "0.00");
    CHECK(displayed_number("-1.9099999999999999", -1) == "-1.91");
    CHECK(displayed_number("-2.6749999999999998", 2) == "-2.68");
    CHECK(displayed_number("-0.001", 2) == "0.00"); // no "-0.00"
    CHECK(displayed_number("123456789012345678", -1) == "123456789012346000");
    CHECK(displayed_number("1.2345678901234567E+20", -1) == "123456789012346000000");
    CHECK(displayed_number("9.9999999999999999E+14", -1) == "1000000000000000");
    CHECK(displayed_number("12345.678", 0) == "12346");
    CHECK(displayed_number("1E+30", -1).empty());
}

TEST_CASE("number_text: what is no number is empty") {
    CHECK(displayed_number("", -1).empty());
    CHECK(displayed_number("abc", -1).empty());
    CHECK(displayed_number("1.2.3", -1).empty());
    CHECK(displayed_number("1e", -1).empty());
    CHECK(displayed_number("#DIV/0!", -1).empty());
}

TEST_CASE("number_text: number formats") {
    CHECK(parse_number_format("0.00").decimals == 2);
    CHECK(parse_number_format("#,##0.0").decimals == 1);
    CHECK(parse_number_format("0").decimals == 0);
    CHECK(parse_number_format("General").decimals == -1);
    CHECK(parse_number_format("0.00;[Red]-0.00").decimals == 2);
    CHECK(parse_number_format("\"điểm \"0.0").decimals == 1);
    CHECK(parse_number_format("dd/mm/yyyy").date);
    CHECK(parse_number_format("[$-42A]d mmmm yyyy").date);
    CHECK_FALSE(parse_number_format("[Red]0.00").date);
    CHECK(parse_number_format("0.00%").percent);
    CHECK(builtin_number_format(2).decimals == 2);
    CHECK(builtin_number_format(14).date);
    CHECK(builtin_number_format(0).decimals == -1);
}

TEST_CASE("number_text: dates and percentages as the cell shows them") {
    NumberFormat date;
    date.date = true;
    CHECK(format_cell_number("44986", date) == "1/3/2023");
    CHECK(format_cell_number("1", date) == "1/1/1900");
    CHECK(format_cell_number("61", date) == "1/3/1900");
    CHECK(format_cell_number("43524", date, true) == "1/3/2023");
    NumberFormat percent;
    percent.percent = true;
    percent.decimals = 2;
    CHECK(format_cell_number("0.95650000000000002", percent) == "95.65%");
}
