/*
** lnd.c - Lua binding of the array core: the `nd` module (NumPy's `np`).
**
** Every argument is checked and every result and scratch buffer is
** allocated as userdata before the core computes, so a Lua error can
** never leak or corrupt anything. Owners carry their data inline in the
** userdata and have no user value; views carry their owner as user
** value 1. Errors are tables {type=, message=} with metatable
** "nd.error". The Lua API (every function, argument and keyword) is
** documented in docs/ndarray.md.
*/
#include "lnd.h"

#include <lauxlib.h>
#include <lua.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nd_linalg.h"
#include "nd_print.h"
#include "nd_random.h"
#include <time.h>
#include <unistd.h>

#define MT_ARRAY "nd.array"
#define MT_DTYPE "nd.dtype"
#define MT_ERROR "nd.error"
#define MT_REFUSE "nd.refuse" /* the Python front end's refusals too */
#define MT_KW "nd.KW"
#define MT_SLICE "nd.slice"
#define MT_ELLIPSIS "nd.ellipsis"
#define REG_DTYPES "nd.dtypes"
#define REG_POPTS "nd.printoptions"

/* Keys by address, for registry entries and for markers inside our
** metatables: faster than luaL_* name lookups, which intern the name (a
** strcmp) on every call, and no Lua code can make such a key. */
static const char KEY_ARRAY = 0, KEY_KW = 0, KEY_SLICE = 0, KEY_ELLIPSIS = 0,
                  KEY_DTYPE = 0;

typedef struct {
    NdArray a;
    int scalar;      /* a NumPy scalar (0-d result of indexing/reduction) */
    const void *tag; /* &KEY_ARRAY: only this file writes it (see toud) */
} LndArray;

/* Inline data starts 16-byte aligned after the header. */
#define LND_HDR ((sizeof(LndArray) + 15) & ~(size_t)15)

typedef struct {
    int has_start, has_stop, has_step;
    lua_Integer start, stop, step;
} LndSlice;

/* ------------------------------------------------------------------ */
/* errors */

static int raise_typed(lua_State *L, const char *type, const char *msg)
{
    lua_createtable(L, 0, 2);
    lua_pushstring(L, type);
    lua_setfield(L, -2, "type");
    lua_pushstring(L, msg);
    lua_setfield(L, -2, "message");
    luaL_setmetatable(L, MT_ERROR);
    return lua_error(L);
}

static int raisef(lua_State *L, const char *type, const char *fmt, ...)
{
    char msg[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return raise_typed(L, type, msg);
}

/* What pyprep cannot answer as NumPy would is refused: an error of its
** own kind, which the Python front end reports as a refusal and never
** lets an `except` catch. */
static int refusef(lua_State *L, const char *fmt, ...)
{
    char msg[300];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    lua_createtable(L, 0, 1);
    lua_pushstring(L, msg);
    lua_setfield(L, -2, "refuse");
    luaL_setmetatable(L, MT_REFUSE);
    return lua_error(L);
}

static int refuse_tostring(lua_State *L)
{
    lua_getfield(L, 1, "refuse");
    lua_pushfstring(L, "not supported in pyprep: %s",
                    lua_isstring(L, -1) ? lua_tostring(L, -1) : "?");
    return 1;
}

static int raise_nd(lua_State *L, NdError code, const NdErr *e)
{
    return raise_typed(L, nd_error_name(code), e->msg);
}

#define TRY(x)                                                             \
    do {                                                                   \
        NdError rc_ = (x);                                                 \
        if (rc_)                                                           \
            return raise_nd(L, rc_, &err);                                 \
    } while (0)

static int err_tostring(lua_State *L)
{
    lua_getfield(L, 1, "type");
    lua_getfield(L, 1, "message");
    const char *m = lua_tostring(L, -1);
    if (m && *m)
        lua_pushfstring(L, "%s: %s", lua_tostring(L, -2), m);
    else
        lua_pushstring(L, lua_tostring(L, -2));
    return 1;
}

/* ------------------------------------------------------------------ */
/* arrays as userdata */

/* An array is a full userdata carrying our tag. Every operation checks
** its operands, so this is the hottest test in the binding: the tag costs
** three API calls where comparing metatables took eight. Only C code can
** write a userdata's bytes, and no C code but this file writes the
** address of KEY_ARRAY, so the tag is as sure as the metatable. */
static LndArray *toud(lua_State *L, int idx)
{
    LndArray *u;
    if (lua_type(L, idx) != LUA_TUSERDATA ||
        lua_rawlen(L, idx) < sizeof(LndArray))
        return NULL;
    u = lua_touserdata(L, idx);
    return u->tag == &KEY_ARRAY ? u : NULL;
}

NdArray *lnd_toarray(lua_State *L, int idx)
{
    LndArray *u = toud(L, idx);
    return u ? &u->a : NULL;
}

/* Give the new userdata at the top the array metatable: copied from the
** array at stack index like when there is one (a pointer copy), else
** looked up in the registry (a hash lookup: a fifth of a small a+b). */
static void set_array_mt(lua_State *L, int like)
{
    if (!like || !lua_getmetatable(L, like))
        lua_rawgetp(L, LUA_REGISTRYINDEX, &KEY_ARRAY);
    lua_setmetatable(L, -2);
}

static NdArray *checkarray(lua_State *L, int idx)
{
    LndArray *u = toud(L, idx);
    if (!u)
        raisef(L, "TypeError", "expected a numpy.ndarray, got %s",
               luaL_typename(L, idx));
    return &u->a;
}

static void size_string(char *buf, size_t n, double bytes)
{
    static const char *const units[] = {"bytes", "KiB", "MiB", "GiB",
                                        "TiB", "PiB", "EiB"};
    int u = 0;
    while (bytes >= 1024 * 0.9995 && u < 6) {
        bytes /= 1024;
        u++;
    }
    if (u == 0)
        snprintf(buf, n, "%.0f bytes", bytes);
    else
        snprintf(buf, n, "%.3g %s", bytes, units[u]);
}

static int alloc_protected(lua_State *L)
{
    size_t *n = lua_touserdata(L, 1);
    lua_newuserdatauv(L, *n, 0);
    return 1;
}

/* Copy a descriptor into a userdata: only the ndim used dims (the full
** NdArray is 560 bytes, most of it unused shape/stride slots). */
static void copy_desc(NdArray *dst, const NdArray *src)
{
    size_t k = sizeof(int64_t) * (size_t)src->ndim;
    dst->dtype = src->dtype;
    dst->ndim = src->ndim;
    dst->flags = src->flags;
    memcpy(dst->shape, src->shape, k);
    memcpy(dst->strides, src->strides, k);
    dst->data = src->data;
    dst->buffer = src->buffer;
    dst->buffer_size = src->buffer_size;
}

/* Allocate the userdata for an initialised descriptor and push it. Large
** blocks go through a protected call so running out of memory is a
** MemoryError with NumPy's text, not a bare Lua memory error. */
static NdArray *push_new(lua_State *L, const NdArray *desc, int like)
{
    size_t nb = nd_nbytes(desc);
    size_t total = LND_HDR + nb;
    LndArray *u;
    if (nb > ((size_t)1 << 40) || total < nb) { /* no 1 TiB arrays */
        char sz[64], sh[300];
        size_string(sz, sizeof sz, (double)nd_size(desc) *
                                       (double)nd_dtype_size(desc->dtype));
        {
            size_t m = (size_t)snprintf(sh, sizeof sh, "(");
            for (int i = 0; i < desc->ndim && m < sizeof sh; i++)
                m += (size_t)snprintf(sh + m, sizeof sh - m,
                                      i ? ", %lld" : "%lld",
                                      (long long)desc->shape[i]);
            snprintf(sh + m, sizeof sh - m, desc->ndim == 1 ? ",)" : ")");
        }
        return (raisef(L, "MemoryError",
                       "Unable to allocate %s for an array with shape %s "
                       "and data type %s", sz, sh,
                       nd_dtype_name(desc->dtype)),
                NULL);
    }
    if (nb >= (1 << 20)) {
        lua_pushcfunction(L, alloc_protected);
        lua_pushlightuserdata(L, &total);
        if (lua_pcall(L, 1, 1, 0) != LUA_OK) {
            char sz[64];
            lua_pop(L, 1);
            size_string(sz, sizeof sz, (double)nb);
            char sh[300];
            size_t m = (size_t)snprintf(sh, sizeof sh, "(");
            for (int i = 0; i < desc->ndim && m < sizeof sh; i++)
                m += (size_t)snprintf(sh + m, sizeof sh - m,
                                      i ? ", %lld" : "%lld",
                                      (long long)desc->shape[i]);
            snprintf(sh + m, sizeof sh - m, desc->ndim == 1 ? ",)" : ")");
            return (raisef(L, "MemoryError",
                           "Unable to allocate %s for an array with shape "
                           "%s and data type %s", sz, sh,
                           nd_dtype_name(desc->dtype)),
                    NULL);
        }
        u = lua_touserdata(L, -1);
    } else {
        u = lua_newuserdatauv(L, total, 0);
    }
    copy_desc(&u->a, desc);
    u->a.data = (char *)u + LND_HDR;
    u->a.buffer = u->a.data;
    u->a.buffer_size = nb;
    u->a.flags |= ND_OWNDATA | ND_WRITEABLE;
    u->scalar = 0;
    u->tag = &KEY_ARRAY;
    set_array_mt(L, like);
    return &u->a;
}

/* A new C-order array; like: 0 or the stack index of an array (see
** set_array_mt). */
static NdArray *newarray_like(lua_State *L, NdDType t, int ndim,
                              const int64_t *shape, int like)
{
    NdArray d;
    NdErr err;
    NdError rc;
    like = like ? lua_absindex(L, like) : 0;
    rc = nd_init(&d, t, ndim, shape, &err);
    if (rc)
        raise_nd(L, rc, &err);
    return push_new(L, &d, like);
}

NdArray *lnd_newarray(lua_State *L, NdDType t, int ndim,
                      const int64_t *shape)
{
    return newarray_like(L, t, ndim, shape, 0);
}

/* Push a view v whose memory belongs to the array at stack index src. */
static NdArray *push_view(lua_State *L, const NdArray *v, int src)
{
    src = lua_absindex(L, src);
    LndArray *u = lua_newuserdatauv(L, sizeof(LndArray), 1);
    copy_desc(&u->a, v);
    u->a.flags &= ~ND_OWNDATA;
    nd_update_flags(&u->a);
    u->scalar = 0;
    u->tag = &KEY_ARRAY;
    set_array_mt(L, src);
    /* the owner: src's own owner if src is a view */
    if (lua_getiuservalue(L, src, 1) <= LUA_TNIL) { /* an owner */
        lua_pop(L, 1);
        lua_pushvalue(L, src);
    }
    lua_setiuservalue(L, -2, 1);
    return &u->a;
}

static void mark_scalar(lua_State *L, int idx)
{
    LndArray *u = toud(L, idx);
    if (u && u->a.ndim == 0)
        u->scalar = 1;
}

/* mark_scalar for a result known to be the array at idx */
#define MARK_RESULT(L, o, idx)                                             \
    do {                                                                   \
        if ((o)->ndim == 0)                                                \
            mark_scalar(L, idx);                                           \
    } while (0)

/* Push a C-order copy of a with dtype t; like as for newarray_like. */
static NdArray *copy_like(lua_State *L, const NdArray *a, NdDType t,
                          int like)
{
    NdErr err;
    NdArray *c = newarray_like(L, t, a->ndim, a->shape, like);
    NdError rc = nd_assign(c, a, &err);
    if (rc)
        raise_nd(L, rc, &err);
    return c;
}

static NdArray *push_copy(lua_State *L, const NdArray *a, NdDType t)
{
    return copy_like(L, a, t, 0);
}

/* ------------------------------------------------------------------ */
/* Python values */

static int is_none(lua_State *L, int idx)
{
    return lua_type(L, idx) == LUA_TLIGHTUSERDATA &&
           lua_touserdata(L, idx) == NULL;
}

static int absent(lua_State *L, int idx)
{
    return idx == 0 || lua_isnoneornil(L, idx) || is_none(L, idx);
}

/* Keyword table (last argument with metatable nd.KW) or 0. The KW
** metatable carries a lightuserdata key no Lua code can make, so one
** lookup in that small table tells, not a registry lookup plus a compare
** (this runs a few times on every call that takes keywords). */
static int kwx(lua_State *L, int top)
{
    int is;
    if (top == 0 || lua_type(L, top) != LUA_TTABLE ||
        !lua_getmetatable(L, top))
        return 0;
    is = lua_rawgetp(L, -1, &KEY_KW) == LUA_TBOOLEAN;
    lua_pop(L, 2);
    return is ? top : 0;
}

/* Is the value at idx a userdata whose metatable carries marker key?
** (slices and Ellipsis: one lookup in a small table, no name lookup) */
static int marked(lua_State *L, int idx, const char *key)
{
    int is;
    if (lua_type(L, idx) != LUA_TUSERDATA || !lua_getmetatable(L, idx))
        return 0;
    is = lua_rawgetp(L, -1, key) == LUA_TBOOLEAN;
    lua_pop(L, 2);
    return is;
}

/* Keyword `name` of the keyword table at kw (0: none): its pushed value's
** index, or 0 when absent. For callers that found kw once already. */
static int kwarg(lua_State *L, int kw, const char *name)
{
    if (!kw)
        return 0;
    if (lua_getfield(L, kw, name) == LUA_TNIL) {
        lua_pop(L, 1);
        return 0;
    }
    return lua_gettop(L);
}

/* Number of positional arguments. */
static int nposx(lua_State *L, int top)
{
    return top - (kwx(L, top) ? 1 : 0);
}

/* Stack index of argument `name` (positional pos, 1-based, or keyword),
** or 0 when absent. Keyword values are pushed. */
static int argx(lua_State *L, int top, int pos, const char *name)
{
    int kw = kwx(L, top);
    int np = top - (kw ? 1 : 0);
    if (pos > 0 && pos <= np)
        return pos;
    if (kw && name) {
        lua_getfield(L, kw, name);
        if (lua_isnil(L, -1)) {
            lua_pop(L, 1);
            return 0;
        }
        return lua_gettop(L);
    }
    return 0;
}

static lua_Integer seq_len(lua_State *L, int idx)
{
    lua_Integer n;
    if (lua_getfield(L, idx, "n") == LUA_TNUMBER && lua_isinteger(L, -1))
        n = lua_tointeger(L, -1);
    else
        n = (lua_Integer)lua_rawlen(L, idx);
    lua_pop(L, 1);
    return n;
}

static int is_tuple(lua_State *L, int idx)
{
    if (lua_type(L, idx) != LUA_TTABLE || !lua_getmetatable(L, idx))
        return 0;
    luaL_getmetatable(L, "py.tuple");
    int r = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    return r;
}

/* Push a py tuple/list of n values taken from the top n stack slots. */
static void push_seq(lua_State *L, int n, const char *mt)
{
    int base = lua_gettop(L) - n + 1;
    lua_createtable(L, n, 1);
    for (int i = 0; i < n; i++) {
        lua_pushvalue(L, base + i);
        lua_rawseti(L, -2, i + 1);
    }
    lua_pushinteger(L, n);
    lua_setfield(L, -2, "n");
    luaL_newmetatable(L, mt);
    lua_setmetatable(L, -2);
    lua_replace(L, base);
    lua_settop(L, base);
}

static void push_shape_tuple(lua_State *L, int ndim, const int64_t *shape)
{
    lua_createtable(L, ndim, 1);
    for (int i = 0; i < ndim; i++) {
        lua_pushinteger(L, shape[i]);
        lua_rawseti(L, -2, i + 1);
    }
    lua_pushinteger(L, ndim);
    lua_setfield(L, -2, "n");
    luaL_newmetatable(L, "py.tuple");
    lua_setmetatable(L, -2);
}

static const char *pytype(lua_State *L, int idx)
{
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER: return lua_isinteger(L, idx) ? "int" : "float";
    case LUA_TSTRING: return "str";
    case LUA_TBOOLEAN: return "bool";
    case LUA_TLIGHTUSERDATA: return "NoneType";
    case LUA_TTABLE: return is_tuple(L, idx) ? "tuple" : "list";
    default: return luaL_typename(L, idx);
    }
}

/* An integer argument (Lua integer, integral float, NumPy int scalar). */
static int64_t toint(lua_State *L, int idx, const char *what)
{
    if (lua_isinteger(L, idx))
        return lua_tointeger(L, idx);
    if (lua_type(L, idx) == LUA_TBOOLEAN)
        return lua_toboolean(L, idx);
    NdArray *a = lnd_toarray(L, idx);
    if (a && a->ndim == 0 &&
        (nd_dtype_kind(a->dtype) == 'i' || nd_dtype_kind(a->dtype) == 'u' ||
         nd_dtype_kind(a->dtype) == 'b'))
        return nd_get_int(a->dtype, a->data);
    raisef(L, "TypeError", "'%s' object cannot be interpreted as an integer",
           a ? "numpy.float64" : pytype(L, idx));
    return 0;
}

static double todouble(lua_State *L, int idx)
{
    if (lua_type(L, idx) == LUA_TNUMBER)
        return lua_tonumber(L, idx);
    if (lua_type(L, idx) == LUA_TBOOLEAN)
        return lua_toboolean(L, idx);
    NdArray *a = lnd_toarray(L, idx);
    if (a && a->ndim == 0)
        return nd_get_double(a->dtype, a->data);
    raisef(L, "TypeError", "must be real number, not %s", pytype(L, idx));
    return 0;
}

static int tobool(lua_State *L, int idx)
{
    if (lua_type(L, idx) == LUA_TBOOLEAN)
        return lua_toboolean(L, idx);
    if (absent(L, idx))
        return 0;
    return todouble(L, idx) != 0;
}

/* dtype argument: dtype object or name. */
static NdDType checkdtype(lua_State *L, int idx)
{
    NdErr err;
    NdDType t;
    if (lua_type(L, idx) == LUA_TSTRING) {
        /* NumPy's own names first, by length then bytes: astype("float32")
        ** spent more in strcmp than in converting ten elements */
        static const struct {
            const char *name;
            size_t len;
        } names[] = {
#define ND_NAME_LEN(E, T, N, K, S) {N, sizeof(N) - 1},
            ND_DTYPES(ND_NAME_LEN)
#undef ND_NAME_LEN
        };
        size_t len;
        const char *name = lua_tolstring(L, idx, &len);
        for (int i = 0; i < ND_NTYPES; i++) {
            size_t j = 0; /* a loop, not memcmp: names are a few bytes */
            if (names[i].len != len)
                continue;
            while (j < len && names[i].name[j] == name[j])
                j++;
            if (j == len)
                return (NdDType)i;
        }
        if (nd_dtype_from_name(name, &t, &err))
            raise_nd(L, ND_ETYPE, &err);
        return t;
    }
    if (marked(L, idx, &KEY_DTYPE))
        return *(NdDType *)lua_touserdata(L, idx);
    NdArray *a = lnd_toarray(L, idx);
    if (a)
        return a->dtype;
    raisef(L, "TypeError", "Cannot interpret '%s' as a data type",
           pytype(L, idx));
    return ND_FLOAT64;
}

static int optdtype(lua_State *L, int idx)
{
    return absent(L, idx) ? -1 : (int)checkdtype(L, idx);
}

static void push_dtype(lua_State *L, NdDType t)
{
    lua_getfield(L, LUA_REGISTRYINDEX, REG_DTYPES);
    lua_rawgeti(L, -1, (lua_Integer)t + 1);
    lua_remove(L, -2);
}

/* ---- nested sequences -> arrays ---- */

typedef struct {
    int ndim;    /* -1 until the first leaf fixes it */
    int64_t shape[ND_MAXDIMS];
    int have;
    NdDType t;
} Infer;

static void ragged(lua_State *L, Infer *in, int depth)
{
    char buf[300];
    int64_t sh[ND_MAXDIMS];
    for (int i = 0; i < depth; i++)
        sh[i] = in->shape[i];
    size_t m = (size_t)snprintf(buf, sizeof buf, "(");
    for (int i = 0; i < depth && m < sizeof buf; i++)
        m += (size_t)snprintf(buf + m, sizeof buf - m, i ? ", %lld" : "%lld",
                              (long long)sh[i]);
    snprintf(buf + m, sizeof buf - m, depth == 1 ? ",)" : ")");
    raisef(L, "ValueError",
           "setting an array element with a sequence. The requested array "
           "has an inhomogeneous shape after %d dimensions. The detected "
           "shape was %s + inhomogeneous part.", depth, buf);
}

static void infer_leaf(lua_State *L, Infer *in, int depth, NdDType t)
{
    if (in->ndim < 0)
        in->ndim = depth;
    else if (in->ndim != depth)
        ragged(L, in, depth < in->ndim ? depth : in->ndim);
    in->t = in->have ? nd_promote_types(in->t, t) : t;
    in->have = 1;
}

static void infer(lua_State *L, int idx, int depth, Infer *in)
{
    NdArray *a;
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER:
        infer_leaf(L, in, depth, lua_isinteger(L, idx) ? ND_INT64
                                                         : ND_FLOAT64);
        return;
    case LUA_TBOOLEAN:
        infer_leaf(L, in, depth, ND_BOOL);
        return;
    case LUA_TTABLE: {
        if (depth >= ND_MAXDIMS)
            raisef(L, "ValueError", "maximum supported dimension for an "
                                    "ndarray is 32, found 33");
        lua_Integer n = seq_len(L, idx);
        if (in->ndim >= 0 && depth >= in->ndim)
            ragged(L, in, in->ndim);
        if (in->ndim < 0 && (in->shape[depth] < 0)) {
            in->shape[depth] = n;
        } else if (in->shape[depth] != n) {
            ragged(L, in, depth);
        }
        if (n == 0) {
            if (in->ndim < 0)
                in->ndim = depth + 1;
            else if (in->ndim != depth + 1)
                ragged(L, in, depth);
            return;
        }
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, idx, i);
            infer(L, lua_gettop(L), depth + 1, in);
            lua_pop(L, 1);
        }
        return;
    }
    case LUA_TUSERDATA:
        if ((a = lnd_toarray(L, idx)) != NULL) {
            for (int i = 0; i < a->ndim; i++) {
                int d = depth + i;
                if (d >= ND_MAXDIMS)
                    raisef(L, "ValueError", "too many dimensions");
                if (in->ndim < 0 && in->shape[d] < 0)
                    in->shape[d] = a->shape[i];
                else if (in->shape[d] != a->shape[i])
                    ragged(L, in, d);
            }
            infer_leaf(L, in, depth + a->ndim, a->dtype);
            return;
        }
        break;
    default:
        break;
    }
    if (is_none(L, idx))
        raisef(L, "TypeError", "float() argument must be a string or a "
                               "real number, not 'NoneType'");
    if (lua_type(L, idx) == LUA_TSTRING)
        raisef(L, "ValueError", "could not convert string to float: '%s'",
               lua_tostring(L, idx));
    raisef(L, "TypeError", "cannot make an array from a %s",
           luaL_typename(L, idx));
}

/* Write the nested value at idx into out (a view of matching shape). */
static void fill_nested(lua_State *L, int idx, NdArray *out)
{
    NdErr err;
    NdArray *a;
    if (lua_type(L, idx) == LUA_TTABLE) {
        lua_Integer n = seq_len(L, idx);
        for (lua_Integer i = 1; i <= n; i++) {
            NdArray sub;
            nd_slice_axis(&sub, out, 0, i - 1, 1, 1);
            nd_squeeze(&sub, &sub, 0, NULL);
            lua_rawgeti(L, idx, i);
            fill_nested(L, lua_gettop(L), &sub);
            lua_pop(L, 1);
        }
        return;
    }
    if ((a = lnd_toarray(L, idx)) != NULL) {
        if (nd_assign(out, a, &err))
            raise_nd(L, ND_EVALUE, &err);
        return;
    }
    if (lua_isinteger(L, idx))
        nd_set_int(out->dtype, out->data, lua_tointeger(L, idx));
    else if (lua_type(L, idx) == LUA_TBOOLEAN)
        nd_set_int(out->dtype, out->data, lua_toboolean(L, idx));
    else
        nd_set_double(out->dtype, out->data, lua_tonumber(L, idx));
}

/* Convert the nested Lua value at idx into a new array (pushed). */
static NdArray *from_nested(lua_State *L, int idx, int dtype)
{
    Infer in;
    idx = lua_absindex(L, idx);
    in.ndim = -1;
    in.have = 0;
    in.t = ND_FLOAT64;
    for (int i = 0; i < ND_MAXDIMS; i++)
        in.shape[i] = -1;
    infer(L, idx, 0, &in);
    if (in.ndim < 0)
        in.ndim = 0;
    for (int i = 0; i < in.ndim; i++)
        if (in.shape[i] < 0)
            in.shape[i] = 0;
    NdDType t = dtype >= 0 ? (NdDType)dtype : in.have ? in.t : ND_FLOAT64;
    NdArray *out = lnd_newarray(L, t, in.ndim, in.shape);
    if (nd_size(out) > 0)
        fill_nested(L, idx, out);
    return out;
}

/*
** Any operand as an array: arrays as they are; Python scalars as 0-d
** arrays over tmp/store (no allocation); sequences converted (the new
** array is pushed and stays on the stack).
*/
static const NdArray *operand(lua_State *L, int idx, NdArray *tmp,
                              void *store)
{
    NdArray *a = lnd_toarray(L, idx);
    if (a)
        return a;
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx))
            nd_scalar_int(tmp, store, ND_INT64, lua_tointeger(L, idx));
        else
            nd_scalar_double(tmp, store, ND_FLOAT64, lua_tonumber(L, idx));
        return tmp;
    case LUA_TBOOLEAN:
        nd_scalar_int(tmp, store, ND_BOOL, lua_toboolean(L, idx));
        return tmp;
    case LUA_TTABLE:
        return from_nested(L, idx, -1);
    default:
        break;
    }
    raisef(L, "TypeError", "unsupported operand type: '%s'", pytype(L, idx));
    return NULL;
}

/* Shape argument: int, sequence of ints, or NumPy int. */
static int shape_arg(lua_State *L, int idx, int64_t *shape)
{
    if (lua_type(L, idx) == LUA_TTABLE) {
        lua_Integer n = seq_len(L, idx);
        if (n > ND_MAXDIMS)
            raisef(L, "ValueError", "maximum supported dimension for an "
                                    "ndarray is 32, found %d", (int)n);
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, idx, i);
            shape[i - 1] = toint(L, -1, "shape");
            lua_pop(L, 1);
        }
        return (int)n;
    }
    NdArray *a = lnd_toarray(L, idx);
    if (a && a->ndim == 1) {
        if (a->shape[0] > ND_MAXDIMS)
            raisef(L, "ValueError", "too many dimensions");
        for (int64_t i = 0; i < a->shape[0]; i++)
            shape[i] = nd_get_int(a->dtype, a->data + i * a->strides[0]);
        return (int)a->shape[0];
    }
    shape[0] = toint(L, idx, "shape");
    return 1;
}

/* ------------------------------------------------------------------ */
/* printing */

static NdPrintOptions *popts(lua_State *L)
{
    lua_getfield(L, LUA_REGISTRYINDEX, REG_POPTS);
    NdPrintOptions *o = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return o;
}

static int buf_writer(void *ud, const char *s, size_t n)
{
    luaL_addlstring((luaL_Buffer *)ud, s, n);
    return 0;
}

static int push_str(lua_State *L, const NdArray *a, int repr, int scalar)
{
    luaL_Buffer b;
    NdPrintOptions *o = popts(L);
    luaL_buffinit(L, &b);
    if (scalar && a->ndim == 0)
        (repr ? nd_print_scalar_repr : nd_print_scalar_str)(
            a->dtype, a->data, buf_writer, &b);
    else if (repr)
        nd_print_repr(a, o, buf_writer, &b);
    else
        nd_print_str(a, o, buf_writer, &b);
    luaL_pushresult(&b);
    return 1;
}

static int l_str(lua_State *L)
{
    LndArray *u = toud(L, 1);
    NdDType *t;
    if (lua_type(L, 1) == LUA_TBOOLEAN) {
        lua_pushstring(L, lua_toboolean(L, 1) ? "True" : "False");
        return 1;
    }
    if (is_none(L, 1)) {
        lua_pushliteral(L, "None");
        return 1;
    }
    if (u)
        return push_str(L, &u->a, 0, u->scalar);
    if ((t = luaL_testudata(L, 1, MT_DTYPE)) != NULL) {
        lua_pushstring(L, nd_dtype_name(*t));
        return 1;
    }
    luaL_tolstring(L, 1, NULL);
    return 1;
}

static int l_repr(lua_State *L)
{
    LndArray *u = toud(L, 1);
    NdDType *t;
    if (u)
        return push_str(L, &u->a, 1, u->scalar);
    if ((t = luaL_testudata(L, 1, MT_DTYPE)) != NULL) {
        lua_pushfstring(L, "dtype('%s')", nd_dtype_name(*t));
        return 1;
    }
    luaL_tolstring(L, 1, NULL);
    return 1;
}

/* An integer print option: NumPy keeps any int, we keep C ints, so
** huge values clamp to INT_MAX (the same output: no array is that big).
** NumPy accepts negative values and then prints oddly (linewidth -5 puts
** every element on its own line) or fails later; pyprep refuses them
** here instead of printing something else. */
static int print_int_opt(lua_State *L, int idx, const char *name)
{
    int64_t v = toint(L, idx, name);
    if (v < 0) {
        if (strcmp(name, "precision") == 0)
            raisef(L, "ValueError", "precision must be >= 0");
        raisef(L, "ValueError",
               "negative %s is not supported in pyprep", name);
    }
    return v > INT_MAX ? INT_MAX : (int)v;
}

static int l_set_printoptions(lua_State *L)
{
    const int top_ = lua_gettop(L);
    NdPrintOptions *o = popts(L);
    NdPrintOptions n = *o;
    int i;
    /* validate everything first: a bad argument changes nothing */
    if ((i = argx(L, top_, 1, "precision")) && !absent(L, i))
        n.precision = print_int_opt(L, i, "precision");
    if ((i = argx(L, top_, 2, "threshold")) && !absent(L, i))
        n.threshold = print_int_opt(L, i, "threshold");
    if ((i = argx(L, top_, 3, "edgeitems")) && !absent(L, i))
        n.edgeitems = print_int_opt(L, i, "edgeitems");
    if ((i = argx(L, top_, 4, "linewidth")) && !absent(L, i))
        n.linewidth = print_int_opt(L, i, "linewidth");
    if ((i = argx(L, top_, 5, "suppress")) && !absent(L, i))
        n.suppress = tobool(L, i);
    if ((i = argx(L, top_, 0, "sign")) && !absent(L, i)) {
        const char *s = luaL_checkstring(L, i);
        if (strcmp(s, "-") && strcmp(s, "+") && strcmp(s, " "))
            raisef(L, "ValueError",
                   "sign option must be one of ' ', '+', or '-'");
        n.sign = s[0];
    }
    if ((i = argx(L, top_, 0, "floatmode")) && !absent(L, i)) {
        const char *s = luaL_checkstring(L, i);
        if (strcmp(s, "fixed") == 0)
            n.floatmode = ND_FLOATMODE_FIXED;
        else if (strcmp(s, "unique") == 0)
            n.floatmode = ND_FLOATMODE_UNIQUE;
        else if (strcmp(s, "maxprec") == 0)
            n.floatmode = ND_FLOATMODE_MAXPREC;
        else if (strcmp(s, "maxprec_equal") == 0)
            n.floatmode = ND_FLOATMODE_MAXPREC_EQUAL;
        else
            raisef(L, "ValueError",
                   "floatmode option must be one of \"fixed\", "
                   "\"unique\", \"maxprec\", \"maxprec_equal\"");
    }
    /* the printer's digit buffers stop at ND_PRINT_MAXPREC */
    if (n.precision > ND_PRINT_MAXPREC)
        n.precision = ND_PRINT_MAXPREC;
    *o = n;
    return 0;
}

static int l_get_printoptions(lua_State *L)
{
    NdPrintOptions *o = popts(L);
    lua_createtable(L, 0, 11);
    lua_pushinteger(L, o->precision);
    lua_setfield(L, -2, "precision");
    lua_pushinteger(L, o->threshold);
    lua_setfield(L, -2, "threshold");
    lua_pushinteger(L, o->edgeitems);
    lua_setfield(L, -2, "edgeitems");
    lua_pushinteger(L, o->linewidth);
    lua_setfield(L, -2, "linewidth");
    lua_pushboolean(L, o->suppress);
    lua_setfield(L, -2, "suppress");
    static const char *const modes[] = {"maxprec", "fixed", "unique",
                                        "maxprec_equal"};
    lua_pushstring(L, (unsigned)o->floatmode < 4 ? modes[o->floatmode]
                                                 : "maxprec");
    lua_setfield(L, -2, "floatmode");
    lua_pushlstring(L, &o->sign, 1);
    lua_setfield(L, -2, "sign");
    /* fixed in pyprep: NumPy's defaults */
    lua_pushliteral(L, "nan");
    lua_setfield(L, -2, "nanstr");
    lua_pushliteral(L, "inf");
    lua_setfield(L, -2, "infstr");
    lua_pushlightuserdata(L, NULL); /* None */
    lua_setfield(L, -2, "formatter");
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "legacy");
    return 1;
}

/* ------------------------------------------------------------------ */
/* creation */

/* ndmin: the array at the top becomes a view with leading 1s up to ndmin
** dimensions (a view of it, as NumPy's _prepend_ones makes). */
static void prepend_ones(lua_State *L, int ndmin)
{
    NdArray *a = lnd_toarray(L, -1), v;
    int k;
    if (ndmin > ND_MAXDIMS)
        raisef(L, "ValueError", "ndmin bigger than allowable number of "
                                "dimensions NPY_MAXDIMS (=%d)", ND_MAXDIMS);
    if (a->ndim >= ndmin)
        return;
    k = ndmin - a->ndim;
    v = *a;
    for (int i = a->ndim - 1; i >= 0; i--) {
        v.shape[i + k] = a->shape[i];
        v.strides[i + k] = a->strides[i];
    }
    for (int i = 0; i < k; i++) {
        v.shape[i] = 1;
        v.strides[i] = a->ndim ? a->strides[0] * a->shape[0]
                               : (int64_t)nd_dtype_size(a->dtype);
    }
    v.ndim = ndmin;
    push_view(L, &v, -1);
    lua_remove(L, -2);
}

static int l_array(lua_State *L)
{
    const int top_ = lua_gettop(L);
    int dt = optdtype(L, argx(L, top_, 2, "dtype"));
    int ci = argx(L, top_, 0, "copy");
    int mi = argx(L, top_, 0, "ndmin");
    int ndmin = mi && !absent(L, mi) ? (int)toint(L, mi, "ndmin") : 0;
    NdArray *a = lnd_toarray(L, 1);
    if (a) {
        NdDType t = dt >= 0 ? (NdDType)dt : a->dtype;
        if (ci && !tobool(L, ci) && t == a->dtype)
            lua_pushvalue(L, 1);
        else
            push_copy(L, a, t);
    } else {
        if (absent(L, 1) && !lua_isnoneornil(L, 1))
            raisef(L, "TypeError", "None arrays are not supported");
        luaL_checkany(L, 1);
        from_nested(L, 1, dt);
    }
    prepend_ones(L, ndmin);
    return 1;
}

static int l_asarray(lua_State *L)
{
    const int top_ = lua_gettop(L);
    int dt = optdtype(L, argx(L, top_, 2, "dtype"));
    NdArray *a = lnd_toarray(L, 1);
    if (a && (dt < 0 || (NdDType)dt == a->dtype)) {
        lua_pushvalue(L, 1);
        return 1;
    }
    if (a) {
        push_copy(L, a, (NdDType)dt);
        return 1;
    }
    from_nested(L, 1, dt);
    return 1;
}

static NdArray *filled(lua_State *L, int shape_idx, NdDType t, double v)
{
    int64_t shape[ND_MAXDIMS];
    int nd = shape_arg(L, shape_idx, shape);
    NdArray *a = lnd_newarray(L, t, nd, shape);
    if (v == 0)
        memset(a->data, 0, nd_nbytes(a));
    else {
        char store[16];
        NdArray s;
        nd_scalar_double(&s, store, t, v);
        nd_fill(a, &s, NULL);
    }
    return a;
}

static int l_zeros(lua_State *L)
{
    const int top_ = lua_gettop(L);
    int dt = optdtype(L, argx(L, top_, 2, "dtype"));
    luaL_checkany(L, 1);
    filled(L, 1, dt >= 0 ? (NdDType)dt : ND_FLOAT64, 0);
    return 1;
}

static int l_ones(lua_State *L)
{
    const int top_ = lua_gettop(L);
    int dt = optdtype(L, argx(L, top_, 2, "dtype"));
    luaL_checkany(L, 1);
    filled(L, 1, dt >= 0 ? (NdDType)dt : ND_FLOAT64, 1);
    return 1;
}

static int l_empty(lua_State *L)
{
    return l_zeros(L);
}

static int l_full(lua_State *L)
{
    const int top_ = lua_gettop(L);
    int fi = argx(L, top_, 2, "fill_value");
    int dt = optdtype(L, argx(L, top_, 3, "dtype"));
    NdArray tmp;
    char store[16];
    int64_t shape[ND_MAXDIMS];
    NdErr err;
    if (!fi)
        raisef(L, "TypeError", "full() missing required argument "
                               "'fill_value' (pos 2)");
    const NdArray *v = operand(L, fi, &tmp, store);
    int nd = shape_arg(L, 1, shape);
    NdDType t = dt >= 0 ? (NdDType)dt : v->dtype;
    NdArray *a = lnd_newarray(L, t, nd, shape);
    TRY(nd_assign(a, v, &err));
    return 1;
}

static int like(lua_State *L, int which)
{
    const int top_ = lua_gettop(L);
    NdArray tmp;
    char store[16];
    const NdArray *a = operand(L, 1, &tmp, store);
    int fi = which == 2 ? argx(L, top_, 2, "fill_value") : 0;
    int dt = optdtype(L, argx(L, top_, which == 2 ? 3 : 2, "dtype"));
    NdDType t = dt >= 0 ? (NdDType)dt : a->dtype;
    NdErr err;
    NdArray *o = lnd_newarray(L, t, a->ndim, a->shape);
    if (which == 2) {
        NdArray vt;
        char vs[16];
        if (!fi)
            raisef(L, "TypeError", "full_like() missing required argument "
                                   "'fill_value' (pos 2)");
        int oi = lua_gettop(L);
        const NdArray *v = operand(L, fi, &vt, vs);
        TRY(nd_assign(o, v, &err));
        lua_settop(L, oi);
    } else {
        char store2[16];
        NdArray s;
        nd_scalar_double(&s, store2, t, which == 1 ? 1 : 0);
        nd_fill(o, &s, NULL);
    }
    return 1;
}

static int l_zeros_like(lua_State *L)
{
    return like(L, 0);
}

static int l_ones_like(lua_State *L)
{
    return like(L, 1);
}

static int l_full_like(lua_State *L)
{
    return like(L, 2);
}

static int l_eye(lua_State *L)
{
    const int top_ = lua_gettop(L);
    int64_t n = toint(L, 1, "N");
    int mi = argx(L, top_, 2, "M"), ki = argx(L, top_, 3, "k");
    int dt = optdtype(L, argx(L, top_, 4, "dtype"));
    int64_t m = absent(L, mi) ? n : toint(L, mi, "M");
    int64_t k = absent(L, ki) ? 0 : toint(L, ki, "k");
    int64_t shape[2] = {n, m};
    NdArray *a = lnd_newarray(L, dt >= 0 ? (NdDType)dt : ND_FLOAT64, 2,
                              shape);
    memset(a->data, 0, nd_nbytes(a));
    for (int64_t i = 0; i < n; i++) {
        int64_t j = i + k;
        if (j >= 0 && j < m)
            nd_set_int(a->dtype, a->data + i * a->strides[0] +
                                     j * a->strides[1], 1);
    }
    return 1;
}

static int l_identity(lua_State *L)
{
    const int top_ = lua_gettop(L);
    int dt = optdtype(L, argx(L, top_, 2, "dtype"));
    int64_t n = toint(L, 1, "n");
    int64_t shape[2] = {n, n};
    NdArray *a = lnd_newarray(L, dt >= 0 ? (NdDType)dt : ND_FLOAT64, 2,
                              shape);
    memset(a->data, 0, nd_nbytes(a));
    for (int64_t i = 0; i < n; i++)
        nd_set_int(a->dtype, a->data + i * (a->strides[0] + a->strides[1]),
                   1);
    return 1;
}

static int is_float_arg(lua_State *L, int idx)
{
    if (idx == 0 || absent(L, idx))
        return 0;
    if (lua_type(L, idx) == LUA_TNUMBER)
        return !lua_isinteger(L, idx);
    NdArray *a = lnd_toarray(L, idx);
    return a && nd_dtype_kind(a->dtype) == 'f';
}

static int l_arange(lua_State *L)
{
    const int top_ = lua_gettop(L);
    int np = nposx(L, top_);
    int si = argx(L, top_, 0, "start"), ei = argx(L, top_, 0, "stop"),
        pi = argx(L, top_, 0, "step");
    int dt = optdtype(L, argx(L, top_, 4, "dtype"));
    int ia, ib, ic;
    if (np >= 2) {
        ia = 1, ib = 2, ic = np >= 3 ? 3 : pi;
    } else if (np == 1) {
        ia = si ? si : 0, ib = si ? 1 : 1, ic = pi;
        if (!si) {
            ia = 0;
            ib = 1;
        } else {
            ia = si;
            ib = 1;
        }
    } else {
        ia = si, ib = ei, ic = pi;
    }
    if (np == 1 && ei && !si) {
        ia = 1;
        ib = ei;
    }
    if (np == 1 && !si && !ei) {
        ia = 0;
        ib = 1;
    }
    int fl = is_float_arg(L, ia) || is_float_arg(L, ib) ||
             is_float_arg(L, ic);
    double start = ia && !absent(L, ia) ? todouble(L, ia) : 0;
    double stop = todouble(L, ib);
    double step = ic && !absent(L, ic) ? todouble(L, ic) : 1;
    if (step == 0)
        raisef(L, "ZeroDivisionError", "division by zero");
    double delta = (start + step) - start;
    double len = ceil((stop - start) / step);
    if (!(len > 0))
        len = 0;
    if (len > 9.2e18)
        raisef(L, "ValueError", "Maximum allowed size exceeded");
    int64_t n = (int64_t)len;
    NdDType t = dt >= 0 ? (NdDType)dt : fl ? ND_FLOAT64 : ND_INT64;
    NdArray *a = lnd_newarray(L, t, 1, &n);
    if (t == ND_FLOAT64) {
        double *d = (double *)a->data;
        for (int64_t i = 0; i < n; i++)
            d[i] = start + (double)i * delta;
    } else if (t == ND_INT64 && !fl) {
        int64_t *d = (int64_t *)a->data;
        int64_t s0 = (int64_t)start, st = (int64_t)step;
        if (ia && lua_isinteger(L, ia))
            s0 = lua_tointeger(L, ia);
        if (ic && lua_isinteger(L, ic))
            st = lua_tointeger(L, ic);
        for (int64_t i = 0; i < n; i++)
            d[i] = (int64_t)((uint64_t)s0 + (uint64_t)i * (uint64_t)st);
    } else if ((t == ND_FLOAT32 || t == ND_FLOAT16) && n > 2) {
        /* NumPy's FLOAT_fill/HALF_fill: the first two values in the
        ** dtype, then start + i * delta in float (rounded to half) */
        nd_set_double(t, a->data, start);
        nd_set_double(t, a->data + a->strides[0], start + delta);
        float f0 = (float)nd_get_double(t, a->data);
        float fd = (float)nd_get_double(t, a->data + a->strides[0]) - f0;
        for (int64_t i = 2; i < n; i++) {
            float v = f0 + (float)i * fd;
            char *p = a->data + i * a->strides[0];
            if (t == ND_FLOAT32)
                memcpy(p, &v, 4);
            else
                nd_set_double(t, p, v);
        }
    } else {
        for (int64_t i = 0; i < n; i++)
            nd_set_double(t, a->data + i * a->strides[0],
                          start + (double)i * delta);
    }
    return 1;
}

static int l_linspace(lua_State *L)
{
    const int top_ = lua_gettop(L);
    double start = todouble(L, 1);
    int si = argx(L, top_, 2, "stop");
    if (!si)
        raisef(L, "TypeError", "linspace() missing required argument "
                               "'stop' (pos 2)");
    double stop = todouble(L, si);
    int ni = argx(L, top_, 3, "num"), ei = argx(L, top_, 4, "endpoint"),
        ri = argx(L, top_, 5, "retstep");
    int dt = optdtype(L, argx(L, top_, 6, "dtype"));
    int64_t num = absent(L, ni) ? 50 : toint(L, ni, "num");
    int endpoint = ei && !absent(L, ei) ? tobool(L, ei) : 1;
    int retstep = ri ? tobool(L, ri) : 0;
    if (num < 0)
        raisef(L, "ValueError", "Number of samples, %lld, must be "
                                "non-negative.", (long long)num);
    double div = endpoint ? (double)(num - 1) : (double)num;
    double delta = stop - start, step = delta / div;
    NdDType t = dt >= 0 ? (NdDType)dt : ND_FLOAT64;
    NdArray *a = lnd_newarray(L, t, 1, &num);
    for (int64_t i = 0; i < num; i++) {
        double y = (double)i;
        if (div > 0) {
            if (step == 0)
                y = y / div * delta;
            else
                y = y * step;
        } else {
            y = y * delta;
        }
        y += start;
        if (endpoint && num > 1 && i == num - 1)
            y = stop;
        nd_set_double(t, a->data + i * a->strides[0], y);
    }
    if (div <= 0)
        step = NAN;
    if (retstep) {
        lua_pushnumber(L, step);
        push_seq(L, 2, "py.tuple");
    }
    return 1;
}

static int l_copy(lua_State *L)
{
    NdArray tmp;
    char store[16];
    NdArray *pa = lnd_toarray(L, 1);
    const NdArray *a = pa ? pa : operand(L, 1, &tmp, store);
    copy_like(L, a, a->dtype, pa ? 1 : 0);
    return 1;
}

static int l_astype(lua_State *L)
{
    const int top_ = lua_gettop(L);
    NdArray *a = checkarray(L, 1);
    int di = argx(L, top_, 2, "dtype");
    if (!di)
        raisef(L, "TypeError", "astype() missing required argument 'dtype' "
                               "(pos 1)");
    NdDType t = checkdtype(L, di);
    int ci = argx(L, top_, 0, "copy");
    if (ci && !tobool(L, ci) && t == a->dtype) {
        lua_pushvalue(L, 1); /* copy=False: the array itself if it can */
        return 1;
    }
    copy_like(L, a, t, 1);
    mark_scalar(L, -1);
    return 1;
}

/* ------------------------------------------------------------------ */
/* attributes */

static int a_shape(lua_State *L)
{
    NdArray *a = checkarray(L, 1);
    push_shape_tuple(L, a->ndim, a->shape);
    return 1;
}

static int a_strides(lua_State *L)
{
    NdArray *a = checkarray(L, 1);
    push_shape_tuple(L, a->ndim, a->strides);
    return 1;
}

static int a_ndim(lua_State *L)
{
    lua_pushinteger(L, checkarray(L, 1)->ndim);
    return 1;
}

static int a_size(lua_State *L)
{
    lua_pushinteger(L, nd_size(checkarray(L, 1)));
    return 1;
}

static int a_dtype(lua_State *L)
{
    push_dtype(L, checkarray(L, 1)->dtype);
    return 1;
}

static int a_itemsize(lua_State *L)
{
    lua_pushinteger(L, (lua_Integer)nd_dtype_size(checkarray(L, 1)->dtype));
    return 1;
}

static int a_nbytes(lua_State *L)
{
    lua_pushinteger(L, (lua_Integer)nd_nbytes(checkarray(L, 1)));
    return 1;
}

static int a_T(lua_State *L)
{
    NdArray *a = checkarray(L, 1), v;
    NdErr err;
    TRY(nd_transpose(&v, a, NULL, &err));
    push_view(L, &v, 1);
    return 1;
}

static int a_base(lua_State *L)
{
    checkarray(L, 1);
    if (lua_getiuservalue(L, 1, 1) <= LUA_TNIL) { /* an owner */
        lua_pop(L, 1);
        lua_pushlightuserdata(L, NULL);
    }
    return 1;
}

static int a_flags(lua_State *L)
{
    NdArray *a = checkarray(L, 1);
    lua_createtable(L, 0, 4);
    lua_pushboolean(L, (a->flags & ND_C_CONTIGUOUS) != 0);
    lua_setfield(L, -2, "c_contiguous");
    lua_pushboolean(L, (a->flags & ND_F_CONTIGUOUS) != 0);
    lua_setfield(L, -2, "f_contiguous");
    lua_pushboolean(L, (a->flags & ND_WRITEABLE) != 0);
    lua_setfield(L, -2, "writeable");
    lua_getiuservalue(L, 1, 1);
    lua_pushboolean(L, lua_isnil(L, -1));
    lua_remove(L, -2);
    lua_setfield(L, -2, "owndata");
    lua_getfield(L, -1, "c_contiguous");
    lua_setfield(L, -2, "C_CONTIGUOUS");
    lua_getfield(L, -1, "f_contiguous");
    lua_setfield(L, -2, "F_CONTIGUOUS");
    lua_getfield(L, -1, "owndata");
    lua_setfield(L, -2, "OWNDATA");
    lua_getfield(L, -1, "writeable");
    lua_setfield(L, -2, "WRITEABLE");
    return 1;
}

static int a_real(lua_State *L)
{
    NdArray *a = checkarray(L, 1), v = *a;
    if (a->dtype == ND_COMPLEX128 || a->dtype == ND_COMPLEX64) {
        v.dtype = a->dtype == ND_COMPLEX128 ? ND_FLOAT64 : ND_FLOAT32;
        push_view(L, &v, 1);
        return 1;
    }
    lua_pushvalue(L, 1);
    return 1;
}

static int a_imag(lua_State *L)
{
    NdArray *a = checkarray(L, 1), v = *a;
    if (a->dtype == ND_COMPLEX128 || a->dtype == ND_COMPLEX64) {
        v.dtype = a->dtype == ND_COMPLEX128 ? ND_FLOAT64 : ND_FLOAT32;
        v.data += nd_dtype_size(v.dtype);
        push_view(L, &v, 1);
        return 1;
    }
    NdArray *z = lnd_newarray(L, a->dtype, a->ndim, a->shape);
    memset(z->data, 0, nd_nbytes(z));
    return 1;
}

/* ------------------------------------------------------------------ */
/* element-wise */

/* Does input x overlap output o other than exactly (same data, same
** view)? Memory is shared only within one buffer, which is cheap to
** rule out before measuring extents. */
/* A ufunc's out: keyword, or positional at pos (0: none given), not
** both, as NumPy says. */
static int out_arg(lua_State *L, int kw, int pos)
{
    int oi = kwarg(L, kw, "out");
    if (oi && pos)
        raisef(L, "TypeError", "cannot specify 'out' as both a positional "
                               "and keyword argument");
    return oi ? oi : pos;
}

static int partial_overlap(const NdArray *x, const NdArray *o)
{
    if (x == o || (x->buffer && o->buffer && x->buffer != o->buffer))
        return 0;
    return nd_shares_memory(x, o) &&
           (x->data != o->data || x->ndim != o->ndim);
}

/* Result of a ufunc: 0-d results are NumPy scalars unless out= given. */
static int binary(lua_State *L, NdBinaryOp op, int ia, int ib)
{
    const int top_ = lua_gettop(L);
    NdArray ta, tb;
    char sa[16], sb[16];
    NdErr err;
    NdDType t;
    int nd;
    int64_t shape[ND_MAXDIMS];
    const int kw = kwx(L, top_);
    NdArray *pa = lnd_toarray(L, ia), *pb = lnd_toarray(L, ib);
    if (top_ == 2 && pa && pb && nd_binary_same_ok(op, pa, pb)) {
        /* one dtype and shape, contiguous: no promotion, broadcast or
        ** iterator (a+b on 10 floats: a fifth of the call) */
        NdArray *o = push_new(L, pa, ia); /* pa's shape, strides, flags */
        nd_binary_same(op, pa, pb, o);
        MARK_RESULT(L, o, -1);
        return 1;
    }
    int oi = out_arg(L, kw, top_ - (kw != 0) >= 3 ? 3 : 0);
    int di = kwarg(L, kw, "dtype");
    const NdArray *a = pa ? pa : operand(L, ia, &ta, sa);
    const NdArray *b = pb ? pb : operand(L, ib, &tb, sb);
    TRY(nd_binary_prepare(op, a, b, &t, &nd, shape, &err));
    if (di && !absent(L, di))
        t = checkdtype(L, di);
    if (oi && !absent(L, oi)) {
        NdArray *o = lnd_toarray(L, oi);
        if (!o && lua_type(L, oi) == LUA_TTABLE) {
            lua_rawgeti(L, oi, 1);
            oi = lua_gettop(L);
            o = lnd_toarray(L, oi);
        }
        if (!o)
            raisef(L, "TypeError", "return arrays must be of ArrayType");
        /* Partial overlap with an input: compute from a copy. */
        if (partial_overlap(a, o))
            a = push_copy(L, a, a->dtype);
        if (partial_overlap(b, o))
            b = push_copy(L, b, b->dtype);
        TRY(nd_binary(op, a, b, o, &err));
        lua_pushvalue(L, oi);
        return 1;
    }
    NdArray *o = newarray_like(L, t, nd, shape, pa ? ia : pb ? ib : 0);
    TRY(nd_binary(op, a, b, o, &err));
    MARK_RESULT(L, o, -1);
    return 1;
}

static int unary(lua_State *L, NdUnaryOp op)
{
    const int top_ = lua_gettop(L);
    NdArray ta;
    char sa[16];
    NdErr err;
    NdDType t;
    const int kw = kwx(L, top_);
    int oi = out_arg(L, kw, top_ - (kw != 0) >= 2 ? 2 : 0);
    NdArray *pa = lnd_toarray(L, 1);
    const NdArray *a = pa ? pa : operand(L, 1, &ta, sa);
    TRY(nd_unary_prepare(op, a, &t, &err));
    if (oi && !absent(L, oi)) {
        NdArray *o = lnd_toarray(L, oi);
        if (!o)
            raisef(L, "TypeError", "return arrays must be of ArrayType");
        TRY(nd_unary(op, a, o, &err));
        lua_pushvalue(L, oi);
        return 1;
    }
    NdArray *o = newarray_like(L, t, a->ndim, a->shape, pa ? 1 : 0);
    TRY(nd_unary(op, a, o, &err));
    MARK_RESULT(L, o, -1);
    return 1;
}

#define BIN(NAME, OP)                                                      \
    static int l_##NAME(lua_State *L)                                      \
    {                                                                      \
        return binary(L, OP, 1, 2);                                        \
    }
BIN(add, ND_ADD)
BIN(subtract, ND_SUB)
BIN(multiply, ND_MUL)
BIN(true_divide, ND_TRUEDIV)
BIN(floor_divide, ND_FLOORDIV)
BIN(remainder, ND_MOD)
BIN(power, ND_POW)
BIN(bitwise_and, ND_AND)
BIN(bitwise_or, ND_OR)
BIN(bitwise_xor, ND_XOR)
BIN(left_shift, ND_LSHIFT)
BIN(right_shift, ND_RSHIFT)
BIN(equal, ND_EQ)
BIN(not_equal, ND_NE)
BIN(less, ND_LT)
BIN(less_equal, ND_LE)
BIN(greater, ND_GT)
BIN(greater_equal, ND_GE)
BIN(maximum, ND_MAXIMUM)
BIN(minimum, ND_MINIMUM)
BIN(fmax, ND_FMAX)
BIN(fmin, ND_FMIN)
BIN(logical_and, ND_LOGICAL_AND)
BIN(logical_or, ND_LOGICAL_OR)
BIN(logical_xor, ND_LOGICAL_XOR)
BIN(arctan2, ND_ARCTAN2)
BIN(hypot, ND_HYPOT)

#define UN(NAME, OP)                                                       \
    static int l_##NAME(lua_State *L)                                      \
    {                                                                      \
        return unary(L, OP);                                               \
    }
UN(negative, ND_NEG)
UN(positive, ND_POS)
UN(absolute, ND_ABS)
UN(invert, ND_INVERT)
UN(logical_not, ND_LOGICAL_NOT)
UN(sign, ND_SIGN)
UN(square, ND_SQUARE)
UN(sqrt, ND_SQRT)
UN(exp, ND_EXP)
UN(log, ND_LOG)
UN(log10, ND_LOG10)
UN(log2, ND_LOG2)
UN(log1p, ND_LOG1P)
UN(expm1, ND_EXPM1)
UN(sin, ND_SIN)
UN(cos, ND_COS)
UN(tan, ND_TAN)
UN(arcsin, ND_ARCSIN)
UN(arccos, ND_ARCCOS)
UN(arctan, ND_ARCTAN)
UN(sinh, ND_SINH)
UN(cosh, ND_COSH)
UN(tanh, ND_TANH)
UN(floor_, ND_FLOOR)
UN(ceil, ND_CEIL)
UN(rint, ND_RINT)
UN(trunc, ND_TRUNC)
UN(isnan, ND_ISNAN)
UN(isinf, ND_ISINF)
UN(isfinite, ND_ISFINITE)
UN(signbit, ND_SIGNBIT)

/* Metamethods: Lua passes (a, b) in source order. */
static int m_unm(lua_State *L)
{
    lua_settop(L, 1);
    return unary(L, ND_NEG);
}

static int m_bnot(lua_State *L)
{
    lua_settop(L, 1);
    return unary(L, ND_INVERT);
}

static int l_round(lua_State *L)
{
    const int top_ = lua_gettop(L);
    NdArray ta;
    char sa[16];
    NdErr err;
    int di = argx(L, top_, 2, "decimals");
    int dec = absent(L, di) ? 0 : (int)toint(L, di, "decimals");
    const NdArray *a = operand(L, 1, &ta, sa);
    LndArray *u = toud(L, 1);
    NdArray *o = lnd_newarray(L, a->dtype, a->ndim, a->shape);
    TRY(nd_round(a, dec, o, &err));
    if (!u || u->scalar || a->ndim == 0)
        mark_scalar(L, -1);
    return 1;
}

static int l_clip(lua_State *L)
{
    const int top_ = lua_gettop(L);
    NdArray ta, tl, th;
    char sa[16], sl[16], sh[16];
    NdErr err;
    int li = argx(L, top_, 2, "a_min"), hi = argx(L, top_, 3, "a_max");
    const NdArray *a = operand(L, 1, &ta, sa);
    int no_lo = absent(L, li), no_hi = absent(L, hi);
    if (no_lo && no_hi)
        raisef(L, "ValueError", "One of max or min must be given");
    const NdArray *lo = no_lo ? NULL : operand(L, li, &tl, sl);
    const NdArray *hv = no_hi ? NULL : operand(L, hi, &th, sh);
    const NdArray *ops[3] = {a, lo ? lo : hv, hv ? hv : lo};
    NdDType t = nd_result_type(3, ops);
    int nd;
    int64_t shape[ND_MAXDIMS];
    TRY(nd_broadcast_shape(3, ops, &nd, shape, &err));
    NdArray *o = lnd_newarray(L, t, nd, shape);
    if (lo) {
        TRY(nd_binary(ND_MAXIMUM, a, lo, o, &err));
        if (hv)
            TRY(nd_binary(ND_MINIMUM, o, hv, o, &err));
    } else {
        TRY(nd_binary(ND_MINIMUM, a, hv, o, &err));
    }
    mark_scalar(L, -1);
    return 1;
}

static int l_where(lua_State *L)
{
    const int top_ = lua_gettop(L);
    NdArray tc, tx, ty;
    char sc[16], sx[16], sy[16];
    NdErr err;
    const NdArray *c = operand(L, 1, &tc, sc);
    if (nposx(L, top_) < 3)
        raisef(L, "ValueError", "either both or neither of x and y should "
                                "be given");
    const NdArray *x = operand(L, 2, &tx, sx);
    const NdArray *y = operand(L, 3, &ty, sy);
    const NdArray *xy[2] = {x, y};
    const NdArray *all[3] = {c, x, y};
    NdDType t = nd_result_type(2, xy);
    int nd;
    int64_t shape[ND_MAXDIMS];
    TRY(nd_broadcast_shape(3, all, &nd, shape, &err));
    NdArray *o = lnd_newarray(L, t, nd, shape);
    TRY(nd_where(c, x, y, o, &err));
    return 1;
}

/* ------------------------------------------------------------------ */
/* truth, conversion, scalars */

static int l_truth(lua_State *L)
{
    NdArray *a = lnd_toarray(L, 1);
    if (!a) {
        lua_pushboolean(L, lua_toboolean(L, 1) && !is_none(L, 1) &&
                               !(lua_type(L, 1) == LUA_TNUMBER &&
                                 lua_tonumber(L, 1) == 0));
        return 1;
    }
    int64_t n = nd_size(a);
    if (n != 1) {
        if (n == 0) {
            lua_pushboolean(L, 0);
            return 1;
        }
        raisef(L, "ValueError",
               "The truth value of an array with more than one element is "
               "ambiguous. Use a.any() or a.all()");
    }
    double re, im;
    const char *p = a->data;
    nd_get_complex(a->dtype, p, &re, &im);
    lua_pushboolean(L, re != 0 || im != 0);
    return 1;
}

/* Push element at p as a Lua value (Python int/float/bool). */
static void push_elem(lua_State *L, NdDType t, const char *p)
{
    switch (nd_dtype_kind(t)) {
    case 'b': lua_pushboolean(L, *(const uint8_t *)p != 0); break;
    case 'i': lua_pushinteger(L, nd_get_int(t, p)); break;
    case 'u': lua_pushinteger(L, (lua_Integer)nd_get_int(t, p)); break;
    default: lua_pushnumber(L, nd_get_double(t, p)); break;
    }
}

static int l_item(lua_State *L)
{
    const int top_ = lua_gettop(L);
    NdArray *a = checkarray(L, 1);
    int64_t n = nd_size(a);
    if (nposx(L, top_) >= 2) {
        int64_t k = toint(L, 2, "index");
        if (k < 0)
            k += n;
        if (k < 0 || k >= n)
            raisef(L, "IndexError", "index %lld is out of bounds for size "
                                    "%lld", (long long)toint(L, 2, ""),
                   (long long)n);
        const char *p = a->data;
        for (int d = a->ndim - 1; d >= 0; d--) {
            p += (k % a->shape[d]) * a->strides[d];
            k /= a->shape[d];
        }
        push_elem(L, a->dtype, p);
        return 1;
    }
    if (n != 1)
        raisef(L, "ValueError", "can only convert an array of size 1 to a "
                                "Python scalar");
    const char *p = a->data;
    push_elem(L, a->dtype, p);
    return 1;
}

static void tolist_rec(lua_State *L, const NdArray *a, const char *p,
                       int d)
{
    if (d == a->ndim) {
        push_elem(L, a->dtype, p);
        return;
    }
    lua_createtable(L, (int)a->shape[d], 1);
    for (int64_t i = 0; i < a->shape[d]; i++) {
        tolist_rec(L, a, p + i * a->strides[d], d + 1);
        lua_rawseti(L, -2, i + 1);
    }
    lua_pushinteger(L, a->shape[d]);
    lua_setfield(L, -2, "n");
    luaL_newmetatable(L, "py.list");
    lua_setmetatable(L, -2);
}

static int l_tolist(lua_State *L)
{
    NdArray *a = checkarray(L, 1);
    luaL_checkstack(L, a->ndim + 10, "tolist");
    tolist_rec(L, a, a->data, 0);
    return 1;
}

static int l_int(lua_State *L)
{
    NdArray *a = checkarray(L, 1);
    if (nd_size(a) != 1)
        raisef(L, "TypeError", "only size-1 arrays can be converted to "
                               "Python scalars");
    double v = nd_get_double(a->dtype, a->data);
    char k = nd_dtype_kind(a->dtype);
    if (k == 'f' && (isnan(v) || isinf(v)))
        raisef(L, isnan(v) ? "ValueError" : "OverflowError",
               isnan(v) ? "cannot convert float NaN to integer"
                        : "cannot convert float infinity to integer");
    if (k == 'f' || k == 'c')
        lua_pushinteger(L, (lua_Integer)v);
    else
        lua_pushinteger(L, nd_get_int(a->dtype, a->data));
    return 1;
}

static int l_float(lua_State *L)
{
    NdArray *a = checkarray(L, 1);
    if (nd_size(a) != 1)
        raisef(L, "TypeError", "only size-1 arrays can be converted to "
                               "Python scalars");
    lua_pushnumber(L, nd_get_double(a->dtype, a->data));
    return 1;
}

static int l_isscalar(lua_State *L)
{
    LndArray *u = toud(L, 1);
    if (u)
        lua_pushboolean(L, u->scalar);
    else
        lua_pushboolean(L, lua_type(L, 1) == LUA_TNUMBER ||
                               lua_type(L, 1) == LUA_TBOOLEAN ||
                               lua_type(L, 1) == LUA_TSTRING);
    return 1;
}

static int l_isarray(lua_State *L)
{
    lua_pushboolean(L, toud(L, 1) != NULL);
    return 1;
}

static int l_typename(lua_State *L)
{
    LndArray *u = toud(L, 1);
    if (u && u->scalar)
        lua_pushfstring(L, "numpy.%s",
                        u->a.dtype == ND_BOOL ? "bool_"
                                              : nd_dtype_name(u->a.dtype));
    else if (u)
        lua_pushstring(L, "numpy.ndarray");
    else if (luaL_testudata(L, 1, MT_DTYPE))
        lua_pushstring(L, "numpy.dtype");
    else
        lua_pushstring(L, pytype(L, 1));
    return 1;
}

/* dtype(x) call: make a scalar of that dtype (np.float32(3)). */
static int dt_call(lua_State *L)
{
    NdDType t = *(NdDType *)luaL_checkudata(L, 1, MT_DTYPE);
    NdArray tmp;
    char store[16];
    NdErr err;
    if (lua_gettop(L) < 2) {
        NdArray *o = lnd_newarray(L, t, 0, NULL);
        memset(o->data, 0, nd_dtype_size(t));
        mark_scalar(L, -1);
        return 1;
    }
    if (lua_type(L, 2) == LUA_TSTRING) {
        char *end;
        const char *s = lua_tostring(L, 2);
        double v = strtod(s, &end);
        if (end == s)
            raisef(L, "ValueError", "could not convert string to float: "
                                    "'%s'", s);
        lua_pushnumber(L, v);
        lua_replace(L, 2);
    }
    const NdArray *a = operand(L, 2, &tmp, store);
    NdArray *o = lnd_newarray(L, t, a->ndim, a->shape);
    TRY(nd_assign(o, a, &err));
    mark_scalar(L, -1);
    return 1;
}

static int dt_index(lua_State *L)
{
    NdDType t = *(NdDType *)luaL_checkudata(L, 1, MT_DTYPE);
    const char *k = luaL_checkstring(L, 2);
    if (strcmp(k, "name") == 0)
        lua_pushstring(L, nd_dtype_name(t));
    else if (strcmp(k, "itemsize") == 0)
        lua_pushinteger(L, (lua_Integer)nd_dtype_size(t));
    else if (strcmp(k, "kind") == 0)
        lua_pushlstring(L, (char[]){nd_dtype_kind(t)}, 1);
    else if (strcmp(k, "type") == 0)
        lua_pushvalue(L, 1);
    else if (strcmp(k, "str") == 0) {
        char k2 = nd_dtype_kind(t);
        lua_pushfstring(L, "%s%c%d", nd_dtype_size(t) == 1 ? "|" : "<",
                        k2 == 'b' ? 'b' : k2, (int)nd_dtype_size(t));
    } else
        raisef(L, "AttributeError", "'numpy.dtype[%s]' object has no "
                                    "attribute '%s'", nd_dtype_name(t), k);
    return 1;
}

static int dt_tostring(lua_State *L)
{
    NdDType t = *(NdDType *)luaL_checkudata(L, 1, MT_DTYPE);
    lua_pushstring(L, nd_dtype_name(t));
    return 1;
}

static int l_dtype(lua_State *L)
{
    push_dtype(L, checkdtype(L, 1));
    return 1;
}

/* An argument of result_type/can_cast: a dtype (object or name) counts
** as an array of that dtype; numbers and 0-d arrays are scalars. */
static const NdArray *type_operand(lua_State *L, int idx, NdArray *tmp,
                                   void *store)
{
    if (luaL_testudata(L, idx, MT_DTYPE) ||
        lua_type(L, idx) == LUA_TSTRING) {
        int64_t one = 1;
        nd_init(tmp, checkdtype(L, idx), 1, &one, NULL);
        tmp->data = store; /* never read for ndim > 0 */
        return tmp;
    }
    return operand(L, idx, tmp, store);
}

static int l_promote_types(lua_State *L)
{
    push_dtype(L, nd_promote_types(checkdtype(L, 1), checkdtype(L, 2)));
    return 1;
}

static int l_result_type(lua_State *L)
{
    int n = lua_gettop(L);
    NdArray tmp[16];
    char store[16][16];
    const NdArray *ops[16];
    if (n == 0)
        raisef(L, "ValueError", "at least one array or dtype is required");
    if (n > 16)
        raisef(L, "ValueError", "result_type of more than 16 arguments "
                                "is not supported in pyprep");
    for (int i = 0; i < n; i++)
        ops[i] = type_operand(L, i + 1, &tmp[i], store[i]);
    push_dtype(L, nd_result_type(n, ops));
    return 1;
}

static int l_min_scalar_type(lua_State *L)
{
    NdArray tmp;
    char store[16];
    int small;
    const NdArray *a = type_operand(L, 1, &tmp, store);
    push_dtype(L, a->ndim == 0 ? nd_min_scalar_type(a, &small) : a->dtype);
    return 1;
}

static int l_can_cast(lua_State *L)
{
    const int top_ = lua_gettop(L);
    NdArray tmp;
    char store[16];
    NdCasting rule = ND_CAST_SAFE;
    int ci = argx(L, top_, 3, "casting");
    if (ci && !absent(L, ci)) {
        const char *c = luaL_checkstring(L, ci);
        if (strcmp(c, "no") == 0 || strcmp(c, "equiv") == 0)
            rule = ND_CAST_NO;
        else if (strcmp(c, "safe") == 0)
            rule = ND_CAST_SAFE;
        else if (strcmp(c, "same_kind") == 0)
            rule = ND_CAST_SAME_KIND;
        else if (strcmp(c, "unsafe") == 0)
            rule = ND_CAST_UNSAFE;
        else
            raisef(L, "ValueError", "casting must be one of 'no', 'equiv', "
                                    "'safe', 'same_kind', or 'unsafe'");
    }
    NdDType to = checkdtype(L, 2);
    const NdArray *a = type_operand(L, 1, &tmp, store);
    lua_pushboolean(L, nd_can_cast_value(a, to, rule));
    return 1;
}

/* ------------------------------------------------------------------ */
/* indexing */

static int l_slice(lua_State *L)
{
    LndSlice sl, *s = &sl;
    memset(s, 0, sizeof *s);
    int n = lua_gettop(L);
    int a = 1, b = 2, c = 3;
    if (n == 1) { /* slice(stop) */
        a = 0, b = 1, c = 0;
    }
    if (a && !absent(L, a)) {
        s->has_start = 1;
        s->start = toint(L, a, "slice");
    }
    if (b <= n && !absent(L, b)) {
        s->has_stop = 1;
        s->stop = toint(L, b, "slice");
    }
    if (c && c <= n && !absent(L, c)) {
        s->has_step = 1;
        s->step = toint(L, c, "slice");
    }
    s = lua_newuserdatauv(L, sizeof *s, 0);
    *s = sl;
    luaL_setmetatable(L, MT_SLICE);
    return 1;
}

static int slice_index(lua_State *L)
{
    LndSlice *s = luaL_checkudata(L, 1, MT_SLICE);
    const char *k = luaL_checkstring(L, 2);
    int has = 0;
    lua_Integer v = 0;
    if (strcmp(k, "start") == 0)
        has = s->has_start, v = s->start;
    else if (strcmp(k, "stop") == 0)
        has = s->has_stop, v = s->stop;
    else if (strcmp(k, "step") == 0)
        has = s->has_step, v = s->step;
    else
        return 0;
    if (has)
        lua_pushinteger(L, v);
    else
        lua_pushlightuserdata(L, NULL);
    return 1;
}

/* Convert keys at stack [first, last] into ix[]; returns count and
** whether every key was an integer. Converted arrays are pushed. */
static int build_index(lua_State *L, int first, int last, NdIndex *ix,
                       int *all_int)
{
    int n = 0;
    *all_int = 1;
    if (first == last && is_tuple(L, first)) {
        int t = first;
        lua_Integer m = seq_len(L, t);
        if (m > 2 * ND_MAXDIMS)
            raisef(L, "IndexError", "too many indices for array");
        int base = lua_gettop(L);
        for (lua_Integer i = 1; i <= m; i++)
            lua_rawgeti(L, t, i);
        return build_index(L, base + 1, base + (int)m, ix, all_int);
    }
    for (int k = first; k <= last; k++) {
        NdIndex *x = &ix[n];
        if (n >= 2 * ND_MAXDIMS)
            raisef(L, "IndexError", "too many indices for array");
        memset(x, 0, sizeof *x);
        NdArray *arr;
        if (lua_isinteger(L, k)) {
            x->kind = ND_IX_INT;
            x->i = lua_tointeger(L, k);
        } else if ((arr = lnd_toarray(L, k)) != NULL) {
            char kd = nd_dtype_kind(arr->dtype);
            if (arr->ndim == 0 && (kd == 'i' || kd == 'u')) {
                x->kind = ND_IX_INT;
                x->i = nd_get_int(arr->dtype, arr->data);
            } else {
                x->kind = ND_IX_ARRAY;
                x->arr = arr;
                *all_int = 0;
            }
        } else if (is_none(L, k)) {
            x->kind = ND_IX_NEWAXIS;
            *all_int = 0;
        } else if (marked(L, k, &KEY_SLICE)) {
            LndSlice *s = lua_touserdata(L, k);
            x->kind = ND_IX_SLICE;
            x->has_start = s->has_start;
            x->has_stop = s->has_stop;
            x->has_step = s->has_step;
            x->start = s->start;
            x->stop = s->stop;
            x->step = s->step;
            *all_int = 0;
        } else if (marked(L, k, &KEY_ELLIPSIS)) {
            x->kind = ND_IX_ELLIPSIS;
            *all_int = 0;
        } else if (lua_type(L, k) == LUA_TTABLE) {
            lua_Integer m = seq_len(L, k);
            NdArray *a2 = from_nested(L, k, m == 0 ? ND_INT64 : -1);
            x->kind = ND_IX_ARRAY;
            x->arr = a2;
            *all_int = 0;
        } else if (lua_type(L, k) == LUA_TBOOLEAN) {
            raisef(L, "IndexError", "boolean scalar indices are not "
                                    "supported");
        } else {
            raisef(L, "IndexError",
                   "only integers, slices (`:`), ellipsis (`...`), "
                   "numpy.newaxis (`None`) and integer or boolean arrays "
                   "are valid indices");
        }
        n++;
    }
    return n;
}

/* Prepare, turning boolean arrays into nonzero() index arrays when they
** are mixed with other advanced indices. */
static void prepare_index(lua_State *L, const NdArray *a, NdIndex *ix,
                          int *n, NdIndexPlan *plan)
{
    NdErr err;
    NdError rc = nd_index_prepare(a, ix, *n, plan, &err);
    if (rc == ND_EINDEX && err.msg[0] == 0) {
        NdIndex nix[2 * ND_MAXDIMS];
        int m = 0;
        for (int i = 0; i < *n; i++) {
            if (ix[i].kind == ND_IX_ARRAY &&
                nd_dtype_kind(ix[i].arr->dtype) == 'b') {
                const NdArray *b = ix[i].arr;
                int64_t cnt = nd_count_nonzero(b);
                int64_t sh[2] = {b->ndim ? b->ndim : 1, cnt};
                NdArray *nz = lnd_newarray(L, ND_INT64, 2, sh);
                nd_nonzero(b, nz);
                int nzi = lua_gettop(L);
                for (int d = 0; d < b->ndim; d++) {
                    NdArray row;
                    nd_slice_axis(&row, nz, 0, d, 1, 1);
                    nd_squeeze(&row, &row, 0, NULL);
                    /* the view stays on the stack, anchoring it */
                    NdArray *rv = push_view(L, &row, nzi);
                    if (m >= 2 * ND_MAXDIMS)
                        raisef(L, "IndexError", "too many indices");
                    memset(&nix[m], 0, sizeof nix[m]);
                    nix[m].kind = ND_IX_ARRAY;
                    nix[m++].arr = rv;
                }
            } else {
                nix[m++] = ix[i];
            }
        }
        memcpy(ix, nix, sizeof(NdIndex) * (size_t)m);
        *n = m;
        rc = nd_index_prepare(a, ix, *n, plan, &err);
    }
    if (rc)
        raise_nd(L, rc, &err);
}

static int l_getitem(lua_State *L)
{
    NdArray *a = checkarray(L, 1);
    NdIndex ix[2 * ND_MAXDIMS];
    NdIndexPlan plan;
    NdErr err;
    int all_int;
    int top = lua_gettop(L);
    int n = build_index(L, 2, top, ix, &all_int);
    if (a->ndim == 1 && n == 1 && ix[0].kind == ND_IX_INT) {
        /* fast path: a[i] on a 1-d array */
        int64_t i = ix[0].i, d = a->shape[0];
        if (i < -d || i >= d)
            raisef(L, "IndexError", "index %lld is out of bounds for axis "
                                    "0 with size %lld", (long long)i,
                   (long long)d);
        if (i < 0)
            i += d;
        NdArray *o = newarray_like(L, a->dtype, 0, NULL, 1);
        memcpy(o->data, a->data + i * a->strides[0], nd_dtype_size(a->dtype));
        mark_scalar(L, -1);
        return 1;
    }
    prepare_index(L, a, ix, &n, &plan);
    if (plan.nadv == 0) {
        if (all_int && plan.view.ndim == 0) {
            NdArray *o = newarray_like(L, a->dtype, 0, NULL, 1);
            memcpy(o->data, plan.view.data, nd_dtype_size(a->dtype));
            mark_scalar(L, -1);
            return 1;
        }
        push_view(L, &plan.view, 1);
        return 1;
    }
    NdArray *o = newarray_like(L, a->dtype, plan.ndim, plan.shape, 1);
    TRY(nd_index_get(&plan, o, &err));
    return 1;
}

static int l_setitem(lua_State *L)
{
    NdArray *a = checkarray(L, 1);
    NdIndex ix[2 * ND_MAXDIMS];
    NdIndexPlan plan;
    NdErr err;
    NdArray tv;
    char sv[16];
    int all_int;
    int top = lua_gettop(L);
    if (lua_type(L, 2) == LUA_TSTRING && nd_dtype_kind(a->dtype) != 'c') {
        const char *s = lua_tostring(L, 2);
        char *end;
        double v = strtod(s, &end);
        if (end == s || *end)
            raisef(L, "ValueError", "could not convert string to float: "
                                    "'%s'", s);
        lua_pushnumber(L, v);
        lua_replace(L, 2);
    }
    const NdArray *v = operand(L, 2, &tv, sv);
    int n = build_index(L, 3, top, ix, &all_int);
    /* index arrays aliasing the target would change under the writes */
    for (int i = 0; i < n; i++)
        if (ix[i].kind == ND_IX_ARRAY && nd_shares_memory(ix[i].arr, a))
            ix[i].arr = push_copy(L, ix[i].arr, ix[i].arr->dtype);
    prepare_index(L, a, ix, &n, &plan);
    /* A value sharing memory with the target is copied first. */
    if (v != &tv && nd_shares_memory(v, a))
        v = push_copy(L, v, v->dtype);
    TRY(nd_index_set(&plan, v, &err));
    return 0;
}

/* a:__index(key): methods, then attributes. */
static int m_index(lua_State *L)
{
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL)
        return 1;
    lua_pop(L, 1);
    lua_pushvalue(L, 2);
    if (lua_rawget(L, lua_upvalueindex(2)) != LUA_TNIL) {
        /* a getter (C, reads only index 1 and pushes its result): called
        ** directly, which costs a fraction of lua_call (a.T, a.shape) */
        lua_CFunction get = lua_tocfunction(L, -1);
        return get(L);
    }
    if (lua_type(L, 2) == LUA_TSTRING) {
        LndArray *u = toud(L, 1);
        raisef(L, "AttributeError", "'numpy.%s' object has no attribute "
                                    "'%s'",
               u && u->scalar ? nd_dtype_name(u->a.dtype) : "ndarray",
               lua_tostring(L, 2));
    }
    return 0;
}

static int m_newindex(lua_State *L)
{
    raisef(L, "AttributeError", "attribute '%s' of 'numpy.ndarray' objects "
                                "is not writable",
           lua_type(L, 2) == LUA_TSTRING ? lua_tostring(L, 2) : "?");
    return 0;
}

static int m_len(lua_State *L)
{
    LndArray *u = toud(L, 1);
    if (!u || u->a.ndim == 0)
        raisef(L, "TypeError", u && u->scalar
                                   ? "object of type 'numpy.%s' has no len()"
                                   : "len() of unsized object",
               u ? nd_dtype_name(u->a.dtype) : "");
    lua_pushinteger(L, u->a.shape[0]);
    return 1;
}

static int m_tostring(lua_State *L)
{
    LndArray *u = luaL_checkudata(L, 1, MT_ARRAY);
    return push_str(L, &u->a, 0, u->scalar);
}

/* nd.iter(a): iterator over the first axis (for x in a). */
static int iter_next(lua_State *L)
{
    NdArray *a = checkarray(L, lua_upvalueindex(1));
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(2));
    if (i >= a->shape[0])
        return 0;
    lua_pushinteger(L, i + 1);
    lua_replace(L, lua_upvalueindex(2));
    if (a->ndim == 1) {
        NdArray *o = lnd_newarray(L, a->dtype, 0, NULL);
        memcpy(o->data, a->data + i * a->strides[0],
               nd_dtype_size(a->dtype));
        mark_scalar(L, -1);
        return 1;
    }
    NdArray v;
    nd_slice_axis(&v, a, 0, i, 1, 1);
    nd_squeeze(&v, &v, 0, NULL);
    push_view(L, &v, lua_upvalueindex(1));
    return 1;
}

static int l_iter(lua_State *L)
{
    NdArray *a = checkarray(L, 1);
    if (a->ndim == 0)
        raisef(L, "TypeError", "iteration over a 0-d array");
    lua_pushvalue(L, 1);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, iter_next, 2);
    return 1;
}

/* ------------------------------------------------------------------ */
/* reductions */

/* axis argument -> mask; returns 1 when some axis was given. */
static int axes_arg(lua_State *L, int idx, const NdArray *a, char *axes)
{
    NdErr err;
    memset(axes, 0, ND_MAXDIMS);
    if (absent(L, idx))
        return 0;
    if (lua_type(L, idx) == LUA_TTABLE) {
        lua_Integer n = seq_len(L, idx);
        for (lua_Integer i = 1; i <= n; i++) {
            lua_rawgeti(L, idx, i);
            int ax = (int)toint(L, -1, "axis");
            lua_pop(L, 1);
            if (nd_norm_axis(&ax, a->ndim, &err))
                raise_nd(L, ND_EAXIS, &err);
            if (axes[ax])
                raisef(L, "ValueError", "duplicate value in 'axis'");
            axes[ax] = 1;
        }
        if (n == 0)
            return 2; /* empty tuple: reduce nothing */
        return 1;
    }
    int ax = (int)toint(L, idx, "axis");
    if (nd_norm_axis(&ax, a->ndim, &err))
        raise_nd(L, ND_EAXIS, &err);
    axes[ax] = 1;
    return 1;
}

static int reduce(lua_State *L, NdReduceOp op)
{
    const int top_ = lua_gettop(L);
    NdArray ta;
    char sa[16];
    NdErr err;
    char axes[ND_MAXDIMS];
    /* NumPy's positions: sum/prod/mean(a, axis, dtype, out, keepdims),
    ** var/std(a, axis, dtype, out, ddof, keepdims), min/max/all/any(a,
    ** axis, out, keepdims), argmin/argmax(a, axis, out, *, keepdims) */
    int has_dtype = op == ND_R_SUM || op == ND_R_PROD || op == ND_R_MEAN ||
                    op == ND_R_VAR || op == ND_R_STD;
    int has_ddof = op == ND_R_VAR || op == ND_R_STD;
    int arg_keep = op == ND_R_ARGMIN || op == ND_R_ARGMAX;
    int po = has_dtype ? 4 : 3;
    int ai = argx(L, top_, 2, "axis");
    int di = has_dtype ? argx(L, top_, 3, "dtype") : 0;
    int oi = argx(L, top_, po, "out");
    int ddi = has_ddof ? argx(L, top_, po + 1, "ddof") : 0;
    int ki = argx(L, top_, arg_keep ? 0 : po + 1 + has_ddof, "keepdims");
    NdArray *pa = lnd_toarray(L, 1);
    const NdArray *a = pa ? pa : operand(L, 1, &ta, sa);
    int given = axes_arg(L, ai, a, axes);
    int keep = ki ? tobool(L, ki) : 0;
    double ddof = ddi && !absent(L, ddi) ? todouble(L, ddi) : 0;
    NdArray desc;
    if (given == 2) {
        /* axis=(): element-wise identity of the reduction */
        memset(axes, 0, sizeof axes);
    }
    if (op == ND_R_ARGMIN || op == ND_R_ARGMAX)
        keep = keep && given;
    const char *ax = given == 1 ? axes : NULL;
    if (given == 2) {
        /* reduce over no axis: use a dummy 1-sized axis via keepdims */
        ax = NULL;
    }
    TRY(nd_reduce_prepare(op, a, ax, keep, optdtype(L, di), &desc, &err));
    if ((op == ND_R_ARGMIN || op == ND_R_ARGMAX) && !given) {
        desc.ndim = 0;
        nd_update_flags(&desc);
    }
    NdArray *o = push_new(L, &desc, pa ? 1 : 0);
    if (op == ND_R_MEAN && a->dtype == ND_FLOAT16 &&
        desc.dtype == ND_FLOAT16 && di && !absent(L, di)) {
        /* mean(dtype=float16) of float16: NumPy sums in float16 (only
        ** the default accumulates in float32), then divides */
        char cs[16];
        NdArray c;
        TRY(nd_reduce(ND_R_SUM, a, ax, 0, o, &err));
        nd_scalar_double(&c, cs, ND_FLOAT64,
                         (double)(nd_size(a) / (nd_size(o) ? nd_size(o)
                                                           : 1)));
        TRY(nd_binary(ND_TRUEDIV, o, &c, o, &err));
    } else {
        TRY(nd_reduce(op, a, ax, ddof, o, &err));
    }
    if (oi && !absent(L, oi)) {
        NdArray *out = checkarray(L, oi);
        TRY(nd_assign(out, o, &err));
        lua_pushvalue(L, oi);
        return 1;
    }
    mark_scalar(L, -1);
    return 1;
}

#define RED(NAME, OP)                                                      \
    static int l_##NAME(lua_State *L)                                      \
    {                                                                      \
        return reduce(L, OP);                                              \
    }
RED(sum, ND_R_SUM)
RED(prod, ND_R_PROD)
RED(min, ND_R_MIN)
RED(max, ND_R_MAX)
RED(all, ND_R_ALL)
RED(any, ND_R_ANY)
RED(mean, ND_R_MEAN)
RED(var, ND_R_VAR)
RED(std, ND_R_STD)
RED(argmin, ND_R_ARGMIN)
RED(argmax, ND_R_ARGMAX)

static int l_count_nonzero(lua_State *L)
{
    const int top_ = lua_gettop(L);
    int ai = argx(L, top_, 2, "axis");
    if (!absent(L, ai)) {
        lua_settop(L, top_);
        return reduce(L, ND_R_COUNT_NONZERO);
    }
    NdArray ta;
    char sa[16];
    const NdArray *a = operand(L, 1, &ta, sa);
    lua_pushinteger(L, nd_count_nonzero(a));
    return 1;
}

static int accumulate(lua_State *L, int prod)
{
    const int top_ = lua_gettop(L);
    NdArray ta;
    char sa[16];
    NdErr err;
    int ai = argx(L, top_, 2, "axis");
    int di = argx(L, top_, 3, "dtype");
    const NdArray *a = operand(L, 1, &ta, sa);
    int dt = optdtype(L, di);
    NdDType t = dt >= 0 ? (NdDType)dt : nd_sum_dtype(a->dtype);
    int axis = 0;
    NdArray src = *a;
    if (absent(L, ai)) {
        int64_t n = nd_size(a);
        NdArray flat;
        if (!nd_reshape_view(&flat, a, 1, &n)) {
            NdArray *c = push_copy(L, a, a->dtype);
            nd_reshape_view(&flat, c, 1, &n);
        }
        src = flat;
    } else {
        axis = (int)toint(L, ai, "axis");
        TRY(nd_norm_axis(&axis, a->ndim, &err));
    }
    NdArray *o = lnd_newarray(L, t, src.ndim, src.shape);
    TRY(nd_accumulate(prod, &src, axis, o, &err));
    return 1;
}

static int l_cumsum(lua_State *L)
{
    return accumulate(L, 0);
}

static int l_cumprod(lua_State *L)
{
    return accumulate(L, 1);
}

/* ------------------------------------------------------------------ */
/* shape */

static int l_reshape(lua_State *L)
{
    const int top_ = lua_gettop(L);
    NdArray *a = checkarray(L, 1);
    int64_t shape[ND_MAXDIMS];
    NdErr err;
    int nd;
    int np = nposx(L, top_);
    if (np < 2) {
        int si = argx(L, top_, 2, "newshape");
        if (!si)
            raisef(L, "TypeError", "reshape() missing required argument "
                                   "'shape' (pos 1)");
        nd = shape_arg(L, si, shape);
    } else if (np == 2) {
        nd = shape_arg(L, 2, shape);
    } else {
        nd = np - 1;
        if (nd > ND_MAXDIMS)
            raisef(L, "ValueError", "too many dimensions");
        for (int i = 0; i < nd; i++)
            shape[i] = toint(L, i + 2, "shape");
    }
    TRY(nd_reshape_shape(a, nd, shape, &err));
    NdArray v;
    if (nd_reshape_view(&v, a, nd, shape)) {
        push_view(L, &v, 1);
        return 1;
    }
    NdArray *c = lnd_newarray(L, a->dtype, nd, shape);
    NdArray cv;
    nd_reshape_view(&cv, c, a->ndim, a->shape);
    TRY(nd_assign(&cv, a, &err));
    return 1;
}

static int l_ravel(lua_State *L)
{
    NdArray ta;
    char sa[16];
    const NdArray *a = operand(L, 1, &ta, sa);
    int64_t n = nd_size(a);
    NdArray v;
    if (a != &ta && nd_reshape_view(&v, a, 1, &n)) {
        push_view(L, &v, 1);
        return 1;
    }
    NdArray *c = push_copy(L, a, a->dtype);
    c->ndim = 1;
    c->shape[0] = n;
    c->strides[0] = (int64_t)nd_dtype_size(c->dtype);
    nd_update_flags(c);
    return 1;
}

static int l_flatten(lua_State *L)
{
    NdArray *a = checkarray(L, 1);
    int64_t n = nd_size(a);
    NdArray *c = push_copy(L, a, a->dtype);
    c->ndim = 1;
    c->shape[0] = n;
    c->strides[0] = (int64_t)nd_dtype_size(c->dtype);
    nd_update_flags(c);
    return 1;
}

static int l_transpose(lua_State *L)
{
    const int top_ = lua_gettop(L);
    NdArray ta;
    char sa[16];
    NdErr err;
    int np = nposx(L, top_);
    const NdArray *a = operand(L, 1, &ta, sa);
    int src = lua_gettop(L);
    if (a != &ta && a == lnd_toarray(L, 1))
        src = 1;
    int axes[ND_MAXDIMS];
    int ai = argx(L, top_, 2, "axes");
    NdArray v;
    if (!absent(L, ai)) {
        int64_t sh[ND_MAXDIMS];
        int n;
        if (np > 2) {
            n = np - 1;
            for (int i = 0; i < n && i < ND_MAXDIMS; i++)
                sh[i] = toint(L, i + 2, "axes");
        } else {
            n = shape_arg(L, ai, sh);
        }
        if (n != a->ndim)
            raisef(L, "ValueError", "axes don't match array");
        for (int i = 0; i < n; i++)
            axes[i] = (int)sh[i];
        TRY(nd_transpose(&v, a, axes, &err));
    } else {
        TRY(nd_transpose(&v, a, NULL, &err));
    }
    push_view(L, &v, src);
    return 1;
}

static int l_swapaxes(lua_State *L)
{
    NdArray *a = checkarray(L, 1), v;
    NdErr err;
    TRY(nd_swapaxes(&v, a, (int)toint(L, 2, "axis1"),
                    (int)toint(L, 3, "axis2"), &err));
    push_view(L, &v, 1);
    return 1;
}

static int l_squeeze(lua_State *L)
{
    const int top_ = lua_gettop(L);
    NdArray *a = checkarray(L, 1), v;
    NdErr err;
    int ai = argx(L, top_, 2, "axis");
    int axis = absent(L, ai) ? -1000 : (int)toint(L, ai, "axis");
    if (axis == -1000)
        axis = -1;
    else if (axis < 0) {
        TRY(nd_norm_axis(&axis, a->ndim, &err));
    }
    TRY(nd_squeeze(&v, a, absent(L, ai) ? -1 : axis, &err));
    push_view(L, &v, 1);
    return 1;
}

static int l_expand_dims(lua_State *L)
{
    const int top_ = lua_gettop(L);
    NdArray *a = checkarray(L, 1), v;
    NdErr err;
    int ai = argx(L, top_, 2, "axis");
    TRY(nd_expand_dims(&v, a, (int)toint(L, ai, "axis"), &err));
    push_view(L, &v, 1);
    return 1;
}

static int l_broadcast_to(lua_State *L)
{
    NdArray *a = checkarray(L, 1), v;
    NdErr err;
    int64_t shape[ND_MAXDIMS];
    int nd = shape_arg(L, 2, shape);
    TRY(nd_broadcast_to(&v, a, nd, shape, &err));
    NdArray *r = push_view(L, &v, 1);
    r->flags &= ~ND_WRITEABLE;
    return 1;
}

static int l_shares_memory(lua_State *L)
{
    NdArray *a = checkarray(L, 1), *b = checkarray(L, 2);
    lua_pushboolean(L, nd_shares_memory(a, b));
    return 1;
}

static int l_fill(lua_State *L)
{
    NdArray *a = checkarray(L, 1);
    NdArray tv;
    char sv[16];
    NdErr err;
    const NdArray *v = operand(L, 2, &tv, sv);
    TRY(nd_fill(a, v, &err));
    return 0;
}

/* Sequence of arrays (list/tuple of array-likes) pushed as arrays;
** returns how many, their stack base in *base. */
static int array_list(lua_State *L, int idx, int *base)
{
    if (lnd_toarray(L, idx)) {
        NdArray *a = lnd_toarray(L, idx);
        /* iterate the first axis of an array */
        *base = lua_gettop(L) + 1;
        for (int64_t i = 0; i < (a->ndim ? a->shape[0] : 0); i++) {
            NdArray v;
            nd_slice_axis(&v, a, 0, i, 1, 1);
            nd_squeeze(&v, &v, 0, NULL);
            push_view(L, &v, idx);
        }
        return a->ndim ? (int)a->shape[0] : 0;
    }
    luaL_checktype(L, idx, LUA_TTABLE);
    lua_Integer n = seq_len(L, idx);
    luaL_checkstack(L, (int)n + 20, "too many arrays");
    *base = lua_gettop(L) + 1;
    for (lua_Integer i = 1; i <= n; i++) {
        lua_rawgeti(L, idx, i);
        if (!lnd_toarray(L, -1)) {
            NdArray tmp;
            char store[16];
            const NdArray *a = operand(L, lua_gettop(L), &tmp, store);
            if (a == &tmp) {
                NdArray *c = push_copy(L, a, a->dtype);
                (void)c;
            }
            lua_remove(L, -2);
        }
    }
    return (int)n;
}

/* Concatenate arrays at [base, base+n) along axis into a new array. */
static NdArray *concat(lua_State *L, int base, int n, int axis, int dt)
{
    NdErr err;
    if (n == 0)
        raisef(L, "ValueError", "need at least one array to concatenate");
    NdArray *first = lnd_toarray(L, base);
    if (first->ndim == 0)
        raisef(L, "ValueError", "zero-dimensional arrays cannot be "
                                "concatenated");
    if (nd_norm_axis(&axis, first->ndim, &err))
        raise_nd(L, ND_EAXIS, &err);
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, first->shape, sizeof(int64_t) * (size_t)first->ndim);
    NdDType t = first->dtype;
    shape[axis] = 0;
    for (int k = 0; k < n; k++) {
        NdArray *a = lnd_toarray(L, base + k);
        if (a->ndim != first->ndim)
            raisef(L, "ValueError",
                   "all the input array dimensions except for the "
                   "concatenation axis must match exactly, but along "
                   "dimension %d, the array at index 0 has %d dimension(s) "
                   "and the array at index %d has %d dimension(s)",
                   0, first->ndim, k, a->ndim);
        for (int d = 0; d < a->ndim; d++)
            if (d != axis && a->shape[d] != first->shape[d])
                raisef(L, "ValueError",
                       "all the input array dimensions except for the "
                       "concatenation axis must match exactly, but along "
                       "dimension %d, the array at index 0 has size %lld "
                       "and the array at index %d has size %lld",
                       d, (long long)first->shape[d], k,
                       (long long)a->shape[d]);
        shape[axis] += a->shape[axis];
        t = k ? nd_promote_types(t, a->dtype) : a->dtype;
    }
    if (dt >= 0)
        t = (NdDType)dt;
    NdArray *o = lnd_newarray(L, t, first->ndim, shape);
    int64_t off = 0;
    for (int k = 0; k < n; k++) {
        NdArray *a = lnd_toarray(L, base + k), part;
        nd_slice_axis(&part, o, axis, off, 1, a->shape[axis]);
        if (nd_assign(&part, a, &err))
            raise_nd(L, ND_EVALUE, &err);
        off += a->shape[axis];
    }
    return o;
}

static int l_concatenate(lua_State *L)
{
    const int top_ = lua_gettop(L);
    int base, ai = argx(L, top_, 2, "axis");
    int dt = optdtype(L, argx(L, top_, 0, "dtype"));
    int n = array_list(L, 1, &base);
    if (!absent(L, ai) || ai == 0) {
        concat(L, base, n, ai ? (int)toint(L, ai, "axis") : 0, dt);
        return 1;
    }
    /* axis=None: flatten everything */
    for (int k = 0; k < n; k++) {
        NdArray *a = lnd_toarray(L, base + k);
        int64_t m = nd_size(a);
        NdArray v;
        if (nd_reshape_view(&v, a, 1, &m))
            push_view(L, &v, base + k);
        else {
            NdArray *c = push_copy(L, a, a->dtype);
            c->ndim = 1;
            c->shape[0] = m;
            c->strides[0] = (int64_t)nd_dtype_size(c->dtype);
        }
        lua_replace(L, base + k);
    }
    concat(L, base, n, 0, dt);
    return 1;
}

/* Replace each array in [base, base+n) by a view with at least nd dims
** (atleast_1d/2d/3d placement). */
static void atleast(lua_State *L, int base, int n, int nd)
{
    for (int k = 0; k < n; k++) {
        NdArray *a = lnd_toarray(L, base + k), v = *a;
        if (a->ndim >= nd)
            continue;
        if (a->ndim == 0) {
            v.ndim = nd;
            for (int i = 0; i < nd; i++)
                v.shape[i] = 1, v.strides[i] = 0;
        } else if (a->ndim == 1) {
            v.ndim = nd;
            v.shape[0] = 1;
            v.strides[0] = 0;
            v.shape[1] = a->shape[0];
            v.strides[1] = a->strides[0];
            if (nd == 3) {
                v.shape[2] = 1;
                v.strides[2] = 0;
            }
        } else {
            v.ndim = 3;
            v.shape[2] = 1;
            v.strides[2] = 0;
        }
        push_view(L, &v, base + k);
        lua_replace(L, base + k);
    }
}

static int l_vstack(lua_State *L)
{
    int base, n = array_list(L, 1, &base);
    atleast(L, base, n, 2);
    concat(L, base, n, 0, -1);
    return 1;
}

static int l_hstack(lua_State *L)
{
    int base, n = array_list(L, 1, &base);
    atleast(L, base, n, 1);
    int axis = n > 0 && lnd_toarray(L, base)->ndim == 1 ? 0 : 1;
    concat(L, base, n, axis, -1);
    return 1;
}

static int l_column_stack(lua_State *L)
{
    int base, n = array_list(L, 1, &base);
    for (int k = 0; k < n; k++) {
        NdArray *a = lnd_toarray(L, base + k), v = *a;
        if (a->ndim < 2) {
            v.ndim = 2;
            v.shape[0] = a->ndim ? a->shape[0] : 1;
            v.strides[0] = a->ndim ? a->strides[0] : 0;
            v.shape[1] = 1;
            v.strides[1] = 0;
            push_view(L, &v, base + k);
            lua_replace(L, base + k);
        }
    }
    concat(L, base, n, 1, -1);
    return 1;
}

static int l_stack(lua_State *L)
{
    const int top_ = lua_gettop(L);
    int base, ai = argx(L, top_, 2, "axis");
    int n = array_list(L, 1, &base);
    int axis = absent(L, ai) ? 0 : (int)toint(L, ai, "axis");
    NdErr err;
    if (n == 0)
        raisef(L, "ValueError", "need at least one array to stack");
    NdArray *f = lnd_toarray(L, base);
    for (int k = 0; k < n; k++) {
        NdArray *a = lnd_toarray(L, base + k), v;
        if (a->ndim != f->ndim ||
            memcmp(a->shape, f->shape, sizeof(int64_t) * (size_t)a->ndim))
            raisef(L, "ValueError", "all input arrays must have the same "
                                    "shape");
        TRY(nd_expand_dims(&v, a, axis, &err));
        push_view(L, &v, base + k);
        lua_replace(L, base + k);
    }
    concat(L, base, n, axis, -1);
    return 1;
}

/* split family: sections or indices; returns a py list of views. */
static int do_split(lua_State *L, int mode /* 0 split 1 array_split */,
                    int fixed_axis)
{
    const int top_ = lua_gettop(L);
    NdArray *a = checkarray(L, 1);
    NdErr err;
    int si = argx(L, top_, 2, "indices_or_sections");
    int ai = argx(L, top_, 3, "axis");
    int axis = fixed_axis >= 0 ? fixed_axis
                               : (absent(L, ai) ? 0 : (int)toint(L, ai, "axis"));
    if (fixed_axis == 1 && a->ndim == 1)
        axis = 0;
    TRY(nd_norm_axis(&axis, a->ndim, &err));
    int64_t len = a->shape[axis];
    int64_t bounds[1024 + 2];
    int nb = 0;
    if (lua_type(L, si) == LUA_TTABLE || (lnd_toarray(L, si) &&
                                           lnd_toarray(L, si)->ndim == 1)) {
        int64_t idx[ND_MAXDIMS * 32];
        int m;
        if (lua_type(L, si) == LUA_TTABLE) {
            lua_Integer cnt = seq_len(L, si);
            if (cnt > 1000)
                raisef(L, "ValueError", "too many split points");
            m = (int)cnt;
            for (int i = 0; i < m; i++) {
                lua_rawgeti(L, si, i + 1);
                idx[i] = toint(L, -1, "index");
                lua_pop(L, 1);
            }
        } else {
            NdArray *ia = lnd_toarray(L, si);
            if (ia->shape[0] > 1000)
                raisef(L, "ValueError", "too many split points");
            m = (int)ia->shape[0];
            for (int i = 0; i < m; i++)
                idx[i] = nd_get_int(ia->dtype, ia->data + i * ia->strides[0]);
        }
        bounds[nb++] = 0;
        for (int i = 0; i < m; i++)
            bounds[nb++] = idx[i];
        bounds[nb++] = len;
    } else {
        int64_t sec = toint(L, si, "sections");
        if (sec <= 0)
            raisef(L, "ValueError", "number sections must be larger than 0.");
        if (sec > 1024)
            raisef(L, "ValueError", "too many sections");
        if (mode == 0 && len % sec != 0)
            raisef(L, "ValueError", "array split does not result in an "
                                    "equal division");
        int64_t each = len / sec, extra = len % sec, pos = 0;
        bounds[nb++] = 0;
        for (int64_t i = 0; i < sec; i++) {
            pos += each + (i < extra ? 1 : 0);
            bounds[nb++] = pos;
        }
    }
    lua_createtable(L, nb - 1, 1);
    int list = lua_gettop(L);
    for (int i = 0; i + 1 < nb; i++) {
        int64_t lo = bounds[i], hi = bounds[i + 1];
        if (lo < 0)
            lo += len;
        if (hi < 0)
            hi += len;
        if (lo > len)
            lo = len;
        if (hi > len)
            hi = len;
        if (lo < 0)
            lo = 0;
        if (hi < lo)
            hi = lo;
        NdArray v;
        nd_slice_axis(&v, a, axis, lo, 1, hi - lo);
        push_view(L, &v, 1);
        lua_rawseti(L, list, i + 1);
    }
    lua_pushinteger(L, nb - 1);
    lua_setfield(L, list, "n");
    luaL_newmetatable(L, "py.list");
    lua_setmetatable(L, list);
    return 1;
}

static int l_split(lua_State *L)
{
    return do_split(L, 0, -1);
}

static int l_array_split(lua_State *L)
{
    return do_split(L, 1, -1);
}

static int l_vsplit(lua_State *L)
{
    NdArray *a = checkarray(L, 1);
    if (a->ndim < 2)
        raisef(L, "ValueError", "vsplit only works on arrays of 2 or more "
                                "dimensions");
    return do_split(L, 0, 0);
}

static int l_hsplit(lua_State *L)
{
    NdArray *a = checkarray(L, 1);
    if (a->ndim == 0)
        raisef(L, "ValueError", "hsplit only works on arrays of 1 or more "
                                "dimensions");
    return do_split(L, 0, 1);
}

static int l_tile(lua_State *L)
{
    NdArray ta;
    char sa[16];
    NdErr err;
    const NdArray *a = operand(L, 1, &ta, sa);
    int64_t reps[ND_MAXDIMS];
    int nr = shape_arg(L, 2, reps);
    int nd = a->ndim > nr ? a->ndim : nr;
    if (2 * nd > ND_MAXDIMS)
        raisef(L, "ValueError", "too many dimensions for tile");
    int64_t ashape[ND_MAXDIMS], rshape[ND_MAXDIMS], oshape[ND_MAXDIMS];
    for (int i = 0; i < nd; i++) {
        int ja = i - (nd - a->ndim), jr = i - (nd - nr);
        ashape[i] = ja >= 0 ? a->shape[ja] : 1;
        rshape[i] = jr >= 0 ? reps[jr] : 1;
        if (rshape[i] < 0)
            raisef(L, "ValueError", "negative dimensions are not allowed");
        oshape[i] = ashape[i] * rshape[i];
    }
    NdArray *o = lnd_newarray(L, a->dtype, nd, oshape);
    /* o viewed as (r0, a0, r1, a1, ...) gets a broadcast over the r's */
    NdArray ov = *o, av = *a;
    int64_t st = (int64_t)nd_dtype_size(a->dtype);
    ov.ndim = av.ndim = 2 * nd;
    for (int i = nd - 1; i >= 0; i--) {
        ov.shape[2 * i + 1] = ashape[i];
        ov.strides[2 * i + 1] = st;
        st *= ashape[i];
        ov.shape[2 * i] = rshape[i];
        ov.strides[2 * i] = st;
        st *= rshape[i];
        int ja = i - (nd - a->ndim);
        av.shape[2 * i] = rshape[i];
        av.strides[2 * i] = 0;
        av.shape[2 * i + 1] = ashape[i];
        av.strides[2 * i + 1] = ja >= 0 ? a->strides[ja] : 0;
    }
    if (nd_size(o) > 0)
        TRY(nd_assign(&ov, &av, &err));
    return 1;
}

static int l_repeat(lua_State *L)
{
    const int top_ = lua_gettop(L);
    NdArray ta;
    char sa[16];
    NdErr err;
    const NdArray *a = operand(L, 1, &ta, sa);
    int ri = argx(L, top_, 2, "repeats"), ai = argx(L, top_, 3, "axis");
    NdArray src = *a;
    int axis;
    if (absent(L, ai)) {
        int64_t n = nd_size(a);
        if (!nd_reshape_view(&src, a, 1, &n)) {
            NdArray *c = push_copy(L, a, a->dtype);
            nd_reshape_view(&src, c, 1, &n);
        }
        axis = 0;
    } else {
        axis = (int)toint(L, ai, "axis");
        TRY(nd_norm_axis(&axis, a->ndim, &err));
    }
    NdArray *ra = lnd_toarray(L, ri);
    if ((ra && ra->ndim > 0) || lua_type(L, ri) == LUA_TTABLE) {
        NdArray tr;
        char sr[16];
        const NdArray *r = operand(L, ri, &tr, sr);
        int64_t len = src.shape[axis], total = 0;
        if (r->ndim != 1 || (r->shape[0] != len && r->shape[0] != 1))
            raisef(L, "ValueError", "operands could not be broadcast "
                                    "together with shape (%lld,) (%lld,)",
                   (long long)len, (long long)(r->ndim ? r->shape[0] : 1));
        for (int64_t i = 0; i < len; i++) {
            int64_t c = nd_get_int(r->dtype, r->data + (r->shape[0] == 1 ? 0 : i) * r->strides[0]);
            if (c < 0)
                raisef(L, "ValueError", "repeats may not contain negative "
                                        "values.");
            total += c;
        }
        int64_t shape[ND_MAXDIMS];
        memcpy(shape, src.shape, sizeof shape);
        shape[axis] = total;
        NdArray *o = lnd_newarray(L, a->dtype, src.ndim, shape);
        int64_t off = 0;
        for (int64_t i = 0; i < len; i++) {
            int64_t c = nd_get_int(r->dtype, r->data + (r->shape[0] == 1 ? 0 : i) * r->strides[0]);
            NdArray part, one;
            nd_slice_axis(&part, o, axis, off, 1, c);
            nd_slice_axis(&one, &src, axis, i, 1, 1);
            TRY(nd_assign(&part, &one, &err));
            off += c;
        }
        return 1;
    }
    int64_t rep = toint(L, ri, "repeats");
    if (src.ndim >= ND_MAXDIMS)
        raisef(L, "ValueError", "repeat: too many dimensions");
    if (rep < 0)
        raisef(L, "ValueError", "negative dimensions are not allowed");
    int64_t shape[ND_MAXDIMS];
    memcpy(shape, src.shape, sizeof shape);
    shape[axis] *= rep;
    NdArray *o = lnd_newarray(L, a->dtype, src.ndim, shape);
    /* o viewed with an extra axis of size rep after `axis` */
    NdArray ov = *o, sv = src;
    ov.ndim = sv.ndim = src.ndim + 1;
    for (int i = src.ndim; i > axis + 1; i--) {
        ov.shape[i] = o->shape[i - 1];
        ov.strides[i] = o->strides[i - 1];
        sv.shape[i] = src.shape[i - 1];
        sv.strides[i] = src.strides[i - 1];
    }
    ov.shape[axis] = src.shape[axis];
    ov.strides[axis] = o->strides[axis] * rep;
    ov.shape[axis + 1] = rep;
    ov.strides[axis + 1] = o->strides[axis];
    sv.shape[axis + 1] = rep;
    sv.strides[axis + 1] = 0;
    if (nd_size(o) > 0)
        TRY(nd_assign(&ov, &sv, &err));
    return 1;
}

static int l_append(lua_State *L)
{
    const int top_ = lua_gettop(L);
    NdArray ta, tb;
    char sa[16], sb[16];
    int ai = argx(L, top_, 3, "axis");
    const NdArray *a = operand(L, 1, &ta, sa);
    int ia = lua_gettop(L);
    if (a == &ta)
        push_copy(L, a, a->dtype), ia = lua_gettop(L);
    else if (a == lnd_toarray(L, 1))
        ia = 1;
    const NdArray *b = operand(L, 2, &tb, sb);
    int ib = lua_gettop(L);
    if (b == &tb)
        push_copy(L, b, b->dtype), ib = lua_gettop(L);
    else if (b == lnd_toarray(L, 2))
        ib = 2;
    int base = lua_gettop(L) + 1;
    lua_pushvalue(L, ia);
    lua_pushvalue(L, ib);
    if (absent(L, ai)) {
        for (int k = 0; k < 2; k++) {
            NdArray *x = lnd_toarray(L, base + k);
            int64_t m = nd_size(x);
            NdArray v;
            if (nd_reshape_view(&v, x, 1, &m))
                push_view(L, &v, base + k);
            else {
                NdArray *c = push_copy(L, x, x->dtype);
                c->ndim = 1;
                c->shape[0] = m;
                c->strides[0] = (int64_t)nd_dtype_size(c->dtype);
            }
            lua_replace(L, base + k);
        }
        concat(L, base, 2, 0, -1);
    } else {
        concat(L, base, 2, (int)toint(L, ai, "axis"), -1);
    }
    return 1;
}

/* ------------------------------------------------------------------ */
/* sorting, searching */

static void *scratch(lua_State *L, size_t n)
{
    return lua_newuserdatauv(L, n ? n : 1, 0);
}

/*
** float16 has no sort kernels: its values convert to float32 exactly and
** in the same order (NaN last), so sorting a float32 copy and converting
** back gives NumPy's result; argsort of the copy gives its indices.
** sort_any sorts c in place along axis for any dtype.
*/
/* kind= of sort and argsort: 0 NumPy's default order (its introsort), 1
** the stable one ('stable', 'mergesort'). NumPy reads the first letter.
** heapsort puts equal keys in yet another order: refused. */
static int sort_kind(lua_State *L, int ki)
{
    const char *k;
    if (!ki || absent(L, ki))
        return 0;
    if (lua_type(L, ki) != LUA_TSTRING)
        raisef(L, "TypeError", "sort kind must be str, not %s",
               pytype(L, ki));
    k = lua_tostring(L, ki);
    switch (k[0]) {
    case 'q': case 'Q':
        return 0;
    case 'm': case 'M': case 's': case 'S':
        return 1;
    case 'h': case 'H':
        refusef(L, "kind='%s' (heapsort's order of equal keys)", k);
    }
    return raisef(L, "ValueError", "sort kind must be one of 'quick', "
                                   "'heap', or 'stable' (got '%s')", k);
}

static void sort_any(lua_State *L, NdArray *c, int axis, int stable)
{
    NdErr err;
    int top = lua_gettop(L);
    NdArray *w = c;
    NdError rc;
    if (c->dtype == ND_FLOAT16)
        w = push_copy(L, c, ND_FLOAT32);
    if (stable) { /* axis normalised by the caller */
        rc = nd_sort_stable(
            w, axis, scratch(L, nd_stable_scratch(w->dtype, w->shape[axis])),
            &err);
    } else {
        rc = nd_sort(w, axis, scratch(L, nd_sort_scratch(w, axis)), &err);
    }
    if (!rc && w != c)
        rc = nd_assign(c, w, &err);
    if (rc)
        raise_nd(L, rc, &err);
    lua_settop(L, top);
}

static int l_sort(lua_State *L)
{
    const int top_ = lua_gettop(L);
    NdArray ta;
    char sa[16];
    NdErr err;
    int ai = argx(L, top_, 2, "axis");
    int stable = sort_kind(L, argx(L, top_, 3, "kind"));
    const NdArray *a = operand(L, 1, &ta, sa);
    NdArray *c;
    int axis = -1;
    if (ai && is_none(L, ai)) {
        int64_t n = nd_size(a);
        c = push_copy(L, a, a->dtype);
        c->ndim = 1;
        c->shape[0] = n;
        c->strides[0] = (int64_t)nd_dtype_size(c->dtype);
        nd_update_flags(c);
    } else {
        if (!absent(L, ai))
            axis = (int)toint(L, ai, "axis");
        c = push_copy(L, a, a->dtype);
    }
    if (c->ndim == 0)
        raisef(L, "numpy.AxisError", "axis -1 is out of bounds for array "
                                     "of dimension 0");
    int ci = lua_gettop(L);
    TRY(nd_norm_axis(&axis, c->ndim, &err));
    sort_any(L, c, axis, stable);
    lua_settop(L, ci);
    return 1;
}

/* a:sort() sorts in place */
static int m_sort(lua_State *L)
{
    const int top_ = lua_gettop(L);
    NdArray *a = checkarray(L, 1);
    NdErr err;
    int ai = argx(L, top_, 2, "axis");
    int stable = sort_kind(L, argx(L, top_, 3, "kind"));
    int axis = absent(L, ai) ? -1 : (int)toint(L, ai, "axis");
    if (a->ndim == 0)
        raisef(L, "numpy.AxisError", "axis -1 is out of bounds for array "
                                     "of dimension 0");
    TRY(nd_norm_axis(&axis, a->ndim, &err));
    sort_any(L, a, axis, stable);
    return 0;
}

static int l_argsort(lua_State *L)
{
    const int top_ = lua_gettop(L);
    NdArray ta;
    char sa[16];
    NdErr err;
    int ai = argx(L, top_, 2, "axis");
    int stable = sort_kind(L, argx(L, top_, 3, "kind"));
    const NdArray *a = operand(L, 1, &ta, sa);
    NdArray flat;
    int axis = -1;
    if (ai && is_none(L, ai)) {
        int64_t n = nd_size(a);
        if (!nd_reshape_view(&flat, a, 1, &n)) {
            NdArray *c = push_copy(L, a, a->dtype);
            nd_reshape_view(&flat, c, 1, &n);
        }
        a = &flat;
        axis = 0;
    } else if (!absent(L, ai)) {
        axis = (int)toint(L, ai, "axis");
    }
    if (a->ndim == 0)
        raisef(L, "numpy.AxisError", "axis -1 is out of bounds for array "
                                     "of dimension 0");
    TRY(nd_norm_axis(&axis, a->ndim, &err));
    if (a->dtype == ND_FLOAT16) /* see sort_any */
        a = push_copy(L, a, ND_FLOAT32);
    NdArray *o = lnd_newarray(L, ND_INT64, a->ndim, a->shape);
    int oi = lua_gettop(L);
    size_t n = (size_t)a->shape[axis];
    if (stable)
        TRY(nd_argsort_stable(
            a, axis, o, scratch(L, nd_stable_scratch(a->dtype, (int64_t)n)),
            &err));
    else
        TRY(nd_argsort(a, axis, o,
                       scratch(L, n * nd_dtype_size(a->dtype) + 16 + n * 8),
                       &err));
    lua_settop(L, oi);
    return 1;
}

static int l_unique(lua_State *L)
{
    const int top_ = lua_gettop(L);
    NdArray ta;
    char sa[16];
    NdErr err;
    int ci = argx(L, top_, 0, "return_counts");
    int want_counts = ci ? tobool(L, ci) : 0;
    const NdArray *a = operand(L, 1, &ta, sa);
    int64_t n = nd_size(a);
    /* float16: unique of the float32 copy, cast back (see sort_any) */
    NdDType ut = a->dtype;
    NdArray *c = push_copy(L, a, ut == ND_FLOAT16 ? ND_FLOAT32 : ut);
    c->ndim = 1;
    c->shape[0] = n;
    c->strides[0] = (int64_t)nd_dtype_size(c->dtype);
    nd_update_flags(c);
    int cidx = lua_gettop(L);
    TRY(nd_sort(c, 0, NULL, &err));
    int64_t *counts = want_counts ? scratch(L, (size_t)n * 8) : NULL;
    int si = lua_gettop(L);
    int64_t k = nd_unique_sorted(c, counts);
    NdArray *u = lnd_newarray(L, ut, 1, &k);
    NdArray cv = *c;
    cv.shape[0] = k;
    TRY(nd_assign(u, &cv, &err));
    if (!want_counts)
        return 1;
    NdArray *cn = lnd_newarray(L, ND_INT64, 1, &k);
    memcpy(cn->data, counts, (size_t)k * 8);
    (void)cidx;
    (void)si;
    push_seq(L, 2, "py.tuple");
    return 1;
}

static int l_nonzero(lua_State *L)
{
    NdArray ta;
    char sa[16];
    const NdArray *a = operand(L, 1, &ta, sa);
    if (a->ndim == 0)
        raisef(L, "ValueError", "Calling nonzero on 0d arrays is not "
                                "allowed. Use np.atleast_1d(scalar)."
                                "nonzero() instead.");
    int64_t cnt = nd_count_nonzero(a);
    int64_t sh[2] = {a->ndim, cnt};
    NdArray *nz = lnd_newarray(L, ND_INT64, 2, sh);
    int nzi = lua_gettop(L);
    nd_nonzero(a, nz);
    for (int d = 0; d < a->ndim; d++) {
        NdArray row;
        nd_slice_axis(&row, nz, 0, d, 1, 1);
        nd_squeeze(&row, &row, 0, NULL);
        push_view(L, &row, nzi);
    }
    push_seq(L, a->ndim, "py.tuple");
    return 1;
}

static int l_where_any(lua_State *L)
{
    const int top_ = lua_gettop(L);
    if (nposx(L, top_) == 1)
        return l_nonzero(L);
    return l_where(L);
}

/* median / percentile / quantile */

/* percentile/quantile of float16: NumPy's _lerp takes b - a in float16
** (the rest in float64), so redo those results from w's sorted float32
** rows with the difference rounded to half. Same indexing as
** nd_quantile_rows; rows ending in NaN keep its NaN. */
static void quantile_half(const NdArray *w, const double *q, int nq,
                          NdArray *out)
{
    int64_t m = w->shape[0], n = w->shape[1];
    size_t osz = nd_dtype_size(out->dtype);
    for (int64_t r = 0; r < m; r++) {
        const float *row = (const float *)(w->data + r * w->strides[0]);
        if (n == 0 || isnan(row[n - 1]))
            continue;
        for (int k = 0; k < nq; k++) {
            double vi = (double)(n - 1) * q[k], gamma;
            int64_t prev = (int64_t)floor(vi), next = prev + 1;
            if (vi >= (double)(n - 1)) {
                prev = next = n - 1;
                gamma = vi + 1;
            } else if (vi < 0) {
                prev = next = 0;
                gamma = vi;
            } else {
                gamma = vi - (double)prev;
            }
            double lo = row[prev], hi = row[next];
            double diff = nd_half_to_double(nd_float_to_half(row[next] -
                                                             row[prev]));
            double res = gamma >= 0.5 ? hi - diff * (1 - gamma)
                                      : lo + diff * gamma;
            nd_set_double(out->dtype,
                          out->data + ((int64_t)k * m + r) * (int64_t)osz,
                          res);
        }
    }
}
static int quantile(lua_State *L, int kind /* 0 median 1 pct 2 q */)
{
    const int top_ = lua_gettop(L);
    NdArray ta, tq;
    char sa[16], sq[16];
    NdErr err;
    char axes[ND_MAXDIMS];
    int qi = kind ? argx(L, top_, 2, "q") : 0;
    int ai = argx(L, top_, kind ? 3 : 2, "axis");
    int ki = argx(L, top_, 0, "keepdims");
    const NdArray *a = operand(L, 1, &ta, sa);
    int given = axes_arg(L, ai, a, axes);
    int keep = ki ? tobool(L, ki) : 0;
    if (nd_dtype_kind(a->dtype) == 'c')
        raisef(L, "TypeError", "a must be an array of real numbers");
    const NdArray *q = NULL;
    int nq = 1;
    double qv[1024];
    if (kind) {
        if (!qi)
            raisef(L, "TypeError", "missing required argument 'q'");
        q = operand(L, qi, &tq, sq);
        if (nd_size(q) > 1024)
            raisef(L, "ValueError", "too many quantiles");
        nq = (int)nd_size(q);
        int64_t idx[ND_MAXDIMS] = {0};
        for (int i = 0; i < nq; i++) {
            const char *p = q->data;
            for (int d = 0; d < q->ndim; d++)
                p += idx[d] * q->strides[d];
            double v = nd_get_double(q->dtype, p);
            if (kind == 1)
                v = v / 100;
            if (!(v >= 0 && v <= 1))
                raisef(L, "ValueError", kind == 1
                                            ? "Percentiles must be in the "
                                              "range [0, 100]"
                                            : "Quantiles must be in the "
                                              "range [0, 1]");
            qv[i] = v;
            for (int d = q->ndim - 1; d >= 0; d--) {
                if (++idx[d] < q->shape[d])
                    break;
                idx[d] = 0;
            }
        }
    }
    /* move reduced axes last, copy contiguous (m, n) */
    int perm[ND_MAXDIMS], np_ = 0, nred = 0;
    int64_t m = 1, n = 1;
    for (int i = 0; i < a->ndim; i++)
        if (!(given != 1 || axes[i])) {
            perm[np_++] = i;
            m *= a->shape[i];
        }
    for (int i = 0; i < a->ndim; i++)
        if (given != 1 || axes[i]) {
            perm[np_++] = i;
            n *= a->shape[i];
            nred++;
        }
    NdArray tr;
    TRY(nd_transpose(&tr, a, perm, &err));
    /* float16 rows are sorted as float32 (see sort_any) */
    NdDType wt = a->dtype == ND_FLOAT16 ? ND_FLOAT32 : a->dtype;
    NdArray *w = lnd_newarray(L, wt, tr.ndim, tr.shape);
    TRY(nd_assign(w, &tr, &err));
    w->ndim = 2;
    w->shape[0] = m;
    w->shape[1] = n;
    w->strides[1] = (int64_t)nd_dtype_size(wt);
    w->strides[0] = n * w->strides[1];
    nd_update_flags(w);
    NdDType ot = kind == 0 && (a->dtype == ND_FLOAT32 ||
                               a->dtype == ND_FLOAT16)
                     ? a->dtype
                     : ND_FLOAT64;
    int64_t shape[ND_MAXDIMS];
    int nd = 0;
    if (kind && q->ndim + a->ndim > ND_MAXDIMS)
        raisef(L, "ValueError", "too many dimensions");
    if (kind && q->ndim > 0)
        for (int d = 0; d < q->ndim; d++)
            shape[nd++] = q->shape[d];
    for (int i = 0; i < a->ndim; i++) {
        int red = given != 1 || axes[i];
        if (!red)
            shape[nd++] = a->shape[i];
        else if (keep)
            shape[nd++] = 1;
    }
    NdArray *o = lnd_newarray(L, ot, nd, shape);
    TRY(nd_quantile_rows(w, qv, nq, kind == 0, o, &err));
    if (kind && a->dtype == ND_FLOAT16)
        quantile_half(w, qv, nq, o);
    mark_scalar(L, -1);
    return 1;
}

static int l_median(lua_State *L)
{
    return quantile(L, 0);
}

static int l_percentile(lua_State *L)
{
    return quantile(L, 1);
}

static int l_quantile(lua_State *L)
{
    return quantile(L, 2);
}

/* ------------------------------------------------------------------ */
/* products */

/*
** float16 matmul/dot of operands of at most 2 dims (nd_matmul has no
** half kernel): NumPy's HALF loops sum a[i,k] * b[k,j] in float, in
** order, and round each result once to half. Operand dtypes that
** promote to float16 (bool, int8, uint8) convert to half exactly.
*/
static void matmul_half(const NdArray *a, const NdArray *b, NdArray *o)
{
    int64_t m = a->ndim == 2 ? a->shape[0] : 1;
    int64_t kk = a->shape[a->ndim - 1];
    int64_t n = b->ndim == 2 ? b->shape[1] : 1;
    int64_t sam = a->ndim == 2 ? a->strides[0] : 0;
    int64_t sak = a->strides[a->ndim - 1], sbk = b->strides[0];
    int64_t sbn = b->ndim == 2 ? b->strides[1] : 0;
    int64_t som = a->ndim == 2 ? o->strides[0] : 0;
    int64_t son = b->ndim == 2 ? o->strides[o->ndim - 1] : 0;
    for (int64_t i = 0; i < m; i++)
        for (int64_t j = 0; j < n; j++) {
            float sum = 0;
            for (int64_t k = 0; k < kk; k++) {
                float x = (float)nd_get_double(a->dtype,
                                               a->data + i * sam + k * sak);
                float y = (float)nd_get_double(b->dtype,
                                               b->data + k * sbk + j * sbn);
                float prod = x * y;
                sum += prod;
            }
            nd_set_double(ND_FLOAT16, o->data + i * som + j * son, sum);
        }
}

/* float16 matmul over broadcast batch dims: matmul_half per 2-d block
** (o shaped by nd_matmul_prepare: batch dims, then m and/or n). */
static void matmul_half_batched(const NdArray *a, const NdArray *b,
                                NdArray *o)
{
    int abd = a->ndim > 2 ? a->ndim - 2 : 0;
    int bbd = b->ndim > 2 ? b->ndim - 2 : 0;
    int bnd = o->ndim - (a->ndim > 1) - (b->ndim > 1);
    int64_t idx[ND_MAXDIMS] = {0}, nb = 1;
    for (int i = 0; i < bnd; i++)
        nb *= o->shape[i];
    for (int64_t q = 0; q < nb; q++) {
        NdArray va = *a, vb = *b, vo = *o;
        for (int i = 0; i < bnd; i++) {
            int ja = i - (bnd - abd), jb = i - (bnd - bbd);
            if (ja >= 0 && a->shape[ja] != 1)
                va.data += idx[i] * a->strides[ja];
            if (jb >= 0 && b->shape[jb] != 1)
                vb.data += idx[i] * b->strides[jb];
            vo.data += idx[i] * o->strides[i];
        }
        va.ndim = a->ndim > 1 ? 2 : 1;
        vb.ndim = b->ndim > 1 ? 2 : 1;
        vo.ndim = o->ndim - bnd;
        for (int i = 0; i < va.ndim; i++) {
            va.shape[i] = a->shape[a->ndim - va.ndim + i];
            va.strides[i] = a->strides[a->ndim - va.ndim + i];
        }
        for (int i = 0; i < vb.ndim; i++) {
            vb.shape[i] = b->shape[b->ndim - vb.ndim + i];
            vb.strides[i] = b->strides[b->ndim - vb.ndim + i];
        }
        for (int i = 0; i < vo.ndim; i++) {
            vo.shape[i] = o->shape[bnd + i];
            vo.strides[i] = o->strides[bnd + i];
        }
        matmul_half(&va, &vb, &vo);
        for (int i = bnd - 1; i >= 0; i--) {
            if (++idx[i] < o->shape[i])
                break;
            idx[i] = 0;
        }
    }
}

/* nd_matmul_prepare refuses dtypes without a kernel: let it check the
** shapes of float32 stand-ins when the result is float16. */
static NdError half_matmul_prepare(const NdArray *a, const NdArray *b,
                                   NdDType *t, int *nd, int64_t *shape,
                                   NdErr *err)
{
    NdArray pa = *a, pb = *b;
    int half = nd_promote_types(a->dtype, b->dtype) == ND_FLOAT16;
    if (half)
        pa.dtype = pb.dtype = ND_FLOAT32;
    NdError rc = nd_matmul_prepare(&pa, &pb, t, nd, shape, err);
    if (!rc && half)
        *t = ND_FLOAT16;
    return rc;
}

static void no_half_batch(lua_State *L)
{
    raisef(L, "TypeError", "dot of float16 arrays with more than 2 "
                           "dimensions is not supported in pyprep");
}

static int l_matmul(lua_State *L)
{
    NdArray ta, tb;
    char sa[16], sb[16];
    NdErr err;
    NdDType t;
    int nd;
    int64_t shape[ND_MAXDIMS];
    const NdArray *a = operand(L, 1, &ta, sa);
    const NdArray *b = operand(L, 2, &tb, sb);
    TRY(half_matmul_prepare(a, b, &t, &nd, shape, &err));
    NdArray *o = lnd_newarray(L, t, nd, shape);
    int oi = lua_gettop(L);
    if (t == ND_FLOAT16) {
        matmul_half_batched(a, b, o);
    } else {
        void *s = scratch(L, nd_matmul_scratch(a, b, o));
        TRY(nd_matmul(a, b, o, s, &err));
    }
    lua_settop(L, oi);
    mark_scalar(L, -1);
    return 1;
}

/* General dot: contract a's last axis with b's second-to-last (its only
** one when 1-d). */
static int dot_impl(lua_State *L, const NdArray *a, const NdArray *b)
{
    NdErr err;
    if (a->ndim == 0 || b->ndim == 0) {
        NdDType t;
        int nd;
        int64_t shape[ND_MAXDIMS];
        TRY(nd_binary_prepare(ND_MUL, a, b, &t, &nd, shape, &err));
        NdArray *o = lnd_newarray(L, t, nd, shape);
        TRY(nd_binary(ND_MUL, a, b, o, &err));
        mark_scalar(L, -1);
        return 1;
    }
    int ka = a->ndim - 1, kb = b->ndim == 1 ? 0 : b->ndim - 2;
    if (a->shape[ka] != b->shape[kb]) {
        char s1[300], s2[300];
        nd_shape_str(s1, sizeof s1, a->ndim, a->shape);
        nd_shape_str(s2, sizeof s2, b->ndim, b->shape);
        return raisef(L, "ValueError",
                      "shapes %s and %s not aligned: %lld (dim %d) != %lld "
                      "(dim %d)", s1, s2, (long long)a->shape[ka], ka,
                      (long long)b->shape[kb], kb);
    }
    if (a->ndim <= 2 && b->ndim <= 2) {
        NdDType t;
        int nd;
        int64_t shape[ND_MAXDIMS];
        TRY(half_matmul_prepare(a, b, &t, &nd, shape, &err));
        NdArray *o = lnd_newarray(L, t, nd, shape);
        int oi = lua_gettop(L);
        if (t == ND_FLOAT16) {
            matmul_half(a, b, o);
        } else {
            /* np.dot's own BLAS rules (nd_dot.c) */
            void *s = scratch(L, nd_dot_scratch(a, b, o));
            TRY(nd_dot(a, b, o, s, &err));
        }
        lua_settop(L, oi);
        mark_scalar(L, -1);
        return 1;
    }
    /* (P, K) @ (K, Q) */
    if (a->ndim - 1 + b->ndim - 1 > ND_MAXDIMS)
        raisef(L, "ValueError", "dot: too many dimensions");
    NdDType t = nd_promote_types(a->dtype, b->dtype);
    if (t == ND_FLOAT16)
        no_half_batch(L);
    int64_t K = a->shape[ka], P = K ? nd_size(a) / K : 0, Q = 1;
    int64_t shape[ND_MAXDIMS];
    int nd = 0;
    for (int i = 0; i < ka; i++)
        shape[nd++] = a->shape[i];
    int perm[ND_MAXDIMS], np_ = 0;
    perm[np_++] = kb;
    for (int i = 0; i < b->ndim; i++)
        if (i != kb) {
            perm[np_++] = i;
            shape[nd++] = b->shape[i];
            Q *= b->shape[i];
        }
    if (nd > ND_MAXDIMS)
        raisef(L, "ValueError", "too many dimensions");
    NdArray bt;
    TRY(nd_transpose(&bt, b, perm, &err));
    NdArray *A2 = lnd_newarray(L, t, a->ndim, a->shape);
    TRY(nd_assign(A2, a, &err));
    NdArray *B2 = lnd_newarray(L, t, bt.ndim, bt.shape);
    TRY(nd_assign(B2, &bt, &err));
    A2->ndim = 2, A2->shape[0] = P, A2->shape[1] = K;
    B2->ndim = 2, B2->shape[0] = K, B2->shape[1] = Q;
    NdArray *o = lnd_newarray(L, t, nd, shape);
    NdArray o2 = *o;
    o2.ndim = 2, o2.shape[0] = P, o2.shape[1] = Q;
    TRY(nd_matmul2d(A2, B2, &o2, &err));
    return 1;
}

static int l_dot(lua_State *L)
{
    NdArray ta, tb;
    char sa[16], sb[16];
    const NdArray *a = operand(L, 1, &ta, sa);
    const NdArray *b = operand(L, 2, &tb, sb);
    return dot_impl(L, a, b);
}

static int l_inner(lua_State *L)
{
    NdArray ta, tb;
    char sa[16], sb[16];
    NdErr err;
    const NdArray *a = operand(L, 1, &ta, sa);
    const NdArray *b = operand(L, 2, &tb, sb);
    if (b->ndim >= 2) {
        int perm[ND_MAXDIMS];
        for (int i = 0; i < b->ndim; i++)
            perm[i] = i;
        perm[b->ndim - 2] = b->ndim - 1;
        perm[b->ndim - 1] = b->ndim - 2;
        NdArray bt;
        TRY(nd_transpose(&bt, b, perm, &err));
        if (a->ndim && a->shape[a->ndim - 1] != bt.shape[bt.ndim - 2])
            raisef(L, "ValueError", "shapes %s and %s not aligned",
                   "a", "b");
        return dot_impl(L, a, &bt);
    }
    return dot_impl(L, a, b);
}

static int l_outer(lua_State *L)
{
    NdArray ta, tb;
    char sa[16], sb[16];
    NdErr err;
    const NdArray *a = operand(L, 1, &ta, sa);
    const NdArray *b = operand(L, 2, &tb, sb);
    NdArray *ac = push_copy(L, a, a->dtype), *bc = push_copy(L, b, b->dtype);
    NdArray av = *ac, bv = *bc;
    int64_t na = nd_size(a), nb = nd_size(b);
    av.ndim = 2, av.shape[0] = na, av.shape[1] = 1;
    av.strides[0] = (int64_t)nd_dtype_size(a->dtype), av.strides[1] = 0;
    bv.ndim = 2, bv.shape[0] = 1, bv.shape[1] = nb;
    bv.strides[0] = 0, bv.strides[1] = (int64_t)nd_dtype_size(b->dtype);
    NdDType t;
    int nd;
    int64_t shape[ND_MAXDIMS];
    TRY(nd_binary_prepare(ND_MUL, &av, &bv, &t, &nd, shape, &err));
    NdArray *o = lnd_newarray(L, t, nd, shape);
    TRY(nd_binary(ND_MUL, &av, &bv, o, &err));
    return 1;
}

/* out = x*y - z*w over views (NumPy's cross: multiply, then subtract) */
static NdError cross_term(lua_State *L, NdArray *out, const NdArray *x,
                          const NdArray *y, const NdArray *z,
                          const NdArray *w, NdErr *err)
{
    NdError rc;
    NdArray *tmp = lnd_newarray(L, out->dtype, out->ndim, out->shape);
    if ((rc = nd_binary(ND_MUL, x, y, out, err)) ||
        (rc = nd_binary(ND_MUL, z, w, tmp, err)) ||
        (rc = nd_binary(ND_SUB, out, tmp, out, err)))
        return rc;
    lua_pop(L, 1);
    return ND_OK;
}

static int l_cross(lua_State *L)
{
    NdArray ta, tb;
    char sa[16], sb[16];
    NdErr err;
    const NdArray *a = operand(L, 1, &ta, sa);
    const NdArray *b = operand(L, 2, &tb, sb);
    if (a->ndim == 0 || b->ndim == 0)
        raisef(L, "ValueError", "At least one array has zero dimension");
    int64_t da = a->shape[a->ndim - 1], db = b->shape[b->ndim - 1];
    if ((da != 2 && da != 3) || (db != 2 && db != 3))
        raisef(L, "ValueError", "incompatible dimensions for cross "
                                "product\n(dimension must be 2 or 3)");
    NdArray ac[3], bc[3];
    char zs[2][16];
    NdArray zero[2];
    for (int i = 0; i < 3; i++) {
        if (i < da) {
            nd_slice_axis(&ac[i], a, a->ndim - 1, i, 1, 1);
            nd_squeeze(&ac[i], &ac[i], a->ndim - 1, NULL);
        }
        if (i < db) {
            nd_slice_axis(&bc[i], b, b->ndim - 1, i, 1, 1);
            nd_squeeze(&bc[i], &bc[i], b->ndim - 1, NULL);
        }
    }
    nd_scalar_int(&zero[0], zs[0], a->dtype, 0);
    nd_scalar_int(&zero[1], zs[1], b->dtype, 0);
    if (da == 2)
        ac[2] = zero[0];
    if (db == 2)
        bc[2] = zero[1];
    const NdArray *ops[2] = {&ac[0], &bc[0]};
    int nd;
    int64_t shape[ND_MAXDIMS];
    TRY(nd_broadcast_shape(2, ops, &nd, shape, &err));
    NdDType t = nd_promote_types(a->dtype, b->dtype);
    if (da == 2 && db == 2) {
        NdArray *o = lnd_newarray(L, t, nd, shape);
        TRY(cross_term(L, o, &ac[0], &bc[1], &ac[1], &bc[0], &err));
        mark_scalar(L, -1);
        return 1;
    }
    shape[nd] = 3;
    NdArray *o = lnd_newarray(L, t, nd + 1, shape);
    NdArray oc[3];
    for (int i = 0; i < 3; i++) {
        nd_slice_axis(&oc[i], o, nd, i, 1, 1);
        nd_squeeze(&oc[i], &oc[i], nd, NULL);
    }
    TRY(cross_term(L, &oc[0], &ac[1], &bc[2], &ac[2], &bc[1], &err));
    TRY(cross_term(L, &oc[1], &ac[2], &bc[0], &ac[0], &bc[2], &err));
    TRY(cross_term(L, &oc[2], &ac[0], &bc[1], &ac[1], &bc[0], &err));
    return 1;
}

/* np.cov(m, y=None, rowvar=True, bias=False, ddof=None) */
static int cov_impl(lua_State *L, int corr)
{
    const int top_ = lua_gettop(L);
    NdArray tm, ty;
    char sm[16], sy[16];
    NdErr err;
    int yi = argx(L, top_, 2, "y");
    int ri = argx(L, top_, 3, "rowvar");
    int bi = corr ? 0 : argx(L, top_, 4, "bias");
    int di = corr ? 0 : argx(L, top_, 5, "ddof");
    int rowvar = ri && !absent(L, ri) ? tobool(L, ri) : 1;
    const NdArray *m = operand(L, 1, &tm, sm);
    if (m->ndim > 2)
        raisef(L, "ValueError", "m has more than 2 dimensions");
    /* X = array(m, ndmin=2, dtype=float64) */
    NdArray mv = *m;
    if (m->ndim < 2) {
        mv.ndim = 2;
        mv.shape[1] = m->ndim ? m->shape[0] : 1;
        mv.strides[1] = m->ndim ? m->strides[0] : 0;
        mv.shape[0] = 1;
        mv.strides[0] = 0;
    }
    if (!rowvar && mv.shape[0] != 1)
        nd_transpose(&mv, &mv, NULL, NULL);
    int64_t rows = mv.shape[0], n = mv.shape[1];
    NdArray yv;
    if (!absent(L, yi)) {
        const NdArray *y = operand(L, yi, &ty, sy);
        yv = *y;
        if (y->ndim < 2) {
            yv.ndim = 2;
            yv.shape[1] = y->ndim ? y->shape[0] : 1;
            yv.strides[1] = y->ndim ? y->strides[0] : 0;
            yv.shape[0] = 1;
            yv.strides[0] = 0;
        }
        if (!rowvar && yv.shape[0] != 1)
            nd_transpose(&yv, &yv, NULL, NULL);
        if (yv.shape[1] != n)
            raisef(L, "ValueError", "all the input array dimensions except "
                                    "for the concatenation axis must match "
                                    "exactly");
        rows += yv.shape[0];
    }
    int64_t xs[2] = {rows, n};
    NdArray *X = lnd_newarray(L, ND_FLOAT64, 2, xs);
    NdArray part;
    nd_slice_axis(&part, X, 0, 0, 1, mv.shape[0]);
    TRY(nd_assign(&part, &mv, &err));
    if (!absent(L, yi)) {
        nd_slice_axis(&part, X, 0, mv.shape[0], 1, yv.shape[0]);
        TRY(nd_assign(&part, &yv, &err));
    }
    double ddof = 1;
    if (bi && tobool(L, bi))
        ddof = 0;
    if (di && !absent(L, di))
        ddof = todouble(L, di);
    double fact = (double)n - ddof;
    /* avg = X.mean(axis=1); X -= avg[:, None] */
    int64_t one = rows;
    NdArray *avg = lnd_newarray(L, ND_FLOAT64, 1, &one);
    char ax[ND_MAXDIMS] = {0, 1};
    TRY(nd_reduce(ND_R_MEAN, X, ax, 0, avg, &err));
    NdArray av = *avg;
    av.ndim = 2, av.shape[1] = 1, av.strides[1] = 0;
    TRY(nd_binary(ND_SUB, X, &av, X, &err));
    int64_t cs[2] = {rows, rows};
    NdArray *C = lnd_newarray(L, ND_FLOAT64, 2, cs);
    int ci = lua_gettop(L);
    const double *x = (const double *)X->data;
    double *c = (double *)C->data;
    for (int64_t i = 0; i < rows; i++)
        for (int64_t j = i; j < rows; j++) {
            double s = 0;
            for (int64_t k = 0; k < n; k++)
                s += x[j * n + k] * x[i * n + k];
            c[i * rows + j] = c[j * rows + i] = s;
        }
    double f = 1.0 / fact;
    for (int64_t i = 0; i < rows * rows; i++)
        c[i] *= f;
    if (corr) {
        double sd[1024];
        if (rows > 1024)
            raisef(L, "ValueError", "too many variables");
        for (int64_t i = 0; i < rows; i++)
            sd[i] = sqrt(c[i * rows + i]);
        for (int64_t i = 0; i < rows; i++)
            for (int64_t j = 0; j < rows; j++) {
                double v = c[i * rows + j] / sd[i];
                v = v / sd[j];
                if (v < -1)
                    v = -1;
                if (v > 1)
                    v = 1;
                c[i * rows + j] = v;
            }
    }
    lua_settop(L, ci);
    if (rows == 1) {
        C->ndim = 0;
        nd_update_flags(C);
        mark_scalar(L, -1);
    }
    return 1;
}

static int l_cov(lua_State *L)
{
    return cov_impl(L, 0);
}

static int l_corrcoef(lua_State *L)
{
    return cov_impl(L, 1);
}

static int l_atleast_1d(lua_State *L)
{
    NdArray ta;
    char sa[16];
    const NdArray *a = operand(L, 1, &ta, sa);
    if (a->ndim >= 1) {
        if (a == &ta)
            push_copy(L, a, a->dtype);
        else
            lua_pushvalue(L, lnd_toarray(L, 1) == a ? 1 : -1);
        return 1;
    }
    NdArray *c = push_copy(L, a, a->dtype);
    c->ndim = 1;
    c->shape[0] = 1;
    c->strides[0] = (int64_t)nd_dtype_size(c->dtype);
    nd_update_flags(c);
    return 1;
}

static int l_diag(lua_State *L)
{
    const int top_ = lua_gettop(L);
    NdArray *a = checkarray(L, 1);
    int ki = argx(L, top_, 2, "k");
    int64_t k = absent(L, ki) ? 0 : toint(L, ki, "k");
    if (a->ndim == 1) {
        int64_t n = a->shape[0] + (k < 0 ? -k : k);
        int64_t sh[2] = {n, n};
        NdArray *o = lnd_newarray(L, a->dtype, 2, sh);
        memset(o->data, 0, nd_nbytes(o));
        for (int64_t i = 0; i < a->shape[0]; i++) {
            int64_t r = k >= 0 ? i : i - k, c = k >= 0 ? i + k : i;
            memcpy(o->data + r * o->strides[0] + c * o->strides[1],
                   a->data + i * a->strides[0], nd_dtype_size(a->dtype));
        }
        return 1;
    }
    if (a->ndim != 2)
        raisef(L, "ValueError", "Input must be 1- or 2-d.");
    NdArray v = *a;
    int64_t r0 = k >= 0 ? 0 : -k, c0 = k >= 0 ? k : 0;
    int64_t n = a->shape[0] - r0 < a->shape[1] - c0 ? a->shape[0] - r0
                                                    : a->shape[1] - c0;
    if (n < 0)
        n = 0;
    v.ndim = 1;
    v.data = a->data + (n ? r0 * a->strides[0] + c0 * a->strides[1] : 0);
    v.shape[0] = n;
    v.strides[0] = a->strides[0] + a->strides[1];
    NdArray *o = lnd_newarray(L, a->dtype, 1, &n);
    NdErr err;
    TRY(nd_assign(o, &v, &err));
    return 1;
}

static int l_trace(lua_State *L)
{
    NdArray *a = checkarray(L, 1);
    if (a->ndim != 2)
        raisef(L, "ValueError", "diag requires an array of at least two "
                                "dimensions");
    NdArray v = *a;
    int64_t n = a->shape[0] < a->shape[1] ? a->shape[0] : a->shape[1];
    v.ndim = 1;
    v.shape[0] = n;
    v.strides[0] = a->strides[0] + a->strides[1];
    nd_update_flags(&v);
    NdArray desc;
    NdErr err;
    TRY(nd_reduce_prepare(ND_R_SUM, &v, NULL, 0, -1, &desc, &err));
    NdArray *o = push_new(L, &desc, 0);
    TRY(nd_reduce(ND_R_SUM, &v, NULL, 0, o, &err));
    mark_scalar(L, -1);
    return 1;
}

/* ------------------------------------------------------------------ */
/* random: np.random (the legacy global RandomState) and Generators */

#define MT_GEN "nd.Generator"
static const char KEY_RNG = 0;

/* The global legacy state, seeded from the clock when first used
** unseeded (NumPy seeds from OS entropy). */
static NdRandom *global_rng(lua_State *L)
{
    NdRandom *r;
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &KEY_RNG) == LUA_TUSERDATA) {
        r = lua_touserdata(L, -1);
        lua_pop(L, 1);
        return r;
    }
    lua_pop(L, 1);
    r = lua_newuserdatauv(L, nd_random_size(), 0);
    nd_random_seed_legacy(r, (int64_t)(((uint64_t)time(NULL) * 2654435761u
                                        ^ (uint64_t)getpid()) & 0xffffffffu),
                          NULL);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &KEY_RNG);
    return r;
}

/* The state a call uses: a Generator as argument 1 (method call) or the
** global one; *first is the index of the first real argument. */
static NdRandom *rng_of(lua_State *L, int *first)
{
    NdRandom *g = luaL_testudata(L, 1, MT_GEN);
    *first = g ? 2 : 1;
    return g ? g : global_rng(L);
}

/* size argument -> shape; returns ndim or -1 for None/absent. */
static int size_arg(lua_State *L, int idx, int64_t *shape)
{
    if (absent(L, idx))
        return -1;
    return shape_arg(L, idx, shape);
}

static int l_seed(lua_State *L)
{
    NdErr err;
    NdRandom *r = global_rng(L);
    if (absent(L, 1)) {
        nd_random_seed_legacy(r, (int64_t)((uint64_t)time(NULL) &
                                           0xffffffffu), NULL);
        return 0;
    }
    if (lua_type(L, 1) == LUA_TTABLE || lnd_toarray(L, 1)) {
        NdArray tmp;
        char store[16];
        const NdArray *a = operand(L, 1, &tmp, store);
        int64_t n = nd_size(a);
        if (n == 0)
            raisef(L, "ValueError", "Seed must be non-empty");
        uint32_t *key = lua_newuserdatauv(L, (size_t)n * 4, 0);
        int64_t idx[ND_MAXDIMS] = {0};
        for (int64_t i = 0; i < n; i++) {
            const char *p = a->data;
            for (int d = 0; d < a->ndim; d++)
                p += idx[d] * a->strides[d];
            int64_t v = nd_get_int(a->dtype, p);
            if (v < 0 || v > 0xffffffffLL)
                raisef(L, "ValueError", "Seed must be between 0 and "
                                        "2**32 - 1");
            key[i] = (uint32_t)v;
            for (int d = a->ndim - 1; d >= 0; d--) {
                if (++idx[d] < a->shape[d])
                    break;
                idx[d] = 0;
            }
        }
        nd_random_seed_legacy_array(r, key, (size_t)n);
        return 0;
    }
    TRY(nd_random_seed_legacy(r, toint(L, 1, "seed"), &err));
    return 0;
}

/* Float samplers: kind 0 random, 1 standard_normal, 2 normal, 3 uniform */
static int float_sampler(lua_State *L, NdRandom *r, int kind, double p1,
                         double p2, int nd, const int64_t *shape)
{
    NdErr err;
    double one;
    double *out;
    size_t n = 1;
    if (nd >= 0) {
        NdArray *a = lnd_newarray(L, ND_FLOAT64, nd, shape);
        out = (double *)a->data;
        n = (size_t)nd_size(a);
    } else {
        out = &one;
    }
    switch (kind) {
    case 0: nd_random_random(r, out, n); break;
    case 1: nd_random_standard_normal(r, out, n); break;
    case 2: TRY(nd_random_normal(r, p1, p2, out, n, &err)); break;
    default: TRY(nd_random_uniform(r, p1, p2, out, n, &err)); break;
    }
    if (nd < 0)
        lua_pushnumber(L, one);
    return 1;
}

/* rand(d0, d1, ...) / randn(d0, ...) */
static int dims_sampler(lua_State *L, int kind)
{
    const int top_ = lua_gettop(L);
    int64_t shape[ND_MAXDIMS];
    int np_ = nposx(L, top_);
    if (np_ > ND_MAXDIMS)
        raisef(L, "ValueError", "too many dimensions");
    for (int i = 0; i < np_; i++)
        shape[i] = toint(L, i + 1, "d");
    return float_sampler(L, global_rng(L), kind, 0, 0, np_ ? np_ : -1,
                         shape);
}

static int l_rand(lua_State *L)
{
    return dims_sampler(L, 0);
}

static int l_randn(lua_State *L)
{
    return dims_sampler(L, 1);
}

/* random(size) / random_sample / standard_normal(size) */
static int l_random(lua_State *L)
{
    const int top_ = lua_gettop(L);
    int f;
    NdRandom *r = rng_of(L, &f);
    int64_t shape[ND_MAXDIMS];
    int nd = size_arg(L, argx(L, top_, f, "size"), shape);
    return float_sampler(L, r, 0, 0, 0, nd, shape);
}

static int l_standard_normal(lua_State *L)
{
    const int top_ = lua_gettop(L);
    int f;
    NdRandom *r = rng_of(L, &f);
    int64_t shape[ND_MAXDIMS];
    int nd = size_arg(L, argx(L, top_, f, "size"), shape);
    return float_sampler(L, r, 1, 0, 0, nd, shape);
}

/* A float sampler of two parameters with defaults, then size:
** normal(loc=0, scale=1, size) and uniform(low=0, high=1, size). */
static int two_param_sampler(lua_State *L, int kind, const char *n1,
                             double d1, const char *n2, double d2)
{
    const int top_ = lua_gettop(L);
    int f;
    NdRandom *r = rng_of(L, &f);
    int ai = argx(L, top_, f, n1), bi = argx(L, top_, f + 1, n2);
    int zi = argx(L, top_, f + 2, "size");
    int64_t shape[ND_MAXDIMS];
    double a = absent(L, ai) ? d1 : todouble(L, ai);
    double b = absent(L, bi) ? d2 : todouble(L, bi);
    int nd = size_arg(L, zi, shape);
    return float_sampler(L, r, kind, a, b, nd, shape);
}

static int l_normal(lua_State *L)
{
    return two_param_sampler(L, 2, "loc", 0.0, "scale", 1.0);
}

static int l_uniform(lua_State *L)
{
    return two_param_sampler(L, 3, "low", 0.0, "high", 1.0);
}

/* randint(low, high=None, size=None, dtype=int) and
** Generator.integers(low, high=None, size=None, dtype=int64,
** endpoint=False) */
static int l_randint(lua_State *L)
{
    const int top_ = lua_gettop(L);
    NdErr err;
    int f;
    NdRandom *r = rng_of(L, &f);
    int li = argx(L, top_, f, "low"), hi = argx(L, top_, f + 1, "high");
    int zi = argx(L, top_, f + 2, "size"), di = argx(L, top_, f + 3, "dtype");
    int ei = argx(L, top_, 0, "endpoint");
    int64_t low = toint(L, li, "low"), high;
    if (absent(L, hi)) {
        high = low;
        low = 0;
    } else {
        high = toint(L, hi, "high");
    }
    int dt = optdtype(L, di);
    NdDType t = dt >= 0 ? (NdDType)dt : ND_INT64;
    int endpoint = ei ? tobool(L, ei) : 0;
    int64_t shape[ND_MAXDIMS];
    int nd = size_arg(L, zi, shape);
    if (nd < 0) {
        char store[16];
        TRY(nd_random_integers(r, low, high, endpoint, t, store, 1, &err));
        NdArray *o = lnd_newarray(L, t, 0, NULL);
        memcpy(o->data, store, nd_dtype_size(t));
        mark_scalar(L, -1);
        return 1;
    }
    NdArray *o = lnd_newarray(L, t, nd, shape);
    TRY(nd_random_integers(r, low, high, endpoint, t, o->data,
                           (size_t)nd_size(o), &err));
    return 1;
}

/* choice(a, size=None, replace=True, p=None) */
static int l_choice(lua_State *L)
{
    const int top_ = lua_gettop(L);
    NdErr err;
    int f;
    NdRandom *r = rng_of(L, &f);
    int ai = argx(L, top_, f, "a"), zi = argx(L, top_, f + 1, "size");
    int ri = argx(L, top_, f + 2, "replace"), pi = argx(L, top_, f + 3, "p");
    int flags = (ri && !absent(L, ri) && !tobool(L, ri)) ? 0
                                                         : ND_CHOICE_REPLACE;
    const NdArray *pop = NULL;
    int popi = 0;
    int64_t npop;
    if (lua_isinteger(L, ai)) {
        npop = lua_tointeger(L, ai);
        flags |= ND_CHOICE_AINT;
    } else {
        NdArray tmp;
        char store[16];
        pop = operand(L, ai, &tmp, store);
        if (pop == &tmp)
            pop = push_copy(L, pop, pop->dtype);
        popi = lua_gettop(L);
        if (lnd_toarray(L, ai) == pop)
            popi = ai;
        if (pop->ndim != 1)
            raisef(L, "ValueError", "a must be 1-dimensional");
        npop = pop->shape[0];
    }
    const double *p = NULL;
    if (pi && !absent(L, pi)) {
        NdArray tmp;
        char store[16];
        const NdArray *pa = operand(L, pi, &tmp, store);
        NdArray *pd = push_copy(L, pa, ND_FLOAT64);
        if (pd->ndim != 1 || pd->shape[0] != npop)
            raisef(L, "ValueError", nd_random_is_legacy(r)
                                        ? "'a' and 'p' must have same size"
                                        : "a and p must have same size");
        p = (const double *)pd->data;
    }
    int64_t shape[ND_MAXDIMS];
    int nd = size_arg(L, zi, shape);
    int64_t n = 1;
    for (int i = 0; i < (nd < 0 ? 0 : nd); i++)
        n *= shape[i];
    if (n < 0)
        raisef(L, "ValueError", "negative dimensions are not allowed");
    int64_t *idx = lua_newuserdatauv(L, (size_t)(n ? n : 1) * 8, 0);
    size_t ws = nd_random_choice_worksize(r, npop, p, flags, (size_t)n);
    void *work = ws ? lua_newuserdatauv(L, ws, 0) : NULL;
    TRY(nd_random_choice(r, npop, p, flags, idx, (size_t)n, work, &err));
    NdArray *o;
    if (!pop) {
        if (nd < 0) {
            lua_pushinteger(L, idx[0]);
            return 1;
        }
        o = lnd_newarray(L, ND_INT64, nd, shape);
        memcpy(o->data, idx, (size_t)n * 8);
        return 1;
    }
    size_t isz = nd_dtype_size(pop->dtype);
    o = lnd_newarray(L, pop->dtype, nd < 0 ? 0 : nd, shape);
    for (int64_t i = 0; i < n; i++)
        memcpy(o->data + i * (int64_t)isz,
               pop->data + idx[i] * pop->strides[0], isz);
    if (nd < 0)
        mark_scalar(L, -1);
    (void)popi;
    return 1;
}

static int l_shuffle(lua_State *L)
{
    int f;
    NdRandom *r = rng_of(L, &f);
    NdArray *a = checkarray(L, f);
    if (a->ndim == 0)
        raisef(L, "TypeError", "object of type 'numpy.%s' has no len()",
               nd_dtype_name(a->dtype));
    if (!ND_C_CONTIGUOUS || !(a->flags & ND_C_CONTIGUOUS))
        raisef(L, "ValueError", "shuffle of a non-contiguous array is not "
                                "supported");
    size_t row = nd_nbytes(a) / (size_t)(a->shape[0] ? a->shape[0] : 1);
    void *buf = lua_newuserdatauv(L, row ? row : 1, 0);
    nd_random_shuffle(r, a->data, (size_t)a->shape[0], row, buf);
    return 0;
}

static int l_permutation(lua_State *L)
{
    int f;
    NdRandom *r = rng_of(L, &f);
    if (lua_isinteger(L, f)) {
        int64_t n = lua_tointeger(L, f);
        if (n < 0)
            raisef(L, "ValueError", "negative dimensions are not allowed");
        NdArray *o = lnd_newarray(L, ND_INT64, 1, &n);
        nd_random_permutation(r, (int64_t *)o->data, (size_t)n);
        return 1;
    }
    NdArray *a = checkarray(L, f);
    NdArray *c = push_copy(L, a, a->dtype);
    if (c->ndim == 0)
        raisef(L, "IndexError", "x must be an integer or at least "
                                "1-dimensional");
    size_t row = nd_nbytes(c) / (size_t)(c->shape[0] ? c->shape[0] : 1);
    int ci = lua_gettop(L);
    void *buf = lua_newuserdatauv(L, row ? row : 1, 0);
    nd_random_shuffle(r, c->data, (size_t)c->shape[0], row, buf);
    lua_settop(L, ci);
    return 1;
}

/* default_rng(seed=None) */
static int l_default_rng(lua_State *L)
{
    const int top_ = lua_gettop(L);
    NdErr err;
    int si = argx(L, top_, 1, "seed");
    NdRandom *g = lua_newuserdatauv(L, nd_random_size(), 0);
    luaL_setmetatable(L, MT_GEN);
    if (absent(L, si)) {
        uint32_t w[2] = {(uint32_t)time(NULL), (uint32_t)getpid()};
        nd_random_default_rng(g, w, 2);
    } else {
        TRY(nd_random_default_rng_int(g, toint(L, si, "seed"), &err));
    }
    return 1;
}

static const luaL_Reg random_funcs[] = {
    {"seed", l_seed},
    {"rand", l_rand},
    {"randn", l_randn},
    {"random", l_random},
    {"random_sample", l_random},
    {"standard_normal", l_standard_normal},
    {"normal", l_normal},
    {"uniform", l_uniform},
    {"randint", l_randint},
    {"integers", l_randint},
    {"choice", l_choice},
    {"shuffle", l_shuffle},
    {"permutation", l_permutation},
    {"default_rng", l_default_rng},
    {NULL, NULL},
};

static const luaL_Reg gen_methods[] = {
    {"random", l_random},
    {"standard_normal", l_standard_normal},
    {"normal", l_normal},
    {"uniform", l_uniform},
    {"integers", l_randint},
    {"choice", l_choice},
    {"shuffle", l_shuffle},
    {"permutation", l_permutation},
    {NULL, NULL},
};

static int gen_tostring(lua_State *L)
{
    lua_pushfstring(L, "Generator(PCG64) at 0x%p", lua_topointer(L, 1));
    return 1;
}

static void set_guarded(lua_State *L, const luaL_Reg *r,
                        const char *prefix);

/* Add nd.random (module table on top of the stack). */
static void open_random(lua_State *L)
{
    luaL_newmetatable(L, MT_GEN);
    lua_newtable(L);
    set_guarded(L, gen_methods, "Generator.");
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, gen_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pop(L, 1);
    lua_newtable(L);
    set_guarded(L, random_funcs, "random.");
    lua_setfield(L, -2, "random");
}

/* ------------------------------------------------------------------ */
/* helpers exported to lnd_linalg.c */

int lnd_raise(lua_State *L, const char *type, const char *msg)
{
    return raise_typed(L, type, msg);
}

NdArray *lnd_tocontig(lua_State *L, int idx, NdDType t)
{
    NdArray tmp;
    char store[16];
    idx = lua_absindex(L, idx);
    const NdArray *a = operand(L, idx, &tmp, store);
    return push_copy(L, a, t);
}

void lnd_markscalar(lua_State *L, int idx)
{
    mark_scalar(L, idx);
}

/* ------------------------------------------------------------------ */
/* module tables */

static int l_kw(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_settop(L, 1);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &KEY_KW); /* no name lookup */
    lua_setmetatable(L, 1);
    return 1;
}

static int l_ndim(lua_State *L)
{
    NdArray *a = lnd_toarray(L, 1);
    if (a)
        lua_pushinteger(L, a->ndim);
    else {
        NdArray tmp;
        char store[16];
        lua_pushinteger(L, operand(L, 1, &tmp, store)->ndim);
    }
    return 1;
}

static int l_shape(lua_State *L)
{
    NdArray tmp;
    char store[16];
    const NdArray *a = operand(L, 1, &tmp, store);
    push_shape_tuple(L, a->ndim, a->shape);
    return 1;
}

static int l_size(lua_State *L)
{
    NdArray tmp;
    char store[16];
    lua_pushinteger(L, nd_size(operand(L, 1, &tmp, store)));
    return 1;
}

static const luaL_Reg methods[] = {
    {"reshape", l_reshape},
    {"ravel", l_ravel},
    {"flatten", l_flatten},
    {"copy", l_copy},
    {"astype", l_astype},
    {"transpose", l_transpose},
    {"swapaxes", l_swapaxes},
    {"squeeze", l_squeeze},
    {"sum", l_sum},
    {"prod", l_prod},
    {"min", l_min},
    {"max", l_max},
    {"all", l_all},
    {"any", l_any},
    {"mean", l_mean},
    {"var", l_var},
    {"std", l_std},
    {"argmin", l_argmin},
    {"argmax", l_argmax},
    {"cumsum", l_cumsum},
    {"cumprod", l_cumprod},
    {"round", l_round},
    {"clip", l_clip},
    {"item", l_item},
    {"tolist", l_tolist},
    {"fill", l_fill},
    {"repeat", l_repeat},
    {"sort", m_sort},
    {"argsort", l_argsort},
    {"nonzero", l_nonzero},
    {"dot", l_dot},
    {"trace", l_trace},
    {NULL, NULL},
};

static const luaL_Reg getters[] = {
    {"shape", a_shape},
    {"ndim", a_ndim},
    {"size", a_size},
    {"dtype", a_dtype},
    {"itemsize", a_itemsize},
    {"nbytes", a_nbytes},
    {"T", a_T},
    {"base", a_base},
    {"flags", a_flags},
    {"strides", a_strides},
    {"real", a_real},
    {"imag", a_imag},
    {NULL, NULL},
};

static const luaL_Reg funcs[] = {
    {"array", l_array},
    {"asarray", l_asarray},
    {"zeros", l_zeros},
    {"ones", l_ones},
    {"empty", l_empty},
    {"full", l_full},
    {"zeros_like", l_zeros_like},
    {"ones_like", l_ones_like},
    {"empty_like", l_zeros_like},
    {"full_like", l_full_like},
    {"eye", l_eye},
    {"identity", l_identity},
    {"arange", l_arange},
    {"linspace", l_linspace},
    {"copy", l_copy},
    {"str", l_str},
    {"repr", l_repr},
    {"set_printoptions", l_set_printoptions},
    {"get_printoptions", l_get_printoptions},
    {"add", l_add},
    {"subtract", l_subtract},
    {"multiply", l_multiply},
    {"divide", l_true_divide},
    {"true_divide", l_true_divide},
    {"floor_divide", l_floor_divide},
    {"mod", l_remainder},
    {"remainder", l_remainder},
    {"power", l_power},
    {"bitwise_and", l_bitwise_and},
    {"bitwise_or", l_bitwise_or},
    {"bitwise_xor", l_bitwise_xor},
    {"left_shift", l_left_shift},
    {"right_shift", l_right_shift},
    {"equal", l_equal},
    {"not_equal", l_not_equal},
    {"less", l_less},
    {"less_equal", l_less_equal},
    {"greater", l_greater},
    {"greater_equal", l_greater_equal},
    {"eq", l_equal},
    {"ne", l_not_equal},
    {"lt", l_less},
    {"le", l_less_equal},
    {"gt", l_greater},
    {"ge", l_greater_equal},
    {"maximum", l_maximum},
    {"minimum", l_minimum},
    {"fmax", l_fmax},
    {"fmin", l_fmin},
    {"logical_and", l_logical_and},
    {"logical_or", l_logical_or},
    {"logical_xor", l_logical_xor},
    {"arctan2", l_arctan2},
    {"hypot", l_hypot},
    {"negative", l_negative},
    {"positive", l_positive},
    {"abs", l_absolute},
    {"absolute", l_absolute},
    {"invert", l_invert},
    {"bitwise_not", l_invert},
    {"logical_not", l_logical_not},
    {"sign", l_sign},
    {"square", l_square},
    {"sqrt", l_sqrt},
    {"exp", l_exp},
    {"log", l_log},
    {"log10", l_log10},
    {"log2", l_log2},
    {"log1p", l_log1p},
    {"expm1", l_expm1},
    {"sin", l_sin},
    {"cos", l_cos},
    {"tan", l_tan},
    {"arcsin", l_arcsin},
    {"arccos", l_arccos},
    {"arctan", l_arctan},
    {"sinh", l_sinh},
    {"cosh", l_cosh},
    {"tanh", l_tanh},
    {"floor", l_floor_},
    {"ceil", l_ceil},
    {"rint", l_rint},
    {"trunc", l_trunc},
    {"isnan", l_isnan},
    {"isinf", l_isinf},
    {"isfinite", l_isfinite},
    {"signbit", l_signbit},
    {"round", l_round},
    {"around", l_round},
    {"clip", l_clip},
    {"where", l_where_any},
    {"truth", l_truth},
    {"item", l_item},
    {"tolist", l_tolist},
    {"int", l_int},
    {"float", l_float},
    {"isscalar", l_isscalar},
    {"isarray", l_isarray},
    {"typename", l_typename},
    {"dtype", l_dtype},
    {"promote_types", l_promote_types},
    {"result_type", l_result_type},
    {"min_scalar_type", l_min_scalar_type},
    {"can_cast", l_can_cast},
    {"slice", l_slice},
    {"getitem", l_getitem},
    {"setitem", l_setitem},
    {"iter", l_iter},
    {"len", m_len},
    {"sum", l_sum},
    {"prod", l_prod},
    {"min", l_min},
    {"max", l_max},
    {"amin", l_min},
    {"amax", l_max},
    {"all", l_all},
    {"any", l_any},
    {"mean", l_mean},
    {"var", l_var},
    {"std", l_std},
    {"argmin", l_argmin},
    {"argmax", l_argmax},
    {"cumsum", l_cumsum},
    {"cumprod", l_cumprod},
    {"count_nonzero", l_count_nonzero},
    {"reshape", l_reshape},
    {"ravel", l_ravel},
    {"transpose", l_transpose},
    {"swapaxes", l_swapaxes},
    {"squeeze", l_squeeze},
    {"expand_dims", l_expand_dims},
    {"broadcast_to", l_broadcast_to},
    {"shares_memory", l_shares_memory},
    {"may_share_memory", l_shares_memory},
    {"concatenate", l_concatenate},
    {"vstack", l_vstack},
    {"hstack", l_hstack},
    {"column_stack", l_column_stack},
    {"stack", l_stack},
    {"split", l_split},
    {"array_split", l_array_split},
    {"vsplit", l_vsplit},
    {"hsplit", l_hsplit},
    {"tile", l_tile},
    {"repeat", l_repeat},
    {"append", l_append},
    {"sort", l_sort},
    {"argsort", l_argsort},
    {"unique", l_unique},
    {"nonzero", l_nonzero},
    {"median", l_median},
    {"percentile", l_percentile},
    {"quantile", l_quantile},
    {"matmul", l_matmul},
    {"dot", l_dot},
    {"inner", l_inner},
    {"outer", l_outer},
    {"cross", l_cross},
    {"cov", l_cov},
    {"corrcoef", l_corrcoef},
    {"atleast_1d", l_atleast_1d},
    {"diag", l_diag},
    {"trace", l_trace},
    {"kw", l_kw},
    {"ndim", l_ndim},
    {"shape", l_shape},
    {"size", l_size},
    {NULL, NULL},
};

/* Metamethods for arithmetic operators. */
#define MBIN(NAME, OP)                                                     \
    static int m_##NAME(lua_State *L)                                      \
    {                                                                      \
        lua_settop(L, 2);                                                  \
        return binary(L, OP, 1, 2);                                        \
    }
MBIN(add, ND_ADD)
MBIN(sub, ND_SUB)
MBIN(mul, ND_MUL)
MBIN(div, ND_TRUEDIV)
MBIN(idiv, ND_FLOORDIV)
MBIN(mod, ND_MOD)
MBIN(pow, ND_POW)
MBIN(band, ND_AND)
MBIN(bor, ND_OR)
MBIN(bxor, ND_XOR)
MBIN(shl, ND_LSHIFT)
MBIN(shr, ND_RSHIFT)

static int m_close(lua_State *L)
{
    (void)L;
    return 0;
}

static const luaL_Reg meta[] = {
    {"__add", m_add},   {"__sub", m_sub},   {"__mul", m_mul},
    {"__div", m_div},   {"__idiv", m_idiv}, {"__mod", m_mod},
    {"__pow", m_pow},   {"__unm", m_unm},   {"__band", m_band},
    {"__bor", m_bor},   {"__bxor", m_bxor}, {"__bnot", m_bnot},
    {"__shl", m_shl},   {"__shr", m_shr},   {"__len", m_len},
    {"__tostring", m_tostring},             {"__close", m_close},
    {"__newindex", m_newindex},             {NULL, NULL},
};

/* ------------------------------------------------------------------ */
/* Keywords. NumPy's functions take keywords pyprep does not implement
** (where=, initial=, order=, kind=, return_index= ...). Ignoring one
** answers what NumPy would not, so every function is registered behind
** kw_guard with the keywords it reads, and any other keyword is refused
** before the function runs. A function missing here reads none. */
static const LndArgSpec kw_specs[] = {
    {l_absolute, 2, "out"},
    {l_add, 3, "dtype out"},
    {l_all, 4, "axis keepdims out"},
    {l_any, 4, "axis keepdims out"},
    {l_append, 3, "axis"},
    {l_arange, 4, "dtype start step stop"},
    {l_arccos, 2, "out"},
    {l_arcsin, 2, "out"},
    {l_arctan, 2, "out"},
    {l_arctan2, 3, "dtype out"},
    {l_argmax, 3, "axis keepdims out"},
    {l_argmin, 3, "axis keepdims out"},
    {l_argsort, 3, "axis kind"},
    {l_array, 2, "copy dtype ndmin"},
    {l_array_split, 3, "axis indices_or_sections"},
    {l_asarray, 2, "dtype"},
    {l_astype, 2, "copy dtype"},
    {l_atleast_1d, -1, ""},
    {l_bitwise_and, 3, "dtype out"},
    {l_bitwise_or, 3, "dtype out"},
    {l_bitwise_xor, 3, "dtype out"},
    {l_broadcast_to, 2, ""},
    {l_can_cast, -1, "casting"},
    {l_ceil, 2, "out"},
    {l_choice, 4, "a p replace size"},
    {l_clip, 3, "a_max a_min"},
    {l_column_stack, 1, ""},
    {l_concatenate, 2, "axis dtype"},
    {l_copy, 1, ""},
    {l_corrcoef, 3, "bias ddof rowvar y"},
    {l_cos, 2, "out"},
    {l_cosh, 2, "out"},
    {l_count_nonzero, 2, "axis"},
    {l_cov, 5, "bias ddof rowvar y"},
    {l_cross, 2, ""},
    {l_cumprod, 3, "axis dtype"},
    {l_cumsum, 3, "axis dtype"},
    {l_default_rng, 1, "seed"},
    {l_diag, 2, "k"},
    {l_dot, 2, ""},
    {l_dtype, -1, ""},
    {l_empty, 2, "dtype"},
    {l_equal, 3, "dtype out"},
    {l_exp, 2, "out"},
    {l_expand_dims, 2, "axis"},
    {l_expm1, 2, "out"},
    {l_eye, 4, "M dtype k"},
    {l_fill, 2, ""},
    {l_flatten, 1, ""},
    {l_float, -1, ""},
    {l_floor_, 2, "out"},
    {l_floor_divide, 3, "dtype out"},
    {l_fmax, 3, "dtype out"},
    {l_fmin, 3, "dtype out"},
    {l_full, 3, "dtype fill_value"},
    {l_full_like, 3, "dtype fill_value"},
    {l_get_printoptions, -1, ""},
    {l_getitem, -1, ""},
    {l_greater, 3, "dtype out"},
    {l_greater_equal, 3, "dtype out"},
    {l_hsplit, 2, "axis indices_or_sections"},
    {l_hstack, 1, ""},
    {l_hypot, 3, "dtype out"},
    {l_identity, 2, "dtype"},
    {l_inner, 2, ""},
    {l_int, -1, ""},
    {l_invert, 2, "out"},
    {l_isarray, -1, ""},
    {l_isfinite, 2, "out"},
    {l_isinf, 2, "out"},
    {l_isnan, 2, "out"},
    {l_isscalar, -1, ""},
    {l_item, -1, ""},
    {l_iter, -1, ""},
    {l_kw, -1, ""},
    {l_left_shift, 3, "dtype out"},
    {l_less, 3, "dtype out"},
    {l_less_equal, 3, "dtype out"},
    {l_linspace, 6, "dtype endpoint num retstep stop"},
    {l_log, 2, "out"},
    {l_log10, 2, "out"},
    {l_log1p, 2, "out"},
    {l_log2, 2, "out"},
    {l_logical_and, 3, "dtype out"},
    {l_logical_not, 2, "out"},
    {l_logical_or, 3, "dtype out"},
    {l_logical_xor, 3, "dtype out"},
    {l_matmul, 2, ""},
    {l_max, 4, "axis keepdims out"},
    {l_maximum, 3, "dtype out"},
    {l_mean, 5, "axis dtype keepdims out"},
    {l_median, 2, "axis keepdims q"},
    {l_min, 4, "axis keepdims out"},
    {l_min_scalar_type, -1, ""},
    {l_minimum, 3, "dtype out"},
    {l_multiply, 3, "dtype out"},
    {l_ndim, -1, ""},
    {l_negative, 2, "out"},
    {l_nonzero, 1, ""},
    {l_normal, 3, "loc scale size"},
    {l_not_equal, 3, "dtype out"},
    {l_ones, 2, "dtype"},
    {l_ones_like, 2, "dtype"},
    {l_outer, 2, ""},
    {l_percentile, 3, "axis keepdims q"},
    {l_permutation, 1, ""},
    {l_positive, 2, "out"},
    {l_power, 3, "dtype out"},
    {l_prod, 5, "axis dtype keepdims out"},
    {l_promote_types, -1, ""},
    {l_quantile, 3, "axis keepdims q"},
    {l_rand, -1, ""},
    {l_randint, 5, "dtype endpoint high low size"},
    {l_randn, -1, ""},
    {l_random, 1, "size"},
    {l_ravel, 1, ""},
    {l_remainder, 3, "dtype out"},
    {l_repeat, 3, "axis repeats"},
    {l_repr, -1, ""},
    {l_reshape, -1, "newshape"},
    {l_result_type, -1, ""},
    {l_right_shift, 3, "dtype out"},
    {l_rint, 2, "out"},
    {l_round, 2, "decimals"},
    {l_seed, 1, ""},
    {l_set_printoptions, -1, "edgeitems floatmode linewidth precision sign suppress threshold"},
    {l_setitem, -1, ""},
    {l_shape, -1, ""},
    {l_shares_memory, -1, ""},
    {l_shuffle, 1, ""},
    {l_sign, 2, "out"},
    {l_signbit, 2, "out"},
    {l_sin, 2, "out"},
    {l_sinh, 2, "out"},
    {l_size, -1, ""},
    {l_slice, -1, ""},
    {l_sort, 3, "axis kind"},
    {l_split, 3, "axis indices_or_sections"},
    {l_sqrt, 2, "out"},
    {l_square, 2, "out"},
    {l_squeeze, 2, "axis"},
    {l_stack, 2, "axis"},
    {l_standard_normal, 1, "size"},
    {l_std, 6, "axis ddof dtype keepdims out"},
    {l_str, -1, ""},
    {l_subtract, 3, "dtype out"},
    {l_sum, 5, "axis dtype keepdims out"},
    {l_swapaxes, 3, ""},
    {l_tan, 2, "out"},
    {l_tanh, 2, "out"},
    {l_tile, 2, ""},
    {l_tolist, 1, ""},
    {l_trace, 1, ""},
    {l_transpose, -1, "axes"},
    {l_true_divide, 3, "dtype out"},
    {l_trunc, 2, "out"},
    {l_truth, -1, ""},
    {l_typename, -1, ""},
    {l_uniform, 3, "low high size"},
    {l_unique, 1, "return_counts"},
    {l_var, 6, "axis ddof dtype keepdims out"},
    {l_vsplit, 2, "axis indices_or_sections"},
    {l_vstack, 1, ""},
    {l_where_any, 3, ""},
    {l_zeros, 2, "dtype"},
    {l_zeros_like, 2, "dtype"},
    {m_len, -1, ""},
    {m_sort, 3, "axis kind"},
    {NULL, 0, NULL},
};

static const LndArgSpec *kw_spec(lua_CFunction fn)
{
    for (const LndArgSpec *k = kw_specs; k->fn; k++)
        if (k->fn == fn)
            return k;
    return NULL;
}

static int kw_known(const char *names, const char *key, size_t n)
{
    for (const char *p = names; *p;) {
        const char *q = p;
        while (*q && *q != ' ')
            q++;
        if ((size_t)(q - p) == n && memcmp(p, key, n) == 0)
            return 1;
        p = *q ? q + 1 : q;
    }
    return 0;
}

/* Upvalues: the function, its LndArgSpec, its name for messages ("sum", or
** "ndarray.sum" for a method, whose self counts as an argument), the KW
** metatable (one compare, where kwx needs a lookup). */
static int kw_guard(lua_State *L)
{
    const LndArgSpec *spec = lua_touserdata(L, lua_upvalueindex(2));
    int top = lua_gettop(L), is_kw = 0;
    if (top && lua_type(L, top) == LUA_TTABLE && lua_getmetatable(L, top)) {
        is_kw = lua_rawequal(L, -1, lua_upvalueindex(4));
        lua_pop(L, 1);
    }
    if (spec->maxpos >= 0 && top - is_kw > spec->maxpos) {
        /* a Generator method's arguments come after the generator; an
        ** array method's are laid out as the function's, array first */
        const char *name = lua_tostring(L, lua_upvalueindex(3));
        int gen = strncmp(name, "Generator.", 10) == 0;
        int method = gen || strncmp(name, "ndarray.", 8) == 0;
        if (top - is_kw > spec->maxpos + gen)
            refusef(L, "positional argument %d of %s()",
                    spec->maxpos + 1 + gen - method, name);
    }
    if (is_kw) {
        lua_pushnil(L);
        while (lua_next(L, top)) {
            size_t n;
            const char *key;
            lua_pop(L, 1);
            if (lua_type(L, -1) != LUA_TSTRING)
                raisef(L, "TypeError", "keywords must be strings");
            key = lua_tolstring(L, -1, &n);
            if (!kw_known(spec->names, key, n))
                refusef(L, "keyword argument '%s' of %s()", key,
                        lua_tostring(L, lua_upvalueindex(3)));
        }
    }
    if (spec->fn)
        return spec->fn(L);
    lua_pushvalue(L, lua_upvalueindex(1)); /* a Lua function */
    lua_insert(L, 1);
    lua_call(L, top, LUA_MULTRET);
    return lua_gettop(L);
}

void lnd_guard(lua_State *L, const LndArgSpec *spec, const char *name)
{
    lua_pushlightuserdata(L, (void *)spec);
    lua_pushstring(L, name);
    lua_rawgetp(L, LUA_REGISTRYINDEX, &KEY_KW);
    lua_pushcclosure(L, kw_guard, 4);
}

/* luaL_setfuncs for functions behind kw_guard; prefix names the type of
** methods ("ndarray."), "" for functions. */
static void set_guarded(lua_State *L, const luaL_Reg *r, const char *prefix)
{
    for (; r->name; r++) {
        const LndArgSpec *spec = kw_spec(r->func);
        if (!spec)
            luaL_error(L, "nd: %s is missing from kw_specs", r->name);
        lua_pushfstring(L, "%s%s", prefix, r->name);
        lua_pushcfunction(L, r->func);
        lnd_guard(L, spec, lua_tostring(L, -2));
        lua_setfield(L, -3, r->name);
        lua_pop(L, 1);
    }
}

int luaopen_nd(lua_State *L)
{
    /* print options, one per state */
    NdPrintOptions *o = lua_newuserdatauv(L, sizeof *o, 0);
    nd_print_defaults(o);
    lua_setfield(L, LUA_REGISTRYINDEX, REG_POPTS);

    luaL_newmetatable(L, MT_ERROR);
    lua_pushcfunction(L, err_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pop(L, 1);
    if (luaL_newmetatable(L, MT_REFUSE)) {
        lua_pushcfunction(L, refuse_tostring);
        lua_setfield(L, -2, "__tostring");
    }
    lua_pop(L, 1);
    luaL_newmetatable(L, MT_KW);
    lua_pushboolean(L, 1);
    lua_rawsetp(L, -2, &KEY_KW);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &KEY_KW);
    luaL_newmetatable(L, MT_SLICE);
    lua_pushcfunction(L, slice_index);
    lua_setfield(L, -2, "__index");
    lua_pushboolean(L, 1);
    lua_rawsetp(L, -2, &KEY_SLICE);
    lua_pop(L, 1);
    luaL_newmetatable(L, MT_ELLIPSIS);
    lua_pushliteral(L, "Ellipsis");
    lua_setfield(L, -2, "__name");
    lua_pushboolean(L, 1);
    lua_rawsetp(L, -2, &KEY_ELLIPSIS);
    lua_pop(L, 1);

    /* dtype objects, cached so identity comparisons hold */
    luaL_newmetatable(L, MT_DTYPE);
    lua_pushcfunction(L, dt_call);
    lua_setfield(L, -2, "__call");
    lua_pushcfunction(L, dt_index);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, dt_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_pushboolean(L, 1);
    lua_rawsetp(L, -2, &KEY_DTYPE);
    lua_pop(L, 1);
    lua_createtable(L, ND_NTYPES, 0);
    for (int t = 0; t < ND_NTYPES; t++) {
        NdDType *p = lua_newuserdatauv(L, sizeof *p, 0);
        *p = (NdDType)t;
        luaL_setmetatable(L, MT_DTYPE);
        lua_rawseti(L, -2, t + 1);
    }
    lua_setfield(L, LUA_REGISTRYINDEX, REG_DTYPES);

    /* array metatable */
    luaL_newmetatable(L, MT_ARRAY);
    lua_pushvalue(L, -1);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &KEY_ARRAY);
    luaL_setfuncs(L, meta, 0);
    lua_newtable(L);
    set_guarded(L, methods, "ndarray.");
    lua_newtable(L);
    luaL_setfuncs(L, getters, 0);
    lua_pushcclosure(L, m_index, 2);
    lua_setfield(L, -2, "__index");
    lua_pushliteral(L, "numpy.ndarray");
    lua_setfield(L, -2, "__name");
    lua_pop(L, 1);

    lua_newtable(L);
    set_guarded(L, funcs, "");
    for (int t = 0; t < ND_NTYPES; t++) {
        push_dtype(L, (NdDType)t);
        lua_setfield(L, -2, nd_dtype_name((NdDType)t));
    }
    push_dtype(L, ND_BOOL);
    lua_setfield(L, -2, "bool_");
    push_dtype(L, ND_INT64);
    lua_setfield(L, -2, "int_");
    push_dtype(L, ND_FLOAT64);
    lua_setfield(L, -2, "float_");
    push_dtype(L, ND_FLOAT64);
    lua_setfield(L, -2, "double");
    push_dtype(L, ND_FLOAT32);
    lua_setfield(L, -2, "single");
    push_dtype(L, ND_FLOAT16);
    lua_setfield(L, -2, "half");
    push_dtype(L, ND_COMPLEX128);
    lua_setfield(L, -2, "complex_");
    lua_pushnumber(L, 3.141592653589793);
    lua_setfield(L, -2, "pi");
    lua_pushnumber(L, 2.718281828459045);
    lua_setfield(L, -2, "e");
    lua_pushnumber(L, HUGE_VAL);
    lua_setfield(L, -2, "inf");
    lua_pushnumber(L, NAN);
    lua_setfield(L, -2, "nan");
    lua_pushlightuserdata(L, NULL);
    lua_setfield(L, -2, "newaxis");
    lua_newuserdatauv(L, 0, 0);
    luaL_setmetatable(L, MT_ELLIPSIS);
    lua_setfield(L, -2, "Ellipsis");
    luaL_getmetatable(L, MT_KW);
    lua_setfield(L, -2, "KW");
    lua_pushliteral(L, "1.24.2");
    lua_setfield(L, -2, "__version__");
    open_random(L);
    return 1;
}
