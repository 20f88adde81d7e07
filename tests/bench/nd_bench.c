/*
** nd_bench.c - host for the engine side of `make bench-nd`.
**
** Opens Lua with the nd module plus a clock `now()` (seconds of this
** process's CPU time) and runs the script named on the command line
** (nd_bench.lua), passing the remaining arguments in `arg`. The state and
** the process get the sandbox's allocation settings (sandbox_tune_*:
** generational collector, glibc keeping freed blocks), so the figures are
** what a learner's code gets; ND_BENCH_GC=incremental measures Lua's
** default collector instead.
*/
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lnd.h"
#include "sandbox.h"

static int l_now(lua_State *L)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    lua_pushnumber(L, (double)ts.tv_sec + ts.tv_nsec * 1e-9);
    return 1;
}

int main(int argc, char **argv)
{
    lua_State *L;
    sandbox_tune_process();
    L = luaL_newstate();
    if (argc < 2) {
        fprintf(stderr, "usage: %s script.lua [args]\n", argv[0]);
        return 2;
    }
    {
        const char *gc = getenv("ND_BENCH_GC");
        if (gc && strcmp(gc, "incremental") == 0)
            lua_gc(L, LUA_GCINC, 0, 0, 0);
        else
            sandbox_tune_state(L);
    }
    luaL_openlibs(L);
    luaL_requiref(L, "nd", luaopen_nd, 1);
    lua_pop(L, 1);
    luaL_requiref(L, "nd_linalg", luaopen_nd_linalg, 0);
    lua_pop(L, 1);
    luaL_newmetatable(L, "py.list");
    luaL_newmetatable(L, "py.tuple");
    lua_pop(L, 2);
    lua_register(L, "now", l_now);
    lua_createtable(L, argc, 0);
    for (int i = 2; i < argc; i++) {
        lua_pushstring(L, argv[i]);
        lua_rawseti(L, -2, i - 1);
    }
    lua_setglobal(L, "arg");
    if (luaL_dofile(L, argv[1]) != LUA_OK) {
        fprintf(stderr, "%s\n", luaL_tolstring(L, -1, NULL));
        return 1;
    }
    lua_close(L);
    return 0;
}
