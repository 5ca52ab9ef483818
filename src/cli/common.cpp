// Options, pipeline and output shared by the commands (see common.hpp).
#include "common.hpp"
#include "diagnostics.hpp"

#include <cchc/base/error.hpp>
#include <cchc/base/version.hpp>
#include <cchc/layout/workbook_loader.hpp>
#include <cchc/pipeline/run.hpp>
#include <cchc/platform/platform.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <streambuf>
#include <unistd.h>
#include <vector>

namespace cchc::cli {

Lang parse_lang(const std::string &lang) {
    if (lang == "vi") return Lang::vi;
    if (lang == "en") return Lang::en;
    throw Error(fmt::format("--lang: '{}' không phải vi hay en (is not one of vi, en)", lang));
}

std::size_t parse_count(const std::string &text, const NumberRange &range, Lang lang) {
    // Digits only: CLI11 would read -1 as 18446744073709551615 and 010 as 8.
    std::size_t n = 0;
    bool ok = !text.empty() && text.size() <= 9;
    for (char c : text) {
        ok = ok && c >= '0' && c <= '9';
        if (ok) n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    if (ok && n >= range.min && n <= range.max) return n;
    throw Error(fmt::format(fmt::runtime(pick(lang, "{}: '{}' không dùng được; hãy chọn một số nguyên từ {} đến {}",
                                              "{}: '{}' cannot be used; choose a whole number from {} to {}")),
                            range.option, text, range.min, range.max));
}

void settle(CommonOptions &o, std::string_view command) {
    o.lang = parse_lang(o.text.lang);
    const Lang lang = o.lang;
    if (!o.text.width.empty() && o.text.width != "0") // 0: the terminal's, as when not given
        o.width = parse_count(o.text.width, k_width_range, lang);
    if (!o.text.delimiter.empty()) o.delimiter = parse_delimiter(o.text.delimiter, lang);
    o.format = &format_info(o.text.format, lang); // after --delimiter, as before
    if (!o.text.rating.empty()) {
        o.bands = parse_rating_bands(o.text.rating, lang);
        // A threshold is a percentage of the scale: above 100 no unit could reach it.
        for (const RatingBand &band : *o.bands)
            if (band.threshold && *band.threshold > Decimal::from_int(100))
                throw Error(fmt::format(
                    fmt::runtime(pick(lang,
                                      "--rating: ngưỡng {}={} không dùng được; ngưỡng là phần trăm của thang điểm, "
                                      "hãy chọn từ 0 đến 100",
                                      "--rating: the threshold {}={} cannot be used; a threshold is a percentage "
                                      "of the scale, choose 0 to 100")),
                    band.name, band.threshold->format(0)));
    }
    if (!o.text.out_of.empty()) {
        ParsedNumber n = parse_number(o.text.out_of);
        if (n.status != ParsedNumber::Status::ok || n.value.units() <= 0)
            throw Error(fmt::format(fmt::runtime(pick(lang, "--out-of: '{}' không phải số dương (ví dụ --out-of 100)",
                                                      "--out-of: '{}' is not a positive number (e.g. --out-of 100)")),
                                    o.text.out_of));
        if (n.value > Decimal::from_int(10000))
            throw Error(fmt::format(
                fmt::runtime(pick(lang, "--out-of: '{}' không dùng được; hãy chọn một số lớn hơn 0, đến 10000",
                                  "--out-of: '{}' cannot be used; choose a number above 0, up to 10000")),
                o.text.out_of));
        o.out_of = n.value;
    }
    if (o.files.empty()) {
        // As grep and sort do: with no file, a pipe or a redirection is the input.
        if (platform::is_terminal(STDIN_FILENO))
            throw Error(fmt::format(
                fmt::runtime(pick(lang,
                                  "thiếu TỆP: hãy nêu tệp bảng điểm (hoặc thư mục), hoặc chuyển nó vào đầu vào chuẩn: "
                                  "cchc {} < TỆP (xem cchc {} --help)",
                                  "no FILE: name the sheet (or a folder), or give it on standard input: cchc {} < FILE "
                                  "(see cchc {} --help)")),
                command, command));
        o.files = {"-"};
    }
    // CLI11 keeps every argument it gave o.files: a second copy of the paths for the whole run.
    if (o.files_option != nullptr) o.files_option->clear();
}

namespace {

/// NO_COLOR set to anything but the empty string (no-color.org), or TERM=dumb.
bool colour_refused() {
    const char *no_color = std::getenv("NO_COLOR");
    const char *term = std::getenv("TERM");
    return (no_color != nullptr && *no_color != '\0') || (term != nullptr && std::string_view(term) == "dumb");
}

std::size_t terminal_width() {
    if (std::size_t width = platform::terminal_width(STDOUT_FILENO)) return width;
    if (const char *columns = std::getenv("COLUMNS")) {
        long n = std::strtol(columns, nullptr, 10);
        if (n > 20 && n < 10000) return static_cast<std::size_t>(n);
    }
    return 0;
}

bool write_all(int fd, std::string_view text) {
    std::size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        done += static_cast<std::size_t>(n);
    }
    return true;
}

/// An output stream's bytes onto a file descriptor through a 64 KiB
/// buffer. A failed write stops the stream (its badbit is set, later
/// writes are dropped) and keeps errno for the message.
class FdBuffer : public std::streambuf {
public:
    explicit FdBuffer(int fd) : m_fd(fd), m_buffer(64 * 1024) {
        setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
    }
    FdBuffer(const FdBuffer &) = delete;
    FdBuffer &operator=(const FdBuffer &) = delete;

    /// The errno of the write that failed, 0 if none did.
    int error() const { return m_error; }
    /// Writes what is buffered; false when a write failed (now or before).
    bool flush() { return drain() && m_error == 0; }
    /// Forgets what is buffered (a rendering that threw: nothing more goes out).
    void discard() { setp(m_buffer.data(), m_buffer.data() + m_buffer.size()); }

protected:
    int_type overflow(int_type c) override {
        if (!drain()) return traits_type::eof();
        if (!traits_type::eq_int_type(c, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(c);
            pbump(1);
        }
        return traits_type::not_eof(c);
    }
    std::streamsize xsputn(const char *data, std::streamsize n) override {
        if (n <= 0) return 0; // an empty string_view may have no data at all (memcpy must not see it)
        // What does not fit in the buffer goes out directly, the buffer first.
        if (n > epptr() - pptr()) {
            if (!drain()) return 0;
            if (n >= static_cast<std::streamsize>(m_buffer.size()))
                return put(std::string_view(data, static_cast<std::size_t>(n))) ? n : 0;
        }
        std::memcpy(pptr(), data, static_cast<std::size_t>(n));
        pbump(static_cast<int>(n));
        return n;
    }
    int sync() override { return drain() ? 0 : -1; }

private:
    bool drain() {
        const std::size_t size = static_cast<std::size_t>(pptr() - pbase());
        discard();
        return size == 0 || put(std::string_view(m_buffer.data(), size));
    }
    bool put(std::string_view bytes) {
        if (m_error != 0) return false;
        if (write_all(m_fd, bytes)) return true;
        m_error = errno != 0 ? errno : EIO;
        return false;
    }

    int m_fd;
    std::vector<char> m_buffer;
    int m_error = 0;
};

/// Runs `produce` onto `fd`; on an exception, what is buffered is dropped
/// and the exception goes on. Returns 0 or the errno of a failed write.
int stream_to(int fd, const std::function<void(std::ostream &)> &produce) {
    FdBuffer buffer(fd);
    std::ostream out(&buffer);
    try {
        produce(out);
    } catch (...) {
        buffer.discard();
        throw;
    }
    return buffer.flush() ? 0 : buffer.error();
}

} // namespace

CLI::App *add_command(CLI::App &app, const std::string &name, const std::string &description, Lang lang) {
    CLI::App *command = app.add_subcommand(name, description);
    command->group(tr(lang, "Lệnh", "Commands"));
    command->set_help_flag("-h,--help", tr(lang, "in trợ giúp này rồi thoát", "print this help and exit"));
    // `cchc report --version` is asked as often as `cchc --version`.
    command->set_version_flag("--version", "cchc " CCHC_VERSION,
                              tr(lang, "in phiên bản rồi thoát", "print the version and exit"));
    return command;
}

void add_common_options(CLI::App &command, CommonOptions &o, Lang lang) {
    // The positional's name is what the help shows: TỆP in Vietnamese (with no type name beside it).
    o.files_option =
        command
            .add_option(tr(lang, "TỆP", "files"), o.files,
                        tr(lang,
                           "bảng điểm CSV, sổ tính Excel (.xlsx, .xls) hay LibreOffice (.ods), hoặc thư mục; - hoặc "
                           "không có tệp: đọc từ đầu vào chuẩn",
                           "sheets to read: CSV, Excel (.xlsx, .xls) or LibreOffice (.ods) workbooks, or folders; - or "
                           "none: read standard input"))
            ->type_name(tr(lang, "", "FILE"));
    command
        .add_option("--format", o.text.format, tr(lang, "định dạng kết quả: ", "output format: ") + format_names(", "))
        ->default_str("text")
        ->type_name(tr(lang, "ĐỊNH_DẠNG", "FORMAT"));
    command
        .add_option("-o,--output", o.output,
                    tr(lang, "ghi vào TỆP (trọn vẹn, qua tệp tạm) thay vì đầu ra chuẩn",
                       "write to FILE (atomically) instead of standard output"))
        ->type_name(tr(lang, "TỆP", "FILE"));
    command
        .add_option("--lang", o.text.lang,
                    tr(lang, "ngôn ngữ của nhãn, thông báo và trợ giúp: vi, en",
                       "language of labels, messages and help: vi, en"))
        ->default_str("vi")
        ->type_name(tr(lang, "NGÔN_NGỮ", "LANG"));
    command
        .add_option("--out-of", o.text.out_of,
                    tr(lang, "chỉ số = N trừ số điểm bị trừ (bảng chỉ liệt kê nội dung bị trừ điểm)",
                       "the index is N minus the points lost (a deduction sheet)"))
        ->type_name("N");
    command
        .add_option("--unit", o.unit,
                    tr(lang, "tên đơn vị khi tệp không có cột Đơn vị (mặc định: tên tệp)",
                       "unit name when the file has no unit column (default: file name)"))
        ->type_name(tr(lang, "TÊN", "NAME"));
    command
        .add_option(
            "--sheet", o.sheet,
            tr(lang, "chỉ đọc trang tính này của sổ tính (tên hay số thứ tự; mặc định: mọi trang có bảng điểm)",
               "read only this worksheet of a workbook (name or number; default: every one with a score sheet)"))
        ->type_name(tr(lang, "TÊN|SỐ", "NAME|N"));
    command
        .add_option("--delimiter", o.text.delimiter,
                    tr(lang, "dấu phân cách ô: , ; tab | (mặc định: tự nhận biết)",
                       "cell delimiter: , ; tab | (default: detected)"))
        ->type_name(tr(lang, "DẤU", "DELIM"));
    command
        .add_option("--encoding", o.encoding,
                    tr(lang, "bảng mã của tệp, ví dụ WINDOWS-1258 (mặc định: tự nhận biết)",
                       "input encoding, e.g. WINDOWS-1258 (default: detected)"))
        ->type_name(tr(lang, "BẢNG_MÃ", "ENCODING"));
    command
        .add_option(
            "--criteria", o.criteria,
            tr(lang,
               "bộ tiêu chí (code,name,max; CSV hay sổ tính): kiểm tra điểm tối đa và mã, cho thang điểm của chỉ số",
               "criteria catalog (code,name,max; CSV or workbook): checks maxima and codes, gives the index scale"))
        ->type_name(tr(lang, "TỆP", "FILE"));
    command
        .add_option("--rating", o.text.rating,
                    tr(lang, "các mức xếp loại, ví dụ \"Xuất sắc=95,Tốt=90,Khá=80,Trung bình=70,Yếu\"",
                       "rating bands, e.g. \"Xuất sắc=95,Tốt=90,Khá=80,Trung bình=70,Yếu\""))
        ->type_name(tr(lang, "MỨC", "BANDS"));
    command.add_flag("--strict", o.strict,
                     tr(lang, "cảnh báo cũng cho mã thoát 1", "warnings also make the exit status 1"));
    command.add_flag("-q,--quiet", o.quiet,
                     tr(lang,
                        "không in kết quả, chỉ đặt mã thoát (-o TỆP vẫn được ghi; lý do của mã thoát 2 vẫn được in)",
                        "print no results, only set the exit status (-o FILE is still written; the reason for exit "
                        "status 2 is still printed)"));
    command.add_flag("--no-color", o.no_color, tr(lang, "không tô màu kết quả", "never colour the output"));
    command
        .add_option("--width", o.text.width,
                    tr(lang, "text: số cột của bảng, từ 20 đến 10000 (mặc định: chiều rộng màn hình, hoặc COLUMNS)",
                       "text: columns for the tables, 20 to 10000 (default: the terminal's width, or COLUMNS)"))
        ->type_name("N");
    command.add_flag(
        "--bom", o.bom,
        tr(lang, "csv/tsv: thêm BOM UTF-8 ở đầu, cho Excel", "csv/tsv: begin with a UTF-8 BOM, for Excel"));
    command.add_flag(
        "--decimal-comma", o.decimal_comma,
        tr(lang, "ghi số kiểu Việt Nam (91,00); csv/tsv: phân cách ô csv bằng ';', cho bảng tính cài đặt tiếng Việt",
           "write numbers the Vietnamese way (91,00); csv: separate cells with ';', for spreadsheets in a Vietnamese "
           "locale"));
}

RunOptions prepare_run(const CommonOptions &o, std::size_t top, std::vector<TableKind> tables, Run &run,
                       Wanted wanted) {
    RenderOptions &render = run.render;
    render.lang = o.lang;
    render.tables = std::move(tables);
    render.top = top;
    render.bom = o.bom;
    render.decimal_comma = o.decimal_comma;
    if (o.decimal_comma) // text, md, html: "91,00" (csv and xlsx set their own)
        render.numbers.score_separator = render.numbers.percent_separator = ',';
    bool to_terminal = o.output.empty() && platform::is_terminal(STDOUT_FILENO);
    render.color =
        to_terminal && !o.no_color && !colour_refused() && o.format->colors && platform::colour_works(STDOUT_FILENO);
    render.width = o.width > 0 ? o.width : o.output.empty() ? terminal_width() : 0;

    RunOptions options;
    LoadOptions &load = options.load;
    load.unit = o.unit;
    load.sheet = o.sheet;
    load.encoding = o.encoding;
    load.delimiter = o.delimiter;
    if (to_terminal && o.format->binary)
        throw Error(fmt::format(
            fmt::runtime(pick(render.lang,
                              "--format {}: kết quả là tệp nhị phân, không in ra màn hình; hãy dùng -o TỆP.{} "
                              "hoặc chuyển hướng đầu ra (> TỆP.{})",
                              "--format {}: the output is a binary file, not for a terminal; use -o FILE.{} or "
                              "redirect the output (> FILE.{})")),
            o.format->name, o.format->name, o.format->name));
    load.lang = render.lang;

    SummaryOptions &summary = options.summary;
    summary.top = top;
    if (o.bands) summary.bands = *o.bands;
    summary.out_of = o.out_of;
    std::vector<std::string> problems;
    // settle() leaves at least "-": none means a second run of the same options.
    if (o.files.empty()) throw std::logic_error("prepare_run: the options' files were taken by an earlier run");
    options.files = list_inputs(o.files, problems, render.lang);
    o.files = {}; // taken: options.files has them (a folder's sheets listed)
    for (const std::string &problem : problems) {
        Diagnostics::error(problem);
        run.status = k_exit_failure;
    }
    for (const std::string &file : options.files)
        if (!o.output.empty() && file != "-" && platform::same_file(file, o.output))
            throw Error(fmt::format(
                fmt::runtime(pick(render.lang, "--output: '{}' là một trong các tệp đầu vào; hãy chọn tên khác",
                                  "--output: '{}' is one of the input files; choose another name")),
                o.output));

    CheckOptions &check = options.check;
    check.lang = render.lang;
    check.info = wanted.info;
    if (!wanted.findings) check.kept = 0;
    if (!o.criteria.empty()) {
        try {
            run.catalog = std::make_unique<Catalog>(load_catalog(o.criteria, load));
        } catch (const InputError &e) {
            throw Error(fmt::format("{}:{}: {} (--criteria)", e.file(), e.line(), e.what()));
        }
        check.catalog = run.catalog.get();
        // A full catalog knows what the index is out of.
        if (!summary.out_of) summary.out_of = run.catalog->scale();
    }
    // Rows are kept only for outputs that list criteria.
    options.keep_rows =
        wanted.rows &&
        (render.tables.empty() || render.top > 0 ||
         std::find(render.tables.begin(), render.tables.end(), TableKind::criterion) != render.tables.end() ||
         std::find(render.tables.begin(), render.tables.end(), TableKind::owner_tasks) != render.tables.end());
    return options;
}

namespace {

/// The run's files as one block of text and where each ends: a province's
/// 10,000 paths in two allocations while the parts are read, not 10,000
/// strings (memory flat in the number of files).
class PathList {
public:
    explicit PathList(std::vector<std::string> paths) {
        std::size_t bytes = 0;
        for (const std::string &path : paths)
            bytes += path.size();
        m_text.reserve(bytes);
        m_ends.reserve(paths.size());
        for (std::string &path : paths) {
            m_text += path;
            m_ends.push_back(m_text.size());
            path = std::string(); // each copy let go as it is taken
        }
    }
    std::size_t size() const { return m_ends.size(); }
    std::string operator[](std::size_t i) const {
        const std::size_t begin = i == 0 ? 0 : m_ends[i - 1];
        return m_text.substr(begin, m_ends[i] - begin);
    }

private:
    std::string m_text;
    std::vector<std::size_t> m_ends;
};

/// The files in parts of `files_per_part` (0: one part), each read in
/// parallel and handed to `part` in order.
void run_parts(const CommonOptions &o, std::size_t top, std::vector<TableKind> tables, Wanted wanted,
               std::size_t files_per_part, const std::function<void(Run &run, bool last)> &part) {
    Run run;
    RunOptions options = prepare_run(o, top, std::move(tables), run, wanted);
    const RenderOptions &render = run.render;
    const PathList files(std::move(options.files));
    // A part that keeps every criterion row (json, text, md without --by)
    // holds a hundred times more per file: fewer files a part.
    if (files_per_part > 0 && options.keep_rows) files_per_part = std::min(files_per_part, k_files_per_part_with_rows);
    if (files_per_part == 0) files_per_part = std::max<std::size_t>(files.size(), 1);

    std::atomic<std::size_t> done{0};
    options.progress = [&](std::size_t, std::size_t) { ++done; };
    Progress progress(files.size(), done, !o.quiet && files.size() > 1 && platform::is_terminal(STDERR_FILENO),
                      render.lang);
    std::size_t from = 0;
    do {
        const std::size_t to = std::min(files.size(), from + files_per_part);
        options.files.clear();
        for (std::size_t i = from; i < to; ++i)
            options.files.push_back(files[i]);
        RunResult result = cchc::run(options);
        const bool last = to == files.size();
        if (last) progress.stop();
        for (const std::string &failure : result.failures) {
            Diagnostics::error(failure);
            run.status = k_exit_failure;
        }
        run.report = std::move(result.report);
        part(run, last);
        run.report = Report();
        if (!last) platform::release_free_memory(); // the next part then fits where this one was
        from = to;
    } while (from < files.size());
}

} // namespace

Run run_pipeline(const CommonOptions &o, std::size_t top, std::vector<TableKind> tables, Wanted wanted) {
    Run whole;
    run_parts(o, top, std::move(tables), wanted, 0, [&](Run &run, bool) { whole = std::move(run); });
    return whole;
}

int print_in_parts(const CommonOptions &o, std::size_t top, std::vector<TableKind> tables, Wanted wanted,
                   const std::function<Document(Run &run)> &document_of,
                   const std::function<void(const Report &)> &seen) {
    int status = k_exit_ok;
    auto parts = [&](std::ostream *out) {
        std::unique_ptr<Renderer> renderer;
        bool continues = false;
        run_parts(o, top, std::move(tables), wanted, k_files_per_part, [&](Run &run, bool last) {
            status = std::max(status, exit_status(run, o.strict));
            if (seen) seen(run.report);
            if (out == nullptr) return;
            if (!renderer) renderer = o.format->make(run.render);
            Document document = document_of(run);
            document.continues = continues;
            document.continued = !last;
            renderer->print(document, *out);
            continues = true;
        });
    };
    if (o.quiet && o.output.empty()) { // -q -o FILE still writes FILE
        parts(nullptr);
        return status;
    }
    const int written = write_streamed(o.output, o.lang, [&](std::ostream &out) { parts(&out); });
    return written != k_exit_ok ? written : status;
}

int render_and_write(const CommonOptions &o, const RenderOptions &render, int status, const Document &document) {
    const std::unique_ptr<Renderer> renderer = o.format->make(render);
    int written = write_streamed(o.output, o.lang,
                                 [&](std::ostream &out) { renderer->print(document, out); }); // section by section
    return written != k_exit_ok ? written : status;
}

namespace {

/// `word` as one word of a shell command: quoted unless it is plain.
std::string shell_word(const std::string &word) {
    bool plain = !word.empty() && std::all_of(word.begin(), word.end(), [](unsigned char c) {
        return c >= 0x80 || std::isalnum(c) || std::strchr("._/-+,:=@%", c) != nullptr;
    });
    if (plain) return word;
    std::string quoted = "'";
    for (char c : word)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

/// The cchc check command that lists the findings of `file`, read as this run read it.
std::string check_command(const CommonOptions &o, const std::string &file) {
    std::string command = "cchc check";
    if (o.lang == Lang::en) command += " --lang en";
    for (const auto &[option, value] : {std::pair<const char *, const std::string &>{"--criteria", o.criteria},
                                        {"--delimiter", o.text.delimiter},
                                        {"--encoding", o.encoding},
                                        {"--sheet", o.sheet}})
        if (!value.empty()) command += fmt::format(" {} {}", option, shell_word(value));
    return command + " " + shell_word(file);
}

} // namespace

void say_findings_left_out(const CommonOptions &o, const Report &report) {
    if (o.format->lists_findings) return;
    const Diagnostics diagnostics(o.quiet);
    for (const FileReport &file : report.files) {
        const std::size_t errors = file.count(Severity::error);
        const std::size_t warnings = file.count(Severity::warning);
        if (errors == 0 && !(o.strict && warnings > 0)) continue;
        std::string counts;
        if (o.lang == Lang::vi) {
            if (errors > 0) counts = fmt::format("{} lỗi", errors);
            if (warnings > 0) counts += fmt::format("{}{} cảnh báo", counts.empty() ? "" : ", ", warnings);
        } else {
            if (errors > 0) counts = fmt::format("{} error{}", errors, errors == 1 ? "" : "s");
            if (warnings > 0)
                counts += fmt::format("{}{} warning{}", counts.empty() ? "" : ", ", warnings, warnings == 1 ? "" : "s");
        }
        const std::string &name = file.loaded.file;
        diagnostics.say(
            fmt::format(fmt::runtime(pick(o.lang, "cchc: {}: {} không hiện trong kết quả {}; xem bằng lệnh: {}\n",
                                          "cchc: {}: {} not shown in the {} output; list them with: {}\n")),
                        name, counts, o.format->name, check_command(o, name == "<stdin>" ? "-" : name)));
    }
}

int exit_status(const Run &run, bool strict) {
    if (run.status == k_exit_failure) return k_exit_failure;
    for (const FileReport &file : run.report.files)
        if (file.has(Severity::error) || (strict && file.has(Severity::warning))) return k_exit_findings;
    return k_exit_ok;
}

int write_result(std::string_view text, const std::string &output, Lang lang) {
    return write_streamed(
        output, lang, [&](std::ostream &out) { out.write(text.data(), static_cast<std::streamsize>(text.size())); });
}

int write_streamed(const std::string &output, Lang lang, const std::function<void(std::ostream &)> &produce) {
    if (output.empty()) {
        int e = stream_to(STDOUT_FILENO, produce);
        if (e == 0 || e == EPIPE) return k_exit_ok; // EPIPE: the reader has all it wanted
        Diagnostics::error(fmt::format(
            fmt::runtime(pick(lang, "cchc: không ghi được kết quả: {}\n", "cchc: cannot write the output: {}\n")),
            std::strerror(e)));
        return k_exit_failure;
    }
    // A device in place, a file through a new one beside it (platform::OutputFile).
    // On an exception the new file is removed (~OutputFile) and the target
    // stays as it was: no half-written output.
    platform::OutputFile file;
    std::string message = file.open(output, lang);
    if (message.empty()) {
        const int e = stream_to(file.fd(), produce);
        message = e != 0 ? file.write_failed(e) : file.commit();
    }
    if (message.empty()) return k_exit_ok;
    Diagnostics::error(message);
    return k_exit_failure;
}

} // namespace cchc::cli
