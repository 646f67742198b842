"""The word/punctuation token the institution readers (Kazakh and Russian) walk over."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    word: bool
