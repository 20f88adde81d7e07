/*
** py_lib.c - the runtime library opener (module "py") and its C helpers.
**
** luaopen_py builds the shared metatables named in docs/INTERFACES.md
** ("py.list", "py.tuple", "py.dict", "nd.error", "nd.KW"), a table of C
** helpers (float repr, byte-wise string order, output, traceback frames,
** correctly rounded round()), then runs the embedded Lua runtime
** (py_rt.lua, py_rtlib.lua, py_rtnp.lua) and returns its table.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lauxlib.h>
#include <lualib.h>

#include "nd_print.h"
#include "py.h"
#include "py_int.h"
#include "sandbox.h"

static PyWriteFn writer;
static void *writer_ud;

void py_set_writer(PyWriteFn fn, void *ud)
{
    writer = fn;
    writer_ud = ud;
}

static int l_write(lua_State *L)
{
    int fd = (int)luaL_checkinteger(L, 1);
    size_t n;
    const char *s = luaL_checklstring(L, 2, &n);
    if (writer)
        writer(fd == 2 ? 2 : 1, s, n, writer_ud);
    else
        sandbox_write(L, fd == 2 ? SANDBOX_STDERR : SANDBOX_STDOUT, s, n);
    return 0;
}

static int l_frepr(lua_State *L)
{
    char buf[ND_FLOAT_REPR_MAX];
    double x = luaL_checknumber(L, 1);
    nd_float_repr(x, buf, sizeof buf);
    lua_pushstring(L, buf);
    return 1;
}

/* Python orders str by code point; UTF-8 byte order is the same. */
static int l_strlt(lua_State *L)
{
    size_t na, nb;
    const char *a = luaL_checklstring(L, 1, &na);
    const char *b = luaL_checklstring(L, 2, &nb);
    int c = memcmp(a, b, na < nb ? na : nb);
    lua_pushboolean(L, c < 0 || (c == 0 && na < nb));
    return 1;
}

/* Round half to even (the default rounding mode), as a float. */
static int l_rint(lua_State *L)
{
    lua_pushnumber(L, nearbyint(luaL_checknumber(L, 1)));
    return 1;
}

/*
** round(x, n) for floats: CPython rounds the exact binary value to n
** decimals (correctly rounded, ties to even) and reads it back; printf
** with %.*f does the same rounding in glibc.
*/
static int l_round(lua_State *L)
{
    double x = luaL_checknumber(L, 1);
    lua_Integer nd = luaL_checkinteger(L, 2);
    char buf[512];
    if (!isfinite(x) || nd > 308) {
        lua_pushnumber(L, x);
        return 1;
    }
    if (nd < -308) {
        lua_pushnumber(L, copysign(0.0, x));
        return 1;
    }
    if (nd >= 0) {
        snprintf(buf, sizeof buf, "%.*f", (int)nd, x);
        lua_pushnumber(L, strtod(buf, NULL));
        return 1;
    }
    /* negative ndigits: scale by a power of ten exactly as CPython */
    double p = pow(10.0, (double)-nd);
    double y = x / p;
    double z = nearbyint(y);
    if (fabs(y - z) == 0.5)
        z = 2.0 * nearbyint(y / 2.0);
    z *= p;
    if (!isfinite(z))
        return luaL_error(L, "rounded value too large to represent");
    lua_pushnumber(L, z == 0 ? copysign(0.0, x) : z);
    return 1;
}

static int l_clock(lua_State *L)
{
    struct timespec ts;
    clock_gettime(luaL_optinteger(L, 1, 0) ? CLOCK_MONOTONIC : CLOCK_REALTIME,
                  &ts);
    lua_pushnumber(L, (double)ts.tv_sec + ts.tv_nsec / 1e9);
    return 1;
}

static int l_sinh(lua_State *L)
{
    lua_pushnumber(L, sinh(luaL_checknumber(L, 1)));
    return 1;
}

static int l_cosh(lua_State *L)
{
    lua_pushnumber(L, cosh(luaL_checknumber(L, 1)));
    return 1;
}

static int l_tanh(lua_State *L)
{
    lua_pushnumber(L, tanh(luaL_checknumber(L, 1)));
    return 1;
}

static int l_hypot(lua_State *L)
{
    lua_pushnumber(L, hypot(luaL_checknumber(L, 1), luaL_checknumber(L, 2)));
    return 1;
}

/*
** The frames of compiled Python code on the stack, innermost first:
** {{line=, func=}, ...}. Compiled chunks are named "=py:<file>".
*/
static int l_traceback(lua_State *L)
{
    lua_Debug ar;
    int n = 0;
    lua_newtable(L);
    for (int level = 1; level < 400 && lua_getstack(L, level, &ar);
         level++) {
        if (!lua_getinfo(L, "Slf", &ar)) {
            continue;
        }
        if (strncmp(ar.source, "=py:", 4) != 0 || ar.currentline <= 0) {
            lua_pop(L, 1);
            continue;
        }
        lua_createtable(L, 0, 2);
        lua_insert(L, -2);
        lua_setfield(L, -2, "func");
        lua_pushinteger(L, ar.currentline);
        lua_setfield(L, -2, "line");
        lua_rawseti(L, -2, ++n);
    }
    return 1;
}

static int kw_tostring(lua_State *L)
{
    lua_pushliteral(L, "<keyword arguments>");
    return 1;
}

static int refuse_tostring(lua_State *L)
{
    lua_getfield(L, 1, "refuse");
    lua_pushfstring(L, "not supported in pyprep: %s",
                    lua_isstring(L, -1) ? lua_tostring(L, -1) : "?");
    return 1;
}

static int err_tostring(lua_State *L)
{
    lua_getfield(L, 1, "type");
    lua_getfield(L, 1, "message");
    if (lua_isstring(L, -1))
        lua_pushfstring(L, "%s: %s", lua_tostring(L, -2),
                        lua_tostring(L, -1));
    else
        lua_pushstring(L, lua_isstring(L, -2) ? lua_tostring(L, -2)
                                              : "error");
    return 1;
}

static const luaL_Reg helpers[] = {
    {"write", l_write},         {"frepr", l_frepr},   {"strlt", l_strlt},
    {"rint", l_rint},           {"round", l_round},   {"clock", l_clock},
    {"sinh", l_sinh},           {"cosh", l_cosh},     {"tanh", l_tanh},
    {"hypot", l_hypot},         {"traceback", l_traceback},
    {NULL, NULL}};

static void load_part(lua_State *L, const char *src, const char *name,
                      int nargs)
{
    if (luaL_loadbuffer(L, src, strlen(src), name) != LUA_OK)
        lua_error(L);
    lua_insert(L, -1 - nargs);
    lua_call(L, nargs, 1);
}

int luaopen_py(lua_State *L)
{
    lua_newtable(L); /* C helpers */
    luaL_setfuncs(L, helpers, 0);
    lua_pushlightuserdata(L, NULL);
    lua_setfield(L, -2, "NONE");
    luaL_newmetatable(L, "py.list");
    lua_setfield(L, -2, "LIST_MT");
    luaL_newmetatable(L, "py.tuple");
    lua_setfield(L, -2, "TUPLE_MT");
    luaL_newmetatable(L, "py.dict");
    lua_setfield(L, -2, "DICT_MT");
    if (luaL_newmetatable(L, "nd.error")) {
        lua_pushcfunction(L, err_tostring);
        lua_setfield(L, -2, "__tostring");
    }
    lua_setfield(L, -2, "EXC_MT");
    /* refusals: raised by nd too (what it cannot answer as NumPy would),
    ** so the metatable is shared through the registry */
    if (luaL_newmetatable(L, "nd.refuse")) {
        lua_pushcfunction(L, refuse_tostring);
        lua_setfield(L, -2, "__tostring");
    }
    lua_setfield(L, -2, "REFUSE_MT");
    if (luaL_newmetatable(L, "nd.KW")) {
        lua_pushcfunction(L, kw_tostring);
        lua_setfield(L, -2, "__tostring");
    }
    lua_setfield(L, -2, "KW_MT");
    int c = lua_gettop(L);

    lua_pushvalue(L, c);
    load_part(L, py_rt_lua, "=py_rt.lua", 1); /* R */
    int r = lua_gettop(L);
    lua_pushvalue(L, c);
    lua_pushvalue(L, r);
    load_part(L, py_rtlib_lua, "=py_rtlib.lua", 2);
    lua_pop(L, 1);
    lua_pushvalue(L, c);
    lua_pushvalue(L, r);
    load_part(L, py_rtnp_lua, "=py_rtnp.lua", 2);
    lua_pop(L, 1);
    lua_remove(L, c);
    return 1;
}
