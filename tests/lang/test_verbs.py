"""Kazakh command forms and verbal nouns brought to the dictionary form."""
from __future__ import annotations

import pytest

from graph.lang.kk import verbs

COMMANDS = [
    # word, lemma, passive, negative, first person
    ("бекітілсін", "бекіту", True, False, False),
    ("енгізілсін", "енгізу", True, False, False),
    ("ауыстырылсын", "ауыстыру", True, False, False),
    ("толықтырылсын", "толықтыру", True, False, False),
    ("жазылсын", "жазу", True, False, False),
    ("танылсын", "тану", True, False, False),
    ("ұсынылсын", "ұсыну", True, False, False),
    ("жүктелсін", "жүктеу", True, False, False),
    ("анықталсын", "анықтау", True, False, False),
    ("қойылсын", "қою", True, False, False),
    ("алынсын", "алу", True, False, False),
    ("бөлінсін", "бөлу", True, False, False),
    ("белгіленсін", "белгілеу", True, False, False),
    ("жоспарлансын", "жоспарлау", True, False, False),
    ("жіберсін", "жіберу", False, False, False),
    ("етсін", "ету", False, False, False),
    ("келсін", "келу", False, False, False),
    ("әзірлесін", "әзірлеу", False, False, False),
    ("қабылдасын", "қабылдау", False, False, False),
    ("орындасын", "орындау", False, False, False),
    ("жіберілмесін", "жіберу", True, True, False),
    ("қалдырамын", "қалдыру", False, False, True),
    ("жүктеймін", "жүктеу", False, False, True),
    ("бекiтiлсiн", "бекіту", True, False, False),  # Latin i from a PDF export
]


@pytest.mark.parametrize("word,lemma,passive,negative,first", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_command(word, lemma, passive, negative, first):
    assert verbs.command(word) == verbs.Command(lemma, passive, negative, first)


@pytest.mark.parametrize("word", ["ставкасын", "ережесін", "мөлшерлемесін", "қаулысын", "кестесін",
                                  "бюджет", "баяндама"])
def test_nouns_are_not_commands(word):
    assert verbs.command(word) is None


VERBAL_NOUNS = [
    # word, dictionary form, active form
    ("кемсітуге", "кемсіту", "кемсіту"),
    ("шығуы", "шығу", "шығу"),
    ("оралуына", "оралу", None),
    ("кетуіне", "кету", "кету"),
    ("аспауға", "аспау", "аспау"),
    ("қабылдауды", "қабылдау", "қабылдау"),
    ("жүріп-тұруға", "жүріп-тұру", "жүріп-тұру"),
    ("шектелуі", "шектелу", "шектеу"),
    ("аударылуы", "аударылу", "аудару"),
    ("жүргізілуі", "жүргізілу", "жүргізу"),
    ("сақтандырылуы", "сақтандырылу", "сақтандыру"),
    ("алуға", "алу", "алу"),
    ("жоюға", "жою", "жою"),
    ("қойылуы", "қойылу", "қою"),
]


@pytest.mark.parametrize("word,lemma,active", VERBAL_NOUNS, ids=[v[0] for v in VERBAL_NOUNS])
def test_verbal_noun(word, lemma, active):
    assert verbs.verbal_noun(word) == lemma
    if active is not None:
        assert verbs.verbal_noun(word, active=True) == active


@pytest.mark.parametrize("word", ["баяндаманы", "жәрдемақыға", "бюджет", "министрлігі", "құқығы"])
def test_other_words_are_not_verbal_nouns(word):
    assert verbs.verbal_noun(word) is None


@pytest.mark.parametrize("stem,inf", [("бекіт", "бекіту"), ("анықта", "анықтау"), ("оқы", "оқу"),
                                      ("қой", "қою"), ("жүкте", "жүктеу")])
def test_infinitive(stem, inf):
    assert verbs.infinitive(stem) == inf


def test_assigning_verbs():
    assert verbs.assigns("жүктеу") and not verbs.assigns("бекіту")
