/*
** py_lex.c - the Python tokenizer: INDENT/DEDENT, numbers, strings.
**
** Works on the whole source in memory. Newlines inside brackets and after
** a backslash are not tokens; blank and comment-only lines never change
** the indentation. Strings are decoded to UTF-8 bytes here, except
** f-strings, whose raw body the parser splits into literal parts and
** fields. Errors longjmp out through py_fail with CPython's wording.
*/
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "py_int.h"

struct PyArenaBlock {
    PyArenaBlock *next;
    size_t used, size;
    max_align_t data[];
};

void *py_alloc(PyCompiler *c, size_t n)
{
    PyArenaBlock *b = c->arena.head;
    n = (n + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
    if (!b || b->used + n > b->size) {
        size_t sz = n > 65536 ? n : 65536;
        b = malloc(sizeof *b + sz);
        if (!b)
            py_fail(c, PY_ENOMEM, 0, 0, "MemoryError", "out of memory");
        b->size = sz;
        b->used = 0;
        b->next = c->arena.head;
        c->arena.head = b;
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    memset(p, 0, n);
    return p;
}

char *py_strdup(PyCompiler *c, const char *s, size_t n)
{
    char *p = py_alloc(c, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

void py_arena_free(PyArena *a)
{
    while (a->head) {
        PyArenaBlock *n = a->head->next;
        free(a->head);
        a->head = n;
    }
}

void py_fail(PyCompiler *c, int kind, int line, int col, const char *type,
             const char *fmt, ...)
{
    va_list ap;
    PyDiag *d = c->diag;
    d->kind = kind;
    d->line = line;
    d->col = col;
    snprintf(d->type, sizeof d->type, "%s", type);
    va_start(ap, fmt);
    vsnprintf(d->msg, sizeof d->msg, fmt, ap);
    va_end(ap);
    longjmp(c->jb, 1);
}

void py_lex_init(PyCompiler *c, const char *src, size_t len, int line)
{
    c->src = c->p = c->linestart = src;
    c->end = src + len;
    c->line = line;
    c->nindent = 1;
    c->indents[0] = 0;
    c->pending_dedents = 0;
    c->depth = 0;
    c->at_line_start = 1;
    c->have_peek = 0;
    c->last_kind = PT_NEWLINE;
}

static int col_of(PyCompiler *c, const char *p)
{
    return (int)(p - c->linestart);
}

/* Append code point cp to buf as UTF-8; returns bytes written. */
static int put_utf8(char *buf, unsigned long cp)
{
    if (cp < 0x80) {
        buf[0] = (char)cp;
        return 1;
    } else if (cp < 0x800) {
        buf[0] = (char)(0xC0 | (cp >> 6));
        buf[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    } else if (cp < 0x10000) {
        buf[0] = (char)(0xE0 | (cp >> 12));
        buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        buf[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    buf[0] = (char)(0xF0 | (cp >> 18));
    buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    buf[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

static int hexval(int ch)
{
    if (ch >= '0' && ch <= '9')
        return ch - '0';
    if (ch >= 'a' && ch <= 'f')
        return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F')
        return ch - 'A' + 10;
    return -1;
}

/*
** Decode the escapes of a (non-raw) string body s[0..n) into fresh arena
** memory. Unknown escapes keep their backslash, as CPython does.
*/
char *py_decode_escapes(PyCompiler *c, const char *s, size_t n,
                            size_t *outlen, int line)
{
    char *out = py_alloc(c, n + 1), *o = out;
    size_t i = 0;
    while (i < n) {
        if (s[i] != '\\' || i + 1 >= n) {
            *o++ = s[i++];
            continue;
        }
        char e = s[i + 1];
        i += 2;
        switch (e) {
        case '\n': break;
        case '\\': *o++ = '\\'; break;
        case '\'': *o++ = '\''; break;
        case '"': *o++ = '"'; break;
        case 'a': *o++ = '\a'; break;
        case 'b': *o++ = '\b'; break;
        case 'f': *o++ = '\f'; break;
        case 'n': *o++ = '\n'; break;
        case 'r': *o++ = '\r'; break;
        case 't': *o++ = '\t'; break;
        case 'v': *o++ = '\v'; break;
        case 'x': case 'u': case 'U': {
            int nd = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            unsigned long cp = 0;
            for (int k = 0; k < nd; k++) {
                int h = i + k < n ? hexval((unsigned char)s[i + k]) : -1;
                if (h < 0)
                    py_syntax(c, line, 0,
                              "(unicode error) 'unicodeescape' codec can't "
                              "decode bytes: truncated \\%cXX escape", e);
                cp = cp * 16 + (unsigned long)h;
            }
            i += (size_t)nd;
            if (cp > 0x10FFFF || (cp >= 0xD800 && cp < 0xE000))
                py_unsupported(c, line, "this unicode escape");
            o += put_utf8(o, cp);
            break;
        }
        case 'N':
            py_unsupported(c, line, "\\N{...} escapes");
        default:
            if (e >= '0' && e <= '7') {
                unsigned long cp = (unsigned long)(e - '0');
                for (int k = 0; k < 2 && i < n && s[i] >= '0' && s[i] <= '7';
                     k++)
                    cp = cp * 8 + (unsigned long)(s[i++] - '0');
                o += put_utf8(o, cp);
            } else {
                *o++ = '\\';
                i--; /* re-read e as an ordinary character */
            }
        }
    }
    *o = 0;
    *outlen = (size_t)(o - out);
    return out;
}

static void lex_string(PyCompiler *c, PyTok *t, const char *start,
                       const char *q, int raw, int fstr, int bytes)
{
    char quote = *q;
    int triple = q + 2 < c->end && q[1] == quote && q[2] == quote;
    const char *p = q + (triple ? 3 : 1), *body = p;
    int line0 = c->line;
    for (;;) {
        if (p >= c->end || (!triple && *p == '\n')) {
            if (triple)
                py_syntax(c, line0, col_of(c, start),
                          "unterminated triple-quoted string literal "
                          "(detected at line %d)", c->line);
            py_syntax(c, line0, col_of(c, start),
                      "unterminated string literal (detected at line %d)",
                      line0);
        }
        if (*p == '\\' && p + 1 < c->end) {
            if (p[1] == '\n') {
                c->line++;
                c->linestart = p + 2;
            }
            p += 2;
            continue;
        }
        if (*p == '\n') {
            c->line++;
            c->linestart = p + 1;
        }
        if (*p == quote &&
            (!triple || (p + 2 < c->end && p[1] == quote && p[2] == quote)))
            break;
        p++;
    }
    if (bytes)
        py_unsupported(c, line0, "bytes literals");
    size_t n = (size_t)(p - body);
    c->p = p + (triple ? 3 : 1);
    t->line = line0;
    if (fstr) {
        t->kind = PT_FSTRING;
        t->s = py_strdup(c, body, n);
        t->len = n;
        t->raw = raw;
        t->quote = quote;
    } else {
        t->kind = PT_STRING;
        if (raw) {
            t->s = py_strdup(c, body, n);
            t->len = n;
        } else {
            t->s = py_decode_escapes(c, body, n, &t->len, line0);
        }
    }
}

static void lex_number(PyCompiler *c, PyTok *t, const char *p)
{
    char buf[512];
    size_t n = 0;
    int isfloat = 0, base = 10;
    const char *s = p;
    if (*p == '0' && p + 1 < c->end && strchr("xXoObB", p[1])) {
        base = (p[1] == 'x' || p[1] == 'X') ? 16
             : (p[1] == 'o' || p[1] == 'O') ? 8 : 2;
        p += 2;
        while (p < c->end && (isalnum((unsigned char)*p) || *p == '_')) {
            if (*p != '_' && n < sizeof buf - 1)
                buf[n++] = *p;
            p++;
        }
    } else {
        while (p < c->end) {
            char ch = *p;
            if (isdigit((unsigned char)ch) || ch == '_') {
                p++;
            } else if (ch == '.' && !isfloat) {
                isfloat = 1;
                p++;
            } else if ((ch == 'e' || ch == 'E') && p + 1 < c->end &&
                       (isdigit((unsigned char)p[1]) ||
                        ((p[1] == '+' || p[1] == '-') && p + 2 < c->end &&
                         isdigit((unsigned char)p[2])))) {
                isfloat = 2;
                p += 2;
                while (p < c->end &&
                       (isdigit((unsigned char)*p) || *p == '_'))
                    p++;
                break;
            } else {
                break;
            }
        }
        for (const char *q = s; q < p && n < sizeof buf - 1; q++)
            if (*q != '_')
                buf[n++] = *q;
    }
    buf[n] = 0;
    if (p < c->end && (*p == 'j' || *p == 'J'))
        py_unsupported(c, c->line, "complex literals");
    if (p < c->end && (isalpha((unsigned char)*p) || *p == '_'))
        py_syntax(c, c->line, col_of(c, s), "invalid decimal literal");
    for (const char *q = s; q + 1 < p; q++)
        if (q[0] == '_' && q[1] == '_')
            py_syntax(c, c->line, col_of(c, s), "invalid decimal literal");
    if (p[-1] == '_')
        py_syntax(c, c->line, col_of(c, s), "invalid decimal literal");
    t->line = c->line;
    t->s = s;
    t->len = (size_t)(p - s);
    c->p = p;
    if (isfloat) {
        t->kind = PT_FLOAT;
        t->fval = strtod(buf, NULL);
        return;
    }
    t->kind = PT_INT;
    if (base == 10 && n > 1 && buf[0] == '0') {
        for (size_t k = 0; k < n; k++)
            if (buf[k] != '0')
                py_syntax(c, c->line, col_of(c, s),
                          "leading zeros in decimal integer literals are "
                          "not permitted; use an 0o prefix for octal "
                          "integers");
    }
    if (n == 0)
        py_syntax(c, c->line, col_of(c, s), "invalid %s literal",
                  base == 16 ? "hexadecimal" : base == 8 ? "octal"
                  : "binary");
    for (size_t k = 0; k < n; k++) {
        int h = hexval((unsigned char)buf[k]);
        if (h < 0 || h >= base)
            py_syntax(c, c->line, col_of(c, s), "invalid %s literal",
                      base == 16 ? "hexadecimal" : base == 8 ? "octal"
                      : base == 2 ? "binary" : "decimal");
    }
    errno = 0;
    unsigned long long v = strtoull(buf, NULL, base);
    if (errno == ERANGE || v > (unsigned long long)INT64_MAX)
        py_unsupported(c, c->line, "integers beyond 64 bits");
    t->ival = (int64_t)v;
}

static const char *const ops3[] = {"**=", "//=", ">>=", "<<=", "...", NULL};
static const char *const ops2[] = {
    "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "+=",
    "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=", NULL};

/* Read one token after indentation has been handled. */
static void lex_token(PyCompiler *c, PyTok *t)
{
    const char *p;
again:
    p = c->p;
    while (p < c->end && (*p == ' ' || *p == '\t' || *p == '\f'))
        p++;
    if (p < c->end && *p == '#')
        while (p < c->end && *p != '\n')
            p++;
    if (p < c->end && *p == '\\') {
        if (p + 1 < c->end && p[1] == '\n') {
            c->line++;
            c->linestart = p + 2;
            c->p = p + 2;
            goto again;
        }
        if (p + 2 < c->end && p[1] == '\r' && p[2] == '\n') {
            c->line++;
            c->linestart = p + 3;
            c->p = p + 3;
            goto again;
        }
        py_syntax(c, c->line, col_of(c, p),
                  "unexpected character after line continuation character");
    }
    if (p < c->end && *p == '\r')
        p++;
    t->line = c->line;
    t->col = col_of(c, p);
    if (p >= c->end) {
        c->p = p;
        t->kind = PT_END;
        return;
    }
    if (*p == '\n') {
        c->p = p + 1;
        c->line++;
        c->linestart = p + 1;
        if (c->depth > 0)
            goto again;
        t->kind = PT_NEWLINE;
        c->at_line_start = 1;
        return;
    }
    unsigned char ch = (unsigned char)*p;
    if (isalpha(ch) || ch == '_' || ch >= 0x80) {
        const char *s = p;
        while (p < c->end && (isalnum((unsigned char)*p) || *p == '_' ||
                              (unsigned char)*p >= 0x80))
            p++;
        size_t n = (size_t)(p - s);
        if (p < c->end && (*p == '\'' || *p == '"') && n <= 2) {
            int raw = 0, f = 0, b = 0, u = 0, okp = 1;
            for (size_t k = 0; k < n; k++) {
                char x = (char)tolower((unsigned char)s[k]);
                if (x == 'r') raw++;
                else if (x == 'f') f++;
                else if (x == 'b') b++;
                else if (x == 'u') u++;
                else okp = 0;
            }
            if (okp && raw <= 1 && f <= 1 && b <= 1 && u <= 1 &&
                !(u && (raw || f || b)) && !(f && b)) {
                lex_string(c, t, s, p, raw, f, b);
                t->col = col_of(c, s);
                return;
            }
        }
        for (const char *q = s; q < p; q++)
            if ((unsigned char)*q >= 0x80)
                py_unsupported(c, c->line, "non-ASCII identifiers");
        /* the emitter formats names into fixed buffers */
        if (n > 200)
            py_unsupported(c, c->line, "identifiers longer than 200 "
                           "characters");
        t->kind = PT_NAME;
        t->s = s;
        t->len = n;
        c->p = p;
        return;
    }
    if (isdigit(ch) || (ch == '.' && p + 1 < c->end &&
                        isdigit((unsigned char)p[1]))) {
        lex_number(c, t, p);
        return;
    }
    if (ch == '\'' || ch == '"') {
        lex_string(c, t, p, p, 0, 0, 0);
        return;
    }
    t->kind = PT_OP;
    t->s = p;
    for (int k = 0; ops3[k]; k++)
        if (p + 3 <= c->end && memcmp(p, ops3[k], 3) == 0) {
            t->len = 3;
            c->p = p + 3;
            return;
        }
    for (int k = 0; ops2[k]; k++)
        if (p + 2 <= c->end && memcmp(p, ops2[k], 2) == 0) {
            t->len = 2;
            c->p = p + 2;
            return;
        }
    if (!strchr("+-*/%@&|^~<>()[]{},:.;=", ch) || ch == 0)
        py_syntax(c, c->line, col_of(c, p), "invalid syntax");
    t->len = 1;
    c->p = p + 1;
    if (ch == '(' || ch == '[' || ch == '{') {
        if (c->depth >= 200) /* CPython's MAXLEVEL: 200 levels pass */
            py_syntax(c, c->line, col_of(c, p),
                      "too many nested parentheses");
        c->bracket_line[c->depth] = c->line;
        c->bracket_ch[c->depth] = (char)ch;
        c->depth++;
    } else if (ch == ')' || ch == ']' || ch == '}') {
        char open = ch == ')' ? '(' : ch == ']' ? '[' : '{';
        if (c->depth == 0)
            py_syntax(c, c->line, col_of(c, p), "unmatched '%c'", ch);
        if (c->bracket_ch[c->depth - 1] != open) {
            if (c->bracket_line[c->depth - 1] != c->line)
                py_syntax(c, c->line, col_of(c, p),
                          "closing parenthesis '%c' does not match opening "
                          "parenthesis '%c' on line %d", ch,
                          c->bracket_ch[c->depth - 1],
                          c->bracket_line[c->depth - 1]);
            py_syntax(c, c->line, col_of(c, p),
                      "closing parenthesis '%c' does not match opening "
                      "parenthesis '%c'", ch, c->bracket_ch[c->depth - 1]);
        }
        c->depth--;
    }
}

static void lex_raw(PyCompiler *c, PyTok *t)
{
    memset(t, 0, sizeof *t);
    if (c->pending_dedents > 0) {
        c->pending_dedents--;
        t->kind = PT_DEDENT;
        t->line = c->line;
        return;
    }
    while (c->at_line_start) {
        /* Measure the indentation of the next non-blank line. */
        const char *p = c->p;
        int col = 0;
        while (p < c->end && (*p == ' ' || *p == '\t' || *p == '\f')) {
            if (*p == ' ')
                col++;
            else if (*p == '\t')
                col = (col / 8 + 1) * 8;
            else
                col = 0;
            p++;
        }
        if (p < c->end && *p == '\r')
            p++;
        if (p < c->end && (*p == '#' || *p == '\n')) {
            while (p < c->end && *p != '\n')
                p++;
            if (p < c->end) {
                c->line++;
                c->linestart = p + 1;
                p++;
            }
            c->p = p;
            continue;
        }
        c->at_line_start = 0;
        c->p = p;
        t->line = c->line;
        if (p >= c->end) {
            col = 0;
        }
        if (col > c->indents[c->nindent - 1]) {
            if (c->nindent >= 100)
                py_fail(c, PY_ESYNTAX, c->line, col, "IndentationError",
                        "too many levels of indentation");
            c->indents[c->nindent++] = col;
            t->kind = PT_INDENT;
            return;
        }
        if (col < c->indents[c->nindent - 1]) {
            int n = 0;
            while (c->nindent > 1 && col < c->indents[c->nindent - 1]) {
                c->nindent--;
                n++;
            }
            if (col != c->indents[c->nindent - 1])
                py_fail(c, PY_ESYNTAX, c->line, col, "IndentationError",
                        "unindent does not match any outer indentation "
                        "level");
            c->pending_dedents = n - 1;
            t->kind = PT_DEDENT;
            return;
        }
    }
    lex_token(c, t);
    if (t->kind == PT_END && c->depth > 0) {
        int k = c->depth - 1;
        py_syntax(c, c->bracket_line[k], 0, "'%c' was never closed",
                  c->bracket_ch[k]);
    }
}

/*
** The public step: at the end of input, close the last logical line with
** a NEWLINE and every open block with a DEDENT before PT_END.
*/
void py_lex_next(PyCompiler *c, PyTok *t)
{
    lex_raw(c, t);
    if (t->kind == PT_END) {
        if (c->last_kind != PT_NEWLINE && c->last_kind != PT_DEDENT &&
            c->last_kind != PT_END) {
            t->kind = PT_NEWLINE;
        } else if (c->nindent > 1) {
            c->nindent--;
            t->kind = PT_DEDENT;
        }
    }
    c->last_kind = t->kind;
}
