/*
** editor.h - line and multi-line text editors with readline keys.
**
** The editor owns a UTF-8 buffer and a byte cursor that always sits on a
** character boundary. Keys: Left/Right, Home/End, Ctrl-A/E (line start /
** end), Ctrl-K/U (kill to end / start of line), Ctrl-W (kill word back),
** Ctrl-Y (yank), Backspace/Delete, Ctrl-P/N (history), Up/Down (history in
** a line editor, lines in a multi-line one), Tab (four spaces), F2 or
** Ctrl-X Ctrl-E ($EDITOR). Enter submits a line editor and breaks the line
** in a multi-line one, where Ctrl-D submits. Esc leaves, keeping the text.
*/
#ifndef PYPREP_EDITOR_H
#define PYPREP_EDITOR_H

#include <stddef.h>

typedef struct {
    char *buf;
    size_t len, cap, cur;
    int multiline;
    char *kill;     /* last killed text (Ctrl-Y) */
    char **hist;    /* submitted texts, oldest first */
    int nhist, hpos; /* hpos == nhist: editing a new text */
    char *draft;    /* the new text while browsing history */
    int ctrl_x;     /* Ctrl-X seen: Ctrl-E opens $EDITOR */
    int top;        /* first visual row shown (multi-line) */
} Editor;

enum { EDITOR_CONTINUE, EDITOR_SUBMIT, EDITOR_CANCEL, EDITOR_EXTERNAL };

void editor_init(Editor *e, int multiline);
void editor_free(Editor *e);
/* Replace the text (cursor at the end). */
void editor_set(Editor *e, const char *text);
/* The text, NUL-terminated (borrowed until the next change). */
const char *editor_text(const Editor *e);
/* Handle one key (a curses key code or a byte of UTF-8). Returns one of
** EDITOR_*. EDITOR_EXTERNAL asks the caller to run editor_external. */
int editor_key(Editor *e, int key);
/* Remember the current text in the history (skips empty and repeats). */
void editor_history_add(Editor *e);
/* Edit the text in $EDITOR (or vi): leaves curses, runs it, reloads the
** file. Returns 0, or -1 with a message in err. */
int editor_external(Editor *e, char *err, size_t errlen);
/*
** Draw into the box y,x (h rows, w columns) with soft wrapping, scrolling
** to keep the cursor visible; places the terminal cursor on it when
** `focus`. `style` is a UI style.
*/
void editor_draw(Editor *e, int y, int x, int h, int w, int style,
                 int focus);

#endif
