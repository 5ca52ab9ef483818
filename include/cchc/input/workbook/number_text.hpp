#pragma once
// A workbook's number cell as the clerk sees it. A spreadsheet stores a
// number as the text of a binary double ("1.9099999999999999" for 1.91);
// it shows at most 15 significant digits, rounded to the decimals of the
// cell's number format. The conversion is done on the digits, exactly: a
// double would bring the binary error back.

#include <string>
#include <string_view>

namespace cchc {

/// What a cell's number format says about how it shows a number.
struct NumberFormat {
    int decimals = -1;    ///< places after the point, -1 for General (as many as needed)
    bool date = false;    ///< a date or time format (d, m, y, h, s outside quotes)
    bool percent = false; ///< the value is shown times 100 with a '%'
};

/// The format of Excel's built-in number format `id` (0 General, 2 "0.00",
/// 14 a date…); General for an id it does not know.
NumberFormat builtin_number_format(int id);

/// The format a format code says ("0.00", "#,##0.0", "dd/mm/yyyy", "0%"),
/// from its first section (before ';').
NumberFormat parse_number_format(std::string_view code);

/// `stored` (a decimal number: "2.6749999999999998", "-1E-7", "3") rounded
/// half away from zero to 15 significant digits, then to `decimals` places
/// when it is 0 or more, written without exponent or thousands separator:
/// with exactly `decimals` places, or (General, -1) without trailing zeros.
/// Empty when `stored` is no such number or its magnitude is 1e30 or more.
std::string displayed_number(std::string_view stored, int decimals);

/// The cell's text for `stored` in `format`: displayed_number, times 100
/// with " %" for a percent format. A date format gives the text of a date
/// ("d/m/yyyy", day first as in Vietnam) for a serial day number
/// (`date1904`: counted from 1904); empty when it is not one.
std::string format_cell_number(std::string_view stored, const NumberFormat &format, bool date1904 = false);

/// An ISO date ("2023-03-01", maybe with a time) as a cell shows it in
/// Vietnam ("1/3/2023"); the text as it is when it is no such date.
std::string iso_date_text(std::string_view iso);

} // namespace cchc
