"""The vocabularies zangraph writes, as pyoxigraph terms, and the prefixes
every serialisation and query shares (so Turtle, JSON-LD and SPARQL read alike)."""
from __future__ import annotations

from functools import lru_cache

from pyoxigraph import NamedNode


class Namespace:
    """An IRI prefix; `NS.term` and `NS["term"]` give the NamedNode, `str(NS)`
    the prefix. (Not a str subclass: `ELI.title` must not be `str.title`.)"""

    __slots__ = ("_iri",)

    def __init__(self, iri: str) -> None:
        object.__setattr__(self, "_iri", iri)

    def __getattr__(self, local: str) -> NamedNode:
        if local.startswith("__"):
            raise AttributeError(local)
        return _node(self._iri + local)

    def __getitem__(self, local: str) -> NamedNode:
        return _node(self._iri + local)

    def __str__(self) -> str:
        return self._iri

    def __repr__(self) -> str:
        return f"Namespace({self._iri!r})"


@lru_cache(maxsize=4096)
def _node(iri: str) -> NamedNode:
    return NamedNode(iri)


ZG = Namespace("https://w3id.org/zangraph/ontology#")
KIND = Namespace("https://w3id.org/zangraph/kind/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
OA = Namespace("http://www.w3.org/ns/oa#")
PROV = Namespace("http://www.w3.org/ns/prov#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
TIME = Namespace("http://www.w3.org/2006/time#")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SH = Namespace("http://www.w3.org/ns/shacl#")

PREFIXES: dict[str, str] = {
    "zg": str(ZG),
    "zgk": str(KIND),
    "eli": str(ELI),
    "org": str(ORG),
    "foaf": str(FOAF),
    "oa": str(OA),
    "prov": str(PROV),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "time": str(TIME),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "void": str(VOID),
    "dcat": str(DCAT),
}

A = RDF.type


def sparql_prefixes() -> str:
    """PREFIX lines for a query text."""
    return "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
