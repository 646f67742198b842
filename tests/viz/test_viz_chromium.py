"""The network page in a real headless Chromium (Debian's `chromium`), loaded
from file:// with the network off: it draws on its canvas, requests nothing
but its own file, logs no JavaScript error, and shows hostile titles as text.

Skipped, with the reason, only when no chromium binary is installed
(.ci/run installs it with apt-get)."""
from __future__ import annotations

import json

import pytest

from graph import viz
from graph.store import GraphStore

from .chromium import Browser, find_chromium
from .synthetic import HOSTILE_TITLES, synthetic_network

CHROMIUM = find_chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="chromium is not installed (apt-get install -y chromium); the browser tests did not run",
)


def assert_clean(run):
    assert run.first_draw_ms is not None, f"the page never drew: {run.state}"
    assert run.errors == [], run.errors
    assert run.dialogs == []
    assert run.external_requests == [], run.external_requests
    assert run.requests == [run.url]  # the page itself, nothing else
    state = run.state
    assert state["canvas"] and state["canvasWidth"] > 0 and state["canvasHeight"] > 0
    assert state["painted"] > 0, "the canvas is blank"


@pytest.fixture(scope="module")
def browser():
    with Browser(CHROMIUM) as b:
        yield b


@pytest.fixture(scope="module")
def seed_run(browser, seed_store, tmp_path_factory):
    with GraphStore(seed_store, read_only=True) as store:
        g = viz.build_network(store)
    out = tmp_path_factory.mktemp("chromium") / "seed.html"
    summary = viz.draw_html(g, out)
    # Search for an act by a word of its label and open its card.
    act = next((d for _, d in g.nodes(data=True) if d["kind"] == "act"), None)
    word = act["label"].split()[0] if act else "zzzz"
    probe = """(function () {
      var input = document.getElementById('zg-search');
      input.value = %s;
      input.dispatchEvent(new Event('input'));
      var first = document.querySelector('#zg-results button');
      if (first) { first.click(); }
      var found = {results: document.querySelectorAll('#zg-results button').length,
                   details: document.getElementById('zg-details').textContent,
                   legend: document.getElementById('zg-kinds').textContent};
      // Filter: untick institutions; their nodes and edges disappear, then come back.
      var box = document.querySelector('#zg-kinds input[data-kind="institution"]');
      var data = window.zangraph.network.body.data;
      var hidden = function (set) { return set.get({filter: function (x) { return x.hidden === true; }}).length; };
      if (box) {
        box.click();
        found.hiddenNodes = hidden(data.nodes);
        found.hiddenEdges = hidden(data.edges);
        box.click();
        found.hiddenAfter = hidden(data.nodes) + hidden(data.edges);
      }
      // Selecting a node fades everything but its neighbourhood; Escape restores.
      var picked = document.querySelector('#zg-results button');
      var faded = function () { return data.nodes.get({filter: function (x) { return x.opacity !== undefined && x.opacity < 1; }}).length; };
      found.selected = window.zangraph.network.getSelectedNodes();
      found.neighbours = found.selected.length ? window.zangraph.network.getConnectedNodes(found.selected[0]).length : 0;
      found.faded = faded();
      document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'}));
      found.fadedAfterEscape = faded();
      return found;
    })()""" % json.dumps(word)
    return browser.open(out, probe=probe), summary, g, act


def test_seed_page_draws_offline_without_errors(seed_run):
    run, summary, _, _ = seed_run
    assert_clean(run)
    assert (run.state["nodes"], run.state["edges"]) == (summary.nodes, summary.edges)


def test_seed_page_search_finds_and_shows_an_act(seed_run):
    run, _, g, act = seed_run
    if act is None:
        pytest.skip("the seed's graph has no act to search for")
    assert run.probe["results"] >= 1
    assert act["label"] in run.probe["details"] or act.get("title", "") in run.probe["details"]
    for kind in {d["kind"] for _, d in g.nodes(data=True)}:
        assert viz.KINDS[kind].label in run.probe["legend"]


def test_selecting_an_act_fades_all_but_its_neighbourhood(seed_run):
    run, summary, g, act = seed_run
    if act is None:
        pytest.skip("the seed's graph has no act to select")
    assert len(run.probe["selected"]) == 1
    assert run.probe["faded"] == summary.nodes - 1 - run.probe["neighbours"]
    assert run.probe["fadedAfterEscape"] == 0


def test_seed_page_filters_by_type(seed_run):
    run, _, g, _ = seed_run
    institutions = {n for n, k in g.nodes(data="kind") if k == "institution"}
    if not institutions:
        pytest.skip("the seed's graph has no institution to filter")
    touching = sum(1 for u, v in g.edges() if u in institutions or v in institutions)
    assert run.probe["hiddenNodes"] == len(institutions)
    assert run.probe["hiddenEdges"] == touching
    assert run.probe["hiddenAfter"] == 0


def test_hostile_titles_are_shown_as_text(browser, tmp_path):
    g = synthetic_network(60, hostile=True)
    out = tmp_path / "hostile.html"
    viz.draw_html(g, out, title="<img src=x onerror=alert('h1')>")
    probe = """(function () {
      var seen = [];
      var titles = %s;
      titles.forEach(function (t) {
        var input = document.getElementById('zg-search');
        input.value = t.slice(0, 12);
        input.dispatchEvent(new Event('input'));
        var button = document.querySelector('#zg-results button');
        if (button) { button.click(); }
        seen.push(document.getElementById('zg-details').textContent);
      });
      return {seen: seen, pwned: typeof window.pwned,
              imgs: document.querySelectorAll('img').length,
              scripts: document.querySelectorAll('script').length,
              heading: document.querySelector('h1').textContent};
    })()""" % json.dumps(list(HOSTILE_TITLES))
    run = browser.open(out, probe=probe)
    assert_clean(run)
    assert run.probe["pwned"] == "undefined"
    assert run.probe["imgs"] == 0 and run.probe["scripts"] == 4
    assert run.probe["heading"] == "<img src=x onerror=alert('h1')>"
    for title, shown in zip(HOSTILE_TITLES, run.probe["seen"]):
        assert title in shown  # the card shows the raw text


# Hover each node in turn (a real mousemove on the canvas) and read the tooltip.
HOVER = """(async function () {
  var net = window.zangraph.network;
  var nodes = JSON.parse(document.getElementById('zg-data').textContent).nodes;
  var canvas = document.querySelector('#zg-network canvas');
  var wait = function (ms) { return new Promise(function (r) { setTimeout(r, ms); }); };
  var seen = [];
  for (var needle of %s) {
    var target = nodes.find(function (n) { return n.heading.indexOf(needle) !== -1; });
    net.moveTo({position: net.getPositions([target.id])[target.id], scale: 1.5});
    await wait(80);
    var p = net.canvasToDOM(net.getPositions([target.id])[target.id]);
    var box = canvas.getBoundingClientRect();
    canvas.dispatchEvent(new MouseEvent('mousemove', {clientX: box.left + p.x, clientY: box.top + p.y, bubbles: true}));
    await wait(300);
    var tip = document.getElementById('zg-tip');
    seen.push({hidden: tip.hidden, text: tip.textContent, elements: tip.querySelectorAll('img, script, b').length});
    canvas.dispatchEvent(new MouseEvent('mousemove', {clientX: box.left + 2, clientY: box.top + 2, bubbles: true}));
    await wait(50);
  }
  return seen;
})()"""


def test_hover_tooltip_shows_hostile_titles_as_text(browser, tmp_path):
    g = synthetic_network(60, hostile=True)
    out = tmp_path / "hover.html"
    viz.draw_html(g, out)
    needles = [" ".join(t.split()) for t in HOSTILE_TITLES]
    run = browser.open(out, probe=HOVER % json.dumps(needles))
    assert_clean(run)
    assert len(run.probe) == len(HOSTILE_TITLES)
    for title, tip in zip(HOSTILE_TITLES, run.probe):
        assert tip["hidden"] is False
        assert title in tip["text"]
        assert tip["elements"] == 0


def test_two_thousand_nodes_draw_at_once(browser, tmp_path):
    g = synthetic_network(2000, seed=5)
    out = tmp_path / "big.html"
    summary = viz.draw_html(g, out, max_nodes=5000)
    run = browser.open(out)
    assert_clean(run)
    assert run.state["nodes"] == summary.nodes == g.number_of_nodes()
    # Physics off and positions precomputed: the first frame comes in well
    # under the seconds vis-network's own layout would need.
    assert run.first_draw_ms < 8000, run.first_draw_ms


def test_empty_graph_says_so_without_errors(browser, tmp_path):
    import networkx as nx

    out = tmp_path / "empty.html"
    summary = viz.draw_html(nx.DiGraph(), out)
    run = browser.open(out, probe="document.getElementById('zg-empty').textContent")
    assert summary.nodes == 0 and run.first_draw_ms is not None
    assert run.errors == [] and run.requests == [run.url]
    assert "Nothing to draw" in run.probe
