/*
** markdown.c - parse the lesson Markdown subset and lay it out in lines.
**
** Parsing splits the source into blocks; each block keeps its raw lines.
** Rendering turns inline markup into styled runs, then wraps words
** greedily at the width. Every rendered line is built in a "styled
** string" (bytes + one style byte each), so wrapping, highlighting and
** search all work on the same representation.
*/
#include "markdown.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

typedef enum {
    B_HEADING,
    B_PARA,
    B_CODE,
    B_LIST,
    B_QUOTE,
    B_TABLE,
    B_RULE
} BlockKind;

typedef struct {
    char *text; /* one logical item/line, markup still in it */
    int indent; /* list nesting (0/1) or heading level */
    int number; /* ordered-list number, 0 for bullets */
} Item;

typedef struct {
    BlockKind kind;
    char *lang; /* code blocks */
    Item *items;
    int nitems;
} Block;

struct MdDoc {
    Block *blocks;
    int nblocks;
};

/* ---------------------------------------------------------------------
** UTF-8 and widths
*/

int md_utf8len(const char *s, int n)
{
    unsigned char c = (unsigned char)s[0];
    int want, i;

    if (c < 0x80)
        return 1;
    want = c >= 0xF0 && c < 0xF8 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (want == 0 || want > n)
        return 1;
    for (i = 1; i < want; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            return 1;
    return want;
}

static unsigned utf8_decode(const char *s, int k)
{
    const unsigned char *u = (const unsigned char *)s;
    switch (k) {
    case 2:
        return ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu);
    case 3:
        return ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) |
               (u[2] & 0x3Fu);
    case 4:
        return ((u[0] & 0x07u) << 18) | ((u[1] & 0x3Fu) << 12) |
               ((u[2] & 0x3Fu) << 6) | (u[3] & 0x3Fu);
    default:
        return u[0];
    }
}

/*
** Columns a code point takes. Our own table rather than wcwidth(), whose
** answer depends on the locale: `pyprep show` must lay out the same way
** under LANG=C as in the UTF-8 terminal.
*/
static int codepoint_width(unsigned c)
{
    static const unsigned wide[][2] = {
        {0x1100, 0x115F},   {0x2E80, 0x303E},   {0x3041, 0x33FF},
        {0x3400, 0x4DBF},   {0x4E00, 0x9FFF},   {0xA000, 0xA4CF},
        {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE30, 0xFE4F},
        {0xFF00, 0xFF60},   {0xFFE0, 0xFFE6},   {0x1F300, 0x1F64F},
        {0x1F900, 0x1F9FF}, {0x20000, 0x3FFFD},
    };
    if ((c >= 0x0300 && c <= 0x036F) || c == 0x200B ||
        (c >= 0xFE00 && c <= 0xFE0F))
        return 0; /* combining marks, zero width space, selectors */
    for (size_t i = 0; i < sizeof wide / sizeof wide[0]; i++)
        if (c >= wide[i][0] && c <= wide[i][1])
            return 2;
    return 1;
}

/* Width of the character of k bytes at s. */
static int char_width(const char *s, int k, int flags)
{
    if (k == 1 || (flags & MD_ASCII))
        return 1;
    return codepoint_width(utf8_decode(s, k));
}

int md_strwidth(const char *s, int n, int flags)
{
    int i = 0, w = 0;
    while (i < n) {
        int k = md_utf8len(s + i, n - i);
        w += char_width(s + i, k, flags);
        i += k;
    }
    return w;
}

/* ---------------------------------------------------------------------
** Styled strings
*/

typedef struct {
    Buf text;
    unsigned char *style;
    size_t cap;
} SStr;

static void ss_add(SStr *s, const char *p, size_t n, int style)
{
    size_t old = s->text.len;
    if (n == 0)
        return;
    buf_add(&s->text, p, n);
    if (s->text.len > s->cap) {
        s->cap = s->text.cap;
        s->style = xrealloc(s->style, s->cap);
    }
    memset(s->style + old, style, n);
}

static void ss_free(SStr *s)
{
    buf_free(&s->text);
    free(s->style);
    memset(s, 0, sizeof *s);
}

/* ---------------------------------------------------------------------
** Parsing blocks
*/

static int is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)s[i]))
            return 0;
    return 1;
}

/* A code fence: 3+ backticks or tildes after up to 3 spaces. */
static int fence_len(const char *s, size_t n, char *ch)
{
    size_t i = 0, k = 0;
    while (i < n && i < 3 && s[i] == ' ')
        i++;
    if (i >= n || (s[i] != '`' && s[i] != '~'))
        return 0;
    *ch = s[i];
    while (i + k < n && s[i + k] == *ch)
        k++;
    return k >= 3 ? (int)(i + k) : 0;
}

static int heading_level(const char *s, size_t n)
{
    size_t k = 0;
    while (k < n && s[k] == '#')
        k++;
    if (k >= 1 && k <= 3 && k < n && s[k] == ' ')
        return (int)k;
    return 0;
}

/* List marker: returns the offset of the item text, 0 if not an item. */
static int list_marker(const char *s, size_t n, int *indent, int *number)
{
    size_t i = 0, j;
    while (i < n && s[i] == ' ')
        i++;
    *indent = i >= 2 ? 1 : 0;
    *number = 0;
    if (i + 1 < n && (s[i] == '-' || s[i] == '*' || s[i] == '+') &&
        s[i + 1] == ' ')
        return (int)(i + 2);
    j = i;
    while (j < n && isdigit((unsigned char)s[j]) && j - i < 4)
        j++;
    if (j > i && j + 1 < n && (s[j] == '.' || s[j] == ')') &&
        s[j + 1] == ' ') {
        *number = atoi(s + i);
        return (int)(j + 2);
    }
    return 0;
}

static int is_rule(const char *s, size_t n)
{
    size_t k = 0;
    char c = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ')
            continue;
        if (s[i] != '-' && s[i] != '*' && s[i] != '_')
            return 0;
        if (c && s[i] != c)
            return 0;
        c = s[i];
        k++;
    }
    return k >= 3;
}

static Block *new_block(MdDoc *d, BlockKind kind)
{
    Block *b;
    d->blocks = xrealloc(d->blocks, (size_t)(d->nblocks + 1) * sizeof *b);
    b = &d->blocks[d->nblocks++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    return b;
}

static Item *add_item(Block *b, const char *s, size_t n)
{
    Item *it;
    b->items = xrealloc(b->items, (size_t)(b->nitems + 1) * sizeof *it);
    it = &b->items[b->nitems++];
    it->text = xstrndup(s, n);
    it->indent = it->number = 0;
    return it;
}

/* Append a continuation line to the last item, joined by one space. */
static void extend_item(Block *b, const char *s, size_t n)
{
    Item *it = &b->items[b->nitems - 1];
    size_t old = strlen(it->text);
    while (n > 0 && *s == ' ')
        s++, n--;
    it->text = xrealloc(it->text, old + n + 2);
    it->text[old] = ' ';
    memcpy(it->text + old + 1, s, n);
    it->text[old + n + 1] = '\0';
}

typedef struct {
    const char *s;
    size_t len, pos;
} Lines;

static int next_line(Lines *ls, const char **p, size_t *n)
{
    const char *nl;
    if (ls->pos >= ls->len)
        return 0;
    *p = ls->s + ls->pos;
    nl = memchr(*p, '\n', ls->len - ls->pos);
    *n = nl ? (size_t)(nl - *p) : ls->len - ls->pos;
    ls->pos += *n + (nl ? 1 : 0);
    if (*n > 0 && (*p)[*n - 1] == '\r')
        (*n)--;
    return 1;
}

MdDoc *md_parse(const char *src, size_t len)
{
    MdDoc *d = xcalloc(1, sizeof *d);
    Lines ls = {src, len, 0};
    const char *p;
    size_t n;
    Block *cur = NULL; /* open paragraph, list, quote or table */

    while (next_line(&ls, &p, &n)) {
        char fch;
        int fl, h, indent, number, off;

        if (is_blank(p, n)) {
            cur = NULL;
            continue;
        }
        if ((fl = fence_len(p, n, &fch)) > 0) {
            Block *b = new_block(d, B_CODE);
            const char *q = p + fl;
            size_t k = n - (size_t)fl, w = 0;
            while (k > 0 && *q == ' ')
                q++, k--;
            while (w < k && q[w] != ' ')
                w++;
            b->lang = xstrndup(q, w);
            while (next_line(&ls, &p, &n)) {
                char c2;
                int f2 = fence_len(p, n, &c2);
                if (f2 > 0 && c2 == fch && is_blank(p + f2, n - (size_t)f2))
                    break;
                add_item(b, p, n);
            }
            cur = NULL;
            continue;
        }
        if ((h = heading_level(p, n)) > 0) {
            Block *b = new_block(d, B_HEADING);
            add_item(b, p + h + 1, n - (size_t)h - 1)->indent = h;
            cur = NULL;
            continue;
        }
        if (p[0] == '>') {
            size_t k = n > 1 && p[1] == ' ' ? 2 : 1;
            if (!cur || cur->kind != B_QUOTE)
                cur = new_block(d, B_QUOTE);
            if (is_blank(p + k, n - k))
                add_item(cur, "", 0); /* paragraph break in the quote */
            else if (cur->nitems == 0 ||
                     cur->items[cur->nitems - 1].text[0] == '\0')
                add_item(cur, p + k, n - k);
            else
                extend_item(cur, p + k, n - k);
            continue;
        }
        if (p[0] == '|') {
            if (!cur || cur->kind != B_TABLE)
                cur = new_block(d, B_TABLE);
            add_item(cur, p, n);
            continue;
        }
        if (is_rule(p, n) && !(cur && cur->kind == B_PARA)) {
            new_block(d, B_RULE);
            cur = NULL;
            continue;
        }
        if ((off = list_marker(p, n, &indent, &number)) > 0) {
            Item *it;
            if (!cur || cur->kind != B_LIST)
                cur = new_block(d, B_LIST);
            it = add_item(cur, p + off, n - (size_t)off);
            it->indent = indent;
            it->number = number;
            continue;
        }
        if (cur && (cur->kind == B_PARA || cur->kind == B_LIST)) {
            extend_item(cur, p, n);
            continue;
        }
        cur = new_block(d, B_PARA);
        add_item(cur, p, n);
    }
    return d;
}

void md_free(MdDoc *d)
{
    if (!d)
        return;
    for (int i = 0; i < d->nblocks; i++) {
        for (int j = 0; j < d->blocks[i].nitems; j++)
            free(d->blocks[i].items[j].text);
        free(d->blocks[i].items);
        free(d->blocks[i].lang);
    }
    free(d->blocks);
    free(d);
}

int md_check(const char *src, size_t len, int *line, char *err,
             size_t errlen)
{
    Lines ls = {src, len, 0};
    const char *p;
    size_t n;
    int lineno = 0, open_at = 0;
    char open_ch = 0;

    while (next_line(&ls, &p, &n)) {
        char ch;
        int fl;
        lineno++;
        fl = fence_len(p, n, &ch);
        if (fl == 0)
            continue;
        if (!open_at) {
            open_at = lineno;
            open_ch = ch;
        } else if (ch == open_ch && is_blank(p + fl, n - (size_t)fl)) {
            open_at = 0;
        }
    }
    if (open_at) {
        *line = open_at;
        snprintf(err, errlen, "unterminated code fence (opened here)");
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------------
** Inline markup: `code`, *emphasis*, **strong**, backslash escapes.
*/

static void inline_runs(SStr *out, const char *s, int base)
{
    size_t n = strlen(s), i = 0;
    int emph = 0, strong = 0;

    while (i < n) {
        int style = strong ? MD_STRONG : emph ? MD_EMPH : base;
        if (s[i] == '\\' && i + 1 < n && ispunct((unsigned char)s[i + 1])) {
            ss_add(out, s + i + 1, 1, style);
            i += 2;
        } else if (s[i] == '`') {
            size_t tick = 0, j;
            const char *end;
            while (i + tick < n && s[i + tick] == '`')
                tick++;
            /* find the matching run of the same length */
            for (j = i + tick; j < n; j++) {
                if (s[j] == '`') {
                    size_t k = 0;
                    while (j + k < n && s[j + k] == '`')
                        k++;
                    if (k == tick)
                        break;
                    j += k - 1;
                }
            }
            if (j >= n) {
                ss_add(out, s + i, tick, style);
                i += tick;
                continue;
            }
            end = s + j;
            {
                const char *a = s + i + tick;
                size_t m = (size_t)(end - a);
                /* one leading and trailing space may pad a span */
                if (m >= 2 && a[0] == ' ' && a[m - 1] == ' ')
                    a++, m -= 2;
                ss_add(out, a, m, MD_CODE);
            }
            i = j + tick;
        } else if (s[i] == '*' && i + 1 < n && s[i + 1] == '*') {
            strong = !strong;
            i += 2;
        } else if (s[i] == '*' && (emph || (i + 1 < n && s[i + 1] != ' '))) {
            emph = !emph;
            i++;
        } else {
            ss_add(out, s + i, 1, style);
            i++;
        }
    }
}

/* ---------------------------------------------------------------------
** Layout
*/

typedef struct {
    MdView *v;
    int width;
    int flags;
    int cap;
    int hcap;
} Layout;

static void emit(Layout *L, const char *text, const unsigned char *style,
                 int len)
{
    MdView *v = L->v;
    MdLine *ln;
    if (v->nlines == L->cap) {
        L->cap = L->cap ? 2 * L->cap : 64;
        v->lines = xrealloc(v->lines, (size_t)L->cap * sizeof *v->lines);
    }
    ln = &v->lines[v->nlines++];
    ln->text = xstrndup(text, (size_t)len);
    ln->style = xmalloc((size_t)len + 1);
    memcpy(ln->style, style, (size_t)len);
    ln->len = len;
    ln->width = md_strwidth(text, len, L->flags);
}

static void emit_blank(Layout *L)
{
    if (L->v->nlines > 0 && L->v->lines[L->v->nlines - 1].len > 0)
        emit(L, "", (const unsigned char *)"", 0);
}

/*
** Wrap a styled string into lines of at most L->width columns. Every line
** starts with prefix (first line) or cont (later lines), both styled mark.
*/
static void wrap(Layout *L, const SStr *s, const char *prefix,
                 const char *cont, int prefix_style)
{
    const char *t = s->text.data ? s->text.data : "";
    int n = (int)s->text.len, i = 0;
    SStr line = {0};
    int col, first = 1, words = 0;
    const char *pre = prefix;

    ss_add(&line, pre, strlen(pre), prefix_style);
    col = md_strwidth(pre, (int)strlen(pre), L->flags);
    while (i < n) {
        int ws = i, we, wwidth;
        while (ws < n && t[ws] == ' ')
            ws++;
        if (ws >= n)
            break;
        we = ws;
        while (we < n && t[we] != ' ')
            we++;
        wwidth = md_strwidth(t + ws, we - ws, L->flags);
        if (words > 0 && col + 1 + wwidth > L->width) {
            emit(L, line.text.data, line.style, (int)line.text.len);
            ss_free(&line);
            first = 0;
            pre = cont;
            ss_add(&line, pre, strlen(pre), prefix_style);
            col = md_strwidth(pre, (int)strlen(pre), L->flags);
            words = 0;
        }
        if (words > 0) {
            ss_add(&line, " ", 1, s->style[ws - 1]);
            col++;
        }
        /* a word wider than the line is cut at character boundaries */
        for (int k = ws; k < we;) {
            int cl = md_utf8len(t + k, we - k);
            int cw = char_width(t + k, cl, L->flags);
            if (col + cw > L->width && col > (int)strlen(pre)) {
                emit(L, line.text.data, line.style, (int)line.text.len);
                ss_free(&line);
                pre = cont;
                ss_add(&line, pre, strlen(pre), prefix_style);
                col = md_strwidth(pre, (int)strlen(pre), L->flags);
            }
            ss_add(&line, t + k, (size_t)cl, s->style[k]);
            col += cw;
            k += cl;
        }
        words++;
        i = we;
    }
    (void)first;
    if (words > 0 || line.text.len > 0)
        emit(L, line.text.data, line.style, (int)line.text.len);
    ss_free(&line);
}

static void add_heading(Layout *L, int level, const SStr *s)
{
    MdView *v = L->v;
    MdHeading *h;
    if (v->nheadings == L->hcap) {
        L->hcap = L->hcap ? 2 * L->hcap : 16;
        v->headings =
            xrealloc(v->headings, (size_t)L->hcap * sizeof *v->headings);
    }
    h = &v->headings[v->nheadings++];
    h->level = level;
    h->title = xstrndup(s->text.data ? s->text.data : "", s->text.len);
    h->line = v->nlines;
}

static void layout_heading(Layout *L, const Item *it)
{
    SStr s = {0};
    int style = it->indent == 1 ? MD_H1 : it->indent == 2 ? MD_H2 : MD_H3;
    emit_blank(L);
    inline_runs(&s, it->text, style);
    /* headings are one style whatever their inline markup */
    if (s.text.len)
        memset(s.style, style, s.text.len);
    add_heading(L, it->indent, &s);
    wrap(L, &s, "", "", style);
    if (it->indent <= 2) {
        int w = L->v->lines[L->v->nlines - 1].width;
        SStr rule = {0};
        const char *ch = it->indent == 1
                             ? ((L->flags & MD_ASCII) ? "=" : "\u2550")
                             : ((L->flags & MD_ASCII) ? "-" : "\u2500");
        for (int i = 0; i < w; i++)
            ss_add(&rule, ch, strlen(ch), MD_MARK);
        emit(L, rule.text.data, rule.style, (int)rule.text.len);
        ss_free(&rule);
    }
    emit_blank(L);
    ss_free(&s);
}

static void layout_code(Layout *L, const Block *b)
{
    const int indent = 2;
    int state = 0;
    int is_output = strcmp(b->lang, "output") == 0;

    emit_blank(L);
    if (is_output) {
        const char *label = (L->flags & MD_ASCII) ? "  -- output --"
                                                  : "  \u2500\u2500 output "
                                                    "\u2500\u2500";
        SStr s = {0};
        ss_add(&s, label, strlen(label), MD_MARK);
        emit(L, s.text.data, s.style, (int)s.text.len);
        ss_free(&s);
    }
    for (int i = 0; i < b->nitems; i++) {
        const char *t = b->items[i].text;
        int n = (int)strlen(t), pos = 0;
        unsigned char *st = xmalloc((size_t)n + 1);
        SStr line = {0};
        int col = indent;

        if (is_output)
            memset(st, MD_OUTPUT, (size_t)n);
        else
            md_highlight(b->lang, t, n, st, &state);
        ss_add(&line, "  ", (size_t)indent, MD_CODEBLOCK);
        /* hard-wrap long code lines, continuing under the indent */
        while (pos < n) {
            int cl = md_utf8len(t + pos, n - pos);
            int cw = t[pos] == '\t' ? 4 : char_width(t + pos, cl, L->flags);
            if (col + cw > L->width) {
                emit(L, line.text.data, line.style, (int)line.text.len);
                ss_free(&line);
                ss_add(&line, "  ", (size_t)indent, MD_CODEBLOCK);
                col = indent;
            }
            if (t[pos] == '\t')
                ss_add(&line, "    ", 4, st[pos]);
            else
                ss_add(&line, t + pos, (size_t)cl, st[pos]);
            col += cw;
            pos += cl;
        }
        while (line.text.len > 0 && line.text.data[line.text.len - 1] == ' ')
            line.text.data[--line.text.len] = '\0';
        emit(L, line.text.data, line.style, (int)line.text.len);
        ss_free(&line);
        free(st);
    }
    emit_blank(L);
}

static void layout_list(Layout *L, const Block *b)
{
    emit_blank(L);
    for (int i = 0; i < b->nitems; i++) {
        const Item *it = &b->items[i];
        SStr s = {0};
        char pre[32], cont[32];
        const char *lead = it->indent ? "    " : "  ";
        if (it->number)
            snprintf(pre, sizeof pre, "%s%d. ", lead, it->number);
        else
            snprintf(pre, sizeof pre, "%s%s ", lead,
                     (L->flags & MD_ASCII)
                         ? "*"
                         : (it->indent ? "\u25e6" : "\u2022"));
        snprintf(cont, sizeof cont, "%*s",
                 md_strwidth(pre, (int)strlen(pre), L->flags), "");
        inline_runs(&s, it->text, MD_TEXT);
        wrap(L, &s, pre, cont, MD_MARK);
        ss_free(&s);
    }
    emit_blank(L);
}

static void layout_quote(Layout *L, const Block *b)
{
    const char *bar = (L->flags & MD_ASCII) ? "| " : "\u258c ";
    emit_blank(L);
    for (int i = 0; i < b->nitems; i++) {
        SStr s = {0};
        if (b->items[i].text[0] == '\0') {
            ss_add(&s, bar, strlen(bar), MD_MARK);
            emit(L, s.text.data, s.style, (int)s.text.len);
        } else {
            inline_runs(&s, b->items[i].text, MD_QUOTE);
            wrap(L, &s, bar, bar, MD_MARK);
        }
        ss_free(&s);
    }
    emit_blank(L);
}

/* Split a table row "| a | b |" into styled cells. */
static int table_cells(const char *row, SStr *cells, int max)
{
    const char *p = row;
    int n = 0;
    if (*p == '|')
        p++;
    while (*p && n < max) {
        const char *e = p;
        char *raw;
        size_t k;
        while (*e && !(*e == '|' && (e == p || e[-1] != '\\')))
            e++;
        if (!*e && is_blank(p, strlen(p)))
            break;
        k = (size_t)(e - p);
        while (k > 0 && *p == ' ')
            p++, k--;
        while (k > 0 && p[k - 1] == ' ')
            k--;
        raw = xstrndup(p, k);
        memset(&cells[n], 0, sizeof cells[n]);
        inline_runs(&cells[n], raw, MD_TEXT);
        free(raw);
        n++;
        if (!*e)
            break;
        p = e + 1;
    }
    return n;
}

static int is_separator_row(const char *row)
{
    for (const char *p = row; *p; p++)
        if (!strchr("|-: ", *p))
            return 0;
    return 1;
}

#define MAXCOLS 16

static void layout_table(Layout *L, const Block *b)
{
    SStr cells[MAXCOLS];
    int widths[MAXCOLS] = {0}, ncols = 0, total, rows = 0;
    int ascii = L->flags & MD_ASCII;
    const char *vbar = ascii ? "|" : "\u2502";

    /* measure */
    for (int i = 0; i < b->nitems; i++) {
        int n;
        if (is_separator_row(b->items[i].text))
            continue;
        n = table_cells(b->items[i].text, cells, MAXCOLS);
        for (int c = 0; c < n; c++) {
            int w = md_strwidth(cells[c].text.data ? cells[c].text.data : "",
                                (int)cells[c].text.len, L->flags);
            if (w > widths[c])
                widths[c] = w;
            ss_free(&cells[c]);
        }
        if (n > ncols)
            ncols = n;
    }
    total = 2;
    for (int c = 0; c < ncols; c++)
        total += widths[c] + 3;
    emit_blank(L);
    for (int i = 0; i < b->nitems; i++) {
        int n;
        SStr line = {0};
        if (is_separator_row(b->items[i].text)) {
            /* a rule under the header */
            ss_add(&line, "  ", 2, MD_MARK);
            for (int c = 0; c < ncols && total <= L->width; c++) {
                for (int k = 0; k < widths[c] + 2; k++)
                    ss_add(&line, ascii ? "-" : "\u2500", ascii ? 1 : 3,
                           MD_MARK);
                if (c + 1 < ncols)
                    ss_add(&line, ascii ? "+" : "\u253c", ascii ? 1 : 3,
                           MD_MARK);
            }
            if (total <= L->width)
                emit(L, line.text.data, line.style, (int)line.text.len);
            ss_free(&line);
            continue;
        }
        n = table_cells(b->items[i].text, cells, MAXCOLS);
        if (total <= L->width) {
            ss_add(&line, "  ", 2, MD_MARK);
            for (int c = 0; c < ncols; c++) {
                int w = 0;
                ss_add(&line, " ", 1, MD_TEXT);
                if (c < n) {
                    SStr *cell = &cells[c];
                    if (rows == 0 && cell->text.len)
                        memset(cell->style, MD_STRONG, cell->text.len);
                    if (cell->text.len)
                        ss_add(&line, cell->text.data, cell->text.len,
                               MD_TEXT),
                            memcpy(line.style + line.text.len -
                                       cell->text.len,
                                   cell->style, cell->text.len);
                    w = md_strwidth(cell->text.data ? cell->text.data : "",
                                    (int)cell->text.len, L->flags);
                }
                for (; w < widths[c] + 1; w++)
                    ss_add(&line, " ", 1, MD_TEXT);
                if (c + 1 < ncols)
                    ss_add(&line, vbar, strlen(vbar), MD_MARK);
            }
            /* drop trailing spaces */
            while (line.text.len > 0 &&
                   line.text.data[line.text.len - 1] == ' ')
                line.text.data[--line.text.len] = '\0';
            emit(L, line.text.data, line.style, (int)line.text.len);
        } else {
            /* too wide: one "cell; cell" paragraph per row */
            SStr row = {0};
            for (int c = 0; c < n; c++) {
                if (c)
                    ss_add(&row, "; ", 2, MD_MARK);
                if (cells[c].text.len) {
                    size_t at = row.text.len;
                    ss_add(&row, cells[c].text.data, cells[c].text.len,
                           MD_TEXT);
                    memcpy(row.style + at, cells[c].style, cells[c].text.len);
                }
            }
            wrap(L, &row, "  ", "    ", MD_MARK);
            ss_free(&row);
        }
        for (int c = 0; c < n; c++)
            ss_free(&cells[c]);
        ss_free(&line);
        rows++;
    }
    emit_blank(L);
}

MdView *md_render(const MdDoc *d, int width, int flags)
{
    MdView *v = xcalloc(1, sizeof *v);
    Layout L = {v, width < 10 ? 10 : width, flags, 0, 0};

    for (int i = 0; i < d->nblocks; i++) {
        const Block *b = &d->blocks[i];
        SStr s = {0};
        switch (b->kind) {
        case B_HEADING:
            layout_heading(&L, &b->items[0]);
            break;
        case B_PARA:
            emit_blank(&L);
            inline_runs(&s, b->items[0].text, MD_TEXT);
            wrap(&L, &s, "", "", MD_MARK);
            ss_free(&s);
            emit_blank(&L);
            break;
        case B_CODE:
            layout_code(&L, b);
            break;
        case B_LIST:
            layout_list(&L, b);
            break;
        case B_QUOTE:
            layout_quote(&L, b);
            break;
        case B_TABLE:
            layout_table(&L, b);
            break;
        case B_RULE: {
            SStr r = {0};
            emit_blank(&L);
            for (int k = 0; k < L.width && k < 40; k++)
                ss_add(&r, (flags & MD_ASCII) ? "-" : "\u2500",
                       (flags & MD_ASCII) ? 1 : 3, MD_MARK);
            emit(&L, r.text.data, r.style, (int)r.text.len);
            ss_free(&r);
            emit_blank(&L);
            break;
        }
        }
    }
    /* no trailing blank line */
    while (v->nlines > 0 && v->lines[v->nlines - 1].len == 0) {
        v->nlines--;
        free(v->lines[v->nlines].text);
        free(v->lines[v->nlines].style);
    }
    return v;
}

void md_view_free(MdView *v)
{
    if (!v)
        return;
    for (int i = 0; i < v->nlines; i++) {
        free(v->lines[i].text);
        free(v->lines[i].style);
    }
    for (int i = 0; i < v->nheadings; i++)
        free(v->headings[i].title);
    free(v->lines);
    free(v->headings);
    free(v);
}

/* ---------------------------------------------------------------------
** Syntax highlighting
*/

static const char *const py_keywords[] = {
    "False", "None",   "True",    "and",      "as",       "assert",
    "async", "await",  "break",   "class",    "continue", "def",
    "del",   "elif",   "else",    "except",   "finally",  "for",
    "from",  "global", "if",      "import",   "in",       "is",
    "lambda", "nonlocal", "not",  "or",       "pass",     "raise",
    "return", "try",   "while",   "with",     "yield",    "match",
    "case",  NULL};

static const char *const py_builtins[] = {
    "abs",      "all",       "any",        "bool",      "bytes",
    "callable", "chr",       "classmethod", "dict",     "dir",
    "divmod",   "enumerate", "filter",     "float",     "format",
    "frozenset", "getattr",  "hasattr",    "hash",      "id",
    "input",    "int",       "isinstance", "issubclass", "iter",
    "len",      "list",      "map",        "max",       "min",
    "next",     "object",    "open",       "ord",       "print",
    "property", "range",     "repr",       "reversed",  "round",
    "set",      "setattr",   "slice",      "sorted",    "staticmethod",
    "str",      "sum",       "super",      "tuple",     "type",
    "vars",     "zip",       "self",       "Exception", "ValueError",
    "TypeError", "KeyError", "IndexError", "StopIteration",
    "AttributeError", "RuntimeError", "NotImplementedError", NULL};

static const char *const sql_keywords[] = {
    "select", "from",    "where",  "insert",  "into",   "values",
    "update", "set",     "delete", "create",  "table",  "drop",
    "alter",  "and",     "or",     "not",     "null",   "primary",
    "key",    "foreign", "references", "join", "left",  "right",
    "inner",  "outer",   "on",     "group",   "by",     "order",
    "having", "limit",   "as",     "distinct", "count", "index",
    "begin",  "commit",  "rollback", "transaction", "int", "varchar",
    "text",   "default", "auto_increment", "unique", "is", "in",
    "like",   "desc",    "asc",    "database", "use", "if", "exists",
    NULL};

static const char *const bash_keywords[] = {
    "if", "then", "else", "elif", "fi", "for", "in", "do", "done",
    "while", "case", "esac", "function", "export", "source", "echo",
    "cd", "pip", "python", "python3", "sudo", NULL};

static int in_list(const char *const *list, const char *w, int n, int fold)
{
    for (; *list; list++) {
        if ((int)strlen(*list) != n)
            continue;
        if (fold ? strncasecmp(*list, w, (size_t)n) == 0
                 : strncmp(*list, w, (size_t)n) == 0)
            return 1;
    }
    return 0;
}

static int is_ident_start(int c)
{
    return isalpha(c) || c == '_' || c >= 0x80;
}

static int is_ident(int c)
{
    return isalnum(c) || c == '_' || c >= 0x80;
}

/* Length of a number literal at s (0 if none). */
static int number_len(const char *s, int n)
{
    int i = 0;
    if (!(isdigit((unsigned char)s[0]) ||
          (s[0] == '.' && n > 1 && isdigit((unsigned char)s[1]))))
        return 0;
    while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '_' ||
                     s[i] == '.' ||
                     ((s[i] == '+' || s[i] == '-') && i > 0 &&
                      (s[i - 1] == 'e' || s[i - 1] == 'E') &&
                      !(s[0] == '0' && n > 1 &&
                        (s[1] == 'x' || s[1] == 'X')))))
        i++;
    return i;
}

/* Colour a number literal starting at s[i], unless it ends a name
** (x1); returns its length, 0 if there is none. */
static int hl_number(const char *s, int n, int i, unsigned char *st)
{
    int k;
    if (i > 0 && is_ident((unsigned char)s[i - 1]))
        return 0;
    if ((k = number_len(s + i, n - i)) > 0)
        memset(st + i, MD_NUMBER, (size_t)k);
    return k;
}

/*
** Python: state 0 = normal; otherwise the open triple-quoted string,
** encoded as quote char | 0x100 when it is an f-string.
*/
static void hl_python(const char *s, int n, unsigned char *st, int *state)
{
    int i = 0;

    memset(st, MD_CODEBLOCK, (size_t)n);
    if (*state) {
        char q = (char)(*state & 0xff);
        for (; i < n; i++) {
            st[i] = MD_STRING;
            if (s[i] == '\\' && i + 1 < n) {
                st[++i] = MD_STRING;
            } else if (i + 2 < n && s[i] == q && s[i + 1] == q &&
                       s[i + 2] == q) {
                st[i + 1] = st[i + 2] = MD_STRING;
                i += 3;
                *state = 0;
                break;
            }
        }
    }
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        int k;
        if (c == '#') {
            memset(st + i, MD_COMMENT, (size_t)(n - i));
            return;
        }
        if (c == '@' && is_blank(s, (size_t)i)) {
            k = i + 1;
            while (k < n && (is_ident((unsigned char)s[k]) || s[k] == '.'))
                k++;
            memset(st + i, MD_DECORATOR, (size_t)(k - i));
            i = k;
            continue;
        }
        /* string, with an optional prefix of r, b, u, f letters */
        k = i;
        while (k < n && k - i < 2 && strchr("rRbBuUfF", s[k]))
            k++;
        if (k < n && (s[k] == '\'' || s[k] == '"') &&
            (i == 0 || !is_ident((unsigned char)s[i - 1]))) {
            int fstr = 0, triple, j;
            char q = s[k];
            for (int m = i; m < k; m++)
                if (s[m] == 'f' || s[m] == 'F')
                    fstr = 1;
            triple = k + 2 < n && s[k + 1] == q && s[k + 2] == q;
            j = k + (triple ? 3 : 1);
            memset(st + i, MD_STRING, (size_t)(j - i));
            for (int depth = 0; j < n; j++) {
                if (fstr && s[j] == '{' && j + 1 < n && s[j + 1] == '{') {
                    st[j] = st[j + 1] = MD_STRING;
                    j++;
                    continue;
                }
                if (fstr && s[j] == '{')
                    depth++;
                if (depth > 0) {
                    st[j] = s[j] == '{' || s[j] == '}' ? MD_KEYWORD
                                                       : MD_CODEBLOCK;
                    if (s[j] == '}')
                        depth--;
                    continue;
                }
                st[j] = MD_STRING;
                if (s[j] == '\\' && j + 1 < n) {
                    st[++j] = MD_STRING;
                } else if (triple && j + 2 < n && s[j] == q &&
                           s[j + 1] == q && s[j + 2] == q) {
                    st[j + 1] = st[j + 2] = MD_STRING;
                    j += 3;
                    break;
                } else if (!triple && s[j] == q) {
                    j++;
                    break;
                }
            }
            if (triple && j >= n &&
                !(j >= k + 6 && s[n - 1] == q && s[n - 2] == q &&
                  s[n - 3] == q))
                *state = (unsigned char)q | (fstr ? 0x100 : 0);
            i = j;
            continue;
        }
        if (is_ident_start(c)) {
            k = i;
            while (k < n && is_ident((unsigned char)s[k]))
                k++;
            if (in_list(py_keywords, s + i, k - i, 0))
                memset(st + i, MD_KEYWORD, (size_t)(k - i));
            else if (in_list(py_builtins, s + i, k - i, 0) &&
                     (i == 0 || s[i - 1] != '.'))
                memset(st + i, MD_BUILTIN, (size_t)(k - i));
            i = k;
            continue;
        }
        if ((k = hl_number(s, n, i, st)) > 0) {
            i += k;
            continue;
        }
        i++;
    }
}

/* bash and sql: comments, strings, numbers, keywords (sql: any case). */
static void hl_simple(const char *s, int n, unsigned char *st, int sql)
{
    int i = 0;
    memset(st, MD_CODEBLOCK, (size_t)n);
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        int k;
        if ((!sql && c == '#' && (i == 0 || s[i - 1] == ' ')) ||
            (sql && c == '-' && i + 1 < n && s[i + 1] == '-')) {
            memset(st + i, MD_COMMENT, (size_t)(n - i));
            return;
        }
        if (c == '\'' || c == '"') {
            k = i + 1;
            while (k < n && s[k] != (char)c) {
                if (s[k] == '\\' && k + 1 < n)
                    k++;
                k++;
            }
            if (k < n)
                k++;
            memset(st + i, MD_STRING, (size_t)(k - i));
            i = k;
            continue;
        }
        if (!sql && c == '$') {
            k = i + 1;
            while (k < n && (is_ident((unsigned char)s[k]) || s[k] == '{' ||
                             s[k] == '}'))
                k++;
            memset(st + i, MD_BUILTIN, (size_t)(k - i));
            i = k;
            continue;
        }
        if (is_ident_start(c)) {
            k = i;
            while (k < n && (is_ident((unsigned char)s[k]) ||
                             (!sql && s[k] == '-')))
                k++;
            if (in_list(sql ? sql_keywords : bash_keywords, s + i, k - i,
                        sql))
                memset(st + i, MD_KEYWORD, (size_t)(k - i));
            i = k;
            continue;
        }
        if ((k = hl_number(s, n, i, st)) > 0) {
            i += k;
            continue;
        }
        i++;
    }
}

void md_highlight(const char *lang, const char *line, int len,
                  unsigned char *style, int *state)
{
    if (strcmp(lang, "python") == 0 || strcmp(lang, "py") == 0 ||
        strcmp(lang, "pycon") == 0)
        hl_python(line, len, style, state);
    else if (strcmp(lang, "bash") == 0 || strcmp(lang, "sh") == 0 ||
             strcmp(lang, "shell") == 0 || strcmp(lang, "console") == 0)
        hl_simple(line, len, style, 0);
    else if (strcmp(lang, "sql") == 0 || strcmp(lang, "mysql") == 0)
        hl_simple(line, len, style, 1);
    else
        memset(style, MD_CODEBLOCK, (size_t)len);
}
