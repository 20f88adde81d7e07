/* Engineers working in parallel: read docs/HELPERS.md and docs/INTERFACES.md first. */
/*
** cmd_run.c - placeholder until the module that owns 'pyprep run' lands.
*/
#include <stdio.h>

#include "cmd.h"

int cmd_run(int argc, char **argv)
{
    (void)argc;
    fprintf(stderr, "%s: %s: not available in this build yet\n", progname,
            argv[0]);
    return 3;
}
