// Fuzz target: the note reader. Fractions are two counts around a slash
// (a strict one is its two numbers as written, thousands dots removed),
// percentages carry at most six decimals, and the rounded form of A/B is
// its truncated form or one more.
#include "fuzz_support.hpp"

#include <cchc/model/note.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char *>(data), size);
    cchc::NoteFacts facts = cchc::read_note(text);
    for (const cchc::NoteFraction &f : facts.fractions) {
        FUZZ_REQUIRE(f.numerator >= 0 && f.denominator >= 0, f.text);
        FUZZ_REQUIRE(f.text.find('/') != std::string::npos, f.text);
        if (!f.loose) {
            // "1.238/1.250" is 1238/1250: digits and thousands dots around one slash.
            std::int64_t parts[2] = {0, 0};
            int side = 0;
            for (char c : f.text) {
                if (c == '/') {
                    FUZZ_REQUIRE(side == 0, f.text);
                    side = 1;
                } else if (c >= '0' && c <= '9') {
                    parts[side] = parts[side] * 10 + (c - '0');
                } else {
                    FUZZ_REQUIRE(c == '.', f.text);
                }
            }
            FUZZ_REQUIRE(side == 1 && parts[0] == f.numerator && parts[1] == f.denominator, f.text);
        }
        if (f.denominator == 0) continue;
        for (int decimals = 0; decimals <= 6; ++decimals) {
            cchc::PercentForms forms = cchc::fraction_percent(f.numerator, f.denominator, decimals);
            FUZZ_REQUIRE(forms.rounded == forms.truncated || forms.rounded == forms.truncated + 1, f.text);
        }
    }
    for (const cchc::NotePercent &p : facts.percents) {
        FUZZ_REQUIRE(p.decimals >= 0 && p.decimals <= 6, p.text);
        FUZZ_REQUIRE(p.scaled >= 0, p.text);
        FUZZ_REQUIRE(cchc::format_scaled(p.scaled, p.decimals, p.separator).size() <= p.text.size() + 1, p.text);
    }
    return 0;
}
