#!/usr/bin/env bash
# Checks that scripts/train_models.sh rebuilds the shipped models byte for
# byte: runs it on a copy of the committed tree (HEAD) in a temporary
# folder, then compares each file with assets/models. Exits 1 on a
# difference. About 5-8 minutes on 2 cores.
#   scripts/check_models.sh [SHARED_DIR]   (default ../shared)
set -euo pipefail
cd "$(dirname "$0")/.."
shared=$(cd "${1:-../shared}" && pwd)
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
git archive HEAD | tar -x -C "$copy"
# the copy builds in this checkout's target folder: dependencies are reused
mkdir -p target
ln -s "$PWD/target" "$copy/target"
(cd "$copy" && scripts/train_models.sh "$shared")
status=0
for f in assets/models/*; do
  if cmp -s "$f" "$copy/$f"; then
    echo "same: $f"
  else
    echo "DIFFERENT: $f" >&2
    status=1
  fi
done
exit $status
