#!/usr/bin/env bash
# Installs what building and testing textlens needs, skipping whatever is already there
# (with --page, only what building and serving the page needs):
# the wasm32 Rust target, wasm-bindgen-cli at exactly the version in Cargo.lock,
# Debian's chromium + chromedriver (browser tests), and the npm tools (wasm-opt from npm
# binaryen, playwright-core, axe-core). Safe to run again: it only checks, then.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
step() { local s=$SECONDS rc=0; "$@" || rc=$?; echo "[setup] $(( SECONDS - s ))s rc=$rc: $*" >&2; return $rc; }

command -v cargo >/dev/null || { echo "setup: cargo not found; install Rust with rustup first (https://rustup.rs)" >&2; exit 1; }
rustup target list --installed | grep -qx wasm32-unknown-unknown || step rustup target add wasm32-unknown-unknown

[ -f Cargo.lock ] || step cargo generate-lockfile
WB=$(cargo pkgid -p wasm-bindgen 2>/dev/null | sed 's/.*[@#]//')
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WB" ]; then
  # --locked is what we want; fall back to a plain install if the registry lacks a
  # locked dependency (seen for 0.2.130 here).
  step cargo install wasm-bindgen-cli --version "$WB" --locked || step cargo install wasm-bindgen-cli --version "$WB"
fi
[ "$(wasm-bindgen --version | awk '{print $2}')" = "$WB" ] || { echo "setup: wasm-bindgen $WB is not on PATH" >&2; exit 1; }

# `--page` (used by start.sh): only what building and serving the page needs.
PAGE_ONLY=false; [ "${1:-}" = "--page" ] && PAGE_ONLY=true

missing=()
$PAGE_ONLY || for p in chromium chromium-driver; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  step $SUDO apt-get update -qq
  # Not Debian's binaryen: its wasm-opt 108 corrupts wasm-bindgen output (npm's is used).
  step env DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/axe-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  step npm ci --no-fund --no-audit
fi
echo "[setup] ready" >&2
