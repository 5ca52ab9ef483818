// A workbook's number cell as the clerk sees it (see input/workbook/number_text.hpp).
#include <cchc/input/workbook/number_text.hpp>

#include <fmt/format.h>

#include <charconv>
#include <cstdint>

namespace cchc {

namespace {

/// A number as its significant digits and the place of the point: the
/// value is 0.d₁d₂… × 10^point.
struct Digits {
    bool negative = false;
    std::string digits; // no leading zero; empty for zero
    long point = 0;
};

bool parse_digits(std::string_view s, Digits &out) {
    std::size_t i = 0;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) out.negative = s[i++] == '-';
    bool any = false, after_point = false;
    long point = 0;
    std::string digits;
    for (; i < s.size(); ++i) {
        char c = s[i];
        if (c >= '0' && c <= '9') {
            any = true;
            if (digits.empty() && c == '0') {
                if (after_point) --point; // a leading zero after the point
                continue;
            }
            if (digits.size() < 40) {
                digits.push_back(c);
                if (!after_point) ++point;
            } else if (!after_point) {
                ++point; // digits past the 40th cannot matter, but count for place
            }
        } else if (c == '.' && !after_point) {
            after_point = true;
        } else {
            break;
        }
    }
    if (!any) return false;
    if (i < s.size()) {
        if (s[i] != 'e' && s[i] != 'E') return false;
        ++i;
        bool minus = false;
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) minus = s[i++] == '-';
        if (i == s.size()) return false;
        long exponent = 0;
        for (; i < s.size(); ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            if (exponent < 100000) exponent = exponent * 10 + (s[i] - '0');
        }
        point += minus ? -exponent : exponent;
    }
    while (!digits.empty() && digits.back() == '0')
        digits.pop_back();
    out.digits = std::move(digits);
    out.point = out.digits.empty() ? 0 : point;
    return true;
}

/// Keeps the first `keep` digits (may be 0 or less), rounding half away
/// from zero: 0.5 of the last kept place goes up.
void round_to(Digits &d, long keep) {
    if (static_cast<long>(d.digits.size()) <= keep) return;
    bool up = keep >= 0 && d.digits[static_cast<std::size_t>(keep)] >= '5';
    if (keep < 0) up = false;
    d.digits.resize(static_cast<std::size_t>(keep < 0 ? 0 : keep));
    if (up) {
        std::size_t i = d.digits.size();
        while (i > 0 && d.digits[i - 1] == '9')
            d.digits[--i] = '0';
        if (i == 0) {
            d.digits.insert(d.digits.begin(), '1');
            ++d.point;
        } else {
            ++d.digits[i - 1];
        }
    } else if (keep == 0 && d.digits.empty()) {
        // rounded to nothing: zero
    }
    while (!d.digits.empty() && d.digits.back() == '0')
        d.digits.pop_back();
    if (d.digits.empty()) d.point = 0;
}

/// The special case of rounding at the place just before the first digit:
/// 0.6 to no decimals is 1, 0.4 is 0.
void round_places(Digits &d, int decimals) {
    long keep = d.point + decimals; // digits before the place to cut
    if (keep >= static_cast<long>(d.digits.size())) return;
    if (keep < 0) {
        d.digits.clear();
        d.point = 0;
        return;
    }
    if (keep == 0) {
        bool up = d.digits[0] >= '5';
        d.digits.clear();
        if (up) {
            d.digits.assign(1, '1');
            d.point = 1 - decimals;
        } else {
            d.point = 0;
        }
        return;
    }
    round_to(d, keep);
}

std::string write_fixed(const Digits &d, int decimals) {
    std::string out;
    if (d.negative && !d.digits.empty()) out.push_back('-');
    const long n = static_cast<long>(d.digits.size());
    auto digit = [&](long k) { return k >= 0 && k < n ? d.digits[static_cast<std::size_t>(k)] : '0'; };
    // Integer part: digits 0 … point-1.
    if (d.point <= 0) {
        out.push_back('0');
    } else {
        for (long k = 0; k < d.point; ++k)
            out.push_back(digit(k));
    }
    long places = decimals >= 0 ? decimals : std::max(0L, n - d.point);
    if (places > 0) {
        out.push_back('.');
        for (long k = 0; k < places; ++k)
            out.push_back(digit(d.point + k));
    }
    return out;
}

/// Days from 1970-01-01 to the civil date (y, m, d), and back (H. Hinnant's algorithm).
void civil_from_days(std::int64_t z, std::int64_t &y, unsigned &m, unsigned &d) {
    z += 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = static_cast<std::int64_t>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    d = doy - (153 * mp + 2) / 5 + 1;
    m = mp < 10 ? mp + 3 : mp - 9;
    if (m <= 2) ++y;
}

} // namespace

NumberFormat builtin_number_format(int id) {
    NumberFormat f;
    switch (id) {
    case 1:
    case 3:
    case 37:
    case 38: f.decimals = 0; break;
    case 2:
    case 4:
    case 39:
    case 40: f.decimals = 2; break;
    case 9: f.decimals = 0, f.percent = true; break;
    case 10: f.decimals = 2, f.percent = true; break;
    default:
        if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) f.date = true;
        break;
    }
    return f;
}

NumberFormat parse_number_format(std::string_view code) {
    NumberFormat f;
    bool quoted = false, bracket = false, point = false, any_digit = false;
    int decimals = 0;
    for (std::size_t i = 0; i < code.size(); ++i) {
        char c = code[i];
        if (quoted) {
            quoted = c != '"';
            continue;
        }
        if (bracket) {
            bracket = c != ']';
            continue;
        }
        if (c == ';') break;
        switch (c) {
        case '"': quoted = true; break;
        case '[': bracket = true; break;
        case '\\':
        case '_':
        case '*': ++i; break; // the next character is shown as it is (or is padding)
        case '.': point = true; break;
        case '%': f.percent = true; break;
        case '0':
        case '#':
        case '?':
            any_digit = true;
            if (point) ++decimals;
            break;
        case 'd':
        case 'D':
        case 'm':
        case 'M':
        case 'y':
        case 'Y':
        case 'h':
        case 'H':
        case 's':
        case 'S': f.date = true; break;
        case 'E':
        case 'e': // scientific: shown as General here
            if (i + 1 < code.size() && (code[i + 1] == '+' || code[i + 1] == '-')) return NumberFormat{};
            break;
        default: break;
        }
    }
    if (f.date) return NumberFormat{-1, true, false};
    if (any_digit) f.decimals = decimals;
    return f;
}

std::string displayed_number(std::string_view stored, int decimals) {
    Digits d;
    if (!parse_digits(stored, d)) return {};
    if (d.point > 30) return {};
    round_to(d, 15);
    if (decimals >= 0) round_places(d, decimals);
    return write_fixed(d, decimals);
}

std::string format_cell_number(std::string_view stored, const NumberFormat &format, bool date1904) {
    if (format.date) {
        Digits d;
        if (!parse_digits(stored, d) || d.negative || d.point > 7 || d.point < 1) return {};
        std::int64_t serial = 0;
        for (long k = 0; k < d.point; ++k)
            serial = serial * 10 +
                     (k < static_cast<long>(d.digits.size()) ? d.digits[static_cast<std::size_t>(k)] - '0' : 0);
        // Serial 1 is 1900-01-01, and 60 the 29 February 1900 Excel keeps
        // from Lotus; from 61 on, day 0 is 1899-12-30. 1904: day 0 is 1904-01-01.
        std::int64_t days;
        if (date1904) {
            days = serial - 24107; // 1904-01-01 is 24,107 days before 1970-01-01
        } else if (serial == 60) {
            return "29/2/1900";
        } else {
            days = serial - (serial < 60 ? 25568 : 25569);
        }
        std::int64_t y;
        unsigned m, day;
        civil_from_days(days, y, m, day);
        return fmt::format("{}/{}/{}", day, m, y);
    }
    if (format.percent) {
        Digits d;
        if (!parse_digits(stored, d)) return {};
        // Times 100 on the digits: the point moves two places.
        std::string shifted =
            fmt::format("{}0.{}E{}", d.negative ? "-" : "", d.digits.empty() ? "0" : d.digits, d.point + 2);
        std::string text = displayed_number(shifted, format.decimals);
        return text.empty() ? text : text + "%";
    }
    return displayed_number(stored, format.decimals);
}

std::string iso_date_text(std::string_view iso) {
    int y = 0, m = 0, d = 0;
    if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return std::string(iso);
    if (std::from_chars(iso.data(), iso.data() + 4, y).ec != std::errc() ||
        std::from_chars(iso.data() + 5, iso.data() + 7, m).ec != std::errc() ||
        std::from_chars(iso.data() + 8, iso.data() + 10, d).ec != std::errc())
        return std::string(iso);
    return fmt::format("{}/{}/{}", d, m, y);
}

} // namespace cchc
