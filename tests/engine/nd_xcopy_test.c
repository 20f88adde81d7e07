/*
** nd_xcopy_test.c - fast paths of indexing and copies (nd_index.c, nd.c).
**
** a[idx] with one int64 index array (the take loop that bounds-checks as
** it gathers), a[mask] with one contiguous mask (word-wise count and
** compaction), and the copies of nd_assign (contiguous casts, blocked
** transposes with the SIMD and the baseline kernels). Every case is
** compared with an element-by-element reference computed here, over
** every itemsize, odd shapes, and the strided layouts that must fall
** back to the general walks.
*/
#include <stdlib.h>

#include "nd.h"
#include "tap.h"

static NdArray mk(NdDType t, int nd, const int64_t *shape)
{
    NdArray a;
    nd_init(&a, t, nd, shape, NULL);
    size_t nb = nd_nbytes(&a);
    a.data = a.buffer = calloc(1, nb ? nb : 1);
    a.buffer_size = nb;
    return a;
}

static NdArray mk1(NdDType t, int64_t n)
{
    return mk(t, 1, &n);
}

/* Element address of a multi-index. */
static char *at(const NdArray *a, const int64_t *idx)
{
    char *p = a->data;
    for (int d = 0; d < a->ndim; d++)
        p += idx[d] * a->strides[d];
    return p;
}

/* Advance a C-order multi-index; 0 when done. */
static int next(const NdArray *a, int64_t *idx)
{
    for (int d = a->ndim - 1; d >= 0; d--) {
        if (++idx[d] < a->shape[d])
            return 1;
        idx[d] = 0;
    }
    return 0;
}

/* Fill every byte of a's elements with a pattern depending on position
** (distinct values per element and byte). */
static void fill_pattern(NdArray *a, unsigned seed)
{
    int64_t idx[ND_MAXDIMS] = {0}, k = 0, n = nd_size(a);
    size_t isz = nd_dtype_size(a->dtype);
    for (; k < n; k++) {
        char *p = at(a, idx);
        for (size_t b = 0; b < isz; b++)
            p[b] = (char)(seed * 31u + (unsigned)k * 7u + (unsigned)b * 13u +
                          (unsigned)(k >> 8));
        next(a, idx);
    }
}

static NdIndex ixarr(const NdArray *x)
{
    NdIndex i;
    memset(&i, 0, sizeof i);
    i.kind = ND_IX_ARRAY;
    i.arr = x;
    return i;
}

static NdIndex ixslice(int64_t start, int64_t step)
{
    NdIndex i;
    memset(&i, 0, sizeof i);
    i.kind = ND_IX_SLICE;
    i.has_start = 1;
    i.start = start;
    i.has_step = 1;
    i.step = step;
    return i;
}

/* x[0..m) = (i * mul + add) % n, negated on odd i when neg. */
static NdArray make_idx(int64_t m, int64_t n, int64_t mul, int neg)
{
    NdArray x = mk1(ND_INT64, m);
    for (int64_t i = 0; i < m; i++) {
        int64_t v = n ? (i * mul + 3) % n : 0;
        if (neg && (i & 1))
            v -= n;
        ((int64_t *)x.data)[i] = v;
    }
    return x;
}

/* Reference a[idx] (idx 1-d, applied to axis 0): 1 when out matches. */
static int check_take(const NdArray *a, const NdArray *x, const NdArray *o)
{
    size_t isz = nd_dtype_size(a->dtype);
    int64_t ai[ND_MAXDIMS] = {0}, oi[ND_MAXDIMS] = {0};
    if (o->ndim != a->ndim || o->shape[0] != x->shape[0])
        return 0;
    for (int64_t i = 0; i < x->shape[0]; i++) {
        int64_t k = nd_get_int(ND_INT64, x->data + i * x->strides[0]);
        if (k < 0)
            k += a->shape[0];
        int64_t rest = 1;
        for (int d = 1; d < a->ndim; d++)
            rest *= a->shape[d];
        memset(ai, 0, sizeof ai);
        memset(oi, 0, sizeof oi);
        ai[0] = k;
        oi[0] = i;
        for (int64_t r = 0; r < rest; r++) {
            if (memcmp(at(a, ai), at(o, oi), isz) != 0)
                return 0;
            for (int d = a->ndim - 1; d >= 1; d--) {
                if (++ai[d] < a->shape[d]) {
                    oi[d] = ai[d];
                    break;
                }
                ai[d] = oi[d] = 0;
            }
        }
    }
    return 1;
}

/* Run a[ix...] through prepare + get into a fresh C-order array of dtype
** t; returns the error code, *o the result (caller frees o->data). */
static NdError get(const NdArray *a, const NdIndex *ix, int n, NdDType t,
                   NdArray *o, NdErr *e)
{
    NdIndexPlan plan;
    NdError rc = nd_index_prepare(a, ix, n, &plan, e);
    memset(o, 0, sizeof *o);
    if (rc)
        return rc;
    *o = mk(t, plan.ndim, plan.shape);
    return nd_index_get(&plan, o, e);
}

static const NdDType every_size[] = {ND_BOOL, ND_INT16, ND_FLOAT32, ND_FLOAT64,
                                     ND_COMPLEX128};

static void test_take(void)
{
    NdErr e;
    NdArray o;
    /* every itemsize, positive and negative indices, n not a multiple of
    ** anything in particular */
    for (size_t t = 0; t < sizeof every_size / sizeof *every_size; t++) {
        NdDType dt = every_size[t];
        NdArray a = mk1(dt, 37), x = make_idx(23, 37, 11, 1);
        NdIndex ix = ixarr(&x);
        fill_pattern(&a, 1);
        NdError rc = get(&a, &ix, 1, dt, &o, &e);
        ok(rc == ND_OK && o.ndim == 1 && o.shape[0] == 23 &&
               check_take(&a, &x, &o),
           "nd_index: take %s[idx] (37 by 23, negatives) as element loop",
           nd_dtype_name(dt));
        free(o.data);
        free(a.data), free(x.data);
    }
    /* out of range, both signs, and the first bad index is the one
    ** named; the message is NumPy's */
    {
        NdArray a = mk1(ND_FLOAT64, 10), x = make_idx(5, 10, 1, 0);
        NdIndex ix = ixarr(&x);
        ((int64_t *)x.data)[2] = 10;
        ((int64_t *)x.data)[4] = -11;
        ok(get(&a, &ix, 1, ND_FLOAT64, &o, &e) == ND_EINDEX &&
               !strcmp(e.msg, "index 10 is out of bounds for axis 0 with "
                              "size 10"),
           "nd_index: take index 10 of size 10 -> IndexError text");
        free(o.data);
        ((int64_t *)x.data)[2] = -11;
        ok(get(&a, &ix, 1, ND_FLOAT64, &o, &e) == ND_EINDEX &&
               !strcmp(e.msg, "index -11 is out of bounds for axis 0 with "
                              "size 10"),
           "nd_index: take index -11 of size 10 -> IndexError text");
        free(o.data);
        ((int64_t *)x.data)[2] = -10;
        ((int64_t *)x.data)[4] = 9;
        ok(get(&a, &ix, 1, ND_FLOAT64, &o, &e) == ND_OK &&
               check_take(&a, &x, &o),
           "nd_index: take indices -10 and 9 (the bounds) are fine");
        free(o.data);
        /* the same error through the cast fallback (out of another
        ** dtype) and through nd_index_set, which must not write */
        ((int64_t *)x.data)[1] = 12;
        {
            NdIndexPlan plan;
            nd_index_prepare(&a, &ix, 1, &plan, &e);
            NdArray o32 = mk1(ND_FLOAT32, 5);
            e.msg[0] = 0;
            ok(nd_index_get(&plan, &o32, &e) == ND_EINDEX &&
                   !strcmp(e.msg, "index 12 is out of bounds for axis 0 "
                                  "with size 10"),
               "nd_index: take with a cast checks the index too");
            free(o32.data);
            char st[16];
            NdArray v;
            nd_scalar_double(&v, st, ND_FLOAT64, 5.0);
            memset(a.data, 0, 80);
            e.msg[0] = 0;
            int rc = (int)nd_index_set(&plan, &v, &e);
            int untouched = 1;
            for (int i = 0; i < 10; i++)
                untouched &= ((double *)a.data)[i] == 0;
            ok(rc == ND_EINDEX && untouched &&
                   !strcmp(e.msg, "index 12 is out of bounds for axis 0 "
                                  "with size 10"),
               "nd_index: a[idx] = v with a bad index writes nothing");
            ((int64_t *)x.data)[1] = -3;
            nd_index_prepare(&a, &ix, 1, &plan, &e);
            rc = (int)nd_index_set(&plan, &v, &e);
            ok(rc == ND_OK && ((double *)a.data)[7] == 5 &&
                   ((double *)a.data)[9] == 5 && ((double *)a.data)[8] == 0,
               "nd_index: a[idx] = v through the unchecked plan writes");
        }
        free(a.data), free(x.data);
    }
    /* empty index arrays; an index into an empty axis; a bad index whose
    ** result is empty still raises (NumPy checks every index) */
    {
        int64_t sh0[2] = {3, 0};
        NdArray a = mk1(ND_FLOAT64, 10), z = mk1(ND_FLOAT64, 0);
        NdArray a30 = mk(ND_FLOAT64, 2, sh0), x0 = mk1(ND_INT64, 0);
        NdArray x1 = make_idx(1, 10, 1, 0);
        NdIndex i0 = ixarr(&x0), i1 = ixarr(&x1);
        ok(get(&a, &i0, 1, ND_FLOAT64, &o, &e) == ND_OK && o.ndim == 1 &&
               o.shape[0] == 0,
           "nd_index: a[[]] -> shape (0,)");
        free(o.data);
        ok(get(&z, &i0, 1, ND_FLOAT64, &o, &e) == ND_OK && o.shape[0] == 0,
           "nd_index: empty[[]] -> shape (0,)");
        free(o.data);
        ok(get(&z, &i1, 1, ND_FLOAT64, &o, &e) == ND_EINDEX &&
               !strcmp(e.msg, "index 3 is out of bounds for axis 0 with "
                              "size 0"),
           "nd_index: empty[[3]] -> IndexError");
        free(o.data);
        ((int64_t *)x1.data)[0] = 5;
        ok(get(&a30, &i1, 1, ND_FLOAT64, &o, &e) == ND_EINDEX &&
               !strcmp(e.msg, "index 5 is out of bounds for axis 0 with "
                              "size 3"),
           "nd_index: zeros((3,0))[[5]] -> IndexError though empty");
        free(o.data);
        ((int64_t *)x1.data)[0] = -3;
        ok(get(&a30, &i1, 1, ND_FLOAT64, &o, &e) == ND_OK && o.ndim == 2 &&
               o.shape[0] == 1 && o.shape[1] == 0,
           "nd_index: zeros((3,0))[[-3]] -> shape (1,0)");
        free(o.data);
        free(a.data), free(z.data), free(a30.data), free(x0.data);
        free(x1.data);
    }
    /* rows: 2-d and 3-d arrays, rows of every itemsize and of odd byte
    ** counts; then layouts that must take the general walk */
    {
        int64_t sh[3] = {7, 5, 3};
        for (size_t t = 0; t < sizeof every_size / sizeof *every_size; t++) {
            NdDType dt = every_size[t];
            NdArray a = mk(dt, 3, sh), x = make_idx(9, 7, 5, 1);
            NdIndex ix = ixarr(&x);
            fill_pattern(&a, 2);
            NdError rc = get(&a, &ix, 1, dt, &o, &e);
            ok(rc == ND_OK && o.ndim == 3 && o.shape[1] == 5 &&
                   o.shape[2] == 3 && check_take(&a, &x, &o),
               "nd_index: take rows of a (7,5,3) %s array", nd_dtype_name(dt));
            free(o.data);
            /* a.T: rows are not contiguous */
            NdArray tr;
            nd_transpose(&tr, &a, NULL, &e);
            NdArray x3 = make_idx(4, 3, 2, 1);
            NdIndex i3 = ixarr(&x3);
            rc = get(&tr, &i3, 1, dt, &o, &e);
            ok(rc == ND_OK && o.shape[0] == 4 && check_take(&tr, &x3, &o),
               "nd_index: take rows of a transposed %s view (general walk)",
               nd_dtype_name(dt));
            free(o.data);
            free(a.data), free(x.data), free(x3.data);
        }
    }
    /* strided source, strided index, index of another integer dtype */
    {
        NdArray a = mk1(ND_FLOAT64, 40), x = make_idx(30, 20, 7, 1);
        NdArray v, xs;
        fill_pattern(&a, 3);
        nd_slice_axis(&v, &a, 0, 1, 2, 20); /* a[1::2] */
        NdIndex ix = ixarr(&x);
        ok(get(&v, &ix, 1, ND_FLOAT64, &o, &e) == ND_OK &&
               check_take(&v, &x, &o),
           "nd_index: take from a[1::2] (stride 16)");
        free(o.data);
        nd_slice_axis(&xs, &x, 0, 1, 3, 10); /* x[1::3] */
        NdIndex is = ixarr(&xs);
        ok(get(&v, &is, 1, ND_FLOAT64, &o, &e) == ND_OK &&
               check_take(&v, &xs, &o),
           "nd_index: take by idx[1::3] (index stride 24)");
        free(o.data);
        NdArray x32 = mk1(ND_INT32, 30), x64 = mk1(ND_INT64, 30);
        for (int i = 0; i < 30; i++) {
            ((int32_t *)x32.data)[i] = ((int32_t)i * 7) % 20 - (i & 1) * 20;
            ((int64_t *)x64.data)[i] = ((int32_t *)x32.data)[i];
        }
        NdIndex i32 = ixarr(&x32);
        ok(get(&v, &i32, 1, ND_FLOAT64, &o, &e) == ND_OK &&
               check_take(&v, &x64, &o),
           "nd_index: take by an int32 index (checked in prepare)");
        free(o.data);
        ((int32_t *)x32.data)[5] = 20;
        ok(get(&v, &i32, 1, ND_FLOAT64, &o, &e) == ND_EINDEX &&
               !strcmp(e.msg, "index 20 is out of bounds for axis 0 with "
                              "size 20"),
           "nd_index: bad int32 index -> IndexError from prepare");
        free(o.data);
        free(a.data), free(x.data), free(x32.data), free(x64.data);
    }
}

/* Reference a[mask] for a mask over a's leading axes (C order). */
static int check_mask(const NdArray *a, const NdArray *m, const NdArray *o)
{
    size_t isz = nd_dtype_size(a->dtype);
    int64_t mi[ND_MAXDIMS] = {0}, rest = 1, k = 0, mn = nd_size(m);
    for (int d = m->ndim; d < a->ndim; d++)
        rest *= a->shape[d];
    if (o->ndim != a->ndim - m->ndim + 1)
        return 0;
    for (int64_t t = 0; t < mn; t++, next(m, mi)) {
        if (!*at(m, mi))
            continue;
        int64_t ai[ND_MAXDIMS] = {0}, oi[ND_MAXDIMS] = {0};
        for (int d = 0; d < m->ndim; d++)
            ai[d] = mi[d];
        oi[0] = k++;
        for (int64_t r = 0; r < rest; r++) {
            if (k > o->shape[0] || memcmp(at(a, ai), at(o, oi), isz))
                return 0;
            for (int d = a->ndim - 1; d >= m->ndim; d--) {
                int od = d - m->ndim + 1;
                if (++ai[d] < a->shape[d]) {
                    oi[od] = ai[d];
                    break;
                }
                ai[d] = oi[od] = 0;
            }
        }
    }
    return k == o->shape[0];
}

/* Mask patterns: 0 all false, 1 all true, 2 alternating, 3 runs of
** three, 4 pseudo-random, 5 only the last element, 6 nonzero bytes
** other than 1 (2, 255), which count as True. */
static void fill_mask(NdArray *m, int kind)
{
    int64_t idx[ND_MAXDIMS] = {0}, n = nd_size(m);
    unsigned r = 12345;
    for (int64_t i = 0; i < n; i++, next(m, idx)) {
        uint8_t v = 0;
        r = r * 1103515245u + 12345u;
        switch (kind) {
        case 0:
            v = 0;
            break;
        case 1:
            v = 1;
            break;
        case 2:
            v = (uint8_t)(i & 1);
            break;
        case 3:
            v = (uint8_t)((i / 3) & 1);
            break;
        case 4:
            v = (uint8_t)((r >> 16) & 1);
            break;
        case 5:
            v = i == n - 1;
            break;
        default:
            v = (uint8_t)((r >> 16) & 1 ? ((r >> 20) & 1 ? 2 : 255) : 0);
        }
        *at(m, idx) = (char)v;
    }
}

static const char *const mask_names[] = {
    "all-false", "all-true",  "alternating", "runs of 3",
    "random",    "last only", "bytes 2/255"};

static void test_mask(void)
{
    NdErr e;
    NdArray o;
    int64_t lens[] = {1, 7, 8, 9, 16, 17, 31, 63, 64, 65, 200, 1000};
    /* 1-d: every pattern and length (the 8-byte words, the tail, the
    ** last-8-slots switch), every itemsize, with the SIMD (AVX-512)
    ** compaction and the baseline one */
    for (int simd = 1; simd >= 0; simd--) {
        int level = nd_copy_simd(simd);
        for (int kind = 0; kind < 7; kind++) {
            int good = 1, count_ok = 1;
            for (size_t l = 0; l < sizeof lens / sizeof *lens; l++)
                for (size_t t = 0; t < sizeof every_size / sizeof *every_size;
                     t++) {
                    NdDType dt = every_size[t];
                    NdArray a = mk1(dt, lens[l]), m = mk1(ND_BOOL, lens[l]);
                    NdIndex ix = ixarr(&m);
                    fill_pattern(&a, (unsigned)kind);
                    fill_mask(&m, kind);
                    int64_t want = 0;
                    for (int64_t i = 0; i < lens[l]; i++)
                        want += m.data[i] != 0;
                    if (get(&a, &ix, 1, dt, &o, &e) != ND_OK)
                        good = 0;
                    else {
                        count_ok &= o.shape[0] == want;
                        good &= check_mask(&a, &m, &o);
                    }
                    free(o.data);
                    free(a.data), free(m.data);
                }
            ok(count_ok, "nd_index: mask count (%s, lengths 1..1000)",
               mask_names[kind]);
            ok(good,
               "nd_index: a[mask] (%s, every itemsize) as element loop "
               "(SIMD level %d)",
               mask_names[kind], level);
        }
    }
    nd_copy_simd(1);
    /* 2-d mask over a 2-d array; a row mask over (n,3) and (n,5,2) */
    for (int kind = 0; kind < 7; kind++) {
        int64_t sh[3] = {13, 11, 2};
        int good = 1;
        for (size_t t = 0; t < sizeof every_size / sizeof *every_size; t++) {
            NdDType dt = every_size[t];
            NdArray a2 = mk(dt, 2, sh), m2 = mk(ND_BOOL, 2, sh);
            NdArray a3 = mk(dt, 3, sh), m1 = mk1(ND_BOOL, 13);
            NdIndex i2 = ixarr(&m2), i1 = ixarr(&m1);
            fill_pattern(&a2, 5), fill_pattern(&a3, 6);
            fill_mask(&m2, kind), fill_mask(&m1, kind);
            good &= get(&a2, &i2, 1, dt, &o, &e) == ND_OK &&
                    check_mask(&a2, &m2, &o);
            free(o.data);
            good &= get(&a3, &i1, 1, dt, &o, &e) == ND_OK &&
                    check_mask(&a3, &m1, &o);
            free(o.data);
            good &= get(&a3, &i2, 1, dt, &o, &e) == ND_OK &&
                    check_mask(&a3, &m2, &o);
            free(o.data);
            free(a2.data), free(m2.data), free(a3.data), free(m1.data);
        }
        ok(good,
           "nd_index: 2-d mask, row masks over (13,11) and (13,11,2) "
           "(%s)",
           mask_names[kind]);
    }
    /* layouts that fall back: strided source, strided mask, transposed
    ** source under a 2-d mask, a mask after a slice (axis 1) */
    {
        int64_t sh[2] = {12, 9}, sh2[2] = {9, 12};
        NdArray a = mk1(ND_FLOAT64, 130), m = mk1(ND_BOOL, 130);
        NdArray v, mv;
        fill_pattern(&a, 7);
        fill_mask(&m, 4);
        nd_slice_axis(&v, &a, 0, 0, 2, 65);
        nd_slice_axis(&mv, &m, 0, 1, 2, 65);
        NdArray mc = mk1(ND_BOOL, 65);
        for (int i = 0; i < 65; i++)
            mc.data[i] = mv.data[2 * i];
        NdIndex ic = ixarr(&mc), is = ixarr(&mv);
        ok(get(&v, &ic, 1, ND_FLOAT64, &o, &e) == ND_OK &&
               check_mask(&v, &mc, &o),
           "nd_index: a[::2][mask] (strided source)");
        free(o.data);
        ok(get(&v, &is, 1, ND_FLOAT64, &o, &e) == ND_OK &&
               check_mask(&v, &mv, &o),
           "nd_index: a[::2][m[1::2]] (strided mask, general walk)");
        free(o.data);
        NdArray b = mk(ND_INT32, 2, sh), bt, m2 = mk(ND_BOOL, 2, sh2);
        fill_pattern(&b, 8);
        fill_mask(&m2, 3);
        nd_transpose(&bt, &b, NULL, &e);
        NdIndex i2 = ixarr(&m2);
        ok(get(&bt, &i2, 1, ND_INT32, &o, &e) == ND_OK &&
               check_mask(&bt, &m2, &o),
           "nd_index: b.T[mask2d] (mask axes do not step as one)");
        free(o.data);
        /* b[:, mask] through the general path: compare with b.T[mask]
        ** transposed by hand */
        NdArray mrow = mk1(ND_BOOL, 9);
        fill_mask(&mrow, 2);
        NdIndex two[2] = {ixslice(0, 1), ixarr(&mrow)};
        NdError rc = get(&b, two, 2, ND_INT32, &o, &e);
        int good =
            rc == ND_OK && o.ndim == 2 && o.shape[0] == 12 && o.shape[1] == 4;
        for (int i = 0; good && i < 12; i++)
            for (int j = 0, k = 0; j < 9; j++)
                if (mrow.data[j])
                    good &= ((int32_t *)o.data)[i * 4 + k++] ==
                            ((int32_t *)b.data)[i * 9 + j];
        ok(good, "nd_index: b[:, mask] (mask after a slice)");
        free(o.data);
        /* a bad mask shape keeps NumPy's text */
        NdArray mbad = mk1(ND_BOOL, 5);
        NdIndex ib = ixarr(&mbad);
        ok(get(&b, &ib, 1, ND_INT32, &o, &e) == ND_EINDEX &&
               !strcmp(e.msg, "boolean index did not match indexed array "
                              "along dimension 0; dimension is 12 but "
                              "corresponding boolean dimension is 5"),
           "nd_index: mask of the wrong length -> IndexError text");
        free(o.data);
        free(a.data), free(m.data), free(mc.data), free(b.data);
        free(m2.data), free(mrow.data), free(mbad.data);
    }
}

/* Reference dst == src element by element (same shape; src's dtype cast
** to dst's through nd_get/nd_set for different dtypes). */
static int check_copy(const NdArray *dst, const NdArray *src)
{
    int64_t idx[ND_MAXDIMS] = {0}, n = nd_size(dst);
    size_t isz = nd_dtype_size(dst->dtype);
    for (int64_t k = 0; k < n; k++, next(dst, idx)) {
        const char *sp = src->data;
        for (int d = 0; d < src->ndim; d++) {
            int dd = d + dst->ndim - src->ndim;
            sp += (src->shape[d] == 1 ? 0 : idx[dd]) * src->strides[d];
        }
        if (dst->dtype == src->dtype) {
            if (memcmp(at(dst, idx), sp, isz))
                return 0;
        } else {
            char want[16];
            nd_set_double(dst->dtype, want, nd_get_double(src->dtype, sp));
            if (memcmp(at(dst, idx), want, isz))
                return 0;
        }
    }
    return 1;
}

static const NdDType copy_sizes[] = {ND_UINT8, ND_FLOAT16, ND_INT32, ND_FLOAT64,
                                     ND_COMPLEX128};

static void test_copies(void)
{
    NdErr e;
    int64_t shapes[][2] = {{1, 1},   {1, 9},   {2, 5},   {3, 3},
                           {4, 4},   {5, 7},   {25, 40}, {31, 33},
                           {32, 32}, {33, 65}, {64, 3},  {100, 37}};
    int nshapes = (int)(sizeof shapes / sizeof *shapes);
    /* m.T.copy() for every itemsize and odd shapes, with the SIMD
    ** kernel and the baseline one */
    for (int simd = 1; simd >= 0; simd--) {
        int on = nd_copy_simd(simd);
        for (size_t t = 0; t < sizeof copy_sizes / sizeof *copy_sizes; t++) {
            NdDType dt = copy_sizes[t];
            int good = 1;
            for (int k = 0; k < nshapes; k++) {
                NdArray m = mk(dt, 2, shapes[k]), mt, o;
                fill_pattern(&m, (unsigned)k);
                nd_transpose(&mt, &m, NULL, &e);
                o = mk(dt, 2, mt.shape);
                good &= nd_assign(&o, &mt, &e) == ND_OK && check_copy(&o, &mt);
                free(o.data);
                /* a transposed view of a strided view: a[::2].T */
                NdArray v, vt;
                nd_slice_axis(&v, &m, 1, 0, 2, (shapes[k][1] + 1) / 2);
                nd_transpose(&vt, &v, NULL, &e);
                o = mk(dt, 2, vt.shape);
                good &= nd_assign(&o, &vt, &e) == ND_OK && check_copy(&o, &vt);
                free(o.data);
                free(m.data);
            }
            ok(good,
               "nd_assign: m.T.copy() %s, 12 shapes 1x1..100x37, "
               "and m[:, ::2].T (%s kernel)",
               nd_dtype_name(dt), on ? "SIMD" : "baseline");
        }
    }
    nd_copy_simd(1);
    /* n-d: the last two axes swapped (an outer loop over 2-d blocks),
    ** a full reversal (general walk), a broadcast source, a cast */
    for (size_t t = 0; t < sizeof copy_sizes / sizeof *copy_sizes; t++) {
        NdDType dt = copy_sizes[t];
        int64_t sh[4] = {3, 2, 9, 17};
        int axes[4] = {0, 1, 3, 2}, rev[3] = {2, 1, 0};
        NdArray a = mk(dt, 4, sh), at4, o;
        fill_pattern(&a, 9);
        nd_transpose(&at4, &a, axes, &e);
        o = mk(dt, 4, at4.shape);
        ok(nd_assign(&o, &at4, &e) == ND_OK && check_copy(&o, &at4),
           "nd_assign: a.transpose(0,1,3,2).copy() %s (3x2 blocks)",
           nd_dtype_name(dt));
        free(o.data);
        NdArray b = mk(dt, 3, sh + 1), bt;
        fill_pattern(&b, 10);
        nd_transpose(&bt, &b, rev, &e);
        o = mk(dt, 3, bt.shape);
        ok(nd_assign(&o, &bt, &e) == ND_OK && check_copy(&o, &bt),
           "nd_assign: b.transpose(2,1,0).copy() %s (general walk)",
           nd_dtype_name(dt));
        free(o.data);
        /* a (9,1) column broadcast into (9,17) and a row into (9,17) */
        int64_t col[2] = {9, 1}, row[1] = {17};
        NdArray c = mk(dt, 2, col), r = mk(dt, 1, row);
        fill_pattern(&c, 11), fill_pattern(&r, 12);
        o = mk(dt, 2, sh + 2);
        ok(nd_assign(&o, &c, &e) == ND_OK && check_copy(&o, &c) &&
               nd_assign(&o, &r, &e) == ND_OK && check_copy(&o, &r),
           "nd_assign: broadcast column and row into (9,17) %s",
           nd_dtype_name(dt));
        free(o.data);
        free(a.data), free(b.data), free(c.data), free(r.data);
    }
    /* contiguous casts (one loop) and the same cast from a transposed
    ** view (iterator), against nd_get_double/nd_set_double */
    {
        int64_t sh[2] = {13, 21};
        NdArray f = mk(ND_FLOAT64, 2, sh), ft, o;
        for (int i = 0; i < 13 * 21; i++)
            ((double *)f.data)[i] = (i - 100) * 0.37 + (i % 7 == 0 ? 1e6 : 0);
        NdDType to[] = {ND_FLOAT32, ND_INT16,   ND_UINT8,
                        ND_BOOL,    ND_FLOAT16, ND_INT64};
        for (size_t t = 0; t < sizeof to / sizeof *to; t++) {
            o = mk(to[t], 2, sh);
            ok(nd_assign(&o, &f, &e) == ND_OK && check_copy(&o, &f),
               "nd_assign: contiguous float64 -> %s", nd_dtype_name(to[t]));
            free(o.data);
            nd_transpose(&ft, &f, NULL, &e);
            o = mk(to[t], 2, ft.shape);
            ok(nd_assign(&o, &ft, &e) == ND_OK && check_copy(&o, &ft),
               "nd_assign: transposed float64 -> %s", nd_dtype_name(to[t]));
            free(o.data);
        }
        /* empty arrays copy nothing and succeed */
        int64_t z[2] = {0, 5};
        NdArray ez = mk(ND_FLOAT64, 2, z), oz = mk(ND_FLOAT32, 2, z);
        ok(nd_assign(&oz, &ez, &e) == ND_OK, "nd_assign: (0,5) cast copy");
        free(ez.data), free(oz.data), free(f.data);
    }
    /* nd_init's flags are what nd_update_flags computes */
    {
        int64_t dims[] = {0, 1, 2, 3};
        int good = 1;
        for (int nd = 0; nd <= 3; nd++) {
            int total = 1;
            for (int i = 0; i < nd; i++)
                total *= 4;
            for (int c = 0; c < total; c++) {
                int64_t sh[3];
                for (int i = 0, q = c; i < nd; i++, q /= 4)
                    sh[i] = dims[q % 4];
                NdArray a, b;
                nd_init(&a, ND_INT32, nd, sh, NULL);
                b = a;
                nd_update_flags(&b);
                good &= a.flags == b.flags;
            }
        }
        ok(good, "nd_init: flags as nd_update_flags for 85 shapes");
    }
    /* nd_transpose into itself */
    {
        int64_t sh[3] = {2, 3, 4};
        int axes[3] = {1, 2, 0};
        NdArray a = mk(ND_INT8, 3, sh), v = a;
        nd_transpose(&v, &v, axes, &e);
        ok(v.shape[0] == 3 && v.shape[1] == 4 && v.shape[2] == 2 &&
               v.strides[0] == 4 && v.strides[1] == 1 && v.strides[2] == 12 &&
               !(v.flags & ND_OWNDATA) && !(v.flags & ND_C_CONTIGUOUS),
           "nd_transpose: out == a, axes (1,2,0)");
        free(a.data);
    }
}

int main(void)
{
    test_take();
    test_mask();
    test_copies();
    return tap_done();
}
