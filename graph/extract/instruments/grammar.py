"""Local grammar around one act word (eyecite-style: find the type word first,
then read its requisites leftwards, the way Kazakh cites acts:
issuer, date, №, «title» or a title ending in туралы, then the type word with
its possessive and case; codes and treaties are named by the words before the
type word). LANGUAGE_NOTES.md §5."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable
from operator import attrgetter

from ...lang.kk import morph
from ...models import Found
from .tokens import (CLOSE_QUOTES, EDGES, LEFT_EDGE, OPEN_QUOTES, OUTSIDE, PLAIN_QUOTES, QUOTES, RIGHT_EDGE,
                     SENTENCE_END, OutOfWindow, Quotes, Token, left_edge, right_edge, tokenize)
from .vocabulary import ActType, Vocabulary

MAX_NAME = 25  # words in an unquoted name or title
SHORT_NAME = {"code": 4}  # words in a name without a title word (Азаматтық іс жүргізу кодексі)
PROPER_NAME = 4  # words in a quoted proper name (Нұрлы көш, Өнімділік 2020)
STATE_NAME = 6  # words in a lower-case name opening with мемлекеттік
TITLED_REACH = 7  # words between a title word and a report's type word (... туралы алтыншы ... баяндама)
SHORT_NAME_OTHER = 15  # (Білім беру ұйымдарын мемлекеттік аттестаттау ережесі)
_ADJECTIVE = re.compile(r"(?:тық|тік|дық|дік|лық|лік|ық|ік)$")
_ATTRIBUTE = re.compile(r"(?:ды|ді|ты|ті|лы|лі|шы|ші|ңғы|ңгі)$")  # мерзімді, бесінші, соңғы
_ORDINAL = re.compile(r"(?:ншы|нші)$")  # бесінші, алтыншы
_GENITIVE = re.compile(r"(?:ның|нің|дың|дің|тың|тің)$")
_NUMBER_SIGNS = frozenset({"№", "n", "no"})
_DASHES = frozenset("-–—")
_ROMAN_TAIL = re.compile(r"^[A-ZА-ЯӘҒҚҢӨҰҮҺІ]{2,4}$")
_NO_ROLES: frozenset[str] = frozenset()
_START = attrgetter("start")


@lru_cache(maxsize=65536)
def readings(word: str) -> tuple[morph.Analysis, ...]:
    return tuple(morph.analyse(word))


@dataclass(slots=True)
class Citation:
    """What the grammar read around one act word."""

    kind: str
    head: int  # token index of the type word
    first: int  # token index where the mention starts
    last: int  # token index where it ends
    title: str | None = None
    date: str | None = None
    number: str | None = None
    issuer: str | None = None
    draft: bool = False
    marker: str | None = None  # this | anaphora
    alias: str | None = None  # (бұдан әрі – X)
    bare: bool = False  # the type word alone
    capitalised: bool = False
    plural: bool = False
    nominative: bool = False
    extra: dict = field(default_factory=dict)


@dataclass(slots=True)
class Source:
    """One text with what earlier extractors found in it, shared by its windows."""

    text: str
    vocab: Vocabulary
    quotes: Quotes
    dates_by_end: dict[int, Found]
    dates_by_start: dict[int, Found]
    institutions_by_end: dict[int, Found]
    institution_starts: frozenset[int]

    @classmethod
    def build(cls, text: str, vocab: Vocabulary, dates: list[Found], institutions: list[Found]) -> "Source":
        return cls(text, vocab, Quotes(text), {d.end: d for d in dates}, {d.start: d for d in dates},
                   {f.end: f for f in institutions}, frozenset(f.start for f in institutions))


@dataclass(slots=True)
class Context:
    """The tokens of one window of a text (tokens.py), between EDGE tokens
    where the text goes on."""

    src: Source
    start: int  # the window: text[start:end]
    end: int
    own: list[Token]  # its tokens
    text: str
    vocab: Vocabulary
    tokens: list  # its tokens between the EDGE tokens
    starts: list[int]  # start offsets of its tokens
    lo: int  # index of its first token
    hi: int  # index after its last token
    quotes: dict
    dates_by_end: dict[int, Found]
    dates_by_start: dict[int, Found]
    institutions_by_end: dict[int, Found]
    institution_starts: frozenset[int]
    by_word: dict[str, frozenset[str]]  # the vocabulary's word -> roles

    @classmethod
    def build(cls, src: Source, start: int, end: int) -> "Context":
        """The window text[start:end], widened to whitespace."""
        start, end = left_edge(src.text, start), right_edge(src.text, end)
        return cls._of(src, start, end, tokenize(src.text, start, end))

    @classmethod
    def _of(cls, src: Source, start: int, end: int, own: list[Token]) -> "Context":
        text = src.text
        lo = EDGES if start > 0 else 0
        right = [RIGHT_EDGE] * EDGES if end < len(text) else []
        tokens = [LEFT_EDGE] * lo + own + right
        hi = lo + len(own)
        quotes: dict = dict.fromkeys(range(lo), OUTSIDE)
        quotes.update(dict.fromkeys(range(hi, len(tokens)), OUTSIDE))
        starts = list(map(_START, own))
        at = {char: lo + bisect_left(starts, char) for char in src.quotes.within(start, end)}
        if at:
            pairs = src.quotes.between(start, end)
            for char, k in at.items():
                if char in pairs:
                    quotes[k] = at.get(pairs[char], OUTSIDE)
        return cls(src, start, end, own, text, src.vocab, tokens, starts, lo, hi, quotes,
                   src.dates_by_end, src.dates_by_start, src.institutions_by_end, src.institution_starts,
                   src.vocab.by_word)

    def wider(self, side: str, char: int) -> "Context":
        """The window grown on the side the grammar looked past (on both when
        that is unknown) to twice its reach from offset `char`; only the new
        text is tokenised."""
        text, start, end, own = self.text, self.start, self.end, self.own
        if side != "right" and start > 0:
            start = left_edge(text, start - max(char - start, 32))
            own = tokenize(text, start, self.start) + own
        if side != "left" and end < len(text):
            end = right_edge(text, end + max(end - char, 16))
            own = own + tokenize(text, self.end, end, own[-1].end if own else start)
        return Context._of(self.src, start, end, own)

    def index_at(self, char: int) -> int:
        """Index of the first token starting at or after `char`."""
        k = bisect_left(self.starts, char)
        if k == 0 and self.lo and char < self.starts[0] or k == len(self.starts) and self.hi < len(self.tokens):
            raise OutOfWindow("left" if k == 0 else "right")
        return self.lo + k

    def token_at(self, char: int) -> int | None:
        """Index of the window's own token that holds offset `char`."""
        k = bisect_right(self.starts, char) - 1
        return self.lo + k if k >= 0 and self.tokens[self.lo + k].end > char else None

    def gap_break(self, i: int) -> bool:
        """An empty line between token i and token i+1."""
        return i + 1 < len(self.tokens) and self.tokens[i + 1].blank_before

    def date_ending(self, i: int) -> tuple[int, Found] | None:
        f = self.dates_by_end.get(self.tokens[i].end)
        return (self.index_at(f.start), f) if f else None

    def institution_ending(self, i: int) -> tuple[int, Found] | None:
        f = self.institutions_by_end.get(self.tokens[i].end)
        return (self.index_at(f.start), f) if f else None

    def roles(self, i: int) -> frozenset[str]:
        toks = self.tokens
        if i < 0 or i >= len(toks):
            return _NO_ROLES
        roles = self.by_word.get(toks[i].lower, _NO_ROLES)
        if "country" in roles and i + 1 < len(toks) and "qualifier" in self.vocab.role(toks[i + 1].lower):
            roles = roles | {"qualifier"}
        return roles

    def participle(self, i: int, role: str = "participle_ending") -> bool:
        """A past participle (бекіткен, жасаған) that is not part of names; with
        `clause_ending`, a present one (белгілейтін)."""
        word = self.tokens[i].lower
        if word in self.vocab.roles.get("name_participle", ()):
            return False
        return word.endswith(self.vocab.endings(role))

    def joins_act(self, i: int) -> bool:
        """`мен`, `және` or a comma right after another act's type word: the
        name on its right is a second act's (Конституция мен Білім туралы Заң).
        The type word is only looked up by its stem here, so a misspelt ending
        (пактін,) still parts two names."""
        return ("and" in self.roles(i) and i >= 1 and self.tokens[i - 1].is_word
                and self.vocab.prefilter.match(self.tokens[i - 1].lower) is not None)

    def span_text(self, a: int, b: int) -> str:
        """Text of tokens a..b inclusive, spaces collapsed."""
        return " ".join(self.text[self.tokens[a].start:self.tokens[b].end].split())


@lru_cache(maxsize=65536)
def _stem_roles(vocab: Vocabulary, word: str) -> frozenset[str]:
    """The roles of the stem of a word's best reading."""
    found = readings(word)
    return vocab.role(found[0].stem) if found else _NO_ROLES


def not_act_after(vocab: Vocabulary, word: str) -> bool:
    """Whether a word (тұлға) right after an act word on its line makes it no
    act (заңды тұлға: a legal person): `read` then finds nothing there."""
    return "not_act_before" in _stem_roles(vocab, word)


def act_type(ctx: Context, i: int) -> tuple[ActType, morph.Analysis, str | None] | None:
    """The act type token i names, its reading, and a number written before a
    hyphen (`13-ұсынымы`)."""
    number, found = word_types(ctx.vocab, ctx.tokens[i].text)
    for t, a in found:
        n = len(t.before)
        if n and (i - n < 0 or [ctx.tokens[j].lower for j in range(i - n, i)] != list(t.before)):
            continue
        return t, a, number
    return None


@lru_cache(maxsize=65536)
def word_types(vocab: Vocabulary, word: str) -> tuple[str | None, tuple[tuple[ActType, morph.Analysis], ...]]:
    """A word's number before a hyphen and the act types its readings name, in
    the order act_type tries them."""
    number = None
    if "-" in word:
        pre, _, rest = word.rpartition("-")
        if not pre or not any(ch.isdigit() for ch in pre):
            return None, ()
        number, word = pre, rest
    if not word.isalpha():
        return None, ()
    return number, tuple((t, a) for a in readings(word) for t in vocab.types.get(a.stem, ()))


@lru_cache(maxsize=65536)
def self_word(vocab: Vocabulary, word: str) -> bool:
    """Whether every act type a token `word` names is the document's own (use
    `self`: ақпарат, құжат), named by a noun with no words before it."""
    found = word_types(vocab, word)[1]
    return bool(found) and all(t.use == "self" and t.name == "noun" and not t.before for t, _ in found)


def unmarked_self(vocab: Vocabulary, before: Iterable[tuple[str, bool]]) -> bool:
    """Whether `read` finds nothing at a self_word, given the tokens before it
    (nearest first, lower case, each with whether an empty line follows it).
    Such a word cites only after a marker (осы, бұл, жоғарыда аталған), or
    after a run of adjectives, ordinals and `және` (_described_from) that
    holds an ordinal (алтыншы мерзімді есептері) or follows осы: where none
    of these can be, the word needs no window."""
    for n, (word, blank) in enumerate(before):
        roles = vocab.by_word.get(word, _NO_ROLES)
        if blank or n == 20:  # (the run ends here, at an empty line or its reach)
            return n == 0 or "this" not in roles and n < 20
        if word == ")":
            return False  # a bracketed year inside the run: read it
        if n == 0 and ("this" in roles or "anaphora" in roles or word in _marker_ends(vocab)):
            return False
        if not (word[:1].isalpha() and (_ADJECTIVE.search(word) or _ATTRIBUTE.search(word) or _ORDINAL.search(word)
                                        or "and" in roles or "ordinal" in roles)):
            return n == 0 or "this" not in roles  # the word before the run
        if _ORDINAL.search(word):
            return False
    return True  # the run (or nothing) reaches the text's start


@lru_cache(maxsize=None)
def _marker_ends(vocab: Vocabulary) -> frozenset[str]:
    """The last words of markers of several words (жоғарыда аталған)."""
    return frozenset(w.rsplit(" ", 1)[1] for role in ("anaphora", "this") for w in vocab.roles.get(role, ()) if " " in w)


def _upper(tok: Token) -> bool:
    return tok.is_word and len(tok.text) > 1 and tok.text.isupper()


def _formula_or_heading(ctx: Context, i: int) -> bool:
    """An act word in capitals next to another word in capitals is an operative
    formula (ҚАУЛЫ ЕТЕДІ, ШЕШІМ ҚАБЫЛДАДЫ) or a chapter heading (ЖАЛПЫ ЕРЕЖЕЛЕР)."""
    toks = ctx.tokens
    if not _upper(toks[i]):
        return False
    nxt = i + 1 < len(toks) and (_upper(toks[i + 1]) or toks[i + 1].text.isupper() and toks[i + 1].is_word)
    prev = (i > 0 and _upper(toks[i - 1]) and not toks[i].newline_before
            and "qualifier" not in ctx.roles(i - 1))  # ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ is a header
    return bool(nxt or prev)


def nominative(word: str, a: morph.Analysis, possessive: bool) -> str:
    form = morph.inflect(a.stem, plural=a.plural, possessive=possessive)
    return form[:1].upper() + form[1:] if word[:1].isupper() else form


def _number_at(ctx: Context, i: int) -> tuple[int, str] | None:
    """`№ 1332`, `N 214-IV`, `№ 403-VI ҚРЗ` ending at token i: (first index, number)."""
    toks = ctx.tokens
    text = toks[i].text
    if text.isalpha() and not (len(text) <= 4 and text.isupper()):
        return None  # a word: neither a number nor a letter suffix
    j = i
    tail = ""
    if _ROMAN_TAIL.match(text) and j >= 2 and toks[j - 1].has_digit:
        tail = " " + toks[j].text
        j -= 1
    if toks[j].has_digit and j >= 1 and toks[j - 1].lower in _NUMBER_SIGNS:
        return j - 1, toks[j].text + tail
    return None


def _group_open(ctx: Context, i: int, limit: int = 10) -> int | None:
    """Index of the `(` that the `)` at i closes, within `limit` tokens."""
    for j in range(i - 1, max(-1, i - limit), -1):
        if ctx.tokens[j].text == "(":
            return j
        if ctx.tokens[j].text == ")" or ctx.gap_break(j):
            return None
    return None


def name_run(ctx: Context, end: int, head: int, short: str | None = None,
             commas: bool = True) -> tuple[int, str] | None:
    """The words of a name ending at token `end` (inclusive), read leftwards:
    (first index, why it stopped). Stops at a qualifier, an issuer, a date,
    a quote, a sentence end, a participle that closes a name, or an empty line.
    A `short` name (a code's or a declaration's, without a title word) has at
    most SHORT_NAME words and no punctuation."""
    toks = ctx.tokens
    n = len(toks)
    institutions = ctx.institutions_by_end
    dates = ctx.dates_by_end
    vocab = ctx.vocab
    j = end
    first = None
    why = "limit"
    limit = SHORT_NAME.get(short, SHORT_NAME_OTHER) if short else MAX_NAME
    parties = False  # reading the bodies an agreement is between
    while j >= 0 and end - j < limit:
        tok = toks[j]
        if j + 1 < n and toks[j + 1].blank_before:
            why = "sentence"
            break
        if tok.end not in institutions and tok.end not in dates and _plain_word(vocab, tok.text, tok.lower):
            first = j  # (what the checks below would conclude for it)
            j -= 1
            continue
        f = institutions.get(tok.end)
        inst = (ctx.index_at(f.start), f) if f else None
        if inst and not short and (parties or j + 1 <= end and "between" in ctx.roles(j + 1)):
            first = inst[0]  # ... Ассамблеясы мен ... министрлігінің арасындағы келісім: the parties
            j = inst[0] - 1
            parties = j >= 0 and "and" in ctx.roles(j)
            continue
        if inst and (short or _GENITIVE.search(tok.lower)):
            why = "issuer"
            break
        if inst and j < end and toks[j + 1].capitalised:
            why = "sentence"  # Көзі: ... орталығы Нәсілдік ... конвенция: a body in the nominative is no part
            break
        f = dates.get(tok.end)
        d = (ctx.index_at(f.start), f) if f else None
        if d:
            nxt = toks[j + 1].lower if j + 1 < len(toks) else ""
            if nxt == "арналған" or nxt == "дейінгі":
                first = d[0]
                j = d[0] - 1
                continue
            why = "date"
            break
        roles = vocab.by_word.get(tok.lower, _NO_ROLES)
        if "country" in roles:
            roles = ctx.roles(j)
        if "qualifier" in roles:
            # inside a longer name only as the subject of an act's fulfilment:
            # (... конвенцияны Қазақстан Республикасының орындауы туралы баяндама)
            k = j
            while k >= 0 and "qualifier" in ctx.roles(k):
                k -= 1
            if k >= 0 and toks[k].is_word and not ctx.gap_break(k) and _accusative_act(ctx, k):
                first = k + 1
                j = k
                continue
            why = "qualifier"
            break
        if "and" in roles and ctx.joins_act(j):
            why = "joined"  # Конвенцияға және босқындар ... қатысты оның Хаттамасы: a second name
            break
        if "boundary" in roles or "anaphora" in roles or "this" in roles:
            why = "sentence"
            break
        if short and tok.is_word and (j < end and ctx.participle(j) or act_type(ctx, j)):
            why = "sentence"
            break
        if j < end and tok.is_word and not short and not tok.capitalised and toks[j + 1].capitalised \
                and _plain_locative(tok.text):
            why = "sentence"  # ... органдарымен тығыз іс-қимылда ТМД ... туралы келісім: an adverbial
            break
        if j < end and tok.is_word and word_types(vocab, tok.text)[1] and _oblique_act(ctx, j):
            why = "sentence"  # ... Заңымен Экономикалық ... пактіні: another act's word ends the name
            break
        if tok.text in QUOTES or tok.text in SENTENCE_END or tok.text == "№":
            why = "sentence"
            break
        listed = short and tok.text == "," and j >= 1 and _verbal_noun(toks[j - 1]) and j < end \
            and toks[j + 1].is_word and not toks[j + 1].capitalised
        if not tok.is_word and not listed and (short or tok.text not in (",()-–" if commas else "()-–")):
            why = "sentence"  # (a short name may list deeds: беру, ұзарту, одан айыру және ... ережелері)
            break
        first = j
        j -= 1
    if j < 0:
        why = "text"  # the text's first word
    if first is None:
        return None
    # a run of lower-case words is a name only when a qualifier or an issuer
    # bounds it (Қазақстан Республикасы қылмыстық кодексі); otherwise it starts
    # at a capitalised word, and not at a sentence's first word when a later
    # capitalised word can start it (Сонымен қатар Қылмыстық кодекс)
    if short and (ctx.participle(end) or ctx.participle(end, "clause_ending")):
        return None  # Президенті белгілейтін тізбе: a clause, not a name, before the type word
    caps = [k for k in range(first, end + 1) if toks[k].is_word and toks[k].capitalised]
    passed = head + 1 < len(toks) and "passed" in ctx.roles(head + 1)
    dated = why == "date" and (not short and any("about" in ctx.roles(k) for k in range(first, end + 1))
                               or passed)  # (2011 жылы иммигранттарға ... ережелері бекітілді)
    if (why in ("qualifier", "issuer", "joined") or dated) and (toks[first].is_word or toks[first].has_digit) \
            and not (short and caps):
        return first, why  # (a date bounds a titled name too: 2012 жылғы сәуірде ... туралы келісімге)
    if not caps:
        return None
    if short:
        start = caps[-1]  # the nearest capitalised word starts a short name (Әкімшілігіне Ұлттық жоспар)
        while start - 1 >= first and toks[start - 1].is_word and toks[start - 1].capitalised:
            start -= 1  # ... and the proper noun it ends (Қазақстан Республикасындағы адам ...)
        opens = start == 0 or toks[start - 1].text in SENTENCE_END
        if start == end and why == "sentence" and opens and short != "code":
            return None  # Онда доктрина: a sentence's first word, not a name
        if start < end and opens and _plural_subject(toks[start].text):
            start += 1  # Сарапшылар еңбек кодексін: the sentence's subject
            if not toks[start].capitalised and why not in ("qualifier", "issuer") and short != "code":
                return None
        if end - start < 3 and any("and" in ctx.roles(k) for k in range(start, end + 1)) and short != "code":
            return None  # Мемлекеттің және бағдарлама
        return (start, why) if start <= end else None
    start = caps[0]
    sentence_start = start == first and why in ("sentence", "text") or (start > 0 and toks[start - 1].text in SENTENCE_END)
    if sentence_start and len(caps) > 1 and not _continues(ctx, start, caps[1]):
        start = caps[1]
    if start < end and "country" in ctx.roles(start) and "qualifier" not in ctx.roles(start) \
            and toks[start + 1].capitalised and toks[start].start not in ctx.institution_starts:
        start += 1  # Қазақстан Азаматтық ... пактін бекітті: the country is the sentence's subject
    while start <= end and not toks[start].is_word:
        start += 1
    return (start, why) if start <= end else None


@lru_cache(maxsize=65536)
def _plain_word(vocab: Vocabulary, word: str, lower: str) -> bool:
    """A word that name_run takes into a name wherever it stands (no role, no
    act reading, no participle, no plain locative), unless a body or a date
    ends at it."""
    return (word[:1].isalpha() and lower not in vocab.by_word and not word_types(vocab, word)[1]
            and (lower in vocab.roles.get("name_participle", ()) or not lower.endswith(vocab.endings("participle_ending")))
            and not _plain_locative(word))


def _ordinal_name(ctx: Context, end: int) -> int | None:
    """A report named by its place in a series: `Бастапқы баяндама`,
    `Қазақстанның бесінші мерзімді баяндамасы` (ordinals, `бастапқы`, and the
    adjectives of a report, after a capitalised owner in the genitive or
    opening the sentence). The first index of the name, or None."""
    toks = ctx.tokens
    k = end
    ordinal = False
    while k >= 0 and end - k < 6 and toks[k].is_word and not ctx.gap_break(k):
        word = toks[k].lower
        if _ORDINAL.search(word) or "ordinal" in ctx.roles(k):
            ordinal = True
        elif not (_ADJECTIVE.search(word) or _ATTRIBUTE.search(word) or "and" in ctx.roles(k)):
            break
        k -= 1
    if not ordinal or k == end:
        return None
    if k >= 0 and toks[k].is_word and toks[k].capitalised and _GENITIVE.search(toks[k].lower) \
            and not ctx.gap_break(k):
        return k  # Қазақстанның бесінші ... баяндамасы
    if toks[k + 1].capitalised and (k < 0 or toks[k].text in SENTENCE_END or toks[k + 1].newline_before):
        return k + 1  # Бастапқы баяндама, opening its sentence
    return None


def _ordinal_ref(ctx: Context, end: int) -> tuple[int, list[str]] | None:
    """Ordinals, with adjectives, `және` and a bracketed symbol, right before
    a type word: their first index and the ordinals."""
    toks = ctx.tokens
    k = _described_from(ctx, end)
    first = (k + 1) if k is not None else None
    if first is None:
        return None
    ordinals = [toks[m].lower for m in range(first, end + 1) if toks[m].is_word and _ORDINAL.search(toks[m].lower)]
    while first > 0 and "qualifier" in ctx.roles(first - 1):
        first -= 1  # the country's: Қазақстан Республикасының алтыншы ... есептері
    return (first, ordinals) if ordinals else None


@lru_cache(maxsize=65536)
def _modifier(vocab: Vocabulary, text: str, word: str) -> bool:
    """A lower-case word that can stand between a name and its type word: an
    adjective (мемлекеттік, жалпы, өзінің), not a noun in a case or possessed
    (шегінде, бағыттары), nor in the genitive. `word` is the text in lower case."""
    roles = vocab.by_word.get(word, _NO_ROLES)
    if not text.islower() or _GENITIVE.search(word) and "reflexive" not in roles:
        return False
    if _ADJECTIVE.search(word) or _ATTRIBUTE.search(word) or "not_legal" in roles or "reflexive" in roles:
        return True
    found = readings(text)
    return bool(found) and found[0].case is None and not found[0].possessive and not found[0].plural


def _state_name(ctx: Context, end: int) -> int | None:
    """A lower-case name that opens with the state's adjective and runs in the
    nominative to the type word (мемлекеттік жалпы білім беру стандарты): the
    first index, or None. One word after мемлекеттік is not enough
    (мемлекеттік стандартқа is any state standard)."""
    toks = ctx.tokens
    k = end
    while k >= 0 and end - k < STATE_NAME and toks[k].is_word and not ctx.gap_break(k):
        if "state" in ctx.roles(k):
            return k if end - k >= 2 else None
        found = readings(toks[k].text)
        if not found or found[0].case is not None or found[0].plural or found[0].possessive \
                or toks[k].capitalised:
            return None
        k -= 1
    return None


def _described_from(ctx: Context, i: int) -> int | None:
    """Index of the word before a run of adjectives, ordinals, `және` and
    bracketed years ending at token i (жиынтық алтыншы (2008 - 2010 жылдар)
    және жетінші), or None when there is no such run."""
    toks = ctx.tokens
    k = i
    while k >= 0 and i - k < 20 and not ctx.gap_break(k):
        tok = toks[k]
        if tok.text == ")":
            o = _group_open(ctx, k)
            if o is None:
                return None
            k = o - 1
            continue
        word = tok.lower
        if not tok.is_word or not (_ADJECTIVE.search(word) or _ATTRIBUTE.search(word) or _ORDINAL.search(word)
                                   or "and" in ctx.roles(k) or "ordinal" in ctx.roles(k)):
            break
        k -= 1
    return k if k < i and k >= 0 else None


def _genitive_name(name: str) -> str:
    """A body's name with its last word in the genitive (Біріккен Ұлттар Ұйымы ->
    ... Ұйымының)."""
    words = name.split()
    found = readings(words[-1])
    if found:
        form = morph.inflect(found[0].stem, plural=found[0].plural, possessive=found[0].possessive, case="gen")
        words[-1] = (form[:1].upper() if words[-1][:1].isupper() else form[:1]) + form[1:]
    return " ".join(words)


def _plain_locative(word: str) -> bool:
    """A common noun in the locative without -ғы/-гі (іс-қимылда): before a
    capitalised word, where or when something happens, not part of the name
    that word opens (a capitalised place in the locative can be part of one:
    Қазақстан Республикасында білім беруді дамыту)."""
    found = readings(word.rpartition("-")[2])
    return bool(found) and found[0].case == "loc" and not found[0].attributive


def _planned(ctx: Context, end: int, head: int) -> tuple[int, str] | None:
    """A plan named without a title word: a body's plan for a period
    (Үкіметінің 2012 жылға арналған заң жобалау жұмыстарының жоспары), or a
    capitalised name after the participle of its approval (министр ... бекіткен
    Базалық оқулықтарды шығарудың тақырыптық жоспары)."""
    run = name_run(ctx, end, head)
    if run is None:
        return None
    toks = ctx.tokens
    first, why = run
    if why == "issuer" and any("name_participle" in ctx.roles(k) for k in range(first, end + 1)):
        return run
    if why == "sentence" and first > 0 and "boundary" in ctx.roles(first - 1) and toks[first].capitalised \
            and end - first >= 2:
        return run
    return None


def _verbal_noun(tok: Token) -> bool:
    """A verbal noun in -у/-ю (беру, ұзарту): deeds a name may list."""
    return tok.is_word and tok.lower.endswith(("у", "ю")) and len(tok.lower) > 2


def _comitative(word: str) -> bool:
    """A word in the instrumental (Норвегиямен): with whom, not a name's word."""
    found = readings(word)
    return bool(found) and found[0].case == "ins"


def _oblique(word: str) -> bool:
    """A word whose best reading is in a case other than the nominative and genitive."""
    found = readings(word)
    return bool(found) and found[0].case not in (None, "gen")


def _plain_before(ctx: Context, head: int) -> bool:
    """No word describing the type word before it (an adjective, an ordinal, a
    participle, a genitive owner): `баяндаманың` alone, not `мерзімді
    баяндамаға` or `Комитеттің баяндамасы`."""
    if head == 0:
        return True
    prev = ctx.tokens[head - 1]
    if not prev.is_word:
        return prev.text in SENTENCE_END or prev.text == ","
    word = prev.lower
    return not (_ADJECTIVE.search(word) or _ATTRIBUTE.search(word) or _GENITIVE.search(word)
                or ctx.participle(head - 1) or ctx.participle(head - 1, "clause_ending") or ctx.roles(head - 1))


def _plural_subject(word: str) -> bool:
    """A plural noun with no case ending (Сарапшылар, Депутаттар)."""
    found = readings(word)
    return bool(found) and found[0].plural and found[0].case is None and not found[0].possessive


def _describes(ctx: Context, a: int, b: int) -> bool:
    """Whether tokens a..b are only adjectives, ordinals and `және` between a
    title's last word and its type word (туралы алтыншы және жетінші жиынтық
    мерзімді баяндама), not a phrase of their own (қарсы іс-қимыл және
    қоғамдағы ... келісімді)."""
    for k in range(a, b + 1):
        word = ctx.tokens[k].lower
        if not (_ADJECTIVE.search(word) or _ATTRIBUTE.search(word) or "and" in ctx.roles(k)
                or "ordinal" in ctx.roles(k) or _genitive_act(ctx, k) or k == a == b and _bare_noun(ctx, k)):
            return False
    return True


def _bare_noun(ctx: Context, k: int) -> bool:
    """One noun with no ending between a title word and the type word: the
    head of the deed (кемсітушілікке қарсы күрес конвенциясы)."""
    found = readings(ctx.tokens[k].text)
    return ctx.tokens[k].is_word and bool(found) and found[0].case is None and not found[0].possessive \
        and not found[0].plural and not act_type(ctx, k)


def _genitive_act(ctx: Context, k: int) -> bool:
    found = act_type(ctx, k)
    return found is not None and found[1].case == "gen"


def _oblique_act(ctx: Context, k: int) -> bool:
    """An act word in a case that cannot stand inside another act's name (an
    instrumental, dative, locative or ablative: Заңымен, Кодексіне); the
    genitive and accusative can (конвенцияның хаттамасы, пактіні ратификациялау)."""
    found = act_type(ctx, k)
    return found is not None and found[1].case in ("ins", "dat", "loc", "abl")


def _accusative_act(ctx: Context, k: int) -> bool:
    found = act_type(ctx, k)
    return found is not None and found[1].case == "acc"


def _continues(ctx: Context, a: int, b: int) -> bool:
    """Whether a sentence-initial capital word at `a` belongs to the name that a
    later capitalised word `b` is in: yes when the words between are joined by
    genitives or the name is long (a treaty named in full)."""
    return any(_GENITIVE.search(ctx.tokens[k].lower) or ctx.tokens[k].is_word and _accusative_act(ctx, k)
               for k in range(a, b))  # (... пактіні Қазақстан Республикасының орындауы туралы баяндама)


def read(ctx: Context, head: int) -> Citation | None:
    found = act_type(ctx, head)
    if not found:
        return None
    t, a, head_number = found
    toks = ctx.tokens
    if _formula_or_heading(ctx, head):
        return None
    if head + 1 < len(toks) and toks[head + 1].is_word and not toks[head + 1].newline_before \
            and not_act_after(ctx.vocab, toks[head + 1].text):
        return None  # заңды тұлға: "legal person", not a law
    c = Citation(t.kind, head, head - len(t.before), head, plural=a.plural,
                 nominative=a.case is None, capitalised=toks[head - len(t.before)].capitalised)
    if head_number:
        c.number = head_number
    i = c.first - 1
    # modifiers that are not part of a title (нормативтік қаулысы, жаңа Заңы)
    while t.name != "noun" and i >= 0 and "modifier" in ctx.roles(i) and not ctx.gap_break(i):
        c.first = i
        c.capitalised = toks[i].capitalised
        i -= 1
    # anaphora: осы Заң, аталған Кодекс, жоғарыда аталған
    if i >= 0 and not ctx.gap_break(i):
        two = toks[i - 1].lower + " " + toks[i].lower if i >= 1 else ""
        roles = ctx.roles(i)
        two_roles = ctx.vocab.role(two) if two else frozenset()
        if "anaphora" in two_roles:
            c.marker, c.first = "anaphora", i - 1
        elif "this" in roles:
            c.marker, c.first = "this", i
        elif "anaphora" in roles:
            c.marker, c.first = "anaphora", i
            if "near" in roles:
                c.extra["near"] = True  # бұл ереже: the act just named, not one far back
        elif t.kind == "other":
            k = _described_from(ctx, i)
            if k is not None and "this" in ctx.roles(k):
                c.marker, c.first = "this", k  # Осы жиынтық алтыншы (...) және жетінші (...) баяндама
    if t.use == "self":
        ref = _ordinal_ref(ctx, head - 1) if not c.marker and head > 0 else None
        if ref is not None:
            c.first, c.extra["ordinal_ref"] = ref  # ... алтыншы және жетінші мерзімді есептері
            c.marker = "ordinal"
            return c
        if not c.marker:
            return None  # ақпарат, құжат: the document itself only after осы/бұл
        c.extra["self_word"] = True
    if c.marker:
        _read_right(ctx, c)
        return c
    seen: set[str] = set()
    if t.kind == "treaty" and t.name == "noun" and _its(ctx, c, t, a):
        return c
    if t.name == "noun":
        _read_name(ctx, c, t, a, seen)
    i = c.first - 1
    for _ in range(10):
        if i < 0 or ctx.gap_break(i):
            break
        tok = toks[i]
        roles = ctx.roles(i)
        d = ctx.date_ending(i)
        if d and "date" not in seen:
            value = d[1].fields.get("value", "")
            text = ctx.text[d[1].start:d[1].end]
            attributive = text.endswith(("ғы", "гі")) or not text[-1].isalpha()
            if len(value) == 10 and (attributive or "quoted" in seen):
                c.date = value
            elif not attributive and "quoted" not in seen:
                break  # "2012 жылы 5 мамырда заң қабылданды", "2016 жылы ... баяндамасын": an event date
            seen.add("date")
            c.first = d[0]
            i = d[0] - 1
            continue
        n = _number_at(ctx, i)
        if n and "number" not in seen and not c.number:
            c.number = n[1]
            seen.add("number")
            c.first = n[0]
            i = n[0] - 1
            if t.name == "noun" and "title" not in seen and i >= 0 and "about" in ctx.roles(i):
                # ... еңбек туралы № 29 конвенциясы: a title before the number
                run = name_run(ctx, i, head, commas=False)
                if run:
                    c.title = ctx.span_text(run[0], i) + " " + nominative(toks[head].text, a, False).lower()
                    c.title = c.title[:1].upper() + c.title[1:]
                    seen.add("title")
                    c.first = run[0]
                    i = run[0] - 1
            continue
        if t.kind == "un_document" and tok.has_digit and "/" in tok.text and not c.number:
            c.number = tok.text
            seen.add("number")
            c.first = i
            i -= 1
            continue
        if (tok.text in CLOSE_QUOTES or tok.text in PLAIN_QUOTES) and i in ctx.quotes and "title" not in seen \
                and t.name != "fixed":
            o = ctx.quotes[i]
            if o + 1 >= i or not _set_title(ctx, c, t, a, ctx.span_text(o + 1, i - 1)):
                break
            seen.add("title")
            seen.add("quoted")
            c.first = o
            i = o - 1
            continue
        if "title_end" in roles and "title" not in seen and t.name == "about":
            if c.nominative and toks[i + 1].newline_before:
                break  # a header line: the title above it is the document's heading
            run = name_run(ctx, i, head, commas=False)
            if not run:
                break
            c.title = ctx.span_text(run[0], i)
            seen.add("title")
            c.first = run[0]
            i = run[0] - 1
            continue
        inst = ctx.institution_ending(i)
        if inst and "issuer" not in seen and (_GENITIVE.search(tok.lower) or inst[0] == i == c.first - 1):
            # an issuer in the genitive, or one word joined to the type word
            # without it (Үкімет қаулысы, Президент Жарлығы)
            c.issuer = inst[1].fields.get("name")
            c.extra["issuer_span"] = (inst[0], i)
            seen.add("issuer")
            c.first = inst[0]
            i = inst[0] - 1
            continue
        if "acting" in roles or tok.text == "." and "acting" in ctx.roles(i - 1):
            i -= 1 if tok.text != "." else 2
            c.first = i + 1
            continue
        if "qualifier" in roles:
            seen.add("qualifier")
            c.first = i
            i -= 1
            continue
        if tok.text == ")" and not seen:
            o = _group_open(ctx, i, 30)
            if o is not None and o >= 1 and (_number_at(ctx, o - 1) or ctx.date_ending(o - 1)):
                c.first = o  # № 4 (алғашқы ресми жарияланған күнінен ...) қаулысымен
                i = o - 1
                continue
        if tok.text == ")" and "title" not in seen:
            o = _group_open(ctx, i)
            if o is not None and o >= 1 and toks[o - 1].text in QUOTES | CLOSE_QUOTES:
                c.extra["short_name"] = ctx.span_text(o + 1, i - 1)
                c.extra["group"] = (o, i)
                c.first = o
                i = o - 1
                continue
            if o is not None and any(ctx.date_ending(k) for k in range(o, i)):
                c.first = o  # № 27 (2000 ж.) жалпы ұсынымы: the bracketed year
                i = o - 1
                continue
        break
    if c.extra.get("not_legal"):
        return None
    if c.extra.get("ordinal_ref"):
        return c
    if c.number and not c.title and "minutes" in ctx.vocab.role(morph.lemma(toks[head].text).lower()):
        c.kind = "other"  # № 2/7 хаттамасы: a meeting's minutes, not a treaty
    if t.kind == "treaty" and "date" in seen and "title" not in seen and not c.date and i >= 0:
        _protocol_to(ctx, c, t, a, i)
    if c.plural and "quoted" in seen:
        c.extra["siblings"] = _siblings(ctx, c, t, a)
        if c.extra["siblings"] and t.name == "noun":
            for sib in [c] + c.extra["siblings"]:  # each of several acts is one: ... туралы конвенция
                if sib.title:
                    words = sib.title.split()
                    sib.title = " ".join(words[:-1] + [morph.inflect(a.stem)])
    _read_right(ctx, c)
    if t.name == "fixed":
        c.title = fixed_title(ctx.vocab, t.kind)
    span = c.extra.get("issuer_span")
    if t.kind == "regulation" and not c.title and span and span[1] == head - 1:
        # a body's regulation is named by the body (... кеңестің ережесі)
        c.title = ctx.span_text(span[0], span[1]) + " " + nominative(toks[head].text, a, True).lower()
        c.title = c.title[:1].upper() + c.title[1:]
    if not c.title and span and span[1] == head - 1 and c.issuer and "body_named" in ctx.vocab.role(t.stem):
        # a charter is named by its body in full (БҰҰ Жарғысы = Біріккен Ұлттар Ұйымының Жарғысы)
        c.title = _genitive_name(c.issuer) + " " + nominative(toks[head].text, a, True)
    if t.use == "numbered" and not (c.date or c.number or "quoted" in seen):
        return None
    if c.plural and not (c.title or c.date or c.number) and not (c.capitalised and t.use == "bare"):
        return None  # Жоғарғы Сотының нормативтік қаулылары: acts in general
    # (a capitalised plural alone may be a short name the text defined:
    # (бұдан әрі – Қағидалар) ... Қағидалардың 4-тармағы; resolve decides)
    if not (c.title or c.date or c.number or c.issuer and t.name == "about" or t.name == "fixed"):
        c.bare = True
        c.first = head - len(t.before)
        c.issuer = None
        if c.first > 0 and toks[c.first - 1].text in OPEN_QUOTES | PLAIN_QUOTES:
            return None  # «Заңды мұрагерлік»: a quoted phrase, not a reference
        if c.draft and t.kind == "other":
            c.extra["own_draft"] = True  # Баяндама жобасы: the draft of the document's own report
            return c
        if t.kind == "other" and t.use == "titled" and not a.possessive and not c.plural \
                and a.case in ("gen", "loc") and not toks[head].capitalised and _plain_before(ctx, head):
            # баяндаманың негізгі баптары, баяндамада: the (definite) report is
            # the document's own; `баяндама жіберді` is a report
            c.extra["own_draft"] = True
            return c
        if t.use != "bare" and not (t.use == "named" and c.capitalised and _unit_next(ctx, head)):
            if not (c.capitalised and c.first > 0 and toks[c.first - 1].is_word and t.use != "self"):
                return None  # (Хаттаманың 2-бабына: a capitalised act word before a unit points back)
            c.extra["weak"] = True  # ... шаралардың ішінде Келісімде: only right after that act
    return c


def _unit_next(ctx: Context, head: int) -> bool:
    """Whether a numbered structural unit follows token `head` (2-бабына)."""
    if head + 1 >= len(ctx.tokens):
        return False
    tok = ctx.tokens[head + 1]
    if not tok.has_digit or "-" not in tok.text:
        return False
    word = tok.text.rpartition("-")[2]
    return word.isalpha() and any(a.stem in ctx.vocab.units for a in readings(word))


def _its(ctx: Context, c: Citation, t: ActType, a: morph.Analysis) -> bool:
    """`... конвенция мен оның (екі) факультативтік хаттамасы`: the treaty's own
    protocol, named by the treaty just before (resolve fills it in), or by a
    name before оның (босқындар мәртебесіне қатысты оның Хаттамасы)."""
    toks = ctx.tokens
    k = c.first - 1
    while k >= 0 and c.first - k <= 3 and toks[k].is_word and "its" not in ctx.roles(k) and not ctx.gap_break(k) \
            and (_ADJECTIVE.search(toks[k].lower) or "number_word" in ctx.roles(k)):
        k -= 1
    if k < 0 or "its" not in ctx.roles(k) or ctx.gap_break(k):
        return False
    words = [toks[m].text for m in range(k + 1, c.first) if "number_word" not in ctx.roles(m)]
    c.first = k
    c.marker = "its"
    c.extra["its"] = " ".join(words + [nominative(toks[c.head].text, a, True).lower()])
    if k >= 1 and "about" in ctx.roles(k - 1):
        run = name_run(ctx, k - 1, c.head, commas=False)
        if run:
            c.title = ctx.span_text(run[0], k - 1) + " " + morph.lemma(toks[c.head].text).lower()
            c.title = c.title[:1].upper() + c.title[1:]
            c.first = run[0]
            c.marker = None
            c.extra.pop("its")
    return True


def _protocol_to(ctx: Context, c: Citation, t: ActType, a: morph.Analysis, i: int) -> None:
    """`... туралы конвенцияға 2014 жылғы Хаттама`: a treaty of a year made to
    another treaty (in the dative) is named by it."""
    found = act_type(ctx, i)
    if not found or found[0].kind != "treaty" or found[1].case != "dat":
        return
    other = read(ctx, i)
    if other is None or not other.title:
        return
    words = other.title.split()
    words[-1] = morph.inflect(morph.lemma(words[-1]).lower(), case="dat")
    year = ctx.span_text(c.first, c.head - 1)
    c.title = " ".join(words) + " " + year + " " + nominative(ctx.tokens[c.head].text, a, False)
    c.first = other.first


def _siblings(ctx: Context, c: Citation, t: ActType, a: morph.Analysis) -> list[Citation]:
    """One plural type word after several titles names several acts:
    `«A» және 2001 жылғы 16 қаңтардағы «B» Заңдары` is two laws."""
    toks = ctx.tokens
    out: list[Citation] = []
    i = c.first - 1
    while i >= 1 and "and" in ctx.roles(i) and not ctx.gap_break(i - 1):
        j = i - 1
        sib = Citation(t.kind, c.head, j, j, plural=True)
        d = ctx.date_ending(j)
        if d and len(d[1].fields.get("value", "")) == 10:
            sib.date = d[1].fields["value"]
            j = d[0] - 1
        n = _number_at(ctx, j) if j >= 1 else None
        if n and c.number:
            sib.number = n[1]  # «A» № 87 және «B» № 98 конвенциялары
            j = n[0] - 1
        if not (j >= 1 and j in ctx.quotes and toks[j].text in CLOSE_QUOTES | PLAIN_QUOTES):
            break
        o = ctx.quotes[j]
        if o + 1 >= j:
            break
        if not _set_title(ctx, sib, t, a, ctx.span_text(o + 1, j - 1)):
            break
        sib.first = o
        if sib.date is None:
            sib.last = j
        j = o - 1
        d = ctx.date_ending(j) if j >= 0 else None
        if d and len(d[1].fields.get("value", "")) == 10 and sib.date is None:
            sib.date = d[1].fields["value"]
            sib.first = d[0]
            j = d[0] - 1
        out.append(sib)
        i = j
    return out


@lru_cache(maxsize=None)
def fixed_title(vocab: Vocabulary, kind: str) -> str:
    """The name of a one-of-a-kind act: its one-word type (Конституция, also
    when written Ата Заң)."""
    for stem, types in vocab.types.items():
        if any(t.kind == kind and t.name == "fixed" and not t.before for t in types):
            return stem.capitalize()
    return kind


def _set_title(ctx: Context, c: Citation, t: ActType, a: morph.Analysis, quoted: str) -> bool:
    """A quoted title: for `about` kinds it is the title; for named kinds a
    quoted `... туралы` takes the type word (`«X туралы» кодексі` = X туралы кодекс),
    a quoted proper name stands alone (`«Нұрлы көш» бағдарламасы`)."""
    quoted = quoted.strip(" ,.")
    if t.name == "noun" and quoted.lower().rsplit(" ", 1)[-1] in ctx.vocab.roles.get("title_end", ()):
        c.title = quoted + " " + nominative(ctx.tokens[c.head].text, a, False).lower()
    elif t.name == "noun" and len(quoted.split()) > PROPER_NAME:
        return False  # a quoted phrase, not a programme's proper name
    else:
        c.title = quoted
    return True


def _read_name(ctx: Context, c: Citation, t: ActType, a: morph.Analysis, seen: set[str]) -> None:
    """Named kinds: the words right before the type word are its name
    (Қылмыстық кодексі, ... жою туралы халықаралық конвенция, ... Ережесі)."""
    toks = ctx.tokens
    end = c.first - 1
    if end < 0 or ctx.gap_break(end):
        return
    year = ctx.date_ending(end)
    if year and len(year[1].fields.get("value", "")) == 4 and year[0] >= 1 and "about" in ctx.roles(year[0] - 1) \
            and ctx.text[year[1].start:year[1].end].endswith(("ғы", "гі")):
        end = year[0] - 1  # ... туралы 1994 жылғы келісім: the year is not in the name
    nxt = c.head + 1
    if nxt < len(toks) and nxt in ctx.quotes and ctx.quotes[nxt] < c.first:
        o = ctx.quotes[nxt]
        c.title = (ctx.span_text(o + 1, c.head - 1) + " " if o + 1 < c.head else "") + nominative(
            toks[c.head].text, a, a.possessive)
        c.first, c.last = o, nxt
        seen.add("title")
        return
    # a quoted name or a number before a few lower-case words:
    # «Цифрлық Қазақстан» мемлекеттік бағдарламасы, № 35 жалпы ұсынымы
    if "not_legal" in _stem_roles(ctx.vocab, toks[end].text):
        c.extra["not_legal"] = True  # ... біліктілігін арттыру курстарының бағдарламасы
        return
    k = end
    while (k >= 0 and end - k < 3 and toks[k].is_word and not ctx.gap_break(k)
           and _modifier(ctx.vocab, toks[k].text, toks[k].lower) and not act_type(ctx, k)):
        k -= 1  # (№ 33 (2009) өзінің жалпы ұсынымы: the committee's own)
    if k < end and any("not_legal" in ctx.roles(m) for m in range(k + 1, end + 1)):
        c.extra["not_legal"] = True  # «...» оқу бағдарламасы, әдістемелік нұсқаулығы: teaching material
        return
    if k >= 0 and k < end and not ctx.gap_break(k):
        if k in ctx.quotes and (toks[k].text in CLOSE_QUOTES or toks[k].text in PLAIN_QUOTES):
            o = ctx.quotes[k]
            if o + 1 < k:
                c.title = ctx.span_text(o + 1, k - 1)
                c.first = o
                seen.add("title")
                seen.add("quoted")
                return
        if _number_at(ctx, k):
            c.first = k + 1
            return
        if toks[k].text == ")":
            o = _group_open(ctx, k)
            if o is not None and o >= 1 and _number_at(ctx, o - 1):
                c.first = k + 1  # № 27 (2000 ж.) жалпы ұсынымы: the number comes next
                return
    reach = TITLED_REACH if t.use == "titled" else 3
    # the name before a title word (туралы) a few words back; other names are read below
    about = ctx.vocab.roles.get("about", _NO_ROLES)
    titled_near = any(tok.lower in about for tok in toks[max(0, end - reach + 1):end + 1])
    run = name_run(ctx, end, c.head) if titled_near else None
    titled = run and any("about" in ctx.roles(k) and _describes(ctx, k + 1, end)
                         for k in range(max(run[0], end - reach + 1), end + 1))
    if not titled and t.use == "titled" and t.kind == "other":
        ordinal = _ordinal_name(ctx, end)
        if ordinal is not None:
            run, titled = (ordinal, "ordinal"), True
        else:
            ref = _ordinal_ref(ctx, end)
            if ref is not None:
                # төртінші және бесінші мерзімді баяндама mid-sentence: the
                # report of those numbers named before (resolve finds it)
                c.first, c.extra["ordinal_ref"] = ref
                c.marker = "ordinal"
                return
    state = _state_name(ctx, end) if not titled and not c.plural and t.kind in ("other", "programme") else None
    if state is not None:
        run, titled = (state, "state"), True
    if not titled:
        planned = _planned(ctx, end, c.head) if t.use == "titled" and t.kind == "programme" else None
        if planned is not None:
            run = planned
        elif t.use == "titled":
            # only a proper name of one word: Женева келісімі, Дурбан декларациясы
            if not (toks[end].is_word and toks[end].capitalised and end > 0
                    and toks[end - 1].text not in SENTENCE_END and not toks[end].newline_before
                    and not ctx.roles(end) and not act_type(ctx, end) and not _oblique(toks[end].text)):
                return  # (Комитетке баяндама: a report sent to someone)
            run = (end, "proper")
        else:
            run = name_run(ctx, end, c.head, short=t.kind)
        if run and c.plural and t.kind != "regulation":
            return  # Көпмәдениеттілік бағдарламалары: programmes in general
        if run and toks[c.head].capitalised and not toks[end].capitalised and t.kind != "code":
            return  # ... мемлекетті Конвенция: a capitalised type word alone points back
    if not run:
        return
    if c.plural and t.kind == "treaty" and any(_comitative(toks[k].text) for k in range(run[0], end + 1)):
        return  # Норвегиямен және Чехиямен реадмиссия туралы келісімдер: agreements of a kind
    start = run[0]
    words = [toks[k] for k in range(start, end + 1) if toks[k].is_word]
    if not words:
        return
    about_at = max((k for k in range(start, end + 1) if "about" in ctx.roles(k)), default=start - 1)
    if t.kind == "regulation" and any(toks[k].is_word and act_type(ctx, k) for k in range(about_at + 1, end + 1)):
        return  # Конституциясының ережелері: provisions of an act, not a regulation
    last = words[-1].lower
    genitive = any(_GENITIVE.search(toks[k].lower) for k in range(about_at + 1, end + 1))
    possessive = a.possessive and not (
        ("about" in ctx.vocab.role(last) or _ADJECTIVE.search(last)) and not genitive)
    if c.first < c.head:
        possessive = a.possessive  # a compound type keeps its own form (іс-қимыл жоспары)
    head_word = nominative(toks[c.head].text, a, possessive)
    if c.first < c.head:
        head_word = ctx.span_text(c.first, c.head - 1) + " " + head_word
    title_start = start
    d = ctx.dates_by_start.get(toks[start].start)
    if d is not None:
        k = ctx.index_at(d.end)
        if k < end and "name_participle" in ctx.roles(k):
            title_start = k + 1  # 2009 - 2011 жылдарға арналған X бағдарламасы: the years are not the name
    c.title = ctx.span_text(title_start, end) + " " + head_word
    c.title = c.title[:1].upper() + c.title[1:]
    c.first = start
    seen.add("title")
    if t.kind == "treaty" and any("between" in ctx.roles(k) and ctx.institution_ending(k - 1)
                                  for k in range(start + 1, end + 1)):
        c.kind = "other"  # an agreement between bodies, not between states


@lru_cache(maxsize=65536)
def _draft_word(vocab: Vocabulary, word: str) -> bool:
    """A reading of the word is a draft's (жобасы)."""
    return any(r.stem in vocab.roles.get("draft", ()) for r in readings(word))


def _read_right(ctx: Context, c: Citation) -> None:
    """After the type word: a draft (Заңының жобасы), a defined short name
    ((бұдан әрі – Конвенция)), and in a header the date and number that follow
    a nominative type word (Заңы 2021 жылғы 2 қаңтардағы № 403-VI ҚРЗ)."""
    toks = ctx.tokens
    j = c.last + 1
    if j < len(toks) and not toks[j].blank_before and toks[j].is_word:
        if _draft_word(ctx.vocab, toks[j].text):
            c.draft = True
            c.last = j
            j += 1
    if (j + 4 < len(toks) and "and" in ctx.roles(j) and toks[j + 1].is_word and toks[j + 1].text.islower()
            and toks[j + 2].text == "(" and "short" in ctx.roles(j + 3) and c.title):
        # ... қағидалары мен шарттары (бұдан әрі – Қағидалар): a two-part name
        c.title += " " + ctx.span_text(j, j + 1)
        c.last = j + 1
        j += 2
    if j + 3 < len(toks) and toks[j].text == "(" and "short" in ctx.roles(j + 1):
        k = j + 2
        while k < len(toks) and k < j + 6 and (toks[k].text in _DASHES or not toks[k].is_word or toks[k].lower == "әрі"):
            if toks[k].text == ")":
                break
            k += 1
        close = next((m for m in range(k, min(len(toks), k + 12)) if toks[m].text == ")"), None)
        if close is not None and close > k:
            c.alias = ctx.span_text(k, close - 1).strip("«»\"")
            c.last = close
            j = close + 1
    if j + 2 < len(toks) and toks[j].text == "(" and not c.alias and not c.marker:
        # a short name in brackets without бұдан әрі: Кодексіне (Салық кодексі);
        # quoted, it is the act's proper name: қағидаттар ("Париж қағидаттары")
        close = next((m for m in range(j + 1, min(len(toks), j + 3 + PROPER_NAME + 1)) if toks[m].text == ")"), None)
        a, b = j + 1, (close - 1 if close is not None else j)
        q = next((m for m in range(j + 2, min(len(toks), j + 3 + PROPER_NAME)) if ctx.quotes.get(m) == j + 1), None)
        quoted = q is not None and q + 1 < len(toks) and toks[q + 1].text in "),"
        if quoted:
            a, b = j + 2, q - 1  # ("Париж қағидаттары", Бас Ассамблеяның ... қарары)
            close = q if toks[q + 1].text == "," else close  # what follows the comma is read on its own
        if close is not None and a <= b and toks[a].capitalised and toks[b].is_word:
            found = act_type(ctx, b)
            if found and found[0].kind == c.kind and all(toks[m].is_word for m in range(a, b + 1)):
                c.alias = ctx.span_text(a, b)
                c.extra["group"] = (j, close)  # the mention still ends at its case ending
                if quoted:
                    c.title = c.alias
                    c.first = c.head  # the words before were a description
                j = close + 1
    if c.nominative and not c.date and not c.number and not c.marker and j < len(toks) and not toks[j].blank_before:
        d = ctx.dates_by_start.get(toks[j].start)
        if d and len(d.fields.get("value", "")) == 10:
            c.date = d.fields["value"]
            k = ctx.index_at(d.end)
            c.last = k - 1
            if k + 1 < len(toks) and toks[k].lower in _NUMBER_SIGNS and toks[k + 1].has_digit:
                c.number = toks[k + 1].text
                c.last = k + 1
                if k + 2 < len(toks) and _ROMAN_TAIL.match(toks[k + 2].text) and not toks[k + 2].newline_before:
                    c.number += " " + toks[k + 2].text
                    c.last = k + 2
