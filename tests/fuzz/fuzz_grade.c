/*
** fuzz_grade.c - libFuzzer target for the grading core.
**
** The input drives two things: raw bytes straight into grade_parse (the
** loader's serialised form, as a hostile worker could send it), and a
** generated, well-formed exercise table of a random kind with fuzzed
** strings as its fields, patterns, rubric and answer, which is then
** compiled, graded and validated. No sandbox runs (source is NULL), so
** custom checks are skipped; everything else is the real code path.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "grade.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

typedef struct {
    const unsigned char *p;
    size_t n;
    char *out;
    size_t len, cap;
} G;

static void put(G *g, const char *s, size_t n)
{
    while (g->len + n + 1 > g->cap) {
        g->cap = g->cap ? g->cap * 2 : 256;
        g->out = realloc(g->out, g->cap);
    }
    memcpy(g->out + g->len, s, n);
    g->len += n;
    g->out[g->len] = '\0';
}

static void puts_(G *g, const char *s) { put(g, s, strlen(s)); }

static unsigned byte(G *g)
{
    if (!g->n)
        return 0;
    g->n--;
    return *g->p++;
}

/* A serialised string: literal or fuzzed bytes. */
static void str(G *g, const char *lit)
{
    char hdr[32];
    if (lit) {
        snprintf(hdr, sizeof hdr, "s%zu:", strlen(lit));
        puts_(g, hdr);
        puts_(g, lit);
        return;
    }
    {
        size_t k = byte(g) % 48;
        if (k > g->n)
            k = g->n;
        snprintf(hdr, sizeof hdr, "s%zu:", k);
        puts_(g, hdr);
        put(g, (const char *)g->p, k);
        g->p += k;
        g->n -= k;
    }
}

static void field(G *g, const char *k, const char *lit)
{
    str(g, k);
    str(g, lit);
}

static void strlist(G *g, const char *k, int n)
{
    char hdr[32];
    str(g, k);
    snprintf(hdr, sizeof hdr, "t%d;", n);
    puts_(g, hdr);
    for (int i = 0; i < n; i++) {
        snprintf(hdr, sizeof hdr, "i%d;", i + 1);
        puts_(g, hdr);
        str(g, NULL);
    }
}

static void concepts(G *g, const char *k, int n)
{
    char hdr[32];
    str(g, k);
    snprintf(hdr, sizeof hdr, "t%d;", n);
    puts_(g, hdr);
    for (int i = 0; i < n; i++) {
        int rel = byte(g) & 1;
        snprintf(hdr, sizeof hdr, "i%d;t%d;", i + 1, rel ? 4 : 3);
        puts_(g, hdr);
        field(g, "label", NULL);
        str(g, "weight");
        snprintf(hdr, sizeof hdr, "i%u;", 1 + byte(g) % 3);
        puts_(g, hdr);
        if (rel) {
            strlist(g, "subject", 1 + byte(g) % 2);
            strlist(g, "object", 1 + byte(g) % 2);
        } else {
            strlist(g, "match", 1 + byte(g) % 3);
        }
    }
}

static char *generate(G *g, size_t *len)
{
    static const char *const kinds[] = {"choice", "output", "fill",
                                        "explain", "parsons", "bug"};
    int kind = (int)(byte(g) % 6);
    char hdr[64];
    puts_(g, "t1;i1;t");
    puts_(g, kind == 3 ? "11;" : kind == 0 || kind == 4 ? "9;" : "10;");
    field(g, "id", "f.x");
    field(g, "topic", "f.t");
    field(g, "level", "beginner");
    field(g, "kind", kinds[kind]);
    field(g, "prompt", NULL);
    field(g, "why", "w");
    strlist(g, "hints", 1);
    field(g, "solution", NULL);
    switch (kind) {
    case 0: {
        int n = 2 + (int)(byte(g) % 4);
        str(g, "options");
        snprintf(hdr, sizeof hdr, "t%d;", n);
        puts_(g, hdr);
        for (int i = 0; i < n; i++) {
            snprintf(hdr, sizeof hdr, "i%d;t2;", i + 1);
            puts_(g, hdr);
            field(g, "text", NULL);
            str(g, "correct");
            puts_(g, byte(g) & 1 ? "T" : "F");
        }
        break;
    }
    case 1:
        field(g, "code", "c");
        field(g, "expected", NULL);
        break;
    case 2:
        field(g, "code", "a = ___ + ___");
        str(g, "blanks");
        puts_(g, "t2;i1;t2;i1;");
        str(g, NULL);
        strlist(g, "patterns", 1);
        puts_(g, "i2;");
        str(g, NULL);
        break;
    case 3:
        str(g, "rubric");
        puts_(g, "t2;");
        concepts(g, "concepts", 1 + (int)(byte(g) % 3));
        concepts(g, "red_flags", (int)(byte(g) % 2));
        str(g, "samples");
        puts_(g, "t2;");
        strlist(g, "good", 3);
        strlist(g, "bad", 3);
        break;
    case 4:
        strlist(g, "lines", 2 + (int)(byte(g) % 4));
        break;
    case 5:
        field(g, "code", "a\nb\nc");
        str(g, "buggy");
        snprintf(hdr, sizeof hdr, "i%u;", 1 + byte(g) % 3);
        puts_(g, hdr);
        break;
    }
    if (kind == 1)
        strlist(g, "accept", 1);
    *len = g->len;
    return g->out;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    GradeExercise **ex = NULL;
    int n = 0;
    GradeList errs = {0};
    G g = {data, size, NULL, 0, 0};
    char *blob, *answer;
    size_t len;

    if (size < 2)
        return 0;
    if (data[0] == 0xFF) {
        /* raw loader output */
        grade_parse((const char *)data + 1, size - 1, "f.lua", NULL, &ex, &n,
                    &errs);
    } else {
        g.p++, g.n--;
        blob = generate(&g, &len);
        grade_parse(blob, len, "f.lua", NULL, &ex, &n, &errs);
        free(blob);
    }
    answer = malloc(g.n + 1);
    memcpy(answer, g.p, g.n);
    answer[g.n] = '\0';
    for (int i = 0; i < n; i++) {
        GradeVerdict v;
        GradeContext ctx = {0};
        ctx.seed = size;
        ctx.hints_used = (int)(size % 5);
        if (grade_answer(ex[i], answer, &ctx, &v) == 0 &&
            (v.score < 0 || v.score > 1 || v.raw < 0 || v.raw > 1))
            abort(); /* a verdict's score is always within 0..1 */
        grade_verdict_free(&v);
        grade_validate(ex[i], NULL, NULL, &errs);
        grade_exercise_free(ex[i]);
    }
    free(ex);
    free(answer);
    grade_list_free(&errs);
    return 0;
}
