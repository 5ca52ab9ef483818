// HOT: every row of every sheet is placed in the tree here; guarded by the W2 and W3 workloads of bench/.
// The criteria tree (see layout/hierarchy.hpp), once per sheet.
#include <cchc/layout/hierarchy.hpp>
#include <cchc/text/view_map.hpp>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

namespace cchc {

namespace {

bool is_sub_item(CodeShape shape) {
    return shape == CodeShape::letter || shape == CodeShape::numbered || shape == CodeShape::dash ||
           shape == CodeShape::plus || shape == CodeShape::star;
}

bool may_be_parent(const Row &row) {
    return row.kind == RowKind::criterion || row.kind == RowKind::heading || row.kind == RowKind::unscored;
}

/// `prefix` followed by a dot starts `code`.
bool is_dot_prefix(std::string_view prefix, std::string_view code) {
    return prefix.size() < code.size() && code[prefix.size()] == '.' && code.compare(0, prefix.size(), prefix) == 0;
}

/// For `b` after `a`, a plain code: whether `b` is plain and follows `a`
/// (plain_code_less), and in `common` how many bytes they share. One pass
/// over their common start; `b` is checked from the segment they part in
/// (the segments before are `a`'s).
bool plain_after(std::string_view a, std::string_view b, std::size_t &common) {
    const std::size_t n = std::min(a.size(), b.size());
    std::size_t i = 0;
    while (i < n && a[i] == b[i])
        ++i;
    common = i;
    if (i == b.size()) return false; // equal, or b's segments start a's
    std::size_t k = i;
    while (k > 0 && b[k - 1] != '.')
        --k;
    if (!is_plain_code(b.substr(k))) return false;
    if (i == a.size()) return true; // a's segments start b's
    auto digits_left = [i](std::string_view s) {
        std::size_t e = i;
        while (e < s.size() && s[e] != '.')
            ++e;
        return e - i;
    };
    const std::size_t da = digits_left(a), db = digits_left(b);
    return da != db ? da < db : a[i] < b[i];
}

/// A row of the tree that later rows may go under.
struct Open {
    std::int32_t row;
    CodeShape shape;
    std::size_t levels;        // of a dotted code
    std::uint32_t bullets = 0; // rows of a bullet shape under it so far: their keys
};

class TreeBuilder {
public:
    explicit TreeBuilder(Sheet &sheet) : m_sheet(sheet), m_rows(sheet.rows) {
        // Reused sheet after sheet on this thread: no allocation once warm.
        static thread_local std::vector<Open> stack;
        m_stack = &stack;
        m_stack->clear();
    }

    void build() {
        if (build_plain()) {
            mark_parents();
            return;
        }
        m_stack->clear();
        bool in_order = true;
        const Row *previous = nullptr;
        for (std::size_t i = 0; i < m_rows.size(); ++i) {
            Row &row = m_rows[i];
            row.parent = -1;
            if (!has_code_key(row)) continue;
            place(static_cast<std::int32_t>(i));
            if (in_order &&
                (!is_plain_code(row.key) || (previous != nullptr && !plain_code_less(previous->key, row.key))))
                in_order = false;
            previous = &row;
        }
        in_order = in_order && !m_outside;
        m_sheet.codes_in_order = in_order;
        if (!in_order) adopt_by_prefix();
        mark_parents();
    }

private:
    Open &top() { return m_stack->back(); }

    /// The usual sheet: every code plain and dotted (1, 1.2, 1.2.3, no
    /// leading zeros), in increasing order. Then a row's parent is the
    /// nearest open row whose code starts it, and a row that starts no later
    /// code closes for good: one pass, each code read once against the
    /// previous one. The same tree as the general walk, which does the rest
    /// (false, rows' parents left for it to set).
    bool build_plain() {
        m_stack->clear();
        const Row *previous = nullptr;
        for (std::size_t i = 0; i < m_rows.size(); ++i) {
            Row &row = m_rows[i];
            row.parent = -1;
            if (!has_code_key(row)) continue;
            const std::string_view code = row.key;
            // A digit first: the code is its key (a domain's `II` is `2`, and goes the general way).
            if (row.code.empty() || row.code[0] < '0' || row.code[0] > '9') return false;
            std::size_t common = 0;
            if (previous == nullptr ? !is_plain_code(code) : !plain_after(previous->key, code, common)) return false;
            // The previous row, on top, starts this one: they share all of it and a dot follows.
            if (previous != nullptr && common == previous->key.size() && code[common] == '.') {
                row.parent = top().row;
            } else {
                while (!m_stack->empty() && !is_dot_prefix(m_rows[static_cast<std::size_t>(top().row)].key, code))
                    m_stack->pop_back();
                if (!m_stack->empty()) row.parent = top().row;
            }
            m_stack->push_back(Open{static_cast<std::int32_t>(i), CodeShape::dotted, 0});
            previous = &row;
        }
        m_sheet.codes_in_order = true;
        return true;
    }

    /// Pops the rows above the nearest one `keep` accepts; returns it, or -1
    /// (and an empty stack) when there is none.
    template <typename Keep>
    std::int32_t pop_to(Keep keep) {
        while (!m_stack->empty() && !keep(top()))
            m_stack->pop_back();
        return m_stack->empty() ? -1 : top().row;
    }

    void place(std::int32_t index) {
        Row &row = m_rows[static_cast<std::size_t>(index)];
        // The usual code, dotted, is read without the general code_shape.
        std::size_t levels = dotted_levels(row.code);
        const CodeShape shape = levels > 0 && levels <= k_max_code_levels ? CodeShape::dotted : code_shape(row.code);
        if (shape == CodeShape::other) {
            // A bad code: a leaf outside the tree, as checks say. A code a
            // spreadsheet made a date goes in the domain of the code it was.
            if (std::string code = code_from_date(row.code); !code.empty()) row.key = std::move(code);
            m_outside = true; // its parent, if any, is the row its key starts with
            return;
        }
        if (shape != CodeShape::dotted) levels = 0;
        std::int32_t parent = -1;
        switch (shape) {
        case CodeShape::part: // "A", or "Phần A": the letter
            m_stack->clear();
            if (row.code.size() > 1)
                row.key.assign(1, static_cast<char>(std::toupper(static_cast<unsigned char>(row.code.back()))));
            break;
        case CodeShape::roman: parent = pop_to([](const Open &o) { return o.shape == CodeShape::part; }); break;
        case CodeShape::dotted: parent = levels == 1 ? place_number(row) : place_dotted(row, levels); break;
        default:
            // "- Điểm trừ …" is a line of its own, not a sub-item of the row above.
            if (row.extra != Extra::none) m_stack->clear();
            parent = place_sub_item(row, shape);
            break;
        }
        row.parent = parent;
        m_stack->push_back(Open{index, shape, levels});
    }

    /// `1`, `2`: under the nearest domain or part (numbering that restarts
    /// under each domain), else at the top.
    std::int32_t place_number(Row &row) {
        std::int32_t parent =
            pop_to([](const Open &o) { return o.shape == CodeShape::roman || o.shape == CodeShape::part; });
        if (parent >= 0) {
            if (top().shape == CodeShape::roman) m_restarts = true;
            under(row, parent, row.code);
        }
        return parent;
    }

    /// `1.2.3`: under the nearest open row whose code (or, for a domain, its
    /// number) starts it: 1.2 or 1, or II for 2.1.
    std::int32_t place_dotted(Row &row, std::size_t levels) {
        for (std::size_t j = m_stack->size(); j-- > 0;) {
            const Open &o = (*m_stack)[j];
            const Row &candidate = m_rows[static_cast<std::size_t>(o.row)];
            std::string_view start;
            if (o.shape == CodeShape::dotted && is_dot_prefix(candidate.code, row.code))
                start = candidate.code;
            else if (o.shape == CodeShape::roman && is_dot_prefix(candidate.key, row.code))
                start = candidate.key; // 2.1 under II
            else
                continue;
            m_stack->resize(j + 1);
            // Its key is the parent's path and the rest of its code ("1.1"
            // under the 1 of II is 2.1.1); mostly, that is its code.
            if (candidate.key != start) {
                std::string rest = row.code.substr(start.size());
                row.key.assign(candidate.key);
                row.key += rest;
            }
            return o.row;
        }
        // No row it is under is open. Where numbering restarts under each
        // domain, the open domain holds it (II then 1.1: II.1.1).
        if (m_restarts) {
            std::int32_t parent = pop_to([](const Open &o) { return o.shape == CodeShape::roman; });
            if (parent >= 0) {
                under(row, parent, row.code);
                return parent;
            }
        }
        // Else it stands on its own, as in a sheet that lists only leaves
        // (1.1.3, 1.5.3): rows as deep or deeper, and sub-items, close.
        while (!m_stack->empty() &&
               (is_sub_item(top().shape) || (top().shape == CodeShape::dotted && top().levels >= levels)))
            m_stack->pop_back();
        return -1;
    }

    /// `a)`, `-`, `+`: a sibling of the open row of the same shape, else
    /// under the innermost open row.
    std::int32_t place_sub_item(Row &row, CodeShape shape) {
        for (std::size_t j = m_stack->size(); j-- > 0;)
            if ((*m_stack)[j].shape == shape) {
                m_stack->resize(j);
                break;
            }
        std::int32_t parent = m_stack->empty() ? -1 : top().row;
        std::uint32_t &bullets = m_stack->empty() ? m_top_bullets : top().bullets;
        std::string label;
        switch (shape) {
        case CodeShape::letter: {
            // "a)", "(a)", "a" → "a"; "Đ)" → "đ".
            std::string_view l = row.code;
            if (!l.empty() && l.front() == '(') l.remove_prefix(1);
            if (!l.empty() && l.back() == ')') l.remove_suffix(1);
            label = l == "\xC4\x90" ? std::string("\xC4\x91") : std::string(l);
            if (label.size() == 1 && label[0] >= 'A' && label[0] <= 'Z') label[0] = static_cast<char>(label[0] + 32);
            break;
        }
        case CodeShape::numbered: { // "1)", "(1)" → "(1)"
            std::size_t digits = row.code.find_first_of("0123456789");
            label = "(" + row.code.substr(digits, row.code.find(')', digits) - digits) + ")";
            break;
        }
        case CodeShape::dash: label = "-" + std::to_string(++bullets); break;
        case CodeShape::plus: label = "+" + std::to_string(++bullets); break;
        default: label = "*" + std::to_string(++bullets); break;
        }
        if (parent >= 0)
            under(row, parent, label);
        else
            row.key = label;
        return parent;
    }

    /// Row's key: its parent's path, a dot and `segment`.
    void under(Row &row, std::int32_t parent, std::string_view segment) {
        std::string key = m_rows[static_cast<std::size_t>(parent)].key;
        key += '.';
        key += segment;
        row.key = std::move(key);
    }

    /// Keys out of order: a dotted code still alone gets, as its parent, the
    /// row whose key is its longest prefix (a child listed before its parent).
    void adopt_by_prefix() {
        static thread_local ViewMap<std::int32_t> first_with_key; // views of the rows' keys
        first_with_key.clear(m_rows.size());
        for (std::size_t i = 0; i < m_rows.size(); ++i) {
            if (!has_code_key(m_rows[i])) continue;
            bool added = false;
            std::int32_t &first = first_with_key.get(m_rows[i].key, added);
            if (added) first = static_cast<std::int32_t>(i);
        }
        for (std::size_t i = 0; i < m_rows.size(); ++i) {
            Row &row = m_rows[i];
            if (row.parent >= 0 || !has_code_key(row)) continue;
            std::string_view key = row.key;
            for (std::size_t dot = key.rfind('.'); dot != std::string_view::npos && dot > 0;
                 dot = key.rfind('.', dot - 1)) {
                const std::int32_t *found = first_with_key.find(key.substr(0, dot));
                if (found == nullptr) continue;
                row.parent = *found;
                break;
            }
        }
    }

    /// A row with numbers makes every row above it in the tree a parent.
    /// (A row with only sub-headings under it, "- …" lines without
    /// numbers, stays a criterion and is counted.)
    void mark_parents() {
        for (const Row &row : m_rows) {
            if (row.kind != RowKind::criterion && row.kind != RowKind::unscored) continue;
            for (std::int32_t p = row.parent; p >= 0;) {
                Row &above = m_rows[static_cast<std::size_t>(p)];
                if (above.kind == RowKind::parent || !may_be_parent(above)) break; // its own rows above are done
                above.kind = RowKind::parent;
                p = above.parent;
            }
        }
    }

    Sheet &m_sheet;
    std::vector<Row> &m_rows;
    std::vector<Open> *m_stack;
    std::uint32_t m_top_bullets = 0;
    bool m_restarts = false; // a number placed under a domain: numbering restarts
    bool m_outside = false;  // a row with a bad code, outside the order
};

} // namespace

void build_hierarchy(Sheet &sheet) {
    TreeBuilder(sheet).build();
}

} // namespace cchc
