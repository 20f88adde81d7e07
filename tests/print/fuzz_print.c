/*
** fuzz_print.c - randomised robustness test of nd_print (make fuzz-print).
**
** Random dtypes, shapes, strides (negative and 0 too), raw bytes (any NaN
** payload) and print options; every call must succeed and give
** well-formed text, and every float repr must read back to its value.
** Run it under ASan (BUILD=build-asan SAN=...) to catch overruns.
** usage: fuzz_print [ITERATIONS [SEED]]
*/
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd_print.h"

static uint64_t rng_state;

static uint64_t rnd(void)
{
    /* splitmix64 */
    uint64_t z = (rng_state += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

static int below(int n)
{
    return (int)(rnd() % (uint64_t)n);
}

typedef struct {
    char *s;
    size_t len, cap;
} Buf;

static int buf_write(void *ud, const char *s, size_t n)
{
    Buf *b = ud;
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *p = realloc(b->s, cap);
        if (!p)
            return 1;
        b->s = p;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
    return 0;
}

static const size_t isz[] = {
#define X(E, T, N, K, S) S,
    ND_DTYPES(X)
#undef X
};

static int failures;

static void fail(const char *what, const Buf *b)
{
    if (failures++ < 10)
        printf("FAIL %s:\n%s\n", what, b->s ? b->s : "");
}

static void check_brackets(const Buf *b, const char *what)
{
    long depth = 0;
    size_t i;
    for (i = 0; i < b->len; i++) {
        if (b->s[i] == '\0')
            fail("NUL in output", b);
        depth += b->s[i] == '[';
        depth -= b->s[i] == ']';
        if (depth < 0)
            break;
    }
    if (depth != 0)
        fail(what, b);
}

static void one_array(Buf *b)
{
    static unsigned char mem[1 << 16];
    NdArray a;
    NdPrintOptions o;
    int k;
    int64_t span = 0, size = 1;
    size_t i;
    memset(&a, 0, sizeof a);
    a.dtype = (NdDType)below(ND_NTYPES);
    a.ndim = below(10) < 2 ? 0 : 1 + below(4);
    for (k = 0; k < a.ndim; k++) {
        a.shape[k] = below(8) == 0 ? 0 : 1 + below(below(4) == 0 ? 40 : 6);
        size *= a.shape[k];
    }
    if (size > 3000)
        return;
    /* strides: a multiple of the item size, any sign, sometimes 0 */
    for (k = 0; k < a.ndim; k++) {
        int64_t s = (int64_t)isz[a.dtype] * (below(4) == 0 ? 0 : 1 + below(3));
        a.strides[k] = below(3) == 0 ? -s : s;
        if (a.shape[k] > 0)
            span += (a.shape[k] - 1) * (s < 0 ? -s : s);
    }
    if (span + 16 > (int64_t)sizeof mem / 2)
        return;
    for (i = 0; i < sizeof mem; i++)
        mem[i] = (unsigned char)rnd();
    if (a.dtype == ND_BOOL) /* a bool holds 0 or 1 */
        for (i = 0; i < sizeof mem; i++)
            mem[i] &= 1;
    a.data = (char *)mem + sizeof mem / 2;
    nd_print_defaults(&o);
    if (below(2)) {
        o.precision = below(4) == 0 ? below(260) : below(12);
        o.threshold = below(3) == 0 ? below(10) : below(2000);
        o.edgeitems = below(6);
        o.linewidth = below(150);
        o.suppress = below(2);
        o.sign = "-+ "[below(3)];
        o.floatmode = below(4);
    }
    b->len = 0;
    if (nd_print_str(&a, &o, buf_write, b) != ND_OK)
        fail("str returned an error", b);
    check_brackets(b, "str brackets");
    if (a.ndim > 0 && (b->len < 2 || b->s[0] != '[' || b->s[b->len - 1] != ']'))
        fail("str not [...]", b);
    b->len = 0;
    if (nd_print_repr(&a, &o, buf_write, b) != ND_OK)
        fail("repr returned an error", b);
    check_brackets(b, "repr brackets");
    if (b->len < 8 || strncmp(b->s, "array(", 6) != 0 ||
        b->s[b->len - 1] != ')')
        fail("repr not array(...)", b);
    b->len = 0;
    if (nd_print_scalar_str(a.dtype, mem, buf_write, b) != ND_OK)
        fail("scalar str returned an error", b);
}

static void one_float(void)
{
    char s[ND_FLOAT_REPR_MAX];
    uint64_t bits = rnd();
    uint32_t b32 = (uint32_t)bits;
    double x;
    float f;
    int n;
    memcpy(&x, &bits, 8);
    memcpy(&f, &b32, 4);
    n = nd_float_repr(x, s, sizeof s);
    if (n <= 0 || n >= ND_FLOAT_REPR_MAX ||
        (isfinite(x) && strtod(s, NULL) != x) ||
        (isnan(x) && strcmp(s, "nan") != 0)) {
        printf("FAIL float repr %s\n", s);
        failures++;
    }
    n = nd_float32_repr(f, s, sizeof s);
    if (n <= 0 || n >= ND_FLOAT_REPR_MAX ||
        (isfinite(f) && strtof(s, NULL) != f)) {
        printf("FAIL float32 repr %s\n", s);
        failures++;
    }
}

int main(int argc, char **argv)
{
    long iters = argc > 1 ? atol(argv[1]) : 100000, i;
    Buf b = {NULL, 0, 0};
    rng_state = argc > 2 ? strtoull(argv[2], NULL, 10) : 1;
    for (i = 0; i < iters; i++) {
        one_array(&b);
        one_float();
        one_float();
    }
    free(b.s);
    printf("fuzz-print: %ld iterations, %d failures\n", iters, failures);
    return failures != 0;
}
