#!/usr/bin/env bash
# The benchmark: textlens (WASM under node, and native) side by side with compromise and
# wink-nlp on ~1 MB of real text from ../shared/eval. Prints figures and ratios; writes
# target/bench/results.json. Options: --json (print JSON), --quick (smaller corpus).
# No test times anything: speed and size targets are checked here.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --page
bash scripts/build.sh
cargo build --quiet --release --example bench_native
[ -d bench/node_modules/wink-nlp ] && [ ! bench/package-lock.json -nt bench/node_modules/.package-lock.json ] \
  || (cd bench && npm ci --no-fund --no-audit)
exec node --expose-gc bench/bench.mjs "$@"
