"""Graphs the RDF tests share: the seed as the pipeline sees it today, the
seed as its gold describes it (every kind of fact a correct extractor gives),
and each loaded once into an in-memory store."""
from __future__ import annotations

import pytest

from graph.iri import DEFAULT_BASE, document_graph
from graph.pipeline import process_file
from graph.rdf import document_quads
from graph.store import GraphStore

from .gold import SEED, SEED_GOLD, gold_result


def _store(result) -> GraphStore:
    store = GraphStore(None)
    store.replace_document(document_graph(DEFAULT_BASE, result.doc), document_quads(result), result.sha256)
    return store


@pytest.fixture(scope="session")
def gold_seed():
    if not SEED_GOLD.exists():
        pytest.skip(f"seed gold not found at {SEED_GOLD} (set ZANGRAPH_SHARED)")
    return gold_result()


@pytest.fixture(scope="session")
def gold_store(gold_seed):
    store = _store(gold_seed)
    yield store
    store.close()


@pytest.fixture(scope="session")
def pipeline_seed():
    return process_file(SEED)


@pytest.fixture(scope="session")
def pipeline_store(pipeline_seed):
    store = _store(pipeline_seed)
    yield store
    store.close()
