"""Words, numbers and marks of a window of text with their offsets, for the
local grammar around act words. One linear regex; no backtracking across
separators. Tokens never cross whitespace, so a window cut at whitespace is
tokenised exactly as the whole text would be: the grammar reads only windows
around the act words, never the whole text.

A window is bounded by EDGE tokens: reading one (or a quote whose partner
lies beyond the window) raises OutOfWindow, and the act word is read again in
a wider window. So what the grammar reads never depends on the window."""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

TOKEN = re.compile(r"\w+(?:[-/.]\w+)*|№|[^\w\s]")
_SPACED_TOKEN = re.compile(r"(\s*)(\w+(?:[-/.]\w+)*+|\S)")  # a token (TOKEN) and the space before it
_QUOTE = re.compile(r"[«“„»”\"']")
_BLANK = re.compile(r"\n[^\S\n]*\n")  # an empty line: quotes pair within a paragraph
OPEN_QUOTES = frozenset("«“„")
CLOSE_QUOTES = frozenset("»”")
PLAIN_QUOTES = frozenset("\"'")
QUOTES = OPEN_QUOTES | CLOSE_QUOTES | PLAIN_QUOTES
SENTENCE_END = frozenset(".;:!?")
# marks that are always a token of their own and neither letters nor letter-like
# for lower() (so a window may start or end at them and tokenise, and lower,
# exactly as the whole text would; at other marks only a Greek final sigma
# could lower differently, which no lexicon word has)
SAFE_MARKS = frozenset(',;()[]«»!?"№')
RUN = 64  # characters without whitespace or a safe mark before a window edge goes elsewhere
EDGES = 8  # EDGE tokens on each open side: more than the grammar ever steps over at once


class Token(NamedTuple):
    text: str
    start: int
    end: int
    lower: str
    newline_before: bool  # a line break between this token and the previous one
    blank_before: bool  # an empty line (paragraph or page break) before it
    is_word: bool  # starts with a letter
    capitalised: bool  # starts with a capital

    @property
    def has_digit(self) -> bool:
        return any(map(str.isdigit, self.text))


class OutOfWindow(Exception):
    """The grammar looked past the edge of its window."""


class _Edge:
    """A token beyond the window: whatever is asked of it is unknown here."""

    __slots__ = ("side",)

    def __init__(self, side: str):
        self.side = side

    def __getattr__(self, name: str):
        raise OutOfWindow(self.side)


class _Outside:
    """A quote's partner beyond the window: no position can be compared with it."""

    __slots__ = ()

    def _unknown(self, *args):
        raise OutOfWindow("both")

    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = __add__ = __radd__ = __sub__ = __rsub__ = _unknown
    __hash__ = object.__hash__


LEFT_EDGE = _Edge("left")
RIGHT_EDGE = _Edge("right")
OUTSIDE = _Outside()


def left_edge(text: str, char: int) -> int:
    """Where a window around offset `char` can start: at the start of the
    whitespace before the word there, after a mark that is a token of its own
    (SAFE_MARKS), or at the text's start; in a long run of text without them,
    at any token's start."""
    char = min(max(char, 0), len(text))
    near = char - RUN
    while char > 0 and not text[char - 1].isspace():
        if text[char - 1] in SAFE_MARKS or char < near and _starts_token(text, char):
            return char
        char -= 1
    while char > 0 and text[char - 1].isspace():
        char -= 1
    return char


def right_edge(text: str, char: int) -> int:
    """Where a window around offset `char` can end: at whitespace, before a
    mark that is a token of its own, or at the text's end; in a long run of
    text without them, at any token's end."""
    n = len(text)
    char = min(max(char, 0), n)
    far = char + RUN
    while char < n and not text[char].isspace() and text[char] not in SAFE_MARKS:
        if char > far and _starts_token(text, char):
            return char
        char += 1
    return char


def _starts_token(text: str, char: int) -> bool:
    """Whether a token starts at `char` (0 < char < len(text), no whitespace
    around): a mark of its own is before it or at it."""
    return _mark_alone(text, char - 1) or _mark_alone(text, char)


def _mark_alone(text: str, i: int) -> bool:
    """Whether text[i] (not whitespace) is a token of its own: not a word
    character, nor - / . between two of them."""
    ch = text[i]
    if is_word_char(ch):
        return False
    return ch not in "-/." or not (i > 0 and is_word_char(text[i - 1]) and i + 1 < len(text)
                                   and is_word_char(text[i + 1]))


def fold(text: str) -> str:
    """Lower case with the Latin look-alike і of Kazakh (a Latin capital I
    lowers to i first)."""
    return text.lower().replace("i", "і")


def tokenize(text: str, start: int, end: int, prev_end: int | None = None) -> list[Token]:
    """Tokens of text[start:end]; `start` is the text's start or the start of
    whitespace, `end` the text's end or whitespace (see left_edge, right_edge);
    `prev_end` is where the token before ends, when it is not `start`."""
    part = text[start:end]
    lowered = fold(part)
    same = len(lowered) == len(part)
    out: list[Token] = []
    append = out.append
    new = tuple.__new__
    end_before = start  # where the token before ends
    lines = text.count("\n", prev_end, start) if prev_end is not None else 0  # breaks before `start`
    for space, word in _SPACED_TOKEN.findall(text, start, end):
        s = end_before + len(space)
        e = end_before = s + len(word)
        nl = 0
        if lines or "\n" in space:
            nl = lines + space.count("\n")
            lines = 0
        first = word[0]
        append(new(Token, (word, s, e, lowered[s - start:e - start] if same else fold(word), nl > 0, nl > 1,
                           first.isalpha(), first.isupper())))
    return out


class Quotes:
    """Closing-quote offset -> its opening-quote offset, paired paragraph by
    paragraph when a window first needs them. «» nest; plain quotes nest by
    the side they are glued to (else alternate) within a paragraph; an
    unclosed quote is dropped at the paragraph's end (a nested title that lost
    its outer closing quote)."""

    def __init__(self, text: str):
        self.text = text
        self.breaks = [m.start() for m in _BLANK.finditer(text)]
        self.pairs: dict[int, int] = {}
        self.done: set[int] = set()

    def within(self, start: int, end: int) -> list[int]:
        """Offsets of the quotes in text[start:end]."""
        return [m.start() for m in _QUOTE.finditer(self.text, start, end)]

    def between(self, start: int, end: int) -> dict[int, int]:
        """The pairs of every paragraph that text[start:end] touches."""
        first = bisect_right(self.breaks, start)
        last = bisect_right(self.breaks, end)
        for k in range(first, last + 1):
            if k not in self.done:
                self.done.add(k)
                self._pair(self.breaks[k - 1] if k else 0, self.breaks[k] if k < len(self.breaks) else len(self.text))
        return self.pairs

    def _pair(self, start: int, end: int) -> None:
        text = self.text
        pairs = self.pairs
        stack: list[int] = []
        plain_stack: list[int] = []
        outer: int | None = None  # opener of the last closed pair in this paragraph
        for m in _QUOTE.finditer(text, start, end):
            i = m.start()
            ch = text[i]
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
            else:
                side = _plain_side(text, i)
                if plain_stack and side != "open":
                    pairs[i] = plain_stack.pop()
                elif side != "close" or not plain_stack:
                    plain_stack.append(i)


def is_word_char(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what \w matches


def _plain_side(text: str, i: int) -> str:
    """Which way a plain quote faces, from what it is glued to: `"Білім` opens,
    `туралы"` and `асырады.";` close; a quote glued on both sides or neither
    is decided by alternation. So a quoted title inside a quoted amendment
    ("3. ... "Білім туралы" Заңының ...") nests."""
    left = False
    if i > 0 and not text[i - 1].isspace():
        before = text[i - 1]
        if is_word_char(before):  # a word ends here: how does it start?
            k = i - 1  # (a token is word characters joined by single - / .)
            while k > 0 and (is_word_char(text[k - 1]) or text[k - 1] in "-/." and k > 1
                             and is_word_char(text[k - 2])):
                k -= 1
            left = text[k].isalnum()
        else:
            left = before in ".!?)»"
    after = text[i + 1] if i + 1 < len(text) else " "
    right = not after.isspace() and (after.isalnum() or after in "«(№")
    if right and not left:
        return "open"
    if left and not right:
        return "close"
    return "either"
