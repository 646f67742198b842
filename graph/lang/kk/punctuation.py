"""Kazakh tokenizer punctuation rules: spaCy's defaults, extended to the Kazakh
letters spaCy's ALPHA lacks (ғ қ ұ і ...), and changed in two ways:

- a plain hyphen between letters is not split: compounds (Қылмыстық-процестік,
  ерлі-зайыптылық) are one word, and so is an ending on an abbreviation (БҰҰ-ның);
- a hyphen between a number and a word is split (14-бабы -> 14 - бабы: the
  hyphen stands for the ordinal ending, and the noun is a word of its own),
  unless only an ending follows (331-ге, 1-ші), which TOKEN_MATCH keeps whole;
- an ending hyphenated to a closing quote is a token of its own with its
  hyphen (`«Самұрық-Қазына»-ға` -> « Самұрық-Қазына » -ға).
"""
from __future__ import annotations

from spacy.lang.char_classes import (ALPHA, ALPHA_LOWER, ALPHA_UPPER, CONCAT_QUOTES, HYPHENS,
                                     LIST_ELLIPSES, LIST_ICONS)
from spacy.lang.punctuation import TOKENIZER_PREFIXES as BASE_PREFIXES
from spacy.lang.punctuation import TOKENIZER_SUFFIXES as BASE_SUFFIXES

from .. import lexicon

KAZAKH_LOWER = "әғқңөұүһі"
KAZAKH_UPPER = "ӘҒҚҢӨҰҮҺІ"
ALPHA_KK = ALPHA + KAZAKH_LOWER + KAZAKH_UPPER
ALPHA_LOWER_KK = ALPHA_LOWER + KAZAKH_LOWER
ALPHA_UPPER_KK = ALPHA_UPPER + KAZAKH_UPPER
_HYPHENS_NO_DASH = HYPHENS.replace("-", "").strip("|").replace("||", "")

TOKENIZER_PREFIXES = [row[0] for row in lexicon("kk", "tokenizer_prefixes")] + list(BASE_PREFIXES) + [
    # a period glued to the next sentence's first word: `.Заңымен`
    r"\.(?=[{au}])".format(au=ALPHA_UPPER_KK),
]

TOKENIZER_SUFFIXES = list(BASE_SUFFIXES) + [
    # a period after a Kazakh lowercase letter ends a sentence (the default
    # rule only knows spaCy's ALPHA_LOWER)
    r"(?<=[{al}])\.".format(al=KAZAKH_LOWER),
]

TOKENIZER_INFIXES = (
    LIST_ELLIPSES
    + LIST_ICONS
    + [
        r"(?<=[0-9])[+\-\*^](?=[0-9-])",
        r"(?<=[{al}{q}])\.(?=[{au}{q}])".format(al=ALPHA_LOWER_KK, au=ALPHA_UPPER_KK, q=CONCAT_QUOTES),
        r"(?<=[{a}]),(?=[{a}])".format(a=ALPHA_KK),
        r"(?<=[{a}])(?:{h})(?=[{a}])".format(a=ALPHA_KK, h=_HYPHENS_NO_DASH),
        r"(?<=[{a}0-9])[:<>=/](?=[{a}])".format(a=ALPHA_KK),
        r"(?<=[0-9])-(?=[{a}])".format(a=ALPHA_KK),
        # a sentence glued to the next by a PDF export: бекітілсін.баяндама
        # (abbreviations like т.б. have one letter before the period)
        r"(?<=[{al}][{al}])\.(?=[{al}][{al}])".format(al=ALPHA_LOWER_KK),
        # a number glued to the word before it by a PDF export: `қоғамдық16-бабына`
        # (only after lowercase: identifiers like V2300033329 stay whole)
        r"(?<=[{al}])(?=[0-9])".format(al=ALPHA_LOWER_KK),
        # a closing bracket glued to what follows: `2-тармағы).25-бабының`
        r"(?<=[{a}])[)\]](?=[.,;]?[0-9{a}])".format(a=ALPHA_KK),
        r"(?<=[)\]])[.,;](?=[0-9{a}])".format(a=ALPHA_KK),
        # an ending hyphenated to a closing quote or bracket is its own token:
        # `«Самұрық-Қазына»-ға` -> « Самұрық-Қазына » -ға
        r"(?<=[{a}0-9.])[»\"”)\]](?=-[{a}])".format(a=ALPHA_KK),
        # a comma glued between a word and a number: `маңдайшалар,21-бабында`
        r"(?<=[{a}]),(?=[0-9])".format(a=ALPHA_KK),
    ]
)
