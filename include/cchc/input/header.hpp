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

/// The column a header cell names, if any.
std::optional<Column> match_column_name(std::string_view cell);

struct HeaderMap {
    std::array<int, k_column_count> index; ///< cell position of each column, -1 if absent
    std::size_t matched = 0;               ///< how many columns were recognised
    /// Cells that named a column already taken by an earlier cell: (position, column).
    std::vector<std::pair<int, Column>> repeated;

    HeaderMap() { index.fill(-1); }
    bool has(Column c) const { return index[static_cast<std::size_t>(c)] >= 0; }
    int at(Column c) const { return index[static_cast<std::size_t>(c)]; }
    /// The columns of `required` this header lacks.
    std::vector<Column> missing(const std::vector<Column> &required) const;
};

HeaderMap map_header(const std::vector<std::string> &cells);

/// A header row as messages quote it: "Mục | Nội dung | Điểm tối đa".
std::string join_cells(const std::vector<std::string> &cells);

/// Rows searched for the header.
inline constexpr int k_header_search_rows = 30;

/// Where the header is: the record, its delimiter and its column map.
struct HeaderChoice {
    std::size_t record = 0;
    char delimiter = ',';
    HeaderMap map;
    std::vector<std::string> cells;
    bool found = false; ///< false: `record` is only the closest row
};

/// The first record that names every `required` column, trying each
/// delimiter (, ; tab |) unless `forced` is one of them. When none does, the
/// record that named most columns, with `found` false.
HeaderChoice find_header(const std::vector<RawRecord> &records, char forced, const std::string &file,
                         const std::vector<Column> &required, Lang lang = Lang::en);

} // namespace cchc
