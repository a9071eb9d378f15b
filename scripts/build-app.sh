#!/usr/bin/env bash
# The release build of the browser app, as deployed: the full app into dist/ and the
# smaller widget-only build into dist/w/ (served as /widget). Trunk's post-build hook
# (scripts/postbuild.py) moves the boot script out of the HTML and precompresses assets.
# Expects scripts/setup.sh to have run.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/e2e/node_modules/.bin:$PATH"

# The smallest module: the pinned nightly rebuilds the standard library for size, and a
# panic stops the module at once, without formatting a message (so no panic message, file
# name or line number is compiled in). About 9% less wasm; see the README's "Rebuilding
# the standard library". Without that toolchain the build falls back to stable, larger.
. scripts/wasm-toolchain.sh
if wasm_toolchain_ready; then
  export RUSTUP_TOOLCHAIN="$WASM_TOOLCHAIN"
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  # Added to .cargo/config.toml's flags for the target (erase_components), not instead.
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
else
  echo "build-app: $WASM_TOOLCHAIN with rust-src and wasm32-unknown-unknown is missing" \
       "(scripts/setup.sh installs it); building with the default toolchain, about 9% larger" >&2
fi

# The full app first: Trunk empties its dist directory, which holds w/.
trunk build --release --locked
trunk build --release --locked --dist dist/w --public-url /w/ widget.html
