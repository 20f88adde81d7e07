#!/usr/bin/env bash
# End-to-end: a seeded mock interview through tmux to its scorecard. After
# each answer the interviewer's feedback shows the model answer and what
# is being tested; a question with a follow-up is followed by it (asked
# even though the question was skipped); the scorecard has the overall
# result, per-topic bars, strongest/weakest topics, lessons to revisit and
# time per question with the follow-up under its question, and it is saved
# (read back from `report --json` and `--csv`, the follow-up linked).
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
# a seed whose second question has a follow-up (11 does with today's
# content; the search keeps the test meaningful when content changes)
SEED=
for s in 11 $(seq 1 400); do
    L=$($RUN --seed $s --level junior --count 3 --list 2>/dev/null)
    if [ "$(printf '%s\n' "$L" | wc -l)" -eq 4 ] &&
        printf '%s\n' "$L" | awk -F'\t' 'NR == 3 && NF == 5 { f = 1 }
            NR != 3 && NF != 4 { f = 0; exit } END { exit !f }'; then
        SEED=$s
        break
    fi
done
[ -n "$SEED" ]
ok $? "interview: a junior interview with a follow-up exists (seed $SEED)"
ARGS="--seed ${SEED:-11} --level junior --count 3 --minutes 30"

LIST=$($RUN $ARGS --list)
MAIN=$(printf '%s\n' "$LIST" | awk -F'\t' 'NF == 4')
[ "$(printf '%s\n' "$MAIN" | wc -l)" -eq 3 ] &&
    [ "$LIST" = "$($RUN $ARGS --list)" ]
ok $? "interview: seeded selection, three questions, same every time"
[ "$(printf '%s\n' "$MAIN" | cut -f2 | sort -u | wc -l)" -eq 3 ]
ok $? "interview: balanced across topics (three different topics)"
! printf '%s\n' "$MAIN" | cut -f4 | grep -qv beginner
ok $? "interview: junior level draws beginner items"
! printf '%s\n' "$LIST" | cut -f3 | grep -q choice
ok $? "interview: explain/output/code questions, no multiple choice"
PARENT=$(printf '%s\n' "$LIST" | sed -n 2p | cut -f1)
FOLLOW=$(printf '%s\n' "$LIST" | sed -n 3p | cut -f1)
KINDF=$(printf '%s\n' "$LIST" | sed -n 3p | cut -f3)
[ "$(printf '%s\n' "$LIST" | sed -n 3p | cut -f5)" = \
    "Follow-up: after $PARENT" ]
ok $? "interview: --list shows the follow-up right after its question"
$PYPREP drill --topic "$(printf '%s\n' "$LIST" | sed -n 3p | cut -f2)" \
    --count 100 --list | cut -f1 | grep -qx "$FOLLOW"
[ $? -ne 0 ]
ok $? "interview: a drill over the topic never draws the follow-up alone"
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
screen | grep -q "Enter the interviewer's follow-up question"
ok $? "interview: the feedback announces the follow-up"
keys Enter
wait_for 'Follow-up: question 2 of 3' 5
ok $? "interview: the follow-up comes next, though the question was skipped"
screen | grep -Eq '2\+/3 +[0-9]+:[0-9]{2} left'
ok $? "interview: status line counts the follow-up under question 2"
keys Enter
wait_for '> ' 3
tm send-keys -t main -l 'my follow-up answer'
keys Enter
case $KINDF in output | fill | numpy) keys Enter ;; esac
wait_for 'Model answer' 20
ok $? "interview: the follow-up is graded with the model answer"
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
screen | grep -Eq "^ +2\+ $FOLLOW +(miss|pass) "
ok $? "interview: the follow-up is listed under its question (2+)"
screen | grep -q '3 questions and 1 follow-up'
ok $? "interview: the scorecard counts the follow-up"
keys Enter
wait_for 'EXIT=0' 5
ok $? "interview: Enter leaves, exit 0"
$REPORT --json --mode interview >"$TMPD/r.json"
python3 - "$TMPD/r.json" "$PARENT" "$FOLLOW" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
parent, follow = sys.argv[2:4]
s = doc["sessions"]
assert len(s) == 1 and s[0]["level"] == "junior" and s[0]["items"] == 4, s
card = s[0]["scorecard"]
assert len(card["items"]) == 4, card
assert [i["answered"] for i in card["items"]] == [True, False, True,
                                                   False], card
assert card["items"][2]["id"] == follow, card
assert card["items"][2]["followup_of"] == parent, card
assert all("followup_of" not in i for i in card["items"][:2]), card
a = doc["attempts"]
assert len(a) == 4, a
assert a[0]["answer"] == "I am not sure", a
fa = [x for x in a if x["exercise"] == follow]
assert len(fa) == 1 and fa[0]["followup_of"] == parent, fa
assert fa[0]["answer"] == "my follow-up answer", fa
assert fa[0]["mode"] == "interview", fa
assert sum(1 for x in a if x["followup_of"]) == 1, a
PY
ok $? "interview: scorecard saved and exported by report --json, follow-up linked"
$REPORT --csv --mode interview >"$TMPD/r.csv"
python3 - "$TMPD/r.csv" "$PARENT" "$FOLLOW" <<'PY'
import csv, sys
parent, follow = sys.argv[2:4]
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
f = [r for r in rows if r["exercise"] == follow]
assert len(f) == 1 and f[0]["followup_of"] == parent, rows
assert sum(1 for r in rows if r["followup_of"]) == 1, rows
PY
ok $? "interview: report --csv links the follow-up to its question"
$REPORT --mode interview | grep -q "$FOLLOW.*(follow-up to $PARENT)"
ok $? "interview: the text report says which question it follows"
$RUN --last >"$TMPD/card"
[ $? -eq 0 ] && grep -q '^Scorecard' "$TMPD/card" &&
    grep -q 'Lessons to revisit' "$TMPD/card" &&
    [ "$(grep -c unanswered "$TMPD/card")" -eq 2 ] &&
    grep -q "2+ $FOLLOW" "$TMPD/card"
ok $? "interview: --last shows the saved scorecard"
$RUN --show 999 >/dev/null 2>&1
[ $? -eq 1 ]
ok $? "interview: --show of an unknown session is an error"
done_testing
