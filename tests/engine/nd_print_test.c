/*
** nd_print_test.c - TAP tests of nd_print: NumPy 1.24's str/repr, exactly.
**
** Hand-built arrays with the outputs of the fidelity corpus pasted in,
** then the bulk oracle data of tests/print/ (made by gen_oracle.py with
** NumPy 1.24: random dtypes, shapes, views and print options, scalars
** and Python float reprs). Arrays are built here from raw buffers, so
** the test depends on nothing of the array core.
*/
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd_print.h"
#include "tap.h"

/* ---- a writer that collects into a growing string ---- */

typedef struct {
    char *s;
    size_t len, cap;
    int fail_after; /* fail the Nth call (1-based); 0: never */
    int calls;
} Sink;

static int sink_write(void *ud, const char *s, size_t n)
{
    Sink *k = ud;
    if (k->fail_after && ++k->calls >= k->fail_after)
        return 1;
    if (k->len + n + 1 > k->cap) {
        size_t cap = (k->len + n + 1) * 2;
        char *p = realloc(k->s, cap);
        if (!p)
            return 1;
        k->s = p;
        k->cap = cap;
    }
    memcpy(k->s + k->len, s, n);
    k->len += n;
    k->s[k->len] = '\0';
    return 0;
}

static void sink_reset(Sink *k)
{
    k->len = 0;
    if (k->s)
        k->s[0] = '\0';
}

/* ---- building arrays ---- */

static const char *const names[] = {
#define X(E, T, N, K, S) N,
    ND_DTYPES(X)
#undef X
};
static const size_t sizes[] = {
#define X(E, T, N, K, S) S,
    ND_DTYPES(X)
#undef X
};

static int dtype_of(const char *name, NdDType *t)
{
    int i;
    for (i = 0; i < ND_NTYPES; i++)
        if (strcmp(names[i], name) == 0) {
            *t = (NdDType)i;
            return 1;
        }
    return 0;
}

/* A C-contiguous array over data; shape has ndim entries. */
static NdArray mk(NdDType t, void *data, int ndim, const int64_t *shape)
{
    NdArray a;
    int64_t st = (int64_t)sizes[t];
    int k;
    memset(&a, 0, sizeof a);
    a.dtype = t;
    a.ndim = ndim;
    for (k = ndim - 1; k >= 0; k--) {
        a.shape[k] = shape[k];
        a.strides[k] = st;
        st *= shape[k];
    }
    a.data = data;
    return a;
}

static Sink sink;

static const char *str_of(const NdArray *a, const NdPrintOptions *o)
{
    sink_reset(&sink);
    if (nd_print_str(a, o, sink_write, &sink) != ND_OK)
        return "(error)";
    return sink.s ? sink.s : "";
}

static const char *repr_of(const NdArray *a, const NdPrintOptions *o)
{
    sink_reset(&sink);
    if (nd_print_repr(a, o, sink_write, &sink) != ND_OK)
        return "(error)";
    return sink.s ? sink.s : "";
}

/* ---- hand-written cases (outputs from numpy-cases and NumPy 1.24) ---- */

static void test_hand(void)
{
    static int64_t i3[] = {1, 2, 3}, m[] = {1, 22, 333, 4};
    static int8_t i8[] = {1, 2};
    static float f32[] = {1.5f, 2.0f}, f3[] = {0.1f, 0.2f, 0.3f};
    static double nanv[4], z[] = {-0.0, 0.0, 1.5}, d7[20], sci[] = {1e-5, 1};
    static uint8_t bl[] = {1, 0};
    static int64_t seven = 7, ar[40], big[2000];
    static double c[] = {1, 2, 3.5, -1};
    int64_t s1[] = {3}, s2[] = {2, 2}, s0[] = {0, 3}, s40[] = {40},
            sb[] = {40, 50}, s223[] = {2, 2, 3}, s20[] = {20}, e1[] = {0};
    double x12[12];
    NdArray a;
    NdPrintOptions o;
    int i;

    a = mk(ND_INT64, i3, 1, s1);
    is_str(str_of(&a, NULL), "[1 2 3]", "nd_print: str int64 [1 2 3]");
    is_str(repr_of(&a, NULL), "array([1, 2, 3])", "nd_print: repr int64");
    a = mk(ND_INT64, m, 2, s2);
    is_str(str_of(&a, NULL), "[[  1  22]\n [333   4]]",
           "nd_print: str int64 2x2 width");
    is_str(repr_of(&a, NULL), "array([[  1,  22],\n       [333,   4]])",
           "nd_print: repr int64 2x2 continuation indent");
    a = mk(ND_INT8, i8, 1, s2);
    is_str(repr_of(&a, NULL), "array([1, 2], dtype=int8)",
           "nd_print: repr int8 has dtype");
    a = mk(ND_FLOAT32, f32, 1, s2);
    is_str(repr_of(&a, NULL), "array([1.5, 2. ], dtype=float32)",
           "nd_print: repr float32 has dtype, padded '2. '");
    a = mk(ND_BOOL, bl, 1, s2);
    is_str(repr_of(&a, NULL), "array([ True, False])", "nd_print: bool");
    a = mk(ND_INT64, &seven, 0, NULL);
    is_str(str_of(&a, NULL), "7", "nd_print: str 0-d");
    is_str(repr_of(&a, NULL), "array(7)", "nd_print: repr 0-d");
    a = mk(ND_FLOAT64, NULL, 1, e1);
    is_str(str_of(&a, NULL), "[]", "nd_print: str empty");
    is_str(repr_of(&a, NULL), "array([], dtype=float64)",
           "nd_print: repr empty float64");
    a = mk(ND_INT32, NULL, 2, s0);
    is_str(repr_of(&a, NULL), "array([], shape=(0, 3), dtype=int32)",
           "nd_print: repr empty (0, 3)");

    nanv[0] = 1.0;
    nanv[1] = NAN;
    nanv[2] = INFINITY;
    nanv[3] = -INFINITY;
    a = mk(ND_FLOAT64, nanv, 1, (int64_t[]){4});
    is_str(str_of(&a, NULL), "[  1.  nan  inf -inf]", "nd_print: nan/inf");
    a = mk(ND_FLOAT64, z, 1, s1);
    is_str(str_of(&a, NULL), "[-0.   0.   1.5]", "nd_print: -0.");
    a = mk(ND_FLOAT64, sci, 1, s2 + 1);
    a.shape[0] = 2;
    is_str(str_of(&a, NULL), "[1.e-05 1.e+00]", "nd_print: sci switch");
    a = mk(ND_FLOAT32, f3, 1, s1);
    is_str(str_of(&a, NULL), "[0.1 0.2 0.3]", "nd_print: float32 shortest");

    for (i = 0; i < 40; i++)
        ar[i] = i;
    a = mk(ND_INT64, ar, 1, s40);
    is_str(str_of(&a, NULL),
           "[ 0  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 "
           "21 22 23\n 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39]",
           "nd_print: int line wrap at 75");
    for (i = 0; i < 20; i++)
        d7[i] = i / 7.0;
    a = mk(ND_FLOAT64, d7, 1, s20);
    is_str(str_of(&a, NULL),
           "[0.         0.14285714 0.28571429 0.42857143 0.57142857 "
           "0.71428571\n 0.85714286 1.         1.14285714 1.28571429 "
           "1.42857143 1.57142857\n 1.71428571 1.85714286 2.         "
           "2.14285714 2.28571429 2.42857143\n 2.57142857 2.71428571]",
           "nd_print: float line wrap");
    for (i = 0; i < 2000; i++)
        big[i] = i;
    a = mk(ND_INT64, big, 2, sb);
    is_str(str_of(&a, NULL),
           "[[   0    1    2 ...   47   48   49]\n"
           " [  50   51   52 ...   97   98   99]\n"
           " [ 100  101  102 ...  147  148  149]\n"
           " ...\n"
           " [1850 1851 1852 ... 1897 1898 1899]\n"
           " [1900 1901 1902 ... 1947 1948 1949]\n"
           " [1950 1951 1952 ... 1997 1998 1999]]",
           "nd_print: 2-D summary");
    for (i = 0; i < 12; i++)
        x12[i] = i * 1.5;
    a = mk(ND_FLOAT64, x12, 3, s223);
    is_str(str_of(&a, NULL),
           "[[[ 0.   1.5  3. ]\n  [ 4.5  6.   7.5]]\n\n"
           " [[ 9.  10.5 12. ]\n  [13.5 15.  16.5]]]",
           "nd_print: 3-D blank line between blocks");
    a = mk(ND_COMPLEX128, c, 1, s2);
    is_str(str_of(&a, NULL), "[1. +2.j 3.5-1.j]", "nd_print: complex");

    /* a transposed view: strides swapped */
    a = mk(ND_INT64, m, 2, s2);
    a.strides[0] = 8;
    a.strides[1] = 16;
    is_str(str_of(&a, NULL), "[[  1 333]\n [ 22   4]]",
           "nd_print: transposed view");

    nd_print_defaults(&o);
    o.precision = 3;
    a = mk(ND_FLOAT64, d7, 1, (int64_t[]){4});
    is_str(str_of(&a, &o), "[0.    0.143 0.286 0.429]",
           "nd_print: precision=3");

    /* the writer's failure is reported, at whichever call it happens */
    a = mk(ND_INT64, big, 1, (int64_t[]){1000});
    for (i = 1; i <= 3; i++) {
        Sink k = {NULL, 0, 0, i, 0};
        is_int(nd_print_repr(&a, NULL, sink_write, &k), ND_EMEMORY,
               "nd_print: writer failing at call %d -> ND_EMEMORY", i);
        free(k.s);
    }
}

static void test_float_repr(void)
{
    char b[ND_FLOAT_REPR_MAX];
    struct {
        double x;
        const char *want;
    } cases[] = {{1.0, "1.0"},
                 {0.1 + 0.2, "0.30000000000000004"},
                 {1e16, "1e+16"},
                 {1e-5, "1e-05"},
                 {0.0001, "0.0001"},
                 {-0.0, "-0.0"},
                 {INFINITY, "inf"},
                 {-INFINITY, "-inf"},
                 {NAN, "nan"},
                 {123456789012345678.0, "1.2345678901234568e+17"},
                 {9999999999999998.0, "9999999999999998.0"},
                 {5e-324, "5e-324"},
                 {-2.2250738585072014e-308, "-2.2250738585072014e-308"}};
    size_t i;
    for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        nd_float_repr(cases[i].x, b, sizeof b);
        is_str(b, cases[i].want, "nd_float_repr: %s", cases[i].want);
    }
    is_int(nd_float_repr(0.1 + 0.2, b, 5), 19,
           "nd_float_repr: returns the full length when cut");
    is_str(b, "0.30", "nd_float_repr: cut output is NUL-terminated");
    nd_float32_repr(0.1f, b, sizeof b);
    is_str(b, "0.1", "nd_float32_repr: 0.1f is 0.1");
    nd_float32_repr(1.0f / 3.0f, b, sizeof b);
    is_str(b, "0.33333334", "nd_float32_repr: 1/3");
}

/* ---- the oracle files ---- */

static FILE *open_data(const char *name)
{
    static const char *dirs[] = {"tests/print/", "../tests/print/",
                                 "../../tests/print/"};
    char path[512];
    const char *src = getenv("PYPREP_SRCDIR");
    const char *alt = getenv("PYPREP_PRINT_DATA"); /* soak-run data */
    size_t i;
    FILE *f;
    if (alt) {
        snprintf(path, sizeof path, "%s/%s", alt, name);
        return fopen(path, "r");
    }
    if (src) {
        snprintf(path, sizeof path, "%s/tests/print/%s", src, name);
        if ((f = fopen(path, "r")) != NULL)
            return f;
    }
    for (i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        snprintf(path, sizeof path, "%s%s", dirs[i], name);
        if ((f = fopen(path, "r")) != NULL)
            return f;
    }
    return NULL;
}

/* Read one line of any length; NULL at end of file. Caller frees. */
static char *read_line(FILE *f)
{
    size_t cap = 256, len = 0;
    char *s = malloc(cap);
    int ch;
    if (!s)
        return NULL;
    while ((ch = fgetc(f)) != EOF && ch != '\n') {
        if (len + 2 > cap) {
            char *p = realloc(s, cap *= 2);
            if (!p) {
                free(s);
                return NULL;
            }
            s = p;
        }
        s[len++] = (char)ch;
    }
    if (ch == EOF && len == 0) {
        free(s);
        return NULL;
    }
    s[len] = '\0';
    return s;
}

static void unescape(char *s)
{
    char *d = s;
    for (; *s; s++) {
        if (s[0] == '\\' && s[1] == 'n') {
            *d++ = '\n';
            s++;
        } else {
            *d++ = *s;
        }
    }
    *d = '\0';
}

static int hexval(int c)
{
    return c <= '9' ? c - '0' : c - 'a' + 10;
}

/* Decode hex into a malloc'd buffer (8-aligned, at least 16 bytes). */
static unsigned char *unhex(const char *h, size_t *n)
{
    size_t len = strlen(h), i;
    unsigned char *b;
    if (strcmp(h, "-") == 0)
        len = 0;
    b = malloc(len / 2 + 16);
    for (i = 0; b && i < len / 2; i++)
        b[i] = (unsigned char)(hexval(h[2 * i]) << 4 | hexval(h[2 * i + 1]));
    *n = len / 2;
    return b;
}

/*
** Parse a case header ("C dtype ndim shape.. strides.. offset options")
** and its data line ("D hex"); *buf receives the malloc'd bytes.
*/
static int parse_case(const char *c, const char *d, NdArray *a,
                      NdPrintOptions *o, unsigned char **buf)
{
    char name[32], sign;
    int ndim, k, pos, fm, supp;
    long long v, off;
    size_t n;
    if (sscanf(c, "C %31s %d%n", name, &ndim, &pos) != 2)
        return 0;
    memset(a, 0, sizeof *a);
    if (!dtype_of(name, &a->dtype) || ndim < 0 || ndim > ND_MAXDIMS)
        return 0;
    a->ndim = ndim;
    for (k = 0; k < 2 * ndim; k++) {
        int used;
        if (sscanf(c + pos, "%lld%n", &v, &used) != 1)
            return 0;
        pos += used;
        if (k < ndim)
            a->shape[k] = v;
        else
            a->strides[k - ndim] = v;
    }
    nd_print_defaults(o);
    if (sscanf(c + pos, "%lld %d %d %d %d %d %c %d", &off, &o->precision,
               &o->threshold, &o->edgeitems, &o->linewidth, &supp, &sign,
               &fm) != 8 ||
        strncmp(d, "D ", 2) != 0)
        return 0;
    o->suppress = supp;
    o->sign = sign == 'p' ? '+' : sign == 's' ? ' ' : '-';
    o->floatmode = fm;
    *buf = unhex(d + 2, &n);
    a->data = (char *)*buf + off;
    return *buf != NULL;
}

/* One result against its expectation, with a diagnostic on mismatch. */
static int same(const char *what, int ncase, const char *head,
                const char *got, const char *want, int *shown)
{
    if (strcmp(got, want) == 0)
        return 1;
    if ((*shown)++ < 20) {
        tap_diag("case %d: %s", ncase, head);
        tap_diag("%s got:\n%s\n# expected:\n%s", what, got, want);
    }
    return 0;
}

static void test_arrays(void)
{
    FILE *f = open_data("arrays.txt");
    char *c, *d = NULL, *s = NULL, *r = NULL;
    int ncase = 0, shown = 0;
    if (!f) {
        ok(0, "nd_print: tests/print/arrays.txt found");
        return;
    }
    while ((c = read_line(f)) != NULL) {
        NdPrintOptions o;
        NdArray a;
        unsigned char *buf = NULL;
        int good;
        d = read_line(f);
        s = read_line(f);
        r = read_line(f);
        if (!d || !s || !r || !parse_case(c, d, &a, &o, &buf) ||
            strncmp(s, "S ", 2) != 0 || strncmp(r, "R ", 2) != 0) {
            ok(0, "nd_print: arrays.txt is well-formed near case %d", ncase);
            free(buf);
            break;
        }
        unescape(s + 2);
        unescape(r + 2);
        ncase++;
        good = same("str", ncase, c, str_of(&a, &o), s + 2, &shown);
        good &= same("repr", ncase, c, repr_of(&a, &o), r + 2, &shown);
        ok(good, "nd_print: oracle case %d (%s, %d-d)", ncase,
           names[a.dtype], a.ndim);
        free(buf);
        free(c);
        free(d);
        free(s);
        free(r);
        c = d = s = r = NULL;
    }
    free(c);
    free(d);
    free(s);
    free(r);
    fclose(f);
    ok(ncase > 400, "nd_print: %d oracle array cases read", ncase);
}

static void test_array2string(void)
{
    FILE *f = open_data("a2s.txt");
    char *c, *d = NULL, *p = NULL, *e = NULL;
    int ncase = 0, nbad = 0, shown = 0;
    if (!f) {
        ok(0, "nd_print: tests/print/a2s.txt found");
        return;
    }
    while ((c = read_line(f)) != NULL) {
        NdPrintOptions o;
        NdArray a;
        unsigned char *buf = NULL;
        int pre, suf, pos;
        d = read_line(f);
        p = read_line(f);
        e = read_line(f);
        if (!d || !p || !e || !parse_case(c, d, &a, &o, &buf) ||
            sscanf(p, "P %d %d %n", &pre, &suf, &pos) != 2 ||
            strncmp(e, "E ", 2) != 0) {
            ok(0, "nd_print: a2s.txt is well-formed near case %d", ncase);
            free(buf);
            break;
        }
        /* the separator is the rest of the line, blanks included */
        pos = (int)(strchr(strchr(p + 2, ' ') + 1, ' ') + 1 - p);
        unescape(p + pos);
        unescape(e + 2);
        ncase++;
        sink_reset(&sink);
        if (nd_array2string(&a, &o, p + pos, (size_t)pre, (size_t)suf,
                            sink_write, &sink) != ND_OK ||
            !same("array2string", ncase, c, sink.s ? sink.s : "", e + 2,
                  &shown))
            nbad++;
        free(buf);
        free(c);
        free(d);
        free(p);
        free(e);
        c = d = p = e = NULL;
    }
    free(c);
    free(d);
    free(p);
    free(e);
    fclose(f);
    ok(ncase >= 250 && nbad == 0,
       "nd_array2string: %d cases with separators, prefixes, suffixes "
       "(%d differ)", ncase, nbad);
}

static void test_scalars(void)
{
    FILE *f = open_data("scalars.txt");
    char *line;
    int counts[ND_NTYPES + 1] = {0}, bad[ND_NTYPES + 1] = {0}, i;
    if (!f) {
        ok(0, "nd_print: tests/print/scalars.txt found");
        return;
    }
    while ((line = read_line(f)) != NULL) {
        char name[32], hex[64];
        int pos;
        NdDType t;
        size_t n;
        unsigned char *b;
        const char *want;
        char got[ND_FLOAT_REPR_MAX];
        if (sscanf(line, "%31s %63s %n", name, hex, &pos) < 2) {
            free(line);
            continue;
        }
        want = line + pos;
        b = unhex(hex, &n);
        if (strcmp(name, "py") == 0) {
            double x;
            memcpy(&x, b, 8);
            nd_float_repr(x, got, sizeof got);
            counts[ND_NTYPES]++;
            if (strcmp(got, want) != 0 && bad[ND_NTYPES]++ < 5)
                tap_diag("repr(float): got %s, expected %s", got, want);
        } else if (dtype_of(name, &t)) {
            int same;
            sink_reset(&sink);
            nd_print_scalar_str(t, b, sink_write, &sink);
            same = sink.s && strcmp(sink.s, want) == 0;
            sink_reset(&sink);
            nd_print_scalar_repr(t, b, sink_write, &sink);
            same = same && sink.s && strcmp(sink.s, want) == 0;
            counts[t]++;
            if (!same && bad[t]++ < 5)
                tap_diag("%s scalar: got %s, expected %s", name, sink.s,
                         want);
        }
        free(b);
        free(line);
    }
    fclose(f);
    for (i = 0; i < ND_NTYPES; i++)
        ok(counts[i] > 0 && bad[i] == 0,
           "nd_print: %d %s scalars print as NumPy (%d differ)", counts[i],
           names[i], bad[i]);
    ok(counts[ND_NTYPES] > 1000 && bad[ND_NTYPES] == 0,
       "nd_float_repr: %d floats as Python repr (%d differ)",
       counts[ND_NTYPES], bad[ND_NTYPES]);
}

int main(void)
{
    test_hand();
    test_float_repr();
    test_arrays();
    test_array2string();
    test_scalars();
    free(sink.s);
    return tap_done();
}
