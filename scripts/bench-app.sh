#!/usr/bin/env bash
# Measures the app (not a test): the release bundles' size (wasm + js + css, raw and
# gzip -9) for the full app (dist/) and the widget build (dist/w/), then the first-visit
# benchmark (bench/first-visit.mjs: cold over slow 4G through the sandbox and nginx, warm
# with 100,000 items) and the warm first-row benchmark (bench/app-first-list.mjs).
# Options pass through to bench/first-visit.mjs, e.g. --runs 9.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"
scripts/build-app.sh >/dev/null
cargo build --release --locked -p sandbox

sizes() {
  local total=0 file raw gz
  for file in "$1"/*.wasm "$1"/*.js "$1"/*.css; do
    raw=$(stat -c %s "$file")
    gz=$(gzip -9 -c "$file" | wc -c)
    total=$((total + gz))
    printf '  %-40s %9d B raw %9d B gzip\n' "$(basename "$file")" "$raw" "$gz"
  done
  printf '  %-40s %9s       %9d B gzip\n' "total" "" "$total"
}
echo "The full app (dist/):"; sizes dist
echo "The widget build (dist/w/):"; sizes dist/w

node bench/first-visit.mjs --sandbox target/release/sandbox "$@"
node bench/app-first-list.mjs --sandbox target/release/sandbox
