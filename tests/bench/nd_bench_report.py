#!/usr/bin/python3
"""Combine the NumPy and engine timings of `make bench-nd` into a table of
ratios (NumPy time / engine time: > 1 means the engine is faster).

Usage: nd_bench_report.py NUMPY.tsv[,NUMPY2.tsv...] ENGINE.tsv[,...]
Each cell takes the minimum over the runs given for each side (the runs
alternate NumPy and engine, so load changes on a shared machine hit both).
"""
import os
import sys


def load(paths):
    d = {}
    order = []
    for path in paths.split(','):
        for line in open(path):
            op, n, t = line.rstrip('\n').split('\t')
            key = (op, int(n))
            d[key] = min(d.get(key, float('inf')), float(t))
            if op not in order:
                order.append(op)
    return d, order


npd, order = load(sys.argv[1])
ndd, _ = load(sys.argv[2])
sizes = sorted({n for (_, n) in npd if _ != 'matmul'})


def fmt(t):
    return '%.3g us' % (t * 1e6) if t < 1e-3 else '%.3g ms' % (t * 1e3)


print('| op | ' + ' | '.join('n=%g' % n for n in sizes) + ' |')
print('|---|' + '---|' * len(sizes))
for op in order:
    if op == 'matmul':
        continue
    cells = []
    for n in sizes:
        if (op, n) in npd and (op, n) in ndd:
            cells.append('%.2f (%s)' % (npd[(op, n)] / ndd[(op, n)],
                                         fmt(ndd[(op, n)])))
        else:
            cells.append('-')
    print('| %s | %s |' % (op, ' | '.join(cells)))
for k in (64, 256):
    if ('matmul', k) in npd and ('matmul', k) in ndd:
        print('| matmul %d | %.2f (%s) |' % (k, npd[('matmul', k)] / ndd[('matmul', k)],
                                            fmt(ndd[('matmul', k)])))
print('\nratio = NumPy time / engine time (engine time in parentheses); '
      'min of %d run(s) per side; load average %s'
      % (len(sys.argv[1].split(',')),
         ' '.join('%.2f' % x for x in os.getloadavg())))
