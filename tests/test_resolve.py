"""Resolve stage on real extraction results: the document's own act, one
identity per act, anaphora, and provisions/obligations pointed at the
resolved acts, with every private `_` field gone. Texts written for these
tests; each row asserts the whole resolved result of the findings it names."""
from __future__ import annotations

import pytest

from graph.extract import extract
from graph.models import Found
from graph.resolve import resolve

LAW_DOC = ("Жол жүрісі туралы\n\nҚазақстан Республикасының 2014 жылғы 17 сәуірдегі № 194-V Заңы.\n\n"
           "      Осы Заң жол жүрісі саласындағы қатынастарды реттейді. «Әкімшілік рәсімдер туралы» "
           "Қазақстан Республикасының 2000 жылғы 27 қарашадағы № 107 Заңына сәйкес.")
OWN = {"kind": "law", "title": "Жол жүрісі туралы", "date": "2014-04-17", "number": "194-V", "self": True}
OTHER = {"kind": "law", "title": "Әкімшілік рәсімдер туралы", "date": "2000-11-27", "number": "107"}


def _instrument_at(found, text: str, words: str) -> Found:
    start = text.index(words)
    return next(f for f in found.of("instrument") if f.start <= start < f.end)


def _with(found, type_: str, f: Found):
    found.by_type.setdefault(type_, []).append(f)
    return found


def test_no_private_field_survives():
    found = extract(LAW_DOC)
    assert found.of("instrument")
    assert all(not k.startswith("_") for f in resolve(found) for k in f.fields)


@pytest.mark.parametrize("words,expected", [
    ("Жол жүрісі туралы", OWN),
    ("Қазақстан Республикасының 2014", OWN),
    ("Осы Заң", {**OWN, "anaphora": True}),
    ("«Әкімшілік", OTHER),
])
def test_own_act_and_cited_act(words, expected):
    found = extract(LAW_DOC)
    start = LAW_DOC.index(words)
    [f] = [f for f in resolve(found) if f.type == "instrument" and f.start == start]
    assert f.fields == expected


@pytest.mark.parametrize("private,expected", [
    ("span", {"kind": "law", "title": "Әкімшілік рәсімдер туралы", "date": "2000-11-27", "number": "107"}),
    ("anaphora", {"self": True, "kind": "law", "title": "Жол жүрісі туралы", "date": "2014-04-17",
                  "number": "194-V"}),
])
def test_provision_points_at_the_resolved_act(private, expected):
    found = extract(LAW_DOC)
    found.by_type["provision"] = []
    act = _instrument_at(found, LAW_DOC, "«Әкімшілік")
    pos = LAW_DOC.index("сәйкес")
    fields = {"article": "5", "instrument": {"kind": "law", "text": "Заңына"}}
    if private == "span":
        fields["_instrument_span"] = [act.start, act.end]
    else:
        fields["_instrument_anaphora"] = "law"
    _with(found, "provision", Found("provision", pos, pos + 6, fields))
    [p] = [f for f in resolve(found) if f.type == "provision"]
    assert p.fields == {"article": "5", "instrument": expected}


def test_obligation_source_is_the_document_itself():
    text = ("Ауыл шаруашылығы туралы\n\nАудандық мәслихаттың 2022 жылғы 5 мамырдағы № 12/3 шешімі.\n\n"
            "      1. Осы шешім ресми жарияланған күнінен бастап қолданысқа енгізіледі.")
    found = extract(text)
    found.by_type["obligation"] = []
    own = _instrument_at(found, text, "Аудандық мәслихаттың")
    pos = text.index("1. Осы")
    _with(found, "obligation", Found("obligation", pos, pos + 10, {
        "modality": "obligation", "action": "енгізу", "_source_span": [own.start, own.end]}))
    [o] = [f for f in resolve(found) if f.type == "obligation"]
    assert o.fields == {"modality": "obligation", "action": "енгізу",
                        "source": {"self": True, "kind": "decision", "title": "Ауыл шаруашылығы туралы",
                                   "date": "2022-05-05", "number": "12/3"}}


def test_one_identity_per_act():
    text = ("«Әкімшілік рәсімдер туралы» Қазақстан Республикасының 2000 жылғы 27 қарашадағы № 107 Заңына сәйкес. "
            "Қазақстан Республикасының № 107 Заңы да қолданылады.")
    got = [f.fields for f in resolve(extract(text)) if f.type == "instrument"]
    assert got == [OTHER, OTHER]


def test_bare_type_word_without_antecedent_is_dropped():
    text = "Заң барлығына бірдей. Заңның күші бар."
    assert [f for f in resolve(extract(text)) if f.type == "instrument"] == []
