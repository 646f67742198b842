"""Language data: lexicon files shipped inside the package, one folder per language."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=None)
def lexicon(lang: str, name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of `graph/lang/<lang>/lexicon/<name>.tsv`: tab-separated, `#` starts
    a comment line, blank lines skipped. Returned as tuples of stripped cells."""
    path = resources.files(f"graph.lang.{lang}").joinpath("lexicon", f"{name}.tsv")
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        rows.append(tuple(cell.strip() for cell in raw.split("\t")))
    return tuple(rows)
