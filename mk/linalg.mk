# mk/linalg.mk - LAPACK/BLAS for nd_linalg: its test, its benchmark.
#
# engine/nd_linalg.c calls Fortran LAPACK (dgesv_, dgeev_, ...) and CBLAS
# (cblas_dgemm, cblas_ddot) from the system libraries NumPy uses
# (liblapack.so.3 / libblas.so.3 -> OpenBLAS). Anything that links code
# calling nd_linalg_* needs $(LINALG_LIBS); the test rule below overrides
# the generic tests/engine pattern rule to add them.
LINALG_LIBS = $(shell pkg-config --libs lapack blas 2>/dev/null \
                || echo -llapack -lblas)

$(BUILD)/tests/engine/nd_linalg_test.t: tests/engine/nd_linalg_test.c \
        tests/random/linalg_oracle.h $(ENGINE_LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(LUA_CFLAGS) -Itests -o $@ $< $(ENGINE_LIB) \
	    $(LUA_LIBS) $(LINALG_LIBS) -lm

# The random test's oracle is a header it includes.
$(BUILD)/tests/engine/nd_random_test.t: tests/random/oracle.h

# `make oracle` regenerates every NumPy-made test file: these two headers
# (random streams: hash + head of the first 10,000 values of each sampler
# and seed; linalg inputs and results as hex doubles) besides nd's and
# the printer's. Needs /usr/bin/python3 with NumPy 1.24 (deps.sh bench).
.PHONY: oracle-deps random-oracle linalg-oracle
oracle: random-oracle linalg-oracle print-oracle
nd-oracle print-oracle random-oracle linalg-oracle: oracle-deps
oracle-deps:
	@tools/deps.sh bench
random-oracle:
	/usr/bin/python3 tests/random/gen_oracle.py > tests/random/oracle.h.tmp
	mv tests/random/oracle.h.tmp tests/random/oracle.h
linalg-oracle:
	/usr/bin/python3 tests/random/gen_linalg.py \
	    > tests/random/linalg_oracle.h.tmp
	mv tests/random/linalg_oracle.h.tmp tests/random/linalg_oracle.h

# make bench: solve/inv 256, eig 128, matmul 256/1024 (and 8x8 matmul
# and det for per-call overhead) as a learner runs them - the same
# script under `pyprep run` and under NumPy - next to the nd_linalg calls
# timed from C, whose program also measures where dgemm overtakes a plain
# loop. With OpenBLAS's default threads for NumPy and C, and with one
# (pyprep's policy; the pyprep column always runs one). Every side uses
# the CPU's own OpenBLAS kernels: an OPENBLAS_CORETYPE pin in the
# environment (this dev machine has Haswell) is dropped for all of them.
BENCH_TARGETS += bench-linalg
.PHONY: bench-linalg
$(BUILD)/tests/bench/linalg_bench: tests/bench/linalg_bench.c $(ENGINE_LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -O2 -o $@ $< $(ENGINE_LIB) $(LINALG_LIBS) -lm

bench-linalg: $(BUILD)/tests/bench/linalg_bench $(BUILD)/pyprep
	@unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE; for t in default 1; do \
	    if [ $$t = 1 ]; then export OPENBLAS_NUM_THREADS=1; fi; \
	    echo "== linalg bench, OpenBLAS threads: $$t"; \
	    $< > $<.txt && \
	    $(BUILD)/pyprep run tests/bench/linalg_run.py > $<.pyprep && \
	    /usr/bin/python3 tests/bench/linalg_run.py > $<.numpy && \
	    /usr/bin/python3 tests/bench/linalg_bench.py $<.txt $<.pyprep \
	        $<.numpy || exit 1; \
	done
