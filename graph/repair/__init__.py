"""Repair stage: undo PDF-export damage, keeping an exact map back to the original.

One module per damage family, run in this order:
  lookalike  Latin look-alikes in Cyrillic words, soft hyphens, no-break
             spaces, curly quotes (character for character);
  spacing    letter-spaced headings and emphasised words;
  anchors    hyperlink words cut out of their place and appended at the
             line end;
  spacing    (again) words of justified lines split around the narrow і,
             once the anchors' holes are filled;
  breaks     page-break blank lines inside a sentence, page numbers and
             running headers in them, numbers hyphenated across lines
             (tables are left as they are: `tables` tells their rows apart).
Each stage only acts on clear evidence, so clean text comes out unchanged.
Each finds the few places where its damage can be with scans of the whole
text for a literal (a double space, a space before a single character, a
blank line...) and looks closer only there: no Python work per line or word
of clean text. Every stage records its edits in an `EditLog`; the map from
repaired to original characters is composed edit by edit, never recovered
by diffing.
"""
from __future__ import annotations

from .anchors import restore_anchors
from .breaks import mend_breaks
from .lookalike import fix_characters
from .mapped import EditLog, Repaired, identity
from .spacing import join_letter_spacing, join_narrow_splits

STAGES = (fix_characters, join_letter_spacing, restore_anchors, join_narrow_splits, mend_breaks)

__all__ = ["EditLog", "Repaired", "STAGES", "identity", "repair"]


def repair(text: str) -> Repaired:
    """Repair `text`; clean text comes out unchanged."""
    rep = identity(text)
    for stage in STAGES:
        rep = stage(rep)
    return rep
