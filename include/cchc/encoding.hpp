#pragma once
// Bytes → UTF-8. A file arrives as UTF-8 (with or without BOM), UTF-16 with
// a BOM (Excel's "Unicode Text"), or a legacy encoding such as Windows-1258.
// DecodingSource reads the raw bytes, picks the encoding (BOM, then a UTF-8
// check of the first 64 KiB, else Windows-1258), converts with iconv and
// hands clean UTF-8 with '\n' line ends to fast-cpp-csv-parser through its
// ByteSourceBase extension point. Lone CR line ends become LF; a NUL byte or
// bytes that are not in the chosen encoding stop the file with its line.

#include <cchc/lang.hpp>

#include <libfccp/csv.h>

#include <cstddef>
#include <memory>
#include <string>

namespace cchc {

/// Where raw bytes come from: a file path, or "-" for standard input.
class RawInput {
public:
    /// Opens `path` for reading only; throws Error naming the file if it
    /// cannot (missing, a directory, no permission).
    static std::unique_ptr<RawInput> open(const std::string &path, Lang lang = Lang::en);
    virtual ~RawInput() = default;
    /// Up to `size` bytes; 0 at end of input. Throws Error on a read failure.
    virtual std::size_t read(char *buffer, std::size_t size) = 0;
};

class DecodingSource : public io::ByteSourceBase {
public:
    /// `encoding` is empty for auto-detection, else an iconv name
    /// ("WINDOWS-1258", "UTF-16LE", "UTF-8", …).
    DecodingSource(std::unique_ptr<RawInput> raw, std::string file_name, const std::string &encoding,
                   Lang lang = Lang::en);
    ~DecodingSource() override;
    DecodingSource(const DecodingSource &) = delete;
    DecodingSource &operator=(const DecodingSource &) = delete;

    int read(char *buffer, int size) override;

    /// The encoding the file is read in, as users name it ("UTF-8",
    /// "UTF-16LE", "WINDOWS-1258").
    const std::string &encoding() const { return m_encoding; }
    /// True when the file was not valid UTF-8 and no --encoding was given,
    /// so Windows-1258 was assumed.
    bool encoding_assumed() const { return m_assumed; }

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
    void *m_iconv = nullptr; // iconv_t, or null when the input is UTF-8
    std::string m_in;        // raw bytes not converted yet
    std::string m_utf8;      // converted bytes not yet normalised
    std::string m_out;       // bytes ready for the reader
    std::size_t m_out_pos = 0;
    bool m_raw_done = false;
    bool m_pending_cr = false;
    long m_newlines = 0; // line ends handed out so far, to name the line of an error
};

} // namespace cchc
