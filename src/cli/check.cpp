// `cchc check FILE...`: the findings only, one per line as a compiler
// prints them; the exit status tells a cron job whether to look.
#include "common.hpp"

#include <memory>
#include <sstream>

namespace cchc::cli {

namespace {

int run_check(const CommonOptions& o) {
    Run run = run_pipeline(o, 0, {});
    int status = exit_status(run, o.strict);
    if (o.quiet) return status;
    std::ostringstream text;
    make_renderer(o.format, run.render)->findings(run.report, text);
    int written = write_result(o, text.str());
    return written != k_exit_ok ? written : status;
}

} // namespace

void setup_check(CLI::App& app, int& status) {
    auto options = std::make_shared<CommonOptions>();
    CLI::App* command = app.add_subcommand("check", "findings only; exit status 1 when there are errors");
    add_common_options(*command, *options);
    command->callback([options, &status] { status = run_check(*options); });
}

} // namespace cchc::cli
