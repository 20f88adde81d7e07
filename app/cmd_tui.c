/*
** cmd_tui.c - `pyprep` with no command: the interactive trainer.
*/
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cmd.h"
#include "content.h"
#include "ui.h"

int cmd_tui(int argc, char **argv)
{
    UiOptions opt = {0};
    Content *c;
    (void)argc;
    (void)argv;

    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
        fprintf(stderr, "%s: the trainer needs a terminal; "
                        "see '%s --help' for commands\n",
                progname, progname);
        return 2;
    }
    if (!(c = content_open()))
        return 2;
    if (ui_init(&opt) < 0) {
        content_free(c);
        return 1;
    }
    ui_run(screen_home_new(c));
    content_free(c);
    return 0;
}
