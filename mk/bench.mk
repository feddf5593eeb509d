# mk/bench.mk — `make bench`: the performance figures of issue 8 (bench/README.md).
# Builds an optimized baogao in a tree of its own, $(BENCH_BUILD) (build-bench/),
# so build/ and build-san/ are left alone, then runs bench/run.sh on it: a scaled
# corpus under $(BENCH_BUILD)/bench/, and a table with PASS/FAIL per target.
#
#   make bench [BENCH_MB=50] [BENCH_REPEAT=3] [BENCH_STRICT=1]
#   make bench-clean

BENCH_BUILD  ?= build-bench
BENCH_CFLAGS ?= -O2 -g

.PHONY: bench bench-build bench-clean

bench-build:
	@$(MAKE) --no-print-directory BUILD=$(BENCH_BUILD) SAN= CFLAGS="$(BENCH_CFLAGS)" $(BENCH_BUILD)/baogao

bench: bench-build
	@BENCH_MB=$(or $(BENCH_MB),50) BENCH_REPEAT=$(or $(BENCH_REPEAT),3) BENCH_STRICT=$(or $(BENCH_STRICT),0) \
	    bash bench/run.sh $(BENCH_BUILD)

bench-clean:
	rm -rf $(BENCH_BUILD)
