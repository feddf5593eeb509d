# mk/fuzz.mk — fuzzing (fuzz/) and the hostile-input catalogue (tests/hostile/).
# Included by the main Makefile; uses its BUILD, CC, CFLAGS, SANFLAGS, STD, WARN,
# DEP_CFLAGS, LDLIBS and LIB_SRC.
#
#   make fuzz [FUZZ_SECONDS=60] [FUZZ_JOBS=1]   each harness for FUZZ_SECONDS, seeded from corpus/
#   make fuzz-smoke                             each harness for 10 s (CI)
#   make fuzz-replay [FUZZ_REPLAY_WRAP=valgrind] every tests/hostile/regress/NAME-* through
#                                               replay-NAME, built with $(CC) (SAN=1: sanitizers)
#   make hostile                                tests/hostile/run.sh on $(BUILD)/baogao
#   FUZZ_SAN=...                                the sanitizers of the harnesses (e.g. leave one
#                                               check out for a long run past a known report)
#
# The harnesses compile the library sources themselves with clang and
# -fsanitize=fuzzer,address,undefined, into $(BUILD)/fuzz/ (the library of
# $(BUILD)/ is built for $(CC) without coverage). What the fuzzers find is
# filed in tests/hostile/regress/ by fuzz/run.sh.

FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_JOBS    ?= 1
FUZZ_NAMES   := decode normalize layout patterns pipeline
FUZZ_DIR     := $(BUILD)/fuzz
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_CFLAGS   = $(STD) $(WARN) -g -O1 $(FUZZ_SAN) -Ilib -I$(BUILD) -Ifuzz $(DEP_CFLAGS)
FUZZ_LIB_OBJ := $(patsubst lib/%.c,$(FUZZ_DIR)/lib/%.o,$(LIB_SRC)) $(FUZZ_DIR)/lib/patterns_builtin.o
FUZZ_BIN     := $(addprefix $(FUZZ_DIR)/fuzz_,$(FUZZ_NAMES))
FUZZ_SEEDS   := $(addprefix $(FUZZ_DIR)/seed-,$(addsuffix .stamp,$(FUZZ_NAMES)))
REPLAY_BIN   := $(addprefix $(FUZZ_DIR)/replay-,$(FUZZ_NAMES))
FUZZ_CORPUS  := $(shell find corpus -name '*.txt' ! -name '*.expect.*' 2>/dev/null)

.PHONY: fuzz fuzz-build fuzz-smoke fuzz-replay fuzz-clean hostile

$(FUZZ_DIR)/lib:
	mkdir -p $@

# Library objects: coverage instrumentation without libFuzzer's main.
$(FUZZ_DIR)/lib/%.o: lib/%.c lib/*.h | $(FUZZ_DIR)/lib deps
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_DIR)/lib/patterns_builtin.o: $(BUILD)/lib/patterns_builtin.c lib/patterns.h | $(FUZZ_DIR)/lib deps
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_DIR)/fuzz_%: fuzz/fuzz_%.c fuzz/fuzz_common.h $(FUZZ_LIB_OBJ)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_LIB_OBJ) $(LDLIBS)

# Replay tools: the same harness with a plain main, against the library of
# $(BUILD)/ (gcc; with SAN=1 the sanitizer build), for gdb and valgrind.
$(FUZZ_DIR)/replay-%: fuzz/fuzz_%.c fuzz/fuzz_main.c fuzz/fuzz_common.h $(BUILD)/libbaogao.a | $(FUZZ_DIR)/lib deps
	$(CC) $(STD) $(WARN) $(CFLAGS) $(SANFLAGS) -Ilib -I$(BUILD) -Ifuzz $(DEP_CFLAGS) -o $@ $< fuzz/fuzz_main.c \
	    $(BUILD)/libbaogao.a $(LDLIBS)

$(FUZZ_DIR)/seed-%.stamp: fuzz/seeds.sh $(FUZZ_CORPUS) $(PATTERNS) | $(FUZZ_DIR)/lib
	sh fuzz/seeds.sh $* $(FUZZ_DIR)/seed-$*
	touch $@

# Pattern-rule chains would delete the objects as intermediates.
.SECONDARY: $(FUZZ_LIB_OBJ)

fuzz-build: $(FUZZ_BIN) $(FUZZ_SEEDS)

fuzz: fuzz-build
	@printf '%s\n' $(FUZZ_NAMES) | xargs -P $(FUZZ_JOBS) -I{} sh fuzz/run.sh $(BUILD) {} $(FUZZ_SECONDS) $(FUZZ_ARGS); \
	rc=$$?; if [ $$rc -ne 0 ]; then echo "fuzz: findings filed in tests/hostile/regress/"; exit 1; fi

# The smoke run is deterministic (a fixed seed and number of runs, from a
# fresh corpus), so CI fails only on a finding that is real and repeatable;
# `make fuzz` is the open-ended search.
fuzz-smoke:
	@rm -rf $(BUILD)/fuzz/corpus-*
	@$(MAKE) --no-print-directory fuzz FUZZ_SECONDS=120 FUZZ_ARGS="-seed=1 -runs=4000"

# Each regression input through its harness; a hang counts after 60 s.
fuzz-replay: $(REPLAY_BIN)
	@pass=0; fail=0; \
	for n in $(FUZZ_NAMES); do \
	  for f in tests/hostile/regress/$$n-*; do \
	    [ -f "$$f" ] || continue; \
	    timeout 60 $(FUZZ_REPLAY_WRAP) $(FUZZ_DIR)/replay-$$n "$$f" >/dev/null 2>$(FUZZ_DIR)/replay.err; rc=$$?; \
	    if [ $$rc -eq 0 ]; then pass=$$((pass + 1)); \
	    else fail=$$((fail + 1)); echo "FAIL: $$f (exit $$rc$$( [ $$rc -eq 124 ] && echo ', hung for 60 s'))"; \
	      grep -a -m3 -E 'invariant|ERROR|runtime error' $(FUZZ_DIR)/replay.err | cut -c1-300; fi; \
	  done; \
	done; \
	echo "fuzz-replay: $$pass passed, $$fail failed"; [ $$fail -eq 0 ]

hostile: $(BUILD)/baogao
	@sh tests/hostile/run.sh $(BUILD)/baogao

fuzz-clean:
	rm -rf $(FUZZ_DIR)
