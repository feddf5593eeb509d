#!/bin/sh
# Run one libFuzzer harness for a while and file what it finds.
# Usage: fuzz/run.sh BUILD NAME SECONDS [libFuzzer options...]
#        fuzz/run.sh BUILD NAME sign FILE...   (print each input's fault signature)
#   BUILD     the build tree ($(BUILD) of the Makefile); the harness is
#             BUILD/fuzz/fuzz_NAME, its seeds BUILD/fuzz/seed-NAME
#   NAME      decode | normalize | layout | patterns | pipeline
#   SECONDS   -max_total_time
# Environment: FUZZ_TIMEOUT (s per input, default 10), FUZZ_RSS_MB (2560),
# FUZZ_MAX_LEN (65536), FUZZ_KEEP_GOING=1 (fork mode: go on after a crash).
#
# The growing corpus lives in BUILD/fuzz/corpus-NAME and is reused by the
# next run. Every crash, timeout, leak or out-of-memory input is replayed to
# learn what broke, and copied to tests/hostile/regress/NAME-WHAT-WHERE.bin
# (WHAT: the sanitizer's or invariant's verdict, WHERE: the first library
# frame, or the harness line and first word of an invariant's message), one
# file per distinct fault (regress/signatures.txt lists the signature of each
# filed fault, whatever its file is called); the report goes to
# BUILD/fuzz/reports/. Exit 1 if anything was found.
set -u
# Bytes, not characters: reports quote inputs that are not UTF-8.
LC_ALL=C
export LC_ALL
build=$1
name=$2
secs=$3
shift 3
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
dir=$build/fuzz
bin=$dir/fuzz_$name
corpus=$dir/corpus-$name
seeds=$dir/seed-$name
art=$dir/artifacts-$name
reports=$dir/reports
log=$dir/log-$name.txt
regress=tests/hostile/regress
mkdir -p "$corpus" "$art" "$reports" "$regress"
dict=fuzz/baogao.dict
[ "$name" = patterns ] && dict=fuzz/patterns.dict

timeout_s=${FUZZ_TIMEOUT:-10}
# Stacks for UBSan reports too, so a finding says where it broke.
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
export UBSAN_OPTIONS
keep=
[ "${FUZZ_KEEP_GOING:-0}" = 1 ] && keep="-fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1"

# What broke, from a replay's report: "heap-buffer-overflow", "invariant",
# "timeout", "leak", "oom", "ubsan-signed-integer-overflow", ...
verdict() {
    r=$1
    if grep -aq 'invariant broken' "$r"; then echo invariant
    elif grep -aq 'ERROR: libFuzzer: timeout' "$r"; then echo timeout
    elif grep -aq 'out-of-memory' "$r"; then echo oom
    elif grep -aq 'ERROR: LeakSanitizer' "$r"; then echo leak
    elif grep -aq 'ERROR: AddressSanitizer' "$r"; then
        grep -a -m1 'ERROR: AddressSanitizer' "$r" | sed -E 's/.*AddressSanitizer: ([a-z-]+).*/\1/'
    elif grep -aq 'runtime error:' "$r"; then
        m=$(grep -a -m1 'runtime error:' "$r" | sed -E 's/.*runtime error: //')
        case $m in
        addition\ of\ unsigned\ offset*|subtraction\ of\ unsigned\ offset*|pointer\ index*|applying*offset*)
            echo ubsan-pointer-overflow ;;
        signed\ integer\ overflow*) echo ubsan-signed-integer-overflow ;;
        *shift*) echo ubsan-shift ;;
        *misaligned*) echo ubsan-misaligned ;;
        *null\ pointer*) echo ubsan-null ;;
        index*out\ of\ bounds*) echo ubsan-bounds ;;
        *division\ by\ zero*) echo ubsan-division-by-zero ;;
        *) echo "ubsan-$(echo "$m" | sed -E 's/ of .*//; s/[^A-Za-z]+/-/g' | cut -c1-40)" ;;
        esac
    elif grep -aq 'deadly signal' "$r"; then echo signal
    else echo crash
    fi
}

# Where: the first frame in the library (or, for an invariant, the harness line).
where() {
    r=$1
    w=$(grep -aE '^ +#[0-9]+ .* in [A-Za-z_0-9]+ .*/lib/[a-z_0-9]+\.c:[0-9]+' "$r" | head -n 1 \
        | sed -E 's/.* in ([A-Za-z_0-9]+) .*\/lib\/([a-z_0-9]+)\.c:([0-9]+).*/\2-\1/')
    if [ -z "$w" ] || grep -aq 'invariant broken' "$r"; then
        # "fuzz/fuzz_X.c:N: invariant broken: COND | WORD ..." -> fuzz_X-N-WORD
        w=$(grep -a -m1 'invariant broken' "$r" \
            | sed -E 's/^.*fuzz\/([a-z_]+)\.[ch]:([0-9]+): invariant broken: .* \| ([A-Za-z_]+).*/\1-\2-\3/;
                      s/^.*fuzz\/([a-z_]+)\.[ch]:([0-9]+).*/\1-\2/')
    fi
    echo "${w:-unknown}"
}

# "fuzz/run.sh BUILD NAME sign FILE...": print the signature of each input
# (to list hand-named regression files in regress/signatures.txt).
if [ "$secs" = sign ]; then
    for f in "$@"; do
        "$bin" -timeout="$timeout_s" "$f" > "$reports/sign.txt" 2>&1
        case $(basename "$f") in *timeout*) what=timeout ;; *) what=$(verdict "$reports/sign.txt") ;; esac
        echo "$name-$what-$(where "$reports/sign.txt") $(basename "$f")"
    done
    exit 0
fi

start=$(date +%s)
# shellcheck disable=SC2086
"$bin" -max_total_time="$secs" -timeout="$timeout_s" -rss_limit_mb="${FUZZ_RSS_MB:-2560}" \
    -max_len="${FUZZ_MAX_LEN:-65536}" -dict="$dict" -artifact_prefix="$art/" -print_final_stats=1 \
    $keep "$@" "$corpus" "$seeds" > "$log" 2>&1
rc=$?
end=$(date +%s)
# the last progress line, "#N ... cov: C" (fork mode: "#N: cov: C")
last=$(grep -aE '^#[0-9]+:?[[:space:]].*cov: [0-9]+' "$log" | tail -n 1)
execs=$(echo "$last" | sed -E 's/^#([0-9]+).*/\1/')
cov=$(echo "$last" | sed -E 's/.*cov: ([0-9]+).*/\1/')
echo "fuzz $name: ran $((end - start)) s, ${execs:-?} inputs, coverage ${cov:-?}, exit $rc (log $log)"


found=0
dups=0
for a in "$art"/crash-* "$art"/timeout-* "$art"/leak-* "$art"/oom-*; do
    [ -f "$a" ] || continue
    id=$(basename "$a")
    rep=$reports/$name-$id.txt
    "$bin" -timeout="$timeout_s" -rss_limit_mb="${FUZZ_RSS_MB:-2560}" "$a" > "$rep" 2>&1
    rrc=$?
    case $id in
    timeout-*) what=timeout ;;
    oom-*) what=oom ;;
    *)
        if [ "$rrc" = 0 ]; then
            # fork mode sometimes keeps an input that does not crash alone
            echo "  $id: does not reproduce alone, not filed"
            rm -f "$a" "$rep"
            continue
        fi
        what=$(verdict "$rep") ;;
    esac
    loc=$(where "$rep")
    sig=$name-$what-$loc
    dest=$regress/$sig.bin
    found=1
    # regress/signatures.txt maps a fault's signature to the file that shows it,
    # so a fault filed under a hand-chosen name is not filed again
    if [ -f "$dest" ] || grep -q "^$sig " "$regress/signatures.txt" 2>/dev/null; then
        dups=$((dups + 1))         # same fault as a filed one
    else
        echo "$sig $(basename "$dest")" >> "$regress/signatures.txt"
        cp "$a" "$dest"
        cp "$rep" "$reports/$(basename "$dest" .bin).txt"
        echo "  NEW: $dest ($(wc -c < "$a") bytes), report $reports/$(basename "$dest" .bin).txt"
        grep -a -m3 -E 'invariant broken|ERROR:|runtime error:|SUMMARY' "$rep" | cut -c1-300 | sed 's/^/    /'
    fi
    rm -f "$a" "$rep"
done
[ "$dups" -gt 0 ] && echo "  $dups more input(s) of faults already filed in $regress/"
[ "$found" = 0 ] && [ "$rc" != 0 ] && { echo "  the fuzzer failed without an artifact:"; tail -n 20 "$log"; found=1; }
exit "$found"
