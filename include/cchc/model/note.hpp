#pragma once
// What a note says in numbers. Clerks justify a score with counts such as
// "870/901 hồ sơ, đạt 96,56%"; this reads the fractions and percentages out
// of the free text so checks can verify them. Dates (22/6/2023), document
// numbers (1299/QĐ-UBND) and "Nghị định số 42" are not fractions. Counts
// may have Vietnamese thousands dots ("1.238/1.250" is 1238/1250; "1.5/2"
// and "1.2345/6" are not fractions). The loose form "3 TTHC phát
// sinh…/30TTHC" (a number, words, a slash, a number) is accepted and marked
// loose.

#include <cchc/model/decimal.hpp>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace cchc {

struct NoteFraction {
    std::int64_t numerator = 0;
    std::int64_t denominator = 0;
    bool loose = false;
    std::string text; ///< as written, e.g. "44/46"
};

struct NotePercent {
    std::int64_t scaled = 0; ///< the number times 10^decimals: "95,68" → 9568
    int decimals = 0;
    char separator = ','; ///< '.' or ',' as written (',' when no decimals)
    std::string text;     ///< as written, without the '%': "95,68"
};

struct NoteFacts {
    std::vector<NoteFraction> fractions;
    std::vector<NotePercent> percents;
};

/// True when a note may hold counts or percentages ('/' or '%'): only
/// those are read, and they are worth no cache.
inline bool may_have_counts(std::string_view note) {
    return !note.empty() && (std::memchr(note.data(), '/', note.size()) != nullptr ||
                             std::memchr(note.data(), '%', note.size()) != nullptr);
}

NoteFacts read_note(std::string_view note);
/// The same into `facts`, whose memory is reused.
void read_note(std::string_view note, NoteFacts &facts);

/// A quotient rounded half up and truncated.
struct PercentForms {
    std::int64_t rounded;
    std::int64_t truncated;
};
/// a × b ÷ d (d > 0), rounded half up and truncated. In 64 bits when the
/// three are small, as a note's counts and a score are (128-bit division
/// is a library call). Inline: checks run it for every fraction in a note.
inline PercentForms scaled_quotient(std::int64_t a, std::int64_t b, WideInt d) {
    auto forms = [](auto product, auto divisor) {
        return PercentForms{static_cast<std::int64_t>((product * 2 + divisor) / (divisor * 2)),
                            static_cast<std::int64_t>(product / divisor)};
    };
    constexpr std::int64_t k_small = std::int64_t(1) << 30; // products below 2^60
    if (a >= 0 && a < k_small && b >= 0 && b < k_small && d > 0 && d < k_small)
        return forms(a * b, static_cast<std::int64_t>(d));
    return forms(static_cast<WideInt>(a) * b, d);
}
/// A/B × 100 at `decimals` decimals, scaled by 10^decimals: (44, 46, 2) →
/// {9565, 9565}.
PercentForms fraction_percent(std::int64_t numerator, std::int64_t denominator, int decimals);

/// Writes a scaled number with its decimals and separator: (9565, 2, ',') → "95,65".
std::string format_scaled(std::int64_t scaled, int decimals, char separator);

} // namespace cchc
