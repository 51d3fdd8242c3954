#!/usr/bin/env bash
# Scores textlens on every corpus in ../shared/eval with that folder's score.py and prints
# one line per measure: the figures quoted in the README. Needs ../shared/eval (or
# TEXTLENS_EVAL_DIR); the product itself never does.
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL="${TEXTLENS_EVAL_DIR:-../shared/eval}"
[ -f "$EVAL/score.py" ] || { echo "eval: no $EVAL/score.py" >&2; exit 2; }
cargo build --quiet --release
OUT=target/eval; mkdir -p "$OUT"
predict() { ./target/release/textlens --jsonl --date 2017-01-01 < "$EVAL/$1" > "$OUT/$1"; }
# measure NAME FILE JSON-PATH SCORER-ARGS...
measure() {
  local name=$1 file=$2 path=$3; shift 3
  local v
  v=$(python3 "$EVAL/score.py" "$EVAL/$file" "$OUT/$file" --json "$@" | python3 -c "
import json, sys
d = json.load(sys.stdin)
for k in sys.argv[1].split('.'):
    d = d[k]
print('%.3f' % d)" "$path")
  printf '%-58s %s   (score.py %s %s)\n' "$name" "$v" "$file" "$*"
}
for f in conll2003-testa.jsonl wikigold.dev.jsonl wnut17-dev.jsonl rt-currency.dev.jsonl rt-percent.dev.jsonl rt-datetime.dev.jsonl re3d.dev.jsonl; do
  predict "$f"
done
measure "CoNLL-2003 testa PERSON/ORG/LOC exact F1"        conll2003-testa.jsonl micro.exact.f1 --map conll --labels PERSON,ORG,LOC
measure "CoNLL-2003 testa PERSON/ORG/LOC/MISC exact F1"   conll2003-testa.jsonl micro.exact.f1 --map conll
measure "WikiGold dev PERSON/ORG/LOC F1 (trained on; names-cv.sh)" wikigold.dev.jsonl micro.exact.f1 --map conll --labels PERSON,ORG,LOC
measure "WikiGold dev MISC F1 (trained on)"                wikigold.dev.jsonl per_label.MISC.exact.f1 --map conll
measure "WNUT-17 dev PERSON/ORG/LOC exact F1"             wnut17-dev.jsonl micro.exact.f1 --map loc --labels PERSON,ORG,LOC
measure "Recognizers-Text currency MONEY exact F1"        rt-currency.dev.jsonl per_label.MONEY.exact.f1
measure "Recognizers-Text currency MONEY value accuracy"  rt-currency.dev.jsonl per_label.MONEY.norm.accuracy
measure "Recognizers-Text percent PERCENT exact F1"       rt-percent.dev.jsonl per_label.PERCENT.exact.f1
measure "Recognizers-Text datetime temporal exact F1"     rt-datetime.dev.jsonl micro.exact.f1 --map temporal --trim-prepositions
measure "Recognizers-Text datetime temporal overlap F1"   rt-datetime.dev.jsonl micro.overlap.f1 --map temporal --trim-prepositions
measure "Recognizers-Text datetime DATE value accuracy"   rt-datetime.dev.jsonl per_label.DATE.norm.accuracy --map SET=DATE --trim-prepositions
measure "re3d dev TEMPORAL exact F1"                      re3d.dev.jsonl per_label.TEMPORAL.exact.f1 --map temporal --labels TEMPORAL
measure "re3d dev TEMPORAL overlap F1"                    re3d.dev.jsonl per_label.TEMPORAL.overlap.f1 --map temporal --labels TEMPORAL
measure "re3d dev MONEY exact F1"                         re3d.dev.jsonl per_label.MONEY.exact.f1 --map temporal --labels TEMPORAL,MONEY
