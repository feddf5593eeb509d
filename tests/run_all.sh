#!/bin/sh
# Run every test suite; the last line is "N passed, N failed" over all of them.
# BUILD names the build tree (build, or build-san for the sanitizer build).
# VALGRIND=1 runs every test program and every baogao under valgrind
# (tests/valgrind/vg.sh); each suite then also fails on any valgrind report
# with an error or a leak (tests/valgrind/check.sh).
BUILD=${BUILD:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
total_pass=0
total_fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

B=$BUILD/baogao
G=$BUILD/tests/golden
WRAP=
if [ "${VALGRIND:-}" = 1 ]; then
    command -v valgrind >/dev/null 2>&1 || { echo "valgrind is not installed (apt-get install valgrind)"; echo "0 passed, 1 failed"; exit 1; }
    vgdir=$top/$BUILD/valgrind
    rm -rf "$vgdir"
    VG_LOGDIR=$vgdir/logs
    mkdir -p "$VG_LOGDIR" "$vgdir/bin"
    chmod 1777 "$VG_LOGDIR"        # the batch test runs baogao as nobody
    WRAP=$top/tests/valgrind/vg.sh
    export VG_LOGDIR TEST_WRAP="$WRAP"
    # baogao and golden as commands of their own, so that every way a test
    # starts them (sh -c, GNU parallel, script, a copy run as nobody) is covered.
    for p in baogao tests/golden; do
        printf '#!/bin/sh\nVG_LOGDIR=%s exec %s %s "$@"\n' "$VG_LOGDIR" "$WRAP" "$top/$BUILD/$p" > "$vgdir/bin/${p#tests/}"
        chmod 755 "$vgdir/bin/${p#tests/}"
    done
    B=$vgdir/bin/baogao
    G=$vgdir/bin/golden
fi
# Add the "NAME: N passed, N failed" line of one suite to the totals; a suite
# that crashed or printed no such line counts as one failure.
run_suite() {
    name=$1
    shift
    "$@" >"$log" 2>&1
    rc=$?
    line=$(grep -E '^[A-Za-z0-9_ -]+: [0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
    if [ -z "$line" ]; then
        cat "$log"
        echo "$name: no result line (exit $rc): counted as 1 failed"
        total_fail=$((total_fail + 1))
        return
    fi
    p=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed.*/\1/')
    f=$(echo "$line" | sed -E 's/.*: ([0-9]+) passed, ([0-9]+) failed.*/\2/')
    if [ "$f" -ne 0 ] || [ "$rc" -ne 0 ]; then
        cat "$log"
        [ "$f" -eq 0 ] && f=1
    fi
    echo "$line"
    total_pass=$((total_pass + p))
    total_fail=$((total_fail + f))
    if [ -n "$WRAP" ]; then
        sh tests/valgrind/check.sh "$name" "$VG_LOGDIR" "${vg_killed:-0}" || total_fail=$((total_fail + 1))
    fi
}

for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    run_suite "$(basename "$t")" $WRAP "$t" tests/peer-cases/recognizers-number-zh.json
done
run_suite golden "$G" schema/baogao.schema.json $(find corpus -name '*.txt' ! -name '*.expect.*' | sort)
run_suite cli sh tests/cli/run.sh "$B" "$G"
run_suite html sh tests/html/run.sh "$BUILD"
# The batch test kills one run halfway on purpose (then --resume).
vg_killed=1
run_suite batch env BATCH_BAOGAO="${WRAP:+$B}" sh tests/batch/run.sh "$BUILD"
# The multi-host test loses a host while it runs a job, twice (at most two
# baogao runs each time, under valgrind unfinished).
vg_killed=4
run_suite multihost env MULTIHOST_BAOGAO="${WRAP:+$B}" sh tests/multihost/run.sh "$BUILD"
vg_killed=0
# Hostile inputs: the sanitizer build and valgrind run the small ones (the
# large ones check time and memory, which the sanitizers and valgrind distort).
case "$BUILD" in *san*) small=1 ;; *) small= ;; esac
[ -n "$WRAP" ] && small=1
run_suite hostile env HOSTILE_SMALL=$small sh tests/hostile/run.sh "$B"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
