/*
** py.h - pyprep's Python-subset front end (public API).
**
** Python source is compiled in C (tokenizer, parser, AST, Lua emitter) to
** Lua source that runs on a small runtime library (module "py", opened
** like any Lua library) beside the nd binding. Emitted Lua keeps Python's
** line numbers, so a Lua stack frame's current line is the Python line.
** Nothing here knows about the sandbox; the embedder composes them.
*/
#ifndef PYPREP_PY_H
#define PYPREP_PY_H

#include <stddef.h>

#include <lua.h>

/* Outcome of a compilation (PyDiag.kind). */
enum {
    PY_OK = 0,
    PY_ESYNTAX,      /* SyntaxError / IndentationError: report and exit 1 */
    PY_EUNSUPPORTED, /* outside the subset: "not supported in pyprep" */
    PY_ENOMEM
};

/* A compile-time diagnostic; filled when py_compile_new returns NULL. */
typedef struct {
    int kind;        /* PY_E* */
    int line, col;   /* 1-based line, 0-based column (byte) */
    char type[32];   /* "SyntaxError", "IndentationError", ... */
    char msg[256];   /* CPython's wording, or what is not supported */
} PyDiag;

/* Compile flags. */
#define PY_REPL 0x1 /* module names live in a table that persists */

/*
** Compile Python source 'src' (length 'len', need not be NUL-terminated)
** to a Lua chunk. 'filename' is what tracebacks show. Returns a malloc'd
** NUL-terminated Lua source the caller frees, its length in *outlen; or
** NULL with *d filled. Never raises, never touches Lua.
*/
char *py_compile_new(const char *src, size_t len, const char *filename,
                     int flags, size_t *outlen, PyDiag *d);

/*
** Format a compile diagnostic as CPython prints it ("  File ..., line N",
** the source line, a caret, "SyntaxError: msg") into buf (size n). For
** PY_EUNSUPPORTED it formats "not supported in pyprep: what (line N)".
*/
void py_diag_format(const PyDiag *d, const char *src, size_t len,
                    const char *filename, char *buf, size_t n);

/*
** The runtime library opener: pushes the "py" module table (Python's
** builtins and semantics for the emitted code). Requires the nd module to
** be loadable as global "nd" when NumPy code runs; pure Python does not.
*/
int luaopen_py(lua_State *L);

/*
** Output hook of the runtime: where print and tracebacks go. fd 1 is
** stdout, 2 stderr. The default writes to the C streams. The sandbox
** worker installs one writing to its channels. Not thread-safe (one
** runtime per process).
*/
typedef void (*PyWriteFn)(int fd, const char *s, size_t n, void *ud);
void py_set_writer(PyWriteFn fn, void *ud);

/*
** Exit status the last chunk asked for: 0 ok, 1 uncaught Python
** exception (traceback written to fd 2), 3 refused at run time. Read
** after the chunk returns; the chunk also returns it as its result.
*/
#define PY_EXIT_OK 0
#define PY_EXIT_EXC 1
#define PY_EXIT_REFUSED 3

#endif
