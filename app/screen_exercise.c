/*
** screen_exercise.c - a lesson's exercises: the list and one screen per
** exercise, for every kind.
**
** The list screen owns the loaded ExerciseSet; exercise screens borrow it
** and move through the lesson's list with `n`. Each frame lays the whole
** exercise out as lines (prompt, the kind's answer area, revealed hints,
** the verdict), scrolls them, then draws the editor box in place. Text
** answers are typed in a modal loop inside the key handler, so every key
** (q, h, ?) reaches the editor. Grading goes through the same core as
** `pyprep grade`; hints used and attempts are kept in the attempt context.
*/
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "content.h"
#include "editor.h"
#include "exercises.h"
#include "markdown.h"
#include "progress.h"
#include "ui.h"
#include "util.h"

#define CTRL(c) ((c)&0x1f)

typedef struct {
    Content *content;
    Lesson *lesson;
    ExerciseSet *set;
    GradeExercise **list;
    int n;
    int *status; /* 0 not tried, 1 passed, -1 not passed */
    double *best;
    int sel, top;
} ExList;

/* A laid-out line: text and one style per byte (like MdLine). */
typedef struct {
    char *text;
    unsigned char *style;
    int len;
    int select; /* drawn as the selected row */
} DLine;

typedef struct {
    DLine *v;
    int n, cap;
    int width;
} Lines;

typedef struct {
    ExList *owner;
    int index;
    GradeExercise *ex;
    int attempts, hints;
    uint64_t seed;
    int graded, grade_failed;
    GradeVerdict v;
    /* choice: perm[display] = option index; chosen per display row */
    int *perm, *chosen;
    /* parsons: blocks (solution lines stripped + distractors) */
    char **blocks;
    int nblocks, *order, *incl, *indent;
    /* bug: code lines and marks */
    char **code;
    int ncode, *marked;
    int cursor;
    Editor ed, why;
    int editing; /* 1 answer editor, 2 bug's why */
    int scroll, want_line, cursor_line, editor_line, editor_h;
    int lines_visible;
} Ex;

/* ------------------------------------------------------------------ */
/* layout helpers                                                      */

static void lines_add(Lines *l, const char *text, int len, int style,
                      int select)
{
    DLine *d;
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->v = xrealloc(l->v, sizeof *l->v * (size_t)l->cap);
    }
    d = &l->v[l->n++];
    d->text = xstrndup(text, (size_t)len);
    d->style = xmalloc((size_t)len + 1);
    memset(d->style, style, (size_t)len);
    d->len = len;
    d->select = select;
}

static void lines_free(Lines *l)
{
    for (int i = 0; i < l->n; i++) {
        free(l->v[i].text);
        free(l->v[i].style);
    }
    free(l->v);
    memset(l, 0, sizeof *l);
}

/* Word-wrap plain text at the width, with a hanging indent. */
static void lines_wrap(Lines *l, const char *text, int style, int indent)
{
    const char *p = text;
    int w = l->width - indent;
    char pad[64];
    if (w < 10)
        w = 10;
    memset(pad, ' ', sizeof pad);
    while (*p || p == text) {
        const char *nl = strchr(p, '\n');
        int n = nl ? (int)(nl - p) : (int)strlen(p);
        int start = 0;
        do {
            int used = 0, i = start, brk = -1;
            Buf b = {0};
            while (i < n) {
                int k = md_utf8len(p + i, n - i);
                int cw = md_strwidth(p + i, k, ui_ascii() ? MD_ASCII : 0);
                if (used + cw > w)
                    break;
                if (p[i] == ' ')
                    brk = i;
                used += cw;
                i += k;
            }
            if (i < n && brk > start)
                i = brk + 1;
            buf_add(&b, pad, (size_t)(indent < 64 ? indent : 63));
            buf_add(&b, p + start, (size_t)(i - start));
            lines_add(l, b.data, (int)b.len, style, 0);
            buf_free(&b);
            start = i;
        } while (start < n);
        if (!nl)
            break;
        p = nl + 1;
    }
}

static void lines_md(Lines *l, const char *md)
{
    MdDoc *doc = md_parse(md, strlen(md));
    MdView *view = md_render(doc, l->width > 10 ? l->width : 10,
                             ui_ascii() ? MD_ASCII : 0);
    for (int i = 0; i < view->nlines; i++) {
        MdLine *ml = &view->lines[i];
        lines_add(l, ml->text, ml->len, MD_TEXT, 0);
        memcpy(l->v[l->n - 1].style, ml->style, (size_t)ml->len);
    }
    md_view_free(view);
    md_free(doc);
}

static void lines_code(Lines *l, const char *code)
{
    Buf b = {0};
    buf_adds(&b, "```python\n");
    buf_adds(&b, code);
    buf_adds(&b, "\n```\n");
    lines_md(l, b.data);
    buf_free(&b);
}

static void lines_blank(Lines *l) { lines_add(l, "", 0, MD_TEXT, 0); }

/* ------------------------------------------------------------------ */
/* per-attempt state                                                   */

static char **split(const char *s, int *n)
{
    char **v = NULL;
    *n = 0;
    for (const char *p = s;;) {
        const char *e = strchr(p, '\n');
        size_t k = e ? (size_t)(e - p) : strlen(p);
        v = xrealloc(v, sizeof *v * (size_t)(*n + 1));
        v[(*n)++] = xstrndup(p, k);
        if (!e)
            break;
        p = e + 1;
    }
    return v;
}

static void free_strv(char **v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static void reset_attempt(Ex *x)
{
    GradeExercise *ex = x->ex;
    free(x->perm);
    free(x->chosen);
    x->perm = x->chosen = NULL;
    free(x->order);
    free(x->incl);
    free(x->indent);
    x->order = x->incl = x->indent = NULL;
    x->cursor = 0;
    x->seed = 0x5eedull * (uint64_t)(x->index + 1) + (uint64_t)x->attempts;
    if (ex->kind == GRADE_CHOICE) {
        x->perm = xcalloc((size_t)ex->noptions, sizeof *x->perm);
        x->chosen = xcalloc((size_t)ex->noptions, sizeof *x->chosen);
        grade_shuffle(x->seed, x->perm, ex->noptions);
    } else if (ex->kind == GRADE_PARSONS) {
        x->order = xcalloc((size_t)x->nblocks, sizeof *x->order);
        x->incl = xcalloc((size_t)x->nblocks, sizeof *x->incl);
        x->indent = xcalloc((size_t)x->nblocks, sizeof *x->indent);
        grade_shuffle(x->seed, x->order, x->nblocks);
        for (int i = 0; i < x->nblocks; i++)
            x->incl[i] = 1;
    } else if (ex->kind == GRADE_BUG) {
        memset(x->marked, 0, sizeof *x->marked * (size_t)x->ncode);
    }
}

static void load_exercise(Ex *x, int index)
{
    GradeExercise *ex = x->owner->list[index];
    free_strv(x->blocks, x->nblocks);
    free_strv(x->code, x->ncode);
    free(x->marked);
    x->blocks = x->code = NULL;
    x->marked = NULL;
    x->nblocks = x->ncode = 0;
    grade_verdict_free(&x->v);
    x->graded = x->grade_failed = 0;
    x->index = index;
    x->ex = ex;
    x->attempts = x->hints = 0;
    x->scroll = 0;
    x->want_line = -1;
    editor_free(&x->ed);
    editor_free(&x->why);
    editor_init(&x->ed, !(ex->kind == GRADE_FILL && ex->nblanks == 1));
    editor_init(&x->why, 0);
    if (ex->kind == GRADE_PARSONS) {
        x->nblocks = ex->nlines + ex->ndistractors;
        x->blocks = xcalloc((size_t)x->nblocks, sizeof *x->blocks);
        for (int i = 0; i < x->nblocks; i++) {
            const char *s = i < ex->nlines ? ex->lines[i]
                                           : ex->distractors[i - ex->nlines];
            while (*s == ' ' || *s == '\t')
                s++;
            x->blocks[i] = xstrdup(s);
        }
    }
    if (ex->kind == GRADE_BUG && ex->code) {
        x->code = split(ex->code, &x->ncode);
        x->marked = xcalloc((size_t)x->ncode, sizeof *x->marked);
    }
    reset_attempt(x);
}

/* The answer in the grader's text form. */
static char *build_answer(Ex *x)
{
    GradeExercise *ex = x->ex;
    Buf b = {0};
    buf_add(&b, "", 0);
    switch (ex->kind) {
    case GRADE_CHOICE:
        for (int i = 0; i < ex->noptions; i++)
            if (x->chosen[i])
                buf_printf(&b, "%s%d", b.len ? "," : "", x->perm[i] + 1);
        break;
    case GRADE_PARSONS:
        for (int i = 0; i < x->nblocks; i++) {
            int k = x->order[i];
            if (!x->incl[k])
                continue;
            for (int d = 0; d < x->indent[k]; d++)
                buf_adds(&b, "    ");
            buf_adds(&b, x->blocks[k]);
            buf_addc(&b, '\n');
        }
        break;
    case GRADE_BUG:
        for (int i = 0; i < x->ncode; i++)
            if (x->marked[i])
                buf_printf(&b, "%s%d", b.len ? "," : "", i + 1);
        if (*editor_text(&x->why))
            buf_printf(&b, ": %s", editor_text(&x->why));
        break;
    default:
        buf_adds(&b, editor_text(&x->ed));
        break;
    }
    return b.data;
}

static void submit(Ex *x)
{
    GradeContext ctx = {0};
    char *answer;
    ExList *o = x->owner;

    if (!grade_kind_available(x->ex->kind)) {
        ui_message("%s exercises need the Python engine: not in this build",
                   grade_kind_name(x->ex->kind));
        return;
    }
    answer = build_answer(x);
    grade_verdict_free(&x->v);
    ctx.seed = x->seed;
    ctx.hints_used = x->hints;
    ctx.attempt = x->attempts + 1;
    x->grade_failed = grade_answer(x->ex, answer, &ctx, &x->v) < 0;
    /* every graded attempt is committed before the learner sees it */
    if (!x->grade_failed &&
        progress_record_verdict(progress_shared(), x->ex, answer, &x->v,
                                "study", 0) < 0)
        ui_message("%s", progress_problem(progress_shared()));
    free(answer);
    x->graded = 1;
    x->attempts++;
    if (!x->grade_failed) {
        if (x->v.passed)
            o->status[x->index] = 1;
        else if (o->status[x->index] == 0)
            o->status[x->index] = -1;
        if (x->v.score > o->best[x->index])
            o->best[x->index] = x->v.score;
    }
    x->want_line = -2; /* scroll to the verdict */
}

/* ------------------------------------------------------------------ */
/* layout of one exercise                                              */

static void layout(Ex *x, Lines *l, int *verdict_line)
{
    GradeExercise *ex = x->ex;
    char buf[512];

    x->cursor_line = -1;
    x->editor_line = -1;
    lines_md(l, ex->prompt ? ex->prompt : "");
    lines_blank(l);
    switch (ex->kind) {
    case GRADE_CHOICE:
        lines_add(l, ex->multi ? "Choose every right option (Space toggles, "
                                 "Enter submits):"
                               : "Choose one (number or Enter):",
                  ex->multi ? 51 : 29, MD_MARK, 0);
        for (int i = 0; i < ex->noptions; i++) {
            const GradeOption *o = &ex->options[x->perm[i]];
            snprintf(buf, sizeof buf, "%s%d) %s %s", i == x->cursor ? "> " : "  ",
                     i + 1,
                     ex->multi ? (x->chosen[i] ? "[x]" : "[ ]")
                               : (x->chosen[i] ? "(*)" : "( )"),
                     o->text);
            if (i == x->cursor)
                x->cursor_line = l->n;
            lines_wrap(l, buf, MD_TEXT, 0);
            l->v[l->n - 1].select = i == x->cursor;
            if (x->graded && o->why && x->chosen[i])
                lines_wrap(l, o->why, UI_DIM, 9);
        }
        break;
    case GRADE_PARSONS:
        lines_add(l, "Order the lines: J/K move, Right/Left indent, Space "
                     "leaves a line out, Enter submits.",
                  84, MD_MARK, 0);
        for (int i = 0; i < x->nblocks; i++) {
            int k = x->order[i];
            int n = snprintf(buf, sizeof buf, "%s%s ", i == x->cursor ? "> " : "  ",
                             x->incl[k] ? "[x]" : "[ ]");
            for (int d = 0; d < x->indent[k] && n < 200; d++)
                n += snprintf(buf + n, sizeof buf - (size_t)n, "    ");
            snprintf(buf + n, sizeof buf - (size_t)n, "%s", x->blocks[k]);
            if (i == x->cursor)
                x->cursor_line = l->n;
            lines_add(l, buf, (int)strlen(buf),
                      x->incl[k] ? MD_CODEBLOCK : UI_DIM, i == x->cursor);
        }
        break;
    case GRADE_BUG:
        lines_add(l, "Move to the buggy line, Space marks it, Enter "
                     "submits.",
                  54, MD_MARK, 0);
        for (int i = 0; i < x->ncode; i++) {
            int n = snprintf(buf, sizeof buf, "%s%3d %s ",
                             i == x->cursor ? ">" : " ", i + 1,
                             x->marked[i] ? "*" : "|");
            int state = 0;
            snprintf(buf + n, sizeof buf - (size_t)n, "%s", x->code[i]);
            if (i == x->cursor)
                x->cursor_line = l->n;
            lines_add(l, buf, (int)strlen(buf), MD_CODEBLOCK, i == x->cursor);
            md_highlight("python", x->code[i], (int)strlen(x->code[i]),
                         l->v[l->n - 1].style + n, &state);
            if (x->marked[i])
                memset(l->v[l->n - 1].style, UI_ERROR, (size_t)n);
        }
        if (ex->rubric) {
            lines_blank(l);
            lines_add(l, "Why (optional; asked after Enter):", 34, MD_MARK,
                      0);
            x->editor_line = l->n;
            x->editor_h = 1;
            lines_blank(l);
        }
        break;
    default: {
        const char *label;
        if (ex->kind == GRADE_NUMPY && ex->code) {
            lines_add(l, "Set-up:", 7, MD_MARK, 0);
            lines_code(l, ex->code);
        } else if (ex->code) {
            lines_code(l, ex->code);
        }
        if (!grade_kind_available(ex->kind)) {
            lines_wrap(l, "numpy exercises need the Python engine (pyprep "
                          "run), which is not in this build: you can read "
                          "this one but not submit it.",
                       UI_ERROR, 0);
            lines_blank(l);
        }
        label = x->ed.multiline
                    ? (ex->kind == GRADE_FILL
                           ? "Your answer, one blank per line (Enter "
                             "edits; Ctrl-D submits; F2 $EDITOR):"
                           : "Your answer (Enter edits; Ctrl-D submits; "
                             "F2 $EDITOR):")
                    : "Your answer (Enter edits and submits):";
        lines_wrap(l, label, MD_MARK, 0);
        x->editor_line = l->n;
        x->editor_h = x->ed.multiline ? 6 : 1;
        for (int i = 0; i < x->editor_h; i++)
            lines_blank(l);
        break;
    }
    }
    for (int i = 0; i < x->hints && i < ex->nhints; i++) {
        snprintf(buf, sizeof buf, "Hint %d: %s", i + 1, ex->hints[i]);
        lines_blank(l);
        lines_wrap(l, buf, MD_QUOTE, 0);
    }
    *verdict_line = -1;
    if (!x->graded)
        return;
    lines_blank(l);
    *verdict_line = l->n;
    if (x->grade_failed) {
        lines_wrap(l, "This exercise could not be graded:", UI_ERROR, 0);
        lines_wrap(l, x->v.error ? x->v.error : "?", UI_ERROR, 2);
        return;
    }
    snprintf(buf, sizeof buf, "%s  score %.0f%%%s (attempt %d)",
             x->v.passed ? "PASSED" : "NOT PASSED", x->v.score * 100,
             x->v.hints_used ? " after hints" : "", x->attempts);
    lines_add(l, buf, (int)strlen(buf),
              x->v.passed ? UI_BEGINNER : UI_ERROR, 0);
    for (int i = 0; i < x->v.found.n; i++) {
        snprintf(buf, sizeof buf, "found: %s", x->v.found.v[i]);
        lines_wrap(l, buf, UI_BEGINNER, 2);
    }
    for (int i = 0; i < x->v.missing.n; i++) {
        snprintf(buf, sizeof buf, "missing: %s", x->v.missing.v[i]);
        lines_wrap(l, buf, UI_INTERMEDIATE, 2);
    }
    for (int i = 0; i < x->v.feedback.n; i++)
        lines_wrap(l, x->v.feedback.v[i], MD_TEXT, 2);
    if (x->v.diff) {
        int n;
        char **d = split(x->v.diff, &n);
        lines_add(l, "  diff (- expected, + yours):", 29, MD_MARK, 0);
        for (int i = 0; i < n; i++)
            if (d[i][0])
                lines_add(l, d[i], (int)strlen(d[i]),
                          d[i][0] == '-'   ? UI_ERROR
                          : d[i][0] == '+' ? UI_BEGINNER
                                           : MD_CODEBLOCK,
                          0);
        free_strv(d, n);
    }
    /* only after a first attempt: the model answer and the why */
    if (ex->solution) {
        lines_blank(l);
        lines_add(l, "Model answer:", 13, MD_H3, 0);
        if (ex->kind == GRADE_PARSONS || ex->kind == GRADE_OUTPUT ||
            ex->kind == GRADE_NUMPY)
            lines_code(l, ex->solution);
        else
            lines_wrap(l, ex->solution, MD_TEXT, 2);
    }
    if (ex->why) {
        lines_blank(l);
        lines_add(l, "Why interviewers ask this:", 26, MD_H3, 0);
        lines_wrap(l, ex->why, MD_QUOTE, 2);
    }
}

static void ex_draw(Screen *s, int rows, int cols)
{
    Ex *x = s->data;
    GradeExercise *ex = x->ex;
    Lines l = {0};
    char title[256], right[96];
    int body = rows - 2, verdict = -1;
    const char *msg;

    l.width = cols - 2;
    layout(x, &l, &verdict);
    x->lines_visible = body;
    if (x->want_line == -2 && verdict >= 0)
        x->scroll = verdict - 1;
    else if (x->cursor_line >= 0 && x->want_line != -3) {
        if (x->cursor_line < x->scroll)
            x->scroll = x->cursor_line - 1;
        if (x->cursor_line >= x->scroll + body)
            x->scroll = x->cursor_line - body + 1;
    }
    if (x->editing && x->editor_line >= 0) {
        if (x->editor_line < x->scroll)
            x->scroll = x->editor_line - 1;
        if (x->editor_line + x->editor_h > x->scroll + body)
            x->scroll = x->editor_line + x->editor_h - body;
    }
    x->want_line = -1;
    if (x->scroll > l.n - body)
        x->scroll = l.n - body;
    if (x->scroll < 0)
        x->scroll = 0;
    snprintf(title, sizeof title, "%d/%d  %s", x->index + 1, x->owner->n,
             ex->id);
    snprintf(right, sizeof right, "%s \xc2\xb7 %s", grade_kind_name(ex->kind),
             ex->level ? ex->level : "");
    ui_bar(0, UI_TITLE, title, right);
    for (int y = 0; y < body && x->scroll + y < l.n; y++) {
        DLine *d = &l.v[x->scroll + y];
        MdLine ml = {d->text, d->style, d->len, 0};
        if (d->select) {
            ui_fill_line(y + 1, UI_SELECT);
            ui_text(y + 1, 1, d->text, d->len, UI_SELECT, cols - 2);
        } else {
            ui_mdline(y + 1, 1, &ml, cols - 2);
        }
    }
    {
        int ey = x->editor_line - x->scroll;
        Editor *ed = ex->kind == GRADE_BUG ? &x->why : &x->ed;
        if (x->editor_line >= 0 && ey >= 0 && ey < body) {
            int h = x->editor_h;
            if (ey + h > body)
                h = body - ey;
            for (int i = 0; i < h; i++)
                ui_text(ey + 1 + i, 1, ui_ascii() ? "|" : "\xe2\x94\x82",
                        ui_ascii() ? 1 : 3, MD_MARK, 1);
            editor_draw(ed, ey + 1, 3, h, cols - 4,
                        x->editing ? MD_TEXT : MD_CODE, x->editing);
        }
    }
    msg = ui_take_message();
    if (!msg)
        msg = x->editing
                  ? (x->editing == 2 || !x->ed.multiline
                         ? "Enter submit  Esc stop editing  Ctrl-A/E/K/U/W"
                         : "Ctrl-D submit  Esc stop editing  F2 $EDITOR  "
                           "Ctrl-A/E/K/U/W")
              : x->graded ? "h hint  r retry  n next  Esc back  ? help"
                          : "h hint  n next  Esc back  ? help";
    ui_bar(rows - 1, UI_STATUS, msg, NULL);
    lines_free(&l);
}

/* ------------------------------------------------------------------ */
/* keys                                                                */

static void frame(Screen *s)
{
    erase();
    ex_draw(s, LINES, COLS);
    wnoutrefresh(stdscr);
    doupdate();
}

/* Type into an editor until it submits or is left; returns 1 on submit. */
static int edit_loop(Screen *s, Ex *x, Editor *ed, int which)
{
    int ret = -1;
    x->editing = which;
    while (ret < 0 && !ui_interrupted()) {
        int ch, r;
        frame(s);
        ch = getch();
        if (ch == ERR || ch == KEY_RESIZE)
            continue;
        r = editor_key(ed, ch);
        if (r == EDITOR_SUBMIT) {
            editor_history_add(ed);
            ret = 1;
        } else if (r == EDITOR_CANCEL) {
            ret = 0;
        } else if (r == EDITOR_EXTERNAL) {
            char err[256];
            if (editor_external(ed, err, sizeof err) < 0)
                ui_message("%s", err);
        }
    }
    x->editing = 0;
    curs_set(0);
    return ret;
}

static int ex_key(Screen *s, Action act, int key)
{
    Ex *x = s->data;
    GradeExercise *ex = x->ex;
    int text_kind = ex->kind != GRADE_CHOICE && ex->kind != GRADE_PARSONS &&
                    ex->kind != GRADE_BUG;
    int nrows = ex->kind == GRADE_CHOICE    ? ex->noptions
                : ex->kind == GRADE_PARSONS ? x->nblocks
                : ex->kind == GRADE_BUG     ? x->ncode
                                            : 0;

    /* the exercise's own keys come first (h is "back" elsewhere) */
    switch (key) {
    case 'h':
        if (x->hints < ex->nhints)
            x->hints++;
        else
            ui_message("no more hints");
        return 0;
    case 'r':
        if (x->graded) {
            grade_verdict_free(&x->v);
            x->graded = x->grade_failed = 0;
            reset_attempt(x);
            x->scroll = 0;
        }
        return 0;
    case 'n':
        if (x->index + 1 < x->owner->n) {
            load_exercise(x, x->index + 1);
            x->owner->sel = x->index;
        } else {
            ui_message("that was the last exercise of this lesson");
        }
        return 0;
    case KEY_F(2):
        if (text_kind) {
            char err[256];
            if (editor_external(&x->ed, err, sizeof err) < 0)
                ui_message("%s", err);
        }
        return 0;
    default:
        break;
    }
    if (ex->kind == GRADE_CHOICE && key >= '1' && key <= '9' &&
        key - '1' < ex->noptions) {
        int i = key - '1';
        x->cursor = i;
        if (ex->multi) {
            x->chosen[i] = !x->chosen[i];
        } else {
            memset(x->chosen, 0, sizeof *x->chosen * (size_t)ex->noptions);
            x->chosen[i] = 1;
        }
        return 0;
    }
    if (ex->kind == GRADE_PARSONS && nrows) {
        int i = x->cursor, k = x->order[i];
        switch (key) {
        case 'K':
        case KEY_SR:
            if (i > 0) {
                x->order[i] = x->order[i - 1];
                x->order[i - 1] = k;
                x->cursor--;
            }
            return 0;
        case 'J':
        case KEY_SF:
            if (i + 1 < nrows) {
                x->order[i] = x->order[i + 1];
                x->order[i + 1] = k;
                x->cursor++;
            }
            return 0;
        case KEY_RIGHT:
        case '>':
        case '\t':
            if (x->indent[k] < 8)
                x->indent[k]++;
            return 0;
        case KEY_LEFT:
        case '<':
        case KEY_BTAB:
            if (x->indent[k] > 0)
                x->indent[k]--;
            return 0;
        case ' ':
        case 'x':
            x->incl[k] = !x->incl[k];
            return 0;
        default:
            break;
        }
    }
    if ((ex->kind == GRADE_CHOICE || ex->kind == GRADE_BUG) &&
        (key == ' ' || key == 'x') && nrows) {
        if (ex->kind == GRADE_BUG) {
            x->marked[x->cursor] = !x->marked[x->cursor];
        } else if (ex->multi) {
            x->chosen[x->cursor] = !x->chosen[x->cursor];
        } else {
            memset(x->chosen, 0, sizeof *x->chosen * (size_t)ex->noptions);
            x->chosen[x->cursor] = 1;
        }
        return 0;
    }
    if (text_kind && (key == 'i' || key == 'e')) {
        act = ACT_OPEN;
    }
    switch (act) {
    case ACT_UP:
    case ACT_DOWN:
        if (nrows) {
            x->cursor += act == ACT_UP ? -1 : 1;
            if (x->cursor < 0)
                x->cursor = 0;
            if (x->cursor >= nrows)
                x->cursor = nrows - 1;
        } else {
            x->scroll += act == ACT_UP ? -1 : 1;
            x->want_line = -3;
        }
        break;
    case ACT_SCROLL_UP:
    case ACT_SCROLL_DOWN:
        x->scroll += act == ACT_SCROLL_UP ? -3 : 3;
        x->want_line = -3;
        break;
    case ACT_PAGE_UP:
    case ACT_PAGE_DOWN:
        x->scroll += (act == ACT_PAGE_UP ? -1 : 1) * (x->lines_visible - 2);
        x->want_line = -3;
        break;
    case ACT_TOP:
        x->scroll = 0;
        x->want_line = -3;
        break;
    case ACT_BOTTOM:
        x->scroll = 1 << 20;
        x->want_line = -3;
        break;
    case ACT_OPEN:
        if (key == KEY_RIGHT && ex->kind != GRADE_PARSONS)
            break; /* Right is "open" globally; here nothing to open */
        if (!grade_kind_available(ex->kind)) {
            ui_message("%s exercises need the Python engine: not in this "
                       "build",
                       grade_kind_name(ex->kind));
            break;
        }
        if (text_kind) {
            if (edit_loop(s, x, &x->ed, 1))
                submit(x);
        } else if (ex->kind == GRADE_BUG) {
            int any = 0;
            for (int i = 0; i < x->ncode; i++)
                any |= x->marked[i];
            if (!any)
                x->marked[x->cursor] = 1;
            if (ex->rubric)
                edit_loop(s, x, &x->why, 2);
            submit(x);
        } else {
            if (ex->kind == GRADE_CHOICE && !ex->multi) {
                int any = 0;
                for (int i = 0; i < ex->noptions; i++)
                    any |= x->chosen[i];
                if (!any)
                    x->chosen[x->cursor] = 1;
            }
            submit(x);
        }
        break;
    case ACT_BACK:
        return UI_POP;
    default:
        break;
    }
    return 0;
}

static void ex_free(Screen *s)
{
    Ex *x = s->data;
    grade_verdict_free(&x->v);
    free(x->perm);
    free(x->chosen);
    free(x->order);
    free(x->incl);
    free(x->indent);
    free_strv(x->blocks, x->nblocks);
    free_strv(x->code, x->ncode);
    free(x->marked);
    editor_free(&x->ed);
    editor_free(&x->why);
    free(x);
    free(s);
}

static Screen *exercise_screen_new(ExList *o, int index)
{
    Screen *s = xcalloc(1, sizeof *s);
    Ex *x = xcalloc(1, sizeof *x);
    x->owner = o;
    editor_init(&x->ed, 1);
    editor_init(&x->why, 0);
    load_exercise(x, index);
    s->name = "exercise";
    s->draw = ex_draw;
    s->key = ex_key;
    s->free = ex_free;
    s->data = x;
    return s;
}

/* ------------------------------------------------------------------ */
/* the list                                                            */

static void list_draw(Screen *s, int rows, int cols)
{
    ExList *o = s->data;
    char title[256], right[64];
    int body = rows - 2, done = 0;
    const char *msg;

    for (int i = 0; i < o->n; i++)
        done += o->status[i] == 1;
    snprintf(title, sizeof title, "Exercises \xc2\xb7 %s", o->lesson->title);
    snprintf(right, sizeof right, "%d/%d passed", done, o->n);
    ui_bar(0, UI_TITLE, title, right);
    if (o->sel < o->top)
        o->top = o->sel;
    if (o->sel >= o->top + body)
        o->top = o->sel - body + 1;
    for (int y = 0; y < body && o->top + y < o->n; y++) {
        int i = o->top + y, sel = i == o->sel;
        GradeExercise *ex = o->list[i];
        char line[512];
        const char *mark = o->status[i] == 1    ? "ok "
                           : o->status[i] == -1 ? "-- "
                                                : "   ";
        int avail = grade_kind_available(ex->kind);
        snprintf(line, sizeof line, "%s%s %-8s %-13s %s%s", sel ? "> " : "  ",
                 mark,
                 grade_kind_name(ex->kind), ex->level ? ex->level : "",
                 ex->id, avail ? "" : "  (not in this build)");
        if (sel)
            ui_fill_line(y + 1, UI_SELECT);
        ui_text(y + 1, 1, line, (int)strlen(line),
                sel ? UI_SELECT : !avail ? UI_DIM
                                  : o->status[i] == 1 ? UI_BEGINNER
                                                      : MD_TEXT,
                cols - 3);
    }
    msg = ui_take_message();
    ui_bar(rows - 1, UI_STATUS,
           msg ? msg : "Enter open  Esc back  ? help  q quit", NULL);
}

static int list_key(Screen *s, Action act, int key)
{
    ExList *o = s->data;
    (void)key;
    switch (act) {
    case ACT_UP:
    case ACT_SCROLL_UP:
        if (o->sel > 0)
            o->sel--;
        break;
    case ACT_DOWN:
    case ACT_SCROLL_DOWN:
        if (o->sel + 1 < o->n)
            o->sel++;
        break;
    case ACT_TOP:
        o->sel = 0;
        break;
    case ACT_BOTTOM:
        o->sel = o->n - 1;
        break;
    case ACT_OPEN:
        ui_push(exercise_screen_new(o, o->sel));
        break;
    case ACT_BACK:
        return UI_POP;
    default:
        break;
    }
    return 0;
}

static void list_free(Screen *s)
{
    ExList *o = s->data;
    free(o->list);
    free(o->status);
    free(o->best);
    exercises_free(o->set);
    free(o);
    free(s);
}

Screen *screen_exercises_new(void *content, void *lesson)
{
    Content *c = content;
    Lesson *l = lesson;
    ExList *o;
    Screen *s;
    ExerciseSet *set = exercises_load(&c->root, 1, NULL);
    GradeExercise **list;
    int n = exercises_for_lesson(set, l, &list);

    if (n == 0) {
        ui_message("no exercises for %s yet", l->id);
        free(list);
        exercises_free(set);
        return NULL;
    }
    o = xcalloc(1, sizeof *o);
    o->content = c;
    o->lesson = l;
    o->set = set;
    o->list = list;
    o->n = n;
    o->status = xcalloc((size_t)n, sizeof *o->status);
    o->best = xcalloc((size_t)n, sizeof *o->best);
    s = xcalloc(1, sizeof *s);
    s->name = "exercises";
    s->draw = list_draw;
    s->key = list_key;
    s->free = list_free;
    s->data = o;
    return s;
}
