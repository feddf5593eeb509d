# mk/valgrind.mk — valgrind (issue 7). Included by the main Makefile.
#
#   make test VALGRIND=1   the whole suite, every test program and every baogao
#                          run under valgrind (tests/run_all.sh, tests/valgrind/vg.sh)
#   make valgrind-batch    2344 files made from corpus/ through one baogao process,
#                          -j 1 and -j 2, under valgrind (tests/valgrind/batch.sh);
#                          about 3.5 minutes, not part of make test (CI runs it)
#
# Both install valgrind with apt-get when it is missing.

.PHONY: deps-valgrind

# After deps (order-only), so that two apt-get runs never overlap.
deps-valgrind: | deps
	@sh mk/deps.sh "" "valgrind:valgrind"

ifeq ($(VALGRIND),1)
DEP_COMMANDS += valgrind:valgrind
endif

# lib/patterns.c leaves PCRE2's JIT off under valgrind when valgrind/valgrind.h
# is there at build time; VALGRIND=1 installs valgrind before compiling, and
# the object is rebuilt when the header appears.
$(BUILD)/lib/patterns.o: $(wildcard /usr/include/valgrind/valgrind.h)

.PHONY: valgrind-batch
ifeq ($(SAN),1)
valgrind-batch:
	@echo "valgrind-batch: valgrind cannot run the SAN=1 build"; exit 2
else
valgrind-batch: all deps-valgrind
	@sh tests/valgrind/batch.sh $(BUILD)
endif
