/*
** cmd_interview.c - `pyprep interview [--level junior|mid|senior]
** [--minutes 30] [--count N] [--seed S] [--list]`: a mock interview.
**
** Explain-in-words, predict-the-output and code questions at the level,
** balanced across topics (drill_select does the balancing), one at a time
** against the clock, ending in a scorecard saved with the session;
** --last / --show ID print a saved scorecard.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd.h"
#include "progress.h"
#include "util.h"

int cmd_interview(int argc, char **argv)
{
    static char *kinds[] = {"explain", "output", "fill", "bug", "parsons",
                            "numpy"};
    DrillSpec sp = {0};
    int list = 0;

    sp.mode = "interview";
    sp.title = "mock interview";
    sp.level = "mid";
    sp.minutes = 30;
    sp.count = 8;
    sp.seed = (uint64_t)time(NULL);
    sp.kinds = kinds;
    sp.nkinds = (int)(sizeof kinds / sizeof kinds[0]);
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        int more = i + 1 < argc;
        if (strcmp(a, "--list") == 0) {
            list = 1;
        } else if (strcmp(a, "--last") == 0) {
            return drill_show_card("interview", 0);
        } else if (strcmp(a, "--show") == 0 && more) {
            return drill_show_card("interview", atoll(argv[i + 1]));
        } else if (strcmp(a, "--level") == 0 && more &&
                   (strcmp(argv[i + 1], "junior") == 0 ||
                    strcmp(argv[i + 1], "mid") == 0 ||
                    strcmp(argv[i + 1], "senior") == 0)) {
            sp.level = argv[++i];
        } else if (strcmp(a, "--minutes") == 0 && more &&
                   atof(argv[i + 1]) > 0) {
            sp.minutes = atof(argv[++i]);
        } else if (strcmp(a, "--count") == 0 && more &&
                   atoi(argv[i + 1]) > 0) {
            sp.count = atoi(argv[++i]);
        } else if (strcmp(a, "--seed") == 0 && more) {
            unsigned long long v;
            if (util_parse_seed("interview", a, argv[++i], &v) < 0)
                return 2;
            sp.seed = (uint64_t)v;
        } else {
            fprintf(stderr,
                    "usage: %s interview [--level junior|mid|senior] "
                    "[--minutes M] [--count N] [--seed S] [--list]\n"
                    "       %s interview --last | --show SESSION_ID\n",
                    progname, progname);
            return 2;
        }
    }
    return drill_run(&sp, list);
}
