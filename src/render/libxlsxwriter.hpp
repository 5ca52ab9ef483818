#pragma once
// The functions of libxlsxwriter that --format xlsx calls, opened on first
// use (platform/library.hpp): a run that writes no workbook never loads it.

#include <cchc/platform/library.hpp>

#include <xlsxwriter.h>

#ifndef CCHC_XLSXWRITER_SONAME
#define CCHC_XLSXWRITER_SONAME "libxlsxwriter"
#define CCHC_XLSXWRITER_PACKAGE "libxlsxwriter"
#endif

namespace cchc::lxw {

inline constexpr const char *k_soname = CCHC_XLSXWRITER_SONAME;
inline constexpr const char *k_package = CCHC_XLSXWRITER_PACKAGE;

#define CCHC_XLSXWRITER(name) CCHC_LIBRARY_FUNCTION(k_soname, k_package, name)
CCHC_XLSXWRITER(workbook_new_opt)
CCHC_XLSXWRITER(workbook_add_format)
CCHC_XLSXWRITER(workbook_add_worksheet)
CCHC_XLSXWRITER(workbook_add_chart)
CCHC_XLSXWRITER(workbook_close)
CCHC_XLSXWRITER(format_set_align)
CCHC_XLSXWRITER(format_set_bg_color)
CCHC_XLSXWRITER(format_set_bold)
CCHC_XLSXWRITER(format_set_border)
CCHC_XLSXWRITER(format_set_num_format)
CCHC_XLSXWRITER(format_set_text_wrap)
CCHC_XLSXWRITER(worksheet_autofilter)
CCHC_XLSXWRITER(worksheet_fit_to_pages)
CCHC_XLSXWRITER(worksheet_freeze_panes)
CCHC_XLSXWRITER(worksheet_insert_chart_opt)
CCHC_XLSXWRITER(worksheet_repeat_rows)
CCHC_XLSXWRITER(worksheet_set_column)
CCHC_XLSXWRITER(worksheet_set_column_opt)
CCHC_XLSXWRITER(worksheet_set_landscape)
CCHC_XLSXWRITER(worksheet_set_paper)
CCHC_XLSXWRITER(worksheet_set_row)
CCHC_XLSXWRITER(worksheet_write_number)
CCHC_XLSXWRITER(worksheet_write_string)
CCHC_XLSXWRITER(chart_add_series)
CCHC_XLSXWRITER(chart_axis_set_min)
CCHC_XLSXWRITER(chart_axis_set_reverse)
CCHC_XLSXWRITER(chart_legend_set_position)
CCHC_XLSXWRITER(chart_series_set_categories)
CCHC_XLSXWRITER(chart_series_set_values)
CCHC_XLSXWRITER(chart_show_hidden_data)
CCHC_XLSXWRITER(chart_title_set_name)
CCHC_XLSXWRITER(lxw_strerror)
#undef CCHC_XLSXWRITER

} // namespace cchc::lxw
