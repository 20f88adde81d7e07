/*
** util.c - aborting allocators, the growable buffer, file reading.
*/
#include "util.h"

#include "cmd.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void (*util_fatal_hook)(void);

/* Here rather than in main.c so tests linking the app objects have it. */
const char *progname = "pyprep";

static void out_of_memory(size_t n)
{
    if (util_fatal_hook)
        util_fatal_hook();
    fprintf(stderr, "pyprep: out of memory (asked for %zu bytes)\n", n);
    exit(70);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        out_of_memory(n * size);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

char *xstrndup(const char *s, size_t n)
{
    char *d = xmalloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *xstrdup(const char *s)
{
    return xstrndup(s, strlen(s));
}

char *xasprintf(const char *fmt, ...)
{
    Buf b = {0};
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    b.data = xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(b.data, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return b.data;
}

static void buf_grow(Buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    b->cap = b->cap ? b->cap : 64;
    while (b->cap < need)
        b->cap *= 2;
    b->data = xrealloc(b->data, b->cap);
}

void buf_add(Buf *b, const char *s, size_t n)
{
    if (n == 0 && b->data) {
        /* callers empty a Buf by setting len = 0; keep it a C string */
        b->data[b->len] = '\0';
        return;
    }
    buf_grow(b, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void buf_adds(Buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

void buf_addc(Buf *b, char c)
{
    buf_add(b, &c, 1);
}

void buf_printf(Buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    buf_grow(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void buf_free(Buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

char *util_read_stream(FILE *f, size_t *len)
{
    Buf b = {0};
    char chunk[65536];
    size_t n;

    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(&b, chunk, n);
    if (ferror(f)) {
        int saved = errno;
        buf_free(&b);
        errno = saved;
        return NULL;
    }
    if (!b.data)
        b.data = xstrdup("");
    if (len)
        *len = b.len;
    return b.data;
}

char *util_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *text;
    int saved;

    if (!f)
        return NULL;
    text = util_read_stream(f, len);
    saved = errno;
    fclose(f);
    errno = saved;
    return text;
}

int util_parse_count(const char *cmd, const char *opt, const char *s,
                     unsigned long max, unsigned long *out)
{
    char *end;
    unsigned long v;

    errno = 0;
    v = s ? strtoul(s, &end, 10) : 0;
    /* strtoul takes "-1" and leading blanks; an option value may not */
    if (s == NULL || errno || *s < '0' || *s > '9' || *end != '\0' || v == 0 ||
        v > max) {
        fprintf(stderr, "%s: %s: %s needs a number from 1 to %lu\n", progname,
                cmd, opt, max);
        return -1;
    }
    *out = v;
    return 0;
}

int util_parse_seed(const char *cmd, const char *opt, const char *s,
                    unsigned long long *out)
{
    char *end;
    unsigned long long v;

    errno = 0;
    v = s ? strtoull(s, &end, 10) : 0;
    if (s == NULL || errno || *s < '0' || *s > '9' || *end != '\0') {
        fprintf(stderr, "%s: %s: %s needs a whole number from 0 to %llu\n",
                progname, cmd, opt, (unsigned long long)-1);
        return -1;
    }
    *out = v;
    return 0;
}
