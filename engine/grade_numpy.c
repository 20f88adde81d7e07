/*
** grade_numpy.c - the numpy kind: run the answer and the reference
** solution through the Python-subset engine and compare their `result`.
**
** Each program (setup + code + a probe) is compiled by py_compile_new and
** run in a fresh sandbox worker with the nd and py libraries. The probe
** prints `result` as a marker line, its shape, its dtype and one repr per
** element; C compares shape, then dtype, then values with the exercise's
** tolerance, and says which of the three differs. This file is linked in
** only when grade_numpy_enable() is called (the app does; the fuzz target
** does not), so the core stays free of the Python engine.
*/
#include "grade_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lnd.h"
#include "py.h"

#define MARK "@@pyprep-result@@"

static const char probe[] =
    "\nimport numpy as __pyprep_np\n"
    "__pyprep_r = __pyprep_np.asarray(result)\n"
    "print('" MARK "')\n"
    "print(__pyprep_r.shape)\n"
    "print(__pyprep_r.dtype)\n"
    "for __pyprep_x in __pyprep_r.ravel().tolist():\n"
    "    print(repr(__pyprep_x))\n";

typedef struct {
    char *shape, *dtype;
    char **vals;
    int nvals;
    char *error; /* what went wrong running it, or NULL */
} Run;

static void run_free(Run *r)
{
    free(r->shape);
    free(r->dtype);
    for (int i = 0; i < r->nvals; i++)
        free(r->vals[i]);
    free(r->vals);
    free(r->error);
    memset(r, 0, sizeof *r);
}

/* The last non-empty line of s (a traceback's "Error: message"). */
static char *last_line(const char *s)
{
    const char *end = s + strlen(s), *st;
    while (end > s && (end[-1] == '\n' || end[-1] == ' '))
        end--;
    st = end;
    while (st > s && st[-1] != '\n')
        st--;
    return gx_strndup(st, (size_t)(end - st));
}

static void run_program(const GradeExercise *ex, const char *code,
                        const char *who, Run *r)
{
    static const SandboxLib libs[] = {{"nd", luaopen_nd},
                                      {"py", luaopen_py}};
    char *src = gx_asprintf("%s\n%s\n%s", ex->code ? ex->code : "", code,
                            probe);
    SandboxConfig cfg = {0};
    SandboxResult res;
    PyDiag d;
    size_t lualen;
    char *lua = py_compile_new(src, strlen(src), who, 0, &lualen, &d);
    Sandbox *sb;
    const char *p;

    memset(r, 0, sizeof *r);
    if (!lua) {
        char msg[1024];
        py_diag_format(&d, src, strlen(src), who, msg, sizeof msg);
        r->error = last_line(msg);
        free(src);
        return;
    }
    free(src);
    cfg.time_ms = 5000;
    cfg.memory_bytes = (size_t)256 << 20;
    cfg.output_bytes = (size_t)4 << 20;
    cfg.libs = libs;
    cfg.nlibs = 2;
    sb = sandbox_new(&cfg);
    memset(&res, 0, sizeof res);
    if (!sb) {
        r->error = gx_strdup("out of memory");
        free(lua);
        return;
    }
    sandbox_run(sb, lua, lualen, "=py", NULL, 0, &res);
    free(lua);
    p = res.out ? strstr(res.out, MARK "\n") : NULL;
    if (res.kind != SANDBOX_OK || !p) {
        if (res.err && *res.err)
            r->error = last_line(res.err);
        else if (res.kind != SANDBOX_OK)
            r->error = gx_asprintf("%s: %s", sandbox_kind_name(res.kind),
                                   res.message ? res.message : "");
        else
            r->error = gx_strdup("it did not set `result`");
    } else {
        p += strlen(MARK) + 1;
        for (int field = 0; *p; field++) {
            const char *e = strchr(p, '\n');
            size_t n = e ? (size_t)(e - p) : strlen(p);
            char *line = gx_strndup(p, n);
            if (field == 0) {
                r->shape = line;
            } else if (field == 1) {
                r->dtype = line;
            } else {
                r->vals = gx_realloc(r->vals,
                                     sizeof *r->vals * (size_t)(r->nvals + 1));
                r->vals[r->nvals++] = line;
            }
            if (!e)
                break;
            p = e + 1;
        }
        if (!r->shape || !r->dtype)
            r->error = gx_strdup("it did not set `result`");
    }
    sandbox_result_free(&res);
    sandbox_free(sb);
}

static int close_enough(const char *a, const char *b, double tol)
{
    char *ea, *eb;
    double x = strtod(a, &ea), y = strtod(b, &eb);
    /* integers (no '.', exponent, inf or nan) compare exactly */
    if (*a && *b && !*ea && !*eb && !strpbrk(a, ".eEni") &&
        !strpbrk(b, ".eEni"))
        return strcmp(a, b) == 0;
    if (*a && *b && !*ea && !*eb) {
        if (isnan(x) || isnan(y))
            return isnan(x) && isnan(y);
        return fabs(x - y) <= tol + tol * fabs(y) || x == y;
    }
    return strcmp(a, b) == 0;
}

static int run_numpy(GradeExercise *ex, const char *answer,
                     const GradeContext *ctx, GradeVerdict *v, double *score)
{
    Run got, want;
    (void)ctx;
    run_program(ex, ex->solution, "<solution>", &want);
    if (want.error) {
        v->error = gx_asprintf("%s:%d: %s: the reference solution fails: %s",
                               ex->file, ex->line, ex->id, want.error);
        run_free(&want);
        return -1;
    }
    run_program(ex, answer, "<answer>", &got);
    *score = 0;
    if (got.error) {
        grade_list_addf(&v->feedback, "your code did not run: %s",
                        got.error);
    } else if (strcmp(got.shape, want.shape) != 0) {
        grade_list_addf(&v->feedback,
                        "shape: result has shape %s, expected %s", got.shape,
                        want.shape);
    } else {
        int bad = 0, first = -1;
        for (int i = 0; i < got.nvals && i < want.nvals; i++)
            if (!close_enough(got.vals[i], want.vals[i], ex->tolerance)) {
                bad++;
                if (first < 0)
                    first = i;
            }
        if (strcmp(got.dtype, want.dtype) != 0)
            grade_list_addf(&v->feedback,
                            "dtype: result is %s, expected %s%s", got.dtype,
                            want.dtype,
                            bad ? "" : " (the values themselves match)");
        if (bad)
            grade_list_addf(&v->feedback,
                            "values: %d of %d differ (tolerance %g); first "
                            "at flat index %d: got %s, expected %s",
                            bad, want.nvals, ex->tolerance, first,
                            got.vals[first], want.vals[first]);
        if (!bad && strcmp(got.dtype, want.dtype) == 0) {
            *score = 1;
            grade_list_add(&v->feedback, "shape, dtype and values match");
        } else if (!bad) {
            *score = 0.7;
        } else {
            *score = 0.5 * (want.nvals - bad) / (want.nvals ? want.nvals : 1);
        }
    }
    run_free(&got);
    run_free(&want);
    return 0;
}

void grade_numpy_enable(void)
{
    grade_numpy_hook = run_numpy;
}
