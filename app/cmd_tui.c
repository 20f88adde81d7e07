#include <stdio.h>
#include "cmd.h"
int cmd_tui(int argc, char **argv)
{
    (void)argc; (void)argv;
    fprintf(stderr, "tui: soon\n");
    return 3;
}
