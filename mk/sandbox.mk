# sandbox.mk - fuzz and bench targets of the Lua sandbox (engine/sandbox*).
#
# Both link the sandbox's sources directly (not the engine archive) so they
# build with their own flags. `make fuzz-sandbox FUZZ_SECONDS=600` runs
# libFuzzer (clang's, from libclang-rt-14-dev) for that long; new inputs
# land in $(BUILD)/fuzz/corpus-sandbox, seeds come from tests/sandbox;
# inputs whose worker crashed are kept in $(BUILD)/fuzz/worker-crashed.

FUZZ_TARGETS  += fuzz-sandbox
BENCH_TARGETS += bench-sandbox

SANDBOX_SRC   := engine/sandbox.c engine/sandbox_lua.c engine/sandbox_worker.c
SANDBOX_DEPS  := $(SANDBOX_SRC) engine/sandbox.h engine/sandbox_int.h
FUZZ_SECONDS  ?= 600
FUZZ_CC       ?= clang

$(BUILD)/fuzz/fuzz_sandbox: tests/fuzz/fuzz_sandbox.c $(SANDBOX_DEPS)
	@mkdir -p $(@D)
	$(FUZZ_CC) $(WARN) $(DEFS) -O1 -g -fno-omit-frame-pointer \
	    -fsanitize=fuzzer,address,undefined -Iengine $(LUA_CFLAGS) \
	    -o $@ $< $(SANDBOX_SRC) $(LUA_LIBS) -lm

# -rss_limit_mb=0: libFuzzer's RSS limit runs a thread in the host, and a
# worker forked while that thread held one of the sanitizer runtime's
# locks waited on it with futex, which the worker's seccomp list kills
# (SIGSYS, "worker crashed", 3 in 8396 inputs; the kernel's audit log
# names syscall 202). The workers' memory is capped by the sandbox.
fuzz-sandbox: $(BUILD)/fuzz/fuzz_sandbox
	@mkdir -p $(BUILD)/fuzz/corpus-sandbox $(BUILD)/fuzz/worker-crashed
	FUZZ_SANDBOX_CRASHED=$(BUILD)/fuzz/worker-crashed \
	$(BUILD)/fuzz/fuzz_sandbox -max_total_time=$(FUZZ_SECONDS) \
	    -timeout=20 -rss_limit_mb=0 -max_len=4096 \
	    -dict=tests/fuzz/lua.dict -print_final_stats=1 \
	    $(BUILD)/fuzz/corpus-sandbox tests/sandbox

$(BUILD)/bench/sandbox_bench: tests/bench/sandbox_bench.c $(SANDBOX_DEPS)
	@mkdir -p $(@D)
	$(CC) $(WARN) $(DEFS) -O2 -g -Iengine $(LUA_CFLAGS) \
	    -o $@ $< $(SANDBOX_SRC) $(LUA_LIBS) -lm

bench-sandbox: $(BUILD)/bench/sandbox_bench
	$(BUILD)/bench/sandbox_bench 300

.PHONY: fuzz-sandbox bench-sandbox
