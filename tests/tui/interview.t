#!/usr/bin/env bash
# End-to-end: a seeded mock interview through tmux to its scorecard. After
# each answer the interviewer's feedback shows the model answer and what
# is being tested; the scorecard has the overall result, per-topic bars,
# strongest/weakest topics, lessons to revisit and time per question, and
# it is saved (read back from `report --json`).
. "$(dirname "$0")/tmux-lib.sh"

B=${BUILD:-build}
case $B in /*) ;; *) B="$ROOT/$B" ;; esac
if "$PYPREP" --help 2>/dev/null | grep -q ' interview '; then
    RUN="$PYPREP interview"
    REPORT="$PYPREP report"
else
    RUN="$B/tests/progress/ptool cmd interview" # until main.c has them
    REPORT="$B/tests/progress/ptool cmd report"
fi
TMPD=$(mktemp -d)
DB="$TMPD/p.db"
trap 'cleanup; rm -rf "$TMPD"' EXIT
export PYPREP_CONTENT="$ROOT" PYPREP_DB="$DB"
ARGS="--seed 11 --level junior --count 3 --minutes 30"

LIST=$($RUN $ARGS --list)
[ "$(printf '%s\n' "$LIST" | wc -l)" -eq 3 ] &&
    [ "$LIST" = "$($RUN $ARGS --list)" ]
ok $? "interview: seeded selection, three questions, same every time"
[ "$(printf '%s\n' "$LIST" | cut -f2 | sort -u | wc -l)" -eq 3 ]
ok $? "interview: balanced across topics (three different topics)"
! printf '%s\n' "$LIST" | cut -f4 | grep -qv beginner
ok $? "interview: junior level draws beginner items"
! printf '%s\n' "$LIST" | cut -f3 | grep -q choice
ok $? "interview: explain/output/code questions, no multiple choice"
$RUN --level wizard --list 2>/dev/null
[ $? -eq 2 ]
ok $? "interview: unknown level is a usage error"

KIND1=$(printf '%s\n' "$LIST" | head -1 | cut -f3)
start_shell 90 40 TERM=xterm-256color "PYPREP_CONTENT=$ROOT" "PYPREP_DB=$DB"
keys "$RUN $ARGS; echo EXIT=\$?" Enter
wait_for 'Question 1 of 3' 30
ok $? "interview: first question shows"
screen | grep -Eq '1/3 +[0-9]+:[0-9]{2} left'
ok $? "interview: timer in the status line"
keys i
wait_for 'Hint 1:' 3
ok $? "interview: i shows a hint"
keys Enter
wait_for '> ' 3
tm send-keys -t main -l 'I am not sure'
keys Enter
case $KIND1 in output | fill | numpy) keys Enter ;; esac
wait_for 'Model answer' 20
ok $? "interview: model answer after the answer"
screen | grep -q 'What the interviewer is testing'
ok $? "interview: what the interviewer is testing"
screen | grep -Eq 'Not passed|Passed'
ok $? "interview: the verdict"
keys Enter
wait_for 'Question 2 of 3' 5
ok $? "interview: Enter goes to the next question"
keys s
wait_for 'Skipped' 5
ok $? "interview: s skips, with the model answer still shown"
keys Enter
wait_for 'Question 3 of 3' 5
keys Escape
wait_for 'Scorecard' 5
ok $? "interview: Esc ends early with the scorecard"
for want in 'Overall: ' 'By topic' 'Strongest: ' 'Weakest: ' \
    'Lessons to revisit' 'Time per question'; do
    screen | grep -q "$want"
    ok $? "interview: scorecard has '$want'"
done
[ "$(screen | grep -c 'unanswered')" -eq 2 ]
ok $? "interview: skipped and unreached questions unanswered"
keys Enter
wait_for 'EXIT=0' 5
ok $? "interview: Enter leaves, exit 0"
$REPORT --json --mode interview >"$TMPD/r.json"
python3 - "$TMPD/r.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
s = doc["sessions"]
assert len(s) == 1 and s[0]["level"] == "junior" and s[0]["items"] == 3, s
card = s[0]["scorecard"]
assert len(card["items"]) == 3 and len(card["topics"]) == 3, card
assert [i["answered"] for i in card["items"]] == [True, False, False], card
assert len(doc["attempts"]) == 3, doc["attempts"]
assert doc["attempts"][0]["answer"] == "I am not sure"
PY
ok $? "interview: scorecard saved and exported by report --json"
$RUN --last >"$TMPD/card"
[ $? -eq 0 ] && grep -q '^Scorecard' "$TMPD/card" &&
    grep -q 'Lessons to revisit' "$TMPD/card" &&
    [ "$(grep -c unanswered "$TMPD/card")" -eq 2 ]
ok $? "interview: --last shows the saved scorecard"
$RUN --show 999 >/dev/null 2>&1
[ $? -eq 1 ]
ok $? "interview: --show of an unknown session is an error"
done_testing
