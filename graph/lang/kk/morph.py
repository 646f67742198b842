"""Kazakh noun endings: reduce an inflected form to the form a name is listed in.

A noun is stem + plural + 3rd person possessive + case (+ attributive -ғы/-гі
after a locative), each ending chosen by vowel harmony and the last letter
(LANGUAGE_NOTES.md §1). The endings live in `lexicon/endings.tsv`, the stems
the rules alone get wrong in `lexicon/stems.tsv`.

Analysis is generate-and-test: every way of peeling endings off a word is
re-inflected with `inflect`, and only splits that give back the word itself
survive. So `analyse` can never accept a form that `inflect` would not
produce, and the paradigm tests check both directions at once.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .. import lexicon

CASES = ("gen", "dat", "acc", "loc", "abl", "ins")


@dataclass(frozen=True, slots=True)
class Analysis:
    """One reading of a noun form: `тармақтарына` = тармақ, plural, possessive, dat."""

    stem: str
    plural: bool = False
    possessive: bool = False
    case: str | None = None
    attributive: bool = False

    @property
    def morphemes(self) -> int:
        return self.plural + self.possessive + (self.case is not None) + self.attributive


@dataclass(frozen=True, slots=True)
class _Rules:
    letter_class: dict[str, str]
    back: frozenset[str]
    front: frozenset[str]
    glides: frozenset[str]
    voicing: dict[str, str]
    endings: dict[tuple[str, str], tuple[str, str]]  # (name, after-class) -> (back, front)
    forms: dict[str, frozenset[str]]  # name -> every allomorph, both harmonies
    nominative: frozenset[str]
    known: frozenset[str]
    epenthetic: dict[str, str]
    epenthetic_back: dict[str, str]
    front_stems: frozenset[str]
    novoice: frozenset[str]
    elided: dict[str, str]
    elided_back: dict[str, str]
    poss_after_vowel: tuple[str, ...]  # -сы/-сі
    poss_after_consonant: tuple[str, ...]  # -ы/-і
    odd_final: dict[str, str]  # stem-end heuristics, see `_odd_stem` / `_odd_possessive`
    lookalikes: dict[int, str]  # str.translate table: look-alike letter -> Kazakh letter


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    letter_class: dict[str, str] = {}
    back: set[str] = set()
    front: set[str] = set()
    glides: set[str] = set()
    voicing: dict[str, str] = {}
    endings: dict[tuple[str, str], tuple[str, str]] = {}
    forms: dict[str, set[str]] = {}
    odd_final: dict[str, str] = {}
    lookalikes: dict[str, str] = {}
    for row in lexicon("kk", "endings"):
        kind = row[0]
        if kind == "lookalike":
            lookalikes[row[1]] = row[2]
            lookalikes[row[1].upper()] = row[2]
        elif kind == "split":
            odd_final[row[1]] = row[2]
        if kind == "letters":
            for ch in row[2]:
                letter_class[ch] = row[1]
        elif kind == "harmony":
            {"back": back, "front": front, "glide": glides}[row[1]].update(row[2])
        elif kind == "voicing":
            voicing[row[1]] = row[2]
        elif kind == "ending":
            _slot, name, after, b, f = row[1:6]
            endings[(name, after)] = (b, f)
            forms.setdefault(name, set()).update((b, f))
    stems: dict[str, list[tuple[str, ...]]] = {}
    for row in lexicon("kk", "stems"):
        stems.setdefault(row[0], []).append(row[1:])
    epenthetic = {r[0]: r[1] for r in stems.get("epenthetic", [])}
    # number words (алты, бірінші) end like endings too
    numbers = {row[1] for row in lexicon("kk", "numbers") if row[0] in ("cardinal", "ordinal")}
    nominative = {r[0] for r in stems.get("nominative", [])} | numbers
    return _Rules(
        letter_class=letter_class,
        back=frozenset(back),
        front=frozenset(front),
        glides=frozenset(glides),
        voicing=voicing,
        endings=endings,
        forms={k: frozenset(v) for k, v in forms.items()},
        nominative=frozenset(nominative),
        known=frozenset({r[0] for r in stems.get("known", [])} | nominative
                        | {r[0] for r in stems.get("elided", [])} | set(epenthetic)),
        epenthetic=epenthetic,
        epenthetic_back={v: k for k, v in epenthetic.items()},
        front_stems=frozenset(r[0] for r in stems.get("front", [])),
        novoice=frozenset(r[0] for r in stems.get("novoice", [])),
        elided={r[0]: r[1] for r in stems.get("elided", [])},
        elided_back={r[1]: r[0] for r in stems.get("elided", [])},
        poss_after_vowel=endings[("p3", "V")],
        poss_after_consonant=endings[("p3", "N")],
        odd_final=odd_final,
        lookalikes=str.maketrans(lookalikes),
    )


def _last_class(form: str) -> str:
    rules = _rules()
    for ch in reversed(form):
        cls = rules.letter_class.get(ch)
        if cls is not None:
            return cls
    return "T"


def is_front(form: str) -> bool:
    """Whether the next suffix takes its front form. у/ю are back vowels inside
    a word (институты) but glides at its end (кіруі, тарауы, тиюі)."""
    rules = _rules()
    for i in range(len(form) - 1, -1, -1):
        ch = form[i]
        if ch in rules.glides and i == len(form) - 1:
            continue
        if ch in rules.front:
            return True
        if ch in rules.back:
            return False
    return False


def _add(form: str, name: str, after: str, front: bool) -> str:
    rules = _rules()
    pair = rules.endings.get((name, after)) or rules.endings[(name, "*")]
    return form + pair[1 if front else 0]


@lru_cache(maxsize=262144)
def inflect(stem: str, plural: bool = False, possessive: bool = False,
            case: str | None = None, attributive: bool = False) -> str:
    """The form of `stem` with the given endings, in lower case:
    inflect("тармақ", plural=True, possessive=True, case="dat") == "тармақтарына"."""
    if case is not None and case not in CASES:
        raise ValueError(f"unknown case {case!r}; expected one of {CASES}")
    if attributive and case != "loc":
        raise ValueError("the attributive -ғы/-гі only follows a locative")
    rules = _rules()
    stem = normalise(stem)
    if not (plural or possessive or case):
        return stem
    form = rules.epenthetic.get(stem, stem)
    forced_front = stem in rules.front_stems

    def front_of(f: str) -> bool:
        return True if (forced_front and f == form_stem) else is_front(f)

    form_stem = form
    if plural:
        form = _add(form, "pl", _last_class(form), front_of(form))
    if possessive:
        after = _last_class(form)
        if form == form_stem and stem in rules.elided:  # орын -> орны
            form = form_stem = rules.elided[stem]
        elif after != "V" and form == form_stem and form[-1] in rules.voicing and stem not in rules.novoice:
            form = form[:-1] + rules.voicing[form[-1]]
            form_stem = form
        form = _add(form, "p3", "V" if after == "V" else after, front_of(form))
    if case:
        after = "P" if possessive else _last_class(form)
        form = _add(form, case, after, front_of(form))
    if attributive:
        form = _add(form, "attr", "*", front_of(form))
    return form


def _peel(word: str, name: str) -> list[str]:
    """What is left of `word` after each allomorph of ending `name` it ends with."""
    return [word[: -len(f)] for f in _rules().forms[name] if f and word.endswith(f) and len(word) > len(f)]


def _stem_candidates(rest: str, possessive_removed: str) -> list[str]:
    """Stems a remainder may come from: undo п/к/қ voicing after a removed -ы/-і
    (тармағы -> тармақ; `_odd_stem` ranks жылқ+ы below жылғы), and map an
    epenthetic form (акті) or an elided one (орн) back to its stem (акт, орын)."""
    rules = _rules()
    out = [rest]
    if possessive_removed in rules.poss_after_consonant and len(rest) >= 2:
        for plain, voiced in rules.voicing.items():
            if rest.endswith(voiced):
                out.append(rest[:-1] + plain)
    if possessive_removed in rules.poss_after_consonant and rest in rules.elided_back:
        out.append(rules.elided_back[rest])
    return [rules.epenthetic_back.get(s, s) for s in out]


def _plausible_stem(stem: str) -> bool:
    rules = _rules()
    return len(stem) >= 2 and any(ch in rules.front or ch in rules.back for ch in stem)


def _odd_stem(stem: str) -> bool:
    """Stems Kazakh doesn't have, so that a reading needing one loses: a final
    б/г/ғ (native stems devoice: жылғ+ы), a consonant + к/қ (сыртқ+ы), + ш (the
    agent and ordinal -шы/-ші: атқаруш+ы, бірінш+і) or + л (the adjectives in
    -лы/-лі: сайлаул+ы), a consonant-vowel stem (са+ны is саны = сан+ы)."""
    rules = _rules()
    if stem in rules.novoice or stem in rules.known or len(stem) < 2:
        return False
    if stem[-1] in rules.voicing.values() and not stem.endswith("нг"):
        return True  # (loanwords in -нг keep their г: холдинг, лизинг)
    if len(stem) == 2 and _last_class(stem) == "V" and _last_class(stem[0]) != "V":
        return True
    return stem[-1] in rules.odd_final["after_consonant"] and (_last_class(stem[-2]) != "V" or stem[-2] in rules.glides)


def _odd_possessive(a: Analysis) -> bool:
    """-сы after a vowel or -ы after с? A vowel stem + -сы when that vowel is
    а/я/е/ә/о/ө (Конституциясы, ережесі) or ends -шы/-ші/-ғы/-гі/-қы/-кі
    (қатысушысы, белгісі); a с-stem + -ы otherwise (облысы, жұмысы)."""
    rules = _rules()
    if not a.possessive or a.plural or len(a.stem) < 2 or a.stem in rules.known:
        return False
    vowels = rules.odd_final["sy_vowels"]
    if a.stem.endswith("с"):
        return a.stem[-2] in vowels
    if _last_class(a.stem) == "V":
        return a.stem[-1] not in vowels and a.stem[-2:] not in rules.odd_final["sy_endings"].split()
    return False


def _rank(a: Analysis) -> tuple:
    """Order readings best first: a listed stem; then a plausible stem end; then
    the -сы/-ы split; then the reading that explains more of the word."""
    return (a.stem not in _rules().known, _odd_stem(a.stem), _odd_possessive(a), -a.morphemes, len(a.stem))


@lru_cache(maxsize=262144)
def _analyse_lower(word: str) -> tuple[Analysis, ...]:
    rules = _rules()
    found: set[Analysis] = {Analysis(word)}
    if word in rules.nominative:
        return (Analysis(word),)
    starts = [(word, False)] + [(r, True) for r in _peel(word, "attr")]
    for w1, attributive in starts:
        cased = [(w1, None)] if not attributive else []
        for case in (CASES if not attributive else ("loc",)):
            cased += [(r, case) for r in _peel(w1, case)]
        for w2, case in cased:
            owned = [(w2, False, "")]
            for p in rules.poss_after_vowel + rules.poss_after_consonant:
                if w2.endswith(p) and len(w2) > len(p):
                    owned.append((w2[: -len(p)], True, p))
            for w3, possessive, p in owned:
                numbered = [(w3, False)] + [(r, True) for r in _peel(w3, "pl")]
                for w4, plural in numbered:
                    for stem in _stem_candidates(w4, p if not plural else ""):
                        if not _plausible_stem(stem):
                            continue
                        a = Analysis(stem, plural, possessive, case, attributive)
                        if inflect(stem, plural, possessive, case, attributive) == word:
                            found.add(a)
    if word.endswith("н") and word[:-1] in rules.epenthetic_back:
        # the short accusative after an inserted vowel (пактін for пактіні),
        # a variant inflect() never writes but texts do
        found.add(Analysis(rules.epenthetic_back[word[:-1]], case="acc"))
    return tuple(sorted(found, key=_rank))


@lru_cache(maxsize=262144)
def normalise(word: str) -> str:
    """Lower case, with look-alike letters read as Kazakh ones (`Кеңесi` with a
    Latin i -> `кеңесі`; legacy-font `Ќазаќстан` -> `қазақстан`)."""
    return word.lower().translate(_rules().lookalikes)


_norm = normalise


def _recase(original: str, form: str) -> str:
    """Give `form` the letter case of `original`, position by position
    (Заңының -> Заңы, ЗАҢЫНЫҢ -> ЗАҢЫ, тармағының -> тармақ)."""
    low = _norm(original)
    if low.startswith(form) and len(low) == len(original) and "Σ" not in original:
        return original[:len(form)]  # every letter of `form` is the original's (a whole-word
        # lower() differs from a letter's only for İ, which changes the length, and final Σ)
    out = []
    for i, ch in enumerate(form):
        if i < len(original):
            o = original[i]
            if _norm(o) == ch:
                out.append(o)
                continue
            out.append(ch.upper() if o.isupper() else ch)
        else:
            out.append(ch.upper() if original.isupper() and len(original) > 1 else ch)
    return "".join(out)


def _is_kazakh_word(word: str) -> bool:
    return len(word) > 1 and all(("\u0400" <= ch <= "\u04ff") or ch in "iI" for ch in word)


def analyse(word: str) -> list[Analysis]:
    """Every reading of a noun form that `inflect` confirms, best first; stems are
    in lower case. A word that is not a Cyrillic word gets its bare reading."""
    return list(_readings(word))


@lru_cache(maxsize=262144)
def _readings(word: str) -> tuple[Analysis, ...]:
    """`analyse`, memoised per word (extractors ask about the same words over and over)."""
    if not _is_kazakh_word(word):
        return (Analysis(word),)
    return _analyse_lower(_norm(word))


def _split_compound(word: str) -> tuple[str, str]:
    """`Қылмыстық-процестік` -> (`Қылмыстық-`, `процестік`): endings sit on the last part."""
    cut = word.rfind("-")
    return (word[: cut + 1], word[cut + 1:]) if cut >= 0 else ("", word)


@lru_cache(maxsize=262144)
def drop_case(word: str) -> str:
    """The form without its case ending, keeping possessive and plural:
    `министрлігінің` -> `министрлігі`, `конвенцияның` -> `конвенция`,
    `БҰҰ-ның` -> `БҰҰ`."""
    base, ending = split_hyphen_suffix(word)
    if ending:
        kept = _ending_without_case(ending)
        return base + ("-" + kept if kept else "")
    head, last = _split_compound(word)
    if not _is_kazakh_word(last):
        return word
    best = _analyse_lower(_norm(last))[0]
    return head + _recase(last, inflect(best.stem, best.plural, best.possessive))


@lru_cache(maxsize=262144)
def lemma(word: str) -> str:
    """The dictionary form without case, possessive and plural:
    `кодексінің` -> `кодекс`, `баптары` -> `бап`, `Жарлығымен` -> `Жарлық`."""
    base, ending = split_hyphen_suffix(word)
    if ending:
        return base
    head, last = _split_compound(word)
    if not _is_kazakh_word(last):
        return word
    best = _analyse_lower(_norm(last))[0]
    return head + _recase(last, best.stem)


@lru_cache(maxsize=1)
def _hyphen_endings() -> tuple[frozenset[str], frozenset[str]]:
    """Every ending sequence that may follow a hyphen on a number or an
    abbreviation, in both harmonies (the harmony follows the spoken word, which
    the digits don't show), and the subset that carries no case."""
    rules = _rules()
    ordinals = {row[1] for row in lexicon("kk", "numbers") if row[0] == "ordinal_suffix"}
    plural = rules.forms["pl"] | {""}
    poss = rules.forms["p3"] | {""}
    bare = {pl + p for pl in plural for p in poss}
    cased = set()
    for case in CASES:
        cased |= {b + c for b in bare for c in rules.forms[case]}
    cased |= {b + c + a for b in bare for c in rules.forms["loc"] for a in rules.forms["attr"]}
    ordinal_forms = {o + p for o in ordinals for p in ("",) + rules.poss_after_vowel}
    ordinal_forms |= {o + c for o in ordinals for case in CASES for c in rules.forms[case]}
    every = frozenset((bare | cased | ordinal_forms) - {""})
    return every, frozenset(bare - {""})


def _ending_without_case(ending: str) -> str:
    """The plural/possessive part of a hyphen ending (`ының` -> `ы`, `ы` -> `ы`)."""
    _every, bare = _hyphen_endings()
    low = _norm(ending)
    for n in range(len(low), 0, -1):
        if low[:n] in bare:
            return ending[:n]
    return ""


def split_hyphen_suffix(token: str) -> tuple[str, str]:
    """Split an ending written after a hyphen on an abbreviation or number:
    `БҰҰ-ның` -> (`БҰҰ`, `ның`), `331-ге` -> (`331`, `ге`), `11-інде` -> (`11`, `інде`),
    `366-шы` -> (`366`, `шы`). Anything else -> (token, ""): `14-бабы` is a
    number and a noun, not an ending."""
    cut = token.rfind("-")
    if cut <= 0 or cut == len(token) - 1:
        return token, ""
    base, ending = token[:cut], token[cut + 1:]
    every, _bare = _hyphen_endings()
    if _norm(ending) not in every:
        return token, ""
    if not (base[-1].isdigit() or base[-1].isupper() or base[-1] in "IVXLCDMІ"):
        return token, ""
    return base, ending


@lru_cache(maxsize=1)
def hyphen_ending_pattern() -> str:
    """A regex (source) for the endings `split_hyphen_suffix` accepts, built from
    the same lexicon: plural? possessive? (case | locative attributive?)?, or an
    ordinal ending with a possessive or a case. Literal alternatives in
    optional groups, anchored by the caller: linear-time matching."""
    rules = _rules()
    ordinals = {row[1] for row in lexicon("kk", "numbers") if row[0] == "ordinal_suffix"}

    def alt(forms) -> str:
        return "(?:" + "|".join(sorted({f for f in forms if f}, key=len, reverse=True)) + ")"

    cases = set().union(*(rules.forms[c] for c in CASES))
    nominal = (f"{alt(rules.forms['pl'])}?{alt(rules.forms['p3'])}?"
               f"(?:{alt(rules.forms['loc'])}{alt(rules.forms['attr'])}|{alt(cases)})?")
    ordinal = f"{alt(ordinals)}(?:{alt(rules.poss_after_vowel)}|{alt(cases)})?"
    return f"(?=[^\\W\\d_])(?:{ordinal}|{nominal})"
