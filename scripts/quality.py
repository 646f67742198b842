#!/usr/bin/env python3
"""Print the extraction quality table (the shared score.py's figures) as Markdown.

    scripts/quality.py [--shared ../shared] [--no-repair] [--corpus seed adilet-kk ...]

Runs `zangraph extract` over each corpus and scores it with the shared
scorer, so the table is what a user would measure with the README's command.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPES = ("instrument", "provision", "date", "institution", "obligation")


def corpora(shared: Path) -> dict[str, tuple[list[Path], list[Path]]]:
    dev = shared / "eval" / "adilet-dev"
    heldout = ROOT / "tests" / "heldout"
    return {
        "seed": ([ROOT / "data" / "000_952bf01caa31bc66.txt"], [shared / "eval" / "gold" / "seed.jsonl"]),
        "adilet-kk": (sorted((dev / "docs").glob("*.kk.txt")), [dev / "kk.jsonl"]),
        "heldout-kk": (sorted((heldout / "docs").glob("*.kk.txt")), [heldout / "gold.jsonl"]),
        "adilet-ru": (sorted((dev / "docs").glob("*.ru.txt")), [dev / "ru.jsonl"]),
    }


def measure(docs: list[Path], gold: list[Path], shared: Path, no_repair: bool) -> dict:
    """Score `docs` against the gold records of those documents only."""
    names = {d.name for d in docs}
    gold_lines = [line for path in gold for line in path.read_text(encoding="utf-8").splitlines()
                  if line.strip() and json.loads(line).get("doc") in names]
    cmd = [sys.executable, "-m", "graph.cli", "extract", *map(str, docs), "--format", "jsonl"]
    if no_repair:
        cmd.append("--no-repair")
    pred = subprocess.run(cmd, capture_output=True, text=True, check=True, cwd=ROOT).stdout
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as fh:
        fh.write("\n".join(gold_lines) + "\n")
    try:
        scored = subprocess.run([sys.executable, str(shared / "eval" / "score.py"), "--gold", fh.name,
                                 "--pred", "-", "--json"], input=pred, capture_output=True, text=True, check=True)
    finally:
        os.unlink(fh.name)
    return json.loads(scored.stdout)["types"]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--no-repair", action="store_true")
    ap.add_argument("--corpus", nargs="*", help="corpora to score (default: all)")
    args = ap.parse_args(argv)
    sets = corpora(args.shared)
    print("| corpus | type | gold | pred | P | R | F1 | distinct P | distinct R | distinct F1 |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name in args.corpus or sets:
        docs, gold = sets[name]
        result = measure(docs, gold, args.shared, args.no_repair)
        for t in TYPES:
            s = result[t]
            print(f"| {name} | {t} | {s['gold']} | {s['pred']} | {s['precision']:.3f} | {s['recall']:.3f} | "
                  f"**{s['f1']:.3f}** | {s['distinct_precision']:.3f} | {s['distinct_recall']:.3f} | "
                  f"**{s['distinct_f1']:.3f}** |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
