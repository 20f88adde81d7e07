/*
** screen_review.c - the review queue as a session: what the scheduler says
** is due now, interleaved across topics, with feedback after each answer.
*/
#include <stdlib.h>

#include "progress.h"
#include "ui.h"
#include "util.h"

#define REVIEW_MAX 20 /* one sitting; the rest stay due */

Screen *screen_review_new(void *content)
{
    ProgressDue *due;
    int n = progress_due_list(progress_shared(), 0, REVIEW_MAX, &due);
    DrillSpec sp = {0};
    char err[256];
    Screen *s = NULL;

    if (n == 0) {
        ui_message("nothing is due for review");
        return NULL;
    }
    sp.mode = "review";
    sp.title = "due now";
    sp.ids = xmalloc((size_t)n * sizeof *sp.ids);
    for (int i = 0; i < n; i++)
        sp.ids[i] = due[i].exercise_id;
    sp.nids = n;
    sp.seed = (uint64_t)progress_now();
    s = screen_drill_new(content, &sp, err, sizeof err);
    if (!s)
        ui_message("review: %s", err);
    free(sp.ids);
    progress_due_free(due, n);
    return s;
}
