# Sourced by scripts/setup.sh (which installs it) and scripts/build-app.sh (which uses it):
# the toolchain of the release wasm. A dated nightly, so that every machine builds the same
# module: rebuilding the standard library for size (-Zbuild-std) needs a nightly compiler.
WASM_TOOLCHAIN=nightly-2026-05-20

# True when that toolchain is installed with the wasm32 target and the standard library's
# source.
wasm_toolchain_ready() {
  local libdir sysroot
  libdir=$(rustup run "$WASM_TOOLCHAIN" rustc --print target-libdir --target wasm32-unknown-unknown \
             2>/dev/null) || return 1
  sysroot=$(rustup run "$WASM_TOOLCHAIN" rustc --print sysroot 2>/dev/null) || return 1
  [ -d "$libdir" ] && [ -d "$sysroot/lib/rustlib/src/rust/library" ]
}
