/* Engineers working in parallel: read docs/HELPERS.md and docs/INTERFACES.md first. */
/*
** cmd_check.c - placeholder until the graded-exercises module lands.
*/
#include <stdio.h>

#include "cmd.h"

int cmd_check(int argc, char **argv)
{
    (void)argc;
    fprintf(stderr, "%s: %s: not available in this build yet\n", progname,
            argv[0]);
    return 3;
}
