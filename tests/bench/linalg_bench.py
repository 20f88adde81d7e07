#!/usr/bin/python3
# linalg_bench.py - pyprep's linalg times against NumPy's, side by side.
#
# Usage: linalg_bench.py C_RESULTS PYPREP_RESULTS NUMPY_RESULTS
# C_RESULTS: linalg_bench.c's "name ms" lines (nd_linalg called from C,
# no interpreter) and its "#" notes; the other two: tests/bench/
# linalg_run.py's lines under `pyprep run` and under python3. Prints the
# load average too: on a shared machine the figures move with it.
# speed = numpy ms / pyprep ms: 1 is parity, the goal is >= 0.9.
import os
import sys


def read(path):
    out, notes = {}, []
    for line in open(path):
        if line.startswith("#"):
            notes.append(line.rstrip())
            continue
        name, ms = line.split()
        out[name] = float(ms)
    return out, notes


def main():
    c, notes = read(sys.argv[1])
    ours, _ = read(sys.argv[2])
    numpy, _ = read(sys.argv[3])
    for n in notes:
        print(n)
    print("# load average %.2f %.2f %.2f, %d CPUs"
          % (os.getloadavg() + (os.cpu_count(),)))
    print("%-12s %12s %12s %12s %7s" % ("case", "nd_linalg ms", "pyprep ms",
                                        "numpy ms", "speed"))
    for name, ms in numpy.items():
        cm = c.get(name)
        print("%-12s %12s %12.4f %12.4f %7.2f"
              % (name, "%.4f" % cm if cm is not None else "-",
                 ours[name], ms, ms / ours[name]))


if __name__ == "__main__":
    main()
