#!/usr/bin/env bash
# Checks that scripts/train_models.sh rebuilds the shipped models byte for
# byte: runs it on a copy of the committed tree (HEAD) in a temporary
# folder, then compares each file with assets/models (and the word list
# it derives, assets/gazetteer/name_words_fr.txt). Exits 1 on a
# difference. About 11 minutes on 2 cores the first time
# (its own build folder), 5-8 after.
#   scripts/check_models.sh [SHARED_DIR]   (default ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=$(cd "${1:-../shared}" && pwd)
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
git archive HEAD | tar -x -C "$copy"
# the copy builds in a folder of its own, kept under target/ so later runs
# reuse its dependencies; sharing the checkout's own target folder would put
# HEAD's binary in place of the checkout's, and cargo would then call it
# fresh (its fingerprints name the copy's files, not the checkout's)
mkdir -p target/check-models
ln -s "$PWD/target/check-models" "$copy/target"
(cd "$copy" && scripts/train_models.sh "$shared")
status=0
for f in assets/models/* assets/gazetteer/name_words_fr.txt; do
  if cmp -s "$f" "$copy/$f"; then
    echo "same: $f"
  else
    echo "DIFFERENT: $f" >&2
    status=1
  fi
done
exit $status
