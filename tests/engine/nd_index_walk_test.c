/*
** nd_index_walk_test.c - advanced indexing walks (engine/nd_index.c).
**
** The integer-array and mask walks advance their offsets incrementally;
** these cases check them against element-by-element expectations:
** separated index arrays (result dims first), broadcast index arrays,
** a large broadcast assignment with a cast (the shape of the fuzz
** timeout that made the walk incremental), many-dim views, and masks
** with axes before and after them.
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

static NdIndex ixarr(const NdArray *x)
{
    NdIndex i;
    memset(&i, 0, sizeof i);
    i.kind = ND_IX_ARRAY;
    i.arr = x;
    return i;
}

static NdIndex ixall(void)
{
    NdIndex i;
    memset(&i, 0, sizeof i);
    i.kind = ND_IX_SLICE;
    return i;
}

static double at(const NdArray *a, const int64_t *idx)
{
    const char *p = a->data;
    for (int d = 0; d < a->ndim; d++)
        p += idx[d] * a->strides[d];
    return nd_get_double(a->dtype, p);
}

int main(void)
{
    NdErr e;
    NdIndexPlan plan;

    /* a = arange(24).reshape(2, 3, 4); a[[0, 1], :, [1, 2]] */
    {
        int64_t sh[3] = {2, 3, 4}, two = 2;
        NdArray a = mk(ND_INT64, 3, sh), i0 = mk(ND_INT64, 1, &two),
                i2 = mk(ND_INT64, 1, &two);
        for (int k = 0; k < 24; k++)
            ((int64_t *)a.data)[k] = k;
        ((int64_t *)i0.data)[0] = 0, ((int64_t *)i0.data)[1] = 1;
        ((int64_t *)i2.data)[0] = 1, ((int64_t *)i2.data)[1] = 2;
        NdIndex ix[3] = {ixarr(&i0), ixall(), ixarr(&i2)};
        int rc = (int)nd_index_prepare(&a, ix, 3, &plan, &e);
        ok(rc == ND_OK && plan.ndim == 2 && plan.shape[0] == 2 &&
               plan.shape[1] == 3,
           "nd_index: separated index arrays put their dims first (2,3)");
        NdArray o = mk(ND_INT64, plan.ndim, plan.shape);
        nd_index_get(&plan, &o, &e);
        static const int64_t want[6] = {1, 5, 9, 14, 18, 22};
        ok(!memcmp(o.data, want, sizeof want),
           "nd_index: a[[0,1], :, [1,2]] values as NumPy");
        free(a.data), free(i0.data), free(i2.data), free(o.data);
    }

    /* Large broadcast assignment with a cast: a[i, j, k] = v, i (64,1,1)
    ** reversed, j (1,64,1), k (1,1,64) a permutation; v float32. */
    {
        int64_t sh[3] = {64, 64, 64}, si[3] = {64, 1, 1}, sj[2] = {64, 1},
                sk[1] = {64};
        NdArray a = mk(ND_FLOAT64, 3, sh), v = mk(ND_FLOAT32, 3, sh);
        NdArray i = mk(ND_INT64, 3, si), j = mk(ND_INT16, 2, sj),
                k = mk(ND_INT32, 1, sk);
        for (int t = 0; t < 64; t++) {
            ((int64_t *)i.data)[t] = 63 - t;
            ((int16_t *)j.data)[t] = (int16_t)(t - 64); /* negative */
            ((int32_t *)k.data)[t] = (t * 5) % 64;
        }
        for (int t = 0; t < 64 * 64 * 64; t++)
            ((float *)v.data)[t] = (float)t + 0.5f;
        NdIndex ix[3] = {ixarr(&i), ixarr(&j), ixarr(&k)};
        int rc = (int)nd_index_prepare(&a, ix, 3, &plan, &e);
        ok(rc == ND_OK && plan.ndim == 3 && plan.shape[0] == 64 &&
               plan.shape[1] == 64 && plan.shape[2] == 64,
           "nd_index: broadcast index arrays (64,1,1) (64,1) (64,)");
        if (rc == ND_OK)
            rc = (int)nd_index_set(&plan, &v, &e);
        int bad = rc != ND_OK;
        for (int x = 0; x < 64 && !bad; x++)
            for (int y = 0; y < 64 && !bad; y++)
                for (int z = 0; z < 64; z++) {
                    int64_t ai[3] = {63 - x, y, (z * 5) % 64};
                    if (at(&a, ai) != (double)(x * 4096 + y * 64 + z) + 0.5) {
                        bad = 1;
                        tap_diag("a[%d,%d,%d] wrong", 63 - x, y, (z * 5) % 64);
                        break;
                    }
                }
        ok(!bad, "nd_index: 262144-element broadcast set, cast f4 -> f8");
        /* and the gather back through the same plan */
        NdArray o = mk(ND_FLOAT32, 3, sh);
        nd_index_get(&plan, &o, &e);
        ok(!memcmp(o.data, v.data, nd_nbytes(&v)),
           "nd_index: gather through the same plan returns v");
        free(a.data), free(v.data), free(i.data), free(j.data);
        free(k.data), free(o.data);
    }

    /* Many dims: a (2,)*12 viewed with newaxis dims in front (20-d), two
    ** index arrays on separated axes, a scalar value broadcast. */
    {
        int64_t sh[12], two = 2;
        for (int d = 0; d < 12; d++)
            sh[d] = 2;
        NdArray a = mk(ND_INT8, 12, sh), i = mk(ND_INT64, 1, &two);
        ((int64_t *)i.data)[0] = 1, ((int64_t *)i.data)[1] = 0;
        NdIndex ix[14];
        for (int d = 0; d < 14; d++)
            ix[d] = ixall();
        for (int d = 0; d < 8; d++)
            ix[d].kind = ND_IX_NEWAXIS;
        ix[9] = ixarr(&i);
        ix[12] = ixarr(&i);
        /* 8 newaxis + 6 of a's axes named: 12 + 8 = 20 dims */
        int rc = (int)nd_index_prepare(&a, ix, 14, &plan, &e);
        char store[16];
        NdArray s;
        nd_scalar_double(&s, store, ND_FLOAT64, 7);
        if (rc == ND_OK)
            rc = (int)nd_index_set(&plan, &s, &e);
        /* set: axes 1 and 4 of a take (1,1) then (0,0): half of a */
        int64_t count = 0, wrong = 0;
        for (int t = 0; t < 4096; t++) {
            int b1 = (t >> 10) & 1, b4 = (t >> 7) & 1; /* axes 1, 4 */
            int want = b1 == b4 ? 7 : 0;
            count += a.data[t] == 7;
            wrong += a.data[t] != want;
        }
        ok(rc == ND_OK && plan.ndim == 19 && count == 2048 && !wrong,
           "nd_index: 19-d result, separated arrays, scalar set (%lld)",
           (long long)count);
        free(a.data), free(i.data);
    }

    /* Mask in the middle: a (3,4,5) float64, m (4,) -> a[:, m, :]. */
    {
        int64_t sh[3] = {3, 4, 5}, four = 4;
        NdArray a = mk(ND_FLOAT64, 3, sh), m = mk(ND_BOOL, 1, &four);
        for (int t = 0; t < 60; t++)
            ((double *)a.data)[t] = t;
        m.data[1] = 1, m.data[3] = 1;
        NdIndex ix[2] = {ixall(), ixarr(&m)};
        int rc = (int)nd_index_prepare(&a, ix, 2, &plan, &e);
        ok(rc == ND_OK && plan.ndim == 3 && plan.shape[0] == 3 &&
               plan.shape[1] == 2 && plan.shape[2] == 5,
           "nd_index: a[:, mask, :] has shape (3,2,5)");
        NdArray o = mk(ND_INT32, plan.ndim, plan.shape);
        nd_index_get(&plan, &o, &e);
        int bad = 0;
        for (int x = 0; x < 3; x++)
            for (int y = 0; y < 2; y++)
                for (int z = 0; z < 5; z++) {
                    int want = x * 20 + (y ? 3 : 1) * 5 + z;
                    bad |= ((int32_t *)o.data)[x * 10 + y * 5 + z] != want;
                }
        ok(!bad, "nd_index: a[:, mask, :] values (cast f8 -> i4)");
        /* set with a (2,1) value broadcast over (3,2,5) */
        int64_t vs[2] = {2, 1};
        NdArray v = mk(ND_INT64, 2, vs);
        ((int64_t *)v.data)[0] = -1, ((int64_t *)v.data)[1] = -2;
        rc = (int)nd_index_set(&plan, &v, &e);
        bad = rc != ND_OK;
        for (int t = 0; t < 60; t++) {
            int y = (t / 5) % 4;
            double want = y == 1 ? -1 : y == 3 ? -2 : t;
            bad |= ((double *)a.data)[t] != want;
        }
        ok(!bad, "nd_index: a[:, mask, :] = (2,1) value broadcast");
        free(a.data), free(m.data), free(o.data), free(v.data);
    }
    return tap_done();
}
