#!/usr/bin/env bash
# Benchmarks the sandbox under load (100,000 work items stored). Not a test: it prints
# figures, which go in the README. Options pass through, e.g. --concurrency 32.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --locked -p sandbox -p sandbox-bench
exec target/release/sandbox-bench --sandbox target/release/sandbox "$@"
