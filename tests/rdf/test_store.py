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
