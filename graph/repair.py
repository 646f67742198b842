"""Repair stage: undo PDF-export damage, keeping an exact map back to the original.

First version: the identity repair. Issue 4 fills in the damage families;
the contract below does not change.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Repaired:
    """Repaired text plus, for every character of it, the span of the
    original it came from (`src_start[i]`, `src_end[i]`, end exclusive).
    A character that repair inserted maps to an empty span at the place
    it was inserted."""

    original: str
    text: str
    src_start: array
    src_end: array

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) covering repaired [start, end): the smallest
        start and largest end of its characters, so that a mention whose
        words were displaced still covers them all."""
        if end <= start:
            pos = self.src_start[start] if start < len(self.text) else len(self.original)
            return pos, pos
        lo = min(self.src_start[start:end])
        hi = max(self.src_end[start:end])
        return lo, hi


def identity(text: str) -> Repaired:
    n = len(text)
    return Repaired(text, text, array("l", range(n)), array("l", range(1, n + 1)))


def repair(text: str) -> Repaired:
    """Repair `text`; clean text comes out unchanged."""
    return identity(text)
