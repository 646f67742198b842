"""Does each stage stay linear on adversarial input? Times every case at n and
4n (CPU seconds, best of three) and prints the ratio: about 4 is linear, 16 is
quadratic. Exits 1 when a ratio passes --limit.

The tests run the same inputs and check what comes out; how long they take is
measured here, not there (a timed test fails on a busy machine, not on a slow
algorithm).

    .venv/bin/python scripts/linearity.py            # all cases, about a minute
    .venv/bin/python scripts/linearity.py --limit 6
"""
from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _extractor(module_name: str) -> Callable[[str], object]:
    import importlib

    from graph.extract import Findings

    module = importlib.import_module(f"graph.extract.{module_name}")
    return lambda text: module.find(text, Findings(text))


def _spacy_kk(text: str) -> object:
    import spacy

    return spacy.blank("kk")(text)


def _repair(text: str) -> object:
    from graph.repair import repair

    return repair(text)


# name, the text for size n, the function; n is chosen so that 4n takes a few seconds at most
CASES: list[tuple[str, Callable[[int], str], Callable[[str], object]]] = [
    ("dates: digits and year words", lambda n: "2012 2013 жыл 1 2 3 4 5 6 7 8 9 0 " * n + "1" * (5 * n),
     _extractor("dates")),
    ("dates: one long digit run", lambda n: "1" * (50 * n), _extractor("dates")),
    ("obligations: markers with no clause end", lambda n: (
        "ҚАУЛЫ ЕТЕДІ: «Азаматтар сотқа жүгінуге құқылы, ережесін бекітілсін тиіс болмайды міндетті мүмкін "
        * (n // 5)) + "сөз " * n, _extractor("obligations")),
    ("provisions: article lists", lambda n: "Еңбек кодексінің 12, 45, 78-баптарына және 9-бабының "
     "2-тармағының 3) тармақшасына сәйкес. " * (n // 4), _extractor("provisions")),
    ("provisions: `п. п. п.`", lambda n: "п. " * (2 * n), _extractor("provisions")),
    ("institutions: names with no spaces", lambda n: "Министрлігі" * n, _extractor("institutions")),
    ("institutions: capitals and hyphens", lambda n: "ҚАЗАҚСТАН-РЕСПУБЛИКАСЫ-" * n + " Министрлігі",
     _extractor("institutions")),
    ("instruments: act words with no spaces", lambda n: "Заңы" * n, _extractor("instruments")),
    ("instruments: open quotes", lambda n: "«" * n + " Заңы", _extractor("instruments")),
    ("repair: letter-spaced line", lambda n: " ".join("ҚАУЛЫ" * n) + "\n", _repair),
    ("repair: one long line of words", lambda n: "халықаралық конвенцияның " * n + "\n", _repair),
    ("spacy kk tokenizer: a.a.a.", lambda n: "a." * (4 * n) + "!", _spacy_kk),
    ("spacy kk tokenizer: БҰҰ-лары...", lambda n: "БҰҰ-" + "лары" * (2 * n) + "x", _spacy_kk),
]


def cpu_seconds(fn: Callable[[str], object], text: str, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        gc.collect()
        started = time.process_time()
        fn(text)
        best = min(best, time.process_time() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5000, help="the smaller size (cases scale their text by it)")
    ap.add_argument("--limit", type=float, default=8.0, help="largest ratio (at 4x the text) counted as linear")
    args = ap.parse_args(argv)
    worst = 0.0
    print(f"| case | chars at n | CPU s at n | CPU s at 4n | ratio |\n|---|---|---|---|---|")
    for name, make, fn in CASES:
        fn(make(50))  # imports, lexicons, caches
        small, large = make(args.n), make(4 * args.n)
        a, b = cpu_seconds(fn, small), cpu_seconds(fn, large)
        ratio = b / max(a, 1e-4)
        worst = max(worst, ratio)
        flag = "" if ratio <= args.limit else "  <- not linear"
        print(f"| {name} | {len(small):,} | {a:.3f} | {b:.3f} | {ratio:.1f}{flag} |", flush=True)
    print(f"\nworst ratio {worst:.1f} (linear is 4; limit {args.limit})")
    return 0 if worst <= args.limit else 1


if __name__ == "__main__":
    raise SystemExit(main())
