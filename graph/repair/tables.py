"""Flattened tables (annexes): each row comes out as one line of cells run
together, rows apart by blank lines. They are kept as they are; this module
only tells a table row from prose, so that the other stages never join rows
or cells into an invented sentence."""
from __future__ import annotations

import re

# a cell (a run of non-spaces) that is a number, a percentage, a dash, with
# separators around it: `-12,5%`, `(3)`, `7*`, `–`, `15,`
NUMBER_CELL = re.compile(r"(?<!\S)[,;]*+(?:[-–+]?\(?\d[\d.,]*+%?\)?\*?|[-–])[,;]*+(?!\S)")
# a cell with a word in it (two letters in a row)
WORD_CELL = re.compile(r"(?<!\S)(?=\S*?[^\W\d_]{2})\S+")


def is_table_row(line: str) -> bool:
    """More numeric cells than words, at least two of them, and no full stop
    at the end (a sentence with a date and a number is prose)."""
    if line.rstrip().endswith((".", ";", ":")):
        return False
    numbers = len(NUMBER_CELL.findall(line))
    return numbers >= 2 and numbers > len(WORD_CELL.findall(line))
