"""Export the store for linked-data portals, with a VoID/DCAT description.

Triple formats (turtle, nt, jsonld) merge the document graphs (each triple
once); quad formats (nq, trig) keep one named graph per document. Every
export ends with the dataset's description (void:Dataset + dcat:Dataset:
triples, classes, distributions, licence placeholder); quad formats put it in
a graph of its own, `{base}void`. JSON-LD is written by rdflib, compacted with
the context shipped in graph/ontology/context.jsonld (= ontology/context.jsonld).
"""
from __future__ import annotations

import json
from importlib import resources
from typing import IO, Iterable, Iterator

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, Triple, serialize

from . import iri as ids
from .namespaces import A, DCAT, DCTERMS, FOAF, PREFIXES, RDFS, VOID, XSD
from .store import FORMATS, META_GRAPH, GraphStore

EXPORT_FORMATS = ("turtle", "nt", "nq", "trig", "jsonld")
MEDIA_TYPES = {
    "turtle": "text/turtle",
    "nt": "application/n-triples",
    "nq": "application/n-quads",
    "trig": "application/trig",
    "jsonld": "application/ld+json",
}
EXTENSIONS = {"turtle": "ttl", "nt": "nt", "nq": "nq", "trig": "trig", "jsonld": "jsonld"}
LICENSE_PLACEHOLDER = "https://w3id.org/zangraph/licence-to-be-decided"


def ontology_file(name: str) -> str:
    """Text of a file shipped in graph/ontology/ (a copy of ontology/NAME)."""
    return resources.files("graph").joinpath("ontology", name).read_text(encoding="utf-8")


def jsonld_context() -> dict:
    return json.loads(ontology_file("context.jsonld"))["@context"]


def store_base(store: GraphStore) -> str:
    """The base the store's documents were built under (DEFAULT_BASE if empty)."""
    for g in store.graphs():
        base = ids.base_of_graph(g.value)
        if base:
            return base
    return ids.DEFAULT_BASE


def merged_triples(store: GraphStore) -> Iterator[Triple]:
    """Each triple of the document graphs once, grouped by subject, its types first."""
    distinct = "DISTINCT " if getattr(store, "_bag_union", False) else ""  # an old read-only store
    result = store.query(f"SELECT {distinct}?s ?p ?o WHERE {{ ?s ?p ?o }} ORDER BY ?s IF(?p = rdf:type, 0, 1) ?p ?o")
    for row in result:
        yield Triple(row[0], row[1], row[2])


def description(store: GraphStore, base: str | None = None) -> list[Triple]:
    """VoID/DCAT description of the dataset, as portals harvest it. The
    download URLs ({base}dump/zangraph.EXT) are where a publisher is to put
    the exports; nothing here is dated, so the description is reproducible."""
    base = base or store_base(store)
    ds = NamedNode(f"{base}dataset")

    def one(query: str):
        for row in store.query(query):
            return row[0]
        return None

    triples = one("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    subjects = one("SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s ?p ?o }")
    properties = one("SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?s ?p ?o }")
    documents = len(store.graphs())
    out = [
        Triple(ds, A, VOID.Dataset),
        Triple(ds, A, DCAT.Dataset),
        Triple(ds, DCTERMS.title, Literal("zangraph: legal references in Kazakhstan's legislation", language="en")),
        Triple(ds, DCTERMS.description, Literal(
            "Acts, provisions, institutions, dates and obligations cited in legal texts, "
            "each traced to its characters in the source by a Web Annotation.", language="en")),
        Triple(ds, DCTERMS.license, NamedNode(LICENSE_PLACEHOLDER)),
        Triple(ds, VOID.uriSpace, Literal(base)),
        Triple(ds, VOID.triples, Literal(str(int(triples.value) if triples else 0), datatype=XSD.integer)),
        Triple(ds, VOID.distinctSubjects, Literal(str(int(subjects.value) if subjects else 0), datatype=XSD.integer)),
        Triple(ds, VOID.properties, Literal(str(int(properties.value) if properties else 0), datatype=XSD.integer)),
        Triple(ds, VOID.documents, Literal(str(documents), datatype=XSD.integer)),
        Triple(ds, VOID.feature, NamedNode("http://www.w3.org/ns/formats/Turtle")),
    ]
    for row in store.query("SELECT ?act (COUNT(DISTINCT ?doc) AS ?n) (COUNT(DISTINCT ?ann) AS ?m) WHERE { "
                           "?doc a zg:SourceDocument ; eli:cites ?act . ?act a eli:LegalResource . "
                           "OPTIONAL { ?ann oa:hasBody ?act } } GROUP BY ?act ORDER BY DESC(?n) DESC(?m) ?act LIMIT 3"):
        out.append(Triple(ds, VOID.exampleResource, row[0]))
    for prefix, ns in sorted(PREFIXES.items()):
        if prefix in ("zg", "eli", "org", "oa", "prov", "skos", "time", "foaf", "dcterms"):
            out.append(Triple(ds, VOID.vocabulary, NamedNode(ns)))
    classes = store.query("SELECT ?c (COUNT(?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c ORDER BY ?c")
    for row in classes:
        cls, n = row[0], row[1]
        part = NamedNode(f"{base}dataset/class/{_local(cls.value)}")
        out += [Triple(ds, VOID.classPartition, part),
                Triple(part, VOID["class"], cls),
                Triple(part, VOID.entities, Literal(n.value, datatype=XSD.integer))]
    for fmt in EXPORT_FORMATS:
        dist = NamedNode(f"{base}dataset/distribution/{fmt}")
        dump = NamedNode(f"{base}dump/zangraph.{EXTENSIONS[fmt]}")
        out += [Triple(ds, DCAT.distribution, dist),
                Triple(dist, A, DCAT.Distribution),
                Triple(dist, DCAT.accessURL, NamedNode(base)),
                Triple(dist, DCAT.downloadURL, dump),
                Triple(dist, DCAT.mediaType, NamedNode(f"http://www.iana.org/assignments/media-types/{MEDIA_TYPES[fmt]}")),
                Triple(dist, DCTERMS.format, Literal(MEDIA_TYPES[fmt])),
                Triple(dist, DCTERMS.title, Literal(f"zangraph.{EXTENSIONS[fmt]}")),
                Triple(dist, DCTERMS.license, NamedNode(LICENSE_PLACEHOLDER))]
        if fmt in ("nt", "turtle"):
            out.append(Triple(ds, VOID.dataDump, dump))
    return sorted(out, key=lambda t: (t.subject.value, t.predicate.value, str(t.object)))


def _local(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}-{iri[len(ns):]}"
    return ids.segment(iri)


def export(store: GraphStore, fmt: str, out: IO[bytes], *, describe: bool = True, base: str | None = None) -> None:
    """Write the whole graph to `out` (a binary stream) in `fmt`:
    turtle | nt | nq | trig | jsonld."""
    if fmt not in EXPORT_FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    base = base or store_base(store)
    extra = description(store, base) if describe else []
    if fmt == "jsonld":
        _export_jsonld(store, out, extra)
        return
    rdf_format = FORMATS[fmt]
    prefixes: dict = {}
    if rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG):
        prefixes = {"prefixes": dict(PREFIXES)}
        out.write(_header(store, fmt, base).encode("utf-8"))
    if rdf_format.supports_datasets:
        void_graph = NamedNode(f"{base}void")
        data: Iterable = _chain(store.quads(), (Quad(t.subject, t.predicate, t.object, void_graph) for t in extra))
    else:
        data = _chain(merged_triples(store), extra)
    serialize(data, out, format=rdf_format, **prefixes)


def _header(store: GraphStore, fmt: str, base: str) -> str:
    """A comment for people opening the file (no timestamp: exports of the
    same store are byte-identical)."""
    graphs = "one named graph per source document, plus <void> describing the dataset" \
        if fmt == "trig" else "the union of the documents' graphs, then the dataset's VoID/DCAT description"
    return (f"# zangraph export ({fmt}): legal references extracted from {len(store.graphs())} document(s).\n"
            f"# Resources are minted under {base}; vocabulary: ontology/zangraph.ttl.\n"
            f"# Contents: {graphs}.\n\n")


def _chain(*iterables):
    for it in iterables:
        yield from it


def _export_jsonld(store: GraphStore, out: IO[bytes], extra: list[Triple]) -> None:
    import rdflib

    g = rdflib.Graph()
    nt = serialize(_chain(merged_triples(store), extra), format=RdfFormat.N_TRIPLES) or b""
    g.parse(data=nt.decode("utf-8"), format="nt")
    text = g.serialize(format="json-ld", context=jsonld_context(), auto_compact=True)
    doc = json.loads(text)
    if isinstance(doc, dict) and isinstance(doc.get("@graph"), list):
        # rdflib's node order follows hashing: sort so that exports repeat byte for byte
        doc["@graph"].sort(key=lambda n: str(n.get("id", n.get("@id", ""))))
    out.write(json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8") + b"\n")


def to_rdflib(store: GraphStore, *, merged: bool = False):
    """The store as an rdflib Dataset (or merged Graph) for users who want one."""
    import rdflib

    if merged:
        g = rdflib.Graph()
        data = serialize(merged_triples(store), format=RdfFormat.N_TRIPLES) or b""
        g.parse(data=data.decode("utf-8"), format="nt")
    else:
        g = rdflib.Dataset()
        data = serialize(store.quads(), format=RdfFormat.N_QUADS) or b""
        g.parse(data=data.decode("utf-8"), format="nquads")
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g
