"""The `zangraph` command: one verb per pipeline stage, plus `run` for the main job.

Heavy libraries (pyoxigraph, rdflib, pyvis, networkx) are imported inside the
verbs that need them, so `zangraph extract` starts fast.
"""
from __future__ import annotations

import contextlib
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from .read import UnreadableFile, iter_paths

EXIT_SKIPPED = 3  # the run finished, but at least one input was reported and skipped

app = typer.Typer(
    name="zangraph",
    help=(
        "A knowledge graph of the legal references in Kazakhstan's legislation.\n\n"
        "Pipeline: read -> repair -> extract -> resolve -> RDF -> store -> query / viz / export.\n\n"
        "Start with:  zangraph run data/ --out out/"
    ),
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _err(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _skip(path: str, reason: str) -> None:
    _err(f"zangraph: skipped {path}: {reason}")


def _store_option():
    return typer.Option(None, "--store", help="Store directory (default: $ZANGRAPH_STORE or ./.zangraph/store).")


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


@app.command()
def extract(
    files: list[Path] = typer.Argument(..., help="Text files (or directories of .txt files) to read."),
    format: ExtractFormat = typer.Option(ExtractFormat.jsonl, "--format", "-f", help="jsonl: one GOLD_SPEC mention a line, with start_char/end_char; table: for people."),
    no_repair: bool = typer.Option(False, "--no-repair", help="Skip the repair stage (to measure its effect)."),
) -> None:
    """Find the legal references in FILES and print them, one mention a line.

    Example: zangraph extract data/000_952bf01caa31bc66.txt --format jsonl > mentions.jsonl

    Offsets (start_char, end_char, end exclusive) and line (1-based) point into
    the original, unrepaired file.
    """
    from .pipeline import process_file

    skipped = 0
    out = sys.stdout
    for path in iter_paths(files):
        try:
            result = process_file(path, do_repair=not no_repair)
        except UnreadableFile as exc:
            _skip(exc.path, exc.reason)
            skipped += 1
            continue
        if format is ExtractFormat.jsonl:
            for m in result.mentions:
                out.write(json.dumps(m.to_json(), ensure_ascii=False) + "\n")
        else:
            _print_mention_table(result)
    out.flush()
    if skipped:
        raise typer.Exit(EXIT_SKIPPED)


def _print_mention_table(result) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{result.doc}: {len(result.mentions)} mentions", show_lines=False)
    for col in ("line", "type", "what", "text"):
        table.add_column(col, overflow="fold")
    for m in result.mentions:
        what = "; ".join(f"{k}={_short(v)}" for k, v in m.fields.items())
        table.add_row(str(m.line), m.type, what, m.text)
    Console(width=max(120, Console().width)).print(table)


def _short(value, limit: int = 60) -> str:
    text = json.dumps(value, ensure_ascii=False) if isinstance(value, (dict, list)) else str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@app.command()
def repair(file: Path = typer.Argument(..., help="A text file exported from the legal database.")) -> None:
    """Print FILE with its PDF-export damage repaired (letter-spacing, displaced
    link anchors, page breaks, look-alike letters).

    Example: zangraph repair data/000_952bf01caa31bc66.txt | less
    """
    from .read import read_source
    from .repair import repair as do_repair

    try:
        src = read_source(file)
    except UnreadableFile as exc:
        _skip(exc.path, exc.reason)
        raise typer.Exit(EXIT_SKIPPED)
    sys.stdout.write(do_repair(src.text).text)


def _store_path(store: Optional[Path]) -> Path:
    from .store import default_store_path

    return Path(store) if store else Path(default_store_path())


def _open_existing_store(store: Optional[Path], *, read_only: bool = False):
    """Open a store that a build made; a clear message instead of an empty store."""
    from .store import GraphStore

    path = _store_path(store)
    if not path.exists():
        _err(f"zangraph: no store at {path}: run `zangraph build PATH --store {path}` first")
        raise typer.Exit(1)
    return GraphStore(str(path), read_only=read_only)


def _progress_printer(enabled: bool):
    """Rich progress bar on a terminal, one plain line per file otherwise."""
    if not enabled:
        return None, None
    if sys.stderr.isatty():
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                                   TimeRemainingColumn)

        bar = Progress(TextColumn("building"), BarColumn(), MofNCompleteColumn(),
                       TextColumn("{task.fields[rate]} MB/s  {task.fields[mentions]} mentions"),
                       TimeRemainingColumn(), transient=False)
        task = bar.add_task("build", total=None, rate="0.00", mentions=0)
        started = [None]

        def update(ev) -> None:
            import time

            if started[0] is None:
                started[0] = time.perf_counter()
            elapsed = max(time.perf_counter() - started[0], 1e-6)
            bar.update(task, total=ev.total, completed=ev.done, mentions=ev.mentions,
                       rate=f"{ev.bytes_done / 1e6 / elapsed:.2f}")
            if ev.status == "skipped":
                bar.console.print(f"skipped {ev.path}: {ev.detail}")

        return update, bar

    def plain(ev) -> None:
        line = f"[{ev.done}/{ev.total}] {ev.status} {ev.path}"
        if ev.detail:
            line += f": {ev.detail}"
        _err(line)

    return plain, None


def _build(paths: list[Path], store: Optional[Path], base: Optional[str], jobs: Optional[int],
           no_repair: bool, quiet: bool, max_mb: Optional[float] = None):
    from .build import BuildInterrupted
    from .build import build as do_build
    from .read import MAX_BYTES
    from .store import GraphStore

    path = _store_path(store)
    path.parent.mkdir(parents=True, exist_ok=True)
    update, bar = _progress_printer(not quiet)
    max_bytes = int(max_mb * 1e6) if max_mb else MAX_BYTES
    try:
        with GraphStore(str(path)) as graph_store:
            with bar if bar is not None else contextlib.nullcontext():
                summary = do_build(paths, graph_store, base=base, jobs=jobs, do_repair=not no_repair,
                                   progress=update, max_bytes=max_bytes)
    except BuildInterrupted as stop:
        _print_summary(path, stop.summary)
        _err(f"zangraph: interrupted; the {stop.summary.built} documents built so far are saved: "
             f"run the same command again to resume")
        raise typer.Exit(130)
    return path, summary


def _print_summary(path: Path, summary) -> None:
    mentions = ", ".join(f"{n} {t}" for t, n in summary.mentions.items())
    print(f"store      {path}")
    print(f"documents  {summary.documents} ({summary.built} built, {summary.unchanged} unchanged, "
          f"{len(summary.skipped)} skipped) in {summary.seconds:.1f} s")
    print(f"mentions   {mentions}")
    print(f"quads      {summary.triples}")
    for s in summary.skipped:
        print(f"skipped    {s.path}: {s.reason}")


@app.command()
def build(
    paths: list[Path] = typer.Argument(..., help="Files and directories (every .txt under them) to build from."),
    store: Optional[Path] = _store_option(),
    base: Optional[str] = typer.Option(None, "--base", help="Base IRI for minted resources (default: graph.iri.DEFAULT_BASE)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Worker processes for extraction (default: all cores)."),
    no_repair: bool = typer.Option(False, "--no-repair", help="Skip the repair stage."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress output."),
    max_mb: Optional[float] = typer.Option(None, "--max-mb", help="Skip (and report) files larger than this many MB (default 50)."),
) -> None:
    """Extract every document under PATHS and load it into the on-disk store.

    Each document goes into a named graph of its own; a document whose content
    has not changed since the last build is skipped, so building twice gives
    the same graph and an interrupted build resumes where it stopped.

    Example: zangraph build data/ --store .zangraph/store --jobs 2
    """
    path, summary = _build(paths, store, base, jobs, no_repair, quiet, max_mb)
    _print_summary(path, summary)
    if summary.skipped:
        raise typer.Exit(EXIT_SKIPPED)


@app.command()
def push(
    url: str = typer.Argument(..., help="The server's Graph Store Protocol endpoint (graphs go to URL?graph=IRI)."),
    store: Optional[Path] = _store_option(),
    user: Optional[str] = typer.Option(None, "--user", "-u", help="User name for the server."),
    password: Optional[str] = typer.Option(None, "--password", envvar="ZANGRAPH_PUSH_PASSWORD",
                                           help="Password (better: set $ZANGRAPH_PUSH_PASSWORD)."),
    auth: str = typer.Option("auto", "--auth", help="auto (answer the server's challenge), basic (send at once) or digest."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress output."),
) -> None:
    """Copy every document graph to an external SPARQL 1.1 store (Virtuoso,
    Fuseki, GraphDB) over the Graph Store Protocol: one PUT per named graph,
    which replaces that graph on the server, so pushing again is safe.

    \b
    Examples:
      zangraph push http://localhost:8890/sparql-graph-crud-auth --user dba   (Virtuoso)
      zangraph push http://localhost:3030/zangraph/data                        (Fuseki)
      zangraph push http://localhost:7200/repositories/zangraph/rdf-graphs/service  (GraphDB)
    """
    from .push import PushError
    from .push import push as do_push

    if auth not in ("auto", "basic", "digest"):
        _err("zangraph push: --auth is auto, basic or digest")
        raise typer.Exit(2)

    def report(p) -> None:
        if not quiet:
            _err(f"[{p.done}/{p.total}] {p.graph}: {p.triples} triples, HTTP {p.status}")

    graph_store = _open_existing_store(store, read_only=True)
    try:
        summary = do_push(graph_store, url, user=user, password=password, auth=auth, progress=report)
    except PushError as exc:
        _err(f"zangraph push: {exc}")
        raise typer.Exit(1)
    finally:
        graph_store.close()
    print(f"pushed     {summary.graphs} graphs, {summary.triples} triples "
          f"({summary.bytes / 1e6:.1f} MB) to {url} in {summary.seconds:.1f} s")


class QueryFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command()
def query(
    sparql: Optional[str] = typer.Argument(None, help="A SPARQL 1.1 SELECT, ASK or CONSTRUCT query."),
    file: Optional[Path] = typer.Option(None, "--file", help="Read the query from a .rq file."),
    name: Optional[str] = typer.Option(None, "--name", "-n", help="Run a named query (see --list)."),
    param: list[str] = typer.Option([], "--param", "-p", help="NAME=VALUE for a named query's parameter (repeatable)."),
    list_: bool = typer.Option(False, "--list", help="List the named queries: NAME  description."),
    store: Optional[Path] = _store_option(),
    format: QueryFormat = typer.Option(QueryFormat.table, "--format", "-f", help="table, csv, or json (SPARQL 1.1 Query Results JSON)."),
) -> None:
    """Run a SPARQL query over the store (all named graphs are queried as one).

    \b
    Examples:
      zangraph query --list
      zangraph query --name most-cited-acts
      zangraph query 'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }' --format json
    """
    from . import query as q

    if list_:
        for nq in q.named_queries().values():
            print(f"{nq.name:<28} {nq.description}")
        return
    chosen = [x for x in (sparql, file, name) if x]
    if len(chosen) != 1:
        _err("zangraph query: give exactly one of SPARQL, --file FILE or --name NAME (or --list)")
        raise typer.Exit(2)
    if file:
        if not file.is_file():
            _err(f"zangraph query: {file}: no such file")
            raise typer.Exit(2)
        text = file.read_text(encoding="utf-8")
    elif name:
        queries = q.named_queries()
        if name not in queries:
            _err(f"zangraph query: no named query {name!r}; known: {', '.join(queries)}")
            raise typer.Exit(2)
        text = queries[name].sparql
    else:
        text = sparql
    params = {}
    for item in param:
        key, sep, value = item.partition("=")
        if not sep:
            _err(f"zangraph query: --param wants NAME=VALUE, got {item!r}")
            raise typer.Exit(2)
        params[key.lstrip("?$")] = value
    graph_store = _open_existing_store(store, read_only=True)
    try:
        answer = q.run(graph_store, text, params)
    except q.QueryError as exc:
        _err(f"zangraph query: {exc}")
        raise typer.Exit(1)
    finally:
        graph_store.close()
    formatter = {"table": q.format_table, "csv": q.format_csv, "json": q.format_json}[format.value]
    sys.stdout.write(formatter(answer))


class VizFormat(str, Enum):
    html = "html"
    graphml = "graphml"
    gexf = "gexf"


@app.command()
def viz(
    store: Optional[Path] = _store_option(),
    out: Path = typer.Option(Path("network.html"), "--out", "-o", help="Output file."),
    format: VizFormat = typer.Option(VizFormat.html, "--format", "-f", help="html (interactive, self-contained), graphml or gexf (for Gephi)."),
    provisions: bool = typer.Option(False, "--provisions", help="Draw cited articles as small nodes around their act."),
    focus: Optional[str] = typer.Option(None, "--focus", help="IRI of an act: draw only its neighbourhood."),
    depth: int = typer.Option(1, "--depth", help="Neighbourhood depth for --focus."),
    max_nodes: int = typer.Option(1500, "--max-nodes", help="Keep the most central nodes; the page says what was left out."),
) -> None:
    """Draw the network of acts, institutions and obligations.

    The HTML file is self-contained (no CDN, works from file:// offline).

    Example: zangraph viz --out network.html && xdg-open network.html
    """
    from . import viz as v

    graph_store = _open_existing_store(store, read_only=True)
    try:
        g = v.build_network(graph_store, provisions=provisions, focus=focus, depth=depth)
    except v.FocusNotFound as exc:
        _err(f"zangraph viz: {exc}")
        raise typer.Exit(2)
    finally:
        graph_store.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    if format is VizFormat.html:
        summary = v.draw_html(g, out, max_nodes=max_nodes)
        print(f"wrote {out}: {summary.nodes} nodes, {summary.edges} edges"
              + (f" ({summary.left_out} left out)" if summary.left_out else ""))
    else:
        v.write_graph(g, out, format.value)
        print(f"wrote {out}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges")


class ExportFormat(str, Enum):
    turtle = "turtle"
    nt = "nt"
    nq = "nq"
    trig = "trig"
    jsonld = "jsonld"


@app.command()
def export(
    store: Optional[Path] = _store_option(),
    format: ExportFormat = typer.Option(ExportFormat.turtle, "--format", "-f", help="turtle, nt (N-Triples), nq (N-Quads), trig, jsonld."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Output file (default: standard output)."),
) -> None:
    """Export the whole graph for linked-data portals.

    Triple formats (turtle, nt, jsonld) merge the documents' named graphs;
    quad formats (nq, trig) keep them.

    Example: zangraph export --format turtle --out zangraph.ttl
    """
    from . import export as ex

    graph_store = _open_existing_store(store, read_only=True)
    try:
        if out:
            out.parent.mkdir(parents=True, exist_ok=True)
            with open(out, "wb") as fh:
                ex.export(graph_store, format.value, fh)
        else:
            ex.export(graph_store, format.value, sys.stdout.buffer)
            sys.stdout.buffer.flush()
    finally:
        graph_store.close()


@app.command()
def run(
    paths: list[Path] = typer.Argument(..., help="Files and directories to process."),
    out: Path = typer.Option(Path("out"), "--out", "-o", help="Output directory: store/, graph.ttl, network.html."),
    base: Optional[str] = typer.Option(None, "--base", help="Base IRI for minted resources."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Worker processes (default: all cores)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress output."),
) -> None:
    """The main job: build the store, export Turtle, draw the network, print a summary.

    \b
    Example: zangraph run data/ --out out/
    Then:    zangraph query --store out/store --name most-cited-acts
    """
    from . import export as ex
    from . import viz as v

    out.mkdir(parents=True, exist_ok=True)
    store_dir = out / "store"
    path, summary = _build(paths, store_dir, base, jobs, False, quiet)
    graph_store = _open_existing_store(store_dir, read_only=True)
    try:
        with open(out / "graph.ttl", "wb") as fh:
            ex.export(graph_store, "turtle", fh)
        g = v.build_network(graph_store)
    finally:
        graph_store.close()
    drawn = v.draw_html(g, out / "network.html")
    _print_summary(path, summary)
    print(f"turtle     {out / 'graph.ttl'}")
    print(f"network    {out / 'network.html'} ({drawn.nodes} nodes, {drawn.edges} edges)")
    if summary.skipped:
        raise typer.Exit(EXIT_SKIPPED)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
