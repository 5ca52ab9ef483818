#!/usr/bin/env python3
"""Deterministic workloads for the cchc benchmark (see bench/README.md).

    python3 bench/generate.py [--quick] [--seed N] [WORKDIR]

Writes, under WORKDIR (default bench/work/):

  w1/phuong-mau.csv              W1: one 16-row sheet
  w2-<files>x<rows>/*.csv        W2: 10,000 sheets x 100 rows (--quick: 1,000)
  w3-<rows>.csv                  W3: 5,000,000 rows with a leading unit column
                                     (Đơn vị), 10,000 units (--quick: 500,000)
  w3-<rows/5>.csv                W3 at a fifth of the rows, same 10,000 units,
                                     for the "memory flat in rows" target
  w2-<files/5>x<rows>/           W2 at a fifth of the files (2,000; --quick:
                                     200), for "memory flat in files"
  w1d/, w2d-*, w3d-*             the same, dirty (below), and beside each its
                                     leaf-only copy for the peers (*-leaves)

Each sheet is shaped like the reference sheet samples/phuong-1-2023.csv:
columns Mục, Nội dung, Điểm tối đa, Điểm tự đánh giá, Điểm thẩm định,
Số điểm bị trừ, Ghi chú, Trách nhiệm bộ phận phụ trách; codes D.C or D.C.S,
unique in a sheet and never the prefix of another code of the same sheet
(so no row is a parent and every row is a criterion); maxima 0.5 to 3;
appraised <= max with at most 2 decimals; self between appraised and max;
lost = max - appraised; about 40 % of the notes hold a fraction and a
percentage ("Hoàn thành 44/46 nhiệm vụ, đạt 95,65%") that agree with each
other and with the appraised score (max x fraction rounded to 2 decimals),
so cchc's checks run on every row but find nothing; 8 owners, one of them
with a comma (quoted). UTF-8 without BOM, comma-separated, LF line ends.

The dirty shapes (w1d/, w2d-*, w3d-*: the same sizes, the same columns)
are what province data looks like: about 1 row in 7 is a parent (`1.1`
above `1.1.1`, `1.1.2`, ...) whose max and scores are its children's sums,
off by a little in about 70 % of them (parent-sum-mismatch); about 1 leaf
in 3 has a note whose fraction and percentage disagree with each other or
with the appraised score (note-percent-mismatch, score-fraction-mismatch,
note-fraction-invalid); about 1 leaf in 500 has an unreadable score cell
(`abc`, `1,2,3`, `2..5`, `x`: bad-number) and about 1 in 300 repeats the
code of the sibling above it (duplicate-code). Beside each dirty workload
the generator writes its leaf-only copy (`*-leaves`): the rows cchc counts
(parents left out, duplicates kept) with an unreadable cell written as 0,
cchc's value for a score it cannot read. The peers read that copy, so
their plain sums must equal cchc's exactly.

Every sheet is generated from its own random.Random seeded with
"<seed>:<workload>:<index>", so the output depends only on the seed and the
parameters (not on the Python version's hash seed nor on the number of
worker processes). A stamp file next to each workload records the
parameters; a workload whose stamp matches is not generated again.
"""

import argparse
import hashlib
import json
import multiprocessing
import os
import random
import sys

HEADER = ["Mục", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Điểm thẩm định",
          "Số điểm bị trừ", "Ghi chú", "Trách nhiệm bộ phận phụ trách"]
UNIT_HEADER = "Đơn vị"

OWNERS = [
    "Văn phòng - Thống kê",
    "Bộ phận tiếp nhận và trả kết quả",
    "Công chức Tư pháp - Hộ tịch",
    "Công chức VH-XH",
    "Công chức Địa chính - Xây dựng",
    "Văn phòng HĐND và UBND, phụ trách CCHC",  # the comma: written quoted
    "Công chức Tài chính - Kế toán",
    "Các công chức liên quan",
]

CONTENTS = [
    "Mức độ thực hiện kế hoạch CCHC",
    "Tổ chức thực hiện đánh giá chỉ số đã công bố và kết quả khắc phục tồn tại, hạn chế",
    "Sáng kiến trong triển khai CCHC",
    "Thực hiện cam kết cải thiện, nâng cao các chỉ số",
    "Đối thoại của Lãnh đạo UBND xã với người dân, doanh nghiệp",
    "Tỷ lệ hồ sơ TTHC được luân chuyển bằng phương thức điện tử",
    "Tỷ lệ hồ sơ TTHC có cấp kết quả giải quyết điện tử",
    "Tỷ lệ TTHC có phát sinh giao dịch thanh toán trực tuyến",
    "Tỷ lệ hồ sơ thanh toán trực tuyến",
    "Tỷ lệ DVCTT có phát sinh hồ sơ trực tuyến",
    "Tỷ lệ hồ sơ DVCTT",
    "Thực hiện phân cấp quản lý do UBND cấp huyện ban hành",
    "Xử lý văn bản và hồ sơ công việc trên môi trường mạng",
    "Thông tin cung cấp trên Cổng/Trang thông tin điện tử",
    "UBND cấp xã áp dụng chữ ký số",
    "Lãnh đạo đơn vị áp dụng chữ ký số",
    "Ban hành kế hoạch CCHC",
    "Báo cáo CCHC định kỳ",
    "Rà soát, đánh giá thủ tục hành chính",
    "Công khai thủ tục hành chính",
    "Tiếp nhận, xử lý phản ánh, kiến nghị",
    "Tuyên truyền CCHC",
]

PLAIN_NOTES = [
    "",
    "",
    "Chưa có báo cáo thực hiện nhiệm vụ đúng hạn",
    "Chưa cung cấp đầy đủ theo quy định",
    "Đã triển khai thực hiện nhưng chưa đầy đủ",
    "Báo cáo chậm so với thời gian quy định",
    "Chưa tổ chức đánh giá chỉ số CCHC 6 tháng đầu năm",
    "Chưa ban hành văn bản chỉ đạo, giải quyết kiến nghị",
]

FRACTION_NOTES = [
    "Hoàn thành {a}/{b} nhiệm vụ, đạt {p}%",
    "Trong năm có {a}/{b} hồ sơ, đạt {p}%",
    "{a}/{b} hồ sơ, đạt tỷ lệ {p}%",
    "{a}/{b}, đạt {p}%",
]

UNIT_PREFIXES = ["Phường", "Xã", "Thị trấn"]
UNIT_NAMES = ["An Đôn", "Hải Lệ", "Hòa Khánh", "Tân Định", "Bến Nghé", "Đông Hà",
              "Quảng Trị", "Triệu Phong", "Vĩnh Linh", "Cam Lộ", "Gio Linh", "Hướng Hóa"]

MAXIMA = [50, 50, 100, 100, 100, 100, 150, 200, 200, 250, 300]  # hundredths: 0.5 .. 3


def fmt(hundredths):
    """1.5 -> "1.5", 2 -> "2", 0.09 -> "0.09" (how clerks write them)."""
    whole, frac = divmod(hundredths, 100)
    if frac == 0:
        return str(whole)
    if frac % 10 == 0:
        return f"{whole}.{frac // 10}"
    return f"{whole}.{frac:02d}"


def csv_cell(text):
    if any(c in text for c in ',"\n\r'):
        return '"' + text.replace('"', '""') + '"'
    return text


def codes_for(rng, n):
    """n codes D.C or D.C.S: unique, none the prefix of another."""
    out = []
    domains = max(1, min(9, n // 2))
    per_domain = -(-n // domains)
    d = 1
    while len(out) < n:
        quota = min(per_domain, n - len(out))
        c = 1
        got = 0
        while got < quota:
            if rng.random() < 0.35 or quota - got == 1:
                out.append(f"{d}.{c}")
                got += 1
            else:
                k = min(rng.randint(2, 6), quota - got)
                for s in range(1, k + 1):
                    out.append(f"{d}.{c}.{s}")
                got += k
            c += 1
        d += 1
    return out


def sheet_rows(seed, workload, index, n, unit=None):
    """The text of one sheet's n criterion rows (no header)."""
    rng = random.Random(f"{seed}:{workload}:{index}")
    lead = csv_cell(unit) + "," if unit is not None else ""
    lines = []
    for code in codes_for(rng, n):
        mx = rng.choice(MAXIMA)
        if rng.random() < 0.4:
            b = rng.randint(2, 999)
            a = rng.randint(b // 2, b)
            appraised = (mx * a * 2 + b) // (2 * b)  # max x a/b, rounded half up
            pct = (a * 10000 * 2 + b) // (2 * b)  # percent, 2 decimals, rounded
            p = f"{pct // 100},{pct % 100:02d}"
            note = rng.choice(FRACTION_NOTES).format(a=a, b=b, p=p)
        else:
            appraised = rng.randint(0, mx)
            note = rng.choice(PLAIN_NOTES)
        self_score = mx if rng.random() < 0.8 else rng.randint(appraised, mx)
        lines.append(lead + ",".join([
            code, csv_cell(rng.choice(CONTENTS)), fmt(mx), fmt(self_score), fmt(appraised),
            fmt(mx - appraised), csv_cell(note), csv_cell(rng.choice(OWNERS))]) + "\n")
    return "".join(lines)


# ---------------------------------------------------------------- dirty shapes

PARENT_CONTENTS = [
    "Công tác chỉ đạo, điều hành CCHC",
    "Kết quả thực hiện kế hoạch CCHC",
    "Cải cách thủ tục hành chính",
    "Hiện đại hóa hành chính",
    "Thực hiện cơ chế một cửa, một cửa liên thông",
    "Chuyển đổi số trong giải quyết TTHC",
]

DIRTY_FRACTION_NOTES = FRACTION_NOTES + [
    "Đạt {a}/{b} = {p}%",
    "Hoàn thành {a}/{b} nhiệm vụ\n(đạt {p}%)",
]

UNREADABLE = ["abc", "1,2,3", "2..5", "x"]


def dirty_codes(rng, n):
    """n (code, is_parent): groups `D.C` over `D.C.1`..`D.C.k` (k 4 to 8)
    and a few single `D.C` criteria; about 1 row in 7 a parent."""
    out = []
    domains = max(1, min(9, n // 8))
    per_domain = -(-n // domains)
    d = 1
    while len(out) < n:
        quota = min(per_domain, n - len(out))
        c = 1
        got = 0
        while got < quota:
            left = quota - got
            if left < 3 or rng.random() < 0.1:
                out.append((f"{d}.{c}", False))
                got += 1
            else:
                k = min(rng.randint(4, 8), left - 1)
                out.append((f"{d}.{c}", True))
                for s in range(1, k + 1):
                    # a few repeat the sibling above (duplicate-code)
                    dup = s > 1 and rng.random() < 1 / 300
                    out.append((f"{d}.{c}.{s - 1 if dup else s}", False))
                got += k + 1
            c += 1
        d += 1
    return out


def dirty_leaf(rng, mx):
    """(appraised, note) of one leaf: ~55 % carry a fraction, and about 1
    leaf in 3 in all has a note that disagrees."""
    if rng.random() >= 0.55:
        return rng.randint(0, mx), rng.choice(PLAIN_NOTES)
    b = rng.randint(2, 999)
    a = rng.randint(b // 2, b)
    appraised = (mx * a * 2 + b) // (2 * b)
    pct = (a * 10000 * 2 + b) // (2 * b)
    kind = rng.random()
    if kind < 0.40:
        pass  # agrees
    elif kind < 0.70:  # the percentage is not the fraction's
        pct = max(0, pct + rng.choice([-1, 1]) * rng.randint(3, 900))
    elif kind < 0.90:  # the score is not max x fraction
        other = rng.randint(0, mx)
        appraised = other if abs(other - appraised) > 1 else (appraised + 7 if appraised + 7 <= mx else 0)
    else:  # more done than there were
        a = b + rng.randint(1, b)
        pct = (a * 10000 * 2 + b) // (2 * b)
        appraised = rng.randint(0, mx)
    p = f"{pct // 100},{pct % 100:02d}"
    return appraised, rng.choice(DIRTY_FRACTION_NOTES).format(a=a, b=b, p=p)


def dirty_sheet_rows(seed, workload, index, n, unit=None):
    """(text, leaf-only text) of one dirty sheet's n rows (no header)."""
    rng = random.Random(f"{seed}:{workload}:{index}")
    lead = csv_cell(unit) + "," if unit is not None else ""
    rows = []  # [code, content, max, self, appraised, lost, note, owner, is_parent]
    parent_at = None
    for code, is_parent in dirty_codes(rng, n) + [("", True)]:
        if parent_at is not None and (is_parent or code.count(".") < 2):
            # the group above is complete: its parent holds the sums, most a little off
            kids = rows[parent_at + 1:]
            p = rows[parent_at]
            p[2] = sum(k[2] for k in kids)
            p[3] = sum(k[3] for k in kids)
            p[4] = sum(k[4] for k in kids)
            if rng.random() < 0.7:
                delta = rng.choice([-50, -25, -10, 10, 25, 50, 100])
                if rng.random() < 0.5:
                    p[2] = max(0, p[2] + delta)
                else:
                    p[4] = max(0, p[4] + delta)
            p[5] = p[2] - p[4]
            parent_at = None
        if not code:
            break
        if is_parent:
            parent_at = len(rows)
            owner = rng.choice(OWNERS) if rng.random() < 0.5 else ""
            rows.append([code, rng.choice(PARENT_CONTENTS), 0, 0, 0, 0, "", owner, True])
            continue
        mx = rng.choice(MAXIMA)
        appraised, note = dirty_leaf(rng, mx)
        self_score = mx if rng.random() < 0.8 else rng.randint(appraised, mx)
        rows.append([code, rng.choice(CONTENTS), mx, self_score, appraised, mx - appraised, note,
                     rng.choice(OWNERS), False])
    text, leaves = [], []
    for r in rows:
        cells = [r[0], csv_cell(r[1])] + [fmt(v) for v in r[2:6]] + [csv_cell(r[6]), csv_cell(r[7])]
        if r[8]:
            text.append(lead + ",".join(cells) + "\n")
            continue
        leaf = list(cells)
        if rng.random() < 1 / 500:  # an unreadable score cell; cchc counts it as not given (0)
            col = rng.randint(2, 5)
            cells[col] = csv_cell(rng.choice(UNREADABLE))
            leaf[col] = "0"
        text.append(lead + ",".join(cells) + "\n")
        leaves.append(lead + ",".join(leaf) + "\n")
    return "".join(text), "".join(leaves)


def header_line(with_unit):
    cells = ([UNIT_HEADER] if with_unit else []) + HEADER
    return ",".join(csv_cell(c) for c in cells) + "\n"


def unit_name(i):
    return f"{UNIT_PREFIXES[i % 3]} {UNIT_NAMES[(i // 3) % len(UNIT_NAMES)]} số {i + 1:05d}"


def stamp_ok(path, params):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f) == params
    except (OSError, ValueError):
        return False


def write_stamp(path, params):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(params, f, sort_keys=True)
        f.write("\n")


def generator_hash():
    with open(__file__, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


def _w2_file(job):
    seed, folder, i, rows, dirty = job
    name = f"don-vi-{i + 1:05d}.csv"
    if not dirty:
        with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as f:
            f.write(header_line(False))
            f.write(sheet_rows(seed, "w2", i, rows))
        return os.path.getsize(os.path.join(folder, name))
    text, leaves = dirty_sheet_rows(seed, "w2d", i, rows)
    for where, body in ((folder, text), (folder + "-leaves", leaves)):
        with open(os.path.join(where, name), "w", encoding="utf-8", newline="") as f:
            f.write(header_line(False))
            f.write(body)
    return os.path.getsize(os.path.join(folder, name))


def _w3_unit(job):
    seed, i, rows, tag, dirty = job
    if not dirty:
        return sheet_rows(seed, tag, i, rows, unit_name(i)).encode("utf-8"), b""
    text, leaves = dirty_sheet_rows(seed, tag, i, rows, unit_name(i))
    return text.encode("utf-8"), leaves.encode("utf-8")


def generate_w1(work, seed, dirty=False):
    folder = os.path.join(work, "w1d" if dirty else "w1")
    path = os.path.join(folder, "phuong-mau.csv")
    params = {"workload": "w1d" if dirty else "w1", "rows": 16, "seed": seed, "generator": generator_hash()}
    stamp = path + ".stamp"
    if os.path.exists(path) and stamp_ok(stamp, params):
        print(f"  {path}: up to date")
        return
    os.makedirs(folder, exist_ok=True)
    if dirty:
        text, leaves = dirty_sheet_rows(seed, "w1d", 0, 16)
        os.makedirs(folder + "-leaves", exist_ok=True)
        with open(os.path.join(folder + "-leaves", "phuong-mau.csv"), "w", encoding="utf-8", newline="") as f:
            f.write(header_line(False))
            f.write(leaves)
    else:
        text = sheet_rows(seed, "w1", 0, 16)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(header_line(False))
        f.write(text)
    write_stamp(stamp, params)
    print(f"  {path}: {os.path.getsize(path)} bytes")


def generate_w2(work, seed, files, rows, pool, dirty=False):
    folder = os.path.join(work, f"w2{'d' if dirty else ''}-{files}x{rows}")
    params = {"workload": "w2d" if dirty else "w2", "files": files, "rows": rows, "seed": seed,
              "generator": generator_hash()}
    stamp = folder + ".stamp"
    if os.path.isdir(folder) and stamp_ok(stamp, params):
        print(f"  {folder}/: up to date")
        return
    if os.path.exists(stamp):
        os.remove(stamp)
    for where in [folder] + ([folder + "-leaves"] if dirty else []):
        os.makedirs(where, exist_ok=True)
        for name in os.listdir(where):
            os.remove(os.path.join(where, name))
    total = sum(pool.imap(_w2_file, [(seed, folder, i, rows, dirty) for i in range(files)], chunksize=50))
    write_stamp(stamp, params)
    print(f"  {folder}/: {files} files, {total / 1e6:.1f} MB")


def generate_w3(work, seed, rows, units, pool, dirty=False):
    path = os.path.join(work, f"w3{'d' if dirty else ''}-{rows}.csv")
    leaves_path = path[:-4] + "-leaves.csv"
    per_unit = rows // units
    if per_unit * units != rows:
        sys.exit(f"generate.py: W3 rows ({rows}) must be a multiple of the units ({units})")
    params = {"workload": "w3d" if dirty else "w3", "rows": rows, "units": units, "seed": seed,
              "generator": generator_hash()}
    stamp = path + ".stamp"
    if os.path.exists(path) and stamp_ok(stamp, params):
        print(f"  {path}: up to date")
        return
    if os.path.exists(stamp):
        os.remove(stamp)
    tmp = path + ".tmp"
    tag = f"w3{'d' if dirty else ''}-{rows}"
    with open(tmp, "wb") as f, open(leaves_path + ".tmp" if dirty else os.devnull, "wb") as lf:
        f.write(header_line(True).encode("utf-8"))
        lf.write(header_line(True).encode("utf-8"))
        for chunk, leaves in pool.imap(_w3_unit, [(seed, i, per_unit, tag, dirty) for i in range(units)],
                                       chunksize=20):
            f.write(chunk)
            lf.write(leaves)
    if dirty:
        os.replace(leaves_path + ".tmp", leaves_path)
    os.replace(tmp, path)
    write_stamp(stamp, params)
    print(f"  {path}: {rows} rows, {units} units, {os.path.getsize(path) / 1e6:.1f} MB")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("workdir", nargs="?", default=os.path.join(here, "work"))
    ap.add_argument("--quick", action="store_true", help="W2 1,000 files, W3 500,000 rows")
    ap.add_argument("--seed", type=int, default=2023)
    ap.add_argument("--w2-files", type=int)
    ap.add_argument("--w2-rows", type=int, default=100)
    ap.add_argument("--w3-rows", type=int)
    ap.add_argument("--w3-units", type=int, default=10000)
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--shapes", choices=["clean", "dirty", "both"], default="both")
    args = ap.parse_args()
    w2_files = args.w2_files or (1000 if args.quick else 10000)
    w3_rows = args.w3_rows or (500000 if args.quick else 5000000)
    os.makedirs(args.workdir, exist_ok=True)
    print(f"generate.py: seed {args.seed}, into {args.workdir}")
    shapes = {"clean": [False], "dirty": [True], "both": [False, True]}[args.shapes]
    with multiprocessing.Pool(args.jobs) as pool:
        for dirty in shapes:
            generate_w1(args.workdir, args.seed, dirty)
            generate_w2(args.workdir, args.seed, w2_files, args.w2_rows, pool, dirty)
            generate_w2(args.workdir, args.seed, w2_files // 5, args.w2_rows, pool, dirty)
            generate_w3(args.workdir, args.seed, w3_rows, args.w3_units, pool, dirty)
            generate_w3(args.workdir, args.seed, w3_rows // 5, args.w3_units, pool, dirty)


if __name__ == "__main__":
    main()
