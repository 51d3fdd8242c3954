#!/usr/bin/env bash
# Builds the browser package into www/pkg: cargo (profile `wasm`: opt-level z, LTO,
# panic=abort) → wasm-bindgen --target web → wasm-opt -Oz (npm binaryen). wasm-opt is
# skipped when the wasm-bindgen output has not changed since the last build.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
cargo build --quiet --lib --profile wasm --target wasm32-unknown-unknown
RAW=target/wasm32-unknown-unknown/wasm/textlens.wasm
STAGE=target/wasm-pkg
mkdir -p "$STAGE" www/pkg
wasm-bindgen --target web --no-typescript --out-dir "$STAGE" "$RAW"
SUM=$(cat "$STAGE/textlens_bg.wasm" "$STAGE/textlens.js" | sha256sum | cut -d' ' -f1)
if [ "$(cat www/pkg/.source-sha256 2>/dev/null)" != "$SUM" ] || [ ! -f www/pkg/textlens_bg.wasm ]; then
  node_modules/.bin/wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int \
    --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
    "$STAGE/textlens_bg.wasm" -o www/pkg/textlens_bg.wasm
  cp "$STAGE/textlens.js" www/pkg/textlens.js
  echo "$SUM" > www/pkg/.source-sha256
fi
echo "[build] www/pkg/textlens_bg.wasm $(stat -c %s www/pkg/textlens_bg.wasm) bytes ($(gzip -9 -c www/pkg/textlens_bg.wasm | wc -c) gzip)" >&2
