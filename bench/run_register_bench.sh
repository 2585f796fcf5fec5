#!/usr/bin/env bash
# Runs build/register_bench on SQLite and on a throwaway PostgreSQL 15 cluster
# (scripts/pg-cluster.sh, fsync on so the figures mean what they would on a
# server), and prints both back ends' figures side by side.
#   bench/run_register_bench.sh [--benchmark_filter=...]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'scripts/pg-cluster.sh stop "$dir"; rm -rf "$dir"' EXIT
PLENARY_PG_FSYNC=on scripts/pg-cluster.sh start "$dir" >/dev/null
PLENARY_BENCH_PG_URL=$(cat "$dir/url") build/register_bench "$@"
