// One input file → its sheets (see loader.hpp).
#include <cchc/base/error.hpp>
#include <cchc/input/cell_text.hpp>
#include <cchc/input/csv_reader.hpp>
#include <cchc/input/header.hpp>
#include <cchc/model/loader.hpp>
#include <cchc/text/unicode.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <thread>
#include <unordered_map>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace cchc {

namespace {

/// The columns a score sheet cannot do without.
const std::vector<Column> &sheet_columns() {
    static const std::vector<Column> required = {Column::code, Column::max, Column::appraised};
    return required;
}

/// Why a file's header row was not found: the columns missing from the
/// closest row, or that no row looks like a header at all, and whether
/// another delimiter than a forced one would have worked.
void record_missing_header(LoadedFile &out, const std::vector<RawRecord> &prefix, const HeaderChoice &header,
                           const LoadOptions &options) {
    FileFacts &facts = out.facts;
    if (options.delimiter != 0) {
        HeaderChoice detected = find_header(prefix, 0, out.file, sheet_columns(), options.lang);
        if (detected.found) facts.better_delimiter = detected.delimiter;
    }
    if (header.map.matched > 0) {
        facts.header = FileFacts::Header::partial;
        facts.header_line = prefix[header.record].line;
        facts.header_cells = header.cells;
        facts.missing_columns = header.map.missing(sheet_columns());
        return;
    }
    facts.header = FileFacts::Header::none;
    facts.header_line = prefix.front().line;
    split_record(prefix.front(), options.delimiter ? options.delimiter : ',', out.file, facts.first_row, options.lang);
}

/// Decoded text that repeats from row to row (units, owners, contents,
/// notes), kept by its raw bytes so each distinct text is checked,
/// normalised and read once. Bounded: past the limit, text is decoded again
/// each time.
template <typename Value>
class TextCache {
public:
    template <typename Make>
    const Value &get(std::string_view raw, Make &&make) {
        auto it = m_map.find(raw);
        if (it != m_map.end()) return it->second;
        if (m_map.size() >= k_max_entries || m_bytes > k_max_bytes) {
            m_spill = make();
            return m_spill;
        }
        m_bytes += 2 * raw.size() + 96; // key, value and node, roughly
        return m_map.emplace(std::string(raw), make()).first->second;
    }

private:
    static constexpr std::size_t k_max_entries = 1 << 14;
    static constexpr std::size_t k_max_bytes = 1 << 20;
    std::size_t m_bytes = 0;
    std::unordered_map<std::string, Value, TextHash, std::equal_to<>> m_map;
    Value m_spill;
};

struct ContentText {
    std::string text;
    bool total = false; ///< "Tổng cộng" and the like
};

struct NoteText {
    std::string text;
    NoteFacts facts;
};

/// The caches of one thread, shared by the files it reads one after the
/// other: decoding depends on nothing but the bytes, and a province's
/// sheets repeat the same owners and contents.
struct TextCaches {
    TextCache<ContentText> contents;
    TextCache<NoteText> notes;
    TextCache<std::string> owners;
    TextCache<std::string> places[2]; // units, periods
};

TextCaches &thread_caches() {
    static thread_local TextCaches caches;
    return caches;
}

/// What a SheetBuilder hands to the next one on the same thread.
struct Memory {
    std::vector<Row> rows;
    std::vector<std::string> raw_scratch;
};

Memory &thread_memory() {
    static thread_local Memory memory;
    return memory;
}

/// Records → rows → sheets. A sheet ends when the file ends or, when
/// streaming, as soon as a row of another unit or period comes: it is then
/// handed to the caller and its rows are reused for the next sheet.
class SheetBuilder {
public:
    using Done = std::function<void(Sheet &)>;

    SheetBuilder(const std::string &file, const HeaderMap &map, const LoadOptions &options, std::string encoding,
                 Done done = {})
        : m_file(file), m_map(map), m_encoding(std::move(encoding)), m_decoder(file, options.lang),
          m_done(std::move(done)) {
        // Row slots and scratch text from the last file this thread read:
        // their strings already have room, so a small file allocates little.
        Memory &memory = thread_memory();
        m_rows.swap(memory.rows);
        m_raw_scratch.swap(memory.raw_scratch);
        m_default_unit = options.unit.empty() ? file_stem(file) : options.unit;
        for (std::size_t c = 0; c < k_column_count; ++c) {
            int i = map.index[c];
            if (i < 0) continue;
            if (m_column_of.size() <= static_cast<std::size_t>(i))
                m_column_of.resize(static_cast<std::size_t>(i) + 1, -1);
            m_column_of[static_cast<std::size_t>(i)] = static_cast<int>(c);
        }
    }

    ~SheetBuilder() {
        Memory &memory = thread_memory();
        m_rows.swap(memory.rows);
        m_raw_scratch.swap(memory.raw_scratch);
    }
    SheetBuilder(const SheetBuilder &) = delete;
    SheetBuilder &operator=(const SheetBuilder &) = delete;

    /// One data record, cut into cells.
    void add(const RecordSpan &record) {
        const std::size_t n = record.cells.size();
        if (m_raw_scratch.size() < n) m_raw_scratch.resize(n);
        m_text.fill({});
        for (Column c : {Column::max, Column::self, Column::appraised, Column::lost})
            m_number[static_cast<std::size_t>(c)] = ParsedNumber();
        m_content = nullptr;
        m_note = nullptr;
        m_owner = nullptr;
        bool blank = true;
        // Cells in order, so the first bad byte of the record is the one named.
        for (std::size_t i = 0; i < n; ++i) {
            std::string_view raw = m_decoder.raw(record, i, m_raw_scratch[i]);
            if (blank && !is_blank_cell(raw)) blank = false;
            int column = i < m_column_of.size() ? m_column_of[i] : -1;
            if (column < 0) {
                m_decoder.check(record, i, raw);
                continue;
            }
            auto c = static_cast<Column>(column);
            auto decode = [&] {
                std::string scratch;
                return std::string(m_decoder.text(record, i, raw, scratch));
            };
            switch (c) {
            case Column::content:
                m_content = &m_caches.contents.get(raw, [&] {
                    std::string text = decode();
                    bool total = is_total_label(text);
                    return ContentText{std::move(text), total};
                });
                break;
            case Column::note:
                if (may_have_counts(raw)) {
                    // Counts and percentages make most such notes unique: not cached.
                    m_note_scratch.text.assign(m_decoder.text(record, i, raw, m_text_scratch[column]));
                    read_note(m_note_scratch.text, m_note_scratch.facts);
                    m_note = &m_note_scratch;
                    break;
                }
                m_note = &m_caches.notes.get(raw, [&] {
                    NoteText note{decode(), {}};
                    if (!note.text.empty()) note.facts = read_note(note.text);
                    return note;
                });
                break;
            case Column::max:
            case Column::self:
            case Column::appraised:
            case Column::lost: {
                // A cell that reads as a number is ASCII (no-break spaces
                // aside): valid UTF-8 and NFC as it is.
                const auto k = static_cast<std::size_t>(c);
                m_number[k] = parse_number(raw);
                if (m_number[k].status == ParsedNumber::Status::ok) {
                    m_text[k] = raw;
                } else {
                    m_text[k] = m_decoder.text(record, i, raw, m_text_scratch[k]);
                    // Only a cell put into NFC has new bytes to read again.
                    if (m_text[k].data() != raw.data()) m_number[k] = parse_number(m_text[k]);
                }
                break;
            }
            case Column::owner: m_owner = &m_caches.owners.get(raw, [&] { return collapse_space(decode()); }); break;
            case Column::unit:
            case Column::period: {
                // Rows of one unit follow each other: most rows repeat the cell above.
                std::size_t k = c == Column::unit ? 0 : 1;
                if (raw != m_place_raw[k]) {
                    m_place_raw[k].assign(raw);
                    ++m_place_changes;
                    m_place_text[k] = m_caches.places[k].get(raw, [&] { return collapse_space(decode()); });
                }
                m_text[static_cast<std::size_t>(c)] = m_place_text[k];
                break;
            }
            default:
                m_text[static_cast<std::size_t>(c)] =
                    m_decoder.text(record, i, raw, m_text_scratch[static_cast<std::size_t>(c)]);
            }
        }
        if (blank) {
            skip();
            return;
        }
        add_row(record.line);
    }

    void skip() {
        if (m_current == nullptr)
            ++m_pending_skips;
        else
            ++m_current->skipped_rows;
    }

    /// The sheets not handed over yet, in the order they began.
    std::vector<Sheet> finish() {
        if (m_sheets.empty() && m_sealed.empty() && !m_is_tail) sheet_for({}, {});
        if (m_done) {
            if (!m_sheets.empty()) hand_over(false);
            return {};
        }
        for (Sheet &sheet : m_sheets) {
            sheet.header_line = m_header_line;
            seal(sheet);
        }
        return std::move(m_sheets);
    }

    /// This builder reads the second part of a file cut in two: it keeps
    /// its first sheet back (the first part's last sheet may go on in it)
    /// and notes what it assumed about the rows before the cut.
    void read_tail() { m_is_tail = true; }

    /// The first part ends where `tail` began. Checks that the tail read its
    /// rows as one pass would have, else returns false (the tail's sheets
    /// are void). Then hands over the sheet open at the cut, continued by
    /// the tail's first sheet when it is the same unit and period. Throws
    /// NotContiguous when a unit and period of one part come back in the other.
    bool join(SheetBuilder &tail) {
        const std::size_t tail_skips = tail.skips_before_first();
        // A blank unit or period cell at the tail's start took the value of
        // the row above, which the tail could not see.
        if (tail.m_depends_on_unit && !m_last_unit.empty() && m_last_unit != m_default_unit) return false;
        if (tail.m_depends_on_period && !m_last_period.empty()) return false;
        Sheet *open = m_sheets.empty() ? nullptr : &m_sheets.front();
        Sheet *first = tail.m_has_head ? &tail.m_head : nullptr;
        bool same = open != nullptr && first != nullptr && open->unit == first->unit && open->period == first->period;
        for (const auto &key : tail.m_sealed) {
            bool continued = same && key.first == open->unit && key.second == open->period;
            if (!continued &&
                (m_sealed.count(key) > 0 || (open != nullptr && key.first == open->unit && key.second == open->period)))
                throw NotContiguous();
        }
        if (same) {
            for (Row &row : first->rows)
                slot() = std::move(row), ++m_count;
            open->skipped_rows += first->skipped_rows;
            first = nullptr;
        } else if (open != nullptr) {
            // Text rows before the tail's first sheet belong to this one.
            open->skipped_rows += tail_skips;
            if (first != nullptr) first->skipped_rows -= tail_skips;
        } else if (first != nullptr) {
            first->skipped_rows += m_pending_skips;
        } else {
            m_pending_skips += tail_skips;
        }
        if (open != nullptr) hand_over(false);
        if (first != nullptr) {
            for (Row &row : first->rows)
                slot() = std::move(row), ++m_count;
            first->rows.clear();
            m_sheets.push_back(std::move(*first));
            hand_over(false);
        } else if (m_sealed.empty() && tail.m_sealed.empty()) {
            finish(); // no rows at all: the one empty sheet
        }
        return true;
    }

    void set_header_line(long line) { m_header_line = line; }
    void set_guessed_until(std::uint64_t offset) { m_decoder.set_guessed_until(offset); }
    /// False: rows get no content and note text (nobody will read them).
    void set_row_texts(bool on) { m_row_texts = on; }

private:
    std::string_view text(Column c) const { return m_text[static_cast<std::size_t>(c)]; }

    /// Where the next row is written. Streaming, the current sheet's rows are
    /// the first m_count slots, written over in place sheet after sheet so
    /// their strings keep their memory; else one row, moved into its sheet.
    Row &slot() {
        if (!m_done) return m_row;
        if (m_count == m_rows.size()) m_rows.emplace_back();
        return m_rows[m_count];
    }

    void add_row(long line) {
        Row &row = slot();
        row.kind = RowKind::criterion;
        row.line = line;
        const bool dotted = set_dotted_code(text(Column::code), row);
        if (!dotted) {
            normalise_code(text(Column::code), row.code);
            row.key.clear();
            row.code_well_formed = true;
        }
        static const ContentText no_content;
        static const NoteText no_note;
        static const std::string no_owner;
        const ContentText &content = m_content ? *m_content : no_content;
        const NoteText &note = m_note ? *m_note : no_note;
        if (m_row_texts) {
            row.content.assign(content.text);
            row.note.assign(note.text);
        }
        if (m_note == &m_note_scratch)
            std::swap(row.note_facts, m_note_scratch.facts); // read anew for the next such note
        else
            row.note_facts = note.facts;
        row.owner.assign(m_owner ? *m_owner : no_owner);
        auto score = [&](Score &s, Column c) {
            std::string_view t = text(c);
            if (t.size() != s.text.size())
                s.text.assign(t);
            else if (!t.empty())
                std::memcpy(s.text.data(), t.data(), t.size()); // scores are mostly "0.75"-like: no resize
            s.number = m_number[static_cast<std::size_t>(c)];
        };
        score(row.max, Column::max);
        score(row.self, Column::self);
        score(row.appraised, Column::appraised);
        score(row.lost, Column::lost);
        auto present = [](const Score &s) { return s.number.status != ParsedNumber::Status::not_given; };
        bool has_numbers = present(row.max) || present(row.self) || present(row.appraised) || present(row.lost);

        if (is_total_label(row.code) || (row.code.empty() && content.total)) {
            row.kind = RowKind::total;
        } else if (row.code.empty()) {
            if (!has_numbers) {
                skip();
                return;
            }
            row.kind = RowKind::uncoded;
            row.code_well_formed = false;
        } else {
            if (!dotted) code_key(row.code, row.code_well_formed, row.key);
            if (!has_numbers && !row.code_well_formed) {
                skip(); // a signature or a note typed in the code column
                return;
            }
            bool scored = present(row.self) || present(row.appraised) || present(row.lost);
            row.kind = scored ? RowKind::criterion : has_numbers ? RowKind::unscored : RowKind::heading;
        }
        Sheet &sheet = sheet_for(text(Column::unit), text(Column::period));
        if (m_done)
            ++m_count; // sheet_for moved the row to the first slot if a sheet began
        else
            sheet.rows.push_back(std::move(m_row));
    }

    /// Text rows read before the first sheet began (all of them if none did).
    std::size_t skips_before_first() const {
        return m_has_head || !m_sealed.empty() || !m_sheets.empty() ? m_skips_before_first : m_pending_skips;
    }

    static void seal(Sheet &sheet) {
        mark_parents(sheet);
        // Rows with only a max are a template not filled in yet; in a
        // sheet whose leaves have scores, they are criteria whose score
        // is missing. (A parent's numbers, e.g. a =SUM() that shows 0,
        // do not make a template scored.)
        bool scored = std::any_of(sheet.rows.begin(), sheet.rows.end(),
                                  [](const Row &r) { return r.kind == RowKind::criterion; });
        ColumnBound bound;
        for (Row &row : sheet.rows) {
            if (scored && row.kind == RowKind::unscored) row.kind = RowKind::criterion;
            bound.take(row);
        }
    }

    /// Streaming: the current sheet is complete; hand it over with its rows
    /// (the first m_count slots) and take the slots back for the next sheet.
    /// `row_pending`: the slot after them holds the next sheet's first row.
    /// A tail keeps its first sheet back.
    void hand_over(bool row_pending) {
        Sheet &sheet = m_sheets.front();
        sheet.header_line = m_header_line;
        m_sealed.insert(std::make_pair(sheet.unit, sheet.period));
        Row pending;
        if (row_pending) pending = std::move(m_rows[m_count]);
        // Slots past this sheet's rows wait aside, unless they are many.
        m_surplus.clear();
        if (m_rows.size() - m_count <= m_count + 64)
            for (std::size_t i = m_count; i < m_rows.size(); ++i)
                m_surplus.push_back(std::move(m_rows[i]));
        m_rows.resize(m_count);
        sheet.rows.swap(m_rows);
        if (m_is_tail && !m_has_head) {
            m_head = std::move(sheet);
            m_has_head = true;
        } else {
            seal(sheet);
            m_done(sheet);
            m_rows.swap(sheet.rows); // those the caller left
        }
        for (Row &row : m_surplus)
            m_rows.push_back(std::move(row));
        m_count = 0;
        if (row_pending) slot() = std::move(pending);
        m_sheets.clear();
        m_index.clear();
        m_current = nullptr;
    }

    Sheet &sheet_for(std::string_view unit_cell, std::string_view period_cell) {
        // Same unit and period cells as the row before: same sheet.
        if (m_current != nullptr && m_place_changes == m_current_changes) return *m_current;
        m_current_changes = m_place_changes;
        // Merged cells export as a value on the first row and blanks below.
        if (!unit_cell.empty()) {
            if (unit_cell != m_last_unit) m_last_unit.assign(unit_cell);
            m_seen_unit = true;
        } else {
            if (m_last_unit.empty()) m_last_unit = m_default_unit;
            if (!m_seen_unit && m_map.has(Column::unit)) m_depends_on_unit = true;
        }
        if (!period_cell.empty()) {
            if (period_cell != m_last_period) m_last_period.assign(period_cell);
            m_seen_period = true;
        } else if (!m_seen_period && m_map.has(Column::period)) {
            m_depends_on_period = true;
        }
        if (m_current != nullptr && m_current->unit == m_last_unit && m_current->period == m_last_period)
            return *m_current;
        auto key = std::make_pair(m_last_unit, m_last_period);
        auto it = m_index.find(key);
        if (it == m_index.end()) {
            if (m_done && !m_sheets.empty()) {
                hand_over(true);
                if (m_sealed.count(key) > 0) throw NotContiguous();
            }
            Sheet sheet;
            sheet.file = m_file;
            sheet.unit = m_last_unit;
            sheet.period = m_last_period;
            sheet.encoding = m_encoding;
            sheet.header_line = m_header_line;
            sheet.skipped_rows = m_pending_skips;
            if (m_sheets.empty() && m_sealed.empty()) m_skips_before_first = m_pending_skips;
            m_pending_skips = 0;
            m_sheets.push_back(std::move(sheet));
            it = m_index.emplace(key, m_sheets.size() - 1).first;
        }
        m_current = &m_sheets[it->second];
        return *m_current;
    }

    const std::string &m_file;
    const HeaderMap &m_map;
    std::string m_encoding;
    CellDecoder m_decoder;
    Done m_done;
    std::string m_default_unit;
    std::string m_last_unit;
    std::string m_last_period;
    long m_header_line = 0;
    std::vector<Sheet> m_sheets;
    std::map<std::pair<std::string, std::string>, std::size_t> m_index;
    std::set<std::pair<std::string, std::string>> m_sealed; // handed over while streaming
    Sheet *m_current = nullptr;
    std::size_t m_pending_skips = 0;
    // Reading the second part of a file cut in two (see read_tail, join).
    bool m_is_tail = false;
    bool m_has_head = false;
    Sheet m_head;
    bool m_seen_unit = false;
    bool m_seen_period = false;
    bool m_depends_on_unit = false;
    bool m_depends_on_period = false;
    std::size_t m_skips_before_first = 0;

    std::vector<int> m_column_of; // cell position → Column, -1 for a column not read
    std::vector<std::string> m_raw_scratch;
    std::array<std::string, k_column_count> m_text_scratch;
    std::array<std::string_view, k_column_count> m_text;
    std::array<ParsedNumber, k_column_count> m_number; // of the score columns
    TextCaches &m_caches = thread_caches();
    std::string m_place_raw[2];          // the last raw unit and period cells
    std::string_view m_place_text[2];    // and their text
    std::uint64_t m_place_changes = 0;   // times they changed
    std::uint64_t m_current_changes = 0; // m_place_changes when m_current was found
    const ContentText *m_content = nullptr;
    const NoteText *m_note = nullptr;
    NoteText m_note_scratch;
    const std::string *m_owner = nullptr;
    std::vector<Row> m_rows; // streaming: the slots of the current sheet's rows
    std::size_t m_count = 0; // rows of the current sheet in m_rows
    std::vector<Row> m_surplus;
    Row m_row; // the row being read, when not streaming
    bool m_row_texts = true;
};

} // namespace

std::string file_stem(const std::string &path) {
    if (path == "-" || path == "<stdin>") return "stdin";
    std::string name = path.substr(path.find_last_of('/') == std::string::npos ? 0 : path.find_last_of('/') + 1);
    std::size_t dot = name.find_last_of('.');
    if (dot != std::string::npos && dot > 0) name.erase(dot);
    return name;
}

char parse_delimiter(const std::string &text, Lang lang) {
    std::string f = text;
    for (char &c : f)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (f == "," || f == "comma") return ',';
    if (f == ";" || f == "semicolon") return ';';
    if (f == "\t" || f == "\\t" || f == "tab") return '\t';
    if (f == "|" || f == "pipe") return '|';
    throw Error(fmt::format(fmt::runtime(pick(lang, "--delimiter: '{}' không phải một trong , ; tab |",
                                              "--delimiter: '{}' is not one of , ; tab |")),
                            text));
}

std::string display_name(const std::string &path) {
    return path == "-" ? "<stdin>" : path;
}

LoadedFile load_file(const std::string &input, const LoadOptions &options) {
    return load_input(RawInput::open(input, options.lang), display_name(input), options);
}

namespace {

/// find_header on one record, remembered per thread: a province's files
/// share a handful of header rows, and matching names folds every cell.
HeaderChoice header_of(const RawRecord &record, char forced, const std::string &path, Lang lang) {
    static thread_local std::unordered_map<std::string, HeaderChoice, TextHash, std::equal_to<>> seen;
    std::string key = std::string(1, forced) + record.text;
    if (auto it = seen.find(key); it != seen.end()) return it->second;
    HeaderChoice choice = find_header({record}, forced, path, sheet_columns(), lang);
    if (seen.size() < 64) seen.emplace(std::move(key), choice);
    return choice;
}

/// A file up to its header row: the encoding, the rows searched for the
/// header, the header, and the reader positioned after those rows.
struct Opening {
    std::unique_ptr<DecodingSource> source;
    std::unique_ptr<TextReader> reader;
    std::vector<RawRecord> prefix;
    HeaderChoice header;
};

/// Reads up to the header. False when the file has no usable header: the
/// facts of `out` say why.
bool open_sheet(std::unique_ptr<RawInput> raw, LoadedFile &out, Opening &o, const LoadOptions &options,
                std::size_t size_hint = 0, bool guess = false) {
    const std::string &path = out.file;
    const Lang lang = options.lang;
    o.source = std::make_unique<DecodingSource>(std::move(raw), path, options.encoding, lang, false, guess);
    out.encoding = o.source->encoding();
    out.facts.encoding_assumed = o.source->encoding_assumed();
    o.reader = std::make_unique<TextReader>(path, *o.source, lang, 1, size_hint);

    // The header is the first row that names the needed columns: read up to
    // it, or up to the search limit to say what is missing.
    RecordSpan span;
    while (o.prefix.size() < static_cast<std::size_t>(k_header_search_rows) && o.reader->next(span)) {
        o.prefix.push_back(
            RawRecord{span.line, span.last_line, record_text(span, path, lang, o.source->guessed_until())});
        HeaderChoice here = header_of(o.prefix.back(), options.delimiter, path, lang);
        if (here.found) {
            here.record = o.prefix.size() - 1;
            o.header = std::move(here);
            break;
        }
    }
    if (o.prefix.empty() ||
        std::all_of(o.prefix.begin(), o.prefix.end(), [](const RawRecord &r) { return is_blank_cell(r.text); })) {
        out.facts.header = FileFacts::Header::empty;
        out.facts.header_line = 1;
        return false;
    }

    if (!o.header.found) o.header = find_header(o.prefix, options.delimiter, path, sheet_columns(), lang);
    if (!o.header.found) {
        record_missing_header(out, o.prefix, o.header, options);
        return false;
    }
    out.delimiter = o.header.delimiter;
    FileFacts &facts = out.facts;
    facts.header_line = o.prefix[o.header.record].line;
    for (auto [position, column] : o.header.map.repeated)
        facts.repeated_columns.push_back(RepeatedColumn{
            position, o.header.map.at(column), collapse_space(o.header.cells[static_cast<std::size_t>(position)])});
    return true;
}

/// The rows after the header (the header is the last row read so far).
void read_rows(Opening &o, SheetBuilder &builder) {
    builder.set_header_line(o.prefix[o.header.record].line);
    o.reader->set_delimiter(o.header.delimiter);
    RecordSpan span;
    while (o.reader->next(span))
        builder.add(span);
}

} // namespace

LoadedFile load_input(std::unique_ptr<RawInput> raw, const std::string &path, const LoadOptions &options) {
    LoadedFile out;
    out.file = path;
    Opening o;
    if (!open_sheet(std::move(raw), out, o, options)) return out;
    SheetBuilder builder(path, o.header.map, options, out.encoding);
    read_rows(o, builder);
    out.sheets = builder.finish();
    return out;
}

namespace {

/// Bytes [begin, end) of a regular file, read with pread so that two parts
/// of one file can be read at once.
class RangeInput : public RawInput {
public:
    RangeInput(const std::string &path, std::int64_t begin, std::int64_t end, Lang lang)
        : m_path(path), m_pos(begin), m_end(end), m_lang(lang) {
        m_fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (m_fd < 0) fail_read();
    }
    ~RangeInput() override {
        if (m_fd >= 0) ::close(m_fd);
    }
    RangeInput(const RangeInput &) = delete;
    RangeInput &operator=(const RangeInput &) = delete;

    std::size_t read(char *buffer, std::size_t size) override {
        std::size_t wanted =
            static_cast<std::size_t>(std::min<std::int64_t>(static_cast<std::int64_t>(size), m_end - m_pos));
        if (wanted == 0) return 0;
        for (;;) {
            ssize_t n = ::pread(m_fd, buffer, wanted, static_cast<off_t>(m_pos));
            if (n > 0) {
                m_pos += n;
                return static_cast<std::size_t>(n);
            }
            if (n == 0) throw Error(file_shorter_message(m_path, m_pos, m_end, m_lang));
            if (errno != EINTR) fail_read();
        }
    }

    /// Line ends (LF, CR LF, lone CR) in [m_pos, end), without moving.
    long line_ends_until(std::int64_t end) { return line_ends_read(m_pos, end, 0, false); }

    /// Line ends in [pos, end), read with pread a MiB at a time, added to `n`.
    long line_ends_read(std::int64_t pos, std::int64_t end, long n, bool after_cr) {
        std::vector<char> buffer(1 << 20);
        while (pos < end) {
            std::size_t want =
                static_cast<std::size_t>(std::min<std::int64_t>(static_cast<std::int64_t>(buffer.size()), end - pos));
            ssize_t got = ::pread(m_fd, buffer.data(), want, static_cast<off_t>(pos));
            if (got <= 0) {
                if (got < 0 && errno == EINTR) continue;
                fail_read();
            }
            count_line_ends(std::string_view(buffer.data(), static_cast<std::size_t>(got)), n, after_cr);
            pos += got;
        }
        return n;
    }

    /// The offset just after the first LF at or after `from`, or -1.
    std::int64_t line_start_after(std::int64_t from) {
        char buffer[1 << 16];
        for (std::int64_t pos = from; pos < m_end;) {
            ssize_t got = ::pread(m_fd, buffer, sizeof buffer, static_cast<off_t>(pos));
            if (got <= 0) {
                if (got < 0 && errno == EINTR) continue;
                return -1;
            }
            if (const void *lf = std::memchr(buffer, '\n', static_cast<std::size_t>(got)))
                return pos + (static_cast<const char *>(lf) - buffer) + 1;
            pos += got;
        }
        return -1;
    }

private:
    [[noreturn]] void fail_read() const {
        throw Error(fmt::format(fmt::runtime(pick(m_lang, "{}: không đọc được: {}", "{}: cannot read: {}")), m_path,
                                std::strerror(errno)));
    }

    std::string m_path;
    int m_fd = -1;
    std::int64_t m_pos;
    std::int64_t m_end;
    Lang m_lang;
};

std::int64_t file_size(const std::string &path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return -1;
    return static_cast<std::int64_t>(st.st_size);
}

} // namespace

namespace {

/// Whether to read a file in two parts at once: a UTF-8 file (others go
/// through iconv in one stream) with data after its header, of
/// k_split_min_bytes or more on a machine with two cores (or as a test asks).
bool should_cut(const Opening &o, const LoadOptions &options, std::int64_t size, std::int64_t data_start) {
    if (!o.source->passes_through() || size <= data_start || options.split_at == 0) return false;
    return options.split_at > 0 || (size >= k_split_min_bytes && std::thread::hardware_concurrency() > 1);
}

LoadedFile stream_once(const std::string &input, const LoadOptions &options, SheetSink &sink, bool guess) {
    LoadedFile out;
    out.file = display_name(input);
    const std::string &path = out.file;
    const Lang lang = options.lang;
    Opening o;
    const std::int64_t size = input == "-" ? -1 : file_size(input);
    if (!open_sheet(RawInput::open(input, lang), out, o, options, size > 0 ? static_cast<std::size_t>(size) : 0,
                    guess)) {
        // No header: the rest of the guessed bytes was never checked, and
        // the encoding changes what the messages quote. Choose it first.
        if (o.source && o.source->guessed_until() > 0) throw WrongGuess();
        return out;
    }
    SheetBuilder head(path, o.header.map, options, out.encoding, [&](Sheet &s) { sink.sheet(s, 0); });
    head.set_guessed_until(o.source->guessed_until());
    head.set_row_texts(sink.keeps_rows());

    const std::int64_t data_start = static_cast<std::int64_t>(o.source->skipped() + o.reader->consumed());
    std::unique_ptr<RangeInput> before_cut;
    std::int64_t cut = -1;
    if (should_cut(o, options, size, data_start)) {
        before_cut = std::make_unique<RangeInput>(input, data_start, size, lang);
        // The first line break after 52 % of the rows' bytes: the second part
        // first counts the line ends before the cut (about a tenth of the
        // time reading takes), so the first part gets a little more.
        std::int64_t from =
            options.split_at > 0 ? std::max(options.split_at, data_start) : data_start + (size - data_start) * 52 / 100;
        cut = before_cut->line_start_after(from);
        if (cut >= size) cut = -1;
    }
    if (cut < 0) {
        read_rows(o, head);
        head.finish();
        return out;
    }

    // Part 1, from the cut to the end, in its own thread; its builder is
    // made there so that it uses that thread's caches.
    std::optional<SheetBuilder> tail;
    std::exception_ptr tail_error;
    const long start_line = o.reader->line();
    std::thread thread([&] {
        try {
            tail.emplace(path, o.header.map, options, out.encoding, [&](Sheet &s) { sink.sheet(s, 1); });
            tail->read_tail();
            tail->set_guessed_until(o.source->guessed_until());
            tail->set_row_texts(sink.keeps_rows());
            tail->set_header_line(o.prefix[o.header.record].line);
            long first_line = start_line + before_cut->line_ends_until(cut);
            RangeInput range(input, cut, size, lang);
            TextReader reader(path, range, lang, first_line, 0, static_cast<std::uint64_t>(cut) - o.source->skipped());
            reader.set_delimiter(o.header.delimiter);
            RecordSpan span;
            while (reader.next(span))
                tail->add(span);
            tail->finish();
        } catch (...) {
            tail_error = std::current_exception();
        }
    });
    // Part 0 here, up to the cut.
    bool cut_between_records = false;
    try {
        head.set_header_line(o.prefix[o.header.record].line);
        o.reader->set_delimiter(o.header.delimiter);
        RecordSpan span;
        auto at = [&] { return static_cast<std::int64_t>(o.source->skipped() + o.reader->consumed()); };
        while (at() < cut && o.reader->next(span))
            head.add(span);
        cut_between_records = at() == cut;
    } catch (...) {
        thread.join();
        throw; // the first error in the file
    }
    thread.join();
    if (cut_between_records && tail_error) std::rethrow_exception(tail_error);
    if (cut_between_records && head.join(*tail)) return out;
    // The cut was inside a quoted cell, or the tail's first rows needed
    // the rows above: read on from here in one pass.
    sink.discard_part(1);
    RecordSpan span;
    while (o.reader->next(span))
        head.add(span);
    head.finish();
    return out;
}

} // namespace

LoadedFile stream_file(const std::string &input, const LoadOptions &options, SheetSink &sink) {
    try {
        return stream_once(input, options, sink, true);
    } catch (const WrongGuess &) {
        // Not UTF-8 after all: again, choosing the encoding first.
        sink.discard_part(0);
        sink.discard_part(1);
        return stream_once(input, options, sink, false);
    }
}

} // namespace cchc
