#!/usr/bin/env bash
# Fuzz every reader: builds the libFuzzer targets (clang, ASan+UBSan, the
# library instrumented too) in build-fuzz/ and runs each for SECONDS (default
# 60), two at a time, from its kept corpus (fuzz/corpus/NAME/), every other
# target's, every real record of ../shared/corpus/ and every test fixture
# (tests/data/, examples/) as seeds, with its dictionary (fuzz/NAME.dict);
# the flags every run shares are scripts/fuzz_env.sh's. Targets: notes (the
# ICANN notes and roster readers), detect (format detection) and one per
# format. New inputs go to build-fuzz/corpus/NAME/, never into the
# repository. A crash, leak, hang (an input using 10 s of CPU time, however
# loaded the machine) or out-of-memory fails the run and prints the
# reproducer (path, size, bytes as hex) and libFuzzer's report.
#   scripts/fuzz.sh [SECONDS] [TARGET...]      e.g. scripts/fuzz.sh 1800 markdown
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
build=build-fuzz
args=(-G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPLENARY_FUZZ=ON -DPLENARY_WERROR=OFF)
if command -v ccache >/dev/null; then
  args+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
fi
CXX=clang++ cmake -S . -B "$build" "${args[@]}" >/dev/null
targets=("$@")
if ((${#targets[@]} == 0)); then
  targets=(notes detect)
  for dir in fuzz/corpus/*/; do
    name=$(basename "$dir")
    [[ $name = notes || $name = detect ]] || targets+=("$name")
  done
fi
cmake --build "$build" --target "${targets[@]/%/_fuzzer}"
source scripts/fuzz_env.sh

run_one() {
  local name=$1 work="$build/corpus/$1" log="$build/fuzz-$1.log" flags
  mkdir -p "$work" "$build/artifacts/$name"
  mapfile -t flags < <(fuzz_flags "$name")
  if "$build/${name}_fuzzer" -max_total_time="$seconds" "${flags[@]}" -print_final_stats=1 \
      -artifact_prefix="$build/artifacts/$name/" "$work" "${fuzz_seeds[@]}" >"$log" 2>&1; then
    local execs cov
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo '?')
    cov=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*' || echo '?')
    [[ $execs =~ ^[0-9]+$ ]] || execs=0
    echo "fuzz: $name: $execs executions in ${seconds} s ($((execs / seconds))/s), coverage $cov edges, no finding"
  else
    echo "fuzz: $name: FAILED (log: $log)"
    tail -n 60 "$log"
    for f in "$build/artifacts/$name"/*; do
      [ -f "$f" ] || continue
      echo "fuzz: reproducer $f ($(stat -c %s "$f") bytes); add it to fuzz/corpus/$name/ with a test:"
      od -A d -t x1z -v "$f" | head -n 40
    done
    return 1
  fi
}

status=0
pids=()
names=()
for name in "${targets[@]}"; do
  run_one "$name" &
  pids+=($!)
  names+=("$name")
  if ((${#pids[@]} == 2)); then
    wait "${pids[0]}" || status=1
    pids=("${pids[@]:1}")
  fi
done
for pid in "${pids[@]}"; do wait "$pid" || status=1; done
exit $status
