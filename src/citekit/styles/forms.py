"""Choosing which form of a title or language a style prints.

>>> from citekit.model import Title
>>> t = Title("Проблемы Дальнего Востока", lang="ru")
>>> latin_text(t, "bsi")
"Problemy Dal'nego Vostoka"
>>> english_text(Title("Японские исследования", translations={"en": "Japanese Studies in Russia"}), "bsi")
'Japanese Studies in Russia'
"""

from __future__ import annotations

from citekit.model.reference import Reference
from citekit.model.title import Title, primary_language
from citekit.script import has_cyrillic
from citekit.translit import transliterate

__all__ = [
    "dashed",
    "english_text",
    "latin_text",
    "latin_with_translation",
    "missing_translation",
    "work_language",
]


def latin_text(title: Title, scheme: str) -> str:
    """The title in Latin script: the original if it is Latin already, else a stored
    transliteration, else one made with ``scheme``."""
    if not has_cyrillic(title.original):
        return title.original
    return title.transliteration(scheme) or transliterate(title.original, scheme)


def english_text(title: Title, scheme: str) -> str:
    """The English form: the original when English, else the English translation, else the
    Latin form (a translation is never invented). Always Latin script: Cyrillic inside an
    English form is transliterated."""
    english = title.translation("en")
    return transliterate(english, scheme) if english else latin_text(title, scheme)


def work_language(ref: Reference) -> str | None:
    """The primary language subtag of the work (``ru``); a Cyrillic title without a language
    is taken as Russian, the language citekit's users cite in Cyrillic."""
    lang = ref.lang
    if lang:
        return primary_language(lang)
    if ref.title is not None and has_cyrillic(ref.title.original):
        return "ru"
    return None


def latin_with_translation(title: Title, ref: Reference, scheme: str) -> tuple[str, str | None]:
    """The title in Latin script and, for a work not in English, its English translation
    (in Latin script too), or None: what APA-like lists print as ``Title [Translation]``.

    >>> from citekit.model import JournalArticle
    >>> t = Title("Ревизионист", translations={"en": "A Revisionist"})
    >>> latin_with_translation(t, JournalArticle(id="x", title=t, language="ru"), "bsi")
    ('Revizionist', 'A Revisionist')
    """
    text = latin_text(title, scheme)
    if work_language(ref) in (None, "en"):
        return text, None
    translation = title.translation("en")
    if not translation:
        return text, None
    translation = transliterate(translation, scheme)
    return text, (translation if translation != text else None)


def missing_translation(ref: Reference) -> str | None:
    """A warning when a work not in English has no English title to print beside its own."""
    if ref.title is None or work_language(ref) in (None, "en") or ref.title.translation("en"):
        return None
    return "no English translation of the title: only the original (transliterated) is printed"


def dashed(pages: str, dash: str) -> str:
    """A page range with the style's dash: ``dashed("10-34", "–")`` → ``10–34`` (the model
    stores ranges with a hyphen)."""
    return pages.replace("-", dash)
