/*
** json.c - the streaming JSON encoder.
**
** need_comma[depth] says whether the next value at this depth needs a
** separator; a key sets it for its value, so "k": v pairs come out right.
*/
#include "json.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "markdown.h"

static void value_start(Json *j)
{
    if (j->depth == 0)
        return;
    if (j->need_comma[j->depth] == 1)
        buf_addc(&j->out, ',');
    j->need_comma[j->depth] = 1;
}

static void open(Json *j, char c)
{
    value_start(j);
    buf_addc(&j->out, c);
    if (j->depth < 31)
        j->depth++;
    j->need_comma[j->depth] = 0;
}

static void close_(Json *j, char c)
{
    buf_addc(&j->out, c);
    if (j->depth > 0)
        j->depth--;
}

void json_begin_array(Json *j)
{
    open(j, '[');
}

void json_end_array(Json *j)
{
    close_(j, ']');
}

void json_begin_object(Json *j)
{
    open(j, '{');
}

void json_end_object(Json *j)
{
    close_(j, '}');
}

static void quoted(Json *j, const char *s)
{
    int n = (int)strlen(s);
    buf_addc(&j->out, '"');
    for (int i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        int k = md_utf8len(s + i, n - i);
        if (c >= 0x80 && k == 1) {
            buf_adds(&j->out, "\\ufffd");
        } else if (c == '"' || c == '\\') {
            buf_addc(&j->out, '\\');
            buf_addc(&j->out, (char)c);
        } else if (c == '\n') {
            buf_adds(&j->out, "\\n");
        } else if (c == '\t') {
            buf_adds(&j->out, "\\t");
        } else if (c < 0x20 || c == 0x7f) {
            buf_printf(&j->out, "\\u%04x", c);
        } else {
            buf_add(&j->out, s + i, (size_t)k);
        }
        i += k;
    }
    buf_addc(&j->out, '"');
}

void json_key(Json *j, const char *key)
{
    value_start(j);
    quoted(j, key);
    buf_addc(&j->out, ':');
    j->need_comma[j->depth] = 2; /* the value that follows: no comma */
}

void json_string(Json *j, const char *s)
{
    value_start(j);
    quoted(j, s ? s : "");
}

void json_int(Json *j, long long v)
{
    value_start(j);
    buf_printf(&j->out, "%lld", v);
}

void json_number(Json *j, double v)
{
    value_start(j);
    if (isfinite(v))
        buf_printf(&j->out, "%.17g", v);
    else
        buf_adds(&j->out, "null");
}

void json_bool(Json *j, int v)
{
    value_start(j);
    buf_adds(&j->out, v ? "true" : "false");
}

void json_null(Json *j)
{
    value_start(j);
    buf_adds(&j->out, "null");
}
