"""Partial dates: a year, a year and month, a full date, a season, or a range of them.

>>> PartialDate(2025, 4, 25).iso()
'2025-04-25'
>>> PartialDate.parse("2025-04/2025-06").iso()
'2025-04/2025-06'
>>> PartialDate(2025, season="spring").season
'spring'
>>> PartialDate(2025, 2, 30)
Traceback (most recent call last):
...
citekit.errors.ValidationError: day: 2025-02 has no day 30
"""

from __future__ import annotations

import calendar

import attrs

from citekit.errors import ValidationError
from citekit.model.checks import SEASONS, check_month, check_season, check_year

__all__ = ["SEASONS", "PartialDate", "to_date_or_none"]


@attrs.frozen(slots=True, order=False)
class PartialDate:
    """A date known to the year, month or day, optionally a season, optionally a range."""

    year: int = attrs.field(validator=check_year)
    month: int | None = attrs.field(default=None, validator=check_month)
    day: int | None = attrs.field(default=None)
    season: str | None = attrs.field(default=None, kw_only=True, validator=check_season)
    end: PartialDate | None = attrs.field(default=None, kw_only=True)
    """The last date of a range (April–June: ``PartialDate(2025, 4, end=PartialDate(2025, 6))``)."""
    circa: bool = attrs.field(default=False, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.day is not None:
            if self.month is None:
                raise ValidationError("a day needs a month", field="day")
            if not isinstance(self.day, int) or isinstance(self.day, bool):
                raise ValidationError(f"not a day: {self.day!r}", field="day")
            # calendar has no year 0 or negative years; 2000 shares their leap rule closely enough.
            year = self.year if self.year > 0 else 2000
            last = calendar.monthrange(year, self.month)[1]
            if not 1 <= self.day <= last:
                raise ValidationError(
                    f"{self.year:04d}-{self.month:02d} has no day {self.day}", field="day"
                )
        if self.season is not None and self.month is not None:
            raise ValidationError("a date has a month or a season, not both", field="season")
        if self.end is not None:
            if self.end.end is not None:
                raise ValidationError("the end of a range cannot be a range", field="end")
            if self.end.key() < self.key():
                raise ValidationError(
                    f"the range ends ({self.end.iso()}) before it starts ({self.iso()})",
                    field="end",
                )

    def key(self) -> tuple[int, int, int]:
        """A sort key: missing parts sort first (2025 before 2025-01 before 2025-01-01)."""
        month = self.month or (SEASONS.index(self.season) * 3 + 3 if self.season else 0)
        return (self.year, month, self.day or 0)

    @property
    def start(self) -> PartialDate:
        """The first date of a range, or the date itself."""
        return attrs.evolve(self, end=None) if self.end is not None else self

    def iso(self) -> str:
        """ISO 8601 / EDTF text: ``2025``, ``2025-04``, ``2025-04-25``, ``2025-04/2025-06``."""
        text = f"{self.year:04d}" if self.year >= 0 else f"-{-self.year:04d}"
        if self.season is not None:
            text += f"-{21 + SEASONS.index(self.season)}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.circa:
            text += "~"
        if self.end is not None:
            text += "/" + self.end.iso()
        return text

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ISO 8601 / EDTF level 0–1 text: ``2025``, ``2025-04-25``, ``2025-21`` (spring),
        ``2025-04/2025-06``, ``2025~`` (circa)."""
        if not isinstance(text, str) or not text.strip():
            raise ValidationError(f"not a date: {text!r}; use YYYY, YYYY-MM or YYYY-MM-DD")
        text = text.strip()
        if "/" in text:
            first, _, last = text.partition("/")
            return attrs.evolve(cls.parse(first), end=cls.parse(last))
        circa = text.endswith("~")
        core = text.rstrip("~")
        if "T" in core:  # a timestamp: the calendar date is what a reference cites
            core = core.split("T", 1)[0]
        negative = core.startswith("-")
        parts = core.lstrip("-").split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isascii() and p.isdigit() for p in parts):
            raise ValidationError(f"not a date: {text!r}; use YYYY, YYYY-MM or YYYY-MM-DD")
        year = -int(parts[0]) if negative else int(parts[0])
        numbers = [int(p) for p in parts[1:]]
        if numbers and 21 <= numbers[0] <= 24 and len(numbers) == 1:
            return cls(year, season=SEASONS[numbers[0] - 21], circa=circa)
        month = numbers[0] if numbers else None
        day = numbers[1] if len(numbers) > 1 else None
        return cls(year, month, day, circa=circa)


def to_date_or_none(value: PartialDate | str | int | None) -> PartialDate | None:
    """attrs converter: accept ISO text or a bare year where a date is expected."""
    if value is None or isinstance(value, PartialDate):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return PartialDate(value)
    if isinstance(value, str):
        return PartialDate.parse(value)
    raise ValidationError(f"not a date: {value!r}; use YYYY-MM-DD text or a PartialDate")
