#!/bin/sh
# vg.sh PROGRAM [ARGS...] — run PROGRAM under valgrind's memcheck the way
# `make test VALGRIND=1` and `make valgrind-batch` do, with its report in a
# file of its own under $VG_LOGDIR (never on standard error, which the
# tests compare byte for byte).
#
# A memory error or a leak makes PROGRAM exit with 99, so a test that checks
# the exit status fails; tests/valgrind/check.sh then reads every report, so a
# run whose exit status no test looks at is caught as well.
#
# Leaks that count: definite, indirect and possible. A "possibly lost" block
# is one only an interior pointer reaches: in baogao, the compiled
# expressions (lib/patterns.c gives PCRE2 memory past a header of its own),
# so the expressions of a pattern set still held, unfreed, at exit show as
# possibly lost. Every program under test frees its set; the fuzz replay
# tools keep theirs for the whole process (make fuzz-replay with this
# wrapper reports them). "Still reachable" blocks do not count: baogao's
# only one is held on purpose until exit (the CLI's table of temporary files
# its signal handler removes, 4 KB a job); after a page in traditional
# characters, OpenCC's t2s converter, opened then for the rest of the
# process (lib/trad.c), the dynamic loader's records of the library, and the
# C++ runtime's own pool.
#
# A child of fork() is not reported: the only one is the shell a unit test
# starts with system() to remove its directory, which exec()s /bin/sh at
# once, so its report would stay unfinished.
#
# Environment: VG_LOGDIR (required), a directory every user may write
# (the batch test runs baogao as nobody).
: "${VG_LOGDIR:?vg.sh: set VG_LOGDIR}"
here=$(cd "$(dirname "$0")" && pwd)
# The report's name: the process id and the time, so that a reused id
# never overwrites an earlier report.
VG_TAG=$(date +%s%N)
export VG_TAG
exec valgrind --tool=memcheck --leak-check=full \
    --show-leak-kinds=definite,indirect,possible \
    --errors-for-leak-kinds=definite,indirect,possible \
    --error-exitcode=99 --num-callers=30 \
    --child-silent-after-fork=yes \
    --suppressions="$here/valgrind.supp" \
    --log-file="$VG_LOGDIR/vg.%p.%q{VG_TAG}.log" "$@"
