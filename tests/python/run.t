#!/usr/bin/env bash
# run.t - pyprep's own Python-subset cases through `pyprep run` (TAP).
#
# NNN-name.py with NNN-name.out: stdout must match byte for byte (the .out
# files come from CPython 3.11 / NumPy 1.24, never written by hand).
# NNN-name.err: the last line of stderr, and a non-zero exit status.
# NNN-name.refuse: exit status 3 and stderr holding
# "pyprep: not supported in pyprep: <that text>".
set -u
dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
pyprep=${PYPREP:-$dir/../../pyprep}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pyprep-python.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT
cases=("$dir"/[0-9][0-9][0-9]-*.py)
echo "1..${#cases[@]}"
k=0
for py in "${cases[@]}"; do
    k=$((k + 1))
    base=${py%.py}
    name=${base##*/}
    (cd "$dir" && "$pyprep" run "$name.py") > "$tmp/out" 2> "$tmp/err" \
        < /dev/null
    rc=$?
    why=""
    if [ -f "$base.refuse" ]; then
        want="pyprep: not supported in pyprep: $(cat "$base.refuse")"
        [ "$rc" -eq 3 ] || why="exit status $rc, expected 3"
        grep -qF -- "$want" "$tmp/err" || why="$why; stderr lacks: $want"
    else
        if ! cmp -s "$base.out" "$tmp/out"; then
            why="stdout differs: $(diff "$base.out" "$tmp/out" | head -5 |
                                   tr '\n' '|')"
        fi
        if [ -f "$base.err" ]; then
            got=$(awk 'length($0) > 0 { l = $0 } END { printf "%s", l }' \
                  "$tmp/err")
            [ "$got" = "$(cat "$base.err")" ] ||
                why="$why; last stderr line: $got"
            [ "$rc" -ne 0 ] || why="$why; exit status 0"
        elif [ "$rc" -ne 0 ]; then
            why="$why; exit status $rc: $(tail -n 1 "$tmp/err")"
        fi
    fi
    if [ -z "$why" ]; then
        echo "ok $k - py: $name"
    else
        echo "not ok $k - py: $name"
        echo "#   $why"
    fi
done
