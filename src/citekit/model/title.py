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

import attrs

from citekit.model.checks import (
    canonical_tag,
    finish_title,
    frozen_text_map,
    latn_scheme,
    squeezed,
    tag_case,
    valid_lang,
)

__all__ = [
    "Title",
    "canonical_tag",
    "latn_scheme",
    "primary_language",
    "to_title",
    "to_title_or_none",
    "valid_lang",
]


@attrs.frozen(slots=True)
class Title:
    """A title in its original language with its transliterations and translations."""

    original: str = attrs.field(converter=squeezed)
    lang: str | None = attrs.field(default=None, converter=tag_case)
    transliterations: Mapping[str, str] = attrs.field(
        factory=dict, converter=frozen_text_map, hash=False
    )
    translations: Mapping[str, str] = attrs.field(
        factory=dict, converter=frozen_text_map, hash=False
    )

    def __attrs_post_init__(self) -> None:
        # Every field's check, in one call (compiled in the wheel, issue #18) where four
        # validators ran; a compiled function is no method, hence the call.
        finish_title(self)

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
    if isinstance(value, str):  # to_title's work, without a second call
        return Title(value) if value.strip() else None
    return value
