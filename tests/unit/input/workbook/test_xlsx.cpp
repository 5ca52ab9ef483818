// A worksheet part of an .xlsx → its rows and merged ranges (src/input/workbook/xlsx.cpp).
#include "../../../../src/input/workbook/xlsx.hpp"

#include <cchc/base/error.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace cchc;

namespace {

std::string sheet_xml(const std::string &prefix, const std::string &body) {
    const std::string p = prefix.empty() ? "" : prefix + ":";
    const std::string ns = prefix.empty() ? "xmlns" : "xmlns:" + prefix;
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + p + "worksheet " + ns +
           "=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">" + body + "</" + p + "worksheet>";
}

std::string rows(const std::string &p, int n) {
    std::string out = "<" + p + "sheetData>";
    for (int r = 1; r <= n; ++r)
        out += "<" + p + "row r=\"" + std::to_string(r) + "\"><" + p + "c r=\"A" + std::to_string(r) +
               "\" t=\"inlineStr\"><" + p + "is><" + p + "t>x" + std::to_string(r) + "</" + p + "t></" + p + "is></" +
               p + "c></" + p + "row>";
    return out + "</" + p + "sheetData>";
}

} // namespace

TEST_CASE("xlsx: the merged ranges after the rows are found, with a prefix or none, across chunks") {
    for (const std::string prefix : {"", "x"}) {
        const std::string p = prefix.empty() ? "" : prefix + ":";
        // 2,000 rows: the part is fed in many chunks, the block at the end.
        const std::string xml = sheet_xml(prefix, rows(p, 2000) + "<" + p + "mergeCells count=\"2\"><" + p +
                                                      "mergeCell ref=\"A2:A5\"/><" + p + "mergeCell ref=\"B7:C9\"/></" +
                                                      p + "mergeCells><" + p + "pageMargins left=\"0.7\"/>");
        Worksheet ws = workbook_detail::parse_worksheet_xml(xml, {}, "t.xlsx", Lang::en);
        CAPTURE(prefix);
        REQUIRE(ws.rows.size() == 2000);
        CHECK(ws.rows[1999].number == 2000);
        CHECK(ws.rows[1999].cells[0].text == "x2000");
        REQUIRE(ws.merged.size() == 2);
        CHECK(ws.merged[0].first_row == 2);
        CHECK(ws.merged[0].last_row == 5);
        CHECK(ws.merged[1].first_column == 1);
        CHECK(ws.merged[1].last_column == 2);
    }
}

TEST_CASE("xlsx: no merged ranges, an empty block, a value that reads like one") {
    CHECK(workbook_detail::parse_worksheet_xml(sheet_xml("", rows("", 3)), {}, "t.xlsx", Lang::en).merged.empty());
    CHECK(workbook_detail::parse_worksheet_xml(sheet_xml("", rows("", 3) + "<mergeCells/>"), {}, "t.xlsx", Lang::en)
              .merged.empty());
    // "<mergeCells>" inside a value is written escaped: not a block.
    const std::string escaped = "<sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>&lt;mergeCells&gt;&lt;mergeCell "
                                "ref=\"A1:A9\"/&gt;</t></is></c></row></sheetData>";
    Worksheet ws = workbook_detail::parse_worksheet_xml(sheet_xml("", escaped), {}, "t.xlsx", Lang::en);
    CHECK(ws.merged.empty());
    REQUIRE(ws.rows.size() == 1);
    CHECK(ws.rows[0].cells[0].text == "<mergeCells><mergeCell ref=\"A1:A9\"/>");
}

TEST_CASE("xlsx: a broken block gives no ranges, and the rows' pass says where the XML is broken") {
    const std::string xml = sheet_xml("", rows("", 3) + "<mergeCells><mergeCell ref=\"A1:A3\"></mergeCells>");
    CHECK_THROWS_AS(workbook_detail::parse_worksheet_xml(xml, {}, "t.xlsx", Lang::en), Error);
}
