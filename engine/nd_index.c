/*
** nd_index.c - NumPy indexing: basic (views) and advanced (copies).
**
** nd_index_prepare applies ints, slices, newaxis and Ellipsis as a view
** and records what remains: one boolean mask, or integer arrays that
** broadcast together (their dims go first when separated, NumPy's rule).
** Gather (get) and scatter (set) walk the result index space. a[idx] and
** a[mask] with one index array skip the general analysis: a take loop
** that bounds-checks as it gathers (one pass, as NumPy's), and a mask
** count and compaction over 8 mask bytes at a time.
*/
#include "nd_int.h"

#include <stddef.h>
#include <stdio.h>

static NdError oob(NdErr *e, int64_t i, int axis, int64_t size)
{
    return nd_fail(e, ND_EINDEX,
                   "index %lld is out of bounds for axis %d with size %lld",
                   (long long)i, axis, (long long)size);
}

/* Check every value of an integer index array against size. */
static NdError check_int_array(const NdArray *ix, int axis, int64_t size,
                               NdErr *e)
{
    int64_t n = nd_size(ix), idx[ND_MAXDIMS];
    if (ix->dtype == ND_INT64 && ix->ndim == 1 && ix->strides[0] == 8) {
        /* common case: one scan for the range, details only on error.
        ** -size <= v < size iff v + size (unsigned) < 2 * size; OR-ing
        ** the flags leaves no dependency chain between elements. */
        const uint64_t *v = (const uint64_t *)ix->data;
        const uint64_t off = (uint64_t)size, lim = 2 * (uint64_t)size;
        unsigned bad = 0;
        for (int64_t i = 0; i < n; i++)
            bad |= v[i] + off >= lim;
        if (!bad)
            return ND_OK;
    }
    memset(idx, 0, sizeof(int64_t) * (size_t)ix->ndim);
    for (int64_t k = 0; k < n; k++) {
        const char *p = ix->data;
        for (int d = 0; d < ix->ndim; d++)
            p += idx[d] * ix->strides[d];
        int64_t v = nd_get_int(ix->dtype, p);
        if (v < -size || v >= size)
            return oob(e, v, axis, size);
        for (int d = ix->ndim - 1; d >= 0; d--) {
            if (++idx[d] < ix->shape[d])
                break;
            idx[d] = 0;
        }
    }
    return ND_OK;
}

/* Byte-wise "is nonzero" of 8 mask bytes: 0x80 in every byte that is
** not 0 (bool arrays hold 0/1, but any nonzero byte counts as True). */
#define LO7 0x7f7f7f7f7f7f7f7fULL
#define HI1 0x8080808080808080ULL
static inline uint64_t nz_bytes(uint64_t w)
{
    return (((w & LO7) + LO7) | w) & HI1;
}

/* Number of nonzero bytes in p[0..n): per 8-byte word, no branches;
** each byte lane of acc counts up to 255 words before it is folded. */
static int64_t count_bytes(const uint8_t *p, int64_t n)
{
    const uint64_t m16 = 0x00ff00ff00ff00ffULL;
    int64_t c = 0, i = 0;
    while (n - i >= 8) {
        int64_t words = (n - i) / 8;
        uint64_t acc = 0;
        if (words > 255)
            words = 255;
        for (int64_t w = 0; w < words; w++) {
            uint64_t x;
            memcpy(&x, p + i + 8 * w, 8);
            acc += nz_bytes(x) >> 7;
        }
        i += 8 * words;
        acc = (acc & m16) + ((acc >> 8) & m16);
        c += (int64_t)((acc * 0x0001000100010001ULL) >> 48);
    }
    for (; i < n; i++)
        c += p[i] != 0;
    return c;
}

static int64_t mask_count(const NdArray *m)
{
    if (ND_ISC(m))
        return count_bytes((const uint8_t *)m->data, nd_size(m));
    return nd_count_nonzero(m);
}

/* a[x] for one index array x (the common case) without the general
** analysis. Returns 0 when the general path must decide, errors
** included, so every message comes from one place. */
static int prepare_one(const NdArray *a, const NdArray *x, NdIndexPlan *p,
                       NdErr *e, NdError *err)
{
    char k = nd_dtype_kind(x->dtype);
    NdArray *v = &p->view;
    int r = 0;
    *err = ND_OK;
    if (k == 'b') {
        if (x->ndim < 1 || x->ndim > a->ndim)
            return 0;
        for (int j = 0; j < x->ndim; j++)
            if (x->shape[j] != a->shape[j])
                return 0;
    } else if (k == 'i' || k == 'u') {
        if (a->ndim < 1 || x->ndim + a->ndim - 1 > ND_MAXDIMS)
            return 0;
    } else {
        return 0;
    }
    v->dtype = a->dtype;
    v->flags = a->flags & ~ND_OWNDATA;
    v->data = a->data;
    v->buffer = a->buffer;
    v->buffer_size = a->buffer_size;
    v->ndim = a->ndim;
    for (int i = 0; i < a->ndim; i++) {
        v->shape[i] = a->shape[i];
        v->strides[i] = a->strides[i];
    }
    p->nadv = 1;
    p->adv[0] = x;
    p->advaxis[0] = 0;
    p->axis = 0;
    p->front = 0;
    p->count = 0;
    p->unchecked = 0;
    if (k == 'b') {
        p->is_mask = 1;
        p->bndim = 0;
        p->count = mask_count(x);
        p->shape[r++] = p->count;
        for (int i = x->ndim; i < a->ndim; i++)
            p->shape[r++] = a->shape[i];
        p->ndim = r;
        return 1;
    }
    p->is_mask = 0;
    p->bndim = x->ndim;
    for (int j = 0; j < x->ndim; j++)
        p->shape[r++] = p->bshape[j] = x->shape[j];
    for (int i = 1; i < a->ndim; i++)
        p->shape[r++] = a->shape[i];
    p->ndim = r;
    /* nd_index_get's take loop checks a 1-d int64 index as it gathers */
    if (x->dtype == ND_INT64 && x->ndim == 1)
        p->unchecked = 1;
    else
        *err = check_int_array(x, 0, a->shape[0], e);
    return 1;
}

NdError nd_index_prepare(const NdArray *a, const NdIndex *ix, int n,
                         NdIndexPlan *plan, NdErr *e)
{
    int consumed = 0, ellipsis = 0, narr = 0, nbool = 0, nint = 0;
    NdArray *vv = &plan->view; /* built in place: no struct copies */
    NdError err;
    if (n == 1 && ix[0].kind == ND_IX_ARRAY &&
        prepare_one(a, ix[0].arr, plan, e, &err))
        return err;
    plan->unchecked = 0;
    plan->nadv = 0;
    plan->is_mask = 0;
    plan->count = 0;
    plan->front = 0;
    plan->bndim = 0;
    plan->axis = 0;
    for (int i = 0; i < n; i++) {
        switch (ix[i].kind) {
        case ND_IX_INT: consumed++, nint++; break;
        case ND_IX_SLICE: consumed++; break;
        case ND_IX_ELLIPSIS:
            if (ellipsis++)
                return nd_fail(e, ND_EINDEX,
                               "an index can only have a single ellipsis "
                               "('...')");
            break;
        case ND_IX_NEWAXIS: break;
        case ND_IX_ARRAY: {
            char k = nd_dtype_kind(ix[i].arr->dtype);
            if (k == 'b') {
                consumed += ix[i].arr->ndim;
                nbool++;
            } else if (k == 'i' || k == 'u') {
                consumed++;
            } else {
                return nd_fail(e, ND_EINDEX,
                               "arrays used as indices must be of integer "
                               "(or boolean) type");
            }
            narr++;
            break;
        }
        }
    }
    if (consumed > a->ndim)
        return nd_fail(e, ND_EINDEX,
                       "too many indices for array: array is "
                       "%d-dimensional, but %d were indexed",
                       a->ndim, consumed);
    if (nbool && (narr > 1 || nint > 0))
        return nd_fail(e, ND_EINDEX, "%s", ""); /* caller uses nonzero() */
    /* Build the view. src = axis of a, dst = axis of the view. */
    int src = 0, dst = 0, first_adv = -1, last_adv_item = -1, gap = 0;
    int nd_new = 0;
    int64_t shape[ND_MAXDIMS], strides[ND_MAXDIMS];
    char *data = a->data;
    for (int i = 0; i < n; i++) {
        const NdIndex *x = &ix[i];
        int is_adv = (x->kind == ND_IX_ARRAY) ||
                     (x->kind == ND_IX_INT && narr > 0);
        if (is_adv) {
            if (first_adv < 0)
                first_adv = dst;
            else if (last_adv_item != i - 1)
                gap = 1;
            last_adv_item = i;
        }
        if (nd_new >= ND_MAXDIMS && x->kind != ND_IX_INT)
            return nd_fail(e, ND_EINDEX, "too many dimensions");
        switch (x->kind) {
        case ND_IX_INT: {
            int64_t d = a->shape[src], k = x->i;
            if (k < -d || k >= d)
                return oob(e, k, src, d);
            if (k < 0)
                k += d;
            data += k * a->strides[src];
            src++;
            break;
        }
        case ND_IX_SLICE: {
            int64_t st, step, len;
            if ((err = nd_slice_indices(a->shape[src], x->has_start,
                                        x->start, x->has_stop, x->stop,
                                        x->has_step, x->step, &st, &step,
                                        &len, e)))
                return err;
            if (len > 0)
                data += st * a->strides[src];
            shape[nd_new] = len;
            strides[nd_new++] = len > 1 ? a->strides[src] * step
                                        : a->strides[src];
            src++, dst++;
            break;
        }
        case ND_IX_NEWAXIS:
            shape[nd_new] = 1;
            strides[nd_new++] = 0;
            dst++;
            break;
        case ND_IX_ELLIPSIS: {
            int fill = a->ndim - consumed;
            for (int k = 0; k < fill; k++) {
                if (nd_new >= ND_MAXDIMS)
                    return nd_fail(e, ND_EINDEX, "too many dimensions");
                shape[nd_new] = a->shape[src];
                strides[nd_new++] = a->strides[src++];
                dst++;
            }
            break;
        }
        case ND_IX_ARRAY: {
            const NdArray *m = x->arr;
            if (nd_dtype_kind(m->dtype) == 'b') {
                for (int j = 0; j < m->ndim; j++)
                    if (m->shape[j] != a->shape[src + j])
                        return nd_fail(e, ND_EINDEX,
                                       "boolean index did not match "
                                       "indexed array along dimension %d; "
                                       "dimension is %lld but "
                                       "corresponding boolean dimension "
                                       "is %lld", src + j,
                                       (long long)a->shape[src + j],
                                       (long long)m->shape[j]);
                plan->is_mask = 1;
                plan->axis = dst;
                plan->adv[0] = m;
                plan->nadv = 1;
                for (int j = 0; j < m->ndim; j++) {
                    if (nd_new >= ND_MAXDIMS)
                        return nd_fail(e, ND_EINDEX, "too many dimensions");
                    shape[nd_new] = a->shape[src];
                    strides[nd_new++] = a->strides[src++];
                    dst++;
                }
            } else {
                if ((err = check_int_array(m, src, a->shape[src], e)))
                    return err;
                plan->adv[plan->nadv] = m;
                plan->advaxis[plan->nadv++] = dst;
                shape[nd_new] = a->shape[src];
                strides[nd_new++] = a->strides[src++];
                dst++;
            }
            break;
        }
        }
    }
    /* Trailing axes not mentioned. */
    while (src < a->ndim) {
        if (nd_new >= ND_MAXDIMS)
            return nd_fail(e, ND_EINDEX, "too many dimensions");
        shape[nd_new] = a->shape[src];
        strides[nd_new++] = a->strides[src++];
    }
    vv->dtype = a->dtype;
    vv->flags = a->flags & ~ND_OWNDATA;
    vv->buffer = a->buffer;
    vv->buffer_size = a->buffer_size;
    vv->data = data;
    vv->ndim = nd_new;
    for (int i = 0; i < nd_new; i++) {
        vv->shape[i] = shape[i];
        vv->strides[i] = strides[i];
    }
    nd_update_flags(vv);
    if (plan->nadv == 0) {
        plan->ndim = vv->ndim;
        memcpy(plan->shape, vv->shape, sizeof(int64_t) * (size_t)vv->ndim);
        return ND_OK;
    }
    if (plan->is_mask) {
        const NdArray *m = plan->adv[0];
        int r = 0;
        if (vv->ndim - m->ndim + 1 > ND_MAXDIMS)
            return nd_fail(e, ND_EINDEX, "too many dimensions");
        plan->count = mask_count(m);
        for (int i = 0; i < plan->axis; i++)
            plan->shape[r++] = vv->shape[i];
        plan->shape[r++] = plan->count;
        for (int i = plan->axis + m->ndim; i < vv->ndim; i++)
            plan->shape[r++] = vv->shape[i];
        plan->ndim = r;
        return ND_OK;
    }
    /* Integer arrays: broadcast them together. */
    {
        const NdArray *ops[ND_MAXDIMS];
        for (int k = 0; k < plan->nadv; k++)
            ops[k] = plan->adv[k];
        if (nd_broadcast_shape(plan->nadv, ops, &plan->bndim, plan->bshape,
                               e)) {
            size_t m = (size_t)snprintf(e ? e->msg : NULL,
                                        e ? sizeof e->msg : 0,
                                        "shape mismatch: indexing arrays "
                                        "could not be broadcast together "
                                        "with shapes ");
            for (int k = 0; k < plan->nadv && e && m < sizeof e->msg; k++) {
                char buf[300];
                nd_shape_str(buf, sizeof buf, ops[k]->ndim, ops[k]->shape);
                m += (size_t)snprintf(e->msg + m, sizeof e->msg - m, "%s ",
                                      buf);
            }
            return ND_EINDEX;
        }
    }
    plan->front = gap;
    plan->axis = first_adv;
    {
        int r = 0, isadv[ND_MAXDIMS] = {0}, nkeep = 0;
        for (int k = 0; k < plan->nadv; k++)
            isadv[plan->advaxis[k]] = 1;
        for (int i = 0; i < vv->ndim; i++)
            nkeep += !isadv[i];
        if (nkeep + plan->bndim > ND_MAXDIMS)
            return nd_fail(e, ND_EINDEX, "too many dimensions");
        if (plan->front)
            for (int j = 0; j < plan->bndim; j++)
                plan->shape[r++] = plan->bshape[j];
        for (int i = 0; i < vv->ndim; i++) {
            if (!plan->front && i == plan->axis)
                for (int j = 0; j < plan->bndim; j++)
                    plan->shape[r++] = plan->bshape[j];
            if (!isadv[i])
                plan->shape[r++] = vv->shape[i];
        }
        if (!plan->front && plan->axis >= vv->ndim)
            for (int j = 0; j < plan->bndim; j++)
                plan->shape[r++] = plan->bshape[j];
        if (r > ND_MAXDIMS)
            return nd_fail(e, ND_EINDEX, "too many dimensions");
        plan->ndim = r;
    }
    return ND_OK;
}

/* Copy one element between dtypes (get: view -> out; set: value -> a):
** a fixed-size memcpy when the dtypes agree, else the cast kernel. */
typedef struct {
    size_t isz;
    NdCastFn cast; /* NULL: same dtype */
} Mover;

static Mover mover(NdDType dt, NdDType st)
{
    Mover m = {nd_dtype_size(dt), dt == st ? NULL : nd_cast_fn(st, dt)};
    return m;
}

static inline void move1(const Mover *m, char *dst, const char *src)
{
    if (m->cast) {
        m->cast(1, src, 0, dst, 0);
        return;
    }
    switch (m->isz) {
    case 1: memcpy(dst, src, 1); break;
    case 2: memcpy(dst, src, 2); break;
    case 4: memcpy(dst, src, 4); break;
    case 8: memcpy(dst, src, 8); break;
    default: memcpy(dst, src, m->isz); break;
    }
}

/* Mask walk: other has plan->shape (out for get, broadcast value for
** set). Offsets advance incrementally, so the cost is linear in the
** number of elements visited. */
static void mask_walk(const NdIndexPlan *p, const NdArray *other, int set)
{
    const NdArray *v = &p->view, *m = p->adv[0];
    int ax = p->axis, mk = m->ndim;
    int npre = ax, npost = v->ndim - ax - mk;
    size_t isz = nd_dtype_size(v->dtype);
    /* Fast path: 1-D everything, same dtype, contiguous-ish. */
    if (npre == 0 && npost == 0 && mk == 1 && other->dtype == v->dtype) {
        const uint8_t *mp = (const uint8_t *)m->data;
        ptrdiff_t ms = m->strides[0], vs = v->strides[0];
        ptrdiff_t os = other->ndim ? other->strides[0] : 0;
        int64_t n = v->shape[0], k = 0;
        for (int64_t i = 0; i < n; i++)
            if (mp[i * ms]) {
                if (set)
                    memcpy(v->data + i * vs, other->data + k * os, isz);
                else
                    memcpy(other->data + k * os, v->data + i * vs, isz);
                k++;
            }
        return;
    }
    Mover mv = set ? mover(v->dtype, other->dtype)
                   : mover(other->dtype, v->dtype);
    NdArray vs, os; /* the npost trailing axes, when there are some */
    if (npost > 0) {
        vs = *v;
        os = *other;
        vs.ndim = os.ndim = npost;
        for (int j = 0; j < npost; j++) {
            vs.shape[j] = v->shape[ax + mk + j];
            vs.strides[j] = v->strides[ax + mk + j];
            os.shape[j] = other->shape[ax + 1 + j];
            os.strides[j] = other->strides[ax + 1 + j];
        }
    }
    int64_t pre[ND_MAXDIMS] = {0}, npre_total = 1, mn = nd_size(m);
    for (int i = 0; i < npre; i++)
        npre_total *= v->shape[i];
    const char *vb = v->data;
    char *ob = other->data;
    for (int64_t q = 0; q < npre_total; q++) {
        int64_t midx[ND_MAXDIMS] = {0}, k = 0;
        const char *mp = m->data, *vp = vb;
        for (int64_t t = 0; t < mn; t++) {
            if (*mp) {
                char *op = ob + k * other->strides[ax];
                if (npost == 0) {
                    if (set)
                        move1(&mv, (char *)vp, op);
                    else
                        move1(&mv, op, vp);
                } else if (set) {
                    vs.data = (char *)vp;
                    os.data = op;
                    nd_assign(&vs, &os, NULL);
                } else {
                    vs.data = (char *)vp;
                    os.data = op;
                    nd_assign(&os, &vs, NULL);
                }
                k++;
            }
            for (int j = mk - 1; j >= 0; j--) {
                if (++midx[j] < m->shape[j]) {
                    mp += m->strides[j];
                    vp += v->strides[ax + j];
                    break;
                }
                mp -= (m->shape[j] - 1) * m->strides[j];
                vp -= (m->shape[j] - 1) * v->strides[ax + j];
                midx[j] = 0;
            }
        }
        for (int i = npre - 1; i >= 0; i--) {
            if (++pre[i] < v->shape[i]) {
                vb += v->strides[i];
                ob += other->strides[i];
                break;
            }
            vb -= (v->shape[i] - 1) * v->strides[i];
            ob -= (v->shape[i] - 1) * other->strides[i];
            pre[i] = 0;
        }
    }
}

/* Integer-array walk over the result index space. The source offset of a
** result element is its view offset (kept dims) plus, for each index
** array, index value * stride of the indexed axis; every pointer
** advances incrementally (an odometer over the outer result dims and a
** plain loop over the last), so the cost is linear in the result size. */
static void fancy_walk(const NdIndexPlan *p, const NdArray *other, int set)
{
    const NdArray *v = &p->view;
    int R = p->ndim, nadv = p->nadv;
    int isadv[ND_MAXDIMS] = {0};
    /* For each result dim: view axis (>= 0) or -1 - (B dim). */
    int map[ND_MAXDIMS];
    NdArray bix[ND_MAXDIMS];
    for (int k = 0; k < nadv; k++) {
        isadv[p->advaxis[k]] = 1;
        nd_broadcast_to(&bix[k], p->adv[k], p->bndim, p->bshape, NULL);
    }
    {
        int r = 0, placed = p->front;
        if (p->front)
            for (int j = 0; j < p->bndim; j++)
                map[r++] = -1 - j;
        for (int i = 0; i < v->ndim; i++) {
            if (!p->front && i == p->axis) {
                placed = 1;
                for (int j = 0; j < p->bndim; j++)
                    map[r++] = -1 - j;
            }
            if (!isadv[i])
                map[r++] = i;
        }
        if (!placed)
            for (int j = 0; j < p->bndim; j++)
                map[r++] = -1 - j;
    }
    size_t isz = nd_dtype_size(v->dtype);
    /* Fast path: a[idx] with 1-D view, one index array. */
    if (R == 1 && v->ndim == 1 && nadv == 1 && !set &&
        other->dtype == v->dtype && bix[0].dtype == ND_INT64) {
        int64_t n = p->shape[0], size = v->shape[0];
        ptrdiff_t is = bix[0].strides[0], vs = v->strides[0];
        ptrdiff_t os = other->strides[0];
        const char *ip = bix[0].data;
        if (isz == 8 && os == 8) {
            uint64_t *d = (uint64_t *)other->data;
            for (int64_t i = 0; i < n; i++) {
                int64_t k = *(const int64_t *)(ip + i * is);
                k += k < 0 ? size : 0;
                memcpy(&d[i], v->data + k * vs, 8);
            }
            return;
        }
        for (int64_t i = 0; i < n; i++) {
            int64_t k = *(const int64_t *)(ip + i * is);
            k += k < 0 ? size : 0;
            memcpy(other->data + i * os, v->data + k * vs, isz);
        }
        return;
    }
    /* Byte strides per result dim: view (0 on index dims), other, and
    ** each index array (0 on view dims). */
    ptrdiff_t vst[ND_MAXDIMS], ost[ND_MAXDIMS], xst[ND_MAXDIMS][ND_MAXDIMS];
    ptrdiff_t axst[ND_MAXDIMS];
    int64_t axsz[ND_MAXDIMS];
    const char *xp[ND_MAXDIMS];
    for (int d = 0; d < R; d++) {
        vst[d] = map[d] >= 0 ? v->strides[map[d]] : 0;
        ost[d] = other->strides[d];
        for (int k = 0; k < nadv; k++)
            xst[k][d] = map[d] < 0 ? bix[k].strides[-1 - map[d]] : 0;
    }
    for (int k = 0; k < nadv; k++) {
        xp[k] = bix[k].data;
        axst[k] = v->strides[p->advaxis[k]];
        axsz[k] = v->shape[p->advaxis[k]];
    }
    Mover mv = set ? mover(v->dtype, other->dtype)
                   : mover(other->dtype, v->dtype);
    int64_t total = 1, ridx[ND_MAXDIMS] = {0};
    for (int d = 0; d < R; d++)
        total *= p->shape[d];
    int64_t n = R ? p->shape[R - 1] : 1;
    ptrdiff_t vin = R ? vst[R - 1] : 0, oin = R ? ost[R - 1] : 0;
    const char *sp = v->data;
    char *op = other->data;
    for (int64_t t = 0; t < total; t += n) {
        for (int64_t i = 0; i < n; i++) {
            const char *src = sp + i * vin;
            for (int k = 0; k < nadv; k++) {
                const char *ip = xp[k] + i * (R ? xst[k][R - 1] : 0);
                int64_t iv = nd_get_int(bix[k].dtype, ip);
                if (iv < 0)
                    iv += axsz[k];
                /* checked in prepare; re-checked because a[a] = v may
                ** change the index while it is used (callers copy such
                ** indices) */
                if (iv < 0 || iv >= axsz[k])
                    iv = 0;
                src += iv * axst[k];
            }
            if (set)
                move1(&mv, (char *)src, op + i * oin);
            else
                move1(&mv, op + i * oin, src);
        }
        for (int d = R - 2; d >= 0; d--) {
            int64_t back = p->shape[d] - 1;
            if (++ridx[d] <= back) {
                sp += vst[d];
                op += ost[d];
                for (int k = 0; k < nadv; k++)
                    xp[k] += xst[k][d];
                break;
            }
            sp -= back * vst[d];
            op -= back * ost[d];
            for (int k = 0; k < nadv; k++)
                xp[k] -= back * xst[k][d];
            ridx[d] = 0;
        }
    }
}

/* ---- one contiguous index array: take and compaction loops ---- */

/* Bytes of one item when the view axes [from, ndim) form a C-contiguous
** block (a row), else 0. */
static size_t row_bytes(const NdArray *v, int from)
{
    size_t rb = nd_dtype_size(v->dtype);
    for (int i = v->ndim - 1; i >= from; i--) {
        if (v->shape[i] != 1 && v->strides[i] != (ptrdiff_t)rb)
            return 0;
        rb *= (size_t)v->shape[i];
    }
    return rb;
}

/* Gather m items of N bytes from s (item stride ss) by a 1-d int64
** index (byte stride is), wrapping negative values and stopping at the
** first one out of range: returns how many were copied. The bounds
** test is a predictable branch, so the loads issue ahead of it (a
** select on the index would make each load wait for the comparison). */
#define TAKE_BODY(N)                                                       \
    for (int64_t i = 0; i < m; i++) {                                      \
        int64_t k;                                                         \
        memcpy(&k, ip + i * is, 8);                                        \
        if (k < 0) {                                                       \
            k += size;                                                     \
            if (k < 0)                                                     \
                return i;                                                  \
        } else if (k >= size) {                                            \
            return i;                                                      \
        }                                                                  \
        memcpy(d + i * (N), s + k * ss, (N));                              \
    }                                                                      \
    return m;
#define TAKE_N(N)                                                          \
    static int64_t take_##N(char *d, const char *s, ptrdiff_t ss,          \
                            const char *ip, ptrdiff_t is, int64_t m,       \
                            int64_t size)                                  \
    {                                                                      \
        TAKE_BODY(N)                                                       \
    }
TAKE_N(1)
TAKE_N(2)
TAKE_N(4)
TAKE_N(8)
TAKE_N(16)

static int64_t take_rows(size_t rb, char *d, const char *s, ptrdiff_t ss,
                         const char *ip, ptrdiff_t is, int64_t m,
                         int64_t size)
{
    TAKE_BODY(rb)
}

/* a[idx], idx 1-d int64 not yet checked, into a C-contiguous out of the
** view's dtype with contiguous rows. Returns 0 when that is not the
** case (the caller checks the index and walks). */
static int take_get(const NdIndexPlan *p, NdArray *out, NdErr *e,
                    NdError *err)
{
    const NdArray *v = &p->view, *x = p->adv[0];
    size_t rb = row_bytes(v, 1);
    int64_t m = x->shape[0], size = v->shape[0], done;
    ptrdiff_t ss = v->strides[0], is = x->strides[0];
    char *d = out->data;
    const char *s = v->data, *ip = x->data;
    if (out->dtype != v->dtype || !ND_ISC(out) || rb == 0)
        return 0;
    switch (rb) {
    case 1: done = take_1(d, s, ss, ip, is, m, size); break;
    case 2: done = take_2(d, s, ss, ip, is, m, size); break;
    case 4: done = take_4(d, s, ss, ip, is, m, size); break;
    case 8: done = take_8(d, s, ss, ip, is, m, size); break;
    case 16: done = take_16(d, s, ss, ip, is, m, size); break;
    default: done = take_rows(rb, d, s, ss, ip, is, m, size); break;
    }
    *err = ND_OK;
    if (done < m) {
        int64_t bad;
        memcpy(&bad, ip + done * is, 8);
        *err = oob(e, bad, 0, size);
    }
    return 1;
}

/* Copy the items (N bytes, stride ss) where the mask m[0..n) is true to
** d, cnt of them. 8 mask bytes per step: an all-false word is skipped,
** an all-true word over contiguous items is one block copy, a mixed one
** is written without branches (every item stored at the slot after the
** trues before it; a later item overwrites a false one's), which needs 8
** free slots, so the last trues go through the plain loop. */
#define COMPRESS_BODY(N)                                                   \
    int64_t i = 0, k = 0;                                                  \
    for (; i + 8 <= n && k + 8 <= cnt; i += 8) {                           \
        uint64_t w, z, pre, ex;                                            \
        const char *q = s + i * ss;                                        \
        memcpy(&w, m + i, 8);                                              \
        if (w == 0)                                                        \
            continue;                                                      \
        z = nz_bytes(w);                                                   \
        if (z == HI1 && ss == (ptrdiff_t)(N)) {                            \
            memcpy(d + k * (N), q, 8 * (N));                               \
            k += 8;                                                        \
            continue;                                                      \
        }                                                                  \
        /* byte j of ex = trues before lane j: no chain through k */      \
        pre = (z >> 7) * 0x0101010101010101ULL;                            \
        ex = pre << 8;                                                     \
        for (int j = 0; j < 8; j++)                                        \
            memcpy(d + (k + (int64_t)((ex >> 8 * j) & 0xff)) * (N),        \
                   q + j * ss, (N));                                       \
        k += (int64_t)(pre >> 56);                                         \
    }                                                                      \
    for (; i < n && k < cnt; i++)                                          \
        if (m[i]) {                                                        \
            memcpy(d + k * (N), s + i * ss, (N));                          \
            k++;                                                           \
        }
#define COMPRESS_N(N)                                                      \
    static void compress_##N(char *d, const char *s, ptrdiff_t ss,         \
                             const uint8_t *m, int64_t n, int64_t cnt)     \
    {                                                                      \
        COMPRESS_BODY(N)                                                   \
    }
COMPRESS_N(1)
COMPRESS_N(2)
COMPRESS_N(4)
COMPRESS_N(8)
COMPRESS_N(16)

static void compress_rows(size_t rb, char *d, const char *s, ptrdiff_t ss,
                          const uint8_t *m, int64_t n, int64_t cnt)
{
    COMPRESS_BODY(rb)
}

#if ND_AVX2
/* The same compaction of contiguous 4- and 8-byte items with AVX-512F's
** compress (8 or 16 lanes per mask word or two, register form: the
** memory form is microcoded on some CPUs), picked when nd_copy_simd
** says the CPU has it. The lanes' mask bits are gathered from the nonzero
** bytes by one multiplication. Full 64-byte stores: 8 (16) free slots. */
#define XC_AVX512_BEGIN ND_TARGET_BEGIN("avx512f")
#define XC_AVX512_END ND_TARGET_END
#include <immintrin.h>

static inline unsigned lane_bits(uint64_t z)
{
    return (unsigned)(((z >> 7) * 0x0102040810204080ULL) >> 56);
}

static inline int64_t lane_count(uint64_t z)
{
    return (int64_t)(((z >> 7) * 0x0101010101010101ULL) >> 56);
}

XC_AVX512_BEGIN
static void compress_8_avx512(char *d, const char *s, const uint8_t *m,
                              int64_t n, int64_t cnt)
{
    int64_t i = 0, k = 0;
    for (; i + 8 <= n && k + 8 <= cnt; i += 8) {
        uint64_t w, z;
        memcpy(&w, m + i, 8);
        z = nz_bytes(w);
        __m512d v = _mm512_loadu_pd((const double *)(s + i * 8));
        _mm512_storeu_pd((double *)(d + k * 8),
                         _mm512_maskz_compress_pd((__mmask8)lane_bits(z), v));
        k += lane_count(z);
    }
    for (; i < n && k < cnt; i++)
        if (m[i]) {
            memcpy(d + k * 8, s + i * 8, 8);
            k++;
        }
}

static void compress_4_avx512(char *d, const char *s, const uint8_t *m,
                              int64_t n, int64_t cnt)
{
    int64_t i = 0, k = 0;
    for (; i + 16 <= n && k + 16 <= cnt; i += 16) {
        uint64_t w0, w1, z0, z1;
        memcpy(&w0, m + i, 8);
        memcpy(&w1, m + i + 8, 8);
        z0 = nz_bytes(w0);
        z1 = nz_bytes(w1);
        __mmask16 b = (__mmask16)(lane_bits(z0) | lane_bits(z1) << 8);
        __m512 v = _mm512_loadu_ps((const float *)(s + i * 4));
        _mm512_storeu_ps((float *)(d + k * 4), _mm512_maskz_compress_ps(b, v));
        k += lane_count(z0) + lane_count(z1);
    }
    for (; i < n && k < cnt; i++)
        if (m[i]) {
            memcpy(d + k * 4, s + i * 4, 4);
            k++;
        }
}
XC_AVX512_END
#endif

/* a[mask], mask C-contiguous over view axes [0, mask->ndim) that step
** as one axis, rows after them contiguous, out C-contiguous of the
** view's dtype. Returns 0 when that is not the case. */
static int compress_get(const NdIndexPlan *p, NdArray *out)
{
    const NdArray *v = &p->view, *x = p->adv[0];
    int mk = x->ndim;
    size_t rb;
    if (mk < 1 || p->axis != 0 || out->dtype != v->dtype || !ND_ISC(out) ||
        !ND_ISC(x) || (rb = row_bytes(v, mk)) == 0)
        return 0;
    ptrdiff_t ss = v->strides[mk - 1];
    int64_t span = v->shape[mk - 1], n = nd_size(x), cnt = p->count;
    const uint8_t *m = (const uint8_t *)x->data;
    for (int j = mk - 2; j >= 0; j--) {
        if (v->shape[j] != 1 && v->strides[j] != ss * span)
            return 0;
        span *= v->shape[j];
    }
#if ND_AVX2
    if ((rb == 8 || rb == 4) && ss == (ptrdiff_t)rb && nd_copy_simd(-1) >= 2) {
        if (rb == 8)
            compress_8_avx512(out->data, v->data, m, n, cnt);
        else
            compress_4_avx512(out->data, v->data, m, n, cnt);
        return 1;
    }
#endif
    switch (rb) {
    case 1: compress_1(out->data, v->data, ss, m, n, cnt); break;
    case 2: compress_2(out->data, v->data, ss, m, n, cnt); break;
    case 4: compress_4(out->data, v->data, ss, m, n, cnt); break;
    case 8: compress_8(out->data, v->data, ss, m, n, cnt); break;
    case 16: compress_16(out->data, v->data, ss, m, n, cnt); break;
    default: compress_rows(rb, out->data, v->data, ss, m, n, cnt); break;
    }
    return 1;
}

NdError nd_index_get(const NdIndexPlan *plan, NdArray *out, NdErr *e)
{
    NdError err;
    if (plan->nadv == 0)
        return nd_assign(out, &plan->view, e);
    if (plan->unchecked) {
        if (take_get(plan, out, e, &err))
            return err;
        if ((err = check_int_array(plan->adv[0], 0, plan->view.shape[0],
                                   e)))
            return err;
    }
    if (nd_size(out) == 0)
        return ND_OK;
    if (plan->is_mask) {
        if (!compress_get(plan, out))
            mask_walk(plan, out, 0);
    } else {
        fancy_walk(plan, out, 0);
    }
    return ND_OK;
}

NdError nd_index_set(const NdIndexPlan *plan, const NdArray *value,
                     NdErr *e)
{
    NdArray b;
    NdError err;
    if (plan->nadv == 0) {
        NdArray v = plan->view;
        return nd_assign(&v, value, e);
    }
    if (plan->unchecked &&
        (err = check_int_array(plan->adv[0], 0, plan->view.shape[0], e)))
        return err;
    if (nd_broadcast_to(&b, value, plan->ndim, plan->shape, NULL)) {
        char b1[300], b2[300];
        if (plan->is_mask && value->ndim == 1 && plan->ndim == 1)
            return nd_fail(e, ND_EVALUE,
                           "NumPy boolean array indexing assignment cannot "
                           "assign %lld input values to the %lld output "
                           "values where the mask is true",
                           (long long)value->shape[0],
                           (long long)plan->count);
        nd_shape_str(b1, sizeof b1, value->ndim, value->shape);
        nd_shape_str(b2, sizeof b2, plan->ndim, plan->shape);
        return nd_fail(e, ND_EVALUE,
                       "shape mismatch: value array of shape %s could not "
                       "be broadcast to indexing result of shape %s",
                       b1, b2);
    }
    if (nd_size(&b) == 0)
        return ND_OK;
    if (plan->is_mask)
        mask_walk(plan, &b, 1);
    else
        fancy_walk(plan, &b, 1);
    return ND_OK;
}
