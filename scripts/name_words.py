#!/usr/bin/env python3
"""The lowercase words French news writes inside names ("Parti socialiste",
"armée syrienne", "Institut du monde arabe"), from the training part of
WiNER-fr only (annotations CC BY 4.0): every lowercase word found after the
first word of a gold name. The document rules keep a name running on such a
word and cut it before any other lowercase word that follows a capital
directly: a verb the labeller took in ("Monsanto bafoue", "l'Arena explose").

    python3 scripts/name_words.py ../shared/data/ner/fr/winer-fr-train.conllu \
        > assets/gazetteer/name_words_fr.txt

Every 10th document is left out, the part `quoth train-ner` holds out as
dev. Deterministic (sorted output).
"""

import sys


def main():
    path = sys.argv[1]
    skip_doc_every = 10
    doc = -1
    words = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n\r").split("\t")
            if len(parts) < 3:
                continue
            if parts[1] == "-DOCSTART-":
                doc += 1
                continue
            if doc % skip_doc_every == skip_doc_every - 1:
                continue
            w, tag = parts[1], parts[2]
            if tag.startswith("I-") and w[:1].islower() and not any(c.isupper() for c in w):
                words.add(w)
    print("# Lowercase words seen inside names (after their first word) in the")
    print("# training part of WiNER-fr (every 10th document left out; annotations")
    print("# CC BY 4.0, Yoann Dupont), made by scripts/name_words.py. A name the")
    print("# labeller runs on into another lowercase word, right after a capital,")
    print("# is cut before it (rules.rs).")
    for w in sorted(words):
        print(w)


if __name__ == "__main__":
    main()
