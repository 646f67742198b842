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
from itertools import compress
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


_COUNTING = array("l", range(1 << 16))


def identity(text: str) -> Repaired:
    """Text mapped to itself: character i comes from [i, i + 1). The maps
    are slices of one shared counting array (a copy in C, not a Python int
    per character)."""
    global _COUNTING
    n = len(text)
    if n + 1 > len(_COUNTING):
        _COUNTING = array("l", range(max(n + 1, 2 * len(_COUNTING))))
    return Repaired(text, text, _COUNTING[:n], _COUNTING[1:n + 1])


class EditLog:
    """The edits one stage makes, in its input's coordinates: replace,
    delete, insert, move, drop_between. Edits must not overlap; insertions
    at one position come out in the order recorded. One-for-one character
    substitutions are kept apart: they change no offsets."""

    __slots__ = ("_edits", "_substitutions")

    def __init__(self) -> None:
        # (start, end, text, source, kept): input[start:end] becomes `text`;
        # for a move, input[source] is copied in at `start`; for
        # drop_between, `kept` flags the characters of input[start:end]
        # that remain (and make up `text`)
        self._edits: list[tuple[int, int, str, tuple[int, int] | None, bytes | None]] = []
        self._substitutions: list[tuple[int, str]] = []

    def __len__(self) -> int:
        return len(self._edits) + len(self._substitutions)

    def replace(self, start: int, end: int, text: str) -> None:
        """input[start:end] becomes `text`; same length maps char by char,
        otherwise every new char maps to the whole replaced span."""
        if end - start == 1 and len(text) == 1:
            self._substitutions.append((start, text))
        else:
            self._edits.append((start, end, text, None, None))

    def delete(self, start: int, end: int) -> None:
        if end > start:
            self._edits.append((start, end, "", None, None))

    def insert(self, at: int, text: str) -> None:
        self._edits.append((at, at, text, None, None))

    def move(self, at: int, source_start: int, source_end: int) -> None:
        """Copy input[source_start:source_end] to `at`; the caller deletes the source."""
        self._edits.append((at, at, "", (source_start, source_end), None))

    def drop_between(self, start: int, end: int, pieces: list[str]) -> None:
        """input[start:end] is `pieces` with one character between each two:
        those characters are deleted, the pieces keep their origins (many
        one-character deletions as one edit)."""
        if len(pieces) > 1:
            kept = _GAP.join(map(_KEEP.__mul__, map(len, pieces)))
            self._edits.append((start, end, "".join(pieces), None, kept))

    def _in_order(self) -> list[tuple[int, int, str, tuple[int, int] | None, bytes | None]]:
        """The edits by position (insertions at a position before a
        replacement starting there); ValueError if two overlap."""
        edits = self._edits
        if any(edits[i][0] > edits[i + 1][0] for i in range(len(edits) - 1)) or any(
                ed[0] == ed[1] for ed in edits):
            order = sorted(range(len(edits)), key=lambda i: (edits[i][0], edits[i][1] > edits[i][0], i))
            edits = [edits[i] for i in order]
        pos = 0
        for start, end, *_ in edits:
            if start < pos:
                raise ValueError(f"overlapping repair edits at {start}")
            pos = max(pos, end)
        return edits

    def apply_to_text(self, text: str) -> str:
        """The stage's output text alone (no map): what `apply` would make
        of `text`."""
        if self._substitutions:
            chars = list(text)
            for pos, ch in self._substitutions:
                chars[pos] = ch
            text = "".join(chars)
        parts: list[str] = []
        pos = 0
        for start, end, new, source, _ in self._in_order():
            parts.append(text[pos:start] if start > pos else "")
            if source is not None:
                parts.append(text[source[0]:source[1]])
            parts.append(new)
            pos = max(pos, end)
        parts.append(text[pos:])
        return "".join(parts)

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
        edits = self._in_order()
        # the maps are assembled from byte slices of the input's maps and
        # joined once: a copy in C per edit, not a Python int per character
        parts: list[str] = []
        sp: list = []
        ep: list = []
        bs, be = memoryview(s0).cast("B"), memoryview(e0).cast("B")
        w = s0.itemsize
        pos = 0
        for start, end, new, source, kept in edits:
            if start > pos:
                parts.append(text[pos:start])
                sp.append(bs[pos * w:start * w])
                ep.append(be[pos * w:start * w])
            if source is not None:
                a, b = source
                parts.append(text[a:b])
                sp.append(bs[a * w:b * w])
                ep.append(be[a * w:b * w])
            if kept is not None:
                parts.append(new)
                sp.append(array("l", compress(s0[start:end], kept)))
                ep.append(array("l", compress(e0[start:end], kept)))
            elif new:
                k = len(new)
                parts.append(new)
                if end - start == k:
                    sp.append(bs[start * w:end * w])
                    ep.append(be[start * w:end * w])
                elif end > start:
                    lo, hi = min(s0[start:end]), max(e0[start:end])
                    sp.append(array("l", [lo]) * k)
                    ep.append(array("l", [hi]) * k)
                else:
                    point = s0[start] if start < n else end_point
                    sp.append(array("l", [point]) * k)
                    ep.append(array("l", [point]) * k)
            if end > pos:
                pos = end
        if pos < n:
            parts.append(text[pos:])
            sp.append(bs[pos * w:])
            ep.append(be[pos * w:])
        s, e = array("l"), array("l")
        s.frombytes(b"".join(sp))
        e.frombytes(b"".join(ep))
        return Repaired(rep.original, "".join(parts), s, e)


_KEEP, _GAP = b"\x01", b"\x00"


def line_at(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the line that holds text[pos], newline excluded."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, end if end != -1 else len(text)


def line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, newline excluded."""
    spans = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        spans.append((start, end))
        start = end + 1
    return spans
