"""The word/punctuation token the institution readers (Kazakh and Russian) walk over."""
from __future__ import annotations

from typing import NamedTuple


class Token(NamedTuple):
    """A word (`word` true) or one punctuation character, with its offsets in the text.
    A named tuple: the readers make one per token they read, and a tuple is the
    cheapest immutable record to make."""

    text: str
    start: int
    end: int
    word: bool
