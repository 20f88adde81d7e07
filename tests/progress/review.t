#!/usr/bin/env bash
# The review queue end to end: missed answers become due, `review --list`
# serves them interleaved across topics, the Review screen (through tmux)
# grades them with feedback, and answered items leave the queue while a
# skipped one stays due.
. "$(dirname "$0")/../tui/tmux-lib.sh"

B=${BUILD:-build}
case $B in /*) ;; *) B="$ROOT/$B" ;; esac
TOOL="$B/tests/progress/ptool"
if "$PYPREP" --help 2>/dev/null | grep -q ' review '; then
    RUN="$PYPREP review"
else
    RUN="$TOOL cmd review" # until main.c has the command
fi
TMPD=$(mktemp -d)
DB="$TMPD/p.db"
trap 'cleanup; rm -rf "$TMPD"' EXIT
export PYPREP_CONTENT="$ROOT" PYPREP_DB="$DB"

# three missed exercises from two topics, an hour ago; one solid answer
IDS=$("$TOOL" cmd drill --seed 3 --kind output --kind fill --count 40 \
    --list | sort -t"$(printf '\t')" -k2,2 | awk -F'\t' '
    $2 != last { n = 0; last = $2 } n < 2 { print; n++ }' | head -3)
THEN=$(($(date +%s) - 3600))
while IFS="$(printf '\t')" read -r id topic _; do
    PYPREP_NOW=$THEN "$TOOL" attempt "$DB" "$id" "$topic" study 0.1 0 \
        wrong >/dev/null
done <<EOF2
$IDS
EOF2
"$TOOL" cmd drill --seed 5 --kind choice --count 1 --list >"$TMPD/c"
CID=$(cut -f1 "$TMPD/c")
"$TOOL" attempt "$DB" "$CID" "$(cut -f2 "$TMPD/c")" study 1 1 right \
    >/dev/null

OUT=$($RUN --list)
printf '%s\n' "$OUT" | head -1 | grep -q '^3 due$'
ok $? "review: the three misses are due, the solid answer is not"
T1=$(printf '%s\n' "$OUT" | sed -n 2p | cut -f2)
T2=$(printf '%s\n' "$OUT" | sed -n 3p | cut -f2)
NT=$(printf '%s\n' "$IDS" | cut -f2 | sort -u | wc -l)
[ "$NT" -lt 2 ] || [ "$T1" != "$T2" ]
ok $? "review: due items interleaved across topics ($T1, $T2)"
printf '%s\n' "$OUT" | grep -q 'h overdue\|m overdue'
ok $? "review: says how overdue"

start_shell 90 36 TERM=xterm-256color "PYPREP_CONTENT=$ROOT" "PYPREP_DB=$DB"
keys "$RUN; echo EXIT=\$?" Enter
wait_for 'Question 1 of 3' 30
ok $? "review: the review screen serves the due items"
screen | grep -q 'review: due now'
ok $? "review: titled as a review"
for q in 1 2; do
    keys Enter
    wait_for '> ' 3
    tm send-keys -t main -l 'no idea'
    keys Enter Enter
    wait_for 'Model answer' 20
    ok $? "review: feedback with the model answer after answer $q"
    keys Enter
done
wait_for 'Question 3 of 3' 5
keys s
wait_for 'Skipped' 5
keys Enter
wait_for 'Results: due now' 5
ok $? "review: results at the end"
keys Enter
wait_for 'EXIT=0' 5
ok $? "review: leaves with status 0"
OUT=$($RUN --list)
printf '%s\n' "$OUT" | head -1 | grep -q '^1 due$'
ok $? "review: answered items rescheduled, the skipped one still due"
n=$(python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
print(c.execute(\"SELECT count(*) FROM attempts WHERE mode='review'\").fetchone()[0])
" "$DB")
[ "$n" -eq 2 ]
ok $? "review: two review attempts recorded ($n)"
done_testing
