/*
** nd_dot.c - matrix products.
**
** One blocked i-k-j kernel per real dtype: the inner loop is a
** contiguous axpy the compiler vectorises, and every output element still
** accumulates its terms in ascending k order from zero, which is the
** order reference BLAS (what NumPy uses here) adds them in.
*/
#include "nd_int.h"

#include <stdio.h>

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

NdError nd_matmul2d(const NdArray *a, const NdArray *b, NdArray *out,
                    NdErr *e)
{
    MmFn f = mm_fns[out->dtype];
    if (!f)
        return nd_fail(e, ND_ETYPE, "matmul of %s arrays is not supported",
                       nd_dtype_name(out->dtype));
    f(a->data, b->data, out->data, a->shape[0], a->shape[1], b->shape[1]);
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

size_t nd_matmul_scratch(const NdArray *a, const NdArray *b,
                         const NdArray *out)
{
    int64_t m = a->ndim == 1 ? 1 : a->shape[a->ndim - 2];
    int64_t k = a->shape[a->ndim - 1];
    int64_t n = b->ndim == 1 ? 1 : b->shape[b->ndim - 1];
    size_t isz = nd_dtype_size(out->dtype);
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
    for (int64_t q = 0; q < nb; q++) {
        NdArray va, vb, vo = *out;
        NdError err;
        block(&va, a, 0, bnd, bidx);
        block(&vb, b, 1, bnd, bidx);
        if (k > 0) {
            if ((err = nd_assign(&pa, &va, e)) ||
                (err = nd_assign(&pb, &vb, e)))
                return err;
        }
        if ((err = nd_matmul2d(&pa, &pb, &pc, e)))
            return err;
        /* output block */
        vo.ndim = 2;
        for (int i = 0; i < bnd; i++)
            vo.data += bidx[i] * out->strides[i];
        vo.shape[0] = m;
        vo.strides[0] = a->ndim > 1 ? out->strides[bnd] : 0;
        vo.shape[1] = n;
        vo.strides[1] = b->ndim > 1 ? out->strides[out->ndim - 1] : 0;
        if ((err = nd_assign(&vo, &pc, e)))
            return err;
        for (int i = bnd - 1; i >= 0; i--) {
            if (++bidx[i] < out->shape[i])
                break;
            bidx[i] = 0;
        }
    }
    return ND_OK;
}
