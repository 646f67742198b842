"""The seed's gold mentions as a DocumentResult, so the RDF layer can be
tested on every kind of fact the seed holds while the extractors grow.

Gold records carry a line and the repaired text, not offsets: the span is
placed on the first word of the text found within two lines of `line`."""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from graph.models import DocumentResult, Mention
from graph.pipeline import line_starts

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("ZANGRAPH_SHARED", ROOT.parent / "shared"))
SEED = ROOT / "data" / "000_952bf01caa31bc66.txt"
SEED_GOLD = SHARED / "eval" / "gold" / "seed.jsonl"
_NOT_FIELDS = {"doc", "line", "type", "text", "aliases", "start_char", "end_char"}


def gold_result(text_path: Path = SEED, gold_path: Path = SEED_GOLD) -> DocumentResult:
    original = text_path.read_text(encoding="utf-8")
    starts = line_starts(original) + [len(original)]
    mentions = []
    for raw in gold_path.read_text(encoding="utf-8").splitlines():
        rec = json.loads(raw)
        line = int(rec["line"])
        lo = starts[max(0, line - 1)]
        hi = starts[min(len(starts) - 1, line + 2)]
        words = [w for w in rec.get("text", "").split() if len(w) >= 3 and w != "..."]
        start = original.find(words[0], lo, hi) if words else -1
        if start < 0:
            start = lo
        end = min(start + len(rec.get("text", "")), hi)
        fields = {k: v for k, v in rec.items() if k not in _NOT_FIELDS}
        mentions.append(Mention(rec["doc"], rec["type"], fields, start, max(end, start + 1), line,
                                rec.get("text", "")))
    sha = hashlib.sha256(original.encode("utf-8")).hexdigest()
    return DocumentResult(text_path.name, str(text_path), sha, original, tuple(mentions))
