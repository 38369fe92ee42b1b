"""CSL locales: terms (forms, plurals, gender), date formats and options, with fallbacks.

The locale files are those citeproc-py ships (``citeproc/data/locales/locales-*.xml``).
A term is looked up, in order, in the style's ``<locale>`` for the exact language, the
style's ``<locale>`` for the language alone, the style's ``<locale>`` without a language,
the locale file of the language, the file of its main dialect (``de-AT`` → ``de-DE``), and
en-US.

>>> locale = load_locale("de-AT")
>>> locale.term("and")
'und'
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Final

from citekit.csl.parse import Element, Style, parse_element

__all__ = ["Locale", "load_locale"]

PRIMARY: Final = {
    "af": "af-ZA", "ar": "ar", "bg": "bg-BG", "ca": "ca-AD", "cs": "cs-CZ", "cy": "cy-GB",
    "da": "da-DK", "de": "de-DE", "el": "el-GR", "en": "en-US", "es": "es-ES", "et": "et-EE",
    "eu": "eu", "fa": "fa-IR", "fi": "fi-FI", "fr": "fr-FR", "he": "he-IL", "hr": "hr-HR",
    "hu": "hu-HU", "id": "id-ID", "is": "is-IS", "it": "it-IT", "ja": "ja-JP", "km": "km-KH",
    "ko": "ko-KR", "la": "la", "lt": "lt-LT", "lv": "lv-LV", "mn": "mn-MN", "nb": "nb-NO",
    "nl": "nl-NL", "nn": "nn-NO", "pl": "pl-PL", "pt": "pt-PT", "ro": "ro-RO", "ru": "ru-RU",
    "sk": "sk-SK", "sl": "sl-SI", "sr": "sr-RS", "sv": "sv-SE", "th": "th-TH", "tr": "tr-TR",
    "uk": "uk-UA", "vi": "vi-VN", "zh": "zh-CN",
}  # fmt: skip
"""The main dialect of a language, whose file stands in for the language alone."""

FORMS: Final = {
    "long": ("long",),
    "short": ("short", "long"),
    "verb": ("verb", "long"),
    "verb-short": ("verb-short", "verb", "short", "long"),
    "symbol": ("symbol", "short", "long"),
}


def _locale_dir() -> Path:
    return Path(str(resources.files("citeproc"))) / "data" / "locales"


class _Layer:
    """The content of one ``<locale>``: terms, date formats, options."""

    __slots__ = ("dates", "genders", "options", "ordinals", "terms")

    def __init__(self, element: Element) -> None:
        self.terms: dict[tuple[str, str, str], tuple[str, str]] = {}
        self.genders: dict[str, str] = {}
        self.ordinals: list[tuple[str, str, str, str]] = []  # name, match, gender-form, text
        self.dates: dict[str, Element] = {}
        self.options: dict[str, str] = {}
        for child in element.children:
            if child.name == "terms":
                for term in child.all("term"):
                    self._term(term)
            elif child.name == "date":
                self.dates[child.attrs.get("form", "")] = child
            elif child.name == "style-options":
                self.options.update(child.attrs)

    def _term(self, term: Element) -> None:
        name = term.attrs.get("name", "")
        form = term.attrs.get("form", "long")
        gender_form = term.attrs.get("gender-form", "")
        single = term.child("single")
        multiple = term.child("multiple")
        if single is not None or multiple is not None:
            s = single.text if single is not None else ""
            m = multiple.text if multiple is not None else s
            value = (s, m)
        else:
            value = (term.text, term.text)
        # a term written as a line break and indentation only is a term set empty: XML
        # keeps no meaning in layout whitespace (" [et al.]" with text in it stays whole)
        value = (value[0] if value[0].strip() else "", value[1] if value[1].strip() else "")
        if name.startswith("ordinal"):
            match = term.attrs.get("match", "")
            self.ordinals.append((name, match, gender_form, value[0]))
        self.terms[(name, form, gender_form)] = value
        if "gender" in term.attrs:
            self.genders[name] = term.attrs["gender"]


@lru_cache(maxsize=64)
def _file_layer(lang: str) -> _Layer | None:
    path = _locale_dir() / f"locales-{lang}.xml"
    if not path.is_file():
        return None
    return _Layer(parse_element(path.read_bytes(), str(path)))


class Locale:
    """Terms, date formats and options for one language, through the fallbacks."""

    __slots__ = ("_cache", "_ordinal_layer", "dates", "lang", "layers", "options")

    def __init__(self, lang: str, layers: list[_Layer]) -> None:
        self.lang = lang
        self.layers = layers
        self.dates: dict[str, Element] = {}
        self.options: dict[str, str] = {}
        for layer in reversed(layers):
            self.dates.update(layer.dates)
            self.options.update(layer.options)
        self._ordinal_layer = next((la for la in layers if la.ordinals), None)
        self._cache: dict[tuple[str, str, bool, str], str | None] = {}

    @property
    def punctuation_in_quote(self) -> bool:
        """Whether commas and periods go inside closing quotes (American English)."""
        return self.options.get("punctuation-in-quote") == "true"

    def gender(self, name: str) -> str:
        """The gender of a noun term (``""`` when it has none)."""
        for layer in self.layers:
            if name in layer.genders:
                return layer.genders[name]
        return ""

    def term(
        self, name: str, form: str = "long", plural: bool = False, gender: str = ""
    ) -> str | None:
        """A term's text, or None when no locale has it (``""`` is a term set empty)."""
        key = (name, form, plural, gender)
        try:
            return self._cache[key]  # one look-up where `in` then `[]` made two
        except KeyError:
            pass
        found: str | None = None
        for f in FORMS.get(form, (form, "long")):
            for layer in self.layers:
                value = layer.terms.get((name, f, gender)) or (
                    layer.terms.get((name, f, "")) if gender else None
                )
                if value is not None:
                    found = value[1] if plural else value[0]
                    break
            if found is not None:
                break
        self._cache[key] = found
        return found

    def ordinal(self, number: int, gender: str = "", long: bool = False) -> str:
        """The ordinal suffix (``"st"``), or the long ordinal word when ``long``."""
        if long and 1 <= number <= 10:
            word = self.term(f"long-ordinal-{number:02d}", gender=gender)
            if word is not None:
                return word
        layer = self._ordinal_layer
        if layer is None:
            return ""
        candidates: list[tuple[int, str]] = []
        for name, match, gender_form, text in layer.ordinals:
            if name == "ordinal":
                if gender_form in ("", gender):
                    candidates.append((0 if gender_form == gender else -1, text))
                continue
            if not name[8:].isdigit():
                continue
            value = int(name[8:])
            match = match or ("last-two-digits" if value >= 10 else "last-digit")
            if match == "whole-number":
                hit = number == value
            elif match == "last-two-digits":
                hit = number % 100 == value
            else:
                hit = number % 10 == value
            if hit and gender_form in ("", gender):
                rank = 4 if match == "whole-number" else 2 if match == "last-two-digits" else 1
                candidates.append((rank * 2 + (gender_form == gender), text))
        if not candidates:
            return ""
        return max(candidates, key=lambda c: c[0])[1]


def load_locale(lang: str | None, style: Style | None = None) -> Locale:
    """The locale for ``lang`` (the style's default locale or en-US when None)."""
    lang = lang or (style.attrs.get("default-locale") if style else None) or "en-US"
    return _build(lang, style)


def _build(lang: str, style: Style | None) -> Locale:
    base = lang.split("-")[0]
    layers: list[_Layer] = []
    if style is not None:
        by_lang: dict[str, Element] = {}
        for element in style.locales:
            by_lang.setdefault(element.attrs.get("lang", ""), element)
        for wanted in (lang, base, ""):
            if wanted in by_lang:
                layers.append(_Layer(by_lang[wanted]))
    for name in (lang, PRIMARY.get(base, base), "en-US"):
        layer = _file_layer(name)
        if layer is not None and layer not in layers:
            layers.append(layer)
    return Locale(lang, layers)
