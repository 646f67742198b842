"""Provisions: the articles, parts, paragraphs and subparagraphs a text cites.

Kazakh cites structural units as a chain from the largest unit to the
smallest, each unit a number (or list of numbers) followed by the unit word,
every unit but the last in the genitive or the bare possessive:

    Заңының 6-бабы 1-тармағының 15) тармақшасына сәйкес

Russian writes the unit word first and goes from the smallest unit to the
largest, the act after the chain (`подпунктом 15) пункта 1 статьи 6 Закона`).

The stage has three parts, each in its own module:

* `grammar`: the chain grammar, linear over tokens, from `units.tsv` (unit
  words, list joiners, pointing words) and `morph.analyse` (a unit word's
  number, possessive and case); lists and ranges are expanded there.
* `acts`: the act a chain names: the instrument right before it (Kazakh) or
  after it (Russian), a bare act word (`Кодекстің 2-бабы`), the act an
  amendment list under way amends.
* `context`: what a chain leaves to the text around it: the article `аталған
  баптың` points back to, the article a list of smaller units continues, and,
  when no act is named, the act the sentence or the earlier chains name
  (marked `_instrument_context`), else perhaps the document itself.

Each provision is one `Found` per expanded unit, with `instrument` (what was
seen of the act) and the private hints `_instrument_span`,
`_instrument_anaphora` and `_instrument_context` that the resolve stage turns
into the final act and then drops.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from ...models import Found
from .context import Reading
from .grammar import FIELDS, LANGS, grammar, lowered, spots, unit_of, windows

if TYPE_CHECKING:
    from .. import Findings

__all__ = ["FIELDS", "LANGS", "find", "grammar", "unit_of"]


def find(text: str, found: "Findings") -> list[Found]:
    """Every provision cited in `text`, in text order, one pass per language."""
    instruments = found.of("instrument")
    where = spots(lowered(text))
    out: list[Found] = []
    for lang in LANGS:
        reading = Reading(text, instruments, lang)
        at = where[lang]
        for lo, hi in windows(text, at, lang):
            out.extend(reading.window(lo, hi, at[bisect_left(at, lo):bisect_left(at, hi)]))
    out.sort(key=lambda f: (f.start, f.end))
    return out

