"""Dates in CSL: reading CSL-JSON dates, and rendering ``<date>`` (localized or not, with
ranges, seasons, circa, BC/AD).

>>> read_date({"date-parts": [[2000, 5, 3], [2000, 5, 5]]}).parts
[[2000, 5, 3], [2000, 5, 5]]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, Final

from citekit.csl.output import Part, concat
from citekit.csl.parse import Element

if TYPE_CHECKING:
    from citekit.csl.evaluate import Evaluator

__all__ = ["DateValue", "date_sort_key", "read_date", "render_date"]


class DateValue:
    """A date or a date range: up to two ``[year, month, day]`` lists, a season, circa,
    and a literal."""

    __slots__ = ("circa", "literal", "parts", "season")

    def __init__(
        self,
        parts: list[list[int]],
        season: int | str | None = None,
        circa: bool = False,
        literal: str = "",
    ) -> None:
        self.parts = parts
        self.season = season
        self.circa = circa
        self.literal = literal


def _int(value: Any) -> int | None:
    if type(value) is int:
        return value  # a date part as CSL-JSON has it
    try:
        return int(str(value).strip())
    except ValueError:
        return None


_RAW: Final = re.compile(r"^\s*(-?\d{1,4})(?:[-/](\d{1,2}))?(?:[-/](\d{1,2}))?\s*$")


def read_date(value: Any) -> DateValue | None:
    """A CSL-JSON date (``date-parts``, ``raw``, ``literal``, ``season``, ``circa``)."""
    if not isinstance(value, dict):
        if isinstance(value, str) and value.strip():
            value = {"raw": value}
        else:
            return None
    parts: list[list[int]] = []
    for p in value.get("date-parts") or []:
        numbers = [_int(x) for x in (p or [])]
        clean: list[int] = []
        for n in numbers:
            if n is None:
                break
            clean.append(n)
        if len(clean) > 1 and not 0 < clean[1] <= 24:
            clean = clean[:1]  # no such month (nor a day in it)
        if len(clean) > 2 and not 0 < clean[2] <= 31:
            clean = clean[:2]
        if clean:
            parts.append(clean[:3])
    if not parts and value.get("raw"):
        raw = str(value["raw"])
        pieces = re.split(r"\s*/\s*(?=\d{4})", raw) if "/" in raw else [raw]
        for piece in pieces:
            m = _RAW.match(piece)
            if m:
                parts.append([int(g) for g in m.groups() if g is not None])
        if not parts:
            return DateValue([], literal=raw)
    season = value.get("season")
    if len(parts) > 1 and parts[1] == parts[0]:
        parts = parts[:1]
    if len(parts) > 1 and all(x == 0 for x in parts[1]):
        parts = [parts[0], []]  # an open range: 1987–
    literal = str(value.get("literal") or "")
    if not parts and not literal:
        return None
    circa = bool(value.get("circa"))
    return DateValue(parts, season, circa, literal)


def date_sort_key(date: DateValue | None, parts: str = "year-month-day") -> str:
    """A string that sorts dates in time order (``"2000-05-03"``; ranges by their start),
    of the parts a ``<date>`` prints (``year-month``: no day)."""
    if date is None or not date.parts:
        return ""
    out = []
    for p in date.parts[:2]:
        if not p:
            continue
        y = p[0]
        m = p[1] if len(p) > 1 and "month" in parts else 0
        d = p[2] if len(p) > 2 and "day" in parts else 0
        out.append(f"{y + 10000:05d}{m:02d}{d:02d}")
    return "".join(out)


_ORDER: Final = {"year": 0, "month": 1, "day": 2}


def _date_parts(ev: Evaluator, element: Element) -> tuple[list[Element], str]:
    """The date-part elements to render and the delimiter between them (worked out once
    per element and locale: a localized form merges the locale's parts with the style's)."""
    cache = element.compiled
    if cache is None:
        cache = element.compiled = {}
    found = cache.get(ev.locale)  # type: ignore[attr-defined]
    if found is None:
        found = cache[ev.locale] = _find_date_parts(ev, element)  # type: ignore[index]
    return found  # type: ignore[no-any-return]


def _find_date_parts(ev: Evaluator, element: Element) -> tuple[list[Element], str]:
    form = element.attrs.get("form")
    wanted = element.attrs.get("date-parts", "year-month-day")
    names = {
        "year-month-day": ("year", "month", "day"),
        "year-month": ("year", "month"),
        "year": ("year",),
    }.get(wanted, ("year", "month", "day"))
    if form:
        localized = ev.locale.dates.get(form)
        if localized is None:
            return [], ""
        overrides = {c.attrs.get("name"): c for c in element.all("date-part")}
        parts = []
        for part in localized.all("date-part"):
            name = part.attrs.get("name", "")
            if name not in names:
                continue
            over = overrides.get(name)
            if over is not None:
                merged = dict(part.attrs)
                for k, v in over.attrs.items():
                    if k not in ("prefix", "suffix"):
                        merged[k] = v
                part = Element("date-part", merged, (), "", part.line)
            parts.append(part)
        return parts, localized.attrs.get("delimiter", "")
    own = list(element.all("date-part"))
    delimiter = element.attrs.get("delimiter", "")
    if delimiter and own and own[0].attrs.get("name") == "year" and len(own) > 1:
        own[0] = Element("date-part", {**own[0].attrs, "glued": "1"}, (), "", own[0].line)
    return own, delimiter


def _part_value(p: list[int], name: str) -> int | None:
    i = _ORDER[name]
    return p[i] if len(p) > i and p[i] else None


def _era(ev: Evaluator, term: str, part: Element) -> str:
    """The BC/AD term; glued to the year when the date goes on with a delimiter
    (``100BC-7-13``), spaced as the locale has it otherwise (``250 BC``)."""
    text = ev.locale.term(term) or term.upper()
    return text.strip() if part.attrs.get("glued") else text


def _render_part(
    ev: Evaluator,
    part: Element,
    date: list[int],
    season: Any,
    strip_prefix: bool = False,
    strip_suffix: bool = False,
) -> Part | None:
    name = part.attrs.get("name", "")
    form = part.attrs.get("form")
    text: str | None = None
    if name == "year":
        year = _part_value(date, "year") if date else None
        if year is None and date and date[0] == 0:
            year = None
        if year is None:
            return None
        text = f"{abs(year) % 100:02d}" if form == "short" else str(abs(year))
        if year < 0:
            text += _era(ev, "bc", part)
        elif year < 1000:
            text += _era(ev, "ad", part)
    elif name == "month":
        month = _part_value(date, "month")
        if month is not None and 13 <= month <= 24:  # seasons: 13-16, 17-20, 21-24
            text = ev.locale.term(f"season-{(month - 13) % 4 + 1:02d}") or ""
        elif month is None or month > 12:
            if season is None or (date and len(date) > 2 and date[2]):
                return None
            s = _int(season)
            if s is not None and 1 <= s <= 4:
                text = ev.locale.term(f"season-{s:02d}") or ""
            else:
                text = str(season)
        else:
            if form == "numeric":
                text = str(month)
            elif form == "numeric-leading-zeros":
                text = f"{month:02d}"
            else:
                text = (
                    ev.locale.term(f"month-{month:02d}", "short" if form == "short" else "long")
                    or ""
                )
                if part.attrs.get("strip-periods") == "true":
                    text = text.replace(".", "")
    elif name == "day":
        day = _part_value(date, "day")
        if day is None:
            return None
        if form == "numeric-leading-zeros":
            text = f"{day:02d}"
        elif form == "ordinal":
            limit = ev.locale.options.get("limit-day-ordinals-to-day-1") == "true"
            if limit and day != 1:
                text = str(day)
            else:
                month = _part_value(date, "month")
                gender = ev.locale.gender(f"month-{month:02d}") if month else ""
                text = f"{day}{ev.locale.ordinal(day, gender)}"
        else:
            text = str(day)
    if not text:
        return None
    if not (strip_prefix or strip_suffix):
        return ev.decorate_as(part, text)
    attrs = dict(part.attrs)
    if strip_prefix:
        attrs.pop("prefix", None)
    if strip_suffix:
        attrs.pop("suffix", None)
    return ev.decorate(text, attrs, case=True)


def render_date(ev: Evaluator, element: Element, date: DateValue) -> Part | None:
    """A ``<date>`` element for a date value."""
    if not date.parts:
        if date.literal:
            return date.literal
        return None
    parts, delimiter = _date_parts(ev, element)
    if not parts:
        return None
    start = date.parts[0]
    season = date.season
    if len(date.parts) > 1 and not date.parts[1]:
        rendered = [_render_part(ev, p, start, season) for p in parts]
        head = _join_parts(rendered, delimiter)
        if head is None:
            return None
        year_part = next((p for p in parts if p.attrs.get("name") == "year"), None)
        dash = year_part.attrs.get("range-delimiter", "\u2013") if year_part else "\u2013"
        return concat([head, dash])
    if len(date.parts) == 1 or date.parts[1] == start:
        rendered = [_render_part(ev, p, start, season) for p in parts]
        out = _join_parts(rendered, delimiter)
    else:
        end = date.parts[1]
        names = [p.attrs.get("name", "") for p in parts]
        differing = [
            n
            for n in ("year", "month", "day")
            if n in names and _part_value(start, n) != _part_value(end, n)
        ]
        if not differing:
            rendered = [_render_part(ev, p, start, season) for p in parts]
            out = _join_parts(rendered, delimiter)
        else:
            top = differing[0]
            ranged = {
                n
                for n in names
                if _ORDER[n] >= _ORDER[top]
                and (_part_value(start, n) is not None or _part_value(end, n) is not None)
            }
            idx = [i for i, n in enumerate(names) if n in ranged]
            lo, hi = idx[0], idx[-1]
            range_part = parts[_ORDER_INDEX(names, top)]
            range_delim = range_part.attrs.get("range-delimiter", "\u2013")
            before = [_render_part(ev, p, start, season) for p in parts[:lo]]
            first = [
                _render_part(ev, p, start, season, strip_suffix=(i == hi))
                for i, p in zip(range(lo, hi + 1), parts[lo : hi + 1], strict=False)
            ]
            second = [
                _render_part(ev, p, end, season, strip_prefix=(i == lo))
                for i, p in zip(range(lo, hi + 1), parts[lo : hi + 1], strict=False)
            ]
            after = [_render_part(ev, p, start, season) for p in parts[hi + 1 :]]
            middle = concat(
                [_join_parts(first, delimiter), range_delim, _join_parts(second, delimiter)]
            )
            out = _join_parts([*before, middle, *after], delimiter)
    if out is None:
        return None
    return out


def _ORDER_INDEX(names: list[str], name: str) -> int:  # noqa: N802
    return names.index(name)


def _join_parts(parts: list[Part | None], delimiter: str) -> Part | None:
    present = [p for p in parts if p is not None]
    if not present:
        return None
    items: list[Part] = []
    for i, p in enumerate(present):
        if i and delimiter:
            items.append(delimiter)
        items.append(p)
    return concat(items)
