#!/usr/bin/env bash
# End-to-end: the exercise screens, answering one exercise of every kind
# right and wrong through tmux (choice, output, fill, explain, parsons,
# bug, numpy), hints, retry, next, the model
# answer only after an attempt, editor keys, and $EDITOR via F2.
. "$(dirname "$0")/tmux-lib.sh"

TMPD=$(mktemp -d)
trap 'cleanup; rm -rf "$TMPD"' EXIT
cat >"$TMPD/ed.sh" <<'EOS'
#!/bin/sh
printf '%s\n' 'is checks identity, whether both names are the same object; == compares their values.' >"$1"
EOS
chmod +x "$TMPD/ed.sh"

status() { screen | tail -1; }

# open_lesson ID: from the home screen, select lesson ID and press x
open_lesson() {
    keys g
    for _ in $(seq 1 60); do
        status | grep -q " $1 *\$" && break
        keys j
        sleep 0.03
    done
    keys x
    wait_for 'Exercises ·' 3
}

# open_exercise ID: select exercise ID in the list (marked "> ") and
# press Enter
open_exercise() {
    keys g
    for _ in $(seq 1 40); do
        screen | grep -Eq "^ *> .* $1( |\$)" && break
        keys j
        sleep 0.03
    done
    keys Enter
    wait_for "^ [0-9]+/[0-9]+  $1 " 3
}

back_to_home() {
    keys Escape Escape
    wait_for 'Python interview trainer' 3
}

start_shell 100 40 TERM=xterm-256color EDITOR="$TMPD/ed.sh"
ok $? "shell started"
keys "$PYPREP" Enter
wait_for 'Python interview trainer' 5
ok $? "home screen shows"

# --- explain ---------------------------------------------------------
open_lesson core.is-vs-eq
ok $? "x on the home screen opens the lesson's exercises"
screen | grep -q 'explain  *beginner  *core.is-vs-eq.explain'
ok $? "the list shows kind, level and id"
open_exercise core.is-vs-eq.explain
ok $? "Enter opens the explain exercise"
screen | grep -q 'Model answer'
ok $((1 - $?)) "explain: no model answer before an attempt"
keys h
wait_for 'Hint 1:' 2
ok $? "explain: h reveals the first hint"
keys Enter
keys -l 'keyword salad: is identity == values same object q ? h'
wait_for 'salad: is identity' 2
ok $? "explain: q, ? and h are typed into the editor, not taken as keys"
keys C-u
keys -l 'is compares the values, while == checks identity'
keys C-d
wait_for 'NOT PASSED' 5
ok $? "explain: a swapped answer does not pass"
screen | grep -q 'misconception'
ok $? "explain: the misconception is named"
screen | grep -q 'Model answer'
ok $? "explain: the model answer shows after the attempt"
keys r
wait_gone 'NOT PASSED' 2
ok $? "explain: r clears the verdict for a retry"
keys F2
wait_for 'is checks identity, whether both names' 5
ok $? "explain: F2 fills the answer from \$EDITOR"
keys Enter
sleep 0.2
keys C-d
wait_for 'PASSED  score' 5
screen | grep -q 'NOT PASSED'
ok $((1 - $?)) "explain: a right answer passes"
screen | grep -q 'found: `is` checks identity'
ok $? "explain: found ideas are listed"

# --- choice ----------------------------------------------------------
keys n
wait_for '^ [0-9]+/[0-9]+  core.is-vs-eq.none-test' 3
ok $? "n moves to the next exercise (choice)"
row=$(screen | sed -n 's/^ *> *\([0-9]\)) ( ) if result is None:.*/\1/p; s/^ *\([0-9]\)) ( ) if result is None:.*/\1/p' | head -1)
wrong=$(screen | sed -n 's/^ *>\{0,1\} *\([0-9]\)) ( ) if not result:.*/\1/p' | head -1)
keys "$wrong" Enter
wait_for 'NOT PASSED' 3
ok $? "choice: a wrong option does not pass"
screen | grep -q 'wrong: if not result'
ok $? "choice: the chosen option's rationale shows"
keys r
wait_gone 'NOT PASSED' 2
row=$(screen | sed -n 's/^ *>\{0,1\} *\([0-9]\)) ( ) if result is None:.*/\1/p' | head -1)
keys "$row" Enter
wait_for 'PASSED  score 100%' 3
ok $? "choice: the right option passes (number key $row, Enter)"

# --- output ----------------------------------------------------------
keys n
wait_for '^ [0-9]+/[0-9]+  core.is-vs-eq.aliases' 3
ok $? "n moves on to the output exercise"
keys Enter
keys -l 'True True True'
keys C-d
wait_for 'NOT PASSED' 3
ok $? "output: a wrong prediction does not pass"
screen | grep -q -- '-True False False' && screen | grep -q -- '+True True True'
ok $? "output: the diff shows expected and given lines"
keys r Enter C-a C-k
keys -l 'True False False'
keys Enter
keys -l '3'
keys C-d
wait_for 'PASSED  score 100%' 3
ok $? "output: the right output passes (multi-line editor)"
keys n
wait_for 'last exercise' 2
ok $? "n on the last exercise says so"
back_to_home
ok $? "Esc goes back to the list, then home"

# --- fill (with a custom check) --------------------------------------
open_lesson core.list-vs-tuple
open_exercise core.list-vs-tuple.one-tuple
ok $? "fill: opens"
keys Enter
keys -l '(5)'
keys Enter
wait_for 'NOT PASSED' 5
ok $? "fill: (5) does not pass"
screen | grep -q 'trailing comma'
ok $? "fill: the exercise's own check explains why"
keys r Enter C-u
keys -l '( 5, )'
keys Enter
wait_for 'PASSED  score 100%' 5
ok $? "fill: (5,) passes, spacing tolerated"
back_to_home

# --- parsons ---------------------------------------------------------
open_lesson iter.generator-functions
open_exercise iter.generator-functions.countdown
ok $? "parsons: opens"
keys Enter
wait_for 'NOT PASSED' 3
ok $? "parsons: the shuffled lines do not pass"
keys r
wait_gone 'NOT PASSED' 2
# rows: "  [x] text" / "> [x] text"; put each solution line in place
rows() { screen | sed -n 's/^ \{0,1\}[> ] \[[x ]\] *\(.*[^ ]\) *$/\1/p'; }
cur() { screen | grep -n '^ *> \[' | head -1 | cut -d: -f1; }
first=$(screen | grep -n '^ *[> ] \[' | head -1 | cut -d: -f1)
pos=0
for want in 'def countdown(n):' 'while n > 0:' 'yield n' 'n -= 1'; do
    at=$(rows | grep -nxF -- "$want" | head -1 | cut -d: -f1)
    at=$((at - 1))
    c=$(($(cur) - first))
    while [ "$c" -lt "$at" ]; do keys j; c=$((c + 1)); done
    while [ "$c" -gt "$at" ]; do keys k; c=$((c - 1)); done
    while [ "$at" -gt "$pos" ]; do keys K; at=$((at - 1)); done
    sleep 0.1
    case $want in
    'while'*) keys Right ;;
    'yield'* | 'n -='*) keys Right Right ;;
    esac
    pos=$((pos + 1))
done
keys j Space
sleep 0.2
keys Enter
wait_for 'PASSED  score 100%' 3
ok $? "parsons: reordered, indented and the distractor left out, it passes"
back_to_home

# --- bug -------------------------------------------------------------
open_lesson iter.pitfall-late-binding
open_exercise iter.pitfall-late-binding.bug
ok $? "bug: opens"
keys Space Enter
wait_for 'NOT PASSED' 3
ok $? "bug: a fine line does not pass"
keys r j j j Space Enter
wait_for 'PASSED  score 100%' 3
ok $? "bug: the buggy line passes"
back_to_home

open_lesson core.context-managers
open_exercise core.context-managers.swallow
keys G
for _ in 1 2 3 4 5 6 7 8 9; do keys j; done
keys Space Enter
keys -l 'returning True from __exit__ suppresses the exception; return None so it propagates'
keys Enter
wait_for 'PASSED  score 100%' 5
ok $? "bug: line plus a reason typed after Enter passes"
back_to_home

# --- numpy -----------------------------------------------------------
open_lesson iter.benchmark
open_exercise iter.benchmark.numpy-evens
ok $? "numpy: opens"
keys Enter
keys -l 'result = np.arange(0, 20, 2)'
keys C-d
wait_for 'NOT PASSED' 10
ok $? "numpy: an int64 array where float64 is asked does not pass"
screen | grep -q 'dtype: result is int64, expected float64'
ok $? "numpy: the feedback names the dtype mismatch"
keys r Enter C-a C-k
keys -l 'result = np.arange(0, 20, 2, dtype=np.float64)'
keys C-d
wait_for 'PASSED  score 100%' 10
ok $? "numpy: the right array passes"
back_to_home

keys q
wait_for 'PS\$' 3
ok $? "q quits from the home screen"
done_testing
