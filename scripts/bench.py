"""zangraph's benchmark: extraction, store load, build at three sizes,
named-query latency on a store of at least a million triples, and the HTML
network, measured in one run on one synthetic corpus.

The corpus is made from the documents in data/: each is cut into paragraphs
(at blank lines) and the paragraphs are dealt, reshuffled, into many new
documents of 40-160 KB, so no document repeats and no per-document cache can
help; every figure below is measured on the same text.

    .venv/bin/python scripts/bench.py --quick           # < 5 minutes on 2 cores
    .venv/bin/python scripts/bench.py                   # sizes 4, 16, 64 MB
    .venv/bin/python scripts/bench.py --quick --json    # last line: one JSON object

What is compared with what:
  extraction   repair + extract + resolve (graph.pipeline.process_text), one
               process, MB of UTF-8 per CPU-second (per core: the figure that
               holds on a shared machine; wall-clock MB/s is printed too);
               against spaCy's spacy.blank("xx") tokenizer alone, same text;
               and the same on real acts read once each (tests/heldout/docs
               and ../shared/eval/adilet-dev/docs when present).
  load         the N-Quads of the extracted documents: pyoxigraph's bulk
               loader into a new on-disk store; the same written the way
               `build` writes them (GraphStore.load_documents: each triple
               into its document graph and the union graph, hashes after);
               pyoxigraph's bulk loader into memory; rdflib parsing the same
               N-Quads into an in-memory Dataset.
  build        `zangraph build` as a user runs it (all cores), at three corpus
               sizes, with the peak memory of the whole process tree.
  queries      every named query (graph/queries/*.rq, default parameters) on
               the largest store (at least 1M triples), p50/p95 in ms.
  network      graph.viz.draw_html for a 2,000-node network (the synthetic
               one of tests/viz) and for the largest store's own network.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MILLION = 1_000_000


# -- corpus -----------------------------------------------------------------

def paragraphs(sources: list[Path]) -> list[str]:
    """Every non-empty paragraph (blank-line separated) of the source texts."""
    out = []
    for src in sources:
        text = src.read_text(encoding="utf-8")
        out.extend(p.strip("\n") for p in re.split(r"\n[ \t]*\n", text) if p.strip())
    return out


def make_corpus(pool: list[str], out: Path, mb: float, seed: int, prefix: str) -> list[Path]:
    """Documents of 40-160 KB dealt from shuffled copies of the paragraph pool
    until the corpus holds `mb` MB."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    deck: list[str] = []
    files, total, n = [], 0, 0
    while total < mb * 1e6:
        target = rng.randint(40_000, 160_000)
        parts, size = [], 0
        while size < target:
            if not deck:
                deck = pool[:]
                rng.shuffle(deck)
            p = deck.pop()
            parts.append(p)
            size += len(p.encode("utf-8")) + 2
        path = out / f"{prefix}{n:05d}.txt"
        data = "\n\n".join(parts) + "\n"
        path.write_text(data, encoding="utf-8")
        files.append(path)
        total += len(data.encode("utf-8"))
        n += 1
    return files


def corpus_mb(files: list[Path]) -> float:
    return sum(f.stat().st_size for f in files) / 1e6


# -- measurements -----------------------------------------------------------

def bench_extract(files: list[Path], warmup: str) -> tuple[dict, list[tuple[str, bytes, str, int, str]]]:
    """Single-process extraction; returns the figures and each document's
    N-Quads (for the load comparison, not timed here)."""
    from graph.pipeline import process_text
    from graph.rdf import document_quads, nquads
    from graph.iri import DEFAULT_BASE, document_graph
    from graph.statistics import document_share

    process_text("warmup.txt", warmup)  # imports, lexicons: a worker's one-off start
    texts = [(f.name, f.read_text(encoding="utf-8")) for f in files]
    mb = sum(len(t.encode("utf-8")) for _, t in texts) / 1e6
    results = []
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    for name, text in texts:
        results.append(process_text(name, text))
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    mentions = sum(len(r.mentions) for r in results)
    started = time.perf_counter()
    batch = []
    for r in results:
        quads = document_quads(r, DEFAULT_BASE)
        # the document's statistics share, as the build workers compute it (graph/statistics.py)
        batch.append((document_graph(DEFAULT_BASE, r.doc), nquads(quads), r.sha256, len(quads),
                      document_share(quads)))
    rdf_s = time.perf_counter() - started
    figures = {"mb": mb, "docs": len(texts), "seconds": wall, "cpu_seconds": cpu,
               "mb_per_s": mb / wall, "mb_per_cpu_s": mb / cpu, "mentions": mentions, "mentions_per_mb": mentions / mb,
               "rdf_mb_per_s": mb / rdf_s, "quads": sum(b[3] for b in batch)}
    return figures, batch


def bench_stages(files: list[Path], limit_mb: float) -> dict[str, float]:
    """Seconds per MB in each stage (repair, each extractor, resolve), for
    the owners of the stages: what to make faster first."""
    from graph.extract import ORDER, Findings
    from graph.repair import repair
    from graph.resolve import resolve

    spent = {"repair": 0.0, **{t: 0.0 for t, _ in ORDER}, "resolve": 0.0}
    mb = 0.0
    for f in files:
        text = f.read_text(encoding="utf-8")
        mb += len(text.encode("utf-8")) / 1e6
        t = time.perf_counter()
        rep = repair(text)
        spent["repair"] += time.perf_counter() - t
        found = Findings(rep.text)
        for type_, module in ORDER:
            t = time.perf_counter()
            found.by_type[type_] = module.find(rep.text, found)
            spent[type_] += time.perf_counter() - t
        t = time.perf_counter()
        resolve(found)
        spent["resolve"] += time.perf_counter() - t
        if mb >= limit_mb:
            break
    return {k: v / mb for k, v in spent.items()}


def bench_real(files: list[Path]) -> dict:
    """Extraction against spaCy's tokenizer on real, varied acts (each read
    once, in order): a check that the synthetic corpus, cut from one document,
    does not flatter the word-level caches."""
    import spacy
    from graph.pipeline import process_text

    texts = [f.read_text(encoding="utf-8") for f in files]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    nlp = spacy.blank("xx")
    gc.collect()
    cpu = time.process_time()
    for i, text in enumerate(texts):
        process_text(f"real{i}.txt", text)
    ours = time.process_time() - cpu
    cpu = time.process_time()
    for text in texts:
        nlp.make_doc(text)
    theirs = time.process_time() - cpu
    return {"mb": mb, "docs": len(texts), "mb_per_cpu_s": mb / ours, "spacy_mb_per_cpu_s": mb / theirs}


def bench_spacy(files: list[Path], warmup: str) -> dict:
    import spacy

    nlp = spacy.blank("xx")
    nlp.make_doc(warmup)
    texts = [f.read_text(encoding="utf-8") for f in files]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    gc.collect()
    started, cpu = time.perf_counter(), time.process_time()
    tokens = 0
    for text in texts:
        tokens += len(nlp.make_doc(text))
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"mb": mb, "seconds": seconds, "cpu_seconds": cpu, "mb_per_s": mb / seconds,
            "mb_per_cpu_s": mb / cpu, "tokens": tokens}


def bench_load(batch: list[tuple[str, bytes, str, int, str]], workdir: Path) -> dict:
    """The same N-Quads into pyoxigraph (on disk, as `build` writes; and in
    memory) and into rdflib (in memory)."""
    import pyoxigraph
    import rdflib

    from graph.store import GraphStore

    quads = sum(b[3] for b in batch)
    data = b"".join(b[1] for b in batch)
    out = {"quads": quads, "nquads_mb": len(data) / 1e6}

    path = workdir / "load-store"
    shutil.rmtree(path, ignore_errors=True)
    gc.collect()
    with GraphStore(str(path)) as store:
        started, cpu = time.perf_counter(), time.process_time()
        store.load_documents(batch)
        store.store.flush()
        out["oxigraph_disk_s"] = time.perf_counter() - started
        out["oxigraph_disk_cpu_s"] = time.process_time() - cpu
        assert len(store) == quads, (len(store), quads)
    shutil.rmtree(path, ignore_errors=True)

    raw = workdir / "load-raw"
    shutil.rmtree(raw, ignore_errors=True)
    disk = pyoxigraph.Store(str(raw))
    gc.collect()
    started, cpu = time.perf_counter(), time.process_time()
    disk.bulk_load(data, format=pyoxigraph.RdfFormat.N_QUADS)
    disk.flush()
    out["oxigraph_raw_s"] = time.perf_counter() - started
    out["oxigraph_raw_cpu_s"] = time.process_time() - cpu
    del disk
    shutil.rmtree(raw, ignore_errors=True)

    mem = pyoxigraph.Store()
    gc.collect()
    started, cpu = time.perf_counter(), time.process_time()
    mem.bulk_load(data, format=pyoxigraph.RdfFormat.N_QUADS)
    out["oxigraph_memory_s"] = time.perf_counter() - started
    out["oxigraph_memory_cpu_s"] = time.process_time() - cpu
    del mem

    gc.collect()
    started, cpu = time.perf_counter(), time.process_time()
    ds = rdflib.Dataset()
    ds.parse(data=data, format="nquads")
    out["rdflib_s"] = time.perf_counter() - started
    out["rdflib_cpu_s"] = time.process_time() - cpu
    loaded = sum(len(g) for g in ds.graphs())
    assert loaded >= quads * 0.99, (loaded, quads)
    del ds
    gc.collect()
    for k in ("oxigraph_raw", "oxigraph_disk", "oxigraph_memory", "rdflib"):
        out[f"{k}_triples_per_s"] = quads / out[f"{k}_s"]
        out[f"{k}_triples_per_cpu_s"] = quads / out[f"{k}_cpu_s"]
    return out


class TreeMemory:
    """Peak resident memory of a process and all its descendants, sampled."""

    def __init__(self, pid: int, every: float = 0.1):
        self.pid, self.every, self.peak = pid, every, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        import psutil

        root = psutil.Process(self.pid)
        while not self._stop.is_set():
            try:
                procs = [root] + root.children(recursive=True)
                total = 0
                for p in procs:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                return
            time.sleep(self.every)


def bench_build(corpus: Path, store: Path, jobs: int) -> dict:
    """`zangraph build` as a user runs it: wall time, quads, peak memory."""
    shutil.rmtree(store, ignore_errors=True)
    cmd = [sys.executable, "-m", "graph.cli", "build", str(corpus), "--store", str(store),
           "--quiet", "--jobs", str(jobs)]
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    with TreeMemory(proc.pid) as mem:
        stdout, stderr = proc.communicate()
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    if proc.returncode != 0:
        raise SystemExit(f"build failed ({proc.returncode}): {stderr[-2000:]}")
    quads = int(re.search(r"^quads\s+(\d+)", stdout, re.M).group(1))
    docs = int(re.search(r"^documents\s+(\d+)", stdout, re.M).group(1))
    mb = sum(f.stat().st_size for f in corpus.glob("*.txt")) / 1e6
    return {"mb": mb, "docs": docs, "quads": quads, "seconds": seconds, "mb_per_s": mb / seconds,
            "cpu_seconds": cpu, "cpu_s_per_mb": cpu / mb, "quads_per_s": quads / seconds,
            "peak_rss_mb": mem.peak / 1e6, "jobs": jobs, "load_average": os.getloadavg()[0]}


def bench_rebuild(corpus: Path, store: Path, jobs: int) -> float:
    """A second build of an unchanged corpus: seconds to find nothing to do."""
    cmd = [sys.executable, "-m", "graph.cli", "build", str(corpus), "--store", str(store),
           "--quiet", "--jobs", str(jobs)]
    started = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    if proc.returncode != 0 or "(0 built" not in proc.stdout:
        raise SystemExit(f"rebuild did work or failed: {proc.stdout} {proc.stderr[-1000:]}")
    return time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def bench_queries(store_path: Path, repeat: int, budget_s: float) -> dict:
    from graph import query as q
    from graph.store import GraphStore

    per_query, every = {}, []
    with GraphStore(str(store_path), read_only=True) as store:
        triples = len(store)
        for nq in q.named_queries().values():
            q.run(store, nq.sparql)  # warm: parse, caches
            times = []
            spent = time.perf_counter()
            for _ in range(repeat):
                started = time.perf_counter()
                answer = q.run(store, nq.sparql)
                times.append((time.perf_counter() - started) * 1000)
                if time.perf_counter() - spent > budget_s:
                    break
            per_query[nq.name] = {"p50_ms": percentile(times, 0.5), "p95_ms": percentile(times, 0.95),
                                  "runs": len(times), "rows": len(answer)}
            every.extend(times)
    return {"triples": triples, "p50_ms": percentile(every, 0.5), "p95_ms": percentile(every, 0.95),
            "per_query": per_query}


def bench_network(store_path: Path, workdir: Path) -> dict:
    from graph import viz
    from graph.store import GraphStore
    from tests.viz.synthetic import synthetic_network

    g = synthetic_network(2000, seed=11)
    started = time.perf_counter()
    drawn = viz.draw_html(g, workdir / "synthetic-2000.html", max_nodes=2000)
    synthetic_s = time.perf_counter() - started
    with GraphStore(str(store_path), read_only=True) as store:
        started = time.perf_counter()
        real = viz.build_network(store)
        read_s = time.perf_counter() - started
    started = time.perf_counter()
    real_drawn = viz.draw_html(real, workdir / "store.html", max_nodes=2000)
    real_s = time.perf_counter() - started
    return {"synthetic_nodes": drawn.nodes, "synthetic_edges": drawn.edges, "synthetic_s": synthetic_s,
            "store_nodes": real_drawn.nodes, "store_edges": real_drawn.edges,
            "store_read_s": read_s, "store_draw_s": real_s}


def machine() -> dict:
    import pyoxigraph
    import rdflib
    import spacy

    info = {"nproc": os.cpu_count(), "python": platform.python_version(),
            "pyoxigraph": pyoxigraph.__version__ if hasattr(pyoxigraph, "__version__") else "?",
            "rdflib": rdflib.__version__, "spacy": spacy.__version__, "platform": platform.platform()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                info["memory_gb"] = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return info


# -- report -----------------------------------------------------------------

def report(r: dict) -> str:
    ex, sp, ld, qu, nw = r["extract"], r["spacy"], r["load"], r["queries"], r["network"]
    m = r["machine"]
    lines = [
        f"Machine: {m.get('cpu', '?')}, {m['nproc']} cores, {m.get('memory_gb', '?')} GB; "
        f"Python {m['python']}, pyoxigraph {m['pyoxigraph']}, rdflib {m['rdflib']}, spaCy {m['spacy']}; "
        f"load average {r['load_average'][0]:.1f} at the start, {r['load_average'][1]:.1f} at the end "
        "(above the core count, other work shared the machine: CPU-second figures hold, wall ones suffer)",
        "",
        "| measure | zangraph | baseline | ratio (target) |",
        "|---|---|---|---|",
        f"| extraction, MB per CPU-second ({ex['mb']:.1f} MB, {ex['docs']} docs) | {ex['mb_per_cpu_s']:.3f} "
        f"| spaCy blank('xx') tokenizer {sp['mb_per_cpu_s']:.3f} | {ex['mb_per_cpu_s'] / sp['mb_per_cpu_s']:.2f}x (>= 2x) |",
        f"| the same on {r['real']['docs']} real acts, each once ({r['real']['mb']:.2f} MB: tests/heldout, adilet-dev when present) "
        f"| {r['real']['mb_per_cpu_s']:.3f} | spaCy {r['real']['spacy_mb_per_cpu_s']:.3f} "
        f"| {r['real']['mb_per_cpu_s'] / r['real']['spacy_mb_per_cpu_s']:.2f}x |",
        f"| extraction, MB/s wall, one process | {ex['mb_per_s']:.3f} "
        f"| spaCy blank('xx') tokenizer {sp['mb_per_s']:.3f} | {ex['mb_per_s'] / sp['mb_per_s']:.2f}x |",
        f"| store load, triples/s ({ld['quads']:,} quads): pyoxigraph bulk loader, on disk | {ld['oxigraph_raw_triples_per_s']:,.0f} "
        f"| rdflib in memory {ld['rdflib_triples_per_s']:,.0f} | {ld['oxigraph_raw_triples_per_s'] / ld['rdflib_triples_per_s']:.1f}x (>= 5x) |",
        f"| store load as `build` writes (named graph + union graph + hashes), on disk | {ld['oxigraph_disk_triples_per_s']:,.0f} "
        f"| rdflib in memory {ld['rdflib_triples_per_s']:,.0f} | {ld['oxigraph_disk_triples_per_s'] / ld['rdflib_triples_per_s']:.1f}x |",
        f"| store load, triples per CPU-second (all loader threads) | {ld['oxigraph_disk_triples_per_cpu_s']:,.0f} (on disk) "
        f"| rdflib {ld['rdflib_triples_per_cpu_s']:,.0f} | {ld['oxigraph_disk_triples_per_cpu_s'] / ld['rdflib_triples_per_cpu_s']:.1f}x |",
        f"| store load in memory, triples/s | {ld['oxigraph_memory_triples_per_s']:,.0f} "
        f"| rdflib in memory {ld['rdflib_triples_per_s']:,.0f} | {ld['oxigraph_memory_triples_per_s'] / ld['rdflib_triples_per_s']:.1f}x |",
        f"| named queries on {qu['triples']:,} triples, p50 / p95 ms | {qu['p50_ms']:.1f} / {qu['p95_ms']:.1f} | | p95 <= 200 ms |",
        f"| HTML network, {nw['synthetic_nodes']} nodes (synthetic) | {nw['synthetic_s']:.2f} s | | |",
        f"| HTML network of the largest store ({nw['store_nodes']} nodes) | read {nw['store_read_s']:.2f} s + write {nw['store_draw_s']:.2f} s | | |",
        "",
        f"Mentions: {ex['mentions_per_mb']:.0f} per MB; RDF writing {ex['rdf_mb_per_s']:.2f} MB/s; "
        f"{ex['quads'] / ex['mb']:,.0f} quads per MB of text.",
        "",
        "Extraction cost by stage (seconds per MB, one core):",
        "",
        "| " + " | ".join(r["stages"]) + " |",
        "|" + "---|" * len(r["stages"]),
        "| " + " | ".join(f"{v:.2f}" for v in r["stages"].values()) + " |",
        "",
        f"`zangraph build` (--jobs {r['builds'][0]['jobs']}), cost by corpus size:",
        "",
        "| corpus MB | documents | quads | wall s | MB/s wall | CPU s per MB | peak memory MB (all processes) | load avg |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for b in r["builds"]:
        lines.append(f"| {b['mb']:.1f} | {b['docs']} | {b['quads']:,} | {b['seconds']:.1f} | {b['mb_per_s']:.3f} "
                     f"| {b['cpu_s_per_mb']:.2f} | {b['peak_rss_mb']:.0f} | {b['load_average']:.1f} |")
    lines += ["", f"Rebuild of the largest corpus, nothing changed: {r['rebuild_s']:.1f} s.", "",
              "Named queries (p50 / p95 ms, rows):", "", "| query | p50 | p95 | rows |", "|---|---|---|---|"]
    for name, v in qu["per_query"].items():
        lines.append(f"| {name} | {v['p50_ms']:.1f} | {v['p95_ms']:.1f} | {v['rows']} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sizes (finishes in < 5 minutes on 2 cores)")
    ap.add_argument("--json", action="store_true", help="print one JSON object as the last line")
    ap.add_argument("--source", type=Path, nargs="*", default=[ROOT / "data"], help="folders of source texts")
    ap.add_argument("--sizes", type=float, nargs=2, metavar="MB",
                    help="the two smaller build sizes in MB (the third is the query store)")
    ap.add_argument("--extract-mb", type=float, help="MB for the single-core extraction run")
    ap.add_argument("--triples", type=int, default=MILLION, help="at least this many triples in the query store")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--workdir", type=Path, help="keep the corpora and stores here (default: a temp dir)")
    ap.add_argument("--seed", type=int, default=20121022)
    args = ap.parse_args(argv)

    sizes = args.sizes or ([0.5, 2.0] if args.quick else [4.0, 16.0])
    extract_mb = args.extract_mb or (2.0 if args.quick else 6.0)
    sources = sorted(p for s in args.source for p in (s.rglob("*.txt") if s.is_dir() else [s]))
    pool = paragraphs(sources)
    if not pool:
        raise SystemExit(f"no text under {args.source}")
    work = args.workdir or Path(tempfile.mkdtemp(prefix="zangraph-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    log = lambda msg: print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)  # noqa: E731
    started = time.perf_counter()
    r: dict = {"machine": machine(), "quick": args.quick, "load_average": [os.getloadavg()[0]]}
    try:
        warmup = "\n\n".join(pool[:20])
        files = make_corpus(pool, work / "extract", extract_mb, args.seed, "x")
        log(f"extraction: {corpus_mb(files):.1f} MB in {len(files)} documents, one core")
        r["extract"], batch = bench_extract(files, warmup)
        log(f"  {r['extract']['mb_per_s']:.3f} MB/s")
        r["spacy"] = bench_spacy(files, warmup)
        log(f"spaCy tokenizer: {r['spacy']['mb_per_s']:.3f} MB/s")
        real = sorted((ROOT / "tests" / "heldout" / "docs").glob("*.txt"))
        real += sorted((ROOT.parent / "shared" / "eval" / "adilet-dev" / "docs").glob("*.txt"))
        r["real"] = bench_real(real)
        log(f"real acts: {r['real']['mb_per_cpu_s']:.3f} MB/CPU-s against spaCy {r['real']['spacy_mb_per_cpu_s']:.3f}")
        r["stages"] = bench_stages(files, 0.5 if args.quick else 2.0)
        r["load"] = bench_load(batch, work)
        del batch
        log(f"load: oxigraph {r['load']['oxigraph_disk_triples_per_s']:,.0f}/s, rdflib {r['load']['rdflib_triples_per_s']:,.0f}/s")

        quads_per_mb = r["extract"]["quads"] / r["extract"]["mb"]
        store_mb = max(sizes[-1] * 2, args.triples / quads_per_mb * 1.1)
        r["builds"] = []
        for i, mb in enumerate([*sizes, store_mb]):
            corpus = make_corpus(pool, work / f"corpus-{i}", mb, args.seed + 1 + i, f"c{i}_")
            log(f"build {i + 1}/3: {corpus_mb(corpus):.1f} MB, {len(corpus)} documents, --jobs {args.jobs}")
            r["builds"].append(bench_build(work / f"corpus-{i}", work / f"store-{i}", args.jobs))
            b = r["builds"][-1]
            log(f"  {b['seconds']:.1f} s, {b['quads']:,} quads, peak {b['peak_rss_mb']:.0f} MB")
        big = work / "store-2"
        r["rebuild_s"] = bench_rebuild(work / "corpus-2", big, args.jobs)
        log("named queries")
        r["queries"] = bench_queries(big, repeat=10 if args.quick else 30, budget_s=3 if args.quick else 20)
        log("network")
        r["network"] = bench_network(big, work)
    finally:
        if args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)
    r["seconds"] = time.perf_counter() - started
    r["load_average"].append(os.getloadavg()[0])
    print(report(r))
    print(f"\nbench took {r['seconds']:.0f} s")
    if args.json:
        ex, sp, ld, qu = r["extract"], r["spacy"], r["load"], r["queries"]
        summary = {
            "extract_mb_per_s": round(ex["mb_per_cpu_s"], 4),
            "spacy_tokenizer_mb_per_s": round(sp["mb_per_cpu_s"], 4),
            "extract_vs_spacy": round(ex["mb_per_cpu_s"] / sp["mb_per_cpu_s"], 3),
            "extract_wall_mb_per_s": round(ex["mb_per_s"], 4),
            "extract_real_acts_vs_spacy": round(r["real"]["mb_per_cpu_s"] / r["real"]["spacy_mb_per_cpu_s"], 3),
            "spacy_tokenizer_wall_mb_per_s": round(sp["mb_per_s"], 4),
            "load_triples_per_s": round(ld["oxigraph_raw_triples_per_s"]),
            "load_build_path_triples_per_s": round(ld["oxigraph_disk_triples_per_s"]),
            "load_memory_triples_per_s": round(ld["oxigraph_memory_triples_per_s"]),
            "load_triples_per_cpu_s": round(ld["oxigraph_disk_triples_per_cpu_s"]),
            "rdflib_load_triples_per_cpu_s": round(ld["rdflib_triples_per_cpu_s"]),
            "rdflib_load_triples_per_s": round(ld["rdflib_triples_per_s"]),
            "load_vs_rdflib": round(ld["oxigraph_raw_triples_per_s"] / ld["rdflib_triples_per_s"], 2),
            "query_p50_ms": round(qu["p50_ms"], 2),
            "query_p95_ms": round(qu["p95_ms"], 2),
            "triples": qu["triples"],
            "corpus_mb": round(sum(b["mb"] for b in r["builds"]) + ex["mb"], 2),
            "network_2000_nodes_s": round(r["network"]["synthetic_s"], 3),
            "builds": [{k: (round(v, 3) if isinstance(v, float) else v) for k, v in b.items()} for b in r["builds"]],
            "peak_rss_mb": round(max(b["peak_rss_mb"] for b in r["builds"])),
            "rebuild_unchanged_s": round(r["rebuild_s"], 2),
            "stages_s_per_mb": {k: round(v, 3) for k, v in r["stages"].items()},
            "machine": r["machine"],
            "load_average": r["load_average"],
            "quick": args.quick,
            "seconds": round(r["seconds"], 1),
        }
        print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
