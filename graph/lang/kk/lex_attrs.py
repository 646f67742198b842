"""Lexical attributes: LIKE_NUM knows Kazakh number words and ordinals
(бес, жиырмасыншы, 366-шы) through graph.lang.kk.numbers; NORM is the lower
case with the look-alike letters exports put into Kazakh words mapped back
(Кеңесi with a Latin i -> кеңесі, legacy-font Ќ -> қ), so that matchers see
one spelling."""
from __future__ import annotations

from spacy.attrs import LIKE_NUM, NORM

from .morph import normalise
from .numbers import like_num


def norm(text: str) -> str:
    """Lower case; look-alike letters become Kazakh ones, but only inside a
    Cyrillic word (CERD keeps its Latin I)."""
    if any("\u0400" <= ch <= "\u04ff" for ch in text):
        return normalise(text)
    return text.lower()


LEX_ATTRS = {LIKE_NUM: like_num, NORM: norm}
