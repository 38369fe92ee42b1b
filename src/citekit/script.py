"""Which writing system a piece of text is in.

Styles need to know whether a name or title is Cyrillic (to transliterate it,
to sort it before Latin entries in a GOST list) without a regular expression on
the hot path, so these are plain character-range checks.

>>> is_cyrillic("Кистанов"), is_cyrillic("Kistanov")
(True, False)
>>> is_latin("Kistanov"), is_latin("Кистанов"), is_latin("2.0: ?")
(True, False, True)
"""

from __future__ import annotations

__all__ = [
    "UNSAFE_CHARACTERS",
    "folded",
    "has_cyrillic",
    "is_cyrillic",
    "is_latin",
    "printable",
]

# C0/C1 controls become nothing (tab and newlines a space); bidi embeddings, overrides and
# isolates, which can make text read differently from what it is, are dropped.
UNSAFE_CHARACTERS: dict[int, str | None] = dict.fromkeys((*range(32), 127, *range(128, 160)))
UNSAFE_CHARACTERS.update({0x09: " ", 0x0A: " ", 0x0D: " "})
UNSAFE_CHARACTERS.update(dict.fromkeys((*range(0x202A, 0x202F), *range(0x2066, 0x206A))))


def _safe(text: str) -> str:
    # every unsafe character is unprintable, so printable text needs no translation
    return text if text.isprintable() else text.translate(UNSAFE_CHARACTERS)


def printable(text: str) -> bool:
    """True when ``text`` has something to print once control and bidi characters are gone.

    >>> printable("Title"), printable("\x1b\u202e "), printable("")
    (True, False, False)
    """
    return bool(_safe(text).strip())


def folded(text: str) -> str:
    """``text`` without control and bidi characters, its runs of white space (line breaks
    included) folded into one space, and trimmed: how the model stores text.

    >>> folded(" Japan\u202e's  foreign\\npolicy ")
    "Japan's foreign policy"
    """
    return " ".join(_safe(text).split())


# Cyrillic, Cyrillic Supplement and Extended-A/B: every Cyrillic letter in use.
_CYRILLIC = frozenset(
    chr(code)
    for first, last in ((0x0400, 0x052F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F))
    for code in range(first, last + 1)
)


def _cyrillic_char(ch: str) -> bool:
    return ch in _CYRILLIC


def has_cyrillic(text: str) -> bool:
    """True when any character of ``text`` is Cyrillic (a set look-up per character, in C;
    ASCII text, most of what is not Russian, is passed over in one step)."""
    return not text.isascii() and not _CYRILLIC.isdisjoint(text)


def is_cyrillic(text: str) -> bool:
    """True when the first letter of ``text`` is Cyrillic: the script a reader sees first."""
    for ch in text:
        if ch.isalpha():
            return _cyrillic_char(ch)
    return False


def is_latin(text: str) -> bool:
    """True when ``text`` has no letters outside the Latin script (digits and punctuation pass)."""
    if text.isascii():
        return True
    for ch in text:
        if ch.isalpha() and (ord(ch) > 0x024F and not 0x1E00 <= ord(ch) <= 0x1EFF):
            return False
    return True
