#!/usr/bin/env bash
# End-to-end: home screen, lesson reader (scroll, search, contents),
# resizing, help, quitting, terminal restored. Runs once with a
# 256-colour terminal and once with NO_COLOR.
. "$(dirname "$0")/tmux-lib.sh"

LESSON_TITLE=$("$PYPREP" show core.list-vs-tuple --width 200 | head -1)

run_suite() {
    local label=$1
    shift
    start_shell 100 30 "$@"
    ok $? "$label: shell started"
    keys "stty -g > /tmp/pyprep-stty-before-$$; $PYPREP" Enter
    wait_for 'Python interview trainer' 5
    ok $? "$label: home screen shows"
    screen | grep -q 'beginner'
    ok $? "$label: home shows level badges"

    keys '?'
    wait_for 'search the lesson' 3
    ok $? "$label: ? shows the keys"
    keys Escape
    wait_for 'Python interview trainer' 3
    ok $? "$label: Esc closes help"

    # open "Lists vs tuples" by walking down to it
    keys g
    for _ in $(seq 1 40); do
        screen | grep -q "core.list-vs-tuple" && break
        keys j
        sleep 0.02
    done
    keys Enter
    wait_for "line 1/" 3
    ok $? "$label: Enter opens the lesson reader"
    screen | grep -q "$LESSON_TITLE"
    ok $? "$label: reader shows the lesson title"

    keys G
    wait_for '100%' 3
    ok $? "$label: G scrolls to the end"
    keys g
    wait_for 'line 1/' 3
    ok $? "$label: g goes back to the top"
    keys j j j
    wait_for 'line 4/' 3
    ok $? "$label: j scrolls line by line"
    keys NPage
    wait_gone 'line 4/' 3
    ok $? "$label: PgDn pages"

    keys / 'hashab' Enter
    wait_for '/hashab [0-9]+/[0-9]+' 3
    ok $? "$label: search finds hits and counts them"
    keys n
    wait_for '/hashab 2/' 3
    ok $? "$label: n moves to the next hit"
    keys N
    wait_for '/hashab 1/' 3
    ok $? "$label: N moves back"

    keys / C-u '(unclosed' Enter
    wait_for 'invalid pattern' 3
    ok $? "$label: invalid pattern gives a message, not a crash"
    keys / C-u 'zzqqxx' Enter
    wait_for 'no match for /zzqqxx' 3
    ok $? "$label: a pattern with no hit says so"

    keys t
    wait_for 'Contents' 3
    ok $? "$label: t opens the table of contents"
    keys j Enter
    wait_gone 'Contents' 3
    ok $? "$label: Enter in contents jumps and closes it"

    tm resize-window -t main -x 40 -y 12
    wait_for '^ Lists vs tuples' 3
    ok $? "$label: reflows at 40x12"
    [ "$(screen | perl -CS -ne 'chomp; $b = 1 if length > 40; END { print $b + 0 }')" = 0 ]
    ok $? "$label: nothing drawn past 40 columns"
    tm resize-window -t main -x 30 -y 8
    wait_for 'terminal too small' 3
    ok $? "$label: below 40x10 says the terminal is too small"
    tm resize-window -t main -x 200 -y 50
    wait_for 'line [0-9]+/' 3
    ok $? "$label: reflows at 200x50"

    keys Escape
    wait_for 'Python interview trainer' 3
    ok $? "$label: Esc goes back home"
    screen | grep -Eq 'Lists vs tuples +. read'
    ok $? "$label: home marks the lesson read to the end (progress store)"
    keys q
    wait_for 'PS\$ ?$' 3
    ok $? "$label: q quits to the shell"
    keys "stty -g > /tmp/pyprep-stty-after-$$; echo READY-\$((40+2))" Enter
    wait_for 'READY-42' 3
    ok $? "$label: the shell prompt works afterwards (echo on)"
    cmp -s "/tmp/pyprep-stty-before-$$" "/tmp/pyprep-stty-after-$$"
    ok $? "$label: terminal modes restored exactly"

    # a signal also restores the terminal
    keys "$PYPREP" Enter
    wait_for 'Python interview trainer' 5
    pid=$(app_pid)
    kill -TERM "$pid" 2>/dev/null
    wait_for 'PS\$ ?$' 3
    keys "stty -g > /tmp/pyprep-stty-after-$$; echo AFTER-TERM" Enter
    wait_for '^AFTER-TERM' 3
    cmp -s "/tmp/pyprep-stty-before-$$" "/tmp/pyprep-stty-after-$$"
    ok $? "$label: SIGTERM restores the terminal"

    # Ctrl-C, SIGHUP and a crash signal restore it too; a crash still
    # ends with the signal's status (128 + 11 for SIGSEGV)
    for how in C-c HUP SEGV; do
        keys clear Enter "$PYPREP" Enter
        wait_for 'Python interview trainer' 5
        if [ "$how" = C-c ]; then
            keys C-c
        else
            pid=$(app_pid)
            kill -"$how" "$pid" 2>/dev/null
        fi
        wait_for 'PS\$ ?$' 3
        keys "echo STATUS=\$?" Enter
        wait_for '^STATUS=' 3
        screen | grep -q "^STATUS=$(case $how in C-c) echo 130;; HUP) echo 129;; SEGV) echo 139;; esac)"
        ok $? "$label: $how ends pyprep with the signal's status"
        keys clear Enter "stty -g > /tmp/pyprep-stty-after-$$; echo AFTER-$how" Enter
        wait_for "^AFTER-$how" 3
        cmp -s "/tmp/pyprep-stty-before-$$" "/tmp/pyprep-stty-after-$$"
        ok $? "$label: $how restores the terminal"
    done

    rm -f "/tmp/pyprep-stty-before-$$" "/tmp/pyprep-stty-after-$$"
    tm kill-server >/dev/null 2>&1
}

run_suite "256 colours" TERM=xterm-256color
run_suite "NO_COLOR" TERM=xterm-256color NO_COLOR=1

# A non-UTF-8 locale gets ASCII rules and bullets; an 8-colour terminal
# still works.
start_shell 80 24 TERM=xterm LANG=C LC_ALL=C
keys "$PYPREP" Enter
wait_for 'Python interview trainer' 5
ok $? "ASCII: home screen shows under LANG=C"
keys Enter
wait_for '^ *=====+' 3
ok $? "ASCII: headings underlined with '=' when the locale is not UTF-8"
screen | grep -q $'\xe2' && bad=1 || bad=0
ok $bad "ASCII: no UTF-8 bytes sent to a non-UTF-8 terminal"
keys q
wait_for 'PS\$ ?$' 3
ok $? "ASCII: q quits"
done_testing
