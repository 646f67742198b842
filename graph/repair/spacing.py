"""Letter-spacing: headings and emphasised words exported one character at a
time, `б а я н д а м а н ы  ж і б е р с і н .`. Inside such a run one space
joins letters of a word, two spaces separate words, and three or more mark a
hole left by a displaced link (kept as two spaces for the anchor stage)."""
from __future__ import annotations

import re
from collections import Counter

from .mapped import EditLog, Repaired, line_spans

TOKEN = re.compile(r"\S+")
# three single characters in a row: the cheap test that a line may be spaced
HINT = re.compile(r"(?:^| )\S {1,3}\S {1,3}\S(?: |$)")
GLUE_PUNCT = frozenset(".,;:)»!?")
MIN_CHARS = 4
MIN_LETTERS = 2
MAX_GAP = 6
# a justified short line: words two spaces apart, some split around the
# narrow letter і (`енг і з ілген`, `м індетт і`)
JUSTIFIED = re.compile(r"\S  \S.*\S  \S")
NARROW = "іІ"
WORD = re.compile(r"[^\W\d_]+")


def is_single(token: str) -> bool:
    """One character, or a displaced anchor's first character glued to the
    punctuation that ended the spaced run (`.З`)."""
    return len(token) == 1 or (len(token) == 2 and token[0] in GLUE_PUNCT and token[1].isalnum())


def spaced_runs(line: str) -> list[list[tuple[int, int]]]:
    """Runs of single-character tokens that read as letter-spacing."""
    runs: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []

    def close() -> None:
        if len(current) >= MIN_CHARS:
            chars = [line[s:e] for s, e in current]
            letters = sum(1 for t in chars for c in t if c.isalpha())
            tight = any(current[i + 1][0] - current[i][1] == 1 for i in range(len(current) - 1))
            if letters >= MIN_LETTERS and tight:
                runs.append(list(current))

    for m in TOKEN.finditer(line):
        s, e = m.span()
        if is_single(m.group()) and (not current or s - current[-1][1] <= MAX_GAP):
            current.append((s, e))
            continue
        close()
        current = [(s, e)] if is_single(m.group()) else []
    close()
    return runs


class CleanWords:
    """Lower-cased words of the document's lines that have no double space,
    counted on first use: a fragment that is a word there is a word."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._counts: Counter[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self._counts is None:
            self._counts = Counter(w.lower() for line in self._text.split("\n") if "  " not in line
                                   for w in WORD.findall(line))
        return self._counts.get(word.lower(), 0) > 0


def narrow_splits(line: str, words: CleanWords) -> list[tuple[int, int]]:
    """Single spaces inside words of a justified line: next to the letter і,
    with a fragment on either side that is no word of the document."""
    tokens = [m.span() for m in TOKEN.finditer(line)]
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
        if min(len(core_left), len(core_right)) == 1 or core_left not in words or core_right not in words:
            joins.append((a1, b0))
    return joins


def join_letter_spacing(rep: Repaired) -> Repaired:
    text = rep.text
    log = EditLog()
    for ls, le in line_spans(text):
        line = text[ls:le]
        if len(line) < 7:
            continue
        if HINT.search(line):
            for run in spaced_runs(line):
                for (_, prev_end), (next_start, _) in zip(run, run[1:]):
                    gap = next_start - prev_end
                    keep = gap - 1  # letters join, words keep one space, holes one more each
                    log.delete(ls + prev_end + keep, ls + next_start)
    return log.apply(rep)


def join_narrow_splits(rep: Repaired) -> Repaired:
    """After the anchors went back (their holes are double spaces too): the
    lines still justified with double spaces, split around і."""
    text = rep.text
    log = EditLog()
    words = CleanWords(text)
    for ls, le in line_spans(text):
        line = text[ls:le]
        if JUSTIFIED.search(line) and ("і " in line or " і" in line or " І" in line):
            for start, end in narrow_splits(line, words):
                log.delete(ls + start, ls + end)
    return log.apply(rep)
