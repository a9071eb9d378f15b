#!/usr/bin/env bash
# Measures (not a test) the wall time of a bulk Approve All over 200 work items in the
# release app against the release sandbox: bench/bulk.mjs. Options pass through, e.g.
# --items 100. DIST_DIR / SANDBOX_BIN name builds to use instead of building them.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"
if [ -z "${DIST_DIR:-}" ]; then scripts/build-app.sh >/dev/null; fi
if [ -z "${SANDBOX_BIN:-}" ]; then cargo build --release --locked -p sandbox; fi
node bench/bulk.mjs --dist "${DIST_DIR:-dist}" --sandbox "${SANDBOX_BIN:-target/release/sandbox}" "$@"
