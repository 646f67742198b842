"""The chain grammar: numbers, unit words, lists and chains over a token list.

A number list carries the unit word only on its last number (`54, 96,
103-баптары`, `1 және 2-тармақтары`, `a), b) тармақшаларына`); a hyphenated
pair is a range when the unit word is plural (`1-7 баптары` = 1..7) and an
inserted unit's number otherwise (`7-1-бабына`, `2-10-тармағына`).

Most of a text cites nothing, so the work is driven by the unit words: a
`str.find` pass for their stems over the lower-cased text gives the spots
where one may begin. The spots pick the windows worth reading (a window
resets what chains pass on to each other), and inside a window only the text
around a unit word is tokenised, from the list of numbers before it on: a
chain needs a unit word, and opens at most that list away from it. Each
token is tried once as the start of a chain, so reading is linear.

Unit words and the grammar's small words live in `lang/<lang>/lexicon/units.tsv`.
Russian's says that the number follows the unit word and that chains go from
the smallest unit to the largest, and lists the inflected forms, as there is
no Russian analyser.
"""
from __future__ import annotations

import os
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from operator import attrgetter
from typing import Iterable, Iterator

from ...lang import lexicon
from ...lang.kk import morph, numbers

# The provision fields of GOLD_SPEC, largest unit first; other units
# (section, chapter, indent) hold a chain together but are not reported.
FIELDS = ("article", "part", "paragraph", "subparagraph")
# Units whose items may be written `1)` or `a)`.
ITEM_FIELDS = ("paragraph", "subparagraph")
# Longest span read as one quoted heading or one parenthesis between the parts
# of a reference; longer gaps are separate sentences, not one reference.
MAX_QUOTE = 400
MAX_PAREN = 160
MAX_GAP = MAX_QUOTE + MAX_PAREN  # the most text between an act and its chain
MAX_TOPIC_WORDS = 8
MAX_RANGE = 300
MAX_SENTENCE = 600
MAX_LINE = 2000
MAX_HEADING = 160  # characters from a heading's chain to the end of the heading
WINDOW_BEFORE = 300
WINDOW_AFTER = 900
READ_BEHIND = 24  # characters first read before a unit word for the list of numbers it ends
READ_AHEAD = 16  # characters read at a time past a unit word

# A numbered paragraph of an act's own text opens a line: `2. Осы қаулы ...`.
NUMBERED_LINE = re.compile(r"^[ \t]*(\d+)\.[ \t]", re.MULTILINE)
_NUMBERED_AFTER_BREAK = re.compile(r"\n[ \t]*(\d+)\.[ \t]")  # the same, found from its line break
WORD = re.compile(r"\s*([^\W\d_]+)")  # the next word, past spaces
# what `tokenize` skips (spaces and `_`), then a token: digits, letters (with
# the few non-letter characters \w holds, ² and ½) or a single mark
_TOKEN = re.compile(r"([\s_]*)(?:(\d+)|([^\W\d_]+)|([^\w\s]))")
_SPACE = re.compile(r"\s")
_WORD_AT = re.compile(r"(?<![^\W\d_])[^\W\d_]+")  # a token of letters, from its start
_LOOKALIKES = str.maketrans({"i": "і", "I": "І"})
_HYPHENS = frozenset("-‐‑–—")
_LIST_MARKS = _HYPHENS | {".", ")", ",", ";"}  # the punctuation a list of numbers holds
_BEFORE_NUMBER = "/.,:"  # `1/3`, `141,8`: a number right after one is not an item (`Parser.numbers`)
OPEN_QUOTES = {"«": "»", '"': '"', "“": "”", "„": "“"}


# Languages with a units lexicon, each read by its own pass.
LANGS = ("kk", "ru")
_NUMBER = {"sg": False, "pl": True, "any": None}


@dataclass(frozen=True, slots=True)
class Grammar:
    """The language data of the citation grammar (from units.tsv)."""

    units: dict[str, tuple[str, int]]  # lemma -> (field, rank)
    forms: dict[str, tuple[str, bool | None, str | None]]  # listed form -> (lemma, plural, case)
    abbreviations: dict[str, str]  # `ст` -> статья
    joins: frozenset[str]
    back: frozenset[str]
    this: frozenset[str]
    notes: frozenset[str]  # a line opening with one is an editorial note on the document itself
    see: frozenset[str]  # `2-тармақтан қараңыз`: a cross-reference within the document
    bridges: frozenset[str]
    topic_ends: frozenset[str]
    largest_first: bool  # Kazakh: бабының 1-тармағы; Russian: пункта 1 статьи 6
    number_after: bool  # Russian: the number follows the unit word
    amended_cases: frozenset[str]  # the cases of the act an amendment list changes
    prefilter: re.Pattern  # a unit word's stem, in any case (the windows' anchors)
    # literal strings to find in the lower-cased text, each with the offsets of
    # the stems that hold it: every spelling of a unit word holds one
    keys: tuple[tuple[str, tuple[int, ...]], ...]
    added_cases: frozenset[str] = frozenset()  # `3) тармақшамен толықтырылсын`: a unit being added
    added_verbs: tuple[str, ...] = ()
    header_cases: frozenset[str] = frozenset()  # `8-бапта:` heads the items below it


def _letter_variants(ch: str) -> set[str]:
    """A letter in both cases; Latin i stands for і as in PDF exports."""
    alts = {ch.lower(), ch.upper()}
    if ch.lower() == "і":
        alts |= {"i", "I"}
    return alts


def _letter_class(ch: str) -> str:
    """A case-blind character class (faster than IGNORECASE on Cyrillic)."""
    alts = _letter_variants(ch)
    return "[" + "".join(re.escape(a) for a in sorted(alts)) + "]" if len(alts) > 1 else re.escape(ch)


def _rows(lang: str, name: str) -> tuple[tuple[str, ...], ...]:
    try:
        return lexicon(lang, name)
    except (FileNotFoundError, ModuleNotFoundError):
        return ()


def _keys(stems: set[str], lookalikes: dict[str, str]) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """What to find in the lower-cased text for the stems: for each stem a part
    of it with few spellings (a look-alike letter doubles them), as long as can
    be, shared by the stems that hold it (`пункт` in `подпункт`); every
    spelling of the part, with the offsets of the stems it is in."""
    def spellings(ch: str) -> set[str]:
        return {v.lower() for v in _letter_variants(ch)} | {k for k, v in lookalikes.items() if v == ch}

    def count(part: str) -> int:
        n = 1
        for ch in part:
            n *= len(spellings(ch))
        return n

    offsets: dict[str, set[int]] = {}
    for stem in sorted(stems, key=lambda x: (len(x), x)):
        part = next((p for p in offsets if p in stem), None)
        if part is None:
            shortest = min(3, len(stem))
            parts = [(count(stem[a:b]), a - b, a) for a in range(len(stem))
                     for b in range(a + shortest, len(stem) + 1)]
            _n, _len, at = min(parts)
            part = stem[at:at - _len]
            offsets[part] = set()
        offsets[part].add(stem.index(part))
    return tuple(("".join(chars), tuple(sorted(offs))) for part, offs in offsets.items()
                 for chars in product(*(sorted(spellings(ch)) for ch in part)))


@lru_cache(maxsize=None)
def grammar(lang: str = "kk") -> Grammar:
    """One language's grammar data, read once."""
    units: dict[str, tuple[str, int]] = {}
    forms: dict[str, tuple[str, bool | None, str | None]] = {}
    abbreviations: dict[str, str] = {}
    words: dict[str, set[str]] = {"join": set(), "back": set(), "this": set(), "bridge": set(),
                                  "topic_end": set(), "note": set(), "see": set(),
                                  "added_case": set(), "added_verb": set(), "header_case": set()}
    largest_first, number_after = True, False
    amended_cases: set[str] = set()
    for row in _rows(lang, "units"):
        if row[0] == "unit":
            units[row[1]] = (row[2], int(row[3]))
        elif row[0] == "form":
            forms[row[1]] = (row[2], _NUMBER[row[3]], None if row[4] == "nom" else row[4])
        elif row[0] == "abbr":
            abbreviations[row[1]] = row[2]
        elif row[0] == "order":
            largest_first = row[1] == "largest_first"
        elif row[0] == "number":
            number_after = row[1] == "after"
        elif row[0] == "amended_case":
            amended_cases.add(row[1])
        elif row[0] in words:
            words[row[0]].add(row[1])
    lookalikes: dict[str, str] = {}  # letters the analyser reads as others (ќ as қ)
    if forms:  # the stem all of a unit's listed forms share
        stems = {os.path.commonprefix([f for f, r in forms.items() if r[0] == u] + [u]) for u in units}
    else:  # the lemma, and its voiced stem before a vowel (бап, баб-)
        endings = _rows(lang, "endings")
        voicing = {row[1]: row[2] for row in endings if row[0] == "voicing"}
        lookalikes = {row[1]: row[2] for row in endings if row[0] == "lookalike"}
        stems = set(units) | {u[:-1] + voicing[u[-1]] for u in units if u[-1] in voicing}
    stems |= {a + "." for a in abbreviations}
    alternatives = sorted(stems, key=len, reverse=True)
    firsts = "".join(re.escape(c) for c in sorted({c for a in alternatives for c in _letter_variants(a[0])}))
    pattern = f"(?=[{firsts}])(?:" + "|".join("".join(_letter_class(c) for c in a) for a in alternatives) + ")"
    return Grammar(units, forms, abbreviations, frozenset(words["join"]), frozenset(words["back"]),
                   frozenset(words["this"]), frozenset(words["note"]), frozenset(words["see"]),
                   frozenset(words["bridge"]), frozenset(words["topic_end"]),
                   largest_first, number_after, frozenset(amended_cases),
                   re.compile(pattern if alternatives else "(?!)"), _keys(stems, lookalikes),
                   frozenset(words["added_case"]), tuple(sorted(words["added_verb"])),
                   frozenset(words["header_case"]))


@dataclass(slots=True)
class Token:
    kind: str  # "num", "word", "punct", or "gap" for text left unread
    text: str
    start: int
    end: int
    low: str  # lower case, Latin look-alikes made Cyrillic


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit word as written: `тармақтарына` = paragraph, plural, possessive, dative."""

    field: str
    rank: int
    plural: bool | None  # None: a form that may be either (статьи)
    possessive: bool
    case: str | None

    @property
    def links_on(self) -> bool:
        """Genitive or bare possessive: a smaller unit may follow (`бабының 1-тармағы`)."""
        return self.case == "gen" or (self.case is None and self.possessive)

    @property
    def bare(self) -> bool:
        return not (self.plural or self.possessive or self.case)


@dataclass(frozen=True, slots=True)
class Item:
    """One number of a list: `141-1`, `1)`, `a)`, `үшінші`."""

    text: str
    marked: bool  # written with `)`
    spelled: bool
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Group:
    """A list of numbers and the unit word after them: `1 және 2-тармақтарына`."""

    field: str
    rank: int
    values: tuple[str, ...]
    unit: Unit
    start: int
    end: int
    spelled: bool = False


@dataclass(frozen=True, slots=True)
class Chain:
    """Units in the order cited: `6-бабы 1-тармағының 15) тармақшасына`."""

    groups: tuple[Group, ...]
    start: int
    end: int
    # `аталған баптың` "back" to the unit just cited, `осы баптың` "this" one;
    # "own": a unit of the document's own act (`пункта 2 настоящего Закона`)
    points: str | None = None
    heading: bool = False  # `5-бап. Атауы`: a unit's own heading, not a citation


def line_start(text: str, pos: int) -> int:
    """Where the line holding `pos` starts, looking back at most MAX_LINE
    characters (so that text without newlines stays linear)."""
    lo = max(0, pos - MAX_LINE)
    cut = text.rfind("\n", lo, pos)
    return cut + 1 if cut != -1 or lo == 0 else lo


def opens_line(text: str, pos: int) -> bool:
    start = line_start(text, pos)
    return (start == 0 or text[start - 1] == "\n") and not text[start:pos].strip()


@lru_cache(maxsize=65536)
def norm(word: str) -> str:
    return word.lower().translate(_LOOKALIKES)


@lru_cache(maxsize=4096)
def unit_of(word: str, lang: str = "kk") -> Unit | None:
    """The unit a word names, with its number, possessive and case."""
    g = grammar(lang)
    low = norm(word)
    if g.forms:
        if low not in g.forms:
            return None
        lemma, plural, case = g.forms[low]
        return Unit(*g.units[lemma], plural, False, case)
    if low in g.units:
        field, rank = g.units[low]
        return Unit(field, rank, False, False, None)
    for a in morph.analyse(low):
        if a.stem in g.units:
            field, rank = g.units[a.stem]
            return Unit(field, rank, a.plural, a.possessive, a.case)
    return None


@lru_cache(maxsize=16384)
def in_list(word: str, lang: str = "kk") -> bool:
    """Whether a word may stand in a list of numbers before its unit word: a
    letter item (`a`), a joiner (`және`), a number word, an ordinal ending (`ші`)."""
    return (len(word) == 1 or norm(word) in grammar(lang).joins or numbers.number_word(word) is not None
            or numbers.strip_ordinal_suffix("1-" + word) == "1")


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """The tokens of text[start:end]: runs of digits, runs of letters, single
    marks. Offsets are counted from the lengths `findall` gives (faster than
    a match object per token)."""
    out = []
    pos = start
    for skipped, digits, letters, mark in _TOKEN.findall(text, start, end):
        pos += len(skipped)
        if digits:
            stop = pos + len(digits)
            out.append(Token("num", digits, pos, stop, digits))
        elif letters:
            stop = pos + len(letters)
            kind = "word" if letters[0].isalpha() else "num" if letters[0].isdigit() else "punct"
            out.append(Token(kind, letters, pos, stop, norm(letters) if kind == "word" else letters))
        else:
            stop = pos + 1
            out.append(Token("punct", mark, pos, stop, mark))
        pos = stop
    return out


def numbered_lines(text: str) -> list[tuple[int, str]]:
    """Where the numbered paragraphs of a text begin, with their numbers: the
    matches of NUMBERED_LINE, found from the line breaks (a literal the regex
    engine skips to fast, where `^` is tried at every character)."""
    first = NUMBERED_LINE.match(text)
    out = [(0, first.group(1))] if first is not None else []
    out.extend((m.start() + 1, m.group(1)) for m in _NUMBERED_AFTER_BREAK.finditer(text))
    return out


def lowered(text: str) -> str:
    """`text` in lower case, one character for one so that offsets carry over
    (İ, the one letter whose lower case is two, keeps the first)."""
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower()[0] for c in text)


@lru_cache(maxsize=1)
def _all_keys() -> dict[str, list[tuple[str, tuple[int, ...]]]]:
    """Every language's keys, each once (`абзац` is both Kazakh and Russian):
    key -> [(language, offsets)]."""
    out: dict[str, list[tuple[str, tuple[int, ...]]]] = {}
    for lang in LANGS:
        for key, offsets in grammar(lang).keys:
            out.setdefault(key, []).append((lang, offsets))
    return out


def spots(low: str) -> dict[str, list[int]]:
    """Where a unit word's stem may begin in `low` (the text `lowered`), in
    order, per language: one `str.find` pass per key, no work per word."""
    out: dict[str, set[int]] = {lang: set() for lang in LANGS}
    for key, uses in _all_keys().items():
        at = low.find(key)
        while at != -1:
            for lang, offsets in uses:
                out[lang].update(at - d for d in offsets)
            at = low.find(key, at + 1)
    return {lang: sorted(p for p in found if p >= 0) for lang, found in out.items()}


def anchors(text: str, spots: Iterable[int], lang: str = "kk") -> Iterator[tuple[int, int]]:
    """The prefilter's matches (a unit word's stem, in any case), as its
    `finditer` would give them, tried only at the spots."""
    prefilter, last = grammar(lang).prefilter, 0
    for pos in spots:
        if pos >= last:
            m = prefilter.match(text, pos)
            if m is not None:
                last = m.end()
                yield m.start(), last


def windows(text: str, spots: Iterable[int], lang: str = "kk") -> Iterator[tuple[int, int]]:
    """Stretches of text around unit words, merged where they overlap, cut at spaces."""
    cur: list[int] | None = None
    for start, end in anchors(text, spots, lang):
        lo, hi = max(0, start - WINDOW_BEFORE), min(len(text), end + WINDOW_AFTER)
        if cur is not None and lo <= cur[1]:
            cur[1] = hi
            continue
        if cur is not None:
            yield _cut(text, *cur)
        cur = [lo, hi]
    if cur is not None:
        yield _cut(text, *cur)


def _cut(text: str, lo: int, hi: int) -> tuple[int, int]:
    """A window widened to the spaces around it."""
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    m = _SPACE.search(text, hi)
    return lo, m.start() if m is not None else len(text)


_START = attrgetter("start")


class Parser:
    """The chain grammar over one window's tokens, read as far as it looks.

    The tokens are read in pieces: around each unit word (from the list of
    numbers before it) and on from there as the grammar asks for the next
    token. The text between pieces, where no chain can open, is left unread
    and stands as one "gap" token, which no rule takes."""

    def __init__(self, text: str, lo: int, hi: int, lang: str = "kk"):
        self.text = text
        self.hi = hi
        self.toks: list[Token] = []
        self.done = lo  # the tokens are read up to here (a token boundary)
        self.g = grammar(lang)
        self.lang = lang

    # -- reading -------------------------------------------------------------

    def _read_on(self, upto: int = 0) -> None:
        """Tokens on from where reading stopped, to a space at `upto` or a
        little further."""
        end = max(self.done + READ_AHEAD, upto)
        if end >= self.hi:
            end = self.hi
        else:
            m = _SPACE.search(self.text, end, self.hi)
            end = m.start() if m is not None else self.hi
        self.toks.extend(tokenize(self.text, self.done, end))
        self.done = end

    def _read_at(self, pos: int) -> None:
        """Tokens for a unit word at `pos`, past what was read: from the token
        before the list of numbers it may end (two if that one is a mark a
        number may follow, `1/3`, `№`), with a gap before them, or on from
        what was read if that is near; and a little past it, which the grammar
        reads next."""
        m = _SPACE.search(self.text, pos + READ_AHEAD, self.hi)
        end = m.start() if m is not None else self.hi
        piece: list[Token] = []  # the tokens of text[start:end]
        start, behind = end, READ_BEHIND
        while pos - behind > self.done:
            m = _SPACE.search(self.text, pos - behind, start)
            if m is not None and m.end() < start:  # read further back
                piece[:0] = tokenize(self.text, m.end(), start)
                start = m.end()
                u = bisect_left(piece, pos, key=_START)
                first = self._list_start(piece, u)
                if first >= 1:
                    need = first - 2 if piece[first - 1].text in _BEFORE_NUMBER else first - 1
                    if need >= 0:
                        self.toks.append(Token("gap", "", self.done, self.done, ""))
                        self.toks.extend(piece[need:])
                        self.done = end
                        return
            behind *= 2
        self._read_on(end)

    def _list_start(self, toks: list[Token], u: int, floor: int = 0) -> int:
        """The first token a chain through the unit word at u may open at: the
        start of the run of list tokens before it, or the pointing word right
        before it (`аталған баптың`); not before `floor` (where the tokens
        before were tried, so that a run is walked once: `п. п. п.`)."""
        k = u
        while k > floor and self.in_list(toks[k - 1]):
            k -= 1
        return min(k, u - 1)

    def in_list(self, t: Token) -> bool:
        """Whether a token may stand in a list of numbers before its unit word:
        a number, the list's punctuation, or a word that may (`in_list`)."""
        if t.kind == "num":
            return True
        if t.kind == "punct":
            return t.text in _LIST_MARKS
        return t.kind == "word" and in_list(t.text, self.lang)

    def anchor(self, pos: int, floor: int = 0) -> tuple[int, int] | None:
        """The token of a unit word that begins at `pos` and the first token
        from `floor` on a chain through it may open at; None if no unit word
        begins there."""
        word = _WORD_AT.match(self.text, pos)
        if word is None or (unit_of(word.group(), self.lang) is None
                            and norm(word.group()) not in self.g.abbreviations):
            return None
        if pos >= self.done:
            self._read_at(pos)
        u = bisect_left(self.toks, pos, key=_START)
        if self.unit_word(u) is None:
            return None
        return u, max(floor, self._list_start(self.toks, u, floor))

    # -- small readers -------------------------------------------------------

    def tok(self, i: int) -> Token | None:
        if i < 0:
            return None
        while i >= len(self.toks):
            if self.done >= self.hi:
                return None
            self._read_on()
        return self.toks[i]

    def glued(self, i: int) -> bool:
        """Token i touches the token before it."""
        return i > 0 and self.tok(i) is not None and self.toks[i].start == self.toks[i - 1].end

    def unit_at(self, i: int) -> Unit | None:
        t = self.tok(i)
        return unit_of(t.text, self.lang) if t is not None and t.kind == "word" else None

    def is_word(self, i: int, words: frozenset[str]) -> bool:
        t = self.tok(i)
        return t is not None and t.low in words

    # -- items and lists -----------------------------------------------------

    def item(self, i: int) -> tuple[Item, int] | None:
        """A number written in digits (`141-1`, `4.3`, `1)`, `1-ші`), a letter
        item (`a)`), or a spelled-out ordinal (`үш жүз алпыс алтыншы`)."""
        t = self.tok(i)
        if t is None:
            return None
        if t.kind == "num":
            text, j = t.text, i + 1
            while True:
                sep, nxt = self.tok(j), self.tok(j + 1)
                if (sep is not None and nxt is not None and nxt.kind == "num"
                        and (sep.text in _HYPHENS or sep.text == ".")
                        and self.glued(j) and self.glued(j + 1)):
                    text += ("." if sep.text == "." else "-") + nxt.text
                    j += 2
                    continue
                break
            nxt = self.tok(j)
            if nxt is not None and nxt.text == ")" and self.glued(j):
                return Item(text, True, False, t.start, nxt.end), j + 1
            suffix = self.tok(j + 1)
            if (nxt is not None and nxt.text in _HYPHENS and suffix is not None and suffix.kind == "word"
                    and numbers.strip_ordinal_suffix(f"{t.text}-{suffix.text}") == t.text
                    and "-" not in text and "." not in text):
                return Item(text, False, False, t.start, suffix.end), j + 2
            return Item(text, False, False, t.start, self.toks[j - 1].end), j
        if t.kind == "word":
            nxt = self.tok(i + 1)
            if len(t.text) == 1 and nxt is not None and nxt.text == ")" and self.glued(i + 1):
                return Item(t.text, True, False, t.start, nxt.end), i + 2
            if numbers.number_word(t.text) is None:
                return None
            words = []
            for k in range(i, i + 8):
                tk = self.tok(k)
                if tk is None or tk.kind != "word":
                    break
                words.append(tk.text)
            read = numbers.parse_number_words(words) if words else None
            if read is not None and numbers.is_ordinal(words[read[1] - 1]):
                last = self.toks[i + read[1] - 1]
                return Item(str(read[0]), False, True, t.start, last.end), i + read[1]
        return None

    def join(self, i: int) -> int | None:
        """Past a list separator: `,`, `және`, `, және`; None if there is none."""
        t = self.tok(i)
        if t is None:
            return None
        if t.text in ",;":
            return i + 2 if self.is_word(i + 1, self.g.joins) else i + 1
        if self.is_word(i, self.g.joins):
            return i + 1
        return None

    def numbers(self, i: int) -> tuple[list[Item], int] | None:
        """A list of numbers from token i: `54, 96, 103`, `1 және 2`, `a), b)`, `1)-3)`."""
        before, number = self.tok(i - 1), self.tok(i - 2)
        if before is not None and self.glued(i) and (before.text == "№" or (
                before.text in _BEFORE_NUMBER and number is not None and number.kind == "num" and self.glued(i - 1))):
            return None  # `1/3 бөлігі` is a share, `141,8` a decimal
        first = self.item(i)
        if first is None:
            return None
        items, j = [first[0]], first[1]
        while True:
            k = self.join(j)
            if k is None and items[-1].marked and self.tok(j) is not None and self.tok(j).text in _HYPHENS:
                upto = self.item(j + 1)  # `1)-3) тармақшалары`
                if upto is not None and upto[0].marked and items[-1].text.isdigit() and upto[0].text.isdigit():
                    last = items.pop()
                    items.append(Item(f"{last.text}-{upto[0].text}", True, False, last.start, upto[0].end))
                    j = upto[1]
                    continue
            nxt = self.item(k) if k is not None else None
            if nxt is None or nxt[0].marked != items[0].marked or nxt[0].spelled != items[0].spelled:
                break
            items.append(nxt[0])
            j = nxt[1]
        return items, j

    def unit_word(self, i: int) -> tuple[Unit, int] | None:
        """A unit word at token i, or an abbreviation with its full stop (`ст.`)."""
        unit = self.unit_at(i)
        if unit is not None:
            return unit, i + 1
        t, dot, before = self.tok(i), self.tok(i + 1), self.tok(i - 1)
        if (t is not None and t.kind == "word" and norm(t.text) in self.g.abbreviations
                and dot is not None and dot.text == "." and self.glued(i + 1)
                and not (before is not None and before.text == ",")):  # `№ 5-6, ст. 24`: a gazette item
            field, rank = self.g.units[self.g.abbreviations[norm(t.text)]]
            return Unit(field, rank, None, False, "gen"), i + 2
        return None

    def group(self, i: int) -> tuple[Group, int] | None:
        """Numbers and their unit word (Kazakh) or a unit word and its numbers
        (Russian), starting at token i."""
        if self.g.number_after:
            word = self.unit_word(i)
            got = self.numbers(word[1]) if word is not None else None
            if got is None:
                return None
            items, j = got
            group = self.make_group(items, word[0], self.toks[i].start, items[-1].end)
            return (group, j) if group is not None else None
        got = self.numbers(i)
        if got is None:
            return None
        items, j = got
        if self.tok(j) is not None and self.tok(j).text in _HYPHENS and not items[-1].marked:
            j += 1
        unit = self.unit_at(j)
        if unit is None:
            return None
        group = self.make_group(items, unit, items[0].start, self.toks[j].end)
        return (group, j + 1) if group is not None else None

    def make_group(self, items: list[Item], unit: Unit, start: int, end: int) -> Group | None:
        if items[0].marked and unit.field not in ITEM_FIELDS:
            return None
        if items[0].spelled and not (unit.possessive or unit.case == "gen"):
            return None  # `екінші бөлікпен` is "with a second part", not a citation
        if len(items) > 1 and unit.plural is False:
            if self.text[items[-2].end:items[-1].start] in (",", "."):
                return None  # `14,5 бөлігі` is a decimal
            items = items[-1:]  # a list takes a plural unit word: `3, 164-бабы` is one article
            if not self.g.number_after:
                start = items[0].start
        values = []
        for it in items:
            values.extend(self.expand(it.text, unit))
        return Group(unit.field, unit.rank, tuple(values), unit, start, end, items[0].spelled)

    @staticmethod
    def expand(text: str, unit: Unit) -> list[str]:
        """A range under a plural unit word becomes its members; anything else stays."""
        parts = text.split("-")
        if unit.plural is not False and len(parts) == 2 and all(p.isdigit() for p in parts):
            lo, hi = int(parts[0]), int(parts[1])
            if lo < hi <= lo + MAX_RANGE:
                return [str(n) for n in range(lo, hi + 1)]
        return [text]

    # -- chains ----------------------------------------------------------------

    def smaller(self, rank: int, than: int) -> bool:
        return rank > than if self.g.largest_first else rank < than

    def nests(self, group: Group, chain: list[Group]) -> bool:
        """Whether `group` may be the next, smaller unit of `chain`. Units of one
        rank nest either way (a code's part holds paragraphs, a resolution's
        paragraph holds parts), but a unit is cited once per chain."""
        last = chain[-1]
        if self.smaller(group.rank, last.rank):
            return True
        return group.rank == last.rank and all(g.field != group.field for g in chain)

    def topic_gap(self, i: int) -> int | None:
        """Past a heading between an article and its item: a quoted span, or a
        few words ending in `туралы` (`5-баптың саяси құқықтар туралы с) тармағы`)."""
        t = self.tok(i)
        if t is None:
            return None
        if t.text in OPEN_QUOTES:
            close = OPEN_QUOTES[t.text]
            j = i + 1
            while (tj := self.tok(j)) is not None and tj.start - t.start <= MAX_QUOTE:
                if tj.text == close:
                    return j + 2 if self.is_word(j + 1, self.g.bridges) else j + 1
                j += 1
            return None
        for j in range(i, i + MAX_TOPIC_WORDS):
            tj = self.tok(j)
            if tj is None:
                return None
            if tj.kind != "word" and tj.text not in _HYPHENS and tj.text != ",":
                return None
            if tj.kind == "word" and self.unit_at(j) is not None:
                return None
            if self.is_word(j, self.g.topic_ends):
                return j + 1
        return None

    def chain(self, i: int, inner: bool = False) -> tuple[Chain, int] | None:
        """Units from token i on. A spelled-out ordinal opens a chain only before
        an article: `екінші бөлігінде` alone is "in the second part" of anything."""
        first = self.group(i)
        if first is None:
            return None
        # `бірінші бөліктің 5-1) тармақшасы`: opened by a spelled ordinal only with a numbered unit after it
        spelled_head = first[0].spelled and not inner and first[0].field != "article"
        if spelled_head and not first[0].unit.links_on:
            return None
        groups, j = [first[0]], first[1]
        while not self.g.largest_first or groups[-1].unit.links_on:
            nxt = self.group(j)
            if nxt is None and self.g.largest_first:
                gap = self.topic_gap(j)
                nxt = self.group(gap) if gap is not None else None
            if nxt is None or not self.nests(nxt[0], groups):
                break
            if not self.g.largest_first and nxt[0].unit.case != "gen":
                break  # Russian: each larger unit in the genitive (пункта 1 статьи 6)
            groups.append(nxt[0])
            j = nxt[1]
        if not self.g.largest_first:
            return self.this_tail(groups, j)
        if spelled_head and (len(groups) < 2 or groups[1].spelled):
            return None
        return Chain(tuple(groups), groups[0].start, groups[-1].end), j

    def this_tail(self, groups: list[Group], j: int) -> tuple[Chain, int]:
        """Russian `пункта 2 настоящей статьи` (the unit the text stands in)
        and `пункта 2 настоящего Закона` (the document's own act) after a chain."""
        t = self.tok(j)
        if t is None or not self.is_word(j, self.g.this):
            return Chain(tuple(groups), groups[0].start, groups[-1].end), j
        unit = self.unit_at(j + 1)
        if unit is not None and unit.case == "gen" and self.smaller(unit.rank, groups[-1].rank):
            pointed = Group(unit.field, unit.rank, (), unit, t.start, self.toks[j + 1].end)
            return Chain(tuple(groups) + (pointed,), groups[0].start, pointed.end, points="this"), j + 2
        return Chain(tuple(groups), groups[0].start, groups[-1].end, points="own"), j

    def back_chain(self, i: int) -> tuple[str, Chain, int] | None:
        """`аталған баптың 2-тармағына` (the unit just cited) or `осы баптың
        2-тармағы` (the unit the text stands in): an unnumbered unit, then a
        smaller numbered one. The chain's first group has no values yet."""
        if self.is_word(i, self.g.back):
            points = "back"
        elif self.is_word(i, self.g.this):
            points = "this"
        else:
            return None
        unit = self.unit_at(i + 1)
        if unit is None or not unit.links_on:
            return None
        rest = self.chain(i + 2, inner=True)
        if rest is None or not self.smaller(rest[0].groups[0].rank, unit.rank):
            return None
        if not any(g.field in FIELDS for g in rest[0].groups):
            return None
        bare = Group(unit.field, unit.rank, (), unit, self.toks[i].start, self.toks[i + 1].end)
        chain = Chain((bare,) + rest[0].groups, self.toks[i].start, rest[0].end)
        return points, chain, rest[1]

    def is_added(self, chain: Chain, j: int) -> bool:
        """`мынадай мазмұндағы 3) тармақшамен толықтырылсын`: the unit an
        amendment adds; it does not exist yet, so it is not cited."""
        if not self.g.added_verbs:
            return False
        if self.g.number_after:  # Russian: the verb first (дополнить пунктом 6-1 следующего содержания)
            unit = chain.groups[0].unit
            near = self.tok(self.index_at(chain.start) - 1)
        else:
            unit = chain.groups[-1].unit
            near = self.tok(j)
        return (unit.case in self.g.added_cases and near is not None and near.kind == "word"
                and near.low.startswith(self.g.added_verbs))

    def index_at(self, pos: int) -> int:
        """The index of the token that starts at `pos` (a chain's first token)."""
        return bisect_left(self.toks, pos, key=_START)

    def is_heading(self, chain: Chain, j: int) -> bool:
        """`1-бап. Негізгі ұғымдар`: a unit's own heading at the start of a line."""
        g = chain.groups[0]
        if len(chain.groups) != 1 or len(g.values) != 1 or not g.unit.bare:
            return False
        nxt = self.tok(j)
        if nxt is None or nxt.text != ".":
            return False
        return opens_line(self.text, chain.start)

    def may_start(self, i: int) -> bool:
        """A cheap test before the grammar: a chain opens with a number, a
        letter item, a number word, a pointing word or (Russian) a unit word."""
        t = self.toks[i]
        if t.kind == "num":
            return True
        if t.kind != "word":
            return False
        return (len(t.text) == 1 or t.low in self.g.back or t.low in self.g.this
                or numbers.number_word(t.low) is not None
                or (self.g.number_after and (t.low in self.g.forms or t.low in self.g.abbreviations)))

    def chains(self, spots: Iterable[int]) -> Iterator[tuple[Chain, int, int]]:
        """Every chain in the window, with the token range it took: each token
        from the first one a chain through a unit word may open at up to the
        unit word is tried once, in text order (`spots`: where unit words may
        begin, in order). A chain needs a unit word, so no other token can
        open one."""
        i = 0
        for pos in spots:
            if (self.toks[i].start > pos) if i < len(self.toks) else pos < self.done:
                continue  # a chain already took it
            got = self.anchor(pos, i)
            if got is None:
                continue
            u, first = got
            i = max(i, first)
            while i <= u:
                if not self.may_start(i):
                    i += 1
                    continue
                back = self.back_chain(i)
                if back is not None:
                    points, chain, j = back
                    self.tok(j + 1)  # what follows is read before any gap (`, 3-тармағы`)
                    yield Chain(chain.groups, chain.start, chain.end, points=points), i, j
                    i = j
                    continue
                got = self.chain(i)
                if got is None:
                    i += 1
                    continue
                chain, j = got
                if chain.points is None:
                    chain = Chain(chain.groups, chain.start, chain.end, heading=self.is_heading(chain, j))
                self.tok(j + 1)
                yield chain, i, j
                i = j
