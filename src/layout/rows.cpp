// What a row is, once per sheet (see layout/rows.hpp).
#include <cchc/layout/hierarchy.hpp>
#include <cchc/layout/rows.hpp>

#include <algorithm>

namespace cchc {

void lay_out_sheet(Sheet &sheet) {
    build_hierarchy(sheet);
    // Rows with only a max are a template not filled in yet; in a sheet
    // whose leaves have scores, they are criteria whose score is missing.
    // (A parent's numbers, e.g. a =SUM() that shows 0, do not make a
    // template scored.)
    bool scored =
        std::any_of(sheet.rows.begin(), sheet.rows.end(), [](const Row &r) { return r.kind == RowKind::criterion; });
    ColumnBound bound;
    for (Row &row : sheet.rows) {
        if (scored && row.kind == RowKind::unscored) row.kind = RowKind::criterion;
        bound.take(row);
    }
}

} // namespace cchc
