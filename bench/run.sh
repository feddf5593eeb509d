#!/bin/bash
# bench/run.sh BUILD — the figures of issue 8 for the baogao of BUILD (an
# optimized tree, build-bench/ under `make bench`). See bench/README.md.
#
# Environment: BENCH_MB (corpus size, default 50, in MiB), BENCH_REPEAT (runs of
# each corpus-wide command, best taken; default 3), BENCH_STRICT=1 (exit 1 when
# a target fails; by default the table is printed and the exit status is 0),
# BAOGAO=PATH (measure that binary instead, e.g. a build before a change).
set -u
export LC_ALL=C
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
BUILD=${1:-build-bench}
B=${BAOGAO:-$top/$BUILD/baogao}     # BAOGAO=PATH: measure another binary on the same corpus
W=$top/$BUILD/bench
MB=${BENCH_MB:-50}
REPEAT=${BENCH_REPEAT:-3}
[ -x "$B" ] || { echo "bench: $B not built (run make bench)"; exit 2; }
command -v iconv >/dev/null || { echo "bench: iconv missing"; exit 2; }
mkdir -p "$W"
err=$W/stderr.log
: > "$err"

# ---- the scaled corpus ------------------------------------------------------
# corpus/**/*.txt (not the expected files) copied into rNNN/ directories until
# the GB18030 copy holds at least $MB MiB (the UTF-8 copy is then larger), and
# corpus/seeds/001.txt with its body (all after the title line) repeated 1, 10, 100 times.
sources=$(find corpus -name '*.txt' ! -name '*.expect.*' | sort)
stamp=$(printf '%s %s\n' "$MB" "$(cat $sources | cksum)")
if [ "$(cat "$W/corpus.stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "bench: making the scaled corpus in $W (once) ..."
    rm -rf "$W/tpl" "$W/utf8" "$W/gb18030" "$W/scale"
    mkdir -p "$W/tpl/utf8" "$W/tpl/gb18030" "$W/utf8" "$W/gb18030" "$W/scale"
    for f in $sources; do
        name=$(echo "${f#corpus/}" | tr / -)
        cp "$f" "$W/tpl/utf8/$name"
        iconv -f UTF-8 -t GB18030 "$f" > "$W/tpl/gb18030/$name" || exit 2
    done
    gb_bytes=$(cat "$W"/tpl/gb18030/* | wc -c)
    reps=$(( (MB * 1048576 + gb_bytes - 1) / gb_bytes ))
    for r in $(seq -w 1 "$reps"); do
        cp -r "$W/tpl/utf8" "$W/utf8/r$r"
        cp -r "$W/tpl/gb18030" "$W/gb18030/r$r"
    done
    seed=corpus/seeds/001.txt
    head_lines=$(awk 'NF { print NR; exit }' "$seed")        # through the title line
    head -n "$head_lines" "$seed" > "$W/scale/head"
    tail -n +"$((head_lines + 1))" "$seed" > "$W/scale/body"
    for k in 1 10 100; do
        { cat "$W/scale/head"; for i in $(seq "$k"); do cat "$W/scale/body"; done; } > "$W/scale/x$k.txt"
        iconv -f UTF-8 -t GB18030 "$W/scale/x$k.txt" > "$W/scale/x$k.gb18030.txt"
    done
    printf '\351\207\221\351\242\235\n' > "$W/scale/tiny.txt"   # one word: start-up and pattern compilation only
    echo "$stamp" > "$W/corpus.stamp"
fi

cd "$W" || exit 2
mapfile -t UTF8 < <(find utf8 -name '*.txt' | sort)
mapfile -t GB < <(find gb18030 -name '*.txt' | sort)
utf8_bytes=$(cat "${UTF8[@]}" | wc -c)
gb_bytes=$(cat "${GB[@]}" | wc -c)
nfiles=${#UTF8[@]}

# ---- timing helpers ---------------------------------------------------------
now() { date +%s%N; }
# CPU seconds (user + system) used by finished children so far
# (cutime + cstime of this shell, /proc/PID/stat fields 16 and 17, in clock ticks)
TCK=$(getconf CLK_TCK 2>/dev/null || echo 100)
child_cpu() { sed 's/.*) //' "/proc/$$/stat" | awk -v t="$TCK" '{ print ($14 + $15) / t }'; }
# timed NAME CMD...: run once, stdout discarded; keep the best wall time in
# W_NAME and the CPU time of that run in C_NAME (seconds)
timed() {
    local name=$1 t0 t1 c0 c1 d c old; shift
    c0=$(child_cpu); t0=$(now)
    "$@" > /dev/null 2>> "$err" || echo "bench: exit $? from: $1 ..." >> "$err"
    t1=$(now); c1=$(child_cpu)
    d=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
    c=$(awk -v a="$c0" -v b="$c1" 'BEGIN { printf "%.4f", b - a }')
    old=$(eval echo "\${W_$name:-}")
    if [ -z "$old" ] || awk -v d="$d" -v o="$old" 'BEGIN { exit !(d < o) }'; then
        eval "W_$name=$d; C_$name=$c"
    fi
}
# Options of the CLI in use: -j N (else two processes over the halves), -q
if "$B" --help 2>/dev/null | grep -Eq '(^|[[:space:]])-j'; then HAVE_J=1; else HAVE_J=0; fi
Q=()
if "$B" --help 2>/dev/null | grep -q -- '--quiet'; then Q=(-q); fi
run_j1() {   # run_j1 FILE...: one thread
    if [ "$HAVE_J" = 1 ]; then "$B" "${Q[@]}" -j 1 "$@"; else "$B" "$@"; fi
}
run_j2() {   # run_j2 FILE...: with -j 2, or two processes over the two halves of the list
    if [ "$HAVE_J" = 1 ]; then
        "$B" "${Q[@]}" -j 2 "$@"
    else
        local a=() b=() i=0 f
        for f in "$@"; do
            if [ $((i % 2)) = 0 ]; then a+=("$f"); else b+=("$f"); fi
            i=$((i + 1))
        done
        "$B" "${a[@]}" > /dev/null & local p1=$!
        "$B" "${b[@]}" > /dev/null & local p2=$!
        local rc=0
        wait "$p1" || rc=$?
        wait "$p2" || rc=$?
        return "$rc"
    fi
}
# median wall time (seconds) of N runs of one command: hyperfine, or a plain loop
median_of() {
    local n=$1; shift
    if command -v hyperfine > /dev/null; then
        hyperfine -N --style none --warmup 3 --runs "$n" --export-csv "$W/hf.csv" -- "$(printf '%q ' "$@")" \
            > /dev/null 2>> "$err" || { echo "NaN"; return; }
        awk -F, 'NR == 2 { printf "%.6f", $4 }' "$W/hf.csv"      # command,mean,stddev,median,...
    else
        local ts=() i t0 t1
        for i in $(seq "$n"); do
            t0=$(now); "$@" > /dev/null 2>> "$err"; t1=$(now)
            ts+=($((t1 - t0)))
        done
        printf '%s\n' "${ts[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "%.6f", a[int((NR + 1) / 2)] / 1e9 }'
    fi
}
peak_kb() { /usr/bin/time -f '%M' -o "$W/time.out" "$@" > /dev/null 2>> "$err"; tail -n 1 "$W/time.out"; }

# ---- measurements -----------------------------------------------------------
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo '?')
echo "bench: $nfiles files; UTF-8 $utf8_bytes bytes, GB18030 $gb_bytes bytes; best of $REPEAT runs; $(nproc) cores; load average $load"
if awk -v l="$load" 'BEGIN { exit !(l + 0 > 0.5) }'; then
    echo "bench: warning: the machine is busy (load $load): wall times, and above all the 2-way figures, suffer"
fi
# interleaved, so that a burst of load elsewhere hits every command alike
for i in $(seq "$REPEAT"); do
    timed iconv iconv -f GB18030 -t UTF-8 "${GB[@]}"
    timed gb run_j1 "${GB[@]}"
    timed gb_j2 run_j2 "${GB[@]}"
    timed u8 run_j1 "${UTF8[@]}"
    timed u8_j2 run_j2 "${UTF8[@]}"
done
t_iconv=$W_iconv t_gb=$W_gb t_gb_j2=$W_gb_j2 t_u8=$W_u8 t_u8_j2=$W_u8_j2
t_tiny=$(median_of 50 "$B" "${Q[@]}" scale/tiny.txt)
t_seed=$(median_of 100 "$B" "${Q[@]}" "$top/corpus/seeds/001.txt")
t_x1=$(median_of 50 "$B" "${Q[@]}" scale/x1.txt)
t_x10=$(median_of 20 "$B" "${Q[@]}" scale/x10.txt)
t_x100=$(median_of 5 "$B" "${Q[@]}" scale/x100.txt)
rss_u8=$(peak_kb "$B" "${Q[@]}" scale/x100.txt)
rss_gb=$(peak_kb "$B" "${Q[@]}" scale/x100.gb18030.txt)
size_u8=$(wc -c < scale/x100.txt)
size_gb=$(wc -c < scale/x100.gb18030.txt)
x1_bytes=$(wc -c < scale/x1.txt)

# ---- the table --------------------------------------------------------------
if [ "$HAVE_J" = 1 ]; then jhow="baogao -j 2"; else jhow="2 processes, half the files each (no -j in this CLI)"; fi
awk -v n="$nfiles" -v ub="$utf8_bytes" -v gb="$gb_bytes" \
    -v ti="$t_iconv" -v tg="$t_gb" -v tg2="$t_gb_j2" -v tu="$t_u8" -v tu2="$t_u8_j2" \
    -v ci="$C_iconv" -v cg="$C_gb" -v cg2="$C_gb_j2" -v cu="$C_u8" -v cu2="$C_u8_j2" \
    -v ttiny="$t_tiny" -v tseed="$t_seed" -v t1="$t_x1" -v t10="$t_x10" -v t100="$t_x100" -v x1b="$x1_bytes" \
    -v ru="$rss_u8" -v rg="$rss_gb" -v su="$size_u8" -v sg="$size_gb" -v jhow="$jhow" '
function mbs(bytes, t) { return t > 0 ? bytes / t / 1e6 : 0 }
function verdict(ok) { fails += !ok; return ok ? "PASS" : "FAIL" }
BEGIN {
    printf "\n%-50s %12s %14s\n", "throughput (same bytes for iconv and baogao)", "wall", "per CPU second"
    printf "%-50s %12s %14s\n", "--------------------------------------------------", "------------", "--------------"
    printf "%-50s %7.1f MB/s %9.1f MB/s\n", "iconv -f GB18030 -t UTF-8, GB18030 corpus", mbs(gb, ti), mbs(gb, ci)
    printf "%-50s %7.1f MB/s %9.1f MB/s\n", "baogao, GB18030 corpus, 1 thread", mbs(gb, tg), mbs(gb, cg)
    printf "%-50s %7.1f MB/s %9.1f MB/s\n", "baogao, GB18030 corpus, 2-way", mbs(gb, tg2), mbs(gb, cg2)
    printf "%-50s %7.1f MB/s %9.1f MB/s\n", "baogao, UTF-8 corpus, 1 thread", mbs(ub, tu), mbs(ub, cu)
    printf "%-50s %7.1f MB/s %9.1f MB/s\n", "baogao, UTF-8 corpus, 2-way", mbs(ub, tu2), mbs(ub, cu2)
    printf "\n%-50s %12s\n", "time", "value"
    printf "%-50s %12s\n", "--------------------------------------------------", "------------"
    printf "%-50s %9.3f ms\n", "per typical report (UTF-8 corpus, 1 thread)", tu / n * 1000
    printf "%-50s %9.3f ms\n", "per typical report (GB18030 corpus, 1 thread)", tg / n * 1000
    printf "%-50s %9.2f ms\n", "start-up: a one-word input, start to exit", ttiny * 1000
    printf "%-50s %9.2f ms\n", "one seed start to exit (corpus/seeds/001.txt)", tseed * 1000
    printf "%-50s %9.2f ms\n", "001 1x   (" x1b " bytes), start to exit", t1 * 1000
    printf "%-50s %9.2f ms\n", "001 10x, start to exit", t10 * 1000
    printf "%-50s %9.2f ms\n", "001 100x (" su " bytes), start to exit", t100 * 1000
    printf "%-50s %9.1f MB\n", "peak RSS, 001 100x UTF-8", ru / 1024
    printf "%-50s %9.1f MB\n", "peak RSS, 001 100x GB18030 (" sg " bytes)", rg / 1024
    printf "(throughput MB = 10^6 bytes; RSS MB = 2^20 bytes; 2-way: %s;\n", jhow
    printf " times are the best of the runs, medians for start to exit)\n"

    r_iconv = (tg > 0) ? ti / tg : 0
    r_iconv_cpu = (cg > 0) ? ci / cg : 0
    r_j2 = (tg2 > 0) ? tg / tg2 : 0
    r_j2u = (tu2 > 0) ? tu / tu2 : 0
    r_scale = (t1 > 0) ? t100 / t1 : 0
    r_net = (t1 - ttiny > 0) ? (t100 - ttiny) / (t1 - ttiny) : 0
    lim_u = 8 * su / 1048576 + 32; lim_g = 8 * sg / 1048576 + 32
    printf "\n%-58s %10s %10s  %s\n", "target", "measured", "limit", "result"
    printf "%-58s %9.3fx %9s  %s\n", "GB18030 pipeline / iconv throughput (wall)", r_iconv, ">= 0.5x", verdict(r_iconv >= 0.5)
    printf "%-58s %9.3fx %9s  %s\n", "  same, per CPU second (info)", r_iconv_cpu, ">= 0.5x", (r_iconv_cpu >= 0.5) ? "pass" : "fail"
    printf "%-58s %8.2fms %9s  %s\n", "one seed start to exit", tseed * 1000, "<= 10ms", verdict(tseed * 1000 <= 10)
    printf "%-58s %9.2fx %9s  %s\n", "2-way / 1 thread, GB18030 corpus", r_j2, ">= 1.8x", verdict(r_j2 >= 1.8)
    printf "%-58s %9.2fx %9s  %s\n", "2-way / 1 thread, UTF-8 corpus", r_j2u, ">= 1.8x", verdict(r_j2u >= 1.8)
    printf "%-58s %9.2fx %9s  %s\n", "  CPU time 1 thread / 2-way (info; 1 = no parallel cost)", (cg2 + cu2 > 0) ? (cg + cu) / (cg2 + cu2) : 0, "", ""
    printf "%-58s %8.1fMB %7.1fMB  %s\n", "peak RSS, largest input (100x UTF-8): 8 x input + 32 MB", ru / 1024, lim_u, verdict(ru / 1024 <= lim_u)
    printf "%-58s %8.1fMB %7.1fMB  %s\n", "  same rule for the 100x GB18030 copy (info)", rg / 1024, lim_g, (rg / 1024 <= lim_g) ? "pass" : "fail"
    printf "%-58s %9.1fx %9s  %s\n", "100x report time / 1x report time", r_scale, "<= 110x", verdict(r_scale <= 110)
    printf "%-58s %9.1fx %9s  %s\n", "  same, start-up subtracted from both (stricter)", r_net, "<= 110x", verdict(r_net <= 110)
    printf "\n%d target line(s) failed\n", fails
    exit fails > 0
}'
fails=$?
if [ -s "$err" ]; then echo "bench: messages from the runs are in $err"; fi
if [ "${BENCH_STRICT:-0}" = 1 ] && [ "$fails" -ne 0 ]; then exit 1; fi
exit 0
