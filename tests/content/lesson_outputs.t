#!/usr/bin/env python3
"""TAP test for lesson content: every ```python block immediately followed
by an ```output block is run under python3 and its output compared byte for
byte (stdout, plus the last stderr line when the program dies with an
uncaught exception; programs importing numpy run under an interpreter
that has it, e.g. /usr/bin/python3). Also checks front matter, code width
(<= 76 columns) and that every `core`/`iter` topic id of TOPICS.md is
covered by a lesson.
For the core/iter chapters it also checks that tables stay tables at 80
columns and that each lesson ends with the "really testing" block quote.
Run from the repo root (prove does that); optional args: lesson files.
"""

import difflib
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.getcwd()
LESSONS = os.path.join(ROOT, "lessons")
TOPICS = os.path.normpath(os.path.join(ROOT, "..", "shared", "TOPICS.md"))
CHAPTERS = ("core", "iter")
MAX_CODE_WIDTH = 76
CLOSING = "> **What the interviewer is really testing:**"
READER_WIDTH = 80  # tables in core/iter must not be flattened at 80
FENCE = re.compile(r"^```(\w*)\s*$")
REQUIRED = ("id", "title", "level", "topics")
LEVELS = ("beginner", "intermediate", "advanced")

results = []  # (ok, description, [diagnostic lines])


def report(ok, desc, diag=()):
    results.append((ok, desc, list(diag)))


def lesson_files():
    if len(sys.argv) > 1:
        return sorted(sys.argv[1:])
    found = []
    for dirpath, _, names in os.walk(LESSONS):
        for name in names:
            if name.endswith(".md") and name != "README.md":
                found.append(os.path.join(dirpath, name))
    return sorted(found)


def front_matter(lines):
    """Return (dict, index of first body line) or (None, 0)."""
    if not lines or lines[0].rstrip("\n") != "---":
        return None, 0
    meta = {}
    for i in range(1, len(lines)):
        line = lines[i].rstrip("\n")
        if line == "---":
            return meta, i + 1
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip()] = value.strip()
    return None, 0


def blocks(lines, start):
    """Yield (lang, first line number (1-based), body lines, end index)."""
    i = start
    while i < len(lines):
        m = FENCE.match(lines[i].rstrip("\n"))
        if m and lines[i].startswith("```"):
            lang, first = m.group(1), i + 1
            body = []
            i += 1
            while i < len(lines) and lines[i].rstrip("\n") != "```":
                body.append(lines[i])
                i += 1
            yield lang, first, body, i
        i += 1


_numpy_python = []


def numpy_python():
    """An interpreter that can import NumPy: python3 on PATH if it can,
    else the system one (Debian's python3-numpy is the NumPy oracle)."""
    if not _numpy_python:
        found = None
        for exe in ("python3", "/usr/bin/python3"):
            try:
                r = subprocess.run([exe, "-c", "import numpy"],
                                   capture_output=True, timeout=30)
            except (OSError, subprocess.TimeoutExpired):
                continue
            if r.returncode == 0:
                found = exe
                break
        _numpy_python.append(found)
    return _numpy_python[0]


def run_program(code):
    exe = "python3"
    if re.search(r"^\s*(import|from)\s+numpy\b", code, re.M):
        exe = numpy_python()
        if exe is None:
            return None, "SKIP no python3 with NumPy"
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "lesson_snippet.py")
        with open(path, "w", encoding="utf-8") as f:
            f.write(code)
        # No PYTHONHASHSEED: a snippet whose output depends on string
        # hashing (printing a set of str) must be caught, not hidden.
        env = dict(os.environ, PYTHONIOENCODING="utf-8",
                   PYTHONDONTWRITEBYTECODE="1")
        env.pop("PYTHONHASHSEED", None)
        env.pop("PYTHONSTARTUP", None)
        try:
            proc = subprocess.run([exe, path], cwd=tmp, env=env,
                                  capture_output=True, timeout=10)
        except subprocess.TimeoutExpired:
            return None, "timed out after 10 s"
    out = proc.stdout.decode("utf-8", "replace")
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").rstrip("\n")
        last = err.split("\n")[-1] if err else ""
        out += last + "\n"
    return out, None


def table_problems(body, offset):
    """Tables the reader would have to flatten at READER_WIDTH columns:
    it draws one column per cell, 3 columns of padding and rule per
    cell plus a 2-column indent, and falls back to "a; b" rows when
    that is wider than the window."""
    problems, table, start = [], [], 0
    for n, line in enumerate(body + ["\n"]):
        if line.startswith("|"):
            if not table:
                start = offset + n + 1
            table.append(line.strip())
            continue
        if table:
            widths = {}
            for row in table:
                if re.fullmatch(r"\|[-:| ]+\|", row):
                    continue
                for c, cell in enumerate(row.strip("|").split("|")):
                    text = re.sub(r"\\(.)|[`*]", r"\1", cell.strip())
                    widths[c] = max(widths.get(c, 0), len(text))
            total = 2 + sum(w + 3 for w in widths.values())
            if total > READER_WIDTH:
                problems.append(f"line {start}: table is {total} columns")
            table = []
    return problems


def chapter_id(directory):
    path = os.path.join(directory, "_index.md")
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        meta, _ = front_matter(f.readlines())
    return (meta or {}).get("id")


def diff_lines(expected, actual):
    d = difflib.unified_diff(expected.splitlines(), actual.splitlines(),
                             "expected", "actual", lineterm="")
    out = [line for line in d]
    if not out and expected != actual:
        out = [f"expected {expected!r}", f"actual   {actual!r}"]
    return out


def check_file(path, covered):
    rel = os.path.relpath(path, ROOT)
    with open(path, encoding="utf-8") as f:
        lines = f.readlines()
    is_index = os.path.basename(path) == "_index.md"
    meta, body_start = front_matter(lines)
    if is_index:
        ok = meta is not None and "id" in meta and "title" in meta
        report(ok, f"{rel} chapter front matter has id and title")
    else:
        missing = [k for k in REQUIRED if not (meta or {}).get(k)]
        diag = [f"missing: {', '.join(missing)}"] if missing else []
        if meta and meta.get("level") and meta["level"] not in LEVELS:
            diag.append(f"bad level: {meta['level']}")
        topics = []
        if meta and meta.get("topics"):
            t = meta["topics"]
            if t.startswith("[") and t.endswith("]"):
                topics = [x.strip() for x in t[1:-1].split(",") if x.strip()]
            else:
                diag.append("topics must be a [a, b] list")
        if meta and meta.get("id"):
            chapter = chapter_id(os.path.dirname(path))
            if not re.fullmatch(r"[a-z]+\.[a-z0-9-]+", meta["id"]):
                diag.append(f"bad id: {meta['id']}")
            elif chapter and meta["id"].split(".")[0] != chapter:
                diag.append(f"id {meta['id']} not in chapter {chapter}")
        if not re.fullmatch(r"\d\d-[a-z0-9-]+\.md", os.path.basename(path)):
            diag.append("file name must be NN-slug.md")
        covered.update(topics)
        report(not diag, f"{rel} front matter is valid", diag)

    wide = []
    pairs = []
    all_blocks = list(blocks(lines, body_start))
    for n, (lang, first, body, end) in enumerate(all_blocks):
        for k, line in enumerate(body):
            if len(line.rstrip("\n")) > MAX_CODE_WIDTH:
                wide.append(f"line {first + 1 + k}: "
                            f"{len(line.rstrip())} columns")
        if lang == "python" and n + 1 < len(all_blocks):
            nlang, nfirst, nbody, _ = all_blocks[n + 1]
            between = lines[end + 1:nfirst - 1]
            if nlang == "output" and all(not s.strip() for s in between):
                pairs.append((first, "".join(body), "".join(nbody)))
        if not lang:
            wide.append(f"line {first}: code block without a language")
    report(not wide, f"{rel} code blocks have a language and fit "
           f"{MAX_CODE_WIDTH} columns", wide)

    chapter = chapter_id(os.path.dirname(path))
    if chapter in CHAPTERS and not is_index:
        wide_tables = table_problems(lines[body_start:], body_start)
        report(not wide_tables, f"{rel} tables fit {READER_WIDTH} columns",
               wide_tables)
        text = "".join(lines[body_start:]).rstrip()
        last = text.split("\n\n")[-1]
        report(last.startswith(CLOSING),
               f"{rel} ends with the 'really testing' block quote",
               [f"last paragraph: {last[:60]!r}"])

    for first, code, expected in pairs:
        actual, problem = run_program(code)
        desc = f"{rel}:{first} output matches"
        if problem and problem.startswith("SKIP"):
            report(True, f"{desc} # {problem}")
        elif problem:
            report(False, desc, [problem])
        else:
            report(actual == expected, desc, diff_lines(expected, actual))


def topic_ids():
    if not os.path.exists(TOPICS):
        return None
    ids = []
    pat = re.compile(r"^####\s+`((?:%s)\.[a-z0-9-]+)`(.*)$"
                     % "|".join(CHAPTERS))
    with open(TOPICS, encoding="utf-8") as f:
        for line in f:
            m = pat.match(line)
            if m and "(meta" not in m.group(2):
                ids.append(m.group(1))
    return ids


def main():
    covered = set()
    files = lesson_files()
    for path in files:
        check_file(path, covered)
    if len(sys.argv) == 1:
        ids = topic_ids()
        if ids is None:
            report(True, "topic coverage # SKIP TOPICS.md not found")
        else:
            missing = [t for t in ids if t not in covered]
            report(not missing, f"all {len(ids)} core/iter topics covered",
                   [f"not covered: {t}" for t in missing])
            unknown = sorted(t for t in covered
                             if t.split(".")[0] in CHAPTERS
                             and t not in ids)
            report(not unknown, "lesson topics are known topic ids",
                   [f"unknown: {t}" for t in unknown])
    print(f"1..{len(results)}")
    for n, (ok, desc, diag) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {n} - {desc}")
        if not ok:
            for line in diag:
                print(f"# {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
