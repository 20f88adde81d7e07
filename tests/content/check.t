#!/usr/bin/env bash
# `pyprep check` over the built-in lessons and exercises: its own TAP
# stream (one test per lesson, exercise file and exercise) is the result.
set -u
PYPREP=${PYPREP:-$(cd "$(dirname "$0")/../.." && pwd)/pyprep}
exec "$PYPREP" check 2>/dev/null
