#!/usr/bin/env bash
# Runs the browser end-to-end test (e2e.mjs) against the fixture's server in
# DIR. Without node, chromium or the npm packages (npm ci --prefix tests/web)
# it skips (exit 77) on a developer's machine and fails when CI=true.
set -euo pipefail
dir=$1
here=$(cd "$(dirname "$0")" && pwd)
missing=()
command -v node >/dev/null || missing+=(node)
[[ -x /usr/bin/chromium ]] || missing+=(/usr/bin/chromium)
[[ -d "$here/node_modules/playwright-core" && -d "$here/node_modules/axe-core" ]] ||
  missing+=("npm packages (npm ci --prefix tests/web)")
if ((${#missing[@]})); then
  echo "web e2e: missing ${missing[*]}" >&2
  [[ "${CI:-}" == "true" ]] && exit 1
  exit 77
fi
[[ -f "$dir/url" ]] || { echo "web e2e: the server fixture did not start" >&2; exit 1; }
# On a failure the server's side is printed too: in CI the output is all
# that is left.
status=0
node "$here/e2e.mjs" "$(cat "$dir/url")" "$dir/artefacts" || status=$?
if ((status != 0)); then
  echo "web e2e: the server's standard error (last 40 lines):" >&2
  tail -n 40 "$dir/serve.err" >&2 || true
  echo "web e2e: its last 20 requests:" >&2
  tail -n 20 "$dir/access.log" >&2 || true
fi
exit "$status"
