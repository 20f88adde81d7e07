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
