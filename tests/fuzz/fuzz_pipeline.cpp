// Fuzz target: the whole pipeline, from bytes to every renderer. Sums of
// the leaf rows equal the sums over domains and over owners; the JSON
// output is valid JSON; the CSV output reads back with one record per row
// and the same number of cells in every record.
#include "fuzz_support.hpp"

#include <cchc/base/error.hpp>
#include <cchc/input/csv_reader.hpp>
#include <cchc/layout/loader.hpp>
#include <cchc/pipeline/run.hpp>
#include <cchc/render/document.hpp>
#include <cchc/render/formats.hpp>
#include <cchc/summary/compare.hpp>

#include <sstream>

namespace {

void require_same(const cchc::Sums &a, const cchc::Sums &b, const char *what) {
    FUZZ_REQUIRE(a.count == b.count, what);
    FUZZ_REQUIRE(a.max == b.max, what);
    FUZZ_REQUIRE(a.appraised == b.appraised, what);
    FUZZ_REQUIRE(a.lost == b.lost, what);
    FUZZ_REQUIRE(a.self == b.self, what);
}

cchc::Sums add_up(const std::vector<cchc::Group> &groups) {
    cchc::Sums total;
    for (const cchc::Group &g : groups) {
        total.count += g.sums.count;
        total.max += g.sums.max;
        total.self += g.sums.self;
        total.appraised += g.sums.appraised;
        total.lost += g.sums.lost;
    }
    return total;
}

std::string render(std::string_view format, const cchc::Report &report, const cchc::RenderOptions &options, int what,
                   const cchc::Comparison *comparison = nullptr) {
    std::ostringstream out;
    auto renderer = cchc::make_renderer(format, options);
    if (what == 0)
        renderer->print(cchc::report_document(report), out);
    else if (what == 1)
        renderer->print(cchc::check_document(report), out);
    else
        renderer->print(cchc::compare_document(*comparison, report), out);
    return out.str();
}

/// Reads CSV text back: the number of records, each checked to have `cells` cells.
std::size_t csv_records(const std::string &csv) {
    auto source = std::make_unique<cchc::DecodingSource>(std::make_unique<cchc::MemoryInput>(csv), "out", "UTF-8",
                                                         cchc::Lang::en);
    cchc::RecordReader reader("out", std::move(source), cchc::Lang::en);
    cchc::RawRecord record;
    std::vector<std::string> cells;
    std::size_t count = 0, width = 0;
    while (reader.next(record)) {
        cchc::split_record(record, ',', "out", cells, cchc::Lang::en);
        if (count == 0) width = cells.size();
        FUZZ_REQUIRE(cells.size() == width, record.text);
        ++count;
    }
    return count;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size == 0) return 0;
    const std::uint8_t flags = data[0];
    std::string bytes(reinterpret_cast<const char *>(data) + 1, size - 1);
    cchc::RunOptions run;
    cchc::LoadOptions &load = run.load;
    load.lang = (flags & 1) ? cchc::Lang::en : cchc::Lang::vi;
    cchc::SummaryOptions &summary = run.summary;
    if (flags & 2) summary.out_of = cchc::Decimal::from_int(100);
    summary.top = (flags >> 2) & 7;
    run.check.lang = load.lang;
    cchc::Report report;
    try {
        report.files.push_back(cchc::process_input(std::make_unique<cchc::MemoryInput>(bytes), "fuzz.csv", run));
        const cchc::FileReport &file = report.files.back();
        std::size_t findings = file.findings.size();
        for (const cchc::SheetSummary &s : file.sheets) {
            const cchc::Sheet &sheet = *s.sheet;
            cchc::Sums leaves;
            std::size_t extras = 0;
            for (const cchc::Row &row : sheet.rows) {
                if (row.kind != cchc::RowKind::criterion) continue;
                // Never a row and one above it both counted: rows above a
                // counted row are parents (checked, not counted).
                std::size_t steps = 0;
                for (std::int32_t p = row.parent; p >= 0 && steps <= sheet.rows.size(); ++steps) {
                    const cchc::Row &above = sheet.rows[static_cast<std::size_t>(p)];
                    FUZZ_REQUIRE(above.kind != cchc::RowKind::criterion, "a counted row under a counted row");
                    p = above.parent;
                }
                FUZZ_REQUIRE(steps <= sheet.rows.size(), "the tree has no cycle");
                if (row.extra != cchc::Extra::none)
                    ++extras;
                else
                    leaves.add(row, sheet.self_assessment);
            }
            FUZZ_REQUIRE(extras == s.bonus.count + s.penalty.count, "bonus and penalty rows");
            require_same(leaves, s.totals, "leaves = totals");
            require_same(add_up(s.domains), s.totals, "domains = totals");
            require_same(add_up(s.owners), s.totals, "owners = totals");
            FUZZ_REQUIRE(s.criteria.size() == s.totals.count, "criteria = count");
            FUZZ_REQUIRE(s.top.size() <= summary.top, "top size");
            findings += s.findings.size();
        }
        FUZZ_REQUIRE(findings <= cchc::k_max_findings_per_file + 1, "findings budget");
    } catch (const cchc::Error &) {
        return 0; // unreadable bytes end in a message
    }

    cchc::RenderOptions options;
    options.lang = load.lang;
    options.top = (flags >> 2) & 7;
    options.width = (flags & 32) ? 60 : 0;
    for (const cchc::FormatInfo &format : cchc::formats()) {
        render(format.name, report, options, 0);
        render(format.name, report, options, 1);
    }
    std::string json = render("json", report, options, 0);
    FUZZ_REQUIRE(cchc::fuzz::JsonChecker(json).valid(), json);
    std::string findings_json = render("json", report, options, 1);
    FUZZ_REQUIRE(cchc::fuzz::JsonChecker(findings_json).valid(), findings_json);

    std::size_t criteria = 0;
    for (const cchc::SheetSummary &s : report.files.front().sheets)
        criteria += s.criteria.size();
    cchc::RenderOptions by_criterion = options;
    by_criterion.tables = {cchc::TableKind::criterion};
    std::string csv = render("csv", report, by_criterion, 0);
    FUZZ_REQUIRE(csv_records(csv) == (criteria > 0 ? criteria + 1 : (report.files.front().sheets.empty() ? 0 : 1)),
                 csv);

    std::vector<const cchc::SheetSummary *> sheets;
    for (const cchc::SheetSummary &s : report.files.front().sheets)
        sheets.push_back(&s);
    if (!sheets.empty()) {
        cchc::Comparison comparison;
        comparison.ranking = cchc::rank_sheets(sheets);
        if (sheets.size() == 2) comparison.periods = cchc::compare_periods(*sheets[0], *sheets[1]);
        for (const cchc::FormatInfo &format : cchc::formats())
            render(format.name, report, options, 2, &comparison);
        std::string compared = render("json", report, options, 2, &comparison);
        FUZZ_REQUIRE(cchc::fuzz::JsonChecker(compared).valid(), compared);
    }
    return 0;
}
