#pragma once
// The messages of a workbook that cannot be read, each naming the file
// and saying what to do, in both languages (workbook_messages.cpp).

#include <cchc/base/lang.hpp>

#include <string>
#include <string_view>

namespace cchc::workbook_detail {

std::string broken_workbook_message(const std::string &file, std::string_view why, Lang lang);
std::string missing_part_message(const std::string &file, const std::string &part, Lang lang);
std::string encrypted_workbook_message(const std::string &file, Lang lang);
std::string zip_bomb_message(const std::string &file, const std::string &part, Lang lang);
std::string dtd_message(const std::string &file, const std::string &part, Lang lang);
std::string bad_xml_message(const std::string &file, const std::string &part, long line, std::string_view why,
                            Lang lang);
std::string too_many_rows_message(const std::string &file, const std::string &sheet, Lang lang);
std::string too_many_columns_message(const std::string &file, const std::string &sheet, const std::string &cell,
                                     Lang lang);
std::string shared_string_message(const std::string &file, const std::string &sheet, const std::string &cell,
                                  std::string_view index, Lang lang);
std::string strict_ooxml_message(const std::string &file, Lang lang);
std::string xlsb_message(const std::string &file, Lang lang);
std::string not_a_workbook_message(const std::string &file, Lang lang);
std::string xls_message(const std::string &file, std::string_view why, Lang lang);

} // namespace cchc::workbook_detail
