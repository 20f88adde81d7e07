# mk/nd.mk - the array engine's extra targets (included by the Makefile).
#
# nd-oracle (and `oracle`): regenerate tests/nd/oracle.lua from NumPy 1.24.
# fuzz-nd: libFuzzer + ASan/UBSan over the array core (needs clang);
#   FUZZ_ND_SECONDS bounds the run, crashes land in $(BUILD)/fuzz/nd-artifacts.
# bench-nd: engine (through Lua) vs NumPy, ratios per op and size.

ND_PY ?= /usr/bin/python3
FUZZ_CC ?= clang
FUZZ_ND_SECONDS ?= 60
ND_CORE_SRC := engine/nd.c engine/nd_ufunc.c engine/nd_reduce.c \
               engine/nd_index.c engine/nd_sort.c engine/nd_dot.c \
               engine/nd_linalg.c

.PHONY: oracle nd-oracle fuzz-nd bench-nd

oracle: nd-oracle

nd-oracle:
	$(ND_PY) tests/nd/gen_oracle.py

$(BUILD)/fuzz/fuzz_nd: tests/fuzz/fuzz_nd.c $(ND_CORE_SRC) engine/nd.h \
                       engine/nd_int.h engine/nd_linalg.h
	@mkdir -p $(@D)
	$(FUZZ_CC) -std=c11 $(DEFS) -g -O1 -Iengine \
	    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	    -o $@ tests/fuzz/fuzz_nd.c $(ND_CORE_SRC) $(LINALG_LIBS) -lm

fuzz-nd: $(BUILD)/fuzz/fuzz_nd
	@mkdir -p $(BUILD)/fuzz/nd-corpus $(BUILD)/fuzz/nd-artifacts
	$(BUILD)/fuzz/fuzz_nd -max_total_time=$(FUZZ_ND_SECONDS) -max_len=512 \
	    -timeout=10 -rss_limit_mb=2048 \
	    -artifact_prefix=$(BUILD)/fuzz/nd-artifacts/ $(BUILD)/fuzz/nd-corpus

FUZZ_TARGETS += fuzz-nd

# bench-nd: NumPy and the engine run the same script-defined operations in
# one session; the report prints NumPy/engine ratios. BENCH_ND=quick skips
# the 1e7 sizes; BENCH_ND_RUNS=N alternates N runs of each side and keeps
# each cell's minimum. Both sides run the same OpenBLAS set-up:
# single-threaded (an idle thread pool spins and counts in the process's
# CPU time), with the CPU's own kernels (this dev machine's environment
# pins OPENBLAS_CORETYPE=Haswell, which halves dgemm's speed).
BENCH_BLAS_ENV = env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE \
    OPENBLAS_NUM_THREADS=1
BENCH_ND ?=
BENCH_ND_RUNS ?= 1
$(BUILD)/bench/nd_bench: tests/bench/nd_bench.c $(ENGINE_LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LUA_CFLAGS) -o $@ $< $(ENGINE_LIB) $(LDLIBS_ALL) \
	    $(LINALG_LIBS)

bench-nd: $(BUILD)/bench/nd_bench
	@$(ND_PY) -c 'import numpy' 2>/dev/null || \
	    (apt-get install -y python3-numpy >/dev/null 2>&1 || \
	     echo "bench-nd: python3-numpy is missing (apt-get install python3-numpy)")
	@np=; en=; for r in $$(seq 1 $(BENCH_ND_RUNS)); do \
	    echo "bench-nd: run $$r of $(BENCH_ND_RUNS) (load $$(cut -d' ' -f1-3 /proc/loadavg))"; \
	    $(BENCH_BLAS_ENV) $(ND_PY) tests/bench/nd_bench_numpy.py $(BENCH_ND) \
	        > $(BUILD)/bench/nd_numpy.$$r.tsv || exit 1; \
	    $(BENCH_BLAS_ENV) $(BUILD)/bench/nd_bench \
	        tests/bench/nd_bench.lua $(BENCH_ND) \
	        > $(BUILD)/bench/nd_engine.$$r.tsv || exit 1; \
	    np=$$np$${np:+,}$(BUILD)/bench/nd_numpy.$$r.tsv; \
	    en=$$en$${en:+,}$(BUILD)/bench/nd_engine.$$r.tsv; \
	done; \
	$(ND_PY) tests/bench/nd_bench_report.py $$np $$en

BENCH_TARGETS += bench-nd
