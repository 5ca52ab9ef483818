#pragma once
// Documents → output bytes, one renderer per --format behind one interface,
// and the one table of the formats that the command line, its help, the man
// page and the bash completion read. Renderers lay out; they never compute.

#include <cchc/render/document.hpp>

#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace cchc {

class Renderer {
public:
    virtual ~Renderer() = default;
    virtual void print(const Document &document, std::ostream &out) const = 0;
};

/// One row of the table of formats (formats.cpp).
struct FormatInfo {
    std::string_view name;
    std::string_view alias; ///< another name it answers to, or empty
    std::string_view help_vi;
    std::string_view help_en;
    bool colors = false; ///< may colour its output on a terminal
    std::unique_ptr<Renderer> (*make)(const RenderOptions &options) = nullptr;
    /// Writes bytes that are not text: never onto a terminal.
    bool binary = false;
    /// Has a place for a report's findings (csv and tsv hold one table:
    /// the command line then says on standard error what they leave out).
    bool lists_findings = true;

    bool answers_to(std::string_view format) const { return format == name || (!alias.empty() && format == alias); }
};

/// Every format, the default (text) first.
const std::vector<FormatInfo> &formats();
/// The format of this name, or nullptr.
const FormatInfo *find_format(std::string_view name);
/// The format of this name; throws Error listing the valid names.
const FormatInfo &format_info(std::string_view name, Lang lang);
/// "text, md, csv, tsv, json" with this separator.
std::string format_names(std::string_view separator);

/// The renderer for a --format name; throws Error listing the valid names.
std::unique_ptr<Renderer> make_renderer(std::string_view format, const RenderOptions &options);

/// --format xlsx with at most `max_rows` rows a worksheet (a header
/// included), below Excel's 1,048,576: so the tests can reach the limit
/// with a few rows. Past it, print throws Error naming the worksheet and
/// the --by table, before writing anything.
std::unique_ptr<Renderer> make_xlsx_renderer(const RenderOptions &options, std::size_t max_rows);

/// One RFC 4180 record ending in CRLF: cells quoted where needed, and text
/// cells (those not marked in `numeric`) that a spreadsheet would run as a
/// formula neutralised with a leading apostrophe.
void write_delimited_row(std::ostream &out, const std::vector<std::string> &cells, const std::vector<bool> &numeric,
                         char delimiter);

} // namespace cchc
