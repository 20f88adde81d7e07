/*
** keymap.c - every key binding, in one table.
**
** The same table answers key lookups and feeds the help screen, so what
** `?` shows is what the keys do. Context "*" applies on every screen
** unless a screen's own entry for the key comes first.
*/
#include <string.h>

#include "ui.h"

#define CTRL(c) ((c)&0x1f)

typedef struct {
    const char *context;
    int key;
    Action action;
} Binding;

static const Binding bindings[] = {
    /* the playground types every key into its prompt */
    {"np", 'q', ACT_NONE},
    {"np", '?', ACT_NONE},
    {"help", 'q', ACT_BACK},
    {"help", '?', ACT_BACK},
    {"*", 'q', ACT_QUIT},
    {"*", '?', ACT_HELP},
    {"*", 27, ACT_BACK},
    {"*", KEY_BACKSPACE, ACT_BACK},
    {"*", KEY_LEFT, ACT_BACK},
    {"*", 'h', ACT_BACK},
    {"*", KEY_UP, ACT_UP},
    {"*", 'k', ACT_UP},
    {"*", KEY_DOWN, ACT_DOWN},
    {"*", 'j', ACT_DOWN},
    {"*", KEY_PPAGE, ACT_PAGE_UP},
    {"*", 'b', ACT_PAGE_UP},
    {"*", KEY_NPAGE, ACT_PAGE_DOWN},
    {"*", ' ', ACT_PAGE_DOWN},
    {"*", CTRL('f'), ACT_PAGE_DOWN},
    {"*", CTRL('b'), ACT_PAGE_UP},
    {"*", 'g', ACT_TOP},
    {"*", KEY_HOME, ACT_TOP},
    {"*", 'G', ACT_BOTTOM},
    {"*", KEY_END, ACT_BOTTOM},
    {"*", '\n', ACT_OPEN},
    {"*", '\r', ACT_OPEN},
    {"*", KEY_ENTER, ACT_OPEN},
    {"*", KEY_RIGHT, ACT_OPEN},
    {"*", 'l', ACT_OPEN},
    {"home", 'x', ACT_EXERCISES},
    {"home", 's', ACT_STATS},
    {"home", 'r', ACT_REVIEW},
    {"home", 'd', ACT_DRILL},
    {"home", 'i', ACT_INTERVIEW},
    {"home", 'p', ACT_PLAYGROUND},
    {"lesson", 'x', ACT_EXERCISES},
    {"lesson", '/', ACT_SEARCH},
    {"lesson", 'n', ACT_NEXT_HIT},
    {"lesson", 'N', ACT_PREV_HIT},
    {"lesson", 't', ACT_TOC},
    {NULL, 0, ACT_NONE}};

Action keymap_lookup(const char *context, int key)
{
    /* the screen's own bindings win over the global ones */
    for (const Binding *b = bindings; b->context; b++)
        if (b->key == key && strcmp(b->context, context) == 0)
            return b->action;
    for (const Binding *b = bindings; b->context; b++)
        if (b->key == key && strcmp(b->context, "*") == 0)
            return b->action;
    return ACT_NONE;
}

static const KeyHelp help[] = {
    {"everywhere", "q", "quit pyprep"},
    {"everywhere", "?", "this help (q, ? or Esc closes it)"},
    {"everywhere", "Esc, Backspace, h, Left", "back"},
    {"everywhere", "Up/Down, k/j, mouse wheel", "move or scroll"},
    {"everywhere", "PgUp/PgDn, b/Space", "page up / down"},
    {"everywhere", "g/G, Home/End", "top / bottom"},
    {"home", "Enter, l, Right", "open the selected lesson"},
    {"home", "x", "exercises of the selected lesson"},
    {"home", "r", "review what is due (spaced repetition)"},
    {"home", "d", "a quick timed drill (10 items, 10 minutes)"},
    {"home", "i", "a mock interview ending in a scorecard"},
    {"home", "s", "your stats"},
    {"home", "p", "the NumPy playground (Python that really runs)"},
    {"lesson", "x", "exercises of this lesson"},
    {"lesson", "/", "search the lesson (PCRE2 pattern; lowercase = any case)"},
    {"lesson", "n / N", "next / previous hit"},
    {"lesson", "t", "table of contents (Enter jumps)"},
    {"exercises", "Up/Down, Enter", "pick an exercise and open it"},
    {"exercise", "Enter", "start answering (text kinds) / submit"},
    {"exercise", "Up/Down, 1-9, Space", "choice: move, pick, toggle (multi)"},
    {"exercise", "J/K, Right/Left, Space", "parsons: move line, indent, leave out"},
    {"exercise", "Up/Down, Space", "bug: move to a line, mark it"},
    {"exercise", "h / r / n", "next hint / retry / next exercise"},
    {"editor", "Ctrl-D (multi-line), Enter", "submit the answer"},
    {"editor", "Ctrl-A/E/K/U/W, Home/End", "readline editing"},
    {"editor", "Up/Down", "history (one-line answers)"},
    {"editor", "F2, Ctrl-X Ctrl-E", "edit the answer in $EDITOR"},
    {"editor", "Esc", "leave the editor"},
    {"session", "review, drill, interview", "keys are shown on the status line"},
    {"prompt", "Enter / Esc", "accept / cancel; Ctrl-U clears"},
};

const KeyHelp *keymap_help(int *n)
{
    *n = (int)(sizeof help / sizeof help[0]);
    return help;
}
