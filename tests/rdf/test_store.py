"""The store: one named graph per document, replaced whole, hash recorded."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.iri import DEFAULT_BASE, document_graph
from graph.pipeline import process_text
from graph.rdf import document_quads
from graph.store import GraphStore, default_store_path

TEXT_A = "Қазақстан Республикасы Үкіметінің 2012 жылғы 22 қазандағы № 1332 қаулысы.\n"
TEXT_B = "Қазақстан Республикасының 2009 жылғы 4 желтоқсандағы Заңы.\n2010 жылғы 16-18 маусымда.\n"


def _load(store: GraphStore, doc: str, text: str) -> str:
    result = process_text(doc, text)
    graph = document_graph(DEFAULT_BASE, doc)
    store.replace_document(graph, document_quads(result), result.sha256)
    return graph


def test_replace_document_replaces_only_that_graph(tmp_path: Path) -> None:
    with GraphStore(str(tmp_path / "s")) as store:
        ga = _load(store, "a.txt", TEXT_A)
        gb = _load(store, "b.txt", TEXT_B)
        b_quads = set(store.quads(store.graphs()[[g.value for g in store.graphs()].index(gb)]))
        before = len(store)
        _load(store, "a.txt", TEXT_B)  # a.txt changed: now holds B's text
        after_b = set(store.quads(next(g for g in store.graphs() if g.value == gb)))
        assert after_b == b_quads
        assert store.document_hash(ga) == process_text("a.txt", TEXT_B).sha256
        assert [d.graph for d in store.documents()] == sorted([ga, gb])
        assert len(store) > 0 and before > 0


def test_hash_survives_reopening_and_read_only(tmp_path: Path) -> None:
    path = str(tmp_path / "s")
    with GraphStore(path) as store:
        graph = _load(store, "a.txt", TEXT_A)
        n = len(store)
    with GraphStore(path, read_only=True) as store:
        assert store.document_hash(graph) == process_text("a.txt", TEXT_A).sha256
        assert store.document_hash(document_graph(DEFAULT_BASE, "missing.txt")) is None
        assert len(store) == n


def test_default_store_path_follows_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZANGRAPH_STORE", "/tmp/x/store")
    assert default_store_path() == "/tmp/x/store"
    monkeypatch.delenv("ZANGRAPH_STORE")
    assert Path(default_store_path()) == Path(".zangraph/store")


TEXT_C = "Қазақстан Республикасы Ішкі істер министрлігі 2014 жылғы 1 ақпанға дейін ақпарат берсін.\n"


def test_bulk_replace_gives_the_same_store_as_one_by_one(tmp_path: Path) -> None:
    results = [process_text(doc, text) for doc, text in (("a.txt", TEXT_A), ("b.txt", TEXT_B), ("c.txt", TEXT_C))]
    batch = [(document_graph(DEFAULT_BASE, r.doc), document_quads(r), r.sha256) for r in results]
    with GraphStore(str(tmp_path / "one")) as one, GraphStore(str(tmp_path / "bulk")) as bulk:
        for g, quads, sha in batch:
            one.replace_document(g, quads, sha)
        bulk.replace_document(batch[0][0], document_quads(process_text("a.txt", TEXT_C)), "stale")
        written = bulk.bulk_replace_documents(batch)
        assert written == sum(len(q) for _, q, _ in batch)
        assert set(bulk.quads()) == set(one.quads())
        assert bulk.documents() == one.documents()
        assert [d.quads for d in bulk.documents()] == [len(q) for _, q, _ in sorted(batch)]


def test_remove_document(tmp_path: Path) -> None:
    with GraphStore(str(tmp_path / "s")) as store:
        ga = _load(store, "a.txt", TEXT_A)
        gb = _load(store, "b.txt", TEXT_B)
        store.remove_document(ga)
        assert store.document_hash(ga) is None
        assert [g.value for g in store.graphs()] == [gb]
        assert [d.graph for d in store.documents()] == [gb]


def test_queries_see_all_documents_as_one_graph(tmp_path: Path) -> None:
    with GraphStore(str(tmp_path / "s")) as store:
        _load(store, "a.txt", TEXT_A)
        _load(store, "c.txt", TEXT_C)
        docs = {row[0].value for row in store.query("SELECT DISTINCT ?d WHERE { ?d a zg:SourceDocument }")}
        assert docs == {f"{DEFAULT_BASE}doc/a.txt", f"{DEFAULT_BASE}doc/c.txt"}
        per_graph = store.query("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        counts = {row[0].value: int(row[1].value) for row in per_graph}
        assert {d.graph: d.quads for d in store.documents()}.items() <= counts.items()
        assert sum(d.quads for d in store.documents()) == len(store)


def test_dump_single_graph_and_dataset(tmp_path: Path) -> None:
    from pyoxigraph import RdfFormat, parse

    with GraphStore(str(tmp_path / "s")) as store:
        ga = _load(store, "a.txt", TEXT_A)
        _load(store, "c.txt", TEXT_C)
        one = store.dump(None, "turtle", graph=ga)
        assert len(list(parse(one, format=RdfFormat.TURTLE))) == next(d.quads for d in store.documents() if d.graph == ga)
        everything = store.dump(None, "nq")
        assert len(list(parse(everything, format=RdfFormat.N_QUADS))) == len(store)


def test_closed_store_refuses_work(tmp_path: Path) -> None:
    store = GraphStore(str(tmp_path / "s"))
    store.close()
    with pytest.raises(ValueError, match="closed"):
        len(store)


def _constitution_text(n: int) -> str:
    return f"Қазақстан Республикасы Конституциясының {n}-бабына сәйкес.\n"


def test_union_counts_a_shared_act_once_and_forgets_what_no_document_holds(tmp_path: Path) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?act a eli:LegalResource ; eli:type_document zgk:constitution }"
    articles = "SELECT ?n WHERE { ?p eli:is_part_of <%sconstitution> ; zg:article ?n } ORDER BY ?n" % (DEFAULT_BASE + "eli/")
    with GraphStore(str(tmp_path / "s")) as store:
        _load(store, "a.txt", _constitution_text(14))
        _load(store, "b.txt", _constitution_text(20))
        assert int(next(iter(store.query(count)))[0].value) == 1
        assert [r[0].value for r in store.query(articles)] == ["14", "20"]
        _load(store, "b.txt", _constitution_text(39))  # b changed: article 20 is cited by no one now
        assert [r[0].value for r in store.query(articles)] == ["14", "39"]
        store.remove_document(document_graph(DEFAULT_BASE, "a.txt"))
        assert [r[0].value for r in store.query(articles)] == ["39"]
        assert int(next(iter(store.query(count)))[0].value) == 1  # still held by b


def test_union_is_rebuilt_for_a_store_without_one(tmp_path: Path) -> None:
    from pyoxigraph import DefaultGraph

    path = str(tmp_path / "s")
    with GraphStore(path) as store:
        _load(store, "a.txt", _constitution_text(14))
        expected = set(store.triples())
        store.store.clear_graph(DefaultGraph())  # as a store written before the union existed
    with GraphStore(path, read_only=True) as store:  # read-only: queries still see the documents
        docs = {row[0].value for row in store.query("SELECT DISTINCT ?d WHERE { ?d a zg:SourceDocument }")}
        assert docs == {f"{DEFAULT_BASE}doc/a.txt"}
    with GraphStore(path) as store:
        assert set(store.triples()) == expected


def test_load_documents_fills_the_union(tmp_path: Path) -> None:
    from graph.rdf import nquads

    results = [process_text("a.txt", _constitution_text(14)), process_text("заң 2.txt", _constitution_text(20))]
    with GraphStore(str(tmp_path / "one")) as one, GraphStore(str(tmp_path / "fast")) as fast:
        batch = []
        for r in results:
            g = document_graph(DEFAULT_BASE, r.doc)
            quads = document_quads(r)
            one.replace_document(g, quads, r.sha256)
            batch.append((g, nquads(quads), r.sha256, len(quads)))
        fast.load_documents(batch)
        assert set(fast.triples()) == set(one.triples())
        assert set(fast.quads()) == set(one.quads())
        assert fast.documents() == one.documents()
