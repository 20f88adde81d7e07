#!/usr/bin/env python3
"""TAP test for exercise content: every `output` exercise in
exercises/**/*.lua states what its program prints; run the program under
python3 (CPython 3.11) and compare byte for byte. Like lesson_outputs.t,
an uncaught exception counts as stdout plus the last stderr line. Each
program runs under two PYTHONHASHSEED values, so an output that depends
on set ordering of strings fails (programs that cannot print a set run
under the first seed only). The Lua files are our own content: they are
loaded with the plain lua5.4 interpreter here.
Finds the repo from its own path; optional args: .lua files.
"""

import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
EXERCISES = os.path.join(ROOT, "exercises")
LUA = os.environ.get("LUA", "lua5.4")
PYTHON = os.environ.get("PYTHON", "python3")
TIMEOUT = 10  # seconds per program run
HASHSEEDS = ("0", "12345")
WORKERS = 2  # driver processes per hash seed

# For each file given: "F" + its path, then "X" + an error message, or one
# "E" record per output exercise (id, code, expected). Fields are
# length-prefixed; anything else in the tables is ignored.
DUMPER = r"""
local function field(s)
  s = type(s) == "string" and s or ""
  io.write(#s, ":", s)
end
for i = 1, select("#", ...) do
  local path = select(i, ...)
  io.write("F")
  field(path)
  local chunk, err = loadfile(path, "t")
  local ok, list = false, err
  if chunk then ok, list = pcall(chunk) end
  if ok and type(list) ~= "table" then
    ok, list = false, path .. ": does not return a table"
  end
  if not ok then
    io.write("X")
    field(tostring(list))
  else
    for _, ex in ipairs(list) do
      if type(ex) == "table" and ex.kind == "output" then
        io.write("E")
        field(ex.id) field(ex.code) field(ex.expected)
      end
    end
  end
end
"""

results = []  # (ok, description, [diagnostic lines])


def report(ok, desc, diag=()):
    results.append((ok, desc, list(diag)))


def lua_files():
    if len(sys.argv) > 1:
        return sorted(sys.argv[1:])
    found = []
    for dirpath, _, names in os.walk(EXERCISES):
        for name in names:
            if name.endswith(".lua"):
                found.append(os.path.join(dirpath, name))
    return sorted(found)


def load_all(paths):
    """{path: [(id, code, expected)] or an error string}, from one lua5.4
    run over all the files."""
    proc = subprocess.run([LUA, "-"] + paths, input=DUMPER.encode(),
                          capture_output=True, timeout=TIMEOUT * 3)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.decode(errors="replace").strip())
    data, i, out, cur = proc.stdout, 0, {}, None

    def field():
        nonlocal i
        colon = data.index(b":", i)
        n = int(data[i:colon])
        value = data[colon + 1:colon + 1 + n].decode()
        i = colon + 1 + n
        return value

    while i < len(data):
        tag = data[i:i + 1]
        i += 1
        if tag == b"F":
            cur = field()
            out[cur] = []
        elif tag == b"X" and cur is not None:
            out[cur] = field()
        elif tag == b"E" and cur is not None:
            out[cur].append((field(), field(), field()))
        else:
            raise RuntimeError("malformed dump at byte %d" % (i - 1))
    return out


# Runs a JSON list of programs, each in a forked child as a fresh
# __main__ module, and prints a JSON list of outputs. Starting python3
# once per hash seed instead of once per program keeps the test fast on a
# loaded machine; a child that exits normally still joins its threads and
# runs atexit handlers, as the interpreter would.
DRIVER = r"""
import atexit, json, os, sys, time, traceback, types
# Modules the programs commonly import, loaded once here so each forked
# child does not pay for them (a program still needs its own import to
# get the name).
for _name in ("asyncio", "collections", "concurrent.futures", "copy",
              "dataclasses", "functools", "gc", "io", "itertools",
              "threading", "unittest", "contextlib", "json"):
    try:
        __import__(_name)
    except ImportError:
        pass
progs = json.load(sys.stdin)
timeout = float(sys.argv[1])
results = []
for code in progs:
    out = os.open(os.path.join(os.getcwd(), ".out"),
                  os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    err = os.open(os.path.join(os.getcwd(), ".err"),
                  os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        rc = 0
        try:
            os.dup2(out, 1)
            os.dup2(err, 2)
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
            sys.stderr = open(2, "w", encoding="utf-8", closefd=False)
            mod = types.ModuleType("__main__")
            sys.modules["__main__"] = mod
            sys.argv = ["-"]
            exec(compile(code, "<stdin>", "exec"), mod.__dict__)
            import threading
            threading._shutdown()
            atexit._run_exitfuncs()
        except SystemExit as e:
            rc = e.code if isinstance(e.code, int) else 1
        except BaseException:
            traceback.print_exc()
            rc = 1
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(rc)
    deadline = time.monotonic() + timeout
    status = None
    while True:
        done, st = os.waitpid(pid, os.WNOHANG)
        if done:
            status = os.waitstatus_to_exitcode(st)
            break
        if time.monotonic() > deadline:
            os.kill(pid, 9)
            os.waitpid(pid, 0)
            break
        time.sleep(0.002)
    os.lseek(out, 0, 0)
    os.lseek(err, 0, 0)
    o = os.read(out, 1 << 20).decode("utf-8", "replace")
    e = os.read(err, 1 << 20).decode("utf-8", "replace")
    os.close(out)
    os.close(err)
    if status is None:
        results.append({"timeout": True})
        continue
    if status != 0:
        lines = e.strip().splitlines()
        o += (lines[-1] + "\n") if lines else ""
    results.append({"out": o})
json.dump({"version": sys.version.split()[0], "results": results},
          sys.stdout)
"""


def may_print_set(code):
    """Whether the program could iterate a set of strings: a brace outside
    f-string literals, or the names set/frozenset."""
    plain = re.sub(r"""[fF](?:"[^"\n]*"|'[^'\n]*')""", "", code)
    return "{" in plain or re.search(r"\b(?:frozen)?set\b", plain) is not None


def start_run(codes, seed, tmp):
    """Start the driver on the programs under one PYTHONHASHSEED."""
    env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONIOENCODING="utf-8")
    env.pop("PYTHONSTARTUP", None)
    proc = subprocess.Popen([PYTHON, "-c", DRIVER, str(TIMEOUT)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=tmp, env=env)
    return proc, json.dumps(codes).encode()


def finish_run(proc, data, ncodes):
    """The driver's {"version", "results"}; results hold "out" or
    "timeout" per program."""
    out, err = proc.communicate(data, timeout=TIMEOUT * (ncodes + 2))
    if proc.returncode != 0:
        raise RuntimeError(err.decode(errors="replace"))
    return json.loads(out)


def main():
    found = []  # (id, rel, code, expected)
    paths = lua_files()
    try:
        loaded = load_all(paths)
    except (RuntimeError, ValueError, subprocess.TimeoutExpired) as e:
        report(False, "load the exercise files", [str(e)])
        loaded = {}
    for path in paths:
        rel = os.path.relpath(path, ROOT)
        exs = loaded.get(path, "not loaded")
        if isinstance(exs, str):
            report(False, "load %s" % rel, [exs])
            continue
        found.extend((i, rel, c, x) for i, c, x in exs)
    runs, version = {}, "python3 (version unknown)"
    codes = [f[2] for f in found]
    # The first seed runs everything; the second only programs that could
    # print a set (a brace outside f-strings, or set/frozenset), since
    # only set iteration order depends on string hashing.
    second = [k for k, c in enumerate(codes) if may_print_set(c)]
    plan = {HASHSEEDS[0]: list(range(len(codes))), HASHSEEDS[1]: second}
    with tempfile.TemporaryDirectory() as tmp:
        started = []
        for seed, idx in plan.items():
            for part in range(WORKERS):  # start-up and forks dominate
                chunk = idx[part::WORKERS]
                if not chunk:
                    continue
                d = os.path.join(tmp, "%s-%d" % (seed, part))
                os.mkdir(d)
                started.append((seed, chunk,
                                start_run([codes[k] for k in chunk], seed, d)))
        for seed, chunk, (proc, data) in started:
            res = runs.setdefault(seed, {})
            try:
                r = finish_run(proc, data, len(chunk))
                version = "Python " + r["version"]
                res.update(zip(chunk, r["results"]))
            except (RuntimeError, ValueError,
                    subprocess.TimeoutExpired) as e:
                proc.kill()
                report(False, "run the programs (PYTHONHASHSEED=%s)" % seed,
                       [str(e)])
                res.update((k, {"timeout": True}) for k in chunk)
    for k, (ex_id, rel, code, expected) in enumerate(found):
        want = expected if expected.endswith("\n") else expected + "\n"
        ok, diag = True, []
        if not code.strip():
            ok, diag = False, ["the exercise has no code"]
        for seed in HASHSEEDS if ok else ():
            r = runs.get(seed, {}).get(k)
            if r is None:
                continue  # not run under this seed (cannot print a set)
            if r.get("timeout"):
                ok, diag = False, ["timed out after %ds" % TIMEOUT]
                break
            if r["out"] != want:
                ok = False
                diag = ["PYTHONHASHSEED=%s" % seed,
                        "expected: %r" % want, "got:      %r" % r["out"]]
                break
        report(ok, "output %s (%s)" % (ex_id, rel), diag)
    if not found and len(sys.argv) == 1:
        report(False, "found no output exercises under exercises/")
    print("# %s; %d output exercises" % (version, len(found)))
    print("1..%d" % len(results))
    for n, (ok, desc, diag) in enumerate(results, 1):
        print("%s %d - %s" % ("ok" if ok else "not ok", n, desc))
        for line in diag:
            for part in line.splitlines() or [""]:
                print("#   " + part)
    return 0 if all(r[0] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
