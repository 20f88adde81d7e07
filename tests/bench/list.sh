#!/usr/bin/env bash
# bench: `pyprep list` with all content loaded, end to end (process start,
# content load, output). Each sample times a batch of runs so the timer's
# own cost stays out; the median of the samples is reported. Goal: 20 ms.
set -u
PYPREP=${1:-./pyprep}
samples=${SAMPLES:-15}
batch=${BATCH:-20}
ms() { # per-run milliseconds of a batch of "$@"
    local t0 t1
    t0=$(date +%s%N)
    for _ in $(seq 1 "$batch"); do "$@" >/dev/null 2>&1; done
    t1=$(date +%s%N)
    echo $(( (t1 - t0) / batch / 1000 ))
}
"$PYPREP" list >/dev/null 2>&1 # warm the page cache
list=() base=()
for _ in $(seq 1 "$samples"); do
    list+=($(ms "$PYPREP" list))
    base+=($(ms "$PYPREP" --version))
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
m=$(median "${list[@]}")
b=$(median "${base[@]}")
lessons=$("$PYPREP" list 2>/dev/null | grep -c '^  ')
printf 'bench list: %d lessons: median %d.%03d ms per run (process start alone, --version: %d.%03d ms); goal <= 20 ms\n' \
    "$lessons" $((m / 1000)) $((m % 1000)) $((b / 1000)) $((b % 1000))
