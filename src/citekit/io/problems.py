"""What a reader does with a bad reference, a bad field and an unknown field.

A *structural* problem (the file is not JSON, a record has no type or is not an object)
costs the reference: it is raised, or passed to ``on_error`` when reading goes on
(:func:`deliver`). A *field-level* problem (a bad ISBN, a date that does not exist, a page
range that ends before it starts, a bad name) costs that field only: :func:`rescue` builds
the reference again without it and warns with a :class:`~citekit.errors.FieldWarning`
naming the file, the line of the field, the reference and the field. A field whose name the
format does not know is kept in ``extra`` and named by :func:`warn_unknown`, with the nearest
known name. Under ``warnings.simplefilter("error", FieldWarning)`` (the CLI's ``--strict``)
each field-level problem is the reference's error again.

>>> from citekit.errors import ValidationError
>>> seen = []
>>> deliver(ValidationError("bad"), seen.append)
>>> len(seen)
1
>>> nearest("autor", ["author", "editor", "title"])
'author'
"""

from __future__ import annotations

import bisect
import difflib
import re
import warnings
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any, TypeVar

import attrs

from citekit.errors import (
    CitekitError,
    FieldWarning,
    UnknownFieldWarning,
    ValidationError,
)
from citekit.io.limits import BoundError

__all__ = [
    "ErrorHandler",
    "LineIndex",
    "Losses",
    "construct",
    "deliver",
    "nearest",
    "rescue",
    "warn_field",
    "warn_unknown",
]

ErrorHandler = Callable[[CitekitError], None]
"""Receives each bad reference's error when a reader is asked to keep going."""

R = TypeVar("R")


def deliver(error: CitekitError, on_error: ErrorHandler | None) -> None:
    """Raise ``error`` (its location already filled in), or pass it to ``on_error``."""
    if on_error is None:
        raise error from None
    on_error(error)


def warn_field(error: CitekitError, prefix: str = "not read: ", *, unknown: bool = False) -> None:
    """Warn of a field-level problem (``error`` located at the field's line). Where warnings
    are made errors (``--strict``), ``error`` itself is raised: the reference is refused as
    for a structural problem."""
    category = UnknownFieldWarning if unknown else FieldWarning
    try:
        warnings.warn(category(error, prefix), stacklevel=3)
    except FieldWarning:
        raise error from None


class Losses:
    """What the values of one reference lost while it was read (the missing end of an open
    range, text after a RIS date), each with its field; said as field warnings by
    :meth:`say` once the reference's id and the field's line are known.

    >>> import warnings
    >>> losses = Losses()
    >>> losses.of("issued")("'2020/' is an open range: kept as 2020")
    >>> with warnings.catch_warnings(record=True) as said:
    ...     warnings.simplefilter("always")
    ...     losses.say(file="a.json", ref_id="a", line_of=lambda field: 3)
    >>> print(said[0].message)
    a.json:3: a: issued: '2020/' is an open range: kept as 2020
    """

    def __init__(self) -> None:
        self._said: dict[tuple[str, str], None] = {}  # a dict keeps order and says each once

    def of(self, field: str) -> Callable[[str], None]:
        """The ``lost`` callback for a parser reading ``field`` (``parse_date_text``'s)."""

        def lose(message: str) -> None:
            self._said[(field, message)] = None

        return lose

    def pending(self) -> bool:
        """Whether anything was lost: a reader makes the ``line_of`` for :meth:`say` only then."""
        return bool(self._said)

    def say(self, *, file: str | None, ref_id: str, line_of: Callable[[str], int | None]) -> None:
        """Warn of each loss at its field's line (an error under ``--strict``), then forget them."""
        said, self._said = self._said, {}
        for field, message in said:
            error = ValidationError(
                message, file=file, line=line_of(field), ref_id=ref_id, field=field
            )
            warn_field(error, "")


def rescue(
    error: CitekitError,
    build: Callable[[list[str]], R],
    *,
    field_of: Callable[[str | None, list[str]], str | None],
    line_of: Callable[[str], int | None],
    file: str | None,
    ref_id: str | None = None,
) -> R:
    """The reference ``build`` makes without the fields that fail, each left out with a
    warning; ``error`` is the first failure. ``field_of`` names the field of the input an
    error's ``field`` stands for (given the fields left out so far), or None when the error
    is structural (no field, the id, the type): then the error is raised. ``build`` takes the
    fields to leave out."""
    dropped: list[str] = []
    while True:
        if not isinstance(error, ValidationError) or isinstance(error, BoundError):
            raise error
        field = field_of(error.field, dropped)
        if field is None or field in dropped:
            raise error
        top, dot, rest = (error.field or "").partition(".")
        if top != field:  # the model named its attribute (isbn): name the input's field (SN)
            error.field = field + dot + rest
        error.located(file=file, line=line_of(field), ref_id=ref_id)
        warn_field(error)
        dropped.append(field)
        try:
            return build(dropped)
        except ValidationError as exc:
            error = exc


def nearest(name: str, known: Collection[str]) -> str | None:
    """The known name nearest ``name`` (case aside), if one is close (``autor``: ``author``)."""
    lowered = {k.lower(): k for k in known}
    found = difflib.get_close_matches(name.lower(), list(lowered), n=1, cutoff=0.75)
    return lowered[found[0]] if found else None


def warn_unknown(
    names: Iterable[str],
    known: Collection[str],
    *,
    file: str | None,
    ref_id: str,
    line_of: Callable[[str], int | None],
) -> None:
    """Name each of ``names`` (fields kept in ``extra``) that the format does not know."""
    for name in names:
        if name in known:
            continue
        guess = nearest(name, known)
        hint = f"; did you mean {guess!r}?" if guess else ""
        error = ValidationError(
            f"unknown field, kept as-is{hint}",
            file=file,
            line=line_of(name),
            ref_id=ref_id,
            field=name,
        )
        warn_field(error, "", unknown=True)


def construct(cls: Callable[..., R], values: Mapping[str, Any], extra: Mapping[str, Any]) -> R:
    """``cls(**values, extra=extra)``, where a value the model refuses without saying which
    field it was (a language tag, text where a number belongs) is named by its attribute."""
    try:
        return cls(**values, extra=extra)
    except ValidationError as exc:
        if exc.field is None:
            exc.field = _blame(cls, values)
        raise


def _blame(cls: Any, values: Mapping[str, Any]) -> str | None:
    """The first attribute whose converter refuses its value."""
    fields = attrs.fields_dict(cls)
    for name, value in values.items():
        converter = getattr(fields.get(name), "converter", None)
        if converter is None:
            continue
        try:
            converter(value)
        except (ValidationError, TypeError, ValueError):
            return name
    return None


class LineIndex:
    """The line of a field in a text, found only when a problem asks for it: the offsets of
    line starts are counted once, on first use."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: list[int] | None = None

    def _offsets(self) -> list[int]:
        if self._starts is None:
            self._starts = [0, *(m.end() for m in re.finditer("\n", self.text))]
        return self._starts

    def line(self, offset: int) -> int:
        """The line (from 1) of ``offset``."""
        return bisect.bisect_right(self._offsets(), offset)

    def find(
        self, pattern: re.Pattern[str], from_line: int, to_line: int | None = None
    ) -> int | None:
        """The line of ``pattern``'s first match from the start of ``from_line`` (to the end
        of ``to_line``), if it matches."""
        starts = self._offsets()
        begin = starts[min(max(from_line, 1), len(starts)) - 1]
        end = starts[to_line] if to_line is not None and to_line < len(starts) else len(self.text)
        match = pattern.search(self.text, begin, end)
        return self.line(match.start()) if match else None
