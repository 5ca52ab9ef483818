// `cchc check FILE...`: the findings only, one per line as a compiler
// prints them; the exit status tells a cron job whether to look.
#include "common.hpp"

#include <memory>
#include <sstream>

namespace cchc::cli {

namespace {

struct CheckCommandOptions {
    CommonOptions common;
    bool verbose = false;
};

int run_check(const CheckCommandOptions &options) {
    const CommonOptions &o = options.common;
    // Info findings (a score that differs from its note's fraction, an
    // assumed encoding) explain rather than accuse: made only with --verbose.
    Run run = run_pipeline(o, 0, {}, Wanted{.rows = false, .info = options.verbose});
    int status = exit_status(run, o.strict);
    if (o.quiet && o.output.empty()) return status; // -q -o FILE still writes FILE
    return render_and_write(o, run.render, status, check_document(run.report));
}

} // namespace

void setup_check(CLI::App &app, int &status, Lang lang) {
    auto options = std::make_shared<CheckCommandOptions>();
    CLI::App *command = add_command(app, "check",
                                    tr(lang, "chỉ in các lỗi phát hiện; mã thoát 1 khi có lỗi",
                                       "findings only; exit status 1 when there are errors"),
                                    lang);
    add_common_options(*command, options->common, lang);
    command->add_flag(
        "-v,--verbose", options->verbose,
        tr(lang, "in cả các phát hiện mức thông tin (info)", "also print information findings (severity info)"));
    command->callback([options, &status] {
        settle(options->common, "check");
        status = run_check(*options);
    });
}

} // namespace cchc::cli
