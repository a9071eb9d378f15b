#!/usr/bin/env bash
# Measures Task Manager over a big queue (not a test): load time of every page, search
# keystroke and sort time, and frame time while scrolling (bench/triage.mjs), at 5,000 and
# 20,000 extra pending items. Options pass through, e.g. --sizes 5000.
# Expects scripts/setup.sh to have run; builds the release app and sandbox unless
# DIST_DIR / SANDBOX_BIN name ones already built.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"
if [[ -z "${DIST_DIR:-}" ]]; then scripts/build-app.sh >/dev/null; fi
if [[ -z "${SANDBOX_BIN:-}" ]]; then cargo build --release --locked -p sandbox; fi
node bench/triage.mjs --sandbox "${SANDBOX_BIN:-target/release/sandbox}" --dist "${DIST_DIR:-dist}" "$@"
