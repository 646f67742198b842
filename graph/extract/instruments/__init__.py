"""Instrument extractor: every mention of a specific legal act.

eyecite's layout: a literal prefilter finds the act-type words (acts.tsv
stems, every inflected form confirmed by the morphological analyser), then
a local grammar reads each one's requisites (grammar.py). What the grammar
cannot decide alone (which act `осы Заң` or a bare `Конвенцияның` means, the
document's own act) is left to the resolve stage in private `_` fields.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import TYPE_CHECKING

from ...lang.kk import morph
from ...models import Found
from .grammar import Citation, Context, read
from .vocabulary import vocabulary

if TYPE_CHECKING:
    from .. import Findings

# UN document symbols: CERD/C/2007/1, CERD/C/KAZ/CO/4-5, A/RES/48/134
_UN_SYMBOL = re.compile(r"(?<![\w/])[A-Z]{1,6}(?:/[A-Z0-9][A-Za-z0-9.\-]*)+(?<![.\-])")
# A code's abbreviation: capitals ending in К (ҚК, АПК, ҚІЖК), cited with an article
_CODE_ABBR = re.compile(r"(?<![\w-])[А-ЯӘҒҚҢӨҰҮҺІ]{1,4}т?К(?![\w])")
_ARTICLE_NEXT = re.compile(r"(?:-\w+)?\s*(?:\d|[«\"(]?\w*\s*\d)")


def find(text: str, found: "Findings", lang: str = "kk") -> list[Found]:
    vocab = vocabulary(lang)
    ctx = Context.build(text, vocab, found.of("date"), found.of("institution"))
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is longer: keep offsets
        lowered = "".join(ch.lower()[:1] for ch in text)
    heads: list[int] = []
    seen: set[int] = set()
    for m in vocab.prefilter.finditer(lowered):
        i = bisect_right(ctx.starts, m.start()) - 1
        if i >= 0 and i not in seen and ctx.tokens[i].end > m.start():
            seen.add(i)
            heads.append(i)
    citations = [c for c in (read(ctx, i) for i in heads) if c]
    citations += [s for c in citations for s in c.extra.get("siblings", ())]
    groups = [c.extra["group"] for c in citations if "group" in c.extra]
    # a type word inside another citation's short-name brackets or after its
    # head (… конвенцияның (бұдан әрі - Конвенция)) is part of that citation
    groups += [(c.head + 1, c.last) for c in citations if c.last > c.head]
    citations = [c for c in citations if not any(a <= c.head <= b for a, b in groups)]
    out = [_to_found(ctx, c) for c in citations]
    heads = [(ctx.tokens[c.head].start, ctx.tokens[c.head].end) for c in citations]
    aliases = [f for f in _alias_uses(ctx, citations)
               if not any(a < f.end and f.start < b for a, b in heads)]  # read as an act word already
    taken = {(f.start, f.end) for f in aliases}
    out += [f for f in _code_abbreviations(ctx, text) if not any(
        a <= f.end and f.start <= b for a, b in taken)]
    out += _un_symbols(text, out)
    out += aliases
    return sorted(out, key=lambda f: (f.start, f.end))


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


def _code_abbreviations(ctx: Context, text: str) -> list[Found]:
    """`ҚР ҚІЖК-нің 411-бабының`, `(ӘҚК 343, 344 баптары)`: a code named by its
    abbreviation, recognised by the article number that follows it."""
    out = []
    for m in _CODE_ABBR.finditer(text):
        if not _ARTICLE_NEXT.match(text, m.end()):
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


def _un_symbols(text: str, found: list[Found]) -> list[Found]:
    out = []
    for m in _UN_SYMBOL.finditer(text):
        if m.group().count("/") < 2:
            continue
        out.append(Found("instrument", m.start(), m.end(), {"kind": "un_document", "number": m.group()}))
    return out


def _alias_uses(ctx: Context, citations: list[Citation]) -> list[Found]:
    """Later uses of a short name the text defined (`(бұдан әрі – АК)` then
    `АК-нің 9-бабы`); short names that are act words are read as such already.
    Tokens are looked up by word (one index for all the short names), so the
    cost does not grow with their number."""
    out = []
    toks = ctx.tokens
    defined = [c for c in citations if c.alias]
    if not defined:
        return out
    singles = {c.alias for c in defined if " " not in c.alias}
    leads = {c.alias.split()[0].lower() for c in defined if " " in c.alias}
    by_word: dict[str, list[int]] = {}
    by_lower: dict[str, list[int]] = {}
    for i, tok in enumerate(toks):
        if tok.lower in leads:
            by_lower.setdefault(tok.lower, []).append(i)
        if singles and tok.text[0].isupper():
            word = tok.text.split("-")[0]
            if word in singles:
                by_word.setdefault(word, []).append(i)
    for c in defined:
        alias = c.alias
        defining = [toks[c.first].start, toks[c.last].end]
        after = max(c.last, c.extra.get("group", (0, 0))[1]) + 1  # not the definition itself
        words = alias.split()
        if len(words) == 1:
            for i in by_word.get(alias, ()):
                tok = toks[i]
                if i >= after and not tok.text[0].islower() and _not_act_word(ctx, tok.text):
                    out.append(Found("instrument", tok.start, tok.end,
                                     {"kind": c.kind, "anaphora": True, "_antecedent": defining}))
            continue
        # a short name of several words, its last one inflected: Ұлттық жоспардың
        lead = [w.lower() for w in words[:-1]]
        last = _lemma(words[-1])
        n = len(words)
        for i in by_lower.get(lead[0], ()):
            if i < after or i + n > len(toks) or [t.lower for t in toks[i:i + n - 1]] != lead:
                continue
            if _lemma(toks[i + n - 1].text) == last:
                out.append(Found("instrument", toks[i].start, toks[i + n - 1].end,
                                 {"kind": c.kind, "anaphora": True, "_antecedent": defining}))
    return out


def _lemma(word: str) -> str:
    return morph.lemma(word).lower()


def _not_act_word(ctx: Context, word: str) -> bool:
    return not ctx.vocab.prefilter.match(word.lower())
