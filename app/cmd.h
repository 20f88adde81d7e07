/*
** cmd.h - the CLI commands of pyprep.
**
** Each command lives in its own app/cmd_<name>.c and has the signature of
** main() minus the program name: argv[0] is the command's own name. A
** command returns the process exit status: 0 success, 1 a failed result
** (test failed, answer wrong, program raised), 2 a usage or content error,
** 3 and up as the command documents.
*/
#ifndef PYPREP_CMD_H
#define PYPREP_CMD_H

int cmd_list(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_lua(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_tui(int argc, char **argv);
int cmd_np(int argc, char **argv);
int cmd_grade(int argc, char **argv);
int cmd_check(int argc, char **argv);

/* The program name for messages ("pyprep"). */
extern const char *progname;

#endif
