# Sourced by scripts/fuzz.sh and bench/fuzz_rate.sh (from the repository's
# root): what every fuzz run shares.
#
# Seeds for every target: each format's records are worth starting from (a
# reader must refuse the others' records at a place); libFuzzer keeps those
# that add coverage.
fuzz_seeds=(fuzz/corpus/*/ tests/data/*/ examples/*/)
[ -d ../shared/corpus ] && fuzz_seeds+=(../shared/corpus/*/)
# Allocation stacks of 5 frames (ASan's default is 30; unwinding on every
# malloc is a tenth of the time): rerun a reproducer alone for the whole stack.
export ASAN_OPTIONS=${ASAN_OPTIONS:-malloc_context_size=5}
# Inputs of up to 4 KB: a meeting's header, attendance, a dozen items and a
# table fit, and every structure a reader knows; a reader's cost is about
# proportional to the length (a 6 KB Markdown record is read in 5 ms under the
# sanitizers, a 1 KB one in 1 ms), so longer inputs buy repetition at a lower
# rate. Long inputs are the benchmarks' (bench/readers_bench: each reader on a
# large generated file, bench/minutes_vs_peers.sh);
# kept inputs longer than this are replayed whole by FuzzCorpus.*.
fuzz_max_len=${FUZZ_MAX_LEN:-4096}

# The libFuzzer flags of target $1.
#  - A hang is an input that uses 10 s of CPU time (fuzz/fuzz_target.h aborts
#    it, and the input is written as crash-*), whatever the load. libFuzzer's
#    own -timeout counts wall-clock time, in which a fuzzer starved of the CPU
#    by other work "times out" on an input of milliseconds; it stays, at 300 s,
#    only as a backstop for a process that would block without using the CPU.
#  - Entropic scheduling keeps every feature seen at most N times "rare"
#    (N = 255 by default) and, for each feature of each run, searches that list
#    linearly: in the first minutes, with thousands of new features, half the
#    time went there. With N = 16 the list stays short; the rate doubled and
#    the edges found in the same time did not drop (doc/reliability.md).
#  - The dictionary: the format's own (fuzz/NAME.dict); detection's is every
#    format's, joined in build-fuzz/detect.dict.
fuzz_flags() {
  local flags=(-max_len="$fuzz_max_len" -timeout=300 -rss_limit_mb=2048
    -entropic_feature_frequency_threshold=16)
  if [ "$1" = detect ]; then
    mkdir -p build-fuzz && cat fuzz/*.dict >build-fuzz/detect.dict
    flags+=(-dict=build-fuzz/detect.dict)
  elif [ -f "fuzz/$1.dict" ]; then
    flags+=(-dict="fuzz/$1.dict")
  fi
  printf '%s\n' "${flags[@]}"
}
