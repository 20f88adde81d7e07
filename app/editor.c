/*
** editor.c - the answer editors of the exercise screens.
**
** Text is a flat byte buffer; lines are found by scanning for '\n' (the
** answers are short, so nothing smarter is needed). Drawing wraps each
** line at the box width by display columns and maps the byte cursor to a
** visual row and column on the way.
*/
#include "editor.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "markdown.h"
#include "ui.h"
#include "util.h"

#define CTRL(c) ((c)&0x1f)
#define MAX_TEXT ((size_t)256 << 10)

void editor_init(Editor *e, int multiline)
{
    memset(e, 0, sizeof *e);
    e->multiline = multiline;
    e->cap = 64;
    e->buf = xcalloc(1, e->cap);
}

void editor_free(Editor *e)
{
    free(e->buf);
    free(e->kill);
    free(e->draft);
    for (int i = 0; i < e->nhist; i++)
        free(e->hist[i]);
    free(e->hist);
    memset(e, 0, sizeof *e);
}

static void reserve(Editor *e, size_t extra)
{
    while (e->len + extra + 1 > e->cap) {
        e->cap *= 2;
        e->buf = xrealloc(e->buf, e->cap);
    }
}

void editor_set(Editor *e, const char *text)
{
    size_t n = strlen(text);
    if (n > MAX_TEXT)
        n = MAX_TEXT;
    e->len = 0;
    reserve(e, n);
    memcpy(e->buf, text, n);
    e->len = n;
    e->buf[n] = '\0';
    e->cur = n;
    e->hpos = e->nhist;
}

const char *editor_text(const Editor *e)
{
    return e->buf;
}

static void insert(Editor *e, const char *s, size_t n)
{
    if (e->len + n > MAX_TEXT)
        return;
    reserve(e, n);
    memmove(e->buf + e->cur + n, e->buf + e->cur, e->len - e->cur + 1);
    memcpy(e->buf + e->cur, s, n);
    e->len += n;
    e->cur += n;
}

/* Delete bytes [a, b), saving them as the kill text when `save`. */
static void delete_range(Editor *e, size_t a, size_t b, int save)
{
    if (b <= a)
        return;
    if (save) {
        free(e->kill);
        e->kill = xstrndup(e->buf + a, b - a);
    }
    memmove(e->buf + a, e->buf + b, e->len - b + 1);
    e->len -= b - a;
    if (e->cur >= b)
        e->cur -= b - a;
    else if (e->cur > a)
        e->cur = a;
}

static size_t prev_char(const Editor *e, size_t i)
{
    if (i == 0)
        return 0;
    i--;
    while (i > 0 && ((unsigned char)e->buf[i] & 0xC0) == 0x80)
        i--;
    return i;
}

static size_t next_char(const Editor *e, size_t i)
{
    if (i >= e->len)
        return e->len;
    return i + (size_t)md_utf8len(e->buf + i, (int)(e->len - i));
}

static size_t line_start(const Editor *e, size_t i)
{
    while (i > 0 && e->buf[i - 1] != '\n')
        i--;
    return i;
}

static size_t line_end(const Editor *e, size_t i)
{
    while (i < e->len && e->buf[i] != '\n')
        i++;
    return i;
}

/* Move to the same column (in characters) of the line before / after. */
static void vertical(Editor *e, int dir)
{
    size_t ls = line_start(e, e->cur), col = 0, target, i;
    for (i = ls; i < e->cur; i = next_char(e, i))
        col++;
    if (dir < 0) {
        if (ls == 0)
            return;
        target = line_start(e, ls - 1);
    } else {
        size_t le = line_end(e, e->cur);
        if (le == e->len)
            return;
        target = le + 1;
    }
    for (i = target; col > 0 && i < e->len && e->buf[i] != '\n'; col--)
        i = next_char(e, i);
    e->cur = i;
}

static void history_step(Editor *e, int dir)
{
    int to = e->hpos + dir;
    if (to < 0 || to > e->nhist)
        return;
    if (e->hpos == e->nhist) {
        free(e->draft);
        e->draft = xstrdup(e->buf);
    }
    e->hpos = to;
    {
        const char *t = to == e->nhist ? (e->draft ? e->draft : "")
                                       : e->hist[to];
        char *copy = xstrdup(t);
        int keep = e->hpos;
        editor_set(e, copy);
        e->hpos = keep;
        free(copy);
    }
}

void editor_history_add(Editor *e)
{
    if (!e->len || (e->nhist && strcmp(e->hist[e->nhist - 1], e->buf) == 0)) {
        e->hpos = e->nhist;
        return;
    }
    e->hist = xrealloc(e->hist, sizeof *e->hist * (size_t)(e->nhist + 1));
    e->hist[e->nhist++] = xstrdup(e->buf);
    e->hpos = e->nhist;
}

int editor_key(Editor *e, int key)
{
    if (e->ctrl_x) {
        e->ctrl_x = 0;
        if (key == CTRL('e'))
            return EDITOR_EXTERNAL;
    }
    switch (key) {
    case CTRL('x'):
        e->ctrl_x = 1;
        return EDITOR_CONTINUE;
    case KEY_F(2):
        return EDITOR_EXTERNAL;
    case 27:
        return EDITOR_CANCEL;
    case '\n':
    case '\r':
    case KEY_ENTER:
        if (!e->multiline)
            return EDITOR_SUBMIT;
        insert(e, "\n", 1);
        return EDITOR_CONTINUE;
    case CTRL('d'):
        if (e->multiline)
            return EDITOR_SUBMIT;
        delete_range(e, e->cur, next_char(e, e->cur), 0);
        return EDITOR_CONTINUE;
    case KEY_LEFT:
    case CTRL('b'):
        e->cur = prev_char(e, e->cur);
        break;
    case KEY_RIGHT:
    case CTRL('f'):
        e->cur = next_char(e, e->cur);
        break;
    case KEY_HOME:
    case CTRL('a'):
        e->cur = line_start(e, e->cur);
        break;
    case KEY_END:
    case CTRL('e'):
        e->cur = line_end(e, e->cur);
        break;
    case KEY_UP:
        if (e->multiline)
            vertical(e, -1);
        else
            history_step(e, -1);
        break;
    case KEY_DOWN:
        if (e->multiline)
            vertical(e, 1);
        else
            history_step(e, 1);
        break;
    case CTRL('p'):
        history_step(e, -1);
        break;
    case CTRL('n'):
        history_step(e, 1);
        break;
    case CTRL('k'): {
        size_t end = line_end(e, e->cur);
        if (end == e->cur && end < e->len)
            end++; /* at the end of a line: join the next */
        delete_range(e, e->cur, end, 1);
        break;
    }
    case CTRL('u'):
        delete_range(e, line_start(e, e->cur), e->cur, 1);
        break;
    case CTRL('w'): {
        size_t i = e->cur;
        while (i > 0 && (e->buf[i - 1] == ' ' || e->buf[i - 1] == '\t'))
            i--;
        while (i > 0 && e->buf[i - 1] != ' ' && e->buf[i - 1] != '\t' &&
               e->buf[i - 1] != '\n')
            i--;
        delete_range(e, i, e->cur, 1);
        break;
    }
    case CTRL('y'):
        if (e->kill)
            insert(e, e->kill, strlen(e->kill));
        break;
    case KEY_BACKSPACE:
    case 127:
    case 8:
        delete_range(e, prev_char(e, e->cur), e->cur, 0);
        break;
    case KEY_DC:
        delete_range(e, e->cur, next_char(e, e->cur), 0);
        break;
    case '\t':
        insert(e, "    ", 4);
        break;
    default:
        if (key >= 0x20 && key < 0x100 && key != 127) {
            char c = (char)key;
            insert(e, &c, 1);
        }
        break;
    }
    return EDITOR_CONTINUE;
}

int editor_external(Editor *e, char *err, size_t errlen)
{
    char path[] = "/tmp/pyprep-answer-XXXXXX";
    const char *ed = getenv("VISUAL");
    int fd = mkstemp(path), status = -1;
    pid_t pid;
    char *text;
    size_t n;

    if (!ed || !*ed)
        ed = getenv("EDITOR");
    if (!ed || !*ed)
        ed = "vi";
    if (fd < 0 || write(fd, e->buf, e->len) != (ssize_t)e->len) {
        snprintf(err, errlen, "cannot write a temporary file: %s",
                 strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(path);
        }
        return -1;
    }
    close(fd);
    def_prog_mode();
    endwin();
    setenv("PYPREP_ED", ed, 1);
    pid = fork();
    if (pid == 0) {
        /* $EDITOR may hold arguments ("code -w"): let the shell split */
        execl("/bin/sh", "sh", "-c", "exec $PYPREP_ED \"$1\"", "sh", path,
              (char *)NULL);
        _exit(127);
    }
    if (pid > 0) {
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
            ;
    }
    reset_prog_mode();
    refresh();
    if (pid < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        snprintf(err, errlen, "%s did not finish cleanly; answer unchanged",
                 ed);
        unlink(path);
        return -1;
    }
    text = util_read_file(path, &n);
    unlink(path);
    if (!text) {
        snprintf(err, errlen, "cannot read the edited answer back");
        return -1;
    }
    /* editors add a final newline; the answer does not need it */
    while (n && text[n - 1] == '\n')
        text[--n] = '\0';
    editor_set(e, text);
    free(text);
    return 0;
}

void editor_draw(Editor *e, int y, int x, int h, int w, int style, int focus)
{
    int row = 0, col = 0, crow = 0, ccol = 0;
    size_t i = 0;

    if (w < 4 || h < 1)
        return;
    /* first pass: find the cursor's visual row to scroll */
    for (;;) {
        if (i == e->cur) {
            crow = row;
            ccol = col;
        }
        if (i >= e->len)
            break;
        if (e->buf[i] == '\n') {
            row++, col = 0, i++;
            continue;
        }
        {
            int k = md_utf8len(e->buf + i, (int)(e->len - i));
            int cw = md_strwidth(e->buf + i, k, ui_ascii() ? MD_ASCII : 0);
            if (col + cw > w - 1) {
                row++;
                col = 0;
            }
            col += cw;
            i += (size_t)k;
        }
    }
    if (ccol >= w - 1) {
        crow++;
        ccol = 0;
    }
    if (crow < e->top)
        e->top = crow;
    if (crow >= e->top + h)
        e->top = crow - h + 1;
    /* second pass: draw the visible rows */
    row = 0, col = 0, i = 0;
    while (i < e->len) {
        if (e->buf[i] == '\n') {
            row++, col = 0, i++;
            continue;
        }
        {
            int k = md_utf8len(e->buf + i, (int)(e->len - i));
            int cw = md_strwidth(e->buf + i, k, ui_ascii() ? MD_ASCII : 0);
            if (col + cw > w - 1) {
                row++;
                col = 0;
            }
            if (row >= e->top && row < e->top + h)
                ui_text(y + row - e->top, x + col, e->buf + i, k, style, cw);
            col += cw;
            i += (size_t)k;
        }
    }
    if (focus) {
        curs_set(1);
        move(y + crow - e->top, x + ccol);
    }
}
