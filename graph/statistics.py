"""Precomputed statistics: what the aggregating named queries read instead of
walking every mention of a million-triple store at query time.

Two levels, so that a build never has to rescan what did not change:

- A document's share (`document_share`): the mentions of each act and
  provision in that one document graph, the acts it cites, its own acts
  (foaf:topic) and its obligations with their mention counts. Computed from
  the document's quads where they are made (in the build's worker), and kept
  as JSON next to the document's content hash in the store's metadata graph,
  written and removed together with the hash: a document with a hash always
  has the share of exactly its current graph.
- The totals (`totals`), in the statistics graph STATS_GRAPH: sums over all
  shares, plus the instances of each class (counted on the union graph, since
  acts and institutions are shared by documents). Recomputed whole from the
  shares at the end of every build; they record a fingerprint of the
  documents (graph and content hash of each) they were computed from, so a
  reader can tell totals left behind by an interrupted build.

Statistics vocabulary (zg:, statistics graph only, never exported; each
kind of record has predicates of its own, so a query that starts from one
scans nothing else):
  ?node  zg:mentionCount n       annotations whose body is the act or
                                 provision or one of its parts (any document)
  ?act   zg:citingDocuments n ;  documents, other than the act's own text,
         zg:citingMentions n     whose mentions name it or its provisions
  ?pair  zg:pairAct ?a ; zg:pairCoAct ?b ; zg:pairDocuments n ; zg:pairStrength n
                                 documents citing both (STR(?a) < STR(?b));
                                 strength: the rarer act's zg:mentionCount
  ?group zg:modality ?m ; zg:bearer ?b ; zg:action ?a ; zg:source ?s ;
         zg:mentionCount n       obligations grouped as obligations-by-bearer
  ?class zg:instances n
  ?place zg:mentionedAct ?act ; zg:mentionDocument ?doc ;
         zg:mentionGraph ?g ; zg:mentionRank i ; zg:mentionCount n
                                 the documents that mention an act (or its
                                 provisions), numbered in document order from
                                 0: pages of mentions-of-act
"""
from __future__ import annotations

import hashlib
import json
from collections import Counter, defaultdict
from typing import Iterable, Mapping

from pyoxigraph import Literal, NamedNode, Quad

from .namespaces import A, ELI, FOAF, OA, XSD, ZG

STATS_GRAPH = NamedNode("urn:zangraph:statistics")
SHARE = ZG.statistics  # a document's share, in the metadata graph
CO_CITED_PAIRS = 1000  # the strongest pairs kept (the named query shows 50)

_ACT_CLASSES = (ELI.LegalResource, ELI.LegalResourceSubdivision)


def document_share(quads: Iterable[Quad]) -> str:
    """One document graph's share of the statistics, as JSON text."""
    types: dict[NamedNode, set] = defaultdict(set)
    parents: dict[NamedNode, list] = defaultdict(list)
    bodies: dict[NamedNode, NamedNode] = {}
    docs, topics, cites = [], [], []
    fields: dict[NamedNode, dict] = defaultdict(dict)
    for q in quads:
        s, p, o = q.subject, q.predicate, q.object
        if p == A:
            types[s].add(o)
        elif p == ELI.is_part_of:
            parents[s].append(o)
        elif p == OA.hasBody:
            bodies[s] = o
        elif p == FOAF.topic:
            topics.append(o)
        elif p == ELI.cites:
            cites.append((s, o))
        elif p in (ZG.modality, ZG.bearer, ZG.action, ZG.source):
            fields[s][p] = o
    docs = {s for s, t in types.items() if ZG.SourceDocument in t}
    mentions: Counter = Counter()
    for body in bodies.values():
        seen, todo = set(), [body]
        while todo:  # the body and everything it is part of
            node = todo.pop()
            if node in seen:
                continue
            seen.add(node)
            if types[node].intersection(_ACT_CLASSES):
                mentions[node.value] += 1
            todo.extend(parents.get(node, ()))
    by_body = Counter(b for b in bodies.values())
    obligations = []
    for node, t in types.items():
        f = fields.get(node, {})
        if ZG.Obligation in t and ZG.modality in f:
            action = f.get(ZG.action)
            obligations.append([f[ZG.modality].value, _value(f.get(ZG.bearer)),
                                action.value if action is not None else None,
                                action.language if action is not None else None,
                                _value(f.get(ZG.source)), by_body.get(node, 0)])
    acts = {s for s, t in types.items() if ELI.LegalResource in t}
    share = {
        "docs": sorted(d.value for d in docs),
        "mentions": dict(sorted(mentions.items())),
        "acts": sorted(a.value for a in acts),
        "topics": sorted({t.value for t in topics}),
        "cites": sorted({o.value for s, o in cites if s in docs and o in acts}),
        "obligations": sorted(obligations, key=lambda r: [str(v) for v in r]),
    }
    return json.dumps(share, ensure_ascii=False, separators=(",", ":"))


def _value(term) -> str | None:
    return None if term is None else term.value


def fingerprint(hashes: Mapping[str, str]) -> str:
    """Of the documents (graph IRI -> content hash) the totals describe."""
    h = hashlib.sha256()
    for graph, sha in sorted(hashes.items()):
        h.update(f"{graph} {sha}\n".encode("utf-8"))
    return h.hexdigest()


def _int(n: int) -> Literal:
    return Literal(str(n), datatype=XSD.integer)


def _record(kind: str, *key: str | None) -> NamedNode:
    digest = hashlib.sha1("\x1f".join(k or "" for k in key).encode("utf-8")).hexdigest()[:20]
    return NamedNode(f"{STATS_GRAPH.value}:{kind}:{digest}")


def totals(shares: Mapping[str, str], class_counts: Mapping[NamedNode, int], fp: str) -> list[Quad]:
    """The statistics graph for these document shares (graph IRI -> JSON)."""
    g = STATS_GRAPH
    out: list[Quad] = [Quad(g, ZG.sha256, Literal(fp), g), Quad(g, ZG.documents, _int(len(shares)), g)]
    mention_total: Counter = Counter()
    citing_docs: Counter = Counter()
    citing_mentions: Counter = Counter()
    pairs: Counter = Counter()
    obligations: Counter = Counter()
    per_act: dict[str, list[tuple[str, str, int]]] = defaultdict(list)  # act -> (doc, graph, mentions)
    acts: set[str] = set()
    for graph, text in shares.items():
        share = json.loads(text)
        mentions = share["mentions"]
        mention_total.update(mentions)
        doc_acts = set(share["acts"])
        acts |= doc_acts
        topics = set(share["topics"])
        for act in doc_acts:
            n = mentions.get(act, 0)
            if n:
                for doc in share["docs"]:
                    per_act[act].append((doc, graph, n))
                if act not in topics:
                    citing_docs[act] += 1
                    citing_mentions[act] += n
        cited = share["cites"]
        for i, a in enumerate(cited):
            for b in cited[i + 1:]:
                pairs[(a, b)] += 1
        for *key, n in share["obligations"]:
            obligations[tuple(key)] += n
    for node, n in sorted(mention_total.items()):
        out.append(Quad(NamedNode(node), ZG.mentionCount, _int(n), g))
    for act, n in sorted(citing_docs.items()):
        node = NamedNode(act)
        out += [Quad(node, ZG.citingDocuments, _int(n), g),
                Quad(node, ZG.citingMentions, _int(citing_mentions[act]), g)]
    ranked = sorted(((n, min(mention_total[a], mention_total[b]), a, b) for (a, b), n in pairs.items()
                     if mention_total.get(a) and mention_total.get(b)),
                    key=lambda r: (-r[0], -r[1], r[2], r[3]))
    for n, strength, a, b in ranked[:CO_CITED_PAIRS]:
        rec = _record("co-citation", a, b)
        out += [Quad(rec, ZG.pairAct, NamedNode(a), g), Quad(rec, ZG.pairCoAct, NamedNode(b), g),
                Quad(rec, ZG.pairDocuments, _int(n), g), Quad(rec, ZG.pairStrength, _int(strength), g)]
    for (modality, bearer, action, lang, source), n in sorted(obligations.items(), key=lambda kv: str(kv[0])):
        rec = _record("obligation", modality, bearer, action, lang, source)
        out += [Quad(rec, ZG.modality, NamedNode(modality), g), Quad(rec, ZG.mentionCount, _int(n), g)]
        if bearer:
            out.append(Quad(rec, ZG.bearer, NamedNode(bearer), g))
        if action is not None:
            out.append(Quad(rec, ZG.action, Literal(action, language=lang) if lang else Literal(action), g))
        if source:
            out.append(Quad(rec, ZG.source, NamedNode(source), g))
    for act, places in per_act.items():
        for rank, (doc, graph, n) in enumerate(sorted(places)):
            rec = _record("mentions", act, doc)
            out += [Quad(rec, ZG.mentionedAct, NamedNode(act), g), Quad(rec, ZG.mentionDocument, NamedNode(doc), g),
                    Quad(rec, ZG.mentionGraph, NamedNode(graph), g), Quad(rec, ZG.mentionRank, _int(rank), g),
                    Quad(rec, ZG.mentionCount, _int(n), g)]
    for cls, n in sorted(class_counts.items(), key=lambda kv: kv[0].value):
        out.append(Quad(cls, ZG.instances, _int(n), g))
    return out
