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

#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace cchc::cli {

inline constexpr int k_exit_ok = 0;
inline constexpr int k_exit_findings = 1;
inline constexpr int k_exit_failure = 2;

struct CommonOptions {
    // As CLI11 reads them.
    /// settle(): "-" when none is named and standard input is not a terminal.
    /// prepare_run takes them (mutable: a province's 10,000 paths are not
    /// held twice while the run reads them).
    mutable std::vector<std::string> files;
    CLI::Option *files_option = nullptr; ///< whose own copy of the paths settle() lets go
    std::string output;
    std::string unit;
    std::string sheet;
    std::string encoding;
    std::string criteria;
    bool strict = false;
    bool quiet = false;
    bool no_color = false;
    bool bom = false;
    bool decimal_comma = false;
    /// The text of the options that settle() turns into the typed values below.
    struct Text {
        std::string format = "text";
        std::string lang = "vi";
        std::string out_of;
        std::string delimiter;
        std::string rating;
        std::string width;
    } text;

    // Typed, once, by settle(): what every command and write_result read.
    Lang lang = Lang::vi;
    const FormatInfo *format = nullptr; ///< --format's row of the table of formats
    char delimiter = 0;                 ///< 0: detected from the header row
    std::size_t width = 0;              ///< --width: text tables' columns; 0: the terminal's
    std::optional<Decimal> out_of;
    std::optional<std::vector<RatingBand>> bands;
};

/// The valid range of a whole-number option.
struct NumberRange {
    std::string_view option;
    std::size_t min;
    std::size_t max;
};
inline constexpr NumberRange k_top_range{"--top", 0, 1000};
inline constexpr NumberRange k_width_range{"--width", 20, 10000};

/// `text` as a whole number in `range`; throws Error naming the
/// option, the value and the range (so `--top -1` is refused, not wrapped).
std::size_t parse_count(const std::string &text, const NumberRange &range, Lang lang);

/// Turns the text of the options into their typed values, once CLI11 has
/// parsed the command line; `command` names it in messages. Throws Error
/// for a bad value, or when no file is named and
/// standard input is a terminal.
void settle(CommonOptions &options, std::string_view command);

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

/// What a command leaves out of what the pipeline keeps.
struct Wanted {
    bool rows = true; ///< false: the output lists no criterion (cchc check), so no row is kept
    bool info = true; ///< false: no info finding is made (cchc check without --verbose)
    /// false: findings are only counted, none written (a report in csv or
    /// tsv shows none; the counts give the status and the stderr line).
    bool findings = true;
};

/// The pipeline's options from the command line's (the render options and
/// the catalog go into `run`), the files listed (a folder's sheets; its
/// problems said on standard error, with status 2). Throws Error for bad
/// options or an unreadable catalog.
RunOptions prepare_run(const CommonOptions &options, std::size_t top, std::vector<TableKind> tables, Run &run,
                       Wanted wanted = {});

/// Reads, checks and summarises every file. Throws Error for bad options
/// or an unreadable catalog.
Run run_pipeline(const CommonOptions &options, std::size_t top, std::vector<TableKind> tables, Wanted wanted = {});

/// How many files one part of a run in parts holds: a province's month is
/// read, printed and let go a part at a time, so memory does not grow with
/// the number of files (and csv still gets its two cores: delimited.cpp).
/// 1,024 and not 2,048: a part's reports were most of the peak (W2 at
/// 10,000 files 18.2 → 11.4 MiB, the same time); 512 lowers the peak again
/// but leaves the list of paths a larger share of it.
inline constexpr std::size_t k_files_per_part = 1024;
/// A part's files when the output lists criteria, so every row is kept.
inline constexpr std::size_t k_files_per_part_with_rows = 256;

/// A command's document printed a part of the files at a time by one
/// renderer (Document::continues, continued) onto the streamed output
/// (stdout or --output), each part let go once printed. `document_of`
/// makes a part's document (and may say what it leaves out); with -q and
/// no --output nothing is printed. `seen`, when given, sees each part's
/// report, printed or not. Returns the exit status of the whole run.
int print_in_parts(const CommonOptions &options, std::size_t top, std::vector<TableKind> tables, Wanted wanted,
                   const std::function<Document(Run &run)> &document_of,
                   const std::function<void(const Report &)> &seen = {});

/// Streams what `produce` writes to stdout, or to `output` (--output)
/// through a temporary file beside it, synced and renamed into place: an
/// existing file keeps its mode, a new one gets the umask's. Bytes go out
/// through a 64 KiB buffer as they are written, so an output is never held
/// whole in memory. When `produce` throws, the temporary file is removed
/// (the target is left as it was) and the exception goes on. Returns the
/// exit status to use (2 on failure, said even with --quiet).
int write_streamed(const std::string &output, Lang lang, const std::function<void(std::ostream &)> &produce);

/// write_streamed of a text already made.
int write_result(std::string_view text, const std::string &output, Lang lang);

/// Prints the document with the renderer of --format and writes the result;
/// returns the write's failure status, else `status`.
int render_and_write(const CommonOptions &options, const RenderOptions &render, int status, const Document &document);

/// For a format with no place for findings (csv, tsv): a line on standard
/// error per file whose errors (and warnings, with --strict) the output
/// does not show, with their counts and the command that lists them.
void say_findings_left_out(const CommonOptions &options, const Report &report);

/// 0, 1 or 2 from the findings and the status so far.
int exit_status(const Run &run, bool strict);

/// The hidden --generate man|bash|zsh option (see generate.cpp), in `lang`.
void add_generate_option(CLI::App &app, Lang lang);

} // namespace cchc::cli
