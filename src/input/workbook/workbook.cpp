// Workbooks recognised by their bytes and read by their kind (see
// input/workbook/workbook.hpp): the zip ones part by part, .xls by freexl.
#include "ods.hpp"
#include "workbook_messages.hpp"
#include "xlsx.hpp"
#include "zip_container.hpp"

#include <cchc/base/error.hpp>
#include <cchc/input/workbook/workbook.hpp>

#include <algorithm>

namespace cchc {

namespace {

constexpr std::string_view k_zip_magic("PK\x03\x04", 4);
constexpr std::string_view k_empty_zip_magic("PK\x05\x06", 4);
constexpr std::string_view k_ole_magic("\xD0\xCF\x11\xE0", 4);

/// "EncryptedPackage" as an OLE directory entry names it (UTF-16LE).
bool holds_encrypted_package(std::string_view bytes) {
    static const std::string name = [] {
        std::string s;
        for (char c : std::string_view("EncryptedPackage")) {
            s.push_back(c);
            s.push_back('\0');
        }
        return s;
    }();
    return bytes.find(name) != std::string_view::npos;
}

std::string lower(std::string s) {
    for (char &c : s)
        c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return s;
}

WorkbookKind zip_kind(const workbook_detail::ZipContainer &zip) {
    if (zip.has("xl/workbook.xml")) return WorkbookKind::xlsx;
    if (zip.has("xl/workbook.bin")) return WorkbookKind::xlsb;
    if (zip.has("content.xml") && zip.has("mimetype")) return WorkbookKind::ods;
    return WorkbookKind::zip_other;
}

} // namespace

bool starts_like_workbook(std::string_view head) {
    return head.starts_with(k_zip_magic) || head.starts_with(k_empty_zip_magic) || head.starts_with(k_ole_magic);
}

bool has_workbook_extension(const std::string &path) {
    std::size_t dot = path.find_last_of('.');
    if (dot == std::string::npos) return false;
    std::string ext = lower(path.substr(dot));
    return ext == ".xlsx" || ext == ".xlsm" || ext == ".ods" || ext == ".xls";
}

WorkbookKind workbook_kind(std::string_view bytes) {
    if (bytes.starts_with(k_ole_magic))
        return holds_encrypted_package(bytes) ? WorkbookKind::encrypted : WorkbookKind::xls;
    if (!bytes.starts_with(k_zip_magic) && !bytes.starts_with(k_empty_zip_magic)) return WorkbookKind::none;
    try {
        workbook_detail::ZipContainer zip(bytes, "", Lang::en);
        return zip_kind(zip);
    } catch (const Error &) {
        return WorkbookKind::zip_other;
    }
}

std::string column_letters(int column) {
    std::string out;
    for (long c = static_cast<long>(column) + 1; c > 0; c = (c - 1) / 26)
        out.push_back(static_cast<char>('A' + (c - 1) % 26));
    std::reverse(out.begin(), out.end());
    return out;
}

namespace workbook_detail {
void read_xls(std::string_view bytes, const std::string &name, Lang lang, bool names_only,
              const std::function<void(const std::string &, WorksheetRows &, std::size_t, std::size_t)> &sheet);
} // namespace workbook_detail

namespace {

using SheetCall = std::function<void(const std::string &, WorksheetRows &, std::size_t, std::size_t)>;

void read_any(std::string_view bytes, const std::string &name, Lang lang, bool names_only, const SheetCall &sheet) {
    using namespace workbook_detail;
    if (bytes.starts_with(k_ole_magic)) {
        if (holds_encrypted_package(bytes)) throw Error(encrypted_workbook_message(name, lang));
        read_xls(bytes, name, lang, names_only, sheet);
        return;
    }
    ZipContainer zip(bytes, name, lang);
    switch (zip_kind(zip)) {
    case WorkbookKind::xlsx: read_xlsx(zip, name, lang, names_only, sheet); return;
    case WorkbookKind::ods: read_ods(zip, name, lang, names_only, sheet); return;
    case WorkbookKind::xlsb: throw Error(xlsb_message(name, lang));
    default: throw Error(not_a_workbook_message(name, lang));
    }
}

} // namespace

void read_workbook(std::string_view bytes, const std::string &name, Lang lang, const SheetCall &sheet) {
    read_any(bytes, name, lang, false, sheet);
}

Worksheet whole_worksheet(const std::string &name, WorksheetRows &rows) {
    Worksheet ws;
    ws.name = name;
    for (WorksheetRow row; rows.next(row);)
        ws.rows.push_back(std::move(row));
    ws.merged = rows.merged();
    return ws;
}

std::vector<Worksheet> read_whole_workbook(std::string_view bytes, const std::string &name, Lang lang) {
    std::vector<Worksheet> out;
    read_any(bytes, name, lang, false,
             [&](const std::string &worksheet, WorksheetRows &rows, std::size_t, std::size_t) {
                 out.push_back(whole_worksheet(worksheet, rows));
             });
    return out;
}

std::vector<std::string> worksheet_names(std::string_view bytes, const std::string &name, Lang lang) {
    std::vector<std::string> names;
    read_any(bytes, name, lang, true, [&](const std::string &worksheet, WorksheetRows &, std::size_t, std::size_t) {
        names.push_back(worksheet);
    });
    return names;
}

} // namespace cchc
