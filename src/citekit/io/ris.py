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

import re
from collections.abc import Mapping, Sequence
from functools import partial
from typing import Any

import attrs
import rispy

from citekit.errors import CitekitError, ParseError, ValidationError
from citekit.io.limits import check_text_size, check_value
from citekit.io.problems import ErrorHandler, Losses, construct, deliver, rescue
from citekit.model.csl_item import Loss
from citekit.model.date import PartialDate
from citekit.model.date_text import parse_ris_date
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
_TAG_OF = {key: tag for tag, key in reversed(rispy.TAG_KEY_MAPPING.items())}
"""The RIS tag of each of rispy's keys (the first of the tags that share one)."""
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


def _date(entry: Mapping[str, Any], losses: Losses | None) -> PartialDate | None:
    # DA and PY are YYYY/MM/DD/other (model/date_text.py): the month and day are read too,
    # and an impossible one refused; DA wins when it has more than slashes
    text = entry.get("date") or ""
    if text.strip(" /"):
        return parse_ris_date(text, lost=losses.of("DA") if losses else None)
    year = entry.get("year") or entry.get("publication_year")
    lost = losses.of("PY") if losses else None
    return parse_ris_date(str(year), lost=lost) if year else None


def _entry_to_reference(
    entry: Mapping[str, Any], number: int, losses: Losses | None = None
) -> Reference:
    kind = str(entry.get("type_of_reference", "")).upper()
    cls = _TYPES.get(kind)
    if cls is None:
        known = ", ".join(_TYPES)
        raise ValidationError(
            f"record type {kind or 'missing'} is not supported; use one of: {known}", field="TY"
        )
    accepted = {f.name for f in attrs.fields(cls)}
    used = {"type_of_reference", "unknown_tag"}

    def take(key: str) -> Any:
        """The value of ``key``, marked as read into the reference."""
        used.add(key)
        return entry.get(key)

    values: dict[str, Any] = {"id": take("id") or f"ris-{number}"}
    extra: dict[str, Any] = {}
    if kind != _WRITE_TYPE[cls]:
        extra["ris-type"] = kind
    lang = entry.get("language")
    try:
        title = take("title") or take("primary_title")
        if title:
            translated = take("translated_title")
            translations = {"en": translated} if translated else {}
            values["title"] = Title(title, lang=lang, translations=translations)
    except CitekitError as exc:
        raise exc.located(field="TI") from None
    if "container_title" in accepted:
        container = take("secondary_title") or take("journal_name")
        if container:
            try:
                values["container_title"] = Title(container, lang=lang)
            except CitekitError as exc:
                raise exc.located(field="T2") from None
    if "collection_title" in accepted and entry.get("tertiary_title"):
        try:
            values["collection_title"] = Title(take("tertiary_title"), lang=lang)
        except CitekitError as exc:
            raise exc.located(field="T3") from None
    try:
        used.add("date")
        values["issued"] = _date(entry, losses)
        used.update(("year", "publication_year"))
    except CitekitError as exc:
        raise exc.located(field="DA" if entry.get("date") else "PY") from None
    if take("access_date"):
        try:
            lost = losses.of("Y2") if losses else None
            values["accessed"] = parse_ris_date(entry["access_date"], lost=lost)
        except CitekitError as exc:
            raise exc.located(field="Y2") from None
    urls = [url for url in take("urls") or () if url]
    if urls:
        values["url"] = urls[0]
        if len(urls) > 1:
            extra["urls"] = urls[1:]
    first, last = entry.get("start_page"), entry.get("end_page")
    if first and "pages" in accepted:
        values["pages"] = f"{take('start_page')}-{take('end_page')}" if last else take("start_page")
    elif first and "number_of_pages" in accepted and not last:
        values["number_of_pages"] = take("start_page")
    issue_number = take("number")
    if issue_number:
        attribute = (
            "issue"
            if issubclass(cls, PeriodicalPart)
            else "number"
            if "number" in accepted  # a report's, a standard's, a patent's own number
            else "collection_number"
        )
        values[attribute] = issue_number
    sn = take("issn")
    if sn:
        values["issn" if issubclass(cls, PeriodicalPart) else "isbn"] = sn
    notes = entry.get("notes")
    if notes and len(notes) == 1:
        values["note"] = take("notes")[0]
    for key, attribute in _TEXT.items():
        if entry.get(key) and attribute in accepted:
            values[attribute] = take(key)
    for key, attribute in _PEOPLE.items():
        if take(key):
            people = []
            for i, name in enumerate(entry[key]):
                if name is None:  # left out as bad (see _rescue)
                    continue
                try:
                    people.append(_person(name))
                except CitekitError as exc:
                    raise exc.located(field=f"{_TAG_OF[key]}[{i}]") from None
            values[attribute] = people
    for tag, found in (entry.get("unknown_tag") or {}).items():
        extra[f"ris:{tag}"] = list(found)
    for key, value in entry.items():
        if key not in used and value:  # a tag rispy knows and citekit does not model: kept
            extra[f"ris:{_TAG_OF[key]}"] = list(value) if isinstance(value, list) else [value]
    return construct(cls, values, extra)


_KEYS_OF_TAG: dict[str, tuple[str, ...]] = {
    **{tag: (key,) for tag, key in rispy.TAG_KEY_MAPPING.items()},
    "TI": ("title", "primary_title", "translated_title"),
    "T2": ("secondary_title", "journal_name"),
    "SP": ("start_page", "end_page"),
    "PY": ("year", "publication_year"),
}
"""rispy's keys of each RIS tag: what is left out when the tag's value is bad."""
_TAG_OF_ATTRIBUTE = {
    **{attribute: _TAG_OF[key] for key, attribute in _TEXT.items()},
    **{attribute: _TAG_OF[key] for key, attribute in _PEOPLE.items()},
    "isbn": "SN", "issn": "SN", "url": "UR", "pages": "SP", "number_of_pages": "SP",
    "accessed": "Y2", "issue": "IS", "number": "IS", "collection_number": "IS", "note": "N1",
    "title": "TI", "container_title": "T2", "collection_title": "T3",
}  # fmt: skip
"""The tag a model attribute is read from, for naming the field of an error the model raised."""


def _rescue(
    error: ValidationError,
    entry: Mapping[str, Any],
    number: int,
    file: str | None,
    line: int,
    lines: list[str],
    losses: Losses,
) -> Reference:
    """The record's reference without the tags (or the names) the model refuses, each left
    out with a warning at its line."""

    def field_of(field: str | None, dropped: list[str]) -> str | None:
        top = (field or "").partition(".")[0]
        tag: str = _TAG_OF_ATTRIBUTE.get(top, top)
        base = tag.partition("[")[0]
        if base == "TY" or not any(entry.get(key) for key in _KEYS_OF_TAG.get(base, ())):
            return None
        return tag

    def build(dropped: list[str]) -> Reference:
        copy = dict(entry)
        for tag in dropped:
            base, _, index = tag.partition("[")
            for key in _KEYS_OF_TAG[base]:
                if not index:
                    copy.pop(key, None)
                elif isinstance(copy.get(key), list):
                    copy[key] = [
                        None if i == int(index[:-1]) else v for i, v in enumerate(copy[key])
                    ]
        return _entry_to_reference(copy, number, losses)

    ref_id = entry.get("id")
    return rescue(
        error,
        build,
        field_of=field_of,
        line_of=partial(_tag_line, line=line, lines=lines),
        file=file,
        ref_id=ref_id if isinstance(ref_id, str) else f"ris-{number}",
    )


def _tag_line(tag: str, *, line: int, lines: list[str]) -> int:
    """The line of ``tag`` (``AU[2]``: the third ``AU``) in the record starting on ``line``."""
    base, _, index = tag.partition("[")
    count = int(index[:-1]) if index else 0
    for offset, text in enumerate(lines):
        if text.startswith(base + "  -"):
            if count == 0:
                return line + offset
            count -= 1
    return line


def read_ris(
    text: str,
    *,
    file: str | None = None,
    on_error: ErrorHandler | None = None,
) -> list[Reference]:
    """The references in a RIS file; errors name the file, the record's line and the tag."""
    records = _records(text, file, on_error)
    if not records:
        what = "the file is empty" if not text.strip() else "no RIS record found"
        raise ParseError(f"{what}; a RIS record starts with a line 'TY  - JOUR'", file=file, line=1)
    refs = []
    for number, (line, lines) in enumerate(records, 1):
        entry: Mapping[str, Any] = {}
        try:
            check_text_size("\n".join(lines))
            (entry,) = rispy.loads("\n".join(lines))
            for key, value in entry.items():
                check_value(value, _TAG_OF.get(key, key))
            losses = Losses()
            try:
                refs.append(_entry_to_reference(entry, number, losses))
            except ValidationError as exc:  # one bad tag costs that tag (io/problems.py)
                refs.append(_rescue(exc, entry, number, file, line, lines, losses))
            tag_line = partial(_tag_line, line=line, lines=lines)
            losses.say(file=file, ref_id=refs[-1].id, line_of=tag_line)
        except CitekitError as exc:
            exc.located(file=file, line=line, ref_id=entry.get("id"))
            deliver(exc, on_error)
        except ValueError as exc:  # a value the model could not convert
            error = ValidationError(f"a value citekit cannot take: {exc}")
            deliver(error.located(file=file, line=line, ref_id=entry.get("id")), on_error)
        except Exception as exc:  # rispy raises plain IOError/ValueError on malformed records
            deliver(ParseError(f"not valid RIS: {exc}", file=file, line=line), on_error)
    return refs


def _records(
    text: str, file: str | None, on_error: ErrorHandler | None
) -> list[tuple[int, list[str]]]:
    """Each complete record (``TY`` to ``ER``) with the line it starts on, in one pass. A
    record that another ``TY`` or the end of the file interrupts before its ``ER``, and a tag
    outside every record, is an error (rispy would merge the record with the next one, or
    drop it), reported through ``on_error`` when reading goes on."""
    records: list[tuple[int, list[str]]] = []
    early: list[ParseError] = []  # tags before the first record: reported if records follow
    start, lines = 0, []
    for number, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        tag = line[:2] if line[2:5] == "  -" else None
        if tag == "TY":
            if start:
                deliver(_unended(start, file, f"line {number} starts another"), on_error)
            start, lines = number, [line]
        elif start:
            lines.append(line)
            if tag == "ER":
                records.append((start, lines))
                start, lines = 0, []
        elif tag is not None:  # other text between records (rispy numbers them) is no data
            error = ParseError(
                f"a tag outside a record: {line[:40]!r}; "
                "each record runs from 'TY  - …' to 'ER  - '",
                file=file,
                line=number,
            )
            if records:
                deliver(error, on_error)
            else:
                early.append(error)
    if start:
        deliver(_unended(start, file, "the file ends"), on_error)
    if records:
        for error in early:
            deliver(error, on_error)
    return records


def _unended(line: int, file: str | None, what: str) -> ParseError:
    return ParseError(
        f"the record has no end: {what} before its 'ER  - ' line", file=file, line=line
    )


# -- writing ------------------------------------------------------------------------------------


def _ris_person(person: Person, ref: Reference, field: str, lose: Loss) -> str | None:
    """A name as RIS writes it (``Family, Given, Suffix``; an organisation without a comma),
    or None when nothing of it is left once the commas RIS splits at are taken out."""

    def uncomma(text: str) -> str:
        if "," not in text:
            return text
        lose(ref, field, f"{text!r} has a comma, where RIS splits a name: written without it")
        return " ".join(text.replace(",", " ").split())

    if person.literal is not None:
        return uncomma(person.literal) or None
    if person.particle or person.dropping_particle or person.forms:
        lose(ref, field, "RIS keeps no particles or other forms of a name")
    family = " ".join(p for p in (person.dropping_particle, person.particle, person.family) if p)
    parts = [uncomma(family), uncomma(person.given or "")]
    if person.suffix:
        parts.append(uncomma(person.suffix))
    return ", ".join(parts) if parts[0] else None


def _reference_to_entry(ref: Reference, lose: Loss) -> dict[str, Any]:
    cls = type(ref)
    kind = ref.extra.get("ris-type", _WRITE_TYPE[cls])
    if kind not in _TYPES:
        lose(ref, "ris-type", f"{kind!r} is not a RIS record type citekit knows")
        kind = _WRITE_TYPE[cls]
    entry: dict[str, Any] = {"type_of_reference": kind, "id": _one_line(ref, "id", ref.id, lose)}
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
        more = ref.extra.get("urls", [])
        entry["urls"] = [ref.url, *([more] if isinstance(more, str) else more)]
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
            names = [_ris_person(p, ref, attribute, lose) for p in people]
            entry[key] = [name for name in names if name is not None]
    for field in attrs.fields(cls):
        if field.name not in handled and getattr(ref, field.name) not in (None, (), False):
            lose(ref, field.name, "RIS has no tag for it")
    unknown: dict[str, list[str]] = {}
    for key, value in ref.extra.items():
        if key.startswith("ris:"):
            values = [value] if isinstance(value, str) else value
            if not _TAG.match(key[4:]):
                lose(ref, key, "not a RIS tag (a capital letter, then a capital or a digit)")
            elif not isinstance(values, list | tuple) or not all(
                isinstance(v, str) for v in values
            ):
                lose(ref, key, "only text can be written to RIS")
            else:
                unknown[key[4:]] = [_one_line(ref, key, v, lose) for v in values]
        elif key not in ("ris-type", "urls"):
            lose(ref, key, "RIS has no tag for it")
    if unknown:
        entry["unknown_tag"] = unknown
    if "urls" in entry:
        entry["urls"] = [
            _ris_url(ref, _one_line(ref, "urls", str(url), lose), lose) for url in entry["urls"]
        ]
    return entry


class _PlainRisWriter(rispy.RisWriter):  # type: ignore[misc]
    """rispy's writer without the ``1.``, ``2.`` it puts before each record by default: RIS
    records start at their ``TY`` line, and reference managers take a stray ``1.`` as junk."""

    def set_header(self, count: int) -> str:
        return ""


def _ris_url(ref: Reference, url: str, lose: Loss) -> str:
    """A URL for ``UR``, which readers split at ``;``: one is written ``%3B``."""
    if ";" not in url:
        return url
    lose(ref, "url", "RIS splits URLs at ';': written as %3B")
    return url.replace(";", "%3B")


_TAG = re.compile(r"[A-Z][A-Z0-9]\Z")


def _one_line(ref: Reference, field: str, value: str, lose: Loss) -> str:
    """``value`` on one line: a line break in a value would end it, and a line of its own
    could start a tag or a record (``ER  - ``, ``TY  - ``)."""
    lines = value.splitlines()
    if len(lines) <= 1 and "\n" not in value and "\r" not in value:
        if value != value.strip():
            lose(ref, field, "RIS strips a value: written without its outer spaces")
        return value
    lose(ref, field, "RIS keeps a value on one line: its line breaks are written as spaces")
    return " ".join(line.strip() for line in lines if line.strip())


def write_ris(refs: Sequence[Reference], *, lose: Loss) -> str:
    """The references as RIS, one record per reference."""
    entries = [_reference_to_entry(ref, lose) for ref in refs]
    text: str = rispy.dumps(entries, implementation=_PlainRisWriter)
    return text
