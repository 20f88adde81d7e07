#!/bin/sh
# python_cases.t - the shared Python fidelity corpus through pyprep run.
exec "$(dirname "$0")/corpus_wrap.sh" python-cases
