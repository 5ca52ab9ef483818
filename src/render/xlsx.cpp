// An Excel workbook, written with libxlsxwriter: one worksheet per kind of
// table (every sheet's rows in it, after their file, unit and period), so
// 10,000 sheets make a few worksheets, not 10,000. Numbers are typed numbers
// shown as 0.00 in any locale, codes and text typed text ("3.10" stays),
// percentages percent-formatted; a frozen header, an autofilter, widths from
// the content, wrapped notes, the total row bold, and native bar charts.
// Rows are streamed (constant-memory mode) through a temporary folder, and
// a province's report fills the one workbook a part of the files at a time.
#include <cchc/base/error.hpp>
#include <cchc/platform/platform.hpp>
#include <cchc/render/formats.hpp>
#include <cchc/text/unicode.hpp>

#include "libxlsxwriter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

namespace cchc {

namespace {

constexpr lxw_row_t k_max_rows = 1'048'576; // Excel's limit, the header included
constexpr std::size_t k_max_sheet_name = 31;
constexpr double k_wrap_width = 48;           // a wrapped text column's width, in characters
constexpr double k_max_width = 60;            // no column is wider than this
constexpr std::size_t k_max_chart_bars = 100; // more bars than this make no picture

/// The worksheet of each kind of table.
std::string sheet_name(const Table &table, Lang lang) {
    switch (table.kind) {
    case TableKind::sheet: return std::string(pick(lang, "Tổng hợp", "Summary"));
    case TableKind::domain: return std::string(pick(lang, "Theo lĩnh vực", "By domain"));
    case TableKind::owner: return std::string(pick(lang, "Theo bộ phận phụ trách", "By owner"));
    case TableKind::criterion: return std::string(pick(lang, "Theo tiêu chí", "By criterion"));
    case TableKind::appendix: return std::string(pick(lang, "Phụ lục", "Appendix"));
    case TableKind::owner_tasks: return std::string(pick(lang, "Nhiệm vụ theo bộ phận", "Tasks by owner"));
    case TableKind::top: return std::string(pick(lang, "Bị trừ nhiều nhất", "Top losses"));
    case TableKind::findings: return std::string(pick(lang, "Kết quả kiểm tra", "Findings"));
    case TableKind::ranking: return std::string(pick(lang, "Xếp hạng", "Ranking"));
    case TableKind::period_total: return std::string(pick(lang, "Thay đổi giữa hai kỳ", "Period change"));
    case TableKind::period_criteria: return std::string(pick(lang, "Thay đổi theo tiêu chí", "Change by criterion"));
    case TableKind::period_owners: return std::string(pick(lang, "Thay đổi theo bộ phận", "Change by owner"));
    case TableKind::explain: break;
    }
    return table.title;
}

/// A name Excel accepts: none of []:*?/\, at most 31 characters, not empty.
std::string valid_sheet_name(const std::string &name) {
    std::string clean;
    for (char c : name)
        clean += std::string_view("[]:*?/\\").find(c) == std::string_view::npos ? c : '_';
    // Excel counts characters (UTF-16 units; Vietnamese letters are one each).
    std::string cut;
    std::size_t count = 0;
    for (std::size_t i = 0; i < clean.size() && count < k_max_sheet_name;) {
        std::size_t len = 1;
        unsigned char c = static_cast<unsigned char>(clean[i]);
        if (c >= 0xF0)
            len = 4;
        else if (c >= 0xE0)
            len = 3;
        else if (c >= 0xC0)
            len = 2;
        if (len == 4 && count + 2 > k_max_sheet_name) break;
        cut.append(clean, i, len);
        count += len == 4 ? 2 : 1;
        i += len;
    }
    while (!cut.empty() && (cut.back() == ' ' || cut.front() == '\''))
        cut.pop_back();
    return cut.empty() ? "Sheet" : cut;
}

std::string ascii_lower(std::string text) {
    for (char &c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

/// A numeric cell's number; none for an empty cell or a dash.
std::optional<double> number_of(std::string_view cell) {
    if (!cell.empty() && cell.front() == '+') cell.remove_prefix(1);
    if (cell.empty()) return std::nullopt;
    double value = 0;
    auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
    if (ec != std::errc() || end != cell.data() + cell.size()) return std::nullopt;
    return value;
}

/// Lines a text takes in a column of this width: its own line breaks, and
/// the wrapping of each line.
std::size_t lines_in(std::string_view text, double width) {
    std::size_t lines = 0;
    std::size_t start = 0;
    while (true) {
        std::size_t end = text.find('\n', start);
        std::string_view line =
            text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
        lines += 1 + static_cast<std::size_t>(static_cast<double>(display_width(line)) / width);
        if (end == std::string_view::npos) return lines;
        start = end + 1;
    }
}

/// One worksheet as it fills: its header written, the widths seen so far.
struct Worksheet {
    lxw_worksheet *worksheet = nullptr;
    std::string name;
    TableKind kind{};
    lxw_row_t next_row = 0;
    std::vector<double> widths;
    std::vector<bool> wrap;
    std::size_t name_column = 0; ///< the column a chart's categories are
    std::size_t lost_column = 0; ///< the column a chart's values are; 0: none
    /// The chart's labels, one a row, written in a hidden column after the
    /// table (the categories then point there); empty: the name column's.
    const std::vector<std::string> *labels = nullptr;
    std::size_t label_column = 0; ///< that hidden column; 0: none
};

/// Removes the temporary folder on the way out, whatever happens.
struct TempFolder {
    std::filesystem::path path;
    ~TempFolder() {
        std::error_code ignored;
        if (!path.empty()) std::filesystem::remove_all(path, ignored);
    }
};

/// The --by name of a table kind; empty for a table --by does not choose.
std::string_view by_name(TableKind kind) {
    switch (kind) {
    case TableKind::sheet: return "sheet";
    case TableKind::domain: return "domain";
    case TableKind::owner: return "owner";
    case TableKind::criterion: return "criterion";
    case TableKind::owner_tasks: return "owner-tasks";
    default: return {};
    }
}

/// The cells of a table's rows, spilled to a file and read back in the same
/// order: a report's findings wait there until its last part, so that their
/// worksheet comes after every table's, as in a report printed whole.
class SpilledRows {
public:
    void open(const std::string &path) {
        m_path = path;
        m_file.open(path, std::ios::binary | std::ios::in | std::ios::out | std::ios::trunc);
    }
    bool is_open() const { return m_file.is_open(); }
    std::size_t size() const { return m_rows; }

    void add(const std::vector<std::string> &row) {
        put(row.size());
        for (const std::string &cell : row) {
            put(cell.size());
            m_file.write(cell.data(), static_cast<std::streamsize>(cell.size()));
        }
        ++m_rows;
    }

    /// Back to the first row, for `next`.
    void rewind() {
        m_file.flush();
        m_file.seekg(0);
    }

    /// The next row (after `rewind`) into `row`.
    bool next(std::vector<std::string> &row) {
        std::size_t cells = 0;
        if (!get(cells)) return false;
        row.resize(cells);
        for (std::string &cell : row) {
            std::size_t size = 0;
            if (!get(size)) return false;
            cell.resize(size);
            if (!m_file.read(cell.data(), static_cast<std::streamsize>(size))) return false;
        }
        return true;
    }

    bool failed() const { return !m_file; }
    const std::string &path() const { return m_path; }

private:
    void put(std::size_t n) { m_file.write(reinterpret_cast<const char *>(&n), sizeof n); }
    bool get(std::size_t &n) { return static_cast<bool>(m_file.read(reinterpret_cast<char *>(&n), sizeof n)); }

    std::string m_path;
    std::fstream m_file;
    std::size_t m_rows = 0;
};

struct Formats {
    lxw_format *header, *text, *wrap, *score, *integer, *percent;
    lxw_format *bold_text, *bold_score, *bold_percent;
};

/// The workbook of one document, open from its first part to its last
/// (Document::continues, continued): each part's rows go into the same
/// worksheets, streamed to their temporary files, so a province's report
/// holds one part at a time.
struct Book {
    TempFolder temp; ///< first, so that it goes last
    std::string file;
    lxw_workbook *workbook = nullptr;
    Formats formats{};
    std::vector<Worksheet> sheets;
    std::map<TableKind, std::size_t> by_kind;
    Table findings; ///< the findings table's header; its rows are in `spilled`
    SpilledRows spilled;

    Book() = default;
    Book(const Book &) = delete;
    Book &operator=(const Book &) = delete;
    ~Book() {
        if (workbook != nullptr) lxw::workbook_close(workbook); // frees it; the folder goes with `temp`
    }
};

class XlsxRenderer : public Renderer {
public:
    XlsxRenderer(const RenderOptions &options, std::size_t max_rows) : m_options(options), m_max_rows(max_rows) {
        // Plain numbers with '.', which the cells are then typed from.
        m_options.numbers = NumberStyle{'.', '.', false};
        m_options.criterion_total = true;
        m_options.rank_as_numbers = true; // typed, so that the ranking sorts
    }

    /// A part of a document (or all of it): its rows into the workbook; the
    /// workbook is written to `out` after the last part only, so a part
    /// refused (past Excel's rows) leaves nothing written.
    void print(const Document &document, std::ostream &out) const override {
        if (!document.continues || !m_book) open();
        try {
            fill(*m_book, document);
            if (!document.continued) close(out);
        } catch (...) {
            m_book.reset();
            throw;
        }
    }

private:
    void open() const {
        m_book = std::make_unique<Book>();
        Book &book = *m_book;
        std::string folder = platform::make_temp_folder("cchc-xlsx");
        if (folder.empty())
            throw Error(fmt::format(fmt::runtime(pick(m_options.lang, "xlsx: không tạo được thư mục tạm '{}'",
                                                      "xlsx: cannot make a temporary folder '{}'")),
                                    platform::temp_folder() + "/cchc-xlsx-XXXXXX"));
        book.temp.path = folder;
        platform::open_library(lxw::k_soname, lxw::k_package, m_options.lang, "viết sổ tính Excel (--format xlsx)",
                               "write an Excel workbook (--format xlsx)");
        book.file = (book.temp.path / "book.xlsx").string();
        std::string tmp = book.temp.path.string();
        lxw_workbook_options workbook_options{};
        workbook_options.constant_memory = LXW_TRUE;
        workbook_options.tmpdir = tmp.data();
        book.workbook = lxw::workbook_new_opt(book.file.c_str(), &workbook_options);
        if (book.workbook == nullptr)
            throw Error(
                std::string(pick(m_options.lang, "xlsx: không tạo được bảng tính", "xlsx: cannot make the workbook")));
        book.formats = make_formats(book.workbook);
    }

    void close(std::ostream &out) const {
        Book &book = *m_book;
        if (book.spilled.is_open() || book.findings.kind == TableKind::findings) write_findings(book);
        if (book.sheets.empty()) {
            // A workbook needs a worksheet: an empty summary says there was nothing.
            Table empty;
            empty.title = pick(m_options.lang, "Tổng hợp", "Summary");
            empty.headers = {std::string(pick(m_options.lang, "Không có bảng điểm nào", "No sheets"))};
            sheet_for(book, empty, empty.headers);
        }
        for (Worksheet &s : book.sheets)
            finish(book.workbook, s);
        lxw_error error = lxw::workbook_close(book.workbook);
        book.workbook = nullptr;
        if (error != LXW_NO_ERROR)
            throw Error(fmt::format(fmt::runtime(pick(m_options.lang, "xlsx: không ghi được bảng tính: {}",
                                                      "xlsx: cannot write the workbook: {}")),
                                    lxw::lxw_strerror(error)));
        {
            std::ifstream in(book.file, std::ios::binary);
            out << in.rdbuf();
        }
        m_book.reset();
    }

    static Formats make_formats(lxw_workbook *workbook) {
        Formats f{};
        f.header = lxw::workbook_add_format(workbook);
        lxw::format_set_bold(f.header);
        lxw::format_set_text_wrap(f.header);
        lxw::format_set_align(f.header, LXW_ALIGN_VERTICAL_TOP);
        lxw::format_set_bg_color(f.header, 0xDDDDDD);
        lxw::format_set_border(f.header, LXW_BORDER_THIN);
        auto make = [&](const char *number_format, bool wrap, bool bold) {
            lxw_format *format = lxw::workbook_add_format(workbook);
            if (number_format != nullptr) lxw::format_set_num_format(format, number_format);
            if (wrap) lxw::format_set_text_wrap(format);
            if (bold) lxw::format_set_bold(format);
            lxw::format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
            return format;
        };
        f.text = make("@", false, false);
        f.wrap = make("@", true, false);
        f.score = make("0.00", false, false);
        f.integer = make("0", false, false);
        f.percent = make("0.00%", false, false);
        f.bold_text = make("@", false, true);
        f.bold_score = make("0.00", false, true);
        f.bold_percent = make("0.00%", false, true);
        return f;
    }

    /// The worksheet of this kind of table, made (with its header) the first time.
    Worksheet &sheet_for(Book &book, const Table &table, const std::vector<std::string> &headers) const {
        auto found = book.by_kind.find(table.kind);
        if (found != book.by_kind.end()) return book.sheets[found->second];
        Worksheet &s = book.sheets.emplace_back();
        book.by_kind[table.kind] = book.sheets.size() - 1;
        s.kind = table.kind;
        s.name = unique_name(book.sheets, valid_sheet_name(sheet_name(table, m_options.lang)));
        s.worksheet = lxw::workbook_add_worksheet(book.workbook, s.name.c_str());
        s.widths.assign(headers.size(), 6);
        s.wrap.assign(headers.size(), false);
        for (std::size_t i = 0; i < headers.size(); ++i) {
            s.widths[i] =
                std::max(s.widths[i], std::min(k_max_width, static_cast<double>(display_width(headers[i])) + 2));
            lxw::worksheet_write_string(s.worksheet, 0, static_cast<lxw_col_t>(i), headers[i].c_str(),
                                        book.formats.header);
        }
        s.next_row = 1;
        return s;
    }

    void fill(Book &book, const Document &document) const {
        const Formats &f = book.formats;
        if (!document.findings_only)
            for (const Section &section : document.sections) {
                if (!section.tables) continue;
                const cchc::Sheet *sheet = section.sheet != nullptr ? section.sheet->sheet : nullptr;
                std::vector<Table> tables = section.tables(m_options);
                // What each owner must fix, unless --by chose the tables.
                if (section.sheet != nullptr && m_options.tables.empty())
                    tables.push_back(owner_tasks_table(*section.sheet, m_options));
                std::vector<std::string> labels;
                for (Table &table : tables) {
                    std::vector<std::string> prefix;
                    std::vector<std::string> headers;
                    if (sheet != nullptr) {
                        headers = {std::string(pick(m_options.lang, "Tệp", "File")),
                                   std::string(pick(m_options.lang, "Đơn vị", "Unit")),
                                   std::string(pick(m_options.lang, "Kỳ", "Period"))};
                        prefix = {sheet->file, sheet->unit, sheet->period};
                        // The summary starts with the unit, which the prefix already holds.
                        if (table.kind == TableKind::sheet) drop_first_column(table);
                    }
                    headers.insert(headers.end(), table.headers.begin(), table.headers.end());
                    Worksheet &s = sheet_for(book, table, headers);
                    // The ranking's bars say "unit · period", as the html chart does.
                    if (table.kind == TableKind::ranking && document.comparison != nullptr) {
                        labels = ranking_labels(document.comparison->ranking);
                        s.labels = &labels;
                    }
                    write_rows(s, prefix, table, f);
                    s.labels = nullptr;
                }
            }
        // This part's findings, kept for the findings worksheet at the end.
        const std::vector<const Finding *> findings = document.findings();
        if (findings.empty() && !document.findings_only) return;
        Table table = findings_table(findings, m_options.lang);
        if (book.findings.kind != TableKind::findings) {
            book.findings = table;
            book.findings.rows.clear();
        }
        if (table.rows.empty()) return;
        if (!book.spilled.is_open()) {
            book.spilled.open((book.temp.path / "findings.rows").string());
            if (!book.spilled.is_open()) throw spill_error(book);
        }
        for (const auto &row : table.rows)
            book.spilled.add(row);
        if (book.spilled.failed()) throw spill_error(book);
    }

    /// The findings worksheet, from the rows every part spilled.
    void write_findings(Book &book) const {
        Worksheet &s = sheet_for(book, book.findings, book.findings.headers);
        if (book.spilled.size() > m_max_rows - s.next_row) throw too_many_rows(s);
        if (!book.spilled.is_open()) return;
        book.spilled.rewind();
        // A thousand rows at a time: the findings are never all in memory.
        Table chunk = book.findings;
        std::vector<std::string> row;
        std::size_t read = 0;
        while (book.spilled.next(row)) {
            chunk.rows.push_back(row);
            ++read;
            if (chunk.rows.size() == 1000) {
                write_rows(s, {}, chunk, book.formats);
                chunk.rows.clear();
            }
        }
        write_rows(s, {}, chunk, book.formats);
        if (read != book.spilled.size()) throw spill_error(book);
    }

    Error spill_error(const Book &book) const {
        return Error(fmt::format(fmt::runtime(pick(m_options.lang,
                                                   "xlsx: không ghi được tệp tạm '{}' (ổ đĩa đầy?); hãy giải phóng "
                                                   "chỗ trống hoặc đặt TMPDIR sang ổ khác",
                                                   "xlsx: cannot write the temporary file '{}' (is the disk full?); "
                                                   "free some space or point TMPDIR at another disk")),
                                 book.spilled.path().empty() ? book.temp.path.string() : book.spilled.path()));
    }

    static std::string unique_name(const std::vector<Worksheet> &sheets, std::string name) {
        // Two kinds may clean to the same name; Excel compares them without case.
        std::string base = name;
        for (int n = 2;; ++n) {
            bool taken = std::any_of(sheets.begin(), sheets.end() - 1,
                                     [&](const Worksheet &s) { return ascii_lower(s.name) == ascii_lower(name); });
            if (!taken) return name;
            std::string suffix = fmt::format(" ({})", n);
            name = valid_sheet_name(std::string(cut_to_width(base, k_max_sheet_name - suffix.size())) + suffix);
        }
    }

    void write_rows(Worksheet &s, const std::vector<std::string> &prefix, const Table &table, const Formats &f) const {
        const std::size_t offset = prefix.size();
        const std::size_t columns = offset + table.headers.size();
        if (s.widths.size() < columns) {
            s.widths.resize(columns, 6);
            s.wrap.resize(columns, false);
        }
        if (s.labels != nullptr) s.label_column = columns;
        if (s.lost_column == 0 && (s.kind == TableKind::domain || s.kind == TableKind::owner)) {
            s.name_column = offset;     // the domain or the owner
            s.lost_column = offset + 5; // after the count, max, self and appraised
        } else if (s.lost_column == 0 && s.kind == TableKind::ranking) {
            s.name_column = offset + 2; // the unit
            s.lost_column = offset + 6; // the index
        }
        for (std::size_t i = 0; i < table.headers.size(); ++i) {
            const std::string &h = table.headers[i];
            // Notes, contents and messages wrap in a column of their own width.
            if (!table.numeric[i] &&
                (h == pick(m_options.lang, "Ghi chú", "Note") ||
                 h == pick(m_options.lang, "Ghi chú (Lý do giảm điểm)", "Note (why points were lost)") ||
                 h == pick(m_options.lang, "Nội dung", "Content") || h == pick(m_options.lang, "Nội dung", "Message")))
                s.wrap[offset + i] = true;
        }
        // Refused before the table's first row is written (the workbook is then not written at all).
        if (table.rows.size() > m_max_rows - s.next_row) throw too_many_rows(s);
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            const auto &row = table.rows[r];
            const bool total =
                (table.total_row && r + 1 == table.rows.size()) ||
                std::find(table.subtotal_rows.begin(), table.subtotal_rows.end(), r) != table.subtotal_rows.end();
            const lxw_row_t at = s.next_row++;
            std::size_t lines = 1;
            for (std::size_t i = 0; i < columns; ++i) {
                const std::string &cell =
                    i < offset ? prefix[i] : (i - offset < row.size() ? row[i - offset] : empty());
                if (s.wrap[i]) lines = std::max(lines, lines_in(cell, k_wrap_width));
            }
            // The height first: a streamed row cannot be changed once written.
            if (lines > 1) lxw::worksheet_set_row(s.worksheet, at, 15.0 * static_cast<double>(lines), nullptr);
            if (s.labels != nullptr && r < s.labels->size())
                lxw::worksheet_write_string(s.worksheet, at, static_cast<lxw_col_t>(columns), (*s.labels)[r].c_str(),
                                            f.text);
            for (std::size_t i = 0; i < columns; ++i) {
                const bool in_table = i >= offset;
                const std::size_t c = i - offset;
                const std::string &cell = in_table ? (c < row.size() ? row[c] : empty()) : prefix[i];
                const auto col = static_cast<lxw_col_t>(i);
                const bool numeric = in_table && c < table.numeric.size() && table.numeric[c];
                const bool percent = in_table && c < table.percent.size() && table.percent[c];
                std::optional<double> number = numeric ? number_of(cell) : std::nullopt;
                if (number) {
                    if (percent)
                        lxw::worksheet_write_number(s.worksheet, at, col, *number / 100,
                                                    total ? f.bold_percent : f.percent);
                    else if (cell.find('.') == std::string::npos)
                        lxw::worksheet_write_number(s.worksheet, at, col, *number, f.integer);
                    else
                        lxw::worksheet_write_number(s.worksheet, at, col, *number, total ? f.bold_score : f.score);
                    s.widths[i] = std::max(s.widths[i], static_cast<double>(cell.size()) + 2);
                } else if (!cell.empty()) {
                    lxw_format *format = total ? f.bold_text : s.wrap[i] ? f.wrap : f.text;
                    lxw::worksheet_write_string(s.worksheet, at, col, cell.c_str(), format);
                    double width = static_cast<double>(display_width(cell)) + 2;
                    s.widths[i] = std::max(s.widths[i], std::min(s.wrap[i] ? k_wrap_width : k_max_width, width));
                }
            }
        }
    }

    void finish(lxw_workbook *workbook, Worksheet &s) const {
        for (std::size_t i = 0; i < s.widths.size(); ++i)
            lxw::worksheet_set_column(s.worksheet, static_cast<lxw_col_t>(i), static_cast<lxw_col_t>(i), s.widths[i],
                                      nullptr);
        lxw::worksheet_freeze_panes(s.worksheet, 1, 0);
        // Printed (or made a PDF): A4 landscape, as wide as one page, the header on each page.
        lxw::worksheet_set_paper(s.worksheet, 9);
        lxw::worksheet_set_landscape(s.worksheet);
        lxw::worksheet_fit_to_pages(s.worksheet, 1, 0);
        lxw::worksheet_repeat_rows(s.worksheet, 0, 0);
        const lxw_row_t last = s.next_row > 1 ? s.next_row - 1 : 1;
        if (!s.widths.empty())
            lxw::worksheet_autofilter(s.worksheet, 0, 0, last, static_cast<lxw_col_t>(s.widths.size() - 1));
        if (s.label_column != 0) {
            lxw_row_col_options hidden{};
            hidden.hidden = LXW_TRUE;
            lxw::worksheet_set_column_opt(s.worksheet, static_cast<lxw_col_t>(s.label_column),
                                          static_cast<lxw_col_t>(s.label_column), LXW_DEF_COL_WIDTH, nullptr, &hidden);
        }
        const std::size_t bars = s.next_row - 1;
        if (s.lost_column == 0 || bars == 0 || bars > k_max_chart_bars) return;
        lxw_chart *chart = lxw::workbook_add_chart(workbook, LXW_CHART_BAR);
        lxw_chart_series *series = lxw::chart_add_series(chart, nullptr, nullptr);
        const auto categories = static_cast<lxw_col_t>(s.label_column != 0 ? s.label_column : s.name_column);
        lxw::chart_series_set_categories(series, s.name.c_str(), 1, categories, last, categories);
        // Text categories: in constant-memory mode libxlsxwriter cannot read
        // the cells back to see that they are text, and would refer to them
        // as numbers (Excel then labels the bars 1, 2, 3…).
        series->categories->has_string_cache = LXW_TRUE;
        if (s.label_column != 0)
            lxw::chart_show_hidden_data(chart); // Excel leaves a hidden column's cells out otherwise
        lxw::chart_series_set_values(series, s.name.c_str(), 1, static_cast<lxw_col_t>(s.lost_column), last,
                                     static_cast<lxw_col_t>(s.lost_column));
        const Lang lang = m_options.lang;
        std::string title = s.kind == TableKind::domain
                                ? std::string(pick(lang, "Điểm bị trừ theo lĩnh vực", "Points lost by domain"))
                            : s.kind == TableKind::owner
                                ? std::string(pick(lang, "Điểm bị trừ theo bộ phận phụ trách", "Points lost by owner"))
                                : std::string(pick(lang, "Chỉ số của các đơn vị", "Index of each unit"));
        lxw::chart_title_set_name(chart, title.c_str());
        lxw::chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
        // Bars read top to bottom in the order of the rows.
        lxw::chart_axis_set_reverse(chart->y_axis);
        // From zero, so a bar's length is its value (a spreadsheet would start an index axis near its lowest).
        lxw::chart_axis_set_min(chart->x_axis, 0);
        lxw_chart_options placement{};
        placement.x_scale = 1.5;
        placement.y_scale = 1.0 + static_cast<double>(std::min<std::size_t>(bars, 40)) / 10.0;
        const std::size_t after = s.label_column != 0 ? s.label_column + 1 : s.widths.size();
        lxw::worksheet_insert_chart_opt(s.worksheet, 1, static_cast<lxw_col_t>(after + 1), chart, &placement);
    }

    /// Past Excel's rows: which worksheet, which --by table, what to do.
    Error too_many_rows(const Worksheet &s) const {
        const Lang lang = m_options.lang;
        const std::string_view by = by_name(s.kind);
        if (by.empty())
            return Error(fmt::format(
                fmt::runtime(pick(lang,
                                  "xlsx: trang tính '{}' sẽ vượt quá {} dòng, giới hạn của Excel; không ghi tệp nào. "
                                  "Hãy chia thư mục ra, chạy cho từng phần, hoặc dùng --format csv",
                                  "xlsx: the worksheet '{}' would run past Excel's limit of {} rows; no file was "
                                  "written. Split the folder and run each part, or use --format csv")),
                s.name, m_max_rows));
        return Error(fmt::format(
            fmt::runtime(pick(lang,
                              "xlsx: trang tính '{}' (bảng --by {}) sẽ vượt quá {} dòng, giới hạn của Excel; không "
                              "ghi tệp nào. Hãy chọn ít bảng hơn với --by, bỏ {} ra (ví dụ --by owner), chia thư mục "
                              "ra và chạy cho từng phần, hoặc dùng --format csv",
                              "xlsx: the worksheet '{}' (the --by {} table) would run past Excel's limit of {} rows; "
                              "no file was written. Pick fewer tables with --by, leaving {} out (e.g. --by owner), "
                              "split the folder and run each part, or use --format csv")),
            s.name, by, m_max_rows, by));
    }

    static void drop_first_column(Table &table) {
        table.headers.erase(table.headers.begin());
        table.numeric.erase(table.numeric.begin());
        if (!table.percent.empty()) table.percent.erase(table.percent.begin());
        for (auto &row : table.rows)
            row.erase(row.begin());
    }

    static const std::string &empty() {
        static const std::string none;
        return none;
    }

    RenderOptions m_options;
    std::size_t m_max_rows;               ///< a worksheet's rows, its header included
    mutable std::unique_ptr<Book> m_book; ///< open between a document's first part and its last
};

} // namespace

std::unique_ptr<Renderer> make_xlsx_renderer(const RenderOptions &options, std::size_t max_rows) {
    return std::make_unique<XlsxRenderer>(options, std::min<std::size_t>(max_rows, k_max_rows));
}

std::unique_ptr<Renderer> make_xlsx_renderer(const RenderOptions &options) {
    return make_xlsx_renderer(options, k_max_rows);
}

} // namespace cchc
