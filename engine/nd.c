/*
** nd.c - the array model: dtypes, promotion, views, the iterator, casts.
**
** Everything here works on NdArray views and never allocates: results
** are described by nd_init and filled into memory the caller provides.
** The iterator is the one strided loop driver of the core; kernels see
** only (n, pointers, strides).
*/
#include "nd_int.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#if ND_AVX2
#include <immintrin.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

/* ---- dtype table (from the X-macro) ---- */

static const char *const dtype_names[] = {
#define X(E, T, N, K, S) N,
    ND_DTYPES(X)
#undef X
};
static const char dtype_kinds[] = {
#define X(E, T, N, K, S) K,
    ND_DTYPES(X)
#undef X
};
static const size_t dtype_sizes[] = {
#define X(E, T, N, K, S) S,
    ND_DTYPES(X)
#undef X
};

const char *nd_dtype_name(NdDType t)
{
    return (unsigned)t < ND_NTYPES ? dtype_names[t] : "?";
}

char nd_dtype_kind(NdDType t)
{
    return (unsigned)t < ND_NTYPES ? dtype_kinds[t] : '?';
}

size_t nd_dtype_size(NdDType t)
{
    return (unsigned)t < ND_NTYPES ? dtype_sizes[t] : 0;
}

const char *nd_error_name(NdError e)
{
    static const char *const names[] = {
        "OK",
        "ValueError",
        "IndexError",
        "TypeError",
        "MemoryError",
        "numpy.AxisError",
        "numpy.linalg.LinAlgError",
        "numpy.core._exceptions._UFuncOutputCastingError",
        "ZeroDivisionError",
        "OverflowError",
    };
    return (unsigned)e < sizeof names / sizeof *names ? names[e] : "Error";
}

/* ---- float16 (IEEE binary16 in a uint16_t) ----
** Written out rather than using _Float16: clang 14 lacks it on x86 and
** hardware conversions (F16C) go double -> float -> half, rounding twice.
** These follow NumPy's npy_halfbits code exactly, so every cast and
** every per-element rounding of a float16 loop matches NumPy bit for
** bit (round half to even, subnormals, overflow to inf, NaN payloads). */

uint16_t nd_float_to_half(float fv)
{
    uint32_t f, f_exp, f_sig;
    uint16_t h_sgn, h_exp, h_sig;
    memcpy(&f, &fv, 4);
    h_sgn = (uint16_t)((f & 0x80000000u) >> 16);
    f_exp = f & 0x7f800000u;
    if (f_exp >= 0x47800000u) { /* overflow, inf, NaN */
        if (f_exp == 0x7f800000u && (f & 0x007fffffu)) {
            uint16_t r = (uint16_t)(0x7c00u + ((f & 0x007fffffu) >> 13));
            if (r == 0x7c00u) /* keep a NaN whose payload shifts out */
                r++;
            return (uint16_t)(h_sgn + r);
        }
        return (uint16_t)(h_sgn + 0x7c00u);
    }
    if (f_exp <= 0x38000000u) { /* subnormal half or signed zero */
        if (f_exp < 0x33000000u)
            return h_sgn;
        f_exp >>= 23;
        f_sig = 0x00800000u + (f & 0x007fffffu);
        f_sig >>= (113 - f_exp);
        /* ties to even; the shift may drop up to 11 sticky bits, which
        ** the test on the original low bits sees */
        if ((f_sig & 0x00003fffu) != 0x00001000u || (f & 0x000007ffu))
            f_sig += 0x00001000u;
        h_sig = (uint16_t)(f_sig >> 13);
        return (uint16_t)(h_sgn + h_sig); /* a carry makes it normal */
    }
    h_exp = (uint16_t)((f_exp - 0x38000000u) >> 13);
    f_sig = f & 0x007fffffu;
    if ((f_sig & 0x00003fffu) != 0x00001000u)
        f_sig += 0x00001000u;
    h_sig = (uint16_t)(f_sig >> 13);
    /* a carry out of the significand bumps the exponent (to inf at most) */
    return (uint16_t)(h_sgn + h_exp + h_sig);
}

uint16_t nd_double_to_half(double dv)
{
    uint64_t d, d_exp, d_sig;
    uint16_t h_sgn, h_exp, h_sig;
    memcpy(&d, &dv, 8);
    h_sgn = (uint16_t)((d & 0x8000000000000000ULL) >> 48);
    d_exp = d & 0x7ff0000000000000ULL;
    if (d_exp >= 0x40f0000000000000ULL) {
        if (d_exp == 0x7ff0000000000000ULL &&
            (d & 0x000fffffffffffffULL)) {
            uint16_t r = (uint16_t)(0x7c00u +
                                    ((d & 0x000fffffffffffffULL) >> 42));
            if (r == 0x7c00u)
                r++;
            return (uint16_t)(h_sgn + r);
        }
        return (uint16_t)(h_sgn + 0x7c00u);
    }
    if (d_exp <= 0x3f00000000000000ULL) {
        if (d_exp < 0x3e60000000000000ULL)
            return h_sgn;
        d_exp >>= 52;
        d_sig = 0x0010000000000000ULL + (d & 0x000fffffffffffffULL);
        /* doubles have room to shift left: no sticky bit is lost */
        d_sig <<= (d_exp - 998);
        if ((d_sig & 0x003fffffffffffffULL) != 0x0010000000000000ULL)
            d_sig += 0x0010000000000000ULL;
        h_sig = (uint16_t)(d_sig >> 53);
        return (uint16_t)(h_sgn + h_sig);
    }
    h_exp = (uint16_t)((d_exp - 0x3f00000000000000ULL) >> 42);
    d_sig = d & 0x000fffffffffffffULL;
    if ((d_sig & 0x000007ffffffffffULL) != 0x0000020000000000ULL)
        d_sig += 0x0000020000000000ULL;
    h_sig = (uint16_t)(d_sig >> 42);
    return (uint16_t)(h_sgn + h_exp + h_sig);
}

float nd_half_to_float(uint16_t h)
{
    uint32_t f_sgn = ((uint32_t)h & 0x8000u) << 16, f;
    uint16_t h_exp = h & 0x7c00u, h_sig;
    float r;
    if (h_exp == 0) {
        h_sig = h & 0x03ffu;
        if (h_sig == 0) {
            f = f_sgn;
        } else { /* subnormal: normalise */
            h_sig = (uint16_t)(h_sig << 1);
            while ((h_sig & 0x0400u) == 0) {
                h_sig = (uint16_t)(h_sig << 1);
                h_exp++;
            }
            f = f_sgn + ((uint32_t)(127 - 15 - h_exp) << 23) +
                ((uint32_t)(h_sig & 0x03ffu) << 13);
        }
    } else if (h_exp == 0x7c00u) {
        f = f_sgn + 0x7f800000u + ((uint32_t)(h & 0x03ffu) << 13);
    } else {
        f = f_sgn + (((uint32_t)(h & 0x7fffu) + 0x1c000u) << 13);
    }
    memcpy(&r, &f, 4);
    return r;
}

double nd_half_to_double(uint16_t h)
{
    return (double)nd_half_to_float(h); /* exact */
}

NdError nd_fail(NdErr *e, NdError code, const char *fmt, ...)
{
    if (e) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(e->msg, sizeof e->msg, fmt, ap);
        va_end(ap);
    }
    return code;
}

void nd_shape_str(char *buf, size_t size, int ndim, const int64_t *shape)
{
    size_t n = 0;
    n += (size_t)snprintf(buf, size, "(");
    for (int i = 0; i < ndim && n < size; i++)
        n += (size_t)snprintf(buf + n, size - n, i ? ",%lld" : "%lld",
                              (long long)shape[i]);
    if (n < size)
        snprintf(buf + n, size - n, ndim == 1 ? ",)" : ")");
}

NdError nd_dtype_from_name(const char *name, NdDType *t, NdErr *e)
{
    static const struct {
        const char *name;
        NdDType t;
    } alias[] = {
        {"int", ND_INT64},      {"float", ND_FLOAT64},
        {"bool", ND_BOOL},      {"bool_", ND_BOOL},
        {"complex", ND_COMPLEX128}, {"double", ND_FLOAT64},
        {"single", ND_FLOAT32}, {"int_", ND_INT64},
        {"float_", ND_FLOAT64}, {"intp", ND_INT64},
        {"uint", ND_UINT64},    {"i1", ND_INT8},
        {"i2", ND_INT16},       {"i4", ND_INT32},
        {"i8", ND_INT64},       {"u1", ND_UINT8},
        {"u2", ND_UINT16},      {"u4", ND_UINT32},
        {"u8", ND_UINT64},      {"f4", ND_FLOAT32},
        {"f8", ND_FLOAT64},     {"c16", ND_COMPLEX128},
        {"c8", ND_COMPLEX64},   {"?", ND_BOOL},
        {"f2", ND_FLOAT16},     {"e", ND_FLOAT16},
        {"half", ND_FLOAT16},   {"f", ND_FLOAT32},
        {"d", ND_FLOAT64},
    };
    for (int i = 0; i < ND_NTYPES; i++)
        if (strcmp(name, dtype_names[i]) == 0) {
            *t = (NdDType)i;
            return ND_OK;
        }
    for (size_t i = 0; i < sizeof alias / sizeof *alias; i++)
        if (strcmp(name, alias[i].name) == 0) {
            *t = alias[i].t;
            return ND_OK;
        }
    return nd_fail(e, ND_ETYPE, "data type '%s' not understood", name);
}

/* np.promote_types, generated from NumPy 1.24.2 (ND_DTYPES order). */
#define B ND_BOOL
#define I8 ND_INT8
#define I16 ND_INT16
#define I32 ND_INT32
#define I64 ND_INT64
#define U8 ND_UINT8
#define U16 ND_UINT16
#define U32 ND_UINT32
#define U64 ND_UINT64
#define F16 ND_FLOAT16
#define F32 ND_FLOAT32
#define F64 ND_FLOAT64
#define C64 ND_COMPLEX64
#define C128 ND_COMPLEX128
static const unsigned char promote_table[ND_NTYPES][ND_NTYPES] = {
    {B, I8, I16, I32, I64, U8, U16, U32, U64, F16, F32, F64, C64, C128},
    {I8, I8, I16, I32, I64, I16, I32, I64, F64, F16, F32, F64, C64, C128},
    {I16, I16, I16, I32, I64, I16, I32, I64, F64, F32, F32, F64, C64, C128},
    {I32, I32, I32, I32, I64, I32, I32, I64, F64, F64, F64, F64, C128, C128},
    {I64, I64, I64, I64, I64, I64, I64, I64, F64, F64, F64, F64, C128, C128},
    {U8, I16, I16, I32, I64, U8, U16, U32, U64, F16, F32, F64, C64, C128},
    {U16, I32, I32, I32, I64, U16, U16, U32, U64, F32, F32, F64, C64, C128},
    {U32, I64, I64, I64, I64, U32, U32, U32, U64, F64, F64, F64, C128, C128},
    {U64, F64, F64, F64, F64, U64, U64, U64, U64, F64, F64, F64, C128, C128},
    {F16, F16, F32, F64, F64, F16, F32, F64, F64, F16, F32, F64, C64, C128},
    {F32, F32, F32, F64, F64, F32, F32, F64, F64, F32, F32, F64, C64, C128},
    {F64, F64, F64, F64, F64, F64, F64, F64, F64, F64, F64, F64, C128, C128},
    {C64, C64, C64, C128, C128, C64, C64, C128, C128, C64, C64, C128, C64,
     C128},
    {C128, C128, C128, C128, C128, C128, C128, C128, C128, C128, C128, C128,
     C128, C128},
};
#undef B
#undef I8
#undef I16
#undef I32
#undef I64
#undef U8
#undef U16
#undef U32
#undef U64
#undef F16
#undef F32
#undef F64
#undef C64
#undef C128

NdDType nd_promote_types(NdDType a, NdDType b)
{
    return (NdDType)promote_table[a][b];
}

/* Kind order for value-based casting: b < i,u < f < c. */
static int kind_rank(NdDType t)
{
    switch (dtype_kinds[t]) {
    case 'b': return 0;
    case 'i': case 'u': return 1;
    case 'f': return 2;
    default: return 3;
    }
}

int nd_can_cast(NdDType from, NdDType to, NdCasting rule)
{
    if (rule == ND_CAST_UNSAFE || from == to)
        return 1;
    if (rule == ND_CAST_NO)
        return 0;
    if (nd_promote_types(from, to) == to)
        return 1;
    if (rule == ND_CAST_SAFE)
        return 0;
    /* same_kind: within a kind or towards a higher kind; u -> i ok. */
    int rf = kind_rank(from), rt = kind_rank(to);
    if (rf < rt)
        return 1;
    if (rf > rt)
        return 0;
    if (dtype_kinds[from] == 'i' && dtype_kinds[to] == 'u')
        return 0;
    return 1;
}

/* Smallest dtype holding a 0-d operand's value (np.min_scalar_type);
** *small_unsigned says a non-negative int also fits the signed type of
** that size, which NumPy uses when the other side is signed. */
NdDType nd_min_scalar_type(const NdArray *a, int *small_unsigned)
{
    char k = dtype_kinds[a->dtype];
    *small_unsigned = 0;
    if (k == 'b')
        return ND_BOOL;
    if (k == 'i' || k == 'u') {
        if (k == 'u' && a->dtype == ND_UINT64) {
            uint64_t u = (uint64_t)nd_get_int(ND_UINT64, a->data);
            if (u > (uint64_t)INT64_MAX)
                return ND_UINT64;
        }
        int64_t v = nd_get_int(a->dtype, a->data);
        if (v >= 0) {
            if (v < 256) {
                *small_unsigned = v < 128;
                return ND_UINT8;
            }
            if (v < 65536) {
                *small_unsigned = v < 32768;
                return ND_UINT16;
            }
            if (v <= 4294967295LL) {
                *small_unsigned = v <= 2147483647LL;
                return ND_UINT32;
            }
            *small_unsigned = 1;
            return ND_UINT64;
        }
        if (v >= -128)
            return ND_INT8;
        if (v >= -32768)
            return ND_INT16;
        if (v >= -2147483648LL)
            return ND_INT32;
        return ND_INT64;
    }
    if (k == 'f') {
        /* NumPy's min_scalar_type: open bounds +-65000 and +-3.4e38
        ** (not the types' true maxima); inf and NaN fit float16 */
        double v = nd_get_double(a->dtype, a->data);
        if (a->dtype == ND_FLOAT16 || !isfinite(v) ||
            (v > -65000.0 && v < 65000.0))
            return ND_FLOAT16;
        if (a->dtype == ND_FLOAT32 || (v > -3.4e38 && v < 3.4e38))
            return ND_FLOAT32;
        return ND_FLOAT64;
    }
    double re, im;
    if (a->dtype == ND_COMPLEX64)
        return ND_COMPLEX64;
    nd_get_complex(a->dtype, a->data, &re, &im);
    /* plain comparisons: inf and NaN parts need complex128 */
    if (re > -3.4e38 && re < 3.4e38 && im > -3.4e38 && im < 3.4e38)
        return ND_COMPLEX64;
    return ND_COMPLEX128;
}

static NdDType signed_twin(NdDType t);

int nd_can_cast_value(const NdArray *a, NdDType to, NdCasting rule)
{
    int small;
    char k;
    if (a->ndim > 0 || nd_can_cast(a->dtype, to, rule))
        return nd_can_cast(a->dtype, to, rule);
    NdDType m = nd_min_scalar_type(a, &small);
    k = dtype_kinds[to];
    if (small && k != 'u')
        m = signed_twin(m);
    return nd_can_cast(m, to, rule);
}

static NdDType signed_twin(NdDType t)
{
    switch (t) {
    case ND_UINT8: return ND_INT8;
    case ND_UINT16: return ND_INT16;
    case ND_UINT32: return ND_INT32;
    case ND_UINT64: return ND_INT64;
    default: return t;
    }
}

NdDType nd_result_type(int n, const NdArray *const *ops)
{
    int arr_kind = -1, scal_kind = -1, any_signed_arr = 0, same = 1;
    for (int i = 1; i < n; i++)
        same &= ops[i]->dtype == ops[0]->dtype;
    if (same) /* value-based casting never goes below the array dtype */
        return ops[0]->dtype;
    for (int i = 0; i < n; i++) {
        int r = kind_rank(ops[i]->dtype);
        if (ops[i]->ndim > 0) {
            if (r > arr_kind)
                arr_kind = r;
            if (dtype_kinds[ops[i]->dtype] == 'i')
                any_signed_arr = 1;
        } else if (r > scal_kind)
            scal_kind = r;
    }
    int value_based = arr_kind >= 0 && scal_kind >= 0 &&
                      scal_kind <= arr_kind;
    NdDType res = ops[0]->dtype;
    int first = 1;
    for (int i = 0; i < n; i++) {
        NdDType t = ops[i]->dtype;
        if (value_based && ops[i]->ndim == 0) {
            int small;
            t = nd_min_scalar_type(ops[i], &small);
            if (small && any_signed_arr)
                t = signed_twin(t);
        }
        res = first ? t : nd_promote_types(res, t);
        first = 0;
    }
    return res;
}

/* ---- shapes ---- */

int64_t nd_size(const NdArray *a)
{
    int64_t n = 1;
    for (int i = 0; i < a->ndim; i++)
        n *= a->shape[i];
    return n;
}

size_t nd_nbytes(const NdArray *a)
{
    return (size_t)nd_size(a) * dtype_sizes[a->dtype];
}

void nd_update_flags(NdArray *a)
{
    int64_t sz = (int64_t)dtype_sizes[a->dtype], c = sz, f = sz;
    int cc = 1, fc = 1;
    int empty = 0;
    for (int i = 0; i < a->ndim; i++)
        if (a->shape[i] == 0)
            empty = 1;
    if (!empty) {
        for (int i = a->ndim - 1; i >= 0; i--) {
            if (a->shape[i] != 1 && a->strides[i] != c)
                cc = 0;
            c *= a->shape[i];
        }
        for (int i = 0; i < a->ndim; i++) {
            if (a->shape[i] != 1 && a->strides[i] != f)
                fc = 0;
            f *= a->shape[i];
        }
    }
    a->flags &= ~(ND_C_CONTIGUOUS | ND_F_CONTIGUOUS);
    a->flags |= (cc ? ND_C_CONTIGUOUS : 0) | (fc ? ND_F_CONTIGUOUS : 0);
}

NdError nd_init(NdArray *a, NdDType t, int ndim, const int64_t *shape,
                NdErr *e)
{
    if (ndim < 0 || ndim > ND_MAXDIMS)
        return nd_fail(e, ND_EVALUE,
                       "maximum supported dimension for an ndarray is %d, "
                       "found %d", ND_MAXDIMS, ndim);
    int64_t sz = (int64_t)dtype_sizes[t], total = 1;
    int zero = 0;
    for (int i = 0; i < ndim; i++) {
        if (shape[i] < 0)
            return nd_fail(e, ND_EVALUE, "negative dimensions are not allowed");
        if (shape[i] == 0)
            zero = 1;
    }
    /* as NumPy: the product of the non-zero dims must fit, even when
    ** another dim is 0 (strides are built from it) */
    /* overflow tests by multiplying, not dividing: two 64-bit divisions
    ** were a tenth of a small a+b */
    for (int i = 0; i < ndim; i++)
        if (shape[i] && __builtin_mul_overflow(total, shape[i], &total))
            goto big;
    {
        int64_t bytes;
        if (__builtin_mul_overflow(total, sz, &bytes) ||
            bytes > INT64_MAX / 2)
            goto big;
    }
    /* only the used dims are written: views copy what they need */
    a->dtype = t;
    a->ndim = ndim;
    a->data = NULL;
    a->buffer = NULL;
    a->buffer_size = 0;
    int64_t st = sz;
    for (int i = ndim - 1; i >= 0; i--) {
        a->shape[i] = shape[i];
        a->strides[i] = st;
        st *= shape[i] ? shape[i] : 1;
    }
    /* C order by construction; also F order when at most one dim is
    ** longer than 1 or the array is empty (nd_update_flags' rules) */
    {
        int longer = 0;
        for (int i = 0; i < ndim; i++)
            longer += shape[i] != 1;
        a->flags = ND_WRITEABLE | ND_OWNDATA | ND_C_CONTIGUOUS |
                   (longer <= 1 || zero ? ND_F_CONTIGUOUS : 0);
    }
    return ND_OK;
big:
    return nd_fail(e, ND_EVALUE,
                   "array is too big; `arr.size * arr.dtype.itemsize` is "
                   "larger than the maximum possible size.");
}

void nd_scalar_int(NdArray *a, void *store, NdDType t, int64_t v)
{
    nd_init(a, t, 0, NULL, NULL);
    a->data = a->buffer = store;
    a->buffer_size = 16;
    memset(store, 0, 16);
    nd_set_int(t, store, v);
}

void nd_scalar_double(NdArray *a, void *store, NdDType t, double v)
{
    nd_init(a, t, 0, NULL, NULL);
    a->data = a->buffer = store;
    a->buffer_size = 16;
    memset(store, 0, 16);
    nd_set_double(t, store, v);
}

/* ---- one element (the only switches on dtype) ---- */

double nd_get_double(NdDType t, const char *p)
{
    switch (t) {
#define X(E, T, U, K)                                                      \
    case ND_##E: {                                                         \
        T v;                                                               \
        memcpy(&v, p, sizeof v);                                           \
        return (double)v;                                                  \
    }
        ND_REAL_DTYPES(X)
#undef X
    case ND_FLOAT16: {
        uint16_t h;
        memcpy(&h, p, 2);
        return nd_half_to_double(h);
    }
    case ND_COMPLEX64: {
        nd_complex64 v;
        memcpy(&v, p, sizeof v);
        return v.re;
    }
    case ND_COMPLEX128: {
        nd_complex128 v;
        memcpy(&v, p, sizeof v);
        return v.re;
    }
    default: return 0;
    }
}

int64_t nd_get_int(NdDType t, const char *p)
{
    switch (t) {
#define X(E, T, U, K)                                                      \
    case ND_##E: {                                                         \
        T v;                                                               \
        memcpy(&v, p, sizeof v);                                           \
        return K == 'f' ? nd_f2i64((double)v) : (int64_t)v;                \
    }
        ND_REAL_DTYPES(X)
#undef X
    default: return nd_f2i64(nd_get_double(t, p));
    }
}

void nd_get_complex(NdDType t, const char *p, double *re, double *im)
{
    if (t == ND_COMPLEX64) {
        nd_complex64 v;
        memcpy(&v, p, sizeof v);
        *re = v.re, *im = v.im;
    } else if (t == ND_COMPLEX128) {
        nd_complex128 v;
        memcpy(&v, p, sizeof v);
        *re = v.re, *im = v.im;
    } else {
        *re = nd_get_double(t, p);
        *im = 0;
    }
}

void nd_set_double(NdDType t, char *p, double v)
{
    switch (t) {
#define X(E, T, U, K)                                                      \
    case ND_##E: {                                                         \
        T x = ND_CONV(T, K, 'f', v);                                       \
        memcpy(p, &x, sizeof x);                                           \
        return;                                                            \
    }
        ND_REAL_DTYPES(X)
#undef X
    case ND_FLOAT16: {
        uint16_t h = nd_double_to_half(v);
        memcpy(p, &h, 2);
        return;
    }
    case ND_COMPLEX64: {
        nd_complex64 x = {(float)v, 0};
        memcpy(p, &x, sizeof x);
        return;
    }
    case ND_COMPLEX128: {
        nd_complex128 x = {v, 0};
        memcpy(p, &x, sizeof x);
        return;
    }
    default: return;
    }
}

void nd_set_int(NdDType t, char *p, int64_t v)
{
    switch (t) {
#define X(E, T, U, K)                                                      \
    case ND_##E: {                                                         \
        T x = ND_CONV(T, K, 'i', v);                                       \
        memcpy(p, &x, sizeof x);                                           \
        return;                                                            \
    }
        ND_REAL_DTYPES(X)
#undef X
    default: nd_set_double(t, p, (double)v);
    }
}

NdError nd_norm_axis(int *axis, int ndim, NdErr *e)
{
    if (*axis < -ndim || *axis >= ndim || ndim == 0)
        return nd_fail(e, ND_EAXIS,
                       "axis %d is out of bounds for array of dimension %d",
                       *axis, ndim);
    if (*axis < 0)
        *axis += ndim;
    return ND_OK;
}

/* ---- views ---- */

NdError nd_transpose(NdArray *out, const NdArray *a, const int *axes,
                     NdErr *e)
{
    /* only the used dims are copied (out may be a) */
    int64_t sh[ND_MAXDIMS], st[ND_MAXDIMS];
    int seen[ND_MAXDIMS] = {0}, nd = a->ndim;
    for (int i = 0; i < nd; i++) {
        int ax = axes ? axes[i] : nd - 1 - i;
        if (axes) {
            NdError err = nd_norm_axis(&ax, nd, e);
            if (err)
                return err;
            if (seen[ax])
                return nd_fail(e, ND_EVALUE, "repeated axis in transpose");
            seen[ax] = 1;
        }
        sh[i] = a->shape[ax];
        st[i] = a->strides[ax];
    }
    out->dtype = a->dtype;
    out->ndim = nd;
    out->flags = a->flags & ~ND_OWNDATA;
    out->data = a->data;
    out->buffer = a->buffer;
    out->buffer_size = a->buffer_size;
    for (int i = 0; i < nd; i++) {
        out->shape[i] = sh[i];
        out->strides[i] = st[i];
    }
    nd_update_flags(out);
    return ND_OK;
}

NdError nd_swapaxes(NdArray *out, const NdArray *a, int ax1, int ax2,
                    NdErr *e)
{
    NdError err;
    if ((err = nd_norm_axis(&ax1, a->ndim, e)) ||
        (err = nd_norm_axis(&ax2, a->ndim, e)))
        return err;
    int axes[ND_MAXDIMS];
    for (int i = 0; i < a->ndim; i++)
        axes[i] = i;
    axes[ax1] = ax2;
    axes[ax2] = ax1;
    return nd_transpose(out, a, axes, e);
}

NdError nd_reshape_shape(const NdArray *a, int ndim, int64_t *shape,
                         NdErr *e)
{
    int unknown = -1;
    int64_t known = 1, size = nd_size(a), nonzero = 1;
    char buf[400];
    if (ndim > ND_MAXDIMS)
        return nd_fail(e, ND_EVALUE,
                       "maximum supported dimension for an ndarray is %d, "
                       "found %d", ND_MAXDIMS, ndim);
    for (int i = 0; i < ndim; i++) {
        if (shape[i] == -1) {
            if (unknown >= 0)
                return nd_fail(e, ND_EVALUE,
                               "can only specify one unknown dimension");
            unknown = i;
        } else if (shape[i] < 0) {
            return nd_fail(e, ND_EVALUE, "negative dimensions not allowed");
        } else {
            if (shape[i] && nonzero > (INT64_MAX / 16) / shape[i])
                return nd_fail(e, ND_EVALUE,
                               "array is too big; `arr.size * "
                               "arr.dtype.itemsize` is larger than the "
                               "maximum possible size.");
            known *= shape[i];
            nonzero *= shape[i] ? shape[i] : 1;
        }
    }
    if (unknown >= 0) {
        if (known == 0 || size % known != 0) {
            /* NumPy prints the unknown dimension as "newaxis". */
            size_t n = (size_t)snprintf(buf, sizeof buf, "(");
            for (int i = 0; i < ndim && n < sizeof buf; i++) {
                if (i)
                    n += (size_t)snprintf(buf + n, sizeof buf - n, ",");
                if (i == unknown)
                    n += (size_t)snprintf(buf + n, sizeof buf - n,
                                          "newaxis");
                else
                    n += (size_t)snprintf(buf + n, sizeof buf - n, "%lld",
                                          (long long)shape[i]);
            }
            if (n < sizeof buf)
                snprintf(buf + n, sizeof buf - n, ndim == 1 ? ",)" : ")");
            return nd_fail(e, ND_EVALUE,
                           "cannot reshape array of size %lld into shape %s",
                           (long long)size, buf);
        }
        shape[unknown] = size / known;
    } else if (known != size) {
        nd_shape_str(buf, sizeof buf, ndim, shape);
        return nd_fail(e, ND_EVALUE,
                       "cannot reshape array of size %lld into shape %s",
                       (long long)size, buf);
    }
    return ND_OK;
}

/* NumPy's _attempt_nocopy_reshape (C order). */
int nd_reshape_view(NdArray *out, const NdArray *a, int ndim,
                    const int64_t *shape)
{
    int64_t olddims[ND_MAXDIMS], oldstrides[ND_MAXDIMS];
    int64_t newstrides[ND_MAXDIMS];
    int oldnd = 0;
    NdArray r = *a;
    r.ndim = ndim;
    r.flags &= ~ND_OWNDATA;
    if (nd_size(a) == 0) {
        int64_t st = (int64_t)dtype_sizes[a->dtype];
        for (int i = ndim - 1; i >= 0; i--) {
            r.shape[i] = shape[i];
            r.strides[i] = st;
            st *= shape[i] ? shape[i] : 1;
        }
        nd_update_flags(&r);
        *out = r;
        return 1;
    }
    for (int i = 0; i < a->ndim; i++)
        if (a->shape[i] != 1) {
            olddims[oldnd] = a->shape[i];
            oldstrides[oldnd++] = a->strides[i];
        }
    int oi = 0, oj = 1, ni = 0, nj = 1;
    while (ni < ndim && oi < oldnd) {
        int64_t np = shape[ni], op = olddims[oi];
        while (np != op) {
            if (np < op)
                np *= shape[nj++];
            else
                op *= olddims[oj++];
        }
        for (int ok = oi; ok < oj - 1; ok++)
            if (oldstrides[ok] != olddims[ok + 1] * oldstrides[ok + 1])
                return 0;
        newstrides[nj - 1] = oldstrides[oj - 1];
        for (int nk = nj - 1; nk > ni; nk--)
            newstrides[nk - 1] = newstrides[nk] * shape[nk];
        ni = nj++;
        oi = oj++;
    }
    int64_t last = ni >= 1 ? newstrides[ni - 1]
                           : (int64_t)dtype_sizes[a->dtype];
    for (int nk = ni; nk < ndim; nk++)
        newstrides[nk] = last;
    for (int i = 0; i < ndim; i++) {
        r.shape[i] = shape[i];
        r.strides[i] = newstrides[i];
    }
    nd_update_flags(&r);
    *out = r;
    return 1;
}

NdError nd_broadcast_shape(int n, const NdArray *const *ops, int *ndim,
                           int64_t *shape, NdErr *e)
{
    int nd = 0;
    for (int k = 0; k < n; k++)
        if (ops[k]->ndim > nd)
            nd = ops[k]->ndim;
    for (int i = 0; i < nd; i++)
        shape[i] = 1;
    for (int k = 0; k < n; k++) {
        const NdArray *a = ops[k];
        for (int i = 0; i < a->ndim; i++) {
            int j = nd - a->ndim + i;
            int64_t d = a->shape[i];
            if (d == shape[j] || d == 1)
                continue;
            if (shape[j] == 1) {
                shape[j] = d;
                continue;
            }
            /* NumPy lists every operand's shape, each followed by a
            ** space. */
            size_t m = (size_t)snprintf(
                e ? e->msg : NULL, e ? sizeof e->msg : 0,
                "operands could not be broadcast together with shapes ");
            for (int q = 0; q < n && e && m < sizeof e->msg; q++) {
                char buf[300];
                nd_shape_str(buf, sizeof buf, ops[q]->ndim, ops[q]->shape);
                m += (size_t)snprintf(e->msg + m, sizeof e->msg - m, "%s ",
                                      buf);
            }
            return ND_EVALUE;
        }
    }
    *ndim = nd;
    return ND_OK;
}

NdError nd_broadcast_to(NdArray *out, const NdArray *a, int ndim,
                        const int64_t *shape, NdErr *e)
{
    int64_t st[ND_MAXDIMS];
    if (a->ndim > ndim)
        goto bad;
    for (int i = ndim - 1, j = a->ndim - 1; i >= 0; i--, j--) {
        if (j >= 0 && a->shape[j] == shape[i])
            st[i] = a->strides[j];
        else if (j < 0 || a->shape[j] == 1)
            st[i] = 0;
        else
            goto bad;
    }
    out->dtype = a->dtype;
    out->flags = a->flags & ~ND_OWNDATA;
    out->data = a->data;
    out->buffer = a->buffer;
    out->buffer_size = a->buffer_size;
    out->ndim = ndim;
    for (int i = 0; i < ndim; i++) {
        out->shape[i] = shape[i];
        out->strides[i] = st[i];
    }
    nd_update_flags(out);
    return ND_OK;
bad: {
    char b1[300], b2[300];
    nd_shape_str(b1, sizeof b1, a->ndim, a->shape);
    nd_shape_str(b2, sizeof b2, ndim, shape);
    return nd_fail(e, ND_EVALUE,
                   "could not broadcast input array from shape %s into "
                   "shape %s", b1, b2);
}
}

NdError nd_squeeze(NdArray *out, const NdArray *a, int axis, NdErr *e)
{
    NdArray r = *a;
    int n = 0;
    if (axis >= 0 || axis < -1) {
        NdError err = nd_norm_axis(&axis, a->ndim, e);
        if (err)
            return err;
        if (a->shape[axis] != 1)
            return nd_fail(e, ND_EVALUE,
                           "cannot select an axis to squeeze out which has "
                           "size not equal to one");
    }
    for (int i = 0; i < a->ndim; i++) {
        if (a->shape[i] == 1 && (axis < 0 || i == axis))
            continue;
        r.shape[n] = a->shape[i];
        r.strides[n++] = a->strides[i];
    }
    r.ndim = n;
    r.flags &= ~ND_OWNDATA;
    nd_update_flags(&r);
    *out = r;
    return ND_OK;
}

NdError nd_expand_dims(NdArray *out, const NdArray *a, int axis, NdErr *e)
{
    if (a->ndim >= ND_MAXDIMS)
        return nd_fail(e, ND_EVALUE, "too many dimensions");
    NdError err = nd_norm_axis(&axis, a->ndim + 1, e);
    if (err)
        return err;
    NdArray r = *a;
    r.ndim = a->ndim + 1;
    for (int i = 0, j = 0; i < r.ndim; i++) {
        if (i == axis) {
            r.shape[i] = 1;
            r.strides[i] = j < a->ndim ? a->strides[j] * a->shape[j]
                                       : (int64_t)dtype_sizes[a->dtype];
        } else {
            r.shape[i] = a->shape[j];
            r.strides[i] = a->strides[j++];
        }
    }
    r.flags &= ~ND_OWNDATA;
    nd_update_flags(&r);
    *out = r;
    return ND_OK;
}

void nd_slice_axis(NdArray *out, const NdArray *a, int axis, int64_t start,
                   int64_t step, int64_t len)
{
    NdArray r = *a;
    if (len > 0)
        r.data += start * a->strides[axis];
    r.shape[axis] = len;
    /* a stride only matters (and is bounded by the buffer) when len > 1;
    ** repeated slicing of short axes would otherwise overflow it */
    r.strides[axis] = len > 1 ? a->strides[axis] * step : a->strides[axis];
    r.flags &= ~ND_OWNDATA;
    nd_update_flags(&r);
    *out = r;
}

NdError nd_slice_indices(int64_t n, int has_start, int64_t start,
                         int has_stop, int64_t stop, int has_step,
                         int64_t step, int64_t *ostart, int64_t *ostep,
                         int64_t *olen, NdErr *e)
{
    if (!has_step)
        step = 1;
    if (step == 0)
        return nd_fail(e, ND_EVALUE, "slice step cannot be zero");
    int64_t lo = step < 0 ? -1 : 0, hi = step < 0 ? n - 1 : n;
    if (!has_start)
        start = step < 0 ? hi : lo;
    else {
        if (start < 0)
            start = start < -n ? lo : start + n;
        if (start >= n)
            start = hi;
    }
    if (!has_stop)
        stop = step < 0 ? lo : hi;
    else {
        if (stop < 0)
            stop = stop < -n ? lo : stop + n;
        if (stop >= n)
            stop = hi;
    }
    int64_t len = 0;
    if (step > 0 && stop > start)
        len = (stop - start - 1) / step + 1;
    else if (step < 0 && start > stop)
        len = (start - stop - 1) / (-step) + 1;
    *ostart = start;
    *ostep = step;
    *olen = len;
    return ND_OK;
}

/* Byte extent [lo, hi) a view touches. */
static void extent(const NdArray *a, char **lo, char **hi)
{
    char *l = a->data, *h = a->data;
    if (nd_size(a) == 0) {
        *lo = *hi = a->data;
        return;
    }
    for (int i = 0; i < a->ndim; i++) {
        int64_t d = a->strides[i] * (a->shape[i] - 1);
        if (d < 0)
            l += d;
        else
            h += d;
    }
    *lo = l;
    *hi = h + dtype_sizes[a->dtype];
}

int nd_shares_memory(const NdArray *a, const NdArray *b)
{
    char *al, *ah, *bl, *bh;
    if (nd_size(a) == 0 || nd_size(b) == 0)
        return 0;
    extent(a, &al, &ah);
    extent(b, &bl, &bh);
    return al < bh && bl < ah;
}

/* ---- the iterator ---- */

void nd_iter_init(NdIter *it, int nop, const NdArray *const *ops, int ndim,
                  const int64_t *shape, int key)
{
    int64_t sh[ND_MAXDIMS];
    ptrdiff_t st[ND_MAXOPS][ND_MAXDIMS];
    int n = 0;
    it->nop = nop;
    for (int k = 0; k < nop; k++)
        it->ptr[k] = ops[k]->data;
    for (int i = 0; i < ndim; i++) {
        if (shape[i] == 0) {
            it->ndim = 1;
            it->shape[0] = 0;
            for (int k = 0; k < nop; k++)
                it->strides[k][0] = 0;
            return;
        }
        if (shape[i] == 1)
            continue; /* size-1 axes never move a pointer */
        for (int k = 0; k < nop; k++) {
            const NdArray *a = ops[k];
            int j = i - (ndim - a->ndim);
            st[k][n] = (j < 0 || a->shape[j] == 1) ? 0 : a->strides[j];
        }
        sh[n++] = shape[i];
    }
    /* Order axes: largest |stride| of the key operand outermost; a
    ** stable insertion sort keeps C order for ties. */
    int perm[ND_MAXDIMS];
    for (int i = 0; i < n; i++)
        perm[i] = i;
    for (int i = 1; i < n; i++) {
        int p = perm[i], j = i;
        ptrdiff_t sp = st[key][p] < 0 ? -st[key][p] : st[key][p];
        while (j > 0) {
            ptrdiff_t sq = st[key][perm[j - 1]];
            sq = sq < 0 ? -sq : sq;
            if (sq >= sp)
                break;
            perm[j] = perm[j - 1];
            j--;
        }
        perm[j] = p;
    }
    /* Coalesce an axis into its outer neighbour when every operand
    ** steps through both as one run. */
    int m = 0;
    for (int i = 0; i < n; i++) {
        int p = perm[i];
        if (m > 0) {
            int ok = 1;
            for (int k = 0; k < nop; k++)
                if (it->strides[k][m - 1] != st[k][p] * sh[p])
                    ok = 0;
            if (ok) {
                it->shape[m - 1] *= sh[p];
                for (int k = 0; k < nop; k++)
                    it->strides[k][m - 1] = st[k][p];
                continue;
            }
        }
        it->shape[m] = sh[p];
        for (int k = 0; k < nop; k++)
            it->strides[k][m] = st[k][p];
        m++;
    }
    if (m == 0) {
        it->shape[0] = 1;
        for (int k = 0; k < nop; k++)
            it->strides[k][0] = 0;
        m = 1;
    }
    it->ndim = m;
}

void nd_iter_run(const NdIter *it, NdLoop fn, void *aux)
{
    int nd = it->ndim, nop = it->nop;
    int64_t n = it->shape[nd - 1];
    ptrdiff_t inner[ND_MAXOPS];
    char *p[ND_MAXOPS];
    int64_t idx[ND_MAXDIMS] = {0};
    if (n == 0)
        return;
    for (int k = 0; k < nop; k++) {
        inner[k] = it->strides[k][nd - 1];
        p[k] = it->ptr[k];
    }
    if (nd == 1) {
        fn(n, p, inner, aux);
        return;
    }
    for (;;) {
        fn(n, p, inner, aux);
        int d = nd - 2;
        for (; d >= 0; d--) {
            if (++idx[d] < it->shape[d]) {
                for (int k = 0; k < nop; k++)
                    p[k] += it->strides[k][d];
                break;
            }
            idx[d] = 0;
            for (int k = 0; k < nop; k++)
                p[k] -= it->strides[k][d] * (it->shape[d] - 1);
        }
        if (d < 0)
            return;
    }
}

/* ---- casts: one kernel per (from, to) pair of the X-macro ---- */

#define CSFX
#define CNAME(FE, TE) CCAT(FE, TE, CSFX)
#define CCAT(FE, TE, S) CCAT_(FE, TE, S)
#define CCAT_(FE, TE, S) cast_##FE##_##TE##S
#define CAST_REAL(FE, FT, FU, FK, TE, TT, TU, TK)                          \
    static void CNAME(FE, TE)(int64_t n, const char *src, ptrdiff_t ss,    \
                              char *dst, ptrdiff_t ds)                     \
    {                                                                      \
        if (ss == sizeof(FT) && ds == sizeof(TT)) {                        \
            const FT *s = (const FT *)src;                                 \
            TT *d = (TT *)dst;                                             \
            for (int64_t i = 0; i < n; i++)                                \
                d[i] = ND_CONV(TT, TK, FK, s[i]);                          \
        } else {                                                           \
            for (int64_t i = 0; i < n; i++) {                              \
                FT v = *(const FT *)(src + i * ss);                        \
                *(TT *)(dst + i * ds) = ND_CONV(TT, TK, FK, v);            \
            }                                                              \
        }                                                                  \
    }
#define CAST_FROM(FE, FT, FU, FK)                                          \
    CAST_TO_ALL(FE, FT, FU, FK)
#define CAST_TO_ALL(FE, FT, FU, FK)                                        \
    CAST_REAL(FE, FT, FU, FK, BOOL, uint8_t, uint8_t, 'b')                 \
    CAST_REAL(FE, FT, FU, FK, INT8, int8_t, uint8_t, 'i')                  \
    CAST_REAL(FE, FT, FU, FK, INT16, int16_t, uint16_t, 'i')               \
    CAST_REAL(FE, FT, FU, FK, INT32, int32_t, uint32_t, 'i')               \
    CAST_REAL(FE, FT, FU, FK, INT64, int64_t, uint64_t, 'i')               \
    CAST_REAL(FE, FT, FU, FK, UINT8, uint8_t, uint8_t, 'u')                \
    CAST_REAL(FE, FT, FU, FK, UINT16, uint16_t, uint16_t, 'u')             \
    CAST_REAL(FE, FT, FU, FK, UINT32, uint32_t, uint32_t, 'u')             \
    CAST_REAL(FE, FT, FU, FK, UINT64, uint64_t, uint64_t, 'u')             \
    CAST_REAL(FE, FT, FU, FK, FLOAT32, float, float, 'f')                  \
    CAST_REAL(FE, FT, FU, FK, FLOAT64, double, double, 'f')
ND_REAL_DTYPES(CAST_FROM)
/* The same loops compiled for AVX2 and AVX-512, where the contiguous
** ones run 4 to 16 elements an instruction (astype(float32) on 1e5:
** SSE2 converts 2 doubles at a time). Conversions are exact IEEE or C
** integer operations and float -> int goes through nd_f2int_bits, so
** every level writes the same bytes (tests/engine/nd_kern_test.c). */
#if ND_AVX2
#undef CSFX
#define CSFX _avx2
ND_AVX2_BEGIN
ND_REAL_DTYPES(CAST_FROM)
ND_AVX2_END
#undef CSFX
#define CSFX _avx512
ND_AVX512_BEGIN
ND_REAL_DTYPES(CAST_FROM)
ND_AVX512_END
#undef CSFX
#define CSFX
#endif
#undef CAST_FROM
#undef CAST_TO_ALL

/* float16 <-> real: through float (exact from half), as NumPy's casts:
** doubles round once to half, the others go (float)x -> half. */
#define CAST_F16_PAIR(E, T, U, K)                                          \
    static void cast_##E##_FLOAT16(int64_t n, const char *src,             \
                                   ptrdiff_t ss, char *dst, ptrdiff_t ds)  \
    {                                                                      \
        for (int64_t i = 0; i < n; i++) {                                  \
            T v;                                                           \
            memcpy(&v, src + i * ss, sizeof v);                            \
            uint16_t h = sizeof(T) == 8 && K == 'f'                        \
                             ? nd_double_to_half((double)v)                \
                             : nd_float_to_half((float)v);                 \
            memcpy(dst + i * ds, &h, 2);                                   \
        }                                                                  \
    }                                                                      \
    static void cast_FLOAT16_##E(int64_t n, const char *src,               \
                                 ptrdiff_t ss, char *dst, ptrdiff_t ds)    \
    {                                                                      \
        for (int64_t i = 0; i < n; i++) {                                  \
            uint16_t h;                                                    \
            memcpy(&h, src + i * ss, 2);                                   \
            float v = nd_half_to_float(h);                                 \
            T x = ND_CONV(T, K, 'f', v);                                   \
            memcpy(dst + i * ds, &x, sizeof x);                            \
        }                                                                  \
    }
ND_REAL_DTYPES(CAST_F16_PAIR)
#undef CAST_F16_PAIR

static void cast_FLOAT16_FLOAT16(int64_t n, const char *src, ptrdiff_t ss,
                                 char *dst, ptrdiff_t ds)
{
    for (int64_t i = 0; i < n; i++)
        memcpy(dst + i * ds, src + i * ss, 2);
}

/* Casts touching complex go element by element through doubles. */
#define ND_CAST_SLOW(FE, TE)                                               \
    static void cast_##FE##_##TE(int64_t n, const char *src, ptrdiff_t ss, \
                                 char *dst, ptrdiff_t ds)                  \
    {                                                                      \
        for (int64_t i = 0; i < n; i++) {                                  \
            double re, im;                                                 \
            nd_get_complex(ND_##FE, src + i * ss, &re, &im);               \
            cplx_set(ND_##TE, dst + i * ds, re, im);                       \
        }                                                                  \
    }

static void cplx_set(NdDType t, char *p, double re, double im)
{
    if (t == ND_COMPLEX64) {
        nd_complex64 v = {(float)re, (float)im};
        memcpy(p, &v, sizeof v);
    } else if (t == ND_COMPLEX128) {
        nd_complex128 v = {re, im};
        memcpy(p, &v, sizeof v);
    } else if (t == ND_BOOL) {
        uint8_t b = re != 0 || im != 0;
        memcpy(p, &b, 1);
    } else {
        nd_set_double(t, p, re);
    }
}

#define SLOW_TO(E, T, U, K) ND_CAST_SLOW(COMPLEX64, E) ND_CAST_SLOW(COMPLEX128, E)
#define SLOW_FROM(E, T, U, K) ND_CAST_SLOW(E, COMPLEX64) ND_CAST_SLOW(E, COMPLEX128)
ND_REAL_DTYPES(SLOW_TO)
ND_REAL_DTYPES(SLOW_FROM)
ND_CAST_SLOW(COMPLEX64, FLOAT16)
ND_CAST_SLOW(COMPLEX128, FLOAT16)
ND_CAST_SLOW(FLOAT16, COMPLEX64)
ND_CAST_SLOW(FLOAT16, COMPLEX128)
ND_CAST_SLOW(COMPLEX64, COMPLEX64)
ND_CAST_SLOW(COMPLEX64, COMPLEX128)
ND_CAST_SLOW(COMPLEX128, COMPLEX64)
ND_CAST_SLOW(COMPLEX128, COMPLEX128)
#undef SLOW_TO
#undef SLOW_FROM

#define ROW(FE, FT, FN, FK, FS)                                            \
    {cast_##FE##_BOOL,    cast_##FE##_INT8,    cast_##FE##_INT16,          \
     cast_##FE##_INT32,   cast_##FE##_INT64,   cast_##FE##_UINT8,          \
     cast_##FE##_UINT16,  cast_##FE##_UINT32,  cast_##FE##_UINT64,         \
     cast_##FE##_FLOAT16, cast_##FE##_FLOAT32, cast_##FE##_FLOAT64,        \
     cast_##FE##_COMPLEX64, cast_##FE##_COMPLEX128},
static NdCastFn cast_table[ND_NTYPES][ND_NTYPES] = {ND_DTYPES(ROW)};
#undef ROW

/* The real x real block of cast_table at the SIMD level in effect,
** re-read after nd_set_simd_level. */
static int cast_ready;

static void casts_init(void)
{
#if ND_AVX2
    int level = nd_use_avx512() ? 2 : nd_use_avx2() ? 1 : 0;
#define CSET(FE, TE)                                                       \
    cast_table[ND_##FE][ND_##TE] = level == 2   ? cast_##FE##_##TE##_avx512 \
                                   : level == 1 ? cast_##FE##_##TE##_avx2 \
                                                : cast_##FE##_##TE;
#define CSET_FROM(FE, FT, FU, FK)                                          \
    CSET(FE, BOOL) CSET(FE, INT8) CSET(FE, INT16) CSET(FE, INT32)          \
    CSET(FE, INT64) CSET(FE, UINT8) CSET(FE, UINT16) CSET(FE, UINT32)      \
    CSET(FE, UINT64) CSET(FE, FLOAT32) CSET(FE, FLOAT64)
    ND_REAL_DTYPES(CSET_FROM)
#undef CSET_FROM
#undef CSET
#endif
    cast_ready = nd_simd_epoch;
}

static inline void casts_check(void)
{
    if (cast_ready != nd_simd_epoch)
        casts_init();
}

NdCastFn nd_cast_fn(NdDType from, NdDType to)
{
    casts_check();
    return cast_table[from][to];
}

void nd_copy_contig(NdDType to, char *dst, NdDType from, const char *src,
                    int64_t n)
{
    casts_check();
    if (to == from)
        memcpy(dst, src, (size_t)n * dtype_sizes[to]);
    else
        cast_table[from][to](n, src, (ptrdiff_t)dtype_sizes[from], dst,
                             (ptrdiff_t)dtype_sizes[to]);
}

/* ---- running typed loops over operands of other dtypes ---- */

typedef struct {
    int nop, nout;
    NdDType have[ND_MAXOPS], want[ND_MAXOPS];
    NdLoop fn;
    void *aux;
} CastRun;

static void cast_run_loop(int64_t n, char **p, const ptrdiff_t *s, void *aux)
{
    CastRun *c = aux;
    /* 16-byte aligned chunk buffers, one per operand needing a cast. */
    static _Thread_local union {
        double d[ND_BUFSIZE * 2];
        char c[ND_BUFSIZE * 16];
    } buf[ND_MAXOPS];
    char *q[ND_MAXOPS];
    ptrdiff_t qs[ND_MAXOPS];
    for (int64_t done = 0; done < n; done += ND_BUFSIZE) {
        int64_t m = n - done < ND_BUFSIZE ? n - done : ND_BUFSIZE;
        for (int k = 0; k < c->nop; k++) {
            char *at = p[k] + done * s[k];
            if (c->have[k] == c->want[k]) {
                q[k] = at;
                qs[k] = s[k];
                continue;
            }
            q[k] = buf[k].c;
            qs[k] = (ptrdiff_t)dtype_sizes[c->want[k]];
            /* in-place outputs read too (out= aliasing an input). */
            if (k < c->nop - c->nout)
                cast_table[c->have[k]][c->want[k]](m, at, s[k], q[k], qs[k]);
        }
        c->fn(m, q, qs, c->aux);
        for (int k = c->nop - c->nout; k < c->nop; k++)
            if (c->have[k] != c->want[k])
                cast_table[c->want[k]][c->have[k]](m, q[k], qs[k],
                                                   p[k] + done * s[k], s[k]);
    }
}

void nd_run_cast(const NdIter *it, int nout, const NdArray *const *ops,
                 const NdDType *loop_t, NdLoop fn, void *aux)
{
    CastRun c;
    int need = 0;
    c.nop = it->nop;
    c.nout = nout;
    c.fn = fn;
    c.aux = aux;
    for (int k = 0; k < it->nop; k++) {
        c.have[k] = ops[k]->dtype;
        c.want[k] = loop_t[k];
        need |= c.have[k] != c.want[k];
    }
    casts_check();
    if (need)
        nd_iter_run(it, cast_run_loop, &c);
    else
        nd_iter_run(it, fn, aux);
}

/* ---- rounding a wider result to float16 precision ---- */

static void round_half_loop(int64_t n, char **p, const ptrdiff_t *s,
                            void *aux)
{
    /* aux: the dtype; complex values are two floats/doubles in a row */
    NdDType t = *(const NdDType *)aux;
    int parts = nd_dtype_kind(t) == 'c' ? 2 : 1;
    int dbl = t == ND_FLOAT64 || t == ND_COMPLEX128;
    for (int64_t i = 0; i < n; i++)
        for (int k = 0; k < parts; k++) {
            char *q = p[0] + i * s[0] + k * (dbl ? 8 : 4);
            if (dbl) {
                double v;
                memcpy(&v, q, 8);
                v = nd_half_to_double(nd_double_to_half(v));
                memcpy(q, &v, 8);
            } else {
                float v;
                memcpy(&v, q, 4);
                v = nd_half_to_float(nd_float_to_half(v));
                memcpy(q, &v, 4);
            }
        }
}

void nd_half_operand(NdArray *x, NdArray *tmp, void *store)
{
    char k = dtype_kinds[x->dtype];
    if (x->dtype == ND_FLOAT16 || (k != 'f' && k != 'c'))
        return;
    /* a broadcast 0-d value has all strides 0: read its one element */
    for (int i = 0; i < x->ndim; i++)
        if (x->strides[i] != 0 && x->shape[i] > 1)
            return; /* not a scalar: cannot happen for a half loop */
    nd_scalar_double(tmp, store, ND_FLOAT16, nd_get_double(x->dtype, x->data));
    NdArray r = *x;
    r.dtype = ND_FLOAT16;
    r.data = r.buffer = tmp->data;
    r.buffer_size = 16;
    for (int i = 0; i < r.ndim; i++)
        r.strides[i] = 0;
    nd_update_flags(&r);
    *x = r;
}

void nd_round_to_half(NdArray *a)
{
    NdDType t = a->dtype;
    if (t != ND_FLOAT32 && t != ND_FLOAT64 && t != ND_COMPLEX64 &&
        t != ND_COMPLEX128)
        return;
    const NdArray *ops[1] = {a};
    NdIter it;
    nd_iter_init(&it, 1, ops, a->ndim, a->shape, 0);
    nd_iter_run(&it, round_half_loop, &t);
}

/* ---- assignment ---- */

#define COPY_N(N)                                                          \
    static void copy_##N(int64_t n, char **p, const ptrdiff_t *s,          \
                         void *aux)                                        \
    {                                                                      \
        (void)aux;                                                         \
        if (s[0] == N && s[1] == N) {                                      \
            memmove(p[0], p[1], (size_t)n * N);                            \
        } else {                                                           \
            for (int64_t i = 0; i < n; i++)                                \
                memcpy(p[0] + i * s[0], p[1] + i * s[1], N);               \
        }                                                                  \
    }
COPY_N(1)
COPY_N(2)
COPY_N(4)
COPY_N(8)
COPY_N(16)

static NdLoop copy_loop(size_t size)
{
    switch (size) {
    case 1: return copy_1;
    case 2: return copy_2;
    case 4: return copy_4;
    case 8: return copy_8;
    default: return copy_16;
    }
}

static void cast_loop(int64_t n, char **p, const ptrdiff_t *s, void *aux)
{
    const NdCastFn *f = aux;
    (*f)(n, p[1], s[1], p[0], s[0]);
}

/* ---- transposing copies ----
** dst(i, j) = src(i, j) over an R x C block whose dst rows are contiguous
** (dst(i, j) at d + i * ds + j * N) and whose src columns are (src(i, j)
** at s + i * N + j * ss): a C-order copy of a transposed view. Tiles of
** TT x TT items keep both sides' cache lines in L1; inside a tile,
** B x B register blocks are transposed with shuffles (SSE2 2x2 for 8
** bytes and 4x4 for 4 bytes, AVX2 4x4 for 8 bytes when the CPU has it),
** the tile edges and other itemsizes item by item. Generated per
** itemsize: a copy never looks at the dtype. */
typedef void (*TransFn)(char *d, ptrdiff_t ds, const char *s, ptrdiff_t ss,
                        int64_t R, int64_t C);
#define TT 32
#define TRANS_KERNEL(NAME, N, B, BLOCK)                                    \
    static void NAME(char *d, ptrdiff_t ds, const char *s, ptrdiff_t ss,   \
                     int64_t R, int64_t C)                                 \
    {                                                                      \
        for (int64_t i0 = 0; i0 < R; i0 += TT)                             \
            for (int64_t j0 = 0; j0 < C; j0 += TT) {                       \
                int64_t ie = i0 + TT < R ? i0 + TT : R;                    \
                int64_t je = j0 + TT < C ? j0 + TT : C, i = i0;            \
                for (; i + (B) <= ie; i += (B)) {                          \
                    int64_t j = j0;                                        \
                    for (; j + (B) <= je; j += (B))                        \
                        BLOCK(d + i * ds + j * (N), ds,                    \
                              s + i * (N) + j * ss, ss);                   \
                    for (; j < je; j++)                                    \
                        for (int64_t q = i; q < i + (B); q++)              \
                            memcpy(d + q * ds + j * (N),                   \
                                   s + q * (N) + j * ss, (N));             \
                }                                                          \
                for (; i < ie; i++)                                        \
                    for (int64_t j = j0; j < je; j++)                      \
                        memcpy(d + i * ds + j * (N), s + i * (N) + j * ss, \
                               (N));                                       \
            }                                                              \
    }
#define BLK1(N)                                                            \
    static inline void blk1_##N(char *d, ptrdiff_t ds, const char *s,      \
                                ptrdiff_t ss)                              \
    {                                                                      \
        (void)ds, (void)ss;                                                \
        memcpy(d, s, N);                                                   \
    }                                                                      \
    TRANS_KERNEL(trans_##N, N, 1, blk1_##N)
BLK1(1)
BLK1(2)
BLK1(16)

#if defined(__SSE2__)
/* 2x2 of 8 bytes: v0 = src(i..i+1, j), v1 = src(i..i+1, j+1). */
static inline void blk_sse8(char *d, ptrdiff_t ds, const char *s,
                            ptrdiff_t ss)
{
    __m128d v0 = _mm_loadu_pd((const double *)s);
    __m128d v1 = _mm_loadu_pd((const double *)(s + ss));
    _mm_storeu_pd((double *)d, _mm_unpacklo_pd(v0, v1));
    _mm_storeu_pd((double *)(d + ds), _mm_unpackhi_pd(v0, v1));
}
/* 4x4 of 4 bytes. */
static inline void blk_sse4(char *d, ptrdiff_t ds, const char *s,
                            ptrdiff_t ss)
{
    __m128 v0 = _mm_loadu_ps((const float *)s);
    __m128 v1 = _mm_loadu_ps((const float *)(s + ss));
    __m128 v2 = _mm_loadu_ps((const float *)(s + 2 * ss));
    __m128 v3 = _mm_loadu_ps((const float *)(s + 3 * ss));
    _MM_TRANSPOSE4_PS(v0, v1, v2, v3);
    _mm_storeu_ps((float *)d, v0);
    _mm_storeu_ps((float *)(d + ds), v1);
    _mm_storeu_ps((float *)(d + 2 * ds), v2);
    _mm_storeu_ps((float *)(d + 3 * ds), v3);
}
TRANS_KERNEL(trans_8, 8, 2, blk_sse8)
TRANS_KERNEL(trans_4, 4, 4, blk_sse4)
#else
BLK1(4)
BLK1(8)
#endif

#if ND_AVX2
ND_AVX2_BEGIN
/* 4x4 of 8 bytes: unpack pairs, then swap 128-bit halves. */
static inline void blk_avx8(char *d, ptrdiff_t ds, const char *s,
                            ptrdiff_t ss)
{
    __m256d v0 = _mm256_loadu_pd((const double *)s);
    __m256d v1 = _mm256_loadu_pd((const double *)(s + ss));
    __m256d v2 = _mm256_loadu_pd((const double *)(s + 2 * ss));
    __m256d v3 = _mm256_loadu_pd((const double *)(s + 3 * ss));
    __m256d t0 = _mm256_unpacklo_pd(v0, v1), t1 = _mm256_unpackhi_pd(v0, v1);
    __m256d t2 = _mm256_unpacklo_pd(v2, v3), t3 = _mm256_unpackhi_pd(v2, v3);
    _mm256_storeu_pd((double *)d, _mm256_permute2f128_pd(t0, t2, 0x20));
    _mm256_storeu_pd((double *)(d + ds), _mm256_permute2f128_pd(t1, t3, 0x20));
    _mm256_storeu_pd((double *)(d + 2 * ds),
                     _mm256_permute2f128_pd(t0, t2, 0x31));
    _mm256_storeu_pd((double *)(d + 3 * ds),
                     _mm256_permute2f128_pd(t1, t3, 0x31));
}
TRANS_KERNEL(trans_8_avx2, 8, 4, blk_avx8)
ND_AVX2_END
#endif

/* -1 unknown, 0 baseline kernels, 1 AVX2, 2 AVX2 and AVX-512F. */
static int copy_simd = -1;

int nd_copy_simd(int mode)
{
#if ND_AVX2
    if (mode == 0) {
        copy_simd = 0;
    } else if (mode == 1 || copy_simd < 0) {
        int level = nd_use_avx2(); /* 0 with PYPREP_ND_NOSIMD=1 */
        if (level && __builtin_cpu_supports("avx512f"))
            level = 2;
        copy_simd = level;
    }
    return copy_simd;
#else
    (void)mode;
    return 0;
#endif
}

static TransFn trans_fn(size_t isz)
{
    switch (isz) {
    case 1: return trans_1;
    case 2: return trans_2;
    case 4: return trans_4;
#if ND_AVX2
    case 8: return nd_copy_simd(-1) >= 1 ? trans_8_avx2 : trans_8;
#else
    case 8: return trans_8;
#endif
    case 16: return trans_16;
    default: return NULL;
    }
}

/* A same-dtype copy whose iteration (dst-ordered) ends in two axes that
** src walks transposed: the last axis steps dst by one item and the one
** before it steps src by one item. Outer axes are walked here. Returns 0
** when the layout is not that. */
static int transposed_copy(const NdIter *it, size_t isz)
{
    int nd = it->ndim, a = nd - 1, b = nd - 2;
    TransFn fn;
    if (nd < 2 || it->strides[0][a] != (ptrdiff_t)isz ||
        it->strides[1][b] != (ptrdiff_t)isz || !(fn = trans_fn(isz)))
        return 0;
    int64_t idx[ND_MAXDIMS] = {0}, R = it->shape[b], C = it->shape[a];
    ptrdiff_t ds = it->strides[0][b], ss = it->strides[1][a];
    char *dp = it->ptr[0], *sp = it->ptr[1];
    for (;;) {
        fn(dp, ds, sp, ss, R, C);
        int d = b - 1;
        for (; d >= 0; d--) {
            if (++idx[d] < it->shape[d]) {
                dp += it->strides[0][d];
                sp += it->strides[1][d];
                break;
            }
            idx[d] = 0;
            dp -= it->strides[0][d] * (it->shape[d] - 1);
            sp -= it->strides[1][d] * (it->shape[d] - 1);
        }
        if (d < 0)
            return 1;
    }
}

/* C-contiguous by shape and strides (not trusting flags a caller may
** have left stale). */
static int is_c_order(const NdArray *a)
{
    int64_t c = (int64_t)dtype_sizes[a->dtype];
    for (int i = a->ndim - 1; i >= 0; i--) {
        if (a->shape[i] != 1 && a->strides[i] != c)
            return 0;
        c *= a->shape[i];
    }
    return 1;
}

NdError nd_assign(NdArray *dst, const NdArray *src, NdErr *e)
{
    NdArray b;
    const NdArray *s = src;
    int same = dst->ndim == src->ndim;
    casts_check();
    for (int i = 0; same && i < dst->ndim; i++)
        same = dst->shape[i] == src->shape[i];
    if (same && is_c_order(dst) && is_c_order(src)) {
        /* one block: memmove or one contiguous cast loop */
        int64_t n = nd_size(dst);
        if (n == 0)
            return ND_OK;
        if (dst->dtype == src->dtype)
            memmove(dst->data, src->data, (size_t)n * dtype_sizes[dst->dtype]);
        else
            cast_table[src->dtype][dst->dtype](
                n, src->data, (ptrdiff_t)dtype_sizes[src->dtype], dst->data,
                (ptrdiff_t)dtype_sizes[dst->dtype]);
        return ND_OK;
    }
    if (!same) {
        NdError err = nd_broadcast_to(&b, src, dst->ndim, dst->shape, e);
        if (err)
            return err;
        s = &b;
    }
    const NdArray *ops[2] = {dst, s};
    NdIter it;
    nd_iter_init(&it, 2, ops, dst->ndim, dst->shape, 0);
    if (dst->dtype == src->dtype &&
        transposed_copy(&it, dtype_sizes[dst->dtype]))
        return ND_OK;
    if (dst->dtype == src->dtype)
        nd_iter_run(&it, copy_loop(dtype_sizes[dst->dtype]), NULL);
    else
        nd_iter_run(&it, cast_loop,
                    (void *)&cast_table[src->dtype][dst->dtype]);
    return ND_OK;
}

NdError nd_fill(NdArray *dst, const NdArray *value, NdErr *e)
{
    return nd_assign(dst, value, e);
}
