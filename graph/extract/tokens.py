"""The tokens the institution readers (Kazakh and Russian) walk over, and the
windows of them they read around the anchors their prefilters find."""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import Callable, NamedTuple, TypeVar

# A word (with hyphenated parts and endings: `БҰҰ-ның`, `көші-қон`) or one
# punctuation character. No nested quantifiers: linear time.
TOKEN = re.compile(r"(\w+(?:[-‐‑]\w+)*)|([^\w\s])")
WORD_CHAR = re.compile(r"\w")
HYPHENS = "-‐‑"
_BREAK = re.compile(r"[^\w‐‑-]")  # whitespace or punctuation but a hyphen: never inside a token
NONSPACE = re.compile(r"\S")


class Token(NamedTuple):
    """A word (`word` true) or one punctuation character, with its offsets in the text.
    A named tuple: the readers make one per token they read, and a tuple is the
    cheapest immutable record to make."""

    text: str
    start: int
    end: int
    word: bool


_new_token = tuple.__new__  # Token(...) without the named tuple's Python-level __new__


def tokenize(text: str, lo: int = 0, hi: int | None = None) -> list[Token]:
    """The tokens of `text` (of `text[lo:hi]`, when both edges fall between
    tokens). The text splits at whitespace into chunks; most chunks are one
    word (`isalnum` is `\\w` but for `_`), one character, or a word and a mark
    before or after it, and take no regex; the others are matched with TOKEN."""
    hi = len(text) if hi is None else hi
    out: list[Token] = []
    append = out.append
    find = text.find
    end = lo
    for chunk in text[lo:hi].split():
        start = find(chunk, end)  # the chunk itself: only whitespace lies between
        end = start + len(chunk)
        if chunk.isalnum():
            append(_new_token(Token, (chunk, start, end, True)))
        elif chunk[:-1].isalnum() and chunk[-1] != "_":
            append(_new_token(Token, (chunk[:-1], start, end - 1, True)))
            append(_new_token(Token, (chunk[-1], end - 1, end, False)))
        elif end - start == 1:
            append(_new_token(Token, (chunk, start, end, chunk == "_")))
        elif chunk[1:].isalnum() and chunk[0] != "_":
            append(_new_token(Token, (chunk[0], start, start + 1, False)))
            append(_new_token(Token, (chunk[1:], start + 1, end, True)))
        else:
            out += [_new_token(Token, (m.group(), m.start(), m.end(), m.lastindex == 1))
                    for m in TOKEN.finditer(text, start, end)]
    return out


def word_start(text: str, pos: int) -> int:
    """Where the word token holding `pos` (a word character) starts."""
    while pos > 0 and WORD_CHAR.match(text, pos - 1):
        pos -= 1
    while pos >= 2 and text[pos - 1] in HYPHENS and WORD_CHAR.match(text, pos - 2):
        pos -= 1
        while pos > 0 and WORD_CHAR.match(text, pos - 1):
            pos -= 1
    return pos


def words_at(text: str, anchors: list[int]):
    """Each word token holding an anchor, once, as (start, match): anchors in
    the word read last are passed over (each word once: linear time)."""
    read_to = 0
    for pos in anchors:
        if pos < read_to or not WORD_CHAR.match(text, pos):
            continue
        start = word_start(text, pos)
        m = TOKEN.match(text, start)
        read_to = m.end()
        yield start, m


class Unread(Exception):
    """A read used a token past the edge of its window (`side` -1: left, 1: right)."""

    def __init__(self, side: int):
        self.side = side


class _Beyond:
    """Stands for a token past a window's edge where the text goes on: using it raises Unread."""

    __slots__ = ("side",)

    def __init__(self, side: int):
        self.side = side

    @property
    def text(self):
        raise Unread(self.side)

    start = end = word = text


# More pads than any step a grammar takes past a token it has used (`i - 3`,
# `h + 2 >= len(tokens)`, `i - n` for the n words of the country qualifier),
# so a test at an edge always uses a pad.
_LEFT_PAD, _RIGHT_PAD = [_Beyond(-1)] * 16, [_Beyond(1)] * 16

T = TypeVar("T")


class Reader:
    """A window of a text's tokens, moved and widened to each anchor's
    needs. It starts and ends at whitespace, so its tokens are the text's
    own; where the text goes on past an edge, pads stand in, and a read that
    uses one is done again with that side read four times as far, up to the
    text's edge. So a read's result never depends on the window, and most
    reads need only a few words around the anchor; anchors come in text
    order, so the window mostly goes on from the last one."""

    def __init__(self, text: str, reach: tuple[int, int],
                 tokenize: Callable[[str, int, int], list[Token]] = tokenize):
        self.text = text
        self.reach = reach  # characters read left and right of an anchor at first
        self.tokenize = tokenize
        self.first = len(text) - len(text.lstrip())  # where the first token starts
        self.last = len(text.rstrip())  # where the last token ends
        self.lo = self.hi = -1  # the window is text[lo:hi]
        self.tokens: list[Token] = []  # its tokens, between the pads
        self.starts: list[int] = []  # where they start

    def read(self, pos: int, fn: Callable[[list[Token], int], T]) -> T:
        """`fn(tokens, i)` with token `i` the one at character `pos`."""
        left, right = self.reach
        n = len(self.text)
        while True:
            lo, hi = max(pos - left, 0), min(pos + right, n)
            if hi < self.lo or self.hi < lo:
                self.lo = self.hi = _left_edge(self.text, lo, self.first)
                self.starts = []
                self.tokens = _LEFT_PAD + _RIGHT_PAD if self.lo > 0 else list(_RIGHT_PAD)
            if lo < self.lo:
                self._prepend(lo)
            if self.hi < hi:
                self._append(hi)
            try:
                return fn(self.tokens, bisect_right(self.starts, pos) - 1 + (len(_LEFT_PAD) if self.lo > 0 else 0))
            except Unread as edge:
                if edge.side < 0:
                    left *= 4
                else:
                    right *= 4

    def _prepend(self, lo: int) -> None:
        pad = len(_LEFT_PAD) if self.lo > 0 else 0
        self.lo = _left_edge(self.text, lo, self.first)
        tokens = self.tokenize(self.text, self.lo, self.starts[0] if self.starts else self.hi)
        self.starts[:0] = [t.start for t in tokens]
        self.tokens[:pad] = (_LEFT_PAD + tokens) if self.lo > 0 else tokens

    def _append(self, hi: int) -> None:
        start, self.hi = self.hi, _right_edge(self.text, hi, self.last)
        tokens = self.tokenize(self.text, start, self.hi)
        self.starts += [t.start for t in tokens]
        if self.hi < len(self.text):
            tokens += _RIGHT_PAD
        self.tokens[-len(_RIGHT_PAD):] = tokens


def _left_edge(text: str, x: int, first: int) -> int:
    """A token boundary at or before `x`: right after whitespace or
    punctuation, with some token before it (the first starts at `first`); else 0."""
    while x > 0:
        a = max(0, x - 256)
        k = max(text.rfind(" ", a, x), text.rfind("\n", a, x))
        if k < 0:  # no space nearby: any other break
            k = max((m.start() for m in _BREAK.finditer(text, a, x)), default=-1)
        if k >= 0:
            return k + 1 if first <= k else 0
        x = a
    return 0


def _right_edge(text: str, x: int, last: int) -> int:
    """A token boundary at or after `x`: whitespace or punctuation with some
    token from there on (the last ends at `last`); else the end of the text."""
    m = _BREAK.search(text, x) if x < len(text) else None
    if m is None or m.start() >= last:
        return len(text)
    return m.start()


def alternation(words, variants: dict[str, str] | None = None) -> str:
    """A regex matching any of `words`, as a trie (faster to match than a flat
    list); `variants` maps a letter to a regex for it and its look-alikes."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}
    variants = variants or {}

    def emit(node: dict) -> str:
        branches = [variants.get(ch, re.escape(ch)) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)
