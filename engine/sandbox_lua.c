/*
** sandbox_lua.c - the sandbox's Lua layer: allow-listed state and limits.
**
** A fresh lua_State from a capped allocator; base, string, table, math,
** utf8 and coroutine only, with wrappers that close the holes a count hook
** leaves (xpcall handlers and __gc run with hooks off, empty string.rep and
** table.move spin in C, nested coroutine.close overflows the C stack in
** 5.4.4). Every limit sets one sticky `doomed` kind; once set the hook
** fires on every instruction, so pcall/xpcall/coroutines cannot outlive it.
**
** The hook: a count hook makes Lua 5.4 trace every VM instruction
** (luaG_traceexec), which doubled the cost of tight loops. Worker
** processes therefore run in timer mode: no hook, and every SB_TICK_US a
** SIGALRM arms a one-shot hook on the running thread (sb_arm). Lua does
** not say which thread runs, so resume, wrap and close keep a stack of
** the coroutines they enter. In-process runs and instruction budgets
** keep the count hook.
*/
#include <inttypes.h>
#include <stdatomic.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <time.h>

#include <lauxlib.h>
#include <lualib.h>

#include "sandbox_int.h"

int64_t sb_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void sb_format_size(size_t n, char *buf, size_t sz)
{
    if (n >= (1u << 20) && n % (1u << 20) == 0)
        snprintf(buf, sz, "%zu MiB", n >> 20);
    else if (n >= 1024 && n % 1024 == 0)
        snprintf(buf, sz, "%zu KiB", n >> 10);
    else
        snprintf(buf, sz, "%zu bytes", n);
}

void sb_limit_message(SandboxKind k, const SandboxConfig *cfg, char *buf,
                      size_t sz)
{
    char size[32];
    switch (k) {
    case SANDBOX_TIME:
        snprintf(buf, sz, "time limit exceeded (%u ms)", cfg->time_ms);
        break;
    case SANDBOX_MEMORY:
        sb_format_size(cfg->memory_bytes, size, sizeof size);
        snprintf(buf, sz, "memory limit exceeded (%s)", size);
        break;
    case SANDBOX_OUTPUT:
        sb_format_size(cfg->output_bytes, size, sizeof size);
        snprintf(buf, sz, "output limit exceeded (%s)", size);
        break;
    case SANDBOX_CANCELLED:
        snprintf(buf, sz, "evaluation cancelled");
        break;
    default:
        snprintf(buf, sz, "%s", sandbox_kind_name(k));
        break;
    }
}

void sb_ctx_init(SbCtx *c, const SandboxConfig *cfg)
{
    memset(c, 0, sizeof *c);
    c->mem_cap = cfg->memory_bytes;
    c->out_cap = cfg->output_bytes;
    c->time_ms = cfg->time_ms;
    c->instr_cap = cfg->instructions;
    c->on_tick = cfg->on_tick;
    c->tick_ud = cfg->ud;
    c->tick_ns = (int64_t)cfg->tick_ms * 1000000;
}

/* ---- The capped allocator ---------------------------------------------
** Counts live bytes (ptr == NULL means osize is a type tag, not a size),
** never refuses a shrink, refuses growth past the cap. Lua answers a
** refusal with an emergency full collection and the same request again;
** that second refusal is the real "out of memory" and dooms the run.
**
** Blocks of up to SB_SMALL bytes come from free lists, one per 16-byte
** class. The collector frees its garbage in batches, which overflows
** glibc's per-size cache (7 blocks) into its slow bins; a small array is
** three such blocks a call (a+b on 10 floats spent 330 of its 2400
** instructions in malloc and free). Invariant: a block whose size is
** at most SB_SMALL was allocated with its class's full size, so any
** request of the same class may reuse it. */
static size_t sb_class(size_t n)
{
    return (n - 1) / 16; /* n in 1..SB_SMALL */
}

static void *sb_small_get(SbCtx *c, size_t n)
{
    size_t k = sb_class(n);
    void *p = c->free_list[k];
    if (p) {
        c->free_list[k] = *(void **)p;
        c->cached -= 16 * (k + 1);
        return p;
    }
    return malloc(16 * (k + 1));
}

static void sb_small_put(SbCtx *c, void *p, size_t n)
{
    size_t k = sb_class(n);
    if (!SB_CACHE_ON || c->cached >= SB_CACHE_MAX) {
        free(p);
        return;
    }
    *(void **)p = c->free_list[k];
    c->free_list[k] = p;
    c->cached += 16 * (k + 1);
}

/* realloc for blocks of either kind: the class invariant decides who
** allocated what. */
/* Blocks of SB_HUGE_BLOCK or more ask for transparent huge pages on
** their 2 MiB-aligned interior, as NumPy does for its arrays: a gather
** over 80 MB misses the TLB on every element otherwise (a[idx] at 1e7:
** 8.3 -> 7.1 ms, a+b 8.2 -> 7.5 ms). A hint: refused or not, the block
** works the same. */
static void *sb_huge(void *p, size_t n)
{
    const uintptr_t huge = (uintptr_t)2 << 20;
    uintptr_t lo = ((uintptr_t)p + huge - 1) & ~(huge - 1);
    uintptr_t hi = ((uintptr_t)p + n) & ~(huge - 1);
    if (p && n >= SB_HUGE_BLOCK && hi > lo)
        madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
    return p;
}

static void *sb_realloc(SbCtx *c, void *ptr, size_t old, size_t nsize)
{
    void *p;
    if (nsize == 0) {
        if (old > 0 && old <= SB_SMALL)
            sb_small_put(c, ptr, old);
        else
            free(ptr);
        return NULL;
    }
    if (old > SB_SMALL && nsize > SB_SMALL)
        return sb_huge(realloc(ptr, nsize), nsize);
    if (old > 0 && old <= SB_SMALL && nsize <= SB_SMALL &&
        sb_class(old) == sb_class(nsize))
        return ptr;
    p = nsize <= SB_SMALL ? sb_small_get(c, nsize) : sb_huge(malloc(nsize), nsize);
    if (p && old > 0) {
        memcpy(p, ptr, old < nsize ? old : nsize);
        sb_realloc(c, ptr, old, 0);
    }
    return p;
}

static size_t sb_big(size_t n)
{
    return n >= SB_BIG_BLOCK ? n : 0;
}

/* NumPy frees a temporary the moment its last reference goes, so a loop
** of big operations writes each result into the block the previous one
** left, still in the cache. Here dead results wait for the collector: a
** loop of int8 a+b on 1e7 elements cycled through blocks that had left
** the L3 (850 us a call against 660 when each result is collected before
** the next is made). So a new big userdata is refused once when live big
** blocks have grown by its size since the last such collection: Lua
** answers a refusal with a full collection and asks again, and the retry
** reuses what was freed. Only userdata (ptr NULL, tag LUA_TUSERDATA):
** their allocations always get that retry, where a string buffer's
** refusal would be an error. Only while the Lua heap apart from the big
** blocks is small beside the request, since a full collection costs in
** proportion to it (5 us for the 120 KB of a fresh state): at most
** 1/SB_HEAP_SHARE of the array's own size. Never past the memory cap, so
** the cap's verdicts are unchanged. */
static int sb_collect_first(SbCtx *c, void *ptr, size_t osize, size_t nsize)
{
    if (c->collecting) {
        c->collecting = 0; /* the retry: what was freed is freed */
        c->big_base = c->big_live;
        return 0;
    }
    return ptr == NULL && osize == LUA_TUSERDATA && nsize >= SB_BIG_BLOCK &&
           c->big_live - c->big_base >= nsize && !c->doomed &&
           nsize <= c->mem_cap - c->mem_used &&
           (c->mem_used - c->big_live) * SB_HEAP_SHARE <= nsize;
}

static void *sb_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    SbCtx *c = ud;
    size_t old = ptr ? osize : 0;
    void *p;

    if (nsize == 0) {
        sb_realloc(c, ptr, old, 0);
        c->mem_used -= old;
        c->big_live -= sb_big(old);
        if (c->big_live < c->big_base)
            c->big_base = c->big_live;
        return NULL;
    }
    if (sb_collect_first(c, ptr, osize, nsize)) {
        c->collecting = 1;
        return NULL;
    }
    if (nsize > old && (c->doomed == SANDBOX_MEMORY ||
                        nsize - old > c->mem_cap - c->mem_used)) {
        if (c->refused && c->ref_ptr == ptr && c->ref_nsize == nsize &&
            !c->doomed)
            c->doomed = SANDBOX_MEMORY;
        c->refused = 1;
        c->ref_ptr = ptr;
        c->ref_nsize = nsize;
        return NULL;
    }
    p = sb_realloc(c, ptr, old, nsize);
    if (p == NULL) {
        if (nsize <= old)
            return ptr; /* a failed shrink keeps the old block */
        if (!c->doomed)
            c->doomed = SANDBOX_MEMORY; /* the host itself is out */
        return NULL;
    }
    c->mem_used = c->mem_used - old + nsize;
    c->big_live = c->big_live - sb_big(old) + sb_big(nsize);
    if (c->big_live < c->big_base)
        c->big_base = c->big_live;
    if (c->mem_used > c->mem_peak)
        c->mem_peak = c->mem_used;
    if (nsize >= SB_BIG_BLOCK && !c->big_block)
        c->big_block = 1; /* the next hook changes the collector's mode */
    if (nsize > old)
        c->refused = 0;
    return p;
}

void sb_state_close(SbCtx *c)
{
    if (c->L)
        lua_close(c->L);
    c->L = NULL;
    for (size_t k = 0; k < SB_CLASSES; k++)
        while (c->free_list[k]) {
            void *p = c->free_list[k];
            c->free_list[k] = *(void **)p;
            free(p);
        }
    c->cached = 0;
}

/* The context of a state, or NULL if L is not a sandbox state. */
static SbCtx *sb_ctx(lua_State *L)
{
    void *ud;
    lua_Alloc f = lua_getallocf(L, &ud);
    return f == sb_alloc ? ud : NULL;
}

/* ---- Limits and the sticky doom ---------------------------------------*/

static void sb_hook(lua_State *L, lua_Debug *ar);

static void sb_doom(SbCtx *c, lua_State *L, SandboxKind k)
{
    if (!c->doomed)
        c->doomed = k;
    if (L)
        lua_sethook(L, sb_hook, LUA_MASKCOUNT, 1);
    /* every thread that may run next must stop at once too */
    if (c->timer && c->L) {
        lua_sethook(c->L, sb_hook, LUA_MASKCOUNT, 1);
        for (int i = 0; i < c->co_depth; i++)
            lua_sethook(c->co_stack[i], sb_hook, LUA_MASKCOUNT, 1);
    }
}

void sb_arm(SbCtx *c)
{
    int d = c->co_depth;
    lua_State *L;
    int64_t t0 = sb_now_ns(); /* clock_gettime: async-signal-safe */
    atomic_signal_fence(memory_order_acquire);
    L = d > 0 ? c->co_stack[d - 1] : c->L;
    if (L)
        lua_sethook(L, sb_hook, LUA_MASKCOUNT, 1);
    c->arm_ns = sb_now_ns() - t0;
}

void sb_set_timer(SbCtx *c, int64_t us)
{
    struct itimerval it;
    memset(&it, 0, sizeof it);
    it.it_interval.tv_sec = it.it_value.tv_sec = (time_t)(us / 1000000);
    it.it_interval.tv_usec = it.it_value.tv_usec =
        (suseconds_t)(us % 1000000);
    c->tick_us = us;
    setitimer(ITIMER_REAL, &it, NULL);
}

/* Raise the doom's error. The value is text for people; the verdict is
** read from c->doomed, never from this text. */
static int sb_raise(lua_State *L, SbCtx *c)
{
    const char *m;
    switch (c->doomed) {
    case SANDBOX_TIME:
        m = c->instr_cap && c->instr >= c->instr_cap
                ? "instruction limit exceeded"
                : "time limit exceeded";
        break;
    case SANDBOX_MEMORY:
        m = "memory limit exceeded";
        break;
    case SANDBOX_OUTPUT:
        m = "output limit exceeded";
        break;
    case SANDBOX_CANCELLED:
        m = "evaluation cancelled";
        break;
    default:
        m = "sandbox limit exceeded";
        break;
    }
    lua_sethook(L, sb_hook, LUA_MASKCOUNT, 1);
    lua_pushstring(L, m);
    return lua_error(L);
}

/* Check deadline, budget and cancellation; dooms and raises on any. */
static void sb_poll(lua_State *L, SbCtx *c, int64_t now)
{
    if (!c->doomed) {
        if (c->cancel && *c->cancel)
            sb_doom(c, L, SANDBOX_CANCELLED);
        else if (c->instr_cap && c->instr >= c->instr_cap)
            sb_doom(c, L, SANDBOX_TIME);
        else if (c->deadline_ns && now >= c->deadline_ns)
            sb_doom(c, L, SANDBOX_TIME);
        else if (c->on_tick && now >= c->next_tick_ns) {
            c->next_tick_ns = now + c->tick_ns;
            if (c->on_tick(c->tick_ud))
                sb_doom(c, L, SANDBOX_CANCELLED);
        }
    }
    if (c->doomed)
        sb_raise(L, c);
}

static void sb_hook(lua_State *L, lua_Debug *ar)
{
    SbCtx *c = sb_ctx(L);
    int64_t now = sb_now_ns();
    (void)ar;
    if (c == NULL)
        return;
    if (!c->timer)
        c->instr += c->doomed ? 1 : SB_HOOK_PERIOD;
    else if (!c->doomed) {
        /* one shot: the next tick re-arms. Arming walks the thread's
        ** call chain (Lua's settraps), which a deep recursion makes
        ** long: keep the ticks at least 20 times as far apart as an
        ** arming costs, so they can never eat the run. */
        int64_t want = c->arm_ns / 50;
        lua_sethook(L, NULL, 0, 0);
        if (want < SB_TICK_US)
            want = SB_TICK_US;
        if (want > 2 * c->tick_us || 2 * want < c->tick_us)
            sb_set_timer(c, want);
    }
    if (c->big_block == 1) {
        /* Generational collection suits small temporaries; big ones
        ** survive the minor collection their successor's allocation
        ** starts, age into the old generation and pile up until a major
        ** one (a*2.0+1.0 on 1e7 floats: 11 ms incremental, 157 ms
        ** generational, twice the memory). Not from the allocator: a
        ** hook runs between instructions, outside any collection. */
        c->big_block = 2;
        lua_gc(L, LUA_GCINC, 0, 0, 0);
    }
    if (c->pulse)
        c->pulse(c, now);
    sb_poll(L, c, now);
}

void sandbox_check(lua_State *L)
{
    SbCtx *c = sb_ctx(L);
    if (c == NULL)
        luaL_error(L, "sandbox_check: not a sandbox state");
    else
        sb_poll(L, c, sb_now_ns());
}

int sb_charge_output(SbCtx *c, size_t n)
{
    if (n > c->out_cap - c->out_used) {
        c->out_used = c->out_cap;
        if (!c->doomed)
            c->doomed = SANDBOX_OUTPUT;
        return -1;
    }
    c->out_used += n;
    return 0;
}

/* Emit output: what fits goes to the sink; overflow dooms and raises. */
static void sb_emit(lua_State *L, SbCtx *c, int ch, const char *s, size_t n)
{
    size_t room = c->out_cap - c->out_used;
    if (c->doomed)
        sb_raise(L, c);
    if (n > room) {
        if (room)
            c->sink(c, ch, s, room);
        sb_charge_output(c, n);
        sb_doom(c, L, SANDBOX_OUTPUT);
        sb_raise(L, c);
    }
    c->out_used += n;
    if (n)
        c->sink(c, ch, s, n);
}

void sandbox_write(lua_State *L, int channel, const char *s, size_t n)
{
    SbCtx *c = sb_ctx(L);
    if (c == NULL) {
        luaL_error(L, "sandbox_write: not a sandbox state");
        return;
    }
    if (channel != SANDBOX_STDOUT && channel != SANDBOX_STDERR)
        luaL_error(L, "sandbox_write: bad channel %d", channel);
    sb_emit(L, c, channel, s, n);
}

/* ---- Replacements for unsafe or hook-blind library functions ---------*/

static int sb_print(lua_State *L)
{
    SbCtx *c = sb_ctx(L);
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++) {
        size_t l;
        const char *s = luaL_tolstring(L, i, &l); /* __tostring runs hooked */
        if (i > 1)
            sb_emit(L, c, SANDBOX_STDOUT, "\t", 1);
        sb_emit(L, c, SANDBOX_STDOUT, s, l);
        lua_pop(L, 1);
    }
    sb_emit(L, c, SANDBOX_STDOUT, "\n", 1);
    return 0;
}

/* xpcall's handler runs with hooks off when the error came from the hook
** (a limit): then the user's handler is skipped, the error passes as is. */
static int sb_msgh_guard(lua_State *L)
{
    SbCtx *c = sb_ctx(L);
    if (c->doomed)
        return 1;
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

static int sb_finish(lua_State *L, int status, lua_KContext k)
{
    (void)status;
    (void)k;
    return lua_gettop(L);
}

static int sb_xpcall(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushvalue(L, 2);
    lua_pushcclosure(L, sb_msgh_guard, 1);
    lua_replace(L, 2);
    lua_pushvalue(L, lua_upvalueindex(1)); /* the real xpcall */
    lua_insert(L, 1);
    lua_callk(L, n, LUA_MULTRET, 0, sb_finish);
    return lua_gettop(L);
}

/* No __gc from chunks: finalizers run with hooks off (and at lua_close).
** Checked at setmetatable time, which is when Lua marks an object for
** finalization, so adding __gc to the metatable later has no effect. */
static int sb_setmetatable(lua_State *L)
{
    int t = lua_type(L, 2);
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_argexpected(L, t == LUA_TNIL || t == LUA_TTABLE, 2, "nil or table");
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "cannot change a protected metatable");
    if (t == LUA_TTABLE) {
        lua_pushliteral(L, "__gc");
        if (lua_rawget(L, 2) != LUA_TNIL)
            return luaL_error(L, "__gc metamethods are not allowed "
                                 "in the sandbox");
        lua_pop(L, 1);
    }
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

/* load: text only, always. The env default (the globals) is the state's
** own, which is fresh per evaluation. */
static int sb_load(lua_State *L)
{
    int n = lua_gettop(L) >= 4 ? 4 : 3;
    lua_settop(L, n);
    lua_pushliteral(L, "t");
    lua_replace(L, 3);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, n, LUA_MULTRET);
    return lua_gettop(L);
}

static int sb_collectgarbage(lua_State *L)
{
    static const char *const ok[] = {"collect", "count", "step", "isrunning",
                                     NULL};
    luaL_checkoption(L, 1, "collect", ok);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    return lua_gettop(L);
}

/* string.rep: an empty result is made without the C loop (rep("", 2^52)
** spins for hours otherwise); a result past the memory cap dooms at once. */
static int sb_rep(lua_State *L)
{
    SbCtx *c = sb_ctx(L);
    size_t l, lsep;
    luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    if (n <= 0 || (l == 0 && lsep == 0)) {
        lua_pushliteral(L, "");
        return 1;
    }
    if (l + lsep < l || l + lsep > (size_t)INT32_MAX / (lua_Unsigned)n)
        return luaL_error(L, "resulting string too large");
    if (l * (size_t)n + lsep * (size_t)(n - 1) > c->mem_cap) {
        sb_doom(c, L, SANDBOX_MEMORY);
        return sb_raise(L, c);
    }
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    return 1;
}

/* table.move as in ltablib.c, with a limit check every 4096 elements
** (moving nils over a huge range never allocates, so no other limit
** would stop it). */
static int sb_move(lua_State *L)
{
    SbCtx *c = sb_ctx(L);
    lua_Integer f = luaL_checkinteger(L, 2);
    lua_Integer e = luaL_checkinteger(L, 3);
    lua_Integer t = luaL_checkinteger(L, 4);
    int tt = !lua_isnoneornil(L, 5) ? 5 : 1;
    luaL_checktype(L, 1, LUA_TTABLE);
    luaL_checktype(L, tt, LUA_TTABLE);
    if (e >= f) {
        lua_Integer n, i;
        luaL_argcheck(L, f > 0 || e < LUA_MAXINTEGER + f, 3,
                      "too many elements to move");
        n = e - f + 1;
        luaL_argcheck(L, t <= LUA_MAXINTEGER - n + 1, 4,
                      "destination wrap around");
        if (t > e || t <= f || (tt != 1 && !lua_compare(L, 1, tt, LUA_OPEQ))) {
            for (i = 0; i < n; i++) {
                if ((i & 4095) == 4095)
                    sb_poll(L, c, sb_now_ns());
                lua_geti(L, 1, f + i);
                lua_seti(L, tt, t + i);
            }
        } else {
            for (i = n - 1; i >= 0; i--) {
                if ((i & 4095) == 0)
                    sb_poll(L, c, sb_now_ns());
                lua_geti(L, 1, f + i);
                lua_seti(L, tt, t + i);
            }
        }
    }
    lua_pushvalue(L, tt);
    return 1;
}

/* Enter coroutine co (it runs until the matching sb_co_leave): push it
** on the stack sb_arm reads; a doomed run arms it at once. */
static int sb_co_enter(lua_State *L, SbCtx *c, lua_State *co)
{
    int d = c->co_depth;
    if (d >= SB_CO_MAX)
        return luaL_error(L, "coroutines nested too deeply");
    c->co_stack[d] = co;
    atomic_signal_fence(memory_order_release); /* store, then publish */
    c->co_depth = d + 1;
    if (c->doomed)
        lua_sethook(co, sb_hook, LUA_MASKCOUNT, 1);
    return d;
}

/* Call the original function (upvalue 1) on the arguments, protected,
** inside coroutine co; restore the stack depth, then re-raise. */
static int sb_co_call(lua_State *L, SbCtx *c, lua_State *co)
{
    int n = lua_gettop(L), d, status;
    d = sb_co_enter(L, c, co);
    lua_pushvalue(L, lua_upvalueindex(1));
    lua_insert(L, 1);
    status = lua_pcall(L, n, LUA_MULTRET, 0);
    c->co_depth = d;
    return status;
}

static int sb_coresume(lua_State *L)
{
    lua_State *co = lua_tothread(L, 1);
    luaL_argexpected(L, co, 1, "thread");
    if (sb_co_call(L, sb_ctx(L), co) != LUA_OK)
        return lua_error(L);
    return lua_gettop(L);
}

/* lcorolib's auxresume with the resume bracketed by the thread stack. */
static int sb_auxresume(lua_State *L, SbCtx *c, lua_State *co, int narg)
{
    int status, nres, d;
    if (!lua_checkstack(co, narg)) {
        lua_pushliteral(L, "too many arguments to resume");
        return -1;
    }
    lua_xmove(L, co, narg);
    d = sb_co_enter(L, c, co);
    status = lua_resume(co, L, narg, &nres);
    c->co_depth = d;
    if (status == LUA_OK || status == LUA_YIELD) {
        if (!lua_checkstack(L, nres + 1)) {
            lua_pop(co, nres);
            lua_pushliteral(L, "too many results to resume");
            return -1;
        }
        lua_xmove(co, L, nres);
        return nres;
    }
    lua_xmove(co, L, 1);
    return -1;
}

/* The function coroutine.wrap returns: 5.4.4's auxwrap, word for word
** but for the bracketing (upvalue 1 the thread). */
static int sb_auxwrap(lua_State *L)
{
    SbCtx *c = sb_ctx(L);
    lua_State *co = lua_tothread(L, lua_upvalueindex(1));
    int r = sb_auxresume(L, c, co, lua_gettop(L));
    if (r < 0) {
        int stat = lua_status(co);
        if (stat != LUA_OK && stat != LUA_YIELD) {
            int d = sb_co_enter(L, c, co); /* __close handlers run on co */
            stat = lua_resetthread(co);
            c->co_depth = d;
            lua_xmove(co, L, 1);
        }
        if (stat != LUA_ERRMEM && lua_type(L, -1) == LUA_TSTRING) {
            luaL_where(L, 1);
            lua_insert(L, -2);
            lua_concat(L, 2);
        }
        return lua_error(L);
    }
    return r;
}

static int sb_cowrap(lua_State *L)
{
    lua_State *co;
    luaL_checktype(L, 1, LUA_TFUNCTION);
    co = lua_newthread(L);
    lua_pushvalue(L, 1);
    lua_xmove(L, co, 1);
    lua_pushcclosure(L, sb_auxwrap, 1);
    return 1;
}

/* coroutine.close: 5.4.4 does not count nested closes (a __close that
** closes another coroutine, 20k deep) against the C stack and segfaults.
** The __close handlers it runs execute on the closed thread. */
static int sb_coclose(lua_State *L)
{
    SbCtx *c = sb_ctx(L);
    lua_State *co = lua_tothread(L, 1);
    int status;
    if (c->close_depth >= SB_CLOSE_DEPTH)
        return luaL_error(L, "coroutine.close nested too deeply");
    luaL_argexpected(L, co, 1, "thread");
    c->close_depth++;
    status = sb_co_call(L, c, co);
    c->close_depth--;
    if (status != LUA_OK)
        return lua_error(L);
    return lua_gettop(L);
}

/* Replace t[name] (t at the top) by a C closure over the old value. */
static void sb_wrap(lua_State *L, const char *name, lua_CFunction f)
{
    lua_getfield(L, -1, name);
    lua_pushcclosure(L, f, 1);
    lua_setfield(L, -2, name);
}

static void sb_remove(lua_State *L, const char *name)
{
    lua_pushnil(L);
    lua_setfield(L, -2, name);
}

/* Open libraries and lock things down; runs protected (lua_pcall). */
static int sb_setup(lua_State *L)
{
    static const luaL_Reg libs[] = {{LUA_GNAME, luaopen_base},
                                    {LUA_COLIBNAME, luaopen_coroutine},
                                    {LUA_TABLIBNAME, luaopen_table},
                                    {LUA_STRLIBNAME, luaopen_string},
                                    {LUA_MATHLIBNAME, luaopen_math},
                                    {LUA_UTF8LIBNAME, luaopen_utf8},
                                    {NULL, NULL}};
    const SandboxLib *extra = lua_touserdata(L, 1);
    size_t nextra = (size_t)lua_tointeger(L, 2);
    lua_Integer seed = lua_tointeger(L, 3);

    for (const luaL_Reg *r = libs; r->func; r++) {
        luaL_requiref(L, r->name, r->func, 1);
        lua_pop(L, 1);
    }
    lua_pushglobaltable(L);
    sb_remove(L, "dofile");
    sb_remove(L, "loadfile");
    sb_remove(L, "warn");
    lua_pushcfunction(L, sb_print);
    lua_setfield(L, -2, "print");
    lua_pushcfunction(L, sb_setmetatable);
    lua_setfield(L, -2, "setmetatable");
    sb_wrap(L, "xpcall", sb_xpcall);
    sb_wrap(L, "load", sb_load);
    sb_wrap(L, "collectgarbage", sb_collectgarbage);

    lua_getfield(L, -1, LUA_STRLIBNAME);
    sb_remove(L, "dump");
    sb_wrap(L, "rep", sb_rep);
    lua_pop(L, 1);
    lua_getfield(L, -1, LUA_TABLIBNAME);
    lua_pushcfunction(L, sb_move);
    lua_setfield(L, -2, "move");
    lua_pop(L, 1);
    lua_getfield(L, -1, LUA_COLIBNAME);
    sb_wrap(L, "close", sb_coclose);
    sb_wrap(L, "resume", sb_coresume);
    lua_pushcfunction(L, sb_cowrap);
    lua_setfield(L, -2, "wrap");
    lua_pop(L, 1);

    /* Deterministic random stream for this evaluation. */
    lua_getfield(L, -1, LUA_MATHLIBNAME);
    lua_getfield(L, -1, "randomseed");
    lua_pushinteger(L, seed);
    lua_call(L, 1, 0);
    lua_pop(L, 1);

    /* The string metatable is shared by every string: freeze it. */
    lua_pushliteral(L, "");
    lua_getmetatable(L, -1);
    lua_pushboolean(L, 0);
    lua_setfield(L, -2, "__metatable");
    lua_pop(L, 2);

    /* The embedder's libraries last: they may use the base set. */
    for (size_t i = 0; i < nextra; i++) {
        luaL_requiref(L, extra[i].name, extra[i].open, 1);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return 0;
}

/* The message handler of a run: turns {type=, message=} error tables (the
** nd binding's and the py runtime's) into text by raw access only, so no
** chunk metamethod runs; when doomed it touches nothing. */
static int sb_msgh(lua_State *L)
{
    SbCtx *c = sb_ctx(L);
    if (c->doomed || lua_type(L, 1) != LUA_TTABLE || !lua_checkstack(L, 4))
        return 1;
    lua_settop(L, 1);
    lua_pushliteral(L, "message");
    if (lua_rawget(L, 1) != LUA_TSTRING) {
        lua_settop(L, 1);
        return 1;
    }
    lua_pushliteral(L, "type");
    if (lua_rawget(L, 1) == LUA_TSTRING)
        lua_pushfstring(L, "%s: %s", lua_tostring(L, -1), lua_tostring(L, -2));
    else
        lua_pushvalue(L, -2);
    return 1;
}

/* Describe the value at idx in msg without allocating or calling
** metamethods (this runs unprotected, possibly out of memory). */
static void sb_describe(lua_State *L, int idx, char *msg, size_t msgsz)
{
    size_t l;
    const char *s;
    switch (lua_type(L, idx)) {
    case LUA_TSTRING:
        s = lua_tolstring(L, idx, &l);
        if (l >= msgsz)
            l = msgsz - 1;
        memcpy(msg, s, l);
        msg[l] = '\0';
        break;
    case LUA_TNUMBER:
        if (lua_isinteger(L, idx))
            snprintf(msg, msgsz, "%" PRId64, (int64_t)lua_tointeger(L, idx));
        else
            snprintf(msg, msgsz, "%.14g", (double)lua_tonumber(L, idx));
        break;
    default:
        snprintf(msg, msgsz, "(error object is a %s value)",
                 luaL_typename(L, idx));
        break;
    }
}

void sandbox_tune_process(void)
{
    /* a trim threshold above the mmap one: what was freed stays mapped */
    mallopt(M_MMAP_THRESHOLD, 256 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
}

SandboxKind sb_state_open(SbCtx *c, const SandboxLib *libs, size_t nlibs,
                          uint64_t seed, char *msg, size_t msgsz)
{
    int st;
    msg[0] = '\0';
    c->L = lua_newstate(sb_alloc, c);
    if (c->L == NULL) {
        c->doomed = SANDBOX_MEMORY;
        return SANDBOX_MEMORY;
    }
    lua_gc(c->L, LUA_GCGEN, 0, 0); /* sandbox.h: allocation settings */
    /* Coroutines inherit the hook of the thread that creates them. */
    if (!c->timer)
        lua_sethook(c->L, sb_hook, LUA_MASKCOUNT, SB_HOOK_PERIOD);
    lua_pushcfunction(c->L, sb_setup);
    lua_pushlightuserdata(c->L, (void *)libs);
    lua_pushinteger(c->L, (lua_Integer)nlibs);
    lua_pushinteger(c->L, (lua_Integer)seed);
    st = lua_pcall(c->L, 3, 0, 0);
    if (st == LUA_OK)
        return SANDBOX_OK;
    sb_describe(c->L, -1, msg, msgsz);
    lua_settop(c->L, 0);
    if (c->doomed)
        return c->doomed;
    return st == LUA_ERRMEM ? SANDBOX_MEMORY : SANDBOX_RUNTIME;
}

void sb_run_begin(SbCtx *c)
{
    int64_t now = sb_now_ns();
    c->deadline_ns = c->time_ms ? now + (int64_t)c->time_ms * 1000000 : 0;
    c->next_tick_ns = now + c->tick_ns;
    c->instr = 0;
    c->out_used = 0;
    c->refused = 0;
    c->close_depth = 0;
}

typedef struct {
    const char *src;
    size_t len;
    const char *name;
    const SandboxValue *args;
    int nargs;
    int load_status, run_status;
} SbRun;

/* Protected body of a run: arguments are pushed under protection too (a
** memory error while pushing them must not reach the panic handler). */
static int sb_run_p(lua_State *L)
{
    SbRun *r = lua_touserdata(L, 1);
    lua_settop(L, 0);
    lua_pushcfunction(L, sb_msgh);
    r->load_status = luaL_loadbufferx(L, r->src, r->len, r->name, "t");
    if (r->load_status != LUA_OK)
        return 1;
    luaL_checkstack(L, r->nargs + 8, "too many arguments");
    for (int i = 0; i < r->nargs; i++) {
        const SandboxValue *v = &r->args[i];
        switch (v->type) {
        case SANDBOX_BOOLEAN:
            lua_pushboolean(L, v->b);
            break;
        case SANDBOX_INTEGER:
            lua_pushinteger(L, v->i);
            break;
        case SANDBOX_NUMBER:
            lua_pushnumber(L, v->n);
            break;
        case SANDBOX_STRING:
            lua_pushlstring(L, v->s ? v->s : "", v->s ? v->len : 0);
            break;
        default:
            lua_pushnil(L);
            break;
        }
    }
    r->run_status = lua_pcall(L, r->nargs, LUA_MULTRET, 1);
    lua_remove(L, 1); /* the message handler */
    return lua_gettop(L);
}

SandboxKind sb_eval(SbCtx *c, const char *src, size_t len, const char *name,
                    const SandboxValue *args, int nargs, char *msg,
                    size_t msgsz, int *base, int *nres)
{
    lua_State *L = c->L;
    SbRun r = {src, len, name ? name : "=chunk", args, nargs, 0, 0};
    SandboxKind kind;
    int st;

    msg[0] = '\0';
    *nres = 0;
    lua_settop(L, 0);
    *base = 0;
    if (c->doomed)
        return c->doomed;
    lua_pushcfunction(L, sb_run_p);
    lua_pushlightuserdata(L, &r);
    st = lua_pcall(L, 1, LUA_MULTRET, 0);
    if (st == LUA_OK && r.load_status != LUA_OK)
        st = r.load_status;
    else if (st == LUA_OK)
        st = r.run_status;
    if (c->doomed)
        kind = c->doomed; /* whatever the chunk made of the error */
    else if (st == LUA_OK) {
        *nres = lua_gettop(L);
        return SANDBOX_OK;
    } else if (st == LUA_ERRMEM)
        kind = SANDBOX_MEMORY;
    else if (st == LUA_ERRSYNTAX)
        kind = SANDBOX_SYNTAX;
    else
        kind = SANDBOX_RUNTIME;
    if (lua_gettop(L) > 0)
        sb_describe(L, -1, msg, msgsz);
    return kind;
}

int sb_results(SbCtx *c, int base, int nres, SandboxValue *out)
{
    lua_State *L = c->L;
    if (nres > SANDBOX_MAX_VALUES)
        nres = SANDBOX_MAX_VALUES;
    for (int i = 0; i < nres; i++) {
        int idx = base + 1 + i;
        SandboxValue *v = &out[i];
        memset(v, 0, sizeof *v);
        switch (lua_type(L, idx)) {
        case LUA_TNIL:
            v->type = SANDBOX_NIL;
            break;
        case LUA_TBOOLEAN:
            v->type = SANDBOX_BOOLEAN;
            v->b = lua_toboolean(L, idx);
            break;
        case LUA_TNUMBER:
            if (lua_isinteger(L, idx)) {
                v->type = SANDBOX_INTEGER;
                v->i = lua_tointeger(L, idx);
            } else {
                v->type = SANDBOX_NUMBER;
                v->n = lua_tonumber(L, idx);
            }
            break;
        case LUA_TSTRING:
            v->type = SANDBOX_STRING;
            v->s = lua_tolstring(L, idx, &v->len);
            if (sb_charge_output(c, v->len) < 0)
                return -1;
            break;
        default: /* type names are static strings: no allocation here */
            v->type = SANDBOX_OTHER;
            v->s = luaL_typename(L, idx);
            v->len = strlen(v->s);
            break;
        }
    }
    return nres;
}

void sb_doom_message(const SbCtx *c, const SandboxConfig *cfg, char *buf,
                     size_t sz)
{
    if (c->doomed == SANDBOX_TIME && c->instr_cap && c->instr >= c->instr_cap)
        snprintf(buf, sz, "instruction limit exceeded (%" PRIu64 ")",
                 c->instr_cap);
    else
        sb_limit_message(c->doomed, cfg, buf, sz);
}
