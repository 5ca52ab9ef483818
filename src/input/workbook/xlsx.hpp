#pragma once
// Office Open XML workbooks (.xlsx, .xlsm): xl/workbook.xml and its
// relationships name the worksheets, xl/sharedStrings.xml holds their
// texts, xl/styles.xml the number formats that say how a number shows.

#include "zip_container.hpp"

#include <cchc/input/workbook/workbook.hpp>

namespace cchc::workbook_detail {

void read_xlsx(const ZipContainer &zip, const std::string &name, Lang lang, bool names_only,
               const std::function<void(const std::string &, WorksheetRows &, std::size_t, std::size_t)> &sheet);

/// A worksheet read for its name only: no rows.
class NoRows : public WorksheetRows {
public:
    bool next(WorksheetRow &) override { return false; }
};

/// One worksheet part's XML, whole (`strings`: the shared strings; the
/// styles are General). For the XML-level fuzz target and tests.
Worksheet parse_worksheet_xml(std::string_view xml, const std::vector<std::string> &strings, const std::string &name,
                              Lang lang);

/// "E6" → row 6, column 4; false when it is no cell reference.
bool parse_cell_reference(std::string_view ref, long &row, int &column);

} // namespace cchc::workbook_detail
