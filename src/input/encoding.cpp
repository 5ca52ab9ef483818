// Bytes → UTF-8 (see encoding.hpp).
#include "messages.hpp"

#include <cchc/base/error.hpp>
#include <cchc/input/encoding.hpp>
#include <cchc/platform/platform.hpp>
#include <cchc/text/unicode.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace cchc {

std::size_t MemoryInput::read(char *buffer, std::size_t size) {
    std::size_t n = std::min(size, m_bytes.size() - m_pos);
    if (n > 0) std::memcpy(buffer, m_bytes.data() + m_pos, n);
    m_pos += n;
    return n;
}

namespace {

constexpr std::size_t k_chunk = 1 << 16; // raw bytes read at a time
constexpr std::size_t k_sniff = 1 << 16; // bytes looked at to choose the encoding

class FdInput : public RawInput {
public:
    /// `expected` is the size of a regular file when it was opened, -1 otherwise.
    FdInput(int fd, std::string name, bool owned, long long expected, Lang lang)
        : m_fd(fd), m_name(std::move(name)), m_owned(owned), m_expected(expected), m_lang(lang) {}
    ~FdInput() override {
        if (m_owned) ::close(m_fd);
    }
    FdInput(const FdInput &) = delete;
    FdInput &operator=(const FdInput &) = delete;

    std::size_t read(char *buffer, std::size_t size) override {
        for (;;) {
            ssize_t n = ::read(m_fd, buffer, size);
            if (n > 0) {
                m_read += n;
                return static_cast<std::size_t>(n);
            }
            if (n == 0) {
                // A file cut short while it is read (rewritten by another
                // program) would give wrong sums without a word.
                if (m_expected >= 0 && m_read < m_expected)
                    throw Error(file_shorter_message(m_name, m_read, m_expected, m_lang));
                return 0;
            }
            if (errno == EINTR) continue;
            throw Error(cannot_read_message(m_name, errno, m_lang));
        }
    }

private:
    int m_fd;
    std::string m_name;
    bool m_owned;
    long long m_expected;
    Lang m_lang;
    long long m_read = 0;
};

std::string upper(std::string s) {
    for (char &c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

bool is_utf8_name(const std::string &name) {
    std::string u = upper(name);
    return u == "UTF-8" || u == "UTF8";
}

/// True when `tail` (shorter than a full sequence) could still become valid
/// UTF-8 once more bytes arrive.
bool is_incomplete_sequence(std::string_view tail) {
    if (tail.empty() || tail.size() >= 4) return false;
    unsigned char c = static_cast<unsigned char>(tail[0]);
    std::size_t need = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    if (need == 0 || tail.size() >= need) return false;
    for (std::size_t i = 1; i < tail.size(); ++i)
        if ((static_cast<unsigned char>(tail[i]) & 0xC0) != 0x80) return false;
    return true;
}

/// The length of the valid UTF-8 sequence of two or more bytes that starts
/// `s`, else 0.
std::size_t utf8_sequence_length(std::string_view s) {
    auto c = static_cast<unsigned char>(s[0]);
    std::size_t need = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
    if (need == 0 || s.size() < need) return 0;
    return valid_utf8_prefix(s.substr(0, need)) == need ? need : 0;
}

} // namespace

bool looks_like_tcvn3(std::string_view bytes) {
    // Two signs, each clear on Vietnamese text (measured on the samples
    // converted both ways with iconv):
    // - TCVN3 (the .VnTime fonts) writes its most frequent letters in
    //   0xA1–0xBF (Ă Â Ê Ô Ơ Ư Đ ă â ê ô ơ ư đ à ả ã á ạ ằ ẳ ẵ ắ): 31–48 % of
    //   the bytes above 0x7F of a line. Windows-1258 has only symbols there
    //   (« » © ° ·), none in the samples.
    // - Windows-1258 writes most toned vowels as a letter and a tone mark:
    //   â ă ê ô ơ ư (E2 E3 EA F4 F5 FD) followed by a mark (CC EC D2 DE F2),
    //   as in ệ = EA F2: 15–28 % of the high bytes of a line. In TCVN3 such a
    //   pair is two toned vowels in a row (õè, ụị), which Vietnamese never
    //   writes: none in the samples.
    // - A file that is mostly UTF-8 with a stray byte is neither: its UTF-8
    //   continuation bytes (0x80–0xBF) would pass for TCVN3's letters. Real
    //   TCVN3 text has no valid UTF-8 sequence in the samples (a toned vowel
    //   followed by a letter of 0x80–0xBF). Such a file keeps the old
    //   reading (Windows-1258, which then names the first byte it cannot
    //   read).
    std::size_t high = 0, utf8_bytes = 0, tcvn3_letters = 0, cp1258_pairs = 0;
    auto is_hat_vowel = [](unsigned char b) {
        return b == 0xE2 || b == 0xE3 || b == 0xEA || b == 0xF4 || b == 0xF5 || b == 0xFD;
    };
    auto is_tone_mark = [](unsigned char b) { return b == 0xCC || b == 0xEC || b == 0xD2 || b == 0xDE || b == 0xF2; };
    unsigned char previous = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        auto b = static_cast<unsigned char>(bytes[i]);
        if (b >= 0x80) {
            std::size_t length = utf8_sequence_length(bytes.substr(i));
            if (length > 1) {
                high += length;
                utf8_bytes += length;
                i += length - 1;
                previous = 0;
                continue;
            }
            ++high;
            if (b >= 0xA1 && b <= 0xBF && !(b >= 0xB0 && b <= 0xB4)) ++tcvn3_letters; // 0xB0–0xB4: marks alone
            if (is_tone_mark(b) && is_hat_vowel(previous)) ++cp1258_pairs;
        }
        previous = b;
    }
    return utf8_bytes * 2 < high && tcvn3_letters > 2 * cp1258_pairs && tcvn3_letters * 5 >= high;
}

std::unique_ptr<RawInput> RawInput::open(const std::string &path, Lang lang) {
    if (path == "-") return std::make_unique<FdInput>(STDIN_FILENO, "<stdin>", false, -1, lang);
    int fd = platform::open_read(path);
    auto folder = [&] {
        return Error(fmt::format(
            fmt::runtime(pick(lang, "{}: là thư mục, không phải tệp CSV", "{}: is a folder, not a CSV file")), path));
    };
    if (fd < 0) {
        int e = errno;
        if (e == EISDIR) throw folder(); // Windows opens no folder
        std::string_view hint = e == ENOENT ? pick(lang, "kiểm tra tên tệp và thư mục", "check the name and the folder")
                                            : pick(lang, "kiểm tra quyền đọc tệp", "check its permissions");
        throw Error(fmt::format(fmt::runtime(pick(lang, "{}: không mở được: {} ({})", "{}: cannot open: {} ({})")),
                                path, std::strerror(e), hint));
    }
    const platform::FileStatus st = platform::status(fd);
    if (st.directory) {
        ::close(fd);
        throw folder();
    }
    long long expected = st.regular ? static_cast<long long>(st.size) : -1;
    return std::make_unique<FdInput>(fd, path, true, expected, lang);
}

std::string file_shorter_message(const std::string &name, long long read, long long size, Lang lang) {
    return fmt::format(
        fmt::runtime(
            pick(lang, "{}: tệp bị ngắn đi trong lúc đọc ({} trên {} byte); hãy chạy lại khi tệp đã lưu xong",
                 "{}: the file became shorter while it was read ({} of {} bytes); run again once it is saved")),
        name, read, size);
}

std::string cannot_read_message(const std::string &name, int error, Lang lang) {
    return fmt::format(fmt::runtime(pick(lang, "{}: không đọc được: {}", "{}: cannot read: {}")), name,
                       std::strerror(error));
}

std::string nul_byte_message(Lang lang) {
    return std::string(pick(lang,
                            "có byte NUL: đây không phải tệp CSV dạng văn bản (nếu là UTF-16 không có BOM, dùng "
                            "--encoding UTF-16LE)",
                            "a NUL byte: this is not a text CSV file (if it is UTF-16 without a BOM, use --encoding "
                            "UTF-16LE)"));
}

std::string not_utf8_message(unsigned char byte, Lang lang) {
    return fmt::format(fmt::runtime(pick(lang,
                                         "byte 0x{:02X} không phải UTF-8; nếu tệp được lưu bằng bảng mã khác, "
                                         "hãy chỉ rõ bằng --encoding (ví dụ --encoding WINDOWS-1258)",
                                         "byte 0x{:02X} is not UTF-8; if the file was saved in another encoding, "
                                         "name it with --encoding (e.g. --encoding WINDOWS-1258)")),
                       byte);
}

namespace {

// The names DecodingSource chooses, listed by detected_encodings.
constexpr std::string_view k_utf8 = "UTF-8";
constexpr std::string_view k_utf16le = "UTF-16LE";
constexpr std::string_view k_utf16be = "UTF-16BE";
constexpr std::string_view k_tcvn3 = "TCVN5712-1";
constexpr std::string_view k_windows_1258 = "WINDOWS-1258";

} // namespace

const std::vector<DetectedEncoding> &detected_encodings() {
    static const std::vector<DetectedEncoding> encodings = {
        {k_utf8, "có BOM EF BB BF, hoặc không có BOM mà mọi byte đều là UTF-8",
         "with the BOM EF BB BF, or without a BOM when every byte is UTF-8"},
        {k_utf16le, "có BOM FF FE (Excel: Unicode Text)", "with the BOM FF FE (Excel's Unicode Text)"},
        {k_utf16be, "có BOM FE FF", "with the BOM FE FF"},
        {k_tcvn3, "TCVN3 (phông .VnTime), khi tệp không phải UTF-8 và các byte giống TCVN3",
         "TCVN3 (the .VnTime fonts), when the file is not UTF-8 and its bytes look like TCVN3"},
        {k_windows_1258, "khi tệp không phải UTF-8 và không giống TCVN3",
         "when the file is not UTF-8 and does not look like TCVN3"},
    };
    return encodings;
}

DecodingSource::DecodingSource(std::unique_ptr<RawInput> raw, std::string file_name, const std::string &encoding,
                               Lang lang, bool checked, bool guess)
    : m_raw(std::move(raw)), m_file(std::move(file_name)), m_lang(lang), m_checked(checked) {
    // Look at the start of the file before choosing how to read it.
    char buffer[k_chunk];
    while (m_in.size() < k_sniff) {
        std::size_t n = m_raw->read(buffer, sizeof buffer);
        if (n == 0) {
            m_raw_done = true;
            break;
        }
        m_in.append(buffer, n);
    }
    std::string chosen;
    if (m_in.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        m_in.erase(0, 3);
        m_skipped = 3;
        chosen = k_utf8;
    } else if (m_in.compare(0, 2, "\xFF\xFE") == 0) {
        m_in.erase(0, 2);
        chosen = k_utf16le;
    } else if (m_in.compare(0, 2, "\xFE\xFF") == 0) {
        m_in.erase(0, 2);
        chosen = k_utf16be;
    }
    if (!encoding.empty() && (chosen.empty() || chosen == "UTF-8")) chosen = encoding;
    if (chosen.empty() && !checked && guess) {
        // Read as UTF-8 and check each cell as it is used; a byte that is
        // not UTF-8 among these first bytes makes the caller start again
        // without guessing (see guessed_until).
        chosen = k_utf8;
        m_guessed_until = m_in.size();
    }
    if (chosen.empty()) {
        std::size_t valid = valid_utf8_prefix(m_in);
        bool utf8 =
            valid == m_in.size() || (!m_raw_done && is_incomplete_sequence(std::string_view(m_in).substr(valid)));
        chosen = utf8 ? k_utf8 : looks_like_tcvn3(m_in) ? k_tcvn3 : k_windows_1258;
        m_assumed = !utf8;
    }
    m_encoding = is_utf8_name(chosen) ? "UTF-8" : upper(chosen);
    if (m_encoding != "UTF-8") {
        m_converter = platform::Converter::open(m_encoding);
        if (m_converter == nullptr)
            throw Error(fmt::format(
                fmt::runtime(pick(
                    m_lang, "{}: không biết bảng mã '{}'; `iconv -l` liệt kê các tên, ví dụ WINDOWS-1258, UTF-16LE",
                    "{}: unknown encoding '{}'; `iconv -l` lists the names, e.g. WINDOWS-1258, UTF-16LE")),
                m_file, chosen));
    }
}

DecodingSource::~DecodingSource() = default;

void DecodingSource::fail(const std::string &message) const {
    throw InputError(m_file, m_newlines + (m_pending_cr ? 2 : 1), message);
}

std::size_t DecodingSource::read(char *buffer, std::size_t wanted) {
    if (!m_checked && m_converter == nullptr) {
        // UTF-8 as it is: what was read to choose the encoding, then the rest.
        if (m_out_pos < m_in.size()) {
            std::size_t n = std::min(wanted, m_in.size() - m_out_pos);
            std::memcpy(buffer, m_in.data() + m_out_pos, n);
            m_out_pos += n;
            return n;
        }
        return m_raw_done ? 0 : m_raw->read(buffer, wanted);
    }
    std::size_t given = 0;
    // Fill the whole request unless the input really ends.
    while (given < wanted) {
        if (m_out_pos == m_out.size()) {
            m_out.clear();
            m_out_pos = 0;
            if (!fill()) break;
            continue;
        }
        std::size_t n = std::min(wanted - given, m_out.size() - m_out_pos);
        std::memcpy(buffer + given, m_out.data() + m_out_pos, n);
        m_out_pos += n;
        given += n;
    }
    return given;
}

bool DecodingSource::fill() {
    if (m_raw_done && m_in.empty() && !m_pending_cr) return false;
    if (!m_raw_done) {
        char buffer[k_chunk];
        std::size_t n = m_raw->read(buffer, sizeof buffer);
        if (n == 0)
            m_raw_done = true;
        else
            m_in.append(buffer, n);
    }
    convert(m_raw_done);
    if (m_raw_done && m_in.empty() && m_pending_cr) {
        m_out += '\n';
        ++m_newlines;
        m_pending_cr = false;
    }
    return true;
}

void DecodingSource::convert(bool at_end) {
    if (m_converter == nullptr) {
        std::size_t valid = valid_utf8_prefix(m_in);
        std::string_view rest = std::string_view(m_in).substr(valid);
        emit(m_in.data(), valid, at_end && rest.empty());
        if (!rest.empty() && (at_end || !is_incomplete_sequence(rest)))
            fail(not_utf8_message(static_cast<unsigned char>(rest[0]), m_lang));
        m_in.erase(0, valid);
        return;
    }
    m_utf8.resize(m_in.size() * 4 + 16);
    char *in = m_in.data();
    std::size_t in_left = m_in.size();
    char *out = m_utf8.data();
    std::size_t out_left = m_utf8.size();
    using Result = platform::Converter::Result;
    Result r = m_converter->convert(&in, &in_left, &out, &out_left);
    // Windows-1258 and TCVN3 keep the last letter back in case a tone mark
    // follows it: at the end, ask for it.
    if (at_end && in_left == 0 && r == Result::ok) r = m_converter->convert(nullptr, nullptr, &out, &out_left);
    std::size_t produced = m_utf8.size() - out_left;
    std::size_t consumed = m_in.size() - in_left;
    std::string_view text(m_utf8.data(), produced);
    if (m_newlines == 0 && m_out.empty() && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    emit(text.data(), text.size(), at_end && in_left == 0);
    m_in.erase(0, consumed);
    if (r != Result::ok) {
        if (r == Result::invalid || at_end)
            fail(fmt::format(
                fmt::runtime(pick(m_lang,
                                  "có byte không thuộc bảng mã {} (0x{:02X}); hãy chỉ rõ bảng mã của tệp "
                                  "bằng --encoding",
                                  "bytes that are not {} (0x{:02X}); name the file's encoding with --encoding")),
                m_encoding, static_cast<unsigned char>(m_in.empty() ? 0 : m_in[0])));
        // EINVAL: an incomplete sequence at the end of the chunk waits for more bytes.
    }
}

void DecodingSource::emit(const char *data, std::size_t size, bool at_end) {
    m_out.reserve(m_out.size() + size + 1);
    for (std::size_t i = 0; i < size; ++i) {
        char c = data[i];
        if (m_pending_cr) {
            m_pending_cr = false;
            m_out += '\n';
            ++m_newlines;
            if (c == '\n') continue;
        }
        if (c == '\r') {
            m_pending_cr = true;
            continue;
        }
        if (c == '\0') fail(nul_byte_message(m_lang));
        if (c == '\n') ++m_newlines;
        m_out += c;
    }
    if (at_end && m_pending_cr) {
        m_pending_cr = false;
        m_out += '\n';
        ++m_newlines;
    }
}

} // namespace cchc
