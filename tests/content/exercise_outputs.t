#!/usr/bin/env python3
"""TAP test for exercise content: every `output` exercise in
exercises/**/*.lua states what its program prints; run the program under
python3 (CPython 3.11) and compare byte for byte. Like lesson_outputs.t,
an uncaught exception counts as stdout plus the last stderr line. Each
program runs under two PYTHONHASHSEED values, so an output that depends
on set or dict ordering of strings fails. The Lua files are our own
content: they are loaded with the plain lua5.4 interpreter here.
Finds the repo from its own path; optional args: .lua files.
"""

import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                    "..", ".."))
EXERCISES = os.path.join(ROOT, "exercises")
LUA = os.environ.get("LUA", "lua5.4")
PYTHON = os.environ.get("PYTHON", "python3")
TIMEOUT = 10  # seconds per program run
HASHSEEDS = ("0", "12345")

# Prints every output exercise of one file as length-prefixed fields:
# id, code, expected. Anything else in the table is ignored.
DUMPER = r"""
local path = ...
local chunk, err = loadfile(path, "t")
if not chunk then io.stderr:write(err, "\n") os.exit(2) end
local ok, list = pcall(chunk)
if not ok then io.stderr:write(tostring(list), "\n") os.exit(2) end
if type(list) ~= "table" then
  io.stderr:write(path, ": does not return a table\n") os.exit(2)
end
local function field(s)
  s = type(s) == "string" and s or ""
  io.write(#s, ":", s)
end
for _, ex in ipairs(list) do
  if type(ex) == "table" and ex.kind == "output" then
    io.write("E")
    field(ex.id) field(ex.code) field(ex.expected)
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


def exercises_in(path):
    proc = subprocess.run([LUA, "-", path], input=DUMPER.encode(),
                          capture_output=True, timeout=TIMEOUT)
    if proc.returncode != 0:
        raise RuntimeError(proc.stderr.decode(errors="replace").strip())
    data = proc.stdout
    out, i = [], 0
    while i < len(data):
        if data[i:i + 1] != b"E":
            raise RuntimeError("malformed dump at byte %d" % i)
        i += 1
        fields = []
        for _ in range(3):
            colon = data.index(b":", i)
            n = int(data[i:colon])
            fields.append(data[colon + 1:colon + 1 + n].decode())
            i = colon + 1 + n
        out.append(tuple(fields))
    return out


# Runs a JSON list of programs, each in a forked child as a fresh
# __main__ module, and prints a JSON list of outputs. Starting python3
# once per hash seed instead of once per program keeps the test fast on a
# loaded machine; a child that exits normally still joins its threads and
# runs atexit handlers, as the interpreter would.
DRIVER = r"""
import atexit, json, os, sys, time, traceback, types
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
    for path in lua_files():
        rel = os.path.relpath(path, ROOT)
        try:
            exs = exercises_in(path)
        except (RuntimeError, ValueError, subprocess.TimeoutExpired) as e:
            report(False, "load %s" % rel, [str(e)])
            continue
        found.extend((i, rel, c, x) for i, c, x in exs)
    runs, version = {}, "python3 (version unknown)"
    codes = [f[2] for f in found]
    with tempfile.TemporaryDirectory() as tmp:
        started = {}
        for seed in HASHSEEDS:  # both seeds at once: start-up dominates
            os.mkdir(os.path.join(tmp, seed))
            started[seed] = start_run(codes, seed, os.path.join(tmp, seed))
        for seed in HASHSEEDS:
            try:
                r = finish_run(*started[seed], len(codes))
                runs[seed] = r["results"]
                version = "Python " + r["version"]
            except (RuntimeError, ValueError,
                    subprocess.TimeoutExpired) as e:
                started[seed][0].kill()
                report(False, "run the programs (PYTHONHASHSEED=%s)" % seed,
                       [str(e)])
                runs[seed] = [{"timeout": True}] * len(codes)
    for k, (ex_id, rel, code, expected) in enumerate(found):
        want = expected if expected.endswith("\n") else expected + "\n"
        ok, diag = True, []
        if not code.strip():
            ok, diag = False, ["the exercise has no code"]
        for seed in HASHSEEDS if ok else ():
            r = runs[seed][k]
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
