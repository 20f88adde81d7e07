/*
** cmd_review.c - `pyprep review [--list]`: serve what is due.
**
** On a terminal it opens the review session; with --list (or without a
** terminal) it prints the due exercises, interleaved across topics, one
** per line: id, topic, how long overdue. Exit 0 (nothing due is fine).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "content.h"
#include "progress.h"
#include "ui.h"

int cmd_review(int argc, char **argv)
{
    int list = !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO), rc = 0;
    Progress *p = progress_shared();

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--list") == 0) {
            list = 1;
        } else {
            fprintf(stderr, "usage: %s review [--list]\n", progname);
            return 2;
        }
    }
    if (progress_problem(p))
        fprintf(stderr, "%s: %s\n", progname, progress_problem(p));
    if (list) {
        ProgressDue *due;
        int64_t now = progress_now();
        int n = progress_due_list(p, now, 0, &due);
        printf("%d due\n", n);
        for (int i = 0; i < n; i++) {
            int64_t late = (now - due[i].due) / 60;
            printf("%s\t%s\t", due[i].exercise_id,
                   due[i].topic ? due[i].topic : "");
            if (late < 60)
                printf("%lldm overdue\n", (long long)late);
            else if (late < 48 * 60)
                printf("%lldh overdue\n", (long long)(late / 60));
            else
                printf("%lldd overdue\n", (long long)(late / 1440));
        }
        progress_due_free(due, n);
    } else {
        Content *c = content_open();
        Screen *s;
        UiOptions opt = {0};
        if (!c)
            return 2;
        if (!(s = screen_review_new(c))) {
            printf("%s\n", ui_take_message() ? ui_take_message()
                                             : "nothing is due");
        } else if (ui_init(&opt) < 0) {
            s->free(s);
            rc = 1;
        } else {
            ui_run(s);
        }
        content_free(c);
    }
    return rc;
}
