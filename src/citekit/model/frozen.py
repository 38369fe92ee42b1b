"""Read-only mappings, as the model keeps translations, name forms and extra fields.

Most references have none of these, so every empty one is the same object.

>>> read_only({}) is read_only(None) is NOTHING
True
>>> read_only({"en": "Peace"})["en"]
'Peace'

They pickle (for :func:`citekit.format_many`'s worker processes, or a user's own): the
standard library cannot pickle a ``mappingproxy``, and a proxy of a copy of the same dict is
what one means.
"""

from __future__ import annotations

import copyreg
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

__all__ = ["NOTHING", "read_only"]

V = TypeVar("V")

NOTHING: Mapping[str, Any] = MappingProxyType({})
"""The empty read-only mapping."""


def read_only(value: Mapping[str, V] | None) -> Mapping[str, V]:
    """A read-only copy of ``value`` (:data:`NOTHING` when it is empty or None)."""
    if not value:
        return NOTHING
    return MappingProxyType(dict(value))


def _rebuild(mapping: dict[str, object]) -> MappingProxyType[str, object]:
    return MappingProxyType(mapping)


def _reduce(
    proxy: MappingProxyType[str, object],
) -> tuple[Callable[..., MappingProxyType[str, object]], tuple[dict[str, object]]]:
    return _rebuild, (dict(proxy),)


copyreg.pickle(MappingProxyType, _reduce)
