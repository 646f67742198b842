"""Instruments end to end: the whole pipeline (repair, every extractor,
resolve) scored against the shared gold with the shared scorer, mentions and
distinct acts, on the seed and on the Kazakh adilet-dev acts."""
from __future__ import annotations

import pytest

from .conftest import gold_scores

# Floors just under what was measured (mention F1, distinct F1).
FLOORS = {
    "seed": (0.90, 0.89),
    "adilet-kk": (0.98, 0.98),
}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_instrument_f1_floor(name):
    s = gold_scores(name)["instrument"]
    mention_floor, distinct_floor = FLOORS[name]
    assert s["f1"] >= mention_floor, s
    assert s["distinct_f1"] >= distinct_floor, s
