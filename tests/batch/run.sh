#!/bin/sh
# Batch runs, spreadsheet outputs, installation and GNU parallel (issue 6).
# A directory of a few thousand copies of the corpus, some deliberately
# broken, converts with -j 2 into JSON Lines (the same bytes as -j 1), into
# one JSON per input, into CSV and into an xlsx workbook holding the same
# numbers; a run killed halfway and rerun with --resume ends with every
# output present and whole; write errors are reported; the installed library
# links from examples/count_amounts.c through pkg-config; GNU parallel over
# shards gives the output of a single run.
# Usage: run.sh BUILD   (the build tree: build, or build-san)
# Environment: BATCH_BAOGAO, an absolute path to run instead of BUILD/baogao
# (tests/run_all.sh gives a script running it under valgrind); TEST_WRAP, a
# command that runs the other programs of baogao's library this test starts
# (the installed baogao and the example), set with VALGRIND=1.
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
B=${BATCH_BAOGAO:-$top/$BUILD/baogao}
W=$top/$BUILD/tests/wholejson
wrap=${TEST_WRAP:-}
if [ -n "$wrap" ]; then
    COPIES=${BATCH_COPIES:-10}             # valgrind is ~30 times slower: ~180 files (batch010 has the broken ones)
else
    case $BUILD in
    *san*) COPIES=${BATCH_COPIES:-60} ;;   # the sanitizers are slower: ~1000 files
    *) COPIES=${BATCH_COPIES:-200} ;;      # ~3500 files
    esac
fi
pass=0
fail=0
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() {   # check DESCRIPTION COMMAND...: the command must succeed
    what=$1; shift
    if "$@"; then ok; else bad "$what"; fi
}
same() {    # same DESCRIPTION GOT WANT
    if [ "$2" = "$3" ]; then ok; else bad "$1: got '$2', want '$3'"; fi
}

# ---- the tools this test needs: installed here when missing, never skipped ----
need="parallel unzip pkg-config groff script setpriv"
for t in $need; do
    command -v "$t" >/dev/null 2>&1 && continue
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq >/dev/null 2>&1
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq parallel unzip pkg-config groff-base >/dev/null 2>&1
    fi
    break
done
for t in $need; do
    command -v "$t" >/dev/null 2>&1 || bad "tool $t is missing (apt-get install parallel unzip pkg-config groff-base)"
done
[ -x "$B" ] && [ -x "$W" ] && [ -x "$top/$BUILD/baogao" ] || { bad "$B or $W not built"; echo "batch: $pass passed, $fail failed"; exit 1; }

# ---- the archive: $COPIES copies of the corpus, every tenth with broken files ----
cd "$tmp" || exit 2
mkdir -p tpl broken in
for f in $(find "$top/corpus" -name '*.txt' ! -name '*.expect.*' | LC_ALL=C sort); do
    cp "$f" "tpl/$(basename "$(dirname "$f")")_$(basename "$f")"
done
iconv -f UTF-8 -t GB18030 tpl/seeds_001.txt > tpl/gb18030_001.txt
iconv -f UTF-8 -t UTF-16 tpl/seeds_004.txt > tpl/utf16_004.txt
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' > broken/image.txt
: > broken/empty.txt
printf '\344\270\255\346\226\207\346' > broken/cut.txt
printf 'ok line\n\201\060\201\060\377\n' > broken/badgb.txt
i=1
while [ "$i" -le "$COPIES" ]; do
    d=in/batch$(printf %03d "$i")
    cp -r tpl "$d"
    [ $((i % 10)) -eq 0 ] && cp broken/* "$d/"
    i=$((i + 1))
done
cp tpl/seeds_003.txt 'in/batch001/逗号,"引号" 报告.txt'     # CSV must quote this name
total=$(find in -type f | wc -l)
nbroken=$(( (COPIES / 10) * 4 ))
ngood=$((total - nbroken))
chmod -R a+rX "$tmp"

# ---- JSON Lines: -j 2 gives the bytes of -j 1; a bad file gets its record ----
"$B" -j 2 -r in > j2.jsonl 2> j2.err
same "-j 2 exit status (some inputs broken)" "$?" 1
"$B" -j 1 -r in > j1.jsonl 2> j1.err
check "-j 2 and -j 1 give the same JSON Lines" cmp -s j1.jsonl j2.jsonl
grep -v '^baogao summary:' j1.err > j1.msg
grep -v '^baogao summary:' j2.err > j2.msg
check "-j 2 and -j 1 say the same, in the same order" cmp -s j1.msg j2.msg
same "one line per input" "$(wc -l < j2.jsonl)" "$total"
same "every line whole; results and error records" "$("$W" -l j2.jsonl)" "$ngood results, $nbroken errors"
same "one message per broken input" "$(grep -c '^baogao: ' j2.err)" "$nbroken"
tail -n 1 j2.err > summary.txt
check "summary ends standard error: $(cat summary.txt)" \
    grep -Eq "^baogao summary: $ngood converted, $nbroken failed, [0-9]+ warnings, [0-9]+ mismatches, [0-9]+ bytes in [0-9.]+ s \([0-9.]+ MB/s\)$" summary.txt
check "no progress line when standard error is a file" sh -c "! tr -d -c '\r' < j2.err | grep -q ."
grep -F '"path":"in/batch010/image.txt"' j2.jsonl > rec.txt
check "error record of a broken file" grep -q '"error":{"code":"binary"' rec.txt
"$B" -j 2 -r in/batch001 -r in/batch002 -q > /dev/null 2> quiet.err
check "--quiet: no summary" sh -c "! grep -q summary quiet.err"

# ---- one JSON per input, renamed into place ------------------------------------
"$B" -j 2 -r in -o out --compact 2> out.err
same "-o DIR exit status" "$?" 1
same "one output file per input" "$(ls out | wc -l)" "$total"
same "every output whole" "$(cd out && "$W" *)" "$ngood results, $nbroken errors"
"$W" -p j2.jsonl | sed -e 's|%|%25|g' -e 's|/|%2F|g' -e 's|$|.json|' > names.txt
(cd out && tr '\n' '\0' < ../names.txt | xargs -0 cat) > cat.jsonl
check "the files, in input order, are the JSON Lines" cmp -s cat.jsonl j2.jsonl
check "names never leave the directory" test -f 'out/in%2Fbatch001%2F逗号,"引号" 报告.txt.json'
base=$(basename "$tmp")
"$B" -o out2 "../$base/tpl/../tpl/seeds_000.txt" - < tpl/seeds_000.txt 2>/dev/null
same "'..' and stdin: exit status" "$?" 0
check "'..' and stdin get safe names" test -f "out2/%2E.%2F$base%2Ftpl%2F..%2Ftpl%2Fseeds_000.txt.json" -a -f out2/stdin.json
check "no temporary file left" sh -c "! ls -A out out2 | grep -q baogao-tmp"

# ---- CSV and TSV -------------------------------------------------------------------
"$B" -j 2 -r in --format csv > docs.csv 2>/dev/null
same "--format csv exit status" "$?" 1
"$B" -j 2 -r in/batch010 -r in/batch011 --format csv > docs2.csv 2>/dev/null
"$B" -j 1 -r in/batch010 -r in/batch011 --format csv > docs1.csv 2>/dev/null
check "CSV with -j 2 and -j 1 the same" cmp -s docs2.csv docs1.csv
same "CSV header" "$(head -n 1 docs.csv | tr -d '\r')" \
    "file,organization,year,kind,title,date,score_total,score_max,grade,preparer,phone,sections,amounts,indicators,projects,checks,mismatches,warnings,encoding,bytes,lines,sha256"
same "one CSV row per converted input" "$(($(wc -l < docs.csv) - 1))" "$ngood"
same "CSV records end with CRLF" "$(tr -d -c '\r' < docs.csv | wc -c)" "$(wc -l < docs.csv)"
check "CSV is valid UTF-8" sh -c "iconv -f UTF-8 -t UTF-8 docs.csv > /dev/null"
check "Chinese text intact in CSV" grep -q '^in/batch001/seeds_001.txt,高邑县医疗保障局,2021,部门整体支出绩效自评报告,高邑县医疗保障局部门2021年度整体支出绩效自评报告,' docs.csv
check "the GB18030 copy reads the same" grep -q '^in/batch001/gb18030_001.txt,高邑县医疗保障局,2021,' docs.csv
check "RFC 4180 quoting of a comma and quotes" grep -q '^"in/batch001/逗号,""引号"" 报告.txt",' docs.csv
check "no BOM without --bom" test "$(head -c 4 docs.csv)" = file
"$B" --bom --format csv -r in/batch001 -q > bom.csv
same "--bom starts with EF BB BF" "$(head -c 3 bom.csv | od -An -tx1 | tr -d ' ')" efbbbf
"$B" -j 2 -r in --format tsv --table amounts > amounts.tsv 2>/dev/null
check "amounts rows carry the document's fields" \
    grep -q '^in/batch001/seeds_001.txt	高邑县医疗保障局	2021	部门整体支出绩效自评报告	资产合计	87.7	87.70	万元	written' amounts.tsv
for t in sections indicators projects scores checks; do
    "$B" -r in/batch001 --format csv --table "$t" -q > "t_$t.csv"
    same "--table $t exit status" "$?" 0
    check "--table $t has rows" test "$(wc -l < "t_$t.csv")" -gt 1
done
"$B" -q --format tsv in/batch001/seeds_001.txt > d1.tsv
for pair in sections:12 amounts:13 indicators:14 projects:15 checks:16; do
    t=${pair%:*}
    got=$("$B" -q --format tsv --table "$t" in/batch001/seeds_001.txt | sed 1d | wc -l)
    same "the documents row counts the $t rows" "$got" "$(sed 1d d1.tsv | cut -f "${pair#*:}")"
done
check "indicator levels filled down" grep -q '^in/batch001/seeds_001.txt,高邑县医疗保障局,2021,部门整体支出绩效自评报告,投入,20,绩效目标指标管理,10,绩效指标科学性,' t_indicators.csv

# ---- xlsx: a sheet per table, numbers as numbers ------------------------------------
"$B" -j 2 -r in --format xlsx -o book.xlsx 2>/dev/null
same "--format xlsx exit status" "$?" 1
unzip -p book.xlsx xl/workbook.xml > wb.xml 2>/dev/null
check "a sheet per table, and errors" \
    grep -q '<sheets><sheet name="documents" sheetId="1" r:id="rId1"/><sheet name="sections" sheetId="2" r:id="rId2"/><sheet name="amounts" sheetId="3" r:id="rId3"/><sheet name="indicators" sheetId="4" r:id="rId4"/><sheet name="projects" sheetId="5" r:id="rId5"/><sheet name="scores" sheetId="6" r:id="rId6"/><sheet name="checks" sheetId="7" r:id="rId7"/><sheet name="errors" sheetId="8" r:id="rId8"/></sheets>' wb.xml
unzip -p book.xlsx xl/worksheets/sheet1.xml > s1.xml
unzip -p book.xlsx xl/worksheets/sheet3.xml > s3.xml
unzip -p book.xlsx xl/worksheets/sheet8.xml > s8.xml
same "documents sheet: a row per converted input" "$(grep -o '<row ' s1.xml | wc -l)" "$((ngood + 1))"
same "errors sheet: a row per broken input" "$(grep -o '<row ' s8.xml | wc -l)" "$((nbroken + 1))"
check "Chinese text intact in xlsx" grep -q '<t>高邑县医疗保障局部门2021年度整体支出绩效自评报告</t>' s1.xml
# value_wan is column F of amounts: every cell a number, the same numbers as the TSV
grep -o '<c r="F[0-9]*"[^>]*>' s3.xml | grep -v '"F1"' | grep -c 't=' > strings.txt
same "value_wan cells are numbers, not text" "$(cat strings.txt)" 0
grep -o '<c r="F[0-9]*"><v>[^<]*</v>' s3.xml | sed 's/.*<v>//; s/<.*//' > xlsx_wan.txt
cut -f 6 amounts.tsv | sed 1d > tsv_wan.txt
same "amount rows in the sheet and the TSV" "$(wc -l < xlsx_wan.txt)" "$(wc -l < tsv_wan.txt)"
# libxlsxwriter writes the nearest double with 16 digits (64.40000000000001 for 64.4): compare as numbers
check "the sheet holds the same numbers" awk 'NR == FNR { a[NR] = $1; next } a[FNR] + 0 != $1 + 0 { bad = 1 } END { exit bad }' \
    xlsx_wan.txt tsv_wan.txt
grep -o '<c r="C[0-9]*"[^>]*><v>2021</v>' s1.xml > years.txt
check "years are numbers" test -s years.txt

# ---- killed halfway, then --resume --------------------------------------------------
"$B" -j 2 -r in -o resumed --compact 2>/dev/null &
pid=$!
n=0
stop=300                            # outputs, then kill; a quarter of a small batch
[ "$stop" -gt $((total / 4)) ] && stop=$((total / 4))
while [ "$n" -lt "$stop" ] && kill -0 "$pid" 2>/dev/null; do
    sleep 0.05
    n=$(ls resumed 2>/dev/null | wc -l)
done
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
before=$(ls resumed | wc -l)
check "the run was killed before it finished ($before of $total)" test "$before" -lt "$total"
"$B" -j 2 -r in -o resumed --compact --resume 2> resume.err
same "--resume exit status" "$?" 1
same "every output present after --resume" "$(ls resumed | wc -l)" "$total"
same "every output whole after --resume" "$(cd resumed && "$W" *)" "$ngood results, $nbroken errors"
check "--resume skipped what was done" grep -Eq "^baogao summary: [0-9]+ converted, $nbroken failed, [1-9][0-9]* up to date" resume.err
check "the same outputs as an uninterrupted run" diff -r out resumed
check "the killed run's temporary files are gone" sh -c "! ls -A resumed | grep -q baogao-tmp"
cp -r in/batch002 changing
nchanging=$(find changing -type f | wc -l)
"$B" -r changing -o resumed2 --compact -q
"$B" -r changing -o resumed2 --compact --resume 2> r2.err
same "nothing changed, nothing converted" "$(cut -d, -f 1-3 r2.err)" "baogao summary: 0 converted, 0 failed, $nchanging up to date"
echo y >> changing/seeds_000.txt
"$B" -r changing -o resumed2 --compact --resume 2> r2.err
same "a changed input is converted again, and only it" "$(cut -d, -f 1-3 r2.err)" "baogao summary: 1 converted, 0 failed, $((nchanging - 1)) up to date"

# ---- write errors are reported per file, never swallowed ------------------------------
mkdir ro && chmod 555 ro
run_as=
if touch ro/probe 2>/dev/null; then     # root writes anywhere: run as nobody
    rm -f ro/probe
    run_as="setpriv --reuid=65534 --regid=65534 --clear-groups"
    mkdir bin && cp "$B" bin/baogao && chmod -R a+rX bin
    RB=$tmp/bin/baogao
else
    RB=$B
fi
$run_as "$RB" -r in/batch010 -o ro 2> ro.err
same "read-only directory: exit status" "$?" 1
same "read-only directory: a message per input" "$(grep -c '^baogao: .*: cannot write ro/.*: Permission denied$' ro.err)" \
    "$(find in/batch010 -type f | wc -l)"
"$B" -r in/batch001 > /dev/full 2> full.err
same "/dev/full on standard output: exit status" "$?" 1
check "/dev/full on standard output: reported" grep -q '^baogao: standard output: write error: No space left on device' full.err
for fmt in jsonl csv xlsx; do
    "$B" -r in/batch001 --format "$fmt" -o /dev/full 2> full.err
    same "-o /dev/full ($fmt): exit status" "$?" 1
    check "-o /dev/full ($fmt): reported" grep -q '^baogao: /dev/full: write error: No space left on device' full.err
done
check "/dev/full is still a device" test -c /dev/full

# ---- usage errors ----------------------------------------------------------------------
for args in "--table amounts tpl/seeds_000.txt" "--bom --format jsonl tpl/seeds_000.txt" \
            "--resume tpl/seeds_000.txt" "-j x tpl/seeds_000.txt" "-0 tpl/seeds_000.txt" \
            "--format html -r tpl" "--format nope tpl/seeds_000.txt" "--table nope --format csv -r tpl" \
            "--include x tpl/seeds_000.txt"; do
    # shellcheck disable=SC2086
    "$B" $args > /dev/null 2> usage.err
    same "usage error: $args" "$?" 2
done

# ---- names from a file, NUL-separated or by line ---------------------------------------
mkdir nl && cp tpl/seeds_000.txt "nl/a
b.txt" && cp tpl/seeds_004.txt nl/c.txt
find nl -type f -print0 | LC_ALL=C sort -z | "$B" -0 --files-from - --format jsonl > nl.jsonl 2>/dev/null
same "-0 --files-from: a name with a newline" "$("$W" -l nl.jsonl)" "2 results, 0 errors"
find nl -type f -print0 | LC_ALL=C sort -z | "$B" -q -0 --files-from - --format csv > nl.csv
check "a quoted field with a line break" grep -q '^"nl/a$' nl.csv
printf 'tpl/seeds_000.txt\r\ntpl/seeds_004.txt\n\n' | "$B" --files-from - -q > lines.jsonl
same "--files-from by line (CRLF, blank lines)" "$("$W" -l lines.jsonl)" "2 results, 0 errors"
mkdir empty
"$B" -r empty > empty.out 2> empty.err
same "an empty directory: exit status" "$?" 1
check "an empty directory: no output, no input files" sh -c "test ! -s empty.out && grep -qx 'baogao: no input files' empty.err"

# ---- the review pages ----------------------------------------------------------------------
"$B" -j 2 -r in/batch001 --format html -o html -q
same "--format html: a page per input" "$(ls html | wc -l)" "$(find in/batch001 -type f | wc -l)"
check "--format html: pages" grep -q '^<!DOCTYPE html>' html/in%2Fbatch001%2Fseeds_001.txt.html
"$B" --format html -o one.html tpl/seeds_000.txt
check "--format html -o FILE for one input" grep -q '^<!DOCTYPE html>' one.html

# ---- progress, on a terminal only -------------------------------------------------------------
half=$(for d in in/batch0[0-9]*; do printf ' -r %s' "$d"; done)
script -qec "'$B' -j 2 $half -o tty_out" /dev/null < /dev/null > tty.txt 2>&1
check "progress line on a terminal" grep -q 'files, [0-9.]* of [0-9.]* MB ([0-9]*%), [0-9.]* MB/s' tty.txt
script -qec "'$B' -q -j 2 -r in/batch001 -o tty_out2" /dev/null < /dev/null > tty2.txt 2>&1
check "--quiet: no progress" sh -c "! grep -q 'files (' tty2.txt"

# ---- GNU parallel over shards gives the output of one run ---------------------------------------
"$W" -p j2.jsonl > list.txt         # the inputs in the order of the single run, j2.jsonl
parallel --will-cite -k --pipe -N 400 "'$B' --format jsonl -q --files-from -" < list.txt > par_pipe.jsonl 2>/dev/null
check "parallel --pipe over shards of names = one run" cmp -s par_pipe.jsonl j2.jsonl
parallel --will-cite -k -S : -X -n 300 "$B" --format jsonl -q :::: list.txt > par_args.jsonl 2>/dev/null
check "parallel --sshlogin : with names as arguments = one run" cmp -s par_args.jsonl j2.jsonl
same "parallel: every input there" "$(wc -l < par_pipe.jsonl)" "$total"

# ---- make install into a staging directory; the example links through pkg-config ----------------
cd "$top" || exit 2
stage=$tmp/stage
san=
case $BUILD in *san*) san="SAN=1" ;; esac
# shellcheck disable=SC2086
env -u MAKEFLAGS -u MAKELEVEL make -s install BUILD="$BUILD" $san DESTDIR="$stage" PREFIX=/usr > "$tmp/install.log" 2>&1
same "make install" "$?" 0
check "static library" test -f "$stage/usr/lib/libbaogao.a"
check "shared library" test -f "$stage/usr/lib/libbaogao.so.0.1.0" -a ! -L "$stage/usr/lib/libbaogao.so.0.1.0"
same "soname link" "$(readlink "$stage/usr/lib/libbaogao.so.0")" libbaogao.so.0.1.0
same "development link" "$(readlink "$stage/usr/lib/libbaogao.so")" libbaogao.so.0
check "soname" sh -c "readelf -d '$stage/usr/lib/libbaogao.so.0.1.0' | grep -q 'SONAME.*\[libbaogao.so.0\]'"
same "only the public header" "$(ls "$stage/usr/include")" baogao.h
check "pkg-config file" test -f "$stage/usr/lib/pkgconfig/libbaogao.pc"
same "the patterns" "$(ls "$stage/usr/share/baogao/patterns" | grep -c '\.txt$')" "$(ls patterns | grep -c '\.txt$')"
check "the man page" test -f "$stage/usr/share/man/man1/baogao.1"
check "both schemas" test -f "$stage/usr/share/baogao/baogao.schema.json" -a -f "$stage/usr/share/baogao/baogao-error.schema.json"
same "the command" "$($wrap "$stage/usr/bin/baogao" --version)" "baogao 0.1.0"
check "only baogao_ symbols exported" sh -c "! nm -D --defined-only '$stage/usr/lib/libbaogao.so.0.1.0' | awk '\$2 ~ /[TDBR]/ {print \$3}' | grep -v '^baogao_'"
check "the man page renders without warnings" sh -c "test -z \"\$(groff -k -man -Tutf8 -ww -z '$stage/usr/share/man/man1/baogao.1' 2>&1)\""
export PKG_CONFIG_PATH="$stage/usr/lib/pkgconfig" PKG_CONFIG_SYSROOT_DIR="$stage"
same "pkg-config --modversion" "$(pkg-config --modversion libbaogao)" 0.1.0
sanflags=
[ -n "$san" ] && sanflags="-fsanitize=address,undefined"
# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -Werror $sanflags -o "$tmp/count_amounts" examples/count_amounts.c $(pkg-config --cflags --libs libbaogao)
same "the example builds against the installed library" "$?" 0
unset PKG_CONFIG_PATH PKG_CONFIG_SYSROOT_DIR
check "the example uses the installed shared library" sh -c \
    "LD_LIBRARY_PATH='$stage/usr/lib' ldd '$tmp/count_amounts' | grep -q '$stage/usr/lib/libbaogao.so.0'"
LD_LIBRARY_PATH="$stage/usr/lib" $wrap "$tmp/count_amounts" corpus/seeds/001.txt > "$tmp/count.txt"
same "the example runs" "$?" 0
want=$(($("$B" --format tsv --table amounts corpus/seeds/001.txt | wc -l) - 1))
same "the example counts the amounts" "$(cut -f 1,2 "$tmp/count.txt")" "corpus/seeds/001.txt	$want"
# shellcheck disable=SC2086
env -u MAKEFLAGS -u MAKELEVEL make -s uninstall BUILD="$BUILD" $san DESTDIR="$stage" PREFIX=/usr > "$tmp/uninstall.log" 2>&1
same "make uninstall" "$?" 0
same "uninstall leaves no file" "$(find "$stage" ! -type d | wc -l)" 0

echo "batch: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
