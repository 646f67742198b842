"""Damage simulator: clean legal text in, the official database's PDF-export
damage out, one family at a time (issue 4), seeded and reproducible.

Sentences are written here by hand, Kazakh and Russian, in the styles of
acts and reports; `[...]` marks the words that the database writes as
hyperlinks, `#A #P #N #Y #D #M` are filled with article, paragraph, act
numbers, years, days and months. A document is a few paragraphs of them.

Every damaged character keeps the index of the clean character it shows
(or -1 for a character the exporter added: a wrap's newline, a letter-space,
a blank line, a page number), so a test can check the repair's offset map
as well as its text. The shapes copy the seed's (LANGUAGE_NOTES.md §9):
  layout     paragraphs wrapped into PDF lines of 70-95 characters, first
             lines indented by six spaces, wrapped lines mostly ending with a
             space, a number or a compound wrapped at its hyphen (`1-` /
             `бабының`, `өзін-` / `өзі`);
  spacing    a paragraph's last line or a heading one letter at a time,
             two spaces between words;
  anchors    link words cut out (the hole is a double space, `( ` before an
             opener's neighbour, an empty slot before a separator, or a
             leading space), appended to the line end in order, glued when
             the line had no trailing space, letter-spaced on a spaced line;
  breaks     blank-line runs inside a sentence, some with a page number or a
             running header in them;
  lookalike  Latin look-alikes in Cyrillic words, soft hyphens, no-break
             spaces, curly quotes;
  tables     an annex table flattened row by row (the repair must keep it).
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass

FAMILIES = ("spacing", "anchors", "breaks", "lookalike", "tables", "combined")

KAZAKH = (
    "Қазақстан Республикасының #Y жылғы #D қаңтардағы «Қазақстан Республикасындағы жергілікті мемлекеттік "
    "басқару және өзін-өзі басқару туралы» [Заңының] [#A-бабына] сәйкес аудандық мәслихат ШЕШІМ ҚАБЫЛДАДЫ:",
    "Қазақстан Республикасы [Конституциясының] [#A-бабының] #P-тармағына сәйкес әркімнің өз ана тілі мен "
    "төл мәдениетін пайдалануға құқығы бар.",
    "Нәсілдік және ұлттық араздықты қоздырғаны үшін жауапкершілік Қазақстан Республикасы Қылмыстық "
    "[кодексінің] [#A], [#A] және [#A-баптарында] көзделген.",
    "Қазақстан Республикасы Үкіметінің #Y жылғы #D наурыздағы № #N [қаулысымен] бекітілген Қағидаларға "
    "сәйкес жергілікті атқарушы органдар жыл сайын есеп береді.",
    "Осы қаулы алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.",
    "Қазақстан Республикасы Президентінің #Y жылғы #D қыркүйектегі № #N [Жарлығымен] «Қазақстан халқы "
    "Ассамблеясы туралы Ереже» бекітілді.",
    "«Босқындар туралы» Қазақстан Республикасы [Заңының] [#A-бабына] сәйкес пана іздеген адамдарға "
    "мемлекеттік қорғауға кепілдік беріледі.",
    "Ескерту. Кіріспеге өзгеріс енгізілді - ҚР Үкіметінің #D.#M.#Y № #N (алғашқы ресми жарияланған "
    "күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі) [қаулысымен].",
    "Қазақстан Республикасы Еңбек [кодексінің] [#A-бабына] сәйкес жұмыс беруші қызметкерлердің қауіпсіз "
    "еңбек жағдайларын қамтамасыз етуге міндетті.",
    "Халықаралық еңбек ұйымының «Кәсіподақ бостандығы туралы» № #N [конвенциясын] Қазақстан #Y жылы "
    "бекітті және оның ережелерін ұлттық заңнамаға енгізді.",
    "Этностық топтар бойынша статистикалық деректер баяндамаға қоса беріліп отыр ([#P] және "
    "[#P-қосымшалар]).",
    "Қазақстан Республикасы Азаматтық [кодексінің] [#A-бабының] #P-тармағына сәйкес мүлікке меншік "
    "құқығы заңға сәйкес мұрагерлік бойынша басқа адамдарға көшеді.",
    "Қазақстан Республикасы Сыртқы істер министрлігі мерзімді баяндаманы белгіленген тәртіппен Біріккен "
    "Ұлттар Ұйымының комитетіне жіберсін.",
    "Облыстық мәслихаттың #Y жылғы #D желтоқсандағы № #N «Облыстық бюджет туралы» [шешіміне] мынадай "
    "өзгерістер енгізілсін.",
    "Мемлекеттік органдар осы Заңның [#A-бабында] белгіленген мерзімде азаматтардың өтініштерін қарауға "
    "және оларға жауап беруге міндетті.",
    "Сот ісін жүргізу тілі туралы мәселе Қазақстан Республикасы Азаматтық процестік [кодексінің] "
    "[#A-бабында] реттелген.",
    "Қазақстан [Конституциясының] [#A-бабына] сәйкес ешкімді азаптауға, оған зорлық-зомбылық жасауға, "
    "басқадай қатыгездік көрсетуге болмайды.",
    "Көрсетілген мерзімде жергілікті атқарушы органдар жиынтық есепті Қазақстан Республикасы Ұлттық "
    "экономика министрлігіне ұсынады.",
    "Жалпы білім беретін мектептерде оқыту қазақ, орыс және ағылшын тілдерінде жүргізіледі "
    "([#P-қосымша]).",
    "Қазақстан Республикасы [Конституциясының] [#A-бабында] мемлекеттік тіл қазақ тілі деп белгіленген, "
    "ал мемлекеттік ұйымдарда орыс тілі ресми түрде қолданылады.",
    "Әкімшілік құқық бұзушылық туралы [кодекстің] [#A-бабына] сәйкес жауапкершілікке тартылған адамдар "
    "саны #Y жылы #N құрады.",
    "Қаулының орындалуын бақылау облыс әкімінің орынбасарына жүктелсін.",
    "Сот азамат Б. Қылмыстық [кодекстің] [#A-бабының] #P-бөлігінде көзделген қылмысты жасады деп таныды "
    "және оған айыппұл тағайындады.",
    "«Халықтың көші-қоны туралы» #Y жылғы #D шілдедегі Қазақстан Республикасының [Заңы] көші-қон "
    "процестерінің құқықтық, экономикалық және әлеуметтік негіздерін айқындайды.",
    "«Құқықтық актілер туралы» [Заңның] [#A-бабының] #P-тармағына сәйкес бұйрық әділет органдарында "
    "мемлекеттік тіркелуге жатады.",
    "#Y жылы елімізге тұрақты тұруға #N адам келді, олардың басым көпшілігі көршілес мемлекеттерден "
    "оралған отандастар.",
    "Бұл баяндама Конвенцияның [#A-бабының] #P-тармағына және баяндамалардың нысаны мен мазмұны "
    "туралы жалпы қағидаттарға сәйкес әзірленді.",
    "Мәдениет және ақпарат министрлігі жанындағы жұмыс тобы баяндаманың жобасын азаматтық қоғам "
    "өкілдерімен бірлесіп талқылады.",
    "Қазақстан Республикасының #Y жылғы #D мамырдағы «[Қоғамдық бірлестіктер туралы]» Заңына сәйкес "
    "қоғамдық бірлестіктер әділет органдарында тіркеледі.",
)

RUSSIAN = (
    "В соответствии со [статьей #A] [Закона] Республики Казахстан от #D января #Y года «О местном "
    "государственном управлении и самоуправлении в Республике Казахстан» районный маслихат РЕШИЛ:",
    "Согласно пункту #P [статьи #A] [Конституции] Республики Казахстан каждый имеет право на "
    "пользование родным языком и культурой.",
    "Утвердить прилагаемые Правила, предусмотренные [постановлением] Правительства Республики "
    "Казахстан от #D марта #Y года № #N.",
    "Ответственность за возбуждение национальной розни предусмотрена статьями [#A], [#A] и [#A] "
    "Уголовного [кодекса] Республики Казахстан.",
    "Настоящее постановление вводится в действие по истечении десяти календарных дней после дня его "
    "первого официального опубликования.",
    "Сноска. Преамбула с изменением, внесенным [постановлением] Правительства РК от #D.#M.#Y № #N "
    "(вводится в действие со дня его первого официального опубликования).",
    "Контроль за исполнением настоящего решения возложить на заместителя акима области.",
    "Государственные органы обязаны рассматривать обращения граждан в сроки, установленные "
    "[статьей #A] настоящего [Закона].",
    "В Республике Казахстан Трудовым [кодексом] установлен запрет на дискриминацию в сфере труда и "
    "занятости.",
    "Статистические данные о составе населения приводятся в [приложении #P] к настоящему докладу.",
    "Внести в [решение] областного маслихата от #D декабря #Y года № #N «Об областном бюджете» "
    "следующие изменения и дополнения.",
    "Порядок регистрации иностранцев и лиц без гражданства определяется [Законом] Республики Казахстан "
    "«О миграции населения».",
    "Согласно части #P [статьи #A] [Кодекса] Республики Казахстан об административных правонарушениях "
    "за такое нарушение установлен штраф.",
    "В #Y году численность населения республики превысила #N тысяч человек, из них большинство "
    "проживает в городах.",
    "Правительство Республики Казахстан ПОСТАНОВЛЯЕТ: одобрить проект Закона Республики Казахстан о "
    "ратификации соглашения и внести его на рассмотрение Мажилиса.",
    "Порядок въезда иностранцев регулируется Законом Республики Казахстан от #D июля #Y года "
    "«[О миграции населения]» и принятыми в соответствии с ним актами.",
)

HEADINGS_KK = ("Жалпы ережелер", "Қорытынды ережелер", "Еңбекке құқық туралы", "Мұрагерлік құқығы туралы",
               "Азаматтыққа құқық туралы", "Білім алу құқығы туралы")
HEADINGS_RU = ("Общие положения", "Заключительные положения", "Право на труд", "Право на образование")

LOOKALIKE = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "і": "i",
             "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P", "С": "C",
             "Т": "T", "Х": "X", "І": "I"}
SPACES_TO_BREAK = ("№ ", "#NUMBER ")
INDENT = "      "
PLACEHOLDER = re.compile(r"#[APNYDM]")


@dataclass(frozen=True, slots=True)
class Case:
    """One simulated document: the clean text, the damaged export, and for
    every damaged character the index of the clean one it shows (-1: added)."""

    family: str
    language: str
    clean: str
    damaged: str
    origin: tuple[int, ...]


@dataclass(slots=True)
class Glyph:
    char: str
    origin: int
    link: int = -1


def fill(template: str, rng: random.Random) -> str:
    values = {"#A": lambda: str(rng.randint(1, 199)), "#P": lambda: str(rng.randint(1, 12)),
              "#N": lambda: str(rng.randint(1, 1999)), "#Y": lambda: str(rng.randint(1991, 2024)),
              "#D": lambda: str(rng.randint(1, 28)), "#M": lambda: f"{rng.randint(1, 12):02d}"}
    return PLACEHOLDER.sub(lambda m: values[m.group()](), template)


def paragraph_glyphs(sentences: list[str], start: int, first_link: int) -> tuple[list[Glyph], str, int]:
    """One paragraph: its clean text (links unmarked) and glyphs with link ids."""
    glyphs: list[Glyph] = []
    text: list[str] = []
    link = -1
    next_link = first_link
    for ch in INDENT + " ".join(sentences):
        if ch == "[":
            link, next_link = next_link, next_link + 1
            continue
        if ch == "]":
            link = -1
            continue
        glyphs.append(Glyph(ch, start + len(text), link if ch != " " else -1))
        text.append(ch)
    # a link split by a space is one link: keep its inner spaces in it
    for i in range(1, len(glyphs) - 1):
        if glyphs[i].char == " " and glyphs[i - 1].link != -1 and glyphs[i - 1].link == glyphs[i + 1].link:
            glyphs[i].link = glyphs[i - 1].link
    return glyphs, "".join(text), next_link


def words_of(glyphs: list[Glyph]) -> list[list[Glyph]]:
    """Words with the space before each (the indentation stays with the first)."""
    words: list[list[Glyph]] = []
    current: list[Glyph] = []
    for g in glyphs:
        if g.char == " " and current and current[-1].char != " " and g.link == -1:
            words.append(current)
            current = [g]
        else:
            current.append(g)
    if current:
        words.append(current)
    return words


def wrap(glyphs: list[Glyph], width: int, rng: random.Random) -> list[list[Glyph]]:
    """PDF lines: break at spaces; a wrapped line keeps its space at the end
    (most of the time); a number-hyphen word may break after the hyphen."""
    lines: list[list[Glyph]] = []
    line: list[Glyph] = []
    for word in words_of(glyphs):
        body = word[1:] if line and word[0].char == " " else word
        if line and len(line) + len(word) > width:
            text = "".join(g.char for g in body)
            m = re.match(r"\d+-|[^\W\d_]+-(?=[^\W\d_])", text)
            if m and len(line) + 1 + m.end() <= width and len(text) > m.end() and rng.random() < 0.7:
                line += word[:1] + body[:m.end()]
                lines.append(line)
                line = body[m.end():]
                continue
            if rng.random() < 0.8:
                line.append(word[0])  # the space stays at the end of the wrapped line
            lines.append(line)
            line = list(body)
        else:
            line += word
    if line:
        lines.append(line)
    return lines


def letter_space(line: list[Glyph], seam: int | None = None) -> list[Glyph]:
    """One space between the characters of a word, one more in every gap;
    none at `seam`, where the displaced anchors were glued on."""
    indent = 0
    while indent < len(line) and line[indent].char == " ":
        indent += 1
    out = line[:indent]
    for i in range(indent, len(line)):
        g = line[i]
        out.append(g)
        if i + 1 == len(line):
            break
        nxt = line[i + 1]
        if g.char == " " and nxt.char != " ":
            out.append(Glyph(" ", -1))
        elif g.char != " " and nxt.char != " " and i + 1 != seam:
            out.append(Glyph(" ", -1))
    return out


def displace_anchors(line: list[Glyph], movable: set[int]) -> tuple[list[Glyph], int | None]:
    """Cut the line's links out and append them, in order, at its end.
    Returns the line and where the appended anchors are glued on (None when
    the line ended with a space)."""
    order: list[int] = []
    links: dict[int, list[Glyph]] = {}
    kept: list[Glyph | None] = []
    for g in line:
        if g.link in movable:
            if g.link not in links:
                links[g.link] = []
                order.append(g.link)
                kept.append(None)
            links[g.link].append(g)
        else:
            kept.append(g)
    if not order:
        return line, None
    out: list[Glyph] = []
    for i, g in enumerate(kept):
        if g is not None:
            out.append(g)
            continue
        left = out[-1].char if out else ""
        right = kept[i + 1].char if i + 1 < len(kept) and kept[i + 1] is not None else ""
        if left not in ("", " ") and right in (" ", ",", ")", ";"):
            out.append(Glyph(" ", -1))  # `(  және`, `( , , )`: the exporter leaves a space
    seam = None if out and out[-1].char == " " else len(out)
    for k, link in enumerate(order):
        if k:
            out.append(Glyph(" ", -1))
        out.extend(links[link])
    return out, seam


def complete_links(lines: list[list[Glyph]]) -> set[int]:
    """Links that lie on one line (a link broken by a wrap stays in place)."""
    where: dict[int, set[int]] = {}
    for n, line in enumerate(lines):
        for g in line:
            if g.link != -1:
                where.setdefault(g.link, set()).add(n)
    return {link for link, ns in where.items() if len(ns) == 1}


def table_rows(rng: random.Random, language: str) -> list[str]:
    """An annex table as the export flattens it: one row a line."""
    labels = ("Қазақтар", "Орыстар", "Өзбектер", "Украиндар", "Ұйғырлар", "Татарлар", "Барлығы") \
        if language == "kk" else ("Казахи", "Русские", "Узбеки", "Украинцы", "Уйгуры", "Татары", "Всего")
    head = "Ұлты, жыл" if language == "kk" else "Национальность, год"
    years = sorted(rng.sample(range(2005, 2024), 4))
    rows = [head + " " + " ".join(map(str, years))]
    for label in rng.sample(labels, 5):
        cells = [f"{rng.randint(0, 99)},{rng.randint(0, 9)}" if rng.random() < 0.5 else str(rng.randint(10, 99999))
                 for _ in years]
        rows.append(label + " " + " ".join(cells))
    return rows


def line_text(line: list[Glyph]) -> str:
    return "".join(g.char for g in line)


def make_case(family: str, seed: int) -> Case:
    """One simulated document with the damage of `family` (or all of them)."""
    rng = random.Random(f"{family}:{seed}")
    language = "ru" if rng.random() < 0.35 else "kk"
    corpus = RUSSIAN if language == "ru" else KAZAKH
    headings = HEADINGS_RU if language == "ru" else HEADINGS_KK
    damage = {family} if family != "combined" else {"spacing", "anchors", "breaks", "lookalike", "tables"}
    width = rng.randint(70, 95)

    # the clean text: paragraphs (and headings) one a line, a table's rows
    # apart by blank lines; the layout: the same as PDF lines
    clean_parts: list[str] = []
    layout: list[list[Glyph]] = []
    ends: list[int] = []        # layout lines that end a paragraph or heading
    pos = link = 0
    for k in range(rng.randint(2, 4)):
        paragraphs = []
        if k and rng.random() < 0.3:
            paragraphs.append(([rng.choice(headings)], False))
        paragraphs.append(([fill(rng.choice(corpus), rng) for _ in range(rng.randint(1, 3))], True))
        for sentences, wrapped in paragraphs:
            glyphs, text, link = paragraph_glyphs(sentences, pos, link)
            layout.extend(wrap(glyphs, width, rng) if wrapped else [glyphs])
            ends.append(len(layout) - 1)
            clean_parts.append(text)
            pos += len(text) + 1
    prose = len(layout)
    if "tables" in damage:
        rows = table_rows(rng, language)
        for r, row in enumerate(rows):
            if r:
                layout.append([])
                pos += 2
            layout.append([Glyph(c, pos + i) for i, c in enumerate(row)])
            pos += len(row)
        clean_parts.append("\n\n".join(rows))
    clean = "\n".join(clean_parts)

    whole = complete_links(layout[:prose])
    seams: dict[int, int | None] = {}
    if "anchors" in damage:
        for n in range(prose):
            line = layout[n]
            movable = {g.link for g in line if g.link in whole}
            # a link right after a paragraph's indentation is left alone
            first = next((g for g in line if g.char != " "), None)
            if first is not None and (n == 0 or (n - 1) in ends):
                movable.discard(first.link)
            if movable and rng.random() < 0.85:
                layout[n], seams[n] = displace_anchors(line, movable)
    if "spacing" in damage:
        candidates = [n for n in ends if n < prose and sum(c.isalpha() for c in line_text(layout[n])) >= 3]
        for n in rng.sample(candidates, min(len(candidates), rng.randint(1, 2))):
            layout[n] = letter_space(layout[n], seams.get(n))
    if "lookalike" in damage:
        for n in range(prose):
            layout[n] = lookalike_damage(layout[n], rng, language)

    breaks: dict[int, str] = {}
    if "breaks" in damage:
        inner = [n for n in range(prose - 1) if n not in ends and len(line_text(layout[n]).strip()) >= 40
                 and line_text(layout[n]).strip()[-1:] not in ".:;!?"]
        chosen = sorted(rng.sample(inner, min(len(inner), rng.randint(1, 3))))
        furniture = rng.choice(("blank", "number", "header"))
        if furniture == "header" and len(chosen) < 3:
            furniture = "number"
        header = "Қазақстан Республикасы Үкіметінің қаулысы" if language == "kk" else "Постановление Правительства"
        page = rng.randint(2, 40)
        for n in chosen:
            if furniture == "number":
                breaks[n] = f"\n\n{page}\n\n"
                page += 1
            elif furniture == "header":
                breaks[n] = f"\n\n{header}\n\n"
            else:
                one = line_text(layout[n]).endswith(" ") and rng.random() < 0.4
                breaks[n] = "\n" if one else "\n\n\n"
    if "tables" in damage and prose + 4 < len(layout):
        breaks[prose + 2 + 2 * rng.randint(0, 1)] = "\n\n"

    out: list[Glyph] = []
    for n, line in enumerate(layout):
        if n:
            out.append(Glyph("\n", -1))
        out.extend(line)
        out.extend(Glyph(c, -1) for c in breaks.get(n, ""))
    damaged = "".join(g.char for g in out)
    return Case(family, language, clean, damaged, tuple(g.origin for g in out))


def lookalike_damage(line: list[Glyph], rng: random.Random, language: str) -> list[Glyph]:
    """Latin letters for Cyrillic ones in a few words, a soft hyphen inside a
    word, a no-break space after a number sign or before a year word, curly
    quotes for the angle ones."""
    out: list[Glyph] = []
    text = "".join(g.char for g in line)
    words = [m.span() for m in re.finditer(r"[^\W\d_]{4,}", text)]
    chosen = set()
    for s, e in rng.sample(words, min(len(words), 2)):
        chosen.update(range(s, e))
    soft = rng.choice(words)[0] + 2 if words and rng.random() < 0.5 else -1
    for i, g in enumerate(line):
        ch = g.char
        if i == soft:
            out.append(Glyph("\u00ad", -1))
        if i in chosen and ch in LOOKALIKE and not (language == "ru" and ch in "іІ") and rng.random() < 0.5:
            ch = LOOKALIKE[ch]
        elif ch == " " and i > 0 and (text[i - 1] == "№" or (text[i - 1].isdigit() and rng.random() < 0.3)):
            ch = "\u00a0"
        elif ch == "«":
            ch = "“"
        elif ch == "»":
            ch = "”"
        out.append(Glyph(ch, g.origin, g.link))
    return out


def cases(family: str, count: int, first_seed: int = 0) -> list[Case]:
    return [make_case(family, seed) for seed in range(first_seed, first_seed + count)]


def normalise(text: str) -> str:
    """Spaces and line breaks read as one space, a blank line as a paragraph
    mark: what the extractors see. No-break spaces are not folded."""
    text = re.sub(r"[ \n]*\n[ \n]*\n[ \n]*", "\u00b6", text)
    return re.sub(r"[ \n]+", " ", text).strip()


def restored(case: Case, text: str) -> bool:
    return normalise(text) == normalise(case.clean)


def offsets_right(case: Case, src_start, text: str) -> bool:
    """Every repaired character that shows a clean character maps to the
    place in the damaged file where that clean character was."""
    where = {o: i for i, o in enumerate(case.origin) if o >= 0}
    clean_chars = [i for i, c in enumerate(case.clean) if not c.isspace()]
    repaired_chars = [i for i, c in enumerate(text) if not c.isspace()]
    if len(clean_chars) != len(repaired_chars):
        return False
    for k, i in zip(clean_chars, repaired_chars):
        if where.get(k) != src_start[i]:
            return False
    return True
