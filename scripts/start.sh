#!/usr/bin/env bash
# Command (a): installs what is missing, builds the page and serves it on 127.0.0.1.
#   bash scripts/start.sh            → http://127.0.0.1:8080/
#   PORT=9000 bash scripts/start.sh  → another port
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --page
bash scripts/build.sh
exec node scripts/static-server.mjs www "${PORT:-8080}"
