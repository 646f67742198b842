"""The Kazakh tokenizer (`spacy.blank("kk")` through our entry point): named
(text, tokens) lists, in the manner of spacy/tests/lang/ky."""
from __future__ import annotations

import pickle

import pytest
import spacy

from graph.lang.kk.language import Kazakh


@pytest.fixture(scope="module")
def kk():
    return spacy.blank("kk")


DATES_AND_NUMBERS = [
    ("2012 жылғы 22 қазандағы", ["2012", "жылғы", "22", "қазандағы"]),
    ("22.10.2012 жылғы", ["22.10.2012", "жылғы"]),
    ("01.07.2021 бастап.", ["01.07.2021", "бастап", "."]),
    ("2012.19.04. бастап", ["2012.19.04", ".", "бастап"]),
    ("2021-2023 жылдарға", ["2021", "-", "2023", "жылдарға"]),
    ("9680,5 мың теңге", ["9680,5", "мың", "теңге"]),
    ("2012 ж., № 18-І, 92-құжат", ["2012", "ж.", ",", "№", "18-І", ",", "92", "-", "құжат"]),
]

NUMBER_SIGNS_AND_CONVOCATIONS = [
    ("№1332 қаулысы", ["№", "1332", "қаулысы"]),
    ("№ 1332 қаулысы", ["№", "1332", "қаулысы"]),
    ("№ 214-IV Заңы", ["№", "214-IV", "Заңы"]),
    ("N 62-IV Заңы", ["N", "62-IV", "Заңы"]),
    ("№ 22/3-VIII шешімі", ["№", "22/3-VIII", "шешімі"]),
    ("№04/01 бұйрығы", ["№", "04/01", "бұйрығы"]),
    ("403-VI ҚРЗ", ["403-VI", "ҚРЗ"]),
]

# Decision: a number and a noun joined by a hyphen are two words (14 - бабы),
# a number or abbreviation with only an ending after the hyphen is one (331-ге).
HYPHENS = [
    ("14-бабы", ["14", "-", "бабы"]),
    ("Заңының 27-бабы 5-тармағының", ["Заңының", "27", "-", "бабы", "5", "-", "тармағының"]),
    ("7-1-бабына", ["7", "-", "1", "-", "бабына"]),
    ("4,6-тармақтарына", ["4,6", "-", "тармақтарына"]),
    ("331-ге дейін", ["331-ге", "дейін"]),
    ("5-тен 19-ға", ["5-тен", "19-ға"]),
    ("11-інде", ["11-інде"]),
    ("1-ші және 366-шы", ["1-ші", "және", "366-шы"]),
    ("БҰҰ-ның ҚПК-нің ПҮАЖ-ы", ["БҰҰ-ның", "ҚПК-нің", "ПҮАЖ-ы"]),
    ("Қылмыстық-процестік кодексінің", ["Қылмыстық-процестік", "кодексінің"]),
    ("неке (ерлі-зайыптылық) және", ["неке", "(", "ерлі-зайыптылық", ")", "және"]),
    ("(бұдан әрі – АК)", ["(", "бұдан", "әрі", "–", "АК", ")"]),
]

QUOTES_AND_ITEMS = [
    ("«Самұрық-Қазына»-ға", ["«", "Самұрық-Қазына", "»", "-ға"]),
    ("«Қазақстан темір жолы»-ның", ["«", "Қазақстан", "темір", "жолы", "»", "-ның"]),
    ('"Атамекен"-нің өкілі', ['"', "Атамекен", '"', "-нің", "өкілі"]),
    ("(ҚР)-ның", ["(", "ҚР", ")", "-ның"]),
    ("«Құқықтық актілер туралы» Заңының", ["«", "Құқықтық", "актілер", "туралы", "»", "Заңының"]),
    ('"Әкімшілік рәсімдер туралы" Заңына', ['"', "Әкімшілік", "рәсімдер", "туралы", '"', "Заңына"]),
    ("15) тармақшасына сәйкес", ["15", ")", "тармақшасына", "сәйкес"]),
    ("1-1) тармақшасы", ["1", "-", "1", ")", "тармақшасы"]),
    ("a) b) е)", ["a", ")", "b", ")", "е", ")"]),
]

ABBREVIATIONS_AND_ADDRESSES = [
    ("министрінің м.а. Әділет", ["министрінің", "м.а.", "Әділет"]),
    ("т.б. және т.с.с.", ["т.б.", "және", "т.с.с."]),
    ("2012 ж. қаңтарда", ["2012", "ж.", "қаңтарда"]),
    ("https://adilet.zan.kz/kaz/docs/Z090000214_ сайтында",
     ["https://adilet.zan.kz/kaz/docs/Z090000214_", "сайтында"]),
    ("(www.adilet.zan.kz/rus/docs/P1600000290#z12).",
     ["(", "www.adilet.zan.kz/rus/docs/P1600000290#z12", ")", "."]),
    ("adilet.zan.kz сайтында", ["adilet.zan.kz", "сайтында"]),
]

SENTENCES = [
    ("ҚАУЛЫ ЕТЕДІ:", ["ҚАУЛЫ", "ЕТЕДІ", ":"]),
    ("Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.",
     ["Осы", "қаулы", "қол", "қойылған", "күнінен", "бастап", "қолданысқа", "енгізіледі", "."]),
    ("мерзімді бекітілсін.баяндама", ["мерзімді", "бекітілсін", ".", "баяндама"]),
    ("Заңы.Бұл", ["Заңы", ".", "Бұл"]),
]

# PDF exports glue displaced words to their neighbours (LANGUAGE_NOTES.md §9)
PDF_DAMAGE = [
    ("қоғамдық16-бабына", ["қоғамдық", "16", "-", "бабына"]),
    ("іс141-1 бабы", ["іс", "141", "-", "1", "бабы"]),
    ("2-тармағы).25-бабының", ["2", "-", "тармағы", ")", ".", "25", "-", "бабының"]),
    ("маңдайшалар,21-бабында", ["маңдайшалар", ",", "21", "-", "бабында"]),
    ("сайын .Заңымен", ["сайын", ".", "Заңымен"]),
    ("V2300033329 тіркелген", ["V2300033329", "тіркелген"]),
]

ALL = (PDF_DAMAGE + DATES_AND_NUMBERS + NUMBER_SIGNS_AND_CONVOCATIONS + HYPHENS + QUOTES_AND_ITEMS
       + ABBREVIATIONS_AND_ADDRESSES + SENTENCES)


@pytest.mark.parametrize("text,expected", ALL, ids=[t for t, _ in ALL])
def test_kk_tokenizer(kk, text, expected):
    assert [t.text for t in kk(text)] == expected


def test_blank_kk_comes_from_our_entry_point(kk):
    assert isinstance(kk, Kazakh) and kk.lang == "kk"


def test_tokenizer_keeps_the_text(kk, seed_text):
    doc = kk(seed_text)
    assert doc.text == seed_text


def test_long_texts_are_accepted(kk, seed_text):
    """A whole code is one Doc: spaCy's 1M-character guard is lifted (the seed
    x 5, about 1.1 MB)."""
    text = seed_text * 5
    assert len(text) > 1_000_000
    doc = kk.make_doc(text)
    assert len(doc) >= 5 * len(kk.make_doc(seed_text)) - 5
    assert doc.text == text


LIKE_NUM = [
    ("үш жүз алпыс алтыншы бап", [True, True, True, True, False]),
    ("бесінші сессиясында 2012 жылғы", [True, False, True, False]),
    ("331-ге 14-бабы", [True, True, False, False]),
]


@pytest.mark.parametrize("text,expected", LIKE_NUM, ids=[t for t, _ in LIKE_NUM])
def test_like_num(kk, text, expected):
    assert [t.like_num for t in kk(text)] == expected


def test_abbreviation_norms(kk):
    assert [t.norm_ for t in kk("2012 ж. т.б.")] == ["2012", "жыл", "тағы басқа"]


def test_tokenizer_survives_serialisation(kk):
    text = "БҰҰ-ның 62-IV 14-бабы №1332 https://adilet.zan.kz/kaz/docs/Z090000214_"
    expected = [t.text for t in kk(text)]
    assert [t.text for t in pickle.loads(pickle.dumps(kk))(text)] == expected
    assert [t.text for t in spacy.blank("kk").from_bytes(kk.to_bytes())(text)] == expected


def test_norm_maps_latin_lookalikes_inside_kazakh_words(kk):
    assert [t.norm_ for t in kk("Кеңесi iс CERD Заңы Ќазаќстан")] == ["кеңесі", "іс", "cerd", "заңы", "қазақстан"]


def test_stop_words(kk):
    doc = kk("Осы қаулы және оған қосымша Заңға сәйкес")
    assert [t.text for t in doc if t.is_stop] == ["Осы", "және", "оған", "сәйкес"]


@pytest.mark.parametrize("token", ["a." * 20000 + "!", "1/" * 20000 + "x", "https://" + "a" * 40000 + "«",
                                   "БҰҰ-" + "лары" * 10000 + "x", "қ" * 40000 + ".1"])
def test_long_odd_tokens_keep_their_text(kk, token):
    """Inputs that would backtrack in a careless rule (scripts/linearity.py times them)."""
    doc = kk(token)
    assert doc.text == token
    assert len(doc) >= 1
