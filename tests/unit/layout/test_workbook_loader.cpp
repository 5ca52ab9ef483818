// A workbook → its sheets (layout/workbook_loader.hpp), on the committed
// fixtures of tests/data/workbook (openpyxl's and LibreOffice's).
#include <cchc/base/error.hpp>
#include <cchc/layout/workbook_loader.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>

using namespace cchc;

namespace {

std::string bytes_of(const std::string &name) {
    std::ifstream in(std::string(CCHC_SOURCE_DIR) + "/tests/data/workbook/" + name, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

LoadOptions english() {
    LoadOptions options;
    options.lang = Lang::en;
    return options;
}

} // namespace

TEST_CASE("workbook_loader: each worksheet with a header is a sheet, named after it, its rows the worksheet's") {
    for (const char *name : {"openpyxl.xlsx", "libreoffice.xlsx", "libreoffice.ods", "libreoffice.xls"}) {
        CAPTURE(name);
        LoadedFile file = load_workbook(bytes_of(name), name, english());
        REQUIRE(file.sheets.size() == 2);
        CHECK(file.facts.skipped_worksheets == std::vector<std::string>{"Bìa"});
        const Sheet &p1 = file.sheets[0];
        CHECK(p1.file == std::string(name) + "[Phường 1]");
        CHECK(p1.unit == "Phường 1");
        CHECK(p1.header_line == 3);
        REQUIRE(p1.rows.size() == 6);
        CHECK(p1.rows[0].line == 4);
        CHECK(p1.rows[0].code == "1.1");
        CHECK(p1.rows[0].appraised.text == "1.91");
        CHECK(p1.rows[4].code == "3.1");
        CHECK(p1.rows[5].code == "1/3"); // a date code, day/month
        CHECK(p1.rows[5].line == 9);
        CHECK(file.sheets[1].unit == "Phường 2");
        REQUIRE(file.facts.number_codes.size() == 1);
        CHECK(file.facts.number_codes[0].cell == "A8");
        CHECK(file.facts.number_codes[0].likely == "3.10");
    }
}

TEST_CASE("workbook_loader: a merged owner cell fills its rows, exactly") {
    LoadedFile file = load_workbook(bytes_of("libreoffice.xlsx"), "libreoffice.xlsx", english());
    REQUIRE(file.sheets.size() == 2);
    CHECK(file.sheets[0].rows[1].owner == "Văn phòng");
    CHECK(file.sheets[0].owners_filled == 0);
}

TEST_CASE("workbook_loader: --sheet by name or number, an unknown one lists them") {
    LoadOptions options = english();
    options.sheet = "phường 2";
    LoadedFile file = load_workbook(bytes_of("libreoffice.xlsx"), "b.xlsx", options);
    REQUIRE(file.sheets.size() == 1);
    CHECK(file.sheets[0].unit == "Phường 2");
    options.sheet = "2";
    file = load_workbook(bytes_of("libreoffice.xlsx"), "b.xlsx", options);
    REQUIRE(file.sheets.size() == 1);
    CHECK(file.sheets[0].unit == "Phường 1");
    options.sheet = "Nope";
    CHECK_THROWS_WITH_AS(load_workbook(bytes_of("libreoffice.xlsx"), "b.xlsx", options),
                         "b.xlsx: no worksheet \"Nope\"; the worksheets are: 1. Bìa, 2. Phường 1, 3. Phường 2", Error);
}

TEST_CASE("workbook_loader: the only score sheet of a workbook takes the file's name, as a CSV file does") {
    LoadedFile file = load_workbook(bytes_of("phuong-1-2023.xlsx"), "x/phuong-1-2023.xlsx", english());
    REQUIRE(file.sheets.size() == 1);
    CHECK(file.sheets[0].unit == "phuong-1-2023");
    CHECK(file.sheets[0].rows.size() == 17);
}

namespace {

/// Keeps every sheet handed over, with its rows.
struct KeepingSink : SheetSink {
    std::vector<Sheet> sheets;
    void sheet(Sheet &sheet, int part) override {
        CHECK(part == 0);
        sheets.push_back(sheet);
    }
    void discard_part(int) override { FAIL("a worksheet is streamed in one part"); }
};

} // namespace

TEST_CASE("workbook_loader: streamed, each worksheet gives the sheets load_workbook gives, lines as rows") {
    for (const char *name : {"openpyxl.xlsx", "libreoffice.xlsx", "libreoffice.ods", "libreoffice.xls"}) {
        CAPTURE(name);
        const LoadedFile whole = load_workbook(bytes_of(name), name, english());
        KeepingSink sink;
        std::string only_unit = "not cleared";
        const LoadedFile streamed = stream_workbook(bytes_of(name), name, english(), sink, only_unit);
        CHECK(only_unit.empty()); // two score sheets
        CHECK(streamed.sheets.empty());
        CHECK(streamed.facts.skipped_worksheets == whole.facts.skipped_worksheets);
        CHECK(streamed.facts.number_codes.size() == whole.facts.number_codes.size());
        CHECK(streamed.facts.header_line == whole.facts.header_line);
        REQUIRE(sink.sheets.size() == whole.sheets.size());
        for (std::size_t s = 0; s < whole.sheets.size(); ++s) {
            const Sheet &a = whole.sheets[s], &b = sink.sheets[s];
            CHECK(b.file == a.file);
            CHECK(b.unit == a.unit);
            CHECK(b.worksheet == a.worksheet);
            CHECK(b.header_line == a.header_line);
            REQUIRE(b.rows.size() == a.rows.size());
            for (std::size_t r = 0; r < a.rows.size(); ++r) {
                CHECK(b.rows[r].line == a.rows[r].line);
                CHECK(b.rows[r].record == a.rows[r].record);
                CHECK(b.rows[r].code == a.rows[r].code);
                CHECK(b.rows[r].owner == a.rows[r].owner);
                CHECK(b.rows[r].appraised.text == a.rows[r].appraised.text);
            }
        }
    }
    // The only score sheet: the caller gives it the file's name.
    KeepingSink sink;
    std::string only_unit;
    stream_workbook(bytes_of("phuong-1-2023.xlsx"), "x/phuong-1-2023.xlsx", english(), sink, only_unit);
    CHECK(only_unit == "phuong-1-2023");
    REQUIRE(sink.sheets.size() == 1);
    CHECK(sink.sheets[0].rows.size() == 17);
}
