#!/usr/bin/python3
# gen_oracle.py - regenerate nd_print's expected outputs from NumPy 1.24.
#
# Run with the system Python that has NumPy (/usr/bin/python3):
# `/usr/bin/python3 tests/print/gen_oracle.py`. Writes
# tests/print/arrays.txt (str and repr of hand-picked and random arrays,
# views and print options) and tests/print/scalars.txt (NumPy scalar str
# and Python float repr). The C test tests/engine/nd_print_test.c reads
# them; it never needs Python. a2s.txt holds np.array2string cases.
# Output is deterministic (fixed seeds).
import os
import random
import sys

import numpy as np

assert np.__version__.startswith("1.24"), np.__version__

HERE = os.path.dirname(os.path.abspath(__file__))
DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16",
          "uint32", "uint64", "float16", "float32", "float64", "complex64",
          "complex128"]
SIGNS = {"-": "m", "+": "p", " ": "s"}
FLOATMODES = ["maxprec", "fixed", "unique", "maxprec_equal"]
DEFAULTS = dict(precision=8, threshold=1000, edgeitems=3, linewidth=75,
                suppress=False, sign="-", floatmode="maxprec")


def esc(s):
    assert "\\" not in s
    return s.replace("\n", "\\n")


def case_head(v, base, o):
    off = (v.__array_interface__["data"][0] -
           base.__array_interface__["data"][0])
    head = [v.dtype.name, str(v.ndim)] + [str(n) for n in v.shape]
    head += [str(n) for n in v.strides] + [str(off)]
    head += [str(o["precision"]), str(o["threshold"]), str(o["edgeitems"]),
             str(o["linewidth"]), str(int(o["suppress"])), SIGNS[o["sign"]],
             str(FLOATMODES.index(o["floatmode"]))]
    return ["C " + " ".join(head), "D " + (base.tobytes().hex() or "-")]


def emit_array(out, v, opts=None, base=None):
    """One case: v is an array, possibly a view of the contiguous base."""
    o = dict(DEFAULTS)
    o.update(opts or {})
    if base is None:
        base = np.ascontiguousarray(v)
        v = base
    assert base.flags.c_contiguous
    np.set_printoptions(**o)
    with np.errstate(all="ignore"):
        s, r = str(v), repr(v)
    np.set_printoptions(**DEFAULTS)
    out.extend(case_head(v, base, o))
    out.append("S " + esc(s))
    out.append("R " + esc(r))


def hand_cases(out):
    a = np.array
    np.seterr(all="ignore")
    # the printing cases of the fidelity corpus, and their neighbours
    for v in [a([1, 2, 3]), a([[1, 22], [333, 4]]),
              a([1, 2], dtype=np.int8), a([1, 2], dtype=np.uint8),
              a([1.5, 2], dtype=np.float32), a([1, 2], dtype=np.int32),
              a([1.5, 2]), a([True, False]), a(7), a([]),
              np.zeros((0, 3), dtype=np.int32), np.zeros((2, 0)),
              np.zeros((0,), dtype=np.int8), a(0.1), a(1.0), a(True),
              a(1 + 2j), a(2.5, dtype=np.float32), a(-3, dtype=np.int8),
              a([1.0, np.nan, np.inf, -np.inf]),
              a([1.0, -1.0, 0.0]) / 0, a([np.nan]), a([np.inf, 1.0]),
              a([-0.0, 0.0, 1.5]), -np.zeros(3), a([-0.0, 1.0]),
              a([0.00001, 1.0]), a([0.0001, 0.5]), a([0.001, 0.5]),
              a([1e-10, 0.0]), a([1e8, 1.0]), a([12345678.0, 2.5]),
              a([1000.0, 1.5]), a([1001.0, 1.0]), np.arange(40),
              np.arange(100, 130), np.linspace(0, 1, 15), np.arange(20) / 7,
              np.arange(1000), np.arange(1001), np.arange(2000) * 0.5,
              np.arange(2000).reshape(40, 50), np.zeros((50, 50)),
              a([1.5, -10.25, 100.0]), a([[1.0, -2.5], [30.125, 4.0]]),
              a([0.1, 0.25, 1.0]),
              a([0.1, 0.2, 0.3], dtype=np.float32),
              a([0.1, 0.2, 0.3], dtype=np.float32) * 3,
              a([0.1, 0.2, 0.3], dtype=np.float32) / 3,
              np.arange(12).reshape(2, 2, 3) * 1.5,
              np.arange(8).reshape(2, 2, 2), a([1, -1000000, 42]),
              a([[1, 2], [123456789, -5]]), a([2 ** 40, 1]),
              np.cos(np.linspace(0, np.pi / 2, 5)),
              a([2.0, 400.0, 6000.0]),
              a([[-1.0, -200.0, -3000.0], [0.0, 0.0, 0.0],
                 [1.0, 200.0, 3000.0]]),
              a([1 + 2j, 3.5 - 1j, np.nan + 1j]),
              a([1 + 2j, 3 - 4j], dtype=np.complex64),
              a([0.5 + 1e-9j, 1e5 + 1j]), a([1j, -1j, np.inf * 1j]),
              a([100, 120, 130]).astype(np.int8),
              a([2 ** 64 - 1, 0], dtype=np.uint64),
              a([-(2 ** 63), 2 ** 63 - 1], dtype=np.int64),
              np.arange(24).reshape(2, 3, 4), np.arange(16).reshape(2, 2, 2, 2),
              np.ones((3, 3), dtype=bool), np.eye(3), np.full((2, 3), 7.0),
              np.arange(30).reshape(5, 6) / 3, np.arange(10, dtype=np.uint8),
              a([1e16, 1.0]), a([1e-5, 1e5]), a([123456.789, 0.001]),
              a([3.14159265358979, 2.71828182845904, 1.41421356237309]),
              a([0.1 + 0.2, 0.3]), a([1 / 3, 2 / 3], dtype=np.float32),
              a([1e20, -1e-20]), a([5e-324, 1.7976931348623157e308]),
              a([np.nan, np.nan]), a([-np.inf, np.inf]),
              # float32 max/min rounds to 1000 in float32: not scientific
              a([4.0983114, 4098.3115], dtype=np.float32),
              a([81.32721 + 1j, 81327.21], dtype=np.complex64),
              a([4.0983114, 4098.3115]), a([0.0001, 0.5], dtype=np.float32),
              (np.arange(1200) - 600).astype(np.int16).reshape(3, 400),
              np.zeros((2, 3, 100)), np.arange(2 * 3 * 4 * 50).reshape(
                  2, 3, 4, 50)]:
        emit_array(out, v)
    # str of a view: reversed, transposed, strided, broadcast (stride 0)
    b = np.arange(24, dtype=np.float64).reshape(4, 6) / 4
    emit_array(out, b[::-1, ::2], base=b)
    emit_array(out, b.T, base=b)
    emit_array(out, b[1:3, 1:], base=b)
    c = np.arange(5)
    emit_array(out, np.broadcast_to(c, (3, 5)), base=c)
    # options
    x = np.array([1e-6, 4e-7, 2, 3])
    emit_array(out, x, dict(precision=6, suppress=True))
    emit_array(out, np.arange(20) / 7, dict(precision=3))
    emit_array(out, np.arange(20) / 7, dict(linewidth=30))
    emit_array(out, np.arange(50), dict(threshold=10, edgeitems=2))
    emit_array(out, np.arange(50), dict(threshold=10, edgeitems=0))
    emit_array(out, np.arange(60).reshape(6, 10),
               dict(threshold=10, edgeitems=0))
    emit_array(out, np.array([1.0, -2.5, np.inf]), dict(sign="+"))
    emit_array(out, np.array([1.0, 2.5, np.nan]), dict(sign=" "))
    emit_array(out, np.array([1.0, 2.5]), dict(floatmode="fixed"))
    emit_array(out, np.array([1.0, 2.5, 0.125]),
               dict(floatmode="maxprec_equal"))
    emit_array(out, np.array([0.1, 1 / 3]), dict(floatmode="unique"))
    emit_array(out, np.array([1e-10, 1.0]), dict(suppress=True))


def rand_values(rng, dtype, n):
    if dtype == "bool":
        return rng.random(n) < 0.5
    if dtype.startswith(("int", "uint")):
        info = np.iinfo(dtype)
        kind = rng.integers(0, 4)
        if kind == 0:
            lo, hi = max(info.min, -10), min(info.max, 10)
        elif kind == 1:
            lo, hi = max(info.min, -1000), min(info.max, 100000)
        else:
            lo, hi = info.min, info.max
        return rng.integers(lo, hi, size=n, dtype=dtype, endpoint=True)
    if dtype.startswith("complex"):
        ft = "float32" if dtype == "complex64" else "float64"
        return (rand_values(rng, ft, n) +
                1j * rand_values(rng, ft, n)).astype(dtype)
    kind = rng.integers(0, 9)
    if kind == 0:
        v = rng.normal(size=n)
    elif kind == 1:
        v = rng.normal(size=n) * 10.0 ** rng.integers(-12, 12)
    elif kind == 2:
        v = rng.integers(-1000, 1000, size=n) / rng.choice([1, 2, 4, 8, 10])
    elif kind == 3:
        v = rng.uniform(-1, 1, size=n) * 10.0 ** rng.integers(-20, 20, size=n)
    elif kind == 4:
        v = np.round(rng.normal(size=n) * 100, rng.integers(0, 5))
    elif kind == 5:
        v = rng.uniform(0, 1e8, size=n)
    elif kind == 6:
        v = rng.choice([0.0, -0.0, 1.0, 0.5, np.nan, np.inf, -np.inf, 1e-5,
                        0.1, 123.456], size=n)
    elif kind == 7:
        v = rng.uniform(-1, 1, size=n) * 10.0 ** rng.integers(-300, 300,
                                                              size=n)
    else:
        v = rng.integers(0, 5, size=n) * 1.0
    with np.errstate(over="ignore"):
        return v.astype(dtype)


def rand_shape(rng):
    r = rng.random()
    if r < 0.05:
        return ()
    if r < 0.1:
        return tuple(int(k) for k in rng.integers(0, 3, rng.integers(1, 4)))
    if r < 0.98:
        while True:
            nd = int(rng.integers(1, 5))
            dims = [int(k) for k in rng.integers(1, 6, nd)]
            if rng.random() < 0.3:
                dims[-1] = int(rng.integers(8, 30))
            if np.prod(dims) <= 150:
                return tuple(dims)
    big = [(1001,), (40, 30), (3, 400), (2, 3, 200), (1100, 1)]
    return big[int(rng.integers(0, len(big)))]


def rand_opts(rng):
    o = {}
    if rng.random() < 0.35:
        o["precision"] = int(rng.integers(0, 13))
    if rng.random() < 0.25:
        o["linewidth"] = int(rng.integers(10, 130))
    if rng.random() < 0.2:
        o["threshold"] = int(rng.integers(0, 60))
    if rng.random() < 0.2:
        o["edgeitems"] = int(rng.integers(1, 5))
    if rng.random() < 0.15:
        o["suppress"] = True
    if rng.random() < 0.15:
        o["sign"] = str(rng.choice(["+", " "]))
    if rng.random() < 0.2:
        o["floatmode"] = str(rng.choice(FLOATMODES))
    return o


def random_cases(out, n, seed):
    rng = np.random.default_rng(seed)
    for _ in range(n):
        dt = str(rng.choice(DTYPES))
        shape = rand_shape(rng)
        size = int(np.prod(shape))
        if size > 150 and np.dtype(dt).itemsize > 4:
            dt = "float32" if dt.startswith(("float", "complex")) else "int16"
        v = rand_values(rng, dt, size).reshape(shape).copy()
        opts = rand_opts(rng) if rng.random() < 0.5 else None
        if v.ndim >= 2 and rng.random() < 0.2:
            emit_array(out, v.T, opts, base=v)
        elif v.ndim >= 1 and v.shape[0] > 1 and rng.random() < 0.1:
            emit_array(out, v[::-2], opts, base=v)
        else:
            emit_array(out, v, opts)


def scalar_cases():
    out = []
    rnd = random.Random(99)
    rng = np.random.default_rng(99)

    def add(dt, raw):
        x = np.frombuffer(raw, dtype=dt)[0]
        s, r = str(x), repr(x)
        assert s == r, (s, r)
        out.append("%s %s %s" % (dt, raw.hex(), s))

    for dt in DTYPES:
        for v in rand_values(rng, dt, 150):
            add(dt, np.array([v], dtype=dt).tobytes())
    specials = [0.0, -0.0, 1.0, 0.1, 1e16, 9999999999999998.0, 1e-4,
                9.999999999999999e-05, 1e-5, 0.3, 0.1 + 0.2, 1 / 3, 1e22,
                1e-7, 5e-324, 1.7976931348623157e308, float("nan"),
                float("inf"), float("-inf"), 123456789.0, 2.5, -1.5e-10,
                12345678901234567890.0]
    for v in specials:
        for dt in ["float32", "float64"]:
            with np.errstate(over="ignore"):
                add(dt, np.array([v], dtype=dt).tobytes())
    for re_ in [0.0, -0.0, 1.0, 1.5, 1e20, np.nan, np.inf, -np.inf]:
        for im in [0.0, -0.0, 2.0, -2.5, 1e-5, np.nan, np.inf, -np.inf]:
            for dt in ["complex64", "complex128"]:
                add(dt, np.array([complex(re_, im)], dtype=dt).tobytes())
    # Python floats: repr(float) for nd_float_repr
    for _ in range(3000):
        k = rnd.random()
        if k < 0.4:
            v = rnd.uniform(-1, 1) * 10.0 ** rnd.randint(-30, 30)
        elif k < 0.6:
            v = rnd.randint(-10 ** 6, 10 ** 6) / rnd.choice([1, 3, 10, 7])
        elif k < 0.8:
            raw = rnd.getrandbits(64).to_bytes(8, "little")
            v = float(np.frombuffer(raw, dtype=np.float64)[0])
        else:
            v = rnd.uniform(-1, 1) * 10.0 ** rnd.randint(-320, 308)
        out.append("py %s %s" % (np.array([v]).tobytes().hex(), repr(v)))
    for v in specials:
        out.append("py %s %s" % (np.array([v]).tobytes().hex(), repr(v)))
    return out


def a2s_cases():
    """np.array2string with separators, prefixes and suffixes."""
    out = []
    rng = np.random.default_rng(77)
    seps = [" ", ", ", ",", ";  ", " | ", "", "\t"]
    prefixes = ["", "x = ", "array(", "a rather long prefix: "]
    suffixes = ["", ")", ",", ";;;"]
    for i in range(250):
        dt = str(rng.choice(DTYPES))
        shape = rand_shape(rng)
        if int(np.prod(shape)) > 150:
            shape = (2, 3)
        v = rand_values(rng, dt, int(np.prod(shape))).reshape(shape).copy()
        o = dict(DEFAULTS)
        o.update(rand_opts(rng) if rng.random() < 0.5 else {})
        sep = seps[int(rng.integers(0, len(seps)))]
        pre = prefixes[int(rng.integers(0, len(prefixes)))]
        suf = suffixes[int(rng.integers(0, len(suffixes)))]
        with np.errstate(all="ignore"):
            e = np.array2string(
                v, max_line_width=o["linewidth"], precision=o["precision"],
                suppress_small=o["suppress"], separator=sep, prefix=pre,
                suffix=suf, threshold=o["threshold"],
                edgeitems=o["edgeitems"], sign=o["sign"],
                floatmode=o["floatmode"])
        out.extend(case_head(v, v, o))
        out.append("P %d %d %s" % (len(pre), len(suf), esc(sep)))
        out.append("E " + esc(e))
    return out


def main():
    # usage: gen_oracle.py [CASES [SEED [OUTDIR]]]; defaults make the
    # checked-in files. Other seeds and sizes are for soak runs: point
    # PYPREP_PRINT_DATA at OUTDIR to make the test read them.
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 450
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 1234
    outdir = sys.argv[3] if len(sys.argv) > 3 else HERE
    out = []
    hand_cases(out)
    random_cases(out, n, seed)
    with open(os.path.join(outdir, "arrays.txt"), "w") as f:
        f.write("\n".join(out) + "\n")
    with open(os.path.join(outdir, "a2s.txt"), "w") as f:
        f.write("\n".join(a2s_cases()) + "\n")
    with open(os.path.join(outdir, "scalars.txt"), "w") as f:
        f.write("\n".join(scalar_cases()) + "\n")


if __name__ == "__main__":
    main()
