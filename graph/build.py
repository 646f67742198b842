"""Build stage: files -> mentions -> quads -> store, in parallel and resumably.

Extraction runs in worker processes, one document per task, with a bounded
number of tasks in flight, so memory stays flat however many files there are.
Workers send back N-Quads bytes (cheap to pickle); only the main process
writes to the store, in batches through pyoxigraph's bulk loader.

Safety rests on one rule of the store: a document's content hash is written
only after all of its quads, and removed before any of them. So at every
moment a recorded hash means a complete, current graph. An interrupted build
(Ctrl-C, SIGTERM, kill -9, power loss) leaves each document either complete
with its hash or without a hash; the next build skips the first kind and
replaces (never appends to) the second, so nothing is lost or duplicated.
The statistics the named queries read (graph.statistics) are recomputed from
the documents' shares at the end of every build, interrupted or not; a build
killed outright leaves them marked stale until the next one ends.
"""
from __future__ import annotations

import os
import signal
import time
from collections import Counter
from concurrent.futures import ALL_COMPLETED, FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .models import TYPES
from .read import MAX_BYTES

Progress = Callable[["BuildEvent"], None]

# A batch is written when it holds this many quads or N-Quads bytes; a
# bigger batch loads a little faster, costs memory in the main process (about
# 2.5 KB per quad at the peak of a bulk load: ~250 MB for 100,000), and is
# redone whole if the build is killed.
# $ZANGRAPH_BATCH_QUADS overrides it (1 writes every document at once).
BATCH_QUADS = int(os.environ.get("ZANGRAPH_BATCH_QUADS") or 100_000)
BATCH_BYTES = 32 * 1024 * 1024
# ... or when its oldest document has waited this long (so a slow corpus
# still makes progress that survives an interruption).
BATCH_SECONDS = 20.0


@dataclass(frozen=True, slots=True)
class Built:
    """What a worker sends back for one document: quads as N-Quads text
    (cheap to pickle) and its mention counts."""

    path: str
    doc: str
    graph_iri: str
    sha256: str
    nquads: bytes
    quads: int
    counts: dict[str, int]
    size: int
    share: str | None = None  # the document's statistics share (graph.statistics)


@dataclass(frozen=True, slots=True)
class Skipped:
    path: str
    reason: str
    size: int = 0


@dataclass(frozen=True, slots=True)
class Unchanged:
    path: str
    size: int


@dataclass(frozen=True, slots=True)
class BuildEvent:
    """One finished file, for progress reporting."""

    path: str
    status: str  # built | unchanged | skipped
    done: int
    total: int
    bytes_done: int
    bytes_total: int
    mentions: int
    detail: str = ""
    elapsed: float = 0.0


@dataclass(slots=True)
class BuildSummary:
    built: int = 0
    unchanged: int = 0
    mentions: Counter = field(default_factory=Counter)
    skipped: list[Skipped] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0
    bytes: int = 0
    interrupted: bool = False

    @property
    def documents(self) -> int:
        return self.built + self.unchanged


class BuildInterrupted(Exception):
    """Raised after an interrupted build has saved what it finished."""

    def __init__(self, summary: BuildSummary):
        super().__init__("build interrupted")
        self.summary = summary


@dataclass(frozen=True, slots=True)
class _Input:
    path: str
    size: int
    graph_iri: str


def _worker_init(parent: int) -> None:
    """Workers leave Ctrl-C to the main process, which stops them itself,
    and end when it dies (kill -9 gives it no chance to stop them)."""
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited by fork

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _process(path: str, base: str, known_hash: str | None, do_repair: bool,
             max_bytes: int = MAX_BYTES) -> Built | Skipped | Unchanged:
    """Worker: read, extract and turn one file into N-Quads (never raises)."""
    import hashlib

    from pyoxigraph import NamedNode, Quad

    from .iri import document_graph
    from .pipeline import process_text
    from .rdf import document_quads, nquads
    from .read import UnreadableFile, read_source
    from .statistics import document_share

    size = 0
    try:
        size = os.path.getsize(path)
        src = read_source(path, max_bytes=max_bytes)
        sha = hashlib.sha256(src.text.encode("utf-8")).hexdigest()
        if known_hash == sha:
            return Unchanged(path, size)
        result = process_text(src.doc, src.text, do_repair=do_repair, path=src.path)
        graph_iri = document_graph(base, src.doc)
        quads = document_quads(result, base)
        g = NamedNode(graph_iri)
        if any(q.graph_name != g for q in quads):  # the bulk loader keeps graphs as written
            quads = [Quad(q.subject, q.predicate, q.object, g) for q in quads]
        counts = Counter(m.type for m in result.mentions)
        return Built(path, src.doc, graph_iri, result.sha256, nquads(quads), len(quads), dict(counts), size,
                     document_share(quads))
    except UnreadableFile as exc:
        return Skipped(path, exc.reason, size)
    except MemoryError:
        return Skipped(path, "out of memory while extracting", size)
    except Exception as exc:  # one bad file never stops the batch
        return Skipped(path, f"internal error: {type(exc).__name__}: {exc}", size)


def document_nquads(path: str | os.PathLike, base: str | None = None, *, do_repair: bool = True,
                    max_bytes: int = MAX_BYTES) -> Built | Skipped:
    """One file to its document graph as N-Quads, or the reason it was
    skipped: the independent per-file task, with no store and no shared
    state, for running extraction on a cluster engine (Dask, Ray, Spark,
    a Slurm array) and loading the results with GraphStore.load_documents
    or any SPARQL store's bulk loader."""
    from .iri import DEFAULT_BASE

    return _process(str(path), base or DEFAULT_BASE, None, do_repair, max_bytes)  # type: ignore[return-value]


def _inputs(paths: Iterable[str | os.PathLike], base: str) -> tuple[list[_Input], list[Skipped]]:
    """The files to build, each with its document graph; a second file with
    the same document name (two directories, one file name) is skipped
    rather than silently overwriting the first."""
    from .iri import document_graph
    from .read import iter_paths

    seen: dict[str, str] = {}
    inputs, clashes = [], []
    for p in iter_paths(list(paths)):
        path = str(p)
        try:
            size = os.path.getsize(path) if os.path.isfile(path) else 0
        except OSError:
            size = 0
        graph_iri = document_graph(base, Path(path).name)
        if graph_iri in seen:
            clashes.append(Skipped(path, f"same document name as {seen[graph_iri]}", size))
            continue
        seen[graph_iri] = path
        inputs.append(_Input(path, size, graph_iri))
    return inputs, clashes


class _Batch:
    """Built documents waiting to be written together."""

    def __init__(self) -> None:
        self.items: list[Built] = []
        self.quads = 0
        self.bytes = 0
        self.since = 0.0

    def add(self, built: Built) -> None:
        if not self.items:
            self.since = time.perf_counter()
        self.items.append(built)
        self.quads += built.quads
        self.bytes += len(built.nquads)

    def full(self, quads: int, nbytes: int) -> bool:
        return bool(self.items) and (self.quads >= quads or self.bytes >= nbytes
                                     or time.perf_counter() - self.since >= BATCH_SECONDS)

    def write(self, store) -> None:
        if self.items:
            store.load_documents((b.graph_iri, b.nquads, b.sha256, b.quads, b.share) for b in self.items)
        self.items, self.quads, self.bytes = [], 0, 0


def _outcomes(inputs: list[_Input], known: dict[str, str], base: str, jobs: int, do_repair: bool,
              max_bytes: int) -> Iterator[Built | Skipped | Unchanged]:
    """Results as workers finish them, at most 2 tasks per worker in flight.

    A worker that dies (the kernel's out-of-memory killer, a crash in a C
    extension) breaks the whole pool, and every file in flight with it. The
    pool is then replaced and those files are retried one at a time: the one
    that kills a worker again is skipped with the reason, the others go on."""
    if jobs <= 1 or len(inputs) <= 1:
        for item in inputs:
            yield _process(item.path, base, known.get(item.graph_iri), do_repair, max_bytes)
        return
    from concurrent.futures.process import BrokenProcessPool

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init, initargs=(os.getpid(),))

    def submit(item: _Input) -> Future:
        fut = pool.submit(_process, item.path, base, known.get(item.graph_iri), do_repair, max_bytes)
        owner[fut] = item
        return fut

    pool = new_pool()
    owner: dict[Future, _Input] = {}
    pending: set[Future] = set()
    suspects: list[_Input] = []  # in flight when a worker died: retried one by one
    queue = iter(inputs)
    try:
        while True:
            alone = bool(suspects)
            lost: list[_Input] = []
            if alone:
                item = suspects.pop(0)
                try:
                    pending.add(submit(item))
                except BrokenProcessPool:
                    lost.append(item)
            else:
                for item in queue:
                    try:
                        pending.add(submit(item))
                    except BrokenProcessPool:  # a worker died while idle
                        lost.append(item)
                        break
                    if len(pending) >= jobs * 2:
                        break
            if not pending and not lost:
                break
            if not lost:
                ready, pending = wait(pending, return_when=ALL_COMPLETED if alone else FIRST_COMPLETED)
                for fut in ready:
                    item = owner.pop(fut)
                    try:
                        result = fut.result()
                    except BrokenProcessPool:
                        lost.append(item)
                        continue
                    yield result
            if lost:
                lost += [owner.pop(f) for f in pending]
                pending = set()
                pool.shutdown(wait=True, cancel_futures=True)
                pool = new_pool()
                if alone:  # retried by itself and killed its worker again: the file is the cause
                    yield Skipped(lost[0].path, "the worker process died on this file "
                                  "(out of memory, or a crash)", lost[0].size)
                    lost = lost[1:]
                suspects = lost + suspects
    finally:
        if pending:  # interrupted: stop the workers now rather than finish their files
            for fut in pending:
                fut.cancel()
            for proc in list(getattr(pool, "_processes", {}).values()):
                proc.terminate()
        pool.shutdown(wait=True, cancel_futures=True)


def build(
    paths: Iterable[str | os.PathLike],
    store,
    *,
    base: str | None = None,
    jobs: int | None = None,
    do_repair: bool = True,
    progress: Progress | None = None,
    max_bytes: int = MAX_BYTES,
    batch_quads: int = BATCH_QUADS,
    batch_bytes: int = BATCH_BYTES,
) -> BuildSummary:
    """Build (or update) `store` from the files and directories in `paths`.

    Raises BuildInterrupted (carrying the summary so far) on Ctrl-C or
    SIGTERM, after writing every document already extracted."""
    from .iri import DEFAULT_BASE

    base = base or DEFAULT_BASE
    jobs = jobs or os.cpu_count() or 1
    inputs, clashes = _inputs(paths, base)
    known = {d.graph: d.sha256 for d in store.documents() if d.sha256}
    summary = BuildSummary(bytes=sum(i.size for i in inputs) + sum(c.size for c in clashes))
    total = len(inputs) + len(clashes)
    started = time.perf_counter()
    done = bytes_done = 0
    batch = _Batch()

    def report(path: str, status: str, size: int, detail: str = "") -> None:
        nonlocal done, bytes_done
        done += 1
        bytes_done += size
        if progress:
            progress(BuildEvent(path, status, done, total, bytes_done, summary.bytes,
                                sum(summary.mentions.values()), detail, time.perf_counter() - started))

    def finish(outcome: Built | Skipped | Unchanged) -> None:
        if isinstance(outcome, Built):
            batch.add(outcome)
            summary.built += 1
            summary.mentions.update(outcome.counts)
            report(outcome.path, "built", outcome.size)
            if batch.full(batch_quads, batch_bytes):
                batch.write(store)
        elif isinstance(outcome, Unchanged):
            summary.unchanged += 1
            report(outcome.path, "unchanged", outcome.size)
        else:
            summary.skipped.append(outcome)
            report(outcome.path, "skipped", outcome.size, outcome.reason)

    previous_term = signal.getsignal(signal.SIGTERM)

    def on_term(signum, frame):
        raise KeyboardInterrupt

    in_main_thread = _in_main_thread()
    if in_main_thread:
        signal.signal(signal.SIGTERM, on_term)
    try:
        for clash in clashes:
            finish(clash)
        for outcome in _outcomes(inputs, known, base, jobs, do_repair, max_bytes):
            finish(outcome)
        batch.write(store)
        store.update_statistics()
    except KeyboardInterrupt:
        summary.interrupted = True
        # what finished extracting is saved; documents in the batch that are
        # written count as built, the rest are redone next time; the
        # statistics describe what was saved.
        batch.write(store)
        store.update_statistics()
        _close_summary(summary, store, started)
        raise BuildInterrupted(summary) from None
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous_term)
    _close_summary(summary, store, started)
    return summary


def _close_summary(summary: BuildSummary, store, started: float) -> None:
    summary.seconds = time.perf_counter() - started
    summary.triples = len(store)
    for t in TYPES:
        summary.mentions.setdefault(t, 0)


def _in_main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()
