# mk/print.mk - nd_print's extra targets (included by the Makefile).
#
# print-oracle: regenerate tests/print/*.txt from NumPy 1.24 (needs the
# system Python with NumPy); bench-print and fuzz-print join `make bench`
# and `make fuzz`. Programs are built from tests/print/*.c.

PRINT_PY ?= /usr/bin/python3
FUZZ_PRINT_ITERS ?= 200000

.PHONY: print-oracle bench-print fuzz-print

print-oracle:
	$(PRINT_PY) tests/print/gen_oracle.py

$(BUILD)/tests/print/%: tests/print/%.c $(ENGINE_LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -o $@ $< $(ENGINE_LIB) $(LUA_LIBS) -lm

bench-print: $(BUILD)/tests/print/bench_print
	$(BUILD)/tests/print/bench_print

fuzz-print: $(BUILD)/tests/print/fuzz_print
	$(BUILD)/tests/print/fuzz_print $(FUZZ_PRINT_ITERS)

BENCH_TARGETS += bench-print
FUZZ_TARGETS += fuzz-print
