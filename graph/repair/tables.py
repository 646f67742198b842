"""Flattened tables (annexes): each row comes out as one line of cells run
together, rows apart by blank lines. They are kept as they are; this module
only tells a table row from prose, so that the other stages never join rows
or cells into an invented sentence."""
from __future__ import annotations

import re

CELL_NUMBER = re.compile(r"[-–+]?\(?\d[\d\s.,]*%?\)?\*?|[-–]")
WORD = re.compile(r"[^\W\d_]{2,}")


def is_table_row(line: str) -> bool:
    """More numeric cells than words, at least two of them, and no full stop
    at the end (a sentence with a date and a number is prose)."""
    if line.rstrip().endswith((".", ";", ":")):
        return False
    cells = line.split()
    numbers = sum(1 for c in cells if CELL_NUMBER.fullmatch(c.strip(",;")))
    words = sum(1 for c in cells if WORD.search(c))
    return numbers >= 2 and numbers > words
