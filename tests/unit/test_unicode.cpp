// Unicode helpers of text/unicode.hpp: NFC, folding for header matching, UTF-8
// validation, display width and cutting text to a width.
#include <cchc/text/unicode.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using cchc::cut_to_width;
using cchc::display_width;
using cchc::fold;
using cchc::to_nfc;

namespace {

// Spelled with escapes so the bytes do not depend on how an editor saves the file.
const std::string k_nguyen_nfc = "Nguy\xE1\xBB\x85n";             // ễ = U+1EC5
const std::string k_nguyen_nfd = "Nguye\xCC\x82\xCC\x83n";        // e + U+0302 + U+0303
const std::string k_tot_nfc = "T\xE1\xBB\x91t";                   // Tốt
const std::string k_tot_nfd = "To\xCC\x82\xCC\x81t";              // o + U+0302 + U+0301
const std::string k_het_nfd = "He\xCC\x82\xCC\x81t";              // Hết, decomposed
const std::string k_e_circumflex_acute_nfd = "e\xCC\x82\xCC\x81"; // ế, decomposed

/// True when `text` starts with a combining diacritical mark (U+0300–U+036F).
bool starts_with_combining_mark(std::string_view text) {
    if (text.size() < 2) return false;
    auto b0 = static_cast<unsigned char>(text[0]);
    auto b1 = static_cast<unsigned char>(text[1]);
    return (b0 == 0xCC && b1 >= 0x80) || (b0 == 0xCD && b1 <= 0xAF);
}

} // namespace

TEST_CASE("to_nfc composes a decomposed Vietnamese name") {
    SUBCASE("NFD becomes NFC") {
        CHECK(k_nguyen_nfd != k_nguyen_nfc);
        CHECK(to_nfc(k_nguyen_nfd) == k_nguyen_nfc);
        CHECK(to_nfc(k_nguyen_nfd) == "Nguyễn");
    }
    SUBCASE("NFC stays as it is") {
        CHECK(to_nfc(k_nguyen_nfc) == k_nguyen_nfc);
    }
    SUBCASE("ASCII stays as it is") {
        CHECK(to_nfc("Tong cong 1.5") == "Tong cong 1.5");
    }
    SUBCASE("a letter with two marks and a word with two letters") {
        CHECK(to_nfc(k_tot_nfd) == k_tot_nfc);
        CHECK(to_nfc("Văn phòng") == "V\xC4\x83n ph\xC3\xB2ng");
        CHECK(to_nfc("Va\xCC\x86n pho\xCC\x80ng") == "V\xC4\x83n ph\xC3\xB2ng");
    }
}

TEST_CASE("fold gives the matching form of header names") {
    SUBCASE("parenthesised text and line breaks") {
        CHECK(fold("Ghi chú\n(Lý do giảm điểm)") == "ghi chu");
    }
    SUBCASE("line breaks between words") {
        CHECK(fold("Điểm\nthẩm\nđịnh") == "diem tham dinh");
    }
    SUBCASE("slashes with and without spaces") {
        CHECK(fold("Nội dung\nLĩnh vực/ Tiêu chí/Tiêu chí thành phần") ==
              "noi dung linh vuc/tieu chi/tieu chi thanh phan");
        CHECK(fold("Lĩnh vực / Tiêu chí /Tiêu chí thành phần") == "linh vuc/tieu chi/tieu chi thanh phan");
    }
    SUBCASE("upper case with đ") {
        CHECK(fold("ĐIỂM THẨM ĐỊNH") == "diem tham dinh");
        CHECK(fold("MỤC") == "muc");
    }
    SUBCASE("decomposed input folds like composed input") {
        CHECK(fold("\xC4\x90ie\xCC\x82\xCC\x89m to\xCC\x82\xCC\x81i \xC4\x91"
                   "a") == "diem toi da");
    }
    SUBCASE("runs of white space collapse and ends are trimmed") {
        CHECK(fold("  Tổng \t  cộng \r\n") == "tong cong");
    }
    SUBCASE("nested parentheses are dropped whole") {
        CHECK(fold("Mục (a (b) c) chính") == "muc chinh");
    }
    SUBCASE("text without marks is only lower-cased") {
        CHECK(fold("Max") == "max");
    }
}

TEST_CASE("collapse_space joins lines into one") {
    CHECK(cchc::collapse_space("  Bộ phận tiếp nhận\nvà trả kết quả \n phường ") ==
          "Bộ phận tiếp nhận và trả kết quả phường");
    CHECK(cchc::collapse_space(" \n\t ").empty());
}

TEST_CASE("valid_utf8_prefix stops at the first byte that is not UTF-8") {
    SUBCASE("valid text") {
        CHECK(cchc::is_valid_utf8("Tốt"));
        CHECK(cchc::valid_utf8_prefix("Tốt") == std::string("Tốt").size());
    }
    SUBCASE("a Windows-1258 byte") {
        CHECK_FALSE(cchc::is_valid_utf8("T\xF4t"));
        CHECK(cchc::valid_utf8_prefix("T\xF4t") == 1);
    }
    SUBCASE("an incomplete sequence at the end") {
        CHECK(cchc::valid_utf8_prefix("ab\xE1\xBB") == 2);
    }
    SUBCASE("overlong forms and surrogates") {
        CHECK_FALSE(cchc::is_valid_utf8("\xC0\xAF"));
        CHECK_FALSE(cchc::is_valid_utf8("\xE0\x80\xAF"));
        CHECK_FALSE(cchc::is_valid_utf8("\xED\xA0\x80"));
        CHECK_FALSE(cchc::is_valid_utf8("\xF4\x90\x80\x80"));
    }
    SUBCASE("a stray continuation byte") {
        CHECK(cchc::valid_utf8_prefix("a\x80z") == 1);
    }
}

TEST_CASE("display_width counts terminal columns") {
    SUBCASE("ASCII") {
        CHECK(display_width("abc") == 3);
    }
    SUBCASE("Vietnamese in NFC and NFD alike") {
        CHECK(display_width(k_tot_nfc) == 3);
        CHECK(display_width(k_tot_nfd) == 3);
        CHECK(display_width(k_nguyen_nfd) == 6);
        CHECK(display_width(k_nguyen_nfc) == 6);
    }
    SUBCASE("wide characters take two columns") {
        CHECK(display_width("漢字") == 4);
        CHECK(display_width("a漢b") == 4);
    }
    SUBCASE("empty text and line breaks") {
        CHECK(display_width("") == 0);
        CHECK(display_width("a\nb") == 3);
    }
    SUBCASE("the ellipsis is one column") {
        CHECK(display_width("…") == 1);
    }
}

TEST_CASE("cut_to_width keeps letters whole and never exceeds the width") {
    SUBCASE("a decomposed letter keeps its marks") {
        CHECK(cut_to_width(k_het_nfd, 2) == "He\xCC\x82\xCC\x81");
        CHECK(cut_to_width(k_het_nfd, 1) == "H");
        CHECK(cut_to_width(k_e_circumflex_acute_nfd, 1) == k_e_circumflex_acute_nfd);
        CHECK(cut_to_width(k_e_circumflex_acute_nfd, 0).empty());
    }
    SUBCASE("a wide character is not split into a half") {
        CHECK(cut_to_width("漢字", 3) == "漢");
        CHECK(cut_to_width("漢字", 1).empty());
        CHECK(cut_to_width("漢字", 4) == "漢字");
    }
    SUBCASE("text that fits is returned whole") {
        CHECK(cut_to_width("abc", 5) == "abc");
    }
    SUBCASE("every width for several texts") {
        const std::vector<std::string> texts = {k_het_nfd + " h" + "a\xCC\xA3" + "n", k_nguyen_nfd + " Văn",
                                                k_nguyen_nfc, "漢字abc", "Tỷ lệ đạt"};
        for (const std::string &text : texts) {
            for (std::size_t width = 0; width <= display_width(text) + 1; ++width) {
                CAPTURE(text);
                CAPTURE(width);
                std::string_view cut = cut_to_width(text, width);
                CHECK(std::string_view(text).substr(0, cut.size()) == cut);
                CHECK(display_width(cut) <= width);
                CHECK_FALSE(starts_with_combining_mark(std::string_view(text).substr(cut.size())));
                if (width >= display_width(text)) CHECK(cut == text);
                // The cut is as long as the width allows: one more column of text would not fit.
                if (cut.size() < text.size()) CHECK(display_width(cut) + 2 > width);
            }
        }
    }
}

TEST_CASE("classify_utf8 is valid_utf8_prefix and is_plain_latin in one pass") {
    const std::vector<std::string> texts = {
        "",
        "abc",
        "Trong năm có 17/34 hồ sơ, đạt 50,00%",
        "Công chức Tư pháp - Hộ tịch",
        "Đ ơ ư Ơ Ư ñ ÿ",
        "e\xCC\x81",         // e + combining acute: not plain
        "\xE2\x80\x93 dash", // U+2013
        "\xE1\xBB\x87",      // ệ
        "\xE1\xBC\x80",      // U+1F00 Greek: not plain
        "\xCB\xBF",          // U+02FF
        "\xCC\x80",          // U+0300
        "\xF0\x9F\x98\x80",  // an emoji
        "abc\xC3",           // cut short
        "\xC3\x28",          // bad continuation
        "\xE0\x80\x80",      // overlong
        "\xED\xA0\x80",      // surrogate
        "ok\xFF",
        "\xE1\xBB",
    };
    for (const std::string &t : texts) {
        CAPTURE(t);
        cchc::Utf8Kind expected = !cchc::is_valid_utf8(t)   ? cchc::Utf8Kind::invalid
                                  : cchc::is_plain_latin(t) ? cchc::Utf8Kind::plain_latin
                                                            : cchc::Utf8Kind::other;
        CHECK(cchc::classify_utf8(t) == expected);
    }
}

TEST_CASE("collapse_space keeps text with single spaces as it is and collapses the rest") {
    CHECK(cchc::collapse_space("Công chức Tư pháp - Hộ tịch") == "Công chức Tư pháp - Hộ tịch");
    CHECK(cchc::collapse_space("1.1.1") == "1.1.1");
    CHECK(cchc::collapse_space("a  b") == "a b");
    CHECK(cchc::collapse_space("a b ") == "a b");
    CHECK(cchc::collapse_space(" a b") == "a b");
    CHECK(cchc::collapse_space("a\tb") == "a b");
    CHECK(cchc::collapse_space("a\xC2\xA0"
                               "b") == "a b");
    CHECK(cchc::collapse_space("a\xE2\x80\xAF"
                               "b") == "a b");
    CHECK(cchc::collapse_space("a\xE2\x80\x93"
                               "b") == "a\xE2\x80\x93"
                                       "b"); // a dash is no space
    CHECK(cchc::collapse_space("x") == "x");
    CHECK(cchc::collapse_space(" ").empty());
    CHECK(cchc::collapse_space("").empty());
}
