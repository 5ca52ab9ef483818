// What a note says in numbers (note.hpp, SPEC 3.5): fractions A/B, the
// loose "3 TTHC …/30TTHC" form, percentages, and what is neither.
#include <cchc/model/decimal.hpp>
#include <cchc/model/note.hpp>

#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

using cchc::NoteFacts;
using cchc::read_note;

namespace {

/// "44/46" for a strict fraction, "~3/30" for a loose one.
std::vector<std::string> fractions_of(std::string_view note) {
    std::vector<std::string> out;
    for (const cchc::NoteFraction &f : read_note(note).fractions)
        out.push_back((f.loose ? "~" : "") + std::to_string(f.numerator) + "/" + std::to_string(f.denominator));
    return out;
}

using Texts = std::vector<std::string>;

} // namespace

TEST_CASE("read_note finds a fraction and a percentage") {
    NoteFacts facts = read_note("Hoàn thành 44/46\nnhiệm vụ, đạt 95,68%\n- Các bộ phận chưa");
    REQUIRE(facts.fractions.size() == 1);
    CHECK(facts.fractions[0].numerator == 44);
    CHECK(facts.fractions[0].denominator == 46);
    CHECK_FALSE(facts.fractions[0].loose);
    CHECK(facts.fractions[0].text == "44/46");
    REQUIRE(facts.percents.size() == 1);
    CHECK(facts.percents[0].scaled == 9568);
    CHECK(facts.percents[0].decimals == 2);
    CHECK(facts.percents[0].separator == ',');
    CHECK(facts.percents[0].text == "95,68");
}

TEST_CASE("read_note reads the fractions written in the reference sheet") {
    CHECK(fractions_of("Trong năm có\n870/901 hồ sơ, đạt\n96,56%") == Texts{"870/901"});
    CHECK(fractions_of("782/903, đạt tỷ lệ\n86.6%") == Texts{"782/903"});
    SUBCASE("leading zeros") {
        NoteFacts facts = read_note("Trong năm có 01/02\ncuộc đối thoại");
        REQUIRE(facts.fractions.size() == 1);
        CHECK(facts.fractions[0].numerator == 1);
        CHECK(facts.fractions[0].denominator == 2);
        CHECK(facts.fractions[0].text == "01/02");
    }
    SUBCASE("the loose form") {
        NoteFacts facts = read_note("3 TTHC phát sinh\ngiao dịch thanh toán\ntrực tuyến/30TTHC\nđang triển khai");
        REQUIRE(facts.fractions.size() == 1);
        CHECK(facts.fractions[0].loose);
        CHECK(facts.fractions[0].numerator == 3);
        CHECK(facts.fractions[0].denominator == 30);
        CHECK(facts.fractions[0].text == "3 TTHC phát sinh giao dịch thanh toán trực tuyến/30");
    }
    SUBCASE("a fraction greater than one is still read") {
        CHECK(fractions_of("5/3 hồ sơ") == Texts{"5/3"});
    }
}

TEST_CASE("dates and document numbers are not fractions") {
    for (std::string note :
         {"Báo cáo ngày 22/6/2023", "Quyết định số 1299/QĐ-UBND", "tháng 6/2023", "theo Nghị định số 42", "tỷ lệ 1.5/2",
          "năm 2022/2023/2024", "đạt 50%, còn lại / chưa làm"}) {
        CAPTURE(note);
        CHECK(fractions_of(note).empty());
    }
    SUBCASE("the loose form needs words between the number and the slash") {
        CHECK(fractions_of("đạt 3 /30").empty());
        CHECK(fractions_of("Có 3. Hết/30").empty());
    }
}

TEST_CASE("a number glued to a Vietnamese letter is not a fraction") {
    // note.cpp: a numerator must not be glued "to a letter (\"QĐ12/3\")";
    // Đ is not ASCII, so its last UTF-8 byte must count as part of a letter.
    CHECK(fractions_of("Theo QĐ12/3").empty());
    CHECK(fractions_of("QĐ12/3").empty());
    SUBCASE("near miss: glued to an ASCII letter") {
        CHECK(fractions_of("QD12/3").empty());
    }
}

TEST_CASE("read_note reads percentages with either decimal separator") {
    SUBCASE("a dot and one decimal") {
        NoteFacts facts = read_note("đạt 86.6%");
        REQUIRE(facts.percents.size() == 1);
        CHECK(facts.percents[0].scaled == 866);
        CHECK(facts.percents[0].decimals == 1);
        CHECK(facts.percents[0].separator == '.');
        CHECK(facts.percents[0].text == "86.6");
    }
    SUBCASE("no decimals and a space before the sign") {
        NoteFacts facts = read_note("đạt\n80 % (tỷ lệ thanh toán)");
        REQUIRE(facts.percents.size() == 1);
        CHECK(facts.percents[0].scaled == 80);
        CHECK(facts.percents[0].decimals == 0);
        CHECK(facts.percents[0].text == "80");
    }
    SUBCASE("several") {
        CHECK(read_note("từ 12,5% lên 20%").percents.size() == 2);
    }
    SUBCASE("no percentage") {
        CHECK(read_note("Chưa tổ chức đánh giá").percents.empty());
    }
}

TEST_CASE("fraction_percent rounds and truncates to the decimals asked") {
    CHECK(cchc::fraction_percent(44, 46, 2).rounded == 9565);
    CHECK(cchc::fraction_percent(44, 46, 2).truncated == 9565);
    CHECK(cchc::fraction_percent(870, 901, 2).rounded == 9656);
    CHECK(cchc::fraction_percent(870, 901, 2).truncated == 9655);
    CHECK(cchc::fraction_percent(2, 3, 0).rounded == 67);
    CHECK(cchc::fraction_percent(2, 3, 0).truncated == 66);
    CHECK(cchc::fraction_percent(782, 903, 1).rounded == 866);
}

TEST_CASE("format_scaled writes a scaled number") {
    CHECK(cchc::format_scaled(9565, 2, ',') == "95,65");
    CHECK(cchc::format_scaled(866, 1, '.') == "86.6");
    CHECK(cchc::format_scaled(5, 2, '.') == "0.05");
    CHECK(cchc::format_scaled(80, 0, ',') == "80");
}

TEST_CASE("a day and month after 'ngày' or 'tháng' is a date, not a fraction") {
    CHECK(fractions_of("Họp ngày 22/6").empty());
    // Folding drops parentheses, so these words are date words too.
    CHECK(fractions_of("(ghi)ngày 22/6").empty());
    CHECK(fractions_of(")Tháng 6/2023").empty());
    CHECK(fractions_of("có 22/26").size() == 1);
    CHECK(fractions_of("từ ngày 5/6 đến tháng 6/2023").empty());
    SUBCASE("near miss: the same numbers as a count") {
        CHECK(fractions_of("Họp 5/6 lần") == Texts{"5/6"});
    }
}

TEST_CASE("a number right after a slash is not a percentage") {
    CHECK(read_note("1/2% hồ sơ").percents.empty());
    SUBCASE("near miss: after a space") {
        CHECK(read_note("1/2 = 50%").percents.size() == 1);
    }
}

TEST_CASE("scaled_quotient gives the same forms in 64 and in 128 bits") {
    // Below 2^30 each, the product is taken in 64 bits; the reference is 128.
    for (std::int64_t a : {-5LL, 0LL, 1LL, 750LL, 1073741823LL, 1073741824LL, 1000000000000000LL})
        for (std::int64_t b : {0LL, 1LL, 44LL, 1073741823LL, 1073741824LL})
            for (std::int64_t d : {1LL, 460LL, 9010LL, 1073741823LL, 1073741824LL, 99999999999990LL}) {
                CAPTURE(a);
                CAPTURE(b);
                CAPTURE(d);
                cchc::WideInt product = static_cast<cchc::WideInt>(a) * b;
                cchc::PercentForms forms = cchc::scaled_quotient(a, b, d);
                CHECK(forms.rounded == static_cast<std::int64_t>((product * 2 + d) / (cchc::WideInt(d) * 2)));
                CHECK(forms.truncated == static_cast<std::int64_t>(product / d));
            }
    CHECK(cchc::scaled_quotient(750, 44, 460).rounded == 72);   // 0.75 × 44/46 = 0.717… → 0.72
    CHECK(cchc::scaled_quotient(750, 44, 460).truncated == 71); // → 0.71
}

TEST_CASE("fraction_percent gives the same forms in 64 and in 128 bits") {
    // Small counts take a 64-bit path; the reference is the 128-bit formula.
    auto reference = [](std::int64_t a, std::int64_t b, int decimals) {
        cchc::WideInt scaled = static_cast<cchc::WideInt>(a) * 100;
        for (int i = 0; i < decimals; ++i)
            scaled *= 10;
        return std::pair<std::int64_t, std::int64_t>{static_cast<std::int64_t>((scaled * 2 + b) / (b * 2)),
                                                     static_cast<std::int64_t>(scaled / b)};
    };
    for (std::int64_t a : {0LL, 1LL, 2LL, 7LL, 44LL, 870LL, 1073741823LL, 1073741824LL, 999999999999LL})
        for (std::int64_t b : {1LL, 3LL, 46LL, 901LL, 1073741823LL, 1073741824LL, 999999999999LL})
            for (int decimals = 0; decimals <= 6; ++decimals) {
                CAPTURE(a);
                CAPTURE(b);
                CAPTURE(decimals);
                cchc::PercentForms forms = cchc::fraction_percent(a, b, decimals);
                auto expected = reference(a, b, decimals);
                CHECK(forms.rounded == expected.first);
                CHECK(forms.truncated == expected.second);
            }
}

TEST_CASE("counts may be written with Vietnamese thousands dots") {
    SUBCASE("on both sides of the slash") {
        NoteFacts facts = read_note("1.238/1.250 hồ sơ, đạt 99,04%");
        REQUIRE(facts.fractions.size() == 1);
        CHECK(facts.fractions[0].numerator == 1238);
        CHECK(facts.fractions[0].denominator == 1250);
        CHECK_FALSE(facts.fractions[0].loose);
        CHECK(facts.fractions[0].text == "1.238/1.250");
        REQUIRE(facts.percents.size() == 1);
        CHECK(facts.percents[0].scaled == 9904);
    }
    SUBCASE("several groups, and on one side only") {
        CHECK(fractions_of("12.345.678/13.000.000 lượt") == Texts{"12345678/13000000"});
        CHECK(fractions_of("có 980/1.000 hồ sơ") == Texts{"980/1000"});
        CHECK(fractions_of("có 1.000/1250 hồ sơ") == Texts{"1000/1250"});
        CHECK(fractions_of("(2.345/3.120)") == Texts{"2345/3120"});
    }
    SUBCASE("the same counts as without the dots") {
        NoteFacts dotted = read_note("2.345/3.120 hồ sơ, đạt 75,61%");
        NoteFacts plain = read_note("2345/3120 hồ sơ, đạt 75,61%");
        REQUIRE(dotted.fractions.size() == 1);
        REQUIRE(plain.fractions.size() == 1);
        CHECK(dotted.fractions[0].numerator == plain.fractions[0].numerator);
        CHECK(dotted.fractions[0].denominator == plain.fractions[0].denominator);
        CHECK(dotted.fractions[0].text == "2.345/3.120");
        // 2345/3120 is 75,16 %, not the 75,61 % the note says.
        CHECK(cchc::fraction_percent(2345, 3120, 2).rounded == 7516);
    }
    SUBCASE("a sentence's full stop after the denominator") {
        CHECK(fractions_of("Đã giải quyết 1.238/1.250. Còn lại đang xử lý") == Texts{"1238/1250"});
    }
    SUBCASE("the loose form") {
        CHECK(fractions_of("1.238 TTHC phát sinh trực tuyến/1.250 TTHC") == Texts{"~1238/1250"});
    }
}

TEST_CASE("near misses: dots that are not thousands dots") {
    // A decimal, or groups that are not of three digits: as before, no fraction.
    for (std::string note : {"tỷ lệ 1.5/2", "tỷ lệ 1.23/4", "tỷ lệ 1.2345/6", "tỷ lệ 2/1.5", "tỷ lệ 2/1.23",
                             "tỷ lệ 2/1.2345", "tỷ lệ 1234.567/8", "tỷ lệ 0.238/1", "tỷ lệ 2/0.250", "tỷ lệ 1.23.456/7",
                             "tỷ lệ 2/1.250.5", "tỷ lệ 2/1.250,5", "tỷ lệ 1,5.238/9"}) {
        CAPTURE(note);
        CHECK(fractions_of(note).empty());
    }
    SUBCASE("a date stays a date") {
        CHECK(fractions_of("Quyết định ngày 01/05/2004").empty());
        CHECK(fractions_of("01/05/2004").empty());
    }
    SUBCASE("a code with dots before a slash is not a count") {
        CHECK(fractions_of("tiêu chí 1.1.3/2").empty());
    }
    SUBCASE("more than twelve digits are not a count") {
        CHECK(fractions_of("1.234.567.890.123/2").empty());
        CHECK(fractions_of("123.456.789.012/999.999.999.999") == Texts{"123456789012/999999999999"});
    }
}
