"""People and organisations named in a reference.

A person has a family name and given names (full or as initials), optional
particles and suffix; an organisation is a ``literal`` name.  A person may
carry other forms of the name keyed by language tag, such as the Latin
spelling an author uses (``ru-Latn``: ``Volkovoy``), which wins over any
transliteration.

>>> Person("Кистанов", "Валерий Олегович").initials
('В.', 'О.')
>>> Person("Dupont", "Jean-Luc").initials
('J.-L.',)
>>> Person("Smith", "S.A.").initials
('S.', 'A.')
>>> Person(literal="World Health Organization").is_organisation
True
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

import attrs

from citekit.errors import ValidationError
from citekit.model.checks import canonical_tag, folded_or_none, is_text, valid_lang
from citekit.model.frozen import read_only
from citekit.model.name_form import NameForm
from citekit.script import is_latin

__all__ = ["Person", "initials_of", "split_given"]


def split_given(given: str) -> list[str]:
    """Split given names into one item per name, keeping a hyphenated name whole.

    Initials written together are separated: ``"S.A."`` gives ``["S.", "A."]``,
    ``"Ж.-Л."`` stays one item, ``"Валерий Олегович"`` gives two.
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


def _frozen_forms(value: Mapping[str, Person] | None) -> Mapping[str, Person]:
    if not value:
        return read_only(value)
    forms = {canonical_tag(k) if isinstance(k, str) else k: form for k, form in value.items()}
    if len(forms) < len(value):
        raise ValidationError("two forms under one language tag, spelt in different case")
    return read_only(forms)


def _check_forms(_inst: object, attribute: attrs.Attribute[Any], value: Mapping[str, Any]) -> None:
    for key, form in value.items():
        if not isinstance(key, str) or not valid_lang(key):
            raise ValidationError(
                f"not a language tag: {key!r}; use BCP 47, such as 'ru-Latn'", field=attribute.name
            )
        if not isinstance(form, Person):
            raise ValidationError(f"the {key!r} form must be a Person", field=attribute.name)


@attrs.frozen(slots=True)
class Person:
    """A person (family and given names) or an organisation (``literal``)."""

    family: str | None = attrs.field(default=None, converter=folded_or_none, validator=is_text)
    given: str | None = attrs.field(default=None, converter=folded_or_none, validator=is_text)
    particle: str | None = attrs.field(
        default=None, converter=folded_or_none, validator=is_text, kw_only=True
    )
    """A particle that is part of the family name for sorting (``van`` Gogh)."""
    dropping_particle: str | None = attrs.field(
        default=None, converter=folded_or_none, validator=is_text, kw_only=True
    )
    """A particle printed before the family name but not sorted with it (``de`` in de Gaulle)."""
    suffix: str | None = attrs.field(
        default=None, converter=folded_or_none, validator=is_text, kw_only=True
    )
    literal: str | None = attrs.field(
        default=None, converter=folded_or_none, validator=is_text, kw_only=True
    )
    """An organisation's name, or a name that must not be split."""
    forms: Mapping[str, Person] = attrs.field(
        factory=dict, converter=_frozen_forms, validator=_check_forms, kw_only=True, hash=False
    )
    """Other forms of the name by language tag: an own Latin spelling, a translation."""
    as_written: NameForm = attrs.field(init=False, eq=False, hash=False, repr=False)
    """The name ready to print as written: family with particles, given names, initials.
    Built once here, since every style that prints the name asks for it."""
    _latin_script: bool = attrs.field(init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.literal is None and self.family is None:
            raise ValidationError(
                "a name needs a family name, or a literal for an organisation", field="family"
            )
        if self.literal is not None and (self.family or self.given):
            raise ValidationError(
                "a literal name stands alone; drop family and given, or drop literal",
                field="literal",
            )
        # Worked out once here rather than at every formatting: every style asks for them.
        parts = (self.literal, self.family, self.given, self.particle, self.dropping_particle)
        letters = "".join(filter(None, parts))
        form = NameForm(
            self._display_family(),
            self.given,
            initials_of(self.given) if self.given else (),
            self.suffix,
            self.literal is not None,
        )
        object.__setattr__(self, "as_written", form)
        object.__setattr__(self, "_latin_script", is_latin(letters))

    @property
    def is_organisation(self) -> bool:
        """True for a literal name that is printed as it stands."""
        return self.literal is not None

    @property
    def initials(self) -> tuple[str, ...]:
        """One initial per given name: ``('В.', 'О.')``; empty for organisations."""
        return self.as_written.initials

    @property
    def is_latin(self) -> bool:
        """True when every part of the name is in Latin script (or has no letters).

        >>> Person("Kistanov", "V.O.").is_latin, Person("Кистанов", "В.О.").is_latin
        (True, False)
        """
        return self._latin_script

    @property
    def latin(self) -> Person | None:
        """The person's own Latin spelling: itself when already Latin, else a stored Latin form."""
        if self._latin_script:
            return self
        for form in self.forms.values():
            if form._latin_script:
                return form
        return None

    @property
    def display_family(self) -> str:
        """The family name with its particles as printed: ``van Gogh``, ``de Gaulle``."""
        return self.as_written.family

    def _display_family(self) -> str:
        if self.literal is not None:
            return self.literal
        if self.particle is None and self.dropping_particle is None:
            return self.family  # type: ignore[return-value]  # a name has a family or a literal
        return " ".join(filter(None, (self.dropping_particle, self.particle, self.family)))
