/*
** cmd_show.c - `pyprep show LESSON_ID [--width N]`: a lesson as text.
**
** The same layout the reader draws, without colour, so tests and scripts
** see exactly what the learner reads.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "content.h"
#include "lesson_view.h"
#include "markdown.h"

static int usage(void)
{
    fprintf(stderr, "usage: %s show LESSON_ID [--width N]\n", progname);
    return 2;
}

int cmd_show(int argc, char **argv)
{
    const char *id = NULL;
    int width = 80, rc = 0;
    Content *c;
    Lesson *l;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--width") == 0 && i + 1 < argc) {
            char *end;
            long w = strtol(argv[++i], &end, 10);
            if (*end || w < 20 || w > 1000) {
                fprintf(stderr, "%s: show: --width must be 20..1000\n",
                        progname);
                return 2;
            }
            width = (int)w;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "%s: show: unknown option '%s'\n", progname,
                    argv[i]);
            return usage();
        } else if (!id) {
            id = argv[i];
        } else {
            return usage();
        }
    }
    if (!id)
        return usage();
    if (!(c = content_open()))
        return 2;
    l = content_lesson(c, id);
    if (!l) {
        const char *near[3];
        int n = content_suggest(c, id, near, 3);
        fprintf(stderr, "%s: no lesson '%s'", progname, id);
        for (int i = 0; i < n; i++)
            fprintf(stderr, "%s%s", i ? ", " : "; did you mean ", near[i]);
        fprintf(stderr, "%s\n", n ? "?" : "");
        rc = 2;
    } else if (l->error) {
        fprintf(stderr, "%s: lesson unavailable: %s\n", progname, l->error);
        rc = 2;
    } else {
        MdView *v = lesson_render(l, width, 0);
        for (int i = 0; i < v->nlines; i++)
            printf("%.*s\n", v->lines[i].len, v->lines[i].text);
        md_view_free(v);
    }
    content_free(c);
    return rc;
}
