"""Resolve stage: the document's own act(s), anaphora (`осы Заң`, `аталған
Кодекс`, a bare `Конвенцияның`, a defined short name), and one identity per
act within a document; then provisions and obligations point at the resolved
acts, and every private `_` field is dropped.

Each step is a pure function over plain Found lists, so callers can run,
reorder or skip them.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter

from .extract import Findings
from .extract.instruments.vocabulary import vocabulary
from .lang.kk import morph
from .models import Found

IDENTITY = ("kind", "title", "date", "number", "issuer")
HEADER_REACH = 1500  # characters: where a document states its own requisites
HEADER_LEAD = 12  # words of an issuer before the header's requisites
SHORT_TITLE = 3  # words in a shortened name (Құжаттандыру қағидалары)
FOREIGN = ("un_document",)  # a kind a document never is; `осы ұсынымдар` needs an antecedent named so
REPORT_TITLE = 40
REPORT_TAIL = 7  # words from a report title's туралы to its type word  # words in a report's title paragraph
RECENT = 1500  # characters: a bare type word means the act named this close before it
_QUOTES = "«»\"“”„"
_SPAN = attrgetter("start", "end")  # text order


def resolve(found: Findings) -> list[Found]:
    """All findings in text order, with references resolved."""
    text = found.text
    instruments = sorted(found.of("instrument"), key=_SPAN)
    instruments = own_acts(text, instruments)
    instruments = unify(instruments)
    instruments = resolve_anaphora(instruments)
    by_span = {(f.start, f.end): f for f in instruments}
    kept = [f for f in instruments if not f.fields.get("_drop")]
    out = [_public(f) for f in kept]
    acts = _Named(kept)
    for type_, fs in found.by_type.items():
        if type_ == "instrument":
            continue
        if type_ == "provision":
            fs = [_point(f, "instrument", "_instrument_span", "_instrument_anaphora", by_span, acts) for f in fs]
        elif type_ == "obligation":
            fs = [_point(f, "source", "_source_span", "_source_anaphora", by_span, acts) for f in fs]
        else:
            fs = [_public(f) for f in fs]
        out.extend(fs)
    return sorted(out, key=_SPAN)


# ---------------------------------------------------------------- own acts

def _norm(title: str | None) -> str:
    """A name as compared: no quotes, single spaces, no edge punctuation, case folded."""
    title = title or ""
    for quote in _QUOTES:  # str.replace per quote: translate is slow on non-ASCII text
        if quote in title:
            title = title.replace(quote, "")
    return " ".join(title.split()).strip(" .,").casefold()


def _replace(f: Found, **fields) -> Found:
    new = dict(f.fields)
    for k, v in fields.items():
        if v is None:
            new.pop(k, None)
        else:
            new[k] = v
    return Found(f.type, f.start, f.end, new)


def _header(text: str, instruments: list[Found]) -> Found | None:
    """The act whose requisites the document opens with: a type word in the
    nominative (Қаулысы, Заңы, бұйрығы, шешімі) with a date or number, near the
    top and closing its line or sentence."""
    for f in instruments:
        if f.start > HEADER_REACH:
            break
        fl = f.fields
        if fl.get("_nominative") and (fl.get("date") or fl.get("number")) and not fl.get("_marker"):
            line_start = text.rfind("\n", 0, f.start) + 1
            rest = text[f.end:f.end + 1]
            lead = text[line_start:f.start].split()
            # only the issuer's words may precede it on its line (when the
            # institutions extractor did not name the issuer)
            if len(lead) <= HEADER_LEAD and not any(ch in w for w in lead for ch in ".;:!?«»\"") \
                    and (not rest or rest in ".\n\r"):
                return f
    return None


def _heading(text: str, header: Found) -> tuple[int, int] | None:
    """The title paragraph before the header line, when it ends in туралы
    (the act's own title)."""
    before = text[:header.start]
    paras = [m for m in re.finditer(r"\S(?:.|\n(?![ \t]*\n))*", before)]
    if not paras:
        return None
    m = paras[0]
    body = m.group().rstrip()
    if _norm(body).rsplit(" ", 1)[-1] not in vocabulary().roles.get("title_end", ()):
        return None
    return m.start(), m.start() + len(body)


def own_acts(text: str, instruments: list[Found]) -> list[Found]:
    """Mark the document's own act (`self`), add its title heading as a mention,
    and mark the documents it approves (`X қағидаларын бекіту туралы`, `X
    бекітілсін`) as its own too."""
    header = _header(text, instruments)
    if header is None:
        out = [_replace(f, self=True, _own=True) if f.fields.get("title") and _followed_by_approval(text, f) else f
               for f in instruments]
        return _own_report(text, out)
    heading = _heading(text, header)
    identity = {k: header.fields[k] for k in IDENTITY if header.fields.get(k)}
    identity.pop("title", None)
    if heading:
        identity["title"] = " ".join(text[heading[0]:heading[1]].split())
    identity["self"] = True
    out = []
    approved: list[Found] = []
    for f in instruments:
        if f is header:
            out.append(_replace(f, **identity, _own=True))
            continue
        if heading and heading[0] <= f.start and f.end <= heading[1] and _approved_in(text, f, heading[1]):
            f = _replace(f, self=True, _own=True)
            approved.append(f)
        out.append(f)
    if heading:
        out.append(Found("instrument", heading[0], heading[1], {**identity, "_own": True}))
    approved_titles = {(a.fields["kind"], _norm(a.fields.get("title"))) for a in approved}
    result = []
    for f in out:
        fl = f.fields
        if not fl.get("self") and (fl.get("kind"), _norm(fl.get("title"))) in approved_titles:
            f = _replace(f, self=True, _own=True)
        elif not fl.get("self") and fl.get("title") and _followed_by_approval(text, f):
            f = _replace(f, self=True, _own=True)
        result.append(f)
    return sorted(result, key=_SPAN)


def _own_report(text: str, instruments: list[Found]) -> list[Found]:
    """A document with no act header whose title paragraph ends in a report's
    word after туралы (`... орындауы туралы ақпарат`, `... туралы баяндама`)
    is that report itself."""
    m = re.search(r"\S(?:.|\n(?![ \t]*\n))*", text[:HEADER_REACH])
    if m is None:
        return instruments
    body = " ".join(m.group().split())
    words = _norm(body).split()
    if len(words) < 3 or len(words) > REPORT_TITLE or any(ch in body for ch in ".;:!?"):
        return instruments
    roles = vocabulary().roles
    last = vocabulary().types.get(_lemma(words[-1]), ())
    ends = [n for n, w in enumerate(words[:-1]) if w in roles.get("title_end", ())]
    if not ends or len(words) - ends[-1] > REPORT_TAIL or not any(t.kind == "other" for t in last):
        return instruments  # (... туралы бірінші және екінші мерзімді анықтама)
    start, end = m.start(), m.start() + len(m.group().rstrip())
    own = {"kind": "other", "title": body, "self": True, "_own": True}
    kept = [f for f in instruments if not (start <= f.start and f.end <= end and f.fields.get("kind") == "other")]
    return sorted(kept + [Found("instrument", start, end, own)], key=_SPAN)


def _approved_in(text: str, f: Found, heading_end: int) -> bool:
    """A document named right before `бекіту туралы` that closes the heading:
    the act approves it, so it is the act's own document too."""
    tail = _norm(text[f.end:heading_end]).split()
    roles = vocabulary().roles
    return len(tail) == 2 and tail[0] in roles.get("approve", ()) and tail[1] in roles.get("title_end", ())


def _followed_by_approval(text: str, f: Found) -> bool:
    """`X қағидалары бекітілсін`: the act approves X here."""
    nxt = text[f.end:f.end + 30].split()
    return bool(nxt) and nxt[0].strip(".,;") in vocabulary().roles.get("approved", ())


# ---------------------------------------------------------------- identity

_COMPARED = ("number", "date", "title")


def _normed(fl: dict, seen: dict[str, str]) -> dict[str, str]:
    """The compared fields of a mention, normalised once per document (`seen`:
    a document names the same act, number and date again and again)."""
    out = {}
    for k in _COMPARED:
        value = fl.get(k)
        if value:
            normed = seen.get(value)
            if normed is None:
                normed = seen[value] = _norm(value)
            out[k] = normed
    return out


@dataclass(slots=True)
class _Act:
    fields: dict
    normed: dict[str, str]  # _normed(fields), kept up to date as the act takes fields


def _compatible(act: _Act, fl: dict, normed: dict[str, str]) -> bool:
    """A shared number or title, no contradiction, the same self-ness (of an act of the same kind)."""
    stated = act.normed  # holds exactly the compared fields the act states, as `normed` those of the mention
    same = False
    for key in ("number", "title"):
        if key in stated and key in normed:
            if stated[key] != normed[key]:
                return False
            same = True
    if not same or ("date" in stated and "date" in normed and stated["date"] != normed["date"]):
        return False
    return bool(act.fields.get("self")) == bool(fl.get("self"))


class _Acts:
    """The acts of one document so far, indexed for what `unify` asks of every
    mention (which acts share its number or title, which act's longer title
    ends with its title), so that no question reads all acts of a kind: a code
    that names thousands of acts stays linear. An act's kind never changes,
    and its number and title, once stated, never change either."""

    def __init__(self) -> None:
        self.acts: list[_Act] = []
        self._sharing: dict[tuple, list[int]] = {}  # (kind, "number" | "title", normalised value) -> acts
        self._aliased: dict[str | None, list[int]] = {}  # kind -> the acts with a defined short name
        self._alias: dict[int, list[str]] = {}  # act -> the lemmas of its short name
        self._ending: dict[tuple, int] = {}  # (kind, last words of a longer title) -> the last act

    def add(self, fl: dict, normed: dict[str, str]) -> int:
        """A new act, as the mention `fl` states it."""
        n = len(self.acts)
        self.acts.append(_Act({k: fl[k] for k in IDENTITY + ("self", "_alias") if fl.get(k)}, dict(normed)))
        kind = fl.get("kind") or None  # the kind as the act states it
        alias = fl.get("_alias")
        if alias:
            self._aliased.setdefault(kind, []).append(n)
            self._alias[n] = [_lemma(w) for w in _norm(alias).split()]
        self._index(n, kind, normed)
        return n

    def take(self, n: int, fl: dict, normed: dict[str, str]) -> None:
        """Add to act `n` the identity fields a compatible mention states and the act lacks."""
        act = self.acts[n]
        new = {}
        for k in IDENTITY:
            if fl.get(k) and not act.fields.get(k):
                act.fields[k] = fl[k]
                if k in normed:
                    act.normed[k] = new[k] = normed[k]
        if new:
            self._index(n, act.fields.get("kind"), new)

    def _index(self, n: int, kind: str | None, normed: dict[str, str]) -> None:
        for key in ("number", "title"):
            if key in normed:
                self._sharing.setdefault((kind, key, normed[key]), []).append(n)
        if "title" in normed:
            words = normed["title"].split()
            for size in range(2, min(SHORT_TITLE, len(words) - 1) + 1):
                ending = (kind, tuple(words[-size:]))
                self._ending[ending] = max(n, self._ending.get(ending, n))

    def compatible(self, fl: dict, normed: dict[str, str]) -> int | None:
        """The first act that shares a number or a title with the mention and contradicts nothing."""
        kind = fl.get("kind")
        sharing = [n for key in ("number", "title") if key in normed
                   for n in self._sharing.get((kind, key, normed[key]), ())]
        for n in sorted(set(sharing)) if len(sharing) > 1 else sharing:
            if _compatible(self.acts[n], fl, normed):
                return n
        return None

    def shortened(self, fl: dict, normed: dict[str, str]) -> int | None:
        """The act whose earlier, longer title ends with this mention's title."""
        if fl.get("date") or fl.get("number") or "title" not in normed:
            return None
        title = normed["title"].split()
        if not title:
            return None
        aliased = self._aliased.get(fl.get("kind"))
        if aliased:
            lemmas = [_lemma(w) for w in title]
            for n in reversed(aliased):
                if self._alias[n] == lemmas:
                    # the short name the text defined for it (бұдан әрі –
                    # Салық кодексі), in whatever ending
                    return n
        if not 2 <= len(title) <= SHORT_TITLE:
            return None
        return self._ending.get((fl.get("kind"), tuple(title)))


def unify(instruments: list[Found]) -> list[Found]:
    """One act, one set of kind/title/date/number/issuer per document: mentions
    that share a number or a title (and contradict nothing) take the union of
    what each states."""
    acts = _Acts()
    seen: dict[str, str] = {}
    owner: dict[int, int] = {}
    shortened: set[int] = set()
    for i, f in enumerate(instruments):
        fl = f.fields
        if fl.get("_marker") or fl.get("_bare") or fl.get("_antecedent"):
            continue
        normed = _normed(fl, seen)
        short = acts.shortened(fl, normed)
        if short is not None:
            # a shortened name for an act named in full before (Құжаттандыру
            # қағидалары after ... халқын құжаттандыру қағидалары)
            owner[i] = short
            shortened.add(i)
            continue
        same = acts.compatible(fl, normed)
        if same is not None:
            acts.take(same, fl, normed)
            owner[i] = same
        else:
            owner[i] = acts.add(fl, normed)
    # what each act gives its mentions: the fields it states, and those it
    # does not (which a mention that states them as empty loses)
    gives = [({k: act.fields[k] for k in IDENTITY + ("self",) if act.fields.get(k) is not None},
              [k for k in IDENTITY + ("self",) if act.fields.get(k) is None]) for act in acts.acts]
    out = []
    for i, f in enumerate(instruments):
        n = owner.get(i)
        if n is not None:
            stated, unstated = gives[n]
            fields = dict(f.fields)
            fields.update(stated)
            for k in unstated:
                fields.pop(k, None)
            fields["_act"] = n
            if i in shortened:
                fields["anaphora"] = True
            elif fields.get("anaphora") is None:
                fields.pop("anaphora", None)
            f = Found(f.type, f.start, f.end, fields)
        out.append(f)
    return out


# ---------------------------------------------------------------- anaphora

@lru_cache(maxsize=4096)
def _lemma(word: str) -> str:
    return morph.lemma(word).casefold()


def _same_word(a: str, b: str) -> bool:
    return _lemma(a) == _lemma(b)


@lru_cache(maxsize=4096)
def _head_lemma(word: str) -> str:
    """The lemma a type word is compared by: of its last part (`халықаралық-құқықтық шарт`)."""
    return _lemma(word.split("-")[-1])


def _same_head(f: Found, head: str) -> bool:
    """Whether an act was named with the type word whose `_head_lemma` is
    `head` (a bare `Конвенция` does not point back to a `пакт`)."""
    named = f.fields.get("_head_text")
    return named is None or _head_lemma(named) == head


_UNKNOWN = object()


class _Named:
    """The act mentions a pointing mention may mean, in the order given (text
    order), for the look-backs of anaphora. A look-back reads only the acts
    of one kind or one type word, found by bisection before its position, so
    that it reads neither all acts nor all text before it (a code of
    thousands of references stays linear). The groups are made when first
    asked for: most documents ask for few."""

    def __init__(self, acts: list[Found]) -> None:
        self._acts = acts
        self._added: list[Found] = []  # acts known only from a pointing mention: after all the others
        self._in_order: bool | None = None
        self._by: dict[str, dict] = {}  # "kind" | "head" -> group -> (starts or None, acts)
        self._own: dict[str | None, Found] | None = None  # kind -> the first own act (`self`) of that kind
        self._main: Found | None | object = _UNKNOWN

    def add(self, f: Found) -> None:
        self._added.append(f)
        self._main = _UNKNOWN

    def own(self, kind: str | None) -> Found | None:
        """The document's own act of that kind (the first named)."""
        if self._own is None:
            self._own = {}
            for f in self._acts:
                if f.fields.get("self"):
                    self._own.setdefault(f.fields.get("kind"), f)
        found = self._own.get(kind)
        if found is None:
            found = next((f for f in self._added if f.fields.get("self") and f.fields.get("kind") == kind), None)
        return found

    def main_own(self) -> Found | None:
        """The document's main own act: the first of its own acts that state the most."""
        if self._main is _UNKNOWN:
            self._main = max((g for g in self._acts + self._added if g.fields.get("self")),
                             key=lambda g: len(g.fields), default=None)
        return self._main

    def _groups(self, by: str) -> dict:
        """The acts by kind (`by` "kind") or by the lemma of their type word ("head")."""
        groups = self._by.get(by)
        if groups is None:
            if self._in_order is None:
                starts = [f.start for f in self._acts]
                self._in_order = all(a <= b for a, b in zip(starts, starts[1:]))
            groups = self._by[by] = {}
            for f in self._acts:
                if by == "kind":
                    key = f.fields.get("kind")
                elif f.fields.get("_head_text"):
                    key = _head_lemma(f.fields["_head_text"])
                else:
                    continue
                group = groups.get(key)
                if group is None:
                    group = groups[key] = ([] if self._in_order else None, [])
                if group[0] is not None:
                    group[0].append(f.start)
                group[1].append(f)
        return groups

    def last_before(self, pos: int, test, by: str, key: str | None) -> Found | None:
        """The last act (in the order given, added ones last) that starts
        before `pos` and passes `test`, which passes only acts whose `by`
        ("kind", or "head": the lemma of their type word) is `key`."""
        for f in reversed(self._added):
            if f.start < pos and test(f):
                return f
        starts, acts = self._groups(by).get(key, ([], []))
        end = bisect_left(starts, pos) if starts is not None else len(acts)
        for i in range(end - 1, -1, -1):
            f = acts[i]
            if f.start < pos and test(f):
                return f
        return None


def _identity(fl: dict) -> dict:
    return {k: fl[k] for k in IDENTITY + ("self",) if fl.get(k)}


def antecedent(kind: str, pos: int, word: str | None, named: _Named, marker: str | None) -> Found | None:
    """Which act a pointing mention means: for `осы` the document's own act of
    that kind; a short name defined for an act (`бұдан әрі – Конвенция`); the
    act of that kind named just before; else the last one named, else the
    document's own."""
    head = _head_lemma(word) if word else None

    def is_before(f: Found) -> bool:
        fl = f.fields
        return (fl.get("kind") == kind and (not word or _same_head(f, head))
                and (kind not in FOREIGN or not word or bool(fl.get("_head_text"))))

    before = named.last_before(pos, is_before, "kind", kind)
    own = named.own(kind)
    if marker == "this" and own is not None:
        return own
    if word:
        # the same type word used for an act of another kind (an agreement
        # between bodies, not states): the nearer one
        same_word = named.last_before(pos, lambda f: f.fields.get("_head_text") and _same_head(f, head),
                                      "head", head)
        if same_word is not None and (before is None or same_word.start > before.start) \
                and pos - same_word.end <= RECENT:
            return same_word
    if before is not None and pos - before.end <= RECENT:
        return before
    if word:
        defined = named.last_before(pos, lambda f: f.fields.get("_alias") and is_before(f)
                                    and _same_word(f.fields["_alias"].split()[-1], word), "kind", kind)
        if defined is not None:
            return defined
    if before is not None and marker and marker != "this":
        # a marked mention (аталған Заң) may point far back; `осы` far from
        # any act of its kind means the document's own, or nothing (осы ереже:
        # this rule); a bare type word far from any act means the document's own
        return before
    return own


def _defined(kind: str, pos: int, word: str | None, named: _Named) -> Found | None:
    """The last act before `pos` whose defined one-word short name is `word`."""
    if not word:
        return None

    def defines(f: Found) -> bool:
        alias = f.fields.get("_alias")
        return (f.fields.get("kind") == kind and bool(alias) and len(alias.split()) == 1
                and _same_word(alias, word))

    return named.last_before(pos, defines, "kind", kind)


def resolve_anaphora(instruments: list[Found]) -> list[Found]:
    """Give pointing mentions the identity of the act they point to; drop bare
    type words that point to nothing (`заң` in general)."""
    full = [f for f in instruments
            if not (f.fields.get("_marker") or f.fields.get("_bare") or f.fields.get("_antecedent"))]
    named = _Named(full)
    by_span = {(f.start, f.end): f for f in instruments}
    has_own = any(f.fields.get("self") for f in full)
    out = []
    for f in instruments:
        fl = f.fields
        if fl.get("_antecedent"):
            target = by_span.get(tuple(fl["_antecedent"]))
            if target is None:
                out.append(_replace(f, _drop=True))
                continue
            out.append(_replace(f, **_identity(target.fields), anaphora=True))
            continue
        marker = fl.get("_marker")
        if fl.get("_self_word") or fl.get("_own_draft"):
            # осы ақпарат, бұл құжат, Баяндама жобасы: the document's own
            # report, when the document is or approves one
            own = named.own(fl["kind"])
            out.append(_replace(f, **_identity(own.fields), anaphora=True) if own else _replace(f, _drop=True))
            continue
        if not marker and not fl.get("_bare"):
            out.append(f)
            continue
        if fl.get("_bare") and not marker and fl.get("_plural") and fl.get("_capital"):
            # Қағидалардың: only as the short name defined for an act before it
            target = _defined(fl["kind"], f.start, fl.get("_head_text"), named)
            out.append(_replace(f, **_identity(target.fields), anaphora=True) if target
                       else _replace(f, _drop=True))
            continue
        if fl.get("_bare") and not marker and (fl.get("_plural") or not fl.get("_capital")):
            out.append(_replace(f, _drop=True))
            continue
        if fl.get("_ordinal_ref"):
            # төртінші және бесінші мерзімді баяндама: the report named before with those numbers
            report = named.last_before(f.start, lambda g: g.fields.get("kind") == fl["kind"] and all(
                w in _norm(g.fields.get("title")).split() for w in fl["_ordinal_ref"]), "kind", fl["kind"])
            out.append(_replace(f, **_identity(report.fields), anaphora=True) if report
                       else _replace(f, _drop=True))
            continue
        if fl.get("_its"):
            # оның факультативтік хаттамасы: the protocol of the treaty named just before
            treaty = named.last_before(f.start, lambda g: g.fields.get("kind") == fl["kind"]
                                       and g.fields.get("title"), "kind", fl["kind"])
            if not treaty or f.start - treaty.end > RECENT:
                out.append(_replace(f, _drop=True))
                continue
            words = treaty.fields["title"].split()
            words[-1] = morph.inflect(_lemma(words[-1]), case="gen")
            out.append(_replace(f, kind=fl["kind"], title=" ".join(words + [fl["_its"]]), anaphora=True))
            continue
        if fl.get("_weak"):
            # a capitalised type word that is not always an act's (Келісім is
            # also "accord"): only an act named with it just before
            head = _head_lemma(fl["_head_text"]) if fl.get("_head_text") else None
            same_word = named.last_before(f.start, lambda g: g.fields.get("_head_text") and _same_head(g, head),
                                          "head", head)
            target = same_word if same_word and f.start - same_word.end <= RECENT else None
            out.append(_replace(f, **_identity(target.fields), anaphora=True) if target else _replace(f, _drop=True))
            continue
        target = antecedent(fl["kind"], f.start, fl.get("_head_text"), named, marker)
        if target is not None and fl.get("_near") and not target.fields.get("self") \
                and f.start - target.end > RECENT:
            target = None  # бұл шешім far from any decision: a decision in general
        if target is None and marker == "this" and not has_own and fl["kind"] not in FOREIGN:
            # the document's own act, known only from `осы шешім`
            own = {"kind": fl["kind"], "self": True}
            named.add(Found("instrument", f.start, f.end, own))
            has_own = True
            out.append(_replace(f, **own, anaphora=True))
            continue
        if target is None:
            out.append(_replace(f, _drop=True))
            continue
        out.append(_replace(f, **_identity(target.fields), anaphora=True))
    return out


# ---------------------------------------------------------------- provisions, obligations

def _point(f: Found, key: str, span_key: str, anaphora_key: str,
           by_span: dict[tuple[int, int], Found], kept: _Named) -> Found:
    """The public provision (obligation) with its `instrument` (`source`)
    replaced by the identity of the resolved act it belongs to."""
    fl = f.fields
    target = None
    if fl.get(span_key):
        target = by_span.get(tuple(fl[span_key]))
        if target is not None and target.fields.get("_drop"):
            target = None
    elif fl.get(anaphora_key):
        kind = fl[anaphora_key]
        if kind == "self":
            # the document itself: its main own act (the one its header states)
            target = kept.main_own()
        else:
            # a bare type word: the document's own act of that kind, else the
            # act of that kind named before
            target = antecedent(kind, f.start, None, kept, "this")
    if target is None:
        return _public(f)
    ident = _identity(target.fields)
    ident.pop("issuer", None)
    if ident.get("self"):
        ident = {"self": True, **{k: v for k, v in ident.items() if k != "self"}}
    return _public(f, key, ident)


def _public(f: Found, key: str | None = None, value: dict | None = None) -> Found:
    """The finding without its private `_` fields (also inside a field that
    is a dict), and with field `key` set to `value` when given."""
    fl = f.fields
    if key is None:
        for k in fl:
            if k.startswith("_"):
                break
        else:
            for v in fl.values():
                if isinstance(v, dict):
                    break
            else:
                return f  # nothing private: most dates and institutions
    fields = {k: v for k, v in fl.items() if not k.startswith("_")}
    if key is not None:
        fields[key] = value  # in its place, or last
    for k, v in fields.items():
        if isinstance(v, dict):
            fields[k] = {kk: vv for kk, vv in v.items() if not kk.startswith("_")}
    return Found(f.type, f.start, f.end, fields)
