// How a file was read (layout/explain.hpp): the header's columns, every
// record's kind and place in the tree, and whether it was counted.
#include "test_support.hpp"

#include <cchc/layout/explain.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using cchc::ExplainedRow;
using cchc::Explanation;
using cchc::LineKind;

namespace {

Explanation explain_text(const std::string &text) {
    cchc::LoadTrace trace;
    cchc::LoadOptions options;
    options.trace = &trace;
    cchc::LoadedFile file = cchc::test::load_text(text, options);
    return cchc::explain(file, trace, cchc::Lang::en);
}

Explanation explain_data(const std::string &name) {
    cchc::LoadTrace trace;
    cchc::LoadOptions options;
    options.trace = &trace;
    cchc::LoadedFile file = cchc::load_file(std::string(CCHC_SOURCE_DIR) + "/tests/data/layout/" + name, options);
    return cchc::explain(file, trace, cchc::Lang::en);
}

const ExplainedRow &at_line(const Explanation &e, long line) {
    for (const ExplainedRow &row : e.rows)
        if (row.line == line) return row;
    FAIL("no row at line " << line);
    return e.rows.front();
}

} // namespace

TEST_CASE("column letters are the spreadsheet's") {
    CHECK(cchc::column_letter(0) == "A");
    CHECK(cchc::column_letter(25) == "Z");
    CHECK(cchc::column_letter(26) == "AA");
    CHECK(cchc::column_letter(27) == "AB");
    CHECK(cchc::column_letter(701) == "ZZ");
    CHECK(cchc::column_letter(702) == "AAA");
}

TEST_CASE("each header cell is told with its letter, its text and the column it was read as") {
    Explanation e = explain_text("Mục,Nội dung,Ghi chú riêng,Điểm tối đa,Điểm thẩm định,Mục\n1.1,a,,2,2,x\n");
    REQUIRE(e.columns.size() == 6);
    CHECK(e.columns[0].letter == "A");
    CHECK(e.columns[0].column == cchc::Column::code);
    CHECK(e.columns[1].column == cchc::Column::content);
    CHECK_FALSE(e.columns[2].column.has_value());
    CHECK(e.columns[2].text == "Ghi chú riêng");
    CHECK(e.columns[4].column == cchc::Column::appraised);
    CHECK_FALSE(e.columns[5].column.has_value());
    CHECK(e.columns[5].repeats == 0);
    CHECK(e.delimiter == ',');
    CHECK(e.header_line == 1);
}

TEST_CASE("numbering that restarts under each domain: kinds, places, keys and what is counted") {
    Explanation e = explain_data("restart-roman.csv");
    CHECK(at_line(e, 1).kind == LineKind::header);
    const ExplainedRow &domain = at_line(e, 2);
    CHECK(domain.kind == LineKind::domain);
    CHECK(domain.children == 2);
    CHECK(domain.checked);
    CHECK_FALSE(domain.counted);
    const ExplainedRow &leaf = at_line(e, 9); // 1.1 under 1 under II
    CHECK(leaf.kind == LineKind::criterion);
    CHECK(leaf.counted);
    CHECK(leaf.key == "2.1.1");
    CHECK(leaf.path == std::vector<std::string>{"II", "1", "1.1"});
    CHECK(leaf.parent_line == 8);
    CHECK(at_line(e, 8).kind == LineKind::parent);
    const ExplainedRow &total = at_line(e, 11);
    CHECK(total.kind == LineKind::total);
    CHECK(total.checked);
    CHECK_FALSE(total.counted);
}

TEST_CASE("sub-items, template rows, titles, blank lines and signatures") {
    Explanation e = explain_data("sub-items.csv");
    CHECK(at_line(e, 1).kind == LineKind::title); // above the header
    CHECK(at_line(e, 3).kind == LineKind::blank);
    CHECK(at_line(e, 4).kind == LineKind::header);
    CHECK(at_line(e, 7).kind == LineKind::sub_item);
    CHECK(at_line(e, 7).counted);
    CHECK(at_line(e, 7).path == std::vector<std::string>{"I", "1.1", "a)"});
    CHECK(at_line(e, 6).kind == LineKind::parent);
    CHECK(at_line(e, 12).kind == LineKind::criterion); // 1.3: its "-" rows hold no numbers
    CHECK(at_line(e, 13).kind == LineKind::heading);
    CHECK(at_line(e, 15).kind == LineKind::total);
    CHECK(at_line(e, 16).kind == LineKind::blank);
    CHECK(at_line(e, 17).kind == LineKind::signature);
    CHECK(at_line(e, 17).text == "NGƯỜI LẬP BIỂU | CHỦ TỊCH");
    CHECK(at_line(e, 18).kind == LineKind::signature);
    CHECK(e.rows.size() == 18);
}

TEST_CASE("parts above their domains") {
    Explanation e = explain_data("parts.csv");
    CHECK(at_line(e, 2).kind == LineKind::part);
    CHECK(at_line(e, 2).children == 2);
    CHECK(at_line(e, 3).kind == LineKind::domain);
    CHECK(at_line(e, 3).path == std::vector<std::string>{"A", "I"});
    CHECK(at_line(e, 9).path == std::vector<std::string>{"B", "1"});
    CHECK(at_line(e, 11).kind == LineKind::total);
}

TEST_CASE("text between rows of the table, and a row with scores but no code") {
    Explanation e = explain_text("Mục,Nội dung,Điểm tối đa,Điểm thẩm định\n"
                                 "1.1,a,2,2\n"
                                 ",Ghi chú giữa bảng,,\n"
                                 ",không mã,1,1\n"
                                 "1.2,b,1,1\n");
    CHECK(at_line(e, 3).kind == LineKind::text);
    CHECK_FALSE(at_line(e, 3).counted);
    CHECK(at_line(e, 4).kind == LineKind::uncoded);
    CHECK_FALSE(at_line(e, 4).counted);
    CHECK(at_line(e, 4).sheet == 0);
    CHECK(at_line(e, 3).sheet == -1);
}
