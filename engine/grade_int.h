/*
** grade_int.h - internals shared by grade.c, grade_explain.c and
** grade_load.c.
**
** Allocation in the grader aborts on out-of-memory (gx_* helpers): the
** grader runs in the host, on bounded inputs (answers are capped at
** GX_MAX_ANSWER bytes, exercise blobs by the sandbox's output limit).
*/
#ifndef PYPREP_GRADE_INT_H
#define PYPREP_GRADE_INT_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "grade.h"

/* Answers longer than this are graded on their first GX_MAX_ANSWER bytes
** (with a feedback line saying so). */
#define GX_MAX_ANSWER ((size_t)64 << 10)

/* Pattern flags for gx_compile. */
#define GX_CASELESS 0x1
#define GX_WHOLE 0x2 /* anchored at both ends */

void *gx_malloc(size_t n);
void *gx_calloc(size_t n, size_t size);
void *gx_realloc(void *p, size_t n);
char *gx_strdup(const char *s);
char *gx_strndup(const char *s, size_t n);
char *gx_asprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Compile p with flags; 0 or -1 with "file:line: ..." appended to errs. */
int gx_compile(const GradeExercise *ex, GradePattern *p, int flags,
               GradeList *errs);
/* Search p in s[0..len) from `at`. Returns 1 match (span in *so, *eo), 0
** none, -1 a match error (limits) with v->error set. */
int gx_match(const GradeExercise *ex, const GradePattern *p, const char *s,
             size_t len, size_t at, size_t *so, size_t *eo,
             GradeVerdict *v);

/* The numpy kind's grader, set by grade_numpy_enable (NULL: the kind is
** unavailable). Returns 0 with *score set, or -1 with v->error set. */
extern int (*grade_numpy_hook)(GradeExercise *ex, const char *answer,
                               const GradeContext *ctx, GradeVerdict *v,
                               double *score);

/* Copy of s with invalid UTF-8 bytes replaced by '?', truncated to max. */
char *gx_clean_utf8(const char *s, size_t max, int *truncated);

#endif
