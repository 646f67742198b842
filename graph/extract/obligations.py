"""Obligations: the deontic layer of a text.

Two sources of duties. An act's own commands are clause-final verb forms
(`... баяндама бекітілсін.`, `министрлігі ... жіберсін.`, `бақылауды өзіме
қалдырамын.`); after the act's operative formula (ҚАУЛЫ ЕТЕДІ, ШЕШІМ
ҚАБЫЛДАДЫ, БҰЙЫРАМЫН), or in an act without one, their source is the
document itself. Duties, rights and prohibitions that a text states or
reports hang on a marker after a verbal noun (`кемсітуге болмайды`, `шығуы
тиіс`, `алуға құқығы бар`, `... тыйым салынады`); their source is the act
cited nearest before them in the sentence or the one before.

The action is the verb in its dictionary form with the words just before it
(its object): `баяндаманы жіберу`, `ешкімді кемсіту`. Russian runs the other
way: a command is an infinitive at the head of its item (`1. Утвердить
Правила`) and a rule's deed follows its marker (`обязан представить`). The
markers live in lexicon/deontic.tsv, the verb endings in lexicon/verbs.tsv,
per language.

The text is read from anchors, not word by word: a few scans of the folded
text (one for the markers' phrases, one per command or infinitive ending)
find where the grammar can start, and the words around each anchor are
tokenised on demand (_Words), as far as its grammar reads.
"""
from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Callable, NamedTuple

from ..lang import lexicon
from ..lang.kk import morph, verbs
from ..models import Found
from .tokens import alternation

if TYPE_CHECKING:
    from . import Findings

_WORD = re.compile(r"[^\W_]+(?:[-‑][^\W_]+)*")
# Punctuation that closes a clause: the action never reaches across it.
# Line breaks are not breaks: PDF exports cut sentences at page ends.
# Parentheses are not breaks either: a remark in brackets sits inside its
# clause, and its words are left out of the action (see _parenthesised).
# Quotation marks are not breaks: a name in quotes sits inside its clause
# («Бірлік» атауы берілсін); a quoted rule is closed off by _clause_start.
_CLAUSE_BREAKS = ".;:!?"
_CLAUSE_BREAK = re.compile(f"[{re.escape(_CLAUSE_BREAKS)}]")
_PAREN_REACH = 400  # characters: a longer "remark" is a stray bracket
# Ends of sentences: one literal-led pattern per mark, found at C speed.
_SENTENCE_ENDS = tuple((c, re.compile(re.escape(c) + r"(?=\s|$)")) for c in ".!?;") + ((":", re.compile(r":\s*\n")),)
# What may follow a command verb: the end of its clause, or the next item
# when an export lost the full stop (`бекітілсін\n2. ...`).
_CLAUSE_FINAL = re.compile(r"\s*(?:[.;:!?»\"”)]|$)|[ \t]*\n\s*(?:\d+[.)]|\n)")
_ACTION_WORDS = 4  # words of the object kept before a command verb
_STATEMENT_WORDS = 8  # words kept before a marker: a right or a ban names a longer deed
_SOURCE_FIELDS = ("kind", "title", "date", "number", "issuer", "self", "anaphora", "draft")
_LOOKALIKES = str.maketrans({"i": "і", "I": "І"})
_RULES = ("obligation", "prohibition", "permission", "formula", "not_rule")  # the rows of deontic.tsv that are markers
_AFTER_MARKER_ENDS_CLAUSE = re.compile(r"\s*(?:[.;:!?»\"”),]|$)")


@dataclass(frozen=True, slots=True)
class Marker:
    words: tuple[str, ...]
    modality: str
    attach: str


@lru_cache(maxsize=None)
def _markers(lang: str = "kk") -> tuple[Marker, ...]:
    rows = [Marker(tuple(m.split()), mod, att) for m, mod, att in lexicon(lang, "deontic")]
    return tuple(sorted(rows, key=lambda m: len(m.words), reverse=True))


@lru_cache(maxsize=1)
def _not_obligations() -> tuple[tuple[str, str], ...]:
    return tuple((obj, verb) for obj, verb in lexicon("kk", "not_deontic"))


@lru_cache(maxsize=1)
def _formula_first_words() -> frozenset[str]:
    return frozenset(m.words[-1] for m in _markers() if m.modality == "formula")


class Word(NamedTuple):
    """One word of the text (a tuple: cheap to make)."""

    text: str
    start: int
    end: int
    key: str  # lower case, Latin look-alikes made Kazakh: what lexicons are matched against


# A character no word contains: a place next to one never cuts a word.
_NOT_IN_WORD = re.compile(r"[^\w\-‑]|_")
_LAST_NOT_IN_WORD = re.compile(r"(?s:.*)(?:[^\w\-‑]|_)")
_CHUNK = 80  # characters tokenised at a time around the places the grammar reads
_FIRST_CHUNK = 24  # characters tokenised from an anchor on: most anchors read a word or two
_CLAUSE_CHARS = 800  # characters searched back at once for a clause's start
# U+0345 is the one character that case folding turns from a mark into a letter:
# in a folded text it would join the words around it.
_FOLD_JOINS = "\u0345"


def _keys(text: str) -> str | None:
    """`text` as lexicons are matched against (lower case, look-alikes made
    Kazakh), character for character, or None when folding does not keep
    the text's length and its words (then each word is folded by itself)."""
    folded = text.casefold()
    if len(folded) != len(text) or _FOLD_JOINS in text:
        return None
    # the look-alikes: casefold made I an i (no other character folds to i); both are the Kazakh і
    return folded.replace("i", "і")


def _cut_before(text: str, pos: int) -> int:
    """A place at or before `pos` that cuts no word: a space near it, else
    after the last character there that no word holds."""
    if pos <= 0:
        return 0
    space = text.rfind(" ", max(0, pos - _CHUNK), pos)
    if space >= 0:
        return space
    span = 64
    while pos > 0:
        m = _LAST_NOT_IN_WORD.match(text, max(0, pos - span), pos)
        if m:
            return m.end()
        if pos - span <= 0:
            return 0
        span *= 4
    return 0


def _cut_after(text: str, pos: int) -> int:
    """A place at or after `pos` that cuts no word."""
    if pos >= len(text):
        return len(text)
    space = text.find(" ", pos, pos + _CHUNK)
    if space >= 0:
        return space
    m = _NOT_IN_WORD.search(text, pos)
    return m.start() if m else len(text)


def _starts_word(text: str, pos: int) -> bool:
    """Whether a word of `text` starts at `pos` (one letter may be its last
    join: `ауыл-тиіс` is one word)."""
    if pos == 0:
        return True
    before = text[pos - 1]
    if before in "-‑":
        return pos < 2 or not _WORD_CHAR.match(text, pos - 2)
    return not _WORD_CHAR.match(text, pos - 1)


_WORD_CHAR = re.compile(r"[^\W_]")
_SPLIT_WORDS = re.compile(f"({_WORD.pattern})")  # split keeps what its group matched: the words


class _Words:
    """The words of a text around the places the grammar reads: one run of
    consecutive words, tokenised on demand and grown by chunks to either side,
    so that nothing is done for the words of the text that no anchor's grammar
    reaches. A chunk is split at C speed (`re.split`, offsets summed by
    `accumulate`); a Word is made when it is first asked for. Indices count
    from the run's first place (the words before it get negative ones);
    `has(k)` says whether word k exists in the text at all, where a list
    would compare k with 0 and its length."""

    __slots__ = ("text", "keys", "texts", "starts", "ends", "made", "base", "lo", "hi")

    def __init__(self, text: str, keys: str | None, pos: int) -> None:
        self.text, self.keys = text, keys
        # the run covers text[lo:hi] (both cut no word): at first a few words either side of `pos`
        self.lo, self.hi = _cut_before(text, pos - _FIRST_CHUNK), _cut_after(text, pos + _FIRST_CHUNK)
        self.texts, self.starts, self.ends = self._tokens(self.lo, self.hi)  # the words as written, and where
        self.made: list[Word | None] = [None] * len(self.texts)  # each Word once asked for
        self.base = 0  # the index of the run's first word

    def _tokens(self, a: int, b: int) -> tuple[list[str], list[int], list[int]]:
        parts = _SPLIT_WORDS.split(self.text[a:b])  # gap, word, gap, ..., word, gap
        offsets = list(accumulate(map(len, parts), initial=a))
        return parts[1::2], offsets[1:-1:2], offsets[2::2]

    def _grow_right(self, chars: int = _CHUNK) -> None:
        b = _cut_after(self.text, self.hi + chars)
        texts, starts, ends = self._tokens(self.hi, b)
        self.texts += texts
        self.starts += starts
        self.ends += ends
        self.made += [None] * len(texts)
        self.hi = b

    def _grow_left(self, to: int | None = None) -> None:
        """Tokenise a chunk before the run, or back to `to` at least."""
        reach = self.lo - min(_CHUNK, max(_FIRST_CHUNK, self.hi - self.lo))
        a = _cut_before(self.text, reach if to is None else min(to, reach))
        texts, starts, ends = self._tokens(a, self.lo)
        self.texts[:0] = texts
        self.starts[:0] = starts
        self.ends[:0] = ends
        self.made[:0] = [None] * len(texts)
        self.base -= len(texts)
        self.lo = a

    def has(self, k: int) -> bool:
        if 0 <= k - self.base < len(self.texts):
            return True
        while k < self.base:
            if self.lo == 0:
                return False
            self._grow_left()
        while k - self.base >= len(self.texts):
            if self.hi >= len(self.text):
                return False
            self._grow_right()
        return True

    def __getitem__(self, k: int) -> Word:
        j = k - self.base
        if not 0 <= j < len(self.texts):
            if not self.has(k):
                raise IndexError(k)
            j = k - self.base
        w = self.made[j]
        if w is None:
            text, start, end = self.texts[j], self.starts[j], self.ends[j]
            key = self.keys[start:end] if self.keys is not None else text.translate(_LOOKALIKES).casefold()
            w = self.made[j] = tuple.__new__(Word, (text, start, end, key))  # without the NamedTuple's Python __new__
        return w

    def first_after(self, i: int, marks: str, barrier: int, floor: int) -> int:
        """The index of the first word after `barrier` and after the last of
        `marks` (characters no word holds) before word i; not below `floor`
        nor the first word of the text. A backward search of the text
        (str.rfind), not a look at each gap between words."""
        end = self[i].start
        reach = max(0, barrier, end - _CLAUSE_CHARS)
        cut = max(barrier, _last_of(self.text, marks, reach, end))
        if cut >= reach or reach == 0:  # the clause's start is in reach: tokenise back to it at once
            if self.lo > cut + 1:
                self._grow_left(cut + 1)
            return max(floor, self.base + bisect_right(self.starts, cut))
        while True:  # a long clause: back by chunks until a break, the floor or the text's start
            barrier = max(barrier, _last_of(self.text, marks, max(self.lo, barrier), end))
            if barrier >= self.lo or self.base <= floor or self.lo == 0:
                return max(floor, self.base + bisect_right(self.starts, barrier))
            end = self.lo
            self._grow_left()

    def covers(self, pos: int) -> bool:
        return self.lo <= pos <= self.hi

    def index_at(self, pos: int) -> int:
        """The index of the word that starts at `pos` (a place the run covers)."""
        while self.hi <= pos and self.hi < len(self.text):
            self._grow_right(_FIRST_CHUNK)
        return self.base + bisect_left(self.starts, pos)


def _last_of(text: str, marks: str, start: int, end: int) -> int:
    """Where the last of `marks` stands in text[start:end], or -1."""
    return max(text.rfind(mark, start, end) for mark in marks)


def _last_word(text: str) -> str | None:
    words = _WORD.findall(text)
    return words[-1] if words else None


@lru_cache(maxsize=None)
def _markers_by_first_word(lang: str = "kk") -> dict[str, tuple[Marker, ...]]:
    out: dict[str, list[Marker]] = {}
    for mk in _markers(lang):  # longest first, kept within each first word
        out.setdefault(mk.words[0], []).append(mk)
    return {k: tuple(v) for k, v in out.items()}


def _matching_markers(words: _Words, i: int, lang: str = "kk") -> list[Marker]:
    """Every marker that starts at word i, longest first."""
    candidates = _markers_by_first_word(lang).get(words[i].key, ())
    if not candidates:
        return []
    ahead = [words[i].key]
    for k in range(1, len(candidates[0].words)):  # longest first: the most words any needs
        if not words.has(i + k):
            break
        ahead.append(words[i + k].key)
    return [mk for mk in candidates if tuple(ahead[:len(mk.words)]) == mk.words]


def _match_marker(words: _Words, i: int, lang: str = "kk") -> Marker | None:
    found = _matching_markers(words, i, lang)
    return found[0] if found else None


_CLAUSE_REACH = 60  # words: a clause longer than this is cut (runaway text without punctuation)


def _clause_start(text: str, words: _Words, i: int, quote: int | None) -> int:
    """Index of the first word of the clause that word i ends: the first after
    the last clause break (no word holds one) and, inside a quotation that
    opens at `quote`, after its opening mark (a quoted command or rule does not
    take words from outside its quotation); at most _CLAUSE_REACH words back."""
    return words.first_after(i, _CLAUSE_BREAKS, -1 if quote is None else quote, i - _CLAUSE_REACH)


def _is_item_number(text: str, w: Word) -> bool:
    """`1.`, `2)`, and a lettered item `а)`."""
    after = text[w.end:w.end + 1]
    return (w.text.isdigit() and after in (".", ")")) or (len(w.text) == 1 and w.text.isalpha() and after == ")")


def _action(words: _Words, idx: list[int], verb: str | None, *, active: bool = False) -> str:
    """The words at `idx` followed by `verb`. Without a verb the last word is
    the deed (a verbal noun, or a noun in the dative that loses its case): it
    and the verbal nouns coordinated with it (same case: `шығуға, ... оралуға`)
    go to their dictionary form; the other words are its object, as written."""
    fillers = _fillers()
    all_words = [words[k] for k in idx]
    kept = [w for w in all_words if w.key not in fillers] or all_words
    parts = [w.text for w in kept]
    if verb:
        return " ".join(parts + [verb])
    if not parts:
        return ""
    last = parts[-1]
    deed = verbs.verbal_noun(last, active=active)
    if deed is None:
        if _case(last) == "dat":
            parts[-1] = morph.drop_case(last)
        return " ".join(parts)
    parts[-1] = deed
    case = _case(last)
    for n, w in enumerate(kept[:-1]):
        vn = verbs.verbal_noun(w.text, active=active)
        if vn and _case(w.text) == case:
            parts[n] = vn
    return " ".join(parts)


def _window(ctx: "_Context", words: _Words, lo: int, hi: int, size: int,
            blockers: list[tuple[int, int]], skip: tuple[int, int] | None = None) -> list[int]:
    """Indices of the action's words: at most `size` words of the clause before
    word `hi`, starting after the last of `blockers` ((end, start) spans, by
    end) there (a statement's source act and bearer are fields of their own;
    `сәйкес` after a source goes with it); the words of `skip` (an addressee)
    are left out."""
    fillers, after_date = _fillers(), _after_date()
    skipped: dict[int, bool] = {}

    def judge(a: int, b: int) -> None:
        """Whether each of words a..b-1 is left out: a bracketed remark, `мынадай`
        (announces what follows, names nothing), a date and the postposition after
        it (`31 наурызға дейін`: they say when, not what), or the addressee."""
        ws = [words[k] for k in range(a, b)]
        places = [w.start for w in ws]
        bracketed = _covered(ctx.parens, ctx.paren_starts, places)
        dated = _covered(ctx.dates, ctx.date_starts, places)
        for n, w in enumerate(ws):
            skipped[a + n] = (bool(skip) and skip[0] <= w.start < skip[1]) or w.key in fillers \
                or bracketed[n] or dated[n] or (w.key in after_date and (
                    dated[n - 1] if n else words.has(a - 1) and ctx.in_date(words[a - 1].start)))

    start, kept, judged = hi, 0, hi
    while start > lo and kept < size:
        start -= 1
        if start < judged:
            judged, until = max(lo, judged - size), judged
            judge(judged, until)
        kept += not skipped[start]
    if start >= hi:
        return []
    a, b = words[start].start, words[hi - 1].end
    # the last blocker to end in the window (one running past the deed is no act ending inside its own duty)
    beyond = len(ctx.text) + 1
    last = max((f_end for f_end, f_start in blockers[bisect_right(blockers, (a, beyond)):bisect_right(blockers, (b, beyond))]
                if a - _BODY_REACH <= f_start < b and (f_start, f_end) != skip), default=None)
    if last is not None:
        while start < hi and words[start].start < last:
            start += 1
    while start < hi and words[start].key in _after_source():
        start += 1
    return [k for k in range(start, hi) if not skipped[k]]


def _covered(spans: list[tuple[int, int]], starts: list[int], places: list[int]) -> list[bool]:
    """For each of `places` (in order), whether the last of `spans` (in order,
    with their `starts`) that starts at or before it covers it: one walk, not
    a search per place."""
    j = bisect_right(starts, places[0]) - 1
    if bisect_right(starts, places[-1]) - 1 == j and (j < 0 or spans[j][1] <= places[0]):
        return [False] * len(places)  # no span reaches into them
    out = []
    for place in places:
        while j + 1 < len(starts) and starts[j + 1] <= place:
            j += 1
        out.append(j >= 0 and place < spans[j][1])
    return out


@lru_cache(maxsize=1)
def _fillers() -> frozenset[str]:
    return frozenset(m.words[0] for m in _markers() if m.modality == "filler")


@lru_cache(maxsize=1)
def _after_date() -> frozenset[str]:
    return frozenset(m.words[0] for m in _markers() if m.modality == "after_date")


@lru_cache(maxsize=1)
def _after_source() -> frozenset[str]:
    return frozenset(m.words[0] for m in _markers() if m.modality == "after_source")


def _passive_duty(ctx: "_Context", words: _Words, lo: int, hi: int) -> str | None:
    """A duty stated in the passive dative (`шағым ... бір ай ішінде берілуге тиіс`)
    names its deed in the active, with the passive's subject as its object
    (`шағым беру`); the words between are adverbials (time, manner), not the
    object. The subject is the first noun in the nominative of the clause that
    heads its phrase: not an adjective, and not followed by a noun in the
    genitive or with a possessive (`әкімшілік органның шешіміне`).
    None when the deed is not passive or no subject is found."""
    deed = words[hi - 1].text
    active = verbs.verbal_noun(deed, active=True)
    if active is None or active == verbs.verbal_noun(deed) or _case(deed) != "dat":
        return None
    # the subject may stand before a named body (`Осы ақпарат министрлігіне ... жіберілуге`), and
    # may itself be a document or an act (`ақпарат`, `Қағидалар`)
    first = max(lo, hi - _CLAUSE_REACH)
    for k in range(hi - 1, first, -1):  # a line opening with a capital may open the sentence after a heading
        if "\n" in ctx.text[words[k - 1].end:words[k].start] and words[k].text[:1].isupper():
            first = k
            break
    k = _passive_subject(ctx, words, first, hi)
    return f"{words[k].text} {active}" if k is not None else None


def _passive_subject(ctx: "_Context", words: _Words, first: int, hi: int) -> int | None:
    """The first noun in the nominative from word `first` to the deed at hi-1
    that heads its phrase (see _passive_duty), named bodies and dates aside."""
    clause = [k for k in range(first, hi)
              if not ctx.in_body(words[k].start) and not ctx.in_date(words[k].start)]
    for n, k in enumerate(clause[:-1]):
        if _subject_noun(words[k]) and not words[k].key.endswith(_adjective_endings()) \
                and not _possessed(words[clause[n + 1]]):
            return k
    return None


def _possessed(w: Word) -> bool:
    """A noun that a nominative before it modifies: in the genitive, or with a possessive."""
    readings = morph.analyse(w.text) if w.text.isalpha() else []
    postposition = w.key in _after_date() or w.key in _after_source()
    return bool(readings) and w.key not in _stop_words() and not postposition and (
        readings[0].case == "gen" or (readings[0].case is None and readings[0].possessive))


@lru_cache(maxsize=1)
def _adjective_endings() -> tuple[str, ...]:
    return tuple(row[0] for row in lexicon("kk", "repair_adjective_endings"))


def _first_item(ctx: "_Context", words: _Words, k: int) -> list[int]:
    """The words of the first item of the list a colon after word k-1 opens
    (at most a statement's length, from its end), or [] with no colon."""
    if not words.has(k) or ":" not in ctx.text[words[k - 1].end:words[k].start]:
        return []
    end = _clause_end(ctx.text, words, k)
    start = max(k, end - _STATEMENT_WORDS)
    for j in range(start, end - 1):
        if words[j].key in _after_source():  # `заңнамасына сәйкес еңбек ету`: the source's postposition
            start = j + 1
    return [j for j in range(start, end) if not ctx.in_parens(words[j].start)]


def _items_after(ctx: "_Context", words: _Words, k: int) -> list[list[int]]:
    """The deeds of a numbered list that a colon after word k-1 opens
    (`міндетті:\n1) шарт жасасуға;\n2) жалақы төлеуге.`): the words of each item
    after its number, cut like a statement, or [] with no such list."""
    text = ctx.text
    if not words.has(k) or ":" not in text[words[k - 1].end:words[k].start] or not _is_item_number(text, words[k]):
        return []
    items: list[list[int]] = []
    while len(items) < _LIST_REACH:
        end = _clause_end(text, words, k + 1)
        start = max(k + 1, end - _STATEMENT_WORDS)
        for j in range(start, end - 1):
            if words[j].key in _after_source():
                start = j + 1
        item = [j for j in range(start, end) if not ctx.in_parens(words[j].start)]
        if item:
            items.append(item)
        if not words.has(end) or ";" not in text[words[end - 1].end:words[end].start] \
                or not _is_item_number(text, words[end]):
            break
        k = end
    return items


def _subject_phrase(words: _Words, clause: list[int]) -> list[int]:
    """The noun phrase that opens a clause (`мұрагерлік ережелері мен рәсімі`):
    nouns in the nominative or genitive and the words coordinating them, up to
    a possessive head that no coordinator follows."""
    after = [n for n, k in enumerate(clause) if words[k].key in _after_source()]
    if after:  # `... баптарына сәйкес мұрагерлік ережелері`: the subject follows its source
        clause = clause[after[-1] + 1:]
    out: list[int] = []
    for n, k in enumerate(clause[:_STATEMENT_WORDS]):
        w = words[k]
        if w.key in _coordinators():
            if not out:
                return []
            out.append(k)
            continue
        readings = morph.analyse(w.text) if w.text.isalpha() else []
        if not readings or readings[0].case not in (None, "gen") or w.key in _stop_words():
            break
        out.append(k)
        nxt = words[clause[n + 1]].key if n + 1 < len(clause) else ""
        if readings[0].possessive and readings[0].case is None and nxt not in _coordinators():
            return out
    return []


@lru_cache(maxsize=1)
def _coordinators() -> frozenset[str]:
    return frozenset(m.words[0] for m in _markers() if m.modality == "coordinator")


def _subject_noun(w: Word) -> bool:
    """A content word in the nominative."""
    if not w.text.isalpha() or len(w.text) < 3 or w.key in _stop_words() or verbs.verbal_noun(w.text):
        return False
    readings = morph.analyse(w.text)
    return not readings or readings[0].case is None


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    return frozenset(row[0] for row in lexicon("kk", "stop_words"))


@lru_cache(maxsize=65536)
def _case(word: str) -> str | None:
    readings = morph.analyse(word.rpartition("-")[2] or word)
    return readings[0].case if readings else None


def _opens_clause(text: str, words: _Words, i: int, quote: int | None) -> bool:
    """Whether word i is the first of its clause (see _clause_start), read
    from the word before it alone."""
    if not words.has(i - 1):
        return True
    before = words[i - 1]
    return bool(_CLAUSE_BREAK.search(text, before.end, words[i].start)) or (quote is not None and quote >= before.start)


def _attach_ok(mk: Marker, text: str, words: _Words, i: int, n: int) -> bool:
    """Whether the word before the marker at i (n words long, not the first
    of its clause) is what the marker needs."""
    prev = words[i - 1].text
    if mk.attach in ("any", "subject", "list"):
        return True
    if mk.attach in ("verbal_noun", "duty_verbal_noun", "assigned"):
        return verbs.verbal_noun(prev) is not None and not (words.has(i - 2) and words[i - 2].key in _speech())
    if mk.attach == "modal_verbal_noun":
        vn = verbs.verbal_noun(prev)
        return vn is not None and (vn == words[i - 1].key or vn != verbs.verbal_noun(prev, active=True))
    if mk.attach in ("predicate", "any_final"):
        return _ends_clause(text, words, i + n - 1)
    if mk.attach == "not_purpose":
        return not (words.has(i + n) and words[i + n].key in _purposes())
    return False


@lru_cache(maxsize=1)
def _speech() -> frozenset[str]:
    return frozenset(m.words[0] for m in _markers() if m.modality == "speech")


@lru_cache(maxsize=1)
def _purposes() -> frozenset[str]:
    return frozenset(m.words[0] for m in _markers() if m.modality == "purpose")


def _ends_clause(text: str, words: _Words, last: int) -> bool:
    """Whether word `last` closes its clause, or is followed by a word that
    keeps it a predicate (`міндетті болып табылады`, `тыйым салынған және`)."""
    if _AFTER_MARKER_ENDS_CLAUSE.match(text, words[last].end):
        return True
    return words.has(last + 1) and words[last + 1].key in _links()


@lru_cache(maxsize=1)
def _links() -> frozenset[str]:
    return frozenset(m.words[0] for m in _markers() if m.modality == "link")


_ANY_WORD_CHAR = re.compile(r"\w")
_QUOTE_REACH = 5000  # a quotation open longer than this is a stray mark, not a quotation


def _places(text: str, chars: str) -> list[int]:
    """Where any of `chars` stands in `text`, in order: one literal search per
    character (a literal is skipped to at C speed; a character class is tried
    at every character of the text)."""
    out: list[int] = []
    for ch in chars:
        find = text.find
        k = find(ch)
        while k >= 0:
            out.append(k)
            k = find(ch, k + 1)
    out.sort()
    return out


def _parenthesised(text: str) -> list[tuple[int, int]]:
    """Spans of the outermost bracketed remarks (`(...)`), in order."""
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    depth = 0
    for k in _places(text, "()"):
        if text[k] == "(":
            if depth == 0:
                opened = k
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0 and opened is not None and k + 1 - opened <= _PAREN_REACH:
                spans.append((opened, k + 1))
        if opened is not None and k - opened > _PAREN_REACH:
            depth, opened = 0, None
    return spans


def _quotations(text: str) -> tuple[list[int], list[int | None]]:
    """Where quotation state changes: positions, and for each the start of the
    quotation open from there on (None when outside quotes)."""
    positions: list[int] = [0]
    states: list[int | None] = [None]
    depth, opened = 0, None
    for k in _places(text, '«»"'):
        ch = text[k]
        if ch == '"' and k > 0 and _ANY_WORD_CHAR.match(text, k - 1) and _ANY_WORD_CHAR.match(text, k + 1):
            continue  # a mark inside a word quotes nothing
        if depth and opened is not None and k - opened > _QUOTE_REACH:
            depth, opened = 0, None  # a stray opening mark: its quotation never closed
        if ch == "«" or (ch == '"' and depth == 0):
            if depth == 0:
                opened = k
            depth += 1
        else:
            depth = max(0, depth - 1)
        positions.append(k + 1)
        states.append(opened if depth > 0 else None)
    return positions, states


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    sentence_starts: list[int]
    instruments: list[Found]
    institutions: list[Found]
    cited: list[tuple[int, int]]  # spans of named acts, provisions and bodies
    bodies: list[tuple[int, int]]  # spans of named bodies
    formula_end: int | None  # end of the first operative formula
    quotes: tuple[list[int], list[int | None]]
    parens: list[tuple[int, int]]  # bracketed remarks, in order
    instrument_starts: list[int]
    body_starts: list[int]
    dates: list[tuple[int, int]]  # spans of dates, in order: they date a deed, they are not it
    date_starts: list[int]
    paren_starts: list[int]
    cited_by_end: list[tuple[int, int]]  # (end, start) of the cited spans, by end
    bodies_by_end: list[tuple[int, int]]

    def in_body(self, pos: int) -> bool:
        k = bisect_right(self.bodies, (pos, len(self.text))) - 1
        return any(self.bodies[j][0] <= pos < self.bodies[j][1] for j in range(max(0, k - 3), k + 1))

    def in_date(self, pos: int) -> bool:
        k = bisect_right(self.date_starts, pos) - 1
        return k >= 0 and pos < self.dates[k][1]

    def bodies_in(self, lo: int, hi: int) -> list[Found]:
        """The named bodies that start in [lo, hi), in order."""
        return self.institutions[bisect_left(self.body_starts, lo):bisect_left(self.body_starts, hi)]

    def in_parens(self, pos: int) -> bool:
        k = bisect_right(self.paren_starts, pos) - 1
        return k >= 0 and pos < self.parens[k][1]

    def quotation_at(self, pos: int) -> int | None:
        """Start of the quotation that `pos` sits in, or None."""
        positions, states = self.quotes
        opened = states[bisect_right(positions, pos) - 1]
        return opened if opened is not None and pos - opened <= _QUOTE_REACH else None

    def sentence_of(self, pos: int) -> tuple[int, int]:
        k = bisect_right(self.sentence_starts, pos) - 1
        start = self.sentence_starts[k]
        end = self.sentence_starts[k + 1] if k + 1 < len(self.sentence_starts) else len(self.text)
        return start, end

    def act_before_stop(self, start: int, end: int) -> Found | None:
        """The act cited last between the full stop before `start` and `end`
        (a list's items end in semicolons; its sentence, at a full stop)."""
        stop = self.text.rfind(".", max(0, start - _SCOPE_REACH), start)
        starts = self.instrument_starts
        k = bisect_left(starts, end) - 1
        return self.instruments[k] if k >= 0 and starts[k] > stop else None

    def source_near(self, start: int, end: int) -> Found | None:
        """The act a statement is attributed to: cited in its sentence (nearest
        before it first), else in the sentence before."""
        s_start, s_end = self.sentence_of(start)
        starts = self.instrument_starts
        k = bisect_left(starts, start)
        if k > 0 and starts[k - 1] >= s_start:
            return self.instruments[k - 1]
        if k < len(starts) and starts[k] < s_end:
            return self.instruments[k]
        if s_start > 0 and k > 0:
            p_start, _ = self.sentence_of(s_start - 1)
            if starts[k - 1] >= p_start:
                return self.instruments[k - 1]
        return None


def _source_fields(inst: Found | None) -> dict[str, Any]:
    if inst is None:
        return {}
    src = {k: inst.fields[k] for k in _SOURCE_FIELDS if inst.fields.get(k) not in (None, "")}
    if not src:
        return {}
    return {"source": src, "_source_span": [inst.start, inst.end]}


def _nominative(text: str) -> bool:
    w = _last_word(text)
    if w is None:
        return False
    return morph.drop_case(w) == w


def _assigned_duty(words: _Words, lo: int, hi: int) -> list[int]:
    """What an assigning command hands over: the clause's subject up to its
    first bare verbal noun (`Осы бұйрықтың орындалуын бақылау ... вице-министріне
    жүктелсін`), so that the addressee's words stay out of the action."""
    for k in range(lo, hi):
        if verbs.verbal_noun(words[k].text) == words[k].key:
            return list(range(max(lo, k + 1 - _ACTION_WORDS), k + 1))
    return []


_BODY_REACH = 2000  # characters: no cited name is longer
_BODY_LOOKBACK = 50  # bodies before the formula to look at for its subject
_SCOPE_REACH = 3000  # characters back to look for a command's subject


def _command_scope(ctx: _Context, pos: int) -> int:
    """Where the sentence that a command closes begins: after the last full
    stop (an item number's included), never before the formula. A command
    may close a list (`департаменті: 1) ...; 2) ... қамтамасыз етсін.`), so
    colons and semicolons do not end its scope."""
    floor = max(0, pos - _SCOPE_REACH, ctx.formula_end or 0)
    stop = ctx.text.rfind(".", floor, pos)
    return stop + 1 if stop >= 0 else floor


def _bearer_before(ctx: _Context, lo: int, pos: int) -> str | None:
    """The named body that is the subject of a command: an institution in the
    nominative between the clause start and the verb."""
    for f in ctx.bodies_in(lo, pos):
        if _nominative(ctx.text[f.start:f.end]) and f.fields.get("name"):
            return f.fields["name"]
    return None


def _dative_bearer(ctx: _Context, words: _Words, lo: int, i: int) -> tuple[int, str | None]:
    """A named body right before a marker is whom the rule addresses
    (`Уәкілге тыйым салынбаған`): it is the bearer, and the action ends before it.
    Returns the index where the action ends and the bearer's name."""
    if i <= lo:
        return i, None
    prev_end = words[i - 1].end
    for f in ctx.bodies_in(prev_end - _BODY_REACH, prev_end):
        if f.end == prev_end and f.fields.get("name") and not _nominative(ctx.text[f.start:f.end]):
            k = i
            while k > lo and words[k - 1].start >= f.start:
                k -= 1
            return k, f.fields["name"]
    return i, None


def _addressee(ctx: _Context, lo: int, pos: int) -> tuple[str, tuple[int, int]] | None:
    """Whom a duty is assigned to: the named body in the dative in the clause
    (its name, and its span)."""
    for f in ctx.bodies_in(lo, pos):
        if f.fields.get("name"):
            if _case(_WORD.findall(ctx.text, f.start, f.end)[-1]) == "dat":
                return f.fields["name"], (f.start, f.end)
    return None


def _quoted_to(ctx: _Context, quote: int) -> str | None:
    """Whom a quoted command was given to: the named body in the dative right
    before the quotation (`Үкіметке «... қамтамасыз етсін» деген тапсырма`)."""
    for f in ctx.bodies_in(quote - _BODY_REACH, quote):
        if f.end <= quote and not ctx.text[f.end:quote].strip() and f.fields.get("name"):
            if _case(_WORD.findall(ctx.text, f.start, f.end)[-1]) == "dat":
                return f.fields["name"]
    return None


def _signatory(ctx: _Context, pos: int) -> str | None:
    """Who says `I`: the body signing after the command, else the subject of the formula."""
    for f in reversed(ctx.institutions):
        if f.start <= pos:
            break
        if _nominative(ctx.text[f.start:f.end]):
            if f.fields.get("name"):
                return f.fields["name"]
            break
    if ctx.formula_end is not None:
        before = ctx.bodies_in(0, ctx.formula_end)
        before = [f for f in before[-_BODY_LOOKBACK:] if f.end <= ctx.formula_end]
        if before and before[-1].fields.get("name"):
            return before[-1].fields["name"]
    return None


def _sentence_starts(text: str) -> list[int]:
    return [0] + sorted(chain.from_iterable(map(re.Match.end, rx.finditer(text)) for mark, rx in _SENTENCE_ENDS if mark in text))


# --- Anchors: the words the grammar starts from, found by a few scans of the
# folded text instead of a look at every word: the markers of deontic.tsv
# (whole phrases, so that a bare first word is no anchor) and the words that
# end like a command (verbs.tsv) before the end of a clause.

_RU_RULES = ("obligation", "prohibition", "permission")  # the Russian markers that state a rule
_COMMAND_KINDS = ("neg_imperative", "imperative", "first_person")  # the endings verbs.command reads


def _endings(endings: list[str], after: str) -> list[tuple[str, re.Pattern[str]]]:
    """Scans for a word ending in any of `endings`, followed by `after`: one
    per last two letters, led by them as a literal (`ын(?:(?<=сын)|(?<=амын))`),
    which the engine skips to at C speed; an alternation or a character class
    would be tried at every character of the text."""
    by_tail: dict[str, list[str]] = {}
    for e in endings:
        by_tail.setdefault(e[-2:], []).append(e)
    # `after` (a lookahead) first: inside a word it fails at once
    return [(tail, re.compile(re.escape(tail) + after + "(?:" + "|".join(f"(?<={re.escape(e)})" for e in sorted(es)) + ")"))
            for tail, es in sorted(by_tail.items())]


@lru_cache(maxsize=1)
def _anchor_patterns() -> tuple[re.Pattern[str], re.Pattern[str], list[tuple[str, re.Pattern[str]]],
                               list[tuple[str, re.Pattern[str]]]]:
    """Scans of the folded text: a marker phrase after a character that is
    not a letter of the lexicons (a class of letter ranges is checked faster
    than "not a word character"; a rarer letter only adds a try), one at the
    text's start, a command's end before a clause end, a Russian infinitive's end."""
    phrases = [" ".join(m.words) for m in _markers("kk") if m.modality in _RULES]
    phrases += [" ".join(m.words) for m in _markers("ru") if m.modality in _RU_RULES + ("formula",)]
    trie = alternation(phrases, {" ": r"[\W_]+"})  # a space stands for the gap between two words
    commands = [row[1] for row in lexicon("kk", "verbs") if row[0] in _COMMAND_KINDS]
    read = [("kk", "deontic"), ("kk", "verbs"), ("kk", "not_deontic"), ("kk", "stop_words"), ("kk", "endings"),
            ("kk", "stems"), ("ru", "deontic"), ("ru", "verbs"), ("ru", "not_deontic")]  # by this stage and morph
    letters = {ch for lang, name in read for row in lexicon(lang, name) for cell in row for ch in cell
               if _WORD_CHAR.match(ch)}
    not_letter = "[^" + "".join(map(re.escape, sorted(letters | set(string.digits)))) + "]"
    return (re.compile(not_letter + "(?=" + trie + r"(?![^\W_]))"),
            re.compile(trie + r"(?![^\W_])"),
            _endings(commands, "(?=" + _CLAUSE_FINAL.pattern + ")"),
            _endings(list(_ru_infinitive_endings()), r"(?![^\W_]|[-‑][^\W_])"))


@lru_cache(maxsize=None)
def _first_words(lang: str, modalities: tuple[str, ...]) -> frozenset[str]:
    return frozenset(m.words[0] for m in _markers(lang) if m.modality in modalities)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """A character folded as a key, or itself when folding would not keep it one word character."""
    folded = ch.translate(_LOOKALIKES).casefold()
    if len(folded) != 1 or bool(_WORD_CHAR.match(ch)) != bool(_WORD_CHAR.match(folded)):
        return ch
    return folded


def _word_at(text: str, keys: str | None, pos: int) -> Word:
    m = _WORD.match(text, pos)
    assert m is not None
    key = keys[m.start():m.end()] if keys is not None else m.group().translate(_LOOKALIKES).casefold()
    return Word(m.group(), m.start(), m.end(), key)


def _anchors(text: str, keys: str | None) -> tuple[list[int], list[int], dict[str, list[int]]]:
    """Where the Kazakh and the Russian grammar start: the first letters of
    the words that may open a marker or be a command (Kazakh) or an
    infinitive (Russian), in order; and per language those that may open an
    operative formula."""
    scan = keys if keys is not None else "".join(map(_fold_char, text))
    marker, marker_first, command, infinitive = _anchor_patterns()
    starts = [m.end() for m in marker.finditer(scan)]
    if marker_first.match(scan):
        starts.insert(0, 0)
    kk_first, ru_first = _first_words("kk", _RULES), _first_words("ru", _RU_RULES + ("formula",))
    formula_first = {lang: _first_words(lang, ("formula",)) for lang in ("kk", "ru")}
    kk: set[int] = set()
    ru: set[int] = set()
    formulas: dict[str, list[int]] = {"kk": [], "ru": []}
    for p in starts:
        if _starts_word(text, p):
            key = _word_at(text, keys, p).key
            if key in kk_first:
                kk.add(p)
            if key in ru_first:
                ru.add(p)
            for lang, firsts in formula_first.items():
                if key in firsts:
                    formulas[lang].append(p)
    for found, scans in ((kk, command), (ru, infinitive)):
        for tail, rx in scans:
            if tail not in scan:
                continue  # absent: no scan of the whole text for it
            for m in rx.finditer(scan):
                run = _Words(text, keys, m.end())
                k = run.index_at(m.end()) - 1  # the word that ends there
                if run.has(k) and run[k].end == m.end():
                    found.add(run[k].start)
    return sorted(kk), sorted(ru), formulas


def _formula_end(text: str, keys: str | None, anchors: list[int], lang: str) -> int | None:
    """The end of the first operative formula that opens at one of `anchors`, or None."""
    for p in anchors:
        words = _Words(text, keys, p)
        i = words.index_at(p)
        mk = _match_marker(words, i, lang)
        if mk and mk.modality == "formula":
            return words[i + len(mk.words) - 1].end
    return None


_START = attrgetter("start")
_SPAN = attrgetter("start", "end")
_SPAN_BY_END = attrgetter("end", "start")


def find(text: str, found: "Findings | None" = None) -> list[Found]:
    """Every obligation, prohibition and permission in `text`, in order."""
    keys = _keys(text)
    kk_anchors, ru_anchors, formulas = _anchors(text, keys)
    if not kk_anchors and not ru_anchors:
        return []
    of = found.of if found else lambda type_: []
    instruments = sorted(of("instrument"), key=_START)
    institutions = sorted(of("institution"), key=_START)
    formula_end = _formula_end(text, keys, formulas["kk"], "kk")
    cited_found = list(chain(of("instrument"), of("provision"), of("institution")))
    parens = _parenthesised(text)
    dates = sorted(map(_SPAN, of("date")))
    # (start, end) and (end, start) pairs made and sorted at C speed: map, not a loop
    ctx = _Context(text, _sentence_starts(text), instruments, institutions, sorted(map(_SPAN, cited_found)),
                   list(map(_SPAN, institutions)), formula_end, _quotations(text), parens,
                   list(map(_START, instruments)), list(map(_START, institutions)),
                   dates, [a for a, _ in dates], [a for a, _ in parens],
                   sorted(map(_SPAN_BY_END, cited_found)), sorted(map(_SPAN_BY_END, institutions)))
    formula_words = _formula_first_words()
    out: list[Found] = []
    taken_until = -1  # a marker's words are not read again as another marker
    words: _Words | None = None
    for pos in kk_anchors:
        if pos < taken_until:
            continue
        if words is None or not words.covers(pos):
            words = _Words(text, keys, pos)
        i = words.index_at(pos)
        w = words[i]
        matching = _matching_markers(words, i)
        mk = matching[0] if matching and matching[0].modality in _RULES else None
        if mk is not None:
            if mk.modality in ("formula", "not_rule"):
                taken_until = words[i + len(mk.words) - 1].end
                continue
            quote = ctx.quotation_at(w.start)
            if _opens_clause(text, words, i, quote):
                continue  # no word before the marker in its clause: nothing it could attach to
            # a marker may have several rows (міндетті after a verbal noun, or as a predicate)
            mk = next((m for m in matching
                       if m.modality in _RULES and _attach_ok(m, text, words, i, len(m.words))), None)
            if mk is None:
                continue
            lo = _clause_start(text, words, i, quote)
            n = len(mk.words)
            end = words[i + n - 1].end
            hi, bearer = _dative_bearer(ctx, words, lo, i)
            if hi <= lo:
                continue
            listed = _items_after(ctx, words, i + n)
            if listed:  # `... құқылы:\n1) ...;\n2) ...`: one rule per item
                if bearer is None:
                    bearer = _bearer_before(ctx, words[lo].start, w.start)
                for item in listed:
                    fields = {"modality": mk.modality,
                              "action": _action(words, item, None, active=mk.attach == "modal_verbal_noun")}
                    if bearer:
                        fields["bearer"] = bearer
                    fields.update(_source_fields(ctx.source_near(w.start, words[item[-1]].end)))
                    out.append(Found("obligation", words[item[0]].start, words[item[-1]].end, fields))
                taken_until = words[listed[-1][-1]].end
                continue
            idx = _window(ctx, words, lo, hi, _STATEMENT_WORDS, ctx.cited_by_end)
            if idx and _is_item_number(text, words[idx[0]]):
                idx = idx[1:]  # `2)`: the item's number
            if mk.attach == "list":
                idx = _first_item(ctx, words, i + n) or idx
            elif mk.attach == "assigned" and bearer is None:
                to = _addressee(ctx, words[lo].start, w.start)
                bearer = to[0] if to else None
            if not idx:
                continue
            if mk.attach == "subject":
                idx = _subject_phrase(words, _window(ctx, words, lo, hi, _CLAUSE_REACH, ctx.cited_by_end)) or idx
            first = idx[0]
            action = _action(words, idx, None, active=mk.attach == "modal_verbal_noun")
            if mk.attach == "duty_verbal_noun":
                action = _passive_duty(ctx, words, lo, hi) or action
            fields: dict[str, Any] = {"modality": mk.modality, "action": action}
            if bearer:
                fields["bearer"] = bearer
            source = ctx.source_near(words[first].start, end)
            if source is None and mk.attach == "not_purpose":
                # a principle is a rule where an act states it (the list's sentence
                # runs over semicolons), not in a body's aims
                source = ctx.act_before_stop(words[first].start, end)
                if source is None:
                    continue
            fields.update(_source_fields(source))
            # the mention is the deed and its marker: where a reader finds the rule
            deed = words[idx[-1]].start
            if "\n" in text[deed:words[i].start]:
                # a rule is found where its marker completes it: a deed and its
                # marker a line apart may be pages apart in the original
                deed = words[i].start
            out.extend(_statement_items(ctx, words, lo, hi, fields, mk))
            if deed > words[i].start:  # the deed follows its marker (`құқықтарды береді: ...`)
                deed, end = words[i].start, max(end, words[idx[-1]].end)
            out.append(Found("obligation", deed, end, fields))
            taken_until = end
            continue
        out.extend(_command_at(ctx, words, i, formula_words))
    out.extend(_russian(ctx, keys, ru_anchors, formulas["ru"]))
    out.sort(key=lambda f: (f.start, f.end))
    return out


_LIST_REACH = 30  # items of one list that share a command verb


def _shared_items(ctx: _Context, words: _Words, lo: int,
                  fits: Callable[[Word], bool]) -> list[tuple[int, int]]:
    """The items before the one that a command or a marker closes which share
    its verb: `департаменті: 1) ... тіркелуін; 2) ... орналастыруды қамтамасыз
    етсін.`, `Уәкілетті орган: 1) ... сұратуға; 2) ... алуға құқылы.` Each is
    numbered, ends in `;` with a last word that `fits` (an object in the
    accusative, a verbal noun in the deed's case), and the list opens after a
    colon. Returns (first, last) word indices of each item's words after its
    number, in text order."""
    text = ctx.text
    if not _is_item_number(text, words[lo]) or not words.has(lo - 1) or ";" not in text[words[lo - 1].end:words[lo].start]:
        return []
    items: list[tuple[int, int]] = []
    end = lo - 1
    while words.has(end) and len(items) < _LIST_REACH:
        start = _clause_start(text, words, end, ctx.quotation_at(words[end].start))
        if not _is_item_number(text, words[start]) or start + 1 > end:
            return []
        if not fits(words[end]):
            return []
        items.append((start + 1, end))
        gap = text[words[start - 1].end:words[start].start] if words.has(start - 1) else ""
        if ":" in gap:
            return items[::-1]
        if ";" not in gap:
            return []
        end = start - 1
    return []


def _statement_items(ctx: _Context, words: _Words, lo: int, hi: int,
                     fields: dict[str, Any], mk: Marker) -> list[Found]:
    """The deeds listed as items before the one a marker closes (`орган:
    1) құжаттарды сұратуға; 2) түсініктеме алуға құқылы.`): one rule each, with
    the marker's modality and source; the body the list opens with, in the
    nominative, is the bearer of them all (`fields` gets it too)."""
    deed = words[hi - 1].text
    case = _case(deed)

    def fits(w: Word) -> bool:
        return verbs.verbal_noun(w.text) is not None and _case(w.text) == case

    if verbs.verbal_noun(deed) is None:
        return []
    items = _shared_items(ctx, words, lo, fits)
    if not items:
        return []
    lead = items[0][0] - 2  # the lead-in's last word, before the first item's number
    if "bearer" not in fields and words.has(lead):
        start = _clause_start(ctx.text, words, lead, None)
        bearer = _bearer_before(ctx, words[start].start, words[lead].end)
        if bearer:
            fields["bearer"] = bearer
    out = []
    for a, b in items:
        item = _window(ctx, words, a, b + 1, _STATEMENT_WORDS, ctx.cited_by_end)
        if item:
            action = _action(words, item, None, active=mk.attach == "modal_verbal_noun")
            out.append(Found("obligation", words[item[-1]].start, words[b].end, {**fields, "action": action}))
    return out


def _object_without_verb(w: Word) -> bool:
    return _case(w.text) == "acc" and verbs.command(w.text) is None


def _command_at(ctx: _Context, words: _Words, i: int, formula_words: frozenset[str]) -> list[Found]:
    """A clause-final command verb at word i, with its object, bearer and
    source; one per item when a list of objects shares the verb."""
    w = words[i]
    text = ctx.text
    if w.key in formula_words or not _CLAUSE_FINAL.match(text, w.end):
        return []
    cmd = verbs.command(w.text)
    if cmd is None:
        return []
    lo = _clause_start(text, words, i, ctx.quotation_at(w.start))
    obj_lo = lo
    while obj_lo < i and _is_item_number(text, words[obj_lo]):
        obj_lo += 1  # `1.`, `2)`: the item's number, not its object (`1 тармақ` stays)
    if i - obj_lo >= 1 and any(
            words[k].key.startswith(o) and cmd.lemma == v for o, v in _not_obligations()
            for k in range(max(obj_lo, i - 2), i)):
        return []
    addressee = _addressee(ctx, words[lo].start, w.start) if verbs.assigns(cmd.lemma) else None
    # a command's object may be an act (`қаулыға өзгерістер енгізілсін`): only bodies are cut off
    idx = _window(ctx, words, obj_lo, i, _ACTION_WORDS, ctx.bodies_by_end, addressee[1] if addressee else None)
    if verbs.assigns(cmd.lemma):
        idx = _assigned_duty(words, obj_lo, i) or idx
    elif cmd.passive and not idx and i > obj_lo:
        # bodies right before the verb (`көшірмесі ... министрлігіне жіберілсін`): its object is the subject
        subject = _passive_subject(ctx, words, obj_lo, i + 1)
        idx = [subject] if subject is not None else idx
    first = idx[0] if idx else i
    action = _action(words, idx, cmd.lemma)
    fields: dict[str, Any] = {"modality": "prohibition" if cmd.negative else "obligation", "action": action}
    if cmd.first_person:
        bearer = _signatory(ctx, w.end)
    elif addressee:
        bearer = addressee[0]
    elif not cmd.passive:
        bearer = _bearer_before(ctx, _command_scope(ctx, w.start), w.start)
    else:
        bearer = None
    quote = ctx.quotation_at(w.start)
    if bearer is None and quote is not None and not cmd.passive:
        bearer = _quoted_to(ctx, quote)
    if bearer:
        fields["bearer"] = bearer
    if quote is None and (ctx.formula_end is None or w.start > ctx.formula_end):
        # after the formula, or in an act without one (a law's articles command directly)
        fields["source"] = {"self": True}
    else:
        anchor = quote if quote is not None else words[first].start
        fields.update(_source_fields(ctx.source_near(anchor, w.end)))
    out = []
    # the verb the items share is what follows the last item's object (`қамтамасыз ету`)
    obj = next((k for k in range(i - 1, obj_lo - 1, -1) if _case(words[k].text) == "acc"), None)
    shared = [] if obj is None else _shared_items(ctx, words, lo, _object_without_verb)
    verb = " ".join([words[k].text for k in range(obj + 1, i)] + [cmd.lemma]) if shared else ""
    for a, b in shared:
        item = _window(ctx, words, a, b + 1, _ACTION_WORDS, ctx.bodies_by_end)
        if item:
            out.append(Found("obligation", words[item[-1]].start, words[b].end,
                             {**fields, "action": _action(words, item, verb)}))
    out.append(Found("obligation", words[idx[-1]].start if idx else w.start, w.end, fields))
    return out


# --- Russian: the deed follows its marker, and a command is an infinitive
# at the head of its item (1. Утвердить ...; Статья 1. Внести ...).

_RU_ACTION_WORDS = 5
# The start of a line or of a numbered item (an amendment's new wording opens with a quote).
_ITEM_HEAD = re.compile(r"(?:^|\n)[ \t]*[\"«]?(?:(?:[Сс]татья\s+)?\d+(?:[-.]\d+)*[.)][ \t]*)?$")


@lru_cache(maxsize=1)
def _ru_infinitive_endings() -> tuple[str, ...]:
    return tuple(sorted((e for kind, e in lexicon("ru", "verbs") if kind == "infinitive"), key=len, reverse=True))


@lru_cache(maxsize=1)
def _ru_not_obligations() -> tuple[tuple[str, str], ...]:
    return tuple((v, o) for v, o in lexicon("ru", "not_deontic"))


def _ru_infinitive(w: Word) -> bool:
    return len(w.key) >= 5 and w.key.isalpha() and w.key.endswith(_ru_infinitive_endings())


def _clause_end(text: str, words: _Words, i: int) -> int:
    """Index after the last word of the clause that word i starts or sits in."""
    j = i + 1
    while words.has(j) and j - i < _CLAUSE_REACH:
        if _CLAUSE_BREAK.search(text, words[j - 1].end, words[j].start):
            break
        j += 1
    return j


def _russian(ctx: _Context, keys: str | None, anchors: list[int], formulas: list[int]) -> list[Found]:
    """Russian commands and rules: `1. Утвердить Правила`, `пункт 1 изложить
    в следующей редакции`, `подлежит официальному опубликованию`."""
    text = ctx.text
    formula_end = _formula_end(text, keys, formulas, "ru")
    out: list[Found] = []
    done_clause = -1  # the clause whose command was taken: one command per clause
    words: _Words | None = None
    for pos in anchors:
        if pos < done_clause:
            continue
        if words is None or not words.covers(pos):
            words = _Words(text, keys, pos)
        i = words.index_at(pos)
        w = words[i]
        mk = _match_marker(words, i, "ru")
        if mk is not None and mk.modality in _RU_RULES:
            n = len(mk.words)
            hi = _clause_end(text, words, i + n - 1)
            if mk.attach == "infinitive" and (i + n >= hi or not _ru_infinitive(words[i + n])):
                continue
            if i + n < hi:  # обязан представить ...: the deed follows
                idx = [k for k in range(i + n, min(hi, i + n + _RU_ACTION_WORDS)) if not ctx.in_parens(words[k].start)]
            else:  # Дискриминация ... не допускается.: the deed is the subject
                lo = _clause_start(text, words, i, None)
                idx = [k for k in range(max(lo, i - _RU_ACTION_WORDS), i)
                       if not ctx.in_parens(words[k].start) and not _is_item_number(text, words[k])]
            if not idx:
                continue
            fields: dict[str, Any] = {"modality": mk.modality, "action": " ".join(words[k].text for k in idx)}
            fields.update(_source_fields(ctx.source_near(w.start, words[idx[-1]].end)))
            out.append(Found("obligation", min(w.start, words[idx[0]].start),
                             max(words[i + n - 1].end, words[idx[-1]].end), fields))
            done_clause = words[hi - 1].end
            continue
        if not _ru_infinitive(w):
            continue
        lo = _clause_start(text, words, i, None)
        head = _ITEM_HEAD.search(text, max(0, words[lo].start - 40), words[lo].start)
        if head is None:
            continue  # the clause does not open an item or a line
        if lo < i and (formula_end is None or w.start < formula_end):
            continue  # `пункт 1 изложить`: an object before the verb only in an act's operative part
        hi = _clause_end(text, words, i)
        after = [k for k in range(i + 1, min(hi, i + 1 + _RU_ACTION_WORDS)) if not ctx.in_parens(words[k].start)]
        if any(w.key == v and any(words[k].key.startswith(o) for k in after) for v, o in _ru_not_obligations()):
            continue
        before = [k for k in range(max(lo, i - _RU_ACTION_WORDS), i) if not _is_item_number(text, words[k])]
        action = " ".join([w.key] + [words[k].text for k in before + after])
        fields = {"modality": "obligation", "action": action}
        quote = ctx.quotation_at(w.start)
        if quote is None and (formula_end is None or w.start > formula_end):
            fields["source"] = {"self": True}
        else:
            fields.update(_source_fields(ctx.source_near(quote if quote is not None else w.start, w.end)))
        start = words[before[0]].start if before else w.start
        out.append(Found("obligation", start, words[after[-1]].end if after else w.end, fields))
        done_clause = words[hi - 1].end
    return out
