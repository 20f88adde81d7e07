/*
** sandbox.h - run untrusted Lua 5.4 chunks, contained, with one verdict.
**
** Each evaluation gets a fresh lua_State with an allow-listed library set,
** inside a disposable worker process (fork; rlimits; no-new-privs; seccomp)
** that the host kills at the wall-clock deadline. Inside the worker, a
** capped allocator, a count hook and a capped output sink give exact,
** sticky verdicts. The verdict kind never comes from parsing error text.
** Design and figures: docs/sandbox.md.
*/
#ifndef PYPREP_SANDBOX_H
#define PYPREP_SANDBOX_H

#include <stddef.h>
#include <stdint.h>

#include <lua.h>

/* How an evaluation ended (sandbox_exit_status maps each kind to the exit
** status of `pyprep lua`). */
typedef enum {
    SANDBOX_OK = 0,    /* chunk returned normally */
    SANDBOX_SYNTAX,    /* chunk did not compile */
    SANDBOX_RUNTIME,   /* chunk raised an error (not a limit) */
    SANDBOX_TIME,      /* time or instruction limit */
    SANDBOX_MEMORY,    /* memory limit */
    SANDBOX_OUTPUT,    /* output limit */
    SANDBOX_CRASHED,   /* worker died (signal, bad protocol, seccomp) */
    SANDBOX_CANCELLED, /* sandbox_cancel() or the tick callback asked */
    SANDBOX_SYSTEM     /* could not run at all (fork/socket failed,
                          dead session): not the chunk's fault */
} SandboxKind;

/* Output channels: `print` writes to SANDBOX_STDOUT; host libraries may
** write to either with sandbox_write(). */
enum { SANDBOX_STDOUT = 1, SANDBOX_STDERR = 2 };

/* Isolation modes. PROCESS is the default and the only one fit for
** untrusted code. INPROCESS runs the same Lua layer in the calling process:
** faster, but C-level spins (pattern backtracking) can hang it and
** interpreter bugs can crash it; for trusted code, tests and benchmarks. */
typedef enum { SANDBOX_PROCESS = 0, SANDBOX_INPROCESS } SandboxIsolation;

/* An extra library: `open` is called (protected, inside the fresh state,
** before the chunk) like luaL_requiref(L, name, open, 1), so its result
** becomes global `name`. Its C functions run in the worker under the
** same limits and the same seccomp list: no files, no threads (clone is
** refused: OpenBLAS must be single-threaded), memory from the Lua
** allocator where possible (malloc only meets RLIMIT_AS). Lua code it
** runs sees the sandbox's setmetatable, which refuses __gc; C code may
** still set __gc metatables with lua_setmetatable. */
typedef struct {
    const char *name;
    lua_CFunction open;
} SandboxLib;

/* Chunk arguments and results: scalars only. */
typedef enum {
    SANDBOX_NIL = 0,
    SANDBOX_BOOLEAN,
    SANDBOX_INTEGER,
    SANDBOX_NUMBER,
    SANDBOX_STRING,
    SANDBOX_OTHER /* a result of another Lua type: `s` holds its type name
                     ("table", "function", ...); never an argument */
} SandboxValueType;

typedef struct {
    SandboxValueType type;
    int b;         /* BOOLEAN */
    lua_Integer i; /* INTEGER */
    lua_Number n;  /* NUMBER */
    const char *s; /* STRING, OTHER: bytes (NUL-terminated as well) */
    size_t len;    /* STRING, OTHER: length of s */
} SandboxValue;

/* Called with output as the worker produces it (raw bytes, not
** neutralised), in order, for both channels. */
typedef void (*SandboxOutputFn)(void *ud, int channel, const char *s, size_t n);
/* Called about every tick_ms while a run waits; nonzero cancels the run
** (TUI: poll the keyboard for Ctrl-C here). */
typedef int (*SandboxTickFn)(void *ud);

/* Limits and hooks. Zero fields take the defaults; a config is copied by
** sandbox_new, so it (and `libs`) may be freed afterwards; the strings in
** `libs` must stay valid (string literals in practice). */
typedef struct {
    unsigned time_ms;       /* wall clock per run; default 1000 */
    size_t memory_bytes;    /* live Lua memory; default 64 MiB */
    size_t output_bytes;    /* stdout + stderr + result strings; 1 MiB */
    uint64_t instructions;  /* VM instruction budget; 0 = none */
    uint64_t seed;          /* math.random seed at the start of a run */
    const SandboxLib *libs; /* extra libraries, opened in order */
    size_t nlibs;
    SandboxIsolation isolation;
    int prestart;              /* 1: keep the next worker forked and ready
                                  (state + libs built) so a run never waits
                                  for a spawn; see sandbox_prestart. Each
                                  worker still runs one evaluation only. */
    SandboxOutputFn on_output; /* optional streaming */
    SandboxTickFn on_tick;     /* optional cancellation poll */
    void *ud;                  /* passed to both callbacks */
    unsigned tick_ms;          /* default 50 */
} SandboxConfig;

#define SANDBOX_DEFAULT_TIME_MS 1000u
#define SANDBOX_DEFAULT_MEMORY ((size_t)64 << 20)
#define SANDBOX_DEFAULT_OUTPUT ((size_t)1 << 20)
#define SANDBOX_MAX_VALUES 32 /* results kept; arguments accepted */
#define SANDBOX_MAX_SOURCE ((size_t)16 << 20) /* chunk bytes */

/* The verdict of one run. Owned by the caller after sandbox_run fills it;
** release with sandbox_result_free (safe on a zeroed or freed result). */
typedef struct {
    SandboxKind kind;
    char *message; /* "" when ok; Lua's message for SYNTAX/RUNTIME
                      (at most 2 KiB, error objects described without
                      calling metamethods); the limit's text for
                      limits, e.g. "time limit exceeded (1000 ms)" */
    char *out;     /* stdout channel, NUL-terminated */
    size_t out_len;
    char *err; /* stderr channel, NUL-terminated */
    size_t err_len;
    SandboxValue *values; /* the chunk's return values when kind == OK */
    int nvalues;
    double elapsed_ms;     /* host wall clock, request to verdict */
    size_t memory_peak;    /* peak live Lua bytes (0 if unknown: crash) */
    uint64_t instructions; /* approximate VM instructions executed; counted
                              only with an instruction budget or in-process
                              (0 otherwise: see docs/sandbox.md, timer mode) */
    int signal;            /* CRASHED: the signal that killed the worker */
} SandboxResult;

typedef struct Sandbox Sandbox;

/* Make a sandbox (no process yet unless cfg->prestart). cfg may be NULL
** for all defaults. Returns NULL on out-of-memory. */
Sandbox *sandbox_new(const SandboxConfig *cfg);

/* Kill any prestarted worker and release everything. NULL is fine. */
void sandbox_free(Sandbox *sb);

/* Run `src` (text only; binary chunks are refused as a syntax error) with
** `args` as the chunk's `...`. `chunkname` follows lua_load ("=stdin",
** "@file.lua"); NULL means "=chunk". Blocks until a verdict; streams
** output to cfg->on_output meanwhile. Fills *res (always, even on
** SANDBOX_SYSTEM) and returns res->kind. Not reentrant per Sandbox. */
SandboxKind sandbox_run(Sandbox *sb, const char *src, size_t len,
                        const char *chunkname, const SandboxValue *args,
                        int nargs, SandboxResult *res);

/* Fork the next worker now (state and libraries built, waiting for a
** request) if none is ready, so the next sandbox_run does not wait for a
** spawn; the TUI may call it when idle. The fork happens on a short-lived
** thread (all signals blocked), so this returns at once; with
** cfg->prestart the sandbox calls it itself after each run. Returns 0,
** or -1 if the fork failed (sandbox_run will try again). No-op for
** SANDBOX_INPROCESS. */
int sandbox_prestart(Sandbox *sb);

/* Ask the run in progress on `sb` to stop: it ends with SANDBOX_CANCELLED.
** Async-signal-safe (a SIGINT handler may call it) and thread-safe. A
** cancel with no run in progress is dropped at the start of the next run.
*/
void sandbox_cancel(Sandbox *sb);

void sandbox_result_free(SandboxResult *res);

/* Persistent session (NumPy playground): one worker keeps its lua_State
** across runs like a notebook kernel. Per run: time and output limits
** restart; memory is the state's live total. A runtime or syntax error
** leaves the session usable; any limit, crash or cancel kills the worker
** (reported in that run's verdict) and later runs return SANDBOX_SYSTEM
** "session ended": free it and start a fresh one. cfg->prestart is
** ignored. sandbox_cancel() on the session's sandbox works as above. */
typedef struct SandboxSession SandboxSession;

SandboxSession *sandbox_session_new(const SandboxConfig *cfg);
SandboxKind sandbox_session_run(SandboxSession *ss, const char *src, size_t len,
                                const char *chunkname, const SandboxValue *args,
                                int nargs, SandboxResult *res);
int sandbox_session_alive(const SandboxSession *ss);
/* The Sandbox whose sandbox_cancel() interrupts this session's runs. */
Sandbox *sandbox_session_sandbox(SandboxSession *ss);
void sandbox_session_free(SandboxSession *ss);

/* --- For host libraries running inside the sandbox (lua_CFunctions). --- */

/* Write to an output channel of the current evaluation. Counts against
** the output limit; on overflow it marks the run doomed and raises a Lua
** error (longjmp), so call it only where a lua_CFunction may raise.
** Outside a sandbox state it raises too. */
void sandbox_write(lua_State *L, int channel, const char *s, size_t n);

/* Raise the pending limit error if the run is doomed or past its deadline.
** Long C loops in host libraries may call it now and then (cheap: one
** clock read). Raises like sandbox_write. */
void sandbox_check(lua_State *L);

/* --- Allocation settings. --- */

/* Every sandbox state runs Lua's generational collector: the engine's
** arrays are short-lived temporaries, and minor collections free them
** while their memory is still in cache, where the incremental collector
** lets them pile up and marks the whole heap once per cycle (a+b on 1000
** floats: 1.1 us incremental, 0.48 us generational).
** sandbox_tune_process: glibc keeps freed blocks below 256 MiB for reuse
** instead of mmap/munmap-ing each one (an 80 MB temporary would otherwise
** be faulted in page by page on every operation). It is process-wide, so
** workers call it; a host running SANDBOX_INPROCESS may (the benchmarks
** do), the app does not. */
void sandbox_tune_process(void);

/* --- Helpers for the app. --- */

/* "ok", "syntax error", "runtime error", "time limit", ... */
const char *sandbox_kind_name(SandboxKind kind);

/* Exit status `pyprep lua` uses for a kind: OK 0, RUNTIME 1, SYNTAX 3,
** TIME 4, MEMORY 5, OUTPUT 6, CRASHED 7, SYSTEM 8, CANCELLED 130. (2 is
** the CLI's usage error.) */
int sandbox_exit_status(SandboxKind kind);

/* Neutralise text for a terminal: keeps \n, \t and valid printable UTF-8;
** writes every other byte (C0 controls, ESC, DEL, C1 controls, invalid
** UTF-8, bidi overrides) as a visible "\xNN" escape. Output goes to `emit`
** in pieces. `state` carries an incomplete UTF-8 sequence between calls:
** zero it before the first call; pass s == NULL, n == 0 to flush it. */
typedef struct {
    unsigned char pend[4];
    int npend;
} SandboxEscState;
void sandbox_neutralise(SandboxEscState *st, const char *s, size_t n,
                        void (*emit)(void *ud, const char *s, size_t n),
                        void *ud);

#endif
