#!/usr/bin/env bash
# kill -9 of `plenary import` at random points of a large multi-file import:
# after each kill the register opens, passes PRAGMA integrity_check (SQLite),
# and holds either the whole batch or none of it, byte for byte the export of
# a clean import of the same files (timestamps aside).
#   tests/durability/kill_import.sh PLENARY RUNS [MEETINGS] [POSTGRESQL_URL]
# MEETINGS (default 1000) meetings are written by bench/make_history.py; the
# first tenth is imported first (the state to keep), the rest is the batch
# that is killed. With a PostgreSQL URL (a maintenance database on a
# throwaway cluster) every run uses a database of its own on that server.
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"
cd "$(dirname "$0")/../.."
plenary=$(realpath "$1")
runs=$2
meetings=${3:-1000}
pg=${4:-}
work=$(mktemp -d /tmp/plenary-kill-XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 bench/make_history.py "$work/notes" "$meetings" >/dev/null
mapfile -t files < <(ls "$work"/notes/bench-plenary-*.txt | sort -V)
keep=$((meetings / 10))
base=("${files[@]:0:keep}")
batch=("${files[@]:keep}")

# The export without the moments things were written at.
normalised() {
  "$plenary" --db "$1" export | python3 -c '
import json, sys
def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if not (k.endswith("_at") or k.endswith("_unix"))}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v
print(json.dumps(strip(json.load(sys.stdin)), sort_keys=True))'
}

fresh_db() {  # prints the URL or path of an empty register for run $1
  if [ -n "$pg" ]; then
    # WITH (FORCE): the server may still hold the killed client's session
    # (it has not yet seen the connection drop) when the next run begins.
    psql -q "$pg" -c "DROP DATABASE IF EXISTS kill_$1 WITH (FORCE)" -c "CREATE DATABASE kill_$1" >/dev/null
    echo "${pg%/*}/kill_$1"
  else
    echo "$work/run-$1.db"
  fi
}

drop_db() {
  if [ -n "$pg" ]; then psql -q "$pg" -c "DROP DATABASE IF EXISTS kill_$1 WITH (FORCE)" >/dev/null; else rm -f "$work/run-$1.db"*; fi
}

ref=$(fresh_db ref)
"$plenary" --db "$ref" import --roster "$work/notes/roster.txt" "${base[@]}" >/dev/null
normalised "$ref" >"$work/before.json"
start=$(date +%s%N)
"$plenary" --db "$ref" import "${batch[@]}" >/dev/null
took_ms=$((($(date +%s%N) - start) / 1000000))
normalised "$ref" >"$work/after.json"
drop_db ref
echo "kill_import: batch of ${#batch[@]} files imports in $took_ms ms; killing it $runs times"

none=0 whole=0
for run in $(seq 1 "$runs"); do
  db=$(fresh_db "$run")
  "$plenary" --db "$db" import --roster "$work/notes/roster.txt" "${base[@]}" >/dev/null
  # RANDOM stops at 32767: two of them, so that a batch longer than 32 s is
  # killed anywhere in it too.
  delay_ms=$(((RANDOM * 32768 + RANDOM) % (took_ms + took_ms / 5 + 1)))
  "$plenary" --db "$db" import "${batch[@]}" >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [ -z "$pg" ]; then
    check=$(sqlite3 "$db" "PRAGMA integrity_check")
    if [ "$check" != ok ]; then
      echo "kill_import: run $run (killed at $delay_ms ms): integrity_check: $check" >&2
      exit 1
    fi
  fi
  normalised "$db" >"$work/now.json"
  if cmp -s "$work/now.json" "$work/before.json"; then
    none=$((none + 1))
    echo "kill_import: run $run (killed at $delay_ms ms): as before the batch"
  elif cmp -s "$work/now.json" "$work/after.json"; then
    whole=$((whole + 1))
    echo "kill_import: run $run (killed at $delay_ms ms): the whole batch"
  else
    echo "kill_import: run $run (killed at $delay_ms ms): the register is neither the state before the batch nor after it" >&2
    diff <(python3 -m json.tool "$work/before.json") <(python3 -m json.tool "$work/now.json") | head -n 20 >&2 || true
    exit 1
  fi
  drop_db "$run"
done
echo "kill_import: $runs kills: $none left the register as before the batch, $whole with the whole batch, 0 partial"
