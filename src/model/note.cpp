// HOT: every note of every row is read here; guarded by the W2 and W3 workloads of bench/.
// Fractions and percentages in notes (see note.hpp). A hand-written scanner
// rather than a regex: the rules about what surrounds a number (dates,
// document numbers, loose words) read more plainly as code.
#include <cchc/model/decimal.hpp>
#include <cchc/model/note.hpp>
#include <cchc/text/unicode.hpp>

#include <unordered_map>
#include <utility>

namespace cchc {

namespace {

constexpr int k_max_digits = 12; // larger counts are not counts
constexpr int k_max_decimals = 6;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}
bool is_sentence_punctuation(char c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?';
}

struct Number {
    std::size_t begin = 0, end = 0; // digits only
    std::int64_t value = 0;
    bool ok = false;
};

/// The run of digits starting at `i`.
Number digits_at(std::string_view s, std::size_t i) {
    Number n;
    n.begin = i;
    std::size_t j = i;
    while (j < s.size() && is_digit(s[j]))
        ++j;
    n.end = j;
    if (j == i || j - i > k_max_digits) return n;
    for (std::size_t k = i; k < j; ++k)
        n.value = n.value * 10 + (s[k] - '0');
    n.ok = true;
    return n;
}

/// The run of digits ending just before `end`.
Number digits_before(std::string_view s, std::size_t end) {
    std::size_t i = end;
    while (i > 0 && is_digit(s[i - 1]))
        --i;
    return digits_at(s, i);
}

/// The digits of s[begin, end) without their dots, as one count.
Number grouped(std::string_view s, std::size_t begin, std::size_t end) {
    Number n;
    n.begin = begin;
    n.end = end;
    int digits = 0;
    for (std::size_t k = begin; k < end; ++k) {
        if (s[k] == '.') continue;
        if (++digits > k_max_digits) return n;
        n.value = n.value * 10 + (s[k] - '0');
    }
    n.ok = true;
    return n;
}

/// True when s[i, i + 3) are three digits and no digit follows them.
bool three_digits_at(std::string_view s, std::size_t i) {
    return i + 3 <= s.size() && is_digit(s[i]) && is_digit(s[i + 1]) && is_digit(s[i + 2]) &&
           (i + 3 == s.size() || !is_digit(s[i + 3]));
}

// A count on either side of a slash: a run of digits, or an integer with
// Vietnamese thousands dots ("1.238", "12.345.678"): a first group of one
// to three digits not starting with 0, then groups of exactly three digits
// after each dot. Anything else ("1.5", "1.23", "1.2345") is the run of
// digits next to the slash, which free_on_left / free_on_right then turn
// down because a dot and a digit touch it, as before.

/// The count ending just before `end`.
Number count_before(std::string_view s, std::size_t end) {
    Number n = digits_before(s, end);
    if (n.end - n.begin != 3) return n;
    std::size_t begin = n.begin;
    int dots = 0;
    while (begin >= 2 && s[begin - 1] == '.' && is_digit(s[begin - 2])) {
        Number group = digits_before(s, begin - 1);
        std::size_t length = group.end - group.begin;
        if (length > 3) break; // "1234.567": not a thousands number; free_on_left refuses it
        begin = group.begin;
        ++dots;
        if (length < 3) break; // the first group
    }
    if (dots == 0 || s[begin] == '0') return n;
    return grouped(s, begin, end);
}

/// The count starting at `begin`.
Number count_at(std::string_view s, std::size_t begin) {
    Number n = digits_at(s, begin);
    std::size_t length = n.end - n.begin;
    if (length == 0 || length > 3 || s[begin] == '0') return n;
    std::size_t end = n.end;
    while (end < s.size() && s[end] == '.' && three_digits_at(s, end + 1))
        end += 4;
    if (end == n.end) return n;
    return grouped(s, begin, end);
}

/// A number standing alone on its left: not glued to another number or a
/// decimal ("1.5/2", "2023/") and not to a letter ("QĐ12/3").
bool free_on_left(std::string_view s, std::size_t begin) {
    if (begin == 0) return true;
    char c = s[begin - 1];
    if (c == '/' || is_digit(c) || is_ascii_letter(c)) return false;
    if (static_cast<unsigned char>(c) >= 0x80 && is_letter_before(s, begin)) return false;
    if ((c == '.' || c == ',') && begin >= 2 && is_digit(s[begin - 2])) return false;
    return true;
}

/// A denominator standing alone on its right: not followed by "/2023" (a
/// date) nor by a decimal part.
bool free_on_right(std::string_view s, std::size_t end) {
    if (end >= s.size()) return true;
    char c = s[end];
    if (c == '/') return false;
    if ((c == '.' || c == ',') && end + 1 < s.size() && is_digit(s[end + 1])) return false;
    return true;
}

/// "6/2023" (month/year) reads as a date, not a fraction.
bool looks_like_month_year(const Number &a, const Number &b) {
    return b.end - b.begin == 4 && b.value >= 1900 && b.value <= 2100 && a.value >= 1 && a.value <= 12;
}

/// "ngày", "Tháng", "(date)" and the like. Folding is costly and notes put
/// the same few words before their counts ("thành", "có"): each word's
/// answer is kept (per thread, up to a bound).
bool is_date_word(std::string_view word) {
    static thread_local std::unordered_map<std::string, bool, TextHash, std::equal_to<>> known;
    if (auto it = known.find(word); it != known.end()) return it->second;
    std::string folded = fold(word);
    bool date = folded == "ngay" || folded == "thang" || folded == "date";
    if (known.size() < 4096) known.emplace(std::string(word), date);
    return date;
}

/// "ngày 22/6", "tháng 6/2023": a date follows these words, not a count.
bool after_date_word(std::string_view s, std::size_t begin) {
    std::size_t end = begin;
    while (end > 0 && is_space(s[end - 1]))
        --end;
    std::size_t start = end;
    while (start > 0 && !is_space(s[start - 1]))
        --start;
    // Folding keeps a first character that is ASCII and not a parenthesis
    // (it only lower-cases it), so a word that starts with another ASCII
    // character than n, t or d cannot fold to one of these; most notes say
    // "có 486/689", so skip the fold.
    if (start == end) return false;
    unsigned char first = static_cast<unsigned char>(s[start]);
    if (first < 0x80 && std::string_view("nNtTdD()").find(static_cast<char>(first)) == std::string_view::npos)
        return false;
    return is_date_word(s.substr(start, end - start));
}

void read_fractions(std::string_view s, NoteFacts &facts) {
    // Strict A/B first.
    for (std::size_t slash = s.find('/'); slash != std::string_view::npos; slash = s.find('/', slash + 1)) {
        if (slash == 0 || !is_digit(s[slash - 1]) || slash + 1 >= s.size() || !is_digit(s[slash + 1])) continue;
        Number a = count_before(s, slash);
        Number b = count_at(s, slash + 1);
        if (!a.ok || !b.ok || !free_on_left(s, a.begin) || !free_on_right(s, b.end)) continue;
        if (looks_like_month_year(a, b) || after_date_word(s, a.begin)) continue;
        facts.fractions.push_back({a.value, b.value, false, std::string(s.substr(a.begin, b.end - a.begin))});
    }
    if (!facts.fractions.empty()) return;
    // Loose: "3 TTHC phát sinh … trực tuyến/30TTHC": a number, words with
    // no digits nor sentence punctuation, a slash, a number.
    for (std::size_t slash = s.find('/'); slash != std::string_view::npos; slash = s.find('/', slash + 1)) {
        std::size_t after = slash + 1;
        while (after < s.size() && is_space(s[after]))
            ++after;
        if (after >= s.size() || !is_digit(s[after])) continue;
        Number b = count_at(s, after);
        if (!b.ok || !free_on_right(s, b.end)) continue;
        std::size_t i = slash;
        bool has_word = false;
        while (i > 0 && !is_digit(s[i - 1]) && !is_sentence_punctuation(s[i - 1]) && s[i - 1] != '/' &&
               s[i - 1] != '%') {
            if (!is_space(s[i - 1])) has_word = true;
            --i;
        }
        if (i == 0 || !is_digit(s[i - 1]) || !has_word || !is_space(s[i])) continue;
        Number a = count_before(s, i);
        if (!a.ok || !free_on_left(s, a.begin)) continue;
        facts.fractions.push_back({a.value, b.value, true, collapse_space(s.substr(a.begin, b.end - a.begin))});
    }
}

void read_percents(std::string_view s, NoteFacts &facts) {
    for (std::size_t i = s.find('%'); i != std::string_view::npos; i = s.find('%', i + 1)) {
        std::size_t end = i;
        while (end > 0 && s[end - 1] == ' ')
            --end;
        if (end == 0 || !is_digit(s[end - 1])) continue;
        Number tail = digits_before(s, end);
        NotePercent p;
        std::size_t begin = tail.begin;
        if (tail.begin >= 2 && (s[tail.begin - 1] == '.' || s[tail.begin - 1] == ',') && is_digit(s[tail.begin - 2])) {
            Number whole = digits_before(s, tail.begin - 1);
            p.decimals = static_cast<int>(tail.end - tail.begin);
            p.separator = s[tail.begin - 1];
            begin = whole.begin;
            if (!whole.ok || p.decimals > k_max_decimals) continue;
            std::int64_t scaled = whole.value;
            for (std::size_t k = tail.begin; k < tail.end; ++k)
                scaled = scaled * 10 + (s[k] - '0');
            p.scaled = scaled;
        } else {
            if (!tail.ok) continue;
            p.scaled = tail.value;
        }
        // "1/2%" and "1.2.3%" are not percentages.
        if (!free_on_left(s, begin)) continue;
        p.text = std::string(s.substr(begin, end - begin));
        facts.percents.push_back(std::move(p));
    }
}

std::int64_t pow10(int n) {
    std::int64_t r = 1;
    while (n-- > 0)
        r *= 10;
    return r;
}

} // namespace

NoteFacts read_note(std::string_view note) {
    NoteFacts facts;
    read_note(note, facts);
    return facts;
}

void read_note(std::string_view note, NoteFacts &facts) {
    facts.fractions.clear();
    facts.percents.clear();
    if (!may_have_counts(note)) return;
    read_fractions(note, facts);
    read_percents(note, facts);
}

PercentForms fraction_percent(std::int64_t numerator, std::int64_t denominator, int decimals) {
    return scaled_quotient(numerator, 100 * pow10(decimals), denominator); // decimals ≤ k_max_decimals
}

std::string format_scaled(std::int64_t scaled, int decimals, char separator) {
    std::uint64_t magnitude = scaled < 0 ? 0 - static_cast<std::uint64_t>(scaled) : static_cast<std::uint64_t>(scaled);
    return format_fixed(magnitude, scaled < 0, decimals, separator);
}

} // namespace cchc
