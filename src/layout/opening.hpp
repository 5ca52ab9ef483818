#pragma once
// Internal to the layout stage: a file read up to its header row, shared by
// loader.cpp (a file read whole) and split_read.cpp (a file streamed).

#include "sheet_builder.hpp"

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
/// findings of `out` say why. `guess`: see stream_file.
bool open_sheet(std::unique_ptr<RawInput> raw, LoadedFile &out, Opening &o, const LoadOptions &options,
                std::size_t size_hint = 0, bool guess = false);

/// The rows after the header (the header is the last row read so far).
inline void read_rows(Opening &o, SheetBuilder &builder) {
    builder.set_header_line(o.prefix[o.header.record].line);
    o.reader->set_delimiter(o.header.delimiter);
    RecordSpan span;
    while (o.reader->next(span))
        builder.add(span);
}

} // namespace cchc::layout_detail
