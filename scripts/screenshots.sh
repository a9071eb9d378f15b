#!/usr/bin/env bash
# Regenerates the README's screenshots in docs/screenshots/ (dashboard, Task Manager, a detail
# page and a dialog; light and dark; 1280 and 360 px wide) from the demo data.
# It builds the release app into dist/ and the sandbox (debug: its speed does not show in a
# picture), unless DIST_DIR / SANDBOX_BIN name ones already built. Options pass through to
# e2e/screenshots.mjs, e.g. --out /tmp/shots.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"
if [ ! -d e2e/node_modules/@playwright/test ]; then
  echo "e2e/node_modules is missing: run scripts/setup.sh first" >&2
  exit 1
fi

if [ -z "${DIST_DIR:-}" ]; then
  scripts/build-app.sh >/dev/null
  export DIST_DIR="$PWD/dist"
fi
if [ -z "${SANDBOX_BIN:-}" ]; then
  cargo build --locked -p sandbox
  export SANDBOX_BIN="$PWD/target/debug/sandbox"
fi

node e2e/screenshots.mjs "$@"
