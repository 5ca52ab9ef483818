// Header recognition (see header.hpp).
#include <cchc/input/header.hpp>
#include <cchc/text/unicode.hpp>

#include <algorithm>

namespace cchc {

const std::vector<ColumnInfo> &column_infos() {
    static const std::vector<ColumnInfo> infos = {
        {Column::code, "code", true, "Mục", {"muc", "ma", "ma tieu chi", "stt", "tt", "code"}},
        {Column::content,
         "content",
         false,
         "Nội dung",
         {"noi dung", "tieu chi", "noi dung linh vuc/tieu chi/tieu chi thanh phan",
          "linh vuc/tieu chi/tieu chi thanh phan", "ten tieu chi", "content", "criterion", "name", "ten"}},
        {Column::max, "max", true, "Điểm tối đa", {"diem toi da", "toi da", "max"}},
        {Column::self, "self", false, "Điểm tự đánh giá", {"diem tu danh gia", "tu danh gia", "diem tu cham", "self"}},
        {Column::appraised,
         "appraised",
         true,
         "Điểm thẩm định",
         {"diem tham dinh", "tham dinh", "diem dat", "appraised", "score"}},
        {Column::lost, "lost", false, "Số điểm bị trừ", {"so diem bi tru", "diem bi tru", "diem tru", "lost"}},
        {Column::note, "note", false, "Ghi chú", {"ghi chu", "ly do", "ly do giam diem", "note"}},
        {Column::owner,
         "owner",
         false,
         "Trách nhiệm bộ phận phụ trách",
         {"trach nhiem bo phan phu trach", "bo phan phu trach", "trach nhiem", "owner"}},
        {Column::unit, "unit", false, "Đơn vị", {"don vi", "ten don vi", "unit"}},
        {Column::period, "period", false, "Kỳ đánh giá", {"ky", "ky danh gia", "nam", "period"}},
    };
    return infos;
}

const ColumnInfo &column_info(Column column) {
    return column_infos()[static_cast<std::size_t>(column)];
}

std::optional<Column> match_column_name(std::string_view cell) {
    if (cell.empty()) return std::nullopt;
    std::string folded = fold(cell);
    // "Ghi chú:" and "Mục." match too.
    while (!folded.empty() && (folded.back() == ':' || folded.back() == '.'))
        folded.pop_back();
    for (const ColumnInfo &info : column_infos())
        if (std::find(info.aliases.begin(), info.aliases.end(), folded) != info.aliases.end()) return info.column;
    return std::nullopt;
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
    for (std::size_t i = 0; i < cells.size(); ++i) {
        std::optional<Column> column = match_column_name(cells[i]);
        if (!column) continue;
        auto slot = static_cast<std::size_t>(*column);
        if (map.index[slot] >= 0) {
            map.repeated.emplace_back(static_cast<int>(i), *column);
            continue;
        }
        map.index[slot] = static_cast<int>(i);
        ++map.matched;
    }
    return map;
}

} // namespace cchc

namespace cchc {

HeaderChoice find_header(const std::vector<RawRecord> &records, char forced, const std::string &file,
                         const std::vector<Column> &required, Lang lang) {
    static constexpr char delimiters[] = {',', ';', '\t', '|'};
    HeaderChoice partial; // the record that came closest, for the error message
    std::vector<std::string> cells;
    for (std::size_t r = 0; r < records.size(); ++r) {
        HeaderChoice here;
        for (char d : delimiters) {
            if (forced != 0 && d != forced) continue;
            if (forced == 0 && d != ',' && count_delimiters(records[r].text, d) == 0) continue;
            split_record(records[r], d, file, cells, lang);
            HeaderMap map = map_header(cells);
            if (map.missing(required).empty() && (!here.found || map.matched > here.map.matched))
                here = {r, d, map, cells, true};
            else if (map.matched > partial.map.matched)
                partial = {r, d, map, cells, false};
        }
        if (here.found) return here;
    }
    return partial;
}

} // namespace cchc
