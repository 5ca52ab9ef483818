#pragma once
// Workbooks read directly: Excel's .xlsx/.xlsm (a zip of XML parts),
// LibreOffice's .ods and Excel 97–2003 .xls. A workbook is recognised by
// its bytes, whatever its name. Each worksheet comes back as the cells
// that hold a value, as a clerk sees them (numbers rounded as the cell
// shows them: number_text.hpp), with its merged ranges; the layout reads
// them by the same rules as a CSV file's records.

#include <cchc/base/lang.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cchc {

/// What the first bytes of a file say it is.
enum class WorkbookKind {
    none,      ///< not a workbook: a text file (CSV…)
    xlsx,      ///< zip with xl/workbook.xml (.xlsx, .xlsm)
    xlsb,      ///< zip with xl/workbook.bin: binary, not read
    ods,       ///< zip with content.xml and an OpenDocument spreadsheet mimetype
    zip_other, ///< a zip that is none of these
    xls,       ///< OLE compound file (D0 CF 11 E0): Excel 97–2003
    encrypted, ///< OLE compound file holding an EncryptedPackage: a password-protected .xlsx
};

/// The kind of a file whose whole content is `bytes`.
WorkbookKind workbook_kind(std::string_view bytes);
/// Whether the first bytes of a file (4 or more) start a zip or an OLE
/// compound file: the file must then be read as a workbook.
bool starts_like_workbook(std::string_view head);
/// Whether a file name ends in a workbook's extension (.xlsx .xlsm .ods .xls, any case).
bool has_workbook_extension(const std::string &path);

/// The most rows and columns a worksheet may have cells with values in.
inline constexpr long k_max_worksheet_rows = 1048576; // Excel's own limit
inline constexpr int k_max_worksheet_columns = 2000;  // the CSV reader's limit on cells per row

/// How a cell's value was stored, for the findings about codes a
/// spreadsheet changed.
enum class CellKind : unsigned char { text, number, date, error, boolean };

struct WorksheetCell {
    int column = 0;   ///< 0 for A
    std::string text; ///< as the clerk sees it
    CellKind kind = CellKind::text;
};

struct WorksheetRow {
    long number = 0;                  ///< 1-based, as the spreadsheet shows it
    std::vector<WorksheetCell> cells; ///< by column, only those with a value
};

/// A merged range of cells, inclusive, 1-based rows and 0-based columns.
struct CellRange {
    long first_row = 0, last_row = 0;
    int first_column = 0, last_column = 0;
};

struct Worksheet {
    std::string name;
    std::vector<WorksheetRow> rows; ///< in order, only those with a cell with a value
    std::vector<CellRange> merged;
};

/// A worksheet's rows, pulled one at a time as the parser reaches them:
/// a worksheet is never held whole, so memory does not grow with its rows.
class WorksheetRows {
public:
    virtual ~WorksheetRows() = default;
    /// The next row with a value into `row` (its memory reused), or false
    /// at the worksheet's end. Throws Error as read_workbook does.
    virtual bool next(WorksheetRow &row) = 0;
    /// The merged ranges known so far: all of an .xlsx worksheet's (read
    /// before its rows), an .ods table's up to the row `next` gave last
    /// (there a span is written on its first cell).
    /// (An .xlsx worksheet's are read when first asked for: a second pass
    /// over its part, which a sheet without merged owner, unit or period
    /// columns does not need.)
    virtual const std::vector<CellRange> &merged() { return m_merged; }

protected:
    std::vector<CellRange> m_merged;
};

/// Every row of `rows` pulled into one worksheet named `name`, with its
/// merged ranges (read_whole_workbook, and the parsers' whole-part tests).
Worksheet whole_worksheet(const std::string &name, WorksheetRows &rows);

/// Reads the workbook whose whole content is `bytes` (`name` for
/// messages) and hands each worksheet to `sheet` in the workbook's order,
/// its rows to pull, with its position (0-based) and the count of
/// worksheets (0 when not known before the end: .ods). Rows `sheet` does
/// not pull are read after it returns (their errors are the workbook's).
/// Throws Error with a message naming the file and what to do when it
/// cannot be read: a broken or truncated zip, a password, a zip bomb, a
/// DTD, a worksheet too large, a reference out of range, strict OOXML, .xlsb.
void read_workbook(std::string_view bytes, const std::string &name, Lang lang,
                   const std::function<void(const std::string &worksheet, WorksheetRows &rows, std::size_t index,
                                            std::size_t count)> &sheet);

/// Every worksheet whole, for tests and the fuzz targets.
std::vector<Worksheet> read_whole_workbook(std::string_view bytes, const std::string &name, Lang lang);

/// The names of a workbook's worksheets, in order, without reading their cells.
std::vector<std::string> worksheet_names(std::string_view bytes, const std::string &name, Lang lang);

/// A column's letters: 0 → "A", 25 → "Z", 26 → "AA".
std::string column_letters(int column);

} // namespace cchc
