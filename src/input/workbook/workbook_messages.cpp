// The messages of a workbook that cannot be read (see workbook_messages.hpp).
#include "workbook_messages.hpp"

#include "zip_container.hpp"

#include <cchc/input/workbook/workbook.hpp>

#include <fmt/format.h>

namespace cchc::workbook_detail {

namespace {

std::string format(Lang lang, std::string_view vi, std::string_view en, const auto &...args) {
    return fmt::format(fmt::runtime(pick(lang, vi, en)), args...);
}

} // namespace

std::string broken_workbook_message(const std::string &file, std::string_view why, Lang lang) {
    return format(lang,
                  "{}: không đọc được sổ tính: tệp zip bị hỏng hoặc bị cắt cụt ({}); hãy chép lại tệp gốc, hoặc mở "
                  "nó trong Excel hay LibreOffice và lưu lại",
                  "{}: cannot read the workbook: the zip is broken or truncated ({}); copy the original file again, "
                  "or open it in Excel or LibreOffice and save it again",
                  file, why);
}

std::string missing_part_message(const std::string &file, const std::string &part, Lang lang) {
    return format(lang, "{}: sổ tính thiếu phần {}; hãy mở nó trong Excel hay LibreOffice và lưu lại",
                  "{}: the workbook lacks its part {}; open it in Excel or LibreOffice and save it again", file, part);
}

std::string encrypted_workbook_message(const std::string &file, Lang lang) {
    return format(lang,
                  "{}: sổ tính được bảo vệ bằng mật khẩu (đã mã hoá), không đọc được; hãy bỏ mật khẩu trong Excel: "
                  "Tệp → Thông tin → Bảo vệ sổ làm việc (File → Info → Protect Workbook), rồi lưu lại",
                  "{}: the workbook is password-protected (encrypted) and cannot be read; remove the password in "
                  "Excel: File → Info → Protect Workbook, then save it",
                  file);
}

std::string zip_bomb_message(const std::string &file, const std::string &part, Lang lang) {
    return format(lang,
                  "{}: phần {} bung ra quá lớn (quá {} MiB, hoặc quá {} lần cỡ nén khi quá {} MiB): không đọc; "
                  "đây không phải một sổ tính thông thường, hãy kiểm tra nguồn của tệp",
                  "{}: the part {} inflates too much (past {} MiB, or past {} times its compressed size beyond {} "
                  "MiB): not read; this is no ordinary workbook, check where the file came from",
                  file, part, k_max_part_bytes >> 20, k_max_ratio, k_ratio_from_bytes >> 20);
}

std::string dtd_message(const std::string &file, const std::string &part, Lang lang) {
    return format(lang,
                  "{}: phần {} có khai báo DTD hay thực thể XML, điều một sổ tính không bao giờ có: không đọc; hãy "
                  "mở nó trong Excel hay LibreOffice và lưu lại",
                  "{}: the part {} declares a DTD or XML entities, which a workbook never does: not read; open it "
                  "in Excel or LibreOffice and save it again",
                  file, part);
}

std::string bad_xml_message(const std::string &file, const std::string &part, long line, std::string_view why,
                            Lang lang) {
    return format(lang,
                  "{}: phần {} không phải XML đúng (dòng {}: {}); hãy mở sổ tính trong Excel hay LibreOffice và lưu "
                  "lại",
                  "{}: the part {} is not well-formed XML (line {}: {}); open the workbook in Excel or LibreOffice "
                  "and save it again",
                  file, part, line, why);
}

std::string too_many_rows_message(const std::string &file, const std::string &sheet, Lang lang) {
    return format(lang, "{}[{}]: trang tính có quá {} dòng: không đọc; hãy xoá các dòng thừa",
                  "{}[{}]: the worksheet has more than {} rows: not read; delete the rows it does not need", file,
                  sheet, k_max_worksheet_rows);
}

std::string too_many_columns_message(const std::string &file, const std::string &sheet, const std::string &cell,
                                     Lang lang) {
    return format(lang, "{}[{}]: ô {} vượt quá {} cột: không đọc; hãy xoá các cột thừa",
                  "{}[{}]: the cell {} is past {} columns: not read; delete the columns the sheet does not need", file,
                  sheet, cell, k_max_worksheet_columns);
}

std::string shared_string_message(const std::string &file, const std::string &sheet, const std::string &cell,
                                  std::string_view index, Lang lang) {
    return format(lang,
                  "{}[{}]: ô {} trỏ tới chuỗi số {} không có trong sổ tính: tệp bị hỏng; hãy mở nó trong Excel hay "
                  "LibreOffice và lưu lại",
                  "{}[{}]: the cell {} refers to shared string {}, which the workbook does not have: the file is "
                  "damaged; open it in Excel or LibreOffice and save it again",
                  file, sheet, cell, index);
}

std::string strict_ooxml_message(const std::string &file, Lang lang) {
    return format(lang,
                  "{}: sổ tính lưu theo kiểu Strict Open XML, cchc không đọc; hãy lưu lại với kiểu \"Excel Workbook "
                  "(.xlsx)\"",
                  "{}: the workbook is saved as Strict Open XML, which cchc does not read; save it again as \"Excel "
                  "Workbook (.xlsx)\"",
                  file);
}

std::string xlsb_message(const std::string &file, Lang lang) {
    return format(lang,
                  "{}: đây là sổ tính nhị phân (.xlsb), cchc không đọc; hãy mở trong Excel và lưu với kiểu \"Excel "
                  "Workbook (.xlsx)\"",
                  "{}: this is a binary workbook (.xlsb), which cchc does not read; open it in Excel and save it as "
                  "\"Excel Workbook (.xlsx)\"",
                  file);
}

std::string not_a_workbook_message(const std::string &file, Lang lang) {
    return format(lang,
                  "{}: tệp là một zip nhưng không phải sổ tính .xlsx hay .ods; hãy chọn đúng tệp bảng điểm, hoặc "
                  "giải nén nó trước",
                  "{}: the file is a zip but no .xlsx or .ods workbook; name the score sheet itself, or unzip it "
                  "first",
                  file);
}

std::string xls_message(const std::string &file, std::string_view why, Lang lang) {
    return format(lang,
                  "{}: không đọc được sổ tính .xls ({}); hãy mở nó trong Excel hay LibreOffice và lưu với kiểu "
                  "\"Excel Workbook (.xlsx)\"",
                  "{}: cannot read the .xls workbook ({}); open it in Excel or LibreOffice and save it as \"Excel "
                  "Workbook (.xlsx)\"",
                  file, why);
}

} // namespace cchc::workbook_detail
