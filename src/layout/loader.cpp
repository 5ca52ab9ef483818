// HOT: every file is opened here, once (W2 opens 10,000); guarded by the W2 workload of bench/.
// One input file → its sheets: the file read up to its header, then its
// rows (see layout/loader.hpp). Cold: the rows themselves are read in
// read_rows.cpp, which is hot.
#include "opening.hpp"

#include <cchc/base/error.hpp>
#include <cchc/input/cell_text.hpp>
#include <cchc/input/csv_reader.hpp>
#include <cchc/platform/platform.hpp>
#include <cchc/text/unicode.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

namespace cchc {

using layout_detail::Opening;
using layout_detail::sheet_columns;

namespace {

/// Why a file's header row was not found: the columns missing from the
/// closest row, or that no row looks like a header at all, and whether
/// another delimiter than a forced one would have worked.
void record_missing_header(LoadedFile &out, const std::vector<RawRecord> &prefix, const HeaderChoice &header,
                           const LoadOptions &options) {
    FileFacts &facts = out.facts;
    if (options.delimiter != 0) {
        HeaderChoice detected = find_header(prefix, 0, out.file, sheet_columns(), options.lang);
        if (detected.found) facts.better_delimiter = detected.delimiter;
    }
    if (header.map.matched > 0) {
        facts.header = FileFacts::Header::partial;
        facts.header_line = prefix[header.record].line;
        facts.header_row = static_cast<long>(header.record) + 1;
        facts.header_cells = header.cells;
        facts.missing_columns = header.map.missing(sheet_columns());
        return;
    }
    facts.header = FileFacts::Header::none;
    facts.header_line = prefix.front().line;
    facts.header_row = 1;
    split_record(prefix.front(), options.delimiter ? options.delimiter : ',', out.file, facts.first_row, options.lang);
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

/// One record read after the header, kept to be read again as a row.
bool read_held(Opening &o, layout_detail::HeldRecord &held) {
    RecordSpan span;
    if (!o.reader->next(span)) return false;
    held.span = span;
    held.text.assign(span.text);
    held.span.text = {};
    return true;
}

/// A held record's cells as text, or nothing when they do not read (the
/// row reader then says why, as for any row).
bool held_cells(const layout_detail::HeldRecord &held, const Opening &o, const std::string &path, Lang lang,
                std::vector<std::string> &cells) {
    RecordSpan span = held.span;
    span.text = held.text;
    try {
        split_record(RawRecord{span.line, span.last_line, record_text(span, path, lang, o.source->guessed_until())},
                     o.header.delimiter, path, cells, lang);
    } catch (const InputError &) {
        return false;
    } catch (const WrongGuess &) {
        return false;
    }
    return true;
}

/// Whether a record's bytes could be a row of column numbers (digits,
/// brackets, A–E, = + - x * /, quotes, spaces and the delimiter): most first
/// rows hold a criterion's text and are turned down here, unsplit.
bool may_be_column_numbers(std::string_view text, char delimiter) {
    return std::all_of(text.begin(), text.end(), [delimiter](char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'E') || c == delimiter ||
               std::string_view("()=+-x*/\" \t\r\n").find(c) != std::string_view::npos;
    });
}

/// After the header: a row of column numbers under it joins the header
/// block; when several cells could be the code, the first rows (read ahead,
/// kept to be read again) choose the one that holds criterion codes.
void read_ahead(Opening &o, LoadedFile &out, const LoadOptions &options) {
    const std::string &path = out.file;
    const Lang lang = options.lang;
    FileFacts &facts = out.facts;
    o.reader->set_delimiter(o.header.delimiter);
    std::vector<std::string> cells;
    layout_detail::HeldRecord held;
    if (!read_held(o, held)) return;
    if (may_be_column_numbers(held.text, o.header.delimiter) && held_cells(held, o, path, lang, cells) &&
        is_column_numbers_row(cells)) {
        facts.column_numbers_line = held.span.line;
        o.prefix.push_back(RawRecord{held.span.line, held.span.last_line, held.text});
    } else {
        o.ahead.push_back(std::move(held));
    }

    HeaderMap &map = o.header.map;
    if (map.code_candidates.empty()) return;
    while (o.ahead.size() < layout_detail::k_code_lookahead_rows && read_held(o, held))
        o.ahead.push_back(std::move(held));
    std::vector<std::vector<std::string>> rows;
    for (const layout_detail::HeldRecord &h : o.ahead)
        if (held_cells(h, o, path, lang, cells)) rows.push_back(cells);
    std::vector<CodeColumnContent> contents;
    for (int position : map.code_candidates) {
        std::vector<std::string_view> column;
        for (const std::vector<std::string> &row : rows)
            column.push_back(static_cast<std::size_t>(position) < row.size()
                                 ? std::string_view(row[static_cast<std::size_t>(position)])
                                 : std::string_view());
        contents.push_back(code_column_content(column));
    }
    bool by_content = false;
    std::size_t chosen = choose_code_column(contents, by_content);
    map.index[static_cast<std::size_t>(Column::code)] = map.code_candidates[chosen];
    facts.code_by_content = by_content;
    facts.code_rows_read = rows.size();
    for (std::size_t k = 0; k < map.code_candidates.size(); ++k) {
        std::size_t i = k == 0 ? chosen : (k <= chosen ? k - 1 : k);
        int position = map.code_candidates[i];
        facts.code_candidates.push_back(
            CodeCandidate{position, collapse_space(o.header.cells[static_cast<std::size_t>(position)]),
                          contents[i].filled, contents[i].code_like, contents[i].running_number});
    }
}

/// explain: the records above the header and the header itself (when it
/// was not found, every record searched and the closest row).
void record_opening(const Opening &o, const FileFacts &facts, LoadTrace &trace) {
    std::size_t above = o.header.found ? o.header.record : o.prefix.size();
    trace.above_header.assign(o.prefix.begin(), o.prefix.begin() + static_cast<std::ptrdiff_t>(above));
    trace.header = o.header;
    // A header on two rows, and a row of column numbers under it, are one block.
    trace.header_last_line = o.header.found ? std::max(facts.header_last_line, facts.column_numbers_line) : 0;
    trace.skipped.clear();
}

} // namespace

std::string file_stem(const std::string &path) {
    if (path == "-" || path == "<stdin>") return "stdin";
    std::string name(platform::file_name(path));
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
    out.facts.encoding_assumed = o.source->encoding_assumed();
    o.reader = std::make_unique<TextReader>(path, *o.source, lang, 1, size_hint);

    // The header is the first row that names the needed columns, or the
    // first two rows that do together (a header of merged cells): read up
    // to it, or up to the search limit to say what is missing.
    RecordSpan span;
    while (o.prefix.size() < static_cast<std::size_t>(k_header_search_rows) && o.reader->next(span)) {
        o.prefix.push_back(
            RawRecord{span.line, span.last_line, record_text(span, path, lang, o.source->guessed_until())});
        HeaderChoice here = header_of(o.prefix.back(), options.delimiter, path, lang);
        if (!here.found && o.prefix.size() >= 2)
            here = find_two_row_header(o.prefix[o.prefix.size() - 2], o.prefix.back(), options.delimiter, path,
                                       sheet_columns(), lang);
        if (here.found) {
            here.record = o.prefix.size() - here.rows;
            o.header = std::move(here);
            break;
        }
    }
    if (o.prefix.empty() ||
        std::all_of(o.prefix.begin(), o.prefix.end(), [](const RawRecord &r) { return is_blank_cell(r.text); })) {
        out.facts.header = FileFacts::Header::empty;
        out.facts.header_line = 1;
        return false;
    }

    if (!o.header.found) o.header = find_header(o.prefix, options.delimiter, path, sheet_columns(), lang);
    if (!o.header.found) {
        record_missing_header(out, o.prefix, o.header, options);
        return false;
    }
    out.delimiter = o.header.delimiter;
    FileFacts &facts = out.facts;
    facts.header_line = o.prefix[o.header.record].line;
    facts.header_row = static_cast<long>(o.header.record) + 1;
    facts.header_last_line = o.prefix.back().last_line;
    read_ahead(o, out, options);
    for (auto [position, column] : o.header.map.repeated)
        facts.repeated_columns.push_back(RepeatedColumn{
            position, o.header.map.at(column), collapse_space(o.header.cells[static_cast<std::size_t>(position)])});
    return true;
}

} // namespace layout_detail

LoadedFile load_input(std::unique_ptr<RawInput> raw, const std::string &path, const LoadOptions &options) {
    LoadedFile out;
    out.file = path;
    Opening o;
    const bool opened = layout_detail::open_sheet(std::move(raw), out, o, options);
    if (options.trace != nullptr) record_opening(o, out.facts, *options.trace);
    if (!opened) return out;
    layout_detail::read_whole(o, out, options);
    return out;
}

} // namespace cchc
