/*
** screen_drill.c - timed sessions over graded exercises: review, drill and
** mock interview share one engine and one screen.
**
** A session is a fixed list of exercises chosen up front (deterministic
** for a seed, so a class gets the same drill), answered one at a time.
** Every graded answer is committed to the progress store at once; when
** the clock runs out or the learner ends early, the rest are recorded as
** unanswered. Review and interview show feedback after each answer (the
** interview adds the model answer and what the interviewer is testing);
** a drill shows nothing until its end screen. The end screen (drill) or
** scorecard (interview) is saved with the session as JSON.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "json.h"
#include "markdown.h"
#include "progress.h"
#include "ui.h"
#include "util.h"

enum { S_QUESTION, S_FEEDBACK, S_END };

typedef struct {
    GradeExercise *ex;
    GradeExercise *parent; /* ex is this exercise's follow-up, or NULL */
    int qno;               /* question number (a follow-up shares its
                              parent's) */
    int followup_here;     /* the parent is the item before this one */
    char *answer; /* NULL: unanswered */
    GradeVerdict v;
    int graded, hints;
    double seconds;
    int *order; /* choice/parsons display order */
    int norder;
} Item;

typedef struct {
    char *text;
    int style;
} DLine;

typedef struct {
    Content *content;
    ExerciseSet *set;
    char *mode, *title, *level;
    Item *items;
    int n, nmain, cur, state, top, body, cols;
    int64_t started, q_started, limit; /* limit: seconds, 0 = none */
    double elapsed_end;
    uint64_t seed;
    int64_t session_id;
    DLine *lines;
    int nlines;
    int dirty, begun, saving;
    double minutes;
    char note[256];
} Drill;

/* ------------------------------------------------------------------ */
/* Selection */

static int has(char **v, int n, const char *s)
{
    for (int i = 0; i < n; i++)
        if (strcmp(v[i], s) == 0)
            return 1;
    return 0;
}

/* A topic filter matches the exercise's topic, or its chapter prefix
** ("core" matches "core.is-vs-eq"). */
static int topic_match(const DrillSpec *sp, const GradeExercise *ex)
{
    if (sp->ntopics == 0)
        return 1;
    for (int i = 0; i < sp->ntopics; i++) {
        size_t k = strlen(sp->topics[i]);
        if (ex->topic && (strcmp(ex->topic, sp->topics[i]) == 0 ||
                          (strncmp(ex->topic, sp->topics[i], k) == 0 &&
                           ex->topic[k] == '.')))
            return 1;
    }
    return 0;
}

/* Interview levels map onto exercise levels, the level below included. */
static int level_match(const char *want, const char *lvl)
{
    if (!want || !*want)
        return 1;
    if (!lvl)
        return 0;
    if (strcmp(want, "junior") == 0)
        return strcmp(lvl, "beginner") == 0;
    if (strcmp(want, "mid") == 0)
        return strcmp(lvl, "beginner") == 0 ||
               strcmp(lvl, "intermediate") == 0;
    if (strcmp(want, "senior") == 0)
        return strcmp(lvl, "intermediate") == 0 ||
               strcmp(lvl, "advanced") == 0;
    return strcmp(want, lvl) == 0;
}

/* A due follow-up whose question is due too is served right after it, as
** in the interview; the rest keep the scheduler's order. */
static int followups_after_parents(const ExerciseSet *set,
                                   GradeExercise **res, int n)
{
    GradeExercise **v = xmalloc((size_t)n * sizeof *v);
    int k = 0;
    for (int i = 0; i < n; i++) {
        GradeExercise *par = exercises_parent(set, res[i]), *f;
        int parent_here = 0;
        for (int j = 0; par && j < n && !parent_here; j++)
            parent_here = res[j] == par;
        if (parent_here)
            continue; /* placed after its parent */
        v[k++] = res[i];
        if ((f = exercises_followup(set, res[i])))
            for (int j = 0; j < n; j++)
                if (res[j] == f) {
                    v[k++] = f;
                    break;
                }
    }
    memcpy(res, v, (size_t)k * sizeof *v);
    free(v);
    return k;
}

int drill_select(const ExerciseSet *set, const DrillSpec *sp,
                 GradeExercise ***out, char *err, size_t errlen)
{
    GradeExercise **pool = xmalloc((size_t)(set->n + 1) * sizeof *pool);
    GradeExercise **res;
    int np = 0, nres = 0, count;
    int *perm;

    *out = NULL;
    if (sp->nids > 0) {
        res = xmalloc((size_t)sp->nids * sizeof *res);
        for (int i = 0; i < sp->nids; i++) {
            GradeExercise *ex = exercises_find(set, sp->ids[i]);
            if (!ex && strcmp(sp->mode, "review") == 0)
                continue; /* removed since it was answered: skip it */
            if (!ex) {
                snprintf(err, errlen, "no exercise '%s'", sp->ids[i]);
                free(res);
                free(pool);
                return -1;
            }
            res[nres++] = ex;
        }
        free(pool);
        if (nres == 0) {
            snprintf(err, errlen, "none of its exercises exist any more");
            free(res);
            return -1;
        }
        if (strcmp(sp->mode, "review") == 0)
            nres = followups_after_parents(set, res, nres);
        *out = res;
        return nres;
    }
    for (int i = 0; i < set->n; i++) {
        GradeExercise *ex = set->v[i];
        /* a follow-up is asked only after its parent (interviews) or by
        ** name, never drawn on its own */
        if (exercises_parent(set, ex) || !grade_kind_available(ex->kind) ||
            !topic_match(sp, ex) ||
            !level_match(sp->level, ex->level) ||
            (sp->nkinds && !has(sp->kinds, sp->nkinds,
                                grade_kind_name(ex->kind))))
            continue;
        pool[np++] = ex;
    }
    if (np == 0) {
        snprintf(err, errlen, "no exercise matches the filters");
        free(pool);
        return -1;
    }
    perm = xmalloc((size_t)np * sizeof *perm);
    grade_shuffle(sp->seed, perm, np);
    count = sp->count > 0 && sp->count < np ? sp->count : np;
    res = xmalloc((size_t)count * 2 * sizeof *res);
    if (strcmp(sp->mode, "interview") == 0) {
        /* balance topics: take the shuffled pool round-robin by topic */
        char *taken = xcalloc((size_t)np, 1);
        while (nres < count) {
            int start = nres;
            for (int k = 0; k < np && nres < count; k++) {
                GradeExercise *ex = pool[perm[k]];
                int dup = 0;
                if (taken[k])
                    continue;
                for (int j = start; j < nres && !dup; j++)
                    dup = res[j]->topic && ex->topic &&
                          strcmp(res[j]->topic, ex->topic) == 0;
                if (dup)
                    continue;
                taken[k] = 1;
                res[nres++] = ex;
            }
        }
        free(taken);
        /* each question the content gives a follow-up is followed by it,
        ** whatever its kind or level: the interviewer digs deeper */
        for (int k = nres - 1; k >= 0; k--) {
            GradeExercise *f = exercises_followup(set, res[k]);
            if (!f || !grade_kind_available(f->kind))
                continue;
            memmove(res + k + 2, res + k + 1,
                    (size_t)(nres - k - 1) * sizeof *res);
            res[k + 1] = f;
            nres++;
        }
    } else {
        for (int k = 0; k < count; k++)
            res[nres++] = pool[perm[k]];
    }
    free(perm);
    free(pool);
    *out = res;
    return nres;
}

/* ------------------------------------------------------------------ */
/* Display lines */

static void dl_add(Drill *d, int style, const char *s, int n)
{
    d->lines = xrealloc(d->lines, (size_t)(d->nlines + 1) * sizeof *d->lines);
    d->lines[d->nlines].text = xstrndup(s, (size_t)n);
    d->lines[d->nlines].style = style;
    d->nlines++;
}

/* Add text word-wrapped to width w, indented by ind spaces. */
static void dl_wrap(Drill *d, int style, int ind, const char *s)
{
    int w = d->cols - 2 - ind;
    char pad[32];

    if (w < 20)
        w = 20;
    snprintf(pad, sizeof pad, "%*s", ind > 30 ? 30 : ind, "");
    for (;;) {
        const char *nl = strchr(s, '\n');
        int len = nl ? (int)(nl - s) : (int)strlen(s);
        Buf line = {0};
        int pos = 0;
        do {
            int start = pos, lastsp = -1, width = 0, k = pos;
            while (k < len) {
                int cl = md_utf8len(s + k, len - k);
                int cw = md_strwidth(s + k, cl, 0);
                if (width + cw > w)
                    break;
                if (s[k] == ' ')
                    lastsp = k;
                width += cw;
                k += cl;
            }
            if (k < len && lastsp > start)
                k = lastsp + 1;
            buf_free(&line);
            buf_adds(&line, pad);
            buf_add(&line, s + start, (size_t)(k - start));
            dl_add(d, style, line.data, (int)line.len);
            pos = k > start ? k : len;
        } while (pos < len);
        buf_free(&line);
        if (!nl)
            break;
        s = nl + 1;
    }
}

static void dl_line(Drill *d, int style, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void dl_line(Drill *d, int style, const char *fmt, ...)
{
    char b[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(b, sizeof b, fmt, ap);
    va_end(ap);
    dl_wrap(d, style, 0, b);
}

static void dl_clear(Drill *d)
{
    for (int i = 0; i < d->nlines; i++)
        free(d->lines[i].text);
    free(d->lines);
    d->lines = NULL;
    d->nlines = 0;
    d->top = 0;
}

/* ------------------------------------------------------------------ */
/* Building each state's text */

static void build_question(Drill *d)
{
    Item *it = &d->items[d->cur];
    GradeExercise *ex = it->ex;

    if (it->followup_here)
        dl_line(d, MD_STRONG,
                "Follow-up: question %d of %d  \xc2\xb7 "
                "%s \xc2\xb7 %s",
                it->qno, d->nmain, grade_kind_name(ex->kind),
                ex->topic ? ex->topic : "");
    else
        dl_line(d, MD_STRONG, "Question %d of %d  \xc2\xb7 %s \xc2\xb7 %s",
                it->qno, d->nmain, grade_kind_name(ex->kind),
                ex->topic ? ex->topic : "");
    if (it->parent && !it->followup_here)
        dl_line(d, UI_DIM, "(the follow-up to %s)", it->parent->id);
    dl_add(d, MD_TEXT, "", 0);
    dl_wrap(d, MD_TEXT, 0, ex->prompt ? ex->prompt : "");
    if (ex->code && ex->kind != GRADE_PARSONS) {
        dl_add(d, MD_TEXT, "", 0);
        if (ex->kind == GRADE_BUG) {
            const char *s = ex->code;
            int no = 1;
            for (;;) {
                const char *nl = strchr(s, '\n');
                char b[512];
                snprintf(b, sizeof b, "%3d  %.*s", no++,
                         nl ? (int)(nl - s) : (int)strlen(s), s);
                dl_add(d, MD_CODEBLOCK, b, (int)strlen(b));
                if (!nl)
                    break;
                s = nl + 1;
            }
        } else {
            dl_wrap(d, MD_CODEBLOCK, 4, ex->code);
        }
    }
    if (ex->kind == GRADE_CHOICE) {
        dl_add(d, MD_TEXT, "", 0);
        for (int i = 0; i < ex->noptions; i++) {
            char b[16];
            snprintf(b, sizeof b, "%c) ", 'a' + i);
            Buf t = {0};
            buf_adds(&t, b);
            buf_adds(&t, ex->options[i].text);
            dl_wrap(d, MD_TEXT, 2, t.data);
            buf_free(&t);
        }
    }
    if (ex->kind == GRADE_PARSONS) {
        dl_add(d, MD_TEXT, "", 0);
        dl_line(d, UI_DIM, "Put these lines in order (answer with their "
                           "numbers, e.g. 3 1 2):");
        for (int i = 0; i < it->norder; i++) {
            int k = it->order[i];
            const char *l = k < ex->nlines ? ex->lines[k]
                                           : ex->distractors[k - ex->nlines];
            char b[512];
            snprintf(b, sizeof b, "%2d  %s", i + 1, l);
            dl_add(d, MD_CODEBLOCK, b, (int)strlen(b));
        }
    }
    for (int i = 0; i < it->hints && i < ex->nhints; i++) {
        char b[32];
        snprintf(b, sizeof b, "Hint %d: ", i + 1);
        Buf t = {0};
        buf_adds(&t, b);
        buf_adds(&t, ex->hints[i]);
        if (i == 0)
            dl_add(d, MD_TEXT, "", 0);
        dl_wrap(d, UI_DIM, 0, t.data);
        buf_free(&t);
    }
    dl_add(d, MD_TEXT, "", 0);
    dl_line(d, UI_DIM, "Enter answer   i hint (%d/%d)   s skip   Esc end "
                       "the session",
            it->hints, ex->nhints);
}

static void build_feedback(Drill *d)
{
    Item *it = &d->items[d->cur];
    GradeExercise *ex = it->ex;
    GradeVerdict *v = &it->v;

    if (!it->answer)
        dl_line(d, UI_ERROR, "Skipped.");
    else if (v->error)
        dl_line(d, UI_ERROR, "This exercise could not be graded: %s",
                v->error);
    else
        dl_line(d, v->passed ? UI_BEGINNER : UI_ERROR,
                "%s  score %.0f%%", v->passed ? "Passed" : "Not passed",
                v->score * 100);
    for (int i = 0; i < v->found.n; i++)
        dl_line(d, MD_TEXT, "  found:   %s", v->found.v[i]);
    for (int i = 0; i < v->missing.n; i++)
        dl_line(d, MD_TEXT, "  missing: %s", v->missing.v[i]);
    for (int i = 0; i < v->feedback.n; i++)
        dl_wrap(d, MD_TEXT, 2, v->feedback.v[i]);
    if (v->diff) {
        dl_line(d, MD_STRONG, "Output (- expected, + yours):");
        dl_wrap(d, MD_CODEBLOCK, 2, v->diff);
    }
    if (ex->solution) {
        dl_add(d, MD_TEXT, "", 0);
        dl_line(d, MD_STRONG, "Model answer");
        dl_wrap(d, MD_TEXT, 2, ex->solution);
    }
    if (ex->why) {
        dl_add(d, MD_TEXT, "", 0);
        dl_line(d, MD_STRONG, "What the interviewer is testing");
        dl_wrap(d, MD_QUOTE, 2, ex->why);
    }
    dl_add(d, MD_TEXT, "", 0);
    if (d->cur + 1 < d->n && d->items[d->cur + 1].followup_here)
        dl_line(d, UI_DIM, "Enter the interviewer's follow-up question");
    else
        dl_line(d, UI_DIM, "Enter next question");
}

typedef struct {
    const char *topic;
    double sum;
    int n, passed;
} TopicScore;

static int topic_scores(Drill *d, TopicScore **out)
{
    TopicScore *t = xcalloc((size_t)d->n + 1, sizeof *t);
    int nt = 0;
    for (int i = 0; i < d->n; i++) {
        const char *tp = d->items[i].ex->topic ? d->items[i].ex->topic : "";
        int k = 0;
        while (k < nt && strcmp(t[k].topic, tp) != 0)
            k++;
        if (k == nt)
            t[nt++].topic = tp;
        t[k].n++;
        if (d->items[i].graded && !d->items[i].v.error) {
            t[k].sum += d->items[i].v.score;
            t[k].passed += d->items[i].v.passed;
        }
    }
    *out = t;
    return nt;
}

/* A lesson that teaches topic (first found), for "lessons to revisit". */
static const Lesson *lesson_for(const Content *c, const char *topic)
{
    for (int i = 0; c && i < c->nchapters; i++)
        for (int k = 0; k < c->chapters[i].nlessons; k++) {
            const Lesson *l = &c->chapters[i].lessons[k];
            for (int j = 0; j < l->ntopics; j++)
                if (strcmp(l->topics[j], topic) == 0)
                    return l;
        }
    return NULL;
}

static void bar_text(char *b, size_t n, double f, int w)
{
    const char *full = ui_ascii() ? "#" : "\xe2\x96\x88";
    const char *empty = ui_ascii() ? "." : "\xe2\x96\x91";
    size_t used = 0;
    int k = (int)(f * w + 0.5);
    b[0] = '\0';
    for (int i = 0; i < w && used + 4 < n; i++) {
        const char *g = i < k ? full : empty;
        memcpy(b + used, g, strlen(g));
        used += strlen(g);
    }
    b[used] = '\0';
}

static void totals(Drill *d, double *score, int *correct, int *answered)
{
    double sum = 0;
    *correct = *answered = 0;
    for (int i = 0; i < d->n; i++) {
        Item *it = &d->items[i];
        if (it->answer)
            (*answered)++;
        if (it->graded && !it->v.error) {
            sum += it->v.score;
            *correct += it->v.passed;
        }
    }
    *score = d->n ? sum / d->n : 0;
}

/* At most max bytes of s, cut at a character boundary, with "..." when
** cut. New string. */
static char *clip(const char *s, size_t max)
{
    size_t n = strlen(s);
    char *r;
    if (n <= max)
        return xstrdup(s);
    while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
        max--;
    r = xmalloc(max + 4);
    memcpy(r, s, max);
    memcpy(r + max, "...", 4);
    return r;
}

/* A drill shows no feedback while it runs, so its end screen (and the
** saved card) reviews every item: the question's first line, the answer
** given, and for a miss the ideas missing and the model answer. */
static void review_items(Drill *d)
{
    dl_add(d, MD_TEXT, "", 0);
    dl_line(d, MD_STRONG, "Review");
    for (int i = 0; i < d->n; i++) {
        Item *it = &d->items[i];
        GradeExercise *ex = it->ex;
        int passed = it->answer && it->graded && !it->v.error &&
                     it->v.passed;
        const char *p = ex->prompt ? ex->prompt : "";
        char *first = xstrndup(p, strcspn(p, "\n")), *c;
        dl_add(d, MD_TEXT, "", 0);
        dl_line(d, passed ? MD_TEXT : MD_STRONG, "  %d%c %s  %s", it->qno,
                it->followup_here ? '+' : '.', ex->id,
                !it->answer ? "unanswered"
                : it->v.error ? "error"
                : passed ? "pass"
                         : "miss");
        c = clip(first, 300);
        dl_wrap(d, UI_DIM, 5, c);
        free(c);
        free(first);
        if (it->answer) {
            dl_line(d, MD_TEXT, "     Your answer:");
            c = clip(it->answer, 400);
            dl_wrap(d, MD_CODEBLOCK, 7, c);
            free(c);
        }
        if (passed)
            continue;
        if (it->graded && !it->v.error && it->v.missing.n) {
            Buf m = {0};
            buf_adds(&m, "Missing: ");
            for (int k = 0; k < it->v.missing.n; k++) {
                buf_adds(&m, k ? "; " : "");
                buf_adds(&m, it->v.missing.v[k]);
            }
            dl_wrap(d, MD_TEXT, 5, m.data);
            buf_free(&m);
        }
        if (ex->solution) {
            dl_line(d, MD_TEXT, "     Model answer:");
            c = clip(ex->solution, 600);
            dl_wrap(d, MD_QUOTE, 7, c);
            free(c);
        }
    }
}

static void build_end(Drill *d)
{
    double score;
    int correct, answered, interview = strcmp(d->mode, "interview") == 0;
    int mins = (int)d->elapsed_end / 60, secs = (int)d->elapsed_end % 60;
    TopicScore *t;
    int nt = topic_scores(d, &t), best = -1, worst = -1, idw = 8;
    char b[256];

    totals(d, &score, &correct, &answered);
    dl_line(d, MD_H1, "%s%s%s", interview ? "Scorecard" : "Results",
            d->title ? ": " : "", d->title ? d->title : "");
    dl_add(d, MD_TEXT, "", 0);
    if (interview)
        dl_line(d, MD_STRONG, "Overall: %s  (%.0f%%, %d of %d passed)",
                score >= 0.75   ? "strong hire"
                : score >= 0.55 ? "hire"
                : score >= 0.35 ? "borderline"
                                : "not yet",
                score * 100, correct, d->n);
    if (interview && d->n > d->nmain)
        dl_line(d, MD_TEXT, "%d questions and %d follow-up%s, each "
                            "counted alike",
                d->nmain, d->n - d->nmain, d->n - d->nmain == 1 ? "" : "s");
    if (!interview)
        dl_line(d, MD_STRONG, "Score %d/%d (%.0f%%)", correct, d->n,
                score * 100);
    dl_line(d, MD_TEXT, "Time %d:%02d%s   answered %d of %d", mins, secs,
            d->limit && d->elapsed_end >= (double)d->limit ? " (time up)"
                                                           : "",
            answered, d->n);
    if (d->session_id <= 0) {
        Progress *p = progress_shared();
        dl_line(d, UI_ERROR, "%s", progress_problem(p)
                                       ? progress_problem(p)
                                       : "this session was not saved");
    }
    if (interview) {
        dl_add(d, MD_TEXT, "", 0);
        dl_line(d, MD_STRONG, "By topic");
        for (int k = 0; k < nt; k++) {
            double f = t[k].sum / t[k].n;
            char bar[128];
            bar_text(bar, sizeof bar, f, 16);
            snprintf(b, sizeof b, "  %-28.28s %s %3.0f%%", t[k].topic, bar,
                     f * 100);
            dl_add(d, MD_TEXT, b, (int)strlen(b));
            if (best < 0 || f > t[best].sum / t[best].n)
                best = k;
            if (worst < 0 || f < t[worst].sum / t[worst].n)
                worst = k;
        }
        if (nt > 1 && t[best].sum / t[best].n > t[worst].sum / t[worst].n) {
            dl_line(d, MD_TEXT, "Strongest: %s", t[best].topic);
            dl_line(d, MD_TEXT, "Weakest:   %s", t[worst].topic);
        } else if (nt > 1) {
            dl_line(d, MD_TEXT, "Strongest: none, Weakest: none (every "
                                "topic scored the same)");
        }
        dl_add(d, MD_TEXT, "", 0);
        dl_line(d, MD_STRONG, "Lessons to revisit");
        {
            int any = 0;
            for (int k = 0; k < nt; k++) {
                const Lesson *l;
                if (t[k].sum / t[k].n >= 0.6 ||
                    !(l = lesson_for(d->content, t[k].topic)))
                    continue;
                dl_line(d, MD_TEXT, "  %s  (%s)", l->title, l->id);
                any = 1;
            }
            if (!any)
                dl_line(d, MD_TEXT, "  none: every topic at 60%% or more");
        }
    }
    dl_add(d, MD_TEXT, "", 0);
    dl_line(d, MD_STRONG, "%s", interview ? "Time per question"
                                          : "Per item");
    for (int i = 0; i < d->n; i++) {
        int k = (int)strlen(d->items[i].ex->id);
        idw = k > idw ? k : idw;
    }
    if (idw > d->cols - 34)
        idw = d->cols - 34 > 10 ? d->cols - 34 : 10;
    for (int i = 0; i < d->n; i++) {
        Item *it = &d->items[i];
        const char *res = !it->answer  ? "unanswered"
                          : it->v.error ? "error"
                          : it->v.passed ? "pass"
                                         : "miss";
        char no[16];
        /* a follow-up hangs under its question: "2." then "2+" */
        snprintf(no, sizeof no, "%2d%c", it->qno,
                 it->followup_here ? '+' : '.');
        snprintf(b, sizeof b, "  %s %-*.*s %-10s %3.0f%%  %4.0fs", no, idw,
                 idw, it->ex->id, res,
                 it->graded ? it->v.score * 100 : 0.0, it->seconds);
        dl_add(d, it->answer && it->v.passed ? MD_TEXT : UI_DIM, b,
               (int)strlen(b));
    }
    if (!d->saving) {
        dl_add(d, MD_TEXT, "", 0);
        dl_line(d, UI_DIM, "Enter or Esc to leave%s",
                interview ? "" : "   j/k scroll to the review of each item");
    }
    if (!interview)
        review_items(d);
    free(t);
}

static void rebuild(Drill *d)
{
    int top = d->top;
    dl_clear(d);
    if (d->state == S_QUESTION)
        build_question(d);
    else if (d->state == S_FEEDBACK)
        build_feedback(d);
    else
        build_end(d);
    d->top = top;
    d->dirty = 0;
}

/* ------------------------------------------------------------------ */
/* Recording */

static const char *attempt_mode(const Drill *d)
{
    return d->mode;
}

static void record(Drill *d, Item *it)
{
    ProgressAttempt a = {0};
    Progress *p = progress_shared();

    a.exercise_id = it->ex->id;
    a.topic = it->ex->topic;
    a.kind = grade_kind_name(it->ex->kind);
    a.answer = it->answer;
    a.score = it->graded && !it->v.error ? it->v.score : 0;
    a.passed = it->graded && !it->v.error && it->v.passed;
    a.hints = it->hints;
    a.seconds = it->seconds;
    a.mode = attempt_mode(d);
    a.session_id = d->session_id > 0 ? d->session_id : 0;
    if (progress_record_attempt(p, &a) < 0)
        snprintf(d->note, sizeof d->note, "%s",
                 progress_problem(p) ? progress_problem(p) : "not saved");
}

static void finish(Drill *d)
{
    double score;
    int correct, answered;
    TopicScore *t;
    int nt;
    Json j = {0};

    if (d->state == S_END) /* the clock may end it during a prompt */
        return;
    d->elapsed_end = (double)(progress_now() - d->started);
    if (d->limit && d->elapsed_end > (double)d->limit)
        d->elapsed_end = (double)d->limit;
    /* what was never answered is recorded as such (not for review) */
    if (strcmp(d->mode, "review") != 0)
        for (int i = d->cur; i < d->n; i++)
            if (!d->items[i].graded && !d->items[i].answer)
                record(d, &d->items[i]);
    totals(d, &score, &correct, &answered);
    nt = topic_scores(d, &t);
    json_begin_object(&j);
    json_key(&j, "mode");
    json_string(&j, d->mode);
    json_key(&j, "seconds");
    json_number(&j, d->elapsed_end);
    json_key(&j, "answered");
    json_int(&j, answered);
    json_key(&j, "topics");
    json_begin_object(&j);
    for (int k = 0; k < nt; k++) {
        json_key(&j, t[k].topic);
        json_number(&j, t[k].sum / t[k].n);
    }
    json_end_object(&j);
    json_key(&j, "items");
    json_begin_array(&j);
    for (int i = 0; i < d->n; i++) {
        Item *it = &d->items[i];
        json_begin_object(&j);
        json_key(&j, "id");
        json_string(&j, it->ex->id);
        json_key(&j, "topic");
        json_string(&j, it->ex->topic ? it->ex->topic : "");
        json_key(&j, "answered");
        json_bool(&j, it->answer != NULL);
        json_key(&j, "score");
        json_number(&j, it->graded && !it->v.error ? it->v.score : 0);
        json_key(&j, "passed");
        json_bool(&j, it->graded && !it->v.error && it->v.passed);
        json_key(&j, "seconds");
        json_number(&j, it->seconds);
        if (it->followup_here) {
            json_key(&j, "followup_of");
            json_string(&j, it->parent->id);
        }
        json_end_object(&j);
    }
    json_end_array(&j);
    {
        /* the end screen as shown, at 80 columns, for `--last` */
        Buf card = {0};
        int cols = d->cols, st = d->state;
        d->cols = 80;
        d->state = S_END;
        d->saving = 1;
        rebuild(d);
        d->saving = 0;
        for (int i = 0; i < d->nlines; i++) {
            buf_adds(&card, d->lines[i].text);
            buf_addc(&card, '\n');
        }
        d->cols = cols;
        d->state = st;
        json_key(&j, "card");
        json_string(&j, card.data ? card.data : "");
        buf_free(&card);
    }
    json_end_object(&j);
    if (d->session_id > 0)
        progress_session_finish(progress_shared(), d->session_id, score,
                                correct, j.out.data);
    buf_free(&j.out);
    free(t);
    d->state = S_END;
    d->top = 0;
    d->dirty = 1;
}

/* ------------------------------------------------------------------ */
/* Answering */

static void set_order(Drill *d, Item *it)
{
    GradeExercise *ex = it->ex;
    if (ex->kind != GRADE_PARSONS)
        return;
    it->norder = ex->nlines + ex->ndistractors;
    it->order = xmalloc((size_t)(it->norder + 1) * sizeof *it->order);
    grade_shuffle(d->seed ^ (uint64_t)(d->cur + 1) * 0x9e3779b97f4a7c15ull,
                  it->order, it->norder);
}

/* Multi-line answers (output, fill, parsons numbers) take several prompt
** lines; an empty line ends them. Returns NULL when cancelled. */
static char *read_answer(Drill *d, Item *it)
{
    GradeExercise *ex = it->ex;
    int multi = ex->kind == GRADE_OUTPUT || ex->kind == GRADE_FILL ||
                ex->kind == GRADE_NUMPY;
    Buf ans = {0};
    char line[1024];
    int nl = 0;

    buf_adds(&ans, "");
    for (;;) {
        char label[64];
        line[0] = '\0';
        if (multi)
            snprintf(label, sizeof label, "line %d (empty: done)> ", nl + 1);
        else
            snprintf(label, sizeof label, "%s> ",
                     ex->kind == GRADE_CHOICE  ? "letters"
                     : ex->kind == GRADE_BUG   ? "LINE: why"
                     : ex->kind == GRADE_PARSONS ? "order"
                                               : "answer");
        if (!ui_prompt(label, line, sizeof line)) {
            buf_free(&ans);
            return NULL;
        }
        if (!multi || !line[0]) {
            if (!multi)
                buf_adds(&ans, line);
            break;
        }
        if (nl++)
            buf_addc(&ans, '\n');
        buf_adds(&ans, line);
    }
    if (!ans.data[strspn(ans.data, " \t\n")]) {
        /* nothing typed: not an answer (s skips) */
        buf_free(&ans);
        return NULL;
    }
    if (ex->kind == GRADE_PARSONS) {
        /* "3 1 2" -> those lines, in that order */
        Buf code = {0};
        char *s = ans.data, *end;
        buf_adds(&code, "");
        for (;;) {
            long k = strtol(s, &end, 10);
            if (end == s)
                break;
            if (k >= 1 && k <= it->norder) {
                int o = it->order[k - 1];
                if (code.len)
                    buf_addc(&code, '\n');
                buf_adds(&code, o < ex->nlines
                                    ? ex->lines[o]
                                    : ex->distractors[o - ex->nlines]);
            }
            s = end;
            while (*s == ' ' || *s == ',')
                s++;
        }
        buf_free(&ans);
        return code.data;
    }
    return ans.data;
}

static void answer(Drill *d)
{
    Item *it = &d->items[d->cur];
    GradeContext ctx = {0};
    char *a = read_answer(d, it);

    if (!a)
        return;
    it->seconds = (double)(progress_now() - d->q_started);
    if (d->limit && progress_now() - d->started >= d->limit) {
        /* too late: time ran out while typing */
        free(a);
        finish(d);
        return;
    }
    it->answer = a;
    ctx.seed = d->seed;
    ctx.hints_used = it->hints;
    ctx.attempt = 1;
    grade_answer(it->ex, a, &ctx, &it->v);
    it->graded = 1;
    if (!it->v.error) /* a broken exercise is not the learner's miss */
        record(d, it);
    if (strcmp(d->mode, "drill") == 0) {
        d->cur++;
        d->q_started = progress_now();
        if (d->cur == d->n)
            finish(d);
        else
            set_order(d, &d->items[d->cur]);
    } else {
        d->state = S_FEEDBACK;
    }
    d->top = 0;
    d->dirty = 1;
}

static void next(Drill *d)
{
    d->cur++;
    d->q_started = progress_now();
    d->top = 0;
    if (d->cur >= d->n) {
        finish(d);
        return;
    }
    set_order(d, &d->items[d->cur]);
    d->state = S_QUESTION;
    d->dirty = 1;
}

/* ------------------------------------------------------------------ */
/* The screen */

/* The session row and the clock start when the screen first shows, so a
** terminal that cannot start leaves no half-made session behind. */
static void begin(Drill *d)
{
    d->begun = 1;
    d->started = d->q_started = progress_now();
    if (strcmp(d->mode, "review") != 0) {
        ProgressSession ps = {0};
        ps.mode = d->mode;
        ps.title = d->title;
        ps.level = d->level;
        ps.seed = (int64_t)d->seed;
        ps.minutes = (int)(d->minutes + 0.999);
        ps.nitems = d->n;
        d->session_id = progress_session_begin(progress_shared(), &ps);
    }
    if (progress_problem(progress_shared()))
        snprintf(d->note, sizeof d->note, "%s",
                 progress_problem(progress_shared()));
}

static void drill_draw(Screen *s, int rows, int cols)
{
    Drill *d = s->data;
    char right[64], left[256];
    int64_t now;
    const char *msg;

    if (!d->begun)
        begin(d);
    now = progress_now();
    if (d->state != S_END && d->limit && now - d->started >= d->limit)
        finish(d);
    if (d->dirty || cols != d->cols) {
        d->cols = cols;
        rebuild(d);
    }
    if (d->state == S_END)
        snprintf(right, sizeof right, "done");
    else if (d->limit) {
        int64_t left_s = d->limit - (now - d->started);
        snprintf(right, sizeof right, "%d%s/%d  %lld:%02lld left",
                 d->items[d->cur].qno,
                 d->items[d->cur].followup_here ? "+" : "", d->nmain,
                 (long long)(left_s / 60), (long long)(left_s % 60));
    } else {
        int64_t q = now - d->q_started;
        snprintf(right, sizeof right, "%d%s/%d  %lld:%02lld",
                 d->items[d->cur].qno,
                 d->items[d->cur].followup_here ? "+" : "", d->nmain,
                 (long long)(q / 60), (long long)(q % 60));
    }
    snprintf(left, sizeof left, "pyprep \xc2\xb7 %s%s%s", d->mode,
             d->title ? ": " : "", d->title ? d->title : "");
    ui_bar(0, UI_TITLE, left, NULL);
    d->body = rows - 2;
    if (d->top > d->nlines - d->body)
        d->top = d->nlines - d->body;
    if (d->top < 0)
        d->top = 0;
    for (int y = 0; y < d->body && d->top + y < d->nlines; y++) {
        DLine *l = &d->lines[d->top + y];
        ui_text(y + 1, 1, l->text, (int)strlen(l->text), l->style, cols - 2);
    }
    msg = ui_take_message();
    ui_bar(rows - 1, UI_STATUS, msg ? msg : d->note, right);
}

static int drill_key(Screen *s, Action act, int key)
{
    Drill *d = s->data;

    switch (act) {
    case ACT_UP:
    case ACT_SCROLL_UP:
        d->top--;
        return 0;
    case ACT_DOWN:
    case ACT_SCROLL_DOWN:
        d->top++;
        return 0;
    case ACT_PAGE_UP:
        d->top -= d->body - 1;
        return 0;
    case ACT_PAGE_DOWN:
        d->top += d->body - 1;
        return 0;
    default:
        break;
    }
    if (d->state == S_END)
        return act == ACT_OPEN || act == ACT_BACK ? UI_POP : 0;
    if (act == ACT_BACK) {
        /* end early: the rest count as unanswered */
        finish(d);
        return 0;
    }
    if (d->state == S_FEEDBACK) {
        if (act == ACT_OPEN || key == ' ')
            next(d);
        return 0;
    }
    if (act == ACT_OPEN || key == 'a') {
        answer(d);
    } else if (key == 'i') {
        Item *it = &d->items[d->cur];
        if (it->hints < it->ex->nhints) {
            it->hints++;
            d->dirty = 1;
        } else {
            ui_message("no more hints");
        }
    } else if (key == 's') {
        Item *it = &d->items[d->cur];
        it->seconds = (double)(progress_now() - d->q_started);
        if (strcmp(d->mode, "review") != 0) {
            record(d, it);
            it->graded = 1; /* recorded; not an answer */
        }
        if (strcmp(d->mode, "drill") == 0)
            next(d);
        else {
            d->state = S_FEEDBACK;
            d->dirty = 1;
        }
    }
    return 0;
}

static void drill_free(Screen *s)
{
    Drill *d = s->data;
    for (int i = 0; i < d->n; i++) {
        free(d->items[i].answer);
        free(d->items[i].order);
        if (d->items[i].graded && d->items[i].answer)
            grade_verdict_free(&d->items[i].v);
    }
    free(d->items);
    dl_clear(d);
    if (d->set)
        exercises_free(d->set);
    free(d->mode);
    free(d->title);
    free(d->level);
    free(d);
    free(s);
}

Screen *screen_drill_new(void *content, const DrillSpec *sp, char *err,
                         size_t errlen)
{
    Content *c = content;
    Drill *d;
    Screen *s;
    GradeExercise **sel;
    ExerciseSet *set;
    int n;

    set = exercises_load(&c->root, 1, c);
    n = drill_select(set, sp, &sel, err, errlen);
    if (n <= 0) {
        exercises_free(set);
        return NULL;
    }
    d = xcalloc(1, sizeof *d);
    d->content = c;
    d->set = set;
    d->mode = xstrdup(sp->mode);
    d->title = sp->title ? xstrdup(sp->title) : NULL;
    d->level = sp->level ? xstrdup(sp->level) : NULL;
    d->seed = sp->seed;
    d->limit = (int64_t)(sp->minutes * 60 + 0.5);
    d->n = n;
    d->items = xcalloc((size_t)n, sizeof *d->items);
    for (int i = 0; i < n; i++) {
        Item *it = &d->items[i];
        it->ex = sel[i];
        it->parent = exercises_parent(set, sel[i]);
        it->followup_here = i > 0 && it->parent == sel[i - 1];
        it->qno = it->followup_here ? d->items[i - 1].qno : ++d->nmain;
    }
    free(sel);
    d->started = d->q_started = progress_now();
    set_order(d, &d->items[0]);
    d->minutes = sp->minutes;
    d->dirty = 1;
    s = xcalloc(1, sizeof *s);
    s->name = "drill";
    s->draw = drill_draw;
    s->key = drill_key;
    s->free = drill_free;
    s->data = d;
    return s;
}
