#!/usr/bin/env bash
# README command 2: set up, build, and run the whole test suite.
#   scripts/test.sh [--sanitize]   the same suite on the ASan+UBSan build
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh "$@"
build=build
[ "${1:-}" = "--sanitize" ] && build=build-asan
# The browser tests' npm packages (playwright-core, axe-core), as locked.
npm ci --prefix tests/web --no-audit --no-fund
status=0
ctest --test-dir "$build" --output-on-failure -j "$(nproc)" || status=$?
# A failed browser test's summary again, last, where a CI log's tail shows it.
failure=$build/web-e2e/artefacts/failure.txt
if ((status != 0)) && [[ -f $failure ]]; then
  echo "== $failure:"
  head -c 2000 "$failure"
fi
exit "$status"
