#!/usr/bin/env python3
"""Writes WiNER-fr dev with its entity labels corrected to GUIDELINES.md.

  python3 scripts/guidelines_dev.py [--shared ../shared] [--set dev|heldout]
      --out FILE.conllu [--covered-only] [--winer-out FILE.conllu]
  target/release/examples/ner_eval FILE.conllu --lang fr

quoth's French entities are judged by the "Entities" section of
../shared/data/quotes/fr/GUIDELINES.md, while WiNER-fr (our dev guide,
../shared/data/ner/fr/winer-fr-dev.conllu, 118 French Wikinews articles) follows
conventions of its own (nationalities left out, the place in "guerre d'Irak",
job titles such as "ministre de la Santé" as ORG, ...). This script reads that
file and applies the corrections of `fr-silver/winer-dev-guidelines.tsv`, one
line per change: document (0-based, order of -DOCSTART-), sentence in the
document (0-based, the -DOCSTART- line not counted), first token, end token
(exclusive; token indices as in the file's first column), new label
(PER/ORG/LOC/MISC, or O to remove), the surface words and the GUIDELINES clause
that decides. Every gold mention overlapping a corrected span is removed, then
the new one (unless O) is added. The surface words are checked against the
tokens; any mismatch stops the script. Only offsets, labels and entity words
are kept in the tsv, never the article texts.

--set heldout does the same for the articles `quoth train-ner` holds out of
WiNER-fr train (../shared/data/ner/fr/winer-fr-train.conllu, every 10th
document: i % 10 == 9, 0-based; the French model never trains on them and the
word clusters skip them), numbered 0.. in that order, with the corrections of
`fr-silver/winer-heldout-guidelines.tsv` (same format). Nobody tunes rules on
that view, so it checks that gains on the dev view are not dev-specific.

The tsv's "# reviewed: 0-N" line (or "none") says which documents have been reviewed
(every quoth/WiNER disagreement checked against GUIDELINES.md); --covered-only
writes only those, and --winer-out writes the same documents with WiNER's own
labels, so both views are scored on the same text.

Licence: WiNER-fr annotations CC BY 4.0 (Wikinews text CC BY 2.5); the
corrections in the tsv are this project's.
"""
import argparse, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
LABELS = {"PER", "ORG", "LOC", "MISC", "O"}


def read_conll(path):
    """Returns a list of blocks (lists of [index, word, tag]); -DOCSTART- blocks kept."""
    blocks, cur = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if cur:
                blocks.append(cur)
                cur = []
            continue
        i, w, t = line.split("\t")
        cur.append([i, w, t])
    if cur:
        blocks.append(cur)
    return blocks


def spans(sent):
    """Gold mentions of a sentence as [start, end, label] (token positions)."""
    out, start, lab = [], None, None
    for k, (_, _, t) in enumerate(sent + [[None, None, "O"]]):
        if start is not None and (t == "O" or t.startswith("B-") or t[2:] != lab):
            out.append([start, k, lab])
            start = None
        if t.startswith("B-") or (t.startswith("I-") and start is None):
            start, lab = k, t[2:]
    return out


def read_tsv(path):
    covered, rows = None, []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        m = re.match(r"#\s*reviewed:\s*(?:0-(\d+)|none)", line)
        if m:
            covered = int(m.group(1)) if m.group(1) else -1
        if not line or line.startswith("#"):
            continue
        f = line.split("\t")
        if len(f) < 7 or f[4] not in LABELS:
            sys.exit(f"{path}:{n}: bad line: {line!r}")
        rows.append((n, int(f[0]), int(f[1]), int(f[2]), int(f[3]), f[4], f[5]))
    if covered is None:
        sys.exit(f"{path}: no '# reviewed: 0-N' (or 'none') line")
    return covered, rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(HERE, "..", "..", "shared"))
    ap.add_argument("--set", choices=["dev", "heldout"], default="dev")
    ap.add_argument("--tsv", help="default: fr-silver/winer-<set>-guidelines.tsv")
    ap.add_argument("--out", required=True)
    ap.add_argument("--covered-only", action="store_true")
    ap.add_argument("--winer-out")
    a = ap.parse_args()
    if a.tsv is None:
        a.tsv = os.path.join(HERE, "fr-silver", f"winer-{a.set}-guidelines.tsv")
    name = "winer-fr-dev.conllu" if a.set == "dev" else "winer-fr-train.conllu"
    blocks = read_conll(os.path.join(a.shared, "data", "ner", "fr", name))
    if a.set == "heldout":
        # the documents train-ner holds out: every 10th, i % 10 == 9
        kept, doc = [], -1
        for b in blocks:
            if b[0][1] == "-DOCSTART-":
                doc += 1
            if doc % 10 == 9:
                kept.append(b)
        blocks = kept
    docs = []  # each: list of sentences (blocks)
    order = []  # (document, block, sentence number or None for -DOCSTART-)
    for b in blocks:
        if b[0][1] == "-DOCSTART-":
            docs.append([])
            order.append((len(docs) - 1, b, None))
        else:
            docs[-1].append(b)
            order.append((len(docs) - 1, b, len(docs[-1]) - 1))
    covered, rows = read_tsv(a.tsv)
    gold = {}
    for d, doc in enumerate(docs):
        for s, sent in enumerate(doc):
            gold[d, s] = spans(sent)
    winer = {k: [list(m) for m in v] for k, v in gold.items()}
    changed = {"O": 0, "add": 0, "relabel": 0, "respan": 0}
    for n, d, s, start, end, lab, words in rows:
        if d > covered:
            sys.exit(f"tsv line {n}: document {d} is past the reviewed prefix 0-{covered}")
        try:
            sent = docs[d][s]
        except IndexError:
            sys.exit(f"tsv line {n}: no sentence {s} in document {d}")
        toks = [t[1] for t in sent]
        idx = [int(t[0]) for t in sent]
        if start not in idx or end - 1 not in idx or start >= end:
            sys.exit(f"tsv line {n}: tokens {start}-{end} not in document {d} sentence {s}")
        a0, a1 = idx.index(start), idx.index(end - 1) + 1
        if " ".join(toks[a0:a1]) != words:
            sys.exit(f"tsv line {n}: words {words!r} but the tokens say {' '.join(toks[a0:a1])!r}")
        old = [m for m in gold[d, s] if m[0] < a1 and a0 < m[1]]
        if lab == "O":
            if not old:
                sys.exit(f"tsv line {n}: O but no gold mention at {words!r}")
            changed["O"] += 1
        elif not old:
            changed["add"] += 1
        elif len(old) == 1 and old[0][:2] == [a0, a1]:
            if old[0][2] == lab:
                sys.exit(f"tsv line {n}: gold already has {lab} {words!r}")
            changed["relabel"] += 1
        else:
            changed["respan"] += 1
        gold[d, s] = [m for m in gold[d, s] if m not in old]
        if lab != "O":
            gold[d, s].append([a0, a1, lab])

    def write(path, mentions):
        with open(path, "w", encoding="utf-8") as f:
            for d, b, s in order:
                if a.covered_only and d > covered:
                    continue
                if s is not None:
                    tags = ["O"] * len(b)
                    for m0, m1, lab in mentions[d, s]:
                        for k in range(m0, m1):
                            tags[k] = ("B-" if k == m0 else "I-") + lab
                    b = [[t[0], t[1], tags[k]] for k, t in enumerate(b)]
                f.write("".join(f"{i}\t{w}\t{t}\n" for i, w, t in b) + "\n")

    write(a.out, gold)
    if a.winer_out:
        write(a.winer_out, winer)
    print(f"{a.set}: corrections done for documents 0..{covered} ({covered + 1} of {len(docs)}): "
          f"{len(rows)} lines, {changed['add']} added, {changed['O']} removed, "
          f"{changed['relabel']} relabelled, {changed['respan']} respanned"
          + (" (only these documents written)" if a.covered_only else ""))


if __name__ == "__main__":
    main()
