"""Repair stage: each damage family on sentences written for these tests,
clean text left alone, the offset map, and the simulator's restore rate."""
from __future__ import annotations

import pytest

from graph.lang import lexicon
from graph.repair import EditLog, Repaired, identity, repair
from graph.repair.anchors import order_faults, restore_anchors
from graph.repair.breaks import HEADER_MIN_REPEATS, PAGE_NUMBER, mend_breaks
from graph.repair.lookalike import fix_characters
from graph.repair.spacing import join_letter_spacing, join_narrow_splits
from graph.repair.tables import is_table_row

from .conftest import EVAL
from .damage import FAMILIES, cases, normalise, offsets_right, restored

LOOKALIKE_PAIRS = {(r[0], r[1]) for r in lexicon("kk", "repair_lookalikes")}


def same_or_lookalike(original: str, repaired: str) -> bool:
    return original == repaired or (original, repaired) in LOOKALIKE_PAIRS \
        or (original in "\u00a0\u2007\u202f\u2009" and repaired == " ") \
        or (original in "“”„‟" and repaired in "«»")


def assert_map_points_home(rep: Repaired) -> None:
    """Every repaired character comes from the original character it shows."""
    assert len(rep.src_start) == len(rep.src_end) == len(rep.text)
    for i, ch in enumerate(rep.text):
        s, e = rep.src_start[i], rep.src_end[i]
        assert 0 <= s <= e <= len(rep.original)
        if ch.strip() and e - s == 1:
            assert same_or_lookalike(rep.original[s], ch), (i, ch, rep.original[s])


# --- letter-spacing -------------------------------------------------------

SPACED = [
    ("Қазақстан Республикасының Үкіметі ҚАУЛЫ\nЕ Т Е Д І :\n",
     "Қазақстан Республикасының Үкіметі ҚАУЛЫ\nЕТЕДІ:\n"),
    ("      1. Облыс әкімдігі есепті Министрлікке\nж і б е р с і н .\n",
     "      1. Облыс әкімдігі есепті Министрлікке\nжіберсін.\n"),
    ("      2 - б а п т ы ң  3 - т а р м а ғ ы н а  қ а т ы с т ы .",
     "      2-баптың 3-тармағына қатысты."),
    ("о т б а с ы л а р  ( 1 8  қ о с ы м ш а ) .", "отбасылар (18 қосымша)."),
    ("      О б щ и е  п о л о ж е н и я", "      Общие положения"),
    # a hole left by a displaced anchor stays visible (one space less)
    ("1  м а м ы р д а ғ ы   к е п і л д і к  б е р е д і .З а ң ы",
     "1 мамырдағы  кепілдік береді.Заңы"),
]


@pytest.mark.parametrize("damaged,expected", SPACED)
def test_letter_spacing_is_joined(damaged, expected):
    rep = join_letter_spacing(identity(damaged))
    assert rep.text == expected
    assert_map_points_home(rep)


NARROW = [
    # a justified short line splits words around the narrow letter і
    ("тәртібін сақтау\nбелг іленген  тәрт іб ін  сақтауға  м індетт і .",
     "тәртібін сақтау\nбелгіленген  тәртібін  сақтауға  міндетті ."),
    # known words next to і stay apart
    ("Бұл жүйесі іске асады.\nжүйесі іске  асырылды  және  бекітілді",
     "Бұл жүйесі іске асады.\nжүйесі іске  асырылды  және  бекітілді"),
    # not justified: a single double space is no justification
    ("берд і кейін  келді", "берд і кейін  келді"),
]


@pytest.mark.parametrize("damaged,expected", NARROW)
def test_words_split_around_narrow_letters_are_joined(damaged, expected):
    rep = join_narrow_splits(identity(damaged))
    assert rep.text == expected
    assert_map_points_home(rep)


NOT_SPACED = [
    "согласно подпунктам а и б пункта 2 статьи 5",
    "5 % - 6 % аралығында",
    "Ж., С, Б. азаматтар 2010 жылы сотталды.",
    "a), b), c) тармақшаларына қатысты.",
    "1 и 2 этапы",
]


@pytest.mark.parametrize("text", NOT_SPACED)
def test_single_letters_in_ordinary_text_stay(text):
    assert join_letter_spacing(identity(text)).text == text


# --- displaced anchors ----------------------------------------------------

ANCHORS = [
    # glued after a case change, a full stop, a letter, a number sign
    ("Қазақстан Республикасының  4-бабынаКонституциясының\n",
     "Қазақстан Республикасының Конституциясының 4-бабына\n"),
    ("      Облыстық мәслихат  бекітсін.шешімін",
     "      Облыстық мәслихат шешімін бекітсін."),
    ("Осы Кодекстің  сәйкес жергілікті атқарушы органдар12-бабына",
     "Осы Кодекстің 12-бабына сәйкес жергілікті атқарушы органдар"),
    # not glued: the line had a trailing space; the anchors are link words
    ("Еңбек кодексінің  сәйкес жұмыс беруші қызметкерге 22-бабына",
     "Еңбек кодексінің 22-бабына сәйкес жұмыс беруші қызметкерге"),
    ("      «Мемлекеттік қызмет туралы» Қазақстан Республикасының  сәйкес Заңына",
     "      «Мемлекеттік қызмет туралы» Қазақстан Республикасының Заңына сәйкес"),
    # a list leaves its separators behind
    ("Қылмыстық кодексінің , , ).15 27 105-баптары",
     "Қылмыстық кодексінің 15, 27, 105-баптары)."),
    ("деректер баяндамаға қоса беріледі (  және ).4 5-қосымшалар",
     "деректер баяндамаға қоса беріледі (4 және 5-қосымшалар)."),
    ("статистика келтірілген ( ).6-қосымша", "статистика келтірілген (6-қосымша)."),
    # a number and its bare unit are one link (Kazakh number first, Russian unit first)
    ("Қылмыстық кодексінің  бойынша 107-1 бабы", "Қылмыстық кодексінің 107-1 бабы бойынша"),
    ("в соответствии со  Закона Республики Казахстан статьей 12",
     "в соответствии со статьей 12 Закона Республики Казахстан"),
    # the hole at the start of a line, after a page break
    (" бекітілген Қағидаларға сәйкес есеп береді.қаулысымен",
     "қаулысымен бекітілген Қағидаларға сәйкес есеп береді."),
    # a quoted title that was a link
    ("2011 жылғы 5 шілдедегі « » және 2015 жылғы 3 Мемлекеттік сатып алу туралы",
     "2011 жылғы 5 шілдедегі «Мемлекеттік сатып алу туралы» және 2015 жылғы 3"),
    # a Russian preposition or a date glued to an act word
    ("В Республике Казахстан Трудовым  установлен запрет накодексом",
     "В Республике Казахстан Трудовым кодексом установлен запрет на"),
    ("Сноска. Преамбула с изменением, внесенным  Правительства РК от 13.02.2015постановлением",
     "Сноска. Преамбула с изменением, внесенным постановлением Правительства РК от 13.02.2015"),
    # two links cut side by side leave one space each
    ("«Нормативтік құқықтық актілер туралы»   сәйкес бұйрық тіркеледі. Заңның 27-бабына",
     "«Нормативтік құқықтық актілер туралы» Заңның 27-бабына сәйкес бұйрық тіркеледі."),
]


@pytest.mark.parametrize("damaged,expected", ANCHORS)
def test_displaced_anchors_go_back(damaged, expected):
    rep = restore_anchors(identity(damaged))
    assert rep.text == expected
    assert_map_points_home(rep)


ANCHORS_KEPT = [
    # a word that only looks like a preposition and a law: не|законным
    "Суд признал  действия должностного лица незаконным",
    # justification spaces, nothing appended (the line ends in a full stop)
    "облысында  — 3  адам сотталған .",
    # a trailing space: nothing was appended to this line
    "Конституцияның  сәйкес Қазақстан 14-бабына ",
    # ordinary words at the end are not moved back without a glue seam
    "Ережеге  сәйкес тексеру жүргізілді және қорытынды жасалды",
    # a number wrapped onto the next line stays where it is
    "Кодекстің 3-бабының 2-",
    # a line longer than a PDF line is not a PDF line
    "Қазақстан Республикасының  " + "мемлекеттік органдары жыл сайын есеп береді " * 4 + "Заңы",
]


@pytest.mark.parametrize("text", ANCHORS_KEPT)
def test_weak_evidence_leaves_the_line_alone(text):
    assert restore_anchors(identity(text)).text == text


def test_displaced_anchor_keeps_its_own_origin():
    damaged = "Еңбек кодексінің  сәйкес жұмыс беруші қызметкерге 22-бабына"
    rep = restore_anchors(identity(damaged))
    start = rep.text.index("22-бабына")
    s, e = rep.to_original(start, start + len("22-бабына"))
    assert damaged[s:e] == "22-бабына"
    # a mention over the repaired phrase covers its words in both places
    phrase = rep.text.index("кодексінің 22-бабына")
    s, e = rep.to_original(phrase, phrase + len("кодексінің 22-бабына"))
    assert s == damaged.index("кодексінің") and e == len(damaged)


@pytest.mark.parametrize("text,faults", [
    ("Заңының 44-бабына", 0), ("44-бабына Заңының", 1), ("кодексінің 164-бабының 1-бөлігінде", 0),
    ("кодексінің 1-бөлігінде 164-бабының", 1), ("19-бабының ережелеріне", 0),
    ("пункта 3 статьи 5 Закона", 0), ("Закона статьи 5", 1),
])
def test_citation_order_decides_between_readings(text, faults):
    assert order_faults(text) == faults


# --- page breaks and wrapping ---------------------------------------------

BREAKS = [
    # a blank-line run inside a sentence goes, one line break stays
    ("Қазақстан Республикасының Үкіметі жергілікті атқарушы органдарға мынадай \n\n\n\nтапсырма береді.",
     "Қазақстан Республикасының Үкіметі жергілікті атқарушы органдарға мынадай \nтапсырма береді."),
    # with a page number in it
    ("Қазақстан Республикасының Үкіметі жергілікті атқарушы органдарға мынадай \n\n17\n\nтапсырма береді.",
     "Қазақстан Республикасының Үкіметі жергілікті атқарушы органдарға мынадай \nтапсырма береді."),
    # a page number where the page broke after a full stop, the paragraph going on
    ("Облыстық мәслихаттың шешімі ресми жарияланған күннен бастап қолданысқа енгізіледі.\n\n12\n\n"
     "Шешімнің орындалуын бақылау хатшыға жүктелсін.",
     "Облыстық мәслихаттың шешімі ресми жарияланған күннен бастап қолданысқа енгізіледі.\n"
     "Шешімнің орындалуын бақылау хатшыға жүктелсін."),
    # a number hyphenated across lines, even across a page break
    ("      Азаматтық кодекстің 12-\nбабына сәйкес", "      Азаматтық кодекстің 12-бабына сәйкес"),
    ("      Азаматтық кодекстің 12-\n\n\nбабына сәйкес", "      Азаматтық кодекстің 12-бабына сәйкес"),
    # a compound wrapped at its hyphen keeps it
    ("жергілікті мемлекеттік басқару және өзін-\nөзі басқару туралы", "жергілікті мемлекеттік басқару және өзін-өзі басқару туралы"),
    # a comma wrapped to the start of the next line
    ("тұрғылықты жеріне, тіліне, дініне, нәсіліне\n, ұлтына қарамастан",
     "тұрғылықты жеріне, тіліне, дініне, нәсіліне, ұлтына қарамастан"),
]


@pytest.mark.parametrize("damaged,expected", BREAKS)
def test_breaks_inside_a_sentence_are_mended(damaged, expected):
    rep = mend_breaks(identity(damaged))
    assert rep.text == expected
    assert_map_points_home(rep)


BREAKS_KEPT = [
    # a paragraph end
    "Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.\n\n\n\n      2. Облыс әкімі",
    # a title and the act's requisites
    "Мемлекеттік көрсетілетін қызметтер стандарттарын бекіту туралы\n\n"
    "Қазақстан Республикасы Үкіметінің 2014 жылғы 5 наурыздағы № 185 қаулысы",
    # table rows
    "Жасы, жыл 2009 2010 2011 2012\n\nБарлығы 100 100 100 100\n\n\n\n1-4 7,1 7,5 7,9 8,2",
    "Өзбектер 0,6\n\n\n\nҰйғырлар 2,7",
]


@pytest.mark.parametrize("text", BREAKS_KEPT)
def test_breaks_between_paragraphs_titles_and_rows_stay(text):
    assert mend_breaks(identity(text)).text == text


@pytest.mark.parametrize("line,row", [
    ("Барлығы 15982343 16204617 16441959 16675392", True), ("1-4 7,1 7,5 7,9 8,2", True),
    ("Ұйғыр - - 0,6 - - - - -", True),
    ("2010 жылы тұрақты өмір сүруге елден 28 мың 852 адам кетті, оның 2303 қайта", False),
])
def test_table_rows_are_told_from_prose(line, row):
    assert is_table_row(line) is row


# --- look-alike characters ------------------------------------------------

LOOKALIKES = [
    ("Атқарушылық iс жүргiзу туралы", "Атқарушылық іс жүргізу туралы"),
    ("Kазақстан Pеспубликасы", "Казақстан Республикасы"),
    ("№\u00a0125 «Облыстық бюджет туралы»", "№ 125 «Облыстық бюджет туралы»"),
    ("“Облыстық бюджет туралы” шешімі", "«Облыстық бюджет туралы» шешімі"),
    ("Ре\u00adспублика", "Республика"),
    ("ұйымдас\u00ad\nтыру", "ұйымдастыру"),
    # Latin words and codes stay Latin
    ("CERD/C/KAZ/CO/4-5 және SMS хабарлама", "CERD/C/KAZ/CO/4-5 және SMS хабарлама"),
    ("www.adilet.zan.kz сайтында", "www.adilet.zan.kz сайтында"),
]


@pytest.mark.parametrize("damaged,expected", LOOKALIKES)
def test_lookalike_characters_are_replaced(damaged, expected):
    rep = fix_characters(identity(damaged))
    assert rep.text == expected
    assert_map_points_home(rep)


# --- the whole stage ------------------------------------------------------

CLEAN = [
    "Қазақстан Республикасының 2001 жылғы 23 қаңтардағы «Қазақстан Республикасындағы жергілікті "
    "мемлекеттік басқару және өзін-өзі басқару туралы» Заңының 6-бабына сәйкес аудандық мәслихат "
    "ШЕШІМ ҚАБЫЛДАДЫ:\n      1. Аудандық бюджет бекітілсін.\n",
    "В соответствии с пунктом 2 статьи 6 Закона Республики Казахстан от 23 января 2001 года «О местном "
    "государственном управлении и самоуправлении в Республике Казахстан» маслихат РЕШИЛ:\n",
    "",
    "\n\n\n",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_comes_out_unchanged(text):
    rep = repair(text)
    assert rep.text == text
    assert list(rep.src_start) == list(range(len(text)))


def test_clean_acts_of_the_dev_set_change_only_lookalikes():
    docs = sorted((EVAL / "adilet-dev" / "docs").glob("*.txt"))
    if not docs:
        pytest.skip("shared evaluation data not available")
    for path in docs:
        text = path.read_text(encoding="utf-8")
        rep = repair(text)
        assert len(rep.text) == len(text), path.name
        assert all(same_or_lookalike(a, b) for a, b in zip(text, rep.text)), path.name


def test_repair_is_deterministic_and_maps_every_character():
    text = ("      Қазақстан Республикасы Конституциясының  сәйкес әркімнің 19-бабына\n"
            "б а я н д а м а н ы  ж і б е р с і н .\n\n\n\nкелесі жол")
    first, second = repair(text), repair(text)
    assert first.text == second.text and first.src_start == second.src_start
    assert_map_points_home(first)


def test_edit_log_refuses_overlapping_edits():
    log = EditLog()
    log.delete(2, 6)
    log.insert(4, "x")
    with pytest.raises(ValueError):
        log.apply(identity("0123456789"))


def test_dropped_characters_leave_the_others_mapped_home_through_later_edits():
    log = EditLog()
    log.drop_between(2, 10, ["а", "б", "в ", "г"])  # "а б в  г" -> "абв г"
    rep = log.apply(identity("x а б в  г y"))
    assert rep.text == "x абв г y"
    assert list(rep.src_start) == [0, 1, 2, 4, 6, 7, 9, 10, 11]
    later = EditLog()
    later.move(0, 3, 5)  # part of the joined run moves, part stays
    later.delete(3, 5)
    moved = later.apply(rep)
    assert moved.text == "бвx а г y"
    assert list(moved.src_start) == [4, 6, 0, 1, 2, 7, 9, 10, 11]
    assert list(moved.src_end) == [s + 1 for s in moved.src_start]


WORD_TEXTS = ["Заң ЗАҢ заңы, Заңы.  заң\nКодекс  кодексі\nтүрі", "İstanbul istanbul İSTANBUL", "ΟΔΟΣ.Α οδος ΟΔΟΣ",
              "і і І\n  тә рт іб  ін", "a_b a1b A\u212a k"]


@pytest.mark.parametrize("text", WORD_TEXTS)
@pytest.mark.parametrize("clean_only", [False, True])
def test_document_words_count_as_counting_every_word_would(text, clean_only):
    import re
    from collections import Counter

    from graph.repair.words import DocumentWords

    word = re.compile(r"[^\W\d_]+")
    every = Counter(w.lower() for line in text.split("\n") if not (clean_only and "  " in line)
                    for w in word.findall(line))
    words = DocumentWords(text, clean_lines_only=clean_only)
    for w in set(word.findall(text)) | {"заң", "жоқ", "i", "ς", "1", ""}:
        assert words.count(w) == min(every[w.lower()], 2), w


def test_inserted_characters_map_to_an_empty_span():
    log = EditLog()
    log.insert(3, "--")
    rep = log.apply(identity("abcdef"))
    assert rep.text == "abc--def"
    assert (rep.src_start[3], rep.src_end[3]) == (3, 3)
    assert rep.to_original(2, 6) == (2, 4)


@pytest.mark.parametrize("family", FAMILIES)
def test_a_span_is_placed_from_the_pieces_as_from_every_characters_span(family):
    """to_original reads the map's pieces; per-character arrays say the same."""
    for case in cases(family, 5):
        rep = repair(case.damaged)
        fresh = Repaired(rep.original, rep.text, pieces=rep._pieces)  # nothing built yet
        n = len(rep.text)
        for a in range(0, n + 1, 3):
            for b in (a - 1, a, min(a + 1, n), min(a + 7, n), min(a + 40, n), n):
                if b > a:
                    expected = min(rep.src_start[a:b]), max(rep.src_end[a:b])
                else:
                    expected = (rep.src_start[a],) * 2 if a < n else (len(rep.original),) * 2
                assert fresh.to_original(a, b) == expected, (a, b)


def test_the_lower_cased_text_follows_the_anchors_stage():
    text = "Қазақстан Республикасының  4-бабынаКонституциясының\nҚазақстан Конституциясы"
    rep = restore_anchors(identity(text))
    assert rep.text != text and rep.lowered == rep.text.lower()


# --- the damage simulator -------------------------------------------------

RESTORE_FLOOR = 0.95
CASES_PER_FAMILY = 300


@pytest.mark.parametrize("family", FAMILIES)
def test_simulated_damage_is_restored(family):
    """At least 95% of simulated documents come back exactly (spaces and
    line breaks read as one space, a blank line as a paragraph break), with
    every character mapped to where the exporter put it."""
    good = 0
    for case in cases(family, CASES_PER_FAMILY):
        rep = repair(case.damaged)
        if restored(case, rep.text) and offsets_right(case, rep.src_start, rep.text):
            good += 1
    assert good / CASES_PER_FAMILY >= RESTORE_FLOOR, (family, good)


def test_simulator_damages_what_it_claims():
    """The damaged text differs from the clean one, family by family, and
    each simulated character points at the clean character it shows."""
    for family in FAMILIES:
        changed = 0
        for case in cases(family, 20):
            changed += normalise(case.damaged) != normalise(case.clean)
            for ch, k in zip(case.damaged, case.origin):
                if k >= 0:
                    assert same_or_lookalike(case.clean[k], ch) or (ch, case.clean[k]) in LOOKALIKE_PAIRS \
                        or (ch in "“”" and case.clean[k] in "«»") or (ch == "\u00a0" and case.clean[k] == " ")
        assert changed >= (0 if family == "tables" else 15), family


# --- any input ------------------------------------------------------------

from collections import Counter  # noqa: E402

from hypothesis import example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PIECES = st.sampled_from(["Заңы", "кодексінің", "4-бабына", "54", "сәйкес", "және", "(", ")", ",", ".", "«", "»",
                          " ", "  ", "   ", "\n", "\n\n\n", "і", "a", "е", "1-", "статьи", "Закона", "\u00ad",
                          "\u00a0", "“", "”", "б а я н", "  м е н"])


def visible(text: str) -> list[str]:
    table = {latin: cyrillic for latin, cyrillic in LOOKALIKE_PAIRS}
    quotes = {"“": "«", "”": "»"}
    return sorted(c for c in (table.get(ch, quotes.get(ch, ch)) for ch in text)
                  if not c.isspace() and c != "\u00ad" and c not in "«»")


def dropped_lines(rep: Repaired) -> list[str]:
    """The original's lines that the repaired text keeps no visible character
    of. The one loss allowed is the page-break mend's (breaks.py): page
    furniture, a line alone between blank lines that is a page number or a
    running header (the same line alone between blank lines at least three
    times), dropped whole."""
    covered = bytearray(len(rep.original))
    for s, e in zip(rep.src_start, rep.src_end):
        covered[s:e] = b"\x01" * (e - s)
    lines = rep.original.split("\n")
    lone = [i for i in range(1, len(lines) - 1)
            if lines[i].strip() and not lines[i - 1].strip() and not lines[i + 1].strip()]
    alone = Counter(lines[i].strip() for i in lone)
    dropped, start = [], 0
    for i, line in enumerate(lines):
        lost = [k for k in range(start, start + len(line)) if not covered[k] and visible(rep.original[k])]
        if lost:
            assert i in lone and (PAGE_NUMBER.fullmatch(line) or alone[line.strip()] >= HEADER_MIN_REPEATS), line
            assert len(lost) == len(visible(line)), line  # furniture goes whole
            dropped.append(line)
        start += len(line) + 1
    return dropped


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=60).map("".join))
@example("ЗаңыЗаңыЗаңыЗаңыЗаңыЗаңыЗаңыЗаңыЗаңыЗаңы\n\n\n54\n\n\nЗаңы")  # a page number between two blank runs
def test_any_text_is_repaired_without_losing_a_character(text):
    rep = repair(text)
    assert_map_points_home(rep)
    assert sorted(visible(rep.text) + visible("".join(dropped_lines(rep)))) == visible(text)
