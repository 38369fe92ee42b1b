"""How styles name a work's language.

>>> language_note("ru"), language_note("de"), language_note("xx")
('In Russian', 'In German', 'In xx')
>>> ELPUB_NOTES["ru"]
'In Russ.'
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["CYRILLIC_LANGUAGES", "ELPUB_NOTES", "LANGUAGE_NAMES", "language_note"]

LANGUAGE_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "ru": "Russian", "uk": "Ukrainian", "be": "Belarusian", "kk": "Kazakh", "ky": "Kyrgyz",
        "uz": "Uzbek", "tg": "Tajik", "hy": "Armenian", "ka": "Georgian", "az": "Azerbaijani",
        "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
        "pl": "Polish", "cs": "Czech", "bg": "Bulgarian", "sr": "Serbian", "fi": "Finnish",
        "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "ar": "Arabic", "tr": "Turkish",
        "mn": "Mongolian", "fa": "Persian",
    }
)  # fmt: skip
"""English names of languages by ISO 639-1 code."""

CYRILLIC_LANGUAGES = frozenset({"ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn"})
"""Languages written in Cyrillic (ISO 639-1): a date in one of them is printed in Russian words."""

ELPUB_NOTES: Mapping[str, str] = MappingProxyType(
    {"ru": "In Russ.", "uk": "In Ukr.", "be": "In Belarus."}
)
"""The abbreviated notes the Elpub platform prints; other languages get :func:`language_note`."""


def language_note(lang: str) -> str:
    """``In Russian``: the words of a References list's language note (without parentheses)."""
    return f"In {LANGUAGE_NAMES.get(lang, lang)}"
