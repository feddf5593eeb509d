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
expect_grep "$tmp/l2" '"error":\{"code":"binary"' "error record for the bad file"
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
        # the whole table to a file first: baogao killed by SIGPIPE when head
        # stops reading would be a crash to valgrind
        "$B" --format tsv --table "$t" --headers "$lang" "$seed" > "$tmp/table" 2>/dev/null
        head -n 1 "$tmp/table" | tr '\t' '\n' > "$tmp/cols"
        missing=$(while read -r c; do grep -qF -- "$c" man/baogao.1 || echo "$c"; done < "$tmp/cols")
        if [ -s "$tmp/cols" ] && [ -z "$missing" ]; then ok; else bad "man page lacks $t columns ($lang): $missing"; fi
    done
done
"$B" --format tsv --table documents --headers zh "$seed" > "$tmp/table"
head -n 1 "$tmp/table" | tr '\t' '\n' > "$tmp/zh"
"$B" --format tsv --table documents "$seed" > "$tmp/table"
head -n 1 "$tmp/table" | tr '\t' '\n' > "$tmp/en"
if [ "$(wc -l < "$tmp/zh")" -eq "$(wc -l < "$tmp/en")" ]; then ok; else bad "zh and en headers differ in length"; fi

# ---- -o through a link, into a pipe, onto a device (issue 13, item 1) ----------
# Every format writes a device or a pipe in place, keeps a symbolic link (its
# target gets the new contents, renamed into place) and writes a name for one
# of its descriptors (/dev/stdout is a link to /proc/self/fd/1) to that
# descriptor. Run as root and as nobody: root may replace anything in /dev.
same_output() {   # same_output FORMAT GOT WANT DESCRIPTION
    if [ "$1" = xlsx ]; then
        if [ "$(head -c 2 "$2" 2>/dev/null)" = PK ]; then ok; else bad "$4: not a workbook"; fi
    elif cmp -s "$2" "$3"; then ok; else bad "$4: wrong contents"; fi
}
dest_cases() {   # dest_cases USER DIR RUN_AS...
    who=$1; d=$2; shift 2
    cp corpus/seeds/004.txt "$d/in.txt"
    for fmt in json html jsonl csv xlsx; do
        w="$who, --format $fmt"
        "$@" "$B" -q --format "$fmt" "$d/in.txt" > "$d/want.$fmt" 2>/dev/null
        mkdir -p "$d/t.$fmt" && chmod 777 "$d/t.$fmt"
        echo old > "$d/t.$fmt/target" && chmod 666 "$d/t.$fmt/target"
        ln -s "t.$fmt/target" "$d/link.$fmt"
        ln -s "t.$fmt/new" "$d/dangling.$fmt"
        expect_exit 0 "$w: -o a link" -- "$@" "$B" -q --format "$fmt" -o "$d/link.$fmt" "$d/in.txt"
        if [ -L "$d/link.$fmt" ]; then ok; else bad "$w: -o a link replaced the link"; fi
        same_output "$fmt" "$d/t.$fmt/target" "$d/want.$fmt" "$w: -o a link: its target"
        expect_exit 0 "$w: -o a link to a file still to be made" -- "$@" "$B" -q --format "$fmt" -o "$d/dangling.$fmt" "$d/in.txt"
        if [ -L "$d/dangling.$fmt" ]; then ok; else bad "$w: -o a dangling link replaced the link"; fi
        same_output "$fmt" "$d/t.$fmt/new" "$d/want.$fmt" "$w: -o a dangling link: its target"
        if ls -A "$d" "$d/t.$fmt" | grep -q baogao-tmp; then bad "$w: temporary files left"; else ok; fi
        mkfifo -m 666 "$d/fifo.$fmt"
        timeout 20 cat "$d/fifo.$fmt" > "$d/fifo.$fmt.out" &
        reader=$!
        expect_exit 0 "$w: -o a FIFO" -- timeout 20 "$@" "$B" -q --format "$fmt" -o "$d/fifo.$fmt" "$d/in.txt"
        wait "$reader"
        if [ -p "$d/fifo.$fmt" ]; then ok; else bad "$w: -o a FIFO replaced the FIFO"; fi
        same_output "$fmt" "$d/fifo.$fmt.out" "$d/want.$fmt" "$w: -o a FIFO: what its reader read"
        expect_exit 0 "$w: -o a device" -- "$@" "$B" -q --format "$fmt" -o "$null" "$d/in.txt"
        if [ -c "$null" ]; then ok; else bad "$w: -o a device replaced the device"; fi
        expect_exit 1 "$w: -o a full device" -- "$@" "$B" -q --format "$fmt" -o "$full" "$d/in.txt"
        expect_grep "$tmp/err" "No space left on device" "$w: -o a full device is written in place"
        if [ -c "$full" ]; then ok; else bad "$w: -o a full device replaced the device"; fi
        # a name for a descriptor: written to it, so a pipe gets it and >> appends
        ln -s /proc/self/fd/1 "$d/stdout.$fmt"
        "$@" sh -c "\"$B\" -q --format $fmt -o \"$d/stdout.$fmt\" \"$d/in.txt\" | cat > \"$d/piped.$fmt\""
        same_output "$fmt" "$d/piped.$fmt" "$d/want.$fmt" "$w: -o a link to /proc/self/fd/1, into a pipe"
        echo first > "$d/appended.$fmt"
        "$@" "$B" -q --format "$fmt" -o "$d/stdout.$fmt" "$d/in.txt" >> "$d/appended.$fmt"
        if [ -L "$d/stdout.$fmt" ]; then ok; else bad "$w: -o a link to /proc/self/fd/1 replaced the link"; fi
        if [ "$fmt" = xlsx ]; then
            if [ "$(head -c 8 "$d/appended.$fmt")" = "first
PK" ]; then ok; else bad "$w: -o /proc/self/fd/1 >> FILE: not appended"; fi
        else
            sed 1d "$d/appended.$fmt" > "$d/appended.$fmt.rest"
            same_output "$fmt" "$d/appended.$fmt.rest" "$d/want.$fmt" "$w: -o /proc/self/fd/1 >> FILE appends"
        fi
        expect_exit 0 "$w: -o /dev/fd/1" -- "$@" "$B" -q --format "$fmt" -o /dev/fd/1 "$d/in.txt"
        same_output "$fmt" "$tmp/out" "$d/want.$fmt" "$w: -o /dev/fd/1"
    done
}
mkdir -m 777 "$tmp/dest-root"
if [ "$(id -u)" = 0 ]; then
    # devices of our own: a test gone wrong must not replace /dev/null
    if mknod "$tmp/null" c 1 3 && mknod "$tmp/full" c 1 7 && chmod 666 "$tmp/null" "$tmp/full"; then
        null=$tmp/null full=$tmp/full
        dest_cases root "$tmp/dest-root"
    else
        bad "mknod failed: cannot test -o onto a device as root"
    fi
    chmod 711 "$tmp"
    mkdir -m 777 "$tmp/dest-nobody"
    null=/dev/null full=/dev/full
    # nobody runs a copy: the tree may stand in a directory only root enters
    # (a clone under mktemp -d), and a shell nobody starts cannot run it there
    mkdir "$tmp/bin" && cp "$B" "$tmp/bin/baogao" && chmod -R a+rX "$tmp/bin"
    tree_baogao=$B
    B=$tmp/bin/baogao
    dest_cases nobody "$tmp/dest-nobody" setpriv --reuid=65534 --regid=65534 --clear-groups
    B=$tree_baogao
else
    null=/dev/null full=/dev/full
    dest_cases "$(id -un)" "$tmp/dest-root"
fi

# ---- every output is UTF-8, whatever its length (issue 13, item 2) ----------------
# A 其中 list of 18 parts once cut its parts_add_up message inside a character:
# the JSON was not UTF-8 and the workbook's checks sheet not well-formed XML.
# A file name that is not UTF-8 (GBK bytes) must not reach an output as such.
utf8() { iconv -f UTF-8 -t UTF-8 "$1" > /dev/null 2>&1; }
long=$tmp/long-parts.txt
{
    printf '本年支出合计20000万元，其中：'
    k=0
    for part in 一般公共服务 国防 公共安全 教育 科学技术 文化旅游体育与传媒 社会保障和就业 卫生健康 节能环保 \
                城乡社区 农林水 交通运输 资源勘探工业信息等 商业服务业等 金融 自然资源海洋气象等 住房保障 粮油物资储备; do
        [ $k -gt 0 ] && printf '，'
        printf '%s支出%d.25万元' "$part" $((1000 + k))
        k=$((k + 1))
    done
    printf '。\n'
} > "$long"
gbk_name=$tmp/$(printf '\261\250\270\346')-.txt        # 报告 in GBK
cp "$long" "$gbk_name"
full_message='粮油物资储备支出 1017.25 add up to 18157.5"'
expect_exit 0 "long 其中 list: JSON" -- "$B" "$long"
if utf8 "$tmp/out"; then ok; else bad "long 其中 list: the JSON is not UTF-8"; fi
expect_grep "$tmp/out" "$full_message" "long 其中 list: the whole message, every part named"
"$B" --compact "$long" > "$tmp/long.json"
if "$G" --validate schema/baogao.schema.json "$tmp/long.json" > /dev/null 2>&1; then ok; else bad "long 其中 list: JSON against the schema"; fi
for fmt in jsonl html; do
    expect_exit 0 "long 其中 list: $fmt" -- "$B" --format $fmt "$long"
    if utf8 "$tmp/out"; then ok; else bad "long 其中 list: $fmt is not UTF-8"; fi
done
for fmt in csv tsv; do
    expect_exit 0 "long 其中 list: $fmt" -- "$B" --format $fmt --table checks "$long"
    if utf8 "$tmp/out"; then ok; else bad "long 其中 list: $fmt is not UTF-8"; fi
    expect_grep "$tmp/out" '粮油物资储备支出 1017.25 add up to 18157.5' "long 其中 list: $fmt holds the whole message"
done
expect_exit 1 "a file name that is not UTF-8, and a broken file" -- "$B" --format jsonl "$gbk_name" "$tmp/image.txt" "$long"
if utf8 "$tmp/out"; then ok; else bad "a file name that is not UTF-8 reached the JSON Lines as such"; fi
expect_grep "$tmp/out" '"path":"[^"]*/����-.txt"' "a file name in GBK is written with U+FFFD for each byte"
expect_grep "$tmp/err" "^baogao: $gbk_name:1: binary|^baogao: $tmp/image.txt:1: binary" "messages name the file as given"
expect_exit 0 "a file name that is not UTF-8: csv" -- "$B" --format csv "$gbk_name"
if utf8 "$tmp/out"; then ok; else bad "a file name that is not UTF-8 reached the CSV as such"; fi
expect_exit 1 "long 其中 list: xlsx" -- "$B" --format xlsx -o "$tmp/long.xlsx" "$long" "$gbk_name" "$tmp/image.txt" "$tmp/nope.txt"
for sheet in 1 7 8; do      # documents, checks, errors
    unzip -p "$tmp/long.xlsx" "xl/worksheets/sheet$sheet.xml" > "$tmp/sheet.xml" 2>/dev/null
    if xmllint --noout "$tmp/sheet.xml" 2>"$tmp/xmllint.err"; then ok; else bad "long 其中 list: xlsx sheet $sheet is not well-formed XML: $(head -c 300 "$tmp/xmllint.err")"; fi
done
unzip -p "$tmp/long.xlsx" xl/worksheets/sheet7.xml > "$tmp/sheet.xml" 2>/dev/null
expect_grep "$tmp/sheet.xml" '粮油物资储备支出 1017.25 add up to 18157.5' "long 其中 list: the checks sheet holds the whole message"

# ---- --fail-on-mismatch names each file and check (issue 13, item 6) ----------
expect_exit 3 "--fail-on-mismatch, one file" -- "$B" --fail-on-mismatch "$long"
expect_grep "$tmp/err" "^baogao: $long:1: check parts_add_up: 本年支出合计 is 20000 万元: 一般公共服务支出 1000.25 \+ .* add up to 18157.5$" \
    "--fail-on-mismatch names the file, the line and the check"
expect_exit 3 "--fail-on-mismatch, several files" -- "$B" --fail-on-mismatch corpus/seeds/000.txt "$long" corpus/seeds/004.txt
if [ "$(grep -c ': check ' "$tmp/err")" -eq 1 ]; then ok; else bad "--fail-on-mismatch: want one check named"; cat "$tmp/err"; fi
expect_grep "$tmp/err" '^baogao summary: 3 converted, 0 failed, [0-9]+ warnings, 1 mismatches, ' "the summary counts mismatches"
expect_exit 0 "mismatches without --fail-on-mismatch" -- "$B" corpus/seeds/000.txt "$long"
if grep -q ': check ' "$tmp/err"; then bad "checks named without --fail-on-mismatch"; else ok; fi
expect_grep "$tmp/err" '^baogao summary: 2 converted, 0 failed, [0-9]+ warnings, 1 mismatches, ' "the summary counts mismatches without the option"

# ---- a pattern set must hold what the pipeline needs (issue 13, item 7) ----------
rm -rf "$tmp/pat" && mkdir -p "$tmp/pat" && cp patterns/*.txt "$tmp/pat/" && rm "$tmp/pat/kinds.txt"
expect_exit 2 "--patterns without kinds.txt" -- "$B" --patterns "$tmp/pat" "$seed"
expect_grep "$tmp/err" "^baogao: $tmp/pat: no \[kind\] record, which the pipeline needs \(the built-in set has them in patterns/kinds.txt\)" \
    "a missing record type is named, with the file that holds it"
for f in amounts checks document headings layout scores tables; do
    rm -rf "$tmp/pat" && mkdir -p "$tmp/pat" && cp patterns/*.txt "$tmp/pat/" && rm "$tmp/pat/$f.txt"
    expect_exit 2 "--patterns without $f.txt" -- "$B" --patterns "$tmp/pat" "$seed"
    expect_grep "$tmp/err" "^baogao: $tmp/pat: .*patterns/$f.txt" "--patterns without $f.txt names it"
done
expect_exit 2 "--patterns DIR that does not exist" -- "$B" --patterns "$tmp/no-such-dir" "$seed"
expect_grep "$tmp/err" "^baogao: $tmp/no-such-dir: cannot read pattern directory: No such file or directory$" \
    "--patterns DIR that does not exist: the reason"
printf 'x' > "$tmp/pat-file"
expect_exit 2 "--patterns FILE" -- "$B" --patterns "$tmp/pat-file" "$seed"
expect_grep "$tmp/err" "^baogao: $tmp/pat-file: cannot read pattern directory: Not a directory$" "--patterns FILE: the reason"

# ---- the summary and the exit status agree (issue 13, item 8) ---------------------
echo '{}' > "$tmp/existing.json"
expect_exit 1 "-o FILE for several inputs" -- "$B" -o "$tmp/existing.json" corpus/seeds/000.txt corpus/seeds/004.txt
expect_grep "$tmp/err" "^baogao: $tmp/existing.json: cannot create directory: Not a directory$" "-o FILE for several inputs: the reason"
if grep -q ' 0 failed' "$tmp/err"; then bad "-o FILE for several inputs: a summary with 0 failed"; else ok; fi
expect_exit 1 "-r a missing directory" -- "$B" -r "$tmp/no-such-dir"
expect_grep "$tmp/err" "^baogao: $tmp/no-such-dir: No such file or directory$" "-r a missing directory: named"
expect_grep "$tmp/err" "^baogao: no input files$" "-r a missing directory: no input files"
if grep -q ' 0 failed' "$tmp/err"; then bad "-r a missing directory: a summary with 0 failed"; else ok; fi
expect_exit 1 "--files-from a missing list" -- "$B" --files-from "$tmp/no-such-list"
expect_grep "$tmp/err" "^baogao: no input files$" "--files-from a missing list: no input files"
if grep -q ' 0 failed' "$tmp/err"; then bad "--files-from a missing list: a summary with 0 failed"; else ok; fi
mkdir "$tmp/empty-dir"
expect_exit 1 "-r an empty directory" -- "$B" -r "$tmp/empty-dir"
expect_grep "$tmp/err" "^baogao: no input files$" "-r an empty directory: no input files"
expect_exit 1 "--include matching nothing" -- "$B" -r corpus/seeds --include '*.TXT'
expect_grep "$tmp/err" "^baogao: no input files: --include matched none of the [0-9]+ files found$" "--include matching nothing: said"
printf '' > "$tmp/empty-list"
expect_exit 1 "--files-from an empty list" -- "$B" --files-from "$tmp/empty-list"
expect_grep "$tmp/err" "^baogao: no input files$" "--files-from an empty list: no input files"
expect_exit 1 "-r a missing directory and a good one" -- "$B" -r "$tmp/no-such-dir" -r corpus/seeds --include '00[04].txt'
expect_grep "$tmp/err" "^baogao summary: 2 converted, 1 failed, " "the summary counts a directory that could not be read as failed"
if [ "$(wc -l < "$tmp/out")" -eq 2 ]; then ok; else bad "-r a missing directory and a good one: two results"; fi

# ---- error records: a stable code, the producer (issue 13, item 11) --------------
# bytes of a fixed pseudo-random sequence: no file type, few NULs, many control bytes
printf "$(awk 'BEGIN { x = 7; for (i = 0; i < 600; i++) { x = (x * 75 + 74) % 65537; printf "\\%03o", x % 256 } }')" \
    > "$tmp/random.txt"
mkdir "$tmp/a-directory"
: > "$tmp/unreadable.txt"
chmod 000 "$tmp/unreadable.txt"
reader=                 # root reads a file of mode 000: read as nobody
if [ "$(id -u)" = 0 ]; then chmod 711 "$tmp"; reader="setpriv --reuid=65534 --regid=65534 --clear-groups"; fi
# shellcheck disable=SC2086
expect_exit 1 "error codes" -- $reader "$B" --format jsonl "$tmp/image.txt" "$tmp/nope.txt" "$tmp/a-directory" \
    "$tmp/random.txt" "$tmp/badgb.txt" "$tmp/empty.txt" "$tmp/unreadable.txt"
for code in binary not_found is_directory binary encoding empty permission; do
    echo "$code"
done > "$tmp/codes.want"
sed 's/.*"error":{"code":"\([^"]*\)".*/\1/' "$tmp/out" > "$tmp/codes.got"
if cmp -s "$tmp/codes.got" "$tmp/codes.want"; then ok; else bad "error codes: $(tr '\n' ' ' < "$tmp/codes.got")"; fi
if [ "$(grep -c '^{"schema":"baogao/1","producer":{"name":"baogao","version":"[0-9.]*"},"source":{"path":' "$tmp/out")" -eq 7 ]; then
    ok; else bad "error records: schema, producer, source in that order"; fi
if "$G" --validate schema/baogao-error.schema.json "$tmp/out"; then ok; else bad "error codes: records against the error schema"; fi
expect_grep "$tmp/err" "^baogao: $tmp/random.txt:1: binary data \([0-9]+ control bytes in 600\) from byte offset [0-9]+, not a text report$" \
    "random bytes are binary data, not an encoding error"
expect_grep "$tmp/err" "^baogao: $tmp/a-directory: is a directory" "a directory as input says so"
expect_grep "$tmp/err" "^baogao: $tmp/badgb.txt:2: invalid GB18030 byte sequence at byte offset 12$" "text in a bad encoding is still an encoding error"
chmod 644 "$tmp/unreadable.txt"

# ---- a text that is no report is said to be none (issue 13, item 10) --------------
printf '# notes\n\nThis file describes how to build the tool.\nRun make, then make test.\n' > "$tmp/README"
printf '{"name": "x", "items": [1, 2, 3]}\n' > "$tmp/data.json"
expect_exit 0 "texts that are no report" -- "$B" --format jsonl "$tmp/README" "$tmp/data.json" "$seed"
expect_grep "$tmp/err" "^baogao: $tmp/README: nothing of a budget-performance report was recognised: every field is null$" \
    "a README is said to be no report"
expect_grep "$tmp/err" "^baogao: $tmp/data.json: nothing of a budget-performance report was recognised" "a JSON file is said to be no report"
if grep -q "$seed: nothing" "$tmp/err"; then bad "a report said to be none"; else ok; fi
if [ "$(grep -c '"warnings":\[{"line":null,"message":"nothing of a budget-performance report was recognised (no title, kind, organization, amount, indicator, project or score)"}\]' "$tmp/out")" -eq 2 ]; then
    ok; else bad "texts that are no report: a warning in their JSON"; fi
expect_grep "$tmp/err" '^baogao summary: 3 converted, 0 failed, ' "texts that are no report still convert"

# ---- --include matches the path below -r too (issue 13, item 9) ------------------
mkdir -p "$tmp/inc/2021/q1" "$tmp/inc/2022"
for f in 2021/a.txt 2021/q1/b.txt 2022/c.txt 2022/d.TXT; do cp corpus/seeds/004.txt "$tmp/inc/$f"; done
paths() { grep -o '"path":"[^"]*"' "$tmp/out" | sed "s|\"path\":\"$tmp/inc/*||; s|\"\$||" | tr '\n' ' '; }
expect_exit 0 "--include DIR/*" -- "$B" -r "$tmp/inc" --include '2021/*'
same_paths() { if [ "$(paths)" = "$1" ]; then ok; else bad "$2: got '$(paths)', want '$1'"; fi; }
same_paths "2021/a.txt 2021/q1/b.txt " "--include '2021/*' takes the files under 2021 (as find -path)"
expect_exit 0 "--include DIR/DIR/*.txt" -- "$B" -r "$tmp/inc/" --include '2021/q1/*.txt'
same_paths "2021/q1/b.txt " "--include '2021/q1/*.txt' with -r DIR/"
expect_exit 0 "--include NAME" -- "$B" -r "$tmp/inc" --include 'c.txt' --include '*.TXT'
same_paths "2022/c.txt 2022/d.TXT " "--include still matches the base name"
expect_exit 0 "--include matching the -r directory's own name" -- "$B" -r "$tmp/inc" --include 'inc/*' --include 'a.txt'
same_paths "2021/a.txt " "--include matches below -r, not the -r directory itself"

# ---- the progress line reckons in bytes (issue 13, item 12) ----------------------
# 50 small reports, then one of about 4 MB: while it converts, the files done
# are 50 of 51 but the bytes only a few percent, and the line must say so.
small=50 copies=128
[ -n "${TEST_WRAP:-}" ] && small=10 copies=16      # valgrind is 30 times slower
mkdir "$tmp/prog"
k=0
while [ $k -lt $small ]; do cp corpus/seeds/004.txt "$tmp/prog/a$(printf %02d $k).txt"; k=$((k + 1)); done
k=0
while [ $k -lt $copies ]; do cat "$seed"; k=$((k + 1)); done > "$tmp/prog/z.txt"
script -qec "'$B' -r '$tmp/prog' -o '$tmp/prog-out'" /dev/null < /dev/null > "$tmp/tty.txt" 2>&1
tr '\r' '\n' < "$tmp/tty.txt" | grep -a "^.\[Kbaogao: $small/$((small + 1)) files" > "$tmp/tty-big.txt"
if [ -s "$tmp/tty-big.txt" ]; then ok; else bad "progress: no line while the large file converts: $(tr '\r' '\n' < "$tmp/tty.txt" | tail -n 3)"; fi
if grep -aq 'files, [0-9.]* of [0-9.]* MB ([0-9]*%), [0-9.]* MB/s' "$tmp/tty-big.txt"; then ok; else bad "progress: files, MB done of the total, MB/s"; fi
pct=$(sed -n 's/.*(\([0-9]*\)%).*/\1/p' "$tmp/tty-big.txt" | sort -n | tail -n 1)
if [ -n "$pct" ] && [ "$pct" -lt 50 ]; then ok; else bad "progress: ${pct:-?}% done with the large file to go (counted in files, not bytes)"; fi

# ---- free text keeps its spaces, names do not (issue 13, item 13) ----------------
# a made-up project list: the goals print a space between 目标1 and 目标2
printf '%s\n' '某县农业农村局2022年度项目支出绩效自评报告' '' '一、项目完成情况' '单位:万元' \
    "$(printf '序号\t项目名称\t预算数\t执行数\t绩效目标\t绩效目标完成情况')" \
    "$(printf '1\t农田水利 维护经费\t120\t118\t目标1:维护灌溉渠道 目标2:保障春耕用水\t目标1:已完成  目标2:基本完成')" \
    "$(printf '2\t农机购置补贴\t80\t80\t发放补贴资金\t已发放')" > "$tmp/goals.txt"
expect_exit 0 "a project list with goals" -- "$B" --compact "$tmp/goals.txt"
expect_grep "$tmp/out" '"goal":"目标1:维护灌溉渠道 目标2:保障春耕用水"' "a goal keeps the space between two goals"
expect_grep "$tmp/out" '"result":"目标1:已完成 目标2:基本完成"' "a result keeps one space for a run"
expect_grep "$tmp/out" '"name":"农田水利维护经费"' "a name still drops a space next to CJK"

# two doors: the CLI prints exactly what the library API returns
for f in $(find corpus -name '*.txt' | sort); do
    "$B" --compact "$f" > "$tmp/cli.json" 2>/dev/null
    "$G" --emit "$f" > "$tmp/lib.json" 2>/dev/null
    if cmp -s "$tmp/cli.json" "$tmp/lib.json"; then ok; else bad "CLI and library differ on $f"; fi
done

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
