#!/usr/bin/env python3
# crash.t - SIGKILL the recording process at random moments while it
# records 500 graded answers (PYPREP_ASAN=1: 150), restarting it each time,
# then check with Python's own sqlite3: PRAGMA integrity_check is "ok",
# every answer acknowledged ("ack TAG I" printed after the commit returned)
# is in the attempts table, and attempts and review state agree (each was
# written in one transaction). Seeded by PYPREP_CRASH_SEED (default: time).
import os, random, shutil, signal, sqlite3, subprocess, sys, tempfile, time

build = os.environ.get("BUILD", "build")
tool = os.path.join(build, "tests", "progress", "ptool")
total = 150 if os.environ.get("PYPREP_ASAN") else 500
seed = int(os.environ.get("PYPREP_CRASH_SEED", time.time_ns() % 10**9))
rng = random.Random(seed)
n = 0

def ok(cond, desc):
    global n
    n += 1
    print(("ok" if cond else "not ok") + " %d - %s" % (n, desc))
    return cond

if not os.access(tool, os.X_OK):
    print("1..0 # SKIP %s not built" % tool)
    sys.exit(0)
print("# seed %d" % seed)
# tmpfs keeps it quick; a SIGKILL loses the same things on any filesystem
# (the page cache survives the process), so the property tested is the same
# (PYPREP_CRASH_DIR picks another place, e.g. a real disk)
base = os.environ.get("PYPREP_CRASH_DIR") or (
    "/dev/shm" if os.access("/dev/shm", os.W_OK) else None)
tmp = tempfile.mkdtemp(prefix="pyprep-crash-", dir=base)
db = os.path.join(tmp, "p.db")
acked = set()
kills = rounds = 0
killed_mid = 0
while len(acked) < total and rounds < 400:
    rounds += 1
    tag = "r%d" % rounds
    want = total - len(acked)
    p = subprocess.Popen([tool, "record", db, str(want), tag],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         bufsize=0)  # unbuffered: readline takes one line
    first = b""
    if rng.random() < 0.2:
        # die during start-up (open, migration, first commit)
        time.sleep(rng.uniform(0, 0.06))
    else:
        # die somewhere in the batch, after the first acknowledgement
        first = p.stdout.readline()
        time.sleep(rng.uniform(0, 0.0003 * min(want, 40)))
    if p.poll() is None:
        p.send_signal(signal.SIGKILL)
        kills += 1
    out, err = p.communicate()
    out = first + out
    got = 0
    for line in out.decode().splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0] == "ack" and parts[1] == tag:
            acked.add((tag, int(parts[2])))
            got += 1
    if p.returncode == -signal.SIGKILL and 0 < got < want:
        killed_mid += 1
    if p.returncode not in (0, -signal.SIGKILL):
        ok(False, "crash: recorder failed: %s" % err.decode().strip())
        break

print("# %d answers acknowledged in %d runs, %d killed (%d mid-batch)"
      % (len(acked), rounds, kills, killed_mid))
ok(len(acked) >= total, "crash: %d answers acknowledged across %d kills"
   % (len(acked), kills))
ok(kills >= 5 and killed_mid >= 3,
   "crash: the recorder was killed mid-batch (%d kills, %d mid-batch)"
   % (kills, killed_mid))
con = sqlite3.connect(db)
res = con.execute("PRAGMA integrity_check").fetchall()
ok(res == [("ok",)], "crash: PRAGMA integrity_check is ok (%s)" % res)
answers = set(r[0] for r in con.execute("SELECT answer FROM attempts"))
missing = [a for a in acked if "%s answer %d" % a not in answers]
ok(not missing, "crash: every acknowledged answer is present (%d missing)"
   % len(missing))
extra = len(answers) - len(acked)
print("# %d answers committed but not acknowledged before the kill" % extra)
ex_att = con.execute("SELECT count(DISTINCT exercise_id) FROM attempts"
                     ).fetchone()[0]
ex_rev = con.execute("SELECT count(*) FROM review").fetchone()[0]
ok(ex_att == ex_rev, "crash: review state for every attempted exercise "
   "(%d/%d)" % (ex_rev, ex_att))
bad = con.execute("SELECT count(*) FROM review r WHERE last != (SELECT "
                  "max(time) FROM attempts a WHERE a.exercise_id = "
                  "r.exercise_id)").fetchone()[0]
ok(bad == 0, "crash: no review row lags its last attempt (%d)" % bad)
con.close()
shutil.rmtree(tmp)
print("1..%d" % n)
