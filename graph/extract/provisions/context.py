"""What a chain leaves to its context, and the provisions it gives.

A `Reading` walks one language's chains in text order and keeps what later
chains need: the units just cited (`аталған баптың 2-тармағы`), the headings
the text stands under (`осы баптың 2-тармағы`), the chain a list continues,
and the acts cited so far, which a chain that names none borrows.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from itertools import product

from ...models import Found
from .acts import HEAD_WORD, SENTENCE_END, SENTENCE_STOP, Acts, act_word_before, instrument_fields
from .grammar import (FIELDS, MAX_HEADING, MAX_SENTENCE, WORD, Chain, Group, Parser, grammar, line_start, norm,
                      numbered_lines, opens_line)


MAX_HEADER_REACH = 3000  # characters a header's items may run
_ITEM_OPENING = re.compile(r"[ \t]*(?:\d+[.)][ \t]*)?")
_COLON_ENDING = re.compile(r"[ \t]*:[ \t]*(?:\n|$)")
_NEXT_ITEM = re.compile(r"\n[ \t]*\d+(?:-\d+)*[.)][ \t]")


@dataclass(slots=True)
class Cited:
    """A chain read in context: what it inherits from the units and the act before it."""

    chain: Chain
    inherited: tuple[Group, ...] = ()
    act_from: "Cited | None" = None  # a chain this one shares its act with
    instrument: dict | None = None
    span: list[int] | None = None
    anaphora: str | None = None
    context: bool = False  # the act was read from the sentence or the chains before
    opens: int | None = None  # where the chain and the act right before it begin
    amends: bool = False  # a unit of the act an amendment list changes
    head: int | None = None  # where the act's type word right before the chain begins
    own: bool = False  # a unit of the document's own text (`осы баптың`)
    values: dict[str, str] | None = None  # the last provision it produced


def _attach(cited: Cited, text: str, acts: Acts) -> bool:
    """Give a chain the act it names. Kazakh: the instrument right before it,
    else a bare act word before it, else an instrument right after it; Russian:
    the instrument right after it. Then the chain it continues, the act an
    amendment list under way amends. False when it names none."""
    start = cited.chain.start
    if cited.own:
        cited.instrument, cited.anaphora = {"self": True}, "self"
        return True
    kazakh = acts.g.largest_first  # the act in the genitive before the chain; Russian: after it
    f = acts.before(start) if kazakh else acts.after(cited.chain.end)
    word = act_word_before(text, start) if kazakh and f is None else None
    if kazakh and f is None and word is None and cited.act_from is None:
        f = acts.after(cited.chain.end)
    if f is not None:
        cited.instrument, cited.span = instrument_fields(f), [f.start, f.end]
        cited.opens = min(f.start, start)
        if f.end <= start:  # the mention opens with the act's type word (`Заңының 6-бабы`)
            head = f.fields.get("_head")  # where the instruments extractor saw it
            if isinstance(head, (list, tuple)) and len(head) == 2 and f.start <= head[0] < f.end:
                cited.head = head[0]
            else:
                m = HEAD_WORD.search(text, max(f.start, f.end - 80), f.end)
                cited.head = m.start(1) if m else None
        return True
    if word is not None:
        cited.instrument, cited.anaphora, cited.opens = {"kind": word[0]}, word[0], word[1]
        cited.head = word[1]
        return True
    if cited.act_from is not None:
        _share(cited, cited.act_from)
        return True
    f = acts.scope(start)
    if f is not None:
        cited.instrument, cited.span, cited.amends = instrument_fields(f), [f.start, f.end], True
        return True
    return False


def _share(cited: Cited, src: Cited) -> None:
    cited.instrument, cited.span, cited.anaphora = src.instrument, src.span, src.anaphora


def _founds(cited: Cited) -> list[Found]:
    groups = cited.inherited + cited.chain.groups
    columns = [(g.field, g.values) for g in groups if g.field in FIELDS and g.values]
    if not columns:
        return []
    out = []
    for combo in product(*(vals for _f, vals in columns)):
        fields: dict = {}
        for (field, _vals), value in zip(columns, combo):
            fields[field] = value
        if cited.instrument is not None:
            fields["instrument"] = dict(cited.instrument)
        if cited.span is not None:
            fields["_instrument_span"] = list(cited.span)
        if cited.anaphora is not None:
            fields["_instrument_anaphora"] = cited.anaphora
        if cited.context:
            fields["_instrument_context"] = True
        start = cited.chain.start if cited.head is None else cited.head
        out.append(Found("provision", start, cited.chain.end, fields))
    return out


class Reading:
    """One language's pass over a text: what earlier chains left for later ones.
    What is read from the whole text (its acts, its numbered paragraphs) is
    read when a chain first asks: most texts cite nothing in one of the languages."""

    def __init__(self, text: str, instruments: list[Found], lang: str):
        self.text = text
        self.lang = lang
        self.instruments = instruments
        self.last: dict[str, Cited] = {}  # field -> the latest chain that cited it
        self.headings: dict[str, Group] = {}  # field -> the latest heading's unit (`5-бап.`)
        self.named: Cited | None = None  # the latest chain with an act
        self.previous: Cited | None = None  # the latest chain in the window
        self.by_unit: dict[tuple[str, str], Cited] = {}  # (field, number) of its largest unit -> chain
        self.by_unit_heading: dict[tuple[str, str], Cited] = {}  # the same, chains in headings
        self.header: Cited | None = None  # `8-бапта:` alone on its line: heads the items below it
        self.header_end = 0  # where the header or the latest unit under it ends

    @cached_property
    def acts(self) -> Acts:
        return Acts(self.text, self.instruments, grammar(self.lang))

    @cached_property
    def numbered(self) -> list[tuple[int, str]]:
        """Where numbered paragraphs begin (`2. Осы қаулы ...`): (position, number)."""
        return numbered_lines(self.text)

    @cached_property
    def numbered_at(self) -> list[int]:
        return [pos for pos, _n in self.numbered]

    def window(self, lo: int, hi: int, spots: list[int]) -> list[Found]:
        """The provisions of the window [lo, hi); `spots`: where unit words may begin in it."""
        parser = Parser(self.text, lo, hi, self.lang)
        out: list[Found] = []
        self.previous = None
        prev: tuple[Cited, int] | None = None  # the latest chain and the token after it
        for chain, i, j in parser.chains(spots):
            if chain.points is None and parser.is_added(chain, j):
                prev = None
                continue
            cited = self.in_context(Cited(chain), parser, prev if prev is not None and parser.join(prev[1]) == i else None)
            if cited is None:
                prev = None
                continue
            if cited.act_from is None and not cited.inherited and chain.points is None:
                self.under_header(cited, parser)
            if not _attach(cited, self.text, self.acts) and not self.elliptic(cited, parser):
                self.from_context(cited)
            produced = _founds(cited)
            if produced:
                cited.values = {k: produced[-1].fields[k] for k in FIELDS if k in produced[-1].fields}
                for field in cited.values:
                    self.last[field] = cited
                self.remember(cited)
            out.extend(produced)
            prev = (cited, j)
            self.previous = cited
            if self.is_header(cited, parser):
                self.header = cited
            if self.header is not None and (cited is self.header or cited.act_from is self.header):
                self.header_end = cited.chain.end
        return out

    def is_header(self, cited: Cited, parser: Parser) -> bool:
        """`8-бапта:` (or `1) 8-бапта:`) alone on a line that ends in a colon."""
        chain = cited.chain
        if len(chain.groups) != 1 or chain.groups[0].unit.case not in parser.g.header_cases:
            return False
        first = chain.start if cited.opens is None else min(cited.opens, chain.start)
        begin = line_start(self.text, first)
        if not _ITEM_OPENING.fullmatch(self.text, begin, first):
            return False  # `8-бапта:` or `1) Кодекстің 8-бабында:`, nothing else before it
        return _COLON_ENDING.match(self.text, chain.end) is not None

    def under_header(self, cited: Cited, parser: Parser) -> None:
        """A chain on the lines after a header (`8-бапта:`) whose largest unit
        is smaller than the header's is a unit of it, until the next item of the
        list (a line opening with `2)` or `3.` that is not itself a unit under
        the header, as `3) тармақша алып тасталсын` is) or the next header."""
        head = self.header
        if head is None:
            return
        gap_start, gap_end = max(head.chain.end, self.header_end), cited.chain.start
        if gap_end - gap_start > MAX_HEADER_REACH or _NEXT_ITEM.search(self.text, gap_start, gap_end):
            self.header = None
            return
        top = min(g.rank for g in cited.chain.groups)
        if not parser.smaller(top, head.chain.groups[-1].rank):
            # `2-тармақта:` under `4-бапта:` heads a paragraph of the same article
            outer = tuple(g for g in head.inherited if parser.smaller(top, g.rank))
            if outer and self.is_header(cited, parser):
                cited.inherited, cited.act_from = outer, head.act_from or head
            return
        cited.inherited = tuple(g for g in head.inherited + head.chain.groups if g.values)
        cited.act_from = head

    def elliptic(self, cited: Cited, parser: Parser) -> bool:
        """`174-баптың 1-бөлігі бойынша - 8, 2-бөлігі бойынша - 4`: a part or
        paragraph with no article and no act, in the sentence of the chain
        before, is that chain's article's."""
        prev = self.previous
        if prev is None or not parser.g.largest_first:
            return False
        top = min(g.rank for g in cited.chain.groups if g.values)
        article = next((r for f, r in parser.g.units.values() if f == "article"), None)
        if article is None or not parser.smaller(top, article):
            return False
        gap_start, gap_end = prev.chain.end, cited.chain.start
        if gap_end - gap_start > MAX_SENTENCE or SENTENCE_END.search(self.text, gap_start, gap_end):
            return False
        cited.inherited = tuple(g for g in prev.inherited + prev.chain.groups
                                if g.values and parser.smaller(top, g.rank))
        if not cited.inherited:
            return False
        cited.act_from = prev
        _share(cited, prev)
        return True

    def keys(self, cited: Cited) -> list[tuple[str, str]]:
        """The largest unit a chain cites, once per number: [("article", "54"), ("article", "96")]."""
        groups = [g for g in cited.inherited + cited.chain.groups if g.values and g.field in FIELDS]
        if not groups:
            return []
        top = min(groups, key=lambda g: g.rank)
        return [(top.field, v) for v in top.values]

    def key(self, cited: Cited) -> tuple[str, str] | None:
        keys = self.keys(cited)
        return keys[0] if keys else None

    def heads(self, cited: Cited) -> bool:
        """Whether a chain (or the act right before it) opens a line and its
        short sentence ends a line: a heading (`5-баптың а) тармағына қатысты.`)."""
        if not opens_line(self.text, cited.chain.start if cited.opens is None else cited.opens):
            return False
        m = SENTENCE_STOP.search(self.text, cited.chain.end, cited.chain.end + MAX_HEADING)
        return m is not None and ("\n" in m.group() or m.end() == len(self.text))

    def remember(self, cited: Cited) -> None:
        if cited.instrument is None or cited.instrument.get("self") or cited.amends:
            return  # an amendment list's units say nothing of the text after it
        self.named = cited
        heads = self.heads(cited)
        for key in self.keys(cited):
            self.by_unit[key] = cited
            if heads:
                self.by_unit_heading[key] = cited

    def from_context(self, cited: Cited) -> None:
        """No act named: a unit in a heading (a report's `5-баптың ... а)
        тармағына қатысты.`) belongs to the act of the last heading citing the
        same article; another, to the act its sentence names, else to
        the act that article was last cited with, else to the act of the chain
        before. With no act around it may be the document's own unit, and it
        is in an editorial note (`Ескерту. 2-тармаққа өзгеріс енгізілді ...`)
        or a cross-reference (`2-тармақтан қараңыз`). Marked
        `_instrument_context` so that resolve can tell."""
        if self.own_note(cited):
            cited.instrument, cited.anaphora = {"self": True}, "self"
            return
        key = self.key(cited)
        src = None
        if key is not None and self.heads(cited):
            src = self.by_unit_heading.get(key)
        if src is None:
            f = self.acts.in_sentence(cited.chain.start)
            if f is not None:
                cited.instrument, cited.span, cited.context = instrument_fields(f), [f.start, f.end], True
                return
        if src is None and key is not None:
            src = self.within(self.by_unit.get(key), cited)
        if src is None:
            src = self.within(self.named, cited)
        if src is None:
            cited.instrument, cited.anaphora = {"self": True}, "self"
            return
        _share(cited, src)
        cited.context = True

    def within(self, src: Cited | None, cited: Cited) -> Cited | None:
        """`src` if no numbered paragraph of the document (`3. ...`) opens
        between it and `cited`: an act's operative paragraph does not borrow
        the act its preamble cites."""
        if src is None:
            return None
        k = bisect_right(self.numbered_at, src.chain.end)
        return src if k == len(self.numbered_at) or self.numbered_at[k] > cited.chain.start else None

    def own_note(self, cited: Cited) -> bool:
        """Whether the chain stands in an editorial note (a line opening with
        `Ескерту`) or is followed by `қараңыз` ("see")."""
        g = self.acts.g
        begin = line_start(self.text, cited.chain.start)
        first = WORD.match(self.text, begin, cited.chain.start)
        if first is not None and norm(first.group(1)) in g.notes:
            return True
        after = WORD.match(self.text, cited.chain.end, cited.chain.end + 60)
        return after is not None and norm(after.group(1)) in g.see

    def this_unit(self, cited: Cited) -> Cited | None:
        """`осы баптың 2-тармағы`, `осы тармақтың 3) тармақшасы`: a unit of the
        document's own text, the one the sentence stands in: the article under
        whose heading it is, the numbered paragraph (`5. ...`) it is in."""
        groups = cited.chain.groups
        at = next(n for n, g in enumerate(groups) if not g.values)  # Kazakh first, Russian last
        top = groups[at]
        value = None
        if top.field in self.headings:
            value = self.headings[top.field].values[0]
        elif top.field == "paragraph":
            k = bisect_right(self.numbered_at, cited.chain.start)
            article = self.headings.get("article")
            if k and (article is None or self.numbered[k - 1][0] > article.start):
                value = self.numbered[k - 1][1]
        if value is None:
            return None
        upper = tuple(g for g in self.headings.values() if g.rank < top.rank)
        head = Group(top.field, top.rank, (value,), top.unit, top.start, top.end)
        chain = Chain(groups[:at] + (head,) + groups[at + 1:], cited.chain.start, cited.chain.end)
        return Cited(chain, inherited=upper, own=True)

    def in_context(self, cited: Cited, parser: Parser, joined: tuple[Cited, int] | None) -> Cited | None:
        """Fill in what a chain leaves to its context: the unit `осы`/`аталған`
        points to, the units and act of the chain a list continues. Headings
        are recorded and give nothing."""
        groups = cited.chain.groups
        if cited.chain.heading:
            top = groups[0]
            self.headings = {f: g for f, g in self.headings.items() if g.rank < top.rank}
            self.headings[top.field] = top
            return None
        if cited.chain.points == "this":
            return self.this_unit(cited)
        if cited.chain.points == "own":
            cited.own = True
            return cited
        if cited.chain.points == "back":  # `аталған баптың 2-тармағы`: the unit just cited
            src = self.last.get(groups[0].field)
            value = (src.values or {}).get(groups[0].field) if src is not None else None
            upper = () if src is None else tuple(
                g for g in src.inherited + src.chain.groups
                if parser.smaller(groups[0].rank, g.rank) and g.values)
            if value is None:
                return None
            head = Group(groups[0].field, groups[0].rank, (value,), groups[0].unit, groups[0].start, groups[0].end)
            return Cited(Chain((head,) + groups[1:], cited.chain.start, cited.chain.end),
                         inherited=upper, act_from=src)
        if joined is not None and parser.g.largest_first:
            # `8-бабының 2-тармағы, 3-тармағының 1) тармақшасы`: the article carries over
            before = joined[0]
            cited.inherited = tuple(g for g in before.inherited + before.chain.groups
                                    if parser.smaller(groups[0].rank, g.rank))
            cited.act_from = before
        return cited
