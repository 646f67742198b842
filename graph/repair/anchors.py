"""Displaced hyperlink anchors: the words that were links are cut out of
their place and appended, in their original order, at the end of the line,
glued to its last character when the line had no trailing space:
`халықаралық  9-бабынаконвенцияның` reads `халықаралық конвенцияның 9-бабына`,
`кодексінің , , , ).54 96 103-баптары` reads `кодексінің 54, 96, 103-баптары)`.

Evidence needed before anything moves:
  holes   where the anchors were: each space more than one between words
          (adjacent links leave one each), a space before a separator
          (` ,` ` )`), an empty pair of brackets or quotes, spaces or a
          separator starting a wrapped line (the line after a page break);
  block   the anchors at the line end: glued to the last word at a clear
          seam (after punctuation, letter->digit, a case change, a wrap
          hyphen, a preposition, or before a link word), or, unglued, words
          that only links are made of (act types, structural units, numbers,
          an act's adjective), or a quoted title ending the line;
  count   one anchor per hole, in order (one several-word anchor for one
          hole when the block is glued; a number and its bare unit are one).
When an unglued block can be read more than one way (links that ended the
line were appended where they stood), the reading whose link words come out
in citation order wins, the fewest-words one on a tie. A line that ends with
a space has nothing appended; a line longer than a PDF line is not a PDF
line. Otherwise the text is left alone.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from ..lang import lexicon
from .mapped import EditLog, Repaired, line_at
from .words import DocumentWords

PDF_LINE_MAX = 130
TOKEN = re.compile(r"\S+")
# where a hole may be, `\S {2,}\S|\S [),;.:]|\( ?\)|« ?»|^ {1,3}\S|^[),;.:]`
# on a line: scans of the whole text that each start at a literal (a
# look-behind after it, so that it is only checked where the literal stands)
HOLE_HINTS = (re.compile(r"  (?<=\S  ) *(?=\S)"), re.compile(r" [),;.:](?<=\S [),;.:])"), re.compile(r"\( ?\)"),
              re.compile(r"« ?»"), re.compile(r"\n(?: {1,3}\S|[),;.:])"))
HOLE_AT_START = re.compile(r" {1,3}\S|[),;.:]")
NUMBER = re.compile(r"\d+(?:[.\-]\d+)*")
WRAP_NUMBER = re.compile(r"\d+-")
WRAP_WORD = re.compile(r"[^\W\d_]+-")
OPENERS = frozenset("(«[")
SEPARATORS = frozenset("),;]")
GLUE_PUNCT = frozenset(".,;:)»!?")
MAX_ENDING = 9
MAX_BLOCK_FOR_ONE_HOLE = 3
MAX_LEAD_HOLES = 3
MAX_TITLE_WORDS = 8
SENTENCE_PUNCT = frozenset(".:")


@lru_cache(maxsize=None)
def link_stems() -> tuple[tuple[str, str, float, str], ...]:
    """(stem, what, rank, language) of words written as links, longest first."""
    rows = [(r[0].lower(), r[1], float(r[2]), lang) for lang in ("kk", "ru")
            for r in lexicon(lang, "repair_anchor_stems")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=None)
def stems_by_start() -> dict[str, tuple[tuple[str, str, float, str], ...]]:
    """The stems under their first two letters, longest first."""
    index: dict[str, list] = {}
    for row in link_stems():
        index.setdefault(row[0][:2], []).append(row)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=65536)
def link_stem(word: str) -> tuple[str, str, float, str] | None:
    """The stem a word (an inflected form) starts with, if it is a link word."""
    low = word.lower()
    for row in stems_by_start().get(low[:2], ()):
        stem = row[0]
        if low.startswith(stem) and len(low) - len(stem) <= MAX_ENDING:
            ending = word[len(stem):]
            if ending and not ending.isalpha() or any(c.isupper() for c in ending):
                return None  # бұйрықЗаңның is two words
            low_ending = ending.lower()
            if any(low_ending.startswith(other[0]) for other in stems_by_start().get(low_ending[:2], ())):
                return None  # қаулышешіміне is two words
            return row
    return None


@lru_cache(maxsize=65536)
def is_number(token: str) -> bool:
    return NUMBER.fullmatch(token) is not None


@lru_cache(maxsize=65536)
def is_link_word(token: str) -> bool:
    """A word a hyperlink anchor can be by itself: a number, a numbered unit
    (4-бабына), or an act-type or unit word (Заңы, кодексінің)."""
    if not token or token[-1] in GLUE_PUNCT or token[0] in GLUE_PUNCT:
        return False
    if is_number(token):
        return True
    m = NUMBER.match(token)
    if m and token[m.end():m.end() + 1] == "-":
        rest = token[m.end() + 1:]
        return bool(rest) and link_stem(rest) is not None
    return link_stem(token) is not None


@lru_cache(maxsize=65536)
def is_bare_unit(token: str) -> bool:
    found = link_stem(token)
    return found is not None and found[1] == "unit" and not any(c.isdigit() for c in token)


def _word_part(s: str) -> str:
    m = NUMBER.match(s)
    if m and s[m.end():m.end() + 1] == "-":
        return s[m.end() + 1:]
    return s


def glue_seam(token: str, vocab: DocumentWords, next_token: str = "", weak: bool = False) -> tuple[int, bool] | None:
    """Where an anchor was glued onto the line's last word, and whether the
    seam is certain (punctuation, letter->digit, a link word after it) or,
    when `weak` ones are asked for, only likely (two words of the document
    run together), or None. Some certain seams need the word to be unique
    in the document (a glued form occurs nowhere else): the document is
    only asked when that changes the answer."""
    unique: bool | None = False if is_link_word(token) else None
    seam = _certain_seam(token, next_token, False)
    if unique is None and _certain_seam(token, next_token, True) != seam:
        unique = vocab.count(_word_part(token)) <= 1
        seam = _certain_seam(token, next_token, unique)
    if seam is not None:
        return seam, True
    if not weak or unique is False:
        return None
    candidates = _weak_seams(token, next_token)
    if not candidates or not (unique or vocab.count(_word_part(token)) <= 1):
        return None
    for i, head, tail in candidates:
        if vocab.count(tail) and vocab.count(head):
            return i, False
    return None


@lru_cache(maxsize=65536)
def _certain_seam(token: str, next_token: str, unique: bool) -> int | None:
    """The certain seam in a token whose glued form is (or is not) unique
    in the document and is no link word itself."""
    n = len(token)
    # after punctuation that ends a word: бекітілсін.баяндама, ).54, береді.Заңы
    for i in range(n - 1, 0, -1):
        left, right = token[i - 1], token[i]
        if left in GLUE_PUNCT and right.isalnum():
            if left in ".," and i >= 2 and token[i - 2].isdigit() and right.isdigit():
                continue  # 1,5 or 30.01.2001
            if left == "." and i >= 2 and token[i - 2].isalpha() and (i < 3 or not token[i - 3].isalpha()):
                continue  # an initial or abbreviation: Б.Қылмыстық, т.б
            return i
    # an opening quote that ended the line, a numbered unit glued on: «3-тармағына
    if token[:1] == "«" and n > 1 and token[1].isdigit() and is_link_word(token[1:]) and not is_number(token[1:]):
        return 1
    for i in range(1, n):
        left, right = token[i - 1], token[i]
        head, tail = token[:i], token[i:]
        # a letter glued to a number: қоғамдық16-бабына, іс141-1, и47
        if left.isalpha() and right.isdigit():
            return i
        # the number sign glued to a link word: №постановлением
        if left == "№" and link_stem(tail) is not None:
            return i
        # a number or compound wrapped at its hyphen, the anchor glued on:
        # 1-164-бабының (164-бабының 1-), 13-Заңының, 3-кодекстің, көші-Заңы
        # (a unit after N- is no seam: 4-бабына); not a number like 141-1
        # with its unit after it (141-1 бабы)
        if left == "-" and is_link_word(tail) and not (is_number(token) and is_bare_unit(next_token)) and (
                (WRAP_NUMBER.fullmatch(head) and (right.isdigit() or is_act_word(tail)))
                or (WRAP_WORD.fullmatch(head) and (right.isupper() or right.isdigit()))):
            return i
        # a number or a date glued to a link word: 1996статьей, 13.02.1995постановлением
        if left.isdigit() and right.isalpha() and NUMBER.fullmatch(head) and link_stem(tail) is not None:
            return i
        # a preposition glued to an act word: накодексом, отпостановлением
        if head.lower() in prepositions() and right.islower() and is_act_word(tail) and unique:
            return i
        if not (left.isalpha() and right.isalpha()) or not unique:
            continue
        letters, numbered = _letters_and_numbered(head, tail, next_token)
        if letters < 2 and not (right.isupper() and left.isalpha()) and not numbered:
            continue
        # a link word glued on: 9-бабынаконвенцияның, Қазақстанкодексіне,
        # АдамЗаңымен, ҚРшешіміне, «Обрешение (inside one lower-case word,
        # only after a head of three letters: не|законный is one word)
        capital = next((c for c in head if c.isalpha()), "").isupper()
        if is_link_word(tail) and (letters >= 3 or left.isupper() or right.isupper() or capital or numbered):
            return i
    return None


def _letters_and_numbered(head: str, tail: str, next_token: str) -> tuple[int, bool]:
    letters = sum(c.isalpha() for c in _word_part(head))
    numbered = is_bare_unit(tail) and is_number(next_token)  # на|статьи 136, к|приложении 10
    return letters, numbered


@lru_cache(maxsize=65536)
def _weak_seams(token: str, next_token: str) -> tuple[tuple[int, str, str], ...]:
    """Where two words of the document may have run together in a token
    with no certain seam: (seam, head word, tail word), first to last."""
    out = []
    for i in range(1, len(token)):
        left, right = token[i - 1], token[i]
        if not (left.isalpha() and right.isalpha()):
            continue
        head, tail = token[:i], token[i:]
        letters, numbered = _letters_and_numbered(head, tail, next_token)
        if letters < 2 and not (right.isupper() and left.isalpha()) and not numbered:
            continue
        if len(tail) >= 4:
            out.append((i, _word_part(head), tail))
    return tuple(out)


class Hole(NamedTuple):
    """Where an anchor goes back: it is inserted at `at`; `drop` spaces
    (a span) are deleted so that the anchor sits like a word."""

    at: int
    drop: tuple[int, int] | None = None


# the gaps between words where anchors may have been cut out: two spaces
# or more, one before a separator or a full stop
GAPS = re.compile(r"\s{2,}|\s(?=[),;\].:])")


def find_holes(line: str, tokens: list[tuple[int, int]]) -> tuple[list[Hole], list[Hole]]:
    """Where anchors were cut out, and the same counting a space before a
    full stop too, which is as often a justification space (the same list
    when there is none)."""
    holes: list[Hole] = []
    lead = len(line) - len(line.lstrip(" "))
    starts_with_separator = line[lead:lead + 1] in SEPARATORS or line[lead:lead + 1] in SENTENCE_PUNCT
    if 0 < lead <= MAX_LEAD_HOLES and tokens:
        # links cut from the start of a wrapped line (an indent is longer);
        # one more before a separator that now starts it: ` , және`
        holes.extend(Hole(k) for k in range(lead + starts_with_separator))
    elif lead == 0 and starts_with_separator:
        holes.append(Hole(0))
    if not tokens:
        return holes, holes
    first, last = tokens[0][0], tokens[-1][1]
    extra: list[Hole] = []  # the optional holes: `енгізіледі) .`, a link cut before the full stop
    for m in GAPS.finditer(line, first, last):
        gap_start, s = m.span()
        gap = s - gap_start
        left, right = line[gap_start - 1], line[s]
        # each link cut out leaves one space; the exporter adds one more
        # after an opening bracket; a separator keeps its place
        if gap == 1 and right in SENTENCE_PUNCT:
            if left not in OPENERS:
                extra.append(Hole(gap_start + 1))
            continue
        count = gap if right in SEPARATORS else gap - 1
        for n in range(1, count + 1):
            if n == 1 and left in OPENERS:
                holes.append(Hole(gap_start, (gap_start, gap_start + 1)))
            else:
                holes.append(Hole(gap_start + n))
    i = line.find("()", first, last)
    if i != -1:
        while i != -1:
            holes.append(Hole(i + 1))
            i = line.find("()", i + 1, last)
        holes.sort()
    if not extra:
        return holes, holes
    return holes, sorted(holes + extra)


@lru_cache(maxsize=65536)
def _unit_and_number(first: str, second: str) -> bool:
    """A number and its bare unit: Kazakh puts the number first (141-1 бабы),
    Russian the unit (статьи 5)."""
    if is_number(first) and is_bare_unit(second):
        return link_stem(second)[3] == "kk"
    if is_bare_unit(first) and is_number(second):
        return link_stem(first)[3] == "ru"
    return False


def group_anchors(block: list[tuple[int, int]], line: str, holes: int | None, glued: bool) -> list[tuple[int, int]] | None:
    """Split the appended block into one anchor per hole, or None."""
    # a number and the bare unit next to it are one link: 141-1 бабы, статьи 5;
    # so is an act word and the capitalised adjective before it
    grouped: list[tuple[int, int]] = []
    for s, e in block:
        prev = line[grouped[-1][0]:grouped[-1][1]] if grouped else ""
        word = line[s:e]
        if grouped and (_unit_and_number(prev, word) or (not is_link_word(prev) and is_act_adjective(prev, word))):
            grouped[-1] = (grouped[-1][0], e)
        else:
            grouped.append((s, e))
    if holes is None or len(grouped) == holes:
        return grouped
    if len(block) == holes and len(grouped) == len(block):
        return block
    if glued and holes == 1 and len(block) <= MAX_BLOCK_FOR_ONE_HOLE:
        return [(block[0][0], block[-1][1])]
    return None


class Plan(NamedTuple):
    holes: list[Hole]
    anchors: list[tuple[int, int]]
    cut: tuple[int, int]


def _glued_plan(line, tokens, end_index, holes, vocab, strong: bool) -> Plan | None:
    h = len(holes)
    for j in range(end_index - 1, max(-1, end_index - h - 3), -1):
        s, e = tokens[j]
        tok = line[s:e]
        if h > end_index - j and not is_link_word(tok):
            return None  # fewer words from here to the end than holes: no seam can give a plan
        found = glue_seam(tok, vocab, line[tokens[j + 1][0]:tokens[j + 1][1]] if j + 1 < end_index else "",
                          weak=not strong)
        if found is not None:
            seam, certain = found
            if certain != strong:
                return None
            block = [(s + seam, e)] + tokens[j + 1:end_index]
            anchors = group_anchors(block, line, h, glued=True)
            if anchors and holes[-1].at <= s + seam:
                return Plan(holes, anchors, (s + seam, block[-1][1]))
            return None
        if not is_link_word(tok):
            return None
    return None


@lru_cache(maxsize=None)
def conjunctions() -> frozenset[str]:
    return frozenset(r[0].lower() for lang in ("kk", "ru") for r in lexicon(lang, "repair_conjunctions"))


@lru_cache(maxsize=None)
def prepositions() -> frozenset[str]:
    return frozenset(r[0].lower() for r in lexicon("ru", "repair_prepositions"))


@lru_cache(maxsize=None)
def adjective_endings() -> tuple[str, ...]:
    return tuple(r[0] for lang in ("kk", "ru") for r in lexicon(lang, "repair_adjective_endings"))


@lru_cache(maxsize=65536)
def is_act_adjective(word: str, act_word: str) -> bool:
    """A capitalised adjective that begins an act's link: Уголовного кодекса."""
    return word[:1].isupper() and word.isalpha() and word.lower().endswith(adjective_endings()) \
        and is_act_word(act_word) and not is_act_word(word)


def is_act_word(token: str) -> bool:
    found = link_stem(token)
    return found is not None and found[1] == "act"


def _trailing_run(line, tokens, end_index) -> int:
    """Index of the first token of the run of link words that ends the line
    (a capitalised adjective before an act word belongs to it)."""
    j = end_index
    while j > 1:
        word = line[tokens[j - 1][0]:tokens[j - 1][1]]
        if is_link_word(word):
            j -= 1
            continue
        nxt = line[tokens[j][0]:tokens[j][1]] if j < end_index else ""
        if is_act_adjective(word, nxt):
            j -= 1
            continue
        break
    return j


@lru_cache(maxsize=None)
def genitive_endings() -> tuple[str, ...]:
    return tuple(r[0] for r in lexicon("kk", "repair_genitive"))


def _rank(token: str) -> tuple[float, str] | None:
    found = link_stem(_word_part(token))
    return (found[2], found[3]) if found else None


def order_faults(line: str) -> int:
    """Adjacent link words out of citation order (bare numbers between them
    do not count): Kazakh cites the act, then the article, then its part
    (a genitive may own a word after it, not another genitive); Russian the
    other way round."""
    faults = 0
    previous = None
    numbered_unit = False
    for m in TOKEN.finditer(line):
        token = m.group().strip(",;.:()«»")
        if numbered_unit and token.lower() in conjunctions() and m.group() == token:
            faults += 1  # Kazakh lists put the unit on the last item: 5, 6 және 7-баптары
        found = link_stem(_word_part(token))
        numbered_unit = bool(found) and found[1] == "unit" and found[3] == "kk" \
            and NUMBER.match(token) is not None and m.group() == token
        if is_number(token):
            continue
        rank = _rank(token)
        if rank is not None and previous is not None:
            genitive = token.lower().endswith(genitive_endings())
            if (rank[1] == "kk" and previous[0] > rank[0] and (not previous[1] or genitive)) or \
                    (rank[1] == "ru" and previous[0] < rank[0]):
                faults += 1
        previous = (rank[0], token.lower().endswith(genitive_endings())) if rank is not None else None
    return faults


def applied(line: str, plan: Plan) -> str:
    log = EditLog()
    _record(log, 0, plan)
    return log.apply_to_text(line)


def _record(log: EditLog, offset: int, plan: Plan) -> None:
    for hole, (a, b) in zip(plan.holes, plan.anchors):
        if hole.drop:
            log.delete(offset + hole.drop[0], offset + hole.drop[1])
        log.move(offset + hole.at, offset + a, offset + b)
    log.delete(offset + plan.cut[0], offset + plan.cut[1])


def _unglued_plan(line, tokens, end_index, holes) -> Plan | None:
    """Of the readings below, the one whose link words come out in citation
    order (the fewest-words one when they tie)."""
    first = _trailing_run(line, tokens, end_index)
    if first >= end_index:
        return None  # the line ends with no link word
    readings = [p for p in (_list_plan(line, tokens, end_index, holes, first),
                            _fewest_plan(line, tokens, end_index, holes, first),
                            _in_place_plan(line, tokens, end_index, holes, first)) if p is not None]
    if len(readings) <= 1:
        return readings[0] if readings else None
    return min(readings, key=lambda p: order_faults(applied(line, p)))


def _list_plan(line, tokens, end_index, holes, first) -> Plan | None:
    """A list's conjunction right before the appended block: its last item
    ended the line and stays, the others fill the holes (`, , және 5 6 7`)."""
    h = len(holes)
    for j in range(first, end_index):
        if line[tokens[j - 1][0]:tokens[j - 1][1]].lower() in conjunctions():
            anchors = group_anchors(tokens[j:end_index], line, h + 1, glued=False)
            if anchors and holes[-1].at < tokens[j - 1][0]:
                return Plan(holes, anchors[:-1], (tokens[j - 1][1], anchors[-2][1]))
            return None
    return None


def _in_place_plan(line, tokens, end_index, holes, first) -> Plan | None:
    """Holes in the gap right before the whole run of link words that ends
    the line are those of the last links, which ended the line and were
    appended where they stood: they stay, the others go back."""
    h = len(holes)
    if first >= end_index:
        return None
    before_run = tokens[first - 1][1]
    stay = sum(1 for hole in holes if hole.at >= before_run)
    k = h - stay
    if not stay or k < 0:
        return None
    if k == 0:
        # every link stood at the end: nothing moves, a space left after an
        # opening bracket goes
        if len(holes) != 1:
            return None
        drop = (holes[0].drop[0], tokens[first][0]) if holes[0].drop else (0, 0)
        return Plan([], [], drop)
    if any(hole.drop for hole in holes[k:]):
        return None
    run = group_anchors(tokens[first:end_index], line, None, glued=False)
    if len(run) < h:
        return None
    moved = run[len(run) - h:len(run) - stay]
    return Plan(holes[:k], moved, (moved[0][0] - 1, moved[-1][1]))


def _fewest_plan(line, tokens, end_index, holes, first) -> Plan | None:
    """The fewest link words at the line end that give one anchor per hole."""
    h = len(holes)
    for j in range(end_index - 1, first - 1, -1):
        s = tokens[j][0]
        prev = line[tokens[j - 1][0]:tokens[j - 1][1]]
        if _unit_and_number(prev, line[s:tokens[j][1]]) and j - 1 >= first:
            continue  # a bare unit and its number are one link: 141-1 бабы, статьи 5
        before = tokens[j - 1][1]
        block = tokens[j:end_index]
        anchors = group_anchors(block, line, h, glued=False)
        if anchors and holes[-1].at < before:
            return Plan(holes, anchors, (before, block[-1][1]))
    return None


@lru_cache(maxsize=None)
def title_words() -> dict[str, str]:
    return {r[0].lower(): r[1] for lang in ("kk", "ru") for r in lexicon(lang, "repair_title_words")}


EMPTY_QUOTES = re.compile(r"« ?»")


def _capital_seam(token: str) -> int | None:
    """Where a capitalised word starts in a token: at 0, or glued on after a
    lower-case letter or punctuation (әділетҚоғамдық, актами.О, вО)."""
    for i in range(len(token) - 1, 0, -1):
        if token[i].isupper() and (token[i - 1].islower() or token[i - 1] in GLUE_PUNCT):
            return i
    return 0 if token[:1].isupper() else None


def _title_plan(line: str, tokens: list[tuple[int, int]]) -> Plan | None:
    """Empty pairs of quotes, the only holes on the line: the quoted titles
    were links and end the line, in order (`« » ... Қоғамдық бірлестіктер
    туралы`, `« », « » Білім туралы Қазақстан Республикасындағы тілдер
    туралы`, `« » ... О миграции населения`). A title starts at a capitalised
    word: the last one before its closing word for the first title, right
    after the previous title for the others."""
    quotes = list(EMPTY_QUOTES.finditer(line))
    if not quotes:
        return None
    words = title_words()
    ends_with_end_word = words.get(line[tokens[-1][0]:tokens[-1][1]].lower()) == "end"
    starts: list[int] = []  # character offsets where titles begin, last first
    j = len(tokens) - 1
    while len(starts) < len(quotes):
        start = None
        for i in range(j, max(-1, j - MAX_TITLE_WORDS), -1):
            word = line[tokens[i][0]:tokens[i][1]]
            seam = _capital_seam(word)
            if ends_with_end_word:
                if len(starts) < len(quotes) - 1:
                    # a later title begins right after the previous one's end word
                    if i < j and words.get(word.lower()) == "end":
                        start = tokens[i + 1][0]
                        j = i
                        break
                elif i < len(tokens) - 1 and seam is not None:
                    start = tokens[i][0] + seam
                    break
            elif seam is not None and words.get(word[seam:].lower()) == "start":
                start = tokens[i][0] + seam
                j = i - 1 if seam == 0 else i
                break
            if seam is None and not word.replace("-", "").isalpha():
                return None
        if start is None:
            return None
        starts.append(start)
    starts.reverse()
    if starts[0] <= quotes[-1].end():
        return None
    holes, anchors = [], []
    ends = starts[1:] + [tokens[-1][1]]
    for q, begin, end in zip(quotes, starts, ends):
        inside = q.start() + 1
        holes.append(Hole(inside, (inside, q.end() - 1) if q.end() - q.start() == 3 else None))
        anchors.append((begin, len(line[:end].rstrip())))
    first_token = next(i for i, t in enumerate(tokens) if t[1] > starts[0])
    cut_start = starts[0] if tokens[first_token][0] < starts[0] else tokens[first_token - 1][1]
    return Plan(holes, anchors, (cut_start, tokens[-1][1]))


def plan_line(line: str, vocab: DocumentWords) -> Plan | None:
    tokens = list(map(re.Match.span, TOKEN.finditer(line)))
    if not tokens:
        return None
    if "«" in line:
        title = _title_plan(line, tokens)
        if title is not None:
            return title
    end_index = len(tokens)
    if WRAP_NUMBER.fullmatch(line[tokens[-1][0]:tokens[-1][1]]):
        end_index -= 1  # a number wrapped onto the next line stays where it is
    required, more = find_holes(line, tokens[:end_index])
    plan = _plan_with(line, tokens, end_index, more, vocab) if len(more) > len(required) else None
    return plan or _plan_with(line, tokens, end_index, required, vocab)


def _plan_with(line, tokens, end_index, holes, vocab) -> Plan | None:
    if not holes:
        return None
    return (
        _glued_plan(line, tokens, end_index, holes, vocab, strong=True)
        or _unglued_plan(line, tokens, end_index, holes)
        or _glued_plan(line, tokens, end_index, holes, vocab, strong=False)
    )


def hinted_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines where a hole may be, in text order."""
    lines: dict[int, int] = {}
    if HOLE_AT_START.match(text):
        start, end = line_at(text, 0)
        lines[start] = end
    for hint in HOLE_HINTS:
        m = hint.search(text)
        while m:
            start, end = line_at(text, m.end() - 1)
            lines[start] = end
            m = hint.search(text, end)
    return sorted(lines.items())


def restore_anchors(rep: Repaired) -> Repaired:
    text = rep.text
    log = EditLog()
    vocab = DocumentWords(text)
    for ls, le in hinted_lines(text):
        line = text[ls:le]
        if line[-1] == " " or len(line.strip()) > PDF_LINE_MAX:
            continue
        plan = plan_line(line, vocab)
        if plan is None or any(h.at > plan.cut[0] or (h.drop and h.drop[1] > plan.cut[0]) for h in plan.holes):
            continue
        if any(h.drop for h in plan.holes):
            # only dropped spaces can overlap another edit of the plan
            try:
                applied(line, plan)  # a plan whose edits would overlap is no plan
            except ValueError:
                continue
        _record(log, ls, plan)
    out = log.apply(rep)
    if vocab.lowered is not None:  # moves and deletions only: the lower-cased text follows them
        out.lowered = log.apply_to_text(vocab.lowered)
    return out
