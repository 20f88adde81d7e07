#!/usr/bin/env python3
# report.t - `pyprep report --csv/--json` read back by Python's csv and json
# modules and compared field by field with the database (read with
# Python's sqlite3): awkward answers (commas, quotes, newlines, UTF-8)
# survive, --mode and --since filter, --name is included. Also `reset`:
# declined without --yes, scoped, and --all. Uses pyprep when its command
# table has report, else the ptool driver.
import csv, io, json, os, shutil, sqlite3, subprocess, sys, tempfile

build = os.environ.get("BUILD", "build")
tool = os.path.join(build, "tests", "progress", "ptool")
pyprep = os.environ.get("PYPREP", "")
n = 0

def ok(cond, desc):
    global n
    n += 1
    print(("ok" if cond else "not ok") + " %d - %s" % (n, desc))
    return cond

if not os.access(tool, os.X_OK):
    print("1..0 # SKIP %s not built" % tool)
    sys.exit(0)
cmd = [tool, "cmd"]
if pyprep and os.access(pyprep, os.X_OK):
    h = subprocess.run([pyprep, "--help"], stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT).stdout.decode()
    if " report " in h:
        cmd = [pyprep]
print("# commands run by %s" % " ".join(cmd))
tmp = tempfile.mkdtemp(prefix="pyprep-report-")
db = os.path.join(tmp, "p.db")
env = dict(os.environ, PYPREP_DB=db, TZ="UTC")
env.pop("PYPREP_NAME", None)
env["XDG_CONFIG_HOME"] = tmp

def run(args, stdin=None, extra=None):
    e = dict(env, **(extra or {}))
    return subprocess.run(cmd + args, env=e, input=stdin,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)

def add(ex, topic, mode, score, passed, answer, now):
    r = subprocess.run([tool, "attempt", db, ex, topic, mode, str(score),
                        str(passed), answer], env=dict(env, PYPREP_NOW=now),
                       stdout=subprocess.PIPE)
    assert r.returncode == 0, r

answers = ['a, b and "c"', "line one\nline two\r\nthree", "naïve → ok ✓",
           "plain", ""]
day1, day2 = "1767225600", "1767398400"  # 2026-01-01, 2026-01-03 UTC
add("core.a.1", "alpha", "study", 1.0, 1, answers[0], day1)
add("core.a.2", "alpha", "drill", 0.25, 0, answers[1], day1)
add("iter.b.1", "beta", "interview", 0.5, 1, answers[2], day2)
add("iter.b.2", "beta", "study", 0.75, 1, answers[3], day2)
add("iter.b.3", "beta", "drill", 0.0, 0, "-", day2)  # unanswered
subprocess.run([tool, "session", db, "interview", 'Mock, "mid"', "3", "2",
                '{"topics":{"beta":0.5}}'], env=dict(env, PYPREP_NOW=day2),
               stdout=subprocess.PIPE, check=True)

con = sqlite3.connect(db)
rows = con.execute("SELECT id, exercise_id, topic, mode, answer, score, "
                   "passed FROM attempts ORDER BY id").fetchall()

r = run(["report", "--csv", "--name", "Ada, \"L\""])
ok(r.returncode == 0, "report: --csv exits 0 %s" % r.stderr.decode())
raw = r.stdout.decode()
ok(raw.endswith("\r\n") and "\r\n" in raw.split('"')[0],
   "report: CSV records end in CRLF")
recs = list(csv.DictReader(io.StringIO(raw, newline="")))
att = [x for x in recs if x["record"] == "attempt"]
ses = [x for x in recs if x["record"] == "session"]
ok(len(att) == 5 and len(ses) == 1, "report: CSV has 5 attempts and 1 "
   "session (%d, %d)" % (len(att), len(ses)))
good = all(int(a["id"]) == row[0] and a["exercise"] == row[1] and
           a["topic"] == row[2] and a["mode"] == row[3] and
           a["answer"] == (row[4] or "") and float(a["score"]) == row[5] and
           int(a["passed"]) == row[6] for a, row in zip(att, rows))
ok(good, "report: CSV attempts match the database field for field")
ok([a["answer"] for a in att] == answers,
   "report: commas, quotes, newlines and UTF-8 survive CSV")
ok(all(x["student"] == 'Ada, "L"' for x in recs),
   "report: --name on every row")
ok(ses and ses[0]["title"] == 'Mock, "mid"' and ses[0]["items"] == "3" and
   ses[0]["correct"] == "2", "report: CSV session row")
ok(att and att[0]["time"] == "2026-01-01T00:00:00Z",
   "report: times in ISO 8601 UTC")

r = run(["report", "--json"], extra={"PYPREP_NAME": "Grace"})
doc = json.loads(r.stdout.decode())
ok(r.returncode == 0 and doc["student"] == "Grace",
   "report: --json parses, name from PYPREP_NAME")
ok([a["answer"] for a in doc["attempts"]] ==
   [row[4] for row in rows], "report: JSON answers match (null unanswered)")
ok([a["passed"] for a in doc["attempts"]] ==
   [bool(row[6]) for row in rows], "report: JSON booleans")
ok(doc["sessions"][0]["scorecard"] == {"topics": {"beta": 0.5}},
   "report: scorecard embedded as JSON")

r = run(["report", "--json", "--mode", "drill"])
doc = json.loads(r.stdout.decode())
ok([a["exercise"] for a in doc["attempts"]] == ["core.a.2", "iter.b.3"] and
   doc["sessions"] == [], "report: --mode drill filters")
r = run(["report", "--csv", "--since", "2026-01-02"])
recs = list(csv.DictReader(io.StringIO(r.stdout.decode(), newline="")))
ok(len(recs) == 4, "report: --since drops older rows (%d)" % len(recs))
os.makedirs(os.path.join(tmp, "pyprep"), exist_ok=True)
with open(os.path.join(tmp, "pyprep", "config"), "w") as f:
    f.write("# my settings\nname = Katherine J\n")
r = run(["report", "--json"])
ok(json.loads(r.stdout.decode())["student"] == "Katherine J",
   "report: name from the config file")
r = run(["report", "--since", "yesterday"])
ok(r.returncode == 2, "report: bad date is a usage error")
r = run(["report", "--csv"], extra={"PYPREP_DB": os.path.join(tmp, "no.db")})
ok(r.returncode == 0 and r.stdout.decode().count("\r\n") == 1 and
   not os.path.exists(os.path.join(tmp, "no.db")),
   "report: missing db -> header only, nothing created")

# reset
r = run(["reset", "--topic", "alpha"], stdin=b"n\n")
ok(r.returncode == 1 and con.execute("SELECT count(*) FROM attempts"
                                     ).fetchone()[0] == 5,
   "reset: answering n deletes nothing")
ok(b"2 attempts" in r.stderr, "reset: confirmation says what would go")
r = run(["reset", "--topic", "alpha"], stdin=b"")
ok(r.returncode == 1, "reset: no answer (EOF) deletes nothing")
r = run(["reset", "--topic", "alpha"], stdin=b"y\n")
ok(r.returncode == 0 and con.execute(
    "SELECT count(*) FROM attempts WHERE topic = 'alpha'").fetchone()[0]
   == 0, "reset: y deletes the topic")
r = run(["reset", "--exercise", "iter.b.1", "--yes"])
ok(r.returncode == 0 and con.execute(
    "SELECT count(*) FROM review WHERE exercise_id = 'iter.b.1'"
    ).fetchone()[0] == 0, "reset: --exercise --yes deletes its schedule")
r = run(["reset", "--topic", "beta", "--all"])
ok(r.returncode == 2, "reset: two scopes is a usage error")
r = run(["reset", "--all", "--yes"])
left = con.execute("SELECT (SELECT count(*) FROM attempts) + (SELECT "
                   "count(*) FROM sessions)").fetchone()[0]
ok(r.returncode == 0 and left == 0, "reset: --all --yes empties it")
con.close()
shutil.rmtree(tmp)
print("1..%d" % n)
