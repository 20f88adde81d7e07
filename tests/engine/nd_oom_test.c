/*
** nd_oom_test.c - the nd binding under allocation failure.
**
** Runs a script of array operations in a fresh lua_State whose allocator
** fails the k-th allocation after the module is open, for every k until
** the script completes. Each run must end in a clean Lua error (or
** success) and lua_close must free everything: no crash, no leak (the
** ASan build checks the latter).
*/
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdlib.h>

#include "lnd.h"
#include "tap.h"

static long countdown = -1; /* allocations left before failing; <0: off */

static void *alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    (void)ud;
    (void)osize;
    if (nsize == 0) {
        free(ptr);
        return NULL;
    }
    if (countdown == 0 && nsize > osize)
        return NULL;
    if (countdown > 0 && nsize > osize)
        countdown--;
    return realloc(ptr, nsize);
}

static const char script[] =
    "local KW = nd.kw\n"
    "local a = nd.arange(24):reshape(2, 3, 4)\n"
    "local b = a * 2.5 + nd.ones(4)\n"
    "local s = b:sum(KW{axis = 1}) + b:std()\n"
    "local m = nd.getitem(b, nd.gt(b, 10))\n"
    "local f = nd.getitem(a, {0, 1}, nd.slice(nil, nil, nil), {1, 2})\n"
    "nd.setitem(a, 7, nd.lt(a, 3))\n"
    "local c = nd.concatenate({a, a}, KW{axis = 2})\n"
    "local srt = nd.argsort(nd.sin(nd.arange(40)))\n"
    "local mm = nd.matmul(nd.ones({3, 4}), nd.ones({4, 2}))\n"
    "local med = nd.median(c, KW{axis = 0})\n"
    "local t = tostring(c) .. tostring(med) .. nd.repr(s)\n"
    "local sp = nd.split(nd.arange(12), 3)\n"
    "return #t + #sp + nd.int(mm:sum()) + #f + #srt + #m\n";

static int open_nd(lua_State *L)
{
    luaL_requiref(L, "nd", luaopen_nd, 1);
    return 0;
}

int main(void)
{
    int completed = 0, crashed = 0;
    long k;
    for (k = 0; k < 20000 && !completed; k++) {
        countdown = -1;
        lua_State *L = lua_newstate(alloc, NULL);
        luaL_openlibs(L);
        lua_pushcfunction(L, open_nd);
        if (lua_pcall(L, 0, 0, 0) != LUA_OK) {
            crashed = 1;
            lua_close(L);
            break;
        }
        if (luaL_loadstring(L, script) != LUA_OK) {
            crashed = 1;
            lua_close(L);
            break;
        }
        countdown = k;
        int rc = lua_pcall(L, 0, 1, 0);
        countdown = -1;
        if (rc == LUA_OK)
            completed = 1;
        else if (rc != LUA_ERRMEM && rc != LUA_ERRRUN)
            crashed = 1;
        lua_close(L);
    }
    ok(!crashed, "nd: every failing allocation ends in a clean error");
    ok(completed, "nd: the script completes once allocations succeed "
                  "(after %ld failure points)", k);
    return tap_done();
}
