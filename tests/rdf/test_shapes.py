"""SHACL: the graphs the pipeline writes conform to ontology/shapes.ttl, and
the shapes do catch what they are there to catch."""
from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
import rdflib
from pyoxigraph import RdfFormat, serialize
from rdflib import RDF, XSD, Literal, Namespace, URIRef

from graph.rdf import document_quads

from .test_rdf import operative_result

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology"
OA = Namespace("http://www.w3.org/ns/oa#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
ZG = Namespace("https://w3id.org/zangraph/ontology#")
SH = Namespace("http://www.w3.org/ns/shacl#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")


@pytest.fixture(scope="module")
def shapes() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY / "shapes.ttl")


@pytest.fixture(scope="module")
def ontology() -> rdflib.Graph:
    g = rdflib.Graph().parse(ONTOLOGY / "zangraph.ttl")
    return g.parse(ONTOLOGY / "kinds.ttl")


def to_rdflib(quads) -> rdflib.Graph:
    data = serialize([q.triple for q in quads], format=RdfFormat.N_TRIPLES) or b""
    return rdflib.Graph().parse(data=data.decode("utf-8"), format="nt")


def validate(graph, shapes, ontology):
    conforms, report, text = pyshacl.validate(graph, shacl_graph=shapes, ont_graph=ontology,
                                              advanced=True, allow_warnings=True)
    return conforms, report, text


def violations(report: rdflib.Graph) -> set[tuple[str, str]]:
    """(constraint component, severity) of every result, local names."""
    out = set()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        comp = report.value(result, SH.sourceConstraintComponent)
        sev = report.value(result, SH.resultSeverity)
        out.add((str(comp).rsplit("#", 1)[-1], str(sev).rsplit("#", 1)[-1]))
    return out


def test_seed_graph_from_gold_facts_conforms(gold_seed, shapes, ontology) -> None:
    """Every kind of fact the seed holds (the annotations' shapes are checked
    on the pipeline's graph below; leaving them out here halves the time)."""
    quads = [q for q in document_quads(gold_seed) if "#" not in q.subject.value]
    conforms, _, text = validate(to_rdflib(quads), shapes, ontology)
    assert conforms, text


def test_seed_graph_from_the_pipeline_conforms(pipeline_seed, shapes, ontology) -> None:
    conforms, _, text = validate(to_rdflib(document_quads(pipeline_seed)), shapes, ontology)
    assert conforms, text


def test_written_sentences_conform(shapes, ontology) -> None:
    conforms, _, text = validate(to_rdflib(document_quads(operative_result())), shapes, ontology)
    assert conforms, text


def _first(g: rdflib.Graph, cls) -> URIRef:
    return sorted(g.subjects(RDF.type, cls))[0]


def _swap_end(g):
    sel = _first(g, OA.TextPositionSelector)
    start = g.value(sel, OA.start)
    g.set((sel, OA.end, Literal(int(start), datatype=XSD.integer)))


def _bad_modality(g):
    g.set((_first(g, ZG.Obligation), ZG.modality, ZG.maybe))


def _no_target(g):
    g.remove((_first(g, OA.Annotation), OA.hasTarget, None))


def _act_outside_eli(g):
    g.add((URIRef("https://example.org/act/1"), RDF.type, ELI.LegalResource))
    g.add((URIRef("https://example.org/act/1"), ELI.type_document, URIRef("https://w3id.org/zangraph/kind/law")))


def _two_dates(g):
    act = _first(g, ELI.LegalResource)
    g.add((act, ELI.date_document, Literal("1995-08-30", datatype=XSD.date)))
    g.add((act, ELI.date_document, Literal("1995-08-31", datatype=XSD.date)))


def _kind_without_labels(g):
    kind = URIRef("https://w3id.org/zangraph/kind/resolution")
    g.remove((kind, SKOS.prefLabel, None))


def _article_as_number(g):
    sub = _first(g, ELI.LegalResourceSubdivision)
    g.remove((sub, ZG.article, None))
    g.add((sub, ZG.article, Literal(54)))


def _expression_without_language(g):
    g.remove((_first(g, ELI.LegalExpression), ELI.language, None))


def _negative_start(g):
    sel = _first(g, OA.TextPositionSelector)
    g.set((sel, OA.start, Literal(-1, datatype=XSD.integer)))


BREAKAGES = [
    (_swap_end, ("LessThanConstraintComponent", "Violation")),
    (_bad_modality, ("InConstraintComponent", "Violation")),
    (_no_target, ("MinCountConstraintComponent", "Violation")),
    (_act_outside_eli, ("PatternConstraintComponent", "Violation")),
    (_two_dates, ("MaxCountConstraintComponent", "Warning")),
    (_kind_without_labels, ("MinCountConstraintComponent", "Violation")),
    (_article_as_number, ("DatatypeConstraintComponent", "Violation")),
    (_negative_start, ("MinInclusiveConstraintComponent", "Violation")),
    (_expression_without_language, ("MinCountConstraintComponent", "Violation")),
]


@pytest.mark.parametrize("break_it, expected", BREAKAGES, ids=[b[0].__name__ for b in BREAKAGES])
def test_shapes_catch_broken_graphs(break_it, expected, shapes, ontology) -> None:
    g = to_rdflib(document_quads(operative_result()))
    break_it(g)
    conforms, report, text = validate(g, shapes, ontology)
    assert expected in violations(report), text
    assert conforms == (expected[1] == "Warning")
