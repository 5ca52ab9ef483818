#pragma once
// What a row of a score sheet is, as a clerk reads it (SPEC section 4): the
// rules, in one place. Per row, from its code and numbers: a criterion, a
// row of a template not scored yet, a heading, a total, a row with scores
// but no code, or not a row of the table at all (a title, a signature, a
// blank line). Per sheet, once its rows are all read: which rows are
// parents (layout/hierarchy.hpp) and whether template rows are
// criteria after all. The loader's hot loop calls the first (inline: it
// runs on every row); the second runs once per sheet.

#include <cchc/model/sheet.hpp>

#include <optional>

namespace cchc {

/// The kind of a row from what its cells hold, or none when it is not a
/// row of the table. `total`: its code or, with no code, its content reads
/// "Tổng cộng" (is_total_label); `scored`: a self, appraised or lost score
/// is given; `has_numbers`: a max is given too, or any of those; `any_number`:
/// one of them reads as a number.
inline std::optional<RowKind> kind_of_row(bool total, bool no_code, bool code_well_formed, bool has_numbers,
                                          bool scored, bool any_number) {
    if (total) return RowKind::total;
    if (no_code) {
        // A title, a blank line, or a signature block whose text runs into
        // the score columns ("CHỦ TỊCH", "(Ký tên, đóng dấu)").
        if (!any_number) return std::nullopt;
        return RowKind::uncoded;
    }
    if (!has_numbers && !code_well_formed) return std::nullopt; // a signature or a note typed in the code column
    return scored ? RowKind::criterion : has_numbers ? RowKind::unscored : RowKind::heading;
}

/// Settles a sheet once its rows are all read: marks the parents, makes
/// template rows criteria when the sheet's other rows are scored, and keeps
/// every column's sum in range (ColumnBound).
void lay_out_sheet(Sheet &sheet);

} // namespace cchc
