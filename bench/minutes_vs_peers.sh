#!/usr/bin/env bash
# Minutes from one meeting log, as a whole process, with plenary and with the
# tools a group would otherwise use ("peers"), on the same inputs.
#   bench/minutes_vs_peers.sh          (PLENARY=build/plenary; SIZES="25000 50000 100000")
# Timing: with hyperfine installed (Debian's package), each command is run
# by it directly, no shell around it, at least REPEAT times (default 5) and
# for at least three seconds, and the mean is printed; without hyperfine
# (or BENCH_TIMER=bash), the best of REPEAT (default 3) runs timed by bash.
# plenary: `plenary minutes --format FORMAT LOG --to DIR` (one process: the
# log read, the register replayed in memory, the HTML set written: the same
# files `plenary import` into a fresh register then `plenary publish --format
# html` write), and `plenary minutes --meetings-only --format FORMAT LOG >
# minutes.html` (the meeting's minutes page alone, one file, what the peers
# write). PLENARY_TWO_STEPS=1 times import + publish instead of the set.
# Inputs per format: the dev records in ../shared/corpus/FORMAT/ (when there)
# and logs of SIZES lines made by the format's generator in bench/. Prints,
# per input: its size, plenary's time, each peer's time and plenary's speed
# as a multiple of the peer's ("x30" = 30 times faster); a peer that cannot
# run says why and is skipped.
#
# Adding a peer: write peer_NAME_check (prints why it cannot run and returns
# 1, or returns 0), peer_NAME_run INPUT OUTDIR (makes the minutes) and,
# for hyperfine, peer_NAME_command INPUT (the same as one command line), and
# name it in the format's suite below. Adding a format: a suite_FORMAT that
# sets GENERATOR (a command taking OUT LINES) and PEERS, and a call at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
PLENARY=$(realpath "${PLENARY:-build/plenary}")
TIMER=${BENCH_TIMER:-$(command -v hyperfine >/dev/null && echo hyperfine || echo bash)}
if [[ $TIMER == hyperfine ]]; then REPEAT=${REPEAT:-5}; else REPEAT=${REPEAT:-3}; fi
SIZES=${SIZES-"25000 50000 100000"}
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
peer_scribe_perl_command() {  # INPUT: the command hyperfine runs, its output to OUTDIR/minutes.html
  echo "perl $SCRIBE_PERL $1"
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
# The meeting's minutes page alone, printed and written to one file as
# scribe.perl's is (`plenary minutes --meetings-only LOG > minutes.html`).
plenary_page_run() {  # FORMAT INPUT OUTDIR
  "$PLENARY" -q minutes --meetings-only --format "$1" --group BENCH "$2" >"$3/minutes.html" 2>/dev/null
}
plenary_page_command() {  # FORMAT INPUT: the same as one command line
  echo "$PLENARY -q minutes --meetings-only --format $1 --group BENCH $2"
}
plenary_command() {  # FORMAT INPUT OUTDIR: the command hyperfine runs, or nothing
  [[ ${PLENARY_TWO_STEPS:-} == 1 ]] && return
  echo "$PLENARY -q minutes --format $1 --group BENCH $2 --to $3/site"
}
peer_prepare() {  # INPUT OUTDIR: a fresh output directory, as plenary's
  rm -rf "$2" && mkdir -p "$2"
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

# The mean wall time of hyperfine's runs of COMMAND (a command line, paths
# without spaces), PREPARE (a command) before each, in ms; its standard
# output written to OUTPUT (default: discarded).
hyperfine_ms() {  # PREPARE COMMAND [OUTPUT]
  hyperfine -N --style none --min-runs "$REPEAT" --prepare "$1" --output "${3:-null}" \
    --export-json "$tmp/hyperfine.json" -- "$2" >/dev/null 2>&1 ||
    { echo "minutes_vs_peers: hyperfine failed on: $2" >&2; return 1; }
  python3 -c 'import json, sys; r = json.load(open(sys.argv[1]))["results"][0]; print("%.1f" % (r["mean"] * 1000))' \
    "$tmp/hyperfine.json"
}

plenary_ms() {  # FORMAT INPUT OUTDIR
  local command
  command=$(plenary_command "$@")
  if [[ $TIMER == hyperfine && -n $command ]]; then
    hyperfine_ms "sh -c 'rm -rf $3 && mkdir -p $3'" "$command"
  else
    best_ms plenary_prepare plenary_run "$@"
  fi
}

plenary_page_ms() {  # FORMAT INPUT OUTDIR
  mkdir -p "$3"
  if [[ $TIMER == hyperfine ]]; then
    hyperfine_ms "mkdir -p $3" "$(plenary_page_command "$1" "$2")" "$3/minutes.html"
  else
    best_ms peer_prepare plenary_page_run "$1" "$2" "$3"
  fi
}
peer_ms() {  # PEER INPUT OUTDIR
  if [[ $TIMER == hyperfine ]] && declare -F "peer_$1_command" >/dev/null; then
    mkdir -p "$3"
    hyperfine_ms "mkdir -p $3" "$("peer_$1_command" "$2")" "$3/minutes.html"
  else
    best_ms peer_prepare "peer_$1_run" "$2" "$3"
  fi
}

run_suite() {  # FORMAT INPUT...
  local format=$1; shift
  local peer input lines plenary_ms page_ms ms why ratio page_ratio
  local -a available=()
  for peer in "${PEERS[@]}"; do
    if why=$("peer_${peer}_check"); then
      available+=("$peer")
    else
      echo "minutes_vs_peers: $peer skipped: $why" >&2
    fi
  done
  if [[ $TIMER == hyperfine ]]; then
    echo "(hyperfine: mean of at least $REPEAT runs and 3 s per command; plenary's site into a fresh directory each run, its page and a peer's output to a file)"
  else
    echo "(bash: best of $REPEAT runs; plenary's site into a fresh directory each run, its page and a peer's output to a file)"
  fi
  echo "(site: every page of the published set; page: the meeting's minutes page alone, as the peers write)"
  printf '%-28s %9s %12s %12s' "input ($format)" lines "site ms" "page ms"
  for peer in "${available[@]}"; do printf ' %14s %10s %10s' "$peer ms" "x (site)" "x (page)"; done
  printf '\n'
  for input in "$@"; do
    lines=$(wc -l <"$input")
    plenary_ms=$(plenary_ms "$format" "$input" "$tmp/plenary")
    page_ms=$(plenary_page_ms "$format" "$input" "$tmp/plenary-page")
    printf '%-28s %9d %12s %12s' "$(basename "$input")" "$lines" "$plenary_ms" "$page_ms"
    for peer in "${available[@]}"; do
      ms=$(peer_ms "$peer" "$input" "$tmp/$peer")
      ratio=$(awk -v p="$plenary_ms" -v q="$ms" 'BEGIN { printf "x%.1f", q / (p > 0 ? p : 0.1) }')
      page_ratio=$(awk -v p="$page_ms" -v q="$ms" 'BEGIN { printf "x%.1f", q / (p > 0 ? p : 0.1) }')
      printf ' %14s %10s %10s' "$ms" "$ratio" "$page_ratio"
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
