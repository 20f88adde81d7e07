/*
** util.h - the app's small shared helpers: aborting allocators and a
** growable byte buffer.
**
** The TUI cannot do anything useful without memory, so x* allocators print
** a message and exit on failure (after restoring the terminal through the
** hook ui.c installs). Sandboxed code never uses these.
*/
#ifndef PYPREP_UTIL_H
#define PYPREP_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

/* Called before exiting on out-of-memory (ui.c restores the terminal). */
extern void (*util_fatal_hook)(void);

/* A growable buffer; data is always NUL-terminated. Zero-init is empty. */
typedef struct {
    char *data;
    size_t len, cap;
} Buf;

void buf_add(Buf *b, const char *s, size_t n);
void buf_adds(Buf *b, const char *s);
void buf_addc(Buf *b, char c);
void buf_printf(Buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void buf_free(Buf *b);

/*
** Read a whole file into a NUL-terminated string. Returns NULL and sets
** errno on failure; *len receives the length. Caller frees.
*/
char *util_read_file(const char *path, size_t *len);
/* The same for an open stream (e.g. stdin), read to its end. */
char *util_read_stream(FILE *f, size_t *len);

/*
** Parse an option's value as a whole number from 1 to max. On bad input
** prints "pyprep: CMD: OPT needs a number from 1 to MAX" and returns -1.
*/
int util_parse_count(const char *cmd, const char *opt, const char *s,
                     unsigned long max, unsigned long *out);
/* A seed: any 64-bit unsigned number, same kind of message. */
int util_parse_seed(const char *cmd, const char *opt, const char *s,
                    unsigned long long *out);

#endif
