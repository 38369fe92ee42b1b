"""Latin forms of names: own spelling first, else transliteration; digraph initials whole."""

from __future__ import annotations

import pytest

from citekit.model import Person
from citekit.names import latin_form, original_form


@pytest.mark.parametrize(
    ("person", "family", "initials"),
    [
        (Person("Кистанов", "Валерий Олегович"), "Kistanov", ("V.", "O.")),
        (Person("Белая", "Жанна Евгеньевна"), "Belaya", ("Zh.", "E.")),
        (Person("Юдин", "Юрий"), "Yudin", ("Yu.",)),
        (Person("Щукин", "Щ. Я."), "Shchukin", ("Shch.", "Ya.")),
        (Person("Дюпон", "Жан-Люк"), "Dyupon", ("Zh.-L.",)),
        (Person("Ёлкин", "Ёж"), "Elkin", ("E.",)),
        (Person("Smith", "Juri"), "Smith", ("J.",)),
    ],
)
def test_transliterated(person: Person, family: str, initials: tuple[str, ...]) -> None:
    form = latin_form(person)
    assert (form.family, form.initials) == (family, initials)


def test_scheme_choice() -> None:
    assert latin_form(Person("Юдин", "Юрий"), "ala-lc-alt").initials == ("Iu.",)
    assert latin_form(Person("Юдин", "Юрий"), "bgn-pcgn").given == "Yuriy"


@pytest.mark.parametrize(
    ("own", "initials"),
    [
        (Person("Volkovoy", "Yury"), ("Yu.",)),
        (Person("Volkovoy", "Youri"), ("Y.",)),  # the owner spells it Yo-: keep their initial
        (Person("Volkovoy", "Iurii"), ("Iu.",)),  # the passport (ICAO) spelling of Ю
        (Person("Volkovoy", "Yu."), ("Yu.",)),
    ],
)
def test_own_spelling_wins(own: Person, initials: tuple[str, ...]) -> None:
    person = Person("Воловой", "Юрий", forms={"ru-Latn": own})
    form = latin_form(person, "ala-lc")  # whatever the scheme, the own spelling is kept
    assert form.family == "Volkovoy"
    assert form.initials == initials


def test_mixed_script_name_is_transliterated_where_needed() -> None:
    form = latin_form(Person("Smith", "Ёж"))
    assert (form.family, form.initials) == ("Smith", ("E.",))


def test_organisation() -> None:
    form = latin_form(Person(literal="Институт Дальнего Востока"))
    assert form.family == "Institut Dal'nego Vostoka"
    assert form.is_organisation
    assert original_form(Person(literal="ИДВ РАН")).family == "ИДВ РАН"
