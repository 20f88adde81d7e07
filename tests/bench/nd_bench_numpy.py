#!/usr/bin/python3
"""NumPy side of `make bench-nd`: same operations, inputs and protocol as
nd_bench.lua; prints "op<TAB>n<TAB>seconds"."""
import sys
import time

import numpy as np

quick = len(sys.argv) > 1 and sys.argv[1] == 'quick'
sizes = [10, 1000, 100000] if quick else [10, 1000, 100000, 10000000]
SH = {10: (2, 5), 1000: (25, 40), 100000: (250, 400), 10000000: (2500, 4000)}


def bench(fn):
    reps = 1
    while True:
        t0 = time.process_time()
        for _ in range(reps):
            fn()
        dt = time.process_time() - t0
        if dt >= 0.05 or reps >= 1e6:
            best = dt / reps
            break
        reps *= max(2, int(0.06 / dt) + 1) if dt > 0 else 10
    for _ in range(2):
        t0 = time.process_time()
        for _ in range(reps):
            fn()
        best = min(best, (time.process_time() - t0) / reps)
    return best


def out(op, n, t):
    print('%s\t%d\t%.9g' % (op, n, t), flush=True)


for n in sizes:
    a = np.sin(np.arange(n) * 1.0) * 0.5 + 0.5
    b = np.cos(np.arange(n) * 1.0)
    r, cc = SH[n]
    m = a.reshape(r, cc)
    row = b[:cc]
    col = b[:r].reshape(r, 1)
    mask = b > 0
    idx = (np.arange(n // 10) * 7919) % n
    i8a = (np.arange(n) % 100).astype(np.int8)
    i8b = (np.arange(n) % 27).astype(np.int8)
    c = np.empty(n)
    out('a+b', n, bench(lambda: a + b))
    out('add out=', n, bench(lambda: np.add(a, b, out=c)))
    out('a*2.0+1.0', n, bench(lambda: a * 2.0 + 1.0))
    out('sqrt', n, bench(lambda: np.sqrt(a)))
    out('sum', n, bench(lambda: a.sum()))
    out('mean', n, bench(lambda: a.mean()))
    out('std', n, bench(lambda: a.std()))
    out('m.sum(axis=0)', n, bench(lambda: m.sum(axis=0)))
    out('m.sum(axis=1)', n, bench(lambda: m.sum(axis=1)))
    out('m+row', n, bench(lambda: m + row))
    out('m+col', n, bench(lambda: m + col))
    out('a[a>0.5]', n, bench(lambda: a[a > 0.5]))
    out('a[mask]', n, bench(lambda: a[mask]))
    out('a[idx]', n, bench(lambda: a[idx]))
    out('m.T.copy()', n, bench(lambda: m.T.copy()))
    out('sort', n, bench(lambda: np.sort(b)))
    out('cumsum', n, bench(lambda: np.cumsum(a)))
    out('int8 a+b', n, bench(lambda: i8a + i8b))
    out('astype(float32)', n, bench(lambda: a.astype(np.float32)))
for k in (64, 256):
    x = np.sin(np.arange(k * k) * 1.0).reshape(k, k)
    y = np.cos(np.arange(k * k) * 1.0).reshape(k, k)
    out('matmul', k, bench(lambda: x @ y))
