/*
** nd_linalg_test.c - nd_linalg against numpy.linalg's own results.
**
** tests/random/linalg_oracle.h (gen_linalg.py) holds inputs and NumPy
** 1.24's outputs as exact doubles. Both sides call the same system LAPACK
** the same way, so every result must match bit for bit; a mismatch
** prints the largest relative difference. Then NumPy's error messages.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nd_linalg.h"
#include "tap.h"

#include "../random/linalg_oracle.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

static double g1[16384], g2[16384], g3[16384], scratch[2][16384];
static double big[300 * 300];
static nd_complex128 cw[4096], cv[4096];

/* A scratch buffer of at least `size` bytes for one call. */
static void *work(size_t size)
{
    static void *buf;
    static size_t cap;
    if (size > cap) {
        free(buf);
        buf = malloc(size);
        cap = size;
    }
    return buf;
}

/* Whether this run's BLAS is the oracle's: then NumPy's exact bits are
** due; under another BLAS (or kernels) results agree to rounding only. */
static int strict = 1;

/* Exact bits, or a diagnostic with the largest relative difference. */
static int same(const void *got, const double *want, size_t n,
                const char *what)
{
    const double *g = got;
    double worst = 0, scale = 1e-300;
    size_t i, at = 0;
    if (!strict) {
        for (i = 0; i < n; i++)
            scale = fmax(scale, fabs(want[i]));
        for (i = 0; i < n; i++)
            if (!(fabs(g[i] - want[i]) <= 1e-9 * scale))
                break;
        if (!ok(i == n, "linalg: %s matches NumPy to 1e-9 (other BLAS)",
                what))
            tap_diag("[%zu]: %.17g vs %.17g", i, g[i], want[i]);
        return i == n;
    }
    if (memcmp(got, want, n * sizeof(double)) == 0)
        return ok(1, "linalg: %s bit-identical to NumPy", what);
    for (i = 0; i < n; i++) {
        double d = fabs(g[i] - want[i]) / fmax(fabs(want[i]), 1e-300);
        if (!(d <= worst)) {
            worst = d;
            at = i;
        }
    }
    ok(0, "linalg: %s bit-identical to NumPy", what);
    tap_diag("worst relative difference %.3g at [%zu]: %.17g vs %.17g",
             worst, at, g[at], want[at]);
    return 0;
}

/* Within rtol: for results NumPy computes with SIMD (SVML) transcendentals
** on AVX-512 machines, which differ from libm in the last bit. */
static int close_to(const double *got, const double *want, size_t n,
                    double rtol, const char *what)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (!(fabs(got[i] - want[i]) <= rtol * fabs(want[i]))) {
            ok(0, "linalg: %s within %g of NumPy", what, rtol);
            tap_diag("[%zu]: %.17g vs %.17g", i, got[i], want[i]);
            return 0;
        }
    return ok(1, "linalg: %s within %g of NumPy", what, rtol);
}

static int same1(double got, double want, const char *what)
{
    return same(&got, &want, 1, what);
}

/* The generator's formula inputs (see gen_linalg.py). */
static void formula(double *a, size_t m, size_t n, long salt)
{
    size_t i, j;
    for (i = 0; i < m; i++)
        for (j = 0; j < n; j++) {
            long v = (long)(i * i * 7 + j * j * 13 + i * j * 5 + i * 3 + j)
                     + salt;
            a[i * n + j] = (double)(v % 1009) / 1009.0 - 0.5;
        }
}

static void square_case(const char *k, size_t n, const double *a, double det,
                        const double *inv, const double *eigw,
                        const double *eigv, const double *eigvals,
                        const double *b, const double *x, const double *bm,
                        const double *xm, const double *eighw,
                        const double *eighv, const double *spd,
                        const double *chol, const double *mn)
{
    static const double ords[8] = {ND_NORM_FRO, ND_NORM_NUC, 1, -1, 2, -2,
                                   INFINITY, -INFINITY};
    static const char *const names[8] = {"fro", "nuc", "1", "-1",
                                         "2", "-2", "inf", "-inf"};
    char what[96];
    double d, sym[4096];
    int all_real, i;
    size_t r, c;

    nd_linalg_det(n, a, &d, work(nd_linalg_det_worksize(n)), NULL);
    snprintf(what, sizeof what, "det %s", k);
    same1(d, det, what);
    nd_linalg_inv(n, a, g1, work(nd_linalg_inv_worksize(n)), NULL);
    snprintf(what, sizeof what, "inv %s", k);
    same(g1, inv, n * n, what);
    nd_linalg_solve(n, 1, a, b, g1, work(nd_linalg_solve_worksize(n, 1)),
                    NULL);
    snprintf(what, sizeof what, "solve %s, vector b", k);
    same(g1, x, n, what);
    nd_linalg_solve(n, 3, a, bm, g1, work(nd_linalg_solve_worksize(n, 3)),
                    NULL);
    snprintf(what, sizeof what, "solve %s, 3 right-hand sides", k);
    same(g1, xm, n * 3, what);

    nd_linalg_eig(n, a, cw, cv, &all_real,
                  work(nd_linalg_eig_worksize(n, 1)), NULL);
    snprintf(what, sizeof what, "eig %s eigenvalues", k);
    same(cw, eigw, 2 * n, what);
    snprintf(what, sizeof what, "eig %s eigenvectors", k);
    same(cv, eigv, 2 * n * n, what);
    nd_linalg_eig(n, a, cw, NULL, &all_real,
                  work(nd_linalg_eig_worksize(n, 0)), NULL);
    snprintf(what, sizeof what, "eigvals %s", k);
    same(cw, eigvals, 2 * n, what);

    for (r = 0; r < n; r++)
        for (c = 0; c < n; c++)
            sym[r * n + c] = a[r * n + c] + a[c * n + r];
    nd_linalg_eigh(n, sym, 0, g1, g2, work(nd_linalg_eigh_worksize(n, 1)),
                   NULL);
    snprintf(what, sizeof what, "eigh %s eigenvalues", k);
    same(g1, eighw, n, what);
    snprintf(what, sizeof what, "eigh %s eigenvectors", k);
    same(g2, eighv, n * n, what);
    nd_linalg_cholesky(n, spd, g1, work(nd_linalg_cholesky_worksize(n)),
                       NULL);
    snprintf(what, sizeof what, "cholesky %s", k);
    same(g1, chol, n * n, what);
    for (i = 0; i < 8; i++) {
        nd_linalg_matrix_norm(n, n, a, ords[i], &d,
                              work(nd_linalg_matrix_norm_worksize(n, n)),
                              NULL);
        snprintf(what, sizeof what, "norm(%s, %s)", k, names[i]);
        same1(d, mn[i], what);
    }
}

#define SQUARE(k, n)                                                       \
    do {                                                                   \
        const double mn[8] = {mnorm_fro_##k, mnorm_nuc_##k, mnorm_1_##k,   \
                              mnorm_m1_##k,  mnorm_2_##k,   mnorm_m2_##k,  \
                              mnorm_inf_##k, mnorm_minf_##k};              \
        square_case(#k, n, A_##k, det_##k, inv_##k, eigw_##k, eigv_##k,    \
                    eigvals_##k, b_##k, x_##k, bm_##k, xm_##k, eighw_##k,  \
                    eighv_##k, spd_##k, chol_##k, mn);                     \
    } while (0)

static void rect_case(const char *k, size_t m, size_t n, const double *a,
                      const double *u, const double *s, const double *vt,
                      const double *ur, const double *vtr, const double *sn,
                      const double *q, const double *r, const double *pinv,
                      const double *b, const double *x, const double *res,
                      size_t nres, double rank, const double *sv)
{
    size_t kk = m < n ? m : n, nr;
    int64_t rk;
    char what[96];

    nd_linalg_svd(m, n, a, g3, g1, g2, 1,
                  work(nd_linalg_svd_worksize(m, n, 1, 1)), NULL);
    snprintf(what, sizeof what, "svd %s full: u, s, vt", k);
    ok(same(g1, u, m * m, what) & same(g3, s, kk, what)
           & same(g2, vt, n * n, what),
       "linalg: svd %s full matches", k);
    nd_linalg_svd(m, n, a, g3, g1, g2, 0,
                  work(nd_linalg_svd_worksize(m, n, 1, 0)), NULL);
    snprintf(what, sizeof what, "svd %s reduced: u, vt", k);
    ok(same(g1, ur, m * kk, what) & same(g2, vtr, kk * n, what),
       "linalg: svd %s reduced matches", k);
    nd_linalg_svd(m, n, a, g3, NULL, NULL, 0,
                  work(nd_linalg_svd_worksize(m, n, 0, 0)), NULL);
    snprintf(what, sizeof what, "svd %s compute_uv=False", k);
    same(g3, sn, kk, what);
    nd_linalg_qr(m, n, a, 0, g1, g2, work(nd_linalg_qr_worksize(m, n, 0)),
                 NULL);
    snprintf(what, sizeof what, "qr %s q", k);
    same(g1, q, m * kk, what);
    snprintf(what, sizeof what, "qr %s r", k);
    same(g2, r, kk * n, what);
    nd_linalg_pinv(m, n, a, 1e-15, g1, work(nd_linalg_pinv_worksize(m, n)),
                   NULL);
    snprintf(what, sizeof what, "pinv %s", k);
    same(g1, pinv, n * m, what);
    nd_linalg_lstsq(m, n, 2, a, b, NAN, g1, g2, &nr, &rk, g3,
                    work(nd_linalg_lstsq_worksize(m, n, 2)), NULL);
    snprintf(what, sizeof what, "lstsq %s solution", k);
    same(g1, x, n * 2, what);
    snprintf(what, sizeof what, "lstsq %s singular values", k);
    same(g3, sv, kk, what);
    is_int(rk, (long long)rank, "linalg: lstsq %s rank", k);
    is_int(nr, nres, "linalg: lstsq %s residual count", k);
    if (nr) {
        snprintf(what, sizeof what, "lstsq %s residuals", k);
        same(g2, res, nr, what);
    }
}

#define RECT(k, m, n, nres)                                                \
    rect_case(#k, m, n, R_##k, svdu_##k, svds_##k, svdvt_##k, svdur_##k,   \
              svdvtr_##k, svdn_##k, qrq_##k, qrr_##k, pinv_##k, lb_##k,    \
              lx_##k, lres_##k, nres, lrank_##k, lsv_##k)

static void test_formula(void)
{
    double *a = scratch[0], *b = scratch[1], d;
    int64_t rk;
    size_t nr;
    int all_real;

    formula(a, 40, 40, 1);
    formula(b, 40, 1, 2);
    nd_linalg_det(40, a, &d, work(nd_linalg_det_worksize(40)), NULL);
    same1(d, det_f40, "det of a 40 x 40");
    nd_linalg_inv(40, a, g1, work(nd_linalg_inv_worksize(40)), NULL);
    same(g1, inv_f40, 1600, "inv of a 40 x 40");
    nd_linalg_solve(40, 1, a, b, g1, work(nd_linalg_solve_worksize(40, 1)),
                    NULL);
    same(g1, x_f40, 40, "solve of a 40 x 40");
    nd_linalg_eig(40, a, cw, NULL, &all_real,
                  work(nd_linalg_eig_worksize(40, 0)), NULL);
    same(cw, eigw_f40, 80, "eigvals of a 40 x 40 (complex spectrum)");
    ok(!all_real, "linalg: eigvals of the 40 x 40 are complex");
    nd_linalg_eig(40, a, cw, cv, &all_real,
                  work(nd_linalg_eig_worksize(40, 1)), NULL);
    same(cw, eigwv_f40, 80, "eig (with vectors) of a 40 x 40: eigenvalues");

    formula(a, 60, 40, 3);
    formula(b, 60, 2, 4);
    nd_linalg_svd(60, 40, a, g1, NULL, NULL, 0,
                  work(nd_linalg_svd_worksize(60, 40, 0, 0)), NULL);
    same(g1, svdn_f6040, 40, "singular values of a 60 x 40");
    nd_linalg_lstsq(60, 40, 2, a, b, NAN, g1, g2, &nr, &rk, g3,
                    work(nd_linalg_lstsq_worksize(60, 40, 2)), NULL);
    same(g1, lx_f6040, 80, "lstsq of a 60 x 40, 2 right-hand sides");
    ok(nr == 2 && rk == (int64_t)lrank_f6040,
       "linalg: lstsq 60 x 40 rank and residual count");
    same(g2, lres_f6040, 2, "lstsq 60 x 40 residuals");

    formula(big, 300, 300, 5);
    nd_linalg_matrix_norm(300, 300, big, 1, &d,
                          work(nd_linalg_matrix_norm_worksize(300, 300)),
                          NULL);
    same1(d, Bnorm_1, "norm(300 x 300, 1): columns summed in order");
    nd_linalg_matrix_norm(300, 300, big, INFINITY, &d,
                          work(nd_linalg_matrix_norm_worksize(300, 300)),
                          NULL);
    same1(d, Bnorm_inf, "norm(300 x 300, inf): rows summed pairwise");
}

static void test_misc(void)
{
    static const double ords[8] = {NAN, 1, 0, INFINITY, -INFINITY, 3, 0.5,
                                   -1};
    const double want[8] = {vnorm_none, vnorm_1, vnorm_0, vnorm_inf,
                            vnorm_minf, vnorm_3, vnorm_half, vnorm_m1};
    char what[64];
    double d;
    int64_t rk;
    size_t nr;
    int i;

    nd_linalg_matrix_rank(6, 4, D, -1, &rk,
                          work(nd_linalg_matrix_rank_worksize(6, 4)), NULL);
    is_int(rk, (long long)rank_D, "linalg: matrix_rank of a rank-2 6 x 4");
    nd_linalg_lstsq(6, 4, 1, D, Db, NAN, g1, g2, &nr, &rk, g3,
                    work(nd_linalg_lstsq_worksize(6, 4, 1)), NULL);
    same(g1, Dx, 4, "lstsq rank-deficient solution");
    ok(rk == (int64_t)Drank && nr == (size_t)Dnres,
       "linalg: lstsq rank-deficient: rank 2, no residuals");
    nd_linalg_lstsq(50, 2, 1, F, Fy, NAN, g1, g2, &nr, &rk, g3,
                    work(nd_linalg_lstsq_worksize(50, 2, 1)), NULL);
    same(g1, Fx, 2, "069 lstsq line fit: slope and intercept");
    ok(rk == 2 && nr == 1, "linalg: 069 lstsq rank 2, residuals (1,)");
    same(g2, Fres, 1, "069 lstsq residual");
    same(g3, Fsv, 2, "069 lstsq singular values");

    d = nd_linalg_norm_flat(V, N(V));
    same1(d, vnorm_none, "norm(v) via ddot");
    for (i = 1; i < 8; i++) {
        nd_linalg_vector_norms(V, 1, 0, N(V), 1, ords[i], &d);
        snprintf(what, sizeof what, "norm(v, %g)", ords[i]);
        same1(d, want[i], what);
    }
    nd_linalg_vector_norms(M, 30, 40, 40, 1, NAN, g1);
    same(g1, Mnorm_ax1, 30, "norm(M, axis=1)");
    nd_linalg_vector_norms(M, 40, 1, 30, 40, NAN, g1);
    same(g1, Mnorm_ax0, 40, "norm(M, axis=0)");
    nd_linalg_vector_norms(M, 40, 1, 30, 40, 1, g1);
    same(g1, Mnorm1_ax0, 40, "norm(M, 1, axis=0)");
    nd_linalg_vector_norms(M, 30, 40, 40, 1, 3, g1);
    /* NumPy's array power is SVML's here, not libm's pow */
    close_to(g1, Mnorm3_ax1, 30, 4e-16, "norm(M, 3, axis=1)");
    same1(nd_linalg_norm_flat(M, 1200), Mnorm, "norm(M) Frobenius");
}

static void test_corpus_and_errors(void)
{
    static const double a[4] = {1, 2, 3, 4}, s[4] = {1, 2, 2, 4};
    static const double r[4] = {0, -1, 1, 0}, sy[4] = {2, 1, 1, 2};
    static const double npd[4] = {1, 2, 2, 1}, v34[2] = {3, 4};
    double d, w[4];
    int64_t rk;
    int all_real;
    NdErr err;

    nd_linalg_det(2, a, &d, work(nd_linalg_det_worksize(2)), NULL);
    ok(d == -2.0000000000000004, "linalg: det([[1,2],[3,4]]) is "
                                 "-2.0000000000000004 as NumPy prints");
    nd_linalg_det(2, s, &d, work(nd_linalg_det_worksize(2)), NULL);
    ok(d == 0.0, "linalg: 146 det of a singular matrix is 0.0");
    nd_linalg_matrix_rank(2, 2, s, -1, &rk,
                          work(nd_linalg_matrix_rank_worksize(2, 2)), NULL);
    is_int(rk, 1, "linalg: 146 matrix_rank of [[1,2],[2,4]]");
    is_int(nd_linalg_inv(2, s, w, work(nd_linalg_inv_worksize(2)), &err),
           ND_ELINALG, "linalg: 146 inv of a singular matrix fails");
    is_str(err.msg, "Singular matrix", "linalg: 146 message");
    is_int(nd_linalg_solve(2, 1, s, v34, w,
                           work(nd_linalg_solve_worksize(2, 1)), &err),
           ND_ELINALG, "linalg: solve with a singular matrix fails");
    is_str(err.msg, "Singular matrix", "linalg: solve singular message");

    nd_linalg_eig(2, r, cw, cv, &all_real,
                  work(nd_linalg_eig_worksize(2, 1)), NULL);
    ok(!all_real && cw[0].re == 0 && cw[0].im == 1 && cw[1].re == 0
           && cw[1].im == -1,
       "linalg: 147 eig of a rotation is [0.+1.j 0.-1.j]");
    nd_linalg_eig(2, sy, cw, cv, &all_real,
                  work(nd_linalg_eig_worksize(2, 1)), NULL);
    ok(all_real && fabs(cw[0].re - 3) < 1e-15 && fabs(cw[1].re - 1) < 1e-15
           && fabs(cv[0].re - 0.70710678) < 5e-9
           && fabs(cv[1].re + 0.70710678) < 5e-9,
       "linalg: 148 eig of [[2,1],[1,2]] is real [3. 1.]");

    is_int(nd_linalg_cholesky(2, npd, w,
                              work(nd_linalg_cholesky_worksize(2)), &err),
           ND_ELINALG, "linalg: cholesky of an indefinite matrix fails");
    is_str(err.msg, "Matrix is not positive definite",
           "linalg: cholesky message");
    is_int(nd_linalg_check_square(2, 3, &err), ND_ELINALG,
           "linalg: a 2 x 3 matrix is not square");
    is_str(err.msg, "Last 2 dimensions of the array must be square",
           "linalg: non-square message");
    w[0] = NAN;
    is_int(nd_linalg_check_finite(w, 1, &err), ND_ELINALG,
           "linalg: NaN input to eig is refused");
    is_str(err.msg, "Array must not contain infs or NaNs",
           "linalg: non-finite message");
    is_int(nd_linalg_matrix_norm(2, 2, a, 3, &d,
                                 work(nd_linalg_matrix_norm_worksize(2, 2)),
                                 &err),
           ND_EVALUE, "linalg: matrix norm ord=3 is a ValueError");
    is_str(err.msg, "Invalid norm order for matrices.",
           "linalg: invalid matrix norm message");
    d = nd_linalg_norm_flat(v34, 2);
    ok(d == 5.0, "linalg: 145 norm([3, 4]) is 5.0");
}

/* eigh's UPLO and qr's complete mode. */
static void test_modes(void)
{
    nd_linalg_eigh(8, A_r8, 0, g1, g2, work(nd_linalg_eigh_worksize(8, 1)),
                   NULL);
    same(g1, eighL_w, 8, "eigh(non-symmetric, UPLO='L') eigenvalues");
    same(g2, eighL_v, 64, "eigh(non-symmetric, UPLO='L') eigenvectors");
    nd_linalg_eigh(8, A_r8, 1, g1, g2, work(nd_linalg_eigh_worksize(8, 1)),
                   NULL);
    same(g1, eighU_w, 8, "eigh(non-symmetric, UPLO='U') eigenvalues");
    same(g2, eighU_v, 64, "eigh(non-symmetric, UPLO='U') eigenvectors");
    nd_linalg_qr(5, 3, R_t53, 1, g1, g2, work(nd_linalg_qr_worksize(5, 3, 1)),
                 NULL);
    same(g1, qrcq_t53, 25, "qr(5 x 3, 'complete') q");
    same(g2, qrcr_t53, 15, "qr(5 x 3, 'complete') r");
    nd_linalg_qr(3, 5, R_t35, 1, g1, g2, work(nd_linalg_qr_worksize(3, 5, 1)),
                 NULL);
    same(g1, qrcq_t35, 9, "qr(3 x 5, 'complete') q");
    same(g2, qrcr_t35, 15, "qr(3 x 5, 'complete') r");
}

static void test_complex(void)
{
    nd_complex128 z1[64], z2[64], z3[64], d;
    double s[8];
    size_t i;

    nd_linalg_zdet(5, (const nd_complex128 *)Z, &d,
                   work(nd_linalg_zdet_worksize(5)), NULL);
    same(&d, Zdet, 2, "complex det 5 x 5");
    nd_linalg_zinv(5, (const nd_complex128 *)Z, z1,
                   work(nd_linalg_zinv_worksize(5)), NULL);
    same(z1, Zinv, 50, "complex inv 5 x 5");
    nd_linalg_zsolve(5, 1, (const nd_complex128 *)Z,
                     (const nd_complex128 *)Zb, z1,
                     work(nd_linalg_zsolve_worksize(5, 1)), NULL);
    same(z1, Zx, 10, "complex solve 5 x 5");
    nd_linalg_zeig(5, (const nd_complex128 *)Z, z1, z2,
                   work(nd_linalg_zeig_worksize(5, 1)), NULL);
    same(z1, Zw, 10, "complex eig eigenvalues");
    same(z2, Zv, 50, "complex eig eigenvectors");
    nd_linalg_zeig(5, (const nd_complex128 *)Z, z1, NULL,
                   work(nd_linalg_zeig_worksize(5, 0)), NULL);
    same(z1, Zwn, 10, "complex eigvals");
    for (i = 0; i < 25; i++) {
        /* h = z + z^H, as the generator built it */
        size_t r = i / 5, c = i % 5;
        z3[i].re = Z[2 * i] + Z[2 * (c * 5 + r)];
        z3[i].im = Z[2 * i + 1] - Z[2 * (c * 5 + r) + 1];
    }
    nd_linalg_zeigh(5, z3, 0, s, z2, work(nd_linalg_zeigh_worksize(5, 1)),
                    NULL);
    same(s, Zhw, 5, "complex eigh eigenvalues");
    same(z2, Zhv, 50, "complex eigh eigenvectors");
    nd_linalg_zeigh(5, (const nd_complex128 *)Z, 1, s, z2,
                    work(nd_linalg_zeigh_worksize(5, 1)), NULL);
    same(s, ZhUw, 5, "complex eigh(UPLO='U') eigenvalues");
    same(z2, ZhUv, 50, "complex eigh(UPLO='U') eigenvectors");
    nd_linalg_zcholesky(5, (const nd_complex128 *)Zspd, z1,
                        work(nd_linalg_zcholesky_worksize(5)), NULL);
    same(z1, Zchol, 50, "complex cholesky");
    nd_linalg_zsvd(5, 3, (const nd_complex128 *)ZR, s, z1, z2, 1,
                   work(nd_linalg_zsvd_worksize(5, 3, 1, 1)), NULL);
    ok(same(z1, ZRu, 50, "complex svd u") & same(s, ZRs, 3, "complex svd s")
           & same(z2, ZRvt, 18, "complex svd vt"),
       "linalg: complex svd 5 x 3 matches");
    nd_linalg_zsvd(5, 3, (const nd_complex128 *)ZR, s, NULL, NULL, 0,
                   work(nd_linalg_zsvd_worksize(5, 3, 0, 0)), NULL);
    same(s, ZRsn, 3, "complex svd compute_uv=False");
}

static void test_complex_rect(void)
{
    static nd_complex128 z1[64], z2[64];
    double s[8], res[4];
    int64_t rk;
    size_t nr;
    const nd_complex128 *zr = (const nd_complex128 *)ZR;

    nd_linalg_zlstsq(5, 3, 2, zr, (const nd_complex128 *)ZRb, NAN, z1, res,
                     &nr, &rk, s, work(nd_linalg_zlstsq_worksize(5, 3, 2)),
                     NULL);
    same(z1, ZRx, 12, "complex lstsq solution");
    same(res, ZRres, 2, "complex lstsq residuals");
    same(s, ZRsv, 3, "complex lstsq singular values");
    ok(rk == (int64_t)ZRrank && nr == 2, "linalg: complex lstsq rank 3");
    nd_linalg_zqr(5, 3, zr, 0, z1, z2, work(nd_linalg_zqr_worksize(5, 3, 0)),
                  NULL);
    same(z1, ZRq, 30, "complex qr q");
    same(z2, ZRr, 18, "complex qr r");
    nd_linalg_zqr(5, 3, zr, 1, z1, z2, work(nd_linalg_zqr_worksize(5, 3, 1)),
                  NULL);
    same(z1, ZRqc, 50, "complex qr complete q");
    same(z2, ZRrc, 30, "complex qr complete r");
    nd_linalg_zpinv(5, 3, zr, 1e-15, z1,
                    work(nd_linalg_zpinv_worksize(5, 3)), NULL);
    same(z1, ZRpinv, 30, "complex pinv");
    nd_linalg_zmatrix_rank(6, 4, (const nd_complex128 *)ZD, -1, &rk,
                           work(nd_linalg_zmatrix_rank_worksize(6, 4)),
                           NULL);
    is_int(rk, (long long)ZDrank, "linalg: complex matrix_rank, rank 2");
}

static void test_gemm(void)
{
    static const double a[6] = {1, 2, 3, 4, 5, 6}, b[6] = {7, 8, 9, 10, 11,
                                                           12};
    static const double want[4] = {58, 64, 139, 154};
    double c[4];
    nd_blas_dgemm(2, 2, 3, a, b, c);
    ok(memcmp(c, want, sizeof c) == 0, "linalg: dgemm (2x3)@(3x2)");
    ok(nd_blas_ddot(6, a, b) == 217.0, "linalg: ddot");
}


/* A fixed pseudo-random fill in [-0.5, 0.5). */
static void fill(double *a, size_t n, unsigned seed)
{
    uint64_t x = seed * 2654435761u + 1;
    size_t i;
    for (i = 0; i < n; i++) {
        x = x * 6364136223846793005ull + 1442695040888963407ull;
        a[i] = (double)(x >> 11) / 9007199254740992.0 - 0.5;
    }
}

/* A float64 view of buf: shape (r, c), element strides (sr, sc). */
static NdArray view2(double *buf, int64_t r, int64_t c, int64_t sr,
                     int64_t sc)
{
    NdArray v;
    int64_t shape[2] = {r, c};
    nd_init(&v, ND_FLOAT64, 2, shape, NULL);
    v.data = (char *)buf;
    v.strides[0] = sr * 8;
    v.strides[1] = sc * 8;
    nd_update_flags(&v);
    return v;
}

/* The in-order loop NumPy runs where BLAS cannot take the strides. */
static void loop_mm(const NdArray *a, const NdArray *b, double *c)
{
    int64_t i, j, k;
    for (i = 0; i < a->shape[0]; i++)
        for (j = 0; j < b->shape[1]; j++) {
            double s = 0;
            for (k = 0; k < a->shape[1]; k++)
                s += *(double *)(a->data + i * a->strides[0] +
                                 k * a->strides[1]) *
                     *(double *)(b->data + k * b->strides[0] +
                                 j * b->strides[1]);
            c[i * b->shape[1] + j] = s;
        }
}

/* nd_matmul takes NumPy's BLAS route per block: the same bits as the
** CBLAS call NumPy makes, the loop where NumPy loops, and np.dot's
** copies (nd_dot) where dot and @ part ways. */
static void test_matmul_routes(void)
{
    static double a[9 * 11], b[11 * 7], want[9 * 9], scr[4096];
    double *got = g3;
    NdArray va, vb, vo;
    NdErr err;
    int64_t i;
    fill(a, 9 * 11, 3);
    fill(b, 11 * 7, 4);

    va = view2(a, 9, 11, 11, 1);
    vb = view2(b, 11, 7, 7, 1);
    vo = view2(got, 9, 7, 7, 1);
    ok(nd_matmul_scratch(&va, &vb, &vo) <= 16,
       "matmul: no packing scratch when BLAS takes the block");
    nd_matmul(&va, &vb, &vo, scr, &err);
    nd_blas_gemm(0, 0, 0, 9, 7, 11, a, 11, b, 7, want, 7);
    ok(!memcmp(got, want, 9 * 7 * 8), "matmul: (9,11)@(11,7) is dgemm's");

    /* a @ a.T: syrk's upper triangle, copied down (this OpenBLAS's dsyrk
    ** and dgemm happen to agree bit for bit; NumPy calls syrk, so do we) */
    vb = view2(a, 11, 9, 1, 11);
    vo = view2(got, 9, 9, 9, 1);
    nd_matmul(&va, &vb, &vo, scr, &err);
    nd_blas_syrk(0, 0, 9, 11, a, 11, want, 9);
    for (i = 0; i < 81; i++)
        if (i % 9 < i / 9)
            want[i] = want[(i % 9) * 9 + i / 9];
    ok(!memcmp(got, want, 81 * 8), "matmul: a @ a.T is dsyrk's, copied down");

    /* matrix @ vector: gemv (column-major Trans over a's rows) */
    vb = view2(b, 11, 1, 7, 1);
    vo = view2(got, 9, 1, 1, 0);
    nd_matmul(&va, &vb, &vo, scr, &err);
    nd_blas_gemv(0, 1, 11, 9, a, 11, b, 7, want, 1);
    ok(!memcmp(got, want, 9 * 8), "matmul: matrix @ column is dgemv's");

    /* column-strided a: NumPy's plain loop, not BLAS */
    va = view2(a, 9, 5, 11, 2);
    vb = view2(b, 5, 7, 7, 1);
    vo = view2(got, 9, 7, 7, 1);
    ok(nd_matmul_scratch(&va, &vb, &vo) > 16,
       "matmul: packing scratch when NumPy loops");
    nd_matmul(&va, &vb, &vo, scr, &err);
    loop_mm(&va, &vb, want);
    ok(!memcmp(got, want, 63 * 8), "matmul: a[:, ::2] @ b is the loop's");

    /* np.dot copies that a first and uses dgemm */
    if (nd_dot_scratch(&va, &vb, &vo) <= sizeof scr) {
        double c[45];
        for (i = 0; i < 45; i++)
            c[i] = a[(i / 5) * 11 + (i % 5) * 2];
        nd_dot(&va, &vb, &vo, scr, &err);
        nd_blas_gemm(0, 0, 0, 9, 7, 5, c, 5, b, 7, want, 7);
        ok(!memcmp(got, want, 63 * 8), "dot: a[:, ::2] . b is dgemm's "
                                       "on a copy");
    } else {
        ok(0, "dot: scratch fits");
    }
}

int main(void)
{
    /* the oracle was made by NumPy with one OpenBLAS thread */
    const char *cfg = nd_linalg_blas_config();
    nd_linalg_set_threads(1);
    strict = cfg && strcmp(cfg, LA_ORACLE_BLAS) == 0;
    tap_diag("BLAS: %s; oracle's: %s; %s", cfg ? cfg : "not OpenBLAS",
             LA_ORACLE_BLAS,
             strict ? "demanding NumPy's bits" : "comparing to 1e-9");
    SQUARE(c2, 2);
    SQUARE(c3, 3);
    SQUARE(r5, 5);
    SQUARE(r8, 8);
    RECT(t53, 5, 3, 2);
    RECT(t35, 3, 5, 0);
    test_formula();
    test_misc();
    test_corpus_and_errors();
    test_modes();
    test_complex();
    test_complex_rect();
    test_gemm();
    test_matmul_routes();
    return tap_done();
}
