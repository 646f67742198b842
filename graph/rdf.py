"""Mentions -> RDF quads, all in the document's own named graph.

Vocabulary (ontology/zangraph.ttl): acts are eli:LegalResource (their titles
also on an eli:LegalExpression per language), provisions
eli:LegalResourceSubdivision nested by eli:is_part_of, institutions
org:Organization, obligations zg:Obligation, dates time:Instant/Interval, the
file zg:SourceDocument; each mention is an oa:Annotation whose target selects
the mention's characters in the original file (position and quote), so every
fact can be traced back to the text. No blank nodes and no timestamps: the
same input always gives the same quads.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Mapping

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, parse

from . import iri as ids
from .models import DocumentResult, Mention
from .namespaces import A, DCTERMS, ELI, FOAF, OA, ORG, PROV, SKOS, TIME, XSD, ZG

QUOTE_CONTEXT = 32  # characters of prefix/suffix in a TextQuoteSelector
# eli:language values: the EU Publications Office language authority (ISO 639-3)
LANGUAGE_AUTHORITY = "http://publications.europa.eu/resource/authority/language/"
LANGUAGE_CODES = {"kk": "KAZ", "ru": "RUS", "en": "ENG"}
MODALITIES = ("obligation", "prohibition", "permission")
_KAZAKH_LETTERS = frozenset("әғқңөұүһі")


def document_language(result: DocumentResult) -> str:
    """BCP 47 tag for the document's literals: the file name's `.kk.`/`.ru.`
    if it has one, else Kazakh when Kazakh-only letters occur, else Russian."""
    name = result.doc.lower()
    for tag in ("kk", "ru", "en"):
        if f".{tag}." in name:
            return tag
    sample = result.original[:20000].lower()
    return "kk" if any(ch in _KAZAKH_LETTERS for ch in sample) else "ru"


_KIND_PREDICATES = (A, SKOS.prefLabel, SKOS.inScheme, SKOS.notation)


@lru_cache(maxsize=1)
def kind_descriptions() -> dict[NamedNode, tuple[tuple[NamedNode, Any], ...]]:
    """Type, labels (kk, ru, en), scheme and notation of each act kind, from
    the packaged copy of ontology/kinds.ttl, so every document graph that
    uses a kind also describes it."""
    text = resources.files("graph").joinpath("ontology", "kinds.ttl").read_bytes()
    found: dict[NamedNode, list[tuple[NamedNode, Any]]] = {}
    for t in parse(text, format=RdfFormat.TURTLE):
        if isinstance(t.subject, NamedNode) and t.predicate in _KIND_PREDICATES \
                and t.subject.value.startswith(ids.KIND_SCHEME) and t.subject.value != ids.KIND_SCHEME:
            found.setdefault(t.subject, []).append((t.predicate, t.object))
    return {k: tuple(v) for k, v in found.items()}


@dataclass(slots=True)
class _Quads:
    """Ordered, duplicate-free quads of one graph."""

    graph: NamedNode
    seen: dict[Quad, None] = field(default_factory=dict)

    def add(self, s: NamedNode, p: NamedNode, o) -> None:
        self.seen.setdefault(Quad(s, p, o, self.graph), None)

    def quads(self) -> list[Quad]:
        return list(self.seen)


def _date_literal(value: str) -> Literal:
    parts = value.split("-")
    datatype = {1: XSD.gYear, 2: XSD.gYearMonth}.get(len(parts), XSD.date)
    return Literal(value, datatype=datatype)


class _DocumentWriter:
    """Writes one document's quads; keeps what the document's mentions share
    (its own act, the language tag)."""

    def __init__(self, result: DocumentResult, base: str) -> None:
        self.result = result
        self.base = ids.check_base(base)
        self.lang = document_language(result)
        self.out = _Quads(NamedNode(ids.document_graph(base, result.doc)))
        self.doc = NamedNode(ids.document_iri(base, result.doc))
        self.own_act: NamedNode | None = self._own_act()
        self.annotations: set[str] = set()

    def text(self, value: str) -> Literal:
        return Literal(value, language=self.lang)

    # -- the document ------------------------------------------------------
    def _own_act(self) -> NamedNode | None:
        """The act whose text this document is: of the `self` mentions, the
        first that carries a date or number, else one with a title, else the
        first. Also remembers the richest own act of each kind, for bare
        `осы қаулы`-style mentions."""
        selves = [m for m in self.result.mentions if m.type == "instrument" and m.fields.get("self")]
        selves.sort(key=lambda m: (not (m.fields.get("date") or m.fields.get("number")), not m.fields.get("title")))
        self.own_by_kind: dict[str, NamedNode] = {}
        first = None
        for m in selves:
            act = ids.act_iri(self.base, m.fields, self.result.doc)
            if act:
                node = NamedNode(act)
                self.own_by_kind.setdefault(str(m.fields.get("kind") or "other"), node)
                first = first or node
        return first

    def write_document(self) -> None:
        d, r = self.doc, self.result
        self.out.add(d, A, ZG.SourceDocument)
        self.out.add(d, A, FOAF.Document)
        self.out.add(d, A, PROV.Entity)
        self.out.add(d, DCTERMS.identifier, Literal(r.doc))
        self.out.add(d, DCTERMS.language, Literal(self.lang, datatype=XSD.language))
        self.out.add(d, ZG.sha256, Literal(r.sha256))
        self.out.add(d, ZG.characters, Literal(str(len(r.original)), datatype=XSD.integer))
        if self.own_act is not None:
            self.out.add(d, FOAF.primaryTopic, self.own_act)

    # -- entities ------------------------------------------------------------
    def act(self, fields: Mapping[str, Any]) -> NamedNode | None:
        """The act node for instrument fields (writing its description), the
        document's own act for a bare `{"self": true}`."""
        if not isinstance(fields, Mapping):
            return None
        if fields.get("self") and not (fields.get("title") or fields.get("date") or fields.get("number")):
            kind = fields.get("kind")
            if not kind and self.own_act is not None:
                return self.own_act
            if kind and str(kind) in self.own_by_kind:
                return self.own_by_kind[str(kind)]
        value = ids.act_iri(self.base, fields, self.result.doc)
        if value is None:
            return None
        act = NamedNode(value)
        kind = str(fields.get("kind") or "other")
        self.out.add(act, A, ELI.LegalResource)
        self.out.add(act, ELI.type_document, self.kind(kind))
        if fields.get("title"):
            title = self.text(str(fields["title"]).strip())
            self.out.add(act, ELI.title, title)
            self.expression(act, title)
        if fields.get("date"):
            lit = _date_literal(str(fields["date"]))
            if lit.datatype == XSD.date:
                self.out.add(act, ELI.date_document, lit)
        if fields.get("number"):
            self.out.add(act, ELI.number, Literal(str(fields["number"]).strip()))
        if fields.get("issuer"):
            org = self.institution(str(fields["issuer"]), None)
            if org is not None:
                self.out.add(act, ELI.passed_by, org)
        if fields.get("draft"):
            self.out.add(act, A, ZG.Draft)
        return act

    def expression(self, act: NamedNode, title: Literal) -> None:
        """ELI proper keeps titles on the act's language version: the title
        as read, on `{act}/{lang}` (an eli:LegalExpression realising the act)."""
        code = LANGUAGE_CODES.get(self.lang)
        if code is None:
            return
        expr = NamedNode(f"{act.value}/{self.lang}")
        self.out.add(expr, A, ELI.LegalExpression)
        self.out.add(expr, ELI.realizes, act)
        self.out.add(expr, ELI.language, NamedNode(LANGUAGE_AUTHORITY + code))
        self.out.add(expr, ELI.title, title)
        self.out.add(act, ELI.is_realized_by, expr)

    def kind(self, kind: str) -> NamedNode:
        node = NamedNode(ids.kind_iri(kind))
        described = kind_descriptions().get(node)
        if described is None:  # a kind the scheme does not list: file it under other
            node = NamedNode(ids.kind_iri("other"))
            described = kind_descriptions()[node]
        for p, o in described:
            self.out.add(node, p, o)
        return node

    def institution(self, name: str, short: str | None) -> NamedNode | None:
        value = ids.institution_iri(self.base, name)
        if value is None:
            return None
        org = NamedNode(value)
        self.out.add(org, A, ORG.Organization)
        self.out.add(org, SKOS.prefLabel, self.text(" ".join(name.split())))
        if short:
            self.out.add(org, SKOS.altLabel, self.text(short.strip()))
        return org

    def provision(self, fields: Mapping[str, Any]) -> NamedNode | None:
        instrument = fields.get("instrument") or {}
        act = self.act(instrument) if instrument else self.own_act
        if act is None:
            return None
        parent = act
        node = None
        for level, value, value_iri in ids.provision_chain(str(act.value), fields):
            node = NamedNode(value_iri)
            self.out.add(node, A, ELI.LegalResourceSubdivision)
            self.out.add(node, ELI.is_part_of, parent)
            self.out.add(node, ZG[level], Literal(value))
            parent = node
        if node is not None:
            self.cite(act)
        return node

    def date(self, fields: Mapping[str, Any]) -> NamedNode | None:
        value = str(fields.get("value") or "")
        end = fields.get("end")
        node_iri = ids.date_iri(self.base, value, str(end) if end else None)
        if node_iri is None:
            return None
        node = NamedNode(node_iri)
        if node_iri == ids.date_iri(self.base, value):
            self._instant(node, value)
            return node
        start = NamedNode(ids.date_iri(self.base, value))  # type: ignore[arg-type]
        stop = NamedNode(ids.date_iri(self.base, str(end)))  # type: ignore[arg-type]
        self._instant(start, value)
        self._instant(stop, str(end))
        self.out.add(node, A, TIME.Interval)
        self.out.add(node, TIME.hasBeginning, start)
        self.out.add(node, TIME.hasEnd, stop)
        return node

    def _instant(self, node: NamedNode, value: str) -> None:
        lit = _date_literal(value)
        prop = {XSD.gYear: TIME.inXSDgYear, XSD.gYearMonth: TIME.inXSDgYearMonth}.get(lit.datatype, TIME.inXSDDate)
        self.out.add(node, A, TIME.Instant)
        self.out.add(node, prop, lit)

    def obligation(self, fields: Mapping[str, Any]) -> NamedNode | None:
        modality = str(fields.get("modality") or "obligation")
        if modality not in MODALITIES:
            modality = "obligation"
        action = " ".join(str(fields.get("action") or "").split())
        source_fields = fields.get("source")
        source = self.act(source_fields) if source_fields else None
        bearer = self.institution(str(fields["bearer"]), None) if fields.get("bearer") else None
        key = json.dumps([modality, bearer.value if bearer else None, action,
                          source.value if source else None], ensure_ascii=False)
        node = NamedNode(ids.obligation_iri(self.base, self.result.doc, key))
        self.out.add(node, A, ZG.Obligation)
        self.out.add(node, A, PROV.Entity)
        self.out.add(node, ZG.modality, ZG[modality])
        if action:
            self.out.add(node, ZG.action, self.text(action))
        if bearer is not None:
            self.out.add(node, ZG.bearer, bearer)
        if source is not None:
            self.out.add(node, ZG.source, source)
        self.out.add(node, PROV.wasDerivedFrom, self.doc)
        return node

    def cite(self, act: NamedNode) -> None:
        """The document (and its own act) cite every act it names but itself."""
        if act == self.own_act:
            return
        self.out.add(self.doc, ELI.cites, act)
        if self.own_act is not None:
            self.out.add(self.own_act, ELI.cites, act)

    # -- mentions ------------------------------------------------------------
    def body(self, m: Mention) -> NamedNode | None:
        f = m.fields
        if m.type == "instrument":
            act = self.act(f)
            if act is not None and f.get("self"):
                self.out.add(self.doc, FOAF.topic, act)
            elif act is not None:
                self.cite(act)
            return act
        if m.type == "provision":
            node = self.provision(f)
            if node is not None:
                self.out.add(self.doc, ELI.cites, node)
            return node
        if m.type == "institution":
            return self.institution(str(f.get("name") or ""), f.get("short"))
        if m.type == "date":
            return self.date(f)
        if m.type == "obligation":
            return self.obligation(f)
        return None

    def annotate(self, m: Mention, body: NamedNode) -> None:
        value = ids.annotation_iri(self.base, self.result.doc, m.type, m.start_char, m.end_char)
        n = 2
        base_value = value
        while value in self.annotations:
            value = f"{base_value}-{n}"
            n += 1
        self.annotations.add(value)
        ann, target = NamedNode(value), NamedNode(value + "-target")
        pos, quote = NamedNode(value + "-pos"), NamedNode(value + "-quote")
        original = self.result.original
        self.out.add(ann, A, OA.Annotation)
        self.out.add(ann, OA.motivatedBy, OA.identifying)
        self.out.add(ann, OA.hasBody, body)
        self.out.add(ann, OA.hasTarget, target)
        self.out.add(target, A, OA.SpecificResource)
        self.out.add(target, OA.hasSource, self.doc)
        self.out.add(target, OA.hasSelector, pos)
        self.out.add(target, OA.hasSelector, quote)
        self.out.add(pos, A, OA.TextPositionSelector)
        self.out.add(pos, OA.start, Literal(str(m.start_char), datatype=XSD.integer))
        self.out.add(pos, OA.end, Literal(str(m.end_char), datatype=XSD.integer))
        self.out.add(quote, A, OA.TextQuoteSelector)
        self.out.add(quote, OA.exact, Literal(original[m.start_char:m.end_char]))
        self.out.add(quote, OA.prefix, Literal(original[max(0, m.start_char - QUOTE_CONTEXT):m.start_char]))
        self.out.add(quote, OA.suffix, Literal(original[m.end_char:m.end_char + QUOTE_CONTEXT]))
        self.out.add(ann, ZG.line, Literal(str(m.line), datatype=XSD.integer))

    def write(self) -> list[Quad]:
        self.write_document()
        for m in self.result.mentions:
            node = self.body(m)
            if node is not None:
                self.annotate(m, node)
        return self.out.quads()


def document_quads(result: DocumentResult, base: str = ids.DEFAULT_BASE) -> list[Quad]:
    """Every quad learned from one document, in its own named graph
    `iri.document_graph(base, result.doc)`."""
    return _DocumentWriter(result, base).write()


def nquads(quads: Iterable[Quad]) -> bytes:
    """Quads as N-Quads bytes (cheap to pickle between processes)."""
    from pyoxigraph import RdfFormat, serialize

    return serialize(quads, format=RdfFormat.N_QUADS) or b""
