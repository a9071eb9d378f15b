#!/usr/bin/env bash
# Experiment (issue 7), not part of the build: how big the full app's wasm modules are
# when the functions marked #[wasm_split] are split off. Builds the app with relocations
# kept (its own target dir, so Trunk's cache stays warm), splits it with wasm-split-cli
# (crate wasm_split_cli_support 0.2.4), runs wasm-bindgen on the main module and
# wasm-opt -Oz on every module, and prints raw and brotli -q 11 bytes of each.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"
SPLIT=${WASM_SPLIT_CLI:-wasm-split-cli}
OUT=target/split/out
CARGO_TARGET_DIR=target/split RUSTFLAGS="--cfg erase_components -C link-arg=--emit-relocs" \
  cargo build --locked --target wasm32-unknown-unknown --profile wasm-release --bin my-tasks
rm -rf "$OUT" && mkdir -p "$OUT/bg"
"$SPLIT" --target web --out-name my-tasks \
  target/split/wasm32-unknown-unknown/wasm-release/my-tasks.wasm "$OUT" >/dev/null
wasm-bindgen --target web --no-typescript --out-dir "$OUT/bg" --out-name my-tasks "$OUT/my-tasks.wasm"
size() { printf '%-34s %9s B  %8s B brotli\n' "$1" "$(stat -c %s "$2")" "$(brotli -q 11 -c "$2" | wc -c)"; }
wasm-opt -Oz "$OUT/bg/my-tasks_bg.wasm" -o "$OUT/main.opt.wasm"
size "main module" "$OUT/main.opt.wasm"
total=0
for f in "$OUT"/split_*.wasm "$OUT"/chunk_*.wasm; do
  [ -e "$f" ] || continue
  wasm-opt -Oz "$f" -o "$f.opt" 2>/dev/null
  size "$(basename "$f" .wasm)" "$f.opt"
  total=$((total + $(brotli -q 11 -c "$f.opt" | wc -c)))
done
echo "split-off modules together: $total B brotli"
