/*
** sandbox_worker.c - the sandbox's process layer: the disposable worker.
**
** sb_worker_spawn forks a child that, before it sees any untrusted byte,
** drops every descriptor but its socket, sets rlimits (CPU, address space,
** core 0, file size 0), no-new-privs and a seccomp allow-list (read/write
** on its socket, memory without PROT_EXEC, clocks, exit). It then builds
** the Lua state (so a prestarted worker is ready), serves requests over
** the socket and leaves with _exit: no atexit handlers, no lua_close, so
** no finalizer ever runs. The host kills it at the wall-clock deadline.
*/
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <unistd.h>

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>

#include "sandbox_int.h"

#define SB_FD 3                         /* the worker's socket */
#define SB_AS_SLACK ((size_t)512 << 20) /* address space beyond the cap */
#define SB_FLUSH_NS 20000000            /* stream output at least every 20 ms */

/* ---- Writing records ----------------------------------------------------*/

static void sb_write_all(const void *p, size_t n)
{
    const char *s = p;
    while (n > 0) {
        ssize_t w = write(SB_FD, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            _exit(0); /* host gone */
        s += w;
        n -= (size_t)w;
    }
}

static void sb_put_record(int type, const void *p, size_t n)
{
    unsigned char hdr[SB_REC_HDR];
    uint32_t len = (uint32_t)n;
    hdr[0] = (unsigned char)type;
    memcpy(hdr + 1, &len, 4);
    sb_write_all(hdr, sizeof hdr);
    sb_write_all(p, n);
}

/* Output is buffered per channel switch and flushed when full, on channel
** change, every SB_FLUSH_NS (from the hook) and at the end of a run. */
static struct {
    char buf[8192];
    size_t len;
    int channel;
    int64_t since;
} sb_out;

static void sb_flush(void)
{
    if (sb_out.len) {
        sb_put_record(sb_out.channel == SANDBOX_STDERR ? SB_REC_STDERR
                                                       : SB_REC_STDOUT,
                      sb_out.buf, sb_out.len);
        sb_out.len = 0;
    }
}

static void sb_worker_sink(SbCtx *c, int ch, const char *s, size_t n)
{
    (void)c;
    if (sb_out.len && sb_out.channel != ch)
        sb_flush();
    while (n > 0) {
        size_t k = sizeof sb_out.buf - sb_out.len;
        if (k > n)
            k = n;
        if (sb_out.len == 0)
            sb_out.since = sb_now_ns();
        sb_out.channel = ch;
        memcpy(sb_out.buf + sb_out.len, s, k);
        sb_out.len += k;
        s += k;
        n -= k;
        if (sb_out.len == sizeof sb_out.buf)
            sb_flush();
    }
    if (sb_out.len && sb_now_ns() - sb_out.since >= SB_FLUSH_NS)
        sb_flush();
}

static void sb_worker_pulse(SbCtx *c, int64_t now)
{
    (void)c;
    if (sb_out.len && now - sb_out.since >= SB_FLUSH_NS)
        sb_flush();
}

/* A growable byte buffer for the verdict record (plain malloc: the Lua
** cap is for the chunk, and this runs after it). */
typedef struct {
    char *p;
    size_t len, cap;
} SbBuf;

static void sb_buf_put(SbBuf *b, const void *s, size_t n)
{
    if (b->len + n > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n)
            cap *= 2;
        b->p = realloc(b->p, cap);
        if (b->p == NULL)
            _exit(70);
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
}

static void sb_buf_u8(SbBuf *b, unsigned v)
{
    unsigned char c = (unsigned char)v;
    sb_buf_put(b, &c, 1);
}

static void sb_buf_u32(SbBuf *b, uint32_t v)
{
    sb_buf_put(b, &v, 4);
}

static void sb_buf_u64(SbBuf *b, uint64_t v)
{
    sb_buf_put(b, &v, 8);
}

/* Verdict: kind u8, message (u32 len + bytes), mem_peak u64, instr u64,
** nvalues u32, values (type u8 + payload). */
static void sb_send_verdict(const SbCtx *c, SandboxKind kind, const char *msg,
                            const SandboxValue *v, int nv)
{
    SbBuf b = {NULL, 0, 0};
    size_t ml = strlen(msg);
    sb_flush();
    sb_buf_u8(&b, kind);
    sb_buf_u32(&b, (uint32_t)ml);
    sb_buf_put(&b, msg, ml);
    sb_buf_u64(&b, c->mem_peak);
    sb_buf_u64(&b, c->instr);
    sb_buf_u32(&b, (uint32_t)(nv > 0 ? nv : 0));
    for (int i = 0; i < nv; i++) {
        sb_buf_u8(&b, v[i].type);
        switch (v[i].type) {
        case SANDBOX_BOOLEAN:
            sb_buf_u8(&b, v[i].b != 0);
            break;
        case SANDBOX_INTEGER:
            sb_buf_put(&b, &v[i].i, 8);
            break;
        case SANDBOX_NUMBER:
            sb_buf_put(&b, &v[i].n, 8);
            break;
        case SANDBOX_STRING:
        case SANDBOX_OTHER:
            sb_buf_u32(&b, (uint32_t)v[i].len);
            sb_buf_put(&b, v[i].s, v[i].len);
            break;
        default:
            break;
        }
    }
    sb_put_record(SB_REC_VERDICT, b.p, b.len);
    free(b.p);
}

/* ---- Reading requests --------------------------------------------------*/

static int sb_read_all(void *p, size_t n)
{
    char *s = p;
    while (n > 0) {
        ssize_t r = read(SB_FD, s, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return -1;
        s += r;
        n -= (size_t)r;
    }
    return 0;
}

typedef struct {
    char *raw;
    const char *name, *src;
    size_t srclen;
    SandboxValue args[SANDBOX_MAX_VALUES];
    int nargs;
} SbRequest;

/* Decode a request made by the host (trusted, but checked anyway). */
static int sb_decode(SbRequest *q, size_t len)
{
    const char *p = q->raw, *end = q->raw + len;
    uint32_t n;
#define NEED(k)                                                                \
    do {                                                                       \
        if ((size_t)(end - p) < (size_t)(k))                                   \
            return -1;                                                         \
    } while (0)
    NEED(4);
    memcpy(&n, p, 4);
    p += 4;
    NEED((size_t)n + 1);
    q->name = p; /* NUL-terminated by the host */
    p += n + 1;
    NEED(4);
    memcpy(&n, p, 4);
    p += 4;
    NEED(n);
    q->src = p;
    q->srclen = n;
    p += n;
    NEED(4);
    memcpy(&n, p, 4);
    p += 4;
    if (n > SANDBOX_MAX_VALUES)
        return -1;
    q->nargs = (int)n;
    for (int i = 0; i < q->nargs; i++) {
        SandboxValue *v = &q->args[i];
        memset(v, 0, sizeof *v);
        NEED(1);
        v->type = (SandboxValueType)(unsigned char)*p++;
        switch (v->type) {
        case SANDBOX_NIL:
            break;
        case SANDBOX_BOOLEAN:
            NEED(1);
            v->b = *p++ != 0;
            break;
        case SANDBOX_INTEGER:
            NEED(8);
            memcpy(&v->i, p, 8);
            p += 8;
            break;
        case SANDBOX_NUMBER:
            NEED(8);
            memcpy(&v->n, p, 8);
            p += 8;
            break;
        case SANDBOX_STRING:
            NEED(4);
            memcpy(&n, p, 4);
            p += 4;
            NEED(n);
            v->s = p;
            v->len = n;
            p += n;
            break;
        default:
            return -1;
        }
    }
#undef NEED
    return 0;
}

/* Next request, or -1 on EOF (the host closed: leave quietly). */
static int sb_next_request(SbRequest *q)
{
    unsigned char hdr[SB_REC_HDR];
    uint32_t len;
    if (sb_read_all(hdr, sizeof hdr) < 0 || hdr[0] != SB_REC_REQUEST)
        return -1;
    memcpy(&len, hdr + 1, 4);
    free(q->raw);
    q->raw = malloc(len ? len : 1);
    if (q->raw == NULL || sb_read_all(q->raw, len) < 0 || sb_decode(q, len) < 0)
        return -1;
    return 0;
}

/* ---- Confinement -------------------------------------------------------*/

#if defined(__x86_64__)
#define SB_AUDIT_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__)
#define SB_AUDIT_ARCH AUDIT_ARCH_AARCH64
#endif

#ifdef SB_AUDIT_ARCH
typedef struct {
    struct sock_filter f[96];
    unsigned short n;
} SbProg;

static void sb_emit_ins(SbProg *p, unsigned short code, unsigned char jt,
                        unsigned char jf, uint32_t k)
{
    struct sock_filter ins = {code, jt, jf, k};
    p->f[p->n++] = ins;
}

#define SB_ARG_LO(i) (offsetof(struct seccomp_data, args) + 8 * (i))
#define SB_LD(off) sb_emit_ins(p, BPF_LD | BPF_W | BPF_ABS, 0, 0, (off))
#define SB_RET(v) sb_emit_ins(p, BPF_RET | BPF_K, 0, 0, (v))

/* Allow syscall nr outright (A holds nr). */
static void sb_allow(SbProg *p, long nr)
{
    sb_emit_ins(p, BPF_JMP | BPF_JEQ | BPF_K, 0, 1, (uint32_t)nr);
    SB_RET(SECCOMP_RET_ALLOW);
}

/* Allow nr when its argument `arg` is one of fds a or b. */
static void sb_allow_fd(SbProg *p, long nr, int arg, int a, int b)
{
    sb_emit_ins(p, BPF_JMP | BPF_JEQ | BPF_K, 0, 5, (uint32_t)nr);
    SB_LD(SB_ARG_LO(arg));
    sb_emit_ins(p, BPF_JMP | BPF_JEQ | BPF_K, 2, 0, (uint32_t)a);
    sb_emit_ins(p, BPF_JMP | BPF_JEQ | BPF_K, 1, 0, (uint32_t)b);
    SB_RET(SECCOMP_RET_KILL_PROCESS);
    SB_RET(SECCOMP_RET_ALLOW);
}

/* Allow nr unless its protection argument asks for PROT_EXEC. */
static void sb_allow_noexec(SbProg *p, long nr, int arg)
{
    sb_emit_ins(p, BPF_JMP | BPF_JEQ | BPF_K, 0, 4, (uint32_t)nr);
    SB_LD(SB_ARG_LO(arg));
    sb_emit_ins(p, BPF_JMP | BPF_JSET | BPF_K, 0, 1, PROT_EXEC);
    SB_RET(SECCOMP_RET_KILL_PROCESS);
    SB_RET(SECCOMP_RET_ALLOW);
}

/* Everything not listed kills the worker (SIGSYS), which the host reports
** as a crash naming the signal. */
static int sb_seccomp(void)
{
    SbProg prog, *p = &prog;
    struct sock_fprog fp;
    p->n = 0;
    SB_LD(offsetof(struct seccomp_data, arch));
    sb_emit_ins(p, BPF_JMP | BPF_JEQ | BPF_K, 1, 0, SB_AUDIT_ARCH);
    SB_RET(SECCOMP_RET_KILL_PROCESS);
    SB_LD(offsetof(struct seccomp_data, nr));
#ifdef __x86_64__
    /* x32 system calls share the arch value: refuse them wholesale. */
    sb_emit_ins(p, BPF_JMP | BPF_JGE | BPF_K, 0, 1, 0x40000000u);
    SB_RET(SECCOMP_RET_KILL_PROCESS);
#endif
    sb_allow_fd(p, SYS_read, 0, SB_FD, SB_FD);
    sb_allow_fd(p, SYS_write, 0, SB_FD, 2);
    sb_allow_noexec(p, SYS_mmap, 2);
    sb_allow_noexec(p, SYS_mprotect, 2);
    sb_allow(p, SYS_munmap);
    sb_allow(p, SYS_mremap);
    sb_allow(p, SYS_brk);
    sb_allow(p, SYS_madvise);
    sb_allow(p, SYS_clock_gettime);
    sb_allow(p, SYS_clock_getres);
    sb_allow(p, SYS_gettimeofday);
#ifdef SYS_time
    sb_allow(p, SYS_time);
#endif
    sb_allow(p, SYS_getpid);
    sb_allow(p, SYS_gettid);
    sb_allow(p, SYS_sigaltstack); /* queried by sanitizers' longjmp */
    sb_allow(p, SYS_rt_sigreturn);
    sb_allow(p, SYS_rt_sigprocmask);
    sb_allow(p, SYS_setitimer); /* timer mode: the tick around each run */
    sb_allow(p, SYS_exit);
    sb_allow(p, SYS_exit_group);
    SB_RET(SECCOMP_RET_KILL_PROCESS);
    fp.len = p->n;
    fp.filter = p->f;
    return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fp, 0, 0);
}
#else
static int sb_seccomp(void)
{
    return 0; /* no filter for this architecture: rlimits + watchdog */
}
#endif

static void sb_limit(int res, rlim_t soft, rlim_t hard)
{
    struct rlimit rl = {soft, hard};
    setrlimit(res, &rl);
}

/* Timer mode (sandbox_lua.c): SIGALRM every SB_TICK_US during a run arms
** a one-shot hook on the running Lua thread. */
static SbCtx *volatile sb_alarm_ctx;

static void sb_on_alarm(int sig)
{
    SbCtx *c = sb_alarm_ctx;
    (void)sig;
    if (c)
        sb_arm(c);
}

static void sb_tick(SbCtx *c, int on)
{
    sb_alarm_ctx = on ? c : NULL;
    sb_set_timer(c, on ? SB_TICK_US : 0);
}

/* The address space in use now (/proc/self/statm's first field). */
static size_t sb_vm_size(void)
{
    char buf[64];
    size_t pages = 0;
    int fd = open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ssize_t n = read(fd, buf, sizeof buf - 1);
        close(fd);
        if (n > 0) {
            buf[n] = '\0';
            pages = strtoull(buf, NULL, 10);
        }
    }
    return pages * (size_t)sysconf(_SC_PAGESIZE);
}

static void sb_confine(const SbWorkerSpec *spec, int sock, pid_t ppid)
{
    struct sigaction sa;
    sigset_t none;
    int devnull;
    size_t vm, as;
    rlim_t cpu;

    /* Signals: defaults, nothing blocked; the terminal's ^C / ^\ are the
    ** host's business (it cancels us), so ignore them here. */
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_DFL;
    for (int s = 1; s < NSIG; s++)
        if (s != SIGKILL && s != SIGSTOP)
            sigaction(s, &sa, NULL);
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    if (spec->cfg.instructions == 0) { /* timer mode, see sb_tick */
        sa.sa_handler = sb_on_alarm;
        sa.sa_flags = SA_RESTART; /* the socket reads go on */
        sigaction(SIGALRM, &sa, NULL);
    }
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    if (!spec->from_thread) {
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != ppid)
            _exit(0);
    }

    /* Descriptors: the socket on SB_FD, /dev/null on 0-2, nothing else. */
    if (sock != SB_FD) {
        if (dup2(sock, SB_FD) < 0)
            _exit(71);
        close(sock);
    }
    vm = sb_vm_size();
    devnull = open("/dev/null", O_RDWR);
    for (int fd = 0; fd <= 2; fd++) {
        if (devnull >= 0)
            dup2(devnull, fd);
        else
            close(fd);
    }
    if (syscall(SYS_close_range, SB_FD + 1, ~0u, 0) != 0) {
        long max = sysconf(_SC_OPEN_MAX);
        if (max < 0 || max > 65536)
            max = 65536;
        for (int fd = SB_FD + 1; fd < max; fd++)
            close(fd);
    }
    clearenv();

    /* Resource limits: CPU as a backstop to the host's wall clock; the
    ** address space as a backstop to the allocator cap (it counts
    ** mappings, so it starts from what is mapped now: sanitizer shadow,
    ** libraries). */
    cpu = spec->session ? 3600 : (spec->cfg.time_ms + 999) / 1000 + 1;
    sb_limit(RLIMIT_CPU, cpu, cpu + 1);
    as = vm + spec->cfg.memory_bytes + SB_AS_SLACK;
    if (as > vm)
        sb_limit(RLIMIT_AS, as, as);
    sb_limit(RLIMIT_CORE, 0, 0);
    sb_limit(RLIMIT_FSIZE, 0, 0);
    sb_limit(RLIMIT_NOFILE, SB_FD + 1, SB_FD + 1);
    sb_limit(RLIMIT_NPROC, 0, 0);
    sb_limit(RLIMIT_MEMLOCK, 0, 0);
    sb_limit(RLIMIT_MSGQUEUE, 0, 0);

    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
        _exit(72);
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    if (sb_seccomp() != 0 && errno != EINVAL)
        _exit(73); /* EINVAL: kernel without seccomp filters */
}

/* ---- The worker -------------------------------------------------------*/


static void sb_worker_main(const SbWorkerSpec *spec, int sock, pid_t ppid)
{
    SbCtx c;
    SbRequest q;
    SandboxValue vals[SANDBOX_MAX_VALUES];
    char msg[SB_MSG_MAX];
    SandboxKind open_kind;

    sb_confine(spec, sock, ppid);
    sandbox_tune_process();
    sb_ctx_init(&c, &spec->cfg);
    c.sink = sb_worker_sink;
    c.pulse = sb_worker_pulse;
    c.timer = spec->cfg.instructions == 0; /* a budget needs the count */
    open_kind = sb_state_open(&c, spec->cfg.libs, spec->cfg.nlibs,
                              spec->cfg.seed, msg, sizeof msg);
    memset(&q, 0, sizeof q);
    while (sb_next_request(&q) == 0) {
        SandboxKind kind;
        int base, nres, nv = 0;

        sb_run_begin(&c);
        if (open_kind != SANDBOX_OK) {
            if (c.doomed)
                sb_doom_message(&c, &spec->cfg, msg, sizeof msg);
            sb_send_verdict(&c, open_kind, msg, NULL, 0);
            break;
        }
        if (c.timer)
            sb_tick(&c, 1);
        kind = sb_eval(&c, q.src, q.srclen, q.name, q.args, q.nargs, msg,
                       sizeof msg, &base, &nres);
        if (kind == SANDBOX_OK) {
            nv = sb_results(&c, base, nres, vals);
            if (nv < 0) {
                kind = SANDBOX_OUTPUT;
                nv = 0;
            }
        }
        if (c.timer)
            sb_tick(&c, 0);
        if (c.doomed)
            sb_doom_message(&c, &spec->cfg, msg, sizeof msg);
        sb_send_verdict(&c, kind, msg, vals, nv);
        if (!spec->session || c.doomed)
            break;
        lua_settop(c.L, 0);
    }
    _exit(0);
}

int sb_worker_spawn(const SbWorkerSpec *spec, pid_t *pid, int *fd)
{
    int sv[2];
    pid_t ppid = getpid(), p;

    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) < 0)
        return -1;
    p = fork();
    if (p < 0) {
        int e = errno;
        close(sv[0]);
        close(sv[1]);
        errno = e;
        return -1;
    }
    if (p == 0) {
        close(sv[0]);
        sb_worker_main(spec, sv[1], ppid);
        _exit(0);
    }
    close(sv[1]);
    fcntl(sv[0], F_SETFL, fcntl(sv[0], F_GETFL) | O_NONBLOCK);
    *pid = p;
    *fd = sv[0];
    return 0;
}
