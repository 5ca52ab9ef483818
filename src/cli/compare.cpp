// `cchc compare FILE...`: units side by side, ranked by index (ties share a
// rank); or, for two sheets of one unit (or with --periods), the change per
// criterion, per owner and in total between the two periods.
#include "common.hpp"
#include "diagnostics.hpp"
#include "help.hpp"

#include <cchc/base/error.hpp>
#include <cchc/checks/file_checks.hpp>
#include <cchc/summary/compare.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <sstream>

namespace cchc::cli {

namespace {

struct CompareOptions {
    CommonOptions common;
    bool periods = false;
};

/// Two sheets of the same unit are two periods; the earlier period first
/// when both name one, else in the order given.
std::optional<PeriodComparison> as_periods(const std::vector<const SheetSummary *> &sheets, bool forced, Lang lang) {
    if (sheets.size() != 2) {
        if (forced)
            throw Error(fmt::format(fmt::runtime(pick(lang, "--periods so sánh hai bảng điểm; đã đưa {} bảng",
                                                      "--periods compares two sheets; {} were given")),
                                    sheets.size()));
        return std::nullopt;
    }
    const SheetSummary *a = sheets[0];
    const SheetSummary *b = sheets[1];
    if (!forced && a->sheet->unit != b->sheet->unit) return std::nullopt;
    if (!a->sheet->period.empty() && !b->sheet->period.empty() && code_less(b->sheet->period, a->sheet->period))
        std::swap(a, b);
    return compare_periods(*a, *b);
}

/// Indexes out of different scales do not rank against each other: a
/// mixed-scales finding, before the others of the file of the first sheet
/// whose scale differs from `first`'s. False when all share one scale.
bool add_mixed_scales(Run &run, const SheetSummary &first) {
    if (first.totals.count == 0) return false;
    for (FileReport &file : run.report.files)
        for (const SheetSummary &s : file.sheets)
            if (s.totals.count > 0 && s.base != first.base) {
                add_first_finding(
                    file, mixed_scales(file.loaded.file, first.base.format(0), s.base.format(0), run.render.lang),
                    run.render.lang);
                return true;
            }
    return false;
}

int run_compare(const CompareOptions &options) {
    const CommonOptions &o = options.common;
    Run run = run_pipeline(o, 0, {});
    std::vector<const SheetSummary *> sheets;
    for (const FileReport &file : run.report.files)
        for (const SheetSummary &s : file.sheets)
            sheets.push_back(&s);
    int status = exit_status(run, o.strict);
    if (sheets.empty()) {
        // Nothing to compare: say why, with the findings that stopped each file.
        if (o.quiet) return std::max(status, k_exit_findings);
        std::ostringstream text;
        make_renderer("text", run.render)->print(check_document(run.report), text);
        Diagnostics(o.quiet).say(text.str() +
                                 std::string(pick(run.render.lang, "cchc: compare: không đọc được bảng điểm nào\n",
                                                  "cchc: compare: no sheet could be read\n")));
        return std::max(status, k_exit_findings);
    }
    Comparison comparison;
    comparison.periods = as_periods(sheets, options.periods, run.render.lang);
    comparison.ranking = rank_sheets(sheets);
    if (!comparison.periods && add_mixed_scales(run, *sheets.front())) status = exit_status(run, o.strict);
    if (o.quiet && o.output.empty()) return status; // -q -o FILE still writes FILE
    say_findings_left_out(o, run.report);
    return render_and_write(o, run.render, status, compare_document(comparison, run.report));
}

} // namespace

void setup_compare(CLI::App &app, int &status, Lang lang) {
    auto options = std::make_shared<CompareOptions>();
    CLI::App *command = add_command(app, "compare",
                                    tr(lang, "so sánh, xếp hạng các đơn vị theo chỉ số; hoặc hai kỳ của một đơn vị",
                                       "units side by side, ranked by index; or two periods of one unit"),
                                    lang);
    add_common_options(*command, options->common, lang);
    set_examples(*command,
                 {{"cchc compare samples/wards/*-2023.csv --out-of 100", "xếp hạng năm đơn vị theo chỉ số năm 2023",
                   "the five units of 2023 ranked by index"},
                  {"cchc compare samples/wards/phuong-1-2022.csv samples/wards/phuong-1-2023.csv --out-of 100",
                   "hai kỳ của một đơn vị: điểm bị trừ tăng, giảm theo từng tiêu chí",
                   "two periods of one unit: the points lost per criterion, then and now"},
                  {"cchc compare samples/wards --out-of 100 --format xlsx -o xep-hang.xlsx",
                   "bảng xếp hạng thành sổ tính Excel có biểu đồ", "the ranking as an Excel workbook with a chart"}},
                 lang);
    command->add_flag("--periods", options->periods,
                      tr(lang, "so sánh hai bảng điểm như hai kỳ của một đơn vị, kể cả khi tên đơn vị khác nhau",
                         "compare the two sheets given as two periods of one unit, even if their unit names differ"));
    command->callback([options, &status] {
        settle(options->common, "compare");
        status = run_compare(*options);
    });
}

} // namespace cchc::cli
