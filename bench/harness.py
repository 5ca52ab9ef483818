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
TOOLS = ["cchc", "cat", "duckdb", "sqlite3", "mlr"]


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
    def __init__(self, name, label, paths, by_unit, rows, timed=True, shell=False, rounds=5, warmup=1):
        self.name = name  # w1, w2, w3, w3small
        self.label = label
        self.paths = paths  # input files, in name order
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
        for p in wl.paths:
            out.write(f".import --csv --skip 1 {p} t\n")
        out.write("SELECT unit, owner, count(*), printf('%.2f', sum(mx)), printf('%.2f', sum(ap)), "
                  "printf('%.2f', sum(mx - ap)) FROM t GROUP BY unit, owner;\n")
    else:
        # One sqlite3 process imports every file in turn into the same table
        # and groups it by owner into a result table, so the file (its name
        # stem, written into the script) is the first key.
        out.write(f"CREATE TABLE t({', '.join(SHEET_COLUMNS)});\n")
        out.write("CREATE TABLE res(file TEXT, owner TEXT, n INTEGER, mx REAL, ap REAL, lost REAL);\n")
        for p in wl.paths:
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


def set_commands(wl, cchc, work, arg):
    """The command of each tool; `arg` is the input as the shell sees it."""
    key1 = UNIT if wl.by_unit else "file"
    put = f"$lost = ${{{MAX}}} - ${{{APPRAISED}}}"
    if not wl.by_unit:
        put = "$file = FILENAME; " + put
    wl.commands = {
        "cchc": f"{cchc} report --by owner --format csv {arg}",
        "cat": f"cat {arg}",
        "duckdb": f"node {q(os.path.join(HERE, 'duckdb.mjs'))} {'units' if wl.by_unit else 'sheets'} "
                  + (q(arg) if wl.shell else arg),
        "sqlite3": f"sqlite3 :memory: {q('.read ' + sqlite_script(work, wl))}",
        "mlr": f"mlr --icsv --ojson --ofmt %.2lf put {q(put)} then stats1 -a count,sum "
               f"-f {q(MAX + ',' + APPRAISED + ',lost')} -g {q(key1 + ',' + OWNER)} {arg}",
    }


def workloads(work, cchc, quick):
    w2_files, w3_rows = (1000, 500000) if quick else (10000, 5000000)
    w1 = os.path.join(work, "w1", "phuong-mau.csv")
    w2dir = os.path.join(work, f"w2-{w2_files}x100")
    w2 = sorted(os.path.join(w2dir, n) for n in os.listdir(w2dir) if n.endswith(".csv"))
    w3 = os.path.join(work, f"w3-{w3_rows}.csv")
    w3s = os.path.join(work, f"w3-{w3_rows // 5}.csv")
    out = [
        Workload("w1", "W1: one 16-row sheet", [w1], False, 16, rounds=20 if quick else 50),
        Workload("w2", f"W2: {w2_files:,} files × 100 rows", w2, False, w2_files * 100, shell=True),
        Workload("w3", f"W3: {w3_rows:,} rows, 10,000 units", [w3], True, w3_rows, warmup=0),
        Workload("w3small", f"W3 at {w3_rows // 5:,} rows, 10,000 units (memory check)", [w3s], True,
                 w3_rows // 5, timed=False),
    ]
    set_commands(out[0], cchc, work, w1)
    set_commands(out[1], cchc, work, os.path.join(w2dir, "*.csv"))
    set_commands(out[2], cchc, work, w3)
    set_commands(out[3], cchc, work, w3s)
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
        add(out, key, int(r[4]), Decimal(r[5]), Decimal(r[7]), Decimal(r[8]))
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


def add(out, key, n, mx, ap, lost):
    if key in out:
        raise ValueError(f"group {key} appears twice")
    out[key] = (n, mx, ap, lost)


PARSERS = {"cchc": sums_cchc, "duckdb": sums_rows, "sqlite3": sums_rows, "mlr": sums_mlr}


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
    ap.add_argument("--only", help="comma-separated workloads (w1,w2,w3,w3small); default all")
    args = ap.parse_args()
    cchc = os.path.abspath(args.cchc)
    work = os.path.abspath(args.work)
    os.makedirs(os.path.join(work, "runs"), exist_ok=True)
    started = datetime.datetime.now(datetime.timezone.utc)
    fuzz_at_start = fuzzing_running()

    wls = workloads(work, cchc, args.quick)
    if args.only:
        wls = [w for w in wls if w.name in args.only.split(",")]
    for w in wls:
        if w.name != "w1":
            w.rounds = max(w.rounds, args.rounds)

    results = {}  # (workload, tool) -> dict
    for wl in wls:
        log(f"\n== {wl.label}: {len(wl.paths):,} file(s), {human_bytes(wl.bytes)}")
        # 1. one run of each tool under /usr/bin/time -v: the sums, the peak RSS,
        #    the CPU use (and it warms the page cache)
        ref = None
        usable = []
        for tool in TOOLS:
            out = os.path.join(work, "runs", f"{wl.name}-{tool}.out")
            status, secs, rss, cpu = measured_run(wl.commands[tool], out, args.timeout)
            r = {"status": status, "single": secs, "rss": rss, "cpu": cpu, "verified": None}
            results[(wl.name, tool)] = r
            log(f"  {tool:8} status {status}  {secs:8.3f} s  peak RSS {rss / 1024 if rss else 0:8.1f} MiB  "
                f"CPU {cpu} %")
            if status == 124:
                r["note"] = f"timed out after {args.timeout} s"
                continue
            if status != 0:
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

    write_results(args, wls, results, started, fuzz_at_start, cchc)
    log(f"\nwrote {args.out}")


def fmt_secs(s):
    if s is None:
        return "—"
    if s < 0.1:
        return f"{s * 1000:.2f} ms"
    return f"{s:.3f} s"


def write_results(args, wls, results, started, fuzz_at_start, cchc):
    out = io.StringIO()
    mode = "quick" if args.quick else "full"
    out.write(f"# cchc benchmark results ({mode} mode)\n\n")
    out.write(f"Run {started:%Y-%m-%d %H:%M} UTC on {platform.node()}: {cpu_model()}, {os.cpu_count()} cores, "
              f"{mem_total()}; Linux {platform.release()}.\n")
    fuzz_end = fuzzing_running()
    out.write(f"Another CPU-heavy job (fuzzing) running at the start / end: "
              f"{'yes' if fuzz_at_start else 'no'} / {'yes' if fuzz_end else 'no'}"
              f"{' — timings are noisy' if fuzz_at_start or fuzz_end else ''}.\n\n")
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
            sums = {True: "✓", None: "n/a" if tool == "cat" else "—"}.get(r.get("verified"), "✗")
            out.write(f"| {wl.label.split(':')[0]} | {human_bytes(wl.bytes)} | {tool} | {cell_time} | {runs} | "
                      f"{ratio} | {mbs} | {rss} | {r.get('cpu', '—')} | {sums} |\n")
    out.write("\n## Targets\n\n")
    for line in targets(results):
        out.write(f"- {line}\n")
    out.write("\nWorkloads: " + "; ".join(f"{wl.label} ({human_bytes(wl.bytes)})" for wl in wls) + ".\n")
    out.write("\nCommands (as timed; `sh -c` for W2, whose arguments are a glob; no shell for the others):\n\n")
    for wl in wls:
        out.write(f"{wl.label}:\n\n```sh\n")
        for tool in TOOLS:
            cmd = wl.commands[tool]
            out.write((cmd if len(cmd) < 400 else cmd[:400] + " …") + "\n")
        out.write("```\n\n")
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(out.getvalue())
    print(out.getvalue())


def targets(results):
    def med(w, t):
        return results.get((w, t), {}).get("median")

    def rss(w, t):
        v = results.get((w, t), {}).get("rss")
        return v / 1024 if v else None

    def verdict(ok):
        return "**met**" if ok else "**not met**"

    lines = []
    c, s = med("w1", "cchc"), med("w1", "sqlite3")
    if c and s:
        lines.append(f"W1: faster than sqlite3 and under 2 ms — cchc {fmt_secs(c)}, sqlite3 {fmt_secs(s)} "
                     f"(cchc ÷ sqlite3 = {c / s:.2f}): {verdict(c < s and c < 0.002)}")
    c, d = med("w2", "cchc"), med("w2", "duckdb")
    if c and d:
        lines.append(f"W2: under 0.55 × DuckDB — cchc ÷ DuckDB = {c / d:.2f} ({fmt_secs(c)} vs {fmt_secs(d)}): "
                     f"{verdict(c / d < 0.55)}")
    elif results.get(("w2", "cchc")):
        lines.append("W2: no cchc median (see the table): **not met**")
    c, d = med("w3", "cchc"), med("w3", "duckdb")
    r3 = rss("w3", "cchc")
    cpu = results.get(("w3", "cchc"), {}).get("cpu")
    if c and d:
        both = cpu is not None and cpu >= 150
        lines.append(f"W3: under 0.7 × DuckDB — cchc ÷ DuckDB = {c / d:.2f} ({fmt_secs(c)} vs {fmt_secs(d)}): "
                     f"{verdict(c / d < 0.7)}; peak RSS under 64 MiB — {r3:,.1f} MiB: {verdict(r3 < 64)}; "
                     f"both cores (CPU ≥ 150 %) — {cpu} %: {verdict(both)}")
    elif results.get(("w3", "cchc")):
        lines.append(f"W3: cchc {results[('w3', 'cchc')].get('note', 'gave no median')}: **not met**")
    r1 = rss("w3small", "cchc")
    if r1 and r3:
        ratio = max(r1, r3) / min(r1, r3)
        lines.append(f"Memory flat in rows: cchc's peak RSS on W3 at a fifth of the rows {r1:,.1f} MiB, "
                     f"at all rows {r3:,.1f} MiB (larger ÷ smaller = {ratio:.2f}, within 10 % means ≤ 1.10): "
                     f"{verdict(ratio <= 1.10)}")
    return lines


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
