"""Institutions: state bodies, courts, offices that act as organs, international
bodies and organisations, each named as a register lists it.

Kazakh puts the head noun last (`... Сыртқы істер министрлігінің`), so the
grammar finds a head noun (lexicon `institution_heads`) and walks left over the
words of its name: capitalised words, the lower-case words between them,
genitive chains of other bodies (`... Ұйымының ... комитеті`) and linkers
(`жанындағы`, `жөніндегі`, lexicon `institution_linkers`). The walk stops at
punctuation, at words that never sit in a name (`institution_stop`) and at
case forms that a name cannot contain. A body that is only part of a larger
body's name is not a mention of its own (GOLD_SPEC, nesting).

Most words of a text are never read: a prefilter (`_anchors`: a few regexes
built from the lexicons) finds the words that begin like a head noun, the
quotations before a legal form and the abbreviations, and the grammar reads
only a window of tokens around each (`tokens.Reader`).

A second pass gives one body one name per document: a short later form
(`Үкімет`, `Комитет`, `Мәдениет және ақпарат министрлігі`) takes the full name
it abbreviates, and an abbreviation (`БҰҰ`, or one defined in brackets) takes
the full name with `short` set.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING, NamedTuple

from ..lang import lexicon
from ..lang.kk import morph
from ..models import Found
from . import institutions_ru
from .tokens import HYPHENS, NONSPACE, TOKEN, WORD_CHAR, Reader, Token, alternation, tokenize, word_start, words_at

if TYPE_CHECKING:
    from . import Findings

_OPEN_QUOTES = "«“„"
_CLOSE_QUOTES = "»”"
_PLAIN_QUOTES = "\"'"
_OPENERS = _OPEN_QUOTES + _PLAIN_QUOTES  # marks a quotation may open with
_DASHES = "-–—"
_MAX_SPAN = 24  # tokens a name may take left of its head
_MAX_LOWER_RUN = 10  # lower-case words between two capitalised name words
_MAX_SPECIFIER = 6  # lower-case words a linker governs at the left edge of a name


@dataclass(frozen=True, slots=True)
class Head:
    """A head noun of institution names and what it names."""

    lemma: str
    kind: str
    role: str  # body | office
    scope: str  # national | any
    form: str  # any | noattr | cap | poss (see the lexicon)
    same_as: str


@dataclass(frozen=True, slots=True)
class HeadWord:
    """A token read as a form of a head noun."""

    head: Head
    plural: bool
    possessive: bool
    case: str | None


_start = attrgetter("start")


class Candidate(NamedTuple):
    """One institution mention before identity is settled. Tokens are named by
    where they start in the text (each is read in its own window of tokens).
    A named tuple: cheap to make, and there is one per head noun read."""

    start: int
    end: int
    name: str
    short: str
    lemma: str  # head lemma (after same_as), "" for abbreviations
    scope: str
    bare: bool  # the head alone, capitalised: `Үкімет`, `Комитет`
    quoted: bool = False  # the name holds a quotation: a proper name of its own
    weak: bool = False  # lower case only (`облыс әкімдігі`): kept only as a short form
    span: tuple[int, ...] = ()  # where each token of the name starts, the head (or abbreviation) last
    bracket: tuple[str, tuple[int, ...]] | None = None  # `(бұдан әрі – ТМД)` right after: the short form, its tokens
    post: bool = False  # an office held in the body named right before it (`_post_in_body`)

    @property
    def head(self) -> int:
        """Where the head token (the abbreviation's last word) starts."""
        return self.span[-1]


# ---------------------------------------------------------------- lexicons


@lru_cache(maxsize=1)
def heads() -> dict[str, Head]:
    out = {}
    for row in lexicon("kk", "institution_heads"):
        lemma, kind, role, scope, form = row[:5]
        same_as = row[5] if len(row) > 5 and row[5] else lemma
        out[lemma] = Head(lemma, kind, role, scope, form, same_as)
    return out


@lru_cache(maxsize=1)
def _head_prefixes() -> frozenset[str]:
    return frozenset(_prefix(lemma.split("-")[-1]) for lemma in heads())


def _prefix(low: str) -> str:
    return low[:3]


@lru_cache(maxsize=1)
def linkers() -> dict[str, tuple[str, bool]]:
    """word -> (case it governs, kept in the name)."""
    return {r[0]: (r[1], r[2] == "yes") for r in lexicon("kk", "institution_linkers")}


@lru_cache(maxsize=1)
def _place_linkers() -> frozenset[str]:
    return frozenset(r[0] for r in lexicon("kk", "institution_linkers") if len(r) > 3 and r[3] == "yes")


@lru_cache(maxsize=1)
def _stop() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for kind, text in lexicon("kk", "institution_stop"):
        out.setdefault(kind, set()).add(text)
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def _legal_forms() -> tuple[tuple[str, ...], ...]:
    """Legal forms after a quoted name, longest first, as word beginnings."""
    rows = {tuple(_low(w) for w in r[0].split()) for r in lexicon("kk", "institution_forms")}
    return tuple(sorted(rows, key=len, reverse=True))


@lru_cache(maxsize=1)
def _quantities() -> frozenset[str]:
    """Words that count things: number words and `бірнеше`, `әрбір` ..."""
    return _stop().get("quantity", frozenset()) | frozenset(
        r[1] for r in lexicon("kk", "numbers") if r[0] == "cardinal")


@lru_cache(maxsize=1)
def abbreviations() -> dict[str, tuple[str, str]]:
    """abbr -> (kind, full name)."""
    return {r[0]: (r[1], r[2]) for r in lexicon("kk", "abbreviations")}


@lru_cache(maxsize=1)
def _organisation_letters() -> frozenset[str]:
    """Last letters that make an abbreviation an organisation's (`Ұ` = ұйым)."""
    return frozenset(a for a, (k, _f) in abbreviations().items() if k == "head_letter")


# ---------------------------------------------------------------- words


@lru_cache(maxsize=65536)
def _low(word: str) -> str:
    """Lower case with the Latin look-alike `i` read as Kazakh `і` (LANGUAGE_NOTES.md §9)."""
    return word.lower().replace("i", "і")


def _is_cap(word: str) -> bool:
    return word[:1].isupper()


@lru_cache(maxsize=65536)
def _abbr_base(word: str) -> str:
    """`БҰҰ-ның` -> `БҰҰ`; a word that is not an abbreviation -> ""."""
    base, _ending = morph.split_hyphen_suffix(word)
    if base in abbreviations():
        return base  # listed, whatever its letter case
    letters = [c for c in base if c.isalpha()]
    if len(letters) < 2 or sum(c.isupper() for c in letters) < max(2, len(letters) - 2):
        return ""
    if not base.replace("-", "").isalpha():
        return ""
    if len(letters) > 6 and base not in abbreviations():
        return ""  # a word in capitals (`ҚАЗАҚСТАН`), not an abbreviation
    return base


@lru_cache(maxsize=65536)
def head_word(word: str) -> HeadWord | None:
    """The head noun `word` is a form of, with its endings; None if none."""
    if _abbr_base(word) and word.isupper():
        return None
    low = _low(word)
    table = heads()
    last = low.rsplit("-", 1)[-1]
    if _prefix(last) not in _head_prefixes() and _prefix(low) not in _head_prefixes():
        return None
    if low in table:
        return HeadWord(table[low], False, False, None)
    cut = word.rfind("-")
    prefix = low[:cut + 1]
    for reading in morph.analyse(word[cut + 1:]):
        stem = prefix + reading.stem.lower()
        if stem in table and not reading.attributive:
            return HeadWord(table[stem], reading.plural, reading.possessive, reading.case)
    return None


@lru_cache(maxsize=65536)
def _reading(word: str):
    """The best reading of a non-head word (of its last part if hyphenated)."""
    return morph.analyse(word.rsplit("-", 1)[-1])[0]


@lru_cache(maxsize=65536)
def _ends_like(low: str, kind: str) -> bool:
    """`low` ends in one of the endings of `kind` in the stop lexicon (`ordinal`, `finite` ...)."""
    return any(low.endswith(e) for e in _stop().get(kind, ()))


@lru_cache(maxsize=65536)
def _is_verb_form(low: str) -> bool:
    return any(low.endswith(e) and len(low) > len(e) + 2 for e in _stop().get("verb", ()))


@lru_cache(maxsize=65536)
def _is_document(word: str) -> bool:
    """A bare act or document noun (`баяндама`, `есеп`): the subject of a
    report sentence, never a modifier inside a body's name."""
    r = _reading(word)
    if r.case or r.possessive or r.plural:
        return False
    low = _low(word)
    return low in _stop().get("act", ()) or low in _stop().get("document", ())


@lru_cache(maxsize=65536)
def _is_act_word(word: str) -> bool:
    return _lemma_low(word) in _stop().get("act", ()) or _low(word) in _stop().get("act", ())


# ---------------------------------------------------------------- the grammar


def _accepts_head(tokens: list[Token], i: int, hw: HeadWord) -> bool:
    word = tokens[i].text
    if hw.head.form == "cap" and not _is_cap(word) and not _after_genitive_body(tokens, i):
        return False
    if hw.head.form == "poss" and not hw.possessive:
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if _is_modifier(word, hw) and nxt is not None and nxt.word and _owned(nxt.text):
        return False  # `сот алқасы`, `сот орындаушыларының`: it modifies the next noun
    if _modifies_named_noun(tokens, i, hw):
        return False  # `Сот сараптамалары орталығы`: a word of the next name
    if hw.head.form == "noattr" and not (hw.possessive or hw.case or hw.plural) \
            and nxt is not None and nxt.word:
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        if _is_cap(nxt.text) or _owned(nxt.text) or (
                after is not None and after.word and head_word(after.text) is not None):
            return False  # `Кеңес Одағы`, `орталық аппараты`, `Орталық сайлау комиссиясы`
        if not _is_cap(nxt.text) and _ends_like(_low(nxt.text), "agent"):
            return False  # `Орталық атқарушы органдар`: an adjective before a participle
    return True


def _after_genitive_body(tokens: list[Token], i: int) -> bool:
    """`мәслихатының аппараты`, `әкімінің аппараты`: a lower-case unit of the
    body named in the genitive right before it."""
    if i == 0 or not tokens[i - 1].word:
        return False
    before = head_word(tokens[i - 1].text)
    return before is not None and before.case == "gen" and not before.plural


@lru_cache(maxsize=65536)
def _owned(word: str) -> bool:
    """A lower-case noun with the endings of a possessed word or a plural:
    what a bare noun before it modifies."""
    if _is_cap(word) or _low(word) in _stop().get("boundary", ()) or _low(word) in linkers():
        return False
    r = _reading(word)
    return r.possessive or head_word(word) is not None


def _under_post(tokens: list[Token], h: int, hw: HeadWord) -> bool:
    """`министрінің орынбасары`, `әкімінің жетекшілік ететін орынбасарына`:
    the office names a deputy's superior."""
    if hw.head.role != "office" or hw.case != "gen":
        return False
    for t in tokens[h + 1:h + 4]:
        if not t.word or _is_cap(t.text):
            return False
        if _lemma_low(t.text) in _stop().get("post", ()):
            return True
    return False


def _signer(tokens: list[Token], h: int, hw: HeadWord) -> bool:
    """`Жоғарғы Сотының судьясы`, `мәслихатының хатшысы`: a signer's post (a chairman
    is not: `комитетінің төрағасы` names the committee in the acts' own usage)."""
    nxt = tokens[h + 1] if h + 1 < len(tokens) else None
    return hw.case == "gen" and nxt is not None and nxt.word \
        and _lemma_low(nxt.text) in _stop().get("signer", ())


def _is_modifier(word: str, hw: HeadWord) -> bool:
    """A bare, lower-case head noun before another noun is a modifier of it
    (`сот алқасы`, `сот жүйесі`), not a name of its own."""
    return not (hw.possessive or hw.case or hw.plural or _is_cap(word))


def _continues_name(tokens: list[Token], i: int, hw: HeadWord) -> bool:
    """A head left of another name word is part of that name when it is its
    possessor: genitive (`Ұйымының ... комитеті`), or bare possessive right
    before a linker, another head or an adjective of it (`Президенті
    жанындағы`, `Парламенті Сенатының`, `Ассамблеясы ғылыми-сараптамалық
    кеңесі`). Not when a list goes on (`министрлігінің және ...`), a new
    name opens with the country, or the genitive owns a noun of its own
    (`министрлігінің функциялары ...`)."""
    if hw.plural:
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None or not nxt.word:
        return False
    nlow = _low(nxt.text)
    if linkers().get(nlow, ("",))[0] == "conj" or _is_country_start(tokens, i + 1) \
            or _lemma_low(nxt.text) == _country()[0][0]:
        return False  # `министрлігінің Қазақстан халқы Ассамблеясының ...`: a new name
    nhead = head_word(nxt.text)
    if hw.case == "gen":
        if nlow in linkers() or nhead is not None or _is_cap(nxt.text):
            return True
        return not _reading(nxt.text).possessive
    if hw.case is None and (hw.possessive or _is_cap(tokens[i].text)):
        if nlow in linkers() or nhead is not None:
            return True
        if _is_cap(nxt.text) and _possessed_head_ahead(tokens, i + 1):
            return True  # `министрлігі Статистика комитетінің ...`: a chain of possessed bodies
        if _modifies_named_noun(tokens, i, hw):
            return True
        r = _reading(nxt.text)
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        return not _is_cap(nxt.text) and not (r.possessive or r.case or r.plural) \
            and after is not None and after.word and head_word(after.text) is not None
    return False


def _modifies_named_noun(tokens: list[Token], i: int, hw: HeadWord) -> bool:
    """A bare capitalised head before a lower-case possessed noun and another
    head (`Сот сараптамалары орталығы`) is the first word of that name."""
    if hw.case or hw.possessive or hw.plural or not _is_cap(tokens[i].text) or i + 2 >= len(tokens):
        return False
    nxt, after = tokens[i + 1], tokens[i + 2]
    if not (nxt.word and after.word) or _is_cap(nxt.text) or head_word(nxt.text) is not None:
        return False
    ahead = head_word(after.text)
    return _reading(nxt.text).possessive and ahead is not None and not ahead.plural


def _possessed_head_ahead(tokens: list[Token], i: int) -> bool:
    """A head in the genitive or possessed within the few words after the
    capitalised word `i`, with only lower-case name words between
    (`Көші-қон қызметі комитетінің`)."""
    for k in range(i + 1, min(len(tokens), i + 3)):
        t = tokens[k]
        if not t.word:
            return False
        hw = head_word(t.text)
        if hw is not None:
            return not hw.plural and (hw.case == "gen" or (hw.possessive and hw.case is None))
        r = _reading(t.text)
        if _is_cap(t.text) or r.case not in (None, "gen") or _is_verb_form(_low(t.text)) \
                or _low(t.text) in _stop().get("boundary", ()):
            return False  # `министрлігі Біріккен Ұлттар Ұйымының ...`: another name opens
    return False


def _match_open_quote(tokens: list[Token], close: int, limit: int) -> int | None:
    for j in range(close - 1, max(-1, close - limit), -1):
        t = tokens[j].text
        if t in _OPEN_QUOTES or (t in _PLAIN_QUOTES and t == tokens[close].text):
            return j
        if t in ".;:()" or t in _CLOSE_QUOTES:
            return None
    return None


def _named_after(tokens: list[Token], i: int) -> bool:
    """An initial belongs to a name only in `М.Әуезов атындағы ...`."""
    return any(linkers().get(_low(t.text), ("",))[0] == "nom" and _low(t.text) in _stop().get("eponym", ())
               for t in tokens[i + 1:i + 6])


def _after_initial(tokens: list[Token], i: int) -> bool:
    """`Г.Ягодин`, `Э.Ә. Азимова`: a surname after initials, outside an eponym."""
    return i >= 2 and tokens[i - 1].text == "." and len(tokens[i - 2].text) == 1 \
        and tokens[i - 2].text.isupper() and not _named_after(tokens, i - 1)


def _is_country_start(tokens: list[Token], i: int) -> bool:
    """Token `i` starts the country qualifier (`Қазақстан Республикасы...`)."""
    if tokens[i].word and _lemma_low(tokens[i].text) != _country()[0][0]:
        return False  # (most words: no need to look at the next)
    words = [t.text for t in tokens[i:i + len(_country()[0])] if t.word]
    return _has_country(words)


def _quoted_name(inside: list[Token]) -> bool:
    """Quoted words that can be a body's own name (`«Адам құқықтары үшін
    хартия» қоғамдық қоры`): not an act's title ending in `туралы`, not a
    shouted stamp (`"КЕЛІСІЛДІ"`)."""
    words = [t.text for t in inside if t.word]
    if not words or _low(words[-1]) in _stop().get("boundary", ()):
        return False
    return not all(w.isupper() and len(w) > 6 for w in words)


def _verbal_noun_follows(tokens: list[Token], i: int) -> bool:
    """An accusative sits in a name only as the object of a verbal noun
    (`кемсітушілікті жою`, `халықты әлеуметтік қорғау`)."""
    for t in tokens[i + 1:i + 3]:
        if not t.word or _is_cap(t.text):
            return False
        if _ends_like(_low(t.text), "vnoun"):
            return True
    return False


def walk_left(tokens: list[Token], h: int) -> int:
    """Index of the first token of the name whose head is token `h`: the
    leftmost capitalised word (or quotation, abbreviation, possessor body)
    reached before a boundary; lower-case words count only between them."""
    head = head_word(tokens[h].text)
    start = h
    lower_run = 0
    linked = False
    linker_at = -1  # the first linker passed (nearest the head)
    closed = False  # a lower-case possessor was passed: no list goes on to its left
    i = h - 1
    while i >= 0 and h - i <= _MAX_SPAN:
        tok = tokens[i]
        text = tok.text
        if not tok.word:
            if text in _CLOSE_QUOTES or text in _PLAIN_QUOTES:
                j = _match_open_quote(tokens, i, _MAX_SPAN)
                if j is not None and lower_run <= 4 and start in (h, i + 1) \
                        and _quoted_name(tokens[j + 1:i]):
                    start = j  # `«Адам құқықтары үшін хартия» қоғамдық қоры`
                    if j > 0 and _low(tokens[j - 1].text) in _stop().get("eponym", ()):
                        i, lower_run = j - 1, 0  # `Ш.Айманов атындағы «Қазақфильм» киностудиясы`
                        continue
                break
            if text == "." and i > 0 and tokens[i - 1].word and len(tokens[i - 1].text) == 1 \
                    and tokens[i - 1].text.isupper() and _named_after(tokens, i):
                i -= 1  # an initial: `М.Әуезов атындағы`
                continue
            if text == "," and not closed and i > 0 and tokens[i - 1].word and any(linkers().get(_low(t.text), ("",))[0] == "conj" for t in tokens[i + 1:h]):
                i -= 1  # a list inside the name: `беру, ұзарту, айыру және тоқтату`
                continue
            break
        w = _walk_facts(text)
        if w.boundary:
            break
        if w.heading and not tokens[h].text.isupper():
            break  # a heading in capitals above the name
        if w.link == "conj":
            if closed or not (head.possessive or head.plural or linked):
                break  # `Адам және қоғам`: only a possessed head heads a compound name
            n = len(_country()[0])
            if i >= n and _is_country_start(tokens, i - n):
                break  # `Қазақстан Республикасы және Ресей Федерациясы`: two countries
            lower_run += 1
            i -= 1
            continue
        if w.link is not None:
            if head.head.scope == "national" or (w.place and not any(
                    t.word and _is_cap(t.text) for t in tokens[max(0, i - 2):i])):
                break  # `тапсырмасы бойынша Үкімет`: the linker opens a clause, not a name
            if w.place and i > 0 and tokens[i - 1].word and _is_document(tokens[i - 1].text):
                break  # `Бастапқы баяндама бойынша Комитеттің`: a document, not a place
            linked = True
            linker_at = i if linker_at < 0 else linker_at
            lower_run += 1
            i -= 1
            continue
        cap = w.cap
        hw = w.hw
        if hw is not None:
            if hw.plural and not cap and hw.case in (None, "gen") \
                    and (hw.possessive or (i + 1 < len(tokens) and _is_cap(tokens[i + 1].text))):
                break  # `институттары`: a plural is a list of bodies, not part of a name
            if not hw.plural and not _is_modifier(text, hw):
                if not _continues_name(tokens, i, hw):
                    break
                start, lower_run = i, 0
                i -= 1
                continue
            if _is_modifier(text, hw) and i + 1 < h and _is_cap(tokens[i + 1].text):
                break  # `... орталық Ішкі істер министрлігі`: a name ended before
        if w.base:
            kind = w.kind
            if text.isupper() or kind:
                start, lower_run = i, 0
                if kind == "country" or w.base != text:
                    break  # `ҚР Жоғарғы Сотының`, `БҰҰ-ның ... сарапшысы`: the name opens here
                if i > 0 and tokens[i - 1].word and not _leads_to_abbreviation(tokens[i - 1].text):
                    break  # `Қазақстан БҰҰ ... комитетіне`: the sentence's subject, not the name
                i -= 1
                continue
        if not w.alpha:
            if w.numbered:
                break  # `9-бабына`, `2012-жылы`
            lower_run += 1
            i -= 1
            continue
        if w.lower_stop:
            break  # an ordinal (`ЕҚЫҰ екінші қосымша кеңесі`: a numbered meeting) or a verb form
        right = tokens[i + 1] if i + 1 < len(tokens) else None
        if right is not None and right.word and len(right.text) == 1 and right.text.isupper():
            break  # initials open an eponym: `Конференция Л.Н. Гумилев атындағы`
        reading = w.reading
        if w.act:
            break
        if i == h - 1 and not cap and not head.possessive and w.takes_no_head:
            break  # `Бастапқы баяндама Комитетке`, `ескертулер Комитетке`: a bare head takes no noun
        if w.country:
            if i == 0 or not tokens[i - 1].word or not _is_cap(tokens[i - 1].text):
                break  # `Республиканың`: the country named alone, outside the name
            start = i - 1  # `Болгария Республикасының ...`: a country opens the name
            break
        if reading.plural and not reading.case and right is not None \
                and right.word and _is_cap(right.text) and head_word(right.text) is None:
            break  # `Материалдар Сыбайлас ...`, a heading `Еңбек құқықтары` above a name
        right_low = _low(right.text) if right is not None and right.word else ""
        right_lower_word = right is not None and right.word and not _is_cap(right.text)
        if reading.case == "abl" or (reading.case == "loc" and not reading.attributive
                                      and (cap or reading.possessive or not right_lower_word)):
            break  # a lower-case "locative" before a lower-case word may be a noun: `сауда ұйымы`
        if reading.case == "dat" and linkers().get(right_low, ("",))[0] != "dat" \
                and (cap or not _verbal_noun_follows(tokens, i)):
            break  # a dative in a name: `жемқорлыққа қарсы`, `есепке алу`
        if reading.case == "acc" and not cap and not _verbal_noun_follows(tokens, i) \
                and not (right is not None and right.word and head_word(right.text) is not None):
            break  # an accusative needs its verbal noun; `үшжақты комиссия` is an adjective
        if reading.case == "acc" and cap and not w.adjective \
                and right is not None and right.word and _is_cap(right.text):
            break  # `Тексеруді Қаржылық мониторинг агенттігі жүргізеді`: the object fronted
        if reading.case == "ins" and not cap and not right_lower_word:
            break
        if reading.case == "gen" and not reading.possessive and start == h \
                and not head.possessive and lower_run == 0:
            break  # a genitive needs a possessed head: not `...ның Үкіметке`
        if cap and _after_initial(tokens, i):
            break  # a person: `Г.Ягодин`
        if cap and _sentence_initial(tokens, i) and not (reading.case or reading.possessive) \
                and right is not None and right.word and _is_cap(right.text) \
                and _reading(right.text).attributive and not _is_country_start(tokens, i):
            break  # `Семинар Астанадағы ЕҚЫҰ офисімен`: the subject before a place
        if cap:
            start, lower_run = i, 0
            if _is_country_start(tokens, i):
                break  # the country qualifier opens a name
        else:
            closed = closed or reading.case == "gen"  # `облыстың әкімдігі`
            lower_run += 1
            if lower_run > _MAX_LOWER_RUN:
                break
        i -= 1
    if 0 < linker_at < start and linker_at + 1 == start and _low(tokens[linker_at].text) not in _place_linkers() \
            and abbreviations().get(_abbr_base(tokens[start].text), ("",))[0] == "institution":
        start = _specifier_before(tokens, i + 1, linker_at, start)
    if start < h and not _is_cap(tokens[start].text) and head_word(tokens[start].text) is not None:
        start = _adjectives_before(tokens, start)
    return start


class _WalkWord(NamedTuple):
    """What the leftward walk asks of a word token that does not depend on
    the words around it: worked out once per word."""

    boundary: bool
    heading: bool  # in capitals, longer than an abbreviation and not listed as one
    link: str | None  # the case a linker governs ("conj" for a conjunction), None for other words
    place: bool  # a linker of place
    cap: bool
    hw: HeadWord | None
    base: str  # `_abbr_base`
    kind: str  # the listed abbreviation's kind
    alpha: bool  # begins with a letter
    numbered: bool  # a number with an ending: `9-бабына`
    lower_stop: bool  # lower case, and an ordinal or a verb form
    reading: object
    act: bool  # an act word in a form no name word takes
    takes_no_head: bool  # a document noun or a bare plural: no bare head follows it in a name
    country: bool  # a form of the country qualifier's last word
    adjective: bool


@lru_cache(maxsize=65536)
def _walk_facts(text: str) -> _WalkWord:
    low = _low(text)
    cap = _is_cap(text)
    base = _abbr_base(text)
    alpha = text[0].isalpha()
    reading = _reading(text) if alpha else None
    return _WalkWord(
        low in _stop().get("boundary", ()),
        text.isupper() and len(text) > 4 and text not in abbreviations(),
        linkers().get(low, (None,))[0], low in _place_linkers(),
        cap, head_word(text), base, abbreviations().get(base, ("", ""))[0] if base else "",
        alpha, text[0].isdigit() and "-" in text,
        not cap and (_ends_like(low, "ordinal") or _is_verb_form(low)), reading,
        alpha and (cap or reading.possessive or reading.case or reading.plural) and _is_act_word(text),
        alpha and (_is_document(text) or (reading.plural and not (reading.possessive or reading.case))),
        alpha and _low(reading.stem) == _country()[0][-1],
        _is_adjective(text))


def _leads_to_abbreviation(word: str) -> bool:
    """Words that go on a name left of an organisation's abbreviation: a linker
    (`... жөніндегі БҰҰ`), a place (`Астанадағы ЕҚЫҰ`), a possessor body."""
    if _low(word) in linkers():
        return True
    r = _reading(word)
    return r.attributive or r.case == "gen" or head_word(word) is not None


def _specifier_before(tokens: list[Token], reach: int, linker: int, start: int) -> int:
    """`азаптаудың алдын алу жөніндегі БҰҰ кіші комитеті`: a name that opens
    after its linker (with an abbreviation or a capitalised word) takes the
    lower-case phrase the linker governs, as far as the walk reached over
    name words (a few, all letters)."""
    first = linker
    for k in range(linker - 1, max(reach, linker - _MAX_SPECIFIER) - 1, -1):
        t = tokens[k]
        if not t.word or _is_cap(t.text) or not t.text.replace("-", "").isalpha():
            break
        r = _reading(t.text)
        right = _low(tokens[k + 1].text)
        if r.attributive or r.case in ("loc", "abl", "ins") or (
                r.case == "dat" and linkers().get(right, ("",))[0] != "dat"):
            break
        first = k
    return first if first < linker else start


def _adjectives_before(tokens: list[Token], i: int) -> int:
    """A lower-case body opening a name keeps its adjectives:
    `аудандық мәслихаттың ... комиссиясы`."""
    while i > 0 and tokens[i - 1].word and not _is_cap(tokens[i - 1].text) \
            and _is_adjective(tokens[i - 1].text):
        i -= 1
    return i


def _coordinated(tokens: list[Token], h: int) -> list[tuple[int, int]]:
    """Conjuncts sharing a plural head: `Сыртқы істер, Әділет министрліктері`
    -> [(first, last) of `Сыртқы істер`, of `Әділет`]; [] if not such a list."""
    spans: list[tuple[int, int]] = []
    end = h - 1
    i = h - 1
    first = None
    while i >= 0 and h - i <= _MAX_SPAN:
        tok = tokens[i]
        low = _low(tok.text)
        sep = tok.text == "," or linkers().get(low, ("",))[0] == "conj"
        if sep or not tok.word or head_word(tok.text) is not None or low in _stop().get("boundary", ()):
            if first is None:
                break
            spans.append((first, end))
            if not sep:
                break
            first, end = None, i - 1
            i -= 1
            continue
        if _is_cap(tok.text):
            if first is not None and not _is_country_start(tokens, i) \
                    and not (i > 0 and _is_country_start(tokens, i - 1)):
                spans.append((first, end))  # `Жоба Сыртқы істер, ...`: the sentence's own word
                first = None
                break
            first = i
        elif first is None and end - i > 3:
            break
        i -= 1
    else:
        if first is not None:
            spans.append((first, end))
    spans = [s for s in spans if s[0] <= s[1]]
    return list(reversed(spans)) if len(spans) >= 2 else []


# ---------------------------------------------------------------- names


def _poss3(lemma: str, like: str) -> str:
    form = morph.inflect(lemma, possessive=True)
    return form[:1].upper() + form[1:] if _is_cap(like) else form


def _words_of(tokens: list[Token], first: int, last: int) -> list[str]:
    """The span's words as they go into a name: quotes and dropped linkers out,
    initials glued to their word, commas kept on the word before them."""
    out: list[str] = []
    glue = False
    links = linkers()
    for tok in tokens[first:last + 1]:
        t = tok.text
        if not tok.word:
            if t == "." and out and len(out[-1].rsplit(".", 1)[-1]) == 1:
                out[-1] += "."
                glue = True
            elif t == "," and out:
                out[-1] += ","
            elif t == "№":
                out.append(t)
            continue
        link = links.get(_low(t))
        if link is not None and not link[1]:
            continue
        if _abbr_base(t):
            t = _abbr_base(t)  # `БҰҰ-ның Бас Ассамблеясы` -> `БҰҰ Бас Ассамблеясы`
        if glue:
            out[-1] += t
            glue = False
        else:
            out.append(t)
    return out


def _register_name(words: list[str], head_text: str, head: Head | None) -> str:
    """Nominative register name from words as written (head last)."""
    if not words:
        return ""
    words = list(words)
    abbr = abbreviations()
    expanded: list[str] = []
    for w in words[:-1]:
        base = _abbr_base(w)
        if base and abbr.get(base, ("",))[0] == "country":
            expanded.extend(abbr[base][1].split())
        else:
            expanded.append(w)
    last = words[-1]
    if head is not None:
        hw = head_word(last)
        last = morph.drop_case(last)
        if hw is not None and hw.possessive is False and hw.head.scope == "national" and \
                _has_country(expanded):
            last = _poss3(hw.head.lemma, last)
    if head is not None and head.scope == "national":
        if _has_country(expanded) and len(expanded) == len(_country()[0]):
            return " ".join([_country()[1], last])  # `Қазақстан Республикасының Үкіметі`
        if len(expanded) == 1 and _lemma_low(expanded[0]) == _country()[0][0]:
            return " ".join([_country()[1], _poss3(head.lemma, last)])  # `Қазақстан Президенті`
    return " ".join([*expanded, last])


@lru_cache(maxsize=1)
def _country() -> tuple[tuple[str, ...], str]:
    """The country qualifier's words (lemmas, lower case) and its genitive,
    from the `country` row of the abbreviations lexicon (`Қазақстан Республикасы`
    -> `Қазақстан Республикасының`)."""
    full = next(f for k, f in abbreviations().values() if k == "country").split()
    lemmas = tuple(_lemma_low(w) for w in full)
    last = morph.inflect(lemmas[-1], possessive=True, case="gen")
    return lemmas, " ".join([*full[:-1], full[-1][:1] + last[1:]])


def _has_country(words: list[str]) -> bool:
    lemmas, _gen = _country()
    n = len(lemmas)
    return len(words) >= n and all(_lemma_low(w) == l for w, l in zip(words, lemmas))


def normalize_name(words_as_written: str) -> str:
    """The nominative register name of an institution written in any case:
    `Қазақстан Республикасы Үкіметінің` -> `Қазақстан Республикасының Үкіметі`,
    `Сыртқы істер министрлігіне` -> `Сыртқы істер министрлігі`, `ҚР Жоғарғы Сотының`
    -> `Қазақстан Республикасының Жоғарғы Соты`."""
    tokens = tokenize(words_as_written)
    words = [t for t in range(len(tokens)) if tokens[t].word]
    if not words:
        return words_as_written.strip()
    last = words[-1]
    hw = head_word(tokens[last].text)
    if hw is None:
        base = _abbr_base(tokens[last].text)
        if base and len(words) == 1:
            full = abbreviations().get(base, ("", ""))
            return full[1] if full[0] == "institution" else base
    return _register_name(_words_of(tokens, 0, last), tokens[last].text, hw.head if hw else None)


@lru_cache(maxsize=65536)
def _lemma_low(word: str) -> str:
    """The word's lemma in lower case (`Республикасының` -> `республика`)."""
    return _low(morph.lemma(word))


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return _lemma_low(word)[:5]


def _content_words(name: str) -> list[str]:
    """The name's words without linkers, conjunctions and the country qualifier."""
    words = name.replace(",", " ").split()
    n = len(_country()[0])
    if _has_country(words):
        words = words[n:]
    out: list[str] = []
    for w in words:
        base = _abbr_base(w)
        kind, full = abbreviations().get(base, ("", "")) if base else ("", "")
        if _low(w) in linkers() or kind == "country":
            continue
        out.extend(full.split() if kind == "institution" else [w])  # `БҰҰ` = `Біріккен Ұлттар Ұйымы`
    return out


@lru_cache(maxsize=1)
def _generic_ends() -> frozenset[str]:
    return frozenset(g.split()[-1] for g in _stop().get("generic", ()) if g.split())


def _is_generic(name: str) -> bool:
    """The name is, or ends in, a phrase that names no single body
    (`азаматтық қоғам`: `... Жоғарғы Соты азаматтық қоғаммен`)."""
    words = name.split()
    if words and (last := _lemma_low(words[-1])) and last not in _generic_ends():
        return False  # every phrase tested below ends in the last word's lemma
    lemmas = [_lemma_low(w) for w in words]
    generic = _stop().get("generic", ())
    return " ".join(lemmas) in generic or any(
        " ".join(lemmas[k:]) in generic for k in range(len(lemmas) - 1))


# ---------------------------------------------------------------- prefilter


_REACH = (64, 32)  # characters of a window read left and right of an anchor at first (`tokens.Reader`)


def _alternation(words) -> str:
    """A regex for any of `words`, the Kazakh `і` also matching its Latin look-alike."""
    return alternation(words, {"і": "[іi]"})


@lru_cache(maxsize=1)
def _uppercase() -> str:
    """A regex class body holding every upper-case character: the Basic
    Multilingual Plane's as ranges, and all of the planes above (a class with
    single characters there is slow to match)."""
    codes = [c for c in range(0x10000) if chr(c).isupper()]
    ranges = []
    for c in codes:
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return "".join(re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "") for a, b in ranges) \
        + "\U00010000-\U0010ffff"


@dataclass(frozen=True)
class _Prefilter:
    """The anchors' regexes, from the lexicons the grammar reads: a word (or
    a part after a hyphen) beginning like a head noun (the gate of
    `head_word`), a closing quote before a legal form's first word (both in
    lower case), and a word with two upper-case letters no more than an
    abbreviation's lower-case letters and hyphens apart, or a listed
    abbreviation without them."""

    head: re.Pattern  # a word beginning like a head noun, to its end
    after_space: re.Pattern  # ` ` + head: the literal lets the engine skip from space to space
    after_other: re.Pattern  # another non-word character before a head or a quote before a legal form
    quote: re.Pattern
    pair: re.Pattern
    listed: re.Pattern | None
    upper: re.Pattern  # an upper-case character
    mark: re.Pattern  # a punctuation mark (a hyphen may join words)


@lru_cache(maxsize=1)
def _prefilter() -> _Prefilter:
    prefixes = _alternation(_head_prefixes())
    head = f"(?:{prefixes})\\w*(?:[-‐‑]\\w+)*"
    quotes = "[" + re.escape(_CLOSE_QUOTES + _PLAIN_QUOTES) + "]"
    before_form = r"\s*" + _alternation({form[0] for form in _legal_forms()})
    upper = _uppercase()
    pair = re.compile(f"[{upper}](?:[^\\W\\d_]|-){{0,5}}?[{upper}]")
    other = sorted((a for a in abbreviations() if not pair.search(a)), key=len, reverse=True)
    listed = re.compile("(?:" + "|".join(f"{re.escape(a)}(?<!\\w{re.escape(a)})" for a in other) + r")(?![\w‐‑])") \
        if other else None
    return _Prefilter(re.compile(head), re.compile(f" ({head})"),
                      re.compile(f"[^\\w ](?={prefixes}|(?<={quotes}){before_form})"),
                      re.compile(quotes + before_form), pair, listed, re.compile(f"[{upper}]"),
                      re.compile(r"[^\w\s‐‑-]"))


def _anchors(text: str) -> tuple[list[int], list[int], list[int]]:
    """Where the head nouns (token starts), the closing quotes before a legal
    form and the abbreviations may be: a few regex passes over the text; only
    the words that begin like a head noun are looked at (`_may_head`: memoised
    per word, with exact tests on the text next to it that spare a window)."""
    pre = _prefilter()
    abbrs = [m.start() for m in pre.pair.finditer(text)]
    if pre.listed is not None:
        abbrs = sorted({*abbrs, *(m.start() for m in pre.listed.finditer(text))})
    low = text.lower()
    if len(low) != len(text):  # a letter lower-cased into two: no offsets to share, so every token
        tokens = tokenize(text)
        return [t.start for t in tokens if t.word and _may_head(text, t.start, t.text)], \
            [t.start for t in tokens if not t.word], abbrs
    spans = [(m.start(1), m.end()) for m in pre.after_space.finditer(low)]  # (word start, end)
    if m := pre.head.match(low):
        spans.insert(0, (0, m.end()))
    words = dict(spans)
    quotes = []
    j = read_to = 0
    for m in pre.after_other.finditer(low):
        at = m.start()
        while j < len(spans) and spans[j][1] <= at:
            j += 1
        if at < read_to or (j < len(spans) and spans[j][0] <= at):
            continue  # a hyphen inside a word already read (each word is read once: linear time)
        if got := pre.head.match(low, at + 1):
            start = at + 1
            if low[at] in HYPHENS and at >= 1 and WORD_CHAR.match(low, at - 1):
                start = word_start(text, start)  # a part after a hyphen: `көші-қон`
            words[start] = read_to = got.end()
        if pre.quote.match(low, at):
            quotes.append(at)
    heads = sorted(start for start, end in words.items() if _may_head(text, start, text[start:end]))
    return heads, quotes, abbrs


def _may_head(text: str, start: int, word: str) -> bool:
    """The word at `start` is a head noun that can name a body, as far as
    exact tests on the text around it tell (they spare the reader a window):
    see `_head_gate`."""
    gate = _head_gate(word)
    if gate is _PLURAL:
        return _conjunct_before(text, start)
    if gate is _BARE:
        return not _owned_after(text, start + len(word))
    return gate


_PLURAL, _BARE = object(), object()  # gates that look at the text around the word


@lru_cache(maxsize=65536)
def _head_gate(word: str):
    """False if `word` is no head or one that wants a possessive ending
    without one (`_accepts_head`); _PLURAL for a plural head (its names are
    conjuncts, `_coordinated`); _BARE for a bare lower-case head (a modifier
    when an owned word follows, `_accepts_head`); True otherwise."""
    hw = head_word(word)
    if hw is None or (hw.head.form == "poss" and not hw.possessive):
        return False
    if hw.plural:
        return _PLURAL
    return _BARE if _is_modifier(word, hw) else True


def _conjunct_before(text: str, start: int) -> bool:
    """A capitalised word among the five tokens before a plural head, with
    no punctuation between (`_coordinated` looks for a conjunct's first word
    there): looked for in the five chunks of text before it (each holds at
    least one token), right of their last punctuation mark."""
    lo = max(0, start - 96)
    chunks = text[lo:start].rsplit(None, 5)
    if len(chunks) < 6 and lo > 0:
        return True  # long chunks: the window decides
    pre = _prefilter()
    tail = " ".join(chunks[-5:])
    if mark := pre.mark.search(tail[::-1]):
        tail = tail[len(tail) - mark.start():]
    return pre.upper.search(tail) is not None


def _owned_after(text: str, end: int) -> bool:
    """The token after a word ending at `end` is a word `_owned` (`сот
    билігі`)."""
    at = NONSPACE.search(text, end)
    m = TOKEN.match(text, at.start()) if at is not None else None
    return m is not None and m.lastindex == 1 and _owned(m.group())


# ---------------------------------------------------------------- candidates


def _candidates(text: str) -> list[Candidate]:
    """Every candidate in text order: the prefilter (`_anchors`) finds the head
    nouns, the quotations before a legal form and the abbreviations; each is
    read in a window of tokens around it (`tokens.Reader`). The passes over the
    whole document then name tokens by where they start."""
    reader = Reader(text, _REACH)
    heads, quotes, abbrs = _anchors(text)
    found: list[Candidate] = []
    for pos in heads:
        found.extend(reader.read(pos, _head_candidates))
    bodies = [b for pos in quotes if (b := reader.read(pos, _quoted_body)) is not None]
    if bodies:
        inside = {k for b in bodies for k in b.span}
        found = [c for c in found if c.head not in inside]
        found.extend(bodies)
    found = _drop_nested(found)
    defining = {k for c in found if c.bracket for k in c.bracket[1]}
    found = [c for c in found if c.head not in defining]  # `(бұдан әрі – Комиссия)` repeats the name
    posts = [c for c in found if c.post]
    found = [c for c in found if not c.post]
    found.extend(_abbreviation_candidates(reader, abbrs, found, posts))
    found.sort(key=lambda c: (c.start, c.end))
    return found


def _head_candidates(tokens: list[Token], h: int) -> list[Candidate]:
    """The name (or, for a plural head, the names) whose head is token `h`."""
    tok = tokens[h]
    hw = head_word(tok.text)
    if hw is None or not _accepts_head(tokens, h, hw) or _under_post(tokens, h, hw) \
            or _signer(tokens, h, hw):
        return []
    if _lone_quoted(tokens, h) and not (hw.head.scope == "national" and _is_cap(tok.text)):
        return []  # `"агенттігімен" деген сөз`: a word cited in an amendment, no body
    if hw.plural:
        return _coordinated_candidates(tokens, h, hw)
    first = _drop_plural_subject(tokens, walk_left(tokens, h), h)
    bare = first == h
    weak = False
    if not _is_cap(tok.text) and not _named(tokens[first:h]):
        linked_first = _lower_linked_start(tokens, h, hw)
        first = linked_first if linked_first is not None else _lower_reach(tokens, h)
        if first == h:
            return []  # `комитет`: a generic word
        # `облыс әкімдігі`: a name only if the text gave it in full
        weak, bare = linked_first is None, False
        if all(_is_adjective(t.text) for t in tokens[first:h]):
            return []  # `қоғамдық бірлестік`: a kind of body, not a short name
    elif not _is_cap(tok.text) and h - first == 1 and not hw.possessive \
            and _sentence_initial(tokens, first) and _is_adjective(tokens[first].text):
        weak = True  # `Конкурстық комиссия ...`: capitalised only as the first word
    if bare and hw.head.scope != "national" and not (hw.possessive or hw.case) \
            and h + 1 < len(tokens) and linkers().get(_low(tokens[h + 1].text), ("",))[0] == "conj":
        return []  # `Баспа және электрондық ақпарат құралдары`: a common noun in a list
    name = _register_name(_words_of(tokens, first, h), tok.text, hw.head)
    if not name or _is_generic(name):
        return []
    quoted = any(t.text in _OPENERS for t in tokens[first:h])
    return [_candidate(tokens, first, h, name, hw.head.same_as, hw.head.scope, bare, quoted, weak)]


def _candidate(tokens: list[Token], first: int, last: int, name: str, lemma: str, scope: str,
               bare: bool, quoted: bool = False, weak: bool = False) -> Candidate:
    """A candidate over tokens `first` .. `last`, with what the passes over the
    whole document need to know of the tokens around it."""
    bracket = _bracket_abbr(tokens, last)
    return Candidate(tokens[first].start, tokens[last].end, name, "", lemma, scope, bare,
                     quoted, weak, tuple(map(_start, tokens[first:last + 1])),
                     bracket and (bracket[0], tuple(map(_start, tokens[last + 1:bracket[1] + 1]))),
                     _post_in_body(tokens, first, last))


def _lone_quoted(tokens: list[Token], h: int) -> bool:
    """The head alone between quotes."""
    if h == 0 or h + 1 >= len(tokens):
        return False
    before, after = tokens[h - 1].text, tokens[h + 1].text
    return (before in _OPEN_QUOTES and after in _CLOSE_QUOTES) or (before in _PLAIN_QUOTES and after == before)


def _legal_form_end(tokens: list[Token], i: int) -> int | None:
    """Index of the last word of a legal form starting at token `i`, or None."""
    for form in _legal_forms():
        k = i
        for part in form:
            if k >= len(tokens) or not tokens[k].word or not _low(tokens[k].text).startswith(part):
                break
            k += 1
        else:
            return k - 1
    return None


def _quoted_body(tokens: list[Token], i: int) -> Candidate | None:
    """`"Ертіс ауданы әкімдігінің білім бөлімі" мемлекеттік мекемесі`: a quotation
    closed at token `i` right before a legal form is the body's own name,
    whatever its last word (`аппараты`, `бөлімі` in lower case), and the bodies
    named inside it are part of that name."""
    tok = tokens[i]
    if tok.text not in _CLOSE_QUOTES and tok.text not in _PLAIN_QUOTES:
        return None
    end = _legal_form_end(tokens, i + 1)
    if end is None:
        return None
    j = _match_open_quote(tokens, i, 3 * _MAX_SPAN)
    if j is None or j + 1 >= i or not _is_cap(tokens[j + 1].text) \
            or not _quoted_name(tokens[j + 1:i]):
        return None
    words = _words_of(tokens, j + 1, i - 1)
    last = tokens[i - 1].text
    hw = head_word(last) if tokens[i - 1].word else None
    name = " ".join(words)
    lemma = hw.head.same_as if hw is not None else _lemma_low(last)
    return _candidate(tokens, j, end, name, lemma, "any", False, True)


def _lower_linked_start(tokens: list[Token], h: int, hw: HeadWord) -> int | None:
    """`босқын мәртебесін беру, ұзарту және тоқтату рәсімін жүргізу жөніндегі
    комиссия ... бас тартты`: a body named all in lower case by what it does
    (a phrase of two or more words before `жөніндегі`), the subject of its
    sentence. Not a count of a kind of body (`132 тілдерді оқыту жөніндегі
    орталық құрылды`), nor an object (`... жөніндегі институтты құру`).
    Returns where the name starts, or None."""
    if hw.plural or hw.possessive or hw.case:
        return None
    k = h - 1
    while k >= 0 and h - k <= 2 and tokens[k].word and not _is_cap(tokens[k].text) \
            and _is_adjective(tokens[k].text):
        k -= 1  # `жөніндегі ведомствоаралық комиссия`
    if k <= 0 or linkers().get(_low(tokens[k].text), ("",))[0] != "nom" \
            or _low(tokens[k].text) in _place_linkers() or _low(tokens[k].text) in _stop().get("eponym", ()):
        return None
    linker = k
    first = linker
    for k in range(linker - 1, max(-1, linker - _MAX_SPAN), -1):
        t = tokens[k]
        low = _low(t.text)
        if t.text == "," and any(linkers().get(_low(x.text), ("",))[0] == "conj" for x in tokens[k + 1:linker]):
            continue  # a list inside the name: `беру, ұзарту, айыру және тоқтату`
        if not t.word or _is_cap(t.text) or not t.text.replace("-", "").isalpha() \
                or low in _stop().get("boundary", ()) or _is_verb_form(low) or low in _quantities() \
                or (low in linkers() and linkers()[low][0] != "conj"):
            break
        r = _reading(t.text)
        if r.attributive or r.case in ("loc", "abl", "ins") or (r.case == "dat" and linkers().get(
                _low(tokens[k + 1].text), ("",))[0] != "dat") or (r.case and _is_act_word(t.text)):
            break
        first = k
    while first < linker and (not tokens[first].word or linkers().get(_low(tokens[first].text), ("",))[0] == "conj"):
        first += 1
    if sum(t.word for t in tokens[first:linker]) < 2:
        return None
    before = tokens[first - 1] if first > 0 else None
    if before is not None and not _clean_edge(before):
        return None  # a count (`132 ... орталық`), or the name may go on (`... адамдар мен заңды ...`)
    return first if _ends_in_predicate(tokens, h) else None


def _clean_edge(tok: Token) -> bool:
    """A token a lower-case name can start right after: punctuation closing a
    clause, a word that is never inside a name (but not a conjunction, which
    may join the name's own list), a postposition, a participle."""
    if not tok.word:
        return tok.text in ".;:!?()" or tok.text in _DASHES
    low = _low(tok.text)
    if tok.text[0].isdigit() or low in _quantities() or low in _stop().get("joins", ()):
        return False
    return low in _stop().get("boundary", ()) or low in linkers() or _is_verb_form(low)


def _ends_in_predicate(tokens: list[Token], h: int) -> bool:
    """The sentence after `h` ends in a finite verb, so a caseless head before it is its subject."""
    for k in range(h + 1, min(len(tokens), h + 3 * _MAX_SPAN)):
        if tokens[k].text in ".;!?":
            last = tokens[k - 1]
            return k - 1 > h and last.word and not _is_cap(last.text) and _ends_like(_low(last.text), "finite")
    return False


def _sentence_initial(tokens: list[Token], i: int) -> bool:
    """Token `i` opens a sentence, an item or a quotation."""
    return i == 0 or tokens[i - 1].text in ".!?:;" or tokens[i - 1].text in _OPENERS


def _named(words: list[Token]) -> bool:
    """Words before a lower-case head that make it a name: a capitalised word,
    a quotation or a linker."""
    return any((t.word and (_is_cap(t.text) or _low(t.text) in linkers()))
               or t.text in _OPENERS for t in words)


def _drop_plural_subject(tokens: list[Token], first: int, h: int) -> int:
    """`Азаматтар қоғамдық бірлестік құрады`: a plural noun capitalised only
    as the sentence's first word is its subject, not the start of a name."""
    t = tokens[first]
    if first == h or not t.word or not _is_cap(t.text) or t.text.isupper():
        return first
    if first > 0 and tokens[first - 1].text not in ".:;!?":
        return first
    r = _reading(t.text)
    if not (r.plural and not r.possessive and r.case is None) or head_word(t.text) is not None:
        return first
    if head_word(tokens[h].text).possessive:
        return first  # `Цыгандар мәдени орталығы`: a possessed head takes the plural as its modifier
    nxt_word = tokens[first + 1] if first + 1 < h else None
    if nxt_word is not None and nxt_word.word and not _is_cap(nxt_word.text) \
            and _reading(nxt_word.text).possessive:
        return first  # `Балалар құқықтары жөніндегі уәкіл`: the plural modifies the next noun
    nxt = next((k for k in range(first + 1, h) if tokens[k].word and _is_cap(tokens[k].text)), h)
    return nxt


@lru_cache(maxsize=65536)
def _is_adjective(word: str) -> bool:
    return any(_low(word).endswith(e) for e in _stop().get("adj", ()))


def _lower_reach(tokens: list[Token], h: int) -> int:
    """Up to three lower-case words right before a lower-case head that can
    be its modifiers (nominative or genitive nouns, adjectives):
    `облыс әкімдігі`, `аудандық мәслихаттың`."""
    i = h
    while i > 0 and h - i < 3:
        t = tokens[i - 1]
        low = _low(t.text) if t.word else ""
        if not t.word or _is_cap(t.text) or not t.text.isalpha() or low in _stop().get("boundary", ()) \
                or low in linkers() or _is_verb_form(low) or head_word(t.text) is not None:
            break
        r = _reading(t.text)
        if r.case not in (None, "gen") or r.plural or _is_act_word(t.text):
            break
        i -= 1
    return i


def _post_in_body(tokens: list[Token], first: int, last: int) -> bool:
    """`Аудандық мәслихаттың хатшысы`, `комитетінің төрағасы`: an office held
    in a body named right before it is a person's post (signatures), and
    neither it nor the body is a mention there."""
    hw = head_word(tokens[last].text)
    if hw is None or hw.head.role != "office" or last == first:
        return False
    before = head_word(tokens[last - 1].text) if tokens[last - 1].word else None
    return before is not None and before.head.role == "body" and before.case == "gen"


def _coordinated_candidates(tokens: list[Token], h: int, hw: HeadWord) -> list[Candidate]:
    out = []
    head_form = _poss3(hw.head.lemma, tokens[h].text) if hw.possessive else hw.head.lemma
    for first, last in _coordinated(tokens, h):
        words = _words_of(tokens, first, last) + [head_form]
        name = _register_name(words, head_form, hw.head)
        out.append(_candidate(tokens, first, h, name, hw.head.same_as, hw.head.scope, False))
    return out


def _drop_nested(found: list[Candidate]) -> list[Candidate]:
    """A body named inside a larger body's name is not a mention of its own.
    Names are at most _MAX_SPAN tokens long, so only the tokens up to
    _MAX_SPAN before a head can hold one."""
    by_head = {c.head: c for c in found}
    inner = {k for o in by_head.values() for k in o.span[-_MAX_SPAN - 1:-1]}
    return [c for c in found if c.head not in inner]


def _bracket_abbr(tokens: list[Token], after: int) -> tuple[str, int] | None:
    """`(бұдан әрі – ТМД)` or `(ТМД)` right after a name: the short form and
    the index of the closing bracket."""
    i = after + 1
    if i >= len(tokens) or tokens[i].text != "(":
        return None
    j = i + 1
    words: list[str] = []
    while j < len(tokens) and j - i < 8 and tokens[j].text != ")":
        t = tokens[j]
        if t.word and _low(t.text) not in _stop().get("define", ()):
            words.append(t.text)
        elif not t.word and t.text not in _DASHES and t.text not in _OPEN_QUOTES + _CLOSE_QUOTES + _PLAIN_QUOTES:
            return None
        j += 1
    if j >= len(tokens) or tokens[j].text != ")" or not words:
        return None
    if len(words) > 1 and not (len(words) <= 3 and all(w.isupper() and _abbr_base(w) for w in words)):
        return None  # `(бұдан әрі – ЕҚЫҰ ДИАҚБ)`: a compound abbreviation is one short name
    return " ".join(words), j


def _compound_at(tokens: list[Token], i: int, shorts: list[str]) -> int | None:
    """Index of the last word of a compound short name (`ЕҚЫҰ ДИАҚБ`) starting at `i`."""
    for short in shorts:
        parts = short.split()
        if i + len(parts) <= len(tokens) and all(_abbr_base(t.text) == p for t, p in zip(tokens[i:i + len(parts)], parts)):
            return i + len(parts) - 1
    return None


def _abbreviation_candidates(reader: Reader, anchors: list[int], found: list[Candidate],
                             silent: list[Candidate]) -> list[Candidate]:
    """Abbreviations on their own (at the prefilter's `anchors`): from the
    lexicon, or defined in brackets after a full name in this document (which
    then gets its `short`). Words inside `found` and `silent` names are not on
    their own."""
    defined: dict[str, str] = {}
    bracket_spans: set[int] = set()
    compounds: dict[str, list[str]] = {}  # first word -> compound short names
    for k, c in enumerate(found):
        got = c.bracket
        if got and all(_abbr_base(w) for w in got[0].split()):
            defined[got[0]] = c.name
            found[k] = c._replace(short=got[0])
            bracket_spans.update(got[1])
            if " " in got[0]:
                compounds.setdefault(got[0].split()[0], []).append(got[0])
    covered = set()
    for c in found + silent:
        covered.update(c.span)
    out = []

    def compound_at(tokens: list[Token], i: int) -> tuple[Token, ...]:
        """The compound short name starting at token `i`, or that token alone."""
        last = _compound_at(tokens, i, compounds[tokens[i].text])
        return (tokens[i],) if last is None else tuple(tokens[i:last + 1])

    for start, m in words_at(reader.text, anchors):  # a listed abbreviation is a word
        word = m.group()
        base = _abbr_base(word)
        if not base or start in covered or start in bracket_spans:
            continue
        if word in compounds and len(words := reader.read(start, compound_at)) > 1:
            span = tuple(t.start for t in words)
            covered.update(span)
            short = " ".join(_abbr_base(t.text) for t in words)
            out.append(Candidate(start, words[-1].end, defined[short], short, "", "any", False, span=span))
            continue
        if base in defined:
            name = defined[base]
        else:
            kind, full = abbreviations().get(base, ("", ""))
            if kind == "institution":
                name = full
            elif not kind and base.isupper() and base[-1] in _organisation_letters():
                name = base  # `ШЫҰ`: an unlisted abbreviation of an `... ұйымы`
            else:
                continue
        out.append(Candidate(start, start + len(word), name, base, "", "any", False, span=(start,)))
    return out


# ---------------------------------------------------------------- identity


def _same(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


class _NameWords(dict):
    """name -> its content words, their stems, its number of words and the
    stems of its capitalised words: worked out once per name in a document."""

    def __missing__(self, name: str) -> tuple[list[str], tuple[str, ...], int, list[str]]:
        words = _content_words(name)
        split = name.split()
        self[name] = got = (words, tuple(_stem(w) for w in words), len(split),
                            [_stem(w) for w in split if _is_cap(w)])
        return got


def _suffix_of(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """A lower-case short form (its stems) names `full` only as the end of its name
    (`аудан әкімдігі` ends `... Айыртау ауданының әкімдігі`; `облыс әкімдігі`
    does not)."""
    n = len(short)
    return len(full) > n and all(_same(a, b) for a, b in zip(short, full[-n:]))


def _subsumed(short: Candidate, full: Candidate, words: _NameWords) -> bool:
    """`short` names `full` when every content word of it is in `full`, and
    what `full` adds is only the country, a parent's abbreviation or the body
    it sits under (`Мәдениет және ақпарат министрлігі`, `Адам құқықтары
    жөніндегі ұлттық орталық`), or `short` has no proper word of
    its own (`Аудан әкімдігі`, `Аудандық мәслихат`: capitalised only as the
    sentence's first word). `Аршалы аудандық мәслихаты` stays as written."""
    short_words, short_stems, short_size, _caps = words[short.name]
    full_words, full_stems, full_size, full_caps = words[full.name]
    if len(full_words) < len(short_words) or full_size <= short_size or short.quoted:
        return False
    if not all(any(_same(f, s) for f in full_stems) for s in short_stems):
        return False
    extra = [w for w in full_words if not any(_same(_stem(w), s) for s in short_stems)]
    if not extra or (any(head_word(w) is not None for w in extra) and _suffix_of(short_stems, full_stems)):
        return True  # the country, or the body it sits under, left out
    own = [w for w in short_words[:-1] if _is_cap(w)]
    return _suffix_of(short_stems, full_stems) and not any(any(_same(_stem(w), f) for f in full_caps) for w in own)


def settle_identity(cands: list[Candidate]) -> list[Candidate]:
    """One body, one name in a document: a short form takes the full name it
    abbreviates (preferring one the text gave before it, then the commonest);
    a bare head (`Комитет`, `Үкімет`) takes the commonest full name with that
    head; a bare national organ with none is the Republic's (`Қазақстан
    Республикасының Үкіметі`). Works on distinct names, so it stays fast on
    long texts."""
    by_name: dict[str, Candidate] = {}  # first full candidate of each name
    counts: Counter[str] = Counter()
    for c in cands:
        if not c.bare and c.lemma and not c.weak:
            by_name.setdefault(c.name, c)
            counts[c.name] += 1
    by_lemma: dict[str, list[Candidate]] = {}
    for c in by_name.values():
        by_lemma.setdefault(c.lemma, []).append(c)
    words = _NameWords()

    @lru_cache(maxsize=None)
    def fuller(name: str, start: int) -> Candidate | None:
        c = by_name[name]
        pool = [f for f in by_lemma.get(c.lemma, [])
                if (_suffix_of(words[c.name][1], words[f.name][1]) if c.weak else _subsumed(c, f, words))]
        if not pool:
            return None
        return max(pool, key=lambda f: (f.start < start, counts[f.name], len(words[f.name][1])))

    resolved: list[Candidate] = []
    for c in cands:
        if c.bare or not c.lemma:
            resolved.append(c)
            continue
        if c.weak:
            by_name.setdefault(c.name, c)
        best = fuller(c.name, by_name[c.name].start)
        if best is not None:
            resolved.append(c._replace(name=best.name, short=best.short or c.short, weak=False))
        elif not c.weak:
            resolved.append(c)
    named = Counter(c.name for c in resolved if not c.bare and c.lemma)
    commonest: dict[str, Candidate] = {}
    for c in resolved:
        if not c.bare and c.lemma:
            old = commonest.get(c.lemma)
            if old is None or named[c.name] > named[old.name]:
                commonest[c.lemma] = c
    settled: list[Candidate] = []
    for c in resolved:
        if not c.bare:
            settled.append(c)
        elif c.lemma in commonest:
            best = commonest[c.lemma]
            settled.append(c._replace(name=best.name, short=best.short))
        elif c.scope == "national":
            settled.append(c._replace(name=f"{_country()[1]} {_poss3(c.lemma, c.name)}"))
    return _one_spelling(settled)


def _one_spelling(cands: list[Candidate]) -> list[Candidate]:
    """Names that differ only in letter case (`Қазақстан Халқы Ассамблеясы`, a
    typo of `халқы`) are one body: the commonest spelling, the first on a tie."""
    counts: Counter[str] = Counter(c.name for c in cands)
    best: dict[str, str] = {}
    for c in cands:
        key = c.name.casefold()
        if key not in best or counts[c.name] > counts[best[key]]:
            best[key] = c.name
    return [c if best[c.name.casefold()] == c.name else c._replace(name=best[c.name.casefold()])
            for c in cands]


def find(text: str, found: "Findings") -> list[Found]:
    """Institution mentions in `text`, one name per body."""
    if institutions_ru.is_russian(text):
        return institutions_ru.find(text, found)
    out = []
    for c in settle_identity(_candidates(text)):
        fields = {"name": c.name}
        if c.short:
            fields["short"] = c.short
        out.append(Found("institution", c.start, c.end, fields))
    return out
