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


class EditLog:
    """The edits one stage makes, in its input's coordinates: replace,
    delete, insert, move. Edits must not overlap; insertions at one position
    come out in the order recorded. One-for-one character substitutions are
    kept apart: they change no offsets."""

    __slots__ = ("_edits", "_substitutions")

    def __init__(self) -> None:
        # (start, end, text, source): input[start:end] becomes `text`, then,
        # for a move, input[source] is copied in at `start`
        self._edits: list[tuple[int, int, str, tuple[int, int] | None]] = []
        self._substitutions: list[tuple[int, str]] = []

    def __len__(self) -> int:
        return len(self._edits) + len(self._substitutions)

    def replace(self, start: int, end: int, text: str) -> None:
        """input[start:end] becomes `text`; same length maps char by char,
        otherwise every new char maps to the whole replaced span."""
        if end - start == 1 and len(text) == 1:
            self._substitutions.append((start, text))
        else:
            self._edits.append((start, end, text, None))

    def delete(self, start: int, end: int) -> None:
        if end > start:
            self._edits.append((start, end, "", None))

    def insert(self, at: int, text: str) -> None:
        self._edits.append((at, at, text, None))

    def move(self, at: int, source_start: int, source_end: int) -> None:
        """Copy input[source_start:source_end] to `at`; the caller deletes the source."""
        self._edits.append((at, at, "", (source_start, source_end)))

    def apply(self, rep: Repaired) -> Repaired:
        """The stage's output, mapped to the original through `rep`."""
        if not self._edits and not self._substitutions:
            return rep
        text, s0, e0 = rep.text, rep.src_start, rep.src_end
        if self._substitutions:
            chars = list(text)
            for pos, ch in self._substitutions:
                chars[pos] = ch
            text = "".join(chars)
        if not self._edits:
            return Repaired(rep.original, text, s0, e0)
        n = len(text)
        end_point = e0[n - 1] if n else 0
        edits = self._edits
        if any(edits[i][0] > edits[i + 1][0] for i in range(len(edits) - 1)) or any(
                ed[0] == ed[1] for ed in edits):
            # insertions at a position come before a replacement starting there
            order = sorted(range(len(edits)), key=lambda i: (edits[i][0], edits[i][1] > edits[i][0], i))
            edits = [edits[i] for i in order]
        parts: list[str] = []
        s, e = array("l"), array("l")
        pos = 0
        for start, end, new, source in edits:
            if start < pos:
                raise ValueError(f"overlapping repair edits at {start}")
            if start > pos:
                parts.append(text[pos:start])
                s.extend(s0[pos:start])
                e.extend(e0[pos:start])
            if source is not None:
                a, b = source
                parts.append(text[a:b])
                s.extend(s0[a:b])
                e.extend(e0[a:b])
            if new:
                k = len(new)
                parts.append(new)
                if end - start == k:
                    s.extend(s0[start:end])
                    e.extend(e0[start:end])
                elif end > start:
                    lo, hi = min(s0[start:end]), max(e0[start:end])
                    s.extend([lo] * k)
                    e.extend([hi] * k)
                else:
                    point = s0[start] if start < n else end_point
                    s.extend([point] * k)
                    e.extend([point] * k)
            if end > pos:
                pos = end
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
