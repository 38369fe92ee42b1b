"""Russian → Latin transliteration, on top of iuliia's schemas.

``bsi`` (the table Russian journals give their authors for Scopus) is the
default; the other schemes are iuliia's own:

==============  =====================================================
scheme          what it is
==============  =====================================================
``bsi``         BSI / BS 2979 as the journals print it (``новый`` → ``novyi``)
``bgn-pcgn``    BGN/PCGN 1947 (``й`` → ``y``)
``ala-lc``      ALA-LC with its diacritics and tie bars (APA's advice)
``ala-lc-alt``  ALA-LC without diacritics
``gost-7.79-b`` GOST 7.79-2000 System B (ASCII only)
``iso-9``       ISO 9:1995 = GOST 7.79-2000 System A (one letter each)
``icao``        ICAO Doc 9303 (passports)
==============  =====================================================

Latin text, digits and punctuation pass through unchanged. Cyrillic letters outside
the Russian alphabet keep their marks on the Russian base letter (``Ѐ`` → ``È``) or
come from anyascii (``і`` → ``i``, ``є`` → ``ie``), so the result is always Latin. Capitals follow the
word: ``Щука`` → ``Shchuka``; a word in capitals comes out in capitals
(``ЩУКА`` → ``SHCHUKA``), except an abbreviation, whose multi-letter
spellings keep one capital as Russian journals print them (``США`` → ``SShA``).
A capitalised word counts as an abbreviation when the text around it has
lower-case letters, or when it has at most three letters.

>>> transliterate("Россия в глобальной политике")
"Rossiya v global'noi politike"
>>> transliterate("США"), transliterate("ЩУКА"), transliterate("Щука")
('SShA', 'SHCHUKA', 'Shchuka')
>>> transliterate("Юрий", scheme="bgn-pcgn")
'Yuriy'
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping
from functools import cache, lru_cache
from types import MappingProxyType
from typing import Protocol

from anyascii import anyascii
from iuliia.repo import SCHEMA_DIR
from iuliia.schema import TranslitSchema

from citekit.errors import OptionError
from citekit.script import has_cyrillic
from citekit.script import is_cyrillic as _is_cyrillic

__all__ = ["BSI_TABLE", "DEFAULT_SCHEME", "SCHEMES", "letter_table", "transliterate"]

DEFAULT_SCHEME = "bsi"

BSI_TABLE: Mapping[str, str] = MappingProxyType(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
        "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
        "ч": "ch", "ш": "sh", "щ": "shch", "ъ": '"', "ы": "y", "ь": "'", "э": "e",
        "ю": "yu", "я": "ya",
    }
)  # fmt: skip
"""The journals' BSI table: BS 2979:1958 without its ``-ий``/``-ый`` → ``-y`` ending rule."""


class _Schema(Protocol):
    def translate(self, source: str) -> str: ...


SCHEMES: Mapping[str, str] = MappingProxyType(
    {
        "bsi": "BSI (BS 2979), the table Russian journals ask for in Latin-script reference lists",
        "bgn-pcgn": "BGN/PCGN 1947, the British and US geographic names system",
        "ala-lc": "ALA-LC with diacritics, as US libraries and APA use it",
        "ala-lc-alt": "ALA-LC without diacritics",
        "gost-7.79-b": "GOST 7.79-2000 System B, ASCII only",
        "iso-9": "ISO 9:1995 (GOST 7.79-2000 System A), one Latin letter per Cyrillic letter",
        "icao": "ICAO Doc 9303, the passport scheme",
    }
)
"""Every scheme by name, with a one-line description."""

_IULIIA = {
    "bgn-pcgn": "bgn_pcgn",
    "ala-lc": "ala_lc",
    "ala-lc-alt": "ala_lc_alt",
    "gost-7.79-b": "gost_779_alt",
    "iso-9": "gost_779",
    "icao": "icao_doc_9303",
}


def _latin_yo(table: dict[str, str] | None) -> dict[str, str] | None:
    """iuliia 0.13 writes the output for ``ё`` as Cyrillic ``ё`` in BGN/PCGN, ALA-LC and ISO 9;
    all three standards give Latin ``ë`` (docs/transliteration.md)."""
    if table is None:
        return None
    return {key: value.replace("ё", "ë") for key, value in table.items()}


def _iuliia_schema(name: str) -> _Schema:
    with open(SCHEMA_DIR / f"{name}.json", encoding="utf-8") as file:
        definition = json.load(file)
    schema: _Schema = TranslitSchema(
        name=definition["name"],
        mapping=_latin_yo(definition["mapping"]) or {},
        prev_mapping=_latin_yo(definition.get("prev_mapping")),
        next_mapping=_latin_yo(definition.get("next_mapping")),
        ending_mapping=_latin_yo(definition.get("ending_mapping")),
    )
    return schema


@cache
def _schema(scheme: str) -> _Schema:
    if scheme == "bsi":
        bsi: _Schema = TranslitSchema(name="bsi", mapping=dict(BSI_TABLE))
        return bsi
    if scheme not in _IULIIA:
        known = ", ".join(SCHEMES)
        raise OptionError(f"unknown transliteration scheme {scheme!r}; known: {known}")
    return _iuliia_schema(_IULIIA[scheme])


def _words(text: str) -> list[str]:
    """Split into runs of letters and runs of everything else, keeping every character."""
    runs: list[str] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or text[i].isalpha() != text[start].isalpha():
            runs.append(text[start:i])
            start = i
    return runs


@cache
def _letter_table(scheme: str) -> list[str] | None:
    """A ``str.translate`` table for a scheme whose letters do not depend on their
    neighbours or on word endings (``bsi``), else None: one C call instead of a lookup
    per letter.

    The table is a list indexed by code point, each character mapped to itself up to the
    last Cyrillic letter the scheme spells: ``str.translate`` indexes a list a third faster
    than it looks up a dict (28 against 43 ns a letter). A character past its end (``—``,
    ``«``) raises ``IndexError`` inside ``str.translate``, which keeps it as it is.
    """
    schema = _schema(scheme)
    if not isinstance(schema, TranslitSchema):
        return None
    if schema.prev_map or schema.next_map or schema.ending_map:
        return None
    if any(len(letter) != 1 for letter in schema.map):
        return None
    letters = {ord(letter): latin for letter, latin in schema.map.items()}
    return [letters.get(code, chr(code)) for code in range(max(letters) + 1)]


def transliterate(text: str, scheme: str = DEFAULT_SCHEME) -> str:
    """``text`` in Latin script by ``scheme``; text without Cyrillic comes back unchanged.

    Raises :class:`~citekit.errors.OptionError` for an unknown scheme.
    """
    if has_cyrillic(text):
        return _cyrillic_to_latin(text, scheme)
    _schema(scheme)  # an unknown scheme is refused whatever the text
    return text


@lru_cache(maxsize=4096)  # names and initials recur; Latin text never gets here to crowd them
def _cyrillic_to_latin(text: str, scheme: str) -> str:
    schema = _schema(scheme)
    table = _letter_table(scheme)
    if table is not None and not text.isupper():
        # With a lower-case letter anywhere no word counts as written in capitals, so the
        # letters can go one by one.
        return _finish(text.translate(table), schema)
    runs = _words(text)
    mixed_case = any(run.isalpha() and not run.isupper() for run in runs)
    out = []
    for run in runs:
        latin = schema.translate(run) if has_cyrillic(run) else run
        if run.isalpha() and run.isupper() and len(run) > 1 and not mixed_case and len(run) > 3:
            latin = latin.upper()
        out.append(latin)
    return _finish("".join(out), schema)


def _finish(result: str, schema: _Schema) -> str:
    """Letters outside Russian made Latin, and the text composed."""
    if has_cyrillic(result):
        result = "".join(_outside_russian(ch, schema) if _is_cyrillic(ch) else ch for ch in result)
    # iuliia writes some letters decomposed (ISO 9 ж → z + combining caron): compose them.
    return unicodedata.normalize("NFC", result)


def _outside_russian(letter: str, schema: _Schema) -> str:
    """A Cyrillic letter the Russian schemes lack: a Russian letter with a mark keeps the mark
    (``Ѐ`` → ``È``, ``Ў`` → ``Ŭ``); any other (``і``, ``є``, ``ґ``, ``ә``) is anyascii's."""
    decomposed = unicodedata.normalize("NFD", letter)
    base, marks = decomposed[0], decomposed[1:]
    if marks and base.lower() in BSI_TABLE:
        return schema.translate(base) + marks
    return anyascii(letter)


def letter_table() -> str:
    """Every Russian letter in every scheme, as a Markdown table (``citekit translit --table``).

    Each letter is shown between consonants (``б_б``), so that schemes with rules for a
    letter's neighbours show their ordinary spelling; docs/transliteration.md holds this table.
    """
    header = "| letter | " + " | ".join(f"`{s}`" for s in SCHEMES) + " |"
    rule = "|---" * (len(SCHEMES) + 1) + "|"
    rows = [header, rule]
    for letter in BSI_TABLE:
        cells = []
        for scheme in SCHEMES:
            latin = transliterate(f"б{letter}б", scheme)
            cells.append(latin[1:-1] if len(latin) >= 2 else latin)
        shown = " | ".join(_code(c) for c in cells)
        rows.append(f"| {letter.upper()} {letter} | {shown} |")
    return "\n".join(rows)


def _code(text: str) -> str:
    """A Markdown code span that survives backticks in the text (GOST 7.79-B uses them)."""
    if not text:
        return ""
    return f"`` {text} ``" if "`" in text else f"`{text}`"
