// The criteria tree (layout/hierarchy.hpp): parents from the rows' order and
// code shapes, keys as paths, and the code order the duplicate check trusts.
#include <cchc/layout/hierarchy.hpp>
#include <cchc/model/sheet.hpp>

#include "test_support.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

using cchc::code_key;
using cchc::code_less;
using cchc::Row;
using cchc::RowKind;
using cchc::Sheet;
using cchc::test::key_of;
using cchc::test::make_row;
using cchc::test::sheet_of;

namespace {

const Row &row_of(const Sheet &sheet, std::size_t i) {
    REQUIRE(i < sheet.rows.size());
    return sheet.rows[i];
}

RowKind kind_of(const Sheet &sheet, const std::string &code) {
    auto it = std::find_if(sheet.rows.begin(), sheet.rows.end(), [&](const Row &r) { return r.code == code; });
    REQUIRE(it != sheet.rows.end());
    return it->kind;
}

/// The sheet of `codes` (criteria unless "heading:" starts one) laid out:
/// "code=key<parent" for each row, parent as its code or "-".
std::string tree_of(const std::vector<std::string> &codes) {
    std::vector<Row> rows;
    for (const std::string &c : codes)
        rows.push_back(c.rfind("heading:", 0) == 0 ? make_row(c.substr(8), RowKind::heading) : make_row(c));
    Sheet sheet = sheet_of(rows);
    cchc::build_hierarchy(sheet);
    std::string out;
    for (const Row &r : sheet.rows) {
        if (!out.empty()) out += ' ';
        out += r.code + "=" + r.key + "<" + (r.parent < 0 ? "-" : sheet.rows[static_cast<std::size_t>(r.parent)].code);
        if (r.kind == RowKind::parent) out += "*";
    }
    return out;
}

} // namespace

TEST_CASE("build_hierarchy reads sub-items as the rows under the row above them") {
    SUBCASE("a) and b) under 1.1: 1.1 is their parent, not a third leaf") {
        CHECK(tree_of({"1.1", "a)", "b)", "1.2"}) == "1.1=1.1<-* a)=1.1.a<1.1 b)=1.1.b<1.1 1.2=1.2<-");
    }
    SUBCASE("- and + are two levels; a second - is a sibling") {
        CHECK(tree_of({"1", "-", "+", "+", "-"}) == "1=1<-* -=1.-1<1* +=1.-1.+1<- +=1.-1.+2<- -=1.-2<1");
    }
    SUBCASE("near miss: lines of text under a criterion (no numbers) leave it a counted leaf") {
        Sheet sheet = sheet_of({make_row("1.1"), make_row("-", RowKind::heading), make_row("-", RowKind::heading)});
        cchc::build_hierarchy(sheet);
        CHECK(row_of(sheet, 0).kind == RowKind::criterion);
        CHECK(row_of(sheet, 1).parent == 0);
    }
    SUBCASE("the next criterion closes the sub-items") {
        CHECK(tree_of({"1.1", "a)", "1.2", "a)"}) == "1.1=1.1<-* a)=1.1.a<1.1 1.2=1.2<-* a)=1.2.a<1.2");
    }
}

TEST_CASE("build_hierarchy reads numbering that restarts under each Roman domain") {
    SUBCASE("I 1 1.1 1.2 2 II 1 2: the 1 under II is II.1") {
        CHECK(tree_of({"heading:I", "1", "1.1", "1.2", "2", "heading:II", "1", "2"}) ==
              "I=1<-* 1=1.1<I* 1.1=1.1.1<1 1.2=1.1.2<1 2=1.2<I II=2<-* 1=2.1<II 2=2.2<II");
    }
    SUBCASE("near miss: II then 2.1 is the usual numbering, keys as written") {
        CHECK(tree_of({"heading:I", "1.1", "1.2", "heading:II", "2.1"}) ==
              "I=1<-* 1.1=1.1<I 1.2=1.2<I II=2<-* 2.1=2.1<II");
    }
    SUBCASE("restarted keys are in order, so no duplicate is looked for") {
        Sheet sheet =
            sheet_of({make_row("I", RowKind::heading), make_row("1"), make_row("II", RowKind::heading), make_row("1")});
        cchc::build_hierarchy(sheet);
        CHECK(sheet.codes_in_order);
    }
    SUBCASE("a missing number under a restarting domain: the domain holds it") {
        CHECK(tree_of({"heading:I", "1", "1.1", "heading:II", "1.1"}) ==
              "I=1<-* 1=1.1<I* 1.1=1.1.1<1 II=2<-* 1.1=2.1.1<II");
    }
}

TEST_CASE("build_hierarchy reads parts A and B above their domains") {
    SUBCASE("A holds I and II; B holds its own 1 and 2") {
        CHECK(tree_of({"heading:A", "heading:I", "1.1", "heading:II", "2.1", "heading:B", "1", "2"}) ==
              "A=A<-* I=1<A* 1.1=1.1<I II=2<A* 2.1=2.1<II B=B<-* 1=B.1<B 2=B.2<B");
    }
    SUBCASE("the domain of a part's own criteria is the part") {
        Sheet sheet = sheet_of({make_row("B", RowKind::heading), make_row("1")});
        cchc::build_hierarchy(sheet);
        CHECK(row_of(sheet, 1).domain() == "B");
    }
    SUBCASE("Phần A is part A") {
        CHECK(tree_of({"heading:Phần A", "1"}) == "Phần A=A<-* 1=A.1<Phần A");
    }
}

TEST_CASE("build_hierarchy keeps a sheet of leaves as it is") {
    CHECK(tree_of({"1.1.3", "1.5.3", "1.5.4", "1.6", "3.11.1"}) ==
          "1.1.3=1.1.3<- 1.5.3=1.5.3<- 1.5.4=1.5.4<- 1.6=1.6<- 3.11.1=3.11.1<-");
    SUBCASE("near miss: a bad code stays outside the tree and makes no parent") {
        CHECK(tree_of({"1", "x1"}) == "1=1<- x1=x1<-");
    }
}

TEST_CASE("build_hierarchy marks rows whose code prefixes another code") {
    SUBCASE("1.5 above 1.5.3") {
        Sheet sheet = sheet_of({make_row("1.5"), make_row("1.5.3"), make_row("1.6")});
        cchc::build_hierarchy(sheet);
        CHECK(kind_of(sheet, "1.5") == RowKind::parent);
        CHECK(kind_of(sheet, "1.5.3") == RowKind::criterion);
        CHECK(kind_of(sheet, "1.6") == RowKind::criterion);
    }
    SUBCASE("Roman II above 2.1") {
        Sheet sheet = sheet_of({make_row("II", RowKind::heading), make_row("2.1"), make_row("III", RowKind::heading)});
        cchc::build_hierarchy(sheet);
        CHECK(kind_of(sheet, "II") == RowKind::parent);
        CHECK(kind_of(sheet, "2.1") == RowKind::criterion);
        CHECK(kind_of(sheet, "III") == RowKind::heading);
    }
    SUBCASE("a grandparent is a parent too") {
        Sheet sheet = sheet_of({make_row("1"), make_row("1.5"), make_row("1.5.3")});
        cchc::build_hierarchy(sheet);
        CHECK(kind_of(sheet, "1") == RowKind::parent);
        CHECK(kind_of(sheet, "1.5") == RowKind::parent);
    }
    SUBCASE("3.1 is not the parent of 3.10 and 1.5 not of 1.50") {
        Sheet sheet = sheet_of({make_row("3.1"), make_row("3.10"), make_row("1.5"), make_row("1.50")});
        cchc::build_hierarchy(sheet);
        CHECK(kind_of(sheet, "3.1") == RowKind::criterion);
        CHECK(kind_of(sheet, "3.10") == RowKind::criterion);
        CHECK(kind_of(sheet, "1.5") == RowKind::criterion);
        CHECK(kind_of(sheet, "1.50") == RowKind::criterion);
    }
    SUBCASE("a child listed before its parent") {
        Sheet sheet = sheet_of({make_row("4.4.1"), make_row("4.4")});
        cchc::build_hierarchy(sheet);
        CHECK(kind_of(sheet, "4.4") == RowKind::parent);
    }
    SUBCASE("total rows stay total rows") {
        Row total;
        total.kind = RowKind::total;
        total.code = "Tổng cộng";
        Sheet sheet = sheet_of({make_row("1.1"), total});
        cchc::build_hierarchy(sheet);
        CHECK(kind_of(sheet, "1.1") == RowKind::criterion);
        CHECK(kind_of(sheet, "Tổng cộng") == RowKind::total);
    }
}

TEST_CASE("build_hierarchy finds the code order code_less gives, on every pair of codes") {
    // The order check compares plain codes in one pass; code_less is the rule.
    const std::vector<std::string> codes = {"0",     "1",      "2",      "9",       "10",   "11",    "19",  "20",
                                            "100",   "1.1",    "1.2",    "1.9",     "1.10", "1.11",  "1.0", "1.1.1",
                                            "1.1.2", "1.1.10", "1.10.1", "2.1",     "10.1", "10.10", "01",  "1.01",
                                            "1..2",  "1.",     "III",    "1.1.1.1", "12.3", "1.23",  "123"};
    for (const std::string &a : codes)
        for (const std::string &b : codes) {
            Sheet sheet = sheet_of({make_row(a), make_row(b)});
            // Leading zeros and empty segments are left to the general checks.
            auto plain = [](const std::string &c) { return c != "01" && c != "1.01" && c != "1..2" && c != "1."; };
            // "III" is 3; a number under it restarts: III then 2 is 3.2.
            bool restarts = a == "III" && b.find('.') == std::string::npos && plain(b) && b != "III";
            bool expected = plain(a) && plain(b) && (restarts || code_less(key_of(a), key_of(b)));
            CAPTURE(a);
            CAPTURE(b);
            cchc::build_hierarchy(sheet);
            CHECK(sheet.codes_in_order == expected);
        }
}

TEST_CASE("build_hierarchy records whether the codes are in order, so the duplicate check can skip") {
    Sheet ordered = sheet_of({make_row("1"), make_row("1.1"), make_row("1.2"), make_row("2")});
    cchc::build_hierarchy(ordered);
    CHECK(ordered.codes_in_order);
    Sheet repeated = sheet_of({make_row("1.1"), make_row("1.2"), make_row("1.2")});
    cchc::build_hierarchy(repeated);
    CHECK_FALSE(repeated.codes_in_order);
    Sheet shuffled = sheet_of({make_row("1.2"), make_row("1.1")});
    cchc::build_hierarchy(shuffled);
    CHECK_FALSE(shuffled.codes_in_order);
}

TEST_CASE("build_hierarchy: the one-pass walk of plain codes in order gives the general walk's tree") {
    // Random trees of plain codes in order (1, 1.1, 1.1.1, 1.2, 2 …), some
    // headings among them. A row with a code of no shape, put last, sends
    // the same rows the general way: every other row must keep its parent
    // and kind, and only the plain sheet is in code order.
    std::mt19937 random(12);
    for (int round = 0; round < 300; ++round) {
        std::vector<std::string> codes;
        std::vector<int> path;
        const int rows = 1 + static_cast<int>(random() % 40);
        for (int i = 0; i < rows; ++i) {
            const unsigned step = random() % 4; // deeper, next sibling, up and next, 10 ahead
            if (path.empty() || (step == 0 && path.size() < 5))
                path.push_back(1);
            else if (step == 2 && path.size() > 1) {
                path.pop_back();
                ++path.back();
            } else
                path.back() += step == 3 ? 10 : 1;
            std::string code;
            for (int n : path)
                code += (code.empty() ? "" : ".") + std::to_string(n);
            codes.push_back(code);
        }
        std::vector<Row> plain_rows, general_rows;
        for (std::size_t i = 0; i < codes.size(); ++i) {
            RowKind kind = random() % 5 == 0 ? RowKind::heading : RowKind::criterion;
            plain_rows.push_back(make_row(codes[i], kind));
            general_rows.push_back(make_row(codes[i], kind));
        }
        general_rows.push_back(make_row("x?"));
        Sheet plain = sheet_of(plain_rows);
        Sheet general = sheet_of(general_rows);
        cchc::build_hierarchy(plain);
        cchc::build_hierarchy(general);
        CAPTURE(round);
        CHECK(plain.codes_in_order);
        CHECK_FALSE(general.codes_in_order);
        for (std::size_t i = 0; i < plain.rows.size(); ++i) {
            CAPTURE(plain.rows[i].code);
            CHECK(plain.rows[i].parent == general.rows[i].parent);
            CHECK(plain.rows[i].kind == general.rows[i].kind);
            CHECK(plain.rows[i].key == general.rows[i].key);
        }
    }
}

TEST_CASE("build_hierarchy: a near miss of plain codes goes the general way") {
    // A leading zero, a Roman domain and a code out of order are not plain
    // in order; each still gets its tree.
    CHECK(tree_of({"1", "1.01", "1.2"}) == "1=1<-* 1.01=1.01<1 1.2=1.2<1");
    CHECK(tree_of({"I", "1.1", "II", "2.1"}) == "I=1<-* 1.1=1.1<I II=2<-* 2.1=2.1<II");
    CHECK(tree_of({"1.2", "1", "1.1"}) == "1.2=1.2<1 1=1<-* 1.1=1.1<1");
}
