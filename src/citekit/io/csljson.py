"""Reading CSL-JSON, with the Juris-M ``multi`` fields for other forms of titles and names.

An item's ``multi._keys.<field>.<tag>`` holds a translation (``en``) or a
transliteration (``ru-Latn``, ``ru-Latn-bsi``) of a field; a name's
``multi._key.<tag>`` holds another form of the name (``*-Latn``: its Latin
spelling).  Fields citekit does not model are kept in ``Reference.extra``.

>>> refs = read_csl_json('[{"id": "a", "type": "book", "title": "Война и мир", "language": "ru",'
...                      ' "multi": {"_keys": {"title": {"en": "War and Peace"}}}}]')
>>> refs[0].title.translation("en"), refs[0].title.lang
('War and Peace', 'ru')
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

import attrs

from citekit.errors import CitekitError, ParseError, ValidationError
from citekit.io.limits import check_value, fits
from citekit.io.problems import (
    ErrorHandler,
    LineIndex,
    construct,
    deliver,
    rescue,
    warn_unknown,
)
from citekit.model.date import SEASONS, PartialDate
from citekit.model.date_text import parse_date_text
from citekit.model.kinds import CSL_TYPES, KINDS
from citekit.model.person import Person
from citekit.model.reference import JournalArticle, Reference
from citekit.model.title import Title, latn_scheme

__all__ = ["CSL_TYPES", "item_to_reference", "read_csl_json", "reference_to_item", "write_csl_json"]

_CANONICAL = {kind.cls: kind.csl for kind in KINDS}  # the kinds table (model/kinds.py)

# CSL variable → model attribute. A variable whose attribute the type lacks goes to ``extra``.
_TEXT_FIELDS = {
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
_TITLE_FIELDS = {
    "title": "title",
    "container-title": "container_title",
    "collection-title": "collection_title",
}
_NAME_FIELDS = {"author": "authors", "editor": "editors", "translator": "translators"}
_DATE_FIELDS = {"issued": "issued", "accessed": "accessed", "submitted": "submitted"}
_ATTRIBUTE_TO_CSL = {
    attribute: csl
    for table in (_TEXT_FIELDS, _TITLE_FIELDS, _NAME_FIELDS, _DATE_FIELDS)
    for csl, attribute in table.items()
}


class _DuplicateKeyError(ValueError):
    pass


def _refuse_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON keeps the last of two equal keys without a word; citekit refuses the object."""
    result = dict(pairs)
    if len(result) < len(pairs):  # the rare case: find the key to name
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return result


class _LongNumberError(ValueError):
    pass


def _integer(text: str) -> int:
    """A JSON integer; one longer than a reference can mean is refused before Python's own
    limit on converting (4,300 digits) raises a bare ValueError."""
    if len(text) > _MAX_DIGITS:
        raise _LongNumberError(len(text))
    return int(text)


_MAX_DIGITS = 100
_DECODER = json.JSONDecoder(object_pairs_hook=_refuse_duplicates, parse_int=_integer)


class _Lines:
    """Line numbers of offsets that only grow: counting from the last one keeps a large file
    linear."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.offset = 0
        self.line = 1

    def at(self, offset: int) -> int:
        self.line += self.text.count("\n", self.offset, offset)
        self.offset = offset
        return self.line


def _scan(text: str) -> Iterator[tuple[int, Any]]:
    """The items of a CSL-JSON array (or a single object), each with the line it starts on,
    decoded one at a time: the slow road, taken only to find a line (:class:`_ItemLines`)
    or to locate what :func:`_parse` refused."""
    lines = _Lines(text)
    if not text.strip():
        raise ParseError(
            "the file is empty; a CSL-JSON file holds a list of items: [{…}, …]", line=1
        )
    start = len(text) - len(text.lstrip())
    begin = start
    try:
        if text[start : start + 1] != "[":
            value, end = _DECODER.raw_decode(text, start)
            if text[end:].strip():
                raise json.JSONDecodeError("unexpected text after the JSON value", text, end)
            yield lines.at(start), value
            return
        position = start + 1
        first = True
        while True:
            while position < len(text) and text[position].isspace():
                position += 1
            if text[position : position + 1] == "]":
                if text[position + 1 :].strip():
                    raise json.JSONDecodeError("unexpected text after the list", text, position + 1)
                return
            if not first:
                if text[position : position + 1] != ",":
                    raise json.JSONDecodeError("expected ',' or ']' between items", text, position)
                position += 1
                while position < len(text) and text[position].isspace():
                    position += 1
            first = False
            begin = position
            value, position = _DECODER.raw_decode(text, position)
            yield lines.at(begin), value
    except json.JSONDecodeError as exc:
        raise ParseError(f"not valid JSON: {exc.msg}", line=exc.lineno) from None
    except _DuplicateKeyError as exc:
        raise ParseError(
            f"the key {exc.args[0]!r} appears twice in one object; keep one of them",
            line=lines.at(begin),
        ) from None
    except RecursionError:
        raise ParseError(
            "the JSON is nested too deeply to be references", line=lines.at(begin)
        ) from None
    except _LongNumberError as exc:
        raise ParseError(
            f"a number of {exc.args[0]:,} digits; citekit reads numbers of up to {_MAX_DIGITS}",
            line=lines.at(begin),
        ) from None


def _items(text: str) -> list[tuple[int, Any]]:
    """The items of a CSL-JSON array (or a single object) with the line each starts on."""
    return list(_scan(text))


def _parse(text: str) -> list[Any]:
    """The items of a CSL-JSON array (or a single object), decoded in one call.

    Lines are not counted here: most files have no problem to place. What the decoder
    refuses is decoded again item by item (:func:`_scan`), which names the line.
    """
    try:
        value = _DECODER.decode(text)
    except (ValueError, RecursionError):  # bad JSON, a key twice, a number too long
        for _ in _scan(text):
            pass
        raise ParseError("not valid JSON", line=1) from None  # not reached: _scan raises
    return value if isinstance(value, list) else [value]


class _ItemLines:
    """The line each item starts on, found only when a message asks for one (a field left
    out, an unknown field, a bad item): the items are then decoded again up to it."""

    def __init__(self, text: str) -> None:
        self._scan = _scan(text)
        self._lines: list[int] = []

    def __call__(self, number: int) -> int:
        """The line item ``number`` (from 1) starts on."""
        while len(self._lines) < number:
            self._lines.append(next(self._scan)[0])
        return self._lines[number - 1]


def read_csl_json(
    text: str,
    *,
    file: str | None = None,
    on_error: ErrorHandler | None = None,
) -> list[Reference]:
    """The references in a CSL-JSON document (an array of items, or one item).

    Raises :class:`ParseError` for bad JSON and :class:`ValidationError` for a bad
    item, each with the file, the line the item starts on, its id and the field. With
    ``on_error``, a bad item is reported to it and left out, and reading goes on (bad JSON
    still stops it: what follows cannot be trusted).
    """
    references = []
    first: dict[str, int] = {}  # the number of the item each id was first met in
    try:
        items = _parse(text)
    except CitekitError as exc:
        raise exc.located(file=file) from None
    built: _Built = {}
    index = LineIndex(text)
    line_of = _ItemLines(text)
    for number, item in enumerate(items, 1):
        try:
            try:
                ref = _reference(item, f"item-{number}", built)
            except ValidationError as exc:  # one bad field costs that field: see io/problems.py
                ref = _rescue(exc, item, f"item-{number}", built, file, index, line_of(number))
            if ref.extra:
                _warn_unknown(ref, file, index, number, line_of)
            if ref.id in first:
                raise ValidationError(
                    f"the id is used again (first at line {line_of(first[ref.id])}); "
                    "ids must be unique",
                    ref_id=ref.id,
                    field="id",
                )
        except CitekitError as exc:
            exc.located(file=file, line=line_of(number))
            deliver(exc, on_error)
            continue
        first[ref.id] = number
        references.append(ref)
    return references


_PATH = re.compile(r"([^.\[]+)(?:\[(\d+)\])?")
"""An error's field as a path into the item: ``ISBN``, ``author[2]`` (``author[2].family``)."""


def _rescue(
    error: ValidationError,
    item: Any,
    fallback_id: str,
    built: _Built,
    file: str | None,
    index: LineIndex,
    line: int,
) -> Reference:
    """The item's reference without the fields (or the entries of a name list) the model
    refuses, each left out with a warning at its line."""
    if not isinstance(item, dict):
        raise error

    def gone(dropped: list[str], key: str) -> list[int]:
        """The entries of the list ``key`` left out so far, as numbered in the item."""
        return [int(p[len(key) + 1 : -1]) for p in dropped if p.startswith(key + "[")]

    def field_of(field: str | None, dropped: list[str]) -> str | None:
        match = _PATH.match(field or "")
        if match is None or match[1] in ("id", "type") or match[1] not in item:
            return None
        key, position = match[1], match[2]
        value = item[key]
        if position is None or not isinstance(value, list):
            return key
        left = [i for i in range(len(value)) if i not in gone(dropped, key)]
        return f"{key}[{left[int(position)]}]" if int(position) < len(left) else key

    def without(dropped: list[str]) -> Reference:
        copy = {key: value for key, value in item.items() if key not in dropped}
        for key, value in copy.items():
            if isinstance(value, list) and gone(dropped, key):
                drop = set(gone(dropped, key))
                copy[key] = [entry for i, entry in enumerate(value) if i not in drop]
        return _reference(copy, fallback_id, built)

    def line_of(field: str) -> int | None:
        key = field.partition("[")[0]
        return index.find(re.compile(re.escape(json.dumps(key)) + r"\s*:"), line) or line

    return rescue(error, without, field_of=field_of, line_of=line_of, file=file)


def _citekits_own(key: str) -> bool:
    """An extra field citekit's readers make and its CSL-JSON writer keeps: the original type
    (``type``, ``bibtex-type``, ``ris-type``), BibTeX's ``others``, a RIS tag (``ris:N1``)."""
    return key in ("type", "bibtex-type", "ris-type", "others") or key.startswith("ris:")


def _warn_unknown(
    ref: Reference, file: str | None, index: LineIndex, number: int, lines: _ItemLines
) -> None:
    """Name the fields of item ``number`` that are no CSL variable and no field of
    CSL-JSON's."""
    names = [key for key in ref.extra if key not in CSL_KNOWN and not _citekits_own(key)]
    if not names:
        return
    line = lines(number)

    def line_of(key: str) -> int | None:
        return index.find(re.compile(re.escape(json.dumps(key)) + r"\s*:"), line) or line

    warn_unknown(names, CSL_KNOWN, file=file, ref_id=ref.id, line_of=line_of)


def _text_value(value: Any, field: str) -> str | int | bool | None:
    if value is None or isinstance(value, str | bool):
        return value
    if isinstance(value, int):
        return str(value)  # an ISBN or a volume given as a number is the same text
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    raise ValidationError(f"expected text or a number, got {type(value).__name__}", field=field)


_Built = dict[tuple[Any, ...], Any]
"""The names, titles and dates already built while reading one document, by the raw values
they were built from: an author, a journal or an issue's date met again is the same
(immutable) object, built and checked once."""

_T = TypeVar("_T")


def _shared(built: _Built | None, key: tuple[Any, ...], make: Callable[[], _T]) -> _T:
    """What ``built`` holds for ``key``, else what ``make`` builds (kept only when it is
    valid, since an invalid value raises). Raw values that cannot be keys (a list where text
    belongs) are not kept: the model refuses them each time."""
    if built is None:
        return make()
    try:
        known: _T | None = built.get(key)
    except TypeError:
        return make()
    if known is None:
        known = built[key] = make()
    return known


def _title(
    value: Any, field: str, lang: str | None, multi: Mapping[str, Any], built: _Built | None
) -> Title | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValidationError(f"expected text, got {type(value).__name__}", field=field)
    forms = multi.get(field, {})
    if not isinstance(forms, dict):
        raise ValidationError("multi._keys entries must be objects of tag: text", field=field)
    key = ("title", value, lang, *forms.items())
    return _shared(built, key, lambda: _new_title(value, lang, forms))


def _new_title(value: str, lang: str | None, forms: dict[str, Any]) -> Title:
    transliterations: dict[str, str] = {}
    translations: dict[str, str] = {}
    for tag, text in forms.items():
        (transliterations if latn_scheme(tag) is not None else translations)[tag] = text
    return Title(value, lang=lang, transliterations=transliterations, translations=translations)


def _person(value: Any, built: _Built | None) -> Person:
    if not isinstance(value, dict):
        raise ValidationError(f"a name must be an object, got {type(value).__name__}")
    # keyed by every field as given (a name with other forms has an object in it: no key)
    return _shared(built, ("name", *value.items()), lambda: _new_person(value))


def _new_person(value: dict[str, Any]) -> Person:
    get = value.get
    forms = {}
    multi = get("multi") or {}
    keyed = multi.get("_key") or {} if isinstance(multi, dict) else None
    if not isinstance(keyed, dict):
        raise ValidationError(
            "a name's multi._key must be an object of tag: name", field="multi._key"
        )
    for tag, form in keyed.items():
        if not isinstance(form, dict):
            raise ValidationError(
                "another form of a name must be an object", field=f"multi._key.{tag}"
            )
        forms[tag] = _person({k: v for k, v in form.items() if k != "multi"}, None)
    if get("literal"):
        return Person(literal=value["literal"], forms=forms)
    return Person(
        get("family"),
        get("given"),
        particle=get("non-dropping-particle"),
        dropping_particle=get("dropping-particle"),
        suffix=get("suffix"),
        forms=forms,
    )


def _people(value: Any, field: str, built: _Built | None) -> tuple[Person, ...]:
    if not isinstance(value, list):
        raise ValidationError("expected a list of names", field=field)
    people = []
    for i, name in enumerate(value):
        try:
            people.append(_person(name, built))
        except CitekitError as exc:
            raise exc.located(field=f"{field}[{i}]") from None
    return tuple(people)


def _date_part(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    raise ValidationError(f"not a date part: {value!r}")


def _shared_date(value: Any, field: str, built: _Built | None) -> PartialDate | None:
    """:func:`_date`, sharing the commonest shape (``{"date-parts": [[2025, 3]]}``, whole
    numbers only, so that no ``true`` or ``2025.0`` can pass for a valid date)."""
    parts = value.get("date-parts") if built is not None and isinstance(value, dict) else None
    if not (parts and len(value) == 1 and isinstance(parts, list) and len(parts) == 1):
        return _date(value, field)
    numbers = parts[0]
    if not (isinstance(numbers, list) and all(type(n) is int for n in numbers)):
        return _date(value, field)
    return _shared(built, ("date", *numbers), lambda: _date(value, field))


def _date(value: Any, field: str) -> PartialDate | None:
    if value is None:
        return None
    if isinstance(value, str):
        return parse_date_text(value)
    if not isinstance(value, dict):
        raise ValidationError("expected a date object with date-parts", field=field)
    parts = value.get("date-parts")
    if not parts:
        if value.get("raw"):
            return _circa(parse_date_text(value["raw"]), value)
        if value.get("literal"):
            try:  # a literal that is a date after all ("Spring 2020", "n.d.")
                return _circa(parse_date_text(value["literal"]), value)
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


_ATTRIBUTES = {**_TEXT_FIELDS, **_TITLE_FIELDS, **_NAME_FIELDS, **_DATE_FIELDS}
"""The reference attribute each CSL variable is read into (``number`` depends on the type)."""
_NUMBER_ATTRIBUTE: dict[type[Reference], str] = {
    kind.cls: "article_number" if issubclass(kind.cls, JournalArticle) else "number"
    for kind in KINDS
    if {"article_number", "number"} & set(kind.fields)
}
_READERS: dict[str, Callable[[Any, str], Any]] = {
    "number": _text_value,
    **dict.fromkeys(_TEXT_FIELDS, _text_value),
}
"""How each CSL variable other than a title, a name list or a date is read (titles need the
item's language; all three are shared across a document's items)."""


def _plan(cls: type[Reference]) -> dict[str, str]:
    accepted = {field.name for field in attrs.fields(cls)}
    plan = {key: attribute for key, attribute in _ATTRIBUTES.items() if attribute in accepted}
    if cls in _NUMBER_ATTRIBUTE:  # CSL's number is an article number or a report's number
        plan["number"] = _NUMBER_ATTRIBUTE[cls]
    return plan


_PLANS: dict[type[Reference], dict[str, str]] = {kind.cls: _plan(kind.cls) for kind in KINDS}
"""For each reference type, the attribute each CSL variable it holds is read into; any other
variable is kept in ``extra``."""


def item_to_reference(item: Any, *, fallback_id: str = "item") -> Reference:
    """One CSL-JSON item as a :class:`Reference`."""
    return _reference(item, fallback_id, None)


def _reference(item: Any, fallback_id: str, built: _Built | None) -> Reference:
    if not isinstance(item, dict):
        raise ValidationError(f"an item must be a JSON object, got {type(item).__name__}")
    ref_id = item.get("id")
    ref_id = str(ref_id) if isinstance(ref_id, str | int) and str(ref_id).strip() else fallback_id
    try:
        if not fits(item):  # the common case, cheaply; else the check that names the field
            check_value(item, "item")
        return _build(item, ref_id, built)
    except CitekitError as exc:
        if exc.field in _ATTRIBUTE_TO_CSL:
            exc.field = _ATTRIBUTE_TO_CSL[exc.field]
        raise exc.located(ref_id=ref_id) from None
    except ValueError as exc:  # a value the model could not convert (a year of 5,000 digits)
        raise ValidationError(f"a value citekit cannot take: {exc}", ref_id=ref_id) from None


def _build(item: dict[str, Any], ref_id: str, built: _Built | None) -> Reference:
    csl_type = item.get("type")
    cls = CSL_TYPES.get(csl_type) if isinstance(csl_type, str) else None
    if cls is None:
        known = ", ".join(CSL_TYPES)
        shown = "missing" if csl_type is None else repr(csl_type)
        raise ValidationError(
            f"item type {shown} is not supported; use one of: {known}", field="type"
        )
    plan = _PLANS[cls]
    multi = item.get("multi") or {}
    if not isinstance(multi, dict):
        raise ValidationError("must be an object", field="multi")
    keys = multi.get("_keys") or {}
    language = item.get("language") or multi.get("main")
    values: dict[str, Any] = {"id": ref_id}
    extra: dict[str, Any] = {}
    if _CANONICAL[cls] != csl_type:
        extra["type"] = csl_type  # several CSL types share this reference type: remember which
    for key, value in item.items():
        attribute = plan.get(key)
        if attribute is None:
            if key not in ("id", "type", "multi"):
                try:
                    extra[key] = _extra_value(key, value)
                except CitekitError as exc:
                    raise exc.located(field=key) from None
            continue
        try:
            if key in _TITLE_FIELDS:
                values[attribute] = _title(value, key, language, keys, built)
            elif key in _NAME_FIELDS:
                values[attribute] = _people(value, key, built)
            elif key in _DATE_FIELDS:
                values[attribute] = _shared_date(value, key, built)
            else:
                values[attribute] = _READERS[key](value, key)
        except CitekitError as exc:
            raise exc.located(field=key) from None
    if "language" not in values and language:
        values["language"] = language
    other_multi = {k: v for k, v in multi.items() if k not in ("_keys", "main")}
    if other_multi or any(k not in _TITLE_FIELDS for k in keys):
        extra["multi"] = multi  # forms of fields citekit does not model: keep them all
    return construct(cls, values, extra)


_CSL_NAMES = frozenset(
    {"author", "chair", "collection-editor", "compiler", "composer", "container-author",
     "contributor", "curator", "director", "editor", "editorial-director", "editor-translator",
     "executive-producer", "guest", "host", "illustrator", "interviewer", "narrator",
     "organizer", "original-author", "performer", "producer", "recipient", "reviewed-author",
     "script-writer", "series-creator", "translator"}
)  # fmt: skip
"""CSL's name variables: a list of name objects each."""
_CSL_DATES = frozenset(
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
    {*_CSL_NAMES, *_CSL_DATES, *_CSL_OTHERS, *_ATTRIBUTES, "id", "type", "multi",
     "categories", "custom", "journalAbbreviation", "shortTitle"}
)  # fmt: skip
"""Every field name CSL-JSON knows: CSL's variables, the fields of the CSL-JSON schema, and
citekit's own (``changing``, Juris-M's ``multi``). A name outside it is kept in ``extra``
and named as unknown, with the nearest of these."""


def _extra_value(key: str, value: Any) -> Any:
    """A CSL name or date variable citekit keeps in ``extra`` (``original-author``) must have
    its variable's shape, as CSL styles read it: refused here, with its line, not there. A
    date given as text (``"1869"``) is kept as the date object it means."""
    if key in _CSL_NAMES:
        _people(value, key, None)
    elif key in _CSL_DATES and value is not None:
        if isinstance(value, str):
            date = parse_date_text(value)
            return None if date is None else _date_json(date)
        if not isinstance(value, dict):
            raise ValidationError(
                'expected a date object such as {"date-parts": [[1869]]}', field=key
            )
        _date(value, key)
    return value


# -- writing ------------------------------------------------------------------------------------

Loss = Callable[[Reference, str, str], None]
"""Called with (reference, field, why) for each value a writer cannot represent."""


def _date_json(date: PartialDate) -> dict[str, Any]:
    def parts(d: PartialDate) -> list[int]:
        return [n for n in (d.year, d.month, d.day) if n is not None]

    value: dict[str, Any] = {"date-parts": [parts(date)]}
    if date.end is not None:
        value["date-parts"].append(parts(date.end))
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
        return _date(value, "date") == date
    except ValidationError:  # 2020-01 to spring 2020 is a range only with its season
        return False


def _person_json(person: Person, ref: Reference, field: str, lose: Loss) -> dict[str, Any]:
    value: dict[str, Any] = {}
    if person.literal is not None:
        value["literal"] = person.literal
    pairs = (
        ("family", person.family),
        ("given", person.given),
        ("non-dropping-particle", person.particle),
        ("dropping-particle", person.dropping_particle),
        ("suffix", person.suffix),
    )
    value.update({key: text for key, text in pairs if text is not None})
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


def reference_to_item(ref: Reference, lose: Loss) -> dict[str, Any]:
    """One :class:`Reference` as a CSL-JSON item (with Juris-M ``multi`` for other forms)."""
    kind = ref.extra.get("type", _CANONICAL[type(ref)])
    if CSL_TYPES.get(kind) is not type(ref):  # an extra "type" that is not this kind's
        lose(ref, "type", f"{kind!r} is not a CSL type of a {type(ref).__name__}")
        kind = _CANONICAL[type(ref)]
    item: dict[str, Any] = {"id": ref.id, "type": kind}
    keys: dict[str, dict[str, str]] = {}
    numbers = {"article_number": "number", "number": "number"}
    for field in attrs.fields(type(ref)):
        value = getattr(ref, field.name)
        if value is None or value == () or field.name in ("id", "extra") or value is False:
            continue
        csl = _ATTRIBUTE_TO_CSL.get(field.name) or numbers.get(field.name)
        if csl is None:
            lose(ref, field.name, "CSL-JSON has no variable for it")
            continue
        if isinstance(value, Title):
            item[csl] = value.original
            forms = {**value.transliterations, **value.translations}
            if forms:
                keys[csl] = forms
            if value.lang is not None and value.lang != ref.language:
                lose(ref, field.name, f"its language ({value.lang}) differs from the item's")
        elif isinstance(value, PartialDate):
            item[csl] = _date_json(value)
        elif isinstance(value, tuple):
            item[csl] = [_person_json(p, ref, csl, lose) for p in value]
        else:
            item[csl] = value
    plan = _PLANS[type(ref)]
    for key, value in ref.extra.items():
        if key in ("type", "multi"):
            continue
        if key in item or key in plan or key == "id":
            lose(ref, key, "CSL-JSON would read it as the reference's own variable")
        else:
            item[key] = value
    multi = ref.extra.get("multi") or {}
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


def write_csl_json(refs: Sequence[Reference], *, lose: Loss) -> str:
    """The references as a CSL-JSON array (UTF-8 text, one item per block)."""
    items = [reference_to_item(ref, lose) for ref in refs]
    return json.dumps(items, ensure_ascii=False, indent=1) + "\n"
