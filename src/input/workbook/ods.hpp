#pragma once
// OpenDocument spreadsheets (.ods): content.xml holds every table (a
// worksheet) with its rows and cells, merged cells as spans on the cell.

#include "zip_container.hpp"

#include <cchc/input/workbook/workbook.hpp>

#include <vector>

namespace cchc::workbook_detail {

void read_ods(const ZipContainer &zip, const std::string &name, Lang lang, bool names_only,
              const std::function<void(const std::string &, WorksheetRows &, std::size_t, std::size_t)> &sheet);

/// content.xml, whole: its tables, in order. For tests.
std::vector<Worksheet> parse_content_xml(std::string_view xml, const std::string &name, Lang lang);

} // namespace cchc::workbook_detail
