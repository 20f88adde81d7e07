#!/bin/sh
# cli.t - `pyprep lua` options, arguments, stdin and exit statuses (TAP).
set -u
dir=$(cd "$(dirname "$0")" && pwd)
PYPREP=${PYPREP:-$dir/../../pyprep}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
fail=0

# check DESC WANT_STATUS WANT_STDOUT WANT_STDERR_SUBSTRING -- ARGS...
check() {
    desc=$1 want=$2 out=$3 err=$4
    shift 5
    timeout 60 "$PYPREP" lua "$@" <"$tmp/in" >"$tmp/out" 2>"$tmp/err"
    got=$?
    n=$((n + 1))
    why=""
    [ "$got" = "$want" ] || why="exit status $got, expected $want"
    if [ -z "$why" ] && [ "$out" != "-" ] &&
        [ "$(cat "$tmp/out")" != "$out" ]; then
        why="stdout '$(cat "$tmp/out")', expected '$out'"
    fi
    if [ -z "$why" ] && [ -n "$err" ] && ! grep -qF -- "$err" "$tmp/err"; then
        why="stderr lacks '$err': $(head -c 300 "$tmp/err")"
    fi
    if [ -z "$why" ]; then
        echo "ok $n - lua cli: $desc"
    else
        echo "not ok $n - lua cli: $desc"
        echo "#   $why"
        fail=$((fail + 1))
    fi
}

: >"$tmp/in"
printf 'print("from file", ...)\nreturn 1, "two", nil, 2.5, true, {}\n' >"$tmp/a.lua"
check "runs a file and passes arguments" 0 "from file	x	y" "" -- "$tmp/a.lua" x y
check "--results prints return values" 0 "from file
1	two	nil	2.5	true	<table>" "" -- "$tmp/a.lua" --results
printf 'print(arg == nil, select("#", ...))' >"$tmp/in"
check "reads the chunk from stdin" 0 "true	0" "" -- -
printf 'print(...)' >"$tmp/in"
check "-- ends options" 0 "--time-limit" "" -- - -- --time-limit
: >"$tmp/in"
check "missing file is a usage error" 2 "" "cannot read" -- "$tmp/nope.lua"
check "no file is a usage error" 2 "" "usage:" --
check "unknown option" 2 "" "unknown option '--bogus'" -- "$tmp/a.lua" --bogus
check "bad limit value" 2 "" "--time-limit needs a number" -- "$tmp/a.lua" --time-limit 0
check "limit without a value" 2 "" "--memory-limit needs a number" -- "$tmp/a.lua" --memory-limit
check "--help" 0 - "" -- --help
printf 'while true do end' >"$tmp/in"
check "time limit: message names the limit, status 4" 4 "" \
    "pyprep: sandbox: time limit exceeded (250 ms)" -- - --time-limit 250
printf 'local s = "x" while true do s = s .. s end' >"$tmp/in"
check "memory limit: message, status 5" 5 "" \
    "pyprep: sandbox: memory limit exceeded (8 MiB)" -- - --memory-limit 8
printf 'while true do io.write("x") end' >"$tmp/in"
check "runtime error: status 1" 1 "" "pyprep: sandbox: error: stdin:1:" -- -
printf 'while true do print(("x"):rep(100)) end' >"$tmp/in"
check "output limit: message, status 6" 6 - \
    "pyprep: sandbox: output limit exceeded (2 KiB)" -- - --output-limit 2
printf 'return +' >"$tmp/in"
check "syntax error: status 3" 3 "" "pyprep: sandbox: syntax error: stdin:1:" -- -
printf '\033Lua\124\000' >"$tmp/in"
check "binary chunk refused: status 3" 3 "" "binary chunk" -- -
printf 'print("ok")' >"$tmp/in"
check "defaults: 1000 ms / 64 MiB / 1 MiB accepted" 0 "ok" "" -- - \
    --time-limit 1000 --memory-limit 64 --output-limit 1024

# Interrupt: SIGINT to pyprep cancels the run (status 130), quickly.
printf 'while true do end' >"$tmp/in"
"$PYPREP" lua - --time-limit 30000 <"$tmp/in" >/dev/null 2>"$tmp/err" &
pid=$!
sleep 1
kill -INT "$pid"
wait "$pid"
got=$?
n=$((n + 1))
if [ "$got" = 130 ] && grep -qF "evaluation cancelled" "$tmp/err"; then
    echo "ok $n - lua cli: SIGINT cancels the evaluation (130)"
else
    echo "not ok $n - lua cli: SIGINT cancels the evaluation (130)"
    echo "#   status $got: $(cat "$tmp/err")"
    fail=$((fail + 1))
fi
echo "1..$n"
[ "$fail" -eq 0 ]
