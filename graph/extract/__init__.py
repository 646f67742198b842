"""Extract stage: one module per kind of thing, run in dependency order over
the repaired text.

Each extractor module exposes `find(text: str, found: Findings) -> list[Found]`.
Later extractors may read what earlier ones found (an instrument's issuer is
an institution found before it; a provision needs the act it belongs to; an
obligation needs its bearer and source), so the order below is the contract.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..models import Found
from . import dates, institutions, instruments, obligations, provisions

ORDER = (
    ("date", dates),
    ("institution", institutions),
    ("instrument", instruments),
    ("provision", provisions),
    ("obligation", obligations),
)


@dataclass(slots=True)
class Findings:
    """What the extractors have found so far in one repaired text."""

    text: str
    by_type: dict[str, list[Found]] = field(default_factory=dict)

    def of(self, type_: str) -> list[Found]:
        return self.by_type.get(type_, [])

    def all(self) -> list[Found]:
        return sorted((f for fs in self.by_type.values() for f in fs), key=lambda f: (f.start, f.end))


def extract(text: str) -> Findings:
    """Run every extractor over `text` (already repaired)."""
    found = Findings(text)
    for type_, module in ORDER:
        found.by_type[type_] = module.find(text, found)
    return found
