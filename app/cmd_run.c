/*
** cmd_run.c - `pyprep run`: run a Python/NumPy program like CPython would.
**
** The source is compiled to Lua in this process (py_compile_new); the Lua
** runs in a sandbox worker with the nd and py libraries opened, under the
** --time-limit/--memory-limit given (defaults suit a learner's own
** script). Exit status: 0 ok, 1 uncaught exception or syntax error (as
** CPython), 2 usage, 3 not supported in pyprep, 4 time limit.
*/
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "lnd.h"
#include "py.h"
#include "sandbox.h"
#include "util.h"

static Sandbox *run_running; /* for the SIGINT handler */

static void run_on_sigint(int sig)
{
    (void)sig;
    if (run_running)
        sandbox_cancel(run_running);
}

typedef struct {
    int tty_out, tty_err;
    SandboxEscState out, err;
} RunStreams;

static void run_emit(void *ud, const char *s, size_t n)
{
    fwrite(s, 1, n, (FILE *)ud);
}

/* Program output is byte-exact on pipes; terminals get it neutralised. */
static void run_on_output(void *ud, int channel, const char *s, size_t n)
{
    RunStreams *st = ud;
    FILE *f = channel == SANDBOX_STDERR ? stderr : stdout;
    int tty = channel == SANDBOX_STDERR ? st->tty_err : st->tty_out;
    if (tty)
        sandbox_neutralise(channel == SANDBOX_STDERR ? &st->err : &st->out,
                           s, n, run_emit, f);
    else
        fwrite(s, 1, n, f);
    if (channel == SANDBOX_STDERR)
        fflush(stdout);
}

static void run_usage(FILE *f)
{
    fprintf(f,
            "usage: %s run FILE|-|-c CODE [--time-limit MS] "
            "[--memory-limit MB]\n"
            "\n"
            "Runs a Python program (the subset pyprep supports, with "
            "NumPy).\n"
            "  --time-limit MS    wall-clock limit (default 60000)\n"
            "  --memory-limit MB  memory limit in MiB (default 2048)\n"
            "  --show-lua         print the compiled Lua instead of "
            "running it\n"
            "exit status: 0 ok, 1 Python exception or syntax error, "
            "2 usage,\n"
            "3 not supported in pyprep, 4 time limit\n",
            progname);
}

/* Report a verdict other than a normal return; returns the exit status. */
static int run_verdict(const SandboxResult *res, unsigned long time_ms)
{
    switch (res->kind) {
    case SANDBOX_MEMORY:
        fflush(stdout);
        fprintf(stderr, "Traceback (most recent call last):\n"
                        "  (pyprep: memory limit reached)\n"
                        "MemoryError\n");
        return 1;
    case SANDBOX_TIME:
        fflush(stdout);
        fprintf(stderr, "%s: time limit exceeded (%lu ms)\n", progname,
                time_ms);
        return 4;
    case SANDBOX_OUTPUT:
        fflush(stdout);
        fprintf(stderr, "%s: output limit exceeded\n", progname);
        return 4;
    case SANDBOX_CANCELLED:
        fflush(stdout);
        fprintf(stderr, "Traceback (most recent call last):\n"
                        "KeyboardInterrupt\n");
        return 130;
    case SANDBOX_RUNTIME:
    case SANDBOX_SYNTAX:
        fflush(stdout);
        fprintf(stderr, "%s: not supported in pyprep: this program "
                        "(internal error: %s)\n",
                progname, res->message ? res->message : "?");
        return 3;
    default:
        fflush(stdout);
        fprintf(stderr, "%s: could not run: %s: %s\n", progname,
                sandbox_kind_name(res->kind),
                res->message ? res->message : "");
        return 3;
    }
}

int cmd_run(int argc, char **argv)
{
    const char *file = NULL, *code = NULL;
    unsigned long time_ms = 60000, mem_mb = 2048;
    int show_lua = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--time-limit") == 0) {
            if (util_parse_count("run", a, i + 1 < argc ? argv[++i] : NULL,
                                 3600000, &time_ms) < 0)
                return 2;
        } else if (strcmp(a, "--memory-limit") == 0) {
            if (util_parse_count("run", a, i + 1 < argc ? argv[++i] : NULL,
                                 65536, &mem_mb) < 0)
                return 2;
        } else if (strcmp(a, "--show-lua") == 0) {
            show_lua = 1;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            run_usage(stdout);
            return 0;
        } else if (strcmp(a, "-c") == 0) {
            if (i + 1 >= argc || file || code) {
                run_usage(stderr);
                return 2;
            }
            code = argv[++i];
        } else if (a[0] == '-' && a[1] != '\0') {
            fprintf(stderr, "%s: run: unknown option '%s'\n", progname, a);
            run_usage(stderr);
            return 2;
        } else if (!file && !code) {
            file = a;
        } else {
            run_usage(stderr);
            return 2;
        }
    }
    if (!file && !code) {
        run_usage(stderr);
        return 2;
    }

    char *src;
    size_t len;
    const char *name;
    if (code) {
        src = xstrdup(code);
        len = strlen(src);
        name = "<string>";
    } else if (strcmp(file, "-") == 0) {
        src = util_read_stream(stdin, &len);
        name = "<stdin>";
    } else {
        src = util_read_file(file, &len);
        name = file;
    }
    if (!src) {
        fprintf(stderr, "%s: run: cannot read %s: %s\n", progname,
                code ? "-c" : file, strerror(errno));
        return 2;
    }

    PyDiag d;
    size_t lualen;
    char *lua = py_compile_new(src, len, name, 0, &lualen, &d);
    if (!lua) {
        char msg[2048];
        py_diag_format(&d, src, len, name, msg, sizeof msg);
        fputs(msg, stderr);
        free(src);
        return d.kind == PY_ESYNTAX ? 1 : d.kind == PY_EUNSUPPORTED ? 3 : 2;
    }
    free(src);
    if (show_lua) {
        fwrite(lua, 1, lualen, stdout);
        free(lua);
        return 0;
    }

    static const SandboxLib libs[] = {{"nd", luaopen_nd},
                                      {"nd_linalg", luaopen_nd_linalg},
                                      {"py", luaopen_py}};
    RunStreams streams;
    memset(&streams, 0, sizeof streams);
    streams.tty_out = isatty(1);
    streams.tty_err = isatty(2);
    SandboxConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.time_ms = (unsigned)time_ms;
    cfg.memory_bytes = (size_t)mem_mb << 20;
    cfg.output_bytes = (size_t)256 << 20;
    cfg.libs = libs;
    cfg.nlibs = sizeof libs / sizeof libs[0];
    cfg.on_output = run_on_output;
    cfg.ud = &streams;

    Sandbox *sb = sandbox_new(&cfg);
    if (!sb) {
        fprintf(stderr, "%s: run: out of memory\n", progname);
        free(lua);
        return 2;
    }
    char chunkname[300];
    snprintf(chunkname, sizeof chunkname, "=py:%s", name);
    SandboxResult res;
    memset(&res, 0, sizeof res);
    run_running = sb;
    void (*old)(int) = signal(SIGINT, run_on_sigint);
    sandbox_run(sb, lua, lualen, chunkname, NULL, 0, &res);
    signal(SIGINT, old);
    run_running = NULL;
    free(lua);

    int status;
    if (res.kind == SANDBOX_OK) {
        status = 0;
        if (res.nvalues > 0 && res.values[0].type == SANDBOX_INTEGER)
            status = (int)res.values[0].i;
    } else {
        status = run_verdict(&res, time_ms);
    }
    if (streams.tty_out)
        sandbox_neutralise(&streams.out, NULL, 0, run_emit, stdout);
    if (streams.tty_err)
        sandbox_neutralise(&streams.err, NULL, 0, run_emit, stderr);
    fflush(stdout);
    sandbox_result_free(&res);
    sandbox_free(sb);
    return status;
}
