#!/usr/bin/env bash
# Peak memory and wall time of the mediarules CLI as a whole process, with the default packs, on the issue's memory
# cases: one 10 MB file (target: peak working set under 150 MB), one 100 MB file, and JSON Lines through `batch`
# (target at 1 GB: under 500 MB). Prints a table; peak = maximum resident set size from /usr/bin/time -v.
#
#   benchmarks/peak-memory/run.sh [WORKDIR]
#
# WORKDIR (default: a new temporary folder) receives the published CLI (benchmarks/publish-cli.sh), the
# inputs (news-10mb.txt from the benchmarks' corpus generator, `--write-corpus`; the 100 MB file is it ten times;
# the JSONL holds one news-article record per ~8 KB of it) and every run's output and time report.
# Environment: JSONL_MB (default 1024) sizes the batch input; CASES limits the cases ("10mb 100mb jsonl").
set -euo pipefail

source "$(dirname "$0")/../whole-process.sh"
jsonl_mb="${JSONL_MB:-1024}"
cases="${CASES:-10mb 100mb jsonl}"
whole_process_setup peak-memory "${1:-}"

if [ ! -f "$work/corpus/news-100mb.txt" ]; then
  for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$work/corpus/news-10mb.txt"; printf '\n'; done >"$work/corpus/news-100mb.txt"
fi

if [[ " $cases " == *" jsonl "* ]] && [ ! -f "$work/corpus/news-$jsonl_mb-mb.jsonl" ]; then
  echo "writing $jsonl_mb MB of JSON Lines" >&2
  python3 - "$work/corpus/news-10mb.txt" "$work/corpus/news-$jsonl_mb-mb.jsonl" "$jsonl_mb" <<'PY'
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
records, target, written, n = [], int(sys.argv[3]) * 1024 * 1024, 0, 0
paragraphs = text.split("\n")
chunks, current = [], []
for p in paragraphs:
    current.append(p)
    if sum(len(c) for c in current) > 8000:
        chunks.append("\n".join(current)); current = []
with open(sys.argv[2], "w", encoding="utf-8") as out:
    while written < target:
        line = json.dumps({"id": f"doc-{n}", "text": chunks[n % len(chunks)]}, ensure_ascii=False) + "\n"
        out.write(line); written += len(line.encode("utf-8")); n += 1
PY
fi


rows=()
for c in $cases; do
  case $c in
    10mb)  input="$work/corpus/news-10mb.txt"; target="< 150"; cmd=("$mediarules" lint "$input") ;;
    100mb) input="$work/corpus/news-100mb.txt"; target="-"; cmd=("$mediarules" lint "$input") ;;
    jsonl) input="$work/corpus/news-$jsonl_mb-mb.jsonl"; target="< 500"; cmd=("$mediarules" batch "$input") ;;
    *) echo "unknown case $c" >&2; exit 2 ;;
  esac
  echo "running $c" >&2
  read -r wall rss status < <(measure "$c" "${cmd[@]}")
  mb="$(awk -v b="$(stat -c %s "$input")" 'BEGIN { printf "%.0f", b / 1048576 }')"
  speed="$(awk -v m="$mb" -v s="$wall" 'BEGIN { if (s > 0) printf "%.1f", m / s; else print "-" }')"
  rows+=("| $c | ${cmd[1]} | $mb | $wall | $speed | $rss | $target | $status |")
done

echo
echo "mediarules $(cat "$work/mediarules/.flavour") publish; $(nproc) cores; default packs"
echo
echo "| case | command | input MB | wall s | MB/s | peak MB | target MB | exit |"
echo "|------|---------|---------:|-------:|-----:|--------:|----------:|-----:|"
printf '%s\n' "${rows[@]}"
