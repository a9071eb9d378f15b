#!/usr/bin/env bash
# Runs SailPoint's Python SDKs against the sandbox binary ($SANDBOX_BIN, default the debug
# build): sailpoint 1.4.2 (`sailpoint.v2024`, /v2024) from .tools/py, then sailpoint 2.1.72
# (`sailpoint.work_items`, /work-items/v1) from .tools/py-v1. Arguments go to both pytests.
set -euo pipefail
cd "$(dirname "$0")"
../.tools/py/bin/python -m pytest -q -p no:cacheprovider --ignore=v1 --ignore=ts "$@"
# The v1 suite runs in its own folder: no app config.json there (the SDK would read it),
# and --confcutdir keeps the 1.4.2 conftest above it out.
cd v1
../../.tools/py-v1/bin/python -m pytest -q -p no:cacheprovider --confcutdir=. "$@"
