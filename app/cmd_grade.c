/*
** cmd_grade.c - `pyprep grade ID [--answer T | --answer-file F | -]` and
** `pyprep grade --batch`.
**
** Grades an answer with the same core the TUI uses and prints the verdict,
** or with --json a JSON object built by the encoder. With --db/PYPREP_DB
** the attempt is committed before its verdict is printed, so a verdict on
** stdout means the answer is saved. --batch grades "ID<TAB>ANSWER" lines
** from stdin, one flushed result line each, loading the content once.
** Exit 0 passed, 1 not passed, 2 usage or content error (the exercise
** itself is broken, or its check failed); in a batch, the worst line.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "content.h"
#include "exercises.h"
#include "json.h"
#include "progress.h"
#include "util.h"

#define MAX_STDIN ((size_t)1 << 20)

static void usage(FILE *f)
{
    fprintf(f,
            "usage: %s grade EXERCISE_ID [--answer TEXT | --answer-file F | "
            "-]\n"
            "       [--json] [--seed N] [--hints N] [--attempt N]\n"
            "       %s grade --batch [--json] [--seed N] < LINES\n"
            "answers: choice '1,3' or 'b'; fill one blank per line; bug "
            "'LINE: why'\n"
            "batch lines: ID<TAB>ANSWER, with \\n \\t \\\\ escapes\n",
            progname, progname);
}

static char *read_stream(FILE *f)
{
    Buf b = {0};
    char chunk[4096];
    size_t n;
    buf_add(&b, "", 0);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len < MAX_STDIN)
        buf_add(&b, chunk, n);
    return b.data;
}

/* Text from content goes to a terminal: neutralise control bytes. */
static void emit(void *ud, const char *s, size_t n)
{
    fwrite(s, 1, n, (FILE *)ud);
}

static void put(const char *s)
{
    SandboxEscState st = {0};
    sandbox_neutralise(&st, s, strlen(s), emit, stdout);
    sandbox_neutralise(&st, NULL, 0, emit, stdout);
}

static void put_indented(const char *s)
{
    const char *p = s;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *line = xstrndup(p, n);
        fputs("  ", stdout);
        put(line);
        fputc('\n', stdout);
        free(line);
        if (!e)
            break;
        p = e + 1;
    }
}

static void json_list(Json *j, const char *key, const GradeList *l)
{
    json_key(j, key);
    json_begin_array(j);
    for (int i = 0; i < l->n; i++)
        json_string(j, l->v[i]);
    json_end_array(j);
}

/* attempt_id: the saved attempt's row id, or <= 0 when not saved. */
static void print_json(const GradeExercise *ex, const GradeVerdict *v,
                       int rc, int64_t attempt_id)
{
    Json j = {0};
    json_begin_object(&j);
    json_key(&j, "id");
    json_string(&j, ex->id);
    if (attempt_id > 0) {
        json_key(&j, "attempt_id");
        json_int(&j, attempt_id);
    }
    json_key(&j, "kind");
    json_string(&j, grade_kind_name(ex->kind));
    if (rc < 0) {
        json_key(&j, "error");
        json_string(&j, v->error);
    } else {
        json_key(&j, "passed");
        json_bool(&j, v->passed);
        json_key(&j, "score");
        json_number(&j, v->score);
        json_key(&j, "raw_score");
        json_number(&j, v->raw);
        json_key(&j, "hints_used");
        json_int(&j, v->hints_used);
        json_list(&j, "feedback", &v->feedback);
        json_list(&j, "found", &v->found);
        json_list(&j, "missing", &v->missing);
        json_list(&j, "misconceptions", &v->flags);
        json_key(&j, "diff");
        if (v->diff)
            json_string(&j, v->diff);
        else
            json_null(&j);
        json_key(&j, "solution");
        if (ex->solution)
            json_string(&j, ex->solution);
        else
            json_null(&j);
        json_key(&j, "why");
        json_string(&j, ex->why ? ex->why : "");
    }
    json_end_object(&j);
    printf("%s\n", j.out.data);
    buf_free(&j.out);
}

static void print_text(const GradeExercise *ex, const GradeVerdict *v)
{
    int color = isatty(1) && !getenv("NO_COLOR");
    printf("%s (%s): %s%s%s  score %.2f", ex->id, grade_kind_name(ex->kind),
           color ? (v->passed ? "\033[32m" : "\033[31m") : "",
           v->passed ? "passed" : "not passed", color ? "\033[0m" : "",
           v->score);
    if (v->hints_used)
        printf(" (%.2f before %d hint%s)", v->raw, v->hints_used,
               v->hints_used == 1 ? "" : "s");
    printf("\n");
    for (int i = 0; i < v->found.n; i++) {
        fputs("  found:   ", stdout);
        put(v->found.v[i]);
        fputc('\n', stdout);
    }
    for (int i = 0; i < v->missing.n; i++) {
        fputs("  missing: ", stdout);
        put(v->missing.v[i]);
        fputc('\n', stdout);
    }
    for (int i = 0; i < v->feedback.n; i++) {
        fputs("  ", stdout);
        put(v->feedback.v[i]);
        fputc('\n', stdout);
    }
    if (v->diff) {
        const char *p = v->diff;
        printf("diff (- expected, + yours):\n");
        while (*p) {
            const char *e = strchr(p, '\n');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            char *line = xstrndup(p, n);
            const char *col = !color      ? ""
                              : *p == '-' ? "\033[31m"
                              : *p == '+' ? "\033[32m"
                                          : "";
            printf("  %s", col);
            put(line);
            printf("%s\n", *col ? "\033[0m" : "");
            free(line);
            if (!e)
                break;
            p = e + 1;
        }
    }
    if (ex->solution) {
        printf("model answer:\n");
        put_indented(ex->solution);
    }
    if (ex->why) {
        printf("why interviewers ask this:\n");
        put_indented(ex->why);
    }
}

/* Grade answer to ex; with a named database record the attempt, and only
** then print the result, flushed: a printed verdict means a committed
** attempt. batch: one tab-separated line "ID, passed|not passed, score,
** attempt id or -" (or one JSON line). Returns this answer's exit status. */
static int grade_one(GradeExercise *ex, const char *answer,
                     const GradeContext *ctx, int json, int batch)
{
    GradeVerdict v;
    int64_t att = 0;
    int r = grade_answer(ex, answer, ctx, &v), rc;

    /* recorded only with --db / PYPREP_DB, so scripts and test suites
       never write into the learner's own database */
    if (r == 0 && progress_path_explicit()) {
        att = progress_record_verdict(progress_shared(), ex, answer, &v,
                                      "study", 0);
        if (att < 0)
            fprintf(stderr, "%s: grade: %s: not saved: %s\n", progname,
                    ex->id, progress_problem(progress_shared()));
    }
    if (json) {
        print_json(ex, &v, r, att);
    } else if (batch) {
        put(ex->id);
        if (r == 0)
            printf("\t%s\t%.2f\t", v.passed ? "passed" : "not passed",
                   v.score);
        else
            printf("\terror\t\t");
        if (att > 0)
            printf("%lld\n", (long long)att);
        else
            printf("-\n");
    } else if (r == 0) {
        print_text(ex, &v);
    }
    fflush(stdout);
    if (r < 0)
        fprintf(stderr, "%s: grade: %s\n", progname, v.error);
    rc = r < 0 ? 2 : v.passed ? 0 : 1;
    grade_verdict_free(&v);
    return rc;
}

/* "\n", "\t" and "\\" escapes in a batch answer, decoded in place. */
static void unescape(char *s)
{
    char *o = s;
    for (; *s; s++) {
        if (*s == '\\' && (s[1] == 'n' || s[1] == 't' || s[1] == '\\')) {
            s++;
            *o++ = *s == 'n' ? '\n' : *s == 't' ? '\t' : '\\';
        } else {
            *o++ = *s;
        }
    }
    *o = '\0';
}

/* The answer to a line that could not be graded: the input echoed
** (neutralised) with the reason. */
static void batch_error(const char *id, const char *why, int json)
{
    if (json) {
        Json j = {0};
        json_begin_object(&j);
        json_key(&j, "id");
        json_string(&j, id);
        json_key(&j, "error");
        json_string(&j, why);
        json_end_object(&j);
        printf("%s\n", j.out.data);
        buf_free(&j.out);
    } else {
        put(id);
        printf("\terror\t\t-\n");
    }
    fflush(stdout);
    fprintf(stderr, "%s: grade: %s\n", progname, why);
}

/* --batch: every non-empty, non-# line of stdin is "ID<TAB>ANSWER". The
** content is loaded once, so a class's worth of answers (or a crash test)
** costs one start-up. */
static int grade_batch(ExerciseSet *set, GradeContext *ctx, int json)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int worst = 0, lineno = 0;

    while ((len = getline(&line, &cap, stdin)) >= 0) {
        char *tab, why[256];
        GradeExercise *ex;
        int rc;
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (!len || line[0] == '#')
            continue;
        if (!(tab = strchr(line, '\t'))) {
            snprintf(why, sizeof why,
                     "stdin:%d: expected ID<TAB>ANSWER", lineno);
            batch_error(line, why, json);
            worst = 2;
            continue;
        }
        *tab = '\0';
        unescape(tab + 1);
        if (!(ex = exercises_find(set, line))) {
            snprintf(why, sizeof why, "stdin:%d: no exercise '%.80s'",
                     lineno, line);
            batch_error(line, why, json);
            worst = 2;
            continue;
        }
        rc = grade_one(ex, tab + 1, ctx, json, 1);
        worst = rc > worst ? rc : worst;
    }
    free(line);
    return worst;
}

int cmd_grade(int argc, char **argv)
{
    const char *id = NULL, *text = NULL, *file = NULL;
    int json = 0, from_stdin = 0, batch = 0, rc;
    GradeContext ctx = {0};
    Content *c;
    ExerciseSet *set;
    GradeExercise *ex;
    char *answer = NULL;

    ctx.attempt = 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (strcmp(a, "--json") == 0) {
            json = 1;
        } else if (strcmp(a, "--batch") == 0) {
            batch = 1;
        } else if (strcmp(a, "-") == 0) {
            from_stdin = 1;
        } else if (strcmp(a, "--answer") == 0 && more) {
            text = argv[++i];
        } else if (strcmp(a, "--answer-file") == 0 && more) {
            file = argv[++i];
        } else if (strcmp(a, "--seed") == 0 && more) {
            unsigned long long v;
            if (util_parse_seed("grade", a, argv[++i], &v) < 0)
                return 2;
            ctx.seed = (uint64_t)v;
        } else if (strcmp(a, "--hints") == 0 && more) {
            ctx.hints_used = atoi(argv[++i]);
        } else if (strcmp(a, "--attempt") == 0 && more) {
            ctx.attempt = atoi(argv[++i]);
        } else if (a[0] == '-') {
            fprintf(stderr, "%s: grade: unknown option or missing value "
                            "'%s'\n",
                    progname, a);
            usage(stderr);
            return 2;
        } else if (!id) {
            id = a;
        } else {
            fprintf(stderr, "%s: grade: unexpected argument '%s'\n",
                    progname, a);
            usage(stderr);
            return 2;
        }
    }
    if (batch ? id || text || file || from_stdin
              : !id || (!!text + !!file + from_stdin) != 1) {
        fprintf(stderr, "%s: grade: %s\n", progname,
                batch ? "--batch reads its answers from stdin only"
                      : "give an exercise id and one answer");
        usage(stderr);
        return 2;
    }
    if (file) {
        size_t len;
        answer = util_read_file(file, &len);
        if (!answer) {
            fprintf(stderr, "%s: grade: cannot read %s\n", progname, file);
            return 2;
        }
    } else if (from_stdin) {
        answer = read_stream(stdin);
    } else if (text) {
        answer = xstrdup(text);
    }
    if (!(c = content_open())) {
        free(answer);
        return 2;
    }
    set = exercises_load(&c->root, 1, NULL);
    if (batch) {
        /* open (and migrate) the store before the first answer, so the
           first verdict does not wait on it */
        if (progress_path_explicit() && progress_problem(progress_shared()))
            fprintf(stderr, "%s: grade: %s\n", progname,
                    progress_problem(progress_shared()));
        rc = grade_batch(set, &ctx, json);
    } else if (!(ex = exercises_find(set, id))) {
        const char *sug[3];
        int ns = exercises_suggest(set, id, sug, 3);
        fprintf(stderr, "%s: grade: no exercise '%s'", progname, id);
        for (int i = 0; i < ns; i++)
            fprintf(stderr, "%s%s", i ? ", " : " (did you mean ", sug[i]);
        fprintf(stderr, "%s\n", ns ? "?)" : "");
        for (int i = 0; i < set->errors.n; i++)
            fprintf(stderr, "%s\n", set->errors.v[i]);
        rc = 2;
    } else {
        rc = grade_one(ex, answer, &ctx, json, 0);
    }
    exercises_free(set);
    content_free(c);
    free(answer);
    return rc;
}
