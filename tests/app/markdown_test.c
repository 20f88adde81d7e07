/*
** markdown_test.c - the Markdown subset: blocks, inline markup, wrapping,
** widths, highlighting tokens, and the structural check.
*/
#include <stdlib.h>
#include <string.h>

#include "markdown.h"
#include "tap.h"

/* Render src at width and join the lines with '\n' (caller frees). */
static char *render(const char *src, int width, int flags)
{
    MdDoc *d = md_parse(src, strlen(src));
    MdView *v = md_render(d, width, flags);
    size_t cap = 1;
    char *out;
    for (int i = 0; i < v->nlines; i++)
        cap += (size_t)v->lines[i].len + 1;
    out = calloc(1, cap);
    for (int i = 0; i < v->nlines; i++) {
        strncat(out, v->lines[i].text, (size_t)v->lines[i].len);
        strcat(out, "\n");
    }
    md_view_free(v);
    md_free(d);
    return out;
}

/* Style of the first occurrence of needle in the rendered doc. */
static int style_of(const char *src, int width, const char *needle)
{
    MdDoc *d = md_parse(src, strlen(src));
    MdView *v = md_render(d, width, 0);
    int style = -1;
    for (int i = 0; i < v->nlines && style < 0; i++) {
        const MdLine *ln = &v->lines[i];
        for (int k = 0; k + (int)strlen(needle) <= ln->len; k++)
            if (memcmp(ln->text + k, needle, strlen(needle)) == 0) {
                style = ln->style[k];
                break;
            }
    }
    md_view_free(v);
    md_free(d);
    return style;
}

static int max_width(const char *src, int width)
{
    MdDoc *d = md_parse(src, strlen(src));
    MdView *v = md_render(d, width, 0);
    int w = 0;
    for (int i = 0; i < v->nlines; i++)
        if (v->lines[i].width > w)
            w = v->lines[i].width;
    md_view_free(v);
    md_free(d);
    return w;
}

static void hl(const char *lang, const char *line, const char *want)
{
    /* want: one letter per byte: k keyword, b builtin, s string,
       n number, c comment, d decorator, . plain */
    static const char letters[MD_NSTYLES] = {
        [MD_CODEBLOCK] = '.', [MD_KEYWORD] = 'k', [MD_BUILTIN] = 'b',
        [MD_STRING] = 's',    [MD_NUMBER] = 'n',  [MD_COMMENT] = 'c',
        [MD_DECORATOR] = 'd'};
    int n = (int)strlen(line), state = 0;
    unsigned char st[256];
    char got[257];
    md_highlight(lang, line, n, st, &state);
    for (int i = 0; i < n; i++)
        got[i] = letters[st[i]] ? letters[st[i]] : '?';
    got[n] = '\0';
    is_str(got, want, "markdown: highlight %s `%s`", lang, line);
}

int main(void)
{
    char *s;
    int line;
    char err[128];

    s = render("Hello *world* and `code`.", 40, 0);
    is_str(s, "Hello world and code.\n", "markdown: inline markup removed");
    free(s);
    ok(style_of("Hello *world*", 40, "world") == MD_EMPH,
       "markdown: *x* is emphasis");
    ok(style_of("a **bold** b", 40, "bold") == MD_STRONG,
       "markdown: **x** is strong");
    ok(style_of("use `len(x)` here", 40, "len(x)") == MD_CODE,
       "markdown: `x` is a code span");
    s = render("a `` `tick` `` b", 40, 0);
    is_str(s, "a `tick` b\n", "markdown: double-backtick span keeps `");
    free(s);
    s = render("not \\*emphasis\\*", 40, 0);
    is_str(s, "not *emphasis*\n", "markdown: backslash escapes");
    free(s);

    s = render("one two three four five six seven", 10, 0);
    is_str(s, "one two\nthree four\nfive six\nseven\n",
           "markdown: greedy word wrap at 10");
    free(s);
    s = render("abcdefghijklmnopqrstuvwxyz", 10, 0);
    is_str(s, "abcdefghij\nklmnopqrst\nuvwxyz\n",
           "markdown: a word longer than the line is cut");
    free(s);
    s = render("para one\ncontinues\n\npara two", 40, 0);
    is_str(s, "para one continues\n\npara two\n",
           "markdown: paragraphs joined and separated by one blank");
    free(s);

    s = render("# Title\n\ntext", 40, MD_ASCII);
    is_str(s, "Title\n=====\n\ntext\n", "markdown: h1 underlined (ASCII)");
    free(s);
    ok(style_of("## Sub\n", 40, "Sub") == MD_H2, "markdown: ## is h2");
    s = render("- one\n- two is long enough to wrap here\n  - nested", 20,
               MD_ASCII);
    is_str(s,
           "  * one\n  * two is long\n    enough to wrap\n    here\n"
           "    * nested\n",
           "markdown: bullets with hanging indent and nesting");
    free(s);
    s = render("1. first\n2. second", 40, 0);
    is_str(s, "  1. first\n  2. second\n", "markdown: numbered list");
    free(s);
    s = render("> quoted words\n> more", 40, MD_ASCII);
    is_str(s, "| quoted words more\n", "markdown: block quote bar");
    free(s);
    ok(style_of("> quoted", 40, "quoted") == MD_QUOTE,
       "markdown: quote text style");

    s = render("```python\nx = 1\n```\n", 40, 0);
    is_str(s, "  x = 1\n", "markdown: code block indented");
    free(s);
    s = render("```output\n[1, 2]\n```\n", 40, MD_ASCII);
    is_str(s, "  -- output --\n  [1, 2]\n",
           "markdown: output block labelled");
    free(s);
    ok(max_width("```text\n" "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n```\n",
                 20) <= 20,
       "markdown: long code lines hard-wrapped to the width");

    s = render("| a | bb |\n|---|---|\n| ccc | d |\n", 40, MD_ASCII);
    is_str(s, "   a   | bb\n  -----+----\n   ccc | d\n",
           "markdown: table with aligned columns");
    free(s);
    s = render("| aaaaaaaa | bbbbbbbbbb |\n|---|---|\n| c | d |\n", 12,
               MD_ASCII);
    ok(strstr(s, "aaaaaaaa;") != NULL,
       "markdown: too-wide table falls back to rows");
    free(s);

    is_int(md_strwidth("h\xc3\xa9llo", 6, 0), 5,
           "markdown: UTF-8 width counts characters");
    is_int(md_strwidth("\xe4\xbd\xa0\xe5\xa5\xbd", 6, 0), 4,
           "markdown: wide CJK characters take two columns");
    ok(max_width("\xe4\xbd\xa0\xe5\xa5\xbd \xe4\xbd\xa0\xe5\xa5\xbd "
                 "\xe4\xbd\xa0\xe5\xa5\xbd",
                 10) <= 10,
       "markdown: wrapping respects wide characters");

    hl("python", "def f(x): return len(x) # ok",
       "kkk.......kkkkkk.bbb....cccc");
    hl("python", "s = f'{a} b' + \"q\" + 0x1F",
       "....ssk.ksss...sss...nnnn");
    hl("python", "@functools.wraps(fn)", "dddddddddddddddd....");
    hl("python", "x = 1_000 + 2.5e-3", "....nnnnn...nnnnnn");
    hl("sql", "SELECT name FROM t -- c", "kkkkkk......kkkk...cccc");
    hl("bash", "pip install numpy # x", "kkk...............ccc");
    {
        int state = 0;
        unsigned char st[64];
        md_highlight("python", "s = \"\"\"start", 12, st, &state);
        ok(state != 0, "markdown: open triple quote carries state");
        md_highlight("python", "end\"\"\" + 1", 10, st, &state);
        ok(state == 0 && st[0] == MD_STRING && st[9] == MD_NUMBER,
           "markdown: triple quote closes on the next line");
    }

    ok(md_check("a\n```py\nx\n```\n", 14, &line, err, sizeof err) == 0,
       "markdown: closed fence passes the check");
    ok(md_check("a\nb\n```py\nx\n", 12, &line, err, sizeof err) < 0 &&
           line == 3,
       "markdown: unterminated fence reported at its opening line");
    return tap_done();
}
