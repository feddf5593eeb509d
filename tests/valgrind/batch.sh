#!/bin/sh
# batch.sh BUILD — thousands of files through one baogao process under
# valgrind (issue 7): no memory error, no leak, and every file accounted for.
#
# The inputs, made from corpus/ in BUILD/valgrind-batch/in: SETS sets (default
# 8) of every corpus file and three cuts of it at whole lines, each in UTF-8,
# GB18030, UTF-16LE with a BOM and UTF-16BE without one, and two cuts at a
# byte (often inside a character: an error); per set also an empty file, a
# PNG renamed .txt, a file nobody may read, and two files that vanish after
# the names are collected: 293 files a set, 2344 in all.
#
# Each run: `baogao -r in -o DIR` (the -j given) under tests/valgrind/vg.sh,
# as nobody when run as root (so the unreadable file is unreadable). Checked:
# valgrind's report has no error and no leak, little memory is still in use
# at exit (nothing piles up per file), the exit status, one output per input,
# each whole, the summary's counts, and the outputs byte for byte the same as
# those of a run without valgrind. The -j 1 and -j 2 runs give the same outputs.
#
# Usage: sh tests/valgrind/batch.sh [BUILD]   (`make valgrind-batch`)
# Environment: VG_BATCH_SETS=8, VG_BATCH_JOBS="1 2" (the runs to make).
# Last line: "valgrind-batch: N passed, N failed"; exit 1 on failure.
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
B=$top/$BUILD/baogao
W=$top/$BUILD/tests/wholejson
sets=${VG_BATCH_SETS:-8}
jobs=${VG_BATCH_JOBS:-1 2}
work=$top/$BUILD/valgrind-batch
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
same() { if [ "$2" = "$3" ]; then ok; else bad "$1: got '$2', want '$3'"; fi; }
finish() {
    echo "valgrind-batch: $pass passed, $fail failed"
    # The inputs and outputs stay for a look when something failed.
    [ "$fail" -eq 0 ] && rm -rf "$work"
    [ "$fail" -eq 0 ]
    exit
}
for t in valgrind iconv; do
    command -v "$t" >/dev/null 2>&1 || { bad "$t is missing"; finish; }
done
[ -x "$B" ] && [ -x "$W" ] || { bad "$B or $W not built (make)"; finish; }

# As root, run baogao as nobody: root reads a file of mode 000.
run_as=
if [ "$(id -u)" = 0 ]; then
    command -v setpriv >/dev/null 2>&1 || { bad "setpriv is missing (util-linux)"; finish; }
    run_as="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi

# ---- the inputs ------------------------------------------------------------------
rm -rf "$work"
mkdir -p "$work/in" "$work/logs"
chmod 1777 "$work" "$work/logs"
cd "$work" || exit 2
# The texts: every corpus file, and cuts of it at whole lines (a report
# that stops early) — cuts that differ from set to set — each written as
# UTF-8, GB18030, UTF-16LE with a BOM and UTF-16BE without one; and two cuts
# at a byte, which may fall inside a character (an error, unless --lossy).
encode() {  # encode UTF8-FILE STEM DIR
    cp "$1" "$3/$2.txt"
    iconv -f UTF-8 -t GB18030 "$1" > "$3/$2.gb18030.txt"
    { printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$1"; } > "$3/$2.utf16le.txt"
    iconv -f UTF-8 -t UTF-16BE "$1" > "$3/$2.utf16be.txt"
}
find "$top/corpus" -name '*.txt' ! -name '*.expect.*' | LC_ALL=C sort > corpus.txt
s=1
while [ "$s" -le "$sets" ]; do
    d=in/set$(printf %03d "$s")
    mkdir -p "$d"
    while read -r f; do
        b=$(basename "$(dirname "$f")")_$(basename "$f" .txt)
        encode "$f" "$b" "$d"
        lines=$(wc -l < "$f")
        size=$(wc -c < "$f")
        for c in 1 2 3; do
            head -n $(( lines * ((s * 37 + c * 23) % 90 + 5) / 100 + 1 )) "$f" > cut.txt
            encode cut.txt "$b.cut$c" "$d"
        done
        for c in 4 5; do
            head -c $(( size * ((s * 41 + c * 29) % 97 + 2) / 100 )) "$f" > "$d/$b.cut$c.txt"
        done
    done < corpus.txt
    : > "$d/empty.txt"
    printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\001\000' > "$d/image.txt"
    echo '不可读的报告' > "$d/unreadable.txt"
    s=$((s + 1))
done
# The files that vanish: last in their set, removed once baogao has started.
mkvanishing() {
    s=1
    while [ "$s" -le "$sets" ]; do
        for v in 1 2; do cp "$top/corpus/seeds/000.txt" "in/set$(printf %03d "$s")/zz_vanish$v.txt"; done
        s=$((s + 1))
    done
}
# Once the first output is written the names are collected: remove them then
# (or after a minute, should baogao never write one).
vanish() {
    n=0
    while [ -z "$(ls "$1" 2>/dev/null | head -n 1)" ] && [ "$n" -lt 600 ]; do sleep 0.1; n=$((n + 1)); done
    rm -f in/set*/zz_vanish*.txt
}
chmod -R a+rX in
chmod 000 in/set*/unreadable.txt
mkvanishing
total=$(find in -type f | wc -l)
echo "valgrind-batch: $total files in $sets sets"

# ---- a reference run without valgrind -----------------------------------------------
# baogao's own collection of names runs first, so the vanishing files are
# listed; they are gone when their turn comes. The reference must see them
# vanish too: it reads the names from a list instead.
find in -type f | LC_ALL=C sort > names.txt
rm -f in/set*/zz_vanish*.txt
$run_as "$B" -j 2 --files-from names.txt -o ref --compact -q 2> /dev/null
same "reference run: exit status (some inputs broken)" "$?" 1
same "reference run: one output per input" "$(ls ref | wc -l)" "$total"
counts=$(cd ref && "$W" *)
echo "valgrind-batch: reference: $counts"
good=${counts%% results*}
broken=$((total - good))
# empty, image, unreadable and the two vanished ones fail; so may a cut
if [ "$broken" -ge $((sets * 5)) ]; then ok; else bad "reference run: $broken failed, want at least $((sets * 5))"; fi

# ---- the runs under valgrind --------------------------------------------------------------
for j in $jobs; do
    mkvanishing
    chmod -R a+rX in
    chmod 000 in/set*/unreadable.txt
    rm -f logs/*
    vanish "out$j" &
    t0=$(date +%s)
    $run_as env VG_LOGDIR="$work/logs" sh "$top/tests/valgrind/vg.sh" "$B" -j "$j" -r in -o "out$j" --compact 2> "err$j"
    rc=$?
    wait
    secs=$(($(date +%s) - t0))
    echo "valgrind-batch: -j $j: exit $rc, $secs s"
    same "-j $j: exit status (some inputs broken)" "$rc" 1
    log=$(ls logs/vg.*.log 2>/dev/null)
    same "-j $j: one valgrind report" "$(echo "$log" | grep -c .)" 1
    if grep -q 'ERROR SUMMARY: 0 errors' $log; then ok; else
        bad "-j $j: valgrind found errors or leaks: $log"
        head -n 100 $log
    fi
    # Still reachable, less what valgrind.supp names: the loader's records
    # and libstdc++'s pool when OpenCC was loaded for a traditional page.
    inuse=$(sed -n 's/.*still reachable: \([0-9,]*\) bytes.*/\1/p' $log | tr -d ,)
    echo "valgrind-batch: -j $j: $(grep -E 'total heap usage|in use at exit|still reachable|suppressed:' $log | sed 's/^==[0-9]*== *//' | tr '\n' ' ')"
    # The CLI's table of temporary files (about 4 KB a job) is all that stays.
    if [ -n "$inuse" ] && [ "$inuse" -lt 65536 ]; then ok; else bad "-j $j: $inuse bytes still reachable at exit"; fi
    same "-j $j: one output per input" "$(ls "out$j" | wc -l)" "$total"
    same "-j $j: every output whole" "$(cd "out$j" && "$W" *)" "$counts"
    # (a cut that keeps nothing of a report converts, with a note of its own)
    same "-j $j: a message per failed input" \
        "$(grep '^baogao: ' "err$j" | grep -vc ': nothing of a budget-performance report was recognised: ')" "$broken"
    same "-j $j: the unreadable files" "$(grep -c '/unreadable.txt: cannot open: Permission denied$' "err$j")" "$sets"
    same "-j $j: the vanished files" "$(grep -c '/zz_vanish[12].txt: cannot open: No such file or directory$' "err$j")" $((2 * sets))
    if grep -Eq "^baogao summary: $good converted, $broken failed," "err$j"; then ok; else
        bad "-j $j: summary: $(tail -n 1 "err$j")"
    fi
    if diff -r ref "out$j" > "diff$j"; then ok; else bad "-j $j: outputs differ from the run without valgrind: $(head -c 300 "diff$j")"; fi
done
finish
