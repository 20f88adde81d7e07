/*
** nd_stable.c - kind='stable' (and 'mergesort'): sort and argsort along an
** axis keeping equal keys in their order.
**
** A merge sort of indices per lane, NaNs last. NumPy runs a radix sort or
** timsort here; a stable order under one comparison is unique, so any
** stable sort gives NumPy's indices, and its values down to the order of
** -0.0 and 0.0 and of NaN payloads.
*/
#include <string.h>

#include "nd_int.h"

#define RUN 16 /* insertion-sorted runs before merging */

/* a before b: less, or a number before a NaN (NumPy's NaN-last order;
** for integers the second half is always false). */
#define LT(a, b) ((a) < (b) || ((b) != (b) && (a) == (a)))

/* Sort ix[0..n) by v[ix[i]] with tmp (n slots) as the merge buffer; the
** result ends in ix. */
#define STABLE_SORT(E, T, U, K)                                            \
    static void msort_##E(const void *vals, int64_t *ix, int64_t *tmp,     \
                          int64_t n)                                       \
    {                                                                      \
        const T *v = vals;                                                 \
        int64_t *src = ix, *dst = tmp;                                     \
        for (int64_t lo = 0; lo < n; lo += RUN) {                          \
            int64_t hi = lo + RUN < n ? lo + RUN : n;                      \
            for (int64_t i = lo + 1; i < hi; i++) {                        \
                int64_t x = ix[i], j = i;                                  \
                for (; j > lo && LT(v[x], v[ix[j - 1]]); j--)           \
                    ix[j] = ix[j - 1];                                     \
                ix[j] = x;                                                 \
            }                                                              \
        }                                                                  \
        for (int64_t w = RUN; w < n; w *= 2) {                             \
            for (int64_t lo = 0; lo < n; lo += 2 * w) {                    \
                int64_t mid = lo + w < n ? lo + w : n;                     \
                int64_t hi = lo + 2 * w < n ? lo + 2 * w : n;              \
                int64_t i = lo, j = mid, k = lo;                           \
                while (i < mid && j < hi)                                  \
                    dst[k++] = LT(v[src[j]], v[src[i]]) ? src[j++]      \
                                                           : src[i++];     \
                while (i < mid)                                            \
                    dst[k++] = src[i++];                                   \
                while (j < hi)                                             \
                    dst[k++] = src[j++];                                   \
            }                                                              \
            int64_t *t = src;                                              \
            src = dst;                                                     \
            dst = t;                                                       \
        }                                                                  \
        if (src != ix)                                                     \
            memcpy(ix, src, (size_t)n * sizeof *ix);                       \
    }
ND_REAL_DTYPES(STABLE_SORT)
#undef STABLE_SORT

typedef void (*MsortFn)(const void *, int64_t *, int64_t *, int64_t);

static MsortFn msort_fn(NdDType t)
{
    switch (t) {
#define CASE(E, T, U, K)                                                   \
    case ND_##E:                                                           \
        return msort_##E;
        ND_REAL_DTYPES(CASE)
#undef CASE
    default:
        return NULL; /* float16 (the binding sorts it as float32), complex */
    }
}

size_t nd_stable_scratch(NdDType t, int64_t n)
{
    return (((size_t)n * nd_dtype_size(t) + 15) & ~(size_t)15) +
           2 * (size_t)n * sizeof(int64_t);
}

/* Each lane of a along axis: its values copied to scratch, its stable
** order computed; out (argsort) receives the indices, or sorted (a
** itself, writable) the values in that order. */
static NdError stable_lanes(const NdArray *a, int axis, NdArray *sorted,
                            NdArray *out, void *scratch, NdErr *e)
{
    NdError err;
    MsortFn f = msort_fn(a->dtype);
    if ((err = nd_norm_axis(&axis, a->ndim, e)))
        return err;
    if (!f)
        return nd_fail(e, ND_ETYPE, "a stable sort of %s is not supported "
                                    "in pyprep", nd_dtype_name(a->dtype));
    int64_t n = a->shape[axis];
    size_t isz = nd_dtype_size(a->dtype);
    ptrdiff_t st = a->strides[axis];
    char *vals = scratch;
    int64_t *ix = (int64_t *)(vals + ((n * isz + 15) & ~(size_t)15));
    int64_t *tmp = ix + n;
    int64_t idx[ND_MAXDIMS] = {0};
    int64_t lanes = n ? nd_size(a) / n : 0;
    for (int64_t k = 0; k < lanes; k++) {
        ptrdiff_t at = nd_lane_offset(a, axis, idx);
        ptrdiff_t qat = out ? nd_lane_offset(out, axis, idx) : 0;
        const char *p = a->data + at;
        for (int64_t i = 0; i < n; i++) {
            memcpy(vals + i * isz, p + i * st, isz);
            ix[i] = i;
        }
        f(vals, ix, tmp, n);
        for (int64_t i = 0; i < n; i++) {
            if (out)
                *(int64_t *)(out->data + qat + i * out->strides[axis]) =
                    ix[i];
            else
                memcpy(sorted->data + at + i * st,
                       vals + ix[i] * (int64_t)isz, isz);
        }
        nd_lane_next(a, axis, idx);
    }
    return ND_OK;
}

NdError nd_sort_stable(NdArray *a, int axis, void *scratch, NdErr *e)
{
    return stable_lanes(a, axis, a, NULL, scratch, e);
}

NdError nd_argsort_stable(const NdArray *a, int axis, NdArray *out,
                          void *scratch, NdErr *e)
{
    return stable_lanes(a, axis, NULL, out, scratch, e);
}
