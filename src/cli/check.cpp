// `cchc check FILE...`: the findings only, one per line as a compiler
// prints them; the exit status tells a cron job whether to look.
#include "common.hpp"
#include "help.hpp"

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
    const Wanted wanted{.rows = false, .info = options.verbose};
    return print_in_parts(o, 0, {}, wanted, [](Run &run) { return check_document(run.report); });
}

} // namespace

void setup_check(CLI::App &app, int &status, Lang lang) {
    auto options = std::make_shared<CheckCommandOptions>();
    CLI::App *command = add_command(app, "check",
                                    tr(lang, "chỉ in các lỗi phát hiện; mã thoát 1 khi có lỗi",
                                       "findings only; exit status 1 when there are errors"),
                                    lang);
    add_common_options(*command, options->common, lang);
    set_examples(
        *command,
        {{"cchc check samples/phuong-1-2023.csv", "chỉ in các ô ghi sai, kèm số dòng; mã thoát 0 vì chỉ có cảnh báo",
          "only what is wrong, with its line; exit status 0: warnings only"},
         {"cchc check --strict samples/wards",
          "mọi bảng điểm trong thư mục; cảnh báo cũng cho mã thoát 1 (cho việc chạy tự động)",
          "every sheet in the folder; warnings also give exit status 1 (for a cron job)"},
         {"cchc check -v samples/phuong-1-2023-cp1258.csv", "in cả thông tin, như bảng mã đã nhận biết (Windows-1258)",
          "also the information findings, such as the encoding assumed (Windows-1258)"}},
        lang);
    command->add_flag(
        "-v,--verbose", options->verbose,
        tr(lang, "in cả các phát hiện mức thông tin (info)", "also print information findings (severity info)"));
    command->callback([options, &status] {
        settle(options->common, "check");
        status = run_check(*options);
    });
}

} // namespace cchc::cli
