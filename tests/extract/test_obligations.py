"""Obligations over sentences written in the styles of acts and reports.

Bearers and sources come from earlier extractors; the rows give them as the
Found records those extractors hand over (type, the text they cover, fields),
so these tests pin this extractor's grammar alone.
"""
from __future__ import annotations

import pytest

from graph.extract import Findings, obligations
from graph.models import Found


def findings(text: str, earlier: list[tuple[str, str, dict]]) -> Findings:
    found = Findings(text)
    for type_, covered, fields in earlier:
        start = text.index(covered)
        found.by_type.setdefault(type_, []).append(Found(type_, start, start + len(covered), fields))
    return found


def run(text: str, earlier: list[tuple[str, str, dict]] = ()) -> list[dict]:
    out = []
    for f in obligations.find(text, findings(text, list(earlier))):
        out.append({k: v for k, v in f.fields.items() if not k.startswith("_")})
    return out


CONSTITUTION = ("instrument", "Конституцияның", {"kind": "constitution", "title": "Конституция"})
LAW = ("instrument", "«Босқындар туралы» Заңы", {"kind": "law", "title": "Босқындар туралы"})
MINISTRY = ("institution", "Қазақстан Республикасы Сыртқы істер министрлігі",
            {"name": "Қазақстан Республикасы Сыртқы істер министрлігі"})

ROWS = [
    # operative commands after the formula: the act's own
    ("Қазақстан Республикасының Үкіметі ҚАУЛЫ ЕТЕДІ:\n1. Қоса беріліп отырған Қағидалар бекітілсін.",
     [], [{"modality": "obligation", "action": "Қоса беріліп отырған Қағидалар бекіту", "source": {"self": True}}]),
    ("Облыстық мәслихат ШЕШІМ ҚАБЫЛДАДЫ:\n1. Мәслихаттың шешіміне мынадай өзгерістер енгізілсін:\n"
     "1) 3-тармақтағы «он» деген сөз «бес» деген сөзбен ауыстырылсын;",
     [], [{"modality": "obligation", "action": "Мәслихаттың шешіміне өзгерістер енгізу",
           "source": {"self": True}},
          {"modality": "obligation", "action": "сөз бес деген сөзбен ауыстыру", "source": {"self": True}}]),
    # a name in quotes is part of its clause
    ("ШЕШІМ ҚАБЫЛДАЙМЫН:\n1. Ауылдағы жаңа көшеге «Бірлік» атауы берілсін.",
     [], [{"modality": "obligation", "action": "жаңа көшеге Бірлік атауы беру", "source": {"self": True}}]),
    ("ҚАУЛЫ ЕТЕДІ:\n2. Қазақстан Республикасы Сыртқы істер министрлігі баяндаманы Комитетке жіберсін.",
     [MINISTRY], [{"modality": "obligation", "action": "баяндаманы Комитетке жіберу",
                   "bearer": "Қазақстан Республикасы Сыртқы істер министрлігі", "source": {"self": True}}]),
    ("БҰЙЫРАМЫН:\n1. Ережеге қол қою тәртібі бұзылмасын.",
     [], [{"modality": "prohibition", "action": "Ережеге қол қою тәртібі бұзу", "source": {"self": True}}]),
    ("ШЕШІМ ҚАБЫЛДАДЫ:\n3. Осы шешімнің орындалуын бақылауды өзіме қалдырамын.",
     [], [{"modality": "obligation", "action": "шешімнің орындалуын бақылауды өзіме қалдыру",
           "source": {"self": True}}]),
    # an export that lost the full stop before the next item
    ("ҚАУЛЫ ЕТЕДІ:\n1. Қоса беріліп отырған Қағидалар бекітілсін\n2. Осы қаулы қол қойылған күнінен бастап қолданысқа енгізіледі.",
     [], [{"modality": "obligation", "action": "Қоса беріліп отырған Қағидалар бекіту", "source": {"self": True}}]),
    # a law has no formula: its articles command directly
    ("1-бап. Қазақстан Республикасының мына заңнамалық актілеріне өзгерістер енгізілсін:",
     [], [{"modality": "obligation", "action": "мына заңнамалық актілеріне өзгерістер енгізу",
           "source": {"self": True}}]),
    # a command quoted in a report: given to the body before the quotation
    ("Президент Үкіметке «сыбайлас жемқорлыққа қарсы шараларды қабылдауды қамтамасыз етсін» деген тапсырма берді.",
     [("institution", "Үкіметке", {"name": "Қазақстан Республикасының Үкіметі"})],
     [{"modality": "obligation", "action": "қарсы шараларды қабылдауды қамтамасыз ету",
       "bearer": "Қазақстан Республикасының Үкіметі"}]),
    # a command quoted in a report is attributed to the act it comes from
    ("Жарлықта Үкіметке «шараларды қабылдауды қамтамасыз етсін» деген тапсырма берілді.",
     [("instrument", "Жарлықта", {"kind": "decree"})],
     [{"modality": "obligation", "action": "шараларды қабылдауды қамтамасыз ету", "source": {"kind": "decree"}}]),
    # entry into force is a fact about the act, not a duty
    ("ҚАУЛЫ ЕТЕДІ:\n4. Осы қаулы алғашқы ресми жарияланған күнінен бастап қолданысқа енгізілсін.", [], []),
    ("Осы шешім алғашқы ресми жарияланған күнінен кейін он күн өткен соң қолданысқа енгізіледі.", [], []),
    # duties, bans and rights reported with their source act
    ("Конституцияның 14-бабына сәйкес ешкімді ешқандай кемсітуге болмайды.",
     [CONSTITUTION, ("provision", "14-бабына", {"article": "14"})],
     [{"modality": "prohibition", "action": "ешкімді ешқандай кемсіту",
                       "source": {"kind": "constitution", "title": "Конституция"}}]),
    ("«Босқындар туралы» Заңы босқындарды елдің шекарасына қайтаруға немесе елден шығарып жіберуге тыйым салады.",
     [LAW], [{"modality": "prohibition",
              "action": "босқындарды елдің шекарасына қайтару немесе елден шығарып жіберу",
              "source": {"kind": "law", "title": "Босқындар туралы"}}]),
    ("Әркімнің еркін ақпарат алуға және таратуға құқығы бар.",
     [], [{"modality": "permission", "action": "Әркімнің еркін ақпарат алу және тарату"}]),
    ("Азаматтар сотқа жүгінуге құқылы.", [], [{"modality": "permission", "action": "Азаматтар сотқа жүгіну"}]),
    ("Жұмыс беруші жалақыны уақтылы төлеуге міндетті.",
     [], [{"modality": "obligation", "action": "Жұмыс беруші жалақыны уақтылы төлеу"}]),
    ("Шетелдіктер елден өз еркімен шығуы тиіс.",
     [], [{"modality": "obligation", "action": "Шетелдіктер елден өз еркімен шығу"}]),
    ("Қатысушы мемлекеттер кемсітушілікті жоюға міндеттенеді.",
     [], [{"modality": "obligation", "action": "Қатысушы мемлекеттер кемсітушілікті жою"}]),
    ("Орта білім алу міндетті.", [], [{"modality": "obligation", "action": "Орта білім алу"}]),
    ("Бұл құқық заңмен шектелуі мүмкін.", [], [{"modality": "permission", "action": "Бұл құқық заңмен шектеу"}]),
    ("Шешімге сотта шағымдану мүмкін.", [], [{"modality": "permission", "action": "Шешімге сотта шағымдану"}]),
    ("Кемсітушілікке жол берілмейді.", [], [{"modality": "prohibition", "action": "Кемсітушілік"}]),
    ("Ешкімнің сот өкілеттігін иеленуге құқығы жоқ.",
     [], [{"modality": "prohibition", "action": "Ешкімнің сот өкілеттігін иелену"}]),
    # a principle stated as a noun is a rule; the same words as a purpose are not
    ("Заңның қағидаттары: кемсітуге жол бермеу; заңдылық.", [("instrument", "Заңның", {"kind": "law"})],
     [{"modality": "prohibition", "action": "кемсіту", "source": {"kind": "law"}}]),
    # ... where an act states it, however long the list before it runs
    ("«Көші-қон туралы» Заңда мынадай қағидаттар белгіленген: иммигранттардың құқықтарын қорғау; "
     "отбасын біріктіруге жәрдемдесу; құпиялылықты сақтау; иммигранттарды кемсітуге жол бермеу; отбасын біріктіру.",
     [("instrument", "«Көші-қон туралы» Заңда", {"kind": "law", "title": "Көші-қон туралы"})],
     [{"modality": "prohibition", "action": "иммигранттарды кемсіту",
       "source": {"kind": "law", "title": "Көші-қон туралы"}}]),
    # what is binding is the clause's subject, after its source
    ("Азаматтық кодексінің 12-бабына сәйкес шарттың талаптары мен тәртібі тараптар үшін міндетті болып табылады.",
     [("instrument", "Азаматтық кодексінің", {"kind": "code", "title": "Азаматтық кодекс"})],
     [{"modality": "obligation", "action": "шарттың талаптары мен тәртібі",
       "source": {"kind": "code", "title": "Азаматтық кодекс"}}]),
    # rules named by a noun: a duty laid on a body, a law's duties, a list of rights
    ("Жоспармен Министрлікке «өңірлердегі жағдайға тұрақты мониторинг жүргізу» міндеті жүктелген.",
     [("institution", "Министрлікке", {"name": "Министрлік"})],
     [{"modality": "obligation", "action": "өңірлердегі жағдайға тұрақты мониторинг жүргізу", "bearer": "Министрлік"}]),
    ("«Көші-қон туралы» Заң мемлекеттің тілдерді дамыту жөніндегі міндеттерін белгілейді.",
     [("instrument", "«Көші-қон туралы» Заң", {"kind": "law", "title": "Көші-қон туралы"})],
     [{"modality": "obligation", "action": "мемлекеттің тілдерді дамыту",
       "source": {"kind": "law", "title": "Көші-қон туралы"}}]),
    ("«Көші-қон туралы» Заң иммигранттарға мынадай құқықтарды береді: заңнамаға сәйкес білім алуға; "
     "медициналық көмек алуға.",
     [("instrument", "«Көші-қон туралы» Заң", {"kind": "law", "title": "Көші-қон туралы"})],
     [{"modality": "permission", "action": "білім алу", "source": {"kind": "law", "title": "Көші-қон туралы"}}]),
    # a requirement, and a ban on what a list is of (its date is not the deed's)
    ("Қағидалар өтініш берушіден анықтаманы ұсынуды талап етеді.", [("instrument", "Қағидалар", {"kind": "regulation"})],
     [{"modality": "obligation", "action": "өтініш берушіден анықтаманы ұсыну", "source": {"kind": "regulation"}}]),
    ("2015 жылы елге кіруге тыйым салынатын аурулар тізбесі бекітілді.", [("date", "2015 жылы", {"date": "2015"})],
     [{"modality": "prohibition", "action": "елге кіру"}]),
    ("Комитет баяндаманың сапасына талап қояды.", [], []),
    # a right established
    ("Заңға сәйкес мүгедектердің тегін заң көмегін алу құқығы бекітілді.",
     [("instrument", "Заңға", {"kind": "law"})],
     [{"modality": "permission", "action": "мүгедектердің тегін заң көмегін алу", "source": {"kind": "law"}}]),
    ("Азаматтың құқығы бекітілді.", [], []),
    # a right a treaty recognises; a right denied is a prohibition; 'need not' is no rule
    ("Пактінің 9-бабы әрбір адамның әлеуметтік қамсыздандыруға құқығын таниды.",
     [("instrument", "Пактінің", {"kind": "treaty"}), ("provision", "9-бабы", {"article": "9"})],
     [{"modality": "permission", "action": "әрбір адамның әлеуметтік қамсыздандыру", "source": {"kind": "treaty"}}]),
    ("Шетелдіктер мемлекеттік органдарға сайлануға құқылы емес.", [],
     [{"modality": "prohibition", "action": "Шетелдіктер мемлекеттік органдарға сайлану"}]),
    ("Азамат өтінішке анықтама қоса беруге міндетті емес.", [], []),
    # ... but a duty word after a plain noun, or in 'acting', is no rule
    ("Қызметкер еңбек міндеттерін атқарған кезде сақтандырылады.", [], []),
    ("Комитет өз міндетін атқарушыны тағайындады.", [], []),
    # ... a body's aims and priorities are not rules
    ("Кәсіподақтар мына басымдықтарды іске асырады: жалақы төлеуде кемсітуге жол бермеу; еңбекті қорғау.", [], []),
    ("Кемсітушілікке жол бермеу үшін шаралар қабылданды.", [], []),
    # 'is subject to' after a verbal noun is a duty; after a noun it is a classification
    ("Барлық жұмыскерлер міндетті әлеуметтік сақтандырылуға жатады.",
     [], [{"modality": "obligation", "action": "Барлық жұмыскерлер міндетті әлеуметтік сақтандырылу"}]),
    ("Бұл мәселе облыстың құзыретіне жатады.", [], []),
    # a bracketed remark is not the deed
    ("Қағидалар ұйымдарға (ерекше талаптар қойылмайды) шетелдік жұмыс күшін тартуға рұқсат етеді.",
     [], [{"modality": "permission", "action": "Қағидалар ұйымдарға шетелдік жұмыс күшін тарту"}]),
    # the addressee right before the marker is the bearer
    ("Прокуратура органдарын тексеру үшін Уәкілге тыйым салынбаған.",
     [("institution", "Уәкілге", {"name": "Адам құқықтары жөніндегі уәкіл"})],
     [{"modality": "permission", "action": "Прокуратура органдарын тексеру үшін",
       "bearer": "Адам құқықтары жөніндегі уәкіл"}]),
    # a duty assigned to a body in the dative
    ("ҚАУЛЫ ЕТЕДІ:\n2. Бақылау Қазақстан Республикасы Қаржы министрлігіне жүктелсін.",
     [("institution", "Қазақстан Республикасы Қаржы министрлігіне",
       {"name": "Қазақстан Республикасы Қаржы министрлігі"})],
     [{"modality": "obligation", "action": "Бақылау жүктеу",
       "bearer": "Қазақстан Республикасы Қаржы министрлігі", "source": {"self": True}}]),
    # a command closing a list: its subject is before the list, and each item is a duty
    ("БҰЙЫРАМЫН:\n2. Қазақстан Республикасы Сыртқы істер министрлігі заңнамада белгіленген тәртіппен:\n"
     "1) осы бұйрықты мемлекеттік тіркеуді;\n2) оны интернет-ресурста орналастыруды қамтамасыз етсін.",
     [MINISTRY], [{"modality": "obligation", "action": "осы бұйрықты мемлекеттік тіркеуді қамтамасыз ету",
                   "bearer": "Қазақстан Республикасы Сыртқы істер министрлігі", "source": {"self": True}},
                  {"modality": "obligation", "action": "оны интернет-ресурста орналастыруды қамтамасыз ету",
                   "bearer": "Қазақстан Республикасы Сыртқы істер министрлігі", "source": {"self": True}}]),
    # an assigned duty is the subject, whether or not the addressee is a named body
    ("БҰЙЫРАМЫН:\n3. Осы бұйрықтың орындалуын бақылау жетекшілік ететін вице-министрге жүктелсін.",
     [], [{"modality": "obligation", "action": "Осы бұйрықтың орындалуын бақылау жүктеу", "source": {"self": True}}]),
    # not obligations: guesses about the future, adjectives, 'appropriate', guarantees, ability
    ("Этностық шиеленіс ушығуы мүмкін.", [], []),
    ("Жалпыға міндетті стандарт қолданылады.", [], []),
    ("Тиісті шаралар қабылданды.", [], []),
    ("Мемлекет азаматтардың құқықтарына кепілдік береді.", [], []),
    ("Ол өз ісін сотта қорғай алады.", [], []),
    ("Бұл мәселе өзекті емес деп айтуға болады.", [], []),
    ("Заңда тыйым салынған ұйымдар тізімі жарияланды.", [], []),
    ("Баяндамада ставкасын көтеру ұсынылды.", [], []),
]


@pytest.mark.parametrize("text,earlier,expected", ROWS, ids=[r[0][:50] for r in ROWS])
def test_obligations(text, earlier, expected):
    assert run(text, earlier) == expected


def test_large_input_of_markers_reads_each_clause_once():
    """Thousands of markers with no clause end and a long tail of words: one
    duty per repeated clause (how long it takes is scripts/linearity.py's)."""
    unit = ("ҚАУЛЫ ЕТЕДІ: «Азаматтар сотқа жүгінуге құқылы, ережесін бекітілсін тиіс болмайды "
            "міндетті мүмкін ")
    chunk = unit * 4000 + "сөз " * 100000
    got = obligations.find(chunk, Findings(chunk))
    assert len(got) == 4000
    assert {chunk[f.start:f.end] for f in got} == {chunk[got[0].start:got[0].end]}


RU_ROWS = [
    # operative commands: an infinitive at the head of an item
    ("Правительство Республики Казахстан ПОСТАНОВЛЯЕТ:\n1. Утвердить прилагаемые Правила проведения конкурса.",
     [], [{"modality": "obligation", "action": "утвердить прилагаемые Правила проведения конкурса",
           "source": {"self": True}}]),
    ("Акимат района ПОСТАНОВЛЯЕТ:\n2. Признать утратившим силу постановление акимата района.",
     [], [{"modality": "obligation", "action": "признать утратившим силу постановление акимата района",
           "source": {"self": True}}]),
    ("ПРИКАЗЫВАЮ:\n1. Внести в приказ следующие изменения:\nпункт 3 изложить в следующей редакции:",
     [], [{"modality": "obligation", "action": "внести в приказ следующие изменения", "source": {"self": True}},
          {"modality": "obligation", "action": "изложить пункт 3 в следующей редакции", "source": {"self": True}}]),
    # a law has no formula: its articles command directly
    ("Статья 1. Внести изменения в следующие законодательные акты:",
     [], [{"modality": "obligation", "action": "внести изменения в следующие законодательные акты",
           "source": {"self": True}}]),
    # rules stated in the text
    ("Работодатель обязан выплачивать заработную плату своевременно.",
     [], [{"modality": "obligation", "action": "выплачивать заработную плату своевременно"}]),
    ("Граждане вправе обжаловать решение в суд.",
     [], [{"modality": "permission", "action": "обжаловать решение в суд"}]),
    ("Дискриминация по признаку пола не допускается.",
     [], [{"modality": "prohibition", "action": "Дискриминация по признаку пола"}]),
    ("Использование детского труда запрещается.",
     [], [{"modality": "prohibition", "action": "Использование детского труда"}]),
    ("Настоящее постановление подлежит официальному опубликованию.",
     [], [{"modality": "obligation", "action": "официальному опубликованию"}]),
    # not obligations: entry into force, nouns in -ость, verbs inside a sentence
    ("ПОСТАНОВЛЯЕТ:\n3. Настоящее постановление ввести в действие со дня подписания.", [], []),
    ("ПОСТАНОВЛЯЕТ:\n4. Ответственность за исполнение несет аким.", [], []),
    ("Комитет рекомендует государству усилить меры.", [], []),
]


@pytest.mark.parametrize("text,earlier,expected", RU_ROWS, ids=[r[0][:50] for r in RU_ROWS])
def test_russian_obligations(text, earlier, expected):
    assert run(text, earlier) == expected


BOARD = ("institution", "Облыстың білім басқармасы", {"name": "Облыстың білім басқармасы"})
OWN_LAW = ("instrument", "Осы Заңның", {"kind": "law", "self": True})


def own_duty(action: str, **more: object) -> dict:
    return {"modality": "obligation", "action": action, **more, "source": {"self": True}}


# Several objects listed as items under one command verb are one duty each;
# an item with a verb of its own shares nothing. A duty in the passive dative
# names its deed in the active with the passive's subject, leaving out the
# adverbials between them.
SHARED_ROWS = [
    ("ҚАУЛЫ ЕТЕДІ:\n3. Облыстың білім басқармасы заңнамада белгіленген тәртіппен:\n"
     "1) осы қаулының әділет органдарында мемлекеттік тіркелуін;\n"
     "2) осы қаулыны мерзімді баспасөзде ресми жариялауды;\n"
     "3) осы қаулының интернет-ресурста орналастырылуын қамтамасыз етсін.", [BOARD],
     [{"modality": "obligation", "action": "әділет органдарында мемлекеттік тіркелуін қамтамасыз ету",
       "bearer": "Облыстың білім басқармасы", "source": {"self": True}},
      {"modality": "obligation", "action": "мерзімді баспасөзде ресми жариялауды қамтамасыз ету",
       "bearer": "Облыстың білім басқармасы", "source": {"self": True}},
      {"modality": "obligation", "action": "қаулының интернет-ресурста орналастырылуын қамтамасыз ету",
       "bearer": "Облыстың білім басқармасы", "source": {"self": True}}]),
    ("ҚАУЛЫ ЕТЕДІ:\n2. Облыстың білім басқармасы:\n1) мектептердің тізімі жариялансын;\n"
     "2) есепті жіберуді қамтамасыз етсін.", [BOARD],
     [{"modality": "obligation", "action": "мектептердің тізімі жариялау", "source": {"self": True}},
      {"modality": "obligation", "action": "есепті жіберуді қамтамасыз ету",
       "bearer": "Облыстың білім басқармасы", "source": {"self": True}}]),
    ("ҚАУЛЫ ЕТЕДІ:\n2. Облыстың білім басқармасы:\n1) мектептердің тізімін жариялауды;\n"
     "2) есепті жіберуді қамтамасыз етсін;\n3) бақылауды күшейтсін.", [BOARD],
     [{"modality": "obligation", "action": "мектептердің тізімін жариялауды қамтамасыз ету",
       "bearer": "Облыстың білім басқармасы", "source": {"self": True}},
      {"modality": "obligation", "action": "есепті жіберуді қамтамасыз ету",
       "bearer": "Облыстың білім басқармасы", "source": {"self": True}},
      {"modality": "obligation", "action": "бақылауды күшейту",
       "bearer": "Облыстың білім басқармасы", "source": {"self": True}}]),
    ("Осы Заңның 5-бабына сәйкес өтініш ол тіркелген күннен бастап он күн ішінде қаралуға тиіс.", [OWN_LAW],
     [{"modality": "obligation", "action": "өтініш қарау", "source": {"kind": "law", "self": True}}]),
    ("Хабарлама он жұмыс күні ішінде тиісті органға жіберілуге тиіс.", [],
     [{"modality": "obligation", "action": "Хабарлама жіберу"}]),
    ("Шарт жазбаша нысанда жасалуға тиіс.", [], [{"modality": "obligation", "action": "Шарт жасау"}]),
    ("Жылдық есеп келесі жылғы 1 наурызға дейін уәкілетті органға жіберілуге тиіс.", [],
     [{"modality": "obligation", "action": "есеп жіберу"}]),
    # deeds listed as items before a marker are one rule each; a body opening the list bears them
    ("Тексеру кезінде Уәкілетті орган:\n1) құжаттарды сұратуға;\n2) түсініктеме алуға құқылы.",
     [("institution", "Уәкілетті орган", {"name": "Уәкілетті орган"})],
     [{"modality": "permission", "action": "құжаттарды сұрату", "bearer": "Уәкілетті орган"},
      {"modality": "permission", "action": "түсініктеме алу", "bearer": "Уәкілетті орган"}]),
    ("Жұмыс беруші:\n1) еңбек шартын жасасуға;\n2) жалақыны уақтылы төлеуге міндетті.", [],
     [{"modality": "obligation", "action": "еңбек шартын жасасу"},
      {"modality": "obligation", "action": "жалақыны уақтылы төлеу"}]),
    ("Жұмыс беруші:\nа) еңбек шартын жасасуға;\nб) жалақыны уақтылы төлеуге міндетті.", [],
     [{"modality": "obligation", "action": "еңбек шартын жасасу"},
      {"modality": "obligation", "action": "жалақыны уақтылы төлеу"}]),
    ("ҚАУЛЫ ЕТЕДІ:\n2. Басқарма:\nа) осы қаулыны жариялауды;\nб) оны интернет-ресурста орналастыруды қамтамасыз етсін.", [],
     [{"modality": "obligation", "action": "осы қаулыны жариялауды қамтамасыз ету", "source": {"self": True}},
      {"modality": "obligation", "action": "оны интернет-ресурста орналастыруды қамтамасыз ету", "source": {"self": True}}]),
    # ... and listed after a marker that opens the list with a colon
    ("Уәкілетті орган құқылы:\n1) құжаттарды сұратуға;\n2) түсініктеме алуға.\nБасқа мәтін.",
     [("institution", "Уәкілетті орган", {"name": "Уәкілетті орган"})],
     [{"modality": "permission", "action": "құжаттарды сұрату", "bearer": "Уәкілетті орган"},
      {"modality": "permission", "action": "түсініктеме алу", "bearer": "Уәкілетті орган"}]),
    ("Жұмыс беруші міндетті:\n1) еңбек шартын жасасуға;\n2) жалақыны уақтылы төлеуге;\n"
     "3) еңбек қауіпсіздігін қамтамасыз етуге.", [],
     [{"modality": "obligation", "action": "еңбек шартын жасасу"},
      {"modality": "obligation", "action": "жалақыны уақтылы төлеу"},
      {"modality": "obligation", "action": "еңбек қауіпсіздігін қамтамасыз ету"}]),
    ("Мемлекеттік қызметшіге мыналарға тыйым салынады:\n1) кәсіпкерлік қызметпен айналысуға;\n2) сыйлық алуға.", [],
     [{"modality": "prohibition", "action": "кәсіпкерлік қызметпен айналысу"},
      {"modality": "prohibition", "action": "сыйлық алу"}]),
    # words announcing what follows are not part of the deed
    ("ҚАУЛЫ ЕТЕДІ:\n1) 4-тармақ мынадай мазмұндағы екінші бөлікпен толықтырылсын:", [],
     [{"modality": "obligation", "action": "4-тармақ екінші бөлікпен толықтыру", "source": {"self": True}}]),
    # ... but an item with a verb of its own is no deed of the marker
    ("Комиссия:\n1) өтінімдерді қарайды;\n2) шешім шығаруға құқылы.", [],
     [{"modality": "permission", "action": "шешім шығару"}]),
    # a deadline is not part of the deed
    ("Салық төлеуші декларацияны 2025 жылғы 31 наурызға дейін тапсыруға міндетті.",
     [("date", "2025 жылғы 31 наурызға", {"date": "2025-03-31"})],
     [{"modality": "obligation", "action": "Салық төлеуші декларацияны тапсыру"}]),
    # the subject stands before the body the deed goes to, after a heading line; it may be a document
    ("Қорытынды ережелер\nОсы есеп Облыстың білім басқармасына 2026 жылғы 1 наурызға дейін жіберілуге тиіс.",
     [BOARD, ("instrument", "Осы есеп", {"kind": "other", "self": True}),
      ("date", "2026 жылғы 1 наурызға", {"date": "2026-03-01"})],
     [{"modality": "obligation", "action": "есеп жіберу", "source": {"kind": "other", "self": True}}]),
    # a passive command with the bodies it goes to right before the verb: its subject is the object
    ("ҚАУЛЫ ЕТЕДІ:\n5. Осы қаулының көшірмесі Облыстың білім басқармасына жіберілсін.", [BOARD],
     [{"modality": "obligation", "action": "көшірмесі жіберу", "source": {"self": True}}]),
    # the active, and a passive that is not in the dative, keep their words
    ("Барлық қызметкерлер жазатайым оқиғалардан міндетті сақтандырылуы тиіс.", [],
     [{"modality": "obligation", "action": "Барлық қызметкерлер жазатайым оқиғалардан міндетті сақтандырылу"}]),
]


@pytest.mark.parametrize("text,earlier,expected", SHARED_ROWS, ids=[r[0][-50:] for r in SHARED_ROWS])
def test_shared_verbs_and_passive_duties(text, earlier, expected):
    assert run(text, earlier) == expected


@pytest.mark.parametrize("text,span", [
    ("Азаматтар сотқа жүгінуге құқылы.", "жүгінуге құқылы"),
    # a deed and its marker on two lines (pages apart in an export): the rule is found at its marker
    ("Ешкімді де оның мүлкінен айыруға\nболмайды.", "болмайды"),
])
def test_span_starts_at_the_deed_on_the_markers_line(text, span):
    (f,) = obligations.find(text, Findings(text))
    assert text[f.start:f.end] == span


def test_a_quotation_never_closed_does_not_swallow_later_commands():
    stray = "Мамандықтар: «Шетел филологиясы - 5 грант. " + "Басқа мәтін. " * 500
    text = stray + "Президент Үкіметке «шараларды қабылдауды қамтамасыз етсін» деген тапсырма берді."
    gov = ("institution", "Үкіметке", {"name": "Қазақстан Республикасының Үкіметі"})
    assert run(text, [gov]) == [{"modality": "obligation", "action": "шараларды қабылдауды қамтамасыз ету",
                                 "bearer": "Қазақстан Республикасының Үкіметі"}]


@pytest.mark.parametrize("text,earlier", [(row[0], row[1]) for row in ROWS + SHARED_ROWS])
def test_every_mention_covers_text(text, earlier):
    for f in obligations.find(text, findings(text, list(earlier))):
        assert 0 <= f.start < f.end <= len(text), (f, text)


# The text is read from anchors (marker phrases, command endings) and tokenised
# only around them: what is found must not depend on where an anchor sits.
_READING = [
    "Азаматтар сотқа жүгінуге құқылы.",
    "ҚАУЛЫ ЕТЕДІ:\n1. Қоса беріліп отырған Қағидалар бекітілсін.",
    "Конституцияның 14-бабына сәйкес ешкімді ешқандай кемсітуге болмайды.",
    "Жұмыс беруші:\n1) еңбек шартын жасасуға;\n2) жалақыны уақтылы төлеуге міндетті.",
    "ПОСТАНОВЛЯЕТ:\n1. Утвердить прилагаемые Правила.\nРаботодатель обязан представить отчет.",
]


@pytest.mark.parametrize("text", _READING)
def test_a_fold_that_changes_length_reads_the_same(text):
    # `ß` folds to two letters and U+0345 to a letter: the words are then folded one by one
    plain = [(f.start, f.end, f.fields) for f in obligations.find(text, Findings(text))]
    assert plain
    for odd in (" Straße.", " \u0345."):
        doc = text + odd
        assert [(f.start, f.end, f.fields) for f in obligations.find(doc, Findings(doc))] == plain


@pytest.mark.parametrize("text", _READING)
def test_far_from_its_neighbours_an_anchor_reads_the_same(text):
    plain = [(f.start, f.end, f.fields) for f in obligations.find(text, Findings(text))]
    pad = "Басқа мәтін бар. " * 300
    doc = pad + text + " " + pad
    moved = [(f.start - len(pad), f.end - len(pad), f.fields) for f in obligations.find(doc, Findings(doc))]
    assert moved == plain


@pytest.mark.parametrize("text,expected", [
    # a rule at the very start and end of the text, in quotes, after an underscore
    ("кемсітуге болмайды", [{"modality": "prohibition", "action": "кемсіту"}]),
    ("«Ешкімді кемсітуге болмайды».", [{"modality": "prohibition", "action": "Ешкімді кемсіту"}]),
    ("Ешкімді кемсітуге_болмайды.", [{"modality": "prohibition", "action": "Ешкімді кемсіту"}]),
    # a marker opening the text, or its quotation, has nothing before it to attach to
    ("Тыйым салынады.", []),
    ("Ешкімді кемсітуге «болмайды».", []),
    # a hyphen joins a marker's word to the one before: no marker
    ("Ешкімді кемсітуге ауыл-болмайды.", []),
    # Latin look-alikes and capitals in a command
    ("ҚАУЛЫ ЕТЕДІ:\n1. Қағидалар бекiтiлсiн.", [{"modality": "obligation", "action": "Қағидалар бекіту",
                                                 "source": {"self": True}}]),
])
def test_anchors_at_edges_of_words(text, expected):
    assert run(text) == expected
