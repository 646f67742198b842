"""`zangraph repair` on the seed, checked by the shapes of the damage, not by
its strings: no letter-spaced words, no emptied link slots whose anchors are
still at the line end, no hole with a link word still appended after it."""
from __future__ import annotations

import re
from collections import Counter

import pytest

from .conftest import SEED, zangraph

# three or more single letters in a row, one space apart
LETTER_SPACED = re.compile(r"(?<!\S)(?:[^\W\d_] ){2,}[^\W\d_](?!\S)")
# an empty pair of brackets or quotes, or separators with nothing between them
EMPTY_SLOT = re.compile(r"\(\s*\)|«\s*»|[,;]\s*[,;)]|[^\W\d_]\s+[,;)]")
# a double space inside the line and a numbered unit or act word glued to its end
HOLE_AND_GLUED_LINK = re.compile(
    r"\S {2,}\S.*[^\s\d-](?:\d+-)?(?:[Бб]аб|[Бб]ап|[Тт]армағ|[Тт]армақ|[Зз]аң|[Кк]одекс|[Кк]онституция"
    r"|[Ққ]аулы|[Жж]арлығ)\w*$")


@pytest.fixture(scope="module")
def repaired_lines() -> list[str]:
    proc = zangraph("repair", SEED)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.split("\n")


def test_the_seed_has_the_damage_the_checks_look_for(seed_text):
    """The checks are not vacuous: the unrepaired seed fails each of them."""
    lines = seed_text.split("\n")
    assert sum(bool(LETTER_SPACED.search(line)) for line in lines) > 100
    assert sum(bool(EMPTY_SLOT.search(line)) for line in lines if line and not line[-1].isspace()) > 10
    assert sum(bool(HOLE_AND_GLUED_LINK.search(line)) for line in lines) > 5


def test_no_letter_spaced_words_are_left(repaired_lines):
    left = [line for line in repaired_lines if LETTER_SPACED.search(line)]
    assert left == []


def test_no_emptied_link_slots_are_left(repaired_lines):
    """A slot counts when its line has anchors appended (it does not end
    with a space); a line that ends with one had nothing appended."""
    left = [line for line in repaired_lines if line and not line[-1].isspace() and EMPTY_SLOT.search(line)]
    assert left == []


def test_no_hole_keeps_its_link_glued_at_the_line_end(repaired_lines):
    left = [line for line in repaired_lines if HOLE_AND_GLUED_LINK.search(line)]
    assert left == []


def test_repair_moves_characters_and_never_invents_or_loses_one(repaired_lines, seed_text):
    """Letter-spacing, holes and page breaks are whitespace; anchors move:
    the seed's visible characters come out the same, only rearranged."""
    out = "\n".join(repaired_lines)
    assert out != seed_text
    assert Counter(c for c in out if not c.isspace()) == Counter(c for c in seed_text if not c.isspace())
