/*
** sandbox.c - TAP tests for the sandbox API (engine/sandbox.h).
**
** Verdicts and values through the worker and in-process, extra libraries
** whose C code misbehaves (crash, forbidden system calls, C-level spins),
** isolation between evaluations, the host's memory / descriptors /
** terminal after many runs, cancellation, sessions and the neutraliser.
*/
#define _XOPEN_SOURCE 600 /* posix_openpt and friends */
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <termios.h>
#include <unistd.h>

#include <lauxlib.h>

#include "sandbox.h"
#include "tap.h"

static int asan; /* sanitizer build: address-space limits do not apply */

/* ---- A hostile "extra library" -------------------------------------*/

static int t_trap(lua_State *L)
{
    (void)L;
    __builtin_trap();
    return 0;
}

static int t_open(lua_State *L)
{
    lua_pushinteger(L, open("/etc/hostname", O_RDONLY));
    return 1;
}

static int t_fork(lua_State *L)
{
    lua_pushinteger(L, fork());
    return 1;
}

static int t_socket(lua_State *L)
{
    lua_pushinteger(L, socket(AF_INET, SOCK_STREAM, 0));
    return 1;
}

static int t_spin(lua_State *L)
{
    volatile unsigned long n = 0;
    (void)L;
    for (;;)
        n++;
    return 0;
}

static int t_spin_checked(lua_State *L)
{
    for (;;)
        sandbox_check(L);
    return 0;
}

static int t_stderr(lua_State *L)
{
    size_t n;
    const char *s = luaL_checklstring(L, 1, &n);
    sandbox_write(L, SANDBOX_STDERR, s, n);
    return 0;
}

static int t_malloc_huge(lua_State *L)
{
    void *p = malloc((size_t)8 << 30);
    lua_pushboolean(L, p == NULL);
    free(p);
    return 1;
}

/* t.block(n): a userdata of n bytes, as nd makes an array (touched, so
** the bytes are really there). */
static int t_block(lua_State *L)
{
    size_t n = (size_t)luaL_checkinteger(L, 1);
    memset(lua_newuserdatauv(L, n, 0), 1, n);
    return 1;
}

static int luaopen_t(lua_State *L)
{
    static const luaL_Reg f[] = {
        {"trap", t_trap},     {"open", t_open},
        {"fork", t_fork},     {"socket", t_socket},
        {"spin", t_spin},     {"spin_checked", t_spin_checked},
        {"stderr", t_stderr}, {"malloc_huge", t_malloc_huge},
        {"block", t_block},   {NULL, NULL}};
    luaL_newlib(L, f);
    return 1;
}

static const SandboxLib test_libs[] = {{"t", luaopen_t}};

/* ---- Helpers ----------------------------------------------------------*/

static SandboxKind run(Sandbox *sb, const char *src, SandboxResult *r)
{
    return sandbox_run(sb, src, strlen(src), "=test", NULL, 0, r);
}

static Sandbox *make(unsigned time_ms, size_t mem, size_t out,
                     SandboxIsolation iso)
{
    SandboxConfig c = {0};
    c.time_ms = time_ms;
    c.memory_bytes = mem;
    c.output_bytes = out;
    c.isolation = iso;
    c.libs = test_libs;
    c.nlibs = 1;
    return sandbox_new(&c);
}

/* Run src, check the kind (and message substring if given). */
static void expect(Sandbox *sb, const char *what, const char *src,
                   SandboxKind kind, const char *needle)
{
    SandboxResult r;
    run(sb, src, &r);
    ok(r.kind == kind && (!needle || strstr(r.message, needle)),
       "sandbox: %s -> %s", what, sandbox_kind_name(kind));
    if (r.kind != kind || (needle && !strstr(r.message, needle)))
        tap_diag("got %s: %s", sandbox_kind_name(r.kind), r.message);
    sandbox_result_free(&r);
}

static int count_fds(void)
{
    int n = 0;
    DIR *d = opendir("/proc/self/fd");
    struct dirent *e;
    if (!d)
        return -1;
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.')
            n++;
    closedir(d);
    return n;
}

static long rss_kib(void)
{
    char line[256];
    long v = -1;
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "VmRSS: %ld", &v) == 1)
            break;
    fclose(f);
    return v;
}

/* ---- Tests -------------------------------------------------------------*/

static void test_verdicts(SandboxIsolation iso)
{
    const char *m = iso == SANDBOX_PROCESS ? "worker" : "in-process";
    /* Generous time for everything but the time-limit cases (sbt): a
    ** loaded machine (prove -j2, sanitizers) must not turn verdicts into
    ** time limits. */
    Sandbox *sb = make(20000, 16 << 20, 4096, iso);
    Sandbox *sbt = make(300, 16 << 20, 4096, iso);
    SandboxResult r;
    char what[96];

#define WHAT(s) (snprintf(what, sizeof what, "%s: %s", m, s), what)
    run(sb, "print('hello', 42) return 1, 2.5, 'x', true, nil, {}", &r);
    ok(r.kind == SANDBOX_OK && strcmp(r.out, "hello\t42\n") == 0,
       "sandbox: %s: ok run prints", m);
    ok(r.nvalues == 6 && r.values[0].type == SANDBOX_INTEGER &&
           r.values[0].i == 1 && r.values[1].type == SANDBOX_NUMBER &&
           r.values[1].n == 2.5 && r.values[2].type == SANDBOX_STRING &&
           strcmp(r.values[2].s, "x") == 0 &&
           r.values[3].type == SANDBOX_BOOLEAN && r.values[3].b &&
           r.values[4].type == SANDBOX_NIL &&
           r.values[5].type == SANDBOX_OTHER &&
           strcmp(r.values[5].s, "table") == 0,
       "sandbox: %s: results keep their types", m);
    sandbox_result_free(&r);

    expect(sb, WHAT("syntax error"), "x = = 1", SANDBOX_SYNTAX, "near");
    expect(sb, WHAT("binary chunk"), "\033Lua\x54\x00", SANDBOX_SYNTAX,
           "binary chunk");
    expect(sb, WHAT("runtime error"), "error('boom')", SANDBOX_RUNTIME,
           "test:1: boom");
    expect(sb, WHAT("spoofed limit text"), "error('time limit exceeded')",
           SANDBOX_RUNTIME, NULL);
    expect(sbt, WHAT("time limit"), "while true do end", SANDBOX_TIME,
           "time limit exceeded (300 ms)");
    expect(sbt, WHAT("time limit through pcall"),
           "while true do pcall(function() while true do end end) end",
           SANDBOX_TIME, NULL);
    expect(sb, WHAT("memory limit"),
           "local t = {} local s = 'x' for i = 1, 1e9 do s = s .. s "
           "t[i] = s end",
           SANDBOX_MEMORY, "memory limit exceeded (16 MiB)");
    expect(sb, WHAT("memory limit through pcall"),
           "while true do pcall(string.rep, 'x', 1e9) end", SANDBOX_MEMORY,
           NULL);
    expect(sb, WHAT("output limit"), "while true do print('spam') end",
           SANDBOX_OUTPUT, "output limit exceeded (4 KiB)");
    expect(sb, WHAT("result strings count as output"), "return ('x'):rep(5000)",
           SANDBOX_OUTPUT, NULL);
    expect(sb, WHAT("__gc refused"), "setmetatable({}, {__gc = print})",
           SANDBOX_RUNTIME, "__gc");
    expect(sbt, WHAT("xpcall handler skipped after a limit"),
           "xpcall(function() while true do end end, "
           "function() while true do end end)",
           SANDBOX_TIME, NULL);
    expect(sb, WHAT("host library writes stderr"), "t.stderr('tb')", SANDBOX_OK,
           NULL);
    run(sb, "print('a') t.stderr('E1') print('b')", &r);
    ok(strcmp(r.out, "a\nb\n") == 0 && strcmp(r.err, "E1") == 0,
       "sandbox: %s: stdout and stderr channels kept apart", m);
    sandbox_result_free(&r);
    expect(sbt, WHAT("sandbox_check stops a C loop"), "t.spin_checked()",
           SANDBOX_TIME, NULL);
    sandbox_free(sb);
    sandbox_free(sbt);

    /* Instruction budget. */
    {
        SandboxConfig c = {0};
        c.instructions = 100000;
        c.time_ms = 20000;
        c.isolation = iso;
        sb = sandbox_new(&c);
        expect(sb, WHAT("instruction budget"), "while true do end",
               SANDBOX_TIME, "instruction limit exceeded (100000)");
        sandbox_free(sb);
    }
#undef WHAT
}

static void test_args(void)
{
    Sandbox *sb = make(20000, 0, 0, SANDBOX_PROCESS);
    SandboxValue a[5];
    SandboxResult r;
    const char *src = "local n = select('#', ...) return n, ...";
    memset(a, 0, sizeof a);
    a[0].type = SANDBOX_NIL;
    a[1].type = SANDBOX_BOOLEAN;
    a[1].b = 1;
    a[2].type = SANDBOX_INTEGER;
    a[2].i = -7;
    a[3].type = SANDBOX_NUMBER;
    a[3].n = 0.25;
    a[4].type = SANDBOX_STRING;
    a[4].s = "an\0swer";
    a[4].len = 7;
    sandbox_run(sb, src, strlen(src), NULL, a, 5, &r);
    ok(r.kind == SANDBOX_OK && r.nvalues == 6 && r.values[0].i == 5 &&
           r.values[1].type == SANDBOX_NIL && r.values[2].b == 1 &&
           r.values[3].i == -7 && r.values[4].n == 0.25 &&
           r.values[5].len == 7 && memcmp(r.values[5].s, "an\0swer", 7) == 0,
       "sandbox: arguments round-trip (nil, boolean, integer, float, "
       "binary string)");
    sandbox_result_free(&r);
    run(sb,
        "local t = {} for i = 1, 100 do t[i] = i end "
        "return table.unpack(t)",
        &r);
    ok(r.kind == SANDBOX_OK && r.nvalues == SANDBOX_MAX_VALUES &&
           r.values[SANDBOX_MAX_VALUES - 1].i == SANDBOX_MAX_VALUES,
       "sandbox: results beyond %d are dropped", SANDBOX_MAX_VALUES);
    sandbox_result_free(&r);
    a[0].type = SANDBOX_OTHER;
    sandbox_run(sb, src, strlen(src), NULL, a, 1, &r);
    ok(r.kind == SANDBOX_SYSTEM, "sandbox: OTHER is refused as an argument");
    sandbox_result_free(&r);
    sandbox_free(sb);
}

static void test_containment(void)
{
    Sandbox *sb = make(20000, 0, 0, SANDBOX_PROCESS);
    Sandbox *sbt = make(300, 0, 0, SANDBOX_PROCESS);
    SandboxResult r;

    run(sb, "t.trap()", &r);
    ok(r.kind == SANDBOX_CRASHED && r.signal == SIGILL &&
           strstr(r.message, "crashed"),
       "sandbox: a crashing C function is a contained CRASHED verdict");
    sandbox_result_free(&r);
    expect(sb, "open() from C is killed by seccomp", "t.open()",
           SANDBOX_CRASHED, "forbidden system call");
    expect(sb, "fork() from C is killed by seccomp", "t.fork()",
           SANDBOX_CRASHED, "forbidden system call");
    expect(sb, "socket() from C is killed by seccomp", "t.socket()",
           SANDBOX_CRASHED, "forbidden system call");
    run(sbt, "t.spin()", &r);
    ok(r.kind == SANDBOX_TIME && r.elapsed_ms < 300 + 2000,
       "sandbox: a C-level spin is killed at the deadline (%.1f ms)",
       r.elapsed_ms);
    sandbox_result_free(&r);
    if (!asan) {
        run(sb, "return t.malloc_huge()", &r);
        ok(r.kind == SANDBOX_OK && r.nvalues == 1 && r.values[0].b,
           "sandbox: RLIMIT_AS stops an 8 GiB malloc in a host library");
        sandbox_result_free(&r);
    }
    expect(sbt, "pattern backtracking is killed at the deadline",
           "return string.find(('a'):rep(4000), ('.-'):rep(15) .. 'b')",
           SANDBOX_TIME, NULL);
    expect(sb, "coroutine.close chain (5.4.4 segfault) is guarded",
           "local prev for i = 1, 2000 do local p = prev "
           "local co = coroutine.create(function() "
           "local x <close> = setmetatable({}, {__close = function() "
           "if p then assert(coroutine.close(p)) end end}) "
           "coroutine.yield() end) coroutine.resume(co) prev = co end "
           "assert(coroutine.close(prev))",
           SANDBOX_RUNTIME, "nested too deeply");
    sandbox_free(sb);
    sandbox_free(sbt);
}

static void test_isolation(void)
{
    SandboxConfig c = {0};
    Sandbox *sb;
    SandboxResult r1, r2, r3;

    c.time_ms = 20000;
    sb = sandbox_new(&c);

    run(sb,
        "leak = 42; string.rep = nil; string.upper = nil; "
        "math.random = function() return 4 end; "
        "rawset(_G, 'print', nil); return 1",
        &r1);
    run(sb,
        "return leak, type(string.rep), ('x'):upper(), type(print), "
        "math.random(1000000)",
        &r2);
    ok(r1.kind == SANDBOX_OK && r2.kind == SANDBOX_OK && r2.nvalues == 5 &&
           r2.values[0].type == SANDBOX_NIL &&
           strcmp(r2.values[1].s, "function") == 0 &&
           strcmp(r2.values[2].s, "X") == 0 &&
           strcmp(r2.values[3].s, "function") == 0,
       "sandbox: globals and library changes do not reach the next run");
    sandbox_result_free(&r1);
    run(sb,
        "math.random(); math.random(); "
        "return nil, nil, nil, nil, math.random(1000000)",
        &r1);
    run(sb, "return nil, nil, nil, nil, math.random(1000000)", &r3);
    ok(r3.kind == SANDBOX_OK && r3.values[4].i == r2.values[4].i,
       "sandbox: math.random starts from the same seed every run");
    sandbox_result_free(&r1);
    sandbox_result_free(&r2);
    sandbox_result_free(&r3);
    sandbox_free(sb);

    c.seed = 12345;
    sb = sandbox_new(&c);
    run(sb, "return math.random(1 << 40)", &r1);
    sandbox_free(sb);
    c.seed = 54321;
    sb = sandbox_new(&c);
    run(sb, "return math.random(1 << 40)", &r2);
    sandbox_free(sb);
    ok(r1.kind == SANDBOX_OK && r2.kind == SANDBOX_OK &&
           r1.values[0].i != r2.values[0].i,
       "sandbox: the seed is configurable");
    sandbox_result_free(&r1);
    sandbox_result_free(&r2);
}

static void test_host_state(void)
{
    Sandbox *sb = make(200, 0, 1024, SANDBOX_PROCESS);
    int fds0, fds1, master, slave = -1;
    long rss0, rss1;
    struct termios t0, t1;
    char *name;
    static const char *const attacks[] = {
        "print('\\27[2J\\27]52;c;aGk=\\7\\27c')",
        "while true do end",
        "t.trap()",
        "t.open()",
        "while true do print('\\27[31m') end",
        "local t = {} for i = 1, 1e9 do t[i] = i end",
        "return 1"};

    master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master >= 0 && grantpt(master) == 0 && unlockpt(master) == 0 &&
        (name = ptsname(master)) != NULL)
        slave = open(name, O_RDWR | O_NOCTTY);
    memset(&t0, 0, sizeof t0);
    if (slave >= 0) {
        tcgetattr(slave, &t0);
        t0.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
        tcsetattr(slave, TCSANOW, &t0);
        tcgetattr(slave, &t0);
    }
    for (int i = 0; i < 5; i++) { /* warm up allocator caches */
        SandboxResult r;
        run(sb, "return 1", &r);
        sandbox_result_free(&r);
    }
    fds0 = count_fds();
    rss0 = rss_kib();
    for (int round = 0; round < 4; round++)
        for (size_t i = 0; i < sizeof attacks / sizeof *attacks; i++) {
            SandboxResult r;
            run(sb, attacks[i], &r);
            sandbox_result_free(&r);
        }
    for (int i = 0; i < 60; i++) {
        SandboxResult r;
        run(sb, "return ('x'):rep(100)", &r);
        sandbox_result_free(&r);
    }
    fds1 = count_fds();
    rss1 = rss_kib();
    is_int(fds1, fds0, "sandbox: host keeps its descriptors (%d)", fds0);
    ok(rss1 - rss0 < (asan ? 32768 : 2048),
       "sandbox: host memory stays flat over 88 runs (%ld -> %ld KiB)", rss0,
       rss1);
    if (slave >= 0) {
        struct timeval tv = {0, 0};
        fd_set rd;
        memset(&t1, 0, sizeof t1);
        tcgetattr(slave, &t1);
        ok(t0.c_iflag == t1.c_iflag && t0.c_oflag == t1.c_oflag &&
               t0.c_cflag == t1.c_cflag && t0.c_lflag == t1.c_lflag &&
               memcmp(t0.c_cc, t1.c_cc, sizeof t0.c_cc) == 0,
           "sandbox: terminal modes unchanged after hostile runs");
        FD_ZERO(&rd);
        FD_SET(master, &rd);
        ok(select(master + 1, &rd, NULL, NULL, &tv) == 0,
           "sandbox: nothing reached the terminal");
        close(slave);
    }
    if (master >= 0)
        close(master);
    sandbox_free(sb);
}

/* ---- Cancellation, streaming, prestart, sessions ---------------------*/

static Sandbox *alarm_target;

static void on_alarm(int sig)
{
    (void)sig;
    sandbox_cancel(alarm_target);
}

static int ticks;

static int cancel_after_3(void *ud)
{
    (void)ud;
    return ++ticks >= 3;
}

typedef struct {
    char buf[256];
    size_t len;
    int calls;
} Stream;

static void collect(void *ud, int ch, const char *s, size_t n)
{
    Stream *st = ud;
    (void)ch;
    st->calls++;
    if (st->len + n < sizeof st->buf) {
        memcpy(st->buf + st->len, s, n);
        st->len += n;
    }
}

static void test_cancel_stream(void)
{
    SandboxConfig c = {0};
    Sandbox *sb;
    SandboxResult r;
    struct sigaction sa;
    struct itimerval it = {{0, 0}, {0, 100000}};
    Stream st;

    c.time_ms = 5000;
    sb = sandbox_new(&c);
    alarm_target = sb;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
    setitimer(ITIMER_REAL, &it, NULL);
    run(sb, "while true do end", &r);
    ok(r.kind == SANDBOX_CANCELLED && r.elapsed_ms < 1000,
       "sandbox: sandbox_cancel from a signal handler (%.0f ms)", r.elapsed_ms);
    sandbox_result_free(&r);
    signal(SIGALRM, SIG_DFL);
    sandbox_cancel(sb); /* no run in progress: dropped */
    run(sb, "return 1", &r);
    ok(r.kind == SANDBOX_OK, "sandbox: a stale cancel does not hit the "
                             "next run");
    sandbox_result_free(&r);
    sandbox_free(sb);

    c.on_tick = cancel_after_3;
    c.tick_ms = 20;
    for (int iso = 0; iso < 2; iso++) {
        c.isolation = (SandboxIsolation)iso;
        sb = sandbox_new(&c);
        ticks = 0;
        run(sb, "while true do end", &r);
        ok(r.kind == SANDBOX_CANCELLED, "sandbox: %s: tick callback cancels",
           iso ? "in-process" : "worker");
        sandbox_result_free(&r);
        sandbox_free(sb);
    }

    memset(&c, 0, sizeof c);
    memset(&st, 0, sizeof st);
    c.time_ms = 20000;
    c.on_output = collect;
    c.ud = &st;
    c.prestart = 1;
    sb = sandbox_new(&c);
    run(sb,
        "print('one') "
        "local t0 = os and 0 or 0 for i = 1, 3e6 do end print('two')",
        &r);
    ok(r.kind == SANDBOX_OK && st.len == 8 &&
           memcmp(st.buf, "one\ntwo\n", 8) == 0 &&
           strcmp(r.out, "one\ntwo\n") == 0,
       "sandbox: streaming callback sees the output collected");
    sandbox_result_free(&r);
    for (int i = 0; i < 3; i++) {
        run(sb, "return 7", &r);
        ok(r.kind == SANDBOX_OK && r.values[0].i == 7,
           "sandbox: prestarted worker run %d", i + 1);
        sandbox_result_free(&r);
    }
    sandbox_free(sb);
}

static void test_session(void)
{
    SandboxConfig c = {0};
    SandboxSession *ss;
    SandboxResult r;

    c.time_ms = 2000;
    c.libs = test_libs;
    c.nlibs = 1;
    ss = sandbox_session_new(&c);
    ok(ss != NULL && sandbox_session_alive(ss), "sandbox: session starts");
    sandbox_session_run(ss, "x = 1", 5, NULL, NULL, 0, &r);
    sandbox_result_free(&r);
    sandbox_session_run(ss, "x = x + 1 print(x) return x", 27, NULL, NULL, 0,
                        &r);
    ok(r.kind == SANDBOX_OK && r.values[0].i == 2 && strcmp(r.out, "2\n") == 0,
       "sandbox: session keeps globals across chunks");
    sandbox_result_free(&r);
    sandbox_session_run(ss, "error('oops')", 13, NULL, NULL, 0, &r);
    ok(r.kind == SANDBOX_RUNTIME && sandbox_session_alive(ss),
       "sandbox: a runtime error leaves the session alive");
    sandbox_result_free(&r);
    sandbox_session_run(ss, "return x", 8, NULL, NULL, 0, &r);
    ok(r.kind == SANDBOX_OK && r.values[0].i == 2,
       "sandbox: state survives the error");
    sandbox_result_free(&r);
    sandbox_session_run(ss, "while true do end", 17, NULL, NULL, 0, &r);
    ok(r.kind == SANDBOX_TIME && !sandbox_session_alive(ss),
       "sandbox: a limit ends the session");
    sandbox_result_free(&r);
    sandbox_session_run(ss, "return x", 8, NULL, NULL, 0, &r);
    ok(r.kind == SANDBOX_SYSTEM && strstr(r.message, "session ended"),
       "sandbox: later runs say the session ended");
    sandbox_result_free(&r);
    sandbox_session_free(ss);

    ss = sandbox_session_new(&c);
    sandbox_session_run(ss, "t.trap()", 8, NULL, NULL, 0, &r);
    ok(r.kind == SANDBOX_CRASHED && !sandbox_session_alive(ss),
       "sandbox: a crash ends the session");
    sandbox_result_free(&r);
    sandbox_session_free(ss);
}

/* The allocation-failure loop: a memory cap rising in small steps makes
** the first, second, ... allocation of state creation, library opening,
** loading and running fail in turn. Every step must end in OK or MEMORY
** (no crash, and under ASan no leak or bad access in the unwinding). */
static void test_alloc_failures(void)
{
    const char *src = "local t = {} for i = 1, 50 do t[i] = tostring(i) .. 'x' "
                      "end print(#t) return table.concat(t, ',', 1, 3)";
    int bad = 0, n = 0, oks = 0;
    for (size_t cap = 256; cap <= 48 * 1024; cap += 128) {
        SandboxConfig c = {0};
        SandboxResult r;
        Sandbox *sb;
        c.memory_bytes = cap;
        c.time_ms = 20000;
        c.isolation = SANDBOX_INPROCESS;
        c.libs = test_libs;
        c.nlibs = 1;
        sb = sandbox_new(&c);
        run(sb, src, &r);
        n++;
        if (r.kind == SANDBOX_OK)
            oks++;
        if (r.kind != SANDBOX_OK && r.kind != SANDBOX_MEMORY) {
            if (!bad)
                tap_diag("cap %zu: %s: %s", cap, sandbox_kind_name(r.kind),
                         r.message);
            bad++;
        }
        sandbox_result_free(&r);
        sandbox_free(sb);
    }
    ok(bad == 0 && oks > 0 && oks < n,
       "sandbox: allocation-failure loop, %d caps: only ok or memory "
       "(%d ok)",
       n, oks);
}

/* Big temporaries are collected before the next is made (sb_alloc's
** collect-first refusal), so a loop of them lives in one block's worth of
** memory, as NumPy's would; blocks that are kept stay, and near the cap
** the cap's own refusal still decides. */
static void test_big_temporaries(void)
{
    const size_t mib = (size_t)1 << 20;
    struct {
        const char *what, *src;
        size_t cap, peak_lo, peak_hi;
        SandboxKind kind;
    } cases[] = {
        {"20 dead 16 MiB blocks in turn peak under 2 blocks",
         "for i = 1, 20 do local x = t.block(16 << 20) end",
         256 * mib, 16 * mib, 24 * mib, SANDBOX_OK},
        {"4 kept 16 MiB blocks all stay",
         "local keep = {} for i = 1, 4 do keep[i] = t.block(16 << 20) end "
         "return #keep",
         256 * mib, 64 * mib, 72 * mib, SANDBOX_OK},
        {"dead blocks under a cap of 2.5 blocks",
         "for i = 1, 20 do local x = t.block(16 << 20) end",
         40 * mib, 16 * mib, 24 * mib, SANDBOX_OK},
        {"kept blocks past the cap: memory",
         "local keep = {} for i = 1, 4 do keep[i] = t.block(16 << 20) end",
         40 * mib, 16 * mib, 40 * mib, SANDBOX_MEMORY},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        for (int iso = 0; iso < 2; iso++) {
            SandboxConfig c = {0};
            SandboxResult r;
            Sandbox *sb;
            c.memory_bytes = cases[i].cap;
            c.time_ms = 20000;
            c.isolation = iso ? SANDBOX_PROCESS : SANDBOX_INPROCESS;
            c.libs = test_libs;
            c.nlibs = 1;
            sb = sandbox_new(&c);
            run(sb, cases[i].src, &r);
            ok(r.kind == cases[i].kind &&
                   r.memory_peak >= cases[i].peak_lo &&
                   r.memory_peak <= cases[i].peak_hi,
               "sandbox (%s): %s (peak %.1f MiB)",
               iso ? "process" : "in-process", cases[i].what,
               (double)r.memory_peak / (double)mib);
            if (r.kind != cases[i].kind)
                tap_diag("got %s: %s", sandbox_kind_name(r.kind), r.message);
            sandbox_result_free(&r);
            sandbox_free(sb);
        }
    }
}

/* ---- Neutraliser -------------------------------------------------------*/

static void cat(void *ud, const char *s, size_t n)
{
    char *dst = ud;
    size_t l = strlen(dst);
    memcpy(dst + l, s, n);
    dst[l + n] = '\0';
}

static void neut(const char *in, const char *want, const char *what)
{
    char out[512] = "";
    SandboxEscState st = {{0}, 0};
    /* one byte at a time: sequences split across calls must survive */
    for (size_t i = 0; in[i]; i++)
        sandbox_neutralise(&st, in + i, 1, cat, out);
    sandbox_neutralise(&st, NULL, 0, cat, out);
    is_str(out, want, "sandbox: neutralise %s", what);
}

static void test_neutralise(void)
{
    neut("plain text\tand\n", "plain text\tand\n", "keeps text, tab, LF");
    neut("\033[2J\033]52;c;x\007", "\\x1b[2J\\x1b]52;c;x\\x07",
         "escapes ESC and BEL");
    neut("a\rb\bc\x7f", "a\\x0db\\x08c\\x7f", "escapes CR, BS, DEL");
    neut("h\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
         "h\xc3\xa9 \xe2\x82\xac "
         "\xf0\x9f\x98\x80",
         "keeps valid UTF-8");
    neut("\xc2\x9b"
         "1m",
         "\\xc2\\x9b1m", "escapes C1 CSI as UTF-8");
    neut("\x9b"
         "1m",
         "\\x9b1m", "escapes a raw C1 byte");
    neut("\xe2\x80\xae"
         "evil",
         "\\xe2\\x80\\xaeevil", "escapes bidi override");
    neut("\xc3(", "\\xc3(", "escapes a broken sequence");
    neut("\xc0\xaf", "\\xc0\\xaf", "escapes an overlong encoding");
    neut("end\xe2\x82", "end\\xe2\\x82", "escapes a truncated tail");
}

int main(void)
{
    asan = getenv("PYPREP_ASAN") != NULL;
    signal(SIGPIPE, SIG_IGN);
    test_verdicts(SANDBOX_PROCESS);
    test_verdicts(SANDBOX_INPROCESS);
    test_args();
    test_containment();
    test_isolation();
    test_host_state();
    test_cancel_stream();
    test_session();
    test_alloc_failures();
    test_big_temporaries();
    test_neutralise();
    return tap_done();
}
