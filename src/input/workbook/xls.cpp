// Excel 97–2003 workbooks (.xls, BIFF) through freexl. freexl opens a
// path only: the bytes go to a private temporary file, removed at once
// after opening. A number is the double freexl gives, written with 17
// digits and shown with 15 significant ones (the .xls number format is not
// read: General).
#include "workbook_messages.hpp"

#include <cchc/base/error.hpp>
#include <cchc/input/workbook/number_text.hpp>
#include <cchc/input/workbook/workbook.hpp>
#include <cchc/platform/platform.hpp>

#include <fmt/format.h>
#include <freexl.h>

#include <cerrno>
#include <cstdlib>
#include <unistd.h>

namespace cchc::workbook_detail {

namespace {

class TempFile {
public:
    TempFile(std::string_view bytes, const std::string &name, Lang lang) {
        int fd = -1;
        m_path = platform::make_temp_file("cchc-xls", fd);
        if (fd < 0) throw Error(xls_message(name, "mkstemp", lang));
        std::size_t done = 0;
        while (done < bytes.size()) {
            ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) {
                ::close(fd);
                platform::remove_file(m_path);
                throw Error(xls_message(name, "write", lang));
            }
            done += static_cast<std::size_t>(n);
        }
        ::close(fd);
    }
    ~TempFile() { platform::remove_file(m_path); }
    TempFile(const TempFile &) = delete;
    TempFile &operator=(const TempFile &) = delete;
    const std::string &path() const { return m_path; }

private:
    std::string m_path;
};

class Handle {
public:
    ~Handle() {
        if (m_handle != nullptr) freexl_close(m_handle);
    }
    const void *m_handle = nullptr;
};

std::string why(int code) {
    switch (code) {
    case FREEXL_CRAFTED_FILE: return "corrupted";
    case FREEXL_BIFF_WORKBOOK_NOT_FOUND: return "no BIFF workbook inside";
    case FREEXL_INSUFFICIENT_MEMORY: return "memory";
    default: return fmt::format("freexl {}", code);
    }
}

} // namespace

namespace {

/// A worksheet's rows read from freexl one row at a time. freexl holds the
/// whole workbook's cells itself once it has opened it (BIFF is not
/// streamed); only the rows handed on are not copied whole.
class XlsRows : public WorksheetRows {
public:
    XlsRows(const void *handle, unsigned rows, unsigned short columns, const std::string &file,
            const std::string &sheet, Lang lang)
        : m_handle(handle), m_rows(rows), m_columns(columns), m_file(file), m_sheet(sheet), m_lang(lang) {}

    bool next(WorksheetRow &row) override {
        for (; m_next < m_rows; ++m_next) {
            const unsigned r = m_next;
            row.number = static_cast<long>(r) + 1;
            row.cells.clear();
            for (unsigned short c = 0; c < m_columns; ++c) {
                FreeXL_CellValue v;
                if (freexl_get_cell_value(m_handle, r, c, &v) != FREEXL_OK) continue;
                WorksheetCell cell;
                cell.column = c;
                switch (v.type) {
                case FREEXL_CELL_INT:
                    cell.text = std::to_string(v.value.int_value);
                    cell.kind = CellKind::number;
                    break;
                case FREEXL_CELL_DOUBLE:
                    cell.text = displayed_number(fmt::format("{:.17g}", v.value.double_value), -1);
                    cell.kind = CellKind::number;
                    break;
                case FREEXL_CELL_TEXT:
                case FREEXL_CELL_SST_TEXT: cell.text = v.value.text_value ? v.value.text_value : ""; break;
                case FREEXL_CELL_DATE:
                case FREEXL_CELL_DATETIME:
                case FREEXL_CELL_TIME:
                    cell.text = iso_date_text(v.value.text_value ? v.value.text_value : "");
                    cell.kind = CellKind::date;
                    break;
                default: continue;
                }
                if (cell.text.empty()) continue;
                if (c >= k_max_worksheet_columns)
                    throw Error(too_many_columns_message(m_file, m_sheet, fmt::format("{}{}", column_letters(c), r + 1),
                                                         m_lang));
                row.cells.push_back(std::move(cell));
            }
            if (!row.cells.empty()) {
                ++m_next;
                return true;
            }
        }
        return false;
    }

private:
    const void *m_handle;
    unsigned m_rows;
    unsigned short m_columns;
    const std::string &m_file;
    const std::string &m_sheet;
    Lang m_lang;
    unsigned m_next = 0;
};

class NoXlsRows : public WorksheetRows {
public:
    bool next(WorksheetRow &) override { return false; }
};

} // namespace

void read_xls(std::string_view bytes, const std::string &name, Lang lang, bool names_only,
              const std::function<void(const std::string &, WorksheetRows &, std::size_t, std::size_t)> &sheet) {
    TempFile temp(bytes, name, lang);
    Handle h;
    int rc = freexl_open(temp.path().c_str(), &h.m_handle);
    if (rc != FREEXL_OK) throw Error(xls_message(name, why(rc), lang));
    unsigned count = 0;
    if (freexl_get_info(h.m_handle, FREEXL_BIFF_SHEET_COUNT, &count) != FREEXL_OK)
        throw Error(xls_message(name, "sheet count", lang));
    for (unsigned i = 0; i < count; ++i) {
        std::string ws_name;
        const char *sheet_name = nullptr;
        if (freexl_get_worksheet_name(h.m_handle, static_cast<unsigned short>(i), &sheet_name) == FREEXL_OK &&
            sheet_name)
            ws_name = sheet_name;
        if (names_only) {
            NoXlsRows none;
            sheet(ws_name, none, i, count);
            continue;
        }
        if (freexl_select_active_worksheet(h.m_handle, static_cast<unsigned short>(i)) != FREEXL_OK)
            throw Error(xls_message(name, "worksheet", lang));
        unsigned rows = 0;
        unsigned short columns = 0;
        if (freexl_worksheet_dimensions(h.m_handle, &rows, &columns) != FREEXL_OK)
            throw Error(xls_message(name, "dimensions", lang));
        if (rows > static_cast<unsigned>(k_max_worksheet_rows)) throw Error(too_many_rows_message(name, ws_name, lang));
        XlsRows reader(h.m_handle, rows, columns, name, ws_name, lang);
        sheet(ws_name, reader, i, count);
        for (WorksheetRow rest; reader.next(rest);) {
            // the rows the caller did not pull: their errors are the workbook's
        }
    }
}

} // namespace cchc::workbook_detail
