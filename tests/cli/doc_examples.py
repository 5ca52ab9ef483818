#!/usr/bin/env python3
"""Runs the console examples of the documentation and compares what cchc
prints with what the page shows, so a page never shows output the program
no longer gives.

    doc_examples.py [--update] CCHC ROOT [DOC.md...]

Without DOC, every README.md, docs/*.md and samples/*.md that has one.

In a ```console block, a line starting with "$ " is a command (run by bash
in a scratch folder where samples/ and tests/ are the repository's and
`cchc` is the program under test); the lines after it, up to the next
command, are its standard output and standard error as printed (a line
"…" stands for any lines, a "…" in a line for any text; a CSV's CRLF is a
line end). A file an
example reads that is not in the repository is given by the page itself:
the fenced block right after a `<!-- file: NAME -->` comment is written to
NAME first, `$ cat NAME` of a file not in the repository writes what it
shows to NAME, `<!-- copy: FROM NAME -->` copies a repository file under
another name, and `<!-- run: COMMAND -->` makes a file the page describes
in words (bash, in the scratch folder). Each page has its own scratch folder; its blocks run in order.
"""
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

FENCE = re.compile(r"^```(\w*)\s*$")
FILE_MARK = re.compile(r"^<!-- file: (\S+) -->\s*$")
COPY_MARK = re.compile(r"^<!-- copy: (\S+) (\S+) -->\s*$")
RUN_MARK = re.compile(r"^<!-- run: (.+) -->\s*$")
MARKER = "@@cchc-doc-example@@"


def blocks(lines):
    """(kind, first line number, lines, file name or None) for each fenced block."""
    pending_file = None
    i = 0
    while i < len(lines):
        line = lines[i]
        m = FILE_MARK.match(line)
        if m:
            pending_file = m.group(1)
            i += 1
            continue
        m = COPY_MARK.match(line)
        if m:
            yield ("copy", i + 1, [m.group(1), m.group(2)], None)
            i += 1
            continue
        m = RUN_MARK.match(line)
        if m:
            yield ("run", i + 1, [m.group(1)], None)
            i += 1
            continue
        m = FENCE.match(line)
        if not m:
            i += 1
            continue
        start = i + 1
        body = []
        i += 1
        while i < len(lines) and not lines[i].startswith("```"):
            body.append(lines[i])
            i += 1
        yield (m.group(1), start, body, pending_file)
        pending_file = None
        i += 1


def commands(body, start):
    """[(command, expected lines, index of its first output line in the page)] of a console block."""
    out = []
    for n, line in enumerate(body):
        if line.startswith("$ "):
            out.append((line[2:], [], start + n + 1))
        elif out:
            out[-1][1].append(line)
    return out


def run_block(cmds, cwd, env):
    """Runs the commands in one bash, each one's output after a marker line."""
    script = ["set +e"]
    for cmd, _, _ in cmds:
        # Keep $? for a following `echo $?`, as at a prompt.
        script.append(f"printf '%s\\n' '{MARKER}'; (exit ${{__status:-0}}); {{ {cmd}\n}} 2>&1; __status=$?")
    result = subprocess.run(["bash", "-c", "\n".join(script)], cwd=cwd, env=env, capture_output=True, timeout=120)
    text = result.stdout.decode("utf-8", errors="replace")
    parts = text.split(MARKER + "\n")[1:]
    # A CSV's CRLF shows on the page as a line end.
    return [[line.removesuffix("\r") for line in p.rstrip("\n").split("\n")] if p.rstrip("\n") else [] for p in parts]


def line_matches(expected, actual):
    """A "…" inside a line on the page stands for any text."""
    if "…" not in expected:
        return expected == actual
    return re.fullmatch(".*".join(map(re.escape, expected.split("…"))), actual) is not None


def matches(expected, actual):
    """A line "…" on the page stands for any lines (none or more)."""
    if "…" not in expected:
        return len(expected) == len(actual) and all(map(line_matches, expected, actual))
    k = expected.index("…")
    head, rest = expected[:k], expected[k + 1 :]
    if len(actual) < k or not all(map(line_matches, head, actual[:k])):
        return False
    return any(matches(rest, actual[j:]) for j in range(k, len(actual) + 1))


def main():
    update = "--update" in sys.argv  # rewrite the pages' outputs (then read the diff)
    args = [a for a in sys.argv[1:] if a != "--update"]
    cchc, root, docs = args[0], args[1], args[2:]
    if not docs:
        candidates = ["README.md"] + [
            os.path.join(d, f) for d in ("docs", "samples") for f in sorted(os.listdir(os.path.join(root, d)))
        ]
        docs = [
            d
            for d in candidates
            if d.endswith(".md") and "```console" in open(os.path.join(root, d), encoding="utf-8").read()
        ]
    bindir = tempfile.mkdtemp(prefix="cchc-doc-bin-")
    os.symlink(os.path.abspath(cchc), os.path.join(bindir, "cchc"))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "NO_COLOR", "CCHC_LANG")}
    env["PATH"] = bindir + os.pathsep + env.get("PATH", "")
    env["LC_ALL"] = "C.UTF-8"
    failures = 0
    examples = 0
    for doc in docs:
        path = os.path.join(root, doc)
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        scratch = tempfile.mkdtemp(prefix="cchc-doc-")
        replacements = []
        for name in ("samples", "tests"):
            os.symlink(os.path.join(os.path.abspath(root), name), os.path.join(scratch, name))
        for kind, start, body, file_name in blocks(lines):
            if kind == "copy":
                shutil.copyfile(os.path.join(root, body[0]), os.path.join(scratch, body[1]))
                continue
            if kind == "run":
                subprocess.run(["bash", "-c", body[0]], cwd=scratch, env=env, check=True)
                continue
            if file_name is not None:
                with open(os.path.join(scratch, file_name), "w", encoding="utf-8", newline="") as f:
                    f.write("\n".join(body) + "\n")
                continue
            if kind != "console":
                continue
            cmds = commands(body, start)
            if not cmds:
                continue
            for cmd, expected, _ in cmds:
                # `$ cat NAME` of a file the repository does not hold shows it: that defines it.
                m = re.fullmatch(r"cat (\S+)", cmd)
                if m and not os.path.exists(os.path.join(scratch, m.group(1))):
                    with open(os.path.join(scratch, m.group(1)), "w", encoding="utf-8", newline="") as f:
                        f.write("\n".join(expected) + "\n")
            got = run_block(cmds, scratch, env)
            for n, (cmd, expected, first) in enumerate(cmds):
                examples += 1
                actual = got[n] if n < len(got) else ["(not run)"]
                if not matches(expected, actual):
                    failures += 1
                    if update and not any("…" in line for line in expected):
                        replacements.append((first, len(expected), actual))
                    print(f"{doc}:{first}: $ {cmd}")
                    sys.stdout.writelines(
                        line + "\n" for line in difflib.unified_diff(expected, actual, "page", "cchc", lineterm="")
                    )
        shutil.rmtree(scratch)
        if replacements:
            for first, count, actual in sorted(replacements, reverse=True):
                lines[first : first + count] = actual
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
    shutil.rmtree(bindir)
    print(f"doc examples: {examples - failures} of {examples} as the pages show")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
