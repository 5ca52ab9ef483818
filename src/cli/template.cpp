// `cchc template [--criteria F]`: a blank sheet for a clerk to fill in,
// with the canonical Vietnamese headers; with a catalog, pre-filled with
// its codes, names and maxima in hierarchy order. `cchc check` accepts what
// it writes (unscored rows are counted once, as information).
#include "common.hpp"
#include "help.hpp"

#include <cchc/base/error.hpp>
#include <cchc/input/header.hpp>
#include <cchc/model/catalog.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <memory>
#include <sstream>

namespace cchc::cli {

namespace {

struct TemplateOptions {
    std::string criteria;
    std::string output;
    std::string encoding;
    std::string lang = "vi";
    bool bom = false;
    bool decimal_comma = false;
};

int run_template(const TemplateOptions &o) {
    const std::vector<Column> columns = {Column::code,      Column::content, Column::max,  Column::self,
                                         Column::appraised, Column::lost,    Column::note, Column::owner};
    const char delimiter = o.decimal_comma ? ';' : ',';
    std::ostringstream out;
    if (o.bom) out << "\xEF\xBB\xBF";
    std::vector<std::string> header;
    for (Column c : columns)
        header.emplace_back(column_info(c).canonical_vi);
    write_delimited_row(out, header, {}, delimiter);

    if (!o.criteria.empty()) {
        LoadOptions load;
        load.encoding = o.encoding;
        load.lang = parse_lang(o.lang);
        Catalog catalog;
        try {
            catalog = load_catalog(o.criteria, load);
        } catch (const InputError &e) {
            throw Error(fmt::format("{}:{}: {} (--criteria)", e.file(), e.line(), e.what()));
        }
        std::vector<const CatalogEntry *> entries;
        for (const CatalogEntry &e : catalog.entries)
            entries.push_back(&e);
        // Hierarchy order: 1 < 1.1 < 1.1.1 < 1.2 < 2 … whatever order the catalog used.
        std::stable_sort(entries.begin(), entries.end(),
                         [](const CatalogEntry *a, const CatalogEntry *b) { return code_less(a->key, b->key); });
        const std::vector<bool> numeric = {false, false, true};
        for (const CatalogEntry *e : entries)
            write_delimited_row(out,
                                {e->code, e->name, e->max.format(0, o.decimal_comma ? ',' : '.'), "", "", "", "", ""},
                                numeric, delimiter);
    }
    return write_result(out.str(), o.output, parse_lang(o.lang));
}

} // namespace

void setup_template(CLI::App &app, int &status, Lang lang) {
    auto options = std::make_shared<TemplateOptions>();
    CLI::App *command = add_command(app, "template",
                                    tr(lang, "bảng điểm trống để điền, có sẵn các tiêu chí từ bộ tiêu chí",
                                       "a blank sheet to fill in, pre-filled from a criteria catalog"),
                                    lang);
    set_examples(*command,
                 {{"cchc template -o bang-diem.csv", "bảng điểm trống với các cột chuẩn",
                   "a blank sheet with the standard columns"},
                  {"cchc template --criteria samples/catalog-phuong-1-2023.csv --decimal-comma --bom -o bang-diem.csv",
                   "điền sẵn mã, nội dung và điểm tối đa từ bộ tiêu chí; mở thẳng bằng Excel cài tiếng Việt",
                   "pre-filled with the catalog's codes, names and maxima, for a Vietnamese-locale Excel"}},
                 lang);
    command
        ->add_option("--criteria", options->criteria,
                     tr(lang, "bộ tiêu chí (code,name,max; CSV hay sổ tính) để điền sẵn các dòng",
                        "criteria catalog (code,name,max; CSV or workbook) to pre-fill the rows"))
        ->type_name(tr(lang, "TỆP", "FILE"));
    command
        ->add_option("-o,--output", options->output,
                     tr(lang, "ghi vào TỆP (trọn vẹn, qua tệp tạm) thay vì đầu ra chuẩn",
                        "write to FILE (atomically) instead of standard output"))
        ->type_name(tr(lang, "TỆP", "FILE"));
    command
        ->add_option(
            "--encoding", options->encoding,
            tr(lang, "bảng mã của bộ tiêu chí (mặc định: tự nhận biết)", "the catalog's encoding (default: detected)"))
        ->type_name(tr(lang, "BẢNG_MÃ", "ENCODING"));
    command
        ->add_option("--lang", options->lang,
                     tr(lang, "ngôn ngữ của thông báo và trợ giúp: vi, en", "language of messages and help: vi, en"))
        ->check(CLI::IsMember({"vi", "en"}))
        ->type_name(tr(lang, "NGÔN_NGỮ", "LANG"));
    command->add_flag("--bom", options->bom,
                      tr(lang, "thêm BOM UTF-8 ở đầu, cho Excel", "begin with a UTF-8 BOM, for Excel"));
    command->add_flag("--decimal-comma", options->decimal_comma,
                      tr(lang, "ghi điểm tối đa dạng 1,5 và phân cách ô bằng ';', cho bảng tính cài đặt tiếng Việt",
                         "write maxima as 1,5 and separate cells with ';', for a Vietnamese-locale spreadsheet"));
    command->callback([options, &status] { status = run_template(*options); });
}

} // namespace cchc::cli
