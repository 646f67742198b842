"""Kazakh noun endings: whole paradigms generated with inflect() must analyse
back to their stem, and the attested forms of LANGUAGE_NOTES.md §1.3 must be
what inflect() generates."""
from __future__ import annotations

import pytest

from graph.lang.kk.morph import (CASES, Analysis, analyse, drop_case, inflect, lemma,
                                 split_hyphen_suffix)

# (stem, nominative plural, gen, dat, acc, loc, abl, ins) — LANGUAGE_NOTES.md §1.3.
BARE_PARADIGMS = [
    ("заң", "заңдар", "заңның", "заңға", "заңды", "заңда", "заңнан", "заңмен"),
    ("кодекс", "кодекстер", "кодекстің", "кодекске", "кодексті", "кодексте", "кодекстен", "кодекспен"),
    ("қаулы", "қаулылар", "қаулының", "қаулыға", "қаулыны", "қаулыда", "қаулыдан", "қаулымен"),
    ("бап", "баптар", "баптың", "бапқа", "бапты", "бапта", "баптан", "баппен"),
    ("тармақ", "тармақтар", "тармақтың", "тармаққа", "тармақты", "тармақта", "тармақтан", "тармақпен"),
    ("бөлік", "бөліктер", "бөліктің", "бөлікке", "бөлікті", "бөлікте", "бөліктен", "бөлікпен"),
    ("министрлік", "министрліктер", "министрліктің", "министрлікке", "министрлікті", "министрлікте",
     "министрліктен", "министрлікпен"),
    ("комитет", "комитеттер", "комитеттің", "комитетке", "комитетті", "комитетте", "комитеттен", "комитетпен"),
    ("сот", "соттар", "соттың", "сотқа", "сотты", "сотта", "соттан", "сотпен"),
    ("әкімдік", "әкімдіктер", "әкімдіктің", "әкімдікке", "әкімдікті", "әкімдікте", "әкімдіктен", "әкімдікпен"),
    ("мәслихат", "мәслихаттар", "мәслихаттың", "мәслихатқа", "мәслихатты", "мәслихатта", "мәслихаттан",
     "мәслихатпен"),
    ("тарау", "тараулар", "тараудың", "тарауға", "тарауды", "тарауда", "тараудан", "тараумен"),
    ("наурыз", "наурыздар", "наурыздың", "наурызға", "наурызды", "наурызда", "наурыздан", "наурызбен"),
    ("маусым", "маусымдар", "маусымның", "маусымға", "маусымды", "маусымда", "маусымнан", "маусыммен"),
    ("жою", "жоюлар", "жоюдың", "жоюға", "жоюды", "жоюда", "жоюдан", "жоюмен"),
    ("шілде", "шілделер", "шілденің", "шілдеге", "шілдені", "шілдеде", "шілдеден", "шілдемен"),
    ("акт", "актілер", "актінің", "актіге", "актіні", "актіде", "актіден", "актімен"),
]

# (stem, POSS3, +gen, +dat, +acc, +loc, +abl, +ins) — LANGUAGE_NOTES.md §1.3 and §1.1.
POSSESSIVE_PARADIGMS = [
    ("заң", "заңы", "заңының", "заңына", "заңын", "заңында", "заңынан", "заңымен"),
    ("кодекс", "кодексі", "кодексінің", "кодексіне", "кодексін", "кодексінде", "кодексінен", "кодексімен"),
    ("қаулы", "қаулысы", "қаулысының", "қаулысына", "қаулысын", "қаулысында", "қаулысынан", "қаулысымен"),
    ("бап", "бабы", "бабының", "бабына", "бабын", "бабында", "бабынан", "бабымен"),
    ("тармақ", "тармағы", "тармағының", "тармағына", "тармағын", "тармағында", "тармағынан", "тармағымен"),
    ("бөлік", "бөлігі", "бөлігінің", "бөлігіне", "бөлігін", "бөлігінде", "бөлігінен", "бөлігімен"),
    ("министрлік", "министрлігі", "министрлігінің", "министрлігіне", "министрлігін", "министрлігінде",
     "министрлігінен", "министрлігімен"),
    ("комитет", "комитеті", "комитетінің", "комитетіне", "комитетін", "комитетінде", "комитетінен",
     "комитетімен"),
    ("сот", "соты", "сотының", "сотына", "сотын", "сотында", "сотынан", "сотымен"),
    ("әкімдік", "әкімдігі", "әкімдігінің", "әкімдігіне", "әкімдігін", "әкімдігінде", "әкімдігінен",
     "әкімдігімен"),
    ("мәслихат", "мәслихаты", "мәслихатының", "мәслихатына", "мәслихатын", "мәслихатында", "мәслихатынан",
     "мәслихатымен"),
    ("акт", "актісі", "актісінің", "актісіне", "актісін", "актісінде", "актісінен", "актісімен"),
    ("банк", "банкі", "банкінің", "банкіне", "банкін", "банкінде", "банкінен", "банкімен"),
    ("тарау", "тарауы", "тарауының", "тарауына", "тарауын", "тарауында", "тарауынан", "тарауымен"),
    ("жою", "жоюы", "жоюының", "жоюына", "жоюын", "жоюында", "жоюынан", "жоюымен"),
    ("тию", "тиюі", "тиюінің", "тиюіне", "тиюін", "тиюінде", "тиюінен", "тиюімен"),
    ("орын", "орны", "орнының", "орнына", "орнын", "орнында", "орнынан", "орнымен"),
    ("халық", "халқы", "халқының", "халқына", "халқын", "халқында", "халқынан", "халқымен"),
]


@pytest.mark.parametrize("row", BARE_PARADIGMS, ids=lambda r: r[0])
def test_inflect_bare_paradigm(row):
    stem, *forms = row
    got = [inflect(stem, plural=True)] + [inflect(stem, case=c) for c in CASES]
    assert got == forms


@pytest.mark.parametrize("row", POSSESSIVE_PARADIGMS, ids=lambda r: r[0])
def test_inflect_possessive_paradigm(row):
    stem, *forms = row
    got = [inflect(stem, possessive=True)] + [inflect(stem, possessive=True, case=c) for c in CASES]
    assert got == forms


# Nouns whose whole paradigm (plural x possessive x case x attributive) must round-trip.
ROUND_TRIP_STEMS = [
    "заң", "кодекс", "қаулы", "бап", "тармақ", "тармақша", "бөлік", "бөлім", "министрлік", "комитет",
    "сот", "әкімдік", "әкім", "мәслихат", "конвенция", "Конституция", "ереже", "тарау", "заңнама",
    "акт", "пакт", "Үкімет", "үкім", "бұйрық", "Жарлық", "шешім", "келісім", "бағдарлама", "облыс",
    "кеңес", "агенттік", "департамент", "хаттама", "басқарма", "Республика", "қағида", "қағидат",
    "шарт", "өкім", "тізбе", "Парламент", "Сенат", "Мәжіліс", "прокуратура", "орган", "мекеме",
    "ұйым", "жұмыс", "құқық", "мемлекет", "сан", "көзқарас", "белгі", "қатысушы",
    "атқарушы", "міндеттеме", "орын", "халық", "ауыз", "ие", "жою", "кіру", "қорғау", "наурыз", "қыркүйек", "желтоқсан", "банк",
]


def _paradigm(stem: str):
    for plural in (False, True):
        for possessive in (False, True):
            for case in (None, *CASES):
                yield Analysis(stem.lower(), plural, possessive, case)
            yield Analysis(stem.lower(), plural, possessive, "loc", attributive=True)


@pytest.mark.parametrize("stem", ROUND_TRIP_STEMS)
def test_paradigm_round_trips(stem):
    failures = []
    for a in _paradigm(stem):
        form = inflect(stem, a.plural, a.possessive, a.case, a.attributive)
        if a not in analyse(form):
            failures.append((form, "analyse misses", a))
        if analyse(form)[0] != a:
            failures.append((form, "best reading", analyse(form)[0]))
        if drop_case(form) != inflect(stem, a.plural, a.possessive):
            failures.append((form, "drop_case", drop_case(form)))
        if lemma(form) != stem.lower():
            failures.append((form, "lemma", lemma(form)))
    assert failures == []


@pytest.mark.parametrize("stem", ["Заң", "Жарлық", "Кодекс", "Үкімет"])
def test_capitalised_forms_keep_their_capital(stem):
    for a in _paradigm(stem):
        form = inflect(stem, a.plural, a.possessive, a.case, a.attributive)
        cap = form[0].upper() + form[1:]
        assert lemma(cap) == stem
        assert drop_case(cap)[0] == cap[0]
        assert drop_case(cap.upper()) == inflect(stem, a.plural, a.possessive).upper()


# (word, drop_case, lemma)
TRICKY = [
    ("министрлігінің", "министрлігі", "министрлік"),
    ("конвенцияның", "конвенция", "конвенция"),
    ("Заңының", "Заңы", "Заң"),
    ("кодексіне", "кодексі", "кодекс"),
    ("комитетіне", "комитеті", "комитет"),
    ("ережесін", "ережесі", "ереже"),
    ("Соттың", "Сот", "Сот"),
    ("кодексінің", "кодексі", "кодекс"),
    ("баптары", "баптары", "бап"),
    ("тармағының", "тармағы", "тармақ"),
    ("Жарлығымен", "Жарлығы", "Жарлық"),
    # stems that end like a suffix
    ("қаулы", "қаулы", "қаулы"),
    ("қаулысының", "қаулысы", "қаулы"),
    ("ҚАУЛЫ", "ҚАУЛЫ", "ҚАУЛЫ"),
    ("Жоғарғы", "Жоғарғы", "Жоғарғы"),
    ("Конституциясына", "Конституциясы", "Конституция"),
    # a longer lexeme is not a shorter one
    ("тармақшасына", "тармақшасы", "тармақша"),
    ("заңнамасына", "заңнамасы", "заңнама"),
    ("заңнаманың", "заңнама", "заңнама"),
    ("бөлімінде", "бөлімі", "бөлім"),
    ("Үкіметінің", "Үкіметі", "Үкімет"),
    ("үкімімен", "үкімі", "үкім"),
    # loanwords: epenthetic і, front endings, no voicing
    ("актісіне", "актісі", "акт"),
    ("актілерді", "актілер", "акт"),
    ("пактіні", "пакт", "пакт"),
    ("фактілері", "фактілері", "факт"),
    ("Банкінің", "Банкі", "Банк"),
    ("клубтарының", "клубтары", "клуб"),
    # attributive after a locative
    ("тармағындағы", "тармағы", "тармақ"),
    ("кодексіндегі", "кодексі", "кодекс"),
    ("қыркүйектегі", "қыркүйек", "қыркүйек"),
    ("қазандағы", "қазан", "қазан"),
    # -сы after a vowel vs -ы after с
    ("облысының", "облысы", "облыс"),
    ("Кеңесінің", "Кеңесі", "Кеңес"),
    ("бағдарламасы", "бағдарламасы", "бағдарлама"),
    # agent nouns, -гі nouns, ordinals and adjectives that end like a suffix
    ("атқарушы", "атқарушы", "атқарушы"),
    ("қатысушысы", "қатысушысы", "қатысушы"),
    ("белгісі", "белгісі", "белгі"),
    ("бірінші", "бірінші", "бірінші"),
    ("алты", "алты", "алты"),
    ("міндетті", "міндетті", "міндетті"),  # "obligatory" far more often than міндет+ACC
    ("тиісті", "тиісті", "тиісті"),
    ("туралы", "туралы", "туралы"),
    ("үшін", "үшін", "үшін"),
    ("саны", "саны", "сан"),
    ("иелері", "иелері", "ие"),
    # stems that drop their last vowel before -ы/-і
    ("орнына", "орны", "орын"),
    ("халқының", "халқы", "халық"),
    ("бланкілер", "бланкілер", "бланк"),
    # proprietive adjectives in -лы/-лі are not л-stems with a possessive
    ("сайлаулы", "сайлаулы", "сайлаулы"),
    ("Қарағандыда", "Қарағанды", "Қарағанды"),
    # not a noun ending at all: attributive adjectives
    ("жылғы", "жылғы", "жылғы"),
    ("Сыртқы", "Сыртқы", "Сыртқы"),
    ("Қазақстан", "Қазақстан", "Қазақстан"),
    ("Республикасының", "Республикасы", "Республика"),
    # Latin i from PDF exports (LANGUAGE_NOTES.md §9) keeps the text's letters
    ("Кеңесiнiң", "Кеңесi", "Кеңес"),
    # legacy-font letters (Ќ=Қ, њ=ң, ѓ=ғ, љ=ө) are read as Kazakh ones and kept
    ("Президентініњ", "Президенті", "Президент"),
    ("љзгерістермен", "љзгерістер", "љзгеріс"),
    ("Ќазаќстан", "Ќазаќстан", "Ќазаќстан"),
    # hyphen endings on abbreviations and numbers
    ("БҰҰ-ның", "БҰҰ", "БҰҰ"),
    ("ҚПК-нің", "ҚПК", "ҚПК"),
    ("ПҮАЖ-ы", "ПҮАЖ-ы", "ПҮАЖ"),
    ("331-ге", "331", "331"),
    # compounds: the ending sits on the last part
    ("Қылмыстық-процестік", "Қылмыстық-процестік", "Қылмыстық-процестік"),
    ("14-бабына", "14-бабы", "14-бап"),
    # not Kazakh
    ("1332", "1332", "1332"),
    ("CERD", "CERD", "CERD"),
]


@pytest.mark.parametrize("word,dropped,lem", TRICKY, ids=[r[0] for r in TRICKY])
def test_tricky_words(word, dropped, lem):
    assert (drop_case(word), lemma(word)) == (dropped, lem)


ANALYSES = [
    ("тармақтарына", Analysis("тармақ", plural=True, possessive=True, case="dat")),
    ("баптарын", Analysis("бап", plural=True, possessive=True, case="acc")),
    ("тармағындағы", Analysis("тармақ", possessive=True, case="loc", attributive=True)),
    ("Заңдарға", Analysis("заң", plural=True, case="dat")),
    ("бөлікпен", Analysis("бөлік", case="ins")),
    ("наурыздағы", Analysis("наурыз", case="loc", attributive=True)),
    ("қаулы", Analysis("қаулы")),
    # a loanword's inserted vowel and the short accusative: пактін = пактіні
    ("пактін", Analysis("пакт", case="acc")),
    ("пактіні", Analysis("пакт", case="acc")),
    ("Пактіде", Analysis("пакт", case="loc")),
]


@pytest.mark.parametrize("word,best", ANALYSES, ids=[r[0] for r in ANALYSES])
def test_best_analysis(word, best):
    assert analyse(word)[0] == best


# (token, (base, ending))
HYPHEN = [
    ("БҰҰ-ның", ("БҰҰ", "ның")),
    ("ҚПК-нің", ("ҚПК", "нің")),
    ("ЗҚАИ-ның", ("ЗҚАИ", "ның")),
    ("ПҮАЖ-ы", ("ПҮАЖ", "ы")),
    ("331-ге", ("331", "ге")),
    ("5-тен", ("5", "тен")),
    ("19-ға", ("19", "ға")),
    ("120-дан", ("120", "дан")),
    ("11-інде", ("11", "інде")),
    ("29-ындағы", ("29", "ындағы")),
    ("1-ші", ("1", "ші")),
    ("366-шы", ("366", "шы")),
    ("4-інші", ("4", "інші")),
    ("14-бабы", ("14-бабы", "")),
    ("1-тармақ", ("1-тармақ", "")),
    ("62-IV", ("62-IV", "")),
    ("Қылмыстық-процестік", ("Қылмыстық-процестік", "")),
    ("ерлі-зайыптылық", ("ерлі-зайыптылық", "")),
    ("жоқ", ("жоқ", "")),
    ("-ның", ("-ның", "")),
]


@pytest.mark.parametrize("token,expected", HYPHEN, ids=[r[0] for r in HYPHEN])
def test_split_hyphen_suffix(token, expected):
    assert split_hyphen_suffix(token) == expected


def test_attributive_needs_a_locative():
    with pytest.raises(ValueError):
        inflect("заң", case="dat", attributive=True)


# Property: whatever stem inflect() is given, analyse() finds that reading among
# its readings of the result (generate-and-test can't lose the true split).
from hypothesis import given, settings
from hypothesis import strategies as st

_CONSONANTS = "бдгжзйклмнңпрстшқғ"
_VOWELS = "аәеоөұүыі"
_syllable = st.tuples(st.sampled_from(_CONSONANTS), st.sampled_from(_VOWELS),
                      st.sampled_from(_CONSONANTS + " ")).map(lambda t: "".join(t).strip())


@settings(max_examples=300, deadline=None)
@given(syllables=st.lists(_syllable, min_size=1, max_size=3),
       plural=st.booleans(), possessive=st.booleans(),
       case=st.sampled_from((None, *CASES)), attributive=st.booleans())
def test_analyse_always_finds_the_generating_reading(syllables, plural, possessive, case, attributive):
    from graph.lang.kk import morph
    stem = "".join(syllables)
    rules = morph._rules()
    if stem in rules.nominative or stem in rules.epenthetic or stem in rules.elided or len(stem) < 2:
        return
    if attributive:
        case = "loc"
    form = inflect(stem, plural, possessive, case, attributive)
    assert Analysis(stem, plural, possessive, case, attributive) in analyse(form)


def _lexicon_head_nouns() -> list[str]:
    """The dictionary forms other extractors look for (institution heads, act
    words, units): their last word, if it is a Cyrillic word."""
    from graph.lang import lexicon
    words = set()
    for name in ("institution_heads", "acts", "units"):
        try:
            rows = lexicon("kk", name)
        except FileNotFoundError:
            continue
        for row in rows:
            if name == "units" and (row[0] != "unit" or len(row) < 2):
                continue  # the other rows are citation-grammar words, not nouns
            cell = row[1] if name == "units" else row[0]
            last = cell.replace("-", " ").split()[-1] if cell.split() else ""
            if last.isalpha() and all("\u0400" <= ch <= "\u04ff" for ch in last):
                words.add(last.lower())
    return sorted(words)


@pytest.mark.parametrize("stem", _lexicon_head_nouns())
def test_lexicon_head_nouns_round_trip(stem):
    """Every inflected form of a head noun the extractors list comes back to it."""
    wrong = [(form, lemma(form)) for a in _paradigm(stem)
             if lemma(form := inflect(stem, a.plural, a.possessive, a.case, a.attributive)) != stem]
    assert wrong == []
