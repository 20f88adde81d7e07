#!/usr/bin/env bash
# End-to-end: a seeded drill from a teacher's drill file (same items every
# run), answered and skipped through tmux to its end screen, with the
# countdown in the status line; then a drill whose time runs out, leaving
# its items unanswered. Results are checked in the database with python3.
. "$(dirname "$0")/tmux-lib.sh"

B=${BUILD:-build}
case $B in /*) ;; *) B="$ROOT/$B" ;; esac
if "$PYPREP" --help 2>/dev/null | grep -q ' drill '; then
    RUN="$PYPREP drill"
else
    RUN="$B/tests/progress/ptool cmd drill" # until main.c has the command
fi
TMPD=$(mktemp -d)
DB="$TMPD/p.db"
trap 'cleanup; rm -rf "$TMPD"' EXIT
export PYPREP_CONTENT="$ROOT" PYPREP_DB="$DB"
FILE="$ROOT/tests/progress/fixtures/week3.lua"

LIST1=$($RUN "$FILE" --list)
LIST2=$($RUN "$FILE" --list)
[ -n "$LIST1" ] && [ "$LIST1" = "$LIST2" ]
ok $? "drill: a drill file gives the same items every time"
[ "$(printf '%s\n' "$LIST1" | wc -l)" -eq 3 ]
ok $? "drill: the file's count is honoured"
$RUN "$ROOT/tests/progress/fixtures/bad-drill.lua" --list 2>"$TMPD/err"
[ $? -eq 2 ] && grep -q 'count must be an integer' "$TMPD/err"
ok $? "drill: a bad drill file names the bad field"
rm -f /tmp/pyprep-drill-escaped
$RUN "$ROOT/tests/progress/fixtures/escape-drill.lua" --list 2>/dev/null
[ $? -eq 2 ] && [ ! -e /tmp/pyprep-drill-escaped ]
ok $? "drill: drill files run in the sandbox (no os.execute)"
$RUN --level expert --list 2>"$TMPD/err"
[ $? -eq 2 ] && grep -q "level must be beginner, intermediate or advanced, not 'expert'" "$TMPD/err"
ok $? "drill: a misspelt level is a usage error, not an empty drill"
! $RUN --level advanced --count 100 --seed 1 --list | cut -f1 | grep -q followup
ok $? "drill: filters never draw an interview follow-up on its own"

# answer the first item (wrongly), skip the others
KIND1=$(printf '%s\n' "$LIST1" | head -1 | cut -f3)
start_shell 90 30 TERM=xterm-256color "PYPREP_CONTENT=$ROOT" "PYPREP_DB=$DB"
keys "$RUN $FILE; echo EXIT=\$?" Enter
wait_for 'Question 1 of 3' 30
ok $? "drill: first question shows"
screen | grep -Eq '1/3 +[0-9]+:[0-9]{2} left'
ok $? "drill: countdown in the status line"
screen | grep -q 'Week 3: tuples and generators'
ok $? "drill: title from the drill file"
keys Enter
wait_for '> ' 3
tm send-keys -t main -l 'zzz'
keys Enter
case $KIND1 in output | fill | numpy) keys Enter ;; esac
wait_for 'Question 2 of 3' 5
ok $? "drill: answering moves on with no feedback (test conditions)"
keys s
wait_for 'Question 3 of 3' 5
ok $? "drill: s skips"
keys s
wait_for 'Results: Week 3' 5
ok $? "drill: end screen after the last item"
screen | grep -Eq 'Score [0-9]/3'
ok $? "drill: end screen shows the score"
screen | grep -Eq 'Time [0-9]+:[0-9]{2}'
ok $? "drill: end screen shows the time"
n=0
for id in $(printf '%s\n' "$LIST1" | cut -f1); do
    # long ids are cut to the width of the terminal
    screen | grep -qF "$(printf '%s' "$id" | cut -c1-50)" && n=$((n + 1))
done
[ "$n" -eq 3 ]
ok $? "drill: per-item review lists every item"
[ "$(screen | grep -Ec 'unanswered +[0-9]+%')" -eq 2 ]
ok $? "drill: skipped items show as unanswered"
screen | grep -q '^ *Review *$' && screen | grep -q 'Your answer:' &&
    screen | grep -q 'Model answer:'
ok $? "drill: the end screen reviews each item (answer given, model answer)"
keys Enter
wait_for 'EXIT=0' 5
ok $? "drill: Enter leaves, exit status 0"
python3 - "$DB" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
s = con.execute("SELECT id, finished, nitems, title FROM sessions").fetchall()
assert len(s) == 1 and s[0][1] and s[0][2] == 3, s
a = con.execute("SELECT answer FROM attempts WHERE session_id = ? "
                "AND mode = 'drill' ORDER BY id", (s[0][0],)).fetchall()
assert [x[0] for x in a] == ["zzz", None, None], a
PY
ok $? "drill: session and its three attempts saved"

# time runs out: the rest count as unanswered
keys "clear; $RUN --seed 7 --count 3 --minutes 0.05 --title Quick; echo EXIT=\$?" Enter
wait_for 'Question 1 of 3' 30
ok $? "drill: timed drill starts"
wait_for 'Results: Quick' 30
ok $? "drill: time up ends the drill"
screen | grep -q '(time up)'
ok $? "drill: end screen says time is up"
[ "$(screen | grep -Ec 'unanswered +[0-9]+%')" -eq 3 ]
ok $? "drill: every item unanswered when time ran out"
keys Escape
wait_for 'EXIT=0' 5
ok $? "drill: Esc leaves the end screen"

# time runs out while an answer is being typed: it does not count, and
# the session is closed once (three attempts, no duplicates)
KIND=$($RUN --seed 9 --count 3 --list | head -1 | cut -f3)
keys "clear; $RUN --seed 9 --count 3 --minutes 0.05 --title Late; echo EXIT=\$?" Enter
wait_for 'Question 1 of 3' 30
keys Enter
wait_for '> ' 3
sleep 4
tm send-keys -t main -l 'too late'
keys Enter
case $KIND in output | fill | numpy) keys Enter ;; esac
wait_for 'Results: Late' 5
ok $? "drill: an answer after time is up goes to the end screen"
[ "$(screen | grep -Ec 'unanswered +[0-9]+%')" -eq 3 ]
ok $? "drill: the late answer is not counted"
keys Enter
wait_for 'EXIT=0' 5
python3 - "$DB" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
sid, fin = con.execute("SELECT id, finished FROM sessions WHERE title = "
                       "'Late'").fetchone()
n = con.execute("SELECT count(*) FROM attempts WHERE session_id = ?",
                (sid,)).fetchone()[0]
assert fin and n == 3, (fin, n)
PY
ok $? "drill: the late session is saved once, three attempts"
done_testing
