/*
** sandbox_int.h - private interface between the sandbox's layers.
**
** sandbox_lua.c is the Lua layer (state, allow-list, capped allocator,
** hook, sticky doom); sandbox_worker.c is the process layer (the forked
** child and its wire protocol); sandbox.c is the host API. The Lua layer
** reports output through a sink function so the same code serves the
** worker (socket) and the in-process mode (host buffers).
*/
#ifndef PYPREP_SANDBOX_INT_H
#define PYPREP_SANDBOX_INT_H

#include <signal.h>
#include <sys/types.h>

#include "sandbox.h"

#define SB_MSG_MAX 2048     /* longest error message kept */
#define SB_HOOK_PERIOD 1000 /* VM instructions between hook calls */
#define SB_TICK_US 2000     /* timer mode: the hook is armed this often */
#define SB_CO_MAX 256       /* coroutines resumed inside one another */
#define SB_CLOSE_DEPTH 200  /* nested coroutine.close calls allowed */

typedef struct SbCtx SbCtx;

/* Small blocks are kept on free lists per 16-byte class (see sb_alloc). */
#define SB_SMALL 1024
#define SB_CLASSES (SB_SMALL / 16)
#define SB_CACHE_MAX ((size_t)8 << 20) /* bytes kept on the lists */
#define SB_BIG_BLOCK ((size_t)1 << 20) /* makes the collector incremental */
#define SB_HUGE_BLOCK ((size_t)4 << 20) /* asks for transparent huge pages */
#define SB_HEAP_SHARE 32 /* see sb_collect_first */
/* no lists under ASan, which must see every free */
#if defined(__SANITIZE_ADDRESS__)
#define SB_CACHE_ON 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SB_CACHE_ON 0
#endif
#endif
#ifndef SB_CACHE_ON
#define SB_CACHE_ON 1
#endif

/* Receives output bytes already counted against the cap. */
typedef void (*SbSinkFn)(SbCtx *c, int channel, const char *s, size_t n);

struct SbCtx {
    lua_State *L;
    /* memory */
    size_t mem_used, mem_peak, mem_cap;
    void *ref_ptr;    /* last refused request, to spot the retry */
    size_t ref_nsize; /* Lua makes after an emergency collection */
    int refused;
    void *free_list[SB_CLASSES]; /* class k holds blocks of 16 * (k + 1) */
    size_t cached;               /* bytes on the free lists */
    int big_block; /* 1: a block of SB_BIG_BLOCK or more was allocated;
                      2: the collector has been made incremental since */
    size_t big_live; /* bytes in live blocks of SB_BIG_BLOCK or more */
    size_t big_base; /* big_live after the last collection sb_collect_first
                        asked for (lowered by any collection's frees) */
    int collecting;  /* 1: that collection runs, its retry comes next */
    /* time */
    int timer; /* 1: hooks armed by a timer tick (sb_arm), else a count hook
                  (in-process runs and instruction budgets) */
    lua_State *co_stack[SB_CO_MAX]; /* threads resumed inside one another */
    volatile sig_atomic_t co_depth; /* read by sb_arm in a signal handler */
    volatile int64_t arm_ns; /* what the last sb_arm cost (see sb_hook) */
    int64_t tick_us;         /* the timer's current period */
    int64_t deadline_ns; /* CLOCK_MONOTONIC; 0 = none */
    unsigned time_ms;    /* for the message */
    uint64_t instr, instr_cap;
    /* output */
    size_t out_used, out_cap;
    SbSinkFn sink;
    void *sink_ud;
    void (*pulse)(SbCtx *c, int64_t now); /* called from the hook */
    /* in-process only: cancellation and tick */
    volatile sig_atomic_t *cancel;
    SandboxTickFn on_tick;
    void *tick_ud;
    int64_t tick_ns, next_tick_ns;
    /* sticky verdict */
    SandboxKind doomed;
    char doom_msg[96];
    unsigned close_depth;
};

int64_t sb_now_ns(void);

/* Fill in the limits of *c from a config (with defaults applied). */
void sb_ctx_init(SbCtx *c, const SandboxConfig *cfg);

/* Create c->L with the allow-listed libraries, `libs` and the seed.
** Returns SANDBOX_OK, or a kind with a message in msg. */
SandboxKind sb_state_open(SbCtx *c, const SandboxLib *libs, size_t nlibs,
                          uint64_t seed, char *msg, size_t msgsz);

/* Timer mode: make the running thread call the hook at its next VM
** instruction. Async-signal-safe (lua_sethook is, as lua.c's SIGINT
** handler relies on); the worker's SIGALRM handler calls it. */
void sb_arm(SbCtx *c);

/* Timer mode: a SIGALRM every us microseconds (0 stops it). */
void sb_set_timer(SbCtx *c, int64_t us);

/* Close c->L and release the blocks the allocator kept. */
void sb_state_close(SbCtx *c);

/* Arm the deadline and budgets for one run starting now; clear output
** counters (a session's later runs start afresh, memory stays). */
void sb_run_begin(SbCtx *c);

/* Load and run a chunk. On SANDBOX_OK the results are on the stack above
** *base (count in *nres); otherwise msg holds the message. */
SandboxKind sb_eval(SbCtx *c, const char *src, size_t len, const char *name,
                    const SandboxValue *args, int nargs, char *msg,
                    size_t msgsz, int *base, int *nres);

/* Account result strings against the output cap: returns 0 if it fits,
** else dooms the run (output) and returns -1. */
int sb_charge_output(SbCtx *c, size_t n);

/* Convert the results at base+1..base+nres into out[] (at most
** SANDBOX_MAX_VALUES; strings borrowed from the state), charging string
** bytes to the output cap. Returns the count, or -1 if the cap was hit. */
int sb_results(SbCtx *c, int base, int nres, SandboxValue *out);

/* The message for the run's doom (limit text). */
void sb_doom_message(const SbCtx *c, const SandboxConfig *cfg, char *buf,
                     size_t sz);

/* Human text for a limit ("memory limit exceeded (64 MiB)"). */
void sb_limit_message(SandboxKind k, const SandboxConfig *cfg, char *buf,
                      size_t sz);
void sb_format_size(size_t n, char *buf, size_t sz);

/* Process layer. */
typedef struct {
    SandboxConfig cfg; /* defaults applied */
    int session;       /* keep serving requests until EOF or doom */
    int from_thread;   /* forked by the spawner thread: no PDEATHSIG (it
                          tracks the forking thread, which exits); EOF on
                          the socket and RLIMIT_CPU end an orphan */
} SbWorkerSpec;

/* Fork a worker. On success returns 0 and sets *pid and *fd (the host end
** of the socket, non-blocking, close-on-exec). */
int sb_worker_spawn(const SbWorkerSpec *spec, pid_t *pid, int *fd);

/* Wire protocol: records of [type u8][len u32][payload]. */
enum {
    SB_REC_REQUEST = 'R', /* host -> worker */
    SB_REC_STDOUT = 'O',  /* worker -> host */
    SB_REC_STDERR = 'E',
    SB_REC_VERDICT = 'V'
};
#define SB_REC_HDR 5

#endif
