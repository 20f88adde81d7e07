#!/bin/sh
# deps.sh - make sure every build and test dependency of pyprep is present.
#
# Checks the pkg-config modules and the commands the build and the tests use.
# When something is missing and we are root on a machine with apt-get, the
# matching Debian packages are installed (after an apt-get update); otherwise
# the exact command to run is printed and the script fails.

set -u

# usage: deps.sh [bench] [fuzz] - also what `make bench` / `make fuzz` need.
extra=""
for profile in "$@"; do
    case $profile in
    bench) extra="$extra py:numpy python3-numpy cmd:bc bc" ;;
    fuzz)  extra="$extra cmd:clang clang file:/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a libclang-rt-14-dev" ;;
    *) echo "deps.sh: unknown profile '$profile' (want bench or fuzz)" >&2; exit 2 ;;
    esac
done

# module-or-command  debian-package
need='
pc:ncursesw         libncurses-dev
pc:lua5.4           liblua5.4-dev
pc:libpcre2-8       libpcre2-dev
pc:sqlite3          libsqlite3-dev
pc:openblas         libopenblas-dev
pc:lapack           liblapack-dev
cmd:pkg-config      pkg-config
cmd:cc              gcc
cmd:make            make
cmd:prove           perl
cmd:tmux            tmux
cmd:lua5.4          lua5.4
cmd:python3         python3
'

missing=""
have_pc() { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "$1"; }

set -- $need $extra
while [ $# -ge 2 ]; do
    what=$1 pkg=$2
    shift 2
    case $what in
    pc:*)  have_pc "${what#pc:}" || missing="$missing $pkg" ;;
    cmd:*) command -v "${what#cmd:}" >/dev/null 2>&1 || missing="$missing $pkg" ;;
    file:*) [ -e "${what#file:}" ] || missing="$missing $pkg" ;;
    py:*)  /usr/bin/python3 -c "import ${what#py:}" >/dev/null 2>&1 ||
               missing="$missing $pkg" ;;
    esac
done

[ -z "$missing" ] && exit 0

# Sort and de-duplicate the package list.
missing=$(printf '%s\n' $missing | sort -u | tr '\n' ' ')
echo "pyprep: missing build/test dependencies: $missing" >&2

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "pyprep: installing them with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2 &&
        apt-get install -y -qq --no-install-recommends $missing >&2 ||
        { echo "pyprep: apt-get failed" >&2; exit 1; }
    exit 0
fi

echo "pyprep: run this, then try again:" >&2
echo "    sudo apt-get update && sudo apt-get install -y $missing" >&2
exit 1
