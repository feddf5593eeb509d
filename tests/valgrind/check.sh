#!/bin/sh
# check.sh NAME LOGDIR [UNFINISHED]: read the valgrind reports tests/valgrind/vg.sh
# left in LOGDIR for the suite NAME, print one line
#   "valgrind NAME: R runs, E with errors, U unfinished, S suppressed"
# and the reports that hold errors, then empty LOGDIR (a report with errors,
# or of a run that never finished, is kept under LOGDIR/../kept/NAME/).
# A run is unfinished when its report has no ERROR SUMMARY: it was killed,
# so its leaks were never checked. UNFINISHED is how many the suite kills
# on purpose (default 0); more is a failure, like any report with errors.
# S counts the errors valgrind.supp dropped: 0 unless the library was built
# without valgrind/valgrind.h (then PCRE2's JIT code runs under valgrind).
# Exit 1 on failure.
name=$1
dir=$2
allowed=${3:-0}
kept=$dir/../kept/$name
runs=0
errors=0
unfinished=0
suppressed=0
for f in "$dir"/vg.*.log; do
    [ -f "$f" ] || continue
    runs=$((runs + 1))
    n=$(sed -n 's/.*ERROR SUMMARY: .*(suppressed: \([0-9]*\) from.*/\1/p' "$f")
    suppressed=$((suppressed + ${n:-0}))
    if grep -q 'ERROR SUMMARY: 0 errors' "$f"; then
        rm -f "$f"
        continue
    fi
    mkdir -p "$kept"
    if grep -q 'ERROR SUMMARY: ' "$f"; then
        errors=$((errors + 1))
        echo "---- valgrind errors: $kept/$(basename "$f")"
        head -n 80 "$f"
    else
        unfinished=$((unfinished + 1))
        echo "---- valgrind run unfinished (killed?): $(grep -m1 'Command:' "$f")"
    fi
    mv "$f" "$kept/"
done
echo "valgrind $name: $runs runs, $errors with errors, $unfinished unfinished, $suppressed suppressed"
[ "$runs" -gt 0 ] && [ "$errors" -eq 0 ] && [ "$unfinished" -le "$allowed" ]
