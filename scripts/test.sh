#!/usr/bin/env bash
# Command (b): installs what is missing, then runs every test layer:
#   1. native Rust tests (unit tests beside the code, integration tests in tests/,
#      evaluation score floors on ../shared/eval when it is there, doc tests)
#   2. the release WASM build (www/pkg)
#   3. the WASM boundary under wasm-bindgen-test in headless Chromium
#   4. browser end-to-end tests of the page in headless Chromium (e2e/)
#   5. fuzzing of analyze and the JSON Lines reader, FUZZ_SECONDS per target (default 60)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
t0=$SECONDS
layer() { local s=$SECONDS; echo "=== $1" >&2; shift; "$@"; echo "=== done in $(( SECONDS - s ))s" >&2; }

layer "setup" bash scripts/setup.sh
layer "native tests" cargo test --quiet
layer "wasm build" bash scripts/build.sh
layer "wasm boundary tests (headless Chromium)" \
  env CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_USE_BROWSER=1 cargo test --target wasm32-unknown-unknown --lib
mkdir -p target/e2e
for f in e2e/*.test.mjs; do
  layer "browser end-to-end: $f" node "$f"
done
layer "fuzzing (${FUZZ_SECONDS:-60}s per target)" bash scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
echo "=== all tests passed in $(( SECONDS - t0 ))s; screenshots in target/e2e/" >&2
