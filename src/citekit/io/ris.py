"""Reading and writing RIS through rispy.

Tags as Zotero and the RIS specification use them: ``TY`` type, ``AU`` authors, ``A2``
editors, ``A4`` translators, ``TI`` title, ``TT`` its English translation, ``T2`` the
journal, book or site, ``T3`` the series, ``PY``/``DA`` dates (``DA`` ranges and seasons
as ISO text after the fourth slash), ``Y2`` access date, ``VL``, ``IS``, ``SP``/``EP``,
``C7`` article number, ``DO``, ``UR``, ``LA``, ``PB``, ``CY``, ``ET``, ``SN``, ``NV``,
``M3`` kind of work, ``SE`` section, ``N1`` note. Unknown tags are kept. A person
without a comma is an organisation, so a person known only by a family name is written
``Family,``.

>>> (ref,) = read_ris("TY  - JOUR\\nAU  - Kistanov, V. O.\\nTI  - T\\nT2  - J\\nPY  - 2025\\n"
...                   "SP  - 5\\nEP  - 25\\nER  - \\n")
>>> ref.authors[0].family, ref.pages, ref.issued.year
('Kistanov', '5-25', 2025)
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import rispy

from citekit.errors import CitekitError, ParseError, ValidationError
from citekit.io.csljson import Loss
from citekit.io.problems import ErrorHandler, deliver
from citekit.model.date import PartialDate
from citekit.model.kinds import KINDS, RIS_TYPES
from citekit.model.person import Person
from citekit.model.reference import (
    PeriodicalPart,
    Publication,
    Reference,
    page_range,
)
from citekit.model.title import Title

__all__ = ["read_ris", "write_ris"]

_TYPES: Mapping[str, type[Reference]] = RIS_TYPES  # from the kinds table (model/kinds.py)
_WRITE_TYPE = {kind.cls: kind.ris for kind in KINDS}
# rispy key → model attribute for plain text values
_TEXT = {
    "volume": "volume", "doi": "doi", "language": "language", "publisher": "publisher",
    "place_published": "place", "edition": "edition", "number_of_volumes": "number_of_volumes",
    "type_of_work": "genre", "section": "section", "custom7": "article_number",
}  # fmt: skip
_PEOPLE = {
    "authors": "authors",
    "secondary_authors": "editors",
    "subsidiary_authors": "translators",
}


def _person(text: str) -> Person:
    if "," not in text:
        return Person(literal=text.strip())
    family, _, rest = text.partition(",")
    given, _, suffix = rest.partition(",")
    return Person(family.strip(), given.strip() or None, suffix=suffix.strip() or None)


def _date(entry: Mapping[str, Any]) -> PartialDate | None:
    text = entry.get("date") or ""
    if text:
        parts = text.split("/", 3)
        if len(parts) == 4 and parts[3].strip():
            return PartialDate.parse(parts[3].strip())
        numbers = [p for p in parts[:3] if p.strip()]
        if numbers:
            return PartialDate.parse("-".join(numbers))
    year = entry.get("year") or entry.get("publication_year")
    return PartialDate.parse(str(year).split("/")[0]) if year else None


def _entry_to_reference(entry: Mapping[str, Any], number: int) -> Reference:
    kind = str(entry.get("type_of_reference", "")).upper()
    cls = _TYPES.get(kind)
    if cls is None:
        known = ", ".join(_TYPES)
        raise ValidationError(
            f"record type {kind or 'missing'} is not supported; use one of: {known}", field="TY"
        )
    accepted = {f.name for f in attrs.fields(cls)}
    values: dict[str, Any] = {"id": entry.get("id") or f"ris-{number}"}
    extra: dict[str, Any] = {}
    if kind != _WRITE_TYPE[cls]:
        extra["ris-type"] = kind
    lang = entry.get("language")
    title = entry.get("title") or entry.get("primary_title")
    if title:
        translations = {"en": entry["translated_title"]} if entry.get("translated_title") else {}
        values["title"] = Title(title, lang=lang, translations=translations)
    if entry.get("secondary_title") and "container_title" in accepted:
        values["container_title"] = Title(entry["secondary_title"], lang=lang)
    elif entry.get("journal_name") and "container_title" in accepted:
        values["container_title"] = Title(entry["journal_name"], lang=lang)
    if entry.get("tertiary_title") and "collection_title" in accepted:
        values["collection_title"] = Title(entry["tertiary_title"], lang=lang)
    try:
        values["issued"] = _date(entry)
    except CitekitError as exc:
        raise exc.located(field="DA") from None
    if entry.get("access_date"):
        try:
            values["accessed"] = PartialDate.parse(
                entry["access_date"].strip("/").replace("/", "-")
            )
        except CitekitError as exc:
            raise exc.located(field="Y2") from None
    if entry.get("urls"):
        values["url"] = entry["urls"][0]
        if len(entry["urls"]) > 1:
            extra["urls"] = entry["urls"][1:]
    first, last = entry.get("start_page"), entry.get("end_page")
    if first and "pages" in accepted:
        values["pages"] = f"{first}-{last}" if last else first
    elif first and "number_of_pages" in accepted:
        values["number_of_pages"] = first
    issue_number = entry.get("number")
    if issue_number:
        attribute = (
            "issue"
            if issubclass(cls, PeriodicalPart)
            else "number"
            if "number" in accepted  # a report's, a standard's, a patent's own number
            else "collection_number"
        )
        values[attribute] = issue_number
    sn = entry.get("issn")
    if sn:
        values["issn" if issubclass(cls, PeriodicalPart) else "isbn"] = sn
    notes = entry.get("notes")
    if notes:
        values["note"] = notes[0]
    for key, attribute in _TEXT.items():
        if entry.get(key) and attribute in accepted:
            values[attribute] = entry[key]
    for key, attribute in _PEOPLE.items():
        if entry.get(key):
            values[attribute] = [_person(p) for p in entry[key]]
    for tag, found in (entry.get("unknown_tag") or {}).items():
        extra[f"ris:{tag}"] = list(found)
    return cls(**values, extra=extra)


def read_ris(
    text: str,
    *,
    file: str | None = None,
    on_error: ErrorHandler | None = None,
) -> list[Reference]:
    """The references in a RIS file; errors name the file, the record's line and the tag."""
    starts = [n for n, line in enumerate(text.splitlines(), 1) if line.startswith("TY  -")]
    if not starts:
        what = "the file is empty" if not text.strip() else "no RIS record found"
        raise ParseError(f"{what}; a RIS record starts with a line 'TY  - JOUR'", file=file, line=1)
    try:
        entries = rispy.loads(text)
    except Exception as exc:  # rispy raises plain IOError/ValueError on malformed records
        raise ParseError(f"not valid RIS: {exc}", file=file) from None
    refs = []
    for number, entry in enumerate(entries, 1):
        line = starts[number - 1] if number <= len(starts) else None
        try:
            refs.append(_entry_to_reference(entry, number))
        except CitekitError as exc:
            exc.located(file=file, line=line, ref_id=entry.get("id"))
            deliver(exc, on_error)
    return refs


# -- writing ------------------------------------------------------------------------------------


def _ris_person(person: Person, ref: Reference, field: str, lose: Loss) -> str:
    if person.literal is not None:
        if "," in person.literal:
            lose(
                ref,
                field,
                f"the organisation {person.literal!r} has a comma, read back as a person",
            )
        return person.literal
    if person.particle or person.dropping_particle or person.forms:
        lose(ref, field, "RIS keeps no particles or other forms of a name")
    parts = [" ".join(p for p in (person.dropping_particle, person.particle, person.family) if p)]
    parts.append(person.given or "")
    if person.suffix:
        parts.append(person.suffix)
    return ", ".join(parts)


def _reference_to_entry(ref: Reference, lose: Loss) -> dict[str, Any]:
    cls = type(ref)
    entry: dict[str, Any] = {
        "type_of_reference": ref.extra.get("ris-type", _WRITE_TYPE[cls]),
        "id": ref.id,
    }
    handled = {"id", "extra", "title", "container_title", "collection_title", "issued", "accessed",
               "url", "pages", "issue", "number", "collection_number", "issn", "isbn", "note",
               "number_of_pages", "authors", "editors", "translators", "changing"}  # fmt: skip
    for field in ("title", "container_title", "collection_title"):
        title = getattr(ref, field, None)
        if title is None:
            continue
        key = {
            "title": "title",
            "container_title": "secondary_title",
            "collection_title": "tertiary_title",
        }[field]
        entry[key] = title.original
        forms = {**title.transliterations, **title.translations}
        if field == "title" and "en" in forms:
            entry["translated_title"] = forms.pop("en")
        if forms:
            lose(ref, field, f"RIS keeps no {', '.join(sorted(forms))} form of it")
        if title.lang is not None and title.lang != ref.language:
            lose(ref, field, f"its language ({title.lang}) differs from the record's")
    if ref.issued is not None:
        date = ref.issued
        if date.end is None and date.season is None and not date.circa:
            entry["date"] = "/".join(
                [
                    f"{date.year:04d}",
                    f"{date.month:02d}" if date.month else "",
                    f"{date.day:02d}" if date.day else "",
                    "",
                ]
            )
        else:
            entry["date"] = f"{date.year:04d}///{date.iso()}"
        entry["year"] = str(date.year)
    if ref.accessed is not None:
        a = ref.accessed
        if a.end is not None or a.season is not None or a.circa:
            lose(ref, "accessed", "RIS takes a plain date")
        entry["access_date"] = "/".join(
            [f"{a.year:04d}", f"{a.month:02d}" if a.month else "", f"{a.day:02d}" if a.day else ""]
        )
    if ref.url:
        entry["urls"] = [ref.url, *ref.extra.get("urls", [])]
    pages = getattr(ref, "pages", None)
    if pages:
        first, last = page_range(pages)
        entry["start_page"] = first
        if last:
            entry["end_page"] = last
    elif isinstance(ref, Publication) and ref.number_of_pages:
        entry["start_page"] = ref.number_of_pages
    number = getattr(ref, "issue", None) or getattr(ref, "number", None)
    own_number = any(field.name == "number" for field in attrs.fields(cls))
    if isinstance(ref, Publication) and not own_number:
        number = ref.collection_number
    elif own_number and getattr(ref, "collection_number", None):
        lose(ref, "collection_number", f"RIS has no series number for a {ref.kind}")
    if own_number and getattr(ref, "issue", None) and getattr(ref, "number", None):
        lose(ref, "number", "RIS has one number tag, and the issue takes it")
    if number:
        entry["number"] = number
    sn = getattr(ref, "issn", None) or getattr(ref, "isbn", None)
    if sn:
        entry["issn"] = sn
    if ref.note:
        entry["notes"] = [ref.note]
    if ref.changing:
        lose(ref, "changing", "RIS has no tag for it")
    for key, attribute in _TEXT.items():
        value = getattr(ref, attribute, None)
        if value:
            entry[key] = value
        handled.add(attribute)
    for key, attribute in _PEOPLE.items():
        people = getattr(ref, attribute)
        if people:
            entry[key] = [_ris_person(p, ref, attribute, lose) for p in people]
    for field in attrs.fields(cls):
        if field.name not in handled and getattr(ref, field.name) not in (None, (), False):
            lose(ref, field.name, "RIS has no tag for it")
    unknown: dict[str, list[str]] = {}
    for key, value in ref.extra.items():
        if key.startswith("ris:"):
            unknown[key[4:]] = list(value)
        elif key not in ("ris-type", "urls"):
            lose(ref, key, "RIS has no tag for it")
    if unknown:
        entry["unknown_tag"] = unknown
    return entry


class _PlainRisWriter(rispy.RisWriter):  # type: ignore[misc]
    """rispy's writer without the ``1.``, ``2.`` it puts before each record by default: RIS
    records start at their ``TY`` line, and reference managers take a stray ``1.`` as junk."""

    def set_header(self, count: int) -> str:
        return ""


def write_ris(refs: Sequence[Reference], *, lose: Loss) -> str:
    """The references as RIS, one record per reference."""
    entries = [_reference_to_entry(ref, lose) for ref in refs]
    text: str = rispy.dumps(entries, implementation=_PlainRisWriter)
    return text
