"""Typed results that flow between the pipeline stages.

A `Found` lives in the repaired text that the extractors see; a `Mention`
is the same fact placed back in the original file, which is what users,
the gold and the RDF provenance refer to.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

TYPES = ("instrument", "provision", "date", "institution", "obligation")


@dataclass(frozen=True, slots=True)
class Found:
    """One fact an extractor found, with offsets into the *repaired* text.

    `fields` holds the GOLD_SPEC fields of the type (kind, title, article,
    value, name, modality ...) and only JSON-able values.
    """

    type: str
    start: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class Mention:
    """One fact placed in the original file: what `extract --format jsonl` writes."""

    doc: str
    type: str
    fields: dict[str, Any] = field(compare=False, hash=False)
    start_char: int
    end_char: int
    line: int
    text: str

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
