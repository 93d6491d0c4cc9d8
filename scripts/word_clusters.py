#!/usr/bin/env python3
"""Distributional word clusters for the entity recogniser, computed from the
training part of a NER corpus only (no other text): each lowercase word is
described by the words seen just before and after it, the descriptions are
reduced to a few dimensions and grouped by k-means, at two granularities.
Rare words then share weights with the frequent words used the same way.

    pip install numpy
    python3 scripts/word_clusters.py ../shared/data/ner/fr/winer-fr-train.conllu \
        --skip-doc-every 10 > assets/models/clusters_fr.tsv
    python3 scripts/word_clusters.py ../shared/data/ner/en/conll2003-train.conllu \
        > assets/models/clusters_en.tsv

--skip-every N leaves out every N-th sentence, --skip-doc-every N every N-th
document: the dev part `quoth train-ner` holds out when it is given no --dev
file (by document when the corpus has -DOCSTART- lines). Output: word<TAB>fine<TAB>coarse.
Deterministic (fixed seed).
"""

import argparse
import collections
import sys

import numpy as np


def sentences(path, skip_every, skip_doc_every):
    """Lowercase sentences of a CoNLL file, less every skip_every-th
    sentence, or every skip_doc_every-th document (counted by -DOCSTART-
    lines), the parts `quoth train-ner` holds out as dev."""
    sent, n, doc = [], 0, -1

    def kept():
        if skip_doc_every:
            return doc % skip_doc_every != skip_doc_every - 1
        return not (skip_every and n % skip_every == skip_every - 1)

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n\r")
            if not line.strip():
                if sent:
                    if kept():
                        yield sent
                    n += 1
                    sent = []
                continue
            cols = line.split("\t")
            word = cols[1] if len(cols) == 3 else cols[0]
            if word == "-DOCSTART-":
                doc += 1
                continue
            sent.append(word.lower())
    if sent and kept():
        yield sent


def kmeans(x, k, rng, iters=20):
    centres = x[rng.choice(len(x), k, replace=False)].copy()
    assign = np.zeros(len(x), dtype=np.int64)
    for _ in range(iters):
        # cosine similarity: rows and centres are unit vectors
        assign = np.argmax(x @ centres.T, axis=1)
        for c in range(k):
            members = x[assign == c]
            if len(members):
                m = members.sum(axis=0)
                centres[c] = m / (np.linalg.norm(m) + 1e-9)
    return assign


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--skip-every", type=int, default=0)
    ap.add_argument("--skip-doc-every", type=int, default=0)
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument("--contexts", type=int, default=800)
    ap.add_argument("--dims", type=int, default=80)
    ap.add_argument("--fine", type=int, default=256)
    ap.add_argument("--coarse", type=int, default=32)
    a = ap.parse_args()

    sents = list(sentences(a.corpus, a.skip_every, a.skip_doc_every))
    counts = collections.Counter(w for s in sents for w in s)
    vocab = sorted(
        (w for w, c in counts.items() if c >= a.min_count), key=lambda w: (-counts[w], w)
    )
    index = {w: i for i, w in enumerate(vocab)}
    ctx = {w: i for i, w in enumerate(vocab[: a.contexts])}
    nc = len(ctx) + 1  # the last column: sentence edge
    m = np.zeros((len(vocab), 2 * nc), dtype=np.float64)
    for s in sents:
        for i, w in enumerate(s):
            r = index.get(w)
            if r is None:
                continue
            left = ctx.get(s[i - 1], None) if i > 0 else nc - 1
            right = ctx.get(s[i + 1], None) if i + 1 < len(s) else nc - 1
            if left is not None:
                m[r, left] += 1
            if right is not None:
                m[r, nc + right] += 1
    m = np.log1p(m)
    m /= np.linalg.norm(m, axis=1, keepdims=True) + 1e-9
    # principal directions from the small context × context matrix
    vals, vecs = np.linalg.eigh(m.T @ m)
    proj = vecs[:, np.argsort(vals)[::-1][: a.dims]]
    x = m @ proj
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    rng = np.random.RandomState(0)
    fine = kmeans(x, a.fine, rng)
    coarse = kmeans(x, a.coarse, rng)
    out = sys.stdout
    out.write(
        f"# Word clusters computed by scripts/word_clusters.py from {a.corpus.split('/')[-1]}"
        f" (training part): word<TAB>fine<TAB>coarse\n"
    )
    for w in vocab:
        if "\t" in w or not w.strip():
            continue
        out.write(f"{w}\t{fine[index[w]]}\t{coarse[index[w]]}\n")


if __name__ == "__main__":
    main()
