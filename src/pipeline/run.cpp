// The pipeline over the named files (see pipeline/run.hpp).
#include <cchc/base/error.hpp>
#include <cchc/input/workbook/workbook.hpp>
#include <cchc/layout/workbook_loader.hpp>
#include <cchc/pipeline/run.hpp>
#include <cchc/platform/platform.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <new>
#include <optional>
#include <thread>

namespace cchc {

namespace {

/// The findings about the file as a whole, info ones only when asked for.
std::vector<Finding> file_findings(const LoadedFile &loaded, const CheckOptions &check) {
    std::vector<Finding> findings = check_file(loaded, check.lang);
    if (!check.info) std::erase_if(findings, [](const Finding &f) { return f.severity == Severity::info; });
    return findings;
}

/// Summarises and checks each sheet of a streamed file as soon as it is
/// complete, keeps its first findings within the budget, and drops its
/// rows unless the output lists criteria, so memory does not grow with the
/// rows. The two parts of a file read at once (see SheetSink) each have
/// their own list, joined in order at the end.
class ReportSink : public SheetSink {
public:
    ReportSink(const RunOptions &options) : m_summary(options.summary), m_check(options.check) {
        m_keep_rows = options.keep_rows;
        for (Part &p : m_parts)
            p.budget = FindingsBudget(m_check.kept);
        m_summary.criteria = m_keep_rows; // dropped with the rows otherwise
    }

    void sheet(Sheet &sheet, int part) override {
        Part &p = m_parts[part];
        SheetSummary s = summarise(sheet, m_summary);
        s.findings = check_sheet(sheet, m_check, p.budget);
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

    void discard_part(int part) override {
        m_parts[part] = Part();
        m_parts[part].budget = FindingsBudget(m_check.kept);
    }
    bool keeps_rows() const override { return m_keep_rows; }

    /// The file's findings in print order, held to one budget: its own,
    /// then each part's sheets, each part's budget having counted what it
    /// left out after its own.
    FileReport report(LoadedFile loaded) {
        FileReport file;
        file.loaded = std::move(loaded);
        file.findings = file_findings(file.loaded, m_check);
        FindingsBudget budget(m_check.kept);
        budget.take(file.findings);
        for (Part &p : m_parts) {
            for (std::size_t i = 0; i < p.sheets.size(); ++i) {
                file.loaded.sheets.push_back(std::move(p.sheets[i]));
                budget.take(p.summaries[i].findings);
                file.sheets.push_back(std::move(p.summaries[i]));
            }
            budget.count(p.budget.dropped());
        }
        for (std::size_t i = 0; i < file.sheets.size(); ++i)
            file.sheets[i].sheet = &file.loaded.sheets[i];
        file.close_budget(budget, m_check.lang);
        return file;
    }

private:
    struct Part {
        std::vector<Sheet> sheets;
        std::vector<SheetSummary> summaries;
        FindingsBudget budget;
    };

    SummaryOptions m_summary;
    const CheckOptions &m_check;
    bool m_keep_rows = true;
    Part m_parts[2];
};

bool is_regular_file(const std::string &path) {
    return path != "-" && platform::status(path).regular;
}

FileReport whole_file_report(LoadedFile loaded, const RunOptions &options) {
    FileReport file;
    file.loaded = std::move(loaded);
    file.findings = file_findings(file.loaded, options.check);
    FindingsBudget budget(options.check.kept); // in print order: the file's findings, then each sheet's
    budget.take(file.findings);
    for (const Sheet &sheet : file.loaded.sheets) {
        SheetSummary s = summarise(sheet, options.summary);
        s.findings = check_sheet(sheet, options.check, budget);
        file.sheets.push_back(std::move(s));
    }
    file.close_budget(budget, options.check.lang);
    return file;
}

} // namespace

FileReport process_input(std::unique_ptr<RawInput> raw, const std::string &name, const RunOptions &options) {
    return whole_file_report(load_input(std::move(raw), name, options.load), options);
}

std::string failure_line(const std::string &path) {
    try {
        throw;
    } catch (const InputError &e) {
        return fmt::format("{}:{}: error: {}\n", e.file(), e.line(), e.what());
    } catch (const Error &e) {
        return fmt::format("cchc: {}\n", e.what());
    } catch (const std::bad_alloc &) {
        return fmt::format("{}: error: not enough memory to read this file\n", display_name(path));
    } catch (const std::exception &e) {
        return fmt::format("{}: internal error: {} (please report it with this file)\n", display_name(path), e.what());
    }
}

namespace {

/// A workbook's worksheets, each as the text of its rows, streamed: each
/// sheet is checked and summarised as soon as it is complete, its rows
/// dropped unless the output lists criteria. A unit whose rows come back
/// after another's: the workbook is read whole.
FileReport workbook_file_report(const std::string &bytes, const std::string &name, const RunOptions &options) {
    try {
        ReportSink sink(options);
        std::string only_unit;
        LoadedFile loaded = stream_workbook(bytes, name, options.load, sink, only_unit);
        FileReport report = sink.report(std::move(loaded));
        // The workbook's only score sheet is the file's, as a CSV file's is.
        if (!only_unit.empty())
            for (Sheet &sheet : report.loaded.sheets)
                if (sheet.unit == only_unit) sheet.unit = file_stem(name);
        return report;
    } catch (const NotContiguous &) {
        return whole_file_report(load_workbook(bytes, name, options.load), options);
    }
}

/// A workbook, known by its bytes, is read into memory. A regular file is
/// peeked at (and read as before when it is no workbook); standard input
/// or a FIFO is opened once, its first bytes given again to the CSV reader.
std::optional<FileReport> workbook_report(const std::string &path, const RunOptions &options) {
    const Lang lang = options.load.lang;
    if (is_regular_file(path)) {
        if (file_starts_like_workbook(path, lang)) {
            std::unique_ptr<RawInput> raw = RawInput::open(path, lang);
            std::string bytes;
            take_workbook(raw, bytes);
            return workbook_file_report(bytes, path, options);
        }
        if (has_workbook_extension(path)) throw Error(not_a_workbook_by_bytes_message(path, lang));
        return std::nullopt;
    }
    std::unique_ptr<RawInput> raw = RawInput::open(path, lang);
    std::string bytes;
    if (!take_workbook(raw, bytes)) return process_input(std::move(raw), display_name(path), options);
    return workbook_file_report(bytes, display_name(path), options);
}

} // namespace

FileReport process_file(const std::string &path, const RunOptions &options) {
    if (std::optional<FileReport> report = workbook_report(path, options)) return std::move(*report);
    // The ways to read a file, cheapest first. Each later one is taken only
    // when the one before found it could not go on: the first 64 KiB were
    // UTF-8 but a later byte is not (the encoding must be chosen before
    // reading), or a unit's rows come back after another unit's (every
    // sheet must stay open to the end).
    enum class Way { stream_guessing_utf8, stream, whole };
    Way way = is_regular_file(path) ? Way::stream_guessing_utf8 : Way::whole;
    for (;;) {
        try {
            if (way == Way::whole) return whole_file_report(load_file(path, options.load), options);
            ReportSink sink(options);
            LoadedFile loaded = stream_file(path, options.load, sink, way == Way::stream_guessing_utf8);
            return sink.report(std::move(loaded));
        } catch (const WrongGuess &) {
            way = Way::stream;
        } catch (const NotContiguous &) {
            way = Way::whole;
        }
    }
}

RunResult run(const RunOptions &options) {
    const std::vector<std::string> &files = options.files;
    std::vector<FileReport> reports(files.size());
    std::vector<std::string> failures(files.size());
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> done{0};
    auto worker = [&] {
        for (std::size_t i = next++; i < files.size(); i = next++) {
            try {
                reports[i] = process_file(files[i], options);
            } catch (...) {
                failures[i] = failure_line(files[i]);
            }
            std::size_t n = ++done;
            if (options.progress) options.progress(n, files.size());
        }
    };
    // Files are read in parallel; results keep the order the files were named in.
    // (One file needs no count of the cores: reading it from /sys is a
    // noticeable part of a one-sheet run.)
    std::size_t cores = files.size() <= 1 || !platform::threads_read_files() ? 1
                        : options.threads > 0                                ? options.threads
                                              : std::max(1u, std::thread::hardware_concurrency());
    std::size_t threads = std::min(files.size(), cores);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t)
        pool.emplace_back(worker);
    worker();
    for (std::thread &t : pool)
        t.join();

    RunResult result;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (failures[i].empty())
            result.report.files.push_back(std::move(reports[i]));
        else
            result.failures.push_back(std::move(failures[i]));
    }
    return result;
}

const std::vector<std::string_view> &sheet_extensions() {
    static const std::vector<std::string_view> extensions = {"csv", "tsv", "txt", "xlsx", "xlsm", "ods", "xls"};
    return extensions;
}

namespace {

bool is_sheet_name(const std::filesystem::path &path) {
    std::string ext = path.extension().string();
    for (char &c : ext)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    const std::vector<std::string_view> &known = sheet_extensions();
    return ext.size() > 1 && std::find(known.begin(), known.end(), std::string_view(ext).substr(1)) != known.end();
}

/// Paths are UTF-8 here; std::filesystem on Windows would read a narrow
/// string in the ANSI code page.
std::filesystem::path utf8_path(const std::string &path) {
    return std::filesystem::path(std::u8string_view(reinterpret_cast<const char8_t *>(path.data()), path.size()));
}

std::string utf8_string(const std::filesystem::path &path) {
    const std::u8string text = path.u8string();
    return std::string(reinterpret_cast<const char *>(text.data()), text.size());
}

} // namespace

std::vector<std::string> list_inputs(const std::vector<std::string> &inputs, std::vector<std::string> &problems,
                                     Lang lang) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    for (const std::string &input : inputs) {
        std::error_code ec;
        if (input == "-" || !fs::is_directory(utf8_path(input), ec)) {
            files.push_back(input); // fails later if unreadable
            continue;
        }
        std::vector<std::string> found;
        // Each file as the folder was named and what is below it, joined
        // with the separator the user wrote (Windows' own would be '\\').
        const fs::path folder = utf8_path(input);
        const std::string prefix = utf8_string(folder);
        fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            if (!it->is_regular_file(ec) || !is_sheet_name(it->path())) continue;
            const std::string path = utf8_string(it->path());
            found.push_back(path.starts_with(prefix)
                                ? platform::join_found(input, std::string_view(path).substr(prefix.size()))
                                : path);
        }
        if (ec)
            problems.push_back(fmt::format(fmt::runtime(pick(lang, "cchc: {}: không đọc được thư mục: {}\n",
                                                             "cchc: {}: cannot read the folder: {}\n")),
                                           input, ec.message()));
        if (found.empty() && !ec)
            problems.push_back(fmt::format(
                fmt::runtime(pick(
                    lang, "cchc: {}: thư mục không có bảng điểm nào (.csv, .tsv, .txt, .xlsx, .xlsm, .ods, .xls)\n",
                    "cchc: {}: no sheets in this folder (.csv, .tsv, .txt, .xlsx, .xlsm, .ods, .xls)\n")),
                input));
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

} // namespace cchc
