#pragma once
// The criteria tree of a sheet, as a clerk reads it (SPEC section 3.3): from
// the rows' order and their code shapes together. `1.5` is under `1.5`'s
// parent `1`; a domain `II` holds `2.1` or, where numbering restarts under
// each domain, `1` and `1.1` (II.1.1); a part `A` holds its domains; a
// sub-item `a)`, `-` or `+` is under the row above it of another shape.
// Runs once per sheet, over every row: guarded by the W2 and W3 workloads
// of bench/.

#include <cchc/model/sheet.hpp>

namespace cchc {

/// Places every coded row of `sheet` in the tree: sets Row::parent, makes
/// Row::key its path ("2.1.1" for the 1.1 under II), marks as parents the
/// rows with a row with numbers under them, and records in codes_in_order
/// whether the keys are plain dotted numbers in strictly increasing order
/// (then no key repeats). Where the order does not say it (a child listed
/// before its parent), a dotted code's parent is the row whose key is its
/// longest prefix.
void build_hierarchy(Sheet &sheet);

} // namespace cchc
