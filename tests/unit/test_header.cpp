// Header names → columns (header.hpp): every alias of SPEC 3.2 as clerks
// spell it, in any case, over several lines, with notes in parentheses.
#include <cchc/input/header.hpp>
#include <cchc/text/unicode.hpp>

#include <doctest/doctest.h>

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

using cchc::Column;
using cchc::map_header;
using cchc::match_column_name;
using Columns = std::vector<Column>;

namespace {

/// The aliases of SPEC 3.2, spelled as a clerk types them.
const std::vector<std::pair<Column, std::vector<std::string>>> &spelled_aliases() {
    static const std::vector<std::pair<Column, std::vector<std::string>>> aliases = {
        {Column::code, {"Mục", "Mã", "Mã tiêu chí", "STT", "TT", "Code"}},
        {Column::content,
         {"Nội dung", "Tiêu chí", "Nội dung Lĩnh vực/ Tiêu chí/Tiêu chí thành phần",
          "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Tên tiêu chí", "Content", "Criterion"}},
        {Column::max, {"Điểm tối đa", "Tối đa", "Max"}},
        {Column::self, {"Điểm tự đánh giá", "Tự đánh giá", "Điểm tự chấm", "Self"}},
        {Column::appraised, {"Điểm thẩm định", "Thẩm định", "Điểm đạt", "Appraised", "Score"}},
        {Column::lost, {"Số điểm bị trừ", "Điểm bị trừ", "Điểm trừ", "Lost"}},
        {Column::note, {"Ghi chú", "Lý do", "Lý do giảm điểm", "Note"}},
        {Column::owner, {"Trách nhiệm bộ phận phụ trách", "Bộ phận phụ trách", "Trách nhiệm", "Owner"}},
        {Column::unit, {"Đơn vị", "Tên đơn vị", "Unit"}},
        {Column::period, {"Kỳ", "Kỳ đánh giá", "Năm", "Period"}},
    };
    return aliases;
}

std::string upper(const std::string &text) {
    std::string out;
    const auto *p = reinterpret_cast<const utf8proc_uint8_t *>(text.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
        REQUIRE(n > 0);
        utf8proc_uint8_t buffer[4];
        utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_toupper(cp), buffer);
        out.append(reinterpret_cast<const char *>(buffer), static_cast<std::size_t>(m));
        p += n;
        left -= n;
    }
    return out;
}

std::string nfd(const std::string &text) {
    utf8proc_uint8_t *result = utf8proc_NFD(reinterpret_cast<const utf8proc_uint8_t *>(text.c_str()));
    REQUIRE(result != nullptr);
    std::string out(reinterpret_cast<const char *>(result));
    std::free(result);
    return out;
}

/// The columns a score sheet cannot do without, as column_infos() marks them.
Columns required_columns() {
    Columns out;
    for (const cchc::ColumnInfo &info : cchc::column_infos())
        if (info.required) out.push_back(info.column);
    return out;
}

/// Every space becomes a line break, as in a header cell wrapped with Alt+Enter.
std::string wrapped(std::string text) {
    for (char &c : text)
        if (c == ' ') c = '\n';
    return text;
}

} // namespace

/// Checks that every alias, changed by `spell`, still maps to its column.
template <typename Spell>
void check_every_alias(Spell &&spell) {
    for (const auto &[column, names] : spelled_aliases()) {
        for (const std::string &name : names) {
            std::string spelled = spell(name);
            CAPTURE(spelled);
            CHECK(match_column_name(spelled) == column);
        }
    }
}

TEST_CASE("every alias maps to its column however it is written") {
    SUBCASE("as written") {
        check_every_alias([](const std::string &name) { return name; });
    }
    SUBCASE("in upper case") {
        CHECK(upper("Điểm thẩm định") == "ĐIỂM THẨM ĐỊNH");
        check_every_alias([](const std::string &name) { return upper(name); });
    }
    SUBCASE("with line breaks") {
        check_every_alias([](const std::string &name) { return wrapped(name); });
        check_every_alias([](const std::string &name) { return "\n" + wrapped(name) + " \r\n"; });
    }
    SUBCASE("with parenthesised text") {
        check_every_alias([](const std::string &name) { return name + " (Lý do giảm điểm)"; });
        check_every_alias([](const std::string &name) { return name + "\n(điểm)"; });
        check_every_alias([](const std::string &name) { return "(1) " + name; });
    }
    SUBCASE("decomposed") {
        CHECK(nfd("Điểm") != "Điểm");
        check_every_alias([](const std::string &name) { return nfd(name); });
    }
    SUBCASE("upper case and decomposed and wrapped") {
        check_every_alias([](const std::string &name) { return wrapped(nfd(upper(name))); });
    }
    SUBCASE("with a trailing colon") {
        check_every_alias([](const std::string &name) { return name + ":"; });
    }
}

TEST_CASE("the headers of the reference sheet map to their columns") {
    CHECK(match_column_name("Ghi chú (Lý do giảm điểm)") == Column::note);
    CHECK(match_column_name("Ghi chú\n(Lý do giảm điểm)") == Column::note);
    CHECK(match_column_name("Nội dung\nLĩnh vực/ Tiêu chí/Tiêu chí thành phần") == Column::content);
    CHECK(match_column_name("Điểm\ntối đa") == Column::max);
    CHECK(match_column_name("Điểm tự\nđánh giá") == Column::self);
    CHECK(match_column_name("Điểm\nthẩm\nđịnh") == Column::appraised);
    CHECK(match_column_name("Số\nđiểm\nbị trừ") == Column::lost);
    CHECK(match_column_name("Trách nhiệm bộ\nphận phụ trách") == Column::owner);
    CHECK(match_column_name("Mục") == Column::code);
}

TEST_CASE("names that are not aliases match no column") {
    for (std::string name :
         {"", "Điểm", "Tổng cộng", "Ghi", "Mục lục", "Điểm tối đa tối đa", "PHỤ LỤC", "1.1.3", "2"}) {
        CAPTURE(name);
        CHECK_FALSE(match_column_name(name).has_value());
    }
}

TEST_CASE("map_header finds columns by position and ignores unknown ones") {
    cchc::HeaderMap map = map_header({"Mục", "Xyz", "Điểm tối đa", "", "Tổng", "Điểm thẩm định", "Ghi chú"});
    CHECK(map.at(Column::code) == 0);
    CHECK(map.at(Column::max) == 2);
    CHECK(map.at(Column::appraised) == 5);
    CHECK(map.at(Column::note) == 6);
    CHECK(map.at(Column::content) == -1);
    CHECK_FALSE(map.has(Column::self));
    CHECK(map.matched == 4);
    CHECK(map.missing(required_columns()).empty());
    CHECK(map.repeated.empty());
}

TEST_CASE("map_header lists the missing required columns") {
    SUBCASE("all three") {
        cchc::HeaderMap map = map_header({"Nội dung", "Ghi chú"});
        CHECK(map.missing(required_columns()) == Columns{Column::code, Column::max, Column::appraised});
    }
    SUBCASE("only the appraised score") {
        cchc::HeaderMap map = map_header({"Mục", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá"});
        CHECK(map.missing(required_columns()) == Columns{Column::appraised});
        CHECK(map.missing({Column::code, Column::max}).empty());
        CHECK(map.missing({Column::owner, Column::code, Column::note}) == Columns{Column::owner, Column::note});
    }
    SUBCASE("an empty row") {
        CHECK(map_header({}).missing(required_columns()) == Columns{Column::code, Column::max, Column::appraised});
    }
}

TEST_CASE("map_header keeps the first of two cells naming one column") {
    cchc::HeaderMap map = map_header({"Mục", "Điểm tối đa", "Điểm thẩm định", "Điểm thẩm định"});
    CHECK(map.at(Column::appraised) == 2);
    REQUIRE(map.repeated.size() == 1);
    CHECK(map.repeated[0].first == 3);
    CHECK(map.repeated[0].second == Column::appraised);
    CHECK(map.matched == 3);
}

TEST_CASE("map_header lists the cells that could be the code, not as repeats") {
    cchc::HeaderMap map = map_header({"STT", "Mục", "Điểm tối đa", "Điểm thẩm định"});
    CHECK(map.at(Column::code) == 0); // until the loader chooses by content
    CHECK(map.code_candidates == std::vector<int>{0, 1});
    CHECK(map.repeated.empty());
    CHECK(map.matched == 3);
    SUBCASE("near miss: the same name twice is a repeat") {
        cchc::HeaderMap twice = map_header({"Mục", "Mục", "Điểm tối đa", "Điểm thẩm định"});
        CHECK(twice.code_candidates.empty());
        REQUIRE(twice.repeated.size() == 1);
        CHECK(twice.repeated[0].first == 1);
    }
    SUBCASE("near miss: one code cell is no choice") {
        CHECK(map_header({"STT", "Nội dung", "Điểm tối đa", "Điểm thẩm định"}).code_candidates.empty());
    }
}

TEST_CASE("the required columns are code max and appraised") {
    CHECK(required_columns() == Columns{Column::code, Column::max, Column::appraised});
}

TEST_CASE("column_info describes each column") {
    CHECK(cchc::column_infos().size() == cchc::k_column_count);
    const cchc::ColumnInfo &appraised = cchc::column_info(Column::appraised);
    CHECK(appraised.id == "appraised");
    CHECK(appraised.required);
    CHECK(appraised.canonical_vi == "Điểm thẩm định");
    CHECK(cchc::column_info(Column::code).required);
    CHECK(cchc::column_info(Column::max).required);
    CHECK_FALSE(cchc::column_info(Column::self).required);
    CHECK_FALSE(cchc::column_info(Column::owner).required);
    // Each canonical Vietnamese name is itself recognised.
    for (const cchc::ColumnInfo &info : cchc::column_infos()) {
        CAPTURE(info.id);
        CHECK(match_column_name(info.canonical_vi) == info.column);
        for (std::string_view alias : info.aliases)
            CHECK(cchc::fold(alias) == alias);
    }
}

namespace {

std::vector<cchc::RawRecord> records_of(const std::vector<std::string> &texts) {
    std::vector<cchc::RawRecord> out;
    long line = 1;
    for (const std::string &text : texts) {
        cchc::RawRecord r;
        r.line = line;
        r.last_line = line + static_cast<long>(std::count(text.begin(), text.end(), '\n'));
        r.text = text;
        line = r.last_line + 1;
        out.push_back(r);
    }
    return out;
}

} // namespace

TEST_CASE("find_header finds the header below title rows") {
    auto records =
        records_of({"PHỤ LỤC", "\"(Kèm theo Báo cáo số 125/BC-UBND, ngày 22/6/2023)\",,,", ",,,",
                    "Mục,\"Nội dung\nLĩnh vực/ Tiêu chí/Tiêu chí thành phần\",\"Điểm\ntối đa\",\"Điểm\nthẩm\nđịnh\"",
                    "1.1,A,2,1"});
    cchc::HeaderChoice h = cchc::find_header(records, 0, "t.csv", required_columns(), cchc::Lang::en);
    CHECK(h.found);
    CHECK(h.record == 3);
    CHECK(records[h.record].line == 4);
    CHECK(h.delimiter == ',');
    CHECK(h.map.at(Column::code) == 0);
    CHECK(h.map.at(Column::content) == 1);
    CHECK(h.map.at(Column::max) == 2);
    CHECK(h.map.at(Column::appraised) == 3);
    CHECK(h.cells == std::vector<std::string>{"Mục", "Nội dung\nLĩnh vực/ Tiêu chí/Tiêu chí thành phần", "Điểm\ntối đa",
                                              "Điểm\nthẩm\nđịnh"});
}

TEST_CASE("find_header detects each delimiter") {
    struct Case {
        char delimiter;
        std::string header;
    };
    for (const Case &c : {Case{',', "Mục,Nội dung,Điểm tối đa,Điểm thẩm định"},
                          Case{';', "Mục;Nội dung, tiêu chí;Điểm tối đa;Điểm thẩm định"},
                          Case{'\t', "Mục\tNội dung, tiêu chí\tĐiểm tối đa\tĐiểm thẩm định"},
                          Case{'|', "Mục|Nội dung; tiêu chí|Điểm tối đa|Điểm thẩm định"}}) {
        CAPTURE(c.header);
        cchc::HeaderChoice h =
            cchc::find_header(records_of({c.header, "1.1,2,1"}), 0, "t.csv", required_columns(), cchc::Lang::en);
        CHECK(h.found);
        CHECK(h.record == 0);
        CHECK(h.delimiter == c.delimiter);
        CHECK(h.map.at(Column::max) == 2);
    }
}

TEST_CASE("find_header with a forced delimiter and without a header") {
    auto records = records_of({"Mục;Nội dung;Điểm tối đa;Điểm thẩm định", "1.1;A;2;1"});
    SUBCASE("the forced delimiter is used") {
        cchc::HeaderChoice h = cchc::find_header(records, ';', "t.csv", required_columns(), cchc::Lang::en);
        CHECK(h.found);
        CHECK(h.delimiter == ';');
    }
    SUBCASE("a wrong forced delimiter finds nothing") {
        CHECK_FALSE(cchc::find_header(records, ',', "t.csv", required_columns(), cchc::Lang::en).found);
    }
    SUBCASE("no complete header: the closest row") {
        cchc::HeaderChoice h = cchc::find_header(records_of({"PHỤ LỤC", "Mục,Nội dung,Điểm tối đa", "1.1,A,2"}), 0,
                                                 "t.csv", required_columns(), cchc::Lang::en);
        CHECK_FALSE(h.found);
        CHECK(h.record == 1);
        CHECK(h.map.matched == 3);
        CHECK(h.map.missing(required_columns()) == Columns{Column::appraised});
    }
    SUBCASE("other required columns") {
        cchc::HeaderChoice h = cchc::find_header(records_of({"Mã,Tên tiêu chí,Tối đa"}), 0, "t.csv",
                                                 {Column::code, Column::max}, cchc::Lang::en);
        CHECK(h.found);
        CHECK(h.map.at(Column::content) == 1);
    }
}

TEST_CASE("a no-break space in a header name counts as a space") {
    // Spreadsheets and text pasted from Word put U+00A0 between words.
    CHECK(match_column_name("Điểm\xC2\xA0tối\xC2\xA0đa") == Column::max);
    CHECK(match_column_name("Ghi chú\xC2\xA0") == Column::note);
    CHECK(cchc::fold("Điểm\xC2\xA0thẩm định") == "diem tham dinh");
}

TEST_CASE("a clerk's names and English names match, a qualifier after a known name too") {
    CHECK(match_column_name("Điểm đạt được") == Column::appraised);
    CHECK(match_column_name("Điểm đạt") == Column::appraised);
    CHECK(match_column_name("Tiêu chí, tiêu chí thành phần") == Column::content);
    CHECK(match_column_name("Lĩnh vực, tiêu chí, tiêu chí thành phần") == Column::content);
    CHECK(match_column_name("Nội dung tiêu chí") == Column::content);
    CHECK(match_column_name("Tiêu chí/tiêu chí thành phần") == Column::content);
    CHECK(match_column_name("Ghi chú của đơn vị") == Column::note);
    CHECK(match_column_name("Ghi chú của thẩm định") == Column::note);
    CHECK(match_column_name("Điểm thẩm định của Sở Nội vụ") == Column::appraised);
    CHECK(match_column_name("No.") == Column::code);
    CHECK(match_column_name("Criteria") == Column::content);
    CHECK(match_column_name("Maximum score") == Column::max);
    CHECK(match_column_name("Self-assessment score") == Column::self);
    CHECK(match_column_name("Appraised score") == Column::appraised);
    CHECK(match_column_name("Points lost") == Column::lost);
    CHECK(match_column_name("Notes") == Column::note);
    CHECK(match_column_name("Responsible unit") == Column::owner);
    SUBCASE("near misses") {
        // A plain space is no qualifier: "Đơn vị tính" is a unit of measure.
        CHECK_FALSE(match_column_name("Đơn vị tính").has_value());
        CHECK_FALSE(match_column_name("Điểm đạt chuẩn").has_value());
        CHECK_FALSE(match_column_name("Ghi chú thêm").has_value());
        // One-word names only match whole: "Tên của đơn vị" is no content column.
        CHECK_FALSE(match_column_name("Tên của đơn vị").has_value());
        CHECK_FALSE(match_column_name("Ký tên").has_value());
        CHECK_FALSE(match_column_name("TT hành chính").has_value());
        CHECK_FALSE(match_column_name("Maximum").has_value());
        CHECK_FALSE(match_column_name("Number").has_value());
        CHECK_FALSE(match_column_name("Ghi chú của").has_value());
    }
}

TEST_CASE("the appraisal's note column is read before another note column") {
    cchc::HeaderMap map =
        map_header({"Mục", "Điểm tối đa", "Điểm thẩm định", "Ghi chú của đơn vị", "Ghi chú của thẩm định"});
    CHECK(map.at(Column::note) == 4);
    CHECK(map.repeated.empty());
    REQUIRE(map.set_aside.size() == 1);
    CHECK(map.set_aside[0] == std::pair<int, Column>{3, Column::note});
    SUBCASE("in the other order") {
        cchc::HeaderMap other =
            map_header({"Mục", "Điểm tối đa", "Điểm thẩm định", "Ghi chú của thẩm định", "Ghi chú của đơn vị"});
        CHECK(other.at(Column::note) == 3);
        CHECK(other.set_aside == std::vector<std::pair<int, Column>>{{4, Column::note}});
    }
    SUBCASE("near miss: two notes, neither the appraisal's, are a repeat") {
        cchc::HeaderMap two = map_header({"Mục", "Điểm tối đa", "Điểm thẩm định", "Ghi chú", "Ghi chú của đơn vị"});
        CHECK(two.at(Column::note) == 3);
        CHECK(two.set_aside.empty());
        CHECK(two.repeated.size() == 1);
    }
    CHECK(cchc::is_appraisal_note("Ghi chú của thẩm định"));
    CHECK_FALSE(cchc::is_appraisal_note("Ghi chú của đơn vị"));
    CHECK_FALSE(cchc::is_appraisal_note("Điểm thẩm định"));
}

TEST_CASE("two header rows combine: a first-row label spans the cells to its right") {
    std::vector<std::string> combined = cchc::combine_header_rows({"STT", "Nội dung", "Điểm", "", "", "Ghi chú"},
                                                                  {"", "", "Tối đa", "Tự đánh giá", "Thẩm định", ""});
    CHECK(combined ==
          std::vector<std::string>{"STT", "Nội dung", "Điểm Tối đa", "Điểm Tự đánh giá", "Điểm Thẩm định", "Ghi chú"});
    cchc::HeaderMap map = map_header(combined);
    CHECK(map.at(Column::code) == 0);
    CHECK(map.at(Column::max) == 2);
    CHECK(map.at(Column::self) == 3);
    CHECK(map.at(Column::appraised) == 4);
    CHECK(map.at(Column::note) == 5);
    SUBCASE("a second-row label that names a column alone is used alone") {
        CHECK(cchc::combine_header_rows({"TT", "Kết quả", ""}, {"", "Điểm tối đa", "Điểm thẩm định"}) ==
              std::vector<std::string>{"TT", "Điểm tối đa", "Điểm thẩm định"});
    }
    SUBCASE("near miss: a label spans no cell with nothing under it") {
        CHECK(cchc::combine_header_rows({"Mục", "Ghi chú", "", ""}, {"", "", "", ""}) ==
              std::vector<std::string>{"Mục", "Ghi chú", "", ""});
    }
}

TEST_CASE("find_two_row_header finds a header of merged cells") {
    auto records = records_of({"STT;Nội dung;Điểm;;;Ghi chú", ";;Tối đa;Tự đánh giá;Thẩm định;"});
    cchc::HeaderChoice h =
        cchc::find_two_row_header(records[0], records[1], 0, "t.csv", required_columns(), cchc::Lang::en);
    CHECK(h.found);
    CHECK(h.rows == 2);
    CHECK(h.delimiter == ';');
    CHECK(h.map.at(Column::appraised) == 4);
    SUBCASE("near miss: a data row under an incomplete header fills nothing") {
        auto data = records_of({"Mục,Nội dung,Điểm tối đa,Điểm", "1.1,Kế hoạch,3,2.5"});
        CHECK_FALSE(cchc::find_two_row_header(data[0], data[1], 0, "t.csv", required_columns(), cchc::Lang::en).found);
    }
}

TEST_CASE("a row of column numbers is recognised") {
    using cchc::is_column_numbers_row;
    CHECK(is_column_numbers_row({"1", "2", "3", "4", "5", "6", "7"}));
    CHECK(is_column_numbers_row({"(1)", "(2)", "(3)", "(4)", "(5)", "(6)=(4)-(5)", "(7)"}));
    CHECK(is_column_numbers_row({"A", "B", "1", "2", "3=1-2", ""}));
    CHECK(is_column_numbers_row({"1", "2", "", "4", "5"}));
    SUBCASE("near misses") {
        CHECK_FALSE(is_column_numbers_row({"1", "Kế hoạch", "3", "2", "2.5"}));
        CHECK_FALSE(is_column_numbers_row({"1", "", "3", "3", "2"}));       // not increasing
        CHECK_FALSE(is_column_numbers_row({"1", "2"}));                     // too few
        CHECK_FALSE(is_column_numbers_row({"1.1", "2", "3", "4"}));         // a code
        CHECK_FALSE(is_column_numbers_row({"1", "A", "3", "4"}));           // a letter after numbers
        CHECK_FALSE(is_column_numbers_row({"(1)", "(2)", "(3)=Tổng", ""})); // text in a formula
    }
}

TEST_CASE("the code column is chosen by what its cells hold") {
    auto content = [](std::vector<std::string_view> cells) { return cchc::code_column_content(cells); };
    cchc::CodeColumnContent stt = content({"1", "", "", "", "2", "", "", "3", ""});
    CHECK(stt.running_number);
    CHECK(stt.code_like == 0);
    CHECK(stt.filled == 3);
    cchc::CodeColumnContent muc = content({"I", "1.1", "1.2", "a)", "1", "1.1", "1.2", "1", "II"});
    CHECK_FALSE(muc.running_number);
    CHECK(muc.code_like == 7);
    bool by_content = false;
    CHECK(cchc::choose_code_column({stt, muc}, by_content) == 1);
    CHECK(by_content);
    SUBCASE("near miss: a tie keeps the first, not by content") {
        CHECK(cchc::choose_code_column({muc, muc}, by_content) == 0);
        CHECK_FALSE(by_content);
        CHECK(cchc::choose_code_column({stt, stt}, by_content) == 0);
        CHECK_FALSE(by_content);
    }
    SUBCASE("near miss: integers that jump are no running number") {
        CHECK_FALSE(content({"1", "5", "9", "2"}).running_number);
    }
}

TEST_CASE("a running row number may end on a signature line") {
    CHECK(cchc::code_column_content({"1", "", "2", "", "3", "Người lập biểu"}).running_number);
    CHECK_FALSE(cchc::code_column_content({"1", "Xã A", "2", "Xã B"}).running_number);
}
