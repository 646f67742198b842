"""Kazakh number words: compounds, ordinals, digits with ordinal endings."""
from __future__ import annotations

import pytest

from hypothesis import given
from hypothesis import strategies as st

from graph.lang.kk.numbers import is_ordinal, like_num, parse_number_words, spell, strip_ordinal_suffix

# (words, (value, words consumed) or None)
PARSES = [
    ("үш жүз алпыс алтыншы", (366, 4)),
    ("бірінші", (1, 1)),
    ("екі мың он екі", (2012, 4)),
    ("бір мың тоғыз жүз тоқсан бес", (1995, 6)),
    ("мың тоғыз жүз тоқсан тоғызыншы жыл", (1999, 5)),
    ("жиырмасыншы ғасыр", (20, 1)),
    ("қырқыншы", (40, 1)),
    ("елуінші бап", (50, 1)),
    ("он бір", (11, 2)),
    ("жүз", (100, 1)),
    ("жүз мың", (100000, 2)),
    ("екі жүз он бес мың", (215000, 5)),
    ("бес миллион", (5000000, 2)),
    ("нөл", (0, 1)),
    ("Тоғызыншы сессия", (9, 1)),
    ("ҮШІНШІ бөлігіне", (3, 1)),
    ("үшiншi", (3, 1)),  # Latin i from a PDF export
    # where a number stops
    ("бес бес", (5, 1)),
    ("жиырма он", (20, 1)),
    ("он жүз", (10, 1)),
    ("бірінші екінші", (1, 1)),
    ("мың мың", (1000, 1)),
    ("бір нөл", (1, 1)),
    ("екі тармақ", (2, 1)),
    # not numbers
    ("бап", None),
    ("бірнеше", None),
    ("", None),
]


@pytest.mark.parametrize("text,expected", PARSES, ids=[p[0] or "empty" for p in PARSES])
def test_parse_number_words(text, expected):
    assert parse_number_words(text.split()) == expected


ORDINALS = [
    ("бірінші", True), ("алтыншы", True), ("жетінші", True), ("мыңыншы", True),
    ("1-ші", True), ("366-шы", True), ("366-ншы", True), ("4-інші", True),
    ("бір", False), ("алты", False), ("1-бап", False), ("366", False), ("ішінші", False),
]


@pytest.mark.parametrize("word,expected", ORDINALS, ids=[o[0] for o in ORDINALS])
def test_is_ordinal(word, expected):
    assert is_ordinal(word) is expected


STRIPS = [
    ("366-ншы", "366"), ("1-ші", "1"), ("4-інші", "4"), ("2-шы", "2"),
    ("14-бабы", "14-бабы"), ("62-IV", "62-IV"), ("бірінші", "бірінші"), ("-ші", "-ші"),
]


@pytest.mark.parametrize("token,expected", STRIPS, ids=[s[0] for s in STRIPS])
def test_strip_ordinal_suffix(token, expected):
    assert strip_ordinal_suffix(token) == expected


LIKE_NUM = [
    ("1332", True), ("9 680", False), ("9680,5", True), ("22.10.2012", True), ("1/2", True),
    ("-5", True), ("он", True), ("Тоғыз", True), ("жетінші", True), ("366-шы", True),
    ("331-ге", True), ("11-інде", True), ("БҰҰ-ның", False), ("14-бабы", False),
    ("62-IV", False), ("№1332", False), ("бап", False), ("", False), ("1/2/3", False),
]


@pytest.mark.parametrize("text,expected", LIKE_NUM, ids=[t[0] or "empty" for t in LIKE_NUM])
def test_like_num(text, expected):
    assert like_num(text) is expected


SPELLED = [
    (366, True, "үш жүз алпыс алтыншы"),
    (2012, False, "екі мың он екі"),
    (1995, False, "бір мың тоғыз жүз тоқсан бес"),
    (100, False, "жүз"),
    (40, True, "қырқыншы"),
    (20, True, "жиырмасыншы"),
    (0, False, "нөл"),
    (1000000, False, "бір миллион"),
]


@pytest.mark.parametrize("n,ordinal,words", SPELLED, ids=[w for _n, _o, w in SPELLED])
def test_spell(n, ordinal, words):
    assert " ".join(spell(n, ordinal)) == words


@given(n=st.integers(min_value=0, max_value=10**12 - 1), ordinal=st.booleans())
def test_parse_inverts_spell(n, ordinal):
    words = spell(n, ordinal) + ["бап"]
    assert parse_number_words(words) == (n, len(words) - 1)
    assert is_ordinal(words[-2]) is ordinal
