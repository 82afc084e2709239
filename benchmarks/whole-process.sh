# Shared by the whole-process benchmarks (compare-textlint/run.sh, peak-memory/run.sh); sourced, not run.
#   whole_process_setup NAME [WORKDIR]  sets repo and work (WORKDIR, or a new temporary folder), installs GNU time,
#                                       writes the corpus (the benchmarks project's --write-corpus) and publishes
#                                       the CLI (publish-cli.sh) into the work folder unless already there; sets
#                                       mediarules to the published executable.
#   measure NAME COMMAND...             runs COMMAND with /usr/bin/time -v (and `timeout $timeout_s` when set); its
#                                       output goes to runs/NAME.out/.err; prints "WALL_SECONDS PEAK_RSS_MB STATUS".

whole_process_setup() {
  local name="$1"
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  work="${2:-$(mktemp -d -t "$name.XXXXXX")}"
  mkdir -p "$work" "$work/runs"
  work="$(cd "$work" && pwd)"
  echo "work folder: $work" >&2

  if [ ! -x /usr/bin/time ]; then
    echo "installing GNU time (apt-get)" >&2
    apt-get install -y -qq time >/dev/null
  fi

  if [ ! -f "$work/corpus/prh-10000.yml" ]; then
    echo "writing the corpus and the prh dictionaries" >&2
    dotnet run -c Release --project "$repo/benchmarks/MediaRules.Benchmarks" -- --write-corpus "$work/corpus" >&2
  fi

  if [ ! -x "$work/mediarules/MediaRules.Cli" ]; then
    bash "$repo/benchmarks/publish-cli.sh" "$work/mediarules" >&2
  fi
  mediarules="$work/mediarules/MediaRules.Cli"
}

measure() {
  local name="$1"; shift
  local status=0
  local limit=()
  if [ -n "${timeout_s:-}" ]; then limit=(timeout "$timeout_s"); fi
  /usr/bin/time -v -o "$work/runs/$name.time" "${limit[@]}" "$@" >"$work/runs/$name.out" 2>"$work/runs/$name.err" || status=$?
  local wall rss
  wall="$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,p,":"); s=0; for(i=1;i<=n;i++) s=s*60+p[i]; print s}' "$work/runs/$name.time")"
  rss="$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}' "$work/runs/$name.time")"
  if [ "$status" = 124 ] && [ -n "${timeout_s:-}" ]; then wall=">$timeout_s"; fi
  echo "$wall $rss $status"
}
