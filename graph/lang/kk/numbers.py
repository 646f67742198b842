"""Kazakh numbers written in words or as digits with an ordinal ending.

Compounds are separate words, largest first, and only the last word takes the
ordinal ending: `үш жүз алпыс алтыншы` = 366th, `екі мың он екі` = 2012
(LANGUAGE_NOTES.md §2). The words live in `lexicon/numbers.tsv`.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from .morph import normalise, split_hyphen_suffix

_RANKS = ("unit", "ten", "hundred", "scale")


@dataclass(frozen=True, slots=True)
class NumberWord:
    """One number word: `алтыншы` = 6, a unit, ordinal."""

    value: int
    rank: str
    ordinal: bool


@lru_cache(maxsize=1)
def _words() -> dict[str, NumberWord]:
    out = {}
    for row in lexicon("kk", "numbers"):
        if row[0] in ("cardinal", "ordinal"):
            out[row[1]] = NumberWord(int(row[2]), row[3], row[0] == "ordinal")
    return out


@lru_cache(maxsize=1)
def _ordinal_suffixes() -> tuple[str, ...]:
    rows = (row[1] for row in lexicon("kk", "numbers") if row[0] == "ordinal_suffix")
    return tuple(sorted(rows, key=len, reverse=True))


def number_word(word: str) -> NumberWord | None:
    """The number a single word names, if any (case and Latin і don't matter)."""
    return _words().get(normalise(word))


def parse_number_words(words: list[str]) -> tuple[int, int] | None:
    """The number the leading words spell and how many words it took, or None:
    ['үш', 'жүз', 'алпыс', 'алтыншы', 'бап'] -> (366, 4). The number stops at
    an ordinal word, at a non-number word, or where the order breaks
    (`бес бес` is 5 then 5: the first word alone)."""
    total = 0  # finished thousands/millions
    group = 0  # the part below the current scale word
    last: str | None = None
    last_scale = None
    used = 0
    for i, word in enumerate(words):
        w = number_word(word)
        if w is None:
            break
        if w.value == 0:
            if i > 0:
                break
            return 0, 1
        if w.rank == "unit":
            if last == "unit" or group % 10:
                break
            group += w.value
        elif w.rank == "ten":
            if last in ("unit", "ten") or group % 100:
                break
            group += w.value
        elif w.rank == "hundred":
            if last == "unit" and group < 10:
                group *= 100
            elif last in (None, "scale"):
                group = 100
            else:
                break
        else:  # scale: мың, миллион
            if last_scale is not None and w.value >= last_scale:
                break
            total += (group or 1) * w.value
            group = 0
            last_scale = w.value
        last = w.rank
        used = i + 1
        if w.ordinal:
            break
    if used == 0:
        return None
    return total + group, used


@lru_cache(maxsize=1)
def _by_value() -> dict[tuple[int, bool], str]:
    return {(w.value, w.ordinal): word for word, w in _words().items()}


def spell(n: int, ordinal: bool = False) -> list[str]:
    """The words of `n` (0 <= n < 10**12), largest first, the last one ordinal
    if asked: spell(366, ordinal=True) == ['үш', 'жүз', 'алпыс', 'алтыншы'].
    The inverse of `parse_number_words`; 100 is `жүз`, 1000 `бір мың`."""
    if not 0 <= n < 10**12:
        raise ValueError(f"{n} is out of range")
    names = _by_value()
    words: list[str] = []
    if n == 0:
        words = [names[(0, False)]]
    for scale in (10**9, 10**6, 1000):
        if n >= scale:
            words += spell(n // scale) + [names[(scale, False)]]
            n %= scale
    if n >= 100:
        words += ([] if n // 100 == 1 else [names[(n // 100, False)]]) + [names[(100, False)]]
        n %= 100
    if n >= 10:
        words.append(names[(n - n % 10, False)])
        n %= 10
    if n:
        words.append(names[(n, False)])
    if ordinal:
        last = _words()[words[-1]]
        words[-1] = names[(last.value, True)]
    return words


def is_ordinal(word: str) -> bool:
    """`бірінші`, `алтыншы`, and digits with an ordinal ending: `1-ші`, `366-шы`."""
    w = number_word(word)
    if w is not None:
        return w.ordinal
    return strip_ordinal_suffix(word) != word


def strip_ordinal_suffix(token: str) -> str:
    """`366-ншы` -> `366`, `1-ші` -> `1`, `4-інші` -> `4`; anything else unchanged."""
    cut = token.rfind("-")
    if cut <= 0:
        return token
    digits, ending = token[:cut], normalise(token[cut + 1:])
    if digits.isdigit() and ending in _ordinal_suffixes():
        return digits
    return token


def like_num(text: str) -> bool:
    """Digits (with , . / separators), a fraction, a number word, an ordinal in
    digits or words, or digits with a case ending (331-ге, 11-інде): what
    spaCy's `like_num` attribute should say."""
    if not text:
        return False
    if text[0] in "+-±~":
        text = text[1:]
    bare = text.replace(",", "").replace(".", "")
    if bare.isdigit():
        return True
    if text.count("/") == 1:
        num, denom = text.split("/")
        if num.isdigit() and denom.isdigit():
            return True
    if number_word(text) is not None:
        return True
    if strip_ordinal_suffix(text) != text:
        return True
    base, ending = split_hyphen_suffix(text)
    return bool(ending) and base.isdigit()
