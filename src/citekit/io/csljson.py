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
from typing import Any

from citekit.errors import CitekitError, ParseError, ValidationError
from citekit.io.limits import check_value, fits
from citekit.io.problems import (
    ErrorHandler,
    LineIndex,
    Losses,
    construct,
    deliver,
    rescue,
    warn_unknown,
)
from citekit.model.csl_item import (
    ATTRIBUTES_OF,
    CSL_KNOWN,
    CSL_TYPE_OF,
    DATE_ATTRIBUTE,
    DATE_VARIABLES,
    NAME_ATTRIBUTE,
    NAME_VARIABLES,
    TITLE_ATTRIBUTE,
    VARIABLE_OF,
    Loss,
    date_from_csl,
    date_to_csl,
    reference_to_item,
)
from citekit.model.date import PartialDate
from citekit.model.date_text import parse_date_text
from citekit.model.kinds import CSL_TYPES
from citekit.model.person import Person
from citekit.model.reference import Reference
from citekit.model.title import Title, latn_scheme

# reference_to_item, CSL_KNOWN and Loss live with the model (model/csl_item.py), where the CSL
# processor reads them too; they are named here as well, where readers and writers look
__all__ = [
    "CSL_KNOWN",
    "CSL_TYPES",
    "Loss",
    "item_to_reference",
    "read_csl_json",
    "reference_to_item",
    "write_csl_json",
]


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
    refuses is decoded again item by item (:func:`_scan`), which names the line of the
    problem, or reads the items when only the space between them was not JSON's (a
    no-break space, a form feed).
    """
    try:
        value = _DECODER.decode(text)
    except (ValueError, RecursionError):  # bad JSON, a key twice, a number too long
        return [item for _, item in _scan(text)]
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

    def keys_of(number: int) -> Callable[[str], int]:  # the line of a key of item ``number``
        return lambda key: _key_line(index, key, line_of(number))

    for number, item in enumerate(items, 1):
        losses = Losses()
        try:
            try:
                ref = _reference(item, f"item-{number}", built, losses)
            except ValidationError as exc:  # one bad field costs that field: see io/problems.py
                line = line_of(number)
                ref = _rescue(exc, item, f"item-{number}", built, file, index, line, losses)
            if losses.pending():
                losses.say(file=file, ref_id=ref.id, line_of=keys_of(number))
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
    losses: Losses,
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
        return _reference(copy, fallback_id, built, losses)

    def line_of(field: str) -> int | None:
        return _key_line(index, field.partition("[")[0], line)

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
    warn_unknown(
        names,
        CSL_KNOWN,
        file=file,
        ref_id=ref.id,
        line_of=lambda key: _key_line(index, key, line),
    )


def _key_line(index: LineIndex, key: str, line: int) -> int:
    """The line of the item's key ``key`` (the item starts on ``line``), else that line."""
    return index.find(re.compile(re.escape(json.dumps(key)) + r"\s*:"), line) or line


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


def _known(built: _Built, key: tuple[Any, ...]) -> Any:
    """What ``built`` holds for ``key``: None when nothing, or when the raw values cannot be
    a key (a list where text belongs: the model refuses them each time). The caller builds
    what is missing and keeps it (only a valid value is built: an invalid one raises); no
    closure is made for a value already built."""
    try:
        return built.get(key)
    except TypeError:
        return None


def _keep(built: _Built, key: tuple[Any, ...], value: Any) -> None:
    """Keep ``value`` under ``key`` when the raw values can be a key."""
    try:  # noqa: SIM105  (contextlib.suppress costs a context manager per value kept)
        built[key] = value
    except TypeError:
        pass


def _title(
    value: Any, field: str, lang: str | None, multi: Mapping[str, Any], built: _Built | None
) -> Title | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValidationError(f"expected text, got {type(value).__name__}", field=field)
    forms = multi.get(field, _NOTHING)
    if not isinstance(forms, dict):
        raise ValidationError("multi._keys entries must be objects of tag: text", field=field)
    if built is None:
        return _new_title(value, lang, forms)
    key = ("title", value, lang, *forms.items())
    known: Title | None = _known(built, key)
    if known is None:
        known = _new_title(value, lang, forms)
        _keep(built, key, known)
    return known


def _new_title(value: str, lang: str | None, forms: dict[str, Any]) -> Title:
    transliterations: dict[str, str] = {}
    translations: dict[str, str] = {}
    for tag, text in forms.items():
        (transliterations if latn_scheme(tag) is not None else translations)[tag] = text
    return Title(value, lang=lang, transliterations=transliterations, translations=translations)


def _person(value: Any, built: _Built | None) -> Person:
    if not isinstance(value, dict):
        raise ValidationError(f"a name must be an object, got {type(value).__name__}")
    if built is None:
        return _new_person(value)
    # keyed by every field as given (a name with other forms has an object in it: no key)
    key = ("name", *value.items())
    known: Person | None = _known(built, key)
    if known is None:
        known = _new_person(value)
        _keep(built, key, known)
    return known


def _new_person(value: dict[str, Any]) -> Person:
    # value.get(...) each time, not a local get = value.get: compiled, the former is a
    # direct dict look-up, the latter a Python call
    multi = value.get("multi")
    forms = _name_forms(multi) if multi else _NOTHING
    if value.get("literal"):
        return Person(literal=value["literal"], forms=forms)
    return Person(
        value.get("family"),
        value.get("given"),
        particle=value.get("non-dropping-particle"),
        dropping_particle=value.get("dropping-particle"),
        suffix=value.get("suffix"),
        forms=forms,
    )


def _name_forms(multi: Any) -> dict[str, Person]:
    """The other forms of a name, from its ``multi``."""
    forms = {}
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
    return forms


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


def _shared_date(
    value: Any, field: str, built: _Built | None, losses: Losses | None
) -> PartialDate | None:
    """:func:`date_from_csl`, sharing the commonest shape (``{"date-parts": [[2025, 3]]}``, whole
    numbers only, so that no ``true`` or ``2025.0`` can pass for a valid date)."""
    if built is None or not isinstance(value, dict):
        return date_from_csl(value, field, losses.of(field) if losses else None)
    parts = value.get("date-parts")
    if not (parts and len(value) == 1 and isinstance(parts, list) and len(parts) == 1):
        return date_from_csl(value, field, losses.of(field) if losses else None)
    numbers = parts[0]
    if not (isinstance(numbers, list) and all(type(n) is int for n in numbers)):
        return date_from_csl(value, field)  # refused, or a whole date: nothing to lose
    key = ("date", *numbers)  # whole numbers: always a key
    known: PartialDate | None = built.get(key)
    if known is None:
        known = built[key] = date_from_csl(value, field)
    return known


_NOTHING: dict[str, Any] = {}
"""An item's missing ``multi`` (or its ``_keys``, or a field's forms there): one empty
object, only ever read, rather than a new one per item."""


def item_to_reference(item: Any, *, fallback_id: str = "item") -> Reference:
    """One CSL-JSON item as a :class:`Reference`."""
    return _reference(item, fallback_id, None)


def _reference(
    item: Any, fallback_id: str, built: _Built | None, losses: Losses | None = None
) -> Reference:
    if not isinstance(item, dict):
        raise ValidationError(f"an item must be a JSON object, got {type(item).__name__}")
    ref_id = item.get("id")
    ref_id = str(ref_id) if isinstance(ref_id, (str, int)) and str(ref_id).strip() else fallback_id
    try:
        if not fits(item):  # the common case, cheaply; else the check that names the field
            check_value(item, "item")
        return _build(item, ref_id, built, losses)
    except CitekitError as exc:
        if exc.field in VARIABLE_OF:
            exc.field = VARIABLE_OF[exc.field]
        raise exc.located(ref_id=ref_id) from None
    except ValueError as exc:  # a value the model could not convert (a year of 5,000 digits)
        raise ValidationError(f"a value citekit cannot take: {exc}", ref_id=ref_id) from None


def _build(
    item: dict[str, Any], ref_id: str, built: _Built | None, losses: Losses | None
) -> Reference:
    csl_type = item.get("type")
    cls = CSL_TYPES.get(csl_type) if isinstance(csl_type, str) else None
    if cls is None:
        known = ", ".join(CSL_TYPES)
        shown = "missing" if csl_type is None else repr(csl_type)
        raise ValidationError(
            f"item type {shown} is not supported; use one of: {known}", field="type"
        )
    plan = ATTRIBUTES_OF[cls]
    multi = item.get("multi") or _NOTHING
    if not isinstance(multi, dict):
        raise ValidationError("must be an object", field="multi")
    keys = multi.get("_keys") or _NOTHING
    main = multi.get("main")
    language = item.get("language") or main
    if main is not None and not isinstance(main, str):
        raise ValidationError("must be a language tag such as 'ru'", field="multi.main")
    if not isinstance(language, str):
        language = None  # no tag for the titles; the language field itself is refused below
    values: dict[str, Any] = {"id": ref_id}
    extra: dict[str, Any] = {}
    if CSL_TYPE_OF[cls] != csl_type:
        extra["type"] = csl_type  # several CSL types share this reference type: remember which
    for key, value in item.items():
        attribute = plan.get(key)
        if attribute is None:
            if key not in ("id", "type", "multi"):
                try:
                    extra[key] = _extra_value(key, value, losses)
                except CitekitError as exc:
                    raise exc.located(field=key) from None
            continue
        try:
            if key in TITLE_ATTRIBUTE:
                values[attribute] = _title(value, key, language, keys, built)
            elif key in NAME_ATTRIBUTE:
                values[attribute] = _people(value, key, built)
            elif key in DATE_ATTRIBUTE:
                values[attribute] = _shared_date(value, key, built, losses)
            else:
                # every other variable a reference models is text (TEXT_ATTRIBUTE, "number"):
                # a direct call, where a table of readers made a Python call of each
                values[attribute] = _text_value(value, key)
        except CitekitError as exc:
            raise exc.located(field=key) from None
    if "language" not in values and language:
        values["language"] = language
    if multi and (
        any(k not in ("_keys", "main") for k in multi)
        or any(k not in TITLE_ATTRIBUTE for k in keys)
    ):
        extra["multi"] = multi  # forms of fields citekit does not model: keep them all
    return construct(cls, values, extra)


def _extra_value(key: str, value: Any, losses: Losses | None = None) -> Any:
    """A CSL name or date variable citekit keeps in ``extra`` (``original-author``) must have
    its variable's shape, as CSL styles read it: refused here, with its line, not there. A
    date given as text (``"1869"``) is kept as the date object it means."""
    if key in NAME_VARIABLES:
        _people(value, key, None)
    elif key in DATE_VARIABLES and value is not None:
        lost = losses.of(key) if losses else None
        if isinstance(value, str):
            date = parse_date_text(value, lost=lost)
            return None if date is None else date_to_csl(date)
        if not isinstance(value, dict):
            raise ValidationError(
                'expected a date object such as {"date-parts": [[1869]]}', field=key
            )
        date_from_csl(value, key, lost)
    return value


def write_csl_json(refs: Sequence[Reference], *, lose: Loss) -> str:
    """The references as a CSL-JSON array (UTF-8 text, one item per block)."""
    items = [reference_to_item(ref, lose) for ref in refs]
    return json.dumps(items, ensure_ascii=False, indent=1) + "\n"
