/*
** fuzz_nd.c - libFuzzer target for the array core (engine/nd*.c).
**
** The input is a little program: it builds a few arrays of random dtype
** and shape from the bytes, then applies random operations (ufuncs,
** reductions, views, indexing get/set, sorting, quantiles, matmul,
** reshape, casts) through the public C API, allocating every result the
** way the binding does (prepare, then allocate, then run). Run under
** ASan+UBSan; any crash, leak or UB report is a bug.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "nd.h"

#define NARR 6

typedef struct {
    const uint8_t *p;
    size_t n;
} In;

static unsigned byte(In *in)
{
    if (!in->n)
        return 0;
    in->n--;
    return *in->p++;
}

typedef struct {
    NdArray a;
    char *mem; /* owned allocation, NULL for views */
    int live;
} Slot;

static Slot slots[NARR];
static void *extra[64];
static int nextra;

static void *xalloc(size_t n)
{
    void *p = calloc(1, n ? n : 1);
    if (p && nextra < 64)
        extra[nextra++] = p;
    else if (p) {
        free(p);
        p = NULL;
    }
    return p;
}

/* Give slot k a fresh array described by d (allocating its data). */
static int adopt(int k, NdArray *d)
{
    size_t nb = nd_nbytes(d);
    if (nb > (1u << 20))
        return 0;
    char *m = xalloc(nb);
    if (!m)
        return 0;
    d->data = d->buffer = m;
    d->buffer_size = nb;
    slots[k].a = *d;
    slots[k].live = 1;
    return 1;
}

static void make_array(In *in, int k)
{
    NdArray d;
    int64_t shape[4];
    int nd = (int)(byte(in) % 4);
    NdDType t = (NdDType)(byte(in) % ND_NTYPES);
    for (int i = 0; i < nd; i++)
        shape[i] = byte(in) % 5;
    if (nd_init(&d, t, nd, shape, NULL))
        return;
    if (!adopt(k, &d))
        return;
    size_t nb = nd_nbytes(&d);
    for (size_t i = 0; i < nb; i++)
        slots[k].a.data[i] = (char)byte(in);
    /* keep floats finite-ish but allow NaN/inf sometimes */
}

static NdArray *pick(In *in)
{
    int k = (int)(byte(in) % NARR);
    return slots[k].live ? &slots[k].a : NULL;
}

static void op_binary(In *in)
{
    NdArray *a = pick(in), *b = pick(in), d;
    NdErr e;
    NdDType t;
    int nd;
    int64_t shape[ND_MAXDIMS];
    NdBinaryOp op = (NdBinaryOp)(byte(in) % ND_NBINARY);
    if (!a || !b)
        return;
    if (nd_binary_prepare(op, a, b, &t, &nd, shape, &e))
        return;
    if (nd_init(&d, t, nd, shape, &e))
        return;
    int k = (int)(byte(in) % NARR);
    if (byte(in) & 1) {
        /* out= an existing array of the right shape (maybe an input) */
        NdArray *o = pick(in);
        if (o && o->ndim == nd &&
            !memcmp(o->shape, shape, sizeof(int64_t) * (size_t)nd)) {
            nd_binary(op, a, b, o, &e);
            return;
        }
    }
    NdArray av = *a, bv = *b;
    if (adopt(k, &d))
        nd_binary(op, &av, &bv, &slots[k].a, &e);
}

static void op_unary(In *in)
{
    NdArray *a = pick(in), d;
    NdErr e;
    NdDType t;
    NdUnaryOp op = (NdUnaryOp)(byte(in) % ND_NUNARY);
    if (!a || nd_unary_prepare(op, a, &t, &e))
        return;
    if (nd_init(&d, t, a->ndim, a->shape, &e))
        return;
    NdArray av = *a;
    int k = (int)(byte(in) % NARR);
    if (adopt(k, &d))
        nd_unary(op, &av, &slots[k].a, &e);
}

static void op_reduce(In *in)
{
    NdArray *a = pick(in), d;
    NdErr e;
    char axes[ND_MAXDIMS] = {0};
    if (!a)
        return;
    NdReduceOp op = (NdReduceOp)(byte(in) % (ND_R_COUNT_NONZERO + 1));
    unsigned m = byte(in);
    for (int i = 0; i < a->ndim; i++)
        axes[i] = (char)((m >> i) & 1);
    int keep = byte(in) & 1;
    if (nd_reduce_prepare(op, a, axes, keep, -1, &d, &e))
        return;
    NdArray av = *a;
    int k = (int)(byte(in) % NARR);
    if (adopt(k, &d))
        nd_reduce(op, &av, axes, byte(in) % 2, &slots[k].a, &e);
}

static void op_view(In *in)
{
    NdArray *a = pick(in), v;
    NdErr e;
    if (!a)
        return;
    int k = (int)(byte(in) % NARR);
    switch (byte(in) % 6) {
    case 0:
        if (nd_transpose(&v, a, NULL, &e))
            return;
        break;
    case 1: {
        if (a->ndim == 0)
            return;
        int ax = (int)(byte(in) % (unsigned)a->ndim);
        int64_t st, step, len;
        int64_t s0 = (int8_t)byte(in), s1 = (int8_t)byte(in),
                s2 = (int8_t)byte(in);
        if (nd_slice_indices(a->shape[ax], 1, s0, 1, s1, 1, s2, &st, &step,
                             &len, &e))
            return;
        nd_slice_axis(&v, a, ax, st, step, len);
        break;
    }
    case 2: {
        int64_t shape[4];
        int nd = (int)(byte(in) % 4);
        for (int i = 0; i < nd; i++)
            shape[i] = (int64_t)(byte(in) % 7) - 1;
        if (nd_reshape_shape(a, nd, shape, &e))
            return;
        if (!nd_reshape_view(&v, a, nd, shape))
            return;
        break;
    }
    case 3:
        if (nd_expand_dims(&v, a, (int)(byte(in) % 3) - 1, &e))
            return;
        break;
    case 4:
        if (nd_squeeze(&v, a, -1, &e))
            return;
        break;
    default: {
        int64_t shape[4];
        int nd = (int)(byte(in) % 4);
        for (int i = 0; i < nd; i++)
            shape[i] = byte(in) % 4;
        if (nd_broadcast_to(&v, a, nd, shape, &e))
            return;
        break;
    }
    }
    /* views alias other slots' memory, which stays allocated */
    slots[k].a = v;
    slots[k].live = 1;
}

static void op_index(In *in)
{
    NdArray *a = pick(in), d;
    NdErr e;
    NdIndex ix[6];
    NdArray ixa[6]; /* copies: adopt() may overwrite the slots */
    NdIndexPlan plan;
    if (!a)
        return;
    int n = (int)(byte(in) % 5);
    for (int i = 0; i < n; i++) {
        memset(&ix[i], 0, sizeof ix[i]);
        switch (byte(in) % 6) {
        case 0:
            ix[i].kind = ND_IX_INT;
            ix[i].i = (int8_t)byte(in) % 6;
            break;
        case 1:
            ix[i].kind = ND_IX_SLICE;
            ix[i].has_start = byte(in) & 1;
            ix[i].start = (int8_t)byte(in) % 6;
            ix[i].has_stop = byte(in) & 1;
            ix[i].stop = (int8_t)byte(in) % 6;
            ix[i].has_step = byte(in) & 1;
            ix[i].step = (int8_t)byte(in) % 3;
            break;
        case 2: ix[i].kind = ND_IX_NEWAXIS; break;
        case 3: ix[i].kind = ND_IX_ELLIPSIS; break;
        default: {
            NdArray *x = pick(in);
            if (!x)
                return;
            ixa[i] = *x;
            ix[i].kind = ND_IX_ARRAY;
            ix[i].arr = &ixa[i];
            break;
        }
        }
    }
    if (nd_index_prepare(a, ix, n, &plan, &e))
        return;
    if (byte(in) & 1) {
        /* a set walks plan.shape, which broadcasting can make far larger
        ** than any array here: bound it like adopt() bounds a get */
        NdArray *v = pick(in);
        int64_t work = 1;
        for (int i = 0; i < plan.ndim && work <= (1 << 20); i++)
            work *= plan.shape[i];
        if (v && work <= (1 << 20))
            nd_index_set(&plan, v, &e);
        return;
    }
    if (nd_init(&d, a->dtype, plan.ndim, plan.shape, &e))
        return;
    int k = (int)(byte(in) % NARR);
    NdIndexPlan p2 = plan;
    if (adopt(k, &d))
        nd_index_get(&p2, &slots[k].a, &e);
}

static void op_misc(In *in)
{
    NdArray *a = pick(in), d;
    NdErr e;
    if (!a)
        return;
    switch (byte(in) % 6) {
    case 0: { /* sort a copy */
        if (a->ndim == 0 || nd_init(&d, a->dtype, a->ndim, a->shape, &e))
            return;
        int k = (int)(byte(in) % NARR);
        NdArray av = *a;
        if (!adopt(k, &d) || nd_assign(&slots[k].a, &av, &e))
            return;
        int ax = (int)(byte(in) % (unsigned)a->ndim);
        void *s = xalloc(nd_sort_scratch(&slots[k].a, ax));
        if (s)
            nd_sort(&slots[k].a, ax, s, &e);
        break;
    }
    case 1: { /* argsort */
        if (a->ndim == 0 || nd_init(&d, ND_INT64, a->ndim, a->shape, &e))
            return;
        int ax = (int)(byte(in) % (unsigned)a->ndim);
        NdArray av = *a;
        int k = (int)(byte(in) % NARR);
        size_t n = (size_t)a->shape[ax];
        void *s = xalloc(n * nd_dtype_size(a->dtype) + 16 + n * 8);
        if (s && adopt(k, &d))
            nd_argsort(&av, ax, &slots[k].a, s, &e);
        break;
    }
    case 2: { /* matmul */
        NdArray *b = pick(in);
        NdDType t;
        int nd;
        int64_t shape[ND_MAXDIMS];
        if (!b || nd_matmul_prepare(a, b, &t, &nd, shape, &e) ||
            nd_init(&d, t, nd, shape, &e))
            return;
        NdArray av = *a, bv = *b;
        int k = (int)(byte(in) % NARR);
        if (!adopt(k, &d))
            return;
        void *s = xalloc(nd_matmul_scratch(&av, &bv, &slots[k].a));
        if (s)
            nd_matmul(&av, &bv, &slots[k].a, s, &e);
        break;
    }
    case 3: { /* cast copy */
        NdDType t = (NdDType)(byte(in) % ND_NTYPES);
        if (nd_init(&d, t, a->ndim, a->shape, &e))
            return;
        NdArray av = *a;
        int k = (int)(byte(in) % NARR);
        if (adopt(k, &d))
            nd_assign(&slots[k].a, &av, &e);
        break;
    }
    case 4: { /* quantile of a copy as (1, n) float64 */
        int64_t n = nd_size(a), sh[2] = {1, n}, one = 1;
        double q = (byte(in) % 101) / 100.0;
        NdArray w, o;
        if (nd_init(&w, a->dtype, a->ndim, a->shape, &e))
            return;
        char *m = xalloc(nd_nbytes(&w));
        if (!m)
            return;
        w.data = m;
        if (nd_assign(&w, a, &e))
            return;
        w.ndim = 2;
        w.shape[0] = 1, w.shape[1] = n;
        w.strides[1] = (int64_t)nd_dtype_size(w.dtype);
        w.strides[0] = n * w.strides[1];
        nd_update_flags(&w);
        nd_init(&o, ND_FLOAT64, 1, &one, NULL);
        o.data = xalloc(8);
        if (o.data)
            nd_quantile_rows(&w, &q, 1, byte(in) & 1, &o, &e);
        (void)sh;
        break;
    }
    default: { /* accumulate */
        NdDType t = nd_sum_dtype(a->dtype);
        if (a->ndim == 0 || nd_init(&d, t, a->ndim, a->shape, &e))
            return;
        NdArray av = *a;
        int k = (int)(byte(in) % NARR);
        if (adopt(k, &d))
            nd_accumulate(byte(in) & 1, &av, (int)(byte(in) % 4) - 2,
                          &slots[k].a, &e);
        break;
    }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    In in = {data, size};
    memset(slots, 0, sizeof slots);
    nextra = 0;
    for (int k = 0; k < 3; k++)
        make_array(&in, k);
    for (int step = 0; step < 24 && in.n; step++) {
        switch (byte(&in) % 7) {
        case 0: make_array(&in, (int)(byte(&in) % NARR)); break;
        case 1: op_binary(&in); break;
        case 2: op_unary(&in); break;
        case 3: op_reduce(&in); break;
        case 4: op_view(&in); break;
        case 5: op_index(&in); break;
        default: op_misc(&in); break;
        }
    }
    for (int i = 0; i < nextra; i++)
        free(extra[i]);
    return 0;
}
