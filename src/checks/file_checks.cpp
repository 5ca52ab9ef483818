// A file's own findings and a run's (see checks/file_checks.hpp).
#include <cchc/checks/file_checks.hpp>
#include <cchc/input/header.hpp>

#include <fmt/format.h>

namespace cchc {

namespace {

std::string alias_list(const ColumnInfo &info) {
    std::string out;
    for (std::string_view alias : info.aliases) {
        if (!out.empty()) out += ", ";
        out += alias;
    }
    return out;
}

/// Each required column with the names that work for it, for a file
/// without a header: code "Mục" (or: muc, ma, …, code, no); …
std::string required_names(Lang lang) {
    std::string out;
    for (const ColumnInfo &info : column_infos()) {
        if (!info.required) continue;
        if (!out.empty()) out += "; ";
        out += fmt::format(fmt::runtime(pick(lang, "{} \"{}\" (hoặc: {})", "{} \"{}\" (or: {})")), info.id,
                           info.canonical_vi, alias_list(info));
    }
    return out;
}

/// Which of several cells naming the code column is read, and why.
Finding code_column(const LoadedFile &file, Lang lang) {
    const FileFacts &facts = file.facts;
    const CodeCandidate &read = facts.code_candidates.front();
    std::string others;
    for (std::size_t i = 1; i < facts.code_candidates.size(); ++i) {
        const CodeCandidate &c = facts.code_candidates[i];
        if (!others.empty()) others += ", ";
        others += fmt::format(fmt::runtime(pick(lang, "cột {} \"{}\"", "column {} \"{}\"")), c.position + 1, c.name);
        if (c.running_number) others += pick(lang, " (số thứ tự)", " (a running row number)");
    }
    std::string message =
        facts.code_by_content
            ? fmt::format(fmt::runtime(pick(lang,
                                            "đọc cột {} \"{}\" làm mã: {} trong {} dòng đầu có dạng mã tiêu chí "
                                            "(1.1, I, a)); không đọc {}",
                                            "column {} \"{}\" is read as the code: {} of the first {} rows hold "
                                            "criterion codes there (1.1, I, a)); not read: {}")),
                          read.position + 1, read.name, read.code_like, facts.code_rows_read, others)
            : fmt::format(fmt::runtime(pick(lang,
                                            "nhiều cột có thể là mã; {} dòng đầu không cho biết cột nào chứa mã tiêu "
                                            "chí: đọc cột {} \"{}\", cột đầu tiên; không đọc {} (đổi tên cột không "
                                            "phải mã)",
                                            "several columns could be the code; the first {} rows do not show which "
                                            "holds criterion codes: column {} \"{}\", the first, is read; not read: "
                                            "{} (rename the column that is not the code)")),
                          facts.code_rows_read, read.position + 1, read.name, others);
    return make_finding(Rule::code_column, file.file, facts.header_line, "", message);
}

/// Said after a missing-column message when another delimiter than --delimiter finds the header.
std::string delimiter_hint(char better, Lang lang) {
    if (better == 0) return "";
    return fmt::format(fmt::runtime(pick(lang, " (tệp dùng dấu phân cách '{}': bỏ --delimiter)",
                                         " (the file uses '{}' as delimiter: drop --delimiter)")),
                       better == '\t' ? std::string("tab") : std::string(1, better));
}

Finding missing_column(const LoadedFile &file, Column column, const std::string &hint, Lang lang) {
    const FileFacts &facts = file.facts;
    const ColumnInfo &info = column_info(column);
    std::string shown =
        facts.header_cells.empty() ? std::string(pick(lang, "(trống)", "(empty)")) : join_cells(facts.header_cells);
    std::string message = fmt::format(
        // The role id (appraised) is English: the Vietnamese message names the column only.
        fmt::runtime(pick(lang, "thiếu cột {1}; tiêu đề đọc được: {2}; hãy đặt tên cột là \"{1}\" (hoặc: {3})",
                          "no column for {0} ({1}); the header read is: {2}; name the column \"{1}\" (or: {3})")),
        info.id, info.canonical_vi, shown, alias_list(info));
    return make_finding(Rule::missing_column, file.file, facts.header_line, "", message + hint);
}

} // namespace

std::vector<Finding> check_file(const LoadedFile &file, Lang lang) {
    const FileFacts &facts = file.facts;
    std::vector<Finding> out;
    if (facts.encoding_assumed && file.encoding == "TCVN5712-1")
        out.push_back(make_finding(
            Rule::encoding_assumed, file.file, 1, "",
            std::string(
                pick(lang,
                     "tệp không phải UTF-8 và giống bảng mã TCVN3 (phông .VnTime); đã đọc theo TCVN5712-1 "
                     "(nếu chữ hiện sai, chọn bảng mã khác bằng --encoding, ví dụ --encoding WINDOWS-1258)",
                     "the file is not UTF-8 and looks like TCVN3 (the .VnTime fonts); read as TCVN5712-1 "
                     "(if the text looks wrong, choose another with --encoding, e.g. --encoding WINDOWS-1258)"))));
    else if (facts.encoding_assumed)
        out.push_back(make_finding(
            Rule::encoding_assumed, file.file, 1, "",
            std::string(pick(lang, "tệp không phải UTF-8; đã đọc theo Windows-1258 (chọn bảng mã khác bằng --encoding)",
                             "the file is not UTF-8; read as Windows-1258 (choose another with --encoding)"))));
    if (!facts.skipped_worksheets.empty()) {
        std::string names;
        for (const std::string &name : facts.skipped_worksheets)
            names += (names.empty() ? "" : ", ") + name;
        out.push_back(make_finding(
            Rule::worksheet_skipped, file.file, 0, "",
            fmt::format(fmt::runtime(pick(lang,
                                          "{} trang tính không có dòng tiêu đề bảng điểm nên không đọc: {} (nếu một "
                                          "trang là bảng điểm, hãy thêm dòng tiêu đề có các cột Mục, Điểm tối đa, "
                                          "Điểm thẩm định)",
                                          "{} worksheet(s) without a score-sheet header, not read: {} (if one is a "
                                          "score sheet, give it a header row with the columns Mục, Điểm tối đa, "
                                          "Điểm thẩm định)")),
                        facts.skipped_worksheets.size(), names)));
    }
    for (const NumberCode &code : facts.number_codes) {
        Finding &f = out.emplace_back(make_finding(
            Rule::number_code, code.place, code.row, code.stored,
            fmt::format(fmt::runtime(pick(lang,
                                          "{}: mã được lưu thành số {}, nên bảng tính đã bỏ số 0 cuối: có lẽ là {}; "
                                          "hãy định dạng cột Mục là Văn bản và gõ lại mã (dòng vẫn được đọc là {})",
                                          "{}: the code is stored as the number {}, so the spreadsheet dropped its "
                                          "trailing zero: most likely {}; format the code column as Text and type "
                                          "the code again (the row is still read as {})")),
                        code.cell, code.stored, code.likely, code.stored)));
        f.row = code.row;
        f.cell = code.cell;
        f.sheet = code.worksheet;
    }
    const std::size_t header_findings = out.size();
    switch (facts.header) {
    case FileFacts::Header::empty:
        out.push_back(make_finding(Rule::missing_column, file.file, facts.header_line, "",
                                   std::string(pick(lang,
                                                    "tệp trống; cần một dòng tiêu đề có các cột Mục, Điểm tối đa, "
                                                    "Điểm thẩm định",
                                                    "the file is empty; a header row with the columns Mục, Điểm "
                                                    "tối đa, Điểm thẩm định is needed"))));
        break;
    case FileFacts::Header::partial: {
        std::string hint = delimiter_hint(facts.better_delimiter, lang);
        for (Column c : facts.missing_columns)
            out.push_back(missing_column(file, c, hint, lang));
        break;
    }
    case FileFacts::Header::none:
        out.push_back(make_finding(
            Rule::missing_column, file.file, facts.header_line, "",
            fmt::format(fmt::runtime(pick(lang,
                                          "không thấy dòng tiêu đề trong {} dòng đầu: cần các cột Mục, Điểm tối đa, "
                                          "Điểm thẩm định; dòng đầu đọc được: {}{}; tên cột được nhận: {}",
                                          "no header row in the first {} rows: the columns Mục, Điểm tối đa, Điểm thẩm "
                                          "định are needed; the first row reads: {}{}; the names that work: {}")),
                        k_header_search_rows, join_cells(facts.first_row), delimiter_hint(facts.better_delimiter, lang),
                        required_names(lang))));
        break;
    case FileFacts::Header::found:
        if (!facts.code_candidates.empty()) out.push_back(code_column(file, lang));
        for (const RepeatedColumn &r : facts.repeated_columns)
            out.push_back(make_finding(
                Rule::duplicate_column, file.file, facts.header_line, "",
                fmt::format(fmt::runtime(pick(lang, "cột {} \"{}\" trùng vai trò với cột {}; chỉ đọc cột {}",
                                              "column {} \"{}\" means the same as column {}; only column {} is read")),
                            r.position + 1, r.name, r.read_position + 1, r.read_position + 1)));
        break;
    }
    // Those after are about the header row (or the row read in its place).
    for (std::size_t i = header_findings; i < out.size(); ++i)
        if (out[i].line == facts.header_line) out[i].row = facts.header_row;
    for (Finding &f : out)
        if (f.rule == Rule::encoding_assumed) f.row = 1;
    return out;
}

namespace {

/// "lỗi: score-above-max 2000, lost-mismatch 12; cảnh báo: too-precise 99":
/// the counts of each severity, worst first, each rule in the order of the
/// rules.
std::string counts_by_rule(const FindingCounts &dropped, Lang lang) {
    std::string out;
    for (Severity severity : {Severity::error, Severity::warning, Severity::info}) {
        if (!dropped.any(severity)) continue;
        if (!out.empty()) out += "; ";
        out += severity == Severity::error     ? pick(lang, "lỗi", "errors")
               : severity == Severity::warning ? pick(lang, "cảnh báo", "warnings")
                                               : pick(lang, "thông tin", "info");
        const char *separator = ": ";
        for (const RuleInfo &rule : all_rules()) {
            std::size_t n = dropped.count(rule.rule, severity);
            if (n == 0) continue;
            out += fmt::format("{}{} {}", separator, rule.id, n);
            separator = ", ";
        }
    }
    return out;
}

} // namespace

Finding too_many_findings(const std::string &file, const FindingCounts &dropped, std::size_t shown, Lang lang) {
    return make_finding(
        Rule::too_many_findings, dropped.worst(), file, dropped.first_line(), "",
        fmt::format(fmt::runtime(pick(lang, "còn {} phát hiện nữa không in ra (chỉ in {} phát hiện đầu): {}",
                                      "{} more findings not shown (only the first {} are): {}")),
                    dropped.total(), shown, counts_by_rule(dropped, lang)));
}

Finding mixed_scales(const std::string &file, const std::string &first, const std::string &other, Lang lang) {
    return make_finding(Rule::mixed_scales, file, 0, "",
                        fmt::format(fmt::runtime(pick(lang,
                                                      "các chỉ số có thang điểm khác nhau ({} và {}); dùng --out-of "
                                                      "hoặc --criteria để so sánh trên cùng thang",
                                                      "the indexes are out of different scales ({} and {}); use "
                                                      "--out-of or --criteria to rank on one scale")),
                                    first, other));
}

} // namespace cchc
