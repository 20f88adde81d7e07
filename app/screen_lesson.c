/*
** screen_lesson.c - the lesson reader: scroll, search, table of contents.
**
** The lesson is laid out for the current width by lesson_render and laid
** out again on every resize, keeping the reader at the same place in the
** text (the same fraction). Search hits are byte ranges on rendered lines,
** recomputed with the layout; the current hit is always brought on screen.
*/
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "find.h"
#include "lesson_view.h"
#include "progress.h"
#include "ui.h"
#include "util.h"

#define MAX_TEXT_WIDTH 96

typedef struct {
    int line, start, end;
} Hit;

typedef struct {
    Lesson *lesson;
    Content *content;
    MdView *view;
    int width;
    int top;
    int body_rows;
    char pattern[256];
    Finder *finder;
    Hit *hits;
    int nhits, cur;
    int toc_open, toc_sel;
    double furthest; /* fraction of the lesson seen so far */
} Reader;

static int max_top(const Reader *r)
{
    int m = r->view->nlines - r->body_rows;
    return m > 0 ? m : 0;
}

static void clamp(Reader *r)
{
    if (r->top > max_top(r))
        r->top = max_top(r);
    if (r->top < 0)
        r->top = 0;
}

static void run_search(Reader *r)
{
    int starts[64], ends[64], limited = 0;

    free(r->hits);
    r->hits = NULL;
    r->nhits = 0;
    if (!r->finder)
        return;
    for (int i = 0; i < r->view->nlines; i++) {
        const MdLine *ln = &r->view->lines[i];
        int n = find_all(r->finder, ln->text, ln->len, starts, ends, 64);
        if (n < 0) {
            limited = 1;
            continue;
        }
        r->hits = xrealloc(r->hits, (size_t)(r->nhits + n) * sizeof(Hit));
        for (int k = 0; k < n; k++)
            r->hits[r->nhits++] = (Hit){i, starts[k], ends[k]};
    }
    if (limited)
        ui_message("search: pattern too costly on some lines (skipped)");
}

static void show_hit(Reader *r)
{
    int line;
    if (r->nhits == 0)
        return;
    line = r->hits[r->cur].line;
    if (line < r->top || line >= r->top + r->body_rows)
        r->top = line - r->body_rows / 3;
    clamp(r);
}

static void layout(Reader *r, int rows, int cols)
{
    int width = cols - 2;
    double frac = 0;

    if (width > MAX_TEXT_WIDTH)
        width = MAX_TEXT_WIDTH;
    if (width < 10)
        width = 10;
    r->body_rows = rows - 2;
    if (r->view && r->width == width)
        return;
    if (r->view && r->view->nlines > 0)
        frac = (double)r->top / r->view->nlines;
    md_view_free(r->view);
    r->view = lesson_render(r->lesson, width, ui_ascii() ? MD_ASCII : 0);
    r->width = width;
    r->top = (int)(frac * r->view->nlines + 0.5);
    clamp(r);
    if (r->finder) {
        run_search(r);
        if (r->cur >= r->nhits)
            r->cur = 0;
    }
}

static void draw_toc(Reader *r, int rows, int cols)
{
    int w = cols > 60 ? 56 : cols - 4, h = r->view->nheadings + 2;
    int x = (cols - w) / 2, y = 2;

    if (h > rows - 4)
        h = rows - 4;
    for (int i = 0; i < h; i++) {
        move(y + i, x);
        attrset(ui_attr(UI_STATUS));
        for (int k = 0; k < w; k++)
            addch(' ');
    }
    ui_text(y, x + 2, "Contents", 8, UI_STATUS, w - 4);
    {
        int first = r->toc_sel - (h - 3);
        if (first < 0)
            first = 0;
        for (int i = 0; i + 1 < h - 1 && first + i < r->view->nheadings;
             i++) {
            const MdHeading *hd = &r->view->headings[first + i];
            int style = first + i == r->toc_sel ? UI_SELECT : UI_STATUS;
            int indent = 2 + 2 * (hd->level - 1);
            move(y + 1 + i, x);
            attrset(ui_attr(style));
            for (int k = 0; k < w; k++)
                addch(' ');
            ui_text(y + 1 + i, x + indent, hd->title, (int)strlen(hd->title),
                    style, w - indent - 1);
        }
    }
    attrset(A_NORMAL);
}

static void lesson_draw(Screen *s, int rows, int cols)
{
    Reader *r = s->data;
    char right[128], left[512];
    const char *msg;
    int x;

    layout(r, rows, cols);
    x = (cols - r->width) / 2;
    if (x > 2)
        x = 2;
    snprintf(right, sizeof right, "%s", level_name(r->lesson->level));
    ui_bar(0, UI_TITLE, r->lesson->title, right);
    if (r->view->nlines > 0) {
        double seen = (double)(r->top + r->body_rows) / r->view->nlines;
        if (seen > r->furthest)
            r->furthest = seen > 1 ? 1 : seen;
    }
    for (int y = 0; y < r->body_rows; y++) {
        int li = r->top + y;
        if (li >= r->view->nlines)
            break;
        ui_mdline(y + 1, x, &r->view->lines[li], cols - x);
    }
    /* search hits over the text */
    for (int i = 0; i < r->nhits; i++) {
        const Hit *h = &r->hits[i];
        const MdLine *ln;
        int col;
        if (h->line < r->top || h->line >= r->top + r->body_rows)
            continue;
        ln = &r->view->lines[h->line];
        col = md_strwidth(ln->text, h->start, ui_ascii() ? MD_ASCII : 0);
        ui_text(h->line - r->top + 1, x + col, ln->text + h->start,
                h->end - h->start, i == r->cur ? UI_HIT_CUR : UI_HIT,
                cols - x - col);
    }
    if (r->toc_open)
        draw_toc(r, rows, cols);
    msg = ui_take_message();
    {
        int pct = r->view->nlines <= r->body_rows
                      ? 100
                      : (int)(100.0 * (r->top + r->body_rows) /
                              r->view->nlines);
        if (pct > 100)
            pct = 100;
        if (r->finder && r->nhits)
            snprintf(right, sizeof right, "/%.40s %d/%d  %d%%", r->pattern,
                     r->cur + 1, r->nhits, pct);
        else
            snprintf(right, sizeof right, "line %d/%d  %d%%", r->top + 1,
                     r->view->nlines, pct);
    }
    snprintf(left, sizeof left, "%s",
             msg ? msg : "/ search  t contents  x exercises  ? help  Esc back");
    ui_bar(rows - 1, UI_STATUS, left, right);
}

static void do_search(Reader *r)
{
    char buf[256], err[256];
    Finder *f;

    snprintf(buf, sizeof buf, "%s", r->pattern);
    if (!ui_prompt("/", buf, sizeof buf))
        return;
    if (!buf[0]) {
        find_free(r->finder);
        r->finder = NULL;
        r->pattern[0] = '\0';
        run_search(r);
        return;
    }
    if (!(f = find_new(buf, err, sizeof err))) {
        ui_message("search: %s", err);
        return;
    }
    find_free(r->finder);
    r->finder = f;
    snprintf(r->pattern, sizeof r->pattern, "%s", buf);
    run_search(r);
    if (r->nhits == 0) {
        ui_message("no match for /%s", buf);
        return;
    }
    /* the first hit at or below the top of the screen */
    r->cur = 0;
    for (int i = 0; i < r->nhits; i++)
        if (r->hits[i].line >= r->top) {
            r->cur = i;
            break;
        }
    show_hit(r);
}

static int toc_key(Reader *r, Action act)
{
    int n = r->view->nheadings;
    switch (act) {
    case ACT_UP:
    case ACT_SCROLL_UP:
        if (r->toc_sel > 0)
            r->toc_sel--;
        break;
    case ACT_DOWN:
    case ACT_SCROLL_DOWN:
        if (r->toc_sel + 1 < n)
            r->toc_sel++;
        break;
    case ACT_TOP:
        r->toc_sel = 0;
        break;
    case ACT_BOTTOM:
        r->toc_sel = n > 0 ? n - 1 : 0;
        break;
    case ACT_OPEN:
        if (n > 0) {
            r->top = r->view->headings[r->toc_sel].line;
            clamp(r);
        }
        r->toc_open = 0;
        break;
    case ACT_BACK:
    case ACT_TOC:
        r->toc_open = 0;
        break;
    default:
        break;
    }
    return 0;
}

static int lesson_key(Screen *s, Action act, int key)
{
    Reader *r = s->data;
    (void)key;
    if (r->toc_open)
        return toc_key(r, act);
    switch (act) {
    case ACT_BACK:
        return UI_POP;
    case ACT_UP:
        r->top--;
        break;
    case ACT_DOWN:
        r->top++;
        break;
    case ACT_SCROLL_UP:
        r->top -= 3;
        break;
    case ACT_SCROLL_DOWN:
        r->top += 3;
        break;
    case ACT_PAGE_UP:
        r->top -= r->body_rows > 2 ? r->body_rows - 2 : 1;
        break;
    case ACT_PAGE_DOWN:
        r->top += r->body_rows > 2 ? r->body_rows - 2 : 1;
        break;
    case ACT_TOP:
        r->top = 0;
        break;
    case ACT_BOTTOM:
        r->top = max_top(r);
        break;
    case ACT_SEARCH:
        do_search(r);
        break;
    case ACT_NEXT_HIT:
    case ACT_PREV_HIT:
        if (!r->finder)
            ui_message("no search yet: press / to search");
        else if (r->nhits == 0)
            ui_message("no match for /%s", r->pattern);
        else {
            r->cur = (r->cur + (act == ACT_NEXT_HIT ? 1 : r->nhits - 1)) %
                     r->nhits;
            show_hit(r);
        }
        break;
    case ACT_EXERCISES: {
        Screen *ex = screen_exercises_new(r->content, r->lesson);
        if (ex)
            ui_push(ex);
        break;
    }
    case ACT_TOC:
        if (r->view->nheadings == 0) {
            ui_message("this lesson has no sections");
            break;
        }
        r->toc_open = 1;
        /* start at the section being read */
        r->toc_sel = 0;
        for (int i = 0; i < r->view->nheadings; i++)
            if (r->view->headings[i].line <= r->top)
                r->toc_sel = i;
        break;
    default:
        break;
    }
    clamp(r);
    return 0;
}

static void lesson_resize(Screen *s, int rows, int cols)
{
    layout(s->data, rows, cols);
}

static void lesson_free(Screen *s)
{
    Reader *r = s->data;
    /* one write per visit; the store keeps the furthest ever read */
    progress_lesson_read(progress_shared(), r->lesson->id, r->furthest);
    md_view_free(r->view);
    find_free(r->finder);
    free(r->hits);
    free(r);
    free(s);
}

Screen *screen_lesson_new(void *content, void *lesson)
{
    Screen *s = xcalloc(1, sizeof *s);
    Reader *r = xcalloc(1, sizeof *r);
    r->content = content;
    r->lesson = lesson;
    s->name = "lesson";
    s->draw = lesson_draw;
    s->key = lesson_key;
    s->resize = lesson_resize;
    s->free = lesson_free;
    s->data = r;
    return s;
}
