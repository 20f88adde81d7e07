# linalg_run.py - the linalg bench cases as a learner writes them. Run by
# `pyprep run` and by python3 (NumPy); each prints "name ms", the best of
# many runs (the machine is shared: the best run is the one least
# disturbed). linalg_bench.py puts the two side by side.
import time
import numpy as np


def best(fn, reps):
    t = 1e300
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        t = min(t, (time.perf_counter() - t0) * 1e3)
    return t


np.random.seed(0)
a256 = np.random.rand(256, 256) - 0.5
b256 = np.random.rand(256) - 0.5
m256 = np.random.rand(256, 256) - 0.5
a128 = np.random.rand(128, 128) - 0.5
a1k = np.random.rand(1024, 1024) - 0.5
b1k = np.random.rand(1024, 1024) - 0.5
a8 = np.random.rand(8, 8)
print("solve_256", best(lambda: np.linalg.solve(a256, b256), 200))
print("inv_256", best(lambda: np.linalg.inv(a256), 60))
print("eig_128", best(lambda: np.linalg.eig(a128), 30))
print("matmul_256", best(lambda: a256 @ m256, 100))
print("matmul_1024", best(lambda: a1k @ b1k, 10))
print("matmul_8", best(lambda: a8 @ a8, 2000))
print("det_8", best(lambda: np.linalg.det(a8), 2000))
