// The conversions freexl asks of iconv for an .xls's 8-bit strings (the
// workbook's code page): glibc's iconv on Linux, scripts/windows/iconv.c on
// Windows. The same test runs on both, so an .xls reads the same on both.
#include <doctest/doctest.h>

#include <cerrno>
#include <iconv.h>
#include <string>

namespace {

/// `bytes` in `page` as UTF-8, or "EILSEQ" when iconv refuses them.
std::string convert(const char *page, std::string bytes) {
    iconv_t cd = iconv_open("UTF-8", page);
    REQUIRE(cd != reinterpret_cast<iconv_t>(-1));
    std::string out(bytes.size() * 4 + 8, '\0');
    char *in = bytes.data();
    char *to = out.data();
    std::size_t in_left = bytes.size(), out_left = out.size();
    std::size_t rc = iconv(cd, &in, &in_left, &to, &out_left);
    int error = errno;
    // glibc's CP1258 holds back a letter a tone mark may follow: flush it.
    if (rc != static_cast<std::size_t>(-1)) iconv(cd, nullptr, nullptr, &to, &out_left);
    iconv_close(cd);
    if (rc == static_cast<std::size_t>(-1)) return error == EILSEQ ? "EILSEQ" : "errno " + std::to_string(error);
    out.resize(out.size() - out_left);
    return out;
}

} // namespace

TEST_CASE("xls strings: a code page's letters read as UTF-8") {
    // (A tone mark after its letter: glibc composes it, Windows does not;
    // cells are NFC-normalised after, so only the letters are compared here.)
    CHECK(convert("CP1258", "\xf0i\xea") == "\xc4\x91i\xc3\xaa"); // điê
    CHECK(convert("CP1252", "Caf\xe9 \x80") == "Caf\xc3\xa9 \xe2\x82\xac");
    CHECK(convert("CP1258", "\xe0") == "\xc3\xa0");
}

TEST_CASE("xls strings: a byte the code page leaves undefined is refused, as glibc's iconv refuses it") {
    // Windows itself reads 0x81 and 0x90 of Windows-1258 as C1 controls.
    CHECK(convert("CP1258", "a\x81") == "EILSEQ");
    CHECK(convert("CP1258", "\x90") == "EILSEQ");
    CHECK(convert("CP1252", "\x8d") == "EILSEQ");
    CHECK(convert("CP1250", "\x98") == "EILSEQ");
    // (Windows' tables may give such a byte a private-use character, U+F8xx,
    // not a C1 control: the shim refuses both.)
    CHECK(convert("CP1253", "\xaa") == "EILSEQ");
}
