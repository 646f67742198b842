"""Instruments end to end: the whole pipeline (repair, every extractor,
resolve) scored against the shared gold with the shared scorer, mentions and
distinct acts, on the seed and on the Kazakh adilet-dev acts."""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pytest

from graph.pipeline import process_file

from .conftest import EVAL, SEED, require_eval, shared_scorer

# Floors just under what was measured (mention F1, distinct F1).
FLOORS = {
    "seed": (0.90, 0.89),
    "adilet-dev kk": (0.98, 0.98),
}




def _sets() -> dict[str, tuple[list[Path], Path]]:
    dev = EVAL / "adilet-dev"
    return {
        "seed": ([SEED], EVAL / "gold" / "seed.jsonl"),
        "adilet-dev kk": (sorted((dev / "docs").glob("*.kk.txt")), dev / "kk.jsonl"),
    }


@lru_cache(maxsize=None)
def _score(name: str) -> dict:
    require_eval()
    score = shared_scorer()
    files, gold_path = _sets()[name]
    gold = score.load([str(gold_path)])
    pred: dict = {}
    for path in files:
        for m in process_file(path).mentions:
            rec = m.to_json()
            pred.setdefault(os.path.basename(rec["doc"]), {}).setdefault(rec["type"], []).append(rec)
    from collections import defaultdict
    pred_dd = defaultdict(lambda: defaultdict(list))
    for doc, types in pred.items():
        for t, recs in types.items():
            pred_dd[doc][t] = recs
    return score.score(gold, pred_dd, set(gold))["instrument"]


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_instrument_f1_floor(name):
    s = _score(name)
    mention_floor, distinct_floor = FLOORS[name]
    assert s["f1"] >= mention_floor, s
    assert s["distinct_f1"] >= distinct_floor, s
