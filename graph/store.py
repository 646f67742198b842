"""The on-disk quad store (pyoxigraph, RocksDB): the only module that opens one.

One named graph per source document; a metadata graph (`META_GRAPH`) records
each document graph's content hash, so a build can skip unchanged documents
and replace only the graph of a changed one.

The store's default graph holds the union of the document graphs, kept up to
date on every write (a triple leaves it when no document graph holds it any
more). Queries run on it: oxigraph's own union of named graphs
(`use_default_graph_as_union`) is a bag, so an act described by N documents
would match N times, multiplying counts and join sizes; the materialised
union is a set, as SPARQL's RDF merge is (oxigraph issue #1919; checked by
tests/rdf/test_store.py). `GRAPH ?g` still names the documents (and the
metadata and statistics graphs, which exports leave out).

The statistics graph (`graph.statistics`) holds the counts the aggregating
named queries read. Each document's share of them is stored with its hash;
the totals are recomputed from the shares by `update_statistics`, which a
build runs at its end and any writer runs before its next query or when it
closes, so the totals always describe the documents that have a hash.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import IO, Iterable, Iterator, Mapping

from pyoxigraph import (DefaultGraph, Literal, NamedNode, Quad, QueryBoolean, QuerySolutions,
                        QueryTriples, RdfFormat, Store, Variable)

from .namespaces import PREFIXES, XSD, ZG
from .statistics import SHARE, STATS_GRAPH, document_share, fingerprint, totals

META_GRAPH = NamedNode("urn:zangraph:meta")
_HASH = ZG.sha256
_QUADS = ZG.quads
_BOOKKEEPING = (META_GRAPH, STATS_GRAPH)


class StaleStatistics(RuntimeError):
    """A read-only store whose statistics do not describe its documents."""

FORMATS: dict[str, RdfFormat] = {
    "turtle": RdfFormat.TURTLE,
    "ttl": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "ntriples": RdfFormat.N_TRIPLES,
    "nq": RdfFormat.N_QUADS,
    "nquads": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
    "jsonld": RdfFormat.JSON_LD,
    "rdfxml": RdfFormat.RDF_XML,
}


def default_store_path() -> str:
    """$ZANGRAPH_STORE, or ./.zangraph/store."""
    return os.environ.get("ZANGRAPH_STORE") or os.path.join(".", ".zangraph", "store")


@dataclass(frozen=True, slots=True)
class StoredDocument:
    graph: str
    sha256: str
    quads: int


class GraphStore:
    """A pyoxigraph store on disk (or in memory when `path` is None)."""

    def __init__(self, path: str | os.PathLike | None = None, read_only: bool = False) -> None:
        self.path = None if path is None else str(path)
        if read_only:
            if self.path is None:
                raise ValueError("a read-only store needs a path")
            self._store = Store.read_only(self.path)
        else:
            self._store = Store(self.path) if self.path is not None else Store()
        self.read_only = read_only
        # a store written before the union was materialised: rebuild it, or,
        # read-only, fall back on oxigraph's (bag) union of the named graphs
        self._bag_union = False
        if self._union_missing():
            if read_only:
                self._bag_union = True
            else:
                self.rebuild_union()
        # written since the statistics were last computed (or left stale by
        # an interrupted build): recompute before the next query or on close
        self._stats_current = self.statistics_current()

    # -- context manager ---------------------------------------------------
    def __enter__(self) -> "GraphStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Flush writes and release the RocksDB handle."""
        store = getattr(self, "_store", None)
        if store is None:
            return
        if not self.read_only:
            if not self._stats_current:
                self.update_statistics()
            store.flush()
        self._store = None  # type: ignore[assignment]
        del store

    @property
    def store(self) -> Store:
        if self._store is None:
            raise ValueError("store is closed")
        return self._store

    # -- writing -------------------------------------------------------------
    def replace_document(self, graph_iri: str, quads: Iterable[Quad], sha256: str) -> int:
        """Replace one document's named graph and record its content hash.

        The hash is removed first and written last, in the same transaction
        as the new quads (Store.extend is all-or-nothing), so at every moment
        "the hash is recorded" implies "the graph is complete and current": an
        interrupted build leaves the document without a hash, and the next
        build redoes it. Quads are put in `graph_iri` whatever graph they came
        with. Returns the quad count."""
        g = NamedNode(graph_iri)
        placed = [Quad(q.subject, q.predicate, q.object, g) for q in quads]
        self.remove_document(graph_iri, keep={q.triple for q in placed})
        union = [Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in placed]
        self.store.extend(placed + union + self._meta(g, sha256, len(placed), document_share(placed)))
        return len(placed)

    @staticmethod
    def _meta(g: NamedNode, sha256: str, count: int, share: str | None) -> list[Quad]:
        """The hash, the quad count and the statistics share of a document."""
        meta = [Quad(g, _HASH, Literal(sha256), META_GRAPH),
                Quad(g, _QUADS, Literal(str(count), datatype=XSD.integer), META_GRAPH)]
        if share is not None:
            meta.append(Quad(g, SHARE, Literal(share), META_GRAPH))
        return meta

    def _forget(self, g: NamedNode) -> None:
        for q in list(self.store.quads_for_pattern(g, None, None, META_GRAPH)):
            self.store.remove(q)

    def remove_document(self, graph_iri: str, keep: set | None = None) -> None:
        """Drop a document: its hash first, then its triples from the union
        (those no other document holds, and not in `keep`), then its graph. A
        crash in between leaves a graph without a hash, which the next build
        replaces, and this order never leaves the union short of a triple
        that a hashed graph holds."""
        g = NamedNode(graph_iri)
        self._stats_current = False
        self._forget(g)
        default = DefaultGraph()
        for q in list(self.store.quads_for_pattern(None, None, None, g)):
            t = q.triple
            if keep is not None and t in keep:
                continue
            if not self._held_elsewhere(q, g):
                self.store.remove(Quad(t.subject, t.predicate, t.object, default))
        self.store.remove_graph(g)

    def _held_elsewhere(self, q: Quad, g: NamedNode) -> bool:
        for other in self.store.quads_for_pattern(q.subject, q.predicate, q.object, None):
            name = other.graph_name
            if name != g and name not in _BOOKKEEPING and not isinstance(name, DefaultGraph):
                return True
        return False

    def _union_missing(self) -> bool:
        """A store written before the union was materialised."""
        has_default = next(iter(self.store.quads_for_pattern(None, None, None, DefaultGraph())), None)
        return has_default is None and any(g not in _BOOKKEEPING for g in self.store.named_graphs())

    def rebuild_union(self) -> None:
        """Recompute the default graph from the document graphs."""
        self.store.clear_graph(DefaultGraph())
        self.store.bulk_extend(Quad(q.subject, q.predicate, q.object, DefaultGraph())
                               for q in self.store.quads_for_pattern(None, None, None, None)
                               if q.graph_name not in _BOOKKEEPING and not isinstance(q.graph_name, DefaultGraph))

    def bulk_replace_documents(self, batch: Iterable[tuple[str, Iterable[Quad], str]]) -> int:
        """Replace many documents at once through the bulk loader: fast, but
        not transactional (a crash mid-batch can leave a graph partly loaded
        without its hash, so the next build redoes it). Returns quads written."""
        batch = [(g, list(q), h) for g, q, h in batch]
        for graph_iri, _, _ in batch:
            self.remove_document(graph_iri)
        written = 0

        def quads() -> Iterator[Quad]:
            nonlocal written
            default = DefaultGraph()
            for graph_iri, doc_quads, _ in batch:
                g = NamedNode(graph_iri)
                for q in doc_quads:
                    written += 1
                    yield Quad(q.subject, q.predicate, q.object, g)
                    yield Quad(q.subject, q.predicate, q.object, default)

        self.store.bulk_extend(quads())
        self.store.extend(q for graph_iri, doc_quads, sha in batch
                          for q in self._meta(NamedNode(graph_iri), sha, len(doc_quads), document_share(doc_quads)))
        return written

    def load_documents(self, batch: Iterable[tuple]) -> int:
        """Replace many documents from their N-Quads (graph IRI, N-Quads bytes
        already in that graph, content hash, quad count, and optionally the
        document's statistics share, `statistics.document_share`: computed
        from the store by `update_statistics` when not given) through the
        bulk loader, with no Python object per quad: the fast path of `build`.

        Same guarantee as `replace_document`, across a crash: every old hash
        goes first, the quads next, the new hashes last, so a document either
        has its hash and its whole graph, or no hash (and is redone, replaced,
        by the next build). Returns quads written."""
        batch = [(*item, None) if len(item) == 4 else tuple(item) for item in batch]
        for graph_iri, *_ in batch:
            self.remove_document(graph_iri)
        data = b"".join(nq for _, nq, _, _, _ in batch)
        if data:
            # lenient: the N-Quads are pyoxigraph's own serialisation (graph.rdf.nquads),
            # already valid; skipping the IRI and language-tag checks saves ~5%
            self.store.bulk_load(data, format=RdfFormat.N_QUADS, lenient=True)
            # the same statements into the union: each line minus its graph term
            triples = b"".join(nq.replace(b" <%s> .\n" % g.encode("utf-8"), b" .\n") for g, nq, _, _, _ in batch)
            self.store.bulk_load(triples, format=RdfFormat.N_TRIPLES, to_graph=DefaultGraph(), lenient=True)
        self.store.extend(q for graph_iri, _, sha, count, share in batch
                          for q in self._meta(NamedNode(graph_iri), sha, count, share))
        return sum(count for _, _, _, count, _ in batch)

    def load(self, data: bytes | str | IO[bytes], fmt: str = "nq") -> None:
        """Load serialised RDF as it is (for tests and for migrations)."""
        self._stats_current = False
        self.store.load(data, format=FORMATS[fmt])

    # -- statistics ------------------------------------------------------------
    def _hashes(self) -> dict[str, str]:
        return {q.subject.value: q.object.value
                for q in self.store.quads_for_pattern(None, _HASH, None, META_GRAPH)}

    def statistics_current(self) -> bool:
        """Whether the statistics graph describes exactly the documents that
        have a hash (not after a build that was killed before its end)."""
        stored = next(iter(self.store.quads_for_pattern(STATS_GRAPH, _HASH, None, STATS_GRAPH)), None)
        return stored is not None and stored.object.value == fingerprint(self._hashes())

    def update_statistics(self) -> bool:
        """Recompute the statistics graph from the documents' shares (a share
        missing, as in a store written before statistics existed, is computed
        from its graph first). Does nothing when they are current. Returns
        whether anything was recomputed."""
        if self.read_only:
            raise ValueError("a read-only store cannot update its statistics")
        hashes = self._hashes()
        fp = fingerprint(hashes)
        stored = next(iter(self.store.quads_for_pattern(STATS_GRAPH, _HASH, None, STATS_GRAPH)), None)
        if stored is not None and stored.object.value == fp:
            self._stats_current = True
            return False
        shares = {q.subject.value: q.object.value
                  for q in self.store.quads_for_pattern(None, SHARE, None, META_GRAPH)}
        missing = []
        for graph in sorted(hashes.keys() - shares.keys()):
            g = NamedNode(graph)
            shares[graph] = document_share(self.store.quads_for_pattern(None, None, None, g))
            missing.append(Quad(g, SHARE, Literal(shares[graph]), META_GRAPH))
        self.store.extend(missing)
        shares = {g: shares[g] for g in hashes}
        classes = {row[0]: int(row[1].value) for row in self.store.query(
            "SELECT ?c (COUNT(*) AS ?n) WHERE { ?s a ?c } GROUP BY ?c", use_default_graph_as_union=self._bag_union)}
        quads = totals(shares, classes, fp)
        # the fingerprint last: totals cut short by a crash are never taken as current
        self.store.clear_graph(STATS_GRAPH)
        self.store.bulk_extend(q for q in quads if q.subject != STATS_GRAPH)
        self.store.extend(q for q in quads if q.subject == STATS_GRAPH)
        self._stats_current = True
        return True

    def optimize(self) -> None:
        self.store.optimize()

    # -- reading -------------------------------------------------------------
    def document_hash(self, graph_iri: str) -> str | None:
        for q in self.store.quads_for_pattern(NamedNode(graph_iri), _HASH, None, META_GRAPH):
            return q.object.value
        return None

    def documents(self) -> list[StoredDocument]:
        """The document graphs in the store, by graph IRI."""
        found: dict[str, dict[str, str]] = {}
        for predicate in (_HASH, _QUADS):  # not the shares: long JSON literals
            for q in self.store.quads_for_pattern(None, predicate, None, META_GRAPH):
                found.setdefault(q.subject.value, {})[q.predicate.value] = q.object.value
        return [StoredDocument(g, v.get(_HASH.value, ""), int(v.get(_QUADS.value, "0") or 0))
                for g, v in sorted(found.items())]

    def graphs(self) -> list[NamedNode]:
        """Every named graph holding document triples (not the metadata or
        statistics graph)."""
        return sorted((g for g in self.store.named_graphs() if g not in _BOOKKEEPING), key=lambda g: g.value)

    def query(self, sparql: str, substitutions: Mapping[Variable, object] | None = None,
              **_ignored) -> QuerySolutions | QueryBoolean | QueryTriples:
        """Run SPARQL over the store: the default graph is the union of the
        documents (each triple once); GRAPH ?g names them one by one. The
        prefixes of graph.namespaces are predeclared. Raises SyntaxError for a
        malformed query."""
        if not self._stats_current:
            if not self.read_only:
                self.update_statistics()
            elif STATS_GRAPH.value in sparql:
                raise StaleStatistics(
                    "the store's statistics do not describe its documents (was a build interrupted?): "
                    "run `zangraph build` on the same files again to finish it")
        return self.store.query(sparql, substitutions=dict(substitutions or {}), prefixes=dict(PREFIXES),
                                use_default_graph_as_union=self._bag_union)

    def triples(self) -> Iterator:
        """The union of the documents, each triple once."""
        for q in self.store.quads_for_pattern(None, None, None, DefaultGraph()):
            yield q.triple

    def quads(self, graph: NamedNode | None = None) -> Iterator[Quad]:
        """Document quads (the metadata and statistics graphs left out),
        optionally of one graph."""
        if graph is not None:
            yield from self.store.quads_for_pattern(None, None, None, graph)
            return
        for q in self.store.quads_for_pattern(None, None, None, None):
            if q.graph_name not in _BOOKKEEPING and not isinstance(q.graph_name, DefaultGraph):
                yield q

    def dump(self, output: IO[bytes] | str | None, format: str = "nq", *, graph: str | None = None,
             prefixes: Mapping[str, str] | None = None) -> bytes | None:
        """Serialise the store: quad formats write every document graph (not
        the metadata graph); triple formats need `graph`, or merge all
        document graphs when it is None."""
        from pyoxigraph import serialize

        rdf_format = FORMATS[format]
        pfx = dict(prefixes if prefixes is not None else PREFIXES)
        if graph is not None:
            return self.store.dump(output, format=rdf_format, from_graph=NamedNode(graph),
                                   **({"prefixes": pfx} if rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG) else {}))
        if rdf_format.supports_datasets:
            data = self.quads()
        else:
            data = self.triples()
        kwargs = {"prefixes": pfx} if rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG) else {}
        return serialize(data, output, format=rdf_format, **kwargs)

    def __len__(self) -> int:
        """Quads in the document graphs (not the union, not the metadata)."""
        return sum(d.quads for d in self.documents())

    def __repr__(self) -> str:
        return f"GraphStore({self.path!r}, read_only={self.read_only})"
