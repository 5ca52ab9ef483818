// Bytes → UTF-8 (encoding.hpp): BOMs, UTF-16, the Windows-1258 fallback,
// line ends, and the errors that stop a file with its line.
#include "test_support.hpp"

#include <cchc/base/error.hpp>
#include <cchc/input/encoding.hpp>
#include <cchc/text/unicode.hpp>

#include <doctest/doctest.h>

#include <functional>
#include <string>

using cchc::test::decode_all;
using cchc::test::source_of;

namespace {

const std::string k_sheet = "Mục,Nội dung,Điểm tối đa,Điểm thẩm định\n1.1.3,Mức độ thực hiện kế hoạch CCHC,2,1.91\n";

/// UTF-8 → UTF-16 code units (the input is valid UTF-8).
std::u16string to_utf16(std::string_view utf8) {
    std::u16string out;
    for (std::size_t i = 0; i < utf8.size();) {
        auto c = static_cast<unsigned char>(utf8[i]);
        std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; k < len; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        i += len;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out += static_cast<char16_t>(0xD800 + (cp >> 10));
            out += static_cast<char16_t>(0xDC00 + (cp & 0x3FF));
        } else {
            out += static_cast<char16_t>(cp);
        }
    }
    return out;
}

/// The bytes of `utf8` as UTF-16 with a byte-order mark.
std::string utf16_bytes(std::string_view utf8, bool little_endian) {
    std::string out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
    for (char16_t unit : to_utf16(utf8)) {
        char lo = static_cast<char>(unit & 0xFF);
        char hi = static_cast<char>(unit >> 8);
        if (little_endian) {
            out += lo;
            out += hi;
        } else {
            out += hi;
            out += lo;
        }
    }
    return out;
}

/// Runs `work`, which must throw InputError; returns it.
cchc::InputError input_error_of(const std::function<void()> &work) {
    try {
        work();
    } catch (const cchc::InputError &e) {
        return e;
    }
    FAIL("no InputError was thrown");
    return cchc::InputError("", 0, "");
}

std::string repeat(const std::string &text, std::size_t times) {
    std::string out;
    for (std::size_t i = 0; i < times; ++i)
        out += text;
    return out;
}

} // namespace

TEST_CASE("UTF-8 input is read with and without a BOM") {
    SUBCASE("without BOM") {
        auto source = source_of(k_sheet);
        CHECK(decode_all(*source) == k_sheet);
        CHECK(source->encoding() == "UTF-8");
        CHECK_FALSE(source->encoding_assumed());
    }
    SUBCASE("with BOM: the BOM is dropped") {
        auto source = source_of("\xEF\xBB\xBF" + k_sheet);
        CHECK(decode_all(*source) == k_sheet);
        CHECK(source->encoding() == "UTF-8");
        CHECK_FALSE(source->encoding_assumed());
    }
    SUBCASE("NFD text is handed on as it is") {
        std::string nfd = "To\xCC\x82\xCC\x81t\n";
        auto source = source_of(nfd);
        CHECK(decode_all(*source) == nfd);
    }
    SUBCASE("forced UTF-8 by name in lower case") {
        auto source = source_of(k_sheet, "utf8");
        CHECK(decode_all(*source) == k_sheet);
        CHECK(source->encoding() == "UTF-8");
    }
}

TEST_CASE("UTF-16 with a BOM decodes to the same UTF-8") {
    SUBCASE("little endian") {
        auto source = source_of(utf16_bytes(k_sheet, true));
        CHECK(decode_all(*source) == k_sheet);
        CHECK(source->encoding() == "UTF-16LE");
        CHECK_FALSE(source->encoding_assumed());
    }
    SUBCASE("big endian") {
        auto source = source_of(utf16_bytes(k_sheet, false));
        CHECK(decode_all(*source) == k_sheet);
        CHECK(source->encoding() == "UTF-16BE");
    }
    SUBCASE("Excel Unicode Text: tabs and CRLF") {
        auto source = source_of(utf16_bytes("Mục\tĐiểm tối đa\r\n1.1\t2\r\n", true));
        CHECK(decode_all(*source) == "Mục\tĐiểm tối đa\n1.1\t2\n");
    }
    SUBCASE("a character outside the BMP") {
        auto source = source_of(utf16_bytes("a😀b\n", true));
        CHECK(decode_all(*source) == "a😀b\n");
    }
    SUBCASE("a long file read in odd-sized pieces") {
        std::string text = repeat("Điểm thẩm định,1.5\r\n", 4000);
        auto source = source_of(utf16_bytes(text, true), "", 65537);
        CHECK(decode_all(*source) == repeat("Điểm thẩm định,1.5\n", 4000));
    }
    SUBCASE("a truncated last code unit is an error") {
        std::string bytes = utf16_bytes("ab\ncd\n", true);
        bytes.pop_back();
        auto source = source_of(bytes);
        cchc::InputError e = input_error_of([&] { decode_all(*source); });
        CHECK(e.file() == "t.csv");
        CHECK(e.line() == 2);
    }
}

TEST_CASE("invalid UTF-8 without an encoding is read as Windows-1258") {
    // "Điếm,Tốt" in Windows-1258: ế and ố are a base letter and a combining acute (0xEC).
    const std::string cp1258 = "\xD0i\xEA\xECm,T\xF4\xECt\n";
    SUBCASE("auto-detected") {
        auto source = source_of(cp1258);
        CHECK(cchc::to_nfc(decode_all(*source)) == "Điếm,Tốt\n");
        CHECK(source->encoding() == "WINDOWS-1258");
        CHECK(source->encoding_assumed());
    }
    SUBCASE("named: not assumed") {
        auto source = source_of(cp1258, "windows-1258");
        CHECK(cchc::to_nfc(decode_all(*source)) == "Điếm,Tốt\n");
        CHECK(source->encoding() == "WINDOWS-1258");
        CHECK_FALSE(source->encoding_assumed());
    }
    SUBCASE("forced UTF-8: the bad byte is an error on its line") {
        auto source = source_of("a,b\n" + cp1258, "UTF-8");
        cchc::InputError e = input_error_of([&] { decode_all(*source); });
        CHECK(e.line() == 2);
    }
}

TEST_CASE("line ends become LF") {
    SUBCASE("CRLF") {
        auto source = source_of("a,b\r\n1,2\r\n");
        CHECK(decode_all(*source) == "a,b\n1,2\n");
    }
    SUBCASE("lone CR (old Mac)") {
        auto source = source_of("a,b\r1,2\r");
        CHECK(decode_all(*source) == "a,b\n1,2\n");
    }
    SUBCASE("mixed") {
        auto source = source_of("a\r\nb\rc\nd\r\r\ne");
        CHECK(decode_all(*source) == "a\nb\nc\nd\n\ne");
    }
    SUBCASE("a missing final newline stays missing") {
        auto source = source_of("a,b\n1,2");
        CHECK(decode_all(*source) == "a,b\n1,2");
    }
    SUBCASE("CRLF split between two reads") {
        // The first 64 KiB are read to choose the encoding; the next read
        // ends just after the CR, so the LF comes with the read after it.
        std::string first(131071, 'x');
        auto source = source_of(first + "\r\ny\r", "", 65536);
        CHECK(decode_all(*source) == first + "\ny\n");
    }
    SUBCASE("CRLF in Windows-1258") {
        auto source = source_of("T\xF4\xECt\r\nx\r\n");
        CHECK(cchc::to_nfc(decode_all(*source)) == "Tốt\nx\n");
    }
}

TEST_CASE("a NUL byte stops the file with its line") {
    SUBCASE("on line 3") {
        auto source = source_of(std::string("a,b\r\n1,2\r\n3,\0"
                                            "4\n",
                                            14));
        cchc::InputError e = input_error_of([&] { decode_all(*source); });
        CHECK(e.file() == "t.csv");
        CHECK(e.line() == 3);
        CHECK(std::string(e.what()).find("NUL") != std::string::npos);
    }
    SUBCASE("on line 1: UTF-16 without a BOM") {
        auto source = source_of(std::string("a\0,\0b\0\n\0", 8));
        cchc::InputError e = input_error_of([&] { decode_all(*source); });
        CHECK(e.line() == 1);
    }
}

TEST_CASE("an invalid byte after a valid first 64 KiB names its line") {
    // 2000 lines of 39 bytes = 78000 bytes, more than the 64 KiB looked at first.
    std::string text = repeat("1.1,Mục tiêu thực hiện kế,2,1\n", 2000);
    REQUIRE(text.size() > 65536);
    CAPTURE(text.size());
    SUBCASE("in one piece") {
        auto source = source_of(text + "x,\xFF,1\n");
        cchc::InputError e = input_error_of([&] { decode_all(*source); });
        CHECK(source->encoding() == "UTF-8");
        CHECK(e.file() == "t.csv");
        CHECK(e.line() == 2001);
        CHECK(std::string(e.what()).find("0xFF") != std::string::npos);
        CHECK(std::string(e.what()).find("--encoding") != std::string::npos);
    }
    SUBCASE("read in small pieces") {
        auto source = source_of(text + "x\n" + "y,\xC3(,1\n", "", 1000);
        cchc::InputError e = input_error_of([&] { decode_all(*source); });
        CHECK(e.line() == 2002);
    }
}

TEST_CASE("a character split at the 64 KiB mark is still UTF-8") {
    std::string text = std::string(65535, 'a') + "ế\n";
    auto source = source_of(text, "", 65536);
    CHECK(decode_all(*source) == text);
    CHECK(source->encoding() == "UTF-8");
    CHECK_FALSE(source->encoding_assumed());
}

TEST_CASE("a forced unknown encoding is an error") {
    CHECK_THROWS_AS(source_of(k_sheet, "NO-SUCH-ENCODING-42"), cchc::Error);
    try {
        source_of(k_sheet, "NO-SUCH-ENCODING-42");
    } catch (const cchc::Error &e) {
        CHECK(std::string(e.what()).find("NO-SUCH-ENCODING-42") != std::string::npos);
    }
}

TEST_CASE("RawInput open reads files and refuses what is not one") {
    cchc::test::TempDir dir;
    SUBCASE("a file") {
        std::string path = dir.write("a.csv", k_sheet);
        auto raw = cchc::RawInput::open(path, cchc::Lang::en);
        cchc::DecodingSource source(std::move(raw), path, "", cchc::Lang::en);
        CHECK(decode_all(source) == k_sheet);
    }
    SUBCASE("a missing file") {
        std::string missing = (dir.path() / "missing.csv").string();
        CHECK_THROWS_AS(cchc::RawInput::open(missing, cchc::Lang::en), cchc::Error);
        try {
            cchc::RawInput::open(missing, cchc::Lang::en);
        } catch (const cchc::Error &e) {
            CHECK(std::string(e.what()).find(missing) != std::string::npos);
        }
    }
    SUBCASE("a folder") {
        CHECK_THROWS_AS(cchc::RawInput::open(dir.path().string(), cchc::Lang::en), cchc::Error);
    }
}

namespace {

// "Mục,Điểm tối đa,Điểm thẩm định,Ghi chú\n1.1,1,1,Đạt yêu cầu\n", made with
// `iconv -f UTF-8 -t TCVN5712-1` and `-t WINDOWS-1258`.
const std::string k_tcvn3_sheet = "M\xF4"
                                  "c,\xA7i\xD3m t\xE8i \xAE"
                                  "a,\xA7i\xD3m th\xC8m \xAE\xDEnh,Ghi ch\xF3\n1.1,1,1,\xA7\xB9t y\xAAu c\xC7u\n";
const std::string k_cp1258_sheet = "Mu\xF2"
                                   "c,\xD0i\xEA\xD2m t\xF4\xECi \xF0"
                                   "a,\xD0i\xEA\xD2m th\xE2\xD2m \xF0i\xF2nh,Ghi ch\xFA\n1.1,1,1,\xD0"
                                   "a\xF2t y\xEAu c\xE2\xCCu\n";
const std::string k_sheet_utf8 = "Mục,Điểm tối đa,Điểm thẩm định,Ghi chú\n1.1,1,1,Đạt yêu cầu\n";

} // namespace

TEST_CASE("TCVN3 text is told from Windows-1258 by its bytes") {
    CHECK(cchc::looks_like_tcvn3(k_tcvn3_sheet));
    CHECK_FALSE(cchc::looks_like_tcvn3(k_cp1258_sheet));
    SUBCASE("near miss: Windows-1258 with symbols where TCVN3 has letters") {
        // "Nhiệt độ 30°, «Tốt»": ° « » are 0xB0 0xAB 0xBB, but ệ độ ố are
        // letters followed by tone marks.
        CHECK_FALSE(cchc::looks_like_tcvn3("Nhi\xEA\xF2t \xF0\xF4\xF2 30\xB0, \xABT\xF4\xECt\xBB"));
    }
    SUBCASE("near miss: too few of TCVN3's letters among the high bytes") {
        // One 'đ' (0xAE in TCVN3) among five Windows-1258 letters without marks.
        CHECK_FALSE(cchc::looks_like_tcvn3("\xE0\xE1\xE8\xE9\xF3 \xAE"));
        CHECK(cchc::looks_like_tcvn3("\xE0\xE1\xE8\xE9 \xAE"));
    }
    SUBCASE("tone marks alone (0xB0-0xB4) are not counted as letters") {
        CHECK_FALSE(cchc::looks_like_tcvn3("a\xB0 e\xB3"));
    }
    SUBCASE("ASCII only") {
        CHECK_FALSE(cchc::looks_like_tcvn3("Muc,Diem"));
    }
    SUBCASE("near miss: UTF-8 with a stray byte") {
        // UTF-8's continuation bytes are in 0x80-0xBF too; they are not TCVN3's letters.
        CHECK_FALSE(cchc::looks_like_tcvn3(k_sheet_utf8 + "\xC0"));
        CHECK(cchc::looks_like_tcvn3(k_tcvn3_sheet + "\xC0"));
    }
}

TEST_CASE("invalid UTF-8 that looks like TCVN3 is read as TCVN3") {
    SUBCASE("auto-detected, and said to be assumed") {
        auto source = source_of(k_tcvn3_sheet);
        CHECK(cchc::to_nfc(decode_all(*source)) == k_sheet_utf8);
        CHECK(source->encoding() == "TCVN5712-1");
        CHECK(source->encoding_assumed());
    }
    SUBCASE("named with --encoding: not assumed") {
        auto source = source_of(k_tcvn3_sheet, "tcvn5712-1");
        CHECK(cchc::to_nfc(decode_all(*source)) == k_sheet_utf8);
        CHECK(source->encoding() == "TCVN5712-1");
        CHECK_FALSE(source->encoding_assumed());
    }
    SUBCASE("near miss: the same sheet in Windows-1258 is still Windows-1258") {
        auto source = source_of(k_cp1258_sheet);
        CHECK(cchc::to_nfc(decode_all(*source)) == k_sheet_utf8);
        CHECK(source->encoding() == "WINDOWS-1258");
        CHECK(source->encoding_assumed());
    }
    SUBCASE("read in small pieces") {
        auto source = source_of(k_tcvn3_sheet, "", 3);
        CHECK(cchc::to_nfc(decode_all(*source)) == k_sheet_utf8);
    }
}

TEST_CASE("the last letter of a legacy file without a final line break is kept") {
    // iconv holds a letter back in case a tone mark follows: "Đá" at the very end.
    SUBCASE("TCVN3") {
        auto source = source_of("a,b\n\xA7\xB8", "TCVN5712-1");
        CHECK(cchc::to_nfc(decode_all(*source)) == "a,b\nĐá");
    }
    SUBCASE("Windows-1258") {
        auto source = source_of("a,b\n\xD0\xE1", "WINDOWS-1258");
        CHECK(cchc::to_nfc(decode_all(*source)) == "a,b\nĐá");
    }
    SUBCASE("near miss: with the line break") {
        auto source = source_of("a,b\n\xD0\xE1\n", "WINDOWS-1258");
        CHECK(cchc::to_nfc(decode_all(*source)) == "a,b\nĐá\n");
    }
}
