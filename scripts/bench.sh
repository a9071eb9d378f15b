#!/usr/bin/env bash
# Benchmarks the sandbox under load (100,000 work items stored) beside Stoplight Prism 5
# mocking the same spec, in one run, and prints a table with the throughput ratio. Not a
# test: it prints figures, which go in the README. Options pass through, e.g. --seconds 5,
# or --only "any page" to run only the rows whose label contains that text.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x bench/node_modules/.bin/prism ]; then
  (cd bench && npm ci --no-audit --no-fund)
fi
cargo build --release --locked -p sandbox -p sandbox-bench
exec target/release/sandbox-bench --sandbox target/release/sandbox \
  --prism bench/node_modules/.bin/prism \
  --spec "${SPEC:-../shared/reference/isc-v2024-work-items.openapi.json}" "$@"
