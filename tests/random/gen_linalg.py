#!/usr/bin/python3
# gen_linalg.py - numpy.linalg results as test data (linalg_oracle.h).
#
# Inputs come from seeded RandomState draws (and the fidelity corpus's
# small matrices); each input and each NumPy 1.24 result is written as
# exact hex doubles, so tests/engine/nd_linalg_test.c can demand NumPy's
# bits from the same LAPACK calls without running Python.
# Usage: /usr/bin/python3 tests/random/gen_linalg.py \
#            > tests/random/linalg_oracle.h
import os
os.environ["OPENBLAS_NUM_THREADS"] = "1"   # the test runs single-threaded
import numpy as np  # noqa: E402

LA = np.linalg
out = []


def arr(name, a):
    a = np.ascontiguousarray(a)
    if np.iscomplexobj(a):
        a = a.view(np.float64)
    flat = [float(v).hex() for v in np.asarray(a, dtype=np.float64).ravel()]
    if not flat:
        flat = ["0.0"]
    out.append("static const double %s[] = {" % name)
    for i in range(0, len(flat), 3):
        out.append("    " + " ".join(v + "," for v in flat[i:i + 3]))
    out.append("};")


def num(name, v):
    out.append("static const double %s = %s;" % (name, float(v).hex()))


def formula(m, n, salt):
    # Big inputs are made, not stored: exact in C and Python alike
    # (nd_linalg_test.c has the same formula).
    i = np.arange(m).reshape(-1, 1)
    j = np.arange(n).reshape(1, -1)
    return ((i * i * 7 + j * j * 13 + i * j * 5 + i * 3 + j + salt)
            % 1009) / 1009.0 - 0.5


def blas_config():
    # The OpenBLAS this NumPy runs on (version and kernels), or "".
    import ctypes
    np.ones((2, 2)) @ np.ones((2, 2))
    for line in open("/proc/self/maps"):
        path = line.split()[-1]
        if "libopenblas" in path:
            lib = ctypes.CDLL(path)
            lib.openblas_get_config.restype = ctypes.c_char_p
            return lib.openblas_get_config().decode()
    return ""


def main():
    rs = np.random.RandomState(2024)
    mats = {
        "c2": np.array([[1., 2.], [3., 4.]]),
        "c3": np.array([[2., 3., -1.], [4., 1., 2.], [-2., 7., -3.]]),
        "r5": rs.standard_normal((5, 5)),
        "r8": rs.standard_normal((8, 8)),
    }
    # 40 x 40 from the formula: det, inv, solve and eigenvalues only
    a = formula(40, 40, 1)
    num("det_f40", LA.det(a))
    arr("inv_f40", LA.inv(a))
    arr("x_f40", LA.solve(a, formula(40, 1, 2).ravel()))
    arr("eigw_f40", LA.eigvals(a).astype(complex))
    arr("eigwv_f40", LA.eig(a)[0].astype(complex))
    for k, a in mats.items():
        arr("A_" + k, a)
        num("det_" + k, LA.det(a))
        arr("inv_" + k, LA.inv(a))
        w, v = LA.eig(a)
        w = w.astype(complex)
        v = v.astype(complex)
        arr("eigw_" + k, w)
        arr("eigv_" + k, v)
        arr("eigvals_" + k, LA.eigvals(a).astype(complex))
        b = rs.standard_normal(a.shape[0])
        arr("b_" + k, b)
        arr("x_" + k, LA.solve(a, b))
        bm = rs.standard_normal((a.shape[0], 3))
        arr("bm_" + k, bm)
        arr("xm_" + k, LA.solve(a, bm))
        sym = a + a.T
        arr("eighw_" + k, LA.eigh(sym)[0])
        arr("eighv_" + k, LA.eigh(sym)[1])
        spd = a @ a.T + np.eye(a.shape[0])
        arr("spd_" + k, spd)
        arr("chol_" + k, LA.cholesky(spd))
        for o, tag in ((None, "fro"), ("nuc", "nuc"), (1, "1"), (-1, "m1"),
                       (2, "2"), (-2, "m2"), (np.inf, "inf"),
                       (-np.inf, "minf")):
            num("mnorm_%s_%s" % (tag, k), LA.norm(a, o))
    # rectangular: svd, qr, pinv, lstsq, rank
    rect = {"t53": rs.standard_normal((5, 3)),
            "t35": rs.standard_normal((3, 5))}
    for k, a in rect.items():
        arr("R_" + k, a)
        u, s, vt = LA.svd(a)
        arr("svdu_" + k, u)
        arr("svds_" + k, s)
        arr("svdvt_" + k, vt)
        u, s, vt = LA.svd(a, full_matrices=False)
        arr("svdur_" + k, u)
        arr("svdvtr_" + k, vt)
        arr("svdn_" + k, LA.svd(a, compute_uv=False))
        q, r = LA.qr(a)
        arr("qrq_" + k, q)
        arr("qrr_" + k, r)
        arr("pinv_" + k, LA.pinv(a))
        b = rs.standard_normal((a.shape[0], 2))
        arr("lb_" + k, b)
        x, res, rank, sv = LA.lstsq(a, b, rcond=None)
        arr("lx_" + k, x)
        arr("lres_" + k, res)
        num("lrank_" + k, rank)
        arr("lsv_" + k, sv)
    # rank-deficient 6x4 (rank 2) and the corpus's line fit (069)
    d = rs.standard_normal((6, 2)) @ rs.standard_normal((2, 4))
    arr("D", d)
    num("rank_D", LA.matrix_rank(d))
    bd = rs.standard_normal(6)
    arr("Db", bd)
    x, res, rank, sv = LA.lstsq(d, bd, rcond=None)
    arr("Dx", x)
    num("Drank", rank)
    num("Dnres", len(res))
    np.random.seed(42)
    xd = np.linspace(0, 10, 50)
    yd = 2.5 * xd + 1.3 + np.random.normal(0, 1, 50)
    af = np.column_stack([xd, np.ones(len(xd))])
    arr("F", af)
    arr("Fy", yd)
    x, res, rank, sv = LA.lstsq(af, yd, rcond=None)
    arr("Fx", x)
    arr("Fres", res)
    arr("Fsv", sv)
    # vector norms, whole and along axes of a 30 x 40 array
    v = rs.standard_normal(1000)
    arr("V", v)
    for o, tag in ((None, "none"), (1, "1"), (0, "0"), (np.inf, "inf"),
                   (-np.inf, "minf"), (3, "3"), (0.5, "half"), (-1, "m1")):
        num("vnorm_%s" % tag, LA.norm(v, o))
    m = rs.standard_normal((30, 40))
    arr("M", m)
    arr("Mnorm_ax1", LA.norm(m, axis=1))
    arr("Mnorm_ax0", LA.norm(m, axis=0))
    arr("Mnorm1_ax0", LA.norm(m, 1, axis=0))
    arr("Mnorm3_ax1", LA.norm(m, 3, axis=1))
    num("Mnorm", LA.norm(m))
    # a tall 60 x 40 from the formula: singular values and lstsq
    t = formula(60, 40, 3)
    tb = formula(60, 2, 4)
    arr("svdn_f6040", LA.svd(t, compute_uv=False))
    x, res, rank, sv = LA.lstsq(t, tb, rcond=None)
    arr("lx_f6040", x)
    arr("lres_f6040", res)
    num("lrank_f6040", rank)
    big = formula(300, 300, 5)
    num("Bnorm_1", LA.norm(big, 1))
    num("Bnorm_inf", LA.norm(big, np.inf))
    # eigh reads one triangle only: feed the non-symmetric r8 as is
    a8 = mats["r8"]
    arr("eighL_w", LA.eigh(a8, UPLO="L")[0])
    arr("eighL_v", LA.eigh(a8, UPLO="L")[1])
    arr("eighU_w", LA.eigh(a8, UPLO="U")[0])
    arr("eighU_v", LA.eigh(a8, UPLO="U")[1])
    for k, a in rect.items():
        q, r = LA.qr(a, mode="complete")
        arr("qrcq_" + k, q)
        arr("qrcr_" + k, r)
    # complex128 inputs
    z = rs.standard_normal((5, 5)) + 1j * rs.standard_normal((5, 5))
    arr("Z", z)
    d = LA.det(z)
    arr("Zdet", np.array([d]))
    arr("Zinv", LA.inv(z))
    zb = rs.standard_normal(5) + 1j * rs.standard_normal(5)
    arr("Zb", zb)
    arr("Zx", LA.solve(z, zb))
    w, v = LA.eig(z)
    arr("Zw", w)
    arr("Zv", v)
    arr("Zwn", LA.eigvals(z))
    h = z + z.conj().T
    arr("ZhUw", LA.eigh(z, UPLO="U")[0])
    arr("ZhUv", LA.eigh(z, UPLO="U")[1])
    arr("Zhw", LA.eigh(h)[0])
    arr("Zhv", LA.eigh(h)[1])
    hp = z @ z.conj().T + np.eye(5)
    arr("Zspd", hp)
    arr("Zchol", LA.cholesky(hp))
    zr = rs.standard_normal((5, 3)) + 1j * rs.standard_normal((5, 3))
    arr("ZR", zr)
    u, sv, vt = LA.svd(zr)
    arr("ZRu", u)
    arr("ZRs", sv)
    arr("ZRvt", vt)
    arr("ZRsn", LA.svd(zr, compute_uv=False))
    zb2 = rs.standard_normal((5, 2)) + 1j * rs.standard_normal((5, 2))
    arr("ZRb", zb2)
    x, res, rank, sv = LA.lstsq(zr, zb2, rcond=None)
    arr("ZRx", x)
    arr("ZRres", res)
    num("ZRrank", rank)
    arr("ZRsv", sv)
    q, r = LA.qr(zr)
    arr("ZRq", q)
    arr("ZRr", r)
    q, r = LA.qr(zr, mode="complete")
    arr("ZRqc", q)
    arr("ZRrc", r)
    arr("ZRpinv", LA.pinv(zr))
    zd = ((rs.standard_normal((6, 2)) + 1j * rs.standard_normal((6, 2)))
          @ (rs.standard_normal((2, 4)) + 1j * rs.standard_normal((2, 4))))
    arr("ZD", zd)
    num("ZDrank", LA.matrix_rank(zd))
    print("/* Generated by tests/random/gen_linalg.py from NumPy %s; */"
          % np.__version__)
    print("/* do not edit. */")
    print('#define LA_ORACLE_BLAS "%s"' % blas_config())
    print("\n".join(out))


if __name__ == "__main__":
    main()
