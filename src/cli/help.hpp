#pragma once
// Examples at the top of a command's --help, kept with the command so the
// man page's EXAMPLES section (generate.cpp) prints the same ones and
// tests/cli/help_examples.sh runs each of them on samples/.

#include <cchc/base/lang.hpp>

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cchc::cli {

/// The formatter of every --help: CLI11's, with the option column padded
/// by the columns a name shows, not its bytes (TỆP).
std::shared_ptr<CLI::Formatter> make_help_formatter();

struct Example {
    std::string_view command; ///< a command line run from the repository's root, on samples/
    std::string_view vi;      ///< what it does, in Vietnamese
    std::string_view en;      ///< and in English
};

/// Shows `examples` after `command`'s description in its --help, in `lang`,
/// and keeps them for examples_of.
void set_examples(CLI::App &command, const std::vector<Example> &examples, Lang lang);

/// The examples of `cchc --help` (call after the commands are added: they
/// keep formatters of their own).
void set_main_examples(CLI::App &app, Lang lang);

/// One example as set_examples kept it: the command line and, in the help's
/// language, what it does.
struct ShownExample {
    std::string command;
    std::string text;
};

/// The examples set on `command`; empty when none were.
std::vector<ShownExample> examples_of(const CLI::App &command);

/// The heading of the examples in --help and in the man page.
inline std::string_view examples_heading(Lang lang) {
    return pick(lang, "Ví dụ", "Examples");
}

} // namespace cchc::cli
