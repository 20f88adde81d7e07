/*
** py_compile.c - the compile entry point and diagnostic formatting.
**
** py_compile_new owns the compile state: it sets the bail-out point every
** error longjmps to, runs tokenizer+parser then emitter, and frees the
** arena whatever happened. The emitted chunk is the only heap result.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py_int.h"

/* Run the phases; separate so no local lives across the setjmp. */
static char *compile_phases(PyCompiler *c, const char *src, size_t len,
                            int flags, size_t *outlen)
{
    if (setjmp(c->jb) != 0)
        return NULL;
    py_lex_init(c, src, len, 1);
    PyNode *mod = py_parse_module(c);
    c->nest = 0;
    return py_emit_module(c, mod, flags, outlen);
}

char *py_compile_new(const char *src, size_t len, const char *filename,
                     int flags, size_t *outlen, PyDiag *d)
{
    PyCompiler *c = calloc(1, sizeof *c);
    char *result;

    memset(d, 0, sizeof *d);
    if (!c) {
        d->kind = PY_ENOMEM;
        snprintf(d->msg, sizeof d->msg, "out of memory");
        return NULL;
    }
    c->diag = d;
    c->filename = filename;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        src += 3; /* UTF-8 byte order mark */
        len -= 3;
    }
    if (memchr(src, 0, len)) {
        d->kind = PY_ESYNTAX;
        d->line = 1;
        snprintf(d->type, sizeof d->type, "SyntaxError");
        snprintf(d->msg, sizeof d->msg,
                 "source code cannot contain null bytes");
        free(c);
        return NULL;
    }
    result = compile_phases(c, src, len, flags, outlen);
    py_arena_free(&c->arena);
    free(c);
    return result;
}

/* Copy line 'line' (1-based) of src into buf without its newline. */
static size_t source_line(const char *src, size_t len, int line, char *buf,
                          size_t n)
{
    const char *p = src, *end = src + len;
    for (int l = 1; l < line && p < end; p++)
        if (*p == '\n')
            l++;
    const char *e = p;
    while (e < end && *e != '\n' && *e != '\r')
        e++;
    size_t k = (size_t)(e - p);
    if (k >= n)
        k = n - 1;
    memcpy(buf, p, k);
    buf[k] = 0;
    return k;
}

void py_diag_format(const PyDiag *d, const char *src, size_t len,
                    const char *filename, char *buf, size_t n)
{
    if (d->kind == PY_EUNSUPPORTED) {
        snprintf(buf, n, "pyprep: not supported in pyprep: %s (line %d)\n",
                 d->msg, d->line);
        return;
    }
    if (d->kind != PY_ESYNTAX) {
        snprintf(buf, n, "pyprep: %s\n", d->msg);
        return;
    }
    char line[512];
    size_t k = source_line(src, len, d->line, line, sizeof line);
    size_t lead = 0;
    while (lead < k && (line[lead] == ' ' || line[lead] == '\t'))
        lead++;
    int col = d->col - (int)lead;
    if (col < 0)
        col = 0;
    if (k > lead)
        snprintf(buf, n, "  File \"%s\", line %d\n    %s\n    %*s^\n%s: %s\n",
                 filename, d->line, line + lead, col, "", d->type, d->msg);
    else
        snprintf(buf, n, "  File \"%s\", line %d\n%s: %s\n", filename,
                 d->line, d->type, d->msg);
}
