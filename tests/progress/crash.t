#!/usr/bin/env python3
# crash.t - SIGKILL real `pyprep grade --batch` processes at random moments
# while they grade 500 answers (PYPREP_ASAN=1: 100) into one database,
# restarting them until 500 answers are acknowledged; then check with
# Python's own sqlite3: PRAGMA integrity_check is "ok", every acknowledged
# answer (a verdict line printed with its attempt id, which pyprep prints
# only after the commit returned) is in the attempts table with that id,
# and attempts and review state agree (one transaction each). Seeded by
# PYPREP_CRASH_SEED (default: time); PYPREP_CRASH_DIR puts the database on
# another filesystem (default /dev/shm).
import os, random, shutil, signal, sqlite3, subprocess, sys, tempfile
import threading, time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
pyprep = os.environ.get("PYPREP") or os.path.join(root, "pyprep")
asan = bool(os.environ.get("PYPREP_ASAN"))
# ASan start-up takes ~5 s, so fewer, larger runs there
total = 100 if asan else 500
budget = 40.0 if asan else 30.0  # seconds of killing; then finish calmly
slice_lo, slice_hi = (30, 100) if asan else (40, 120)
min_kills, min_mid = (3, 2) if asan else (5, 3)
seed = int(os.environ.get("PYPREP_CRASH_SEED", time.time_ns() % 10**9))
rng = random.Random(seed)
n = 0

def ok(cond, desc):
    global n
    n += 1
    print(("ok" if cond else "not ok") + " %d - %s" % (n, desc))
    sys.stdout.flush()
    return cond

if not os.access(pyprep, os.X_OK):
    print("1..0 # SKIP %s not built" % pyprep)
    sys.exit(0)
print("# seed %d" % seed)
# tmpfs keeps it quick; a SIGKILL loses the same things on any filesystem
# (the page cache survives the process), so the property tested is the same
base = os.environ.get("PYPREP_CRASH_DIR") or (
    "/dev/shm" if os.access("/dev/shm", os.W_OK) else None)
tmp = tempfile.mkdtemp(prefix="pyprep-crash-", dir=base)
db = os.path.join(tmp, "p.db")
env = dict(os.environ, PYPREP_CONTENT=root, NO_COLOR="1")
env.pop("PYPREP_DB", None)

# Answers of several kinds, each made unique by its tag so the database
# can be searched for it; some pass, some do not: both are attempts.
TEMPLATES = [
    ("core.is-vs-eq.explain",
     "`is` checks whether two names refer to the same object (identity), "
     "while == compares their values. [%s]"),
    ("core.is-vs-eq.explain", "They are the same thing. [%s]"),
    ("core.is-vs-eq.aliases", "True\\nTrue\\n%s"),
    ("core.list-vs-tuple.explain",
     "A list is mutable and a tuple is immutable, so only a tuple of "
     "hashable items can be a dict key. [%s]"),
    ("core.pass.explain", "pass does nothing; it fills a block. [%s]"),
    ("core.is-vs-eq.none-test", "a %s"),
]

def answer_line(tag):
    ex, text = TEMPLATES[rng.randrange(len(TEMPLATES))]
    return ex, (text % tag)

def reader(p, lines, stamps, got_one):
    for raw in p.stdout:
        lines.append(raw.decode("utf-8", "replace"))
        stamps.append(time.time())
        got_one.set()
    got_one.set()

acked = {}          # attempt id -> (exercise, answer as stored)
unsaved = errors = 0
kills = killed_start = killed_mid = runs = 0
per_answer = 0.0005  # seconds, measured from each run that got far
t0 = time.time()
def enough_kills():
    return kills >= min_kills and killed_mid >= min_mid

while (len(acked) < total or not enough_kills()) and runs < 400:
    runs += 1
    # a run gets a slice of what is left, so there are always several
    # runs to kill
    # ... and keeps killing past the budget until enough kills landed
    # mid-batch: on a loaded machine start-up eats most of the budget
    calm = (time.time() - t0 > budget and enough_kills()) or \
        time.time() - t0 > 10 * budget
    if calm and len(acked) >= total:
        break
    want = max(total - len(acked), slice_hi)
    if not calm:
        want = min(want, rng.randint(slice_lo, slice_hi))
    sent = {}
    inp = os.path.join(tmp, "in.txt")
    with open(inp, "w") as f:
        for i in range(want):
            tag = "run %d answer %d" % (runs, i)
            ex, text = answer_line(tag)
            sent[tag] = (ex, text.replace("\\n", "\n"))
            f.write("%s\t%s\n" % (ex, text))
    lines, stamps = [], []
    got_one = threading.Event()
    with open(inp) as stdin:
        p = subprocess.Popen([pyprep, "--db", db, "grade", "--batch"],
                             stdin=stdin, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, env=env)
    th = threading.Thread(target=reader, args=(p, lines, stamps, got_one))
    th.start()
    if not calm:
        if rng.random() < 0.2:
            # during start-up: loading content, opening, migrating
            time.sleep(rng.uniform(0, 1.2))
        else:
            # somewhere in the batch, after the first verdict: the window
            # is the time the rest of the slice takes at the speed seen so
            # far (well under a millisecond an answer on tmpfs)
            got_one.wait(60)
            time.sleep(rng.uniform(0, per_answer * want))
        if p.poll() is None:
            p.send_signal(signal.SIGKILL)
            kills += 1
    err = p.stderr.read()
    p.wait()
    th.join()
    if len(stamps) >= 10:
        per_answer = (stamps[-1] - stamps[0]) / (len(stamps) - 1)
    # verdicts come in input order, one line per input line: the k-th
    # line answers the k-th answer sent; a line cut short by the kill
    # (no newline) is not an acknowledgement
    order = list(sent.values())
    got = 0
    for k, line in enumerate(lines):
        f = line[:-1].split("\t") if line.endswith("\n") else []
        if len(f) != 4:
            continue
        if f[1] == "error":
            errors += 1
        elif f[3] == "-":
            unsaved += 1
        elif order[k][0] == f[0]:
            acked[int(f[3])] = order[k]
            got += 1
        else:
            errors += 1
    if p.returncode == -signal.SIGKILL:
        if got == 0:
            killed_start += 1
        elif got < want:
            killed_mid += 1
    elif p.returncode not in (0, 1):
        ok(False, "crash: pyprep failed (exit %s): %s"
           % (p.returncode, err.decode().strip()[:300]))
        break
elapsed = time.time() - t0

print("# %d answers acknowledged in %d runs of pyprep grade --batch, %.1f s"
      % (len(acked), runs, elapsed))
print("# %d kills: %d during start-up, %d mid-batch" %
      (kills, killed_start, killed_mid))
ok(len(acked) >= total, "crash: %d answers acknowledged across %d kills"
   % (len(acked), kills))
ok(kills >= min_kills and killed_mid >= min_mid,
   "crash: pyprep was killed mid-batch (%d kills, %d mid-batch)"
   % (kills, killed_mid))
ok(unsaved == 0 and errors == 0,
   "crash: every verdict printed came with a saved attempt (%d unsaved, "
   "%d errors)" % (unsaved, errors))
con = sqlite3.connect(db)
res = con.execute("PRAGMA integrity_check").fetchall()
ok(res == [("ok",)], "crash: PRAGMA integrity_check is ok (%s)" % res)
rows = {r[0]: (r[1], r[2]) for r in
        con.execute("SELECT id, exercise_id, answer FROM attempts")}
lost = [i for i, a in acked.items() if rows.get(i) != a]
ok(not lost, "crash: every acknowledged answer is present with its "
   "attempt id (%d lost)" % len(lost))
for i in lost[:5]:
    print("#   attempt %d: acknowledged %r, stored %r"
          % (i, acked[i], rows.get(i)))
extra = len(rows) - len(acked)
print("# %d answers committed but not acknowledged before the kill; "
      "0 acknowledged answers lost" % extra if not lost else
      "# %d lost" % len(lost))
ex_att = con.execute("SELECT count(DISTINCT exercise_id) FROM attempts"
                     ).fetchone()[0]
ex_rev = con.execute("SELECT count(*) FROM review").fetchone()[0]
ok(ex_att == ex_rev, "crash: review state for every attempted exercise "
   "(%d/%d)" % (ex_rev, ex_att))
bad = con.execute("SELECT count(*) FROM review r WHERE last != (SELECT "
                  "max(time) FROM attempts a WHERE a.exercise_id = "
                  "r.exercise_id)").fetchone()[0]
ok(bad == 0, "crash: no review row lags its last attempt (%d)" % bad)
modes = con.execute("SELECT DISTINCT mode FROM attempts").fetchall()
ok(modes == [("study",)], "crash: attempts recorded as study (%s)" % modes)
con.close()
shutil.rmtree(tmp)
print("1..%d" % n)
