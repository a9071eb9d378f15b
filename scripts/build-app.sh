#!/usr/bin/env bash
# The release build of the browser app, as deployed: the full app into dist/ and the
# smaller widget-only build into dist/w/ (served as /widget). Trunk's post-build hook
# (scripts/postbuild.py) moves the boot script out of the HTML and precompresses assets.
# Expects scripts/setup.sh to have run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"
# The full app first: Trunk empties its dist directory, which holds w/.
trunk build --release --locked
trunk build --release --locked --dist dist/w --public-url /w/ widget.html
