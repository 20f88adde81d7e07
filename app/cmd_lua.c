/*
** cmd_lua.c - `pyprep lua`: run a Lua chunk in the sandbox, for authors.
**
** Streams the chunk's output (neutralised for the terminal) as it comes,
** then reports a limit or error on stderr as "pyprep: sandbox: ..." and
** exits with the status sandbox_exit_status gives the verdict's kind
** (0 ok, 1 runtime, 3 syntax, 4 time, 5 memory, 6 output, 7 crashed,
** 8 system, 130 cancelled; 2 is a usage error here).
*/
#include <errno.h>
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "sandbox.h"
#include "util.h"

static Sandbox *lua_running; /* for the SIGINT handler */

static void lua_on_sigint(int sig)
{
    (void)sig;
    if (lua_running)
        sandbox_cancel(lua_running);
}

static void lua_emit(void *ud, const char *s, size_t n)
{
    fwrite(s, 1, n, (FILE *)ud);
}

typedef struct {
    SandboxEscState out, err;
} LuaStreams;

static void lua_on_output(void *ud, int channel, const char *s, size_t n)
{
    LuaStreams *st = ud;
    if (channel == SANDBOX_STDERR)
        sandbox_neutralise(&st->err, s, n, lua_emit, stderr);
    else
        sandbox_neutralise(&st->out, s, n, lua_emit, stdout);
}

static void lua_usage(FILE *f)
{
    fprintf(f,
            "usage: %s lua FILE|- [--time-limit MS] [--memory-limit MB]\n"
            "                 [--output-limit KB] [--results] [ARG...]\n"
            "\n"
            "Runs a Lua 5.4 chunk in the sandbox; ARGs are its `...`.\n"
            "  --time-limit MS    wall-clock limit (default 1000)\n"
            "  --memory-limit MB  Lua memory limit in MiB (default 64)\n"
            "  --output-limit KB  output limit in KiB (default 1024)\n"
            "  --results          print the chunk's return values\n"
            "exit status: 0 ok, 1 runtime error, 2 usage, 3 syntax error,\n"
            "4 time limit, 5 memory limit, 6 output limit, 7 crashed,\n"
            "8 could not run, 130 interrupted\n",
            progname);
}

/* Print one line of text to stderr, neutralised. */
static void lua_say(const char *prefix, const char *msg)
{
    SandboxEscState st = {{0}, 0};
    fprintf(stderr, "%s: sandbox: %s", progname, prefix);
    sandbox_neutralise(&st, msg, strlen(msg), lua_emit, stderr);
    sandbox_neutralise(&st, NULL, 0, lua_emit, stderr);
    fputc('\n', stderr);
}

static void lua_print_results(const SandboxResult *r)
{
    SandboxEscState st = {{0}, 0};
    for (int i = 0; i < r->nvalues; i++) {
        const SandboxValue *v = &r->values[i];
        if (i)
            fputc('\t', stdout);
        switch (v->type) {
        case SANDBOX_NIL:
            fputs("nil", stdout);
            break;
        case SANDBOX_BOOLEAN:
            fputs(v->b ? "true" : "false", stdout);
            break;
        case SANDBOX_INTEGER:
            printf("%" PRId64, (int64_t)v->i);
            break;
        case SANDBOX_NUMBER:
            printf("%.14g", (double)v->n);
            break;
        case SANDBOX_STRING:
            sandbox_neutralise(&st, v->s, v->len, lua_emit, stdout);
            sandbox_neutralise(&st, NULL, 0, lua_emit, stdout);
            break;
        default:
            printf("<%s>", v->s);
            break;
        }
    }
    if (r->nvalues)
        fputc('\n', stdout);
}

int cmd_lua(int argc, char **argv)
{
    SandboxConfig cfg = {0};
    LuaStreams streams;
    SandboxValue args[SANDBOX_MAX_VALUES];
    SandboxResult res;
    struct sigaction sa, old;
    const char *file = NULL;
    int nargs = 0, results = 0, only_args = 0, status;
    unsigned long v;
    char *src, *name;
    size_t len;
    Sandbox *sb;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!only_args && strcmp(a, "--help") == 0) {
            lua_usage(stdout);
            return 0;
        } else if (!only_args && strcmp(a, "--time-limit") == 0) {
            if (util_parse_count("lua", a, ++i < argc ? argv[i] : NULL, 3600000,
                                 &v) < 0)
                return 2;
            cfg.time_ms = (unsigned)v;
        } else if (!only_args && strcmp(a, "--memory-limit") == 0) {
            if (util_parse_count("lua", a, ++i < argc ? argv[i] : NULL, 4096,
                                 &v) < 0)
                return 2;
            cfg.memory_bytes = (size_t)v << 20;
        } else if (!only_args && strcmp(a, "--output-limit") == 0) {
            if (util_parse_count("lua", a, ++i < argc ? argv[i] : NULL, 1048576,
                                 &v) < 0)
                return 2;
            cfg.output_bytes = (size_t)v << 10;
        } else if (!only_args && strcmp(a, "--results") == 0) {
            results = 1;
        } else if (!only_args && strcmp(a, "--") == 0 && file) {
            only_args = 1;
        } else if (!only_args && a[0] == '-' && a[1] == '-') {
            fprintf(stderr, "%s: lua: unknown option '%s'\n", progname, a);
            lua_usage(stderr);
            return 2;
        } else if (file == NULL) {
            file = a;
        } else if (nargs == SANDBOX_MAX_VALUES) {
            fprintf(stderr, "%s: lua: at most %d arguments\n", progname,
                    SANDBOX_MAX_VALUES);
            return 2;
        } else {
            memset(&args[nargs], 0, sizeof args[nargs]);
            args[nargs].type = SANDBOX_STRING;
            args[nargs].s = a;
            args[nargs].len = strlen(a);
            nargs++;
        }
    }
    if (file == NULL) {
        lua_usage(stderr);
        return 2;
    }
    if (strcmp(file, "-") == 0) {
        src = util_read_stream(stdin, &len);
        name = xstrdup("=stdin");
    } else {
        src = util_read_file(file, &len);
        name = xasprintf("@%s", file);
    }
    if (src == NULL) {
        fprintf(stderr, "%s: lua: cannot read %s: %s\n", progname, file,
                strerror(errno));
        free(name);
        return 2;
    }

    memset(&streams, 0, sizeof streams);
    cfg.on_output = lua_on_output;
    cfg.ud = &streams;
    sb = sandbox_new(&cfg);
    if (sb == NULL) {
        fprintf(stderr, "%s: lua: out of memory\n", progname);
        free(src);
        free(name);
        return 8;
    }
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = lua_on_sigint;
    sigemptyset(&sa.sa_mask);
    lua_running = sb;
    sigaction(SIGINT, &sa, &old);
    sandbox_run(sb, src, len, name, args, nargs, &res);
    sigaction(SIGINT, &old, NULL);
    lua_running = NULL;

    sandbox_neutralise(&streams.out, NULL, 0, lua_emit, stdout);
    sandbox_neutralise(&streams.err, NULL, 0, lua_emit, stderr);
    if (res.kind == SANDBOX_OK && results)
        lua_print_results(&res);
    fflush(stdout);
    switch (res.kind) {
    case SANDBOX_OK:
        break;
    case SANDBOX_SYNTAX:
        lua_say("syntax error: ", res.message);
        break;
    case SANDBOX_RUNTIME:
        lua_say("error: ", res.message);
        break;
    default:
        lua_say("", res.message);
        break;
    }
    status = sandbox_exit_status(res.kind);
    sandbox_result_free(&res);
    sandbox_free(sb);
    free(src);
    free(name);
    return status;
}
