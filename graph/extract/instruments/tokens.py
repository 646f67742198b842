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
    plain quotes nest by the side they are glued to (else alternate) within a
    paragraph; an unclosed quote is dropped at
    the paragraph's end (a nested title that lost its outer closing quote)."""
    pairs: dict[int, int] = {}
    stack: list[int] = []
    plain_stack: list[int] = []
    outer: int | None = None  # opener of the last closed pair in this paragraph
    for i, tok in enumerate(tokens):
        if tok.blank_before:
            stack.clear()
            plain_stack.clear()
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
            side = _plain_side(tokens, i)
            if plain_stack and side != "open":
                pairs[i] = plain_stack.pop()
            elif side != "close" or not plain_stack:
                plain_stack.append(i)
    return pairs


def _plain_side(tokens: list[Token], i: int) -> str:
    """Which way a plain quote faces, from what it is glued to: `"Білім` opens,
    `туралы"` and `асырады.";` close; a quote glued on both sides or neither
    is decided by alternation. So a quoted title inside a quoted amendment
    ("3. ... "Білім туралы" Заңының ...") nests."""
    tok = tokens[i]
    prev = tokens[i - 1] if i else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    left = prev is not None and prev.end == tok.start and (prev.text[0].isalnum() or prev.text in ".!?)»")
    right = nxt is not None and nxt.start == tok.end and (nxt.text[0].isalnum() or nxt.text in "«(№")
    if right and not left:
        return "open"
    if left and not right:
        return "close"
    return "either"
