#!/usr/bin/env bash
# Runs SailPoint's TypeScript SDK (sailpoint-api-client 1.4.15) against the sandbox binary
# ($SANDBOX_BIN, default the debug build), with node's built-in test runner.
set -euo pipefail
cd "$(dirname "$0")"
exec node --test --test-reporter=spec work_items.test.mjs "$@"
