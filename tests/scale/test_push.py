"""`zangraph push` against a real Virtuoso on loopback (Graph Store Protocol)."""
from __future__ import annotations

from collections import Counter

import pytest

from graph.store import GraphStore
from tests.conftest import zangraph


@pytest.fixture(scope="module")
def built_store(tmp_path_factory):
    from tests.scale.conftest import dev_docs

    store = tmp_path_factory.mktemp("push") / "store"
    docs = dev_docs()
    proc = zangraph("build", *docs, "--store", store, "--quiet", "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    return store


def _local_counts(store) -> Counter:
    with GraphStore(str(store), read_only=True) as s:
        return Counter({g.value: sum(1 for _ in s.quads(g)) for g in s.graphs()})


def _server_counts(virtuoso, base: str = "https://w3id.org/zangraph/") -> Counter:
    rows = virtuoso.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                           f'FILTER(STRSTARTS(STR(?g), "{base}")) }} GROUP BY ?g')
    return Counter({r["g"]: int(r["n"]) for r in rows})


def test_push_copies_every_graph_and_pushing_again_replaces(virtuoso, built_store):
    local = _local_counts(built_store)
    assert len(local) == 31 and all(local.values())
    for _ in range(2):  # PUT replaces a graph: a second push must not double it
        proc = zangraph("push", virtuoso.crud, "--store", built_store, "--user", virtuoso.user,
                        env={"ZANGRAPH_PUSH_PASSWORD": virtuoso.password})
        assert proc.returncode == 0, proc.stderr
        assert f"pushed     31 graphs, {sum(local.values())} triples" in proc.stdout
        assert _server_counts(virtuoso) == local


def test_pushed_text_survives_as_unicode(virtuoso, built_store):
    """Kazakh labels arrive intact, language tags included (N-Triples is UTF-8)."""
    query = ("PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
             "SELECT DISTINCT ?label (LANG(?label) AS ?lang) WHERE { GRAPH ?g { ?org skos:prefLabel ?label } "
             'FILTER(STRSTARTS(STR(?g), "https://w3id.org/zangraph/")) }')
    with GraphStore(str(built_store), read_only=True) as s:
        local = {(r["label"].value, r["lang"].value) for r in s.query(query)}
    assert any(ch in "әғқңөұүһі" for label, _ in local for ch in label.lower())
    assert {(r["label"], r.get("lang", "")) for r in virtuoso.select(query)} == local


@pytest.mark.parametrize("endpoint_kind, credentials, expected", [
    ("crud", [], "HTTP 401"),
    ("crud", ["--user", "dba", "--password", "not-the-password"], "HTTP 401"),
    ("open_crud", [], "HTTP 403"),
])
def test_refusal_is_one_clear_line(virtuoso, built_store, endpoint_kind, credentials, expected):
    endpoint = getattr(virtuoso, endpoint_kind)
    proc = zangraph("push", endpoint, "--store", built_store, "--quiet", *credentials)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "refused graph <https://w3id.org/zangraph/" in lines[0] and expected in lines[0]
    assert "Traceback" not in proc.stderr


def test_unreachable_server(built_store):
    from tests.scale.conftest import _free_port

    proc = zangraph("push", f"http://127.0.0.1:{_free_port()}/sparql-graph-crud", "--store", built_store, "-q")
    assert proc.returncode == 1 and "cannot reach" in proc.stderr and "Traceback" not in proc.stderr
