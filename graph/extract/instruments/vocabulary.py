"""Act vocabulary of one language, read from its lexicons (acts.tsv,
act_words.tsv): which words name act types, and the words around them."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...lang import lexicon

VOICING = {"п": "б", "к": "г", "қ": "ғ"}


@dataclass(frozen=True, slots=True)
class ActType:
    stem: str  # head word's dictionary form, lower case
    before: tuple[str, ...]  # words that must precede the head (конституциялық заң)
    kind: str
    use: str  # bare | named | numbered (acts.tsv)
    name: str  # about | noun | fixed


@dataclass(frozen=True, slots=True, eq=False)
class Vocabulary:
    types: dict[str, tuple[ActType, ...]]  # head stem -> types, longest `before` first
    prefilter: re.Pattern  # the words that start with an act type's stem
    roles: dict[str, frozenset[str]]  # role -> words (lower case, multi-word with spaces)

    by_word: dict[str, frozenset[str]]  # word -> its roles
    units: frozenset[str] = frozenset()  # structural unit words (units.tsv): бап, тармақ

    def role(self, word: str) -> frozenset[str]:
        return self.by_word.get(word, _NO_ROLES)

    def endings(self, role: str) -> tuple[str, ...]:
        """The words of a role, for str.endswith."""
        return _endings(self, role)


_NO_ROLES: frozenset[str] = frozenset()


@lru_cache(maxsize=None)
def _endings(vocab: Vocabulary, role: str) -> tuple[str, ...]:
    return tuple(vocab.roles.get(role, ()))


def _trie(words: set[str]) -> str:
    """One regex for a set of words, branching letter by letter (re tries an
    alternation of plain words one by one at every position of the text)."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict) -> str:
        parts = [re.escape(ch) + branch(rest) for ch, rest in sorted(node.items()) if ch]
        if not parts:
            return ""
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        return f"(?:{body})?" if "" in node else body

    return branch(tree)


@lru_cache(maxsize=None)
def vocabulary(lang: str = "kk") -> Vocabulary:
    types: dict[str, list[ActType]] = {}
    for row in lexicon(lang, "acts"):
        words = row[0].lower().split()
        t = ActType(words[-1], tuple(words[:-1]), row[1], row[2], row[3])
        types.setdefault(t.stem, []).append(t)
    prefixes = set()
    for stem in types:
        # the stem as it starts every inflected form: a final п/к/қ may voice
        prefixes.add(stem[:-1] if stem[-1] in VOICING and len(stem) > 3 else stem)
    prefilter = re.compile(rf"(?<!\w){_trie(prefixes)}\w*")  # the word it starts
    roles: dict[str, set[str]] = {}
    for row in lexicon(lang, "act_words"):
        roles.setdefault(row[1], set()).add(row[0].lower())
    by_word: dict[str, set[str]] = {}
    for role, words in roles.items():
        for w in words:
            by_word.setdefault(w, set()).add(role)
    units = frozenset(row[1].lower() for row in lexicon(lang, "units") if row[0] == "unit" and len(row) > 1)
    return Vocabulary(
        {k: tuple(sorted(v, key=lambda t: -len(t.before))) for k, v in types.items()},
        prefilter,
        {k: frozenset(v) for k, v in roles.items()},
        {k: frozenset(v) for k, v in by_word.items()},
        units,
    )
