/*
** lesson_view.c - the reading layout of a lesson.
**
** The title becomes a level-1 heading and a line naming chapter and level
** comes under it, then the body; all of it goes through the Markdown
** renderer so wrapping and the table of contents stay in one place.
*/
#include "lesson_view.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

MdView *lesson_render(const Lesson *l, int width, int flags)
{
    Buf src = {0};
    MdDoc *doc;
    MdView *v;

    const char *body = l->body ? l->body : "";
    const char *nl;

    /* the body may open with its own title heading: keep it first */
    while (*body == '\n')
        body++;
    if (strncmp(body, "# ", 2) == 0 && (nl = strchr(body, '\n')) != NULL) {
        buf_add(&src, body, (size_t)(nl - body + 1));
        body = nl + 1;
    } else {
        buf_printf(&src, "# %s\n", l->title);
    }
    buf_printf(&src, "\n*%s \xc2\xb7 %s*\n\n",
               l->chapter ? l->chapter->title : "", level_name(l->level));
    buf_adds(&src, body);
    doc = md_parse(src.data, src.len);
    v = md_render(doc, width, flags);
    md_free(doc);
    buf_free(&src);
    return v;
}
