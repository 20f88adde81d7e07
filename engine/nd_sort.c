/*
** nd_sort.c - sort, argsort, unique and quantiles.
**
** argsort is NumPy 1.24's introsort (aquicksort: median of three,
** insertion sort below 16 elements, heapsort past 2*log2(n) levels), so
** ties come out in NumPy's order. Values sort with the same scheme; NaN
** sorts last like NumPy. Lanes that are not contiguous are copied into
** caller scratch first.
*/
#include "nd_int.h"

#include <math.h>

#define SMALL_QUICKSORT 15
#define PYA_QS_STACK 128

/* NaN-last ordering, and the plain one once NaNs are moved out. */
#define LT(a, b) ((a) < (b) || ((b) != (b) && (a) == (a)))
#define LT_PLAIN(a, b) ((a) < (b))

static int get_msb(uint64_t n)
{
    int d = 0;
    while (n >>= 1)
        d++;
    return d;
}

#define VSORT(E, T, LT, SUF)                                               \
    static void heapsort_##E##SUF(T *start, int64_t n)                          \
    {                                                                      \
        T tmp, *a = start - 1;                                             \
        int64_t i, j, l;                                                   \
        for (l = n >> 1; l > 0; --l) {                                     \
            tmp = a[l];                                                    \
            for (i = l, j = l << 1; j <= n;) {                             \
                if (j < n && LT(a[j], a[j + 1]))                           \
                    j += 1;                                                \
                if (LT(tmp, a[j])) {                                       \
                    a[i] = a[j];                                           \
                    i = j;                                                 \
                    j += j;                                                \
                } else                                                     \
                    break;                                                 \
            }                                                              \
            a[i] = tmp;                                                    \
        }                                                                  \
        for (; n > 1;) {                                                   \
            tmp = a[n];                                                    \
            a[n] = a[1];                                                   \
            n -= 1;                                                        \
            for (i = 1, j = 2; j <= n;) {                                  \
                if (j < n && LT(a[j], a[j + 1]))                           \
                    j++;                                                   \
                if (LT(tmp, a[j])) {                                       \
                    a[i] = a[j];                                           \
                    i = j;                                                 \
                    j += j;                                                \
                } else                                                     \
                    break;                                                 \
            }                                                              \
            a[i] = tmp;                                                    \
        }                                                                  \
    }                                                                      \
    static void quicksort_##E##SUF(T *start, int64_t num)                       \
    {                                                                      \
        T vp, tmp;                                                         \
        T *pl = start, *pr = pl + num - 1;                                 \
        T *stack[PYA_QS_STACK], **sptr = stack;                            \
        T *pm, *pi, *pj, *pk;                                              \
        int depth[PYA_QS_STACK], *psdepth = depth;                         \
        int cdepth = get_msb((uint64_t)num) * 2;                           \
        for (;;) {                                                         \
            if (cdepth < 0) {                                              \
                heapsort_##E##SUF(pl, pr - pl + 1);                             \
                goto stack_pop;                                            \
            }                                                              \
            while ((pr - pl) > SMALL_QUICKSORT) {                          \
                pm = pl + ((pr - pl) >> 1);                                \
                if (LT(*pm, *pl)) tmp = *pm, *pm = *pl, *pl = tmp;         \
                if (LT(*pr, *pm)) tmp = *pr, *pr = *pm, *pm = tmp;         \
                if (LT(*pm, *pl)) tmp = *pm, *pm = *pl, *pl = tmp;         \
                vp = *pm;                                                  \
                pi = pl;                                                   \
                pj = pr - 1;                                               \
                tmp = *pm, *pm = *pj, *pj = tmp;                           \
                for (;;) {                                                 \
                    do                                                     \
                        ++pi;                                              \
                    while (LT(*pi, vp));                                   \
                    do                                                     \
                        --pj;                                              \
                    while (LT(vp, *pj));                                   \
                    if (pi >= pj)                                          \
                        break;                                             \
                    tmp = *pi, *pi = *pj, *pj = tmp;                       \
                }                                                          \
                pk = pr - 1;                                               \
                tmp = *pi, *pi = *pk, *pk = tmp;                           \
                if (pi - pl < pr - pi) {                                   \
                    *sptr++ = pi + 1;                                      \
                    *sptr++ = pr;                                          \
                    pr = pi - 1;                                           \
                } else {                                                   \
                    *sptr++ = pl;                                          \
                    *sptr++ = pi - 1;                                      \
                    pl = pi + 1;                                           \
                }                                                          \
                *psdepth++ = --cdepth;                                     \
            }                                                              \
            for (pi = pl + 1; pi <= pr; ++pi) {                            \
                vp = *pi;                                                  \
                pj = pi;                                                   \
                pk = pi - 1;                                               \
                while (pj > pl && LT(vp, *pk))                             \
                    *pj-- = *pk--;                                         \
                *pj = vp;                                                  \
            }                                                              \
        stack_pop:                                                         \
            if (sptr == stack)                                             \
                break;                                                     \
            pr = *(--sptr);                                                \
            pl = *(--sptr);                                                \
            cdepth = *(--psdepth);                                         \
        }                                                                  \
    }

#define SORTS(E, T, U, K)                                                  \
    VSORT(E, T, LT_PLAIN, _plain)                                          \
    static void aheapsort_##E(const T *v, int64_t *tosort, int64_t n)      \
    {                                                                      \
        int64_t *a = tosort - 1, i, j, l, tmp;                             \
        for (l = n >> 1; l > 0; --l) {                                     \
            tmp = a[l];                                                    \
            for (i = l, j = l << 1; j <= n;) {                             \
                if (j < n && LT(v[a[j]], v[a[j + 1]]))                     \
                    j += 1;                                                \
                if (LT(v[tmp], v[a[j]])) {                                 \
                    a[i] = a[j];                                           \
                    i = j;                                                 \
                    j += j;                                                \
                } else                                                     \
                    break;                                                 \
            }                                                              \
            a[i] = tmp;                                                    \
        }                                                                  \
        for (; n > 1;) {                                                   \
            tmp = a[n];                                                    \
            a[n] = a[1];                                                   \
            n -= 1;                                                        \
            for (i = 1, j = 2; j <= n;) {                                  \
                if (j < n && LT(v[a[j]], v[a[j + 1]]))                     \
                    j++;                                                   \
                if (LT(v[tmp], v[a[j]])) {                                 \
                    a[i] = a[j];                                           \
                    i = j;                                                 \
                    j += j;                                                \
                } else                                                     \
                    break;                                                 \
            }                                                              \
            a[i] = tmp;                                                    \
        }                                                                  \
    }                                                                      \
    static void aquicksort_##E(const T *v, int64_t *tosort, int64_t num)   \
    {                                                                      \
        T vp;                                                              \
        int64_t *pl = tosort, *pr = tosort + num - 1;                      \
        int64_t *stack[PYA_QS_STACK], **sptr = stack;                      \
        int64_t *pm, *pi, *pj, *pk, vi, tmp;                               \
        int depth[PYA_QS_STACK], *psdepth = depth;                         \
        int cdepth = get_msb((uint64_t)num) * 2;                           \
        for (;;) {                                                         \
            if (cdepth < 0) {                                              \
                aheapsort_##E(v, pl, pr - pl + 1);                         \
                goto stack_pop;                                            \
            }                                                              \
            while ((pr - pl) > SMALL_QUICKSORT) {                          \
                pm = pl + ((pr - pl) >> 1);                                \
                if (LT(v[*pm], v[*pl])) tmp = *pm, *pm = *pl, *pl = tmp;   \
                if (LT(v[*pr], v[*pm])) tmp = *pr, *pr = *pm, *pm = tmp;   \
                if (LT(v[*pm], v[*pl])) tmp = *pm, *pm = *pl, *pl = tmp;   \
                vp = v[*pm];                                               \
                pi = pl;                                                   \
                pj = pr - 1;                                               \
                tmp = *pm, *pm = *pj, *pj = tmp;                           \
                for (;;) {                                                 \
                    do                                                     \
                        ++pi;                                              \
                    while (LT(v[*pi], vp));                                \
                    do                                                     \
                        --pj;                                              \
                    while (LT(vp, v[*pj]));                                \
                    if (pi >= pj)                                          \
                        break;                                             \
                    tmp = *pi, *pi = *pj, *pj = tmp;                       \
                }                                                          \
                pk = pr - 1;                                               \
                tmp = *pi, *pi = *pk, *pk = tmp;                           \
                if (pi - pl < pr - pi) {                                   \
                    *sptr++ = pi + 1;                                      \
                    *sptr++ = pr;                                          \
                    pr = pi - 1;                                           \
                } else {                                                   \
                    *sptr++ = pl;                                          \
                    *sptr++ = pi - 1;                                      \
                    pl = pi + 1;                                           \
                }                                                          \
                *psdepth++ = --cdepth;                                     \
            }                                                              \
            for (pi = pl + 1; pi <= pr; ++pi) {                            \
                vi = *pi;                                                  \
                vp = v[vi];                                                \
                pj = pi;                                                   \
                pk = pi - 1;                                               \
                while (pj > pl && LT(vp, v[*pk]))                          \
                    *pj-- = *pk--;                                         \
                *pj = vi;                                                  \
            }                                                              \
        stack_pop:                                                         \
            if (sptr == stack)                                             \
                break;                                                     \
            pr = *(--sptr);                                                \
            pl = *(--sptr);                                                \
            cdepth = *(--psdepth);                                         \
        }                                                                  \
    }                                                                      \
    /* Move NaNs to the end (stable order is irrelevant for values), then \
    ** sort the rest with a plain comparison. */                           \
    static void quicksort_##E(T *a, int64_t n)                             \
    {                                                                      \
        int64_t k = n;                                                     \
        if (K == 'f') {                                                    \
            for (int64_t i = n - 1; i >= 0; i--)                           \
                if (a[i] != a[i]) {                                        \
                    T t = a[i];                                            \
                    a[i] = a[--k];                                         \
                    a[k] = t;                                              \
                }                                                          \
        }                                                                  \
        if (k > 1)                                                         \
            quicksort_##E##_plain(a, k);                                   \
    }                                                                      \
    static int64_t uniq_##E(T *a, int64_t n, int64_t *counts)              \
    {                                                                      \
        int64_t k = 0;                                                     \
        for (int64_t i = 0; i < n; i++) {                                  \
            /* NaNs are all kept (NumPy 1.24 unique keeps one NaN) */     \
            if (k > 0 && (a[k - 1] == a[i] ||                              \
                          (a[i] != a[i] && a[k - 1] != a[k - 1]))) {       \
                if (counts)                                                \
                    counts[k - 1]++;                                       \
                continue;                                                  \
            }                                                              \
            a[k] = a[i];                                                   \
            if (counts)                                                    \
                counts[k] = 1;                                             \
            k++;                                                           \
        }                                                                  \
        return k;                                                          \
    }
ND_REAL_DTYPES(SORTS)

typedef void (*SortFn)(void *, int64_t);
typedef void (*ASortFn)(const void *, int64_t *, int64_t);
typedef int64_t (*UniqFn)(void *, int64_t, int64_t *);
static const SortFn sort_fns[ND_NTYPES] = {
#define X(E, T, U, K) [ND_##E] = (SortFn)quicksort_##E,
    ND_REAL_DTYPES(X)
#undef X
};
static const ASortFn asort_fns[ND_NTYPES] = {
#define X(E, T, U, K) [ND_##E] = (ASortFn)aquicksort_##E,
    ND_REAL_DTYPES(X)
#undef X
};
static const UniqFn uniq_fns[ND_NTYPES] = {
#define X(E, T, U, K) [ND_##E] = (UniqFn)uniq_##E,
    ND_REAL_DTYPES(X)
#undef X
};

/* ---- LSD radix sort for long lanes of 4- and 8-byte values ----
** For sort (not argsort) every correct algorithm gives the same bytes,
** with one exception: -0.0 and 0.0 compare equal, so how they interleave
** depends on the algorithm; a float lane holding both keeps the introsort
** (NumPy's order). NaNs are moved to the end first either way. Keys are
** the values' bits mapped to unsigned order (floats: negatives flip all
** bits, the rest the sign bit; signed ints flip the sign bit), sorted a
** byte per pass; a byte equal in every key costs no pass. (Buffering the
** scattered writes per bucket was measured slower here at every size.) */
#define RADIX_MIN 8192 /* below, the introsort is as fast */

#define RADIX(BITS, KT)                                                    \
    static KT key##BITS(KT u, char kind, int back)                         \
    {                                                                      \
        const KT top = (KT)1 << (BITS - 1);                                \
        if (kind == 'u')                                                   \
            return u;                                                      \
        if (kind == 'i')                                                   \
            return u ^ top;                                                \
        if (!back)                                                         \
            return (u & top) ? (KT)~u : (KT)(u | top);                     \
        return (u & top) ? (KT)(u & ~top) : (KT)~u;                        \
    }                                                                      \
    static void radix##BITS(char *lane, char *tmp, int64_t n, char kind)   \
    {                                                                      \
        enum { NB = BITS / 8 };                                            \
        int64_t hist[NB][256];                                             \
        KT k0 = 0;                                                         \
        memset(hist, 0, sizeof hist);                                      \
        for (int64_t i = 0; i < n; i++) {                                  \
            KT u;                                                          \
            memcpy(&u, lane + i * NB, NB);                                 \
            u = key##BITS(u, kind, 0);                                     \
            memcpy(lane + i * NB, &u, NB);                                 \
            for (int b = 0; b < NB; b++)                                   \
                hist[b][(u >> (8 * b)) & 255]++;                           \
        }                                                                  \
        memcpy(&k0, lane, NB);                                             \
        char *src = lane, *dst = tmp;                                      \
        for (int b = 0; b < NB; b++) {                                     \
            int64_t off[256], sum = 0;                                     \
            if (hist[b][(k0 >> (8 * b)) & 255] == n)                       \
                continue;                                                  \
            for (int d = 0; d < 256; d++) {                                \
                off[d] = sum;                                              \
                sum += hist[b][d];                                         \
            }                                                              \
            for (int64_t i = 0; i < n; i++) {                              \
                KT u;                                                      \
                memcpy(&u, src + i * NB, NB);                              \
                memcpy(dst + off[(u >> (8 * b)) & 255]++ * NB, &u, NB);    \
            }                                                              \
            char *t = src;                                                 \
            src = dst;                                                     \
            dst = t;                                                       \
        }                                                                  \
        for (int64_t i = 0; i < n; i++) {                                  \
            KT u;                                                          \
            memcpy(&u, src + i * NB, NB);                                  \
            u = key##BITS(u, kind, 1);                                     \
            memcpy(lane + i * NB, &u, NB);                                 \
        }                                                                  \
    }
RADIX(32, uint32_t)
RADIX(64, uint64_t)

/* Sort one contiguous lane of n values; tmp (n * isz bytes, or NULL)
** lets long lanes use the radix sort. */
static void sort_lane(NdDType t, SortFn f, char *p, int64_t n, char *tmp)
{
    size_t isz = nd_dtype_size(t);
    char kind = nd_dtype_kind(t);
    if (!tmp || n < RADIX_MIN || (isz != 4 && isz != 8) || kind == 'c' ||
        kind == 'b') {
        f(p, n);
        return;
    }
    int64_t k = n;
    if (kind == 'f') {
        /* NaNs last, as quicksort_E does; then look for both zeros */
        int neg0 = 0, pos0 = 0;
#define NANS_OUT(T)                                                        \
    do {                                                                   \
        T *a = (T *)p;                                                     \
        for (int64_t i = n - 1; i >= 0; i--)                               \
            if (a[i] != a[i]) {                                            \
                T x = a[i];                                                \
                a[i] = a[--k];                                             \
                a[k] = x;                                                  \
            }                                                              \
        for (int64_t i = 0; i < k; i++)                                    \
            if (a[i] == 0) {                                               \
                if (signbit(a[i]))                                         \
                    neg0 = 1;                                              \
                else                                                       \
                    pos0 = 1;                                              \
            }                                                              \
    } while (0)
        if (isz == 8)
            NANS_OUT(double);
        else
            NANS_OUT(float);
#undef NANS_OUT
        if (neg0 && pos0) {
            f(p, k); /* NaNs are already last: f leaves them there */
            return;
        }
    }
    if (isz == 8)
        radix64(p, tmp, k, kind);
    else
        radix32(p, tmp, k, kind);
}

size_t nd_sort_scratch(const NdArray *a, int axis)
{
    if (a->ndim == 0)
        return 0;
    return (size_t)a->shape[axis] * (nd_dtype_size(a->dtype) + 8);
}

/* Visit every lane along axis: fn(lane pointer, stride) in C order. */
#define FOR_LANES(A, AXIS, P, BODY)                                        \
    do {                                                                   \
        int64_t idx_[ND_MAXDIMS] = {0};                                    \
        int64_t tot_ = nd_size(A) / ((A)->shape[AXIS] ? (A)->shape[AXIS] : 1); \
        if ((A)->shape[AXIS] == 0)                                         \
            tot_ = 0;                                                      \
        for (int64_t k_ = 0; k_ < tot_; k_++) {                            \
            char *P = (A)->data;                                           \
            for (int d_ = 0; d_ < (A)->ndim; d_++)                         \
                if (d_ != (AXIS))                                          \
                    P += idx_[d_] * (A)->strides[d_];                      \
            BODY;                                                          \
            for (int d_ = (A)->ndim - 1; d_ >= 0; d_--) {                  \
                if (d_ == (AXIS))                                          \
                    continue;                                              \
                if (++idx_[d_] < (A)->shape[d_])                           \
                    break;                                                 \
                idx_[d_] = 0;                                              \
            }                                                              \
        }                                                                  \
    } while (0)

NdError nd_sort(NdArray *a, int axis, void *scratch, NdErr *e)
{
    NdError err;
    SortFn f = sort_fns[a->dtype];
    if (a->ndim == 0)
        return nd_fail(e, ND_EAXIS,
                       "axis %d is out of bounds for array of dimension 0",
                       axis);
    if ((err = nd_norm_axis(&axis, a->ndim, e)))
        return err;
    if (!f)
        return nd_fail(e, ND_ETYPE, "sorting complex arrays is not "
                                    "supported");
    int64_t n = a->shape[axis];
    size_t isz = nd_dtype_size(a->dtype);
    ptrdiff_t st = a->strides[axis];
    FOR_LANES(a, axis, p, {
        if (st == (ptrdiff_t)isz) {
            sort_lane(a->dtype, f, p, n, scratch);
        } else {
            /* scratch holds n * (isz + 8) bytes: the lane, then room
            ** for the radix sort's second buffer */
            char *buf = scratch;
            for (int64_t i = 0; i < n; i++)
                memcpy(buf + i * isz, p + i * st, isz);
            sort_lane(a->dtype, f, buf, n, buf + n * isz);
            for (int64_t i = 0; i < n; i++)
                memcpy(p + i * st, buf + i * isz, isz);
        }
    });
    return ND_OK;
}

NdError nd_argsort(const NdArray *a, int axis, NdArray *out, void *scratch,
                   NdErr *e)
{
    NdError err;
    ASortFn f = asort_fns[a->dtype];
    if ((err = nd_norm_axis(&axis, a->ndim, e)))
        return err;
    if (!f)
        return nd_fail(e, ND_ETYPE, "sorting complex arrays is not "
                                    "supported");
    int64_t n = a->shape[axis];
    size_t isz = nd_dtype_size(a->dtype);
    ptrdiff_t st = a->strides[axis], os = out->strides[axis];
    char *vals = scratch;
    int64_t *ix = (int64_t *)((char *)scratch + ((n * isz + 15) & ~(size_t)15));
    /* walk a and out lanes together: same shape, so same lane order */
    int64_t idx[ND_MAXDIMS] = {0};
    int64_t tot = n ? nd_size(a) / n : 0;
    for (int64_t k = 0; k < tot; k++) {
        const char *p = a->data;
        char *q = out->data;
        for (int d = 0; d < a->ndim; d++)
            if (d != axis) {
                p += idx[d] * a->strides[d];
                q += idx[d] * out->strides[d];
            }
        const void *v = p;
        if (st != (ptrdiff_t)isz) {
            for (int64_t i = 0; i < n; i++)
                memcpy(vals + i * isz, p + i * st, isz);
            v = vals;
        }
        for (int64_t i = 0; i < n; i++)
            ix[i] = i;
        f(v, ix, n);
        for (int64_t i = 0; i < n; i++)
            *(int64_t *)(q + i * os) = ix[i];
        for (int d = a->ndim - 1; d >= 0; d--) {
            if (d == axis)
                continue;
            if (++idx[d] < a->shape[d])
                break;
            idx[d] = 0;
        }
    }
    return ND_OK;
}

int64_t nd_unique_sorted(NdArray *a, int64_t *counts)
{
    UniqFn f = uniq_fns[a->dtype];
    return f ? f(a->data, a->shape[0], counts) : a->shape[0];
}

NdError nd_quantile_rows(NdArray *work, const double *q, int nq,
                         int median, NdArray *out, NdErr *e)
{
    NdError err;
    int64_t m = work->shape[0], n = work->shape[1];
    NdDType t = work->dtype;
    size_t isz = nd_dtype_size(t);
    if ((err = nd_sort(work, 1, NULL, e)))
        return err;
    for (int64_t r = 0; r < m; r++) {
        const char *row = work->data + r * work->strides[0];
        int nan = n > 0 && nd_dtype_kind(t) == 'f' &&
                  isnan(nd_get_double(t, row + (n - 1) * isz));
        for (int k = 0; k < nq; k++) {
            char *o = out->data + ((int64_t)k * m + r) * (int64_t)nd_dtype_size(out->dtype);
            double res;
            if (n == 0 || nan) {
                res = NAN;
            } else if (median) {
                /* mean of the middle one or two, in out's dtype */
                int64_t h = n / 2;
                if (n % 2) {
                    res = nd_get_double(t, row + h * isz);
                } else if (out->dtype == ND_FLOAT32) {
                    float s = 0;
                    s += (float)nd_get_double(t, row + (h - 1) * isz);
                    s += (float)nd_get_double(t, row + h * isz);
                    res = (double)(s / 2.0f);
                } else {
                    double s = 0;
                    s += nd_get_double(t, row + (h - 1) * isz);
                    s += nd_get_double(t, row + h * isz);
                    res = s / 2.0;
                }
            } else {
                double vi = (double)(n - 1) * q[k];
                int64_t prev = (int64_t)floor(vi), next = prev + 1;
                double gamma;
                if (vi >= (double)(n - 1)) {
                    prev = next = n - 1;
                    gamma = vi - (double)-1;
                } else if (vi < 0) {
                    prev = next = 0;
                    gamma = vi;
                } else {
                    gamma = vi - (double)prev;
                }
                /* _lerp: diff in the data dtype, then float64 */
                double a, b, diff;
                if (nd_dtype_kind(t) == 'i' || nd_dtype_kind(t) == 'u' ||
                    nd_dtype_kind(t) == 'b') {
                    int64_t ia = nd_get_int(t, row + prev * isz);
                    int64_t ib = nd_get_int(t, row + next * isz);
                    a = (double)ia;
                    b = (double)ib;
                    diff = (double)(int64_t)((uint64_t)ib - (uint64_t)ia);
                } else if (t == ND_FLOAT32) {
                    float fa = (float)nd_get_double(t, row + prev * isz);
                    float fb = (float)nd_get_double(t, row + next * isz);
                    a = fa;
                    b = fb;
                    diff = (double)(fb - fa);
                } else {
                    a = nd_get_double(t, row + prev * isz);
                    b = nd_get_double(t, row + next * isz);
                    diff = b - a;
                }
                res = a + diff * gamma;
                if (gamma >= 0.5)
                    res = b - diff * (1 - gamma);
            }
            nd_set_double(out->dtype, o, res);
        }
    }
    return ND_OK;
}
