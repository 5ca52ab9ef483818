// Fuzz target: bytes → UTF-8 → records → cells, in every encoding mode and
// with every delimiter. Records start on increasing physical lines, and
// every cell is valid NFC UTF-8; bad bytes end in cchc::Error, nothing else.
#include "fuzz_support.hpp"

#include <cchc/base/error.hpp>
#include <cchc/input/csv_reader.hpp>
#include <cchc/input/header.hpp>
#include <cchc/text/unicode.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    if (size == 0) return 0;
    // The first byte chooses the encoding the user would have named.
    static const char *const encodings[] = {"", "", "UTF-8", "WINDOWS-1258", "UTF-16LE", "UTF-16BE"};
    std::string encoding = encodings[data[0] % 6];
    std::string bytes(reinterpret_cast<const char *>(data) + 1, size - 1);
    try {
        auto source =
            std::make_unique<cchc::DecodingSource>(std::make_unique<cchc::fuzz::BytesInput>(bytes), "fuzz", encoding);
        cchc::RecordReader reader("fuzz", std::move(source));
        cchc::RawRecord record;
        std::vector<cchc::RawRecord> records;
        long previous = 0;
        std::vector<std::string> cells;
        while (reader.next(record)) {
            FUZZ_REQUIRE(record.line > previous && record.last_line >= record.line, record.text);
            previous = record.last_line;
            for (char d : {',', ';', '\t', '|'}) {
                try {
                    cchc::split_record(record, d, "fuzz", cells);
                } catch (const cchc::InputError &) {
                    continue; // more cells than a row may have
                }
                for (const std::string &cell : cells) {
                    FUZZ_REQUIRE(cchc::is_valid_utf8(cell), cell);
                    FUZZ_REQUIRE(cchc::to_nfc(cell) == cell, cell);
                }
            }
            if (records.size() < static_cast<std::size_t>(cchc::k_header_search_rows)) records.push_back(record);
        }
        // Header detection on what was read: a found header names every
        // required column at a cell that exists.
        const std::vector<cchc::Column> required = {cchc::Column::code, cchc::Column::max, cchc::Column::appraised};
        try {
            cchc::HeaderChoice header = cchc::find_header(records, 0, "fuzz", required);
            if (header.found) {
                FUZZ_REQUIRE(header.map.missing(required).empty(), records[header.record].text);
                for (cchc::Column c : required)
                    FUZZ_REQUIRE(static_cast<std::size_t>(header.map.at(c)) < header.cells.size(),
                                 records[header.record].text);
            }
        } catch (const cchc::InputError &) {
        }
    } catch (const cchc::Error &) {
        // Bytes that are not text in the chosen encoding: a message, not a crash.
    }
    return 0;
}
