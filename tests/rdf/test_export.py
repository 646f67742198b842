"""Exports: every format reads back to the same graph; the dataset describes
itself (VoID/DCAT); the packaged ontology files are the ontology/ sources."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Triple, parse

from graph import export as ex
from graph.iri import DEFAULT_BASE
from graph.namespaces import A, DCAT, PREFIXES, VOID, XSD
from graph.rdf import document_quads

ROOT = Path(__file__).resolve().parents[2]
FORMATS = {"turtle": RdfFormat.TURTLE, "nt": RdfFormat.N_TRIPLES, "nq": RdfFormat.N_QUADS,
           "trig": RdfFormat.TRIG, "jsonld": RdfFormat.JSON_LD}


def exported(store, fmt: str, describe: bool = True) -> bytes:
    buf = io.BytesIO()
    ex.export(store, fmt, buf, describe=describe)
    return buf.getvalue()


def store_triples(store) -> set[Triple]:
    return {q.triple for q in store.quads()}


@pytest.mark.parametrize("fmt", ["turtle", "nt"])
def test_triple_formats_read_back_to_the_merged_graph(fmt, pipeline_store) -> None:
    """No blank nodes are minted, so isomorphism is set equality."""
    data = exported(pipeline_store, fmt, describe=False)
    triples = {q.triple for q in parse(data, format=FORMATS[fmt])}
    assert triples == store_triples(pipeline_store)


@pytest.mark.parametrize("fmt", ["nq", "trig"])
def test_quad_formats_keep_the_document_graphs(fmt, pipeline_store) -> None:
    data = exported(pipeline_store, fmt, describe=False)
    quads = set(parse(data, format=FORMATS[fmt]))
    assert quads == set(pipeline_store.quads())
    assert {q.graph_name for q in quads} == set(pipeline_store.graphs())


def test_turtle_is_readable(gold_store) -> None:
    text = exported(gold_store, "turtle").decode("utf-8")
    assert text.startswith("# zangraph export (turtle)")
    for prefix in ("eli", "oa", "org", "zg", "skos", "void", "dcat"):
        assert f"@prefix {prefix}: <{PREFIXES[prefix]}> ." in text
    assert "a eli:LegalResource" in text and "eli:type_document zgk:" in text
    body = text[text.rindex("@prefix"):]
    assert "<http://data.europa.eu/eli/ontology#" not in body  # vocabulary terms are all prefixed


@pytest.fixture(scope="module")
def small_store():
    from graph.iri import document_graph
    from graph.store import GraphStore

    from .test_rdf import operative_result

    result = operative_result()
    store = GraphStore(None)
    store.replace_document(document_graph(DEFAULT_BASE, result.doc), document_quads(result), result.sha256)
    yield store
    store.close()


@pytest.mark.parametrize("fmt", ["turtle", "jsonld"])
def test_round_trip_through_rdflib_is_isomorphic(fmt, small_store) -> None:
    import rdflib
    from rdflib.compare import isomorphic

    data = exported(small_store, fmt, describe=False)
    back = rdflib.Graph().parse(data=data, format={"turtle": "turtle", "jsonld": "json-ld"}[fmt])
    assert isomorphic(back, ex.to_rdflib(small_store, merged=True))
    assert data == exported(small_store, fmt, describe=False)  # byte-identical on re-export


def test_jsonld_of_the_seed_reads_back_and_uses_the_shipped_context(pipeline_store) -> None:
    data = exported(pipeline_store, "jsonld", describe=False)
    assert {q.triple for q in parse(data, format=RdfFormat.JSON_LD)} == store_triples(pipeline_store)
    doc = json.loads(data)
    context = json.loads((ROOT / "ontology" / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    assert doc["@context"] == context
    nodes = {n["id"]: n for n in doc["@graph"]}  # the context aliases @id and @type
    assert list(nodes) == sorted(nodes)
    constitution = nodes[f"{DEFAULT_BASE}eli/constitution"]
    types = constitution["type"] if isinstance(constitution["type"], list) else [constitution["type"]]
    assert "LegalResource" in types
    assert constitution["kind"] == "zgk:constitution"


def test_dataset_description(gold_store) -> None:
    desc = {(t.subject, t.predicate, t.object) for t in ex.description(gold_store)}
    ds = NamedNode(f"{DEFAULT_BASE}dataset")
    assert (ds, A, VOID.Dataset) in desc and (ds, A, DCAT.Dataset) in desc
    n = len(store_triples(gold_store))
    assert (ds, VOID.triples, Literal(str(n), datatype=XSD.integer)) in desc
    partitions = {o for s, p, o in desc if s == ds and p == VOID.classPartition}
    classes = {o for s, p, o in desc if s in partitions and p == VOID["class"]}
    assert NamedNode("http://data.europa.eu/eli/ontology#LegalResource") in classes
    assert NamedNode("http://www.w3.org/ns/oa#Annotation") in classes
    distributions = {o for s, p, o in desc if s == ds and p == DCAT.distribution}
    assert len(distributions) == len(ex.EXPORT_FORMATS)
    assert any(p.value.endswith("license") for s, p, o in desc if s == ds)
    assert (ds, VOID.exampleResource, NamedNode(f"{DEFAULT_BASE}eli/constitution")) in desc
    assert (ds, VOID.dataDump, NamedNode(f"{DEFAULT_BASE}dump/zangraph.ttl")) in desc
    for dist in distributions:
        assert any(s == dist and p == DCAT.downloadURL for s, p, o in desc)


def test_quad_exports_put_the_description_in_its_own_graph(gold_store) -> None:
    quads = set(parse(exported(gold_store, "nq"), format=RdfFormat.N_QUADS))
    void_graph = NamedNode(f"{DEFAULT_BASE}void")
    assert Quad(NamedNode(f"{DEFAULT_BASE}dataset"), A, VOID.Dataset, void_graph) in quads


def test_unknown_format_is_refused(gold_store) -> None:
    with pytest.raises(ValueError, match="turtle"):
        ex.export(gold_store, "yaml", io.BytesIO())


@pytest.mark.parametrize("name", ["zangraph.ttl", "kinds.ttl", "shapes.ttl", "context.jsonld"])
def test_packaged_ontology_files_are_the_sources(name) -> None:
    """graph/ontology/ ships with the package (pip install); ontology/ is the
    source. Copy with: cp ontology/{zangraph,kinds,shapes}.ttl ontology/context.jsonld graph/ontology/"""
    assert (ROOT / "graph" / "ontology" / name).read_bytes() == (ROOT / "ontology" / name).read_bytes()
    assert ex.ontology_file(name) == (ROOT / "ontology" / name).read_text(encoding="utf-8")


def test_context_prefixes_agree_with_the_namespaces() -> None:
    context = ex.jsonld_context()
    for prefix, iri in PREFIXES.items():
        if prefix in context:
            assert context[prefix] == iri


def test_ontology_files_parse() -> None:
    for name in ("zangraph.ttl", "kinds.ttl", "shapes.ttl"):
        assert list(parse((ROOT / "ontology" / name).read_bytes(), format=RdfFormat.TURTLE))


def test_document_rebuild_changes_only_its_graph_in_exports(tmp_path) -> None:
    from graph.iri import document_graph
    from graph.pipeline import process_text
    from graph.store import GraphStore

    a1 = process_text("a.txt", "Қазақстан Республикасы Үкіметінің 2012 жылғы 14 наурыздағы № 311 қаулысы.\n")
    a2 = process_text("a.txt", "Қазақстан Республикасының 2011 жылғы 22 шілдедегі Заңы.\n")
    b = process_text("b.txt", "Қазақстан Республикасы Ішкі істер министрлігі 2014 жылғы 1 ақпанға дейін ақпарат берсін.\n")
    with GraphStore(str(tmp_path / "s")) as store:
        for r in (a1, b):
            store.replace_document(document_graph(DEFAULT_BASE, r.doc), document_quads(r), r.sha256)
        gb = NamedNode(document_graph(DEFAULT_BASE, "b.txt"))
        before = {q for q in parse(exported(store, "nq"), format=RdfFormat.N_QUADS) if q.graph_name == gb}
        store.replace_document(document_graph(DEFAULT_BASE, "a.txt"), document_quads(a2), a2.sha256)
        after = set(parse(exported(store, "nq"), format=RdfFormat.N_QUADS))
        assert {q for q in after if q.graph_name == gb} == before
        ga = NamedNode(document_graph(DEFAULT_BASE, "a.txt"))
        assert {q for q in after if q.graph_name == ga} == {
            Quad(q.subject, q.predicate, q.object, ga) for q in document_quads(a2)}


def test_readme_holds_the_current_diagram() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("ontology_diagram", ROOT / "ontology" / "diagram.py")
    diagram = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(diagram)
    readme = (ROOT / "ontology" / "README.md").read_text(encoding="utf-8")
    drawn = diagram.mermaid()
    assert "eli_LegalResource <|-- eli_LegalResourceSubdivision" in drawn
    assert "zg_Obligation --> org_Organization : zg:bearer" in drawn
    assert diagram.with_diagram(readme, drawn) == readme, "run: python ontology/diagram.py --write"


def test_building_the_seed_twice_exports_the_same_bytes(pipeline_store, tmp_path) -> None:
    """Extraction, IRIs, store and export together: a second build from
    scratch, on disk, gives byte-identical Turtle and the same quads."""
    from graph.iri import document_graph
    from graph.pipeline import process_file
    from graph.store import GraphStore

    from .gold import SEED

    again = process_file(SEED)
    with GraphStore(str(tmp_path / "again")) as store:
        store.replace_document(document_graph(DEFAULT_BASE, again.doc), document_quads(again), again.sha256)
        assert exported(store, "turtle") == exported(pipeline_store, "turtle")
        assert set(parse(exported(store, "nq"), format=RdfFormat.N_QUADS)) == \
            set(parse(exported(pipeline_store, "nq"), format=RdfFormat.N_QUADS))


def test_rdflib_dataset_keeps_one_graph_per_document(small_store) -> None:
    import rdflib

    ds = ex.to_rdflib(small_store)
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert names == {g.value for g in small_store.graphs()}
    assert sum(len(g) for g in ds.graphs()) == len(small_store)
    assert isinstance(ex.to_rdflib(small_store, merged=True), rdflib.Graph)


def test_an_empty_store_exports_just_its_description(tmp_path) -> None:
    from graph.store import GraphStore

    with GraphStore(str(tmp_path / "empty")) as store:
        triples = {q.triple for q in parse(exported(store, "turtle"), format=RdfFormat.TURTLE)}
    ds = NamedNode(f"{DEFAULT_BASE}dataset")
    assert Triple(ds, VOID.triples, Literal("0", datatype=XSD.integer)) in triples
    assert all(t.subject.value.startswith(f"{DEFAULT_BASE}dataset") for t in triples)
