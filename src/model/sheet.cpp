// Codes and the criteria hierarchy (see sheet.hpp).
#include <cchc/input/workbook/workbook.hpp>
#include <cchc/model/sheet.hpp>
#include <cchc/text/unicode.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

namespace cchc {

namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

std::string_view first_segment(std::string_view key) {
    return key.substr(0, next_dot(key));
}

/// One letter of the Vietnamese alphabet (a–z and đ), either case, in UTF-8.
bool is_one_letter(std::string_view s) {
    if (s.size() == 1) return (s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z');
    return s == "\xC4\x91" || s == "\xC4\x90"; // đ, Đ
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), is_digit);
}

} // namespace

std::string cell_address(int position, long row) {
    if (position < 0 || row <= 0) return {};
    return column_letters(position) + std::to_string(row);
}

std::string code_from_date(std::string_view code) {
    // Numbers between separators, without their leading zeros.
    auto number = [](std::string_view s, int &out) {
        if (s.empty() || s.size() > 4 || !all_digits(s)) return false;
        out = std::stoi(std::string(s));
        return true;
    };
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        std::size_t end = code.find_first_of("/-", start);
        parts.push_back(code.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    int day = 0, month = 0, year = 0;
    if ((parts.size() == 2 || parts.size() == 3) && code.find('/') != std::string_view::npos && number(parts[0], day) &&
        number(parts[1], month) && day >= 1 && day <= 31 && month >= 1 && month <= 12) {
        if (parts.size() == 2) return std::to_string(day) + "." + std::to_string(month);
        if (number(parts[2], year) && year >= 1900 && year <= 2099)
            return std::to_string(day) + "." + std::to_string(month) + "." + std::to_string(year % 100);
        return {};
    }
    static constexpr std::array<std::string_view, 12> months = {"jan", "feb", "mar", "apr", "may", "jun",
                                                                "jul", "aug", "sep", "oct", "nov", "dec"};
    if (parts.size() == 2 && number(parts[0], day) && day >= 1 && day <= 31 && parts[1].size() == 3) {
        std::string m(parts[1]);
        for (char &c : m)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        for (std::size_t i = 0; i < months.size(); ++i)
            if (m == months[i]) return std::to_string(i + 1) + "." + std::to_string(day);
    }
    return {};
}

int roman_value(std::string_view s) {
    static constexpr std::array<std::string_view, 10> numerals = {"I",  "II",  "III",  "IV", "V",
                                                                  "VI", "VII", "VIII", "IX", "X"};
    for (std::size_t i = 0; i < numerals.size(); ++i)
        if (s == numerals[i]) return static_cast<int>(i) + 1;
    return 0;
}

CodeShape code_shape(std::string_view code) {
    if (std::size_t levels = dotted_levels(code); levels > 0)
        return levels <= k_max_code_levels ? CodeShape::dotted : CodeShape::other;
    if (roman_value(code) > 0) return CodeShape::roman;
    if (code == "-" || code == "\xE2\x80\x93" || code == "\xE2\x80\x94") return CodeShape::dash; // - – —
    if (code == "+") return CodeShape::plus;
    if (code == "*" || code == "\xE2\x80\xA2") return CodeShape::star; // * •
    // A part: one capital letter ("A", "B"), or "Phần A" in any case.
    if (code.size() == 1 && code[0] >= 'A' && code[0] <= 'Z') return CodeShape::part;
    if (code.size() > 2 && code.back() == ')') {
        std::string_view inner = code.substr(0, code.size() - 1);
        if (inner.front() == '(') inner.remove_prefix(1);
        if (is_one_letter(inner)) return CodeShape::letter;
        if (all_digits(inner) && inner.size() <= 3) return CodeShape::numbered;
    } else if (code.size() == 2 && code.back() == ')') {
        if (is_one_letter(code.substr(0, 1))) return CodeShape::letter;
        if (is_digit(code[0])) return CodeShape::numbered;
    }
    if (is_one_letter(code) && !(code[0] >= 'A' && code[0] <= 'Z')) return CodeShape::letter; // "a", "đ"
    if (code.size() > 5) {
        std::string f = fold(code);
        if (f.size() == 6 && f.compare(0, 5, "phan ") == 0 && f[5] >= 'a' && f[5] <= 'z') return CodeShape::part;
    }
    return CodeShape::other;
}

std::string_view Row::domain() const {
    return first_segment(key);
}

std::string normalise_code(std::string_view cell) {
    std::string code;
    normalise_code(cell, code);
    return code;
}

void normalise_code(std::string_view cell, std::string &code) {
    code = collapse_space(cell);
    if (code.size() > 1 && code.back() == '.') code.pop_back();
}

std::string code_key(const std::string &code, bool &well_formed) {
    std::string key;
    code_key(code, well_formed, key);
    return key;
}

bool set_dotted_code(std::string_view cell, Row &row) {
    std::size_t levels = dotted_levels(cell);
    if (levels == 0) return false;
    row.code.assign(cell);
    row.key.assign(cell);
    row.code_well_formed = levels <= k_max_code_levels;
    return true;
}

void code_key(std::string_view code, bool &well_formed, std::string &key) {
    if (int r = code.empty() || is_digit(code[0]) ? 0 : roman_value(code); r > 0) {
        well_formed = true;
        key = std::to_string(r);
        return;
    }
    // Other shapes get their key from their place in the hierarchy
    // (layout/hierarchy.cpp); until then, their code.
    well_formed = !code.empty() && code_shape(code) != CodeShape::other;
    key.assign(code);
}

bool code_less(const std::string &a, const std::string &b) {
    std::size_t i = 0;
    std::size_t j = 0;
    while (i < a.size() && j < b.size()) {
        std::size_t ie = next_dot(a, i);
        std::size_t je = next_dot(b, j);
        if (ie == std::string::npos) ie = a.size();
        if (je == std::string::npos) je = b.size();
        std::string_view sa(a.data() + i, ie - i);
        std::string_view sb(b.data() + j, je - j);
        bool na = !sa.empty() && std::all_of(sa.begin(), sa.end(), is_digit);
        bool nb = !sb.empty() && std::all_of(sb.begin(), sb.end(), is_digit);
        if (na && nb) {
            // Compare as numbers without converting: strip zeros, then length, then text.
            while (sa.size() > 1 && sa.front() == '0')
                sa.remove_prefix(1);
            while (sb.size() > 1 && sb.front() == '0')
                sb.remove_prefix(1);
            if (sa.size() != sb.size()) return sa.size() < sb.size();
        } else if (na != nb) {
            return na; // numbers before text
        }
        if (sa != sb) return sa < sb;
        i = ie + 1;
        j = je + 1;
    }
    return a.size() - std::min(i, a.size()) < b.size() - std::min(j, b.size());
}

bool is_total_label(std::string_view cell) {
    // The longest label, "TỔNG CỘNG ĐIỂM ĐẠT ĐƯỢC (A+B)" with spaces around,
    // is a few dozen bytes; longer cells (most contents) need no folding.
    if (cell.empty() || cell.size() > 64) return false;
    if (cell[0] >= '0' && cell[0] <= '9') return false; // a code: no label starts with a digit
    // Every word of a label is one of those below, and folding keeps an
    // ASCII digit outside parentheses: a cell with one ("Tiêu chí 12") is
    // no label, and need not be folded.
    for (int depth = 0; char c : cell) {
        if (c == '(') ++depth;
        if (c == ')' && depth > 0) --depth;
        if (depth == 0 && c >= '0' && c <= '9') return false;
    }
    std::string f = fold(cell); // drops "(A+B)"
    while (!f.empty() && (f.back() == ':' || f.back() == '.'))
        f.pop_back();
    // "Tổng", "Cộng" or "Total", then only words that say what is added up:
    // "Tổng cộng", "Tổng số điểm", "TỔNG ĐIỂM ĐẠT ĐƯỢC", "Cộng điểm", "Grand
    // total". Not "Cộng đồng", "Tổng kết", nor a part's "Cộng A".
    static constexpr std::array<std::string_view, 4> heads = {"tong", "cong", "total", "grand"};
    static constexpr std::array<std::string_view, 11> words = {"cong",  "diem",  "so",     "dat",  "duoc", "chung",
                                                               "total", "score", "points", "toan", "bo"};
    std::size_t start = 0;
    bool first = true;
    while (start < f.size()) {
        std::size_t end = f.find(' ', start);
        if (end == std::string::npos) end = f.size();
        std::string_view word(f.data() + start, end - start);
        start = end + 1;
        bool known = first ? std::find(heads.begin(), heads.end(), word) != heads.end()
                           : std::find(words.begin(), words.end(), word) != words.end();
        if (!known) return false;
        if (first && word == "grand" && (start >= f.size() || f.compare(start, 5, "total") != 0)) return false;
        first = false;
    }
    return !first;
}

Extra extra_label(std::string_view content) {
    if (content.size() < 5) return Extra::none;
    // Two ASCII letters first are the folded text's first two, lower-cased:
    // only "di", "th" and "tr" can start the words below ("Tiêu chí" cannot).
    auto letter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (letter(content[0]) && letter(content[1])) {
        const char a = static_cast<char>(content[0] | 0x20), b = static_cast<char>(content[1] | 0x20);
        if (!((a == 'd' && b == 'i') || (a == 't' && (b == 'h' || b == 'r')))) return Extra::none;
    }
    // Only the start matters: "Điểm thưởng", "ĐIỂM THƯỞNG (tối đa 2 điểm)",
    // "Điểm trừ do …", "Trừ điểm …".
    std::string f = fold(content.substr(0, std::min<std::size_t>(content.size(), 40)));
    auto starts = [&f](std::string_view w) {
        return f.compare(0, w.size(), w) == 0 && (f.size() == w.size() || f[w.size()] == ' ' || f[w.size()] == ':');
    };
    if (starts("diem thuong") || starts("thuong")) return Extra::bonus;
    if (starts("diem tru") || starts("tru diem")) return Extra::penalty;
    return Extra::none;
}

} // namespace cchc
