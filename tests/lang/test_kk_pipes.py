"""The noun-morphology pipe of the Kazakh language: lemmas and UD features
written onto spaCy tokens, from sentences in the style of acts."""
from __future__ import annotations

import pickle

import pytest
import spacy


@pytest.fixture(scope="module")
def kk():
    nlp = spacy.blank("kk")
    nlp.add_pipe("zangraph_kk_morph")
    return nlp


# (text, [(token, lemma, morph)]) for the Cyrillic words of the sentence
SENTENCES = [
    ("Қазақстан Республикасы Үкіметінің қаулысына сәйкес",
     [("Қазақстан", "Қазақстан", "Case=Nom|Number=Sing"),
      ("Республикасы", "Республика", "Case=Nom|Number=Sing|Person[psor]=3"),
      ("Үкіметінің", "Үкімет", "Case=Gen|Number=Sing|Person[psor]=3"),
      ("қаулысына", "қаулы", "Case=Dat|Number=Sing|Person[psor]=3"),
      ("сәйкес", "сәйкес", "Case=Nom|Number=Sing")]),
    ("Кодекстің 1-7 баптарын",
     [("Кодекстің", "Кодекс", "Case=Gen|Number=Sing"),
      ("баптарын", "бап", "Case=Acc|Number=Plur|Person[psor]=3")]),
    ("Жарлығымен бекітілген Ережеде",
     [("Жарлығымен", "Жарлық", "Case=Ins|Number=Sing|Person[psor]=3"),
      ("бекітілген", "бекітілген", "Case=Nom|Number=Sing"),
      ("Ережеде", "Ереже", "Case=Loc|Number=Sing")]),
]


@pytest.mark.parametrize("text,expected", SENTENCES, ids=[s[0] for s in SENTENCES])
def test_lemmas_and_features(kk, text, expected):
    doc = kk(text)
    got = [(t.text, t.lemma_, str(t.morph)) for t in doc if t.is_alpha]
    assert got == expected


def test_pipeline_with_the_morph_pipe_pickles(kk):
    again = pickle.loads(pickle.dumps(kk))
    assert [t.lemma_ for t in again("Заңының 5-бабына")] == [t.lemma_ for t in kk("Заңының 5-бабына")]
