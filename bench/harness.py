#!/usr/bin/env python3
"""Verify and time cchc against its peers; write bench/results.md.

Called by bench/run.sh (which builds cchc, installs the peers and generates
the workloads); see bench/README.md for what is measured and how.

    python3 bench/harness.py --cchc build-release/cchc [--quick] [--work bench/work]
"""

import argparse
import csv
import datetime
import io
import json
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import time
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
OWNER = "Trách nhiệm bộ phận phụ trách"
UNIT = "Đơn vị"
MAX = "Điểm tối đa"
APPRAISED = "Điểm thẩm định"
SHEET_COLUMNS = ["code TEXT", "content TEXT", "mx REAL", "self REAL", "ap REAL", "lost REAL", "note TEXT",
                 "owner TEXT"]
TOOLS = ["cchc", "cchc check", "cchc json", "cat", "duckdb", "sqlite3", "mlr"]
CCHC_TOOLS = ["cchc", "cchc check", "cchc json"]
# The memory-check workloads (W2 at a fifth of the files, W3 at a fifth of
# the rows) run cchc's commands and one peer for the sums, untimed.
SMALL_TOOLS = CCHC_TOOLS + ["duckdb"]


def log(msg):
    print(msg, flush=True)


def q(s):
    return shlex.quote(s)


def stem(path):
    return os.path.splitext(os.path.basename(path))[0]


def human_bytes(n):
    return f"{n / 1e6:,.1f} MB" if n >= 1e6 else f"{n / 1e3:,.1f} kB"


# ---------------------------------------------------------------- workloads

class Workload:
    def __init__(self, name, label, paths, by_unit, rows, timed=True, shell=False, rounds=5, warmup=1,
                 dirty=False, peer_paths=None):
        self.name = name  # w1, w2, w2small, w3, w3small; w1d ... for the dirty shapes
        self.label = label
        self.paths = paths  # input files, in name order
        self.dirty = dirty
        # The peers read the rows cchc counts: the leaf-only copy of a dirty workload.
        self.peer_paths = peer_paths or paths
        self.tools = TOOLS if timed else SMALL_TOOLS
        self.by_unit = by_unit  # W3: key (unit, owner); else (file stem, owner)
        self.rows = rows
        self.timed = timed
        self.shell = shell  # hyperfine needs a shell (globs)
        self.rounds = rounds
        self.warmup = warmup
        self.bytes = sum(os.path.getsize(p) for p in paths)
        self.commands = {}


def sqlite_script(work, wl):
    """An SQL script for the sqlite3 shell (written once, not timed)."""
    folder = os.path.join(work, "sqlite")
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, f"{wl.name}.sql")
    out = io.StringIO()
    out.write(".bail on\n.mode csv\n")
    if wl.by_unit:
        out.write(f"CREATE TABLE t(unit TEXT, {', '.join(SHEET_COLUMNS)});\n")
        for p in wl.peer_paths:
            out.write(f".import --csv --skip 1 {p} t\n")
        out.write("SELECT unit, owner, count(*), printf('%.2f', sum(mx)), printf('%.2f', sum(ap)), "
                  "printf('%.2f', sum(mx - ap)) FROM t GROUP BY unit, owner;\n")
    else:
        # One sqlite3 process imports every file in turn into the same table
        # and groups it by owner into a result table, so the file (its name
        # stem, written into the script) is the first key.
        out.write(f"CREATE TABLE t({', '.join(SHEET_COLUMNS)});\n")
        out.write("CREATE TABLE res(file TEXT, owner TEXT, n INTEGER, mx REAL, ap REAL, lost REAL);\n")
        for p in wl.peer_paths:
            s = stem(p).replace("'", "''")
            out.write(f".import --csv --skip 1 {p} t\n"
                      f"INSERT INTO res SELECT '{s}', owner, count(*), sum(mx), sum(ap), sum(mx - ap) "
                      f"FROM t GROUP BY owner;\nDELETE FROM t;\n")
        out.write("SELECT file, owner, n, printf('%.2f', mx), printf('%.2f', ap), printf('%.2f', lost) FROM res;\n")
    text = out.getvalue()
    old = None
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            old = f.read()
    if old != text:
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    return path


def set_commands(wl, cchc, work, arg, peer_arg=None):
    """The command of each tool; `arg` is the input as the shell sees it,
    `peer_arg` the peers' (the leaf-only copy of a dirty workload)."""
    peer_arg = peer_arg or arg
    key1 = UNIT if wl.by_unit else "file"
    put = f"$lost = ${{{MAX}}} - ${{{APPRAISED}}}"
    if not wl.by_unit:
        put = "$file = FILENAME; " + put
    wl.commands = {
        "cchc": f"{cchc} report --by owner --format csv {arg}",
        "cchc check": f"{cchc} check {arg}",
        "cchc json": f"{cchc} report --by owner --format json {arg}",
        "cat": f"cat {arg}",
        "duckdb": f"node {q(os.path.join(HERE, 'duckdb.mjs'))} {'units' if wl.by_unit else 'sheets'} "
                  + (q(peer_arg) if wl.shell else peer_arg),
        "sqlite3": f"sqlite3 :memory: {q('.read ' + sqlite_script(work, wl))}",
        "mlr": f"mlr --icsv --ojson --ofmt %.2lf put {q(put)} then stats1 -a count,sum "
               f"-f {q(MAX + ',' + APPRAISED + ',lost')} -g {q(key1 + ',' + OWNER)} {peer_arg}",
    }


def workloads(work, cchc, quick):
    """The clean shapes, then the dirty ones (cchc reads the dirty files, the
    peers their leaf-only copies)."""
    w2_files, w3_rows = (1000, 500000) if quick else (10000, 5000000)
    out = []
    for d in ("", "d"):
        dirty = d == "d"
        shape = "dirty" if dirty else "clean"
        leaves = "-leaves" if dirty else ""

        def csvs(folder):
            return sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith(".csv"))

        w1 = os.path.join(work, f"w1{d}", "phuong-mau.csv")
        w1p = os.path.join(work, f"w1{d}{leaves}", "phuong-mau.csv")
        wl = Workload(f"w1{d}", f"W1 {shape}: one 16-row sheet", [w1], False, 16, rounds=20 if quick else 50,
                      dirty=dirty, peer_paths=[w1p])
        set_commands(wl, cchc, work, w1, w1p)
        out.append(wl)
        for files, small in ((w2_files, False), (w2_files // 5, True)):
            folder = os.path.join(work, f"w2{d}-{files}x100")
            label = (f"W2 {shape} at {files:,} files (memory check)" if small
                     else f"W2 {shape}: {files:,} files × 100 rows")
            wl = Workload(f"w2{d}{'small' if small else ''}", label, csvs(folder), False, files * 100,
                          shell=True, timed=not small, dirty=dirty, peer_paths=csvs(folder + leaves))
            set_commands(wl, cchc, work, os.path.join(folder, "*.csv"), os.path.join(folder + leaves, "*.csv"))
            out.append(wl)
        for rows, small in ((w3_rows, False), (w3_rows // 5, True)):
            path = os.path.join(work, f"w3{d}-{rows}.csv")
            peer = os.path.join(work, f"w3{d}-{rows}{leaves}.csv")
            label = (f"W3 {shape} at {rows:,} rows, 10,000 units (memory check)" if small
                     else f"W3 {shape}: {rows:,} rows, 10,000 units")
            wl = Workload(f"w3{d}{'small' if small else ''}", label, [path], True, rows, warmup=0,
                          timed=not small, dirty=dirty, peer_paths=[peer])
            set_commands(wl, cchc, work, path, peer)
            out.append(wl)
    return out


# ---------------------------------------------------------------- sums

def unquote_formula(cell):
    """cchc writes a leading ' before a text cell starting with = + - @ tab CR."""
    if len(cell) >= 2 and cell[0] == "'" and cell[1] in "=+-@\t\r":
        return cell[1:]
    return cell


def sums_cchc(text, by_unit):
    rows = list(csv.reader(io.StringIO(text)))
    out = {}
    for r in rows[1:]:
        if not r:
            continue
        # File, Unit, Period, Owner, Criteria, Max, Self, Appraised, Lost, Achieved
        key = (r[1] if by_unit else stem(r[0]), unquote_formula(r[3]))
        # a group whose every cell of a column was unreadable shows it blank: nothing summed
        add(out, key, int(r[4]), Decimal(r[5] or 0), Decimal(r[7] or 0), Decimal(r[8] or 0))
    return out


def sums_rows(text, by_unit):
    """duckdb.mjs and sqlite3: key1,key2,count,max,appraised,lost."""
    out = {}
    for r in csv.reader(io.StringIO(text)):
        if not r:
            continue
        key = (r[0] if by_unit else stem(r[0]), r[1])
        add(out, key, int(r[2]), Decimal(r[3]), Decimal(r[4]), Decimal(r[5]))
    return out


def sums_mlr(text, by_unit):
    out = {}
    for rec in json.loads(text, parse_float=Decimal, parse_int=Decimal):
        key = (str(rec[UNIT]) if by_unit else stem(str(rec["file"])), str(rec[OWNER]))
        add(out, key, int(rec[f"{MAX}_count"]), Decimal(rec[f"{MAX}_sum"]), Decimal(rec[f"{APPRAISED}_sum"]),
            Decimal(rec["lost_sum"]))
    return out


def sums_cchc_json(text, by_unit):
    """cchc report --by owner --format json: sheets[].owners[]."""
    out = {}
    for sheet in json.loads(text, parse_float=Decimal)["sheets"]:
        for g in sheet.get("owners", []):
            key = (sheet["unit"] if by_unit else stem(sheet["file"]), g["owner"])
            add(out, key, int(g["count"]), *(Decimal(g[k] if g[k] is not None else 0)
                                             for k in ("max", "appraised", "lost")))
    return out


def add(out, key, n, mx, ap, lost):
    if key in out:
        raise ValueError(f"group {key} appears twice")
    out[key] = (n, mx, ap, lost)


PARSERS = {"cchc": sums_cchc, "cchc json": sums_cchc_json, "duckdb": sums_rows, "sqlite3": sums_rows,
           "mlr": sums_mlr}


def compare(ref, got):
    """Differences between two {key: (count, max, appraised, lost)}; Decimal == ignores trailing zeros."""
    problems = []
    for key in sorted(set(ref) - set(got))[:5]:
        problems.append(f"missing group {key}")
    for key in sorted(set(got) - set(ref))[:5]:
        problems.append(f"extra group {key}")
    for key in sorted(set(ref) & set(got)):
        if ref[key] != got[key]:
            problems.append(f"group {key}: cchc {tuple(map(str, ref[key]))} vs {tuple(map(str, got[key]))}")
            if len(problems) >= 10:
                break
    return problems


# ---------------------------------------------------------------- runs

def measured_run(cmd, out_path, timeout):
    """One run under /usr/bin/time -v: (status, seconds, peak RSS KiB, CPU %, stdout path)."""
    tv = out_path + ".time"
    full = ["/usr/bin/time", "-v", "-o", tv, "timeout", str(timeout), "sh", "-c", cmd]
    t0 = time.monotonic()
    with open(out_path, "wb") as out, open(out_path + ".err", "wb") as err:
        status = subprocess.call(full, stdout=out, stderr=err)
    secs = time.monotonic() - t0
    rss, cpu = None, None
    with open(tv, encoding="utf-8", errors="replace") as f:
        for line in f:
            line = line.strip()
            if line.startswith("Maximum resident set size (kbytes):"):
                rss = int(line.split(":")[1])
            elif line.startswith("Percent of CPU this job got:"):
                cpu = int(line.split(":")[1].strip().rstrip("%") or 0)
            elif line.startswith("Exit status:"):
                status = int(line.split(":")[1])
    return status, secs, rss, cpu


def hyperfine_round(wl, tools, rnd, work):
    """One hyperfine invocation: every tool once (after a warm-up in round 0),
    the order rotated every round. Returns {tool: [seconds]}."""
    order = tools[rnd % len(tools):] + tools[:rnd % len(tools)]
    js = os.path.join(work, "runs", f"{wl.name}-round{rnd}.json")
    cmd = ["hyperfine", "--style", "basic", "--runs", "1", "--export-json", js]
    if rnd == 0 and wl.warmup:
        cmd += ["--warmup", str(wl.warmup)]
    if wl.dirty:
        cmd.append("--ignore-failure")  # cchc's exit status 1: the sheets have errors
    if not wl.shell:
        cmd.append("-N")
    for t in order:
        cmd += ["-n", t, wl.commands[t]]
    res = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if res.returncode != 0:
        raise RuntimeError(f"hyperfine failed on {wl.name} round {rnd}:\n{res.stderr}")
    with open(js, encoding="utf-8") as f:
        data = json.load(f)
    return {r["command"]: r["times"] for r in data["results"]}


def versions():
    def first_line(cmd):
        try:
            return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip().splitlines()[0]
        except (IndexError, OSError):
            return "?"
    node_dir = os.environ.get("DUCKDB_NODE_DIR", os.path.join(HERE, "work", "node"))
    try:
        with open(os.path.join(node_dir, "node_modules", "@duckdb", "node-api", "package.json")) as f:
            duck = json.load(f)["version"]
    except OSError:
        duck = "?"
    return {
        "cat": first_line("cat --version"),
        "mlr": first_line("mlr --version"),
        "sqlite3": "sqlite3 " + first_line("sqlite3 --version").split(" ")[0],
        "duckdb": f"@duckdb/node-api {duck}, node {first_line('node --version')}",
        "hyperfine": first_line("hyperfine --version"),
    }


def fuzzing_running():
    return subprocess.run(["pgrep", "-f", "fuzz_"], capture_output=True).returncode == 0


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cchc", required=True)
    ap.add_argument("--work", default=os.path.join(HERE, "work"))
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--rounds", type=int, default=5, help="timed rounds for W2 and W3 (at least 5)")
    ap.add_argument("--timeout", type=int, default=600, help="seconds before one run of a tool is given up")
    ap.add_argument("--out", default=os.path.join(HERE, "results.md"))
    ap.add_argument("--only", help="comma-separated workloads (w1,w2,w2small,w3,w3small and the dirty "
                                   "w1d,w2d,w2dsmall,w3d,w3dsmall); default all")
    ap.add_argument("--tools", help="comma-separated tools to run on W2 and W3 (default all: "
                                    + ",".join(TOOLS) + "; W1 always runs every tool)")
    args = ap.parse_args()
    cchc = os.path.abspath(args.cchc)
    work = os.path.abspath(args.work)
    os.makedirs(os.path.join(work, "runs"), exist_ok=True)
    started = datetime.datetime.now(datetime.timezone.utc)
    fuzz_at_start = fuzzing_running()
    load_at_start = os.getloadavg()[0]

    wls = workloads(work, cchc, args.quick)
    if args.only:
        wls = [w for w in wls if w.name in args.only.split(",")]
    for w in wls:
        if not w.name.startswith("w1"):
            w.rounds = max(w.rounds, args.rounds)
        if args.tools and not w.name.startswith("w1"):  # W1 is quick: every tool
            w.tools = [t for t in w.tools if t in args.tools.split(",")]

    results = {}  # (workload, tool) -> dict
    for wl in wls:
        log(f"\n== {wl.label}: {len(wl.paths):,} file(s), {human_bytes(wl.bytes)}")
        # 1. one run of each tool under /usr/bin/time -v: the sums, the peak RSS,
        #    the CPU use (and it warms the page cache)
        ref = None
        usable = []
        for tool in wl.tools:
            out = os.path.join(work, "runs", f"{wl.name}-{tool.replace(' ', '-')}.out")
            status, secs, rss, cpu = measured_run(wl.commands[tool], out, args.timeout)
            r = {"status": status, "single": secs, "rss": rss, "cpu": cpu, "verified": None}
            results[(wl.name, tool)] = r
            log(f"  {tool:8} status {status}  {secs:8.3f} s  peak RSS {rss / 1024 if rss else 0:8.1f} MiB  "
                f"CPU {cpu} %")
            if status == 124:
                r["note"] = f"timed out after {args.timeout} s"
                continue
            # cchc exits 1 when a sheet has errors (every dirty sheet has).
            if status != 0 and not (tool in CCHC_TOOLS and status == 1 and wl.dirty):
                with open(out + ".err", encoding="utf-8", errors="replace") as f:
                    err = f.read()[-2000:]
                sys.exit(f"harness: {tool} failed on {wl.name} (status {status}):\n{err}")
            if tool in PARSERS:
                with open(out, encoding="utf-8") as f:
                    sums = PARSERS[tool](f.read(), wl.by_unit)
                if tool == "cchc":
                    ref = sums
                    r["groups"] = len(sums)
                    r["verified"] = True
                elif ref is None:
                    r["note"] = "not verified: cchc gave no sums"
                    continue
                else:
                    problems = compare(ref, sums)
                    if problems:
                        sys.exit(f"harness: {tool}'s sums differ from cchc's on {wl.name}:\n  "
                                 + "\n  ".join(problems))
                    r["verified"] = True
                    log(f"           {len(sums):,} groups, equal to cchc's")
            usable.append(tool)
        # 2. interleaved timing: rounds of one hyperfine invocation each
        if not wl.timed:
            continue
        times = {t: [] for t in usable}
        for rnd in range(wl.rounds):
            t0 = time.monotonic()
            got = hyperfine_round(wl, usable, rnd, work)
            for t, ts in got.items():
                times[t].extend(ts)
            log(f"  round {rnd + 1}/{wl.rounds} ({time.monotonic() - t0:.1f} s): "
                + ", ".join(f"{t} {statistics.median(got[t]):.4f}" for t in usable))
        for t in usable:
            results[(wl.name, t)]["times"] = times[t]
            results[(wl.name, t)]["median"] = statistics.median(times[t])

    write_results(args, wls, results, started, (fuzz_at_start, load_at_start), cchc)
    log(f"\nwrote {args.out}")


def fmt_secs(s):
    if s is None:
        return "—"
    if s < 0.1:
        return f"{s * 1000:.2f} ms"
    return f"{s:.3f} s"


def write_results(args, wls, results, started, at_start, cchc):
    fuzz_at_start, load_at_start = at_start
    out = io.StringIO()
    mode = "quick" if args.quick else "full"
    out.write(f"# cchc benchmark results ({mode} mode)\n\n")
    out.write(f"Run {started:%Y-%m-%d %H:%M} UTC on {platform.node()}: {cpu_model()}, {os.cpu_count()} cores, "
              f"{mem_total()}; Linux {platform.release()}.\n")
    fuzz_end = fuzzing_running()
    out.write(f"Another CPU-heavy job (fuzzing) running at the start / end: "
              f"{'yes' if fuzz_at_start else 'no'} / {'yes' if fuzz_end else 'no'}"
              f"{' — timings are noisy' if fuzz_at_start or fuzz_end else ''}.\n")
    load_end = os.getloadavg()[0]
    out.write(f"Load average (1 min) at the start / end: {load_at_start:.1f} / {load_end:.1f} on {os.cpu_count()} "
              f"cores{' — the machine was shared, timings are noisy' if max(load_at_start, load_end) > 1.5 else ''}."
              "\n\n")
    v = versions()
    out.write(f"cchc: `{cchc}` (Release, `git describe`: {git_describe()}); "
              + "; ".join(f"{k}: {val}" for k, val in v.items()) + ".\n\n")
    out.write("Median of the interleaved runs (every round runs each tool once, the order rotated); "
              "`× cchc` is the tool's median over cchc's; MB/s is input bytes (10⁶) over the median; "
              "peak RSS and CPU % are from one separate run under `/usr/bin/time -v` (the verification "
              "run); ✓ = its per-group count, Σ max, Σ appraised and Σ (max − appraised) are equal, as exact "
              "decimals, to cchc's.\n\n")
    out.write("| workload | input | tool | median | runs | × cchc | MB/s | peak RSS MiB | CPU % | sums |\n")
    out.write("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | :---: |\n")
    for wl in wls:
        base = results.get((wl.name, "cchc"), {}).get("median")
        for tool in TOOLS:
            r = results.get((wl.name, tool))
            if r is None:
                continue
            med = r.get("median")
            if med is None and not wl.timed:
                cell_time, runs = f"({fmt_secs(r['single'])}, 1 run)", "1"
                ratio = mbs = "—"
                if r.get("status") == 0 and r["single"]:
                    mbs = f"{wl.bytes / 1e6 / r['single']:,.1f}"
            else:
                cell_time = fmt_secs(med) if med is not None else r.get("note", "—")
                runs = str(len(r.get("times", [])))
                ratio = f"{med / base:.2f}" if med is not None and base else "—"
                mbs = f"{wl.bytes / 1e6 / med:,.1f}" if med else "—"
            rss = f"{r['rss'] / 1024:,.1f}" if r.get("rss") else "—"
            sums = {True: "✓", None: "n/a" if tool in ("cat", "cchc check") else "—"}.get(r.get("verified"), "✗")
            out.write(f"| {wl.label.split(':')[0]} | {human_bytes(wl.bytes)} | {tool} | {cell_time} | {runs} | "
                      f"{ratio} | {mbs} | {rss} | {r.get('cpu', '—')} | {sums} |\n")
    out.write("\n## Targets\n\n")
    out.write("Ratios are medians measured in this run; peaks from the verification run; "
              "\"flat\" is the larger peak over the smaller one, at a fifth of the rows or files and at all.\n\n")
    out.write("| workload | target | measured | wanted | met |\n| --- | --- | ---: | ---: | :---: |\n")
    for row in targets(results):
        out.write("| " + " | ".join(row) + " |\n")
    out.write("\nWorkloads: " + "; ".join(f"{wl.label} ({human_bytes(wl.bytes)})" for wl in wls) + ".\n")
    out.write("\nCommands (as timed; `sh -c` for W2, whose arguments are a glob; no shell for the others):\n\n")
    for wl in wls:
        out.write(f"{wl.label}:\n\n```sh\n")
        for tool in wl.tools:
            cmd = wl.commands[tool]
            out.write((cmd if len(cmd) < 400 else cmd[:400] + " …") + "\n")
        out.write("```\n\n")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(out.getvalue())
    print(out.getvalue())


def targets(results):
    """Rows (workload, target, measured, wanted, met) of the issue's targets."""
    def med(w, t):
        return results.get((w, t), {}).get("median")

    def rss(w, t):
        v = results.get((w, t), {}).get("rss")
        return v / 1024 if v else None

    rows = []

    def row(w, what, value, wanted, ok, shown):
        if value is None:
            rows.append([w, what, "—", wanted, "**not measured**"])
        else:
            rows.append([w, what, shown, wanted, "**met**" if ok else "**not met**"])

    def ratio(w, what, a, b, limit):
        v = a / b if a and b else None
        row(w, what, v, f"≤ {limit:.2f}", v is not None and v <= limit,
            f"{v:.2f}" + (f" ({fmt_secs(a)} / {fmt_secs(b)})" if v is not None else "") if v is not None else "")

    def peak(w, what, v, limit=64):
        row(w, what, v, f"< {limit} MiB", v is not None and v < limit, f"{v:,.1f} MiB" if v else "")

    def flat(w, what, a, b):
        v = max(a, b) / min(a, b) if a and b else None
        row(w, what, v, "≤ 1.10", v is not None and v <= 1.10,
            f"{v:.2f} ({a:,.1f} / {b:,.1f} MiB)" if v is not None else "")

    for d, shape in (("", "clean"), ("d", "dirty")):
        w1, w2, w3 = f"w1{d}", f"w2{d}", f"w3{d}"
        c, q = med(w1, "cchc"), med(w1, "sqlite3")
        ratio(f"W1 {shape}", "report ÷ sqlite3 (30 % faster)", c, q, 0.70)
        row(f"W1 {shape}", "report's median", c, "< 2 ms", c is not None and c < 0.002, fmt_secs(c))
        ratio(f"W2 {shape}", "report ÷ DuckDB", med(w2, "cchc"), med(w2, "duckdb"), 0.50)
        peak(f"W2 {shape}", "report peak", rss(w2, "cchc"))
        flat(f"W2 {shape}", "report flat in files (÷5 vs all)", rss(w2 + "small", "cchc"), rss(w2, "cchc"))
        ratio(f"W2 {shape}", "json ÷ csv", med(w2, "cchc json"), med(w2, "cchc"), 3.0)
        peak(f"W2 {shape}", "json peak", rss(w2, "cchc json"))
        flat(f"W2 {shape}", "json flat in files", rss(w2 + "small", "cchc json"), rss(w2, "cchc json"))
        if d:
            ratio(f"W3 {shape}", "report ÷ DuckDB", med(w3, "cchc"), med(w3, "duckdb"), 0.70)
            ratio(f"W3 {shape}", "check ÷ DuckDB", med(w3, "cchc check"), med(w3, "duckdb"), 0.80)
            peak(f"W3 {shape}", "report peak", rss(w3, "cchc"))
            peak(f"W3 {shape}", "check peak", rss(w3, "cchc check"))
            flat(f"W3 {shape}", "report flat in rows (÷5 vs all)", rss(w3 + "small", "cchc"), rss(w3, "cchc"))
            flat(f"W3 {shape}", "check flat in rows", rss(w3 + "small", "cchc check"), rss(w3, "cchc check"))
        else:
            ratio(f"W3 {shape}", "report ÷ DuckDB", med(w3, "cchc"), med(w3, "duckdb"), 0.60)
            peak(f"W3 {shape}", "report peak", rss(w3, "cchc"))
    return rows


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def mem_total():
    try:
        with open("/proc/meminfo") as f:
            kb = int(re.search(r"MemTotal:\s+(\d+)", f.read()).group(1))
            return f"{kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, AttributeError):
        return "?"


def git_describe():
    r = subprocess.run(["git", "-C", os.path.dirname(HERE), "describe", "--always", "--dirty"],
                       capture_output=True, text=True)
    return r.stdout.strip() or "?"


if __name__ == "__main__":
    main()
