#!/usr/bin/env bash
# End-to-end: the NumPy playground (pyprep np and p from home): values
# shown like Python, state kept between inputs, multi-line blocks,
# tracebacks, Ctrl-C on a runaway loop and at an idle prompt, the memory limit ending a session
# (and a fresh one after it), :reset, history.
. "$(dirname "$0")/tmux-lib.sh"

start_shell 100 30 TERM=xterm-256color XDG_DATA_HOME="$TEST_DIR"
ok $? "np: shell started"
keys "$PYPREP np" Enter
wait_for 'NumPy playground' 5
ok $? "np: pyprep np opens the playground"

keys "import numpy as np" Enter
keys "q = 7" Enter "print(q * 6)" Enter
wait_for '^42$' 10
ok $? "np: q and ? are typed into the prompt, not taken as keys"
keys "a = np.arange(12).reshape(3, 4)" Enter
keys "a[:, 2]" Enter
wait_for '^array\(\[ 2,  6, 10\]\)' 10
ok $? "np: an expression's value is shown as its repr"
keys "print(np.linalg.solve(np.array([[2., 1.], [1., 3.]]), np.array([3., 5.])))" Enter
wait_for '^\[0\.8 1\.4\]' 10
ok $? "np: np.linalg works in the playground's sandbox (LAPACK in the worker)"
keys "print(a.sum(axis=0))" Enter
wait_for '^\[12 15 18 21\]' 10
ok $? "np: variables persist between inputs"

keys "for i in range(3):" Enter
wait_for '^\.\.\. ?$' 5
ok $? "np: a colon asks for a continuation line"
keys "    print(i * i)" Enter Enter
wait_for '^4$' 10
ok $? "np: the block runs after an empty line"

keys "np.zeros(3) + np.ones(2)" Enter
wait_for 'ValueError: operands could not be broadcast together' 10
ok $? "np: errors show as Python's last traceback line"

keys "while True: pass" Enter
sleep 1
keys C-c
wait_for 'KeyboardInterrupt' 10
ok $? "np: Ctrl-C interrupts a runaway loop"
screen | grep -q 'NumPy playground'
ok $? "np: ... without leaving the screen"
keys "1 + 1" Enter
wait_for '^2$' 10
ok $? "np: a fresh session answers after the interrupt"

keys "x = 'half typed"
sleep 0.3
keys C-c
sleep 0.5
screen | grep -q 'NumPy playground'
ok $? "np: Ctrl-C at an idle prompt does not leave the screen"
keys "x = 5" Enter "print(x + 1)" Enter
wait_for '^6$' 10
ok $? "np: ... it drops the half-typed line, like Python's REPL"

keys "import numpy as np" Enter "big = np.zeros((100000, 100000))" Enter
wait_for 'memory limit exceeded.*variables were reset' 15
ok $? "np: an array over the memory limit ends the session, and says so"
keys "2 + 2" Enter
wait_for '^4$' 10
ok $? "np: a fresh session answers after it"

keys ":reset" Enter
keys "a" Enter
wait_for "NameError: name 'a' is not defined" 10
ok $? "np: :reset forgets the variables"

keys Escape
wait_for 'PS\$ ?$' 5
ok $? "np: Esc leaves the playground"
[ -s "$TEST_DIR/pyprep/np_history" ]
ok $? "np: history is saved under XDG_DATA_HOME"

keys "$PYPREP" Enter
wait_for 'Python interview trainer' 5
keys p
wait_for 'NumPy playground' 5
ok $? "np: p on the home screen opens the playground"
keys Escape
wait_for 'Python interview trainer' 5
ok $? "np: Esc returns home"
keys q
wait_for 'PS\$ ?$' 5
ok $? "np: q quits"
done_testing
