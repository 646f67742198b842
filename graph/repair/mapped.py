"""Text with a map back to the original, and the edit log that every repair
stage writes its changes into.

A stage never rewrites text freely: it records edits (replace, delete,
insert, move, drop_between) in the coordinates of its input, and
`EditLog.apply` builds the output together with its map, composed with the
input's map. So every character of the final text knows the span of the
original file it came from, without any diffing afterwards. The map is kept
as a few pieces (runs of the original, runs with spaces taken out, small
arrays) from stage to stage, so an edit costs a few pieces, not a copy of
the whole map; `to_original` reads the pieces, and arrays of the whole map
are built only when `src_start` / `src_end` are read.
"""
from __future__ import annotations

from array import array
from bisect import bisect_right
from itertools import accumulate, compress
from operator import itemgetter, lt

# A map is a list of pieces, each for consecutive characters of a text:
# (length, origin, starts, ends). Without arrays (starts None) the
# characters are original[origin:origin + length], one for one; with a
# list of kept pieces instead (ends None) they are the characters of
# original[origin:...] that remain when the one character between each two
# pieces is taken out (letter-spacing); else each
# character's span is given by the arrays. Stages only read the text, so
# the map is kept as pieces from edit to edit and made into arrays only
# when asked.
Piece = tuple[int, int, "array | list[str] | None", "array | None"]


class Repaired:
    """Repaired text plus, for every character of it, the span of the
    original it came from (`src_start[i]`, `src_end[i]`, end exclusive).
    A character that repair inserted maps to an empty span at the place
    it was inserted."""

    __slots__ = ("original", "text", "lowered", "_pieces", "_starts", "_ends", "_offsets", "_piece_maps")

    def __init__(self, original: str, text: str, src_start: array | None = None, src_end: array | None = None,
                 *, pieces: list[Piece] | None = None) -> None:
        self.original = original
        self.text = text
        # text.lower() when the stage that made the text had it at hand (one
        # letter for one letter), so the next stage need not lower-case again
        self.lowered: str | None = None
        if pieces is None:
            pieces = [(len(text), 0, src_start, src_end)] if text else []
        self._pieces = pieces
        self._starts = src_start
        self._ends = src_end
        self._offsets: list[int] | None = None  # where each piece starts in the text, when first asked
        self._piece_maps: dict[int, tuple[array, array]] | None = None

    @property
    def src_start(self) -> array:
        if self._starts is None:
            self._materialise()
        return self._starts

    @property
    def src_end(self) -> array:
        if self._ends is None:
            self._materialise()
        return self._ends

    def _materialise(self) -> None:
        counting = _counting(len(self.original) + 1)
        whole, w = memoryview(counting).cast("B"), counting.itemsize
        sp: list = []
        ep: list = []
        for piece in self._pieces:
            length, origin, s, _ = piece
            if s is None:
                sp.append(whole[origin * w:(origin + length) * w])
                ep.append(whole[(origin + 1) * w:(origin + length + 1) * w])
            else:
                s, e = _piece_arrays(piece)
                sp.append(s)
                ep.append(e)
        starts, ends = array("l"), array("l")
        starts.frombytes(b"".join(sp))
        ends.frombytes(b"".join(ep))
        self._starts, self._ends = starts, ends

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) covering repaired [start, end): the smallest
        start and largest end of its characters, so that a mention whose
        words were displaced still covers them all. Read from the pieces
        the span crosses (most spans lie in one run of the original), not
        from arrays of the whole text."""
        if start >= len(self.text):
            return len(self.original), len(self.original)
        if self._offsets is None:
            self._offsets = _Pieces(self._pieces).offsets
        pieces, offsets = self._pieces, self._offsets
        k = bisect_right(offsets, start) - 1
        length, origin, s, _ = pieces[k]
        off = offsets[k]
        if end <= start:
            pos = origin + start - off if s is None else self._arrays(k)[0][start - off]
            return pos, pos
        if s is None and end - off <= length:  # inside one run of the original
            return origin + start - off, origin + end - off
        lo = hi = -1
        while start < end:
            off = offsets[k]
            length, origin, s, _ = pieces[k]
            a = start - off
            b = end - off if end - off < length else length
            if s is None:
                first, last = origin + a, origin + b
            else:
                starts, ends = self._arrays(k)
                first, last = min(starts[a:b]), max(ends[a:b])
            if lo < 0 or first < lo:
                lo = first
            if last > hi:
                hi = last
            start = off + b
            k += 1
        return lo, hi

    def _arrays(self, k: int) -> tuple[array, array]:
        """Piece k's map as arrays, made once (pieces with arrays or a mask
        are the few short runs that repair changed)."""
        if self._piece_maps is None:
            self._piece_maps = {}
        got = self._piece_maps.get(k)
        if got is None:
            got = self._piece_maps[k] = _piece_arrays(self._pieces[k])
        return got


_COUNTING = array("l", range(1 << 16))


def _counting(size: int) -> array:
    """0, 1, 2, ... at least `size` long: the map of a text to itself."""
    global _COUNTING
    if size > len(_COUNTING):
        _COUNTING = array("l", range(max(size, 2 * len(_COUNTING))))
    return _COUNTING


def identity(text: str) -> Repaired:
    """Text mapped to itself: character i comes from [i, i + 1)."""
    return Repaired(text, text, pieces=[(len(text), 0, None, None)] if text else [])


def _piece_arrays(piece: Piece) -> tuple[array, array]:
    """A piece's map as arrays of starts and ends."""
    length, origin, s, e = piece
    if s is None:
        counting = _counting(origin + length + 1)
        return counting[origin:origin + length], counting[origin + 1:origin + length + 1]
    if e is None:
        mask = _mask(s)
        span = len(mask)
        counting = _counting(origin + span + 1)
        return (array("l", compress(counting[origin:origin + span], mask)),
                array("l", compress(counting[origin + 1:origin + span + 1], mask)))
    return s, e


class _Pieces:
    """A map's pieces with their offsets in the text, for cutting out the
    map of any span."""

    __slots__ = ("pieces", "offsets")

    def __init__(self, pieces: list[Piece]) -> None:
        self.pieces = pieces
        self.offsets = list(accumulate([p[0] for p in pieces[:-1]], initial=0)) if pieces else []

    def cut(self, a: int, b: int, out: list[Piece]) -> list[Piece]:
        """The pieces of text[a:b]'s map, added to `out`: the pieces in
        between whole, the first and last cut to the span."""
        if a >= b:
            return out
        pieces, offsets = self.pieces, self.offsets
        first = bisect_right(offsets, a) - 1
        off = offsets[first]
        piece = pieces[first]
        if b - off <= piece[0]:  # inside one piece
            if piece[2] is None and (a > off or b - off < piece[0]):
                out.append((b - a, piece[1] + a - off, None, None))
            else:
                out.append(self._part(first, a, b))
            return out
        last = bisect_right(offsets, b - 1, first) - 1
        out.append(self._part(first, a, offsets[first + 1]))
        out.extend(pieces[first + 1:last])
        out.append(self._part(last, offsets[last], b))
        return out

    def _part(self, k: int, a: int, b: int) -> Piece:
        """The map of text[a:b], which lies in piece k."""
        piece = self.pieces[k]
        length, origin, s, e = piece
        lo = a - self.offsets[k]
        hi = b - self.offsets[k]
        if lo == 0 and hi == length:
            return piece
        if s is None:
            return hi - lo, origin + lo, None, None
        s, e = _piece_arrays(piece)
        return hi - lo, 0, s[lo:hi], e[lo:hi]

    def arrays(self, a: int, b: int) -> tuple[array, array]:
        """text[a:b]'s map as arrays of starts and ends."""
        cut = self.cut(a, b, [])
        if len(cut) == 1:
            return _piece_arrays(cut[0])
        starts, ends = array("l"), array("l")
        for piece in cut:
            s, e = _piece_arrays(piece)
            starts.extend(s)
            ends.extend(e)
        return starts, ends

    def end(self) -> int:
        """The end of the last character's span (0 for no text)."""
        if not self.pieces:
            return 0
        length, origin, s, e = self.pieces[-1]
        if s is None:
            return origin + length
        return origin + _mask(s).rfind(_KEEP) + 1 if e is None else e[-1]


def _same(k: int, value: int) -> array:
    return array("l", [value]) * k


class EditLog:
    """The edits one stage makes, in its input's coordinates: replace,
    delete, insert, move, drop_between. Edits must not overlap; insertions
    at one position come out in the order recorded. One-for-one character
    substitutions are kept apart: they change no offsets."""

    __slots__ = ("_edits", "_substitutions")

    def __init__(self) -> None:
        # (start, end, text, source, kept): input[start:end] becomes `text`;
        # for a move, input[source] is copied in at `start`; for
        # drop_between, `kept` lists the pieces of input[start:end]
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
            self._edits.append((start, end, "".join(pieces), None, pieces))

    def _in_order(self) -> list[tuple[int, int, str, tuple[int, int] | None, bytes | None]]:
        """The edits by position (insertions at a position before a
        replacement starting there, else in the order recorded); ValueError
        if two overlap. Checked without a Python step per edit."""
        edits = sorted(self._edits, key=_position)  # stable; linear when recorded in order
        starts = list(map(_START, edits))
        reach = list(accumulate(map(_END, edits), max))  # the furthest end so far
        if any(map(lt, starts[1:], reach)):
            k = next(k for k in range(1, len(edits)) if starts[k] < reach[k - 1])
            raise ValueError(f"overlapping repair edits at {starts[k]}")
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
        text = rep.text
        if self._substitutions:
            chars = list(text)
            for pos, ch in self._substitutions:
                chars[pos] = ch
            text = "".join(chars)
        if not self._edits:
            return Repaired(rep.original, text, pieces=rep._pieces)
        n = len(text)
        source_map = _Pieces(rep._pieces)
        parts: list[str] = []
        out: list[Piece] = []
        pos = 0
        for start, end, new, source, kept in self._in_order():
            if start > pos:
                parts.append(text[pos:start])
                source_map.cut(pos, start, out)
            if source is not None:
                a, b = source
                parts.append(text[a:b])
                source_map.cut(a, b, out)
            if new:
                k = len(new)
                parts.append(new)
                if kept is not None:
                    region = source_map.cut(start, end, [])
                    if len(region) == 1 and region[0][2] is None:
                        out.append((k, region[0][1], kept, None))  # made into arrays when asked
                    else:
                        s, e = source_map.arrays(start, end)
                        mask = _mask(kept)
                        out.append((k, 0, array("l", compress(s, mask)), array("l", compress(e, mask))))
                elif end - start == k:
                    source_map.cut(start, end, out)
                elif end > start:
                    s, e = source_map.arrays(start, end)
                    out.append((k, 0, _same(k, min(s)), _same(k, max(e))))
                else:
                    point = source_map.arrays(start, start + 1)[0][0] if start < n else source_map.end()
                    out.append((k, 0, _same(k, point), _same(k, point)))
            if end > pos:
                pos = end
        if pos < n:
            parts.append(text[pos:])
            source_map.cut(pos, n, out)
        return Repaired(rep.original, "".join(parts), pieces=out)


_KEEP, _GAP = b"\x01", b"\x00"
_START, _END = itemgetter(0), itemgetter(1)


def _position(edit: tuple) -> tuple[int, bool]:
    return edit[0], edit[1] > edit[0]


def _mask(pieces: list[str]) -> bytes:
    """Which characters of the pieces joined by one character each remain."""
    return _GAP.join([_KEEP * len(piece) for piece in pieces])


def line_at(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the line that holds text[pos], newline excluded."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, end if end != -1 else len(text)

