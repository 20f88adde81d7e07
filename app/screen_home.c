/*
** screen_home.c - the home screen: chapters and their lessons.
**
** Rows are chapter headings and lessons; the cursor moves over lessons
** only. Broken lessons stay visible, dimmed, and their error shows in the
** status bar when selected. The right column is reserved for progress.
*/
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "progress.h"
#include "ui.h"
#include "util.h"

typedef struct {
    Chapter *chapter; /* heading row when lesson is NULL */
    Lesson *lesson;
    double read;      /* furthest fraction read, from the progress store */
} Row;

typedef struct {
    Content *content;
    Row *rows;
    int nrows;
    int sel; /* row index of the selected lesson */
    int top;
    int rows_visible;
    int due; /* exercises due for review */
} Home;

/* Reread what the progress store knows; called whenever home is shown
** again (the frame calls resize when a screen above it closes). */
static void refresh_progress(Home *h)
{
    Progress *p = progress_shared();
    for (int i = 0; i < h->nrows; i++)
        if (h->rows[i].lesson && !h->rows[i].lesson->error)
            h->rows[i].read =
                progress_lesson_fraction(p, h->rows[i].lesson->id);
    h->due = progress_due_count(p, 0);
}

static int level_style(Level l)
{
    return l == LEVEL_BEGINNER       ? UI_BEGINNER
           : l == LEVEL_INTERMEDIATE ? UI_INTERMEDIATE
                                     : UI_ADVANCED;
}

static void home_draw(Screen *s, int rows, int cols)
{
    Home *h = s->data;
    char right[64];
    int body = rows - 2, total = 0;
    const char *msg;

    for (int i = 0; i < h->content->nchapters; i++)
        total += h->content->chapters[i].nlessons;
    if (h->due > 0)
        snprintf(right, sizeof right, "%d due  r review  ? help  q quit",
                 h->due);
    else
        snprintf(right, sizeof right, "%d lessons  ? help  q quit", total);
    ui_bar(0, UI_TITLE, "pyprep \xc2\xb7 Python interview trainer", right);
    h->rows_visible = body;
    if (h->sel < h->top)
        h->top = h->sel;
    /* keep a chapter heading visible above its first lesson */
    if (h->sel > 0 && h->top == h->sel && h->rows[h->sel - 1].lesson == NULL)
        h->top = h->sel - 1;
    if (h->sel >= h->top + body)
        h->top = h->sel - body + 1;
    for (int y = 0; y < body && h->top + y < h->nrows; y++) {
        Row *r = &h->rows[h->top + y];
        int row = y + 1;
        if (!r->lesson) {
            ui_text(row, 1, r->chapter->title, (int)strlen(r->chapter->title),
                    MD_H2, cols - 2);
            continue;
        }
        if (h->top + y == h->sel)
            ui_fill_line(row, UI_SELECT);
        {
            Lesson *l = r->lesson;
            int sel = h->top + y == h->sel;
            const char *badge = l->error ? "unavailable"
                                         : level_name(l->level);
            int bw = 13, pw = 6, tw = cols - 4 - bw - pw - 1;
            char read[16] = "";
            if (r->read >= 0.95)
                snprintf(read, sizeof read, "%s",
                         ui_ascii() ? "read" : "\xe2\x9c\x93 read");
            else if (r->read > 0)
                snprintf(read, sizeof read, "%3d%%", (int)(r->read * 100));
            ui_text(row, 3, l->title, (int)strlen(l->title),
                    sel ? UI_SELECT : l->error ? UI_DIM : MD_TEXT, tw);
            if (cols > 50 && read[0])
                ui_text(row, cols - bw - pw - 1, read, (int)strlen(read),
                        sel ? UI_SELECT : UI_DIM, pw);
            if (cols > 50)
                ui_text(row, cols - bw - 1, badge, (int)strlen(badge),
                        sel ? UI_SELECT
                            : l->error ? UI_ERROR : level_style(l->level),
                        bw);
        }
    }
    msg = ui_take_message();
    if (!msg)
        msg = progress_problem(progress_shared());
    if (!msg && h->sel >= 0 && h->rows[h->sel].lesson &&
        h->rows[h->sel].lesson->error)
        msg = h->rows[h->sel].lesson->error;
    if (!msg && h->sel >= 0 && h->rows[h->sel].lesson)
        msg = h->rows[h->sel].lesson->id;
    ui_bar(rows - 1, UI_STATUS, msg ? msg : "", NULL);
}

static int next_lesson(Home *h, int from, int dir)
{
    for (int i = from + dir; i >= 0 && i < h->nrows; i += dir)
        if (h->rows[i].lesson)
            return i;
    return from;
}

static int home_key(Screen *s, Action act, int key)
{
    Home *h = s->data;
    (void)key;
    if (h->sel < 0)
        return 0;
    switch (act) {
    case ACT_UP:
    case ACT_SCROLL_UP:
        h->sel = next_lesson(h, h->sel, -1);
        if (h->sel == next_lesson(h, -1, 1))
            h->top = 0;
        break;
    case ACT_DOWN:
    case ACT_SCROLL_DOWN:
        h->sel = next_lesson(h, h->sel, 1);
        break;
    case ACT_PAGE_UP:
        for (int i = 0; i < h->rows_visible - 1; i++)
            h->sel = next_lesson(h, h->sel, -1);
        break;
    case ACT_PAGE_DOWN:
        for (int i = 0; i < h->rows_visible - 1; i++)
            h->sel = next_lesson(h, h->sel, 1);
        break;
    case ACT_TOP:
        h->sel = next_lesson(h, -1, 1);
        h->top = 0;
        break;
    case ACT_BOTTOM:
        h->sel = next_lesson(h, h->nrows, -1);
        break;
    case ACT_OPEN: {
        Lesson *l = h->rows[h->sel].lesson;
        if (l->error)
            ui_message("unavailable: %s", l->error);
        else
            ui_push(screen_lesson_new(h->content, l));
        break;
    }
    case ACT_PLAYGROUND:
        ui_push(screen_np_new());
        break;
    case ACT_STATS:
        ui_push(screen_stats_new(h->content));
        break;
    case ACT_REVIEW: {
        Screen *rv = screen_review_new(h->content);
        if (rv)
            ui_push(rv);
        break;
    }
    case ACT_DRILL:
    case ACT_INTERVIEW: {
        static char *ikinds[] = {"explain", "output", "fill", "bug",
                                 "parsons", "numpy"};
        DrillSpec sp = {0};
        char err[256];
        Screen *ds;
        sp.seed = (uint64_t)progress_now();
        if (act == ACT_DRILL) {
            sp.mode = "drill";
            sp.title = "quick drill";
            sp.count = 10;
            sp.minutes = 10;
        } else {
            sp.mode = "interview";
            sp.title = "mock interview";
            sp.level = "mid";
            sp.count = 8;
            sp.minutes = 30;
            sp.kinds = ikinds;
            sp.nkinds = (int)(sizeof ikinds / sizeof ikinds[0]);
        }
        if ((ds = screen_drill_new(h->content, &sp, err, sizeof err)))
            ui_push(ds);
        else
            ui_message("%s", err);
        break;
    }
    case ACT_EXERCISES: {
        Lesson *l = h->rows[h->sel].lesson;
        Screen *ex;
        if (l->error)
            ui_message("unavailable: %s", l->error);
        else if ((ex = screen_exercises_new(h->content, l)) != NULL)
            ui_push(ex);
        break;
    }
    default:
        break;
    }
    return 0;
}

static void home_resize(Screen *s, int rows, int cols)
{
    (void)rows;
    (void)cols;
    refresh_progress(s->data);
}

static void home_free(Screen *s)
{
    Home *h = s->data;
    free(h->rows);
    free(h);
    free(s);
}

Screen *screen_home_new(void *content)
{
    Screen *s = xcalloc(1, sizeof *s);
    Home *h = xcalloc(1, sizeof *h);
    Content *c = content;

    h->content = c;
    for (int i = 0; i < c->nchapters; i++) {
        h->rows = xrealloc(h->rows, (size_t)(h->nrows + 1 +
                                             c->chapters[i].nlessons) *
                                        sizeof(Row));
        h->rows[h->nrows++] = (Row){&c->chapters[i], NULL, 0};
        for (int j = 0; j < c->chapters[i].nlessons; j++)
            h->rows[h->nrows++] =
                (Row){&c->chapters[i], &c->chapters[i].lessons[j], 0};
    }
    h->sel = next_lesson(h, -1, 1);
    if (h->sel >= h->nrows || (h->nrows && !h->rows[h->sel].lesson))
        h->sel = -1;
    if (h->nrows == 0)
        h->sel = -1;
    s->name = "home";
    s->draw = home_draw;
    s->key = home_key;
    s->resize = home_resize;
    s->free = home_free;
    s->data = h;
    return s;
}
