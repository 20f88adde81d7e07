/*
** sandbox.c - the sandbox's host side: runs, sessions, verdicts.
**
** A run sends one request to a worker (sandbox_worker.c) and polls its
** socket against the wall-clock deadline (limit + grace), a cancel pipe
** and the tick callback, streaming output records as they arrive. Any way
** out but a verdict record is a kill: deadline -> TIME, cancel ->
** CANCELLED, death or protocol garbage -> CRASHED. The worker is always
** SIGKILLed and reaped before the run returns (a session's on failure).
*/
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <lauxlib.h>

#include "sandbox_int.h"

#define SB_GRACE_NS 10000000         /* host deadline = limit + 10 ms */
#define SB_REC_MAX_EXTRA (64u << 10) /* verdict overhead beyond the cap */

struct Sandbox {
    SandboxConfig cfg; /* defaults applied; cfg.libs points at libs */
    SandboxLib *libs;
    int cancel_pipe[2];
    volatile sig_atomic_t cancel_flag; /* in-process runs */
    pid_t next_pid;                    /* prestarted worker, or 0 */
    int next_fd;
    pthread_t spawner; /* forks the next worker off the caller's path */
    int spawning;      /* spawner running: join before touching next_* */
    pid_t zombies[8];  /* killed workers not yet reaped (their exit is */
    int nzombies;      /* slow: reaped lazily, off the critical path) */
};

struct SandboxSession {
    Sandbox *sb;
    pid_t pid;
    int fd;
    int alive;
};

const char *sandbox_kind_name(SandboxKind kind)
{
    switch (kind) {
    case SANDBOX_OK:
        return "ok";
    case SANDBOX_SYNTAX:
        return "syntax error";
    case SANDBOX_RUNTIME:
        return "runtime error";
    case SANDBOX_TIME:
        return "time limit";
    case SANDBOX_MEMORY:
        return "memory limit";
    case SANDBOX_OUTPUT:
        return "output limit";
    case SANDBOX_CRASHED:
        return "crashed";
    case SANDBOX_CANCELLED:
        return "cancelled";
    case SANDBOX_SYSTEM:
        return "system error";
    }
    return "unknown";
}

int sandbox_exit_status(SandboxKind kind)
{
    static const int st[] = {0, 3, 1, 4, 5, 6, 7, 130, 8};
    return (unsigned)kind < sizeof st / sizeof st[0] ? st[kind] : 8;
}

/* ---- Results -----------------------------------------------------------*/

void sandbox_result_free(SandboxResult *res)
{
    if (res == NULL)
        return;
    free(res->message);
    free(res->out);
    free(res->err);
    for (int i = 0; i < res->nvalues; i++)
        free((char *)res->values[i].s);
    free(res->values);
    memset(res, 0, sizeof *res);
}

static void sb_set_message(SandboxResult *res, const char *m)
{
    free(res->message);
    res->message = strdup(m ? m : "");
}

/* Append to a channel buffer (kept NUL-terminated). */
static int sb_append(char **buf, size_t *len, const char *s, size_t n)
{
    char *p = realloc(*buf, *len + n + 1);
    if (p == NULL)
        return -1;
    memcpy(p + *len, s, n);
    *len += n;
    p[*len] = '\0';
    *buf = p;
    return 0;
}

static void sb_deliver(const Sandbox *sb, SandboxResult *res, int ch,
                       const char *s, size_t n)
{
    if (ch == SANDBOX_STDERR)
        sb_append(&res->err, &res->err_len, s, n);
    else
        sb_append(&res->out, &res->out_len, s, n);
    if (sb->cfg.on_output && n)
        sb->cfg.on_output(sb->cfg.ud, ch, s, n);
}

/* Keep a copy of values (strings duplicated) in res. */
static void sb_keep_values(SandboxResult *res, const SandboxValue *v, int n)
{
    if (n <= 0)
        return;
    res->values = calloc((size_t)n, sizeof *res->values);
    if (res->values == NULL)
        return;
    for (int i = 0; i < n; i++) {
        res->values[i] = v[i];
        res->values[i].s = NULL;
        if (v[i].type == SANDBOX_STRING || v[i].type == SANDBOX_OTHER) {
            char *s = malloc(v[i].len + 1);
            if (s == NULL) {
                res->values[i].type = SANDBOX_NIL;
                res->values[i].len = 0;
            } else {
                memcpy(s, v[i].s, v[i].len);
                s[v[i].len] = '\0';
                res->values[i].s = s;
            }
        }
        res->nvalues = i + 1;
    }
}

/* ---- Creation ----------------------------------------------------------*/

static void sb_defaults(SandboxConfig *c)
{
    if (c->time_ms == 0)
        c->time_ms = SANDBOX_DEFAULT_TIME_MS;
    if (c->memory_bytes == 0)
        c->memory_bytes = SANDBOX_DEFAULT_MEMORY;
    if (c->output_bytes == 0)
        c->output_bytes = SANDBOX_DEFAULT_OUTPUT;
    if (c->tick_ms == 0)
        c->tick_ms = 50;
}

static void sb_retire(Sandbox *sb, pid_t pid);
static void sb_join_spawner(Sandbox *sb);

/* Build and close one bare state in the host, once: the dynamic linker
** then resolves liblua's symbols here, instead of again in every forked
** worker (lazy binding is per process; it showed in worker profiles). */
static void sb_warm_up(void)
{
    static int done;
    SandboxConfig c = {0};
    SbCtx ctx;
    char msg[64];
    if (done)
        return;
    done = 1;
    sb_defaults(&c);
    sb_ctx_init(&ctx, &c);
    sb_state_open(&ctx, NULL, 0, 0, msg, sizeof msg);
    sb_state_close(&ctx);
}

Sandbox *sandbox_new(const SandboxConfig *cfg)
{
    Sandbox *sb = calloc(1, sizeof *sb);
    if (sb == NULL)
        return NULL;
    sb_warm_up();
    if (cfg)
        sb->cfg = *cfg;
    sb_defaults(&sb->cfg);
    if (sb->cfg.nlibs) {
        sb->libs = calloc(sb->cfg.nlibs, sizeof *sb->libs);
        if (sb->libs == NULL) {
            free(sb);
            return NULL;
        }
        memcpy(sb->libs, cfg->libs, sb->cfg.nlibs * sizeof *sb->libs);
    }
    sb->cfg.libs = sb->libs;
    if (pipe(sb->cancel_pipe) != 0) {
        free(sb->libs);
        free(sb);
        return NULL;
    }
    for (int i = 0; i < 2; i++) {
        fcntl(sb->cancel_pipe[i], F_SETFD, FD_CLOEXEC);
        fcntl(sb->cancel_pipe[i], F_SETFL, O_NONBLOCK);
    }
    if (sb->cfg.prestart)
        sandbox_prestart(sb);
    return sb;
}

static void sb_reap(pid_t pid, int *status)
{
    int st = 0;
    kill(pid, SIGKILL);
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    if (status)
        *status = st;
}

/* Kill a finished worker; reap it later unless the list is full. */
static void sb_retire(Sandbox *sb, pid_t pid)
{
    kill(pid, SIGKILL);
    if (sb->nzombies == (int)(sizeof sb->zombies / sizeof sb->zombies[0]))
        sb_reap(pid, NULL);
    else
        sb->zombies[sb->nzombies++] = pid;
}

static void sb_reap_zombies(Sandbox *sb, int block)
{
    int k = 0;
    for (int i = 0; i < sb->nzombies; i++) {
        pid_t r;
        while ((r = waitpid(sb->zombies[i], NULL, block ? 0 : WNOHANG)) < 0 &&
               errno == EINTR)
            ;
        if (r == 0)
            sb->zombies[k++] = sb->zombies[i];
    }
    sb->nzombies = k;
}

void sandbox_free(Sandbox *sb)
{
    if (sb == NULL)
        return;
    sb_reap_zombies(sb, 1);
    sb_join_spawner(sb);
    if (sb->next_pid > 0) {
        close(sb->next_fd);
        sb_reap(sb->next_pid, NULL);
    }
    close(sb->cancel_pipe[0]);
    close(sb->cancel_pipe[1]);
    free(sb->libs);
    free(sb);
}

void sandbox_cancel(Sandbox *sb)
{
    int e = errno; /* async-signal-safe: write only, errno kept */
    ssize_t w;
    sb->cancel_flag = 1;
    w = write(sb->cancel_pipe[1], "c", 1);
    (void)w;
    errno = e;
}

static void sb_drain_cancel(Sandbox *sb)
{
    char buf[64];
    while (read(sb->cancel_pipe[0], buf, sizeof buf) > 0)
        ;
    sb->cancel_flag = 0;
}

static void sb_spawn_next(Sandbox *sb)
{
    SbWorkerSpec spec;
    spec.cfg = sb->cfg;
    spec.session = 0;
    spec.from_thread = 0;
    if (sb_worker_spawn(&spec, &sb->next_pid, &sb->next_fd) != 0)
        sb->next_pid = 0;
}

/* The spawner thread: one fork, then it ends. Only it writes next_* while
** `spawning`; the caller reads them after joining. */
static void *sb_spawner(void *arg)
{
    Sandbox *sb = arg;
    SbWorkerSpec spec;
    spec.cfg = sb->cfg;
    spec.session = 0;
    spec.from_thread = 1;
    if (sb_worker_spawn(&spec, &sb->next_pid, &sb->next_fd) != 0)
        sb->next_pid = 0;
    return NULL;
}

static void sb_join_spawner(Sandbox *sb)
{
    if (sb->spawning) {
        pthread_join(sb->spawner, NULL);
        sb->spawning = 0;
    }
}

int sandbox_prestart(Sandbox *sb)
{
    sigset_t all, old;
    int rc;
    if (sb->cfg.isolation != SANDBOX_PROCESS || sb->spawning ||
        sb->next_pid > 0)
        return 0;
    /* The thread takes no signals (the host's handlers stay on its own
    ** threads) and the worker resets its mask anyway. */
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &old);
    rc = pthread_create(&sb->spawner, NULL, sb_spawner, sb);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (rc == 0) {
        sb->spawning = 1;
        return 0;
    }
    sb_spawn_next(sb); /* no thread: fork here */
    return sb->next_pid > 0 ? 0 : -1;
}

/* ---- Requests ----------------------------------------------------------*/

static void sb_put(char **p, const void *s, size_t n)
{
    memcpy(*p, s, n);
    *p += n;
}

/* Encode a request record; NULL (with a message in res) if unfit. */
static char *sb_encode(const char *src, size_t len, const char *name,
                       const SandboxValue *args, int nargs, size_t *outlen,
                       SandboxResult *res)
{
    size_t nl, total;
    uint32_t u;
    char *buf, *p;

    if (name == NULL)
        name = "=chunk";
    nl = strlen(name);
    if (len > SANDBOX_MAX_SOURCE || nl > 4096) {
        sb_set_message(res, "chunk too large");
        return NULL;
    }
    if (nargs < 0 || nargs > SANDBOX_MAX_VALUES || (nargs && !args)) {
        sb_set_message(res, "bad argument list");
        return NULL;
    }
    total = SB_REC_HDR + 4 + nl + 1 + 4 + len + 4;
    for (int i = 0; i < nargs; i++) {
        if (args[i].type > SANDBOX_STRING) {
            sb_set_message(res, "bad argument type");
            return NULL;
        }
        if (args[i].type == SANDBOX_STRING &&
            args[i].len > SANDBOX_MAX_SOURCE) {
            sb_set_message(res, "argument too large");
            return NULL;
        }
        total += 1 + 8 + (args[i].type == SANDBOX_STRING ? args[i].len : 0);
    }
    buf = p = malloc(total);
    if (buf == NULL) {
        sb_set_message(res, "out of memory");
        return NULL;
    }
    *p++ = SB_REC_REQUEST;
    p += 4; /* the length, filled in at the end */
    u = (uint32_t)nl;
    sb_put(&p, &u, 4);
    sb_put(&p, name, nl + 1);
    u = (uint32_t)len;
    sb_put(&p, &u, 4);
    sb_put(&p, src, len);
    u = (uint32_t)nargs;
    sb_put(&p, &u, 4);
    for (int i = 0; i < nargs; i++) {
        unsigned char t = (unsigned char)args[i].type;
        unsigned char b = args[i].b != 0;
        sb_put(&p, &t, 1);
        if (t == SANDBOX_BOOLEAN)
            sb_put(&p, &b, 1);
        else if (t == SANDBOX_INTEGER)
            sb_put(&p, &args[i].i, 8);
        else if (t == SANDBOX_NUMBER)
            sb_put(&p, &args[i].n, 8);
        else if (t == SANDBOX_STRING) {
            u = (uint32_t)args[i].len;
            sb_put(&p, &u, 4);
            if (args[i].len)
                sb_put(&p, args[i].s, args[i].len);
        }
    }
    *outlen = (size_t)(p - buf);
    u = (uint32_t)(*outlen - SB_REC_HDR);
    memcpy(buf + 1, &u, 4);
    return buf;
}

/* ---- Verdict records ---------------------------------------------------*/

typedef struct {
    const unsigned char *p, *end;
    int bad;
} SbReader;

static void sb_get(SbReader *r, void *dst, size_t n)
{
    if (r->bad || (size_t)(r->end - r->p) < n) {
        r->bad = 1;
        memset(dst, 0, n);
        return;
    }
    memcpy(dst, r->p, n);
    r->p += n;
}

/* Parse a verdict payload into res; -1 if malformed. */
static int sb_parse_verdict(const unsigned char *p, size_t n,
                            SandboxResult *res)
{
    SbReader r = {p, p + n, 0};
    unsigned char kind;
    uint32_t ml, nv;
    uint64_t u;
    SandboxValue vals[SANDBOX_MAX_VALUES];

    sb_get(&r, &kind, 1);
    sb_get(&r, &ml, 4);
    if (r.bad || kind > SANDBOX_CANCELLED || ml > SB_MSG_MAX ||
        ml > (size_t)(r.end - r.p))
        return -1;
    free(res->message);
    res->message = malloc(ml + 1);
    if (res->message) {
        memcpy(res->message, r.p, ml);
        res->message[ml] = '\0';
    }
    r.p += ml;
    sb_get(&r, &u, 8);
    res->memory_peak = (size_t)u;
    sb_get(&r, &u, 8);
    res->instructions = u;
    sb_get(&r, &nv, 4);
    if (r.bad || nv > SANDBOX_MAX_VALUES)
        return -1;
    for (uint32_t i = 0; i < nv; i++) {
        SandboxValue *v = &vals[i];
        unsigned char t, b;
        uint32_t l;
        memset(v, 0, sizeof *v);
        sb_get(&r, &t, 1);
        v->type = (SandboxValueType)t;
        switch (t) {
        case SANDBOX_NIL:
            break;
        case SANDBOX_BOOLEAN:
            sb_get(&r, &b, 1);
            v->b = b;
            break;
        case SANDBOX_INTEGER:
            sb_get(&r, &v->i, 8);
            break;
        case SANDBOX_NUMBER:
            sb_get(&r, &v->n, 8);
            break;
        case SANDBOX_STRING:
        case SANDBOX_OTHER:
            sb_get(&r, &l, 4);
            if (r.bad || l > (size_t)(r.end - r.p))
                return -1;
            v->s = (const char *)r.p;
            v->len = l;
            r.p += l;
            break;
        default:
            return -1;
        }
    }
    if (r.bad || r.p != r.end)
        return -1;
    res->kind = (SandboxKind)kind;
    sb_keep_values(res, vals, (int)nv);
    return 0;
}

/* ---- One conversation with a worker ----------------------------------*/

static void sb_crash_message(SandboxResult *res, int status)
{
    char buf[128];
    if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);
        res->signal = sig;
        snprintf(buf, sizeof buf, "evaluation crashed (signal %d: %s%s)", sig,
                 strsignal(sig),
                 sig == SIGSYS ? ", forbidden system call" : "");
    } else
        snprintf(buf, sizeof buf,
                 "evaluation crashed (worker exited with status %d)",
                 WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    sb_set_message(res, buf);
}

/* Send `req` to the worker and wait for its verdict. Returns 1 if the
** worker was killed and reaped here (it must not be used again). */
static int sb_converse(Sandbox *sb, pid_t pid, int fd, const char *req,
                       size_t reqlen, int64_t t0, SandboxResult *res)
{
    const SandboxConfig *cfg = &sb->cfg;
    int64_t deadline = t0 + (int64_t)cfg->time_ms * 1000000 + SB_GRACE_NS;
    int64_t tick_ns = (int64_t)cfg->tick_ms * 1000000;
    int64_t next_tick = t0 + tick_ns;
    size_t sent = 0, have = 0, cap = 0, got_out = 0;
    size_t rec_max = cfg->output_bytes + SB_REC_MAX_EXTRA;
    unsigned char *in = NULL;
    int eof = 0, done = 0;
    SandboxKind kill_kind = SANDBOX_OK;

    while (!done) {
        int64_t now = sb_now_ns(), wait;
        struct pollfd pf[2];
        int n;

        if (now >= deadline) {
            kill_kind = SANDBOX_TIME;
            break;
        }
        if (cfg->on_tick && now >= next_tick) {
            next_tick = now + tick_ns;
            if (cfg->on_tick(cfg->ud)) {
                kill_kind = SANDBOX_CANCELLED;
                break;
            }
        }
        if (eof) {
            /* The worker closed without a verdict: it died. */
            int st = 0;
            close(fd);
            while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
                ;
            free(in);
            if (WIFSIGNALED(st) && WTERMSIG(st) == SIGXCPU) {
                char m[128];
                res->kind = SANDBOX_TIME; /* RLIMIT_CPU backstop */
                sb_limit_message(SANDBOX_TIME, cfg, m, sizeof m);
                sb_set_message(res, m);
            } else {
                res->kind = SANDBOX_CRASHED;
                sb_crash_message(res, st);
            }
            return 1;
        }
        wait = deadline - now;
        if (cfg->on_tick && next_tick - now < wait)
            wait = next_tick - now;
        pf[0].fd = fd;
        pf[0].events = POLLIN | (sent < reqlen ? POLLOUT : 0);
        pf[1].fd = sb->cancel_pipe[0];
        pf[1].events = POLLIN;
        n = poll(pf, 2, (int)((wait + 999999) / 1000000));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            kill_kind = SANDBOX_SYSTEM;
            break;
        }
        if (pf[1].revents & POLLIN) {
            kill_kind = SANDBOX_CANCELLED;
            break;
        }
        if ((pf[0].revents & POLLOUT) && sent < reqlen) {
            ssize_t w = send(fd, req + sent, reqlen - sent,
                             MSG_NOSIGNAL | MSG_DONTWAIT);
            if (w > 0)
                sent += (size_t)w;
            else if (w < 0 && errno != EAGAIN && errno != EINTR)
                sent = reqlen; /* worker gone: its EOF tells the rest */
        }
        if (!(pf[0].revents & (POLLIN | POLLHUP | POLLERR)))
            continue;
        for (;;) {
            ssize_t r;
            if (cap - have < 65536) {
                unsigned char *q = realloc(in, cap ? cap * 2 : 131072);
                if (q == NULL) {
                    kill_kind = SANDBOX_SYSTEM;
                    goto out;
                }
                in = q;
                cap = cap ? cap * 2 : 131072;
            }
            r = recv(fd, in + have, cap - have, MSG_DONTWAIT);
            if (r > 0) {
                have += (size_t)r;
                if (have >= rec_max + SB_REC_HDR)
                    break;
                continue;
            }
            if (r == 0)
                eof = 1;
            else if (errno == EINTR)
                continue;
            else if (errno != EAGAIN && errno != EWOULDBLOCK)
                eof = 1;
            break;
        }
        /* Take every complete record. */
        {
            size_t off = 0;
            while (have - off >= SB_REC_HDR) {
                uint32_t len;
                int type = in[off];
                memcpy(&len, in + off + 1, 4);
                if (len > rec_max ||
                    (type != SB_REC_STDOUT && type != SB_REC_STDERR &&
                     type != SB_REC_VERDICT)) {
                    kill_kind = SANDBOX_CRASHED;
                    goto out;
                }
                if (have - off - SB_REC_HDR < len)
                    break;
                if (type == SB_REC_VERDICT) {
                    if (sb_parse_verdict(in + off + SB_REC_HDR, len, res) < 0) {
                        kill_kind = SANDBOX_CRASHED;
                        goto out;
                    }
                    done = 1;
                    break;
                }
                got_out += len;
                if (got_out > cfg->output_bytes) {
                    kill_kind = SANDBOX_OUTPUT; /* the worker should */
                    goto out;                   /* have stopped first */
                }
                sb_deliver(sb, res,
                           type == SB_REC_STDERR ? SANDBOX_STDERR
                                                 : SANDBOX_STDOUT,
                           (const char *)in + off + SB_REC_HDR, len);
                off += SB_REC_HDR + len;
            }
            memmove(in, in + off, have - off);
            have -= off;
        }
    }
out:
    free(in);
    if (done)
        return 0;
    close(fd);
    sb_retire(sb, pid);
    res->kind = kill_kind;
    if (kill_kind == SANDBOX_CRASHED)
        sb_set_message(res, "evaluation crashed (protocol error)");
    else if (kill_kind == SANDBOX_SYSTEM)
        sb_set_message(res, "sandbox: poll failed");
    else {
        char m[128];
        sb_limit_message(kill_kind, cfg, m, sizeof m);
        sb_set_message(res, m);
    }
    return 1;
}

/* ---- In-process runs ---------------------------------------------------*/

typedef struct {
    const Sandbox *sb;
    SandboxResult *res;
} SbInproc;

static void sb_inproc_sink(SbCtx *c, int ch, const char *s, size_t n)
{
    SbInproc *ip = c->sink_ud;
    sb_deliver(ip->sb, ip->res, ch, s, n);
}

static void sb_run_inprocess(Sandbox *sb, const char *src, size_t len,
                             const char *name, const SandboxValue *args,
                             int nargs, SandboxResult *res)
{
    SbCtx c;
    SbInproc ip = {sb, res};
    char msg[SB_MSG_MAX];
    SandboxKind kind;

    sb_ctx_init(&c, &sb->cfg);
    c.cancel = &sb->cancel_flag;
    c.sink = sb_inproc_sink;
    c.sink_ud = &ip;
    kind = sb_state_open(&c, sb->cfg.libs, sb->cfg.nlibs, sb->cfg.seed, msg,
                         sizeof msg);
    if (kind == SANDBOX_OK) {
        int base, nres;
        sb_run_begin(&c);
        kind = sb_eval(&c, src, len, name, args, nargs, msg, sizeof msg, &base,
                       &nres);
        if (kind == SANDBOX_OK) {
            SandboxValue vals[SANDBOX_MAX_VALUES];
            int nv = sb_results(&c, base, nres, vals);
            if (nv < 0)
                kind = SANDBOX_OUTPUT;
            else
                sb_keep_values(res, vals, nv);
        }
    }
    if (c.doomed)
        sb_doom_message(&c, &sb->cfg, msg, sizeof msg);
    res->kind = kind;
    res->memory_peak = c.mem_peak;
    res->instructions = c.instr;
    sb_set_message(res, kind == SANDBOX_OK ? "" : msg);
    sb_state_close(&c);
}

/* ---- Runs --------------------------------------------------------------*/

static void sb_finish_result(SandboxResult *res, int64_t t0)
{
    if (res->message == NULL)
        sb_set_message(res, "");
    if (res->out == NULL)
        sb_append(&res->out, &res->out_len, "", 0);
    if (res->err == NULL)
        sb_append(&res->err, &res->err_len, "", 0);
    res->elapsed_ms = (double)(sb_now_ns() - t0) / 1e6;
}

static SandboxKind sb_fail(SandboxResult *res, int64_t t0, const char *m)
{
    res->kind = SANDBOX_SYSTEM;
    if (m)
        sb_set_message(res, m);
    sb_finish_result(res, t0);
    return res->kind;
}

SandboxKind sandbox_run(Sandbox *sb, const char *src, size_t len,
                        const char *chunkname, const SandboxValue *args,
                        int nargs, SandboxResult *res)
{
    int64_t t0 = sb_now_ns();
    char *req;
    size_t reqlen;
    pid_t pid;
    int fd;

    memset(res, 0, sizeof *res);
    sb_drain_cancel(sb);
    sb_reap_zombies(sb, 0);
    req = sb_encode(src, len, chunkname, args, nargs, &reqlen, res);
    if (req == NULL)
        return sb_fail(res, t0, NULL);
    if (sb->cfg.isolation == SANDBOX_INPROCESS) {
        free(req);
        sb_run_inprocess(sb, src, len, chunkname, args, nargs, res);
        sb_finish_result(res, t0);
        return res->kind;
    }
    sb_join_spawner(sb);
    if (sb->next_pid > 0) {
        pid = sb->next_pid;
        fd = sb->next_fd;
        sb->next_pid = 0;
    } else {
        SbWorkerSpec spec;
        spec.cfg = sb->cfg;
        spec.session = 0;
        spec.from_thread = 0;
        if (sb_worker_spawn(&spec, &pid, &fd) != 0) {
            char m[160];
            snprintf(m, sizeof m, "cannot start the sandbox worker: %s",
                     strerror(errno));
            free(req);
            return sb_fail(res, t0, m);
        }
    }
    if (sb_converse(sb, pid, fd, req, reqlen, t0, res) == 0) {
        close(fd);
        sb_retire(sb, pid);
    }
    free(req);
    if (sb->cfg.prestart)
        sandbox_prestart(sb); /* forks on the spawner thread */
    sb_finish_result(res, t0);
    return res->kind;
}

/* ---- Sessions ----------------------------------------------------------*/

SandboxSession *sandbox_session_new(const SandboxConfig *cfg)
{
    SandboxSession *ss = calloc(1, sizeof *ss);
    SandboxConfig c;
    SbWorkerSpec spec;

    if (ss == NULL)
        return NULL;
    c = cfg ? *cfg : (SandboxConfig){0};
    c.prestart = 0;
    c.isolation = SANDBOX_PROCESS;
    ss->sb = sandbox_new(&c);
    if (ss->sb == NULL) {
        free(ss);
        return NULL;
    }
    spec.cfg = ss->sb->cfg;
    spec.session = 1;
    spec.from_thread = 0;
    if (sb_worker_spawn(&spec, &ss->pid, &ss->fd) != 0) {
        sandbox_free(ss->sb);
        free(ss);
        return NULL;
    }
    ss->alive = 1;
    return ss;
}

SandboxKind sandbox_session_run(SandboxSession *ss, const char *src, size_t len,
                                const char *chunkname, const SandboxValue *args,
                                int nargs, SandboxResult *res)
{
    int64_t t0 = sb_now_ns();
    char *req;
    size_t reqlen;

    memset(res, 0, sizeof *res);
    if (!ss->alive)
        return sb_fail(res, t0, "session ended");
    sb_drain_cancel(ss->sb);
    req = sb_encode(src, len, chunkname, args, nargs, &reqlen, res);
    if (req == NULL)
        return sb_fail(res, t0, NULL);
    if (sb_converse(ss->sb, ss->pid, ss->fd, req, reqlen, t0, res) != 0)
        ss->alive = 0;
    else if (res->kind != SANDBOX_OK && res->kind != SANDBOX_SYNTAX &&
             res->kind != SANDBOX_RUNTIME) {
        close(ss->fd);
        sb_retire(ss->sb, ss->pid);
        ss->alive = 0;
    }
    free(req);
    sb_finish_result(res, t0);
    return res->kind;
}

int sandbox_session_alive(const SandboxSession *ss)
{
    return ss && ss->alive;
}

Sandbox *sandbox_session_sandbox(SandboxSession *ss)
{
    return ss->sb;
}

void sandbox_session_free(SandboxSession *ss)
{
    if (ss == NULL)
        return;
    if (ss->alive) {
        close(ss->fd);
        sb_reap(ss->pid, NULL);
    }
    sandbox_free(ss->sb);
    free(ss);
}

/* ---- Neutralising text for terminals ---------------------------------*/

static void sb_esc_byte(unsigned char b,
                        void (*emit)(void *, const char *, size_t), void *ud)
{
    static const char hex[] = "0123456789abcdef";
    char e[4] = {'\\', 'x', hex[b >> 4], hex[b & 15]};
    emit(ud, e, 4);
}

/* Length of the UTF-8 sequence starting with b (0 if b cannot start one).
 */
static int sb_utf8_len(unsigned char b)
{
    if (b < 0x80)
        return 1;
    if (b >= 0xc2 && b <= 0xdf)
        return 2;
    if (b >= 0xe0 && b <= 0xef)
        return 3;
    if (b >= 0xf0 && b <= 0xf4)
        return 4;
    return 0;
}

/* Is the complete sequence s[0..n) valid, and printable for a terminal? */
static int sb_utf8_ok(const unsigned char *s, int n)
{
    uint32_t cp;
    for (int i = 1; i < n; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    if (n == 2)
        cp = (uint32_t)(s[0] & 0x1f) << 6 | (s[1] & 0x3f);
    else if (n == 3)
        cp = (uint32_t)(s[0] & 0x0f) << 12 | (uint32_t)(s[1] & 0x3f) << 6 |
             (s[2] & 0x3f);
    else
        cp = (uint32_t)(s[0] & 0x07) << 18 | (uint32_t)(s[1] & 0x3f) << 12 |
             (uint32_t)(s[2] & 0x3f) << 6 | (s[3] & 0x3f);
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)))
        return 0; /* overlong or out of range */
    if (cp >= 0xd800 && cp <= 0xdfff)
        return 0; /* surrogates */
    if (cp >= 0x80 && cp <= 0x9f)
        return 0; /* C1 controls (CSI, OSC ...) */
    if ((cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) ||
        cp == 0x200e || cp == 0x200f || cp == 0x061c)
        return 0; /* bidi overrides that reorder what is shown */
    return 1;
}

void sandbox_neutralise(SandboxEscState *st, const char *s, size_t n,
                        void (*emit)(void *ud, const char *s, size_t n),
                        void *ud)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run = 0;

    if (s == NULL) { /* flush: an incomplete sequence is invalid */
        for (int k = 0; k < st->npend; k++)
            sb_esc_byte(st->pend[k], emit, ud);
        st->npend = 0;
        return;
    }
    while (i < n) {
        if (st->npend) {
            int need = sb_utf8_len(st->pend[0]);
            if ((p[i] & 0xc0) != 0x80) { /* broken sequence */
                for (int k = 0; k < st->npend; k++)
                    sb_esc_byte(st->pend[k], emit, ud);
                st->npend = 0;
                continue;
            }
            st->pend[st->npend++] = p[i++];
            if (st->npend == need) {
                if (sb_utf8_ok(st->pend, need))
                    emit(ud, (const char *)st->pend, (size_t)need);
                else
                    for (int k = 0; k < need; k++)
                        sb_esc_byte(st->pend[k], emit, ud);
                st->npend = 0;
            }
            continue;
        }
        /* A run of plain printable ASCII goes out in one piece. */
        run = i;
        while (run < n && ((p[run] >= 0x20 && p[run] < 0x7f) ||
                           p[run] == '\n' || p[run] == '\t'))
            run++;
        if (run > i) {
            emit(ud, s + i, run - i);
            i = run;
            continue;
        }
        if (p[i] < 0x80) { /* control character or DEL */
            sb_esc_byte(p[i++], emit, ud);
            continue;
        }
        if (sb_utf8_len(p[i]) == 0) {
            sb_esc_byte(p[i++], emit, ud);
            continue;
        }
        st->pend[0] = p[i++];
        st->npend = 1;
    }
}
