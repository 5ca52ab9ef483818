// One JSON document for scripts. The keys listed in SPEC section 7 are a
// promise: scripts rely on them. Numbers are printed from the exact
// decimals, never through binary floating point.
#include <cchc/layout/explain.hpp>
#include <cchc/render/formats.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

namespace cchc {

namespace {

std::string quote(std::string_view s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
            if (c < 0x20)
                out += fmt::format("\\u{:04x}", c);
            else
                out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

std::string number(Decimal d) {
    return d.format(2);
}
std::string number(const Score &s) {
    return s.given() ? number(s.number.value) : "null";
}
std::string percent(const std::optional<WideInt> &h) {
    return h ? format_percent(*h, '.') : "null";
}

/// Writes `"key": value` pairs with commas, at one indentation.
class ObjectWriter {
public:
    ObjectWriter(std::ostream &out, int indent) : m_out(out), m_indent(indent) { m_out << "{"; }
    ObjectWriter &raw(std::string_view key, const std::string &value) {
        m_out << (m_first ? "\n" : ",\n") << std::string(static_cast<std::size_t>(m_indent + 2), ' ') << quote(key)
              << ": " << value;
        m_first = false;
        return *this;
    }
    ObjectWriter &str(std::string_view key, std::string_view value) { return raw(key, quote(value)); }
    void close() {
        if (!m_first) m_out << '\n' << std::string(static_cast<std::size_t>(m_indent), ' ');
        m_out << '}';
    }

private:
    std::ostream &m_out;
    int m_indent;
    bool m_first = true;
};

std::string sums_fields(const Sums &s) {
    return fmt::format("\"count\": {}, \"max\": {}, \"self\": {}, \"appraised\": {}, \"lost\": {}, \"achievement\": {}",
                       s.count, number(s.max), s.self_count > 0 ? number(s.self) : "null",
                       s.appraised_count == 0 && s.self_count > 0 ? "null" : number(s.appraised), number(s.lost),
                       percent(s.achievement()));
}

std::string finding_object(const Finding &f) {
    // `row` the spreadsheet's row (null when not about a row), `cell` the
    // address of the cell, `sheet` the worksheet of a workbook.
    return fmt::format("{{\"file\": {}, \"line\": {}, \"row\": {}, \"sheet\": {}, \"cell\": {}, \"code\": {}, "
                       "\"rule\": {}, \"severity\": {}, \"message\": {}}}",
                       quote(f.file), f.line, f.row > 0 ? std::to_string(f.row) : "null",
                       f.sheet.empty() ? "null" : quote(f.sheet), f.cell.empty() ? "null" : quote(f.cell),
                       f.code.empty() ? "null" : quote(f.code), quote(rule_id(f.rule)),
                       quote(severity_name(f.severity)), quote(f.message));
}

std::string finding_pointer(const Finding *f) {
    return finding_object(*f);
}

template <typename T, typename F>
std::string array(const std::vector<T> &items, int indent, F &&one) {
    if (items.empty()) return "[]";
    std::string pad(static_cast<std::size_t>(indent + 2), ' ');
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i ? ",\n" : "\n") + pad + one(items[i]);
    return out + "\n" + std::string(static_cast<std::size_t>(indent), ' ') + "]";
}

/// What was read from the note: {"fractions": [...], "percents": [...]}.
std::string note_facts_object(const NoteFacts &facts) {
    std::string fractions, percents;
    for (const NoteFraction &f : facts.fractions)
        fractions += fmt::format("{}{{\"text\": {}, \"numerator\": {}, \"denominator\": {}, \"loose\": {}}}",
                                 fractions.empty() ? "" : ", ", quote(f.text), f.numerator, f.denominator,
                                 f.loose ? "true" : "false");
    for (const NotePercent &p : facts.percents)
        percents += fmt::format("{}{{\"text\": {}, \"value\": {}}}", percents.empty() ? "" : ", ", quote(p.text),
                                format_scaled(p.scaled, p.decimals, '.'));
    return fmt::format("{{\"fractions\": [{}], \"percents\": [{}]}}", fractions, percents);
}

std::string criterion_object(const CriterionResult &c) {
    const Row &r = *c.row;
    return fmt::format("{{\"code\": {}, \"line\": {}, \"content\": {}, \"max\": {}, \"self\": {}, \"appraised\": {}, "
                       "\"lost\": {}, \"achievement\": {}, \"over_estimation\": {}, \"owner\": {}, \"note\": {}, "
                       "\"note_facts\": {}}}",
                       quote(r.code), r.line, quote(r.content.value()), number(r.max), number(r.self),
                       number(r.appraised), number(c.lost), percent(c.achievement),
                       c.over_estimation ? number(*c.over_estimation) : "null", quote(r.owner), quote(r.note.value()),
                       note_facts_object(r.note_facts));
}

/// An owner that lost points, and the criteria where it lost them: what the
/// owner must fix, as `--by owner-tasks` shows it in every format.
struct OwnerTasks {
    const Group *owner = nullptr;
    std::vector<const CriterionResult *> criteria; ///< most points lost first
};

/// The owners that lost points, most first; ties keep the sheet's order
/// (the order of owner_tasks_table).
std::vector<OwnerTasks> owner_tasks(const SheetSummary &s) {
    std::vector<OwnerTasks> out;
    for (const Group &g : s.owners)
        if (g.sums.lost.units() > 0) out.push_back({&g, {}});
    std::stable_sort(out.begin(), out.end(),
                     [](const OwnerTasks &a, const OwnerTasks &b) { return a.owner->sums.lost > b.owner->sums.lost; });
    for (OwnerTasks &o : out) {
        for (const CriterionResult &c : s.criteria)
            if (c.row->owner == o.owner->name && c.lost.units() > 0) o.criteria.push_back(&c);
        std::stable_sort(o.criteria.begin(), o.criteria.end(),
                         [](const CriterionResult *a, const CriterionResult *b) { return a->lost > b->lost; });
    }
    return out;
}

std::string owner_tasks_object(const OwnerTasks &o) {
    std::string tasks;
    for (const CriterionResult *c : o.criteria)
        tasks += fmt::format("{}{{\"code\": {}, \"content\": {}, \"lost\": {}, \"note\": {}}}",
                             tasks.empty() ? "" : ", ", quote(c->row->code), quote(c->row->content.value_or("")),
                             number(c->lost), quote(c->row->note.value_or("")));
    return fmt::format("{{\"owner\": {}, \"lost\": {}, \"criteria\": [{}]}}", quote(o.owner->name),
                       number(o.owner->sums.lost), tasks);
}

class JsonRenderer : public Renderer {
public:
    explicit JsonRenderer(const RenderOptions &options) : m_options(options) {}

    /// The typed data the document points to, else its findings.
    void print(const Document &document, std::ostream &out) const override {
        if (document.report != nullptr) {
            report(document, out);
            return;
        }
        if (document.findings_only) {
            findings(document, out);
            return;
        }
        ObjectWriter doc(out, 0);
        if (document.comparison != nullptr)
            compare(*document.comparison, document.findings(), doc);
        else if (document.explained != nullptr)
            doc.raw("files", array(*document.explained, 2, explained_object));
        else
            doc.raw("findings", array(document.findings(), 2, finding_pointer));
        doc.close();
        out << '\n';
    }

private:
    /// {"sheets": [...], "findings": [...]}, written sheet by sheet: a
    /// province's document is never held whole, and a run in parts
    /// (Document::continues) goes on with the same arrays.
    void report(const Document &document, std::ostream &out) const {
        if (!document.continues) {
            out << "{\n  \"sheets\": [";
            m_sheets_written = 0;
            m_loose.clear();
        }
        const Report &report = *document.report;
        for (const FileReport &file : report.files) {
            for (const SheetSummary &s : file.sheets)
                out << (m_sheets_written++ ? ",\n    " : "\n    ") << sheet_object(s, report);
            if (file.sheets.empty()) m_loose.insert(m_loose.end(), file.findings.begin(), file.findings.end());
        }
        if (document.continued) return;
        out << (m_sheets_written ? "\n  ]" : "]") << ",\n  \"findings\": " << array(m_loose, 2, finding_object)
            << "\n}\n";
    }

    /// {"findings": [...]} of `cchc check`, written a part at a time.
    void findings(const Document &document, std::ostream &out) const {
        if (!document.continues) {
            out << "{\n  \"findings\": [";
            m_findings_written = 0;
        }
        for (const Finding *f : document.findings())
            out << (m_findings_written++ ? ",\n    " : "\n    ") << finding_object(*f);
        if (document.continued) return;
        out << (m_findings_written ? "\n  ]" : "]") << "\n}\n";
    }

    static void compare(const Comparison &comparison, const std::vector<const Finding *> &findings, ObjectWriter &doc) {
        doc.raw("ranking", array(comparison.ranking, 2, [&](const RankedSheet &r) {
                    const SheetSummary &s = *r.sheet;
                    return fmt::format("{{\"file\": {}, \"unit\": {}, \"period\": {}, \"rank\": {}, \"of\": {}, "
                                       "\"index\": {}, \"out_of\": {}, \"lost\": {}, \"rating\": {}{}}}",
                                       quote(s.sheet->file), quote(s.sheet->unit), quote(s.sheet->period),
                                       r.rank > 0 ? std::to_string(r.rank) : "null", r.of, number(s.index),
                                       number(s.base), number(s.totals.lost),
                                       s.rating.empty() ? "null" : quote(s.rating),
                                       s.incomplete ? ", \"incomplete\": true" : "");
                }));
        if (comparison.periods) doc.raw("periods", periods_object(*comparison.periods));
        doc.raw("findings", array(findings, 2, finding_pointer));
    }

    /// `cchc explain`: one file, with the keys of docs/json.md.
    static std::string explained_object(const ExplainedFile &file) {
        const Explanation &e = *file.explanation;
        std::ostringstream o;
        ObjectWriter w(o, 4);
        w.str("file", e.file);
        if (e.worksheet.empty()) {
            w.str("encoding", e.encoding);
            w.raw("encoding_assumed", e.encoding_assumed ? "true" : "false");
            w.str("delimiter", std::string(1, e.delimiter));
        } else {
            // A workbook's worksheet: "line"s are its rows; no encoding or delimiter applies.
            w.str("worksheet", e.worksheet);
        }
        std::string_view state = e.header == FileFacts::Header::found     ? "found"
                                 : e.header == FileFacts::Header::partial ? "partial"
                                 : e.header == FileFacts::Header::empty   ? "empty"
                                                                          : "none";
        w.raw("header",
              fmt::format("{{\"found\": {}, \"state\": {}, \"line\": {}, \"last_line\": {}}}",
                          e.header == FileFacts::Header::found ? "true" : "false", quote(state), e.header_line,
                          e.header == FileFacts::Header::found ? e.header_last_line : e.header_line));
        w.raw("columns", array(e.columns, 6, [](const ExplainedColumn &c) {
                  return fmt::format(
                      "{{\"position\": {}, \"letter\": {}, \"text\": {}, \"column\": {}, \"repeats\": {}}}", c.position,
                      quote(c.letter), quote(c.text), c.column ? quote(column_info(*c.column).id) : "null",
                      c.repeats >= 0 ? quote(column_letter(c.repeats)) : "null");
              }));
        w.raw("rows", array(e.rows, 6, [](const ExplainedRow &r) {
                  std::string path;
                  for (const std::string &code : r.path)
                      path += (path.empty() ? "" : ", ") + quote(code);
                  return fmt::format("{{\"line\": {}, \"kind\": {}, \"code\": {}, \"key\": {}, \"path\": [{}], "
                                     "\"depth\": {}, \"parent_line\": {}, \"children\": {}, \"counted\": {}, "
                                     "\"checked\": {}, \"sheet\": {}, \"text\": {}}}",
                                     r.line, quote(line_kind_id(r.kind)), r.code.empty() ? "null" : quote(r.code),
                                     r.key.empty() ? "null" : quote(r.key), path,
                                     r.path.empty() ? 0 : r.path.size() - 1,
                                     r.parent_line > 0 ? std::to_string(r.parent_line) : "null", r.children,
                                     r.counted ? "true" : "false", r.checked ? "true" : "false",
                                     r.sheet >= 0 ? std::to_string(r.sheet) : "null", quote(r.text));
              }));
        std::vector<std::string> sheets;
        for (std::size_t i = 0; i < file.report->sheets.size(); ++i) {
            const SheetSummary &s = file.report->sheets[i];
            std::size_t rows = 0;
            for (const ExplainedRow &r : e.rows)
                rows += r.sheet == static_cast<int>(i) ? 1 : 0;
            sheets.push_back(fmt::format("{{\"unit\": {}, \"period\": {}, \"rows\": {}, \"skipped_rows\": {}, "
                                         "\"totals\": {{{}, \"index\": {}, \"out_of\": {}, \"rating\": {}}}}}",
                                         quote(s.sheet->unit), quote(s.sheet->period), rows, s.sheet->skipped_rows,
                                         sums_fields(s.totals), number(s.index), number(s.base),
                                         s.rating.empty() ? "null" : quote(s.rating)));
        }
        w.raw("sheets", array(sheets, 6, [](const std::string &s) { return s; }));
        w.raw("findings", array(file.report->findings, 6, finding_object));
        w.close();
        return o.str();
    }

    static std::string periods_object(const PeriodComparison &p) {
        auto side = [](const SheetSummary &s) {
            return fmt::format("{{\"file\": {}, \"unit\": {}, \"period\": {}, \"index\": {}, \"lost\": {}}}",
                               quote(s.sheet->file), quote(s.sheet->unit), quote(s.sheet->period), number(s.index),
                               number(s.totals.lost));
        };
        std::ostringstream o;
        ObjectWriter w(o, 2);
        w.raw("before", side(*p.before)).raw("after", side(*p.after)).raw("index_change", number(p.index_change()));
        w.raw("criteria", array(p.criteria, 4, [](const CriterionChange &c) {
                  std::string_view status = c.status == ChangeStatus::appeared      ? "appeared"
                                            : c.status == ChangeStatus::disappeared ? "disappeared"
                                                                                    : "both";
                  return fmt::format("{{\"code\": {}, \"content\": {}, \"lost_before\": {}, \"lost_after\": {}, "
                                     "\"change\": {}, \"status\": {}}}",
                                     quote(c.code), quote(c.content), number(c.lost_before), number(c.lost_after),
                                     number(c.change()), quote(status));
              }));
        w.raw("owners", array(p.owners, 4, [](const OwnerChange &c) {
                  return fmt::format("{{\"owner\": {}, \"lost_before\": {}, \"lost_after\": {}, \"change\": {}}}",
                                     quote(c.owner), number(c.lost_before), number(c.lost_after), number(c.change()));
              }));
        w.close();
        return o.str();
    }

    std::string sheet_object(const SheetSummary &s, const Report &report) const {
        // File-level findings (e.g. an assumed encoding) go with the file's first sheet.
        std::vector<Finding> findings;
        for (const FileReport &file : report.files)
            if (!file.sheets.empty() && &file.sheets.front() == &s)
                findings.insert(findings.end(), file.findings.begin(), file.findings.end());
        findings.insert(findings.end(), s.findings.begin(), s.findings.end());

        std::ostringstream o;
        ObjectWriter w(o, 4);
        w.str("file", s.sheet->file).str("unit", s.sheet->unit).str("period", s.sheet->period);
        w.str("encoding", s.sheet->encoding).raw("header_line", std::to_string(s.sheet->header_line));
        w.raw("skipped_rows", std::to_string(s.sheet->skipped_rows));
        // Bonus, penalty and the stage appear only on sheets that have them.
        std::string extra;
        if (s.bonus.count > 0) extra += fmt::format(", \"bonus\": {}", number(s.bonus.scored));
        if (s.penalty.count > 0) extra += fmt::format(", \"penalty\": {}", number(s.penalty.scored));
        if (s.sheet->self_assessment) extra += ", \"stage\": \"self-assessment\"";
        if (s.incomplete) extra += ", \"incomplete\": true";
        w.raw("totals",
              fmt::format("{{{}, \"index\": {}, \"out_of\": {}, \"rating\": {}{}}}", sums_fields(s.totals),
                          number(s.index), number(s.base), s.rating.empty() ? "null" : quote(s.rating), extra));
        if (wants(TableKind::domain))
            w.raw("domains", array(s.domains, 6, [](const Group &g) {
                      return fmt::format("{{\"domain\": {}, {}}}", quote(g.name), sums_fields(g.sums));
                  }));
        if (wants(TableKind::owner))
            w.raw("owners", array(s.owners, 6, [](const Group &g) {
                      return fmt::format("{{\"owner\": {}, {}}}", quote(g.name), sums_fields(g.sums));
                  }));
        if (wants(TableKind::criterion)) w.raw("criteria", array(s.criteria, 6, criterion_object));
        if (std::find(m_options.tables.begin(), m_options.tables.end(), TableKind::owner_tasks) !=
            m_options.tables.end())
            w.raw("owner_tasks", array(owner_tasks(s), 6, [](const OwnerTasks &o) { return owner_tasks_object(o); }));
        if (m_options.top > 0) w.raw("top", array(s.top, 6, criterion_object));
        w.raw("findings", array(findings, 6, finding_object));
        w.close();
        return o.str();
    }

    /// --by chooses the arrays of a sheet; without it, the three of SPEC
    /// section 7 (owner_tasks only when named).
    bool wants(TableKind kind) const {
        return m_options.tables.empty() ||
               std::find(m_options.tables.begin(), m_options.tables.end(), kind) != m_options.tables.end();
    }

    RenderOptions m_options;
    // What the parts printed so far left for the closing (Document::continues).
    mutable std::size_t m_sheets_written = 0;
    mutable std::size_t m_findings_written = 0; ///< by the parts of a check printed so far
    mutable std::vector<Finding> m_loose;       ///< of files without a sheet, for the closing findings
};

} // namespace

std::unique_ptr<Renderer> make_json_renderer(const RenderOptions &options) {
    return std::make_unique<JsonRenderer>(options);
}

} // namespace cchc
