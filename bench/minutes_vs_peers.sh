#!/usr/bin/env bash
# Minutes from one meeting log, as a whole process, with plenary and with the
# tools a group would otherwise use ("peers"), on the same inputs.
#   bench/minutes_vs_peers.sh          (REPEAT=3 runs each, the best counted;
#                                       PLENARY=build/plenary; SIZES="25000 50000 100000")
# plenary: `plenary minutes --format FORMAT LOG --to DIR` (one process: the
# log read, the register replayed in memory, the HTML set written: the same
# files `plenary import` into a fresh register then `plenary publish --format
# html` write). PLENARY_TWO_STEPS=1 times that import + publish instead.
# Inputs per format: the dev records in ../shared/corpus/FORMAT/ (when there)
# and logs of SIZES lines made by the format's generator in bench/. Prints,
# per input: its size, plenary's time, each peer's time and plenary's speed
# as a multiple of the peer's ("x30" = 30 times faster); a peer that cannot
# run says why and is skipped.
#
# Adding a peer: write peer_NAME_check (prints why it cannot run and returns
# 1, or returns 0) and peer_NAME_run INPUT OUTDIR (makes the minutes), and
# name it in the format's suite below. Adding a format: a suite_FORMAT that
# sets GENERATOR (a command taking OUT LINES) and PEERS, and a call at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
PLENARY=$(realpath "${PLENARY:-build/plenary}")
REPEAT=${REPEAT:-3}
SIZES=${SIZES:-"25000 50000 100000"}
[[ -x $PLENARY ]] || { echo "minutes_vs_peers: no $PLENARY (build it first)" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# ---- peers ---------------------------------------------------------------
# scribe.perl (w3c/scribe2): W3C's own minutes generator. SCRIBE_PERL names
# the script; it needs perl and libwww-perl (doc/performance.md).
peer_scribe_perl_check() {
  if [[ -z ${SCRIBE_PERL:-} || ! -f ${SCRIBE_PERL:-} ]]; then
    echo "SCRIBE_PERL is not set to scribe.perl (see doc/performance.md)"; return 1
  fi
  command -v perl >/dev/null || { echo "perl is not installed"; return 1; }
  perl -MLWP::UserAgent -e1 2>/dev/null || { echo "libwww-perl is not installed"; return 1; }
}
peer_scribe_perl_run() {  # INPUT OUTDIR
  perl "$SCRIBE_PERL" "$1" >"$2/minutes.html" 2>/dev/null
}

# ---- plenary ---------------------------------------------------------------
plenary_prepare() {  # FORMAT INPUT OUTDIR: a fresh output directory, untimed
  rm -rf "$3" && mkdir -p "$3"
}
plenary_run() {  # FORMAT INPUT OUTDIR
  if [[ ${PLENARY_TWO_STEPS:-} == 1 ]]; then
    "$PLENARY" --db "$3/register.db" import --format "$1" --group BENCH "$2" >/dev/null 2>&1
    "$PLENARY" --db "$3/register.db" publish --format html --to "$3/site" >/dev/null
  else
    "$PLENARY" -q minutes --format "$1" --group BENCH "$2" --to "$3/site" >/dev/null 2>&1
  fi
}
peer_prepare() {  # INPUT OUTDIR
  mkdir -p "$2"
}

# ---- timing ----------------------------------------------------------------
# Only the command is timed: the clock is bash's $EPOCHREALTIME (no process of
# its own, where `date` would add one to every figure), and the preparation
# (a fresh output directory) runs before the clock starts.
best_ms() {  # PREPARE COMMAND ARGS...: the best wall time of REPEAT runs, in ms
  local prepare=$1; shift
  local best="" start end us
  for _ in $(seq "$REPEAT"); do
    "$prepare" "${@:2}"
    start=${EPOCHREALTIME/./}
    "$@"
    end=${EPOCHREALTIME/./}
    us=$((end - start))
    if [[ -z $best || $us -lt $best ]]; then best=$us; fi
  done
  awk -v us="$best" 'BEGIN { printf "%.1f", us / 1000 }'
}

run_suite() {  # FORMAT INPUT...
  local format=$1; shift
  local peer input lines plenary_ms ms why ratio
  local -a available=()
  for peer in "${PEERS[@]}"; do
    if why=$("peer_${peer}_check"); then
      available+=("$peer")
    else
      echo "minutes_vs_peers: $peer skipped: $why" >&2
    fi
  done
  printf '%-28s %9s %12s' "input ($format)" lines "plenary ms"
  for peer in "${available[@]}"; do printf ' %14s %8s' "$peer ms" ratio; done
  printf '\n'
  for input in "$@"; do
    lines=$(wc -l <"$input")
    plenary_ms=$(best_ms plenary_prepare plenary_run "$format" "$input" "$tmp/plenary")
    printf '%-28s %9d %12s' "$(basename "$input")" "$lines" "$plenary_ms"
    for peer in "${available[@]}"; do
      ms=$(best_ms peer_prepare "peer_${peer}_run" "$input" "$tmp/$peer")
      ratio=$(awk -v p="$plenary_ms" -v q="$ms" 'BEGIN { printf "x%.1f", q / (p > 0 ? p : 0.1) }')
      printf ' %14s %8s' "$ms" "$ratio"
    done
    printf '\n'
  done
}

# ---- suites ----------------------------------------------------------------
suite_w3c_irc() {
  PEERS=(scribe_perl)
  local -a inputs=()
  local file size
  for file in ../shared/corpus/w3c-irc/*.txt; do [[ -f $file ]] && inputs+=("$file"); done
  for size in $SIZES; do
    python3 bench/make_irc_log.py "$tmp/generated-$size.txt" "$size"
    inputs+=("$tmp/generated-$size.txt")
  done
  run_suite w3c-irc "${inputs[@]}"
}

suite_w3c_irc
