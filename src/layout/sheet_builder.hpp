// HOT: every row of every file passes through SheetBuilder::add; guarded by the W2 and W3 workloads of bench/.
#pragma once
// Records → rows → sheets. Internal to the layout stage: included by
// read_rows.cpp only, which runs its per-row loop. What a row *is* is decided by the rules of
// layout/rows.hpp; this file only moves rows into sheets, reusing their memory.

#include "row_reader.hpp"

#include <cchc/layout/loader.hpp>
#include <cchc/layout/rows.hpp>

#include <cstring>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <utility>

namespace cchc {

// Local to the one file that includes this (read_rows.cpp): GCC then inlines
// what is called once, as the per-row loop needs.
namespace {

/// What a SheetBuilder hands to the next one on the same thread.
struct Memory {
    std::vector<Row> rows;
    std::vector<std::string> raw_scratch;
};

Memory &thread_memory() {
    static thread_local Memory memory;
    return memory;
}

/// `text` into an optional string, reusing its memory.
void assign_text(std::optional<std::string> &to, std::string_view text) {
    if (to)
        to->assign(text);
    else
        to.emplace(text);
}

/// Records → rows → sheets. A sheet ends when the file ends or, when
/// streaming, as soon as a row of another unit or period comes: it is then
/// handed to the caller and its rows are reused for the next sheet.
class SheetBuilder {
public:
    using Done = std::function<void(Sheet &)>;

    SheetBuilder(const std::string &file, const HeaderMap &map, const LoadOptions &options, std::string encoding,
                 Done done = {})
        : m_file(file), m_map(map), m_encoding(std::move(encoding)), m_done(std::move(done)),
          m_reader(file, map, options.lang), m_trace(options.trace), m_lang(options.lang) {
        // Row slots and scratch text from the last file this thread read:
        // their strings already have room, so a small file allocates little.
        Memory &memory = thread_memory();
        m_rows.swap(memory.rows);
        m_reader.raw_scratch().swap(memory.raw_scratch);
        m_default_unit = options.unit.empty() ? file_stem(file) : options.unit;
    }

    ~SheetBuilder() {
        Memory &memory = thread_memory();
        m_rows.swap(memory.rows);
        m_reader.raw_scratch().swap(memory.raw_scratch);
    }
    SheetBuilder(const SheetBuilder &) = delete;
    SheetBuilder &operator=(const SheetBuilder &) = delete;

    /// One data record, cut into cells.
    void add(const RecordSpan &record) {
        ++m_record; // every record is a row of the spreadsheet, blank or not
        if (!m_reader.read(record)) {
            skip(record, SkipReason::blank);
            return;
        }
        add_row(record);
    }

    void skip(const RecordSpan &record, SkipReason reason) {
        if (m_trace != nullptr) [[unlikely]]
            trace_skip(record, reason);
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
            sheet.header_row = m_header_row;
            lay_out_sheet(sheet);
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
    /// The header's record number, and the records before the first one added.
    void set_records(long header_row, long before) {
        m_header_row = header_row;
        m_record = before;
    }
    void set_guessed_until(std::uint64_t offset) { m_reader.set_guessed_until(offset); }
    /// False: rows get no content and note text (nobody will read them).
    void set_row_texts(bool on) { m_row_texts = on; }

private:
    std::string_view text(Column c) const { return m_reader.text(c); }

    /// The cells findings name, once per sheet.
    SheetColumns columns() const {
        SheetColumns c;
        c.code = m_map.at(Column::code);
        c.max = m_map.at(Column::max);
        c.self = m_map.at(Column::self);
        c.appraised = m_map.at(Column::appraised);
        c.lost = m_map.at(Column::lost);
        c.note = m_map.at(Column::note);
        return c;
    }

    /// Where the next row is written. Streaming, the current sheet's rows are
    /// the first m_count slots, written over in place sheet after sheet so
    /// their strings keep their memory; else one row, moved into its sheet.
    Row &slot() {
        if (!m_done) return m_row;
        if (m_count == m_rows.size()) m_rows.emplace_back();
        return m_rows[m_count];
    }

    /// `cchc explain` only (LoadOptions::trace): the skipped record, its
    /// cells split as the header's were. Out of line, off the per-row path.
    [[gnu::cold, gnu::noinline]] void trace_skip(const RecordSpan &record, SkipReason reason) {
        SkippedRecord &skipped = m_trace->skipped.emplace_back();
        skipped.line = record.line;
        skipped.last_line = record.last_line;
        skipped.reason = reason;
        RawRecord raw{record.line, record.last_line, record_text(record, m_file, m_lang)};
        split_record(raw, m_trace->header.delimiter, m_file, skipped.cells, m_lang);
    }

    [[gnu::always_inline]] void add_row(const RecordSpan &record) {
        const long line = record.line;
        Row &row = slot();
        row.kind = RowKind::criterion;
        row.line = line;
        row.record = m_record;
        const bool dotted = set_dotted_code(text(Column::code), row);
        if (!dotted) {
            normalise_code(text(Column::code), row.code);
            row.key.clear();
            row.code_well_formed = true;
        }
        static const ContentText no_content;
        static const NoteText no_note;
        static const std::string no_owner;
        const ContentText &content = m_reader.content() ? *m_reader.content() : no_content;
        const NoteText &note = m_reader.note() ? *m_reader.note() : no_note;
        if (m_row_texts) {
            assign_text(row.content, content.text);
            assign_text(row.note, note.text);
        } else {
            row.content.reset();
            row.note.reset();
        }
        if (m_reader.note_is_own())
            std::swap(row.note_facts, m_reader.own_note_facts()); // read anew for the next such note
        else
            row.note_facts = note.facts;
        row.owner.assign(m_reader.owner() ? *m_reader.owner() : no_owner);
        auto score = [&](Score &s, Column c) {
            std::string_view t = text(c);
            if (t.size() != s.text.size())
                s.text.assign(t);
            else if (!t.empty())
                std::memcpy(s.text.data(), t.data(), t.size()); // scores are mostly "0.75"-like: no resize
            s.number = m_reader.number(c);
        };
        score(row.max, Column::max);
        score(row.self, Column::self);
        score(row.appraised, Column::appraised);
        score(row.lost, Column::lost);
        auto present = [](const Score &s) { return s.number.status != ParsedNumber::Status::not_given; };
        bool has_numbers = present(row.max) || present(row.self) || present(row.appraised) || present(row.lost);

        // A dotted code is no label: the call is saved on nearly every row.
        const bool total = (!dotted && is_total_label(row.code)) || (row.code.empty() && content.total);
        if (!total && !row.code.empty() && !dotted) code_key(row.code, row.code_well_formed, row.key);
        const bool scored = present(row.self) || present(row.appraised) || present(row.lost);
        const bool any_number = row.max.given() || row.self.given() || row.appraised.given() || row.lost.given();
        const std::optional<RowKind> kind =
            kind_of_row(total, row.code.empty(), row.code_well_formed, has_numbers, scored, any_number);
        if (!kind) {
            skip(record, row.code.empty() ? SkipReason::text : SkipReason::not_a_code);
            return;
        }
        row.kind = *kind;
        row.extra = content.extra;
        // "Điểm trừ …" is a penalty when written as one: a negative score, or
        // no max of its own (a criterion may be named "Điểm trừ sai").
        if (row.extra == Extra::penalty && row.max.given() && !row.self.value_or_zero().is_negative() &&
            !row.appraised.value_or_zero().is_negative())
            row.extra = Extra::none;
        if (row.kind == RowKind::uncoded && row.extra != Extra::none)
            row.kind = RowKind::criterion; // a bonus or penalty line needs no code
        else if (row.kind == RowKind::uncoded)
            row.code_well_formed = false;
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

    /// Streaming: the current sheet is complete; hand it over with its rows
    /// (the first m_count slots) and take the slots back for the next sheet.
    /// `row_pending`: the slot after them holds the next sheet's first row.
    /// A tail keeps its first sheet back.
    void hand_over(bool row_pending) {
        Sheet &sheet = m_sheets.front();
        sheet.header_line = m_header_line;
        sheet.header_row = m_header_row;
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
            lay_out_sheet(sheet);
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
        if (m_current != nullptr && m_reader.place_changes() == m_current_changes) return *m_current;
        m_current_changes = m_reader.place_changes();
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
            sheet.header_row = m_header_row;
            sheet.columns = columns();
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
    Done m_done;
    std::string m_default_unit;
    std::string m_last_unit;
    std::string m_last_period;
    long m_header_line = 0;
    long m_header_row = 0;
    long m_record = 0; // records read so far, those above the header too
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

    RowReader m_reader;
    LoadTrace *m_trace; // explain: where skipped records go; null otherwise
    Lang m_lang;
    std::uint64_t m_current_changes = 0; // the reader's place_changes when m_current was found
    std::vector<Row> m_rows;             // streaming: the slots of the current sheet's rows
    std::size_t m_count = 0;             // rows of the current sheet in m_rows
    std::vector<Row> m_surplus;
    Row m_row; // the row being read, when not streaming
    bool m_row_texts = true;
};

} // namespace

} // namespace cchc
