#!/usr/bin/env bash
# Prepares a machine of this kind (Debian, rustup, Node 20, Python 3.11) to build and test
# My Tasks. Idempotent: every step checks first, so a warm machine skips it in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

# Versions come from the lockfile / this file, never "latest": Trunk only uses a
# wasm-bindgen-cli that matches the crate exactly.
TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The release wasm's toolchain: a dated nightly with the standard library's source, which
# scripts/build-app.sh rebuilds for size (about 15 seconds to install). If it cannot be
# had, the build falls back to the default toolchain and says so.
. scripts/wasm-toolchain.sh
if ! wasm_toolchain_ready; then
  log "installing $WASM_TOOLCHAIN with rust-src and wasm32-unknown-unknown (the release wasm's toolchain)"
  rustup toolchain install "$WASM_TOOLCHAIN" --profile minimal --component rust-src \
    --target wasm32-unknown-unknown \
    || log "could not install $WASM_TOOLCHAIN: the release wasm will be built with the default toolchain"
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  log "installing trunk $TRUNK_VERSION (about 7 minutes)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: its own lockfile pins a crate version the registry no longer has.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --force
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  log "installing Debian chromium and chromium-driver"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver
fi

# nginx (the deployment shape the journeys also run through) with the brotli_static module,
# the CA certificates its config checks an https upstream against, the brotli CLI the build
# step uses to precompress assets, and openssl (a journey makes an untrusted certificate).
if ! command -v nginx >/dev/null || [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] \
   || ! command -v brotli >/dev/null || [ ! -f /etc/ssl/certs/ca-certificates.crt ] \
   || ! command -v openssl >/dev/null; then
  log "installing Debian nginx, its brotli_static module, CA certificates, brotli and openssl"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq || true
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq nginx-light libnginx-mod-http-brotli-static brotli \
    ca-certificates openssl
fi

# npm: Playwright (its browser download is skipped: we drive Debian's chromium) and
# binaryen's wasm-opt (Debian's binaryen 108 silently breaks the module).
if [ ! -x e2e/node_modules/.bin/wasm-opt ] || [ ! -d e2e/node_modules/@playwright/test ] \
   || [ e2e/package-lock.json -nt e2e/node_modules/.package-lock.json ]; then
  log "installing e2e npm packages"
  (cd e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi

# Python: SailPoint's official SDK 1.4.2 (`sailpoint.v2024`), for the conformance suite.
if [ ! -x .tools/py/bin/python ] || ! .tools/py/bin/python -c 'import sailpoint.v2024' 2>/dev/null; then
  log "installing the SailPoint Python SDK into .tools/py"
  python3 -m venv .tools/py
  .tools/py/bin/pip install -q -r conformance/requirements.txt
fi

# Python: SailPoint's current SDK (sailpoint 2.1.72, per-service modules), for the v1 suite.
# Same package name as 1.4.2, so it gets its own venv.
if [ ! -x .tools/py-v1/bin/python ] || ! .tools/py-v1/bin/python -c 'import sailpoint.work_items' 2>/dev/null; then
  log "installing the current SailPoint Python SDK into .tools/py-v1"
  python3 -m venv .tools/py-v1
  .tools/py-v1/bin/pip install -q -r conformance/requirements-v1.txt
fi

# npm: SailPoint's TypeScript SDK, for the TypeScript conformance suite.
if [ ! -d conformance/ts/node_modules/sailpoint-api-client ] \
   || [ conformance/ts/package-lock.json -nt conformance/ts/node_modules/.package-lock.json ]; then
  log "installing SailPoint's TypeScript SDK into conformance/ts"
  (cd conformance/ts && npm ci --no-audit --no-fund)
fi

# Stoplight Prism, which only the benchmark uses, is installed by scripts/bench.sh.

cargo fetch --locked >/dev/null
# The release wasm rebuilds the standard library, whose own dependencies (its lockfile is in
# the toolchain's rust-src) Trunk cannot fetch: it builds offline (Trunk.toml).
if wasm_toolchain_ready; then
  RUSTUP_TOOLCHAIN="$WASM_TOOLCHAIN" CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    cargo fetch --locked --target wasm32-unknown-unknown >/dev/null
fi
log "ready"
