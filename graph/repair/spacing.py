"""Letter-spacing: headings and emphasised words exported one character at a
time, `б а я н д а м а н ы  ж і б е р с і н .`. Inside such a run one space
joins letters of a word, two spaces separate words, and three or more mark a
hole left by a displaced link (kept as two spaces for the anchor stage)."""
from __future__ import annotations

import re

from .mapped import EditLog, Repaired, line_spans

TOKEN = re.compile(r"\S+")
# three single characters in a row: the cheap test that a line may be spaced
HINT = re.compile(r"(?:^| )\S {1,3}\S {1,3}\S(?: |$)")
GLUE_PUNCT = frozenset(".,;:)»!?")
MIN_CHARS = 4
MIN_LETTERS = 2
MAX_GAP = 6


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


def join_letter_spacing(rep: Repaired) -> Repaired:
    text = rep.text
    log = EditLog()
    for ls, le in line_spans(text):
        line = text[ls:le]
        if len(line) < 7 or not HINT.search(line):
            continue
        for run in spaced_runs(line):
            for (_, prev_end), (next_start, _) in zip(run, run[1:]):
                gap = next_start - prev_end
                keep = gap - 1  # letters join, words keep one space, holes one more each
                log.delete(ls + prev_end + keep, ls + next_start)
    return log.apply(rep)
