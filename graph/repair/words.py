"""The document's own words, as evidence: a fragment that occurs in the
document as a word is a word. Stages ask about a few dozen words per
document, so each is looked up when asked (a `str.find` over the
lower-cased text) instead of counting every word of the document first.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

WORD = re.compile(r"[^\W\d_]+")
WORD_CHAR = re.compile(r"[^\W\d_]")
# lower-casing these is not one letter for one letter (İ -> i + a combining
# dot) or depends on the letters around them (Greek final sigma)
UNALIGNED_CASE = ("\u0130", "\u03a3")


FEW_HITS = 16
MOST = 2  # the stages ask "nowhere", "once" or "more than once"


class DocumentWords:
    """How often (0, 1 or 2 for more) a word occurs in the document,
    lower-cased, as a whole word (a maximal run of letters); with
    `clean_lines_only`, only in lines without a double space."""

    def __init__(self, text: str, clean_lines_only: bool = False) -> None:
        self._text = text
        self._clean_only = clean_lines_only
        self._low: str | None = None
        self._counts: Counter[str] | None = None
        self._known: dict[str, int] = {}

    def count(self, word: str) -> int:
        key = word.lower()
        known = self._known.get(key)
        if known is None:
            known = self._known[key] = self._look_up(key)
        return known

    def __contains__(self, word: str) -> bool:
        return self.count(word) > 0

    def _look_up(self, key: str) -> int:
        if not key or WORD.fullmatch(key) is None:
            return 0  # no word at all (`оралды.`, `1-`)
        if self._low is None:
            text = self._text
            if any(c in text for c in UNALIGNED_CASE):
                # lower-casing the whole text would not match lower-casing
                # each word: count the words one by one
                self._counts = Counter(w.lower() for line in text.split("\n")
                                       if not (self._clean_only and "  " in line) for w in WORD.findall(line))
            self._low = text.lower()
        if self._counts is not None:
            return min(self._counts.get(key, 0), MOST)
        n = 0
        for at in self._whole_words(key):
            if not (self._clean_only and _in_spaced_line(self._text, at)):
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

def _in_spaced_line(text: str, at: int) -> bool:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    return text.find("  ", start, end if end != -1 else len(text)) != -1
