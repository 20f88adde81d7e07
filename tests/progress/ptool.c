/*
** ptool.c - test driver for the progress store (not installed).
**
** `ptool record DB N [TAG]` grades N answers with the real scheduler and
** store, printing "ack I" only after each attempt's commit returned, so a
** test that SIGKILLs it knows exactly which answers were acknowledged.
** `ptool attempt DB EX TOPIC MODE SCORE PASSED ANSWER` and `ptool session
** DB MODE TITLE NITEMS NCORRECT DETAIL` record one row each.
** `ptool cmd NAME ARGS...` runs a progress command (reset, report) as
** pyprep would, until main.c's table carries them.
*/
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "content.h"
#include "progress.h"
#include "ui.h"

static int record(const char *db, int n, const char *tag)
{
    Progress *p = progress_open(db, 0);
    char id[64], answer[64], topic[32];
    int rc = 0;

    if (progress_mode(p) != PROGRESS_RW) {
        fprintf(stderr, "ptool: %s\n", progress_problem(p));
        progress_close(p);
        return 3;
    }
    for (int i = 0; i < n; i++) {
        ProgressAttempt a = {0};
        snprintf(id, sizeof id, "%s.ex%d", tag, i % 37);
        snprintf(answer, sizeof answer, "%s answer %d", tag, i);
        snprintf(topic, sizeof topic, "topic%d", i % 5);
        a.exercise_id = id;
        a.topic = topic;
        a.kind = "choice";
        a.answer = answer;
        a.score = (i % 3) / 2.0;
        a.passed = a.score >= 0.5;
        a.hints = i % 2;
        a.mode = "study";
        if (progress_record_attempt(p, &a) < 0) {
            fprintf(stderr, "ptool: %s\n", progress_problem(p));
            rc = 1;
            break;
        }
        printf("ack %s %d\n", tag, i);
        fflush(stdout);
    }
    progress_close(p);
    return rc;
}

/* One attempt with the given fields; prints its id. */
static int one_attempt(char **v)
{
    Progress *p = progress_open(v[0], 0);
    ProgressAttempt a = {0};
    int64_t id;

    a.exercise_id = v[1];
    a.topic = v[2];
    a.mode = v[3];
    a.score = atof(v[4]);
    a.passed = atoi(v[5]);
    a.answer = strcmp(v[6], "-") ? v[6] : NULL;
    a.kind = "explain";
    id = progress_record_attempt(p, &a);
    if (id < 0)
        fprintf(stderr, "ptool: %s\n", progress_problem(p));
    else
        printf("%lld\n", (long long)id);
    progress_close(p);
    return id < 0;
}

/* A finished session: DB MODE TITLE NITEMS NCORRECT DETAIL_JSON. */
static int one_session(char **v)
{
    Progress *p = progress_open(v[0], 0);
    ProgressSession s = {0};
    int64_t id;
    int ok;

    s.mode = v[1];
    s.title = v[2];
    s.nitems = atoi(v[3]);
    s.seed = 42;
    id = progress_session_begin(p, &s);
    ok = id > 0 && progress_session_finish(p, id, s.nitems ? atof(v[4]) /
                                                  s.nitems : 0,
                                           atoi(v[4]), v[5]) == 0;
    if (!ok)
        fprintf(stderr, "ptool: %s\n", progress_problem(p));
    else
        printf("%lld\n", (long long)id);
    progress_close(p);
    return !ok;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "");
    if (argc == 9 && strcmp(argv[1], "attempt") == 0)
        return one_attempt(argv + 2);
    if (argc == 8 && strcmp(argv[1], "session") == 0)
        return one_session(argv + 2);
    if (argc >= 4 && strcmp(argv[1], "record") == 0)
        return record(argv[2], atoi(argv[3]), argc > 4 ? argv[4] : "t");
    if (argc == 3 && strcmp(argv[1], "tui") == 0 &&
        strcmp(argv[2], "stats") == 0) {
        /* a screen on its own, for the tmux tests */
        UiOptions opt = {0};
        Content *c = content_open();
        if (!c || ui_init(&opt) < 0)
            return 2;
        ui_run(screen_stats_new(c));
        content_free(c);
        return 0;
    }
    if (argc >= 3 && strcmp(argv[1], "cmd") == 0) {
        if (strcmp(argv[2], "reset") == 0)
            return cmd_reset(argc - 2, argv + 2);
        if (strcmp(argv[2], "report") == 0)
            return cmd_report(argc - 2, argv + 2);
        if (strcmp(argv[2], "review") == 0)
            return cmd_review(argc - 2, argv + 2);
        if (strcmp(argv[2], "drill") == 0)
            return cmd_drill(argc - 2, argv + 2);
        if (strcmp(argv[2], "interview") == 0)
            return cmd_interview(argc - 2, argv + 2);
    }
    fprintf(stderr, "usage: ptool record DB N [TAG] | ptool cmd NAME ...\n");
    return 2;
}
