#!/usr/bin/env bash
# README command 1: set up, build, and run plenary's main job on the embedded
# default: import the bundled SSR2 notes into ./plenary.db and show the registers.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh plenary
plenary=build/plenary
export PLENARY_DB="${PLENARY_DB:-plenary.db}"
"$plenary" import --roster examples/ssr2/ssr2-roster.txt examples/ssr2/ssr2-plenary-15.txt
for listing in roster meetings attendance decisions actions; do
  echo
  echo "== plenary $listing"
  "$plenary" "$listing"
done
echo
echo "== plenary actions --overdue --as-of 2017-06-20   (a week after the meeting)"
"$plenary" actions --overdue --as-of 2017-06-20
