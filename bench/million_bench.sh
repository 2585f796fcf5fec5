#!/usr/bin/env bash
# One installation, a million items (issue 15 §3): build/million_bench on SQLite
# and PostgreSQL (the installations built once and kept), then `plenary serve`
# on each installation with every group's routes requested, and its resident
# memory (VmRSS, and the peak VmHWM) next to the one-group installation's.
#   bench/million_bench.sh [million_bench arguments...]
#   bench/million_bench.sh --tiny      (2 groups x 200 items, SQLite; ctest)
# PostgreSQL: a cluster of its own that keeps its data between runs in
# $PLENARY_MILLION_PG (default /var/tmp/plenary-million-pg: the server's user
# must reach it), fsync on; PLENARY_MILLION_PG=off measures SQLite alone (the
# default with --tiny). PLENARY=build/plenary, BENCH=build/million_bench.
set -euo pipefail
cd "$(dirname "$0")/.."
PLENARY=$(realpath "${PLENARY:-build/plenary}")
BENCH=$(realpath "${BENCH:-build/million_bench}")
tiny=no
for a in "$@"; do [[ $a == --tiny ]] && tiny=yes; done
pgdir=${PLENARY_MILLION_PG:-/var/tmp/plenary-million-pg}
[[ $tiny == yes ]] && pgdir=${PLENARY_MILLION_PG:-off}

tmp=$(mktemp -d)
pids=()
pg_started=no
pg_bin=/usr/lib/postgresql/15/bin
as_owner=()
[[ $(id -u) -eq 0 ]] && as_owner=(runuser -u postgres --)
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [[ $pg_started == yes ]]; then
    "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$pgdir/data" -m fast -w stop >/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# The kept cluster: created on the first run, started for each run.
start_pg() {
  if [[ ! -d $pgdir/data ]]; then
    mkdir -p "$pgdir"
    [[ $(id -u) -eq 0 ]] && chown postgres "$pgdir"
    "${as_owner[@]}" "$pg_bin/initdb" -D "$pgdir/data" --auth=trust -U plenary -E UTF8 \
      --locale=C.UTF-8 >"$tmp/initdb.log" 2>&1
  fi
  local port
  port=$(free_port)
  "${as_owner[@]}" "$pg_bin/pg_ctl" -D "$pgdir/data" -w -t 60 -l "$pgdir/log" \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pgdir -c fsync=on -c max_connections=200" \
    start >/dev/null
  pg_started=yes
  echo "postgresql://plenary@127.0.0.1:$port/postgres"
}

if [[ $pgdir != off ]]; then
  PLENARY_BENCH_PG_URL=$(start_pg)
  pg_started=yes  # start_pg ran in a subshell: say so here, so that cleanup stops the server
  export PLENARY_BENCH_PG_URL
fi
echo "million_bench: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M) UTC"
"$BENCH" "$@" | tee "$tmp/bench.out"

# `plenary serve` on DB: every group's routes, 16 at a time, then its memory.
serve_rss() {  # URL GROUPS
  local url=$1 groups=$2 port base token pid
  echo "bench-password" >"$tmp/password"
  "$PLENARY" --db "$url" user add bench --admin --person "Member 7" \
    --password-file "$tmp/password" >/dev/null 2>&1 || true
  token=$("$PLENARY" --db "$url" token create bench --name million-bench 2>/dev/null)
  port=$(free_port)
  "$PLENARY" --db "$url" serve --listen "127.0.0.1:$port" >"$tmp/serve.log" 2>&1 &
  pid=$!
  pids+=("$pid")
  base=http://127.0.0.1:$port
  for _ in $(seq 300); do curl -fs -o /dev/null "$base/healthz" && break; sleep 0.1; done
  : >"$tmp/urls"
  for route in / /api/v1/groups /api/v1/me /api/v1/me/actions "/api/v1/me/actions?status=all" \
      "/api/v1/search?q=paper" "/search?q=paper" /my; do
    echo "$base$route" >>"$tmp/urls"
  done
  for ((g = 0; g < groups; g++)); do
    local G
    G=$(printf 'G%02d' "$g")
    for route in "" /actions "/actions?status=open" /decisions /meetings /attendance /people \
        /audit /report-back /workplan /actions/1 /meetings/Plenary/1 "/search?q=paper"; do
      echo "$base/api/v1/groups/$G$route" >>"$tmp/urls"
    done
    for route in "" /actions /decisions /meetings /attendance /report-back /roster /workplan \
        /actions/1 /meetings/Plenary/1; do
      echo "$base/g/$G$route" >>"$tmp/urls"
    done
    echo "$base/search?q=paper&group=$G" >>"$tmp/urls"
  done
  local start end
  start=$(date +%s.%N)
  xargs -P 16 -n 1 curl -s -o /dev/null -w '%{http_code}\n' -H "Authorization: Bearer $token" \
    <"$tmp/urls" >"$tmp/codes"
  end=$(date +%s.%N)
  local rss hwm
  rss=$(awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  hwm=$(awk '/^VmHWM/ {print int($2 / 1024)}' "/proc/$pid/status")
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  local answers
  answers=$(sort "$tmp/codes" | uniq -c | awk '{printf "%s%s x%s", sep, $2, $1; sep=", "}')
  if grep -qv '^[234]' "$tmp/codes"; then
    echo "million_bench: plenary serve answered $answers; its log:" >&2
    tail -20 "$tmp/serve.log" >&2
    echo yes >"$tmp/failed"
  fi
  echo "$rss $hwm $(wc -l <"$tmp/urls") $(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.1f", e - s}') $answers"
}

echo
echo "| plenary serve after every route | back end | requests | seconds | answers | VmRSS MB | VmHWM MB | target |"
echo "|---|---|---|---|---|---|---|---|"
grep '_URLS' "$tmp/bench.out" | while IFS=$'\t' read -r which single large groups; do
  backend=${which%_URLS}
  for pair in "one group|$single|1" "$groups groups|$large|$groups"; do
    IFS='|' read -r label url n <<<"$pair"
    read -r rss hwm requests seconds answers <<<"$(serve_rss "$url" "$n")"
    echo "| $label | $backend | $requests | $seconds | $answers | $rss | $hwm | ≤ 300 MB |"
  done
done
echo "load $(cut -d' ' -f1-3 /proc/loadavg) at $(date -u +%H:%M) UTC"
[[ $(cat "$tmp/failed" 2>/dev/null) != yes ]]
