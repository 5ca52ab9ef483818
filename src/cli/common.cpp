// Options, pipeline and output shared by the commands (see common.hpp).
#include "common.hpp"

#include <cchc/base/error.hpp>
#include <cchc/checks/checks.hpp>
#include <cchc/model/loader.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <sstream>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace cchc::cli {

Lang parse_lang(const std::string &lang) {
    if (lang == "vi") return Lang::vi;
    if (lang == "en") return Lang::en;
    throw Error(fmt::format("--lang: '{}' không phải vi hay en (is not one of vi, en)", lang));
}

namespace {

std::size_t terminal_width() {
    struct winsize ws {};
    if (::isatty(STDOUT_FILENO) && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
    if (const char *columns = std::getenv("COLUMNS")) {
        long n = std::strtol(columns, nullptr, 10);
        if (n > 20 && n < 10000) return static_cast<std::size_t>(n);
    }
    return 0;
}

bool same_file(const std::string &a, const std::string &b) {
    struct stat sa {
    }, sb{};
    if (::stat(a.c_str(), &sa) != 0 || ::stat(b.c_str(), &sb) != 0) return false;
    return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
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

struct FileOutcome {
    FileReport report;
    std::string error; ///< the message for standard error when the file could not be read
};

/// Summarises and checks each sheet of a streamed file as soon as it is
/// complete, and drops its rows unless the output lists criteria, so memory
/// does not grow with the rows.
class ReportSink : public SheetSink {
public:
    ReportSink(const SummaryOptions &summary, const CheckOptions &check, bool keep_rows)
        : m_summary(summary), m_check(check), m_keep_rows(keep_rows) {
        m_summary.criteria = keep_rows; // dropped with the rows otherwise
    }

    void sheet(Sheet &sheet, int part) override {
        Part &p = m_parts[part];
        SheetSummary s = summarise(sheet, m_summary);
        s.findings = check_sheet(sheet, m_check);
        keep_first_findings(s.findings, p.stored, p.dropped);
        if (m_keep_rows) {
            p.sheets.push_back(std::move(sheet));
        } else {
            s.owners.shrink_to_fit();
            s.domains.shrink_to_fit();
            std::vector<Row> rows = std::move(sheet.rows);
            p.sheets.push_back(std::move(sheet));
            sheet.rows = std::move(rows); // the loader reuses them
        }
        p.summaries.push_back(std::move(s));
    }

    void discard_part(int part) override { m_parts[part] = Part(); }
    bool keeps_rows() const override { return m_keep_rows; }

    FileReport report(LoadedFile loaded) {
        FileReport file;
        file.loaded = std::move(loaded);
        std::size_t stored = 0;
        DroppedFindings dropped;
        for (Part &p : m_parts) {
            for (std::size_t i = 0; i < p.sheets.size(); ++i) {
                file.loaded.sheets.push_back(std::move(p.sheets[i]));
                keep_first_findings(p.summaries[i].findings, stored, dropped);
                file.sheets.push_back(std::move(p.summaries[i]));
            }
            // A part drops findings only once it holds the first ones.
            if (p.dropped.count > 0) {
                if (dropped.count == 0) dropped.first_line = p.dropped.first_line;
                dropped.count += p.dropped.count;
                dropped.worst = std::max(dropped.worst, p.dropped.worst);
            }
        }
        for (std::size_t i = 0; i < file.sheets.size(); ++i)
            file.sheets[i].sheet = &file.loaded.sheets[i];
        file.findings = check_file(file.loaded, m_check.lang);
        file.limit_findings(k_max_findings_per_file, m_check.lang, dropped);
        return file;
    }

private:
    struct Part {
        std::vector<Sheet> sheets;
        std::vector<SheetSummary> summaries;
        std::size_t stored = 0; // findings kept so far
        DroppedFindings dropped;
    };

    /// The first k_max_findings_per_file are enough to cut the list later
    /// with the file's own findings in front; the rest are only counted.
    static void keep_first_findings(std::vector<Finding> &findings, std::size_t &stored, DroppedFindings &dropped) {
        std::size_t room = k_max_findings_per_file - std::min(stored, k_max_findings_per_file);
        for (std::size_t i = room; i < findings.size(); ++i)
            dropped.add(findings[i]);
        if (findings.size() > room) findings.resize(room);
        stored += findings.size();
    }

    SummaryOptions m_summary;
    const CheckOptions &m_check;
    bool m_keep_rows;
    Part m_parts[2];
};

bool is_regular_file(const std::string &path) {
    struct stat st {};
    return path != "-" && ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

/// One file through the whole pipeline. Never throws: a file that cannot be
/// read comes back as its message.
FileOutcome process_file(const std::string &path, const LoadOptions &load, const SummaryOptions &summary,
                         const CheckOptions &check, bool keep_rows) {
    FileOutcome out;
    try {
        if (is_regular_file(path)) {
            try {
                ReportSink sink(summary, check, keep_rows);
                LoadedFile loaded = stream_file(path, load, sink);
                out.report = sink.report(std::move(loaded));
                return out;
            } catch (const NotContiguous &) {
                // Read again, keeping every sheet open to the end.
            }
        }
        FileReport &file = out.report;
        file = FileReport();
        file.loaded = load_file(path, load);
        file.findings = check_file(file.loaded, check.lang);
        for (const Sheet &sheet : file.loaded.sheets) {
            SheetSummary s = summarise(sheet, summary);
            s.findings = check_sheet(sheet, check);
            file.sheets.push_back(std::move(s));
        }
        file.limit_findings(k_max_findings_per_file, check.lang);
    } catch (const InputError &e) {
        out.error = fmt::format("{}:{}: error: {}\n", e.file(), e.line(), e.what());
    } catch (const Error &e) {
        out.error = fmt::format("cchc: {}\n", e.what());
    } catch (const std::bad_alloc &) {
        out.error = fmt::format("{}: error: not enough memory to read this file\n", display_name(path));
    } catch (const std::exception &e) {
        out.error =
            fmt::format("{}: internal error: {} (please report it with this file)\n", display_name(path), e.what());
    }
    return out;
}

bool is_sheet_name(const std::filesystem::path &path) {
    std::string ext = path.extension().string();
    for (char &c : ext)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return ext == ".csv" || ext == ".tsv" || ext == ".txt";
}

/// Folders stand for the *.csv, *.tsv and *.txt files below them, in name
/// order; other names are kept as they are (and fail later if unreadable).
std::vector<std::string> expand_inputs(const std::vector<std::string> &inputs, int &status, bool quiet, Lang lang) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    for (const std::string &input : inputs) {
        std::error_code ec;
        if (input == "-" || !fs::is_directory(input, ec)) {
            files.push_back(input);
            continue;
        }
        std::vector<std::string> found;
        fs::recursive_directory_iterator it(input, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end; it.increment(ec))
            if (it->is_regular_file(ec) && is_sheet_name(it->path())) found.push_back(it->path().string());
        if (ec) {
            if (!quiet)
                std::cerr << fmt::format(fmt::runtime(pick(lang, "cchc: {}: không đọc được thư mục: {}\n",
                                                           "cchc: {}: cannot read the folder: {}\n")),
                                         input, ec.message());
            status = k_exit_failure;
        }
        if (found.empty() && !ec) {
            if (!quiet)
                std::cerr << fmt::format(
                    fmt::runtime(pick(lang, "cchc: {}: thư mục không có bảng điểm .csv, .tsv hay .txt nào\n",
                                      "cchc: {}: no .csv, .tsv or .txt sheets in this folder\n")),
                    input);
            status = k_exit_failure;
        }
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

/// A progress line on standard error ("đã đọc 120/10000 tệp") for a run
/// that takes more than a second on a terminal; erased when the run ends.
class Progress {
public:
    Progress(std::size_t total, const std::atomic<std::size_t> &done, bool enabled, Lang lang)
        : m_total(total), m_done(done), m_lang(lang) {
        if (enabled) m_thread = std::thread([this] { loop(); });
    }
    ~Progress() { stop(); }
    Progress(const Progress &) = delete;
    Progress &operator=(const Progress &) = delete;

    void stop() {
        {
            std::lock_guard<std::mutex> lock(m_mutex);
            m_stopped = true;
        }
        m_wake.notify_all();
        if (m_thread.joinable()) m_thread.join();
    }

private:
    void loop() {
        std::unique_lock<std::mutex> lock(m_mutex);
        if (m_wake.wait_for(lock, std::chrono::seconds(1), [this] { return m_stopped; })) return;
        bool shown = false;
        while (!m_stopped) {
            std::cerr << fmt::format(fmt::runtime(pick(m_lang, "\rcchc: đã đọc {}/{} tệp", "\rcchc: read {}/{} files")),
                                     m_done.load(), m_total)
                      << std::flush;
            shown = true;
            m_wake.wait_for(lock, std::chrono::milliseconds(200), [this] { return m_stopped; });
        }
        if (shown) std::cerr << "\r\x1b[K" << std::flush;
    }

    std::size_t m_total;
    const std::atomic<std::size_t> &m_done;
    Lang m_lang;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopped = false;
    std::thread m_thread;
};

} // namespace

CLI::App *add_command(CLI::App &app, const std::string &name, const std::string &description, Lang lang) {
    CLI::App *command = app.add_subcommand(name, description);
    command->group(tr(lang, "Lệnh", "Commands"));
    command->set_help_flag("-h,--help", tr(lang, "in trợ giúp này rồi thoát", "print this help and exit"));
    return command;
}

void add_common_options(CLI::App &command, CommonOptions &o, Lang lang) {
    command
        .add_option("files", o.files,
                    tr(lang, "tệp bảng điểm CSV (hoặc thư mục); - đọc từ đầu vào chuẩn",
                       "CSV sheets (or folders) to read; - reads standard input"))
        ->required()
        ->type_name("FILE");
    command
        .add_option("--format", o.format,
                    tr(lang, "định dạng kết quả: text, md, csv, tsv, json", "output format: text, md, csv, tsv, json"))
        ->default_str("text")
        ->type_name("FORMAT");
    command
        .add_option("-o,--output", o.output,
                    tr(lang, "ghi vào FILE (trọn vẹn, qua tệp tạm) thay vì đầu ra chuẩn",
                       "write to FILE (atomically) instead of standard output"))
        ->type_name("FILE");
    command
        .add_option("--lang", o.lang,
                    tr(lang, "ngôn ngữ của nhãn, thông báo và trợ giúp: vi, en",
                       "language of labels, messages and help: vi, en"))
        ->default_str("vi")
        ->type_name("LANG");
    command
        .add_option("--out-of", o.out_of,
                    tr(lang, "chỉ số = N trừ số điểm bị trừ (bảng chỉ liệt kê nội dung bị trừ điểm)",
                       "the index is N minus the points lost (a deduction sheet)"))
        ->type_name("N");
    command
        .add_option("--unit", o.unit,
                    tr(lang, "tên đơn vị khi tệp không có cột Đơn vị (mặc định: tên tệp)",
                       "unit name when the file has no unit column (default: file name)"))
        ->type_name("NAME");
    command
        .add_option("--delimiter", o.delimiter,
                    tr(lang, "dấu phân cách ô: , ; tab | (mặc định: tự nhận biết)",
                       "cell delimiter: , ; tab | (default: detected)"))
        ->type_name("DELIM");
    command
        .add_option("--encoding", o.encoding,
                    tr(lang, "bảng mã của tệp, ví dụ WINDOWS-1258 (mặc định: tự nhận biết)",
                       "input encoding, e.g. WINDOWS-1258 (default: detected)"))
        ->type_name("ENCODING");
    command
        .add_option("--criteria", o.criteria,
                    tr(lang, "bộ tiêu chí CSV (code,name,max): kiểm tra điểm tối đa và mã, cho thang điểm của chỉ số",
                       "criteria catalog CSV (code,name,max): checks maxima and codes, gives the index scale"))
        ->type_name("FILE");
    command
        .add_option("--rating", o.rating,
                    tr(lang, "các mức xếp loại, ví dụ \"Xuất sắc=95,Tốt=90,Khá=80,Trung bình=70,Yếu\"",
                       "rating bands, e.g. \"Xuất sắc=95,Tốt=90,Khá=80,Trung bình=70,Yếu\""))
        ->type_name("BANDS");
    command.add_flag("--strict", o.strict,
                     tr(lang, "cảnh báo cũng cho mã thoát 1", "warnings also make the exit status 1"));
    command.add_flag("-q,--quiet", o.quiet,
                     tr(lang, "không in gì, chỉ đặt mã thoát", "print nothing; only set the exit status"));
    command.add_flag("--no-color", o.no_color, tr(lang, "không tô màu kết quả", "never colour the output"));
    command.add_flag(
        "--bom", o.bom,
        tr(lang, "csv/tsv: thêm BOM UTF-8 ở đầu, cho Excel", "csv/tsv: begin with a UTF-8 BOM, for Excel"));
    command.add_flag(
        "--decimal-comma", o.decimal_comma,
        tr(lang, "csv/tsv: ghi 96,56 và phân cách ô csv bằng ';', cho bảng tính cài đặt tiếng Việt",
           "csv/tsv: write 96,56 and separate csv cells with ';', for spreadsheets in a Vietnamese locale"));
}

Run run_pipeline(const CommonOptions &o, std::size_t top, std::vector<TableKind> tables) {
    Run run;
    RenderOptions &render = run.render;
    render.lang = parse_lang(o.lang);
    render.tables = std::move(tables);
    render.top = top;
    render.bom = o.bom;
    render.decimal_comma = o.decimal_comma;
    bool to_terminal = o.output.empty() && ::isatty(STDOUT_FILENO);
    render.color = to_terminal && !o.no_color && std::getenv("NO_COLOR") == nullptr && o.format == "text";
    render.width = o.output.empty() ? terminal_width() : 0;

    LoadOptions load;
    load.unit = o.unit;
    load.encoding = o.encoding;
    load.delimiter = o.delimiter.empty() ? 0 : parse_delimiter(o.delimiter, render.lang);
    make_renderer(o.format, render); // a wrong --format stops before any file is read
    load.lang = render.lang;

    SummaryOptions summary;
    summary.top = top;
    if (!o.rating.empty()) summary.bands = parse_rating_bands(o.rating, render.lang);
    if (!o.out_of.empty()) {
        ParsedNumber n = parse_number(o.out_of);
        if (n.status != ParsedNumber::Status::ok || n.value.units() <= 0)
            throw Error(
                fmt::format(fmt::runtime(pick(render.lang, "--out-of: '{}' không phải số dương (ví dụ --out-of 100)",
                                              "--out-of: '{}' is not a positive number (e.g. --out-of 100)")),
                            o.out_of));
        summary.out_of = n.value;
    }
    std::vector<std::string> files = expand_inputs(o.files, run.status, o.quiet, render.lang);
    for (const std::string &file : files)
        if (!o.output.empty() && file != "-" && same_file(file, o.output))
            throw Error(fmt::format(
                fmt::runtime(pick(render.lang, "--output: '{}' là một trong các tệp đầu vào; hãy chọn tên khác",
                                  "--output: '{}' is one of the input files; choose another name")),
                o.output));

    CheckOptions check;
    check.lang = render.lang;
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
    bool keep_rows = o.format == "json" || render.tables.empty() || render.top > 0 ||
                     std::find(render.tables.begin(), render.tables.end(), TableKind::criterion) != render.tables.end();
    // Files are read in parallel; results and messages keep the order the
    // files were named in.
    std::vector<FileOutcome> outcomes(files.size());
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < files.size(); i = next++) {
            outcomes[i] = process_file(files[i], load, summary, check, keep_rows);
            ++done;
        }
    };
    Progress progress(files.size(), done, !o.quiet && files.size() > 1 && ::isatty(STDERR_FILENO), render.lang);
    std::size_t threads = std::min<std::size_t>(files.size(), std::max(1u, std::thread::hardware_concurrency()));
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (std::thread &t : pool)
        t.join();
    progress.stop();

    for (FileOutcome &outcome : outcomes) {
        if (outcome.error.empty()) {
            run.report.files.push_back(std::move(outcome.report));
            continue;
        }
        if (!o.quiet) std::cerr << outcome.error;
        run.status = k_exit_failure;
    }
    return run;
}

int render_and_write(const CommonOptions &o, const RenderOptions &render, int status,
                     const std::function<void(const Renderer &, std::ostream &)> &draw) {
    std::ostringstream text;
    draw(*make_renderer(o.format, render), text);
    int written = write_result(o, text.view()); // no copy of a large output
    return written != k_exit_ok ? written : status;
}

int exit_status(const Run &run, bool strict) {
    if (run.status == k_exit_failure) return k_exit_failure;
    for (const FileReport &file : run.report.files) {
        auto findings = file.all_findings();
        if (has_severity(findings, Severity::error)) return k_exit_findings;
        if (strict && has_severity(findings, Severity::warning)) return k_exit_findings;
    }
    return k_exit_ok;
}

int write_result(const CommonOptions &o, std::string_view text) {
    const Lang lang = parse_lang(o.lang);
    if (o.output.empty()) {
        if (!write_all(STDOUT_FILENO, text)) {
            if (errno == EPIPE) return k_exit_ok; // the reader has all it wanted
            std::cerr << fmt::format(
                fmt::runtime(pick(lang, "cchc: không ghi được kết quả: {}\n", "cchc: cannot write the output: {}\n")),
                std::strerror(errno));
            return k_exit_failure;
        }
        return k_exit_ok;
    }
    // A device or a pipe (/dev/stdout, /dev/full, a FIFO) is written in
    // place: renaming over it would replace the device with a file.
    struct stat st {};
    if (::stat(o.output.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        int fd = ::open(o.output.c_str(), O_WRONLY | O_CLOEXEC);
        bool ok = fd >= 0 && write_all(fd, text);
        int e = errno;
        if (fd >= 0 && ::close(fd) != 0 && ok) {
            ok = false;
            e = errno;
        }
        if (ok) return k_exit_ok;
        std::cerr << fmt::format(
            fmt::runtime(pick(lang, "cchc: không ghi được '{}': {}\n", "cchc: cannot write '{}': {}\n")), o.output,
            std::strerror(e));
        return k_exit_failure;
    }
    // Write beside the target (through a symbolic link, beside what it
    // points to) and rename, so the target is either the old file or the
    // whole new one, never half of it.
    std::string target = o.output;
    if (char *resolved = ::realpath(o.output.c_str(), nullptr)) {
        target = resolved;
        std::free(resolved);
    }
    std::string tmp = target + ".cchc-XXXXXX";
    int fd = ::mkstemp(tmp.data());
    if (fd < 0) {
        std::cerr << fmt::format(
            fmt::runtime(pick(lang, "cchc: không ghi được '{}': {} (kiểm tra thư mục có và ghi được)\n",
                              "cchc: cannot write '{}': {} (check the folder exists and is writable)\n")),
            o.output, std::strerror(errno));
        return k_exit_failure;
    }
    ::fchmod(fd, 0644);
    bool ok = write_all(fd, text) && ::fsync(fd) == 0;
    int e = errno;
    ok = (::close(fd) == 0) && ok;
    if (ok && ::rename(tmp.c_str(), target.c_str()) != 0) {
        ok = false;
        e = errno;
    }
    if (!ok) {
        ::unlink(tmp.c_str());
        std::cerr << fmt::format(
            fmt::runtime(pick(lang, "cchc: không ghi được '{}': {}\n", "cchc: cannot write '{}': {}\n")), o.output,
            std::strerror(e));
        return k_exit_failure;
    }
    return k_exit_ok;
}

} // namespace cchc::cli
