"""Words, numbers and marks of a text with their offsets, for the local grammar
around act words. One linear regex; no backtracking across separators."""
from __future__ import annotations

import re
from typing import NamedTuple

_TOKEN = re.compile(r"\w+(?:[-/.]\w+)*|№|[^\w\s]")
_LOOKALIKES = str.maketrans({"i": "і", "I": "І"})
OPEN_QUOTES = frozenset("«“„")
CLOSE_QUOTES = frozenset("»”")
PLAIN_QUOTES = frozenset("\"'")
QUOTES = OPEN_QUOTES | CLOSE_QUOTES | PLAIN_QUOTES
SENTENCE_END = frozenset(".;:!?")


class Token(NamedTuple):
    text: str
    start: int
    end: int
    lower: str
    newline_before: bool  # a line break between this token and the previous one
    blank_before: bool  # an empty line (paragraph or page break) before it

    @property
    def is_word(self) -> bool:
        return self.text[0].isalpha()

    @property
    def has_digit(self) -> bool:
        return any(ch.isdigit() for ch in self.text)

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


def tokenize(text: str) -> list[Token]:
    lowered = text.lower().translate(_LOOKALIKES)
    same = len(lowered) == len(text)
    out: list[Token] = []
    append = out.append
    count = text.count
    prev_end = 0
    for m in _TOKEN.finditer(text):
        s, e = m.span()
        nl = count("\n", prev_end, s)
        low = lowered[s:e] if same else m.group().lower().translate(_LOOKALIKES)
        append(Token(m.group(), s, e, low, nl > 0, nl > 1))
        prev_end = e
    return out


def quote_pairs(tokens: list[Token]) -> dict[int, int]:
    """Closing-quote token index -> its opening-quote token index. «» nest;
    plain quotes alternate within a paragraph; an unclosed quote is dropped at
    the paragraph's end (a nested title that lost its outer closing quote)."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    plain: int | None = None
    outer: int | None = None  # opener of the last closed pair in this paragraph
    for i, tok in enumerate(tokens):
        if tok.blank_before:
            stack.clear()
            plain = None
            outer = None
        ch = tok.text
        if ch in OPEN_QUOTES:
            stack.append(i)
        elif ch in CLOSE_QUOTES:
            if stack:
                pairs[i] = stack.pop()
                if not stack:
                    outer = pairs[i] if outer is None else outer
            elif outer is not None:
                # «A туралы» ... қаулысына өзгерістер енгізу туралы»: a nested
                # title lost one opening quote; the outer title opens with the first
                pairs[i] = outer
        elif ch in PLAIN_QUOTES:
            if plain is None:
                plain = i
            else:
                pairs[i] = plain
                plain = None
    return pairs
