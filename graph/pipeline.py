"""The stage chain for one document: read -> repair -> extract -> resolve -> mentions.

RDF, store, query, viz and export work on the `DocumentResult` this returns.
"""
from __future__ import annotations

import hashlib
import os
from bisect import bisect_right

from .extract import extract
from .models import DocumentResult, Found, Mention
from .read import read_source
from .repair import identity, repair
from .resolve import resolve


def line_starts(text: str) -> list[int]:
    starts = [0]
    pos = text.find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = text.find("\n", pos + 1)
    return starts


def to_mentions(doc: str, original: str, repaired, found: list[Found]) -> list[Mention]:
    """Place repaired-text findings back in the original file."""
    out = []
    pos, line = 0, 1  # the line of offset `pos` of the original
    starts: list[int] | None = None
    for f in found:
        s, e = repaired.to_original(f.start, f.end)
        if s >= pos:  # findings come in text order: count the line breaks since the last one
            line += original.count("\n", pos, s)
        else:  # one that repair moved back
            starts = starts or line_starts(original)
            line = bisect_right(starts, s)
        pos = s
        text = " ".join(repaired.text[f.start:f.end].split())
        out.append(Mention(doc, f.type, dict(f.fields), s, e, line, text))
    return out


def process_text(doc: str, text: str, *, do_repair: bool = True, path: str = "") -> DocumentResult:
    """Run the whole extraction chain over one document's text."""
    repaired = repair(text) if do_repair else identity(text)
    found = resolve(extract(repaired.text))
    mentions = to_mentions(doc, text, repaired, found)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return DocumentResult(doc, path or doc, sha, text, tuple(mentions))


def process_file(path: str | os.PathLike, *, do_repair: bool = True) -> DocumentResult:
    """Read and process one file; raises read.UnreadableFile with the reason."""
    src = read_source(path)
    result = process_text(src.doc, src.text, do_repair=do_repair, path=src.path)
    return result
