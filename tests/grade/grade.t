#!/usr/bin/env bash
# The grader from the command line: hostile exercise packs end as clean
# file:line errors in `pyprep check`; `pyprep grade` verdicts, exit codes
# and JSON for answers to the built-in exercises (tests/grade/answers.tsv,
# graded through `grade --batch`), the batch mode itself; `pyprep list
# --exercises`.
set -u
PYPREP=${PYPREP:-$(cd "$(dirname "$0")/../.." && pwd)/pyprep}
HERE=$(cd "$(dirname "$0")" && pwd)
T=0 FAILED=0
ok() { # ok STATUS DESC
    T=$((T + 1))
    if [ "$1" -eq 0 ]; then echo "ok $T - $2"; else
        echo "not ok $T - $2"
        FAILED=$((FAILED + 1))
    fi
}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# Hostile pack: each file names the error it must produce.
start=$(date +%s)
(cd "$HERE" && "$PYPREP" check hostile >"$out/check.txt" 2>&1)
rc=$?
took=$(($(date +%s) - start))
ok $([ $rc -eq 1 ] && echo 0 || echo 1) "check: a hostile pack fails (exit $rc)"
ok $([ $took -lt 60 ] && echo 0 || echo 1) "check: hostile pack done in ${took}s"
for f in "$HERE"/hostile/exercises/core/*.lua; do
    want=$(sed -n '1s/^-- expect: //p' "$f")
    grep -Eq -- "$want" "$out/check.txt"
    ok $? "check: $(basename "$f"): $want"
done
ok $([ ! -e /tmp/pyprep-pwned ] && echo 0 || echo 1) "check: os.execute had no effect"

# Answers to built-in exercises: ID, expected exit, answer (\n escapes),
# graded in one `grade --batch` (one start-up instead of one per answer);
# a line that disagrees is graded again alone to show its feedback.
grep -v '^#' "$HERE/answers.tsv" | awk -F'\t' 'NF >= 3' >"$out/cases.tsv"
cut -f1,3- "$out/cases.tsv" >"$out/batch.in"
"$PYPREP" grade --batch <"$out/batch.in" >"$out/batch.out" 2>"$out/batch.err"
brc=$?
exec 3<"$out/batch.out"
worst=0
while IFS=$'\t' read -r id want answer; do
    IFS=$'\t' read -r gid verdict _score _att <&3
    case $verdict in
    passed) got=0 ;;
    'not passed') got=1 ;;
    *) got=2 ;;
    esac
    [ "$got" -gt "$worst" ] && worst=$got
    ok $([ "$got" = "$want" ] && [ "$gid" = "$id" ] && echo 0 || echo 1) \
        "grade: $id '${answer:0:40}' exits $want (got $got)"
    if [ "$got" != "$want" ] || [ "$gid" != "$id" ]; then
        "$PYPREP" grade "$id" --answer "$(printf '%b' "$answer")" 2>&1 |
            sed 's/^/#   /'
    fi
done <"$out/cases.tsv"
exec 3<&-
ok $([ "$brc" -eq "$worst" ] && echo 0 || echo 1) \
    "grade --batch: exit status is the worst line's ($brc)"

# --batch: errors per line, recording with --db, JSON lines, usage
printf 'core.nope\tx\nno tab here\n# a comment\n\ncore.is-vs-eq.none-test\t1\n' |
    "$PYPREP" grade --batch >"$out/b1.out" 2>"$out/b1.err"
rc=$?
ok $([ $rc -eq 2 ] && [ "$(wc -l <"$out/b1.out")" -eq 3 ] &&
    [ "$(cut -f2 "$out/b1.out" | tr '\n' ,)" = "error,error,passed," ] &&
    grep -q "stdin:1: no exercise 'core.nope'" "$out/b1.err" &&
    grep -q 'stdin:2: expected ID<TAB>ANSWER' "$out/b1.err" &&
    echo 0 || echo 1) "grade --batch: a bad line is an error line, the rest are graded"
printf 'core.is-vs-eq.aliases\tTrue False False\\n3\ncore.is-vs-eq.none-test\tc\n' |
    "$PYPREP" --db "$out/b.db" grade --batch >"$out/b2.out" 2>&1
rc=$?
python3 - "$out/b.db" "$out/b2.out" <<'PY'
import sqlite3, sys
out = [l.rstrip("\n").split("\t") for l in open(sys.argv[2])]
assert [o[1] for o in out] == ["passed", "not passed"], out
rows = dict(sqlite3.connect(sys.argv[1]).execute(
    "SELECT id, answer FROM attempts").fetchall())
assert rows == {int(out[0][3]): "True False False\n3",
                int(out[1][3]): "c"}, (rows, out)
PY
ok $([ $? -eq 0 ] && [ $rc -eq 1 ] && echo 0 || echo 1) \
    "grade --batch --db: each verdict line carries its saved attempt's id"
printf 'core.is-vs-eq.none-test\t1\n' |
    "$PYPREP" --db "$out/b.db" grade --batch --json >"$out/b3.out"
python3 -c "
import json
v = [json.loads(l) for l in open('$out/b3.out')]
assert len(v) == 1 and v[0]['passed'] and v[0]['attempt_id'] == 3, v
" 2>&1
ok $? "grade --batch --json: one JSON object per answer, with attempt_id"
"$PYPREP" grade core.is-vs-eq.none-test --batch </dev/null >/dev/null 2>&1
ok $([ $? -eq 2 ] && echo 0 || echo 1) "grade --batch with an id is a usage error"

"$PYPREP" grade core.is-vs-eq.aliases --json --answer 'True False True' \
    >"$out/j.json"
ok $([ $? -eq 1 ] && echo 0 || echo 1) "grade --json: wrong answer exits 1"
python3 -c "
import json
v = json.load(open('$out/j.json'))
assert v['passed'] is False and 0 <= v['score'] < 1, v
assert '-True False False' in v['diff'] and '+True False True' in v['diff'], v
assert isinstance(v['feedback'], list) and v['solution'] and v['why']
" 2>&1
ok $? "grade --json: verdict, diff, feedback, model answer"
"$PYPREP" grade core.is-vs-eq.explain --json --answer \
    'is checks identity: whether two names are the same object; == compares values.' \
    >"$out/e.json"
python3 -c "
import json
v = json.load(open('$out/e.json'))
assert v['passed'] and len(v['found']) >= 2 and isinstance(v['missing'], list), v
" 2>&1
ok $? "grade --json: explain lists found and missing ideas"
echo '3' | "$PYPREP" grade core.list-vs-tuple.dict-keys - >/dev/null 2>&1
ok $([ $? -eq 1 ] && echo 0 || echo 1) "grade: answer from stdin"
printf '8: sum() exhausted the generator, nothing is left\n' >"$out/a.txt"
"$PYPREP" grade iter.pitfall-single-use.average --answer-file "$out/a.txt" \
    >/dev/null 2>&1
ok $? "grade: --answer-file"
"$PYPREP" grade core.is-vs-eq.explian --answer x 2>"$out/err.txt" >/dev/null
rc=$?
ok $([ $rc -eq 2 ] && grep -q 'did you mean core.is-vs-eq.explain' \
    "$out/err.txt" && echo 0 || echo 1) "grade: unknown id exits 2 with a suggestion"
"$PYPREP" grade core.is-vs-eq.explain >/dev/null 2>&1
ok $([ $? -eq 2 ] && echo 0 || echo 1) "grade: no answer is a usage error"
"$PYPREP" grade iter.benchmark.numpy-evens --answer 'result = 1' \
    >/dev/null 2>"$out/np.txt"
rc=$?
ok $([ $rc -eq 2 ] || [ $rc -eq 1 ] && echo 0 || echo 1) \
    "grade: numpy kind answers or says it is unavailable (exit $rc)"

"$PYPREP" list --exercises --json >"$out/l.json"
python3 -c "
import json
a = json.load(open('$out/l.json'))
kinds = {}
for e in a:
    assert set(e) == {'id', 'topic', 'level', 'kind'}, e
    kinds[e['kind']] = kinds.get(e['kind'], 0) + 1
for k in ['choice', 'output', 'fill', 'explain', 'parsons', 'bug', 'numpy']:
    assert kinds.get(k, 0) >= 2, (k, kinds)
" 2>&1
ok $? "list --exercises --json: fields, two or more of every kind"
"$PYPREP" list --exercises | grep -q '^core.is-vs-eq.explain  *explain'
ok $? "list --exercises: text listing"
echo "1..$T"
[ "$FAILED" -eq 0 ]
