#pragma once
// Unicode text helpers shared by every stage: NFC normalisation (so an NFD
// spelling and an NFC spelling compare equal), the "folded" form used to
// match header names and total labels, UTF-8 validation, and display width
// for aligning tables in a terminal. utf8proc does the Unicode work.

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace cchc {

/// A quick hash for hash tables of cell text: the length and at most 24
/// bytes (start, middle, end) mixed, instead of every byte; equal text
/// still compares in full. Cell text that repeats (units, owners,
/// contents, codes) is looked up once per row, so this matters.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const noexcept {
        auto load = [&](std::size_t at, std::size_t n) {
            std::uint64_t v = 0;
            std::memcpy(&v, text.data() + at, n);
            return v;
        };
        const std::size_t n = text.size();
        std::uint64_t h = n * 0x9E3779B97F4A7C15ull;
        if (n <= 16) {
            h ^= load(0, n < 8 ? n : 8);
            h = (h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ull;
            if (n > 8) h ^= load(8, n - 8);
        } else {
            h ^= load(0, 8);
            h = (h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ull;
            h ^= load(n / 2 - 4, 8);
            h = (h ^ (h >> 29)) * 0xBF58476D1CE4E5B9ull;
            h ^= load(n - 8, 8);
        }
        h = (h ^ (h >> 32)) * 0x94D049BB133111EBull;
        return static_cast<std::size_t>(h ^ (h >> 29));
    }
};

/// Length of the longest prefix of `bytes` that is valid UTF-8, stopping
/// short of an incomplete sequence at the very end.
std::size_t valid_utf8_prefix(std::string_view bytes);
bool is_valid_utf8(std::string_view bytes);

/// True for valid UTF-8 that is already NFC because every character is
/// below U+0300 or in Latin Extended Additional (all of Vietnamese written
/// precomposed): such text needs no normalisation.
bool is_plain_latin(std::string_view text);

/// valid_utf8_prefix and is_plain_latin in one pass.
enum class Utf8Kind {
    invalid,     ///< not valid UTF-8
    plain_latin, ///< valid and already NFC (is_plain_latin)
    other,       ///< valid; may need normalising
};
Utf8Kind classify_utf8(std::string_view bytes);

/// NFC form of valid UTF-8 text; ASCII is returned as is without work.
std::string to_nfc(std::string_view text);

/// Bytes of the white space at `text[i]` (ASCII, or a no-break space such
/// as U+00A0); 0 when there is none.
std::size_t space_length(std::string_view text, std::size_t i);

/// Runs of white space (including line breaks and no-break spaces) become
/// one space; ends trimmed.
std::string collapse_space(std::string_view text);

/// True when the character that ends just before byte `pos` is a letter of
/// any script ("Đ" in "QĐ12").
bool is_letter_before(std::string_view text, std::size_t pos);

/// The form header names and labels are matched in: NFC, lower case,
/// Vietnamese diacritics removed (đ → d), text in parentheses dropped,
/// spaces around '/' removed, white space collapsed.
/// "Ghi chú\n(Lý do giảm điểm)" → "ghi chu".
std::string fold(std::string_view text);

/// Columns the text takes in a terminal: combining marks 0, wide
/// characters 2, others 1. Line breaks count as one space.
std::size_t display_width(std::string_view text);

/// The longest prefix of `text` that fits in `width` columns, cut only
/// between grapheme clusters, so a letter never loses its accent.
std::string_view cut_to_width(std::string_view text, std::size_t width);

/// `text` cut to `width` columns with "…" when longer, for quoting a cell
/// in a message.
std::string shorten(std::string_view text, std::size_t width = 40);

} // namespace cchc
