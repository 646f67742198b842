"""Instrument grammar, one row per construction: the text of an act or a
report that cites acts, and every instrument mention the pipeline gives for it
(mention text and fields, after resolve). Sentences written for these tests.

The issuer comes from the institutions extractor; the table leaves it out and
`test_issuer_is_the_institution_before_the_requisites` checks how an
instrument takes it.
"""
from __future__ import annotations

import pytest

from graph.extract import Findings, dates, instruments
from graph.models import Found
from graph.pipeline import process_text

L, C, R, O, D, P, T, U, K = ("law", "code", "resolution", "order", "decision", "programme",
                              "treaty", "un_document", "constitution")

ROWS = [
    pytest.param(
        "Қазақстан Республикасының 2005 жылғы 13 маусымдағы № 52-III «Ветеринария туралы» Заңына сәйкес.",
        [("Қазақстан Республикасының 2005 жылғы 13 маусымдағы № 52-III «Ветеринария туралы» Заңына",
          {"kind": L, "title": "Ветеринария туралы", "date": "2005-06-13", "number": "52-III"})],
        id="full preamble: issuer date number title type"),
    pytest.param(
        "«Тұрғын үй құрылысы туралы» Қазақстан Республикасының 2016 жылғы 4 шілдедегі Заңының 5-бабына сәйкес.",
        [("«Тұрғын үй құрылысы туралы» Қазақстан Республикасының 2016 жылғы 4 шілдедегі Заңының",
          {"kind": L, "title": "Тұрғын үй құрылысы туралы", "date": "2016-07-04"})],
        id="title first, genitive Заңының"),
    pytest.param(
        "Қазақстан Республикасы Еңбек кодексінің 12-бабына сәйкес.",
        [("Қазақстан Республикасы Еңбек кодексінің", {"kind": C, "title": "Еңбек кодексі"})],
        id="code named by a noun keeps the possessive"),
    pytest.param(
        "Қазақстан Республикасының Азаматтық процестік кодексіне өзгерістер енгізілді.",
        [("Қазақстан Республикасының Азаматтық процестік кодексіне",
          {"kind": C, "title": "Азаматтық процестік кодекс"})],
        id="code named by adjectives, dative кодексіне"),
    pytest.param(
        "«Жер қойнауы және жер қойнауын пайдалану туралы» Қазақстан Республикасы кодексінің 20-бабы.",
        [("«Жер қойнауы және жер қойнауын пайдалану туралы» Қазақстан Республикасы кодексінің",
          {"kind": C, "title": "Жер қойнауы және жер қойнауын пайдалану туралы кодекс"})],
        id="code with a quoted туралы title"),
    pytest.param(
        "2018 жылғы 12 наурызда Қылмыстық кодекске өзгерістер енгізілді. Аталған Кодекстің 5-бабы.",
        [("Қылмыстық кодекске", {"kind": C, "title": "Қылмыстық кодекс"}),
         ("Аталған Кодекстің", {"kind": C, "title": "Қылмыстық кодекс", "anaphora": True})],
        id="event date is not the act's; аталған points back"),
    pytest.param(
        "Қазақстан Республикасы Конституциясының 33-бабына сәйкес.",
        [("Қазақстан Республикасы Конституциясының", {"kind": K, "title": "Конституция"})],
        id="Constitution"),
    pytest.param(
        "Ата Заңның 2-бабында көзделген.",
        [("Ата Заңның", {"kind": K, "title": "Конституция"})],
        id="Ата Заң is the Constitution"),
    pytest.param(
        "«Қазақстан Республикасының Президенті туралы» Қазақстан Республикасының 1995 жылғы 26 желтоқсандағы "
        "Конституциялық заңына сәйкес.",
        [("«Қазақстан Республикасының Президенті туралы» Қазақстан Республикасының 1995 жылғы 26 желтоқсандағы "
          "Конституциялық заңына",
          {"kind": "constitutional_law", "title": "Қазақстан Республикасының Президенті туралы",
           "date": "1995-12-26"})],
        id="constitutional law"),
    pytest.param(
        "Қазақстан Республикасы Президентінің 2019 жылғы 5 наурыздағы № 12 Жарлығымен бекітілген.",
        [("Қазақстан Республикасы Президентінің 2019 жылғы 5 наурыздағы № 12 Жарлығымен",
          {"kind": "decree", "date": "2019-03-05", "number": "12"})],
        id="decree, instrumental Жарлығымен"),
    pytest.param(
        "Ескерту. Күші жойылды - ҚР Үкіметінің 15.03.2019 № 120 қаулысымен.",
        [("ҚР Үкіметінің 15.03.2019 № 120 қаулысымен", {"kind": R, "date": "2019-03-15", "number": "120"})],
        id="editorial note with a numeric date"),
    pytest.param(
        "Қазақстан Республикасы Денсаулық сақтау министрінің 2020 жылғы 30 қазандағы № 175 бұйрығына "
        "өзгерістер енгізілсін.",
        [("Қазақстан Республикасы Денсаулық сақтау министрінің 2020 жылғы 30 қазандағы № 175 бұйрығына",
          {"kind": O, "date": "2020-10-30", "number": "175"})],
        id="ministerial order"),
    pytest.param(
        "Аудандық мәслихаттың 2019 жылғы 24 желтоқсандағы № 45/2 \"2020-2022 жылдарға арналған аудандық бюджет "
        "туралы\" шешіміне өзгерістер енгізілсін.",
        [("Аудандық мәслихаттың 2019 жылғы 24 желтоқсандағы № 45/2 \"2020-2022 жылдарға арналған аудандық "
          "бюджет туралы\" шешіміне",
          {"kind": D, "title": "2020-2022 жылдарға арналған аудандық бюджет туралы", "date": "2019-12-24",
           "number": "45/2"})],
        id="maslikhat decision, title after the number"),
    pytest.param(
        "Қазақстан Республикасы Үкіметінің 2014 жылғы 10 қыркүйектегі № 973 қаулысымен бекітілген Мемлекеттік "
        "қызмет көрсету қағидаларының 5-тармағына сәйкес.",
        [("Қазақстан Республикасы Үкіметінің 2014 жылғы 10 қыркүйектегі № 973 қаулысымен",
          {"kind": R, "date": "2014-09-10", "number": "973"}),
         ("Мемлекеттік қызмет көрсету қағидаларының",
          {"kind": "regulation", "title": "Мемлекеттік қызмет көрсету қағидалары"})],
        id="rules approved by a resolution"),
    pytest.param(
        "«Жер учаскелерін беру қағидаларын бекіту туралы» Қазақстан Республикасы Ұлттық экономика министрінің "
        "2015 жылғы 20 наурыздағы № 250 бұйрығына өзгеріс енгізілсін.",
        [("«Жер учаскелерін беру қағидаларын бекіту туралы» Қазақстан Республикасы Ұлттық экономика министрінің "
          "2015 жылғы 20 наурыздағы № 250 бұйрығына",
          {"kind": O, "title": "Жер учаскелерін беру қағидаларын бекіту туралы", "date": "2015-03-20",
           "number": "250"}),
         ("Жер учаскелерін беру қағидаларын", {"kind": "regulation", "title": "Жер учаскелерін беру қағидалары"})],
        id="act inside a title, normalised to the nominative"),
    pytest.param(
        "«Цифрлық Қазақстан» мемлекеттік бағдарламасын іске асыру.",
        [("«Цифрлық Қазақстан» мемлекеттік бағдарламасын", {"kind": P, "title": "Цифрлық Қазақстан"})],
        id="programme by its quoted name"),
    pytest.param(
        "Балалардың құқықтарын қорғау туралы халықаралық конвенцияның 3-бабы.",
        [("Балалардың құқықтарын қорғау туралы халықаралық конвенцияның",
          {"kind": T, "title": "Балалардың құқықтарын қорғау туралы халықаралық конвенция"})],
        id="treaty named without quotes"),
    pytest.param(
        "«Су ресурстарын бірлесіп пайдалану туралы» келісімнің ережелері.",
        [("«Су ресурстарын бірлесіп пайдалану туралы» келісімнің",
          {"kind": T, "title": "Су ресурстарын бірлесіп пайдалану туралы келісім"})],
        id="agreement with a quoted title"),
    pytest.param(
        "Қазақстан 2008 жылғы Астана келісімінің қатысушысы болып табылады; қоғамдық келісім нығайды.",
        [("2008 жылғы Астана келісімінің", {"kind": T, "title": "Астана келісімі"})],
        id="agreement by a one-word proper name; келісім as accord is not"),
    pytest.param(
        "Комитет CCPR/C/KAZ/CO/2 құжатында атап өтті.",
        [("CCPR/C/KAZ/CO/2", {"kind": U, "number": "CCPR/C/KAZ/CO/2"})],
        id="UN document symbol"),
    pytest.param(
        "Комитеттің № 35 жалпы ұсынымына сәйкес.",
        [("№ 35 жалпы ұсынымына", {"kind": U, "number": "35"})],
        id="UN general recommendation"),
    pytest.param(
        "«Тіл туралы» Заңда белгіленген. Осы Заңның 4-бабы.",
        [("«Тіл туралы» Заңда", {"kind": L, "title": "Тіл туралы"}),
         ("Осы Заңның", {"kind": L, "title": "Тіл туралы", "anaphora": True})],
        id="осы Заң in a text that is not a law"),
    pytest.param(
        "Қазақстан Республикасының Азаматтық кодексі (бұдан әрі – АК) қолданылады. АК-нің 9-бабы.",
        [("Қазақстан Республикасының Азаматтық кодексі (бұдан әрі – АК)",
          {"kind": C, "title": "Азаматтық кодекс"}),
         ("АК-нің", {"kind": C, "title": "Азаматтық кодекс", "anaphora": True})],
        id="defined short name"),
    pytest.param(
        "«Білім туралы» Заңның жобасы әзірленді.",
        [("«Білім туралы» Заңның жобасы", {"kind": L, "title": "Білім туралы", "draft": True})],
        id="draft"),
    pytest.param(
        "ҚР ҚПК-нің 120-бабы.",
        [("ҚР ҚПК-нің", {"kind": C, "title": "ҚПК"})],
        id="code abbreviation cited with an article"),
    pytest.param(
        "Бұл 1996 жылғы 31 мамырдағы «Қоғамдық қорлар туралы» және 2003 жылғы 16 қаңтардағы «Сақтандыру туралы» "
        "Қазақстан Республикасының Заңдарында көзделген.",
        [("1996 жылғы 31 мамырдағы «Қоғамдық қорлар туралы»",
          {"kind": L, "title": "Қоғамдық қорлар туралы", "date": "1996-05-31"}),
         ("2003 жылғы 16 қаңтардағы «Сақтандыру туралы» Қазақстан Республикасының Заңдарында",
          {"kind": L, "title": "Сақтандыру туралы", "date": "2003-01-16"})],
        id="two titles before one plural type word"),
    pytest.param(
        "2015 - 2020 жылдарға арналған Су ресурстарын басқару жөніндегі іс-шаралар жоспарын (бұдан әрі - "
        "Су жоспары) Үкімет бекітті. Су жоспарының орындалуы.",
        [("Су ресурстарын басқару жөніндегі іс-шаралар жоспарын (бұдан әрі - Су жоспары)",
          {"kind": P, "title": "Су ресурстарын басқару жөніндегі іс-шаралар жоспары"}),
         ("Су жоспарының",
          {"kind": P, "anaphora": True, "title": "Су ресурстарын басқару жөніндегі іс-шаралар жоспары"})],
        id="compound type word and a defined short name of two words"),
    pytest.param(
        "Қазақстан Республикасының 2017 жылғы 25 желтоқсандағы «Салық және бюджетке төленетін басқа да міндетті "
        "төлемдер туралы» Кодексі (бұдан әрі - Салық кодексі) қолданылады. Салық кодексінің 5-бабы.",
        [("Қазақстан Республикасының 2017 жылғы 25 желтоқсандағы «Салық және бюджетке төленетін басқа да міндетті "
          "төлемдер туралы» Кодексі (бұдан әрі - Салық кодексі)",
          {"kind": C, "title": "Салық және бюджетке төленетін басқа да міндетті төлемдер туралы кодекс",
           "date": "2017-12-25"}),
         ("Салық кодексінің",
          {"kind": C, "title": "Салық және бюджетке төленетін басқа да міндетті төлемдер туралы кодекс",
           "date": "2017-12-25", "anaphora": True})],
        id="a code cited by the short name its definition gave"),
    pytest.param("Заңдар мен нормативтік құқықтық актілер қабылданды.", [], id="generic words name no act"),
    pytest.param("Облыс әкімдігі ҚАУЛЫ ЕТЕДІ:", [], id="operative formula is not a citation"),
    pytest.param("1-тарау. ЖАЛПЫ ЕРЕЖЕЛЕР", [], id="chapter heading in capitals is not a citation"),
    pytest.param(
        "Ауыл шаруашылығы жерлерін пайдалану туралы\nАудандық мәслихат ШЕШІМ ҚАБЫЛДАДЫ:\n"
        "1. Осы шешім алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі.",
        [("Осы шешім", {"kind": D, "self": True, "anaphora": True})],
        id="осы шешім in a decision without a header: the document itself"),
    pytest.param(
        "Жол жүрісі туралы\n\nҚазақстан Республикасының 2014 жылғы 17 сәуірдегі № 194-V Заңы.\n\n"
        "      Осы Заң жол жүрісі саласындағы қатынастарды реттейді.",
        [("Жол жүрісі туралы", {"kind": L, "title": "Жол жүрісі туралы", "date": "2014-04-17",
                                "number": "194-V", "self": True}),
         ("Қазақстан Республикасының 2014 жылғы 17 сәуірдегі № 194-V Заңы",
          {"kind": L, "title": "Жол жүрісі туралы", "date": "2014-04-17", "number": "194-V", "self": True}),
         ("Осы Заң", {"kind": L, "title": "Жол жүрісі туралы", "date": "2014-04-17", "number": "194-V",
                      "self": True, "anaphora": True})],
        id="the document's own law: heading, header, осы Заң"),
]


def _instruments(text: str) -> list[tuple[str, dict]]:
    result = process_text("row.txt", text)
    return [(m.text, {k: v for k, v in m.fields.items() if k != "issuer"})
            for m in result.mentions if m.type == "instrument"]


@pytest.mark.parametrize("text,expected", ROWS)
def test_instrument_rows(text, expected):
    assert _instruments(text) == expected


def test_issuer_is_the_institution_before_the_requisites():
    text = "Облыс әкімдігінің 2021 жылғы 3 наурыздағы № 44 қаулысымен бекітілген."
    found = Findings(text)
    found.by_type["date"] = dates.find(text, found)
    start = text.index("Облыс")
    end = text.index("әкімдігінің") + len("әкімдігінің")
    found.by_type["institution"] = [Found("institution", start, end, {"name": "Облыс әкімдігі"})]
    [f] = instruments.find(text, found)
    assert (text[f.start:f.end], {k: v for k, v in f.fields.items() if not k.startswith("_")}) == (
        "Облыс әкімдігінің 2021 жылғы 3 наурыздағы № 44 қаулысымен",
        {"kind": R, "date": "2021-03-03", "number": "44", "issuer": "Облыс әкімдігі"})
