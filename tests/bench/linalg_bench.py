#!/usr/bin/python3
# linalg_bench.py - NumPy's times for linalg_bench.c's cases, and ratios.
#
# Usage: linalg_bench.py RESULTS  where RESULTS holds the C bench's
# "name ms" lines. Best of several runs each; ratio = engine / NumPy
# (below 1 means pyprep is faster).
import sys
import time
import numpy as np


def best(fn, reps):
    t = 1e300
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        t = min(t, (time.perf_counter() - t0) * 1e3)
    return t


def main():
    rs = np.random.RandomState(0)
    a256 = rs.random_sample((256, 256)) - 0.5
    b256 = rs.random_sample(256) - 0.5
    m256 = rs.random_sample((256, 256)) - 0.5
    a128 = rs.random_sample((128, 128)) - 0.5
    a1k = rs.random_sample((1024, 1024)) - 0.5
    b1k = rs.random_sample((1024, 1024)) - 0.5
    numpy_ms = {
        "solve_256": best(lambda: np.linalg.solve(a256, b256), 20),
        "inv_256": best(lambda: np.linalg.inv(a256), 20),
        "eig_128": best(lambda: np.linalg.eig(a128), 10),
        "matmul_256": best(lambda: a256 @ m256, 20),
        "matmul_1024": best(lambda: a1k @ b1k, 3),
    }
    ours = {}
    for line in open(sys.argv[1]):
        if line.startswith("#"):
            print(line.rstrip())
            continue
        name, ms = line.split()
        ours[name] = float(ms)
    print("%-18s %12s %12s %8s" % ("case", "pyprep ms", "numpy ms", "ratio"))
    for name, ms in ours.items():
        ref = numpy_ms.get(name.replace("naive_", ""))
        print("%-18s %12.4f %12.4f %8.2f" % (name, ms, ref, ms / ref))


if __name__ == "__main__":
    main()
