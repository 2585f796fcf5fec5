#!/usr/bin/env bash
# kill -9 of `plenary serve` while clients import notes and edit items through
# the API at the same time, ROUNDS times on one SQLite register:
#   tests/durability/kill_serve.sh PLENARY ROUNDS [CLIENTS]
# After each kill the register passes PRAGMA integrity_check, and
#  - every write a client was told succeeded (201 for an import, 200 for an
#    edit) is there: its meeting, its item edit;
#  - every change there has its audit line, written in the same transaction
#    (app/editing.h): each manual edit an action.edit entry carrying its note,
#    each imported meeting an import entry naming its notes' SHA-256;
#  - the server starts again on it and answers.
set -eEuo pipefail
# A command failing ends the test: say which, so a failure is never silent.
trap 'echo "kill_serve: line $LINENO: \"$BASH_COMMAND\" failed (exit $?)" >&2' ERR
cd "$(dirname "$0")/../.."
plenary=$(realpath "$1")
rounds=$2
clients=${3:-4}
work=$(mktemp -d /tmp/plenary-kill-serve-XXXXXX)
server=
cleanup() {
  [ -n "$server" ] && kill -9 "$server" 2>/dev/null || true
  jobs -p | xargs -r kill -9 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export PLENARY_PASSWORD_COST=test
db="$work/register.db"

# A history of 40 + enough meetings to import: the first 40 by the CLI, the
# rest posted by the clients, each meeting at most once.
total=$((40 + rounds * clients * 25))
python3 bench/make_history.py "$work/notes" "$total" >/dev/null
mapfile -t files < <(ls "$work"/notes/bench-plenary-*.txt | sort -V)
"$plenary" --db "$db" import --roster "$work/notes/roster.txt" "${files[@]:0:40}" >/dev/null
printf 'correct horse battery\n' >"$work/password"
"$plenary" --db "$db" user add clerk --name "Clerk" --admin --password-file "$work/password" >/dev/null
token=$("$plenary" --db "$db" token create clerk --name kill-serve 2>/dev/null)
mapfile -t items < <(sqlite3 "$db" "SELECT id FROM register_items WHERE merged_into IS NULL ORDER BY id LIMIT 60")
[ "${#items[@]}" -ge 20 ] || { echo "kill_serve: too few items to edit (${#items[@]})" >&2; exit 1; }

start_server() {
  "$plenary" --db "$db" serve --listen 127.0.0.1:0 >"$work/serve.out" 2>"$work/serve.err" &
  server=$!
  for _ in $(seq 100); do
    url=$(sed -n 's/^plenary: listening on \(http:[^ ]*\).*/\1/p' "$work/serve.out")
    [ -n "$url" ] && return 0
    kill -0 "$server" 2>/dev/null || break
    sleep 0.1
  done
  echo "kill_serve: plenary serve did not start:" >&2
  cat "$work/serve.err" >&2
  exit 1
}

# Client C of round R: imports its share of the files and edits items, one
# request after another, writing what it was told succeeded to acked.
client() {
  local round=$1 c=$2 n=0 first=$((40 + ((round - 1) * clients + c - 1) * 25))
  local file code id
  for file in "${files[@]:first:25}"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -X POST \
      -H "Authorization: Bearer $token" -H 'Content-Type: text/plain' \
      --data-binary "@$file" "$url/api/v1/groups/BENCH/imports?name=$(basename "$file")" || true)
    [ "$code" = 201 ] && echo "import $(basename "$file")" >>"$work/acked.$round.$c"
    for _ in 1 2; do
      n=$((n + 1))
      id=${items[$(((c * 7 + n * 13) % ${#items[@]}))]}
      status=$([ $((n % 2)) = 0 ] && echo complete || echo open)
      code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -X PATCH \
        -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        --data "{\"status\":\"$status\",\"note\":\"ks-$round-$c-$n\"}" \
        "$url/api/v1/groups/BENCH/actions/$id" || true)
      [ "$code" = 200 ] && echo "edit ks-$round-$c-$n" >>"$work/acked.$round.$c"
    done
  done
}

check() {  # the invariants after round $1
  local round=$1 result
  result=$(sqlite3 "$db" "PRAGMA integrity_check")
  [ "$result" = ok ] || { echo "kill_serve: round $round: integrity_check: $result" >&2; exit 1; }
  # Every manual edit has its audit entry with its note, and no entry lacks its edit.
  result=$(sqlite3 "$db" "SELECT note FROM register_events e WHERE note LIKE 'ks-%' AND NOT EXISTS
      (SELECT 1 FROM audit_log a WHERE a.action = 'action.edit' AND instr(a.after, '\"' || e.note || '\"') > 0)")
  [ -z "$result" ] || { echo "kill_serve: round $round: edits without an audit entry: $result" >&2; exit 1; }
  result=$(sqlite3 "$db" "SELECT count(*) FROM audit_log WHERE action = 'action.edit'
      AND NOT EXISTS (SELECT 1 FROM register_events e WHERE instr(after, '\"' || e.note || '\"') > 0)")
  [ "$result" = 0 ] || { echo "kill_serve: round $round: $result audit entries without their edit" >&2; exit 1; }
  # Every meeting imported over the API is named, with its SHA-256, by an import entry.
  result=$(sqlite3 "$db" "SELECT source_name FROM meetings m WHERE m.id > 40 AND NOT EXISTS
      (SELECT 1 FROM audit_log a WHERE a.action = 'import' AND instr(a.after, m.source_sha256) > 0)")
  [ -z "$result" ] || { echo "kill_serve: round $round: meetings without an audit entry: $result" >&2; exit 1; }
  # Every acknowledged write is there.
  local kind what
  # A round may end before any write was acknowledged (a short delay on a
  # loaded machine): then there is no acked file yet.
  { cat "$work"/acked.* 2>/dev/null || true; } | while read -r kind what; do
    if [ "$kind" = import ]; then
      [ "$(sqlite3 "$db" "SELECT count(*) FROM meetings WHERE source_name = '$what'")" = 1 ] ||
        { echo "kill_serve: round $round: import of $what was acknowledged but is lost" >&2; exit 1; }
    else
      [ "$(sqlite3 "$db" "SELECT count(*) FROM register_events WHERE note = '$what'")" = 1 ] ||
        { echo "kill_serve: round $round: edit $what was acknowledged but is lost" >&2; exit 1; }
    fi
  done
}

for round in $(seq 1 "$rounds"); do
  start_server
  pids=()
  for c in $(seq 1 "$clients"); do client "$round" "$c" & pids+=($!); done
  delay_ms=$((500 + RANDOM % 2500))
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  if ! kill -9 "$server" 2>/dev/null; then
    echo "kill_serve: round $round: plenary serve had exited before the kill:" >&2
    wait "$server" 2>/dev/null; echo "kill_serve: its exit status: $?" >&2
    tail -n 60 "$work/serve.err" >&2
    exit 1
  fi
  wait "$server" 2>/dev/null || true
  server=
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  check "$round"
done

# The last state serves again.
start_server
code=$(curl -s -o /dev/null -w '%{http_code}' "$url/healthz")
[ "$code" = 200 ] || { echo "kill_serve: /healthz answers $code after the last kill" >&2; exit 1; }
kill -TERM "$server"; wait "$server" 2>/dev/null || true; server=
acked=$({ cat "$work"/acked.* 2>/dev/null || true; } | wc -l)
[ "$acked" -gt 0 ] || { echo "kill_serve: no write was acknowledged in $rounds rounds: nothing was tested" >&2; exit 1; }
echo "kill_serve: $rounds kills of plenary serve under $clients writing clients:" \
  "$(sqlite3 "$db" "SELECT count(*) - 40 FROM meetings") meetings imported and" \
  "$(sqlite3 "$db" "SELECT count(*) FROM register_events WHERE note LIKE 'ks-%'") edits kept," \
  "$acked acknowledged writes all there, every change with its audit entry"
