#!/bin/sh
# make demo: convert a bundled sample report and show what came out.
B=${1:-build/baogao}
sample=corpus/seeds/001.txt
echo "== baogao $($B --version | cut -d' ' -f2): converting $sample (a 部门整体支出绩效自评报告)"
$B "$sample" > demo-output.json || exit 1
echo "== full JSON written to demo-output.json; the document and the top-level sections:"
if command -v python3 >/dev/null 2>&1; then
    python3 - demo-output.json <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for k, v in d["document"].items():
    if k != "provenance":
        print(f"  {k:13} {v}")
for s in d["sections"]:
    print(f"  line {s['line']:4}  {s['number']}{s['title']}  ({len(s['sections'])} subsections)")
print(f"  tables: {len(d['tables'])}, warnings: {len(d['warnings'])}")
PY
else
    head -c 1500 demo-output.json; echo
fi
