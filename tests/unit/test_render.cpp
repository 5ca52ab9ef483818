// Summaries → tables → documents → text, Markdown, CSV, TSV and JSON (render/tables.hpp,
// render/document.hpp, render/formats.hpp).
#include "../../src/input/workbook/zip_container.hpp"
#include "test_support.hpp"

#include <cchc/base/error.hpp>
#include <cchc/checks/checks.hpp>
#include <cchc/input/csv_reader.hpp>
#include <cchc/render/document.hpp>
#include <cchc/render/formats.hpp>
#include <cchc/render/tables.hpp>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <functional>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

using cchc::Lang;
using cchc::RenderOptions;
using cchc::Report;
using cchc::Row;
using cchc::Sheet;
using cchc::TableKind;

namespace {

// Văn phòng decomposed (NFD) and composed (NFC): the same text, different bytes.
const std::string k_van_phong_nfd = "Va\xCC\x86n pho\xCC\x80ng";
const std::string k_van_phong_nfc = "V\xC4\x83n ph\xC3\xB2ng";

cchc::Score score(const std::string &text) {
    cchc::Score s;
    s.text = text;
    s.number = cchc::parse_number(text);
    return s;
}

Row criterion(const std::string &code, long line, const std::string &owner, const std::string &max,
              const std::string &self, const std::string &appraised, const std::string &content = "",
              const std::string &note = "") {
    Row row;
    row.kind = cchc::RowKind::criterion;
    row.line = line;
    row.code = code;
    row.key = cchc::code_key(code, row.code_well_formed);
    row.owner = owner;
    row.content = content;
    row.note = note;
    row.max = score(max);
    row.self = score(self);
    row.appraised = score(appraised);
    return row;
}

Sheet sheet_of(std::vector<Row> rows, const std::string &unit = "U", const std::string &file = "f.csv") {
    Sheet sheet;
    sheet.file = file;
    sheet.unit = unit;
    sheet.encoding = "UTF-8";
    sheet.header_line = 1;
    sheet.rows = std::move(rows);
    return sheet;
}

/// A report of one file with one sheet. The summary points into the report.
Report report_of(Sheet sheet, const cchc::SummaryOptions &options = {}, std::vector<cchc::Finding> findings = {}) {
    Report report;
    report.files.emplace_back();
    cchc::FileReport &file = report.files.back();
    file.loaded.file = sheet.file;
    file.loaded.sheets.push_back(std::move(sheet));
    file.sheets.push_back(cchc::summarise(file.loaded.sheets.front(), options));
    file.sheets.back().findings = std::move(findings);
    return report;
}

/// The report of the reference sheet, out of 100, with its findings.
Report reference_report() {
    Report report;
    report.files.emplace_back();
    cchc::FileReport &file = report.files.back();
    file.loaded = cchc::load_file(cchc::test::reference_sheet_path(), {});
    REQUIRE(file.loaded.sheets.size() == 1);
    file.findings = cchc::check_file(file.loaded, cchc::Lang::vi);
    cchc::SummaryOptions options;
    options.out_of = cchc::Decimal::from_int(100);
    for (const Sheet &sheet : file.loaded.sheets) {
        cchc::SheetSummary s = cchc::summarise(sheet, options);
        s.findings = cchc::check_sheet(sheet, {});
        file.sheets.push_back(std::move(s));
    }
    return report;
}

RenderOptions english(std::vector<TableKind> tables) {
    RenderOptions options;
    options.lang = Lang::en;
    options.tables = std::move(tables);
    return options;
}

std::string print(const std::string &format, const cchc::Document &document, const RenderOptions &options) {
    std::ostringstream out;
    cchc::make_renderer(format, options)->print(document, out);
    return out.str();
}

/// `cchc report` in this format.
std::string render(const std::string &format, const Report &report, const RenderOptions &options) {
    return print(format, cchc::report_document(report), options);
}

/// `cchc check` in this format.
std::string render_findings(const std::string &format, const Report &report, const RenderOptions &options) {
    return print(format, cchc::check_document(report), options);
}

std::string rule_of(std::size_t width) {
    std::string out;
    for (std::size_t i = 0; i < width; ++i)
        out += "─";
    return out;
}

// A small JSON checker: true when `text` is one well-formed JSON value.
class JsonChecker {
public:
    explicit JsonChecker(std::string_view text) : m_text(text) {}
    bool valid() {
        skip_space();
        if (!value()) return false;
        skip_space();
        return m_pos == m_text.size();
    }
    std::string error_place() const { return std::string(m_text.substr(m_pos, 60)); }

private:
    bool value() {
        skip_space();
        if (m_pos >= m_text.size()) return false;
        char c = m_text[m_pos];
        if (c == '{') return object();
        if (c == '[') return array();
        if (c == '"') return string();
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        return literal("true") || literal("false") || literal("null");
    }
    bool object() {
        ++m_pos;
        skip_space();
        if (peek('}')) return ++m_pos, true;
        for (;;) {
            skip_space();
            if (!string()) return false;
            skip_space();
            if (!peek(':')) return false;
            ++m_pos;
            if (!value()) return false;
            skip_space();
            if (peek('}')) return ++m_pos, true;
            if (!peek(',')) return false;
            ++m_pos;
        }
    }
    bool array() {
        ++m_pos;
        skip_space();
        if (peek(']')) return ++m_pos, true;
        for (;;) {
            if (!value()) return false;
            skip_space();
            if (peek(']')) return ++m_pos, true;
            if (!peek(',')) return false;
            ++m_pos;
        }
    }
    bool string() {
        if (!peek('"')) return false;
        ++m_pos;
        while (m_pos < m_text.size()) {
            auto c = static_cast<unsigned char>(m_text[m_pos++]);
            if (c == '"') return true;
            if (c < 0x20) return false;
            if (c != '\\') continue;
            if (m_pos >= m_text.size()) return false;
            char e = m_text[m_pos++];
            if (e == 'u') {
                for (int i = 0; i < 4; ++i, ++m_pos)
                    if (m_pos >= m_text.size() || !std::isxdigit(static_cast<unsigned char>(m_text[m_pos])))
                        return false;
            } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
                return false;
            }
        }
        return false;
    }
    bool number() {
        std::size_t start = m_pos;
        if (peek('-')) ++m_pos;
        if (peek('0')) {
            ++m_pos;
        } else if (!digits()) {
            return false;
        }
        if (peek('.')) {
            ++m_pos;
            if (!digits()) return false;
        }
        if (peek('e') || peek('E')) {
            ++m_pos;
            if (peek('+') || peek('-')) ++m_pos;
            if (!digits()) return false;
        }
        return m_pos > start;
    }
    bool digits() {
        std::size_t start = m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] >= '0' && m_text[m_pos] <= '9')
            ++m_pos;
        return m_pos > start;
    }
    bool literal(std::string_view word) {
        if (m_text.substr(m_pos, word.size()) != word) return false;
        m_pos += word.size();
        return true;
    }
    bool peek(char c) const { return m_pos < m_text.size() && m_text[m_pos] == c; }
    void skip_space() {
        while (m_pos < m_text.size() &&
               (m_text[m_pos] == ' ' || m_text[m_pos] == '\n' || m_text[m_pos] == '\t' || m_text[m_pos] == '\r'))
            ++m_pos;
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

void check_json(const std::string &text) {
    JsonChecker checker(text);
    bool ok = checker.valid();
    INFO("JSON breaks at: " << checker.error_place());
    CHECK(ok);
}

bool contains(const std::string &text, const std::string &part) {
    return text.find(part) != std::string::npos;
}

} // namespace

TEST_CASE("the JSON checker of these tests tells good JSON from bad") {
    CHECK(JsonChecker(R"({"a": [1, -2.50, "x\n\u0001"], "b": null, "c": {}})").valid());
    CHECK_FALSE(JsonChecker(R"({"a": [1,]})").valid());
    CHECK_FALSE(JsonChecker("{\"a\": \"line\nbreak\"}").valid());
    CHECK_FALSE(JsonChecker(R"({"a": 01})").valid());
    CHECK_FALSE(JsonChecker(R"({"a": "\x"})").valid());
}

TEST_CASE("text tables align NFD and NFC Vietnamese by display width") {
    Report report = report_of(sheet_of({
        criterion("1.1", 2, k_van_phong_nfd, "2", "2", "1.5"),
        criterion("1.2", 3, "Tư pháp", "1", "1", "1"),
        criterion("1.3", 4, "UBND", "1", "", "0"),
        criterion("1.4", 5, k_van_phong_nfc, "1", "1", "0.5"),
    }));
    std::string expected = "== U (f.csv) ==\n"
                           "\n"
                           "By owner\n"
                           "Owner      Criteria   Max  Self  Appraised  Lost  Achieved\n" +
                           rule_of(58) + "\n" + k_van_phong_nfd +
                           "         1  2.00  2.00       1.50  0.50   75.00 %\n"
                           "Tư pháp           1  1.00  1.00       1.00  0.00  100.00 %\n"
                           "UBND              1  1.00             0.00  1.00    0.00 %\n" +
                           k_van_phong_nfc + "         1  1.00  1.00       0.50  0.50   50.00 %\n";
    CHECK(render("text", report, english({TableKind::owner})) == expected);
}

TEST_CASE("text tables right-align numbers and show the summary table") {
    Report report = report_of(
        sheet_of({criterion("1.1", 2, "A", "2", "2", "1.5"), criterion("3.10", 3, "B", "10", "9", "9.25")}), {});
    std::string expected = "== U (f.csv) ==\n"
                           "\n"
                           "Summary\n"
                           "Unit  Criteria    Max   Self  Appraised  Lost  Achieved  Index  Out of  Rating\n" +
                           rule_of(78) + "\n" +
                           "U            2  12.00  11.00      10.75  1.25   89.58 %  10.75   12.00  Khá\n"
                           "\n"
                           "By domain\n"
                           "Domain  Criteria    Max  Self  Appraised  Lost  Achieved\n" +
                           rule_of(56) + "\n" +
                           "1              1   2.00  2.00       1.50  0.50   75.00 %\n"
                           "3              1  10.00  9.00       9.25  0.75   92.50 %\n";
    CHECK(render("text", report, english({TableKind::sheet, TableKind::domain})) == expected);
}

TEST_CASE("a width limit wraps text inside its column, and never cuts a header, a number or a text") {
    Report report =
        report_of(sheet_of({criterion("1.1", 2, "Bộ phận tiếp nhận và trả kết quả phường", "2", "2", "1.5")}));
    SUBCASE("the owner column is narrowed and its text wrapped to fit") {
        RenderOptions options = english({TableKind::owner});
        options.width = 60;
        std::string expected = "== U (f.csv) ==\n"
                               "\n"
                               "By owner\n"
                               "Owner        Criteria   Max  Self  Appraised  Lost  Achieved\n" +
                               rule_of(60) + "\n" + "Bộ phận             1  2.00  2.00       1.50  0.50   75.00 %\n" +
                               "tiếp nhận\n" + "và trả kết\n" + "quả phường\n";
        CHECK(render("text", report, options) == expected);
    }
    SUBCASE("too narrow for the numbers: one record per block, every cell whole") {
        RenderOptions options = english({TableKind::owner});
        options.width = 30;
        std::string expected = "== U (f.csv) ==\n"
                               "\n"
                               "By owner\n"
                               "─[ 1 ]────────────────────────\n"
                               "Owner     │ Bộ phận tiếp nhận\n"
                               "          │ và trả kết quả\n"
                               "          │ phường\n"
                               "Criteria  │ 1\n"
                               "Max       │ 2.00\n"
                               "Self      │ 2.00\n"
                               "Appraised │ 1.50\n"
                               "Lost      │ 0.50\n"
                               "Achieved  │ 75.00 %\n";
        CHECK(render("text", report, options) == expected);
    }
    SUBCASE("no limit: nothing is wrapped") {
        std::string out = render("text", report, english({TableKind::owner}));
        CHECK(contains(out, "Bộ phận tiếp nhận và trả kết quả phường  "));
        CHECK_FALSE(contains(out, "…"));
    }
}

TEST_CASE("owner tasks: owners by points lost, their criteria most first, then their total") {
    Report report = report_of(sheet_of({criterion("1.1", 2, "A", "2", "2", "1.5", "Nội dung 1", "ghi chú 1"),
                                        criterion("1.2", 3, "B", "1", "1", "0", "Nội dung 2", "ghi chú 2"),
                                        criterion("1.3", 4, "A", "2", "2", "1", "Nội dung 3", "ghi chú 3"),
                                        criterion("1.4", 5, "C", "1", "1", "1", "Nội dung 4", "")}));
    const cchc::Table t = cchc::owner_tasks_table(report.files.front().sheets.front(), english({}));
    CHECK(t.headers ==
          std::vector<std::string>{"Owner", "Code", "Content", "Points lost", "Note (why points were lost)"});
    REQUIRE(t.rows.size() == 5); // C lost nothing
    CHECK(t.rows[0] == std::vector<std::string>{"A", "1.3", "Nội dung 3", "1.00", "ghi chú 3"});
    CHECK(t.rows[1] == std::vector<std::string>{"A", "1.1", "Nội dung 1", "0.50", "ghi chú 1"});
    CHECK(t.rows[2] == std::vector<std::string>{"A", "", "Total", "1.50", ""});
    CHECK(t.rows[3] == std::vector<std::string>{"B", "1.2", "Nội dung 2", "1.00", "ghi chú 2"});
    CHECK(t.rows[4] == std::vector<std::string>{"B", "", "Total", "1.00", ""});
    CHECK(t.subtotal_rows == std::vector<std::size_t>{2, 4});
}

TEST_CASE("the appendix table ends with the sheet's totals; charts carry exact values") {
    Report report =
        report_of(sheet_of({criterion("1.1", 2, "A", "2", "2", "1.5"), criterion("3.1", 3, "B", "1", "1", "0")}));
    const cchc::SheetSummary &summary = report.files.front().sheets.front();
    const cchc::Table t = cchc::appendix_table(summary, RenderOptions{});
    CHECK(t.headers.size() == 8);
    CHECK(t.headers[6] == "Ghi chú (Lý do giảm điểm)");
    CHECK(t.total_row);
    CHECK(t.rows.back() == std::vector<std::string>{"Tổng cộng", "", "3.00", "3.00", "1.50", "1.50", "", ""});
    const std::vector<cchc::Chart> charts = cchc::sheet_charts(summary, english({}));
    REQUIRE(charts.size() == 3);
    CHECK(charts[0].bars.size() == 2);
    CHECK(charts[0].bars[1].value == cchc::Decimal::from_int(1));
    CHECK(charts[0].bars[1].text == "1.00");
    CHECK(charts[2].full == cchc::Decimal::from_int(100));
    CHECK(charts[2].bars[0].text == "75.00 %");
    CHECK(charts[2].bars[0].value == cchc::Decimal::from_int(75));
}

TEST_CASE("html escapes every text and draws a bar per value") {
    Report report =
        report_of(sheet_of({criterion("1.1", 2, "<Owner> & \"co\"", "2", "2", "1.5", "<b>x</b>", "'n' & <i>")}));
    const std::string out = render("html", report, english({}));
    CHECK(contains(out, "&lt;b&gt;x&lt;/b&gt;"));
    CHECK(contains(out, "&#39;n&#39; &amp; &lt;i&gt;"));
    CHECK(contains(out, "&lt;Owner&gt; &amp; &quot;co&quot;"));
    CHECK_FALSE(contains(out, "<b>x"));
    CHECK_FALSE(contains(out, "<i>"));
    CHECK(contains(out, "<tr class=\"total\"><td>Total</td>"));
    CHECK(contains(out, "data-value=\"0.50\""));
}

TEST_CASE("html draws the charts of the tables --by chose, and every chart without --by") {
    Report report =
        report_of(sheet_of({criterion("1.1", 2, "A", "2", "2", "1.5"), criterion("2.1", 3, "B", "1", "1", "1")}));
    const std::string all = render("html", report, english({}));
    CHECK(contains(all, "<figure data-kind=\"domain\">"));
    CHECK(contains(all, "<figure data-kind=\"owner\">"));
    CHECK(contains(all, "<figure data-kind=\"criterion\">"));
    const std::string owner = render("html", report, english({TableKind::owner}));
    CHECK(contains(owner, "<figure data-kind=\"owner\">"));
    CHECK_FALSE(contains(owner, "<figure data-kind=\"domain\">"));
    CHECK_FALSE(contains(owner, "<figure data-kind=\"criterion\">"));
    const std::string two = render("html", report, english({TableKind::domain, TableKind::criterion}));
    CHECK(contains(two, "<figure data-kind=\"domain\">"));
    CHECK(contains(two, "<figure data-kind=\"criterion\">"));
    CHECK_FALSE(contains(two, "<figure data-kind=\"owner\">"));
}

TEST_CASE("xlsx refuses a worksheet past its row limit, naming it and the --by table, before writing it") {
    Report report =
        report_of(sheet_of({criterion("1.1", 2, "A", "2", "2", "1.5"), criterion("1.2", 3, "B", "1", "1", "1"),
                            criterion("2.1", 4, "A", "1", "1", "0.5")}));
    const cchc::Document document = cchc::report_document(report);
    auto print_xlsx = [&](std::vector<TableKind> tables, std::size_t max_rows) {
        std::ostringstream out;
        cchc::make_xlsx_renderer(english(std::move(tables)), max_rows)->print(document, out);
        return out.str();
    };
    // The criterion table with its total: a header and 4 rows.
    CHECK(print_xlsx({TableKind::criterion}, 5).substr(0, 2) == "PK");
    std::string message;
    std::string written;
    try {
        written = print_xlsx({TableKind::owner, TableKind::criterion}, 4);
    } catch (const cchc::Error &e) {
        message = e.what();
    }
    CHECK(written.empty());
    CHECK(contains(message, "'By criterion'"));
    CHECK(contains(message, "the --by criterion table"));
    CHECK(contains(message, "limit of 4 rows"));
    CHECK(contains(message, "Pick fewer tables with --by"));
    CHECK(contains(message, "split the folder"));
    // The owners' table (2 owners) fits in 4 rows; alone, it is written.
    CHECK(print_xlsx({TableKind::owner}, 4).substr(0, 2) == "PK");
    RenderOptions vi;
    vi.tables = {TableKind::criterion};
    try {
        std::ostringstream out;
        cchc::make_xlsx_renderer(vi, 3)->print(document, out);
        FAIL("no error past the limit");
    } catch (const cchc::Error &e) {
        CHECK(contains(e.what(), "'Theo tiêu chí' (bảng --by criterion)"));
        CHECK(contains(e.what(), "3 dòng"));
    }
}

TEST_CASE("text output has no colour unless asked") {
    Report report =
        report_of(sheet_of({criterion("1.1", 2, "A", "2", "2", "2.5")}), {},
                  {{"f.csv", 2, "1.1", cchc::Rule::score_above_max, cchc::Severity::error, "1.1: too high"}});
    RenderOptions plain = english({TableKind::sheet});
    std::string out = render("text", report, plain);
    CHECK_FALSE(contains(out, "\x1b["));
    CHECK(contains(out, "\nFindings\nf.csv:2: error[score-above-max]: 1.1: too high\n"));
    RenderOptions color = plain;
    color.color = true;
    std::string colored = render("text", report, color);
    CHECK(contains(colored, "\x1b[31mf.csv:2: error[score-above-max]: 1.1: too high\x1b[0m"));
    SUBCASE("check prints the findings only") {
        CHECK(render_findings("text", report, plain) == "f.csv:2: error[score-above-max]: 1.1: too high\n");
    }
}

TEST_CASE("markdown escapes pipes, keeps a space before br, holds % to its number, sizes the dashes") {
    Report report = report_of(sheet_of({criterion("1.1", 2, "Bộ phận|một cửa", "2", "2", "1.5",
                                                  "Tiếp nhận | trả kết quả", "Trong năm có\n870/901 hồ sơ")}),
                              {}, {{"f.csv", 2, "1.1", cchc::Rule::lost_mismatch, cchc::Severity::error, "a | b"}});
    SUBCASE("the criterion table and the findings") {
        std::string expected =
            "## U (f.csv)\n"
            "\n"
            "### By criterion\n"
            "\n"
            "| Code | Line | Content | Max | Self | Appraised | Lost | Achieved | Owner | Note |\n"
            "| ---- | ---: | ----------------------- | ---: | ---: | --------: | ---: | -------: | --------------- | "
            "------------- |\n"
            "| 1.1 | 2 | Tiếp nhận \\| trả kết quả | 2.00 | 2.00 | 1.50 | 0.50 | 75.00\u00A0% | Bộ phận\\|một cửa | "
            "Trong "
            "năm có <br>870/901 hồ sơ |\n"
            "\n"
            "### Findings\n"
            "\n"
            "| File | Line | Row | Code | Severity | Rule | Message |\n"
            "| ----- | ---: | --: | ---- | -------- | ------------- | ------- |\n"
            "| f.csv | 2 |  | 1.1 | error | lost-mismatch | a \\| b |\n";
        CHECK(render("md", report, english({TableKind::criterion})) == expected);
        CHECK(render("markdown", report, english({TableKind::criterion})) == expected);
    }
    SUBCASE("the summary table in Vietnamese") {
        RenderOptions options;
        options.tables = {TableKind::sheet};
        std::string out = render("md", report, options);
        CHECK(contains(out, "| Đơn vị | Số tiêu chí | Tối đa | Tự đánh giá | Thẩm định | Bị trừ | Tỷ lệ đạt | Chỉ số | "
                            "Thang điểm | Xếp loại |\n"
                            "| ------ | ----------: | -----: | ----------: | --------: | -----: | --------: | -----: | "
                            "---------: | ---------- |\n"
                            "| U | 1 | 2.00 | 2.00 | 1.50 | 0.50 | 75,00\u00A0% | 1.50 | 2.00 | Trung bình |\n"));
    }
}

TEST_CASE("the JSON of the reference sheet has the keys scripts rely on") {
    Report report = reference_report();
    RenderOptions options;
    std::string json = render("json", report, options);
    check_json(json);
    const std::string file = cchc::test::reference_sheet_path();
    SUBCASE("sheet") {
        CHECK(json.rfind("{\n  \"sheets\": [\n    {\n      \"file\": \"" + file + "\",\n", 0) == 0);
        CHECK(contains(json, "\"unit\": \"phuong-1-2023\""));
    }
    SUBCASE("totals") {
        CHECK(contains(json, "\"totals\": {\"count\": 16, \"max\": 20.00, \"self\": 18.50, \"appraised\": 11.00, "
                             "\"lost\": 9.00, \"achievement\": 55.00, \"index\": 91.00, \"out_of\": 100.00, "
                             "\"rating\": \"Tốt\"}"));
        CHECK(contains(json, "\"index\": 91.00"));
        CHECK(contains(json, "\"rating\": \"Tốt\""));
    }
    SUBCASE("domains") {
        CHECK(contains(json, "{\"domain\": \"1\", \"count\": 5, \"max\": 7.00, \"self\": 5.50, \"appraised\": 3.21, "
                             "\"lost\": 3.79, \"achievement\": 45.86}"));
        CHECK(contains(json, "{\"domain\": \"3\", \"count\": 6, \"max\": 6.00, \"self\": 6.00, \"appraised\": 4.18, "
                             "\"lost\": 1.82, \"achievement\": 69.67}"));
        CHECK(contains(json, "{\"domain\": \"4\", \"count\": 1, \"max\": 1.00, \"self\": 1.00, \"appraised\": 0.00, "
                             "\"lost\": 1.00, \"achievement\": 0.00}"));
        CHECK(contains(json, "{\"domain\": \"7\", \"count\": 4, \"max\": 6.00, \"self\": 6.00, \"appraised\": 3.61, "
                             "\"lost\": 2.39, \"achievement\": 60.17}"));
    }
    SUBCASE("owners") {
        CHECK(contains(json, "{\"owner\": \"Bộ phận tiếp nhận và trả kết quả phường\", \"count\": 6, \"max\": 6.00, "
                             "\"self\": 6.00, \"appraised\": 3.67, \"lost\": 2.33, \"achievement\": 61.17}"));
        CHECK(contains(json, "{\"owner\": \"\", \"count\": 1, \"max\": 2.00,"));
    }
    SUBCASE("criteria") {
        CHECK(contains(json, "{\"code\": \"1.1.3\", \"line\": 11, \"content\": \"Mức độ thực hiện kế hoạch CCHC\", "
                             "\"max\": 2.00, \"self\": 2.00, \"appraised\": 1.91, \"lost\": 0.09, \"achievement\": "
                             "95.50, \"over_estimation\": 0.09, \"owner\": \"\", \"note\": \"Hoàn thành 44/46\\nnhiệm "
                             "vụ, đạt 95,68%\\n- Các bộ phận chưa\\n"));
        CHECK(contains(json, "{\"code\": \"7.3.2\", \"line\": 97, "));
        CHECK(contains(json, "\"owner\": \"Các công chức liên quan\", \"note\": \"307/319, đạt 96.24%\", "));
    }
    SUBCASE("findings are an array of objects with the promised keys") {
        CHECK(contains(json, "\"findings\": ["));
        for (const cchc::Finding &f : report.files.front().all_findings()) {
            CAPTURE(f.message);
            CHECK(contains(json, "{\"file\": \"" + file + "\", \"line\": " + std::to_string(f.line) +
                                     ", \"row\": " + std::to_string(f.row) + ", \"sheet\": null, \"cell\": "));
            CHECK(f.row > 0);
            CHECK(contains(json, "\"rule\": \"" + std::string(cchc::rule_id(f.rule)) + "\", \"severity\": \""));
        }
        CHECK_FALSE(contains(json, "\"severity\": \"error\""));
    }
}

TEST_CASE("JSON strings escape quotes backslashes line breaks and control characters") {
    Report report =
        report_of(sheet_of({criterion("1.1", 2, "Tab\there", "2", "", "1", "say \"hi\"",
                                      "a\"b\\c\nd\te\x01"
                                      "f\rg\x1f"
                                      "h")},
                           "Phường \"A\"", "dir\\f.csv"),
                  {}, {{"dir\\f.csv", 2, "1.1", cchc::Rule::bad_number, cchc::Severity::error, "x \"y\"\n"}});
    std::string json = render("json", report, RenderOptions{});
    check_json(json);
    CHECK(contains(json, "\"file\": \"dir\\\\f.csv\""));
    CHECK(contains(json, "\"unit\": \"Phường \\\"A\\\"\""));
    CHECK(contains(json, "\"content\": \"say \\\"hi\\\"\""));
    CHECK(contains(json, "\"owner\": \"Tab\\there\""));
    CHECK(contains(json, "\"note\": \"a\\\"b\\\\c\\nd\\te\\u0001f\\rg\\u001fh\""));
    CHECK(contains(json, "\"message\": \"x \\\"y\\\"\\n\""));
    CHECK(contains(json, "\"self\": null"));
}

TEST_CASE("the JSON of check lists every finding") {
    Report report = report_of(sheet_of({criterion("1.1", 2, "A", "2", "2", "2.5")}), {},
                              {{"f.csv", 2, "1.1", cchc::Rule::score_above_max, cchc::Severity::error, "m"}});
    const std::string out = render_findings("json", report, RenderOptions{});
    check_json(out);
    CHECK(out ==
          "{\n  \"findings\": [\n    {\"file\": \"f.csv\", \"line\": 2, \"row\": null, \"sheet\": null, \"cell\": "
          "null, \"code\": \"1.1\", \"rule\": \"score-above-max\", \"severity\": \"error\", \"message\": \"m\"}\n  "
          "]\n}\n");
    cchc::Finding f{"b.xlsx[Phụ lục]", 6, "1.1", cchc::Rule::score_above_max, cchc::Severity::error, "E6: 1.1: m"};
    f.row = 6;
    f.cell = "E6";
    f.sheet = "Phụ lục";
    const std::string workbook = render_findings(
        "json", report_of(sheet_of({criterion("1.1", 2, "A", "2", "2", "2.5")}), {}, {f}), RenderOptions{});
    check_json(workbook);
    CHECK(contains(workbook, "{\"file\": \"b.xlsx[Phụ lục]\", \"line\": 6, \"row\": 6, \"sheet\": \"Phụ lục\", "
                             "\"cell\": \"E6\", \"code\": \"1.1\", "));
}

TEST_CASE("sheet_tables builds the labelled tables") {
    Report report = reference_report();
    const cchc::SheetSummary &summary = report.files.front().sheets.front();
    SUBCASE("by domain in Vietnamese") {
        RenderOptions options;
        options.tables = {TableKind::domain};
        std::vector<cchc::Table> tables = cchc::sheet_tables(summary, options);
        REQUIRE(tables.size() == 1);
        const cchc::Table &t = tables.front();
        CHECK(t.title == "Theo lĩnh vực");
        CHECK(t.headers == std::vector<std::string>{"Lĩnh vực", "Số tiêu chí", "Tối đa", "Tự đánh giá", "Thẩm định",
                                                    "Bị trừ", "Tỷ lệ đạt"});
        CHECK(t.numeric == std::vector<bool>{false, true, true, true, true, true, true});
        REQUIRE(t.rows.size() == 4);
        CHECK(t.rows[0] == std::vector<std::string>{"1", "5", "7.00", "5.50", "3.21", "3.79", "45,86 %"});
        CHECK(t.rows[3] == std::vector<std::string>{"7", "4", "6.00", "6.00", "3.61", "2.39", "60,17 %"});
    }
    SUBCASE("by owner: no owner is shown as such") {
        RenderOptions options;
        options.tables = {TableKind::owner};
        std::vector<cchc::Table> tables = cchc::sheet_tables(summary, options);
        REQUIRE(tables.size() == 1);
        CHECK(tables.front().rows.front().front() == "(không ghi)");
    }
    SUBCASE("the summary row") {
        std::vector<cchc::Table> tables = cchc::sheet_tables(summary, english({TableKind::sheet}));
        REQUIRE(tables.size() == 1);
        CHECK(tables.front().rows.front() == std::vector<std::string>{"phuong-1-2023", "16", "20.00", "18.50", "11.00",
                                                                      "9.00", "55.00 %", "91.00", "100.00", "Tốt"});
    }
    SUBCASE("top losses come last") {
        RenderOptions options = english({TableKind::sheet});
        options.top = 3;
        cchc::SummaryOptions summary_options;
        summary_options.top = 3;
        summary_options.out_of = cchc::Decimal::from_int(100);
        cchc::SheetSummary with_top = cchc::summarise(*summary.sheet, summary_options);
        std::vector<cchc::Table> tables = cchc::sheet_tables(with_top, options);
        REQUIRE(tables.size() == 2);
        const cchc::Table &top = tables.back();
        CHECK(top.title == "Top 3 points lost");
        REQUIRE(top.rows.size() == 3);
        CHECK(top.rows[0][0] == "1.5.4");
        CHECK(top.rows[0][4] == "1.50");
        CHECK(top.rows[1][0] == "1.5.3");
        CHECK(top.rows[2][0] == "1.7");
    }
}

TEST_CASE("headings and finding lines") {
    SUBCASE("sheet_heading with and without a period") {
        Report report = report_of(sheet_of({criterion("1.1", 2, "A", "1", "1", "1")}, "Phường 1", "a/b.csv"));
        CHECK(cchc::sheet_heading(report.files.front().sheets.front()) == "Phường 1 (a/b.csv)");
        report.files.front().loaded.sheets.front().period = "2023";
        CHECK(cchc::sheet_heading(report.files.front().sheets.front()) == "Phường 1 · 2023 (a/b.csv)");
    }
    SUBCASE("finding_line as compilers print") {
        CHECK(cchc::finding_line({"f.csv", 12, "1.1", cchc::Rule::score_above_max, cchc::Severity::error, "msg"},
                                 cchc::Lang::en) == "f.csv:12: error[score-above-max]: msg");
        CHECK(cchc::finding_line({"f.csv", 0, "", cchc::Rule::no_criteria, cchc::Severity::warning, "msg"},
                                 cchc::Lang::en) == "f.csv: warning[no-criteria]: msg");
    }
    SUBCASE("finding_line gives the spreadsheet's row only when it is not the line") {
        cchc::Finding f{"f.csv", 15, "1.1.3", cchc::Rule::note_percent_mismatch, cchc::Severity::warning, "msg"};
        f.row = 6;
        CHECK(cchc::finding_line(f, cchc::Lang::vi) == "f.csv:15 (hàng 6): cảnh báo[note-percent-mismatch]: msg");
        CHECK(cchc::finding_line(f, cchc::Lang::en) == "f.csv:15 (row 6): warning[note-percent-mismatch]: msg");
        f.row = 15;
        CHECK(cchc::finding_line(f, cchc::Lang::vi) == "f.csv:15: cảnh báo[note-percent-mismatch]: msg");
    }
    SUBCASE("finding_line writes the severity in the output language, English with --lang en") {
        cchc::Finding f{"f.csv", 15, "1.1.3", cchc::Rule::note_percent_mismatch, cchc::Severity::info, "msg"};
        CHECK(cchc::finding_line(f, cchc::Lang::vi) == "f.csv:15: thông tin[note-percent-mismatch]: msg");
        CHECK(cchc::finding_line(f, cchc::Lang::en) == "f.csv:15: info[note-percent-mismatch]: msg");
        f.severity = cchc::Severity::error;
        CHECK(cchc::finding_line(f, cchc::Lang::vi) == "f.csv:15: lỗi[note-percent-mismatch]: msg");
        CHECK(cchc::finding_line(f, cchc::Lang::en) == "f.csv:15: error[note-percent-mismatch]: msg");
    }
}

TEST_CASE("the table of formats names each format once, the default first") {
    CHECK(cchc::format_names(", ") == "text, md, csv, csv-vn, tsv, json, html, xlsx");
    for (const cchc::FormatInfo &format : cchc::formats()) {
        CAPTURE(format.name);
        CHECK(cchc::find_format(format.name) == &format);
        CHECK(&cchc::format_info(format.name, Lang::en) == &format);
        CHECK_FALSE(format.help_vi.empty());
        CHECK_FALSE(format.help_en.empty());
        CHECK(cchc::make_renderer(format.name, RenderOptions{}) != nullptr);
        // Only text colours; only xlsx is binary.
        CHECK(format.binary == (format.name == "xlsx"));
        CHECK(format.colors == (format.name == "text"));
    }
    CHECK(cchc::find_format("markdown") == cchc::find_format("md"));
    CHECK(cchc::find_format("xml") == nullptr);
    CHECK(cchc::find_format("") == nullptr);
    SUBCASE("an unknown name is an error that lists the names, in the output language") {
        CHECK_THROWS_WITH_AS(cchc::format_info("xml", Lang::en),
                             "--format: unknown format 'xml'; use one of: text, md, csv, csv-vn, tsv, json, html, xlsx",
                             cchc::Error);
        CHECK_THROWS_WITH_AS(
            cchc::make_renderer("xml", RenderOptions{}),
            "--format: không có định dạng 'xml'; hãy dùng một trong: text, md, csv, csv-vn, tsv, json, "
            "html, xlsx",
            cchc::Error);
    }
}

namespace {

/// Two files: the first with a finding of its own and one sheet with a
/// finding, the second with a finding of its own and no sheet.
Report two_files_report() {
    Report report = report_of(sheet_of({criterion("1.1", 2, "A", "2", "2", "2.5")}, "U", "a.csv"), {},
                              {{"a.csv", 2, "1.1", cchc::Rule::score_above_max, cchc::Severity::error, "too high"}});
    report.files.front().findings = {{"a.csv", 1, "", cchc::Rule::encoding_assumed, cchc::Severity::info, "cp1258"}};
    report.files.emplace_back().findings = {
        {"b.csv", 0, "", cchc::Rule::missing_column, cchc::Severity::error, "no max"}};
    return report;
}

} // namespace

TEST_CASE("report_document: each file's own findings, then a section per sheet") {
    const Report report = two_files_report();
    const cchc::FileReport &a = report.files[0];
    const cchc::Document doc = cchc::report_document(report);
    CHECK(doc.report == &report);
    CHECK(doc.comparison == nullptr);
    CHECK_FALSE(doc.findings_only);
    REQUIRE(doc.sections.size() == 3);

    const cchc::Section &own = doc.sections[0];
    CHECK(own.bare());
    CHECK(own.plain_findings);
    CHECK(own.findings == std::vector<const cchc::Finding *>{&a.findings[0]});

    const cchc::Section &sheet = doc.sections[1];
    CHECK(sheet.heading == "U (a.csv)");
    CHECK(sheet.sheet == &a.sheets[0]);
    CHECK_FALSE(sheet.plain_findings);
    CHECK(sheet.findings == std::vector<const cchc::Finding *>{&a.sheets[0].findings[0]});
    REQUIRE(sheet.tables);
    // The tables are sheet_tables, built with the options of the format that asks.
    const RenderOptions options = english({TableKind::owner, TableKind::domain});
    const std::vector<cchc::Table> tables = sheet.tables(options);
    const std::vector<cchc::Table> expected = cchc::sheet_tables(a.sheets[0], options);
    REQUIRE(tables.size() == 2);
    for (std::size_t i = 0; i < tables.size(); ++i) {
        CHECK(tables[i].title == expected[i].title);
        CHECK(tables[i].rows == expected[i].rows);
    }

    const cchc::Section &second = doc.sections[2];
    CHECK(second.bare());
    CHECK(second.findings == std::vector<const cchc::Finding *>{&report.files[1].findings[0]});
    CHECK(doc.findings() ==
          std::vector<const cchc::Finding *>{&a.findings[0], &a.sheets[0].findings[0], &report.files[1].findings[0]});
}

TEST_CASE("check_document: every finding in file order, as the document itself") {
    const Report report = two_files_report();
    const cchc::Document doc = cchc::check_document(report);
    CHECK(doc.findings_only);
    CHECK(doc.report == nullptr);
    CHECK(doc.comparison == nullptr);
    REQUIRE(doc.sections.size() == 1);
    CHECK(doc.sections[0].bare());
    CHECK_FALSE(doc.sections[0].plain_findings);
    CHECK(doc.sections[0].findings == std::vector<const cchc::Finding *>{&report.files[0].findings[0],
                                                                         &report.files[0].sheets[0].findings[0],
                                                                         &report.files[1].findings[0]});
}

TEST_CASE("compare_document: the comparison's tables, then every finding") {
    const Report report = two_files_report();
    const cchc::SheetSummary &one = report.files[0].sheets[0];
    cchc::Comparison comparison;
    comparison.ranking = cchc::rank_sheets({&one});
    SUBCASE("a ranking stands for itself") {
        const cchc::Document doc = cchc::compare_document(comparison, report);
        CHECK(doc.comparison == &comparison);
        CHECK(doc.report == nullptr);
        REQUIRE(doc.sections.size() == 1);
        const cchc::Section &section = doc.sections[0];
        CHECK(section.heading.empty());
        REQUIRE(section.tables);
        const std::vector<cchc::Table> tables = section.tables(english({}));
        REQUIRE(tables.size() == 1);
        CHECK(tables[section.main_table].kind == TableKind::ranking);
        CHECK(section.findings.size() == 3);
    }
    SUBCASE("for two periods, the criteria side by side stand for the comparison") {
        comparison.periods = cchc::compare_periods(one, one);
        const cchc::Document doc = cchc::compare_document(comparison, report);
        const std::vector<cchc::Table> tables = doc.sections[0].tables(english({}));
        REQUIRE(tables.size() == 3);
        CHECK(tables[doc.sections[0].main_table].kind == TableKind::period_criteria);
    }
}

TEST_CASE("every format prints a document of no findings") {
    const Report report = report_of(sheet_of({criterion("1.1", 2, "A", "2", "2", "2")}));
    const RenderOptions options = english({});
    CHECK(render_findings("text", report, options).empty());
    CHECK(render_findings("md", report, options) == "| File | Line | Row | Code | Severity | Rule | Message |\n"
                                                    "| ---- | ---: | --: | ---- | -------- | ---- | ------- |\n");
    CHECK(render_findings("csv", report, options) == "File,Line,Row,Code,Severity,Rule,Message\r\n");
    CHECK(render_findings("tsv", report, options) == "File\tLine\tRow\tCode\tSeverity\tRule\tMessage\r\n");
    CHECK(render_findings("json", report, options) == "{\n  \"findings\": []\n}\n");
}

TEST_CASE("a report's findings are notes beside its tables") {
    const Report report = two_files_report();
    RenderOptions options = english({TableKind::sheet});
    SUBCASE("text: a file's own findings run on before its sheets, uncoloured; a sheet's come under a title") {
        options.color = true;
        const std::string out = render("text", report, options);
        CHECK(out.rfind("a.csv:1: info[encoding-assumed]: cp1258\n\x1b[1m== U (a.csv) ==\x1b[0m\n", 0) == 0);
        CHECK(contains(out, "\n\n\x1b[1mFindings\x1b[0m\n\x1b[31ma.csv:2: error[score-above-max]: too high\x1b[0m\n"
                            "b.csv: error[missing-column]: no max\n"));
    }
    SUBCASE("md: a file's own findings are a table of their own") {
        const std::string out = render("md", report, options);
        CHECK(out.rfind("| File | Line | Row | Code | Severity | Rule | Message |\n"
                        "| ----- | ---: | --: | ---- | -------- | ---------------- | ------- |\n"
                        "| a.csv | 1 |  |  | info | encoding-assumed | cp1258 |\n\n## U (a.csv)\n",
                        0) == 0);
        CHECK(contains(out, "\n### Findings\n\n| File | Line | Row | Code | Severity | Rule | Message |\n"));
    }
    SUBCASE("csv and tsv write the tables only") {
        CHECK(render("csv", report, options) ==
              "File,Unit,Period,Criteria,Max,Self,Appraised,Lost,Achieved,Index,Out of,Rating\r\n"
              "a.csv,U,,1,2.00,2.00,2.50,-0.50,125.00,2.50,2.00,Tốt\r\n");
        Report no_sheets;
        no_sheets.files.emplace_back().findings = report.files[1].findings;
        CHECK(render("csv", no_sheets, options).empty());
        CHECK(render("tsv", no_sheets, options).empty());
        CHECK(contains(render("json", no_sheets, options),
                       "\"sheets\": [],\n  \"findings\": [\n    {\"file\": \"b.csv\""));
    }
}

TEST_CASE("write_delimited_row quotes as RFC 4180 and neutralises formulas in text cells") {
    SUBCASE("comma") {
        std::ostringstream out;
        cchc::write_delimited_row(out, {"a", "b,c", "say \"hi\"", "line\nbreak", "=1+1", "-0.50", "@x", "+84"},
                                  {false, false, false, false, false, true, false, false}, ',');
        CHECK(out.str() == "a,\"b,c\",\"say \"\"hi\"\"\",\"line\nbreak\",'=1+1,-0.50,'@x,'+84\r\n");
    }
    SUBCASE("tab") {
        std::ostringstream out;
        cchc::write_delimited_row(out, {"a\tb", "c,d", "\tx"}, {false, false, false}, '\t');
        CHECK(out.str() == "\"a\tb\"\tc,d\t\"'\tx\"\r\n");
    }
    SUBCASE("semicolon") {
        std::ostringstream out;
        cchc::write_delimited_row(out, {"a;b", "1,5"}, {false, true}, ';');
        CHECK(out.str() == "\"a;b\";1,5\r\n");
    }
}

TEST_CASE("csv and tsv output one table with the file and unit on every row") {
    Report report = reference_report();
    const std::string file = cchc::test::reference_sheet_path();
    SUBCASE("csv by domain") {
        std::string expected = "File,Unit,Period,Domain,Criteria,Max,Self,Appraised,Lost,Achieved\r\n" + file +
                               ",phuong-1-2023,,1,5,7.00,5.50,3.21,3.79,45.86\r\n" + file +
                               ",phuong-1-2023,,3,6,6.00,6.00,4.18,1.82,69.67\r\n" + file +
                               ",phuong-1-2023,,4,1,1.00,1.00,0.00,1.00,0.00\r\n" + file +
                               ",phuong-1-2023,,7,4,6.00,6.00,3.61,2.39,60.17\r\n";
        CHECK(render("csv", report, english({TableKind::domain})) == expected);
    }
    SUBCASE("csv with a decimal comma and a BOM") {
        RenderOptions options = english({TableKind::sheet});
        options.decimal_comma = true;
        options.bom = true;
        std::string expected = "\xEF\xBB\xBF"
                               "File;Unit;Period;Criteria;Max;Self;Appraised;Lost;Achieved;Index;Out of;Rating\r\n" +
                               file + ";phuong-1-2023;;16;20,00;18,50;11,00;9,00;55,00;91,00;100,00;Tốt\r\n";
        CHECK(render("csv", report, options) == expected);
    }
    SUBCASE("tsv by owner: an owner that starts with a dash is neutralised") {
        std::string out = render("tsv", report, english({TableKind::owner}));
        CHECK(out.rfind("File\tUnit\tPeriod\tOwner\tCriteria\tMax\tSelf\tAppraised\tLost\tAchieved\r\n", 0) == 0);
        CHECK(contains(
            out, "\tphuong-1-2023\t\t'- Văn phòng - Thống kê (phụ trách CCHC)\t1\t1.00\t1.00\t0.00\t1.00\t0.00\r\n"));
        CHECK(contains(out, "\tphuong-1-2023\t\tCác công chức liên quan\t3\t5.00\t5.00\t3.61\t1.39\t72.20\r\n"));
    }
}

TEST_CASE("csv output neutralises formulas but not negative numbers") {
    Report report = report_of(sheet_of({criterion("1.1", 2, "=HYPERLINK(\"http://x\")", "1", "1", "1.5", "@SUM(A1)")}));
    std::string out = render("csv", report, english({TableKind::criterion}));
    CHECK(out == "File,Unit,Period,Code,Line,Content,Max,Self,Appraised,Lost,Achieved,Owner,Note\r\n"
                 "f.csv,U,,1.1,2,'@SUM(A1),1.00,1.00,1.50,-0.50,150.00,\"'=HYPERLINK(\"\"http://x\"\")\",\r\n");
}

TEST_CASE("csv findings list every finding") {
    cchc::Finding f{"f.csv", 9, "1.1", cchc::Rule::score_above_max, cchc::Severity::error, "1.1: a, \"b\""};
    f.row = 2;
    Report report = report_of(sheet_of({criterion("1.1", 2, "A", "2", "2", "2.5")}), {}, {f});
    CHECK(render_findings("csv", report, english({})) ==
          "File,Line,Row,Code,Severity,Rule,Message\r\n"
          "f.csv,9,2,1.1,error,score-above-max,\"1.1: a, \"\"b\"\"\"\r\n");
    CHECK(render_findings("csv", report, RenderOptions{}) ==
          "Tệp,Dòng,Hàng,Mục,Mức,Quy tắc,Nội dung\r\n"
          "f.csv,9,2,1.1,lỗi,score-above-max,\"1.1: a, \"\"b\"\"\"\r\n");
}

TEST_CASE("csv of hostile cells parses back with a CSV parser, every hostile cell neutral") {
    // The sheet's cells start with = + - @, a tab or a line break; the CSV
    // written from it is read back with fast-cpp-csv-parser.
    Report report;
    report.files.emplace_back();
    cchc::FileReport &file = report.files.back();
    file.loaded = cchc::load_file(std::string(CCHC_SOURCE_DIR) + "/tests/data/hostile-cells.csv", {});
    REQUIRE(file.loaded.sheets.size() == 1);
    file.sheets.push_back(cchc::summarise(file.loaded.sheets.front(), {}));
    const std::string csv = render("csv", report, english({TableKind::criterion}));

    std::unique_ptr<cchc::DecodingSource> source = cchc::test::source_of(csv);
    cchc::RecordReader reader("out.csv", std::move(source), cchc::Lang::en);
    cchc::RawRecord record;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> cells;
    while (reader.next(record)) {
        cchc::split_record(record, ',', "out.csv", cells, cchc::Lang::en);
        rows.push_back(cells);
    }
    REQUIRE(rows.size() == 4); // the header and three criteria
    for (const auto &row : rows)
        CHECK(row.size() == rows.front().size());
    const std::vector<std::string> &header = rows.front();
    auto column = [&](const std::string &name) {
        auto it = std::find(header.begin(), header.end(), name);
        REQUIRE(it != header.end());
        return static_cast<std::size_t>(it - header.begin());
    };
    const std::size_t content = column("Content"), owner = column("Owner"), note = column("Note");
    CHECK(rows[1][content] == "'=HYPERLINK(\"http://example.invalid\";\"bấm\")");
    CHECK(rows[1][owner] == "'@SUM(A1:A2)");
    CHECK(rows[1][note] == "'+1+1");
    CHECK(rows[2][content] == "'-Văn phòng");
    CHECK(rows[2][owner] == "'=2+2");
    CHECK(rows[3][content] == "Bình thường, có dấu phẩy");
    CHECK(rows[3][note] == "ghi \"chú\"");
    for (std::size_t r = 1; r < rows.size(); ++r)
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            const std::string &cell = rows[r][c];
            bool number = !cell.empty() && std::all_of(cell.begin(), cell.end(), [](char ch) {
                return std::isdigit(static_cast<unsigned char>(ch)) || ch == '.' || ch == '-';
            });
            if (!number && !cell.empty()) CHECK(std::string("=+-@\t\r").find(cell.front()) == std::string::npos);
        }
}

TEST_CASE("csv of thousands of sheets, written in two halves at once, keeps the sheets' order") {
    // From 2,000 sheets on, the second half is written on another thread.
    Report report;
    report.files.emplace_back();
    cchc::FileReport &file = report.files.back();
    const std::size_t count = 2501;
    file.loaded.sheets.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        file.loaded.sheets.push_back(
            sheet_of({criterion("1.1", 2, "A", "2", "2", "1.5"), criterion("1.2", 3, "B", "1", "1", "1")},
                     "U" + std::to_string(i)));
    for (const Sheet &sheet : file.loaded.sheets)
        file.sheets.push_back(cchc::summarise(sheet, {}));
    for (const std::string format : {"csv", "tsv"}) {
        CAPTURE(format);
        const char d = format == "csv" ? ',' : '\t';
        std::string expected = fmt::format("File{0}Unit{0}Period{0}Owner{0}Criteria{0}Max{0}Self{0}Appraised{0}Lost{0}"
                                           "Achieved\r\n",
                                           d);
        for (std::size_t i = 0; i < count; ++i) {
            expected += fmt::format("f.csv{0}U{1}{0}{0}A{0}1{0}2.00{0}2.00{0}1.50{0}0.50{0}75.00\r\n", d, i);
            expected += fmt::format("f.csv{0}U{1}{0}{0}B{0}1{0}1.00{0}1.00{0}1.00{0}0.00{0}100.00\r\n", d, i);
        }
        CHECK(render(format, report, english({TableKind::owner})) == expected);
    }
}

/// The parts' documents printed one after another by one renderer, as cchc
/// does with a province (Document::continues, continued); `after` sees the
/// output after each part.
template <typename DocumentOf>
std::string print_parts(const cchc::Renderer &renderer, const std::vector<Report> &parts, DocumentOf document_of,
                        const std::function<void(const std::string &, bool continued)> &after = {}) {
    std::ostringstream out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        cchc::Document document = document_of(parts[i]);
        document.continues = i > 0;
        document.continued = i + 1 < parts.size();
        renderer.print(document, out);
        if (after) after(out.str(), document.continued);
    }
    return out.str();
}

TEST_CASE("a report printed in parts by one renderer is the report printed whole") {
    // cchc report reads a province a part of the files at a time
    // (Document::continues): the bytes must not show where a part ended.
    auto four_files = [] {
        Report report = two_files_report();
        for (const char *name : {"c.csv", "d.csv"}) {
            Report one = report_of(sheet_of({criterion("1.1", 2, "B", "2", "1.5", "0.5")}, name, name));
            report.files.push_back(std::move(one.files.front()));
        }
        return report;
    };
    const Report whole = four_files();
    for (const std::string format : {"text", "md", "csv", "csv-vn", "tsv", "json", "html"}) {
        for (bool bom : {false, true}) {
            CAPTURE(format);
            CAPTURE(bom);
            RenderOptions options = english({});
            options.bom = bom;
            const std::string expected = render(format, whole, options);
            // Parts of 1 (then 2, then 1) files, and an empty last part.
            Report all = four_files();
            std::vector<Report> parts(4);
            parts[0].files.push_back(std::move(all.files[0]));
            parts[1].files.push_back(std::move(all.files[1]));
            parts[1].files.push_back(std::move(all.files[2]));
            parts[2].files.push_back(std::move(all.files[3]));
            std::unique_ptr<cchc::Renderer> renderer = cchc::make_renderer(format, options);
            CHECK(print_parts(*renderer, parts, cchc::report_document) == expected);
            // The same renderer then prints a document of its own afresh.
            std::ostringstream again;
            renderer->print(cchc::report_document(whole), again);
            CHECK(again.str() == expected);
        }
    }
    SUBCASE("xlsx: the same worksheets, rows and charts") {
        // The workbook's bytes carry the time it was made: its parts are compared.
        auto parts_of = [](const std::string &xlsx) {
            cchc::workbook_detail::ZipContainer zip(xlsx, "book.xlsx", Lang::en);
            std::string text;
            auto add = [&](const std::string &part) {
                if (!zip.has(part)) return false;
                text += "== " + part + "\n";
                zip.read(part, [&](std::string_view chunk) { text += chunk; });
                return true;
            };
            add("xl/workbook.xml");
            for (int n = 1; add(fmt::format("xl/worksheets/sheet{}.xml", n)); ++n) {
            }
            for (int n = 1; add(fmt::format("xl/charts/chart{}.xml", n)); ++n) {
            }
            return text;
        };
        const RenderOptions options = english({});
        const std::string expected = parts_of(render("xlsx", whole, options));
        CHECK(expected.find("sheet5.xml") != std::string::npos);
        Report all = four_files();
        std::vector<Report> parts(3);
        parts[0].files.push_back(std::move(all.files[0]));
        parts[1].files.push_back(std::move(all.files[1]));
        parts[1].files.push_back(std::move(all.files[2]));
        parts[2].files.push_back(std::move(all.files[3]));
        std::unique_ptr<cchc::Renderer> renderer = cchc::make_renderer("xlsx", options);
        // Nothing is written before the last part: a refused part leaves no half a workbook.
        const std::string out =
            print_parts(*renderer, parts, cchc::report_document, [](const std::string &so_far, bool continued) {
                if (continued) CHECK(so_far.empty());
            });
        CHECK(parts_of(out) == expected);
        std::ostringstream again;
        renderer->print(cchc::report_document(whole), again);
        CHECK(parts_of(again.str()) == expected);
    }
}

TEST_CASE("a check printed in parts by one renderer is the check printed whole") {
    // cchc check prints a province a part of the files at a time, as report
    // does: one table (or list, or array) of findings across the parts.
    auto three_files = [] {
        Report report = two_files_report();
        Report clean = report_of(sheet_of({criterion("1.1", 2, "B", "2", "1.5", "0.5")}, "c.csv", "c.csv"));
        report.files.push_back(std::move(clean.files.front()));
        return report;
    };
    const Report whole = three_files();
    for (const std::string format : {"text", "md", "csv", "csv-vn", "tsv", "json", "html"}) {
        for (bool none : {false, true}) {
            CAPTURE(format);
            CAPTURE(none);
            const RenderOptions options = english({});
            Report all = three_files();
            // Parts: one with no file, then 1, then 2 files, and an empty last part; or a file without findings.
            std::vector<Report> parts(4);
            Report expected_report;
            if (none) {
                parts[2].files.push_back(std::move(all.files[2]));
                Report clean = three_files();
                expected_report.files.push_back(std::move(clean.files[2]));
            } else {
                parts[1].files.push_back(std::move(all.files[0]));
                parts[2].files.push_back(std::move(all.files[1]));
                parts[2].files.push_back(std::move(all.files[2]));
            }
            const std::string expected = render_findings(format, none ? expected_report : whole, options);
            std::unique_ptr<cchc::Renderer> renderer = cchc::make_renderer(format, options);
            const std::string out = print_parts(*renderer, parts, cchc::check_document);
            if (format == "md") {
                // The dashes under the header follow the first part's widths: the rest is the same.
                auto without_rule = [](const std::string &text) {
                    std::string kept;
                    std::istringstream lines(text);
                    for (std::string line; std::getline(lines, line);)
                        if (line.rfind("| -", 0) != 0) kept += line + "\n";
                    return kept;
                };
                CHECK(without_rule(out) == without_rule(expected));
            } else {
                CHECK(out == expected);
            }
        }
    }
    SUBCASE("xlsx: one findings worksheet") {
        const RenderOptions options = english({});
        std::unique_ptr<cchc::Renderer> renderer = cchc::make_renderer("xlsx", options);
        Report all = three_files();
        std::vector<Report> parts(2);
        parts[0].files.push_back(std::move(all.files[0]));
        parts[1].files.push_back(std::move(all.files[1]));
        const std::string out = print_parts(*renderer, parts, cchc::check_document);
        cchc::workbook_detail::ZipContainer zip(out, "book.xlsx", Lang::en);
        CHECK_FALSE(zip.has("xl/worksheets/sheet2.xml"));
        std::string sheet;
        zip.read("xl/worksheets/sheet1.xml", [&](std::string_view chunk) { sheet += chunk; });
        for (const char *message : {"too high", "cp1258", "no max"})
            CHECK(sheet.find(message) != std::string::npos);
    }
}
