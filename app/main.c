/*
** main.c - pyprep's entry point: global options and command dispatch.
**
** With no command pyprep opens the TUI. Every other job is a command in
** the table below, implemented in app/cmd_<name>.c.
*/
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "content.h"
#include "nd_linalg.h"
#include "progress.h"



typedef struct {
    const char *name;
    int (*fn)(int argc, char **argv);
    const char *args;
    const char *help;
} Command;

static const Command commands[] = {
    {"list", cmd_list, "[--json]", "list chapters and lessons"},
    {"show", cmd_show, "LESSON_ID [--width N]", "print a lesson as text"},
    {"run", cmd_run, "FILE|-|-c CODE", "run a Python/NumPy program"},
    {"np", cmd_np, "", "the NumPy playground (a Python REPL)"},
    {"lua", cmd_lua, "FILE|- [limits]", "run a Lua chunk in the sandbox"},
    {"grade", cmd_grade, "EXERCISE_ID [answer]", "grade an answer"},
    {"check", cmd_check, "[DIR...]", "validate lessons and exercises"},
    {"review", cmd_review, "", "the exercises due for review"},
    {"drill", cmd_drill, "[filters] | FILE", "a timed drill"},
    {"interview", cmd_interview, "[--level L] [--minutes M]",
     "a mock interview with a scorecard"},
    {"report", cmd_report, "[--csv|--json] [--since D]",
     "export attempts and sessions"},
    {"reset", cmd_reset, "WHAT [--yes]",
     "forget progress (--exercise ID, --topic T, --all)"},
    {NULL, NULL, NULL, NULL}};

static void usage(FILE *f)
{
    fprintf(f,
            "usage: %s [--content DIR] [--db PATH] [--no-color] "
            "[COMMAND [ARGS]]\n"
            "\n"
            "With no command, pyprep opens the interactive trainer.\n"
            "\n"
            "commands:\n",
            progname);
    for (const Command *c = commands; c->name; c++)
        fprintf(f, "  %-9s %-27s %s\n", c->name, c->args, c->help);
    fprintf(f, "\n"
               "options:\n"
               "  --content DIR  read lessons and exercises from DIR\n"
               "                 (also PYPREP_CONTENT)\n"
               "  --db PATH      keep progress in PATH (also PYPREP_DB;\n"
               "                 default ~/.local/share/pyprep/pyprep.db)\n"
               "  --no-color     no colours in the TUI (also NO_COLOR)\n"
               "  --help         show this help\n"
               "  --version      show the version\n");
}

int main(int argc, char **argv)
{
    int i;

    setlocale(LC_ALL, "");
    /* Evaluations run in forked seccomp'd workers, which may not start
    ** threads; OpenBLAS must be down to one thread before the first fork
    ** so a worker never asks it for more. */
    nd_linalg_set_threads(1);
    content_set_argv0(argv[0]);
    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] == '-'; i++) {
        const char *opt = argv[i];
        if (strcmp(opt, "--help") == 0) {
            usage(stdout);
            return 0;
        } else if (strcmp(opt, "--version") == 0) {
            printf("pyprep %s\n", PYPREP_VERSION);
            return 0;
        } else if (strcmp(opt, "--content") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s: --content needs a directory\n",
                        progname);
                return 2;
            }
            content_set_dir(argv[++i]);
        } else if (strcmp(opt, "--db") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "%s: --db needs a path\n", progname);
                return 2;
            }
            progress_set_path(argv[++i]);
        } else if (strcmp(opt, "--no-color") == 0) {
            setenv("NO_COLOR", "1", 1);
        } else {
            fprintf(stderr, "%s: unknown option '%s'\n", progname, opt);
            usage(stderr);
            return 2;
        }
    }
    if (i == argc)
        return cmd_tui(argc - i, argv + i);
    for (const Command *c = commands; c->name; c++)
        if (strcmp(argv[i], c->name) == 0)
            return c->fn(argc - i, argv + i);
    fprintf(stderr, "%s: unknown command '%s'\n", progname, argv[i]);
    usage(stderr);
    return 2;
}
