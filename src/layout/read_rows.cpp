// HOT: every row of every file is read here; guarded by the W2 and W3 workloads of bench/.
// The rows after the header: a whole file's (read_whole), or a sheet at a
// time (stream_file, see layout/loader.hpp), a large UTF-8 file in two
// parts at once, cut at a line break and joined so that the sheets are
// exactly those of one pass (see docs/performance.md).
#include "opening.hpp"
#include "sheet_builder.hpp"

#include <cchc/base/error.hpp>
#include <cchc/platform/platform.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <optional>
#include <thread>
#include <unistd.h>

namespace cchc {

using layout_detail::Opening;

namespace {

/// The rows after the header block: those read ahead, then the reader's.
void read_rows(Opening &o, SheetBuilder &builder) {
    builder.set_header_line(o.prefix[o.header.record].line);
    builder.set_records(static_cast<long>(o.header.record) + 1, static_cast<long>(o.prefix.size()));
    o.reader->set_delimiter(o.header.delimiter);
    layout_detail::replay_ahead(o, [&](const RecordSpan &held) { builder.add(held); });
    RecordSpan span;
    while (o.reader->next(span))
        builder.add(span);
}

/// Bytes [begin, end) of a regular file, read with pread so that two parts
/// of one file can be read at once.
class RangeInput : public RawInput {
public:
    RangeInput(const std::string &path, std::int64_t begin, std::int64_t end, Lang lang)
        : m_path(path), m_pos(begin), m_end(end), m_lang(lang) {
        m_fd = platform::open_read(path);
        if (m_fd < 0) fail_read();
    }
    ~RangeInput() override {
        if (m_fd >= 0) ::close(m_fd);
    }
    RangeInput(const RangeInput &) = delete;
    RangeInput &operator=(const RangeInput &) = delete;

    std::size_t read(char *buffer, std::size_t size) override {
        std::size_t wanted =
            static_cast<std::size_t>(std::min<std::int64_t>(static_cast<std::int64_t>(size), m_end - m_pos));
        if (wanted == 0) return 0;
        for (;;) {
            std::int64_t n = platform::read_at(m_fd, buffer, wanted, m_pos);
            if (n > 0) {
                m_pos += n;
                return static_cast<std::size_t>(n);
            }
            if (n == 0) throw Error(file_shorter_message(m_path, m_pos, m_end, m_lang));
            if (errno != EINTR) fail_read();
        }
    }

    /// Line ends (LF, CR LF, lone CR) in [m_pos, end), without moving, and
    /// `quoted`: those of them inside quoted cells (lines minus quoted is
    /// records, as the quote rule of TextReader is the parity of quotes).
    long line_ends_until(std::int64_t end, long &quoted) {
        std::vector<char> buffer(1 << 20);
        long n = 0;
        bool after_cr = false, in_quotes = false, quoted_after_cr = false;
        for (std::int64_t pos = m_pos; pos < end;) {
            std::size_t want =
                static_cast<std::size_t>(std::min<std::int64_t>(static_cast<std::int64_t>(buffer.size()), end - pos));
            std::int64_t got = platform::read_at(m_fd, buffer.data(), want, pos);
            if (got <= 0) {
                if (got < 0 && errno == EINTR) continue;
                fail_read();
            }
            std::string_view text(buffer.data(), static_cast<std::size_t>(got));
            count_line_ends(text, n, after_cr);
            for (std::size_t i = 0; i < text.size();) {
                std::size_t q = text.find('"', i);
                std::size_t stop = q == std::string_view::npos ? text.size() : q;
                if (in_quotes) count_line_ends(text.substr(i, stop - i), quoted, quoted_after_cr);
                if (q == std::string_view::npos) break;
                in_quotes = !in_quotes;
                quoted_after_cr = false;
                i = q + 1;
            }
            pos += got;
        }
        return n;
    }

    /// The offset just after the first LF at or after `from`, or -1.
    std::int64_t line_start_after(std::int64_t from) {
        char buffer[1 << 16];
        for (std::int64_t pos = from; pos < m_end;) {
            std::int64_t got = platform::read_at(m_fd, buffer, sizeof buffer, pos);
            if (got <= 0) {
                if (got < 0 && errno == EINTR) continue;
                return -1;
            }
            if (const void *lf = std::memchr(buffer, '\n', static_cast<std::size_t>(got)))
                return pos + (static_cast<const char *>(lf) - buffer) + 1;
            pos += got;
        }
        return -1;
    }

private:
    [[noreturn]] void fail_read() const { throw Error(cannot_read_message(m_path, errno, m_lang)); }

    std::string m_path;
    int m_fd = -1;
    std::int64_t m_pos;
    std::int64_t m_end;
    Lang m_lang;
};

std::int64_t file_size(const std::string &path) {
    const platform::FileStatus st = platform::status(path);
    return st.regular ? st.size : -1;
}

/// Whether to read a file in two parts at once: a UTF-8 file (others go
/// through iconv in one stream) with data after its header, of
/// k_split_min_bytes or more on a machine with two cores (or as a test asks).
bool should_cut(const Opening &o, const LoadOptions &options, std::int64_t size, std::int64_t data_start) {
    if (!o.source->passes_through() || size <= data_start || options.split_at == 0 || !platform::threads_read_files())
        return false;
    return options.split_at > 0 || (size >= k_split_min_bytes && std::thread::hardware_concurrency() > 1);
}

} // namespace

void layout_detail::read_whole(Opening &o, LoadedFile &out, const LoadOptions &options) {
    SheetBuilder builder(out.file, o.header.map, options, out.encoding);
    read_rows(o, builder);
    out.sheets = builder.finish();
}

LoadedFile stream_file(const std::string &input, const LoadOptions &options, SheetSink &sink, bool guess) {
    LoadedFile out;
    out.file = display_name(input);
    const std::string &path = out.file;
    const Lang lang = options.lang;
    Opening o;
    const std::int64_t size = input == "-" ? -1 : file_size(input);
    if (!layout_detail::open_sheet(RawInput::open(input, lang), out, o, options,
                                   size > 0 ? static_cast<std::size_t>(size) : 0, guess)) {
        // No header: the rest of the guessed bytes was never checked, and
        // the encoding changes what the messages quote. Choose it first.
        if (o.source && o.source->guessed_until() > 0) throw WrongGuess();
        return out;
    }
    SheetBuilder head(path, o.header.map, options, out.encoding, [&](Sheet &s) { sink.sheet(s, 0); });
    head.set_guessed_until(o.source->guessed_until());
    head.set_row_texts(sink.keeps_rows());

    const std::int64_t data_start = static_cast<std::int64_t>(o.source->skipped() + o.reader->consumed());
    std::unique_ptr<RangeInput> before_cut;
    std::int64_t cut = -1;
    if (should_cut(o, options, size, data_start)) {
        before_cut = std::make_unique<RangeInput>(input, data_start, size, lang);
        // The first line break after 52 % of the rows' bytes: the second part
        // first counts the line ends before the cut (about a tenth of the
        // time reading takes), so the first part gets a little more.
        std::int64_t from =
            options.split_at > 0 ? std::max(options.split_at, data_start) : data_start + (size - data_start) * 52 / 100;
        cut = before_cut->line_start_after(from);
        if (cut >= size) cut = -1;
    }
    if (cut < 0) {
        read_rows(o, head);
        head.finish();
        return out;
    }

    // Part 1, from the cut to the end, in its own thread; its builder is
    // made there so that it uses that thread's caches.
    std::optional<SheetBuilder> tail;
    std::exception_ptr tail_error;
    const long start_line = o.reader->line();
    // Records before the data the reader has not handed out: the header
    // block's and those read ahead (replayed by part 0 meanwhile).
    const long records_read = static_cast<long>(o.prefix.size() + o.ahead.size());
    std::thread thread([&] {
        try {
            tail.emplace(path, o.header.map, options, out.encoding, [&](Sheet &s) { sink.sheet(s, 1); });
            tail->read_tail();
            tail->set_guessed_until(o.source->guessed_until());
            tail->set_row_texts(sink.keeps_rows());
            tail->set_header_line(o.prefix[o.header.record].line);
            long quoted = 0;
            long first_line = start_line + before_cut->line_ends_until(cut, quoted);
            tail->set_records(static_cast<long>(o.header.record) + 1,
                              records_read + (first_line - start_line) - quoted);
            RangeInput range(input, cut, size, lang);
            TextReader reader(path, range, lang, first_line, 0, static_cast<std::uint64_t>(cut) - o.source->skipped());
            reader.set_delimiter(o.header.delimiter);
            RecordSpan span;
            while (reader.next(span))
                tail->add(span);
            tail->finish();
        } catch (...) {
            tail_error = std::current_exception();
        }
    });
    // Part 0 here, up to the cut.
    bool cut_between_records = false;
    try {
        head.set_header_line(o.prefix[o.header.record].line);
        head.set_records(static_cast<long>(o.header.record) + 1, static_cast<long>(o.prefix.size()));
        o.reader->set_delimiter(o.header.delimiter);
        // Rows read ahead all lie before the cut (it is at or after data_start).
        layout_detail::replay_ahead(o, [&](const RecordSpan &held) { head.add(held); });
        RecordSpan span;
        auto at = [&] { return static_cast<std::int64_t>(o.source->skipped() + o.reader->consumed()); };
        while (at() < cut && o.reader->next(span))
            head.add(span);
        cut_between_records = at() == cut;
    } catch (...) {
        thread.join();
        throw; // the first error in the file
    }
    thread.join();
    if (cut_between_records && tail_error) std::rethrow_exception(tail_error);
    if (cut_between_records && head.join(*tail)) return out;
    // The cut was inside a quoted cell, or the tail's first rows needed
    // the rows above: read on from here in one pass.
    sink.discard_part(1);
    RecordSpan span;
    while (o.reader->next(span))
        head.add(span);
    head.finish();
    return out;
}

LoadedFile stream_input(std::unique_ptr<RawInput> raw, const std::string &name, const LoadOptions &options,
                        SheetSink &sink) {
    LoadedFile out;
    out.file = name;
    Opening o;
    if (!layout_detail::open_sheet(std::move(raw), out, o, options, 0, false)) return out;
    SheetBuilder builder(out.file, o.header.map, options, out.encoding, [&](Sheet &s) { sink.sheet(s, 0); });
    builder.set_row_texts(sink.keeps_rows());
    read_rows(o, builder);
    builder.finish();
    return out;
}

} // namespace cchc
