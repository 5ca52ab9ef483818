// --format name → renderer (see render/formats.hpp).
#include <cchc/base/error.hpp>
#include <cchc/render/formats.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace cchc {

const std::vector<std::string> &format_names() {
    static const std::vector<std::string> names = {"text", "md", "csv", "tsv", "json"};
    return names;
}

std::unique_ptr<Renderer> make_renderer(const std::string &format, const RenderOptions &options) {
    if (format == "text") return make_text_renderer(options);
    if (format == "md" || format == "markdown") return make_markdown_renderer(options);
    if (format == "json") return make_json_renderer(options);
    if (format == "csv") return make_csv_renderer(options);
    if (format == "tsv") return make_tsv_renderer(options);
    throw Error(fmt::format(fmt::runtime(pick(options.lang, "--format: không có định dạng '{}'; hãy dùng một trong: {}",
                                              "--format: unknown format '{}'; use one of: {}")),
                            format, fmt::join(format_names(), ", ")));
}

} // namespace cchc
