"""Repair speed on a large input: the seed (or any file) repeated to about
10 MB, timed stage by stage, to check that repair stays linear.

    .venv/bin/python scripts/repair_bench.py [FILE] [--mb 10]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.repair import STAGES, identity  # noqa: E402

DEFAULT = Path(__file__).resolve().parent.parent / "data" / "000_952bf01caa31bc66.txt"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--mb", type=float, default=10.0)
    args = parser.parse_args()
    unit = args.file.read_text(encoding="utf-8")
    for mb in (args.mb / 4, args.mb / 2, args.mb):
        text = unit * max(1, int(mb * 1_000_000 / len(unit.encode("utf-8"))))
        rep = identity(text)
        timings = []
        start = time.process_time()
        for stage in STAGES:
            t = time.process_time()
            rep = stage(rep)
            timings.append(f"{stage.__name__} {time.process_time() - t:.2f}s")
        total = time.process_time() - start
        size = len(text.encode("utf-8")) / 1_000_000
        print(f"{size:6.1f} MB  {total:6.2f}s  ({size / total:.1f} MB/s)  " + ", ".join(timings))


if __name__ == "__main__":
    main()
