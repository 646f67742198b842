"""Look-alike characters: Latin letters inside Cyrillic words, soft hyphens,
no-break spaces, curly quotes. Every change is one character for one (or a
deletion), so offsets stay exact."""
from __future__ import annotations

import re
from functools import lru_cache

from ..lang import lexicon
from .mapped import EditLog, Repaired

CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN_RUN = re.compile(r"[A-Za-z]+")
OPENING_CONTEXT = " \t\n\u00a0\u2007\u202f\u2009([«„“"


@lru_cache(maxsize=None)
def lookalikes() -> dict[str, str]:
    return {row[0]: row[1] for row in lexicon("kk", "repair_lookalikes")}


@lru_cache(maxsize=None)
def character_actions() -> dict[str, str]:
    return {chr(int(row[0][2:], 16)): row[1] for row in lexicon("kk", "repair_characters")}


@lru_cache(maxsize=None)
def latin_or_special() -> re.Pattern:
    """A Latin letter or a special character (one character class: the
    fastest scan `re` has)."""
    return re.compile("[A-Za-z" + "".join(re.escape(c) for c in character_actions()) + "]")


INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\ufeff")


def _in_word(ch: str) -> bool:
    return ch.isalpha() or ch in INVISIBLE


def _letter_run(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) to the whole run of letters around it (a soft
    hyphen inside a word does not end it)."""
    while start > 0 and _in_word(text[start - 1]):
        start -= 1
    n = len(text)
    while end < n and _in_word(text[end]):
        end += 1
    return start, end


def fix_latin_word(text: str, start: int, end: int, log: EditLog) -> int:
    """A Latin look-alike in a run of letters that is otherwise Cyrillic
    becomes the Cyrillic letter; a run with any other Latin letter is a
    genuinely mixed word and stays. Returns where the word ends."""
    table = lookalikes()
    start, end = _letter_run(text, start, end)
    word = text[start:end]
    if not CYRILLIC.search(word):
        return end
    latin = [i for i, ch in enumerate(word) if "A" <= ch <= "z" and ch.isascii() and ch.isalpha()]
    if any(word[i] not in table for i in latin):
        return end
    for i in latin:
        log.replace(start + i, start + i + 1, table[word[i]])
    return end


def fix_special_character(text: str, i: int, log: EditLog) -> None:
    action = character_actions()[text[i]]
    if action == "space":
        log.replace(i, i + 1, " ")
    elif action == "drop":
        end = i + 1
        if text[i] == "\u00ad":
            # a soft hyphen at a line end: the word goes on after the break
            j = end
            while j < len(text) and text[j] == " ":
                j += 1
            if j < len(text) and text[j] == "\n":
                k = j + 1
                while k < len(text) and text[k] == " ":
                    k += 1
                if k < len(text) and text[k].isalpha():
                    end = k
        log.delete(i, end)
    elif action == "close":
        log.replace(i, i + 1, "»")
    else:
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        closes = before not in OPENING_CONTEXT and (after.isspace() or after in ",.;:)")
        log.replace(i, i + 1, "»" if closes else "«")


def fix_characters(rep: Repaired) -> Repaired:
    """One scan of the text for Latin letters and the special characters;
    each is looked at where it stands (a run of Latin letters at once)."""
    text = rep.text
    log = EditLog()
    scan, special = latin_or_special(), character_actions()
    done = 0
    m = scan.search(text)
    while m:
        start = m.start()
        if text[start] in special:
            fix_special_character(text, start, log)
            m = scan.search(text, start + 1)
        else:
            end = LATIN_RUN.match(text, start).end()
            if start >= done:
                done = fix_latin_word(text, start, end, log)
            m = scan.search(text, end)
    return log.apply(rep)
