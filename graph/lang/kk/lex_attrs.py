"""Lexical attributes: LIKE_NUM knows Kazakh number words and ordinals
(бес, жиырмасыншы, 366-шы) through graph.lang.kk.numbers."""
from __future__ import annotations

from spacy.attrs import LIKE_NUM

from .numbers import like_num

LEX_ATTRS = {LIKE_NUM: like_num}
