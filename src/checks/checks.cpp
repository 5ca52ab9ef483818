// HOT: every row of every sheet is checked here; guarded by the W2 and W3 workloads of bench/.
// Sheet → findings (see checks.hpp). Messages quote the sheet's own cells
// and say what to do; docs/rules.md lists every rule.
#include <cchc/checks/checks.hpp>
#include <cchc/text/unicode.hpp>
#include <cchc/text/view_map.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <map>
#include <unordered_map>
#include <utility>

namespace cchc {

namespace {

class Checker {
public:
    Checker(const Sheet &sheet, const CheckOptions &options, std::size_t room)
        : m_sheet(sheet), m_lang(options.lang), m_catalog(options.catalog), m_info(options.info), m_room(room),
          m_trim_at(room) {
        if (room == 0) m_drop_from = std::numeric_limits<long>::min();
    }

    /// The sheet's first `room` findings in print order (by line, then in
    /// the order the checks made them); the others are in dropped().
    std::vector<Finding> run() {
        check_rows(); // and the notes, and counts the kinds of rows
        check_catalog();
        check_duplicates();
        check_parents();
        check_totals();
        check_stage();
        check_has_criteria();
        if (m_out.size() > m_room) trim();
        sort_by_line();
        return std::move(m_out);
    }

    const FindingCounts &dropped() const { return m_dropped; }

private:
    void sort_by_line() {
        std::stable_sort(m_out.begin(), m_out.end(),
                         [](const Finding &a, const Finding &b) { return a.line < b.line; });
    }

    /// Keeps the first m_room findings in print order and counts the rest;
    /// from then on a finding at the last kept line or later cannot be
    /// shown (it would come after it), so it is counted, not written.
    void trim() {
        sort_by_line();
        for (std::size_t i = m_room; i < m_out.size(); ++i)
            m_dropped.add_unordered(m_out[i].rule, m_out[i].severity, m_out[i].line);
        m_out.resize(m_room);
        m_drop_from = m_out.empty() ? std::numeric_limits<long>::min() : m_out.back().line;
        m_trim_at = m_room * 2;
    }

    /// The one place findings of a sheet are made: `record` is the row a
    /// spreadsheet shows, `column` the position of the cell the finding is
    /// about (-1: none). The address is built here, for findings only.
    template <typename... Args>
    void emit(long line, long record, int column, const std::string &code, Rule rule, std::string_view vi,
              std::string_view en, Args &&...args) {
        const Severity severity = default_severity(rule);
        if (severity == Severity::info && !m_info) return;
        if (line >= m_drop_from) { // past the budget: counted, never written
            m_dropped.add_unordered(rule, severity, line);
            return;
        }
        std::string message = fmt::format(fmt::runtime(pick(m_lang, vi, en)), std::forward<Args>(args)...);
        if (!code.empty()) message = shorten(code) + ": " + message;
        std::string cell = cell_address(column, record);
        if (!cell.empty()) message = cell + ": " + message; // as a workbook's number-code says it
        Finding f = make_finding(rule, m_sheet.file, line, code, std::move(message));
        f.row = record;
        f.cell = std::move(cell);
        f.sheet = m_sheet.worksheet;
        m_out.push_back(std::move(f));
        if (m_out.size() >= m_trim_at) trim();
    }

    template <typename... Args>
    void add_at(long line, long record, const std::string &code, Rule rule, std::string_view vi, std::string_view en,
                Args &&...args) {
        emit(line, record, -1, code, rule, vi, en, std::forward<Args>(args)...);
    }

    /// A finding about one cell of `row`: the cell in `column` (a SheetColumns position).
    template <typename... Args>
    void add_cell(const Row *row, int column, Rule rule, std::string_view vi, std::string_view en, Args &&...args) {
        emit(row->line, row->record, column, row->code, rule, vi, en, std::forward<Args>(args)...);
    }

    /// The position of a score column by its id.
    int position(std::string_view id) const {
        const SheetColumns &c = m_sheet.columns;
        if (id == "max") return c.max;
        if (id == "self") return c.self;
        if (id == "appraised") return c.appraised;
        return c.lost;
    }

    std::string_view column_label(std::string_view id) const {
        if (id == "max") return pick(m_lang, "điểm tối đa", "max");
        if (id == "self") return pick(m_lang, "điểm tự đánh giá", "self score");
        if (id == "appraised") return pick(m_lang, "điểm thẩm định", "appraised score");
        return pick(m_lang, "số điểm bị trừ", "number of points lost");
    }

    void check_number(const Row &row, const Score &score, std::string_view id, bool required) {
        using S = ParsedNumber::Status;
        switch (score.number.status) {
        case S::not_given:
            if (required && id == "appraised")
                add_cell(&row, position(id), Rule::bad_number, "chưa có {}; hãy ghi một số (0 nếu không đạt)",
                         "the {} is empty; write a number (0 when nothing was scored)", column_label(id));
            else if (required)
                add_cell(&row, position(id), Rule::bad_number, "chưa có {}; hãy ghi điểm tối đa của tiêu chí",
                         "the {} is empty; write the criterion's maximum points", column_label(id));
            return;
        case S::bad:
            add_cell(&row, position(id), Rule::bad_number, "{} \"{}\" không phải là số; hãy ghi số như 1.5 hoặc 1,5",
                     "the {} \"{}\" is not a number; write a number such as 1.5 or 1,5", column_label(id),
                     shorten(score.text));
            return;
        case S::too_large:
            add_cell(&row, position(id), Rule::bad_number, "{} \"{}\" quá lớn; hãy kiểm tra ô này",
                     "the {} \"{}\" is too large to be a score; check the cell", column_label(id), shorten(score.text));
            return;
        case S::sum_too_large:
            add_cell(&row, position(id), Rule::bad_number,
                     "với {} \"{}\", tổng cột này của bảng vượt quá 10^12 điểm; hãy kiểm tra ô này",
                     "with the {} \"{}\", this column of the sheet adds up to more than 10^12 points; check the cell",
                     column_label(id), shorten(score.text));
            return;
        case S::ok: break;
        }
        if (score.number.too_precise)
            add_cell(&row, position(id), Rule::too_precise, "{} \"{}\" có quá 3 chữ số thập phân; đã làm tròn thành {}",
                     "the {} \"{}\" has more than 3 decimals; rounded to {}", column_label(id), shorten(score.text),
                     score.number.value.format(0));
        if (score.number.value.is_negative() && row.extra != Extra::penalty) // "Điểm trừ": -1 is how it is written
            add_cell(&row, position(id), Rule::score_negative, "{} \"{}\" nhỏ hơn 0; điểm không thể âm",
                     "the {} \"{}\" is below 0; a score cannot be negative", column_label(id), shorten(score.text));
    }

    void check_rows() {
        for (const Row &row : m_sheet.rows) {
            switch (row.kind) {
            case RowKind::parent: ++m_parents; break;
            case RowKind::total: ++m_totals; break;
            case RowKind::unscored:
                if (m_unscored++ == 0) m_first_unscored = &row;
                break;
            case RowKind::criterion: ++m_criteria; break;
            default: break;
            }
            if (row.kind == RowKind::uncoded) {
                add_cell(&row, m_sheet.columns.code, Rule::bad_code,
                         "dòng có điểm nhưng không có mục; dòng này không được cộng, hãy ghi mã tiêu chí",
                         "the row has scores but no code; it is not counted: write its criterion code");
                continue;
            }
            if (row.kind == RowKind::total || row.kind == RowKind::heading) continue;
            if (!row.code_well_formed) report_bad_code(row);
            bool leaf = row.kind == RowKind::criterion;
            // A bonus or penalty line may have no max; before appraisal no
            // row has an appraised score (one not-appraised finding says so).
            bool scale = row.extra == Extra::none;
            check_number(row, row.max, "max", leaf && scale);
            check_number(row, row.self, "self", false);
            check_number(row, row.appraised, "appraised", leaf && !m_sheet.self_assessment);
            check_number(row, row.lost, "lost", false);
            if (row.max.given() && row.appraised.given() && row.appraised.number.value > row.max.number.value)
                add_cell(&row, m_sheet.columns.appraised, Rule::score_above_max,
                         "điểm thẩm định {} lớn hơn điểm tối đa {}; hãy sửa một trong hai ô",
                         "the appraised score {} is above the max {}; correct one of the two cells",
                         shorten(row.appraised.text), shorten(row.max.text));
            if (row.max.given() && row.self.given() && row.self.number.value > row.max.number.value)
                add_cell(&row, m_sheet.columns.self, Rule::self_above_max,
                         "điểm tự đánh giá {} lớn hơn điểm tối đa {}; hãy sửa một trong hai ô",
                         "the self score {} is above the max {}; correct one of the two cells", shorten(row.self.text),
                         shorten(row.max.text));
            if (row.max.given() && row.appraised.given() && row.lost.given()) {
                Decimal expected = row.max.number.value - row.appraised.number.value;
                if (expected != row.lost.number.value)
                    add_cell(&row, m_sheet.columns.lost, Rule::lost_mismatch,
                             "số điểm bị trừ ghi {}, nhưng {} − {} = {}; hãy sửa ô điểm bị trừ",
                             "the number of points lost is {}, but {} − {} = {}; correct the points-lost cell",
                             shorten(row.lost.text), shorten(row.max.text), shorten(row.appraised.text),
                             expected.format(0));
            }
            if (leaf) check_note(row);
        }
    }

    void report_bad_code(const Row &row) {
        std::size_t levels = static_cast<std::size_t>(std::count(row.code.begin(), row.code.end(), '.')) + 1;
        bool dotted =
            std::all_of(row.code.begin(), row.code.end(), [](char c) { return c == '.' || (c >= '0' && c <= '9'); });
        if (std::string likely = code_from_date(row.code); !likely.empty())
            add_cell(
                &row, m_sheet.columns.code, Rule::bad_code,
                "mã \"{}\" là một ngày: bảng tính đã đổi mã, có lẽ là {}; hãy định dạng cột Mục là Văn bản và gõ lại "
                "(dòng vẫn được cộng, trong lĩnh vực {})",
                "the code \"{}\" is a date: a spreadsheet changed the code, likely {}; format the code column as Text "
                "and type it again (the row is still counted, in domain {})",
                shorten(row.code), likely, row.domain());
        else if (dotted && levels > k_max_code_levels)
            add_cell(&row, m_sheet.columns.code, Rule::bad_code,
                     "mã \"{}\" có {} cấp; mã tiêu chí có nhiều nhất {} cấp",
                     "the code \"{}\" has {} levels; criterion codes have at most {}", shorten(row.code), levels,
                     k_max_code_levels);
        else if (row.kind == RowKind::criterion)
            // Outside the tree, it is a leaf: say so, the total counts it.
            add_cell(
                &row, m_sheet.columns.code, Rule::bad_code,
                "mã \"{}\" không có dạng 1.2.3, số La Mã I–X, phần A, mục a) hay -; dòng vẫn được cộng như một tiêu "
                "chí",
                "the code \"{}\" is none of 1.2.3, a Roman numeral I–X, a part A, a sub-item a) or -; the row is "
                "still counted as a criterion",
                shorten(row.code));
        else
            add_cell(&row, m_sheet.columns.code, Rule::bad_code,
                     "mã \"{}\" không có dạng 1.2.3, số La Mã I–X, phần A, mục a) hay -",
                     "the code \"{}\" is none of 1.2.3, a Roman numeral I–X, a part A, a sub-item a) or -",
                     shorten(row.code));
    }

    /// A criterion's note: its fractions, its percentage, and the score they imply.
    void check_note(const Row &row) {
        const NoteFacts &facts = row.note_facts;
        bool all_valid = true;
        for (const NoteFraction &f : facts.fractions) {
            if (f.denominator == 0)
                add_cell(&row, m_sheet.columns.note, Rule::note_fraction_invalid,
                         "ghi chú có phân số {} với mẫu số 0; hãy ghi đúng số liệu",
                         "the note has the fraction {} with a zero denominator; write the right counts",
                         shorten(f.text));
            else if (f.numerator > f.denominator)
                add_cell(&row, m_sheet.columns.note, Rule::note_fraction_invalid,
                         "ghi chú có phân số {}: tử số lớn hơn mẫu số; hãy kiểm tra số liệu",
                         "the note has the fraction {}: more done than there were; check the counts", shorten(f.text));
            else
                continue;
            all_valid = false;
        }
        if (facts.fractions.size() != 1 || !all_valid) return;
        const NoteFraction &f = facts.fractions.front();
        if (facts.percents.size() == 1) {
            const NotePercent &p = facts.percents.front();
            PercentForms forms = fraction_percent(f.numerator, f.denominator, p.decimals);
            if (p.scaled != forms.rounded && p.scaled != forms.truncated)
                add_cell(&row, m_sheet.columns.note, Rule::note_percent_mismatch, "{} = {} %, nhưng ghi chú ghi {} %",
                         "{} = {} %, but the note says {} %", shorten(f.text),
                         format_scaled(forms.rounded, p.decimals, p.separator), shorten(p.text));
        }
        check_score_against_fraction(row, f);
    }

    /// max × A/B in thousandths, at 2 decimals rounded and truncated.
    static std::pair<std::int64_t, std::int64_t> max_times_fraction(std::int64_t max_units, const NoteFraction &f) {
        // Hundredths of a point: thousandths over a denominator ten times as large.
        PercentForms forms = scaled_quotient(max_units, f.numerator, static_cast<WideInt>(f.denominator) * 10);
        return {forms.rounded * 10, forms.truncated * 10};
    }

    /// The appraised score against max × A/B, at 2 decimals rounded or truncated.
    void check_score_against_fraction(const Row &row, const NoteFraction &f) {
        if (!row.max.given() || !row.appraised.given()) return;
        auto [rounded, truncated] = max_times_fraction(row.max.number.value.units(), f);
        std::int64_t appraised = row.appraised.number.value.units();
        if (appraised == rounded || appraised == truncated) return;
        add_cell(&row, m_sheet.columns.appraised, Rule::score_fraction_mismatch,
                 "điểm thẩm định {}, còn {} × {} = {} (có thể do áp dụng chỉ tiêu)",
                 "the appraised score is {}, while {} × {} = {} (a target rule may apply)", shorten(row.appraised.text),
                 shorten(row.max.text), shorten(f.text), Decimal::from_units(rounded).format(2));
    }

    void check_catalog() {
        if (m_catalog == nullptr) return;
        for (const Row &row : m_sheet.rows) {
            if (row.kind != RowKind::criterion && row.kind != RowKind::parent && row.kind != RowKind::unscored)
                continue;
            const CatalogEntry *entry = m_catalog->find(row.key);
            if (entry == nullptr) {
                add_cell(&row, m_sheet.columns.code, Rule::unknown_code,
                         "mã {} không có trong bộ tiêu chí {}; hãy kiểm tra mã",
                         "the code {} is not in the catalog {}; check the code", row.code, m_catalog->file);
                continue;
            }
            if (row.max.given() && row.max.number.value != entry->max)
                add_cell(&row, m_sheet.columns.max, Rule::catalog_max_mismatch,
                         "điểm tối đa {} khác bộ tiêu chí ({} điểm, {} dòng {}); hãy sửa theo bộ tiêu chí",
                         "the max {} differs from the catalog's {} ({} line {}); use the catalog's max",
                         shorten(row.max.text), entry->max.format(0), m_catalog->file, entry->line);
        }
    }

    void check_duplicates() {
        if (m_sheet.codes_in_order) return;            // the layout found them strictly increasing: no key twice
        static thread_local ViewMap<const Row *> seen; // views of the rows' keys
        seen.clear(m_sheet.rows.size());
        for (const Row &row : m_sheet.rows) {
            if (row.key.empty() || row.kind == RowKind::total || row.kind == RowKind::uncoded) continue;
            bool added = false;
            const Row *&first_row = seen.get(row.key, added);
            if (added) {
                first_row = &row;
                continue;
            }
            const Row &first = *first_row;
            // A spreadsheet that reads 3.10 as a number shows it as 3.1.
            bool maybe_number = row.code.size() > 2 && row.code.find('.') != std::string::npos &&
                                row.code.back() != '0' && row.code.find('.') == row.code.rfind('.');
            if (maybe_number)
                add_cell(
                    &row, m_sheet.columns.code, Rule::duplicate_code,
                    "mã {} đã có ở dòng {}; nếu một trong hai là {}0, bảng tính đã đổi nó thành số: hãy định dạng "
                    "cột Mục là Văn bản và gõ lại",
                    "the code {} already appears on line {}; if one of them is {}0, a spreadsheet turned it into a "
                    "number: format the code column as Text and type it again",
                    row.code, first.line, row.code);
            else
                add_cell(&row, m_sheet.columns.code, Rule::duplicate_code,
                         "mã {} đã có ở dòng {}; mỗi tiêu chí chỉ ghi một lần",
                         "the code {} already appears on line {}; list each criterion once", row.code, first.line);
        }
    }

    void check_parents() {
        if (m_parents == 0) return; // many sheets list leaves only
        // Each leaf adds itself to every row above it in the tree: one pass,
        // not one per parent.
        struct ChildSums {
            Decimal max, self, appraised;
            bool any_scored = false, any_self = false;
            // A cell under it that cannot be read: its own finding says so,
            // and the parent's sum is not compared (no second error).
            bool unread_max = false, unread_self = false, unread_appraised = false;
        };
        static thread_local std::vector<ChildSums> sums; // by row
        sums.assign(m_sheet.rows.size(), ChildSums());
        for (const Row &child : m_sheet.rows) {
            if (child.kind != RowKind::criterion && child.kind != RowKind::unscored) continue;
            // The tree has no cycle; the bound only keeps a broken one finite.
            std::size_t steps = 0;
            for (std::int32_t p = child.parent; p >= 0 && steps < m_sheet.rows.size(); ++steps) {
                ChildSums &s = sums[static_cast<std::size_t>(p)];
                s.max += child.max.value_or_zero();
                s.unread_max = s.unread_max || !child.max.given();
                p = m_sheet.rows[static_cast<std::size_t>(p)].parent;
                if (child.kind == RowKind::unscored) continue;
                s.any_scored = true;
                s.appraised += child.appraised.value_or_zero();
                s.unread_appraised = s.unread_appraised || !child.appraised.given();
                s.unread_self = s.unread_self || unreadable(child.self);
                if (child.self.given()) {
                    s.self += child.self.number.value;
                    s.any_self = true;
                }
            }
        }
        for (std::size_t i = 0; i < m_sheet.rows.size(); ++i) {
            const Row &parent = m_sheet.rows[i];
            if (parent.kind != RowKind::parent) continue;
            const ChildSums &s = sums[i];
            if (!s.unread_max) compare_parent_sum(parent, parent.max, s.max, "max");
            // Scores are compared once the children have some (not in a blank template).
            if (s.any_scored && !s.unread_appraised && !m_sheet.self_assessment)
                compare_parent_sum(parent, parent.appraised, s.appraised, "appraised");
            if (s.any_self && !s.unread_self) compare_parent_sum(parent, parent.self, s.self, "self");
        }
    }

    /// Written but not read as a number (empty is not).
    static bool unreadable(const Score &s) {
        return s.number.status != ParsedNumber::Status::ok && s.number.status != ParsedNumber::Status::not_given;
    }

    /// parent-sum-mismatch: a parent's cell against the sum of its children.
    void compare_parent_sum(const Row &parent, const Score &written, Decimal sum, std::string_view id) {
        if (!written.given() || written.number.value == sum) return;
        add_cell(&parent, position(id), Rule::parent_sum_mismatch, "{} ghi {}, nhưng tổng các tiêu chí con là {}",
                 "the {} is {}, but its children add up to {}", column_label(id), shorten(written.text), sum.format(0));
    }

    /// total-mismatch: a total row's cell against the sum of the criteria.
    void compare_total_sum(const Row &total, const Score &written, Decimal sum, std::string_view id) {
        if (!written.given() || written.number.value == sum) return;
        // A total row has no code of its own.
        emit(total.line, total.record, position(id), "", Rule::total_mismatch,
             "dòng tổng: {} ghi {}, nhưng tổng các tiêu chí là {}",
             "total row: the {} is {}, but the criteria add up to {}", column_label(id), shorten(written.text),
             sum.format(0));
    }

    void check_totals() {
        if (m_totals == 0) return;
        // The scale's sums, and what bonus and penalty rows add to them: a
        // total row may give either (TỔNG ĐIỂM with or without the bonus).
        Decimal max, self, appraised, lost, extra_self, extra_appraised;
        bool extras = false;
        for (const Row &row : m_sheet.rows) {
            if (row.kind == RowKind::criterion && row.extra != Extra::none) {
                extras = true;
                auto signed_value = [&](const Score &s) {
                    Decimal v = s.value_or_zero();
                    if (row.extra == Extra::penalty && !v.is_negative()) v = -v;
                    return v;
                };
                extra_self += signed_value(row.self);
                extra_appraised += signed_value(row.appraised);
                continue;
            }
            // A template's total row adds up the maxima of rows not scored yet.
            if (row.kind == RowKind::unscored) max += row.max.value_or_zero();
            if (row.kind != RowKind::criterion) continue;
            max += row.max.value_or_zero();
            self += row.self.value_or_zero();
            appraised += row.appraised.value_or_zero();
            lost += row.max.value_or_zero() - row.appraised.value_or_zero();
        }
        for (const Row &row : m_sheet.rows) {
            if (row.kind != RowKind::total) continue;
            // (What the criteria add up to, unreadable cells left out: the
            // sheet is then marked incomplete in the summaries.)
            compare_total_sum(row, row.max, max, "max");
            if (!extras || !row.self.given() || row.self.number.value != self + extra_self)
                compare_total_sum(row, row.self, self, "self");
            if (m_sheet.self_assessment) continue; // no appraised scores yet
            if (!extras || !row.appraised.given() || row.appraised.number.value != appraised + extra_appraised)
                compare_total_sum(row, row.appraised, appraised, "appraised");
            compare_total_sum(row, row.lost, lost, "lost");
        }
    }

    void check_stage() {
        if (m_sheet.owners_filled > 0)
            add_at(m_sheet.first_owner_filled_line, m_sheet.first_owner_filled_row, "", Rule::owner_filled_down,
                   "{} dòng để trống ô bộ phận phụ trách (ô gộp) đã lấy bộ phận của dòng trên cùng lĩnh vực; nếu "
                   "không phải ô gộp, hãy ghi bộ phận cho từng dòng",
                   "{} rows with a blank owner cell (a merged cell) took the owner of the row above in the same "
                   "domain; if the cell was not merged, write the owner on each row",
                   m_sheet.owners_filled);
        if (!m_sheet.self_assessment) return;
        long line = m_sheet.rows.empty() ? m_sheet.header_line : m_sheet.rows.front().line;
        long record = m_sheet.rows.empty() ? m_sheet.header_row : m_sheet.rows.front().record;
        add_at(line, record, "", Rule::not_appraised,
               "bảng của đơn vị {} chưa có điểm thẩm định: chỉ số và xếp loại tính theo điểm tự đánh giá",
               "the sheet of {} has no appraised scores yet: the index and rating are those of the self-assessment",
               m_sheet.unit);
    }

    void check_has_criteria() {
        if (m_unscored > 0)
            add_at(m_first_unscored->line, m_first_unscored->record, "", Rule::not_scored,
                   "{} tiêu chí chưa có điểm (chỉ có điểm tối đa), chưa được tính; điền điểm thẩm định khi có",
                   "{} criteria have a max but no score yet and are not counted; fill in the appraised scores",
                   m_unscored);
        if (m_criteria > 0) return;
        if (m_unscored > 0) return; // a template being filled in
        // Point at the sheet's first row, or at the header when it has none.
        long line = m_sheet.rows.empty() ? m_sheet.header_line : m_sheet.rows.front().line;
        long record = m_sheet.rows.empty() ? m_sheet.header_row : m_sheet.rows.front().record;
        add_at(line, record, "", Rule::no_criteria, "bảng của đơn vị {} không có dòng tiêu chí nào có điểm",
               "the sheet of {} has no criterion rows with scores", m_sheet.unit);
    }

    const Sheet &m_sheet;
    Lang m_lang;
    const Catalog *m_catalog;
    bool m_info;
    std::vector<Finding> m_out;
    // The budget: at most m_room findings are kept (see trim).
    std::size_t m_room;
    std::size_t m_trim_at;
    long m_drop_from = std::numeric_limits<long>::max();
    FindingCounts m_dropped;
    // The kinds of rows, counted by check_rows.
    std::size_t m_parents = 0, m_totals = 0, m_unscored = 0, m_criteria = 0;
    const Row *m_first_unscored = nullptr;
};

} // namespace

std::vector<Finding> check_sheet(const Sheet &sheet, const CheckOptions &options) {
    return Checker(sheet, options, std::numeric_limits<std::size_t>::max()).run();
}

std::vector<Finding> check_sheet(const Sheet &sheet, const CheckOptions &options, FindingsBudget &budget) {
    Checker checker(sheet, options, budget.room());
    std::vector<Finding> findings = checker.run();
    budget.take(findings); // all of them fit
    budget.count(checker.dropped());
    return findings;
}

} // namespace cchc
