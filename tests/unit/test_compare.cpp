// Ranking and period comparison (compare.hpp): ties share a rank, each
// period is ranked on its own, criteria and owners side by side.
#include "test_support.hpp"

#include <cchc/summary/compare.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

using cchc::ChangeStatus;
using cchc::SheetSummary;

namespace {

/// One file with a unit and period column: one sheet per unit and period.
struct Loaded {
    cchc::LoadedFile file;
    std::vector<SheetSummary> summaries;
    std::vector<const SheetSummary *> pointers;
};

Loaded load(const std::string &csv) {
    Loaded out;
    out.file = cchc::test::load_text(csv);
    cchc::SummaryOptions options;
    options.out_of = cchc::Decimal::from_int(100);
    for (const cchc::Sheet &s : out.file.sheets)
        out.summaries.push_back(cchc::summarise(s, options));
    for (const SheetSummary &s : out.summaries)
        out.pointers.push_back(&s);
    return out;
}

std::string ranking_text(const std::vector<cchc::RankedSheet> &ranking) {
    std::string out;
    for (const cchc::RankedSheet &r : ranking)
        out += r.sheet->sheet->unit + " " + r.sheet->sheet->period + " " + std::to_string(r.rank) + "/" +
               std::to_string(r.of) + " " + r.sheet->index.format() + "\n";
    return out;
}

const std::string k_header = "Đơn vị,Kỳ,Mục,Điểm tối đa,Điểm thẩm định,Bộ phận phụ trách\n";

} // namespace

TEST_CASE("units are ranked by index and equal indexes share a rank") {
    Loaded l = load(k_header + "A,2023,1.1,2,1,VP\n"
                               "B,2023,1.1,2,2,VP\n"
                               "C,2023,1.1,2,1,VP\n"
                               "D,2023,1.1,2,0,VP\n");
    CHECK(ranking_text(cchc::rank_sheets(l.pointers)) == "B 2023 1/4 100.00\n"
                                                         "A 2023 2/4 99.00\n"
                                                         "C 2023 2/4 99.00\n"
                                                         "D 2023 4/4 98.00\n");
}

TEST_CASE("each period is ranked on its own") {
    Loaded l = load(k_header + "A,2023,1.1,2,1,VP\n"
                               "A,2022,1.1,2,0,VP\n"
                               "B,2023,1.1,2,2,VP\n"
                               "B,2022,1.1,2,1.5,VP\n");
    CHECK(ranking_text(cchc::rank_sheets(l.pointers)) == "B 2022 1/2 99.50\n"
                                                         "A 2022 2/2 98.00\n"
                                                         "B 2023 1/2 100.00\n"
                                                         "A 2023 2/2 99.00\n");
}

TEST_CASE("two periods of a unit: the change per criterion and owner, criteria that appeared or disappeared") {
    Loaded l = load(k_header + "A,2022,1.1,2,1,VP\n"
                               ",,1.2,1,0,TP\n"
                               "A,2023,1.1,2,1.5,VP\n"
                               ",,1.3,1,0.5,VH\n");
    REQUIRE(l.pointers.size() == 2);
    cchc::PeriodComparison p = cchc::compare_periods(*l.pointers[0], *l.pointers[1]);
    CHECK(p.index_change().format() == "1.00"); // 98 → 99
    REQUIRE(p.criteria.size() == 3);
    CHECK(p.criteria[0].code == "1.1");
    CHECK(p.criteria[0].status == ChangeStatus::both);
    CHECK(p.criteria[0].change().format() == "0.50");
    CHECK(p.criteria[1].code == "1.2");
    CHECK(p.criteria[1].status == ChangeStatus::disappeared);
    CHECK(p.criteria[1].change().format() == "1.00");
    CHECK(p.criteria[2].code == "1.3");
    CHECK(p.criteria[2].status == ChangeStatus::appeared);
    CHECK(p.criteria[2].change().format() == "-0.50");
    REQUIRE(p.owners.size() == 3);
    CHECK(p.owners[0].owner == "VP");
    CHECK(p.owners[0].change().format() == "0.50");
    CHECK(p.owners[1].owner == "TP");
    CHECK(p.owners[2].owner == "VH");
    CHECK(p.owners[2].lost_before.format() == "0.00");
}
