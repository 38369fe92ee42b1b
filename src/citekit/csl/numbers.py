"""Numbers in CSL: numeric tests, ordinals, roman numerals, page ranges, plurals of labels.

>>> page_range("321-28", "chicago")
'321–28'
>>> roman(14)
'xiv'
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["is_numeric", "is_plural", "page_range", "roman", "split_numbers"]

_NUMERIC: Final = re.compile(
    r"^\s*[A-Za-z]{0,3}\d+[A-Za-z]{0,3}(?:\s*(?:[-\u2013,&]|and)\s*[A-Za-z]{0,3}\d+[A-Za-z]{0,3})*\s*$"
)
_NUMBER_TOKEN: Final = re.compile(r"(\s*(?:[-\u2013,&]|\band\b)\s*)")


def is_numeric(value: object) -> bool:
    """Whether a value counts as numeric for ``is-numeric`` and ``<number>``."""
    if isinstance(value, int) and not isinstance(value, bool):
        return True
    if not isinstance(value, str):
        return False
    return bool(_NUMERIC.match(value))


def split_numbers(value: str) -> list[str]:
    """``"1-3, 5"`` → ``["1", "-", "3", ", ", "5"]``: numbers and separators in turn."""
    return [p for p in _NUMBER_TOKEN.split(value) if p != ""]


def is_plural(value: object) -> bool:
    """Whether a number variable holds more than one number (``1-3``, ``2, 4``, ``1 & 2``)."""
    if isinstance(value, int):
        return False
    text = str(value)
    low, hyphen, high = text.partition("-")
    if _plain_number(low) and (not hyphen or _plain_number(high)):
        return bool(hyphen)  # "12", "117-129": what the patterns below say, without them
    if "\\-" in text:
        return False
    if _ROMAN_RANGE.search(text):
        return True
    return bool(_PLURAL_SEPARATOR.search(text)) and len(_DIGITS.findall(text)) > 1


# compiled once: a pattern given to re.search as a string is looked up in re's cache on
# every call, a Python function even in the compiled wheel (ieee's page labels, 1,000
# entries: is_plural was 4% of the bibliography's time)
_PLURAL_SEPARATOR: Final = re.compile(r"\d\s*(?:[-\u2013,&]|\band\b|\bet\b|\bund\b)")
_DIGITS: Final = re.compile(r"\d+")


_ROMAN: Final = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
          (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip


def roman(number: int) -> str:
    """Lower-case roman numerals (up to 3999; larger numbers stay arabic)."""
    if not 0 < number < 4000:
        return str(number)
    out = []
    for value, letters in _ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


_RANGE: Final = re.compile(
    r"(?<!\w)((?:\d*[A-Za-z]+)?)(\d+)\s*[-\u2013]+\s*((?:\d*[A-Za-z]+)?)(\d+)(?!\w)"
)
"""A range of two numbers, each after its own prefix: letters, or digits then letters
(``8n11564-8n1568``, note 11564 on page 8, as citeproc-js reads it)."""


def _format_range(first: str, last: str, form: str) -> str:
    if len(last) < len(first):
        last = first[: len(first) - len(last)] + last  # 321-8 → 321-328 first
    if form == "expanded" or int(last) < int(first):
        return last
    if form == "minimal":
        return _minimal(first, last, 1)
    if form == "minimal-two":
        return _minimal(first, last, 2)
    if form == "chicago" or form == "chicago-15" or form == "chicago-16":
        f = int(first)
        if f < 100 or f % 100 == 0:
            return last
        if f % 100 < 10:
            return _minimal(first, last, 1)
        if len(first) == 4 and form != "chicago-16":
            shortened = _minimal(first, last, 2)
            if len(shortened) >= 3:
                return last
            return shortened
        return _minimal(first, last, 2)
    return last


def _minimal(first: str, last: str, keep: int) -> str:
    if len(first) != len(last):
        return last
    i = 0
    while i < len(first) - 1 and first[i] == last[i]:
        i += 1
    cut = last[i:]
    if len(cut) < keep:
        cut = last[-keep:] if len(last) >= keep else last
    return cut


def page_range(value: str, form: str | None, delimiter: str = "\u2013") -> str:
    """A page range as ``page-range-format`` (``expanded``, ``minimal``, ``minimal-two``,
    ``chicago``) asks; every range's hyphen becomes ``delimiter``. A range whose numbers
    carry different prefixes (``N110-5``, ``110-N6``) keeps its hyphen; one with the same
    prefix on both keeps the second only when it is written out whole."""
    if "\\-" in value:  # an escaped hyphen is a hyphen, not a range
        return value.replace("\\-", "-")
    low, hyphen, high = value.partition("-")
    if hyphen and _plain_number(low) and _plain_number(high) and delimiter == "\u2013":
        # the common case, "117-129", without the three passes of patterns below (what
        # they would make of it)
        if int(high) < int(low) and len(high) >= len(low):
            return value
        return f"{low}{delimiter}{_format_range(low, high, form) if form else high}"

    def one(m: re.Match[str]) -> str:
        pre1, first, pre2, last = m.groups()
        if pre1 != pre2:
            return f"{pre1}{first}-{pre2}{last}"
        if int(last) < int(first) and len(last) >= len(first):
            return f"{pre1}{first}-{pre2}{last}"
        if form:
            last = _format_range(first, last, form)
            if form != "expanded":
                pre2 = ""
        return f"{pre1}{first}{delimiter}{pre2}{last}"

    out = _SPACED_HYPHEN.sub("-", _RANGE.sub(one, value))
    return _ROMAN_RANGE.sub(lambda m: f"{m.group(1)}{delimiter}{m.group(2)}", out)


def _plain_number(text: str) -> bool:
    """Whether ``text`` is ASCII digits only (what ``\\d+`` matches whole in a range)."""
    return text.isdigit() and text.isascii()


_SPACED_HYPHEN: Final = re.compile(r"(?<=\w)\s+-\s+(?=\w)")


_ROMAN_RANGE: Final = re.compile(r"\b([ivxlcdm]+)\s*[-\u2013]\s*([ivxlcdm]+)\b")
