#pragma once
// Documents → output bytes, one renderer per --format behind one
// interface. Renderers lay out; they never compute.

#include <cchc/render/document.hpp>

#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace cchc {

class Renderer {
public:
    virtual ~Renderer() = default;
    virtual void print(const Document &document, std::ostream &out) const = 0;
};

/// The renderer for a --format name; throws Error listing the valid names.
std::unique_ptr<Renderer> make_renderer(const std::string &format, const RenderOptions &options);
const std::vector<std::string> &format_names();

/// One RFC 4180 record ending in CRLF: cells quoted where needed, and text
/// cells (those not marked in `numeric`) that a spreadsheet would run as a
/// formula neutralised with a leading apostrophe.
void write_delimited_row(std::ostream &out, const std::vector<std::string> &cells, const std::vector<bool> &numeric,
                         char delimiter);

std::unique_ptr<Renderer> make_text_renderer(const RenderOptions &options);
std::unique_ptr<Renderer> make_markdown_renderer(const RenderOptions &options);
std::unique_ptr<Renderer> make_json_renderer(const RenderOptions &options);
std::unique_ptr<Renderer> make_csv_renderer(const RenderOptions &options);
std::unique_ptr<Renderer> make_tsv_renderer(const RenderOptions &options);

} // namespace cchc
