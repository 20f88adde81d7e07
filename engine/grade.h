/*
** grade.h - pyprep's grading core: exercises, answers, verdicts.
**
** An exercise file (Lua, untrusted) is run in the sandbox, which returns
** its table serialised as a flat string; grade_parse turns that into C
** structs, and every later decision is plain C with PCRE2 patterns. Only a
** custom `check` function runs Lua again, in a fresh sandbox per grade.
** Grading is deterministic for a given context (seed, hints, attempt).
*/
#ifndef PYPREP_GRADE_H
#define PYPREP_GRADE_H

#include <stddef.h>
#include <stdint.h>

#include "sandbox.h"

typedef enum {
    GRADE_CHOICE,
    GRADE_OUTPUT,
    GRADE_FILL,
    GRADE_EXPLAIN,
    GRADE_PARSONS,
    GRADE_BUG,
    GRADE_NUMPY,
    GRADE_NKINDS
} GradeKind;

/* A PCRE2 pattern with the source line it came from (0 if unknown).
** `code` is the compiled pattern (pcre2_code *), NULL until compiled. */
typedef struct {
    char *src;
    int line;
    void *code;
} GradePattern;

typedef struct {
    GradePattern *v;
    int n;
} GradePatterns;

typedef struct {
    char *text;
    int correct;
    char *why; /* one-line rationale, may be NULL */
} GradeOption;

typedef struct {
    char **answers; /* literal answers, compared with spacing tolerance */
    int nanswers;
    GradePatterns patterns; /* whole-blank PCRE2 patterns */
} GradeBlank;

/* One idea of a rubric. A plain concept is found by any `match` pattern;
** a relation concept needs a `subject` match and an `object` match bound
** in one clause (see docs in exercises/README.md). */
typedef struct {
    char *label;
    double weight; /* concept weight, or penalty for a red flag */
    GradePatterns match;
    GradePatterns subject, object;
    int any_order; /* relation: object may come first */
    int near;      /* relation: max words between subject and object */
    int line;
} GradeConcept;

typedef struct {
    GradeConcept *concepts;
    int nconcepts;
    GradeConcept *flags; /* red flags: misconceptions that cost points */
    int nflags;
    double pass; /* score needed to pass, default 0.6 */
    char **vocab; /* extra words for typo correction */
    int nvocab;
    char **good, **bad; /* sample answers that must pass / fail */
    int ngood, nbad;
} GradeRubric;

typedef struct {
    char *id, *topic, *level, *prompt, *solution, *why;
    GradeKind kind;
    char **hints;
    int nhints;
    int line;         /* line of the exercise's id in its file */
    char *file;       /* path of the file, for messages */
    const char *source; /* the file's text (borrowed; for `check`) */
    int has_check;    /* the table has a check function */
    /* choice */
    GradeOption *options;
    int noptions;
    int multi; /* more than one correct option */
    /* output, fill, bug, parsons' display, numpy setup */
    char *code;
    char *expected; /* output */
    GradePatterns accept; /* output: extra whole-answer patterns */
    GradeBlank *blanks;
    int nblanks;
    GradeRubric *rubric; /* explain; bug's optional "why" */
    char **lines;        /* parsons: solution lines, indented */
    int nlines;
    char **distractors;
    int ndistractors;
    int indent; /* parsons: indentation is graded */
    int *bug_lines;
    int nbug;
    double tolerance; /* numpy */
    char **wrong; /* sample wrong answers: must fail */
    int nwrong;
    /* the id of the question an interviewer asks next (`followup = "id"`),
    ** or NULL; followup_line is where the file names it. grade_parse only
    ** checks its form: whoever loads the whole set resolves the id. */
    char *followup;
    int followup_line;
} GradeExercise;

/* Attempt context. `sandbox` runs custom checks; NULL makes a fresh one
** per grade. */
typedef struct {
    uint64_t seed;
    int hints_used;
    int attempt; /* 1 for the first */
    Sandbox *sandbox;
} GradeContext;

/* A list of owned strings. */
typedef struct {
    char **v;
    int n;
} GradeList;

typedef struct {
    double score; /* 0..1, after the hint discount */
    double raw;   /* before the hint discount; `passed` comes from it */
    int passed;
    GradeList feedback; /* lines of text */
    char *diff;   /* output kind: lines starting ' ', '-', '+'; or NULL */
    GradeList found, missing, flags; /* explain: concept labels */
    int hints_used;
    char *error; /* content or check error, "file:line: ..."; NULL if ok */
} GradeVerdict;

/* Grade `answer` (any bytes; NUL-terminated). Fills *v (owned by the
** caller; release with grade_verdict_free). Returns 0, or -1 when the
** exercise itself is at fault (v->error says why and where). Compiles the
** exercise's patterns on first use. */
int grade_answer(GradeExercise *ex, const char *answer,
                 const GradeContext *ctx, GradeVerdict *v);
void grade_verdict_free(GradeVerdict *v);

/* Compile every pattern of ex. Returns the number of failures; each is
** appended to errs as "file:line: message". */
int grade_compile(GradeExercise *ex, GradeList *errs);

/* Validate an exercise beyond its shape: its own solution passes, every
** wrong choice, wrong sample and bad sample fails, every good sample
** passes, Parsons lines are reachable. Appends "file:line: message" per
** problem to errs and "ok"-style names of each check run to done (either
** may be NULL). Returns the number of problems. */
int grade_validate(GradeExercise *ex, Sandbox *sb, GradeList *done,
                   GradeList *errs);

/* Parse the loader's serialised form (see grade_load_file) of a list of
** exercises. Appends exercises to *out (growing *n) and problems to errs.
** `file` and `source` are used for messages and line numbers; `source`
** is borrowed by the exercises. Returns the number of problems. Never
** trusts the blob: any bytes are safe. */
int grade_parse(const char *blob, size_t len, const char *file,
                const char *source, GradeExercise ***out, int *n,
                GradeList *errs);

/* Run exercise file `file` (its text in source) in sandbox sb (NULL: a
** fresh default one) and parse the result as grade_parse does. */
int grade_load_file(Sandbox *sb, const char *file, const char *source,
                    size_t srclen, GradeExercise ***out, int *n,
                    GradeList *errs);

void grade_exercise_free(GradeExercise *ex);

/* A deterministic permutation of 0..n-1 for seed (Fisher-Yates over
** splitmix64), used to shuffle choice options and Parsons lines. */
void grade_shuffle(uint64_t seed, int *perm, int n);

const char *grade_kind_name(GradeKind k);
/* -1 when unknown. */
int grade_kind_parse(const char *name);
/* Whether a kind can be graded now (numpy needs grade_numpy_enable). */
int grade_kind_available(GradeKind k);

/* Let the numpy kind run answers through the Python-subset engine (links
** engine/py* and the nd binding; embedders that do not call it keep the
** kind unavailable). */
void grade_numpy_enable(void);

void grade_list_add(GradeList *l, const char *s);
void grade_list_addf(GradeList *l, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void grade_list_free(GradeList *l);

/* Explain rubric on its own (also used by `bug`'s why): score 0..1 and
** found/missing/flag labels appended to v. Returns -1 on a pattern error
** (v->error set). */
int grade_rubric(const GradeExercise *ex, GradeRubric *r, const char *text,
                 double *score, GradeVerdict *v);

#endif
