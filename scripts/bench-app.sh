#!/usr/bin/env bash
# Measures the app (not a test): the release bundle's size (wasm + js + css, raw and gzip -9)
# and the time from navigation to the first rendered Task Manager row against a local
# sandbox. Options pass through to bench/app-first-list.mjs, e.g. --runs 20.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"
trunk build --release --locked >/dev/null
cargo build --release --locked -p sandbox

total=0
for file in dist/*.wasm dist/*.js dist/*.css; do
  raw=$(stat -c %s "$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  total=$((total + gz))
  printf '%-40s %9d B raw %9d B gzip\n' "$(basename "$file")" "$raw" "$gz"
done
printf '%-40s %9s       %9d B gzip\n' "total" "" "$total"

node bench/app-first-list.mjs --sandbox target/release/sandbox "$@"
