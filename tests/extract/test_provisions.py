"""Provision chains over sentences written in the styles of acts and reports.

Each row is a sentence, the instruments the instruments extractor would hand
over (a substring of the sentence and its fields), and every provision the
extractor must return: the mention's text and all its fields. A mention opens
with the act's type word when the act stands right before the chain
(`Заңының 6-бабы`), as annotators mark it.
"""
from __future__ import annotations


import pytest

from pathlib import Path

from graph.extract import Findings, provisions
from graph.extract.provisions.grammar import Chain, Parser, grammar, lowered, spots, unit_of, windows
from graph.lang import lexicon
from graph.lang.kk import morph
from graph.models import Found

HELDOUT = Path(__file__).parent.parent / "heldout" / "docs"

LAW = {"kind": "law", "title": "Ветеринария туралы", "date": "2002-07-10"}
CODE = {"kind": "code", "title": "Еңбек кодексі"}
TAX = {"kind": "code", "title": "Салық кодексі"}


def run(text: str, acts: list[tuple[str, dict]]) -> list[tuple[str, dict]]:
    instruments = []
    for phrase, fields in acts:
        start = text.index(phrase)
        instruments.append(Found("instrument", start, start + len(phrase), dict(fields)))
    found = Findings(text, {"instrument": instruments})
    return [(text[f.start:f.end], f.fields) for f in provisions.find(text, found)]


def linked(text: str, phrase: str, fields: dict, **units: str) -> dict:
    """The fields of a provision tied to the instrument `phrase` of `text`."""
    start = text.index(phrase)
    inst = {k: fields[k] for k in ("kind", "title", "date", "number") if k in fields}
    return {**units, "instrument": inst, "_instrument_span": [start, start + len(phrase)]}


def bare(kind: str, **units: str) -> dict:
    """The fields of a provision after an act word no instrument covers."""
    return {**units, "instrument": {"kind": kind}, "_instrument_anaphora": kind}


def ctx(fields: dict) -> dict:
    """The same fields, with the act read from context."""
    return {**fields, "_instrument_context": True}


def own(**units: str) -> dict:
    """The fields of a provision that names no act: maybe the document itself."""
    return {**units, "instrument": {"self": True}, "_instrument_anaphora": "self"}


S1 = ("Қазақстан Республикасының 2002 жылғы 10 шілдедегі «Ветеринария туралы» Заңының "
      "10-бабы 2-тармағының 46) тармақшасына сәйкес аудандық мәслихат ШЕШІМ ҚАБЫЛДАДЫ:")
A1 = "Қазақстан Республикасының 2002 жылғы 10 шілдедегі «Ветеринария туралы» Заңының"
S2 = "Қазақстан Республикасы Еңбек кодексінің 12, 45, 78-баптарына сәйкес жұмыс беруші міндетті."
A2 = "Қазақстан Республикасы Еңбек кодексінің"
S3 = "Еңбек кодексінің (бұдан әрі – Кодекс) 20-бабының 3 және 4-тармақтарында көзделген."
A3 = "Еңбек кодексінің"
S4 = "«Ветеринария туралы» Заңының «Мемлекеттік ветеринариялық қадағалау» атты 14-бабына сәйкес"
A4 = "«Ветеринария туралы» Заңының"
S5 = "Салық кодексінің 55 бабының 3 тармағына және 56-бабына сәйкес"
A5 = "Салық кодексінің"
S6 = "Еңбек кодексінің 9-1-бабы мен 31-2-бабына сәйкес"

ROWS = [
    # preamble: act with full requisites, article -> paragraph -> subparagraph
    (S1, [(A1, LAW)], [("Заңының 10-бабы 2-тармағының 46) тармақшасына",
                        linked(S1, A1, LAW, article="10", paragraph="2", subparagraph="46"))]),
    # a list of articles: only the last number carries the unit word
    (S2, [(A2, CODE)], [("кодексінің 12, 45, 78-баптарына", linked(S2, A2, CODE, article=a)) for a in ("12", "45", "78")]),
    # two paragraphs of one article, the act's short name in brackets between
    (S3, [(A3, CODE)], [("кодексінің (бұдан әрі – Кодекс) 20-бабының 3 және 4-тармақтарында", linked(S3, A3, CODE, article="20", paragraph=p))
                        for p in ("3", "4")]),
    # a quoted article heading between the act and the article
    (S4, [(A4, LAW)], [("Заңының «Мемлекеттік ветеринариялық қадағалау» атты 14-бабына", linked(S4, A4, LAW, article="14"))]),
    # numbers without hyphens; a second chain joined by және keeps the act
    (S5, [(A5, TAX)], [("кодексінің 55 бабының 3 тармағына", linked(S5, A5, TAX, article="55", paragraph="3")),
                       ("56-бабына", linked(S5, A5, TAX, article="56"))]),
    # inserted articles, joined by мен
    (S6, [(A3, CODE)], [("кодексінің 9-1-бабы", linked(S6, A3, CODE, article="9-1")),
                        ("31-2-бабына", linked(S6, A3, CODE, article="31-2"))]),
    # a range under a plural unit word is expanded
    ("Кодекстің 3-5 баптарында белгіленген тәртіппен",
     [], [("Кодекстің 3-5 баптарында", bare("code", article=a)) for a in ("3", "4", "5")]),
    # ... but a hyphenated number under a singular unit is an inserted unit
    ("Заңның 6-бабы 2-10-тармағына сәйкес", [],
     [("Заңның 6-бабы 2-10-тармағына", bare("law", article="6", paragraph="2-10"))]),
    # ordinal endings on digits, and spelled-out ordinals
    ("Кодекстің 215-інші бабы бойынша іс қозғалды", [], [("Кодекстің 215-інші бабы", bare("code", article="215"))]),
    ("Кодекстің екі жүз он бесінші бабы бойынша", [], [("Кодекстің екі жүз он бесінші бабы", bare("code", article="215"))]),
    ("Кодекстің 45-бабының екінші бөлігіне сәйкес", [],
     [("Кодекстің 45-бабының екінші бөлігіне", bare("code", article="45", part="2"))]),
    ("18-баптың 2 - бөлігі бойынша 4 қылмыс тіркелді", [], [("18-баптың 2 - бөлігі", own(article="18", part="2"))]),
    # lettered items of a paragraph, and numbered subparagraphs in a list
    ("3-баптың 2-тармағының а) және б) тармақшаларына қатысты.", [],
     [("3-баптың 2-тармағының а) және б) тармақшаларына", own(article="3", paragraph="2", subparagraph=s))
      for s in ("а", "б")]),
    ("Конвенцияның 6-бабының 1- тармағының a), c) тармақшалары", [],
     [("Конвенцияның 6-бабының 1- тармағының a), c) тармақшалары", bare("treaty", article="6", paragraph="1", subparagraph=s))
      for s in ("a", "c")]),
    # an item under an article with its topic between them
    ("7-баптың еңбек құқықтары туралы в) тармағына қатысты.", [],
     [("7-баптың еңбек құқықтары туралы в) тармағына", own(article="7", paragraph="в"))]),
    ("7-баптың «Білім алу құқығы туралы» г) тармағына қатысты.", [],
     [("7-баптың «Білім алу құқығы туралы» г) тармағына", own(article="7", paragraph="г"))]),
    # a paragraph of a regulation, dotted numbers, the bare possessive in the middle
    ("Ереженің 12-тармағының 7) тармақшасына сәйкес БҰЙЫРАМЫН:", [],
     [("Ереженің 12-тармағының 7) тармақшасына", bare("regulation", paragraph="12", subparagraph="7"))]),
    ("Қағидалардың 2.5 тармағында көрсетілген", [], [("Қағидалардың 2.5 тармағында", bare("regulation", paragraph="2.5"))]),
    ("Конвенцияның 11-бабы 3-тармағы е) тармақшасында", [],
     [("Конвенцияның 11-бабы 3-тармағы е) тармақшасында", bare("treaty", article="11", paragraph="3", subparagraph="е"))]),
    ("Конвенцияның 3-\nбабының 2-тармағындағы анықтама", [],
     [("Конвенцияның 3-\nбабының 2-тармағындағы", bare("treaty", article="3", paragraph="2"))]),
    ("Конвенцияның 8-бабының 2,5-тармақтарына", [],
     [("Конвенцияның 8-бабының 2,5-тармақтарына", bare("treaty", article="8", paragraph=p)) for p in ("2", "5")]),
    # a smaller unit after a list joins the article before it
    ("Заңның 8-бабының 2-тармағы, 3-тармағының 1) тармақшасы", [],
     [("Заңның 8-бабының 2-тармағы", bare("law", article="8", paragraph="2")),
      ("3-тармағының 1) тармақшасы", bare("law", article="8", paragraph="3", subparagraph="1"))]),
    # units of one rank nest either way: a code's part holds paragraphs,
    # a resolution's paragraph holds parts
    ("Кодекстің 12-бабы 2-бөлігінің 3) тармағында", [],
     [("Кодекстің 12-бабы 2-бөлігінің 3) тармағында", bare("code", article="12", part="2", paragraph="3"))]),
    ("Қаулының 2-тармағының екінші бөлігі алып тасталсын", [],
     [("Қаулының 2-тармағының екінші бөлігі", bare("resolution", paragraph="2", part="2"))]),
    # a list takes a plural unit word; a number before a singular one is not in it
    ("2014 жылы - 3, 164-бабы бойынша - 5 іс", [], [("164-бабы", own(article="164"))]),
    # a share is not a part, nor is a decimal
    ("кірістің 1/3 бөлігі аударылады", [], []),
    ("шығыстың 14,5 бөлігі", [], []),
    # the article under whose heading the sentence stands
    ("7-бап. Мемлекеттік бақылау\nОсы баптың 2-тармағында көзделген", [],
     [("Осы баптың 2-тармағында", own(article="7", paragraph="2"))]),
    # ranges of marked items, spelled-out ordinals in a list, a dash range
    ("Заңның 5-бабы 3-тармағының 1)-3) тармақшаларында", [],
     [("Заңның 5-бабы 3-тармағының 1)-3) тармақшаларында", bare("law", article="5", paragraph="3", subparagraph=s))
      for s in ("1", "2", "3")]),
    ("Кодекстің 12-бабының бірінші және екінші бөліктері", [],
     [("Кодекстің 12-бабының бірінші және екінші бөліктері", bare("code", article="12", part=p)) for p in ("1", "2")]),
    ("Конвенцияның 12–14-баптары", [], [("Конвенцияның 12–14-баптары", bare("treaty", article=a)) for a in ("12", "13", "14")]),
    # an editorial note: the amending act after the unit is not its act
    ("Ескерту. 12-бапқа өзгеріс енгізілді - ҚР 2015.10.24 № 371-V Заңымен.", [("ҚР 2015.10.24 № 371-V Заңымен",
      {"kind": "law", "date": "2015-10-24", "number": "371-V"})], [("12-бапқа", own(article="12"))]),
    # `осы тармақтың` with no paragraph heading to point to says nothing
    ("Осы тармақтың бірінші бөлігінде көзделген", [], []),
    # a part with no article in the sentence of a chain is that chain's article's
    ("Кодекстің 174-бабының 1-бөлігі бойынша - 8 іс, 2-бөлігі бойынша - 4 іс тіркелді.", [],
     [("Кодекстің 174-бабының 1-бөлігі", bare("code", article="174", part="1")),
      ("2-бөлігі", bare("code", article="174", part="2"))]),
    # ... but not across a sentence
    ("Кодекстің 174-бабының 1-бөлігі қолданылды. 2-бөлігі бойынша іс жоқ.", [],
     [("Кодекстің 174-бабының 1-бөлігі", bare("code", article="174", part="1")),
      ("2-бөлігі", ctx(bare("code", part="2")))]),
    # the numbered paragraph the sentence stands in, under its article's heading
    ("3-бап. Мемлекеттік бақылау\n1. Бақылау жүргізіледі.\n2. Осы тармақтың 1) тармақшасында көзделген", [],
     [("Осы тармақтың 1) тармақшасында", own(article="3", paragraph="2", subparagraph="1"))]),
    ("4. Аудан әкімдігі:\n1) осы тармақтың 2) тармақшасында көрсетілген шараларды қабылдасын;", [],
     [("осы тармақтың 2) тармақшасында", own(paragraph="4", subparagraph="2"))]),
    # the article just cited
    ("Конституцияның 24-бабының 1-тармағына сәйкес ... Аталған баптың 3-тармағына сәйкес", [],
     [("Конституцияның 24-бабының 1-тармағына", bare("constitution", article="24", paragraph="1")),
      ("Аталған баптың 3-тармағына", bare("constitution", article="24", paragraph="3"))]),
    # the act's own paragraph in an editorial note
    ("Ескерту. Қолданысқа енгізілу тәртібін 4-тармақтан қараңыз.", [], [("4-тармақтан", own(paragraph="4"))]),
    ("1) 7-тармақтағы «келісім» деген сөз алып тасталсын;", [], [("7-тармақтағы", own(paragraph="7"))]),
    ("3 тармақ мынадай редакцияда жазылсын:", [], [("3 тармақ", own(paragraph="3"))]),
    # a year before an article is not part of a list
    ("2015 жылы Кодекстің 2015 164-бабы бойынша", [], [("164-бабы", own(article="164"))]),
    # not provisions: headings, gazette items, chapters, unnumbered and generic units
    ("5-бап. Жалпы ережелер", [], []),
    ("Парламентінің Жаршысы, 2015 ж., № 7-І, 33-құжат", [], []),
    ("Кодекстің 12-тарауының ережелері қолданылады", [], []),
    ("Конвенция баптарын іске асыру. Осы бапта көзделген.", [], []),
    ("2-тармақ мынадай мазмұндағы екінші бөлікпен толықтырылсын", [], [("2-тармақ", own(paragraph="2"))]),
    ("Осы баяндаманың үшінші бөлігінде ақпарат берілген.", [], []),
    ("Тұрғындардың үштен бір бөлігі қалада тұрады.", [], []),
]


@pytest.mark.parametrize("text,acts,expected", ROWS, ids=[r[0][:40] for r in ROWS])
def test_chain(text, acts, expected):
    assert run(text, acts) == expected


def test_the_mention_opens_with_an_abbreviated_act():
    text = "ҚР ҚК-нің 174-бабы бойынша"
    start = text.index("ҚК-нің")
    inst = {"kind": "code", "title": "Қылмыстық кодекс"}
    got = run(text, [("ҚР ҚК-нің", inst)])
    assert got == [("ҚК-нің 174-бабы", {"article": "174", "instrument": inst, "_instrument_span": [0, start + 6]})]


def test_the_mention_opens_at_the_type_word_the_instruments_extractor_marks():
    text = "Еңбек кодексінің (бұдан әрі – Кодекс) 20-бабына сәйкес"
    phrase = "Еңбек кодексінің (бұдан әрі – Кодекс)"
    head = text.index("кодексінің")
    got = run(text, [(phrase, {**CODE, "_head": [head, head + len("кодексінің")]})])
    assert got == [("кодексінің (бұдан әрі – Кодекс) 20-бабына", linked(text, phrase, CODE, article="20"))]


def test_instrument_after_the_chain():
    text = "Мұндай құқық 5-бабында Конвенцияның көзделген"
    start = text.index("Конвенцияның")
    inst = {"kind": "treaty", "title": "Азаптауға қарсы конвенция"}
    got = run(text, [("Конвенцияның", inst)])
    assert got == [("5-бабында", {"article": "5", "instrument": inst,
                                 "_instrument_span": [start, start + len("Конвенцияның")]})]


def test_an_act_followed_by_its_own_chain_is_not_the_chain_befores():
    text = "Кодекстің 5-бабына Конвенцияның 3-бабына сәйкес"
    inst = {"kind": "treaty", "title": "Азаптауға қарсы конвенция"}
    start = text.index("Конвенцияның")
    got = run(text, [("Конвенцияның", inst)])
    assert got == [("Кодекстің 5-бабына", bare("code", article="5")),
                   ("Конвенцияның 3-бабына", {"article": "3", "instrument": inst,
                                              "_instrument_span": [start, start + len("Конвенцияның")]})]


def test_clause_break_keeps_the_act_away():
    text = "Еңбек кодексі қабылданды. 12-бабына сәйкес"
    got = run(text, [("Еңбек кодексі", CODE)])
    assert got == [("12-бабына", own(article="12"))]


def test_a_long_text_with_no_newlines():
    """0.9 MB in one line: every chain found, none lost at a window's edge (how
    long it takes is scripts/linearity.py's)."""
    line = "Еңбек кодексінің 12, 45, 78-баптарына және 9-бабының 2-тармағының 3) тармақшасына сәйкес. "
    text = line * 10000
    got = provisions.find(text, Findings(text))
    assert len(got) == 4 * 10000
    first = [(f.start, f.end, f.fields) for f in provisions.find(line, Findings(line))]
    assert [(f.start - 9999 * len(line), f.end - 9999 * len(line), f.fields) for f in got[-4:]] == first


AMENDING = (
    "1. «Ауыл шаруашылығы жануарларын бірдейлендіру қағидаларын бекіту туралы» Қазақстан "
    "Республикасы Үкіметінің 2014 жылғы 3 наурыздағы № 150 қаулысына мынадай өзгерістер енгізілсін:\n"
    "1) 4-тармақ мынадай редакцияда жазылсын:\n"
    "«4. Бірдейлендіру жүргізіледі.»;\n"
    "2) 7-тармақтағы «бір ай» деген сөздер алып тасталсын.\n"
    "2. Осы қаулы алғашқы ресми жарияланған күнінен бастап қолданысқа енгізіледі, 3-тармақты қоспағанда.\n"
)


def test_amendment_list_units_belong_to_the_amended_act():
    amended = AMENDING[AMENDING.index("«"):AMENDING.index("қаулысына") + len("қаулысына")]
    inst = {"kind": "resolution", "date": "2014-03-03", "number": "150"}
    start = AMENDING.index(amended)
    span = [start, start + len(amended)]
    got = run(AMENDING, [(amended, inst)])
    assert got == [
        ("4-тармақ", {"paragraph": "4", "instrument": inst, "_instrument_span": span}),
        ("7-тармақтағы", {"paragraph": "7", "instrument": inst, "_instrument_span": span}),
        ("3-тармақты", own(paragraph="3")),
    ]


def test_a_nominative_act_before_a_colon_opens_no_amendment_list():
    text = "Қағидалар мыналарды көздейді:\n1) 4-тармақта көрсетілген тәртіп;\n"
    got = run(text, [("Қағидалар", {"kind": "regulation"})])
    assert got == [("4-тармақта", own(paragraph="4"))]


# Russian: the unit word before its number, from the smallest unit to the
# largest, the act after the chain.
RU_LAW = {"kind": "law", "title": "О ветеринарии", "date": "2002-07-10"}
R1 = "В соответствии с подпунктом 46) пункта 2 статьи 10 Закона Республики Казахстан от 10 июля 2002 года"
R1A = "Закона Республики Казахстан от 10 июля 2002 года"

RU_ROWS = [
    # a unit an amendment adds is not cited; one a report says was added is
    ("1) пункт 2 статьи 6 дополнить подпунктом 15-2) следующего содержания:", [],
     [("пункт 2 статьи 6", own(paragraph="2", article="6"))]),
    ("статью 9 дополнить пунктом 6-1 следующего содержания:", [], [("статью 9", own(article="9"))]),
    ("Кодекс дополнен статьей 52-1.", [], [("статьей 52-1", own(article="52-1"))]),
    (R1, [(R1A, RU_LAW)],
     [("подпунктом 46) пункта 2 статьи 10", linked(R1, R1A, RU_LAW, article="10", paragraph="2", subparagraph="46"))]),
    ("пунктами 3,4 статьи 12-1 Кодекса", [],
     [("пунктами 3,4 статьи 12-1", own(article="12-1", paragraph=p)) for p in ("3", "4")]),
    ("статьями 15, 17 и 19", [], [("статьями 15, 17 и 19", own(article=a)) for a in ("15", "17", "19")]),
    ("порядок введения в действие см. ст.12", [], [("ст.12", own(article="12"))]),
    # the article under whose heading the text stands, the document's own act
    ("Статья 7. Контроль\n1. Контроль осуществляется.\n2. В случаях, предусмотренных подпунктом 1) пункта 1 "
     "настоящей статьи", [], [("подпунктом 1) пункта 1 настоящей статьи",
                              own(article="7", paragraph="1", subparagraph="1"))]),
    ("в соответствии с пунктом 2 настоящего Закона", [], [("пунктом 2", own(paragraph="2"))]),
    # a heading, and gazette items (ст. after a comma) are not articles
    ("Статья 5. Общие положения", [], []),
    ("(Ведомости Парламента Республики Казахстан, 2004 г., № 5-6, ст. 31; № 17, ст. 97)", [], []),
]


@pytest.mark.parametrize("text,acts,expected", RU_ROWS, ids=[r[0][:40] for r in RU_ROWS])
def test_russian_chain(text, acts, expected):
    assert run(text, acts) == expected


REPORT = (
    "      Конвенцияның 5-бабын іске асыру туралы ақпарат.\n"
    "      5-баптың а) тармағына қатысты.\n"
    "      Кодекстің 5-бабына сәйкес сот әділ болуы тиіс. Бұған қоса, 5-баптың 2-тармағына сәйкес іс ашық қаралады.\n"
    "      5-баптың b) тармағына қатысты.\n"
)


def test_report_units_without_an_act_take_it_from_context():
    got = run(REPORT, [])
    assert got == [
        ("Конвенцияның 5-бабын", bare("treaty", article="5")),
        # a heading: the last line-opening chain citing article 5
        ("5-баптың а) тармағына", ctx(bare("treaty", article="5", paragraph="а"))),
        ("Кодекстің 5-бабына", bare("code", article="5")),
        # in running text: the act article 5 was last cited with
        ("5-баптың 2-тармағына", ctx(bare("code", article="5", paragraph="2"))),
        # the next heading goes back to the headings' act
        ("5-баптың b) тармағына", ctx(bare("treaty", article="5", paragraph="b"))),
    ]


def test_editorial_notes_and_cross_references_are_the_documents_own():
    text = ("«Ветеринария туралы» Заңының 6-бабына сәйкес аудандық мәслихат ШЕШІМ ҚАБЫЛДАДЫ:\n"
            "1. Қағидалар бекітілсін.\n"
            "      Ескерту. 1-тармаққа өзгеріс енгізілді - аудандық мәслихаттың 2019.05.20 № 118 шешімімен.\n"
            "2. Қолданысқа енгізілу тәртібін 3-тармақтан қараңыз.\n")
    phrase = "«Ветеринария туралы» Заңының"
    got = run(text, [(phrase, LAW)])
    assert got == [("Заңының 6-бабына", linked(text, phrase, LAW, article="6")),
                   ("1-тармаққа", own(paragraph="1")),
                   ("3-тармақтан", own(paragraph="3"))]


def test_an_operative_paragraph_does_not_borrow_the_preambles_act():
    text = ("«Ветеринария туралы» Заңының 6-бабына сәйкес Үкімет ҚАУЛЫ ЕТЕДІ:\n"
            "1. Қоса беріліп отырған Қағидалар бекітілсін.\n"
            "2. 1-тармақ 2020 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.\n")
    phrase = "«Ветеринария туралы» Заңының"
    got = run(text, [(phrase, LAW)])
    assert got == [("Заңының 6-бабына", linked(text, phrase, LAW, article="6")),
                   ("1-тармақ", own(paragraph="1"))]


def test_an_article_of_a_list_keeps_the_act_of_the_list():
    text = ("Кодекстің 54, 96-баптары қолданылды. Конституцияның 5-бабы да қолданылды. "
            "Мысалы, 96-баптың 2-бөлігі бойынша іс қозғалды.")
    got = run(text, [])
    assert got[-1] == ("96-баптың 2-бөлігі", ctx(bare("code", article="96", part="2")))


def test_a_unit_without_an_act_takes_the_act_its_sentence_names():
    text = "«Ветеринария туралы» Заңы мал иелерінің құқықтарына (8, 9 баптары) кепілдік береді."
    phrase = "«Ветеринария туралы» Заңы"
    got = run(text, [(phrase, LAW)])
    assert got == [("8, 9 баптары", ctx(linked(text, phrase, LAW, article=a))) for a in ("8", "9")]


# Amendment lists: a unit being added (`... мазмұндағы 4-1) тармақшамен
# толықтырылсын`) does not exist yet and is not cited, while a report that one
# was added cites it; an article alone on a line ending in a colon (`14-бапта:`)
# heads the items below it until the list's next item.
AMEND_LAW = "2. «Ветеринария туралы» Заңға мынадай өзгерістер енгізілсін:\n"
AMEND_ROWS = [
    ("3-баптың 1-тармағы мынадай мазмұндағы 4-1) тармақшамен толықтырылсын:", [],
     [("3-баптың 1-тармағы", own(article="3", paragraph="1"))]),
    ("9-тармақтан кейін мынадай мазмұндағы 9-1-тармақпен толықтырылсын:", [],
     [("9-тармақтан", own(paragraph="9"))]),
    ("Кодекс 2020 жылы 52-1 баппен толықтырылды.", [], [("52-1 баппен", own(article="52-1"))]),
    (AMEND_LAW + "1) 14-бапта:\nекінші бөліктің 3) тармақшасындағы «үш» деген сөз «бес» деген сөзбен ауыстырылсын;\n"
     "3-тармақ алып тасталсын;\n2) 15-баптың 1-тармағы алып тасталсын;\n3) 2-тармақтың 4) тармақшасы алып тасталсын.\n",
     [("«Ветеринария туралы» Заңға", LAW)],
     [("14-бапта", dict(article="14")),
      ("екінші бөліктің 3) тармақшасындағы", dict(article="14", part="2", subparagraph="3")),
      ("3-тармақ", dict(article="14", paragraph="3")),
      ("15-баптың 1-тармағы", dict(article="15", paragraph="1")),
      ("2-тармақтың 4) тармақшасы", dict(paragraph="2", subparagraph="4"))]),
    # a header may name its act, and the next header ends the one before
    ("1. Кодекске мынадай өзгерістер енгізілсін:\n1) Кодекстің 8-бабында:\n"
     "бірінші бөліктің 2) тармақшасы алып тасталсын;\n2) 9-бапта:\n3-тармақ алып тасталсын.\n", [],
     [("Кодекстің 8-бабында", bare("code", article="8")),
      ("бірінші бөліктің 2) тармақшасы", bare("code", article="8", part="1", subparagraph="2")),
      ("9-бапта", ctx(bare("code", article="9"))),
      ("3-тармақ", bare("code", article="9", paragraph="3"))]),
    # a paragraph header under an article header; a unit opening its own line stays under them
    ("1) 4-бапта:\n1-тармақ мынадай редакцияда жазылсын:\n«1. Жаңа мәтін.»;\n2-тармақта:\n"
     "3) тармақша алып тасталсын;\n5-тармақта:\n1) тармақша алып тасталсын;\n2) 7-бапта:\n2-тармақ алып тасталсын.\n", [],
     [("4-бапта", own(article="4")), ("1-тармақ", own(article="4", paragraph="1")),
      ("2-тармақта", own(article="4", paragraph="2")), ("3) тармақша", own(article="4", paragraph="2", subparagraph="3")),
      ("5-тармақта", own(article="4", paragraph="5")), ("1) тармақша", own(article="4", paragraph="5", subparagraph="1")),
      ("7-бапта", own(article="7")), ("2-тармақ", own(article="7", paragraph="2"))]),
    # a spelled ordinal opens a chain only before a numbered unit
    ("Екінші бөлікте айтылғандай, бірінші бөліктің мәні зор.", [], []),
]


@pytest.mark.parametrize("text,acts,expected", AMEND_ROWS, ids=[r[0][:40] for r in AMEND_ROWS])
def test_amendment_lists_added_units_and_article_headers(text, acts, expected):
    if acts:
        phrase, fields = acts[0]
        expected = [(m, linked(text, phrase, fields, **units)) for m, units in expected]
    assert run(text, acts) == expected


# -- the unit words drive the reading ------------------------------------------

def _spellings(word: str) -> set[str]:
    """A word in lower, upper and title case, and with each look-alike letter
    the analyser reads (`тармаќ` for `тармақ`, Latin i for і)."""
    swaps = {kazakh: lookalike for _kind, lookalike, kazakh, *_ in
             (r for r in lexicon("kk", "endings") if r[0] == "lookalike")}
    out = {word}
    for ch, alt in swaps.items():
        out |= {w.replace(ch, alt) for w in out}
    return {v for w in out for v in (w, w.upper(), w.capitalize())}


def _unit_words(lang: str) -> set[str]:
    g = grammar(lang)
    if g.forms:
        return set(g.forms) | {a + "." for a in g.abbreviations}
    flags = (False, True)
    return {morph.inflect(unit, plural, possessive, case)
            for unit in g.units for plural in flags for possessive in flags for case in (None, *morph.CASES)} | {
        morph.inflect(unit, plural, possessive, "loc", attributive=True)
        for unit in g.units for plural in flags for possessive in flags}


@pytest.mark.parametrize("lang", provisions.LANGS)
def test_every_spelling_of_every_unit_word_is_a_spot(lang):
    """The reader only looks around the spots: a unit word no key finds would
    be a citation lost."""
    missed = []
    for word in _unit_words(lang):
        for spelling in _spellings(word):
            if unit_of(spelling.rstrip("."), lang) is None and spelling.rstrip(".").lower() not in grammar(lang).abbreviations:
                continue  # a spelling the grammar does not read either
            text = f"1 {spelling} 2"
            if 2 not in spots(lowered(text))[lang]:
                missed.append(spelling)
    assert not missed


def _every_token_tried(parser: Parser) -> list:
    """The chains of a window when every token is tried as the start of one,
    as the reader did before it skipped to the unit words."""
    out, i = [], 0
    while parser.tok(i) is not None:
        if not parser.may_start(i):
            i += 1
            continue
        back = parser.back_chain(i)
        if back is not None:
            points, chain, j = back
            out.append(Chain(chain.groups, chain.start, chain.end, points=points))
            i = j
            continue
        got = parser.chain(i)
        if got is None:
            i += 1
            continue
        chain, j = got
        if chain.points is None:
            chain = Chain(chain.groups, chain.start, chain.end, heading=parser.is_heading(chain, j))
        out.append(chain)
        i = j
    return out


TRICKY = (
    "Кодекстің 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23 және "
    "24-баптарына, бір жүз отыз бесінші бабына, 1/3 бөлігіне, 141,8 бөлігі, № 5-тармақ, 7-1-бабына, "
    "1)-3) тармақшаларына, a), b) тармақшалары, 2-ші тармаќтың 4) тармаќшасы, ТАРМАҚТЫҢ 5) ТАРМАҚШАСЫ, "
    "5-баптың «Саяси құқықтар мен бостандықтар туралы бөлімнің ережелері» деген 2-тармағы, "
    "аталған баптың 3-тармағы; осы баптың 4-тармағы.\n"
    "Ведомости, 1999 г., № 5-6, ст. 24; подпункт 1) пункта 2 статьи 6 и пп. 3 п. 4 ч. 2 ст. 7 "
    "настоящего Закона, пунктами 1-3 настоящей статьи.\n"
)


def test_reading_around_unit_words_gives_what_reading_every_token_gives():
    texts = [TRICKY, TRICKY.replace(" ", "\n")] + [p.read_text(encoding="utf-8")
                                                    for p in sorted(HELDOUT.glob("*.txt"))]
    for text in texts:
        where = spots(lowered(text))
        for lang in provisions.LANGS:
            at = where[lang]
            for lo, hi in windows(text, at, lang):
                skipping = [c for c, _i, _j in Parser(text, lo, hi, lang).chains(at)]
                assert skipping == _every_token_tried(Parser(text, lo, hi, lang))
