/*
** nd_linalg.c - numpy.linalg through Fortran LAPACK and CBLAS.
**
** NumPy's umath_linalg copies each matrix into Fortran order, queries
** LAPACK for the optimal workspace and makes one call; this file does the
** same calls with the same dimensions, leading dimensions and workspace
** sizes, so the system LAPACK NumPy uses gives us its bits. Scratch is
** carved from the caller's `work` in a fixed order: doubles, then ints.
*/
#include "nd_linalg.h"

#include <dlfcn.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* LP64 Fortran LAPACK/BLAS (libopenblas, liblapack.so.3). Character
** arguments carry gfortran's hidden length arguments at the end. */
typedef int nd_fint;

extern void dgetrf_(const nd_fint *m, const nd_fint *n, double *a,
                    const nd_fint *lda, nd_fint *ipiv, nd_fint *info);
extern void dgesv_(const nd_fint *n, const nd_fint *nrhs, double *a,
                   const nd_fint *lda, nd_fint *ipiv, double *b,
                   const nd_fint *ldb, nd_fint *info);
extern void dgeev_(const char *jobvl, const char *jobvr, const nd_fint *n,
                   double *a, const nd_fint *lda, double *wr, double *wi,
                   double *vl, const nd_fint *ldvl, double *vr,
                   const nd_fint *ldvr, double *work, const nd_fint *lwork,
                   nd_fint *info, size_t ljobvl, size_t ljobvr);
extern void dsyevd_(const char *jobz, const char *uplo, const nd_fint *n,
                    double *a, const nd_fint *lda, double *w, double *work,
                    const nd_fint *lwork, nd_fint *iwork,
                    const nd_fint *liwork, nd_fint *info, size_t ljobz,
                    size_t luplo);
extern void dgesdd_(const char *jobz, const nd_fint *m, const nd_fint *n,
                    double *a, const nd_fint *lda, double *s, double *u,
                    const nd_fint *ldu, double *vt, const nd_fint *ldvt,
                    double *work, const nd_fint *lwork, nd_fint *iwork,
                    nd_fint *info, size_t ljobz);
extern void dgelsd_(const nd_fint *m, const nd_fint *n, const nd_fint *nrhs,
                    double *a, const nd_fint *lda, double *b,
                    const nd_fint *ldb, double *s, const double *rcond,
                    nd_fint *rank, double *work, const nd_fint *lwork,
                    nd_fint *iwork, nd_fint *info);
extern void dgeqrf_(const nd_fint *m, const nd_fint *n, double *a,
                    const nd_fint *lda, double *tau, double *work,
                    const nd_fint *lwork, nd_fint *info);
extern void dorgqr_(const nd_fint *m, const nd_fint *n, const nd_fint *k,
                    double *a, const nd_fint *lda, const double *tau,
                    double *work, const nd_fint *lwork, nd_fint *info);
extern void dpotrf_(const char *uplo, const nd_fint *n, double *a,
                    const nd_fint *lda, nd_fint *info, size_t luplo);

/* CBLAS as OpenBLAS exports it; the enums are ints in its ABI. */
enum {
    ND_CBLAS_ROW = 101,
    ND_CBLAS_COL = 102,
    ND_CBLAS_NOTRANS = 111,
    ND_CBLAS_TRANS = 112,
    ND_CBLAS_UPPER = 121
};
extern double cblas_ddot(const int n, const double *x, const int incx,
                         const double *y, const int incy);
extern void cblas_dgemm(const int order, const int transa, const int transb,
                        const int m, const int n, const int k,
                        const double alpha, const double *a, const int lda,
                        const double *b, const int ldb, const double beta,
                        double *c, const int ldc);
extern float cblas_sdot(const int n, const float *x, const int incx,
                        const float *y, const int incy);
extern void cblas_sgemm(const int order, const int transa, const int transb,
                        const int m, const int n, const int k,
                        const float alpha, const float *a, const int lda,
                        const float *b, const int ldb, const float beta,
                        float *c, const int ldc);
extern void cblas_dsyrk(const int order, const int uplo, const int trans,
                        const int n, const int k, const double alpha,
                        const double *a, const int lda, const double beta,
                        double *c, const int ldc);
extern void cblas_ssyrk(const int order, const int uplo, const int trans,
                        const int n, const int k, const float alpha,
                        const float *a, const int lda, const float beta,
                        float *c, const int ldc);
extern void cblas_dgemv(const int order, const int trans, const int m,
                        const int n, const double alpha, const double *a,
                        const int lda, const double *x, const int incx,
                        const double beta, double *y, const int incy);
extern void cblas_sgemv(const int order, const int trans, const int m,
                        const int n, const float alpha, const float *a,
                        const int lda, const float *x, const int incx,
                        const float beta, float *y, const int incy);

/* OpenBLAS maps its work buffer at the first call that needs one and
** mbind()s it; a seccomp'd worker forked later dies of that syscall
** (SIGSYS: seen with OPENBLAS_NUM_THREADS=1, where nothing had mapped it
** before the fork). One tiny LU in the caller maps it now; children
** inherit it in OpenBLAS's pool and reuse it. */
static void nd_linalg_warm_up(void)
{
    double a[4] = {2, 1, 1, 3};
    nd_fint n = 2, ipiv[2], info = 0;
    dgetrf_(&n, &n, a, &n, ipiv, &info);
}

int nd_linalg_set_threads(int n)
{
    /* looked up at run time: only OpenBLAS has them, and the system's BLAS
    ** is whatever the alternatives point at. Setting the count again is
    ** not free: after a fork OpenBLAS's server is down, and
    ** openblas_set_num_threads restarts it (a clone3 a seccomp'd worker
    ** dies of), so only call it when the count really changes. */
    static int done_for; /* inherited by forked workers: they skip all */
    void (*set)(int);
    int (*get)(void);
    void *self;
    if (n > 0 && done_for == n)
        return 1;
    if ((self = dlopen(NULL, RTLD_LAZY)) == NULL)
        return 0;
    *(void **)&set = dlsym(self, "openblas_set_num_threads");
    *(void **)&get = dlsym(self, "openblas_get_num_threads");
    if (set && (!get || get() != n))
        set(n);
    dlclose(self);
    nd_linalg_warm_up();
    if (set)
        done_for = n;
    return set != NULL;
}

const char *nd_linalg_blas_config(void)
{
    const char *(*get)(void);
    const char *cfg = NULL;
    void *self = dlopen(NULL, RTLD_LAZY);
    if (!self)
        return NULL;
    *(void **)&get = dlsym(self, "openblas_get_config");
    if (get)
        cfg = get(); /* a static string inside OpenBLAS */
    dlclose(self);
    return cfg;
}

static NdError nd_fail(NdErr *err, NdError code, const char *msg)
{
    if (err)
        snprintf(err->msg, sizeof err->msg, "%s", msg);
    return code;
}

static nd_fint nd_fmax(nd_fint a, nd_fint b)
{
    return a > b ? a : b;
}

typedef nd_complex128 nd_z;

/*
** The copies between row-major arrays and LAPACK's column-major ones, one
** set per element type (double, and nd_z for the z routines).
** to_fortran: a (m x n, row-major) -> f (column-major, leading dimension
** ld). This copy is what NumPy's linearize_matrix makes with swapped
** strides: LAPACK then factors a itself, not its transpose, which decides
** the pivots and so the bits (det's -2.0000000000000004 comes from this
** LU). from_fortran: the way back. tri_from_fortran: rows x n of f into
** a, keeping the lower (lower != 0) or upper triangle and zeroing the
** rest, as NumPy's cholesky and qr's r.
*/
#define ND_FORTRAN_COPIES(SUF, T)                                          \
    static void nd_to_fortran##SUF(const T *a, size_t m, size_t n, T *f,  \
                                   size_t ld)                             \
    {                                                                      \
        size_t i, j;                                                       \
        for (j = 0; j < n; j++)                                            \
            for (i = 0; i < m; i++)                                        \
                f[j * ld + i] = a[i * n + j];                              \
    }                                                                      \
    static void nd_from_fortran##SUF(const T *f, size_t ld, size_t m,     \
                                     size_t n, T *a)                       \
    {                                                                      \
        size_t i, j;                                                       \
        for (i = 0; i < m; i++)                                            \
            for (j = 0; j < n; j++)                                        \
                a[i * n + j] = f[j * ld + i];                              \
    }                                                                      \
    static void nd_tri_from_fortran##SUF(const T *f, size_t ld,           \
                                         size_t rows, size_t n, T *a,      \
                                         int lower)                        \
    {                                                                      \
        const T zero = {0};                                                \
        size_t i, j;                                                       \
        for (i = 0; i < rows; i++)                                         \
            for (j = 0; j < n; j++)                                        \
                a[i * n + j] =                                             \
                    (lower ? j <= i : j >= i) ? f[j * ld + i] : zero;      \
    }
ND_FORTRAN_COPIES(, double)
ND_FORTRAN_COPIES(_z, nd_z)

/* matrix_rank's count: singular values above tol, or for tol < 0 above
** NumPy's S.max() * max(M, N) * eps, in that order. s is sorted
** descending, but NumPy takes S.max(): same value, kept as a max for
** NaN's sake. */
static int64_t nd_rank_of(const double *s, size_t m, size_t n, double tol)
{
    size_t k = m < n ? m : n, i;
    double smax = k ? s[0] : 0.0;
    int64_t rank = 0;
    if (tol < 0) {
        for (i = 1; i < k; i++)
            if (s[i] > smax)
                smax = s[i];
        tol = smax * (double)(m > n ? m : n) * DBL_EPSILON;
    }
    for (i = 0; i < k; i++)
        rank += s[i] > tol;
    return rank;
}

NdError nd_linalg_check_square(int64_t rows, int64_t cols, NdErr *err)
{
    if (rows != cols)
        return nd_fail(err, ND_ELINALG,
                       "Last 2 dimensions of the array must be square");
    return ND_OK;
}

NdError nd_linalg_check_finite(const double *a, size_t n, NdErr *err)
{
    size_t i;
    for (i = 0; i < n; i++)
        if (!isfinite(a[i]))
            return nd_fail(err, ND_ELINALG,
                           "Array must not contain infs or NaNs");
    return ND_OK;
}

/* ---- det, solve, inv --------------------------------------------------- */

/* det and slogdet: the n x n LU copy, then n pivots. */
size_t nd_linalg_det_worksize(size_t n)
{
    return n * n * sizeof(double) + n * sizeof(nd_fint);
}

NdError nd_linalg_slogdet(size_t n, const double *a, double *sign,
                          double *logdet, void *work, NdErr *err)
{
    double *lu = work, acc_sign, acc_log = 0.0;
    nd_fint *ipiv = (nd_fint *)(lu + n * n);
    nd_fint fn = (nd_fint)n, lda = nd_fmax(fn, 1), info = 0;
    size_t i;
    int changes = 0;

    (void)err;
    nd_to_fortran(a, n, n, lu, n);
    dgetrf_(&fn, &fn, lu, &lda, ipiv, &info);
    if (info != 0) {
        /* singular (info > 0): NumPy reports sign 0, logdet -inf */
        *sign = 0.0;
        *logdet = -INFINITY;
        return ND_OK;
    }
    for (i = 0; i < n; i++)
        changes += ipiv[i] != (nd_fint)(i + 1);
    acc_sign = changes % 2 ? -1.0 : 1.0;
    for (i = 0; i < n; i++) {
        double d = lu[i * (n + 1)];
        if (d < 0) {
            acc_sign = -acc_sign;
            d = -d;
        }
        acc_log += log(d);
    }
    *sign = acc_sign;
    *logdet = acc_log;
    return ND_OK;
}

NdError nd_linalg_det(size_t n, const double *a, double *det, void *work,
                      NdErr *err)
{
    double sign, logdet;
    NdError e = nd_linalg_slogdet(n, a, &sign, &logdet, work, err);
    if (e == ND_OK)
        *det = sign * exp(logdet);
    return e;
}

/* solve and inv: A's copy, B's copy (overwritten by x), pivots. */

/* The solution's zeros get reference LAPACK's sign. Its dtrsm skips a
** zero right-hand side (`IF (B(K,J).NE.ZERO)`), so an exact zero stays
** +0; OpenBLAS divides it by a negative pivot and hands back -0, which
** NumPy then prints as `-0.` where the outputs we match show `0.`.
** Adding +0 turns -0 into +0 and leaves every other value alone. (The
** complex results keep their signs: no output we match shows one.) */
static void nd_positive_zeros(double *x, size_t count)
{
    size_t i;
    for (i = 0; i < count; i++)
        x[i] += 0.0;
}

#define ND_KEEP_ZEROS(x, count) ((void)(x), (void)(count))

/* LAPACK's workspace queries answer in work[0]: its real part for the
** complex routines, which is the first double either way. */
static nd_fint nd_lwork_of(const void *q)
{
    return (nd_fint)*(const double *)q;
}

#define ND_QR_FAILED                                                       \
    "Incorrect argument found while performing QR factorization"

/*
** solve (?gesv on Fortran copies; b_f already holds the right-hand
** sides), inv (?gesv against the identity), qr (?geqrf, then ?orgqr /
** ?ungqr on the reflectors' columns; r = triu(a[:mc, :]); with
** mode='complete' and m > n the extra columns start as zeros and ?orgqr
** completes the basis; lwork = max(1, n, optimal) as NumPy) and
** cholesky (?potrf 'L', the strict upper part zeroed as NumPy does),
** generated for double (d routines) and nd_z (z routines).
*/
#define ND_SOLVE_QR_CHOLESKY(Z, SUF, T, GESV, GEQRF, ORGQR, POTRF, FIX)    \
    static NdError nd_##Z##gesv(size_t n, size_t nrhs, const T *a,         \
                                T *a_f, T *b_f, nd_fint *ipiv, NdErr *err) \
    {                                                                      \
        nd_fint fn = (nd_fint)n, fr = (nd_fint)nrhs, ld = nd_fmax(fn, 1);  \
        nd_fint info = 0;                                                  \
        nd_to_fortran##SUF(a, n, n, a_f, n);                               \
        GESV(&fn, &fr, a_f, &ld, ipiv, b_f, &ld, &info);                   \
        if (info != 0)                                                     \
            return nd_fail(err, ND_ELINALG, "Singular matrix");            \
        return ND_OK;                                                      \
    }                                                                      \
    size_t nd_linalg_##Z##solve_worksize(size_t n, size_t nrhs)            \
    {                                                                      \
        return (n * n + n * nrhs) * sizeof(T) + n * sizeof(nd_fint);       \
    }                                                                      \
    NdError nd_linalg_##Z##solve(size_t n, size_t nrhs, const T *a,        \
                                 const T *b, T *x, void *work, NdErr *err) \
    {                                                                      \
        T *a_f = work, *b_f = a_f + n * n;                                 \
        nd_fint *ipiv = (nd_fint *)(b_f + n * nrhs);                       \
        NdError e;                                                         \
        nd_to_fortran##SUF(b, n, nrhs, b_f, n);                            \
        if ((e = nd_##Z##gesv(n, nrhs, a, a_f, b_f, ipiv, err)) != ND_OK)  \
            return e;                                                      \
        nd_from_fortran##SUF(b_f, n, n, nrhs, x);                          \
        FIX(x, n * nrhs);                                                  \
        return ND_OK;                                                      \
    }                                                                      \
    size_t nd_linalg_##Z##inv_worksize(size_t n)                           \
    {                                                                      \
        return nd_linalg_##Z##solve_worksize(n, n);                        \
    }                                                                      \
    NdError nd_linalg_##Z##inv(size_t n, const T *a, T *out, void *work,   \
                               NdErr *err)                                 \
    {                                                                      \
        T *a_f = work, *b_f = a_f + n * n;                                 \
        nd_fint *ipiv = (nd_fint *)(b_f + n * n);                          \
        size_t i;                                                          \
        NdError e;                                                         \
        memset(b_f, 0, n * n * sizeof *b_f);                               \
        for (i = 0; i < n; i++)                                            \
            *(double *)&b_f[i * (n + 1)] = 1.0; /* the real part */        \
        if ((e = nd_##Z##gesv(n, n, a, a_f, b_f, ipiv, err)) != ND_OK)     \
            return e;                                                      \
        nd_from_fortran##SUF(b_f, n, n, n, out);                           \
        FIX(out, n * n);                                                   \
        return ND_OK;                                                      \
    }                                                                      \
    static nd_fint nd_##Z##qr_lwork(size_t m, size_t n, size_t mc, int org)\
    {                                                                      \
        nd_fint fm = (nd_fint)m, fn = (nd_fint)n, fc = (nd_fint)mc;        \
        nd_fint k = (nd_fint)(m < n ? m : n), lda = nd_fmax(fm, 1), m1 = -1;\
        nd_fint info = 0;                                                  \
        T q, dummy[2];                                                     \
        memset(&q, 0, sizeof q);                                           \
        memset(dummy, 0, sizeof dummy);                                    \
        if (org)                                                           \
            ORGQR(&fm, &fc, &k, dummy, &lda, dummy, &q, &m1, &info);       \
        else                                                               \
            GEQRF(&fm, &fn, dummy, &lda, dummy, &q, &m1, &info);           \
        return nd_fmax(nd_fmax(1, fn), nd_lwork_of(&q));                   \
    }                                                                      \
    size_t nd_linalg_##Z##qr_worksize(size_t m, size_t n, int complete)    \
    {                                                                      \
        size_t k = m < n ? m : n, mc = complete ? m : k;                   \
        nd_fint l1 = nd_##Z##qr_lwork(m, n, mc, 0);                        \
        nd_fint l2 = nd_##Z##qr_lwork(m, n, mc, 1);                        \
        return (m * n + k + m * mc + (size_t)nd_fmax(l1, l2)) * sizeof(T); \
    }                                                                      \
    NdError nd_linalg_##Z##qr(size_t m, size_t n, const T *a, int complete,\
                              T *q, T *r, void *work, NdErr *err)          \
    {                                                                      \
        size_t k = m < n ? m : n, mc = complete ? m : k;                   \
        nd_fint fm = (nd_fint)m, fn = (nd_fint)n, fk = (nd_fint)k;         \
        nd_fint fc = (nd_fint)mc, lda = nd_fmax(fm, 1), info = 0, lw;      \
        T *a_f = work, *tau = a_f + m * n, *q_f = tau + k;                 \
        T *wk = q_f + m * mc;                                              \
        nd_to_fortran##SUF(a, m, n, a_f, m);                               \
        lw = nd_##Z##qr_lwork(m, n, mc, 0);                                \
        GEQRF(&fm, &fn, a_f, &lda, tau, wk, &lw, &info);                   \
        if (info != 0)                                                     \
            return nd_fail(err, ND_ELINALG, ND_QR_FAILED);                 \
        nd_tri_from_fortran##SUF(a_f, m, mc, n, r, 0);                     \
        memset(q_f, 0, m * mc * sizeof *q_f);                              \
        memcpy(q_f, a_f, m * k * sizeof *q_f);                             \
        lw = nd_##Z##qr_lwork(m, n, mc, 1);                                \
        ORGQR(&fm, &fc, &fk, q_f, &lda, tau, wk, &lw, &info);              \
        if (info != 0)                                                     \
            return nd_fail(err, ND_ELINALG, ND_QR_FAILED);                 \
        nd_from_fortran##SUF(q_f, m, m, mc, q);                            \
        return ND_OK;                                                      \
    }                                                                      \
    size_t nd_linalg_##Z##cholesky_worksize(size_t n)                      \
    {                                                                      \
        return n * n * sizeof(T);                                          \
    }                                                                      \
    NdError nd_linalg_##Z##cholesky(size_t n, const T *a, T *out,          \
                                    void *work, NdErr *err)                \
    {                                                                      \
        T *a_f = work;                                                     \
        nd_fint fn = (nd_fint)n, lda = nd_fmax(fn, 1), info = 0;           \
        nd_to_fortran##SUF(a, n, n, a_f, n);                               \
        POTRF("L", &fn, a_f, &lda, &info, 1);                              \
        if (info != 0)                                                     \
            return nd_fail(err, ND_ELINALG,                                \
                           "Matrix is not positive definite");             \
        nd_tri_from_fortran##SUF(a_f, n, n, n, out, 1);                    \
        return ND_OK;                                                      \
    }

ND_SOLVE_QR_CHOLESKY(, , double, dgesv_, dgeqrf_, dorgqr_, dpotrf_,
                     nd_positive_zeros)
/* ---- eig, eigh --------------------------------------------------------- */

/* dgeev's optimal lwork, as NumPy queries it. */
/* The queries pass tiny dummy arrays: with lwork = -1 LAPACK only
** reads the dimensions. The workspace size matters beyond memory: the
** blocked code paths are chosen by it, so we must use NumPy's. */
static nd_fint nd_geev_lwork(size_t n, int vectors)
{
    nd_fint fn = (nd_fint)n, ld = nd_fmax(fn, 1), lw = -1, info = 0;
    double q = 0, dummy[2] = {0, 0};
    dgeev_("N", vectors ? "V" : "N", &fn, dummy, &ld, dummy, dummy, dummy,
           &ld, dummy, &ld, &q, &lw, &info, 1, 1);
    return info == 0 ? (nd_fint)q : -1;
}

size_t nd_linalg_eig_worksize(size_t n, int vectors)
{
    nd_fint lw = nd_geev_lwork(n, vectors);
    size_t nd = n * n + 2 * n + (vectors ? n * n : 0);
    return (nd + (size_t)(lw > 0 ? lw : 1)) * sizeof(double);
}

NdError nd_linalg_eig(size_t n, const double *a, nd_complex128 *w,
                      nd_complex128 *v, int *all_real, void *work,
                      NdErr *err)
{
    double *a_f = work, *wr = a_f + n * n, *wi = wr + n;
    double *vr = wi + n, *wk = vr + (v ? n * n : 0);
    nd_fint fn = (nd_fint)n, ld = nd_fmax(fn, 1), info = 0;
    nd_fint lw = nd_geev_lwork(n, v != NULL);
    size_t i, j;

    if (lw < 0)
        return nd_fail(err, ND_ELINALG, "Eigenvalues did not converge");
    nd_to_fortran(a, n, n, a_f, n);
    dgeev_("N", v ? "V" : "N", &fn, a_f, &ld, wr, wi, NULL, &ld,
           v ? vr : NULL, &ld, wk, &lw, &info, 1, 1);
    if (info != 0)
        return nd_fail(err, ND_ELINALG, "Eigenvalues did not converge");
    *all_real = 1;
    for (i = 0; i < n; i++) {
        w[i].re = wr[i];
        w[i].im = wi[i];
        if (wi[i] != 0.0)
            *all_real = 0;
    }
    if (!v)
        return ND_OK;
    /* dgeev packs a conjugate pair's vectors as two real columns:
    ** re in column j, im in column j + 1. v is row-major, columns are
    ** eigenvectors. */
    for (j = 0; j < n;) {
        const double *c = vr + j * n;
        if (wi[j] == 0.0) {
            for (i = 0; i < n; i++) {
                v[i * n + j].re = c[i];
                v[i * n + j].im = 0.0;
            }
            j++;
        } else {
            for (i = 0; i < n; i++) {
                v[i * n + j].re = c[i];
                v[i * n + j].im = c[i + n];
                if (j + 1 < n) {
                    v[i * n + j + 1].re = c[i];
                    v[i * n + j + 1].im = -c[i + n];
                }
            }
            j += 2;
        }
    }
    return ND_OK;
}

static void nd_syevd_lwork(size_t n, int vectors, nd_fint *lw, nd_fint *liw)
{
    nd_fint fn = (nd_fint)n, ld = nd_fmax(fn, 1), info = 0, m1 = -1, qi = 0;
    double q = 0, dummy[2] = {0, 0};
    dsyevd_(vectors ? "V" : "N", "L", &fn, dummy, &ld, dummy, &q, &m1, &qi,
            &m1, &info, 1, 1);
    *lw = (nd_fint)q;
    *liw = qi;
}

size_t nd_linalg_eigh_worksize(size_t n, int vectors)
{
    nd_fint lw, liw;
    nd_syevd_lwork(n, vectors, &lw, &liw);
    return (n * n + (size_t)nd_fmax(lw, 1)) * sizeof(double)
           + (size_t)nd_fmax(liw, 1) * sizeof(nd_fint);
}

NdError nd_linalg_eigh(size_t n, const double *a, int upper, double *w,
                       double *v, void *work, NdErr *err)
{
    nd_fint lw, liw, fn = (nd_fint)n, ld = nd_fmax(fn, 1), info = 0;
    double *a_f = work, *wk = a_f + n * n;
    nd_fint *iwk;
    nd_syevd_lwork(n, v != NULL, &lw, &liw);
    lw = nd_fmax(lw, 1);
    liw = nd_fmax(liw, 1);
    iwk = (nd_fint *)(wk + lw);
    /* Fortran A(i, j) = a[i][j]: 'L' reads a's own lower triangle, 'U'
    ** its upper one */
    nd_to_fortran(a, n, n, a_f, n);
    dsyevd_(v ? "V" : "N", upper ? "U" : "L", &fn, a_f, &ld, w, wk, &lw, iwk,
            &liw, &info, 1, 1);
    if (info != 0)
        return nd_fail(err, ND_ELINALG, "Eigenvalues did not converge");
    if (v)
        nd_from_fortran(a_f, n, n, n, v);
    return ND_OK;
}

/* ---- svd and what is built on it ---------------------------------------- */

/* gesdd's jobz: 'N' values only (compute_uv=False, matrix_rank, 2-norms),
** 'A' full_matrices=True, 'S' reduced. */
static char nd_svd_job(int uv, int full)
{
    return !uv ? 'N' : full ? 'A' : 'S';
}

/* Shapes of u and vt for a job: u is m x ucols, vt vrows x n. */
static void nd_svd_shapes(size_t m, size_t n, char job, size_t *ucols,
                          size_t *vrows)
{
    size_t k = m < n ? m : n;
    *ucols = job == 'A' ? m : job == 'S' ? k : 0;
    *vrows = job == 'A' ? n : job == 'S' ? k : 0;
}

static nd_fint nd_gesdd_lwork(size_t m, size_t n, char job)
{
    nd_fint fm = (nd_fint)m, fn = (nd_fint)n, lda = nd_fmax(fm, 1);
    nd_fint ldvt, lw = -1, info = 0, iw[1];
    size_t ucols, vrows;
    double q = 0, dummy[2] = {0, 0};
    char jobs[2] = {job, 0};
    nd_svd_shapes(m, n, job, &ucols, &vrows);
    ldvt = nd_fmax((nd_fint)vrows, 1);
    dgesdd_(jobs, &fm, &fn, dummy, &lda, dummy, dummy, &lda, dummy, &ldvt,
            &q, &lw, iw, &info, 1);
    lw = (nd_fint)q;
    return lw == 0 ? 1 : lw; /* NumPy's fix for LAPACK 3.0.0 */
}

size_t nd_linalg_svd_worksize(size_t m, size_t n, int uv, int full)
{
    char job = nd_svd_job(uv, full);
    size_t k = m < n ? m : n, ucols, vrows;
    nd_svd_shapes(m, n, job, &ucols, &vrows);
    return (m * n + m * ucols + vrows * n
            + (size_t)nd_gesdd_lwork(m, n, job)) * sizeof(double)
           + 8 * (k ? k : 1) * sizeof(nd_fint);
}

NdError nd_linalg_svd(size_t m, size_t n, const double *a, double *s,
                      double *u, double *vt, int full, void *work,
                      NdErr *err)
{
    int uv = u != NULL && vt != NULL;
    char job = nd_svd_job(uv, full), jobs[2] = {job, 0};
    size_t ucols, vrows;
    nd_fint fm = (nd_fint)m, fn = (nd_fint)n, lda = nd_fmax(fm, 1);
    nd_fint ldvt, lw = nd_gesdd_lwork(m, n, job), info = 0;
    double *a_f = work, *u_f, *vt_f, *wk;
    nd_fint *iwk;

    nd_svd_shapes(m, n, job, &ucols, &vrows);
    ldvt = nd_fmax((nd_fint)vrows, 1);
    u_f = a_f + m * n;
    vt_f = u_f + m * ucols;
    wk = vt_f + vrows * n;
    iwk = (nd_fint *)(wk + lw);
    nd_to_fortran(a, m, n, a_f, m);
    dgesdd_(jobs, &fm, &fn, a_f, &lda, s, u_f, &lda, vt_f, &ldvt, wk, &lw,
            iwk, &info, 1);
    if (info != 0)
        return nd_fail(err, ND_ELINALG, "SVD did not converge");
    if (uv) {
        nd_from_fortran(u_f, m, m, ucols, u);
        nd_from_fortran(vt_f, (size_t)ldvt, vrows, n, vt);
    }
    return ND_OK;
}

size_t nd_linalg_matrix_rank_worksize(size_t m, size_t n)
{
    return nd_linalg_svd_worksize(m, n, 0, 0)
           + (m < n ? m : n) * sizeof(double);
}

NdError nd_linalg_matrix_rank(size_t m, size_t n, const double *a,
                              double tol, int64_t *rank, void *work,
                              NdErr *err)
{
    double *s = work;
    NdError e = nd_linalg_svd(m, n, a, s, NULL, NULL, 0,
                              s + (m < n ? m : n), err);
    if (e == ND_OK)
        *rank = nd_rank_of(s, m, n, tol);
    return e;
}

/* ---- lstsq --------------------------------------------------------------- */

static void nd_gelsd_lwork(size_t m, size_t n, size_t nrhs, nd_fint *lw,
                           nd_fint *liw)
{
    nd_fint fm = (nd_fint)m, fn = (nd_fint)n, fr = (nd_fint)nrhs;
    nd_fint lda = nd_fmax(fm, 1), ldb = nd_fmax(nd_fmax(fm, fn), 1);
    nd_fint m1 = -1, rank = 0, info = 0, qi = 0;
    double q = 0, rc = -1, dummy[2] = {0, 0};
    dgelsd_(&fm, &fn, &fr, dummy, &lda, dummy, &ldb, dummy, &rc, &rank, &q,
            &m1, &qi, &info);
    *lw = (nd_fint)q;
    *liw = qi;
}

size_t nd_linalg_lstsq_worksize(size_t m, size_t n, size_t nrhs)
{
    nd_fint lw, liw;
    size_t mx = m > n ? m : n;
    nd_gelsd_lwork(m, n, nrhs, &lw, &liw);
    return (m * n + mx * nrhs + (size_t)nd_fmax(lw, 1)) * sizeof(double)
           + (size_t)nd_fmax(liw, 1) * sizeof(nd_fint);
}

NdError nd_linalg_lstsq(size_t m, size_t n, size_t nrhs, const double *a,
                        const double *b, double rcond, double *x,
                        double *resid, size_t *nresid, int64_t *rank,
                        double *s, void *work, NdErr *err)
{
    size_t mx = m > n ? m : n, i, j;
    nd_fint fm = (nd_fint)m, fn = (nd_fint)n, fr = (nd_fint)nrhs;
    nd_fint lda = nd_fmax(fm, 1), ldb = nd_fmax((nd_fint)mx, 1);
    nd_fint lw, liw, frank = 0, info = 0;
    double *a_f = work, *b_f = a_f + m * n, *wk = b_f + mx * nrhs;
    nd_fint *iwk;

    nd_gelsd_lwork(m, n, nrhs, &lw, &liw);
    lw = nd_fmax(lw, 1);
    iwk = (nd_fint *)(wk + lw);
    if (isnan(rcond)) /* rcond=None */
        rcond = DBL_EPSILON * (double)mx;
    /* b sits in an mx-row buffer: gelsd returns x (n rows) in place of b
    ** and, when m > n, the residual components in rows n..m */
    nd_to_fortran(a, m, n, a_f, m);
    memset(b_f, 0, mx * nrhs * sizeof *b_f);
    nd_to_fortran(b, m, nrhs, b_f, mx);
    dgelsd_(&fm, &fn, &fr, a_f, &lda, b_f, &ldb, s, &rcond, &frank, wk, &lw,
            iwk, &info);
    if (info != 0)
        return nd_fail(err, ND_ELINALG,
                       "SVD did not converge in Linear Least Squares");
    nd_from_fortran(b_f, mx, n, nrhs, x);
    *rank = frank;
    *nresid = 0;
    if (m > n && (size_t)frank == n) {
        /* the square sum of each column's rows n..m, in order */
        for (j = 0; j < nrhs; j++) {
            const double *c = b_f + j * mx + n;
            double acc = 0;
            for (i = 0; i < m - n; i++)
                acc += c[i] * c[i];
            resid[j] = acc;
        }
        *nresid = nrhs;
    }
    return ND_OK;
}

/* ---- pinv, qr, cholesky -------------------------------------------------- */

size_t nd_linalg_pinv_worksize(size_t m, size_t n)
{
    size_t k = m < n ? m : n;
    return (m * k + k + k * n + k * m) * sizeof(double)
           + nd_linalg_svd_worksize(m, n, 1, 0);
}

NdError nd_linalg_pinv(size_t m, size_t n, const double *a, double rcond,
                       double *out, void *work, NdErr *err)
{
    size_t k = m < n ? m : n, i, j;
    double *u = work, *s = u + m * k, *vt = s + k, *t = vt + k * n;
    double cutoff, smax;
    NdError e = nd_linalg_svd(m, n, a, s, u, vt, 0, t + k * m, err);
    if (e != ND_OK)
        return e;
    if (k == 0) {
        memset(out, 0, m * n * sizeof *out);
        return ND_OK;
    }
    smax = s[0];
    for (i = 1; i < k; i++)
        if (s[i] > smax)
            smax = s[i];
    /* numpy: cutoff = rcond * amax(s); s = 1/s where s > cutoff, else 0 */
    cutoff = rcond * smax;
    for (i = 0; i < k; i++)
        s[i] = s[i] > cutoff ? 1.0 / s[i] : 0.0;
    /* t = s[:, None] * u.T, a fresh C-contiguous k x m array */
    for (i = 0; i < k; i++)
        for (j = 0; j < m; j++)
            t[i * m + j] = s[i] * u[j * k + i];
    /* vt.T is a transposed view: NumPy's matmul hands it to dgemm as
    ** CblasTrans on vt itself. */
    cblas_dgemm(ND_CBLAS_ROW, ND_CBLAS_TRANS, ND_CBLAS_NOTRANS, (int)n,
                (int)m, (int)k, 1.0, vt, (int)n, t, (int)m, 0.0, out,
                (int)m);
    return ND_OK;
}

/* NumPy's geqrf/orgqr lwork: max(1, n, optimal). */
/* ---- norms ------------------------------------------------------------- */

/* The element transform of one vector-norm order (|x|, x*x, |x|**p);
** ord 1 on non-negative data is a plain sum. */
static double nd_norm_elem(double v, double ord)
{
    double a = fabs(v);
    if (isnan(ord) || ord == 2)
        return v * v;
    if (ord == 1)
        return a;
    if (ord == 0)
        return v != 0;
    /* NumPy's in-place power takes fast paths for these exponents */
    if (ord == -1)
        return 1.0 / a;
    if (ord == 0.5)
        return sqrt(a);
    return pow(a, ord);
}

/* NumPy's pairwise summation (8 accumulators, blocks of 128) of the
** transformed elements, which add.reduce uses along a reduced axis that
** is the innermost loop; NumPy transforms into a temporary first, which
** gives the same sums. */
static double nd_pairwise(const double *a, size_t n, ptrdiff_t st,
                          double ord)
{
    if (n < 8) {
        double res = 0.;
        size_t i;
        for (i = 0; i < n; i++)
            res += nd_norm_elem(a[(ptrdiff_t)i * st], ord);
        return res;
    } else if (n <= 128) {
        double r[8], res;
        size_t i;
        int j;
        for (j = 0; j < 8; j++)
            r[j] = nd_norm_elem(a[j * st], ord);
        for (i = 8; i < n - (n % 8); i += 8)
            for (j = 0; j < 8; j++)
                r[j] += nd_norm_elem(a[((ptrdiff_t)i + j) * st], ord);
        res = ((r[0] + r[1]) + (r[2] + r[3]))
              + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++)
            res += nd_norm_elem(a[(ptrdiff_t)i * st], ord);
        return res;
    } else {
        size_t n2 = n / 2;
        n2 -= n2 % 8;
        return nd_pairwise(a, n2, st, ord)
               + nd_pairwise(a + (ptrdiff_t)n2 * st, n - n2, st, ord);
    }
}

/* add.reduce over one vector: pairwise along the innermost axis, in
** order (0 + x0 + x1 ...) along an outer one. */
static double nd_reduce_sum(const double *v, size_t n, ptrdiff_t st,
                            double ord)
{
    double acc = 0.0;
    size_t i;
    if (st == 1)
        return 0.0 + nd_pairwise(v, n, 1, ord);
    for (i = 0; i < n; i++)
        acc += nd_norm_elem(v[(ptrdiff_t)i * st], ord);
    return acc;
}

/* max (want > 0) or min of a[i], NaN propagating as NumPy's. */
static double nd_extreme(const double *a, size_t n, int want)
{
    double m = a[0];
    size_t i;
    for (i = 1; i < n && !isnan(m); i++)
        if (isnan(a[i]) || (want > 0 ? a[i] > m : a[i] < m))
            m = a[i];
    return m;
}

double nd_blas_ddot(size_t n, const double *x, const double *y)
{
    double sum = 0.;
    /* NumPy feeds cblas_ddot chunks of at most 2**30 */
    while (n > 0) {
        size_t chunk = n < ((size_t)1 << 30) ? n : ((size_t)1 << 30);
        sum += cblas_ddot((int)chunk, x, 1, y, 1);
        x += chunk;
        y += chunk;
        n -= chunk;
    }
    return sum;
}

double nd_linalg_norm_flat(const double *x, size_t n)
{
    return sqrt(nd_blas_ddot(n, x, x));
}

void nd_linalg_vector_norms(const double *x, size_t count, ptrdiff_t vstride,
                            size_t n, ptrdiff_t estride, double ord,
                            double *out)
{
    size_t c, i;
    for (c = 0; c < count; c++) {
        const double *v = x + (ptrdiff_t)c * vstride;
        double acc;
        if (isinf(ord)) {
            /* abs(x).max() / .min(); the binding rejects empty input */
            acc = n ? fabs(v[0]) : NAN;
            for (i = 1; i < n && !isnan(acc); i++) {
                double a = fabs(v[(ptrdiff_t)i * estride]);
                if (isnan(a) || (ord > 0 ? a > acc : a < acc))
                    acc = a;
            }
            out[c] = acc;
            continue;
        }
        acc = nd_reduce_sum(v, n, estride, ord);
        if (isnan(ord) || ord == 2)
            out[c] = sqrt(acc);
        else if (ord == 1 || ord == 0)
            out[c] = acc;
        else
            out[c] = pow(acc, 1.0 / ord);
    }
}

size_t nd_linalg_matrix_norm_worksize(size_t m, size_t n)
{
    size_t k = m < n ? m : n, lines = m > n ? m : n;
    size_t svd = nd_linalg_svd_worksize(m, n, 0, 0) + k * sizeof(double);
    return svd > lines * sizeof(double) ? svd : lines * sizeof(double);
}

NdError nd_linalg_matrix_norm(size_t m, size_t n, const double *a,
                              double ord, double *out, void *work,
                              NdErr *err)
{
    double *t = work;
    size_t i, k = m < n ? m : n;
    NdError e;

    if (ord == ND_NORM_FRO || isnan(ord)) {
        *out = nd_linalg_norm_flat(a, m * n);
        return ND_OK;
    }
    if (ord == 2 || ord == -2 || ord == ND_NORM_NUC) {
        /* _multi_svd_norm: amax, amin or sum of the singular values */
        e = nd_linalg_svd(m, n, a, t, NULL, NULL, 0, t + k, err);
        if (e != ND_OK)
            return e;
        if (ord == ND_NORM_NUC)
            *out = nd_reduce_sum(t, k, 1, 1);
        else
            *out = nd_extreme(t, k, ord > 0 ? 1 : -1);
        return ND_OK;
    }
    if (ord == 1 || ord == -1) {
        /* add.reduce(abs(x), axis=0): per column, rows in order */
        for (i = 0; i < n; i++)
            t[i] = nd_reduce_sum(a + i, m, (ptrdiff_t)n, 1);
        *out = nd_extreme(t, n, ord > 0 ? 1 : -1);
        return ND_OK;
    }
    if (isinf(ord)) {
        /* add.reduce(abs(x), axis=1): each row pairwise */
        for (i = 0; i < m; i++)
            t[i] = nd_reduce_sum(a + i * n, n, 1, 1);
        *out = nd_extreme(t, m, ord > 0 ? 1 : -1);
        return ND_OK;
    }
    return nd_fail(err, ND_EVALUE, "Invalid norm order for matrices.");
}

/* ---- complex128 inputs ------------------------------------------------ */

/* Fortran's complex*16 is two doubles, as nd_complex128. */
extern void zgetrf_(const nd_fint *m, const nd_fint *n, nd_complex128 *a,
                    const nd_fint *lda, nd_fint *ipiv, nd_fint *info);
extern void zgesv_(const nd_fint *n, const nd_fint *nrhs, nd_complex128 *a,
                   const nd_fint *lda, nd_fint *ipiv, nd_complex128 *b,
                   const nd_fint *ldb, nd_fint *info);
extern void zgeev_(const char *jobvl, const char *jobvr, const nd_fint *n,
                   nd_complex128 *a, const nd_fint *lda, nd_complex128 *w,
                   nd_complex128 *vl, const nd_fint *ldvl, nd_complex128 *vr,
                   const nd_fint *ldvr, nd_complex128 *work,
                   const nd_fint *lwork, double *rwork, nd_fint *info,
                   size_t ljobvl, size_t ljobvr);
extern void zheevd_(const char *jobz, const char *uplo, const nd_fint *n,
                    nd_complex128 *a, const nd_fint *lda, double *w,
                    nd_complex128 *work, const nd_fint *lwork, double *rwork,
                    const nd_fint *lrwork, nd_fint *iwork,
                    const nd_fint *liwork, nd_fint *info, size_t ljobz,
                    size_t luplo);
extern void zgesdd_(const char *jobz, const nd_fint *m, const nd_fint *n,
                    nd_complex128 *a, const nd_fint *lda, double *s,
                    nd_complex128 *u, const nd_fint *ldu, nd_complex128 *vt,
                    const nd_fint *ldvt, nd_complex128 *work,
                    const nd_fint *lwork, double *rwork, nd_fint *iwork,
                    nd_fint *info, size_t ljobz);
extern void zpotrf_(const char *uplo, const nd_fint *n, nd_complex128 *a,
                    const nd_fint *lda, nd_fint *info, size_t luplo);
extern void zgeqrf_(const nd_fint *m, const nd_fint *n, nd_complex128 *a,
                    const nd_fint *lda, nd_complex128 *tau,
                    nd_complex128 *work, const nd_fint *lwork, nd_fint *info);
extern void zungqr_(const nd_fint *m, const nd_fint *n, const nd_fint *k,
                    nd_complex128 *a, const nd_fint *lda,
                    const nd_complex128 *tau, nd_complex128 *work,
                    const nd_fint *lwork, nd_fint *info);

/* NumPy's complex multiply, written out so signs of zero and NaNs
** follow the same formula. */
static nd_z nd_zmul(nd_z a, nd_z b)
{
    nd_z r;
    r.re = a.re * b.re - a.im * b.im;
    r.im = a.re * b.im + a.im * b.re;
    return r;
}

size_t nd_linalg_zdet_worksize(size_t n)
{
    return n * n * sizeof(nd_z) + n * sizeof(nd_fint);
}

NdError nd_linalg_zslogdet(size_t n, const nd_complex128 *a,
                           nd_complex128 *sign, double *logdet, void *work,
                           NdErr *err)
{
    nd_z *lu = work, acc;
    nd_fint *ipiv = (nd_fint *)(lu + n * n);
    nd_fint fn = (nd_fint)n, lda = nd_fmax(fn, 1), info = 0;
    double acc_log = 0.0;
    size_t i;
    int changes = 0;

    (void)err;
    nd_to_fortran_z(a, n, n, lu, n);
    zgetrf_(&fn, &fn, lu, &lda, ipiv, &info);
    if (info != 0) {
        sign->re = sign->im = 0.0;
        *logdet = -INFINITY;
        return ND_OK;
    }
    for (i = 0; i < n; i++)
        changes += ipiv[i] != (nd_fint)(i + 1);
    acc.re = changes % 2 ? -1.0 : 1.0;
    acc.im = 0.0;
    /* sign = prod(u_ii / |u_ii|), logdet = sum(log |u_ii|) */
    for (i = 0; i < n; i++) {
        nd_z d = lu[i * (n + 1)], unit;
        double ab = hypot(d.re, d.im);
        unit.re = d.re / ab;
        unit.im = d.im / ab;
        acc = nd_zmul(acc, unit);
        acc_log += log(ab);
    }
    *sign = acc;
    *logdet = acc_log;
    return ND_OK;
}

NdError nd_linalg_zdet(size_t n, const nd_complex128 *a, nd_complex128 *det,
                       void *work, NdErr *err)
{
    nd_z sign, e;
    double logdet;
    NdError rc = nd_linalg_zslogdet(n, a, &sign, &logdet, work, err);
    if (rc != ND_OK)
        return rc;
    e.re = exp(logdet);
    e.im = 0.0;
    *det = nd_zmul(sign, e);
    return ND_OK;
}

ND_SOLVE_QR_CHOLESKY(z, _z, nd_z, zgesv_, zgeqrf_, zungqr_, zpotrf_,
                     ND_KEEP_ZEROS)

static nd_fint nd_zgeev_lwork(size_t n, int vectors)
{
    nd_fint fn = (nd_fint)n, ld = nd_fmax(fn, 1), lw = -1, info = 0;
    nd_z q = {0, 0}, dummy[2] = {{0, 0}, {0, 0}};
    double rdummy[2] = {0, 0};
    zgeev_("N", vectors ? "V" : "N", &fn, dummy, &ld, dummy, dummy, &ld,
           dummy, &ld, &q, &lw, rdummy, &info, 1, 1);
    return info == 0 ? (nd_fint)q.re : -1;
}

size_t nd_linalg_zeig_worksize(size_t n, int vectors)
{
    nd_fint lw = nd_zgeev_lwork(n, vectors);
    return (n * n + (vectors ? n * n : 0) + (size_t)(lw > 0 ? lw : 1))
               * sizeof(nd_z)
           + 2 * (n ? n : 1) * sizeof(double);
}

NdError nd_linalg_zeig(size_t n, const nd_complex128 *a, nd_complex128 *w,
                       nd_complex128 *v, void *work, NdErr *err)
{
    nd_fint fn = (nd_fint)n, ld = nd_fmax(fn, 1), info = 0;
    nd_fint lw = nd_zgeev_lwork(n, v != NULL);
    nd_z *a_f = work, *vr = a_f + n * n, *wk = vr + (v ? n * n : 0);
    double *rwk;
    if (lw < 0)
        return nd_fail(err, ND_ELINALG, "Eigenvalues did not converge");
    rwk = (double *)(wk + lw);
    nd_to_fortran_z(a, n, n, a_f, n);
    zgeev_("N", v ? "V" : "N", &fn, a_f, &ld, w, NULL, &ld, v ? vr : NULL,
           &ld, wk, &lw, rwk, &info, 1, 1);
    if (info != 0)
        return nd_fail(err, ND_ELINALG, "Eigenvalues did not converge");
    if (v)
        nd_from_fortran_z(vr, n, n, n, v);
    return ND_OK;
}

static void nd_zheevd_lwork(size_t n, int vectors, nd_fint *lw,
                            nd_fint *lrw, nd_fint *liw)
{
    nd_fint fn = (nd_fint)n, ld = nd_fmax(fn, 1), info = 0, m1 = -1, qi = 0;
    nd_z q = {0, 0}, dummy[2] = {{0, 0}, {0, 0}};
    double qr = 0, rdummy[2] = {0, 0};
    zheevd_(vectors ? "V" : "N", "L", &fn, dummy, &ld, rdummy, &q, &m1, &qr,
            &m1, &qi, &m1, &info, 1, 1);
    *lw = nd_fmax((nd_fint)q.re, 1);
    *lrw = nd_fmax((nd_fint)qr, 1);
    *liw = nd_fmax(qi, 1);
}

size_t nd_linalg_zeigh_worksize(size_t n, int vectors)
{
    nd_fint lw, lrw, liw;
    nd_zheevd_lwork(n, vectors, &lw, &lrw, &liw);
    return (n * n + (size_t)lw) * sizeof(nd_z) + (size_t)lrw * sizeof(double)
           + (size_t)liw * sizeof(nd_fint);
}

NdError nd_linalg_zeigh(size_t n, const nd_complex128 *a, int upper,
                        double *w, nd_complex128 *v, void *work, NdErr *err)
{
    nd_fint lw, lrw, liw, fn = (nd_fint)n, ld = nd_fmax(fn, 1), info = 0;
    nd_z *a_f = work, *wk = a_f + n * n;
    double *rwk;
    nd_fint *iwk;
    nd_zheevd_lwork(n, v != NULL, &lw, &lrw, &liw);
    rwk = (double *)(wk + lw);
    iwk = (nd_fint *)(rwk + lrw);
    nd_to_fortran_z(a, n, n, a_f, n);
    zheevd_(v ? "V" : "N", upper ? "U" : "L", &fn, a_f, &ld, w, wk, &lw, rwk,
            &lrw, iwk, &liw, &info, 1, 1);
    if (info != 0)
        return nd_fail(err, ND_ELINALG, "Eigenvalues did not converge");
    if (v)
        nd_from_fortran_z(a_f, n, n, n, v);
    return ND_OK;
}

/* zgesdd's real workspace, LAPACK's documented minimum (its size does
** not change the results). */
static size_t nd_zgesdd_rwork(size_t m, size_t n, char job)
{
    size_t mn = m < n ? m : n, mx = m > n ? m : n, a, b;
    if (job == 'N')
        return 7 * mn + 1;
    a = 5 * mn * mn + 5 * mn;
    b = 2 * mx * mn + 2 * mn * mn + mn;
    return (a > b ? a : b) + 1;
}

static nd_fint nd_zgesdd_lwork(size_t m, size_t n, char job)
{
    nd_fint fm = (nd_fint)m, fn = (nd_fint)n, lda = nd_fmax(fm, 1);
    nd_fint ldvt, lw = -1, info = 0, iw[1];
    size_t ucols, vrows;
    nd_z q = {0, 0}, dummy[2] = {{0, 0}, {0, 0}};
    double rdummy[2] = {0, 0};
    char jobs[2] = {job, 0};
    nd_svd_shapes(m, n, job, &ucols, &vrows);
    ldvt = nd_fmax((nd_fint)vrows, 1);
    zgesdd_(jobs, &fm, &fn, dummy, &lda, rdummy, dummy, &lda, dummy, &ldvt,
            &q, &lw, rdummy, iw, &info, 1);
    lw = (nd_fint)q.re;
    return lw == 0 ? 1 : lw;
}

size_t nd_linalg_zsvd_worksize(size_t m, size_t n, int uv, int full)
{
    char job = nd_svd_job(uv, full);
    size_t k = m < n ? m : n, ucols, vrows;
    nd_svd_shapes(m, n, job, &ucols, &vrows);
    return (m * n + m * ucols + vrows * n
            + (size_t)nd_zgesdd_lwork(m, n, job)) * sizeof(nd_z)
           + nd_zgesdd_rwork(m, n, job) * sizeof(double)
           + 8 * (k ? k : 1) * sizeof(nd_fint);
}

NdError nd_linalg_zsvd(size_t m, size_t n, const nd_complex128 *a,
                       double *s, nd_complex128 *u, nd_complex128 *vt,
                       int full, void *work, NdErr *err)
{
    int uv = u != NULL && vt != NULL;
    char job = nd_svd_job(uv, full), jobs[2] = {job, 0};
    size_t ucols, vrows;
    nd_fint fm = (nd_fint)m, fn = (nd_fint)n, lda = nd_fmax(fm, 1);
    nd_fint ldvt, lw = nd_zgesdd_lwork(m, n, job), info = 0;
    nd_z *a_f = work, *u_f, *vt_f, *wk;
    double *rwk;
    nd_fint *iwk;

    nd_svd_shapes(m, n, job, &ucols, &vrows);
    ldvt = nd_fmax((nd_fint)vrows, 1);
    u_f = a_f + m * n;
    vt_f = u_f + m * ucols;
    wk = vt_f + vrows * n;
    rwk = (double *)(wk + lw);
    iwk = (nd_fint *)(rwk + nd_zgesdd_rwork(m, n, job));
    nd_to_fortran_z(a, m, n, a_f, m);
    zgesdd_(jobs, &fm, &fn, a_f, &lda, s, u_f, &lda, vt_f, &ldvt, wk, &lw,
            rwk, iwk, &info, 1);
    if (info != 0)
        return nd_fail(err, ND_ELINALG, "SVD did not converge");
    if (uv) {
        nd_from_fortran_z(u_f, m, m, ucols, u);
        nd_from_fortran_z(vt_f, (size_t)ldvt, vrows, n, vt);
    }
    return ND_OK;
}

extern void zgelsd_(const nd_fint *m, const nd_fint *n, const nd_fint *nrhs,
                    nd_complex128 *a, const nd_fint *lda, nd_complex128 *b,
                    const nd_fint *ldb, double *s, const double *rcond,
                    nd_fint *rank, nd_complex128 *work, const nd_fint *lwork,
                    double *rwork, nd_fint *iwork, nd_fint *info);
extern void cblas_zgemm(const int order, const int transa, const int transb,
                        const int m, const int n, const int k,
                        const void *alpha, const void *a, const int lda,
                        const void *b, const int ldb, const void *beta,
                        void *c, const int ldc);

size_t nd_linalg_zmatrix_rank_worksize(size_t m, size_t n)
{
    return nd_linalg_zsvd_worksize(m, n, 0, 0)
           + (m < n ? m : n) * sizeof(double);
}

NdError nd_linalg_zmatrix_rank(size_t m, size_t n, const nd_complex128 *a,
                               double tol, int64_t *rank, void *work,
                               NdErr *err)
{
    double *s = work;
    NdError e = nd_linalg_zsvd(m, n, a, s, NULL, NULL, 0,
                               s + (m < n ? m : n), err);
    if (e == ND_OK)
        *rank = nd_rank_of(s, m, n, tol);
    return e;
}

static void nd_zgelsd_lwork(size_t m, size_t n, size_t nrhs, nd_fint *lw,
                            nd_fint *lrw, nd_fint *liw)
{
    nd_fint fm = (nd_fint)m, fn = (nd_fint)n, fr = (nd_fint)nrhs;
    nd_fint lda = nd_fmax(fm, 1), ldb = nd_fmax(nd_fmax(fm, fn), 1);
    nd_fint m1 = -1, rank = 0, info = 0, qi = 0;
    nd_z q = {0, 0}, dummy[2] = {{0, 0}, {0, 0}};
    double qr = 0, rc = -1, rdummy[2] = {0, 0};
    zgelsd_(&fm, &fn, &fr, dummy, &lda, dummy, &ldb, rdummy, &rc, &rank, &q,
            &m1, &qr, &qi, &info);
    *lw = nd_fmax((nd_fint)q.re, 1);
    *lrw = nd_fmax((nd_fint)qr, 1);
    *liw = nd_fmax(qi, 1);
}

size_t nd_linalg_zlstsq_worksize(size_t m, size_t n, size_t nrhs)
{
    nd_fint lw, lrw, liw;
    size_t mx = m > n ? m : n;
    nd_zgelsd_lwork(m, n, nrhs, &lw, &lrw, &liw);
    return (m * n + mx * nrhs + (size_t)lw) * sizeof(nd_z)
           + (size_t)lrw * sizeof(double) + (size_t)liw * sizeof(nd_fint);
}

NdError nd_linalg_zlstsq(size_t m, size_t n, size_t nrhs,
                         const nd_complex128 *a, const nd_complex128 *b,
                         double rcond, nd_complex128 *x, double *resid,
                         size_t *nresid, int64_t *rank, double *s,
                         void *work, NdErr *err)
{
    size_t mx = m > n ? m : n, i, j;
    nd_fint fm = (nd_fint)m, fn = (nd_fint)n, fr = (nd_fint)nrhs;
    nd_fint lda = nd_fmax(fm, 1), ldb = nd_fmax((nd_fint)mx, 1);
    nd_fint lw, lrw, liw, frank = 0, info = 0;
    nd_z *a_f = work, *b_f = a_f + m * n, *wk = b_f + mx * nrhs;
    double *rwk;
    nd_fint *iwk;

    nd_zgelsd_lwork(m, n, nrhs, &lw, &lrw, &liw);
    rwk = (double *)(wk + lw);
    iwk = (nd_fint *)(rwk + lrw);
    if (isnan(rcond))
        rcond = DBL_EPSILON * (double)mx;
    nd_to_fortran_z(a, m, n, a_f, m);
    memset(b_f, 0, mx * nrhs * sizeof *b_f);
    nd_to_fortran_z(b, m, nrhs, b_f, mx);
    zgelsd_(&fm, &fn, &fr, a_f, &lda, b_f, &ldb, s, &rcond, &frank, wk, &lw,
            rwk, iwk, &info);
    if (info != 0)
        return nd_fail(err, ND_ELINALG,
                       "SVD did not converge in Linear Least Squares");
    nd_from_fortran_z(b_f, mx, n, nrhs, x);
    *rank = frank;
    *nresid = 0;
    if (m > n && (size_t)frank == n) {
        for (j = 0; j < nrhs; j++) {
            const nd_z *c = b_f + j * mx + n;
            double acc = 0;
            for (i = 0; i < m - n; i++)
                acc += c[i].re * c[i].re + c[i].im * c[i].im;
            resid[j] = acc;
        }
        *nresid = nrhs;
    }
    return ND_OK;
}

size_t nd_linalg_zpinv_worksize(size_t m, size_t n)
{
    size_t k = m < n ? m : n;
    return (m * n + m * k + k * n + k * m) * sizeof(nd_z)
           + k * sizeof(double) + nd_linalg_zsvd_worksize(m, n, 1, 0);
}

NdError nd_linalg_zpinv(size_t m, size_t n, const nd_complex128 *a,
                        double rcond, nd_complex128 *out, void *work,
                        NdErr *err)
{
    size_t k = m < n ? m : n, i, j;
    nd_z *ac = work, *u = ac + m * n, *vt = u + m * k, *t = vt + k * n;
    nd_z one = {1.0, 0.0}, zero = {0.0, 0.0};
    double *s = (double *)(t + k * m), cutoff, smax;
    NdError e;

    /* numpy conjugates a first, then works as for real input */
    for (i = 0; i < m * n; i++) {
        ac[i].re = a[i].re;
        ac[i].im = -a[i].im;
    }
    e = nd_linalg_zsvd(m, n, ac, s, u, vt, 0, s + k, err);
    if (e != ND_OK)
        return e;
    if (k == 0) {
        memset(out, 0, m * n * sizeof *out);
        return ND_OK;
    }
    smax = s[0];
    for (i = 1; i < k; i++)
        if (s[i] > smax)
            smax = s[i];
    cutoff = rcond * smax;
    for (i = 0; i < k; i++)
        s[i] = s[i] > cutoff ? 1.0 / s[i] : 0.0;
    /* t = s[:, None] * u.T: a real times a complex, as NumPy's multiply
    ** promotes s to complex (s + 0j) and multiplies out */
    for (i = 0; i < k; i++)
        for (j = 0; j < m; j++) {
            nd_z sz = {s[i], 0.0};
            t[i * m + j] = nd_zmul(sz, u[j * k + i]);
        }
    cblas_zgemm(ND_CBLAS_ROW, ND_CBLAS_TRANS, ND_CBLAS_NOTRANS, (int)n,
                (int)m, (int)k, &one, vt, (int)n, t, (int)m, &zero, out,
                (int)m);
    return ND_OK;
}

/* ---- BLAS --------------------------------------------------------------- */

/* NumPy's matmul hands C-contiguous operands to cblas_dgemm row-major
** with no transposes, alpha 1 and beta 0: so do we, for equal bits. */
void nd_blas_dgemm(size_t m, size_t n, size_t k, const double *a,
                   const double *b, double *c)
{
    cblas_dgemm(ND_CBLAS_ROW, ND_CBLAS_NOTRANS, ND_CBLAS_NOTRANS, (int)m,
                (int)n, (int)k, 1.0, a, (int)k, b, (int)n, 0.0, c, (int)n);
}

void nd_blas_gemm(int single, int transa, int transb, int m, int n, int k,
                  const void *a, int lda, const void *b, int ldb, void *c,
                  int ldc)
{
    int ta = transa ? ND_CBLAS_TRANS : ND_CBLAS_NOTRANS;
    int tb = transb ? ND_CBLAS_TRANS : ND_CBLAS_NOTRANS;
    if (single)
        cblas_sgemm(ND_CBLAS_ROW, ta, tb, m, n, k, 1.0f, a, lda, b, ldb,
                    0.0f, c, ldc);
    else
        cblas_dgemm(ND_CBLAS_ROW, ta, tb, m, n, k, 1.0, a, lda, b, ldb, 0.0,
                    c, ldc);
}

void nd_blas_syrk(int single, int trans, int n, int k, const void *a,
                  int lda, void *c, int ldc)
{
    int t = trans ? ND_CBLAS_TRANS : ND_CBLAS_NOTRANS;
    if (single)
        cblas_ssyrk(ND_CBLAS_ROW, ND_CBLAS_UPPER, t, n, k, 1.0f, a, lda,
                    0.0f, c, ldc);
    else
        cblas_dsyrk(ND_CBLAS_ROW, ND_CBLAS_UPPER, t, n, k, 1.0, a, lda, 0.0,
                    c, ldc);
}

void nd_blas_gemv(int single, int colmajor, int m, int n, const void *a,
                  int lda, const void *x, int incx, void *y, int incy)
{
    int order = colmajor ? ND_CBLAS_COL : ND_CBLAS_ROW;
    if (single)
        cblas_sgemv(order, ND_CBLAS_TRANS, m, n, 1.0f, a, lda, x, incx, 0.0f,
                    y, incy);
    else
        cblas_dgemv(order, ND_CBLAS_TRANS, m, n, 1.0, a, lda, x, incx, 0.0,
                    y, incy);
}

double nd_blas_dot(int single, int n, const void *x, int incx,
                   const void *y, int incy)
{
    if (single)
        return cblas_sdot(n, x, incx, y, incy);
    return cblas_ddot(n, x, incx, y, incy);
}
