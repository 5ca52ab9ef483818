// Exact decimal scores: parsing (SPEC 3.4), printing and percentages.
#include <cchc/model/decimal.hpp>

#include <doctest/doctest.h>

#include <clocale>
#include <cstdint>
#include <string>
#include <vector>

using cchc::Decimal;
using cchc::parse_number;
using cchc::ParsedNumber;
using Status = cchc::ParsedNumber::Status;

namespace {

/// The value of a cell that must parse, in thousandths.
std::int64_t units_of(std::string_view text) {
    ParsedNumber n = parse_number(text);
    INFO("cell: \"" << std::string(text) << "\"");
    REQUIRE(n.status == Status::ok);
    return n.value.units();
}

Decimal dec(std::string_view text) {
    return Decimal::from_units(units_of(text));
}

} // namespace

TEST_CASE("parse_number reads the spellings of scores found in sheets") {
    SUBCASE("dot decimals") {
        CHECK(units_of("1.91") == 1910);
        CHECK(parse_number("1.91").decimals == 2);
        CHECK_FALSE(parse_number("1.91").too_precise);
    }
    SUBCASE("comma decimals") {
        CHECK(units_of("1,91") == 1910);
        CHECK(parse_number("95,68").decimals == 2);
    }
    SUBCASE("spaces around a whole number") {
        CHECK(units_of(" 2 ") == 2000);
        CHECK(parse_number(" 2 ").decimals == 0);
    }
    SUBCASE("zero") {
        CHECK(units_of("0") == 0);
        CHECK(dec("0").is_zero());
    }
    SUBCASE("explicit plus sign") {
        CHECK(units_of("+0.5") == 500);
    }
    SUBCASE("minus sign") {
        CHECK(units_of("-0.5") == -500);
        CHECK(dec("-0.5").is_negative());
    }
    SUBCASE("three decimals are exact") {
        CHECK(units_of("1.915") == 1915);
    }
    SUBCASE("a no-break space from a spreadsheet") {
        CHECK(units_of("\xC2\xA0"
                       "3,5\xC2\xA0") == 3500);
    }
}

TEST_CASE("parse_number treats an empty cell and a dash as not given") {
    for (std::string cell : {"", "-", "   ", " - "}) {
        CAPTURE(cell);
        ParsedNumber n = parse_number(cell);
        CHECK(n.status == Status::not_given);
        CHECK(n.value.is_zero());
    }
}

TEST_CASE("parse_number rejects what is not a plain decimal number") {
    for (std::string cell : {"abc", "1e5", "0x10", "1.2.3", "NaN", "nan", "inf", "-inf", "Infinity", "1 000", "1,000.5",
                             ".", "+", "--1", "1-", "2 điểm", "½"}) {
        CAPTURE(cell);
        CHECK(parse_number(cell).status == Status::bad);
    }
}

TEST_CASE("parse_number reports numbers too large to be scores") {
    SUBCASE("twenty digits") {
        CHECK(parse_number("99999999999999999999").status == Status::too_large);
    }
    SUBCASE("twenty digits negative") {
        CHECK(parse_number("-99999999999999999999").status == Status::too_large);
    }
    SUBCASE("the largest accepted magnitude") {
        ParsedNumber n = parse_number("1000000000000");
        REQUIRE(n.status == Status::ok);
        CHECK(n.value.units() == Decimal::k_max_units);
    }
    SUBCASE("just above the largest accepted magnitude") {
        CHECK(parse_number("1000000000000.001").status == Status::too_large);
        CHECK(parse_number("1000000000001").status == Status::too_large);
    }
}

TEST_CASE("parse_number flags more than three decimals and rounds half away from zero") {
    SUBCASE("rounded up") {
        ParsedNumber n = parse_number("1.2345");
        REQUIRE(n.status == Status::ok);
        CHECK(n.too_precise);
        CHECK(n.value.units() == 1235);
        CHECK(n.decimals == 4);
    }
    SUBCASE("rounded down") {
        ParsedNumber n = parse_number("1.2344");
        REQUIRE(n.status == Status::ok);
        CHECK(n.too_precise);
        CHECK(n.value.units() == 1234);
    }
    SUBCASE("negative rounds away from zero") {
        ParsedNumber n = parse_number("-1,2345");
        REQUIRE(n.status == Status::ok);
        CHECK(n.too_precise);
        CHECK(n.value.units() == -1235);
    }
    SUBCASE("rounding carries into the whole part") {
        ParsedNumber n = parse_number("0.99951");
        REQUIRE(n.status == Status::ok);
        CHECK(n.too_precise);
        CHECK(n.value.units() == 1000);
        CHECK(n.value.format() == "1.00");
    }
    SUBCASE("three decimals are not too precise") {
        ParsedNumber n = parse_number("0.125");
        CHECK_FALSE(n.too_precise);
        CHECK(n.value.units() == 125);
    }
}

TEST_CASE("Decimal format prints at least the asked decimals and never loses any") {
    SUBCASE("whole number") {
        CHECK(Decimal::from_int(11).format() == "11.00");
    }
    SUBCASE("three decimals kept") {
        CHECK(dec("1.915").format() == "1.915");
    }
    SUBCASE("one decimal padded") {
        CHECK(dec("0.5").format() == "0.50");
    }
    SUBCASE("negative") {
        CHECK(dec("-0.5").format() == "-0.50");
    }
    SUBCASE("no minimum") {
        CHECK(Decimal::from_int(2).format(0) == "2");
        CHECK(dec("0.09").format(0) == "0.09");
        CHECK(dec("2.500").format(0) == "2.5");
    }
    SUBCASE("comma separator") {
        CHECK(dec("1.5").format(2, ',') == "1,50");
    }
    SUBCASE("zero") {
        CHECK(Decimal().format() == "0.00");
    }
}

TEST_CASE("Decimal sums are exact") {
    SUBCASE("the appraised scores of the reference sheet add up to 11.00") {
        const std::vector<std::string> appraised = {"1.91", "0",    "0.5",  "0.8", "0", "0.96", "0.99", "0.1",
                                                    "0.32", "0.94", "0.87", "0",   "1", "0",    "0.69", "1.92"};
        Decimal sum;
        for (const std::string &cell : appraised)
            sum += dec(cell);
        CHECK(sum == Decimal::from_int(11));
        CHECK(sum.format() == "11.00");
        CHECK((Decimal::from_int(20) - sum).format() == "9.00");
    }
    SUBCASE("a thousand tenths make exactly one hundred") {
        Decimal sum;
        for (int i = 0; i < 1000; ++i)
            sum += dec("0.1");
        CHECK(sum == Decimal::from_int(100));
        CHECK(sum.format() == "100.00");
    }
    SUBCASE("subtraction") {
        CHECK((dec("2") - dec("1.91")).format(0) == "0.09");
    }
    SUBCASE("ordering") {
        CHECK(dec("3.1") < dec("3.101"));
        CHECK(dec("3.1") == dec("3.10"));
        CHECK(dec("-0.001") < Decimal());
    }
}

TEST_CASE("format_fixed puts the separator before the last digits and pads with zeros") {
    CHECK(cchc::format_fixed(5, false, 2, ',') == "0,05");
    CHECK(cchc::format_fixed(0, false, 0, '.') == "0");
    CHECK(cchc::format_fixed(1234, true, 3, '.') == "-1.234");
    CHECK(cchc::format_fixed(UINT64_MAX, false, 0, '.') == "18446744073709551615");
    CHECK(cchc::format_fixed(UINT64_MAX, false, 24, ',') == "0,000018446744073709551615");
}

TEST_CASE("percent_hundredths rounds half up and format_percent prints two decimals") {
    SUBCASE("870/901") {
        CHECK(cchc::percent_hundredths(870, 901) == 9656);
        CHECK(cchc::format_percent(9656, ',') == "96,56");
        CHECK(cchc::format_percent(9656, '.') == "96.56");
    }
    SUBCASE("44/46 is 95.65 and not the 95.68 the reference sheet says") {
        CHECK(cchc::percent_hundredths(44, 46) == 9565);
        CHECK(cchc::format_percent(cchc::percent_hundredths(44, 46), ',') == "95,65");
    }
    SUBCASE("a half rounds up") {
        CHECK(cchc::percent_hundredths(1, 20000) == 1);
    }
    SUBCASE("just below a half rounds down") {
        CHECK(cchc::percent_hundredths(1, 20001) == 0);
    }
    SUBCASE("whole and small percentages") {
        CHECK(cchc::percent_hundredths(1, 1) == 10000);
        CHECK(cchc::format_percent(10000, ',') == "100,00");
        CHECK(cchc::format_percent(5, '.') == "0.05");
        CHECK(cchc::percent_hundredths(2, 3) == 6667);
    }
    SUBCASE("past 64 bits: 10^12 points over 0.001 is 10^17 %") {
        const std::int64_t most = cchc::Decimal::k_max_units;
        cchc::WideInt h = cchc::percent_hundredths(most, 1);
        CHECK(h > cchc::WideInt(INT64_MAX));
        CHECK(cchc::format_percent(h, ',') == "100000000000000000,00");
        CHECK(cchc::format_percent(-h, '.') == "-100000000000000000.00");
        // 10^38 + 5: pieces of 19 digits keep their inner zeros.
        const cchc::WideInt e19 = cchc::WideInt(10'000'000'000'000'000'000ULL);
        CHECK(cchc::format_percent(e19 * e19 + 5, ',') == "1" + std::string(36, '0') + ",05");
        CHECK(cchc::format_percent(-5, ',') == "-0,05");
        CHECK(cchc::format_percent(0, ',') == "0,00");
    }
}

TEST_CASE("parse_number does not depend on the process locale") {
    // A locale with a decimal comma would make strtod read "1.91" as 1.
    const char *chosen = nullptr;
    for (const char *name : {"de_DE.UTF-8", "vi_VN.UTF-8", "de_DE.utf8", "vi_VN.utf8", "fr_FR.UTF-8"}) {
        if (std::setlocale(LC_NUMERIC, name) != nullptr) {
            chosen = name;
            break;
        }
    }
    if (chosen == nullptr) MESSAGE("no locale with a decimal comma is installed; checking under the C locale");
    CHECK(units_of("1.91") == 1910);
    CHECK(units_of("1,91") == 1910);
    CHECK(units_of("+0.5") == 500);
    CHECK(dec("1.91").format() == "1.91");
    CHECK(cchc::format_percent(9656, '.') == "96.56");
    std::setlocale(LC_NUMERIC, "C");
}

TEST_CASE("Decimal::format and format_percent agree with the plain digit-string way of writing them") {
    // The reference: whole part, then the thousandths with trailing zeros
    // dropped down to the asked decimals.
    auto reference = [](std::int64_t units, int min_decimals, char separator) {
        std::int64_t magnitude = units < 0 ? -units : units;
        std::string out = units < 0 ? "-" : "";
        out += std::to_string(magnitude / 1000);
        std::string digits = std::to_string(1000 + magnitude % 1000).substr(1);
        int keep = 3;
        while (keep > min_decimals && digits[static_cast<std::size_t>(keep) - 1] == '0')
            --keep;
        if (keep > 0) out += separator + digits.substr(0, static_cast<std::size_t>(keep));
        return out;
    };
    auto percent_reference = [](std::int64_t hundredths, char separator) {
        std::int64_t magnitude = hundredths < 0 ? -hundredths : hundredths;
        return (hundredths < 0 ? "-" : "") + std::to_string(magnitude / 100) + separator +
               std::to_string(100 + magnitude % 100).substr(1);
    };
    std::vector<std::int64_t> values = {
        0, 1, 9, 10, 99, 100, 999, 1000, 1001, 1010, 1100, 12345, 100000, 999999999, Decimal::k_max_units};
    for (std::int64_t v : std::vector<std::int64_t>(values))
        values.push_back(-v);
    for (std::int64_t v : values) {
        CAPTURE(v);
        for (int decimals = 0; decimals <= 3; ++decimals) {
            CHECK(Decimal::from_units(v).format(decimals) == reference(v, decimals, '.'));
            CHECK(Decimal::from_units(v).format(decimals, ',') == reference(v, decimals, ','));
        }
        CHECK(cchc::format_percent(v, ',') == percent_reference(v, ','));
    }
}
