"""Kazakh noun endings: reduce an inflected form to the form a name is listed in.

Placeholder API (issue 6 replaces the bodies with a rule-based analyser with
vowel harmony, tested over whole paradigms; callers keep these two functions).
"""
from __future__ import annotations

_CASES = ("ының", "інің", "ның", "нің", "дың", "дің", "тың", "тің", "ына", "іне", "на", "не",
          "ға", "ге", "қа", "ке", "ында", "інде", "нда", "нде", "да", "де", "та", "те",
          "ынан", "інен", "нан", "нен", "дан", "ден", "тан", "тен", "мен", "бен", "пен",
          "ын", "ін", "н", "ны", "ні", "ды", "ді", "ты", "ті")


def drop_case(word: str) -> str:
    """The form without its case ending, keeping possessive and plural:
    `министрлігінің` -> `министрлігі`, `конвенцияның` -> `конвенция`."""
    for suf in sorted(_CASES, key=len, reverse=True):
        if word.endswith(suf) and len(word) - len(suf) >= 3:
            return word[: -len(suf)] + ("ы" if suf.startswith("ы") and suf != "ы" else "і" if suf.startswith("і") else "")
    return word


def lemma(word: str) -> str:
    """The dictionary form without case, possessive and plural:
    `кодексінің` -> `кодекс`, `баптары` -> `бап`."""
    return drop_case(word)
