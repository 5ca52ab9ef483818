// The documents of report, check and compare (see render/document.hpp):
// which sections, in which order, holding which tables and findings. The
// tables themselves are sheet_tables and comparison_tables (tables.cpp).
#include <cchc/render/document.hpp>

namespace cchc {

namespace {

void add_findings(std::vector<const Finding *> &to, const std::vector<Finding> &findings) {
    for (const Finding &f : findings)
        to.push_back(&f);
}

/// Every finding of the report in file order: each file's own, then each sheet's.
std::vector<const Finding *> all_findings(const Report &report) {
    std::vector<const Finding *> all;
    for (const FileReport &file : report.files) {
        add_findings(all, file.findings);
        for (const SheetSummary &sheet : file.sheets)
            add_findings(all, sheet.findings);
    }
    return all;
}

} // namespace

std::vector<const Finding *> Document::findings() const {
    std::vector<const Finding *> all;
    for (const Section &section : sections)
        all.insert(all.end(), section.findings.begin(), section.findings.end());
    return all;
}

Document report_document(const Report &report) {
    Document doc;
    doc.report = &report;
    for (const FileReport &file : report.files) {
        if (!file.findings.empty()) {
            Section &section = doc.sections.emplace_back();
            add_findings(section.findings, file.findings);
            section.plain_findings = true;
        }
        for (const SheetSummary &sheet : file.sheets) {
            Section &section = doc.sections.emplace_back();
            section.heading = sheet_heading(sheet);
            section.tables = [&sheet](const RenderOptions &options) { return sheet_tables(sheet, options); };
            section.sheet = &sheet;
            add_findings(section.findings, sheet.findings);
        }
    }
    return doc;
}

Document check_document(const Report &report) {
    Document doc;
    doc.findings_only = true;
    doc.sections.emplace_back().findings = all_findings(report);
    return doc;
}

Document explain_document(const std::vector<ExplainedFile> &files) {
    Document doc;
    doc.explained = &files;
    for (const ExplainedFile &file : files) {
        Section &section = doc.sections.emplace_back();
        section.heading = file.report->loaded.file;
        section.tables = [&file](const RenderOptions &options) { return explain_tables(file, options); };
        add_findings(section.findings, file.report->findings);
    }
    return doc;
}

Document compare_document(const Comparison &comparison, const Report &report) {
    Document doc;
    doc.comparison = &comparison;
    Section &section = doc.sections.emplace_back();
    section.tables = [&comparison](const RenderOptions &options) { return comparison_tables(comparison, options); };
    // For two periods, the criteria side by side (after the totals).
    section.main_table = comparison.periods ? 1 : 0;
    section.findings = all_findings(report);
    return doc;
}

} // namespace cchc
