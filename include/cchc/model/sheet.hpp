#pragma once
// The model: a sheet is one table for one unit and one period; its rows are
// criteria (leaves, the only rows that are counted), parents (their code
// prefixes another code: checked, never counted twice) and total rows
// (checked against the sums, never counted). Scores keep the text they
// were read from, so checks can quote the sheet's own spelling.

#include <cchc/checks/finding.hpp>
#include <cchc/model/decimal.hpp>
#include <cchc/model/note.hpp>

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
    parent,    ///< its key prefixes another row's key
    heading,   ///< a code but no scores and no children (a domain title)
    unscored,  ///< a code and a max but no score yet (a row of a template)
    total,     ///< "Tổng cộng": checked against the sums
    uncoded,   ///< scores but no code: reported, not summed
};

struct Row {
    RowKind kind = RowKind::criterion;
    long line = 0;
    std::string code;             ///< as normalised: trimmed, trailing dot removed ("1.5." → "1.5")
    std::string key;              ///< for the hierarchy: Roman domains as numbers ("II" → "2")
    bool code_well_formed = true; ///< N(.N)* or a Roman numeral I–X
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

struct Sheet {
    std::string file;
    std::string unit;
    std::string period;
    std::string encoding;
    long header_line = 0;
    std::vector<Row> rows;        ///< criteria, parents and totals, in sheet order
    std::size_t skipped_rows = 0; ///< text rows: titles, signatures, blank lines
    /// Set by mark_parents when the keys are in code order: no key repeats,
    /// so the duplicate check has nothing to look for. False: not known.
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
/// A row with a key in the hierarchy (not a total row, not uncoded).
bool has_code_key(const Row &row);
/// Marks as parents the rows whose key prefixes another row's key, and
/// records in codes_in_order whether the keys of those rows are plain
/// dotted numbers (no leading zeros) in strictly increasing code order, as
/// sheets list them: then no key repeats and a key's children follow it.
void mark_parents(Sheet &sheet);

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
