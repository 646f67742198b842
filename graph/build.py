"""Build stage: files -> mentions -> quads -> store, in parallel and resumably.

Extraction runs in worker processes (one document per task); only the main
process writes to the store, one transaction per document, so an interrupted
build leaves every document either fully loaded or absent, and the next run
skips what is already there with the same content hash.
"""
from __future__ import annotations

import os
import time
from collections import Counter
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, as_completed, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from .models import TYPES

Progress = Callable[["BuildEvent"], None]


@dataclass(frozen=True, slots=True)
class Built:
    """What a worker sends back for one document: quads as N-Quads text
    (cheap to pickle) and its mention counts."""

    path: str
    doc: str
    graph_iri: str
    sha256: str
    nquads: bytes
    counts: dict[str, int]
    size: int


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


@dataclass(slots=True)
class BuildSummary:
    built: int = 0
    unchanged: int = 0
    mentions: Counter = field(default_factory=Counter)
    skipped: list[Skipped] = field(default_factory=list)
    triples: int = 0
    seconds: float = 0.0
    bytes: int = 0

    @property
    def documents(self) -> int:
        return self.built + self.unchanged


def _process(path: str, base: str, known_hash: str | None, do_repair: bool) -> Built | Skipped | Unchanged:
    """Worker: read, extract and turn one file into N-Quads (never raises)."""
    import hashlib

    import pyoxigraph

    from .iri import document_graph
    from .pipeline import process_text
    from .rdf import document_quads
    from .read import UnreadableFile, read_source

    size = 0
    try:
        size = os.path.getsize(path)
        src = read_source(path)
        sha = hashlib.sha256(src.text.encode("utf-8")).hexdigest()
        if known_hash == sha:
            return Unchanged(path, size)
        result = process_text(src.doc, src.text, do_repair=do_repair, path=src.path)
        quads = document_quads(result, base)
        nquads = pyoxigraph.serialize(quads, format=pyoxigraph.RdfFormat.N_QUADS) or b""
        counts = Counter(m.type for m in result.mentions)
        return Built(path, src.doc, document_graph(base, src.doc), result.sha256, nquads, dict(counts), size)
    except UnreadableFile as exc:
        return Skipped(path, exc.reason, size)
    except Exception as exc:  # one bad file never stops the batch
        return Skipped(path, f"internal error: {type(exc).__name__}: {exc}", size)


def _load(store, built: Built) -> None:
    import pyoxigraph

    quads = list(pyoxigraph.parse(built.nquads, format=pyoxigraph.RdfFormat.N_QUADS))
    store.replace_document(built.graph_iri, quads, built.sha256)


def build(
    paths: Iterable[str | os.PathLike],
    store,
    *,
    base: str | None = None,
    jobs: int | None = None,
    do_repair: bool = True,
    progress: Progress | None = None,
) -> BuildSummary:
    """Build (or update) `store` from the files and directories in `paths`."""
    from .iri import DEFAULT_BASE, document_graph
    from .read import iter_paths

    base = base or DEFAULT_BASE
    jobs = jobs or os.cpu_count() or 1
    files = [str(p) for p in iter_paths(list(paths))]
    sizes = {f: (os.path.getsize(f) if os.path.isfile(f) else 0) for f in files}
    known = {f: store.document_hash(document_graph(base, Path(f).name)) for f in files}
    summary = BuildSummary(bytes=sum(sizes.values()))
    started = time.perf_counter()
    done = bytes_done = 0

    def finish(outcome) -> None:
        nonlocal done, bytes_done
        done += 1
        bytes_done += sizes.get(outcome.path, 0)
        detail = ""
        if isinstance(outcome, Built):
            _load(store, outcome)
            summary.built += 1
            summary.mentions.update(outcome.counts)
            status = "built"
        elif isinstance(outcome, Unchanged):
            summary.unchanged += 1
            status = "unchanged"
        else:
            summary.skipped.append(outcome)
            status, detail = "skipped", outcome.reason
        if progress:
            progress(BuildEvent(outcome.path, status, done, len(files), bytes_done, summary.bytes,
                                sum(summary.mentions.values()), detail))

    if jobs <= 1 or len(files) <= 1:
        for f in files:
            finish(_process(f, base, known[f], do_repair))
    else:
        # Bounded in-flight work keeps memory flat however many files there are.
        limit = jobs * 4
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            pending = set()
            queue = iter(files)
            for f in queue:
                pending.add(pool.submit(_process, f, base, known[f], do_repair))
                if len(pending) >= limit:
                    ready, pending = wait(pending, return_when=FIRST_COMPLETED)
                    for fut in ready:
                        finish(fut.result())
            for fut in as_completed(pending):
                finish(fut.result())
    summary.seconds = time.perf_counter() - started
    summary.triples = len(store)
    for t in TYPES:
        summary.mentions.setdefault(t, 0)
    return summary
