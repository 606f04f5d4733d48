#!/usr/bin/env bash
# Write the outputs a refactor must keep identical (report JSON, check in all four
# formats, collate in all five) for the corpus in $2 (default corpus) into directory $1.
# Compare two runs with `diff -r BEFORE AFTER`. Also writes $1/cases/ (scripts/golden_cases.py).
set -uo pipefail
out=${1:?usage: scripts/golden.sh OUT_DIR [CORPUS_DIR]}
corpus=${2:-corpus}
bin=${PROVENANCE:-.venv/bin/provenance}
mkdir -p "$out"
"$bin" report "$corpus" --format json >"$out/report.json"
for f in text json github junit; do "$bin" check "$corpus" --format "$f" >"$out/check.$f"; done
for f in text json csv tei html; do "$bin" collate "$corpus" --format "$f" >"$out/collate.$f"; done
# Every case of tests/cases/ as diff and report JSON (text, HTML and Markdown copies).
"$(dirname "$bin")/python" "$(dirname "$0")/golden_cases.py" "$out/cases" >/dev/null
