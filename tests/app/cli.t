#!/usr/bin/env bash
# The non-interactive CLI: help, version, usage errors, content lookup,
# list (text and JSON), show, and malformed content reporting.
set -u
PYPREP=${PYPREP:-./pyprep}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BAD=$ROOT/tests/app/fixtures/bad
T=0 FAILED=0
check() { # check DESC COMMAND...: passes when the command succeeds
    local desc=$1
    shift
    T=$((T + 1))
    if "$@" >/dev/null 2>&1; then
        echo "ok $T - $desc"
    else
        echo "not ok $T - $desc"
        FAILED=$((FAILED + 1))
    fi
}
rc_is() { # rc_is WANT CMD...: exit status equals WANT
    local want=$1
    shift
    "$@" >/dev/null 2>&1
    [ $? -eq "$want" ]
}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

check "cli: --help exits 0 and lists commands" \
    sh -c "'$PYPREP' --help | grep -q 'show'"
check "cli: --version prints the version" \
    sh -c "'$PYPREP' --version | grep -Eq '^pyprep [0-9]+\.[0-9]+'"
check "cli: unknown command exits 2" rc_is 2 "$PYPREP" frobnicate
check "cli: unknown command names itself" \
    sh -c "'$PYPREP' frobnicate 2>&1 | grep -q \"unknown command 'frobnicate'\""
check "cli: unknown option exits 2" rc_is 2 "$PYPREP" --frob
check "cli: list --bad exits 2" rc_is 2 "$PYPREP" list --bad
check "cli: TUI without a terminal exits 2 with a message" \
    sh -c "'$PYPREP' </dev/null 2>&1 | grep -q 'needs a terminal'"

check "cli: list shows core lessons" \
    sh -c "'$PYPREP' list | grep -q '^  core\.list-vs-tuple  *beginner'"
"$PYPREP" list --json >"$out/list.json"
check "cli: list --json is valid JSON with the fields" \
    python3 -c "
import json, sys
a = json.load(open('$out/list.json'))
assert isinstance(a, list) and len(a) >= 3
for l in a:
    assert set(l) >= {'id', 'title', 'chapter', 'level', 'topics'}, l
    assert isinstance(l['topics'], list)
"
check "cli: show renders a lesson" \
    sh -c "'$PYPREP' show core.list-vs-tuple | grep -q 'What the interviewer'"
check "cli: show of an unknown id exits 2" rc_is 2 "$PYPREP" show core.nope
check "cli: show suggests close ids" \
    sh -c "'$PYPREP' show core.list-vs-tupel 2>&1 | grep -q 'did you mean core.list-vs-tuple'"
check "cli: show --width below 20 is refused" \
    rc_is 2 "$PYPREP" show core.pep8 --width 5

check "cli: --content without lessons/ is a clear error" \
    sh -c "'$PYPREP' --content /nonexistent list 2>&1 | grep -q 'no lessons/ directory in /nonexistent'"
check "cli: PYPREP_CONTENT is honoured" \
    sh -c "PYPREP_CONTENT='$BAD' '$PYPREP' list | grep -q 'ch.good'"
check "cli: broken lessons are listed as unavailable" \
    sh -c "'$PYPREP' --content '$BAD' list 2>/dev/null | grep -q 'ch.fence .*unavailable'"
check "cli: broken lessons' errors go to stderr as file:line" \
    sh -c "'$PYPREP' --content '$BAD' list 2>&1 >/dev/null | grep -q '04-fence.md:9: unterminated code fence'"
check "cli: list still exits 0 with broken content" \
    rc_is 0 "$PYPREP" --content "$BAD" list
check "cli: show of a broken lesson explains why" \
    sh -c "'$PYPREP' --content '$BAD' show ch.bad-level 2>&1 | grep -q 'level must be'"
check "cli: list --json marks broken lessons with their error" \
    sh -c "'$PYPREP' --content '$BAD' list --json 2>/dev/null | python3 -c \"
import json, sys
a = json.load(sys.stdin)
assert any('unterminated' in l.get('error', '') for l in a if l['id'] == 'ch.fence')
assert any('error' not in l for l in a if l['id'] == 'ch.good')
\""
db="$out/progress.db"
check "cli: grade without --db records nothing" \
    sh -c "HOME='$out/home' '$PYPREP' grade core.is-vs-eq.none-test --answer 1 && [ ! -e '$out/home/.local/share/pyprep' ]"
check "cli: grade --db records the attempt (report reads it back)" \
    sh -c "'$PYPREP' --db '$db' grade core.is-vs-eq.none-test --answer 2; '$PYPREP' --db '$db' report --csv | grep -q ',study,,core.is-vs-eq.none-test,core.is-vs-eq,choice,2,0,0,'"
for c in "interview --list --seed" "drill --list --seed" \
         "grade core.is-vs-eq.none-test --answer 1 --seed"; do
    for bad in abc -1 " 5" 18446744073709551616; do
        check "cli: $c '$bad' is a usage error naming the option" \
            sh -c "'$PYPREP' $c '$bad' 2>&1 >/dev/null | grep -q -- '--seed needs a whole number'; [ \$? -eq 0 ] && ! '$PYPREP' $c '$bad' >/dev/null 2>&1; [ \$? -eq 0 ]"
    done
done
check "cli: the same seed gives the same interview" \
    sh -c "[ \"\$('$PYPREP' interview --list --seed 42)\" = \"\$('$PYPREP' interview --list --seed 42)\" ]"
echo "1..$T"
[ $FAILED -eq 0 ]
