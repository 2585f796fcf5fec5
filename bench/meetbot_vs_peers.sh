#!/usr/bin/env bash
# MeetBot's records turned into published minutes: plenary next to the MeetBot
# family where this machine has them.
#   bench/meetbot_vs_peers.sh
# Environment:
#   PLENARY            the plenary binary (build/plenary)
#   MEETBOT_SAMPLE     a hcoop-meetbot JSON log (../shared/corpus/meetbot/hcoop-2021-04-13.log.json)
#   MEETBOT_LINES      lines of the generated meeting (100000)
#   HCOOP_MEETBOT_SRC  a checkout of pronovic/hcoop-meetbot: its `meetbot regenerate`
#                      (python3 with attrs>=24, cattrs, genshi, pytz, click) is the peer
#   MEETBOT_REPLAY     Richard Darst's MeetBot ircmeeting/meeting.py: `python2
#                      meeting.py replay LOG.log.txt` is the peer for text logs
# plenary's whole process is `plenary minutes FILE --to DIR` (detect, read, the
# register replayed in memory, the HTML set written: the files `plenary import`
# into a fresh register then `plenary publish --format html` write); the peers' is their own
# minutes from the same record. Each is run RUNS (3) times; the best is printed,
# with the peer's time divided by plenary's. A peer that is absent is skipped,
# and the script says why.
set -euo pipefail
cd "$(dirname "$0")/.."
PLENARY=$(realpath "${PLENARY:-build/plenary}")
SAMPLE=${MEETBOT_SAMPLE:-../shared/corpus/meetbot/hcoop-2021-04-13.log.json}
LINES=${MEETBOT_LINES:-100000}
RUNS=${RUNS:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Best wall time of RUNS runs of "$@", in seconds; the command's output is kept
# in $tmp/last.out. Fails (status 1) if any run fails. The clock is bash's
# $EPOCHREALTIME: `date` would add a process of its own to every figure.
best_time() {
  local best="" start end t
  for ((i = 0; i < RUNS; ++i)); do
    start=$EPOCHREALTIME
    "$@" >"$tmp/last.out" 2>&1 || return 1
    end=$EPOCHREALTIME
    t=$(echo "$end - $start" | bc -l)
    if [[ -z $best ]] || (($(echo "$t < $best" | bc -l))); then best=$t; fi
  done
  printf '%.3f' "$best"
}

plenary_minutes() {  # FILE GROUP
  local dir
  dir=$(mktemp -d "$tmp/plenary.XXXX")
  "$PLENARY" -q minutes --group "$2" "$1" --to "$dir/site" >/dev/null
}

hcoop_minutes() {  # FILE.log.json
  local dir
  dir=$(mktemp -d "$tmp/hcoop.XXXX")
  printf '[HcoopMeetbot]\nlogDir = %s\nurlPrefix = /\ntimezone = UTC\n' "$dir" >"$dir/HcoopMeetbot.conf"
  PYTHONPATH="$HCOOP_MEETBOT_SRC/src" python3 -m hcoopmeetbotlogic.cli regenerate \
    -c "$dir/HcoopMeetbot.conf" -r "$1" -d "$dir"
}

replay_minutes() {  # FILE.log.txt
  local dir
  dir=$(mktemp -d "$tmp/replay.XXXX")
  cp "$1" "$dir/" && (cd "$dir" && python2 "$MEETBOT_REPLAY" replay "$(basename "$1")")
}

hcoop_reason=""
if [[ -z ${HCOOP_MEETBOT_SRC:-} ]]; then
  hcoop_reason="HCOOP_MEETBOT_SRC is not set"
elif ! PYTHONPATH="$HCOOP_MEETBOT_SRC/src" python3 -c 'import hcoopmeetbotlogic.cli' 2>"$tmp/why"; then
  hcoop_reason="hcoopmeetbotlogic does not import: $(tail -n1 "$tmp/why")"
fi
replay_reason=""
if [[ -z ${MEETBOT_REPLAY:-} ]]; then
  replay_reason="MEETBOT_REPLAY is not set"
elif ! command -v python2 >/dev/null; then
  replay_reason="python2 is not installed (Debian 12 has none)"
fi
[[ -n $hcoop_reason ]] && echo "meetbot_vs_peers: skipping hcoop-meetbot: $hcoop_reason" >&2
[[ -n $replay_reason ]] && echo "meetbot_vs_peers: skipping MeetBot's replay: $replay_reason" >&2

echo "meetbot_vs_peers: generating a $LINES-line meeting ..." >&2
python3 bench/make_meetbot_log.py "$LINES" "$tmp/bench.2024-01-10-10.00"
big_txt=$tmp/bench.2024-01-10-10.00.log.txt
big_json=$tmp/bench.2024-01-10-10.00.log.json

printf '%-34s %10s %-14s %10s %8s\n' "record" "plenary s" "peer" "peer s" "peer/pl"
row() {  # LABEL PLENARY_SECONDS PEER PEER_SECONDS
  local ratio="-"
  [[ $4 != "-" ]] && ratio=$(printf '%.2f' "$(echo "$4 / $2" | bc -l)")
  printf '%-34s %10s %-14s %10s %8s\n' "$1" "$2" "$3" "$4" "$ratio"
}

if [[ -f $SAMPLE ]]; then
  p=$(best_time plenary_minutes "$SAMPLE" hcoop)
  h="-"
  [[ -z $hcoop_reason ]] && { h=$(best_time hcoop_minutes "$SAMPLE") || h="failed"; }
  row "sample $(basename "$SAMPLE")" "$p" hcoop-meetbot "$h"
else
  echo "meetbot_vs_peers: skipping the sample: $SAMPLE is absent" >&2
fi

p=$(best_time plenary_minutes "$big_txt" bench)
r="-"
[[ -z $replay_reason ]] && { r=$(best_time replay_minutes "$big_txt") || r="failed"; }
row "$LINES lines, text log ($(du -k "$big_txt" | cut -f1) KiB)" "$p" "MeetBot replay" "$r"

# plenary refuses a record over 4 MiB (SourceText's limit); the JSON of the same
# meeting is bigger, so hcoop-meetbot's time on it stands next to plenary's on the
# text log of the same meeting.
h="-"
[[ -z $hcoop_reason ]] && { h=$(best_time hcoop_minutes "$big_json") || h="failed"; }
row "$LINES lines, JSON log ($(du -k "$big_json" | cut -f1) KiB)" "$p" hcoop-meetbot "$h"
if "$PLENARY" --db "$tmp/json.db" import --group bench "$big_json" >"$tmp/json.out" 2>&1; then
  echo "meetbot_vs_peers: plenary read the $LINES-line JSON log" >&2
else
  echo "meetbot_vs_peers: plenary refuses the $LINES-line JSON log: $(head -n1 "$tmp/json.out")" >&2
fi
