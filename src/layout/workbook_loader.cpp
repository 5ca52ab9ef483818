// A workbook → its sheets (see layout/workbook_loader.hpp). Cold: a
// worksheet's cells are written as one CSV text, in memory, with one line
// per worksheet row, and that text goes through the loader as a file's
// would; the lines are then mapped back to the worksheet's row numbers.
#include "opening.hpp"

#include <cchc/base/error.hpp>
#include <cchc/input/workbook/workbook.hpp>
#include <cchc/layout/workbook_loader.hpp>
#include <cchc/text/unicode.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace cchc {

namespace {

/// A cell that holds a delimiter the header search tries, a quote or a
/// line break is quoted, so that it stays one cell.
void append_cell(std::string &out, std::string_view text, long &line_breaks) {
    if (text.find_first_of(",;|\t\"\r\n") == std::string_view::npos) {
        out.append(text);
        return;
    }
    out.push_back('"');
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (c == '"') out.push_back('"');
        // A lone CR inside a cell is a line break for the reader too: counted as one.
        if (c == '\n' || (c == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) ++line_breaks;
        out.push_back(c);
    }
    out.push_back('"');
}

/// One worksheet row's record, cells at their columns.
std::string record_of(const WorksheetRow &row, long &line_breaks) {
    std::string out;
    int column = 0;
    for (const WorksheetCell &cell : row.cells) {
        for (; column < cell.column; ++column)
            out.push_back(',');
        append_cell(out, cell.text, line_breaks);
    }
    return out;
}

/// The worksheet's header columns for owner, unit and period, found as the
/// loader will find them, to fill their merged cells down.
HeaderChoice worksheet_header(const Worksheet &ws, const std::string &place, Lang lang) {
    std::vector<RawRecord> records;
    for (const WorksheetRow &row : ws.rows) {
        if (records.size() >= static_cast<std::size_t>(k_header_search_rows)) break;
        long breaks = 0;
        records.push_back(RawRecord{row.number, row.number, record_of(row, breaks)});
    }
    if (records.empty()) return HeaderChoice{};
    try {
        for (std::size_t i = 0; i < records.size(); ++i) {
            HeaderChoice one = find_header({records[i]}, ',', place, layout_detail::sheet_columns(), lang);
            if (!one.found && i > 0)
                one = find_two_row_header(records[i - 1], records[i], ',', place, layout_detail::sheet_columns(), lang);
            if (one.found) {
                one.record = i; // the header's last row
                return one;
            }
        }
    } catch (const Error &) {
        // A header row that does not read: the loader will say so.
    }
    return HeaderChoice{};
}

/// A merged owner, unit or period cell holds its text on its first row
/// only: every row of the range gets it, as the clerk sees it.
void fill_merged(Worksheet &ws, const HeaderChoice &header) {
    if (ws.merged.empty() || !header.found) return;
    const long header_row = ws.rows[header.record].number;
    for (Column c : {Column::owner, Column::unit, Column::period}) {
        const int column = header.map.at(c);
        if (column < 0) continue;
        for (const CellRange &range : ws.merged) {
            if (range.first_column != column || range.last_row == range.first_row || range.first_row <= header_row)
                continue;
            auto first = std::lower_bound(ws.rows.begin(), ws.rows.end(), range.first_row,
                                          [](const WorksheetRow &r, long n) { return r.number < n; });
            if (first == ws.rows.end() || first->number != range.first_row) continue;
            auto owner = std::find_if(first->cells.begin(), first->cells.end(),
                                      [&](const WorksheetCell &cell) { return cell.column == column; });
            if (owner == first->cells.end()) continue;
            const std::string text = owner->text;
            for (auto row = first + 1; row != ws.rows.end() && row->number <= range.last_row; ++row) {
                auto at = std::lower_bound(row->cells.begin(), row->cells.end(), column,
                                           [](const WorksheetCell &cell, int n) { return cell.column < n; });
                if (at != row->cells.end() && at->column == column)
                    continue; // a hidden value: Excel keeps it, so do we
                row->cells.insert(at, WorksheetCell{column, text, CellKind::text});
            }
        }
    }
}

/// "3.1" → "3.10" when the code cell before it says 3.10 comes next
/// ("3.9") or 3.1 came already: the spreadsheet dropped the trailing zero.
std::string likely_code(std::string_view stored, std::string_view before, const std::vector<std::string> &seen) {
    std::size_t dot = stored.find('.');
    if (dot == std::string_view::npos || stored.size() - dot != 2) return {};
    std::string prefix(stored.substr(0, dot + 1));
    if (before == prefix + "9" || std::find(seen.begin(), seen.end(), stored) != seen.end())
        return std::string(stored) + "0";
    return {};
}

/// Codes the spreadsheet changed: a date code is written day/month (the
/// layout's date rule then names the code, "1/3" → 1.3), and a number
/// that lost a trailing zero is recorded for a finding.
void read_codes(Worksheet &ws, const HeaderChoice &header, const std::string &place, FileFacts &facts) {
    if (!header.found) return;
    const int column = header.map.at(Column::code);
    if (column < 0) return;
    std::vector<std::string> seen;
    std::string before;
    for (std::size_t i = header.record + 1; i < ws.rows.size(); ++i) {
        WorksheetRow &row = ws.rows[i];
        auto at = std::find_if(row.cells.begin(), row.cells.end(),
                               [&](const WorksheetCell &cell) { return cell.column == column; });
        if (at == row.cells.end()) continue;
        if (at->kind == CellKind::date) {
            // "1/3/2023" (the year is the one the code was typed in) → "1/3".
            if (std::size_t slash = at->text.rfind('/'); slash != std::string::npos && at->text.find('/') != slash)
                at->text.erase(slash);
        } else if (at->kind == CellKind::number) {
            if (std::string likely = likely_code(at->text, before, seen); !likely.empty())
                facts.number_codes.push_back(NumberCode{
                    place, ws.name, row.number, column_letters(column) + std::to_string(row.number), at->text, likely});
        }
        before = at->text;
        seen.push_back(at->text);
    }
}

/// The worksheet as a CSV text, one line per row (blank rows too), and the
/// worksheet row each line of the text stands for.
std::string worksheet_text(const Worksheet &ws, std::vector<long> &row_of_line) {
    std::string text;
    row_of_line.assign(1, 0); // lines are 1-based
    long row = 1;
    for (const WorksheetRow &r : ws.rows) {
        for (; row < r.number; ++row) {
            text.push_back('\n');
            row_of_line.push_back(row);
        }
        long breaks = 0;
        text += record_of(r, breaks);
        text.push_back('\n');
        for (long k = 0; k <= breaks; ++k)
            row_of_line.push_back(r.number);
        row = r.number + 1;
    }
    return text;
}

/// A line of the worksheet's text, as the worksheet's row.
void map_line(long &line, const std::vector<long> &row_of_line) {
    if (line > 0 && static_cast<std::size_t>(line) < row_of_line.size())
        line = row_of_line[static_cast<std::size_t>(line)];
}

/// A sheet's lines, as the worksheet's rows: a worksheet row is one
/// record of the text, so its row is its record.
void map_sheet(Sheet &sheet, const std::vector<long> &row_of_line) {
    map_line(sheet.header_line, row_of_line);
    sheet.header_row = sheet.header_line;
    map_line(sheet.first_owner_filled_line, row_of_line);
    sheet.first_owner_filled_row = sheet.first_owner_filled_line;
    for (Row &r : sheet.rows) {
        map_line(r.line, row_of_line);
        r.record = r.line;
    }
}

/// The lines of the loaded text, as the worksheet's rows.
void map_lines(LoadedFile &loaded, const std::vector<long> &row_of_line) {
    for (Sheet &sheet : loaded.sheets)
        map_sheet(sheet, row_of_line);
    FileFacts &f = loaded.facts;
    map_line(f.header_line, row_of_line);
    f.header_row = f.header_line;
    map_line(f.header_last_line, row_of_line);
    map_line(f.column_numbers_line, row_of_line);
}

/// Hands on a worksheet's sheets, their lines made its rows.
class WorksheetSink : public SheetSink {
public:
    WorksheetSink(SheetSink &to, const std::vector<long> &row_of_line, const std::string &worksheet)
        : m_to(to), m_row_of_line(row_of_line), m_worksheet(worksheet) {}
    void sheet(Sheet &sheet, int part) override {
        map_sheet(sheet, m_row_of_line);
        sheet.worksheet = m_worksheet;
        m_to.sheet(sheet, part);
    }
    bool keeps_rows() const override { return m_to.keeps_rows(); }
    void discard_part(int part) override { m_to.discard_part(part); }

private:
    SheetSink &m_to;
    const std::vector<long> &m_row_of_line;
    const std::string &m_worksheet;
};

/// The worksheet --sheet names: by name (as written, or folded), else by 1-based number.
std::size_t chosen_worksheet(const std::vector<std::string> &names, const std::string &wanted, const std::string &file,
                             Lang lang) {
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == wanted) return i;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (fold(names[i]) == fold(wanted)) return i;
    if (!wanted.empty() && std::all_of(wanted.begin(), wanted.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        wanted.size() < 6) {
        std::size_t n = std::stoul(wanted);
        if (n >= 1 && n <= names.size()) return n - 1;
    }
    std::string list;
    for (std::size_t i = 0; i < names.size(); ++i)
        list += fmt::format("{}{}. {}", i ? ", " : "", i + 1, names[i]);
    throw Error(fmt::format(fmt::runtime(pick(lang, "{}: không có trang tính \"{}\"; các trang tính: {}",
                                              "{}: no worksheet \"{}\"; the worksheets are: {}")),
                            file, wanted, list));
}

} // namespace

std::string worksheet_place(const std::string &file, const std::string &worksheet) {
    return fmt::format("{}[{}]", file, worksheet);
}

namespace {

/// One worksheet loaded as a file, its lines mapped to the worksheet's rows.
struct WorksheetRead {
    LoadedFile loaded;
    std::vector<NumberCode> number_codes;
};

/// The trace's lines, as the worksheet's rows.
void map_trace(LoadTrace &trace, const std::vector<long> &row_of_line) {
    auto row = [&](long &line) {
        if (line > 0 && static_cast<std::size_t>(line) < row_of_line.size())
            line = row_of_line[static_cast<std::size_t>(line)];
    };
    for (RawRecord &record : trace.above_header) {
        row(record.line);
        row(record.last_line);
    }
    row(trace.header_last_line);
    for (SkippedRecord &skipped : trace.skipped) {
        row(skipped.line);
        row(skipped.last_line);
    }
}

/// One worksheet read as a file: loaded whole, or with `sink` streamed,
/// each sheet handed on as it is complete (the file returned has none).
WorksheetRead read_worksheet(Worksheet &ws, const std::string &name, const LoadOptions &options, LoadTrace *trace,
                             SheetSink *sink = nullptr) {
    const Lang lang = options.lang;
    const std::string place = worksheet_place(name, ws.name);
    const HeaderChoice header = worksheet_header(ws, place, lang);
    fill_merged(ws, header);
    WorksheetRead out;
    {
        FileFacts codes;
        read_codes(ws, header, place, codes);
        out.number_codes = std::move(codes.number_codes);
    }
    std::vector<long> row_of_line;
    std::string text = worksheet_text(ws, row_of_line);
    ws.rows = {}; // its cells are in the text now
    LoadOptions o = options;
    o.encoding = "UTF-8";
    o.delimiter = ',';
    o.split_at = 0;
    o.trace = trace;
    if (o.unit.empty()) o.unit = ws.name.empty() ? file_stem(name) : ws.name;
    if (sink != nullptr) {
        WorksheetSink mapped(*sink, row_of_line, ws.name);
        out.loaded = stream_input(std::make_unique<MemoryInput>(std::move(text)), place, o, mapped);
    } else {
        out.loaded = load_input(std::make_unique<MemoryInput>(std::move(text)), place, o);
    }
    map_lines(out.loaded, row_of_line);
    if (trace != nullptr) map_trace(*trace, row_of_line);
    return out;
}

/// The worksheet --sheet names, or -1 for every one.
std::size_t only_worksheet(std::string_view bytes, const std::string &name, const LoadOptions &options) {
    if (options.sheet.empty()) return static_cast<std::size_t>(-1);
    return chosen_worksheet(worksheet_names(bytes, name, options.lang), options.sheet, name, options.lang);
}

/// A worksheet with a header read into the file: the first (`first`) gives
/// the file its facts, keeping the worksheets skipped before it; every one
/// adds its codes stored as numbers.
void take_facts(LoadedFile &out, bool first, WorksheetRead &read) {
    if (first) {
        std::vector<std::string> skipped = std::move(out.facts.skipped_worksheets);
        out.facts = read.loaded.facts;
        out.facts.skipped_worksheets = std::move(skipped);
    }
    for (NumberCode &code : read.number_codes)
        out.facts.number_codes.push_back(std::move(code));
}

/// The workbook's only score sheet is the file's, as a CSV file's is.
void name_only_sheet(std::vector<Sheet> &sheets, const std::vector<std::string> &read_names, const std::string &name,
                     const LoadOptions &options) {
    if (options.unit.empty() && options.sheet.empty() && read_names.size() == 1)
        for (Sheet &sheet : sheets)
            if (sheet.unit == read_names.front()) sheet.unit = file_stem(name);
}

} // namespace

LoadedFile load_workbook(std::string_view bytes, const std::string &name, const LoadOptions &options) {
    const Lang lang = options.lang;
    const std::size_t only = only_worksheet(bytes, name, options);

    LoadedFile out;
    out.file = name;
    out.encoding = "UTF-8";
    std::optional<LoadedFile> first_unread; // the first worksheet without a header, for its facts
    std::vector<std::string> read_names;
    read_workbook(bytes, name, lang, [&](Worksheet &ws, std::size_t index, std::size_t) {
        if (only != static_cast<std::size_t>(-1) && index != only) return;
        WorksheetRead read = read_worksheet(ws, name, options, nullptr);
        LoadedFile &loaded = read.loaded;
        if (loaded.facts.header != FileFacts::Header::found) {
            if (!first_unread) first_unread = std::move(loaded);
            out.facts.skipped_worksheets.push_back(ws.name);
            return;
        }
        take_facts(out, out.sheets.empty(), read);
        read_names.push_back(ws.name);
        for (Sheet &sheet : loaded.sheets) {
            sheet.worksheet = ws.name;
            out.sheets.push_back(std::move(sheet));
        }
    });
    name_only_sheet(out.sheets, read_names, name, options);
    if (out.sheets.empty() && first_unread) {
        // No worksheet is a score sheet: say why of the first, as for a CSV file.
        out = std::move(*first_unread);
    }
    return out;
}

LoadedFile stream_workbook(std::string_view bytes, const std::string &name, const LoadOptions &options, SheetSink &sink,
                           std::string &only_unit) {
    const Lang lang = options.lang;
    const std::size_t only = only_worksheet(bytes, name, options);
    LoadedFile out;
    out.file = name;
    out.encoding = "UTF-8";
    std::optional<LoadedFile> first_unread;
    std::vector<std::string> read_names;
    read_workbook(bytes, name, lang, [&](Worksheet &ws, std::size_t index, std::size_t) {
        if (only != static_cast<std::size_t>(-1) && index != only) return;
        WorksheetRead read = read_worksheet(ws, name, options, nullptr, &sink);
        LoadedFile &loaded = read.loaded;
        if (loaded.facts.header != FileFacts::Header::found) {
            if (!first_unread) first_unread = std::move(loaded);
            out.facts.skipped_worksheets.push_back(ws.name);
            return;
        }
        take_facts(out, read_names.empty(), read);
        read_names.push_back(ws.name);
    });
    only_unit.clear();
    if (options.unit.empty() && options.sheet.empty() && read_names.size() == 1) only_unit = read_names.front();
    if (read_names.empty() && first_unread) out = std::move(*first_unread);
    return out;
}

void each_worksheet_text(
    std::string_view bytes, const std::string &name, const LoadOptions &options,
    const std::function<void(const std::string &, std::string, const std::vector<long> &)> &worksheet) {
    const std::size_t only = only_worksheet(bytes, name, options);
    read_workbook(bytes, name, options.lang, [&](Worksheet &ws, std::size_t index, std::size_t) {
        if (only != static_cast<std::size_t>(-1) && index != only) return;
        std::vector<long> row_of_line;
        std::string text = worksheet_text(ws, row_of_line);
        ws.rows = {};
        worksheet(ws.name, std::move(text), row_of_line);
    });
}

TracedWorkbook trace_workbook(std::string_view bytes, const std::string &name, const LoadOptions &options) {
    const std::size_t only = only_worksheet(bytes, name, options);
    TracedWorkbook out;
    std::optional<TracedWorksheet> first_unread;
    std::vector<std::string> read_names;
    read_workbook(bytes, name, options.lang, [&](Worksheet &ws, std::size_t index, std::size_t) {
        if (only != static_cast<std::size_t>(-1) && index != only) return;
        TracedWorksheet traced;
        WorksheetRead read = read_worksheet(ws, name, options, &traced.trace);
        traced.loaded = std::move(read.loaded);
        traced.loaded.facts.number_codes = std::move(read.number_codes);
        traced.worksheet = ws.name;
        if (traced.loaded.facts.header != FileFacts::Header::found) {
            if (!first_unread) first_unread = std::move(traced);
            out.skipped_worksheets.push_back(ws.name);
            return;
        }
        read_names.push_back(ws.name);
        for (Sheet &sheet : traced.loaded.sheets)
            sheet.worksheet = ws.name;
        out.worksheets.push_back(std::move(traced));
    });
    for (TracedWorksheet &traced : out.worksheets)
        name_only_sheet(traced.loaded.sheets, read_names, name, options);
    if (out.worksheets.empty() && first_unread) {
        out.worksheets.push_back(std::move(*first_unread));
        out.skipped_worksheets.clear();
    }
    return out;
}

} // namespace cchc

namespace cchc {

namespace {

/// Bytes already read, then the rest of an input.
class PrefixedInput : public RawInput {
public:
    PrefixedInput(std::string head, std::unique_ptr<RawInput> rest)
        : m_head(std::move(head)), m_rest(std::move(rest)) {}
    std::size_t read(char *buffer, std::size_t size) override {
        if (m_pos < m_head.size()) {
            std::size_t n = std::min(size, m_head.size() - m_pos);
            std::memcpy(buffer, m_head.data() + m_pos, n);
            m_pos += n;
            return n;
        }
        return m_rest->read(buffer, size);
    }

private:
    std::string m_head;
    std::size_t m_pos = 0;
    std::unique_ptr<RawInput> m_rest;
};

std::string read_head(RawInput &raw, std::size_t want) {
    std::string head(want, '\0');
    std::size_t got = 0;
    while (got < want) {
        std::size_t n = raw.read(head.data() + got, want - got);
        if (n == 0) break;
        got += n;
    }
    head.resize(got);
    return head;
}

} // namespace

bool take_workbook(std::unique_ptr<RawInput> &raw, std::string &bytes) {
    std::string head = read_head(*raw, 4);
    if (!starts_like_workbook(head)) {
        raw = std::make_unique<PrefixedInput>(std::move(head), std::move(raw));
        return false;
    }
    bytes = std::move(head);
    char buffer[1 << 16];
    for (std::size_t n; (n = raw->read(buffer, sizeof buffer)) > 0;)
        bytes.append(buffer, n);
    return true;
}

bool file_starts_like_workbook(const std::string &path, Lang lang) {
    std::unique_ptr<RawInput> raw = RawInput::open(path, lang);
    return starts_like_workbook(read_head(*raw, 4));
}

std::string not_a_workbook_by_bytes_message(const std::string &file, Lang lang) {
    return fmt::format(
        fmt::runtime(pick(lang,
                          "{}: tên tệp là của một sổ tính nhưng nội dung không phải sổ tính Excel hay LibreOffice "
                          "(không phải zip hay .xls); nếu đó là CSV, hãy đổi đuôi tệp thành .csv, nếu không hãy mở "
                          "nó trong Excel hay LibreOffice và lưu với kiểu \"Excel Workbook (.xlsx)\"",
                          "{}: the file is named like a workbook but is no Excel or LibreOffice workbook (neither a "
                          "zip nor an .xls); if it is CSV, rename it .csv, otherwise open it in Excel or LibreOffice "
                          "and save it as \"Excel Workbook (.xlsx)\"")),
        file);
}

} // namespace cchc
