/*
** grade_explain.c - rubric grading of free text (explain, bug's "why").
**
** The answer is cleaned, typo-corrected against the rubric's own words,
** cut into tokens, clauses and sentences. A plain concept is found by a
** pattern match that is not negated; a relation concept needs a subject
** and an object in one sentence, in order, with a predicate between them,
** no rival subject between them and no negation just before the object.
** Red flags use the same machinery and cost points. An answer whose words
** are nearly all rubric terms (keyword salad) cannot pass. The design is
** described for authors in exercises/README.md.
*/
#include "grade_int.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SPANS 256
#define NEG_BEFORE_OBJECT 4 /* tokens looked at before an object */
#define NEG_BEFORE_SUBJECT 3
#define DEFAULT_NEAR 12

/* Words that make a claim rather than name a term, and predicates. */
static const char *const function_words[] = {
    "a", "about", "after", "again", "all", "already", "also", "although",
    "always", "an", "and", "another", "any", "anything", "are", "as", "ask",
    "asks", "at", "be", "because", "become", "becomes", "been", "before",
    "being", "between", "both", "but", "by", "call", "calls", "can",
    "cannot", "change", "changes", "check", "checks", "compare", "compares",
    "could", "create", "creates", "did", "different", "do", "does", "done",
    "down", "each", "either", "even", "every", "false", "for", "from",
    "get", "gets", "give", "gives", "got", "had", "has", "have", "having",
    "he", "her", "here", "his", "hold", "holds", "how", "i", "if", "in",
    "instead", "into", "is", "isn't", "it", "it's", "its", "just", "keep",
    "keeps", "least", "less", "let", "lets", "like", "make", "makes",
    "many", "may", "me", "mean", "means", "might", "more", "most", "much",
    "must", "my", "need", "needs", "neither", "never", "new", "no", "nor",
    "not", "nothing", "of", "off", "on", "once", "one", "only", "onto",
    "or", "other", "our", "out", "over", "own", "per", "point", "points",
    "rather", "refer", "refers", "return", "returns", "run", "runs",
    "same", "say", "says", "see", "she", "should", "since", "so", "some",
    "something", "still", "store", "stores", "such", "tell", "tells",
    "than", "that", "the", "their", "them", "then", "there", "these",
    "they", "thing", "things", "this", "those", "though", "through", "to",
    "true", "two", "under", "unless", "until", "up", "use", "used", "uses",
    "using", "very", "was", "way", "we", "were", "what", "when",
    "whenever", "where", "whereas", "whether", "which", "while", "who",
    "whose", "why", "will", "with", "without", "work", "works", "would",
    "yet", "you", "your", NULL};

/* Words that break the binding of a subject to a later object. */
static const char *const break_words[] = {
    "but", "whereas", "while", "whilst", "however", "although", "though",
    "unlike", "except", NULL};

static const char *const negators[] = {
    "not", "no", "never", "neither", "nor", "cannot", "without",
    "instead", "rather", "unlike", NULL};

static int in_list(const char *const *list, const char *w, size_t n)
{
    for (; *list; list++)
        if (strlen(*list) == n && memcmp(*list, w, n) == 0)
            return 1;
    return 0;
}

typedef struct {
    size_t so, eo;
    int sent;   /* sentence number */
    int clause; /* 1 when a clause or sentence boundary precedes it */
    int word;   /* letters/digits (not an operator) */
    int neg, func, brk;
    int covered;
} Tok;

typedef struct {
    char *t; /* the corrected, lower-cased text */
    size_t len;
    Tok *tok;
    int ntok;
} Text;

/* ------------------------------------------------------------------ */
/* typo correction                                                     */

static int osa_distance(const char *a, int na, const char *b, int nb, int cap)
{
    int d[40][40];
    if (na >= 40 || nb >= 40 || abs(na - nb) > cap)
        return cap + 1;
    for (int i = 0; i <= na; i++)
        d[i][0] = i;
    for (int j = 0; j <= nb; j++)
        d[0][j] = j;
    for (int i = 1; i <= na; i++) {
        int rowmin = 1 << 20;
        for (int j = 1; j <= nb; j++) {
            int c = a[i - 1] != b[j - 1];
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + c < v)
                v = d[i - 1][j - 1] + c;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
                a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
            if (v < rowmin)
                rowmin = v;
        }
        if (rowmin > cap)
            return cap + 1;
    }
    return d[na][nb];
}

typedef struct {
    char **w;
    int n;
} Vocab;

static void vocab_add(Vocab *vo, const char *s, size_t n)
{
    char buf[40];
    if (n < 4 || n >= sizeof buf)
        return;
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)tolower((unsigned char)s[i]);
    buf[n] = '\0';
    for (int i = 0; i < vo->n; i++)
        if (strcmp(vo->w[i], buf) == 0)
            return;
    vo->w = gx_realloc(vo->w, sizeof *vo->w * (size_t)(vo->n + 1));
    vo->w[vo->n++] = gx_strdup(buf);
}

/* Whole words of a pattern's source: letter runs not part of an escape and
** not followed by a quantifier or group (those are stems, not words). */
static void vocab_from_pattern(Vocab *vo, const char *p)
{
    size_t i = 0, n = strlen(p);
    while (i < n) {
        size_t st;
        if (p[i] == '\\') {
            i += 2;
            continue;
        }
        if (!isalpha((unsigned char)p[i])) {
            i++;
            continue;
        }
        st = i;
        while (i < n && isalpha((unsigned char)p[i]))
            i++;
        if (st >= 2 && p[st - 1] == '?' && p[st - 2] == '(')
            continue; /* (?i) and friends */
        if (i < n && (p[i] == '(' || p[i] == '[' || p[i] == '*' ||
                      p[i] == '+' || p[i] == '{'))
            continue;
        if (i < n && p[i] == '?') { /* "values?" is value and values */
            vocab_add(vo, p + st, i - st);
            vocab_add(vo, p + st, i - st - 1);
            continue;
        }
        vocab_add(vo, p + st, i - st);
    }
}

static void vocab_from_concepts(Vocab *vo, const GradeConcept *cs, int n)
{
    for (int c = 0; c < n; c++) {
        const GradePatterns *ps[3] = {&cs[c].match, &cs[c].subject,
                                      &cs[c].object};
        for (int k = 0; k < 3; k++)
            for (int i = 0; i < ps[k]->n; i++)
                vocab_from_pattern(vo, ps[k]->v[i].src);
    }
}

/* The closest vocabulary word to w within the typo budget, or NULL. */
static const char *correct_word(const Vocab *vo, const char *w, int n)
{
    const char *best = NULL;
    int bestd = 3;
    if (n < 5 || in_list(function_words, w, (size_t)n))
        return NULL;
    for (int i = 0; i < vo->n; i++) {
        const char *v = vo->w[i];
        int nv = (int)strlen(v), cap = n >= 8 ? 2 : 1, d;
        if (nv == n && memcmp(v, w, (size_t)n) == 0)
            return NULL; /* already a rubric word */
        if (v[0] != w[0] || (cap == 2 && v[1] != w[1]) || nv < 4)
            continue;
        /* another form of a rubric word (plural, -ed, -ing) is no typo:
        ** the patterns decide whether that form counts */
        if (abs(nv - n) <= 3 &&
            memcmp(v, w, (size_t)(nv < n ? nv : n)) == 0)
            return NULL;
        d = osa_distance(w, n, v, nv, cap);
        if (d <= cap && d < bestd) {
            bestd = d;
            best = v;
        }
    }
    return best;
}

/* Lower-case s (ASCII), fold typographic apostrophes, correct typos. */
static char *prepare(const GradeRubric *r, const char *s, GradeVerdict *v)
{
    Vocab vo = {0};
    size_t n = strlen(s), cap = n * 2 + 16, o = 0;
    char *d = gx_malloc(cap);
    GradeList fixed = {0};

    vocab_from_concepts(&vo, r->concepts, r->nconcepts);
    vocab_from_concepts(&vo, r->flags, r->nflags);
    for (int i = 0; i < r->nvocab; i++)
        vocab_add(&vo, r->vocab[i], strlen(r->vocab[i]));
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
            ((unsigned char)s[i + 2] == 0x98 ||
             (unsigned char)s[i + 2] == 0x99)) {
            d[o++] = '\'';
            i += 3;
            continue;
        }
        if (isalpha(c)) {
            char w[64];
            size_t st = i, k = 0;
            const char *fix;
            while (i < n && (isalpha((unsigned char)s[i]))) {
                if (k < sizeof w - 1)
                    w[k++] = (char)tolower((unsigned char)s[i]);
                i++;
            }
            w[k] = '\0';
            fix = i - st < sizeof w - 1 ? correct_word(&vo, w, (int)k)
                                        : NULL;
            if (fix) {
                size_t fl = strlen(fix);
                if (fixed.n < 8)
                    grade_list_addf(&fixed, "%s->%s", w, fix);
                while (o + fl + 2 > cap)
                    d = gx_realloc(d, cap *= 2);
                memcpy(d + o, fix, fl);
                o += fl;
            } else {
                while (o + (i - st) + 2 > cap)
                    d = gx_realloc(d, cap *= 2);
                for (size_t j = st; j < i; j++)
                    d[o++] = (char)tolower((unsigned char)s[j]);
            }
            continue;
        }
        if (o + 2 > cap)
            d = gx_realloc(d, cap *= 2);
        d[o++] = (char)c;
        i++;
    }
    d[o] = '\0';
    if (fixed.n) {
        char line[512];
        size_t l = 0;
        l += (size_t)snprintf(line, sizeof line, "read with typos fixed:");
        for (int i = 0; i < fixed.n && l < sizeof line; i++)
            l += (size_t)snprintf(line + l, sizeof line - l, " %s",
                                  fixed.v[i]);
        grade_list_add(&v->feedback, line);
    }
    grade_list_free(&fixed);
    for (int i = 0; i < vo.n; i++)
        free(vo.w[i]);
    free(vo.w);
    return d;
}

/* ------------------------------------------------------------------ */
/* tokens                                                              */

static int is_wordc(unsigned char c)
{
    return isalnum(c) || c == '_' || c == '\'' || c >= 0x80;
}

static int is_opc(unsigned char c)
{
    return c && strchr("=<>!+-*/%&|^~@", c) != NULL;
}

static void tokenize(Text *tx)
{
    const char *t = tx->t;
    size_t n = tx->len, i = 0;
    int sent = 0, boundary = 1, cap = 64;
    tx->tok = gx_malloc(sizeof *tx->tok * (size_t)cap);
    tx->ntok = 0;
    while (i < n) {
        unsigned char c = (unsigned char)t[i];
        Tok k;
        if ((c == '.' || c == '?' || c == '!') &&
            (i + 1 == n || isspace((unsigned char)t[i + 1]) ||
             t[i + 1] == '"' || t[i + 1] == ')')) {
            sent++, boundary = 1, i++;
            continue;
        }
        if (c == ';' || c == '\n') {
            sent++, boundary = 1, i++;
            continue;
        }
        if (c == ',' || c == ':' || c == '(' || c == ')' ||
            (c == '-' && i + 1 < n && isspace((unsigned char)t[i + 1]))) {
            boundary = 1, i++;
            continue;
        }
        if (!is_wordc(c) && !is_opc(c)) {
            i++;
            continue;
        }
        memset(&k, 0, sizeof k);
        k.so = i;
        if (is_wordc(c)) {
            while (i < n && is_wordc((unsigned char)t[i]))
                i++;
            k.word = 1;
        } else {
            while (i < n && is_opc((unsigned char)t[i]))
                i++;
        }
        k.eo = i;
        /* trim quotes used as quotation marks */
        while (k.eo > k.so + 1 && t[k.eo - 1] == '\'')
            k.eo--;
        while (k.so + 1 < k.eo && t[k.so] == '\'')
            k.so++;
        k.sent = sent;
        k.clause = boundary;
        boundary = 0;
        if (k.word) {
            size_t l = k.eo - k.so;
            const char *w = t + k.so;
            k.func = in_list(function_words, w, l);
            k.brk = in_list(break_words, w, l);
            k.neg = in_list(negators, w, l) ||
                    (l > 3 && memcmp(w + l - 3, "n't", 3) == 0);
        }
        if (tx->ntok == cap)
            tx->tok = gx_realloc(tx->tok, sizeof *tx->tok * (size_t)(cap *= 2));
        tx->tok[tx->ntok++] = k;
    }
    /* "not only", "not just", "no matter", "no doubt" are not negations */
    for (int j = 0; j + 1 < tx->ntok; j++) {
        Tok *a = &tx->tok[j], *b = &tx->tok[j + 1];
        size_t la = a->eo - a->so, lb = b->eo - b->so;
        const char *wb = t + b->so;
        if (!a->neg)
            continue;
        if ((lb == 4 && memcmp(wb, "only", 4) == 0) ||
            (lb == 4 && memcmp(wb, "just", 4) == 0) ||
            (lb == 6 && memcmp(wb, "matter", 6) == 0) ||
            (lb == 5 && memcmp(wb, "doubt", 5) == 0))
            a->neg = 0;
        (void)la;
    }
}

/* Token range [*a, *b] of byte span so..eo; 0 if it covers no token. */
static int span_tokens(const Text *tx, size_t so, size_t eo, int *a, int *b)
{
    int i = 0;
    while (i < tx->ntok && tx->tok[i].eo <= so)
        i++;
    if (i == tx->ntok || tx->tok[i].so >= eo)
        return 0;
    *a = i;
    while (i + 1 < tx->ntok && tx->tok[i + 1].so < eo)
        i++;
    *b = i;
    return 1;
}

typedef struct {
    int a, b; /* token range */
} Span;

typedef struct {
    Span *v;
    int n;
} Spans;

static int find_spans(const GradeExercise *ex, const GradePatterns *ps,
                      const Text *tx, Spans *out, GradeVerdict *v)
{
    out->v = NULL;
    out->n = 0;
    for (int i = 0; i < ps->n; i++) {
        size_t at = 0, so, eo;
        while (at <= tx->len && out->n < MAX_SPANS) {
            int r = gx_match(ex, &ps->v[i], tx->t, tx->len, at, &so, &eo, v);
            Span s;
            if (r < 0)
                return -1;
            if (r == 0)
                break;
            at = eo > so ? eo : so + 1;
            if (!span_tokens(tx, so, eo, &s.a, &s.b))
                continue;
            out->v = gx_realloc(out->v, sizeof *out->v * (size_t)(out->n + 1));
            out->v[out->n++] = s;
        }
    }
    return 0;
}

/* Is token i negated by one of the `back` tokens before it, within its
** clause? */
static int negated_before(const Text *tx, int i, int back, int floor)
{
    for (int j = i - 1; j >= floor && j >= i - back; j--) {
        if (tx->tok[j].sent != tx->tok[i].sent)
            break;
        if (tx->tok[j].neg)
            return 1;
        if (tx->tok[j].clause)
            break;
    }
    return 0;
}

static int negated_inside(const Text *tx, Span s)
{
    for (int j = s.a + 1; j <= s.b; j++)
        if (tx->tok[j].neg)
            return 1;
    return 0;
}

static void cover(Text *tx, Span s)
{
    for (int j = s.a; j <= s.b; j++)
        tx->tok[j].covered = 1;
}

/* All the match spans of one concept. */
typedef struct {
    Spans match, subject, object;
} CSpans;

static int rival_between(const Text *tx, const CSpans *all, int nall,
                         const GradeConcept *cs, int self, int lo, int hi)
{
    const GradeConcept *me = &cs[self];
    (void)tx;
    for (int k = 0; k < nall; k++) {
        const GradeConcept *o = &cs[k];
        int same = 0;
        if (k == self || !o->subject.n)
            continue;
        for (int x = 0; x < me->subject.n && !same; x++)
            for (int y = 0; y < o->subject.n && !same; y++)
                same = strcmp(me->subject.v[x].src, o->subject.v[y].src) == 0;
        if (same)
            continue;
        for (int m = 0; m < all[k].subject.n; m++) {
            Span s = all[k].subject.v[m];
            if (s.a > lo && s.b < hi)
                return 1;
        }
    }
    return 0;
}

/* Whether concept `self` holds in the text. */
static int concept_holds(Text *tx, const CSpans *all, int nall,
                         const GradeConcept *cs, int self)
{
    const GradeConcept *c = &cs[self];
    const CSpans *sp = &all[self];
    int near = c->near > 0 ? c->near : DEFAULT_NEAR;

    for (int m = 0; m < sp->match.n; m++) {
        Span s = sp->match.v[m];
        if (negated_before(tx, s.a, NEG_BEFORE_OBJECT, 0) ||
            negated_inside(tx, s))
            continue;
        cover(tx, s);
        return 1;
    }
    for (int i = 0; i < sp->subject.n; i++)
        for (int j = 0; j < sp->object.n; j++) {
            Span s = sp->subject.v[i], o = sp->object.v[j], first, second;
            int gap, brk = 0;
            if (tx->tok[s.a].sent != tx->tok[o.a].sent)
                continue;
            if (o.a > s.b) {
                first = s, second = o;
            } else if (c->any_order && s.a > o.b) {
                first = o, second = s;
            } else {
                continue;
            }
            gap = second.a - first.b - 1;
            if (gap < 1 || gap > near)
                continue;
            for (int k = first.b + 1; k < second.a; k++)
                brk |= tx->tok[k].brk;
            if (brk)
                continue;
            if (rival_between(tx, all, nall, cs, self, first.b, second.a))
                continue;
            /* negation: just before the object (not reaching back past the
            ** subject's clause), just before the subject, or inside */
            if (negated_before(tx, o.a, NEG_BEFORE_OBJECT, 0) ||
                negated_before(tx, s.a, NEG_BEFORE_SUBJECT, 0) ||
                negated_inside(tx, s) || negated_inside(tx, o))
                continue;
            cover(tx, s);
            cover(tx, o);
            return 1;
        }
    return 0;
}

static void free_cspans(CSpans *cs, int n)
{
    for (int i = 0; i < n; i++) {
        free(cs[i].match.v);
        free(cs[i].subject.v);
        free(cs[i].object.v);
    }
    free(cs);
}

int grade_rubric(const GradeExercise *ex, GradeRubric *r, const char *text,
                 double *score, GradeVerdict *v)
{
    Text tx = {0};
    int nall = r->nconcepts + r->nflags, words = 0, func = 0, ret = 0;
    GradeConcept *all = gx_calloc((size_t)nall, sizeof *all);
    CSpans *sp = gx_calloc((size_t)nall, sizeof *sp);
    double total = 0, got = 0, pen = 0;

    *score = 0;
    if (r->nconcepts)
        memcpy(all, r->concepts, sizeof *all * (size_t)r->nconcepts);
    if (r->nflags)
        memcpy(all + r->nconcepts, r->flags, sizeof *all * (size_t)r->nflags);
    tx.t = prepare(r, text, v);
    tx.len = strlen(tx.t);
    tokenize(&tx);
    for (int c = 0; c < nall; c++)
        if (find_spans(ex, &all[c].match, &tx, &sp[c].match, v) < 0 ||
            find_spans(ex, &all[c].subject, &tx, &sp[c].subject, v) < 0 ||
            find_spans(ex, &all[c].object, &tx, &sp[c].object, v) < 0) {
            ret = -1;
            goto done;
        }
    for (int c = 0; c < r->nconcepts; c++) {
        total += all[c].weight;
        if (concept_holds(&tx, sp, nall, all, c)) {
            got += all[c].weight;
            grade_list_add(&v->found, all[c].label);
        } else {
            grade_list_add(&v->missing, all[c].label);
        }
    }
    for (int c = r->nconcepts; c < nall; c++)
        if (concept_holds(&tx, sp, nall, all, c)) {
            pen += all[c].weight;
            grade_list_add(&v->flags, all[c].label);
            grade_list_addf(&v->feedback, "misconception: %s", all[c].label);
        }
    *score = total > 0 ? got / total - pen : 0;
    /* keyword salad: claims need words that are not rubric terms */
    for (int i = 0; i < tx.ntok; i++) {
        words += tx.tok[i].word;
        func += tx.tok[i].word && tx.tok[i].func && !tx.tok[i].covered;
    }
    if (words < 3) {
        *score = 0;
        grade_list_add(&v->feedback, words ? "too short to explain anything"
                                           : "no answer given");
    } else if (func < 2 || func * 5 < words) {
        if (*score > r->pass / 2)
            *score = r->pass / 2;
        grade_list_add(&v->feedback,
                       "this lists terms without saying how they relate: "
                       "answer in sentences");
    }
    if (*score < 0)
        *score = 0;
    if (*score > 1)
        *score = 1;
    if (v->missing.n && v->found.n)
        grade_list_addf(&v->feedback, "found %d of %d ideas", v->found.n,
                        r->nconcepts);
done:
    free_cspans(sp, nall);
    free(all);
    free(tx.t);
    free(tx.tok);
    return ret;
}
