// `cchc template [--criteria F]`: a blank sheet for a clerk to fill in,
// with the canonical Vietnamese headers; with a catalog, pre-filled with
// its codes, names and maxima in hierarchy order. `cchc check` accepts what
// it writes (unscored rows are counted once, as information).
#include "common.hpp"

#include <cchc/catalog.hpp>
#include <cchc/error.hpp>
#include <cchc/header.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <sstream>

namespace cchc::cli {

namespace {

struct TemplateOptions {
    std::string criteria;
    std::string output;
    std::string encoding;
    bool bom = false;
    bool decimal_comma = false;
};

int run_template(const TemplateOptions& o) {
    const std::vector<Column> columns = {Column::code,      Column::content, Column::max,  Column::self,
                                         Column::appraised, Column::lost,    Column::note, Column::owner};
    const char delimiter = o.decimal_comma ? ';' : ',';
    std::ostringstream out;
    if (o.bom) out << "\xEF\xBB\xBF";
    std::vector<std::string> header;
    for (Column c : columns) header.emplace_back(column_info(c).canonical_vi);
    write_delimited_row(out, header, {}, delimiter);

    if (!o.criteria.empty()) {
        LoadOptions load;
        load.encoding = o.encoding;
        Catalog catalog;
        try {
            catalog = load_catalog(o.criteria, load);
        } catch (const InputError& e) {
            throw Error(fmt::format("{}:{}: {} (--criteria)", e.file(), e.line(), e.what()));
        }
        std::vector<const CatalogEntry*> entries;
        for (const CatalogEntry& e : catalog.entries) entries.push_back(&e);
        // Hierarchy order: 1 < 1.1 < 1.1.1 < 1.2 < 2 … whatever order the catalog used.
        std::stable_sort(entries.begin(), entries.end(),
                         [](const CatalogEntry* a, const CatalogEntry* b) { return code_less(a->key, b->key); });
        const std::vector<bool> numeric = {false, false, true};
        for (const CatalogEntry* e : entries)
            write_delimited_row(out, {e->code, e->name, e->max.format(0, o.decimal_comma ? ',' : '.'), "", "", "", "", ""},
                                numeric, delimiter);
    }
    CommonOptions common;
    common.output = o.output;
    return write_result(common, out.str());
}

} // namespace

void setup_template(CLI::App& app, int& status) {
    auto options = std::make_shared<TemplateOptions>();
    CLI::App* command = app.add_subcommand("template", "a blank sheet to fill in, pre-filled from a criteria catalog");
    command->add_option("--criteria", options->criteria, "criteria catalog CSV (code,name,max) to pre-fill the rows");
    command->add_option("-o,--output", options->output, "write to FILE (atomically) instead of standard output");
    command->add_option("--encoding", options->encoding, "the catalog's encoding (default: detected)");
    command->add_flag("--bom", options->bom, "begin with a UTF-8 BOM, for Excel");
    command->add_flag("--decimal-comma", options->decimal_comma,
                      "write maxima as 1,5 and separate cells with ';', for a Vietnamese-locale spreadsheet");
    command->callback([options, &status] { status = run_template(*options); });
}

} // namespace cchc::cli
