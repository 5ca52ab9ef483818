// Fuzz target: the note reader. Fractions are two counts around a slash,
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
