/*
** nd_reduce.c - reductions, scans, quantiles, counting.
**
** A reduction runs the iterator over (out, a) where out is broadcast
** with stride 0 along the reduced axes: when the innermost run is a
** reduced axis, kernels sum it pairwise exactly as NumPy does (blocks of
** 8 accumulators, 8192-element chunks); otherwise they accumulate
** element-wise into a contiguous row of out.
*/
#include "nd_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#if defined(__clang__)
#pragma clang diagnostic ignored "-Wtautological-compare"
#pragma clang diagnostic ignored "-Wtautological-unsigned-zero-compare"
#elif defined(__GNUC__)
#pragma GCC diagnostic ignored "-Wtype-limits"
#endif
/* No FMA contraction in any kernel level (gcc: -std=c11 implies it). */
#if defined(__clang__)
#pragma STDC FP_CONTRACT OFF
#endif

NdDType nd_sum_dtype(NdDType t)
{
    switch (nd_dtype_kind(t)) {
    case 'b': case 'i': return ND_INT64;
    case 'u': return ND_UINT64;
    default: return t;
    }
}

/* ---- NumPy's pairwise summation of f(x) over a strided run ---- */
#define PAIRWISE(NAME, T, XF)                                              \
    static T NAME(const char *a, int64_t n, ptrdiff_t s, T m)              \
    {                                                                      \
        (void)m;                                                           \
        if (n < 8) {                                                       \
            T res = 0;                                                     \
            for (int64_t i = 0; i < n; i++) {                              \
                T x = *(const T *)(a + i * s);                             \
                res += XF;                                                 \
            }                                                              \
            return res;                                                    \
        } else if (n <= 128) {                                             \
            T r[8], res;                                                   \
            int64_t i;                                                     \
            for (int j = 0; j < 8; j++) {                                  \
                T x = *(const T *)(a + j * s);                             \
                r[j] = XF;                                                 \
            }                                                              \
            if (s == sizeof(T)) { /* unit stride: vectorises */           \
                const T *v = (const T *)a;                                 \
                for (i = 8; i < n - (n % 8); i += 8)                       \
                    for (int j = 0; j < 8; j++) {                          \
                        T x = v[i + j];                                    \
                        r[j] += XF;                                        \
                    }                                                      \
            } else {                                                       \
                for (i = 8; i < n - (n % 8); i += 8)                       \
                    for (int j = 0; j < 8; j++) {                          \
                        T x = *(const T *)(a + (i + j) * s);               \
                        r[j] += XF;                                        \
                    }                                                      \
            }                                                              \
            res = ((r[0] + r[1]) + (r[2] + r[3])) +                        \
                  ((r[4] + r[5]) + (r[6] + r[7]));                         \
            for (; i < n; i++) {                                           \
                T x = *(const T *)(a + i * s);                             \
                res += XF;                                                 \
            }                                                              \
            return res;                                                    \
        } else {                                                           \
            int64_t n2 = n / 2;                                            \
            n2 -= n2 % 8;                                                  \
            return NAME(a, n2, s, m) + NAME(a + n2 * s, n - n2, s, m);     \
        }                                                                  \
    }
PAIRWISE(pw_sum_f32, float, x)
PAIRWISE(pw_sum_f64, double, x)
PAIRWISE(pw_sq_f32, float, (x - m) * (x - m))
PAIRWISE(pw_sq_f64, double, (x - m) * (x - m))

/* ---- reduction kernels: p[0] accumulator (out), p[1] input ---- */

#define RED_FLOAT(E, T, PW, PWSQ)                                          \
    static void rsum_##E(int64_t n, char **p, const ptrdiff_t *s, void *u) \
    {                                                                      \
        (void)u;                                                           \
        if (s[0] == 0) {                                                   \
            /* NumPy restarts the pairwise sum every buffer (8192) */      \
            for (int64_t o = 0; o < n; o += ND_BUFSIZE)                    \
                *(T *)p[0] += PW(p[1] + o * s[1],                          \
                                 n - o < ND_BUFSIZE ? n - o : ND_BUFSIZE,  \
                                 s[1], 0);                                 \
        } else if (s[0] == sizeof(T) && s[1] == sizeof(T)) {               \
            T *o = (T *)p[0];                                              \
            const T *x = (const T *)p[1];                                  \
            for (int64_t i = 0; i < n; i++)                                \
                o[i] += x[i];                                              \
        } else {                                                           \
            for (int64_t i = 0; i < n; i++)                                \
                *(T *)(p[0] + i * s[0]) += *(const T *)(p[1] + i * s[1]);  \
        }                                                                  \
    }                                                                      \
    /* p[2] is the mean (broadcast like the accumulator). */               \
    static void rsq_##E(int64_t n, char **p, const ptrdiff_t *s, void *u)  \
    {                                                                      \
        (void)u;                                                           \
        if (s[0] == 0 && s[2] == 0) {                                      \
            for (int64_t o = 0; o < n; o += ND_BUFSIZE)                    \
                *(T *)p[0] += PWSQ(p[1] + o * s[1],                        \
                                   n - o < ND_BUFSIZE ? n - o : ND_BUFSIZE, \
                                   s[1], *(const T *)p[2]);                \
        } else {                                                           \
            for (int64_t i = 0; i < n; i++) {                              \
                T d = *(const T *)(p[1] + i * s[1]) -                      \
                      *(const T *)(p[2] + i * s[2]);                       \
                *(T *)(p[0] + i * s[0]) += d * d;                          \
            }                                                              \
        }                                                                  \
    }
RED_FLOAT(FLOAT32, float, pw_sum_f32, pw_sq_f32)
RED_FLOAT(FLOAT64, double, pw_sum_f64, pw_sq_f64)

#define RED_INT(E, T, U)                                                   \
    static void rsum_##E(int64_t n, char **p, const ptrdiff_t *s, void *u) \
    {                                                                      \
        (void)u;                                                           \
        if (s[0] == 0) {                                                   \
            U r[8] = {0};                                                  \
            int64_t i = 0;                                                 \
            if (s[1] == sizeof(T)) {                                       \
                const T *a = (const T *)p[1];                              \
                for (; i + 8 <= n; i += 8)                                 \
                    for (int j = 0; j < 8; j++)                            \
                        r[j] += (U)a[i + j];                               \
            }                                                              \
            for (; i < n; i++)                                             \
                r[0] += (U) * (const T *)(p[1] + i * s[1]);                \
            U t = *(U *)p[0];                                              \
            for (int j = 0; j < 8; j++)                                    \
                t += r[j];                                                 \
            *(U *)p[0] = t;                                                \
        } else {                                                           \
            for (int64_t i = 0; i < n; i++)                                \
                *(U *)(p[0] + i * s[0]) += (U) * (const T *)(p[1] + i * s[1]); \
        }                                                                  \
    }
RED_INT(INT64, int64_t, uint64_t)
RED_INT(UINT64, uint64_t, uint64_t)

/* AVX2 copies of the sum kernels, picked at run time like nd_ufunc.c's
** (PYPREP_ND_NOSIMD=1 keeps the baseline ones). Same operations in the
** same order (pairwise blocks, 8 accumulators, no FMA): identical sums. */
#if ND_AVX2
ND_AVX2_BEGIN
PAIRWISE(pw_sum_f32_avx2, float, x)
PAIRWISE(pw_sum_f64_avx2, double, x)
PAIRWISE(pw_sq_f32_avx2, float, (x - m) * (x - m))
PAIRWISE(pw_sq_f64_avx2, double, (x - m) * (x - m))
RED_FLOAT(FLOAT32_avx2, float, pw_sum_f32_avx2, pw_sq_f32_avx2)
RED_FLOAT(FLOAT64_avx2, double, pw_sum_f64_avx2, pw_sq_f64_avx2)
RED_INT(INT64_avx2, int64_t, uint64_t)
RED_INT(UINT64_avx2, uint64_t, uint64_t)
ND_AVX2_END
#endif
static int red_avx2; /* set by red_init */

/*
** Sum of R contiguous rows of C elements into the C-element row out, as
** the iterator's row-by-row o[i] += x[i] would do it (NumPy's order for
** an axis-0 sum), but four rows per pass over out: each element still
** gets ((o + x0) + x1) + ... in row order, so the sums are identical,
** with a quarter of the loads and stores of out.
*/
#define ROWSUM(E, T, U)                                                    \
    static void KNAME(rows, E)(int64_t R, int64_t C, const char *a,        \
                               char *out)                                  \
    {                                                                      \
        T *o = (T *)out;                                                   \
        const T *x = (const T *)a;                                         \
        int64_t r = 0;                                                     \
        for (; r + 4 <= R; r += 4) {                                       \
            const T *x0 = x + r * C, *x1 = x0 + C, *x2 = x1 + C,           \
                    *x3 = x2 + C;                                          \
            for (int64_t i = 0; i < C; i++) {                              \
                U acc = (U)o[i];                                           \
                acc += (U)x0[i];                                           \
                acc += (U)x1[i];                                           \
                acc += (U)x2[i];                                           \
                acc += (U)x3[i];                                           \
                o[i] = (T)acc;                                             \
            }                                                              \
        }                                                                  \
        for (; r < R; r++) {                                               \
            const T *x0 = x + r * C;                                       \
            for (int64_t i = 0; i < C; i++)                                \
                o[i] = (T)((U)o[i] + (U)x0[i]);                            \
        }                                                                  \
    }
#define ROWSUM_ALL                                                         \
    ROWSUM(FLOAT32, float, float)                                          \
    ROWSUM(FLOAT64, double, double)                                        \
    ROWSUM(INT64, int64_t, uint64_t)                                       \
    ROWSUM(UINT64, uint64_t, uint64_t)
#define KNAME(N, E) KCAT(N, E, KSFX)
#define KCAT(N, E, S) KCAT_(N, E, S)
#define KCAT_(N, E, S) N##_##E##S
#define KSFX
ROWSUM_ALL
#if ND_AVX2
#undef KSFX
#define KSFX _avx2
ND_AVX2_BEGIN
ROWSUM_ALL
ND_AVX2_END
#endif
#if ND_AVX512
#undef KSFX
#define KSFX _avx512
ND_AVX512_BEGIN
ROWSUM_ALL
ND_AVX512_END
#endif
#undef KSFX
#define KSFX

typedef void (*RowSumFn)(int64_t R, int64_t C, const char *a, char *out);
static int red_avx512; /* set by red_init */

static RowSumFn rowsum_fn(NdDType t)
{
#define RS_PICK(SFX)                                                       \
    switch (t) {                                                           \
    case ND_FLOAT32: return rows_FLOAT32##SFX;                             \
    case ND_FLOAT64: return rows_FLOAT64##SFX;                             \
    case ND_INT64: return rows_INT64##SFX;                                 \
    case ND_UINT64: return rows_UINT64##SFX;                               \
    default: return NULL;                                                  \
    }
#if ND_AVX512
    if (red_avx512)
        RS_PICK(_avx512)
#endif
#if ND_AVX2
    if (red_avx2)
        RS_PICK(_avx2)
#endif
    RS_PICK()
#undef RS_PICK
}

/* Sequential kernels for the other reductions, every real dtype. */
#define RED_SEQ(E, T, U, K)                                                \
    static void rprod_##E(int64_t n, char **p, const ptrdiff_t *s, void *u) \
    {                                                                      \
        (void)u;                                                           \
        for (int64_t i = 0; i < n; i++) {                                  \
            T *o = (T *)(p[0] + i * s[0]), x = *(const T *)(p[1] + i * s[1]); \
            *o = K == 'f' ? (T)(*o * x)                                    \
                          : (T)((uint64_t)*o * (uint64_t)x);               \
        }                                                                  \
    }                                                                      \
    static void rmax_##E(int64_t n, char **p, const ptrdiff_t *s, void *u) \
    {                                                                      \
        (void)u;                                                           \
        if (s[0] == 0 && s[1] == sizeof(T)) {                              \
            const T *a = (const T *)p[1];                                  \
            T m = *(T *)p[0];                                              \
            for (int64_t i = 0; i < n; i++)                                \
                m = (m >= a[i] || m != m) ? m : a[i];                      \
            *(T *)p[0] = m;                                                \
            return;                                                        \
        }                                                                  \
        for (int64_t i = 0; i < n; i++) {                                  \
            T *o = (T *)(p[0] + i * s[0]), x = *(const T *)(p[1] + i * s[1]); \
            *o = (*o >= x || *o != *o) ? *o : x;                           \
        }                                                                  \
    }                                                                      \
    static void rmin_##E(int64_t n, char **p, const ptrdiff_t *s, void *u) \
    {                                                                      \
        (void)u;                                                           \
        if (s[0] == 0 && s[1] == sizeof(T)) {                              \
            const T *a = (const T *)p[1];                                  \
            T m = *(T *)p[0];                                              \
            for (int64_t i = 0; i < n; i++)                                \
                m = (m <= a[i] || m != m) ? m : a[i];                      \
            *(T *)p[0] = m;                                                \
            return;                                                        \
        }                                                                  \
        for (int64_t i = 0; i < n; i++) {                                  \
            T *o = (T *)(p[0] + i * s[0]), x = *(const T *)(p[1] + i * s[1]); \
            *o = (*o <= x || *o != *o) ? *o : x;                           \
        }                                                                  \
    }                                                                      \
    static void rall_##E(int64_t n, char **p, const ptrdiff_t *s, void *u) \
    {                                                                      \
        (void)u;                                                           \
        for (int64_t i = 0; i < n; i++) {                                  \
            uint8_t *o = (uint8_t *)(p[0] + i * s[0]);                     \
            *o = *o && *(const T *)(p[1] + i * s[1]) != 0;                 \
        }                                                                  \
    }                                                                      \
    static void rany_##E(int64_t n, char **p, const ptrdiff_t *s, void *u) \
    {                                                                      \
        (void)u;                                                           \
        for (int64_t i = 0; i < n; i++) {                                  \
            uint8_t *o = (uint8_t *)(p[0] + i * s[0]);                     \
            *o = *o || *(const T *)(p[1] + i * s[1]) != 0;                 \
        }                                                                  \
    }                                                                      \
    static void rcnt_##E(int64_t n, char **p, const ptrdiff_t *s, void *u) \
    {                                                                      \
        (void)u;                                                           \
        for (int64_t i = 0; i < n; i++)                                    \
            *(int64_t *)(p[0] + i * s[0]) +=                               \
                *(const T *)(p[1] + i * s[1]) != 0;                        \
    }
ND_REAL_DTYPES(RED_SEQ)

/* ---- float16 (bits in uint16_t): NumPy's half loops compute in float
** and round to half when they store. A reduction keeps a float
** accumulator for one inner loop (an 8192-element chunk, pairwise for
** sums) and rounds it back to half at the end of each. ---- */
#define H2F(p) nd_half_to_float(*(const uint16_t *)(p))
#define F2H(p, v) (*(uint16_t *)(p) = nd_float_to_half(v))

/* The summed term: x, or (for var) half(half(x - m)^2) as NumPy's
** float16 temporaries x = arr - mean; x = x * x give. */
static float h_term(const char *p, int sq, float m)
{
    float x = H2F(p), d;
    if (!sq)
        return x;
    d = nd_half_to_float(nd_float_to_half(x - m));
    return nd_half_to_float(nd_float_to_half(d * d));
}

static float pw_half(const char *a, int64_t n, ptrdiff_t s, int sq, float m)
{
    if (n < 8) {
        float res = 0;
        for (int64_t i = 0; i < n; i++)
            res += h_term(a + i * s, sq, m);
        return res;
    } else if (n <= 128) {
        float r[8], res;
        int64_t i;
        for (int j = 0; j < 8; j++)
            r[j] = h_term(a + j * s, sq, m);
        for (i = 8; i < n - (n % 8); i += 8)
            for (int j = 0; j < 8; j++)
                r[j] += h_term(a + (i + j) * s, sq, m);
        res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++)
            res += h_term(a + i * s, sq, m);
        return res;
    } else {
        int64_t n2 = n / 2;
        n2 -= n2 % 8;
        return pw_half(a, n2, s, sq, m) + pw_half(a + n2 * s, n - n2, s, sq, m);
    }
}

/* sum (u NULL) or, with p[2] the mean, the sum of squared deviations */
static void rsum_FLOAT16(int64_t n, char **p, const ptrdiff_t *s, void *u)
{
    int sq = u != NULL;
    if (s[0] == 0 && (!sq || s[2] == 0)) {
        float m = sq ? H2F(p[2]) : 0;
        for (int64_t o = 0; o < n; o += ND_BUFSIZE) {
            int64_t k = n - o < ND_BUFSIZE ? n - o : ND_BUFSIZE;
            F2H(p[0], H2F(p[0]) + pw_half(p[1] + o * s[1], k, s[1], sq, m));
        }
        return;
    }
    for (int64_t i = 0; i < n; i++) {
        float m = sq ? H2F(p[2] + i * s[2]) : 0;
        F2H(p[0] + i * s[0], H2F(p[0] + i * s[0]) +
                                 h_term(p[1] + i * s[1], sq, m));
    }
}

static void rsq_FLOAT16(int64_t n, char **p, const ptrdiff_t *s, void *u)
{
    (void)u;
    rsum_FLOAT16(n, p, s, (void *)p);
}

static void rprod_FLOAT16(int64_t n, char **p, const ptrdiff_t *s, void *u)
{
    (void)u;
    if (s[0] == 0) {
        for (int64_t o = 0; o < n; o += ND_BUFSIZE) {
            int64_t k = n - o < ND_BUFSIZE ? n - o : ND_BUFSIZE;
            float acc = H2F(p[0]);
            for (int64_t i = o; i < o + k; i++)
                acc *= H2F(p[1] + i * s[1]);
            F2H(p[0], acc);
        }
        return;
    }
    for (int64_t i = 0; i < n; i++)
        F2H(p[0] + i * s[0], H2F(p[0] + i * s[0]) * H2F(p[1] + i * s[1]));
}

/* maximum/minimum keep a NaN once seen; values are copied bit for bit */
static void rmaxmin_half(int64_t n, char **p, const ptrdiff_t *s, int max)
{
    for (int64_t i = 0; i < n; i++) {
        uint16_t *o = (uint16_t *)(p[0] + i * s[0]);
        const uint16_t *x = (const uint16_t *)(p[1] + i * s[1]);
        float a = nd_half_to_float(*o), b = nd_half_to_float(*x);
        if (!((max ? a >= b : a <= b) || a != a))
            *o = *x;
    }
}

static void rmax_FLOAT16(int64_t n, char **p, const ptrdiff_t *s, void *u)
{
    (void)u;
    rmaxmin_half(n, p, s, 1);
}

static void rmin_FLOAT16(int64_t n, char **p, const ptrdiff_t *s, void *u)
{
    (void)u;
    rmaxmin_half(n, p, s, 0);
}

static NdLoop prod_loops[ND_NTYPES], max_loops[ND_NTYPES],
    min_loops[ND_NTYPES], all_loops[ND_NTYPES], any_loops[ND_NTYPES],
    cnt_loops[ND_NTYPES];
static int red_ready;

static void red_init(void)
{
#define REG(E, T, U, K)                                                    \
    prod_loops[ND_##E] = rprod_##E;                                        \
    max_loops[ND_##E] = rmax_##E;                                          \
    min_loops[ND_##E] = rmin_##E;                                          \
    all_loops[ND_##E] = rall_##E;                                          \
    any_loops[ND_##E] = rany_##E;                                          \
    cnt_loops[ND_##E] = rcnt_##E;
    ND_REAL_DTYPES(REG)
#undef REG
    prod_loops[ND_FLOAT16] = rprod_FLOAT16;
    max_loops[ND_FLOAT16] = rmax_FLOAT16;
    min_loops[ND_FLOAT16] = rmin_FLOAT16;
#if ND_AVX2
    red_avx2 = nd_use_avx2();
#endif
#if ND_AVX512
    red_avx512 = nd_use_avx512();
#endif
    red_ready = nd_simd_epoch;
}

static NdLoop sum_loop(NdDType t)
{
#if ND_AVX2
    if (red_avx2) {
        switch (t) {
        case ND_INT64: return rsum_INT64_avx2;
        case ND_UINT64: return rsum_UINT64_avx2;
        case ND_FLOAT32: return rsum_FLOAT32_avx2;
        case ND_FLOAT64: return rsum_FLOAT64_avx2;
        default: break;
        }
    }
#endif
    switch (t) {
    case ND_INT64: return rsum_INT64;
    case ND_UINT64: return rsum_UINT64;
    case ND_FLOAT16: return rsum_FLOAT16;
    case ND_FLOAT32: return rsum_FLOAT32;
    case ND_FLOAT64: return rsum_FLOAT64;
    default: return NULL;
    }
}

static NdLoop sq_loop32(void)
{
#if ND_AVX2
    if (red_avx2)
        return rsq_FLOAT32_avx2;
#endif
    return rsq_FLOAT32;
}

static NdLoop sq_loop64(void)
{
#if ND_AVX2
    if (red_avx2)
        return rsq_FLOAT64_avx2;
#endif
    return rsq_FLOAT64;
}

static const char *red_name(NdReduceOp op)
{
    switch (op) {
    case ND_R_MIN: return "minimum";
    case ND_R_MAX: return "maximum";
    case ND_R_ARGMIN: return "argmin";
    case ND_R_ARGMAX: return "argmax";
    default: return "reduce";
    }
}

/* Reduced shape: out dims; keep = keepdims. */
static void reduced_shape(const NdArray *a, const char *axes, int keep,
                          int *ndim, int64_t *shape, int64_t *count)
{
    int n = 0;
    int all = 1;
    *count = 1;
    if (axes)
        for (int i = 0; i < a->ndim; i++)
            if (axes[i])
                all = 0;
    for (int i = 0; i < a->ndim; i++) {
        int red = all || axes[i];
        if (red) {
            *count *= a->shape[i];
            if (keep)
                shape[n++] = 1;
        } else {
            shape[n++] = a->shape[i];
        }
    }
    *ndim = n;
}

NdError nd_reduce_prepare(NdReduceOp op, const NdArray *a,
                          const char *axes, int keepdims, int dtype,
                          NdArray *out, NdErr *e)
{
    int ndim, nred = 0;
    int64_t shape[ND_MAXDIMS], count;
    NdDType t = a->dtype;
    char k = nd_dtype_kind(t);
    reduced_shape(a, axes, keepdims, &ndim, shape, &count);
    if (axes)
        for (int i = 0; i < a->ndim; i++)
            nred += axes[i] != 0;
    switch (op) {
    case ND_R_SUM: case ND_R_PROD:
        t = dtype >= 0 ? (NdDType)dtype : nd_sum_dtype(t);
        break;
    case ND_R_MIN: case ND_R_MAX:
        if (count == 0 && nd_size(a) == 0)
            return nd_fail(e, ND_EVALUE,
                           "zero-size array to reduction operation %s which "
                           "has no identity", red_name(op));
        break;
    case ND_R_ALL: case ND_R_ANY:
        t = ND_BOOL;
        break;
    case ND_R_MEAN: case ND_R_VAR: case ND_R_STD:
        if (dtype >= 0)
            t = (NdDType)dtype;
        else if (k == 'b' || k == 'i' || k == 'u')
            t = ND_FLOAT64;
        if (t == ND_COMPLEX64 || t == ND_COMPLEX128)
            return nd_fail(e, ND_ETYPE, "complex %s is not supported",
                           op == ND_R_MEAN ? "mean" : "variance");
        break;
    case ND_R_ARGMIN: case ND_R_ARGMAX:
        if (nred > 1)
            return nd_fail(e, ND_ETYPE,
                           "'tuple' object cannot be interpreted as an "
                           "integer");
        if (count == 0)
            return nd_fail(e, ND_EVALUE,
                           "attempt to get %s of an empty sequence",
                           red_name(op));
        t = ND_INT64;
        break;
    case ND_R_COUNT_NONZERO:
        t = ND_INT64;
        break;
    }
    if ((op == ND_R_SUM || op == ND_R_PROD || op == ND_R_MIN ||
         op == ND_R_MAX) && nd_dtype_kind(t) == 'c' && op != ND_R_SUM)
        return nd_fail(e, ND_ETYPE, "complex %s is not supported",
                       red_name(op));
    return nd_init(out, t, ndim, shape, e);
}

/* out viewed with a's ndim: stride 0 along reduced axes. */
static void out_view(NdArray *v, const NdArray *out, const NdArray *a,
                     const char *axes)
{
    int all = 1, j = 0;
    if (axes)
        for (int i = 0; i < a->ndim; i++)
            if (axes[i])
                all = 0;
    *v = *out;
    v->ndim = a->ndim;
    int keep = out->ndim == a->ndim;
    for (int i = 0; i < a->ndim; i++) {
        int red = all || axes[i];
        v->shape[i] = a->shape[i];
        if (red) {
            v->strides[i] = 0;
            if (keep)
                j++;
        } else {
            v->strides[i] = out->strides[j++];
        }
    }
}

/* Fill every element of a with one double value. */
static void fill_value(NdArray *a, double v)
{
    if (v == 0 && ND_ISC(a)) { /* all dtypes: zero bits are 0 */
        memset(a->data, 0, nd_nbytes(a));
        return;
    }
    char store[16];
    NdArray s;
    nd_scalar_double(&s, store, a->dtype, v);
    nd_assign(a, &s, NULL);
}

/* out = a[first index along the reduced axes] (min/max start value). */
static void init_first(NdArray *out, const NdArray *a, const char *axes)
{
    NdArray first = *a;
    int all = 1;
    if (axes)
        for (int i = 0; i < a->ndim; i++)
            if (axes[i])
                all = 0;
    for (int i = 0; i < a->ndim; i++)
        if (all || axes[i])
            first.shape[i] = 1;
    NdArray ov;
    /* out has the reduced shape; broadcast first over it via a keepdims
    ** view of out. */
    out_view(&ov, out, &first, axes);
    for (int i = 0; i < a->ndim; i++)
        if (all || axes[i])
            ov.shape[i] = 1;
    nd_update_flags(&ov);
    nd_assign(&ov, &first, NULL);
}

/* Does a reduction of a into out (dtype t) cover all of a in one C-order
** run? Then the iterator would make a single kernel call with the
** accumulator's stride 0, and the caller makes it directly. float16
** keeps the iterator (its kernels round per call). */
static int whole_run(const NdArray *a, const NdArray *out, NdDType t)
{
    if (a->dtype != t || t == ND_FLOAT16 || !ND_ISC(a))
        return 0;
    for (int i = 0; i < out->ndim; i++)
        if (out->shape[i] != 1)
            return 0;
    for (int i = 0; i < a->ndim; i++)
        if (a->shape[i] == 0)
            return 0;
    return 1;
}

/*
** A sum over the leading or the trailing axes of a C-contiguous array of
** the accumulator's dtype, without the iterator: the kernel calls
** nd_iter_run would make after dropping size-1 axes and coalescing, in
** the same order (leading: row by row into out, via the four-row kernel;
** trailing: one pairwise run per output element). Returns 0 when the
** case is another (the caller runs the iterator then).
*/
static int sum_fast(NdArray *out, const NdArray *a, const char *axes,
                    NdLoop fn)
{
    int nd = a->ndim, all = 1, k = 0, lead;
    int64_t red = 1, kept = 1;
    size_t sz = nd_dtype_size(a->dtype);
    if (nd == 0 || !ND_ISC(a) || !ND_ISC(out) || a->dtype != out->dtype)
        return 0;
    if (axes)
        for (int i = 0; i < nd; i++)
            all &= !axes[i];
    if (all)
        return 0;
    lead = axes[0] != 0;
    while (k < nd && (axes[k] != 0) == lead)
        k++;
    for (int i = k; i < nd; i++)
        if ((axes[i] != 0) == lead)
            return 0; /* reduced axes neither all leading nor trailing */
    for (int i = 0; i < nd; i++) {
        if ((i < k) == lead)
            red *= a->shape[i];
        else
            kept *= a->shape[i];
    }
    if (red == 0 || kept == 0)
        return 0;
    if (lead) {
        RowSumFn rf = rowsum_fn(a->dtype);
        /* kept == 1 leaves a single pairwise run: the iterator's case */
        if (!rf || kept == 1)
            return 0;
        rf(red, kept, a->data, out->data);
        return 1;
    }
    if (red == 1)
        return 0; /* the iterator drops the axes: o += x element-wise */
    ptrdiff_t s[2] = {0, (ptrdiff_t)sz};
    for (int64_t r = 0; r < kept; r++) {
        char *p[2] = {out->data + r * (int64_t)sz,
                      a->data + r * red * (int64_t)sz};
        fn(red, p, s, NULL);
    }
    return 1;
}

static void run_red(NdArray *acc, const NdArray *a, const char *axes,
                    NdLoop fn, NdDType lt)
{
    NdArray ov;
    out_view(&ov, acc, a, axes);
    const NdArray *ops[2] = {&ov, a};
    NdDType lts[2] = {acc->dtype, lt};
    NdIter it;
    nd_iter_init(&it, 2, ops, a->ndim, a->shape, 1);
    nd_run_cast(&it, 0, ops, lts, fn, NULL);
}

/* Arg reductions walk a in logical C order so indices are NumPy's. */
#define ARGK(E, T, U, K)                                                   \
    static int64_t argmax_##E(const char *p, int64_t n, ptrdiff_t s,      \
                              int min)                                     \
    {                                                                      \
        T best = *(const T *)p;                                            \
        int64_t bi = 0;                                                    \
        if (best != best)                                                  \
            return 0;                                                      \
        for (int64_t i = 1; i < n; i++) {                                  \
            T x = *(const T *)(p + i * s);                                 \
            if (x != x)                                                    \
                return i;                                                  \
            if (min ? x < best : x > best) {                               \
                best = x;                                                  \
                bi = i;                                                    \
            }                                                              \
        }                                                                  \
        return bi;                                                         \
    }
ND_REAL_DTYPES(ARGK)

static int64_t argmax_FLOAT16(const char *p, int64_t n, ptrdiff_t s, int min)
{
    float best = H2F(p);
    int64_t bi = 0;
    if (best != best)
        return 0;
    for (int64_t i = 1; i < n; i++) {
        float x = H2F(p + i * s);
        if (x != x)
            return i;
        if (min ? x < best : x > best) {
            best = x;
            bi = i;
        }
    }
    return bi;
}

typedef int64_t (*ArgFn)(const char *, int64_t, ptrdiff_t, int);
static const ArgFn arg_fns[ND_NTYPES] = {
#define X(E, T, U, K) [ND_##E] = argmax_##E,
    ND_REAL_DTYPES(X)
#undef X
    [ND_FLOAT16] = argmax_FLOAT16,
};

static NdError arg_reduce(int min, const NdArray *a, const char *axes,
                          NdArray *out, NdErr *e)
{
    ArgFn f = arg_fns[a->dtype];
    int axis = -1;
    if (!f)
        return nd_fail(e, ND_ETYPE, "complex argmin/argmax not supported");
    if (axes)
        for (int i = 0; i < a->ndim; i++)
            if (axes[i])
                axis = i;
    if (axis < 0) {
        NdArray flat;
        int64_t n = nd_size(a);
        if (ND_ISC(a) || a->ndim <= 1) {
            ptrdiff_t s = a->ndim ? (ptrdiff_t)a->strides[a->ndim - 1]
                                  : 0;
            if (ND_ISC(a))
                s = (ptrdiff_t)nd_dtype_size(a->dtype);
            *(int64_t *)out->data = f(a->data, n, s, min);
            return ND_OK;
        }
        /* Non-contiguous: rows along the last axis, combined. */
        (void)flat;
        int64_t idx[ND_MAXDIMS] = {0}, row = a->shape[a->ndim - 1];
        int64_t best = -1, lin = 0;
        double bv = 0;
        for (;;) {
            const char *p = a->data;
            for (int d = 0; d < a->ndim - 1; d++)
                p += idx[d] * a->strides[d];
            int64_t i = f(p, row, a->strides[a->ndim - 1], min);
            double v = nd_get_double(a->dtype, p + i * a->strides[a->ndim - 1]);
            if (v != v) {
                best = lin + i;
                break;
            }
            if (best < 0 || (min ? v < bv : v > bv)) {
                best = lin + i;
                bv = v;
            }
            lin += row;
            int d = a->ndim - 2;
            for (; d >= 0; d--) {
                if (++idx[d] < a->shape[d])
                    break;
                idx[d] = 0;
            }
            if (d < 0)
                break;
        }
        *(int64_t *)out->data = best;
        return ND_OK;
    }
    /* Along one axis: walk the other axes in C order. */
    int64_t idx[ND_MAXDIMS] = {0};
    int64_t total = nd_size(a) / a->shape[axis];
    int64_t *o = (int64_t *)out->data;
    for (int64_t k = 0; k < total; k++) {
        const char *p = a->data + nd_lane_offset(a, axis, idx);
        o[k] = f(p, a->shape[axis], a->strides[axis], min);
        nd_lane_next(a, axis, idx);
    }
    return ND_OK;
}

/* np.mean of float16: NumPy sums in float32 (dtype='f4'), divides by
** the count, and casts the result to float16. */
static NdError mean_half(const NdArray *a, const char *axes, int64_t count,
                         NdArray *out, NdErr *e)
{
    NdArray acc = *out;
    float small[16];
    size_t nb = (size_t)nd_size(out) * sizeof(float);
    char *mem = nb <= sizeof small ? (char *)small : malloc(nb);
    if (!mem)
        return nd_fail(e, ND_EMEMORY, "out of memory");
    nd_init(&acc, ND_FLOAT32, out->ndim, out->shape, NULL);
    acc.data = mem;
    fill_value(&acc, 0);
    run_red(&acc, a, axes, rsum_FLOAT32, ND_FLOAT32);
    char store[16];
    NdArray c;
    nd_scalar_double(&c, store, ND_FLOAT64, (double)count);
    NdError err = nd_binary(ND_TRUEDIV, &acc, &c, &acc, e);
    if (!err)
        err = nd_assign(out, &acc, e);
    if (mem != (char *)small)
        free(mem);
    return err;
}

NdError nd_reduce(NdReduceOp op, const NdArray *a, const char *axes,
                  double ddof, NdArray *out, NdErr *e)
{
    int ndim;
    int64_t shape[ND_MAXDIMS], count;
    NdDType t = out->dtype;
    if (red_ready != nd_simd_epoch)
        red_init();
    reduced_shape(a, axes, 0, &ndim, shape, &count);
    switch (op) {
    case ND_R_SUM:
    case ND_R_MEAN: {
        NdLoop fn = sum_loop(t);
        if (op == ND_R_MEAN && t == ND_FLOAT16 && a->dtype == ND_FLOAT16)
            return mean_half(a, axes, count, out, e);
        fill_value(out, 0);
        if (fn && whole_run(a, out, t)) {
            /* whole contiguous array: one kernel call, no iterator */
            char *p[2] = {out->data, a->data};
            ptrdiff_t s[2] = {0, (ptrdiff_t)nd_dtype_size(t)};
            fn(nd_size(a), p, s, NULL);
            if (op == ND_R_MEAN) {
                char store[16];
                NdArray c;
                nd_scalar_double(&c, store, ND_FLOAT64, (double)count);
                return nd_binary(ND_TRUEDIV, out, &c, out, e);
            }
            return ND_OK;
        }
        if (!fn) {
            /* Unusual dtype= request: sum in float64 or int64 and cast. */
            return nd_fail(e, ND_ETYPE, "sum into dtype %s not supported",
                           nd_dtype_name(t));
        }
        if (t == ND_FLOAT16 || !sum_fast(out, a, axes, fn))
            run_red(out, a, axes, fn, t);
        if (op == ND_R_MEAN) {
            char store[16];
            NdArray c;
            nd_scalar_double(&c, store, ND_FLOAT64, (double)count);
            c.dtype = ND_FLOAT64;
            /* NumPy divides in the result dtype (value-based). */
            return nd_binary(ND_TRUEDIV, out, &c, out, e);
        }
        return ND_OK;
    }
    case ND_R_VAR:
    case ND_R_STD: {
        NdLoop fn = sum_loop(t);
        if (t != ND_FLOAT16 && t != ND_FLOAT32 && t != ND_FLOAT64)
            return nd_fail(e, ND_ETYPE, "var of dtype %s not supported",
                           nd_dtype_name(t));
        /* mean into a scratch copy of out's shape */
        size_t nb = nd_nbytes(out);
        char small[64];
        char *mem = nb <= sizeof small ? small : malloc(nb);
        if (!mem)
            return nd_fail(e, ND_EMEMORY, "out of memory");
        NdArray mean = *out;
        mean.data = mem;
        fill_value(&mean, 0);
        int whole = whole_run(a, out, t);
        if (whole) {
            char *p[2] = {mem, a->data};
            ptrdiff_t s[2] = {0, (ptrdiff_t)nd_dtype_size(t)};
            fn(nd_size(a), p, s, NULL);
        } else {
            run_red(&mean, a, axes, fn, t);
        }
        char store[16];
        NdArray c;
        nd_scalar_double(&c, store, ND_FLOAT64, (double)count);
        nd_binary(ND_TRUEDIV, &mean, &c, &mean, NULL);
        fill_value(out, 0);
        if (whole) {
            /* the iterator's single run, called directly */
            char *p[3] = {out->data, a->data, mem};
            ptrdiff_t s[3] = {0, (ptrdiff_t)nd_dtype_size(t), 0};
            (t == ND_FLOAT32 ? sq_loop32() : sq_loop64())(nd_size(a), p, s,
                                                         NULL);
            goto var_done;
        }
        NdArray ov, mv;
        out_view(&ov, out, a, axes);
        out_view(&mv, &mean, a, axes);
        const NdArray *ops[3] = {&ov, a, &mv};
        NdDType lts[3] = {t, t, t};
        NdIter it;
        nd_iter_init(&it, 3, ops, a->ndim, a->shape, 1);
        nd_run_cast(&it, 0, ops, lts,
                    t == ND_FLOAT16   ? rsq_FLOAT16
                    : t == ND_FLOAT32 ? sq_loop32()
                                      : sq_loop64(),
                    NULL);
    var_done:
        if (mem != small)
            free(mem);
        double d = (double)count - ddof;
        if (d < 0)
            d = 0;
        nd_scalar_double(&c, store, ND_FLOAT64, d);
        nd_binary(ND_TRUEDIV, out, &c, out, NULL);
        if (op == ND_R_STD)
            nd_unary(ND_SQRT, out, out, NULL);
        return ND_OK;
    }
    case ND_R_PROD:
        fill_value(out, 1);
        if (!prod_loops[t])
            return nd_fail(e, ND_ETYPE, "prod of dtype %s not supported",
                           nd_dtype_name(t));
        run_red(out, a, axes, prod_loops[t], t);
        return ND_OK;
    case ND_R_MIN:
    case ND_R_MAX:
        if (count == 0)
            return nd_fail(e, ND_EVALUE,
                           "zero-size array to reduction operation %s which "
                           "has no identity", red_name(op));
        if (!max_loops[t])
            return nd_fail(e, ND_ETYPE, "unsupported dtype");
        init_first(out, a, axes);
        run_red(out, a, axes, op == ND_R_MAX ? max_loops[t] : min_loops[t],
                t);
        return ND_OK;
    case ND_R_ALL:
    case ND_R_ANY:
        fill_value(out, op == ND_R_ALL);
        if (!all_loops[a->dtype]) {
            /* complex: via bool cast */
            run_red(out, a, axes, op == ND_R_ALL ? all_loops[ND_BOOL]
                                                 : any_loops[ND_BOOL],
                    ND_BOOL);
            return ND_OK;
        }
        run_red(out, a, axes, op == ND_R_ALL ? all_loops[a->dtype]
                                             : any_loops[a->dtype],
                a->dtype);
        return ND_OK;
    case ND_R_COUNT_NONZERO:
        fill_value(out, 0);
        run_red(out, a, axes,
                cnt_loops[a->dtype] ? cnt_loops[a->dtype]
                                    : cnt_loops[ND_BOOL],
                cnt_loops[a->dtype] ? a->dtype : ND_BOOL);
        return ND_OK;
    case ND_R_ARGMIN:
    case ND_R_ARGMAX:
        return arg_reduce(op == ND_R_ARGMIN, a, axes, out, e);
    }
    return ND_OK;
}

/* ---- scans ---- */

#define SCAN(E, T, U, K)                                                   \
    static void scan_##E(char *p, int64_t n, ptrdiff_t s, int prod)        \
    {                                                                      \
        if (s == sizeof(T)) {                                              \
            T *a = (T *)p, acc = a[0];                                     \
            if (prod)                                                      \
                for (int64_t i = 1; i < n; i++)                            \
                    a[i] = acc = K == 'f' ? (T)(acc * a[i])                \
                                          : (T)((uint64_t)acc * (uint64_t)a[i]); \
            else                                                           \
                for (int64_t i = 1; i < n; i++)                            \
                    a[i] = acc = K == 'f' ? (T)(acc + a[i])                \
                                          : (T)((U)acc + (U)a[i]);         \
            return;                                                        \
        }                                                                  \
        for (int64_t i = 1; i < n; i++) {                                  \
            T *cur = (T *)(p + i * s), prev = *(T *)(p + (i - 1) * s);     \
            *cur = prod ? (K == 'f' ? (T)(prev * *cur)                     \
                                    : (T)((uint64_t)prev * (uint64_t)*cur)) \
                        : (K == 'f' ? (T)(prev + *cur)                     \
                                    : (T)((U)prev + (U)*cur));             \
        }                                                                  \
    }
ND_REAL_DTYPES(SCAN)

/* float16 cumsum/cumprod: each step rounds to half, as NumPy's loop */
static void scan_FLOAT16(char *p, int64_t n, ptrdiff_t s, int prod)
{
    for (int64_t i = 1; i < n; i++) {
        float prev = H2F(p + (i - 1) * s), cur = H2F(p + i * s);
        F2H(p + i * s, prod ? prev * cur : prev + cur);
    }
}

typedef void (*ScanFn)(char *, int64_t, ptrdiff_t, int);
static const ScanFn scan_fns[ND_NTYPES] = {
#define X(E, T, U, K) [ND_##E] = scan_##E,
    ND_REAL_DTYPES(X)
#undef X
    [ND_FLOAT16] = scan_FLOAT16,
};

NdError nd_accumulate(int prod, const NdArray *a, int axis, NdArray *out,
                      NdErr *e)
{
    NdError err;
    ScanFn f = scan_fns[out->dtype];
    if (!f)
        return nd_fail(e, ND_ETYPE, "complex cumsum not supported");
    if ((err = nd_assign(out, a, e)))
        return err;
    if (out->ndim == 0 || nd_size(out) == 0)
        return ND_OK;
    if ((err = nd_norm_axis(&axis, out->ndim, e)))
        return err;
    int64_t idx[ND_MAXDIMS] = {0};
    int64_t total = nd_size(out) / out->shape[axis];
    for (int64_t k = 0; k < total; k++) {
        char *p = out->data + nd_lane_offset(out, axis, idx);
        f(p, out->shape[axis], out->strides[axis], prod);
        nd_lane_next(out, axis, idx);
    }
    return ND_OK;
}

/* ---- counting ---- */

int64_t nd_count_nonzero(const NdArray *a)
{
    char store[16];
    NdArray out;
    nd_init(&out, ND_INT64, 0, NULL, NULL);
    out.data = store;
    if (red_ready != nd_simd_epoch)
        red_init();
    nd_reduce(ND_R_COUNT_NONZERO, a, NULL, 0, &out, NULL);
    return *(int64_t *)store;
}

void nd_nonzero(const NdArray *a, NdArray *out)
{
    int nd = a->ndim;
    int64_t idx[ND_MAXDIMS] = {0}, n = nd_size(a), k = 0;
    int64_t cnt = out->shape[out->ndim - 1];
    size_t isz = nd_dtype_size(a->dtype);
    static const char zero[16];
    for (int64_t i = 0; i < n; i++) {
        const char *p = a->data;
        for (int d = 0; d < nd; d++)
            p += idx[d] * a->strides[d];
        if (memcmp(p, zero, isz) != 0 &&
            (nd_dtype_kind(a->dtype) != 'f' ||
             nd_get_double(a->dtype, p) != 0)) {
            for (int d = 0; d < (nd ? nd : 1); d++)
                *(int64_t *)(out->data + d * out->strides[0] +
                             k * out->strides[out->ndim - 1]) =
                    nd ? idx[d] : 0;
            k++;
            if (k > cnt)
                return;
        }
        for (int d = nd - 1; d >= 0; d--) {
            if (++idx[d] < a->shape[d])
                break;
            idx[d] = 0;
        }
    }
}
