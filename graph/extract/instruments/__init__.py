"""Instrument extractor: every mention of a specific legal act.

eyecite's layout: one regex pass (a letter trie of the acts.tsv stems) finds
the act-type words, and a word without an act reading is dropped at once;
a local grammar then reads each one's requisites (grammar.py) in a window of
text around it (tokens.py), widened only when the grammar looks past it.
Nothing tokenises the whole text. What the grammar cannot decide alone
(which act `осы Заң` or a bare `Конвенцияның` means, the document's own act)
is left to the resolve stage in private `_` fields.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterator

from ...lang.kk import morph
from ...models import Found
from .grammar import Citation, Context, Source, not_act_after, read, self_word, unmarked_self, word_types
from .tokens import TOKEN, OutOfWindow, Token, fold, is_word_char, left_edge, right_edge, tokenize
from .vocabulary import Vocabulary, vocabulary

if TYPE_CHECKING:
    from .. import Findings

# UN document symbols: CERD/C/2007/1, CERD/C/KAZ/CO/4-5, A/RES/48/134
_UN_SYMBOL = re.compile(r"(?<![\w/])[A-Z]{1,6}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+(?<![.\-])")
# A code's abbreviation: capitals ending in К (ҚК, АПК, ҚІЖК), cited with an article
_CODE_ABBR = re.compile(r"(?<![\w-])[А-ЯӘҒҚҢӨҰҮҺІ]{1,4}т?К(?![\w])")
_CODE_ABBR_END = re.compile(r"К(?!\w)")  # where one can end: found by a literal search
_UN_SLASH = re.compile(r"/(?<=[A-Z]/)")  # where a symbol's first part ends
_WORD_AFTER = re.compile(r"[^\S\n]+(\w+(?:[-/.]\w+)*)")  # spaces on one line, then a token of words
_ARTICLE_NEXT = re.compile(r"(?:-\w+)?\s*(?:\d|[«\"(]?\w*\s*\d)")


LEFT, RIGHT = 100, 40  # characters of text a first window holds around an act word
GAP = LEFT + RIGHT  # act words closer than this share one window


def find(text: str, found: "Findings", lang: str = "kk") -> list[Found]:
    vocab = vocabulary(lang)
    src = Source.build(text, vocab, found.of("date"), found.of("institution"))
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: keep offsets
        lowered = "".join(ch.lower()[:1] for ch in text)
    anchors = [m.start() for m in vocab.prefilter.finditer(lowered) if _may_name_act(text, vocab, *m.span())]
    reads: list[_Read] = []
    siblings: list[_Read] = []
    seen: set[int] = set()
    read_to = 0  # the end of the last type word read: an act word before it is in that token
    k = 0
    while k < len(anchors):
        if anchors[k] < read_to:
            k += 1
            continue
        last = k
        while last + 1 < len(anchors) and anchors[last + 1] - anchors[last] < GAP:
            last += 1
        ctx = Context.build(src, anchors[k] - LEFT, anchors[last] + RIGHT)
        for char in anchors[k:last + 1]:
            i = ctx.token_at(char)
            if i is None or ctx.tokens[i].start in seen:
                continue
            seen.add(ctx.tokens[i].start)
            read_to = ctx.tokens[i].end
            ctx, c = _read(ctx, i)  # (the next act words are read in the window it was read in)
            if c:
                reads.append(_Read.of(ctx, c))
                siblings += [_Read.of(ctx, s) for s in c.extra.get("siblings", ())]
        k = last + 1
    reads += siblings
    # a type word inside another citation's short-name brackets or after its
    # head (… конвенцияның (бұдан әрі - Конвенция)) is part of that citation
    inside = _Spans([g for r in reads for g in r.groups])
    reads = [r for r in reads if not inside.holds(r.head[0])]
    out = [r.found for r in reads]
    heads = _Spans([r.head for r in reads])
    aliases = [f for f in _alias_uses(text, lowered, vocab, reads)
               if not heads.overlaps(f.start, f.end)]  # read as an act word already
    taken = _Spans([(f.start, f.end) for f in aliases])
    out += [f for f in _code_abbreviations(text) if not taken.touches(f.start, f.end)]
    out += _un_symbols(text)
    out += aliases
    return sorted(out, key=lambda f: (f.start, f.end))


def _may_name_act(text: str, vocab: Vocabulary, start: int, end: int) -> bool:
    """Whether the word text[start:end] the prefilter found can be an act's
    type word. When the token ends with it, act_type reads that word (after
    a number and a hyphen) or nothing, so a word without an act reading is no
    anchor: it costs no window. Nor is one that the word after it makes no
    act (заңды тұлға), nor a word of the document's own act (ақпарат)
    without a marker right before it."""
    if end + 1 < len(text) and text[end] in "-/." and (text[end + 1].isalnum() or text[end + 1] == "_"):
        # the token goes on (заң-нормативтік, ақпараттық-білім): act_type reads it whole
        return not _token_starts(text, start) or bool(word_types(vocab, TOKEN.match(text, start).group())[1])
    word = text[start:end]
    if not word_types(vocab, word)[1]:
        return False
    after = _word_after(text, end)
    if after is not None and not_act_after(vocab, after):
        return False
    if not self_word(vocab, word):
        return True
    before = _tokens_before(text, start)
    return before is None or not unmarked_self(vocab, before)


def _word_after(text: str, end: int) -> str | None:
    """The word token after the token ending at `end` on the same line (None
    when a mark or a number follows, or a line break)."""
    m = _WORD_AFTER.match(text, end)
    return m.group(1) if m and m.group(1)[0].isalpha() else None


def _tokens_before(text: str, start: int) -> Iterator[tuple[str, bool]] | None:
    """The tokens before the word at `start`, nearest first, lower case (as
    tokens.py reads them), each with whether an empty line follows it; None
    when the word's token starts before `start` (x-ақпарат)."""
    return _backwards(text, start) if _token_starts(text, start) else None


def _token_starts(text: str, start: int) -> bool:
    """Whether a token starts at `start` (it is not joined to the word before
    by - / ., as in x-ақпарат)."""
    return not start or not (is_word_char(text[start - 1]) or text[start - 1] in "-/." and start > 1
                             and is_word_char(text[start - 2]))


def _backwards(text: str, end: int) -> Iterator[tuple[str, bool]]:
    while True:
        k = end
        while k > 0 and text[k - 1].isspace():
            k -= 1
        if k == 0:
            return
        blank = text.count("\n", k, end) > 1
        j = k - 1  # a token is word characters joined by single - / ., or one mark
        if is_word_char(text[j]):
            while j > 0 and (is_word_char(text[j - 1]) or text[j - 1] in "-/." and j > 1
                             and is_word_char(text[j - 2])):
                j -= 1
        yield fold(text[j:k]), blank
        end = j


def _read(ctx: Context, i: int) -> tuple[Context, Citation | None]:
    """Read the act word at token i; when the grammar looks past the window,
    again in a wider one."""
    char = ctx.tokens[i].start
    while True:
        try:
            return ctx, read(ctx, i)
        except OutOfWindow as edge:
            ctx = ctx.wider(edge.args[0], char)
            i = ctx.token_at(char)


@dataclass(slots=True)
class _Read:
    """One citation the grammar read, in offsets (windows differ)."""

    found: Found
    head: tuple[int, int]  # the type word
    groups: list[tuple[int, int]]  # starts of the first and last token of spans it holds
    alias: str | None  # its short name (бұдан әрі – X)
    after: int  # where uses of the short name may start

    @classmethod
    def of(cls, ctx: Context, c: Citation) -> "_Read":
        toks = ctx.tokens
        groups = []
        if "group" in c.extra:
            a, b = c.extra["group"]
            groups.append((toks[a].start, toks[b].start))
        if c.last > c.head:
            groups.append((toks[c.head + 1].start, toks[c.last].start))
        after = toks[max(c.last, c.extra["group"][1]) if "group" in c.extra else c.last].end
        head = toks[c.head]
        return cls(_to_found(ctx, c), (head.start, head.end), groups, c.alias, after)


class _Spans:
    """Offset spans, sorted once, asked by bisection."""

    def __init__(self, spans: list[tuple[int, int]]):
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach: list[int] = []  # the furthest end of the spans so far
        for _, b in spans:
            self.reach.append(max(b, self.reach[-1]) if self.reach else b)

    def holds(self, char: int) -> bool:
        """Some span has a <= char <= b."""
        k = bisect_right(self.starts, char)
        return k > 0 and self.reach[k - 1] >= char

    def overlaps(self, start: int, end: int) -> bool:
        """Some span has a < end and start < b."""
        k = bisect_left(self.starts, end)
        return k > 0 and self.reach[k - 1] > start

    def touches(self, start: int, end: int) -> bool:
        """Some span has a <= end and start <= b."""
        k = bisect_right(self.starts, end)
        return k > 0 and self.reach[k - 1] >= start


def _to_found(ctx: Context, c: Citation) -> Found:
    fields: dict = {"kind": c.kind}
    for key in ("title", "date", "number", "issuer"):
        value = getattr(c, key)
        if value:
            fields[key] = value
    if c.draft:
        fields["draft"] = True
    head = ctx.tokens[c.head]
    fields["_head"] = [head.start, head.end]
    fields["_head_text"] = head.text
    if c.marker:
        fields["_marker"] = c.marker
    if c.bare:
        fields["_bare"] = True
    if c.capitalised:
        fields["_capital"] = True
    if c.plural:
        fields["_plural"] = True
    if c.nominative:
        fields["_nominative"] = True
    if c.alias:
        fields["_alias"] = c.alias
    if c.extra.get("self_word"):
        fields["_self_word"] = True
    if c.extra.get("its"):
        fields["_its"] = c.extra["its"]
    if c.extra.get("ordinal_ref"):
        fields["_ordinal_ref"] = c.extra["ordinal_ref"]
    if c.extra.get("near"):
        fields["_near"] = True
    if c.extra.get("weak"):
        fields["_weak"] = True
    if c.extra.get("own_draft"):
        fields["_own_draft"] = True
    if "short_name" in c.extra:
        fields["_short_name"] = c.extra["short_name"]
    return Found("instrument", ctx.tokens[c.first].start, ctx.tokens[c.last].end, fields)


def _code_abbreviations(text: str) -> list[Found]:
    """`ҚР ҚІЖК-нің 411-бабының`, `(ӘҚК 343, 344 баптары)`: a code named by its
    abbreviation, recognised by the article number that follows it."""
    out = []
    for hit in _CODE_ABBR_END.finditer(text):
        m = _CODE_ABBR.match(text, _word_start(text, hit.start(), 6))
        if not m or not _ARTICLE_NEXT.match(text, m.end()):
            continue
        end = m.end()
        while end < len(text) and (text[end] == "-" or text[end].isalpha()):
            end += 1
        start = m.start()
        before = text[max(0, start - 4):start]
        if before.rstrip().endswith(("ҚР", "РК")):
            start = start - (len(before) - len(before.rstrip())) - 2
        out.append(Found("instrument", start, end, {"kind": "code", "title": m.group(), "_abbreviation": m.group()}))
    return out


def _un_symbols(text: str) -> list[Found]:
    out = []
    reached = 0
    for hit in _UN_SLASH.finditer(text):
        start = hit.start()
        while start > 0 and hit.start() - start <= 6 and "A" <= text[start - 1] <= "Z":
            start -= 1
        m = _UN_SYMBOL.match(text, start) if start >= reached else None
        if not m:
            continue
        reached = m.end()
        if m.group().count("/") < 2:
            continue
        out.append(Found("instrument", m.start(), m.end(), {"kind": "un_document", "number": m.group()}))
    return out


def _word_start(text: str, char: int, reach: int) -> int:
    """Start of the run of word characters that ends at `char`, looked for at
    most `reach` characters back."""
    start = char
    while start > 0 and char - start < reach and (text[start - 1].isalnum() or text[start - 1] == "_"):
        start -= 1
    return start


def _alias_uses(text: str, lowered: str, vocab: Vocabulary, reads: list[_Read]) -> list[Found]:
    """Later uses of a short name the text defined (`(бұдан әрі – АК)` then
    `АК-нің 9-бабы`); short names that are act words are read as such already.
    The text is searched for each short name once, and only the words found
    are tokenised."""
    out = []
    defined = [r for r in reads if r.alias]
    if not defined:
        return out
    named: dict[str, list[Token]] = {}  # a one-word short name -> the words it begins
    lead_words: dict[str, list[Token]] = {}  # a longer one's first word -> tokens that are it
    folded = ""
    for r in defined:
        alias = r.alias
        defining = [r.found.start, r.found.end]
        kind = r.found.fields["kind"]
        words = alias.split()
        if len(words) == 1:
            if alias not in named:
                named[alias] = [tok for tok in _tokens_at(text, alias, text)
                                if tok.text[0].isupper() and tok.text.split("-")[0] == alias]
            for tok in named[alias]:
                if tok.start >= r.after and not tok.text[0].islower() and _not_act_word(vocab, tok.text):
                    out.append(Found("instrument", tok.start, tok.end,
                                     {"kind": kind, "anaphora": True, "_antecedent": defining}))
            continue
        # a short name of several words, its last one inflected: Ұлттық жоспардың
        lead = [w.lower() for w in words[:-1]]
        last = _lemma(words[-1])
        n = len(words)
        if lead[0] not in lead_words:
            folded = folded or lowered.replace("i", "і")
            lead_words[lead[0]] = [tok for tok in _tokens_at(text, lead[0], folded) if tok.lower == lead[0]]
        for tok in lead_words[lead[0]]:
            if tok.start < r.after:
                continue
            toks = _tokens_from(text, tok.start, n)
            if len(toks) < n or [t.lower for t in toks[:n - 1]] != lead:
                continue
            if _lemma(toks[n - 1].text) == last:
                out.append(Found("instrument", toks[0].start, toks[n - 1].end,
                                 {"kind": kind, "anaphora": True, "_antecedent": defining}))
    return out


def _tokens_at(text: str, word: str, searched: str) -> list[Token]:
    """The tokens of `text` that start where `word` occurs in `searched` (the
    text or a case-folded copy of the same length)."""
    out = []
    char = searched.find(word)
    while char != -1:
        before = text[char - 1] if char else " "
        if not (before.isalnum() or before == "_"):  # (no token starts inside a word)
            toks = _tokens_from(text, char, 1)
            if toks:
                out.append(toks[0])
        char = searched.find(word, char + 1)
    return out


def _tokens_from(text: str, char: int, n: int) -> list[Token]:
    """Up to n tokens from the one starting at `char` (none if no token starts there)."""
    reach = 16 * (n - 1)  # one token: its own word only
    while True:
        end = right_edge(text, char + reach)
        toks = tokenize(text, left_edge(text, char), end)
        k = next((k for k, tok in enumerate(toks) if tok.start >= char), len(toks))
        if k == len(toks) or toks[k].start != char:
            return []
        if len(toks) - k >= n or end >= len(text):
            return toks[k:k + n]
        reach = 4 * reach + 64


def _lemma(word: str) -> str:
    return morph.lemma(word).lower()


def _not_act_word(vocab: Vocabulary, word: str) -> bool:
    return not vocab.prefilter.match(word.lower())
