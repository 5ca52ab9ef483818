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

/// A record read ahead of the rows, kept to be read again as a row.
struct HeldRecord {
    RecordSpan span; ///< its text is `text`'s, set when it is read again
    std::string text;
};

/// Rows read ahead to choose the code column by its content, at most.
inline constexpr std::size_t k_code_lookahead_rows = 64;

/// A file up to its header row: the encoding, the rows searched for the
/// header, the header, and the reader positioned after those rows.
struct Opening {
    std::unique_ptr<DecodingSource> source;
    std::unique_ptr<TextReader> reader;
    std::vector<RawRecord> prefix; ///< the rows up to the header block's last (the column numbers' row, if any)
    HeaderChoice header;
    std::vector<HeldRecord> ahead; ///< the first data rows, read ahead: read them before the reader's
};

/// `o.ahead`'s records, then nothing: to call before reading on from `o.reader`.
template <typename Add>
void replay_ahead(Opening &o, Add &&add) {
    for (HeldRecord &held : o.ahead) {
        held.span.text = held.text;
        add(held.span);
    }
    o.ahead.clear();
}

/// Reads up to the header. False when the file has no usable header: the
/// facts of `out` say why. `guess`: see stream_file.
bool open_sheet(std::unique_ptr<RawInput> raw, LoadedFile &out, Opening &o, const LoadOptions &options,
                std::size_t size_hint = 0, bool guess = false);

/// The rows after the header into `out`'s sheets, every sheet kept open to
/// the end of the file (read_rows.cpp).
void read_whole(Opening &o, LoadedFile &out, const LoadOptions &options);

} // namespace cchc::layout_detail
