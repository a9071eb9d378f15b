#!/usr/bin/env bash
# Sets up this machine if needed, builds the app and the sandbox, and runs the whole demo:
# the sandbox with demo data, serving the app. Environment: LISTEN (default
# 127.0.0.1:8080), DB (default sandbox.db).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"

scripts/setup.sh
scripts/build-app.sh
cargo build --release --locked -p sandbox
exec target/release/sandbox --listen "${LISTEN:-127.0.0.1:8080}" --db "${DB:-sandbox.db}" \
  --seed demo --static-dir dist --credentials-out target/demo-credentials.json "$@"
