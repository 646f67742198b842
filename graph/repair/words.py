"""The document's own words, as evidence: a fragment that occurs in the
document as a word is a word. Stages ask about a few dozen words per
document, so each is looked up when asked (a `str.find` over the
lower-cased text) instead of counting every word of the document first.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from .mapped import line_at

WORD = re.compile(r"[^\W\d_]+")
WORD_CHAR = re.compile(r"[^\W\d_]")
# lower-casing these is not one letter for one letter (İ -> i + a combining
# dot) or depends on the letters around them (Greek final sigma)
UNALIGNED_CASE = ("\u0130", "\u03a3")


FEW_HITS = 16
MAX_SCANS = 64
MOST = 2  # the stages ask "nowhere", "once" or "more than once"


class DocumentWords:
    """How often (0, 1 or 2 for more) a word occurs in the document,
    lower-cased, as a whole word (a maximal run of letters); with
    `clean_lines_only`, only in lines without a double space."""

    def __init__(self, text: str, clean_lines_only: bool = False, lowered: str | None = None) -> None:
        self._text = text
        self._clean_only = clean_lines_only
        self._low = lowered  # text.lower(), made when first needed unless a stage before had it
        self._counts: Counter[str] | None = None
        self._known: dict[str, int] = {}
        self._aligned: bool | None = None
        self._scans = 0

    def count(self, word: str) -> int:
        key = word.lower()
        known = self._known.get(key)
        if known is None:
            known = self._known[key] = self._look_up(key)
        return known

    def __contains__(self, word: str) -> bool:
        return self.count(word) > 0

    @property
    def lowered(self) -> str | None:
        """The text lower-cased, one letter for one letter, if a look-up made it."""
        return self._low

    def _look_up(self, key: str) -> int:
        if self._aligned is None:
            self._aligned = not any(c in self._text for c in UNALIGNED_CASE)
        if self._counts is None and (not self._aligned or self._scans >= MAX_SCANS):
            # lower-casing the whole text would not match lower-casing each
            # word, or so many words are asked that each costing a scan of
            # the text would be slower: count all the words once
            self._counts = Counter(w.lower() for line in self._text.split("\n")
                                   if not (self._clean_only and "  " in line) for w in WORD.findall(line))
        if self._counts is not None:
            return min(self._counts.get(key, 0), MOST)
        if not key or WORD.fullmatch(key) is None:
            return 0  # no word at all (`оралды.`, `1-`)
        if self._low is None:
            self._low = self._text.lower()
        self._scans += 1
        n = 0
        line_end, spaced = -1, False  # the line of the last hit (hits come in text order)
        for at in self._whole_words(key):
            if self._clean_only:
                if at > line_end:
                    line_start, line_end = line_at(self._text, at)
                    spaced = self._text.find("  ", line_start, line_end) != -1
                if spaced:
                    continue
            n += 1
            if n >= MOST:
                break
        return n

    def _whole_words(self, key: str) -> Iterator[int]:
        """Where `key` stands in the lower-cased text as a whole word: by
        `str.find`, and by a regex once it has been found inside other
        words too often (a short key is inside thousands of them)."""
        low = self._low
        size, inside = len(key), 0
        i = low.find(key)
        while i != -1:
            end = i + size
            if (i == 0 or WORD_CHAR.match(low, i - 1) is None) and WORD_CHAR.match(low, end) is None:
                yield i
            else:
                inside += 1
                if inside > FEW_HITS:
                    k = re.escape(key)
                    whole = re.compile(k + r"(?![^\W\d_])(?<=(?<![^\W\d_])" + k + ")")
                    for m in whole.finditer(low, end):
                        yield m.start()
                    return
            i = low.find(key, end)
