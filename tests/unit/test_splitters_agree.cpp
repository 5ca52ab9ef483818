// The two ways cchc cuts text into cells must agree: the hot path (rows
// after the header: TextReader with a delimiter, cells decoded by
// CellDecoder) and the cold path (header rows and the catalog: RecordReader,
// then split_record). Every sample and test sheet, and generated text with
// quotes, line breaks and bytes that are not UTF-8, is read through both
// with each delimiter: the same records on the same physical lines, the
// same cell texts, or the same error on the same line. Records on one line
// are also read by fast-cpp-csv-parser's CSVReader (trim_chars<' '>,
// double_quote_escape): the cell rule is the one it reads CSV with.
#include "test_support.hpp"

#include <cchc/base/error.hpp>
#include <cchc/input/cell_text.hpp>
#include <cchc/input/csv_reader.hpp>
#include <cchc/input/text_reader.hpp>
#include <cchc/text/unicode.hpp>

#include <doctest/doctest.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <libfccp/csv.h>

namespace {

const std::string k_file = "t.csv";

struct Record {
    long line = 0;
    long last_line = 0;
    std::vector<std::string> cells;
    bool operator==(const Record &) const = default;
};

/// What a path made of an input: its records, then the error it stopped with, if any.
struct Cut {
    std::vector<Record> records;
    bool failed = false;
    long error_line = 0; ///< 0 for an Error without a line
    std::string error;
    std::string unlike_fccp; ///< the first record whose cells CSVReader reads otherwise
};

/// How the input reaches the splitters.
struct Mode {
    bool checked = false;         ///< DecodingSource `checked` (the catalog) or not (sheets)
    const char *encoding = "";    ///< "" to detect it; "UTF-8" makes every cell checked for UTF-8
    std::size_t size_hint = 0;    ///< TextReader's: 1 gives a 4 KiB buffer, refilled inside records
    std::size_t chunk = SIZE_MAX; ///< bytes per raw read
};

std::unique_ptr<cchc::DecodingSource> source(const std::string &bytes, const Mode &mode) {
    return std::make_unique<cchc::DecodingSource>(std::make_unique<cchc::test::BytesInput>(bytes, mode.chunk), k_file,
                                                  mode.encoding, cchc::Lang::en, mode.checked);
}

template <typename Read>
Cut run(Read &&read) {
    Cut cut;
    try {
        read(cut.records);
    } catch (const cchc::InputError &e) {
        cut.failed = true;
        cut.error_line = e.line();
        cut.error = e.what();
    } catch (const cchc::Error &e) {
        cut.failed = true;
        cut.error = e.what();
    }
    return cut;
}

std::string show(const Record &r) {
    std::string out = fmt::format("lines {}-{}:", r.line, r.last_line);
    for (const std::string &cell : r.cells)
        out += fmt::format(" [{}]", cell);
    return out;
}

Cut hot(const std::string &bytes, char delimiter, const Mode &mode) {
    return run([&](std::vector<Record> &records) {
        auto input = source(bytes, mode);
        cchc::TextReader reader(k_file, *input, cchc::Lang::en, 1, mode.size_hint);
        cchc::CellDecoder decoder(k_file, cchc::Lang::en);
        reader.set_delimiter(delimiter);
        cchc::RecordSpan span;
        std::string raw_scratch;
        std::string text_scratch;
        while (reader.next(span)) {
            Record record{span.line, span.last_line, {}};
            for (std::size_t i = 0; i < span.cells.size(); ++i) {
                std::string_view raw = decoder.raw(span, i, raw_scratch);
                record.cells.emplace_back(decoder.text(span, i, raw, text_scratch));
            }
            records.push_back(std::move(record));
        }
    });
}

/// `line` (one physical line) read by fast-cpp-csv-parser as a row of N
/// cells, N the number of its cells for cchc; an error message when it
/// reads another number of cells or none.
template <char Sep, std::size_t... I>
std::vector<std::string> fccp_row(const std::string &line, std::index_sequence<I...>) {
    std::istringstream in(line);
    io::CSVReader<sizeof...(I), io::trim_chars<' '>, io::double_quote_escape<Sep, '"'>> reader(k_file, in);
    reader.set_header(std::to_string(I)...);
    std::array<char *, sizeof...(I)> cells{};
    try {
        if (!reader.read_row(cells[I]...)) return {"(no row)"};
    } catch (const io::error::base &e) {
        return {e.what()};
    }
    std::vector<std::string> out;
    for (const char *cell : cells)
        out.push_back(cchc::to_nfc(cell));
    return out;
}

template <char Sep, std::size_t... N>
std::vector<std::string> fccp_row_of(const std::string &line, std::size_t count, std::index_sequence<N...>) {
    std::vector<std::string> out = {"(too many cells to compare)"};
    ((count == N + 1 ? (out = fccp_row<Sep>(line, std::make_index_sequence<N + 1>()), 0) : 0), ...);
    return out;
}

/// What fast-cpp-csv-parser reads in `record` (at most 24 cells, on one
/// line and not empty: its line reader splits at every LF, skips UTF-8 BOMs
/// and reads no row from an empty line).
bool fccp_can_read(const cchc::RawRecord &record, std::size_t count) {
    return count <= 24 && !record.text.empty() && record.text.find('\n') == std::string::npos &&
           record.text.rfind("\xEF\xBB\xBF", 0) != 0;
}

std::vector<std::string> fccp_cells(const std::string &line, char delimiter, std::size_t count) {
    auto counts = std::make_index_sequence<24>();
    switch (delimiter) {
    case ',': return fccp_row_of<','>(line, count, counts);
    case ';': return fccp_row_of<';'>(line, count, counts);
    case '\t': return fccp_row_of<'\t'>(line, count, counts);
    default: return fccp_row_of<'|'>(line, count, counts);
    }
}

/// `fccp`: also read the one-line records with fast-cpp-csv-parser (each
/// read allocates its 48 MiB line buffer: slow under AddressSanitizer).
Cut cold(const std::string &bytes, char delimiter, const Mode &mode, bool fccp) {
    std::string unlike_fccp;
    Cut cut = run([&](std::vector<Record> &records) {
        cchc::RecordReader reader(k_file, source(bytes, mode), cchc::Lang::en);
        cchc::RawRecord raw;
        while (reader.next(raw)) {
            Record record{raw.line, raw.last_line, {}};
            cchc::split_record(raw, delimiter, k_file, record.cells, cchc::Lang::en);
            if (fccp && fccp_can_read(raw, record.cells.size()) && unlike_fccp.empty()) {
                Record theirs = record;
                theirs.cells = fccp_cells(raw.text, delimiter, record.cells.size());
                if (!(theirs == record))
                    unlike_fccp = fmt::format("cchc {} / CSVReader {}", show(record), show(theirs));
            }
            records.push_back(std::move(record));
        }
    });
    cut.unlike_fccp = std::move(unlike_fccp);
    return cut;
}

/// The first difference between the two cuts, or "" when they agree.
std::string difference(const Cut &h, const Cut &c) {
    if (!c.unlike_fccp.empty()) return c.unlike_fccp;
    std::size_t n = std::min(h.records.size(), c.records.size());
    for (std::size_t i = 0; i < n; ++i)
        if (!(h.records[i] == c.records[i]))
            return fmt::format("record {}: hot {} / cold {}", i + 1, show(h.records[i]), show(c.records[i]));
    if (h.records.size() != c.records.size())
        return fmt::format("hot has {} records, cold {}", h.records.size(), c.records.size());
    if (h.failed != c.failed || h.error_line != c.error_line || h.error != c.error)
        return fmt::format("hot {} at line {} '{}' / cold {} at line {} '{}'", h.failed ? "fails" : "ends",
                           h.error_line, h.error, c.failed ? "fails" : "ends", c.error_line, c.error);
    return "";
}

constexpr char k_delimiters[] = {',', ';', '\t', '|'};

std::string delimiter_name(char d) {
    return d == '\t' ? std::string("tab") : std::string(1, d);
}

/// Both paths on `bytes` with every delimiter and input mode: "" when they
/// agree, else where they first differ. `fccp`: with the first mode, also
/// fast-cpp-csv-parser on the one-line records.
std::string compare_all(const std::string &bytes, bool fccp) {
    const Mode modes[] = {
        {false, "", 0, SIZE_MAX}, {false, "UTF-8", 1, 7}, {true, "", 0, SIZE_MAX}, {true, "UTF-8", 1, 3}};
    for (char d : k_delimiters)
        for (const Mode &mode : modes)
            if (std::string diff = difference(hot(bytes, d, mode), cold(bytes, d, mode, fccp && &mode == modes));
                !diff.empty())
                return fmt::format("delimiter {}, {}, encoding '{}', size hint {}, chunk {}: {}", delimiter_name(d),
                                   mode.checked ? "checked" : "unchecked", mode.encoding, mode.size_hint,
                                   mode.chunk == SIZE_MAX ? std::string("all") : std::to_string(mode.chunk), diff);
    return "";
}

std::string read_bytes(const std::filesystem::path &path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::filesystem::path> sheet_files() {
    std::vector<std::filesystem::path> files;
    for (const char *folder : {"samples", "tests/data"})
        for (const auto &entry :
             std::filesystem::recursive_directory_iterator(std::filesystem::path(CCHC_SOURCE_DIR) / folder)) {
            std::string ext = entry.path().extension().string();
            if (entry.is_regular_file() && (ext == ".csv" || ext == ".tsv" || ext == ".txt"))
                files.push_back(entry.path());
        }
    std::sort(files.begin(), files.end());
    return files;
}

/// Text made of the pieces that matter to a splitter: cells plain or
/// quoted (with doubled quotes, delimiters and line breaks inside), spaces
/// around them, every delimiter, LF, CRLF and lone CR, text long enough to
/// cross 64-byte blocks, decomposed Vietnamese, now and then a stray quote,
/// a byte that is not UTF-8 or a NUL.
std::string generated(std::mt19937 &random) {
    static const char *const plain[] = {"1.1",
                                        "a",
                                        "Tốt",
                                        "To\xCC\x82\xCC\x81t",
                                        "95,68%",
                                        "x;y",
                                        "p|q",
                                        "t\tu",
                                        "ghi chú dài cho đủ sáu mươi tư byte của một khối, và hơn thế nữa",
                                        ""};
    static const char *const inner[] = {"a", "\"\"", ",", ";", "\t", "|", "\n", "\r\n", "\r", " ", "ư", "Đ"};
    static const char *const breaks[] = {"\n", "\n", "\n", "\r\n", "\r"};
    auto pick = [&](auto &list) { return list[random() % std::size(list)]; };
    auto chance = [&](unsigned in) { return random() % in == 0; };
    std::string out;
    unsigned records = 1 + random() % 8;
    for (unsigned r = 0; r < records; ++r) {
        unsigned cells = 1 + random() % 6;
        for (unsigned c = 0; c < cells; ++c) {
            if (c > 0) out += chance(4) ? pick(k_delimiters) : ',';
            if (chance(3)) out += std::string(random() % 3, ' ');
            if (chance(3)) {
                out += '"';
                unsigned pieces = random() % 6;
                for (unsigned k = 0; k < pieces; ++k)
                    out += pick(inner);
                if (chance(6)) out += std::string(40 + random() % 60, 'x');
                out += '"';
                if (chance(8)) out += "tail\"\"more"; // quotes that do not surround the cell
            } else {
                out += pick(plain);
            }
            if (chance(3)) out += std::string(random() % 3, ' ');
            if (chance(40)) out += '"';
            if (chance(60)) out += '\xff';
            if (chance(200)) out += '\0';
        }
        if (r + 1 < records || chance(2)) out += pick(breaks);
    }
    return out;
}

} // namespace

TEST_CASE("hot and cold splitters agree on every sample and test sheet") {
    std::vector<std::filesystem::path> files = sheet_files();
    REQUIRE(files.size() >= 20);
    for (const std::filesystem::path &file : files) {
        std::string bytes = read_bytes(file);
        INFO(file.string());
        CHECK(compare_all(bytes, true) == "");
        // Many times over: records cross buffer refills and the 64 KiB the
        // encoding is chosen from.
        std::string repeated;
        while (repeated.size() < (1u << 17) && !bytes.empty())
            repeated += bytes + "\n";
        CHECK(compare_all(repeated, false) == "");
    }
}

TEST_CASE("hot and cold splitters agree on generated text") {
    std::mt19937 random(20240612);
    for (int i = 0; i < 3000; ++i) {
        std::string bytes = generated(random);
        INFO(fmt::format("input {}: {:?}", i, bytes));
        std::string diff = compare_all(bytes, i < 100);
        CHECK(diff == "");
        if (!diff.empty()) break;
    }
}

TEST_CASE("hot and cold splitters agree on the edge cases of quoting") {
    using namespace std::string_view_literals;
    const std::string_view cases[] = {
        "a,b\n"sv,
        ""sv,
        "\n\n"sv,
        "a"sv,
        " \"a\" , \"b\"\"c\" ,\"\""sv,
        "\"a\"b,c\"d\""sv,
        "a\"b,c\"d\n"sv,
        "\"\"\"\",\"x\"\"\""sv,
        "\"multi\nline\",2\n3,4"sv,
        "\"cr\rline\",2\r3,4\r"sv,
        "\"crlf\r\nline\",2\r\n3,4\r\n"sv,
        "\"trailing space inside \" ,x"sv,
        "\"  \",x"sv,
        "\"open\nnever closed"sv,
        "a,\xff\n"sv,
        "\"quoted \xff\"\n"sv,
        "1.1,\"x\n\xff\",2\n"sv,
        "nul\0here\n"sv,
        "\"nul\nin\0quotes\"\n"sv,
    };
    for (std::string_view text : cases) {
        std::string bytes(text);
        INFO(fmt::format("{:?}", bytes));
        CHECK(compare_all(bytes, true) == "");
    }
}
