/*
** ui.c - curses set-up, colours, signals, the screen stack and its loop.
**
** The terminal is restored on every way out: normal exit, SIGINT, SIGTERM
** and SIGHUP (the handler only sets a flag; the loop polls it between
** keys), and crash signals (restore, then re-raise with the default
** action so the exit status and core dump stay honest). Each frame draws
** the whole top screen and flushes once.
*/
#include "ui.h"

#include <langinfo.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define MAX_SCREENS 16

static Screen *stack[MAX_SCREENS];
static int depth;
static int active;
static int ascii_only;
static int attrs[UI_NSTYLES];
static volatile sig_atomic_t got_signal;
static char message[256];

int ui_ascii(void)
{
    return ascii_only;
}

int ui_interrupted(void)
{
    return got_signal != 0;
}

int ui_attr(int style)
{
    return style >= 0 && style < UI_NSTYLES ? attrs[style] : 0;
}

/* ------------------------------------------------------------------ */

static void on_quit_signal(int sig)
{
    got_signal = sig;
}

static void on_crash_signal(int sig)
{
    /* best effort: the program is going down anyway */
    if (active) {
        endwin();
        active = 0;
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void fatal_hook(void)
{
    ui_end();
}

static void install_signals(void)
{
    struct sigaction sa;
    static const int quit_sigs[] = {SIGINT, SIGTERM, SIGHUP};
    static const int crash_sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL,
                                     SIGABRT};

    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_quit_signal;
    for (size_t i = 0; i < sizeof quit_sigs / sizeof quit_sigs[0]; i++)
        sigaction(quit_sigs[i], &sa, NULL);
    sa.sa_handler = on_crash_signal;
    sa.sa_flags = SA_RESETHAND;
    for (size_t i = 0; i < sizeof crash_sigs / sizeof crash_sigs[0]; i++)
        sigaction(crash_sigs[i], &sa, NULL);
}

/* ------------------------------------------------------------------ */

/* Colour pairs: one per style, foreground on the default background. */
static void setup_styles(int color)
{
    struct {
        int style;
        short fg, fg256, bg; /* bg -1 = default */
        int extra;
    } table[] = {
        {MD_TEXT, -1, -1, -1, A_NORMAL},
        {MD_EMPH, -1, -1, -1, A_ITALIC},
        {MD_STRONG, -1, -1, -1, A_BOLD},
        {MD_CODE, COLOR_YELLOW, 180, -1, A_NORMAL},
        {MD_H1, COLOR_CYAN, 81, -1, A_BOLD},
        {MD_H2, COLOR_CYAN, 117, -1, A_BOLD},
        {MD_H3, COLOR_BLUE, 111, -1, A_BOLD},
        {MD_QUOTE, COLOR_GREEN, 151, -1, A_NORMAL},
        {MD_MARK, COLOR_BLUE, 67, -1, A_NORMAL},
        {MD_CODEBLOCK, -1, 252, -1, A_NORMAL},
        {MD_KEYWORD, COLOR_MAGENTA, 176, -1, A_BOLD},
        {MD_BUILTIN, COLOR_CYAN, 80, -1, A_NORMAL},
        {MD_STRING, COLOR_GREEN, 114, -1, A_NORMAL},
        {MD_NUMBER, COLOR_YELLOW, 215, -1, A_NORMAL},
        {MD_COMMENT, COLOR_BLUE, 244, -1, A_NORMAL},
        {MD_DECORATOR, COLOR_YELLOW, 221, -1, A_NORMAL},
        {MD_OUTPUT, COLOR_WHITE, 250, -1, A_DIM},
        {UI_TITLE, COLOR_BLACK, 16, COLOR_CYAN, A_BOLD},
        {UI_STATUS, COLOR_BLACK, 16, COLOR_WHITE, A_NORMAL},
        {UI_SELECT, COLOR_BLACK, 16, COLOR_CYAN, A_NORMAL},
        {UI_BEGINNER, COLOR_GREEN, 114, -1, A_NORMAL},
        {UI_INTERMEDIATE, COLOR_YELLOW, 221, -1, A_NORMAL},
        {UI_ADVANCED, COLOR_RED, 203, -1, A_NORMAL},
        {UI_DIM, -1, 244, -1, A_DIM},
        {UI_HIT, COLOR_BLACK, 16, COLOR_YELLOW, A_NORMAL},
        {UI_HIT_CUR, COLOR_BLACK, 16, COLOR_MAGENTA, A_BOLD},
        {UI_ERROR, COLOR_RED, 203, -1, A_BOLD},
    };
    /* without colour, attributes alone carry the meaning */
    static const int mono[UI_NSTYLES] = {
        [MD_EMPH] = A_UNDERLINE,     [MD_STRONG] = A_BOLD,
        [MD_CODE] = A_BOLD,          [MD_H1] = A_BOLD | A_UNDERLINE,
        [MD_H2] = A_BOLD,            [MD_H3] = A_BOLD,
        [MD_KEYWORD] = A_BOLD,       [MD_COMMENT] = A_DIM,
        [MD_OUTPUT] = A_DIM,         [UI_TITLE] = A_REVERSE | A_BOLD,
        [UI_STATUS] = A_REVERSE,     [UI_SELECT] = A_REVERSE,
        [UI_DIM] = A_DIM,            [UI_HIT] = A_REVERSE,
        [UI_HIT_CUR] = A_REVERSE | A_BOLD,
        [UI_ERROR] = A_BOLD,         [UI_ADVANCED] = A_BOLD,
    };
    int rich = color && COLORS >= 256;

    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        int s = table[i].style;
        if (!color) {
            attrs[s] = mono[s];
            continue;
        }
        init_pair((short)(s + 1), rich ? table[i].fg256 : table[i].fg,
                  table[i].bg);
        attrs[s] = (int)COLOR_PAIR(s + 1) | table[i].extra;
    }
}

int ui_init(const UiOptions *opt)
{
    const char *nc = getenv("NO_COLOR");
    int color;

    ascii_only = strcmp(nl_langinfo(CODESET), "UTF-8") != 0;
    if (!initscr()) {
        fprintf(stderr, "pyprep: cannot start the terminal UI\n");
        return -1;
    }
    active = 1;
    util_fatal_hook = fatal_hook;
    install_signals();
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    curs_set(0);
    set_escdelay(25);
    timeout(200); /* poll for signals between keys */
    mousemask(BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    color = has_colors() && !opt->no_color && !(nc && *nc);
    if (color) {
        start_color();
        use_default_colors();
    }
    setup_styles(color);
    return 0;
}

void ui_end(void)
{
    if (!active)
        return;
    endwin();
    active = 0;
}

/* ------------------------------------------------------------------ */

void ui_fill_line(int y, int style)
{
    attrset(attrs[style]);
    move(y, 0);
    for (int x = 0; x < COLS; x++)
        addch(' ');
    attrset(A_NORMAL);
}

/* One character of s at i (n bytes left); fills out with what to draw. */
static int glyph(const char *s, int n, char *out, int *width)
{
    int k = md_utf8len(s, n);
    unsigned char c = (unsigned char)s[0];

    if (c < 0x20 || c == 0x7f) {
        out[0] = '?'; /* never send control bytes to the terminal */
        out[1] = '\0';
        *width = 1;
        return 1;
    }
    if (k == 1 && c >= 0x80) {
        out[0] = '?';
        out[1] = '\0';
        *width = 1;
        return 1;
    }
    if (ascii_only && k > 1) {
        out[0] = '?';
        out[1] = '\0';
        *width = 1;
        return k;
    }
    memcpy(out, s, (size_t)k);
    out[k] = '\0';
    *width = md_strwidth(s, k, ascii_only ? MD_ASCII : 0);
    return k;
}

int ui_text(int y, int x, const char *s, int n, int style, int maxw)
{
    int used = 0, i = 0;
    char g[8];

    attrset(attrs[style]);
    while (i < n) {
        int w, k = glyph(s + i, n - i, g, &w);
        if (used + w > maxw)
            break;
        mvaddstr(y, x + used, g);
        used += w;
        i += k;
    }
    attrset(A_NORMAL);
    return used;
}

void ui_mdline(int y, int x, const MdLine *ln, int maxw)
{
    int used = 0, i = 0;
    char g[8];

    move(y, x);
    while (i < ln->len) {
        int w, k = glyph(ln->text + i, ln->len - i, g, &w);
        if (used + w > maxw)
            break;
        attrset(attrs[ln->style[i]]);
        addstr(g);
        used += w;
        i += k;
    }
    attrset(A_NORMAL);
}

void ui_bar(int y, int style, const char *left, const char *right)
{
    int rw = right ? md_strwidth(right, (int)strlen(right), 0) : 0;
    ui_fill_line(y, style);
    ui_text(y, 1, left, (int)strlen(left), style,
            COLS - 2 - (rw ? rw + 2 : 0));
    if (right && rw + 2 < COLS)
        ui_text(y, COLS - rw - 1, right, (int)strlen(right), style, rw);
}

void ui_message(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
}

const char *ui_take_message(void)
{
    return message[0] ? message : NULL;
}

static void draw_frame(void)
{
    Screen *s = stack[depth - 1];
    erase();
    if (COLS < UI_MIN_COLS || LINES < UI_MIN_ROWS) {
        const char *m1 = "terminal too small";
        char m2[64];
        snprintf(m2, sizeof m2, "need %dx%d, have %dx%d", UI_MIN_COLS,
                 UI_MIN_ROWS, COLS, LINES);
        ui_text(LINES / 2 - 1, (COLS - (int)strlen(m1)) / 2, m1,
                (int)strlen(m1), UI_ERROR, COLS);
        ui_text(LINES / 2, (COLS - (int)strlen(m2)) / 2, m2, (int)strlen(m2),
                MD_TEXT, COLS);
    } else {
        s->draw(s, LINES, COLS);
    }
    wnoutrefresh(stdscr);
    doupdate();
}

int ui_prompt(const char *label, char *buf, size_t size)
{
    size_t len = strlen(buf);
    int ret = -1;

    curs_set(1);
    while (ret < 0 && !got_signal) {
        int ch, lw = (int)strlen(label);
        draw_frame();
        ui_fill_line(LINES - 1, MD_TEXT);
        ui_text(LINES - 1, 0, label, lw, MD_STRONG, COLS);
        {
            /* show the tail of a long entry */
            int avail = COLS - lw - 1, start = 0;
            while (md_strwidth(buf + start, (int)(len - (size_t)start), 0) >
                   avail)
                start += md_utf8len(buf + start, (int)(len - (size_t)start));
            ui_text(LINES - 1, lw, buf + start, (int)(len - (size_t)start),
                    MD_TEXT, avail);
        }
        refresh();
        ch = getch();
        if (ch == ERR || ch == KEY_RESIZE)
            continue;
        if (ch == '\n' || ch == '\r' || ch == KEY_ENTER)
            ret = 1;
        else if (ch == 27)
            ret = 0;
        else if (ch == KEY_BACKSPACE || ch == 127 || ch == 8) {
            /* delete one whole UTF-8 character */
            while (len > 0 && ((unsigned char)buf[len - 1] & 0xC0) == 0x80)
                len--;
            if (len > 0)
                len--;
            buf[len] = '\0';
        } else if (ch == 21) { /* Ctrl-U */
            len = 0;
            buf[0] = '\0';
        } else if (ch >= 0x20 && ch < 0x100 && ch != 127 && len + 1 < size) {
            buf[len++] = (char)ch;
            buf[len] = '\0';
        }
    }
    curs_set(0);
    return ret == 1;
}

void ui_push(Screen *s)
{
    if (depth == MAX_SCREENS) {
        if (s->free)
            s->free(s);
        return;
    }
    stack[depth++] = s;
    if (s->resize)
        s->resize(s, LINES, COLS);
}

static void pop(void)
{
    Screen *s = stack[--depth];
    if (s->free)
        s->free(s);
}

void ui_run(Screen *first)
{
    ui_push(first);
    for (;;) {
        Screen *s;
        int ch, flags = 0;
        Action act;

        if (got_signal == SIGINT && depth > 0 && stack[depth - 1]->interrupt &&
            stack[depth - 1]->interrupt(stack[depth - 1]))
            got_signal = 0;
        if (depth == 0 || got_signal)
            break;

        draw_frame();
        ch = getch();
        if (ch == ERR)
            continue;
        s = stack[depth - 1];
        if (ch == KEY_RESIZE) {
            for (int i = 0; i < depth; i++)
                if (stack[i]->resize)
                    stack[i]->resize(stack[i], LINES, COLS);
            continue;
        }
        message[0] = '\0';
        if (ch == KEY_MOUSE) {
            MEVENT ev;
            if (getmouse(&ev) != OK)
                continue;
            act = ev.bstate & BUTTON4_PRESSED   ? ACT_SCROLL_UP
                  : ev.bstate & BUTTON5_PRESSED ? ACT_SCROLL_DOWN
                                                : ACT_NONE;
        } else {
            act = keymap_lookup(s->name, ch);
        }
        if (act == ACT_QUIT)
            break;
        if (act == ACT_HELP && strcmp(s->name, "help") != 0) {
            ui_push(screen_help_new());
            continue;
        }
        flags = s->key(s, act, ch);
        if (flags & UI_QUIT)
            break;
        if (flags & UI_POP) {
            pop();
            if (depth > 0 && stack[depth - 1]->resize)
                stack[depth - 1]->resize(stack[depth - 1], LINES, COLS);
        }
    }
    while (depth > 0)
        pop();
    ui_end();
    if (got_signal) {
        /* leave with the signal's own status, as the shell expects */
        signal(got_signal, SIG_DFL);
        raise(got_signal);
    }
}
