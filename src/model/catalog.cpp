// Reading the criteria catalog (see catalog.hpp).
#include <cchc/base/error.hpp>
#include <cchc/input/csv_reader.hpp>
#include <cchc/input/header.hpp>
#include <cchc/input/workbook/workbook.hpp>
#include <cchc/layout/workbook_loader.hpp>
#include <cchc/model/catalog.hpp>
#include <cchc/text/unicode.hpp>

#include <fmt/format.h>

#include <optional>
#include <unordered_set>

namespace cchc {

const CatalogEntry *Catalog::find(const std::string &key) const {
    auto it = by_key.find(key);
    return it == by_key.end() ? nullptr : &entries[it->second];
}

namespace {

/// The catalog read from `raw` (`path` in messages). When the header is
/// not found and `header_optional`, nothing (a workbook's worksheet that
/// is not the catalog); otherwise that is an InputError.
std::optional<Catalog> read_catalog(std::unique_ptr<RawInput> raw, const std::string &path, const LoadOptions &options,
                                    bool header_optional, const std::vector<long> *row_of_line = nullptr) {
    // A worksheet's text: each line said as the worksheet's row.
    auto line_of = [row_of_line](long line) {
        return row_of_line != nullptr && line > 0 && static_cast<std::size_t>(line) < row_of_line->size()
                   ? (*row_of_line)[static_cast<std::size_t>(line)]
                   : line;
    };
    Catalog catalog;
    catalog.file = path;
    auto source = std::make_unique<DecodingSource>(std::move(raw), path, options.encoding, options.lang);
    RecordReader reader(path, std::move(source), options.lang);

    std::vector<RawRecord> prefix;
    RawRecord record;
    while (prefix.size() < static_cast<std::size_t>(k_header_search_rows) && reader.next(record))
        prefix.push_back(record);
    const std::vector<Column> required = {Column::code, Column::max};
    HeaderChoice header = find_header(prefix, options.delimiter, path, required, options.lang);
    if (!header.found && header_optional) return std::nullopt;
    if (!header.found) {
        const Lang lang = options.lang;
        std::string missing;
        for (Column c : header.map.missing(required))
            missing += (missing.empty() ? "" : ", ") + std::string(column_info(c).id);
        std::vector<std::string> cells = header.cells;
        if (header.map.matched == 0 && !prefix.empty())
            split_record(prefix.front(), options.delimiter ? options.delimiter : ',', path, cells, options.lang);
        std::string seen = join_cells(cells);
        std::string hint;
        if (options.delimiter != 0 && find_header(prefix, 0, path, required, options.lang).found)
            hint = pick(lang, " (bộ tiêu chí dùng dấu phân cách khác --delimiter: bỏ tùy chọn này)",
                        " (the catalog uses another delimiter than --delimiter: drop it)");
        throw InputError(
            path, prefix.empty() ? 1 : line_of(prefix[header.record].line),
            fmt::format(fmt::runtime(pick(lang,
                                          "bộ tiêu chí thiếu cột {}; cần các cột code (Mục), max (Điểm tối đa) và tùy "
                                          "chọn name (Nội dung); tiêu đề đọc được: {}{}",
                                          "the catalog has no column for {}; it needs code (Mục) and max (Điểm tối "
                                          "đa), name (Nội dung) is optional; the header read is: {}{}")),
                        missing.empty() ? "code, max" : missing,
                        seen.empty() ? std::string(pick(lang, "(trống)", "(empty)")) : seen, hint));
    }

    std::vector<std::string> cells;
    auto take = [&](const RawRecord &r) {
        split_record(r, header.delimiter, path, cells, options.lang);
        auto cell = [&](Column c) -> std::string {
            int i = header.map.at(c);
            return i >= 0 && static_cast<std::size_t>(i) < cells.size() ? cells[static_cast<std::size_t>(i)] : "";
        };
        CatalogEntry entry;
        entry.code = normalise_code(cell(Column::code));
        bool total = is_total_label(entry.code) || (entry.code.empty() && is_total_label(cell(Column::content)));
        if (entry.code.empty() && !total) return; // blank or text row
        if (total) {
            ParsedNumber total = parse_number(cell(Column::max));
            if (total.status != ParsedNumber::Status::ok || total.value.units() <= 0)
                throw InputError(
                    path, line_of(r.line),
                    fmt::format(fmt::runtime(pick(options.lang,
                                                  "dòng tổng cộng của bộ tiêu chí ghi \"{}\", không phải số điểm dương",
                                                  "catalog total \"{}\" is not a positive number of points")),
                                cell(Column::max)));
            catalog.stated_total = total.value;
            catalog.stated_total_line = line_of(r.line);
            return;
        }
        bool well_formed = true;
        entry.key = code_key(entry.code, well_formed);
        if (!well_formed)
            throw InputError(
                path, line_of(r.line),
                fmt::format(
                    fmt::runtime(pick(options.lang, "mã \"{}\" trong bộ tiêu chí không có dạng 1.2.3 hay số La Mã I–X",
                                      "catalog code \"{}\" is neither like 1.2.3 nor a Roman numeral I–X")),
                    entry.code));
        ParsedNumber max = parse_number(cell(Column::max));
        if (max.status != ParsedNumber::Status::ok || max.value.is_negative())
            throw InputError(
                path, line_of(r.line),
                fmt::format(
                    fmt::runtime(pick(options.lang, "điểm tối đa \"{}\" của {} trong bộ tiêu chí không phải là số",
                                      "catalog max \"{}\" of {} is not a number of points")),
                    cell(Column::max), entry.code));
        entry.max = max.value;
        entry.name = collapse_space(cell(Column::content));
        entry.line = line_of(r.line);
        auto [it, inserted] = catalog.by_key.emplace(entry.key, catalog.entries.size());
        if (!inserted)
            throw InputError(
                path, line_of(r.line),
                fmt::format(fmt::runtime(pick(options.lang, "bộ tiêu chí ghi {} hai lần (lần đầu ở dòng {})",
                                              "catalog lists {} twice (first on line {})")),
                            entry.code, catalog.entries[it->second].line));
        catalog.entries.push_back(std::move(entry));
    };
    for (std::size_t i = header.record + 1; i < prefix.size(); ++i)
        take(prefix[i]);
    while (reader.next(record))
        take(record);
    if (catalog.entries.empty())
        throw InputError(
            path, prefix.empty() ? 1 : line_of(prefix.back().line),
            std::string(pick(options.lang, "bộ tiêu chí không có tiêu chí nào", "the catalog lists no criteria")));

    std::unordered_set<std::string> prefixes;
    for (const CatalogEntry &e : catalog.entries)
        for (std::size_t dot = e.key.find('.'); dot != std::string::npos; dot = e.key.find('.', dot + 1))
            prefixes.insert(e.key.substr(0, dot));
    for (CatalogEntry &e : catalog.entries) {
        e.leaf = prefixes.count(e.key) == 0;
        if (e.leaf) catalog.leaf_total += e.max;
    }
    if (catalog.stated_total && *catalog.stated_total < catalog.leaf_total)
        throw InputError(path, catalog.stated_total_line,
                         fmt::format(fmt::runtime(pick(options.lang,
                                                       "dòng tổng cộng của bộ tiêu chí ghi thang điểm {}, nhỏ hơn tổng "
                                                       "điểm tối đa các tiêu chí ({}); hãy sửa dòng tổng cộng",
                                                       "the catalog's total row gives the scale {}, below the sum of "
                                                       "its criteria's maxima ({}); correct the total row")),
                                     catalog.stated_total->format(0), catalog.leaf_total.format(0)));
    return catalog;
}

/// A workbook's catalog: its first worksheet with a catalog header (code,
/// max), or the one --sheet names. Lines are the worksheet's rows.
Catalog workbook_catalog(std::string_view bytes, const std::string &name, const LoadOptions &options) {
    LoadOptions o = options;
    o.encoding = "UTF-8";
    o.delimiter = ',';
    std::optional<Catalog> found;
    std::vector<std::string> worksheets;
    each_worksheet_text(bytes, name, options,
                        [&](const std::string &worksheet, std::string text, const std::vector<long> &row_of_line) {
                            worksheets.push_back(worksheet);
                            if (found) return;
                            found =
                                read_catalog(std::make_unique<MemoryInput>(std::move(text)),
                                             worksheet_place(name, worksheet), o, options.sheet.empty(), &row_of_line);
                        });
    if (found) return std::move(*found);
    std::string list;
    for (std::size_t i = 0; i < worksheets.size(); ++i)
        list += fmt::format("{}{}. {}", i ? ", " : "", i + 1, worksheets[i]);
    throw Error(fmt::format(
        fmt::runtime(pick(options.lang,
                          "--criteria: {}: không trang tính nào có dòng tiêu đề của bộ tiêu chí (cột code (Mục) và "
                          "max (Điểm tối đa)); các trang tính: {}; hãy thêm dòng tiêu đề đó hoặc chọn trang bằng "
                          "--sheet",
                          "--criteria: {}: no worksheet has a catalog header (the columns code (Mục) and max (Điểm "
                          "tối đa)); the worksheets are: {}; give one that header row or choose it with --sheet")),
        name, list.empty() ? std::string(pick(options.lang, "(không có)", "(none)")) : list));
}

} // namespace

Catalog load_catalog(const std::string &input, const LoadOptions &options) {
    std::unique_ptr<RawInput> raw = RawInput::open(input, options.lang);
    std::string bytes;
    if (take_workbook(raw, bytes)) return workbook_catalog(bytes, display_name(input), options);
    if (input != "-" && has_workbook_extension(input))
        throw Error(not_a_workbook_by_bytes_message(input, options.lang));
    return std::move(*read_catalog(std::move(raw), display_name(input), options, false));
}

} // namespace cchc
