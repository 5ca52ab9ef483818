// How a file was read, for `cchc explain` (see layout/explain.hpp). Cold:
// runs once per explained file, after the loader.
#include <cchc/input/cell_text.hpp>
#include <cchc/layout/explain.hpp>
#include <cchc/text/unicode.hpp>

#include <algorithm>
#include <array>

namespace cchc {

namespace {

bool is_sub_item_shape(CodeShape shape) {
    return shape == CodeShape::letter || shape == CodeShape::numbered || shape == CodeShape::dash ||
           shape == CodeShape::plus || shape == CodeShape::star;
}

/// The kind explain gives a row of a sheet: its RowKind, told apart by its
/// code's shape and place (a part, a domain, a sub-item).
LineKind line_kind(const Row &row) {
    const CodeShape shape = row.code.empty() ? CodeShape::other : code_shape(row.code);
    const bool top_level = row.parent < 0 || shape == CodeShape::roman;
    const bool domain = shape == CodeShape::roman ||
                        (shape == CodeShape::dotted && row.code.find('.') == std::string::npos && top_level);
    switch (row.kind) {
    case RowKind::criterion: return is_sub_item_shape(shape) ? LineKind::sub_item : LineKind::criterion;
    case RowKind::parent:
        if (shape == CodeShape::part) return LineKind::part;
        return domain ? LineKind::domain : LineKind::parent;
    case RowKind::heading:
        if (shape == CodeShape::part) return LineKind::part;
        return domain ? LineKind::domain : LineKind::heading;
    case RowKind::unscored: return LineKind::unscored;
    case RowKind::total: return LineKind::total;
    case RowKind::uncoded: return LineKind::uncoded;
    }
    return LineKind::criterion;
}

std::string joined(const std::vector<std::string> &cells) {
    std::string out;
    for (const std::string &cell : cells) {
        if (is_blank_cell(cell)) continue;
        if (!out.empty()) out += " | ";
        out += collapse_space(cell);
    }
    return out;
}

ExplainedRow record_row(long line, LineKind kind, const std::vector<std::string> &cells) {
    ExplainedRow row;
    row.line = line;
    row.kind = kind;
    row.text = joined(cells);
    return row;
}

} // namespace

std::string_view line_kind_id(LineKind kind) {
    static constexpr std::array<std::string_view, k_line_kind_count> ids = {
        "header", "criterion", "sub_item", "parent", "part",      "domain", "heading",   "unscored",
        "total",  "uncoded",   "title",    "blank",  "signature", "text",   "not_a_code"};
    return ids[static_cast<std::size_t>(kind)];
}

bool is_table_row(LineKind kind) {
    return kind != LineKind::header && kind < LineKind::title;
}

std::string column_letter(int position) {
    std::string letters;
    for (int n = position + 1; n > 0; n = (n - 1) / 26)
        letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters;
}

Explanation explain(const LoadedFile &file, const LoadTrace &trace, Lang lang) {
    Explanation e;
    e.file = file.file;
    e.encoding = file.encoding;
    e.encoding_assumed = file.facts.encoding_assumed;
    e.delimiter = trace.header.delimiter;
    e.header = file.facts.header;
    e.header_line = file.facts.header_line;
    e.code_candidates = file.facts.code_candidates;
    e.code_by_content = file.facts.code_by_content;
    e.code_rows_read = file.facts.code_rows_read;

    // The header's cells and what each was read as.
    const HeaderChoice &header = trace.header;
    for (std::size_t i = 0; i < header.cells.size(); ++i) {
        ExplainedColumn column;
        column.position = static_cast<int>(i);
        column.letter = column_letter(column.position);
        column.text = collapse_space(header.cells[i]);
        for (std::size_t c = 0; c < k_column_count; ++c)
            if (header.map.index[c] == column.position) column.column = static_cast<Column>(c);
        for (auto [position, repeated] : header.map.repeated)
            if (position == column.position) column.repeats = header.map.at(repeated);
        e.columns.push_back(std::move(column));
    }

    // The records above the header, then the header itself.
    std::vector<std::string> cells;
    for (const RawRecord &record : trace.above_header) {
        split_record(record, e.delimiter, file.file, cells, lang);
        bool blank = std::all_of(cells.begin(), cells.end(), [](const std::string &c) { return is_blank_cell(c); });
        e.rows.push_back(record_row(record.line, blank ? LineKind::blank : LineKind::title, cells));
    }
    if (header.found) {
        e.header_last_line = trace.header_last_line;
        e.rows.push_back(record_row(e.header_line, LineKind::header, header.cells));
    }

    // The rows of the sheets, with their place in the tree.
    std::vector<ExplainedRow> table;
    for (std::size_t s = 0; s < file.sheets.size(); ++s) {
        const std::vector<Row> &rows = file.sheets[s].rows;
        for (const Row &row : rows) {
            ExplainedRow out;
            out.line = row.line;
            out.kind = line_kind(row);
            out.code = row.code;
            out.key = has_code_key(row) ? row.key : std::string();
            out.sheet = static_cast<int>(s);
            out.counted = row.kind == RowKind::criterion;
            out.checked = row.kind == RowKind::parent || row.kind == RowKind::total;
            if (row.content) out.text = collapse_space(*row.content);
            for (std::int32_t p = row.parent; p >= 0; p = rows[static_cast<std::size_t>(p)].parent)
                out.path.insert(out.path.begin(), rows[static_cast<std::size_t>(p)].code);
            if (!row.code.empty()) out.path.push_back(row.code);
            if (row.parent >= 0) out.parent_line = rows[static_cast<std::size_t>(row.parent)].line;
            table.push_back(std::move(out));
        }
        for (const Row &row : rows)
            if (row.parent >= 0) ++table[table.size() - rows.size() + static_cast<std::size_t>(row.parent)].children;
    }
    // Text rows: a title before the table's first row, a signature after its last.
    long first = 0, last = 0;
    for (const ExplainedRow &row : table) {
        first = first == 0 ? row.line : std::min(first, row.line);
        last = std::max(last, row.line);
    }
    for (const SkippedRecord &skipped : trace.skipped) {
        LineKind kind = LineKind::blank;
        if (skipped.reason != SkipReason::blank) {
            if (first == 0 || skipped.line < first)
                kind = LineKind::title;
            else if (skipped.line > last)
                kind = LineKind::signature;
            else
                kind = skipped.reason == SkipReason::text ? LineKind::text : LineKind::not_a_code;
        }
        table.push_back(record_row(skipped.line, kind, skipped.cells));
    }
    std::stable_sort(table.begin(), table.end(),
                     [](const ExplainedRow &a, const ExplainedRow &b) { return a.line < b.line; });
    for (ExplainedRow &row : table)
        e.rows.push_back(std::move(row));
    return e;
}

} // namespace cchc
