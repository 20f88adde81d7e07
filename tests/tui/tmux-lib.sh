# tmux-lib.sh - drive pyprep's TUI through tmux and print TAP.
#
# Sourced by tests/tui/*.t. Each test file gets its own tmux server
# (socket under $TMPDIR), killed on exit. wait_for polls the screen
# instead of sleeping a fixed time, so tests are quick and not flaky.

set -u
PYPREP=${PYPREP:-$(cd "$(dirname "$0")/../.." && pwd)/pyprep}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SOCK="pyprep-test-$$"
# progress goes to a database of the test's own, never the user's
TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/pyprep-tui.XXXXXX")
TEST_DB=$TEST_DIR/progress.db
T=0
FAILED=0

tm() { tmux -L "$SOCK" "$@"; }
cleanup() { tm kill-server >/dev/null 2>&1; }
trap 'cleanup; rm -rf "$TEST_DIR"' EXIT

if ! command -v tmux >/dev/null 2>&1; then
    echo "1..0 # SKIP tmux not installed"
    exit 0
fi

ok() {
    T=$((T + 1))
    if [ "$1" -eq 0 ]; then
        echo "ok $T - $2"
    else
        echo "not ok $T - $2"
        FAILED=$((FAILED + 1))
        echo "#   screen was:"
        screen | sed 's/^/#   | /'
    fi
}

screen() { tm capture-pane -p -t main 2>/dev/null; }

# wait_for REGEX [SECONDS]: 0 when the screen matches within the time.
wait_for() {
    local limit=${2:-5} i=0
    while [ "$i" -lt $((limit * 20)) ]; do
        screen | grep -Eq -- "$1" && return 0
        sleep 0.05
        i=$((i + 1))
    done
    return 1
}

# wait_gone REGEX [SECONDS]
wait_gone() {
    local limit=${2:-5} i=0
    while [ "$i" -lt $((limit * 20)) ]; do
        screen | grep -Eq -- "$1" || return 0
        sleep 0.05
        i=$((i + 1))
    done
    return 1
}

keys() { tm send-keys -t main "$@"; }

# app_pid: the pid of pyprep running in this test's pane. It is looked up
# among the children of the pane's shell, never by name across the
# machine: prove -j2 runs other TUI tests with the same binary at the same
# time, and signalling their pyprep would break both tests.
app_pid() {
    local shell
    shell=$(tm display-message -p -t main '#{pane_pid}' 2>/dev/null) || return 1
    pgrep -n -P "$shell" -f "^$PYPREP\$"
}

# start_shell COLS ROWS [ENV...]: a bash in tmux, prompt "PS$ ".
NSHELL=0
start_shell() {
    local cols=$1 rows=$2
    shift 2
    cleanup
    NSHELL=$((NSHELL + 1))
    SOCK="pyprep-test-$$-$NSHELL"
    tm -f /dev/null new-session -d -s main -x "$cols" -y "$rows" \
        "env -i PATH=\"$PATH\" HOME=\"${HOME:-/tmp}\" LANG=C.UTF-8 PYPREP_DB=\"$TEST_DB\" $* PS1='PS\$ ' bash --norc --noprofile"
    tm set-option -g status off >/dev/null
    wait_for 'PS\$' 5
}

done_testing() {
    echo "1..$T"
    [ "$FAILED" -eq 0 ]
}
