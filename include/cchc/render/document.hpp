#pragma once
// What a command prints, before any format lays it out: a document, an
// ordered list of sections, each a heading over labelled tables and
// findings. Every format prints any document, so a command is not written
// once per format. A section's tables are built only when a format lays the
// section out, with that format's options (its numbers, which tables it
// keeps): a document of a province's sheets never holds every sheet's
// tables at once, and csv builds them on two cores (see delimited.cpp).

#include <cchc/render/tables.hpp>

#include <functional>
#include <string>
#include <vector>

namespace cchc {

struct Explanation;

/// One file as `cchc explain` shows it: how it was read, and what its
/// sheets added up to.
struct ExplainedFile {
    const Explanation *explanation = nullptr;
    const FileReport *report = nullptr; ///< its sheets' summaries, and its own findings
};

struct Section {
    std::string heading; ///< empty: none
    /// Its labelled tables, in order; empty: none.
    std::function<std::vector<Table>(const RenderOptions &)> tables;
    /// The table that stands for the section in a format with room for one
    /// table (csv, tsv).
    std::size_t main_table = 0;
    /// The sheet it is about, if any: csv and tsv begin its rows with the
    /// sheet's file, unit and period.
    const SheetSummary *sheet = nullptr;
    /// After the tables, under a title of their own when there are any; in
    /// a bare section, without a title and even when there are none.
    std::vector<const Finding *> findings;
    bool plain_findings = false; ///< text: not coloured (a file's own findings in a report)

    /// No heading and no tables: a list of findings.
    bool bare() const { return heading.empty() && !tables; }
};

struct Document {
    std::vector<Section> sections;
    /// The findings are what the document is about (`cchc check`): csv and
    /// tsv write them as their one table. Otherwise those two write the
    /// sections' main tables and leave the findings to the other formats.
    bool findings_only = false;
    /// The data json writes, with the keys SPEC section 7 promises, instead
    /// of the tables: the sheets of `cchc report`, the comparison of `cchc
    /// compare`. Neither: json writes the sections.
    const Report *report = nullptr;
    const Comparison *comparison = nullptr;
    /// The files of `cchc explain`, which json writes with the keys of
    /// docs/json.md.
    const std::vector<ExplainedFile> *explained = nullptr;

    /// A document printed a part at a time by one renderer (a province's
    /// files, a part after another: see print_in_parts). `continues`:
    /// an earlier part was printed (no BOM, header or opening again);
    /// `continued`: a later part follows (no closing yet).
    bool continues = false;
    bool continued = false;

    /// Every section's findings, in order.
    std::vector<const Finding *> findings() const;
};

/// `cchc report`: each file's own findings, then a section per sheet (its
/// heading, the tables of --by and --top, its findings).
Document report_document(const Report &report);
/// `cchc check`: every finding, in file order.
Document check_document(const Report &report);
/// `cchc explain`: a section per file (how it was read, every row, its
/// sheets and what they added up to), then the file's own findings.
Document explain_document(const std::vector<ExplainedFile> &files);
/// `cchc compare`: the ranking or the two periods, then every finding.
Document compare_document(const Comparison &comparison, const Report &report);

} // namespace cchc
