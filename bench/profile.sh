#!/bin/bash
# bench/profile.sh [BUILD] [ENCODING] — instruction counts (callgrind: exact and
# repeatable, unlike wall time on a shared machine) of one baogao run over the
# corpus templates of `make bench`, 4 copies each (BUILD/bench/tpl/ENCODING,
# ENCODING utf8 or gb18030, default gb18030). Prints instructions per input
# byte and the top functions, inclusive; the full profile stays in
# BUILD/bench/callgrind.out for callgrind_annotate.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${1:-build-bench}
ENC=${2:-gb18030}
B=${BAOGAO:-$top/$BUILD/baogao}     # BAOGAO=PATH: profile another binary on the same files
T=$top/$BUILD/bench/tpl/$ENC
[ -d "$T" ] || { echo "profile: run make bench first (no $T)"; exit 2; }
command -v valgrind > /dev/null || { echo "profile: valgrind missing"; exit 2; }
files=()
for r in 1 2 3 4; do for f in "$T"/*.txt; do files+=("$f"); done; done
bytes=$(cat "${files[@]}" | wc -c)
out=$top/$BUILD/bench/callgrind.out
# JIT on as in a normal run (lib/patterns.c turns it off under valgrind otherwise)
BAOGAO_VALGRIND_JIT=1 valgrind --tool=callgrind --callgrind-out-file="$out" "$B" "${files[@]}" > /dev/null 2> "$out.log"
total=$(grep -E '^(summary|totals):' "$out" | head -n 1 | awk '{ print $2 }')
echo "profile: ${#files[@]} files, $bytes bytes ($ENC): $total instructions, $((total / bytes)) per input byte"
callgrind_annotate --inclusive=yes "$out" 2> /dev/null | grep -E '^ *[0-9,]+ \(' | grep -v '???' | grep -F '[' | grep -v -e libc-start -e '(below main)' | sed -n '1,30p'
