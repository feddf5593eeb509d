#!/bin/sh
# Command-line tests: exit codes, messages, stdin, several files, and the
# "two doors" check (the CLI prints exactly what the library API gives).
# Usage: run.sh BAOGAO GOLDEN
B=$1
G=$2
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

# expect_exit CODE DESCRIPTION -- COMMAND...: run, keep stdout/stderr in $tmp/out, $tmp/err
expect_exit() {
    want=$1; what=$2; shift 3
    "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    if [ "$got" -eq "$want" ]; then ok; else bad "$what: exit $got, want $want"; cat "$tmp/err"; fi
}
expect_grep() {   # expect_grep FILE REGEX DESCRIPTION
    if grep -Eq -- "$2" "$1"; then ok; else bad "$3: no /$2/ in $(basename "$1"): $(head -c 300 "$1")"; fi
}

seed=corpus/seeds/001.txt

# help, version, usage errors
expect_exit 0 "--help" -- "$B" --help
expect_grep "$tmp/out" '^Usage: baogao' "--help goes to stdout"
expect_exit 0 "--version" -- "$B" --version
expect_grep "$tmp/out" '^baogao [0-9]+\.[0-9]+\.[0-9]+$' "--version"
expect_exit 2 "unknown option" -- "$B" --bogus "$seed"
expect_grep "$tmp/err" "^baogao: unknown option '--bogus'" "usage error message"
expect_exit 2 "missing option value" -- "$B" "$seed" --encoding
expect_exit 2 "unknown encoding" -- "$B" --encoding NO-SUCH-ENCODING "$seed"
expect_grep "$tmp/err" '^baogao: unknown encoding' "unknown encoding message"

# one file, stdin, determinism
expect_exit 0 "one file" -- "$B" "$seed"
cp "$tmp/out" "$tmp/one.json"
if [ "$(wc -l < "$tmp/one.json")" -gt 20 ]; then ok; else bad "one file is not pretty by default"; fi
expect_exit 0 "same file again" -- "$B" "$seed"
if cmp -s "$tmp/out" "$tmp/one.json"; then ok; else bad "output is not deterministic"; fi
expect_exit 0 "stdin" -- sh -c "\"$B\" < $seed"
expect_grep "$tmp/out" '"path":[[:space:]]+"-"' "stdin is named -"
expect_exit 0 "stdin as -" -- sh -c "\"$B\" --compact - < $seed"
expect_grep "$tmp/out" '"title":"高邑县医疗保障局部门2021年度整体支出绩效自评报告"' "stdin converts"
expect_exit 0 "--compact" -- "$B" --compact "$seed"
if [ "$(wc -l < "$tmp/out")" -eq 1 ]; then ok; else bad "--compact is not one line"; fi

# hostile inputs: each a clear message naming the file, and the right exit code
printf '\211PNG\r\n\032\n\000\000\000\rIHDR' > "$tmp/image.txt"
: > "$tmp/empty.txt"
printf '\344\270\255\346\226\207\346' > "$tmp/cut.txt"          # 中文 + a cut sequence
printf 'ok line\n\201\060\201\060\377\n' > "$tmp/badgb.txt"     # invalid GB18030 at byte 12
expect_exit 1 "binary file" -- "$B" "$tmp/image.txt"
expect_grep "$tmp/err" "^baogao: $tmp/image.txt:1: binary file \(PNG image\)" "binary message"
expect_exit 1 "empty file" -- "$B" "$tmp/empty.txt"
expect_grep "$tmp/err" "^baogao: $tmp/empty.txt:1: empty file" "empty message"
expect_exit 1 "truncated UTF-8" -- "$B" "$tmp/cut.txt"
expect_grep "$tmp/err" "^baogao: $tmp/cut.txt:1: truncated UTF-8 character at byte offset 6" "truncated message"
expect_exit 1 "invalid GB18030" -- "$B" "$tmp/badgb.txt"
expect_grep "$tmp/err" "^baogao: $tmp/badgb.txt:2: invalid GB18030 byte sequence at byte offset 12" "GB18030 message"
expect_exit 1 "missing file" -- "$B" "$tmp/nope.txt"
expect_grep "$tmp/err" "^baogao: $tmp/nope.txt: cannot open: No such file" "missing file message"
expect_exit 0 "--lossy" -- "$B" --lossy --compact "$tmp/cut.txt"
expect_grep "$tmp/out" 'undecodable UTF-8 byte at offset 6 replaced by U\+FFFD' "--lossy warns"

# several files: JSON Lines in order, a bad file does not stop the others
expect_exit 1 "several files, some bad" -- "$B" corpus/seeds/000.txt "$tmp/image.txt" "$tmp/empty.txt" "$seed" "$tmp/cut.txt"
if [ "$(wc -l < "$tmp/out")" -eq 5 ]; then ok; else bad "JSON Lines: want 5 lines, got $(wc -l < "$tmp/out")"; fi
sed -n 1p "$tmp/out" > "$tmp/l1"; sed -n 2p "$tmp/out" > "$tmp/l2"; sed -n 4p "$tmp/out" > "$tmp/l4"
expect_grep "$tmp/l1" '"organization":"华容区医疗保障局"' "first file converted"
expect_grep "$tmp/l2" '"error":\{"code":"binary data, not text"' "error record for the bad file"
expect_grep "$tmp/l4" '"organization":"高邑县医疗保障局"' "file after the bad ones converted"
if [ "$(grep -c '^baogao: ' "$tmp/err")" -eq 3 ]; then ok; else bad "want 3 messages on stderr"; fi
# every line is valid against its schema: an error record against the error
# schema, a result against the result schema (so a pipeline can validate both)
grep '"error":{' "$tmp/out" > "$tmp/errors.jsonl"
grep -v '"error":{' "$tmp/out" > "$tmp/results.jsonl"
if [ "$(wc -l < "$tmp/errors.jsonl")" -eq 3 ]; then ok; else bad "want 3 error records"; fi
if "$G" --validate schema/baogao-error.schema.json "$tmp/errors.jsonl"; then ok; else bad "error records against schema/baogao-error.schema.json"; fi
if "$G" --validate schema/baogao.schema.json "$tmp/results.jsonl"; then ok; else bad "results against schema/baogao.schema.json"; fi
# and the validator can fail: a result is no error record, an error record no result
if "$G" --validate schema/baogao-error.schema.json "$tmp/results.jsonl" > /dev/null 2>&1; then
    bad "a result passed as an error record"; else ok; fi
if "$G" --validate schema/baogao.schema.json "$tmp/errors.jsonl" > /dev/null 2>&1; then
    bad "an error record passed as a result"; else ok; fi
expect_exit 0 "several good files" -- "$B" corpus/seeds/000.txt corpus/seeds/004.txt
if [ "$(wc -l < "$tmp/out")" -eq 2 ]; then ok; else bad "two files, two lines"; fi

# forced encoding
iconv -f UTF-8 -t GB18030 "$seed" > "$tmp/gb.txt"
expect_exit 0 "--encoding GB18030" -- "$B" --compact --encoding GB18030 "$tmp/gb.txt"
expect_grep "$tmp/out" '"encoding":"GB18030"' "forced encoding recorded"
expect_exit 1 "wrong forced encoding" -- "$B" --encoding UTF-8 "$tmp/gb.txt"
expect_grep "$tmp/err" 'invalid UTF-8 byte at byte offset' "wrong forced encoding message"

# pattern files: another set loads; a malformed one is reported as file:line
mkdir -p "$tmp/pat"
cp patterns/*.txt "$tmp/pat/"
expect_exit 0 "--patterns DIR" -- "$B" --compact --patterns "$tmp/pat" "$seed"
printf '[heading]\nstyle: x\nregex: ^(?<num>[0-9]+\nordinal: arabic\n' > "$tmp/pat/zz_bad.txt"
expect_exit 2 "malformed pattern" -- "$B" --patterns "$tmp/pat" "$seed"
expect_grep "$tmp/err" "^baogao: $tmp/pat/zz_bad.txt:3: regex: missing closing parenthesis" "pattern error names file:line"
printf '[no-such-record]\nkey: value\n' > "$tmp/pat/zz_bad.txt"
expect_exit 2 "unknown record type" -- "$B" --patterns "$tmp/pat" "$seed"
expect_grep "$tmp/err" "zz_bad.txt:1: unknown record type \[no-such-record\]" "unknown record type message"

# spreadsheet headers in Chinese (--headers zh), the facts table, and the man
# page naming every column in both languages
expect_exit 0 "--headers zh" -- "$B" --format csv --table facts --headers zh "$seed"
if [ "$(head -n 1 "$tmp/out" | tr -d '\r')" = "文件,单位,年度,报告类型,收支项目,口径,所属年度,金额(万元),陈述次数,首次序号,首次行号,首次出处,首次名称" ]; then ok; else bad "facts header in Chinese: $(head -n 1 "$tmp/out")"; fi
expect_grep "$tmp/out" '^corpus/seeds/001.txt,高邑县医疗保障局,2021,部门整体支出绩效自评报告,支出合计,决算数,2021,3686.23,1,9,53,prose,本年支出' "the facts row of 001's 决算 支出合计"
expect_exit 0 "--headers en" -- "$B" --format tsv --table amounts --headers en "$seed"
expect_grep "$tmp/out" '	item	measure	period	same_as$' "amounts header ends with the fact columns"
expect_exit 2 "--headers on JSON" -- "$B" --headers zh "$seed"
expect_grep "$tmp/err" '^baogao: --headers applies to --format csv, tsv and xlsx' "--headers usage message"
expect_exit 2 "unknown header language" -- "$B" --format csv --headers fr "$seed"
expect_grep "$tmp/err" "^baogao: unknown header language 'fr' \(en, zh\)" "--headers language message"
for t in documents sections amounts indicators projects scores checks facts; do
    for lang in en zh; do
        "$B" --format tsv --table "$t" --headers "$lang" "$seed" 2>/dev/null | head -n 1 | tr '\t' '\n' > "$tmp/cols"
        missing=$(while read -r c; do grep -qF -- "$c" man/baogao.1 || echo "$c"; done < "$tmp/cols")
        if [ -s "$tmp/cols" ] && [ -z "$missing" ]; then ok; else bad "man page lacks $t columns ($lang): $missing"; fi
    done
done
"$B" --format tsv --table documents --headers zh "$seed" | head -n 1 | tr '\t' '\n' > "$tmp/zh"
"$B" --format tsv --table documents "$seed" | head -n 1 | tr '\t' '\n' > "$tmp/en"
if [ "$(wc -l < "$tmp/zh")" -eq "$(wc -l < "$tmp/en")" ]; then ok; else bad "zh and en headers differ in length"; fi

# two doors: the CLI prints exactly what the library API returns
for f in $(find corpus -name '*.txt' | sort); do
    "$B" --compact "$f" > "$tmp/cli.json" 2>/dev/null
    "$G" --emit "$f" > "$tmp/lib.json" 2>/dev/null
    if cmp -s "$tmp/cli.json" "$tmp/lib.json"; then ok; else bad "CLI and library differ on $f"; fi
done

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
