// `cchc report FILE...` (and `cchc FILE...`): summary tables per sheet —
// totals, by domain, by owner, by criterion, the top losses — followed by
// the sheet's findings.
#include "common.hpp"

#include <cchc/base/error.hpp>

#include <fmt/format.h>

#include <memory>
#include <sstream>

namespace cchc::cli {

namespace {

struct ReportOptions {
    CommonOptions common;
    std::vector<std::string> by;
    std::string top; ///< as given; range-checked by parse_count
};

std::vector<TableKind> parse_tables(const std::vector<std::string> &names, Lang lang) {
    std::vector<TableKind> out; // empty: each format's default
    for (const std::string &name : names) {
        if (name == "sheet")
            out.push_back(TableKind::sheet);
        else if (name == "domain")
            out.push_back(TableKind::domain);
        else if (name == "owner")
            out.push_back(TableKind::owner);
        else if (name == "criterion")
            out.push_back(TableKind::criterion);
        else if (name == "owner-tasks")
            out.push_back(TableKind::owner_tasks);
        else
            throw Error(fmt::format(
                fmt::runtime(pick(lang, "--by: '{}' không phải một trong domain, owner, criterion, sheet, owner-tasks",
                                  "--by: '{}' is not one of domain, owner, criterion, sheet, owner-tasks")),
                name));
    }
    return out;
}

int run_report(const ReportOptions &o) {
    const Lang lang = o.common.lang;
    const std::size_t top = o.top.empty() ? 0 : parse_count(o.top, k_top_range, lang);
    Run run = run_pipeline(o.common, top, parse_tables(o.by, lang));
    int status = exit_status(run, o.common.strict);
    if (o.common.quiet && o.common.output.empty()) return status; // -q -o FILE still writes FILE
    say_findings_left_out(o.common, run.report);
    return render_and_write(o.common, run.render, status, report_document(run.report));
}

} // namespace

void setup_report(CLI::App &app, int &status, Lang lang) {
    auto options = std::make_shared<ReportOptions>();
    CLI::App *command = add_command(
        app, "report",
        tr(lang, "bảng tổng hợp cho từng bảng điểm (lệnh mặc định)", "summary tables per sheet (the default command)"),
        lang);
    add_common_options(*command, options->common, lang);
    command
        ->add_option("--by", options->by,
                     tr(lang,
                        "các bảng cần in: sheet, domain, owner, criterion, owner-tasks (việc của từng bộ phận) "
                        "(mặc định: bốn bảng đầu)",
                        "tables to show: sheet, domain, owner, criterion, owner-tasks (what each owner must fix) "
                        "(default: the first four)"))
        ->delimiter(',')
        ->allow_extra_args(false) // one word each (sheet,domain): the next word is a FILE
        ->type_name("TABLES");
    command
        ->add_option("--top", options->top,
                     tr(lang, "in thêm N tiêu chí bị trừ nhiều điểm nhất (N từ 0 đến 1000)",
                        "also list the N criteria that lost the most points (N from 0 to 1000)"))
        ->type_name("N");
    command->callback([options, &status] {
        settle(options->common, "report");
        status = run_report(*options);
    });
}

} // namespace cchc::cli
