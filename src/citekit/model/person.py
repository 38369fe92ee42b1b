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

import attrs

from citekit.model.checks import (
    finish_person,
    folded_or_none,
    frozen_name_forms,
    initials_of,
    split_given,
)
from citekit.model.name_form import NameForm

__all__ = ["Person", "initials_of", "split_given"]


@attrs.frozen(slots=True)
class Person:
    """A person (family and given names) or an organisation (``literal``)."""

    family: str | None = attrs.field(default=None, converter=folded_or_none)
    given: str | None = attrs.field(default=None, converter=folded_or_none)
    particle: str | None = attrs.field(default=None, converter=folded_or_none, kw_only=True)
    """A particle that is part of the family name for sorting (``van`` Gogh)."""
    dropping_particle: str | None = attrs.field(
        default=None, converter=folded_or_none, kw_only=True
    )
    """A particle printed before the family name but not sorted with it (``de`` in de Gaulle)."""
    suffix: str | None = attrs.field(default=None, converter=folded_or_none, kw_only=True)
    literal: str | None = attrs.field(default=None, converter=folded_or_none, kw_only=True)
    """An organisation's name, or a name that must not be split."""
    forms: Mapping[str, Person] = attrs.field(
        factory=dict, converter=frozen_name_forms, kw_only=True, hash=False
    )
    """Other forms of the name by language tag: an own Latin spelling, a translation."""
    as_written: NameForm = attrs.field(init=False, eq=False, hash=False, repr=False)
    """The name ready to print as written: family with particles, given names, initials.
    Built once here, since every style that prints the name asks for it."""
    _latin_script: bool = attrs.field(init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # The checks of every field and what is worked out once (the name as written, its
        # script) run compiled in the wheel (issue #18); a compiled function is no method.
        finish_person(self, Person)

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
