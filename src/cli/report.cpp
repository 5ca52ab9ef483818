// `cchc report FILE...` (and `cchc FILE...`): summary tables per sheet —
// totals, by domain, by owner, by criterion, the top losses — followed by
// the sheet's findings.
#include "commands.hpp"
#include "common.hpp"
#include "help.hpp"

#include <cchc/base/error.hpp>
#include <cchc/render/formats.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <iterator>

#include <memory>
#include <sstream>

namespace cchc::cli {

namespace {

struct ReportOptions {
    CommonOptions common;
    std::vector<std::string> by;
    std::string top; ///< as given; range-checked by parse_count
};

/// The tables --by names, in the order its error message lists them.
constexpr std::pair<std::string_view, TableKind> k_tables[] = {
    {"domain", TableKind::domain},           {"owner", TableKind::owner},
    {"criterion", TableKind::criterion},     {"sheet", TableKind::sheet},
    {"owner-tasks", TableKind::owner_tasks},
};

std::vector<TableKind> parse_tables(const std::vector<std::string> &names, Lang lang) {
    std::vector<TableKind> out; // empty: each format's default
    for (const std::string &name : names) {
        auto known =
            std::find_if(std::begin(k_tables), std::end(k_tables), [&](const auto &t) { return t.first == name; });
        if (known == std::end(k_tables))
            throw Error(fmt::format(
                fmt::runtime(pick(lang, "--by: '{}' không phải một trong {}", "--by: '{}' is not one of {}")), name,
                fmt::join(report_table_names(), ", ")));
        out.push_back(known->second);
    }
    return out;
}

} // namespace

int run_report(const CommonOptions &common, const std::vector<std::string> &by, const std::string &top_text,
               const std::function<void(const Report &)> &seen) {
    const Lang lang = common.lang;
    const std::size_t top = top_text.empty() ? 0 : parse_count(top_text, k_top_range, lang);
    // csv and tsv show no finding: they are only counted (the status and the stderr line).
    const Wanted wanted{.findings = common.format->lists_findings};
    return print_in_parts(
        common, top, parse_tables(by, lang), wanted,
        [&](Run &run) {
            say_findings_left_out(common, run.report);
            return report_document(run.report);
        },
        seen);
}

std::vector<std::string_view> report_table_names() {
    std::vector<std::string_view> names;
    for (const auto &t : k_tables)
        names.push_back(t.first);
    return names;
}

void setup_report(CLI::App &app, int &status, Lang lang) {
    auto options = std::make_shared<ReportOptions>();
    CLI::App *command = add_command(
        app, "report",
        tr(lang, "bảng tổng hợp cho từng bảng điểm (lệnh mặc định)", "summary tables per sheet (the default command)"),
        lang);
    add_common_options(*command, options->common, lang);
    set_examples(*command,
                 {{"cchc report samples/phuong-1-2023.csv --out-of 100",
                   "tổng hợp bảng điểm mẫu: chỉ số 100 − 9 = 91,00, xếp loại Tốt",
                   "the sample sheet: index 100 − 9 = 91.00, rated Tốt (good)"},
                  {"cchc report samples/phuong-1-2023.csv --out-of 100 --by domain --top 3 --format md",
                   "theo lĩnh vực và 3 tiêu chí bị trừ nhiều điểm nhất, dạng Markdown để dán vào báo cáo",
                   "by domain and the 3 criteria that lost most, as Markdown for a report"},
                  {"cchc report samples/phuong-1-2023.csv --out-of 100 --format xlsx -o phuong-1.xlsx",
                   "sổ tính Excel có biểu đồ, mở bằng Excel hay LibreOffice",
                   "an Excel workbook with charts, for Excel or LibreOffice"}},
                 lang);
    command
        ->add_option("--by", options->by,
                     tr(lang,
                        "các bảng cần in: sheet, domain, owner, criterion, owner-tasks (việc của từng bộ phận) "
                        "(mặc định: bốn bảng đầu)",
                        "tables to show: sheet, domain, owner, criterion, owner-tasks (what each owner must fix) "
                        "(default: the first four)"))
        ->delimiter(',')
        ->allow_extra_args(false) // one word each (sheet,domain): the next word is a FILE
        ->type_name(tr(lang, "BẢNG", "TABLES"));
    command
        ->add_option("--top", options->top,
                     tr(lang, "in thêm N tiêu chí bị trừ nhiều điểm nhất (N từ 0 đến 1000)",
                        "also list the N criteria that lost the most points (N from 0 to 1000)"))
        ->type_name("N");
    command->callback([options, &status] {
        settle(options->common, "report");
        status = run_report(options->common, options->by, options->top);
    });
}

} // namespace cchc::cli
