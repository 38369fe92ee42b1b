"""Words and abbreviations a style prints, per language: one table each, shared by the styles.

A style picks the table of the language it prints in (the English line of a Russian journal:
``EN``; a GOST description of a Russian source: ``GOST_RU``; of a Latin-script one:
``GOST_LATIN``) and takes its words from it, so that a new journal's line does not bring its
own. A line in the work's own language takes the table of its title's script
(:func:`by_title_script`).

>>> EN.et_al, RU.et_al, RU.page, GOST_LATIN.number, GOST_RU.et_al
('et al.', 'и др.', 'С.', 'no.', '[и др.]')
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import NamedTuple

from citekit.model.reference import Reference
from citekit.script import is_cyrillic
from citekit.translit import transliterate

__all__ = [
    "CONTENT_TYPES",
    "EN",
    "GOST_LATIN",
    "GOST_RU",
    "PLACES_EN",
    "RU",
    "TEXT_CONTENT",
    "Terms",
    "by_title_script",
    "english_place",
    "gost_medium",
]


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
    language: str
    """The table's language (ISO 639-1): an edition number is written in its words."""
    circa: str
    """An approximate year, ``{}`` standing for it: ``ca. {}``."""
    translator: str
    """The role word before one translator's name in a statement of responsibility."""
    translators: str
    editor: str
    """The role word before one editor's name in a statement of responsibility."""
    editors_role: str
    edited_by: str
    """Before the editors of the book a part is in: ``под редакцией``."""
    site: str
    """What a web site is, supplied in brackets after its name: ``[сайт]``."""


EN = Terms(
    et_al="et al.", editors="eds.", in_="In:", page="P.", pages="p.", accessed="accessed",
    number="No.", volume="Vol.", no_place="S. l.", no_publisher="s. n.", patent="patent No.",
    filed="filed", published="published", dated="of", act_number="No.", article="Art.",
    no_date="n.d.", editor_apa="Ed.", editors_apa="Eds.", language="en", circa="ca. {}",
    translator="translated by", translators="translated by", editor="edited by",
    editors_role="edited by", edited_by="edited by", site="website",
)  # fmt: skip
RU = Terms(
    et_al="и др.", editors="ред.", in_="В кн.:", page="С.", pages="с.",
    accessed="дата обращения:", number="№", volume="Т.", no_place="Б. м.", no_publisher="б. и.",
    patent="патент №", filed="заявл.", published="опубл.", dated="от", act_number="№",
    article="Ст.", no_date="б. г.", editor_apa="ред.", editors_apa="ред.", language="ru",
    circa="ок. {}", translator="переводчик", translators="переводчики", editor="редактор",
    editors_role="редакторы", edited_by="под редакцией", site="сайт",
)  # fmt: skip
GOST_RU = RU._replace(
    et_al=f"[{RU.et_al}]",
    no_place=f"[{RU.no_place}]",
    no_publisher=f"[{RU.no_publisher}]",
    circa=f"[{RU.circa}]",
)
"""Russian as GOST prints it: what the cataloguer supplies is in square brackets (``[и др.]``,
``[Б. м.]``, ``[ок. 2020]``)."""
GOST_LATIN = EN._replace(
    number="no.",
    et_al=f"[{EN.et_al}]",
    no_place=f"[{EN.no_place}]",
    no_publisher=f"[{EN.no_publisher}]",
    circa=f"[{EN.circa}]",
    accessed=RU.accessed,
    site=RU.site,
)
"""English as GOST prints a Latin-script source: ``Vol. 23, no. 1``, ``[et al.]``; the words
of the list's own notes stay Russian (``дата обращения:``, ``[сайт]``)."""

CONTENT_TYPES: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "map": ("Изображение картографическое : непосредственное",
                "Изображение картографическое : электронное"),
        "graphic": ("Изображение : непосредственное", "Изображение : электронное"),
        "figure": ("Изображение : непосредственное", "Изображение : электронное"),
        "musical-score": ("Музыка (знаковая) : непосредственная",
                          "Музыка (знаковая) : электронная"),
        "song": ("Музыка (исполнительская) : аудио", "Музыка (исполнительская) : электронная"),
        "motion-picture": ("Изображение (движущееся ; двухмерное) : видео",
                           "Изображение (движущееся ; двухмерное) : электронное"),
        "broadcast": ("Изображение (движущееся ; двухмерное) : видео",
                      "Изображение (движущееся ; двухмерное) : электронное"),
        "software": ("Программа (визуальная) : электронная",
                     "Программа (визуальная) : электронная"),
    }
)  # fmt: skip
"""The content type and means of access of GOST R 7.0.100-2018 (print, online) for what is
not text; :data:`TEXT_CONTENT` for every other kind."""
TEXT_CONTENT = ("Текст : непосредственный", "Текст : электронный")
"""The content type and means of access of a text (print, online)."""


def by_title_script(cyrillic: Terms, latin: Terms) -> Callable[[Reference], Terms]:
    """The term table of a reference's title's script: a work described in its own language
    (a Latin-script title: ``latin``; a Cyrillic one, or none: ``cyrillic``).

    >>> from citekit.model import Book
    >>> words = by_title_script(GOST_RU, GOST_LATIN)
    >>> words(Book(id="a", title="Мир")) is GOST_RU, words(Book(id="b", title="Peace")) is GOST_LATIN
    (True, True)
    """

    def words(ref: Reference) -> Terms:
        title = ref.title
        if title is not None and title.original and not is_cyrillic(title.original):
            return latin
        return cyrillic

    return words


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
