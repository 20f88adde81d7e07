# mk/grade.mk - the grader's extra targets (included by the Makefile).
#
# fuzz-grade: libFuzzer + ASan/UBSan over the grading core (needs clang).
# FUZZ_GRADE_SECONDS bounds the run (the issue asks for >= 600 in the
# notes' run; `make fuzz` uses the default). Crashes land in
# $(BUILD)/fuzz/grade-artifacts/.

FUZZ_CC ?= clang
FUZZ_GRADE_SECONDS ?= 60
FUZZ_GRADE_SRC := engine/grade.c engine/grade_explain.c engine/grade_load.c \
                  $(wildcard engine/sandbox*.c)

.PHONY: fuzz-grade

$(BUILD)/fuzz/fuzz_grade: tests/fuzz/fuzz_grade.c $(FUZZ_GRADE_SRC) \
                          engine/grade.h engine/grade_int.h
	@mkdir -p $(@D)
	$(FUZZ_CC) -std=c11 $(DEFS) -g -O1 -Iengine $(ENGINE_CFLAGS) \
	    -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	    -o $@ tests/fuzz/fuzz_grade.c $(FUZZ_GRADE_SRC) $(ENGINE_LIBS)

fuzz-grade: $(BUILD)/fuzz/fuzz_grade
	@mkdir -p $(BUILD)/fuzz/grade-corpus $(BUILD)/fuzz/grade-artifacts
	$(BUILD)/fuzz/fuzz_grade -max_total_time=$(FUZZ_GRADE_SECONDS) \
	    -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
	    -artifact_prefix=$(BUILD)/fuzz/grade-artifacts/ \
	    $(BUILD)/fuzz/grade-corpus

FUZZ_TARGETS += fuzz-grade
