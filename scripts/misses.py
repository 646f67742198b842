#!/usr/bin/env python3
"""Unmatched gold and predicted mentions of one type, per document, with the
scorer's own matching (shared/eval/score.py): what an extractor still misses
and what it finds that the gold does not have.

    scripts/misses.py --gold G.jsonl --type instrument FILE... [--doc NAME] [--only miss|extra]

FILEs are run through graph.pipeline (or pass --pred P.jsonl to read
predictions from a file instead).
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCORER = HERE.parent.parent / "shared" / "eval" / "score.py"


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def predictions(files: list[str]) -> list[dict]:
    sys.path.insert(0, str(HERE.parent))
    from graph.pipeline import process_file
    out = []
    for f in files:
        out += [m.to_json() for m in process_file(f).mentions]
    return out


def show(rec: dict) -> str:
    skip = {"doc", "line", "type", "text", "start_char", "end_char", "aliases", "note"}
    fields = {k: v for k, v in rec.items() if k not in skip}
    return f"{rec['line']:>5} {json.dumps(fields, ensure_ascii=False)[:300]} | {rec.get('text', '')[:120]}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--gold", required=True)
    ap.add_argument("--pred")
    ap.add_argument("--type", default="instrument")
    ap.add_argument("--doc")
    ap.add_argument("--only", choices=("miss", "extra"))
    ap.add_argument("--scorer", default=str(SCORER))
    args = ap.parse_args(argv)
    score = load_scorer(Path(args.scorer))
    gold = score.load([args.gold])
    if args.pred:
        pred = score.load([args.pred])
    else:
        tmp = predictions(args.files)
        pred = {}
        for r in tmp:
            doc = os.path.basename(r["doc"])
            pred.setdefault(doc, {}).setdefault(r["type"], []).append(r)
    agree = score.AGREE[args.type]
    for doc in sorted(set(gold) | set(pred)):
        if args.doc and args.doc not in doc:
            continue
        if args.files and not args.pred and doc not in pred:
            continue
        g_recs = list(gold.get(doc, {}).get(args.type, []))
        p_recs = list(pred.get(doc, {}).get(args.type, []))
        used = [False] * len(p_recs)
        missed = []
        for g in sorted(g_recs, key=lambda r: r["line"]):
            best, best_d = None, None
            for i, p in enumerate(p_recs):
                d = abs(p["line"] - g["line"])
                if not used[i] and d <= score.LINE_TOLERANCE and agree(g, p) and (best_d is None or d < best_d):
                    best, best_d = i, d
            if best is None:
                missed.append(g)
            else:
                used[best] = True
        extra = [p for i, p in enumerate(p_recs) if not used[i]]
        if not missed and not extra:
            continue
        print(f"== {doc}: {len(g_recs)} gold, {len(p_recs)} predicted, {len(missed)} missed, {len(extra)} extra")
        if args.only != "extra":
            for g in missed:
                print("  MISS ", show(g))
        if args.only != "miss":
            for p in extra:
                print("  EXTRA", show(p))
    return 0


if __name__ == "__main__":
    sys.exit(main())
