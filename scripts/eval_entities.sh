#!/usr/bin/env bash
# Scores the shipped entity models on every set the README reports, one line
# each (micro F1 and per label), from the shared corpora:
#   scripts/eval_entities.sh [SHARED_DIR]   (default ../shared)
# Sets: WiNER-fr dev and the WiNER-fr train articles train-ner holds out
# (every 10th, i % 10 == 9), each as WiNER-fr labels them and in the
# GUIDELINES.md view (scripts/guidelines_dev.py); WikiNEuRal fr (measured,
# never trained on); CoNLL-2003 val and the held-out tenth of train.
# NER_EVAL overrides the scorer (to compare another build).
set -euo pipefail
cd "$(dirname "$0")/.."
shared=${1:-../shared}
ner=$shared/data/ner
bin=${NER_EVAL:-target/release/examples/ner_eval}
[ -x "$bin" ] || cargo build --release --example ner_eval
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# every 10th document (-DOCSTART- blocks, 0-based i % 10 == 9)
tenth() {
  awk -v RS= -v ORS='\n\n' '/^0\t-DOCSTART-/ { d++ } d % 10 == 0 && d > 0' "$1"
}
tenth "$ner/en/conll2003-train.conllu" > "$tmp/conll-held.conllu"
python3 scripts/guidelines_dev.py --shared "$shared" --out "$tmp/dev-gl.conllu" > /dev/null
python3 scripts/guidelines_dev.py --shared "$shared" --set heldout \
  --out "$tmp/held-gl.conllu" --winer-out "$tmp/held.conllu" > /dev/null
score() {
  local name=$1 file=$2 lang=$3
  "$bin" "$file" --lang "$lang" 2>&1 | awk -v n="$name" '
    /FB1:/ && /accuracy/ { f = $NF }
    /^ *(PER|ORG|LOC|MISC):/ { sub(":", "", $1); l = l " " $1 " " $(NF - 1) }
    END { printf "%-26s %s %s\n", n, f, l }'
}
score "WiNER-fr dev" "$ner/fr/winer-fr-dev.conllu" fr
score "WiNER-fr dev, GUIDELINES" "$tmp/dev-gl.conllu" fr
score "WiNER-fr held out" "$tmp/held.conllu" fr
score "held out, GUIDELINES" "$tmp/held-gl.conllu" fr
score "WikiNEuRal fr" "$ner/fr/wikineural-fr-a.conllu" fr
score "CoNLL-2003 val" "$ner/en/conll2003-val.conllu" en
score "CoNLL-2003 train tenth" "$tmp/conll-held.conllu" en
