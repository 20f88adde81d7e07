/*
** nd_lua_test.c - runs the Lua tests of the nd binding (tests/nd, *.lua).
**
** Opens `nd` in a plain lua_State as the global `nd`, provides a tiny TAP
** library (ok, is, raises, done) and the py.list/py.tuple helpers the
** Python front end would supply, then runs every script in tests/nd (or
** the files named on the command line) and prints one TAP stream.
*/
#include <dirent.h>
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lnd.h"

static const char prelude[] =
    "local count, failed = 0, 0\n"
    "local function report(c, name, diag)\n"
    "  count = count + 1\n"
    "  if c then print(('ok %d - %s'):format(count, name))\n"
    "  else failed = failed + 1\n"
    "    print(('not ok %d - %s'):format(count, name))\n"
    "    if diag then print('#   ' .. diag:gsub('\\n', '\\n#   ')) end\n"
    "  end\n"
    "end\n"
    "function ok(c, name) report(c and true or false, name) end\n"
    "function is(got, want, name)\n"
    "  if type(got) == 'function' then\n"
    "    local okc, v = pcall(got)\n"
    "    if not okc then\n"
    "      report(false, name, 'raised ' .. tostring(v))\n"
    "      return\n"
    "    end\n"
    "    got = v\n"
    "  end\n"
    "  if type(got) == 'userdata' then got = nd.str(got) end\n"
    "  report(got == want, name,\n"
    "    ('got:      %q\\nexpected: %q'):format(tostring(got), "
    "tostring(want)))\n"
    "end\n"
    "function raises(f, etype, emsg, name)\n"
    "  local okc, e = pcall(f)\n"
    "  local et = type(e) == 'table' and e.type or tostring(e)\n"
    "  local em = type(e) == 'table' and e.message or tostring(e)\n"
    "  report(not okc and et == etype and (emsg == nil or em == emsg), name,\n"
    "    ('got:      %s: %s\\nexpected: %s: %s'):format(tostring(et), "
    "tostring(em), etype, tostring(emsg)))\n"
    "end\n"
    "function list(...) return setmetatable(table.pack(...), "
    "PYLIST) end\n"
    "function tuple(...) return setmetatable(table.pack(...), "
    "PYTUPLE) end\n"
    "None = nd.newaxis\n"
    "S = nd.slice\n"
    "function kw(t) return nd.kw(t) end\n"
    "function shp(a)\n"
    "  local s = a.shape\n"
    "  local t = {}\n"
    "  for i = 1, s.n do t[i] = tostring(s[i]) end\n"
    "  if s.n == 1 then return '(' .. t[1] .. ',)' end\n"
    "  return '(' .. table.concat(t, ', ') .. ')'\n"
    "end\n"
    "function done() print('1..' .. count) return failed end\n";

int main(int argc, char **argv)
{
    lua_State *L = luaL_newstate();
    int status = 0;
    luaL_openlibs(L);
    luaL_requiref(L, "nd", luaopen_nd, 1);
    lua_pop(L, 1);
    luaL_newmetatable(L, "py.list");
    lua_setglobal(L, "PYLIST");
    luaL_newmetatable(L, "py.tuple");
    lua_setglobal(L, "PYTUPLE");
    if (luaL_dostring(L, prelude) != LUA_OK) {
        fprintf(stderr, "prelude: %s\n", lua_tostring(L, -1));
        return 2;
    }
    char *files[256];
    int nf = 0;
    if (argc > 1) {
        for (int i = 1; i < argc && nf < 256; i++)
            files[nf++] = strdup(argv[i]);
    } else {
        const char *dir = getenv("ND_TEST_DIR");
        if (!dir)
            dir = "tests/nd";
        DIR *d = opendir(dir);
        struct dirent *de;
        if (!d) {
            printf("1..0 # SKIP no %s\n", dir);
            return 0;
        }
        while ((de = readdir(d)) && nf < 256) {
            size_t n = strlen(de->d_name);
            if (n > 4 && strcmp(de->d_name + n - 4, ".lua") == 0) {
                char *p = malloc(strlen(dir) + n + 2);
                sprintf(p, "%s/%s", dir, de->d_name);
                files[nf++] = p;
            }
        }
        closedir(d);
        for (int i = 0; i < nf; i++) /* sorted for stable numbering */
            for (int j = i + 1; j < nf; j++)
                if (strcmp(files[i], files[j]) > 0) {
                    char *t = files[i];
                    files[i] = files[j];
                    files[j] = t;
                }
    }
    for (int i = 0; i < nf; i++) {
        printf("# %s\n", files[i]);
        if (luaL_dofile(L, files[i]) != LUA_OK) {
            const char *m = luaL_tolstring(L, -1, NULL);
            printf("not ok - %s died: %s\n", files[i], m);
            status = 1;
            lua_settop(L, 0);
        }
        free(files[i]);
        lua_gc(L, LUA_GCCOLLECT);
    }
    lua_getglobal(L, "done");
    lua_call(L, 0, 1);
    if (lua_tointeger(L, -1) != 0)
        status = 1;
    lua_close(L);
    return status;
}
