// Exact decimal parsing and printing for scores (see decimal.hpp).
#include <cchc/model/decimal.hpp>

#include <fmt/format.h>

#include <cstdlib>

namespace cchc {

namespace {

std::string_view trim_blanks(std::string_view s) {
    auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && blank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && blank(s.back()))
        s.remove_suffix(1);
    // A no-break space (U+00A0) is what spreadsheets put around numbers.
    while (s.size() >= 2 && s.substr(0, 2) == "\xC2\xA0")
        s.remove_prefix(2);
    while (s.size() >= 2 && s.substr(s.size() - 2) == "\xC2\xA0")
        s.remove_suffix(2);
    return s;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

} // namespace

ParsedNumber parse_number(std::string_view text) {
    ParsedNumber out;
    std::string_view s = trim_blanks(text);
    if (s.empty() || s == "-") return out; // not given

    out.status = ParsedNumber::Status::bad;
    bool negative = false;
    if (s.front() == '+' || s.front() == '-') {
        negative = s.front() == '-';
        s.remove_prefix(1);
    }
    std::int64_t whole = 0;
    std::size_t i = 0;
    std::size_t whole_digits = 0;
    for (; i < s.size() && is_digit(s[i]); ++i, ++whole_digits) {
        if (whole > Decimal::k_max_units / Decimal::k_scale) {
            out.status = ParsedNumber::Status::too_large;
            return out;
        }
        whole = whole * 10 + (s[i] - '0');
    }
    std::int64_t fraction = 0; // thousandths
    int decimals = 0;
    bool round_up = false;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        ++i;
        for (; i < s.size() && is_digit(s[i]); ++i, ++decimals) {
            if (decimals < Decimal::k_scale_digits) {
                fraction = fraction * 10 + (s[i] - '0');
            } else {
                if (decimals == Decimal::k_scale_digits) round_up = s[i] >= '5';
                out.too_precise = out.too_precise || s[i] != '0';
            }
        }
    }
    if (i != s.size() || (whole_digits == 0 && decimals == 0)) return out; // bad
    for (int d = decimals; d < Decimal::k_scale_digits; ++d)
        fraction *= 10;
    std::int64_t units = whole * Decimal::k_scale + fraction + (round_up ? 1 : 0);
    if (units > Decimal::k_max_units) {
        out.status = ParsedNumber::Status::too_large;
        return out;
    }
    out.status = ParsedNumber::Status::ok;
    out.value = Decimal::from_units(negative ? -units : units);
    out.decimals = decimals;
    return out;
}

std::string format_fixed(std::uint64_t magnitude, bool negative, int decimals, char separator) {
    // Written from the right into a small buffer: tables format tens of
    // thousands of these.
    char buffer[48]; // 20 digits, a separator, a sign and up to 24 decimals
    char *end = buffer + sizeof buffer;
    char *p = end;
    for (int i = 0; i < decimals; ++i, magnitude /= 10)
        *--p = static_cast<char>('0' + magnitude % 10);
    if (decimals > 0) *--p = separator;
    do {
        *--p = static_cast<char>('0' + magnitude % 10);
        magnitude /= 10;
    } while (magnitude > 0);
    if (negative) *--p = '-';
    return std::string(p, end);
}

std::string Decimal::format(int min_decimals, char separator) const {
    std::uint64_t magnitude =
        m_units < 0 ? 0 - static_cast<std::uint64_t>(m_units) : static_cast<std::uint64_t>(m_units);
    int keep = k_scale_digits;
    while (keep > min_decimals && magnitude % 10 == 0) { // a trailing zero of the decimals
        magnitude /= 10;
        --keep;
    }
    return format_fixed(magnitude, m_units < 0, keep, separator);
}

WideInt percent_hundredths(std::int64_t numerator, std::int64_t denominator) {
    WideInt scaled = static_cast<WideInt>(numerator) * 10000 * 2 + denominator;
    WideInt q = scaled / (static_cast<WideInt>(denominator) * 2);
    if (scaled < 0 && (scaled % (static_cast<WideInt>(denominator) * 2)) != 0) q -= 1; // floor
    return q;
}

std::string format_percent(WideInt hundredths, char separator) {
    __extension__ typedef unsigned __int128 Unsigned;
    Unsigned magnitude =
        hundredths < 0 ? Unsigned(0) - static_cast<Unsigned>(hundredths) : static_cast<Unsigned>(hundredths);
    if (magnitude <= UINT64_MAX)
        return format_fixed(static_cast<std::uint64_t>(magnitude), hundredths < 0, 2, separator);
    // Past 64 bits (no sheet within the score bounds gets there): 20 digits or more.
    std::string text = fmt::format("{}{}", hundredths < 0 ? "-" : "", magnitude);
    text.insert(text.size() - 2, 1, separator);
    return text;
}

} // namespace cchc
