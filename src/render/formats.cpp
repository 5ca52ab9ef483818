// The table of formats (see render/formats.hpp): adding a format is its
// file, one row here and its line in CMakeLists.txt.
#include <cchc/base/error.hpp>
#include <cchc/render/formats.hpp>

#include <fmt/format.h>

namespace cchc {

// Each format's file defines its factory.
std::unique_ptr<Renderer> make_text_renderer(const RenderOptions &options);
std::unique_ptr<Renderer> make_markdown_renderer(const RenderOptions &options);
std::unique_ptr<Renderer> make_csv_renderer(const RenderOptions &options);
std::unique_ptr<Renderer> make_csv_vn_renderer(const RenderOptions &options);
std::unique_ptr<Renderer> make_tsv_renderer(const RenderOptions &options);
std::unique_ptr<Renderer> make_json_renderer(const RenderOptions &options);
std::unique_ptr<Renderer> make_html_renderer(const RenderOptions &options);
std::unique_ptr<Renderer> make_xlsx_renderer(const RenderOptions &options);

const std::vector<FormatInfo> &formats() {
    static const std::vector<FormatInfo> table = {
        {"text", "", "bảng căn cột cho màn hình", "aligned tables for a terminal", true, make_text_renderer},
        {"md", "markdown", "bảng Markdown để dán vào báo cáo", "Markdown tables to paste into a report", false,
         make_markdown_renderer},
        {"csv", "", "một bảng CSV cho bảng tính", "one CSV table for a spreadsheet", false, make_csv_renderer, false,
         false},
        {"csv-vn", "", "một bảng CSV cho Excel cài đặt tiếng Việt (';', số 91,00, có BOM)",
         "one CSV table for an Excel set to Vietnamese (';', numbers as 91,00, a BOM)", false, make_csv_vn_renderer,
         false, false},
        {"tsv", "", "một bảng phân cách bằng tab cho bảng tính", "one tab-separated table for a spreadsheet", false,
         make_tsv_renderer, false, false},
        {"json", "", "một tài liệu JSON cho chương trình (mặc định có mọi tiêu chí; --by chọn mảng)",
         "one JSON document for scripts (every criterion by default; --by picks the arrays)", false,
         make_json_renderer},
        {"html", "", "một trang HTML để in trên A4 hoặc dán vào Word, có biểu đồ",
         "one HTML page to print on A4 or paste into Word, with charts", false, make_html_renderer, false, true},
        {"xlsx", "", "một bảng tính Excel, mỗi bảng một trang tính, có biểu đồ",
         "one Excel workbook, a worksheet per table, with charts", false, make_xlsx_renderer, true, true},
    };
    return table;
}

const FormatInfo *find_format(std::string_view name) {
    for (const FormatInfo &format : formats())
        if (format.answers_to(name)) return &format;
    return nullptr;
}

std::string format_names(std::string_view separator) {
    std::string names;
    for (const FormatInfo &format : formats()) {
        if (!names.empty()) names += separator;
        names += format.name;
    }
    return names;
}

const FormatInfo &format_info(std::string_view name, Lang lang) {
    if (const FormatInfo *format = find_format(name)) return *format;
    throw Error(fmt::format(fmt::runtime(pick(lang, "--format: không có định dạng '{}'; hãy dùng một trong: {}",
                                              "--format: unknown format '{}'; use one of: {}")),
                            name, format_names(", ")));
}

std::unique_ptr<Renderer> make_renderer(std::string_view format, const RenderOptions &options) {
    return format_info(format, options.lang).make(options);
}

} // namespace cchc
