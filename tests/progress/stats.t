#!/usr/bin/env bash
# The stats screen through tmux, from the home screen's `s` key: totals,
# streak, sparklines, heat map with its legend, reviews due ahead, mastery
# bars per chapter and topic, recent sessions - in colour with UTF-8, with NO_COLOR, and in
# an ASCII-only locale (every figure still readable as text).
. "$(dirname "$0")/../tui/tmux-lib.sh"

B=${BUILD:-build}
case $B in /*) ;; *) B="$ROOT/$B" ;; esac
TOOL="$B/tests/progress/ptool"
if ! "$PYPREP" --help 2>/dev/null | grep -q ' review '; then
    echo "1..0 # SKIP $PYPREP has no progress commands"
    exit 0
fi
TMPD=$(mktemp -d)
DB="$TMPD/p.db"
trap 'cleanup; rm -rf "$TMPD"' EXIT
export PYPREP_CONTENT="$ROOT"

# answers on today, yesterday and the day before (a 3-day streak): one
# topic solid, one weak; plus a miss due now
NOW=$(date +%s)
T1=$(printf '%s' "$("$TOOL" cmd drill --seed 1 --count 30 --list)" |
    awk -F'\t' '!seen[$2]++' | head -2)
TA=$(printf '%s\n' "$T1" | sed -n 1p | cut -f2)
EA=$(printf '%s\n' "$T1" | sed -n 1p | cut -f1)
TB=$(printf '%s\n' "$T1" | sed -n 2p | cut -f2)
EB=$(printf '%s\n' "$T1" | sed -n 2p | cut -f1)
for d in 0 1 2; do
    at=$((NOW - d * 86400 - 60))
    PYPREP_NOW=$at "$TOOL" attempt "$DB" "$EA" "$TA" study 1 1 good >/dev/null
    PYPREP_NOW=$at "$TOOL" attempt "$DB" "$EB" "$TB" drill 0.2 0 bad >/dev/null
done

PYPREP_NOW=$((NOW - 60)) "$TOOL" session "$DB" drill "Friday quiz" 4 3 \
    '{"items":[]}' >/dev/null

suite() {
    local label=$1
    shift
    start_shell 100 40 "PYPREP_CONTENT=$ROOT" "PYPREP_DB=$DB" "$@"
    keys "$PYPREP; echo EXIT=\$?" Enter
    wait_for 'Python interview trainer' 30
    keys s
    wait_for 'pyprep . stats' 5
    ok $? "stats ($label): s on the home screen opens stats"
    screen | grep -q 'Due now 1   Streak 3 days   Attempts 6   Accuracy 50%'
    ok $? "stats ($label): totals, streak and due count"
    screen | grep -q 'Attempts, 28 days'
    ok $? "stats ($label): attempts sparkline"
    screen | grep -q 'Accuracy, 28 days'
    ok $? "stats ($label): accuracy sparkline"
    screen | grep -q 'Activity, last 6 weeks' &&
        screen | grep -Eq '^ +Mo ' && screen | grep -q 'most (2)'
    ok $? "stats ($label): heat map with weekdays and legend"
    screen | grep -q 'Reviews due, next 14 days' &&
        screen | grep -Eq 'today +1'
    ok $? "stats ($label): reviews due ahead"
    screen | grep -Eq "$TA .*100%"
    ok $? "stats ($label): solid topic at 100%"
    screen | grep -Eq "$TB .* 20%"
    ok $? "stats ($label): weak topic at 20%"
    screen | grep -Eq '^ [A-Z].* +[0-9]+%$'
    ok $? "stats ($label): a chapter line with its bar"
    screen | grep -q 'Recent drills and interviews' &&
        screen | grep -Eq '#1 [0-9-]+ drill +Friday quiz +3/4'
    ok $? "stats ($label): recent sessions with their scores"
    keys Escape
    wait_for 'Python interview trainer' 3
    ok $? "stats ($label): Esc goes back home"
    keys q
    wait_for 'EXIT=0' 5
}
suite "colour" TERM=xterm-256color
screen | grep -q 'EXIT=0'
suite "NO_COLOR" TERM=xterm-256color NO_COLOR=1
suite "ASCII" TERM=xterm LANG=C LC_ALL=C
screen | grep -q 'EXIT=0'
ok $? "stats: the ASCII run quits cleanly"
done_testing
