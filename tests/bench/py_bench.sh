#!/usr/bin/env bash
# py_bench.sh - pyprep run vs CPython 3.11 on the same programs, in one run.
#
# usage: py_bench.sh PYPREP [PYTHON]. Each program runs 5 times per
# interpreter; the best wall-clock time counts (the machine may be busy),
# and the outputs must agree. pyprep's time includes compiling to Lua and
# starting the sandbox worker, as a learner would see it.
set -u
pyprep=${1:-./pyprep}
# Debian's optimised CPython 3.11 when present (the pyenv build on PATH in
# the dev container is unoptimised and 3-5x slower).
if [ -n "${2:-}" ]; then
    python=$2
elif [ -x /usr/bin/python3 ]; then
    python=/usr/bin/python3
else
    python=python3
fi
dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
best() {
    local b="" t
    for _ in 1 2 3 4 5; do
        local s e
        s=$(date +%s.%N)
        "$@" > /dev/null 2>&1
        e=$(date +%s.%N)
        t=$(echo "$e - $s" | bc -l)
        if [ -z "$b" ] || [ "$(echo "$t < $b" | bc -l)" = 1 ]; then b=$t; fi
    done
    echo "$b"
}
printf '%-14s %10s %10s %7s\n' program cpython pyprep ratio
status=0
for f in "$dir"/py/*.py; do
    name=$(basename "$f" .py)
    want=$("$python" "$f")
    got=$("$pyprep" run "$f")
    if [ "$want" != "$got" ]; then
        echo "$name: outputs differ: cpython '$want' pyprep '$got'"
        status=1
        continue
    fi
    tc=$(best "$python" "$f")
    tp=$(best "$pyprep" run "$f")
    printf '%-14s %9.3fs %9.3fs %6.2fx\n' "$name" "$tc" "$tp" \
        "$(echo "$tp / $tc" | bc -l)"
done
"$python" -c 'import sys; print("# " + sys.version.split()[0], sys.executable)'
exit $status
