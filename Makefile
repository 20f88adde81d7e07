# ENGINEERS WORKING IN THIS TREE IN PARALLEL: read docs/HELPERS.md (shared-tree
# rules, build dirs, commits, deadline) and docs/INTERFACES.md before editing.

# pyprep - build, test and install.
#
# `make run` and `make test` are the whole set-up: both first run the deps
# step, which installs missing Debian packages (as root) or says what to run.
# Objects go under $(BUILD); `make check-asan` reuses every rule with
# BUILD=build-asan and sanitizer flags, so the same tests run both ways.
# engine/ builds into its own archive and never sees app/ headers.
# Modules may add rules in mk/*.mk (fuzz and bench targets, extra tests).

PREFIX  ?= /usr/local
DESTDIR ?=
BUILD   ?= build
CC      ?= cc
VERSION := 0.1.0

PKGS      := ncursesw lua5.4 libpcre2-8 sqlite3
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LUA_CFLAGS = $(shell pkg-config --cflags lua5.4 2>/dev/null)
LUA_LIBS   = $(shell pkg-config --libs lua5.4 2>/dev/null)
# engine/ may use Lua and PCRE2 (the grader's patterns), nothing of app/.
ENGINE_PKGS := lua5.4 libpcre2-8
ENGINE_CFLAGS = $(shell pkg-config --cflags $(ENGINE_PKGS) 2>/dev/null)
# LAPACK/BLAS (OpenBLAS through Debian's alternatives) for nd_linalg.
LINALG_LIBS   = $(shell pkg-config --libs lapack blas 2>/dev/null \
                  || echo -llapack -lblas)
ENGINE_LIBS   = $(shell pkg-config --libs $(ENGINE_PKGS) 2>/dev/null) \
                $(LINALG_LIBS) -lm

OPT      ?= -O2
SAN      ?=
CFLAGS   ?= $(OPT) -g
WARN     := -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wno-unused-parameter
DEFS     := -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
            -DPYPREP_VERSION='"$(VERSION)"' -DPYPREP_PREFIX='"$(PREFIX)"'
ALL_CFLAGS = $(WARN) $(DEFS) $(CFLAGS) $(SAN) -Iengine
LDLIBS_ALL = $(PKG_LIBS) $(LINALG_LIBS) -lm

ENGINE_SRC := $(wildcard engine/*.c)
APP_SRC    := $(wildcard app/*.c)
ENGINE_OBJ := $(ENGINE_SRC:%.c=$(BUILD)/%.o)
APP_OBJ    := $(APP_SRC:%.c=$(BUILD)/%.o)
APP_LIBOBJ := $(filter-out $(BUILD)/app/main.o,$(APP_OBJ))
ENGINE_LIB := $(BUILD)/libpyprep-engine.a

# C test programs: tests/engine/*.c link the engine only; tests/app/*.c
# link the app's objects (not main) too.
TEST_ENGINE_SRC := $(wildcard tests/engine/*.c)
TEST_APP_SRC    := $(wildcard tests/app/*.c)
TEST_BINS := $(TEST_ENGINE_SRC:%.c=$(BUILD)/%.t) $(TEST_APP_SRC:%.c=$(BUILD)/%.t)

# Every TAP test prove runs: the C programs, then scripts in tests/*/ whose
# names end in .t (executable, any language).
TEST_SCRIPTS = $(sort $(wildcard tests/*/*.t))

# Module fragments add FUZZ_TARGETS, BENCH_TARGETS and their own rules.
.DEFAULT_GOAL := all
FUZZ_TARGETS  :=
BENCH_TARGETS :=
-include mk/*.mk

.PHONY: all run test deps check-asan install uninstall clean bench fuzz \
        test-bins format
all: pyprep

deps:
	@./tools/deps.sh

# The binary lives at the top so it finds lessons/ and exercises/ beside it.
# (copy then rename: a running ./pyprep is replaced, not written into)
pyprep: $(BUILD)/pyprep
	@cp $< $@.tmp && mv -f $@.tmp $@

$(BUILD)/pyprep: $(APP_OBJ) $(ENGINE_LIB)
	$(CC) $(CFLAGS) $(SAN) -o $@ $(APP_OBJ) $(ENGINE_LIB) $(LDLIBS_ALL)

$(ENGINE_LIB): $(ENGINE_OBJ)
	@rm -f $@
	ar rcs $@ $^

# engine/ sees only its own headers and Lua's; app/ sees engine/ and libs.
$(BUILD)/engine/%.o: engine/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ENGINE_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/app/%.o: app/%.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/engine/%.t: tests/engine/%.c $(ENGINE_LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ENGINE_CFLAGS) -Itests -o $@ $< $(ENGINE_LIB) \
	    $(ENGINE_LIBS)

$(BUILD)/tests/app/%.t: tests/app/%.c $(APP_LIBOBJ) $(ENGINE_LIB)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) -Iapp -Itests -o $@ $< \
	    $(APP_LIBOBJ) $(ENGINE_LIB) $(LDLIBS_ALL)

test-bins: pyprep $(TEST_BINS)

# The test suite. PYPREP tells the scripts which binary to drive.
PROVE ?= prove
test: deps
	@$(MAKE) --no-print-directory test-bins
	PYPREP=$(CURDIR)/pyprep BUILD=$(BUILD) $(PROVE) -j2 --exec '' \
	    $(TEST_BINS) $(TEST_SCRIPTS)

check-asan: deps
	@$(MAKE) --no-print-directory BUILD=build-asan OPT=-O1 \
	    SAN='-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' \
	    build-asan/pyprep $(TEST_BINS:$(BUILD)/%=build-asan/%)
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
	PYPREP=$(CURDIR)/build-asan/pyprep BUILD=build-asan PYPREP_ASAN=1 \
	    $(PROVE) -j2 --exec '' $(TEST_BINS:$(BUILD)/%=build-asan/%) \
	    $(TEST_SCRIPTS)

run: deps
	@$(MAKE) --no-print-directory pyprep
	./pyprep

# Long-running jobs, kept out of `make test`; results go in the notes.
bench:
	@./tools/deps.sh bench
	@$(MAKE) --no-print-directory pyprep $(BENCH_TARGETS)

fuzz:
	@./tools/deps.sh fuzz
	@$(MAKE) --no-print-directory $(FUZZ_TARGETS)

MANDIR = $(PREFIX)/share/man/man1
SHAREDIR = $(PREFIX)/share/pyprep
install: pyprep
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(SHAREDIR) $(DESTDIR)$(MANDIR)
	install -m 755 pyprep $(DESTDIR)$(PREFIX)/bin/pyprep
	cp -R lessons exercises $(DESTDIR)$(SHAREDIR)/
	install -m 644 man/pyprep.1 $(DESTDIR)$(MANDIR)/pyprep.1

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/pyprep $(DESTDIR)$(MANDIR)/pyprep.1
	rm -rf $(DESTDIR)$(SHAREDIR)

clean:
	rm -rf build build-asan pyprep

format:
	clang-format -i $(ENGINE_SRC) $(APP_SRC) $(wildcard engine/*.h app/*.h)

-include $(ENGINE_OBJ:.o=.d) $(APP_OBJ:.o=.d)
