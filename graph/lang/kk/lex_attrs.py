"""Lexical attributes: LIKE_NUM knows Kazakh number words and ordinals
(бес, жиырмасыншы, 366-шы) through graph.lang.kk.numbers; NORM is the lower
case with the Latin look-alikes PDF exports put into Kazakh words mapped back
(Кеңесi with a Latin i -> кеңесі), so that matchers see one spelling."""
from __future__ import annotations

from spacy.attrs import LIKE_NUM, NORM

from .numbers import like_num

# Latin letters standing in for Kazakh ones inside Cyrillic words (LANGUAGE_NOTES.md §9)
_LOOKALIKES = str.maketrans({"i": "і", "I": "і"})


def norm(text: str) -> str:
    """Lower case; Latin i/I become Kazakh і, but only inside a Cyrillic word."""
    low = text.lower()
    if any("\u0400" <= ch <= "\u04ff" for ch in low):
        return low.translate(_LOOKALIKES)
    return low


LEX_ATTRS = {LIKE_NUM: like_num, NORM: norm}
