#!/usr/bin/python3
"""Workbook benchmark: cchc reading .xlsx directly against the ways a user
converts today (openpyxl read-only summing the same columns, in2csv from
csvkit, soffice --convert-to csv), with each one's wall time and peak
memory (/usr/bin/time -v). Not a timed test.

    /usr/bin/python3 bench/workbooks.py [--rows 100000] [--sheets 10000] [--cchc build-release/cchc]

Generates into bench/work/workbooks/ (ignored by git), with openpyxl's
write-only mode: rows-N.xlsx (one worksheet of --rows criterion rows), the same with a
tenth of them (memory must stay flat in rows) and sheets-N.xlsx (--sheets
worksheets of 10 rows, one per commune). A tool that
is not installed is said and left out.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

import openpyxl

HEADER = ["Mục", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định", "Ghi chú"]


def rows(n):
    for i in range(n):
        domain, item = i // 1000 + 1, i % 1000 + 1
        yield [f"{domain}.{item}", f"Tiêu chí {i}", 1, 1, round((i % 4) * 0.25, 2), f"Đạt {i % 4}/4"]


def generate(path, n_rows, n_sheets):
    wb = openpyxl.Workbook(write_only=True)
    for s in range(n_sheets):
        ws = wb.create_sheet(f"Xã {s + 1}")
        ws.append(HEADER)
        for r in rows(n_rows):
            ws.append(r)
    wb.save(path)


OPENPYXL = """
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
for ws in wb.worksheets:
    m = a = 0.0
    for i, row in enumerate(ws.iter_rows(values_only=True)):
        if i and row[2] is not None:
            m += float(row[2]); a += float(row[4] or 0)
    print(ws.title, m, a)
"""


def timed(cmd, out):
    """Wall seconds and peak RSS (MiB) of `cmd`, or None when it failed or took over 300 s."""
    try:
        r = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=out, stderr=subprocess.PIPE, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        return None
    if r.returncode not in (0, 1):
        return None
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", r.stderr)
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr)
    h, m, s = wall.groups()
    return (int(h or 0) * 3600 + int(m) * 60 + float(s), int(rss.group(1)) / 1024)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100000)
    ap.add_argument("--sheets", type=int, default=10000)
    ap.add_argument("--cchc", default="build-release/cchc")
    args = ap.parse_args()
    work = os.path.join(os.path.dirname(os.path.abspath(__file__)), "work", "workbooks")
    os.makedirs(work, exist_ok=True)
    books = {
        f"rows-{args.rows}.xlsx": (args.rows, 1),
        f"rows-{args.rows // 10}.xlsx": (args.rows // 10, 1),
        f"sheets-{args.sheets}.xlsx": (10, args.sheets),
    }
    for name, (n, s) in books.items():
        path = os.path.join(work, name)
        if not os.path.exists(path):
            print(f"generating {name}: {s} worksheet(s) of {n} rows", file=sys.stderr)
            generate(path, n, s)
    tools = {"cchc report": lambda p: [args.cchc, "report", p, "--format", "csv", "--by", "sheet"],
             "openpyxl read-only": lambda p: ["/usr/bin/python3", "-c", OPENPYXL, p]}
    if shutil.which("in2csv"):
        tools["in2csv"] = lambda p: ["in2csv", p]
    else:
        print("in2csv (csvkit) is not installed: left out", file=sys.stderr)
    if shutil.which("soffice"):
        tools["soffice --convert-to csv"] = lambda p: [
            "soffice", f"-env:UserInstallation=file://{work}/profile", "--headless", "--convert-to", "csv",
            "--outdir", os.path.join(work, "out"), p]
    print("| workbook | tool | wall (s) | peak memory (MiB) |")
    print("| --- | --- | ---: | ---: |")
    with open(os.devnull, "w") as null:
        for name in books:
            for tool, cmd in tools.items():
                if tool.startswith("soffice") and name.startswith("sheets") and args.sheets > 1000:
                    # 1,000 worksheets already take soffice 1.4 GiB: more would crowd a shared machine.
                    print(f"| {name} | {tool} | not run (over 1,000 worksheets) | |", flush=True)
                    continue
                got = timed(cmd(os.path.join(work, name)), null)
                cell = "failed" if got is None else f"{got[0]:.2f} | {got[1]:.0f}"
                print(f"| {name} | {tool} | {cell} |", flush=True)


if __name__ == "__main__":
    main()
