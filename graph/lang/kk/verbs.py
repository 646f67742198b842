"""Kazakh verb forms that carry commands and duties, brought to the
dictionary form (the -у infinitive) that an obligation's `action` uses.

Commands are clause-final finite forms: the 3rd person imperative
(`бекітілсін`, `жіберсін`), its negative (`берілмесін`) and the signatory's
1st person (`қалдырамын`). Duties, rights and prohibitions hang on a verbal
noun (`кемсітуге болмайды`, `шығуы тиіс`), whose case and possessive endings
`morph.lemma` peels off. The passive (-ыл/-іл, -ын/-ін after л, -л after a
vowel) is undone on request, because a command's action names the deed
(`бекіту`), not the state (`бекітілу`). Endings live in lexicon/verbs.tsv.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon
from . import morph

_VOWELS = frozenset("аәеёиоөұүыіэюя")
_LOOKALIKES = str.maketrans({"i": "і", "I": "І"})
_MIN_STEM = 2  # a passive is only peeled off when a real stem stays (кел-, ал- are stems)


@lru_cache(maxsize=1)
def _endings() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for row in lexicon("kk", "verbs"):
        out.setdefault(row[0], []).append(row[1])
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


@dataclass(frozen=True, slots=True)
class Command:
    """A finite command form: its dictionary form and what it says about the bearer."""

    lemma: str
    passive: bool
    negative: bool
    first_person: bool


def _norm(word: str) -> str:
    return word.translate(_LOOKALIKES).casefold()


def active_stem(stem: str) -> tuple[str, bool]:
    """The stem without its passive suffix, and whether one was removed:
    `бекітіл` -> (`бекіт`, True), `анықтал` -> (`анықта`, True),
    `белгілен` -> (`белгіле`, True), `жібер` -> (`жібер`, False)."""
    e = _endings()
    for suf in e["passive_l"]:
        if stem.endswith(suf) and len(stem) - len(suf) >= _MIN_STEM and stem[-len(suf) - 1] == "л":
            return stem[: -len(suf)], True
    for suf in e.get("passive_la", ()):
        rest = stem[: -len(suf)]
        if stem.endswith(suf) and len(rest) > _MIN_STEM + 1 and rest.endswith(("ла", "ле")):
            return rest, True
    for suf in e["passive"]:
        rest = stem[: -len(suf)]
        if stem.endswith(suf) and len(rest) > _MIN_STEM and rest[-1] not in _VOWELS:
            return rest, True
    for suf in e["passive_vowel"]:
        rest = stem[: -len(suf)]
        if stem.endswith(suf) and len(rest) > _MIN_STEM and rest[-1] in _VOWELS:
            return rest, True
    return stem, False


def infinitive(stem: str) -> str:
    """The dictionary form of a verb stem: `бекіт` -> `бекіту`, `анықта` -> `анықтау`,
    `оқы` -> `оқу` (a stem-final ы/і merges into у), `қой` -> `қою`."""
    inf = _endings()["infinitive"][0]
    if stem.endswith(("ы", "і")):
        return stem[:-1] + inf
    if stem.endswith("й"):
        return stem[:-1] + "ю"
    return stem + inf


@lru_cache(maxsize=65536)
def command(word: str) -> Command | None:
    """Read `word` as a command form, or None: `бекітілсін` -> бекіту (passive),
    `жіберсін` -> жіберу, `берілмесін` -> беру (negative), `қалдырамын` -> қалдыру.

    An -сын/-сін after a vowel is also the accusative of a possessive noun
    (`ставкасын`, `ережесін`); callers only ask about clause-final words,
    where a noun in the accusative does not stand."""
    w = _norm(word)
    e = _endings()
    for kind in ("neg_imperative", "imperative", "first_person"):
        for suf in e[kind]:
            if w.endswith(suf) and len(w) - len(suf) >= _MIN_STEM:
                stem = w[: -len(suf)]
                if kind == "neg_imperative" and stem[-1] in _VOWELS:
                    continue  # мөлшерле-месін is a noun's accusative, беріл-месін a command
                if kind == "imperative" and stem[-1] in _VOWELS and not stem.endswith(e["verb_syllable"]):
                    # қабылда-сын is a command, ставка-сын and қаулы-сын accusatives
                    return None
                active, passive = active_stem(stem)
                return Command(infinitive(active), passive, kind == "neg_imperative",
                               kind == "first_person")
    return None


@lru_cache(maxsize=65536)
def verbal_noun(word: str, *, active: bool = False) -> str | None:
    """The dictionary form of a verbal noun in any case (`кемсітуге` -> `кемсіту`,
    `шығуы` -> `шығу`, `оралуына` -> `оралу`), or None for other words. With
    `active`, the passive is undone too (`шектелуі` -> `шектеу`)."""
    w = _norm(word)
    if "-" in w:  # жүріп-тұруға: only the last part inflects
        head, _, last = w.rpartition("-")
        base = verbal_noun(last, active=active)
        return f"{head}-{base}" if base else None
    lem = _norm(morph.lemma(w))
    for vn in _endings()["verbal_noun"]:
        if lem.endswith(vn) and len(lem) >= 3 and lem[-2] not in "ую":
            if active:
                stem = lem[: -len(vn)] + ("й" if vn == "ю" else "")
                return infinitive(active_stem(stem)[0])
            return lem
    return None


def assigns(lemma: str) -> bool:
    """Whether the verb puts a duty on its dative addressee (`жүктеу`, `тапсыру`)."""
    return lemma in _endings().get("assigns", ())
