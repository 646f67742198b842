"""How fast the network page is written and drawn.

Generates synthetic networks shaped like zangraph's (tests/viz/synthetic.py),
times `draw_html` (centrality, layout, page) and then the first draw in
headless Chromium loaded from file:// with the network off.

    .venv/bin/python scripts/viz_bench.py                 # 500, 1000, 2000 nodes
    .venv/bin/python scripts/viz_bench.py --nodes 2000 --repeat 3
    .venv/bin/python scripts/viz_bench.py --screenshot docs/network.png --store out/store

With --store, the page of that store's network is drawn too and (with
--screenshot) photographed for the README.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph import viz  # noqa: E402
from tests.viz.chromium import find_chromium, open_page  # noqa: E402
from tests.viz.synthetic import synthetic_network  # noqa: E402


# For the README picture: frame the linked part of the graph (isolated nodes
# stay off-screen) and select the best-connected act, so its card is in the
# side panel and its neighbourhood is highlighted.
SHOWCASE = """(async function () {
  var net = window.zangraph.network;
  var nodes = JSON.parse(document.getElementById('zg-data').textContent).nodes;
  var degree = function (n) { return net.getConnectedEdges(n.id).length; };
  var linked = nodes.filter(function (n) { return degree(n) > 0; });
  var acts = nodes.filter(function (n) { return n.kind === 'act'; });
  acts.sort(function (a, b) { return degree(b) - degree(a); });
  net.fit({nodes: linked.map(function (n) { return n.id; }), animation: false});
  if (acts.length) {
    net.selectNodes([acts[0].id]);
    net.emit('selectNode', {nodes: [acts[0].id], edges: []});
  }
  await new Promise(function (r) { setTimeout(r, 300); });
  return acts.length ? acts[0].heading : null;
})()"""


def bench(n: int, repeat: int, workdir: Path, browser: str | None) -> dict:
    g = synthetic_network(n, seed=11)
    out = workdir / f"bench-{n}.html"
    write_s, draw_ms = [], []
    summary = None
    for _ in range(repeat):
        start = time.perf_counter()
        summary = viz.draw_html(g, out, max_nodes=max(n, viz.DEFAULT_MAX_NODES))
        write_s.append(time.perf_counter() - start)
        if browser:
            run = open_page(out, browser=browser)
            if run.errors or run.first_draw_ms is None:
                raise SystemExit(f"{n} nodes: the page failed in Chromium: {run.errors or run.state}")
            draw_ms.append(run.first_draw_ms)
    return {
        "nodes": summary.nodes, "edges": summary.edges, "bytes": out.stat().st_size,
        "write_s": statistics.median(write_s),
        "first_draw_ms": statistics.median(draw_ms) if draw_ms else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", type=int, nargs="*", default=[500, 1000, 2000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--store", type=Path, help="also draw this store's network")
    parser.add_argument("--provisions", action="store_true", help="with --store: draw provisions as nodes")
    parser.add_argument("--screenshot", type=Path, help="with --store: save a PNG of its page here")
    parser.add_argument("--no-browser", action="store_true", help="time the HTML writing only")
    args = parser.parse_args(argv)

    browser = None if args.no_browser else find_chromium()
    if not args.no_browser and browser is None:
        print("chromium not found: timing the HTML writing only (apt-get install -y chromium)", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="zg-bench-") as tmp:
        work = Path(tmp)
        print(f"{'nodes':>6} {'edges':>6} {'size KB':>8} {'write s':>8} {'first draw ms':>14}")
        for n in args.nodes:
            r = bench(n, args.repeat, work, browser)
            draw = f"{r['first_draw_ms']:.0f}" if r["first_draw_ms"] is not None else "-"
            print(f"{r['nodes']:>6} {r['edges']:>6} {r['bytes'] / 1024:>8.0f} {r['write_s']:>8.2f} {draw:>14}")
        if args.store:
            from graph.store import GraphStore

            with GraphStore(args.store, read_only=True) as store:
                g = viz.build_network(store, provisions=args.provisions)
            out = work / "store.html"
            start = time.perf_counter()
            summary = viz.draw_html(g, out)
            write_s = time.perf_counter() - start
            line = f"store {args.store}: {summary.nodes} nodes, {summary.edges} edges, write {write_s:.2f} s"
            if browser:
                run = open_page(out, browser=browser, screenshot=args.screenshot is not None,
                                width=1600, height=1000, probe=SHOWCASE if args.screenshot else None)
                if run.errors:
                    raise SystemExit(f"the store's page failed in Chromium: {run.errors}")
                line += f", first draw {run.first_draw_ms} ms"
                if args.screenshot:
                    args.screenshot.parent.mkdir(parents=True, exist_ok=True)
                    args.screenshot.write_bytes(run.screenshot)
                    line += f", screenshot {args.screenshot}"
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
