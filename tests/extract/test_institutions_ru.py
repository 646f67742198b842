"""Russian institution names over sentences written in the styles of acts.

Each row is a sentence and every institution the extractor must return, in
text order: the words the name covers and its nominative register name.
"""
from __future__ import annotations

import pytest

from graph.extract import Findings, institutions
from graph.extract.institutions_ru import is_russian

KZ_GOV = "Правительство Республики Казахстан"


def run(text: str) -> list[tuple[str, str]]:
    return [(text[f.start:f.end], f.fields["name"]) for f in institutions.find(text, Findings(text))]


ROWS = [
    # the issuer of a resolution in the genitive, the country's abbreviation expanded
    ("Постановление Правительства Республики Казахстан от 3 марта 2015 года № 112.",
     [("Правительства Республики Казахстан", KZ_GOV)]),
    ("В соответствии с нормативным постановлением Верховного Суда РК от 5 мая 2010 года № 4",
     [("Верховного Суда РК", "Верховный Суд Республики Казахстан")]),
    # an akimat of a district of a region, then its command
    ("Акимат Жамбылского района Алматинской области ПОСТАНОВЛЯЕТ:",
     [("Акимат Жамбылского района Алматинской области",
       "Акимат Жамбылского района Алматинской области")]),
    # a place's own name after the place word
    ("Опубликовать решение на интернет-ресурсе акимата города Сатпаев.",
     [("акимата города Сатпаев", "акимат города Сатпаев")]),
    # adjectives before the head change case with it
    ("Решение зарегистрировано Департаментом юстиции Павлодарской области, "
     "копия направлена в Павлодарский областной маслихат.",
     [("Департаментом юстиции Павлодарской области", "Департамент юстиции Павлодарской области"),
      ("Павлодарский областной маслихат", "Павлодарский областной маслихат")]),
    # a minister named by a coordinated specifier
    ("Приказ Министра здравоохранения и социального развития Республики Казахстан",
     [("Министра здравоохранения и социального развития Республики Казахстан",
       "Министр здравоохранения и социального развития Республики Казахстан")]),
    # a board of a court: the court inside its name is no mention of its own
    ("Дело рассмотрено судебной коллегией по уголовным делам Костанайского областного суда.",
     [("судебной коллегией по уголовным делам Костанайского областного суда",
       "судебная коллегия по уголовным делам Костанайского областного суда")]),
    # a commission under the Government
    ("Заключение Республиканской бюджетной комиссии при Правительстве Республики Казахстан",
     [("Республиканской бюджетной комиссии при Правительстве Республики Казахстан",
       "Республиканская бюджетная комиссия при Правительстве Республики Казахстан")]),
    # a bare national organ is the Republic's
    ("Правительство утвердило программу.", [("Правительство", KZ_GOV)]),
    # a deputy is a person, not the office acting
    ("в присутствии заместителя Министра финансов Республики Казахстан", []),
    # a quoted name of a state institution; a signer's initials are not a place's name
    ("Государственному учреждению «Отдел образования города Экибастуза» обеспечить опубликование.",
     [("Отдел образования города Экибастуза", "Отдел образования города Экибастуза")]),
    ("Аким Баянаульского района Т. Сейтказин.",
     [("Аким Баянаульского района", "Аким Баянаульского района")]),
    # a body of a company capitalised only as the sentence's first word is no name
    ("Совет директоров акционерного общества рассмотрел отчет.", []),
    # abbreviations on their own; inside a name they are part of it
    ("Примечание РЦПИ. Доклад направлен в ООН и ОБСЕ.",
     [("РЦПИ", "Республиканский центр правовой информации"),
      ("ООН", "Организация Объединенных Наций"),
      ("ОБСЕ", "Организация по безопасности и сотрудничеству в Европе")]),
    # generic lower-case bodies are no names
    ("Суд вправе отложить рассмотрение дела, а комиссия рассматривает жалобы.", []),
]


@pytest.mark.parametrize("text, expected", ROWS, ids=[r[0][:40] for r in ROWS])
def test_institutions_ru(text: str, expected: list[tuple[str, str]]) -> None:
    assert run(text) == expected


@pytest.mark.parametrize("text, russian", [
    ("Акимат Жамбылского района ПОСТАНОВЛЯЕТ:", True),
    ("Акимат области Ұлытау ПОСТАНОВЛЯЕТ: опубликовать постановление.", True),
    ("Жамбыл ауданының әкімдігі ҚАУЛЫ ЕТЕДІ:", False),
])
def test_language(text: str, russian: bool) -> None:
    assert is_russian(text) is russian


def test_windows_do_not_change_what_is_read(monkeypatch) -> None:
    """Each head is read in a window of tokens, and read again with a side
    widened whenever the grammar looks past that edge: the narrowest windows
    give what one window over the whole text gives, at the text's edges too."""
    from graph.extract import institutions_ru

    texts = [" ".join(r[0] for r in ROWS), "\n".join(r[0] for r in ROWS[:6]), "Правительство", " ООН-а "]

    def read(reach: tuple[int, int]) -> list[list[tuple[int, int, dict]]]:
        monkeypatch.setattr(institutions_ru, "_REACH", reach)
        return [[(f.start, f.end, f.fields) for f in institutions_ru.find(t)] for t in texts]

    assert read((1, 1)) == read((10 ** 9, 10 ** 9))
