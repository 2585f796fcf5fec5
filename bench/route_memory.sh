#!/usr/bin/env bash
# What one request costs `plenary serve` in memory: for each ROUTE, a fresh
# server on DB, one request with an admin's API token (user "bench", person
# "Member 7", added if missing), then its peak resident memory (VmHWM) and
# VmRSS next to the idle server's, and the request's status and seconds.
# Finds the routes that read more than a page (doc/performance.md, "One
# installation, a million items").
#   bench/route_memory.sh DB ROUTE...       e.g. sqlite:/var/tmp/x.db /my /g/G01/workplan
# PLENARY=build/plenary.
set -euo pipefail
cd "$(dirname "$0")/.."
PLENARY=$(realpath "${PLENARY:-build/plenary}")
db=$1
shift
tmp=$(mktemp -d)
pid=
cleanup() {
  [[ -n $pid ]] && kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT
echo "bench-password" >"$tmp/password"
"$PLENARY" --db "$db" user add bench --admin --person "Member 7" \
  --password-file "$tmp/password" >/dev/null 2>&1 || true
token=$("$PLENARY" --db "$db" token create bench --name route-memory 2>/dev/null)
mb() { awk -v k="$1:" '$1 == k {print int($2 / 1024)}' "/proc/$pid/status"; }
echo "route_memory: load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M) UTC"
echo "| route | status | seconds | VmHWM idle -> after, MB | VmRSS after, MB |"
echo "|---|---|---|---|---|"
for route in "$@"; do
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "$PLENARY" --db "$db" serve --listen "127.0.0.1:$port" >"$tmp/serve.log" 2>&1 &
  pid=$!
  for _ in $(seq 300); do curl -fs -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.1; done
  idle=$(mb VmHWM)
  read -r status seconds < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' \
    -H "Authorization: Bearer $token" "http://127.0.0.1:$port$route")
  echo "| $route | $status | $seconds | $idle -> $(mb VmHWM) | $(mb VmRSS) |"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  pid=
done
