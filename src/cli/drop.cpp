// Score sheets dropped on cchc.exe in Explorer: a clerk who never opened a
// terminal gets each sheet's HTML report beside it (what `cchc report
// --format html` prints), the first one opened in the browser, and a
// message box with each sheet's findings. Only Windows starts the program
// that way (platform::how_started is always `command` on POSIX).
#include "commands.hpp"
#include "common.hpp"
#include "diagnostics.hpp"

#include <cchc/base/error.hpp>
#include <cchc/pipeline/report.hpp>
#include <cchc/platform/platform.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <exception>

namespace cchc::cli {

namespace {

/// The name without its folder: Explorer hands over whole paths.
std::string_view base_name(std::string_view path) {
    return platform::file_name(path);
}

} // namespace

bool is_drop(const std::vector<std::string> &args) {
    if (args.empty() || platform::how_started() == platform::Start::command) return false;
    // A command, an option or a folder: typed in a console, not dropped.
    return std::all_of(args.begin(), args.end(), [](const std::string &arg) { return platform::status(arg).regular; });
}

std::string drop_target(const std::string &sheet) {
    const std::size_t name = sheet.size() - base_name(sheet).size();
    const std::size_t dot = sheet.rfind('.');
    const std::size_t end = dot != std::string::npos && dot > name ? dot : sheet.size();
    return sheet.substr(0, end) + ".cchc.html";
}

int run_drop(const std::vector<std::string> &files) {
    int status = k_exit_ok;
    std::string lines, first;
    bool problem = false;
    for (const std::string &sheet : files) {
        const std::string target = drop_target(sheet);
        const std::string_view name = base_name(sheet);
        // Two sheets dropped together, one named as the other's report.
        const bool onto_input = std::any_of(files.begin(), files.end(), [&](const std::string &f) {
            return f == target || platform::same_file(f, target);
        });
        if (onto_input) {
            lines += fmt::format("{}: không ghi báo cáo vì {} là một tệp được thả vào; đổi tên tệp đó rồi thả lại\n",
                                 name, base_name(target));
            status = k_exit_failure;
            problem = true;
            continue;
        }
        std::size_t counts[3] = {0, 0, 0}; // by Severity: info, warning, error
        int written = k_exit_failure;
        try {
            CommonOptions options;
            options.files = {sheet};
            options.output = target;
            options.text.format = "html";
            settle(options, "report");
            written = run_report(options, {}, {}, [&](const Report &report) {
                for (const FileReport &file : report.files)
                    for (Severity s : {Severity::info, Severity::warning, Severity::error})
                        counts[static_cast<int>(s)] += file.count(s);
            });
        } catch (const std::exception &e) {
            Diagnostics::error(fmt::format("cchc: {}: {}\n", sheet, e.what()));
        }
        status = std::max(status, written);
        if (written == k_exit_failure) {
            lines += fmt::format("{}: không tạo được báo cáo; mở Command Prompt và chạy: cchc report \"{}\" để xem lý "
                                 "do\n",
                                 name, sheet);
            problem = true;
            continue;
        }
        const std::size_t errors = counts[static_cast<int>(Severity::error)];
        lines += fmt::format("{} → {}: {} lỗi, {} cảnh báo, {} ghi chú\n", name, base_name(target), errors,
                             counts[static_cast<int>(Severity::warning)], counts[static_cast<int>(Severity::info)]);
        problem = problem || errors > 0;
        if (first.empty()) first = target;
    }
    const bool test = platform::how_started() == platform::Start::drop_test;
    std::string text = fmt::format("Báo cáo viết bên cạnh bảng điểm:\n\n{}", lines);
    if (!first.empty()) {
        const bool opened = test || platform::open_with_default_program(first);
        text += fmt::format(fmt::runtime(opened ? "\nBáo cáo {} mở trong trình duyệt."
                                                : "\nKhông mở được trình duyệt: hãy mở tệp {} bằng tay."),
                            opened ? std::string(base_name(first)) : first);
    }
    if (test) {
        // For the tests: the files as dropped, the message on standard output.
        std::fputs((text + "\n").c_str(), stdout);
        return status;
    }
    platform::show_message("cchc", text, problem);
    return status;
}

} // namespace cchc::cli
