"""Bounds on the work one input may ask for, shared by the readers (docs/robustness.md).

A file within these bounds is read in time and memory proportional to its size; a file
beyond one is refused with an error naming the file, the line and the field, never by
running out of time or memory.

>>> check_value({"title": "x" * 10}, "item")
>>> check_value({"author": [{"family": "A"}] * (MAX_NAMES + 1)}, "item")
Traceback (most recent call last):
citekit.io.limits.BoundError: author: 10,001 entries in one list; citekit reads up to 10,000
"""

from __future__ import annotations

from typing import Any

from citekit.errors import ValidationError

__all__ = [
    "MAX_DEPTH",
    "MAX_FIELD_CHARS",
    "MAX_NAMES",
    "MAX_RECORD_CHARS",
    "BoundError",
    "check_text_size",
    "check_value",
    "fits",
    "macro_budget",
]

MAX_FIELD_CHARS = 100_000
"""Characters in one field's value (a title, an abstract, a note): a longer one is a mistake."""

MAX_RECORD_CHARS = 1_000_000
"""Characters in one reference's text in a file (a BibTeX entry, a RIS record)."""

MAX_NAMES = 10_000
"""Entries in one list (authors of one reference: large collaborations sign a few thousand)."""

MAX_DEPTH = 16
"""Levels of lists and mappings in one reference (a name's other forms need five)."""


class BoundError(ValidationError):
    """A bound on the work one file may ask for is passed: always the error of its
    reference (or file), never a field left out with a warning (docs/robustness.md)."""


def macro_budget(text: str) -> int:
    """Characters BibTeX ``@string`` macros may add to a file, in all: 1,000,000 plus 16 for
    each character of the file (a one-letter macro for a journal's name is used in full)."""
    return 1_000_000 + 16 * len(text)


def check_text_size(text: str) -> None:
    """Refuse one reference's text when it is longer than :data:`MAX_RECORD_CHARS`."""
    if len(text) > MAX_RECORD_CHARS:
        raise BoundError(
            f"the reference is {len(text):,} characters long; citekit reads up to "
            f"{MAX_RECORD_CHARS:,}"
        )


_PLAIN = (int, float, bool, type(None))


def fits(value: Any, depth: int = 0) -> bool:
    """Whether a value parsed from JSON is within every bound of :func:`check_value`; False
    also for any type JSON does not make, which :func:`check_value` then looks at.

    :func:`check_value` names the field as it goes (a string built per key, a call per
    value); this answers the common case, all within bounds, without names, one call per
    list or object. 10,000 generated items (``benchmarks/corpus.py``), CPU seconds:
    check_value 0.104, fits 0.047, of 1.40 for the whole ``read_csl_json``.

    >>> fits({"title": "x" * 10, "author": [{"family": "A"}]}), fits({"title": "x" * 100_001})
    (True, False)
    """
    if depth >= MAX_DEPTH:
        return False
    kind = type(value)
    # The dict and the list get typed names: compiled, their keys, values and items are then
    # walked directly rather than through Python's iterator protocol (issue #18): fits took
    # 30.5 million instructions where it took 37.7 (the wheel, reading 2,000 items, of 507
    # million; benchmarks/instructions.py). The loop over the items is written twice rather
    # than called, so the sources pay no call for it.
    if kind is dict:
        mapping: dict[Any, Any] = value
        for key in mapping:
            if type(key) is not str or len(key) > MAX_FIELD_CHARS:
                return False
        for item in mapping.values():
            kind = type(item)
            if kind is str:
                if len(item) > MAX_FIELD_CHARS:
                    return False
            elif kind is dict or kind is list:
                if not fits(item, depth + 1):
                    return False
            elif kind not in _PLAIN:
                return False
        return True
    if kind is list:
        items: list[Any] = value
        if len(items) > MAX_NAMES:
            return False
        for item in items:
            kind = type(item)
            if kind is str:
                if len(item) > MAX_FIELD_CHARS:
                    return False
            elif kind is dict or kind is list:
                if not fits(item, depth + 1):
                    return False
            elif kind not in _PLAIN:
                return False
        return True
    if kind is str:
        return len(value) <= MAX_FIELD_CHARS
    return kind in _PLAIN


def check_value(value: Any, field: str, depth: int = 0) -> None:
    """Refuse a value read from a file that is beyond a bound: text longer than
    :data:`MAX_FIELD_CHARS`, a list longer than :data:`MAX_NAMES`, nesting deeper than
    :data:`MAX_DEPTH`. The error names the field (``author``, ``multi._keys.title``)."""
    if isinstance(value, str):
        if len(value) > MAX_FIELD_CHARS:
            raise BoundError(
                f"{len(value):,} characters in one field; citekit reads up to {MAX_FIELD_CHARS:,}",
                field=field,
            )
        return
    if not isinstance(value, dict | list | tuple):
        return
    if depth >= MAX_DEPTH:
        raise BoundError(
            f"nested more than {MAX_DEPTH} levels deep; a reference needs a handful", field=field
        )
    if isinstance(value, dict):
        for key, item in value.items():
            check_value(key, field, depth + 1)
            check_value(item, f"{field}.{key}" if depth else str(key), depth + 1)
        return
    if len(value) > MAX_NAMES:
        raise BoundError(
            f"{len(value):,} entries in one list; citekit reads up to {MAX_NAMES:,}", field=field
        )
    for item in value:
        check_value(item, field, depth + 1)
