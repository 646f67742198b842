"""Typed results that flow between the pipeline stages.

A `Found` lives in the repaired text that the extractors see; a `Mention`
is the same fact placed back in the original file, which is what users,
the gold and the RDF provenance refer to.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Found and Mention are built thousands of times per MB. The `__init__` that
# dataclass writes for a frozen class sets every field through
# object.__setattr__; setting the slots through their own descriptors (as
# below, after each class) costs half as much and keeps the class frozen.

TYPES = ("instrument", "provision", "date", "institution", "obligation")


@dataclass(frozen=True, slots=True, init=False)
class Found:
    """One fact an extractor found, with offsets into the *repaired* text.

    `fields` holds the GOLD_SPEC fields of the type (kind, title, article,
    value, name, modality ...) and only JSON-able values.
    """

    type: str
    start: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def __init__(self, type: str, start: int, end: int, fields: dict[str, Any] | None = None) -> None:
        _found_type(self, type)
        _found_start(self, start)
        _found_end(self, end)
        _found_fields(self, {} if fields is None else fields)


_found_type, _found_start, _found_end, _found_fields = (
    Found.__dict__[name].__set__ for name in ("type", "start", "end", "fields"))


@dataclass(frozen=True, slots=True, init=False)
class Mention:
    """One fact placed in the original file: what `extract --format jsonl` writes."""

    doc: str
    type: str
    fields: dict[str, Any] = field(compare=False, hash=False)
    start_char: int
    end_char: int
    line: int
    text: str

    def __init__(self, doc: str, type: str, fields: dict[str, Any], start_char: int, end_char: int, line: int,
                 text: str) -> None:
        _mention_doc(self, doc)
        _mention_type(self, type)
        _mention_fields(self, fields)
        _mention_start_char(self, start_char)
        _mention_end_char(self, end_char)
        _mention_line(self, line)
        _mention_text(self, text)

    def to_json(self) -> dict[str, Any]:
        """The GOLD_SPEC record, plus the original-file offsets."""
        return {
            "doc": self.doc,
            "line": self.line,
            "type": self.type,
            **self.fields,
            "text": self.text,
            "start_char": self.start_char,
            "end_char": self.end_char,
        }


_mention_doc, _mention_type, _mention_fields, _mention_start_char, _mention_end_char, _mention_line, _mention_text = (
    Mention.__dict__[name].__set__ for name in ("doc", "type", "fields", "start_char", "end_char", "line", "text"))


@dataclass(frozen=True, slots=True)
class DocumentResult:
    """Everything the pipeline learned about one source file."""

    doc: str
    path: str
    sha256: str
    original: str
    mentions: tuple[Mention, ...]

    def count(self, type_: str) -> int:
        return sum(1 for m in self.mentions if m.type == type_)
