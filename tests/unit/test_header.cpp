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
    cchc::HeaderMap map = map_header({"STT", "Mục", "Điểm tối đa", "Điểm thẩm định"});
    CHECK(map.at(Column::code) == 0);
    REQUIRE(map.repeated.size() == 1);
    CHECK(map.repeated[0].first == 1);
    CHECK(map.repeated[0].second == Column::code);
    CHECK(map.matched == 3);
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
    cchc::HeaderChoice h = cchc::find_header(records, 0, "t.csv", required_columns());
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
        cchc::HeaderChoice h = cchc::find_header(records_of({c.header, "1.1,2,1"}), 0, "t.csv", required_columns());
        CHECK(h.found);
        CHECK(h.record == 0);
        CHECK(h.delimiter == c.delimiter);
        CHECK(h.map.at(Column::max) == 2);
    }
}

TEST_CASE("find_header with a forced delimiter and without a header") {
    auto records = records_of({"Mục;Nội dung;Điểm tối đa;Điểm thẩm định", "1.1;A;2;1"});
    SUBCASE("the forced delimiter is used") {
        cchc::HeaderChoice h = cchc::find_header(records, ';', "t.csv", required_columns());
        CHECK(h.found);
        CHECK(h.delimiter == ';');
    }
    SUBCASE("a wrong forced delimiter finds nothing") {
        CHECK_FALSE(cchc::find_header(records, ',', "t.csv", required_columns()).found);
    }
    SUBCASE("no complete header: the closest row") {
        cchc::HeaderChoice h = cchc::find_header(records_of({"PHỤ LỤC", "Mục,Nội dung,Điểm tối đa", "1.1,A,2"}), 0,
                                                 "t.csv", required_columns());
        CHECK_FALSE(h.found);
        CHECK(h.record == 1);
        CHECK(h.map.matched == 3);
        CHECK(h.map.missing(required_columns()) == Columns{Column::appraised});
    }
    SUBCASE("other required columns") {
        cchc::HeaderChoice h =
            cchc::find_header(records_of({"Mã,Tên tiêu chí,Tối đa"}), 0, "t.csv", {Column::code, Column::max});
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
