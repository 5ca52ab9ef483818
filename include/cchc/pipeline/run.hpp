#pragma once
// The pipeline, as a library: every named file read (streamed when it can
// be), checked, summarised and held to one findings budget, in parallel,
// with the results in the order the files were named. Nothing here prints:
// a file that cannot be read comes back as its message.

#include <cchc/checks/checks.hpp>
#include <cchc/layout/loader.hpp>
#include <cchc/pipeline/report.hpp>
#include <cchc/summary/summary.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cchc {

struct RunOptions {
    std::vector<std::string> files; ///< paths, "-" for standard input (folders: see list_inputs)
    LoadOptions load;
    SummaryOptions summary;
    CheckOptions check;
    /// False: a streamed sheet's rows are dropped once it is summarised and
    /// checked (the output lists no criterion), so memory stays flat.
    bool keep_rows = true;
    std::size_t threads = 0; ///< 0: one per core
    /// Called after each file, from the thread that read it.
    std::function<void(std::size_t done, std::size_t total)> progress;
};

struct RunResult {
    Report report;                     ///< the files that could be read, in the order named
    std::vector<std::string> failures; ///< a line for standard error per file that could not be read, in order
};

RunResult run(const RunOptions &options);

/// One file through the pipeline. Throws Error / InputError.
FileReport process_file(const std::string &path, const RunOptions &options);
/// An input already open (the name is only for messages), read whole.
FileReport process_input(std::unique_ptr<RawInput> raw, const std::string &name, const RunOptions &options);

/// The message for standard error when `path` could not be read: call it in
/// a catch block (it rethrows the exception being handled to name it).
std::string failure_line(const std::string &path);

/// The extensions (lower case, without the dot) of the files a folder
/// stands for: the sheets list_inputs takes from it.
const std::vector<std::string_view> &sheet_extensions();

/// The files named, with each folder replaced by the sheets below it
/// (those with a sheet_extensions() one, in name order). `problems`: a line for standard
/// error per folder that could not be read or holds no sheet.
std::vector<std::string> list_inputs(const std::vector<std::string> &inputs, std::vector<std::string> &problems,
                                     Lang lang);

} // namespace cchc
