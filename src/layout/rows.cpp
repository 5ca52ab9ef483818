// What a row is, once per sheet (see layout/rows.hpp).
#include <cchc/layout/hierarchy.hpp>
#include <cchc/layout/rows.hpp>

#include <algorithm>

namespace cchc {

namespace {

/// Excel exports a vertically merged cell as its value on the first row and
/// blanks below: a blank owner takes the owner above it within one domain
/// (a total row or another domain ends the merge). Row by row, in the one
/// pass lay_out_sheet makes.
class OwnerFill {
public:
    explicit OwnerFill(Sheet &sheet) : m_sheet(sheet) {
        sheet.owners_filled = 0;
        sheet.first_owner_filled_line = 0;
        sheet.first_owner_filled_row = 0;
    }

    void take(Row &row) {
        if (row.kind == RowKind::total) {
            m_above = nullptr;
            return;
        }
        if (!has_code_key(row)) return;
        if (!row.owner.empty()) {
            m_above = &row;
            return;
        }
        if (m_above == nullptr || m_above->domain() != row.domain()) {
            m_above = nullptr;
            return;
        }
        if (row.kind != RowKind::criterion && row.kind != RowKind::unscored) return;
        row.owner = m_above->owner;
        if (m_sheet.owners_filled++ == 0) {
            m_sheet.first_owner_filled_line = row.line;
            m_sheet.first_owner_filled_row = row.record;
        }
    }

private:
    Sheet &m_sheet;
    const Row *m_above = nullptr; // the last row with an owner
};

} // namespace

void lay_out_sheet(Sheet &sheet) {
    build_hierarchy(sheet);
    // Rows with only a max are a template not filled in yet; in a sheet
    // whose leaves have scores, they are criteria whose score is missing.
    // (A parent's numbers, e.g. a =SUM() that shows 0, do not make a
    // template scored.)
    bool scored =
        std::any_of(sheet.rows.begin(), sheet.rows.end(), [](const Row &r) { return r.kind == RowKind::criterion; });
    ColumnBound bound;
    bool any_appraised = false, any_self = false;
    OwnerFill owners(sheet);
    for (Row &row : sheet.rows) {
        if (scored && row.kind == RowKind::unscored) row.kind = RowKind::criterion;
        // Under a bonus or penalty row, a row is outside the scale too
        // (parents come first; a child listed before its parent keeps its own).
        if (row.extra == Extra::none && row.parent >= 0)
            row.extra = sheet.rows[static_cast<std::size_t>(row.parent)].extra;
        bound.take(row);
        owners.take(row);
        if (row.kind == RowKind::criterion && row.extra == Extra::none) {
            any_appraised = any_appraised || row.appraised.number.status != ParsedNumber::Status::not_given;
            any_self = any_self || row.self.given();
        }
    }
    // A commune's sheet sent before appraisal: the appraised column is empty.
    sheet.self_assessment = !any_appraised && any_self;
}

} // namespace cchc
