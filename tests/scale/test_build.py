"""`zangraph build` at scale: bad files, incremental rebuilds, interruption.

Every check compares stores by their full N-Quads content, so "nothing
lost or duplicated" is checked quad for quad against a clean build."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from graph.store import GraphStore
from tests.conftest import ROOT, zangraph


def store_content(store: Path) -> tuple[list[bytes], dict[str, str]]:
    """Sorted N-Quads lines of the document graphs, and each graph's hash."""
    with GraphStore(str(store), read_only=True) as s:
        lines = sorted((s.dump(None, "nq") or b"").splitlines())
        hashes = {d.graph: d.sha256 for d in s.documents()}
    return lines, hashes


def summary_line(stdout: str) -> tuple[int, int, int]:
    m = re.search(r"\((\d+) built, (\d+) unchanged, (\d+) skipped\)", stdout)
    assert m, stdout
    return tuple(map(int, m.groups()))


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    """The reference: the corpus built once, without interruption."""
    from tests.scale.conftest import make_corpus

    root = tmp_path_factory.mktemp("reference")
    corpus = make_corpus(root / "corpus")
    store = root / "clean"
    proc = zangraph("build", corpus, "--store", store, "--quiet", "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    assert summary_line(proc.stdout) == (40, 0, 0)
    return store, store_content(store)


@pytest.fixture
def clean_build(reference, tmp_path):
    """A copy of the reference store, free to change."""
    import shutil

    store = tmp_path / "clean"
    shutil.copytree(reference[0], store)
    return store


def test_second_build_skips_unchanged_and_redoes_only_what_changed(corpus, clean_build):
    proc = zangraph("build", corpus, "--store", clean_build, "--quiet", "--jobs", "2")
    assert proc.returncode == 0 and summary_line(proc.stdout) == (0, 40, 0)
    before, hashes_before = store_content(clean_build)

    changed = sorted(corpus.rglob("*.txt"))[5]
    original = changed.read_text(encoding="utf-8")
    changed.write_text(original.replace("Қазақстан", "Казахстан", 1) if "Қазақстан" in original
                       else original + "\n", encoding="utf-8")
    proc = zangraph("build", corpus, "--store", clean_build, "--quiet", "--jobs", "2")
    assert proc.returncode == 0 and summary_line(proc.stdout) == (1, 39, 0)
    after, hashes_after = store_content(clean_build)
    assert {g for g in hashes_after if hashes_after[g] != hashes_before[g]} == {
        g for g in hashes_after if g.endswith("/" + changed.name)}

    changed.write_text(original, encoding="utf-8")  # back: the graph must equal the first one
    proc = zangraph("build", corpus, "--store", clean_build, "--quiet", "--jobs", "2")
    assert summary_line(proc.stdout) == (1, 39, 0)
    assert store_content(clean_build) == (before, hashes_before)


BAD_FILES = [
    # (file name, bytes, reason the build must give)
    ("binary.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00" + bytes(range(256)), "binary file"),
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\t\n", "empty file"),
    ("latin1.txt", "Қаулы".encode("utf-8") + " café".encode("latin-1"), "not UTF-8"),
    ("cp1251.txt", "Закон Республики Казахстан".encode("cp1251"), "not UTF-8"),
    ("huge.txt", ("Қазақстан Республикасының Заңы. " * 40_000).encode("utf-8"), "too large"),
]


def test_bad_files_are_reported_and_skipped_and_never_stop_the_batch(corpus, tmp_path):
    bad = corpus / "bad"
    bad.mkdir()
    for name, data, _ in BAD_FILES:
        (bad / name).write_bytes(data)
    (corpus / "c").mkdir()
    clash = sorted(corpus.rglob("*.txt"))[0]
    (corpus / "c" / clash.name).write_bytes(clash.read_bytes())  # same name, other folder
    store = tmp_path / "store"
    proc = zangraph("build", corpus, "--store", store, "--jobs", "2", "--max-mb", "1")
    assert proc.returncode == 3, proc.stderr  # finished, with skipped inputs
    assert summary_line(proc.stdout) == (40, 0, len(BAD_FILES) + 1)
    for name, _, reason in BAD_FILES:
        line = next(l for l in proc.stdout.splitlines() if l.startswith("skipped") and name in l)
        assert reason in line, line
    assert any("same document name as" in l for l in proc.stdout.splitlines() if l.startswith("skipped"))
    _, hashes = store_content(store)
    assert len(hashes) == 40 and not any(n in g for g in hashes for n, _, _ in BAD_FILES)


def _build_process(corpus: Path, store: Path) -> subprocess.Popen:
    env = {**os.environ, "ZANGRAPH_BATCH_QUADS": "1"}  # write every document as it comes
    return subprocess.Popen([sys.executable, "-m", "graph.cli", "build", str(corpus), "--store", str(store),
                             "--jobs", "2"], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _wait_for_progress(proc: subprocess.Popen, files: int) -> None:
    """Read the plain progress lines until `files` files are done."""
    deadline = time.monotonic() + 120
    for line in proc.stderr:
        m = re.match(r"\[(\d+)/\d+\]", line)
        if m and int(m.group(1)) >= files:
            return
        assert time.monotonic() < deadline, "build made no progress"
    pytest.fail(f"the build ended before {files} files: {proc.wait()}")


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGINT, signal.SIGTERM])
def test_interrupted_build_resumes_with_nothing_lost_or_duplicated(corpus, reference, tmp_path, how):
    store = tmp_path / "interrupted"
    proc = _build_process(corpus, store)
    _wait_for_progress(proc, 12)
    proc.send_signal(how)
    _, err = proc.communicate(timeout=60)
    if how == signal.SIGKILL:
        assert proc.returncode == -signal.SIGKILL
    else:  # a polite stop: what was extracted is saved, and the user is told to resume
        assert proc.returncode == 130, err
        assert "interrupted" in err and "run the same command again" in err
    # the interrupted store opens and holds only complete documents
    with GraphStore(str(store), read_only=True) as s:
        saved = {d.graph for d in s.documents() if d.sha256}
    assert 0 < len(saved) < 40

    resumed = zangraph("build", corpus, "--store", store, "--quiet", "--jobs", "2")
    assert resumed.returncode == 0, resumed.stderr
    built, unchanged, skipped = summary_line(resumed.stdout)
    assert unchanged == len(saved) and built == 40 - len(saved) and skipped == 0
    assert store_content(store) == reference[1]


def test_per_file_task_is_self_contained(tmp_path):
    """The cluster task: a path in, a document graph's N-Quads (or a reason) out."""
    import pyoxigraph

    from graph.build import Built, Skipped, document_nquads
    from tests.scale.conftest import dev_docs

    doc = dev_docs()[0]
    out = document_nquads(doc)
    assert isinstance(out, Built) and out.graph_iri.endswith("/" + doc.name)
    quads = list(pyoxigraph.parse(out.nquads, format=pyoxigraph.RdfFormat.N_QUADS))
    assert len(quads) == out.quads > 0 and {q.graph_name.value for q in quads} == {out.graph_iri}
    assert sum(out.counts.values()) > 0
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    skipped = document_nquads(bad)
    assert isinstance(skipped, Skipped) and "binary" in skipped.reason


def test_a_worker_killed_mid_file_costs_nothing(corpus, reference, tmp_path):
    """What the out-of-memory killer does to one worker: the pool breaks, the
    files in flight are retried one by one, and the build still ends whole."""
    import psutil

    store = tmp_path / "store"
    proc = _build_process(corpus, store)
    _wait_for_progress(proc, 8)
    workers = psutil.Process(proc.pid).children()
    assert workers, "no worker processes"
    workers[0].kill()
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert summary_line(out) == (40, 0, 0)
    assert store_content(store) == reference[1]
