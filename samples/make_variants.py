#!/usr/bin/env python3
"""Regenerate the variants of the reference sheet phuong-1-2023.csv.

Each variant holds the same cells as the reference, written the way a
spreadsheet program or a clerk's PC saves them:

  phuong-1-2023-excel-vi.csv  Excel "CSV UTF-8" in a Vietnamese locale:
                              UTF-8 with BOM, ';' delimiter, decimal commas
                              in the score cells, CRLF between records (LF
                              inside quoted cells), title rows above the
                              header, two empty trailing columns on every
                              row, signature lines below the total row.
  phuong-1-2023-unicode.txt   Excel "Unicode Text": UTF-16 LE with BOM, tab
                              delimiter, CRLF between records (LF inside
                              quoted cells), decimal points.
  phuong-1-2023-cp1258.csv    the reference re-encoded in Windows-1258 with
                              `iconv -f UTF-8 -t WINDOWS-1258` (iconv writes
                              most toned letters as base letter + combining
                              tone mark).

Usage: python3 samples/make_variants.py   (from any folder)
"""

import csv
import io
import pathlib
import subprocess
import unicodedata

HERE = pathlib.Path(__file__).resolve().parent
REFERENCE = HERE / "phuong-1-2023.csv"

SCORE_COLUMNS = range(2, 6)  # max, self, appraised, lost
EXTRA_COLUMNS = 2            # empty formatted columns right of the table

TITLE_ROWS = [
    ["PHỤ LỤC"],
    ["TỔNG HỢP CÁC NỘI DUNG THỰC HIỆN CẢI CÁCH HÀNH CHÍNH BỊ TRỪ ĐIỂM NĂM 2023"],
    ["(Kèm theo Báo cáo số 20/BC-UBND ngày 27 tháng 02 năm 2024)"],
    [],
]
SIGNATURE_ROWS = [
    [],
    ["Người lập biểu", "", "", "", "", "", "Chủ tịch UBND phường"],
    ["Lê Thị Huệ"],
]


def read_reference():
    with REFERENCE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert all(len(r) == len(rows[0]) for r in rows), "reference rows differ in width"
    return rows


def write_rows(rows, delimiter):
    """RFC 4180 quoting: only cells holding the delimiter, a quote or a line
    break are quoted; CRLF ends each record, line breaks inside cells stay LF."""
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def excel_vi(rows):
    width = len(rows[0]) + EXTRA_COLUMNS
    data = []
    for i, row in enumerate(rows):
        row = list(row)
        if i > 0:  # the header keeps its text
            for c in SCORE_COLUMNS:
                row[c] = row[c].replace(".", ",")
        data.append(row)
    table = TITLE_ROWS + data + SIGNATURE_ROWS
    padded = [r + [""] * (width - len(r)) for r in table]
    text = write_rows(padded, ";")
    (HERE / "phuong-1-2023-excel-vi.csv").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))


def unicode_text(rows):
    text = write_rows(rows, "\t")
    (HERE / "phuong-1-2023-unicode.txt").write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))


def cp1258():
    target = HERE / "phuong-1-2023-cp1258.csv"
    with REFERENCE.open("rb") as src, target.open("wb") as dst:
        subprocess.run(["iconv", "-f", "UTF-8", "-t", "WINDOWS-1258"], stdin=src, stdout=dst, check=True)
    back = subprocess.run(["iconv", "-f", "WINDOWS-1258", "-t", "UTF-8"], stdin=target.open("rb"),
                          capture_output=True, check=True).stdout.decode("utf-8")
    original = REFERENCE.read_text(encoding="utf-8")
    assert unicodedata.normalize("NFC", back) == original, "Windows-1258 round trip changed the text"


def main():
    rows = read_reference()
    excel_vi(rows)
    unicode_text(rows)
    cp1258()


if __name__ == "__main__":
    main()
