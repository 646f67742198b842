"""Shared fixtures: the sample corpus, the shared evaluation data, the CLI."""
from __future__ import annotations

import os
import subprocess
import sys
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
