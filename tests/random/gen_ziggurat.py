#!/usr/bin/python3
# gen_ziggurat.py - regenerate the ziggurat tables in engine/nd_random.c.
#
# NumPy's Generator.standard_normal is a 256-layer ziggurat (Marsaglia and
# Tsang) with tables ki/wi/fi; standard_exponential one with ke/we/fe.  We compute the tables here from their
# definition in high precision; NumPy's shipped tables were computed in
# lower precision and differ in the last bits, and bit-identical normals
# need those exact bits.  So the script reads the tables out of the
# installed NumPy (libnpyrandom.a, the oracle), checks that every entry is
# within 1e-12 of our computation, and writes NumPy's bits.
# Usage: /usr/bin/python3 tests/random/gen_ziggurat.py  (from the repo root)
import os, re, struct, subprocess, sys, tempfile
from decimal import Decimal as D, getcontext

getcontext().prec = 60
R = D("3.6541528853610087963519472518")   # right edge of the base layer


def f(x):
    return (-x * x / 2).exp()


def tail(r):
    # Gaussian tail integral by the Mills-ratio continued fraction.
    cf = r
    for k in range(400, 0, -1):
        cf = r + k / cf
    return f(r) / cf


def computed_tables():
    v = R * f(R) + tail(R)        # area of every layer
    x = [D(0)] * 256
    x[255] = R
    for i in range(255, 1, -1):
        x[i - 1] = (-2 * (v / x[i] + f(x[i])).ln()).sqrt()
    x[0] = v / f(R)
    two52 = D(2) ** 52
    wi = [float(x[i] / two52) for i in range(256)]
    ki = [0] * 256
    ki[0] = int(R / x[0] * two52)
    for i in range(2, 256):
        ki[i] = int(x[i - 1] / x[i] * two52)
    fi = [1.0] + [float(f(x[i])) for i in range(1, 256)]
    return ki, wi, fi


RE = D("7.69711747013104971404462804811")   # the exponential's edge


def computed_exp_tables():
    # f(x) = exp(-x); the tail beyond r has area exp(-r). 53-bit scale.
    def fe(x):
        return (-x).exp()
    v = RE * fe(RE) + fe(RE)
    x = [D(0)] * 256
    x[255] = RE
    for i in range(255, 1, -1):
        x[i - 1] = -(v / x[i] + fe(x[i])).ln()
    x[0] = v / fe(RE)
    two53 = D(2) ** 53
    we = [float(x[i] / two53) for i in range(256)]
    ke = [0] * 256
    ke[0] = int(RE / x[0] * two53)
    for i in range(2, 256):
        ke[i] = int(x[i - 1] / x[i] * two53)
    ff = [1.0] + [float(fe(x[i])) for i in range(1, 256)]
    return ke, we, ff


def numpy_tables(names=("ki_double", "wi_double", "fi_double")):
    import numpy
    lib = os.path.join(os.path.dirname(numpy.__file__), "random", "lib",
                       "libnpyrandom.a")
    with tempfile.TemporaryDirectory() as tmp:
        obj = os.path.join(tmp, "d.o")
        with open(obj, "wb") as fh:
            fh.write(subprocess.check_output(["ar", "p", lib,
                                              "distributions.o"]))
        ro = os.path.join(tmp, "ro.bin")
        subprocess.check_call(["objcopy", "-O", "binary", "-j", ".rodata",
                               obj, ro])
        data = open(ro, "rb").read()
        syms = {}
        for line in subprocess.check_output(["objdump", "-t", obj],
                                            text=True).splitlines():
            p = line.split()
            if len(p) >= 6 and p[3] == ".rodata":
                syms[p[-1]] = int(p[0], 16)

    def arr(name, fmt):
        off = syms[name]
        return list(struct.unpack("<256" + fmt, data[off:off + 2048]))
    return arr(names[0], "Q"), arr(names[1], "d"), arr(names[2], "d")


def main():
    out = ["/* BEGIN ZIGGURAT TABLES (tests/random/gen_ziggurat.py) */"]
    for kind, comp, names in (
            ("i", computed_tables(), ("ki_double", "wi_double",
                                      "fi_double")),
            ("e", computed_exp_tables(), ("ke_double", "we_double",
                                          "fe_double"))):
        ck, cw, cf = comp
        nk, nw, nf = numpy_tables(names)
        for name, a, b in (("k", ck, nk), ("w", cw, nw), ("f", cf, nf)):
            for i, (u, w) in enumerate(zip(a, b)):
                if abs(u - w) > 1e-12 * max(abs(u), abs(w), 1e-300):
                    sys.exit("%s%s[%d]: computed %r, numpy %r"
                             % (name, kind, i, u, w))
        out.append("static const uint64_t nd_zig_k%s[256] = {" % kind)
        for i in range(0, 256, 3):
            out.append("    " + " ".join("0x%016xu," % v
                                         for v in nk[i:i + 3]))
        out.append("};")
        for name, vals in (("nd_zig_w" + kind, nw), ("nd_zig_f" + kind, nf)):
            out.append("static const double %s[256] = {" % name)
            for i in range(0, 256, 3):
                out.append("    " + " ".join(v.hex() + ","
                                             for v in vals[i:i + 3]))
            out.append("};")
    out.append("/* END ZIGGURAT TABLES */")
    path = sys.argv[1] if len(sys.argv) > 1 else "engine/nd_random.c"
    src = open(path).read()
    new, n = re.subn(r"/\* BEGIN ZIGGURAT TABLES.*?END ZIGGURAT TABLES \*/",
                     "\n".join(out), src, flags=re.S)
    if n != 1:
        sys.exit("markers not found in " + path)
    open(path, "w").write(new)


if __name__ == "__main__":
    main()
