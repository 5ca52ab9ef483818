#pragma once
// One input file → its sheets. Runs the input stages (bytes → UTF-8 →
// records → cells), finds the header and the delimiter, classifies each row
// (criterion, parent, total, text) and groups rows into sheets by the unit
// and period columns. Problems that stop the file from being read as a
// sheet (no header, missing columns) come back as facts, which the checks
// turn into findings; problems that stop it from being read at all (no
// such file, broken bytes) are thrown as Error / InputError.

#include <cchc/base/lang.hpp>
#include <cchc/input/encoding.hpp>
#include <cchc/input/header.hpp>
#include <cchc/model/sheet.hpp>

#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace cchc {

struct LoadTrace;

struct LoadOptions {
    std::string unit;     ///< --unit: the unit when the file has no unit column
    std::string sheet;    ///< --sheet: the one worksheet of a workbook to read (name or 1-based number), empty for all
    std::string encoding; ///< --encoding, empty for auto-detection
    char delimiter = 0;   ///< --delimiter, 0 for auto-detection
    Lang lang = Lang::vi;
    /// Where to cut a file read in two parts (at the first line break from
    /// this byte): -1 for the middle of a file of k_split_min_bytes or more
    /// on a machine with two cores or more, 0 never. Tests set it.
    std::int64_t split_at = -1;
    /// `cchc explain`: where to record how the file was read (the rows
    /// above the header, the header, every record that is not a row of the
    /// table), or null (every other command: nothing is recorded, and the
    /// per-row loop pays one untaken branch per skipped record only).
    /// Read by load_file and load_input, which read on one thread.
    LoadTrace *trace = nullptr;
};

/// Why a record after the header is not a row of the table.
enum class SkipReason {
    blank,      ///< every cell is empty (or white space)
    text,       ///< no code and no number: a title, a signature, a remark
    not_a_code, ///< text in the code column that is no code, and no number
};

/// A record after the header that is not a row of the table (counted in
/// Sheet::skipped_rows), as `cchc explain` lists it.
struct SkippedRecord {
    long line = 0;      ///< physical line it starts on
    long last_line = 0; ///< and ends on
    SkipReason reason = SkipReason::blank;
    std::vector<std::string> cells; ///< its cells, as the header's are split
};

/// How a file was read, recorded only when LoadOptions::trace points here.
/// Cold: filled once per file up to the header, then once per skipped record.
struct LoadTrace {
    std::vector<RawRecord> above_header; ///< the records before the header row, in order
    HeaderChoice header;                 ///< the header row, its delimiter, cells and column map
    long header_last_line = 0;           ///< the line the header row ends on (quoted cells hold line breaks)
    std::vector<SkippedRecord> skipped;  ///< in file order
};

/// A header cell that names a column a cell to its left already names.
struct RepeatedColumn {
    int position;      ///< of the cell, counted from 0; it is not read
    int read_position; ///< of the cell that is read, counted from 0
    std::string name;  ///< the cell's text, spaces collapsed
};

/// A header cell that could be the code column ("STT", "Mục"), with what
/// the first rows after the header hold in it.
struct CodeCandidate {
    int position;                ///< of the cell, counted from 0
    std::string name;            ///< the cell's text, spaces collapsed
    std::size_t filled = 0;      ///< non-blank cells in the rows read ahead
    std::size_t code_like = 0;   ///< of them, criterion codes (1.1, I, a))
    bool running_number = false; ///< single integers mostly increasing by one, or blank
};

/// A workbook's code cell stored as a number where the clerk most likely
/// typed a code the number cannot hold ("3.10" kept as 3.1).
struct NumberCode {
    std::string place;     ///< "bang-diem.xlsx[Phụ lục]"
    std::string worksheet; ///< "Phụ lục"
    long row = 0;          ///< the worksheet's row
    std::string cell;      ///< its address, "A7"
    std::string stored;    ///< the number as the cell shows it, "3.1"
    std::string likely;    ///< the code most likely meant, "3.10"
};

/// What the loader saw of the file as a whole. The findings about it
/// (missing-column, duplicate-column, encoding-assumed) are made from these
/// facts by `check_file` (checks/file_checks.hpp).
struct FileFacts {
    enum class Header {
        found,   ///< the header row was found: the file was read
        empty,   ///< no record, or only blank ones, among the rows searched
        partial, ///< no row names every required column; the closest names some
        none,    ///< no row names any column
    };
    bool encoding_assumed =
        false; ///< not UTF-8: read as Windows-1258 or, when it looks like it, TCVN3 (LoadedFile::encoding says which)
    Header header = Header::found;
    long header_line = 0;         ///< the header row; when not found, the closest row (partial) or the first (none)
    long header_row = 0;          ///< the same as a record number (the row a spreadsheet shows)
    long header_last_line = 0;    ///< found: the last line of the header's names (header_line + 1 on two rows)
    long column_numbers_line = 0; ///< found: the row of column numbers under the header ("(1),(2),…"), 0 if none
    std::vector<std::string> header_cells;        ///< partial: the cells of that row
    std::vector<Column> missing_columns;          ///< partial: the required columns that row lacks
    std::vector<std::string> first_row;           ///< none: the first row's cells
    char better_delimiter = 0;                    ///< not found with --delimiter, but found with this one; 0 when not
    std::vector<RepeatedColumn> repeated_columns; ///< found: cells that repeat a column
    /// found: when several cells name the code column under different
    /// names, each of them, the one read first; `code_by_content` says the
    /// rows' content chose it (else it is the first such cell).
    std::vector<CodeCandidate> code_candidates;
    bool code_by_content = false;
    std::size_t code_rows_read = 0; ///< the rows read ahead to choose it
    /// A workbook: its worksheets that have no score-sheet header (a cover
    /// page, a chart's data), in order; they are not read.
    std::vector<std::string> skipped_worksheets;
    std::vector<NumberCode> number_codes; ///< a workbook: codes the spreadsheet stored as numbers
};

struct LoadedFile {
    std::string file;
    std::string encoding;
    char delimiter = ',';
    std::vector<Sheet> sheets;
    FileFacts facts; ///< about the file as a whole
};

/// Reads `path` ("-" for standard input, named "<stdin>" in messages).
LoadedFile load_file(const std::string &path, const LoadOptions &options);
/// Reads an input already open (the file name is only for messages).
LoadedFile load_input(std::unique_ptr<RawInput> raw, const std::string &name, const LoadOptions &options);
/// Thrown by `stream_file` when rows of a unit and period come back after
/// another sheet's rows: such a file is read again with `load_file`.
struct NotContiguous : std::exception {
    const char *what() const noexcept override { return "a sheet's rows are not contiguous"; }
};

/// Receives the sheets of a streamed file. A large file is read in two
/// parts at once, cut at a line break: each part's sheets come in order,
/// from its own thread, and part 0's go before part 1's.
class SheetSink {
public:
    virtual ~SheetSink() = default;
    /// A complete sheet. Its rows may be moved out; those left are reused.
    virtual void sheet(Sheet &sheet, int part) = 0;
    /// False when the sink drops each sheet's rows once it has summarised
    /// them: the rows' content and note texts are then not even copied.
    virtual bool keeps_rows() const { return true; }
    /// Part 1's sheets so far are void (the cut was inside a quoted cell,
    /// or its first rows needed the rows above): part 0 reads on instead.
    virtual void discard_part(int part) = 0;
};

/// Reads `path` as `load_file` does but hands each sheet to `sink` as soon
/// as it is complete (the next row belongs to another unit or period), in
/// the order the sheets begin. The file returned has no sheets.
/// `guess_utf8`: a file whose first 64 KiB are UTF-8 is taken to be UTF-8
/// and each cell is checked as it is used; a later byte that is not throws
/// WrongGuess (read it again without guessing). Throws NotContiguous when a
/// unit's rows come back after another's (read it with load_file).
LoadedFile stream_file(const std::string &path, const LoadOptions &options, SheetSink &sink, bool guess_utf8);

/// `raw` (`name` in messages) streamed as stream_file streams a file, in
/// one part, its encoding chosen first (options.encoding, else detected):
/// a workbook's worksheet written as text. Throws NotContiguous as it does.
LoadedFile stream_input(std::unique_ptr<RawInput> raw, const std::string &name, const LoadOptions &options,
                        SheetSink &sink);

/// Files from this size on are read in two parts at once (UTF-8 only).
inline constexpr std::int64_t k_split_min_bytes = 8 << 20;

/// The name messages use for `path`.
std::string display_name(const std::string &path);

/// The unit name used when a file has no unit column: its name without
/// folder and extension ("samples/phuong-1.csv" → "phuong-1").
std::string file_stem(const std::string &path);

/// Parses a --delimiter value: , ; | tab \t comma semicolon pipe. Throws Error.
char parse_delimiter(const std::string &text, Lang lang);

} // namespace cchc
