// Fuzz target: a worksheet part's XML → its cells. Any bytes end in cells
// or in cchc::Error (not well formed, a DTD, a shared string out of range,
// too many rows or columns), never a crash; cells come in row order, each
// row's columns increasing and within the limits, no cell empty.
#include "../../src/input/workbook/xlsx.hpp"
#include "fuzz_support.hpp"

#include <cchc/base/error.hpp>

#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, std::size_t size) {
    const std::string_view xml(reinterpret_cast<const char *>(data), size);
    static const std::vector<std::string> strings = {"Mục", "Điểm tối đa", "Điểm thẩm định", "1.1"};
    try {
        cchc::Worksheet ws = cchc::workbook_detail::parse_worksheet_xml(xml, strings, "fuzz.xlsx", cchc::Lang::en);
        long row = 0;
        for (const cchc::WorksheetRow &r : ws.rows) {
            FUZZ_REQUIRE(r.number > row && r.number <= cchc::k_max_worksheet_rows, std::to_string(r.number));
            row = r.number;
            int column = -1;
            for (const cchc::WorksheetCell &c : r.cells) {
                FUZZ_REQUIRE(c.column > column && c.column < cchc::k_max_worksheet_columns, std::to_string(c.column));
                FUZZ_REQUIRE(!c.text.empty(), std::to_string(c.column));
                column = c.column;
            }
        }
    } catch (const cchc::Error &) {
    }
    return 0;
}
