#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests and benchmarks, on 127.0.0.1 only.
#   scripts/pg-cluster.sh start DIR   initdb + start on a free port; writes DIR/url
#   scripts/pg-cluster.sh stop DIR    stop it and delete its data
# DIR/url holds postgresql://plenary@127.0.0.1:PORT/postgres (trust authentication,
# no password). As root the server runs as user postgres (initdb refuses root);
# otherwise as the current user. Installs Debian's postgresql when it is missing.
# fsync is off (the data is thrown away) unless PLENARY_PG_FSYNC=on (benchmarks).
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
cmd=${1:-}
dir=${2:-}
if [ -z "$cmd" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 2
fi

as_owner=()
[ "$(id -u)" -eq 0 ] && as_owner=(runuser -u postgres --)

ensure_installed() {
  [ -x "$bin/initdb" ] && return
  local as_root=()
  [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends postgresql
}

stop() {
  [ -f "$dir/cluster" ] || return 0
  local data
  data=$(cat "$dir/cluster")
  if [ -f "$data/data/postmaster.pid" ]; then
    "${as_owner[@]}" "$bin/pg_ctl" -D "$data/data" -m immediate -w stop >/dev/null || true
  fi
  rm -rf "$data"
  rm -f "$dir/cluster" "$dir/url"
}

start() {
  ensure_installed
  stop
  mkdir -p "$dir"
  # The data lives under /tmp, which the server's user can always reach
  # (a build directory inside /root may not be).
  local data
  data=$(mktemp -d /tmp/plenary-pg-XXXXXX)
  echo "$data" >"$dir/cluster"
  [ "$(id -u)" -eq 0 ] && chown postgres "$data"
  "${as_owner[@]}" "$bin/initdb" -D "$data/data" --auth=trust -U plenary -E UTF8 \
    --locale=C.UTF-8 >"$data/initdb.log" 2>&1
  local port fsync=${PLENARY_PG_FSYNC:-off}
  for _ in $(seq 1 20); do
    port=$((20000 + RANDOM % 40000))
    if "${as_owner[@]}" "$bin/pg_ctl" -D "$data/data" -w -t 30 -l "$data/log" \
        -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=$fsync -c max_connections=200" \
        start >/dev/null; then
      echo "postgresql://plenary@127.0.0.1:$port/postgres" >"$dir/url"
      cat "$dir/url"
      return 0
    fi
  done
  echo "pg-cluster: could not start PostgreSQL; see $data/log" >&2
  return 1
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
