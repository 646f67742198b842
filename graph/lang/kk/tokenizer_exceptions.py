"""Kazakh tokenizer exceptions and TOKEN_MATCH.

Exceptions: abbreviations from `lexicon/tokenizer_exceptions.tsv` (ж., т.б.,
м.а. ...) in every capitalisation, on top of spaCy's base exceptions.

TOKEN_MATCH keeps whole what the punctuation rules would cut:
- a number or an abbreviation with only an ending after its hyphen: 331-ге,
  11-інде, 1-ші, БҰҰ-ның (the endings come from morph, i.e. endings.tsv);
- a number with a convocation numeral: 62-IV, 214-IV, 22/3-VIII, 18-І
  (Cyrillic І as a Roman one);
- a web address, including a final `_` of an adilet id.
Dates (22.10.2012) and decimals (9680,5) stay whole under the default rules.
"""
from __future__ import annotations

import re

from spacy.lang.tokenizer_exceptions import BASE_EXCEPTIONS
from spacy.symbols import NORM, ORTH
from spacy.util import update_exc

from .. import lexicon
from .morph import hyphen_ending_pattern
from .punctuation import ALPHA_UPPER_KK

_exc: dict[str, list[dict]] = {}
for orth, norm in lexicon("kk", "tokenizer_exceptions"):
    for form in (orth, orth[:1].upper() + orth[1:], orth.upper()):
        _exc[form] = [{ORTH: form, NORM: norm}]

TOKENIZER_EXCEPTIONS = update_exc(BASE_EXCEPTIONS, _exc)

_NUMBER = r"[0-9]+(?:[/.][0-9]+)*"
_ABBREVIATION = r"[{au}]{{2,}}".format(au=ALPHA_UPPER_KK)
_ROMAN = r"[IVXLCІ]+"
# Web addresses: with a scheme or www., or a Latin-letter domain (adilet.zan.kz).
# spaCy's own URL_MATCH is switched off: it takes any Unicode word.word for a
# domain, which would keep PDF-glued sentences (бекітілсін.баяндама) whole.
# adilet addresses end in `_` (Z090000214_), which the suffix rules would cut.
_URL = r"(?:(?:https?://|www\.)[^\s«»\"]*[\w/#]|(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/[^\s«»\"]*[\w/#])?)"
TOKEN_MATCH_PATTERN = (
    r"^(?:(?:{n}|{ab})-(?i:{end})|{n}-{ro}|{url})$".format(
        n=_NUMBER, ab=_ABBREVIATION, end=hyphen_ending_pattern(), ro=_ROMAN, url=_URL)
)
TOKEN_MATCH = re.compile(TOKEN_MATCH_PATTERN).match
