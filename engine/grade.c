/*
** grade.c - the grading core: one entry point per answer, every kind.
**
** grade_answer dispatches on the kind, grades in plain C (PCRE2 for the
** content's patterns, compiled once, UTF mode, match/depth/heap limits,
** JIT when present), then runs the exercise's custom `check` in a fresh
** sandbox if it has one. The verdict's `passed` is decided on the raw
** score; hints only discount the reported score. Nothing here depends on
** time or global state, so a verdict is a function of its inputs.
*/
#include "grade_int.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* allocation and lists                                                */

static void *gx_check(void *p)
{
    if (!p) {
        fputs("pyprep: out of memory in the grader\n", stderr);
        abort();
    }
    return p;
}

void *gx_malloc(size_t n) { return gx_check(malloc(n ? n : 1)); }

void *gx_calloc(size_t n, size_t size)
{
    return gx_check(calloc(n ? n : 1, size ? size : 1));
}

void *gx_realloc(void *p, size_t n) { return gx_check(realloc(p, n ? n : 1)); }

char *gx_strndup(const char *s, size_t n)
{
    char *d = gx_malloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *gx_strdup(const char *s) { return gx_strndup(s, strlen(s)); }

char *gx_asprintf(const char *fmt, ...)
{
    va_list ap;
    int n;
    char *s;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    s = gx_malloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return s;
}

void grade_list_add(GradeList *l, const char *s)
{
    l->v = gx_realloc(l->v, sizeof *l->v * (size_t)(l->n + 1));
    l->v[l->n++] = gx_strdup(s);
}

void grade_list_addf(GradeList *l, const char *fmt, ...)
{
    va_list ap;
    int n;
    char *s;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    s = gx_malloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    va_end(ap);
    l->v = gx_realloc(l->v, sizeof *l->v * (size_t)(l->n + 1));
    l->v[l->n++] = s;
}

void grade_list_free(GradeList *l)
{
    for (int i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
    l->v = NULL;
    l->n = 0;
}

void grade_verdict_free(GradeVerdict *v)
{
    grade_list_free(&v->feedback);
    grade_list_free(&v->found);
    grade_list_free(&v->missing);
    grade_list_free(&v->flags);
    free(v->diff);
    free(v->error);
    memset(v, 0, sizeof *v);
}

/* ------------------------------------------------------------------ */
/* kinds, shuffling                                                    */

static const char *const kind_names[GRADE_NKINDS] = {
    "choice", "output", "fill", "explain", "parsons", "bug", "numpy"};

const char *grade_kind_name(GradeKind k)
{
    return k < GRADE_NKINDS ? kind_names[k] : "?";
}

int grade_kind_parse(const char *name)
{
    for (int i = 0; i < GRADE_NKINDS; i++)
        if (strcmp(name, kind_names[i]) == 0)
            return i;
    return -1;
}

int (*grade_numpy_hook)(GradeExercise *ex, const char *answer,
                        const GradeContext *ctx, GradeVerdict *v,
                        double *score);

int grade_kind_available(GradeKind k)
{
    return k != GRADE_NUMPY || grade_numpy_hook != NULL;
}

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

void grade_shuffle(uint64_t seed, int *perm, int n)
{
    uint64_t st = seed;
    for (int i = 0; i < n; i++)
        perm[i] = i;
    for (int i = n - 1; i > 0; i--) {
        int j = (int)(splitmix64(&st) % (uint64_t)(i + 1));
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
    }
}

/* ------------------------------------------------------------------ */
/* patterns                                                            */

int gx_compile(const GradeExercise *ex, GradePattern *p, int flags,
               GradeList *errs)
{
    uint32_t opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
    int code;
    PCRE2_SIZE off;
    pcre2_code *re;

    if (p->code)
        return 0;
    if (flags & GX_CASELESS)
        opts |= PCRE2_CASELESS | PCRE2_UCP;
    if (flags & GX_WHOLE)
        opts |= PCRE2_ANCHORED | PCRE2_ENDANCHORED;
    re = pcre2_compile((PCRE2_SPTR)p->src, PCRE2_ZERO_TERMINATED, opts, &code,
                       &off, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        if (errs)
            grade_list_addf(errs, "%s:%d: pattern /%s/ does not compile "
                                  "(offset %zu): %s",
                            ex->file, p->line ? p->line : ex->line, p->src,
                            (size_t)off, (char *)msg);
        return -1;
    }
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* a speed-up if present */
    p->code = re;
    return 0;
}

/* One match context for all patterns: the limits are the same. */
static pcre2_match_context *match_ctx(void)
{
    static pcre2_match_context *mc;
    if (!mc) {
        mc = gx_check(pcre2_match_context_create(NULL));
        pcre2_set_match_limit(mc, 200000);
        pcre2_set_depth_limit(mc, 2000);
        pcre2_set_heap_limit(mc, 8192); /* KiB */
    }
    return mc;
}

int gx_match(const GradeExercise *ex, const GradePattern *p, const char *s,
             size_t len, size_t at, size_t *so, size_t *eo, GradeVerdict *v)
{
    pcre2_match_data *md;
    int rc;

    if (!p->code)
        return 0;
    md = gx_check(pcre2_match_data_create_from_pattern(p->code, NULL));
    rc = pcre2_match(p->code, (PCRE2_SPTR)s, len, at, 0, md, match_ctx());
    if (rc >= 0 || rc == PCRE2_ERROR_PARTIAL) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        *so = ov[0];
        *eo = ov[1];
        pcre2_match_data_free(md);
        return 1;
    }
    pcre2_match_data_free(md);
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (v && !v->error) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(rc, msg, sizeof msg);
        v->error = gx_asprintf("%s:%d: pattern /%s/ failed: %s", ex->file,
                               p->line ? p->line : ex->line, p->src,
                               (char *)msg);
    }
    return -1;
}

char *gx_clean_utf8(const char *s, size_t max, int *truncated)
{
    size_t n = strlen(s), i = 0, o = 0;
    char *d;
    if (truncated)
        *truncated = n > max;
    if (n > max)
        n = max;
    d = gx_malloc(n + 1);
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        int k = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3
                          : (c >> 3) == 30 ? 4 : 0;
        int good = k > 0 && i + (size_t)k <= n;
        for (int j = 1; good && j < k; j++)
            good = ((unsigned char)s[i + (size_t)j] & 0xC0) == 0x80;
        if (good && k == 2 && c < 0xC2)
            good = 0;
        if (good && c == 0)
            good = 0;
        if (!good) {
            d[o++] = '?';
            i++;
            continue;
        }
        memcpy(d + o, s + i, (size_t)k);
        o += (size_t)k;
        i += (size_t)k;
    }
    d[o] = '\0';
    return d;
}

/* ------------------------------------------------------------------ */
/* text helpers                                                        */

/* Lines of s (owned copies), "\r\n" taken as "\n". */
static char **split_lines(const char *s, int *n)
{
    char **v = NULL;
    int cnt = 0;
    const char *p = s;
    for (;;) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len && p[len - 1] == '\r')
            len--;
        v = gx_realloc(v, sizeof *v * (size_t)(cnt + 1));
        v[cnt++] = gx_strndup(p, len);
        if (!e)
            break;
        p = e + 1;
    }
    *n = cnt;
    return v;
}

static void free_lines(char **v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static void rstrip(char *s)
{
    size_t n = strlen(s);
    while (n && isspace((unsigned char)s[n - 1]))
        s[--n] = '\0';
}

static const char *lskip(const char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    return s;
}

/* Output normalisation: trailing whitespace of each line and trailing
** blank lines go; everything else is significant. */
static char *norm_output(const char *s, char ***lines_out, int *nout)
{
    int n;
    char **l = split_lines(s, &n);
    size_t tot = 0;
    char *d;
    for (int i = 0; i < n; i++)
        rstrip(l[i]);
    while (n > 0 && !l[n - 1][0])
        free(l[--n]);
    for (int i = 0; i < n; i++)
        tot += strlen(l[i]) + 1;
    d = gx_malloc(tot + 1);
    d[0] = '\0';
    tot = 0;
    for (int i = 0; i < n; i++) {
        size_t k = strlen(l[i]);
        memcpy(d + tot, l[i], k);
        tot += k;
        if (i + 1 < n)
            d[tot++] = '\n';
    }
    d[tot] = '\0';
    if (lines_out) {
        *lines_out = l;
        *nout = n;
    } else {
        free_lines(l, n);
    }
    return d;
}

static int wordch(int c) { return isalnum(c) || c == '_' || c >= 0x80; }

/* Code normalisation for blanks and Parsons lines: whitespace kept only as
** one space between two word characters; double quotes read as single. */
static char *norm_code(const char *s)
{
    size_t n = strlen(s), o = 0;
    char *d = gx_malloc(n + 1);
    int pend = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (isspace(c)) {
            pend = 1;
            continue;
        }
        if (pend && o && wordch((unsigned char)d[o - 1]) && wordch(c))
            d[o++] = ' ';
        pend = 0;
        d[o++] = c == '"' ? '\'' : (char)c;
    }
    d[o] = '\0';
    return d;
}

/* Line diff of a (expected) and b (given) by LCS; lines ' ', '-', '+'.
** Capped at 400 lines a side (the rest is summarised). */
static char *line_diff(char **a, int na, char **b, int nb)
{
    int ca = na > 400 ? 400 : na, cb = nb > 400 ? 400 : nb;
    int *t = gx_calloc((size_t)(ca + 1) * (size_t)(cb + 1), sizeof *t);
    size_t cap = 64, len = 0;
    char *out = gx_malloc(cap);
    int i = 0, j = 0;
#define T(x, y) t[(size_t)(x) * (size_t)(cb + 1) + (size_t)(y)]
    for (int x = ca - 1; x >= 0; x--)
        for (int y = cb - 1; y >= 0; y--)
            T(x, y) = strcmp(a[x], b[y]) == 0
                          ? T(x + 1, y + 1) + 1
                          : (T(x + 1, y) > T(x, y + 1) ? T(x + 1, y)
                                                       : T(x, y + 1));
    out[0] = '\0';
    while (i < ca || j < cb) {
        char tag;
        const char *s;
        size_t k;
        if (i < ca && j < cb && strcmp(a[i], b[j]) == 0) {
            tag = ' ', s = a[i++], j++;
        } else if (i < ca && (j == cb || T(i + 1, j) >= T(i, j + 1))) {
            tag = '-', s = a[i++];
        } else {
            tag = '+', s = b[j++];
        }
        k = strlen(s);
        while (len + k + 4 > cap)
            cap *= 2;
        out = gx_realloc(out, cap);
        out[len++] = tag;
        memcpy(out + len, s, k);
        len += k;
        out[len++] = '\n';
        out[len] = '\0';
    }
#undef T
    free(t);
    if (na > ca || nb > cb) {
        char *more = gx_asprintf("%s (diff stops after 400 lines)\n", out);
        free(out);
        out = more;
    }
    return out;
}

/* ------------------------------------------------------------------ */
/* the kinds                                                           */

/* Parse "1,3" / "a c" / option text into sel[] flags. Returns -1 (with
** feedback) when a token names no option. */
static int parse_choice(const GradeExercise *ex, const char *ans, int *sel,
                        GradeVerdict *v)
{
    const char *p = lskip(ans);
    char *whole = gx_strdup(p);
    int any = 0;
    rstrip(whole);
    /* the text of an option, as is */
    for (int i = 0; i < ex->noptions; i++)
        if (*whole && strcasecmp(whole, ex->options[i].text) == 0) {
            sel[i] = 1;
            free(whole);
            return 1;
        }
    free(whole);
    while (*p) {
        char tok[32];
        size_t k = 0;
        long idx = -1;
        while (*p && (isspace((unsigned char)*p) || *p == ','))
            p++;
        if (!*p)
            break;
        while (*p && !isspace((unsigned char)*p) && *p != ',' &&
               k + 1 < sizeof tok)
            tok[k++] = *p++;
        tok[k] = '\0';
        if (k && tok[k - 1] == ')')
            tok[--k] = '\0';
        if (k && isdigit((unsigned char)tok[0])) {
            char *end;
            idx = strtol(tok, &end, 10) - 1;
            if (*end)
                idx = -1;
        } else if (k == 1 && isalpha((unsigned char)tok[0])) {
            idx = tolower((unsigned char)tok[0]) - 'a';
        }
        if (idx < 0 || idx >= ex->noptions) {
            grade_list_addf(&v->feedback,
                            "'%s' is not an option (use 1-%d or a-%c)", tok,
                            ex->noptions, 'a' + ex->noptions - 1);
            return -1;
        }
        sel[idx] = 1;
        any = 1;
        while (*p && !isspace((unsigned char)*p) && *p != ',')
            p++;
    }
    return any;
}

static double grade_choice(const GradeExercise *ex, const char *ans,
                           GradeVerdict *v)
{
    int *sel = gx_calloc((size_t)ex->noptions, sizeof *sel);
    int ncorrect = 0, hit = 0, wrong = 0, r;
    double score;

    r = parse_choice(ex, ans, sel, v);
    if (r == 0)
        grade_list_add(&v->feedback, "no option chosen");
    for (int i = 0; i < ex->noptions; i++) {
        const GradeOption *o = &ex->options[i];
        ncorrect += o->correct;
        if (sel[i] && o->correct)
            hit++;
        if (sel[i] && !o->correct)
            wrong++;
        if (r > 0 && sel[i])
            grade_list_addf(&v->feedback, "%s %s%s%s",
                            o->correct ? "right:" : "wrong:", o->text,
                            o->why ? " - " : "", o->why ? o->why : "");
    }
    if (r > 0 && ex->multi)
        for (int i = 0; i < ex->noptions; i++)
            if (!sel[i] && ex->options[i].correct)
                grade_list_add(&v->feedback,
                               "one more option is correct (see the model "
                               "answer)");
    free(sel);
    if (r <= 0 || ncorrect == 0)
        return 0;
    score = (double)(hit - wrong) / ncorrect;
    return score < 0 ? 0 : score;
}

static double grade_output(const GradeExercise *ex, const char *ans,
                           GradeVerdict *v)
{
    char **el, **gl;
    int ne, ng;
    char *e = norm_output(ex->expected, &el, &ne);
    char *g = norm_output(ans, &gl, &ng);
    double score = 0;

    if (strcmp(e, g) == 0) {
        score = 1;
    } else {
        int r = 0;
        for (int i = 0; i < ex->accept.n && r == 0; i++) {
            size_t so, eo;
            r = gx_match(ex, &ex->accept.v[i], g, strlen(g), 0, &so, &eo, v);
        }
        if (r == 1) {
            score = 1;
            grade_list_add(&v->feedback,
                           "accepted (an alternative the exercise allows)");
        }
    }
    if (score < 1) {
        int same = 0;
        for (int i = 0; i < ne && i < ng; i++)
            same += strcmp(el[i], gl[i]) == 0;
        v->diff = line_diff(el, ne, gl, ng);
        if (!*g)
            grade_list_add(&v->feedback, "no output given");
        else
            grade_list_addf(&v->feedback,
                            "%d of %d expected line%s match (- expected, + "
                            "yours)",
                            same, ne, ne == 1 ? "" : "s");
        /* partial credit for lines in place, never enough to pass */
        score = ne ? 0.5 * same / (ne > ng ? ne : ng) : 0;
    }
    free_lines(el, ne);
    free_lines(gl, ng);
    free(e);
    free(g);
    return score;
}

static int blank_ok(const GradeExercise *ex, const GradeBlank *b,
                    const char *given, GradeVerdict *v)
{
    char *g = norm_code(given);
    int ok = 0;
    for (int i = 0; i < b->nanswers && !ok; i++) {
        char *a = norm_code(b->answers[i]);
        ok = strcmp(a, g) == 0;
        free(a);
    }
    if (!ok) {
        const char *t = lskip(given);
        char *tt = gx_strdup(t);
        rstrip(tt);
        for (int i = 0; i < b->patterns.n && !ok; i++) {
            size_t so, eo;
            int r = gx_match(ex, &b->patterns.v[i], tt, strlen(tt), 0, &so,
                             &eo, v);
            if (r < 0)
                ok = -1;
            else
                ok = r;
        }
        free(tt);
    }
    free(g);
    return ok;
}

static double grade_fill(const GradeExercise *ex, const char *ans,
                         GradeVerdict *v)
{
    int n, good = 0;
    char **l = split_lines(ans, &n);
    int given = 0;

    /* one blank: the whole answer; several: one line each (blank lines
    ** between them ignored) */
    if (ex->nblanks > 1) {
        int k = 0;
        for (int i = 0; i < n; i++)
            if (*lskip(l[i]))
                l[k++] = l[i];
            else
                free(l[i]);
        n = k;
    } else if (n > 1) {
        char *all = gx_strdup(ans);
        free_lines(l, n);
        l = gx_malloc(sizeof *l);
        l[0] = all;
        n = 1;
    }
    for (int i = 0; i < ex->nblanks; i++) {
        const char *g = i < n ? l[i] : "";
        int r = blank_ok(ex, &ex->blanks[i], g, v);
        if (r < 0)
            break;
        given += *lskip(g) != 0;
        good += r;
        if (ex->nblanks > 1)
            grade_list_addf(&v->feedback, "blank %d: %s", i + 1,
                            r ? "right" : *lskip(g) ? "not right" : "empty");
        else if (!r)
            grade_list_add(&v->feedback,
                           *lskip(g) ? "the blank is not right"
                                     : "the blank is empty");
    }
    if (n > ex->nblanks && ex->nblanks > 1)
        grade_list_addf(&v->feedback, "%d blanks, but %d answers given",
                        ex->nblanks, n);
    free_lines(l, n);
    (void)given;
    return ex->nblanks ? (double)good / ex->nblanks : 0;
}

/* Parsons: lines as (level, normalised text). Levels are ranks of the
** distinct indentation widths, so any indent unit works. */
typedef struct {
    int level;
    char *text;
} PLine;

static PLine *parsons_lines(char **src, int nsrc, int *n)
{
    PLine *out = gx_calloc((size_t)nsrc, sizeof *out);
    int *ind = gx_calloc((size_t)nsrc, sizeof *ind), cnt = 0;
    int widths[64], nw = 0;
    for (int i = 0; i < nsrc; i++) {
        const char *s = src[i];
        int w = 0;
        for (; *s == ' ' || *s == '\t'; s++)
            w += *s == '\t' ? 4 - w % 4 : 1;
        if (!*lskip(s))
            continue;
        ind[cnt] = w;
        out[cnt].text = norm_code(s);
        cnt++;
        int seen = 0;
        for (int k = 0; k < nw; k++)
            seen |= widths[k] == w;
        if (!seen && nw < 64)
            widths[nw++] = w;
    }
    for (int i = 0; i < cnt; i++) {
        int lv = 0;
        for (int k = 0; k < nw; k++)
            lv += widths[k] < ind[i];
        out[i].level = lv;
    }
    free(ind);
    *n = cnt;
    return out;
}

static void free_plines(PLine *p, int n)
{
    for (int i = 0; i < n; i++)
        free(p[i].text);
    free(p);
}

static double grade_parsons(const GradeExercise *ex, const char *ans,
                            GradeVerdict *v)
{
    int na, ns, nl, inplace = 0, indent_bad = 0, lcs;
    char **al = split_lines(ans, &nl);
    PLine *a = parsons_lines(al, nl, &na);
    PLine *s = parsons_lines(ex->lines, ex->nlines, &ns);
    int *t;
    double score;

    free_lines(al, nl);
    for (int i = 0; i < na; i++)
        for (int d = 0; d < ex->ndistractors; d++) {
            char *dn = norm_code(ex->distractors[d]);
            if (strcmp(dn, a[i].text) == 0)
                grade_list_addf(&v->feedback,
                                "line %d does not belong in the solution: "
                                "%s",
                                i + 1, ex->distractors[d]);
            free(dn);
        }
    /* order: longest common subsequence of the texts */
    t = gx_calloc((size_t)(na + 1) * (size_t)(ns + 1), sizeof *t);
#define T(x, y) t[(size_t)(x) * (size_t)(ns + 1) + (size_t)(y)]
    for (int x = na - 1; x >= 0; x--)
        for (int y = ns - 1; y >= 0; y--)
            T(x, y) = strcmp(a[x].text, s[y].text) == 0
                          ? T(x + 1, y + 1) + 1
                          : (T(x + 1, y) > T(x, y + 1) ? T(x + 1, y)
                                                       : T(x, y + 1));
    lcs = na && ns ? T(0, 0) : 0;
#undef T
    free(t);
    for (int i = 0; i < na && i < ns; i++)
        if (strcmp(a[i].text, s[i].text) == 0) {
            inplace++;
            if (ex->indent && a[i].level != s[i].level) {
                indent_bad++;
                grade_list_addf(&v->feedback,
                                "line %d is in place but indented wrong", i + 1);
            }
        }
    if (na == 0)
        grade_list_add(&v->feedback, "no lines given");
    else if (inplace < ns || na != ns)
        grade_list_addf(&v->feedback,
                        "%d of %d lines in the right place; %d in the right "
                        "relative order",
                        inplace, ns, lcs);
    score = (double)lcs / (na > ns ? na : ns ? ns : 1);
    if (indent_bad)
        score *= 0.8;
    if (inplace == ns && na == ns && !indent_bad)
        score = 1;
    else if (score >= 1)
        score = 0.9;
    free_plines(a, na);
    free_plines(s, ns);
    return score;
}

/* Bug answers: "3" or "3, 5" on the first line (or "3: why..."), the
** reason after it. */
static double grade_bug(GradeExercise *ex, const char *ans, GradeVerdict *v,
                        int *fail)
{
    const char *p = lskip(ans);
    int picked[64], np = 0, right = 0, wrong = 0;
    double score, why = 0;

    *fail = 1;
    while (*p && np < 64) {
        char *end;
        long n;
        if (!isdigit((unsigned char)*p))
            break;
        n = strtol(p, &end, 10);
        {
            int dup = 0, line = n > 0 && n < 100000 ? (int)n : 0;
            for (int i = 0; i < np; i++)
                dup |= picked[i] == line;
            if (!dup) /* "4, 4" names one line */
                picked[np++] = line;
        }
        p = end;
        while (*p == ',' || *p == ' ' || *p == '\t')
            p++;
        if (p[0] == 'a' && p[1] == 'n' && p[2] == 'd' && p[3] == ' ')
            p += 4;
    }
    while (*p == ':' || *p == '-' || isspace((unsigned char)*p))
        p++;
    for (int i = 0; i < np; i++) {
        int ok = 0;
        for (int k = 0; k < ex->nbug; k++)
            ok |= ex->bug_lines[k] == picked[i];
        right += ok;
        wrong += !ok;
    }
    if (np == 0) {
        grade_list_add(&v->feedback, "no line number given");
        return 0;
    }
    if (right == ex->nbug && !wrong)
        grade_list_addf(&v->feedback, "right line%s", np > 1 ? "s" : "");
    else if (right)
        grade_list_add(&v->feedback, "partly: not exactly the buggy lines");
    else
        grade_list_add(&v->feedback, "that line is fine");
    score = (double)(right - wrong) / ex->nbug;
    if (score < 0)
        score = 0;
    *fail = !(right == ex->nbug && !wrong);
    if (ex->rubric) {
        if (*p) {
            if (grade_rubric(ex, ex->rubric, p, &why, v) < 0)
                return -1;
            if (v->flags.n || why < ex->rubric->pass)
                *fail = 1;
            grade_list_addf(&v->feedback, "your reason scores %.0f%%",
                            why * 100);
            score = 0.6 * score + 0.4 * why;
        } else {
            score *= 0.8;
            grade_list_add(&v->feedback,
                           "say why after the line number for full marks");
        }
    }
    return score;
}

/* ------------------------------------------------------------------ */
/* custom checks                                                       */

/* Runs in the sandbox: loads the file again, finds the exercise by id and
** calls its check. Only scalars come back; C checks their types. */
static const char check_runner[] =
    "local src, name, id, answer, seed, hints, attempt, score, passed = ...\n"
    "local f, err = load(src, name, 't')\n"
    "if not f then error(err, 0) end\n"
    "local list = f()\n"
    "if type(list) ~= 'table' then error('the file returns no list', 0) end\n"
    "local ex\n"
    "for i = 1, 100000 do\n"
    "  local e = rawget(list, i)\n"
    "  if e == nil then break end\n"
    "  if type(e) == 'table' and rawget(e, 'id') == id then ex = e break end\n"
    "end\n"
    "local chk = ex and rawget(ex, 'check')\n"
    "if type(chk) ~= 'function' then error('no check function', 0) end\n"
    "local r, msg = chk(answer, {seed = seed, hints_used = hints,\n"
    "  attempt = attempt, score = score, passed = passed})\n"
    "if type(msg) ~= 'string' then msg = nil end\n"
    "if r == true then return 1.0, msg end\n"
    "if r == false then return 0.0, msg end\n"
    "if math.type(r) then return r + 0.0, msg end\n"
    "error('check must return a boolean or a number, not ' .. type(r), 0)\n";

static int run_check(GradeExercise *ex, const char *answer,
                     const GradeContext *ctx, double *score, GradeVerdict *v)
{
    Sandbox *sb = ctx && ctx->sandbox ? ctx->sandbox : NULL;
    Sandbox *own = NULL;
    SandboxValue args[9];
    SandboxResult res;
    char *name;
    int ret = 0;

    if (!ex->source)
        return 0;
    if (!sb) {
        SandboxConfig cfg = {0};
        cfg.time_ms = 1000;
        cfg.memory_bytes = (size_t)32 << 20;
        cfg.seed = ctx ? ctx->seed : 0;
        sb = own = sandbox_new(&cfg);
        if (!sb) {
            v->error = gx_strdup("out of memory starting the sandbox");
            return -1;
        }
    }
    name = gx_asprintf("@%s", ex->file);
    memset(args, 0, sizeof args);
    args[0].type = SANDBOX_STRING, args[0].s = ex->source;
    args[0].len = strlen(ex->source);
    args[1].type = SANDBOX_STRING, args[1].s = name, args[1].len = strlen(name);
    args[2].type = SANDBOX_STRING, args[2].s = ex->id;
    args[2].len = strlen(ex->id);
    args[3].type = SANDBOX_STRING, args[3].s = answer;
    args[3].len = strlen(answer);
    args[4].type = SANDBOX_INTEGER;
    args[4].i = ctx ? (lua_Integer)(ctx->seed & 0x7fffffffffffffffull) : 0;
    args[5].type = SANDBOX_INTEGER, args[5].i = ctx ? ctx->hints_used : 0;
    args[6].type = SANDBOX_INTEGER, args[6].i = ctx ? ctx->attempt : 1;
    args[7].type = SANDBOX_NUMBER, args[7].n = *score;
    args[8].type = SANDBOX_BOOLEAN, args[8].b = v->passed;
    memset(&res, 0, sizeof res);
    sandbox_run(sb, check_runner, sizeof check_runner - 1, "=check", args, 9,
                &res);
    if (res.kind != SANDBOX_OK) {
        v->error = gx_asprintf("%s:%d: %s: check failed (%s): %s",
                               ex->file, ex->line, ex->id,
                               sandbox_kind_name(res.kind), res.message);
        ret = -1;
    } else if (res.nvalues < 1 || res.values[0].type != SANDBOX_NUMBER ||
               !isfinite(res.values[0].n)) {
        v->error = gx_asprintf("%s:%d: %s: check returned no score",
                               ex->file, ex->line, ex->id);
        ret = -1;
    } else {
        double s = res.values[0].n;
        *score = s < 0 ? 0 : s > 1 ? 1 : s;
        if (res.nvalues > 1 && res.values[1].type == SANDBOX_STRING)
            grade_list_add(&v->feedback, res.values[1].s);
    }
    sandbox_result_free(&res);
    free(name);
    sandbox_free(own);
    return ret;
}

/* ------------------------------------------------------------------ */

int grade_compile(GradeExercise *ex, GradeList *errs)
{
    int bad = 0;
    for (int i = 0; i < ex->accept.n; i++)
        bad += gx_compile(ex, &ex->accept.v[i], GX_WHOLE, errs) < 0;
    for (int b = 0; b < ex->nblanks; b++)
        for (int i = 0; i < ex->blanks[b].patterns.n; i++)
            bad += gx_compile(ex, &ex->blanks[b].patterns.v[i], GX_WHOLE,
                              errs) < 0;
    if (ex->rubric) {
        GradeRubric *r = ex->rubric;
        for (int pass = 0; pass < 2; pass++) {
            GradeConcept *cs = pass ? r->flags : r->concepts;
            int nc = pass ? r->nflags : r->nconcepts;
            for (int c = 0; c < nc; c++) {
                GradePatterns *ps[3] = {&cs[c].match, &cs[c].subject,
                                        &cs[c].object};
                for (int k = 0; k < 3; k++)
                    for (int i = 0; i < ps[k]->n; i++)
                        bad += gx_compile(ex, &ps[k]->v[i], GX_CASELESS,
                                          errs) < 0;
            }
        }
    }
    return bad;
}

int grade_answer(GradeExercise *ex, const char *answer,
                 const GradeContext *ctx, GradeVerdict *v)
{
    GradeList errs = {0};
    int trunc, fail = 0;
    char *ans;
    double score = 0;

    memset(v, 0, sizeof *v);
    if (grade_compile(ex, &errs)) {
        v->error = gx_strdup(errs.v[0]);
        grade_list_free(&errs);
        return -1;
    }
    ans = gx_clean_utf8(answer ? answer : "", GX_MAX_ANSWER, &trunc);
    if (trunc)
        grade_list_addf(&v->feedback,
                        "answer cut to its first %zu KiB for grading",
                        GX_MAX_ANSWER >> 10);
    switch (ex->kind) {
    case GRADE_CHOICE:
        score = grade_choice(ex, ans, v);
        break;
    case GRADE_OUTPUT:
        score = grade_output(ex, ans, v);
        break;
    case GRADE_FILL:
        score = grade_fill(ex, ans, v);
        break;
    case GRADE_EXPLAIN:
        if (grade_rubric(ex, ex->rubric, ans, &score, v) < 0)
            score = -1;
        else if (v->flags.n)
            fail = 1;
        break;
    case GRADE_PARSONS:
        score = grade_parsons(ex, ans, v);
        break;
    case GRADE_BUG:
        score = grade_bug(ex, ans, v, &fail);
        break;
    case GRADE_NUMPY:
        if (grade_numpy_hook) {
            if (grade_numpy_hook(ex, ans, ctx, v, &score) < 0)
                score = -1;
            break;
        }
        /* fall through */
    default:
        v->error = gx_asprintf("%s:%d: %s: %s exercises need the "
                               "Python engine, not in this build",
                               ex->file, ex->line, ex->id,
                               grade_kind_name(ex->kind));
        score = -1;
        break;
    }
    if (v->error || score < 0) {
        if (!v->error)
            v->error = gx_strdup("grading failed");
        free(ans);
        return -1;
    }
    if (ex->kind == GRADE_EXPLAIN)
        v->passed = !fail && score >= ex->rubric->pass;
    else if (ex->kind == GRADE_BUG)
        v->passed = !fail;
    else
        v->passed = score >= 0.999;
    if (ex->has_check) {
        if (run_check(ex, ans, ctx, &score, v) < 0) {
            free(ans);
            return -1;
        }
        v->passed = ex->kind == GRADE_EXPLAIN ? score >= ex->rubric->pass
                                              : score >= 0.999;
    }
    free(ans);
    if (!(score >= 0)) /* also NaN */
        score = 0;
    if (score > 1)
        score = 1;
    v->raw = score;
    v->hints_used = ctx ? ctx->hints_used : 0;
    /* each hint costs 10% of the score, at most 30%: a little, never all */
    {
        int h = v->hints_used < 0 ? 0 : v->hints_used > 3 ? 3 : v->hints_used;
        v->score = score * (1.0 - 0.1 * h);
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* validation (pyprep check)                                           */

/* The answer that the exercise's own solution amounts to; NULL when the
** kind has none to grade. */
static char *solution_answer(const GradeExercise *ex)
{
    size_t cap = 64, len = 0;
    char *s;
    switch (ex->kind) {
    case GRADE_CHOICE:
        s = gx_malloc(cap);
        s[0] = '\0';
        for (int i = 0; i < ex->noptions; i++)
            if (ex->options[i].correct) {
                len += (size_t)snprintf(s + len, cap - len, "%s%d",
                                        len ? "," : "", i + 1);
                if (len + 16 > cap)
                    s = gx_realloc(s, cap *= 2);
            }
        return s;
    case GRADE_OUTPUT:
        return gx_strdup(ex->expected);
    case GRADE_FILL: {
        char *out = gx_strdup("");
        for (int i = 0; i < ex->nblanks; i++) {
            char *t = gx_asprintf("%s%s%s", out, i ? "\n" : "",
                                  ex->blanks[i].nanswers
                                      ? ex->blanks[i].answers[0]
                                      : "");
            free(out);
            out = t;
        }
        return out;
    }
    case GRADE_EXPLAIN:
        return ex->solution ? gx_strdup(ex->solution) : NULL;
    case GRADE_PARSONS: {
        char *out = gx_strdup("");
        for (int i = 0; i < ex->nlines; i++) {
            char *t = gx_asprintf("%s%s\n", out, ex->lines[i]);
            free(out);
            out = t;
        }
        return out;
    }
    case GRADE_BUG: {
        char *out = gx_strdup("");
        for (int i = 0; i < ex->nbug; i++) {
            char *t = gx_asprintf("%s%s%d", out, i ? "," : "",
                                  ex->bug_lines[i]);
            free(out);
            out = t;
        }
        if (ex->rubric && ex->solution) {
            char *t = gx_asprintf("%s: %s", out, ex->solution);
            free(out);
            out = t;
        }
        return out;
    }
    default:
        return NULL;
    }
}

static void expect(GradeExercise *ex, Sandbox *sb, const char *answer,
                   int want, const char *what, GradeList *done,
                   GradeList *errs, int *probs)
{
    GradeVerdict v;
    GradeContext ctx = {0};
    ctx.attempt = 1;
    ctx.sandbox = sb;
    if (grade_answer(ex, answer, &ctx, &v) < 0) {
        grade_list_addf(errs, "%s", v.error);
        (*probs)++;
    } else if (v.passed != want) {
        char shown[61];
        size_t n = strlen(answer);
        snprintf(shown, sizeof shown, "%s", answer);
        for (char *p = shown; *p; p++)
            if (*p == '\n')
                *p = ' ';
        grade_list_addf(errs, "%s:%d: %s: %s %s (score %.2f%s%s): \"%s%s\"",
                        ex->file, ex->line, ex->id, what,
                        want ? "does not pass" : "passes", v.raw,
                        v.missing.n ? ", missing: " : "",
                        v.missing.n ? v.missing.v[0] : "", shown,
                        n > 60 ? "..." : "");
        (*probs)++;
    } else if (done) {
        grade_list_addf(done, "%s: %s %s", ex->id, what,
                        want ? "passes" : "fails");
    }
    grade_verdict_free(&v);
}

int grade_validate(GradeExercise *ex, Sandbox *sb, GradeList *done,
                   GradeList *errs)
{
    GradeList local = {0};
    int probs = 0;
    char *sol;

    if (!errs)
        errs = &local;
    if (grade_compile(ex, errs)) {
        grade_list_free(&local);
        return 1;
    }
    if (ex->kind == GRADE_PARSONS) {
        int prev = 0;
        for (int i = 0; i < ex->nlines; i++) {
            const char *s = ex->lines[i];
            int w = 0;
            char *a = norm_code(s);
            for (; *s == ' '; s++)
                w++;
            if (i == 0 && w) {
                grade_list_addf(errs, "%s:%d: %s: the first line must not "
                                      "be indented",
                                ex->file, ex->line, ex->id);
                probs++;
            }
            if (w > prev + 8) {
                grade_list_addf(errs, "%s:%d: %s: line %d is indented more "
                                      "than one step past the previous "
                                      "line; it cannot be reached",
                                ex->file, ex->line, ex->id, i + 1);
                probs++;
            }
            prev = w;
            for (int d = 0; d < ex->ndistractors; d++) {
                char *b = norm_code(ex->distractors[d]);
                if (strcmp(a, b) == 0) {
                    grade_list_addf(errs, "%s:%d: %s: distractor %d is "
                                          "also a solution line",
                                    ex->file, ex->line, ex->id, d + 1);
                    probs++;
                }
                free(b);
            }
            free(a);
        }
        if (done)
            grade_list_addf(done, "%s: parsons lines reachable", ex->id);
    }
    if (ex->kind == GRADE_NUMPY && !grade_numpy_hook) {
        if (done)
            grade_list_addf(done, "%s: numpy exercise parsed (grading "
                                  "needs the Python engine)",
                            ex->id);
        grade_list_free(&local);
        return probs;
    }
    sol = solution_answer(ex);
    if (sol)
        expect(ex, sb, sol, 1, "its own solution", done, errs, &probs);
    free(sol);
    if (ex->kind == GRADE_CHOICE)
        for (int i = 0; i < ex->noptions; i++)
            if (!ex->options[i].correct) {
                char a[16], what[48];
                snprintf(a, sizeof a, "%d", i + 1);
                snprintf(what, sizeof what, "distractor %d", i + 1);
                expect(ex, sb, a, 0, what, done, errs, &probs);
            }
    for (int i = 0; i < ex->nwrong; i++) {
        char what[48];
        snprintf(what, sizeof what, "wrong answer %d", i + 1);
        expect(ex, sb, ex->wrong[i], 0, what, done, errs, &probs);
    }
    if (ex->rubric) {
        for (int i = 0; i < ex->rubric->ngood; i++) {
            char what[48];
            char *a = ex->kind == GRADE_BUG
                          ? gx_asprintf("%d: %s", ex->bug_lines[0],
                                        ex->rubric->good[i])
                          : gx_strdup(ex->rubric->good[i]);
            snprintf(what, sizeof what, "good sample %d", i + 1);
            expect(ex, sb, a, 1, what, done, errs, &probs);
            free(a);
        }
        for (int i = 0; i < ex->rubric->nbad; i++) {
            char what[48];
            char *a = ex->kind == GRADE_BUG
                          ? gx_asprintf("%d: %s", ex->bug_lines[0],
                                        ex->rubric->bad[i])
                          : gx_strdup(ex->rubric->bad[i]);
            snprintf(what, sizeof what, "bad sample %d", i + 1);
            expect(ex, sb, a, 0, what, done, errs, &probs);
            free(a);
        }
    }
    grade_list_free(&local);
    return probs;
}
