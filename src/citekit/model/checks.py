"""How the model checks and normalises the value of a field: the converters and validators
its attrs classes declare (``Reference``, ``Person``, ``Title``, ``PartialDate``).

Each takes whatever a caller gives (``object``, ``Any``): compiled, a parameter annotated
``str`` refuses anything else with a bare ``TypeError`` before the check can name the field.

They live apart from the classes so that the wheel can compile them (mypyc compiles no attrs
class): every reference a reader builds runs a dozen of them, and reading is most of a whole
job (issue #18). The classes keep the declarations; what a value must be is said here.

>>> short_text("  Japanese   Studies "), short_text(23), short_text("  ")
('Japanese Studies', '23', None)
>>> pages("125–9")
'125-9'
>>> valid_lang("ru-Latn-bsi"), canonical_tag("EN-gb")
(True, 'en-GB')
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from citekit.errors import ValidationError
from citekit.model.frozen import NOTHING, read_only
from citekit.model.name_form import NameForm
from citekit.script import folded, is_latin, printable

if TYPE_CHECKING:
    from attrs import Attribute

__all__ = [
    "SEASONS",
    "canonical_tag",
    "check_month",
    "check_season",
    "check_year",
    "extra_fields",
    "finish_person",
    "finish_title",
    "folded_or_none",
    "frozen_name_forms",
    "frozen_text_map",
    "initials_of",
    "language",
    "latn_scheme",
    "optional",
    "page_range",
    "pages",
    "reference_id",
    "short_text",
    "split_given",
    "squeezed",
    "tag_case",
    "tuple_of",
    "valid_lang",
]

SEASONS = ("spring", "summer", "autumn", "winter")


# Language tags


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


# Text


def folded_or_none(value: Any) -> Any:
    """Text as the model stores it (:func:`~citekit.script.folded`); blank text is no value;
    anything else is left for :func:`finish_person` to refuse."""
    if isinstance(value, str):
        return folded(value) or None
    return value


def short_text(value: object) -> str | None:
    """Optional short text: numbers are accepted (``volume=23``), blanks are no value."""
    if value is None:
        return None
    if isinstance(value, str):
        return folded(value) or None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(f"expected text, got {type(value).__name__}: {value!r}")
    return str(int(value))


def squeezed(text: Any) -> Any:
    """Control and bidi characters go; runs of white space (line breaks from a wrapped field
    included) become one space; anything but text is left for :func:`finish_title` to refuse."""
    if not isinstance(text, str):
        return text
    return folded(text)


def frozen_text_map(value: Mapping[Any, Any] | None) -> Mapping[str, str]:
    """Other forms of a text by language tag, read-only, each tag spelt as BCP 47 spells it."""
    if not value:
        return NOTHING
    forms = {
        canonical_tag(key) if isinstance(key, str) else key: squeezed(text)
        for key, text in value.items()
    }
    if len(forms) < len(value):
        raise ValidationError("two forms under one language tag, spelt in different case")
    return MappingProxyType(forms)


def finish_title(title: Any) -> None:
    """What a ``Title`` checks once its converters have run (its ``__attrs_post_init__``), in
    the order of its fields: the text non-empty, the language an optional tag, every other
    form non-empty text under a language tag. One compiled call where four validators ran."""
    original = title.original
    if not isinstance(original, str) or not printable(original):
        raise ValidationError("must be non-empty text", field="original")
    lang = title.lang
    if lang is not None and (not isinstance(lang, str) or not valid_lang(lang)):
        raise ValidationError(
            f"not a language tag: {lang!r}; use BCP 47, such as 'ru' or 'en'", field="lang"
        )
    transliterations = title.transliterations
    if transliterations:
        _check_text_map(transliterations, "transliterations")
    translations = title.translations
    if translations:
        _check_text_map(translations, "translations")


def _check_text_map(value: Any, field: str) -> None:
    """Every key a language tag, every form non-empty text."""
    for key, text in value.items():
        if not isinstance(key, str) or not valid_lang(key):
            raise ValidationError(
                f"not a language tag: {key!r}; use BCP 47, such as 'en' or 'ru-Latn-bsi'",
                field=field,
            )
        if not isinstance(text, str) or not printable(text):
            raise ValidationError(f"the {key!r} form must be non-empty text", field=field)


def tag_case(value: object) -> object:
    """Converter: a language tag in BCP 47's case (:func:`canonical_tag`); anything that is
    not a tag is left for :func:`finish_title` to refuse."""
    if isinstance(value, str) and valid_lang(value):
        return canonical_tag(value)
    return value


# Names


def split_given(given: str) -> list[str]:
    """Split given names into one item per name, keeping a hyphenated name whole.

    Initials written together are separated: ``"S.A."`` gives ``["S.", "A."]``,
    ``"Ж.-Л."`` stays one item, ``"Валерий Олегович"`` gives two.

    >>> split_given("S.A."), split_given("Ж.-Л. Валерий")
    (['S.', 'A.'], ['Ж.-Л.', 'Валерий'])
    """
    items: list[str] = []
    for word in given.split():
        if "-" in word:
            items.append(word)
            continue
        start = 0
        for i, ch in enumerate(word):
            if ch == ".":
                items.append(word[start : i + 1])
                start = i + 1
        if start < len(word):
            items.append(word[start:])
    return [item for item in items if item.strip(".")]


def _initial(name: str) -> str:
    """``"Олег"`` → ``"О."``; an abbreviation already written (``"Zh."``, ``"Chr."``) is kept."""
    if name.endswith("."):
        return name
    for ch in name:
        if ch.isalpha():
            return ch.upper() + "."
    return name


@lru_cache(maxsize=8192)
def initials_of(given: str) -> tuple[str, ...]:
    """The initials of given names, one per name, hyphenated names joined by a hyphen.

    >>> initials_of("Жан-Люк Юрьевич")
    ('Ж.-Л.', 'Ю.')
    >>> initials_of("E.Yu.")
    ('E.', 'Yu.')
    """
    result = []
    for item in split_given(given):
        parts = [p for p in item.split("-") if p]
        result.append("-".join(_initial(p) for p in parts))
    return tuple(result)


def frozen_name_forms(value: Any) -> Any:
    """Converter: a person's other forms by language tag, read-only, each tag spelt as BCP 47
    spells it; what the forms are is left for :func:`finish_person` to check."""
    if not value:
        return NOTHING
    forms = {canonical_tag(k) if isinstance(k, str) else k: form for k, form in value.items()}
    if len(forms) < len(value):
        raise ValidationError("two forms under one language tag, spelt in different case")
    return MappingProxyType(forms)


def finish_person(person: Any, person_type: type) -> None:
    """What a ``Person`` (a ``person_type``) checks once its converters have run, and what it
    works out once (its ``__attrs_post_init__``): every part of the name text or absent, every
    other form a person under a language tag, a family name or a literal but not both; then
    the name as written and whether it is all Latin, which every style asks for."""
    family = person.family
    given = person.given
    particle = person.particle
    dropping = person.dropping_particle
    suffix = person.suffix
    literal = person.literal
    _name_part(family, "family")
    _name_part(given, "given")
    _name_part(particle, "particle")
    _name_part(dropping, "dropping_particle")
    _name_part(suffix, "suffix")
    _name_part(literal, "literal")
    forms = person.forms
    if forms:
        for key, form in forms.items():
            if not isinstance(key, str) or not valid_lang(key):
                raise ValidationError(
                    f"not a language tag: {key!r}; use BCP 47, such as 'ru-Latn'", field="forms"
                )
            if not isinstance(form, person_type):
                raise ValidationError(f"the {key!r} form must be a Person", field="forms")
    if literal is None and family is None:
        raise ValidationError(
            "a name needs a family name, or a literal for an organisation", field="family"
        )
    if literal is not None:
        if family or given:
            raise ValidationError(
                "a literal name stands alone; drop family and given, or drop literal",
                field="literal",
            )
        shown: str = literal
    elif particle is None and dropping is None:
        shown = family
    else:
        shown = " ".join([part for part in (dropping, particle, family) if part])
    letters = "".join([part for part in (literal, family, given, particle, dropping) if part])
    form = NameForm(shown, given, initials_of(given) if given else (), suffix, literal is not None)
    object.__setattr__(person, "as_written", form)
    object.__setattr__(person, "_latin_script", is_latin(letters))


def _name_part(value: object, field: str) -> None:
    """After :func:`folded_or_none`, only the type is left to check."""
    if value is not None and not isinstance(value, str):
        raise ValidationError("must be non-empty text or absent", field=field)


# A reference's own fields

_DASHES = str.maketrans({"–": "-", "—": "-", "‒": "-", "−": "-"})


def pages(value: object) -> str | None:
    """Pages as written, with any dash made a hyphen; a reversed range is refused."""
    text = short_text(value)
    if text is None:
        return None
    text = text.translate(_DASHES).replace(" - ", "-")
    first, last = page_range(text)
    if last is not None and first.isdigit() and last.isdigit():
        # "125-9" is a compressed 125-129: expand before comparing
        expanded = first[: max(0, len(first) - len(last))] + last
        if int(expanded) < int(first):
            raise ValidationError(f"the page range {text!r} ends before it starts", field="pages")
    return text


def page_range(pages: str) -> tuple[str, str | None]:
    """``"5-25"`` → ``("5", "25")``; ``"e123"`` → ``("e123", None)``.

    Only a single hyphen between two parts makes a range, so ``"S1-S5, S9"`` is
    returned whole as the first part.
    """
    first, sep, last = pages.partition("-")
    if sep and first and last and "-" not in last and "," not in pages:
        return first.strip(), last.strip()
    return pages, None


def optional(check: Callable[[str], str]) -> Callable[[object], str | None]:
    """Converter: ``check`` for text, None for no value or blank text; anything else is
    refused (``True`` is no DOI)."""

    def convert(value: object) -> str | None:
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if not isinstance(value, str):
            raise ValidationError(f"expected text, got {type(value).__name__}: {value!r}")
        return check(value)

    return convert


def tuple_of(kind: type) -> Callable[[object], tuple[Any, ...]]:
    """Converter: a tuple of ``kind`` (``Person``) from any iterable, or from None; an item of
    another type is refused, naming its place.

    >>> people = tuple_of(str)
    >>> people(["a", "b"]), people(None)
    (('a', 'b'), ())
    """

    def convert(value: Any) -> tuple[Any, ...]:
        items = tuple(value or ())
        for i, item in enumerate(items):
            if not isinstance(item, kind):
                raise ValidationError(f"item {i} is {type(item).__name__}, not a {kind.__name__}")
        return items

    return convert


def language(value: object) -> str | None:
    """Converter: the work's language tag, or None."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(f"not a language tag: {value!r}; use BCP 47, such as 'ru' or 'en'")
    if not value.strip():
        return None
    value = value.strip()
    if not valid_lang(value):
        raise ValidationError(f"not a language tag: {value!r}; use BCP 47, such as 'ru' or 'en'")
    return canonical_tag(value)


def reference_id(value: object) -> str:
    """Converter: a non-empty id, trimmed."""
    if not isinstance(value, str) or not value.strip():
        raise ValidationError("every reference needs a non-empty id", field="id")
    return value.strip()


def extra_fields(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    """Converter: the fields a reader kept unmodelled, read-only."""
    if not value:  # most references: no call of read_only, which the wheel does not compile
        return NOTHING
    return read_only(value)


# Dates


def check_year(_inst: object, attribute: Attribute[Any], value: object) -> None:
    """Validator: a year from -9999 to 9999."""
    if not isinstance(value, int) or isinstance(value, bool) or not -9999 <= value <= 9999:
        raise ValidationError(f"not a year: {value!r}", field=attribute.name)


def check_month(_inst: object, attribute: Attribute[Any], value: object) -> None:
    """Validator: an optional month, 1 to 12."""
    if value is not None and (
        not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 12
    ):
        raise ValidationError(f"not a month: {value!r}; use 1 to 12", field=attribute.name)


def check_season(_inst: object, attribute: Attribute[Any], value: object) -> None:
    """Validator: an optional season, one of :data:`SEASONS`."""
    if value is not None and value not in SEASONS:
        raise ValidationError(
            f"not a season: {value!r}; use one of {', '.join(SEASONS)}", field=attribute.name
        )
