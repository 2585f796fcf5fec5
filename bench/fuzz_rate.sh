#!/usr/bin/env bash
# Executions per second of each fuzz target, alone, from the seeds scripts/fuzz.sh
# uses (scripts/fuzz_env.sh) into an empty corpus: the rate is counted from the
# moment libFuzzer has read the seeds (its INITED line) to the end, so the
# loading of the seeds, slow and the same for every build, is left out.
#   bench/fuzz_rate.sh [SECONDS] [TARGET...]     (default 60 s, every built target)
# Environment:
#   FUZZ_BIN   the folder of the targets (build-fuzz, as scripts/fuzz.sh builds them)
#   FUZZ_BASE  a folder of other builds of the same targets (e.g. copies taken
#              before a change): each target is then run from there first, and
#              the ratio of the two rates printed, both measured in this run
#   FUZZ_BASE_FLAGS  libFuzzer flags for the FUZZ_BASE runs only, after the
#              others (the last of a flag wins), e.g. "-max_len=16384"
# The load average is printed before each run: the machine is shared.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
bin=${FUZZ_BIN:-build-fuzz}
base=${FUZZ_BASE:-}
source scripts/fuzz_env.sh
targets=("$@")
if ((${#targets[@]} == 0)); then
  for f in "$bin"/*_fuzzer; do targets+=("$(basename "$f" _fuzzer)"); done
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# rate BINARY NAME [FLAG...]: prints "RATE EDGES" for one run of SECONDS.
rate() {
  local exe=$1 name=$2 work="$tmp/corpus" log="$tmp/log" flags
  shift 2
  rm -rf "$work" && mkdir -p "$work"
  mapfile -t flags < <(fuzz_flags "$name")
  "$exe" -max_total_time="$seconds" -print_final_stats=1 "${flags[@]}" "$@" \
      -artifact_prefix="$tmp/" "$work" "${fuzz_seeds[@]}" 2>&1 |
    while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done >"$log" || true
  awk '/INITED/              { t0 = $1; n0 = substr($2, 2) + 0 }
       / cov: /               { for (i = 1; i < NF; i++) if ($i == "cov:") cov = $(i + 1) }
       /number_of_executed_units:/ { t1 = $1; n1 = $NF + 0 }
       END { if (t1 > t0 && t0 > 0) printf "%d %s\n", (n1 - n0) / (t1 - t0), cov; else print "? ?" }' "$log"
}

printf '%-20s %10s %8s %12s %8s %7s  %s\n' target "rate/s" edges "base rate/s" edges ratio load
for name in "${targets[@]}"; do
  load=$(cut -d' ' -f1-3 /proc/loadavg)
  before=("" "")
  if [[ -n $base && -x $base/${name}_fuzzer ]]; then
    read -r -a base_flags <<<"${FUZZ_BASE_FLAGS:-}"
    read -r -a before < <(rate "$base/${name}_fuzzer" "$name" "${base_flags[@]}")
  fi
  read -r -a after < <(rate "$bin/${name}_fuzzer" "$name")
  ratio=""
  if [[ -n $base && ${before[0]} =~ ^[0-9]+$ && ${after[0]} =~ ^[0-9]+$ && ${before[0]} -gt 0 ]]; then
    ratio=$(awk -v a="${after[0]}" -v b="${before[0]}" 'BEGIN { printf "%.1fx", a / b }')
  fi
  printf '%-20s %10s %8s %12s %8s %7s  %s\n' "$name" "${after[0]}" "${after[1]}" \
    "${before[0]}" "${before[1]}" "$ratio" "$load"
done
