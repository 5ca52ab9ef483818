// A file that becomes shorter while it is read (another program rewrites
// it): the read stops with the message that names the file and how much
// of it was read, never with wrong sums. The file is cut at a known point
// between two reads, by the test itself, so nothing depends on timing: in
// one stream (the file read with read(2)), and in each part of a file read
// in two (the second part with pread(2) on its byte range).
#include "test_support.hpp"

#include <cchc/base/error.hpp>
#include <cchc/input/encoding.hpp>
#include <cchc/layout/loader.hpp>
#include <cchc/platform/platform.hpp>

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace {

using cchc::LoadOptions;

/// A sheet of `bytes` bytes or a little more: a unit every 50 rows, so
/// that a streamed read hands sheets over as it goes.
std::string sheet_of(std::size_t bytes) {
    std::string out = "Đơn vị,Mục,Nội dung,Điểm tối đa,Điểm thẩm định\n";
    for (int unit = 1; out.size() < bytes; ++unit)
        for (int row = 1; row <= 50; ++row)
            out += fmt::format("u{:05},1.{},A,1,1\n", unit, row);
    return out;
}

/// The error reading `path` stopped with, or "" when it did not stop.
template <typename Read>
std::string error_of(Read &&read) {
    try {
        read();
    } catch (const cchc::Error &e) {
        return e.what();
    }
    return "";
}

/// A file read 4 KiB at a time that the test cuts to `to` bytes after the
/// `after`-th read.
class ShrinkingInput : public cchc::RawInput {
public:
    ShrinkingInput(const std::string &path, int after, std::uintmax_t to, cchc::Lang lang)
        : m_file(cchc::RawInput::open(path, lang)), m_path(path), m_after(after), m_to(to) {}
    std::size_t read(char *buffer, std::size_t size) override {
        std::size_t n = m_file->read(buffer, std::min<std::size_t>(size, 4096));
        if (++m_reads == m_after) std::filesystem::resize_file(m_path, m_to);
        return n;
    }

private:
    std::unique_ptr<cchc::RawInput> m_file;
    std::string m_path;
    int m_after;
    std::uintmax_t m_to;
    int m_reads = 0;
};

/// Cuts the file to `to` bytes when part `part` hands over its first sheet.
class ShrinkingSink : public cchc::SheetSink {
public:
    ShrinkingSink(const std::string &path, int part, std::uintmax_t to) : m_path(path), m_part(part), m_to(to) {}
    void sheet(cchc::Sheet &, int part) override {
        if (part == m_part && !shrunk) {
            std::filesystem::resize_file(m_path, m_to);
            shrunk = true;
        }
    }
    void discard_part(int) override {}
    bool shrunk = false;

private:
    std::string m_path;
    int m_part;
    std::uintmax_t m_to;
};

} // namespace

TEST_CASE("a file cut short between two reads stops with the message naming it") {
    cchc::test::TempDir dir;
    const std::string bytes = sheet_of(400 << 10);
    const std::string path = dir.write("shrinking.csv", bytes);
    LoadOptions options;
    options.lang = cchc::Lang::en;
    SUBCASE("while the encoding is chosen") {
        // After the first 4 KiB: the next read(2) is past the new end.
        std::string error = error_of(
            [&] { cchc::load_input(std::make_unique<ShrinkingInput>(path, 1, 1000, options.lang), path, options); });
        CHECK(error == cchc::file_shorter_message(path, 4096, static_cast<long long>(bytes.size()), options.lang));
        CHECK(error == fmt::format("{}: the file became shorter while it was read (4096 of {} bytes); run again once "
                                   "it is saved",
                                   path, bytes.size()));
    }
    SUBCASE("among the rows") {
        // After 100 KiB, cut at 200 KiB: the rows up to there are read, then
        // read(2) finds the end 200 KiB early.
        std::string error = error_of([&] {
            cchc::load_input(std::make_unique<ShrinkingInput>(path, 25, 200 << 10, options.lang), path, options);
        });
        CHECK(error == cchc::file_shorter_message(path, 200 << 10, static_cast<long long>(bytes.size()), options.lang));
    }
    SUBCASE("in Vietnamese") {
        options.lang = cchc::Lang::vi;
        std::string error = error_of([&] {
            cchc::load_input(std::make_unique<ShrinkingInput>(path, 25, 200 << 10, options.lang), path, options);
        });
        CHECK(error ==
              fmt::format("{}: tệp bị ngắn đi trong lúc đọc ({} trên {} byte); hãy chạy lại khi tệp đã lưu xong", path,
                          200 << 10, bytes.size()));
    }
}

TEST_CASE("a streamed file cut short while it is read stops with the message naming it") {
    cchc::test::TempDir dir;
    // 4 MiB: a streamed read has read at most its first 2 MiB when it hands
    // over its first sheet, and the file is then cut to 3 MiB.
    const std::string bytes = sheet_of(4 << 20);
    const long long size = static_cast<long long>(bytes.size());
    const std::uintmax_t cut_to = 3 << 20;
    const std::string path = dir.write("shrinking.csv", bytes);
    LoadOptions options;
    options.lang = cchc::Lang::en;
    SUBCASE("in one part (read(2))") {
        options.split_at = 0;
        ShrinkingSink sink(path, 0, cut_to);
        std::string error = error_of([&] { cchc::stream_file(path, options, sink, true); });
        CHECK(sink.shrunk);
        CHECK(error == cchc::file_shorter_message(path, 3 << 20, size, options.lang));
    }
    SUBCASE("in two parts: the second part (pread(2) on its range) finds the end early") {
        // Part 0 reads up to the cut at 1 MiB and never reaches the new
        // end; part 1 cuts the file from its own thread, between two reads.
        options.split_at = 1 << 20;
        // Windows reads a file in one pass (platform::threads_read_files):
        // there is no second part to cut the file from.
        if (!cchc::platform::threads_read_files()) return;
        ShrinkingSink sink(path, 1, cut_to);
        std::string error = error_of([&] { cchc::stream_file(path, options, sink, true); });
        CHECK(sink.shrunk);
        CHECK(error == cchc::file_shorter_message(path, 3 << 20, size, options.lang));
    }
    SUBCASE("near miss: a file that keeps its size reads to the end") {
        options.split_at = 1 << 20;
        ShrinkingSink sink(path, 1, bytes.size());
        CHECK(error_of([&] { cchc::stream_file(path, options, sink, true); }) == "");
    }
}
