#pragma once
// A workbook → its sheets. Each worksheet's cells become records of cell
// texts that the same layout rules as a CSV file's read (header, rows,
// units and periods): a worksheet is one more text to load, and a finding
// names the worksheet and its row ("bang-diem.xlsx[Phụ lục]:6").

#include <cchc/layout/loader.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cchc {

/// Reads the workbook whose whole content is `bytes` (`name` in messages).
/// Every worksheet with a score-sheet header is read (`options.sheet`:
/// only the one of that name or 1-based number); the others are named in
/// FileFacts::skipped_worksheets. A sheet's unit is its worksheet's name,
/// unless it has a unit column, `--unit` is given, or it is the workbook's
/// only sheet and no --sheet is given (then the file's name, as for CSV). Throws Error as
/// read_workbook does, and for an unknown --sheet (listing the worksheets).
LoadedFile load_workbook(std::string_view bytes, const std::string &name, const LoadOptions &options);

/// A worksheet read as load_workbook reads it, with how it was read
/// (`cchc explain`): its file is the worksheet's place, its lines and the
/// trace's are the worksheet's rows, its facts hold its number codes.
struct TracedWorksheet {
    std::string worksheet;
    LoadedFile loaded;
    LoadTrace trace;
};

struct TracedWorkbook {
    /// The worksheets with a score-sheet header, in order; when none has
    /// one, the first worksheet alone (as load_workbook says why of it).
    std::vector<TracedWorksheet> worksheets;
    std::vector<std::string> skipped_worksheets; ///< the others, by name
};

/// Reads the workbook as load_workbook does, each worksheet traced apart.
TracedWorkbook trace_workbook(std::string_view bytes, const std::string &name, const LoadOptions &options);

/// Each worksheet of the workbook in order (only --sheet's when
/// `options.sheet` is set) as the CSV text load_workbook loads, one line
/// per row, with the worksheet row of each line (index 0 unused): what a
/// catalog (--criteria) is read from.
void each_worksheet_text(std::string_view bytes, const std::string &name, const LoadOptions &options,
                         const std::function<void(const std::string &worksheet, std::string text,
                                                  const std::vector<long> &row_of_line)> &worksheet);

/// Reads the workbook as load_workbook does, but each worksheet's text is
/// streamed: its sheets go to `sink` as each is complete (their lines the
/// worksheet's rows), and the file returned has none. `only_unit`: the
/// unit of the workbook's only score sheet, which takes the file's name
/// (load_workbook renames it; here the caller does), else empty. Throws
/// NotContiguous when a unit's rows come back after another's.
LoadedFile stream_workbook(std::string_view bytes, const std::string &name, const LoadOptions &options, SheetSink &sink,
                           std::string &only_unit);

/// The place a finding names: "bang-diem.xlsx[Phụ lục]".
std::string worksheet_place(const std::string &file, const std::string &worksheet);

} // namespace cchc

namespace cchc {

/// Reads the first bytes of `raw`. When they start a workbook (a zip, an
/// OLE compound file), reads the whole input into `bytes` and returns
/// true; otherwise returns false and replaces `raw` by an input that gives
/// those first bytes again, then the rest (standard input cannot be reopened).
bool take_workbook(std::unique_ptr<RawInput> &raw, std::string &bytes);

/// Whether the file at `path` starts like a workbook (reads 4 bytes).
bool file_starts_like_workbook(const std::string &path, Lang lang);

/// The message for a file named like a workbook whose bytes are not one.
std::string not_a_workbook_by_bytes_message(const std::string &file, Lang lang);

} // namespace cchc
