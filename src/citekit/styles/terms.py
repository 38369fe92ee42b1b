"""Words and abbreviations a style prints, per language: one table each, shared by the styles.

A style picks the table of the language it prints in (the English line of a Russian journal:
``EN``; a GOST description of a Russian source: ``RU``; of a Latin-script one: ``GOST_LATIN``)
and takes its words from it, so that a new journal's line does not bring its own.

>>> EN.et_al, RU.et_al, RU.page, GOST_LATIN.number
('et al.', 'и др.', 'С.', 'no.')
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from citekit.translit import transliterate

__all__ = ["EN", "GOST_LATIN", "PLACES_EN", "RU", "Terms", "english_place", "gost_medium"]


class Terms(NamedTuple):
    """The words of one language (a field each, so a missing one is a type error)."""

    et_al: str
    editors: str
    in_: str
    page: str
    pages: str
    accessed: str
    number: str
    volume: str
    no_place: str
    no_publisher: str
    patent: str
    filed: str
    published: str
    dated: str
    act_number: str
    article: str
    no_date: str
    editor_apa: str
    editors_apa: str


EN = Terms(
    et_al="et al.", editors="eds.", in_="In:", page="P.", pages="p.", accessed="accessed",
    number="No.", volume="Vol.", no_place="S. l.", no_publisher="s. n.", patent="patent No.",
    filed="filed", published="published", dated="of", act_number="No.", article="Art.",
    no_date="n.d.", editor_apa="Ed.", editors_apa="Eds.",
)  # fmt: skip
RU = Terms(
    et_al="и др.", editors="ред.", in_="В кн.:", page="С.", pages="с.",
    accessed="дата обращения:", number="№", volume="Т.", no_place="Б. м.", no_publisher="б. и.",
    patent="патент №", filed="заявл.", published="опубл.", dated="от", act_number="№",
    article="Ст.", no_date="б. г.", editor_apa="ред.", editors_apa="ред.",
)  # fmt: skip
GOST_LATIN = EN._replace(number="no.")
"""English as GOST prints a Latin-script source: ``Vol. 23, no. 1``."""

PLACES_EN: Mapping[str, str] = MappingProxyType(
    {
        "Москва": "Moscow", "М.": "Moscow", "Санкт-Петербург": "St. Petersburg",
        "С.-Петербург": "St. Petersburg", "СПб.": "St. Petersburg", "СПб": "St. Petersburg",
        "Ленинград": "Leningrad", "Л.": "Leningrad", "Новосибирск": "Novosibirsk",
        "Екатеринбург": "Yekaterinburg", "Казань": "Kazan", "Нижний Новгород": "Nizhny Novgorod",
        "Н. Новгород": "Nizhny Novgorod", "Ростов-на-Дону": "Rostov-on-Don",
        "Владивосток": "Vladivostok", "Томск": "Tomsk", "Самара": "Samara", "Омск": "Omsk",
        "Иркутск": "Irkutsk", "Красноярск": "Krasnoyarsk", "Пермь": "Perm",
        "Воронеж": "Voronezh", "Челябинск": "Chelyabinsk", "Уфа": "Ufa",
        "Волгоград": "Volgograd", "Саратов": "Saratov", "Калининград": "Kaliningrad",
        "Ярославль": "Yaroslavl", "Тверь": "Tver", "Хабаровск": "Khabarovsk",
        "Тюмень": "Tyumen", "Краснодар": "Krasnodar", "Минск": "Minsk",
    }
)  # fmt: skip
"""The English names of common Russian publishing places, as Elpub journals print them on
the English line (``Moscow: Gnozis``); a place not here is transliterated."""


def english_place(place: str, scheme: str = "bsi") -> str:
    """A publishing place in English: its name in :data:`PLACES_EN`, else transliterated by
    ``scheme``; several places (``Москва ; Берлин``) one by one.

    >>> english_place("Москва"), english_place("СПб."), english_place("Кострома")
    ('Moscow', 'St. Petersburg', 'Kostroma')
    >>> english_place("Москва ; Берлин", "bsi")
    'Moscow ; Berlin'
    """
    text = place.strip()
    known = PLACES_EN.get(text)
    if known is not None:
        return known
    if ";" in text:
        return " ; ".join(english_place(part, scheme) for part in text.split(";"))
    return transliterate(text, scheme)


_GOST_MEDIUM = re.compile(r"[А-ЯЁ][а-яё ();]* : [а-яё ()]+")


def gost_medium(medium: str | None) -> bool:
    """True when ``medium`` is in GOST's words (``Текст : электронный``, ``Изображение :
    видео``): the content type and means of access of GOST R 7.0.100-2018, which GOST prints
    as it is and the English styles leave out.

    >>> gost_medium("Текст : электронный"), gost_medium("Audiobook")
    (True, False)
    >>> gost_medium("Изображение (движущееся ; двухмерное) : видео")
    True
    """
    return bool(medium and _GOST_MEDIUM.fullmatch(medium))
