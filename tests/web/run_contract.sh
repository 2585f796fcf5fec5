#!/usr/bin/env bash
# Runs the OpenAPI contract test (contract.mjs) against the fixture's server in
# DIR (serve_fixture.sh start DIR PLENARY sample): its URL, the admin's API
# token and password. Without node or the npm packages (npm ci --prefix
# tests/web) it skips (exit 77) on a developer's machine and fails when CI=true.
set -euo pipefail
dir=$1
here=$(cd "$(dirname "$0")" && pwd)
missing=()
command -v node >/dev/null || missing+=(node)
for package in yaml ajv ajv-formats; do
  [[ -d "$here/node_modules/$package" ]] || missing+=("npm package $package (npm ci --prefix tests/web)")
done
if ((${#missing[@]})); then
  echo "api contract: missing ${missing[*]}" >&2
  [[ "${CI:-}" == "true" ]] && exit 1
  exit 77
fi
for file in url token password; do
  [[ -s "$dir/$file" ]] || { echo "api contract: the server fixture did not start ($dir/$file)" >&2; exit 1; }
done
PLENARY_TOKEN=$(cat "$dir/token") PLENARY_LOGIN=ed PLENARY_PASSWORD=$(head -n1 "$dir/password") \
  exec node "$here/contract.mjs" "$(cat "$dir/url")"
