// `cchc explain FILE...`: how each file was read — its encoding and
// delimiter, the header row and what each cell was read as, every record
// with its kind, its place in the criteria tree and whether it was counted,
// then the sheets made and what they added up to. Each file is read whole
// with the loader's trace turned on; a workbook's worksheets each as a file
// of their own. The input is only read.
#include "common.hpp"
#include "diagnostics.hpp"
#include "help.hpp"

#include <cchc/base/error.hpp>
#include <cchc/checks/file_checks.hpp>
#include <cchc/input/workbook/workbook.hpp>
#include <cchc/layout/explain.hpp>
#include <cchc/layout/workbook_loader.hpp>

#include <fmt/format.h>

#include <deque>
#include <memory>
#include <utility>

namespace cchc::cli {

namespace {

struct ExplainOptions {
    CommonOptions common;
};

/// The formats explain prints; the others are refused by name.
bool explain_prints(const FormatInfo &format) {
    return format.name == "text" || format.name == "json";
}

int run_explain(const ExplainOptions &options) {
    const CommonOptions &o = options.common;
    const Lang lang = o.lang;
    if (!explain_prints(*o.format))
        throw Error(fmt::format(fmt::runtime(pick(lang, "--format {}: lệnh explain chỉ in text hoặc json",
                                                  "--format {}: explain prints text or json only")),
                                o.text.format));
    Run run;
    RunOptions prepared = prepare_run(o, 0, {}, run);

    // Held in place: the document points into them.
    std::deque<Explanation> explanations;
    std::deque<FileReport> reports;
    std::vector<ExplainedFile> files;
    int status = run.status;
    // One explained file: its report (loaded, findings, summaries) and how it was read.
    auto add = [&](LoadedFile loaded, const LoadTrace &trace, std::vector<Finding> findings) {
        FileReport &report = reports.emplace_back();
        report.loaded = std::move(loaded);
        report.findings = std::move(findings);
        for (Finding &f : check_file(report.loaded, lang))
            report.findings.push_back(std::move(f));
        for (const Sheet &sheet : report.loaded.sheets)
            report.sheets.push_back(summarise(sheet, prepared.summary));
        explanations.push_back(explain(report.loaded, trace, lang));
        files.push_back(ExplainedFile{&explanations.back(), &report});
    };
    for (const std::string &path : prepared.files) {
        const std::size_t explained = files.size();
        try {
            std::unique_ptr<RawInput> raw = RawInput::open(path, lang);
            std::string bytes;
            if (take_workbook(raw, bytes)) {
                // A workbook: each worksheet read is explained as a file of
                // its own, "book.xlsx[Phụ lục]", its lines the worksheet's rows.
                const std::string name = display_name(path);
                TracedWorkbook book = trace_workbook(bytes, name, prepared.load);
                LoadedFile whole; // the workbook's own finding: the worksheets not read
                whole.file = name;
                whole.facts.skipped_worksheets = std::move(book.skipped_worksheets);
                std::vector<Finding> own = check_file(whole, lang);
                for (TracedWorksheet &ws : book.worksheets) {
                    add(std::move(ws.loaded), ws.trace, std::exchange(own, {}));
                    explanations.back().worksheet = ws.worksheet;
                }
                continue;
            }
            if (path != "-" && has_workbook_extension(path)) throw Error(not_a_workbook_by_bytes_message(path, lang));
            LoadTrace trace;
            LoadOptions load = prepared.load;
            load.trace = &trace;
            add(load_input(std::move(raw), display_name(path), load), trace, {});
        } catch (...) {
            while (files.size() > explained) {
                files.pop_back();
                explanations.pop_back();
            }
            while (reports.size() > explained)
                reports.pop_back();
            Diagnostics::error(failure_line(path));
            status = k_exit_failure;
        }
    }
    if (status != k_exit_failure)
        for (const FileReport &report : reports)
            if (has_severity(report.all_findings(), Severity::error)) status = k_exit_findings;
    if (o.quiet && o.output.empty()) return status; // -q -o FILE still writes FILE
    return render_and_write(o, run.render, status, explain_document(files));
}

} // namespace

void setup_explain(CLI::App &app, int &status, Lang lang) {
    auto options = std::make_shared<ExplainOptions>();
    CLI::App *command =
        add_command(app, "explain",
                    tr(lang, "cách đọc từng tệp: bảng mã, dòng tiêu đề, vai trò các cột, loại của từng dòng",
                       "how each file was read: encoding, header row, each column's role, every row's kind"),
                    lang);
    add_common_options(*command, options->common, lang);
    set_examples(*command,
                 {{"cchc explain samples/phuong-1-2023.csv",
                   "bảng mã, dòng tiêu đề, cột nào được đọc là gì, và từng dòng được tính hay bỏ qua",
                   "the encoding, the header, what each column was read as, and whether each row counted"},
                  {"cchc explain samples/phuong-1-2023-excel-vi.csv --format json",
                   "như trên, dạng JSON cho chương trình khác đọc", "the same as JSON, for another program"}},
                 lang);
    command->callback([options, &status] {
        settle(options->common, "explain");
        status = run_explain(*options);
    });
}

} // namespace cchc::cli
