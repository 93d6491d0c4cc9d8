#!/usr/bin/env python3
"""Scores quoth's French quotes and speakers on the silver sets of scripts/fr-silver/.

  python3 scripts/fr_silver.py [--shared ../shared] [--bin target/release/quoth] [--show speakers (tune only)]

322 WiNER-fr articles (2016-2018 French Wikinews, text CC BY 2.5) annotated by
hand for this project under ../shared/data/quotes/fr/GUIDELINES.md, as
wikinews-dev is: `tune.jsonl` (280 articles, read while writing rules; 80 of
them were in the fresh set until 2026-12-02) and `fresh.jsonl` (42 articles
annotated later, only ever scored; none of them is also in wikinews-dev).
Only offsets and speakers are
kept here; each text is rebuilt from the WiNER-fr file in ../shared (lines 3 to
the end, as wikinews-dev cuts them) and checked against its sha256. Scoring is
../shared/tools/score_quotes.py, exactly as the held-out French set is scored.
"""
import argparse, hashlib, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))

def build(shared, name, out):
    os.makedirs(os.path.join(out, "texts"), exist_ok=True)
    with open(os.path.join(out, "gold.jsonl"), "w", encoding="utf-8") as gold:
        for line in open(os.path.join(HERE, "fr-silver", name + ".jsonl"), encoding="utf-8"):
            r = json.loads(line)
            src = os.path.join(shared, "data", "ner", "fr", "winer-fr", r["path"])
            lines = open(src, encoding="utf-8").read().split("\n")
            while lines and lines[-1] == "":
                lines.pop()
            text = "\n".join(lines[2:])
            if hashlib.sha256(text.encode("utf-8")).hexdigest() != r["text_sha256"]:
                sys.exit(f"{src}: text differs from the one annotated (sha256)")
            open(os.path.join(out, "texts", r["id"] + ".txt"), "w", encoding="utf-8").write(text)
            gold.write(json.dumps({"id": r["id"], "quotes": r["quotes"]}, ensure_ascii=False) + "\n")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(HERE, "..", "..", "shared"))
    ap.add_argument("--bin", default="target/release/quoth")
    ap.add_argument("--show", action="append", default=[])
    a = ap.parse_args()
    score = os.path.join(a.shared, "tools", "score_quotes.py")
    for name in ("tune", "fresh"):
        with tempfile.TemporaryDirectory() as d:
            build(a.shared, name, d)
            cmd = [sys.executable, score, "--gold", d, "--cmd", f"{a.bin} analyze --raw --format json"]
            # fresh is only ever scored: its errors are never shown
            for s in a.show if name == "tune" else []:
                cmd += ["--show", s]
            out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout
            print(name, out.strip().splitlines()[-1] if "--show" not in cmd else out)

if __name__ == "__main__":
    main()
