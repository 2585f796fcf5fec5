#!/usr/bin/env bash
# Serving throughput of `plenary serve` on a long-lived group's register, next to
# nginx serving a static file of the same size on the same machine.
#   bench/serve_bench.sh            (DURATION=10 seconds a route; PLENARY=build/plenary;
#                                    SERVE_ARGS: more options for plenary serve, e.g.
#                                    "--response-cache-mb 0" to measure without the cache)
# The history (bench/make_history.py: 1,000 meetings, 20,000 items, group BENCH) is
# imported once and cached in build/bench-data (remove it to regenerate). The server
# and a throwaway nginx (own prefix and config in a temp dir) listen on 127.0.0.1 on
# free ports; wrk -t2 -c64 runs DURATION seconds against each route (a request
# slower than 10 s counts as a timeout, listed with the non-2xx answers). Prints, per
# route: response bytes, the time of one request alone (curl), req/s, p50 and p99
# latency, non-2xx answers, and req/s as a fraction of nginx's.
set -euo pipefail
cd "$(dirname "$0")/.."
PLENARY=$(realpath "${PLENARY:-build/plenary}")
DURATION=${DURATION:-10}
MEETINGS=${MEETINGS:-1000}
for tool in wrk nginx curl python3; do
  command -v "$tool" >/dev/null || { echo "serve_bench: $tool is not installed" >&2; exit 1; }
done


# shellcheck source=bench/history.sh
source bench/history.sh
auth="Authorization: Bearer $token"

port=$(free_port)
# shellcheck disable=SC2086 # SERVE_ARGS: options, split on spaces
"$PLENARY" --db "$db" serve --listen "127.0.0.1:$port" ${SERVE_ARGS:-} >"$tmp/serve.log" 2>&1 &
pids+=($!)
base=http://127.0.0.1:$port
wait_for "$base/healthz"

open_url="$base/api/v1/groups/BENCH/actions?status=open"
curl -fs -H "$auth" "$open_url" >"$tmp/open.json"
item=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["items"][0]["id"])' \
  "$tmp/open.json")

# nginx: a static file the size of the open-items page; workers read it even when
# the master runs as root and they run as nobody.
mkdir -p "$tmp/www" "$tmp/nginx"
chmod 755 "$tmp" "$tmp/www"
cp "$tmp/open.json" "$tmp/www/static.json" && chmod 644 "$tmp/www/static.json"
nginx_port=$(free_port)
cat >"$tmp/nginx/nginx.conf" <<EOF
worker_processes 2;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  default_type application/json;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $tmp/www;
  }
}
EOF
nginx -p "$tmp/nginx" -e "$tmp/nginx/error.log" -c "$tmp/nginx/nginx.conf" &
pids+=($!)
wait_for "http://127.0.0.1:$nginx_port/static.json"

# The routes: NAME, URL, and whether the API token goes with it.
routes=(
  "nginx static file (same size as open items)|http://127.0.0.1:$nginx_port/static.json|"
  "GET /healthz|$base/healthz|"
  "GET /api/v1/groups|$base/api/v1/groups|auth"
  "GET /api/v1/groups/BENCH/actions?status=open|$open_url|auth"
  "GET /api/v1/groups/BENCH/actions/$item|$base/api/v1/groups/BENCH/actions/$item|auth"
  "GET /api/v1/groups/BENCH/decisions|$base/api/v1/groups/BENCH/decisions|auth"
  "GET /api/v1/groups/BENCH/attendance|$base/api/v1/groups/BENCH/attendance|auth"
  "GET /g/BENCH (anonymous)|$base/g/BENCH|"
  "GET /g/BENCH/actions (anonymous)|$base/g/BENCH/actions|"
  "GET /g/BENCH/attendance (anonymous)|$base/g/BENCH/attendance|"
  "GET /g/BENCH/attendance, a year of meetings (anonymous)|$base/g/BENCH/attendance?from=2019-01-01&to=2019-12-31|"
)
headers() { if [[ $1 == auth ]]; then echo "$auth"; fi; }

# First each route alone on an idle server (size, status, time), then wrk on each;
# after a wrk run one untimed request waits until the server has drained the
# requests wrk left queued, so the next route starts on an idle server.
echo "serve_bench: ${DURATION}s a route, wrk -t2 -c64, $(nproc) cores, serve ${SERVE_ARGS:-}" >&2
declare -A alone
for route in "${routes[@]}"; do
  IFS='|' read -r name url use <<<"$route"
  h=$(headers "$use")
  alone[$name]=$(curl -s -o /dev/null -w '%{size_download} %{http_code} %{time_total}' \
    ${h:+-H "$h"} "$url")
done
: >"$tmp/rows"
for route in "${routes[@]}"; do
  IFS='|' read -r name url use <<<"$route"
  h=$(headers "$use")
  args=(-t2 -c64 "-d${DURATION}s" --timeout 10s --latency)
  [[ -n $h ]] && args+=(-H "$h")
  wrk "${args[@]}" "$url" >"$tmp/wrk.out"
  curl -s -o /dev/null ${h:+-H "$h"} "$url"
  # shellcheck disable=SC2086 # size, status and time: three arguments
  python3 - "$name" ${alone[$name]} "$tmp/wrk.out" >>"$tmp/rows" <<'PY'
import re, sys
name, size, status, alone, path = sys.argv[1:]
out = open(path).read()
rps = re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)
done = int(re.search(r"(\d+) requests in", out).group(1))
def ms(p):
    m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)\s*$" % p, out, re.M)
    if not m or not done:
        return "none done"
    return "%.1f" % (float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)])
bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
errors = re.search(r"Socket errors:.*", out)
note = (bad.group(1) if bad else "0") + (" (" + errors.group(0) + ")" if errors else "")
print("\t".join([name, size, status, "%.1f" % (float(alone) * 1000), rps, ms(50), ms(99),
                 note]))
PY
done

python3 - "$tmp/rows" <<'PY'
import sys
rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1])]
nginx = float(rows[0][4])
print("| route | bytes | status | one request alone, ms | req/s | p50 ms | p99 ms | non-2xx "
      "| req/s vs nginx |")
print("|---|---|---|---|---|---|---|---|---|")
for name, size, status, alone, rps, p50, p99, bad in rows:
    print(f"| {name} | {size} | {status} | {alone} | {float(rps):.1f} | {p50} | {p99} | {bad} | "
          f"{float(rps) / nginx:.4f} |")
PY
