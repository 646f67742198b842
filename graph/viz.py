"""The interactive network: acts, institutions, obligations (and, on request,
provisions) read from the store, laid out in Python and drawn by vis-network
in one self-contained HTML file.

Why the layout is computed here: vis-network's physics takes minutes to settle
a couple of thousand nodes (pyvis #204); positions computed once with
networkx let the page draw at once with physics off.

Why an own template rather than pyvis' `write_html`: pyvis' page fetches
Bootstrap and tom-select from CDNs even with `cdn_resources="in_line"`
(#229), renders without autoescape and puts titles through innerHTML. Here
pyvis supplies what it is good at, the options model and its bundled copy of
vis-network, which is inlined; all text reaches the page as JSON and is shown
with textContent, and a Content-Security-Policy that allows only the page's
own scripts (by hash) forbids every fetch.
"""
from __future__ import annotations

import base64
import hashlib
import json
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping

import networkx as nx

if TYPE_CHECKING:  # the store imports pyoxigraph; drawing does not need it
    from .store import GraphStore

TEMPLATES = Path(__file__).with_name("templates")
VIS_VERSION = "9.1.2"
DEFAULT_MAX_NODES = 1500
LABEL_LIMIT = 42
SNIPPET_LIMIT = 220


@dataclass(frozen=True, slots=True)
class KindStyle:
    """How one type of node looks; the legend is drawn from these."""

    label: str
    color: str
    shape: str
    size: float


# One colour and one shape per type of node.
KINDS: dict[str, KindStyle] = {
    "act": KindStyle("Act", "#3867d6", "dot", 14),
    "institution": KindStyle("Institution", "#e58e26", "diamond", 13),
    "obligation": KindStyle("Obligation", "#c0392b", "triangle", 9),
    "provision": KindStyle("Provision", "#6a994e", "square", 6),
    "document": KindStyle("Source document", "#8854d0", "star", 12),
}

# Edge relations, their colour and the direction they read in.
RELATIONS: dict[str, str] = {
    "cites": "#4b6fa8",
    "part of": "#7fa36b",
    "passed by": "#c98a2e",
    "imposes": "#c0392b",
    "bears": "#d08c45",
}


@dataclass(frozen=True, slots=True)
class VizSummary:
    """What `draw_html` drew, and how much of the graph it had to leave out."""

    nodes: int
    edges: int
    left_out: int
    left_out_by_kind: dict[str, int] = field(default_factory=dict)
    left_out_edges: int = 0


# --------------------------------------------------------------------------
# Store -> networkx


def build_network(store: "GraphStore", *, provisions: bool = False, focus: str | None = None,
                  depth: int = 1) -> nx.DiGraph:
    """The network of acts, institutions and obligations in the store.

    Node attributes: `kind` (act | institution | obligation | provision |
    document), `label`, and per kind the fields a reader wants in a tooltip
    (act: `act_kind`, `title`, `date`, `number`, `documents`, `mentions`,
    `snippet`, `provisions`). Edge attribute `relation` is one of RELATIONS.
    With `focus`, only the nodes within `depth` steps of that IRI are kept
    (edges followed both ways)."""
    g = read_network(store, provisions=provisions)
    if focus is not None:
        g = neighbourhood(g, focus, depth)
    return g


_PREFIXES = """PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX zg: <https://w3id.org/zangraph/ontology#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""

Q_ACTS = _PREFIXES + """
SELECT ?act ?kind ?title ?date ?number WHERE {
  ?act a eli:LegalResource .
  OPTIONAL { ?act eli:type_document ?kind }
  OPTIONAL { ?act eli:title ?title }
  OPTIONAL { ?act eli:date_document ?date }
  OPTIONAL { ?act eli:number ?number }
}"""

Q_INSTITUTIONS = _PREFIXES + """
SELECT ?org ?name ?short WHERE {
  ?org a org:Organization .
  OPTIONAL { ?org skos:prefLabel ?name }
  OPTIONAL { ?org skos:altLabel ?short }
}"""

Q_OBLIGATIONS = _PREFIXES + """
SELECT ?ob ?modality ?action ?bearer ?source WHERE {
  ?ob a zg:Obligation .
  OPTIONAL { ?ob zg:modality ?modality }
  OPTIONAL { ?ob zg:action ?action }
  OPTIONAL { ?ob zg:bearer ?bearer }
  OPTIONAL { ?ob zg:source ?source }
}"""

Q_PROVISIONS = _PREFIXES + """
SELECT ?p ?parent ?article ?part ?paragraph ?subparagraph WHERE {
  ?p a eli:LegalResourceSubdivision ; eli:is_part_of ?parent .
  OPTIONAL { ?p zg:article ?article }
  OPTIONAL { ?p zg:part ?part }
  OPTIONAL { ?p zg:paragraph ?paragraph }
  OPTIONAL { ?p zg:subparagraph ?subparagraph }
}"""

Q_PASSED_BY = _PREFIXES + """
SELECT DISTINCT ?act ?org WHERE { ?act a eli:LegalResource ; eli:passed_by ?org . }"""

# A document that is the text of an act (foaf:primaryTopic) cites through that
# act; a document without one is drawn itself and cites directly.
Q_CITES = _PREFIXES + """
SELECT ?from ?to (COUNT(DISTINCT ?g) AS ?documents) WHERE {
  GRAPH ?g { ?from eli:cites ?to . }
  ?to a eli:LegalResource .
  FILTER NOT EXISTS { ?from foaf:primaryTopic ?own }
} GROUP BY ?from ?to"""

Q_DOCUMENTS = _PREFIXES + """
SELECT ?doc ?name WHERE {
  ?doc a zg:SourceDocument .
  OPTIONAL { ?doc dcterms:identifier ?name }
  FILTER NOT EXISTS { ?doc foaf:primaryTopic ?own }
}"""

Q_CITING_DOCUMENTS = _PREFIXES + """
SELECT ?act (COUNT(DISTINCT ?doc) AS ?documents) WHERE {
  ?doc a zg:SourceDocument ; eli:cites ?act .
  ?act a eli:LegalResource .
} GROUP BY ?act"""

Q_DOCUMENT_COUNT = _PREFIXES + """
SELECT (COUNT(DISTINCT ?doc) AS ?n) WHERE { ?doc a zg:SourceDocument }"""

# Acts whose text is a source document (the document's own act, or a second
# act it contains, such as the report a resolution approves).
Q_OWN_TEXT = _PREFIXES + """
SELECT DISTINCT ?act ?name WHERE {
  ?doc a zg:SourceDocument ; foaf:topic|foaf:primaryTopic ?act .
  OPTIONAL { ?doc dcterms:identifier ?name }
}"""

Q_MENTIONS = _PREFIXES + """
SELECT ?body (COUNT(DISTINCT ?ann) AS ?mentions) (COUNT(DISTINCT ?doc) AS ?documents) WHERE {
  ?ann oa:hasBody ?body ; oa:hasTarget ?target .
  ?target oa:hasSource ?doc .
} GROUP BY ?body"""

# The first place each act (or one of its provisions) is named by a document
# that is not the act's own text.
Q_SNIPPETS = _PREFIXES + """
SELECT ?act ?docname ?start ?prefix ?exact ?suffix WHERE {
  ?act a eli:LegalResource .
  ?body eli:is_part_of* ?act .
  ?ann oa:hasBody ?body ; oa:hasTarget ?target .
  ?target oa:hasSource ?doc ; oa:hasSelector ?pos, ?quote .
  ?pos oa:start ?start .
  ?quote oa:exact ?exact .
  OPTIONAL { ?quote oa:prefix ?prefix }
  OPTIONAL { ?quote oa:suffix ?suffix }
  OPTIONAL { ?doc dcterms:identifier ?docname }
  FILTER NOT EXISTS { ?doc foaf:topic ?act }
}"""

_KIND_NAMES = {"un_document": "UN document", "constitutional_law": "constitutional law"}
_PROVISION_ABBR = (("article", "art."), ("part", "part"), ("paragraph", "para."), ("subparagraph", "subpara."))


def _rows(store: "GraphStore", sparql: str) -> Iterable[dict[str, str | None]]:
    """Solutions as {variable: lexical value or None}."""
    solutions = store.query(sparql)
    names = [v.value for v in solutions.variables]
    for solution in solutions:
        yield {name: (solution[name].value if solution[name] is not None else None) for name in names}


def _one(values: Iterable[str | None]) -> str | None:
    """One value out of several, chosen the same way every run (the shortest,
    then the first in code-point order)."""
    present = sorted({v for v in values if v}, key=lambda v: (len(v), v))
    return present[0] if present else None


def _kind_name(kind_iri: str | None) -> str:
    name = (kind_iri or "other").rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return _KIND_NAMES.get(name, name.replace("_", " "))


def act_label(kind: str, title: str | None, date: str | None, number: str | None) -> str:
    """What an act is called on the canvas: its title if known, else its kind,
    number and date."""
    if title:
        return title
    text = kind
    if number:
        text += f" No {number}"
    if date:
        text += f" of {date}"
    return text


def provision_label(fields: Mapping[str, str | None]) -> str:
    return ", ".join(f"{abbr} {fields[key]}" for key, abbr in _PROVISION_ABBR if fields.get(key)) or "provision"


def _snippet(prefix: str | None, exact: str, suffix: str | None) -> str:
    """prefix + exact + suffix on one line, cut at word boundaries."""
    before = " ".join((prefix or "").split())
    after = " ".join((suffix or "").split())
    if before and " " in before:
        before = before.split(" ", 1)[1]
    if after and " " in after:
        after = after.rsplit(" ", 1)[0]
    return " ".join(p for p in ("…" + before if before else "", " ".join(exact.split()),
                                after + "…" if after else "") if p)


def read_network(store: "GraphStore", *, provisions: bool = False) -> nx.DiGraph:
    """The whole network in the store (see `build_network`)."""
    g = nx.DiGraph()
    g.graph["documents"] = int(next(iter(_rows(store, Q_DOCUMENT_COUNT)))["n"] or 0)
    mentions = {r["body"]: (int(r["mentions"]), int(r["documents"])) for r in _rows(store, Q_MENTIONS)}

    acts: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for r in _rows(store, Q_ACTS):
        for key in ("kind", "title", "date", "number"):
            acts[r["act"]][key].add(r[key])
    citing = {r["act"]: int(r["documents"]) for r in _rows(store, Q_CITING_DOCUMENTS)}
    for act, values in acts.items():
        kind = _kind_name(_one(values["kind"]))
        title, date, number = _one(values["title"]), _one(values["date"]), _one(values["number"])
        g.add_node(act, kind="act", act_kind=kind, title=title, date=date, number=number,
                   label=act_label(kind, title, date, number),
                   documents=citing.get(act, 0), mentions=mentions.get(act, (0, 0))[0])
    texts: dict[str, set] = defaultdict(set)
    for r in _rows(store, Q_OWN_TEXT):
        if r["act"] in g:
            texts[r["act"]].add(r["name"] or r["act"])
    for act, names in texts.items():
        g.nodes[act]["text_in"] = sorted(names)

    snippets: dict[str, tuple] = {}
    for r in _rows(store, Q_SNIPPETS):
        key = (r["docname"] or "", int(r["start"] or 0))
        if r["act"] not in snippets or key < snippets[r["act"]][0]:
            snippets[r["act"]] = (key, _snippet(r["prefix"], r["exact"] or "", r["suffix"]))
    for act, (_, text) in snippets.items():
        if act in g:
            g.nodes[act]["snippet"] = text

    orgs: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for r in _rows(store, Q_INSTITUTIONS):
        orgs[r["org"]]["name"].add(r["name"])
        orgs[r["org"]]["short"].add(r["short"])
    for org, values in orgs.items():
        name = _one(values["name"]) or org.rsplit("/", 1)[-1]
        count, docs = mentions.get(org, (0, 0))
        g.add_node(org, kind="institution", label=name, title=name, short=_one(values["short"]),
                   mentions=count, documents=docs)

    for r in _rows(store, Q_PASSED_BY):
        if r["act"] in g and r["org"] in g:
            g.add_edge(r["act"], r["org"], relation="passed by")
            g.nodes[r["act"]].setdefault("issuer", g.nodes[r["org"]]["label"])

    documents = {r["doc"]: r["name"] or r["doc"].rsplit("/", 1)[-1] for r in _rows(store, Q_DOCUMENTS)}
    for r in _rows(store, Q_CITES):
        source, target = r["from"], r["to"]
        if source in documents and source not in g:
            g.add_node(source, kind="document", label=documents[source], title=documents[source])
        if source in g and target in g and source != target:
            g.add_edge(source, target, relation="cites", weight=int(r["documents"]))

    obligations: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for r in _rows(store, Q_OBLIGATIONS):
        for key in ("modality", "action", "bearer", "source"):
            obligations[r["ob"]][key].add(r[key])
    for ob, values in obligations.items():
        modality = (_one(values["modality"]) or "obligation").rsplit("#", 1)[-1]
        action = _one(values["action"])
        bearer, source = _one(values["bearer"]), _one(values["source"])
        count, docs = mentions.get(ob, (0, 0))
        g.add_node(ob, kind="obligation", label=action or modality, title=action or modality, modality=modality,
                   action=action, mentions=count, documents=docs,
                   bearer=g.nodes[bearer]["label"] if bearer in g else None,
                   source=g.nodes[source]["label"] if source in g else None)
        if source in g:
            g.add_edge(source, ob, relation="imposes")
        if bearer in g:
            g.add_edge(bearer, ob, relation="bears")

    _add_provisions(g, _rows(store, Q_PROVISIONS), mentions, draw=provisions)
    return g


def _add_provisions(g: nx.DiGraph, rows: Iterable[dict], mentions: Mapping[str, tuple[int, int]], *,
                    draw: bool) -> None:
    """Provisions as small nodes `part of` their act, or folded into the act's
    `provisions` list."""
    parent: dict[str, str] = {}
    fields: dict[str, dict[str, str | None]] = {}
    for r in rows:
        parent[r["p"]] = r["parent"]
        fields[r["p"]] = {k: r[k] for k in ("article", "part", "paragraph", "subparagraph")}

    def root(p: str) -> str:
        seen = set()
        while p in parent and p not in seen:
            seen.add(p)
            p = parent[p]
        return p

    def full_fields(p: str) -> dict[str, str | None]:
        merged: dict[str, str | None] = {}
        seen = set()
        while p in fields and p not in seen:
            seen.add(p)
            for k, v in fields[p].items():
                if v and not merged.get(k):
                    merged[k] = v
            p = parent[p]
        return merged

    cited = sorted(p for p in parent if p in mentions)  # what the texts name, not every enclosing level
    for p in cited:  # a mention of an article is a mention of its act too
        act = root(p)
        if act in g:
            g.nodes[act]["mentions"] = g.nodes[act].get("mentions", 0) + mentions[p][0]
    if not draw:
        folded: dict[str, list[str]] = defaultdict(list)
        for p in cited:
            act = root(p)
            if act in g:
                folded[act].append(provision_label(full_fields(p)))
        for act, labels in folded.items():
            g.nodes[act]["provisions"] = sorted(set(labels), key=_natural)
        return
    for p in sorted(parent):
        act = root(p)
        if act not in g:
            continue
        own = fields[p]
        g.add_node(p, kind="provision", label=provision_label(own), title=provision_label(full_fields(p)),
                   act=g.nodes[act]["label"], mentions=mentions.get(p, (0, 0))[0],
                   **{k: v for k, v in full_fields(p).items() if v})
    for p in sorted(parent):
        if p in g and parent[p] in g:
            g.add_edge(p, parent[p], relation="part of")


def _natural(text: str) -> list:
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", text)]


class FocusNotFound(LookupError):
    """--focus names nothing in the network (the message lists candidates)."""

    def __str__(self) -> str:  # KeyError-style quoting would hide the message
        return str(self.args[0]) if self.args else "focus not found"


def find_focus(g: nx.DiGraph, focus: str) -> str:
    """The node `focus` names: its IRI, the end of its IRI (`eli/constitution`,
    `id:eli/constitution`), or its label or title (case-insensitive, or a
    unique part of one)."""
    if focus in g:
        return focus
    text = focus.strip()
    if text.startswith("id:"):
        text = text[3:]
    folded = text.casefold()
    tiers = (
        [n for n in g if str(n).endswith("/" + text) or str(n).endswith(text) and text.startswith(("eli/", "org/", "doc/"))],
        [n for n, d in g.nodes(data=True) if folded in {str(d.get("label", "")).casefold(), str(d.get("title", "")).casefold()}],
        [n for n, d in g.nodes(data=True) if folded and folded in str(d.get("label", "")).casefold()],
    )
    for found in tiers:
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = "; ".join(f"{g.nodes[n].get('label', n)} <{n}>" for n in sorted(found, key=str)[:5])
            raise FocusNotFound(f"--focus {focus!r} matches {len(found)} nodes, e.g. {names}; give the full IRI")
    raise FocusNotFound(f"--focus {focus!r} matches no node (give an act's IRI, the end of it, or its title; "
                        "`zangraph query --name most-cited-acts` lists acts)")


def neighbourhood(g: nx.DiGraph, focus: str, depth: int = 1) -> nx.DiGraph:
    """The nodes within `depth` steps of `focus` (see `find_focus`), edges
    followed both ways."""
    focus = find_focus(g, focus)
    sub = nx.ego_graph(g, focus, radius=max(0, depth), undirected=True).copy()
    sub.graph.update(g.graph)
    sub.graph["focus"] = focus
    sub.graph["depth"] = depth
    return sub


# --------------------------------------------------------------------------
# Choosing what to draw


def centrality(g: nx.DiGraph) -> dict[Any, float]:
    """PageRank with every edge counted both ways: a node matters when it
    links to many nodes that matter, whichever the direction of the link."""
    if g.number_of_nodes() == 0:
        return {}
    return nx.pagerank(g.to_undirected(as_view=True), weight="weight")


def most_central(g: nx.DiGraph, max_nodes: int, keep: Iterable[Any] = ()) -> tuple[nx.DiGraph, Counter]:
    """The `max_nodes` most central nodes (always including `keep`) and a
    count by kind of what was left out."""
    if max_nodes <= 0 or g.number_of_nodes() <= max_nodes:
        return g, Counter()
    rank = centrality(g)
    kept = [n for n in keep if n in g][:max_nodes]
    chosen = set(kept)
    for node in sorted(g, key=lambda n: (-rank[n], str(n))):
        if len(chosen) >= max_nodes:
            break
        chosen.add(node)
    left = Counter(g.nodes[n].get("kind", "other") for n in g if n not in chosen)
    sub = g.subgraph(chosen).copy()
    sub.graph.update(g.graph)
    return sub, left


def act_sizes(g: nx.DiGraph) -> dict[Any, float]:
    """Node radius of each act from how often it is cited: its in-degree over
    `cites` edges (each weighted by the documents that make it), then how
    often the texts mention it, on log scales so one giant does not flatten
    the rest."""
    cites = nx.subgraph_view(g, filter_edge=lambda u, v: g.edges[u, v].get("relation") == "cites")
    cited = dict(cites.in_degree(weight="weight"))
    sizes = {}
    for node, attrs in g.nodes(data=True):
        if attrs.get("kind") == "act":
            mentioned = float(attrs.get("mentions") or 0)
            size = 8 + 8 * math.log2(1 + cited.get(node, 0)) + 3 * math.log2(1 + mentioned)
            sizes[node] = min(50.0, size)
    return sizes


# --------------------------------------------------------------------------
# Layout


# Obligations and provisions are drawn around the act they belong to rather
# than being placed by the force layout: fewer bodies to place, and each act
# reads as a flower of its own articles and duties.
_ANCHORED_BY = {"obligation": ("imposes", "in"), "provision": ("part of", "out")}


def _anchors(g: nx.DiGraph, u: nx.Graph) -> dict[Any, Any]:
    """satellite node -> the core node it is drawn around."""
    anchor: dict[Any, Any] = {}
    for node, kind in g.nodes(data="kind"):
        rule = _ANCHORED_BY.get(kind)
        if rule:
            relation, direction = rule
            edges = g.in_edges(node, data="relation") if direction == "in" else g.out_edges(node, data="relation")
            for a, b, rel in edges:
                if rel == relation:
                    anchor[node] = a if direction == "in" else b
                    break
        if node not in anchor and u.degree(node) == 1:
            anchor[node] = next(iter(u[node]))
    # Follow chains (a paragraph inside an article inside an act) to a core node;
    # two leaves joined only to each other keep one of them in the core.
    resolved: dict[Any, Any] = {}
    for node in anchor:
        seen = {node}
        target = anchor[node]
        while target in anchor and target not in seen:
            seen.add(target)
            target = anchor[target]
        if target in seen:  # a cycle of satellites: keep this one in the core
            continue
        resolved[node] = target
    return resolved


def force_layout(n: int, edges: "np.ndarray", *, iterations: int = 50, seed: int = 7) -> "np.ndarray":
    """Fruchterman-Reingold in float32 numpy, dense repulsion and sparse
    attraction: networkx's dense variant without its n x n adjacency matrix,
    several times faster than its sparse variant for the few hundred to
    couple of thousand nodes a page holds. Returns (n, 2) in [-1, 1]."""
    import numpy as np

    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2), dtype=np.float32)
    k = np.float32(1.0 / math.sqrt(n))
    src, dst = (edges[:, 0], edges[:, 1]) if len(edges) else (np.zeros(0, int), np.zeros(0, int))
    t = np.float32(0.1)
    cool = t / (iterations + 1)
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        d2 = np.einsum("ijk,ijk->ij", delta, delta)
        np.maximum(d2, np.float32(1e-4), out=d2)
        disp = np.einsum("ijk,ij->ik", delta, (k * k) / d2)
        pull = pos[src] - pos[dst]
        pull *= np.sqrt((pull * pull).sum(axis=1, keepdims=True)) / k
        np.subtract.at(disp, src, pull)
        np.add.at(disp, dst, pull)
        length = np.sqrt((disp * disp).sum(axis=1, keepdims=True))
        np.maximum(length, np.float32(1e-6), out=length)
        pos += disp * (np.minimum(length, t) / length)
        t -= cool
    pos -= pos.mean(axis=0)
    span = float(np.abs(pos).max()) or 1.0
    return pos / span


def _component_layout(u: nx.Graph, nodes: list, seed: int) -> dict[Any, tuple[float, float]]:
    """Force layout of one connected piece of the core, in [-1, 1]."""
    import numpy as np

    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    if len(nodes) == 2:
        return {nodes[0]: (-0.5, 0.0), nodes[1]: (0.5, 0.0)}
    index = {node: i for i, node in enumerate(nodes)}
    edges = np.array([(index[a], index[b]) for a, b in u.subgraph(nodes).edges() if a != b], dtype=np.int64)
    # Each iteration costs O(n^2): big pieces get fewer, still enough to untangle.
    n = len(nodes)
    iterations = 60 if n <= 400 else max(15, int(60 * (400 / n) ** 1.5))
    pos = force_layout(n, edges.reshape(-1, 2), iterations=iterations, seed=seed)
    return {node: (float(pos[i, 0]), float(pos[i, 1])) for node, i in index.items()}


def layout(g: nx.DiGraph, *, spacing: float = 110.0, seed: int = 7) -> dict[Any, tuple[float, float]]:
    """Positions in screen pixels: each connected piece laid out by force,
    satellites (obligations, provisions, leaves) in rings around their node,
    pieces packed into rows from the largest down."""
    return _layout(g, spacing=spacing, seed=seed).pos


# Labels longer than the gap between ring neighbours would pile up: a ring
# with more members than this draws them without canvas labels (hover, the
# details panel and search still name them). Provisions' labels are short.
_QUIET_RING = {"obligation": 3, "act": 8, "institution": 8, "document": 8}


@dataclass(frozen=True, slots=True)
class Layout:
    """Where each node goes; which satellites and satellite edges to draw
    without a canvas label (their ring is too tight for one)."""

    pos: dict
    quiet: frozenset
    anchor: dict

    def quiet_edge(self, u: Any, v: Any) -> bool:
        return self.anchor.get(u) == v or self.anchor.get(v) == u


def _layout(g: nx.DiGraph, *, spacing: float = 110.0, seed: int = 7) -> Layout:
    """`layout`, and what to draw without labels."""
    if g.number_of_nodes() == 0:
        return Layout({}, frozenset(), {})
    u = nx.Graph(g)
    u.remove_edges_from(nx.selfloop_edges(u))
    anchor = _anchors(g, u)
    satellites: dict[Any, list] = defaultdict(list)
    for node, target in anchor.items():
        satellites[target].append(node)
    quiet = set()
    for ring in satellites.values():
        for node in ring:
            limit = _QUIET_RING.get(g.nodes[node].get("kind"))
            if limit is not None and len(ring) > limit:
                quiet.add(node)
    core = u.subgraph(n for n in u if n not in anchor)
    radii = {**{n: _RADIUS.get(k, 8.0) for n, k in g.nodes(data="kind")}, **act_sizes(g)}

    pieces: list[tuple[float, float, float, float, dict]] = []
    for comp in nx.connected_components(core):
        nodes = sorted(comp, key=str)
        pos = _component_layout(core, nodes, seed)
        weight = sum(1 + len(satellites.get(n, ())) for n in nodes)
        scale = spacing * math.sqrt(weight) * 0.9 if len(nodes) > 2 else spacing * 1.4
        placed = {n: (x * scale, y * scale) for n, (x, y) in pos.items()}
        _place_satellites(placed, satellites, nodes, g, radii)
        xs = [p[0] for p in placed.values()]
        ys = [p[1] for p in placed.values()]
        pieces.append((min(xs), min(ys), max(xs), max(ys), placed))
    return Layout(_pack(pieces, gap=spacing * 0.8), frozenset(quiet), anchor)


_RADIUS = {"act": 12.0, "institution": 10.0, "obligation": 8.0, "provision": 6.0, "document": 10.0}


def _place_satellites(placed: dict, satellites: Mapping[Any, list], roots: Iterable, g: nx.DiGraph,
                      radii: Mapping[Any, float]) -> None:
    """Rings of satellites around their node, recursively (articles carry
    their own paragraphs), spaced by the size of what they hold."""
    stack = list(roots)
    while stack:
        centre = stack.pop()
        children = sorted(satellites.get(centre, ()), key=lambda n: (g.nodes[n].get("kind", ""), str(n)))
        if not children:
            continue
        cx, cy = placed[centre]
        widest = max(radii.get(n, 8.0) for n in children)
        kinds = {g.nodes[n].get("kind") for n in children}
        step = 2 * widest + (24 if widest >= _RADIUS["act"] else 32 if kinds == {"provision"} else 8)
        radius = radii.get(centre, 10.0) + step + (24 if len(children) <= 3 else 0)  # room for labels
        ring, i = 0, 0
        while i < len(children):
            capacity = max(6, int(2 * math.pi * radius / step))
            batch = children[i:i + capacity]
            # Start at the top: a node's label hangs below it, where a lone satellite would cover it.
            offset = -math.pi / 2 + (ring % 2) * math.pi / max(1, len(batch))
            for j, child in enumerate(batch):
                angle = offset + 2 * math.pi * j / len(batch)
                placed[child] = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
                stack.append(child)
            i += len(batch)
            ring += 1
            radius += step


def _pack(pieces: list, gap: float) -> dict[Any, tuple[float, float]]:
    """Shelf packing: pieces sorted by height fill rows of a roughly square page."""
    if not pieces:
        return {}
    pieces.sort(key=lambda p: (-(p[3] - p[1]), -(p[2] - p[0])))
    area = sum((p[2] - p[0] + gap) * (p[3] - p[1] + gap) for p in pieces)
    width = max(math.sqrt(area) * 1.3, pieces[0][2] - pieces[0][0] + gap)
    out: dict[Any, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for x0, y0, x1, y1, placed in pieces:
        w, h = x1 - x0 + gap, y1 - y0 + gap
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for n, (px, py) in placed.items():
            out[n] = (round(px - x0 + x, 1), round(py - y0 + y, 1))
        x += w
        row_height = max(row_height, h)
    return out


# --------------------------------------------------------------------------
# Node and edge records for the page


def _short(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _details(attrs: Mapping[str, Any]) -> list[list[str]]:
    """The tooltip's rows, in reading order, for whatever kind of node."""
    rows: list[list[str]] = []

    def add(name: str, key: str) -> None:
        value = attrs.get(key)
        if value is None or value == "" or value == []:
            return
        if isinstance(value, (list, tuple)):
            value = ", ".join(map(str, value))
        rows.append([name, str(value)])

    kind = attrs.get("kind")
    if kind == "act":
        add("kind", "act_kind")
        add("title", "title")
        add("date", "date")
        add("number", "number")
        add("passed by", "issuer")
        add("its text is in", "text_in")
        add("cited by documents", "documents")
        add("mentions (its provisions included)", "mentions")
        add("provisions cited", "provisions")
    elif kind == "institution":
        add("name", "title")
        add("short name", "short")
        add("documents", "documents")
        add("mentions", "mentions")
    elif kind == "obligation":
        add("modality", "modality")
        add("action", "action")
        add("bearer", "bearer")
        add("source act", "source")
        add("documents", "documents")
    elif kind == "provision":
        add("article", "article")
        add("part", "part")
        add("paragraph", "paragraph")
        add("subparagraph", "subparagraph")
        add("act", "act")
        add("mentions", "mentions")
    else:
        add("title", "title")
        add("mentions", "mentions")
    return rows


def _node_records(g: nx.DiGraph, pos: Mapping, index: Mapping, quiet: set = frozenset()) -> list[dict]:
    sizes = act_sizes(g)
    records = []
    for node, attrs in g.nodes(data=True):
        kind = attrs.get("kind") if attrs.get("kind") in KINDS else "document"
        style = KINDS[kind]
        size = sizes.get(node, style.size)
        label = str(attrs.get("label") or attrs.get("title") or node)
        snippet = attrs.get("snippet")
        record = {
            "id": index[node],
            "iri": str(node),
            "kind": kind,
            "label": _short(label, LABEL_LIMIT),
            "heading": _short(label, 300),
            "details": _details(attrs),
            "snippet": _short(snippet, SNIPPET_LIMIT) if snippet else "",
            "x": pos[node][0],
            "y": pos[node][1],
            "size": round(size, 1),
            "quiet": node in quiet,
            "ownText": bool(attrs.get("text_in")),
            "fontSize": round(12 + (size - 8) * 0.3) if kind == "act" else (10 if kind == "provision" else 12),
        }
        records.append(record)
    return records


def _edge_records(g: nx.DiGraph, index: Mapping, drawn: Layout | None = None) -> list[dict]:
    """Edges; those joining a satellite to its node are `quiet` (no canvas
    label on a stub a few pixels long; colour, legend and hover name them)."""
    records = []
    for u, v, d in g.edges(data=True):
        record = {"from": index[u], "to": index[v], "relation": str(d.get("relation", "cites"))}
        if drawn is not None and drawn.quiet_edge(u, v):
            record["quiet"] = True
        records.append(record)
    return records


# --------------------------------------------------------------------------
# The page


_SOURCE_MAP = re.compile(r"^//# sourceMappingURL=\S*\s*$", re.M)


@lru_cache(maxsize=1)
def vis_network_js() -> str:
    """pyvis' bundled copy of vis-network, to be inlined (never fetched)."""
    import pyvis

    root = Path(pyvis.__file__).parent
    for candidate in (root / "templates" / "lib" / f"vis-{VIS_VERSION}" / "vis-network.min.js",
                      root / "lib" / f"vis-{VIS_VERSION}" / "vis-network.min.js"):
        if candidate.exists():
            text = candidate.read_text(encoding="utf-8")
            # A source map comment makes an open DevTools fetch a file that is not there.
            text = _SOURCE_MAP.sub("", text)
            if "</script" in text.lower():  # would end the inline <script> early
                raise RuntimeError(f"{candidate} cannot be inlined: it contains '</script'")
            return text
    raise FileNotFoundError(f"vis-network {VIS_VERSION} not found in the pyvis package at {root}")


def vis_options(n_nodes: int, n_edges: int) -> dict:
    """vis-network options, from pyvis' options model plus what a
    pre-laid-out graph needs (no physics, no improved layout)."""
    from pyvis.network import Network

    net = Network(directed=True)
    net.toggle_physics(False)
    net.toggle_hide_edges_on_drag(n_edges > 1500)
    options = json.loads(net.options.to_json())
    options["edges"] = {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "smooth": {"enabled": n_edges <= 800, "type": "continuous", "roundness": 0.2},
        "width": 1,
        "font": {"size": 9, "align": "middle", "color": "#555", "strokeWidth": 3, "strokeColor": "#fff"},
        "color": {"inherit": False, "opacity": 0.75},
        "selectionWidth": 2,
        "scaling": {"label": {"enabled": True, "drawThreshold": 7}},
    }
    options["nodes"] = {
        "font": {"size": 12, "face": "system-ui, sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
        "borderWidth": 1,
        "scaling": {"label": {"enabled": True, "drawThreshold": 6}},
    }
    options["groups"] = {
        kind: {"shape": s.shape, "color": {"background": s.color, "border": s.color,
                                          "highlight": {"background": s.color, "border": "#111"},
                                          "hover": {"background": s.color, "border": "#111"}}}
        for kind, s in KINDS.items()
    }
    options["layout"] = {"improvedLayout": False, "randomSeed": 7}
    options["interaction"] = {**options.get("interaction", {}), "hover": True, "tooltipDelay": 120,
                              "navigationButtons": False, "keyboard": {"enabled": True, "bindToWindow": False},
                              "multiselect": False}
    return options


def _json_for_script(value: Any) -> str:
    """JSON that cannot end or confuse the <script> element holding it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _csp_hash(script: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii") + "'"


_LEFT_OUT_NAMES = {"act": "acts", "institution": "institutions", "obligation": "obligations",
                   "provision": "provisions", "document": "documents"}


def _left_out_text(left: Counter, max_nodes: int) -> str:
    if not left:
        return ""
    parts = ", ".join(f"{count} {_LEFT_OUT_NAMES.get(kind, kind)}" for kind, count in sorted(left.items()))
    return (f"{sum(left.values())} less central nodes left out ({parts}) to keep the page fast; "
            f"draw more with --max-nodes (now {max_nodes}) or a part with --focus IRI --depth N.")


def render_html(g: nx.DiGraph, *, max_nodes: int = DEFAULT_MAX_NODES, title: str | None = None) -> tuple[str, VizSummary]:
    """The page as a string, and what it shows."""
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    focus = g.graph.get("focus")
    shown, left = most_central(g, max_nodes, keep=[focus] if focus else [])
    left_edges = g.number_of_edges() - shown.number_of_edges()
    drawn = _layout(shown)
    index = {node: i for i, node in enumerate(shown)}
    nodes = _node_records(shown, drawn.pos, index, drawn.quiet)
    edges = _edge_records(shown, index, drawn)
    present = Counter(n["kind"] for n in nodes)
    relations_present = Counter(e["relation"] for e in edges)
    heading = title or g.graph.get("title") or "zangraph: legal references"
    data = {
        "nodes": nodes,
        "edges": edges,
        "kinds": {k: {"label": s.label, "color": s.color, "shape": s.shape} for k, s in KINDS.items()},
        "relations": RELATIONS,
        "options": vis_options(len(nodes), len(edges)),
        "focus": index.get(focus) if focus else None,
        "leftOut": _left_out_text(left, max_nodes),
    }
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=select_autoescape(["html"]),
                      trim_blocks=True, lstrip_blocks=True)
    app_js = (TEMPLATES / "network.js").read_text(encoding="utf-8")
    guard_js = (TEMPLATES / "guard.js").read_text(encoding="utf-8")
    vis_js = vis_network_js()
    csp = "; ".join([
        "default-src 'none'",
        "script-src " + " ".join(_csp_hash(s) for s in (guard_js, vis_js, app_js)),
        "style-src 'unsafe-inline'",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ])
    page = env.get_template("network.html").render(
        title=heading,
        csp=csp,
        guard_js=guard_js,
        vis_js=vis_js,
        app_js=app_js,
        data_json=_json_for_script(data),
        kinds=[(k, KINDS[k], present[k]) for k in KINDS if present[k]],
        relations=[(r, c, relations_present[r]) for r, c in RELATIONS.items() if relations_present[r]],
        n_nodes=len(nodes),
        n_edges=len(edges),
        left_out=data["leftOut"],
        focus_label=shown.nodes[focus].get("label", focus) if focus in shown else None,
        depth=g.graph.get("depth"),
        documents=g.graph.get("documents"),
    )
    summary = VizSummary(len(nodes), len(edges), sum(left.values()), dict(left), left_edges)
    return page, summary


def draw_html(g: nx.DiGraph, out_path: str | Path, *, max_nodes: int = DEFAULT_MAX_NODES,
              title: str | None = None) -> VizSummary:
    """Write the interactive network to `out_path`: one HTML file that opens
    from file:// with the network off."""
    page, summary = render_html(g, max_nodes=max_nodes, title=title)
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return summary


# --------------------------------------------------------------------------
# GraphML / GEXF for Gephi and other network tools

_HEX = re.compile(r"#([0-9a-fA-F]{2})([0-9a-fA-F]{2})([0-9a-fA-F]{2})")


def _flat(value: Any) -> Any:
    if isinstance(value, bool) or isinstance(value, (int, float, str)):
        return value
    if isinstance(value, (list, tuple, set)):
        return "; ".join(map(str, value))
    return str(value)


def exportable(g: nx.DiGraph, *, positions: str | None = None) -> nx.DiGraph:
    """A copy whose attributes GraphML/GEXF can hold (scalars only, no None),
    with the page's layout, colour and size where Gephi looks for them:
    `positions="gexf"` fills the `viz` element, `"graphml"` the x, y, size,
    r, g, b attributes Gephi's GraphML import reads."""
    out = nx.DiGraph()
    for key, value in g.graph.items():
        if value is not None:
            out.graph[key] = _flat(value)
    for node, attrs in g.nodes(data=True):
        out.add_node(str(node), **{k: _flat(v) for k, v in attrs.items() if v is not None})
    for u, v, attrs in g.edges(data=True):
        clean = {k: _flat(x) for k, x in attrs.items() if x is not None}
        clean.setdefault("label", clean.get("relation", ""))
        out.add_edge(str(u), str(v), **clean)
    if positions:
        pos = layout(g)
        sizes = act_sizes(g)
        for node, attrs in g.nodes(data=True):
            style = KINDS.get(attrs.get("kind", ""), KINDS["document"])
            r, gr, b = (int(x, 16) for x in _HEX.fullmatch(style.color).groups())
            x, y = pos[node]
            size = float(sizes.get(node, style.size))
            target = out.nodes[str(node)]
            if positions == "gexf":
                target["viz"] = {"position": {"x": x, "y": -y, "z": 0.0},
                                 "color": {"r": r, "g": gr, "b": b, "a": 1.0}, "size": size}
            else:
                target.update(x=float(x), y=float(-y), size=size, r=r, g=gr, b=b)
    return out


def write_graph(g: nx.DiGraph, out_path: str | Path, fmt: str) -> None:
    """Write the network as GraphML or GEXF (with layout and colours)."""
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fmt = fmt.lower()
    if fmt == "graphml":
        nx.write_graphml(exportable(g, positions="graphml"), out, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(exportable(g, positions="gexf"), out, encoding="utf-8", version="1.2draft")
    else:
        raise ValueError(f"unknown graph format {fmt!r}: use graphml or gexf")
