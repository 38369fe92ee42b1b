"""Editions as the styles print them: a bare number (``"2"``, as Zotero and Crossref store it)
becomes an ordinal in the language of the description; an edition written out in words
(``"Rev. ed."``, ``"2-е изд., испр. и доп."``) is kept as written.

>>> english_edition("2"), english_edition("11"), english_edition("Rev. ed.")
('2nd ed.', '11th ed.', 'Rev. ed.')
>>> russian_edition("5"), russian_edition("2-е изд., испр. и доп.")
('5-е изд.', '2-е изд., испр. и доп.')
"""

from __future__ import annotations

__all__ = ["english_edition", "english_ordinal", "russian_edition"]

_ENGLISH_SUFFIXES = ("st", "nd", "rd", "th")


def english_ordinal(number: int) -> str:
    """``1st``, ``2nd``, ``3rd``, ``4th``, ``11th``, ``12th``, ``13th``, ``21st``, ``112th``.

    >>> [english_ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)]
    ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '101st', '111th']
    """
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    last = number % 10
    return f"{number}{_ENGLISH_SUFFIXES[last - 1] if 1 <= last <= 3 else 'th'}"


def _number(edition: str) -> int | None:
    """The edition's number when it is written as one (``"2"``), else None."""
    text = edition.strip()
    return int(text) if text.isascii() and text.isdigit() else None


def english_edition(edition: str) -> str:
    """``2nd ed.`` for ``"2"``; ``2nd ed.`` for ``"2nd"`` (an ordinal without its word); any
    other text as written (``Rev. ed.``, ``Special edition``).

    >>> english_edition("21"), english_edition("3rd"), english_edition("Revised edition")
    ('21st ed.', '3rd ed.', 'Revised edition')
    """
    number = _number(edition)
    if number is not None:
        return f"{english_ordinal(number)} ed."
    text = edition.strip()
    lowered = text.lower()
    if lowered[-2:] in _ENGLISH_SUFFIXES and _number(text[:-2]) is not None:
        return f"{text} ed."
    return text


def russian_edition(edition: str) -> str:
    """``5-е изд.`` for ``"5"`` (GOST R 7.0.100-2018, the edition area); any other text as
    written.

    >>> russian_edition("2"), russian_edition("Изд. 3-е")
    ('2-е изд.', 'Изд. 3-е')
    """
    number = _number(edition)
    return f"{number}-е изд." if number is not None else edition.strip()
