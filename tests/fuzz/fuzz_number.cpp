// Fuzz target: the score parser. Whatever it accepts, printing the value
// and reading it back gives the same value, with either decimal separator.
#include "fuzz_support.hpp"

#include <cchc/model/decimal.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char *>(data), size);
    cchc::ParsedNumber n = cchc::parse_number(text);
    if (n.status != cchc::ParsedNumber::Status::ok) return 0;
    FUZZ_REQUIRE(
        n.value.units() <= cchc::Decimal::k_max_units + 1 && n.value.units() >= -cchc::Decimal::k_max_units - 1, text);
    for (char separator : {'.', ','}) {
        std::string printed = n.value.format(3, separator);
        cchc::ParsedNumber again = cchc::parse_number(printed);
        FUZZ_REQUIRE(again.status == cchc::ParsedNumber::Status::ok, printed);
        FUZZ_REQUIRE(again.value == n.value, printed);
        FUZZ_REQUIRE(!again.too_precise, printed);
    }
    if (n.value.units() > 0) {
        std::int64_t p = cchc::percent_hundredths(n.value.units(), n.value.units());
        FUZZ_REQUIRE(p == 10000, text);
    }
    return 0;
}
