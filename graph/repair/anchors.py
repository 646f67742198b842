"""Displaced hyperlink anchors: the words that were links are cut out of
their place and appended, in their original order, at the end of the line,
glued to its last character when the line had no trailing space:
`халықаралық  9-бабынаконвенцияның` reads `халықаралық конвенцияның 9-бабына`,
`кодексінің , , , ).54 96 103-баптары` reads `кодексінің 54, 96, 103-баптары)`.

Evidence needed before anything moves:
  holes   where the anchors were: a double space between words, a space
          before a separator (` ,` ` )`), an empty bracket pair, a line that
          starts with one space or with a separator;
  block   the anchors at the line end: glued to the last word at a clear
          seam (after punctuation, letter->digit, a case change, or before a
          link word), or, unglued, words that only links are made of (act
          types, structural units, numbers);
  count   one anchor per hole, in order (or one several-word anchor for one
          hole when the block is glued).
A line that ends with a space has nothing appended; a line longer than a
PDF line is not a PDF line. Otherwise the text is left alone.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..lang import lexicon
from .mapped import EditLog, Repaired, line_spans

PDF_LINE_MAX = 130
TOKEN = re.compile(r"\S+")
HINT = re.compile(r"\S {2,}\S|\S [),;]|\( ?\)|^ \S|^[),;]")
WORD = re.compile(r"[^\W\d_]+")
NUMBER = re.compile(r"\d+(?:[.\-]\d+)*")
WRAP_NUMBER = re.compile(r"\d+-")
OPENERS = frozenset("(«[")
SEPARATORS = frozenset("),;]")
CLOSERS = frozenset("),;]».:")
GLUE_PUNCT = frozenset(".,;:)»!?")
MAX_ENDING = 9
MAX_BLOCK_FOR_ONE_HOLE = 3


@lru_cache(maxsize=None)
def link_stems() -> tuple[tuple[str, str], ...]:
    """(stem, what) of words written as links, longest first."""
    rows = [(r[0].lower(), r[1]) for lang in ("kk", "ru") for r in lexicon(lang, "repair_anchor_stems")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


def link_stem(word: str) -> tuple[str, str] | None:
    """The stem a word (an inflected form) starts with, if it is a link word."""
    low = word.lower()
    for stem, what in link_stems():
        if low.startswith(stem) and len(low) - len(stem) <= MAX_ENDING:
            return stem, what
    return None


def is_number(token: str) -> bool:
    return NUMBER.fullmatch(token) is not None


def is_link_word(token: str) -> bool:
    """A word a hyperlink anchor can be by itself: a number, a numbered unit
    (4-бабына), or an act-type or unit word (Заңы, кодексінің)."""
    if not token or token[-1] in GLUE_PUNCT or token[0] in GLUE_PUNCT:
        return False
    if is_number(token):
        return True
    m = NUMBER.match(token)
    if m and token[m.end():m.end() + 1] == "-":
        rest = token[m.end() + 1:]
        return bool(rest) and link_stem(rest) is not None
    return link_stem(token) is not None


def is_bare_unit(token: str) -> bool:
    found = link_stem(token)
    return found is not None and found[1] == "unit" and not any(c.isdigit() for c in token)


class Vocabulary:
    """Counts of the document's lower-cased words, built on first use: a
    glued pair of ordinary words is split only where both halves occur in
    the document as words and the glued form occurs nowhere else."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._counts: Counter[str] | None = None

    def count(self, word: str) -> int:
        if self._counts is None:
            self._counts = Counter(w.lower() for w in WORD.findall(self._text))
        return self._counts.get(word.lower(), 0)


def _word_part(s: str) -> str:
    m = NUMBER.match(s)
    if m and s[m.end():m.end() + 1] == "-":
        return s[m.end() + 1:]
    return s


def glue_seam(token: str, vocab: Vocabulary) -> tuple[int, bool] | None:
    """Where an anchor was glued onto the line's last word, and whether the
    seam is certain (punctuation, letter->digit, a link word after it) or
    only likely (two words of the document run together), or None."""
    n = len(token)
    # after punctuation that ends a word: бекітілсін.баяндама, ).54, береді.Заңы
    for i in range(n - 1, 0, -1):
        left, right = token[i - 1], token[i]
        if left in GLUE_PUNCT and right.isalnum():
            if left in ".," and i >= 2 and token[i - 2].isdigit() and right.isdigit():
                continue  # 1,5 or 30.01.2001
            if left == "." and i >= 2 and token[i - 2].isalpha() and (i < 3 or not token[i - 3].isalpha()):
                continue  # an initial or abbreviation: Б.Қылмыстық, т.б
            return i, True
    whole = _word_part(token)
    unique = vocab.count(whole) <= 1 and not is_link_word(token)
    weak = None
    for i in range(2, n - 1):
        left, right = token[i - 1], token[i]
        head, tail = token[:i], token[i:]
        # a letter glued to a number: қоғамдық16-бабына, іс141-1
        if left.isalpha() and right.isdigit() and sum(c.isalpha() for c in head) >= 2:
            return i, True
        # a wrapped number glued to the anchor: 1-164-бабының (164-бабының 1-)
        if right.isdigit() and left == "-" and WRAP_NUMBER.fullmatch(head) and is_link_word(tail):
            return i, True
        if not (left.isalpha() and right.isalpha()) or not unique:
            continue
        if sum(c.isalpha() for c in _word_part(head)) < 2:
            continue
        # a link word glued on: 9-бабынаконвенцияның, Қазақстанкодексіне, АдамЗаңымен
        if (left.islower() or right.isupper()) and is_link_word(tail):
            return i, True
        # two words of the document run together
        if weak is None and len(tail) >= 4 and vocab.count(_word_part(head)) and vocab.count(tail):
            weak = i
    return (weak, False) if weak is not None else None


@dataclass(frozen=True, slots=True)
class Hole:
    """Where an anchor goes back: it is inserted at `at`; `drop` spaces
    (a span) are deleted so that the anchor sits like a word."""

    at: int
    drop: tuple[int, int] | None = None


def find_holes(line: str, tokens: list[tuple[int, int]]) -> list[Hole]:
    holes: list[Hole] = []
    if line[:1] == " " and line[1:2] not in ("", " "):
        holes.append(Hole(0))
    elif line[:1] in SEPARATORS:
        holes.append(Hole(0))
    for k, (s, e) in enumerate(tokens):
        tok = line[s:e]
        if k > 0:
            prev_end = tokens[k - 1][1]
            gap = s - prev_end
            left, right = line[prev_end - 1], line[s]
            if gap >= 2:
                if left in OPENERS:
                    holes.append(Hole(prev_end, (prev_end, prev_end + 1)))
                elif right in CLOSERS:
                    holes.append(Hole(s, (prev_end + 1, s)))
                else:
                    holes.append(Hole(prev_end + 1))
            elif right in SEPARATORS:
                if left in OPENERS:
                    holes.append(Hole(s, (prev_end, s)))
                else:
                    holes.append(Hole(s))
        i = tok.find("()")
        while i != -1:
            holes.append(Hole(s + i + 1))
            i = tok.find("()", i + 1)
    holes.sort(key=lambda h: h.at)
    return holes


def group_anchors(block: list[tuple[int, int]], line: str, holes: int, glued: bool) -> list[tuple[int, int]] | None:
    """Split the appended block into one anchor per hole, or None."""
    if len(block) == holes:
        return block
    if glued and holes == 1 and len(block) <= MAX_BLOCK_FOR_ONE_HOLE:
        return [(block[0][0], block[-1][1])]
    # a number and the bare unit after it are one link: 141-1 бабы
    grouped: list[tuple[int, int]] = []
    for s, e in block:
        if grouped and is_bare_unit(line[s:e]) and is_number(line[grouped[-1][0]:grouped[-1][1]]):
            grouped[-1] = (grouped[-1][0], e)
        else:
            grouped.append((s, e))
    return grouped if len(grouped) == holes else None


@dataclass(frozen=True, slots=True)
class Plan:
    holes: list[Hole]
    anchors: list[tuple[int, int]]
    cut: tuple[int, int]


def _glued_plan(line, tokens, end_index, holes, vocab, strong: bool) -> Plan | None:
    h = len(holes)
    for j in range(end_index - 1, max(-1, end_index - h - 3), -1):
        s, e = tokens[j]
        tok = line[s:e]
        found = glue_seam(tok, vocab)
        if found is not None:
            seam, certain = found
            if certain != strong:
                return None
            block = [(s + seam, e)] + tokens[j + 1:end_index]
            anchors = group_anchors(block, line, h, glued=True)
            if anchors and holes[-1].at <= s + seam:
                return Plan(holes, anchors, (s + seam, block[-1][1]))
            return None
        if not is_link_word(tok):
            return None
    return None


def _unglued_plan(line, tokens, end_index, holes) -> Plan | None:
    h = len(holes)
    block: list[tuple[int, int]] = []
    for j in range(end_index - 1, 0, -1):
        s, e = tokens[j]
        if not is_link_word(line[s:e]):
            return None
        block.insert(0, (s, e))
        if is_bare_unit(line[s:e]) and is_number(line[tokens[j - 1][0]:tokens[j - 1][1]]):
            continue  # the number before a bare unit belongs to it: 141-1 бабы
        anchors = group_anchors(block, line, h, glued=False)
        if anchors and holes[-1].at < block[0][0] and tokens[j - 1][1] < block[0][0]:
            return Plan(holes, anchors, (tokens[j - 1][1], block[-1][1]))
        if len(block) > h + 1:
            return None
    return None


def plan_line(line: str, vocab: Vocabulary) -> Plan | None:
    tokens = [m.span() for m in TOKEN.finditer(line)]
    if len(tokens) < 2:
        return None
    end_index = len(tokens)
    if WRAP_NUMBER.fullmatch(line[tokens[-1][0]:tokens[-1][1]]):
        end_index -= 1  # a number wrapped onto the next line stays where it is
    holes = find_holes(line, tokens[:end_index])
    if not holes:
        return None
    return (
        _glued_plan(line, tokens, end_index, holes, vocab, strong=True)
        or _unglued_plan(line, tokens, end_index, holes)
        or _glued_plan(line, tokens, end_index, holes, vocab, strong=False)
    )


def restore_anchors(rep: Repaired) -> Repaired:
    text = rep.text
    log = EditLog()
    vocab = Vocabulary(text)
    for ls, le in line_spans(text):
        line = text[ls:le]
        if not line or line[-1] == " " or len(line.strip()) > PDF_LINE_MAX or not HINT.search(line):
            continue
        plan = plan_line(line, vocab)
        if plan is None:
            continue
        for hole, (a, b) in zip(plan.holes, plan.anchors):
            if hole.drop:
                log.delete(ls + hole.drop[0], ls + hole.drop[1])
            log.move(ls + hole.at, ls + a, ls + b)
        log.delete(ls + plan.cut[0], ls + plan.cut[1])
    return log.apply(rep)
