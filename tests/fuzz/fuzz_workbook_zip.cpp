// Fuzz target: any bytes as a workbook → its sheets. A zip, an OLE file or
// anything else ends in sheets, facts or cchc::Error with a message naming
// the file, never a crash, a hang or an unbounded allocation.
#include "fuzz_support.hpp"

#include <cchc/base/error.hpp>
#include <cchc/layout/workbook_loader.hpp>

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    cchc::LoadOptions options;
    options.lang = cchc::Lang::en;
    try {
        cchc::LoadedFile file = cchc::load_workbook(bytes, "fuzz.xlsx", options);
        for (const cchc::Sheet &sheet : file.sheets)
            FUZZ_REQUIRE(sheet.file.starts_with("fuzz.xlsx["), sheet.file);
    } catch (const cchc::Error &e) {
        FUZZ_REQUIRE(std::string_view(e.what()).find("fuzz.xlsx") != std::string_view::npos, e.what());
    }
    return 0;
}
