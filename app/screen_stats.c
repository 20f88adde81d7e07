/*
** screen_stats.c - the stats screen: what the learner has done and knows.
**
** Figures come from the progress store once, when the screen opens. Every
** graphic has a text form that reads without colour: bars are filled and
** empty cells with the percentage beside them, the sparkline and the heat
** map use block shades (ASCII ramps when the locale is not UTF-8), and
** the heat map's legend says what each shade means.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "content.h"
#include "progress.h"
#include "ui.h"
#include "util.h"

#define SPARK_DAYS 28
#define HEAT_WEEKS 6
#define DUE_DAYS 14

typedef struct {
    char text[160];
    int style;
    double bar; /* < 0: no bar */
    int indent;
} StatLine;

typedef struct {
    StatLine *lines;
    int nlines, top, body;
    int due, streak, total, passed;
    int att[HEAT_WEEKS * 7], pass[HEAT_WEEKS * 7], ahead[DUE_DAYS];
    char problem[200];
} Stats;

static void add(Stats *st, int style, double bar, int indent,
                const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void add(Stats *st, int style, double bar, int indent,
                const char *fmt, ...)
{
    va_list ap;
    StatLine *l;
    st->lines = xrealloc(st->lines, (size_t)(st->nlines + 1) * sizeof *l);
    l = &st->lines[st->nlines++];
    va_start(ap, fmt);
    vsnprintf(l->text, sizeof l->text, fmt, ap);
    va_end(ap);
    l->style = style;
    l->bar = bar;
    l->indent = indent;
}

/* The chapter a topic belongs to: the first lesson that lists it. */
static const Chapter *topic_chapter(const Content *c, const char *topic)
{
    for (int i = 0; i < c->nchapters; i++)
        for (int k = 0; k < c->chapters[i].nlessons; k++) {
            const Lesson *l = &c->chapters[i].lessons[k];
            for (int t = 0; t < l->ntopics; t++)
                if (strcmp(l->topics[t], topic) == 0)
                    return &c->chapters[i];
        }
    return NULL;
}

static void build_mastery(Stats *st, const Content *c, ProgressTopic *t,
                          int nt)
{
    char *used = xcalloc((size_t)nt + 1, 1);

    for (int i = 0; c && i <= c->nchapters; i++) {
        const Chapter *ch = i < c->nchapters ? &c->chapters[i] : NULL;
        double sum = 0;
        int ex = 0, att = 0, first = st->nlines;
        for (int k = 0; k < nt; k++) {
            if (used[k] || topic_chapter(c, t[k].topic) != ch)
                continue;
            used[k] = 1;
            sum += t[k].mastery * t[k].exercises;
            ex += t[k].exercises;
            att += t[k].attempts;
        }
        if (ex == 0)
            continue;
        add(st, MD_H2, sum / ex, 0, "%s", ch ? ch->title : "Other topics");
        (void)first;
        for (int k = 0; k < nt; k++)
            if (topic_chapter(c, t[k].topic) == ch)
                add(st, MD_TEXT, t[k].mastery, 2, "%s  %d/%d passed",
                    t[k].topic[0] ? t[k].topic : "(no topic)", t[k].passed,
                    t[k].attempts);
        (void)att;
    }
    free(used);
}

/* Keep the last RECENT finished sessions (rows are borrowed per call). */
#define RECENT 5
typedef struct {
    char line[RECENT][160];
    int n;
} Recent;

static int recent_session(const ProgressSessionRow *r, void *ud)
{
    Recent *rc = ud;
    char day[32];
    time_t t = (time_t)r->started;
    struct tm tm;

    if (r->score < 0)
        return 0;
    localtime_r(&t, &tm);
    strftime(day, sizeof day, "%Y-%m-%d", &tm);
    if (rc->n == RECENT) {
        memmove(rc->line[0], rc->line[1], sizeof rc->line[0] * (RECENT - 1));
        rc->n--;
    }
    snprintf(rc->line[rc->n++], sizeof rc->line[0],
             "#%lld %s %-9s %-26.26s %d/%d", (long long)r->id, day, r->mode,
             r->title ? r->title : "", r->ncorrect, r->nitems);
    return 0;
}

static void stats_load(Stats *st, const Content *c)
{
    Progress *p = progress_shared();
    ProgressTopic *t;
    int nt;

    st->due = progress_due_count(p, 0);
    st->streak = progress_streak(p);
    progress_daily(p, HEAT_WEEKS * 7, st->att, st->pass);
    progress_due_by_day(p, DUE_DAYS, st->ahead);
    nt = progress_topics(p, &t);
    for (int i = 0; i < nt; i++) {
        st->total += t[i].attempts;
        st->passed += t[i].passed;
    }
    if (progress_problem(p))
        snprintf(st->problem, sizeof st->problem, "%s", progress_problem(p));
    if (nt > 0)
        build_mastery(st, c, t, nt);
    else
        add(st, UI_DIM, -1, 0,
            "No answers yet: open a lesson and press x for its exercises.");
    progress_topics_free(t, nt > 0 ? nt : 0);
    {
        Recent rc = {0};
        progress_each_session(p, 0, NULL, recent_session, &rc);
        if (rc.n > 0) {
            add(st, MD_TEXT, -1, 0, "%s", "");
            add(st, MD_H2, -1, 0, "Recent drills and interviews "
                                  "(pyprep interview --show ID)");
            for (int i = rc.n - 1; i >= 0; i--)
                add(st, MD_TEXT, -1, 2, "%s", rc.line[i]);
        }
    }
}

/* Shade for v in 0..max: 5 levels, ' '/'.' for none. */
static const char *shade(int v, int max)
{
    static const char *const u[] = {"\xc2\xb7", "\xe2\x96\x91",
                                    "\xe2\x96\x92", "\xe2\x96\x93",
                                    "\xe2\x96\x88"};
    static const char *const a[] = {".", ":", "+", "#", "@"};
    int lvl = v <= 0 ? 0 : max <= 1 ? 4 : 1 + (3 * (v - 1)) / (max - 1);
    if (lvl > 4)
        lvl = 4;
    return ui_ascii() ? a[lvl] : u[lvl];
}

static const char *spark(int v, int max)
{
    static const char *const u[] = {
        " ", "\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83", "\xe2\x96\x84",
        "\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88"};
    static const char *const a[] = {" ", ".", ",", "-", "~",
                                    "=", "+", "*", "#"};
    int lvl = v <= 0 || max <= 0 ? 0 : 1 + (7 * v) / max;
    if (lvl > 8)
        lvl = 8;
    return ui_ascii() ? a[lvl] : u[lvl];
}

static void bar(int y, int x, int w, double f)
{
    const char *full = ui_ascii() ? "#" : "\xe2\x96\x88";
    const char *empty = ui_ascii() ? "." : "\xe2\x96\x91";
    int n = (int)(f * w + 0.5);
    for (int i = 0; i < w; i++) {
        const char *g = i < n ? full : empty;
        ui_text(y, x + i, g, (int)strlen(g), i < n ? UI_BEGINNER : UI_DIM, 1);
    }
}

static int put(int y, int x, int style, int maxw, const char *s)
{
    return ui_text(y, x, s, (int)strlen(s), style, maxw);
}

static void stats_draw(Screen *s, int rows, int cols)
{
    Stats *st = s->data;
    char b[200];
    int y = 1, maxa = 0, acc, x;
    static const char *const days = "MoTuWeThFrSaSu";

    ui_bar(0, UI_TITLE, "pyprep \xc2\xb7 stats", "? help  Esc back");
    acc = st->total ? 100 * st->passed / st->total : 0;
    snprintf(b, sizeof b, "Due now %d   Streak %d day%s   Attempts %d   "
                          "Accuracy %d%%",
             st->due, st->streak, st->streak == 1 ? "" : "s", st->total, acc);
    put(y++, 1, MD_STRONG, cols - 2, b);

    /* sparklines: attempts per day and accuracy per day, last 4 weeks */
    for (int i = 0; i < SPARK_DAYS; i++) {
        int a = st->att[HEAT_WEEKS * 7 - SPARK_DAYS + i];
        maxa = a > maxa ? a : maxa;
    }
    x = put(++y, 1, MD_TEXT, 20, "Attempts, 28 days ") + 1;
    for (int i = 0; i < SPARK_DAYS && x + i < cols - 8; i++) {
        const char *g = spark(st->att[HEAT_WEEKS * 7 - SPARK_DAYS + i], maxa);
        ui_text(y, x + i, g, (int)strlen(g), UI_INTERMEDIATE, 1);
    }
    snprintf(b, sizeof b, " max %d", maxa);
    put(y, x + SPARK_DAYS, UI_DIM, cols - x - SPARK_DAYS - 1, b);
    x = put(++y, 1, MD_TEXT, 20, "Accuracy, 28 days ") + 1;
    for (int i = 0; i < SPARK_DAYS && x + i < cols - 8; i++) {
        int k = HEAT_WEEKS * 7 - SPARK_DAYS + i;
        const char *g = st->att[k] ? spark(st->pass[k], st->att[k])
                                   : (ui_ascii() ? " " : " ");
        if (st->att[k] && st->pass[k] == 0)
            g = "_";
        ui_text(y, x + i, g, (int)strlen(g), UI_BEGINNER, 1);
    }
    put(y, x + SPARK_DAYS, UI_DIM, cols - x - SPARK_DAYS - 1, " 0-100%");

    /* heat map: one row per weekday, one column per week (oldest left) */
    y += 2;
    if (rows > 22) {
        int maxd = 0, start;
        time_t now = (time_t)progress_now();
        struct tm tm;
        localtime_r(&now, &tm);
        /* column of today is the last; row of today is its weekday */
        start = HEAT_WEEKS * 7 - 1 - ((tm.tm_wday + 6) % 7) -
                7 * (HEAT_WEEKS - 1);
        for (int i = 0; i < HEAT_WEEKS * 7; i++)
            maxd = st->att[i] > maxd ? st->att[i] : maxd;
        put(y, 1, MD_TEXT, cols - 2, "Activity, last 6 weeks");
        put(y, 30, MD_TEXT, cols - 31, "Reviews due, next 14 days");
        for (int d = 0; d < 7; d++) {
            snprintf(b, sizeof b, "%.2s", days + 2 * d);
            put(y + 1 + d, 3, UI_DIM, 2, b);
            for (int w = 0; w < HEAT_WEEKS; w++) {
                int k = start + 7 * w + d;
                const char *g = k < 0 || k >= HEAT_WEEKS * 7
                                    ? " "
                                    : shade(st->att[k], maxd);
                ui_text(y + 1 + d, 6 + 2 * w, g, (int)strlen(g),
                        UI_BEGINNER, 1);
            }
        }
        snprintf(b, sizeof b, "%s none  %s most (%d)", shade(0, 1),
                 shade(maxd, maxd), maxd);
        put(y + 8, 3, UI_DIM, 26, b);
        for (int i = 0; i < DUE_DAYS && i < 7 && 30 + 18 < cols; i++) {
            /* one label column (9 wide) for today, tomorrow, the days
            ** and "next week", so the counts line up */
            char day[16] = "";
            if (i > 1) {
                time_t t = now + (time_t)i * 86400;
                struct tm dt;
                localtime_r(&t, &dt);
                strftime(day, sizeof day, "%a %d", &dt);
            }
            snprintf(b, sizeof b, "%-9s %3d",
                     i == 0 ? "today" : i == 1 ? "tomorrow" : day,
                     st->ahead[i]);
            put(y + 1 + i, 32, MD_TEXT, cols - 33, b);
        }
        {
            int later = 0;
            for (int i = 7; i < DUE_DAYS; i++)
                later += st->ahead[i];
            snprintf(b, sizeof b, "%-9s %3d", "next week", later);
            if (30 + 18 < cols)
                put(y + 8, 32, UI_DIM, cols - 33, b);
        }
        y += 10;
    }

    put(y++, 1, MD_STRONG, cols - 2, "Mastery (latest score per exercise)");
    st->body = rows - 1 - y;
    if (st->top > st->nlines - st->body)
        st->top = st->nlines - st->body;
    if (st->top < 0)
        st->top = 0;
    for (int i = st->top; i < st->nlines && y < rows - 1; i++, y++) {
        StatLine *l = &st->lines[i];
        int bw = cols >= 70 ? 20 : 10, tx = 1 + l->indent;
        int tw = cols - tx - bw - 8;
        put(y, tx, l->style, tw, l->text);
        if (l->bar >= 0) {
            bar(y, cols - bw - 7, bw, l->bar);
            snprintf(b, sizeof b, "%3.0f%%", l->bar * 100);
            put(y, cols - 5, l->style, 4, b);
        }
    }
    ui_bar(rows - 1, UI_STATUS,
           ui_take_message() ? ui_take_message()
           : st->problem[0]  ? st->problem
                             : "j/k scroll the mastery list",
           NULL);
}

static int stats_key(Screen *s, Action act, int key)
{
    Stats *st = s->data;
    (void)key;
    switch (act) {
    case ACT_BACK:
        return UI_POP;
    case ACT_UP:
    case ACT_SCROLL_UP:
        st->top--;
        break;
    case ACT_DOWN:
    case ACT_SCROLL_DOWN:
        st->top++;
        break;
    case ACT_PAGE_UP:
        st->top -= st->body > 1 ? st->body - 1 : 1;
        break;
    case ACT_PAGE_DOWN:
        st->top += st->body > 1 ? st->body - 1 : 1;
        break;
    case ACT_TOP:
        st->top = 0;
        break;
    case ACT_BOTTOM:
        st->top = st->nlines;
        break;
    default:
        break;
    }
    if (st->top < 0)
        st->top = 0;
    return 0;
}

static void stats_free(Screen *s)
{
    Stats *st = s->data;
    free(st->lines);
    free(st);
    free(s);
}

Screen *screen_stats_new(void *content)
{
    Screen *s = xcalloc(1, sizeof *s);
    Stats *st = xcalloc(1, sizeof *st);

    stats_load(st, content);
    s->name = "stats";
    s->draw = stats_draw;
    s->key = stats_key;
    s->free = stats_free;
    s->data = st;
    return s;
}
