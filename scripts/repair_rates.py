"""Restore rate of the repair stage per damage family, on the simulator's
documents (tests/damage.py): the share that comes back exactly, with every
character mapped to where the exporter put it.

    .venv/bin/python scripts/repair_rates.py [--cases 1000]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.repair import repair  # noqa: E402
from tests.damage import FAMILIES, cases, offsets_right, restored  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=1000, help="documents per family")
    parser.add_argument("--first-seed", type=int, default=0)
    args = parser.parse_args()
    print(f"{'family':<10} {'cases':>6} {'text':>7} {'text+map':>9} {'kk':>7} {'ru':>7}")
    for family in FAMILIES:
        start = time.perf_counter()
        total = text_ok = both = 0
        by_language: dict[str, list[int]] = {"kk": [0, 0], "ru": [0, 0]}
        for case in cases(family, args.cases, args.first_seed):
            rep = repair(case.damaged)
            good_text = restored(case, rep.text)
            good = good_text and offsets_right(case, rep.src_start, rep.text)
            total += 1
            text_ok += good_text
            both += good
            by_language[case.language][0] += good
            by_language[case.language][1] += 1
        rates = {lang: (ok / n if n else 0.0) for lang, (ok, n) in by_language.items()}
        print(f"{family:<10} {total:>6} {text_ok / total:>7.1%} {both / total:>9.1%} "
              f"{rates['kk']:>7.1%} {rates['ru']:>7.1%}   ({time.perf_counter() - start:.1f}s)")


if __name__ == "__main__":
    main()
