/*
** lnd_linalg.c - `nd.linalg`: numpy.linalg for the Lua binding.
**
** NumPy 1.24 computes every linalg function in float64 or complex128 (its
** _commonType: "in lite version, use higher precision") and casts the
** result to float32/complex64 when all inputs were single precision; so
** do we: one contiguous float64/complex128 copy, the nd_linalg call per
** matrix of a stack, then the cast. Outputs and workspaces are userdata
** allocated before the calls, so errors leak nothing. norm is Lua over nd.
*/
#include <float.h>
#include <lauxlib.h>
#include <lua.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lnd.h"
#include "nd_linalg.h"

static int fail(lua_State *L, NdError code, const NdErr *e)
{
    return lnd_raise(L, nd_error_name(code), e->msg);
}

/* What pyprep cannot answer as NumPy does is refused, never guessed: the
** py runtime (py_rtnp.lua) turns this error type into its refusal. */
static int refuse(lua_State *L, const char *what)
{
    return lnd_raise(L, "pyprep.refuse", what);
}

#define TRY(x)                                                             \
    do {                                                                   \
        NdError rc_ = (x);                                                 \
        if (rc_)                                                           \
            return fail(L, rc_, &err);                                     \
    } while (0)

static void *work(lua_State *L, size_t n)
{
    return lua_newuserdatauv(L, n ? n : 8, 0);
}

/* Index of the call's nd.KW table (its last argument when it has
** keywords), found by scanning, so values pushed since do not hide it;
** 0 if none. Positional arguments are never KW tables. */
static int kwtable(lua_State *L)
{
    int top = lua_gettop(L), i, kw = 0;
    luaL_getmetatable(L, "nd.KW");
    for (i = 1; i <= top && !kw; i++)
        if (lua_type(L, i) == LUA_TTABLE && lua_getmetatable(L, i)) {
            kw = lua_rawequal(L, -1, -2) ? i : 0;
            lua_pop(L, 1);
        }
    lua_pop(L, 1);
    return kw;
}

/* Argument pos or keyword name: its index (a keyword's value is pushed),
** or 0 if absent or None. */
static int opt(lua_State *L, int pos, const char *name)
{
    int kw = kwtable(L), np = kw ? kw - 1 : lua_gettop(L);
    if (pos <= np) {
        if (lua_type(L, pos) == LUA_TLIGHTUSERDATA && !lua_touserdata(L, pos))
            return 0;
        return pos;
    }
    if (kw) {
        if (lua_getfield(L, kw, name) != LUA_TNIL &&
            !(lua_type(L, -1) == LUA_TLIGHTUSERDATA &&
              !lua_touserdata(L, -1)))
            return lua_gettop(L);
        lua_pop(L, 1);
    }
    return 0;
}

/* Whether argument pos or keyword name was passed at all (even None). */
static int given(lua_State *L, int pos, const char *name)
{
    int kw = kwtable(L), np = kw ? kw - 1 : lua_gettop(L), r = 0;
    if (pos <= np)
        return 1;
    if (kw) {
        r = lua_getfield(L, kw, name) != LUA_TNIL;
        lua_pop(L, 1);
    }
    return r;
}

/* A Python truth value (bool or int) at i, or def when absent. */
static int opt_bool(lua_State *L, int pos, const char *name, int def)
{
    int i = opt(L, pos, name);
    if (!i)
        return def;
    if (lua_type(L, i) == LUA_TNUMBER)
        return lua_tonumber(L, i) != 0;
    return lua_toboolean(L, i);
}

/* ---- operands ------------------------------------------------------- */

/* The argument at idx as a C-contiguous array of dtype t, pushed: itself
** when it already is one (the nd_linalg calls only read it), else a
** copy. NumPy copies once, into Fortran order; so do the nd_linalg
** calls, and a second copy here cost solve(256) ~10%. */
static NdArray *contig(lua_State *L, int idx, NdDType t)
{
    NdArray *a = lnd_toarray(L, idx);
    if (a && a->dtype == t && (a->flags & ND_C_CONTIGUOUS)) {
        lua_pushvalue(L, idx);
        return a;
    }
    return lnd_tocontig(L, idx, t);
}

/* One linalg operand: a contiguous float64 or complex128 copy (on the
** stack), its stack of matrices and NumPy's result dtype. */
typedef struct {
    NdArray *a;
    int cplx;  /* compute with the z routines */
    NdDType rt; /* result dtype: float32/64, complex64/128 */
    int bnd;    /* batch dims (ndim - 2) */
    int64_t nb; /* matrices in the stack */
    size_t m, n;
} Mat;

/* NumPy's _commonType over the operands at idx[0..count): complex if any
** is complex; single precision only if all are float32/complex64;
** float16 is refused by NumPy itself. */
static void common_type(lua_State *L, const int *idx, int count, Mat *M)
{
    int single = 1, cplx = 0, i;
    for (i = 0; i < count; i++) {
        NdArray *a = lnd_toarray(L, idx[i]);
        NdDType t = a ? a->dtype : ND_FLOAT64;
        char k = nd_dtype_kind(t);
        if (t == ND_FLOAT16)
            lnd_raise(L, "TypeError",
                      "array type float16 is unsupported in linalg");
        if (k == 'c')
            cplx = 1;
        if (t != ND_FLOAT32 && t != ND_COMPLEX64)
            single = 0;
    }
    M->cplx = cplx;
    M->rt = cplx ? (single ? ND_COMPLEX64 : ND_COMPLEX128)
                 : (single ? ND_FLOAT32 : ND_FLOAT64);
}

static NdDType real_of(NdDType t)
{
    return t == ND_COMPLEX64 ? ND_FLOAT32 : t == ND_COMPLEX128 ? ND_FLOAT64 : t;
}

/* The copy of argument idx; >= 2-d (NumPy's _assert_stacked_2d) and
** square when asked (_assert_stacked_square). */
static void get_mat(lua_State *L, int idx, Mat *M, int square)
{
    int i;
    M->a = contig(L, idx, M->cplx ? ND_COMPLEX128 : ND_FLOAT64);
    if (M->a->ndim < 2) {
        char msg[120];
        snprintf(msg, sizeof msg, "%d-dimensional array given. Array must "
                 "be at least two-dimensional", M->a->ndim);
        lnd_raise(L, "numpy.linalg.LinAlgError", msg);
    }
    M->bnd = M->a->ndim - 2;
    M->nb = 1;
    for (i = 0; i < M->bnd; i++)
        M->nb *= M->a->shape[i];
    M->m = (size_t)M->a->shape[M->bnd];
    M->n = (size_t)M->a->shape[M->bnd + 1];
    if (square && M->m != M->n) {
        NdErr err;
        nd_linalg_check_square((int64_t)M->m, (int64_t)M->n, &err);
        fail(L, ND_ELINALG, &err);
    }
}

/* One-operand setup: result type from argument 1, then its copy. */
static void setup(lua_State *L, Mat *M, int square)
{
    int one = 1;
    common_type(L, &one, 1, M);
    get_mat(L, 1, M, square);
}

/* Element size of the compute dtype. */
static size_t esz(const Mat *M)
{
    return M->cplx ? sizeof(nd_complex128) : sizeof(double);
}

/* Matrix q of the stack. */
static void *mat_at(const Mat *M, int64_t q)
{
    return M->a->data + (size_t)q * M->m * M->n * esz(M);
}

/* Item q of an output holding `per` elements per matrix. */
static void *out_at(const NdArray *o, int64_t q, size_t per)
{
    return o->data + (size_t)q * per * nd_dtype_size(o->dtype);
}

/* Push an output of shape batch + (c0[, c1]) (ncore core dims), complex
** when the computation is and `real` is 0. */
static NdArray *out_new(lua_State *L, const Mat *M, int real, int ncore,
                        int64_t c0, int64_t c1)
{
    int64_t shape[ND_MAXDIMS];
    int i;
    for (i = 0; i < M->bnd; i++)
        shape[i] = M->a->shape[i];
    if (ncore > 0)
        shape[i++] = c0;
    if (ncore > 1)
        shape[i++] = c1;
    return lnd_newarray(L, M->cplx && !real ? ND_COMPLEX128 : ND_FLOAT64, i,
                        shape);
}

/* Replace the array at idx by its cast to t (NumPy's astype at the end);
** 0-d results become NumPy scalars. */
static void cast_to(lua_State *L, int idx, NdDType t)
{
    NdErr err;
    NdArray *a = lnd_toarray(L, idx);
    idx = lua_absindex(L, idx);
    if (a->dtype != t) {
        NdArray *o = lnd_newarray(L, t, a->ndim, a->shape);
        if (nd_assign(o, a, &err))
            fail(L, ND_ETYPE, &err);
        lua_replace(L, idx);
        a = o;
    }
    if (a->ndim == 0)
        lnd_markscalar(L, idx);
}

/* Replace the top n values by a py tuple of them. */
static void push_tuple(lua_State *L, int n)
{
    int i;
    lua_createtable(L, n, 1);
    lua_insert(L, -n - 1);
    for (i = n; i >= 1; i--)
        lua_rawseti(L, -i - 1, i);
    lua_pushinteger(L, n);
    lua_setfield(L, -2, "n");
    luaL_newmetatable(L, "py.tuple");
    lua_setmetatable(L, -2);
}

/* ---- det, slogdet, inv, cholesky -------------------------------------- */

/* det, inv and cholesky: one n x n matrix in, one value (det) or one
** n x n matrix out, through the d or z routine. */
enum { SQ_DET, SQ_INV, SQ_CHOLESKY };

static size_t sq_worksize(int op, int cplx, size_t n)
{
    switch (op * 2 + cplx) {
    case SQ_DET * 2: return nd_linalg_det_worksize(n);
    case SQ_DET * 2 + 1: return nd_linalg_zdet_worksize(n);
    case SQ_INV * 2: return nd_linalg_inv_worksize(n);
    case SQ_INV * 2 + 1: return nd_linalg_zinv_worksize(n);
    case SQ_CHOLESKY * 2: return nd_linalg_cholesky_worksize(n);
    default: return nd_linalg_zcholesky_worksize(n);
    }
}

static NdError sq_call(int op, int cplx, size_t n, const void *a, void *out,
                       void *w, NdErr *err)
{
    switch (op * 2 + cplx) {
    case SQ_DET * 2: return nd_linalg_det(n, a, out, w, err);
    case SQ_DET * 2 + 1: return nd_linalg_zdet(n, a, out, w, err);
    case SQ_INV * 2: return nd_linalg_inv(n, a, out, w, err);
    case SQ_INV * 2 + 1: return nd_linalg_zinv(n, a, out, w, err);
    case SQ_CHOLESKY * 2: return nd_linalg_cholesky(n, a, out, w, err);
    default: return nd_linalg_zcholesky(n, a, out, w, err);
    }
}

static int square_op(lua_State *L, int op)
{
    NdErr err;
    Mat M;
    int64_t q;
    size_t per;
    setup(L, &M, 1);
    per = op == SQ_DET ? 1 : M.n * M.n;
    NdArray *o = op == SQ_DET
                     ? out_new(L, &M, 0, 0, 0, 0)
                     : out_new(L, &M, 0, 2, (int64_t)M.n, (int64_t)M.n);
    int oi = lua_gettop(L);
    void *w = work(L, sq_worksize(op, M.cplx, M.n));
    for (q = 0; q < M.nb; q++)
        TRY(sq_call(op, M.cplx, M.n, mat_at(&M, q), out_at(o, q, per), w,
                    &err));
    lua_settop(L, oi);
    cast_to(L, oi, M.rt);
    return 1;
}

static int l_det(lua_State *L)
{
    return square_op(L, SQ_DET);
}

static int l_inv(lua_State *L)
{
    return square_op(L, SQ_INV);
}

static int l_cholesky(lua_State *L)
{
    return square_op(L, SQ_CHOLESKY);
}

static int l_slogdet(lua_State *L)
{
    NdErr err;
    Mat M;
    int64_t q;
    setup(L, &M, 1);
    NdArray *s = out_new(L, &M, 0, 0, 0, 0);
    int si = lua_gettop(L);
    NdArray *l = out_new(L, &M, 1, 0, 0, 0);
    int li = lua_gettop(L);
    void *w = work(L, M.cplx ? nd_linalg_zdet_worksize(M.n)
                             : nd_linalg_det_worksize(M.n));
    for (q = 0; q < M.nb; q++) {
        if (M.cplx)
            TRY(nd_linalg_zslogdet(M.n, mat_at(&M, q), out_at(s, q, 1),
                                   out_at(l, q, 1), w, &err));
        else
            TRY(nd_linalg_slogdet(M.n, mat_at(&M, q), out_at(s, q, 1),
                                  out_at(l, q, 1), w, &err));
    }
    lua_settop(L, li);
    cast_to(L, si, M.rt);
    cast_to(L, li, real_of(M.rt));
    push_tuple(L, 2);
    return 1;
}

/* ---- solve, lstsq ----------------------------------------------------- */

/* Index into a stack of bnd batch dims (shape sh) of the broadcast
** batch element whose indices are idx[0..obnd) (right-aligned). */
static int64_t bcast_index(const int64_t *sh, int bnd, const int64_t *idx,
                           int obnd)
{
    int64_t q = 0;
    int i;
    for (i = 0; i < bnd; i++) {
        int64_t d = sh[i], k = idx[obnd - bnd + i];
        q = q * d + (d == 1 ? 0 : k);
    }
    return q;
}

/* NumPy's gufunc message for stacks that do not broadcast: each operand's
** shape, then its batch dims with one "newaxis" per output core dim, then
** the output's core shape; tuples without a trailing comma. */
static int solve_bcast_error(lua_State *L, const NdArray *a, int abnd,
                             const NdArray *b, int bbnd, int ncore,
                             int64_t m, int64_t n)
{
    char msg[600], sa[200], sb[200];
    size_t k = 0;
    const NdArray *ops[2] = {a, b};
    int bnds[2] = {abnd, bbnd}, o, i;
    nd_shape_str(sa, sizeof sa, a->ndim, a->shape);
    nd_shape_str(sb, sizeof sb, b->ndim, b->shape);
    k += (size_t)snprintf(msg, sizeof msg, "operands could not be broadcast "
                          "together with remapped shapes "
                          "[original->remapped]:");
    for (o = 0; o < 2 && k < sizeof msg; o++) {
        k += (size_t)snprintf(msg + k, sizeof msg - k, " %s->(",
                              o ? sb : sa);
        for (i = 0; i < bnds[o] && k < sizeof msg; i++)
            k += (size_t)snprintf(msg + k, sizeof msg - k, "%lld,",
                                  (long long)ops[o]->shape[i]);
        for (i = 0; i < ncore && k < sizeof msg; i++)
            k += (size_t)snprintf(msg + k, sizeof msg - k,
                                  i + 1 < ncore ? "newaxis," : "newaxis)");
    }
    if (k < sizeof msg) {
        if (ncore == 1)
            snprintf(msg + k, sizeof msg - k, "  and requested shape (%lld)",
                     (long long)m);
        else
            snprintf(msg + k, sizeof msg - k,
                     "  and requested shape (%lld,%lld)", (long long)m,
                     (long long)n);
    }
    return lnd_raise(L, "ValueError", msg);
}

/* solve(a, b): b is a stack of vectors when it has one dim fewer than a,
** else of matrices; the stacks broadcast against each other as NumPy's
** gufunc does. */
static int l_solve(lua_State *L)
{
    NdErr err;
    Mat M;
    int two[2] = {1, 2}, vec, i, bbnd, obnd;
    int64_t q, nout = 1, idx[ND_MAXDIMS] = {0}, shape[ND_MAXDIMS];
    size_t nrhs;
    common_type(L, two, 2, &M);
    get_mat(L, 1, &M, 1);
    NdArray *b = contig(L, 2, M.cplx ? ND_COMPLEX128 : ND_FLOAT64);
    vec = b->ndim == M.a->ndim - 1;
    if (!vec && b->ndim < 2) {
        char msg[200];
        snprintf(msg, sizeof msg, "solve: Input operand 1 does not have "
                 "enough dimensions (has %d, gufunc core with signature "
                 "(m,m),(m,n)->(m,n) requires 2)", b->ndim);
        return lnd_raise(L, "ValueError", msg);
    }
    bbnd = b->ndim - (vec ? 1 : 2);
    int64_t bn = b->shape[bbnd];
    if ((size_t)bn != M.n) {
        char msg[200];
        snprintf(msg, sizeof msg, "%s: Input operand 1 has a mismatch in "
                 "its core dimension 0, with gufunc signature %s (size %lld "
                 "is different from %lld)", vec ? "solve1" : "solve",
                 vec ? "(m,m),(m)->(m)" : "(m,m),(m,n)->(m,n)",
                 (long long)bn, (long long)M.n);
        return lnd_raise(L, "ValueError", msg);
    }
    obnd = M.bnd > bbnd ? M.bnd : bbnd;
    for (i = 0; i < obnd; i++) {
        int ia = i - (obnd - M.bnd), ib = i - (obnd - bbnd);
        int64_t da = ia >= 0 ? M.a->shape[ia] : 1;
        int64_t db = ib >= 0 ? b->shape[ib] : 1;
        if (da != db && da != 1 && db != 1)
            return solve_bcast_error(L, M.a, M.bnd, b, bbnd, vec ? 1 : 2,
                                     (int64_t)M.n, b->shape[b->ndim - 1]);
        shape[i] = da == 1 ? db : da;
        nout *= shape[i];
    }
    nrhs = vec ? 1 : (size_t)b->shape[b->ndim - 1];
    shape[obnd] = (int64_t)M.n;
    if (!vec)
        shape[obnd + 1] = (int64_t)nrhs;
    NdArray *o = lnd_newarray(L, b->dtype, obnd + (vec ? 1 : 2), shape);
    int oi = lua_gettop(L);
    void *w = work(L, M.cplx ? nd_linalg_zsolve_worksize(M.n, nrhs)
                             : nd_linalg_solve_worksize(M.n, nrhs));
    for (q = 0; q < nout; q++) {
        int64_t qa = bcast_index(M.a->shape, M.bnd, idx, obnd);
        int64_t qb = bcast_index(b->shape, bbnd, idx, obnd);
        void *bq = out_at(b, qb, M.n * nrhs), *xq = out_at(o, q, M.n * nrhs);
        if (M.cplx)
            TRY(nd_linalg_zsolve(M.n, nrhs, mat_at(&M, qa), bq, xq, w, &err));
        else
            TRY(nd_linalg_solve(M.n, nrhs, mat_at(&M, qa), bq, xq, w, &err));
        for (i = obnd - 1; i >= 0; i--) {
            if (++idx[i] < shape[i])
                break;
            idx[i] = 0;
        }
    }
    lua_settop(L, oi);
    cast_to(L, oi, M.rt);
    return 1;
}

/* lstsq(a, b, rcond="warn") -> (x, residuals, rank, s); 2-d only, as
** NumPy. rcond absent is NumPy 1.24's old default -1 (LAPACK's machine
** precision; NumPy also warns), None is eps * max(m, n). */
static int l_lstsq(lua_State *L)
{
    NdErr err;
    Mat M;
    int two[2] = {1, 2}, ri = opt(L, 3, "rcond");
    double rcond = -1;
    if (ri && lua_type(L, ri) == LUA_TNUMBER)
        rcond = lua_tonumber(L, ri);
    else if (ri && lua_type(L, ri) != LUA_TSTRING) /* "warn" is -1 */
        return refuse(L, "this rcond in np.linalg.lstsq");
    else if (!ri && given(L, 3, "rcond"))
        rcond = NAN; /* rcond=None */
    common_type(L, two, 2, &M);
    M.a = contig(L, 1, M.cplx ? ND_COMPLEX128 : ND_FLOAT64);
    NdArray *b = contig(L, 2, M.cplx ? ND_COMPLEX128 : ND_FLOAT64);
    /* NumPy makes a 1-d b a column first, then wants both 2-d */
    int bad = M.a->ndim != 2 ? M.a->ndim
              : (b->ndim != 1 && b->ndim != 2) ? b->ndim : -1;
    if (bad >= 0) {
        char msg[120];
        snprintf(msg, sizeof msg, "%d-dimensional array given. Array must "
                 "be two-dimensional", bad);
        return lnd_raise(L, "numpy.linalg.LinAlgError", msg);
    }
    if (b->shape[0] != M.a->shape[0])
        return lnd_raise(L, "numpy.linalg.LinAlgError",
                         "Incompatible dimensions");
    M.bnd = 0;
    M.nb = 1;
    size_t m = (size_t)M.a->shape[0], n = (size_t)M.a->shape[1];
    M.m = m;
    M.n = n;
    size_t nrhs = b->ndim == 2 ? (size_t)b->shape[1] : 1;
    int64_t xs[2] = {(int64_t)n, (int64_t)nrhs};
    int64_t k = (int64_t)(m < n ? m : n), nr = (int64_t)nrhs;
    NdArray *x = lnd_newarray(L, M.cplx ? ND_COMPLEX128 : ND_FLOAT64,
                              b->ndim, xs);
    int xi = lua_gettop(L);
    NdArray *res = lnd_newarray(L, ND_FLOAT64, 1, &nr);
    int resi = lua_gettop(L);
    NdArray *s = lnd_newarray(L, ND_FLOAT64, 1, &k);
    int si = lua_gettop(L);
    size_t nres = 0;
    int64_t rank = 0;
    void *w = work(L, M.cplx ? nd_linalg_zlstsq_worksize(m, n, nrhs)
                             : nd_linalg_lstsq_worksize(m, n, nrhs));
    if (M.cplx)
        TRY(nd_linalg_zlstsq(m, n, nrhs, mat_at(&M, 0), out_at(b, 0, 0),
                             rcond, out_at(x, 0, 0),
                             (double *)res->data, &nres, &rank,
                             (double *)s->data, w, &err));
    else
        TRY(nd_linalg_lstsq(m, n, nrhs, mat_at(&M, 0), out_at(b, 0, 0), rcond,
                            (double *)x->data, (double *)res->data, &nres,
                            &rank, (double *)s->data, w, &err));
    lua_settop(L, si);
    res->shape[0] = (int64_t)nres; /* empty unless full rank and m > n */
    nd_update_flags(res);
    cast_to(L, xi, M.rt);
    cast_to(L, resi, real_of(M.rt));
    cast_to(L, si, real_of(M.rt));
    lua_pushvalue(L, xi);
    lua_pushvalue(L, resi);
    NdArray *rk = lnd_newarray(L, ND_INT32, 0, NULL);
    *(int32_t *)rk->data = (int32_t)rank;
    lnd_markscalar(L, -1);
    lua_pushvalue(L, si);
    push_tuple(L, 4);
    return 1;
}

/* ---- eig, eigh -------------------------------------------------------- */

/* eig/eigvals: complex results unless the input is real and every
** eigenvalue of the stack is real (NumPy then returns real arrays). */
static int eig_impl(lua_State *L, int vectors)
{
    NdErr err;
    Mat M;
    int64_t q;
    int all_real = 1, one;
    size_t i, n;
    setup(L, &M, 1);
    n = M.n;
    TRY(nd_linalg_check_finite((const double *)M.a->data,
                               (size_t)M.nb * n * n * (M.cplx ? 2 : 1),
                               &err));
    Mat C = M;
    C.cplx = 1;
    NdArray *w = out_new(L, &C, 0, 1, (int64_t)n, 0);
    int wi = lua_gettop(L);
    NdArray *v = vectors ? out_new(L, &C, 0, 2, (int64_t)n, (int64_t)n)
                         : NULL;
    int vi = lua_gettop(L);
    void *ws = work(L, M.cplx ? nd_linalg_zeig_worksize(n, vectors)
                              : nd_linalg_eig_worksize(n, vectors));
    for (q = 0; q < M.nb; q++) {
        nd_complex128 *wq = out_at(w, q, n);
        nd_complex128 *vq = v ? out_at(v, q, n * n) : NULL;
        if (M.cplx) {
            TRY(nd_linalg_zeig(n, mat_at(&M, q), wq, vq, ws, &err));
            all_real = 0;
        } else {
            TRY(nd_linalg_eig(n, mat_at(&M, q), wq, vq, &one, ws, &err));
            all_real &= one;
        }
    }
    lua_settop(L, vi);
    if (all_real) {
        /* the real parts, as NumPy's w.real */
        NdArray *r = out_new(L, &M, 1, 1, (int64_t)n, 0);
        for (i = 0; i < (size_t)M.nb * n; i++)
            ((double *)r->data)[i] = ((nd_complex128 *)w->data)[i].re;
        lua_replace(L, wi);
        if (v) {
            r = out_new(L, &M, 1, 2, (int64_t)n, (int64_t)n);
            for (i = 0; i < (size_t)M.nb * n * n; i++)
                ((double *)r->data)[i] = ((nd_complex128 *)v->data)[i].re;
            lua_replace(L, vi);
        }
        cast_to(L, wi, real_of(M.rt));
        if (v)
            cast_to(L, vi, real_of(M.rt));
    } else {
        NdDType ct = M.rt == ND_FLOAT32 || M.rt == ND_COMPLEX64
                         ? ND_COMPLEX64 : ND_COMPLEX128;
        cast_to(L, wi, ct);
        if (v)
            cast_to(L, vi, ct);
    }
    if (!vectors)
        return 1;
    push_tuple(L, 2);
    return 1;
}

static int l_eig(lua_State *L)
{
    return eig_impl(L, 1);
}

static int l_eigvals(lua_State *L)
{
    return eig_impl(L, 0);
}

static int eigh_impl(lua_State *L, int vectors)
{
    NdErr err;
    Mat M;
    int64_t q;
    int upper = 0, ui = opt(L, 2, "UPLO");
    size_t n;
    if (ui) {
        const char *u = lua_tostring(L, ui);
        if (!u || (strcmp(u, "L") && strcmp(u, "U")))
            return lnd_raise(L, "ValueError",
                             "UPLO argument must be 'L' or 'U'");
        upper = u[0] == 'U';
    }
    setup(L, &M, 1);
    n = M.n;
    NdArray *w = out_new(L, &M, 1, 1, (int64_t)n, 0);
    int wi = lua_gettop(L);
    NdArray *v = vectors ? out_new(L, &M, 0, 2, (int64_t)n, (int64_t)n)
                         : NULL;
    int vi = lua_gettop(L);
    void *ws = work(L, M.cplx ? nd_linalg_zeigh_worksize(n, vectors)
                              : nd_linalg_eigh_worksize(n, vectors));
    for (q = 0; q < M.nb; q++) {
        double *wq = out_at(w, q, n);
        void *vq = v ? out_at(v, q, n * n) : NULL;
        if (M.cplx)
            TRY(nd_linalg_zeigh(n, mat_at(&M, q), upper, wq, vq, ws, &err));
        else
            TRY(nd_linalg_eigh(n, mat_at(&M, q), upper, wq, vq, ws, &err));
    }
    lua_settop(L, vi);
    cast_to(L, wi, real_of(M.rt));
    if (!vectors)
        return 1;
    cast_to(L, vi, M.rt);
    push_tuple(L, 2);
    return 1;
}

static int l_eigh(lua_State *L)
{
    return eigh_impl(L, 1);
}

static int l_eigvalsh(lua_State *L)
{
    return eigh_impl(L, 0);
}

/* ---- svd and what is built on it -------------------------------------- */

static int l_svd(lua_State *L)
{
    NdErr err;
    Mat M;
    int64_t q;
    int full = opt_bool(L, 2, "full_matrices", 1);
    int uv = opt_bool(L, 3, "compute_uv", 1);
    if (opt_bool(L, 4, "hermitian", 0))
        return refuse(L, "np.linalg.svd(..., hermitian=True)");
    setup(L, &M, 0);
    size_t m = M.m, n = M.n, k = m < n ? m : n;
    size_t uc = full ? m : k, vr = full ? n : k;
    NdArray *u = uv ? out_new(L, &M, 0, 2, (int64_t)m, (int64_t)uc) : NULL;
    int ui = lua_gettop(L);
    NdArray *s = out_new(L, &M, 1, 1, (int64_t)k, 0);
    int si = lua_gettop(L);
    NdArray *vt = uv ? out_new(L, &M, 0, 2, (int64_t)vr, (int64_t)n) : NULL;
    int vi = lua_gettop(L);
    void *w = work(L, M.cplx ? nd_linalg_zsvd_worksize(m, n, uv, full)
                             : nd_linalg_svd_worksize(m, n, uv, full));
    for (q = 0; q < M.nb; q++) {
        void *uq = uv ? out_at(u, q, m * uc) : NULL;
        void *vq = uv ? out_at(vt, q, vr * n) : NULL;
        if (M.cplx)
            TRY(nd_linalg_zsvd(m, n, mat_at(&M, q), out_at(s, q, k), uq, vq,
                               full, w, &err));
        else
            TRY(nd_linalg_svd(m, n, mat_at(&M, q), out_at(s, q, k), uq, vq,
                              full, w, &err));
    }
    lua_settop(L, vi);
    cast_to(L, si, real_of(M.rt));
    if (!uv)
        return 1;
    cast_to(L, ui, M.rt);
    cast_to(L, vi, M.rt);
    lua_pushvalue(L, ui);
    lua_pushvalue(L, si);
    lua_pushvalue(L, vi);
    push_tuple(L, 3);
    return 1;
}

/* Singular values of matrix q into s (k doubles), values only. */
static NdError svdvals(const Mat *M, int64_t q, double *s, void *w,
                       NdErr *err)
{
    if (M->cplx)
        return nd_linalg_zsvd(M->m, M->n, mat_at(M, q), s, NULL, NULL, 0, w,
                              err);
    return nd_linalg_svd(M->m, M->n, mat_at(M, q), s, NULL, NULL, 0, w, err);
}

/* matrix_rank(A, tol=None, hermitian=False). In single precision NumPy
** compares float32 singular values against a float32 tolerance
** (S.max() * max(M, N) * eps32), so that arithmetic is done in float. */
static int l_matrix_rank(lua_State *L)
{
    NdErr err;
    Mat M;
    int one = 1, ti = opt(L, 2, "tol");
    int64_t q;
    size_t i;
    double tol = -1;
    if (opt_bool(L, 3, "hermitian", 0))
        return refuse(L, "np.linalg.matrix_rank(..., hermitian=True)");
    if (ti && lua_type(L, ti) != LUA_TNUMBER)
        return refuse(L, "a non-scalar tol in np.linalg.matrix_rank");
    if (ti)
        tol = lua_tonumber(L, ti);
    common_type(L, &one, 1, &M);
    NdArray *a = contig(L, 1, M.cplx ? ND_COMPLEX128 : ND_FLOAT64);
    if (a->ndim < 2) {
        /* NumPy: int(not all(M == 0)) */
        int nz = 0;
        size_t cnt = (size_t)nd_size(a) * (M.cplx ? 2 : 1);
        for (i = 0; i < cnt; i++)
            nz |= ((double *)a->data)[i] != 0;
        lua_pushinteger(L, nz);
        return 1;
    }
    lua_pop(L, 1);
    get_mat(L, 1, &M, 0);
    size_t k = M.m < M.n ? M.m : M.n, mx = M.m > M.n ? M.m : M.n;
    if (k == 0 && M.nb > 0 && !ti) /* S.max() of no singular values */
        return lnd_raise(L, "ValueError", "zero-size array to reduction "
                         "operation maximum which has no identity");
    int single = M.rt == ND_FLOAT32 || M.rt == ND_COMPLEX64;
    Mat R = M;
    R.cplx = 0;
    NdArray *o = out_new(L, &R, 1, 0, 0, 0);
    int oi = lua_gettop(L);
    o->dtype = ND_INT64; /* same size as the float64 it was made as */
    int64_t *rank = (int64_t *)o->data;
    double *s = work(L, k * sizeof(double));
    void *w = work(L, M.cplx ? nd_linalg_zsvd_worksize(M.m, M.n, 0, 0)
                             : nd_linalg_svd_worksize(M.m, M.n, 0, 0));
    for (q = 0; q < M.nb; q++) {
        TRY(svdvals(&M, q, s, w, &err));
        rank[q] = 0;
        if (single) {
            float smax = 0, t;
            for (i = 0; i < k; i++)
                if ((float)s[i] > smax || i == 0)
                    smax = (float)s[i];
            t = ti ? (float)tol : smax * (float)mx * FLT_EPSILON;
            for (i = 0; i < k; i++)
                rank[q] += (float)s[i] > t;
        } else {
            double smax = 0, t;
            for (i = 0; i < k; i++)
                if (s[i] > smax || i == 0)
                    smax = s[i];
            t = ti ? tol : smax * (double)mx * DBL_EPSILON;
            for (i = 0; i < k; i++)
                rank[q] += s[i] > t;
        }
    }
    lua_settop(L, oi);
    if (M.bnd == 0)
        lnd_markscalar(L, oi);
    return 1;
}

/* pinv in float32: NumPy casts the float64 SVD to float32 and does the
** rest - cutoff, reciprocals, s * u.T, vt.T @ that (sgemm) - in float. */
static void pinv_single(size_t m, size_t n, const double *ud, double *sd,
                        const double *vd, float *out, void *scratch,
                        float rcond)
{
    size_t k = m < n ? m : n, i, j;
    float *t = scratch, *vt = t + k * m, smax = 0, cutoff;
    for (i = 0; i < k; i++)
        if ((float)sd[i] > smax || i == 0)
            smax = (float)sd[i];
    cutoff = rcond * smax;
    for (i = 0; i < k * n; i++)
        vt[i] = (float)vd[i];
    for (i = 0; i < k; i++) {
        float si = (float)sd[i];
        si = si > cutoff ? 1.0f / si : 0.0f;
        for (j = 0; j < m; j++)
            t[i * m + j] = si * (float)ud[j * k + i];
    }
    nd_blas_gemm(1, 1, 0, (int)n, (int)m, (int)k, vt, (int)n, t, (int)m, out,
                 (int)m);
}

static int l_pinv(lua_State *L)
{
    NdErr err;
    Mat M;
    int64_t q;
    int ri = opt(L, 2, "rcond");
    double rcond = 1e-15;
    if (opt_bool(L, 3, "hermitian", 0))
        return refuse(L, "np.linalg.pinv(..., hermitian=True)");
    if (ri && lua_type(L, ri) != LUA_TNUMBER)
        return refuse(L, "a non-scalar rcond in np.linalg.pinv");
    if (ri)
        rcond = lua_tonumber(L, ri);
    setup(L, &M, 0);
    if (M.rt == ND_COMPLEX64)
        return refuse(L, "np.linalg.pinv of complex64 matrices");
    size_t m = M.m, n = M.n, k = m < n ? m : n;
    if (k == 0)
        return refuse(L, "np.linalg.pinv of an empty matrix");
    if (M.rt == ND_FLOAT32) {
        int64_t shape[ND_MAXDIMS];
        memcpy(shape, M.a->shape, sizeof shape);
        shape[M.bnd] = (int64_t)n;
        shape[M.bnd + 1] = (int64_t)m;
        NdArray *o = lnd_newarray(L, ND_FLOAT32, M.a->ndim, shape);
        int oi = lua_gettop(L);
        double *u = work(L, (m * k + k + k * n) * sizeof(double));
        double *s = u + m * k, *vt = s + k;
        void *t = work(L, (k * m + k * n) * sizeof(float));
        void *w = work(L, nd_linalg_svd_worksize(m, n, 1, 0));
        for (q = 0; q < M.nb; q++) {
            TRY(nd_linalg_svd(m, n, mat_at(&M, q), s, u, vt, 0, w, &err));
            pinv_single(m, n, u, s, vt, out_at(o, q, m * n), t,
                        (float)rcond);
        }
        lua_settop(L, oi);
        return 1;
    }
    Mat T = M;
    NdArray *o = out_new(L, &T, 0, 2, (int64_t)n, (int64_t)m);
    int oi = lua_gettop(L);
    void *w = work(L, M.cplx ? nd_linalg_zpinv_worksize(m, n)
                             : nd_linalg_pinv_worksize(m, n));
    for (q = 0; q < M.nb; q++) {
        if (M.cplx)
            TRY(nd_linalg_zpinv(m, n, mat_at(&M, q), rcond,
                                out_at(o, q, m * n), w, &err));
        else
            TRY(nd_linalg_pinv(m, n, mat_at(&M, q), rcond,
                               out_at(o, q, m * n), w, &err));
    }
    lua_settop(L, oi);
    return 1;
}

/* qr(a, mode='reduced'|'complete'|'r'); 'raw' is refused. */
static int l_qr(lua_State *L)
{
    NdErr err;
    Mat M;
    int64_t q;
    int mi = opt(L, 2, "mode"), complete = 0, ronly = 0;
    if (mi) {
        const char *mode = lua_tostring(L, mi);
        if (mode && !strcmp(mode, "complete"))
            complete = 1;
        else if (mode && !strcmp(mode, "r"))
            ronly = 1;
        else if (mode && !strcmp(mode, "raw"))
            return refuse(L, "np.linalg.qr(..., mode='raw')");
        else if (!mode || strcmp(mode, "reduced")) {
            char msg[120];
            snprintf(msg, sizeof msg, "Unrecognized mode '%s'",
                     mode ? mode : "?");
            return lnd_raise(L, "ValueError", msg);
        }
    }
    setup(L, &M, 0);
    size_t m = M.m, n = M.n, k = m < n ? m : n, mc = complete ? m : k;
    NdArray *qa = out_new(L, &M, 0, 2, (int64_t)m, (int64_t)mc);
    int qi = lua_gettop(L);
    NdArray *r = out_new(L, &M, 0, 2, (int64_t)mc, (int64_t)n);
    int ri = lua_gettop(L);
    void *w = work(L, M.cplx ? nd_linalg_zqr_worksize(m, n, complete)
                             : nd_linalg_qr_worksize(m, n, complete));
    for (q = 0; q < M.nb; q++) {
        void *qq = out_at(qa, q, m * mc), *rq = out_at(r, q, mc * n);
        if (M.cplx)
            TRY(nd_linalg_zqr(m, n, mat_at(&M, q), complete, qq, rq, w,
                              &err));
        else
            TRY(nd_linalg_qr(m, n, mat_at(&M, q), complete, qq, rq, w, &err));
    }
    lua_settop(L, ri);
    cast_to(L, qi, M.rt);
    cast_to(L, ri, M.rt);
    if (ronly)
        return 1;
    push_tuple(L, 2);
    return 1;
}

/* ---- norm, cond, matrix_power, multi_dot ------------------------------ */

/* NumPy 1.24's Python functions, step by step over nd's own operations
** (dot, matmul, abs, sum, max, power, sqrt) and this module's svd and
** inv, so each case makes NumPy's sequence of roundings and raises its
** errors. norm(x, ord=None, axis=None, keepdims=False): complex input is
** done for the flattened 2-norm (two strided dots, as NumPy); elsewhere
** NumPy uses its SIMD complex abs, which is refused. cond(x, p=None): a
** singular matrix with p other than None/2/-2 is refused (NumPy inverts
** with errors ignored and reads the NaNs). multi_dot orders 3 arrays by
** cost and more by NumPy's chain-order table. */
static const char LINALG_LUA[] =
    "local nd, lib, NONE, raise, refuse = ...\n"
    "local svd = lib.svd\n"
    "local type, mtype, select = type, math.type, select\n"
    "local getmetatable, pcall, error = getmetatable, pcall, error\n"
    "local inf = math.huge\n"
    "local KW = getmetatable(nd.kw{})\n"
    "local function seq(t) return t.n or #t end\n"
    "local function flat_k(x)\n"
    "  -- ravel(order='K'): memory order, negative strides flipped\n"
    "  local nd_ = x.ndim\n"
    "  local st = x.strides\n"
    "  local perm, flip = {}, {}\n"
    "  for i = 1, nd_ do perm[i] = i - 1 end\n"
    "  local any = false\n"
    "  for i = 1, nd_ do\n"
    "    local s = st[i]\n"
    "    if s < 0 then flip[i] = nd.slice(NONE, NONE, -1); any = true\n"
    "    else flip[i] = nd.slice(NONE, NONE, NONE) end\n"
    "  end\n"
    "  if any then\n"
    "    x = nd.getitem(x, table.unpack(flip, 1, nd_)); st = x.strides\n"
    "  end\n"
    "  table.sort(perm, function(a, b)\n"
    "    local sa, sb = st[a + 1], st[b + 1]\n"
    "    if sa ~= sb then return sa > sb end\n"
    "    return a < b end)\n"
    "  perm.n = nd_\n"
    "  return nd.ravel(nd.transpose(x, perm))\n"
    "end\n"
    "-- positional arguments and the trailing nd.KW table of a call\n"
    "local function args_of(...)\n"
    "  local n = select('#', ...)\n"
    "  local args = {...}\n"
    "  local kw = n > 0 and getmetatable(args[n]) == KW and args[n] or nil\n"
    "  if kw then n = n - 1 end\n"
    "  return args, n, kw\n"
    "end\n"
    "local AXERR = \"'axis' must be None, an integer or a tuple of integers\"\n"
    "lib.norm = function(...)\n"
    "  local args, n, kw = args_of(...)\n"
    "  local x, ord, axis, keep\n"
    "  x = args[1]\n"
    "  if n >= 2 then ord = args[2] end\n"
    "  if n >= 3 then axis = args[3] end\n"
    "  if n >= 4 then keep = args[4] end\n"
    "  if kw then\n"
    "    if kw.ord ~= nil then ord = kw.ord end\n"
    "    if kw.axis ~= nil then axis = kw.axis end\n"
    "    if kw.keepdims ~= nil then keep = kw.keepdims end\n"
    "  end\n"
    "  if ord == NONE then ord = nil end\n"
    "  if axis == NONE then axis = nil end\n"
    "  keep = keep ~= nil and keep ~= NONE and keep ~= false and keep ~= 0\n"
    "  if nd.isarray(ord) then ord = nd.item(ord) end\n"
    "  x = nd.asarray(x)\n"
    "  local kind = x.dtype.kind\n"
    "  if kind ~= 'f' and kind ~= 'c' then\n"
    "    x = x:astype('float64'); kind = 'f'\n"
    "  end\n"
    "  local dt = x.dtype.name\n"
    "  local ndim = x.ndim\n"
    "  if axis == nil and (ord == nil or ((ord == 'f' or ord == 'fro')\n"
    "      and ndim == 2) or (ord == 2 and ndim == 1)) then\n"
    "    x = flat_k(x)\n"
    "    local sq\n"
    "    if kind == 'c' then\n"
    "      local re, im = x.real, x.imag\n"
    "      sq = nd.add(nd.dot(re, re), nd.dot(im, im))\n"
    "    else\n"
    "      sq = nd.dot(x, x)\n"
    "    end\n"
    "    local r = nd.sqrt(sq)\n"
    "    if keep then\n"
    "      local sh = {n = ndim}\n"
    "      for i = 1, ndim do sh[i] = 1 end\n"
    "      r = nd.reshape(r, sh)\n"
    "    end\n"
    "    return r\n"
    "  end\n"
    "  if kind == 'c' then\n"
    "    refuse('np.linalg.norm of complex arrays with an ord or axis')\n"
    "  end\n"
    "  if axis == nil then\n"
    "    axis = {n = ndim}\n"
    "    for i = 1, ndim do axis[i] = i - 1 end\n"
    "  elseif type(axis) ~= 'table' then\n"
    "    -- NumPy: int(axis), so 1.5 is axis 1\n"
    "    if nd.isarray(axis) then axis = nd.item(axis) end\n"
    "    if type(axis) == 'boolean' then axis = axis and 1 or 0 end\n"
    "    if mtype(axis) == 'float' and axis == axis and axis ~= inf\n"
    "        and axis ~= -inf then\n"
    "      axis = axis < 0 and -((-axis) // 1) or axis // 1\n"
    "      axis = math.tointeger(axis)\n"
    "    end\n"
    "    if mtype(axis) ~= 'integer' then\n"
    "      raise('TypeError', AXERR)\n"
    "    end\n"
    "    axis = {axis, n = 1}\n"
    "  end\n"
    "  local na = seq(axis)\n"
    "  if na == 1 then\n"
    "    local ax = axis[1]\n"
    "    local k = nd.kw{axis = ax, keepdims = keep}\n"
    "    if ord == inf then return nd.max(nd.abs(x), k)\n"
    "    elseif ord == -inf then return nd.min(nd.abs(x), k)\n"
    "    elseif ord == 0 then\n"
    "      return nd.sum(nd.ne(x, 0):astype(dt), k)\n"
    "    elseif ord == 1 then return nd.sum(nd.abs(x), k)\n"
    "    elseif ord == nil or ord == 2 then\n"
    "      return nd.sqrt(nd.sum(nd.multiply(x, x), k))\n"
    "    elseif type(ord) == 'string' then\n"
    "      raise('ValueError', \"Invalid norm order '\" .. ord ..\n"
    "        \"' for vectors\")\n"
    "    end\n"
    "    local absx = nd.abs(x)\n"
    "    absx = nd.power(absx, ord, nd.kw{out = absx})\n"
    "    local r = nd.sum(absx, k)\n"
    "    local D = nd[dt]\n"
    "    return nd.power(r, nd.true_divide(D(1), D(ord)))\n"
    "  elseif na == 2 then\n"
    "    local r, c = axis[1], axis[2]\n"
    "    if mtype(r) ~= 'integer' or mtype(c) ~= 'integer' then\n"
    "      raise('TypeError', AXERR)\n"
    "    end\n"
    "    if r < -ndim or r >= ndim then\n"
    "      raise('numpy.AxisError', 'axis ' .. r ..\n"
    "      ' is out of bounds for array of dimension ' .. ndim) end\n"
    "    if c < -ndim or c >= ndim then\n"
    "      raise('numpy.AxisError', 'axis ' .. c ..\n"
    "      ' is out of bounds for array of dimension ' .. ndim) end\n"
    "    if r < 0 then r = r + ndim end\n"
    "    if c < 0 then c = c + ndim end\n"
    "    if r == c then raise('ValueError', 'Duplicate axes given.') end\n"
    "    local ret\n"
    "    local function svdn(how)\n"
    "      local perm, j = {n = ndim}, 0\n"
    "      for i = 0, ndim - 1 do\n"
    "        if i ~= r and i ~= c then j = j + 1; perm[j] = i end\n"
    "      end\n"
    "      perm[ndim - 1], perm[ndim] = r, c\n"
    "      local s = svd(nd.transpose(x, perm), nd.kw{compute_uv = false})\n"
    "      return how(s, nd.kw{axis = -1})\n"
    "    end\n"
    "    if ord == 2 then ret = svdn(nd.max)\n"
    "    elseif ord == -2 then ret = svdn(nd.min)\n"
    "    elseif ord == 1 or ord == -1 then\n"
    "      local cc = c > r and c - 1 or c\n"
    "      local s = nd.sum(nd.abs(x), nd.kw{axis = r})\n"
    "      ret = (ord == 1 and nd.max or nd.min)(s, nd.kw{axis = cc})\n"
    "    elseif ord == inf or ord == -inf then\n"
    "      local rr = r > c and r - 1 or r\n"
    "      local s = nd.sum(nd.abs(x), nd.kw{axis = c})\n"
    "      ret = (ord == inf and nd.max or nd.min)(s, nd.kw{axis = rr})\n"
    "    elseif ord == nil or ord == 'fro' or ord == 'f' then\n"
    "      local k = nd.kw{axis = {r, c, n = 2}}\n"
    "      ret = nd.sqrt(nd.sum(nd.multiply(x, x), k))\n"
    "    elseif ord == 'nuc' then ret = svdn(nd.sum)\n"
    "    else raise('ValueError', 'Invalid norm order for matrices.') end\n"
    "    if keep then\n"
    "      local sh = {n = ndim}\n"
    "      local shp = x.shape\n"
    "      for i = 1, ndim do sh[i] = shp[i] end\n"
    "      sh[r + 1], sh[c + 1] = 1, 1\n"
    "      ret = nd.reshape(ret, sh)\n"
    "    end\n"
    "    return ret\n"
    "  end\n"
    "  raise('ValueError', 'Improper number of dimensions to norm.')\n"
    "end\n"
    "local function stacked_square(a)\n"
    "  local nd_ = a.ndim\n"
    "  if nd_ < 2 then raise('numpy.linalg.LinAlgError', nd_ ..\n"
    "    '-dimensional array given. Array must be at least two-dimensional')\n"
    "  end\n"
    "  local sh = a.shape\n"
    "  if sh[nd_ - 1] ~= sh[nd_] then raise('numpy.linalg.LinAlgError',\n"
    "    'Last 2 dimensions of the array must be square') end\n"
    "end\n"
    "lib.matrix_power = function(...)\n"
    "  local args, _, kw = args_of(...)\n"
    "  local a, n = nd.asarray(args[1]), args[2]\n"
    "  if kw and kw.n ~= nil then n = kw.n end\n"
    "  stacked_square(a)\n"
    "  if nd.isarray(n) and nd.isscalar(n) then n = nd.item(n) end\n"
    "  if type(n) == 'boolean' then n = n and 1 or 0 end\n"
    "  if mtype(n) ~= 'integer' then\n"
    "    raise('TypeError', 'exponent must be an integer')\n"
    "  end\n"
    "  local mm = nd.matmul\n"
    "  if n == 0 then\n"
    "    local r = nd.empty_like(a)\n"
    "    local sh = a.shape\n"
    "    nd.setitem(r, nd.eye(sh[sh.n], nd.kw{dtype = a.dtype}), nd.Ellipsis)\n"
    "    return r\n"
    "  elseif n < 0 then\n"
    "    a = lib.inv(a); n = -n\n"
    "  end\n"
    "  if n == 1 then return a\n"
    "  elseif n == 2 then return mm(a, a)\n"
    "  elseif n == 3 then return mm(mm(a, a), a) end\n"
    "  local z, result\n"
    "  while n > 0 do\n"
    "    z = z == nil and a or mm(z, z)\n"
    "    local bit = n % 2\n"
    "    n = n // 2\n"
    "    if bit == 1 then result = result == nil and z or mm(result, z) end\n"
    "  end\n"
    "  return result\n"
    "end\n"
    "lib.multi_dot = function(...)\n"
    "  local args, _, kw = args_of(...)\n"
    "  if kw and kw.out ~= nil and kw.out ~= NONE then\n"
    "    refuse('np.linalg.multi_dot(..., out=...)')\n"
    "  end\n"
    "  local seqa = args[1]\n"
    "  if type(seqa) ~= 'table' then\n"
    "    refuse('np.linalg.multi_dot of this argument')\n"
    "  end\n"
    "  local n = seq(seqa)\n"
    "  if n < 2 then\n"
    "    raise('ValueError', 'Expecting at least two arrays.')\n"
    "  end\n"
    "  if n == 2 then return nd.dot(seqa[1], seqa[2]) end\n"
    "  local A = {}\n"
    "  for i = 1, n do A[i] = nd.asarray(seqa[i]) end\n"
    "  local nf, nl = A[1].ndim, A[n].ndim\n"
    "  if nf == 1 then A[1] = nd.reshape(A[1], {1, A[1].size, n = 2}) end\n"
    "  if nl == 1 then A[n] = nd.reshape(A[n], {A[n].size, 1, n = 2}) end\n"
    "  for i = 1, n do\n"
    "    if A[i].ndim ~= 2 then raise('numpy.linalg.LinAlgError', A[i].ndim\n"
    "      .. '-dimensional array given. Array must be two-dimensional') end\n"
    "  end\n"
    "  local r\n"
    "  if n == 3 then\n"
    "    local a0, a1b0 = A[1].shape[1], A[1].shape[2]\n"
    "    local b1c0, c1 = A[3].shape[1], A[3].shape[2]\n"
    "    if a0 * b1c0 * (a1b0 + c1) < a1b0 * c1 * (a0 + b1c0) then\n"
    "      r = nd.dot(nd.dot(A[1], A[2]), A[3])\n"
    "    else\n"
    "      r = nd.dot(A[1], nd.dot(A[2], A[3]))\n"
    "    end\n"
    "  else\n"
    "    -- Cormen's matrix-chain order, costs as doubles like NumPy's\n"
    "    local p, m, s = {}, {}, {}\n"
    "    for i = 1, n do p[i] = A[i].shape[1]; m[i] = {}; s[i] = {} end\n"
    "    p[n + 1] = A[n].shape[2]\n"
    "    for i = 1, n do m[i][i] = 0.0 end\n"
    "    for l = 1, n - 1 do\n"
    "      for i = 1, n - l do\n"
    "        local j = i + l\n"
    "        m[i][j] = inf\n"
    "        for k = i, j - 1 do\n"
    "          local q = m[i][k] + m[k + 1][j] + (p[i] * p[k + 1] * p[j + 1])\n"
    "          if q < m[i][j] then m[i][j] = q; s[i][j] = k end\n"
    "        end\n"
    "      end\n"
    "    end\n"
    "    local function go(i, j)\n"
    "      if i == j then return A[i] end\n"
    "      return nd.dot(go(i, s[i][j]), go(s[i][j] + 1, j))\n"
    "    end\n"
    "    r = go(1, n)\n"
    "  end\n"
    "  if nf == 1 and nl == 1 then return nd.getitem(r, 0, 0)\n"
    "  elseif nf == 1 or nl == 1 then return nd.ravel(r) end\n"
    "  return r\n"
    "end\n"
    "lib.cond = function(...)\n"
    "  local args, n, kw = args_of(...)\n"
    "  local x, p = nd.asarray(args[1]), nil\n"
    "  if n >= 2 then p = args[2] end\n"
    "  if kw and kw.p ~= nil then p = kw.p end\n"
    "  if p == NONE then p = nil end\n"
    "  if nd.isarray(p) then p = nd.item(p) end\n"
    "  local sh, nd_ = x.shape, x.ndim\n"
    "  if x.size == 0 and nd_ >= 2 and sh[nd_ - 1] * sh[nd_] == 0 then\n"
    "    raise('numpy.linalg.LinAlgError',\n"
    "      'cond is not defined on empty arrays')\n"
    "  end\n"
    "  local r\n"
    "  if p == nil or p == 2 or p == -2 then\n"
    "    local s = svd(x, nd.kw{compute_uv = false})\n"
    "    local s0 = nd.getitem(s, nd.Ellipsis, 0)\n"
    "    local sl = nd.getitem(s, nd.Ellipsis, -1)\n"
    "    if p == -2 then r = nd.true_divide(sl, s0)\n"
    "    else r = nd.true_divide(s0, sl) end\n"
    "  else\n"
    "    stacked_square(x)\n"
    "    local ok, invx = pcall(lib.inv, x)\n"
    "    if not ok then\n"
    "      if type(invx) == 'table' and\n"
    "          invx.type == 'numpy.linalg.LinAlgError' then\n"
    "        refuse('np.linalg.cond of a singular matrix with this p')\n"
    "      end\n"
    "      error(invx, 0)\n"
    "    end\n"
    "    local ax = nd.kw{axis = {-2, -1, n = 2}}\n"
    "    r = nd.multiply(lib.norm(x, p, ax), lib.norm(invx, p, ax))\n"
    "    local rt = invx.dtype\n"
    "    r = nd.asarray(r):astype(rt)\n"
    "  end\n"
    "  r = nd.asarray(r)\n"
    "  local nanm = nd.isnan(r)\n"
    "  if nd.item(nd.any(nanm)) then\n"
    "    local xn = nd.any(nd.isnan(x), nd.kw{axis = {-2, -1, n = 2}})\n"
    "    nanm = nd.logical_and(nanm, nd.logical_not(xn))\n"
    "    if r.ndim > 0 then nd.setitem(r, inf, nanm)\n"
    "    elseif nd.item(nanm) then r = nd.asarray(inf):astype(r.dtype) end\n"
    "  end\n"
    "  -- NumPy's r[()]: a 0-d result becomes a NumPy scalar\n"
    "  if r.ndim == 0 then r = nd.getitem(nd.reshape(r, {1, n = 1}), 0) end\n"
    "  return r\n"
    "end\n";

static int l_raise(lua_State *L)
{
    return lnd_raise(L, luaL_checkstring(L, 1), luaL_checkstring(L, 2));
}

static int l_refuse(lua_State *L)
{
    return refuse(L, luaL_checkstring(L, 1));
}

/* The arguments each function reads (see lnd_guard): the rest are
** refused, not ignored. */
static const LndArgSpec arg_specs[] = {
    {l_det, 1, ""},
    {l_slogdet, 1, ""},
    {l_inv, 1, ""},
    {l_solve, 2, ""},
    {l_lstsq, 3, "rcond"},
    {l_eig, 1, ""},
    {l_eigvals, 1, ""},
    {l_eigh, 2, "UPLO"},
    {l_eigvalsh, 2, "UPLO"},
    {l_svd, 4, "full_matrices compute_uv hermitian"},
    {l_matrix_rank, 3, "tol hermitian"},
    {l_pinv, 3, "rcond hermitian"},
    {l_qr, 2, "mode"},
    {l_cholesky, 1, ""},
    {NULL, 0, NULL},
};

/* the functions of LINALG_LUA */
static const struct {
    const char *name;
    LndArgSpec spec;
} lua_specs[] = {
    {"norm", {NULL, 4, "ord axis keepdims"}},
    {"cond", {NULL, 2, "p"}},
    {"matrix_power", {NULL, 2, "n"}},
    {"multi_dot", {NULL, 1, "out"}},
};

static const luaL_Reg funcs[] = {
    {"det", l_det},
    {"slogdet", l_slogdet},
    {"inv", l_inv},
    {"solve", l_solve},
    {"lstsq", l_lstsq},
    {"eig", l_eig},
    {"eigvals", l_eigvals},
    {"eigh", l_eigh},
    {"eigvalsh", l_eigvalsh},
    {"svd", l_svd},
    {"matrix_rank", l_matrix_rank},
    {"pinv", l_pinv},
    {"qr", l_qr},
    {"cholesky", l_cholesky},
    {NULL, NULL},
};

int luaopen_nd_linalg(lua_State *L)
{
    nd_linalg_set_threads(1);
    lua_newtable(L);
    for (const luaL_Reg *r = funcs; r->name; r++) {
        const LndArgSpec *k = arg_specs;
        while (k->fn && k->fn != r->func)
            k++;
        if (!k->fn)
            luaL_error(L, "nd.linalg: %s is missing from arg_specs", r->name);
        lua_pushcfunction(L, r->func);
        lnd_guard(L, k, r->name);
        lua_setfield(L, -2, r->name);
    }
    lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    if (lua_getfield(L, -1, "nd") == LUA_TTABLE) {
        /* norm, cond, matrix_power, multi_dot (LINALG_LUA) */
        if (luaL_loadbuffer(L, LINALG_LUA, sizeof LINALG_LUA - 1,
                            "=linalg") == LUA_OK) {
            lua_pushvalue(L, -2);
            lua_pushvalue(L, -5);
            lua_pushlightuserdata(L, NULL);
            lua_pushcfunction(L, l_raise);
            lua_pushcfunction(L, l_refuse);
            lua_call(L, 5, 0);
            for (size_t i = 0; i < sizeof lua_specs / sizeof *lua_specs;
                 i++) {
                if (lua_getfield(L, -3, lua_specs[i].name) !=
                    LUA_TFUNCTION) {
                    lua_pop(L, 1);
                    continue;
                }
                lnd_guard(L, &lua_specs[i].spec, lua_specs[i].name);
                lua_setfield(L, -4, lua_specs[i].name);
            }
        } else {
            lua_pop(L, 1);
        }
        lua_pushvalue(L, -3);
        lua_setfield(L, -2, "linalg");
    }
    lua_pop(L, 2);
    return 1;
}
