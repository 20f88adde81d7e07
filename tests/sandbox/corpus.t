#!/bin/sh
# corpus.t - run every tests/sandbox/*.lua through `pyprep lua` (TAP).
#
# Each file's header comments say what must happen:
#   -- expect: ok|syntax|runtime|time|memory|output|crashed   (exit status)
#   -- args: OPTIONS        extra `pyprep lua` options (limits)
#   -- stdout: TEXT         expected stdout, one header per line (tabs in
#                           the output are compared as spaces)
#   -- stderr: TEXT         a fixed string stderr must contain
# Every run must also end within 120 s: a hang is a failure, not a wait.
set -u
dir=$(cd "$(dirname "$0")" && pwd)
PYPREP=${PYPREP:-$dir/../../pyprep}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -f /tmp/pyprep-sandbox-pwned

status_of() {
    case $1 in
    ok) echo 0 ;; runtime) echo 1 ;; syntax) echo 3 ;; time) echo 4 ;;
    memory) echo 5 ;; output) echo 6 ;; crashed) echo 7 ;; *) echo 99 ;;
    esac
}

n=0
fail=0
for f in "$dir"/*.lua; do
    name=$(basename "$f" .lua)
    expect=$(sed -n 's/^-- expect: //p' "$f" | head -1)
    args=$(sed -n 's/^-- args: //p' "$f" | head -1)
    want=$(status_of "$expect")
    # Wall-clock limits are only deterministic for the cases about time:
    # every other case gets a generous one (a loaded machine, prove -j2 or
    # a sanitizer build must not turn a memory verdict into a time one).
    if [ "$expect" != time ]; then
        args="--time-limit 60000 $args"
    fi
    # shellcheck disable=SC2086
    timeout 120 "$PYPREP" lua "$f" $args >"$tmp/out" 2>"$tmp/err"
    got=$?
    n=$((n + 1))
    why=""
    [ "$got" = "$want" ] || why="exit status $got, expected $want ($expect)"
    if [ -z "$why" ] && grep -q '^-- stdout: ' "$f"; then
        sed -n 's/^-- stdout: //p' "$f" >"$tmp/want"
        tr '\t' ' ' <"$tmp/out" >"$tmp/got"
        cmp -s "$tmp/want" "$tmp/got" || why="stdout differs"
    fi
    if [ -z "$why" ]; then
        sed -n 's/^-- stderr: //p' "$f" >"$tmp/needles"
        while IFS= read -r needle; do
            grep -qF -- "$needle" "$tmp/err" || why="stderr lacks '$needle'"
        done <"$tmp/needles"
    fi
    if [ -z "$why" ] && [ "$expect" != ok ] &&
        [ "$(wc -c <"$tmp/err")" -gt 4096 ]; then
        why="stderr longer than 4 KiB"
    fi
    if [ -z "$why" ]; then
        echo "ok $n - sandbox corpus: $name ($expect)"
    else
        echo "not ok $n - sandbox corpus: $name ($expect)"
        echo "#   $why"
        sed 's/^/#   stdout: /' "$tmp/out" | head -5
        sed 's/^/#   stderr: /' "$tmp/err" | head -5
        fail=$((fail + 1))
    fi
done
n=$((n + 1))
if [ -e /tmp/pyprep-sandbox-pwned ]; then
    echo "not ok $n - sandbox corpus: no file was created by a chunk"
    fail=$((fail + 1))
else
    echo "ok $n - sandbox corpus: no file was created by a chunk"
fi
echo "1..$n"
[ "$fail" -eq 0 ]
