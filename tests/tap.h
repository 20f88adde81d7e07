/*
** tap.h - a tiny TAP producer for pyprep's C tests.
**
** Header-only: each test program includes it once. ok() records a result
** with a description; tap_done() prints the plan and returns the exit
** status prove expects. Descriptions name module and case, e.g.
** "nd: broadcast (3,1)+(4) -> (3,4)".
*/
#ifndef PYPREP_TAP_H
#define PYPREP_TAP_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int tap_count, tap_failed; /* one TAP stream per program */

/* Record one result; prints "ok N - desc" or "not ok N - desc". */
static inline int tap_ok(int cond, const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    tap_count++;
    printf("%sok %d - ", cond ? "" : "not ", tap_count);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
    if (!cond) {
        tap_failed++;
        printf("#   failed at %s:%d\n", file, line);
    }
    fflush(stdout);
    return cond;
}

#define ok(cond, ...) tap_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

/* Compare two strings; on mismatch show both. */
#define is_str(got, want, ...)                                             \
    do {                                                                   \
        const char *tap_g_ = (got), *tap_w_ = (want);                      \
        int tap_c_ = tap_g_ && tap_w_ && strcmp(tap_g_, tap_w_) == 0;      \
        if (!tap_ok(tap_c_, __FILE__, __LINE__, __VA_ARGS__)) {            \
            printf("#   got:      \"%s\"\n", tap_g_ ? tap_g_ : "(null)");  \
            printf("#   expected: \"%s\"\n", tap_w_ ? tap_w_ : "(null)");  \
        }                                                                  \
    } while (0)

#define is_int(got, want, ...)                                             \
    do {                                                                   \
        long long tap_g_ = (got), tap_w_ = (want);                         \
        if (!tap_ok(tap_g_ == tap_w_, __FILE__, __LINE__, __VA_ARGS__))    \
            printf("#   got: %lld, expected: %lld\n", tap_g_, tap_w_);     \
    } while (0)

static inline void tap_diag(const char *fmt, ...)
{
    va_list ap;
    printf("# ");
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
}

/* Print the plan (at the end) and return the exit status. */
static inline int tap_done(void)
{
    printf("1..%d\n", tap_count);
    return tap_failed ? 1 : 0;
}

#endif
