/*
** nd_bench.c - host for the engine side of `make bench-nd`.
**
** Runs the script named on the command line (nd_bench.lua) the way
** learners' code runs: in a sandbox worker process with the nd and
** nd_linalg libraries, the sandbox's allocator and collector settings,
** its instruction hook and seccomp list. Added for the bench only: a
** clock `now()` (seconds of the worker's CPU time) and the py.list /
** py.tuple metatables nd expects. The remaining command-line arguments
** are the chunk's `...`; its printed output streams to stdout.
** ND_BENCH_INPROCESS=1 runs the same sandbox in this process, for tools
** that cannot follow a seccomp'd worker (valgrind --tool=callgrind).
*/
#include <lauxlib.h>
#include <lua.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "lnd.h"
#include "nd_linalg.h"
#include "sandbox.h"

/* The worker is one thread (BLAS runs single-threaded in it). Its
** process clock would tick in 4 ms steps: RLIMIT_CPU arms the process
** CPU timer, whose sum the kernel refreshes only at scheduler ticks. */
static int l_now(lua_State *L)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    lua_pushnumber(L, (double)ts.tv_sec + ts.tv_nsec * 1e-9);
    return 1;
}

static int open_now(lua_State *L)
{
    luaL_newmetatable(L, "py.list");
    luaL_newmetatable(L, "py.tuple");
    lua_pop(L, 2);
    lua_pushcfunction(L, l_now);
    return 1;
}

static void on_output(void *ud, int channel, const char *s, size_t n)
{
    (void)ud;
    fwrite(s, 1, n, channel == SANDBOX_STDOUT ? stdout : stderr);
    fflush(channel == SANDBOX_STDOUT ? stdout : stderr);
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0, r;
    if (!f)
        return NULL;
    do {
        if (n + 65536 > cap) {
            char *nb = realloc(buf, cap = (cap + 65536) * 2);
            if (!nb) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
        }
        r = fread(buf + n, 1, cap - n, f);
        n += r;
    } while (r > 0);
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    static const SandboxLib libs[] = {{"nd", luaopen_nd},
                                      {"nd_linalg", luaopen_nd_linalg},
                                      {"now", open_now}};
    SandboxValue args[SANDBOX_MAX_VALUES];
    SandboxConfig cfg = {0};
    SandboxResult res = {0};
    Sandbox *sb;
    char *src;
    size_t len;
    int nargs = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: %s script.lua [args]\n", argv[0]);
        return 2;
    }
    if (!(src = slurp(argv[1], &len))) {
        perror(argv[1]);
        return 1;
    }
    for (int i = 2; i < argc && nargs < SANDBOX_MAX_VALUES; i++, nargs++) {
        memset(&args[nargs], 0, sizeof args[nargs]);
        args[nargs].type = SANDBOX_STRING;
        args[nargs].s = argv[i];
        args[nargs].len = strlen(argv[i]);
    }
    nd_linalg_set_threads(1); /* before the fork, as pyprep's main() */
    cfg.time_ms = 3600 * 1000;
    cfg.memory_bytes = (size_t)8 << 30; /* 1e7 rows keep ~0.5 GB live */
    cfg.output_bytes = (size_t)64 << 20;
    cfg.libs = libs;
    cfg.nlibs = sizeof libs / sizeof libs[0];
    cfg.on_output = on_output;
    if (getenv("ND_BENCH_INPROCESS")) {
        cfg.isolation = SANDBOX_INPROCESS;
        sandbox_tune_process();
    }
    if (!(sb = sandbox_new(&cfg))) {
        fprintf(stderr, "nd_bench: out of memory\n");
        return 1;
    }
    sandbox_run(sb, src, len, argv[1], args, nargs, &res);
    if (res.kind != SANDBOX_OK)
        fprintf(stderr, "nd_bench: %s: %s\n", sandbox_kind_name(res.kind),
                res.message ? res.message : "");
    int rc = res.kind == SANDBOX_OK ? 0 : 1;
    sandbox_result_free(&res);
    sandbox_free(sb);
    free(src);
    return rc;
}
