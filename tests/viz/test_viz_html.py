"""The generated network page, read as HTML: the seed's graph is all there,
the legend names every type drawn, nothing points outside the file, and
hostile text is data, never markup."""
from __future__ import annotations

import html
import json
import math
import re
from pathlib import Path

import markupsafe
import networkx as nx
import pytest

from graph import viz
from graph.store import GraphStore

from .synthetic import HOSTILE_TITLES, synthetic_network

DATA_BLOCK = re.compile(r'<script type="application/json" id="zg-data">(.*?)</script>', re.S)
SCRIPT_OPEN = re.compile(r"<script\b", re.I)


def page_data(page: str) -> dict:
    match = DATA_BLOCK.search(page)
    assert match, "no zg-data block"
    return json.loads(match.group(1))


def count(store: GraphStore, sparql: str) -> int:
    return int(next(iter(store.query(sparql)))["n"].value)


@pytest.fixture(scope="module")
def store(seed_store):
    s = GraphStore(seed_store, read_only=True)
    yield s
    s.close()


@pytest.fixture(scope="module")
def seed_graph(store) -> nx.DiGraph:
    return viz.build_network(store)


@pytest.fixture(scope="module")
def seed_page(seed_graph, tmp_path_factory) -> tuple[str, viz.VizSummary]:
    out = tmp_path_factory.mktemp("viz") / "network.html"
    summary = viz.draw_html(seed_graph, out)
    return out.read_text(encoding="utf-8"), summary


# -- the seed's graph --------------------------------------------------------

@pytest.mark.parametrize("kind, sparql", [
    ("act", "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a eli:LegalResource }"),
    ("institution", "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a org:Organization }"),
    ("obligation", "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a zg:Obligation }"),
])
def test_every_entity_of_the_store_is_a_node(store, seed_graph, kind, sparql):
    nodes = [n for n, k in seed_graph.nodes(data="kind") if k == kind]
    assert len(nodes) == count(store, sparql)


def test_provisions_are_folded_into_their_act_by_default_and_drawn_on_request(store, seed_graph):
    subdivisions = count(store, "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a eli:LegalResourceSubdivision }")
    assert not any(k == "provision" for _, k in seed_graph.nodes(data="kind"))
    with_provisions = viz.build_network(store, provisions=True)
    drawn = [n for n, k in with_provisions.nodes(data="kind") if k == "provision"]
    assert len(drawn) == subdivisions
    for node in drawn:  # each hangs off its act (or enclosing provision)
        assert [d["relation"] for _, _, d in with_provisions.out_edges(node, data=True)] == ["part of"]
    if subdivisions:
        folded = [d["provisions"] for _, d in seed_graph.nodes(data=True) if d.get("provisions")]
        assert folded, "cited articles should be listed in their act's tooltip"


@pytest.mark.parametrize("relation, sparql", [
    ("passed by", "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?a ?o WHERE { ?a a eli:LegalResource ; eli:passed_by ?o } }"),
    ("imposes", "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?o ?s WHERE { ?o a zg:Obligation ; zg:source ?s . ?s a eli:LegalResource } }"),
    ("bears", "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?o ?b WHERE { ?o a zg:Obligation ; zg:bearer ?b . ?b a org:Organization } }"),
])
def test_edges_match_the_store(store, seed_graph, relation, sparql):
    edges = [(u, v) for u, v, r in seed_graph.edges(data="relation") if r == relation]
    assert len(edges) == count(store, sparql)


def test_cites_edges_start_at_the_citing_act_or_its_document(store, seed_graph):
    cited = {row["to"].value for row in store.query(
        "SELECT DISTINCT ?to WHERE { ?d a zg:SourceDocument ; eli:cites ?to . ?to a eli:LegalResource }")}
    drawn = {v for _, v, r in seed_graph.edges(data="relation") if r == "cites"}
    assert drawn == cited
    for u, v, r in seed_graph.edges(data="relation"):
        if r == "cites":
            assert seed_graph.nodes[u]["kind"] in ("act", "document") and seed_graph.nodes[v]["kind"] == "act"


def test_page_holds_exactly_the_nodes_and_edges_of_the_graph(seed_graph, seed_page):
    page, summary = seed_page
    data = page_data(page)
    assert summary.nodes == seed_graph.number_of_nodes() == len(data["nodes"])
    assert summary.edges == seed_graph.number_of_edges() == len(data["edges"])
    assert summary.left_out == 0
    assert {n["iri"] for n in data["nodes"]} == set(seed_graph)
    iri = {n["id"]: n["iri"] for n in data["nodes"]}
    drawn = {(iri[e["from"]], iri[e["to"]], e["relation"]) for e in data["edges"]}
    assert drawn == {(u, v, d["relation"]) for u, v, d in seed_graph.edges(data=True)}
    for n in data["nodes"]:
        attrs = seed_graph.nodes[n["iri"]]
        assert n["kind"] == attrs["kind"]
        if attrs["kind"] == "act":
            rows = dict(n["details"])
            assert rows["kind"] == attrs["act_kind"]
            assert int(rows["cited by documents"]) == attrs["documents"]
            if attrs.get("title"):
                assert rows["title"] == attrs["title"]


def test_acts_carry_counts_and_a_snippet_from_the_text(seed_graph, seed_text):
    acts = [d for _, d in seed_graph.nodes(data=True) if d["kind"] == "act"]
    assert acts, "the seed cites acts"
    for d in acts:
        assert d["mentions"] >= 1
        snippet = d.get("snippet")
        if snippet:
            core = snippet.strip("…").split()[0]
            assert core in seed_text  # cut from the original file


def test_legend_names_every_type_and_relation_drawn(seed_page):
    page, _ = seed_page
    data = page_data(page)
    legend = re.search(r'<ul class="legend" id="zg-kinds">(.*?)</ul>', page, re.S).group(1)
    relations = re.search(r'<ul class="legend" id="zg-relations">(.*?)</ul>', page, re.S).group(1)
    for kind in {n["kind"] for n in data["nodes"]}:
        assert f'data-kind="{kind}"' in legend
        assert viz.KINDS[kind].label in legend
        assert viz.KINDS[kind].color in legend
    for relation in {e["relation"] for e in data["edges"]}:
        assert f'data-relation="{relation}"' in relations
    shapes = [s.shape for s in viz.KINDS.values()]
    colours = [s.color for s in viz.KINDS.values()]
    assert len(set(shapes)) == len(shapes) and len(set(colours)) == len(colours)


def test_layout_is_precomputed_and_physics_off(seed_page):
    page, _ = seed_page
    data = page_data(page)
    assert data["options"]["physics"]["enabled"] is False
    assert data["options"]["layout"]["improvedLayout"] is False
    points = [(n["x"], n["y"]) for n in data["nodes"]]
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in points)
    assert len(set(points)) == len(points), "two nodes drawn on the same spot"


# -- self-contained and offline ----------------------------------------------

URL = re.compile(r"https?://[^\s\"'<>)]+", re.I)


def test_page_fetches_nothing(seed_page):
    page, _ = seed_page
    # The policy forbids every fetch and admits only the page's own scripts.
    csp = html.unescape(re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', page).group(1))
    assert "default-src 'none'" in csp
    assert "script-src 'sha256-" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    # No attribute, stylesheet or import points at a URL.
    assert not re.search(r"""(?:src|href|action|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", page, re.I)
    assert not re.search(r"url\(\s*['\"]?\s*(?:https?:)?//|@import", page, re.I)
    # Outside the vendored vis-network (licence comments, the SVG namespace)
    # and the graph data (IRIs are names, not links), there is no URL at all.
    vis = viz.vis_network_js()
    assert page.count(vis) == 1
    rest = DATA_BLOCK.sub("", page.replace(vis, ""))
    assert URL.findall(rest) == []
    assert not re.search(r"\b(?:fetch|XMLHttpRequest|WebSocket|EventSource|importScripts|sendBeacon)\b", vis + rest)


def test_all_scripts_are_inline_and_hashed(seed_page):
    page, _ = seed_page
    assert len(SCRIPT_OPEN.findall(page.replace(viz.vis_network_js(), ""))) == 4  # guard, vis, data, app
    assert "sourceMappingURL" not in page
    assert not re.search(r"<script[^>]*\bsrc=", page, re.I)
    csp = html.unescape(re.search(r'content="([^"]+)"', page).group(1))
    for body in re.findall(r"<script>(.*?)</script>", page, re.S):
        assert viz._csp_hash(body) in csp


# -- hostile text ----------------------------------------------------------------

@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory) -> tuple[str, nx.DiGraph, Path]:
    g = synthetic_network(60, hostile=True)
    out = tmp_path_factory.mktemp("hostile") / "hostile.html"
    viz.draw_html(g, out, title="<script>alert('heading')</script> & co")
    return out.read_text(encoding="utf-8"), g, out


def test_hostile_titles_never_appear_as_markup(hostile_page):
    page, _, _ = hostile_page
    for title in HOSTILE_TITLES:
        assert title not in page or "<" not in title
    for needle in ("<img", "</script><script>", "<b>bold", "alert('title')</script>", "\u2028"):
        assert needle not in page
    assert "\\u003cimg src=x onerror=alert(1)\\u003e" in page  # inside the JSON string, inert
    assert len(SCRIPT_OPEN.findall(page.replace(viz.vis_network_js(), ""))) == 4
    assert "<title>&lt;script&gt;alert(&#39;heading&#39;)&lt;/script&gt; &amp; co</title>" in page


def test_hostile_titles_survive_as_data(hostile_page):
    page, g, _ = hostile_page
    data = page_data(page)
    headings = {n["heading"] for n in data["nodes"]}
    details = {v for n in data["nodes"] for _, v in n["details"]}
    for title in HOSTILE_TITLES:
        assert title in details  # the act's title row, exactly as in the graph
        assert any(" ".join(title.split()) in h for h in headings)


def test_app_script_never_uses_inner_html():
    source = (viz.TEMPLATES / "network.js").read_text(encoding="utf-8") + (viz.TEMPLATES / "guard.js").read_text(encoding="utf-8")
    assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|new Function", source)


def test_template_autoescapes_what_it_interpolates(tmp_path):
    g = nx.DiGraph()
    g.add_node("x", kind="act", label="a", act_kind="law")
    focus = viz.neighbourhood(g, "x", 1)
    focus.nodes["x"]["label"] = '"><svg onload=alert(1)>'
    page, _ = viz.render_html(focus, title="t")
    assert "<svg onload" not in page
    assert str(markupsafe.escape('"><svg onload=alert(1)>')) in page


# -- size, focus, exports -------------------------------------------------------

@pytest.fixture(scope="module")
def big_graph() -> nx.DiGraph:
    return synthetic_network(2000, seed=3)


def test_max_nodes_keeps_the_most_central_and_says_what_was_left_out(big_graph, tmp_path):
    out = tmp_path / "big.html"
    summary = viz.draw_html(big_graph, out, max_nodes=300)
    assert (summary.nodes, summary.left_out) == (300, big_graph.number_of_nodes() - 300)
    assert sum(summary.left_out_by_kind.values()) == summary.left_out
    page = out.read_text(encoding="utf-8")
    assert f"{summary.left_out} less central nodes left out" in page
    rank = viz.centrality(big_graph)
    kept = {n["iri"] for n in page_data(page)["nodes"]}
    ordered = sorted(big_graph, key=lambda n: -rank[n])
    assert ordered[0] in kept and ordered[-1] not in kept
    assert min(rank[n] for n in kept) >= max(rank[n] for n in big_graph if n not in kept)


def test_two_thousand_nodes_render_identically(big_graph, tmp_path):
    """Same graph, same bytes (how long it takes is scripts/bench.py's)."""
    first = viz.draw_html(big_graph, tmp_path / "a.html", max_nodes=5000)
    viz.draw_html(big_graph, tmp_path / "b.html", max_nodes=5000)
    assert first.nodes == big_graph.number_of_nodes() and first.left_out == 0
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()


def test_focus_draws_the_neighbourhood(big_graph, tmp_path):
    acts = [n for n, k in big_graph.nodes(data="kind") if k == "act"]
    hub = max(acts, key=big_graph.in_degree)
    near = viz.neighbourhood(big_graph, hub, 1)
    expected = {hub} | set(big_graph.predecessors(hub)) | set(big_graph.successors(hub))
    assert set(near) == expected
    assert set(viz.neighbourhood(big_graph, hub, 2)) > expected
    summary = viz.draw_html(near, tmp_path / "near.html", max_nodes=5)
    page = (tmp_path / "near.html").read_text(encoding="utf-8")
    assert hub in {n["iri"] for n in page_data(page)["nodes"]}  # the focus is always kept
    assert page_data(page)["focus"] is not None and summary.nodes == 5
    with pytest.raises(LookupError, match="matches no node"):
        viz.neighbourhood(big_graph, "https://example.org/none", 1)


FOCUS_GRAPH_NODES = [
    ("https://w3id.org/zangraph/id/eli/constitution", {"kind": "act", "label": "Конституция", "title": "Конституция"}),
    ("https://w3id.org/zangraph/id/eli/law/2009/12/04/217-IV", {"kind": "act", "label": "Бюджет туралы"}),
    ("https://w3id.org/zangraph/id/eli/law/1997/07/16/167-I", {"kind": "act", "label": "Қылмыстық кодекс туралы"}),
    ("https://w3id.org/zangraph/id/org/үкімет", {"kind": "institution", "label": "Қазақстан Республикасының Үкіметі"}),
]


@pytest.mark.parametrize("given, expected", [
    ("https://w3id.org/zangraph/id/eli/constitution", "https://w3id.org/zangraph/id/eli/constitution"),
    ("eli/constitution", "https://w3id.org/zangraph/id/eli/constitution"),
    ("id:eli/law/2009/12/04/217-IV", "https://w3id.org/zangraph/id/eli/law/2009/12/04/217-IV"),
    ("конституция", "https://w3id.org/zangraph/id/eli/constitution"),
    ("Бюджет", "https://w3id.org/zangraph/id/eli/law/2009/12/04/217-IV"),
    ("үкіметі", "https://w3id.org/zangraph/id/org/үкімет"),
    ("туралы", None),  # two acts: ambiguous, and the message names them
    ("Жер кодексі", None),
])
def test_focus_by_iri_iri_end_or_title(given, expected):
    g = nx.DiGraph()
    g.add_nodes_from(FOCUS_GRAPH_NODES)
    if expected is None:
        with pytest.raises(viz.FocusNotFound):
            viz.find_focus(g, given)
    else:
        assert viz.find_focus(g, given) == expected


def test_build_network_focus_on_a_seed_act(store, seed_graph):
    act = max((n for n, k in seed_graph.nodes(data="kind") if k == "act"),
              key=lambda n: (seed_graph.degree(n), n))
    near = viz.build_network(store, focus=act, depth=1)
    assert set(near) == {act} | set(nx.all_neighbors(seed_graph, act))
    assert near.graph["focus"] == act


@pytest.mark.parametrize("fmt, reader", [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_graphml_and_gexf_round_trip(seed_graph, tmp_path, fmt, reader):
    out = tmp_path / f"net.{fmt}"
    viz.write_graph(seed_graph, out, fmt)
    back = reader(out)
    assert back.number_of_nodes() == seed_graph.number_of_nodes()
    assert back.number_of_edges() == seed_graph.number_of_edges()
    for node, attrs in seed_graph.nodes(data=True):
        assert back.nodes[node]["kind"] == attrs["kind"]
        assert back.nodes[node]["label"] == attrs["label"]
    relations = {d["relation"] for _, _, d in back.edges(data=True)}
    assert relations == {d["relation"] for _, _, d in seed_graph.edges(data=True)}
    if fmt == "gexf":
        assert "viz:position" in out.read_text(encoding="utf-8")
    else:  # the page's layout and colours, for Gephi's GraphML import
        for node, attrs in back.nodes(data=True):
            assert math.isfinite(attrs["x"]) and math.isfinite(attrs["y"])
            assert "#%02x%02x%02x" % (attrs["r"], attrs["g"], attrs["b"]) == viz.KINDS[attrs["kind"]].color
    with pytest.raises(ValueError):
        viz.write_graph(seed_graph, tmp_path / "x", "dot")


def test_acts_grow_with_citations_then_mentions():
    g = nx.DiGraph()
    citing = [f"d{i}" for i in range(10)]
    for d in citing:
        g.add_node(d, kind="document", label=d)
    for name, cited_by, mentions in [("a0", 0, 1), ("a1", 1, 1), ("a1m", 1, 9), ("a3", 3, 3), ("a10", 10, 10)]:
        g.add_node(name, kind="act", label=name, mentions=mentions)
        for d in citing[:cited_by]:
            g.add_edge(d, name, relation="cites", weight=1)
    sizes = viz.act_sizes(g)
    order = ["a0", "a1", "a1m", "a3", "a10"]
    assert [sizes[a] for a in order] == sorted(sizes[a] for a in order)
    assert len({sizes[a] for a in order}) == len(order)


def test_page_says_how_many_source_documents_it_draws(store, seed_graph, seed_page):
    documents = count(store, "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a zg:SourceDocument }")
    assert seed_graph.graph["documents"] == documents >= 1
    noun = "document" if documents == 1 else "documents"
    assert f"{documents} source {noun} · {seed_graph.number_of_nodes()} nodes" in seed_page[0]


def test_satellites_ring_their_node_without_covering_it(store):
    g = viz.build_network(store, provisions=True)
    drawn = viz._layout(g)
    sizes = viz.act_sizes(g)
    assert drawn.anchor, "obligations and provisions are drawn around their act"
    for node, centre in drawn.anchor.items():
        (x0, y0), (x1, y1) = drawn.pos[centre], drawn.pos[node]
        reach = sizes.get(centre, viz.KINDS[g.nodes[centre]["kind"]].size) + viz.KINDS[g.nodes[node]["kind"]].size
        assert math.hypot(x1 - x0, y1 - y0) >= reach, (centre, node)
    # Crowded rings draw their members without canvas labels, and the stub
    # edge from a satellite to its node has none; every other edge keeps its label.
    page, _ = viz.render_html(g)
    data = page_data(page)
    quiet = {n["iri"] for n in data["nodes"] if n["quiet"]}
    assert quiet <= set(drawn.anchor)
    for e in data["edges"]:
        u, v = data["nodes"][e["from"]]["iri"], data["nodes"][e["to"]]["iri"]
        assert bool(e.get("quiet")) == (drawn.anchor.get(u) == v or drawn.anchor.get(v) == u)
