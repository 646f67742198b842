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

from .mapped import EditLog, Repaired, line_spans
from .tables import is_table_row

SENTENCE_END = frozenset(".!?:;")
WRAPPED = re.compile(r"[^\W_]-")
PAGE_NUMBER = re.compile(r"\s*(?:-\s*)?\d{1,4}(?:\s*-)?(?:\s*/\s*\d{1,4})?\s*")
SEPARATOR_START = re.compile(r"[,;] ")
HEADER_MAX = 100
# a line wrapped in the middle of a sentence is nearly as long as the page is
# wide; headings, titles and table cells are shorter
WRAPPED_LINE_MIN = 40
HEADER_MIN_REPEATS = 3


def running_headers(lines: list[str], blank: list[bool]) -> set[str]:
    """Short lines repeated at least three times, each time between blank
    lines: what a page header or footer looks like."""
    counts: Counter[str] = Counter()
    for i, line in enumerate(lines):
        if blank[i] or len(line) > HEADER_MAX:
            continue
        if 0 < i < len(lines) - 1 and blank[i - 1] and blank[i + 1]:
            counts[line.strip()] += 1
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
    text = rep.text
    spans = line_spans(text)
    lines = [text[s:e] for s, e in spans]
    blank = [not line.strip() for line in lines]
    headers = running_headers(lines, blank)
    log = EditLog()
    i = 0
    n = len(lines)
    while i < n:
        if blank[i]:
            i += 1
            continue
        # the next line with text, stepping over blank lines and page furniture
        j = i + 1
        furniture = False
        while j < n and (blank[j] or (j + 1 < n and blank[j - 1] and blank[j + 1]
                                       and (PAGE_NUMBER.fullmatch(lines[j]) or lines[j].strip() in headers))):
            furniture = furniture or not blank[j]
            j += 1
        if j >= n:
            break
        before, after = lines[i], lines[j]
        gap = j - i - 1
        end_before = spans[i][1]
        first = after.lstrip()[:1]
        if WRAPPED.search(before[-2:]) and (
                (before[-2:-1].isdigit() and first.isalnum()) or (before[-2:-1].isalpha() and first.islower())):
            # a number or a compound wrapped at its hyphen: 1- / бабының, көші- / қон
            log.delete(end_before, spans[j][0] + len(after) - len(after.lstrip()))
        elif gap and (mid_sentence(before, after) and (gap >= 2 or before.endswith(" ") or furniture)
                      or furniture and same_paragraph(before, after)):
            # a page break inside a sentence: one line break is enough
            log.delete(end_before + 1, spans[j][0])
        elif not gap and SEPARATOR_START.match(after) and before[-1:] not in (" ", ""):
            # a comma or semicolon wrapped to the next line
            log.delete(end_before, spans[j][0])
        i = j
    return log.apply(rep)
