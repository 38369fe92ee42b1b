"""Dates as bibliographic exports write them, read into :class:`PartialDate` in one place.

Every reader hands a date it finds as text to :func:`parse_date_text` (RIS's
``YYYY/MM/DD/other`` to :func:`parse_ris_date`), so that all formats accept the same forms:

- ISO 8601 / EDTF: ``2020``, ``2020-05``, ``2020-05-17``, ``2020-21`` (spring), ``2020~``
  (circa), ranges ``2020/2021`` and ``2020-05/2020-06``, a timestamp ``2020-05-17T10:15:00``;
- a year range with a dash: ``2020–2021``, ``2020-2021``;
- a season: ``Spring 2020``, ``2020, Summer``, ``весна 2020``;
- month names in English and Russian: ``May 2020``, ``May 17, 2020``, ``17 May 2020``,
  ``мая 2020``, ``17 мая 2020 г.``;
- circa: ``ca. 2020``, ``c. 2020``, ``circa 2020``, ``ок. 2020``, ``[2020?]``;
- no date: ``n.d.``, ``n. d.``, ``no date``, ``s.d.``, ``б. г.``, ``б.г.``, ``без года``
  (:func:`parse_date_text` returns None: the work is known to be undated);
- open ranges (BibLaTeX ``2020/``, EDTF ``2020/..``): citekit's dates have no open end, so the
  known date is kept and ``lost`` (or a :class:`~citekit.errors.DataLossWarning`) says so.

>>> parse_date_text("Spring 2020")
PartialDate(year=2020, month=None, day=None, season='spring', end=None, circa=False)
>>> parse_date_text("мая 2020").iso(), parse_date_text("ca. 2020").iso()
('2020-05', '2020~')
>>> parse_date_text("n.d.") is None
True
>>> parse_ris_date("2025/03/01/10:15:00").iso()
'2025-03-01'
>>> parse_ris_date("2020///Spring").season
'spring'
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable

import attrs

from citekit.errors import DataLossWarning, ValidationError
from citekit.model.date import PartialDate

__all__ = ["Lost", "parse_date_text", "parse_ris_date"]

Lost = Callable[[str], None]
"""Called with a sentence saying what part of a date text could not be kept."""

_HINT = "use YYYY, YYYY-MM, YYYY-MM-DD, 'May 2020', 'Spring 2020', 'ca. 2020' or 'n.d.'"

_NO_DATE = frozenset({"nd", "nodate", "undated", "sd", "sa", "бг", "безгода", "бд", "безданных"})
"""No-date marks with spaces and dots taken out: ``n.d.``, ``no date``, ``s.d.``, ``б. г.``."""

_CIRCA = re.compile(r"^(?:circa|approx\.?|ca\.?|c\.|около|ок\.?)\s*(?=\d)", re.IGNORECASE)

_MONTH_NAMES = (
    "january jan", "february feb", "march mar", "april apr", "may", "june jun",
    "july jul", "august aug", "september sep sept", "october oct", "november nov",
    "december dec",
    "январь января янв", "февраль февраля фев февр", "март марта мар",
    "апрель апреля апр", "май мая", "июнь июня июн", "июль июля июл",
    "август августа авг", "сентябрь сентября сен сент", "октябрь октября окт",
    "ноябрь ноября ноя нояб", "декабрь декабря дек",
)  # fmt: skip
"""Each month's names and abbreviations, English then Russian (nominative and genitive)."""
_MONTHS = {
    name: number % 12 + 1 for number, names in enumerate(_MONTH_NAMES) for name in names.split()
}

_SEASON_WORDS = {
    "spring": "spring", "summer": "summer", "autumn": "autumn", "fall": "autumn",
    "winter": "winter", "весна": "spring", "весной": "spring", "лето": "summer",
    "летом": "summer", "осень": "autumn", "осенью": "autumn", "зима": "winter",
    "зимой": "winter",
}  # fmt: skip

_WORD = r"([^\W\d_]+)\.?"
_YEAR = r"(-?\d{1,4})"
_WORDY = (
    # May 2020, Spring 2020, мая 2020
    (re.compile(rf"^{_WORD},?\s+{_YEAR}$"), ("word", "year")),
    # 2020 May, 2020, Spring
    (re.compile(rf"^{_YEAR},?\s+{_WORD}$"), ("year", "word")),
    # May 17, 2020
    (re.compile(rf"^{_WORD}\s+(\d{{1,2}}),?\s+{_YEAR}$"), ("word", "day", "year")),
    # 17 May 2020, 17 мая 2020
    (re.compile(rf"^(\d{{1,2}})\s+{_WORD},?\s+{_YEAR}$"), ("day", "word", "year")),
    # 2020 May 17 (PubMed)
    (re.compile(rf"^{_YEAR}\s+{_WORD}\s+(\d{{1,2}})$"), ("year", "word", "day")),
)
_ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_YEAR_RANGE = re.compile(r"^(\d{4})\s*[-–—]\s*(\d{4})$")
_DASH_RANGE = re.compile(r"\s*[–—]\s*")
_YEAR_WORD = re.compile(r"\s*(?:г\.?|гг\.?|год|года)$", re.IGNORECASE)
_TIME = re.compile(r"^T?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|[ap]\.?m\.?)?$")
_OPEN = ("", "..")


def _warn(message: str) -> None:
    warnings.warn(DataLossWarning(message), stacklevel=4)


def _refuse(text: str) -> ValidationError:
    return ValidationError(f"not a date: {text!r}; {_HINT}")


def parse_date_text(text: str, *, lost: Lost | None = None) -> PartialDate | None:
    """The date ``text`` means, or None when it says the work has no date (``n.d.``).

    Raises :class:`~citekit.errors.ValidationError` for text that is no date; ``lost`` (by
    default a :class:`~citekit.errors.DataLossWarning`) hears of a part that cannot be kept
    (the open end of a range).

    >>> parse_date_text("2020-05/2020-06").iso()
    '2020-05/2020-06'
    >>> parse_date_text("17 мая 2020 г.").iso()
    '2020-05-17'
    """
    if not isinstance(text, str) or not text.strip():
        raise _refuse(text)
    said = " ".join(text.split())
    if _ISO.match(said):  # the commonest form first: plain ISO 8601
        return PartialDate.parse(said)
    if re.sub(r"[\s.]", "", said).casefold() in _NO_DATE:
        return None
    if "/" in said:
        first, _, last = said.partition("/")
        first, last = first.strip(), last.strip()
        if first in _OPEN and last in _OPEN:
            raise _refuse(text)
        if first in _OPEN or last in _OPEN:
            known = _one(last if first in _OPEN else first, text)
            (lost or _warn)(
                f"{said!r} is an open range; citekit's dates have no open "
                f"{'start' if first in _OPEN else 'end'}: kept as {known.iso()}"
            )
            return known
        return _range(_one(first, text), _one(last, text), text)
    years = _YEAR_RANGE.match(said)
    if years:
        return _range(PartialDate(int(years[1])), PartialDate(int(years[2])), text)
    pieces = _DASH_RANGE.split(said)
    if len(pieces) == 2:
        first, last = pieces
        end = _one(last, text)
        if not any(ch.isdigit() for ch in first):  # May–June 2020: the year is said once
            first = f"{first} {end.year}"
        return _range(_one(first, text), end, text)
    return _one(said, text)


def _range(start: PartialDate, end: PartialDate, text: str) -> PartialDate:
    if start.end is not None or end.end is not None:
        raise _refuse(text)
    return attrs.evolve(start, end=end)


def _one(piece: str, text: str) -> PartialDate:
    """One date (no range) in any of the accepted forms."""
    piece = piece.strip()
    if piece.startswith("[") and piece.endswith("]"):  # a cataloguer's supplied date
        piece = piece[1:-1].strip()
    circa = False
    found = _CIRCA.match(piece)
    if found:
        circa, piece = True, piece[found.end() :]
    if piece.endswith(("?", "%")):  # EDTF: uncertain; GOST: [2020?]
        circa, piece = True, piece[:-1]
    piece = _YEAR_WORD.sub("", piece).strip()
    if not piece:
        raise _refuse(text)
    if piece[0].isdigit() or piece[0] == "-":
        try:
            date = PartialDate.parse(piece)
        except ValidationError:
            if " " not in piece:  # ISO that is wrong (2025-02-30): its own message says why
                raise
            date = _wordy(piece, text)
    else:
        date = _wordy(piece, text)
    return attrs.evolve(date, circa=True) if circa else date


def _wordy(piece: str, text: str) -> PartialDate:
    for pattern, roles in _WORDY:
        found = pattern.match(piece)
        if found is None:
            continue
        parts = dict(zip(roles, found.groups(), strict=True))
        word = parts["word"].casefold()
        year = int(parts["year"])
        day = int(parts["day"]) if "day" in parts else None
        if word in _SEASON_WORDS and day is None:
            return PartialDate(year, season=_SEASON_WORDS[word])
        if word in _MONTHS:
            return PartialDate(year, _MONTHS[word], day)
        break
    raise _refuse(text)


def parse_ris_date(text: str, *, lost: Lost | None = None) -> PartialDate | None:
    """A RIS date, ``YYYY/MM/DD/other`` (``PY``, ``DA``, ``Y2``), or any form
    :func:`parse_date_text` reads.

    The ``other`` part may be a time (dropped: a reference cites the calendar date), a
    season (``2020///Spring``), a whole date in another form (citekit writes ranges and circa
    dates as ``2020///2020/2021``), or free text, which ``lost`` hears of when the numbers
    before it make the date.

    >>> parse_ris_date("2020///2020-05/2020-06").iso()
    '2020-05/2020-06'
    >>> parse_ris_date("2021/05//").iso()
    '2021-05'
    """
    if not isinstance(text, str) or not text.strip():
        raise _refuse(text)
    said = text.strip()
    parts = said.split("/", 3)
    numbers = [p.strip() for p in parts[:3]]
    other = parts[3].strip() if len(parts) == 4 else ""
    if other and not any(numbers):  # ///Spring 2020
        return parse_date_text(other, lost=lost)
    if len(parts) < 2 or not (numbers[0].isascii() and numbers[0].lstrip("-").isdigit()):
        return parse_date_text(said, lost=lost)
    if len(parts) == 2 and len(numbers[1]) == 4:  # 2020/2021: a range, not a month
        return parse_date_text(said, lost=lost)
    date = PartialDate.parse("-".join([numbers[0], *(n for n in numbers[1:] if n)]))
    if not other or _TIME.match(other):
        return date
    season = _SEASON_WORDS.get(other.casefold())
    if season is not None and date.month is None:
        return PartialDate(date.year, season=season)
    try:
        whole = parse_date_text(other, lost=lost)
    except ValidationError:
        whole = None
    if whole is not None and whole.year == date.year:
        return whole
    (lost or _warn)(f"{other!r} after the date {date.iso()} is not a date: not kept")
    return date
