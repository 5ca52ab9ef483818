#pragma once
// The model: a sheet is one table for one unit and one period; its rows are
// criteria (leaves, the only rows that are counted), parents (rows with
// rows under them in the hierarchy: checked, never counted twice) and total
// rows (checked against the sums, never counted). Scores keep the text they
// were read from, so checks can quote the sheet's own spelling.

#include <cchc/checks/finding.hpp>
#include <cchc/model/decimal.hpp>
#include <cchc/model/note.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cchc {

/// One score cell: what the sheet says, and what that reads as.
struct Score {
    std::string text;
    ParsedNumber number;

    bool given() const { return number.status == ParsedNumber::Status::ok; }
    /// The value, or zero when the cell is empty or unreadable.
    Decimal value_or_zero() const { return given() ? number.value : Decimal(); }
};

enum class RowKind {
    criterion, ///< a leaf with scores: the only rows summed
    parent,    ///< has rows with numbers under it in the hierarchy
    heading,   ///< a code but no scores and no children (a domain title)
    unscored,  ///< a code and a max but no score yet (a row of a template)
    total,     ///< "Tổng cộng": checked against the sums
    uncoded,   ///< scores but no code: reported, not summed
};

/// Rows outside the 100-point scale: the index is base + bonus − penalty.
enum class Extra : std::uint8_t {
    none,    ///< a row of the scale
    bonus,   ///< under an "Điểm thưởng" row: added to the index
    penalty, ///< an "Điểm trừ …" row (negative, or without a max) or under one: taken off the index
};

struct Row {
    RowKind kind = RowKind::criterion;
    Extra extra = Extra::none;
    long line = 0;    ///< the physical line it starts on
    long record = 0;  ///< its 1-based record number: the row a spreadsheet shows (a workbook's row)
    std::string code; ///< as normalised: trimmed, trailing dot removed ("1.5." → "1.5")
    /// The row's place as a path of numbers: Roman domains as numbers ("II" →
    /// "2"), numbering that restarts under a domain under it ("1.1" under II
    /// → "2.1.1"), sub-items under their row ("a)" under 1.1 → "1.1.a").
    std::string key;
    bool code_well_formed = true; ///< one of the code shapes (CodeShape), not `other`
    /// The row it is under in the hierarchy (an index into Sheet::rows), or
    /// -1: set by the layout stage once the sheet's rows are all read.
    std::int32_t parent = -1;
    /// The content and note texts; absent (not empty) when the run keeps no
    /// row texts because its output shows none (SheetSink::keeps_rows).
    std::optional<std::string> content{std::in_place};
    std::optional<std::string> note{std::in_place};
    NoteFacts note_facts; ///< fractions and percentages read from the note
    std::string owner;
    Score max, self, appraised, lost;

    /// The domain: first segment of the key ("3" of "3.11.1").
    std::string_view domain() const;
};

/// Where the columns a finding may point at are, counted from 0 (-1:
/// absent): a cell's address is its column's letters and the row.
struct SheetColumns {
    int code = -1, max = -1, self = -1, appraised = -1, lost = -1, note = -1;
};

/// The address of a cell, "E6" (column_letters of input/workbook), empty
/// when the column is absent or the row unknown.
std::string cell_address(int position, long row);

struct Sheet {
    std::string file;
    std::string worksheet; ///< a workbook's worksheet, empty for a CSV
    std::string unit;
    std::string period;
    std::string encoding;
    long header_line = 0;
    long header_row = 0;          ///< the header's record number (its row in a spreadsheet)
    SheetColumns columns;         ///< of the cells findings name
    std::vector<Row> rows;        ///< criteria, parents and totals, in sheet order
    std::size_t skipped_rows = 0; ///< text rows: titles, signatures, blank lines
    /// Before appraisal: no criterion has an appraised score, some have a
    /// self score. Summaries then use the self scores (SPEC section 3.3).
    bool self_assessment = false;
    /// Rows whose blank owner cell took the owner of the row above in the
    /// same domain (a merged cell), and the first of them.
    std::size_t owners_filled = 0;
    long first_owner_filled_line = 0;
    long first_owner_filled_row = 0;
    /// Set by the layout stage when the keys are in code order: no key
    /// repeats, so the duplicate check has nothing to look for. False: not known.
    bool codes_in_order = false;
};

/// The deepest code accepted: 1.2.3.4.5.6.7.8. Deeper is a bad-code.
inline constexpr std::size_t k_max_code_levels = 8;

/// The first '.' of `key` at or after `from`, or npos (codes are short: a
/// loop beats a call to memchr).
inline std::size_t next_dot(std::string_view key, std::size_t from = 0) {
    for (std::size_t i = from; i < key.size(); ++i)
        if (key[i] == '.') return i;
    return std::string_view::npos;
}

/// What a code looks like; the hierarchy is built from these shapes and the
/// rows' order (layout/hierarchy.hpp).
enum class CodeShape : std::uint8_t {
    dotted,   ///< 1, 1.2, 1.2.3
    roman,    ///< I–X: a domain
    part,     ///< A, B, PHẦN A: a part of the sheet above its domains
    letter,   ///< a), b), đ), a
    numbered, ///< 1), (1)
    dash,     ///< -, –, —
    plus,     ///< +
    star,     ///< *, •
    other,    ///< none of these: a bad code
};

/// The shape of a normalised code (not empty).
CodeShape code_shape(std::string_view code);
/// The code a spreadsheet turned into a date, when `code` looks like one:
/// "01/07" (1.7 read as 1 July) → "1.7", "01/05/2004" → "1.5.4", "7-Feb"
/// (2.7 read as 7 February) → "2.7". Empty when it does not.
std::string code_from_date(std::string_view code);
/// "I".."X" → 1..10, else 0.
int roman_value(std::string_view code);

/// The number of segments of a dotted number ("1.2.3" → 3), 0 for anything
/// else. Inline: the layout reads every row's code with it.
inline std::size_t dotted_levels(std::string_view s) {
    if (s.empty()) return 0;
    bool need_digit = true;
    std::size_t levels = 1;
    for (char c : s) {
        if (c >= '0' && c <= '9') {
            need_digit = false;
        } else if (c == '.' && !need_digit) {
            need_digit = true;
            ++levels;
        } else {
            return 0;
        }
    }
    return need_digit ? 0 : levels;
}

/// Normalises a code cell: trims, drops a trailing dot. Empty if none.
std::string normalise_code(std::string_view cell);
/// The same into `code`, whose memory is reused.
void normalise_code(std::string_view cell, std::string &code);
/// The hierarchy key of a normalised code ("IV" → "4", "1.5" → "1.5"), and
/// whether the code is well formed.
std::string code_key(const std::string &code, bool &well_formed);
/// The same into `key`, whose memory is reused.
void code_key(std::string_view code, bool &well_formed, std::string &key);
/// For a code cell that is a dotted number ("1.2.3", the usual cell): sets
/// the row's code, key and code_well_formed as normalise_code and code_key
/// would, in one pass, and returns true. False, and nothing set, otherwise.
bool set_dotted_code(std::string_view cell, Row &row);
/// Orders codes segment by segment as numbers: 1.2 < 1.10 < 2.
bool code_less(const std::string &a, const std::string &b);
/// "Tổng cộng", "Tổng", "Cộng", "Total" in any case and accents.
bool is_total_label(std::string_view cell);
/// What a row's content says of the scale: "Điểm thưởng …" (bonus), "Điểm
/// trừ …" (penalty), else none. Folded: any case and accents.
Extra extra_label(std::string_view content);
/// A row with a key in the hierarchy (not a total row, not uncoded).
inline bool has_code_key(const Row &row) {
    return !row.key.empty() && row.kind != RowKind::total && row.kind != RowKind::uncoded;
}
/// Digits and dots, no empty segment, no segment with a leading zero.
/// (Inline, as the next: the layout runs them on every row.)
inline bool is_plain_code(std::string_view key) {
    if (key.empty()) return false;
    bool segment_start = true;
    for (std::size_t i = 0; i < key.size(); ++i) {
        char c = key[i];
        if (c == '.') {
            if (segment_start) return false;
            segment_start = true;
        } else if ((c >= '0' && c <= '9')) {
            if (segment_start && c == '0' && i + 1 < key.size() && key[i + 1] != '.') return false;
            segment_start = false;
        } else {
            return false;
        }
    }
    return !segment_start;
}

/// code_less for two plain codes, in one pass. Without leading zeros, the segment with more digits is the larger
/// number.
inline bool plain_code_less(std::string_view a, std::string_view b) {
    std::size_t n = std::min(a.size(), b.size());
    std::size_t i = 0;
    while (i < n && a[i] == b[i])
        ++i;
    if (i == n) return a.size() < b.size(); // equal, or a's segments start b's
    auto digits_left = [i](std::string_view s) {
        std::size_t k = i;
        while (k < s.size() && s[k] != '.')
            ++k;
        return k - i;
    };
    std::size_t da = digits_left(a);
    std::size_t db = digits_left(b);
    if (da != db) return da < db;
    return a[i] < b[i];
}

/// Keeps every sum of a sheet in range: given the sheet's rows in order,
/// the scores of the summed rows (criteria and unscored rows) of one column
/// add up, in magnitude, to at most Decimal::k_max_units; a score that would
/// pass it is marked sum_too_large and left out. So no sum, difference or
/// percentage of a sheet can overflow, however many rows it has.
/// Inline: the loader runs it on every row.
class ColumnBound {
public:
    void take(Row &row) {
        if (row.kind != RowKind::criterion && row.kind != RowKind::unscored) return;
        take(row.max, m_max);
        take(row.self, m_self);
        take(row.appraised, m_appraised);
    }

private:
    static void take(Score &score, std::int64_t &sum) {
        if (!score.given()) return;
        std::int64_t units = score.number.value.units();
        std::int64_t magnitude = units < 0 ? -units : units; // ≤ k_max_units: no overflow
        if (magnitude > Decimal::k_max_units - sum)
            score.number.status = ParsedNumber::Status::sum_too_large;
        else
            sum += magnitude;
    }

    std::int64_t m_max = 0, m_self = 0, m_appraised = 0; // each ≤ k_max_units
};

} // namespace cchc
