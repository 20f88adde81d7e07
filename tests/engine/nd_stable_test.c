/*
** nd_stable_test.c - TAP tests of kind='stable' (engine/nd_stable.c).
**
** nd_argsort_stable and nd_sort_stable against a reference: qsort of
** (key, index) pairs ordered by NumPy's comparison (NaN last, -0.0 equal
** to 0.0) and then by index, which is the one stable order. Every real
** dtype, lengths around the merge runs, few distinct keys (many ties),
** NaNs and signed zeros, along both axes of a 2-d array.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nd.h"
#include "tap.h"

static const NdDType types[] = {ND_BOOL,   ND_INT8,    ND_INT16,
                                ND_INT32,  ND_INT64,   ND_UINT8,
                                ND_UINT16, ND_UINT32,  ND_UINT64,
                                ND_FLOAT32, ND_FLOAT64};
#define NT ((int)(sizeof types / sizeof types[0]))

static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static uint64_t next(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

typedef struct {
    double key; /* exact for every value put() writes */
    int64_t i;
} Pair;

static int cmp_pair(const void *x, const void *y)
{
    const Pair *a = x, *b = y;
    int an = a->key != a->key, bn = b->key != b->key;
    if (an != bn)
        return an - bn;
    if (!an && a->key != b->key)
        return a->key < b->key ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

/* Value i: few distinct keys so that ties are common, signed zeros and
** NaNs for floats. */
static void put(NdDType t, char *p, int distinct)
{
    uint64_t r = next();
    if (nd_dtype_kind(t) == 'f') {
        static const double sp[] = {NAN, -0.0, 0.0, -1.5, 2.0};
        double v = r % 4 == 0 ? sp[(r >> 8) % 5]
                              : (double)((int64_t)(r >> 16) % distinct) / 2;
        nd_set_double(t, p, v);
    } else {
        nd_set_int(t, p, (int64_t)((r >> 16) % (uint64_t)distinct));
    }
}

/* Check one 2-d case (rows x cols) along axis. */
static int check(NdDType t, int64_t rows, int64_t cols, int axis,
                 int distinct)
{
    int64_t shape[2] = {rows, cols};
    size_t isz = nd_dtype_size(t);
    NdArray a, s, ix;
    NdErr e;
    int good = 1;
    int64_t n = shape[axis], lanes = rows * cols / (n ? n : 1);
    char *ad = malloc(rows * cols * isz + 1), *sd = malloc(rows * cols * isz + 1);
    int64_t *id = malloc(sizeof(int64_t) * (size_t)(rows * cols + 1));
    void *scratch = malloc(nd_stable_scratch(t, n) + 1);
    Pair *ref = malloc(sizeof(Pair) * (size_t)(n + 1));
    nd_init(&a, t, 2, shape, NULL);
    a.data = ad;
    a.flags |= ND_WRITEABLE;
    for (int64_t k = 0; k < rows * cols; k++)
        put(t, ad + k * isz, distinct);
    s = a;
    s.data = sd;
    memcpy(sd, ad, rows * cols * isz);
    nd_init(&ix, ND_INT64, 2, shape, NULL);
    ix.data = (char *)id;
    ix.flags |= ND_WRITEABLE;
    if (nd_argsort_stable(&a, axis, &ix, scratch, &e) ||
        nd_sort_stable(&s, axis, scratch, &e)) {
        tap_diag("%s", e.msg);
        good = 0;
    }
    for (int64_t l = 0; l < lanes && good; l++) {
        /* lane l: fixed index on the other axis */
        int64_t base = axis == 0 ? l : l * cols;
        int64_t step = axis == 0 ? cols : 1;
        for (int64_t i = 0; i < n; i++) {
            ref[i].key = nd_get_double(t, ad + (base + i * step) * isz);
            ref[i].i = i;
        }
        qsort(ref, (size_t)n, sizeof *ref, cmp_pair);
        for (int64_t i = 0; i < n && good; i++) {
            const char *got = sd + (base + i * step) * isz;
            const char *want = ad + (base + ref[i].i * step) * isz;
            good = id[base + i * step] == ref[i].i &&
                   memcmp(got, want, isz) == 0;
        }
    }
    free(ad);
    free(sd);
    free(id);
    free(scratch);
    free(ref);
    return good;
}

int main(void)
{
    static const int64_t lens[] = {0, 1, 2, 3, 15, 16, 17, 31, 32, 33,
                                   63, 64, 65, 100, 257, 1000};
    const int nl = (int)(sizeof lens / sizeof lens[0]);
    for (int ti = 0; ti < NT; ti++) {
        int bad = 0;
        for (int li = 0; li < nl && !bad; li++)
            for (int d = 2; d <= 1000 && !bad; d *= 10)
                bad = !check(types[ti], 1, lens[li], 1, d);
        ok(!bad, "nd stable: %s, 1-d, lengths 0..1000, many ties",
           nd_dtype_name(types[ti]));
        bad = !check(types[ti], 37, 5, 0, 3) || !check(types[ti], 5, 37, 1, 3) ||
              !check(types[ti], 3, 0, 0, 3);
        ok(!bad, "nd stable: %s, 2-d along each axis",
           nd_dtype_name(types[ti]));
    }
    {
        NdArray h;
        NdErr e;
        int64_t n = 4;
        uint16_t v[4] = {0};
        nd_init(&h, ND_FLOAT16, 1, &n, NULL);
        h.data = (char *)v;
        h.flags |= ND_WRITEABLE;
        ok(nd_sort_stable(&h, 0, NULL, &e) == ND_ETYPE,
           "nd stable: float16 is for the caller to widen");
    }
    return tap_done();
}
