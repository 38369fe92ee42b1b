"""Alphabetical order: the Unicode Collation Algorithm (pyuca, DUCET), Cyrillic before Latin.

Russian lists (GOST, the journals' lists that follow them) put Cyrillic entries
first, then Latin ones, each in alphabetical order, with ``ё`` sorted as ``е``
(the UCA gives ``ё`` the primary weight of ``е``).

>>> sorted(["Яблоко", "ёж", "еж", "Zebra", "арбуз", "apple"], key=text_key)
['арбуз', 'еж', 'ёж', 'Яблоко', 'apple', 'Zebra']
"""

from __future__ import annotations

from functools import cache

from pyuca import Collator

from citekit.script import is_cyrillic, is_latin

__all__ = ["script_group", "text_key"]


@cache
def _collator() -> Collator:
    return Collator()  # parses the DUCET once (about 0.1 s), on the first sort


def script_group(text: str) -> int:
    """0 for Cyrillic, 1 for Latin, 2 for anything else: the order of a Russian list."""
    if is_cyrillic(text):
        return 0
    return 1 if is_latin(text) else 2


def text_key(text: str) -> tuple[int, tuple[int, ...]]:
    """A sort key: script group first, then the UCA collation key."""
    return (script_group(text), tuple(_collator().sort_key(text)))
