// Header recognition (see header.hpp).
#include <cchc/input/cell_text.hpp>
#include <cchc/input/header.hpp>
#include <cchc/text/unicode.hpp>

#include <algorithm>

namespace cchc {

const std::vector<ColumnInfo> &column_infos() {
    static const std::vector<ColumnInfo> infos = {
        {Column::code, "code", true, "Mục", {"muc", "ma", "ma tieu chi", "stt", "tt", "code", "no"}},
        {Column::content,
         "content",
         false,
         "Nội dung",
         {"noi dung", "tieu chi", "noi dung linh vuc/tieu chi/tieu chi thanh phan",
          "linh vuc/tieu chi/tieu chi thanh phan", "linh vuc", "noi dung tieu chi", "ten tieu chi", "content",
          "criterion", "criteria", "name", "ten"}},
        {Column::max, "max", true, "Điểm tối đa", {"diem toi da", "toi da", "max", "maximum score", "max score"}},
        {Column::self,
         "self",
         false,
         "Điểm tự đánh giá",
         {"diem tu danh gia", "tu danh gia", "diem tu cham", "self", "self-assessment score", "self-assessment",
          "self assessment score", "self score"}},
        {Column::appraised,
         "appraised",
         true,
         "Điểm thẩm định",
         {"diem tham dinh", "tham dinh", "diem dat", "diem dat duoc", "appraised", "appraised score", "score"}},
        {Column::lost,
         "lost",
         false,
         "Số điểm bị trừ",
         {"so diem bi tru", "diem bi tru", "diem tru", "lost", "points lost", "lost points"}},
        {Column::note, "note", false, "Ghi chú", {"ghi chu", "ly do", "ly do giam diem", "note", "notes"}},
        {Column::owner,
         "owner",
         false,
         "Trách nhiệm bộ phận phụ trách",
         {"trach nhiem bo phan phu trach", "bo phan phu trach", "trach nhiem", "owner", "responsible unit"}},
        {Column::unit, "unit", false, "Đơn vị", {"don vi", "ten don vi", "unit"}},
        {Column::period, "period", false, "Kỳ đánh giá", {"ky", "ky danh gia", "nam", "period"}},
    };
    return infos;
}

const ColumnInfo &column_info(Column column) {
    return column_infos()[static_cast<std::size_t>(column)];
}

namespace {

/// A header cell folded for matching: "Ghi chú:" and "Mục." match too.
std::string folded_name(std::string_view cell) {
    std::string folded = fold(cell);
    while (!folded.empty() && (folded.back() == ':' || folded.back() == '.'))
        folded.pop_back();
    return folded;
}

/// `folded` is `alias` followed by a qualifier (see match_column_name).
bool qualified(std::string_view folded, std::string_view alias) {
    if (alias.find(' ') == std::string_view::npos || folded.size() <= alias.size() ||
        folded.substr(0, alias.size()) != alias)
        return false;
    std::string_view rest = folded.substr(alias.size());
    if (rest.front() == ',' || rest.front() == '/') return true;
    return rest.size() > 5 && rest.substr(0, 5) == " cua ";
}

std::optional<Column> match_folded(std::string_view folded) {
    if (folded.empty()) return std::nullopt;
    for (const ColumnInfo &info : column_infos())
        if (std::find(info.aliases.begin(), info.aliases.end(), folded) != info.aliases.end()) return info.column;
    // The longest alias that the name starts with, qualified: "ghi chu cua
    // tham dinh" is a note, never an appraised score.
    std::optional<Column> best;
    std::size_t best_size = 0;
    for (const ColumnInfo &info : column_infos())
        for (std::string_view alias : info.aliases)
            if (alias.size() > best_size && qualified(folded, alias)) {
                best = info.column;
                best_size = alias.size();
            }
    return best;
}

} // namespace

std::optional<Column> match_column_name(std::string_view cell) {
    if (cell.empty()) return std::nullopt;
    return match_folded(folded_name(cell));
}

bool is_appraisal_note(std::string_view cell) {
    std::string folded = folded_name(cell);
    return match_folded(folded) == Column::note && folded.find("tham dinh") != std::string::npos;
}

std::string join_cells(const std::vector<std::string> &cells) {
    std::string out;
    for (const std::string &cell : cells) {
        if (!out.empty()) out += " | ";
        out += collapse_space(cell);
    }
    return out;
}

std::vector<Column> HeaderMap::missing(const std::vector<Column> &required) const {
    std::vector<Column> out;
    for (Column c : required)
        if (!has(c)) out.push_back(c);
    return out;
}

HeaderMap map_header(const std::vector<std::string> &cells) {
    HeaderMap map;
    std::string code_name; // folded, of the first code cell
    int appraisal_note = -1;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        std::optional<Column> column = match_column_name(cells[i]);
        if (!column) continue;
        const int position = static_cast<int>(i);
        auto slot = static_cast<std::size_t>(*column);
        if (*column == Column::code) {
            std::string name = folded_name(cells[i]);
            if (map.index[slot] < 0) {
                code_name = name;
                map.code_candidates.push_back(position);
            } else if (name != code_name) {
                if (std::find_if(map.code_candidates.begin(), map.code_candidates.end(), [&](int c) {
                        return folded_name(cells[static_cast<std::size_t>(c)]) == name;
                    }) == map.code_candidates.end()) {
                    map.code_candidates.push_back(position);
                    continue;
                }
            }
        }
        if (*column == Column::note && appraisal_note < 0 && is_appraisal_note(cells[i])) {
            // The appraisal's note is read; a note column before it is set aside.
            appraisal_note = position;
            if (map.index[slot] >= 0) {
                map.set_aside.emplace_back(map.index[slot], Column::note);
                map.index[slot] = position;
                continue;
            }
        } else if (*column == Column::note && appraisal_note >= 0 && map.index[slot] == appraisal_note) {
            map.set_aside.emplace_back(position, Column::note);
            continue;
        }
        if (map.index[slot] >= 0) {
            map.repeated.emplace_back(position, *column);
            continue;
        }
        map.index[slot] = position;
        ++map.matched;
    }
    if (map.code_candidates.size() < 2) map.code_candidates.clear();
    return map;
}

std::vector<std::string> combine_header_rows(const std::vector<std::string> &first,
                                             const std::vector<std::string> &second) {
    const std::size_t n = std::max(first.size(), second.size());
    std::vector<std::string> out(n);
    std::string spanning; // the first-row label of the merge this cell is in
    for (std::size_t i = 0; i < n; ++i) {
        std::string_view top = i < first.size() ? std::string_view(first[i]) : std::string_view();
        std::string_view bottom = i < second.size() ? std::string_view(second[i]) : std::string_view();
        const bool own = !is_blank_cell(top);
        if (own)
            spanning.assign(top);
        else if (is_blank_cell(bottom))
            spanning.clear(); // a merge spans only cells with a label under them
        std::string_view label = own ? top : std::string_view(spanning);
        if (is_blank_cell(bottom)) {
            out[i] = own ? std::string(top) : std::string();
            continue;
        }
        if (label.empty()) {
            out[i] = std::string(bottom);
            continue;
        }
        std::string pair = std::string(label) + " " + std::string(bottom);
        if (match_column_name(pair) || !(match_column_name(bottom) || (own && match_column_name(top))))
            out[i] = std::move(pair);
        else
            out[i] = match_column_name(bottom) ? std::string(bottom) : std::string(top);
    }
    return out;
}

namespace {

/// A cell of a column-numbers row: "3", "(3)", "A", "(3)=(4)-(5)", "6=4-5";
/// `first` is set to its leading number, -1 for a letter.
bool column_number_cell(std::string_view cell, long &first) {
    std::size_t i = 0;
    auto term = [&](long &value) {
        bool paren = i < cell.size() && cell[i] == '(';
        if (paren) ++i;
        std::size_t start = i;
        value = 0;
        while (i < cell.size() && cell[i] >= '0' && cell[i] <= '9' && i - start < 4)
            value = value * 10 + (cell[i++] - '0');
        if (i == start) {
            if (i < cell.size() && cell[i] >= 'A' && cell[i] <= 'E') {
                ++i;
                value = -1;
            } else {
                return false;
            }
        }
        if (paren) {
            if (i >= cell.size() || cell[i] != ')') return false;
            ++i;
        }
        return true;
    };
    auto skip_space = [&] {
        while (i < cell.size() && cell[i] == ' ')
            ++i;
    };
    if (!term(first)) return false;
    skip_space();
    if (i == cell.size()) return true;
    if (cell[i] != '=' || first < 0) return false;
    ++i;
    long ignored = 0;
    for (;;) {
        skip_space();
        if (!term(ignored) || ignored < 0) return false;
        skip_space();
        if (i == cell.size()) return true;
        if (std::string_view("+-x*/").find(cell[i]) == std::string_view::npos) return false;
        ++i;
    }
}

} // namespace

bool is_column_numbers_row(const std::vector<std::string> &cells) {
    std::size_t filled = 0;
    std::size_t numbers = 0;
    long last = 0;
    for (const std::string &cell : cells) {
        if (is_blank_cell(cell)) continue;
        long first = 0;
        if (!column_number_cell(collapse_space(cell), first)) return false;
        ++filled;
        if (first < 0) {
            if (numbers > 0) return false; // letters come before the numbers
            continue;
        }
        if (first <= last) return false;
        last = first;
        ++numbers;
    }
    return filled >= 3 && numbers >= 2;
}

namespace {

enum class CodeShape { blank, integer, code, other };

CodeShape code_shape(std::string_view cell) {
    while (!cell.empty() && (cell.front() == ' ' || cell.front() == '"'))
        cell.remove_prefix(1);
    while (!cell.empty() && (cell.back() == ' ' || cell.back() == '"' || cell.back() == '.'))
        cell.remove_suffix(1);
    if (cell.empty()) return CodeShape::blank;
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    if (std::all_of(cell.begin(), cell.end(), digit)) return CodeShape::integer;
    // Dotted: 1.1, 1.2.3
    bool dotted = digit(cell.front()) && digit(cell.back());
    for (std::size_t i = 0; dotted && i < cell.size(); ++i)
        dotted = digit(cell[i]) || (cell[i] == '.' && i + 1 < cell.size() && digit(cell[i + 1]));
    if (dotted) return CodeShape::code;
    static constexpr std::string_view romans[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};
    for (std::string_view r : romans)
        if (cell == r) return CodeShape::code;
    if (cell.size() == 1 && cell[0] >= 'A' && cell[0] <= 'Z') return CodeShape::code;
    if (cell.size() == 2 && cell[1] == ')' && cell[0] >= 'a' && cell[0] <= 'z') return CodeShape::code;
    return CodeShape::other;
}

} // namespace

CodeColumnContent code_column_content(const std::vector<std::string_view> &cells) {
    CodeColumnContent out;
    std::size_t integers = 0;
    std::size_t others = 0; // text: a signature, a total label
    std::size_t steps = 0;  // integers one more than the integer before
    long last = 0;
    for (std::string_view cell : cells) {
        CodeShape shape = code_shape(cell);
        if (shape == CodeShape::blank) continue;
        ++out.filled;
        if (shape == CodeShape::code) ++out.code_like;
        if (shape == CodeShape::other) ++others;
        if (shape != CodeShape::integer) continue;
        long value = 0;
        for (char c : cell)
            if (c >= '0' && c <= '9' && value < 1000000) value = value * 10 + (c - '0');
        if (value == last + 1) ++steps;
        last = value;
        ++integers;
    }
    // Mostly increasing by one: at least three in four steps; a text cell
    // or so (a signature below the table) aside.
    out.running_number = out.code_like == 0 && integers >= 2 && 4 * steps >= 3 * integers && 3 * others <= integers;
    return out;
}

std::size_t choose_code_column(const std::vector<CodeColumnContent> &contents, bool &by_content) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < contents.size(); ++i)
        if (contents[i].code_like > contents[best].code_like) best = i;
    by_content = false;
    if (contents.empty() || contents[best].code_like == 0) return best;
    by_content = true;
    for (std::size_t i = 0; i < contents.size(); ++i)
        if (i != best && contents[i].code_like == contents[best].code_like) by_content = false;
    return best;
}

} // namespace cchc

namespace cchc {

HeaderChoice find_header(const std::vector<RawRecord> &records, char forced, const std::string &file,
                         const std::vector<Column> &required, Lang lang) {
    HeaderChoice partial; // the record that came closest, for the error message
    std::vector<std::string> cells;
    for (std::size_t r = 0; r < records.size(); ++r) {
        HeaderChoice here;
        for (char d : k_header_delimiters) {
            if (forced != 0 && d != forced) continue;
            if (forced == 0 && d != ',' && count_delimiters(records[r].text, d) == 0) continue;
            split_record(records[r], d, file, cells, lang);
            HeaderMap map = map_header(cells);
            if (map.missing(required).empty() && (!here.found || map.matched > here.map.matched))
                here = {r, 1, d, map, cells, true};
            else if (map.matched > partial.map.matched)
                partial = {r, 1, d, map, cells, false};
        }
        if (here.found) return here;
    }
    return partial;
}

} // namespace cchc

namespace cchc {

HeaderChoice find_two_row_header(const RawRecord &first, const RawRecord &second, char forced, const std::string &file,
                                 const std::vector<Column> &required, Lang lang) {
    HeaderChoice best;
    std::vector<std::string> top;
    std::vector<std::string> bottom;
    for (char d : k_header_delimiters) {
        if (forced != 0 && d != forced) continue;
        if (forced == 0 && d != ',' && (count_delimiters(first.text, d) == 0 || count_delimiters(second.text, d) == 0))
            continue;
        split_record(first, d, file, top, lang);
        split_record(second, d, file, bottom, lang);
        std::vector<std::string> cells = combine_header_rows(top, bottom);
        HeaderMap map = map_header(cells);
        if (map.missing(required).empty() && (!best.found || map.matched > best.map.matched))
            best = {0, 2, d, map, std::move(cells), true};
    }
    return best;
}

} // namespace cchc
