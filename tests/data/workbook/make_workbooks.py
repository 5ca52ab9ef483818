#!/usr/bin/python3
"""Writes the committed workbook fixtures of tests/data/workbook/ with openpyxl.

    /usr/bin/python3 tests/data/workbook/make_workbooks.py

openpyxl.xlsx: a cover page without a header, then two wards' score sheets
(worksheets "Phường 1" and "Phường 2") with what spreadsheets do to a sheet:
a merged owner cell, formulas (openpyxl stores no cached value: the
LibreOffice copy has them), an error cell (=1/0), a code typed 3.10 stored
as the number 3.1 (after 3.9), a code 1.3 that became a date, scores shown with two
decimals whose stored double is 1.9099999999999999.
libreoffice.xlsx, .ods and .xls are this file opened and saved by
LibreOffice (cached formula values, its own styles and shared strings):
make_libreoffice.sh writes them.
"""
import datetime
import os

import openpyxl

HEADER = ["Mục", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Số điểm bị trừ", "Ghi chú",
          "Bộ phận phụ trách"]


def ward(ws, rows):
    ws.append(["BẢNG ĐIỂM CHỈ SỐ CCHC NĂM 2023"])
    ws.append([])
    ws.append(HEADER)
    for r in rows:
        ws.append(r)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "Bìa"
    cover["B3"] = "UBND QUẬN 1"
    cover["B5"] = "Tổng hợp chỉ số CCHC các phường, năm 2023"

    p1 = wb.create_sheet("Phường 1")
    ward(p1, [
        ["1.1", "Kế hoạch CCHC", 2, 2, 1.9099999999999999, None, "Hoàn thành 44/46 nhiệm vụ, đạt 95,65%", "Văn phòng"],
        ["1.2", "Báo cáo CCHC", 1, 1, 1, None, None, None],
        [None, "Rà soát văn bản", 3, 3, 2.25, None, None, "Tư pháp"],
        ["3.9", "Niêm yết TTHC", 1, 1, 1, None, None, "Bộ phận một cửa"],
        [3.1, "Công khai TTHC", 1, 1, 0.5, None, None, "Bộ phận một cửa"],
        [datetime.datetime(2023, 3, 1), "Chữ ký số", 1, 1, 0.75, None, None, "Bộ phận một cửa"],
    ])
    p1["A6"] = "2.1"  # the row of "Rà soát văn bản"
    for row in range(4, 10):
        p1.cell(row=row, column=6, value=f"=C{row}-E{row}")  # lost = max - appraised
    for row in range(4, 10):
        for col in (3, 4, 5, 6):
            p1.cell(row=row, column=col).number_format = "0.00"
    p1["A9"].number_format = "dd/mm/yyyy"
    # The owner of 1.1 and 1.2 is one merged cell.
    p1.merge_cells("H4:H5")

    p2 = wb.create_sheet("Phường 2")
    ward(p2, [
        ["1.1", "Kế hoạch CCHC", 2, 2, 2, 0, None, "Văn phòng"],
        ["1.2", "Báo cáo CCHC", 1, 0.5, "=1/0", None, None, "Văn phòng"],
        ["2.1", "Rà soát văn bản", 3, 3, 3, 0, None, "Tư pháp"],
    ])
    wb.save(os.path.join(here, "openpyxl.xlsx"))


if __name__ == "__main__":
    main()
