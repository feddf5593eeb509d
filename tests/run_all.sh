#!/bin/sh
# Run every test suite; the last line is "N passed, N failed" over all of them.
# BUILD names the build tree (build, or build-san for the sanitizer build).
BUILD=${BUILD:-build}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
total_pass=0
total_fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

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
}

for t in "$BUILD"/tests/test_*; do
    [ -x "$t" ] || continue
    run_suite "$(basename "$t")" "$t" ../shared/peer-cases/recognizers-number-zh.json
done
run_suite golden "$BUILD/tests/golden" schema/baogao.schema.json $(find corpus -name '*.txt' ! -name '*.expect.*' | sort)
run_suite cli sh tests/cli/run.sh "$BUILD/baogao" "$BUILD/tests/golden"
run_suite html sh tests/html/run.sh "$BUILD"
run_suite batch sh tests/batch/run.sh "$BUILD"
# Hostile inputs: the sanitizer build runs the small ones (the large ones
# check time and memory, which the sanitizers distort).
case "$BUILD" in *san*) small=1 ;; *) small= ;; esac
run_suite hostile env HOSTILE_SMALL=$small sh tests/hostile/run.sh "$BUILD/baogao"
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" -eq 0 ]
