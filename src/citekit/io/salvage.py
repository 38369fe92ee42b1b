"""A reference from a CSL-JSON item built from another format, where a bad field costs that
field only.

The JATS, Crossref and DataCite readers first turn a record into a CSL-JSON item, then into a
:class:`~citekit.model.reference.Reference` through :func:`citekit.io.csljson.item_to_reference`.
When the model refuses a value (a DOI that is not a DOI, a date that does not exist), the
field is dropped with a :class:`~citekit.errors.DataLossWarning` saying where and why, and
the rest of the reference is kept. A reference that cannot stand without the field (its type)
is refused as a whole.

>>> import warnings
>>> with warnings.catch_warnings(record=True) as seen:
...     warnings.simplefilter("always")
...     ref = salvage({"id": "a", "type": "book", "title": "T", "DOI": "nonsense"}, where="x.xml:3")
>>> ref.title.original, ref.doi
('T', None)
>>> print(seen[0].message)  # doctest: +ELLIPSIS
x.xml:3: a: DOI: not read: ...
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from typing import Any

from citekit.errors import DataLossWarning, ValidationError
from citekit.io.csljson import item_to_reference
from citekit.io.problems import warn_field
from citekit.model.reference import Reference

__all__ = ["Warn", "salvage", "warn_loss"]

Warn = Callable[[str, str, str], None]
"""Called with (reference id, field, why) for each value a reader cannot keep."""

_KEY = re.compile(r"[^.\[]+")
_ESSENTIAL = {"id", "type"}


def warn_loss(where: str | None) -> Warn:
    """A :data:`Warn` that issues a :class:`DataLossWarning` prefixed with ``where``
    (``FILE:LINE``): for what a record holds that a reference has no place for."""

    def warn(ref_id: str, field: str, why: str) -> None:
        prefix = f"{where}: " if where else ""
        warnings.warn(DataLossWarning(f"{prefix}{ref_id}: {field}: not read: {why}"), stacklevel=3)

    return warn


def _field_warning(where: str | None) -> Warn:
    """A :data:`Warn` for a value the model refuses: a :class:`~citekit.errors.FieldWarning`,
    as every reader's (io/problems.py), so ``check`` lists it and ``--strict`` refuses it."""

    def warn(ref_id: str, field: str, why: str) -> None:
        warn_field(ValidationError(why, file=where, ref_id=ref_id, field=field))

    return warn


def salvage(
    item: dict[str, Any],
    *,
    where: str | None = None,
    fallback_type: str | None = None,
    warn: Warn | None = None,
) -> Reference:
    """The reference ``item`` describes, less any field the model refuses (each one warned).

    With ``fallback_type``, an item type citekit does not support is read as that type, with
    a warning, rather than refused. Raises :class:`ValidationError` when the reference cannot
    be built at all.
    """
    warn = warn or _field_warning(where)
    item = dict(item)
    ref_id = str(item.get("id", "item"))
    for _ in range(len(item) + 1):
        try:
            return item_to_reference(item, fallback_id=ref_id)
        except ValidationError as exc:
            key = _top_key(exc.field)
            if key == "type" and fallback_type and item.get("type") != fallback_type:
                warn(
                    ref_id,
                    "type",
                    f"{item.get('type')!r} is not a type citekit knows; read as {fallback_type!r}",
                )
                item["type"] = fallback_type
                continue
            if key is None or key in _ESSENTIAL or key not in item:
                raise
            warn(ref_id, exc.field or key, exc.message)
            del item[key]
            if key in ("title", "container-title", "collection-title"):
                _drop_forms(item, key)
    raise ValidationError("the item cannot be read", ref_id=ref_id)  # pragma: no cover


def _top_key(field: str | None) -> str | None:
    if not field:
        return None
    match = _KEY.match(field)
    return match.group() if match else None


def _drop_forms(item: dict[str, Any], key: str) -> None:
    """Another form of a dropped title would stand for a title that is not there."""
    keys = (item.get("multi") or {}).get("_keys")
    if isinstance(keys, dict) and key in keys:
        item["multi"] = {**item["multi"], "_keys": {k: v for k, v in keys.items() if k != key}}
