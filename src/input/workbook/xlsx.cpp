// Office Open XML workbooks (see xlsx.hpp), every part streamed through expat.
#include "xlsx.hpp"

#include "workbook_messages.hpp"
#include "xml_stream.hpp"

#include <cchc/base/error.hpp>
#include <cchc/input/workbook/number_text.hpp>

#include <fmt/format.h>

#include <charconv>
#include <deque>
#include <unordered_map>

namespace cchc::workbook_detail {

namespace {

constexpr std::string_view k_strict_namespace = "http://purl.oclc.org/ooxml/spreadsheetml/main";

void parse_part(const ZipContainer &zip, const std::string &file, const std::string &part, XmlHandler &handler,
                Lang lang) {
    XmlStream xml(handler, file, part, lang);
    zip.read(part, [&](std::string_view chunk) { xml.feed(chunk); });
    xml.finish();
}

bool parse_int(std::string_view s, long &out) {
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}

/// ST_Xstring's escapes: "_x000D_" is a carriage return, "_x005F_" an underscore.
std::string unescape_xstring(std::string text) {
    if (text.find("_x") == std::string::npos) return text;
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        unsigned code = 0;
        if (text[i] == '_' && i + 6 < text.size() && text[i + 1] == 'x' && text[i + 6] == '_' &&
            std::from_chars(text.data() + i + 2, text.data() + i + 6, code, 16).ptr == text.data() + i + 6) {
            if (code == 0x0D) {
                // a carriage return: the line break that follows it is kept
            } else if (code < 0x80) {
                out.push_back(static_cast<char>(code));
            } else if (code < 0x800) {
                out.push_back(static_cast<char>(0xC0 | (code >> 6)));
                out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
            } else {
                out.push_back(static_cast<char>(0xE0 | (code >> 12)));
                out.push_back(static_cast<char>(0x80 | ((code >> 6) & 0x3F)));
                out.push_back(static_cast<char>(0x80 | (code & 0x3F)));
            }
            i += 6;
            continue;
        }
        out.push_back(text[i]);
    }
    return out;
}

struct SheetEntry {
    std::string name;
    std::string relation;
};

/// xl/workbook.xml: the worksheets' names and relationship ids, in order.
struct WorkbookHandler : XmlHandler {
    std::vector<SheetEntry> sheets;
    bool date1904 = false;
    bool strict = false;
    bool root = true;
    void start(std::string_view uri, std::string_view name, const XmlAttributes &a) override {
        if (root) strict = uri == k_strict_namespace;
        root = false;
        if (name == "sheet") {
            const char *n = a.get("name");
            const char *id = a.get("id");
            sheets.push_back(SheetEntry{n ? n : "", id ? id : ""});
        } else if (name == "workbookPr") {
            const char *d = a.get("date1904");
            date1904 = d != nullptr && (std::string_view(d) == "1" || std::string_view(d) == "true");
        }
    }
    void end(std::string_view, std::string_view) override {}
    void text(std::string_view) override {}
};

/// xl/_rels/workbook.xml.rels: relationship id → part of each worksheet.
struct RelationsHandler : XmlHandler {
    std::unordered_map<std::string, std::string> worksheets;
    std::string shared_strings, styles;
    void start(std::string_view, std::string_view name, const XmlAttributes &a) override {
        if (name != "Relationship") return;
        const char *id = a.get("Id");
        const char *target = a.get("Target");
        const char *type = a.get("Type");
        if (!id || !target || !type) return;
        std::string part = resolve(target);
        std::string_view t(type);
        if (t.ends_with("/worksheet"))
            worksheets[id] = part;
        else if (t.ends_with("/sharedStrings"))
            shared_strings = part;
        else if (t.ends_with("/styles"))
            styles = part;
    }
    void end(std::string_view, std::string_view) override {}
    void text(std::string_view) override {}

    /// A target relative to xl/, or absolute from the package's root.
    static std::string resolve(std::string_view target) {
        if (target.starts_with("/")) return std::string(target.substr(1));
        std::string base = "xl";
        while (target.starts_with("../")) {
            target.remove_prefix(3);
            base.clear();
        }
        return base.empty() ? std::string(target) : base + "/" + std::string(target);
    }
};

/// xl/sharedStrings.xml: each <si>'s text, its runs joined, phonetic runs left out.
struct SharedStringsHandler : XmlHandler {
    std::vector<std::string> strings;
    std::string current;
    bool in_t = false;
    int phonetic = 0;
    void start(std::string_view, std::string_view name, const XmlAttributes &) override {
        if (name == "si")
            current.clear();
        else if (name == "t")
            in_t = phonetic == 0;
        else if (name == "rPh")
            ++phonetic;
    }
    void end(std::string_view, std::string_view name) override {
        if (name == "si")
            strings.push_back(unescape_xstring(std::move(current)));
        else if (name == "t")
            in_t = false;
        else if (name == "rPh")
            --phonetic;
    }
    void text(std::string_view data) override {
        if (in_t) current.append(data);
    }
};

/// xl/styles.xml: the number format of each cell style (<cellXfs>' <xf>s).
struct StylesHandler : XmlHandler {
    std::unordered_map<long, NumberFormat> custom;
    std::vector<long> style_format;
    bool in_cell_xfs = false;
    void start(std::string_view, std::string_view name, const XmlAttributes &a) override {
        if (name == "numFmt") {
            const char *id = a.get("numFmtId");
            const char *code = a.get("formatCode");
            long n = 0;
            if (id && code && parse_int(id, n)) custom[n] = parse_number_format(code);
        } else if (name == "cellXfs") {
            in_cell_xfs = true;
        } else if (name == "xf" && in_cell_xfs) {
            const char *id = a.get("numFmtId");
            long n = 0;
            style_format.push_back(id && parse_int(id, n) ? n : 0);
        }
    }
    void end(std::string_view, std::string_view name) override {
        if (name == "cellXfs") in_cell_xfs = false;
    }
    void text(std::string_view) override {}

    NumberFormat format_of(long style) const {
        if (style < 0 || static_cast<std::size_t>(style) >= style_format.size()) return NumberFormat{};
        long id = style_format[static_cast<std::size_t>(style)];
        if (auto it = custom.find(id); it != custom.end()) return it->second;
        return builtin_number_format(static_cast<int>(id));
    }
};

/// xl/worksheets/sheetN.xml: the cells with a value, row by row, into
/// `rows` (the last one may still get cells; the merged ranges are read
/// apart, by read_merges).
struct SheetHandler : XmlHandler {
    SheetHandler(const std::string &sheet_name, const std::vector<std::string> &strings, const StylesHandler &styles,
                 bool date1904, const std::string &file, Lang lang)
        : sheet_name(sheet_name), strings(strings), styles(styles), date1904(date1904), file(file), lang(lang) {}

    const std::string &sheet_name;
    std::deque<WorksheetRow> rows;
    std::vector<WorksheetRow> spare;
    const std::vector<std::string> &strings;
    const StylesHandler &styles;
    bool date1904;
    const std::string &file;
    Lang lang;

    long row = 0;
    int column = -1;
    std::string type;
    long style = 0;
    std::string value;
    bool in_value = false, in_inline = false, in_inline_t = false, has_value = false;
    int phonetic = 0;

    void start(std::string_view, std::string_view name, const XmlAttributes &a) override {
        if (name == "row") {
            const char *r = a.get("r");
            long n = 0;
            row = r && parse_int(r, n) && n > row ? n : row + 1;
            column = -1;
            if (row > k_max_worksheet_rows) failure = too_many_rows_message(file, sheet_name, lang);
        } else if (name == "c") {
            if (row == 0) row = 1; // a cell before any <row> (a broken file): the first row
            const char *r = nullptr, *t = nullptr, *s = nullptr;
            a.each([&](std::string_view attribute, const char *v) {
                if (attribute.size() != 1) return;
                if (attribute[0] == 'r' && r == nullptr) r = v;
                if (attribute[0] == 't' && t == nullptr) t = v;
                if (attribute[0] == 's' && s == nullptr) s = v;
            });
            long ref_row = 0;
            int ref_column = 0;
            if (r && parse_cell_reference(r, ref_row, ref_column)) {
                column = ref_column;
            } else {
                ++column;
            }
            type = t ? t : "n";
            long n = 0;
            style = s && parse_int(s, n) ? n : 0;
            value.clear();
            has_value = false;
        } else if (name == "v") {
            in_value = true;
            has_value = true;
        } else if (name == "is") {
            in_inline = true;
            has_value = true;
        } else if (name == "t" && in_inline) {
            in_inline_t = phonetic == 0;
        } else if (name == "rPh") {
            ++phonetic;
        }
    }

    void end(std::string_view, std::string_view name) override {
        if (name == "v") {
            in_value = false;
        } else if (name == "t") {
            in_inline_t = false;
        } else if (name == "is") {
            in_inline = false;
        } else if (name == "rPh") {
            --phonetic;
        } else if (name == "c") {
            cell();
        }
    }

    void text(std::string_view data) override {
        if (in_value || in_inline_t) value.append(data);
    }

    std::string here() const { return fmt::format("{}{}", column_letters(column), row); }

    void cell() {
        if (!has_value) return; // a styled empty cell
        if (column >= k_max_worksheet_columns) {
            failure = too_many_columns_message(file, sheet_name, here(), lang);
            return;
        }
        WorksheetCell c;
        c.column = column;
        if (type == "s") {
            long index = -1;
            if (!parse_int(value, index) || index < 0 || static_cast<std::size_t>(index) >= strings.size()) {
                failure = shared_string_message(file, sheet_name, here(), value, lang);
                return;
            }
            c.text = strings[static_cast<std::size_t>(index)];
        } else if (type == "inlineStr" || type == "str") {
            c.text = unescape_xstring(std::move(value));
        } else if (type == "e") {
            c.text = std::move(value);
            c.kind = CellKind::error;
        } else if (type == "b") {
            c.text = value == "1" ? "TRUE" : "FALSE";
            c.kind = CellKind::boolean;
        } else if (type == "d") {
            c.text = std::move(value); // an ISO 8601 date, as it is written
            c.kind = CellKind::date;
        } else {
            NumberFormat format = styles.format_of(style);
            std::string shown = format_cell_number(value, format, date1904);
            c.kind = format.date && !shown.empty() ? CellKind::date : CellKind::number;
            c.text = shown.empty() ? std::move(value) : std::move(shown);
        }
        if (c.text.empty()) return;
        if (rows.empty() || rows.back().number != row) {
            // A row handed on before lends its cells' memory.
            if (spare.empty()) {
                rows.push_back(WorksheetRow{row, {}});
            } else {
                rows.push_back(std::move(spare.back()));
                spare.pop_back();
                rows.back().number = row;
                rows.back().cells.clear();
            }
        }
        std::vector<WorksheetCell> &cells = rows.back().cells;
        if (!cells.empty() && cells.back().column >= c.column) return; // a cell written twice: the first counts
        cells.push_back(std::move(c));
    }
};

/// A <mergeCell ref="A5:A9"/>'s range, or false.
bool merge_range(const char *ref, CellRange &range) {
    if (ref == nullptr) return false;
    std::string_view r(ref);
    std::size_t colon = r.find(':');
    if (colon == std::string_view::npos) return false;
    if (!parse_cell_reference(r.substr(0, colon), range.first_row, range.first_column) ||
        !parse_cell_reference(r.substr(colon + 1), range.last_row, range.last_column))
        return false;
    return range.last_row >= range.first_row && range.last_column >= range.first_column;
}

struct MergeHandler : XmlHandler {
    std::vector<CellRange> &merged;
    explicit MergeHandler(std::vector<CellRange> &merged) : merged(merged) {}
    void start(std::string_view, std::string_view name, const XmlAttributes &a) override {
        // Read without namespaces: "x:mergeCell" is a mergeCell too.
        if (std::size_t colon = name.rfind(':'); colon != std::string_view::npos) name.remove_prefix(colon + 1);
        CellRange range;
        if (name == "mergeCell" && merge_range(a.get("ref"), range)) merged.push_back(range);
    }
    void end(std::string_view, std::string_view) override {}
    void text(std::string_view) override {}
};

/// A worksheet's merged ranges, which its XML lists after its rows: a
/// pass of their own over the inflated part (made when the layout first
/// asks, right after the header rows) only looks for "mergeCells" (no
/// '<' can start a tag inside a value: it is written &lt;), then expat
/// reads that block alone. A block that does not parse gives none: the
/// pass over the rows then says where the XML is broken.
std::vector<CellRange> read_merges(const std::function<std::string_view()> &chunks, const std::string &file,
                                   const std::string &part, Lang lang) {
    constexpr std::string_view k_tag = "mergeCells";
    std::string carry, block;
    bool found = false;
    for (std::string_view c; !(c = chunks()).empty();) {
        if (found) {
            block.append(c);
            continue;
        }
        carry.append(c);
        std::size_t at = 0;
        for (;;) {
            at = carry.find(k_tag, at);
            if (at == std::string::npos) break;
            // The tag's '<', with a prefix ("<x:mergeCells") or none.
            std::size_t lt = carry.rfind('<', at);
            if (lt != std::string::npos && at - lt < 32 && carry[lt + 1] != '/' &&
                carry.find_first_of("<> /", lt + 1) >= at) {
                block = carry.substr(lt);
                found = true;
                break;
            }
            at += k_tag.size();
        }
        if (!found && carry.size() > 64) carry.erase(0, carry.size() - 64);
    }
    std::vector<CellRange> merged;
    if (!found) return merged;
    // Up to the end of the block: "</mergeCells>" or "</x:mergeCells>".
    std::size_t end = block.rfind("mergeCells>");
    std::size_t open_end = block.find('>');
    // None when it is empty (<mergeCells/>) or not closed (the rows' pass says so).
    if (end == std::string::npos || open_end == std::string::npos || end < open_end || block[open_end - 1] == '/')
        return merged;
    block.resize(end + k_tag.size() + 1);
    MergeHandler handler(merged);
    try {
        XmlStream xml(handler, file, part, lang, false);
        xml.feed("<m>");
        xml.feed(block);
        xml.feed("</m>");
        xml.finish();
    } catch (const Error &) {
        merged.clear();
    }
    return merged;
}

/// A worksheet's rows pulled from its part: the XML is fed a chunk at a
/// time until a row is complete (a later row has begun, or the part ended).
class XlsxRows : public WorksheetRows {
public:
    XlsxRows(std::function<std::string_view()> chunks, std::function<std::vector<CellRange>()> merges,
             const std::string &sheet_name, const std::vector<std::string> &strings, const StylesHandler &styles,
             bool date1904, const std::string &file, const std::string &part, Lang lang)
        : m_chunks(std::move(chunks)), m_merges(std::move(merges)),
          m_handler(sheet_name, strings, styles, date1904, file, lang),
          // Namespaces are not read: a worksheet's elements are known by
          // their local names, and expat is faster without.
          m_xml(m_handler, file, part, lang, false) {}

    const std::vector<CellRange> &merged() override {
        if (m_merges) {
            m_merged = m_merges();
            m_merges = nullptr;
        }
        return m_merged;
    }

    bool next(WorksheetRow &row) override {
        while (m_handler.rows.size() < 2 && m_xml.pull(m_chunks)) {
        }
        if (m_handler.rows.empty()) return false;
        std::swap(row, m_handler.rows.front());
        if (m_handler.spare.size() < 64) m_handler.spare.push_back(std::move(m_handler.rows.front()));
        m_handler.rows.pop_front();
        return true;
    }

private:
    std::function<std::string_view()> m_chunks;
    std::function<std::vector<CellRange>()> m_merges;
    SheetHandler m_handler;
    XmlStream m_xml;
};

} // namespace

bool parse_cell_reference(std::string_view ref, long &row, int &column) {
    std::size_t i = 0;
    long c = 0;
    if (i < ref.size() && ref[i] == '$') ++i;
    std::size_t letters = i;
    for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i)
        if ((c = c * 26 + (ref[i] - 'A' + 1)) > 1 << 20) return false;
    if (i == letters) return false;
    if (i < ref.size() && ref[i] == '$') ++i;
    long r = 0;
    if (!parse_int(ref.substr(i), r) || r < 1) return false;
    row = r;
    column = static_cast<int>(c - 1);
    return true;
}

Worksheet parse_worksheet_xml(std::string_view xml, const std::vector<std::string> &strings, const std::string &name,
                              Lang lang) {
    const std::string sheet = "Sheet1";
    StylesHandler styles;
    const std::string part = "xl/worksheets/sheet1.xml";
    XlsxRows rows(
        text_chunks(xml), [&] { return read_merges(text_chunks(xml), name, part, lang); }, sheet, strings, styles,
        false, name, part, lang);
    return whole_worksheet(sheet, rows);
}

void read_xlsx(const ZipContainer &zip, const std::string &name, Lang lang, bool names_only,
               const std::function<void(const std::string &, WorksheetRows &, std::size_t, std::size_t)> &sheet) {
    WorkbookHandler workbook;
    parse_part(zip, name, "xl/workbook.xml", workbook, lang);
    if (workbook.strict) throw Error(strict_ooxml_message(name, lang));
    RelationsHandler relations;
    if (zip.has("xl/_rels/workbook.xml.rels")) parse_part(zip, name, "xl/_rels/workbook.xml.rels", relations, lang);

    SharedStringsHandler strings;
    StylesHandler styles;
    if (!names_only) {
        std::string part = relations.shared_strings.empty() ? "xl/sharedStrings.xml" : relations.shared_strings;
        if (zip.has(part)) parse_part(zip, name, part, strings, lang);
        part = relations.styles.empty() ? "xl/styles.xml" : relations.styles;
        if (zip.has(part)) parse_part(zip, name, part, styles, lang);
    }

    // Chart sheets and dialog sheets have no relation of worksheet type: not sheets.
    std::vector<std::pair<std::string, std::string>> parts;
    for (const SheetEntry &entry : workbook.sheets)
        if (auto it = relations.worksheets.find(entry.relation); it != relations.worksheets.end())
            parts.emplace_back(entry.name, it->second);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string &sheet_name = parts[i].first;
        const std::string &part = parts[i].second;
        if (names_only) {
            NoRows none;
            sheet(sheet_name, none, i, parts.size());
            continue;
        }
        auto merges = [&] {
            ZipPart again(zip, part);
            return read_merges([&] { return again.next(); }, name, part, lang);
        };
        ZipPart file(zip, part);
        XlsxRows rows([&] { return file.next(); }, merges, sheet_name, strings.strings, styles, workbook.date1904, name,
                      part, lang);
        sheet(sheet_name, rows, i, parts.size());
        for (WorksheetRow rest; rows.next(rest);) {
            // the rows the caller did not pull: their errors are the workbook's
        }
    }
}

} // namespace cchc::workbook_detail
