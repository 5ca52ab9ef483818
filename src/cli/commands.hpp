#pragma once
// The table of commands that main builds the command line from and
// generate.cpp writes the man page and the bash completion from: adding a
// command is its file, one row in commands.cpp and its line in
// CMakeLists.txt.

#include <cchc/base/lang.hpp>

#include <CLI/CLI.hpp>

#include <string_view>
#include <vector>

namespace cchc::cli {

struct Command {
    std::string_view name;
    /// Adds the subcommand to `app`; its callback sets `status`.
    void (*setup)(CLI::App &app, int &status, Lang lang);
};

/// Every command, in the order --help lists them.
const std::vector<Command> &commands();

/// The tables `report --by` takes (report.cpp), for the completions.
std::vector<std::string_view> report_table_names();

} // namespace cchc::cli
