#!/usr/bin/env bash
# Compares the mediarules CLI with textlint + textlint-rule-prh, each as a whole process, on the same news text and an
# equivalent dictionary: 10 MB with 50 terms, 1 MB with 1,000 terms, 1 MB with 10,000 terms. Prints a table of wall
# time and peak memory (maximum resident set size, from /usr/bin/time -v).
#
#   benchmarks/compare-textlint/run.sh [WORKDIR]
#
# WORKDIR (default: a new temporary folder) receives textlint (installed from npm), the corpus and the prh dictionaries
# (written by the benchmarks project: `--write-corpus`; a rule per term, but ten terms a rule at 10,000, since an
# imported pack holds at most the 1,000 ids of one category), the dictionaries converted with `mediarules rules import
# --from prh`, the published CLI (benchmarks/publish-cli.sh: Native AOT where a C toolchain is present, else
# ReadyToRun, else plain) and every run's output and time report.
# Environment: RUN_TIMEOUT (seconds, default 1800) bounds each run; CASES limits the cases ("10mb-50 1mb-1000 1mb-10000").
set -euo pipefail

source "$(dirname "$0")/../whole-process.sh"
timeout_s="${RUN_TIMEOUT:-1800}"
cases="${CASES:-10mb-50 1mb-1000 1mb-10000}"
whole_process_setup compare-textlint "${1:-}"

# 1. textlint and the prh rule, in the work folder only.
if [ ! -x "$work/textlint/node_modules/.bin/textlint" ]; then
  echo "installing textlint and textlint-rule-prh from npm" >&2
  mkdir -p "$work/textlint"
  (cd "$work/textlint" && npm init -y >/dev/null && npm install --no-audit --no-fund --loglevel=error textlint textlint-rule-prh >/dev/null)
fi
textlint_version="$(cd "$work/textlint" && node -p "require('textlint/package.json').version")"
prh_version="$(cd "$work/textlint" && node -p "require('textlint-rule-prh/package.json').version")"

# 2. The dictionaries converted for mediarules.
for n in 50 1000 10000; do
  if [ ! -f "$work/corpus/pack-$n.yaml" ]; then
    "$mediarules" rules import --from prh "$work/corpus/prh-$n.yml" --id-start MR2000 --output "$work/corpus/pack-$n.yaml" 2>"$work/corpus/import-$n.log" || {
      echo "rules import of prh-$n.yml reported problems (see import-$n.log)" >&2; }
  fi
done

declare -A text=([10mb-50]=news-10mb.txt [1mb-1000]=news-1mb.txt [1mb-10000]=news-1mb.txt)
declare -A dict=([10mb-50]=50 [1mb-1000]=1000 [1mb-10000]=10000)
rows=()
for c in $cases; do
  t="$work/corpus/${text[$c]}"; n="${dict[$c]}"
  printf '{ "rules": { "prh": { "rulePaths": ["%s"] } } }\n' "$work/corpus/prh-$n.yml" >"$work/textlint/textlintrc-$n.json"
  echo "running textlint on $c" >&2
  read -r tl_wall tl_rss tl_status < <(measure "textlint-$c" "$work/textlint/node_modules/.bin/textlint" --no-color -f compact -c "$work/textlint/textlintrc-$n.json" "$t")
  echo "running mediarules on $c" >&2
  read -r mr_wall mr_rss mr_status < <(measure "mediarules-$c" "$mediarules" lint "$t" --no-default-rules --rules "$work/corpus/pack-$n.yaml")
  tl_findings="$(grep -c ': line [0-9]*, col [0-9]*, ' "$work/runs/textlint-$c.out" || true)"
  mr_findings="$(grep -c ' MR[0-9]\{4\}: ' "$work/runs/mediarules-$c.out" || true)"
  speedup="$(awk -v a="$tl_wall" -v b="$mr_wall" 'BEGIN { if (a ~ /^>/ || b+0 == 0) print "-"; else printf "%.0f", a / b }')"
  rows+=("| $c | $tl_wall | $tl_rss | $tl_findings | $mr_wall | $mr_rss | $mr_findings | $speedup× |")
done

echo
echo "textlint $textlint_version + textlint-rule-prh $prh_version (node $(node --version)); mediarules $(cat "$work/mediarules/.flavour") publish; $(nproc) cores"
echo
echo "| case | textlint s | textlint peak MB | textlint findings | mediarules s | mediarules peak MB | mediarules findings | speed-up |"
echo "|------|-----------:|-----------------:|------------------:|-------------:|-------------------:|--------------------:|---------:|"
printf '%s\n' "${rows[@]}"
