// Codes and the criteria hierarchy (see sheet.hpp).
#include <cchc/model/sheet.hpp>
#include <cchc/text/unicode.hpp>
#include <cchc/text/view_map.hpp>

#include <algorithm>
#include <array>
#include <unordered_set>

namespace cchc {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/// "I".."X" → 1..10, else 0.
int roman_value(std::string_view s) {
    static constexpr std::array<std::string_view, 10> numerals = {"I",  "II",  "III",  "IV", "V",
                                                                  "VI", "VII", "VIII", "IX", "X"};
    for (std::size_t i = 0; i < numerals.size(); ++i)
        if (s == numerals[i]) return static_cast<int>(i) + 1;
    return 0;
}

/// The number of segments of a dotted number ("1.2.3" → 3), 0 for anything else.
std::size_t dotted_levels(std::string_view s) {
    if (s.empty()) return 0;
    bool need_digit = true;
    std::size_t levels = 1;
    for (char c : s) {
        if (is_digit(c)) {
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

std::string_view first_segment(std::string_view key) {
    return key.substr(0, next_dot(key));
}

} // namespace

std::string_view Row::domain() const {
    return first_segment(key);
}

std::string normalise_code(std::string_view cell) {
    std::string code;
    normalise_code(cell, code);
    return code;
}

void normalise_code(std::string_view cell, std::string &code) {
    code = collapse_space(cell);
    if (code.size() > 1 && code.back() == '.') code.pop_back();
}

std::string code_key(const std::string &code, bool &well_formed) {
    std::string key;
    code_key(code, well_formed, key);
    return key;
}

bool set_dotted_code(std::string_view cell, Row &row) {
    std::size_t levels = dotted_levels(cell);
    if (levels == 0) return false;
    row.code.assign(cell);
    row.key.assign(cell);
    row.code_well_formed = levels <= k_max_code_levels;
    return true;
}

void code_key(std::string_view code, bool &well_formed, std::string &key) {
    if (int r = code.empty() || is_digit(code[0]) ? 0 : roman_value(code); r > 0) {
        well_formed = true;
        key = std::to_string(r);
        return;
    }
    std::size_t levels = dotted_levels(code);
    well_formed = levels > 0 && levels <= k_max_code_levels;
    key.assign(code);
}

bool code_less(const std::string &a, const std::string &b) {
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        std::size_t ie = next_dot(a, i);
        std::size_t je = next_dot(b, j);
        if (ie == std::string::npos) ie = a.size();
        if (je == std::string::npos) je = b.size();
        std::string_view sa(a.data() + i, ie - i);
        std::string_view sb(b.data() + j, je - j);
        bool na = !sa.empty() && std::all_of(sa.begin(), sa.end(), is_digit);
        bool nb = !sb.empty() && std::all_of(sb.begin(), sb.end(), is_digit);
        if (na && nb) {
            // Compare as numbers without converting: strip zeros, then length, then text.
            while (sa.size() > 1 && sa.front() == '0')
                sa.remove_prefix(1);
            while (sb.size() > 1 && sb.front() == '0')
                sb.remove_prefix(1);
            if (sa.size() != sb.size()) return sa.size() < sb.size();
        } else if (na != nb) {
            return na; // numbers before text
        }
        if (sa != sb) return sa < sb;
        i = ie + 1;
        j = je + 1;
    }
    return a.size() - std::min(i, a.size()) < b.size() - std::min(j, b.size());
}

bool is_total_label(std::string_view cell) {
    // The longest label, "Tổng cộng:" with spaces around, is a few dozen
    // bytes; longer cells (most contents) need no folding.
    if (cell.empty() || cell.size() > 32) return false;
    if (cell[0] >= '0' && cell[0] <= '9') return false; // a code: no label starts with a digit
    std::string f = fold(cell);
    while (!f.empty() && (f.back() == ':' || f.back() == '.'))
        f.pop_back();
    return f == "tong cong" || f == "tong" || f == "cong" || f == "total" || f == "tong so" || f == "grand total";
}

namespace {

/// Digits and dots, no empty segment, no segment with a leading zero.
bool is_plain_code(std::string_view key) {
    if (key.empty()) return false;
    bool segment_start = true;
    for (std::size_t i = 0; i < key.size(); ++i) {
        char c = key[i];
        if (c == '.') {
            if (segment_start) return false;
            segment_start = true;
        } else if (is_digit(c)) {
            if (segment_start && c == '0' && i + 1 < key.size() && key[i + 1] != '.') return false;
            segment_start = false;
        } else {
            return false;
        }
    }
    return !segment_start;
}

/// code_less for two plain codes in one pass: without leading zeros, the
/// segment with more digits is the larger number.
bool plain_code_less(std::string_view a, std::string_view b) {
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

} // namespace

bool has_code_key(const Row &row) {
    return !row.key.empty() && row.kind != RowKind::total && row.kind != RowKind::uncoded;
}

void mark_parents(Sheet &sheet) {
    auto may_be_parent = [](const Row &row) {
        return row.kind == RowKind::criterion || row.kind == RowKind::heading || row.kind == RowKind::unscored;
    };
    // In code order (plain keys, strictly increasing: checked on the way) a code's
    // children come right after it: a row is a parent when the next coded
    // row starts with its key and a dot.
    static thread_local std::vector<Row *> parents;
    parents.clear();
    sheet.codes_in_order = true;
    Row *previous = nullptr;
    for (Row &row : sheet.rows) {
        if (!has_code_key(row)) continue;
        if (!is_plain_code(row.key) || (previous != nullptr && !plain_code_less(previous->key, row.key))) {
            sheet.codes_in_order = false;
            break;
        }
        if (previous != nullptr && may_be_parent(*previous) && row.key.size() > previous->key.size() &&
            row.key.compare(0, previous->key.size(), previous->key) == 0 && row.key[previous->key.size()] == '.')
            parents.push_back(previous);
        previous = &row;
    }
    if (sheet.codes_in_order) {
        for (Row *row : parents)
            row->kind = RowKind::parent;
        return;
    }
    static thread_local ViewMap<bool> prefixes; // views of the rows' keys
    prefixes.clear(sheet.rows.size() * 2);
    for (const Row &row : sheet.rows) {
        if (!has_code_key(row)) continue;
        for (std::size_t dot = next_dot(row.key); dot != std::string::npos; dot = next_dot(row.key, dot + 1))
            prefixes[std::string_view(row.key).substr(0, dot)] = true;
    }
    for (Row &row : sheet.rows)
        if (may_be_parent(row) && prefixes.find(row.key) != nullptr) row.kind = RowKind::parent;
}

} // namespace cchc
