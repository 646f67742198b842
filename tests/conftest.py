"""Shared fixtures: the sample corpus, the shared evaluation data, the CLI."""
from __future__ import annotations

import os
import subprocess
import sys
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
SEED = DATA / "000_952bf01caa31bc66.txt"
SHARED = Path(os.environ.get("ZANGRAPH_SHARED", ROOT.parent / "shared"))
EVAL = SHARED / "eval"


def zangraph(*args: str, cwd: Path | None = None, env: dict | None = None, input: str | None = None):
    """Run the installed CLI as a user would (the console script's module)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "graph.cli", *map(str, args)], cwd=cwd or ROOT,
                          capture_output=True, text=True, env=full_env, input=input, timeout=600)


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def seed_store(tmp_path_factory):
    """One store built from data/ by the real CLI, shared by read-only tests."""
    store = tmp_path_factory.mktemp("store") / "store"
    proc = zangraph("build", DATA, "--store", store, "--quiet")
    assert proc.returncode == 0, proc.stderr
    return store


def require_eval():
    if not (EVAL / "score.py").exists():
        pytest.skip(f"shared evaluation data not found at {EVAL} (set ZANGRAPH_SHARED)")


_SCORER = None


def shared_scorer():
    """The shared `score.py`, imported once from its file (it is not a package);
    every gold test scores with its own matching."""
    global _SCORER
    require_eval()
    if _SCORER is None:
        import importlib.util

        spec = importlib.util.spec_from_file_location("zangraph_shared_score", EVAL / "score.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        _SCORER = module
    return _SCORER


def gold_corpus(name: str) -> tuple[list[Path], Path]:
    """The documents and gold file of a shared gold set: `seed`, `adilet-kk`, `adilet-ru`."""
    require_eval()
    if name == "seed":
        return [SEED], EVAL / "gold" / "seed.jsonl"
    lang = name.removeprefix("adilet-")
    return sorted((EVAL / "adilet-dev" / "docs").glob(f"*.{lang}.txt")), EVAL / "adilet-dev" / f"{lang}.jsonl"


@lru_cache(maxsize=None)
def _predicted(paths: tuple[Path, ...]) -> tuple[dict, ...]:
    from graph.pipeline import process_file

    return tuple(m.to_json() for path in paths for m in process_file(path).mentions)


def predictions(paths) -> list[dict]:
    """The pipeline's mention records for `paths`, in the `extract --format
    jsonl` shape; each corpus goes through the pipeline once per session."""
    return [dict(rec) for rec in _predicted(tuple(paths))]


def by_doc_and_type(records) -> dict:
    """Records grouped the way score.py's `load` groups a file of them."""
    grouped = defaultdict(lambda: defaultdict(list))
    for rec in records:
        grouped[os.path.basename(rec["doc"])][rec["type"]].append({**rec, "line": int(rec["line"])})
    return grouped


@lru_cache(maxsize=None)
def gold_scores(name: str) -> dict:
    """score.py's table (per type: P, R, F1, distinct ...) for a gold set."""
    score = shared_scorer()
    paths, gold_path = gold_corpus(name)
    gold = score.load([str(gold_path)])
    return score.score(gold, by_doc_and_type(predictions(paths)), set(gold))
