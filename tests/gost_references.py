"""One Russian reference per kind that GOST R 7.0.100-2018 has rules for, with every field of
its class set (tests/test_gost_fields.py and docs/styles/gost.md, "Field by field").

>>> REFERENCES["book"].edition, REFERENCES["patent"].number
('2', '2637215')
"""

from __future__ import annotations

from typing import Any

import attrs

from citekit.model import PartialDate, Person, Title
from citekit.model.kinds import KIND_BY_NAME
from citekit.model.reference import Reference

COMMON: dict[str, Any] = {
    "title": Title("Японская политика безопасности", lang="ru"),
    "authors": (Person("Иванов", "Иван Иванович"), Person("Петров", "Пётр Петрович")),
    "editors": (Person("Сидоров", "Сидор Сидорович"),),
    "translators": (Person("Смирнова", "Анна Сергеевна"),),
    "issued": PartialDate(2021, 4, 16),
    "accessed": PartialDate(2025, 5, 8),
    "language": "ru",
    "doi": "10.1234/gost.2021.1",
    "url": "https://example.ru/works/1",
    "note": "Библиогр.: с. 300–315",
    "changing": True,
    # a whole publication
    "publisher": "Наука",
    "place": "Москва",
    "edition": "2",
    "volume": "3",
    "collection_title": Title("Библиотека востоковеда", lang="ru"),
    "collection_number": "12",
    "number_of_pages": "320",
    "number_of_volumes": "4",
    "isbn": "978-5-02-040000-9",
    # a part of one
    "container_title": Title("Японские исследования", lang="ru"),
    "issue": "1",
    "pages": "10-34",
    "issn": "2500-2872",
    "article_number": "5",
    "section": "Экономика",
    # kinds with fields of their own
    "number": "12-34",
    "genre": "отчёт о научно-исследовательской работе",
    "medium": "Текст : электронный",
    "event_title": "Конференция «Япония 2021»",
    "event_place": "Санкт-Петербург",
    "authority": "Росстандарт",
    "jurisdiction": "Российская Федерация",
    "submitted": PartialDate(2017, 2, 15),
    "archive": "ГАРФ",
    "archive_location": "Ф. Р-5446. Оп. 1. Д. 123. Л. 5",
}

OWN: dict[str, dict[str, Any]] = {
    "book": {"genre": "монография"},
    "journal-article": {"volume": "23"},
    "newspaper-article": {"container_title": Title("Российская газета", lang="ru")},
    "chapter": {"container_title": Title("Япония в мировой политике", lang="ru"), "pages": "45-67"},
    "conference-paper": {
        "container_title": Title("Япония 2021 : материалы конференции", lang="ru"),
        "pages": "45-67",
    },
    "web-article": {"container_title": Title("Хабр", lang="ru"), "publisher": "Хабр Медиа"},
    "report": {},
    "thesis": {
        "genre": "диссертация на соискание ученой степени кандидата политических наук",
        "publisher": "МГИМО",
        "authors": (Person("Иванов", "Иван Иванович"),),
    },
    "standard": {
        "title": Title("Библиографическая запись. Библиографическое описание", lang="ru"),
        "number": "ГОСТ Р 7.0.100–2018",
        "genre": "национальный стандарт Российской Федерации",
        "publisher": "Стандартинформ",
        "issued": PartialDate(2018),
    },
    "patent": {
        "title": Title("Способ получения водорода", lang="ru"),
        "number": "2637215",
        "authority": "Роспатент",
        "issued": PartialDate(2017, 12, 1),
    },
    "legislation": {
        "title": Title("Об образовании в Российской Федерации", lang="ru"),
        "genre": "Федеральный закон",
        "number": "273-ФЗ",
        "authority": "Государственная Дума",
        "issued": PartialDate(2012, 12, 29),
        "container_title": Title("Собрание законодательства Российской Федерации", lang="ru"),
        "issue": "53",
        "section": "7598",
        "pages": "7053-7270",
    },
    "manuscript": {
        "title": Title("О положении в Приморье", lang="ru"),
        "genre": "докладная записка",
        "issued": PartialDate(1925, 3, 12),
    },
    "map": {
        "medium": "Изображение картографическое : электронное",
        "title": Title("Япония : политическая карта", lang="ru"),
    },
    "musical-score": {
        "medium": "Музыка (знаковая) : электронная",
        "title": Title("Японские народные песни", lang="ru"),
    },
    "song": {
        "medium": "Музыка (исполнительская) : электронная",
        "title": Title("Сакура", lang="ru"),
    },
    "motion-picture": {
        "medium": "Изображение (движущееся ; двухмерное) : электронное",
        "title": Title("Семь самураев", lang="ru"),
    },
    "software": {
        "medium": "Программа (визуальная) : электронная",
        "title": Title("Словарь японских иероглифов", lang="ru"),
    },
}
"""Each kind's own values over :data:`COMMON`, so that each description reads as one."""


def _reference(kind: str) -> Reference:
    cls = KIND_BY_NAME[kind].cls
    names = {f.name for f in attrs.fields(cls)} - {"id", "extra"}
    values = {name: value for name, value in {**COMMON, **OWN[kind]}.items() if name in names}
    assert names <= set(values), (kind, names - set(values))  # every field is set
    return cls(id=kind, **values)


REFERENCES: dict[str, Reference] = {kind: _reference(kind) for kind in OWN}
