/*
** screen_np.c - the NumPy playground: a Python REPL over a sandbox session.
**
** One sandbox session per playground (variables persist like a notebook
** kernel); each input is compiled in REPL mode (module names live in the
** session's table, expression values are shown) and run there. A limit or
** Ctrl-C kills the session: the screen says so and the next input starts
** a fresh one. History persists in $XDG_DATA_HOME/pyprep/np_history.
*/
#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lauxlib.h>
#include <lualib.h>

#include "lnd.h"
#include "py.h"
#include "sandbox.h"
#include "ui.h"
#include "util.h"

/* The playground screen; pushed by the TUI or `pyprep np`. */
Screen *screen_np_new(void);

#define NP_MAXLINES 3000
#define NP_MAXHIST 500

typedef struct {
    char *text;
    int style;
} NpLine;

typedef struct {
    SandboxSession *ss;
    NpLine *lines;
    int nlines;
    int scroll;      /* lines scrolled up from the bottom */
    Buf input;       /* the pending (maybe multi-line) input */
    size_t cursor;   /* byte offset into input */
    char **hist;
    int nhist, hpos;
    char *histpath;
    char **npnames;  /* attributes of the numpy module, for Tab */
    int nnp;
    Buf outpart[2];  /* partial output lines per channel */
} Np;

static Sandbox *np_running;

static void np_on_sigint(int sig)
{
    (void)sig;
    if (np_running)
        sandbox_cancel(np_running);
}

static void np_add_line(Np *np, const char *s, size_t n, int style)
{
    if (np->nlines == NP_MAXLINES) {
        free(np->lines[0].text);
        memmove(np->lines, np->lines + 1,
                sizeof *np->lines * (NP_MAXLINES - 1));
        np->nlines--;
    }
    if (!np->lines)
        np->lines = xcalloc(NP_MAXLINES, sizeof *np->lines);
    np->lines[np->nlines].text = xstrndup(s, n);
    np->lines[np->nlines].style = style;
    np->nlines++;
}

static void np_add_text(Np *np, const char *s, int style)
{
    const char *p = s;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        np_add_line(np, p, n, style);
        p += n + (nl != NULL);
    }
}

/* Arrays coloured by dtype, judged from NumPy's own text. */
static int np_value_style(const char *s)
{
    if (strstr(s, "True") || strstr(s, "False"))
        return UI_ADVANCED;
    if (s[0] == '[' || strncmp(s, "array(", 6) == 0 || s[0] == ' ') {
        if (strchr(s, '.') || strstr(s, "e+") || strstr(s, "nan") ||
            strstr(s, "inf"))
            return UI_INTERMEDIATE;
        return UI_BEGINNER;
    }
    return 0;
}

static void np_on_output(void *ud, int channel, const char *s, size_t n)
{
    Np *np = ud;
    Buf *b = &np->outpart[channel == SANDBOX_STDERR];
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            const char *t = b->data ? b->data : "";
            int style = channel == SANDBOX_STDERR ? UI_ERROR
                                                  : np_value_style(t);
            np_add_line(np, t, b->len, style);
            b->len = 0;
            if (b->data)
                b->data[0] = 0;
        } else if (b->len < 4096) {
            buf_addc(b, s[i]);
        }
    }
}

static void np_flush_partial(Np *np)
{
    for (int c = 0; c < 2; c++)
        if (np->outpart[c].len) {
            np_add_line(np, np->outpart[c].data, np->outpart[c].len,
                        c ? UI_ERROR : 0);
            np->outpart[c].len = 0;
        }
}

static const SandboxLib np_libs[] = {
    {"nd", luaopen_nd}, {"nd_linalg", luaopen_nd_linalg}, {"py", luaopen_py}};

static int np_session(Np *np)
{
    if (np->ss && sandbox_session_alive(np->ss))
        return 0;
    if (np->ss)
        sandbox_session_free(np->ss);
    SandboxConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.time_ms = 10000;
    cfg.memory_bytes = (size_t)512 << 20;
    cfg.output_bytes = (size_t)4 << 20;
    cfg.libs = np_libs;
    cfg.nlibs = sizeof np_libs / sizeof np_libs[0];
    cfg.on_output = np_on_output;
    cfg.ud = np;
    np->ss = sandbox_session_new(&cfg);
    return np->ss ? 0 : -1;
}

/* ---- history ---- */

static void np_hist_load(Np *np)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    if (xdg && *xdg)
        np->histpath = xasprintf("%s/pyprep/np_history", xdg);
    else if (home && *home)
        np->histpath = xasprintf("%s/.local/share/pyprep/np_history", home);
    else
        return;
    FILE *f = fopen(np->histpath, "r");
    if (!f)
        return;
    char line[8192];
    while (fgets(line, sizeof line, f)) {
        size_t n = strlen(line);
        if (n && line[n - 1] == '\n')
            line[--n] = 0;
        for (size_t i = 0; i < n; i++)
            if (line[i] == '\x01')
                line[i] = '\n';
        if (np->nhist == NP_MAXHIST) {
            free(np->hist[0]);
            memmove(np->hist, np->hist + 1, sizeof *np->hist *
                                                (NP_MAXHIST - 1));
            np->nhist--;
        }
        np->hist[np->nhist++] = xstrdup(line);
    }
    fclose(f);
}

static void np_hist_save(Np *np)
{
    if (!np->histpath)
        return;
    char *dir = xstrdup(np->histpath);
    for (char *p = dir + 1; *p; p++)
        if (*p == '/') {
            *p = 0;
            mkdir(dir, 0700);
            *p = '/';
        }
    free(dir);
    FILE *f = fopen(np->histpath, "w");
    if (!f)
        return;
    for (int i = 0; i < np->nhist; i++) {
        for (const char *p = np->hist[i]; *p; p++)
            fputc(*p == '\n' ? '\x01' : *p, f);
        fputc('\n', f);
    }
    fclose(f);
}

static void np_hist_add(Np *np, const char *s)
{
    if (np->nhist && strcmp(np->hist[np->nhist - 1], s) == 0)
        return;
    if (np->nhist == NP_MAXHIST) {
        free(np->hist[0]);
        memmove(np->hist, np->hist + 1, sizeof *np->hist * (NP_MAXHIST - 1));
        np->nhist--;
    }
    np->hist[np->nhist++] = xstrdup(s);
    np_hist_save(np);
}

/* ---- input editing ---- */

static void np_set_input(Np *np, const char *s)
{
    np->input.len = 0;
    buf_adds(&np->input, s);
    np->cursor = np->input.len;
}

static const char *np_text(const Np *np)
{
    return np->input.data ? np->input.data : "";
}

static void np_insert(Np *np, const char *s, size_t n)
{
    Buf b = {0};
    const char *t = np_text(np);
    buf_add(&b, t, np->cursor);
    buf_add(&b, s, n);
    buf_adds(&b, t + np->cursor);
    buf_free(&np->input);
    np->input = b;
    np->cursor += n;
}

/* Whether the input needs more lines before it runs (like codeop). */
static int np_needs_more(const char *src)
{
    PyDiag d;
    size_t n;
    char *lua = py_compile_new(src, strlen(src), "<stdin>", PY_REPL, &n,
                               &d);
    free(lua);
    if (!lua && d.kind == PY_ESYNTAX &&
        (strstr(d.msg, "was never closed") ||
         strstr(d.msg, "expected an indented block") ||
         strstr(d.msg, "unterminated triple-quoted")))
        return 1;
    /* a compound statement ends with an empty line */
    const char *last = strrchr(src, '\n');
    int multiline = last != NULL;
    last = last ? last + 1 : src;
    int blank = 1;
    for (const char *p = last; *p; p++)
        if (!isspace((unsigned char)*p))
            blank = 0;
    size_t len = strlen(src);
    while (len && isspace((unsigned char)src[len - 1]))
        len--;
    if (len && src[len - 1] == ':')
        return 1;
    return multiline && !blank;
}

/* Indentation for a new line after the current last line. */
static void np_newline_indent(Np *np)
{
    const char *t = np_text(np);
    const char *last = strrchr(t, '\n');
    last = last ? last + 1 : t;
    size_t ind = 0;
    while (last[ind] == ' ')
        ind++;
    size_t len = strlen(last);
    while (len && isspace((unsigned char)last[len - 1]))
        len--;
    if (len && last[len - 1] == ':')
        ind += 4;
    np_insert(np, "\n", 1);
    for (size_t i = 0; i < ind; i++)
        np_insert(np, " ", 1);
}

/* ---- completion ---- */

static const char *const np_builtins[] = {
    "print", "len", "range", "int", "float", "str", "list", "tuple", "dict",
    "set", "abs", "min", "max", "sum", "round", "sorted", "enumerate", "zip",
    "isinstance", "type", "repr", "import", "numpy", "lambda", "def",
    "return", "for", "while", "if", "else", "elif", "True", "False", "None",
    NULL};

static void np_load_names(Np *np)
{
    /* nd is our own binding: enumerate it in a throwaway host state */
    lua_State *L = luaL_newstate();
    if (!L)
        return;
    luaL_requiref(L, "nd", luaopen_nd, 0);
    lua_pushnil(L);
    while (lua_next(L, -2)) {
        if (lua_type(L, -2) == LUA_TSTRING) {
            const char *k = lua_tostring(L, -2);
            if (k[0] != '_') {
                np->npnames = xrealloc(np->npnames,
                                       sizeof *np->npnames * (np->nnp + 1));
                np->npnames[np->nnp++] = xstrdup(k);
            }
        }
        lua_pop(L, 1);
    }
    lua_close(L);
    static const char *const extra[] = {"vectorize", "ndarray", "newaxis",
                                        NULL};
    for (int i = 0; extra[i]; i++) {
        np->npnames = xrealloc(np->npnames,
                               sizeof *np->npnames * (np->nnp + 1));
        np->npnames[np->nnp++] = xstrdup(extra[i]);
    }
}

static void np_complete(Np *np)
{
    const char *t = np_text(np);
    size_t end = np->cursor, start = end;
    while (start > 0 && (isalnum((unsigned char)t[start - 1]) ||
                         t[start - 1] == '_' || t[start - 1] == '.'))
        start--;
    char word[128];
    if (end - start >= sizeof word)
        return;
    memcpy(word, t + start, end - start);
    word[end - start] = 0;
    const char *dot = strrchr(word, '.');
    const char *prefix = dot ? dot + 1 : word;
    size_t pn = strlen(prefix);
    const char *match[64];
    int nm = 0;
    if (dot) {
        if (strncmp(word, "np.", 3) != 0 && strncmp(word, "numpy.", 6) != 0)
            return;
        for (int i = 0; i < np->nnp && nm < 64; i++)
            if (strncmp(np->npnames[i], prefix, pn) == 0)
                match[nm++] = np->npnames[i];
    } else {
        if (pn == 0)
            return;
        for (int i = 0; np_builtins[i] && nm < 64; i++)
            if (strncmp(np_builtins[i], prefix, pn) == 0)
                match[nm++] = np_builtins[i];
        if (strncmp("np", prefix, pn) == 0 && nm < 64)
            match[nm++] = "np";
    }
    if (nm == 0)
        return;
    /* extend to the longest common prefix */
    size_t common = strlen(match[0]);
    for (int i = 1; i < nm; i++) {
        size_t k = 0;
        while (k < common && match[i][k] == match[0][k])
            k++;
        common = k;
    }
    if (common > pn) {
        np_insert(np, match[0] + pn, common - pn);
    } else if (nm > 1) {
        Buf b = {0};
        for (int i = 0; i < nm; i++) {
            buf_adds(&b, match[i]);
            buf_adds(&b, "  ");
        }
        np_add_line(np, b.data, b.len, UI_DIM);
        buf_free(&b);
    }
}

/* ---- running ---- */

static void np_echo_input(Np *np, const char *src)
{
    const char *p = src;
    int first = 1;
    for (;;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        Buf b = {0};
        buf_adds(&b, first ? ">>> " : "... ");
        buf_add(&b, p, n);
        np_add_line(np, b.data, b.len, UI_DIM);
        buf_free(&b);
        first = 0;
        if (!nl)
            break;
        p = nl + 1;
    }
}

static void np_help(Np *np)
{
    np_add_text(np,
                "NumPy playground: type Python, Enter runs it. Lines ending "
                "in ':' or with\n"
                "open brackets continue; an empty line ends a block. "
                "Variables persist\n"
                "between inputs. Up/Down: history, Tab: complete names and "
                "np. attributes,\n"
                "PgUp/PgDn: scroll, Ctrl-C: interrupt a long run, Esc: "
                "leave.\n"
                ":reset starts a fresh session, :help shows this.", UI_DIM);
}

static void np_run(Np *np, const char *src)
{
    PyDiag d;
    size_t n;
    char *lua = py_compile_new(src, strlen(src), "<stdin>", PY_REPL, &n,
                               &d);
    if (!lua) {
        char msg[2048];
        py_diag_format(&d, src, strlen(src), "<stdin>", msg, sizeof msg);
        np_add_text(np, msg, UI_ERROR);
        return;
    }
    if (np_session(np) < 0) {
        np_add_text(np, "pyprep: could not start a sandbox session",
                    UI_ERROR);
        free(lua);
        return;
    }
    SandboxResult res;
    memset(&res, 0, sizeof res);
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = np_on_sigint;
    sigemptyset(&sa.sa_mask);
    np_running = sandbox_session_sandbox(np->ss);
    sigaction(SIGINT, &sa, &old);
    sandbox_session_run(np->ss, lua, n, "=py:<stdin>", NULL, 0, &res);
    sigaction(SIGINT, &old, NULL);
    np_running = NULL;
    free(lua);
    np_flush_partial(np);
    switch (res.kind) {
    case SANDBOX_OK:
    case SANDBOX_RUNTIME:
    case SANDBOX_SYNTAX:
        if (res.kind != SANDBOX_OK && res.message)
            np_add_text(np, res.message, UI_ERROR);
        break;
    default: {
        char msg[512];
        snprintf(msg, sizeof msg,
                 "%s: the session ended (%s); variables were reset",
                 res.kind == SANDBOX_CANCELLED ? "KeyboardInterrupt"
                                               : "pyprep",
                 res.message && *res.message ? res.message
                                             : sandbox_kind_name(res.kind));
        np_add_text(np, msg, UI_ERROR);
        sandbox_session_free(np->ss);
        np->ss = NULL;
    }
    }
    sandbox_result_free(&res);
}

static void np_submit(Np *np)
{
    char *src = xstrdup(np_text(np));
    np->input.len = 0;
    if (np->input.data)
        np->input.data[0] = 0;
    np->cursor = 0;
    np->scroll = 0;
    np->hpos = -1;
    size_t len = strlen(src);
    while (len && isspace((unsigned char)src[len - 1]))
        src[--len] = 0;
    if (strcmp(src, ":help") == 0) {
        np_help(np);
    } else if (strcmp(src, ":reset") == 0) {
        if (np->ss)
            sandbox_session_free(np->ss);
        np->ss = NULL;
        np_add_text(np, "(fresh session: all variables cleared)", UI_DIM);
    } else if (src[0] == ':') {
        np_add_text(np, "unknown command; try :help", UI_ERROR);
    } else if (src[0]) {
        np_echo_input(np, src);
        np_hist_add(np, src);
        np_run(np, src);
    }
    free(src);
}

/* ---- the screen ---- */

static void np_draw(Screen *s, int rows, int cols)
{
    Np *np = s->data;
    ui_bar(0, UI_TITLE, " NumPy playground", ":help  Esc back ");
    /* the input's lines, with prompts */
    const char *t = np_text(np);
    int nin = 1;
    for (const char *p = t; *p; p++)
        nin += *p == '\n';
    int area = rows - 2;
    int outrows = area - nin;
    if (outrows < 1)
        outrows = 1;
    int maxscroll = np->nlines > outrows ? np->nlines - outrows : 0;
    if (np->scroll > maxscroll)
        np->scroll = maxscroll;
    int first = np->nlines - outrows - np->scroll;
    if (first < 0)
        first = 0;
    int y = 1;
    for (int i = first; i < np->nlines && y < 1 + outrows; i++, y++) {
        move(y, 0);
        clrtoeol();
        ui_text(y, 0, np->lines[i].text, (int)strlen(np->lines[i].text),
                np->lines[i].style, cols);
    }
    for (; y < 1 + outrows; y++) {
        move(y, 0);
        clrtoeol();
    }
    int cy = y, cx = 4;
    const char *p = t;
    size_t off = 0;
    for (int line = 0; line < nin && y < rows - 1; line++, y++) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        move(y, 0);
        clrtoeol();
        ui_text(y, 0, line ? "... " : ">>> ", 4, UI_DIM, cols);
        ui_text(y, 4, p, (int)n, 0, cols - 4);
        if (np->cursor >= off && np->cursor <= off + n) {
            cy = y;
            cx = 4 + (int)(np->cursor - off);
        }
        off += n + 1;
        p += n + (nl != NULL);
    }
    const char *msg = ui_take_message();
    ui_bar(rows - 1, UI_STATUS, msg ? msg : " Enter run  Tab complete  "
                                            "Up/Down history",
           np->ss ? "session live " : "no session ");
    if (cx >= cols)
        cx = cols - 1;
    curs_set(1);
    move(cy, cx);
}

static int np_key(Screen *s, Action act, int key)
{
    Np *np = s->data;
    (void)act;
    const char *t = np_text(np);
    switch (key) {
    case 27:
        if (np->input.len == 0) {
            curs_set(0);
            return UI_POP;
        }
        np_set_input(np, "");
        return 0;
    case 4: /* Ctrl-D */
        if (np->input.len == 0) {
            curs_set(0);
            return UI_POP;
        }
        return 0;
    case 21: /* Ctrl-U */
        np_set_input(np, "");
        return 0;
    case 3: /* Ctrl-C at the prompt: drop the input */
        np_add_line(np, "KeyboardInterrupt", 17, UI_ERROR);
        np_set_input(np, "");
        return 0;
    case '\n':
    case '\r':
    case KEY_ENTER:
        if (np_needs_more(t))
            np_newline_indent(np);
        else
            np_submit(np);
        return 0;
    case KEY_BACKSPACE:
    case 127:
    case 8:
        if (np->cursor > 0) {
            size_t k = np->cursor - 1;
            while (k > 0 && ((unsigned char)t[k] & 0xC0) == 0x80)
                k--;
            memmove(np->input.data + k, np->input.data + np->cursor,
                    np->input.len - np->cursor + 1);
            np->input.len -= np->cursor - k;
            np->cursor = k;
        }
        return 0;
    case KEY_DC:
        if (np->cursor < np->input.len) {
            size_t k = np->cursor + 1;
            while (k < np->input.len && ((unsigned char)t[k] & 0xC0) == 0x80)
                k++;
            memmove(np->input.data + np->cursor, np->input.data + k,
                    np->input.len - k + 1);
            np->input.len -= k - np->cursor;
        }
        return 0;
    case KEY_LEFT:
        while (np->cursor > 0) {
            np->cursor--;
            if (((unsigned char)t[np->cursor] & 0xC0) != 0x80)
                break;
        }
        return 0;
    case KEY_RIGHT:
        while (np->cursor < np->input.len) {
            np->cursor++;
            if (np->cursor == np->input.len ||
                ((unsigned char)t[np->cursor] & 0xC0) != 0x80)
                break;
        }
        return 0;
    case KEY_HOME:
    case 1: /* Ctrl-A */
        while (np->cursor > 0 && t[np->cursor - 1] != '\n')
            np->cursor--;
        return 0;
    case KEY_END:
    case 5: /* Ctrl-E */
        while (np->cursor < np->input.len && t[np->cursor] != '\n')
            np->cursor++;
        return 0;
    case KEY_UP:
        if (np->nhist == 0)
            return 0;
        np->hpos = np->hpos < 0 ? np->nhist - 1
                                : (np->hpos > 0 ? np->hpos - 1 : 0);
        np_set_input(np, np->hist[np->hpos]);
        return 0;
    case KEY_DOWN:
        if (np->hpos < 0)
            return 0;
        if (np->hpos + 1 < np->nhist) {
            np->hpos++;
            np_set_input(np, np->hist[np->hpos]);
        } else {
            np->hpos = -1;
            np_set_input(np, "");
        }
        return 0;
    case KEY_PPAGE:
        np->scroll += 10;
        return 0;
    case KEY_NPAGE:
        np->scroll = np->scroll > 10 ? np->scroll - 10 : 0;
        return 0;
    case '\t':
        np_complete(np);
        return 0;
    default:
        if ((key >= 32 && key < 127) || (key >= 128 && key < 256)) {
            char c = (char)key;
            np_insert(np, &c, 1);
        }
        return 0;
    }
}

/* Ctrl-C at the prompt arrives as SIGINT (the terminal is in cbreak
** mode): drop the input as Python's REPL does, and stay. */
static int np_interrupt(Screen *s)
{
    np_key(s, ACT_NONE, 3);
    return 1;
}

static void np_free(Screen *s)
{
    Np *np = s->data;
    if (np->ss)
        sandbox_session_free(np->ss);
    for (int i = 0; i < np->nlines; i++)
        free(np->lines[i].text);
    free(np->lines);
    for (int i = 0; i < np->nhist; i++)
        free(np->hist[i]);
    free(np->hist);
    for (int i = 0; i < np->nnp; i++)
        free(np->npnames[i]);
    free(np->npnames);
    free(np->histpath);
    buf_free(&np->input);
    buf_free(&np->outpart[0]);
    buf_free(&np->outpart[1]);
    free(np);
    free(s);
}

Screen *screen_np_new(void)
{
    Np *np = xcalloc(1, sizeof *np);
    Screen *s = xcalloc(1, sizeof *s);
    np->hist = xcalloc(NP_MAXHIST, sizeof *np->hist);
    np->hpos = -1;
    np_hist_load(np);
    np_load_names(np);
    np_add_text(np, "Python with NumPy (the pyprep subset). :help for keys; "
                    "try: import numpy as np", UI_DIM);
    s->name = "np";
    s->draw = np_draw;
    s->key = np_key;
    s->interrupt = np_interrupt;
    s->free = np_free;
    s->data = np;
    return s;
}
