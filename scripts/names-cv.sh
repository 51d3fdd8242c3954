#!/usr/bin/env bash
# Cross-validated WikiGold score of the whole pipeline. The shipped name model learns from
# WikiGold dev too, so scoring it on that file would score seen text. Instead the file's
# documents are cut into K folds; for each fold a model is trained without it (same
# settings as the shipped model), a copy of the project is built with that model, and the
# CLI tags the fold. The folds' predictions are scored together with score.py: every
# document is tagged by a model that never saw it.
#
#   bash scripts/names-cv.sh [K]        (default 5; about 2 minutes a fold on 2 cores)
#   bash scripts/names-cv.sh --rules [K]  reuse the fold models of the last run: measures
#                                          a change to lists or span rules (not to features)
#
# Needs ../shared/eval (or TEXTLENS_EVAL_DIR). Work files go to target/names-cv/.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
REUSE=0
if [ "${1:-}" = "--rules" ]; then REUSE=1; shift; fi
K="${1:-5}"
EVAL="${TEXTLENS_EVAL_DIR:-../shared/eval}"
WIKI="$EVAL/wikigold.dev.jsonl"
[ -f "$WIKI" ] || { echo "names-cv: no $WIKI" >&2; exit 2; }
WORK=target/names-cv
rm -rf "$WORK/folds" "$WORK/pred.jsonl"
mkdir -p "$WORK/folds" "$WORK/tree" "$WORK/models"
EVAL_ABS=$(cd "$EVAL" && pwd)

# Folds by document: document i goes to fold i mod K.
python3 - "$WIKI" "$WORK/folds" "$K" <<'EOF'
import sys
src, out, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
docs = [l for l in open(src, encoding='utf-8') if l.strip()]
for f in range(k):
    with open(f'{out}/train{f}.jsonl', 'w', encoding='utf-8') as t:
        t.writelines(d for i, d in enumerate(docs) if i % k != f)
    with open(f'{out}/test{f}.jsonl', 'w', encoding='utf-8') as t:
        t.writelines(d for i, d in enumerate(docs) if i % k == f)
EOF

cargo build --quiet --release --features train --bin train
# A copy of the project (working tree as it is) whose model each fold replaces.
tar --exclude=./target --exclude=./.git --exclude='./node_modules' --exclude='./bench/node_modules' \
  --exclude='./www/pkg' -cf - . | (cd "$WORK/tree" && tar -xf -)
for f in $(seq 0 $((K - 1))); do
  model="$WORK/models/model$f-of-$K.bin"
  if [ "$REUSE" = 0 ] || [ ! -f "$model" ]; then
    echo "[names-cv] fold $((f + 1))/$K: training" >&2
    ./target/release/train --train "$EVAL/conll2003-train.jsonl" --train "$EVAL/wnut17-train.jsonl" \
      --train "$WORK/folds/train$f.jsonl" --dev "$EVAL/conll2003-testa.jsonl" \
      --out "$model" 2>&1 | grep '^best' >&2
  fi
  cp "$model" "$WORK/tree/data/names/model.bin"
  # Without LTO the copy builds in a fraction of the time; the output is the same.
  (cd "$WORK/tree" && CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    CARGO_TARGET_DIR=../build cargo build --quiet --release --bin textlens)
  "$WORK/build/release/textlens" --jsonl --date 2017-01-01 < "$WORK/folds/test$f.jsonl" >> "$WORK/pred.jsonl"
done
python3 "$EVAL_ABS/score.py" "$WIKI" "$WORK/pred.jsonl" --map conll --labels PERSON,ORG,LOC
python3 "$EVAL_ABS/score.py" "$WIKI" "$WORK/pred.jsonl" --map conll | grep -E '^(MISC|micro)'
