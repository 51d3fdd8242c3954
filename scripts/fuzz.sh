#!/usr/bin/env bash
# Fuzzes `analyze` and the JSON Lines reader with cargo-fuzz (libFuzzer, nightly Rust)
# for a bounded time each: `bash scripts/fuzz.sh [SECONDS_PER_TARGET]` (default 60).
# The corpus (fuzz/corpus/, not committed) is seeded from ../shared/eval texts when that
# folder is there. A crash stops the run with the input saved under fuzz/artifacts/;
# every crash found becomes a case in tests/fuzz_regressions.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
SECS="${1:-60}"
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "fuzz: skipped: no nightly Rust toolchain on this machine (cargo-fuzz needs it)" >&2
  exit 0
fi
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
EVAL="${TEXTLENS_EVAL_DIR:-../shared/eval}"
for target in analyze jsonl; do
  mkdir -p "fuzz/corpus/$target"
  if [ -z "$(ls -A "fuzz/corpus/$target")" ] && [ -d "$EVAL" ]; then
    python3 - "$EVAL" "fuzz/corpus/$target" "$target" <<'PY'
import json, pathlib, sys
src, dst, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
n = 0
for f in sorted(src.glob("*.jsonl")):
    for i, line in enumerate(f.read_text(encoding="utf-8").splitlines()[:40]):
        rec = json.loads(line)
        seed = line if target == "jsonl" else "\x01" + rec["text"]
        (dst / f"{f.stem}-{i}").write_bytes(seed.encode("utf-8"))
        n += 1
print(f"fuzz: seeded {n} inputs for {target}", file=sys.stderr)
PY
  fi
  echo "fuzz: $target for ${SECS}s" >&2
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- -max_total_time="$SECS" -max_len=8192 -timeout=10 -print_final_stats=1 2>&1 \
    | grep -E "^(#[0-9]+ *DONE|stat::number_of_executed_units|SUMMARY|==[0-9]+==ERROR|Done)" || true
  if ls fuzz/artifacts/$target/crash-* fuzz/artifacts/$target/timeout-* >/dev/null 2>&1; then
    echo "fuzz: $target found a failing input (fuzz/artifacts/$target/); add it to tests/fuzz_regressions.rs" >&2
    exit 1
  fi
done
