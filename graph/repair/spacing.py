"""Letter-spacing: headings and emphasised words exported one character at a
time, `б а я н д а м а н ы  ж і б е р с і н .`. Inside such a run one space
joins letters of a word, two spaces separate words, and three or more mark a
hole left by a displaced link (kept as two spaces for the anchor stage).

Both passes find their lines with one scan of the whole text for a literal
(a space, a newline, a double space) and look closer only there."""
from __future__ import annotations

import re

from .mapped import EditLog, Repaired, line_at
from .words import DocumentWords

TOKEN = re.compile(r"\S+")
# three single characters in a row, `(^| )x y z( |$)`: the cheap test that
# a line may be spaced (scans that start at a literal space or newline)
SPACED_HINTS = (re.compile(r" \S {1,3}\S {1,3}\S(?=[ \n]|\Z)"),
                re.compile(r"\n\S {1,3}\S {1,3}\S(?=[ \n]|\Z)"))
SPACED_AT_START = re.compile(r"\S {1,3}\S {1,3}\S(?=[ \n]|\Z)")
MIN_LINE = 7
GLUE_PUNCT = ".,;:)»!?"
MIN_CHARS = 4
MIN_LETTERS = 2
MAX_GAP = 6
# a single character (or a displaced anchor's first character glued to the
# punctuation that ended the spaced run: `.З`); a run of at least MIN_CHARS
# of them, at most MAX_GAP spaces apart
SINGLE = r"(?:[" + re.escape(GLUE_PUNCT) + r"][^\W_]|\S)(?!\S)"
SPACED_RUN = re.compile(r"(?<!\S)" + SINGLE + r"(?:[^\S\n]{1,%d}" % MAX_GAP + SINGLE + r"){%d,}" % (MIN_CHARS - 1))
# one space between two characters: letters of a word
TIGHT = re.compile(r"\S\s\S")
# the last space of each gap in a run goes: letters join, words keep one
# space, a link's hole one more
GAP_END = re.compile(r"\s(?=\S)")
# a justified short line: words two spaces apart, some split around the
# narrow letter і (`енг і з ілген`, `м індетт і`)
DOUBLE_GAP = re.compile(r"  (?<=\S  )(?=\S)")
JUSTIFIED = re.compile(r"\S  \S.*\S  \S")
NARROW = "іІ"


def hinted_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines, at least MIN_LINE long, where three single
    characters stand in a row, in text order."""
    lines: dict[int, int] = {}
    if SPACED_AT_START.match(text):
        start, end = line_at(text, 0)
        lines[start] = end
    for hint in SPACED_HINTS:
        m = hint.search(text)
        while m:
            start, end = line_at(text, m.start() + 1)
            lines[start] = end
            m = hint.search(text, end)
    return sorted((s, e) for s, e in lines.items() if e - s >= MIN_LINE)


def has_letters(run: str) -> bool:
    letters = 0
    for c in run:
        if c.isalpha():
            letters += 1
            if letters >= MIN_LETTERS:
                return True
    return False


def join_letter_spacing(rep: Repaired) -> Repaired:
    """Runs of single characters, at least one pair of them one space apart
    and at least two letters among them, read as letter-spacing."""
    text = rep.text
    log = EditLog()
    for ls, le in hinted_lines(text):
        for m in SPACED_RUN.finditer(text, ls, le):
            start, end = m.span()
            run = m.group()
            if has_letters(run) and TIGHT.search(run):
                log.drop_between(start, end, GAP_END.split(run))
    return log.apply(rep)


def narrow_splits(line: str, words: DocumentWords) -> list[tuple[int, int]]:
    """Single spaces inside words of a justified line: next to the letter і,
    with a fragment on either side that is no word of the document."""
    tokens = list(map(re.Match.span, TOKEN.finditer(line)))
    joins = []
    for (a0, a1), (b0, b1) in zip(tokens, tokens[1:]):
        if b0 - a1 != 1:
            continue
        left, right = line[a0:a1], line[b0:b1]
        core_left, core_right = left.strip("«»()"), right.strip("«».,;:()")
        if not (core_left[-1:].isalpha() and core_right[:1].isalpha()):
            continue
        if not (core_right[0] in NARROW or core_left[-1] in NARROW):
            continue
        if min(len(core_left), len(core_right)) == 1:
            joins.append((a1, b0))
            continue
        # the longer fragment first: it is the cheaper one to look up
        longer, shorter = (core_left, core_right) if len(core_left) >= len(core_right) else (core_right, core_left)
        if longer not in words or shorter not in words:
            joins.append((a1, b0))
    return joins


def join_narrow_splits(rep: Repaired) -> Repaired:
    """After the anchors went back (their holes are double spaces too): the
    lines still justified with double spaces, split around і."""
    text = rep.text
    log = EditLog()
    words = DocumentWords(text, clean_lines_only=True, lowered=rep.lowered)
    m = DOUBLE_GAP.search(text)
    while m:
        ls, le = line_at(text, m.start())
        line = text[ls:le]
        if JUSTIFIED.search(line) and ("і " in line or " і" in line or " І" in line):
            for start, end in narrow_splits(line, words):
                log.delete(ls + start, ls + end)
        m = DOUBLE_GAP.search(text, le)
    return log.apply(rep)
