"""A title that exists in several languages and scripts.

A Russian article has its original Cyrillic title, a transliteration for
Latin-script lists and an English translation printed by the journal; a style
picks the form it needs.  Transliterations are keyed by a BCP 47 tag naming the
scheme (``ru-Latn-bsi``; ``ru-Latn`` when the scheme is unknown), translations
by language (``en``).

>>> t = Title("Ревизионист, а не революционер", lang="ru",
...           translations={"en": "A Revisionist, Not a Revolutionary"})
>>> t.translation("en")
'A Revisionist, Not a Revolutionary'
>>> t.transliteration("bsi") is None   # nothing stored: a style computes it
True
>>> to_title("Plain titles are fine").original
'Plain titles are fine'
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import Any

import attrs

from citekit.errors import ValidationError
from citekit.model.frozen import NOTHING
from citekit.script import folded, printable

__all__ = [
    "Title",
    "canonical_tag",
    "latn_scheme",
    "primary_language",
    "to_title",
    "to_title_or_none",
    "valid_lang",
]


@lru_cache(maxsize=1024)
def valid_lang(tag: str) -> bool:
    """True for a plausible BCP 47 tag (``ru``, ``en-GB``, ``ru-Latn-bsi``, ``zh-Hant``)."""
    parts = tag.split("-")
    if not (2 <= len(parts[0]) <= 3 and parts[0].isascii() and parts[0].isalpha()):
        return False
    return all(1 <= len(p) <= 8 and p.isascii() and p.isalnum() for p in parts[1:])


@lru_cache(maxsize=1024)
def canonical_tag(tag: str) -> str:
    """``tag`` in the case BCP 47 writes it (RFC 5646, 2.1.1): the language lower-case, a
    script title-case, a region upper-case, and everything from a singleton (``x``) on
    lower-case. Tags are case-insensitive; the model keeps one spelling of each, so that a
    format that lower-cases them (BibTeX's field names) reads back the same tag.

    >>> canonical_tag("EN-gb"), canonical_tag("ru-latn-BSI"), canonical_tag("ru-Latn-x-BSI")
    ('en-GB', 'ru-Latn-bsi', 'ru-Latn-x-bsi')
    """
    first, *rest = tag.split("-")
    parts = [first.lower()]
    singleton = False
    for part in rest:
        singleton = singleton or len(part) == 1
        if not singleton and len(part) == 4 and part.isalpha():
            parts.append(part.title())
        elif not singleton and len(part) == 2 and part.isalpha():
            parts.append(part.upper())
        else:
            parts.append(part.lower())
    return "-".join(parts)


def latn_scheme(tag: str) -> str | None:
    """The scheme a ``*-Latn-*`` tag names: ``"bsi"`` for ``ru-Latn-bsi`` or ``ru-Latn-x-bsi``,
    ``""`` for a bare ``ru-Latn``, None when the tag is not a Latin transliteration."""
    parts = tag.split("-")
    if "Latn" not in parts[1:]:
        return None
    rest = [p for p in parts[parts.index("Latn") + 1 :] if p != "x"]
    return "-".join(rest).lower()


def _check_lang(_inst: object, attribute: attrs.Attribute[Any], value: str | None) -> None:
    if value is not None and not valid_lang(value):
        raise ValidationError(
            f"not a language tag: {value!r}; use BCP 47, such as 'ru' or 'en'", field=attribute.name
        )


def _squeeze(text: Any) -> Any:
    """Control and bidi characters go; runs of white space (line breaks from a wrapped field
    included) become one space; anything but text is left for the validator to refuse."""
    if not isinstance(text, str):
        return text
    return folded(text)


def _frozen_text_map(value: Mapping[str, str] | None) -> Mapping[str, str]:
    if not value:
        return NOTHING
    forms = {
        canonical_tag(key) if isinstance(key, str) else key: _squeeze(text)
        for key, text in value.items()
    }
    if len(forms) < len(value):
        raise ValidationError("two forms under one language tag, spelt in different case")
    return MappingProxyType(forms)


def _check_text_map(
    _inst: object, attribute: attrs.Attribute[Any], value: Mapping[str, str]
) -> None:
    for key, text in value.items():
        if not isinstance(key, str) or not valid_lang(key):
            raise ValidationError(
                f"not a language tag: {key!r}; use BCP 47, such as 'en' or 'ru-Latn-bsi'",
                field=attribute.name,
            )
        if not isinstance(text, str) or not printable(text):
            raise ValidationError(f"the {key!r} form must be non-empty text", field=attribute.name)


def _check_original(_inst: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if not isinstance(value, str) or not printable(value):
        raise ValidationError("must be non-empty text", field=attribute.name)


@attrs.frozen(slots=True)
class Title:
    """A title in its original language with its transliterations and translations."""

    original: str = attrs.field(converter=_squeeze, validator=_check_original)
    lang: str | None = attrs.field(default=None, validator=_check_lang)
    transliterations: Mapping[str, str] = attrs.field(
        factory=dict, converter=_frozen_text_map, validator=_check_text_map, hash=False
    )
    translations: Mapping[str, str] = attrs.field(
        factory=dict, converter=_frozen_text_map, validator=_check_text_map, hash=False
    )

    def translation(self, lang: str) -> str | None:
        """The translation into ``lang`` (``en`` also finds ``en-GB``), or None.

        The original counts when it is already in that language.
        """
        if self.lang and _same_language(self.lang, lang):
            return self.original
        found = self.translations.get(lang)
        if found is not None:
            return found
        for key, text in self.translations.items():
            if _same_language(key, lang):
                return text
        return None

    def transliteration(self, scheme: str) -> str | None:
        """The stored Latin form made with ``scheme``; else one stored without a scheme; else None."""
        unnamed = None
        for key, text in self.transliterations.items():
            named = latn_scheme(key)
            if named == scheme:
                return text
            if named == "" or named is None:
                unnamed = unnamed or text
        return unnamed


def _same_language(tag: str, lang: str) -> bool:
    return primary_language(tag) == primary_language(lang)


@lru_cache(maxsize=256)  # a handful of tags, asked for every title formatted
def primary_language(tag: str) -> str:
    """The primary language subtag, lower-cased: ``primary_language("en-GB")`` → ``en``."""
    return tag.split("-", 1)[0].lower()


def to_title(value: str | Title) -> Title:
    """attrs converter: accept a plain string wherever a title is expected."""
    if isinstance(value, str):
        return Title(value)
    return value


def to_title_or_none(value: str | Title | None) -> Title | None:
    """attrs converter for optional titles; an empty string is no title."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return to_title(value)
