#pragma once
// How a file was read, for `cchc explain`: its encoding and delimiter, the
// header row and what each of its cells was read as, then every record of
// the file in order with its kind, its place in the criteria tree and
// whether it was counted. Built once per file from what the loader recorded
// (LoadedFile, LoadTrace); cold, and never on the path of another command.

#include <cchc/input/header.hpp>
#include <cchc/layout/loader.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cchc {

/// One cell of the header row and the column it was read as. The one place
/// to add what a header may learn later: why a cell was read so (an alias,
/// or the cells under it), or the second row of a header on two rows.
struct ExplainedColumn {
    int position = 0;             ///< counted from 0
    std::string letter;           ///< the spreadsheet's name of the position: A, B, … Z, AA
    std::string text;             ///< the cell, white space collapsed
    std::optional<Column> column; ///< read as; none when not read
    int repeats = -1;             ///< position of the cell read as the same column, or -1
};

/// What a record of the file is, as explain names it. The first ones are
/// rows of the table (Sheet::rows); the others were skipped.
enum class LineKind {
    header,    ///< the header row
    criterion, ///< a leaf with scores: counted
    sub_item,  ///< a), -, + with scores and nothing under it: counted
    parent,    ///< rows with numbers under it: checked against them, not counted
    part,      ///< A, B, PHẦN A: a part above its domains
    domain,    ///< I, II or a one-level code: a domain
    heading,   ///< a code, no scores, nothing under it
    unscored,  ///< a code and a max but no score yet (a template row)
    total,     ///< "Tổng cộng": checked against the sums, not counted
    uncoded,   ///< scores but no code: not counted
    title,     ///< text above the table (above the header, or before its first row)
    blank,     ///< every cell empty
    signature, ///< text below the table
    text,      ///< text between rows of the table, no code and no number
    not_a_code ///< text in the code column that is no code, and no number
};

inline constexpr std::size_t k_line_kind_count = 15;

/// The stable name JSON writes: "criterion", "sub_item", "not_a_code".
std::string_view line_kind_id(LineKind kind);
/// A row of the table (in a sheet), not a skipped record nor the header.
bool is_table_row(LineKind kind);

struct ExplainedRow {
    long line = 0; ///< physical line it starts on
    LineKind kind = LineKind::blank;
    std::string code;              ///< as normalised; empty for skipped records
    std::string key;               ///< the row's path as numbers ("2.1.1"), when it has one
    std::vector<std::string> path; ///< the codes of the rows above it, outermost first, then its own
    long parent_line = 0;          ///< of the row it is under, 0 when none
    std::size_t children = 0;      ///< rows directly under it
    bool counted = false;          ///< added to the sums (criteria and sub-items)
    bool checked = false;          ///< compared with sums, not counted (parents, totals)
    int sheet = -1;                ///< the index of its sheet in LoadedFile::sheets, -1 for none
    std::string text;              ///< the content cell; for others, their non-empty cells joined " | "
};

struct Explanation {
    std::string file;
    /// A workbook's worksheet ("Phụ lục"), empty for a text file: its lines
    /// are then the worksheet's rows, and no encoding or delimiter applies.
    std::string worksheet;
    std::string encoding;
    bool encoding_assumed = false;
    char delimiter = ',';
    FileFacts::Header header = FileFacts::Header::found;
    long header_line = 0;      ///< the header row (found), or the closest row
    long header_last_line = 0; ///< the line it ends on (a quoted cell may hold line breaks)
    std::vector<ExplainedColumn> columns;
    /// Header cells that could each be the code (FileFacts::code_candidates),
    /// and whether the rows' content chose among them.
    std::vector<CodeCandidate> code_candidates;
    bool code_by_content = false;
    std::size_t code_rows_read = 0; ///< the rows read ahead to choose
    std::vector<ExplainedRow> rows; ///< every record read, in file order, the header among them
};

/// "A" for 0, "Z" for 25, "AA" for 26.
std::string column_letter(int position);

/// How `file` was read, from the loader's trace of it (LoadOptions::trace).
Explanation explain(const LoadedFile &file, const LoadTrace &trace, Lang lang);

} // namespace cchc
