/*
** cmd_reset.c - `pyprep reset [--exercise ID | --topic T | --all] [--yes]`.
**
** Deletes attempts and review state for one exercise, one topic, or
** everything (then also lessons read and sessions). Asks first, on the
** terminal or from stdin; --yes is for scripts. Exit: 0 done, 1 declined
** or nothing saved, 2 usage, 3 the database cannot be written.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "progress.h"

static int reset_usage(void)
{
    fprintf(stderr, "usage: %s reset (--exercise ID | --topic T | --all) "
                    "[--yes]\n",
            progname);
    return 2;
}

int cmd_reset(int argc, char **argv)
{
    ProgressReset what = RESET_ALL;
    const char *arg = NULL, *label;
    int nscope = 0, yes = 0, n, rc;
    char line[64], *path;
    Progress *p;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--yes") == 0 || strcmp(argv[i], "-y") == 0) {
            yes = 1;
        } else if (strcmp(argv[i], "--all") == 0) {
            what = RESET_ALL;
            nscope++;
        } else if ((strcmp(argv[i], "--exercise") == 0 ||
                    strcmp(argv[i], "--topic") == 0) &&
                   i + 1 < argc) {
            what = argv[i][2] == 'e' ? RESET_EXERCISE : RESET_TOPIC;
            arg = argv[++i];
            nscope++;
        } else {
            fprintf(stderr, "%s: reset: unexpected '%s'\n", progname,
                    argv[i]);
            return reset_usage();
        }
    }
    if (nscope != 1)
        return reset_usage();
    path = progress_path_new();
    p = progress_open(path, 0);
    if (progress_mode(p) != PROGRESS_RW) {
        fprintf(stderr, "%s: %s\n", progname, progress_problem(p));
        free(path);
        progress_close(p);
        return 3;
    }
    n = progress_reset_count(p, what, arg);
    label = what == RESET_ALL ? "all progress" : arg;
    if (n == 0 && what != RESET_ALL) {
        /* a typo in the id should not look like a successful reset */
        printf("nothing recorded for %s %s: nothing to delete\n",
               what == RESET_EXERCISE ? "exercise" : "topic", arg);
        free(path);
        progress_close(p);
        return 0;
    }
    if (!yes) {
        fprintf(stderr,
                "Delete %s (%d attempt%s%s) from %s? [y/N] ", label, n,
                n == 1 ? "" : "s",
                what == RESET_ALL ? ", lessons read, sessions" : "", path);
        fflush(stderr);
        if (!fgets(line, sizeof line, stdin) ||
            (line[0] != 'y' && line[0] != 'Y')) {
            fprintf(stderr, "%snothing deleted\n",
                    feof(stdin) ? "\n" : "");
            free(path);
            progress_close(p);
            return 1;
        }
    }
    rc = progress_reset(p, what, arg);
    if (rc < 0)
        fprintf(stderr, "%s: %s\n", progname, progress_problem(p));
    else
        printf("deleted %d attempt%s (%s)\n", rc, rc == 1 ? "" : "s", label);
    free(path);
    progress_close(p);
    return rc < 0 ? 3 : 0;
}
