// cchc: checks and summarises administrative-reform (Chỉ số CCHC) score
// sheets. main only builds the command line; each command lives in
// src/cli/, the pipeline in the library.
#include "cli/commands.hpp"
#include "cli/common.hpp"
#include "cli/diagnostics.hpp"
#include "cli/help.hpp"

#include <cchc/base/error.hpp>
#include <cchc/base/version.hpp>
#include <cchc/platform/platform.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

std::vector<std::string> command_names() {
    std::vector<std::string> names;
    for (const cchc::cli::Command &c : cchc::cli::commands())
        names.emplace_back(c.name);
    return names;
}

/// `cchc FILE...` means `cchc report FILE...`. A first word that names no
/// file and is one edit from a command (`cchc repor FILE`) is a misspelt
/// command, not a file: `misspelt` is set to that word, `guess` to the
/// command it looks like.
std::vector<std::string> with_default_command(std::vector<std::string> args, std::string &misspelt,
                                              std::string &guess) {
    const std::vector<std::string> names = command_names();
    for (const std::string &arg : args) {
        if (arg == "--help" || arg == "-h" || arg == "--version" || arg == "--generate") return args;
        if (arg == "-" || arg.empty() || arg[0] != '-') {
            if (std::find(names.begin(), names.end(), arg) != names.end()) return args;
            // Only the first word: a later one may be an option's value (--unit reports).
            if (&arg == &args.front() && !cchc::platform::status(arg).exists) guess = cchc::cli::nearest(arg, names, 1);
            if (guess.empty()) {
                // Not insert(): that doubles a vector of a province's 10,000 paths.
                std::vector<std::string> with_report;
                with_report.reserve(args.size() + 1);
                with_report.emplace_back("report");
                std::move(args.begin(), args.end(), std::back_inserter(with_report));
                return with_report;
            } else
                misspelt = arg;
            return args;
        }
    }
    return args;
}

/// The command `args` runs (its first word when that is a command and only
/// options come before it), or empty when the line shows the main help,
/// generates a page or a completion, or names no command.
std::string_view named_command(const std::vector<std::string> &args) {
    for (const std::string &arg : args)
        if (arg == "--generate" || arg.starts_with("--generate=")) return {};
    for (const std::string &arg : args) {
        if (arg.empty() || arg[0] != '-') {
            for (const cchc::cli::Command &c : cchc::cli::commands())
                if (c.name == arg) return c.name;
            return {};
        }
        if (arg == "-h" || arg == "--help") return {};
    }
    return {};
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
    cchc::platform::start_process();
    using cchc::cli::Diagnostics;

    std::vector<std::string> args = cchc::platform::arguments(argc, argv);
    // Sheets dropped on cchc.exe in Explorer: their reports, no command line to read.
    if (cchc::cli::is_drop(args)) return cchc::cli::run_drop(args);
    std::string misspelt, guess;
    args = with_default_command(std::move(args), misspelt, guess);
    const cchc::Lang lang = help_language(args);
    if (!misspelt.empty()) {
        Diagnostics::error(fmt::format(
            fmt::runtime(cchc::pick(lang,
                                    "cchc: '{}' không phải một lệnh, cũng không phải tệp có thật; có phải ý bạn "
                                    "là '{}'? (xem cchc --help)\n",
                                    "cchc: '{}' is neither a command nor an existing file; did you mean '{}'? (see "
                                    "cchc --help)\n")),
            misspelt, guess));
        return cchc::cli::k_exit_failure;
    }
    CLI::App app{"cchc " CCHC_VERSION " — " +
                 cchc::cli::tr(lang, "kiểm tra và tổng hợp bảng điểm Chỉ số cải cách hành chính (Chỉ số CCHC)",
                               "checks and summarises administrative-reform index (PAR Index) score sheets")};
    app.name("cchc");
    // CLI11 reads /x as an option on Windows: a path such as /tmp/a.csv is a file, as on Linux.
    app.allow_windows_style_options(false);
    // Before the commands are added: they share the app's formatter.
    app.formatter(cchc::cli::make_help_formatter());
    if (lang == cchc::Lang::vi) {
        // CLI11's own words in the help, so a clerk reads one language.
        auto formatter = app.get_formatter();
        for (auto [key, value] : {std::pair{"Usage", "Cách dùng"},
                                  {"OPTIONS", "tùy chọn"},
                                  {"SUBCOMMAND", "<lệnh>"},
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
    // Only the command the line names, when it names one: building all of
    // them is most of a small run's start (W1). Help, --generate and a line
    // with no command still get every one.
    const std::string_view named = named_command(args);
    for (const cchc::cli::Command &c : cchc::cli::commands())
        if (named.empty() || c.name == named) c.setup(app, status, lang);
    cchc::cli::set_main_examples(app, lang);
    cchc::cli::add_generate_option(app, lang);

    std::reverse(args.begin(), args.end()); // CLI11 takes them last first
    try {
        app.parse(args);
    } catch (const CLI::Success &e) { // --help, --version, --generate
        return app.exit(e);
    } catch (const CLI::Error &e) {
        Diagnostics::error(cchc::cli::usage_error(e, app, lang));
        return cchc::cli::k_exit_failure;
    } catch (const cchc::Error &e) {
        Diagnostics::error(fmt::format("cchc: {}\n", e.what()));
        return cchc::cli::k_exit_failure;
    } catch (const std::exception &e) {
        Diagnostics::error(
            fmt::format("cchc: internal error: {} (please report it with the file that caused it)\n", e.what()));
        return cchc::cli::k_exit_failure;
    }
    return status;
}
