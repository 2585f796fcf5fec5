# Sourced by the serving benches (serve_bench.sh, soak.sh): a temporary
# directory (tmp) and the processes (pids) removed and stopped at exit, the
# long-lived group's register they serve, and small helpers. Needs PLENARY and
# MEETINGS set; sets tmp, pids, db and token.
#
# The register (bench/make_history.py: MEETINGS meetings, 20 items each, group
# BENCH) with an admin, an API token and the group made public, cached in
# build/bench-data under a name that changes with the generator and the size.
tmp=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

data=build/bench-data
stamp=$(sha1sum <bench/make_history.py | cut -c1-12)-$MEETINGS
db=$data/history-$stamp.db
if [[ ! -s $db || ! -s $db.token ]]; then
  notes=$data/notes-$stamp
  rm -rf "$notes" "$db.new" && mkdir -p "$notes"
  echo "bench: generating and importing $MEETINGS meetings into $db ..." >&2
  python3 bench/make_history.py "$notes" "$MEETINGS"
  "$PLENARY" --db "$db.new" import --roster "$notes/roster.txt" \
    "$notes"/bench-plenary-*.txt >/dev/null 2>&1
  echo "bench-password" >"$tmp/password"
  "$PLENARY" --db "$db.new" user add bench --admin --password-file "$tmp/password" >/dev/null
  "$PLENARY" --db "$db.new" token create bench --name serve-bench 2>/dev/null >"$db.token"
  "$PLENARY" --db "$db.new" group public BENCH --on >/dev/null
  mv "$db.new" "$db"
fi
token=$(cat "$db.token")

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

wait_for() {  # URL: until it answers, at most 10 s
  for _ in $(seq 100); do curl -fs -o /dev/null "$1" && return 0; sleep 0.1; done
  echo "bench: nothing answers at $1" >&2
  exit 1
}
