#!/bin/sh
# Browser test of the review page (baogao_result_html, lib/emit_html.c): Debian's
# Chromium driven by playwright-core (tests/html/test.mjs). Installs what it needs
# when missing — chromium and a CJK font with apt-get, playwright-core with npm ci
# from the committed lock — and never downloads a browser.
# Usage: tests/html/run.sh [BUILD]   (the build tree with libbaogao.a; default build)
# Pages, JSON and screenshots go to BUILD/html-test/. Last line: "html: N passed, N failed".
BUILD=${1:-build}
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
out=$BUILD/html-test
here=tests/html

give_up() {
    echo "html: $*"
    echo "html: 0 passed, 1 failed"
    exit 1
}

if [ "$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi
need=
[ -x /usr/bin/chromium ] || need="$need chromium"
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || need="$need nodejs npm"
# Without a CJK font the screenshot shows boxes instead of the report.
{ command -v fc-list >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh 2>/dev/null)" ]; } || need="$need fonts-wqy-microhei"
if [ -n "$need" ]; then
    echo "html: installing$need"
    { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $need; } >/dev/null \
        || give_up "cannot install$need"
fi
if [ ! -f "$here/node_modules/playwright-core/package.json" ] \
   || [ "$here/package-lock.json" -nt "$here/node_modules/.package-lock.json" ]; then
    (cd "$here" && npm ci --no-audit --no-fund --loglevel=error) || give_up "npm ci failed"
fi

[ -f "$BUILD/libbaogao.a" ] || give_up "no $BUILD/libbaogao.a: run make first"
rm -rf "$out" && mkdir -p "$out/docs" || give_up "cannot make $out"
# A sanitizer build's library needs the sanitizers in the driver too.
san=
nm "$BUILD/libbaogao.a" 2>/dev/null | grep -q __asan_ && san="-fsanitize=address,undefined"
# shellcheck disable=SC2046
cc -std=c11 -Wall -Wextra -Wshadow -O1 -g $san -Ilib -o "$out/page" "$here/page.c" "$BUILD/libbaogao.a" \
    $(pkg-config --libs libpcre2-8 libutf8proc libcjson) || give_up "cannot build $here/page.c"

# A report with markup in it, and a long one (every corpus file, over and over).
printf '<script>window.pwned=1</script>测试单位2021年度部门整体支出绩效自评报告\n一、基本情况\n"引号"与&符号 <img src=x onerror="window.pwned=2"> 本年预算资金100万元,其中基本支出60万元。\n' \
    >"$out/docs/hostile.txt"
docs=$(find corpus -name '*.txt' ! -name '*.expect.*' | sort)
i=0
while [ "$i" -lt 2 ]; do
    for d in $docs; do cat "$d"; echo; done
    i=$((i + 1))
done >"$out/docs/long.txt"

names=
for d in $docs "$out/docs/hostile.txt" "$out/docs/long.txt"; do
    b=$(basename "$d" .txt)
    names="$names $b"
done
# With VALGRIND=1 (tests/run_all.sh) TEST_WRAP runs the driver under valgrind;
# Chromium stays outside it.
${TEST_WRAP:-} "$out/page" "$out" $docs "$out/docs/hostile.txt" "$out/docs/long.txt" || give_up "the driver failed"
# shellcheck disable=SC2086
node "$here/test.mjs" "$out" $names
