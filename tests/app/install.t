#!/usr/bin/env bash
# make install / uninstall honour PREFIX and DESTDIR, and the installed
# binary finds its content under <prefix>/share/pyprep.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
if [ -n "${PYPREP_ASAN:-}" ]; then
    echo "1..0 # SKIP installs the normal build, not the sanitizer one"
    exit 0
fi
dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
T=0 FAILED=0
ok() {
    T=$((T + 1))
    if [ "$1" -eq 0 ]; then echo "ok $T - $2"; else
        echo "not ok $T - $2"; FAILED=$((FAILED + 1)); fi
}
make -s -C "$ROOT" install DESTDIR="$dest" PREFIX=/opt/pp >/dev/null 2>&1
ok $? "install: make install with DESTDIR and PREFIX"
[ -x "$dest/opt/pp/bin/pyprep" ]
ok $? "install: binary in \$PREFIX/bin"
[ -f "$dest/opt/pp/share/man/man1/pyprep.1" ]
ok $? "install: man page in \$PREFIX/share/man/man1"
[ -f "$dest/opt/pp/share/pyprep/lessons/01-core/_index.md" ]
ok $? "install: lessons in \$PREFIX/share/pyprep"
[ -d "$dest/opt/pp/share/pyprep/exercises" ]
ok $? "install: exercises in \$PREFIX/share/pyprep"
(cd / && env -u PYPREP_CONTENT "$dest/opt/pp/bin/pyprep" list 2>&1) |
    grep -q 'core.list-vs-tuple'
ok $? "install: the installed binary finds its content"
make -s -C "$ROOT" uninstall DESTDIR="$dest" PREFIX=/opt/pp >/dev/null 2>&1
ok $? "install: make uninstall"
[ ! -e "$dest/opt/pp/bin/pyprep" ] && [ ! -e "$dest/opt/pp/share/pyprep" ] &&
    [ ! -e "$dest/opt/pp/share/man/man1/pyprep.1" ]
ok $? "install: uninstall removes binary, content and man page"
echo "1..$T"
[ $FAILED -eq 0 ]
