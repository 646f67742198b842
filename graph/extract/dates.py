"""Dates: a day, a month or a year that dates an event or an act.

Kazakh writes the year first and marks it with the year noun (`2012 жылғы
22 қазандағы`, `2012 жылы`, `2010 жылғы желтоқсанда`, `2008 - 2010 жылдар`);
the year noun is what separates a date from a count, so a bare number is
never a date and a number below 1700 never a year (`3 айға`, `2 жылға`,
`29 жасқа` are durations and ages). Numeric dates come as DD.MM.YYYY (the
database's notes) and YYYY.MM.DD (old notes); Russian puts the day and the
month before the year (`22 октября 2012 года`).

Every pattern holds a year (four digits) or a dotted number (`.` and a
digit), so the text is scanned only for those two anchors, with regexes that
open with a literal digit or dot (which `re` skips to at C speed); the
patterns are tried only at positions an anchor allows. No pattern has nested
repetition, so scanning is linear; overlapping matches are settled leftmost
then longest.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..lang import lexicon
from ..models import Found

if TYPE_CHECKING:
    from . import Findings

_DASH = r"\s*[-–—]\s*"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?!\d)"
_YEAR_HEADS = ("1[7-9]", "2[01]")  # the years of acts and events: 1700 - 2199
_YEAR = "(?:" + "|".join(head + r"\d\d" for head in _YEAR_HEADS) + r")(?!\d)"
_LETTERS = r"[^\W\d_]*"
_NO_NUMBER_BEFORE = r"(?<![\d./])"
_TO_YEAR_WORD = r"\s*-?\s*"  # 2012 жылы, and the informal 2012-жылы
_Q = r"[«»\"]?"  # a day in quotes: «23» мамыр


def _alt(words: list[str]) -> str:
    """Alternation of words, longest first, where Kazakh і also matches the
    Latin i that PDF exports put in its place."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace("і", "[іi]").replace("І", "[Іi]") for w in ordered)


@dataclass(frozen=True, slots=True)
class Months:
    """Month stems of one language and the regex alternation that finds them."""

    stems: tuple[tuple[str, int], ...]
    pattern: str

    def number(self, word: str) -> int:
        w = word.casefold().replace("i", "і")
        for stem, num in self.stems:
            if w.startswith(stem):
                return num
        raise ValueError(word)


@lru_cache(maxsize=None)
def _months(lang: str) -> Months:
    rows = [(stem.casefold(), int(num)) for num, stem in lexicon(lang, "months")]
    rows.sort(key=lambda r: len(r[0]), reverse=True)
    return Months(tuple(rows), f"(?:{_alt([s for s, _ in rows])}){_LETTERS}")


@lru_cache(maxsize=None)
def _words(lang: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for word, role in lexicon(lang, "date_words"):
        out.setdefault(role, []).append(word)
    return out


@lru_cache(maxsize=None)
def _year_words() -> tuple[str, str]:
    """The Kazakh and the Russian word (or abbreviation) of one year."""
    kk, ru = _words("kk"), _words("ru")
    return (f"(?:(?:{_alt(kk['year'])}){_LETTERS}|(?:{_alt(kk['year_abbr'])}))",
            f"(?:(?:{_alt(ru['year'])}){_LETTERS}|(?:{_alt(ru['year_abbr'])}))")


@lru_cache(maxsize=None)
def _patterns() -> tuple[tuple[str, re.Pattern], ...]:
    kk, ru = _words("kk"), _words("ru")
    km, rm = _months("kk").pattern, _months("ru").pattern
    year_word, ru_year = _year_words()
    years_word = (f"(?:(?:{_alt(kk['year'])}){_LETTERS}|(?:{_alt(kk['years_abbr'] + kk['year_abbr'])})"
                  f"|(?:{_alt(kk['period'])}){_LETTERS}(?:\\s+(?:{_alt(kk['year'] + kk['period'])}){_LETTERS})?)")
    and_ = _alt(kk["and"])
    month_noun = f"(?:\\s+(?:{_alt(kk['month_noun'])}){_LETTERS})?"
    from_ = _alt(kk["from"])
    ru_years = f"(?:(?:{_alt(ru['year'])}){_LETTERS}|(?:{_alt(ru['years_abbr'] + ru['year_abbr'])}))"
    y, y2 = f"(?P<y>{_YEAR})", f"(?P<y2>{_YEAR})"
    pats = {
        # 2012 жылғы 22 қазандағы; 2010 жылғы 16-18 маусымда; 2012 жылғы 1 қаңтар - 22 тамыз
        "kk_day": (f"{_NO_NUMBER_BEFORE}{y}{_TO_YEAR_WORD}{year_word}\\s*{_Q}(?P<d>{_DAY}){_Q}(?:{_DASH}(?P<d2>{_DAY}))?"
                   f"(?:\\s|-)+(?P<m>{km})(?:{_DASH}(?P<d3>{_DAY})\\s+(?P<m3>{km}))?"),
        # «23» мамыр 2024 жыл; 12 наурыз 2015 ж.
        "kk_day_first": f"(?<![\\d.])(?<!\\d\\s){_Q}(?P<d>{_DAY}){_Q}\\s+(?P<m>{km})\\s+{y}\\s*{year_word}",
        # 1995 жылғы желтоқсанның 29-ындағы (older style)
        "kk_month_day": f"{_NO_NUMBER_BEFORE}{y}{_TO_YEAR_WORD}{year_word}\\s+(?P<m>{km})\\s+(?P<d>{_DAY})-{_LETTERS}",
        # 2010 жылғы желтоқсанда; 2009 жылғы тамыз - желтоқсан; 2009 жылдың наурызынан бастап қыркүйегіне
        "kk_month": (f"{_NO_NUMBER_BEFORE}{y}{_TO_YEAR_WORD}{year_word}\\s+(?P<m>{km}){month_noun}"
                     f"(?:(?:{_DASH}|\\s+(?:{from_})\\s+)(?P<m2>{km}))?"),
        # 2008 - 2010 жылдар; 2010 - 2011 оқу жылында; 1930 - 1935 жж.
        "kk_years": f"{_NO_NUMBER_BEFORE}{y}{_DASH}{y2}\\s*{years_word}",
        # 2009 жыл мен 2012 жылдың
        "kk_year_and_year": f"{_NO_NUMBER_BEFORE}{y}\\s*(?:{_alt(kk['year'])})\\s+(?:{and_})\\s+{y2}\\s*{year_word}",
        # 2012 жылы; 2012 жылғы; 2012 ж.
        "kk_year": f"{_NO_NUMBER_BEFORE}{y}{_TO_YEAR_WORD}{year_word}",
        # 28.11.2024
        "dmy": f"(?<![\\d.])(?P<d>\\d{{1,2}})\\.(?P<mo>\\d{{1,2}})\\.(?P<y>\\d{{4}})(?![\\d])(?!\\.\\d)",
        # 2009.09.30 (old notes of the database)
        "ymd": f"(?<![\\d.])(?P<y>\\d{{4}})\\.(?P<mo>\\d{{2}})\\.(?P<d>\\d{{2}})(?!\\d)(?!\\.\\d)",
        # от 22 октября 2012 года
        "ru_day": f"(?<!\\d)(?P<d>{_DAY})\\s+(?P<m>{rm})\\s+{y}(?:\\s*{ru_year})?",
        # в декабре 2010 года
        "ru_month": f"(?<![\\w])(?P<m>{rm})\\s+{y}\\s*{ru_year}",
        # 2021-2023 годы
        "ru_years": f"{_NO_NUMBER_BEFORE}{y}{_DASH}{y2}\\s*{ru_years}",
        # 2001 г.; 2012 году
        "ru_year": f"{_NO_NUMBER_BEFORE}{y}\\s*{ru_year}(?![^\\W\\d_])",
    }
    return tuple((name, re.compile(p, re.IGNORECASE)) for name, p in pats.items())


def _iso(y: int, m: int | None = None, d: int | None = None) -> str | None:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or None for an impossible date."""
    if m is None:
        return f"{y:04d}"
    if not 1 <= m <= 12:
        return None
    if d is None:
        return f"{y:04d}-{m:02d}"
    days = (31, 29 if y % 4 == 0 and (y % 100 != 0 or y % 400 == 0) else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
    if not 1 <= d <= days[m - 1]:
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def _fields(name: str, m: re.Match) -> dict[str, str] | None:
    """The GOLD_SPEC fields (`value`, `end`) of one match, or None if it names no real date."""
    g = m.groupdict()
    y = int(g["y"])
    y2 = int(g["y2"]) if g.get("y2") else None
    lang = "ru" if name.startswith("ru_") else "kk"
    month = _months(lang).number
    value: str | None
    end: str | None = None
    if name in ("kk_day", "ru_day", "kk_month_day", "kk_day_first"):
        mon, day = month(g["m"]), int(g["d"])
        value = _iso(y, mon, day)
        if g.get("d2"):
            end = _iso(y, mon, int(g["d2"]))
        elif g.get("d3"):
            end = _iso(y, month(g["m3"]), int(g["d3"]))
    elif name in ("kk_month", "ru_month"):
        value = _iso(y, month(g["m"]))
        if g.get("m2"):
            end = _iso(y, month(g["m2"]))
    elif name in ("kk_years", "kk_year_and_year", "ru_years"):
        if y2 is None or y2 <= y:
            return None
        value, end = _iso(y), _iso(y2)
    elif name in ("kk_year", "ru_year"):
        value = _iso(y)
    else:  # dmy, ymd
        mo, d = int(g["mo"]), int(g["d"])
        if name == "ymd" and mo > 12 and d <= 12:  # YYYY.DD.MM, seen on some sites
            mo, d = d, mo
        value = _iso(y, mo, d)
    if value is None:
        return None
    out = {"value": value}
    if end and end != value:
        out["end"] = end
    return out


# Anchors. One regex per year head: a regex that opens with a literal digit is
# skipped through at C speed, an alternation is tried at every character.
_YEAR_ANCHORS = tuple(re.compile(head + r"\d\d(?!\d)") for head in _YEAR_HEADS)
_DOTTED_ANCHOR = re.compile(r"\.\d")  # inside every DD.MM.YYYY and YYYY.MM.DD
# Patterns that open with the year, tried at every year anchor, each with what
# must follow the year for it to match (see _after_year).
_YEAR_FIRST = (("kk_day", "kk"), ("kk_month_day", "kk"), ("kk_month", "kk"), ("kk_years", "range"),
               ("kk_year_and_year", "kk"), ("kk_year", "kk"), ("ru_years", "range"), ("ru_year", "ru"))
# Read backwards from a year (over the reversed text): the spaces before it,
# the word before them (a month word) and the spaces before that word.
_BACK_TO_MONTH = re.compile(r"\s+([^\W\d_]+)(\s*)")
# `№ 27 (2000 ж.)`: the bracketed year of a numbered document (a UN general
# recommendation) belongs to its number, not to a dated event.
_NUMBERED_BEFORE = re.compile(r"(?:№|\bN)\s*[\w./-]{1,12}\s*\(\s*$")


@lru_cache(maxsize=None)
def _after_year() -> re.Pattern:
    """What follows a year, in one match instead of one per pattern: a Kazakh
    year word (`kk`), a dash and a second year (`range`), a Russian year word
    (`ru`). Each is an optional lookahead, so each group is set whenever it
    can match, whatever the others do."""
    kk, ru = _year_words()
    follows = {"kk": f"{_TO_YEAR_WORD}{kk}", "range": f"{_DASH}{_YEAR}", "ru": f"\\s*{ru}"}
    return re.compile("".join(f"(?:(?=(?P<{name}>{p})))?" for name, p in follows.items()), re.IGNORECASE)


@lru_cache(maxsize=None)
def _month_word() -> re.Pattern:
    """A Kazakh or Russian month word, to reject quickly a word that is neither."""
    return re.compile(f"(?:{_months('kk').pattern}|{_months('ru').pattern})", re.IGNORECASE)


def _leftmost(pattern: re.Pattern, text: str, starts: set[int]) -> list[re.Match]:
    """What `pattern.finditer(text)` yields, given every position a match of it can start at."""
    out: list[re.Match] = []
    end = 0
    for start in sorted(starts):
        if start >= end:
            m = pattern.match(text, start)
            if m:
                out.append(m)
                end = m.end()
    return out


def _year_last_starts(text: str, years: list[int]) -> set[int]:
    """Where a `day month year` or `month year` date can start: the month word
    right before a year, and the day (with its quotes) before that word."""
    starts: set[int] = set()
    back = text[::-1]
    n = len(text)
    month_word = _month_word()
    for year in years:
        m = _BACK_TO_MONTH.match(back, n - year)
        if m is None:
            continue
        word = n - m.end(1)
        if not month_word.match(text, word):
            continue
        starts.add(word)
        if m.end(2) > m.start(2):
            spaces = n - m.end(2)
            starts.update(range(max(0, spaces - 4), spaces))  # «DD» at most four characters
    return starts


def _year_first(text: str, years: list[int],
                patterns: dict[str, re.Pattern]) -> list[tuple[int, int, dict[str, str]]]:
    """At each year, the longest real date that opens with it (the first
    listed of equally long ones): overlapping dates are settled leftmost then
    longest, so the others at the same year could never be kept."""
    after_year = _after_year()
    year_first = [(name, patterns[name], after_year.groupindex[follows] - 1) for name, follows in _YEAR_FIRST]
    out = []
    for year in years:
        follows = after_year.match(text, year + 4).groups()
        best, best_end = None, -1
        for name, pattern, group in year_first:
            if follows[group] is not None:
                m = pattern.match(text, year)
                if m is not None and m.end() > best_end:
                    fields = _fields(name, m)
                    if fields is not None:
                        best, best_end = fields, m.end()
        if best is not None and not _NUMBERED_BEFORE.search(text, max(0, year - 24), year):
            out.append((year, best_end, best))
    return out


def find(text: str, found: "Findings | None" = None) -> list[Found]:
    """Every date in `text`, in order, none overlapping another."""
    years = sorted(m.start() for anchor in _YEAR_ANCHORS for m in anchor.finditer(text))
    dotted = [m.start() for m in _DOTTED_ANCHOR.finditer(text)]
    if not years and not dotted:
        return []
    patterns = dict(_patterns())
    year_last = _year_last_starts(text, years) if years else set()
    matches: list[tuple[str, re.Match]] = []
    day_month_year = {s for p in dotted for s in (p - 2, p - 1) if s >= 0}  # D.M. or DD.MM.
    # The patterns whose year comes last (`«23» мамыр 2024`, `22 октября 2012`,
    # `мае 2011`) and DD.MM.YYYY, in the order they are listed, so that equal
    # spans settle the same way.
    for name in ("kk_day_first", "dmy", "ru_day", "ru_month"):
        starts = day_month_year if name == "dmy" else year_last
        matches.extend((name, m) for m in _leftmost(patterns[name], text, starts))
    ymd = patterns["ymd"]
    for p in dotted:
        m = ymd.match(text, p - 4) if p >= 4 else None
        if m:
            matches.append(("ymd", m))
    candidates = _year_first(text, years, patterns)
    for name, m in matches:
        fields = _fields(name, m)
        if fields is not None and not _NUMBERED_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            candidates.append((m.start(), m.end(), fields))
    candidates.sort(key=lambda c: (c[0], -c[1]))
    out: list[Found] = []
    last_end = -1
    for start, end, fields in candidates:
        if start >= last_end:
            out.append(Found("date", start, end, fields))
            last_end = end
    return out
