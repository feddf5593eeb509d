#!/bin/sh
# Build the seed directory of one harness from corpus/**/*.txt (and, for the
# pattern loader, patterns/*.txt). Harnesses that read an options byte first
# get each file behind the option bytes worth exploring, and the decoders get
# each file re-encoded as GB18030, UTF-16LE with a BOM and UTF-16BE without.
# Usage: fuzz/seeds.sh NAME OUTDIR   (run from the top of the repository)
set -eu
name=$1
out=$2
rm -rf "$out"
mkdir -p "$out"

byte() { printf "\\$(printf %03o "$1")"; }

# variants FILE BASE: the file in the encodings the detector must handle
variants() {
    cp "$1" "$out/$2.utf8"
    iconv -f UTF-8 -t GB18030 "$1" > "$out/$2.gb18030" 2>/dev/null || rm -f "$out/$2.gb18030"
    { printf '\377\376'; iconv -f UTF-8 -t UTF-16LE "$1"; } > "$out/$2.utf16le" 2>/dev/null || rm -f "$out/$2.utf16le"
    iconv -f UTF-8 -t UTF-16BE "$1" > "$out/$2.utf16be" 2>/dev/null || rm -f "$out/$2.utf16be"
}

# prefix SELECTOR...: put each selector byte in front of every seed
prefix() {
    mkdir -p "$out.tmp"
    for f in "$out"/*; do
        for s in "$@"; do
            { byte "$s"; cat "$f"; } > "$out.tmp/$(basename "$f").$s"
        done
    done
    rm -rf "$out"
    mv "$out.tmp" "$out"
}

i=0
for f in $(find corpus -name '*.txt' ! -name '*.expect.*' | sort); do
    i=$((i + 1))
    base=$(echo "$f" | sed 's|^corpus/||; s|/|_|g; s|\.txt$||')
    case $name in
    patterns) ;;
    *) variants "$f" "$base" ;;
    esac
done

# Small hostile seeds every harness starts from.
if [ "$name" != patterns ]; then
    printf '\211PNG\r\n\032\n\000\000\000\rIHDR' > "$out/png"
    printf '\344\270\255\346\226\207\346' > "$out/cut-utf8"
    printf 'ok line\n\201\060\201\060\377\n' > "$out/bad-gb18030"
    printf '\344\270\200\343\200\201\346\240\207\351\242\230\r\n\t\344\270\255\000\n' > "$out/nul-crlf-tab"
    printf '[bookmark: _GoBack]\r\r\n\302\240\342\200\213\357\274\221\n' > "$out/folds"
fi

case $name in
decode)
    # 0 detect strict, 1 detect lossy, 134/135 forced GB18030, 128 forced UTF-8,
    # 152 forced UCS-4LE (a forced encoding that can name any 31-bit value)
    prefix 0 1 134 135 128 152 ;;
pipeline)
    # 0 detect, 32 + UTF-16 differential, 65 lossy + determinism, 12 forced GB18030, 17 lossy pretty
    prefix 0 32 65 12 17 ;;
patterns)
    # Each pattern file replacing itself (selector = its index in name
    # order), and each added as an extra file (selector 128).
    k=0
    for f in $(ls patterns/*.txt | LC_ALL=C sort); do
        { byte "$k"; cat "$f"; } > "$out/$(basename "$f" .txt).self"
        { byte 128; cat "$f"; } > "$out/$(basename "$f" .txt).extra"
        k=$((k + 1))
    done ;;
esac
echo "seeds for $name: $(ls "$out" | wc -l) files in $out"
