/*
** fuzz_py.c - libFuzzer target for the Python front end.
**
** Every input must end as Lua source that loads (the emitter never writes
** invalid Lua), a SyntaxError, or a refusal; anything else (a crash, a
** sanitizer report, unloadable output, an empty diagnostic) aborts.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include "py.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static lua_State *L;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    PyDiag d;
    size_t n;
    char msg[2048];
    if (!L)
        L = luaL_newstate();
    for (int flags = 0; flags <= PY_REPL; flags += PY_REPL) {
        char *lua = py_compile_new((const char *)data, size, "fuzz.py",
                                   flags, &n, &d);
        if (!lua) {
            if (d.kind != PY_ESYNTAX && d.kind != PY_EUNSUPPORTED)
                abort();
            if (d.msg[0] == 0)
                abort();
            py_diag_format(&d, (const char *)data, size, "fuzz.py", msg,
                           sizeof msg);
            continue;
        }
        if (luaL_loadbuffer(L, lua, n, "=py:fuzz.py") != LUA_OK) {
            fprintf(stderr, "emitted Lua does not load: %s\n",
                    lua_tostring(L, -1));
            abort();
        }
        lua_settop(L, 0);
        free(lua);
    }
    return 0;
}
