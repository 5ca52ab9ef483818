#pragma once
// Finding the header row and what each column means. Sheets exported from
// Excel often start with title rows, so the header is searched among the
// first rows; its names are matched after folding (no diacritics, any case,
// parenthesised text dropped) against the aliases of SPEC section 3.2.

#include <cchc/input/csv_reader.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cchc {

enum class Column { code, content, max, self, appraised, lost, note, owner, unit, period };
inline constexpr std::size_t k_column_count = 10;

struct ColumnInfo {
    Column column;
    std::string_view id; ///< "appraised"
    bool required;
    std::string_view canonical_vi;         ///< "Điểm thẩm định", the name `template` writes
    std::vector<std::string_view> aliases; ///< folded forms
};

const std::vector<ColumnInfo> &column_infos();
const ColumnInfo &column_info(Column column);

/// The column a header cell names, if any: its folded name is an alias, or
/// starts with an alias of two words or more followed by a qualifier — ", …"
/// or "/…" (a list: "Tiêu chí, tiêu chí thành phần") or " của …" ("Ghi chú
/// của đơn vị"). A plain space is no qualifier: "Đơn vị tính" is no unit.
std::optional<Column> match_column_name(std::string_view cell);

/// A note column whose name says it is the appraisal's ("Ghi chú của thẩm
/// định"): read before any other note column, which is then set aside.
bool is_appraisal_note(std::string_view cell);

struct HeaderMap {
    std::array<int, k_column_count> index; ///< cell position of each column, -1 if absent
    std::size_t matched = 0;               ///< how many columns were recognised
    /// Cells that named a column already taken by an earlier cell: (position, column).
    std::vector<std::pair<int, Column>> repeated;
    /// Cells that name the code column under different names ("STT" and
    /// "Mục"), in order, when there are several; `index` holds the first
    /// until the loader chooses by the rows' content (choose_code_column).
    std::vector<int> code_candidates;
    /// Cells naming a column another cell was preferred for by name (a note
    /// column beside the appraisal's note): not read, and no duplicate.
    std::vector<std::pair<int, Column>> set_aside;

    HeaderMap() { index.fill(-1); }
    bool has(Column c) const { return index[static_cast<std::size_t>(c)] >= 0; }
    int at(Column c) const { return index[static_cast<std::size_t>(c)]; }
    /// The columns of `required` this header lacks.
    std::vector<Column> missing(const std::vector<Column> &required) const;
};

HeaderMap map_header(const std::vector<std::string> &cells);

/// The names of a header written on two rows, as Excel exports merged
/// cells, cell by cell: a first-row label spans the empty cells to its
/// right that have a second-row label under them (a horizontal merge), and
/// the second row's label completes it ("Điểm" over "Tối đa" → "Điểm Tối
/// đa"). When the pair names no column, the second row's label alone, then
/// the first row's own label, is used if it does.
std::vector<std::string> combine_header_rows(const std::vector<std::string> &first,
                                             const std::vector<std::string> &second);

/// A row of column numbers under a header ("1,2,3", "(1),(2),(3)=(4)-(5)",
/// "A,B,1,2"): at least three cells, every non-blank one a number, a letter
/// A–E or a formula of them, with the numbers increasing from left to right.
bool is_column_numbers_row(const std::vector<std::string> &cells);

/// What a cell of a code candidate holds, for choose_code_column.
struct CodeColumnContent {
    std::size_t filled = 0;      ///< non-blank cells
    std::size_t code_like = 0;   ///< criterion codes: dotted (1.1), Roman I–X, a letter A–Z, "a)"
    bool running_number = false; ///< single integers (or blanks), mostly increasing by one
};

/// How `cells` (one candidate column's cells, row after row) look.
CodeColumnContent code_column_content(const std::vector<std::string_view> &cells);

/// The candidate (an index into `contents`) whose cells hold the most
/// criterion codes; the first on a tie. `by_content`: set when the content
/// decided (some candidate has more codes than every other).
std::size_t choose_code_column(const std::vector<CodeColumnContent> &contents, bool &by_content);

/// A header row as messages quote it: "Mục | Nội dung | Điểm tối đa".
std::string join_cells(const std::vector<std::string> &cells);

/// Rows searched for the header.
inline constexpr int k_header_search_rows = 30;

/// The cell delimiters a header is tried with, in this order (unless
/// --delimiter forces one).
inline constexpr char k_header_delimiters[] = {',', ';', '\t', '|'};

/// Where the header is: the record, its delimiter and its column map.
struct HeaderChoice {
    std::size_t record = 0;
    std::size_t rows = 1; ///< the header's names fill records [record, record + rows): 1 or 2
    char delimiter = ',';
    HeaderMap map;
    std::vector<std::string> cells;
    bool found = false; ///< false: `record` is only the closest row
};

/// The first record that names every `required` column, trying each
/// delimiter (, ; tab |) unless `forced` is one of them. When none does, the
/// record that named most columns, with `found` false.
HeaderChoice find_header(const std::vector<RawRecord> &records, char forced, const std::string &file,
                         const std::vector<Column> &required, Lang lang);

/// A header on two records, `first` over `second` (combine_header_rows),
/// trying each delimiter as find_header does; `record` is 0 and `rows` 2.
/// Found only when the pair names every `required` column.
HeaderChoice find_two_row_header(const RawRecord &first, const RawRecord &second, char forced, const std::string &file,
                                 const std::vector<Column> &required, Lang lang);

} // namespace cchc
