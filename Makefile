# baogao — build, test, demo. `make demo` and `make test` do all set-up on a
# fresh Debian machine (missing build dependencies are installed with apt-get).

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes
STD     := -std=c11 -D_DEFAULT_SOURCE
PREFIX  ?= /usr/local
DESTDIR ?=

VERSION := 0.1.0
SOMAJOR := 0

# SAN=1: address and undefined-behaviour sanitizers, in a build tree of their own.
ifeq ($(SAN)$(VALGRIND),11)
$(error SAN=1 and VALGRIND=1 do not mix: valgrind cannot run sanitized programs)
endif
ifeq ($(SAN),1)
BUILD   ?= build-san
SANFLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
CFLAGS  := -O1 -g
else
BUILD   ?= build
SANFLAGS :=
endif

PKGS     := libpcre2-8 libutf8proc libcjson
# OpenCC: its header only; lib/trad.c loads the library when it needs it.
DEP_CFLAGS = $(shell pkg-config --cflags $(PKGS) opencc 2>/dev/null)
DEP_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)

ALL_CFLAGS = $(STD) $(WARN) $(CFLAGS) $(SANFLAGS) -Ilib -I$(BUILD) $(DEP_CFLAGS) -fPIC -fvisibility=hidden
LDLIBS     = $(DEP_LIBS)

LIB_SRC := $(wildcard lib/*.c)
LIB_OBJ := $(patsubst lib/%.c,$(BUILD)/lib/%.o,$(LIB_SRC)) $(BUILD)/lib/patterns_builtin.o
PATTERNS := $(sort $(wildcard patterns/*.txt))

UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))

.PHONY: all deps demo test unit clean
all: deps $(BUILD)/baogao $(BUILD)/libbaogao.a $(BUILD)/libbaogao.so.$(VERSION) $(UNIT_BIN) $(BUILD)/tests/golden

# Install what is missing, once, in one apt-get run (mk/deps.sh); a machine
# that has everything is left alone. Every compile waits for it (order-only),
# so `make -j` never compiles before the headers are there. mk/*.mk add to
# both lists.
DEP_MODULES  := libpcre2-8:libpcre2-dev libutf8proc:libutf8proc-dev libcjson:libcjson-dev opencc:libopencc-dev
DEP_COMMANDS := cc:build-essential make:build-essential python3:python3
deps:
	@sh mk/deps.sh "$(DEP_MODULES)" "$(DEP_COMMANDS)"

$(BUILD)/lib $(BUILD)/tests $(BUILD)/cli $(BUILD)/tools:
	mkdir -p $@

$(BUILD)/tools/embed: tools/embed.c | $(BUILD)/tools deps
	$(CC) $(STD) $(WARN) -O2 -o $@ $<

$(BUILD)/lib/patterns_builtin.c: $(PATTERNS) $(BUILD)/tools/embed | $(BUILD)/lib
	$(BUILD)/tools/embed $@ $(PATTERNS)

# Which ideographs are traditional-only, from OpenCC's tables (lib/trad.h).
$(BUILD)/tools/trad_only: tools/trad_only.c | $(BUILD)/tools deps
	$(CC) $(STD) $(WARN) -O2 $(shell pkg-config --cflags opencc) -o $@ $< $(shell pkg-config --libs opencc)

$(BUILD)/lib/trad_only.inc: $(BUILD)/tools/trad_only | $(BUILD)/lib
	$(BUILD)/tools/trad_only $@

$(BUILD)/lib/trad.o $(BUILD)/fuzz/lib/trad.o: $(BUILD)/lib/trad_only.inc

$(BUILD)/lib/%.o: lib/%.c lib/*.h | $(BUILD)/lib deps
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/lib/patterns_builtin.o: $(BUILD)/lib/patterns_builtin.c lib/patterns.h | deps
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/libbaogao.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/libbaogao.so.$(VERSION): $(LIB_OBJ)
	$(CC) -shared $(SANFLAGS) -Wl,-soname,libbaogao.so.$(SOMAJOR) -o $@ $^ $(LDLIBS)

$(BUILD)/baogao: cli/main.c lib/baogao.h $(BUILD)/libbaogao.a | $(BUILD)/cli deps
	$(CC) $(STD) $(WARN) $(CFLAGS) $(SANFLAGS) -Ilib -o $@ cli/main.c $(BUILD)/libbaogao.a $(LDLIBS)

# Unit tests see the library's internals: they link the static library.
$(BUILD)/tests/%: tests/unit/%.c $(wildcard tests/unit/*.h) $(BUILD)/libbaogao.a | $(BUILD)/tests deps
	$(CC) $(STD) $(WARN) $(CFLAGS) $(SANFLAGS) -Ilib -I$(BUILD) $(DEP_CFLAGS) -o $@ $< $(BUILD)/libbaogao.a $(LDLIBS)

$(BUILD)/tests/golden: tests/golden.c tests/jsoncheck.c tests/jsoncheck.h $(BUILD)/libbaogao.a | $(BUILD)/tests deps
	$(CC) $(STD) $(WARN) $(CFLAGS) $(SANFLAGS) -Ilib -Itests $(DEP_CFLAGS) -o $@ tests/golden.c tests/jsoncheck.c $(BUILD)/libbaogao.a $(LDLIBS)

# VALGRIND=1: the same suite with every test program and every baogao run
# under valgrind (tests/valgrind/), on the normal build tree.
test: all
	@BUILD=$(BUILD) VALGRIND=$(VALGRIND) sh tests/run_all.sh

demo: all
	@sh tests/demo.sh $(BUILD)/baogao

clean:
	rm -rf build build-san

# Further targets (fuzzing, benchmarks, install) live in mk/*.mk.
-include mk/*.mk
