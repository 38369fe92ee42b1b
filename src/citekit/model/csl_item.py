"""A reference as a CSL-JSON item: which CSL variable each attribute of the model is.

CSL-JSON is the interchange format of CSL processors, and citekit's own CSL processor reads
references through it, so the mapping belongs to the model, below both the CSL-JSON reader
and writer (``citekit.io.csljson``) and the styles that run CSL (``citekit.styles.csl``).

>>> from citekit.model import JournalArticle, Person
>>> ref = JournalArticle(id="k", title="Japan", authors=[Person("Kistanov", "V.O.")], issued=2025)
>>> reference_to_item(ref, lambda *_: None)
{'id': 'k', 'type': 'article-journal', 'title': 'Japan', 'author': [{'family': 'Kistanov', \
'given': 'V.O.'}], 'issued': {'date-parts': [[2025]]}}
>>> date_from_csl({"date-parts": [[2024, 5], [2024, 12]]}, "issued").iso()
'2024-05/2024-12'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from citekit.errors import ValidationError
from citekit.model.date import SEASONS, PartialDate
from citekit.model.date_text import Lost, parse_date_text
from citekit.model.kinds import CSL_TYPES, KINDS
from citekit.model.person import Person
from citekit.model.reference import JournalArticle, Reference
from citekit.model.title import Title

__all__ = [
    "ATTRIBUTES_OF",
    "ATTRIBUTE_OF",
    "CSL_KNOWN",
    "CSL_TYPE_OF",
    "DATE_ATTRIBUTE",
    "DATE_VARIABLES",
    "NAME_ATTRIBUTE",
    "NAME_VARIABLES",
    "TEXT_ATTRIBUTE",
    "TITLE_ATTRIBUTE",
    "VARIABLE_OF",
    "Loss",
    "date_from_csl",
    "date_to_csl",
    "reference_to_item",
]

CSL_TYPE_OF = {kind.cls: kind.csl for kind in KINDS}  # the kinds table (model/kinds.py)

# CSL variable → model attribute. A variable whose attribute the type lacks goes to ``extra``.
TEXT_ATTRIBUTE = {
    "changing": "changing",
    "volume": "volume",
    "issue": "issue",
    "page": "pages",
    "publisher": "publisher",
    "publisher-place": "place",
    "edition": "edition",
    "number-of-pages": "number_of_pages",
    "number-of-volumes": "number_of_volumes",
    "collection-number": "collection_number",
    "ISBN": "isbn",
    "ISSN": "issn",
    "DOI": "doi",
    "URL": "url",
    "language": "language",
    "note": "note",
    "genre": "genre",
    "medium": "medium",
    "section": "section",
    "event-title": "event_title",
    "event-place": "event_place",
    "authority": "authority",
    "jurisdiction": "jurisdiction",
    "archive": "archive",
    "archive_location": "archive_location",
}
TITLE_ATTRIBUTE = {
    "title": "title",
    "container-title": "container_title",
    "collection-title": "collection_title",
}
NAME_ATTRIBUTE = {"author": "authors", "editor": "editors", "translator": "translators"}
DATE_ATTRIBUTE = {"issued": "issued", "accessed": "accessed", "submitted": "submitted"}
VARIABLE_OF = {
    attribute: csl
    for table in (TEXT_ATTRIBUTE, TITLE_ATTRIBUTE, NAME_ATTRIBUTE, DATE_ATTRIBUTE)
    for csl, attribute in table.items()
}


ATTRIBUTE_OF = {**TEXT_ATTRIBUTE, **TITLE_ATTRIBUTE, **NAME_ATTRIBUTE, **DATE_ATTRIBUTE}
"""The reference attribute each CSL variable is read into (``number`` depends on the type)."""
_NUMBER_ATTRIBUTE: dict[type[Reference], str] = {
    kind.cls: "article_number" if issubclass(kind.cls, JournalArticle) else "number"
    for kind in KINDS
    if {"article_number", "number"} & set(kind.fields)
}


def _plan(cls: type[Reference]) -> dict[str, str]:
    accepted = {field.name for field in attrs.fields(cls)}
    plan = {key: attribute for key, attribute in ATTRIBUTE_OF.items() if attribute in accepted}
    if cls in _NUMBER_ATTRIBUTE:  # CSL's number is an article number or a report's number
        plan["number"] = _NUMBER_ATTRIBUTE[cls]
    return plan


ATTRIBUTES_OF: dict[type[Reference], dict[str, str]] = {kind.cls: _plan(kind.cls) for kind in KINDS}
"""For each reference type, the attribute each CSL variable it holds is read into; any other
variable is kept in ``extra``."""


NAME_VARIABLES = frozenset(
    {"author", "chair", "collection-editor", "compiler", "composer", "container-author",
     "contributor", "curator", "director", "editor", "editorial-director", "editor-translator",
     "executive-producer", "guest", "host", "illustrator", "interviewer", "narrator",
     "organizer", "original-author", "performer", "producer", "recipient", "reviewed-author",
     "script-writer", "series-creator", "translator"}
)  # fmt: skip
"""CSL's name variables: a list of name objects each."""
DATE_VARIABLES = frozenset(
    {"accessed", "available-date", "event-date", "issued", "original-date", "submitted"}
)
"""CSL's date variables: a date object each."""
_CSL_OTHERS = frozenset(
    {"abstract", "annote", "archive", "archive_collection", "archive_location",
     "archive-place", "authority", "call-number", "chapter-number", "citation-key",
     "citation-label", "citation-number", "collection-number", "collection-title",
     "container-title", "container-title-short", "dimensions", "division", "DOI", "edition",
     "event", "event-place", "event-title", "first-reference-note-number", "genre", "ISBN",
     "ISSN", "issue", "jurisdiction", "keyword", "language", "license", "locator", "medium",
     "note", "number", "number-of-pages", "number-of-volumes", "original-publisher",
     "original-publisher-place", "original-title", "page", "page-first", "part-number",
     "part-title", "PMCID", "PMID", "printing-number", "publisher", "publisher-place",
     "references", "reviewed-genre", "reviewed-title", "scale", "section", "source", "status",
     "supplement-number", "title", "title-short", "URL", "version", "volume", "volume-title",
     "volume-title-short", "year-suffix"}
)  # fmt: skip
"""CSL 1.0.2's standard and number variables (Appendix IV of the specification)."""
CSL_KNOWN = frozenset(
    {*NAME_VARIABLES, *DATE_VARIABLES, *_CSL_OTHERS, *ATTRIBUTE_OF, "id", "type", "multi",
     "categories", "custom", "journalAbbreviation", "shortTitle"}
)  # fmt: skip
"""Every field name CSL-JSON knows: CSL's variables, the fields of the CSL-JSON schema, and
citekit's own (``changing``, Juris-M's ``multi``). A name outside it is kept in ``extra``
and named as unknown, with the nearest of these."""


def _date_part(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    raise ValidationError(f"not a date part: {value!r}")


def date_from_csl(value: Any, field: str, lost: Lost | None = None) -> PartialDate | None:
    """The date a CSL date variable's value means (``lost`` hears of a part it cannot keep)."""
    if value is None:
        return None
    if isinstance(value, str):
        return parse_date_text(value, lost=lost)
    if not isinstance(value, dict):
        raise ValidationError("expected a date object with date-parts", field=field)
    parts = value.get("date-parts")
    if not parts:
        if value.get("raw"):
            return _circa(parse_date_text(value["raw"], lost=lost), value)
        if value.get("literal"):
            try:  # a literal that is a date after all ("Spring 2020", "n.d.")
                return _circa(parse_date_text(value["literal"], lost=lost), value)
            except ValidationError:
                pass
            raise ValidationError(
                f"a literal date ({value['literal']!r}) cannot be read; "
                'give "date-parts" such as [[2025, 4]]',
                field=field,
            )
        return None
    if not isinstance(parts, list) or not all(isinstance(p, list) and p for p in parts):
        raise ValidationError("date-parts must be a list of [year, month, day] lists", field=field)

    def one(numbers: list[Any]) -> PartialDate:
        year, *rest = (_date_part(n) for n in numbers[:3])
        return PartialDate(year, rest[0] if rest else None, rest[1] if len(rest) > 1 else None)

    date = one(parts[0])
    if len(parts) > 1 and parts[1] != parts[0]:
        date = attrs.evolve(date, end=one(parts[1]))
    season = value.get("season")
    if season not in (None, ""):
        if str(season).isdigit() and 1 <= int(season) <= 4:
            season = SEASONS[int(season) - 1]
        if not isinstance(season, str):
            raise ValidationError(f"not a season: {season!r}; use 1 to 4", field=field)
        date = attrs.evolve(date, season=season)
    return _circa(date, value)


def _circa(date: PartialDate | None, value: dict[str, Any]) -> PartialDate | None:
    """``date``, approximate when the object says ``"circa": true``."""
    return attrs.evolve(date, circa=True) if date is not None and value.get("circa") else date


Loss = Callable[[Reference, str, str], None]
"""Called with (reference, field, why) for each value a writer cannot represent."""


def _date_parts(d: PartialDate) -> list[int]:
    return [n for n in (d.year, d.month, d.day) if n is not None]


def date_to_csl(date: PartialDate) -> dict[str, Any]:
    value: dict[str, Any] = {"date-parts": [_date_parts(date)]}
    if date.end is not None:
        value["date-parts"].append(_date_parts(date.end))
    if date.season is not None:
        value["season"] = SEASONS.index(date.season) + 1
    if date.circa:
        value["circa"] = True
    if date.end is not None and not _holds(value, date):
        # a range date-parts cannot hold (the end's own season or circa, 2020/2020): EDTF
        # text, which citekit and citeproc-js read as "raw"
        return {"raw": date.iso()}
    return value


def _holds(value: dict[str, Any], date: PartialDate) -> bool:
    """Whether the date object ``value`` reads back as ``date``."""
    try:
        return date_from_csl(value, "date") == date
    except ValidationError:  # 2020-01 to spring 2020 is a range only with its season
        return False


def _person_json(person: Person, ref: Reference, field: str, lose: Loss) -> dict[str, Any]:
    value: dict[str, Any] = {}
    # one test a part, in CSL-JSON's order, with no tuple of pairs nor a dict comprehension
    if person.literal is not None:
        value["literal"] = person.literal
    if person.family is not None:
        value["family"] = person.family
    if person.given is not None:
        value["given"] = person.given
    if person.particle is not None:
        value["non-dropping-particle"] = person.particle
    if person.dropping_particle is not None:
        value["dropping-particle"] = person.dropping_particle
    if person.suffix is not None:
        value["suffix"] = person.suffix
    if person.forms:
        forms = {}
        for tag, form in person.forms.items():
            if form.forms:
                lose(ref, field, f"the {tag} form of a name has forms of its own")
            forms[tag] = {
                k: v for k, v in _person_json(form, ref, field, lose).items() if k != "multi"
            }
        value["multi"] = {"_key": forms}
    return value


_FIELDS_OF: dict[type[Reference], tuple[tuple[str, str | None], ...]] = {}


def _fields_of(cls: type[Reference]) -> tuple[tuple[str, str | None], ...]:
    """A reference class's attributes, but ``id`` and ``extra``, each with its CSL variable
    (None: CSL-JSON has none), in the class's order; worked out once per class."""
    fields = _FIELDS_OF.get(cls)
    if fields is None:
        fields = _FIELDS_OF[cls] = tuple(
            (field.name, VARIABLE_OF.get(field.name) or _NUMBER_VARIABLE.get(field.name))
            for field in attrs.fields(cls)
            if field.name not in ("id", "extra")
        )
    return fields


_NUMBER_VARIABLE = {"article_number": "number", "number": "number"}


def reference_to_item(ref: Reference, lose: Loss) -> dict[str, Any]:
    """One :class:`Reference` as a CSL-JSON item (with Juris-M ``multi`` for other forms)."""
    kind = ref.extra.get("type", CSL_TYPE_OF[type(ref)])
    if CSL_TYPES.get(kind) is not type(ref):  # an extra "type" that is not this kind's
        lose(ref, "type", f"{kind!r} is not a CSL type of a {type(ref).__name__}")
        kind = CSL_TYPE_OF[type(ref)]
    item: dict[str, Any] = {"id": ref.id, "type": kind}
    keys: dict[str, dict[str, str]] = {}
    for name, csl in _fields_of(type(ref)):
        value = getattr(ref, name)
        if value is None or value is False or (isinstance(value, tuple) and not value):
            continue
        if csl is None:
            lose(ref, name, "CSL-JSON has no variable for it")
            continue
        if isinstance(value, str):
            item[csl] = value  # most values: the test is a type check, compiled
        elif isinstance(value, Title):
            item[csl] = value.original
            if value.transliterations or value.translations:  # most titles have neither
                keys[csl] = {**value.transliterations, **value.translations}
            if value.lang is not None and value.lang != ref.language:
                lose(ref, name, f"its language ({value.lang}) differs from the item's")
        elif isinstance(value, PartialDate):
            item[csl] = date_to_csl(value)
        elif isinstance(value, tuple):
            item[csl] = [_person_json(p, ref, csl, lose) for p in value]
        else:
            item[csl] = value
    extra = ref.extra
    plan = ATTRIBUTES_OF[type(ref)]
    for key, value in extra.items() if extra else ():
        if key in ("type", "multi"):
            continue
        if key in item or key in plan or key == "id":
            lose(ref, key, "CSL-JSON would read it as the reference's own variable")
        else:
            item[key] = value
    multi = extra.get("multi") or {}
    if not isinstance(multi, dict):
        lose(ref, "multi", "CSL-JSON's multi must be an object")
        multi = {}
    multi = dict(multi)
    if keys:
        known = multi.get("_keys")
        multi["_keys"] = {**(known if isinstance(known, dict) else {}), **keys}
    if multi:
        item["multi"] = multi
    return item
