/*
** ptool.c - test driver for the progress store (not installed).
**
** `ptool record DB N [TAG]` grades N answers with the real scheduler and
** store, printing "ack I" only after each attempt's commit returned, so a
** test that SIGKILLs it knows exactly which answers were acknowledged.
** `ptool cmd NAME ARGS...` runs a progress command (reset, report) as
** pyprep would, until main.c's table carries them.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "progress.h"

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

int main(int argc, char **argv)
{
    if (argc >= 4 && strcmp(argv[1], "record") == 0)
        return record(argv[2], atoi(argv[3]), argc > 4 ? argv[4] : "t");
    if (argc >= 3 && strcmp(argv[1], "cmd") == 0) {
        if (strcmp(argv[2], "reset") == 0)
            return cmd_reset(argc - 2, argv + 2);
        if (strcmp(argv[2], "report") == 0)
            return cmd_report(argc - 2, argv + 2);
    }
    fprintf(stderr, "usage: ptool record DB N [TAG] | ptool cmd NAME ...\n");
    return 2;
}
