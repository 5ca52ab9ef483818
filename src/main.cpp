// cchc: checks and summarises administrative-reform (Chỉ số CCHC) score
// sheets. main only builds the command line; each command lives in
// src/cli/, the pipeline in the library.
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/help.hpp"

#include <cchc/base/error.hpp>
#include <cchc/base/version.hpp>

#include <csignal>
#include <iostream>
#include <string>
#include <vector>

namespace {

/// `cchc FILE...` means `cchc report FILE...`.
std::vector<std::string> with_default_command(int argc, char **argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    for (const std::string &arg : args) {
        if (arg == "--help" || arg == "-h" || arg == "--version" || arg == "--generate") return args;
        if (arg == "-" || arg.empty() || arg[0] != '-') {
            bool known = false;
            for (const cchc::cli::Command &c : cchc::cli::commands())
                known = known || arg == c.name;
            if (!known) args.insert(args.begin(), "report");
            return args;
        }
    }
    return args;
}

/// The language of the help text: --lang as given anywhere on the line.
cchc::Lang help_language(const std::vector<std::string> &args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--lang=en" || (args[i] == "--lang" && i + 1 < args.size() && args[i + 1] == "en"))
            return cchc::Lang::en;
    }
    return cchc::Lang::vi;
}

} // namespace

int main(int argc, char **argv) {
    // A closed pipe (`cchc … | head -1`) is a normal end, not a crash.
    std::signal(SIGPIPE, SIG_IGN);

    std::vector<std::string> args = with_default_command(argc, argv);
    const cchc::Lang lang = help_language(args);
    CLI::App app{"cchc " CCHC_VERSION " — " +
                 cchc::cli::tr(lang, "kiểm tra và tổng hợp bảng điểm Chỉ số cải cách hành chính (Chỉ số CCHC)",
                               "checks and summarises administrative-reform index (PAR Index) score sheets")};
    app.name("cchc");
    if (lang == cchc::Lang::vi) {
        // CLI11's own words in the help, so a clerk reads one language.
        auto formatter = app.get_formatter();
        // (ASCII only where CLI11 aligns columns by bytes.)
        for (auto [key, value] : {std::pair{"Usage", "Cách dùng"},
                                  {"OPTIONS", "OPTIONS"},
                                  {"SUBCOMMAND", "LENH"},
                                  {"REQUIRED", "(bắt buộc)"},
                                  {"Positionals", "Đối số"}})
            formatter->label(key, value);
    }
    app.option_defaults()->group(cchc::cli::tr(lang, "Tùy chọn", "Options"));
    app.set_help_flag("-h,--help", cchc::cli::tr(lang, "in trợ giúp này rồi thoát", "print this help and exit"));
    app.set_version_flag("--version", "cchc " CCHC_VERSION,
                         cchc::cli::tr(lang, "in phiên bản rồi thoát", "print the version and exit"));

    app.require_subcommand(1);
    int status = cchc::cli::k_exit_ok;
    for (const cchc::cli::Command &c : cchc::cli::commands())
        c.setup(app, status, lang);
    cchc::cli::set_main_examples(app, lang);
    cchc::cli::add_generate_option(app, lang);

    std::reverse(args.begin(), args.end()); // CLI11 takes them last first
    try {
        app.parse(args);
    } catch (const CLI::ParseError &e) {
        int code = app.exit(e);
        return code == 0 ? 0 : cchc::cli::k_exit_failure;
    } catch (const cchc::Error &e) {
        std::cerr << "cchc: " << e.what() << '\n';
        return cchc::cli::k_exit_failure;
    } catch (const std::exception &e) {
        std::cerr << "cchc: internal error: " << e.what() << " (please report it with the file that caused it)\n";
        return cchc::cli::k_exit_failure;
    }
    return status;
}
