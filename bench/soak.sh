#!/usr/bin/env bash
# Soak: `plenary serve` on a long-lived group's register under wrk with 64
# connections for DURATION seconds (default 600), a mix of reads (health,
# group home, open items, one item, decisions, attendance, the API's lists)
# and authenticated writes (an item's due date moved through the API, 1 in
# WRITE_EVERY requests, default 50). Prints errors (socket errors, non-2xx
# answers, timeouts: must be 0), p50/p99, req/s, and the server's RSS at
# start, after a minute and at the end, and each minute's.
#   bench/soak.sh         (DURATION=600 MEETINGS=1000 PLENARY=build/plenary)
set -euo pipefail
cd "$(dirname "$0")/.."
PLENARY=$(realpath "${PLENARY:-build/plenary}")
DURATION=${DURATION:-600}
MEETINGS=${MEETINGS:-1000}
WRITE_EVERY=${WRITE_EVERY:-50}
for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "soak: $tool is not installed" >&2; exit 1; }
done
# shellcheck source=bench/history.sh
source bench/history.sh
# The soak writes: it works on a copy of the cached register.
cp "$db" "$tmp/soak.db"
port=$(free_port)
"$PLENARY" --db "$tmp/soak.db" serve --listen "127.0.0.1:$port" >"$tmp/serve.log" 2>&1 &
server=$!
pids+=("$server")
base=http://127.0.0.1:$port
wait_for "$base/healthz"
items=$(curl -fs -H "Authorization: Bearer $token" "$base/api/v1/groups/BENCH/actions?status=open" |
  python3 -c 'import json,sys; print(" ".join(str(i["id"]) for i in json.load(sys.stdin)["items"][:200]))')

cat >"$tmp/mix.lua" <<LUA
local token = "$token"
local every = $WRITE_EVERY
local items = {}
for id in string.gmatch("$items", "%d+") do items[#items + 1] = id end
local reads = {
  {"/healthz", false}, {"/g/BENCH", false}, {"/g/BENCH/decisions", false},
  {"/api/v1/groups/BENCH/actions?status=open", true}, {"/api/v1/groups/BENCH/decisions", true},
  {"/api/v1/groups", true}, {"/g/BENCH/attendance", false}, {"/g/BENCH/actions", false},
}
local n = 0
request = function()
  n = n + 1
  local item = items[(n % #items) + 1]
  if n % every == 0 then
    local day = 10 + (n % 18)
    return wrk.format("PATCH", "/api/v1/groups/BENCH/actions/" .. item,
      {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"},
      '{"due": "2031-03-' .. day .. '", "note": "soak"}')
  end
  if n % 7 == 0 then
    return wrk.format("GET", "/api/v1/groups/BENCH/actions/" .. item, {["Authorization"] = "Bearer " .. token})
  end
  local r = reads[(n % #reads) + 1]
  local headers = {}
  if r[2] then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("GET", r[1], headers)
end
local bad = 0
response = function(status, headers, body)
  if status >= 400 then bad = bad + 1 end
end
done = function(summary, latency, requests)
  io.write(string.format("soak-lua: non-2xx/3xx %d\n", bad))
end
LUA

rss() { awk '/VmRSS/ {print $2}' "/proc/$server/status"; }
rss_start=$(rss)
# The RSS each minute, to tell caches filling to their bounds from a leak.
( for _ in $(seq $((DURATION / 60))); do sleep 60; rss >>"$tmp/rss-minutes" || break; done ) &
pids+=($!)
echo "soak: ${DURATION}s, wrk -t2 -c64, 1 write in $WRITE_EVERY, $MEETINGS meetings, RSS at start ${rss_start} kB" >&2
wrk -t2 -c64 "-d${DURATION}s" --timeout 30s --latency -s "$tmp/mix.lua" "$base" >"$tmp/wrk.out"
rss_end=$(rss)
python3 - "$tmp/wrk.out" "$rss_start" "$tmp/rss-minutes" "$rss_end" <<'PY'
import os, re, sys
out, start, end = open(sys.argv[1]).read(), int(sys.argv[2]), int(sys.argv[4])
minutes = [int(line) for line in open(sys.argv[3])] if os.path.exists(sys.argv[3]) else []
minute = minutes[0] if minutes else 0
done = int(re.search(r"(\d+) requests in", out).group(1))
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
def ms(p):
    m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)\s*$" % p, out, re.M)
    return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)] if m else float("nan")
sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
socket_errors = sum(map(int, sock.groups())) if sock else 0
bad = int(re.search(r"soak-lua: non-2xx/3xx (\d+)", out).group(1))
print("| requests | req/s | p50 ms | p99 ms | errors (socket+timeouts / non-2xx) | RSS start / 1 min / end MB |")
print("|---|---|---|---|---|---|")
print(f"| {done} | {rps:.1f} | {ms(50):.1f} | {ms(99):.1f} | {socket_errors} / {bad} | "
      f"{start/1024:.0f} / {minute/1024:.0f} / {end/1024:.0f} |")
print("RSS each minute, MB: " + " ".join(f"{kb / 1024:.0f}" for kb in minutes))
sys.exit(1 if socket_errors or bad else 0)
PY
