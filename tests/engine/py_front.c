/*
** py_front.c - TAP tests of the Python front end without the sandbox.
**
** Compiles snippets with py_compile_new (diagnostics, refusals, limits,
** Lua line N == Python line N) and runs the result in a plain lua_State
** with the py runtime opened and its writer captured.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lualib.h>

#include "lnd.h"
#include "py.h"
#include "tap.h"

static char outbuf[65536], errbuf[65536];
static size_t outlen, errlen;

static void capture(int fd, const char *s, size_t n, void *ud)
{
    (void)ud;
    char *b = fd == 2 ? errbuf : outbuf;
    size_t *len = fd == 2 ? &errlen : &outlen;
    if (*len + n >= sizeof outbuf)
        n = sizeof outbuf - 1 - *len;
    memcpy(b + *len, s, n);
    *len += n;
    b[*len] = 0;
}

/* Compile and run src; returns the chunk's status or -1 (no compile). */
static int run(const char *src)
{
    PyDiag d;
    size_t n;
    outlen = errlen = 0;
    outbuf[0] = errbuf[0] = 0;
    char *lua = py_compile_new(src, strlen(src), "t.py", 0, &n, &d);
    if (!lua) {
        py_diag_format(&d, src, strlen(src), "t.py", errbuf, sizeof errbuf);
        return -1;
    }
    lua_State *L = luaL_newstate();
    luaL_openlibs(L);
    luaL_requiref(L, "nd", luaopen_nd, 1);
    lua_pop(L, 1);
    luaL_requiref(L, "py", luaopen_py, 1);
    lua_pop(L, 1);
    int status = -2;
    if (luaL_loadbuffer(L, lua, n, "=py:t.py") == LUA_OK &&
        lua_pcall(L, 0, 1, 0) == LUA_OK)
        status = (int)lua_tointeger(L, -1);
    else
        snprintf(errbuf, sizeof errbuf, "lua: %s", lua_tostring(L, -1));
    lua_close(L);
    free(lua);
    return status;
}

static int compile_kind(const char *src, PyDiag *d)
{
    size_t n;
    char *lua = py_compile_new(src, strlen(src), "t.py", 0, &n, d);
    free(lua);
    return lua ? PY_OK : d->kind;
}

static void diag_is(const char *src, int kind, int line, const char *msg,
                    const char *what)
{
    PyDiag d;
    int k = compile_kind(src, &d);
    ok(k == kind && d.line == line && strstr(d.msg, msg) != NULL,
       "py: %s (kind %d line %d: %s)", what, k, d.line, d.msg);
}

int main(void)
{
    py_set_writer(capture, NULL);

    /* running */
    is_int(run("print(1 + 2, 7 / 2, -7 // 2, 2 ** -1)\n"), 0,
           "py: run arithmetic");
    is_str(outbuf, "3 3.5 -4 0.5\n", "py: arithmetic output");
    run("print(0.1 + 0.2, round(2.5), round(0.125, 2), 1e16, 1e-05)\n");
    is_str(outbuf, "0.30000000000000004 2 0.12 1e+16 1e-05\n",
           "py: float repr and rounding");
    run("d = {'b': 1}\nd['a'] = 2\nprint(d, list(d), {1: 'x', True: 'y'})\n");
    is_str(outbuf, "{'b': 1, 'a': 2} ['b', 'a'] {1: 'y'}\n",
           "py: dict insertion order and key equality");
    run("print([1, 2, 3][::-1], 'abc'[-1], (1,), 'it\\'s', repr('a\"b'))\n");
    is_str(outbuf, "[3, 2, 1] c (1,) it's 'a\"b'\n",
           "py: slicing, tuples, string repr");
    run("x = 1 < 2 < 3\nprint(x, 0 or 'd', [] and 1, None is None)\n");
    is_str(outbuf, "True d [] True\n", "py: chained compare, and/or");
    run("print(f'{3.14159:.2f}|{42:>5}|{1234567:,}|{0.25:.1%}|{\"s\"!r}')\n");
    is_str(outbuf, "3.14|   42|1,234,567|25.0%|'s'\n", "py: f-string specs");
    run("def f(a, b=2, *rest, **kw):\n    return a + b + len(rest)\n"
        "print(f(1), f(1, b=5), f(1, 2, 3, 4))\n");
    is_str(outbuf, "3 6 5\n", "py: defaults, keywords, *args");
    run("try:\n    [][1]\nexcept IndexError as e:\n    print('caught', e)\n"
        "finally:\n    print('done')\n");
    is_str(outbuf, "caught list index out of range\ndone\n",
           "py: try/except/finally");
    is_int(run("def g():\n    return {}['k']\n\ng()\n"), 1,
           "py: uncaught exception exits 1");
    ok(strstr(errbuf, "Traceback (most recent call last):\n") &&
           strstr(errbuf, "line 4, in <module>") &&
           strstr(errbuf, "line 2, in g") &&
           strstr(errbuf, "KeyError: 'k'\n"),
       "py: traceback lines follow Python lines");
    is_int(run("print(1)\nprint(2 ** 70)\n"), 3, "py: big int refused");
    ok(strstr(errbuf, "not supported in pyprep: integers beyond 64 bits "
                      "(line 2)") != NULL,
       "py: refusal names what and where");
    run("n = 0\ni = 0\nwhile i < 1000:\n    n = (n + i * i) % 1000003\n"
        "    i += 1\nprint(n, [k * k for k in range(4)])\n");
    is_str(outbuf, "832504 [0, 1, 4, 9]\n", "py: typed int fast path");
    is_int(run("x = 3037000500\ny = x * x\n"), 3,
           "py: fast path refuses overflow");

    /* diagnostics */
    diag_is("if x\n    pass\n", PY_ESYNTAX, 1, "expected ':'",
            "missing colon");
    diag_is("x = (1,\n", PY_ESYNTAX, 1, "'(' was never closed",
            "unclosed bracket");
    diag_is("def f():\nreturn 1\n", PY_ESYNTAX, 2,
            "expected an indented block after function definition on line 1",
            "missing indent");
    diag_is("x = 1\n  y = 2\n", PY_ESYNTAX, 2, "unexpected indent",
            "unexpected indent");
    diag_is("s = 'abc\n", PY_ESYNTAX, 1, "unterminated string literal",
            "unterminated string");
    diag_is("class A(metaclass=M):\n    pass\n", PY_EUNSUPPORTED, 1,
            "metaclasses", "metaclasses refused");
    diag_is("x = 1\nasync def g():\n    pass\n", PY_EUNSUPPORTED, 2,
            "async", "async functions refused");
    diag_is("import collections\n", PY_EUNSUPPORTED, 1,
            "module 'collections'", "unknown module refused");
    diag_is("x = 123456789012345678901234\n", PY_EUNSUPPORTED, 1,
            "integers beyond 64 bits", "big literal refused");

    /* hostile nesting is an error, not a crash */
    {
        size_t depth = 5000;
        char *src = malloc(depth * 2 + 2);
        memset(src, '(', depth);
        memset(src + depth, ')', depth);
        src[2 * depth] = '\n';
        src[2 * depth + 1] = 0;
        PyDiag d;
        ok(compile_kind(src, &d) == PY_ESYNTAX,
           "py: 5000 nested parentheses -> SyntaxError");
        for (size_t i = 0; i < depth; i++)
            src[i] = '-';
        src[depth] = '1';
        src[depth + 1] = '\n';
        src[depth + 2] = 0;
        /* CPython: RecursionError during compilation; ours a refusal,
           not a SyntaxError CPython would not raise */
        ok(compile_kind(src, &d) == PY_EUNSUPPORTED,
           "py: 5000 unary minus -> refused");
        free(src);
    }

    /* Lua line N is Python line N */
    {
        const char *src = "a = 1\n\n\nb = [1,\n 2]\nprint(a, b)\n";
        PyDiag d;
        size_t n;
        char *lua = py_compile_new(src, strlen(src), "t.py", 0, &n, &d);
        int lines = 1;
        const char *p = lua, *at6 = NULL;
        for (; p && *p; p++)
            if (*p == '\n' && ++lines == 6)
                at6 = p + 1;
        ok(at6 && strncmp(at6, " B[\"print\"]", 11) == 0,
           "py: print() of line 6 starts Lua line 6");
        free(lua);
    }
    return tap_done();
}
