"""The options styles take: checked once, when a call asks for them, and frozen.

Kept apart from the styles, which are pure functions of (reference, options): an options
class is an attrs class, and a style module holds no class of that kind, so that it can be
compiled (docs/performance-notes.md).

>>> Options(max_authors=3).max_authors
3
>>> GostOptions(content_type=False).content_type
False
"""

from __future__ import annotations

from typing import Any

import attrs

from citekit.errors import OptionError
from citekit.translit import SCHEMES

__all__ = ["GostOptions", "Options"]


def _check_scheme(_inst: object, _attribute: attrs.Attribute[Any], value: str) -> None:
    if value not in SCHEMES:
        raise OptionError(
            f"unknown transliteration scheme {value!r}; known: {', '.join(SCHEMES)}",
            field="translit",
        )


def _check_max_authors(_inst: object, _attribute: attrs.Attribute[Any], value: int | None) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        raise OptionError(f"max_authors must be a whole number from 1, not {value!r}")


@attrs.frozen(slots=True, kw_only=True)
class Options:
    """Options every built-in style takes; a style may subclass this with its own."""

    translit: str = attrs.field(default="bsi", validator=_check_scheme)
    """The transliteration scheme for Cyrillic that must appear in Latin script."""
    max_authors: int | None = attrs.field(default=None, validator=_check_max_authors)
    """List at most this many authors, then "et al."; None lists them all."""


@attrs.frozen(slots=True, kw_only=True)
class GostOptions(Options):
    """Options of the GOST styles, besides ``translit`` and ``max_authors``."""

    content_type: bool = True
    """GOST R 7.0.100-2018: print ``Текст : электронный`` / ``Текст : непосредственный``
    (many journals leave it out)."""
    all_authors: bool = False
    """List every author instead of three and ``[и др.]`` (2008: one and ``[и др.]``)."""
    dashes: bool = False
    """GOST R 7.0.5-2008: separate areas by ``. – `` instead of ``. ``."""
