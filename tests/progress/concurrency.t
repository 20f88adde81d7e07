#!/usr/bin/env python3
# concurrency.t - two pyprep processes (`grade --batch`) record graded
# answers into one database at the same time, as two pyprep windows would,
# while a third runs `pyprep report --csv` over and over: both writers
# finish without a lock error, every answer acknowledged with an attempt id
# is there, and the file passes PRAGMA integrity_check.
import os, shutil, sqlite3, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(os.path.dirname(here))
tool = os.environ.get("PYPREP") or os.path.join(root, "pyprep")
each = 100 if os.environ.get("PYPREP_ASAN") else 300
n = 0

def ok(cond, desc):
    global n
    n += 1
    print(("ok" if cond else "not ok") + " %d - %s" % (n, desc))
    return cond

if not os.access(tool, os.X_OK):
    print("1..0 # SKIP %s not built" % tool)
    sys.exit(0)
base = "/dev/shm" if os.access("/dev/shm", os.W_OK) else None
tmp = tempfile.mkdtemp(prefix="pyprep-conc-", dir=base)
db = os.path.join(tmp, "p.db")
env = dict(os.environ, PYPREP_DB=db, PYPREP_CONTENT=root)

def batch(tag, count):
    lines = "".join("core.pass.explain\t%s answer %d: pass does nothing, "
                    "it is a placeholder\n" % (tag, i) for i in range(count))
    path = os.path.join(tmp, tag + ".in")
    with open(path, "w") as f:
        f.write(lines)
    return open(path)

# create the database first so both writers race on records, not creation
subprocess.run([tool, "grade", "--batch"], stdin=batch("init", 1), env=env,
               stdout=subprocess.DEVNULL)
procs = [subprocess.Popen([tool, "grade", "--batch"], stdin=batch(tag, each),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          env=env)
         for tag in ("A", "B")]
reports = 0
while any(p.poll() is None for p in procs):
    r = subprocess.run([tool, "report", "--csv"], env=env,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    reports += r.returncode == 0
    if r.returncode != 0:
        print("# report failed: %s" % r.stderr.decode().strip())
        break
outs = [p.communicate() for p in procs]
for tag, p, (out, err) in zip("AB", procs, outs):
    acks = sum(1 for l in out.decode().splitlines()
               if l.split("\t")[-1].isdigit())
    ok(p.returncode in (0, 1) and acks == each,
       "concurrency: writer %s recorded %d/%d %s" % (tag, acks, each,
                                                     err.decode().strip()))
ok(reports >= 1, "concurrency: %d reports read while both wrote" % reports)
con = sqlite3.connect(db)
ok(con.execute("PRAGMA integrity_check").fetchone()[0] == "ok",
   "concurrency: integrity_check ok")
for tag in "AB":
    c = con.execute("SELECT count(*) FROM attempts WHERE answer LIKE ?",
                    (tag + " answer %",)).fetchone()[0]
    ok(c == each, "concurrency: all %d answers of %s present" % (c, tag))
tags = [r[0][0] for r in con.execute(
    "SELECT answer FROM attempts WHERE answer GLOB '[AB] *' ORDER BY id")]
print("# writers alternated %d times in commit order"
      % sum(1 for a, b in zip(tags, tags[1:]) if a != b))
ok(con.execute("PRAGMA journal_mode").fetchone()[0] == "wal",
   "concurrency: database in WAL mode")
con.close()
shutil.rmtree(tmp)
print("1..%d" % n)
