// The tables of `cchc explain` (see render/tables.hpp): how a file was
// read, its header's columns, every row with its kind and place, the kinds
// of rows seen and what each means, and the sheets made with their totals.
// Texts are cut so that each table fits the width (80 columns by default).
#include <cchc/layout/explain.hpp>
#include <cchc/render/document.hpp>
#include <cchc/render/tables.hpp>
#include <cchc/text/unicode.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace cchc {

namespace {

constexpr std::size_t k_default_width = 80;
constexpr std::size_t k_gap = 2;             // between columns, as text.cpp lays them out
constexpr std::size_t k_min_last_width = 16; // a cut text still recognisable
constexpr std::size_t k_max_place_width = 22;

std::string cut(std::string_view text, std::size_t width) {
    if (display_width(text) <= width) return std::string(text);
    if (width == 0) return {};
    return std::string(cut_to_width(text, width - 1)) + "…";
}

/// Cuts the last column's cells so that the table fits `width` columns.
void fit_last_column(Table &table, std::size_t width) {
    const std::size_t n = table.headers.size();
    if (n == 0) return;
    std::size_t used = k_gap * (n - 1);
    for (std::size_t i = 0; i + 1 < n; ++i) {
        std::size_t w = display_width(table.headers[i]);
        for (const auto &row : table.rows)
            w = std::max(w, display_width(row[i]));
        used += w;
    }
    const std::size_t room = width > used + k_min_last_width ? width - used : k_min_last_width;
    for (auto &row : table.rows)
        row.back() = cut(row.back(), room);
}

/// "II › 1 › 1.1", its first codes dropped ("… › 1.1 › a)") when too wide.
std::string place(const std::vector<std::string> &path) {
    std::string out;
    for (std::size_t first = 0; first < path.size(); ++first) {
        out = first > 0 ? "…" : "";
        for (std::size_t i = first; i < path.size(); ++i)
            out += (out.empty() ? "" : " › ") + path[i];
        if (display_width(out) <= k_max_place_width) return out;
    }
    return cut(out, k_max_place_width);
}

struct KindText {
    std::string_view vi, en;                 // in the table of rows
    std::string_view meaning_vi, meaning_en; // in the table of kinds
};

const KindText &kind_text(LineKind kind) {
    static const std::array<KindText, k_line_kind_count> texts = {{
        {"tiêu đề cột", "header", "dòng tên cột: cho biết cột nào là cột nào",
         "the column names: which column is which"},
        {"tiêu chí", "criterion", "có mã và điểm, không có dòng con: được cộng",
         "a code and scores, nothing under it: counted"},
        {"mục con", "sub-item", "a), -, + có điểm, không có dòng con: được cộng",
         "a), -, + with scores, nothing under it: counted"},
        {"dòng cha", "parent", "có dòng có điểm bên dưới: đối chiếu với tổng các dòng con, không cộng",
         "rows with scores under it: checked against their sum, not counted"},
        {"phần", "part", "phần A, B trên các lĩnh vực: đối chiếu với dòng con, không cộng",
         "part A, B above its domains: checked against its rows, not counted"},
        {"lĩnh vực", "domain", "I, II hay mã một cấp: đối chiếu với dòng con, không cộng",
         "I, II or a one-level code: checked against its rows, not counted"},
        {"đề mục", "heading", "có mã, không điểm, không dòng con: không cộng",
         "a code, no scores, nothing under it: not counted"},
        {"chưa chấm", "unscored", "dòng mẫu có điểm tối đa, chưa có điểm: không cộng",
         "a template row with a max, not scored yet: not counted"},
        {"dòng tổng", "total", "Tổng cộng: đối chiếu với tổng các tiêu chí, không cộng",
         "Total: checked against the sum of the criteria, not counted"},
        {"không mã", "no code", "có điểm nhưng không có mã: không cộng (kiểm tra sẽ báo)",
         "scores but no code: not counted (check reports it)"},
        {"tiêu đề", "title", "chữ trên bảng, không mã, không số: bỏ qua",
         "text above the table, no code, no number: skipped"},
        {"dòng trống", "blank", "mọi ô đều trống: bỏ qua", "every cell empty: skipped"},
        {"chữ ký", "signature", "chữ dưới bảng, không mã, không số: bỏ qua",
         "text below the table, no code, no number: skipped"},
        {"dòng chữ", "text", "chữ giữa các dòng của bảng, không mã, không số: bỏ qua",
         "text between rows of the table, no code, no number: skipped"},
        {"không phải mã", "not a code", "chữ ở cột mã không phải là mã, không số: bỏ qua",
         "text in the code column that is no code, no number: skipped"},
    }};
    return texts[static_cast<std::size_t>(kind)];
}

std::string kind_label(const ExplainedRow &row, Lang lang) {
    std::string label(pick(lang, kind_text(row.kind).vi, kind_text(row.kind).en));
    if (row.children > 0) label += fmt::format(" ({})", row.children);
    return label;
}

std::string counted_label(const ExplainedRow &row, Lang lang) {
    if (row.counted) return std::string(pick(lang, "có", "yes"));
    if (row.checked) return std::string(pick(lang, "đối chiếu", "checked"));
    if (row.kind == LineKind::header) return "";
    if (!is_table_row(row.kind)) return std::string(pick(lang, "bỏ qua", "skipped"));
    return std::string(pick(lang, "không", "no"));
}

std::string delimiter_name(char d, Lang lang) {
    switch (d) {
    case ',': return std::string(pick(lang, ", (dấu phẩy)", ", (comma)"));
    case ';': return std::string(pick(lang, "; (dấu chấm phẩy)", "; (semicolon)"));
    case '\t': return std::string(pick(lang, "tab", "tab"));
    case '|': return std::string(pick(lang, "| (gạch đứng)", "| (pipe)"));
    default: return std::string(1, d);
    }
}

/// A text file's lines, a worksheet's rows (as the spreadsheet numbers them).
std::string lines(long first, long last, bool worksheet, Lang lang) {
    if (worksheet) {
        if (last <= first) return fmt::format("{} {}", pick(lang, "hàng", "row"), first);
        return fmt::format("{} {}–{}", pick(lang, "hàng", "rows"), first, last);
    }
    if (last <= first) return fmt::format("{} {}", pick(lang, "dòng", "line"), first);
    return fmt::format("{} {}–{}", pick(lang, "dòng", "lines"), first, last);
}

/// Why a cell that could be the code was read or not: the rows under it.
std::string code_reason(const ExplainedColumn &column, const Explanation &e, Lang lang) {
    const CodeCandidate *self = nullptr;
    const CodeCandidate *code = nullptr;
    for (const CodeCandidate &c : e.code_candidates) {
        if (c.position == column.position) self = &c;
        if (e.columns.size() > static_cast<std::size_t>(c.position) &&
            e.columns[static_cast<std::size_t>(c.position)].column == Column::code)
            code = &c;
    }
    if (self == nullptr || code == nullptr) return {};
    if (self == code)
        return e.code_by_content
                   ? fmt::format(fmt::runtime(pick(lang, ": {} trong {} dòng đầu có dạng mã",
                                                   ": {} of the first {} rows hold codes")),
                                 self->code_like, e.code_rows_read)
                   : std::string(pick(lang, ": cột đầu tiên có thể là mã", ": the first that could be the code"));
    std::string why =
        fmt::format(fmt::runtime(pick(lang, ": mã ở cột {}", ": the code is in {}")), column_letter(code->position));
    if (self->running_number) why += pick(lang, "; đây là số thứ tự", "; this is a running number");
    return why;
}

/// What a header cell was read as, and why where the cells under it chose.
/// The one place where a reason (an alias, or the cells under it) or a
/// header's second row would be told.
std::string column_role(const ExplainedColumn &column, const Explanation &e, Lang lang) {
    if (column.repeats >= 0)
        return fmt::format(fmt::runtime(pick(lang, "lặp lại cột {}: không đọc", "repeats {}: not read")),
                           column_letter(column.repeats));
    if (!column.column) return std::string(pick(lang, "không đọc", "not read")) + code_reason(column, e, lang);
    const ColumnInfo &info = column_info(*column.column);
    std::string role = lang == Lang::en ? std::string(info.id) : fmt::format("{} ({})", info.canonical_vi, info.id);
    if (*column.column == Column::code) role += code_reason(column, e, lang);
    return role;
}

Table reading_table(const Explanation &e, Lang lang) {
    Table t;
    t.kind = TableKind::explain;
    t.title = pick(lang, "Cách đọc tệp", "How the file was read");
    t.headers = {std::string(pick(lang, "Mục", "What")), std::string(pick(lang, "Đã đọc", "Read as"))};
    t.numeric = {false, false};
    const bool worksheet = !e.worksheet.empty();
    if (worksheet) {
        // A workbook's cells are read as they are stored: no encoding, no delimiter.
        t.rows.push_back({std::string(pick(lang, "Trang tính", "Worksheet")), e.worksheet});
    } else {
        std::string encoding = e.encoding;
        if (e.encoding_assumed) encoding += pick(lang, " (đoán, vì không phải UTF-8)", " (assumed: not UTF-8)");
        t.rows.push_back({std::string(pick(lang, "Bảng mã", "Encoding")), encoding});
        t.rows.push_back({std::string(pick(lang, "Dấu phân cách", "Delimiter")), delimiter_name(e.delimiter, lang)});
    }
    std::string header;
    switch (e.header) {
    case FileFacts::Header::found: header = lines(e.header_line, e.header_last_line, worksheet, lang); break;
    case FileFacts::Header::partial:
        header = fmt::format(
            fmt::runtime(worksheet ? pick(lang, "không thấy; gần nhất là hàng {}", "not found; closest: row {}")
                                   : pick(lang, "không thấy; gần nhất là dòng {}", "not found; closest: line {}")),
            e.header_line);
        break;
    case FileFacts::Header::empty: header = pick(lang, "không thấy: tệp trống", "not found: the file is empty"); break;
    case FileFacts::Header::none: header = pick(lang, "không thấy", "not found"); break;
    }
    t.rows.push_back({std::string(worksheet ? pick(lang, "Hàng tiêu đề cột", "Header row")
                                            : pick(lang, "Dòng tiêu đề cột", "Header row")),
                      header});
    return t;
}

Table columns_table(const Explanation &e, Lang lang, std::size_t width) {
    Table t;
    t.kind = TableKind::explain;
    t.title = e.header == FileFacts::Header::found
                  ? pick(lang, "Các cột", "Columns")
                  : pick(lang, "Các cột của dòng gần nhất", "Columns of the closest row");
    t.headers = {std::string(pick(lang, "Cột", "Cell")), std::string(pick(lang, "Đọc là", "Read as")),
                 std::string(pick(lang, "Tiêu đề", "Header text"))};
    t.numeric = {false, false, false};
    // A worksheet's header cells by their address, as the clerk finds them ("A3").
    const bool worksheet = !e.worksheet.empty() && e.header_line > 0;
    for (const ExplainedColumn &column : e.columns)
        t.rows.push_back({worksheet ? column.letter + std::to_string(e.header_line) : column.letter,
                          column_role(column, e, lang), column.text});
    fit_last_column(t, width);
    return t;
}

Table rows_table(const Explanation &e, Lang lang, std::size_t width) {
    Table t;
    t.kind = TableKind::explain;
    const bool worksheet = !e.worksheet.empty();
    t.title = worksheet ? pick(lang, "Các hàng", "Rows") : pick(lang, "Các dòng", "Rows");
    t.headers = {std::string(worksheet ? pick(lang, "Hàng", "Row") : pick(lang, "Dòng", "Line")),
                 std::string(pick(lang, "Loại", "Kind")),
                 std::string(pick(lang, "Vị trí", "Place")),
                 std::string(pick(lang, "Khóa", "Key")),
                 std::string(pick(lang, "Tính", "Counted")),
                 std::string(pick(lang, "Nội dung", "Content"))};
    t.numeric = {true, false, false, false, false, false};
    for (const ExplainedRow &row : e.rows)
        t.rows.push_back({std::to_string(row.line), kind_label(row, lang), place(row.path),
                          row.key == row.code ? std::string() : row.key, counted_label(row, lang), row.text});
    fit_last_column(t, width);
    return t;
}

Table kinds_table(const Explanation &e, Lang lang, std::size_t width) {
    std::array<std::size_t, k_line_kind_count> count{};
    for (const ExplainedRow &row : e.rows)
        ++count[static_cast<std::size_t>(row.kind)];
    Table t;
    t.kind = TableKind::explain;
    t.title = pick(lang, "Các loại dòng", "Kinds of rows");
    t.headers = {std::string(pick(lang, "Loại", "Kind")),
                 std::string(e.worksheet.empty() ? pick(lang, "Số dòng", "Rows") : pick(lang, "Số hàng", "Rows")),
                 std::string(pick(lang, "Nghĩa là", "Meaning"))};
    t.numeric = {false, true, false};
    for (std::size_t k = 0; k < k_line_kind_count; ++k) {
        if (count[k] == 0) continue;
        const KindText &text = kind_text(static_cast<LineKind>(k));
        t.rows.push_back({std::string(pick(lang, text.vi, text.en)), std::to_string(count[k]),
                          std::string(pick(lang, text.meaning_vi, text.meaning_en))});
    }
    fit_last_column(t, width);
    return t;
}

Table sheets_table(const ExplainedFile &file, Lang lang, std::size_t width) {
    const Explanation &e = *file.explanation;
    Table t;
    t.kind = TableKind::explain;
    t.title = pick(lang, "Các bảng điểm đã lập", "Sheets made");
    t.headers = {std::string(e.worksheet.empty() ? pick(lang, "Dòng của bảng", "Table rows")
                                                 : pick(lang, "Hàng của bảng", "Table rows")),
                 std::string(pick(lang, "Được cộng", "Counted")), std::string(pick(lang, "Bỏ qua", "Skipped")),
                 std::string(pick(lang, "Kỳ", "Period")), std::string(pick(lang, "Đơn vị", "Unit"))};
    t.numeric = {true, true, true, false, false};
    for (std::size_t s = 0; s < file.report->sheets.size(); ++s) {
        const Sheet &sheet = *file.report->sheets[s].sheet;
        std::size_t rows = 0, counted = 0;
        for (const ExplainedRow &row : e.rows)
            if (row.sheet == static_cast<int>(s)) ++rows, counted += row.counted ? 1 : 0;
        t.rows.push_back({std::to_string(rows), std::to_string(counted), std::to_string(sheet.skipped_rows),
                          sheet.period, sheet.unit});
    }
    fit_last_column(t, width);
    return t;
}

} // namespace

std::vector<Table> explain_tables(const ExplainedFile &file, const RenderOptions &options) {
    const Explanation &e = *file.explanation;
    const Lang lang = options.lang;
    const std::size_t width = options.width > 0 ? options.width : k_default_width;
    std::vector<Table> tables;
    tables.push_back(reading_table(e, lang));
    if (!e.columns.empty()) tables.push_back(columns_table(e, lang, width));
    if (e.rows.empty()) return tables;
    tables.push_back(rows_table(e, lang, width));
    tables.push_back(kinds_table(e, lang, width));
    if (file.report->sheets.empty()) return tables;
    tables.push_back(sheets_table(file, lang, width));
    // What was added up: the report's own table of totals, so the numbers
    // are those `cchc report` prints, turned to a label and a value a line.
    RenderOptions totals = options;
    totals.tables = {TableKind::sheet};
    totals.top = 0;
    for (const SheetSummary &summary : file.report->sheets)
        for (const Table &table : sheet_tables(summary, totals)) {
            Table t;
            t.kind = TableKind::explain;
            t.title = pick(lang, "Tổng đã cộng (từ các dòng được cộng)", "Totals counted (from the counted rows)");
            t.headers = {std::string(pick(lang, "Mục", "What")), std::string(pick(lang, "Giá trị", "Value"))};
            t.numeric = {false, false};
            for (const auto &row : table.rows)
                for (std::size_t i = 0; i < table.headers.size() && i < row.size(); ++i)
                    t.rows.push_back({table.headers[i], row[i]});
            fit_last_column(t, width);
            tables.push_back(std::move(t));
        }
    return tables;
}

} // namespace cchc
