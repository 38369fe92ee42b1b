"""The model: names and initials, titles, dates, identifiers, construction-time validation."""

from __future__ import annotations

import pickle

import attrs
import pytest

from citekit.errors import ValidationError
from citekit.model import (
    Book,
    JournalArticle,
    PartialDate,
    Person,
    Title,
    WebArticle,
    normalize_doi,
)
from citekit.model.identifiers import check_isbn, check_issn, check_url
from citekit.model.name_form import NameForm


@pytest.mark.parametrize(
    ("given", "initials"),
    [
        ("Валерий Олегович", ("В.", "О.")),
        ("Жан-Люк", ("Ж.-Л.",)),
        ("Юрий", ("Ю.",)),
        ("С. И.", ("С.", "И.")),
        ("S.A.", ("S.", "A.")),
        ("E.Yu.", ("E.", "Yu.")),
        ("Ж.-Л.", ("Ж.-Л.",)),
        ("Mary-Jane Alice", ("M.-J.", "A.")),
        ("  Anna   ", ("A.",)),
    ],
)
def test_initials(given: str, initials: tuple[str, ...]) -> None:
    assert Person("X", given).initials == initials


def test_person_needs_a_family_or_literal() -> None:
    with pytest.raises(ValidationError, match="family") as info:
        Person(given="Anna")
    assert info.value.field == "family"


def test_literal_stands_alone() -> None:
    with pytest.raises(ValidationError) as info:
        Person("Smith", literal="WHO")
    assert info.value.field == "literal"
    assert Person(literal="WHO").initials == ()


def test_name_as_written_is_built_with_the_person() -> None:
    person = Person("Gogh", "Vincent Willem", particle="van", suffix="Jr.")
    assert person.as_written == NameForm("van Gogh", "Vincent Willem", ("V.", "W."), "Jr.")
    assert Person(literal="WHO").as_written == NameForm("WHO", is_organisation=True)
    changed = attrs.evolve(person, given="Theo")
    assert changed.as_written.initials == ("T.",)
    copy = pickle.loads(pickle.dumps(person))
    assert copy.as_written == person.as_written


def test_latin_form_is_own_or_self() -> None:
    own = Person("Воловой", "Юрий", forms={"ru-Latn": Person("Volkovoy", "Yury")})
    assert own.latin == Person("Volkovoy", "Yury")
    assert Person("Smith", "J.").latin == Person("Smith", "J.")
    assert Person("Кистанов", "В. О.").latin is None


def test_title_forms() -> None:
    title = Title(
        "Ревизионист",
        lang="ru",
        transliterations={"ru-Latn-bsi": "Revizionist (stored)", "ru-Latn": "Revizionist"},
        translations={"en-GB": "A Revisionist"},
    )
    assert title.translation("en") == "A Revisionist"
    assert title.translation("ru") == "Ревизионист"
    assert title.translation("de") is None
    assert title.transliteration("bsi") == "Revizionist (stored)"
    assert title.transliteration("ala-lc") == "Revizionist"  # the scheme-less form
    with pytest.raises(TypeError):
        title.translations["fr"] = "x"  # type: ignore[index]


@pytest.mark.parametrize("bad", ["", "   "])
def test_title_refuses_empty(bad: str) -> None:
    with pytest.raises(ValidationError, match="non-empty"):
        Title(bad)


def test_title_refuses_bad_language() -> None:
    with pytest.raises(ValidationError, match="language tag") as info:
        Title("x", lang="Russian language")
    assert info.value.field == "lang"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2025", "2025"),
        ("2025-04", "2025-04"),
        ("2025-04-25", "2025-04-25"),
        ("2025-04/2025-06", "2025-04/2025-06"),
        ("2025-21", "2025-21"),
        ("2025~", "2025~"),
        ("2024-02-29", "2024-02-29"),
        ("2025-04-25T10:00:00Z", "2025-04-25"),
    ],
)
def test_dates_round_trip_iso(text: str, iso: str) -> None:
    assert PartialDate.parse(text).iso() == iso


@pytest.mark.parametrize(
    ("text", "field"),
    [
        ("2025-02-29", "day"),
        ("2025-13", "month"),
        ("2025-06/2025-04", "end"),
        ("April 2025", None),
        ("", None),
    ],
)
def test_bad_dates_are_refused(text: str, field: str | None) -> None:
    with pytest.raises(ValidationError) as info:
        PartialDate.parse(text)
    assert info.value.field == field


def test_season_and_month_exclude_each_other() -> None:
    assert PartialDate(2025, season="winter").key() == (2025, 12, 0)
    with pytest.raises(ValidationError, match="not both"):
        PartialDate(2025, 3, season="spring")


@pytest.mark.parametrize(
    "text",
    [
        "10.55105/2500-2872-2025-3-5-25",
        "doi:10.55105/2500-2872-2025-3-5-25",
        "DOI:10.55105/2500-2872-2025-3-5-25",
        "https://doi.org/10.55105/2500-2872-2025-3-5-25",
        "http://dx.doi.org/10.55105/2500-2872-2025-3-5-25",
        " https://doi.org/10.55105%2F2500-2872-2025-3-5-25 ",
    ],
)
def test_doi_normalised(text: str) -> None:
    assert normalize_doi(text) == "10.55105/2500-2872-2025-3-5-25"


@pytest.mark.parametrize("text", ["11.1/x", "10./x", "10.1234", "10.1234/", "10.12 34/x", "x"])
def test_bad_doi(text: str) -> None:
    with pytest.raises(ValidationError, match="not a DOI"):
        normalize_doi(text)


def test_isbn_and_issn_check_digits() -> None:
    assert check_isbn("978-3-16-148410-0") == "978-3-16-148410-0"
    assert check_isbn("0-306-40615-2") == "0-306-40615-2"
    assert check_issn("0131-2812") == "0131-2812"
    assert check_issn("2500-2872") == "2500-2872"
    with pytest.raises(ValidationError, match="ISBN"):
        check_isbn("978-3-16-148410-1")
    with pytest.raises(ValidationError, match="ISSN"):
        check_issn("0131-2813")


@pytest.mark.parametrize("url", ["javascript:alert(1)", "example.org/x", "https://a b.org/"])
def test_bad_urls(url: str) -> None:
    with pytest.raises(ValidationError, match="web address"):
        check_url(url)


def test_reference_normalises_and_validates() -> None:
    ref = JournalArticle(id="a", title="T", pages="5–25", doi="doi:10.1/x", volume=23)
    assert (ref.pages, ref.doi, ref.volume) == ("5-25", "10.1/x", "23")
    assert isinstance(ref.title, Title)
    with pytest.raises(ValidationError) as info:
        JournalArticle(id="a", pages="25-3")
    assert info.value.field == "pages"
    assert JournalArticle(id="a", pages="125-9").pages == "125-9"  # compressed, not reversed
    with pytest.raises(ValidationError, match="ends before it starts"):
        JournalArticle(id="a", pages="125-1")
    assert JournalArticle(id="a", pages="S1-S5").pages == "S1-S5"


def test_reference_is_frozen_and_hashable() -> None:
    ref = Book(id="b", title="T", authors=[Person("A", "B")])
    assert hash(ref) == hash(Book(id="b", title="T", authors=[Person("A", "B")]))
    with pytest.raises(AttributeError):
        ref.title = "U"  # type: ignore[misc]


def test_retrieval_before_publication_is_refused() -> None:
    with pytest.raises(ValidationError, match="before it was published") as info:
        WebArticle(id="w", issued="2025-05-29", accessed="2025-05-28")
    assert info.value.field == "accessed"
    # the same day, and a range that started before: both fine
    WebArticle(id="w", issued="2025-05-29", accessed="2025-05-29")
    WebArticle(id="w", issued="2025-04/2025-06", accessed="2025-05-28")


def test_reference_needs_an_id() -> None:
    with pytest.raises(ValidationError) as info:
        Book(id=" ")
    assert info.value.field == "id"


def test_abstract_types_cannot_be_built() -> None:
    from citekit.model import PeriodicalPart, Reference

    for cls in (Reference, PeriodicalPart):
        with pytest.raises(TypeError, match="abstract"):
            cls(id="x")
