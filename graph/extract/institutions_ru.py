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

A prefilter (one regex of the heads' forms, one of the listed abbreviations)
finds the anchors; only the words in a window around each head are tokenised.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from ..lang import lexicon
from ..models import Found
from .tokens import TOKEN, Reader, Token, alternation, word_start, words_at

if TYPE_CHECKING:
    from . import Findings

_REACH = (48, 64)  # characters of a window read left and right of an anchor at first (`tokens.Reader`)
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


class Candidate(NamedTuple):
    """A mention; tokens are named by where they start in the text (each is
    read in its own window of tokens)."""

    start: int
    end: int
    last: int  # where its last token starts
    span: tuple[int, ...]  # where each of its tokens starts
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


@lru_cache(maxsize=65536)
def _ends(low: str, kind: str) -> bool:
    return any(low.endswith(r[0]) and len(low) > len(r[0]) + 2 for r in _words().get(kind, ()))


@lru_cache(maxsize=65536)
def _in(low: str, kind: str) -> bool:
    return any(low == r[0] for r in _words().get(kind, ()))


@lru_cache(maxsize=65536)
def _country(word: str) -> str | None:
    return next((r[1] for r in _words().get("country", ()) if r[0] == word), None)


_LETTERS = re.compile(r"[^\W\d_]+")  # letters, and the few numerals that are neither digits nor letters


def is_russian(text: str) -> bool:
    """Russian when Kazakh-only letters are rare (place names may have some)."""
    sample = text[:20000]
    kazakh = 0
    for letter in "іқұңғәүөһІҚҰҢҒӘҮӨҺ":  # the commonest first: Kazakh prose is told after one or two
        kazakh += sample.count(letter)
        if kazakh >= 0.03 * len(sample):
            return False  # so also of its letters, without counting them
    letters = "".join(_LETTERS.findall(sample))
    n = len(letters) if letters.isalpha() else sum(ch.isalpha() for ch in sample)
    return n > 0 and kazakh < 0.03 * n  # Kazakh prose has over 10 %


def tokenize(text: str, lo: int = 0, hi: int | None = None) -> list[Token]:
    """The tokens of `text` (of `text[lo:hi]`, when both edges fall between
    tokens); a word starts with a letter or a digit."""
    return [Token(m.group(), m.start(), m.end(), m.lastindex == 1 and text[m.start()] != "_")
            for m in TOKEN.finditer(text, lo, len(text) if hi is None else hi)]


def _head(word: str) -> Head | None:
    return _heads().get(word.lower())


@lru_cache(maxsize=65536)
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


def _at_head(tokens: list[Token], h: int) -> Candidate | None:
    """The name whose head is token `h`."""
    tok = tokens[h]
    head = _head(tok.text)
    if head is None:
        return None
    first = h
    while first > 0 and h - first < _MAX_ADJ and tokens[first - 1].word and _is_adj(tokens[first - 1].text):
        first -= 1
    if first > 0 and tokens[first - 1].word and any(
            tokens[first - 1].text.lower().startswith(r[0]) for r in _words().get("post", ())):
        return None  # `заместителя Министра юстиции`: a deputy, not the office
    last = _tail(tokens, h, head)
    capitals = [k for k in range(first, last + 1) if tokens[k].word and tokens[k].text[0].isupper()]
    if not capitals or (first == h == last and not head.national):
        return None
    if capitals == [first] and not head.national and (first == 0 or tokens[first - 1].text in ".!?:;"):
        return None  # `Совет директоров рассмотрел`: capitalised only as the sentence's first word
    words = [_nominative_adj(t.text, head.gender) for t in tokens[first:h] if t.word]
    words.append(_nominative_head(tok.text, head))
    for t in tokens[h + 1:last + 1]:
        if t.word:
            words.append(_country(t.text) or t.text)
    if first == h == last:
        words.append(next(r[1] for r in _words()["country"]))  # `Правительство`: the Republic's
    span = tokens[first:last + 1]
    return Candidate(span[0].start, span[-1].end, span[-1].start, tuple(t.start for t in span), " ".join(words))


def _drop_nested(cands: list[Candidate]) -> list[Candidate]:
    """A body inside a larger body's name (`... Карагандинского областного суда`)."""
    out: list[Candidate] = []
    reach = -1
    for c in sorted(cands, key=lambda c: (c.start, -c.last)):
        if c.last <= reach:
            continue
        out.append(c)
        reach = max(reach, c.last)
    return out


@lru_cache(maxsize=1)
def _abbreviations() -> dict[str, str]:
    return {r[0]: r[1] for r in lexicon("ru", "institution_abbreviations")}


def _abbreviation_candidates(text: str, anchors: list[int], taken: set[int]) -> list[Candidate]:
    """`РЦПИ`, `ООН` on their own (not inside a name found already), at the prefilter's anchors."""
    out = []
    for start, m in words_at(text, anchors):  # a listed abbreviation is a word
        if start in taken:
            continue
        base = m.group().split("-")[0]
        if m.lastindex == 1 and text[start] != "_" and base in _abbreviations():
            out.append(Candidate(start, m.end(), start, (start,), _abbreviations()[base], base))
    return out


@lru_cache(maxsize=1)
def _prefilter() -> tuple[re.Pattern, re.Pattern, re.Pattern, re.Pattern]:
    """A head's singular form as a whole word (in lower case): at the text's
    start, after a space (the literal lets the engine skip from space to
    space), after another non-word character; and a listed abbreviation."""
    forms = alternation(_heads())
    abbreviations = alternation(_abbreviations())
    return (re.compile(f"({forms})(?!\\w)"), re.compile(f" ({forms})(?!\\w)"),
            re.compile(f"[^\\w ]({forms})(?!\\w)"), re.compile(f"(?<!\\w)(?:{abbreviations})(?![\\w‐‑])"))


def _anchors(text: str) -> tuple[list[int], list[int]]:
    """Where the heads (token starts) and the abbreviations may be."""
    at_start, after_space, after_other, abbreviations = _prefilter()
    abbrs = [m.start() for m in abbreviations.finditer(text)]
    low = text.lower()
    if len(low) != len(text):  # a letter lower-cased into two: no offsets to share, so every word
        return [t.start for t in tokenize(text) if t.word and _head(t.text) is not None], abbrs
    starts = {m.start(1) for m in after_space.finditer(low)} | {m.start(1) for m in after_other.finditer(low)}
    if at_start.match(low):
        starts.add(0)
    heads = []
    read_to = 0
    for pos in sorted(starts):
        if pos < read_to:
            continue  # in the word read last (each word once: linear time)
        m = TOKEN.match(text, word_start(text, pos))
        read_to = m.end()
        if _head(m.group()) is not None:
            heads.append(m.start())
    return heads, abbrs


def find(text: str, found: "Findings | None" = None) -> list[Found]:
    """Institution mentions in a Russian `text`: the prefilter finds the heads
    and abbreviations; each head is read in a window of tokens around it."""
    heads, abbrs = _anchors(text)
    reader = Reader(text, _REACH, tokenize)
    cands = _drop_nested([c for pos in heads if (c := reader.read(pos, _at_head)) is not None])
    taken = {k for c in cands for k in c.span}
    cands = sorted(cands + _abbreviation_candidates(text, abbrs, taken), key=lambda c: c.start)
    return [Found("institution", c.start, c.end, {"name": c.name, **({"short": c.short} if c.short else {})})
            for c in cands]
