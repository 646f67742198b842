"""The act a chain belongs to, from the instruments found before it.

Kazakh names the act in the genitive right before the chain (`Заңының
6-бабы`), possibly with a parenthesis or a quoted article heading between;
Russian right after it. A bare act word (`Кодекстің`, `Конвенцияның`) that no
instrument covers gives only the act's kind. The units in an amendment list
belong to the act it amends (`... қаулысына мынадай өзгерістер енгізілсін:`).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ...lang import lexicon
from ...lang.kk import morph
from ...models import Found
from .grammar import (MAX_GAP, MAX_PAREN, MAX_QUOTE, MAX_SENTENCE, NUMBERED_LINE, OPEN_QUOTES, WORD, Grammar,
                      line_start, norm)


_NEXT_CHAR = re.compile(r"\s*(\S)")


def _bridgeable(gap: str, g: Grammar) -> bool:
    """Whether the text between an act and a chain keeps them one reference:
    spaces, a parenthesis (`(бұдан әрі - Заң)`), an opening bracket the chain
    sits in, or a quoted heading with its linking word (`«...» атты`)."""
    pos, n = 0, len(gap)
    while True:
        while pos < n and gap[pos].isspace():
            pos += 1
        if pos == n:
            return True
        ch = gap[pos]
        if ch == "(":
            close = gap.find(")", pos, pos + MAX_PAREN)
            if close == -1:
                return not gap[pos + 1:].strip()
            pos = close + 1
            continue
        if ch in OPEN_QUOTES:
            close = gap.find(OPEN_QUOTES[ch], pos + 1, pos + MAX_QUOTE)
            if close == -1:
                return False
            m = WORD.match(gap, close + 1)
            if m is None or norm(m.group(1)) not in g.bridges:
                return False
            pos = m.end()
            continue
        return False


def instrument_fields(f: Found) -> dict:
    out = {k: f.fields[k] for k in ("kind", "title", "date", "number") if f.fields.get(k)}
    if f.fields.get("self"):
        out["self"] = True
    return out


@lru_cache(maxsize=1)
def _act_kinds() -> dict[str, str]:
    """Act-type words and their kinds (the instruments' lexicon, acts.tsv). A
    numbered unit after one names a specific act, so every act word counts."""
    try:
        rows = lexicon("kk", "acts")
    except FileNotFoundError:
        return {}
    return {norm(row[0]): row[1] for row in rows if len(row) >= 2 and " " not in row[0]}


def act_word_before(text: str, pos: int) -> tuple[str, int] | None:
    """The kind and start of a bare act word right before `pos` (`Кодекстің`,
    `Конвенцияның`)."""
    m = _WORD_BEFORE.search(text, max(0, pos - 60), pos)
    if m is None:
        return None
    kinds = _act_kinds()
    word = norm(m.group(1))
    if word in kinds:
        return kinds[word], m.start(1)
    for a in morph.analyse(word):
        if a.stem in kinds:
            return kinds[a.stem], m.start(1)
    return None


_WORD_BEFORE = re.compile(r"([^\W\d_]+)[\s(]*$")


class Acts:
    """The instruments found in the text, to find the one next to a chain."""

    def __init__(self, text: str, found: list[Found], g: Grammar):
        self.text = text
        self.g = g
        self.by_end = sorted(found, key=lambda f: (f.end, f.start))
        self.ends = [f.end for f in self.by_end]
        self.by_start = sorted(found, key=lambda f: (f.start, -f.end))
        self.starts = [f.start for f in self.by_start]
        self.scopes = amendment_scopes(text, found, g)
        self.scope_starts = [s for s, _e, _f in self.scopes]

    def before(self, start: int) -> Found | None:
        k = bisect_right(self.ends, start)
        if k == 0:
            return None
        f = self.by_end[k - 1]
        if start - f.end > MAX_GAP:
            return None
        return f if _bridgeable(self.text[f.end:start], self.g) else None

    def after(self, end: int) -> Found | None:
        """The instrument right after a chain on the same line (Russian `статьи 6
        Закона ...`), unless a chain of its own follows it."""
        k = bisect_right(self.starts, end)
        if k == len(self.by_start):
            return None
        f = self.by_start[k]
        if f.start - end > MAX_GAP:
            return None
        gap = self.text[end:f.start]
        if gap.strip() or "\n" in gap:
            return None
        nxt = _NEXT_CHAR.match(self.text, f.end)
        return None if nxt is not None and nxt.group(1).isdigit() else f  # that act's own chain follows


    def in_sentence(self, pos: int) -> Found | None:
        """The act the sentence up to `pos` is about: its subject (an act in the
        nominative, `... Заңы ... (8, 9 баптары) кепілдік береді`), else the
        last act it names."""
        k = bisect_right(self.ends, pos)
        named = []
        while k > 0:
            f = self.by_end[k - 1]
            if f.end < pos - MAX_SENTENCE or SENTENCE_END.search(self.text, f.end, pos):
                break
            named.append(f)
            k -= 1
        for f in named:
            if nominative(last_word(self.text, f.start, f.end)):
                return f
        return named[0] if named else None

    def scope(self, pos: int) -> Found | None:
        """The act an amendment list under way at `pos` amends."""
        k = bisect_right(self.scope_starts, pos)
        if k == 0:
            return None
        start, end, f = self.scopes[k - 1]
        return f if pos < end else None


SENTENCE_STOP = re.compile(r"[.!?;](?:[ \t]*\n|[ \t]*$|[ \t]+(?=\S))")
SENTENCE_END = re.compile(r"[.!?;:]\s|\n[ \t]*\n")
_COLON_LINE = re.compile(r":[ \t]*(?:\n|$)")


def amendment_scopes(text: str, found: list[Found], g: Grammar) -> list[tuple[int, int, Found]]:
    """Where an act's amendment list runs, and which act it amends.

    An amending act names the act it changes in the dative or locative on a
    line ending in a colon (`... № 11 қаулысына мынадай өзгерістер енгізілсін:`,
    `... бекітілген Ережеде:`); the bare units of the items below it
    (`1) 5-тармақтағы ...`, `2-тармақ мынадай редакцияда жазылсын`) are that
    act's, until the act's next top-level paragraph (`2. Осы қаулы ...`)."""
    by_start = sorted(found, key=lambda f: f.start)
    starts = [f.start for f in by_start]
    opened: list[tuple[int, Found]] = []
    for m in _COLON_LINE.finditer(text):
        colon = m.start()
        begin = line_start(text, colon)
        lo, hi = bisect_right(starts, begin - 1), bisect_right(starts, colon)
        best = None
        for f in by_start[lo:hi]:
            if f.end > colon:
                continue
            inside = text.count("(", begin, f.start) - text.count(")", begin, f.start)
            if inside <= 0 and (best is None or f.end > best.end):
                best = f
        if best is not None and _amended_case(text[best.start:best.end], g):
            opened.append((m.end(), best))
    scopes = []
    for n, (start, f) in enumerate(opened):
        limit = opened[n + 1][0] if n + 1 < len(opened) else len(text)
        top = NUMBERED_LINE.search(text, start, limit)
        scopes.append((start, top.start() if top else limit, f))
    return scopes


def _amended_case(phrase: str, g: Grammar) -> bool:
    """Whether a phrase ends in a case the act an amendment list changes takes
    (Kazakh: the dative or locative, `қаулысына`, `Ережеде`); with no such
    cases listed, any phrase may."""
    if not g.amended_cases:
        return True
    words = re.findall(r"[^\W\d_]+", phrase[-60:])
    if not words:
        return False
    return any(a.case in g.amended_cases and not a.attributive for a in morph.analyse(words[-1])[:1])


def last_word(text: str, start: int, end: int) -> str:
    m = _LAST_WORD.search(text, max(start, end - 80), end)
    return m.group(1) if m else ""


def nominative(word: str) -> bool:
    readings = morph.analyse(word) if word else []
    return bool(readings) and readings[0].case is None


_LAST_WORD = re.compile(r"([^\W\d_]+)[^\w]*$")
HEAD_WORD = re.compile(r"([^\W\d_][\w-]*)[^\w]*$")  # `Заңының`, `ҚК-нің`
