// OpenDocument spreadsheets (.ods): content.xml streamed through expat.
// Repeated rows and cells (table:number-rows-repeated,
// table:number-columns-repeated) are expanded only when they hold a value,
// within the worksheet limits; a cell's text is its paragraphs, a number's
// is office:value shown with the decimals its displayed text has.
#include "ods.hpp"
#include "workbook_messages.hpp"
#include "xml_stream.hpp"
#include "zip_container.hpp"

#include <cchc/base/error.hpp>
#include <cchc/input/workbook/number_text.hpp>
#include <cchc/input/workbook/workbook.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <deque>

namespace cchc::workbook_detail {

namespace {

long count_attribute(const XmlAttributes &a, std::string_view name) {
    const char *v = a.get(name);
    if (v == nullptr) return 1;
    long n = 0;
    std::string_view s(v);
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    // Capped past the worksheet limits: sums of them cannot overflow.
    return ec == std::errc() && end == s.data() + s.size() && n >= 1 ? std::min(n, 1L << 24) : 1;
}

/// Decimals of a displayed number ("1,91", "3.10", "95,65 %"): the digits
/// after its last separator; -1 when the text is no plain number.
int shown_decimals(std::string_view shown) {
    std::size_t sep = shown.find_last_of(".,");
    if (sep == std::string_view::npos) return shown.find_first_of("0123456789") != std::string_view::npos ? 0 : -1;
    int n = 0;
    for (std::size_t i = sep + 1; i < shown.size() && shown[i] >= '0' && shown[i] <= '9'; ++i)
        ++n;
    return n;
}

/// The most cells repeated rows with values may expand to in a worksheet.
constexpr long k_max_repeated_cells = 20'000'000;

/// What content.xml says, in its order: a table begins, a merged range
/// (on its first cell, before its row is complete), a row, a table ends.
struct ContentEvent {
    enum class Kind : unsigned char { table, merge, row, end } kind;
    WorksheetRow row;
    CellRange range;
    std::string name; // the table's
    long repeat = 1;  // a row's: it stands for this many rows
};

struct ContentHandler : XmlHandler {
    ContentHandler(const std::string &file, Lang lang, bool names_only)
        : file(file), lang(lang), names_only(names_only) {}

    const std::string &file;
    Lang lang;
    bool names_only;

    std::deque<ContentEvent> events;
    std::string sheet_name;
    bool in_table = false;
    long row = 0;        // the row being read, 1-based
    long row_repeat = 1; // how many times it repeats
    int column = 0;      // the next cell's column
    long column_repeat = 1;
    long rows_spanned = 1, columns_spanned = 1;
    std::string value_type, value, shown_text;
    int paragraphs = 0, in_p = 0, annotation = 0;
    std::vector<WorksheetCell> cells; // the row's
    long repeated = 0;                // cells copied into repeated rows so far

    void start(std::string_view, std::string_view name, const XmlAttributes &a) override {
        if (name == "table") {
            const char *n = a.get("name");
            sheet_name = n ? n : "";
            events.push_back(ContentEvent{ContentEvent::Kind::table, {}, {}, sheet_name});
            in_table = true;
            repeated = 0;
            row = 0;
            row_repeat = 1;
            cells.clear();
        } else if (!in_table || names_only) {
            return;
        } else if (name == "table-row") {
            if (!cells.empty()) finish_row(); // cells before any <table-row>: row 1's
            ++row;
            row_repeat = count_attribute(a, "number-rows-repeated");
            column = 0;
            cells.clear();
        } else if (name == "table-cell" || name == "covered-table-cell") {
            if (row == 0) row = 1; // a cell before any <table-row> (a broken file): the first row
            column_repeat = count_attribute(a, "number-columns-repeated");
            rows_spanned = count_attribute(a, "number-rows-spanned");
            columns_spanned = count_attribute(a, "number-columns-spanned");
            const char *t = a.get("value-type");
            value_type = t ? t : "";
            const char *v = a.get(value_type == "date"      ? "date-value"
                                  : value_type == "boolean" ? "boolean-value"
                                                            : "value");
            value = v ? v : "";
            shown_text.clear();
            paragraphs = 0;
        } else if (name == "annotation") {
            ++annotation;
        } else if (annotation > 0) {
            return;
        } else if (name == "p") {
            if (paragraphs++ > 0) shown_text.push_back('\n');
            ++in_p;
        } else if (name == "s" && in_p) {
            shown_text.append(static_cast<std::size_t>(std::min(count_attribute(a, "c"), 1000L)), ' ');
        } else if (name == "tab" && in_p) {
            shown_text.push_back('\t');
        } else if (name == "line-break" && in_p) {
            shown_text.push_back('\n');
        }
    }

    void end(std::string_view, std::string_view name) override {
        if (name == "table") {
            if (!cells.empty() && !names_only) finish_row();
            in_table = false;
            events.push_back(ContentEvent{ContentEvent::Kind::end, {}, {}, {}});
        } else if (!in_table || names_only) {
            return;
        } else if (name == "annotation") {
            --annotation;
        } else if (name == "p" && annotation == 0) {
            --in_p;
        } else if (name == "table-cell" || name == "covered-table-cell") {
            cell();
        } else if (name == "table-row") {
            finish_row();
        }
    }

    void text(std::string_view data) override {
        if (in_p > 0 && annotation == 0) shown_text.append(data);
    }

    void cell() {
        std::string shown;
        CellKind kind = CellKind::text;
        if (value_type == "float" || value_type == "currency" || value_type == "percentage") {
            NumberFormat f;
            f.decimals = shown_decimals(shown_text);
            f.percent = value_type == "percentage";
            shown = format_cell_number(value, f);
            if (shown.empty()) shown = shown_text;
            kind = CellKind::number;
        } else if (value_type == "date") {
            shown = iso_date_text(value);
            kind = CellKind::date;
        } else if (value_type == "boolean") {
            shown = value == "true" ? "TRUE" : "FALSE";
            kind = CellKind::boolean;
        } else {
            shown = shown_text;
            if (shown.starts_with('#') && value_type.empty() && shown.ends_with('!')) kind = CellKind::error;
        }
        if (!shown.empty()) {
            if (static_cast<long>(column) + column_repeat > k_max_worksheet_columns) {
                failure = too_many_columns_message(
                    file, sheet_name, fmt::format("{}{}", column_letters(k_max_worksheet_columns), row), lang);
                return;
            }
            for (long k = 0; k < column_repeat; ++k)
                cells.push_back(WorksheetCell{column + static_cast<int>(k), shown, kind});
        }
        if (rows_spanned > 1 || columns_spanned > 1)
            events.push_back(ContentEvent{ContentEvent::Kind::merge,
                                          {},
                                          CellRange{row, row + rows_spanned - 1, column,
                                                    column + static_cast<int>(std::min(columns_spanned, 100000L)) - 1},
                                          {}});
        column = static_cast<int>(
            std::min(static_cast<long>(column) + column_repeat, static_cast<long>(k_max_worksheet_columns) + 1));
    }

    void finish_row() {
        if (!cells.empty()) {
            // A row of values repeated a million times is refused before it is copied.
            if (row + row_repeat - 1 > k_max_worksheet_rows ||
                (repeated += static_cast<long>(cells.size()) * (row_repeat - 1)) > k_max_repeated_cells) {
                failure = too_many_rows_message(file, sheet_name, lang);
                return;
            }
            events.push_back(ContentEvent{ContentEvent::Kind::row, WorksheetRow{row, cells}, {}, {}, row_repeat});
        }
        row = std::min(row + row_repeat - 1, k_max_worksheet_rows + 1);
        if (row > k_max_worksheet_rows && !cells.empty()) failure = too_many_rows_message(file, sheet_name, lang);
        cells.clear();
    }
};

/// content.xml's events pulled a chunk of XML at a time.
class ContentStream {
public:
    ContentStream(std::function<std::string_view()> chunks, const std::string &file, Lang lang, bool names_only)
        : m_chunks(std::move(chunks)), m_handler(file, lang, names_only), m_xml(m_handler, file, "content.xml", lang) {}

    bool next(ContentEvent &event) {
        while (m_handler.events.empty() && m_xml.pull(m_chunks)) {
        }
        if (m_handler.events.empty()) return false;
        std::swap(event, m_handler.events.front());
        m_handler.events.pop_front();
        return true;
    }

private:
    std::function<std::string_view()> m_chunks;
    ContentHandler m_handler;
    XmlStream m_xml;
};

/// One table's rows, up to its end; its spans as they come.
class TableRows : public WorksheetRows {
public:
    explicit TableRows(ContentStream &stream) : m_stream(stream) {}
    bool next(WorksheetRow &row) override {
        if (m_left > 0) { // a repeated row's next copy
            row = m_event.row;
            row.number += m_event.repeat - m_left--;
            return true;
        }
        while (!m_ended && m_stream.next(m_event)) {
            switch (m_event.kind) {
            case ContentEvent::Kind::merge: m_merged.push_back(m_event.range); break;
            case ContentEvent::Kind::row:
                if (m_event.repeat > 1) {
                    m_left = m_event.repeat - 1;
                    row = m_event.row;
                } else {
                    std::swap(row, m_event.row);
                }
                return true;
            default: m_ended = true; break; // its end (a table cannot begin inside another)
            }
        }
        m_ended = true;
        return false;
    }

private:
    ContentStream &m_stream;
    ContentEvent m_event{};
    long m_left = 0;
    bool m_ended = false;
};

void read_content(ContentStream &stream,
                  const std::function<void(const std::string &, WorksheetRows &, std::size_t, std::size_t)> &sheet) {
    std::size_t index = 0;
    for (ContentEvent event{}; stream.next(event);) {
        if (event.kind != ContentEvent::Kind::table) continue;
        TableRows rows(stream);
        sheet(event.name, rows, index++, 0);
        for (WorksheetRow rest; rows.next(rest);) {
            // the rows the caller did not pull: their errors are the workbook's
        }
    }
}

} // namespace

std::vector<Worksheet> parse_content_xml(std::string_view xml, const std::string &name, Lang lang) {
    std::vector<Worksheet> out;
    ContentStream stream(text_chunks(xml), name, lang, false);
    read_content(stream, [&](const std::string &worksheet, WorksheetRows &rows, std::size_t, std::size_t) {
        out.push_back(whole_worksheet(worksheet, rows));
    });
    return out;
}

void read_ods(const ZipContainer &zip, const std::string &name, Lang lang, bool names_only,
              const std::function<void(const std::string &, WorksheetRows &, std::size_t, std::size_t)> &sheet) {
    ZipPart part(zip, "content.xml");
    ContentStream stream([&] { return part.next(); }, name, lang, names_only);
    read_content(stream, sheet);
}

} // namespace cchc::workbook_detail
