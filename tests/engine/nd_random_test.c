/*
** nd_random_test.c - nd_random against NumPy 1.24's own streams.
**
** tests/random/oracle.h (made by gen_oracle.py with NumPy) holds, per
** sampler and seed, a hash of the first 10,000 outputs' bit patterns and
** the first values verbatim; every case here must reproduce both. Then
** state continuity, the cached Gaussian, the fidelity corpus's seeded
** programs and NumPy's error messages.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nd_random.h"
#include "tap.h"

#include "../random/oracle.h"

#define MAXN 1000000 /* the longest oracle case */

static uint64_t bitsbuf[MAXN];
static double dbuf[MAXN];
static int64_t ibuf[MAXN];
static unsigned char work[1 << 20];

static const double P5[5] = {0.1, 0.2, 0.3, 0.15, 0.25};
static double P50[50];

/* Each case fills bitsbuf[0..n) with 64-bit patterns, as the oracle. */
typedef size_t (*CaseFn)(NdRandom *r, size_t n);

static size_t from_doubles(size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        memcpy(&bitsbuf[i], &dbuf[i], sizeof(double));
    return n;
}

static size_t from_ints(size_t n)
{
    size_t i;
    for (i = 0; i < n; i++)
        bitsbuf[i] = (uint64_t)ibuf[i];
    return n;
}

/* integers into a narrow dtype, widened to int64 as NumPy's astype. */
static size_t ints_as(NdRandom *r, int64_t lo, int64_t hi, int endpoint,
                      NdDType t, size_t n)
{
    static unsigned char raw[MAXN * 8];
    size_t i;
    if (nd_random_integers(r, lo, hi, endpoint, t, raw, n, NULL) != ND_OK)
        return 0;
    for (i = 0; i < n; i++) {
        switch (t) {
        case ND_BOOL:
        case ND_UINT8: ibuf[i] = raw[i]; break;
        case ND_INT8: ibuf[i] = ((int8_t *)raw)[i]; break;
        case ND_INT16: ibuf[i] = ((int16_t *)raw)[i]; break;
        case ND_UINT16: ibuf[i] = ((uint16_t *)raw)[i]; break;
        case ND_INT32: ibuf[i] = ((int32_t *)raw)[i]; break;
        case ND_UINT32: ibuf[i] = ((uint32_t *)raw)[i]; break;
        default: ibuf[i] = ((int64_t *)raw)[i]; break;
        }
    }
    return from_ints(n);
}

static size_t c_random(NdRandom *r, size_t n)
{
    nd_random_random(r, dbuf, n);
    return from_doubles(n);
}

static size_t c_stdnormal(NdRandom *r, size_t n)
{
    nd_random_standard_normal(r, dbuf, n);
    return from_doubles(n);
}

static size_t c_normal(NdRandom *r, size_t n)
{
    nd_random_normal(r, 5, 2, dbuf, n, NULL);
    return from_doubles(n);
}

static size_t c_uniform(NdRandom *r, size_t n)
{
    nd_random_uniform(r, -3, 7, dbuf, n, NULL);
    return from_doubles(n);
}

static size_t c_int10(NdRandom *r, size_t n)
{
    return ints_as(r, 0, 10, 0, ND_INT64, n);
}

static size_t c_intbig(NdRandom *r, size_t n)
{
    return ints_as(r, -((int64_t)1 << 40), (int64_t)1 << 40, 0, ND_INT64,
                   n);
}

static size_t c_intfull(NdRandom *r, size_t n)
{
    return ints_as(r, INT64_MIN, INT64_MAX, 0, ND_INT64, n);
}

static size_t c_endpoint(NdRandom *r, size_t n)
{
    return ints_as(r, -3, 3, 1, ND_INT64, n);
}

static size_t c_u8(NdRandom *r, size_t n)
{
    return ints_as(r, 0, 256, 0, ND_UINT8, n);
}

static size_t c_u8b(NdRandom *r, size_t n)
{
    return ints_as(r, 3, 200, 0, ND_UINT8, n);
}

static size_t c_i16(NdRandom *r, size_t n)
{
    return ints_as(r, -1000, 1000, 0, ND_INT16, n);
}

static size_t c_i32(NdRandom *r, size_t n)
{
    return ints_as(r, -5, INT32_MAX, 0, ND_INT32, n);
}

static size_t c_bool(NdRandom *r, size_t n)
{
    return ints_as(r, 0, 2, 0, ND_BOOL, n);
}

static size_t c_rej32(NdRandom *r, size_t n)
{
    return ints_as(r, 0, ((int64_t)1 << 31) + 1, 0, ND_INT64, n);
}

static size_t c_rej64(NdRandom *r, size_t n)
{
    return ints_as(r, -((int64_t)1 << 62),
                   ((int64_t)1 << 62) + ((int64_t)1 << 60), 0, ND_INT64, n);
}

static size_t c_rej16(NdRandom *r, size_t n)
{
    return ints_as(r, 0, (1 << 15) + 1, 0, ND_UINT16, n);
}

static size_t c_rej8(NdRandom *r, size_t n)
{
    return ints_as(r, -64, 65, 0, ND_INT8, n);
}

static size_t c_stdexp(NdRandom *r, size_t n)
{
    nd_random_standard_exponential(r, dbuf, n);
    return from_doubles(n);
}

static size_t c_exp2(NdRandom *r, size_t n)
{
    nd_random_exponential(r, 2.0, dbuf, n, NULL);
    return from_doubles(n);
}

static size_t c_pois_small(NdRandom *r, size_t n)
{
    nd_random_poisson(r, 3.5, ibuf, n, NULL);
    return from_ints(n);
}

static size_t c_pois_large(NdRandom *r, size_t n)
{
    nd_random_poisson(r, 25.0, ibuf, n, NULL);
    return from_ints(n);
}

static size_t c_binom_inv(NdRandom *r, size_t n)
{
    nd_random_binomial(r, 10, 0.5, ibuf, n, NULL);
    return from_ints(n);
}

static size_t c_binom_btpe(NdRandom *r, size_t n)
{
    nd_random_binomial(r, 100, 0.4, ibuf, n, NULL);
    return from_ints(n);
}

static size_t c_binom_btpe_q(NdRandom *r, size_t n)
{
    nd_random_binomial(r, 1000, 0.9, ibuf, n, NULL);
    return from_ints(n);
}

/* binomial(0, 0.5) then one uniform: does the first spend a draw? */
static size_t c_binom_zero(NdRandom *r, size_t n)
{
    int64_t k;
    nd_random_binomial(r, 0, 0.5, &k, 1, NULL);
    dbuf[0] = (double)k;
    nd_random_random(r, dbuf + 1, 1);
    return from_doubles(n);
}

static size_t c_perm(NdRandom *r, size_t n)
{
    nd_random_permutation(r, ibuf, n);
    return from_ints(n);
}

static size_t c_shuffle(NdRandom *r, size_t n)
{
    size_t i;
    int64_t tmp;
    for (i = 0; i < n; i++)
        ibuf[i] = (int64_t)i;
    nd_random_shuffle(r, ibuf, n, sizeof *ibuf, &tmp);
    return from_ints(n);
}

static size_t choice(NdRandom *r, int64_t pop, const double *p, int flags,
                     size_t n)
{
    size_t ws = nd_random_choice_worksize(r, pop, p, flags, n);
    if (ws > sizeof work)
        return 0;
    if (nd_random_choice(r, pop, p, flags, ibuf, n, work, NULL) != ND_OK)
        return 0;
    return from_ints(n);
}

static size_t c_choice_r(NdRandom *r, size_t n)
{
    return choice(r, 7, NULL, ND_CHOICE_REPLACE | ND_CHOICE_AINT, n);
}

static size_t c_choice_p(NdRandom *r, size_t n)
{
    return choice(r, 5, P5, ND_CHOICE_REPLACE | ND_CHOICE_AINT, n);
}

static size_t c_choice_nr(NdRandom *r, size_t n)
{
    return choice(r, 10000, NULL, ND_CHOICE_AINT, n);
}

static size_t c_choice_tail(NdRandom *r, size_t n)
{
    return choice(r, 20000, NULL, ND_CHOICE_AINT, n);
}

static size_t c_choice_ns(NdRandom *r, size_t n)
{
    return choice(r, 10000, NULL, ND_CHOICE_AINT | ND_CHOICE_NOSHUFFLE, n);
}

static size_t c_choice_tail_ns(NdRandom *r, size_t n)
{
    return choice(r, 20000, NULL, ND_CHOICE_AINT | ND_CHOICE_NOSHUFFLE, n);
}

static size_t c_choice_pnr(NdRandom *r, size_t n)
{
    return choice(r, 50, P50, ND_CHOICE_AINT, n);
}

static const struct {
    char api;
    const char *name;
    CaseFn fn;
} cases[] = {
    {'L', "rand", c_random},          {'L', "randn", c_stdnormal},
    {'L', "normal", c_normal},        {'L', "uniform", c_uniform},
    {'L', "randint10", c_int10},      {'L', "randint_big", c_intbig},
    {'L', "randint_full64", c_intfull}, {'L', "randint_u8", c_u8},
    {'L', "randint_u8b", c_u8b},      {'L', "randint_i16", c_i16},
    {'L', "randint_i32", c_i32},      {'L', "randint_bool", c_bool},
    {'L', "permutation", c_perm},     {'L', "shuffle", c_shuffle},
    {'L', "choice_r", c_choice_r},    {'L', "choice_p", c_choice_p},
    {'L', "choice_nr", c_choice_nr},  {'L', "choice_pnr", c_choice_pnr},
    {'L', "randint_rej32", c_rej32},  {'L', "randint_rej64", c_rej64},
    {'L', "randint_rej16", c_rej16},  {'L', "randn_long", c_stdnormal},
    {'L', "std_exponential", c_stdexp}, {'L', "exponential", c_exp2},
    {'L', "poisson_small", c_pois_small},
    {'L', "poisson_large", c_pois_large},
    {'L', "binomial_inv", c_binom_inv}, {'L', "binomial_btpe", c_binom_btpe},
    {'L', "binomial_btpe_q", c_binom_btpe_q},
    {'L', "binomial_zero", c_binom_zero},
    {'G', "random", c_random},        {'G', "standard_normal", c_stdnormal},
    {'G', "normal", c_normal},        {'G', "uniform", c_uniform},
    {'G', "int10", c_int10},          {'G', "int_big", c_intbig},
    {'G', "int_endpoint", c_endpoint}, {'G', "int_u8", c_u8},
    {'G', "int_u8b", c_u8b},          {'G', "int_i16", c_i16},
    {'G', "int_i32", c_i32},          {'G', "int_bool", c_bool},
    {'G', "permutation", c_perm},     {'G', "shuffle", c_shuffle},
    {'G', "choice_r", c_choice_r},    {'G', "choice_p", c_choice_p},
    {'G', "choice_floyd", c_choice_nr}, {'G', "choice_tail", c_choice_tail},
    {'G', "choice_pnr", c_choice_pnr},
    {'G', "choice_noshuffle", c_choice_ns},
    {'G', "choice_tail_noshuffle", c_choice_tail_ns},
    {'G', "int_rej32", c_rej32},      {'G', "int_rej64", c_rej64},
    {'G', "int_rej16", c_rej16},      {'G', "int_rej8", c_rej8},
    {'G', "normal_long", c_stdnormal},
    {'G', "std_exponential", c_stdexp}, {'G', "exponential", c_exp2},
    {'G', "poisson_small", c_pois_small},
    {'G', "poisson_large", c_pois_large},
    {'G', "binomial_inv", c_binom_inv}, {'G', "binomial_btpe", c_binom_btpe},
    {'G', "binomial_btpe_q", c_binom_btpe_q},
    {'G', "binomial_zero", c_binom_zero},
};

static uint64_t fnv1a(const uint64_t *w, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    size_t i;
    int k;
    for (i = 0; i < n; i++)
        for (k = 0; k < 8; k++) {
            h ^= (w[i] >> (8 * k)) & 0xff;
            h *= 0x100000001b3ull;
        }
    return h;
}

static void seed_state(NdRandom *r, char api, long long seed)
{
    static const uint32_t arr[5] = {1, 2, 3, 4, 5};
    if (api == 'L') {
        if (seed == -1)
            nd_random_seed_legacy_array(r, arr, 5);
        else
            nd_random_seed_legacy(r, seed, NULL);
    } else {
        if (seed == -1)
            nd_random_default_rng(r, arr, 5);
        else
            nd_random_default_rng_int(r, seed, NULL);
    }
}

static void test_oracle(NdRandom *r)
{
    size_t k, c;
    for (k = 0; k < sizeof nd_oracle / sizeof nd_oracle[0]; k++) {
        CaseFn fn = NULL;
        size_t n = (size_t)nd_oracle[k].count, got, i, bad = n;
        for (c = 0; c < sizeof cases / sizeof cases[0]; c++)
            if (cases[c].api == nd_oracle[k].api
                && strcmp(cases[c].name, nd_oracle[k].name) == 0)
                fn = cases[c].fn;
        if (!fn) {
            ok(0, "random: oracle case %c %s has a test", nd_oracle[k].api,
               nd_oracle[k].name);
            continue;
        }
        seed_state(r, nd_oracle[k].api, nd_oracle[k].seed);
        got = fn(r, n);
        for (i = 0; i < ND_ORACLE_HEAD && i < n; i++)
            if (bitsbuf[i] != nd_oracle[k].head[i]) {
                bad = i;
                break;
            }
        if (!ok(got == n && bad == n && fnv1a(bitsbuf, n) == nd_oracle[k].hash,
                "random: %s %s seed %lld, %zu values bit-identical",
                nd_oracle[k].api == 'L' ? "np.random" : "Generator",
                nd_oracle[k].name, nd_oracle[k].seed, n) && bad < n)
            tap_diag("first difference at %zu: %016llx, want %016llx", bad,
                     (unsigned long long)bitsbuf[bad],
                     nd_oracle[k].head[bad]);
    }
}

static int same(const double *a, const double *b, size_t n)
{
    return memcmp(a, b, n * sizeof *a) == 0;
}

static int near(double got, double want, double tol)
{
    return fabs(got - want) <= tol;
}

static void test_continuity(NdRandom *r)
{
    double a[8], b[8];
    int64_t x[8], y[8];

    nd_random_seed_legacy(r, 42, NULL);
    nd_random_random(r, a, 3);
    nd_random_random(r, a + 3, 2);
    nd_random_seed_legacy(r, 42, NULL);
    nd_random_random(r, b, 5);
    ok(same(a, b, 5), "random: rand(3) then rand(2) == rand(5)");

    /* randn(1) leaves the pair's second value cached for the next call */
    nd_random_seed_legacy(r, 7, NULL);
    nd_random_standard_normal(r, a, 1);
    nd_random_standard_normal(r, a + 1, 3);
    nd_random_seed_legacy(r, 7, NULL);
    nd_random_standard_normal(r, b, 4);
    ok(same(a, b, 4), "random: randn(1) then randn(3) == randn(4)");

    /* seed() drops a cached Gaussian */
    nd_random_seed_legacy(r, 7, NULL);
    nd_random_standard_normal(r, a, 1);
    nd_random_seed_legacy(r, 7, NULL);
    nd_random_standard_normal(r, b, 1);
    ok(same(a, b, 1), "random: seed() clears has_gauss");

    /* a cached Gaussian survives uniform draws in between */
    nd_random_seed_legacy(r, 3, NULL);
    nd_random_standard_normal(r, a, 1);
    nd_random_random(r, a + 1, 1);
    nd_random_standard_normal(r, a + 2, 1);
    nd_random_seed_legacy(r, 3, NULL);
    nd_random_standard_normal(r, b, 2);
    ok(same(a, b, 1) && same(a + 2, b + 1, 1),
       "random: cached gauss is served after an intervening rand()");

    /* PCG64's buffered 32-bit half carries across integer calls */
    nd_random_default_rng_int(r, 5, NULL);
    nd_random_integers(r, 0, 10, 0, ND_INT64, x, 3, NULL);
    nd_random_integers(r, 0, 10, 0, ND_INT64, x + 3, 4, NULL);
    nd_random_default_rng_int(r, 5, NULL);
    nd_random_integers(r, 0, 10, 0, ND_INT64, y, 7, NULL);
    ok(memcmp(x, y, sizeof(int64_t) * 7) == 0,
       "random: integers(3) then integers(4) == integers(7)");

    nd_random_default_rng_int(r, 5, NULL);
    nd_random_standard_normal(r, a, 2);
    nd_random_standard_normal(r, a + 2, 3);
    nd_random_default_rng_int(r, 5, NULL);
    nd_random_standard_normal(r, b, 5);
    ok(same(a, b, 5), "random: Generator normal(2) then normal(3)");
}

/* The fidelity corpus's seeded programs, as NumPy prints them. */
static void test_corpus(NdRandom *r)
{
    double d[8];
    int64_t v[8];
    static const double rand42[3] = {0.3745401188473625, 0.9507143064099162,
                                     0.7319939418114051};
    static const int64_t ri[5] = {5, 8, 9, 5, 0}, ri2[6] = {2, 5, 6,
                                                            5, 2, 3};
    static const int64_t gi[6] = {9, 6, 6, 8, 5, 7};
    static const double gn[3] = {-0.89059184, -0.45467079, -0.99164655};
    static const double gr[4] = {0.0052653, 0.82122842, 0.79706943,
                                 0.46793495};
    static const double ln[4] = {8.57725695, 5.8730197, 5.19299494,
                                 1.27301459};
    static const double lr[4] = {0.89294695, 0.89629309, 0.12558531,
                                 0.20724288};
    int i, good;

    nd_random_seed_legacy(r, 42, NULL);
    nd_random_random(r, d, 3);
    ok(same(d, rand42, 3), "random: 013 seed(42); rand(3)");

    nd_random_seed_legacy(r, 0, NULL);
    nd_random_standard_normal(r, d, 6);
    ok(near(d[0], 1.76405235, 5e-9) && near(d[5], -0.97727788, 5e-9),
       "random: 163 seed(0); randn(2, 3)");
    nd_random_seed_legacy(r, 0, NULL);
    nd_random_standard_normal(r, d, 1);
    ok(near(d[0], 1.7640523460, 5e-11), "random: 163 randn() scalar");

    nd_random_seed_legacy(r, 1, NULL);
    nd_random_integers(r, 0, 10, 0, ND_INT64, v, 5, NULL);
    good = memcmp(v, ri, sizeof ri) == 0;
    nd_random_integers(r, 0, 5, 0, ND_INT64, v, 1, NULL);
    good = good && v[0] == 0;
    nd_random_integers(r, 1, 7, 0, ND_INT64, v, 6, NULL);
    ok(good && memcmp(v, ri2, sizeof ri2) == 0,
       "random: 164 seed(1); randint sequence");

    nd_random_default_rng_int(r, 7, NULL);
    nd_random_integers(r, 0, 10, 0, ND_INT64, v, 6, NULL);
    good = memcmp(v, gi, sizeof gi) == 0;
    nd_random_normal(r, 0, 1, d, 3, NULL);
    for (i = 0; i < 3; i++)
        good = good && near(d[i], gn[i], 5e-9);
    nd_random_random(r, d, 4);
    for (i = 0; i < 4; i++)
        good = good && near(d[i], gr[i], 5e-9);
    ok(good, "random: 165 default_rng(7) integers, normal, random");

    nd_random_seed_legacy(r, 3, NULL);
    nd_random_normal(r, 5, 2, d, 4, NULL);
    good = 1;
    for (i = 0; i < 4; i++)
        good = good && near(d[i], ln[i], 5e-9);
    nd_random_random(r, d, 4);
    for (i = 0; i < 4; i++)
        good = good && near(d[i], lr[i], 5e-9);
    ok(good, "random: 166 seed(3) normal(5, 2, 4) then rand(2, 2)");

    nd_random_default_rng_int(r, 42, NULL);
    nd_random_random(r, d, 5);
    ok(near(d[0], 0.77395605, 5e-9) && near(d[4], 0.09417735, 5e-9),
       "random: 014 default_rng(42).random(5)");
    nd_random_choice(r, 5, NULL, 0, v, 3, work, NULL);
    ok(v[0] == 1 && v[1] == 3 && v[2] == 4,
       "random: 014 choice([10..50], 3, replace=False) -> [20 40 50]");
}

static void test_errors(NdRandom *r)
{
    NdErr err;
    double d[2];
    int64_t v[8];
    unsigned char u8[4];
    static const double pbad[3] = {0.5, 0.5, 0.5}, pneg[3] = {0.5, -0.5, 1};
    static const double pnan[3] = {0.5, NAN, 0.5}, pz[3] = {0.5, 0.5, 0};

    is_int(nd_random_seed_legacy(r, -1, &err), ND_EVALUE,
           "random: seed(-1) is a ValueError");
    is_str(err.msg, "Seed must be between 0 and 2**32 - 1",
           "random: seed(-1) message");
    is_int(nd_random_seed_legacy(r, 1LL << 32, &err), ND_EVALUE,
           "random: seed(2**32) is a ValueError");
    nd_random_seed_legacy(r, 1, NULL);
    nd_random_integers(r, 0, 0, 0, ND_INT64, v, 1, &err);
    is_str(err.msg, "high <= 0", "random: randint(0) message");
    is_int(nd_random_integers(r, 0, 0, 0, ND_INT64, v, 0, &err), ND_OK,
           "random: randint(0, 0, size=0) is an empty array, no error");
    is_int(nd_random_choice(r, 0, NULL, ND_CHOICE_AINT | ND_CHOICE_REPLACE,
                            v, 0, work, &err),
           ND_OK, "random: choice(0, 0) is empty, no error");
    nd_random_integers(r, 5, 5, 0, ND_INT64, v, 1, &err);
    is_str(err.msg, "low >= high", "random: randint(5, 5) message");
    nd_random_integers(r, -1, 5, 0, ND_UINT8, u8, 1, &err);
    is_str(err.msg, "low is out of bounds for uint8",
           "random: randint(-1, 5, uint8) message");
    nd_random_integers(r, 0, 300, 0, ND_UINT8, u8, 1, &err);
    is_str(err.msg, "high is out of bounds for uint8",
           "random: randint(0, 300, uint8) message");
    is_int(nd_random_integers(r, 0, 3, 0, ND_FLOAT64, d, 1, &err), ND_ETYPE,
           "random: randint(dtype=float64) is a TypeError");
    is_str(err.msg, "Unsupported dtype dtype('float64') for randint",
           "random: randint float dtype message");
    is_int(nd_random_normal(r, 0, -1, d, 1, &err), ND_EVALUE,
           "random: normal(0, -1) is a ValueError");
    is_str(err.msg, "scale < 0", "random: normal scale < 0 message");
    is_int(nd_random_uniform(r, -1e308, 1e308, d, 1, &err), ND_EOVERFLOW,
           "random: uniform overflow is an OverflowError");
    is_str(err.msg, "Range exceeds valid bounds",
           "random: legacy uniform overflow message");
    nd_random_choice(r, 5, NULL, ND_CHOICE_AINT, v, 6, work, &err);
    is_str(err.msg, "Cannot take a larger sample than population when "
                    "'replace=False'",
           "random: legacy choice(5, 6, replace=False) message");
    nd_random_choice(r, 0, NULL, ND_CHOICE_AINT | ND_CHOICE_REPLACE, v, 1,
                     work, &err);
    is_str(err.msg, "a must be greater than 0 unless no samples are taken",
           "random: legacy choice(0) message");
    nd_random_choice(r, 3, pbad, ND_CHOICE_REPLACE, v, 1, work, &err);
    is_str(err.msg, "probabilities do not sum to 1",
           "random: choice p not summing to 1");
    nd_random_choice(r, 3, pneg, ND_CHOICE_REPLACE, v, 1, work, &err);
    is_str(err.msg, "probabilities are not non-negative",
           "random: choice negative p");
    nd_random_choice(r, 3, pnan, ND_CHOICE_REPLACE, v, 1, work, &err);
    is_str(err.msg, "probabilities contain NaN", "random: choice NaN p");
    nd_random_choice(r, 3, pz, 0, v, 3, work, &err);
    is_str(err.msg, "Fewer non-zero entries in p than size",
           "random: choice without replacement, too few non-zero p");

    is_int(nd_random_default_rng_int(r, -1, &err), ND_EVALUE,
           "random: default_rng(-1) is a ValueError");
    is_str(err.msg, "expected non-negative integer",
           "random: default_rng(-1) message");
    nd_random_default_rng_int(r, 3, NULL);
    is_int(nd_random_choice(r, 5, NULL, ND_CHOICE_AINT, v, 5, work, &err),
           ND_OK, "random: 180 choice(5, size=5, replace=False) works");
    nd_random_choice(r, 5, NULL, ND_CHOICE_AINT, v, 6, work, &err);
    is_str(err.msg, "Cannot take a larger sample than population when "
                    "replace is False",
           "random: 180 Generator choice(5, 6, replace=False) message");
    nd_random_choice(r, 0, NULL, ND_CHOICE_REPLACE, v, 1, work, &err);
    is_str(err.msg, "a cannot be empty unless no samples are taken",
           "random: Generator choice([]) message");
    nd_random_integers(r, 5, 4, 1, ND_INT64, v, 1, &err);
    is_str(err.msg, "low > high", "random: integers(5, 4, endpoint) message");
    nd_random_uniform(r, -1e308, 1e308, d, 1, &err);
    is_str(err.msg, "high - low range exceeds valid bounds",
           "random: Generator uniform overflow message");
}

int main(void)
{
    NdRandom *r = malloc(nd_random_size());
    double s = 0;
    int i;
    for (i = 0; i < 50; i++)
        s += P50[i] = (i * 7) % 11 + 1;
    for (i = 0; i < 50; i++)
        P50[i] /= s;
    test_oracle(r);
    test_continuity(r);
    test_corpus(r);
    test_errors(r);
    free(r);
    return tap_done();
}
