"""The statistics graph: every count a named query reads from it equals the
count computed the slow way (aggregating over the mentions, as the queries
did before the statistics existed), on the seed and on a store of several
documents that share acts; the totals follow every change of the store, and
a reader is told when they are stale."""
from __future__ import annotations

import dataclasses
from collections import Counter

import pytest
from pyoxigraph import DefaultGraph, NamedNode, Quad

from graph import query as q
from graph.iri import DEFAULT_BASE, document_graph
from graph.pipeline import process_text
from graph.rdf import document_quads
from graph.store import GraphStore, StaleStatistics

CONSTITUTION = f"{DEFAULT_BASE}eli/constitution"

# The questions as they were asked before the statistics graph: aggregates over every mention.
SLOW_MOST_CITED = """
SELECT ?act (COUNT(DISTINCT ?doc) AS ?documents) (COUNT(DISTINCT ?ann) AS ?mentions) WHERE {
  ?act a eli:LegalResource .
  ?ann oa:hasBody ?body ; oa:hasTarget/oa:hasSource ?doc .
  ?body eli:is_part_of* ?act .
  FILTER NOT EXISTS { ?doc foaf:topic ?act }
} GROUP BY ?act"""
SLOW_MENTIONS = """
SELECT ?node (COUNT(DISTINCT ?ann) AS ?n) WHERE {
  ?node a ?class . VALUES ?class { eli:LegalResource eli:LegalResourceSubdivision }
  ?ann oa:hasBody ?body . ?body eli:is_part_of* ?node .
} GROUP BY ?node"""
SLOW_CO_CITED = """
SELECT ?a ?b (COUNT(DISTINCT ?doc) AS ?documents) WHERE {
  ?doc a zg:SourceDocument ; eli:cites ?a, ?b .
  ?a a eli:LegalResource . ?b a eli:LegalResource .
  FILTER(STR(?a) < STR(?b))
} GROUP BY ?a ?b"""
SLOW_OBLIGATIONS = """
SELECT ?bearer ?modality ?action ?source (COUNT(DISTINCT ?ann) AS ?mentions) WHERE {
  ?obligation a zg:Obligation ; zg:modality ?modality .
  OPTIONAL { ?obligation zg:bearer ?bearer }
  OPTIONAL { ?obligation zg:action ?action }
  OPTIONAL { ?obligation zg:source ?source }
  OPTIONAL { ?ann oa:hasBody ?obligation }
} GROUP BY ?bearer ?modality ?action ?source"""
SLOW_CLASSES = "SELECT ?class (COUNT(DISTINCT ?s) AS ?instances) WHERE { ?s a ?class } GROUP BY ?class"
SLOW_MENTIONS_OF_ACT = """
SELECT ?act ?doc ?start ?end ?exact ?body WHERE {
  ?body eli:is_part_of* ?act .
  ?ann oa:hasBody ?body ; oa:hasTarget ?t .
  ?t oa:hasSource ?doc ; oa:hasSelector ?pos, ?quote .
  ?pos oa:start ?start ; oa:end ?end .
  ?quote oa:exact ?exact .
}"""


def _rows(store, sparql, params=None) -> list[dict]:
    return q.run(store, sparql, params).records()


def _text(n: int) -> str:
    return f"Қазақстан Республикасы Конституциясының {n}-бабына және Қылмыстық кодексінің 164-бабына сәйкес.\n"


@pytest.fixture(scope="module")
def shared_store(gold_seed):
    """The seed's gold graph under two names (every act shared), and two
    small documents citing the Constitution."""
    store = GraphStore(None)
    for name in ("a.txt", "b.txt"):
        r = dataclasses.replace(gold_seed, doc=name)
        store.replace_document(document_graph(DEFAULT_BASE, name), document_quads(r), r.sha256)
    for name, n in (("c.txt", 14), ("d.txt", 20)):
        r = process_text(name, _text(n))
        store.replace_document(document_graph(DEFAULT_BASE, name), document_quads(r), r.sha256)
    yield store
    store.close()



STORES = ["gold_store", "pipeline_store", "shared_store"]


@pytest.mark.parametrize("store", STORES, indirect=True)
def test_most_cited_counts_are_the_slow_counts(store) -> None:
    slow = {r["act"]: (int(r["documents"]), int(r["mentions"])) for r in _rows(store, SLOW_MOST_CITED)}
    fast = {r["act"]: (int(r["documents"]), int(r["mentions"]))
            for r in _rows(store, q.named_queries()["most-cited-acts"].sparql)}
    top = sorted(slow.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0]))[:50]
    assert fast == dict(top)


@pytest.mark.parametrize("store", STORES, indirect=True)
def test_code_articles_counts_are_the_slow_counts(store) -> None:
    slow = {r["node"]: int(r["n"]) for r in _rows(store, SLOW_MENTIONS)}
    for code in ("Қылмыстық кодекс", "әкімшілік құқық бұзушылық", CONSTITUTION):
        rows = _rows(store, q.named_queries()["code-articles"].sparql, {"code": code})
        for r in rows:
            assert int(r["mentions"]) == slow.get(r["provision"], 0), r


@pytest.mark.parametrize("store", STORES, indirect=True)
def test_co_cited_pairs_are_the_slow_pairs(store) -> None:
    slow_docs = {(r["a"], r["b"]): int(r["documents"]) for r in _rows(store, SLOW_CO_CITED)}
    mentions = {r["node"]: int(r["n"]) for r in _rows(store, SLOW_MENTIONS)}
    expected = sorted(((n, min(mentions[a], mentions[b]), a, b) for (a, b), n in slow_docs.items()
                       if mentions.get(a) and mentions.get(b)), key=lambda r: (-r[0], -r[1], r[2], r[3]))[:50]
    fast = [(int(r["documents"]), int(r["strength"]), r["a"], r["b"])
            for r in _rows(store, q.named_queries()["co-cited-acts"].sparql)]
    assert fast and fast == expected


@pytest.mark.parametrize("store", STORES, indirect=True)
def test_obligation_groups_are_the_slow_groups(store) -> None:
    key = ("bearer", "modality", "action", "source", "mentions")
    slow = Counter(tuple(r[k] for k in key) for r in _rows(store, SLOW_OBLIGATIONS))
    fast = Counter(tuple(r[k] for k in key) for r in _rows(store, q.named_queries()["obligations-by-bearer"].sparql))
    assert slow and fast == slow


@pytest.mark.parametrize("store", STORES, indirect=True)
def test_class_counts_are_the_slow_counts(store) -> None:
    slow = {r["class"]: r["instances"] for r in _rows(store, SLOW_CLASSES)}
    fast = {r["class"]: r["instances"] for r in _rows(store, q.named_queries()["triples-per-class"].sparql)}
    assert fast == slow


@pytest.mark.parametrize("store", STORES, indirect=True)
def test_pages_of_mentions_hold_every_mention_once(store) -> None:
    key = ("doc", "start", "end", "exact", "body")
    slow = Counter(tuple(r[k] for k in key)
                   for r in _rows(store, SLOW_MENTIONS_OF_ACT, {"act": CONSTITUTION}))
    sparql = q.named_queries()["mentions-of-act"].sparql
    paged: Counter = Counter()
    for page in range(5):
        rows = _rows(store, sparql, {"act": CONSTITUTION, "page": str(page), "perPage": "1"})
        assert len({r["doc"] for r in rows}) <= 1
        assert [(r["doc"], int(r["start"])) for r in rows] == sorted((r["doc"], int(r["start"])) for r in rows)
        paged.update(tuple(r[k] for k in key) for r in rows)
    assert slow and paged == slow


def test_a_page_size_must_be_a_number(gold_store) -> None:
    with pytest.raises(q.QueryError, match="whole number"):
        q.run(gold_store, q.named_queries()["mentions-of-act"].sparql, {"perPage": "ten"})


def test_oxigraphs_own_union_counts_a_shared_triple_twice() -> None:
    """Why the store keeps a materialised union: use_default_graph_as_union
    is a bag (oxigraph issue #1919), so shared act descriptions would be
    counted once per document."""
    store = GraphStore(None)
    s, p, o = NamedNode("http://x/s"), NamedNode("http://x/p"), NamedNode("http://x/o")
    store.store.extend([Quad(s, p, o, NamedNode("http://x/g1")), Quad(s, p, o, NamedNode("http://x/g2"))])
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert int(next(iter(store.store.query(count, use_default_graph_as_union=True)))[0].value) == 2
    store.store.add(Quad(s, p, o, DefaultGraph()))  # the materialised union: a set
    assert int(next(iter(store.store.query(count)))[0].value) == 1


def test_totals_follow_changes_and_stale_ones_are_refused(tmp_path) -> None:
    path = str(tmp_path / "s")
    most_cited = q.named_queries()["most-cited-acts"].sparql
    with GraphStore(path) as store:
        for name, n in (("c.txt", 14), ("d.txt", 20)):
            r = process_text(name, _text(n))
            store.replace_document(document_graph(DEFAULT_BASE, name), document_quads(r), r.sha256)
        docs = {r["act"]: int(r["documents"]) for r in _rows(store, most_cited)}
        assert docs[CONSTITUTION] == 2
        store.remove_document(document_graph(DEFAULT_BASE, "d.txt"))
        assert {r["act"]: int(r["documents"]) for r in _rows(store, most_cited)}[CONSTITUTION] == 1
        r = process_text("e.txt", _text(39))
        # as a build killed between writing a document and its end: no update
        store.store.extend(Quad(x.subject, x.predicate, x.object, NamedNode(document_graph(DEFAULT_BASE, "e.txt")))
                           for x in document_quads(r))
        store.store.extend(GraphStore._meta(NamedNode(document_graph(DEFAULT_BASE, "e.txt")), r.sha256, 1, None))
        store.store.flush()
        store._store = None  # dropped without closing, like a killed process
    with GraphStore(path, read_only=True) as store:
        with pytest.raises(q.QueryError, match="build"):
            q.run(store, most_cited)
        assert q.run(store, q.named_queries()["acts-by-kind-and-year"].sparql).rows  # not a statistics query
    with GraphStore(path) as store:  # the next writer (a build resuming) brings them up to date
        assert {r["act"]: int(r["documents"]) for r in _rows(store, most_cited)}[CONSTITUTION] == 2
    with GraphStore(path, read_only=True) as store:
        assert store.statistics_current()
    assert StaleStatistics


@pytest.fixture
def store(request):
    return request.getfixturevalue(request.param)
