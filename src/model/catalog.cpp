// Reading the criteria catalog (see catalog.hpp).
#include <cchc/catalog.hpp>
#include <cchc/csv_reader.hpp>
#include <cchc/error.hpp>
#include <cchc/header.hpp>
#include <cchc/text.hpp>

#include <fmt/format.h>

#include <unordered_set>

namespace cchc {

const CatalogEntry* Catalog::find(const std::string& key) const {
    auto it = by_key.find(key);
    return it == by_key.end() ? nullptr : &entries[it->second];
}

Catalog load_catalog(const std::string& input, const LoadOptions& options) {
    Catalog catalog;
    catalog.file = display_name(input);
    const std::string& path = catalog.file;
    auto source = std::make_unique<DecodingSource>(RawInput::open(input), path, options.encoding);
    RecordReader reader(path, std::move(source));

    std::vector<RawRecord> prefix;
    RawRecord record;
    while (prefix.size() < static_cast<std::size_t>(k_header_search_rows) && reader.next(record))
        prefix.push_back(record);
    const std::vector<Column> required = {Column::code, Column::max};
    HeaderChoice header = find_header(prefix, options.delimiter, path, required);
    if (!header.found)
        throw InputError(path, prefix.empty() ? 1 : prefix[header.record].line,
                         "a criteria catalog needs the columns code, name, max (or Mục, Nội dung, Điểm tối đa)");

    std::vector<std::string> cells;
    auto take = [&](const RawRecord& r) {
        split_record(r, header.delimiter, path, cells);
        auto cell = [&](Column c) -> std::string {
            int i = header.map.at(c);
            return i >= 0 && static_cast<std::size_t>(i) < cells.size() ? cells[static_cast<std::size_t>(i)] : "";
        };
        CatalogEntry entry;
        entry.code = normalise_code(cell(Column::code));
        if (entry.code.empty()) return; // blank or text row
        if (is_total_label(entry.code)) {
            ParsedNumber total = parse_number(cell(Column::max));
            if (total.status != ParsedNumber::Status::ok || total.value.units() <= 0)
                throw InputError(path, r.line,
                                 fmt::format("catalog total \"{}\" is not a positive number of points",
                                             cell(Column::max)));
            catalog.stated_total = total.value;
            return;
        }
        bool well_formed = true;
        entry.key = code_key(entry.code, well_formed);
        if (!well_formed)
            throw InputError(path, r.line,
                             fmt::format("catalog code \"{}\" is neither like 1.2.3 nor a Roman numeral I–X", entry.code));
        ParsedNumber max = parse_number(cell(Column::max));
        if (max.status != ParsedNumber::Status::ok || max.value.is_negative())
            throw InputError(path, r.line,
                             fmt::format("catalog max \"{}\" of {} is not a number of points", cell(Column::max),
                                         entry.code));
        entry.max = max.value;
        entry.name = collapse_space(cell(Column::content));
        entry.line = r.line;
        if (!catalog.by_key.emplace(entry.key, catalog.entries.size()).second)
            throw InputError(path, r.line, fmt::format("catalog lists {} twice", entry.code));
        catalog.entries.push_back(std::move(entry));
    };
    for (std::size_t i = header.record + 1; i < prefix.size(); ++i) take(prefix[i]);
    while (reader.next(record)) take(record);
    if (catalog.entries.empty()) throw InputError(path, prefix.empty() ? 1 : prefix.back().line, "the catalog lists no criteria");

    std::unordered_set<std::string> prefixes;
    for (const CatalogEntry& e : catalog.entries)
        for (std::size_t dot = e.key.find('.'); dot != std::string::npos; dot = e.key.find('.', dot + 1))
            prefixes.insert(e.key.substr(0, dot));
    for (CatalogEntry& e : catalog.entries) {
        e.leaf = prefixes.count(e.key) == 0;
        if (e.leaf) catalog.leaf_total += e.max;
    }
    return catalog;
}

} // namespace cchc
