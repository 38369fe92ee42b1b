"""citekit's own format, in YAML or JSON: the model's fields, readable and writable by hand.

A reference is a mapping with ``id``, ``type`` (``journal-article``, ``book``, …) and the
model's field names. A title is a string or ``{original, lang, transliterations,
translations}``; a person is ``"Family, Given"`` (``"Family,"`` when there is no given
name), an organisation's name without a comma, or a mapping of the name's parts (with
``forms`` for other spellings); dates are ISO 8601 / EDTF strings. Unknown keys are kept.
The JSON Schema is docs/citekit.schema.json.

>>> refs = read_yaml('''
... - id: kistanov2025
...   type: journal-article
...   language: ru
...   title: {original: Внешняя политика Японии, translations: {en: Japan's foreign policy}}
...   authors: ["Кистанов, Валерий Олегович"]
...   issued: 2025
... ''')
>>> refs[0].authors[0].given, refs[0].issued.iso(), refs[0].title.translation("en")
('Валерий Олегович', '2025', "Japan's foreign policy")
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Sequence
from functools import partial
from typing import Any

import attrs
import yaml

from citekit.errors import CitekitError, ParseError, ValidationError
from citekit.io.csljson import _extra_value  # the same checks as CSL-JSON
from citekit.io.limits import MAX_DEPTH, check_value
from citekit.io.problems import ErrorHandler, Losses, construct, deliver, rescue, warn_unknown
from citekit.model.csl_item import DATE_VARIABLES, NAME_VARIABLES, Loss
from citekit.model.date import PartialDate
from citekit.model.date_text import Lost, parse_date_text
from citekit.model.kinds import KINDS, REFERENCE_TYPES
from citekit.model.person import Person
from citekit.model.reference import Reference
from citekit.model.title import Title

__all__ = ["read_json", "read_yaml", "write_json", "write_yaml"]

_PERSON_PARTS = ("family", "given", "particle", "dropping_particle", "suffix", "literal")


class _Loader(yaml.SafeLoader):
    """Safe YAML that refuses a key given twice (PyYAML keeps the last without a word), a key
    that is not text, aliases (``*name``: a few hundred bytes of them can stand for gigabytes)
    and nesting deeper than :data:`~citekit.io.limits.MAX_DEPTH` levels (a reference needs a
    handful); dates are left as text (the model parses them)."""

    depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise ParseError(
                f"an alias (*{event.anchor}): citekit reads no YAML aliases; write the value out",
                line=event.start_mark.line + 1,
            )
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH + 2:  # the list of references and a reference: two more
                raise ParseError(
                    f"nested more than {MAX_DEPTH} levels deep in a reference",
                    line=self.peek_event().start_mark.line + 1,  # type: ignore[no-untyped-call]
                )
            node: yaml.Node | None = super().compose_node(parent, index)
            return node
        finally:
            self.depth -= 1


def _integer(loader: _Loader, node: yaml.ScalarNode) -> int:
    if len(node.value) > _MAX_DIGITS:
        raise ParseError(
            f"a number of {len(node.value):,} characters; citekit reads numbers of up to "
            f"{_MAX_DIGITS} digits",
            line=node.start_mark.line + 1,
        )
    number: int = loader.construct_yaml_int(node)
    return number


_MAX_DIGITS = 100


def _mapping(loader: _Loader, node: yaml.MappingNode) -> dict[Any, Any]:
    result: dict[Any, Any] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, str):
            raise ParseError(
                f"a key must be text, not {type(key).__name__} ({str(key)[:40]}); quote it",
                line=key_node.start_mark.line + 1,
            )
        if key in result:
            raise ParseError(
                f"the key {key!r} appears twice in one mapping; keep one of them",
                line=key_node.start_mark.line + 1,
            )
        result[key] = loader.construct_object(value_node, deep=True)
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor("tag:yaml.org,2002:int", _integer)


class _Dumper(yaml.SafeDumper):
    """Writes a value met twice in full, never as an alias (which the reader refuses)."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _text(dumper: _Dumper, data: str) -> yaml.ScalarNode:
    """Text with a line break YAML reads as one (NEL, U+2028, U+2029) is double-quoted, where
    PyYAML escapes it; in any other style it writes it raw and reads a different text back."""
    style = '"' if any(ch in data for ch in "\x85\u2028\u2029") else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _text)


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# -- reading ------------------------------------------------------------------------------------


def _title(value: Any) -> Title:
    if isinstance(value, str):
        return Title(value)
    if not isinstance(value, dict):
        raise ValidationError(f"a title is text or a mapping, not {type(value).__name__}")
    unknown = set(value) - {"original", "lang", "transliterations", "translations"}
    if unknown:
        raise ValidationError(f"a title has no {', '.join(sorted(map(str, unknown)))}")
    return Title(
        value.get("original"),
        lang=value.get("lang"),
        transliterations=value.get("transliterations") or {},
        translations=value.get("translations") or {},
    )


def _person(value: Any) -> Person:
    if isinstance(value, str):
        if "," not in value:
            return Person(literal=value)
        family, _, given = value.partition(",")
        return Person(family.strip(), given.strip() or None)
    if not isinstance(value, dict):
        raise ValidationError(f"a name is text or a mapping, not {type(value).__name__}")
    unknown = set(value) - {*_PERSON_PARTS, "forms"}
    if unknown:
        raise ValidationError(f"a name has no {', '.join(sorted(map(str, unknown)))}")
    forms = {tag: _person(form) for tag, form in (value.get("forms") or {}).items()}
    parts = {key: value.get(key) for key in ("particle", "dropping_particle", "suffix", "literal")}
    return Person(value.get("family"), value.get("given"), forms=forms, **parts)


def _date(value: Any, lost: Lost | None = None) -> PartialDate | None:
    if isinstance(value, datetime.date):
        value = value.isoformat()
    return parse_date_text(str(value), lost=lost)


def _extra(key: Any, value: Any, losses: Losses | None) -> Any:
    """A kept key checked as the CSL-JSON reader checks it: ``original-author`` must be a list
    of names and ``original-date`` a date (YAML's ``1966`` or ``1966-05-01`` as its text)."""
    if key in DATE_VARIABLES and (isinstance(value, datetime.date) or type(value) is int):
        value = value.isoformat() if isinstance(value, datetime.date) else str(value)
    return _extra_value(key, value, losses) if isinstance(key, str) else value


def _reference(
    item: Any, number: int, skip: Sequence[str] = (), losses: Losses | None = None
) -> Reference:
    """The reference ``item`` describes, without the fields (``isbn``) or names
    (``authors[2]``) in ``skip``: the ones found bad (io/problems.py)."""
    if not isinstance(item, dict):
        raise ValidationError(f"a reference must be a mapping, got {type(item).__name__}")
    kind = item.get("type")
    cls = REFERENCE_TYPES.get(kind) if isinstance(kind, str) else None
    ref_id = str(item.get("id") or f"item-{number}")
    if cls is None:
        known = ", ".join(REFERENCE_TYPES)
        raise ValidationError(f"type {kind!r} is not one of: {known}", field="type", ref_id=ref_id)
    fields = {f.name: f for f in attrs.fields(cls)}
    values: dict[str, Any] = {"id": ref_id}
    extra: dict[str, Any] = {}
    for key, value in item.items():
        if key in ("id", "type") or key in skip:
            continue
        field = fields.get(key)
        try:
            if key == "extra" and isinstance(value, dict):
                extra.update({k: _extra(k, v, losses) for k, v in value.items()})
            elif field is None or key == "extra":
                extra[key] = _extra(key, value, losses)
            elif key in ("authors", "editors", "translators"):
                values[key] = _people(key, value, skip)
            elif key in ("issued", "accessed"):
                lost = losses.of(key) if losses else None
                values[key] = None if value is None else _date(value, lost)
            elif "Title" in str(field.type):
                values[key] = None if value is None else _title(value)
            else:
                values[key] = value
        except CitekitError as exc:
            raise exc.located(field=key, ref_id=ref_id) from None
    try:
        return construct(cls, values, extra)
    except CitekitError as exc:
        raise exc.located(ref_id=ref_id) from None


def _people(key: str, value: Any, skip: Sequence[str]) -> list[Person]:
    if not isinstance(value, list):
        raise ValidationError(f"a list of names, not {type(value).__name__}")
    people = []
    for i, name in enumerate(value):
        if f"{key}[{i}]" not in skip:
            try:
                people.append(_person(name))
            except CitekitError as exc:
                raise exc.located(field=f"{key}[{i}]") from None
    return people


NATIVE_KNOWN = frozenset(
    {"id", "type", "extra", *(field.name for kind in KINDS for field in attrs.fields(kind.cls)),
     *NAME_VARIABLES, *DATE_VARIABLES}
)  # fmt: skip
"""Every key citekit's own format knows: the model's fields of every kind, and CSL's name
and date variables it keeps in ``extra`` (``original-author``, ``original-date``), checked as
CSL-JSON checks them. Another key is kept in ``extra`` and named as unknown, with the
nearest of these."""
_PATH = re.compile(r"([^.\[]+)(?:\[(\d+)\])?")


def _field_line(node: yaml.Node | None, path: str) -> int | None:
    """The line of the key ``path`` names in a reference's mapping (of its entry, for
    ``authors[2]``)."""
    match = _PATH.match(path)
    if not isinstance(node, yaml.MappingNode) or match is None:
        return None
    for key, value in node.value:
        if key.value == match[1]:
            found = key
            if match[2] is not None and isinstance(value, yaml.SequenceNode):
                found = value.value[int(match[2])] if int(match[2]) < len(value.value) else key
            line: int = found.start_mark.line + 1
            return line
    return None


def _rescue(
    error: ValidationError,
    item: Any,
    number: int,
    node: yaml.Node | None,
    file: str | None,
    losses: Losses,
) -> Reference:
    """The reference without the fields the model refuses, each left out with a warning."""
    if not isinstance(item, dict):
        raise error

    def field_of(field: str | None, dropped: list[str]) -> str | None:
        match = _PATH.match(field or "")
        if match is None or match[1] in ("id", "type") or match[1] not in item:
            return None
        return match[0]

    def build(dropped: list[str]) -> Reference:
        return _reference(item, number, dropped, losses)

    def line_of(field: str) -> int | None:
        return _field_line(node, field)

    ref_id = str(item.get("id") or f"item-{number}")
    return rescue(error, build, field_of=field_of, line_of=line_of, file=file, ref_id=ref_id)


def _read(
    items: Any,
    lines: list[int],
    file: str | None,
    on_error: ErrorHandler | None,
    nodes: Sequence[yaml.Node | None] = (),
) -> list[Reference]:
    if isinstance(items, dict):
        items = [items]
    if not isinstance(items, list):
        raise ParseError("the file must hold a list of references", file=file, line=1)
    refs = []
    for number, item in enumerate(items, 1):
        try:
            check_value(item, "item")
            node = nodes[number - 1] if number <= len(nodes) else None
            losses = Losses()
            try:
                ref = _reference(item, number, losses=losses)
            except ValidationError as exc:  # one bad field costs that field (io/problems.py)
                ref = _rescue(exc, item, number, node, file, losses)
            losses.say(file=file, ref_id=ref.id, line_of=partial(_field_line, node))
            unknown = [key for key in item if key not in NATIVE_KNOWN]
            if unknown:
                warn_unknown(
                    unknown,
                    NATIVE_KNOWN,
                    file=file,
                    ref_id=ref.id,
                    line_of=lambda key, node=node: _field_line(node, key),  # type: ignore[misc]
                )
            refs.append(ref)
        except CitekitError as exc:
            exc.located(file=file, line=lines[number - 1] if number <= len(lines) else None)
            deliver(exc, on_error)
        except ValueError as exc:  # a value the model could not convert
            error = ValidationError(f"a value citekit cannot take: {exc}")
            error.located(file=file, line=lines[number - 1] if number <= len(lines) else None)
            deliver(error, on_error)
    return refs


def read_yaml(
    text: str, *, file: str | None = None, on_error: ErrorHandler | None = None
) -> list[Reference]:
    """The references in citekit's YAML (a list of mappings, or one mapping)."""
    if not text.strip():
        raise ParseError(
            "the file is empty; a citekit YAML file holds a list of references", file=file, line=1
        )
    try:
        loader = _Loader(text)
        try:
            root = loader.get_single_node()
            items = None if root is None else loader.construct_document(root)
        finally:
            loader.dispose()
    except ParseError as exc:
        raise exc.located(file=file) from None
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise ParseError(f"not valid YAML: {exc.problem}", file=file, line=line) from None
    except yaml.YAMLError as exc:
        raise ParseError(f"not valid YAML: {exc}", file=file) from None
    nodes = root.value if isinstance(root, yaml.SequenceNode) else [root]
    return _read(
        items,
        [node.start_mark.line + 1 for node in nodes if node is not None],
        file,
        on_error,
        [node for node in nodes if node is not None],
    )


def read_json(
    text: str, *, file: str | None = None, on_error: ErrorHandler | None = None
) -> list[Reference]:
    """The references in citekit's JSON (the YAML format's JSON spelling); JSON is YAML, so
    the YAML reader with its line numbers and duplicate-key check reads it."""
    return read_yaml(text, file=file, on_error=on_error)


# -- writing ------------------------------------------------------------------------------------


def _title_value(title: Title) -> Any:
    if title.lang is None and not title.transliterations and not title.translations:
        return title.original
    value: dict[str, Any] = {"original": title.original}
    if title.lang is not None:
        value["lang"] = title.lang
    if title.transliterations:
        value["transliterations"] = dict(title.transliterations)
    if title.translations:
        value["translations"] = dict(title.translations)
    return value


def _person_value(person: Person) -> Any:
    simple = not person.forms and not (person.particle or person.dropping_particle or person.suffix)
    if simple and person.literal is not None and "," not in person.literal:
        return person.literal
    if simple and person.family is not None and "," not in person.family + (person.given or ""):
        return f"{person.family}, {person.given}" if person.given else f"{person.family},"
    value = {key: getattr(person, key) for key in _PERSON_PARTS if getattr(person, key) is not None}
    if person.forms:
        value["forms"] = {tag: _person_value(form) for tag, form in person.forms.items()}
    return value


def _item(ref: Reference) -> dict[str, Any]:
    item: dict[str, Any] = {"id": ref.id, "type": ref.kind}
    for field in attrs.fields(type(ref)):
        value = getattr(ref, field.name)
        if field.name in ("id", "extra") or value is None or value == () or value is False:
            continue
        if isinstance(value, Title):
            item[field.name] = _title_value(value)
        elif isinstance(value, PartialDate):
            item[field.name] = value.iso()
        elif isinstance(value, tuple):
            item[field.name] = [_person_value(p) for p in value]
        else:
            item[field.name] = value
    if ref.extra:
        item["extra"] = dict(ref.extra)  # kept apart: an extra "type" must not shadow the kind
    return item


def write_yaml(refs: Sequence[Reference], *, lose: Loss) -> str:
    """The references as citekit YAML; every field the model holds has a place."""
    del lose  # nothing to lose: the format is the model's
    text: str = yaml.dump(
        [_item(r) for r in refs], Dumper=_Dumper, allow_unicode=True, sort_keys=False
    )
    return text


def write_json(refs: Sequence[Reference], *, lose: Loss) -> str:
    """The references as citekit JSON."""
    del lose
    text = json.dumps([_item(r) for r in refs], ensure_ascii=False, indent=1) + "\n"
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


_YAML_UNSAFE = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)
"""What the JSON writer escapes (inside strings, where alone it can be): the characters
YAML, which reads citekit JSON, refuses or takes for a line break (NEL, U+2028, U+2029)."""
