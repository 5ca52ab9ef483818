// One input file → its sheets: the file read up to its header, then its
// rows (see layout/loader.hpp). Cold: the rows themselves are read in
// read_rows.cpp, which is hot.
#include "opening.hpp"

#include <cchc/base/error.hpp>
#include <cchc/input/cell_text.hpp>
#include <cchc/input/csv_reader.hpp>
#include <cchc/text/unicode.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

namespace cchc {

using layout_detail::Opening;
using layout_detail::sheet_columns;

namespace {

std::string alias_list(const ColumnInfo &info) {
    std::string out;
    for (std::string_view alias : info.aliases) {
        if (!out.empty()) out += ", ";
        out += alias;
    }
    return out;
}

Finding missing_column_finding(const std::string &file, long line, Column column, const std::vector<std::string> &seen,
                               Lang lang) {
    const ColumnInfo &info = column_info(column);
    std::string shown = seen.empty() ? std::string(pick(lang, "(trống)", "(empty)")) : join_cells(seen);
    std::string message = fmt::format(
        fmt::runtime(pick(lang, "thiếu cột {} ({}); tiêu đề đọc được: {}; hãy đặt tên cột là \"{}\" (hoặc: {})",
                          "no column for {} ({}); the header read is: {}; name the column \"{}\" (or: {})")),
        info.id, info.canonical_vi, shown, info.canonical_vi, alias_list(info));
    return Finding{file, line, "", "missing-column", Severity::error, message};
}

/// Findings for a file whose header row was not found: the columns that are
/// missing from the closest row, or that no row looks like a header at all,
/// and whether another delimiter than a forced one would have worked.
void report_missing_header(LoadedFile &out, const std::vector<RawRecord> &prefix, const HeaderChoice &header,
                           const LoadOptions &options) {
    const Lang lang = options.lang;
    const std::string &path = out.file;
    std::string hint;
    if (options.delimiter != 0) {
        HeaderChoice detected = find_header(prefix, 0, path, sheet_columns(), options.lang);
        if (detected.found)
            hint = fmt::format(fmt::runtime(pick(lang, " (tệp dùng dấu phân cách '{}': bỏ --delimiter)",
                                                 " (the file uses '{}' as delimiter: drop --delimiter)")),
                               detected.delimiter == '\t' ? std::string("tab") : std::string(1, detected.delimiter));
    }
    if (header.map.matched > 0) {
        for (Column c : header.map.missing(sheet_columns())) {
            Finding f = missing_column_finding(path, prefix[header.record].line, c, header.cells, lang);
            f.message += hint;
            out.findings.push_back(std::move(f));
        }
        return;
    }
    std::vector<std::string> first;
    split_record(prefix.front(), options.delimiter ? options.delimiter : ',', path, first, options.lang);
    out.findings.push_back(Finding{
        path, prefix.front().line, "", "missing-column", Severity::error,
        fmt::format(fmt::runtime(pick(lang,
                                      "không thấy dòng tiêu đề trong {} dòng đầu: cần các cột Mục, Điểm tối đa, "
                                      "Điểm thẩm định; dòng đầu đọc được: {}{}",
                                      "no header row in the first {} rows: the columns Mục, Điểm tối đa, Điểm thẩm "
                                      "định are needed; the first row reads: {}{}")),
                    k_header_search_rows, join_cells(first), hint)});
}

/// find_header on one record, remembered per thread: a province's files
/// share a handful of header rows, and matching names folds every cell.
HeaderChoice header_of(const RawRecord &record, char forced, const std::string &path, Lang lang) {
    static thread_local std::unordered_map<std::string, HeaderChoice, TextHash, std::equal_to<>> seen;
    std::string key = std::string(1, forced) + record.text;
    if (auto it = seen.find(key); it != seen.end()) return it->second;
    HeaderChoice choice = find_header({record}, forced, path, sheet_columns(), lang);
    if (seen.size() < 64) seen.emplace(std::move(key), choice);
    return choice;
}

} // namespace

std::string file_stem(const std::string &path) {
    if (path == "-" || path == "<stdin>") return "stdin";
    std::string name = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
    std::size_t dot = name.find_last_of('.');
    if (dot != std::string::npos && dot > 0) name.erase(dot);
    return name;
}

char parse_delimiter(const std::string &text, Lang lang) {
    std::string f = text;
    for (char &c : f)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (f == "," || f == "comma") return ',';
    if (f == ";" || f == "semicolon") return ';';
    if (f == "\t" || f == "\\t" || f == "tab") return '\t';
    if (f == "|" || f == "pipe") return '|';
    throw Error(fmt::format(fmt::runtime(pick(lang, "--delimiter: '{}' không phải một trong , ; tab |",
                                              "--delimiter: '{}' is not one of , ; tab |")),
                            text));
}

std::string display_name(const std::string &path) {
    return path == "-" ? "<stdin>" : path;
}

LoadedFile load_file(const std::string &input, const LoadOptions &options) {
    return load_input(RawInput::open(input, options.lang), display_name(input), options);
}

namespace layout_detail {

const std::vector<Column> &sheet_columns() {
    static const std::vector<Column> required = {Column::code, Column::max, Column::appraised};
    return required;
}

bool open_sheet(std::unique_ptr<RawInput> raw, LoadedFile &out, Opening &o, const LoadOptions &options,
                std::size_t size_hint, bool guess) {
    const std::string &path = out.file;
    const Lang lang = options.lang;
    o.source = std::make_unique<DecodingSource>(std::move(raw), path, options.encoding, lang, false, guess);
    out.encoding = o.source->encoding();
    if (o.source->encoding_assumed())
        out.findings.push_back(Finding{
            path, 1, "", "encoding-assumed", Severity::info,
            std::string(pick(lang, "tệp không phải UTF-8; đã đọc theo Windows-1258 (chọn bảng mã khác bằng --encoding)",
                             "the file is not UTF-8; read as Windows-1258 (choose another with --encoding)"))});
    o.reader = std::make_unique<TextReader>(path, *o.source, lang, 1, size_hint);

    // The header is the first row that names the needed columns: read up to
    // it, or up to the search limit to say what is missing.
    RecordSpan span;
    while (o.prefix.size() < static_cast<std::size_t>(k_header_search_rows) && o.reader->next(span)) {
        o.prefix.push_back(
            RawRecord{span.line, span.last_line, record_text(span, path, lang, o.source->guessed_until())});
        HeaderChoice here = header_of(o.prefix.back(), options.delimiter, path, lang);
        if (here.found) {
            here.record = o.prefix.size() - 1;
            o.header = std::move(here);
            break;
        }
    }
    if (o.prefix.empty() ||
        std::all_of(o.prefix.begin(), o.prefix.end(), [](const RawRecord &r) { return is_blank_cell(r.text); })) {
        out.findings.push_back(Finding{path, 1, "", "missing-column", Severity::error,
                                       std::string(pick(lang,
                                                        "tệp trống; cần một dòng tiêu đề có các cột Mục, Điểm tối đa, "
                                                        "Điểm thẩm định",
                                                        "the file is empty; a header row with the columns Mục, Điểm "
                                                        "tối đa, Điểm thẩm định is needed"))});
        return false;
    }

    if (!o.header.found) o.header = find_header(o.prefix, options.delimiter, path, sheet_columns(), lang);
    if (!o.header.found) {
        report_missing_header(out, o.prefix, o.header, options);
        return false;
    }
    out.delimiter = o.header.delimiter;
    for (auto [position, column] : o.header.map.repeated)
        out.findings.push_back(Finding{
            path, o.prefix[o.header.record].line, "", "duplicate-column", Severity::warning,
            fmt::format(fmt::runtime(pick(lang, "cột {} \"{}\" trùng vai trò với cột {}; chỉ đọc cột {}",
                                          "column {} \"{}\" means the same as column {}; only column {} is read")),
                        position + 1, collapse_space(o.header.cells[static_cast<std::size_t>(position)]),
                        o.header.map.at(column) + 1, o.header.map.at(column) + 1)});
    return true;
}

} // namespace layout_detail

LoadedFile load_input(std::unique_ptr<RawInput> raw, const std::string &path, const LoadOptions &options) {
    LoadedFile out;
    out.file = path;
    Opening o;
    if (!layout_detail::open_sheet(std::move(raw), out, o, options)) return out;
    layout_detail::read_whole(o, out, options);
    return out;
}

} // namespace cchc
