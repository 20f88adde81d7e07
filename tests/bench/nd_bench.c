/*
** nd_bench.c - host for the engine side of `make bench-nd`.
**
** Opens Lua with the nd module plus a clock `now()` (seconds of this
** process's CPU time) and runs the script named on the command line
** (nd_bench.lua), passing the remaining arguments in `arg`. Lua keeps its
** default incremental collector, as the sandbox does; ND_BENCH_GC=
** generational measures the other mode (faster for small arrays: a+b at
** n=1000 0.84 -> 0.52 us; far slower with 80 MB temporaries: a*2.0+1.0 at
** 1e7 12 -> 198 ms).
*/
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lnd.h"

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
    /* Lua frees arrays in batches at GC time, which makes glibc trim and
    ** re-fault the heap top on every cycle; keep freed memory instead (an
    ** embedder setting: NumPy gets the same effect from glibc's dynamic
    ** thresholds because it frees each array at once). */
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
    L = luaL_newstate();
    if (argc < 2) {
        fprintf(stderr, "usage: %s script.lua [args]\n", argv[0]);
        return 2;
    }
    {
        const char *gc = getenv("ND_BENCH_GC");
        if (gc && strcmp(gc, "generational") == 0)
            lua_gc(L, LUA_GCGEN, 0, 0);
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
