/*
** nd_linalg.h - numpy.linalg on contiguous row-major float64 and complex128.
**
** Each function makes the same LAPACK call NumPy 1.24 makes, on the same
** Fortran-ordered copy with the same workspace size, so results carry
** NumPy's bits (it links the same system LAPACK/BLAS). The caller owns
** every buffer: inputs are read-only, outputs are filled, and scratch is
** `work`, at least the matching _worksize bytes (8-byte aligned). Errors
** return an NdError and NumPy's message; outputs are then unspecified.
*/
#ifndef PYPREP_ND_LINALG_H
#define PYPREP_ND_LINALG_H

#include <stddef.h>
#include <stdint.h>

#include "nd.h"

/*
** Sets OpenBLAS's thread count (when the BLAS is OpenBLAS; returns 0 and
** does nothing otherwise). OpenBLAS's results depend on it in the last
** bits (its threaded kernels split sums differently), so NumPy's bits
** are those of NumPy run with the same count; the tests and their oracle
** use 1, as should the sandbox worker (no threads under seccomp).
** Also makes one tiny LAPACK call, so that OpenBLAS maps its work buffer
** here: call it before forking a seccomp'd worker (which may not mbind).
*/
int nd_linalg_set_threads(int n);

/*
** OpenBLAS's build and kernel description ("OpenBLAS 0.3.21 ... Haswell
** ..."), or NULL when the BLAS is not OpenBLAS. Borrowed, static. NumPy's
** bits are reproducible only under the same library, kernels and thread
** count; the test uses this to know whether to demand them.
*/
const char *nd_linalg_blas_config(void);

/* ND_ELINALG "Last 2 dimensions of the array must be square" unless
** rows == cols; a helper for the binding's shape checks. */
NdError nd_linalg_check_square(int64_t rows, int64_t cols, NdErr *err);

/* ND_ELINALG "Array must not contain infs or NaNs" (eig, eigvals). */
NdError nd_linalg_check_finite(const double *a, size_t n, NdErr *err);

/*
** det(a) of an n x n matrix: LU (dgetrf), then NumPy's sign * exp(sum of
** log|u_ii|) - which is why det([[1,2],[3,4]]) is -2.0000000000000004.
** A singular factorisation gives 0.0. slogdet gives the two parts.
*/
size_t nd_linalg_det_worksize(size_t n);
NdError nd_linalg_det(size_t n, const double *a, double *det, void *work,
                      NdErr *err);
NdError nd_linalg_slogdet(size_t n, const double *a, double *sign,
                          double *logdet, void *work, NdErr *err);

/*
** solve(a, b): a is n x n, b is n x nrhs (a vector b is nrhs = 1), x is
** n x nrhs. inv(a): out is n x n (dgesv against the identity). Errors:
** ND_ELINALG "Singular matrix".
*/
size_t nd_linalg_solve_worksize(size_t n, size_t nrhs);
NdError nd_linalg_solve(size_t n, size_t nrhs, const double *a,
                        const double *b, double *x, void *work, NdErr *err);
size_t nd_linalg_inv_worksize(size_t n);
NdError nd_linalg_inv(size_t n, const double *a, double *out, void *work,
                      NdErr *err);

/*
** eig(a) (dgeev): w gets n eigenvalues and v (NULL for eigvals) the n x n
** eigenvectors as columns, both complex; *all_real is set when every
** imaginary part is 0, in which case NumPy returns the real parts as
** float64 arrays. Errors: ND_ELINALG "Eigenvalues did not converge".
*/
size_t nd_linalg_eig_worksize(size_t n, int vectors);
NdError nd_linalg_eig(size_t n, const double *a, nd_complex128 *w,
                      nd_complex128 *v, int *all_real, void *work,
                      NdErr *err);

/*
** eigh(a, UPLO) (dsyevd): w ascending, v (NULL for eigvalsh) the
** eigenvectors as columns; only the lower triangle of a is read (upper
** triangle when upper != 0, UPLO='U'; LAPACK then reduces differently,
** so the bits differ). Errors: ND_ELINALG "Eigenvalues did not converge".
*/
size_t nd_linalg_eigh_worksize(size_t n, int vectors);
NdError nd_linalg_eigh(size_t n, const double *a, int upper, double *w,
                       double *v, void *work, NdErr *err);

/*
** svd(a) (dgesdd) of an m x n matrix, k = min(m, n): s gets k singular
** values, descending. u and vt NULL: compute_uv=False. Otherwise
** full != 0 gives u m x m and vt n x n, full == 0 u m x k and vt k x n.
** Errors: ND_ELINALG "SVD did not converge".
*/
size_t nd_linalg_svd_worksize(size_t m, size_t n, int uv, int full);
NdError nd_linalg_svd(size_t m, size_t n, const double *a, double *s,
                      double *u, double *vt, int full, void *work,
                      NdErr *err);

/*
** matrix_rank(a) of an m x n matrix: singular values above
** S.max() * max(m, n) * eps (tol < 0), or above tol. Errors as svd.
*/
size_t nd_linalg_matrix_rank_worksize(size_t m, size_t n);
NdError nd_linalg_matrix_rank(size_t m, size_t n, const double *a,
                              double tol, int64_t *rank, void *work,
                              NdErr *err);

/*
** lstsq(a, b, rcond) (dgelsd): a m x n, b m x nrhs, x n x nrhs, s gets
** min(m, n) singular values, *rank the effective rank. rcond NaN means
** rcond=None (eps * max(m, n)). resid gets nrhs sums of squared
** residuals and *nresid = nrhs only when rank == n and m > n; otherwise
** *nresid = 0 (NumPy returns an empty array). Errors: ND_ELINALG "SVD
** did not converge in Linear Least Squares".
*/
size_t nd_linalg_lstsq_worksize(size_t m, size_t n, size_t nrhs);
NdError nd_linalg_lstsq(size_t m, size_t n, size_t nrhs, const double *a,
                        const double *b, double rcond, double *x,
                        double *resid, size_t *nresid, int64_t *rank,
                        double *s, void *work, NdErr *err);

/*
** pinv(a, rcond=1e-15) of an m x n matrix into out (n x m): reduced SVD,
** small singular values dropped, vt.T @ (s^-1 * u.T) through dgemm as
** NumPy's matmul does. Errors as svd.
*/
size_t nd_linalg_pinv_worksize(size_t m, size_t n);
NdError nd_linalg_pinv(size_t m, size_t n, const double *a, double rcond,
                       double *out, void *work, NdErr *err);

/*
** qr(a, mode) (dgeqrf + dorgqr): a m x n, k = min(m, n). complete == 0
** (mode='reduced'): q is m x k, r k x n. complete != 0 ('complete'): q
** is m x m, r m x n. r is upper triangular.
*/
size_t nd_linalg_qr_worksize(size_t m, size_t n, int complete);
NdError nd_linalg_qr(size_t m, size_t n, const double *a, int complete,
                     double *q, double *r, void *work, NdErr *err);

/*
** cholesky(a) (dpotrf, lower): out = L with a = L @ L.T, upper part 0.
** Errors: ND_ELINALG "Matrix is not positive definite".
*/
size_t nd_linalg_cholesky_worksize(size_t n);
NdError nd_linalg_cholesky(size_t n, const double *a, double *out,
                           void *work, NdErr *err);

/*
** norm. nd_linalg_norm_flat: norm(x) with axis=None and ord None (any
** ndim), 'fro' (2-d) or 2 (1-d): sqrt(x.dot(x)) through BLAS ddot, as
** NumPy. nd_linalg_vector_norms: `count` vectors of length n, vector i
** starting at x + i * vstride, elements `estride` apart (in doubles),
** for norm(x, ord, axis=k); ord is a number (+-INFINITY, 0, 1, 2, p;
** NaN means None = 2). NumPy sums a unit-stride axis pairwise and
** other axes of a C-contiguous array in order; estride == 1 selects the
** former. nd_linalg_matrix_norm: an m x n matrix with ord one of
** ND_NORM_FRO, ND_NORM_NUC or a number 1, -1, 2, -2, +-INFINITY;
** ND_EVALUE "Invalid norm order for matrices." otherwise.
*/
#define ND_NORM_FRO 1000.0
#define ND_NORM_NUC 1001.0
double nd_linalg_norm_flat(const double *x, size_t n);
void nd_linalg_vector_norms(const double *x, size_t count, ptrdiff_t vstride,
                            size_t n, ptrdiff_t estride, double ord,
                            double *out);
size_t nd_linalg_matrix_norm_worksize(size_t m, size_t n);
NdError nd_linalg_matrix_norm(size_t m, size_t n, const double *a,
                              double ord, double *out, void *work,
                              NdErr *err);

/*
** complex128 inputs, with NumPy's z-routines: the same contracts as the
** real functions above (det: sign * exp(logdet) with a complex sign;
** eig: complex results always; eigh: real eigenvalues, Hermitian a,
** lower triangle read; svd: real singular values).
*/
size_t nd_linalg_zdet_worksize(size_t n);
NdError nd_linalg_zdet(size_t n, const nd_complex128 *a, nd_complex128 *det,
                       void *work, NdErr *err);
NdError nd_linalg_zslogdet(size_t n, const nd_complex128 *a,
                           nd_complex128 *sign, double *logdet, void *work,
                           NdErr *err);
size_t nd_linalg_zsolve_worksize(size_t n, size_t nrhs);
NdError nd_linalg_zsolve(size_t n, size_t nrhs, const nd_complex128 *a,
                         const nd_complex128 *b, nd_complex128 *x,
                         void *work, NdErr *err);
size_t nd_linalg_zinv_worksize(size_t n);
NdError nd_linalg_zinv(size_t n, const nd_complex128 *a, nd_complex128 *out,
                       void *work, NdErr *err);
size_t nd_linalg_zeig_worksize(size_t n, int vectors);
NdError nd_linalg_zeig(size_t n, const nd_complex128 *a, nd_complex128 *w,
                       nd_complex128 *v, void *work, NdErr *err);
size_t nd_linalg_zeigh_worksize(size_t n, int vectors);
NdError nd_linalg_zeigh(size_t n, const nd_complex128 *a, int upper,
                        double *w, nd_complex128 *v, void *work, NdErr *err);
size_t nd_linalg_zcholesky_worksize(size_t n);
NdError nd_linalg_zcholesky(size_t n, const nd_complex128 *a,
                            nd_complex128 *out, void *work, NdErr *err);
size_t nd_linalg_zsvd_worksize(size_t m, size_t n, int uv, int full);
NdError nd_linalg_zsvd(size_t m, size_t n, const nd_complex128 *a,
                       double *s, nd_complex128 *u, nd_complex128 *vt,
                       int full, void *work, NdErr *err);

/* complex matrix_rank, lstsq (resid real), qr, pinv: as the real ones */
size_t nd_linalg_zmatrix_rank_worksize(size_t m, size_t n);
NdError nd_linalg_zmatrix_rank(size_t m, size_t n, const nd_complex128 *a,
                               double tol, int64_t *rank, void *work,
                               NdErr *err);
size_t nd_linalg_zlstsq_worksize(size_t m, size_t n, size_t nrhs);
NdError nd_linalg_zlstsq(size_t m, size_t n, size_t nrhs,
                         const nd_complex128 *a, const nd_complex128 *b,
                         double rcond, nd_complex128 *x, double *resid,
                         size_t *nresid, int64_t *rank, double *s,
                         void *work, NdErr *err);
size_t nd_linalg_zqr_worksize(size_t m, size_t n, int complete);
NdError nd_linalg_zqr(size_t m, size_t n, const nd_complex128 *a,
                      int complete, nd_complex128 *q, nd_complex128 *r,
                      void *work, NdErr *err);
size_t nd_linalg_zpinv_worksize(size_t m, size_t n);
NdError nd_linalg_zpinv(size_t m, size_t n, const nd_complex128 *a,
                        double rcond, nd_complex128 *out, void *work,
                        NdErr *err);

/*
** BLAS, as NumPy's matmul calls it for C-contiguous float64 operands:
** c (m x n) = a (m x k) @ b (k x n), row-major, through cblas_dgemm.
** nd_blas_ddot: x . y for n contiguous doubles (cblas_ddot).
*/
void nd_blas_dgemm(size_t m, size_t n, size_t k, const double *a,
                   const double *b, double *c);
double nd_blas_ddot(size_t n, const double *x, const double *y);

/*
** np.dot of a and b with at most two dims each (engine/nd_dot.c): as
** nd_matmul (same out, same prepare), but float operands NumPy's dot
** copies before BLAS - negative or zero strides, matrices neither C nor
** Fortran contiguous - are copied into scratch (nd_dot_scratch bytes)
** first, so results carry dot's bits where they differ from matmul's.
** Other dtypes and shapes go to nd_matmul unchanged.
*/
size_t nd_dot_scratch(const NdArray *a, const NdArray *b,
                      const NdArray *out);
NdError nd_dot(const NdArray *a, const NdArray *b, NdArray *out,
               void *scratch, NdErr *e);

/*
** The CBLAS calls behind NumPy's float matmul and dot (nd_dot.c decides
** which, as NumPy's loops do). `single` selects float32 (s*) over
** float64 (d*); alpha is 1 and beta 0 throughout; lda/ldb/ldc and incs are
** in elements. trans: 0 NoTrans, 1 Trans. gemm and syrk are row-major;
** syrk fills c's upper triangle only (NumPy copies it down). gemv is
** always Trans, row-major or column-major (colmajor != 0), m x n as
** cblas_?gemv counts them. nd_blas_dot returns ?dot's value (float32's
** widened to double).
*/
void nd_blas_gemm(int single, int transa, int transb, int m, int n, int k,
                  const void *a, int lda, const void *b, int ldb, void *c,
                  int ldc);
void nd_blas_syrk(int single, int trans, int n, int k, const void *a,
                  int lda, void *c, int ldc);
void nd_blas_gemv(int single, int colmajor, int m, int n, const void *a,
                  int lda, const void *x, int incx, void *y, int incy);
double nd_blas_dot(int single, int n, const void *x, int incx,
                   const void *y, int incy);

#endif
