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
    std::size_t top = 0;
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
    Run run = run_pipeline(o.common, o.top, parse_tables(o.by, parse_lang(o.common.lang)));
    int status = exit_status(run, o.common.strict);
    if (o.common.quiet) return status;
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
        ->type_name("TABLES");
    command
        ->add_option(
            "--top", options->top,
            tr(lang, "in thêm N tiêu chí bị trừ nhiều điểm nhất", "also list the N criteria that lost the most points"))
        ->type_name("N");
    command->callback([options, &status] { status = run_report(*options); });
}

} // namespace cchc::cli
