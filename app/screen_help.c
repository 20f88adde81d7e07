/*
** screen_help.c - every key, from the keymap's help table.
*/
#include <stdlib.h>
#include <string.h>

#include "ui.h"
#include "util.h"

typedef struct {
    int top;
} Help;

static void help_draw(Screen *s, int rows, int cols)
{
    Help *h = s->data;
    int n, y = 1, line = 0;
    const KeyHelp *k = keymap_help(&n);
    const char *ctx = NULL;

    ui_bar(0, UI_TITLE, "Keys", "q, ? or Esc closes");
    for (int i = 0; i < n && y < rows - 1; i++) {
        if (!ctx || strcmp(ctx, k[i].context) != 0) {
            ctx = k[i].context;
            if (line++ >= h->top && y < rows - 1) {
                ui_text(y++, 1, ctx, (int)strlen(ctx), MD_H2, cols - 2);
            }
        }
        if (line++ < h->top)
            continue;
        ui_text(y, 3, k[i].keys, (int)strlen(k[i].keys), MD_CODE, 26);
        ui_text(y, 31, k[i].what, (int)strlen(k[i].what), MD_TEXT,
                cols - 32);
        y++;
    }
    ui_bar(rows - 1, UI_STATUS, "pyprep " PYPREP_VERSION, NULL);
}

static int help_key(Screen *s, Action act, int key)
{
    Help *h = s->data;
    (void)key;
    switch (act) {
    case ACT_BACK:
        return UI_POP;
    case ACT_DOWN:
    case ACT_SCROLL_DOWN:
        h->top++;
        break;
    case ACT_UP:
    case ACT_SCROLL_UP:
        if (h->top > 0)
            h->top--;
        break;
    default:
        break;
    }
    return 0;
}

static void help_free(Screen *s)
{
    free(s->data);
    free(s);
}

Screen *screen_help_new(void)
{
    Screen *s = xcalloc(1, sizeof *s);
    s->name = "help";
    s->draw = help_draw;
    s->key = help_key;
    s->free = help_free;
    s->data = xcalloc(1, sizeof(Help));
    return s;
}
