#pragma once
// Exact decimal numbers for scores. A score is kept as a whole number of
// thousandths in 64 bits, so sums never drift (1.91 + 0.5 + ... prints 11.00,
// never 10.999999) and parsing never depends on the process locale.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace cchc {

/// 128-bit integers for exact products of two scores (a GCC/Clang extension).
__extension__ typedef __int128 WideInt;

class Decimal {
public:
    static constexpr int k_scale_digits = 3;
    static constexpr std::int64_t k_scale = 1000;
    /// Largest magnitude accepted from a sheet: 10^12 points, far above any
    /// real score, and far below where sums of millions of rows could overflow.
    static constexpr std::int64_t k_max_units = 1'000'000'000'000LL * k_scale;

    constexpr Decimal() = default;
    static constexpr Decimal from_units(std::int64_t thousandths) { return Decimal(thousandths); }
    static constexpr Decimal from_int(std::int64_t whole) { return Decimal(whole * k_scale); }

    constexpr std::int64_t units() const { return m_units; }
    constexpr bool is_zero() const { return m_units == 0; }
    constexpr bool is_negative() const { return m_units < 0; }

    constexpr Decimal operator+(Decimal o) const { return Decimal(m_units + o.m_units); }
    constexpr Decimal operator-(Decimal o) const { return Decimal(m_units - o.m_units); }
    constexpr Decimal operator-() const { return Decimal(-m_units); }
    constexpr Decimal &operator+=(Decimal o) {
        m_units += o.m_units;
        return *this;
    }
    constexpr Decimal &operator-=(Decimal o) {
        m_units -= o.m_units;
        return *this;
    }
    constexpr auto operator<=>(const Decimal &) const = default;

    /// "11.00", "1.915", "-0.50": at least `min_decimals` decimals, more only
    /// when the value has them; `separator` is '.' or ','.
    std::string format(int min_decimals = 2, char separator = '.') const;

private:
    constexpr explicit Decimal(std::int64_t units) : m_units(units) {}
    std::int64_t m_units = 0;
};

/// What reading one score cell gave.
struct ParsedNumber {
    /// `sum_too_large`: a number that would take its column's sum in the
    /// sheet past k_max_units (see ColumnBound), left out of the sums.
    enum class Status { ok, not_given, bad, too_large, sum_too_large };
    Status status = Status::not_given;
    Decimal value;
    /// More than three decimals were written; `value` is rounded half away
    /// from zero to three.
    bool too_precise = false;
    /// How many decimals the cell itself wrote ("95,68" → 2).
    int decimals = 0;
};

/// Reads `1.91`, `1,91`, ` 2 `, `+0.5`, `-0.5`. Empty or `-` is "not given".
/// No exponents, no hex, no thousands separators, no NaN or infinity.
ParsedNumber parse_number(std::string_view text);

/// A percentage `numerator / denominator × 100` in hundredths of a percent,
/// rounded half up (870/901 → 9656, printed 96,56). Denominator must be > 0.
/// 128 bits: 10^12 points over 0.001 is 10^19 hundredths, past 64 bits.
WideInt percent_hundredths(std::int64_t numerator, std::int64_t denominator);

/// `magnitude` with its last `decimals` (at most 24) digits after
/// `separator`, and '-' in front when `negative`: (5, false, 2, ',') →
/// "0,05". The one digit writer behind scores, percentages and note numbers.
std::string format_fixed(std::uint64_t magnitude, bool negative, int decimals, char separator);

/// Formats hundredths of a percent as "96,56" or "96.56".
std::string format_percent(WideInt hundredths, char separator);

} // namespace cchc
