/*
** grade_load.c - exercise files: run in the sandbox, parse, validate.
**
** The file runs in a fresh sandbox worker under a loader that serialises
** the returned table as "s<len>:<bytes>", "i<n>;", "n<x>;", "T", "F",
** "t<count>;" + pairs, "f" (function), "u" (anything else). The C side
** trusts nothing in that string: it parses with depth and size bounds,
** then checks every field's type and reports "file:line: message".
** Line numbers are found by locating an exercise's id (and a pattern's
** text) in the source, since tables carry no positions.
*/
#include "grade_int.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LV_MAX_DEPTH 24

typedef struct LV LV;
struct LV {
    char type; /* 's' 'i' 'n' 'T' 'F' 't' 'f' 'u' */
    char *s;
    size_t len;
    long long i;
    double n;
    LV *keys, *vals;
    int count;
};

static void lv_free(LV *v)
{
    if (!v)
        return;
    free(v->s);
    for (int i = 0; i < v->count; i++) {
        lv_free(&v->keys[i]);
        lv_free(&v->vals[i]);
    }
    free(v->keys);
    free(v->vals);
}

typedef struct {
    const char *p, *end;
} Cur;

static int lv_num(Cur *c, char *buf, size_t size)
{
    size_t k = 0;
    while (c->p < c->end && *c->p != ';' && k + 1 < size)
        buf[k++] = *c->p++;
    buf[k] = '\0';
    if (c->p >= c->end || *c->p != ';' || !k)
        return -1;
    c->p++;
    return 0;
}

static int lv_parse(Cur *c, LV *v, int depth)
{
    char buf[64], *end;
    memset(v, 0, sizeof *v);
    if (c->p >= c->end || depth > LV_MAX_DEPTH)
        return -1;
    v->type = *c->p++;
    switch (v->type) {
    case 'T':
    case 'F':
    case 'f':
    case 'u':
        return 0;
    case 'i':
        if (lv_num(c, buf, sizeof buf) < 0)
            return -1;
        v->i = strtoll(buf, &end, 10);
        return *end ? -1 : 0;
    case 'n':
        if (lv_num(c, buf, sizeof buf) < 0)
            return -1;
        v->n = strtod(buf, &end);
        return *end ? -1 : 0;
    case 's': {
        unsigned long long len = 0;
        while (c->p < c->end && isdigit((unsigned char)*c->p) &&
               len < (1ull << 40))
            len = len * 10 + (unsigned)(*c->p++ - '0');
        if (c->p >= c->end || *c->p != ':')
            return -1;
        c->p++;
        if (len > (unsigned long long)(c->end - c->p))
            return -1;
        v->s = gx_strndup(c->p, (size_t)len);
        v->len = (size_t)len;
        c->p += len;
        return 0;
    }
    case 't': {
        long cnt;
        if (lv_num(c, buf, sizeof buf) < 0)
            return -1;
        cnt = strtol(buf, &end, 10);
        if (*end || cnt < 0 || cnt > (long)(c->end - c->p))
            return -1;
        v->keys = gx_calloc((size_t)cnt, sizeof *v->keys);
        v->vals = gx_calloc((size_t)cnt, sizeof *v->vals);
        for (long i = 0; i < cnt; i++) {
            v->count = (int)i + 1;
            if (lv_parse(c, &v->keys[i], depth + 1) < 0 ||
                lv_parse(c, &v->vals[i], depth + 1) < 0)
                return -1;
        }
        return 0;
    }
    default:
        v->type = 'u';
        return -1;
    }
}

static const LV *lv_get(const LV *t, const char *key)
{
    if (!t || t->type != 't')
        return NULL;
    for (int i = 0; i < t->count; i++)
        if (t->keys[i].type == 's' && strcmp(t->keys[i].s, key) == 0)
            return &t->vals[i];
    return NULL;
}

static const LV *lv_index(const LV *t, long long k)
{
    if (!t || t->type != 't')
        return NULL;
    for (int i = 0; i < t->count; i++)
        if (t->keys[i].type == 'i' && t->keys[i].i == k)
            return &t->vals[i];
    return NULL;
}

/* Length of the sequence part 1..n. */
static int lv_len(const LV *t)
{
    int n = 0;
    while (lv_index(t, n + 1))
        n++;
    return n;
}

static const char *lv_type_name(const LV *v)
{
    switch (v ? v->type : 0) {
    case 's': return "a string";
    case 'i':
    case 'n': return "a number";
    case 'T':
    case 'F': return "a boolean";
    case 't': return "a table";
    case 'f': return "a function";
    case 0: return "missing";
    default: return "an unsupported value";
    }
}

/* ------------------------------------------------------------------ */
/* source positions                                                    */

static int line_at(const char *src, size_t off)
{
    int line = 1;
    for (size_t i = 0; i < off && src[i]; i++)
        line += src[i] == '\n';
    return line;
}

/* Line of needle's first occurrence in src at or after `from`; tries the
** text as written in a "..." Lua string (backslashes doubled) as well. */
static int find_line(const char *src, size_t from, const char *needle,
                     int fallback)
{
    const char *hit;
    size_t n = strlen(needle), k = 0;
    char *esc;
    if (!src || !n || from > strlen(src))
        return fallback;
    if ((hit = strstr(src + from, needle)))
        return line_at(src, (size_t)(hit - src));
    esc = gx_malloc(2 * n + 1);
    for (size_t i = 0; i < n; i++) {
        if (needle[i] == '\\' || needle[i] == '"')
            esc[k++] = '\\';
        esc[k++] = needle[i];
    }
    esc[k] = '\0';
    hit = strstr(src + from, esc);
    free(esc);
    return hit ? line_at(src, (size_t)(hit - src)) : fallback;
}

/* Offset of `id = "ID"` (either quote) in src at or after `from`, or
** `from` when it cannot be found. */
static size_t find_id(const char *src, const char *id, size_t from)
{
    size_t n = strlen(id);
    if (!src || !n || from > strlen(src))
        return from;
    for (const char *p = src + from; (p = strstr(p, id)); p++) {
        const char *q = p - 1;
        if (p == src || (p[-1] != '"' && p[-1] != '\'') || p[n] != p[-1])
            continue;
        while (q > src && (q[-1] == ' ' || q[-1] == '\t'))
            q--;
        if (q == src || q[-1] != '=')
            continue;
        q--;
        while (q > src && (q[-1] == ' ' || q[-1] == '\t'))
            q--;
        if (q - src >= 2 && q[-1] == 'd' && q[-2] == 'i')
            return (size_t)(p - src);
    }
    return from;
}

/* ------------------------------------------------------------------ */
/* building exercises                                                  */

typedef struct {
    GradeExercise *ex;
    GradeList *errs;
    size_t off; /* the exercise's offset in the source */
    int problems;
} B;

static void bad(B *b, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void bad(B *b, int line, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    grade_list_addf(b->errs, "%s:%d: %s%s%s", b->ex->file,
                    line ? line : b->ex->line, b->ex->id ? b->ex->id : "",
                    b->ex->id ? ": " : "", msg);
    b->problems++;
}

static int valid_utf8(const char *s, size_t n)
{
    int t;
    char *c;
    if (memchr(s, '\0', n))
        return 0;
    c = gx_clean_utf8(s, n, &t);
    t = strlen(c) == n && memcmp(c, s, n) == 0;
    free(c);
    return t;
}

/* A string field; required ones report when missing. */
static char *get_str(B *b, const LV *t, const char *key, int required)
{
    const LV *v = lv_get(t, key);
    if (!v) {
        if (required)
            bad(b, 0, "missing field '%s'", key);
        return NULL;
    }
    if (v->type != 's') {
        bad(b, 0, "field '%s' must be a string, not %s", key,
            lv_type_name(v));
        return NULL;
    }
    if (!valid_utf8(v->s, v->len)) {
        bad(b, 0, "field '%s' is not valid UTF-8 text", key);
        return NULL;
    }
    return gx_strdup(v->s);
}

/* A list of strings (a single string counts as a list of one). */
static char **get_strs(B *b, const LV *v, const char *what, int *n)
{
    char **out;
    int len;
    *n = 0;
    if (!v)
        return NULL;
    if (v->type == 's') {
        if (!valid_utf8(v->s, v->len)) {
            bad(b, 0, "%s is not valid UTF-8 text", what);
            return NULL;
        }
        out = gx_malloc(sizeof *out);
        out[0] = gx_strdup(v->s);
        *n = 1;
        return out;
    }
    if (v->type != 't') {
        bad(b, 0, "%s must be a list of strings, not %s", what,
            lv_type_name(v));
        return NULL;
    }
    len = lv_len(v);
    out = gx_calloc((size_t)len, sizeof *out);
    for (int i = 0; i < len; i++) {
        const LV *e = lv_index(v, i + 1);
        if (e->type != 's' || !valid_utf8(e->s, e->len)) {
            bad(b, 0, "%s[%d] must be a string", what, i + 1);
            out[i] = gx_strdup("");
        } else {
            out[i] = gx_strdup(e->s);
        }
    }
    *n = len;
    return out;
}

static void get_patterns(B *b, const LV *v, const char *what,
                         GradePatterns *ps)
{
    int n;
    char **s = get_strs(b, v, what, &n);
    ps->v = gx_calloc((size_t)n, sizeof *ps->v);
    ps->n = n;
    for (int i = 0; i < n; i++) {
        ps->v[i].src = s[i];
        ps->v[i].line = find_line(b->ex->source, b->off, s[i], b->ex->line);
        if (!*s[i])
            bad(b, ps->v[i].line, "%s[%d] is an empty pattern", what, i + 1);
    }
    free(s);
}

static void free_patterns(GradePatterns *ps)
{
    for (int i = 0; i < ps->n; i++) {
        free(ps->v[i].src);
        pcre2_code_free(ps->v[i].code);
    }
    free(ps->v);
}

static void free_strs(char **v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* Fields every table may have, then per kind. */
static int field_allowed(GradeKind k, const char *f)
{
    static const char *const common[] = {
        "id", "topic", "level", "kind", "prompt", "hints", "solution",
        "why", "check", "wrong", "followup", NULL};
    static const char *const per[GRADE_NKINDS][6] = {
        [GRADE_CHOICE] = {"options", NULL},
        [GRADE_OUTPUT] = {"code", "expected", "accept", NULL},
        [GRADE_FILL] = {"code", "blanks", NULL},
        [GRADE_EXPLAIN] = {"rubric", "samples", NULL},
        [GRADE_PARSONS] = {"lines", "distractors", "indent", NULL},
        [GRADE_BUG] = {"code", "buggy", "rubric", "samples", NULL},
        [GRADE_NUMPY] = {"setup", "tolerance", NULL},
    };
    for (int i = 0; common[i]; i++)
        if (strcmp(common[i], f) == 0)
            return 1;
    for (int i = 0; per[k][i]; i++)
        if (strcmp(per[k][i], f) == 0)
            return 1;
    return 0;
}

static double get_num(B *b, const LV *t, const char *key, double dflt,
                      double lo, double hi)
{
    const LV *v = lv_get(t, key);
    double x;
    if (!v)
        return dflt;
    if (v->type != 'i' && v->type != 'n') {
        bad(b, 0, "field '%s' must be a number, not %s", key,
            lv_type_name(v));
        return dflt;
    }
    x = v->type == 'i' ? (double)v->i : v->n;
    if (!(x >= lo && x <= hi)) {
        bad(b, 0, "field '%s' must be between %g and %g", key, lo, hi);
        return dflt;
    }
    return x;
}

static int get_bool(B *b, const LV *t, const char *key, int dflt)
{
    const LV *v = lv_get(t, key);
    if (!v)
        return dflt;
    if (v->type != 'T' && v->type != 'F') {
        bad(b, 0, "field '%s' must be true or false", key);
        return dflt;
    }
    return v->type == 'T';
}

static void build_concepts(B *b, const LV *list, const char *what, int flag,
                           GradeConcept **out, int *nout)
{
    int n;
    if (!list) {
        *out = NULL;
        *nout = 0;
        return;
    }
    if (list->type != 't') {
        bad(b, 0, "rubric.%s must be a list of tables", what);
        *out = NULL;
        *nout = 0;
        return;
    }
    n = lv_len(list);
    *out = gx_calloc((size_t)n, sizeof **out);
    *nout = n;
    for (int i = 0; i < n; i++) {
        const LV *c = lv_index(list, i + 1);
        GradeConcept *g = &(*out)[i];
        char name[64];
        g->line = b->ex->line;
        if (c->type != 't') {
            bad(b, 0, "rubric.%s[%d] must be a table", what, i + 1);
            g->label = gx_strdup("?");
            continue;
        }
        for (int k = 0; k < c->count; k++) {
            static const char *const ok[] = {
                "label", "weight", "penalty", "match", "subject", "object",
                "any_order", "near", NULL};
            int found = 0;
            for (int m = 0; ok[m]; m++)
                found |= c->keys[k].type == 's' &&
                         strcmp(c->keys[k].s, ok[m]) == 0;
            if (!found)
                bad(b, 0, "rubric.%s[%d]: unknown field %s%s", what, i + 1,
                    c->keys[k].type == 's' ? "'" : "",
                    c->keys[k].type == 's' ? c->keys[k].s : "(not a name)");
        }
        g->label = get_str(b, c, "label", 1);
        if (!g->label)
            g->label = gx_strdup("?");
        g->line = find_line(b->ex->source, b->off, g->label, b->ex->line);
        if (flag)
            g->weight = get_num(b, c, "penalty", 0.5, 0, 10);
        else
            g->weight = get_num(b, c, "weight", 1, 0.0001, 100);
        g->near = (int)get_num(b, c, "near", 0, 0, 60);
        g->any_order = get_bool(b, c, "any_order", 0);
        snprintf(name, sizeof name, "rubric.%s[%d].match", what, i + 1);
        get_patterns(b, lv_get(c, "match"), name, &g->match);
        snprintf(name, sizeof name, "rubric.%s[%d].subject", what, i + 1);
        get_patterns(b, lv_get(c, "subject"), name, &g->subject);
        snprintf(name, sizeof name, "rubric.%s[%d].object", what, i + 1);
        get_patterns(b, lv_get(c, "object"), name, &g->object);
        if (!g->match.n && !(g->subject.n && g->object.n))
            bad(b, g->line,
                "rubric.%s[%d] needs 'match' patterns, or 'subject' and "
                "'object'",
                what, i + 1);
        if (!!g->subject.n != !!g->object.n)
            bad(b, g->line,
                "rubric.%s[%d]: 'subject' and 'object' go together", what,
                i + 1);
    }
}

static GradeRubric *build_rubric(B *b, const LV *rub, const LV *samples,
                                 int need_samples)
{
    GradeRubric *r = gx_calloc(1, sizeof *r);
    r->pass = 0.6;
    if (!rub || rub->type != 't') {
        bad(b, 0, "missing table 'rubric'");
        return r;
    }
    for (int k = 0; k < rub->count; k++) {
        const LV *key = &rub->keys[k];
        if (key->type != 's' ||
            (strcmp(key->s, "concepts") && strcmp(key->s, "red_flags") &&
             strcmp(key->s, "pass") && strcmp(key->s, "vocab")))
            bad(b, 0, "rubric: unknown field %s",
                key->type == 's' ? key->s : "(not a name)");
    }
    build_concepts(b, lv_get(rub, "concepts"), "concepts", 0, &r->concepts,
                   &r->nconcepts);
    build_concepts(b, lv_get(rub, "red_flags"), "red_flags", 1, &r->flags,
                   &r->nflags);
    if (!r->nconcepts)
        bad(b, 0, "rubric has no concepts");
    r->pass = get_num(b, rub, "pass", 0.6, 0.05, 1);
    r->vocab = get_strs(b, lv_get(rub, "vocab"), "rubric.vocab", &r->nvocab);
    if (samples && samples->type == 't') {
        r->good = get_strs(b, lv_get(samples, "good"), "samples.good",
                           &r->ngood);
        r->bad = get_strs(b, lv_get(samples, "bad"), "samples.bad", &r->nbad);
    } else if (samples) {
        bad(b, 0, "'samples' must be a table {good = {...}, bad = {...}}");
    }
    if (need_samples && (r->ngood < 3 || r->nbad < 3))
        bad(b, 0,
            "an explain exercise needs at least 3 good and 3 bad sample "
            "answers (has %d and %d)",
            r->ngood, r->nbad);
    return r;
}

static void free_rubric(GradeRubric *r)
{
    if (!r)
        return;
    for (int pass = 0; pass < 2; pass++) {
        GradeConcept *cs = pass ? r->flags : r->concepts;
        int n = pass ? r->nflags : r->nconcepts;
        for (int i = 0; i < n; i++) {
            free(cs[i].label);
            free_patterns(&cs[i].match);
            free_patterns(&cs[i].subject);
            free_patterns(&cs[i].object);
        }
        free(cs);
    }
    free_strs(r->vocab, r->nvocab);
    free_strs(r->good, r->ngood);
    free_strs(r->bad, r->nbad);
    free(r);
}

void grade_exercise_free(GradeExercise *ex)
{
    if (!ex)
        return;
    free(ex->id);
    free(ex->topic);
    free(ex->level);
    free(ex->prompt);
    free(ex->solution);
    free(ex->why);
    free(ex->file);
    free_strs(ex->hints, ex->nhints);
    for (int i = 0; i < ex->noptions; i++) {
        free(ex->options[i].text);
        free(ex->options[i].why);
    }
    free(ex->options);
    free(ex->code);
    free(ex->expected);
    free_patterns(&ex->accept);
    for (int i = 0; i < ex->nblanks; i++) {
        free_strs(ex->blanks[i].answers, ex->blanks[i].nanswers);
        free_patterns(&ex->blanks[i].patterns);
    }
    free(ex->blanks);
    free_rubric(ex->rubric);
    free_strs(ex->lines, ex->nlines);
    free_strs(ex->distractors, ex->ndistractors);
    free(ex->bug_lines);
    free_strs(ex->wrong, ex->nwrong);
    free(ex->followup);
    free(ex);
}

static int count_blanks(const char *code)
{
    int n = 0;
    for (const char *p = code; *p;) {
        if (p[0] == '_' && p[1] == '_' && p[2] == '_') {
            n++;
            while (*p == '_')
                p++;
        } else {
            p++;
        }
    }
    return n;
}

static void build_kind(B *b, const LV *t)
{
    GradeExercise *ex = b->ex;
    switch (ex->kind) {
    case GRADE_CHOICE: {
        const LV *o = lv_get(t, "options");
        int n = o && o->type == 't' ? lv_len(o) : 0, ncorrect = 0;
        if (n < 2) {
            bad(b, 0, "a choice exercise needs 'options', a list of at "
                      "least 2 tables");
            break;
        }
        if (n > 26)
            bad(b, 0, "at most 26 options");
        ex->options = gx_calloc((size_t)n, sizeof *ex->options);
        ex->noptions = n;
        for (int i = 0; i < n; i++) {
            const LV *e = lv_index(o, i + 1);
            GradeOption *op = &ex->options[i];
            if (e->type != 't') {
                bad(b, 0, "options[%d] must be a table {text=, correct=, "
                          "why=}",
                    i + 1);
                op->text = gx_strdup("?");
                continue;
            }
            op->text = get_str(b, e, "text", 1);
            if (!op->text)
                op->text = gx_strdup("?");
            op->correct = get_bool(b, e, "correct", 0);
            op->why = get_str(b, e, "why", 0);
            ncorrect += op->correct;
        }
        if (!ncorrect)
            bad(b, 0, "no option is marked correct = true");
        if (ncorrect == n)
            bad(b, 0, "every option is correct: nothing to choose");
        ex->multi = ncorrect > 1;
        break;
    }
    case GRADE_OUTPUT:
        ex->code = get_str(b, t, "code", 1);
        ex->expected = get_str(b, t, "expected", 1);
        get_patterns(b, lv_get(t, "accept"), "accept", &ex->accept);
        break;
    case GRADE_FILL: {
        const LV *bl = lv_get(t, "blanks");
        int n = bl && bl->type == 't' ? lv_len(bl) : 0;
        ex->code = get_str(b, t, "code", 1);
        if (!n) {
            bad(b, 0, "a fill exercise needs 'blanks', one entry per ___");
            break;
        }
        if (ex->code && count_blanks(ex->code) != n)
            bad(b, 0, "the code has %d blanks (___) but 'blanks' has %d "
                      "entries",
                count_blanks(ex->code), n);
        ex->blanks = gx_calloc((size_t)n, sizeof *ex->blanks);
        ex->nblanks = n;
        for (int i = 0; i < n; i++) {
            const LV *e = lv_index(bl, i + 1);
            GradeBlank *g = &ex->blanks[i];
            char name[32];
            snprintf(name, sizeof name, "blanks[%d]", i + 1);
            g->answers = get_strs(b, e->type == 't' ? e : e, name,
                                  &g->nanswers);
            if (e->type == 't') {
                snprintf(name, sizeof name, "blanks[%d].patterns", i + 1);
                get_patterns(b, lv_get(e, "patterns"), name, &g->patterns);
            }
            if (!g->nanswers)
                bad(b, 0, "blanks[%d] lists no accepted answer", i + 1);
        }
        break;
    }
    case GRADE_EXPLAIN:
        ex->rubric = build_rubric(b, lv_get(t, "rubric"),
                                  lv_get(t, "samples"), 1);
        if (!ex->solution)
            bad(b, 0, "an explain exercise needs a model answer in "
                      "'solution'");
        break;
    case GRADE_PARSONS:
        ex->lines = get_strs(b, lv_get(t, "lines"), "lines", &ex->nlines);
        ex->distractors = get_strs(b, lv_get(t, "distractors"),
                                   "distractors", &ex->ndistractors);
        ex->indent = get_bool(b, t, "indent", 1);
        if (ex->nlines < 2)
            bad(b, 0, "a parsons exercise needs 'lines': at least 2 lines "
                      "of the solution, in order");
        if (ex->nlines > 60)
            bad(b, 0, "at most 60 lines");
        break;
    case GRADE_BUG: {
        const LV *bl = lv_get(t, "buggy");
        int nl = 0;
        ex->code = get_str(b, t, "code", 1);
        if (ex->code) {
            nl = 1;
            for (const char *p = ex->code; *p; p++)
                nl += *p == '\n';
        }
        if (bl && bl->type == 'i') {
            ex->bug_lines = gx_malloc(sizeof *ex->bug_lines);
            ex->bug_lines[0] = (int)(bl->i > 0 && bl->i < 100000 ? bl->i : 0);
            ex->nbug = 1;
        } else if (bl && bl->type == 't') {
            int n = lv_len(bl);
            ex->bug_lines = gx_calloc((size_t)n, sizeof *ex->bug_lines);
            for (int i = 0; i < n; i++) {
                const LV *e = lv_index(bl, i + 1);
                ex->bug_lines[i] =
                    e->type == 'i' && e->i > 0 && e->i < 100000 ? (int)e->i
                                                                : 0;
            }
            ex->nbug = n;
        }
        if (!ex->nbug)
            bad(b, 0, "a bug exercise needs 'buggy': the buggy line number "
                      "or a list of them");
        for (int i = 0; i < ex->nbug; i++)
            if (ex->bug_lines[i] < 1 || ex->bug_lines[i] > nl)
                bad(b, 0, "buggy line %d is not a line of the code (1-%d)",
                    ex->bug_lines[i], nl);
        if (lv_get(t, "rubric"))
            ex->rubric = build_rubric(b, lv_get(t, "rubric"),
                                      lv_get(t, "samples"), 0);
        break;
    }
    case GRADE_NUMPY:
        ex->code = get_str(b, t, "setup", 0);
        ex->tolerance = get_num(b, t, "tolerance", 1e-8, 0, 1);
        if (!ex->solution)
            bad(b, 0, "a numpy exercise needs reference code in 'solution'");
        break;
    default:
        break;
    }
}

static GradeExercise *build(const LV *t, int index, const char *file,
                            const char *source, size_t *from, GradeList *errs,
                            int *probs)
{
    GradeExercise *ex = gx_calloc(1, sizeof *ex);
    B b = {ex, errs, 0, 0};
    const LV *kind, *hints;
    static const char *const levels[] = {"beginner", "intermediate",
                                         "advanced", NULL};
    int lvl_ok = 0;

    ex->file = gx_strdup(file);
    ex->source = source;
    ex->line = 1;
    if (t->type != 't') {
        bad(&b, 0, "exercise #%d must be a table, not %s", index,
            lv_type_name(t));
        *probs += b.problems;
        grade_exercise_free(ex);
        return NULL;
    }
    ex->id = get_str(&b, t, "id", 1);
    if (!ex->id) {
        free(ex->id);
        ex->id = gx_asprintf("#%d", index);
    } else {
        b.off = find_id(source, ex->id, *from);
        ex->line = source ? line_at(source, b.off) : 1;
        if (b.off > *from || (b.off == 0 && *from == 0))
            *from = b.off + 1;
    }
    for (const char *p = ex->id; *p; p++)
        if (!isalnum((unsigned char)*p) && !strchr("._-#", *p)) {
            bad(&b, 0, "an id may hold only letters, digits, '.', '_' and "
                       "'-'");
            break;
        }
    kind = lv_get(t, "kind");
    if (!kind || kind->type != 's' || grade_kind_parse(kind->s) < 0) {
        bad(&b, 0, "'kind' must be one of choice, output, fill, explain, "
                   "parsons, bug, numpy");
        *probs += b.problems;
        grade_exercise_free(ex);
        return NULL;
    }
    ex->kind = (GradeKind)grade_kind_parse(kind->s);
    for (int k = 0; k < t->count; k++) {
        if (t->keys[k].type != 's')
            bad(&b, 0, "fields must have names (a list item was found)");
        else if (!field_allowed(ex->kind, t->keys[k].s))
            bad(&b, 0, "unknown field '%s' for a %s exercise", t->keys[k].s,
                kind->s);
    }
    ex->topic = get_str(&b, t, "topic", 1);
    ex->level = get_str(&b, t, "level", 1);
    for (int i = 0; ex->level && levels[i]; i++)
        lvl_ok |= strcmp(ex->level, levels[i]) == 0;
    if (ex->level && !lvl_ok)
        bad(&b, 0, "level must be beginner, intermediate or advanced, not "
                   "'%s'",
            ex->level);
    ex->prompt = get_str(&b, t, "prompt", 1);
    ex->why = get_str(&b, t, "why", 1);
    ex->solution = get_str(&b, t, "solution", 0);
    hints = lv_get(t, "hints");
    ex->hints = get_strs(&b, hints, "hints", &ex->nhints);
    if (!ex->nhints)
        bad(&b, 0, "missing 'hints': a ladder of at least one hint");
    ex->wrong = get_strs(&b, lv_get(t, "wrong"), "wrong", &ex->nwrong);
    {
        const LV *chk = lv_get(t, "check");
        if (chk && chk->type != 'f')
            bad(&b, 0, "'check' must be a function, not %s",
                lv_type_name(chk));
        ex->has_check = chk && chk->type == 'f';
    }
    ex->followup = get_str(&b, t, "followup", 0);
    if (ex->followup) {
        int before = b.problems;
        ex->followup_line =
            find_line(source, b.off, ex->followup, ex->line);
        if (strcmp(ex->followup, ex->id) == 0) {
            bad(&b, ex->followup_line, "an exercise cannot be its own "
                                       "follow-up");
        } else if (!*ex->followup ||
                   strspn(ex->followup,
                          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUV"
                          "WXYZ0123456789._-") != strlen(ex->followup)) {
            bad(&b, ex->followup_line, "followup must be an exercise id, "
                                       "not '%.60s'", ex->followup);
        }
        if (b.problems > before) {
            free(ex->followup);
            ex->followup = NULL;
        }
    }
    build_kind(&b, t);
    if (!ex->solution && ex->kind == GRADE_PARSONS && ex->nlines) {
        size_t len = 0;
        for (int i = 0; i < ex->nlines; i++)
            len += strlen(ex->lines[i]) + 1;
        ex->solution = gx_calloc(len + 1, 1);
        for (int i = 0; i < ex->nlines; i++) {
            strcat(ex->solution, ex->lines[i]);
            if (i + 1 < ex->nlines)
                strcat(ex->solution, "\n");
        }
    } else if (!ex->solution && ex->kind == GRADE_OUTPUT && ex->expected) {
        ex->solution = gx_strdup(ex->expected);
    }
    *probs += b.problems;
    return ex;
}

int grade_parse(const char *blob, size_t len, const char *file,
                const char *source, GradeExercise ***out, int *n,
                GradeList *errs)
{
    Cur c = {blob, blob + len};
    LV top;
    int probs = 0, cnt;
    size_t from = 0;

    if (lv_parse(&c, &top, 0) < 0 || c.p != c.end) {
        lv_free(&top);
        grade_list_addf(errs, "%s:1: the loader's result is malformed",
                        file);
        return 1;
    }
    if (top.type != 't') {
        grade_list_addf(errs, "%s:1: the file must return a list of "
                              "exercise tables, not %s",
                        file, lv_type_name(&top));
        lv_free(&top);
        return 1;
    }
    cnt = lv_len(&top);
    if (cnt != top.count) {
        grade_list_addf(errs, "%s:1: the returned list has non-numeric "
                              "keys (put each exercise in the list)",
                        file);
        probs++;
    }
    for (int i = 0; i < cnt; i++) {
        GradeExercise *ex = build(lv_index(&top, i + 1), i + 1, file, source,
                                  &from, errs, &probs);
        if (!ex)
            continue;
        *out = gx_realloc(*out, sizeof **out * (size_t)(*n + 1));
        (*out)[(*n)++] = ex;
    }
    lv_free(&top);
    return probs;
}

/* ------------------------------------------------------------------ */
/* loading through the sandbox                                         */

static const char loader[] =
    "local src, name = ...\n"
    "local type, next, rawget, mtype, fmt, concat, error, tostring, load,"
    " pairs =\n"
    "  type, next, rawget, math.type, string.format, table.concat, error,"
    " tostring, load, pairs\n"
    "local env = {}\n"
    "for k, v in pairs(_G) do env[k] = v end\n"
    "env._G = env\n"
    "local f, err = load(src, name, 't', env)\n"
    "if not f then error(err, 0) end\n"
    "local val = f()\n"
    "local out, n, seen = {}, 0, {}\n"
    "local function emit(s) n = n + 1; out[n] = s end\n"
    "local function ser(v, depth)\n"
    "  local t = type(v)\n"
    "  if t == 'string' then emit('s' .. #v .. ':'); emit(v)\n"
    "  elseif t == 'number' then\n"
    "    if mtype(v) == 'integer' then emit('i' .. fmt('%d', v) .. ';')\n"
    "    else emit('n' .. fmt('%.17g', v) .. ';') end\n"
    "  elseif t == 'boolean' then emit(v and 'T' or 'F')\n"
    "  elseif t == 'function' then emit('f')\n"
    "  elseif t == 'table' then\n"
    "    if seen[v] then error('an exercise table refers to itself', 0) end\n"
    "    if depth > 20 then error('exercise tables nest too deep', 0) end\n"
    "    seen[v] = true\n"
    "    local keys, nk = {}, 0\n"
    "    local k = next(v)\n"
    "    while k ~= nil do nk = nk + 1; keys[nk] = k; k = next(v, k) end\n"
    "    emit('t' .. nk .. ';')\n"
    "    for i = 1, nk do\n"
    "      local kk = keys[i]\n"
    "      if type(kk) == 'table' or type(kk) == 'function' then emit('u')\n"
    "      else ser(kk, depth + 1) end\n"
    "      ser(rawget(v, kk), depth + 1)\n"
    "    end\n"
    "    seen[v] = nil\n"
    "  else emit('u') end\n"
    "end\n"
    "ser(val, 0)\n"
    "return concat(out)\n";

int grade_load_file(Sandbox *sb, const char *file, const char *source,
                    size_t srclen, GradeExercise ***out, int *n,
                    GradeList *errs)
{
    Sandbox *own = NULL;
    SandboxValue args[2];
    SandboxResult res;
    char *name;
    int probs;

    if (!sb) {
        SandboxConfig cfg = {0};
        cfg.time_ms = 2000;
        cfg.memory_bytes = (size_t)64 << 20;
        cfg.output_bytes = (size_t)8 << 20;
        sb = own = sandbox_new(&cfg);
        if (!sb) {
            grade_list_addf(errs, "%s:1: out of memory", file);
            return 1;
        }
    }
    name = gx_asprintf("@%s", file);
    memset(args, 0, sizeof args);
    args[0].type = SANDBOX_STRING, args[0].s = source, args[0].len = srclen;
    args[1].type = SANDBOX_STRING, args[1].s = name;
    args[1].len = strlen(name);
    memset(&res, 0, sizeof res);
    sandbox_run(sb, loader, sizeof loader - 1, "=loader", args, 2, &res);
    if (res.kind != SANDBOX_OK) {
        const char *m = res.message ? res.message : "";
        /* Lua's own messages already start with "file:line:" */
        if (strncmp(m, file, strlen(file)) == 0)
            grade_list_addf(errs, "%s", m);
        else
            grade_list_addf(errs, "%s:1: %s: %s", file,
                            sandbox_kind_name(res.kind), m);
        probs = 1;
    } else if (res.nvalues < 1 || res.values[0].type != SANDBOX_STRING) {
        grade_list_addf(errs, "%s:1: the loader returned nothing", file);
        probs = 1;
    } else {
        probs = grade_parse(res.values[0].s, res.values[0].len, file, source,
                            out, n, errs);
    }
    sandbox_result_free(&res);
    free(name);
    sandbox_free(own);
    return probs;
}
