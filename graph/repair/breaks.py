"""Page breaks and line wrapping: a run of blank lines (with a page number or
running header in it, where the export has them) in the middle of a
sentence, a number or a compound wrapped at its hyphen (`1-` / `бабының`,
`көші-` / `қон`: the hyphen stays, the export does not hyphenate words), a separator
wrapped to the start of the next line. Paragraph ends, headings and table
rows are left as they are: a break is only mended when the line before it
does not end a sentence and neither side is a table row or a new
(indented) paragraph, and, for a single blank line, when the line before
ends with the space that the export leaves on wrapped lines (a title's
last line has none)."""
from __future__ import annotations

import re
from collections import Counter
from bisect import bisect_right
from itertools import accumulate, compress
from operator import add, not_

from .mapped import EditLog, Repaired
from .tables import is_table_row

SENTENCE_END = frozenset(".!?:;")
WRAPPED = re.compile(r"[^\W_]-")
PAGE_NUMBER = re.compile(r"\s*(?:-\s*)?\d{1,4}(?:\s*-)?(?:\s*/\s*\d{1,4})?\s*")
SEPARATOR_START = re.compile(r"[,;] ")
# the lines a mended break can start from or end at, found in the whole text
HYPHEN_AT_END = re.compile(r"-\n")
SEPARATOR_AT_START = re.compile(r"\n[,;] ")
HEADER_MAX = 100
# a line wrapped in the middle of a sentence is nearly as long as the page is
# wide; headings, titles and table cells are shorter
WRAPPED_LINE_MIN = 40
HEADER_MIN_REPEATS = 3


def running_headers(lines: list[str], blank: set[int], blank_lines: list[int]) -> set[str]:
    """Short lines repeated at least three times, each time between blank
    lines: what a page header or footer looks like."""
    counts: Counter[str] = Counter()
    n = len(lines)
    for b in blank_lines:
        i = b + 1
        if i < n - 1 and i not in blank and i + 1 in blank and len(lines[i]) <= HEADER_MAX:
            counts[lines[i].strip()] += 1
    return {h for h, c in counts.items() if c >= HEADER_MIN_REPEATS and not is_table_row(h)}


def is_indented(line: str) -> bool:
    return line.startswith("  ")


def mid_sentence(before: str, after: str) -> bool:
    """The break between these two lines falls inside a sentence."""
    tail = before.strip()
    return len(tail) >= WRAPPED_LINE_MIN and tail[-1] not in SENTENCE_END \
        and not is_indented(after) and not is_table_row(tail) and not is_table_row(after)


def same_paragraph(before: str, after: str) -> bool:
    """A page number or header between two lines of prose, the second not
    indented: the page broke inside a paragraph, after a full stop."""
    tail = before.strip()
    return len(tail) >= WRAPPED_LINE_MIN and not is_indented(after) and bool(after.strip()) \
        and not is_table_row(tail) and not is_table_row(after)


def mend_breaks(rep: Repaired) -> Repaired:
    """Each line with text and the next one (blank lines and page furniture
    between them stepped over) are mended where they break a sentence, a
    number or a compound. Only three kinds of pair can be mended: around
    blank lines, after a line that ends with a hyphen, before a line that
    starts with a separator; scans of the whole text find those, and only
    they are looked at."""
    text = rep.text
    lines = text.split("\n")
    n = len(lines)
    # line k starts at line_start[k]
    line_start = list(map(add, accumulate(map(len, lines), initial=0), range(n)))

    def line_of(pos: int) -> int:
        return bisect_right(line_start, pos) - 1

    blank_lines = list(compress(range(n), map(not_, map(str.strip, lines))))
    blank = set(blank_lines)
    headers = running_headers(lines, blank, blank_lines)

    def furniture(j: int) -> bool:
        return bool(j + 1 < n and j - 1 in blank and j + 1 in blank
                    and (PAGE_NUMBER.fullmatch(lines[j]) or lines[j].strip() in headers))

    first_text = 0
    while first_text < n and first_text in blank:
        first_text += 1
    candidates = {b - 1 for b in blank_lines if b > first_text and b - 1 not in blank}
    candidates.update(line_of(m.start()) for m in HYPHEN_AT_END.finditer(text))
    candidates.update(line_of(m.start()) for m in SEPARATOR_AT_START.finditer(text))
    log = EditLog()
    for i in sorted(candidates):
        if i + 1 in blank and lines[i][-1:] != "-" and len(lines[i].strip()) < WRAPPED_LINE_MIN:
            continue  # a short line before a blank one: no hyphen to join, no sentence to mend
        if i in blank or i != first_text and furniture(i):
            continue  # not a line that the walk from one text line to the next stops at
        # the next line with text, stepping over blank lines and page furniture
        j = i + 1
        has_furniture = False
        while j < n and (j in blank or furniture(j)):
            has_furniture = has_furniture or j not in blank
            j += 1
        if j >= n:
            break
        before, after = lines[i], lines[j]
        gap = j - i - 1
        end_before = line_start[i] + len(before)
        start_after = line_start[j]
        first = after.lstrip()[:1]
        if WRAPPED.search(before[-2:]) and (
                (before[-2:-1].isdigit() and first.isalnum()) or (before[-2:-1].isalpha() and first.islower())):
            # a number or a compound wrapped at its hyphen: 1- / бабының, көші- / қон
            log.delete(end_before, start_after + len(after) - len(after.lstrip()))
        elif gap and ((gap >= 2 or before.endswith(" ") or has_furniture) and mid_sentence(before, after)
                      or has_furniture and same_paragraph(before, after)):
            # a page break inside a sentence: one line break is enough
            log.delete(end_before + 1, start_after)
        elif not gap and SEPARATOR_START.match(after) and before[-1:] not in (" ", ""):
            # a comma or semicolon wrapped to the next line
            log.delete(end_before, start_after)
    return log.apply(rep)
