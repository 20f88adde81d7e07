/*
** nd_core_test.c - TAP tests of the array core through its C API.
**
** Views and strides, the iterator's coalescing, promotion and value-based
** casting, broadcasting errors, ufunc families, reductions (pairwise
** sums), indexing, sorting and matmul. Results are checked as numbers;
** the Lua tests compare printed text with NumPy.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nd.h"
#include "tap.h"

static char pool[1 << 20];
static size_t used;

/* A new C-order array with data from the static pool. */
static NdArray mk(NdDType t, int nd, int64_t d0, int64_t d1, int64_t d2)
{
    NdArray a;
    int64_t sh[3] = {d0, d1, d2};
    nd_init(&a, t, nd, sh, NULL);
    used = (used + 15) & ~(size_t)15;
    a.data = pool + used;
    used += nd_nbytes(&a);
    memset(a.data, 0, nd_nbytes(&a));
    return a;
}

static NdArray arange(NdDType t, int64_t n)
{
    NdArray a = mk(t, 1, n, 0, 0);
    for (int64_t i = 0; i < n; i++)
        nd_set_int(t, a.data + i * a.strides[0], i);
    return a;
}

static double at(const NdArray *a, int64_t i, int64_t j)
{
    const char *p = a->data;
    if (a->ndim >= 1)
        p += i * a->strides[0];
    if (a->ndim >= 2)
        p += j * a->strides[1];
    return nd_get_double(a->dtype, p);
}

/* ---- float16 ---- */

/* Value of half bits from the IEEE formula (independent of nd.c). */
static double half_value(uint16_t h)
{
    int e = (h >> 10) & 0x1f, m = h & 0x3ff;
    double v = e ? ldexp(1024 + m, e - 25) : ldexp(m, -24);
    if (e == 0x1f)
        v = m ? NAN : INFINITY;
    return (h & 0x8000) ? -v : v;
}

/* Reference rounding of a finite double to half: the nearest of the
** positive halves (inf counting as the one after 65504), ties to the
** even bit pattern. */
static uint16_t ref_to_half(double d)
{
    uint16_t sign = signbit(d) ? 0x8000 : 0, lo = 0, hi = 0x7c00;
    double a = fabs(d);
    while (hi - lo > 1) { /* largest lo with value(lo) <= a */
        uint16_t mid = (uint16_t)((lo + hi) / 2);
        if (half_value(mid) <= a)
            lo = mid;
        else
            hi = mid;
    }
    double vl = half_value(lo), vh = lo == 0x7bff ? 65536.0 : half_value(hi);
    if (a - vl < vh - a || (a - vl == vh - a && (lo & 1) == 0))
        return (uint16_t)(sign | lo);
    return (uint16_t)(sign | (lo == 0x7bff ? 0x7c00 : hi));
}

static void test_half(void)
{
    int bad_rt = 0, bad_val = 0, bad_round = 0, bad_dbl = 0, n_round = 0;
    for (uint32_t h = 0; h < 65536; h++) {
        float f = nd_half_to_float((uint16_t)h);
        double v = half_value((uint16_t)h);
        /* float -> double quiets a signalling NaN (as in NumPy) */
        int snan = (h & 0x7c00) == 0x7c00 && (h & 0x3ff) && !(h & 0x200);
        if (nd_float_to_half(f) != h ||
            (!snan && nd_double_to_half((double)f) != h))
            bad_rt++;
        if (!(isnan(v) ? isnan(f) : (double)f == v &&
                                        !signbit(f) == !(h & 0x8000)))
            bad_val++;
    }
    ok(bad_rt == 0, "nd: float16 round trip of all 65536 bit patterns "
                    "(%d bad)", bad_rt);
    ok(bad_val == 0, "nd: float16 -> float32 exact for all patterns "
                     "(%d bad)", bad_val);
    /* every tie between neighbouring halves, and a float32 ulp either
    ** side of it, plus a stride through all float32 patterns */
    for (uint32_t h = 0; h < 0x7c00; h++) {
        double mid = (half_value((uint16_t)h) +
                      (h == 0x7bff ? 65536.0
                                   : half_value((uint16_t)(h + 1)))) / 2;
        float fm = (float)mid;
        float c[3] = {fm, nextafterf(fm, 0), nextafterf(fm, INFINITY)};
        for (int k = 0; k < 3; k++)
            for (int sg = 0; sg < 2; sg++) {
                float x = sg ? -c[k] : c[k];
                n_round++;
                if (nd_float_to_half(x) != ref_to_half(x))
                    bad_round++;
                if (nd_double_to_half((double)x) != ref_to_half(x))
                    bad_dbl++;
            }
    }
    for (uint64_t u = 0; u < 0x100000000ull; u += 40961) {
        float x;
        uint32_t b = (uint32_t)u;
        memcpy(&x, &b, 4);
        if (!isfinite(x))
            continue;
        n_round++;
        if (nd_float_to_half(x) != ref_to_half(x))
            bad_round++;
        if (nd_double_to_half((double)x) != ref_to_half(x))
            bad_dbl++;
    }
    ok(bad_round == 0, "nd: float32 -> float16 rounds to nearest even, "
                       "subnormals, overflow (%d cases, %d bad)", n_round,
       bad_round);
    ok(bad_dbl == 0, "nd: float64 -> float16 agrees (%d bad)", bad_dbl);
    /* one rounding from double, not two through float */
    ok(nd_double_to_half(1 + ldexp(1, -11) + ldexp(1, -40)) == 0x3c01,
       "nd: float64 -> float16 rounds once (1+2^-11+2^-40 -> 1.001)");
    ok(nd_float_to_half((float)(1 + ldexp(1, -11) + ldexp(1, -40))) ==
           0x3c00,
       "nd: float32 tie 1+2^-11 -> 1.0 (to even)");
    ok(nd_double_to_half(65519.99) == 0x7bff &&
           nd_double_to_half(65520.0) == 0x7c00 &&
           nd_double_to_half(-1e300) == 0xfc00,
       "nd: float16 overflow to inf from 65520");
    ok(nd_double_to_half(ldexp(1, -25)) == 0 &&
           nd_double_to_half(ldexp(1.5, -25)) == 1 &&
           nd_double_to_half(-ldexp(1, -26)) == 0x8000,
       "nd: float16 subnormal and signed-zero underflow");
    {
        uint16_t q = nd_float_to_half(NAN);
        ok((q & 0x7c00) == 0x7c00 && (q & 0x3ff) != 0,
           "nd: NaN stays NaN in float16");
    }
}

int main(void)
{
    NdErr e;
    NdArray a, b, v, o;
    NdDType t;
    int nd;
    int64_t sh[ND_MAXDIMS];

    /* ---- dtypes and promotion ---- */
    is_str(nd_dtype_name(ND_UINT16), "uint16", "nd: dtype name");
    ok(nd_dtype_size(ND_COMPLEX128) == 16, "nd: complex128 itemsize 16");
    ok(nd_promote_types(ND_INT8, ND_UINT8) == ND_INT16,
       "nd: promote int8+uint8 -> int16");
    ok(nd_promote_types(ND_UINT64, ND_INT64) == ND_FLOAT64,
       "nd: promote uint64+int64 -> float64");
    ok(nd_promote_types(ND_FLOAT32, ND_INT16) == ND_FLOAT32,
       "nd: promote float32+int16 -> float32");
    ok(nd_can_cast(ND_FLOAT64, ND_INT64, ND_CAST_SAME_KIND) == 0,
       "nd: float64 -> int64 is not same_kind");
    ok(nd_can_cast(ND_INT64, ND_FLOAT32, ND_CAST_SAME_KIND) == 1,
       "nd: int64 -> float32 is same_kind");
    {
        char s1[16], s2[16];
        NdArray arr = mk(ND_INT8, 1, 3, 0, 0), s;
        const NdArray *ops[2] = {&arr, &s};
        nd_scalar_int(&s, s1, ND_INT64, 50);
        ok(nd_result_type(2, ops) == ND_INT8, "nd: int8 array + 50 -> int8");
        nd_scalar_int(&s, s1, ND_INT64, 300);
        ok(nd_result_type(2, ops) == ND_INT16,
           "nd: int8 array + 300 -> int16");
        nd_scalar_double(&s, s2, ND_FLOAT64, 2.5);
        ok(nd_result_type(2, ops) == ND_FLOAT64,
           "nd: int8 array + 2.5 -> float64");
        NdArray u = mk(ND_UINT8, 1, 2, 0, 0);
        const NdArray *ops2[2] = {&u, &s};
        nd_scalar_int(&s, s1, ND_INT64, -1);
        ok(nd_result_type(2, ops2) == ND_INT16,
           "nd: uint8 array + -1 -> int16");
    }
    ok(nd_dtype_from_name("float", &t, &e) == ND_OK && t == ND_FLOAT64,
       "nd: dtype name 'float' -> float64");
    ok(nd_dtype_from_name("floaty", &t, &e) == ND_ETYPE,
       "nd: unknown dtype name is a TypeError");

    /* ---- shapes and views ---- */
    sh[0] = -1;
    ok(nd_init(&a, ND_INT64, 1, sh, &e) == ND_EVALUE &&
           !strcmp(e.msg, "negative dimensions are not allowed"),
       "nd: negative dimension error");
    sh[0] = (int64_t)1 << 40;
    sh[1] = (int64_t)1 << 40;
    ok(nd_init(&a, ND_FLOAT64, 2, sh, &e) == ND_EVALUE,
       "nd: byte size overflow is a ValueError");
    a = arange(ND_INT64, 12);
    sh[0] = 3, sh[1] = 4;
    ok(nd_reshape_view(&v, &a, 2, sh) && v.strides[0] == 32 &&
           v.strides[1] == 8, "nd: reshape (12,) -> (3,4) is a view");
    ok(nd_transpose(&b, &v, NULL, &e) == ND_OK && b.strides[0] == 8 &&
           b.strides[1] == 32 && !(b.flags & ND_C_CONTIGUOUS) &&
           (b.flags & ND_F_CONTIGUOUS), "nd: transpose swaps strides");
    sh[0] = 12;
    ok(!nd_reshape_view(&o, &b, 1, sh), "nd: ravel of a transpose copies");
    sh[0] = 2, sh[1] = -1;
    ok(nd_reshape_shape(&a, 2, sh, &e) == ND_OK && sh[1] == 6,
       "nd: reshape -1 inferred");
    sh[0] = 3, sh[1] = 5;
    ok(nd_reshape_shape(&a, 2, sh, &e) == ND_EVALUE &&
           !strcmp(e.msg, "cannot reshape array of size 12 into shape (3,5)"),
       "nd: reshape error text");
    {
        int64_t st, step, len;
        nd_slice_indices(10, 0, 0, 0, 0, 1, -3, &st, &step, &len, &e);
        ok(st == 9 && len == 4, "nd: [::-3] of 10 -> start 9, 4 items");
        nd_slice_indices(10, 1, -100, 1, 100, 0, 0, &st, &step, &len, &e);
        ok(st == 0 && len == 10, "nd: slice clipping");
        nd_slice_axis(&o, &a, 0, 9, -3, 4);
        ok(at(&o, 0, 0) == 9 && at(&o, 3, 0) == 0, "nd: reversed view");
        ok(nd_shares_memory(&o, &a), "nd: view shares memory");
    }
    {
        NdArray x = mk(ND_FLOAT64, 2, 2, 3, 0), y = mk(ND_FLOAT64, 1, 2, 0, 0);
        const NdArray *ops[2] = {&x, &y};
        ok(nd_broadcast_shape(2, ops, &nd, sh, &e) == ND_EVALUE &&
               !strcmp(e.msg, "operands could not be broadcast together "
                              "with shapes (2,3) (2,) "),
           "nd: broadcast error text (trailing space)");
        NdArray r = mk(ND_FLOAT64, 2, 3, 1, 0);
        const NdArray *ops2[2] = {&r, &y};
        ok(nd_broadcast_shape(2, ops2, &nd, sh, &e) == ND_OK && nd == 2 &&
               sh[0] == 3 && sh[1] == 2, "nd: broadcast (3,1)+(2,) -> (3,2)");
    }

    /* ---- ufuncs ---- */
    {
        NdArray x = arange(ND_UINT8, 4), s;
        char st[16];
        nd_set_int(ND_UINT8, x.data + 3, 250);
        nd_scalar_int(&s, st, ND_INT64, 10);
        ok(nd_binary_prepare(ND_ADD, &x, &s, &t, &nd, sh, &e) == ND_OK &&
               t == ND_UINT8, "nd: uint8 + 10 stays uint8");
        o = mk(t, nd, sh[0], 0, 0);
        nd_binary(ND_ADD, &x, &s, &o, &e);
        ok(at(&o, 3, 0) == 4, "nd: uint8 250 + 10 wraps to 4");
        NdArray m = mk(ND_INT64, 1, 4, 0, 0), d = mk(ND_INT64, 1, 4, 0, 0);
        int64_t mv[4] = {-7, 7, -7, 7}, dv[4] = {2, 2, -2, -2};
        memcpy(m.data, mv, sizeof mv);
        memcpy(d.data, dv, sizeof dv);
        o = mk(ND_INT64, 1, 4, 0, 0);
        nd_binary(ND_FLOORDIV, &m, &d, &o, &e);
        ok(at(&o, 0, 0) == -4 && at(&o, 1, 0) == 3 && at(&o, 2, 0) == 3 &&
               at(&o, 3, 0) == -4, "nd: // floors like Python");
        nd_binary(ND_MOD, &m, &d, &o, &e);
        ok(at(&o, 0, 0) == 1 && at(&o, 1, 0) == 1 && at(&o, 2, 0) == -1 &&
               at(&o, 3, 0) == -1, "nd: %% takes the divisor's sign");
        ok(nd_binary(ND_POW, &m, &d, &o, &e) == ND_EVALUE &&
               !strcmp(e.msg, "Integers to negative integer powers are not "
                              "allowed."), "nd: int ** negative error");
        NdArray f = mk(ND_FLOAT64, 1, 4, 0, 0);
        ok(nd_binary(ND_TRUEDIV, &m, &d, &f, &e) == ND_OK &&
               at(&f, 0, 0) == -3.5, "nd: int / int is float64");
        ok(nd_binary(ND_TRUEDIV, &m, &d, &o, &e) == ND_ECAST,
           "nd: float64 result into int64 out= is a casting error");
        NdArray bl = mk(ND_BOOL, 1, 2, 0, 0);
        ok(nd_binary_prepare(ND_SUB, &bl, &bl, &t, &nd, sh, &e) == ND_ETYPE,
           "nd: bool - bool is a TypeError");
        ok(nd_binary_prepare(ND_AND, &f, &f, &t, &nd, sh, &e) == ND_ETYPE,
           "nd: float & float is a TypeError");
        ok(nd_unary_prepare(ND_SQRT, &m, &t, &e) == ND_OK && t == ND_FLOAT64,
           "nd: sqrt(int64) -> float64");
        NdArray h = mk(ND_FLOAT64, 1, 4, 0, 0);
        double hv[4] = {0.5, 1.5, 2.5, -0.5};
        memcpy(h.data, hv, sizeof hv);
        nd_unary(ND_RINT, &h, &h, &e);
        ok(at(&h, 0, 0) == 0 && at(&h, 1, 0) == 2 && at(&h, 2, 0) == 2 &&
               at(&h, 3, 0) == 0, "nd: rint rounds half to even");
    }
    {
        /* strided + broadcast operands through the iterator */
        NdArray x = arange(ND_FLOAT64, 12), m2, row = arange(ND_FLOAT64, 3);
        sh[0] = 4, sh[1] = 3;
        nd_reshape_view(&m2, &x, 2, sh);
        nd_transpose(&m2, &m2, NULL, &e); /* (3,4), strided */
        NdArray col = row;
        col.ndim = 2, col.shape[1] = 1, col.strides[1] = 0;
        nd_update_flags(&col);
        o = mk(ND_FLOAT64, 2, 3, 4, 0);
        ok(nd_binary(ND_ADD, &m2, &col, &o, &e) == ND_OK &&
               at(&o, 2, 3) == 11 + 2 && at(&o, 1, 0) == 1 + 1,
           "nd: transposed + column broadcast");
        NdArray i8 = mk(ND_INT8, 2, 3, 4, 0);
        ok(nd_assign(&i8, &o, &e) == ND_OK && at(&i8, 2, 3) == 13,
           "nd: assign with cast float64 -> int8");
    }

    /* ---- reductions ---- */
    {
        NdArray x = arange(ND_INT8, 100), r;
        ok(nd_reduce_prepare(ND_R_SUM, &x, NULL, 0, -1, &r, &e) == ND_OK &&
               r.dtype == ND_INT64 && r.ndim == 0, "nd: sum(int8) -> int64");
        r.data = pool + ((used + 15) & ~(size_t)15);
        used += 32;
        nd_reduce(ND_R_SUM, &x, NULL, 0, &r, &e);
        ok(nd_get_int(ND_INT64, r.data) == 4950, "nd: sum 0..99 = 4950");
        NdArray x2 = arange(ND_FLOAT64, 12), m2;
        sh[0] = 3, sh[1] = 4;
        nd_reshape_view(&m2, &x2, 2, sh);
        char axes[ND_MAXDIMS] = {1, 0};
        nd_reduce_prepare(ND_R_MEAN, &m2, axes, 0, -1, &r, &e);
        NdArray out = mk(r.dtype, r.ndim, r.shape[0], 0, 0);
        nd_reduce(ND_R_MEAN, &m2, axes, 0, &out, &e);
        ok(out.ndim == 1 && out.shape[0] == 4 && at(&out, 0, 0) == 4 &&
               at(&out, 3, 0) == 7, "nd: mean axis 0");
        char ax1[ND_MAXDIMS] = {0, 1};
        nd_reduce_prepare(ND_R_STD, &m2, ax1, 1, -1, &r, &e);
        out = mk(r.dtype, 2, 3, 1, 0);
        nd_reduce(ND_R_STD, &m2, ax1, 0, &out, &e);
        ok(r.ndim == 2 && r.shape[1] == 1 &&
               fabs(at(&out, 1, 0) - sqrt(1.25)) < 1e-15,
           "nd: std axis 1 keepdims");
        NdArray empty = mk(ND_FLOAT64, 1, 0, 0, 0);
        ok(nd_reduce_prepare(ND_R_MAX, &empty, NULL, 0, -1, &r, &e) ==
                   ND_EVALUE &&
               !strcmp(e.msg, "zero-size array to reduction operation "
                              "maximum which has no identity"),
           "nd: max of empty error text");
        NdArray am = arange(ND_FLOAT64, 5);
        nd_set_double(ND_FLOAT64, am.data + 16, 9);
        nd_reduce_prepare(ND_R_ARGMAX, &am, NULL, 0, -1, &r, &e);
        out = mk(ND_INT64, 0, 0, 0, 0);
        nd_reduce(ND_R_ARGMAX, &am, NULL, 0, &out, &e);
        ok(nd_get_int(ND_INT64, out.data) == 2, "nd: argmax");
        NdArray cs = mk(ND_INT64, 1, 5, 0, 0);
        nd_accumulate(0, &am, 0, &cs, &e);
        ok(at(&cs, 4, 0) == 0 + 1 + 9 + 3 + 4, "nd: cumsum");
    }

    /* ---- indexing ---- */
    {
        NdArray x = arange(ND_INT64, 12), m2;
        sh[0] = 3, sh[1] = 4;
        nd_reshape_view(&m2, &x, 2, sh);
        NdIndex ix[2];
        NdIndexPlan plan;
        memset(ix, 0, sizeof ix);
        ix[0].kind = ND_IX_SLICE;
        ix[1].kind = ND_IX_INT;
        ix[1].i = -2;
        ok(nd_index_prepare(&m2, ix, 2, &plan, &e) == ND_OK &&
               plan.nadv == 0 && plan.view.ndim == 1 &&
               at(&plan.view, 2, 0) == 10, "nd: m[:, -2] view");
        ix[1].i = 4;
        ok(nd_index_prepare(&m2, ix, 2, &plan, &e) == ND_EINDEX &&
               !strcmp(e.msg, "index 4 is out of bounds for axis 1 with "
                              "size 4"), "nd: index error text");
        NdArray idx = mk(ND_INT64, 1, 2, 0, 0);
        nd_set_int(ND_INT64, idx.data, 2);
        nd_set_int(ND_INT64, idx.data + 8, -3);
        ix[0].kind = ND_IX_ARRAY;
        ix[0].arr = &idx;
        ok(nd_index_prepare(&m2, ix, 1, &plan, &e) == ND_OK &&
               plan.ndim == 2 && plan.shape[0] == 2 && plan.shape[1] == 4,
           "nd: m[[2, -3]] shape (2,4)");
        o = mk(ND_INT64, 2, 2, 4, 0);
        nd_index_get(&plan, &o, &e);
        ok(at(&o, 0, 1) == 9 && at(&o, 1, 3) == 3, "nd: fancy rows values");
        NdArray mask = mk(ND_BOOL, 2, 3, 4, 0);
        for (int i = 0; i < 12; i += 5)
            mask.data[i] = 1;
        ix[0].arr = &mask;
        ok(nd_index_prepare(&m2, ix, 1, &plan, &e) == ND_OK &&
               plan.ndim == 1 && plan.shape[0] == 3, "nd: 2-d mask count");
        char st[16];
        NdArray val;
        nd_scalar_int(&val, st, ND_INT64, -1);
        nd_index_set(&plan, &val, &e);
        ok(at(&m2, 0, 0) == -1 && at(&m2, 1, 1) == -1 && at(&m2, 2, 2) == -1 &&
               at(&m2, 2, 3) == 11, "nd: mask assignment");
    }

    /* ---- sorting and products ---- */
    {
        NdArray x = mk(ND_FLOAT64, 1, 5, 0, 0), ix = mk(ND_INT64, 1, 5, 0, 0);
        double xv[5] = {3, NAN, 1, 2, 1};
        memcpy(x.data, xv, sizeof xv);
        char scratch[256];
        nd_argsort(&x, 0, &ix, scratch, &e);
        ok(at(&ix, 0, 0) == 2 && at(&ix, 1, 0) == 4 && at(&ix, 4, 0) == 1,
           "nd: argsort stable for small n, NaN last");
        nd_sort(&x, 0, NULL, &e);
        ok(at(&x, 0, 0) == 1 && at(&x, 3, 0) == 3 && isnan(at(&x, 4, 0)),
           "nd: sort NaN last");
        NdArray p = arange(ND_FLOAT64, 6), q = arange(ND_FLOAT64, 6), pm, qm;
        sh[0] = 2, sh[1] = 3;
        nd_reshape_view(&pm, &p, 2, sh);
        sh[0] = 3, sh[1] = 2;
        nd_reshape_view(&qm, &q, 2, sh);
        ok(nd_matmul_prepare(&pm, &qm, &t, &nd, sh, &e) == ND_OK && nd == 2 &&
               sh[0] == 2 && sh[1] == 2, "nd: matmul shape");
        o = mk(t, 2, 2, 2, 0);
        char mscratch[1024];
        nd_matmul(&pm, &qm, &o, mscratch, &e);
        ok(at(&o, 0, 0) == 10 && at(&o, 1, 1) == 40, "nd: matmul values");
        ok(nd_matmul_prepare(&pm, &pm, &t, &nd, sh, &e) == ND_EVALUE,
           "nd: matmul core mismatch error");
    }
    /* ---- float16 ---- */
    test_half();
    is_str(nd_dtype_name(ND_FLOAT16), "float16", "nd: float16 name");
    ok(nd_dtype_size(ND_FLOAT16) == 2 && nd_dtype_kind(ND_FLOAT16) == 'f',
       "nd: float16 itemsize 2, kind f");
    ok(nd_promote_types(ND_INT8, ND_FLOAT16) == ND_FLOAT16 &&
           nd_promote_types(ND_UINT8, ND_FLOAT16) == ND_FLOAT16 &&
           nd_promote_types(ND_BOOL, ND_FLOAT16) == ND_FLOAT16,
       "nd: promote bool/int8/uint8 + float16 -> float16");
    ok(nd_promote_types(ND_INT16, ND_FLOAT16) == ND_FLOAT32 &&
           nd_promote_types(ND_INT32, ND_FLOAT16) == ND_FLOAT64 &&
           nd_promote_types(ND_FLOAT16, ND_COMPLEX64) == ND_COMPLEX64,
       "nd: promote int16/int32/complex64 + float16");
    ok(nd_can_cast(ND_INT8, ND_FLOAT16, ND_CAST_SAFE) &&
           !nd_can_cast(ND_INT16, ND_FLOAT16, ND_CAST_SAFE) &&
           nd_can_cast(ND_INT16, ND_FLOAT16, ND_CAST_SAME_KIND) &&
           !nd_can_cast(ND_FLOAT32, ND_FLOAT16, ND_CAST_SAFE) &&
           nd_can_cast(ND_FLOAT32, ND_FLOAT16, ND_CAST_SAME_KIND),
       "nd: can_cast to float16 (safe, same_kind)");
    {
        char s1[16];
        NdArray h = mk(ND_FLOAT16, 1, 3, 0, 0), i8 = arange(ND_INT8, 3), s;
        const NdArray *ops[2] = {&h, &s};
        nd_scalar_double(&s, s1, ND_FLOAT64, 2.5);
        ok(nd_result_type(2, ops) == ND_FLOAT16,
           "nd: float16 array + 2.5 -> float16");
        nd_scalar_double(&s, s1, ND_FLOAT64, 65000.0);
        ok(nd_result_type(2, ops) == ND_FLOAT32,
           "nd: float16 array + 65000.0 -> float32 (NumPy's bound)");
        nd_scalar_double(&s, s1, ND_FLOAT64, 3.4e38);
        ok(nd_result_type(2, ops) == ND_FLOAT64,
           "nd: float16 array + 3.4e38 -> float64");
        nd_scalar_int(&s, s1, ND_INT64, 1000000);
        ok(nd_result_type(2, ops) == ND_FLOAT64,
           "nd: float16 array + 1000000 -> float64");
        ops[0] = &i8;
        nd_scalar_double(&s, s1, ND_FLOAT64, 2.5);
        ok(nd_result_type(2, ops) == ND_FLOAT64,
           "nd: int8 array + 2.5 -> float64 (kind above the array's)");
        ok(nd_unary_prepare(ND_SQRT, &i8, &t, &e) == ND_OK &&
               t == ND_FLOAT16,
           "nd: sqrt(int8) -> float16");
        NdArray r = mk(ND_FLOAT16, 1, 3, 0, 0);
        nd_unary(ND_SQRT, &i8, &r, &e);
        ok(at(&r, 2, 0) == 1.4140625, "nd: sqrt(int8 2) = half(1.4142)");
        ok(nd_binary_prepare(ND_TRUEDIV, &i8, &i8, &t, &nd, sh, &e) ==
                   ND_OK && t == ND_FLOAT64,
           "nd: int8 / int8 -> float64");
        /* 1.5 % 0.3: the scalar is rounded to half (0.30005) first */
        nd_set_double(ND_FLOAT16, h.data, 1.5);
        NdArray one = h;
        one.shape[0] = 1;
        nd_scalar_double(&s, s1, ND_FLOAT64, 0.3);
        NdArray m = mk(ND_FLOAT16, 1, 1, 0, 0);
        nd_binary(ND_MOD, &one, &s, &m, &e);
        ok(at(&m, 0, 0) == nd_half_to_double(nd_double_to_half(0.2998)),
           "nd: float16 1.5 %% 0.3 = 0.2998 as NumPy");
        /* out= float32 of a float16 loop still holds the half result */
        NdArray f = mk(ND_FLOAT32, 1, 1, 0, 0);
        nd_scalar_double(&s, s1, ND_FLOAT64, 3.0);
        nd_binary(ND_TRUEDIV, &one, &s, &f, &e);
        ok(at(&f, 0, 0) == 0.5, "nd: float16 1.5/3 into float32 out");
    }
    {
        /* sums: pairwise in float, rounded to half per 8192 chunk;
        ** cumsum rounds every step (stalls at 512 adding 0.25: ties go
        ** to even) */
        NdArray h = mk(ND_FLOAT16, 1, 20000, 0, 0), r, c;
        for (int i = 0; i < 20000; i++)
            nd_set_double(ND_FLOAT16, h.data + 2 * i, 0.25);
        nd_reduce_prepare(ND_R_SUM, &h, NULL, 0, -1, &r, &e);
        ok(r.dtype == ND_FLOAT16, "nd: sum of float16 is float16");
        r.data = pool + sizeof pool - 64;
        nd_reduce(ND_R_SUM, &h, NULL, 0, &r, &e);
        ok(at(&r, 0, 0) == 5000.0, "nd: float16 sum of 20000 x 0.25");
        nd_reduce_prepare(ND_R_MEAN, &h, NULL, 0, -1, &r, &e);
        r.data = pool + sizeof pool - 64;
        nd_reduce(ND_R_MEAN, &h, NULL, 0, &r, &e);
        ok(r.dtype == ND_FLOAT16 && at(&r, 0, 0) == 0.25,
           "nd: float16 mean (float32 accumulation) -> float16");
        c = mk(ND_FLOAT16, 1, 20000, 0, 0);
        nd_accumulate(0, &h, 0, &c, &e);
        ok(at(&c, 19999, 0) == 512.0, "nd: float16 cumsum rounds per step");
        nd_set_double(ND_FLOAT16, h.data + 2 * 7, 3.0);
        nd_reduce_prepare(ND_R_ARGMAX, &h, NULL, 0, -1, &r, &e);
        r.data = pool + sizeof pool - 64;
        nd_reduce(ND_R_ARGMAX, &h, NULL, 0, &r, &e);
        ok(*(int64_t *)r.data == 7, "nd: float16 argmax");
    }
    return tap_done();
}
