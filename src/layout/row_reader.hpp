// HOT: runs on every cell of every row; guarded by the W2 and W3 workloads of bench/.
#pragma once
// One record's cells → the texts and numbers of a row, by column. Text that
// repeats from row to row (units, owners, contents, notes) is decoded
// once per thread and looked up by its raw bytes. Included by
// sheet_builder.hpp only, itself included by read_rows.cpp only: local to
// that file, its per-cell loop is compiled into the per-row one (as
// functions of several files, GCC called them: 2 % more instructions on W3).

#include <cchc/input/cell_text.hpp>
#include <cchc/input/header.hpp>
#include <cchc/input/text_reader.hpp>
#include <cchc/model/note.hpp>
#include <cchc/model/sheet.hpp>
#include <cchc/text/unicode.hpp>

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cchc {

// Local to the one file that includes this (read_rows.cpp): GCC then inlines
// what is called once, as the per-row loop needs.
namespace {

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
    bool total = false;        ///< "Tổng cộng" and the like
    Extra extra = Extra::none; ///< "Điểm thưởng", "Điểm trừ …"
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

/// Reads one record at a time; what it read stays valid until the next.
class RowReader {
public:
    RowReader(const std::string &file, const HeaderMap &map, Lang lang) : m_decoder(file, lang) {
        for (std::size_t c = 0; c < k_column_count; ++c) {
            int i = map.index[c];
            if (i < 0) continue;
            if (m_column_of.size() <= static_cast<std::size_t>(i))
                m_column_of.resize(static_cast<std::size_t>(i) + 1, -1);
            m_column_of[static_cast<std::size_t>(i)] = static_cast<int>(c);
        }
    }

    void set_guessed_until(std::uint64_t offset) { m_decoder.set_guessed_until(offset); }
    /// Scratch text for raw cells, handed from one reader to the next.
    std::vector<std::string> &raw_scratch() { return m_raw_scratch; }

    /// Decodes the cells of `record` that a column reads (and checks the
    /// others are text). False when every cell is blank.
    [[gnu::always_inline]] bool read(const RecordSpan &record) {
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
                    Extra extra = total ? Extra::none : extra_label(text);
                    return ContentText{std::move(text), total, extra};
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
        return !blank;
    }

    std::string_view text(Column c) const { return m_text[static_cast<std::size_t>(c)]; }
    const ParsedNumber &number(Column c) const { return m_number[static_cast<std::size_t>(c)]; }
    /// The content and note cells, null when the sheet has no such column.
    const ContentText *content() const { return m_content; }
    const NoteText *note() const { return m_note; }
    /// True when the note's facts are this row's own (not cached): they may be moved out.
    bool note_is_own() const { return m_note == &m_note_scratch; }
    NoteFacts &own_note_facts() { return m_note_scratch.facts; }
    const std::string *owner() const { return m_owner; }
    /// How many times the unit or period cell has changed so far.
    std::uint64_t place_changes() const { return m_place_changes; }

private:
    CellDecoder m_decoder;
    std::vector<int> m_column_of; // cell position → Column, -1 for a column not read
    std::vector<std::string> m_raw_scratch;
    std::array<std::string, k_column_count> m_text_scratch;
    std::array<std::string_view, k_column_count> m_text;
    std::array<ParsedNumber, k_column_count> m_number; // of the score columns
    TextCaches &m_caches = thread_caches();
    std::string m_place_raw[2];        // the last raw unit and period cells
    std::string_view m_place_text[2];  // and their text
    std::uint64_t m_place_changes = 0; // times they changed
    const ContentText *m_content = nullptr;
    const NoteText *m_note = nullptr;
    NoteText m_note_scratch;
    const std::string *m_owner = nullptr;
};

} // namespace

} // namespace cchc
