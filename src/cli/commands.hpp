#pragma once
// The table of commands that main builds the command line from and
// generate.cpp writes the man page and the bash completion from: adding a
// command is its file, one row in commands.cpp and its line in
// CMakeLists.txt.

#include <cchc/base/lang.hpp>

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cchc {
struct Report;
}

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

struct CommonOptions;
/// `cchc report` with options already settled (settle()), as its command
/// runs it: `by` and `top` as --by and --top give them. `seen`, when given,
/// gets the report of the files (of each part, for a run in parts) before
/// it is printed. Returns the exit status.
int run_report(const CommonOptions &common, const std::vector<std::string> &by, const std::string &top,
               const std::function<void(const Report &)> &seen = {});

/// Files dropped on cchc.exe in Explorer (drop.cpp): true when `args` are
/// that: no command, every one an existing file, and Windows started the
/// program with a console of its own (platform::started_by_drop; never
/// on POSIX).
bool is_drop(const std::vector<std::string> &args);
/// Writes each dropped sheet's HTML report beside it (drop_target), opens
/// the first in the browser and says in a message box how many findings
/// each has. Returns the exit status a report of the files would.
int run_drop(const std::vector<std::string> &files);
/// Where the report of a dropped `sheet` goes: `bang-diem.csv` →
/// `bang-diem.cchc.html`, in the sheet's folder.
std::string drop_target(const std::string &sheet);

} // namespace cchc::cli
