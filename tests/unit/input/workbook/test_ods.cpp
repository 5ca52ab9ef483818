// content.xml of an .ods → its worksheets (src/input/workbook/ods.cpp).
#include "../../../../src/input/workbook/ods.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace cchc;

namespace {

std::string content(const std::string &table) {
    return R"(<?xml version="1.0" encoding="UTF-8"?>)"
           R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
           R"(xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" )"
           R"(xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0">)"
           R"(<office:body><office:spreadsheet><table:table table:name="Phường 1">)" +
           table + "</table:table></office:spreadsheet></office:body></office:document-content>";
}

} // namespace

TEST_CASE("ods: rows and merged cells are counted from 1") {
    std::vector<Worksheet> sheets = workbook_detail::parse_content_xml(
        content(R"(<table:table-row><table:table-cell><text:p>Mục</text:p></table:table-cell></table:table-row>)"
                R"(<table:table-row><table:table-cell table:number-rows-spanned="2"><text:p>1.1</text:p>)"
                R"(</table:table-cell></table:table-row>)"),
        "t.ods", Lang::en);
    REQUIRE(sheets.size() == 1);
    const Worksheet &ws = sheets[0];
    CHECK(ws.name == "Phường 1");
    REQUIRE(ws.rows.size() == 2);
    CHECK(ws.rows[0].number == 1);
    CHECK(ws.rows[1].number == 2);
    REQUIRE(ws.merged.size() == 1);
    CHECK(ws.merged[0].first_row == 2);
    CHECK(ws.merged[0].last_row == 3);
}

TEST_CASE("ods: a cell before any table-row (a broken file) belongs to row 1, its merge too") {
    std::vector<Worksheet> sheets = workbook_detail::parse_content_xml(
        content(R"(<table:table-cell table:number-rows-spanned="3" table:number-columns-spanned="2">)"
                R"(<text:p>Văn phòng</text:p></table:table-cell>)"
                R"(<table:table-row><table:table-cell><text:p>1.1</text:p></table:table-cell></table:table-row>)"),
        "t.ods", Lang::en);
    REQUIRE(sheets.size() == 1);
    const Worksheet &ws = sheets[0];
    REQUIRE(ws.merged.size() == 1);
    CHECK(ws.merged[0].first_row == 1);
    CHECK(ws.merged[0].last_row == 3);
    CHECK(ws.merged[0].first_column == 0);
    CHECK(ws.merged[0].last_column == 1);
    REQUIRE(ws.rows.size() == 2);
    CHECK(ws.rows[0].number == 1);
    REQUIRE(ws.rows[0].cells.size() == 1);
    CHECK(ws.rows[0].cells[0].text == "Văn phòng");
    CHECK(ws.rows[1].number == 2);
    CHECK(ws.rows[1].cells[0].text == "1.1");
}

TEST_CASE("ods: a table of cells and no table-row at all keeps them in row 1") {
    std::vector<Worksheet> sheets = workbook_detail::parse_content_xml(
        content(R"(<table:table-cell><text:p>Mục</text:p></table:table-cell>)"), "t.ods", Lang::en);
    REQUIRE(sheets.size() == 1);
    REQUIRE(sheets[0].rows.size() == 1);
    CHECK(sheets[0].rows[0].number == 1);
    CHECK(sheets[0].merged.empty());
}
