"""Reading and writing BibTeX and BibLaTeX through pybtex.

LaTeX in field values is decoded on reading (accents through latexcodec, ``{}``
protection removed) and encoded on writing (the ten special characters escaped, TeX
ligatures such as ``--`` broken, capitals in titles protected with braces); Cyrillic and
other Unicode stay UTF-8. BibLaTeX fields are read and written: ``date``, ``urldate``,
``journaltitle``, ``location``, ``langid``. Other forms of titles use citekit's fields
``title-en``, ``title-ru-latn-bsi`` (the BCP 47 tag after the field's name).

>>> refs = read_bibtex(r'''@article{k, author = {Kistanov, Valerii O.}, year = 2025,
...   title = {Japan's {USA} policy, 5--25 caf\\'e}, journal = {Japanese Studies in Russia},
...   number = {3}, pages = {5--25}, langid = {russian}, title-en = {English}}''')
>>> refs[0].title.original, refs[0].pages, refs[0].language, refs[0].title.translation("en")
("Japan's USA policy, 5–25 café", '5-25', 'ru', 'English')
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import latexcodec  # noqa: F401  (registers the "ulatex" codec)
from pybtex.database import Entry, parse_string
from pybtex.database import Person as BibPerson
from pybtex.scanner import PybtexSyntaxError

from citekit.errors import CitekitError, ParseError, ValidationError
from citekit.io.csljson import Loss
from citekit.io.problems import ErrorHandler, deliver
from citekit.model.date import PartialDate
from citekit.model.kinds import BIBTEX_SUBTYPES, BIBTEX_TYPES, KINDS
from citekit.model.person import Person
from citekit.model.reference import (
    IN_A_BOOK,
    PeriodicalPart,
    Reference,
    Report,
    Thesis,
    WebArticle,
)
from citekit.model.title import Title, latn_scheme
from citekit.render.latex import escape_latex

__all__ = ["entry_text", "read_bibtex", "write_bibtex"]

_TYPES: Mapping[str, type[Reference]] = BIBTEX_TYPES  # from the kinds table (model/kinds.py)
_WRITE_TYPE = {kind.cls: kind.bibtex for kind in KINDS}
_SUBTYPES = {kind.cls: kind.bibtex_subtype for kind in KINDS if kind.bibtex_subtype}
_BY_SUBTYPE = BIBTEX_SUBTYPES

# BibTeX field → model attribute (text values). Container titles depend on the type.
_TEXT = {
    "volume": "volume",
    "pages": "pages",
    "publisher": "publisher",
    "address": "place",
    "location": "place",
    "edition": "edition",
    "isbn": "isbn",
    "issn": "issn",
    "doi": "doi",
    "url": "url",
    "note": "note",
    "pagetotal": "number_of_pages",
    "volumes": "number_of_volumes",
    "eventtitle": "event_title",
    "venue": "event_place",
    "eid": "article_number",
    "seriesnumber": "collection_number",
}
_TITLES = {"title": "title", "series": "collection_title"}
_PEOPLE = {"author": "authors", "editor": "editors", "translator": "translators"}
_LANGUAGES = {
    "russian": "ru", "english": "en", "american": "en", "british": "en", "ukrainian": "uk",
    "belarusian": "be", "kazakh": "kk", "german": "de", "ngerman": "de", "french": "fr",
    "spanish": "es", "italian": "it", "polish": "pl", "japanese": "ja", "chinese": "zh",
}  # fmt: skip
_LANGUAGE_NAMES = {code: name for name, code in reversed(_LANGUAGES.items())}

_VERBATIM = frozenset({"url", "doi", "eprint"})  # BibLaTeX verbatim fields: no LaTeX in them
_HELD = {
    "\\textbraceleft{}": "{",
    "\\textbraceright{}": "}",
    "\\{": "{",
    "\\}": "}",
    "\\$": "$",
    "\\textasciicircum{}": "^",
}
_LIGATURES = ("--", "``", "''", "?`", "!`", ",,", "<<", ">>")
_ENTRY_START = re.compile(r"@\s*([A-Za-z]+)\s*[{(]\s*([^,\s]*)")


def _decode(value: str) -> str:
    """LaTeX to Unicode: accents and escapes decoded, protective braces dropped."""
    for i, escaped in enumerate(_HELD):
        value = value.replace(escaped, chr(0xE000 + i))
    # typeshed knows only the standard str→str codecs; latexcodec's "ulatex" is one too
    decoded: str = codecs.decode(value, "ulatex")  # type: ignore[call-overload]
    value = decoded.replace("{", "").replace("}", "")
    for i, plain in enumerate(_HELD.values()):
        value = value.replace(chr(0xE000 + i), plain)
    return " ".join(value.split())


def _encode(value: str, *, protect: bool = False) -> str:
    """Unicode to LaTeX: specials escaped, ligatures broken; ``protect`` braces words with
    capitals after their first letter (``{USA}``, ``{McClean}``) so styles keep their case."""
    # BibTeX counts braces even when escaped, so a lone brace is written as a command
    text = (
        escape_latex(value).replace("\\{", "\\textbraceleft{}").replace("\\}", "\\textbraceright{}")
    )
    for ligature in _LIGATURES:
        while ligature in text:
            text = text.replace(ligature, ligature[0] + "{}" + ligature[1])
    if protect:
        text = " ".join(
            f"{{{word}}}" if any(ch.isupper() for ch in word[1:]) and "\\" not in word else word
            for word in text.split(" ")
        )
    return text


def _canonical_tag(tag: str) -> str:
    """``ru-latn-bsi`` → ``ru-Latn-bsi`` (BibTeX field names lose their case)."""
    parts = tag.split("-")
    return "-".join(
        [parts[0].lower(), *(p.title() if len(p) == 4 else p.lower() for p in parts[1:])]
    )


def _person(person: BibPerson) -> Person:
    last = " ".join(person.last_names)
    if not person.first_names and not person.middle_names and last.startswith("{"):
        return Person(literal=_decode(last))
    given = " ".join([*person.first_names, *person.middle_names])
    return Person(
        _decode(last) or None,
        _decode(given) or None,
        particle=_decode(" ".join(person.prelast_names)) or None,
        suffix=_decode(" ".join(person.lineage_names)) or None,
    )


def _date(fields: Mapping[str, str]) -> PartialDate | None:
    if "date" in fields:
        return PartialDate.parse(_decode(fields["date"]))
    if "year" not in fields:
        return None
    year = _decode(fields["year"])
    if not year.isdigit():
        raise ValidationError(f"not a year: {year!r}", field="year")
    month = fields.get("month")
    number = None
    if month:
        names = ["january", "february", "march", "april", "may", "june", "july", "august",
                 "september", "october", "november", "december"]  # fmt: skip
        text = _decode(month).lower()
        number = (
            int(text)
            if text.isdigit()
            else next((i for i, name in enumerate(names, 1) if name.startswith(text[:3])), None)
        )
        if number is None:
            raise ValidationError(f"not a month: {month!r}", field="month")
    day = fields.get("day")
    return PartialDate(int(year), number, int(day) if day and day.isdigit() else None)


def _entry_to_reference(key: str, entry: Entry) -> Reference:
    kind = entry.type.lower()
    cls = _TYPES.get(kind)
    if cls is None:
        known = ", ".join(_TYPES)
        raise ValidationError(
            f"entry type @{kind} is not supported; use one of: {known}", field="type"
        )
    fields = {name.lower(): value for name, value in entry.fields.items()}
    subtype = fields.pop("entrysubtype", "").lower()
    cls = _BY_SUBTYPE.get((kind, subtype), cls)
    accepted = {f.name for f in attrs.fields(cls)}
    values: dict[str, Any] = {"id": key}
    extra: dict[str, Any] = {}
    if kind != _WRITE_TYPE[cls]:
        extra["bibtex-type"] = kind  # several entry types share this reference type
    language = fields.pop("langid", None) or fields.pop("language", None)
    if language:
        code = _decode(language).lower()
        values["language"] = _LANGUAGES.get(code, code)
    container = "journaltitle" if "journaltitle" in fields else "journal"
    if issubclass(cls, IN_A_BOOK):
        container = "booktitle"
    titles = {**_TITLES, container: "container_title"}
    if cls is WebArticle:
        titles["organization"] = "container_title"
    forms: dict[str, dict[str, str]] = {}
    for name in list(fields):
        base, dash, tag = name.partition("-")
        if dash and base in titles:
            forms.setdefault(base, {})[_canonical_tag(tag)] = _decode(fields.pop(name))
    values["issued"] = _date(fields)
    for name in ("date", "year", "month", "day"):
        fields.pop(name, None)
    if "urldate" in fields:
        values["accessed"] = PartialDate.parse(_decode(fields.pop("urldate")))
    number_field = (
        "issue" if issubclass(cls, PeriodicalPart)
        else "number" if "number" in accepted  # a report's, a standard's, a patent's own number
        else "collection_number"
    )  # fmt: skip
    text = {**_TEXT, "number": number_field, "issue": "issue", "type": "genre",
            "institution": "publisher", "school": "publisher"}  # fmt: skip
    for name, raw in fields.items():
        try:
            if name in titles and titles[name] in accepted:
                found = forms.get(name, {})
                values[titles[name]] = Title(
                    _decode(raw),
                    lang=values.get("language"),
                    transliterations={t: v for t, v in found.items() if latn_scheme(t) is not None},
                    translations={t: v for t, v in found.items() if latn_scheme(t) is None},
                )
            elif name in _VERBATIM and name in text:
                values[text[name]] = raw.strip()
            elif name in text and text[name] in accepted:
                values[text[name]] = (
                    _decode(raw).replace("–", "-") if name == "pages" else _decode(raw)
                )
            elif name == "changing":
                values["changing"] = _decode(raw).lower() == "true"
            else:
                extra[name] = _decode(raw)
        except CitekitError as exc:
            raise exc.located(field=name) from None
    for role, attribute in _PEOPLE.items():
        if role in entry.persons:
            values[attribute] = [_person(p) for p in entry.persons[role]]
    return cls(**values, extra=extra)


def read_bibtex(
    text: str,
    *,
    file: str | None = None,
    on_error: ErrorHandler | None = None,
) -> list[Reference]:
    """The references in a BibTeX or BibLaTeX file; errors name the file, line, key and field."""
    lines = {}
    seen: dict[str, int] = {}
    for match in _ENTRY_START.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        key = match.group(2)
        if match.group(1).lower() in ("comment", "preamble", "string"):
            continue
        if key in seen:
            raise ParseError(
                f"the key {key!r} is used again (first at line {seen[key]}); keys must be unique",
                file=file,
                line=line,
            )
        seen[key] = line
        lines[key.lower()] = line
    try:
        data = parse_string(text, "bibtex")
    except PybtexSyntaxError as exc:
        message = str(exc).split(": ", 1)[-1] if ": " in str(exc) else exc.error_type
        raise ParseError(f"not valid BibTeX: {message}", file=file, line=exc.lineno) from None
    except Exception as exc:  # pybtex raises its own error types for bad names, macros, …
        raise ParseError(f"not valid BibTeX: {exc}", file=file) from None
    refs = []
    for key, entry in data.entries.items():
        try:
            refs.append(_entry_to_reference(key, entry))
        except CitekitError as exc:
            exc.located(file=file, line=lines.get(key.lower()), ref_id=key)
            deliver(exc, on_error)
    return refs


# -- writing ------------------------------------------------------------------------------------


def _bib_person(person: Person, ref: Reference, role: str, lose: Loss) -> BibPerson:
    if person.forms:
        lose(ref, role, "BibTeX has no place for other forms of a name")
    if person.dropping_particle:
        lose(ref, role, "BibTeX has no dropping particle")
    if person.literal is not None:
        return BibPerson(last=f"{{{_encode(person.literal)}}}")
    return BibPerson(
        first=_encode(person.given) if person.given else "",
        prelast=_encode(person.particle) if person.particle else "",
        last=_encode(person.family or ""),
        lineage=_encode(person.suffix) if person.suffix else "",
    )


def _reference_to_entry(ref: Reference, lose: Loss) -> Entry:
    cls = type(ref)
    kind = ref.extra.get("bibtex-type") or _WRITE_TYPE[cls]
    fields: dict[str, str] = {}
    if cls in _SUBTYPES:
        fields["entrysubtype"] = _SUBTYPES[cls]
    container = "booktitle" if issubclass(cls, IN_A_BOOK) else "journal"
    if cls is WebArticle:
        container = "organization"
    titles = {"title": "title", "collection_title": "series", "container_title": container}
    text = {
        attribute: name for name, attribute in _TEXT.items() if name not in ("location", "venue")
    }
    text.update(
        {"issue": "number" if issubclass(cls, PeriodicalPart) else "issue",
         "collection_number": "number", "genre": "type",
         "event_place": "venue"}
    )  # fmt: skip
    if issubclass(cls, Report):
        text.update(
            {"publisher": "institution", "number": "number", "collection_number": "seriesnumber"}
        )
    elif any(field.name == "number" for field in attrs.fields(cls)):
        text.update({"number": "number", "collection_number": "seriesnumber"})
    if issubclass(cls, Thesis):
        text["publisher"] = "school"
    if ref.language:
        fields["langid"] = _LANGUAGE_NAMES.get(ref.language, ref.language)
    persons: dict[str, list[BibPerson]] = {}
    for field in attrs.fields(cls):
        value = getattr(ref, field.name)
        if (
            value is None
            or value == ()
            or value is False
            or field.name in ("id", "extra", "language")
        ):
            continue
        if field.name in _PEOPLE.values():
            role = next(r for r, a in _PEOPLE.items() if a == field.name)
            persons[role] = [_bib_person(p, ref, role, lose) for p in value]
        elif isinstance(value, Title):
            name = titles[field.name]
            fields[name] = _encode(value.original, protect=True)
            for tag, form in {**value.transliterations, **value.translations}.items():
                fields[f"{name}-{tag.lower()}"] = _encode(form, protect=True)
            if value.lang is not None and value.lang != ref.language:
                lose(ref, field.name, f"its language ({value.lang}) differs from the entry's")
        elif field.name == "issued":
            fields["date"] = value.iso()
            fields["year"] = str(value.year)
        elif field.name == "accessed":
            fields["urldate"] = value.iso()
        elif field.name == "changing":
            fields["changing"] = "true"
        elif field.name == "pages":
            fields["pages"] = value.replace("-", "--")
        elif field.name in ("url", "doi"):
            fields[field.name] = value
        elif field.name in text:
            fields[text[field.name]] = _encode(value)
        else:
            lose(ref, field.name, "BibTeX has no field for it")
    for key, value in ref.extra.items():
        if key == "bibtex-type":
            continue
        if isinstance(value, str):
            fields.setdefault(key, _encode(value))
        else:
            lose(ref, key, "only text can be written to BibTeX")
    return Entry(kind, fields=fields, persons=persons)


def entry_text(
    ref: Reference, lose: Loss, *, key: str | None = None, one_line: bool = False
) -> str:
    """``@type{key, field = {value}, …}``, keyed by ``key`` or the reference's id. Values are
    already LaTeX with balanced braces and are braced as they are (pybtex's own writer would
    escape them a second time); ``one_line`` puts the whole entry on one line."""
    entry = _reference_to_entry(ref, lose)
    parts = [f"{role} = {{{' and '.join(str(p) for p in people)}}}"
             for role, people in entry.persons.items()]  # fmt: skip
    parts += [f"{name} = {{{value}}}" for name, value in entry.fields.items()]
    head = f"@{entry.type}{{{key or ref.id},"
    if one_line:
        return f"{head} {', '.join(parts)}}}"
    return head + "".join(f"\n  {part}," for part in parts) + "\n}\n"


def write_bibtex(refs: Sequence[Reference], *, lose: Loss) -> str:
    """The references as BibTeX/BibLaTeX (UTF-8), one entry per reference, keyed by id."""
    return "\n".join(entry_text(ref, lose) for ref in refs)
