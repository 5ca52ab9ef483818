// Sheet → numbers (summary.hpp): totals, domains, owners, the index, the
// rating and the top losses, on the reference sheet and on small sheets.
#include "test_support.hpp"

#include <cchc/base/error.hpp>
#include <cchc/checks/file_checks.hpp>
#include <cchc/summary/summary.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using cchc::Decimal;
using cchc::Group;
using cchc::SheetSummary;
using cchc::SummaryOptions;
using cchc::Sums;

namespace {

Decimal dec(std::string_view text) {
    cchc::ParsedNumber n = cchc::parse_number(text);
    REQUIRE(n.status == cchc::ParsedNumber::Status::ok);
    return n.value;
}

/// "count / max / appraised / lost", the way the report shows a group.
std::string sums_text(const Sums &s) {
    return std::to_string(s.count) + " / " + s.max.format() + " / " + s.appraised.format() + " / " + s.lost.format();
}

const Group &group_named(const std::vector<Group> &groups, const std::string &name) {
    for (const Group &g : groups)
        if (g.name == name) return g;
    FAIL("no group named \"" << name << "\"");
    return groups.front();
}

std::vector<std::string> top_codes(const SheetSummary &summary) {
    std::vector<std::string> out;
    for (const cchc::CriterionResult &c : summary.top)
        out.push_back(c.row->code);
    return out;
}

cchc::LoadedFile load_reference() {
    cchc::LoadedFile loaded = cchc::load_file(cchc::test::reference_sheet_path(), {});
    REQUIRE(loaded.sheets.size() == 1);
    return loaded;
}

cchc::LoadedFile load_one(const std::string &csv) {
    cchc::LoadedFile loaded = cchc::test::load_text(csv);
    REQUIRE(cchc::check_file(loaded, cchc::Lang::vi).empty());
    REQUIRE(loaded.sheets.size() == 1);
    return loaded;
}

} // namespace

TEST_CASE("the reference sheet totals 20 / 18.5 / 11 / 9") {
    cchc::LoadedFile loaded = load_reference();
    SheetSummary s = cchc::summarise(loaded.sheets.front(), {});
    CHECK(s.sheet == &loaded.sheets.front());
    CHECK(s.totals.count == 16);
    CHECK(s.totals.max.format() == "20.00");
    CHECK(s.totals.self.format() == "18.50");
    CHECK(s.totals.appraised.format() == "11.00");
    CHECK(s.totals.lost.format() == "9.00");
    CHECK(s.totals.self_count == 16);
    CHECK(s.totals.achievement() == 5500);
    CHECK(s.criteria.size() == 16);
    SUBCASE("without --out-of the index is the appraised sum out of the max") {
        CHECK(s.index.format() == "11.00");
        CHECK(s.base.format() == "20.00");
        CHECK(s.rating == "Yếu");
    }
}

TEST_CASE("the reference sheet by domain") {
    cchc::LoadedFile loaded = load_reference();
    SheetSummary s = cchc::summarise(loaded.sheets.front(), {});
    std::vector<std::string> names;
    for (const Group &g : s.domains)
        names.push_back(g.name);
    CHECK(names == std::vector<std::string>{"1", "3", "4", "7"});
    CHECK(sums_text(group_named(s.domains, "1").sums) == "5 / 7.00 / 3.21 / 3.79");
    CHECK(sums_text(group_named(s.domains, "3").sums) == "6 / 6.00 / 4.18 / 1.82");
    CHECK(sums_text(group_named(s.domains, "4").sums) == "1 / 1.00 / 0.00 / 1.00");
    CHECK(sums_text(group_named(s.domains, "7").sums) == "4 / 6.00 / 3.61 / 2.39");
    CHECK(group_named(s.domains, "1").sums.self.format() == "5.50");
    CHECK(group_named(s.domains, "1").sums.achievement() == 4586);
    CHECK(group_named(s.domains, "4").sums.achievement() == 0);
}

TEST_CASE("the reference sheet by owner in order of first appearance") {
    cchc::LoadedFile loaded = load_reference();
    SheetSummary s = cchc::summarise(loaded.sheets.front(), {});
    std::vector<std::string> names;
    for (const Group &g : s.owners)
        names.push_back(g.name);
    CHECK(names == std::vector<std::string>{
                       "", "- Văn phòng - Thống kê (phụ trách CCHC)",
                       "Công chức phụ trách CCHC và công chức chuyên môn", "Bộ phận tiếp nhận và trả kết quả phường",
                       "Công chức VH-XH (Phụ trách LĐ TBXH)", "Công chức Văn phòng - Thống kê (phụ trách CCHC)",
                       "Công chức Văn phòng - Thống kê", "Các công chức liên quan", "Công chức VH-XH"});
    CHECK(sums_text(group_named(s.owners, "Bộ phận tiếp nhận và trả kết quả phường").sums) == "6 / 6.00 / 3.67 / 2.33");
    CHECK(sums_text(group_named(s.owners, "Các công chức liên quan").sums) == "3 / 5.00 / 3.61 / 1.39");
    CHECK(sums_text(group_named(s.owners, "").sums) == "1 / 2.00 / 1.91 / 0.09");
}

TEST_CASE("with out of 100 the reference index is 91.00 and rated Tốt") {
    cchc::LoadedFile loaded = load_reference();
    SummaryOptions options;
    options.out_of = Decimal::from_int(100);
    SheetSummary s = cchc::summarise(loaded.sheets.front(), options);
    CHECK(s.index.format() == "91.00");
    CHECK(s.base.format() == "100.00");
    CHECK(s.rating == "Tốt");
    SUBCASE("with the five bands of a province") {
        options.bands = cchc::parse_rating_bands("Xuất sắc=95,Tốt=90,Khá=80,Trung bình=70,Yếu", cchc::Lang::en);
        CHECK(cchc::summarise(loaded.sheets.front(), options).rating == "Tốt");
    }
    SUBCASE("a higher bar") {
        options.bands = cchc::parse_rating_bands("Tốt=92,Khá=80,Yếu", cchc::Lang::en);
        CHECK(cchc::summarise(loaded.sheets.front(), options).rating == "Khá");
    }
}

TEST_CASE("each criterion's lost points achievement and over-estimation") {
    cchc::LoadedFile loaded = load_reference();
    SheetSummary s = cchc::summarise(loaded.sheets.front(), {});
    const cchc::CriterionResult &first = s.criteria.front();
    REQUIRE(first.row != nullptr);
    CHECK(first.row->code == "1.1.3");
    CHECK(first.lost.format() == "0.09");
    CHECK(first.achievement == 9550);
    REQUIRE(first.over_estimation.has_value());
    CHECK(first.over_estimation->format() == "0.09");
    const cchc::CriterionResult &third = s.criteria[2];
    CHECK(third.row->code == "1.5.4");
    CHECK(third.lost.format() == "1.50");
    CHECK(third.achievement == 2500);
    CHECK(third.over_estimation->format() == "0.00");
    SUBCASE("no self score: no over-estimation; no max: no achievement") {
        cchc::LoadedFile small = load_one("Mục,Điểm tối đa,Điểm tự đánh giá,Điểm thẩm định\n1.1,2,,1\n1.2,0,0,0\n");
        SheetSummary t = cchc::summarise(small.sheets.front(), {});
        REQUIRE(t.criteria.size() == 2);
        CHECK_FALSE(t.criteria[0].over_estimation.has_value());
        CHECK(t.criteria[0].achievement == 5000);
        CHECK_FALSE(t.criteria[1].achievement.has_value());
        CHECK(t.totals.self_count == 1);
    }
}

TEST_CASE("rating bands are parsed and applied") {
    std::vector<cchc::RatingBand> bands =
        cchc::parse_rating_bands("Xuất sắc=95,Tốt=90,Khá=80,Trung bình=70,Yếu", cchc::Lang::en);
    REQUIRE(bands.size() == 5);
    CHECK(bands[0].name == "Xuất sắc");
    CHECK(bands[0].threshold == Decimal::from_int(95));
    CHECK(bands[4].name == "Yếu");
    CHECK_FALSE(bands[4].threshold.has_value());
    const Decimal hundred = Decimal::from_int(100);
    SUBCASE("out of 100") {
        CHECK(cchc::rate(dec("96"), hundred, bands) == "Xuất sắc");
        CHECK(cchc::rate(dec("95"), hundred, bands) == "Xuất sắc");
        CHECK(cchc::rate(dec("94.999"), hundred, bands) == "Tốt");
        CHECK(cchc::rate(dec("90"), hundred, bands) == "Tốt");
        CHECK(cchc::rate(dec("85"), hundred, bands) == "Khá");
        CHECK(cchc::rate(dec("70"), hundred, bands) == "Trung bình");
        CHECK(cchc::rate(dec("69.99"), hundred, bands) == "Yếu");
        CHECK(cchc::rate(dec("0"), hundred, bands) == "Yếu");
    }
    SUBCASE("bands are percentages of the base") {
        CHECK(cchc::rate(dec("19"), Decimal::from_int(20), bands) == "Xuất sắc");
        CHECK(cchc::rate(dec("18"), Decimal::from_int(20), bands) == "Tốt");
        CHECK(cchc::rate(dec("17.99"), Decimal::from_int(20), bands) == "Khá");
    }
    SUBCASE("the default bands") {
        const auto &defaults = cchc::default_rating_bands();
        CHECK(cchc::rate(dec("91"), hundred, defaults) == "Tốt");
        CHECK(cchc::rate(dec("89.999"), hundred, defaults) == "Khá");
        CHECK(cchc::rate(dec("70"), hundred, defaults) == "Trung bình");
        CHECK(cchc::rate(dec("69.999"), hundred, defaults) == "Yếu");
    }
    SUBCASE("bands in any order, with spaces, decomposed names") {
        auto mixed = cchc::parse_rating_bands(" Yếu , Khá = 80,To\xCC\x82\xCC\x81t=90 ", cchc::Lang::en);
        REQUIRE(mixed.size() == 3);
        CHECK(mixed[0].name == "Tốt");
        CHECK(mixed[1].name == "Khá");
        CHECK(mixed[2].name == "Yếu");
        CHECK(cchc::rate(dec("85"), hundred, mixed) == "Khá");
        CHECK(cchc::rate(dec("90"), hundred, mixed) == "Tốt");
    }
    SUBCASE("bad bands are errors") {
        for (std::string text : {"", ",", "Tốt=abc", "=90", "Tốt=-5", "Tốt=9 0"}) {
            CAPTURE(text);
            CHECK_THROWS_AS(cchc::parse_rating_bands(text, cchc::Lang::en), cchc::Error);
        }
    }
}

TEST_CASE("an owner typed in NFD groups with the same owner typed in NFC") {
    const std::string nfc = "V\xC4\x83n ph\xC3\xB2ng - Th\xE1\xBB\x91ng k\xC3\xAA";
    const std::string nfd = "Va\xCC\x86n pho\xCC\x80ng - Tho\xCC\x82\xCC\x81ng ke\xCC\x82";
    REQUIRE(nfc != nfd);
    cchc::LoadedFile loaded = load_one("Mục,Điểm tối đa,Điểm thẩm định,Bộ phận phụ trách\n"
                                       "1.1,2,1.5," +
                                       nfc +
                                       "\n"
                                       "1.2,1,1," +
                                       nfd +
                                       "\n"
                                       "1.3,1,0.5,\"" +
                                       nfd.substr(0, nfd.find(' ')) + "\n" + nfd.substr(nfd.find(' ') + 1) +
                                       "\"\n"
                                       "1.4,1,0,Tư pháp\n");
    SheetSummary s = cchc::summarise(loaded.sheets.front(), {});
    REQUIRE(s.owners.size() == 2);
    CHECK(s.owners[0].name == nfc);
    CHECK(sums_text(s.owners[0].sums) == "3 / 4.00 / 3.00 / 1.00");
    CHECK(s.owners[1].name == "Tư pháp");
    CHECK(sums_text(s.owners[1].sums) == "1 / 1.00 / 0.00 / 1.00");
}

TEST_CASE("parents total rows headings and uncoded rows are not counted") {
    cchc::LoadedFile loaded = load_one("Mục,Nội dung,Điểm tối đa,Điểm thẩm định\n"
                                       "I,Lĩnh vực một,,\n"
                                       "1.5,Kiểm tra,3,2.5\n"
                                       "1.5.1,A,2,1.5\n"
                                       "1.5.2,B,1,1\n"
                                       "II,Lĩnh vực hai,,\n"
                                       ",Dòng không mã,5,5\n"
                                       "Tổng cộng,,3,2.5\n");
    SheetSummary s = cchc::summarise(loaded.sheets.front(), {});
    CHECK(sums_text(s.totals) == "2 / 3.00 / 2.50 / 0.50");
    REQUIRE(s.domains.size() == 1);
    CHECK(s.domains[0].name == "1");
    CHECK(sums_text(s.domains[0].sums) == "2 / 3.00 / 2.50 / 0.50");
    REQUIRE(s.criteria.size() == 2);
    CHECK(s.criteria[0].row->code == "1.5.1");
    CHECK(s.criteria[1].row->code == "1.5.2");
    CHECK(s.index.format() == "2.50");
}

TEST_CASE("domains are ordered as numbers") {
    cchc::LoadedFile loaded = load_one("Mục,Điểm tối đa,Điểm thẩm định\n"
                                       "10.1,1,1\n"
                                       "2.1,1,0\n"
                                       "IX,,\n"
                                       "9.1,2,1\n");
    SheetSummary s = cchc::summarise(loaded.sheets.front(), {});
    std::vector<std::string> names;
    for (const Group &g : s.domains)
        names.push_back(g.name);
    CHECK(names == std::vector<std::string>{"2", "9", "10"});
}

TEST_CASE("top losses are ordered by points lost then by code") {
    SUBCASE("the reference sheet") {
        cchc::LoadedFile loaded = load_reference();
        SummaryOptions options;
        options.top = 3;
        SheetSummary s = cchc::summarise(loaded.sheets.front(), options);
        CHECK(top_codes(s) == std::vector<std::string>{"1.5.4", "1.5.3", "1.7"});
        CHECK(s.top[0].lost.format() == "1.50");
        options.top = 7;
        CHECK(top_codes(cchc::summarise(loaded.sheets.front(), options)) ==
              std::vector<std::string>{"1.5.4", "1.5.3", "1.7", "4.4", "7.1.4", "7.2", "3.12.1"});
    }
    SUBCASE("ties are broken by code as numbers") {
        cchc::LoadedFile loaded = load_one("Mục,Điểm tối đa,Điểm thẩm định\n"
                                           "3.10,1,0\n"
                                           "1.1,1,0.5\n"
                                           "3.2,1,0\n"
                                           "3.9,2,1\n"
                                           "2,1,1\n");
        SummaryOptions options;
        options.top = 4;
        CHECK(top_codes(cchc::summarise(loaded.sheets.front(), options)) ==
              std::vector<std::string>{"3.2", "3.9", "3.10", "1.1"});
    }
    SUBCASE("no top unless asked; never more than there are") {
        cchc::LoadedFile loaded = load_one("Mục,Điểm tối đa,Điểm thẩm định\n1.1,1,0\n1.2,1,1\n");
        CHECK(cchc::summarise(loaded.sheets.front(), {}).top.empty());
        SummaryOptions options;
        options.top = 10;
        CHECK(top_codes(cchc::summarise(loaded.sheets.front(), options)) == std::vector<std::string>{"1.1", "1.2"});
    }
}
