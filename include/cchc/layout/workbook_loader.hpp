#pragma once
// A workbook → its sheets. Each worksheet's cells become records of cell
// texts that the same layout rules as a CSV file's read (header, rows,
// units and periods): a worksheet is one more text to load, and a finding
// names the worksheet and its row ("bang-diem.xlsx[Phụ lục]:6").

#include <cchc/layout/loader.hpp>

#include <string>
#include <string_view>

namespace cchc {

/// Reads the workbook whose whole content is `bytes` (`name` in messages).
/// Every worksheet with a score-sheet header is read (`options.sheet`:
/// only the one of that name or 1-based number); the others are named in
/// FileFacts::skipped_worksheets. A sheet's unit is its worksheet's name,
/// unless it has a unit column, `--unit` is given, or it is the workbook's
/// only sheet and no --sheet is given (then the file's name, as for CSV). Throws Error as
/// read_workbook does, and for an unknown --sheet (listing the worksheets).
LoadedFile load_workbook(std::string_view bytes, const std::string &name, const LoadOptions &options);

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
