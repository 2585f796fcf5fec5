#!/usr/bin/env bash
# `plenary import` under faults of its storage: each gives a clear error and
# exit status 1, the register exactly as it was, and the next import after
# the fault is gone succeeds.
#   tests/durability/faults.sh PLENARY [postgresql]
# SQLite: the disk fills up (a 1.5 MiB tmpfs), the file is read-only (plenary
# run as 'nobody'), another process holds the write lock past the busy
# timeout (5 s). PostgreSQL (with `postgresql`: a throwaway cluster of its
# own, scripts/pg-cluster.sh, since it stops the server): the server stops
# mid-import and comes back.
set -euo pipefail
export PGOPTIONS="-c client_min_messages=warning"
cd "$(dirname "$0")/../.."
plenary=$(realpath "$1")
work=$(mktemp -d /tmp/plenary-faults-XXXXXX)
chmod 755 "$work"
pgdir=
[ "${2:-}" = postgresql ] && pgdir=$work/pg
mounted=
cleanup() {
  [ -n "$mounted" ] && umount "$mounted" 2>/dev/null
  [ -n "$pgdir" ] && scripts/pg-cluster.sh stop "$pgdir" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
python3 bench/make_history.py "$work/notes" 120 >/dev/null
mapfile -t files < <(ls "$work"/notes/bench-plenary-*.txt | sort -V)
base=("${files[@]:0:10}")
batch=("${files[@]:10}")
roster=$work/notes/roster.txt
failures=0

state() { "$plenary" --db "$1" export | python3 -c '
import json, sys
def strip(v):
    if isinstance(v, dict):
        return {k: strip(x) for k, x in v.items() if not (k.endswith("_at") or k.endswith("_unix"))}
    if isinstance(v, list):
        return [strip(x) for x in v]
    return v
print(json.dumps(strip(json.load(sys.stdin)), sort_keys=True))'; }

# expect NAME DB STATUS_FILE ERR_FILE BEFORE_FILE: exit 1, a "plenary: error:" line, state unchanged.
expect_refused() {
  local name=$1 db=$2 status=$3 err=$4 before=$5
  if [ "$status" != 1 ]; then
    echo "faults: $name: exit status $status, expected 1" >&2; failures=$((failures + 1)); return
  fi
  if ! grep -q '^plenary: error: ' "$err"; then
    echo "faults: $name: no error message:" >&2; cat "$err" >&2; failures=$((failures + 1)); return
  fi
  if [ -n "$before" ] && ! cmp -s <(state "$db") "$before"; then
    echo "faults: $name: the register changed" >&2; failures=$((failures + 1)); return
  fi
  echo "faults: $name: refused ($(grep -m1 '^plenary: error: ' "$err" | cut -c1-110))"
}

# --- disk full ---
mkdir -p "$work/small"
mount -t tmpfs -o size=1536k tmpfs "$work/small" && mounted=$work/small
db=$work/small/full.db
"$plenary" --db "$db" import --roster "$roster" "${base[@]}" >/dev/null 2>&1
state "$db" >"$work/before"
set +e; "$plenary" --db "$db" import "${batch[@]}" >/dev/null 2>"$work/err"; st=$?; set -e
expect_refused "disk full" "$db" "$st" "$work/err" "$work/before"
[ "$(sqlite3 "$db" 'PRAGMA integrity_check')" = ok ] || { echo "faults: disk full: integrity_check failed" >&2; failures=$((failures + 1)); }
umount "$work/small"; mounted=
# --- read-only file ---
db=$work/ro.db
"$plenary" --db "$db" import --roster "$roster" "${base[@]}" >/dev/null 2>&1
state "$db" >"$work/before"
chmod 644 "$db"
set +e; runuser -u nobody -- "$plenary" --db "$db" import "${batch[@]}" >/dev/null 2>"$work/err"; st=$?; set -e
expect_refused "read-only register" "$db" "$st" "$work/err" "$work/before"
# --- locked past the busy timeout ---
db=$work/locked.db
"$plenary" --db "$db" import --roster "$roster" "${base[@]}" >/dev/null 2>&1
state "$db" >"$work/before"
(echo "BEGIN EXCLUSIVE;"; sleep 8; echo "COMMIT;") | sqlite3 "$db" &
locker=$!
sleep 0.5
set +e; "$plenary" --db "$db" import "${batch[@]}" >/dev/null 2>"$work/err"; st=$?; set -e
wait "$locker"
expect_refused "locked by another process" "$db" "$st" "$work/err" "$work/before"
if "$plenary" --db "$db" import "${batch[@]}" >/dev/null 2>&1; then
  echo "faults: locked: the next import after the lock is released succeeds"
else
  echo "faults: locked: the import after the lock was released failed" >&2; failures=$((failures + 1))
fi
# --- PostgreSQL goes away mid-import and comes back ---
if [ -n "$pgdir" ]; then
  scripts/pg-cluster.sh start "$pgdir" >/dev/null
  url=$(cat "$pgdir/url")
  data=$(cat "$pgdir/cluster")/data
  psql -q "$url" -c "DROP DATABASE IF EXISTS faults" -c "CREATE DATABASE faults" >/dev/null
  db=${url%/*}/faults
  "$plenary" --db "$db" import --roster "$roster" "${base[@]}" >/dev/null 2>&1
  state "$db" >"$work/before"
  "$plenary" --db "$db" import "${batch[@]}" >/dev/null 2>"$work/err" &
  pid=$!
  sleep 0.7
  runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$data" -m immediate -w stop >/dev/null
  set +e; wait "$pid"; st=$?; set -e
  port=$(echo "$url" | sed -E 's|.*:([0-9]+)/.*|\1|')
  runuser -u postgres -- /usr/lib/postgresql/15/bin/pg_ctl -D "$data" -w -t 30 -l "$data/../log" \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $(dirname "$data") -c fsync=off -c max_connections=200" start >/dev/null
  if [ "$st" = 0 ]; then
    echo "faults: postgres: the import finished before the server stopped; not a fault (rerun)"
  else
    expect_refused "PostgreSQL stopped mid-import" "$db" "$st" "$work/err" "$work/before"
  fi
  if "$plenary" --db "$db" import "${batch[@]}" >/dev/null 2>&1; then
    echo "faults: postgres: the next import after the server came back succeeds"
  else
    echo "faults: postgres: the import after the server came back failed" >&2; failures=$((failures + 1))
  fi
fi
[ "$failures" = 0 ] && echo "faults: 0 failures"
exit $((failures > 0))
