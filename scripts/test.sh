#!/usr/bin/env bash
# Runs every test of My Tasks, from a fresh machine of this kind or a warm one:
# formatting and lints, host unit + integration tests (the real sandbox on 127.0.0.1:0),
# browser component tests (wasm in headless Chromium), SailPoint's Python and TypeScript
# SDKs against the sandbox, and Playwright journeys against the sandbox serving the release
# build and through a real nginx (deploy/nginx) in front of it.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"
# One pass over everything, not an edit-compile loop: incremental caches would only take disk.
export CARGO_INCREMENTAL=0
step() { printf '\n\033[1;34m==> %s\033[0m\n' "$*"; }

step "setup"
scripts/setup.sh

step "format and lints"
cargo fmt --all --check
cargo clippy --workspace --all-targets --locked -- -D warnings

step "host tests: wire model, sandbox (unit + integration), app view logic"
cargo test --workspace --locked

step "browser component tests (wasm-bindgen-test in headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown -p my-tasks

step "release build of the app (trunk): the full app into dist/, the widget into dist/w/"
scripts/build-app.sh

# The sandbox binary the SDK suite and the journeys start is the one `cargo test` built.
export SANDBOX_BIN="$PWD/target/debug/sandbox" DIST_DIR="$PWD/dist"

step "conformance: SailPoint's Python SDKs (sailpoint 1.4.2 on /v2024, 2.1.72 on /work-items/v1) against the sandbox"
conformance/run.sh

step "conformance: SailPoint's TypeScript SDK (sailpoint-api-client 1.4.15) against the sandbox"
conformance/ts/run.sh

step "browser journeys (Playwright, headless Chromium) against the sandbox, and through nginx"
(cd e2e && CI=1 npx playwright test)

step "all tests passed"
