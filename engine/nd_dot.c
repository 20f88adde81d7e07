/*
** nd_dot.c - matrix products.
**
** float32/float64 blocks go to BLAS exactly where NumPy 1.24's matmul
** loop sends them (gemm, syrk for a @ a.T, gemv, dot), with its calls, so
** results carry NumPy's bits. Everything else - integer dtypes, strides
** BLAS cannot take - runs one blocked i-k-j kernel per real dtype whose
** every output element adds its terms in ascending k order from zero, as
** NumPy's plain loop does.
*/
#include "nd_int.h"
#include "nd_linalg.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(__clang__)
#pragma clang diagnostic ignored "-Wtautological-compare"
#elif defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wtype-limits"
#endif

#define JB 256
#define KB 128

#define MM(E, T, U, K)                                                     \
    static void mm_##E(const T *A, const T *B, T *C, int64_t m, int64_t k, \
                       int64_t n)                                          \
    {                                                                      \
        for (int64_t i = 0; i < m * n; i++)                                \
            C[i] = 0;                                                      \
        for (int64_t jj = 0; jj < n; jj += JB) {                           \
            int64_t je = jj + JB < n ? jj + JB : n;                        \
            for (int64_t kk = 0; kk < k; kk += KB) {                       \
                int64_t ke = kk + KB < k ? kk + KB : k;                    \
                for (int64_t i = 0; i < m; i++) {                          \
                    T *c = C + i * n;                                      \
                    for (int64_t p = kk; p < ke; p++) {                    \
                        const T aik = A[i * k + p];                        \
                        const T *b = B + p * n;                            \
                        if (K == 'b') {                                    \
                            if (aik)                                       \
                                for (int64_t j = jj; j < je; j++)          \
                                    c[j] = (T)(c[j] || b[j]);              \
                        } else if (K == 'f') {                             \
                            for (int64_t j = jj; j < je; j++)              \
                                c[j] += aik * b[j];                        \
                        } else {                                           \
                            for (int64_t j = jj; j < je; j++)              \
                                c[j] = (T)((U)c[j] +                       \
                                           (U)((uint64_t)aik *             \
                                               (uint64_t)b[j]));           \
                        }                                                  \
                    }                                                      \
                }                                                          \
            }                                                              \
        }                                                                  \
    }
ND_REAL_DTYPES(MM)

typedef void (*MmFn)(const void *, const void *, void *, int64_t, int64_t,
                     int64_t);
static const MmFn mm_fns[ND_NTYPES] = {
#define X(E, T, U, K) [ND_##E] = (MmFn)mm_##E,
    ND_REAL_DTYPES(X)
#undef X
};

/*
** Where BLAS sits. There is no size threshold: NumPy hands every float
** block with BLAS-able strides to OpenBLAS, even 2x2, and OpenBLAS's
** kernels (FMA, several accumulators) round differently from a plain
** loop (NumPy 1.24: 312 of 350 random n x n products, n = 2..8, differ
** from the loop in some bit), so a threshold would print digits NumPy
** does not. It costs nothing measurable: cblas_dgemm beats the loop from
** n = 8 and loses ~0.05 us below (docs/random-linalg.md).
**
** NumPy's is_blasable2d: rows is1 bytes apart, each row of d2 elements
** unit-stride (is2 == itemsize), is1 a whole number of elements >= d2.
*/
#define BLAS_MAXSIZE (INT_MAX - 1)

static int blasable(int64_t is1, int64_t is2, int64_t d2, int64_t sz)
{
    return is2 == sz && is1 % sz == 0 && is1 / sz >= d2 &&
           is1 / sz <= BLAS_MAXSIZE;
}

/* NumPy's blas_stride: the element stride BLAS can take, or 0. */
static int blas_stride(int64_t s, int64_t sz)
{
    if (s > 0 && s % sz == 0 && s / sz <= INT_MAX)
        return (int)(s / sz);
    return 0;
}

/* NumPy's FLOAT_dot/DOUBLE_dot: ?dot added to a double 0 (so -0 comes
** back +0), or an in-order loop in the dtype when a stride is not
** BLAS-able. n > 0. */
static void dot_into(int single, int64_t n, const char *x, int64_t sx,
                     const char *y, int64_t sy, char *out)
{
    int64_t sz = single ? 4 : 8, i;
    int ix = blas_stride(sx, sz), iy = blas_stride(sy, sz);
    if (ix && iy && n <= INT_MAX) {
        double sum = 0.;
        sum += nd_blas_dot(single, (int)n, x, ix, y, iy);
        if (single)
            *(float *)out = (float)sum;
        else
            *(double *)out = sum;
    } else if (single) {
        float sum = 0;
        for (i = 0; i < n; i++)
            sum += *(const float *)(x + i * sx) * *(const float *)(y + i * sy);
        *(float *)out = sum;
    } else {
        double sum = 0;
        for (i = 0; i < n; i++)
            sum += *(const double *)(x + i * sx) *
                   *(const double *)(y + i * sy);
        *(double *)out = sum;
    }
}

/* NumPy's ?_gemv: op (m) = ip1 (m x n, strides is1_m, is1_n) @ ip2 (n,
** stride is2_n), always as a Trans call. */
static void gemv(int single, const char *ip1, int64_t is1_m, int64_t is1_n,
                 const char *ip2, int64_t is2_n, char *op, int64_t op_m,
                 int64_t m, int64_t n)
{
    int64_t sz = single ? 4 : 8;
    int col = blasable(is1_m, is1_n, n, sz);
    int64_t lda = (col ? is1_m : is1_n) / sz;
    nd_blas_gemv(single, col, (int)n, (int)m, ip1, (int)lda, ip2,
                 (int)(is2_n / sz), op, (int)(op_m / sz));
}

/* NumPy's ?_matmul_matrixmatrix: gemm, or syrk when b is a's transpose
** (same data, swapped strides), its upper triangle copied down. */
static void gemm(int single, const NdArray *a, const NdArray *b, NdArray *o)
{
    int64_t sz = single ? 4 : 8, m = a->shape[0], n = a->shape[1];
    int64_t p = b->shape[1], i, j;
    int64_t is1_m = a->strides[0], is1_n = a->strides[1];
    int64_t is2_n = b->strides[0], is2_p = b->strides[1];
    int64_t ldc = o->strides[0] / sz, lda, ldb;
    int t1 = !blasable(is1_m, is1_n, n, sz);
    int t2 = !blasable(is2_n, is2_p, p, sz);
    lda = (t1 ? is1_n : is1_m) / sz;
    ldb = (t2 ? is2_p : is2_n) / sz;
    if (a->data == b->data && m == p && is1_m == is2_p && is1_n == is2_n &&
        t1 != t2) {
        nd_blas_syrk(single, t1, (int)p, (int)n, a->data,
                     (int)(t1 ? ldb : lda), o->data, (int)ldc);
        for (i = 0; i < p; i++)
            for (j = i + 1; j < p; j++)
                memcpy(o->data + (j * ldc + i) * sz,
                       o->data + (i * ldc + j) * sz, (size_t)sz);
        return;
    }
    nd_blas_gemm(single, t1, t2, (int)m, (int)p, (int)n, a->data, (int)lda,
                 b->data, (int)ldb, o->data, (int)ldc);
}

/* What NumPy 1.24's matmul loop (umath/matmul.c.src) does with one 2-d
** block o (m x p) = a (m x n) @ b (n x p), operands in o's float dtype. */
enum { MM_LOOP, MM_DOT, MM_VECMAT, MM_MATVEC, MM_GEMM };

static int mm_plan(const NdArray *a, const NdArray *b, const NdArray *o)
{
    int64_t sz = (int64_t)nd_dtype_size(o->dtype), m = a->shape[0];
    int64_t n = a->shape[1], p = b->shape[1];
    int64_t is1_m = a->strides[0], is1_n = a->strides[1];
    int64_t is2_n = b->strides[0], is2_p = b->strides[1];
    int i1, i2;
    if (m == 0 || n == 0 || p == 0 || m > BLAS_MAXSIZE ||
        n > BLAS_MAXSIZE || p > BLAS_MAXSIZE)
        return MM_LOOP;
    i1 = blasable(is1_m, is1_n, n, sz) || blasable(is1_n, is1_m, m, sz);
    i2 = blasable(is2_n, is2_p, p, sz) || blasable(is2_p, is2_n, n, sz);
    if (m == 1 && p == 1)
        return MM_DOT;
    if (n == 1)
        return MM_LOOP; /* single products: the loop is exact */
    if (m == 1)
        return i2 && blasable(is1_n, sz, 1, sz) ? MM_VECMAT : MM_LOOP;
    if (p == 1)
        return i1 && blasable(is2_n, sz, 1, sz) ? MM_MATVEC : MM_LOOP;
    if (!i1 || !i2 || !blasable(o->strides[0], o->strides[1], p, sz))
        return MM_LOOP;
    return MM_GEMM;
}

/* Runs the block through BLAS as planned; 0 when NumPy loops instead. */
static int mm_blas(const NdArray *a, const NdArray *b, NdArray *o)
{
    int single = o->dtype == ND_FLOAT32;
    int64_t n = a->shape[1];
    switch (mm_plan(a, b, o)) {
    case MM_DOT:
        dot_into(single, n, a->data, a->strides[1], b->data, b->strides[0],
                 o->data);
        return 1;
    case MM_VECMAT:
        gemv(single, b->data, b->strides[1], b->strides[0], a->data,
             a->strides[1], o->data, o->strides[1], b->shape[1], n);
        return 1;
    case MM_MATVEC:
        gemv(single, a->data, a->strides[0], a->strides[1], b->data,
             b->strides[0], o->data, o->strides[0], a->shape[0], n);
        return 1;
    case MM_GEMM:
        gemm(single, a, b, o);
        return 1;
    default:
        return 0;
    }
}

NdError nd_matmul2d(const NdArray *a, const NdArray *b, NdArray *out,
                    NdErr *e)
{
    MmFn f = mm_fns[out->dtype];
    int64_t m = a->shape[0], k = a->shape[1], n = b->shape[1], i, j;
    int64_t sz = (int64_t)nd_dtype_size(out->dtype);
    if (!f)
        return nd_fail(e, ND_ETYPE, "matmul of %s arrays is not supported",
                       nd_dtype_name(out->dtype));
    if ((out->dtype == ND_FLOAT32 || out->dtype == ND_FLOAT64) && k > 0) {
        /* N-d np.dot: NumPy calls its dot loop once per output element,
        ** a row of a against a column of b */
        for (i = 0; i < m; i++)
            for (j = 0; j < n; j++)
                dot_into(out->dtype == ND_FLOAT32, k, a->data + i * k * sz,
                         sz, b->data + j * sz, n * sz,
                         out->data + (i * n + j) * sz);
        return ND_OK;
    }
    f(a->data, b->data, out->data, m, k, n);
    return ND_OK;
}

static const char SIG[] = "(n?,k),(k,m?)->(n?,m?)";

NdError nd_matmul_prepare(const NdArray *a, const NdArray *b, NdDType *t,
                          int *ndim, int64_t *shape, NdErr *e)
{
    if (a->ndim == 0 || b->ndim == 0)
        return nd_fail(e, ND_EVALUE,
                       "matmul: Input operand %d does not have enough "
                       "dimensions (has 0, gufunc core with signature %s "
                       "requires 1)", a->ndim == 0 ? 0 : 1, SIG);
    int64_t m = a->ndim == 1 ? 1 : a->shape[a->ndim - 2];
    int64_t k = a->shape[a->ndim - 1];
    int64_t kb = b->ndim == 1 ? b->shape[0] : b->shape[b->ndim - 2];
    int64_t n = b->ndim == 1 ? 1 : b->shape[b->ndim - 1];
    if (k != kb)
        return nd_fail(e, ND_EVALUE,
                       "matmul: Input operand 1 has a mismatch in its core "
                       "dimension 0, with gufunc signature %s (size %lld is "
                       "different from %lld)", SIG, (long long)kb,
                       (long long)k);
    /* batch dims */
    NdArray ba = *a, bb = *b;
    ba.ndim = a->ndim > 2 ? a->ndim - 2 : 0;
    bb.ndim = b->ndim > 2 ? b->ndim - 2 : 0;
    const NdArray *ops[2] = {&ba, &bb};
    int nd;
    if (nd_broadcast_shape(2, ops, &nd, shape, NULL)) {
        char s1[300], s2[300];
        nd_shape_str(s1, sizeof s1, a->ndim, a->shape);
        nd_shape_str(s2, sizeof s2, b->ndim, b->shape);
        return nd_fail(e, ND_EVALUE,
                       "operands could not be broadcast together with "
                       "remapped shapes [original->remapped]: %s->%s "
                       "%s->%s  and requested shape", s1, s1, s2, s2);
    }
    if (a->ndim > 1)
        shape[nd++] = m;
    if (b->ndim > 1)
        shape[nd++] = n;
    *ndim = nd;
    *t = nd_promote_types(a->dtype, b->dtype);
    if (!mm_fns[*t])
        return nd_fail(e, ND_ETYPE, "matmul of %s arrays is not supported",
                       nd_dtype_name(*t));
    return ND_OK;
}

/* Declared here, defined below: the 2-d block at a batch index. */
static void block(NdArray *v, const NdArray *x, int is_b, int bnd,
                  const int64_t *bidx);

size_t nd_matmul_scratch(const NdArray *a, const NdArray *b,
                         const NdArray *out)
{
    int64_t m = a->ndim == 1 ? 1 : a->shape[a->ndim - 2];
    int64_t k = a->shape[a->ndim - 1];
    int64_t n = b->ndim == 1 ? 1 : b->shape[b->ndim - 1];
    size_t isz = nd_dtype_size(out->dtype);
    if ((out->dtype == ND_FLOAT32 || out->dtype == ND_FLOAT64) &&
        a->dtype == out->dtype && b->dtype == out->dtype && k > 0 &&
        m * n > 0) {
        /* every block has the same strides: when BLAS takes the first it
        ** takes all, and no packed copies are needed (a 1024 x 1024
        ** product would otherwise reserve 24 MB it never touches) */
        int bnd = out->ndim - (a->ndim > 1) - (b->ndim > 1);
        int64_t bidx[ND_MAXDIMS] = {0};
        NdArray va, vb, vo = *out;
        block(&va, a, 0, bnd, bidx);
        block(&vb, b, 1, bnd, bidx);
        vo.ndim = 2;
        vo.shape[0] = m;
        vo.strides[0] = a->ndim > 1 ? out->strides[bnd] : 0;
        vo.shape[1] = n;
        vo.strides[1] = b->ndim > 1 ? out->strides[out->ndim - 1] : 0;
        if (mm_plan(&va, &vb, &vo) != MM_LOOP)
            return 16;
    }
    return ((size_t)(m * k) * isz + 15) / 16 * 16 + (size_t)(k * n) * isz +
           (size_t)(m * n) * isz + 32;
}

/* 2-d view of the last two dims at batch index (broadcast). */
static void block(NdArray *v, const NdArray *x, int is_b, int bnd,
                  const int64_t *bidx)
{
    *v = *x;
    v->ndim = 2;
    if (x->ndim == 1) {
        if (is_b) {
            v->shape[0] = x->shape[0];
            v->strides[0] = x->strides[0];
            v->shape[1] = 1;
            v->strides[1] = 0;
        } else {
            v->shape[0] = 1;
            v->strides[0] = 0;
            v->shape[1] = x->shape[0];
            v->strides[1] = x->strides[0];
        }
        return;
    }
    int xb = x->ndim - 2;
    for (int i = 0; i < xb; i++) {
        int j = i + (bnd - xb);
        if (x->shape[i] != 1)
            v->data += bidx[j] * x->strides[i];
    }
    v->shape[0] = x->shape[x->ndim - 2];
    v->strides[0] = x->strides[x->ndim - 2];
    v->shape[1] = x->shape[x->ndim - 1];
    v->strides[1] = x->strides[x->ndim - 1];
}

/* v (a 2-d block) of another dtype than pack's: cast it into pack's
** buffer, row-major, or column-major when v's rows are the far-apart
** axis (a transposed view), and make v that copy. */
static NdError cast_block(NdArray *v, const NdArray *pack, NdErr *e)
{
    NdArray c;
    int64_t sz = (int64_t)nd_dtype_size(pack->dtype);
    NdError err;
    if (v->dtype == pack->dtype)
        return ND_OK;
    nd_init(&c, pack->dtype, 2, v->shape, NULL);
    c.data = pack->data;
    if (llabs(v->strides[0]) < llabs(v->strides[1])) {
        c.strides[0] = sz;
        c.strides[1] = sz * v->shape[0];
    } else {
        c.strides[0] = sz * v->shape[1];
        c.strides[1] = sz;
    }
    if ((err = nd_assign(&c, v, e)))
        return err;
    *v = c;
    return ND_OK;
}

NdError nd_matmul(const NdArray *a, const NdArray *b, NdArray *out,
                  void *scratch, NdErr *e)
{
    NdDType t = out->dtype;
    int64_t m = a->ndim == 1 ? 1 : a->shape[a->ndim - 2];
    int64_t k = a->shape[a->ndim - 1];
    int64_t n = b->ndim == 1 ? 1 : b->shape[b->ndim - 1];
    size_t isz = nd_dtype_size(t);
    int bnd = out->ndim - (a->ndim > 1) - (b->ndim > 1);
    int64_t bidx[ND_MAXDIMS] = {0}, nb = 1;
    for (int i = 0; i < bnd; i++)
        nb *= out->shape[i];
    if (m * n == 0 || nb == 0)
        return ND_OK;
    NdArray pa, pb, pc;
    int64_t sa[2] = {m, k}, sb[2] = {k, n}, sc[2] = {m, n};
    nd_init(&pa, t, 2, sa, NULL);
    nd_init(&pb, t, 2, sb, NULL);
    nd_init(&pc, t, 2, sc, NULL);
    pa.data = scratch;
    pb.data = (char *)scratch + ((size_t)(m * k) * isz + 15) / 16 * 16;
    pc.data = pb.data + (size_t)(k * n) * isz;
    /* align pc to its itemsize */
    pc.data = (char *)(((uintptr_t)pc.data + 15) & ~(uintptr_t)15);
    int fl = t == ND_FLOAT32 || t == ND_FLOAT64;
    for (int64_t q = 0; q < nb; q++) {
        NdArray va, vb, vo = *out;
        NdError err;
        block(&va, a, 0, bnd, bidx);
        block(&vb, b, 1, bnd, bidx);
        vo.ndim = 2;
        for (int i = 0; i < bnd; i++)
            vo.data += bidx[i] * out->strides[i];
        vo.shape[0] = m;
        vo.strides[0] = a->ndim > 1 ? out->strides[bnd] : 0;
        vo.shape[1] = n;
        vo.strides[1] = b->ndim > 1 ? out->strides[out->ndim - 1] : 0;
        if (fl && k > 0) {
            /* NumPy casts an operand of another dtype first; the cast
            ** copy keeps the operand's layout (a.T stays transposed) */
            NdArray ca = va, cb = vb;
            if ((err = cast_block(&ca, &pa, e)) ||
                (err = cast_block(&cb, &pb, e)))
                return err;
            if (mm_blas(&ca, &cb, &vo))
                goto next;
        }
        if (k > 0) {
            if ((err = nd_assign(&pa, &va, e)) ||
                (err = nd_assign(&pb, &vb, e)))
                return err;
        }
        mm_fns[t](pa.data, pb.data, pc.data, m, k, n);
        if ((err = nd_assign(&vo, &pc, e)))
            return err;
    next:
        for (int i = bnd - 1; i >= 0; i--) {
            if (++bidx[i] < out->shape[i])
                break;
            bidx[i] = 0;
        }
    }
    return ND_OK;
}

/*
** np.dot of operands with at most two dims. NumPy 1.24 sends float ones
** to cblas_matrixproduct, which first copies (C order, in the result
** dtype) an operand with a negative stride or a zero stride over more
** than one element, and a matrix - both dims > 1 - that is neither C
** nor Fortran contiguous; matmul would run its plain loop on such
** operands instead. After those copies dot's BLAS calls are matmul's.
*/
static int dot_copy(const NdArray *x, NdDType t)
{
    int i, matrix = x->ndim == 2 && x->shape[0] > 1 && x->shape[1] > 1;
    if (x->dtype != t)
        return 1;
    for (i = 0; i < x->ndim; i++)
        if (x->strides[i] < 0 || (x->strides[i] == 0 && x->shape[i] > 1))
            return 1;
    return matrix &&
           !(x->flags & (ND_C_CONTIGUOUS | ND_F_CONTIGUOUS));
}

/* The operand NumPy's dot multiplies: x itself or a C-order copy placed
** at *at (advanced past it) when scratch is given. */
static NdError dot_operand(const NdArray *x, NdDType t, char **at,
                           size_t *bytes, NdArray *v, NdErr *e)
{
    size_t n = (size_t)nd_size(x) * nd_dtype_size(t);
    NdError err;
    *v = *x;
    if (!dot_copy(x, t))
        return ND_OK;
    *bytes += (n + 15) / 16 * 16;
    nd_init(v, t, x->ndim, x->shape, NULL);
    if (!*at)
        return ND_OK;
    v->data = *at;
    *at += (n + 15) / 16 * 16;
    if ((err = nd_assign(v, x, e)))
        return err;
    return ND_OK;
}

static int dot_blas(const NdArray *a, const NdArray *b, const NdArray *out)
{
    NdDType t = out->dtype;
    return (t == ND_FLOAT32 || t == ND_FLOAT64) && a->ndim >= 1 &&
           a->ndim <= 2 && b->ndim >= 1 && b->ndim <= 2;
}

size_t nd_dot_scratch(const NdArray *a, const NdArray *b, const NdArray *out)
{
    NdArray va, vb;
    NdErr e;
    char *none = NULL;
    size_t bytes = 0;
    if (!dot_blas(a, b, out))
        return nd_matmul_scratch(a, b, out);
    dot_operand(a, out->dtype, &none, &bytes, &va, &e);
    dot_operand(b, out->dtype, &none, &bytes, &vb, &e);
    return bytes + nd_matmul_scratch(&va, &vb, out) + 16;
}

NdError nd_dot(const NdArray *a, const NdArray *b, NdArray *out,
               void *scratch, NdErr *e)
{
    NdArray va, vb;
    char *at = (char *)(((uintptr_t)scratch + 15) & ~(uintptr_t)15);
    size_t bytes = 0;
    NdError err;
    if (!dot_blas(a, b, out))
        return nd_matmul(a, b, out, scratch, e);
    if ((err = dot_operand(a, out->dtype, &at, &bytes, &va, e)) ||
        (err = dot_operand(b, out->dtype, &at, &bytes, &vb, e)))
        return err;
    return nd_matmul(&va, &vb, out, at, e);
}
