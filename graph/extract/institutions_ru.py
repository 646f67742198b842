"""Institutions in Russian texts: `Верховный Суд Республики Казахстан`,
`акимат Каратобинского района Западно-Казахстанской области`,
`Министерство юстиции Республики Казахстан`.

Russian puts the head noun after its adjectives and before its genitive
specifiers, so the grammar finds a head (lexicon `institution_heads`, in any
singular case), takes the adjectives right before it and the specifiers after
it (genitives, places with their names, `по ...` / `при ...` phrases), and
writes the name in the nominative: the head and its adjectives change case,
the specifiers stay as written. A body named inside a larger body's name is not
a mention of its own. Only what this simple grammar reads with confidence is
emitted: a name with a capitalised word, or a national organ.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..lang import lexicon
from ..models import Found
from .tokens import Token

if TYPE_CHECKING:
    from . import Findings

_TOKEN = re.compile(r"\w+(?:[-‐‑]\w+)*|[^\w\s]")
_MAX_ADJ = 3  # adjectives before a head
_MAX_LINKED = 4  # words of a `по ...` / `при ...` phrase
_SOFT = "кгхжшчщ"  # after these a masculine adjective ends in -ий, not -ый


@dataclass(frozen=True, slots=True)
class Head:
    stem: str
    nominative: str  # the nominative ending
    gender: str  # m | n | f
    national: bool
    gen_tail: bool  # takes a lower-case genitive specifier


@dataclass(frozen=True, slots=True)
class Candidate:
    first: int
    last: int
    name: str
    short: str = ""


@lru_cache(maxsize=1)
def _endings() -> dict[str, tuple[str, ...]]:
    return {r[0]: tuple("" if e == "-" else e for e in r[1:]) for r in lexicon("ru", "institution_endings")}


@lru_cache(maxsize=1)
def _heads() -> dict[str, Head]:
    """Every singular form of every head -> its head."""
    out = {}
    for stem, cls, scope, tail in lexicon("ru", "institution_heads"):
        endings = _endings()[cls]
        head = Head(stem, endings[0], cls[0], scope == "national", tail == "gen")
        for e in endings:
            out[stem + e] = head
    return out


@lru_cache(maxsize=1)
def _words() -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for row in lexicon("ru", "institution_words"):
        out.setdefault(row[0], []).append(tuple(row[1:]))
    return {k: tuple(v) for k, v in out.items()}


def _ends(low: str, kind: str) -> bool:
    return any(low.endswith(r[0]) and len(low) > len(r[0]) + 2 for r in _words().get(kind, ()))


def _in(low: str, kind: str) -> bool:
    return any(low == r[0] for r in _words().get(kind, ()))


def _country(word: str) -> str | None:
    return next((r[1] for r in _words().get("country", ()) if r[0] == word), None)


_LETTERS = re.compile(r"[^\W\d_]+")  # letters, and the few numerals that are neither digits nor letters


def is_russian(text: str) -> bool:
    """Russian when Kazakh-only letters are rare (place names may have some)."""
    sample = text[:20000]
    kazakh = sum(map(sample.count, "әғқңөұүһіӘҒҚҢӨҰҮҺІ"))
    if kazakh >= 0.03 * len(sample):
        return False  # so also of its letters, without counting them
    letters = "".join(_LETTERS.findall(sample))
    n = len(letters) if letters.isalpha() else sum(ch.isalpha() for ch in sample)
    return n > 0 and kazakh < 0.03 * n  # Kazakh prose has over 10 %


def tokenize(text: str) -> list[Token]:
    return [Token(m.group(), m.start(), m.end(), m.group()[0].isalnum())
            for m in _TOKEN.finditer(text)]


def _head(word: str) -> Head | None:
    return _heads().get(word.lower())


def _is_adj(word: str) -> bool:
    return _ends(word.lower(), "adj") and _head(word) is None


def _nominative_adj(word: str, gender: str) -> str:
    low = word.lower()
    col = {"m": 0, "n": 1, "f": 2}[gender]
    for row in sorted(_words().get("adj_nom", ()), key=lambda r: -len(r[0])):
        if low.endswith(row[0]):
            new = row[1 + col]
            stem = word[: len(word) - len(row[0])]
            if gender == "m" and new == "ый" and stem[-1:].lower() in _SOFT:
                new = "ий"
            return stem + new
    return word


def _nominative_head(word: str, head: Head) -> str:
    return word[: len(head.stem)] + head.nominative


def _tail(tokens: list[Token], h: int, head: Head) -> int:
    """Index of the last token of the specifiers after head `h`."""
    end = h
    k = h + 1
    after_place = joined = False
    while k < len(tokens):
        t = tokens[k]
        if not t.word or t.text[0].isdigit() or (t.text.isupper() and len(t.text) > 3):
            break  # a number, or a verb in capitals (`ПОСТАНОВЛЯЕТ`)
        low = t.text.lower()
        cap = t.text[0].isupper()
        if _country(t.text):
            end, k, after_place = k, k + 1, False
            continue
        if _in(low, "link"):
            j, last = k + 1, None
            while j < len(tokens) and j - k <= _MAX_LINKED and tokens[j].word:
                last = j
                if not _is_adj(tokens[j].text):
                    break
                j += 1
            if last is None:
                break
            end, k, after_place = last, last + 1, False
            continue
        if _in(low, "join") and end > h and k + 1 < len(tokens) and tokens[k + 1].word \
                and _ends(tokens[k + 1].text.lower(), "gen"):
            k, joined = k + 1, True
            continue
        if after_place and cap and len(t.text) > 1:
            end, k, after_place = k, k + 1, False  # `города Жезказган`
            continue
        if _is_adj(t.text) and k + 1 < len(tokens) and tokens[k + 1].word:
            k += 1  # an adjective of the next specifier: `Западно-Казахстанской области`
            continue
        if _in(low, "place") or (_ends(low, "gen") and (cap or joined or (head.gen_tail and end == h))) \
                or (_head(t.text) is not None and _ends(low, "gen")):
            end, k, after_place, joined = k, k + 1, _in(low, "place"), False
            continue
        break
    return end


def _candidates(tokens: list[Token]) -> list[Candidate]:
    out = []
    for h, tok in enumerate(tokens):
        if not tok.word:
            continue
        head = _head(tok.text)
        if head is None:
            continue
        first = h
        while first > 0 and h - first < _MAX_ADJ and tokens[first - 1].word and _is_adj(tokens[first - 1].text):
            first -= 1
        if first > 0 and tokens[first - 1].word and any(
                tokens[first - 1].text.lower().startswith(r[0]) for r in _words().get("post", ())):
            continue  # `заместителя Министра юстиции`: a deputy, not the office
        last = _tail(tokens, h, head)
        span = [t.text for t in tokens[first:last + 1] if t.word]
        capitals = [k for k in range(first, last + 1) if tokens[k].word and tokens[k].text[0].isupper()]
        if not capitals or (first == h == last and not head.national):
            continue
        if capitals == [first] and not head.national and (first == 0 or tokens[first - 1].text in ".!?:;"):
            continue  # `Совет директоров рассмотрел`: capitalised only as the sentence's first word
        words = [_nominative_adj(t.text, head.gender) for t in tokens[first:h] if t.word]
        words.append(_nominative_head(tok.text, head))
        for t in tokens[h + 1:last + 1]:
            if t.word:
                words.append(_country(t.text) or t.text)
        if first == h == last:
            words.append(next(r[1] for r in _words()["country"]))  # `Правительство`: the Republic's
        out.append(Candidate(first, last, " ".join(words)))
    return _drop_nested(out)


def _drop_nested(cands: list[Candidate]) -> list[Candidate]:
    """A body inside a larger body's name (`... Карагандинского областного суда`)."""
    out: list[Candidate] = []
    reach = -1
    for c in sorted(cands, key=lambda c: (c.first, -c.last)):
        if c.last <= reach:
            continue
        out.append(c)
        reach = max(reach, c.last)
    return out


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    return {r[0]: r[1] for r in lexicon("ru", "institution_abbreviations")}


def _abbreviation_candidates(tokens: list[Token], taken: set[int]) -> list[Candidate]:
    """`РЦПИ`, `ООН` on their own (not inside a name found already)."""
    out = []
    for i, tok in enumerate(tokens):
        if tok.word and i not in taken:
            base = tok.text.split("-")[0]
            if base in _abbreviations():
                out.append(Candidate(i, i, _abbreviations()[base], base))
    return out


def find(text: str, found: "Findings | None" = None) -> list[Found]:
    """Institution mentions in a Russian `text`."""
    tokens = tokenize(text)
    cands = _candidates(tokens)
    taken = {k for c in cands for k in range(c.first, c.last + 1)}
    cands = sorted(cands + _abbreviation_candidates(tokens, taken), key=lambda c: c.first)
    return [Found("institution", tokens[c.first].start, tokens[c.last].end,
                  {"name": c.name, **({"short": c.short} if c.short else {})})
            for c in cands]
