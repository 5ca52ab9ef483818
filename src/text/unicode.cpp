// Unicode helpers (see text/unicode.hpp). utf8proc does normalisation, case folding,
// mark stripping, character widths and grapheme boundaries; this file only
// adds the product's rules on top (đ → d, parentheses dropped, spaces).
#include <cchc/text/unicode.hpp>

#include <utf8proc.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace cchc {

namespace {

std::string utf8proc_apply(std::string_view text, int options) {
    utf8proc_uint8_t *result = nullptr;
    utf8proc_ssize_t n =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t *>(text.data()),
                     static_cast<utf8proc_ssize_t>(text.size()), &result, static_cast<utf8proc_option_t>(options));
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> guard(result, &std::free);
    if (n < 0) return std::string(text); // invalid UTF-8 never reaches here; keep bytes
    return std::string(reinterpret_cast<const char *>(result), static_cast<std::size_t>(n));
}

/// Length of a UTF-8 sequence from its first byte; 0 for a byte that cannot start one.
int sequence_length(unsigned char c) {
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return 2;
    if (c >= 0xE0 && c <= 0xEF) return 3;
    if (c >= 0xF0 && c <= 0xF4) return 4;
    return 0;
}

bool is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

} // namespace

namespace {

/// The valid UTF-8 prefix's length; `seen(lead, second)` is called for
/// each sequence of more than one byte in it.
template <typename Seen>
std::size_t walk_utf8(std::string_view bytes, Seen &&seen) {
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.data());
    const std::size_t n = bytes.size();
    std::size_t i = 0;
    while (i < n) {
        // Eight ASCII bytes at a time.
        if (i + 8 <= n) {
            std::uint64_t word;
            std::memcpy(&word, p + i, 8);
            if ((word & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int len = sequence_length(c);
        if (len == 0 || i + static_cast<std::size_t>(len) > n) return i;
        unsigned char c1 = p[i + 1];
        if ((c1 & 0xC0) != 0x80) return i;
        // Reject overlong forms, surrogates and code points above U+10FFFF.
        if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 > 0x9F) || (c == 0xF0 && c1 < 0x90) ||
            (c == 0xF4 && c1 > 0x8F))
            return i;
        if (len >= 3 && (p[i + 2] & 0xC0) != 0x80) return i;
        if (len == 4 && (p[i + 3] & 0xC0) != 0x80) return i;
        seen(c, c1);
        i += static_cast<std::size_t>(len);
    }
    return i;
}

/// A multi-byte UTF-8 sequence, by its first two bytes, is U+0080–U+02FF
/// or in Latin Extended Additional (U+1E00–U+1EFF): text of such and ASCII
/// is already NFC, and all of Vietnamese written precomposed is.
bool is_plain_latin_sequence(unsigned char lead, unsigned char second) {
    return (lead >= 0xC2 && lead <= 0xCB) || (lead == 0xE1 && second >= 0xB8 && second <= 0xBB);
}

} // namespace

std::size_t valid_utf8_prefix(std::string_view bytes) {
    return walk_utf8(bytes, [](unsigned char, unsigned char) {});
}

Utf8Kind classify_utf8(std::string_view bytes) {
    bool plain = true;
    std::size_t valid = walk_utf8(bytes, [&](unsigned char lead, unsigned char second) {
        if (!is_plain_latin_sequence(lead, second)) plain = false;
    });
    if (valid != bytes.size()) return Utf8Kind::invalid;
    return plain ? Utf8Kind::plain_latin : Utf8Kind::other;
}

bool is_valid_utf8(std::string_view bytes) {
    return valid_utf8_prefix(bytes) == bytes.size();
}

/// True when every character is ASCII or is_plain_latin_sequence: such text
/// is already NFC. Anything else goes through utf8proc.
bool is_plain_latin(std::string_view text) {
    const auto *p = reinterpret_cast<const unsigned char *>(text.data());
    const auto *end = p + text.size();
    while (p < end) {
        unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        std::ptrdiff_t length = c <= 0xCB ? 2 : 3; // the only lengths that can pass
        if (end - p < length || !is_plain_latin_sequence(c, p[1])) return false;
        p += length;
    }
    return true;
}

std::string to_nfc(std::string_view text) {
    if (is_plain_latin(text)) return std::string(text);
    return utf8proc_apply(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::size_t space_length(std::string_view text, std::size_t i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (is_space(c)) return 1;
    if (c != 0xC2 && c != 0xE2 && c != 0xE3) return 0;
    // No-break spaces that spreadsheets and word processors put in cells:
    // U+00A0, U+2007 (figure), U+202F (narrow), U+3000 (ideographic).
    auto at = [&](std::string_view seq) { return text.compare(i, seq.size(), seq) == 0; };
    if (at("\xC2\xA0")) return 2;
    if (at("\xE2\x80\x87") || at("\xE2\x80\xAF") || at("\xE3\x80\x80")) return 3;
    return 0;
}

std::string collapse_space(std::string_view text) {
    // Most cells have single ASCII spaces inside and none at the ends.
    bool simple = text.empty() || (text.front() != ' ' && text.back() != ' ');
    for (std::size_t i = 0; simple && i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c == ' ')
            simple = text[i + 1] != ' '; // not the last byte: checked above
        else
            simple = !is_space(c) && c != 0xC2 && c != 0xE2 && c != 0xE3; // no other space can start here
    }
    if (simple) return std::string(text);
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < text.size();) {
        if (std::size_t n = space_length(text, i); n > 0) {
            pending_space = !out.empty();
            i += n;
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += text[i++];
    }
    return out;
}

bool is_letter_before(std::string_view text, std::size_t pos) {
    if (pos == 0 || pos > text.size()) return false;
    std::size_t start = pos - 1;
    while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80 && pos - start < 4)
        --start;
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t *>(text.data() + start),
                                          static_cast<utf8proc_ssize_t>(pos - start), &cp);
    if (n <= 0 || static_cast<std::size_t>(n) != pos - start) return false;
    utf8proc_category_t category = utf8proc_category(cp);
    return category >= UTF8PROC_CATEGORY_LU && category <= UTF8PROC_CATEGORY_LO;
}

std::string fold(std::string_view text) {
    std::string stripped =
        utf8proc_apply(text, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
    std::string out;
    out.reserve(stripped.size());
    int depth = 0;
    for (std::size_t i = 0; i < stripped.size(); ++i) {
        char c = stripped[i];
        if (c == '(') {
            ++depth;
            continue;
        }
        if (c == ')') {
            if (depth > 0) --depth;
            continue;
        }
        if (depth > 0) continue;
        // đ (U+0111) has no decomposition, so mark stripping keeps it.
        if (stripped.compare(i, 2, "\xC4\x91") == 0) {
            out += 'd';
            ++i;
            continue;
        }
        out += c;
    }
    out = collapse_space(out);
    std::string tight;
    tight.reserve(out.size());
    for (std::size_t i = 0; i < out.size(); ++i) {
        if (out[i] == ' ' && ((i + 1 < out.size() && out[i + 1] == '/') || (!tight.empty() && tight.back() == '/')))
            continue;
        tight += out[i];
    }
    return tight;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    std::size_t i = 0;
    while (i < text.size()) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t *>(text.data() + i),
                                              static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
        if (n <= 0) {
            ++width;
            ++i;
            continue;
        }
        i += static_cast<std::size_t>(n);
        if (cp == '\n' || cp == '\t' || cp == '\r') {
            ++width;
            continue;
        }
        int w = utf8proc_charwidth(cp);
        if (w > 0) width += static_cast<std::size_t>(w);
    }
    return width;
}

std::string_view cut_to_width(std::string_view text, std::size_t width) {
    std::size_t used = 0;
    std::size_t i = 0;
    std::size_t last_break = 0;
    utf8proc_int32_t previous = -1;
    utf8proc_int32_t state = 0;
    while (i < text.size()) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t *>(text.data() + i),
                                              static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
        if (n <= 0) {
            cp = 0xFFFD;
            n = 1;
        }
        if (previous < 0 || utf8proc_grapheme_break_stateful(previous, cp, &state)) last_break = i;
        int w = (cp == '\n' || cp == '\t' || cp == '\r') ? 1 : utf8proc_charwidth(cp);
        if (w > 0 && used + static_cast<std::size_t>(w) > width) return text.substr(0, last_break);
        if (w > 0) used += static_cast<std::size_t>(w);
        previous = cp;
        i += static_cast<std::size_t>(n);
    }
    return text;
}

std::string shorten(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    return std::string(cut_to_width(text, width - 1)) + "…";
}

} // namespace cchc
