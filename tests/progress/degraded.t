#!/usr/bin/env bash
# A damaged, newer-version or locked database never stops pyprep: the CLI
# says what is wrong and carries on (or refuses to write, exit 3), the TUI
# still opens and says on screen that progress is not being saved, and the
# user's file is left exactly as it was.
. "$(dirname "$0")/../tui/tmux-lib.sh"

TMPD=$(mktemp -d)
trap 'cleanup; rm -rf "$TMPD"' EXIT
export PYPREP_CONTENT="$ROOT"
if ! "$PYPREP" --help 2>/dev/null | grep -q ' review '; then
    echo "1..0 # SKIP $PYPREP has no progress commands"
    exit 0
fi

BAD="$TMPD/bad.db"
for _ in $(seq 1 200); do echo "not a database, just notes"; done >"$BAD"
SUM=$(md5sum <"$BAD")
PYPREP_DB=$BAD "$PYPREP" review --list >"$TMPD/out" 2>"$TMPD/err"
[ $? -eq 0 ] && grep -q 'damaged' "$TMPD/err" && grep -q '^0 due' "$TMPD/out"
ok $? "degraded: damaged db -> review says so and still runs"
PYPREP_DB=$BAD "$PYPREP" reset --all --yes 2>"$TMPD/err"
[ $? -eq 3 ] && grep -q 'damaged' "$TMPD/err"
ok $? "degraded: reset refuses a damaged db (exit 3) and says why"
PYPREP_DB=$BAD "$PYPREP" drill --seed 1 --count 2 --list >/dev/null 2>&1
ok $? "degraded: drills still listed with a damaged db"
[ "$(md5sum <"$BAD")" = "$SUM" ]
ok $? "degraded: damaged file left untouched"

NEW="$TMPD/new.db"
python3 -c "
import sqlite3, sys
c = sqlite3.connect(sys.argv[1]); c.execute('PRAGMA user_version = 42')
c.execute('CREATE TABLE future (x)'); c.commit()" "$NEW"
PYPREP_DB=$NEW "$PYPREP" report --csv >/dev/null 2>"$TMPD/err"
grep -q 'newer' "$TMPD/err"
ok $? "degraded: newer-version db reported as newer"
PYPREP_DB=$NEW "$PYPREP" reset --all --yes 2>"$TMPD/err"
[ $? -eq 3 ] && grep -q 'read-only' "$TMPD/err"
ok $? "degraded: newer-version db is not written"

start_shell 100 30 TERM=xterm-256color "PYPREP_CONTENT=$ROOT" "PYPREP_DB=$BAD"
keys "$PYPREP; echo EXIT=\$?" Enter
wait_for 'Python interview trainer' 30
ok $? "degraded: the trainer opens with a damaged db"
screen | tail -1 | grep -q 'not saved'
ok $? "degraded: the status line says progress is not saved"
keys q
wait_for 'EXIT=0' 5
ok $? "degraded: quits normally"

# a database locked by another program for longer than the busy timeout
LOCKED="$TMPD/locked.db"
"$PYPREP" --db "$LOCKED" reset --all --yes >/dev/null 2>&1
python3 - "$LOCKED" "$TMPD/held" <<'PY' &
import sqlite3, sys, time, os
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("BEGIN EXCLUSIVE")
open(sys.argv[2], "w").close()
while os.path.exists(sys.argv[2]):
    time.sleep(0.05)
c.execute("COMMIT")
PY
HOLDER=$!
for _ in $(seq 1 100); do [ -e "$TMPD/held" ] && break; sleep 0.1; done
PYPREP_BUSY_MS=300 "$PYPREP" --db "$LOCKED" reset --all --yes \
    >/dev/null 2>"$TMPD/err"
rc=$?
rm -f "$TMPD/held"
[ $rc -eq 3 ] && grep -q 'locked' "$TMPD/err"
ok $? "degraded: a db locked past the busy timeout is reported (rc $rc)"
wait "$HOLDER"
"$PYPREP" --db "$LOCKED" reset --all --yes >/dev/null 2>&1
ok $? "degraded: the same command works once the lock is gone"
done_testing
