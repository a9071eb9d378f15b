#!/usr/bin/env bash
# Runs SailPoint's Python SDK against the sandbox binary ($SANDBOX_BIN, default the debug build).
set -euo pipefail
cd "$(dirname "$0")"
exec ../.tools/py/bin/python -m pytest -q -p no:cacheprovider "$@"
