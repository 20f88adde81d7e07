/*
** cmd_tui.c - `pyprep` with no command: the interactive trainer.
*/
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cmd.h"
#include "content.h"
#include "ui.h"

static int need_terminal(void)
{
    if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
        return 0;
    fprintf(stderr, "%s: the trainer needs a terminal; "
                    "see '%s --help' for commands\n",
            progname, progname);
    return -1;
}

int cmd_tui(int argc, char **argv)
{
    UiOptions opt = {0};
    Content *c;
    (void)argc;
    (void)argv;

    if (need_terminal() < 0)
        return 2;
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

/* `pyprep np`: straight into the NumPy playground. */
int cmd_np(int argc, char **argv)
{
    UiOptions opt = {0};

    if (argc > 1) {
        fprintf(stderr, "usage: %s np\n", progname);
        return 2;
    }
    (void)argv;
    if (need_terminal() < 0)
        return 2;
    if (ui_init(&opt) < 0)
        return 1;
    ui_run(screen_np_new());
    return 0;
}
