/*
** ui.h - the TUI frame: curses set-up, styles, screens, prompts.
**
** ui.c is the only owner of curses initialisation, colours and the frame
** flush. Screens are vtables pushed on a stack; each frame draws the top
** screen whole, then one doupdate. Keys go through the keymap first, so a
** screen receives an action (and the raw key, for text entry).
*/
#ifndef PYPREP_UI_H
#define PYPREP_UI_H

#include <curses.h>

#include "markdown.h"

/* Styles past the Markdown ones: chrome of the screens. */
enum {
    UI_TITLE = MD_NSTYLES, /* top bar */
    UI_STATUS,             /* bottom bar */
    UI_SELECT,             /* selected row */
    UI_BEGINNER,
    UI_INTERMEDIATE,
    UI_ADVANCED,
    UI_DIM,   /* unavailable, hints */
    UI_HIT,   /* search hit */
    UI_HIT_CUR, /* the current search hit */
    UI_ERROR,
    UI_NSTYLES
};

/* Actions keys map to (keymap.c); screens act on these. */
typedef enum {
    ACT_NONE,
    ACT_QUIT,
    ACT_HELP,
    ACT_BACK,
    ACT_OPEN,
    ACT_UP,
    ACT_DOWN,
    ACT_PAGE_UP,
    ACT_PAGE_DOWN,
    ACT_TOP,
    ACT_BOTTOM,
    ACT_SEARCH,
    ACT_NEXT_HIT,
    ACT_PREV_HIT,
    ACT_TOC,
    ACT_SCROLL_UP,   /* mouse wheel */
    ACT_SCROLL_DOWN,
    ACT_EXERCISES, /* open the exercises of a lesson */
    ACT_STATS,
    ACT_REVIEW,
    ACT_DRILL,
    ACT_INTERVIEW,
    ACT_PLAYGROUND,
    ACT_NACTIONS
} Action;

/* What a key handler asks the frame to do. */
#define UI_POP 0x1  /* close this screen */
#define UI_QUIT 0x2 /* leave the program */

typedef struct Screen Screen;
struct Screen {
    const char *name; /* keymap context, e.g. "home", "lesson" */
    void (*draw)(Screen *s, int rows, int cols);
    int (*key)(Screen *s, Action act, int key);
    void (*resize)(Screen *s, int rows, int cols); /* may be NULL */
    void (*free)(Screen *s);                       /* may be NULL */
    /* SIGINT while this screen is on top; non-zero means the screen took
    ** it (a REPL drops its input line) and pyprep goes on. May be NULL:
    ** then Ctrl-C leaves pyprep, as in every other screen. */
    int (*interrupt)(Screen *s);
    void *data;
};

/* Options for the session, from the command line and environment. */
typedef struct {
    int no_color;
} UiOptions;

/* Start curses; returns -1 with a message on stderr if impossible. */
int ui_init(const UiOptions *opt);
/* Restore the terminal; safe to call twice. */
void ui_end(void);
/* Push a screen (owned by the frame from now on) and run until quit. */
void ui_run(Screen *first);
void ui_push(Screen *s);

/* Non-zero when only ASCII can be shown (locale is not UTF-8). */
int ui_ascii(void);
int ui_attr(int style);
/* Non-zero once SIGINT, SIGTERM or SIGHUP arrived: a screen's own input
** loop must return so the frame can restore the terminal and exit. */
int ui_interrupted(void);

/* Drawing helpers for screens. */
void ui_fill_line(int y, int style);
/* Draw s (n bytes) at y,x in style, clipped to maxw columns; returns the
** columns used. */
int ui_text(int y, int x, const char *s, int n, int style, int maxw);
/* Draw a rendered line with its per-byte styles. */
void ui_mdline(int y, int x, const MdLine *ln, int maxw);
void ui_bar(int y, int style, const char *left, const char *right);

/* A one-line prompt on the bottom row; returns 1 on Enter, 0 on Esc. */
int ui_prompt(const char *label, char *buf, size_t size);

/* Show a message in the status bar until the next key. */
void ui_message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
const char *ui_take_message(void);

/* The minimum usable size. */
#define UI_MIN_COLS 40
#define UI_MIN_ROWS 10

/* keymap.c */
Action keymap_lookup(const char *context, int key);
/* Help text: one entry per binding, for the help screen. */
typedef struct {
    const char *context;
    const char *keys;
    const char *what;
} KeyHelp;
const KeyHelp *keymap_help(int *n);

/* Screens. */
Screen *screen_home_new(void *content);
Screen *screen_lesson_new(void *content, void *lesson);
Screen *screen_help_new(void);
/*
** The exercises of a lesson (its topics), from app/screen_exercise.c.
** Returns NULL when there are none, after setting a ui_message saying so.
*/
Screen *screen_exercises_new(void *content, void *lesson);
/* The NumPy playground (app/screen_np.c): a Python REPL over one sandbox
** session, like a notebook kernel. */
Screen *screen_np_new(void);

#endif
