#!/bin/bash
# bench/same_output.sh REF NEW [WORKDIR] — do two baogao binaries print the same
# bytes? Every corpus file (pretty, one file per run), all of them together
# (JSON Lines), the same as GB18030, UTF-16LE with BOM and UTF-16BE, the
# scaled 001 (1x, 10x) and a few hostile inputs. Used before and after each
# change recorded in bench/README.md: a speed change must not change output.
set -u
REF=$1
NEW=$2
top=$(cd "$(dirname "$0")/.." && pwd)
W=${3:-$(mktemp -d)}
mkdir -p "$W/in"
cd "$top" || exit 2
for f in $(find corpus -name '*.txt' ! -name '*.expect.*' | sort); do
    n=$(echo "${f#corpus/}" | tr / - | sed 's/\.txt$//')
    cp "$f" "$W/in/$n.txt"
    iconv -f UTF-8 -t GB18030 "$f" > "$W/in/$n.gb.txt"
    { printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$f"; } > "$W/in/$n.u16le.txt"
    iconv -f UTF-8 -t UTF-16BE "$f" > "$W/in/$n.u16be.txt"
done
seed=corpus/seeds/001.txt
for k in 1 10; do
    { head -n 3 "$seed"; for i in $(seq "$k"); do tail -n +4 "$seed"; done; } > "$W/in/scaled-x$k.txt"
done
# hostile: CRLF and CR, zero-width and fullwidth characters, a NUL, bad bytes, empty, binary
sed 's/$/\r/' "$seed" > "$W/in/h-crlf.txt"
tr '\n' '\r' < "$seed" > "$W/in/h-cr.txt"
printf '\357\274\221\357\274\222\343\200\200\342\200\213\342\221\240\342\200\246\357\275\201\347\254\254\344\270\200\n\0tail\n' > "$W/in/h-mixed.txt"
printf 'ok line\n\201\060\201\060\377\n' > "$W/in/h-badgb.txt"
printf '"引号"报告\\路径 2023年度\n一、"概况"\n单位\t"名称"\t\\x\n预算\t100万元\t"50"\n其中"项目"支出20万元。\n' > "$W/in/h-escape.txt"
printf '\344\270\255\346\226\207\346' > "$W/in/h-cut.txt"
: > "$W/in/h-empty.txt"
printf '\211PNG\r\n\032\n\000\000' > "$W/in/h-png.txt"
head -c 3000 /dev/urandom > "$W/in/h-random.txt"
diffs=0
run_both() {   # run_both NAME ARGS... (standard input from $IN, default /dev/null)
    local name=$1; shift
    "$REF" "$@" < "${IN:-/dev/null}" > "$W/ref.out" 2> "$W/ref.err"; echo "exit $?" >> "$W/ref.out"
    "$NEW" "$@" < "${IN:-/dev/null}" > "$W/new.out" 2> "$W/new.err"; echo "exit $?" >> "$W/new.out"
    sed -i '/^baogao summary:/d' "$W/ref.err" "$W/new.err"     # it holds the elapsed time
    if ! cmp -s "$W/ref.out" "$W/new.out" || ! cmp -s "$W/ref.err" "$W/new.err"; then
        echo "DIFFERENT: $name"
        cmp "$W/ref.out" "$W/new.out" | head -c 300; echo
        diffs=$((diffs + 1))
    fi
}
n=0
for f in "$W"/in/*.txt; do
    run_both "$(basename "$f")" "$f"
    run_both "$(basename "$f") --compact" --compact "$f"
    n=$((n + 2))
done
run_both "all, JSON Lines" "$W"/in/*.txt
run_both "all, --lossy" --lossy "$W"/in/*.txt
IN=$W/in/seeds-001.txt run_both "stdin" -
echo "same_output: $((n + 3)) runs, $diffs different"
[ "$diffs" -eq 0 ]
