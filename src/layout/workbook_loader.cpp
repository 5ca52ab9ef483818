// A workbook → its sheets (see layout/workbook_loader.hpp). A worksheet's
// rows are written as CSV text, one line per worksheet row, as the loader
// reads on (WorksheetInput): the loader reads that text as a file's, and
// its lines are mapped back to the worksheet's row numbers (LineMap).
// Only the rows the header search needs are held; the rest pass through.
#include "opening.hpp"

#include <cchc/base/error.hpp>
#include <cchc/input/workbook/workbook.hpp>
#include <cchc/layout/workbook_loader.hpp>
#include <cchc/text/unicode.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <set>

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

/// One worksheet row's record, cells at their columns, appended to `out`.
void append_record(std::string &out, const WorksheetRow &row, long &line_breaks) {
    int column = 0;
    for (const WorksheetCell &cell : row.cells) {
        out.append(static_cast<std::size_t>(std::max(cell.column - column, 0)), ',');
        column = std::max(column, cell.column);
        append_cell(out, cell.text, line_breaks);
    }
}

std::string record_of(const WorksheetRow &row, long &line_breaks) {
    std::string out;
    append_record(out, row, line_breaks);
    return out;
}

/// The worksheet's header columns for owner, unit and period, found as the
/// loader will find them (in its first rows), to fill their merged cells down.
HeaderChoice worksheet_header(const std::vector<WorksheetRow> &rows, const std::string &place, Lang lang) {
    std::vector<RawRecord> records;
    for (const WorksheetRow &row : rows) {
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

/// A code the spreadsheet may have stored as a number that lost a zero: "3.1".
bool one_decimal(std::string_view text) {
    std::size_t dot = text.find('.');
    return dot != std::string_view::npos && text.size() - dot == 2;
}

/// "3.1" → "3.10" when the code cell before it says 3.10 comes next
/// ("3.9") or 3.1 came already: the spreadsheet dropped the trailing zero.
std::string likely_code(std::string_view stored, std::string_view before,
                        const std::set<std::string, std::less<>> &seen) {
    if (!one_decimal(stored)) return {};
    std::string prefix(stored.substr(0, stored.find('.') + 1));
    if (before == prefix + "9" || seen.contains(stored)) return std::string(stored) + "0";
    return {};
}

/// A merged owner, unit or period cell holds its text on its first row
/// only: every row of the range gets it, as the clerk sees it. The ranges
/// of one such column, those not begun yet and those open at the row read.
struct MergedColumn {
    struct Span {
        long first_row = 0, last_row = 0;
        std::size_t index = 0; // in the worksheet's ranges: the first one listed wins
        std::string text;
    };
    int column = -1;
    std::vector<Span> waiting; // by first row, then index
    std::vector<Span> open;

    /// Fills `row` from the range open over it, then opens those it begins.
    void fill(WorksheetRow &row) {
        std::erase_if(open, [&](const Span &s) { return s.last_row < row.number; });
        const Span *from = nullptr;
        for (const Span &s : open)
            if (from == nullptr || s.index < from->index) from = &s;
        if (from != nullptr) {
            auto at = std::lower_bound(row.cells.begin(), row.cells.end(), column,
                                       [](const WorksheetCell &cell, int n) { return cell.column < n; });
            // A hidden value under the merge: Excel keeps it, so do we.
            if (at == row.cells.end() || at->column != column)
                row.cells.insert(at, WorksheetCell{column, from->text, CellKind::text});
        }
        std::size_t begun = 0;
        for (; begun < waiting.size() && waiting[begun].first_row <= row.number; ++begun) {
            Span &s = waiting[begun];
            if (s.first_row != row.number) continue; // its first row has no value: nothing to fill with
            auto owner = std::find_if(row.cells.begin(), row.cells.end(),
                                      [&](const WorksheetCell &cell) { return cell.column == column; });
            if (owner == row.cells.end()) continue;
            s.text = owner->text;
            open.push_back(std::move(s));
        }
        waiting.erase(waiting.begin(), waiting.begin() + static_cast<std::ptrdiff_t>(begun));
    }
};

/// A worksheet's text lines → its rows. A row is one line, blank rows too,
/// but a cell with line breaks makes its row several: a line's row is
/// kept as the few places where that offset changes.
class LineMap {
public:
    /// The next record is worksheet row `number`, after blank lines for the
    /// rows before it, and has `breaks` line breaks inside its cells.
    void add(long number, long breaks) {
        m_lines += number - m_next_row; // the blank rows' lines
        const long line = m_lines + 1;
        if (breaks > 0) {
            m_segments.push_back(Segment{line, number, true});
            m_segments.push_back(Segment{line + breaks + 1, number + 1, false});
        }
        m_lines += breaks + 1;
        m_next_row = number + 1;
    }

    /// The row of a line of the text; a line not in it stays as it is.
    long row(long line) const {
        if (line <= 0 || line > m_lines) return line;
        auto it = std::upper_bound(m_segments.begin(), m_segments.end(), line,
                                   [](long l, const Segment &s) { return l < s.line; });
        const Segment &s = *(it - 1);
        return s.fixed ? s.row : s.row + (line - s.line);
    }

    /// Each line's row, index 0 unused.
    std::vector<long> all() const {
        std::vector<long> out(1, 0);
        for (long line = 1; line <= m_lines; ++line)
            out.push_back(row(line));
        return out;
    }

private:
    struct Segment {
        long line, row;
        bool fixed; // every line of it is that row (one record over several lines)
    };
    std::vector<Segment> m_segments{Segment{1, 1, false}};
    long m_lines = 0;
    long m_next_row = 1;
};

/// A worksheet's rows → the CSV text the loader reads, a row at a time.
/// The rows the header search needs are held first: the header says which
/// columns hold owner, unit and period (their merged cells are filled
/// down) and the code (codes the spreadsheet changed: a date code is
/// written day/month, and the layout's date rule then names the code,
/// "1/3" → 1.3; a number that lost a trailing zero is recorded for a
/// finding). `raw`: the cells as they are, for a catalog.
class WorksheetText {
public:
    WorksheetText(WorksheetRows &rows, const std::string &worksheet, const std::string &place, Lang lang, bool raw)
        : m_rows(rows), m_worksheet(worksheet), m_place(place), m_lang(lang), m_raw(raw) {}

    /// Appends the next row's text to `out`; false at the worksheet's end.
    bool more(std::string &out) {
        if (!m_started) {
            start(out);
            return true;
        }
        if (!m_rows.next(m_row)) return false;
        write(m_row, out);
        return true;
    }

    /// Reads the rows the loader did not: their codes count, their errors are the file's.
    void drain() {
        std::string out;
        while (more(out))
            out.clear();
    }

    const LineMap &lines() const { return m_lines; }
    std::vector<NumberCode> number_codes;

private:
    void start(std::string &out) {
        m_started = true;
        std::vector<WorksheetRow> head;
        while (head.size() < static_cast<std::size_t>(k_header_search_rows) && m_rows.next(m_row))
            head.push_back(std::move(m_row));
        if (!m_raw) m_header = worksheet_header(head, m_place, m_lang);
        if (m_header.found) {
            m_header_row = head[m_header.record].number;
            m_code_column = m_header.map.at(Column::code);
            for (Column c : {Column::owner, Column::unit, Column::period})
                if (const int column = m_header.map.at(c); column >= 0)
                    m_merged.push_back(MergedColumn{column, {}, {}});
        }
        for (WorksheetRow &row : head)
            write(row, out);
    }

    /// Ranges the reader has come to since the last row.
    void take_ranges() {
        const std::vector<CellRange> &ranges = m_rows.merged();
        for (; m_ranges_taken < ranges.size(); ++m_ranges_taken) {
            const CellRange &range = ranges[m_ranges_taken];
            if (range.last_row == range.first_row || range.first_row <= m_header_row) continue;
            for (MergedColumn &mc : m_merged) {
                if (range.first_column != mc.column) continue;
                MergedColumn::Span span{range.first_row, range.last_row, m_ranges_taken, {}};
                auto at = std::upper_bound(mc.waiting.begin(), mc.waiting.end(), span.first_row,
                                           [](long r, const MergedColumn::Span &s) { return r < s.first_row; });
                mc.waiting.insert(at, std::move(span));
            }
        }
    }

    void write(WorksheetRow &row, std::string &out) {
        const std::size_t index = m_index++;
        if (!m_merged.empty()) {
            take_ranges();
            for (MergedColumn &mc : m_merged)
                mc.fill(row);
        }
        if (m_code_column >= 0 && index > m_header.record) read_code(row);
        out.append(static_cast<std::size_t>(row.number - m_next_row), '\n');
        long breaks = 0;
        append_record(out, row, breaks);
        out.push_back('\n');
        m_lines.add(row.number, breaks);
        m_next_row = row.number + 1;
    }

    void read_code(WorksheetRow &row) {
        auto at = std::find_if(row.cells.begin(), row.cells.end(),
                               [&](const WorksheetCell &cell) { return cell.column == m_code_column; });
        if (at == row.cells.end()) return;
        if (at->kind == CellKind::date) {
            // "1/3/2023" (the year is the one the code was typed in) → "1/3".
            if (std::size_t slash = at->text.rfind('/'); slash != std::string::npos && at->text.find('/') != slash)
                at->text.erase(slash);
        } else if (at->kind == CellKind::number) {
            if (std::string likely = likely_code(at->text, m_before, m_seen); !likely.empty())
                number_codes.push_back(NumberCode{m_place, m_worksheet, row.number,
                                                  column_letters(m_code_column) + std::to_string(row.number), at->text,
                                                  likely});
        }
        m_before = at->text;
        if (one_decimal(at->text)) m_seen.insert(at->text);
    }

    WorksheetRows &m_rows;
    const std::string &m_worksheet;
    const std::string &m_place;
    Lang m_lang;
    bool m_raw;
    bool m_started = false;
    WorksheetRow m_row;
    HeaderChoice m_header;
    long m_header_row = 0;
    int m_code_column = -1;
    std::vector<MergedColumn> m_merged;
    std::size_t m_ranges_taken = 0;
    std::size_t m_index = 0; // of the row, among those with a value
    long m_next_row = 1;
    LineMap m_lines;
    std::string m_before;
    std::set<std::string, std::less<>> m_seen;
};

/// The worksheet's text as the loader's input, written as it is read.
class WorksheetInput : public RawInput {
public:
    explicit WorksheetInput(WorksheetText &text) : m_text(text) {}
    std::size_t read(char *buffer, std::size_t size) override {
        if (m_pos == m_buffer.size()) {
            m_buffer.clear();
            m_pos = 0;
            while (m_buffer.size() < size && m_text.more(m_buffer)) {
            }
        }
        const std::size_t n = std::min(size, m_buffer.size() - m_pos);
        std::memcpy(buffer, m_buffer.data() + m_pos, n);
        m_pos += n;
        return n;
    }

private:
    WorksheetText &m_text;
    std::string m_buffer;
    std::size_t m_pos = 0;
};

/// A line of the worksheet's text, as the worksheet's row.
void map_line(long &line, const LineMap &lines) {
    line = lines.row(line);
}

/// A sheet's lines, as the worksheet's rows: a worksheet row is one
/// record of the text, so its row is its record.
void map_sheet(Sheet &sheet, const LineMap &lines) {
    map_line(sheet.header_line, lines);
    sheet.header_row = sheet.header_line;
    map_line(sheet.first_owner_filled_line, lines);
    sheet.first_owner_filled_row = sheet.first_owner_filled_line;
    for (Row &r : sheet.rows) {
        map_line(r.line, lines);
        r.record = r.line;
    }
}

/// The lines of the loaded text, as the worksheet's rows.
void map_lines(LoadedFile &loaded, const LineMap &lines) {
    for (Sheet &sheet : loaded.sheets)
        map_sheet(sheet, lines);
    FileFacts &f = loaded.facts;
    map_line(f.header_line, lines);
    f.header_row = f.header_line;
    map_line(f.header_last_line, lines);
    map_line(f.column_numbers_line, lines);
}

/// Hands on a worksheet's sheets, their lines made its rows.
class WorksheetSink : public SheetSink {
public:
    WorksheetSink(SheetSink &to, const LineMap &lines, const std::string &worksheet)
        : m_to(to), m_lines(lines), m_worksheet(worksheet) {}
    void sheet(Sheet &sheet, int part) override {
        map_sheet(sheet, m_lines);
        sheet.worksheet = m_worksheet;
        m_to.sheet(sheet, part);
    }
    bool keeps_rows() const override { return m_to.keeps_rows(); }
    void discard_part(int part) override { m_to.discard_part(part); }

private:
    SheetSink &m_to;
    const LineMap &m_lines;
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
void map_trace(LoadTrace &trace, const LineMap &lines) {
    for (RawRecord &record : trace.above_header) {
        map_line(record.line, lines);
        map_line(record.last_line, lines);
    }
    map_line(trace.header_last_line, lines);
    for (SkippedRecord &skipped : trace.skipped) {
        map_line(skipped.line, lines);
        map_line(skipped.last_line, lines);
    }
}

/// One worksheet read as a file: loaded whole, or with `sink` streamed,
/// each sheet handed on as it is complete (the file returned has none).
WorksheetRead read_worksheet(const std::string &worksheet, WorksheetRows &rows, const std::string &name,
                             const LoadOptions &options, LoadTrace *trace, SheetSink *sink = nullptr) {
    const std::string place = worksheet_place(name, worksheet);
    WorksheetText text(rows, worksheet, place, options.lang, false);
    LoadOptions o = options;
    o.encoding = "UTF-8";
    o.delimiter = ',';
    o.split_at = 0;
    o.trace = trace;
    if (o.unit.empty()) o.unit = worksheet.empty() ? file_stem(name) : worksheet;
    WorksheetRead out;
    if (sink != nullptr) {
        WorksheetSink mapped(*sink, text.lines(), worksheet);
        out.loaded = stream_input(std::make_unique<WorksheetInput>(text), place, o, mapped);
    } else {
        out.loaded = load_input(std::make_unique<WorksheetInput>(text), place, o);
    }
    text.drain();
    map_lines(out.loaded, text.lines());
    if (trace != nullptr) map_trace(*trace, text.lines());
    out.number_codes = std::move(text.number_codes);
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
    read_workbook(bytes, name, lang,
                  [&](const std::string &worksheet, WorksheetRows &rows, std::size_t index, std::size_t) {
                      if (only != static_cast<std::size_t>(-1) && index != only) return;
                      WorksheetRead read = read_worksheet(worksheet, rows, name, options, nullptr);
                      LoadedFile &loaded = read.loaded;
                      if (loaded.facts.header != FileFacts::Header::found) {
                          if (!first_unread) first_unread = std::move(loaded);
                          out.facts.skipped_worksheets.push_back(worksheet);
                          return;
                      }
                      take_facts(out, out.sheets.empty(), read);
                      read_names.push_back(worksheet);
                      for (Sheet &sheet : loaded.sheets) {
                          sheet.worksheet = worksheet;
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
    read_workbook(bytes, name, lang,
                  [&](const std::string &worksheet, WorksheetRows &rows, std::size_t index, std::size_t) {
                      if (only != static_cast<std::size_t>(-1) && index != only) return;
                      WorksheetRead read = read_worksheet(worksheet, rows, name, options, nullptr, &sink);
                      LoadedFile &loaded = read.loaded;
                      if (loaded.facts.header != FileFacts::Header::found) {
                          if (!first_unread) first_unread = std::move(loaded);
                          out.facts.skipped_worksheets.push_back(worksheet);
                          return;
                      }
                      take_facts(out, read_names.empty(), read);
                      read_names.push_back(worksheet);
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
    read_workbook(bytes, name, options.lang,
                  [&](const std::string &sheet_name, WorksheetRows &rows, std::size_t index, std::size_t) {
                      if (only != static_cast<std::size_t>(-1) && index != only) return;
                      const std::string place = worksheet_place(name, sheet_name);
                      WorksheetText text(rows, sheet_name, place, options.lang, true);
                      std::string whole;
                      while (text.more(whole)) {
                      }
                      worksheet(sheet_name, std::move(whole), text.lines().all());
                  });
}

TracedWorkbook trace_workbook(std::string_view bytes, const std::string &name, const LoadOptions &options) {
    const std::size_t only = only_worksheet(bytes, name, options);
    TracedWorkbook out;
    std::optional<TracedWorksheet> first_unread;
    std::vector<std::string> read_names;
    read_workbook(bytes, name, options.lang,
                  [&](const std::string &worksheet, WorksheetRows &rows, std::size_t index, std::size_t) {
                      if (only != static_cast<std::size_t>(-1) && index != only) return;
                      TracedWorksheet traced;
                      WorksheetRead read = read_worksheet(worksheet, rows, name, options, &traced.trace);
                      traced.loaded = std::move(read.loaded);
                      traced.loaded.facts.number_codes = std::move(read.number_codes);
                      traced.worksheet = worksheet;
                      if (traced.loaded.facts.header != FileFacts::Header::found) {
                          if (!first_unread) first_unread = std::move(traced);
                          out.skipped_worksheets.push_back(worksheet);
                          return;
                      }
                      read_names.push_back(worksheet);
                      for (Sheet &sheet : traced.loaded.sheets)
                          sheet.worksheet = worksheet;
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
