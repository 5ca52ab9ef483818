#pragma once
// Bytes → UTF-8. A file arrives as UTF-8 (with or without BOM), UTF-16 with
// a BOM (Excel's "Unicode Text"), or a legacy encoding such as Windows-1258.
// DecodingSource reads the raw bytes, picks the encoding (BOM, then a UTF-8
// check of the first 64 KiB, else TCVN3 when its bytes look like it, else
// Windows-1258) and converts with the system's converter (platform.hpp).
// UTF-8 input is handed on as it is (after its BOM): the text reader finds
// NUL bytes and line ends, and each cell is checked to be UTF-8 when it is
// used (cell_text.hpp). With `checked`, the old contract holds instead:
// clean UTF-8 with '\n' line ends, a NUL byte or bytes that are not in the
// chosen encoding stopping the file with its line.

#include <cchc/base/lang.hpp>
#include <cchc/platform/platform.hpp>

#include <cstddef>
#include <exception>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cchc {

/// Where raw bytes come from: a file path, or "-" for standard input.
class RawInput {
public:
    /// Opens `path` for reading only; throws Error naming the file if it
    /// cannot (missing, a directory, no permission).
    static std::unique_ptr<RawInput> open(const std::string &path, Lang lang);
    virtual ~RawInput() = default;
    /// Up to `size` bytes; 0 at end of input. Throws Error on a read failure.
    virtual std::size_t read(char *buffer, std::size_t size) = 0;
};

/// Bytes already in memory as a RawInput: a worksheet written as CSV text,
/// a fuzzer's input.
class MemoryInput : public RawInput {
public:
    explicit MemoryInput(std::string bytes) : m_bytes(std::move(bytes)) {}
    std::size_t read(char *buffer, std::size_t size) override;

private:
    std::string m_bytes;
    std::size_t m_pos = 0;
};

/// Thrown when a byte that is not UTF-8 turns up where the encoding was
/// only guessed (DecodingSource `guess`): read the file again without.
struct WrongGuess : std::exception {
    const char *what() const noexcept override { return "the file is not UTF-8"; }
};

/// The message for a regular file that ended before its size: another
/// program rewrote it while it was read, and its sums would be wrong.
std::string file_shorter_message(const std::string &name, long long read, long long size, Lang lang);

/// The message for a read that failed with `error` (an errno value), for
/// every RawInput.
std::string cannot_read_message(const std::string &name, int error, Lang lang);

/// True when bytes that are not UTF-8 look like TCVN3 (TCVN5712-1, the
/// .VnTime fonts) rather than Windows-1258: at least a fifth of the bytes
/// above 0x7F are TCVN3's letters in 0xA1–0xBF, where Windows-1258 has only
/// symbols, and they outnumber twice Windows-1258's pairs of a vowel and a
/// tone mark ("ệ" = EA F2), which would be two toned vowels in TCVN3; and
/// most of the high bytes are not valid UTF-8 (a UTF-8 file with a stray
/// byte is not TCVN3).
bool looks_like_tcvn3(std::string_view bytes);

/// An encoding DecodingSource recognises without --encoding, and how.
struct DetectedEncoding {
    std::string_view name; ///< as encoding() names it: "UTF-16LE"
    std::string_view how_vi;
    std::string_view how_en;
};

/// Every encoding DecodingSource chooses by itself, in the order it tries
/// them (for the man page; the constructor chooses from these names).
const std::vector<DetectedEncoding> &detected_encodings();

class DecodingSource : public RawInput {
public:
    /// `encoding` is empty for auto-detection, else an iconv name
    /// ("WINDOWS-1258", "UTF-16LE", "UTF-8", …). `checked`: see above.
    /// `guess` (not checked): take a file without a BOM for UTF-8 without
    /// checking its first 64 KiB first.
    DecodingSource(std::unique_ptr<RawInput> raw, std::string file_name, const std::string &encoding, Lang lang,
                   bool checked = true, bool guess = false);
    ~DecodingSource() override;
    DecodingSource(const DecodingSource &) = delete;
    DecodingSource &operator=(const DecodingSource &) = delete;

    std::size_t read(char *buffer, std::size_t size) override;

    /// The encoding the file is read in, as users name it ("UTF-8",
    /// "UTF-16LE", "WINDOWS-1258").
    const std::string &encoding() const { return m_encoding; }
    /// True when the file was not valid UTF-8 and no --encoding was given,
    /// so Windows-1258 or TCVN5712-1 (looks_like_tcvn3) was assumed.
    bool encoding_assumed() const { return m_assumed; }
    /// True when bytes are handed on as they are read (UTF-8, not `checked`).
    bool passes_through() const { return !m_checked && m_converter == nullptr; }
    /// With `guess`: the bytes that decide the encoding. One that is not
    /// UTF-8 before this offset means the file must be read again without
    /// guessing (Windows-1258 or TCVN3 is assumed then). 0 when nothing was guessed.
    std::size_t guessed_until() const { return m_guessed_until; }
    /// Bytes skipped at the start of the input: its byte order mark.
    std::size_t skipped() const { return m_skipped; }

private:
    bool fill(); // read and convert one more raw chunk; false at end
    void convert(bool at_end);
    void emit(const char *data, std::size_t size, bool at_end);
    [[noreturn]] void fail(const std::string &message) const;

    std::unique_ptr<RawInput> m_raw;
    std::string m_file;
    std::string m_encoding;
    Lang m_lang;
    bool m_assumed = false;
    bool m_checked = true;
    std::size_t m_skipped = 0;
    std::size_t m_guessed_until = 0;
    std::unique_ptr<platform::Converter> m_converter; // null when the input is UTF-8
    std::string m_in;                                 // raw bytes not converted yet
    std::string m_utf8;                               // converted bytes not yet normalised
    std::string m_out;                                // bytes ready for the reader
    std::size_t m_out_pos = 0;
    bool m_raw_done = false;
    bool m_pending_cr = false;
    long m_newlines = 0; // line ends handed out so far, to name the line of an error
};

} // namespace cchc
