"""Read stage: bytes on disk to text, or a clear reason why not."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ""}


class UnreadableFile(Exception):
    """A file that cannot be used as a source document; the message says why."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class SourceText:
    path: str
    doc: str
    text: str


def read_source(path: str | os.PathLike, max_bytes: int = MAX_BYTES) -> SourceText:
    """Decode one file; raise UnreadableFile for missing, binary, empty,
    oversized or undecodable input.

    Newlines are kept exactly as written (no universal-newline translation)
    so that character offsets are offsets into the file's own text.
    """
    p = Path(path)
    if not p.exists():
        raise UnreadableFile(str(p), "no such file")
    if p.is_dir():
        raise UnreadableFile(str(p), "is a directory")
    size = p.stat().st_size
    if size > max_bytes:
        raise UnreadableFile(str(p), f"too large ({size / 1e6:.1f} MB > {max_bytes / 1e6:.0f} MB limit)")
    data = p.read_bytes()
    if not data.strip():
        raise UnreadableFile(str(p), "empty file")
    if b"\x00" in data[:8192]:
        raise UnreadableFile(str(p), "binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UnreadableFile(str(p), f"not UTF-8 text (byte {exc.start}: {data[exc.start:exc.start + 1]!r})") from None
    return SourceText(str(p), p.name, text)


def iter_paths(paths: list[str | os.PathLike]) -> Iterator[Path]:
    """Files named directly, and the text files under named directories, in a
    stable order. A missing path is still yielded so that reading it reports why."""
    for path in paths:
        p = Path(path)
        if p.is_dir():
            for sub in sorted(p.rglob("*")):
                if sub.is_file() and sub.suffix.lower() in TEXT_SUFFIXES and not sub.name.startswith("."):
                    yield sub
        else:
            yield p
