// One file → its sheets (loader.hpp): the reference sheet, title rows,
// delimiters, units, missing columns and the rows that are skipped.
#include "test_support.hpp"

#include <cchc/base/error.hpp>
#include <cchc/checks/checks.hpp>
#include <cchc/checks/file_checks.hpp>
#include <cchc/layout/loader.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

using cchc::LoadedFile;
using cchc::LoadOptions;
using cchc::Row;
using cchc::RowKind;
using cchc::Sheet;
using cchc::test::load_text;

namespace {

std::size_t count_kind(const Sheet &sheet, RowKind kind) {
    return static_cast<std::size_t>(
        std::count_if(sheet.rows.begin(), sheet.rows.end(), [&](const Row &r) { return r.kind == kind; }));
}

const Row &row_of(const Sheet &sheet, const std::string &code) {
    auto it = std::find_if(sheet.rows.begin(), sheet.rows.end(), [&](const Row &r) { return r.code == code; });
    REQUIRE_MESSAGE(it != sheet.rows.end(), "no row " << code);
    return *it;
}

std::vector<std::string> codes_of(const Sheet &sheet) {
    std::vector<std::string> out;
    for (const Row &r : sheet.rows)
        out.push_back(r.code);
    return out;
}

std::vector<long> lines_of(const Sheet &sheet) {
    std::vector<long> out;
    for (const Row &r : sheet.rows)
        out.push_back(r.line);
    return out;
}

/// The findings about the file as a whole, made from what the loader recorded.
std::vector<cchc::Finding> findings_of(const LoadedFile &file, cchc::Lang lang = cchc::Lang::en) {
    return cchc::check_file(file, lang);
}

LoadOptions english() {
    LoadOptions options;
    options.lang = cchc::Lang::en;
    return options;
}

} // namespace

TEST_CASE("the reference sheet loads as one sheet of 16 criteria and a total row") {
    LoadedFile file = cchc::load_file(cchc::test::reference_sheet_path(), {});
    CHECK(file.file == cchc::test::reference_sheet_path());
    CHECK(file.encoding == "UTF-8");
    CHECK(file.delimiter == ',');
    CHECK(findings_of(file).empty());
    REQUIRE(file.sheets.size() == 1);
    const Sheet &sheet = file.sheets.front();

    SUBCASE("rows") {
        CHECK(count_kind(sheet, RowKind::criterion) == 16);
        CHECK(count_kind(sheet, RowKind::total) == 1);
        CHECK(sheet.rows.size() == 17);
        CHECK(sheet.skipped_rows == 0);
        CHECK(codes_of(sheet) == std::vector<std::string>{"1.1.3", "1.5.3", "1.5.4", "1.6", "1.7", "3.11.1", "3.11.2",
                                                          "3.12.1", "3.12.2", "3.13.2", "3.13.3", "4.4", "7.1.4", "7.2",
                                                          "7.3.1", "7.3.2", "Tổng cộng"});
    }
    SUBCASE("physical lines: the header spans lines 1 to 10") {
        CHECK(sheet.header_line == 1);
        CHECK(row_of(sheet, "1.1.3").line == 11);
        CHECK(lines_of(sheet) == std::vector<long>{11, 22, 31, 38, 44, 54, 59, 63, 70, 74, 78, 82, 88, 92, 95, 97, 99});
    }
    SUBCASE("unit and file") {
        CHECK(sheet.unit == "phuong-1-2023");
        CHECK(sheet.period.empty());
        CHECK(sheet.file == cchc::test::reference_sheet_path());
        CHECK(sheet.encoding == "UTF-8");
    }
    SUBCASE("the cells of 1.1.3") {
        const Row &row = row_of(sheet, "1.1.3");
        CHECK(row.kind == RowKind::criterion);
        CHECK(row.key == "1.1.3");
        CHECK(row.code_well_formed);
        CHECK(row.domain() == "1");
        CHECK(row.content == "Mức độ thực hiện kế hoạch CCHC");
        CHECK(row.max.text == "2");
        CHECK(row.max.number.value.units() == 2000);
        CHECK(row.self.number.value.units() == 2000);
        CHECK(row.appraised.text == "1.91");
        CHECK(row.appraised.number.value.units() == 1910);
        CHECK(row.lost.number.value.units() == 90);
        CHECK(row.note ==
              "Hoàn thành 44/46\nnhiệm vụ, đạt 95,68%\n- Các bộ phận chưa\nđề xuất cắt giảm thủ\ntục hành chính (LĐ\n"
              "TBXH, Tư pháp -\nHộ tịch).\n- Chưa đề ra giải\npháp cụ thể và báo\ncáo kết quả nâng\ncao các chỉ số");
        CHECK(row.owner.empty());
    }
    SUBCASE("owners are on one line") {
        CHECK(row_of(sheet, "1.5.3").owner == "- Văn phòng - Thống kê (phụ trách CCHC)");
        CHECK(row_of(sheet, "1.5.4").owner == "Công chức phụ trách CCHC và công chức chuyên môn");
        CHECK(row_of(sheet, "7.2").owner == "Công chức VH-XH");
    }
    SUBCASE("the total row") {
        const Row &total = sheet.rows.back();
        CHECK(total.kind == RowKind::total);
        CHECK(total.max.number.value.units() == 20000);
        CHECK(total.self.number.value.units() == 18500);
        CHECK(total.appraised.number.value.units() == 11000);
        CHECK(total.lost.number.value.units() == 9000);
    }
}

TEST_CASE("a header below title rows is found") {
    LoadedFile file = load_text("PHỤ LỤC\n"
                                "\"TỔNG HỢP CÁC NỘI DUNG THỰC HIỆN CẢI CÁCH HÀNH CHÍNH BỊ TRỪ ĐIỂM NĂM 2023\"\n"
                                "\"(Kèm theo Báo cáo số 125/BC-UBND ngày 22/6/2023 của UBND phường)\",,,\n"
                                ",,,\n"
                                "Mục,Nội dung,Điểm tối đa,Điểm thẩm định\n"
                                "1.1,Tiêu chí A,2,1.5\n"
                                "1.2,Tiêu chí B,1,1\n");
    CHECK(findings_of(file).empty());
    REQUIRE(file.sheets.size() == 1);
    const Sheet &sheet = file.sheets.front();
    CHECK(sheet.header_line == 5);
    CHECK(codes_of(sheet) == std::vector<std::string>{"1.1", "1.2"});
    CHECK(lines_of(sheet) == std::vector<long>{6, 7});
    CHECK(row_of(sheet, "1.1").appraised.number.value.units() == 1500);
    CHECK(row_of(sheet, "1.1").content == "Tiêu chí A");
}

TEST_CASE("the delimiter is detected from the header row") {
    struct Case {
        char delimiter;
        std::string text;
    };
    const std::vector<Case> cases = {
        {';', "Mục;Nội dung;Điểm tối đa;Điểm thẩm định\n1.1;Tổ chức, thực hiện;2;1,5\n1.2;\"Có; không\";1;1\n"},
        {'\t', "Mục\tNội dung\tĐiểm tối đa\tĐiểm thẩm định\n1.1\tTổ chức, thực hiện\t2\t1,5\n1.2\tCó; không\t1\t1\n"},
        {'|', "Mục|Nội dung|Điểm tối đa|Điểm thẩm định\n1.1|Tổ chức, thực hiện|2|1.5\n1.2|Có; không|1|1\n"},
        {',', "Mục,Nội dung,Điểm tối đa,Điểm thẩm định\n1.1,\"Tổ chức, thực hiện\",2,\"1,5\"\n1.2,Có; không,1,1\n"},
    };
    for (const Case &c : cases) {
        CAPTURE(c.text);
        LoadedFile file = load_text(c.text);
        CHECK(file.delimiter == c.delimiter);
        CHECK(findings_of(file).empty());
        REQUIRE(file.sheets.size() == 1);
        const Sheet &sheet = file.sheets.front();
        CHECK(codes_of(sheet) == std::vector<std::string>{"1.1", "1.2"});
        CHECK(row_of(sheet, "1.1").content == "Tổ chức, thực hiện");
        CHECK(row_of(sheet, "1.1").appraised.number.value.units() == 1500);
        CHECK(row_of(sheet, "1.2").content == "Có; không");
    }
}

TEST_CASE("a forced delimiter is used as given") {
    const std::string text = "Mục;Nội dung;Điểm tối đa;Điểm thẩm định\n1.1;A;2;1,5\n";
    SUBCASE("the right one") {
        LoadOptions options;
        options.delimiter = ';';
        LoadedFile file = load_text(text, options);
        REQUIRE(file.sheets.size() == 1);
        CHECK(file.delimiter == ';');
        CHECK(file.sheets.front().rows.size() == 1);
    }
    SUBCASE("the wrong one finds no header and says which one would") {
        LoadOptions options = english();
        options.delimiter = '|';
        LoadedFile file = load_text(text, options);
        CHECK(file.sheets.empty());
        REQUIRE(findings_of(file).size() == 1);
        const cchc::Finding f = findings_of(file).front();
        CHECK(f.rule == cchc::Rule::missing_column);
        CHECK(f.severity == cchc::Severity::error);
        CHECK(f.line == 1);
        CHECK(f.message == "no header row in the first 30 rows: the columns Mục, Điểm tối đa, Điểm thẩm định are "
                           "needed; the first row reads: Mục;Nội dung;Điểm tối đa;Điểm thẩm định (the file uses ';' "
                           "as delimiter: drop --delimiter); the names that work: code \"Mục\" (or: muc, ma, ma tieu "
                           "chi, stt, tt, code, no); max \"Điểm tối đa\" (or: diem toi da, toi da, max, maximum "
                           "score, max score); appraised \"Điểm thẩm định\" (or: diem tham dinh, tham dinh, diem "
                           "dat, diem dat duoc, appraised, appraised score, score)");
    }
}

TEST_CASE("a unit column makes one sheet per unit") {
    LoadedFile file = load_text("Đơn vị,Mục,Nội dung,Điểm tối đa,Điểm thẩm định\n"
                                "Phường 1,1.1,A,2,1\n"
                                ",1.2,B,1,1\n"
                                "Phường 2,1.1,A,2,2\n"
                                ",1.2,B,1,0.5\n"
                                ",Tổng cộng,,3,2.5\n"
                                "Phu\xCC\x9Bo\xCC\x9B\xCC\x80ng 1,1.3,C,1,1\n");
    CHECK(findings_of(file).empty());
    REQUIRE(file.sheets.size() == 2);
    const Sheet &first = file.sheets[0];
    const Sheet &second = file.sheets[1];
    CHECK(first.unit == "Phường 1");
    CHECK(second.unit == "Phường 2");
    SUBCASE("blank unit cells belong to the unit above") {
        CHECK(codes_of(second) == std::vector<std::string>{"1.1", "1.2", "Tổng cộng"});
        CHECK(lines_of(second) == std::vector<long>{4, 5, 6});
        CHECK(second.rows.back().kind == RowKind::total);
    }
    SUBCASE("a unit written again, even decomposed, goes back to its sheet") {
        CHECK(codes_of(first) == std::vector<std::string>{"1.1", "1.2", "1.3"});
        CHECK(lines_of(first) == std::vector<long>{2, 3, 7});
    }
    SUBCASE("every sheet knows its header line and file") {
        CHECK(first.header_line == 1);
        CHECK(second.header_line == 1);
        CHECK(first.file == file.file);
    }
}

TEST_CASE("unit and period columns make one sheet per unit and period") {
    LoadedFile file = load_text("Đơn vị,Kỳ đánh giá,Mục,Điểm tối đa,Điểm thẩm định\n"
                                "Phường 1,2022,1.1,2,1\n"
                                ",,1.2,1,1\n"
                                ",2023,1.1,2,2\n"
                                ",,1.2,1,0\n");
    REQUIRE(file.sheets.size() == 2);
    CHECK(file.sheets[0].unit == "Phường 1");
    CHECK(file.sheets[0].period == "2022");
    CHECK(file.sheets[1].unit == "Phường 1");
    CHECK(file.sheets[1].period == "2023");
    CHECK(file.sheets[0].rows.size() == 2);
    CHECK(file.sheets[1].rows.size() == 2);
}

TEST_CASE("without a unit column the unit is the option or the file name") {
    const std::string text = "Mục,Điểm tối đa,Điểm thẩm định\n1.1,2,1\n";
    SUBCASE("file name") {
        LoadedFile file = load_text(text, {}, "xa-an-binh.2023.csv");
        REQUIRE(file.sheets.size() == 1);
        CHECK(file.sheets.front().unit == "xa-an-binh.2023");
    }
    SUBCASE("option") {
        LoadOptions options;
        options.unit = "Phường 1";
        LoadedFile file = load_text(text, options);
        REQUIRE(file.sheets.size() == 1);
        CHECK(file.sheets.front().unit == "Phường 1");
    }
}

TEST_CASE("a missing required column is a finding that names it and suggests an alias") {
    SUBCASE("in English") {
        LoadedFile file = load_text("Mục,Nội dung,Điểm tối đa,Ghi chú\n1.1,A,2,x\n", english());
        CHECK(file.sheets.empty());
        REQUIRE(findings_of(file).size() == 1);
        const cchc::Finding f = findings_of(file).front();
        CHECK(f.rule == cchc::Rule::missing_column);
        CHECK(f.severity == cchc::Severity::error);
        CHECK(f.file == file.file);
        CHECK(f.line == 1);
        CHECK(f.code.empty());
        CHECK(f.message ==
              "no column for appraised (Điểm thẩm định); the header read is: Mục | Nội dung | Điểm tối đa | "
              "Ghi chú; name the column \"Điểm thẩm định\" (or: diem tham dinh, tham dinh, diem dat, "
              "diem dat duoc, appraised, appraised score, score)");
    }
    SUBCASE("in Vietnamese") {
        LoadedFile file = load_text("Mục,Nội dung,Điểm tối đa,Ghi chú\n1.1,A,2,x\n");
        REQUIRE(findings_of(file, cchc::Lang::vi).size() == 1);
        CHECK(findings_of(file, cchc::Lang::vi).front().message ==
              "thiếu cột Điểm thẩm định; tiêu đề đọc được: Mục | Nội dung | Điểm tối đa | Ghi chú; hãy đặt "
              "tên cột là \"Điểm thẩm định\" (hoặc: diem tham dinh, tham dinh, diem dat, diem dat duoc, appraised, "
              "appraised score, score)");
    }
    SUBCASE("below title rows, with a multi-line header cell") {
        LoadedFile file = load_text("PHỤ LỤC\n\nMục,\"Điểm\ntối đa\",Nội dung\n1.1,2,A\n", english());
        REQUIRE(findings_of(file).size() == 1);
        CHECK(findings_of(file).front().line == 3);
        CHECK(findings_of(file).front().message ==
              "no column for appraised (Điểm thẩm định); the header read is: Mục | Điểm tối đa | Nội dung; name the "
              "column \"Điểm thẩm định\" (or: diem tham dinh, tham dinh, diem dat, diem dat duoc, appraised, appraised "
              "score, score)");
    }
    SUBCASE("each missing column is named") {
        LoadedFile file = load_text("Nội dung,Ghi chú\nA,x\n", english());
        REQUIRE(findings_of(file).size() == 3);
        CHECK(findings_of(file)[0].message.rfind("no column for code (Mục);", 0) == 0);
        CHECK(findings_of(file)[1].message.rfind("no column for max (Điểm tối đa);", 0) == 0);
        CHECK(findings_of(file)[2].message.rfind("no column for appraised (Điểm thẩm định);", 0) == 0);
    }
}

TEST_CASE("an empty file is a missing-column finding") {
    for (std::string text : {"", "\n\n", ",,,\n"}) {
        CAPTURE(text);
        LoadedFile file = load_text(text, english());
        CHECK(file.sheets.empty());
        REQUIRE(findings_of(file).size() >= 1);
        CHECK(findings_of(file).front().rule == cchc::Rule::missing_column);
        CHECK(findings_of(file).front().severity == cchc::Severity::error);
    }
}

TEST_CASE("text rows are skipped and counted") {
    LoadedFile file = load_text("Mục,Nội dung,Điểm tối đa,Điểm thẩm định\n"
                                "1.1,A,2,1\n"
                                "\n"
                                ",,,\n"
                                "1.2,B,1,1\n"
                                ",Người lập biểu,,\n"
                                ",\"(Ký, ghi rõ họ tên)\",,\n"
                                "   ,  ,,\n");
    REQUIRE(file.sheets.size() == 1);
    const Sheet &sheet = file.sheets.front();
    CHECK(codes_of(sheet) == std::vector<std::string>{"1.1", "1.2"});
    CHECK(lines_of(sheet) == std::vector<long>{2, 5});
    CHECK(sheet.skipped_rows == 5);
    CHECK(findings_of(file).empty());
}

TEST_CASE("rows are classified as criterion parent heading total or uncoded") {
    LoadedFile file = load_text("Mục,Nội dung,Điểm tối đa,Điểm thẩm định\n"
                                "I,CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH,,\n"
                                "1.5,Kiểm tra,3,2\n"
                                "1.5.1,A,2,1\n"
                                "1.5.2.,B,1,1\n"
                                "II,XÂY DỰNG THỂ CHẾ,,\n"
                                ",Dòng không mã,1,1\n"
                                ",Cộng,3,2\n");
    REQUIRE(file.sheets.size() == 1);
    const Sheet &sheet = file.sheets.front();
    CHECK(codes_of(sheet) == std::vector<std::string>{"I", "1.5", "1.5.1", "1.5.2", "II", "", ""});
    CHECK(sheet.rows[0].kind == RowKind::parent);
    CHECK(sheet.rows[0].key == "1");
    CHECK(sheet.rows[1].kind == RowKind::parent);
    CHECK(sheet.rows[2].kind == RowKind::criterion);
    CHECK(sheet.rows[3].kind == RowKind::criterion);
    CHECK(sheet.rows[4].kind == RowKind::heading);
    CHECK(sheet.rows[5].kind == RowKind::uncoded);
    CHECK(sheet.rows[6].kind == RowKind::total);
}

TEST_CASE("a file that is not UTF-8 is read as Windows-1258 and says so") {
    // "Mục,Nội dung,Điểm tối đa,Điểm thẩm định" and "1.1,Tốt,2,1" in Windows-1258.
    LoadedFile file = load_text("Mu\xF2"
                                "c,N\xF4\xF2i dung,\xD0i\xEA\xD2m t\xF4\xECi \xF0"
                                "a,\xD0i\xEA\xD2m th\xE2\xD2m "
                                "\xF0i\xF2nh\n1.1,T\xF4\xECt,2,1\n",
                                english());
    CHECK(file.encoding == "WINDOWS-1258");
    REQUIRE(findings_of(file).size() == 1);
    CHECK(findings_of(file).front().rule == cchc::Rule::encoding_assumed);
    CHECK(findings_of(file).front().severity == cchc::Severity::info);
    REQUIRE(file.sheets.size() == 1);
    REQUIRE(file.sheets.front().rows.size() == 1);
    CHECK(file.sheets.front().rows.front().content == "Tốt");
    CHECK(file.sheets.front().encoding == "WINDOWS-1258");
}

TEST_CASE("a repeated header column is a warning") {
    LoadedFile file = load_text("Mục,Điểm tối đa,Điểm thẩm định,Thẩm định\n1.1,2,1,1\n", english());
    REQUIRE(findings_of(file).size() == 1);
    CHECK(findings_of(file).front().rule == cchc::Rule::duplicate_column);
    CHECK(findings_of(file).front().severity == cchc::Severity::warning);
    CHECK(findings_of(file).front().line == 1);
    CHECK(findings_of(file).front().message ==
          "column 4 \"Thẩm định\" means the same as column 3; only column 3 is read");
}

TEST_CASE("a file that cannot be opened is an Error") {
    cchc::test::TempDir dir;
    CHECK_THROWS_AS(cchc::load_file((dir.path() / "none.csv").string(), {}), cchc::Error);
}

TEST_CASE("file names and delimiter names") {
    SUBCASE("file_stem") {
        CHECK(cchc::file_stem("samples/phuong-1.csv") == "phuong-1");
        CHECK(cchc::file_stem("phuong-1") == "phuong-1");
        CHECK(cchc::file_stem("/a/b.c/xa.2023.csv") == "xa.2023");
        CHECK(cchc::file_stem("-") == "stdin");
    }
    SUBCASE("display_name") {
        CHECK(cchc::display_name("-") == "<stdin>");
        CHECK(cchc::display_name("a.csv") == "a.csv");
    }
    SUBCASE("parse_delimiter") {
        CHECK(cchc::parse_delimiter(",", cchc::Lang::en) == ',');
        CHECK(cchc::parse_delimiter("comma", cchc::Lang::en) == ',');
        CHECK(cchc::parse_delimiter(";", cchc::Lang::en) == ';');
        CHECK(cchc::parse_delimiter("Semicolon", cchc::Lang::en) == ';');
        CHECK(cchc::parse_delimiter("tab", cchc::Lang::en) == '\t');
        CHECK(cchc::parse_delimiter("\\t", cchc::Lang::en) == '\t');
        CHECK(cchc::parse_delimiter("\t", cchc::Lang::en) == '\t');
        CHECK(cchc::parse_delimiter("|", cchc::Lang::en) == '|');
        CHECK(cchc::parse_delimiter("pipe", cchc::Lang::en) == '|');
        CHECK_THROWS_AS(cchc::parse_delimiter(":", cchc::Lang::en), cchc::Error);
        CHECK_THROWS_AS(cchc::parse_delimiter("", cchc::Lang::en), cchc::Error);
    }
}

TEST_CASE("signatures typed in the code column are skipped") {
    LoadedFile file = load_text("Mục,Nội dung,Điểm tối đa,Điểm thẩm định\n"
                                "1.1,A,2,1\n"
                                "Người lập biểu,,,\n"
                                "\"TM. UBND PHƯỜNG\nCHỦ TỊCH\",,,\n");
    REQUIRE(file.sheets.size() == 1);
    CHECK(codes_of(file.sheets.front()) == std::vector<std::string>{"1.1"});
    CHECK(file.sheets.front().skipped_rows == 2);
}

TEST_CASE("rows with only a max are unscored in a blank template, criteria missing a score elsewhere") {
    SUBCASE("a sheet with scores: the max-only row is a criterion whose score is missing") {
        LoadedFile file = load_text("Mục,Nội dung,Điểm tối đa,Điểm tự đánh giá,Điểm thẩm định\n"
                                    "1.1,A,2,,\n"
                                    "1.2,B,1,1,\n"
                                    "1.3,C,1,,0\n");
        REQUIRE(file.sheets.size() == 1);
        const Sheet &sheet = file.sheets.front();
        CHECK(row_of(sheet, "1.1").kind == RowKind::criterion);
        CHECK(row_of(sheet, "1.2").kind == RowKind::criterion);
        CHECK(row_of(sheet, "1.3").kind == RowKind::criterion);
    }
    SUBCASE("a sheet with no score at all is a template: its rows are unscored") {
        LoadedFile file = load_text("Mục,Nội dung,Điểm tối đa,Điểm tự đánh giá,Điểm thẩm định\n"
                                    "1,Domain,3,,\n"
                                    "1.1,A,2,,\n"
                                    "1.2,B,1,,\n");
        REQUIRE(file.sheets.size() == 1);
        const Sheet &sheet = file.sheets.front();
        CHECK(row_of(sheet, "1").kind == RowKind::parent);
        CHECK(row_of(sheet, "1.1").kind == RowKind::unscored);
        CHECK(row_of(sheet, "1.2").kind == RowKind::unscored);
    }
}

TEST_CASE("the Excel variants of the reference sheet load like the reference") {
    const LoadedFile reference = cchc::load_file(cchc::test::reference_sheet_path(), {});
    REQUIRE(reference.sheets.size() == 1);
    for (const std::string name :
         {"phuong-1-2023-excel-vi.csv", "phuong-1-2023-unicode.txt", "phuong-1-2023-cp1258.csv"}) {
        CAPTURE(name);
        LoadedFile file = cchc::load_file(std::string(CCHC_SOURCE_DIR) + "/samples/" + name, {});
        REQUIRE(file.sheets.size() == 1);
        const Sheet &sheet = file.sheets.front();
        CHECK(codes_of(sheet) == codes_of(reference.sheets.front()));
        REQUIRE(sheet.rows.size() == reference.sheets.front().rows.size());
        for (std::size_t i = 0; i < sheet.rows.size(); ++i) {
            CHECK(sheet.rows[i].line - sheet.header_line ==
                  reference.sheets.front().rows[i].line - reference.sheets.front().header_line);
            CAPTURE(sheet.rows[i].code);
            CHECK(sheet.rows[i].content == reference.sheets.front().rows[i].content);
            CHECK(sheet.rows[i].owner == reference.sheets.front().rows[i].owner);
            CHECK(sheet.rows[i].note == reference.sheets.front().rows[i].note);
            CHECK(sheet.rows[i].appraised.number.value == reference.sheets.front().rows[i].appraised.number.value);
            CHECK(sheet.rows[i].max.number.value == reference.sheets.front().rows[i].max.number.value);
        }
        if (name.find("cp1258") != std::string::npos) {
            CHECK(file.encoding == "WINDOWS-1258");
            REQUIRE(findings_of(file).size() == 1);
            CHECK(findings_of(file).front().rule == cchc::Rule::encoding_assumed);
        }
        if (name.find("excel-vi") != std::string::npos) {
            CHECK(file.delimiter == ';');
            CHECK(sheet.header_line == 5);
            // Four title rows, the header on lines 5–12: 1.1.3 is Excel's row 6, on line 15.
            CHECK(sheet.header_row == 5);
            CHECK(sheet.rows.front().line == 15);
            CHECK(sheet.rows.front().record == 6);
        }
        if (name.find("unicode") != std::string::npos) {
            CHECK(file.encoding == "UTF-16LE");
            CHECK(file.delimiter == '\t');
        }
    }
}

TEST_CASE("the loader records the header block's lines") {
    SUBCASE("one row, with column numbers under it") {
        LoadedFile file = load_text("Mục,Điểm tối đa,Điểm thẩm định\n1,2,3\n1.1,2,1\n", english());
        CHECK(file.facts.header_line == 1);
        CHECK(file.facts.header_last_line == 1);
        CHECK(file.facts.column_numbers_line == 2);
        REQUIRE(file.sheets.size() == 1);
        CHECK(file.sheets.front().rows.size() == 1);
        CHECK(findings_of(file).empty());
    }
    SUBCASE("near miss: a first data row of integers only is no column numbers row") {
        LoadedFile file = load_text("Mục,Điểm tối đa,Điểm thẩm định\n1,2,1\n", english());
        CHECK(file.facts.column_numbers_line == 0);
        REQUIRE(file.sheets.size() == 1);
        CHECK(file.sheets.front().rows.size() == 1);
    }
    SUBCASE("two rows") {
        LoadedFile file = load_text("Tiêu đề\nMục;Nội dung;Điểm;\n;;Tối đa;Đạt được\n1.1;A;2;1,5\n", english());
        CHECK(file.facts.header_line == 2);
        CHECK(file.facts.header_last_line == 3);
        REQUIRE(file.sheets.size() == 1);
        REQUIRE(file.sheets.front().rows.size() == 1);
        CHECK(file.sheets.front().rows.front().appraised.number.value.units() == 1500);
    }
}

TEST_CASE("a code column chosen by content is said, and the other is no duplicate") {
    LoadedFile file =
        load_text("STT,Mục,Điểm tối đa,Điểm thẩm định\n1,I,3,2\n,1.1,3,2\n2,II,1,1\n,2.1,1,1\n", english());
    REQUIRE(findings_of(file).size() == 1);
    const cchc::Finding f = findings_of(file).front();
    CHECK(f.rule == cchc::Rule::code_column);
    CHECK(f.severity == cchc::Severity::info);
    CHECK(f.message == "column 2 \"Mục\" is read as the code: 4 of the first 4 rows hold criterion codes there (1.1, "
                       "I, a)); not read: column 1 \"STT\" (a running row number)");
    REQUIRE(file.sheets.size() == 1);
    CHECK(codes_of(file.sheets.front()) == std::vector<std::string>{"I", "1.1", "II", "2.1"});
    SUBCASE("near miss: rows that do not decide keep the first, and say so") {
        LoadedFile tie = load_text("STT,Mục,Điểm tối đa,Điểm thẩm định\n1,1,3,2\n2,2,1,1\n", english());
        REQUIRE(findings_of(tie).size() == 1);
        CHECK(findings_of(tie).front().message.find("do not show which") != std::string::npos);
        CHECK_FALSE(tie.facts.code_by_content);
    }
}

// The trace `cchc explain` turns on (LoadOptions::trace): the records above
// the header, the header, and every record after it that is not a row.
TEST_CASE("the trace records the rows above the header and each skipped record with its reason") {
    const std::string text = "BẢNG ĐIỂM;;;\n"
                             ";;;\n"
                             "Mục;Nội dung;Điểm tối đa;Điểm thẩm định\n"
                             "1.1;Kế hoạch;2;2\n"
                             ";;;\n"
                             "Ghi chú: xem phụ lục;;;\n"
                             "1.2;Báo cáo;1;0,5\n"
                             ";NGƯỜI LẬP BIỂU;;CHỦ TỊCH\n";
    cchc::LoadTrace trace;
    LoadOptions options;
    options.trace = &trace;
    LoadedFile file = load_text(text, options);
    REQUIRE(file.sheets.size() == 1);
    CHECK(file.sheets[0].rows.size() == 2);
    CHECK(file.sheets[0].skipped_rows == 3);

    REQUIRE(trace.above_header.size() == 2);
    CHECK(trace.above_header[0].line == 1);
    CHECK(trace.above_header[1].line == 2);
    CHECK(trace.header.found);
    CHECK(trace.header.delimiter == ';');
    CHECK(trace.header_last_line == 3);
    CHECK(trace.header.cells.size() == 4);

    REQUIRE(trace.skipped.size() == 3);
    CHECK(trace.skipped[0].line == 5);
    CHECK(trace.skipped[0].reason == cchc::SkipReason::blank);
    CHECK(trace.skipped[1].line == 6);
    CHECK(trace.skipped[1].reason == cchc::SkipReason::not_a_code);
    CHECK(trace.skipped[1].cells.at(0) == "Ghi chú: xem phụ lục");
    CHECK(trace.skipped[2].line == 8);
    CHECK(trace.skipped[2].reason == cchc::SkipReason::text);
    CHECK(trace.skipped[2].cells == std::vector<std::string>{"", "NGƯỜI LẬP BIỂU", "", "CHỦ TỊCH"});
}

TEST_CASE("a skipped record's cells keep their quoted line breaks and its lines are physical") {
    const std::string text = "Mục,Điểm tối đa,Điểm thẩm định\n"
                             "1.1,2,2\n"
                             ",\"Người lập\nbiểu\",\n";
    cchc::LoadTrace trace;
    LoadOptions options;
    options.trace = &trace;
    LoadedFile file = load_text(text, options);
    REQUIRE(trace.skipped.size() == 1);
    CHECK(trace.skipped[0].line == 3);
    CHECK(trace.skipped[0].last_line == 4);
    CHECK(trace.skipped[0].cells.at(1) == "Người lập\nbiểu");
}

TEST_CASE("the trace changes nothing the loader makes, and without it nothing is recorded") {
    cchc::LoadTrace trace;
    LoadOptions traced;
    traced.trace = &trace;
    LoadedFile with = cchc::load_file(cchc::test::reference_sheet_path(), traced);
    LoadedFile without = cchc::load_file(cchc::test::reference_sheet_path(), LoadOptions{});
    REQUIRE(with.sheets.size() == without.sheets.size());
    CHECK(codes_of(with.sheets[0]) == codes_of(without.sheets[0]));
    CHECK(lines_of(with.sheets[0]) == lines_of(without.sheets[0]));
    CHECK(with.sheets[0].skipped_rows == without.sheets[0].skipped_rows);
    CHECK(trace.skipped.size() == with.sheets[0].skipped_rows);
    CHECK(trace.above_header.empty());
    CHECK(trace.header.found);
    CHECK(trace.header_last_line == 10); // the header's quoted names hold line breaks
}

TEST_CASE("the trace of a file without a header holds the rows searched and the closest row") {
    cchc::LoadTrace trace;
    LoadOptions options;
    options.trace = &trace;
    LoadedFile file = load_text("Tiêu đề\nMục,Nội dung,Điểm tối đa\n1.1,a,2\n", options);
    CHECK(file.sheets.empty());
    CHECK_FALSE(trace.header.found);
    CHECK(trace.above_header.size() == 3);
    CHECK(trace.skipped.empty());
}

TEST_CASE("a row's record is the row a spreadsheet shows, not the line it starts on") {
    // A title, a blank record, the header, a note over two lines, a blank record.
    LoadedFile file = load_text("Bảng điểm\n\nMục,Ghi chú,Điểm tối đa,Điểm thẩm định\n1.1,\"dòng 1\ndòng 2\",2,1\n\n"
                                "1.2,x,2,3\n",
                                english());
    REQUIRE(file.sheets.size() == 1);
    const Sheet &sheet = file.sheets.front();
    CHECK(sheet.header_row == 3);
    REQUIRE(sheet.rows.size() == 2);
    CHECK(sheet.rows[0].line == 4);
    CHECK(sheet.rows[0].record == 4);
    CHECK(sheet.rows[1].line == 7);
    CHECK(sheet.rows[1].record == 6);
    CHECK(sheet.columns.appraised == 3);
    CHECK(sheet.columns.note == 1);
    SUBCASE("a finding about one cell names it, with the row") {
        std::vector<cchc::Finding> findings = cchc::check_sheet(sheet, {cchc::Lang::en});
        REQUIRE(findings.size() == 1);
        CHECK(findings.front().rule == cchc::Rule::score_above_max);
        CHECK(findings.front().line == 7);
        CHECK(findings.front().row == 6);
        CHECK(findings.front().cell == "D6");
        CHECK(findings.front().sheet.empty());
        CHECK(findings.front().message.rfind("D6: 1.2: ", 0) == 0);
    }
    SUBCASE("near miss: a finding about the row as a whole names no cell") {
        LoadedFile unscored = load_text("Mục,Điểm tối đa,Điểm thẩm định\n1.1,2,\n", english());
        std::vector<cchc::Finding> findings = cchc::check_sheet(unscored.sheets.front(), {cchc::Lang::en});
        REQUIRE(!findings.empty());
        for (const cchc::Finding &f : findings) {
            CAPTURE(f.message);
            CHECK(f.row == 2);
            if (f.rule == cchc::Rule::bad_number) CHECK(f.cell == "C2");
            if (f.rule != cchc::Rule::bad_number) CHECK(f.cell.empty());
        }
    }
}
