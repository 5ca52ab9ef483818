#pragma once
// Summaries → tables of text cells, labelled in the output language, that
// every text format lays out the same way; and the options of the formats.

#include <cchc/base/lang.hpp>
#include <cchc/pipeline/report.hpp>
#include <cchc/summary/compare.hpp>
#include <cchc/summary/summary.hpp>

#include <string>
#include <vector>

namespace cchc {

struct ExplainedFile;

enum class TableKind {
    sheet,
    domain,
    owner,
    criterion,
    top,
    ranking,
    period_total,
    period_criteria,
    period_owners,
    findings,
    explain,    ///< the tables of `cchc explain`
    appendix,   ///< the criteria as a ward's report appendix lays them out, with their total
    owner_tasks ///< per owner, the criteria where points were lost, and the owner's total
};

/// How numbers are written in tables: for people ("96,56 %") or for
/// spreadsheets (plain numbers, one decimal separator).
struct NumberStyle {
    char score_separator = '.';
    char percent_separator = 0; ///< 0: as the language writes it (',' in Vietnamese)
    bool percent_sign = true;
};

struct RenderOptions {
    Lang lang = Lang::vi;
    NumberStyle numbers;
    bool bom = false;           ///< csv/tsv: start with a UTF-8 BOM for Excel
    bool decimal_comma = false; ///< csv: ',' decimals and ';' between cells
    /// --by; empty: every table (csv/tsv keep one: see delimited.cpp).
    std::vector<TableKind> tables;
    std::size_t top = 0;
    bool color = false;
    std::size_t width = 0;        ///< columns available for text tables, 0 for no limit
    bool criterion_total = false; ///< the criterion table ends with the sheet's Tổng cộng row
    /// csv, tsv, xlsx: the rank and the number ranked as two number columns
    /// (a spreadsheet reads a "3/5" cell as the 3rd of May); else one "3/5".
    bool rank_as_numbers = false;
};

/// A table as text cells, ready to lay out. Built once from the summaries
/// so every text format shows the same labels and numbers.
struct Table {
    TableKind kind = TableKind::sheet;
    std::string title;
    std::vector<std::string> headers;
    std::vector<bool> numeric; ///< right-aligned columns
    std::vector<bool> percent; ///< percentages among the numeric columns (empty: none)
    std::vector<std::vector<std::string>> rows;
    bool total_row = false;                 ///< the last row is the total of the others
    std::vector<std::size_t> subtotal_rows; ///< rows that total the rows above them (owner_tasks)
};

/// One bar of a chart: its label, its exact value and that value as the
/// tables write it.
struct Bar {
    std::string label;
    Decimal value;
    std::string text;
};

/// A bar chart of one table's column: the picture formats draw it.
struct Chart {
    TableKind kind = TableKind::domain; ///< the table it pictures
    std::string title;
    std::vector<Bar> bars;
    /// What a full-length bar stands for (100 % for achievements); zero:
    /// the largest bar.
    Decimal full;
};

/// The tables of one sheet, in the order of `options.tables`, then the top
/// losses when asked for.
std::vector<Table> sheet_tables(const SheetSummary &summary, const RenderOptions &options);
/// The tables of `cchc compare`: the ranking, or for two periods the
/// totals, the criteria and the owners side by side.
std::vector<Table> comparison_tables(const Comparison &comparison, const RenderOptions &options);
/// The tables of `cchc explain` for one file: how it was read, its header's
/// columns, every row, the kinds of rows seen, the sheets made and their
/// totals. Texts are cut to fit `options.width` (80 columns when 0).
std::vector<Table> explain_tables(const ExplainedFile &file, const RenderOptions &options);
/// The criteria in the layout of a ward report's appendix (Mục, Nội
/// dung, Điểm tối đa, tự đánh giá, thẩm định, bị trừ, Ghi chú, Trách
/// nhiệm bộ phận phụ trách), then the Tổng cộng row of the sheet's totals.
Table appendix_table(const SheetSummary &summary, const RenderOptions &options);
/// What each owner must fix: owners by points lost, each with the criteria
/// where it lost points (most first), their notes, then its total.
Table owner_tasks_table(const SheetSummary &summary, const RenderOptions &options);
/// The pictures of one sheet: points lost per domain and per owner, the
/// achievement of each criterion (only when the criteria were kept).
std::vector<Chart> sheet_charts(const SheetSummary &summary, const RenderOptions &options);
/// The pictures of `cchc compare`: the units by index, or for two periods
/// the points lost per owner in the later period.
std::vector<Chart> comparison_charts(const Comparison &comparison, const RenderOptions &options);
/// The label of each ranked sheet's bar, in order: "unit · period" (the
/// unit alone without a period), and " (file)" after it when another
/// ranked sheet has the same unit and period, so no two bars look alike.
std::vector<std::string> ranking_labels(const std::vector<RankedSheet> &ranking);
/// "lỗi", "cảnh báo", "thông tin" (error, warning, info).
std::string_view severity_label(Severity severity, Lang lang);
/// The findings as md, csv and tsv list them: file, line, code, severity,
/// rule and message.
Table findings_table(const std::vector<const Finding *> &findings, Lang lang);
/// "Kết quả kiểm tra": the title over a sheet's findings.
std::string_view findings_title(Lang lang);
/// "phuong-1 (samples/phuong-1.csv)", with the period when there is one.
std::string sheet_heading(const SheetSummary &summary);
/// `file:line: severity[rule]: message`, as compilers print, the severity in
/// the output language; `file:line (row R): …` when the spreadsheet's row
/// is not the physical line (a CSV with line breaks in quoted cells).
std::string finding_line(const Finding &finding, Lang lang);

} // namespace cchc
