#pragma once
// Internal to the layout stage: a file read up to its header row, shared by
// loader.cpp (up to the header) and read_rows.cpp (the rows after it).

#include <cchc/input/csv_reader.hpp>
#include <cchc/input/encoding.hpp>
#include <cchc/input/header.hpp>
#include <cchc/input/text_reader.hpp>
#include <cchc/layout/loader.hpp>

#include <memory>
#include <vector>

namespace cchc::layout_detail {

/// The columns a score sheet cannot do without.
const std::vector<Column> &sheet_columns();

/// A file up to its header row: the encoding, the rows searched for the
/// header, the header, and the reader positioned after those rows.
struct Opening {
    std::unique_ptr<DecodingSource> source;
    std::unique_ptr<TextReader> reader;
    std::vector<RawRecord> prefix;
    HeaderChoice header;
};

/// Reads up to the header. False when the file has no usable header: the
/// facts of `out` say why. `guess`: see stream_file.
bool open_sheet(std::unique_ptr<RawInput> raw, LoadedFile &out, Opening &o, const LoadOptions &options,
                std::size_t size_hint = 0, bool guess = false);

/// The rows after the header into `out`'s sheets, every sheet kept open to
/// the end of the file (read_rows.cpp).
void read_whole(Opening &o, LoadedFile &out, const LoadOptions &options);

} // namespace cchc::layout_detail
