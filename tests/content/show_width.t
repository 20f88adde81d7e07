#!/usr/bin/env bash
# Every lesson renders with `pyprep show` at 40, 60 and 80 columns with no
# line wider than asked, and the built-in content loads without errors.
set -u
PYPREP=${PYPREP:-./pyprep}
# under ASan every run costs half a second: one width is enough there
[ -n "${PYPREP_ASAN:-}" ] && WIDTHS=${WIDTHS:-60}
n=0 failed=0
ids=$("$PYPREP" list 2>/tmp/pyprep-list-err-$$ | awk '/^  / { print $1 }')
n=$((n + 1))
if [ -s /tmp/pyprep-list-err-$$ ]; then
    echo "not ok $n - content: pyprep list reports no errors"
    sed 's/^/#   /' /tmp/pyprep-list-err-$$
    failed=$((failed + 1))
else
    echo "ok $n - content: pyprep list reports no errors"
fi
rm -f /tmp/pyprep-list-err-$$
for id in $ids; do
    for w in ${WIDTHS:-40 60 80}; do
        n=$((n + 1))
        out=$("$PYPREP" show "$id" --width "$w" 2>&1)
        rc=$?
        wide=$(printf '%s\n' "$out" | perl -CS -ne "chomp; print \"\$.: \$_\\n\" if length > $w" | head -3)
        if [ $rc -eq 0 ] && [ -z "$wide" ] && [ -n "$out" ]; then
            echo "ok $n - show $id --width $w fits"
        else
            echo "not ok $n - show $id --width $w fits (rc $rc)"
            printf '%s\n' "$wide" | sed 's/^/#   /'
            failed=$((failed + 1))
        fi
    done
done
echo "1..$n"
[ $failed -eq 0 ]
