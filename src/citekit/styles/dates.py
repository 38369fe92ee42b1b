"""Dates as styles print them: in English words (the APA-like styles) or in numbers.

>>> from citekit.model import PartialDate
>>> english_date(PartialDate(2025, 5, 8))
'May 8, 2025'
>>> parenthetical_date(PartialDate(2025, 4, end=PartialDate(2025, 6)), dash="—")
'2025, April—June'
>>> parenthetical_date(PartialDate(2022, 4, 25), dash="–")
'2022, April 25'
"""

from __future__ import annotations

import re
from typing import Any

from citekit.model.date import PartialDate
from citekit.model.reference import Reference

__all__ = [
    "MONTHS",
    "MONTHS_GENITIVE",
    "day_month",
    "english_date",
    "numeric_date",
    "original_year",
    "parenthetical_date",
    "year_text",
]

_ORIGINAL_KEYS = ("original-date", "original_date", "origdate")
"""Where the readers keep the first publication of a reprint or a translation: CSL-JSON's
``original-date``, citekit YAML's ``original-date`` / ``original_date``, BibLaTeX's
``origdate`` (the model has no field for it; the readers keep it in ``Reference.extra``)."""
_YEAR = re.compile(r"\s*(\d{3,4})(?!\d)")

MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
MONTHS_GENITIVE = (
    "января", "февраля", "марта", "апреля", "мая", "июня",
    "июля", "августа", "сентября", "октября", "ноября", "декабря",
)  # fmt: skip
"""Russian month names in the genitive, as a date writes them: ``16 апреля``."""


def day_month(date: PartialDate, *, latin: bool) -> str | None:
    """``16 апреля`` / ``April 16``; a month alone only in Latin script (``April``), since a
    Russian date names a month with its day.

    >>> day_month(PartialDate(2025, 4, 16), latin=False), day_month(PartialDate(2025, 4), latin=True)
    ('16 апреля', 'April')
    >>> day_month(PartialDate(2025, 4), latin=False) is None
    True
    """
    if date.month is None:
        return None
    if latin:
        month = MONTHS[date.month - 1]
        return f"{month} {date.day}" if date.day else month
    if date.day:
        return f"{date.day} {MONTHS_GENITIVE[date.month - 1]}"
    return None


def year_text(date: PartialDate | None, *, dash: str = "–", circa: str = "ca. {}") -> str | None:
    """The year a style prints, or None: a span of years when a range crosses one
    (``2020–2021``), and an approximate year in ``circa`` (``ca. 2020``, ``[ок. 2020]``).

    >>> year_text(PartialDate(2020, end=PartialDate(2021))), year_text(PartialDate(2020, circa=True))
    ('2020–2021', 'ca. 2020')
    >>> year_text(PartialDate(2020, 5, end=PartialDate(2020, 6)), dash="-")
    '2020'
    """
    if date is None:
        return None
    text = str(date.year)
    if date.end is not None and date.end.year != date.year:
        text += f"{dash}{date.end.year}"
    return circa.format(text) if date.circa or (date.end and date.end.circa) else text


def numeric_date(date: PartialDate) -> str:
    """``08.05.2025`` with day and month (an access date in Russian lists), else ISO.

    >>> numeric_date(PartialDate(2025, 5, 8)), numeric_date(PartialDate(2025, 5))
    ('08.05.2025', '2025-05')
    """
    if date.day is not None and date.month is not None:
        return f"{date.day:02d}.{date.month:02d}.{date.year}"
    return date.iso()


def english_date(date: PartialDate) -> str:
    """``May 8, 2025``, ``May 2025`` or ``2025``."""
    if date.month is None:
        return str(date.year)
    if date.day is None:
        return f"{MONTHS[date.month - 1]} {date.year}"
    return f"{MONTHS[date.month - 1]} {date.day}, {date.year}"


def _month_day(date: PartialDate) -> str:
    if date.season is not None:
        return date.season.capitalize()
    if date.month is None:
        return ""
    month = MONTHS[date.month - 1]
    return f"{month} {date.day}" if date.day is not None else month


def parenthetical_date(date: PartialDate, *, dash: str) -> str:
    """The date inside an author–date parenthesis: ``2025``, ``2022, April 25``,
    ``2025, April—June``, ``2025, April 6—8``, ``2024, December—2025, January``,
    ``2020, Spring``; an approximate date ``ca. 2020`` (APA §9.15 prints "ca." for a date
    that is not certain)."""
    start = _month_day(date)
    text = f"{date.year}, {start}" if start else str(date.year)
    if date.circa or (date.end is not None and date.end.circa):
        text = f"ca. {text}"
    end = date.end
    if end is None:
        return text
    if end.year != date.year:
        finish = _month_day(end)
        return f"{text}{dash}{end.year}, {finish}" if finish else f"{text}{dash}{end.year}"
    if end.month == date.month and end.day is not None and date.day is not None:
        return f"{text}{dash}{end.day}"
    return f"{text}{dash}{_month_day(end)}" if _month_day(end) else text


def _year_of(value: Any) -> str | None:
    """The year of a stored date: ``1966``, ``"1966-03"``, a date, or a CSL date object
    (``{"date-parts": [[1966]]}``, ``{"raw": "1966"}``, ``{"literal": "1966"}``)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value) if value > 0 else None
    if isinstance(value, str):
        found = _YEAR.match(value)
        return found.group(1) if found else None
    year = getattr(value, "year", None)
    if isinstance(year, int) and not isinstance(year, bool):
        return str(year)
    if isinstance(value, dict):
        parts = value.get("date-parts")
        if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
            return _year_of(parts[0][0])
        for key in ("raw", "literal"):
            if key in value:
                return _year_of(value[key])
    return None


def original_year(ref: Reference) -> str | None:
    """The year a reprinted or translated work was first published, from ``extra`` (see
    :data:`_ORIGINAL_KEYS`), or None: ``extra={"original-date": {"date-parts": [[1966]]}}``
    gives ``"1966"``.

    >>> from citekit.model import Book
    >>> original_year(Book(id="p", extra={"original-date": {"date-parts": [[1966]]}}))
    '1966'
    >>> original_year(Book(id="p")) is None
    True
    """
    extra = ref.extra
    if not extra:
        return None
    for key in _ORIGINAL_KEYS:
        if key in extra:
            return _year_of(extra[key])
    return None
