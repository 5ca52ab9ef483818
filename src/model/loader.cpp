// One input file → its sheets (see loader.hpp).
#include <cchc/csv_reader.hpp>
#include <cchc/error.hpp>
#include <cchc/header.hpp>
#include <cchc/loader.hpp>
#include <cchc/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace cchc {

namespace {

bool cell_is_blank(std::string_view cell) {
    return std::all_of(cell.begin(), cell.end(), [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
}

/// The columns a score sheet cannot do without.
const std::vector<Column> &sheet_columns() {
    static const std::vector<Column> required = {Column::code, Column::max, Column::appraised};
    return required;
}

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

class SheetBuilder {
public:
    SheetBuilder(const std::string &file, const HeaderMap &map, const LoadOptions &options, std::string encoding)
        : m_file(file), m_map(map), m_encoding(std::move(encoding)) {
        m_default_unit = options.unit.empty() ? file_stem(file) : options.unit;
    }

    void add(const RawRecord &record, const std::vector<std::string> &cells) {
        auto cell = [&](Column c) -> std::string_view {
            int i = m_map.at(c);
            return i >= 0 && static_cast<std::size_t>(i) < cells.size() ? std::string_view(cells[i])
                                                                        : std::string_view();
        };
        Row row;
        row.line = record.line;
        row.code = normalise_code(cell(Column::code));
        row.content = std::string(cell(Column::content));
        row.note = std::string(cell(Column::note));
        if (!row.note.empty()) row.note_facts = read_note(row.note);
        row.owner = collapse_space(cell(Column::owner));
        auto score = [&](Column c) {
            Score s;
            s.text = std::string(cell(c));
            s.number = parse_number(s.text);
            return s;
        };
        row.max = score(Column::max);
        row.self = score(Column::self);
        row.appraised = score(Column::appraised);
        row.lost = score(Column::lost);
        auto present = [](const Score &s) { return s.number.status != ParsedNumber::Status::not_given; };
        bool has_numbers = present(row.max) || present(row.self) || present(row.appraised) || present(row.lost);

        if (is_total_label(row.code) || (row.code.empty() && is_total_label(row.content))) {
            row.kind = RowKind::total;
        } else if (row.code.empty()) {
            if (!has_numbers) {
                skip();
                return;
            }
            row.kind = RowKind::uncoded;
            row.code_well_formed = false;
        } else {
            row.key = code_key(row.code, row.code_well_formed);
            if (!has_numbers && !row.code_well_formed) {
                skip(); // a signature or a note typed in the code column
                return;
            }
            bool scored = present(row.self) || present(row.appraised) || present(row.lost);
            row.kind = scored ? RowKind::criterion : has_numbers ? RowKind::unscored : RowKind::heading;
        }
        sheet_for(cell(Column::unit), cell(Column::period)).rows.push_back(std::move(row));
    }

    void skip() {
        if (m_current == nullptr)
            ++m_pending_skips;
        else
            ++m_current->skipped_rows;
    }

    std::vector<Sheet> finish(long header_line) {
        if (m_sheets.empty()) sheet_for({}, {});
        for (Sheet &sheet : m_sheets) {
            sheet.header_line = header_line;
            mark_parents(sheet);
            // Rows with only a max are a template not filled in yet; in a
            // sheet whose leaves have scores, they are criteria whose score
            // is missing. (A parent's numbers, e.g. a =SUM() that shows 0,
            // do not make a template scored.)
            bool scored = std::any_of(sheet.rows.begin(), sheet.rows.end(),
                                      [](const Row &r) { return r.kind == RowKind::criterion; });
            if (scored)
                for (Row &row : sheet.rows)
                    if (row.kind == RowKind::unscored) row.kind = RowKind::criterion;
        }
        return std::move(m_sheets);
    }

private:
    Sheet &sheet_for(std::string_view unit_cell, std::string_view period_cell) {
        // Merged cells export as a value on the first row and blanks below.
        std::string unit = collapse_space(unit_cell);
        std::string period = collapse_space(period_cell);
        if (unit.empty()) unit = m_last_unit.empty() ? m_default_unit : m_last_unit;
        if (period.empty()) period = m_last_period;
        m_last_unit = unit;
        m_last_period = period;
        auto key = std::make_pair(unit, period);
        auto it = m_index.find(key);
        if (it == m_index.end()) {
            Sheet sheet;
            sheet.file = m_file;
            sheet.unit = unit;
            sheet.period = period;
            sheet.encoding = m_encoding;
            sheet.skipped_rows = m_pending_skips;
            m_pending_skips = 0;
            m_sheets.push_back(std::move(sheet));
            it = m_index.emplace(key, m_sheets.size() - 1).first;
        }
        m_current = &m_sheets[it->second];
        return *m_current;
    }

    const std::string &m_file;
    const HeaderMap &m_map;
    std::string m_encoding;
    std::string m_default_unit;
    std::string m_last_unit;
    std::string m_last_period;
    std::vector<Sheet> m_sheets;
    std::map<std::pair<std::string, std::string>, std::size_t> m_index;
    Sheet *m_current = nullptr;
    std::size_t m_pending_skips = 0;
};

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

LoadedFile load_input(std::unique_ptr<RawInput> raw, const std::string &path, const LoadOptions &options) {
    LoadedFile out;
    out.file = path;
    const Lang lang = options.lang;
    auto source = std::make_unique<DecodingSource>(std::move(raw), path, options.encoding, options.lang);
    out.encoding = source->encoding();
    if (source->encoding_assumed())
        out.findings.push_back(Finding{
            path, 1, "", "encoding-assumed", Severity::info,
            std::string(pick(lang, "tệp không phải UTF-8; đã đọc theo Windows-1258 (chọn bảng mã khác bằng --encoding)",
                             "the file is not UTF-8; read as Windows-1258 (choose another with --encoding)"))});
    RecordReader reader(path, std::move(source), options.lang);

    std::vector<RawRecord> prefix;
    RawRecord record;
    while (prefix.size() < static_cast<std::size_t>(k_header_search_rows) && reader.next(record))
        prefix.push_back(record);
    if (prefix.empty() ||
        std::all_of(prefix.begin(), prefix.end(), [](const RawRecord &r) { return cell_is_blank(r.text); })) {
        out.findings.push_back(Finding{path, 1, "", "missing-column", Severity::error,
                                       std::string(pick(lang,
                                                        "tệp trống; cần một dòng tiêu đề có các cột Mục, Điểm tối đa, "
                                                        "Điểm thẩm định",
                                                        "the file is empty; a header row with the columns Mục, Điểm "
                                                        "tối đa, Điểm thẩm định is needed"))});
        return out;
    }

    HeaderChoice header = find_header(prefix, options.delimiter, path, sheet_columns(), options.lang);
    if (!header.found) {
        report_missing_header(out, prefix, header, options);
        return out;
    }
    out.delimiter = header.delimiter;
    for (auto [position, column] : header.map.repeated)
        out.findings.push_back(Finding{
            path, prefix[header.record].line, "", "duplicate-column", Severity::warning,
            fmt::format(fmt::runtime(pick(lang, "cột {} \"{}\" trùng vai trò với cột {}; chỉ đọc cột {}",
                                          "column {} \"{}\" means the same as column {}; only column {} is read")),
                        position + 1, collapse_space(header.cells[static_cast<std::size_t>(position)]),
                        header.map.at(column) + 1, header.map.at(column) + 1)});

    SheetBuilder builder(path, header.map, options, out.encoding);
    std::vector<std::string> cells;
    auto take = [&](const RawRecord &r) {
        split_record(r, header.delimiter, path, cells, options.lang);
        if (std::all_of(cells.begin(), cells.end(), [](const std::string &c) { return cell_is_blank(c); })) {
            builder.skip();
            return;
        }
        builder.add(r, cells);
    };
    for (std::size_t i = header.record + 1; i < prefix.size(); ++i)
        take(prefix[i]);
    while (reader.next(record))
        take(record);
    out.sheets = builder.finish(prefix[header.record].line);
    return out;
}

} // namespace cchc
