/*
** lnd_linalg.c - `nd.linalg`: numpy.linalg for the Lua binding.
**
** A separate opener (luaopen_nd_linalg) so only embedders that link
** LAPACK/BLAS pull it in. Inputs are copied into contiguous float64
** userdata, outputs and LAPACK workspaces are userdata allocated before
** the call, so errors leak nothing. 2-d operands only (no stacks).
*/
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

/* A square float64 matrix argument; *n its size. */
static NdArray *square(lua_State *L, int idx, size_t *n)
{
    NdErr err;
    NdArray *a = lnd_tocontig(L, idx, ND_FLOAT64);
    if (a->ndim < 2) {
        char msg[120];
        snprintf(msg, sizeof msg, "%d-dimensional array given. Array must "
                 "be at least two-dimensional", a->ndim);
        lnd_raise(L, "numpy.linalg.LinAlgError", msg);
    }
    if (a->ndim > 2)
        lnd_raise(L, "TypeError", "stacks of matrices are not supported");
    if (nd_linalg_check_square(a->shape[0], a->shape[1], &err))
        fail(L, ND_ELINALG, &err);
    *n = (size_t)a->shape[0];
    return a;
}

static int l_det(lua_State *L)
{
    NdErr err;
    size_t n;
    NdArray *a = square(L, 1, &n);
    double d;
    void *w = work(L, nd_linalg_det_worksize(n));
    TRY(nd_linalg_det(n, (const double *)a->data, &d, w, &err));
    NdArray *o = lnd_newarray(L, ND_FLOAT64, 0, NULL);
    memcpy(o->data, &d, 8);
    lnd_markscalar(L, -1);
    return 1;
}

static int l_inv(lua_State *L)
{
    NdErr err;
    size_t n;
    NdArray *a = square(L, 1, &n);
    NdArray *o = lnd_newarray(L, ND_FLOAT64, 2, a->shape);
    int oi = lua_gettop(L);
    void *w = work(L, nd_linalg_inv_worksize(n));
    TRY(nd_linalg_inv(n, (const double *)a->data, (double *)o->data, w,
                      &err));
    lua_settop(L, oi);
    return 1;
}

static int l_solve(lua_State *L)
{
    NdErr err;
    size_t n;
    NdArray *a = square(L, 1, &n);
    NdArray *b = lnd_tocontig(L, 2, ND_FLOAT64);
    if (b->ndim < 1 || b->ndim > 2 || (size_t)b->shape[0] != n)
        lnd_raise(L, "ValueError", "solve: Input operand 1 has a mismatch "
                  "in its core dimension 0");
    size_t nrhs = b->ndim == 2 ? (size_t)b->shape[1] : 1;
    NdArray *o = lnd_newarray(L, ND_FLOAT64, b->ndim, b->shape);
    int oi = lua_gettop(L);
    void *w = work(L, nd_linalg_solve_worksize(n, nrhs));
    TRY(nd_linalg_solve(n, nrhs, (const double *)a->data,
                        (const double *)b->data, (double *)o->data, w,
                        &err));
    lua_settop(L, oi);
    return 1;
}

static void push_pair(lua_State *L)
{
    lua_createtable(L, 2, 1);
    lua_insert(L, -3);
    lua_rawseti(L, -3, 2);
    lua_rawseti(L, -2, 1);
    lua_pushinteger(L, 2);
    lua_setfield(L, -2, "n");
    luaL_newmetatable(L, "py.tuple");
    lua_setmetatable(L, -2);
}

static int eig_impl(lua_State *L, int vectors)
{
    NdErr err;
    size_t n;
    NdArray *a = square(L, 1, &n);
    int64_t sh1 = (int64_t)n, sh2[2] = {(int64_t)n, (int64_t)n};
    TRY(nd_linalg_check_finite((const double *)a->data, n * n, &err));
    NdArray *w = lnd_newarray(L, ND_COMPLEX128, 1, &sh1);
    int wi = lua_gettop(L);
    NdArray *v = vectors ? lnd_newarray(L, ND_COMPLEX128, 2, sh2) : NULL;
    int vi = lua_gettop(L);
    int all_real = 0;
    void *ws = work(L, nd_linalg_eig_worksize(n, vectors));
    TRY(nd_linalg_eig(n, (const double *)a->data, (nd_complex128 *)w->data,
                      v ? (nd_complex128 *)v->data : NULL, &all_real, ws,
                      &err));
    lua_settop(L, vi);
    if (all_real) {
        /* real parts as float64, as NumPy returns them */
        NdArray *wr = lnd_newarray(L, ND_FLOAT64, 1, &sh1);
        for (size_t i = 0; i < n; i++)
            ((double *)wr->data)[i] = ((nd_complex128 *)w->data)[i].re;
        lua_replace(L, wi);
        if (v) {
            NdArray *vr = lnd_newarray(L, ND_FLOAT64, 2, sh2);
            for (size_t i = 0; i < n * n; i++)
                ((double *)vr->data)[i] = ((nd_complex128 *)v->data)[i].re;
            lua_replace(L, vi);
        }
    }
    if (!vectors)
        return 1;
    lua_pushvalue(L, wi);
    lua_pushvalue(L, vi);
    push_pair(L);
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

static int l_matrix_rank(lua_State *L)
{
    NdErr err;
    NdArray *a = lnd_tocontig(L, 1, ND_FLOAT64);
    int64_t rank;
    if (a->ndim < 2) {
        /* NumPy: int(not all(M == 0)) */
        int nz = 0;
        for (int64_t i = 0; i < nd_size(a); i++)
            nz |= ((double *)a->data)[i] != 0;
        lua_pushinteger(L, nz);
        return 1;
    }
    size_t m = (size_t)a->shape[0], n = (size_t)a->shape[1];
    void *w = work(L, nd_linalg_matrix_rank_worksize(m, n));
    TRY(nd_linalg_matrix_rank(m, n, (const double *)a->data, -1, &rank, w,
                              &err));
    NdArray *o = lnd_newarray(L, ND_INT64, 0, NULL);
    memcpy(o->data, &rank, 8);
    lnd_markscalar(L, -1);
    return 1;
}

/* Argument pos or keyword name (trailing nd.KW table); 0 if absent. */
static int opt(lua_State *L, int top, int pos, const char *name)
{
    int kw = 0;
    if (top > 0 && lua_type(L, top) == LUA_TTABLE && lua_getmetatable(L, top)) {
        luaL_getmetatable(L, "nd.KW");
        kw = lua_rawequal(L, -1, -2) ? top : 0;
        lua_pop(L, 2);
    }
    int np = top - (kw ? 1 : 0);
    if (pos <= np) {
        if (lua_type(L, pos) == LUA_TLIGHTUSERDATA && !lua_touserdata(L, pos))
            return 0; /* None */
        return pos;
    }
    if (kw && lua_getfield(L, kw, name) != LUA_TNIL)
        return lua_gettop(L);
    if (kw)
        lua_pop(L, 1);
    return 0;
}

/* norm(x, ord=None, axis=None): the flattened 2-norm, or vector norms
** along one axis of a 2-d array (ord a number or None). */
static int l_norm(lua_State *L)
{
    int top = lua_gettop(L);
    int oi = opt(L, top, 2, "ord"), ai = opt(L, top, 3, "axis");
    double ord = NAN;
    if (oi) {
        if (lua_type(L, oi) == LUA_TSTRING)
            lnd_raise(L, "TypeError", "norm: string orders are not "
                                      "supported");
        ord = lua_tonumber(L, oi);
    }
    NdArray *a = lnd_tocontig(L, 1, ND_FLOAT64);
    int ax = ai ? (int)lua_tointeger(L, ai) : -100;
    if (ax == -100 && isnan(ord)) {
        double r = nd_linalg_norm_flat((const double *)a->data,
                                       (size_t)nd_size(a));
        NdArray *o = lnd_newarray(L, ND_FLOAT64, 0, NULL);
        memcpy(o->data, &r, 8);
        lnd_markscalar(L, -1);
        return 1;
    }
    if (ax == -100 && a->ndim == 1)
        ax = 0;
    if (ax < 0 && ax != -100)
        ax += a->ndim;
    if (ax < 0 || ax >= a->ndim || a->ndim > 2)
        lnd_raise(L, "TypeError", "norm: only 1-d or 2-d arrays with one "
                                  "axis are supported");
    int64_t len = a->shape[ax];
    int64_t count = a->ndim == 1 ? 1 : a->shape[1 - ax];
    ptrdiff_t vstride = a->ndim == 1 ? 0 : (ax == 1 ? (ptrdiff_t)len : 1);
    ptrdiff_t estride = a->ndim == 1 || ax == 1 ? 1 : (ptrdiff_t)a->shape[1];
    NdArray *o = lnd_newarray(L, ND_FLOAT64, a->ndim - 1, &count);
    nd_linalg_vector_norms((const double *)a->data, (size_t)count, vstride,
                           (size_t)len, estride, ord, (double *)o->data);
    lnd_markscalar(L, -1);
    return 1;
}

/* lstsq(a, b, rcond=None) -> (x, residuals, rank, s) */
static int l_lstsq(lua_State *L)
{
    NdErr err;
    double rcond = NAN;
    if (lua_gettop(L) >= 3 && lua_type(L, 3) == LUA_TNUMBER)
        rcond = lua_tonumber(L, 3);
    NdArray *a = lnd_tocontig(L, 1, ND_FLOAT64);
    NdArray *b = lnd_tocontig(L, 2, ND_FLOAT64);
    if (a->ndim != 2 || b->ndim < 1 || b->ndim > 2 ||
        b->shape[0] != a->shape[0])
        lnd_raise(L, "numpy.linalg.LinAlgError", "Incompatible dimensions");
    size_t m = (size_t)a->shape[0], n = (size_t)a->shape[1];
    size_t nrhs = b->ndim == 2 ? (size_t)b->shape[1] : 1;
    int64_t xs[2] = {(int64_t)n, (int64_t)nrhs};
    int64_t k = (int64_t)(m < n ? m : n), nr = (int64_t)nrhs;
    NdArray *x = lnd_newarray(L, ND_FLOAT64, b->ndim, xs);
    int xi = lua_gettop(L);
    NdArray *res = lnd_newarray(L, ND_FLOAT64, 1, &nr);
    int ri = lua_gettop(L);
    NdArray *s = lnd_newarray(L, ND_FLOAT64, 1, &k);
    int si = lua_gettop(L);
    size_t nres = 0;
    int64_t rank = 0;
    void *w = work(L, nd_linalg_lstsq_worksize(m, n, nrhs));
    TRY(nd_linalg_lstsq(m, n, nrhs, (const double *)a->data,
                        (const double *)b->data, rcond, (double *)x->data,
                        (double *)res->data, &nres, &rank,
                        (double *)s->data, w, &err));
    lua_settop(L, si);
    res->shape[0] = (int64_t)nres; /* empty when not full rank / m <= n */
    nd_update_flags(res);
    lua_createtable(L, 4, 1);
    lua_pushvalue(L, xi);
    lua_rawseti(L, -2, 1);
    lua_pushvalue(L, ri);
    lua_rawseti(L, -2, 2);
    NdArray *rk = lnd_newarray(L, ND_INT32, 0, NULL);
    *(int32_t *)rk->data = (int32_t)rank;
    lnd_markscalar(L, -1);
    lua_rawseti(L, -2, 3);
    lua_pushvalue(L, si);
    lua_rawseti(L, -2, 4);
    lua_pushinteger(L, 4);
    lua_setfield(L, -2, "n");
    luaL_newmetatable(L, "py.tuple");
    lua_setmetatable(L, -2);
    return 1;
}

static const luaL_Reg funcs[] = {
    {"det", l_det},
    {"inv", l_inv},
    {"solve", l_solve},
    {"eig", l_eig},
    {"eigvals", l_eigvals},
    {"matrix_rank", l_matrix_rank},
    {"norm", l_norm},
    {"lstsq", l_lstsq},
    {NULL, NULL},
};

int luaopen_nd_linalg(lua_State *L)
{
    nd_linalg_set_threads(1);
    luaL_newlib(L, funcs);
    lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    if (lua_getfield(L, -1, "nd") == LUA_TTABLE) {
        lua_pushvalue(L, -3);
        lua_setfield(L, -2, "linalg");
    }
    lua_pop(L, 2);
    return 1;
}
