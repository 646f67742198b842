"""Text with a map back to the original, and the edit log that every repair
stage writes its changes into.

A stage never rewrites text freely: it records edits (replace, delete,
insert, move) in the coordinates of its input, and `EditLog.apply` builds the
output together with its map, composed with the input's map. So every
character of the final text knows the span of the original file it came
from, without any diffing afterwards.
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


@dataclass(frozen=True, slots=True)
class Edit:
    """One change to a stage's input: input[start:end] becomes `text`, or,
    for a move, the input span `source` is copied in at `start` (its
    characters keep their own origin; the stage deletes them where they were
    with a separate edit)."""

    start: int
    end: int
    text: str = ""
    source: tuple[int, int] | None = None


class EditLog:
    """The edits one stage makes, in its input's coordinates. Edits must not
    overlap; insertions at one position come out in the order recorded."""

    __slots__ = ("_edits",)

    def __init__(self) -> None:
        self._edits: list[Edit] = []

    def __len__(self) -> int:
        return len(self._edits)

    def replace(self, start: int, end: int, text: str) -> None:
        """input[start:end] becomes `text`; same length maps char by char,
        otherwise every new char maps to the whole replaced span."""
        self._edits.append(Edit(start, end, text))

    def delete(self, start: int, end: int) -> None:
        if end > start:
            self._edits.append(Edit(start, end))

    def insert(self, at: int, text: str) -> None:
        self._edits.append(Edit(at, at, text))

    def move(self, at: int, source_start: int, source_end: int) -> None:
        """Copy input[source_start:source_end] to `at`; the caller deletes the source."""
        self._edits.append(Edit(at, at, "", (source_start, source_end)))

    def apply(self, rep: Repaired) -> Repaired:
        """The stage's output, mapped to the original through `rep`."""
        if not self._edits:
            return rep
        text, s0, e0 = rep.text, rep.src_start, rep.src_end
        n = len(text)
        end_point = e0[n - 1] if n else 0
        edits = sorted(enumerate(self._edits), key=lambda p: (p[1].start, p[1].end > p[1].start, p[0]))
        parts: list[str] = []
        s, e = array("l"), array("l")
        pos = 0
        for _, ed in edits:
            if ed.start < pos:
                raise ValueError(f"overlapping repair edits at {ed.start}")
            if ed.start > pos:
                parts.append(text[pos:ed.start])
                s.extend(s0[pos:ed.start])
                e.extend(e0[pos:ed.start])
            if ed.source is not None:
                a, b = ed.source
                parts.append(text[a:b])
                s.extend(s0[a:b])
                e.extend(e0[a:b])
            if ed.text:
                k = len(ed.text)
                parts.append(ed.text)
                if ed.end - ed.start == k:
                    s.extend(s0[ed.start:ed.end])
                    e.extend(e0[ed.start:ed.end])
                elif ed.end > ed.start:
                    lo, hi = min(s0[ed.start:ed.end]), max(e0[ed.start:ed.end])
                    s.extend([lo] * k)
                    e.extend([hi] * k)
                else:
                    point = s0[ed.start] if ed.start < n else end_point
                    s.extend([point] * k)
                    e.extend([point] * k)
            pos = max(pos, ed.end)
        if pos < n:
            parts.append(text[pos:])
            s.extend(s0[pos:])
            e.extend(e0[pos:])
        return Repaired(rep.original, "".join(parts), s, e)


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, newline excluded."""
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        spans.append((start, end))
        start = end + 1
    return spans
