#!/bin/sh
# numpy_cases.t - the shared NumPy fidelity corpus through pyprep run.
exec "$(dirname "$0")/corpus_wrap.sh" numpy-cases
