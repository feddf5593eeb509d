#!/bin/sh
# Hostile-input catalogue: every case is generated at test time in a temporary
# directory, converted by BAOGAO under `timeout 60` and `/usr/bin/time -v`,
# and its outcome asserted precisely (exit status AND the message, or the
# JSON and its warnings). A large case must also finish within
# HOSTILE_TIME_LIMIT seconds (default 10): slower means quadratic.
#
# Usage: tests/hostile/run.sh BAOGAO
# Environment:
#   HOSTILE_WRAP="valgrind --error-exitcode=9 --leak-check=full --suppressions=tests/valgrind/valgrind.supp"
#                          run BAOGAO under it (the suppressions only cover PCRE2 JIT code)
#   HOSTILE_SMALL=1        only the small cases (for valgrind)
#   HOSTILE_ONLY=REGEX     only the cases whose name matches
#   HOSTILE_REPORT=FILE    append "case<TAB>result<TAB>exit<TAB>seconds<TAB>peak KB<TAB>input bytes"
#   HOSTILE_TIME_LIMIT=10  seconds a large case may take
#   JSONQ=PATH            the helper built from tests/hostile/jsonq.c (else built here)
# The last line is "hostile: N passed, N failed"; exit 1 if any case failed.
B=${1:?usage: run.sh BAOGAO}
# Bytes, not characters: messages under test may hold broken UTF-8.
LC_ALL=C
export LC_ALL
case $B in /*) ;; *) B=$(pwd)/$B ;; esac
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
limit=${HOSTILE_TIME_LIMIT:-10}
MEM_PER_BYTE=256        # peak RSS <= 256 x the input + 16 MB (README)
MEM_BASE_KB=16384
wrap=${HOSTILE_WRAP:-}
pass=0
fail=0
seed=corpus/seeds/004.txt       # a real report, 40 lines, UTF-8

if [ -z "${JSONQ:-}" ]; then
    JSONQ=$tmp/jsonq
    # shellcheck disable=SC2046
    ${CC:-cc} -std=c11 -D_DEFAULT_SOURCE -O2 -o "$JSONQ" tests/hostile/jsonq.c \
        $(pkg-config --cflags --libs libcjson 2>/dev/null || echo -lcjson) || { echo "hostile: cannot build jsonq"; exit 2; }
fi
TIMEV=
[ -x /usr/bin/time ] && TIMEV=/usr/bin/time

# ---- running a case ----------------------------------------------------------

# run FILE [OPTIONS...]: convert FILE; sets rc, secs, kb; output in $tmp/out, $tmp/err
run() {
    f=$1
    shift
    if [ -n "$TIMEV" ]; then
        # shellcheck disable=SC2086
        $TIMEV -v -o "$tmp/time" timeout 60 $wrap "$B" --compact "$@" "$f" > "$tmp/out" 2> "$tmp/err"
        rc=$?
        secs=$(sed -n 's/.*Elapsed (wall clock) time .*): //p' "$tmp/time" \
               | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')
        kb=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$tmp/time")
    else
        t0=$(date +%s.%N)
        # shellcheck disable=SC2086
        timeout 60 $wrap "$B" --compact "$@" "$f" > "$tmp/out" 2> "$tmp/err"
        rc=$?
        secs=$(echo "$t0 $(date +%s.%N)" | awk '{ printf "%.2f", $2 - $1 }')
        kb=?
    fi
    insize=$(wc -c < "$f")
}

# A case is a run plus assertions; `problems` collects what went wrong.
begin() { name=$1; large=$2; problems=; }
problem() { problems="$problems
    $*"; }

finish() {
    [ "$rc" = 124 ] && problem "killed by timeout 60"
    # The documented memory bound (README, Guarantees and limits), checked on
    # every case; not under a wrapper or the sanitizers, which add their own.
    if [ -z "$wrap" ] && ! skip_large && [ "$kb" != "?" ] && [ -n "$kb" ]; then
        bound=$(( MEM_PER_BYTE * insize / 1024 + MEM_BASE_KB ))
        [ "$kb" -le "$bound" ] || problem "peak memory $kb KB, more than the bound $bound KB ($MEM_PER_BYTE x input + $MEM_BASE_KB KB)"
    fi
    if [ "$large" = large ] && [ -z "$wrap" ] && awk -v s="$secs" -v l="$limit" 'BEGIN { exit !(s > l) }'; then
        problem "took ${secs} s, more than ${limit} s"
    fi
    if [ -z "$problems" ]; then
        pass=$((pass + 1))
        result=ok
    else
        fail=$((fail + 1))
        result=FAIL
    fi
    printf '%-4s %-34s exit=%-3s %8s s %9s KB peak  input %s bytes\n' "$result" "$name" "$rc" "$secs" "$kb" "$insize"
    [ -n "$problems" ] && printf '%s\n' "$problems" | sed '1d'
    [ -n "${HOSTILE_REPORT:-}" ] && printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$result" "$rc" "$secs" "$kb" "$insize" \
        >> "$HOSTILE_REPORT"
    return 0
}

want() { [ -z "${HOSTILE_ONLY:-}" ] || echo "$1" | grep -Eq -- "$HOSTILE_ONLY"; }
skip_large() { [ "${HOSTILE_SMALL:-0}" = 1 ]; }

# ---- assertions ----------------------------------------------------------------

expect_exit() { [ "$rc" = "$1" ] || problem "exit $rc, want $1: $(head -c 300 "$tmp/err")"; }
expect_err() {      # the whole stderr line, a regular expression
    grep -Eq -- "^baogao: $1\$" "$tmp/err" || problem "stderr lacks /baogao: $1/: $(head -c 300 "$tmp/err")"
}
expect_json() {
    "$JSONQ" check "$tmp/out" 2> "$tmp/jq.err" || problem "not a baogao/1 result: $(cat "$tmp/jq.err")"
}
expect_get() {      # PATH VALUE
    got=$("$JSONQ" get "$tmp/out" "$1" 2>/dev/null)
    [ "$got" = "$2" ] || problem "$1 is \"$(echo "$got" | cut -c1-120)\", want \"$2\""
}
expect_warning() {  # LINE MESSAGE-REGEX
    "$JSONQ" warnings "$tmp/out" > "$tmp/warn" 2>/dev/null
    grep -Eq -- "^$1	$2\$" "$tmp/warn" || problem "no warning /$1: $2/ in: $(head -c 300 "$tmp/warn")"
}
expect_no_warning() {   # MESSAGE-REGEX
    "$JSONQ" warnings "$tmp/out" > "$tmp/warn" 2>/dev/null
    if grep -Eq -- "$1" "$tmp/warn"; then problem "unexpected warning: $(grep -E -- "$1" "$tmp/warn" | head -n 2)"; fi
}
expect_warnings() {     # COUNT
    n=$("$JSONQ" get "$tmp/out" 'warnings.#' 2>/dev/null)
    [ "$n" = "$1" ] || problem "$n warnings, want $1: $("$JSONQ" warnings "$tmp/out" 2>/dev/null | head -n 3)"
}
expect_same_as() {      # REFERENCE-JSON: same result apart from source and spans
    "$JSONQ" strip "$tmp/out" > "$tmp/a" 2>/dev/null
    "$JSONQ" strip "$1" > "$tmp/b" 2>/dev/null
    cmp -s "$tmp/a" "$tmp/b" || problem "result differs from the UTF-8 conversion: $(cmp "$tmp/a" "$tmp/b" 2>&1)"
}
# The extracted document as a reference, from the clean seed.
"$B" --compact "$seed" > "$tmp/seed.json" 2>/dev/null || { echo "hostile: BAOGAO cannot convert $seed"; exit 2; }
seed_lines=$(wc -l < "$seed")
seed_bytes=$(wc -c < "$seed")
seed_title=$("$JSONQ" get "$tmp/seed.json" document.title)
# Fixtures several cases share, so that any one case runs alone (HOSTILE_ONLY).
iconv -f UTF-8 -t GBK "$seed" > "$tmp/gbk.txt"
iconv -f UTF-8 -t UTF-16LE "$seed" > "$tmp/u16le.txt"
{ cat "$seed"; printf '\344\270'; } > "$tmp/cut.txt"       # the report, then 中 without its last byte

# ---- binary files ----------------------------------------------------------------

if want png-renamed; then
    begin png-renamed small
    { printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\001\000'; head -c 4000 /dev/urandom; } > "$tmp/image.txt"
    run "$tmp/image.txt"
    expect_exit 1
    expect_err "$tmp/image.txt:1: binary file \\(PNG image\\), not a text report"
    finish
fi
if want elf-renamed; then
    begin elf-renamed small
    elf=/bin/true
    [ -r "$elf" ] || elf=$B
    head -c 65536 "$elf" > "$tmp/program.txt"
    run "$tmp/program.txt"
    expect_exit 1
    expect_err "$tmp/program.txt:1: binary file \\(ELF executable\\), not a text report"
    finish
fi

# ---- damaged text ----------------------------------------------------------------

if want nul-bytes-in-text; then
    begin nul-bytes-in-text small
    # three NULs inside line 3 of a real report
    { sed -n 1,2p "$seed"; printf '\000\000前言\000'; sed -n '3,$p' "$seed"; } > "$tmp/nul.txt"
    run "$tmp/nul.txt"
    expect_exit 0
    expect_json
    expect_get source.encoding UTF-8
    expect_get document.title "$seed_title"
    expect_warning 3 "3 NUL bytes removed from the text"
    finish
fi
if want truncated-utf8-at-eof; then
    begin truncated-utf8-at-eof small
    run "$tmp/cut.txt"
    expect_exit 1
    expect_err "$tmp/cut.txt:$((seed_lines + 1)): truncated UTF-8 character at byte offset $seed_bytes \\(end of file\\)"
    finish
fi
if want truncated-utf8-lossy; then
    begin truncated-utf8-lossy small
    run "$tmp/cut.txt" --lossy
    expect_exit 0
    expect_json
    expect_get document.title "$seed_title"
    expect_warning $((seed_lines + 1)) "undecodable UTF-8 byte at offset $seed_bytes replaced by U\\+FFFD"
    finish
fi
if want invalid-gb18030; then
    begin invalid-gb18030 small
    # the report in GBK, an invalid two-byte sequence (81 20) at the start of line 5
    sed -n 1,4p "$tmp/gbk.txt" > "$tmp/badgb.txt"
    at=$(wc -c < "$tmp/badgb.txt")
    { printf '\201 '; sed -n '5,$p' "$tmp/gbk.txt"; } >> "$tmp/badgb.txt"
    run "$tmp/badgb.txt"
    expect_exit 1
    expect_err "$tmp/badgb.txt:5: invalid GB18030 byte sequence at byte offset $at"
    finish
fi
if want gbk-report; then
    begin gbk-report small
    run "$tmp/gbk.txt"
    expect_exit 0
    expect_json
    expect_get source.encoding GB18030
    expect_same_as "$tmp/seed.json"
    finish
fi
if want mixed-utf8-then-gbk; then
    begin mixed-utf8-then-gbk small
    # a UTF-8 report with a paragraph pasted from a GBK file at its end:
    # UTF-8 breaks where the GBK bytes start
    printf '附件：本段落从另一个文件粘贴而来，使用了GBK编码。\n' | iconv -f UTF-8 -t GBK > "$tmp/tail.gbk"
    cat "$seed" "$tmp/tail.gbk" > "$tmp/mixed1.txt"
    run "$tmp/mixed1.txt"
    expect_exit 1
    expect_err "$tmp/mixed1.txt:$((seed_lines + 1)): invalid UTF-8 byte at byte offset $seed_bytes"
    finish
fi
if want mixed-gbk-with-utf8-title; then
    begin mixed-gbk-with-utf8-title small
    # a GBK report whose title line was typed in as UTF-8: UTF-8 breaks where
    # the GBK body starts (byte 37). The UTF-8 title's bytes happen to pair up
    # as valid GBK, so reading it all as GB18030 "works" and gives garbage.
    printf '部门整体支出绩效自评报告\n' > "$tmp/mixed2.txt"
    at=$(wc -c < "$tmp/mixed2.txt")
    cat "$tmp/gbk.txt" >> "$tmp/mixed2.txt"
    run "$tmp/mixed2.txt"
    expect_exit 1
    grep -Eq "^baogao: $tmp/mixed2.txt:[0-9]+: .*byte offset $at" "$tmp/err" \
        || problem "want an error at byte offset $at (where UTF-8 breaks), got exit $rc: $(head -c 200 "$tmp/err") $(head -c 200 "$tmp/out")"
    finish
fi
if want utf16le-without-bom; then
    begin utf16le-without-bom small
    run "$tmp/u16le.txt"
    expect_exit 0
    expect_json
    expect_get source.encoding UTF-16LE
    expect_same_as "$tmp/seed.json"
    finish
fi
if want utf16be-without-bom; then
    begin utf16be-without-bom small
    iconv -f UTF-8 -t UTF-16BE "$seed" > "$tmp/u16be.txt"
    run "$tmp/u16be.txt"
    expect_exit 0
    expect_json
    expect_get source.encoding UTF-16BE
    expect_same_as "$tmp/seed.json"
    finish
fi
if want utf16-odd-length; then
    begin utf16-odd-length small
    { printf '\377\376'; cat "$tmp/u16le.txt"; printf 'A'; } > "$tmp/u16odd.txt"
    at=$(($(wc -c < "$tmp/u16odd.txt") - 1))
    run "$tmp/u16odd.txt"
    expect_exit 1
    expect_err "$tmp/u16odd.txt:$((seed_lines + 1)): truncated UTF-16LE character at byte offset $at \\(end of file\\)"
    finish
fi
if want utf16-lone-surrogate; then
    begin utf16-lone-surrogate small
    # 100 characters of the report, then a high surrogate followed by "A"
    { printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$seed" | head -c 200; printf '\000\330A\000'; } > "$tmp/u16sur.txt"
    line=$(($(iconv -f UTF-8 -t UTF-16LE "$seed" | head -c 200 | iconv -f UTF-16LE -t UTF-8 | wc -l) + 1))
    run "$tmp/u16sur.txt"
    expect_exit 1
    expect_err "$tmp/u16sur.txt:$line: unpaired UTF-16LE surrogate at byte offset 202"
    finish
fi
if want empty-file; then
    begin empty-file small
    : > "$tmp/empty.txt"
    run "$tmp/empty.txt"
    expect_exit 1
    expect_err "$tmp/empty.txt:1: empty file"
    finish
fi
if want bom-only; then
    begin bom-only small
    printf '\357\273\277' > "$tmp/bom.txt"
    run "$tmp/bom.txt"
    expect_exit 1
    expect_err "$tmp/bom.txt:1: no text, only whitespace"
    finish
fi

# ---- provenance and line numbers ----------------------------------------------------

if want provenance-continued-cell; then
    begin provenance-continued-cell small
    # a cell-per-line table whose second cell is empty on line 1 and continued
    # on line 2 by "电话：5276059": the phone is on line 2, where its span is
    f=tests/hostile/regress/cli-provenance-phone-in-continued-cell.txt
    run "$f"
    expect_exit 0
    expect_json
    expect_get document.phone 5276059
    expect_get document.provenance.phone.span '[12,19]'
    expect_get document.provenance.phone.line 2
    finish
fi
if want warning-line-past-end; then
    begin warning-line-past-end small
    # a NUL after the last line break: its warning may not name a line the
    # result says does not exist
    printf 'ok\n\000' > "$tmp/nul-end.txt"
    run "$tmp/nul-end.txt" --encoding UTF-8
    expect_exit 0
    expect_json
    lines=$("$JSONQ" get "$tmp/out" source.lines 2>/dev/null)
    "$JSONQ" warnings "$tmp/out" > "$tmp/warn" 2>/dev/null
    grep -q 'NUL byte removed' "$tmp/warn" || problem "no NUL warning: $(cat "$tmp/warn")"
    awk -F '\t' -v n="$lines" '$1 != "null" && $1 > n { bad = 1 } END { exit bad }' "$tmp/warn" \
        || problem "a warning names a line past source.lines ($lines): $(cat "$tmp/warn")"
    finish
fi

# ---- size ----------------------------------------------------------------------

if want million-blank-lines && ! skip_large; then
    begin million-blank-lines large
    yes '' | head -n 1000000 > "$tmp/blank.txt"
    run "$tmp/blank.txt"
    expect_exit 1
    expect_err "$tmp/blank.txt:1: no text, only whitespace"
    finish
fi
if want million-blank-lines-in-report && ! skip_large; then
    begin million-blank-lines-in-report large
    { sed -n 1,3p "$seed"; yes '' | head -n 1000000; sed -n '4,$p' "$seed"; } > "$tmp/blank2.txt"
    run "$tmp/blank2.txt"
    expect_exit 0
    expect_json
    expect_get document.title "$seed_title"
    expect_get source.lines $(($("$JSONQ" get "$tmp/seed.json" source.lines) + 1000000))
    # the section lines move by a million; the first section stays on line 3
    expect_get sections.0.line 3
    finish
fi
if want single-line-50mb && ! skip_large; then
    begin single-line-50mb large
    # a PDF conversion that lost every line break: 50 MB of prose, no LF
    sentence='本单位2021年度部门预算收入共计1,234.56万元，较上年增长5.2%，主要用于人员经费和日常公用经费支出；'
    per=$(printf '%s\n' "$sentence" | wc -c)
    yes "$sentence" | head -n $((52428800 / per)) | tr -d '\n' > "$tmp/oneline.txt"
    run "$tmp/oneline.txt"
    expect_exit 0
    expect_json
    expect_get source.lines 1
    finish
fi
if want wrapped-paragraph-1m-lines && ! skip_large; then
    begin wrapped-paragraph-1m-lines large
    # one paragraph hard-wrapped over a million lines (never a sentence end)
    yes '主要用于人员经费和日常公用经费支出以及其他专项业务的开展' | head -n 1000000 > "$tmp/wrapped.txt"
    # source.lines as this build counts a file ending in LF, from two such lines
    head -n 2 "$tmp/wrapped.txt" > "$tmp/wrapped2.txt"
    two=$("$B" --compact "$tmp/wrapped2.txt" 2>/dev/null > "$tmp/two.json"; "$JSONQ" get "$tmp/two.json" source.lines)
    run "$tmp/wrapped.txt"
    expect_exit 0
    expect_json
    expect_get source.lines $((two + 999998))
    finish
fi
if want nested-headings-100k && ! skip_large; then
    begin nested-headings-100k large
    # 800 top-level headings 一、…八百、, each over 31 groups of four nested
    # levels (一)…(三十一) / 1、 / (1) / ①: 800 x (1 + 31 x 4) = 100,000
    # headings, five levels deep. (The cn styles stop at 百, so no more
    # top-level numbers exist; numbering that goes back is not a heading.)
    awk 'function cn(n,   d, u, s, i, k, z) {
            split("零,一,二,三,四,五,六,七,八,九", d, ","); split(",十,百,千,万", u, ",")
            s = ""; z = 0
            for (i = 5; i >= 1; i--) {
                k = int(n / 10 ^ (i - 1)) % 10
                if (k == 0) { if (s != "") z = 1; continue }
                if (z) { s = s "零"; z = 0 }
                if (!(k == 1 && i == 2 && s == "")) s = s d[k + 1]
                s = s u[i]
            }
            return s
         }
         BEGIN {
            for (t = 1; t <= 800; t++) {
                printf "%s、部门概况%d\n", cn(t), t
                for (c = 1; c <= 31; c++)
                    printf "(%s)基本情况\n1、机构设置\n(1)内设机构\n①办公室\n", cn(c)
            }
         }' > "$tmp/headings.txt"
    run "$tmp/headings.txt"
    expect_exit 0
    expect_json
    got=$("$JSONQ" sections "$tmp/out" 2>/dev/null)
    [ "$got" = "100000 5" ] || problem "sections (count depth) \"$got\", want \"100000 5\""
    finish
fi
if want tab-row-100k-cells && ! skip_large; then
    begin tab-row-100k-cells large
    awk 'BEGIN { printf "项目名称"; for (i = 2; i <= 100000; i++) printf "\t金额%d", i; printf "\n" }' > "$tmp/wide.txt"
    run "$tmp/wide.txt"
    expect_exit 0
    expect_json
    expect_get 'tables.#' 1
    expect_get tables.0.shape tab-rows
    expect_get 'tables.0.header.#' 100000
    expect_get tables.0.header.99999 金额100000
    finish
fi
if want tab-row-100k-numbers && ! skip_large; then
    begin tab-row-100k-numbers large
    # a wide table of figures: no cell is a label
    awk 'BEGIN { printf "1"; for (i = 2; i <= 100000; i++) printf "\t%d", i; printf "\n" }' > "$tmp/widenum.txt"
    run "$tmp/widenum.txt"
    expect_exit 0
    expect_json
    expect_get 'tables.0.header.#' 100000
    finish
fi
# The most memory a byte of input can cost: nothing but amounts, five bytes
# each, every one a record of about 270 bytes in the JSON and held as a
# structure until it is written. The bound of finish() is set by this case.
if want dense-amounts-300k && ! skip_large; then
    begin dense-amounts-300k large
    awk 'BEGIN { for (i = 1; i <= 300000; i++) printf "1元\n" }' > "$tmp/dense.txt"
    run "$tmp/dense.txt"
    expect_exit 0
    expect_json
    expect_get 'amounts.#' 300000
    expect_get amounts.299999.value_wan 0.0001
    expect_get amounts.299999.line 300000
    finish
fi
digits() { awk -v n="$1" 'BEGIN { srand(7); printf "1"; for (i = 1; i < n; i++) printf "%d", int(rand() * 10) }'; }
if want number-10000-digits && ! skip_large; then
    begin number-10000-digits large
    { sed -n 1,3p "$seed"; printf '本项目预算资金%s元，其中财政拨款%s万元。\n' "$(digits 10000)" "$(digits 10000)";
      printf '项目\t金额（元）\n合计\t%s\n\n' "$(digits 10000)"; sed -n '4,$p' "$seed"; } > "$tmp/bignum.txt"
    run "$tmp/bignum.txt"
    expect_exit 0
    expect_json
    expect_get document.title "$seed_title"
    # no amount may carry more than 40 digits (decimal.h refuses, never rounds)
    if grep -Eq '[0-9]{41}' "$tmp/out" && "$JSONQ" get "$tmp/out" amounts | grep -Eq '[0-9]{41}'; then
        problem "an amount holds a 10,000-digit number"
    fi
    finish
fi
if want phone-10000-digits; then
    begin phone-10000-digits small
    # a labelled value that is a 10,000-digit number is no phone number
    { sed -n 1,3p "$seed"; printf '联系电话：%s\n' "$(digits 10000)"; sed -n '4,$p' "$seed"; } > "$tmp/bigphone.txt"
    run "$tmp/bigphone.txt"
    expect_exit 0
    expect_json
    expect_get document.phone null
    finish
fi
if want wan-repeated-1m && ! skip_large; then
    begin wan-repeated-1m large
    { printf '预算资金'; yes 万 | head -n 1000000 | tr -d '\n'; printf '元\n'; } > "$tmp/wan.txt"
    run "$tmp/wan.txt"
    expect_exit 0
    expect_json
    expect_get 'amounts.#' 0
    finish
fi

# ---- worst cases for the pattern files' expressions ------------------------------
# Each: a line built to make one expression of patterns/ backtrack as much as it
# can. The line must finish, give valid JSON, and anything the engine gave up
# on must be said in a warning, not dropped silently.

# line NAME FILE-CONTENT-COMMAND: one case of a 1,000,000-unit line
worst() {
    wname=$1
    shift
    if want "$wname" && ! skip_large; then
        begin "$wname" large
        "$@" > "$tmp/worst.txt"
        run "$tmp/worst.txt"
        expect_exit 0
        expect_json
        finish
    fi
}
rep() { awk -v n="$2" -v u="$1" -v p="$3" -v s="$4" 'BEGIN { printf "%s", p; for (i = 0; i < n; i++) printf "%s", u; printf "%s\n", s }'; }
# [heading] style part:    ^第(?<num>[一…两]+)(?:部分|章|篇)          — a numeral that never ends
worst heading-part-1m rep 一 1000000 第 x
# [heading] style cn:      ^(?<num>[一…两]+)[、.]
worst heading-cn-1m rep 二 1000000 '' x
# [heading] style paren-cn: ^\((?<num>[一…两]+)\)   (（ arrives as ( after NFKC)
worst heading-paren-cn-1m rep 三 1000000 （ x
# [heading] style arabic:  ^(?<num>[0-9]{1,3})(?:、|\.(?![0-9]))     — 1.2.3… never ends a marker
worst heading-arabic-1m rep 1. 1000000 '' 1
# [heading] style paren-arabic: ^\((?<num>[0-9]{1,3})\)
worst heading-paren-arabic-1m rep '(1' 1000000 '' x
# [heading] style circled: ^(?<num>[①…⑳])
worst heading-circled-1m rep ① 1000000 '' ''
# [heading] repeat: [一…十]、 and \([一…十]+\) inside titles; [heading-rules] clause
repeat_lines() { yes '一、(一(二(三(四(五(六(七(八(九(十一、二、三、四' | head -n 200000; }
worst heading-repeat-lines repeat_lines
# [layout] pagenum 1: ^\s*[—–\-]+\s*[0-9]{1,4}\s*[—–\-]+\s*$        — dashes, a number, dashes, then junk
worst layout-pagenum-dashes-1m rep '— ' 500000 '' '1 — x'
# [layout] pagenum 2: ^\s*第\s*[0-9]{1,4}\s*页(?:\s*[,/]?\s*共…)?\s*$  — \s*[,/]?\s* over a long run of spaces
worst layout-pagenum-page-1m rep ' ' 1000000 '第1页' x
page_lines() { awk 'BEGIN { s = sprintf("%1500s", ""); for (i = 0; i < 2000; i++) print "第1页" s "x" }'; }
worst layout-pagenum-page-lines page_lines
# [layout] pagenum 3: ^\s*[0-9]{1,4}\s*/\s*[0-9]{1,4}\s*$
worst layout-pagenum-slash-1m rep ' ' 1000000 '12/' '34x'
# [layout] residue: 当前位置\s*[:>] | ^\s*首页\s*> | 字体\s*:\s*大\s*中\s*小 …
worst layout-residue-1m rep '当前位置 首页 字体 : 大 中 【 打印 ' 100000 '' ''
# [layout] continues: [、,]\s*$ on a paragraph that grows line by line
continues_lines() { yes '这是一个很长的句子它没有结束而是在这里断开了、' | head -n 200000; }
worst layout-continues-lines continues_lines
# [layout] sheet lines: many short tokens between single spaces
worst layout-sheet-1m rep '项目 ' 1000000 '' ''
# [cell-stream] a one-line sheet of header-like cells that never name three
# columns: each start's run of header cells is walked once, not once per start
worst stream-header-like-1m rep '执行率 ' 300000 '' ''
# glued indicator rows (lib/glued_levels.c): many rows on one line; a row
# whose actual stands only at the far end (the search for it stops at a
# target's reach); a document-sharing site's pages, a row each
worst glued-levels-rows rep '产出指标数量指标培训人数100%100%' 20000 '一级指标二级指标三级指标指标值完成值' ''
worst glued-levels-actual-far rep '产出指标甲≥' 300000 '一级指标二级指标三级指标指标值完成值' '已完成'
shared_pages() { awk 'BEGIN { print "由会员分享,可在线阅读"; print "1、一级指标二级指标三级指标指标值完成值"; for (i = 2; i < 100000; i++) printf "%d、产出指标数量指标培训人数100%%100%%\n", i }'; }
worst glued-levels-shared-pages shared_pages
# [cell-stream] one cell per line: a header and rows again and again
worst stream-cell-lines rep '一级指标\n\n二级指标\n\n三级指标\n\n分值\n\n得分\n\n产出指标\n\n数量指标\n\n培训人数\n\n5\n\n4\n\n' 30000 '' ''
# [cell-stream] column_slack: many small tables laid out with spaces, cut out of the paragraphs in one pass
many_column_tables() { awk 'BEGIN { for (i = 0; i < 30000; i++) printf "  三级指标      分值  得分  一级指标\n  培训人数%d    10    9\n本段为说明文字，用于隔开两个表格。\n", i }'; }
worst columns-many-tables many_column_tables
# [column] rows of words one space apart: many small tables cut out of the paragraphs in one pass
many_word_tables() { awk 'BEGIN { for (i = 0; i < 30000; i++) printf "三级指标 分值 得分 一级指标\n培训人数%d 10 9\n本段为说明文字，用于隔开两个表格。\n", i }'; }
worst words-many-tables many_word_tables
# pipe rows counted over lines: a cell per line, rows of nine cells, again and again
worst pipe-cells-lines rep '一级指标 |\n二级指标 |\n三级指标 |\n分值 |\n得分 |\n|||\n产出指标 |\n数量指标 |\n培训人数 |\n5 |\n4 |\n|||\n' 40000 '' ''
# [field] label: "label: value" — the value runs until the next label, looked for at every byte
worst field-label-long-value rep a 1000000 '单位名称：' ''
# [document] date_format and year_prose over digits and 年
worst document-dates-1m rep '2021年' 500000 '' ''
# [amounts] expression: groups of a thousands separator that never reach a unit,
# a range that never ends, ¥ with nothing after it, 人民币 over and over
worst amounts-separators-1m rep ',000' 250000 '收入1' 'x元'
worst amounts-range-1m rep '1-' 300000 '收入' '万'
worst amounts-sign-1m rep '¥' 500000 '收入' ''
worst amounts-rmb-1m rep '人民币' 300000 '收入' '1'
# [labels] and [amounts] unitless: a money word, then a long run before a figure
worst amounts-label-run-1m rep '资金' 400000 '' '100'
# [scores] total/item/item_weight: 得分 and digits that never reach 分
worst scores-item-digits-1m rep 1 1000000 '自评得分' 'x'
worst scores-total-1m rep '项目自评' 300000 '' '得分1'
worst scores-weight-1m rep '满分' 400000 '' '1'
# [indicator-rules] weighted_name (.*? then \s*\( over a long run of spaces)
# and figure (a comparator and digits that never reach a unit), in table cells
spaced_name() { printf '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分\n'
                printf '产出指标'; rep ' ' 200000 '' 'x\t数量指标\t公厕数\t'; rep 1 300000 '≥' 'x\t32座\t10\t10'; }
worst indicators-name-figure spaced_name

# ---- pattern files a user hands in with --patterns --------------------------------
# A set is either refused (exit 2, "FILE:LINE: message") or it works: never a
# hang, never output that is not UTF-8.

patdir() { rm -rf "$tmp/pat"; mkdir -p "$tmp/pat"; cp patterns/*.txt "$tmp/pat/"; }
if want patterns-empty-match-year-prose; then
    begin patterns-empty-match-year-prose small
    # year_prose that can match the empty string, on a report whose title has no year
    patdir
    sed -i 's/^year_prose: .*/year_prose: (?<year>)/' "$tmp/pat/document.txt"
    printf '工作报告\n这是正文内容。\n' > "$tmp/noyear.txt"
    run "$tmp/noyear.txt" --patterns "$tmp/pat"
    case $rc in
    0) expect_json ;;
    2) grep -Eq "^baogao: $tmp/pat/document.txt:[0-9]+: " "$tmp/err" || problem "exit 2 without FILE:LINE: $(head -c 200 "$tmp/err")" ;;
    *) problem "exit $rc, want 0 or 2" ;;
    esac
    awk -v s="$secs" -v l="$limit" 'BEGIN { exit !(s > l) }' && problem "took ${secs} s"
    finish
fi
if want patterns-amount-without-number; then
    begin patterns-amount-without-number small
    # an amount expression whose num group may stay unset (fuzz finding: a
    # pointer computed from the unset group's offset)
    patdir
    sed -i 's/^expression: .*/expression: (?<num>[0-9]+)?(?<yuan2>元)/' "$tmp/pat/amounts.txt"
    printf '工作报告\n收入元，支出5元。\n' > "$tmp/nonum.txt"
    run "$tmp/nonum.txt" --patterns "$tmp/pat"
    expect_exit 0
    expect_json
    expect_get 'amounts.#' 1
    expect_get amounts.0.value 5
    finish
fi
if want patterns-invalid-utf8-kind-name; then
    begin patterns-invalid-utf8-kind-name small
    # a [kind] name that is not UTF-8 would go into document.kind as it is
    patdir
    sed -i '0,/^name: /s/^name: /name: \xff\xfe/' "$tmp/pat/kinds.txt"
    run "$seed" --patterns "$tmp/pat"
    expect_exit 2
    grep -Eq "^baogao: $tmp/pat/kinds.txt:[0-9]+: " "$tmp/err" || problem "no FILE:LINE: message: $(head -c 200 "$tmp/err")"
    iconv -f UTF-8 -t UTF-8 "$tmp/out" > /dev/null 2>&1 || problem "the output is not UTF-8"
    finish
fi
if want patterns-error-message-utf8; then
    begin patterns-error-message-utf8 small
    # a malformed line of Chinese text: the message quoting it must stay UTF-8
    patdir
    { printf '[x]\nkkkkkkkkkkk '; i=0; while [ $i -lt 200 ]; do printf '汉'; i=$((i + 1)); done; printf '\n'; } > "$tmp/pat/zz.txt"
    run "$seed" --patterns "$tmp/pat"
    expect_exit 2
    expect_err "$tmp/pat/zz.txt:2: expected .*"
    iconv -f UTF-8 -t UTF-8 "$tmp/err" > /dev/null 2>&1 || problem "the message is not UTF-8 (cut inside a character)"
    finish
fi
if want patterns-record-given-twice && [ -f patterns/checks.txt ]; then
    begin patterns-record-given-twice small
    # [checks] twice: refused like [heading-rules] twice ("given twice"), not
    # compiled twice (the first expressions leaked)
    patdir
    cp patterns/checks.txt "$tmp/pat/zz_checks.txt"
    run "$seed" --patterns "$tmp/pat"
    expect_exit 2
    expect_err "$tmp/pat/zz_checks.txt:[0-9]+: .*twice.*"
    finish
fi

# ---- regression inputs kept in tests/hostile/regress/cli-* ----------------------

for f in tests/hostile/regress/cli-*; do
    [ -f "$f" ] || continue
    n=regress:$(basename "$f")
    want "$n" || continue
    begin "$n" small
    run "$f"
    case $rc in
    0) expect_json ;;
    1) grep -Eq "^baogao: $f:[0-9]+: " "$tmp/err" || problem "exit 1 without a FILE:LINE: message: $(head -c 200 "$tmp/err")" ;;
    *) problem "exit $rc: $(head -c 300 "$tmp/err")" ;;
    esac
    awk -v s="$secs" -v l="$limit" 'BEGIN { exit !(s > l) }' && problem "took ${secs} s"
    finish
done

echo "hostile: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
