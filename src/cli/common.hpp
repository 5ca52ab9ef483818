#pragma once
// What every command shares: the options of SPEC section 6, running the
// pipeline over the named files (one bad file never stops the others),
// writing the result to standard output or atomically to --output, and
// the exit status (0 clean, 1 error findings, 2 usage or I/O error).

#include <cchc/model/catalog.hpp>
#include <cchc/pipeline/run.hpp>
#include <cchc/render/formats.hpp>
#include <cchc/render/tables.hpp>

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <vector>

namespace cchc::cli {

inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_findings = 1;
inline constexpr int k_exit_failure = 2;

struct CommonOptions {
    std::vector<std::string> files;
    std::string format = "text";
    std::string output;
    std::string lang = "vi";
    std::string out_of;
    std::string unit;
    std::string sheet;
    std::string delimiter;
    std::string encoding;
    std::string rating;
    std::string criteria;
    bool strict = false;
    bool quiet = false;
    bool no_color = false;
    bool bom = false;
    bool decimal_comma = false;
    std::size_t width = 0; ///< --width: text tables' columns, instead of the terminal's; 0: the terminal's
};

/// The --lang value as a Lang; throws Error for anything but vi and en.
Lang parse_lang(const std::string &lang);

/// Help text in the language of --lang.
inline std::string tr(Lang lang, std::string_view vi, std::string_view en) {
    return std::string(pick(lang, vi, en));
}

/// A subcommand whose help lists its options under one heading, in `lang`.
CLI::App *add_command(CLI::App &app, const std::string &name, const std::string &description, Lang lang);

void add_common_options(CLI::App &command, CommonOptions &options, Lang lang);

/// The pipeline's result for the named files, with the exit status so far
/// (2 when a file could not be read; its message is already on stderr).
struct Run {
    std::unique_ptr<Catalog> catalog; ///< --criteria; rows' findings may name it
    Report report;
    int status = k_exit_ok;
    RenderOptions render;
};

/// The pipeline's options from the command line's (the render options and
/// the catalog go into `run`), the files listed (a folder's sheets; its
/// problems said on standard error, with status 2). Throws Error for bad
/// options or an unreadable catalog.
RunOptions prepare_run(const CommonOptions &options, std::size_t top, std::vector<TableKind> tables, Run &run);

/// Reads, checks and summarises every file. Throws Error for bad options
/// or an unreadable catalog.
Run run_pipeline(const CommonOptions &options, std::size_t top, std::vector<TableKind> tables);

/// Writes `text` to stdout, or to --output through a temporary file renamed
/// into place. Returns the exit status to use (2 on failure).
int write_result(const CommonOptions &options, std::string_view text);

/// Prints the document with the renderer of --format and writes the result;
/// returns the write's failure status, else `status`.
int render_and_write(const CommonOptions &options, const RenderOptions &render, int status, const Document &document);

/// 0, 1 or 2 from the findings and the status so far.
int exit_status(const Run &run, bool strict);

/// The hidden --generate man|bash|zsh option (see generate.cpp), in `lang`.
void add_generate_option(CLI::App &app, Lang lang);

} // namespace cchc::cli
