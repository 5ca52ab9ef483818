#pragma once
// Helpers shared by the unit tests: bytes in memory as a RawInput, a
// temporary folder that removes itself, and short ways to run the input
// stages on a string.

#include <cchc/input/csv_reader.hpp>
#include <cchc/input/encoding.hpp>
#include <cchc/layout/loader.hpp>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

namespace cchc::test {

/// The reference sheet: the appendix of the ward report, transcribed.
inline std::string reference_sheet_path() {
    return std::string(CCHC_SOURCE_DIR) + "/samples/phuong-1-2023.csv";
}

/// Bytes in memory, handed out at most `chunk` bytes per read.
class BytesInput : public RawInput {
public:
    explicit BytesInput(std::string bytes, std::size_t chunk = SIZE_MAX) : m_bytes(std::move(bytes)), m_chunk(chunk) {}
    std::size_t read(char *buffer, std::size_t size) override {
        std::size_t n = std::min({size, m_chunk, m_bytes.size() - m_pos});
        if (n > 0) std::memcpy(buffer, m_bytes.data() + m_pos, n);
        m_pos += n;
        return n;
    }

private:
    std::string m_bytes;
    std::size_t m_chunk;
    std::size_t m_pos = 0;
};

inline std::unique_ptr<DecodingSource> source_of(std::string bytes, const std::string &encoding = "",
                                                 std::size_t chunk = SIZE_MAX) {
    return std::make_unique<DecodingSource>(std::make_unique<BytesInput>(std::move(bytes), chunk), "t.csv", encoding,
                                            Lang::en);
}

/// Everything a DecodingSource hands to the CSV parser.
inline std::string decode_all(DecodingSource &source) {
    std::string out;
    char buffer[4096];
    for (;;) {
        int n = source.read(buffer, static_cast<int>(sizeof buffer));
        if (n <= 0) break;
        out.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
}

/// A fresh folder under the system's temporary folder, removed with its files.
class TempDir {
public:
    TempDir() {
        static std::atomic<unsigned> counter{0};
        std::random_device random;
        m_path = std::filesystem::temp_directory_path() / ("cchc-unit-" + std::to_string(::getpid()) + "-" +
                                                           std::to_string(counter++) + "-" + std::to_string(random()));
        std::filesystem::create_directories(m_path);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;

    const std::filesystem::path &path() const { return m_path; }

    /// Writes `bytes` exactly as given to `name` in this folder; returns its path.
    std::string write(const std::string &name, const std::string &bytes) const {
        std::filesystem::path file = m_path / name;
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) throw std::runtime_error("cannot write " + file.string());
        return file.string();
    }

private:
    std::filesystem::path m_path;
};

/// Loads `bytes` as the file `name` (in a temporary folder removed afterwards).
inline LoadedFile load_text(const std::string &bytes, const LoadOptions &options = {},
                            const std::string &name = "sheet.csv") {
    TempDir dir;
    return load_file(dir.write(name, bytes), options);
}

/// The hierarchy key of `code`, as the loader gives it.
inline std::string key_of(const std::string &code) {
    bool well_formed = false;
    return code_key(code, well_formed);
}

/// A row with `code`, its key and kind, as the loader makes it.
inline Row make_row(const std::string &code, RowKind kind = RowKind::criterion) {
    Row row;
    row.kind = kind;
    row.code = code;
    row.key = code_key(code, row.code_well_formed);
    return row;
}

/// A sheet of `rows`, numbered from line 2 as under a header.
inline Sheet sheet_of(const std::vector<Row> &rows) {
    Sheet sheet;
    sheet.rows = rows;
    long line = 2;
    for (Row &row : sheet.rows)
        row.line = line++;
    return sheet;
}

} // namespace cchc::test
