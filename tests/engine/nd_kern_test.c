/*
** nd_kern_test.c - TAP tests: every SIMD level of the kernels computes
** exactly what the baseline computes.
**
** nd_set_simd_level switches between the baseline (SSE2), AVX2 and
** AVX-512 copies of the element-wise and reduction kernels; each op and
** real dtype runs over odd lengths, unaligned starts, scalar operands and
** special values (NaN, inf, -0, integer extremes) at each level, and the
** results must match the baseline's bit for bit (any NaN equals any NaN).
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nd_int.h"
#include "tap.h"

#define NMAX 4200
#define MAXOFF 8

static const int64_t lens[] = {1, 2, 7, 15, 31, 33, 63, 65, 127, 257,
                               1000, 1027, 4099};
#define NLENS ((int)(sizeof lens / sizeof lens[0]))
static const int offs[][3] = {{0, 0, 0}, {1, 1, 1}, {0, 3, 5}, {7, 2, 1}};
#define NOFFS ((int)(sizeof offs / sizeof offs[0]))

static const NdDType real_types[] = {
    ND_BOOL, ND_INT8, ND_INT16, ND_INT32, ND_INT64, ND_UINT8,
    ND_UINT16, ND_UINT32, ND_UINT64, ND_FLOAT32, ND_FLOAT64,
};
#define NTYPES ((int)(sizeof real_types / sizeof real_types[0]))

static uint64_t rng = 88172645463325252ULL;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* Value i of an input: special values first, then random ones. */
static void put(NdDType t, char *p, int64_t i)
{
    static const double fs[] = {NAN, INFINITY, -INFINITY, -0.0, 0.0,
                                1.0, -1.0, 0.5, -2.5, 1e300, -1e-310,
                                3.0, 7.0, -7.0, 1e-40, 65504.0};
    static const int64_t is[] = {0, 1, -1, 127, -128, 255, 32767, -32768,
                                 2147483647, -2147483647 - 1, INT64_MAX,
                                 INT64_MIN, 2, 3, 7, 64};
    char k = nd_dtype_kind(t);
    uint64_t r = next();
    if (k == 'f') {
        double v = (i % 3 == 0) ? fs[(i / 3) % 16]
                                : ((double)(int64_t)r / 9.2e18) * 100.0;
        nd_set_double(t, p, v);
    } else if (i % 3 == 0) {
        nd_set_int(t, p, is[(i / 3) % 16]);
    } else if (k == 'b') {
        *(uint8_t *)p = (uint8_t)(r & 1);
    } else {
        /* small shift counts now and then */
        memcpy(p, &r, nd_dtype_size(t));
        if (i % 5 == 1)
            nd_set_int(t, p, (int64_t)(r % 70));
    }
}

static int same(NdDType t, const char *x, const char *y, int64_t n)
{
    size_t sz = nd_dtype_size(t);
    if (memcmp(x, y, (size_t)n * sz) == 0)
        return 1;
    if (nd_dtype_kind(t) != 'f')
        return 0;
    for (int64_t i = 0; i < n; i++) {
        double a = nd_get_double(t, x + i * sz);
        double b = nd_get_double(t, y + i * sz);
        if (memcmp(x + i * sz, y + i * sz, sz) != 0 && !(a != a && b != b))
            return 0;
    }
    return 1;
}

static char *in_a, *in_b, *outbuf;

static void vec(NdArray *v, NdDType t, char *base, int off, int64_t n)
{
    nd_init(v, t, 1, &n, NULL);
    v->data = base + off * (int64_t)nd_dtype_size(t);
    v->flags |= ND_WRITEABLE;
}

static void scalar(NdArray *v, NdDType t, char *p)
{
    nd_init(v, t, 0, NULL, NULL);
    v->data = p;
    v->flags |= ND_WRITEABLE;
}

/* Run op over every (length, offsets, operand form) into res[];
** returns the number of outputs written (bytes in *nbytes). */
static size_t run_binary(NdBinaryOp op, NdDType t, char *res, int *codes)
{
    size_t used = 0;
    int c = 0;
    for (int li = 0; li < NLENS; li++)
        for (int oi = 0; oi < NOFFS; oi++)
            for (int form = 0; form < 3; form++) {
                int64_t n = lens[li];
                NdArray a, b, o;
                NdDType ot;
                int nd;
                int64_t sh[ND_MAXDIMS];
                NdErr e;
                if (form == 1)
                    scalar(&a, t, in_a + (li % 16) * 8);
                else
                    vec(&a, t, in_a, offs[oi][0], n);
                if (form == 2)
                    scalar(&b, t, in_b + (li % 16) * 8);
                else
                    vec(&b, t, in_b, offs[oi][1], n);
                if (nd_binary_prepare(op, &a, &b, &ot, &nd, sh, &e)) {
                    codes[c++] = -1;
                    continue;
                }
                vec(&o, ot, outbuf, offs[oi][2], n);
                memset(outbuf, 0xa5, (size_t)(NMAX + MAXOFF) * 16);
                codes[c++] = nd_binary(op, &a, &b, &o, &e);
                memcpy(res + used, o.data, (size_t)n * nd_dtype_size(ot));
                used += (size_t)n * nd_dtype_size(ot);
            }
    return used;
}

static void fill_inputs(NdDType t)
{
    size_t sz = nd_dtype_size(t);
    rng = 88172645463325252ULL;
    for (int64_t i = 0; i < NMAX + MAXOFF; i++) {
        put(t, in_a + i * (int64_t)sz, i);
        put(t, in_b + i * (int64_t)sz, i * 7 + 1);
    }
}

static void test_binary(int level, int got_level)
{
    size_t cap = (size_t)NLENS * NOFFS * 3 * (NMAX + MAXOFF) * 16;
    char *ref = malloc(cap), *res = malloc(cap);
    int rc[NLENS * NOFFS * 3], gc[NLENS * NOFFS * 3];
    for (int op = 0; op < ND_NBINARY; op++)
        for (int ti = 0; ti < NTYPES; ti++) {
            NdDType t = real_types[ti];
            fill_inputs(t);
            nd_set_simd_level(0);
            size_t nr = run_binary((NdBinaryOp)op, t, ref, rc);
            nd_set_simd_level(level);
            fill_inputs(t);
            size_t ng = run_binary((NdBinaryOp)op, t, res, gc);
            NdArray a, b;
            NdDType ot = ND_BOOL;
            int nd;
            int64_t sh[ND_MAXDIMS];
            vec(&a, t, in_a, 0, 1);
            vec(&b, t, in_b, 0, 1);
            if (nd_binary_prepare((NdBinaryOp)op, &a, &b, &ot, &nd, sh, NULL))
                ot = t;
            ok(nr == ng && memcmp(rc, gc, sizeof rc) == 0 &&
                   same(ot, ref, res, (int64_t)(nr / nd_dtype_size(ot))),
               "nd simd: level %d %s %s equals the baseline (%zu bytes)",
               got_level, nd_binary_name((NdBinaryOp)op), nd_dtype_name(t),
               nr);
        }
    free(ref);
    free(res);
}

/* Unary kernels: arrays only (odd lengths, unaligned starts). */
static size_t run_unary(NdUnaryOp op, NdDType t, char *res, int *codes)
{
    size_t used = 0;
    int c = 0;
    for (int li = 0; li < NLENS; li++)
        for (int oi = 0; oi < NOFFS; oi++) {
            int64_t n = lens[li];
            NdArray a, o;
            NdDType ot;
            NdErr e;
            vec(&a, t, in_a, offs[oi][0], n);
            if (nd_unary_prepare(op, &a, &ot, &e)) {
                codes[c++] = -1;
                continue;
            }
            vec(&o, ot, outbuf, offs[oi][2], n);
            codes[c++] = nd_unary(op, &a, &o, &e);
            memcpy(res + used, o.data, (size_t)n * nd_dtype_size(ot));
            used += (size_t)n * nd_dtype_size(ot);
        }
    return used;
}

static void test_unary(int level, int got_level)
{
    size_t cap = (size_t)NLENS * NOFFS * (NMAX + MAXOFF) * 16;
    char *ref = malloc(cap), *res = malloc(cap);
    int rc[NLENS * NOFFS], gc[NLENS * NOFFS];
    for (int op = 0; op < ND_NUNARY; op++)
        for (int ti = 0; ti < NTYPES; ti++) {
            NdDType t = real_types[ti], ot = t;
            NdArray a;
            fill_inputs(t);
            nd_set_simd_level(0);
            size_t nr = run_unary((NdUnaryOp)op, t, ref, rc);
            nd_set_simd_level(level);
            size_t ng = run_unary((NdUnaryOp)op, t, res, gc);
            vec(&a, t, in_a, 0, 1);
            if (nd_unary_prepare((NdUnaryOp)op, &a, &ot, NULL))
                ot = t;
            ok(nr == ng && memcmp(rc, gc, sizeof rc) == 0 &&
                   same(ot, ref, res, (int64_t)(nr / nd_dtype_size(ot))),
               "nd simd: level %d %s %s equals the baseline",
               got_level, nd_unary_name((NdUnaryOp)op), nd_dtype_name(t));
        }
    free(ref);
    free(res);
}

/* Sums, means, variances (pairwise order) and axis-0 sums of 2-d views. */
static void test_reduce(int level, int got_level)
{
    static const NdReduceOp rops[] = {ND_R_SUM, ND_R_MEAN, ND_R_STD,
                                      ND_R_MAX, ND_R_PROD};
    static const int64_t shapes[][2] = {{1, 1}, {3, 7}, {17, 33},
                                        {64, 65}, {9, 459}, {1025, 4}};
    for (int ri = 0; ri < 5; ri++)
        for (int ti = 0; ti < NTYPES; ti++) {
            NdDType t = real_types[ti];
            int bad = 0, cnt = 0;
            fill_inputs(t);
            /* finite floats only: sums with NaN hide order changes */
            if (nd_dtype_kind(t) == 'f')
                for (int64_t i = 0; i < NMAX + MAXOFF; i++) {
                    size_t sz = nd_dtype_size(t);
                    double v = nd_get_double(t, in_a + i * (int64_t)sz);
                    if (!isfinite(v) || fabs(v) > 1e30)
                        nd_set_double(t, in_a + i * (int64_t)sz,
                                      (double)(i % 97) * 0.37 - 11.0);
                }
            for (int si = 0; si < 6; si++)
                for (int ax = -1; ax < 2; ax++)
                    for (int off = 0; off < 2; off++) {
                        NdArray a, o[2];
                        char axes[2] = {ax == 0, ax == 1};
                        char buf[2][4200 * 8];
                        NdErr e;
                        NdError ec[2];
                        nd_init(&a, t, 2, shapes[si], NULL);
                        a.data = in_a + off * (int64_t)nd_dtype_size(t);
                        for (int l = 0; l < 2; l++) {
                            nd_set_simd_level(l ? level : 0);
                            ec[l] = nd_reduce_prepare(rops[ri], &a,
                                                      ax < 0 ? NULL : axes,
                                                      0, -1, &o[l], &e);
                            if (ec[l])
                                continue;
                            o[l].data = buf[l];
                            ec[l] = nd_reduce(rops[ri], &a,
                                              ax < 0 ? NULL : axes, 0, &o[l],
                                              &e);
                        }
                        cnt++;
                        if (ec[0] != ec[1] ||
                            (!ec[0] && !same(o[0].dtype, buf[0], buf[1],
                                             nd_size(&o[0]))))
                            bad++;
                    }
            ok(bad == 0, "nd simd: level %d reduce op %d %s equals the "
               "baseline (%d cases)", got_level, (int)rops[ri],
               nd_dtype_name(t), cnt);
        }
}

/* NumPy's pairwise sum (the reference for trailing-axis sums). */
static double pw(const double *a, int64_t n)
{
    if (n < 8) {
        double r = 0;
        for (int64_t i = 0; i < n; i++)
            r += a[i];
        return r;
    }
    if (n <= 128) {
        double r[8], res;
        int64_t i;
        for (int j = 0; j < 8; j++)
            r[j] = a[j];
        for (i = 8; i < n - (n % 8); i += 8)
            for (int j = 0; j < 8; j++)
                r[j] += a[i + j];
        res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; i++)
            res += a[i];
        return res;
    }
    int64_t n2 = n / 2;
    n2 -= n2 % 8;
    return pw(a, n2) + pw(a + n2, n - n2);
}

/* Sums over leading axes (row by row, in row order) and trailing axes
** (pairwise per 8192-element block) of C-contiguous float64 arrays, and
** int64 wraparound, against references written out here. */
static void test_sum_paths(int got_level)
{
    static const int64_t shapes[][3] = {{5, 3, 7}, {4, 1, 9}, {9, 2, 1},
                                        {1, 1, 20001}, {3, 1, 20001},
                                        {2, 9000, 1}, {13, 5, 64}};
    static const char axsets[][3] = {{1, 0, 0}, {1, 1, 0}, {0, 0, 1},
                                     {0, 1, 1}};
    int64_t cap = 60100;
    double *x = malloc((size_t)cap * 8), *want = malloc((size_t)cap * 8);
    double *got = malloc((size_t)cap * 8);
    int64_t *ix = malloc((size_t)cap * 8), *iw = malloc((size_t)cap * 8);
    int64_t *ig = malloc((size_t)cap * 8);
    int bad = 0, ibad = 0, cnt = 0;
    for (int64_t i = 0; i < cap; i++) {
        x[i] = sin((double)i) * 1e3 + 1e-3 * (double)(i % 7);
        ix[i] = (int64_t)(next() | 1ULL << 62);
    }
    for (int si = 0; si < 7; si++)
        for (int ai = 0; ai < 4; ai++) {
            const int64_t *sh = shapes[si];
            const char *ax = axsets[ai];
            int64_t n = sh[0] * sh[1] * sh[2], red = 1, kept = 1;
            for (int d = 0; d < 3; d++) {
                if (ax[d])
                    red *= sh[d];
                else
                    kept *= sh[d];
            }
            /* the reference, in the order the iterator would run: row
            ** by row for leading axes (unless only size-1 axes are
            ** kept: one pairwise run), pairwise per block otherwise */
            int lead = ax[0] != 0;
            for (int64_t k = 0; k < kept; k++) {
                want[k] = 0;
                iw[k] = 0;
            }
            if (lead && kept > 1) {
                for (int64_t r = 0; r < red; r++)
                    for (int64_t k = 0; k < kept; k++) {
                        want[k] += x[r * kept + k];
                        iw[k] = (int64_t)((uint64_t)iw[k] +
                                          (uint64_t)ix[r * kept + k]);
                    }
            } else if (!lead && red == 1) {
                for (int64_t k = 0; k < kept; k++) {
                    want[k] += x[k];
                    iw[k] = ix[k];
                }
            } else {
                for (int64_t k = 0; k < kept; k++) {
                    for (int64_t o = 0; o < red; o += ND_BUFSIZE)
                        want[k] += pw(x + k * red + o,
                                      red - o < ND_BUFSIZE ? red - o
                                                           : ND_BUFSIZE);
                    for (int64_t o = 0; o < red; o++)
                        iw[k] = (int64_t)((uint64_t)iw[k] +
                                          (uint64_t)ix[k * red + o]);
                }
            }
            NdArray a, o, ia, io;
            nd_init(&a, ND_FLOAT64, 3, sh, NULL);
            a.data = (char *)x;
            nd_init(&ia, ND_INT64, 3, sh, NULL);
            ia.data = (char *)ix;
            nd_reduce_prepare(ND_R_SUM, &a, ax, 0, -1, &o, NULL);
            nd_reduce_prepare(ND_R_SUM, &ia, ax, 0, -1, &io, NULL);
            o.data = (char *)got;
            io.data = (char *)ig;
            nd_reduce(ND_R_SUM, &a, ax, 0, &o, NULL);
            nd_reduce(ND_R_SUM, &ia, ax, 0, &io, NULL);
            cnt++;
            if (nd_size(&o) != kept || n > cap ||
                memcmp(got, want, (size_t)kept * 8) != 0)
                bad++;
            if (memcmp(ig, iw, (size_t)kept * 8) != 0)
                ibad++;
        }
    /* whole-array mean and std: NumPy's two pairwise passes */
    int sbad = 0;
    static const int64_t slen[] = {1, 9, 130, 1000, 20001, 3, 60000};
    for (int li = 0; li < 7; li++) {
        int64_t n = slen[li];
        int64_t shp[2] = {li == 5 ? 1 : n, li == 5 ? 3 : 1};
        double mean = 0, var = 0, *d = malloc((size_t)n * 8);
        for (int64_t o = 0; o < n; o += ND_BUFSIZE)
            mean += pw(x + o, n - o < ND_BUFSIZE ? n - o : ND_BUFSIZE);
        mean /= (double)n;
        for (int64_t i = 0; i < n; i++)
            d[i] = (x[i] - mean) * (x[i] - mean);
        for (int64_t o = 0; o < n; o += ND_BUFSIZE)
            var += pw(d + o, n - o < ND_BUFSIZE ? n - o : ND_BUFSIZE);
        double sd = sqrt(var / (double)n), gm = -1, gs = -1;
        NdArray a, o;
        nd_init(&a, ND_FLOAT64, li == 5 ? 2 : 1, shp, NULL);
        a.data = (char *)x;
        nd_reduce_prepare(ND_R_MEAN, &a, NULL, 0, -1, &o, NULL);
        o.data = (char *)&gm;
        nd_reduce(ND_R_MEAN, &a, NULL, 0, &o, NULL);
        o.data = (char *)&gs;
        nd_reduce(ND_R_STD, &a, NULL, 0, &o, NULL);
        if (memcmp(&gm, &mean, 8) != 0 || memcmp(&gs, &sd, 8) != 0)
            sbad++;
        free(d);
    }
    ok(sbad == 0, "nd simd: level %d float64 mean and std of whole arrays "
       "in NumPy's order", got_level);
    ok(bad == 0, "nd simd: level %d float64 sums over leading/trailing "
       "axes in NumPy's order (%d cases)", got_level, cnt);
    ok(ibad == 0, "nd simd: level %d int64 sums over leading/trailing "
       "axes wrap (%d cases)", got_level, cnt);
    free(x);
    free(want);
    free(got);
    free(ix);
    free(iw);
    free(ig);
}

/* 2-d outputs with broadcast or strided inputs (m + row, m + col,
** row + col, m.T + m, m > scalar) against element-by-element values. */
static void test_rows(int got_level)
{
    static const int64_t shapes[][2] = {{1, 1}, {2, 5}, {25, 40},
                                        {7, 300}, {300, 3}, {0, 4}};
    int bad = 0, cnt = 0;
    for (int si = 0; si < 6; si++)
        for (int ti = 0; ti < NTYPES; ti++) {
            NdDType t = real_types[ti];
            int64_t R = shapes[si][0], C = shapes[si][1], n = R * C;
            size_t sz = nd_dtype_size(t);
            NdArray m, mt, row, col, sc, o, ob;
            int64_t shp[2] = {R, C}, tsh[2] = {C, R};
            fill_inputs(t);
            nd_init(&m, t, 2, shp, NULL);
            m.data = in_a + sz; /* unaligned start */
            NdArray tr;
            nd_init(&tr, t, 2, tsh, NULL);
            tr.data = in_b;
            nd_transpose(&mt, &tr, NULL, NULL); /* (R, C), strided */
            vec(&row, t, in_b, 3, C);
            int64_t csh[2] = {R, 1};
            nd_init(&col, t, 2, csh, NULL);
            col.data = in_b + 5 * sz;
            scalar(&sc, t, in_b + 2 * sz);
            nd_init(&o, t, 2, shp, NULL);
            o.data = outbuf + sz;
            nd_init(&ob, ND_BOOL, 2, shp, NULL);
            ob.data = outbuf + (NMAX + MAXOFF) * 8 + 3;
            const NdArray *rhs[4] = {&row, &col, &mt, &sc};
            for (int k = 0; k < 4; k++) {
                const NdArray *lhs = k == 1 ? &row : &m;
                NdError e1 = nd_binary(ND_ADD, lhs, rhs[k], &o, NULL);
                NdError e2 = nd_binary(ND_GT, lhs, rhs[k], &ob, NULL);
                cnt++;
                if (t == ND_BOOL ? 0 : (e1 != ND_OK || e2 != ND_OK)) {
                    bad++;
                    continue;
                }
                for (int64_t i = 0; i < n && !e1; i++) {
                    int64_t r = i / C, c = i % C;
                    const char *px =
                        lhs->data + (lhs->ndim == 2 ? r * lhs->strides[0] : 0) +
                        c * lhs->strides[lhs->ndim - 1];
                    const NdArray *y = rhs[k];
                    const char *py = y->data;
                    if (y->ndim == 2)
                        py += (y->shape[0] == 1 ? 0 : r * y->strides[0]) +
                              (y->shape[1] == 1 ? 0 : c * y->strides[1]);
                    else if (y->ndim == 1)
                        py += c * y->strides[0];
                    char want[8];
                    if (nd_dtype_kind(t) == 'f') {
                        double v = nd_get_double(t, px) + nd_get_double(t, py);
                        nd_set_double(t, want, v);
                    } else if (t == ND_BOOL) {
                        want[0] = (char)(*px || *py);
                    } else {
                        uint64_t v = (uint64_t)nd_get_int(t, px) +
                                     (uint64_t)nd_get_int(t, py);
                        nd_set_int(t, want, (int64_t)v);
                    }
                    int gt = nd_dtype_kind(t) == 'f'
                                 ? nd_get_double(t, px) > nd_get_double(t, py)
                             : nd_dtype_kind(t) == 'u'
                                 ? (uint64_t)nd_get_int(t, px) >
                                       (uint64_t)nd_get_int(t, py)
                                 : nd_get_int(t, px) > nd_get_int(t, py);
                    const char *got = o.data + i * (int64_t)sz;
                    int eq = memcmp(got, want, sz) == 0 ||
                             (nd_dtype_kind(t) == 'f' &&
                              nd_get_double(t, got) != nd_get_double(t, got) &&
                              nd_get_double(t, want) != nd_get_double(t, want));
                    if (!eq || ob.data[i] != gt) {
                        bad++;
                        break;
                    }
                }
            }
        }
    ok(bad == 0, "nd simd: level %d 2-d add/greater with broadcast and "
       "strided inputs match element-wise values (%d cases)", got_level,
       cnt);
}

/* A 0-d operand of another dtype (Lua integers are int64): the value
** the loop sees, checked element by element. */
static void test_mixed_scalars(int got_level)
{
    int64_t n = 1000;
    NdArray a, s, o, bo, i8, u8, o16, f32, of32;
    char st[16];
    int bad = 0;
    fill_inputs(ND_FLOAT64);
    vec(&a, ND_FLOAT64, in_a, 1, n);
    vec(&o, ND_FLOAT64, outbuf, 3, n);
    vec(&bo, ND_BOOL, outbuf + 8 * (NMAX + MAXOFF), 1, n);
    static const int64_t iv[] = {0, 1, -1, 7, 300, INT64_MAX};
    for (int k = 0; k < 6; k++) {
        nd_scalar_int(&s, st, ND_INT64, iv[k]);
        double sv = (double)iv[k];
        nd_binary(ND_GT, &a, &s, &bo, NULL);
        nd_binary(ND_MUL, &a, &s, &o, NULL);
        for (int64_t i = 0; i < n; i++) {
            double x = ((double *)a.data)[i], y = x * sv;
            double g = ((double *)o.data)[i];
            if (bo.data[i] != (x > sv) ||
                (memcmp(&g, &y, 8) != 0 && !(g != g && y != y)))
                bad++;
        }
    }
    ok(bad == 0, "nd simd: level %d float64 > and * int64 0-d scalars",
       got_level);
    fill_inputs(ND_INT8);
    vec(&i8, ND_INT8, in_a, 1, n);
    vec(&o, ND_INT8, outbuf, 3, n);
    nd_scalar_int(&s, st, ND_INT64, 100);
    bad = nd_binary(ND_ADD, &i8, &s, &o, NULL) != ND_OK;
    for (int64_t i = 0; i < n; i++)
        bad += ((int8_t *)o.data)[i] !=
               (int8_t)(uint8_t)((uint8_t)((int8_t *)i8.data)[i] + 100);
    ok(bad == 0, "nd simd: level %d int8 + 100 wraps in int8", got_level);
    fill_inputs(ND_UINT8);
    vec(&u8, ND_UINT8, in_a, 1, n);
    vec(&o16, ND_INT16, outbuf, 3, n);
    nd_scalar_int(&s, st, ND_INT64, -1);
    bad = nd_binary(ND_ADD, &u8, &s, &o16, NULL) != ND_OK;
    for (int64_t i = 0; i < n; i++)
        bad += ((int16_t *)o16.data)[i] != ((uint8_t *)u8.data)[i] - 1;
    ok(bad == 0, "nd simd: level %d uint8 + -1 is int16", got_level);
    fill_inputs(ND_FLOAT32);
    vec(&f32, ND_FLOAT32, in_a, 1, n);
    vec(&of32, ND_FLOAT32, outbuf, 3, n);
    nd_scalar_int(&s, st, ND_INT64, 3);
    bad = nd_binary(ND_MUL, &f32, &s, &of32, NULL) != ND_OK;
    for (int64_t i = 0; i < n; i++) {
        float y = ((float *)f32.data)[i] * 3.0f, g = ((float *)of32.data)[i];
        bad += memcmp(&g, &y, 4) != 0 && !(g != g && y != y);
    }
    ok(bad == 0, "nd simd: level %d float32 * 3 stays float32", got_level);
}

/* Wraparound, NaN and -0 at the current level, checked as values. */
static void test_values(int got_level)
{
    int64_t n = 100;
    NdArray a, b, o;
    vec(&a, ND_INT8, in_a, 1, n);
    vec(&b, ND_INT8, in_b, 3, n);
    vec(&o, ND_INT8, outbuf, 5, n);
    for (int64_t i = 0; i < n; i++) {
        ((int8_t *)a.data)[i] = 127;
        ((int8_t *)b.data)[i] = (int8_t)(i % 3);
    }
    nd_binary(ND_ADD, &a, &b, &o, NULL);
    ok(((int8_t *)o.data)[1] == -128 && ((int8_t *)o.data)[2] == -127 &&
           ((int8_t *)o.data)[99] == 127,
       "nd simd: level %d int8 127+1 wraps to -128", got_level);
    nd_binary(ND_MUL, &a, &a, &o, NULL);
    ok(((int8_t *)o.data)[50] == 1, "nd simd: level %d int8 127*127 == 1",
       got_level);
    vec(&a, ND_FLOAT64, in_a, 1, n);
    vec(&b, ND_FLOAT64, in_b, 1, n);
    vec(&o, ND_FLOAT64, outbuf, 3, n);
    for (int64_t i = 0; i < n; i++) {
        ((double *)a.data)[i] = -0.0;
        ((double *)b.data)[i] = i == 70 ? NAN : -0.0;
    }
    nd_binary(ND_ADD, &a, &b, &o, NULL);
    ok(signbit(((double *)o.data)[10]) && isnan(((double *)o.data)[70]),
       "nd simd: level %d -0 + -0 == -0, NaN propagates", got_level);
    NdArray bo;
    vec(&bo, ND_BOOL, outbuf, 7, n);
    nd_binary(ND_EQ, &a, &b, &bo, NULL);
    ok(((uint8_t *)bo.data)[0] == 1 && ((uint8_t *)bo.data)[70] == 0,
       "nd simd: level %d -0 == -0 true, NaN == x false", got_level);
}

/* Every cast between real dtypes, contiguous and strided, over the same
** special and random values: the level's loop against the baseline's. */
static void test_casts(int level, int got_level)
{
    char *want = outbuf, *got = outbuf + (NMAX + MAXOFF) * 8;
    for (int i = 0; i < NTYPES; i++) {
        for (int j = 0; j < NTYPES; j++) {
            NdDType f = real_types[i], t = real_types[j];
            size_t fs = nd_dtype_size(f), ts = nd_dtype_size(t);
            int bad = 0;
            if (f == t)
                continue;
            for (int li = 0; li < NLENS && !bad; li++) {
                for (int step = 1; step <= 2 && !bad; step++) {
                    int64_t n = lens[li] / step;
                    for (int64_t k = 0; k < n * step; k++)
                        put(f, in_a + k * (int64_t)fs, k);
                    nd_set_simd_level(0);
                    nd_cast_fn(f, t)(n, in_a + fs, (ptrdiff_t)(fs * step),
                                     want + ts, (ptrdiff_t)ts);
                    nd_set_simd_level(level);
                    nd_cast_fn(f, t)(n, in_a + fs, (ptrdiff_t)(fs * step),
                                     got + ts, (ptrdiff_t)ts);
                    bad = !same(t, want + ts, got + ts, n);
                }
            }
            ok(!bad, "nd simd %d: cast %s -> %s", got_level,
               nd_dtype_name(f), nd_dtype_name(t));
        }
    }
}

int main(void)
{
    size_t bytes = (size_t)(NMAX + MAXOFF) * 16;
    in_a = malloc(bytes);
    in_b = malloc(bytes);
    outbuf = malloc(bytes);
    ok(nd_set_simd_level(0) == 0, "nd simd: level 0 is the baseline");
    test_sum_paths(0);
    test_rows(0);
    test_mixed_scalars(0);
    for (int level = 1; level <= 2; level++) {
        int got = nd_set_simd_level(level);
        if (got < level)
            tap_diag("this CPU (or PYPREP_ND_NOSIMD) gives level %d, not %d",
                     got, level);
        test_values(got);
        test_sum_paths(got);
        test_rows(got);
        test_mixed_scalars(got);
        test_binary(level, got);
        test_unary(level, got);
        test_reduce(level, got);
        test_casts(level, got);
    }
    nd_set_simd_level(2);
    free(in_a);
    free(in_b);
    free(outbuf);
    return tap_done();
}
