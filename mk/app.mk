# mk/app.mk - the app's benchmarks.
BENCH_TARGETS += bench-list

.PHONY: bench-list
bench-list: pyprep
	@tests/bench/list.sh ./pyprep
