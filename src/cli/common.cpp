// Options, pipeline and output shared by the commands (see common.hpp).
#include "common.hpp"
#include "diagnostics.hpp"

#include <cchc/base/error.hpp>
#include <cchc/layout/workbook_loader.hpp>
#include <cchc/pipeline/run.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <sys/ioctl.h>
#include <sys/stat.h>
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
    command.add_option("--format", o.format, tr(lang, "định dạng kết quả: ", "output format: ") + format_names(", "))
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
        .add_option(
            "--sheet", o.sheet,
            tr(lang, "chỉ đọc trang tính này của sổ tính (tên hay số thứ tự; mặc định: mọi trang có bảng điểm)",
               "read only this worksheet of a workbook (name or number; default: every one with a score sheet)"))
        ->type_name("NAME|N");
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
    command
        .add_option("--width", o.width,
                    tr(lang, "text: số cột của bảng (mặc định: chiều rộng màn hình, hoặc COLUMNS)",
                       "text: columns for the tables (default: the terminal's width, or COLUMNS)"))
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
    render.lang = parse_lang(o.lang);
    render.tables = std::move(tables);
    render.top = top;
    render.bom = o.bom;
    render.decimal_comma = o.decimal_comma;
    if (o.decimal_comma) // text, md, html: "91,00" (csv and xlsx set their own)
        render.numbers.score_separator = render.numbers.percent_separator = ',';
    bool to_terminal = o.output.empty() && ::isatty(STDOUT_FILENO);
    const FormatInfo *format = find_format(o.format); // a wrong name is reported below, after --delimiter
    render.color =
        to_terminal && !o.no_color && std::getenv("NO_COLOR") == nullptr && format != nullptr && format->colors;
    if (o.width > 0 && (o.width < 20 || o.width > 10000))
        throw Error(
            fmt::format(fmt::runtime(pick(render.lang, "--width: {} cột không dùng được; hãy chọn từ 20 đến 10000",
                                          "--width: {} columns cannot be used; choose 20 to 10000")),
                        o.width));
    render.width = o.width > 0 ? o.width : o.output.empty() ? terminal_width() : 0;
    const Diagnostics diagnostics(o.quiet);

    RunOptions options;
    LoadOptions &load = options.load;
    load.unit = o.unit;
    load.sheet = o.sheet;
    load.encoding = o.encoding;
    load.delimiter = o.delimiter.empty() ? 0 : parse_delimiter(o.delimiter, render.lang);
    make_renderer(o.format, render); // a wrong --format stops before any file is read
    if (to_terminal && format->binary)
        throw Error(fmt::format(
            fmt::runtime(pick(render.lang,
                              "--format {}: kết quả là tệp nhị phân, không in ra màn hình; hãy dùng -o TỆP.{} "
                              "hoặc chuyển hướng đầu ra (> TỆP.{})",
                              "--format {}: the output is a binary file, not for a terminal; use -o FILE.{} or "
                              "redirect the output (> FILE.{})")),
            o.format, o.format, o.format));
    load.lang = render.lang;

    SummaryOptions &summary = options.summary;
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
    std::vector<std::string> problems;
    options.files = list_inputs(o.files, problems, render.lang);
    for (const std::string &problem : problems) {
        diagnostics.say(problem);
        run.status = k_exit_failure;
    }
    for (const std::string &file : options.files)
        if (!o.output.empty() && file != "-" && same_file(file, o.output))
            throw Error(fmt::format(
                fmt::runtime(pick(render.lang, "--output: '{}' là một trong các tệp đầu vào; hãy chọn tên khác",
                                  "--output: '{}' is one of the input files; choose another name")),
                o.output));

    CheckOptions &check = options.check;
    check.lang = render.lang;
    check.info = wanted.info;
    if (!o.criteria.empty()) {
        // A catalog is read as CSV only: a workbook would read as bytes with NUL.
        if (o.criteria != "-" && file_starts_like_workbook(o.criteria, render.lang))
            throw Error(fmt::format(
                fmt::runtime(pick(render.lang,
                                  "--criteria: {} là một sổ tính; bộ tiêu chí cần là CSV (code,name,max): hãy lưu "
                                  "trang tính đó thành CSV UTF-8",
                                  "--criteria: {} is a workbook; a catalog must be CSV (code,name,max): save its "
                                  "worksheet as CSV UTF-8")),
                o.criteria));
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
        (format_info(o.format, render.lang).keeps_rows || render.tables.empty() || render.top > 0 ||
         std::find(render.tables.begin(), render.tables.end(), TableKind::criterion) != render.tables.end() ||
         std::find(render.tables.begin(), render.tables.end(), TableKind::owner_tasks) != render.tables.end());
    return options;
}

Run run_pipeline(const CommonOptions &o, std::size_t top, std::vector<TableKind> tables, Wanted wanted) {
    Run run;
    RunOptions options = prepare_run(o, top, std::move(tables), run, wanted);
    const RenderOptions &render = run.render;
    const Diagnostics diagnostics(o.quiet);

    std::atomic<std::size_t> done{0};
    options.progress = [&](std::size_t, std::size_t) { ++done; };
    Progress progress(options.files.size(), done, !o.quiet && options.files.size() > 1 && ::isatty(STDERR_FILENO),
                      render.lang);
    RunResult result = cchc::run(options);
    progress.stop();
    for (const std::string &failure : result.failures) {
        diagnostics.say(failure);
        run.status = k_exit_failure;
    }
    run.report = std::move(result.report);
    return run;
}

int render_and_write(const CommonOptions &o, const RenderOptions &render, int status, const Document &document) {
    std::ostringstream text;
    make_renderer(o.format, render)->print(document, text);
    int written = write_result(o, text.view()); // no copy of a large output
    return written != k_exit_ok ? written : status;
}

int exit_status(const Run &run, bool strict) {
    if (run.status == k_exit_failure) return k_exit_failure;
    for (const FileReport &file : run.report.files)
        if (file.has(Severity::error) || (strict && file.has(Severity::warning))) return k_exit_findings;
    return k_exit_ok;
}

int write_result(const CommonOptions &o, std::string_view text) {
    const Lang lang = parse_lang(o.lang);
    const Diagnostics diagnostics(o.quiet);
    if (o.output.empty()) {
        if (!write_all(STDOUT_FILENO, text)) {
            if (errno == EPIPE) return k_exit_ok; // the reader has all it wanted
            diagnostics.say(fmt::format(
                fmt::runtime(pick(lang, "cchc: không ghi được kết quả: {}\n", "cchc: cannot write the output: {}\n")),
                std::strerror(errno)));
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
        diagnostics.say(
            fmt::format(fmt::runtime(pick(lang, "cchc: không ghi được '{}': {}\n", "cchc: cannot write '{}': {}\n")),
                        o.output, std::strerror(e)));
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
        diagnostics.say(
            fmt::format(fmt::runtime(pick(lang, "cchc: không ghi được '{}': {} (kiểm tra thư mục có và ghi được)\n",
                                          "cchc: cannot write '{}': {} (check the folder exists and is writable)\n")),
                        o.output, std::strerror(errno)));
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
        diagnostics.say(
            fmt::format(fmt::runtime(pick(lang, "cchc: không ghi được '{}': {}\n", "cchc: cannot write '{}': {}\n")),
                        o.output, std::strerror(e)));
        return k_exit_failure;
    }
    return k_exit_ok;
}

} // namespace cchc::cli
