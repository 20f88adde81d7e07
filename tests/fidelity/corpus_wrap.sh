#!/usr/bin/env bash
# corpus_wrap.sh - run a shared fidelity corpus's run.sh against $PYPREP and
# re-emit its TAP so that refusals ("not supported in pyprep") are skips,
# wrong output fails, and a missing ../shared skips the whole file.
# usage: corpus_wrap.sh CORPUS-DIR-NAME   (numpy-cases or python-cases)
set -u
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
corpus="$root/../shared/$1"
if [ ! -x "$corpus/run.sh" ]; then
    echo "1..0 # SKIP $1 corpus not found at ../shared/$1"
    exit 0
fi
pyprep=${PYPREP:-$root/pyprep}
if [ ! -x "$pyprep" ]; then
    echo "1..0 # SKIP no pyprep binary at $pyprep"
    exit 0
fi
out=$(mktemp "${TMPDIR:-/tmp}/pyprep-corpus.XXXXXX") || exit 1
trap 'rm -f "$out"' EXIT
# Under the sanitizer build (slow start-up), run every 5th case only.
casedir=$corpus
if [ -n "${PYPREP_ASAN:-}" ]; then
    casedir=$(mktemp -d "${TMPDIR:-/tmp}/pyprep-corpus-asan.XXXXXX") || exit 1
    trap 'rm -f "$out"; rm -rf "$casedir"' EXIT
    k=0
    for f in "$corpus"/[0-9][0-9][0-9]-*.py; do
        k=$((k + 1))
        [ $((k % 5)) -eq 1 ] || continue
        b=${f%.py}
        for g in "$b".*; do ln -s "$g" "$casedir/"; done
    done
fi
"$corpus/run.sh" "$pyprep run" "$casedir" > "$out" 2>&1
# Buffer each case with its comment lines, then decide.
awk -v corpus="$1" '
function flush() {
    if (head == "") return
    if (head ~ /^not ok/ && notes ~ /not supported in pyprep/) {
        reason = notes
        sub(/.*not supported in pyprep: /, "", reason)
        sub(/\n.*/, "", reason)
        sub(/"$/, "", reason)
        name = head
        sub(/^not ok /, "", name)
        print "ok " name " # SKIP refused: " reason
        refused++
    } else {
        print head
        if (head ~ /^not ok/) { printf "%s", notes; failed++ }
        else if (head ~ /# SKIP/) refused++
        else passed++
    }
    head = ""; notes = ""
}
/^1\.\./ { print; next }
/^(not )?ok / { flush(); head = $0; next }
/^#/ { notes = notes $0 "\n"; next }
{ flush(); summary = $0 }
END {
    flush()
    printf "# %s: %d passed, %d refused (skipped), %d wrong\n", corpus,
        passed, refused, failed
}' "$out"
