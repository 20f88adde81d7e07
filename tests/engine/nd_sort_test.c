/*
** nd_sort_test.c - TAP tests of nd_sort (sorting values) against a
** reference.
**
** Every real dtype, lengths 0..300 and around the kernels' boundaries
** (network sizes, partition blocks, radix and counting thresholds), many
** input shapes (random, few keys, sorted, reversed, NaNs with payloads,
** signed zeros, infinities, subnormals, extremes), contiguous and strided
** lanes. The reference is qsort with NumPy's order (NaN last); the
** vectorised kernels must also match the baseline ones byte for byte.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "nd.h"
#include "tap.h"

static uint64_t rng = 0x9E3779B97F4A7C15u;

static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

/* ---- the reference: qsort with NumPy's order ---- */
#define CMP_INT(NAME, T)                                                   \
    static int NAME(const void *x, const void *y)                          \
    {                                                                      \
        T a = *(const T *)x, b = *(const T *)y;                            \
        return (a > b) - (a < b);                                          \
    }
#define CMP_FLT(NAME, T)                                                   \
    static int NAME(const void *x, const void *y)                          \
    {                                                                      \
        T a = *(const T *)x, b = *(const T *)y;                            \
        if (a != a || b != b)                                              \
            return (a != a) - (b != b);                                    \
        return (a > b) - (a < b);                                          \
    }
CMP_INT(cmp_u8, uint8_t)
CMP_INT(cmp_i8, int8_t)
CMP_INT(cmp_i16, int16_t)
CMP_INT(cmp_u16, uint16_t)
CMP_INT(cmp_i32, int32_t)
CMP_INT(cmp_u32, uint32_t)
CMP_INT(cmp_i64, int64_t)
CMP_INT(cmp_u64, uint64_t)
CMP_FLT(cmp_f32, float)
CMP_FLT(cmp_f64, double)

typedef int (*Cmp)(const void *, const void *);

static const struct {
    NdDType t;
    Cmp cmp;
} types[] = {
    {ND_FLOAT64, cmp_f64}, {ND_FLOAT32, cmp_f32}, {ND_INT64, cmp_i64},
    {ND_UINT64, cmp_u64},  {ND_INT32, cmp_i32},   {ND_UINT32, cmp_u32},
    {ND_INT16, cmp_i16},   {ND_UINT16, cmp_u16},  {ND_INT8, cmp_i8},
    {ND_UINT8, cmp_u8},    {ND_BOOL, cmp_u8},
};
#define NTYPES (int)(sizeof types / sizeof types[0])

/* Same key: equal, or both NaN (payloads may differ from qsort's). */
static int same_key(NdDType t, const char *x, const char *y)
{
    if (t == ND_FLOAT64) {
        double a, b;
        memcpy(&a, x, 8);
        memcpy(&b, y, 8);
        return a == b || (a != a && b != b);
    }
    if (t == ND_FLOAT32) {
        float a, b;
        memcpy(&a, x, 4);
        memcpy(&b, y, 4);
        return a == b || (a != a && b != b);
    }
    return memcmp(x, y, nd_dtype_size(t)) == 0;
}

/* ---- inputs ---- */
enum { P_RANDOM, P_FEW, P_MOSTMIN, P_SORTED, P_LASTPAIR, P_REVERSED,
       P_EQUAL, P_ORGAN, P_MINMAX, P_NAN, P_ALLNAN, P_ZEROS, P_NEGZERO,
       P_SORTEDZ, P_SPECIAL, NPAT };
static const char *pat_name[NPAT] = {
    "random", "few keys", "mostly the minimum", "sorted",
    "sorted but the last pair", "reversed", "all equal", "organ pipe",
    "extremes", "NaNs", "all NaN", "both zeros", "-0.0 only",
    "in order with both zeros", "inf/subnormal"};

/* Fill n values of t following pattern pat; returns 0 if the pattern
** does not apply to the dtype. */
static int fill(NdDType t, char *p, int64_t n, int pat)
{
    size_t isz = nd_dtype_size(t);
    int flt = t == ND_FLOAT64 || t == ND_FLOAT32;
    if (!flt && pat >= P_NAN)
        return 0;
    for (int64_t i = 0; i < n; i++) {
        uint64_t r = next();
        double d = 0;
        int raw = 0; /* 1: take r's bits */
        switch (pat) {
        case P_RANDOM: raw = 1; break;
        case P_FEW: d = (double)(r % 4 == 0 ? r % 3 : 1); break;
        case P_MOSTMIN: /* pivots equal to the minimum */
            d = (double)(r % 10 ? 0 : 1 + r % 50);
            break;
        case P_SORTED: d = (double)(i / 3); break;
        case P_LASTPAIR: /* the in-order test must look at every pair */
            d = (double)(i < n - 2 ? i / 2 : i == n - 2 ? n : n - 3);
            break;
        case P_REVERSED: d = (double)(n - i); break;
        case P_EQUAL: d = 7; break;
        case P_ORGAN: d = (double)(i < n / 2 ? i : n - i); break;
        case P_MINMAX: raw = 2; break;
        case P_NAN:
            d = r % 5 == 0 ? NAN : (double)(int64_t)(r >> 40) - 8e6;
            break;
        case P_ALLNAN: d = NAN; break;
        case P_ZEROS: d = r % 3 == 0 ? -0.0 : r % 3 == 1 ? 0.0 : 1.5; break;
        case P_NEGZERO: d = r % 2 ? -0.0 : -(double)(r % 100); break;
        case P_SORTEDZ: /* in order by "<", yet NumPy's order decides */
            d = i < n / 3 ? (double)(i - n / 3)
                : i < 2 * n / 3 ? (r % 2 ? -0.0 : 0.0) : (double)i;
            break;
        default: {
            static const double sp[] = {INFINITY, -INFINITY, 5e-324, -5e-324,
                                        1e-40, -1e-40, 0.0, 1.0, -1.0,
                                        1.7976931348623157e308};
            d = sp[r % 10];
            break;
        }
        }
        char *q = p + i * isz;
        if (raw == 1) {
            if (((r >> 52) & 0x7FF) == 0x7FF)
                r &= ~(1ull << 62); /* no NaN or inf in "random" */
            memcpy(q, &r, isz);
            if (t == ND_FLOAT32) {
                float f = (float)((double)(int64_t)r / 1e12);
                memcpy(q, &f, 4);
            } else if (t == ND_BOOL) {
                *q = (char)(r & 1);
            }
            continue;
        }
        if (raw == 2) { /* the dtype's extremes and their neighbours */
            memset(q, (r & 1) ? 0xFF : 0x00, isz);
            if (r & 2)
                q[isz - 1] ^= (char)0x80;
            if (r & 4)
                q[0] ^= 1;
            if (flt) { /* infinities, largest finite, zero */
                double e[] = {INFINITY, -INFINITY, 1e300, -1e300, 0.0};
                d = e[r % 5];
            } else {
                if (t == ND_BOOL)
                    *q = (char)(r & 1);
                continue;
            }
        }
        if (!flt && t != ND_BOOL)
            d = fmod(d, 100);
        if (t == ND_BOOL)
            d = d != 0;
        if (pat == P_NAN && flt && isnan(d)) {
            /* distinct payloads, to check the NaN order too */
            if (t == ND_FLOAT64) {
                uint64_t u = 0x7FF8000000000000ull | (r & 0xFFFF);
                memcpy(q, &u, 8);
            } else {
                uint32_t u = 0x7FC00000u | (uint32_t)(r & 0xFFFF);
                memcpy(q, &u, 4);
            }
            continue;
        }
        nd_set_double(t, q, d);
    }
    return 1;
}

/* Sort a copy of src (n values of t, contiguous lane) with the current
** kernels into dst. */
static void run_sort(NdDType t, const char *src, char *dst, int64_t n)
{
    NdArray a;
    NdErr e;
    nd_init(&a, t, 1, &n, &e);
    a.data = dst;
    memcpy(dst, src, (size_t)n * nd_dtype_size(t));
    size_t ns = nd_sort_scratch(&a, 0);
    void *s = ns ? malloc(ns) : NULL;
    nd_sort(&a, 0, s, &e);
    free(s);
}

static const int64_t big_lens[] = {
    383, 384, 385, 511, 512, 513, 1000, 1023, 1024, 1025, 2047, 4095,
    4096, 8191, 8192, 8193, 10007, 65536, 100003};

static void test_lanes(int simd)
{
    int64_t lens[400];
    int nl = 0;
    for (int64_t n = 0; n <= 300; n++)
        lens[nl++] = n;
    /* sanitizer builds: lanes up to 10007 */
    int64_t max = getenv("PYPREP_ASAN") ? 10007 : 100003;
    for (size_t i = 0; i < sizeof big_lens / sizeof big_lens[0]; i++)
        if (big_lens[i] <= max)
            lens[nl++] = big_lens[i];
    size_t cap = 100003 * 8;
    char *src = malloc(cap), *got = malloc(cap), *ref = malloc(cap),
         *base = malloc(cap);
    for (int ti = 0; ti < NTYPES; ti++) {
        NdDType t = types[ti].t;
        size_t isz = nd_dtype_size(t);
        for (int pat = 0; pat < NPAT; pat++) {
            int bad_ref = 0, bad_base = 0, tried = 0;
            int64_t where = -1;
            for (int li = 0; li < nl; li++) {
                int64_t n = lens[li];
                /* long lanes: a few patterns, to keep the test fast */
                if (n > 1100 && pat != P_RANDOM && pat != P_FEW &&
                    pat != P_MOSTMIN && pat != P_NAN && pat != P_ZEROS &&
                    pat != P_LASTPAIR && pat != P_SORTEDZ)
                    continue;
                if (!fill(t, src, n, pat))
                    break;
                tried++;
                memcpy(ref, src, (size_t)n * isz);
                qsort(ref, (size_t)n, isz, types[ti].cmp);
                nd_sort_simd(0);
                run_sort(t, src, base, n);
                nd_sort_simd(simd);
                run_sort(t, src, got, n);
                int ok_ref = 1;
                for (int64_t i = 0; i < n && ok_ref; i++)
                    ok_ref = same_key(t, got + i * isz, ref + i * isz);
                if (!ok_ref) {
                    bad_ref++;
                    if (where < 0)
                        where = n;
                }
                if (memcmp(got, base, (size_t)n * isz)) {
                    bad_base++;
                    if (where < 0)
                        where = n;
                }
            }
            if (!tried)
                continue;
            ok(bad_ref == 0 && bad_base == 0,
               "nd_sort %s: %s %s, %d lengths match qsort "
               "(NaN last) and the baseline bytes",
               simd ? "simd" : "baseline", nd_dtype_name(t), pat_name[pat],
               tried);
            if (bad_ref || bad_base)
                tap_diag("%d differ from qsort, %d from the baseline; "
                         "first at n=%lld",
                         bad_ref, bad_base, (long long)where);
        }
    }
    free(src);
    free(got);
    free(ref);
    free(base);
}

/* Lanes flush against an unmapped page at either end: the kernels read
** and write only inside the lane (a stray whole-vector access faults). */
static void test_guard(int simd)
{
    size_t pg = (size_t)sysconf(_SC_PAGESIZE);
    int64_t lens[320];
    int nl = 0;
    for (int64_t n = 1; n <= 300; n++)
        lens[nl++] = n;
    static const int64_t more[] = {383, 385, 511, 513, 1000, 1023, 4097};
    for (size_t i = 0; i < sizeof more / sizeof more[0]; i++)
        lens[nl++] = more[i];
    nd_sort_simd(simd);
    for (int ti = 0; ti < NTYPES; ti++) {
        NdDType t = types[ti].t;
        size_t isz = nd_dtype_size(t);
        int bad = 0, tried = 0;
        for (int li = 0; li < nl; li++) {
            int64_t n = lens[li];
            size_t data = ((size_t)n * isz + pg - 1) / pg * pg;
            char *m = mmap(NULL, data + 2 * pg, PROT_READ | PROT_WRITE,
                           MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            if (m == MAP_FAILED)
                continue;
            mprotect(m, pg, PROT_NONE);
            mprotect(m + pg + data, pg, PROT_NONE);
            char *ref = malloc((size_t)n * isz);
            for (int end = 0; end < 2; end++) {
                char *p = m + pg + (end ? data - (size_t)n * isz : 0);
                fill(t, p, n, (li + end) % 2 ? P_RANDOM : P_FEW);
                memcpy(ref, p, (size_t)n * isz);
                qsort(ref, (size_t)n, isz, types[ti].cmp);
                NdArray a;
                NdErr e;
                nd_init(&a, t, 1, &n, &e);
                a.data = p;
                size_t ns = nd_sort_scratch(&a, 0);
                void *sc = ns ? malloc(ns) : NULL;
                nd_sort(&a, 0, sc, &e);
                free(sc);
                tried++;
                for (int64_t i = 0; i < n; i++)
                    if (!same_key(t, p + i * isz, ref + i * isz)) {
                        bad++;
                        break;
                    }
            }
            free(ref);
            munmap(m, data + 2 * pg);
        }
        ok(bad == 0 && tried == 2 * nl,
           "nd_sort %s: %s lanes of 1..300 and 7 longer lengths, flush "
           "against unmapped pages, sorted without touching them",
           simd ? "simd" : "baseline", nd_dtype_name(t));
    }
    nd_sort_simd(1);
}

/* Lanes along axis 0 and 1 of a 2-d array (strided lanes go through
** scratch) match sorting each lane alone. */
static void test_axes(void)
{
    for (int ti = 0; ti < NTYPES; ti++) {
        NdDType t = types[ti].t;
        size_t isz = nd_dtype_size(t);
        int64_t sh[2] = {37, 300};
        NdArray a;
        NdErr e;
        nd_init(&a, t, 2, sh, &e);
        size_t nb = (size_t)(sh[0] * sh[1]) * isz;
        char *src = malloc(nb), *lane = malloc(300 * isz),
             *one = malloc(300 * isz);
        a.data = malloc(nb);
        fill(t, src, sh[0] * sh[1], P_RANDOM);
        int bad = 0;
        for (int axis = 0; axis < 2; axis++) {
            memcpy(a.data, src, nb);
            size_t ns = nd_sort_scratch(&a, axis);
            void *s = ns ? malloc(ns) : NULL;
            if (nd_sort(&a, axis, s, &e) != ND_OK)
                bad++;
            free(s);
            int64_t nl = sh[axis], no = sh[1 - axis];
            for (int64_t o = 0; o < no; o++) {
                for (int64_t i = 0; i < nl; i++) {
                    int64_t idx = axis ? o * sh[1] + i : i * sh[1] + o;
                    memcpy(lane + i * isz, src + idx * isz, isz);
                }
                run_sort(t, lane, one, nl);
                for (int64_t i = 0; i < nl; i++) {
                    int64_t idx = axis ? o * sh[1] + i : i * sh[1] + o;
                    if (memcmp(a.data + idx * isz, one + i * isz, isz))
                        bad++;
                }
            }
        }
        ok(bad == 0, "nd_sort: %s (37, 300) along axis 0 and 1",
           nd_dtype_name(t));
        free(src);
        free(lane);
        free(one);
        free(a.data);
    }
}

static void test_scratch(int simd)
{
    int64_t n = 100000;
    NdArray a;
    NdErr e;
    nd_init(&a, ND_FLOAT64, 1, &n, &e);
    nd_sort_simd(simd);
    size_t want = simd ? 0 : (size_t)n * 16;
    is_int((long long)nd_sort_scratch(&a, 0), (long long)want,
           "nd_sort_scratch: contiguous 1e5 float64 lane needs %s",
           simd ? "nothing with the vectorised sort" : "the radix buffer");
    n = 1000;
    nd_init(&a, ND_INT8, 1, &n, &e);
    is_int((long long)nd_sort_scratch(&a, 0), 0,
           "nd_sort_scratch: short contiguous lane needs nothing");
}

int main(void)
{
    int simd = nd_sort_simd(1);
    tap_diag("vectorised sort %s",
             simd ? "used" : "off (CPU or PYPREP_ND_NOSIMD)");
    test_lanes(0);
    if (simd)
        test_lanes(1);
    test_guard(0);
    if (simd)
        test_guard(1);
    test_axes();
    test_scratch(0);
    if (simd)
        test_scratch(1);
    nd_sort_simd(1);
    return tap_done();
}
